"""Helpers for content that exists once per site language."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# The site's languages named in the reader's language, for staff and messages
# (settings.LANGUAGES names each language in itself, for the language switcher).
LANGUAGE_NAMES = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def translated_values(obj, field: str) -> dict[str, str | None]:
    """The stored value of a translated field in every language, without fallback."""
    return {code: getattr(obj, f"{field}_{code}") for code in language_codes()}


def translated_urls(obj) -> dict[str, str]:
    """Each language's URL of an object that has a page per language (slug per language)."""
    urls = {}
    for code in language_codes():
        url = obj.get_absolute_url(language=code)
        if url:
            urls[code] = url
    return urls


def slug_constraints(prefix: str) -> list:
    """What must hold for a slug per language: unique in its language, NULL rather than ''.

    In Meta.constraints rather than unique=True on the translated field, which history
    packages cannot copy.
    """
    from django.db import models

    codes = language_codes()
    unique = [
        models.UniqueConstraint(fields=[f"slug_{code}"], name=f"{prefix}_unique_slug_{code}")
        for code in codes
    ]
    not_empty = [
        models.CheckConstraint(
            condition=~models.Q(**{f"slug_{code}": ""}),
            name=f"{prefix}_slug_{code}_null_not_empty",
        )
        for code in codes
    ]
    return unique + not_empty
