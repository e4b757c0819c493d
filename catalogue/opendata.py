"""Open data: the catalogue as CSV and as one JSON document, with its licence and source.

The records are the API's (catalogue.api), so every format carries the same content.
Exports are in the language asked with ?lang= (fi by default), never the one the browser
prefers: the page cache keys on the address, so the address must decide.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.views.decorators.http import require_safe
from pydantic import ValidationError

from catalogue import filters
from catalogue.http import latest_change
from catalogue.models import Language, PartnerOrganisation, Practice, TargetGroup, Theme
from common.i18n import language_codes, translated_values
from common.opendata import (
    LICENCE,
    attribution,
    bad_parameters,
    csv_response,
    in_asked_language,
    licence_headers,
)
from municipalities.models import CooperationArea, Municipality, Region

# Lists inside one CSV cell (codes, slugs) are joined with this, whatever the separator.
LIST_JOINER = "|"


def export_query(request) -> filters.PracticeQuery | JsonResponse:
    """The list's filters, held to the API's rules (catalogue.api.PracticeFilterParams).

    The public list forgives (it trims, shortens and ignores); a download or a feed is read
    by programs, which get a 400 naming what cannot be used instead of other rows.
    """
    from catalogue.api import PracticeFilterParams

    data = {}
    for name in filters.PARAMETERS:
        if name in request.GET:
            values = request.GET.getlist(name)
            data[name] = values[0] if name == "q" and len(values) == 1 else values
    try:
        PracticeFilterParams.model_validate(data)
    except ValidationError as error:
        return bad_parameters(
            [(str(e["loc"][0]) if e["loc"] else "query", e["msg"]) for e in error.errors()]
        )
    query = filters.parse(request.GET)
    filters.resolve(query)
    if query.problems:
        return bad_parameters([(p.parameter, p.reason) for p in query.problems])
    return query


def filtered_practices(request):
    """The published practices the list's filters in the query string choose, by id.

    Returns the queryset, or a 400 response naming the parameters that cannot be used (an
    export that silently ignored a filter would hand over the wrong rows).
    """
    language = translation.get_language()
    query = export_query(request)
    if isinstance(query, HttpResponse):
        return query
    # A download holds every practice the query allows, however many a search finds.
    selection = filters.select(query, language, capped=False)
    queryset = filters.results(selection, query, language)
    return queryset if query.q else queryset.order_by("pk")


PRACTICE_TEXT_FIELDS = ("title", "summary", "description", "slug")
# How to take part: translated texts, one column per language.
TAKE_PART_TEXT_FIELDS = ("how_to_take_part", "opening_times", "cost_details", "place_accessibility")


def practice_csv_header() -> list[str]:
    header = ["id"]
    for field in (*PRACTICE_TEXT_FIELDS, "url"):
        header += [f"{field}_{code}" for code in language_codes()]
    return [
        *header,
        "original_language",
        "municipalities",
        "municipality_names",
        "target_groups",
        "target_group_names",
        "themes",
        "theme_names",
        "partners",
        "partner_names",
        "service_languages",
        "service_language_names",
        "kind",
        "check_status",
        "last_checked",
        "organiser",
        *[f"{field}_{code}" for field in TAKE_PART_TEXT_FIELDS for code in language_codes()],
        "email",
        "phone",
        "cost",
        "links",
        "service_points",
        "source_title",
        "source_publisher",
        "source_year",
        "source_page",
        "updated_at",
        "licence",
        "attribution",
    ]


def _joined(items: list[dict], key: str) -> str:
    return LIST_JOINER.join(item[key] for item in items)


def _names(items: list[dict]) -> str:
    """The names in the export's language (the stored value, else the fallback's)."""
    language = translation.get_language()
    names = []
    for item in items:
        name = item["name"]
        names.append(name[language] or next(v for v in name.values() if v))
    return LIST_JOINER.join(names)


def practice_csv_row(record: dict) -> list:
    """One API record (catalogue.api) as a CSV row; names in the active language."""
    row = [record["id"]]
    for field in (*PRACTICE_TEXT_FIELDS, "url"):
        row += [record[field][code] or "" for code in language_codes()]
    return [
        *row,
        record["original_language"],
        _joined(record["municipalities"], "code"),
        _names(record["municipalities"]),
        _joined(record["target_groups"], "slug"),
        _names(record["target_groups"]),
        _joined(record["themes"], "slug"),
        _names(record["themes"]),
        _joined(record["partners"], "slug"),
        _names(record["partners"]),
        _joined(record["service_languages"], "code"),
        _names(record["service_languages"]),
        record["kind"],
        record["check_status"],
        record["last_checked"].isoformat() if record["last_checked"] else "",
        # municipality:049 or organisation:<slug>
        f"{record['organiser']['type']}:{record['organiser']['key']}"
        if record["organiser"]
        else "",
        *[
            record[field][code] or ""
            for field in TAKE_PART_TEXT_FIELDS
            for code in language_codes()
        ],
        record["email"],
        record["phone"],
        record["cost"],
        # The Finnish address of each link and each service point's address in Finnish.
        LIST_JOINER.join(link["url"]["fi"] or "" for link in record["links"]),
        LIST_JOINER.join(
            f"{p['name']['fi']}, {p['street_address']['fi']}, {p['postcode']} {p['town']['fi']}"
            for p in record["service_points"]
        ),
        record["source"]["title"],
        record["source"]["publisher"],
        record["source"]["year"],
        record["source"]["page"] if record["source"]["page"] is not None else "",
        # The same text as in the JSON formats (milliseconds, "Z" for UTC).
        DjangoJSONEncoder().default(record["updated_at"]),
        LICENCE["url"],
        attribution(),
    ]


@require_safe
@in_asked_language
def practices_csv(request):
    """Every published practice, or those the list's filters choose (?municipality=049)."""
    from catalogue.api import practice_record

    practices = filtered_practices(request)
    if isinstance(practices, HttpResponse):
        return practices
    rows = [practice_csv_row(practice_record(request, p)) for p in practices.with_related()]
    return csv_response(request, rows, practice_csv_header(), "practices.csv")


