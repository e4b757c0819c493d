"""Read-only JSON API v1: the machine view of the catalogue.

django-ninja gives typed parameters, validation and an OpenAPI description from the same
code. Every record carries all three languages at once, so one request is enough for a
client in any language.
"""

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Schema
from ninja import Path as PathEx
from ninja.errors import ValidationError

from catalogue import filters
from catalogue.i18n import language_codes, translated_urls, translated_values
from catalogue.links import absolute_url
from catalogue.models import MAX_ID, Practice, Status
from municipalities.models import Municipality

api = NinjaAPI(
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


MunicipalityCode = Annotated[str, PathEx(pattern=r"^[0-9]{3}$")]


class Translated(Schema):
    fi: str | None
    sv: str | None
    en: str | None


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


class RegionRef(Schema):
    code: str
    name: Translated


class PracticeRef(Schema):
    id: int
    title: Translated
    url: Translated


class MunicipalityOut(Schema):
    code: str
    name: Translated
    slug: Translated
    url: Translated
    region: RegionRef
    practice_count: int


class MunicipalityDetailOut(MunicipalityOut):
    practices: list[PracticeRef]


class PracticePage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[PracticeOut]


class MunicipalityPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[MunicipalityOut]


class ErrorOut(Schema):
    error: str
    parameters: list[str]
    detail: list[dict]


class PracticeFilterParams(Schema):
    """The same filters as the public practice list. Repeat a parameter for OR."""

    q: str | None = Field(
        None, description="Search words (websearch syntax on PostgreSQL), at most 200 characters."
    )
    municipality: list[str] = Field([], description="Statistics Finland municipality code.")
    region: list[str] = Field([], description="Statistics Finland region code.")
    target_group: list[str] = Field([], description="Target group slug.")
    theme: list[str] = Field([], description="Theme slug.")
    language: list[str] = Field([], description="ISO 639 code of a service language.")
    partner: list[str] = Field([], description="Partner organisation slug.")
    kind: Literal["service"] | None = Field(
        None, description="service: only services residents can take part in."
    )
    checked: Literal["recent"] | None = Field(
        None, description="recent: only practices an editor checked in the last two years."
    )
    lang: Literal["fi", "sv", "en"] = Field("fi", description="The language searched in.")
    modified_after: datetime | None = Field(
        None,
        description=(
            "ISO 8601 time: only practices changed after it, for incremental sync "
            "(remember the largest updated_at you have seen)."
        ),
    )


class PageParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")
    page_size: int = Field(20, ge=1, le=100, description="Items per page, 1 to 100.")


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc: ValidationError):
    """Bad input is the client's error: 400 naming each offending parameter, never a 500."""
    parameters = sorted({str(error["loc"][-1]) for error in exc.errors if error.get("loc")})
    return api.create_response(
        request,
        {
            "error": "invalid_parameter",
            "parameters": parameters,
            "detail": [{"parameter": str(e["loc"][-1]), "message": e["msg"]} for e in exc.errors],
        },
        status=400,
    )


def _absolute(request, urls: dict[str, str]) -> dict[str, str | None]:
    return {code: absolute_url(urls[code]) if code in urls else None for code in language_codes()}


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
        "url": _absolute(request, translated_urls(practice)),
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


def _municipality(request, municipality: Municipality) -> dict:
    return {
        "code": municipality.code,
        "name": translated_values(municipality, "name"),
        "slug": translated_values(municipality, "slug"),
        "url": _absolute(request, translated_urls(municipality)),
        "region": {
            "code": municipality.region.code,
            "name": translated_values(municipality.region, "name"),
        },
        "practice_count": municipality.practice_count,
    }


def _paginate(request, queryset, params: PageParams, serialize, count=None) -> dict:
    count = queryset.count() if count is None else count
    start = (params.page - 1) * params.page_size
    items = list(queryset[start : start + params.page_size])

    def link(page):
        query = request.GET.copy()
        query["page"] = page
        return absolute_url(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "next": link(params.page + 1) if start + params.page_size < count else None,
        "previous": link(params.page - 1) if params.page > 1 else None,
        "results": [serialize(request, item) for item in items],
    }


@api.get("/practices/", response={200: PracticePage, 400: ErrorOut}, tags=["practices"])
def list_practices(request, params: Query[PageParams], search: Query[PracticeFilterParams]):
    """Practices matching the filters, by id, or best match first when `q` is given."""
    query = filters.parse(request.GET)
    filters.resolve(query)
    if query.problems:
        raise ValidationError(
            [{"loc": ("query", p.parameter), "msg": str(p.reason)} for p in query.problems]
        )
    selection = filters.select(query, search.lang)
    queryset = filters.results(selection, query, search.lang)
    if search.modified_after is not None:
        modified_after = search.modified_after
        if timezone.is_naive(modified_after):
            modified_after = timezone.make_aware(modified_after, UTC)
        queryset = queryset.filter(updated_at__gt=modified_after)
    if not query.q:
        queryset = queryset.order_by("id")
    queryset = queryset.with_related()
    count = selection.count() if search.modified_after is None else None
    return _paginate(request, queryset, params, practice_record, count)


@api.get("/practices/{practice_id}/", response={200: PracticeOut}, tags=["practices"])
def get_practice(request, practice_id: PracticeId):
    return practice_record(
        request, get_object_or_404(Practice.objects.published().with_related(), pk=practice_id)
    )


def _municipalities():
    return (
        Municipality.objects.select_related("region")
        .annotate(practice_count=Count("practices", filter=Q(practices__status=Status.PUBLISHED)))
        .order_by("code")
    )


@api.get(
    "/municipalities/", response={200: MunicipalityPage, 400: ErrorOut}, tags=["municipalities"]
)
def list_municipalities(request, params: Query[PageParams]):
    """Every municipality in the catalogue, ordered by Statistics Finland code."""
    return _paginate(request, _municipalities(), params, _municipality)


@api.get("/municipalities/{code}/", response={200: MunicipalityDetailOut}, tags=["municipalities"])
def get_municipality(request, code: MunicipalityCode):
    municipality = get_object_or_404(
        _municipalities().prefetch_related(
            Prefetch("practices", queryset=Practice.objects.published().order_by("id"))
        ),
        code=code,
    )
    return {
        **_municipality(request, municipality),
        "practices": [
            {
                "id": p.pk,
                "title": translated_values(p, "title"),
                "url": _absolute(request, translated_urls(p)),
            }
            for p in municipality.practices.all()
        ],
    }
