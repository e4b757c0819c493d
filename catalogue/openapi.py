"""What django-ninja cannot know about the API: the filters' known values, the downloads
and the feeds. Added to the generated OpenAPI document (catalogue.api.CatalogueAPI).

Only values that exist pass a filter (an unknown one is a 400), so each filter declares
them as an enum; the document is served through the page cache, which is emptied on every
change, so the enums follow the data.
"""

from copy import deepcopy

from django.urls import reverse
from django.utils import translation

from catalogue import filters
from common.i18n import language_codes

PRACTICE_LIST = "/api/v1/practices/"
ERROR = {"$ref": "#/components/schemas/ErrorOut"}
# Parameters of the practice list that the downloads and feeds do not take.
LIST_ONLY = {"page", "page_size", "modified_after", "lang"}


def _known_values(parameters: list[dict]) -> None:
    for parameter in parameters:
        facet = filters.FACETS_BY_PARAM.get(parameter["name"])
        if facet is None:
            continue
        values = sorted(facet.model.objects.values_list(facet.key, flat=True))
        if values:  # an empty enum is not valid JSON Schema; the pattern still applies
            # "" too: an empty choice (a form's "any") is accepted and ignored.
            parameter["schema"]["items"]["enum"] = ["", *values]


def _query(name: str, schema: dict, description: str) -> dict:
    return {
        "in": "query",
        "name": name,
        "required": False,
        "schema": schema,
        "description": description,
    }


LANG = _query(
    "lang",
    {"type": "string", "enum": ["fi", "sv", "en"], "default": "fi"},
    "Language of the names, the attribution and the search words (never taken from "
    "Accept-Language).",
)
FORMAT = _query(
    "format",
    {"type": "string", "enum": ["plain", "excel"], "default": "plain"},
    "plain: RFC 4180, comma-separated UTF-8. excel: semicolon-separated UTF-8 with a byte "
    "order mark, as Excel opens it.",
)
SEPARATOR = _query(
    "separator",
    {"type": "string", "enum": ["comma", "semicolon", "tab"]},
    "Column separator; by default comma (plain) or semicolon (excel).",
)


def _responses(content_type: str, schema: dict, description: str) -> dict:
    return {
        "200": {"description": description, "content": {content_type: {"schema": schema}}},
        "400": {
            "description": "A parameter cannot be used; the body names it.",
            "content": {"application/json": {"schema": ERROR}},
        },
    }


CSV_NOTE = (
    " Cells that begin with =, +, -, @, a tab or a carriage return get a leading apostrophe "
    "(OWASP CSV injection). Lists in a cell are separated by |."
)


def complete(schema: dict) -> dict:
    paths = schema["paths"]
    list_parameters = paths[PRACTICE_LIST]["get"]["parameters"]
    _known_values(list_parameters)
    filter_parameters = [deepcopy(p) for p in list_parameters if p["name"] not in LIST_ONLY]

    paths[reverse("practices_csv")] = {
        "get": {
            "operationId": "practices_csv",
            "summary": "Practices as CSV",
            "description": "The practices the filters choose (all by default), one row each, "
            "with names beside codes in the asked language." + CSV_NOTE,
            "tags": ["downloads"],
            "parameters": [*filter_parameters, LANG, FORMAT, SEPARATOR],
            "responses": _responses("text/csv", {"type": "string"}, "CSV file"),
        }
    }
    paths[reverse("municipalities_csv")] = {
        "get": {
            "operationId": "municipalities_csv",
            "summary": "Municipalities as CSV",
            "description": "Every municipality with its code, names and region." + CSV_NOTE,
            "tags": ["downloads"],
            "parameters": [LANG, FORMAT, SEPARATOR],
            "responses": _responses("text/csv", {"type": "string"}, "CSV file"),
        }
    }
    paths[reverse("catalogue_json")] = {
        "get": {
            "operationId": "catalogue_json",
            "summary": "The whole catalogue as one JSON document",
            "tags": ["downloads"],
            "parameters": [LANG],
            "responses": _responses(
                "application/json",
                {"type": "object"},
                "Regions, municipalities, terms and "
                "every practice (records as in /api/v1/practices/).",
            ),
        }
    }
    for code in language_codes():
        with translation.override(code):
            path = reverse("catalogue:feed")
        paths[path] = {
            "get": {
                "operationId": f"feed_{code}",
                "summary": f"Atom feed of new and updated practices ({code})",
                "description": "The 50 latest changed practices the filters choose, in this "
                "language, newest first (RFC 4287).",
                "tags": ["feeds"],
                "parameters": deepcopy(filter_parameters),
                "responses": _responses("application/atom+xml", {"type": "string"}, "Atom"),
            }
        }
    return schema