def _terms(model, key="slug"):
    return [
        {key: getattr(obj, key), "name": translated_values(obj, "name")}
        for obj in model.objects.order_by(key)
    ]


@require_safe
@in_asked_language
def catalogue_json(request):
    """The whole catalogue as one document, for reuse without paging through the API."""
    from catalogue.api import practice_record

    practices = Practice.objects.published().with_related().order_by("id")
    document = {
        "title": "Kunnat kotouttavat – integration practices of Finnish municipalities",
        "licence": LICENCE,
        "attribution": attribution(),
        "source": settings.CATALOGUE_SOURCE,
        # The time of the data's latest change, so that an unchanged catalogue gives the
        # same document (and ETag) again.
        "generated_at": latest_change(),
        "regions": _terms(Region, "code"),
        "municipalities": [
            {
                "code": m.code,
                "name": translated_values(m, "name"),
                "region": m.region.code,
            }
            for m in Municipality.objects.select_related("region").order_by("code")
        ],
        "cooperation_areas": [
            {
                "slug": area.slug,
                "name": translated_values(area, "name"),
                "members": [m.code for m in area.members.all()],
            }
            for area in CooperationArea.objects.prefetch_related("members")
        ],
        "target_groups": _terms(TargetGroup),
        "themes": _terms(Theme),
        "partners": _terms(PartnerOrganisation),
        "service_languages": [
            {"code": lang.code, "name": translated_values(lang, "name"), "autonym": lang.autonym}
            for lang in Language.objects.order_by("code")
        ],
        "practices": [practice_record(request, p) for p in practices],
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = translation.get_language()
    return licence_headers(response)
