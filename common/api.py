"""What every part of the JSON API shares: translated values, the error records, paging.

The API is one document (catalogue.api mounts the municipalities' router); these are the
pieces its records and endpoints have in common.
"""

from functools import cache

from django.conf import settings
from django.http import QueryDict
from django.utils.module_loading import import_string
from ninja import Field, Schema
from ninja.errors import ValidationError

from common.i18n import language_codes
from common.links import absolute_url


class Translated(Schema):
    fi: str | None
    sv: str | None
    en: str | None


class ErrorOut(Schema):
    error: str
    parameters: list[str]
    detail: list[dict]


class NotFoundOut(Schema):
    detail: str


class PageParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")
    page_size: int = Field(20, ge=1, le=100, description="Items per page, 1 to 100.")


def absolute_urls(urls: dict[str, str]) -> dict[str, str | None]:
    """Each language's address on SITE_URL, None where the page does not exist."""
    return {code: absolute_url(urls[code]) if code in urls else None for code in language_codes()}


@cache
def _canonical_query():
    return import_string(settings.CANONICAL_QUERY)


def paginate(
    request, queryset, params: PageParams, serialize, count=None, *, prepare=None, **extra
) -> dict:
    """One page of `queryset`, each item through `serialize(request, item)`, with links to
    the pages before and after in the form the page cache keys on (CANONICAL_QUERY); `extra`
    fields go after the count. `prepare(items)` may read what the page's items show at once."""
    count = queryset.count() if count is None else count
    start = (params.page - 1) * params.page_size
    items = list(queryset[start : start + params.page_size])
    if prepare is not None:
        prepare(items)

    def link(page):
        query: QueryDict = request.GET.copy()
        query["page"] = page
        return absolute_url(f"{request.path}?{_canonical_query()(query)}")

    return {
        "count": count,
        **extra,
        "next": link(params.page + 1) if start + params.page_size < count else None,
        "previous": link(params.page - 1) if params.page > 1 else None,
        "results": [serialize(request, item) for item in items],
    }


def refuse_empty(request, *names: str) -> None:
    """django-ninja reads `?page=` as if the parameter were absent; the document says a
    number (or a language, a time) must be given, so an empty one is a 400 like any bad one."""
    empty = [name for name in names if request.GET.get(name, None) == ""]
    if empty:
        raise ValidationError(
            [{"loc": ("query", name), "msg": "A value must be given."} for name in empty]
        )
