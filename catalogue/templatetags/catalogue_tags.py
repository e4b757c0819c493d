from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from catalogue import search

register = template.Library()


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
def practice_url(practice) -> str:
    """Where a card links: the page in this language, else the permalink that finds one.

    Empty when the practice has no address in any language (the card shows no link).
    """
    url = practice.get_absolute_url()
    if url:
        return url
    if any(getattr(practice, f"slug_{code}", None) for code, _name in settings.LANGUAGES):
        return reverse("practice_permalink", kwargs={"pk": practice.pk})
    return ""
