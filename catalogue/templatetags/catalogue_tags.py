import functools
from dataclasses import dataclass

import phonenumbers
import segno
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from catalogue import search

register = template.Library()

FINLAND_COUNTRY_CODE = 358


@register.simple_tag
def home_urls() -> dict[str, str]:
    """Each language's home page: where the language switcher leads from an error page."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("catalogue:home")
    return urls


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@dataclass
class CardSearch:
    """What a result card shows about why the practice was found."""

    title: str
    summary: str
    snippet: str = ""
    snippet_language: str = ""
    found_in: str = ""
    partial: bool = False


LANGUAGE_IN_TEXT = {
    "fi": _("found in the Finnish text"),
    "sv": _("found in the Swedish text"),
    "en": _("found in the English text"),
}


@register.simple_tag
def search_card(practice, hits: search.Hits | None) -> CardSearch:
    """The practice's title and summary with the searched words marked and, when neither
    matches, a snippet of the description around its first match."""
    language = translation.get_language()
    title, summary = practice.title or "", practice.summary or ""
    if not hits:  # not a search page
        return CardSearch(escape(title), escape(summary))
    matcher = hits.matcher(language)
    hit = getattr(practice, "search_hit", None)
    card = CardSearch(
        search.highlight(title, matcher, language),
        search.highlight(summary, matcher, language),
        partial=bool(hit and hit.partial),
    )
    found_in = hit.found_in if hit else None
    if found_in:
        card.found_in = LANGUAGE_IN_TEXT[found_in]
    text_language = found_in or language
    if found_in or not (
        search.has_match(title, matcher, language) or search.has_match(summary, matcher, language)
    ):
        text_matcher = hits.matcher(text_language)
        description = getattr(practice, f"description_{text_language}") or ""
        card.snippet = search.snippet(description, text_matcher, text_language)
        card.snippet_language = text_language
    return card


@register.filter
def practice_url(practice) -> str:
    """Where a card links: the page in this language, else the permalink that finds one.

    Empty when the practice has no address in any language (the card shows no link).
    """
    return practice.get_public_url() or ""


@register.filter
def phone_display(number) -> str:
    """A phone number as people in Finland write it: 09 31012345 at home, +46 … abroad."""
    if not number:
        return ""
    parsed = getattr(number, "_phonenumber", None) or phonenumbers.parse(str(number), "FI")
    if parsed.country_code == FINLAND_COUNTRY_CODE:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@register.simple_tag
def qr_svg(url: str):
    """A QR code of `url` as inline SVG, made on the server (no image request, no script).

    Hidden from screen readers: the same address is printed beside it as text.
    """
    # segno writes only its own path data and the URL's length-dependent size: no user text.
    return mark_safe(_qr_svg(url))


@functools.lru_cache(maxsize=1024)
def _qr_svg(url: str) -> str:
    """The code depends on the address alone (a practice's permalink never changes), and
    making it takes longer than the rest of the practice page: made once per address."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, svgclass="qr", lineclass=None, border=2)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
