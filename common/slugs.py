"""Addresses of pages that exist once per language: slugs, their history and their filling."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, When
from django.utils.text import slugify

from common.i18n import language_codes

# Finnish and Swedish letters that slugify would drop rather than transliterate.
TRANSLITERATION = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "A", "Ö": "O", "Å": "A"})
SLUG_MAX_LENGTH = 100


def old_addresses():
    """The model that keeps the slugs pages used to have (catalogue.SlugRedirect).

    By name, not imported: this package imports neither app. The model is generic (a
    content type and an object id) and serves both apps' pages, so it belongs here; moving
    it is a state-only migration (SeparateDatabaseAndState, same table) of its own.
    """
    return apps.get_model("catalogue", "SlugRedirect")


def slug_changes_record(*, instance: models.Model, old_slugs: dict[str, str | None]) -> int:
    """Keep the slugs `instance` had before a change, so that its old addresses redirect.

    `old_slugs` maps language codes to the slug before the change. A slug that is now in use
    again (an editor changed it back) is no longer an old address. An old address of another
    object is never taken over: it keeps redirecting where it did. Returns how many old
    addresses were added.
    """
    content_type = ContentType.objects.get_for_model(instance)
    added = 0
    for code in language_codes():
        current = getattr(instance, f"slug_{code}")
        old_addresses().objects.filter(
            content_type=content_type, object_id=instance.pk, language=code, slug=current
        ).delete()
        old = old_slugs.get(code)
        if old and old != current:
            _redirect, created = old_addresses().objects.get_or_create(
                content_type=content_type,
                language=code,
                slug=old,
                defaults={"object_id": instance.pk},
            )
            added += created
    return added


def current_slugs(instance: models.Model) -> dict[str, str | None]:
    """The slugs stored for `instance` now (before an unsaved change is written)."""
    fields = [f"slug_{code}" for code in language_codes()]
    stored = type(instance)._default_manager.filter(pk=instance.pk).values(*fields).first() or {}
    return {code: stored.get(f"slug_{code}") for code in language_codes()}


def slug_taken_as_old_address(*, instance: models.Model, language: str, slug: str):
    """The old address of another object that `slug` would take over, if any."""
    content_type = ContentType.objects.get_for_model(instance)
    return (
        old_addresses()
        .objects.filter(content_type=content_type, language=language, slug=slug)
        .exclude(object_id=instance.pk or 0)
        .first()
    )


def slug_from_title(title: str) -> str:
    """An ASCII slug of `title`: ä, ö and å become a, o and a, as Finnish addresses write them."""
    return slugify(title.translate(TRANSLITERATION), allow_unicode=False)[:SLUG_MAX_LENGTH].strip(
        "-"
    )


def slugs_fill_missing(*, instance: models.Model, source_field: str = "title") -> list[str]:
    """Give `instance` a slug from its title in each language that has none.

    The slug is unique in its language among the model's current slugs and old addresses
    (another object's old address keeps working). Returns the languages filled; the caller
    saves.
    """
    model = type(instance)
    content_type = ContentType.objects.get_for_model(instance)
    filled = []
    for code in language_codes():
        if getattr(instance, f"slug_{code}"):
            continue
        base = slug_from_title(getattr(instance, f"{source_field}_{code}") or "")
        if not base:
            continue
        candidate, number = base, 1
        while (
            model._default_manager.filter(**{f"slug_{code}": candidate})
            .exclude(pk=instance.pk)
            .exists()
            or old_addresses()
            .objects.filter(content_type=content_type, language=code, slug=candidate)
            .exclude(object_id=instance.pk or 0)
            .exists()
        ):
            number += 1
            suffix = f"-{number}"
            candidate = base[: SLUG_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
        setattr(instance, f"slug_{code}", candidate)
        filled.append(code)
    return filled


def moved_object_id(model: type[models.Model], slug: str, language: str) -> int | None:
    """The id of the `model` object that had `slug` before an editor changed it.

    The old slug of the page's own language first, then the most recent change.
    """
    old = (
        old_addresses()
        .objects.filter(content_type=ContentType.objects.get_for_model(model), slug=slug)
        .order_by(Case(When(language=language, then=0), default=1), "-created_at")
        .first()
    )
    return old.object_id if old else None
