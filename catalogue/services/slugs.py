"""Page addresses made from titles: the same rules as the admin's slug filling in the browser."""

import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from catalogue.i18n import language_codes
from catalogue.models import Practice, SlugRedirect

SLUG_MAX_LENGTH = 100

# Finnish and Swedish letters written as their base letter, as Finnish addresses do
# (NFKD would do the same; spelled out so that the browser's rules can match them exactly).
TRANSLITERATION = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a"})


def slug_from_title(title: str) -> str:
    """`Äidinkielen opetus – Jakobstad` -> `aidinkielen-opetus-jakobstad`."""
    text = unicodedata.normalize("NFKD", (title or "").translate(TRANSLITERATION))
    slug = slugify(text.encode("ascii", "ignore").decode("ascii"))
    return slug[:SLUG_MAX_LENGTH].strip("-")


def _taken(practice: Practice, code: str, slug: str) -> bool:
    others = Practice.objects.exclude(pk=practice.pk) if practice.pk else Practice.objects
    if others.filter(**{f"slug_{code}": slug}).exists():
        return True
    # An old address of another practice keeps redirecting to that practice.
    redirects = SlugRedirect.objects.filter(
        content_type=ContentType.objects.get_for_model(Practice), language=code, slug=slug
    )
    if practice.pk:
        redirects = redirects.exclude(object_id=practice.pk)
    return redirects.exists()


def unique_slug(practice: Practice, code: str, base: str) -> str:
    slug, number = base, 1
    while _taken(practice, code, slug):
        number += 1
        suffix = f"-{number}"
        slug = base[: SLUG_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return slug


def fill_missing_slugs(practice: Practice) -> list[str]:
    """Give `practice` a slug in each language that has a title but no slug.

    Returns the languages filled. The caller saves the practice.
    """
    filled = []
    for code in language_codes():
        if getattr(practice, f"slug_{code}"):
            continue
        base = slug_from_title(getattr(practice, f"title_{code}") or "")
        if not base:
            continue
        setattr(practice, f"slug_{code}", unique_slug(practice, code, base))
        filled.append(code)
    return filled
