"""The pages the browser tests visit, in each language, on the real catalogue."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation

from catalogue.models import Practice
from municipalities.models import Municipality

LANGUAGES = ("fi", "sv", "en")

# "Starting a business in Espoo": target groups, themes, service languages and partners.
PRACTICE_ID = 2
# Espoo: its own practices and cooperation practices.
MUNICIPALITY_CODE = "049"
# A search in the page's language plus a filter, so that the list shows highlighted words,
# the chips of the active filters and the facet counts of a narrowed result.
SEARCH_WORDS = {"fi": "neuvonta", "sv": "rådgivning", "en": "advice"}
SEARCH_FILTER = ("region", "01")

PUBLIC_PAGES = (
    "home",
    "practice_list",
    "practice_search",
    "practice",
    "municipality_list",
    "municipality",
    "about",
    "accessibility",
    "api",
    "not_found",
)


@dataclass(frozen=True)
class PublicPage:
    name: str
    language: str
    path: str
    status: int = 200


def public_page(name: str, language: str) -> PublicPage:
    """The address of a page type in a language (needs the catalogue in the database)."""
    with translation.override(language):
        if name == "home":
            path = reverse("catalogue:home")
        elif name == "practice_list":
            path = reverse("catalogue:practice_list")
        elif name == "practice_search":
            query = urlencode([("q", SEARCH_WORDS[language]), SEARCH_FILTER])
            path = f"{reverse('catalogue:practice_list')}?{query}"
        elif name == "practice":
            path = Practice.objects.get(pk=PRACTICE_ID).get_absolute_url(language)
        elif name == "municipality_list":
            path = reverse("municipalities:municipality_list")
        elif name == "municipality":
            municipality = Municipality.objects.get(code=MUNICIPALITY_CODE)
            path = municipality.get_absolute_url(language)
        elif name == "about":
            path = reverse("catalogue:about")
        elif name == "accessibility":
            path = reverse("catalogue:accessibility")
        elif name == "api":
            path = reverse("catalogue:api_docs")
        elif name == "not_found":
            return PublicPage(name, language, f"/{language}/no-page-at-this-address/", 404)
        else:
            raise ValueError(name)
    return PublicPage(name, language, path)


def every_public_page():
    """(page type, language) pairs for pytest.mark.parametrize."""
    return [(name, language) for name in PUBLIC_PAGES for language in LANGUAGES]


def page_id(value) -> str:
    return value if isinstance(value, str) else "-".join(value)
