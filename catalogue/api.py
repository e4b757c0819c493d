"""Read-only JSON API v1: the machine view of the catalogue.

django-ninja gives typed parameters, validation and an OpenAPI description from the same
code. Every record carries all three languages at once, so one request is enough for a
client in any language.
"""

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja import Path as PathEx
from ninja.errors import ValidationError
from pydantic import AfterValidator, BeforeValidator

from catalogue import filters
from catalogue.models import MAX_ID, Practice
from catalogue.related import attach_related_to_all
from catalogue.search import MATCH_CAP
from common.api import (
    ErrorOut,
    NotFoundOut,
    PageParams,
    Translated,
    absolute_urls,
    paginate,
    refuse_empty,
)
from common.i18n import translated_urls, translated_values
from municipalities.api import router as municipalities_router


class CatalogueAPI(NinjaAPI):
    """The API, whose OpenAPI document also lists the known filter values and describes
    the downloads and feeds (catalogue.openapi), so that one document covers every
    machine-readable address."""

    def get_openapi_schema(self, **kwargs):
        from catalogue.openapi import complete

        return complete(super().get_openapi_schema(**kwargs))


api = CatalogueAPI(
    title="Kunnat kotouttavat API",
    version="1",
    description=(
        "Read-only data of the catalogue of Finnish municipalities' immigrant-integration "
        "practices, in Finnish, Swedish and English."
    ),
    urls_namespace="api",
    # The interactive docs load Swagger UI from a CDN; the OpenAPI JSON stays at openapi.json.
    docs_url=None,
)


# Ids are positive 64-bit integers: anything larger is a client's error, not a server's.
PracticeId = Annotated[int, PathEx(ge=1, le=MAX_ID)]


class MunicipalityRef(Schema):
    code: str
    name: Translated


class TermRef(Schema):
    slug: str
    name: Translated


class LanguageRef(Schema):
    code: str
    name: Translated
    autonym: str


class SourceOut(Schema):
    title: str
    publisher: str
    year: int
    page: int | None


class OrganiserOut(Schema):
    """HSDS: the service's organization."""

    type: Literal["municipality", "organisation"]
    key: str = Field(description="Municipality code or partner organisation slug.")
    name: Translated


class LinkOut(Schema):
    """HSDS: service.url (one per language)."""

    title: Translated
    url: Translated


class ServicePointOut(Schema):
    """HSDS: location with its physical address (address_1, postal_code, city)."""

    name: Translated
    street_address: Translated
    postcode: str
    town: Translated


class PracticeOut(Schema):
    id: int
    title: Translated
    summary: Translated
    description: Translated
    slug: Translated
    url: Translated
    original_language: str
    municipalities: list[MunicipalityRef]
    target_groups: list[TermRef]
    themes: list[TermRef]
    partners: list[TermRef]
    service_languages: list[LanguageRef]
    kind: Literal["service", "arrangement"] = Field(
        description="service: residents can take part; arrangement: between authorities."
    )
    check_status: Literal["unchecked", "running", "ended", "unknown"]
    last_checked: date | None = Field(description="When an editor last checked the practice.")
    organiser: OrganiserOut | None
    how_to_take_part: Translated
    email: str
    phone: str = Field(description="E.164, e.g. +358931012345; empty when not known.")
    links: list[LinkOut]
    service_points: list[ServicePointOut]
    opening_times: Translated
    cost: Literal["free", "paid", "varies", ""]
    cost_details: Translated
    place_accessibility: Translated
    source: SourceOut
    updated_at: datetime


class PracticePage(Schema):
    count: int
    count_is_estimate: bool = Field(
        description=(
            f"True when a search matches more practices than it reads ({MATCH_CAP:,}): "
            f"`count` and the pages then cover the best-ranked of the first {MATCH_CAP:,} "
            "matches, and more exist."
        )
    )
    next: str | None
    previous: str | None
    results: list[PracticeOut]


# RFC 3339 (the ISO 8601 profile of OpenAPI's date-time): date, time and offset. A number
# is not a time here, though pydantic would read it as Unix time.
RFC3339 = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"
)


def _iso_8601_only(value):
    if not isinstance(value, str) or not RFC3339.match(value):
        raise ValueError("Give an ISO 8601 date and time with its offset: 2025-01-31T12:00:00Z.")
    return value


def _whole_milliseconds_after(value: datetime) -> datetime:
    """The first instant, in UTC, that the API would write as a later time than `value`.

    updated_at is sent with milliseconds, so "changed after T" means "sent as a time after
    T": stored microseconds below the millisecond must not make the record newer than the
    time the client saw. Times at the ends of the calendar are clamped to it.
    """
    earliest, latest = datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)
    try:
        value = value.astimezone(UTC)
        return value.replace(microsecond=value.microsecond // 1000 * 1000) + timedelta(
            milliseconds=1
        )
    except OverflowError:
        return latest if value.year > 1 else earliest


ModifiedAfter = Annotated[
    datetime, BeforeValidator(_iso_8601_only), AfterValidator(_whole_milliseconds_after)
]


