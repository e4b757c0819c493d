"""What every open data export shares: the licence and attribution, the asked language,
CSV in its two variants, and 400s in the API's error format."""

import csv
import io
from functools import wraps

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from common.i18n import language_codes

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def attribution() -> str:
    """How to credit the data, in the active language."""
    source = settings.CATALOGUE_SOURCE
    return _(
        "%(title)s, %(publisher)s %(year)s. Translations and data: the catalogue "
        "Integration practices in Finnish municipalities. Licence %(licence)s."
    ) % {**source, "licence": LICENCE["name"]}


# The CSV variants: `plain` (RFC 4180, for programs) and `excel` (semicolons, which Excel
# expects in Finnish, Swedish and most European locales, and a byte order mark, without
# which Excel reads UTF-8 as Windows-1252).
FORMATS = ("plain", "excel")
# A cell that begins with one of these is read as a formula by spreadsheet programs (CSV
# injection); OWASP's advice is to make it text with a leading apostrophe.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def licence_headers(response: HttpResponse) -> HttpResponse:
    # CORS headers come from django-cors-headers (settings.CORS_URLS_REGEX).
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    return response


def bad_parameters(problems: list[tuple[str, str]]) -> JsonResponse:
    """400 in the API's error format (common.api.ErrorOut)."""
    return licence_headers(
        JsonResponse(
            {
                "error": "invalid_parameter",
                "parameters": sorted({parameter for parameter, _message in problems}),
                "detail": [
                    {"parameter": parameter, "message": str(message)}
                    for parameter, message in problems
                ],
            },
            status=400,
        )
    )


def in_asked_language(view):
    """Run an export in the language of ?lang= (fi by default), whatever the browser says."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request.GET.get("lang", settings.LANGUAGE_CODE)
        if language not in language_codes():
            return bad_parameters([("lang", "Use fi, sv or en.")])
        with translation.override(language):
            return view(request, *args, **kwargs)

    return wrapper


def safe_cell(value):
    """A CSV cell that no spreadsheet program runs as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_options(request) -> tuple[str, bool] | JsonResponse:
    """The separator and whether to write a byte order mark, or a 400."""
    variant = request.GET.get("format", "plain")
    if variant not in FORMATS:
        return bad_parameters([("format", "Use plain or excel.")])
    default = "semicolon" if variant == "excel" else "comma"
    separator = SEPARATORS.get(request.GET.get("separator", default))
    if separator is None:
        return bad_parameters([("separator", "Use comma, semicolon or tab.")])
    return separator, variant == "excel"


def csv_response(request, rows: list[list], header: list[str], filename: str):
    options = csv_options(request)
    if isinstance(options, JsonResponse):
        return options
    separator, excel = options
    buffer = io.StringIO()
    if excel:
        buffer.write("\ufeff")
        filename = filename.replace(".csv", "-excel.csv")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = translation.get_language()
    return licence_headers(response)
