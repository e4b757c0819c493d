import phonenumbers
import segno
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

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


@register.filter
def highlight(text: str, query: str):
    """Mark the words of `text` that match the search words (escapes the text)."""
    return search.highlight(text or "", query or "")


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
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, svgclass="qr", lineclass=None, border=2)
    # segno writes only its own path data and the URL's length-dependent size: no user text.
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))