class PracticeFilterParams(Schema):
    """The API's own parameters of the practice list.

    The filters (q, exact and the facets) are not declared here: catalogue.filters parses
    them, once, for the list page and the API alike, and describes them to OpenAPI
    (filters.openapi_parameters).
    """

    lang: Literal["fi", "sv", "en"] = Field(
        "fi", description="The language searched first, and the order of the titles."
    )
    modified_after: ModifiedAfter | None = Field(
        None,
        description=(
            "RFC 3339 (ISO 8601) time with offset: only practices whose updated_at, as the "
            "API writes it (milliseconds), is later. For incremental sync, pass the largest "
            "updated_at you have seen: a page of results then never repeats."
        ),
    )


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc: ValidationError):
    """Bad input is the client's error: 400 naming each offending parameter, never a 500."""
    detail = [
        {"parameter": _parameter(error["loc"]), "message": error["msg"]}
        for error in exc.errors
        if error.get("loc")
    ]
    return api.create_response(
        request,
        {
            "error": "invalid_parameter",
            "parameters": sorted({d["parameter"] for d in detail}),
            "detail": detail,
        },
        status=400,
    )


def _parameter(loc) -> str:
    """The parameter's name: ("query", "search", "region", 0) is a value of region."""
    return str([part for part in loc if isinstance(part, str)][-1])


def _term(obj) -> dict:
    return {"slug": obj.slug, "name": translated_values(obj, "name")}


def practice_record(request, practice: Practice) -> dict:
    """A practice as the API, the CSV export and catalogue.json carry it."""
    return {
        "id": practice.pk,
        "title": translated_values(practice, "title"),
        "summary": translated_values(practice, "summary"),
        "description": translated_values(practice, "description"),
        "slug": translated_values(practice, "slug"),
        "url": absolute_urls(translated_urls(practice)),
        "original_language": practice.original_language,
        "municipalities": [
            {"code": m.code, "name": translated_values(m, "name")}
            for m in practice.ordered_municipalities()
        ],
        "target_groups": [_term(t) for t in practice.target_groups.all()],
        "themes": [_term(t) for t in practice.themes.all()],
        "partners": [_term(p) for p in practice.partners.all()],
        "service_languages": [
            {"code": lang.code, "name": translated_values(lang, "name"), "autonym": lang.autonym}
            for lang in practice.service_languages.all()
        ],
        "kind": practice.kind,
        "check_status": practice.check_status,
        "last_checked": practice.last_checked,
        **take_part_record(practice),
        "source": practice.source,
        "updated_at": practice.updated_at,
    }


def take_part_record(practice: Practice) -> dict:
    """How to take part in a practice; the API page names each field's HSDS counterpart."""
    organiser = None
    if practice.organiser_partner:
        organiser = {
            "type": "organisation",
            "key": practice.organiser_partner.slug,
            "name": translated_values(practice.organiser_partner, "name"),
        }
    elif practice.organiser_municipality or practice.lead_municipality:
        municipality = practice.organiser_municipality or practice.lead_municipality
        organiser = {
            "type": "municipality",
            "key": municipality.code,
            "name": translated_values(municipality, "name"),
        }
    return {
        "organiser": organiser,
        "how_to_take_part": translated_values(practice, "how_to_take_part"),
        "email": practice.email,
        "phone": practice.phone.as_e164 if practice.phone else "",
        "links": [
            {"title": translated_values(link, "title"), "url": translated_values(link, "url")}
            for link in practice.links.all()
        ],
        "service_points": [
            {
                "name": translated_values(point, "name"),
                "street_address": translated_values(point, "street_address"),
                "postcode": point.postcode,
                "town": translated_values(point, "town"),
            }
            for point in practice.service_points.all()
        ],
        "opening_times": translated_values(practice, "opening_times"),
        "cost": practice.cost,
        "cost_details": translated_values(practice, "cost_details"),
        "place_accessibility": translated_values(practice, "place_accessibility"),
    }


@api.get(
    "/practices/",
    response={200: PracticePage, 400: ErrorOut},
    tags=["practices"],
    openapi_extra={"parameters": filters.openapi_parameters()},
)
def list_practices(request, params: Query[PageParams], search: Query[PracticeFilterParams]):
    """Practices matching the filters, by id, or best match first when `q` is given."""
    refuse_empty(request, "page", "page_size", "lang", "modified_after")
    query = filters.parse(request.GET)
    filters.resolve(query)
    if query.problems:
        raise ValidationError(
            [{"loc": ("query", p.parameter), "msg": str(p.reason)} for p in query.problems]
        )
    selection = filters.select(query, search.lang)
    queryset = filters.results(selection, query, search.lang)
    if search.modified_after is not None:
        queryset = queryset.filter(updated_at__gte=search.modified_after)
    if not query.q:
        queryset = queryset.order_by("id")
    # What each record links to is read for the whole page at once (catalogue.related).
    queryset = queryset.with_organisers()
    count = selection.count() if search.modified_after is None else None
    return paginate(
        request,
        queryset,
        params,
        practice_record,
        count,
        prepare=attach_related_to_all,
        count_is_estimate=selection.count_is_estimate,
    )


@api.get(
    "/practices/{practice_id}/",
    response={200: PracticeOut, 400: ErrorOut, 404: NotFoundOut},
    tags=["practices"],
)
def get_practice(request, practice_id: PracticeId):
    return practice_record(
        request, get_object_or_404(Practice.objects.published().with_related(), pk=practice_id)
    )


api.add_router("", municipalities_router)
