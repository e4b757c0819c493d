"""The municipalities in the JSON API: their records and endpoints, a router that
catalogue.api mounts into the one API document."""

from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Schema

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
from municipalities.models import Municipality

router = Router()

MunicipalityCode = Annotated[str, Path(pattern=r"^[0-9]{3}$")]


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


class MunicipalityPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[MunicipalityOut]


def municipality_record(request, municipality: Municipality) -> dict:
    return {
        "code": municipality.code,
        "name": translated_values(municipality, "name"),
        "slug": translated_values(municipality, "slug"),
        "url": absolute_urls(translated_urls(municipality)),
        "region": {
            "code": municipality.region.code,
            "name": translated_values(municipality.region, "name"),
        },
        "practice_count": municipality.practice_count,
    }


def _municipalities():
    return Municipality.objects.select_related("region").with_practice_count().order_by("code")


# The operation ids are those the endpoints had when catalogue.api declared them: clients
# generated from the OpenAPI document name their methods after them.
@router.get(
    "/municipalities/",
    response={200: MunicipalityPage, 400: ErrorOut},
    tags=["municipalities"],
    operation_id="catalogue_api_list_municipalities",
)
def list_municipalities(request, params: Query[PageParams]):
    """Every municipality in the catalogue, ordered by Statistics Finland code."""
    refuse_empty(request, "page", "page_size")
    return paginate(request, _municipalities(), params, municipality_record)


@router.get(
    "/municipalities/{code}/",
    response={200: MunicipalityDetailOut, 400: ErrorOut, 404: NotFoundOut},
    tags=["municipalities"],
    operation_id="catalogue_api_get_municipality",
)
def get_municipality(request, code: MunicipalityCode):
    municipality = get_object_or_404(_municipalities(), code=code)
    return {
        **municipality_record(request, municipality),
        "practices": [
            {
                "id": p.pk,
                "title": translated_values(p, "title"),
                "url": absolute_urls(translated_urls(p)),
            }
            for p in municipality.practices.published().order_by("id")
        ],
    }
