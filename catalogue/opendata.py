"""Open data: the catalogue as CSV and as one JSON document, with its licence and source.

The records are the API's (catalogue.api), so every format carries the same content.
"""

import csv
import io
from datetime import UTC, datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from catalogue.i18n import language_codes, translated_values
from catalogue.models import Language, PartnerOrganisation, Practice, TargetGroup, Theme
from municipalities.models import CooperationArea, Municipality, Region

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
SEPARATORS = {"comma": ",", ",": ",", "semicolon": ";", ";": ";", "tab": "\t", "\t": "\t"}
# Lists inside one CSV cell (codes, slugs) are joined with this, whatever the separator.
LIST_JOINER = "|"


def attribution() -> str:
    """How to credit the data, in the active language."""
    source = settings.CATALOGUE_SOURCE
    return _(
        "%(title)s, %(publisher)s %(year)s. Translations and data: the catalogue "
        "Integration practices in Finnish municipalities. Licence %(licence)s."
    ) % {**source, "licence": LICENCE["name"]}


def licence_headers(response: HttpResponse) -> HttpResponse:
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _separator(request):
    choice = request.GET.get("separator", "comma")
    return SEPARATORS.get(choice)


def _bad_separator(request) -> JsonResponse:
    return licence_headers(
        JsonResponse(
            {
                "error": "invalid_parameter",
                "parameters": ["separator"],
                "detail": [
                    {
                        "parameter": "separator",
                        "message": "Use comma, semicolon or tab.",
                    }
                ],
            },
            status=400,
        )
    )


def _csv_response(rows: list[list], header: list[str], separator: str, filename: str):
    buffer = io.StringIO()
    # The byte order mark makes Excel read the file as UTF-8 (ä, ö, å, Arabic, Russian).
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return licence_headers(response)


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
        "target_groups",
        "themes",
        "partners",
        "service_languages",
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


def practice_csv_row(record: dict) -> list:
    """One API record (catalogue.api) as a CSV row."""
    row = [record["id"]]
    for field in (*PRACTICE_TEXT_FIELDS, "url"):
        row += [record[field][code] or "" for code in language_codes()]
    return [
        *row,
        record["original_language"],
        LIST_JOINER.join(m["code"] for m in record["municipalities"]),
        LIST_JOINER.join(t["slug"] for t in record["target_groups"]),
        LIST_JOINER.join(t["slug"] for t in record["themes"]),
        LIST_JOINER.join(t["slug"] for t in record["partners"]),
        LIST_JOINER.join(t["code"] for t in record["service_languages"]),
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


@require_GET
def practices_csv(request):
    from catalogue.api import practice_record

    separator = _separator(request)
    if separator is None:
        return _bad_separator(request)
    practices = Practice.objects.published().with_related().order_by("id")
    rows = [practice_csv_row(practice_record(request, p)) for p in practices]
    return _csv_response(rows, practice_csv_header(), separator, "practices.csv")


@require_GET
def municipalities_csv(request):
    separator = _separator(request)
    if separator is None:
        return _bad_separator(request)
    header = ["code"]
    header += [f"name_{code}" for code in language_codes()]
    header += [f"slug_{code}" for code in language_codes()]
    header += ["region_code"] + [f"region_name_{code}" for code in language_codes()]
    header += ["licence", "attribution"]
    rows = []
    for municipality in Municipality.objects.select_related("region").order_by("code"):
        names = translated_values(municipality, "name")
        slugs = translated_values(municipality, "slug")
        region = translated_values(municipality.region, "name")
        rows.append(
            [municipality.code]
            + [names[c] for c in language_codes()]
            + [slugs[c] or "" for c in language_codes()]
            + [municipality.region.code]
            + [region[c] for c in language_codes()]
            + [LICENCE["url"], attribution()]
        )
    return _csv_response(rows, header, separator, "municipalities.csv")


def _terms(model, key="slug"):
    return [
        {key: getattr(obj, key), "name": translated_values(obj, "name")}
        for obj in model.objects.order_by(key)
    ]


@require_GET
def catalogue_json(request):
    """The whole catalogue as one document, for reuse without paging through the API."""
    from catalogue.api import practice_record

    practices = Practice.objects.published().with_related().order_by("id")
    document = {
        "title": "Kunnat kotouttavat – integration practices of Finnish municipalities",
        "licence": LICENCE,
        "attribution": attribution(),
        "source": settings.CATALOGUE_SOURCE,
        "generated_at": datetime.now(UTC).isoformat(),
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
    return licence_headers(response)
