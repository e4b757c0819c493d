"""The one write path of a practice: admin saves, workflow steps, approvals, reverts, loads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import reversion
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from catalogue.models import Practice, new_preview_nonce
from catalogue.search.index import index_practice
from common.i18n import language_codes
from common.slugs import slug_changes_record, slugs_fill_missing

TEXT_FIELDS = ("title", "summary", "description")
M2M_FIELDS = (
    "municipalities",
    "areas",
    "target_groups",
    "themes",
    "service_languages",
    "partners",
)


class ConflictError(Exception):
    """The practice changed since the caller read it; nothing was written."""

    def __init__(self, message, *, fields: Iterable[str] = ()):
        super().__init__(message)
        self.fields = list(fields)


def practice_track_translations(*, before: dict | None, practice: Practice) -> list[str]:
    """Mark translations as possibly out of date when the original text changes.

    `before` holds the texts as they were stored before the edit (None for a new practice).
    When the original-language text changed, each other language whose text did not change
    in the same edit is marked; a translation that was edited counts as updated. Returns the
    languages now marked. The caller saves the practice.
    """
    if before is None:
        return []
    original = practice.original_language

    def changed(code):
        return any(
            (before.get(f"{field}_{code}") or "") != (getattr(practice, f"{field}_{code}") or "")
            for field in TEXT_FIELDS
        )

    original_changed = changed(original)
    marked = []
    for code in language_codes():
        if code == original:
            continue
        if changed(code):
            setattr(practice, f"outdated_{code}", False)
        elif original_changed:
            setattr(practice, f"outdated_{code}", True)
        if getattr(practice, f"outdated_{code}"):
            marked.append(code)
    return marked


def practice_texts(practice: Practice) -> dict | None:
    """The stored texts of a practice, to compare with an edit (None if it is new)."""
    if practice.pk is None:
        return None
    fields = [f"{field}_{code}" for field in TEXT_FIELDS for code in language_codes()]
    return Practice.objects.filter(pk=practice.pk).values(*fields).first()


def practice_field_value(practice: Practice, name: str):
    """A field's value as the write path compares and stores it: ids for links."""
    if name in M2M_FIELDS:
        if practice.pk is None:
            return []
        return sorted(getattr(practice, name).values_list("pk", flat=True))
    field = Practice._meta.get_field(name)
    return getattr(practice, field.attname)


def practice_value_normalized(name: str, value):
    """Browsers post line breaks as CRLF; stored text uses LF, so that an untouched text
    never counts as changed (nor marks its translations out of date)."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return value


def _ids(targets) -> list[int]:
    return sorted(t.pk if isinstance(t, models.Model) else int(t) for t in targets or [])


def _field_name(name: str) -> str:
    """`lead_municipality_id` and `lead_municipality` name the same change."""
    return name[:-3] if name.endswith("_id") and name[:-3] in _FOREIGN_KEYS else name


_FOREIGN_KEYS = {f.name for f in Practice._meta.concrete_fields if f.is_relation}


def _stored_name(name: str) -> str:
    return name if name in M2M_FIELDS else Practice._meta.get_field(name).attname


def _holds(stored, expected) -> bool:
    """A set of values means any one of them."""
    if isinstance(expected, (set, frozenset)):
        return stored in expected
    return stored == expected


@transaction.atomic
def practice_save(
    *,
    practice: Practice,
    user,
    changes: dict[str, Any],
    comment: str,
    expected_version: int | None = None,
    expected_values: dict[str, Any] | None = None,
) -> Practice:
    """Write `changes` to `practice` and record the result as one version by `user`.

    Reads the stored row once (locked until the transaction ends) and from it: refuses with
    ConflictError when the row is no longer at `expected_version` or no longer holds
    `expected_values` (a set: any of them); keeps the old slugs as redirects; marks
    translations whose original changed; fills missing slugs from the titles; keeps the
    lead municipality among the municipalities; gives a state change a new preview key
    (withdrawing the preview links given so far).
    `changes` maps field names to values, many-to-many fields to lists of targets or ids.
    A new practice is `practice` itself with no primary key, or with one the loader chose.
    Returns the saved practice.
    """
    stored = None
    if practice.pk is not None:
        stored = Practice.objects.select_for_update().filter(pk=practice.pk).first()
    if stored is None:
        instance, before = practice, None
    else:
        instance = stored
        before = {
            **{f.attname: getattr(stored, f.attname) for f in Practice._meta.concrete_fields},
            **{name: practice_field_value(stored, name) for name in M2M_FIELDS},
        }
        if expected_version is not None and stored.lock_version != expected_version:
            raise ConflictError(
                _("Someone else saved this practice after you opened it."),
                fields=[name for name in changes if name in before],
            )
        if expected_values:
            differ = [
                name
                for name, value in expected_values.items()
                if not _holds(before[_stored_name(name)], value)
            ]
            if differ:
                raise ConflictError(
                    _("The live practice has changed in the same fields since."), fields=differ
                )

    links = {}
    for name, value in changes.items():
        name = _field_name(name)
        value = practice_value_normalized(name, value)
        if name in M2M_FIELDS:
            links[name] = _ids(value)
        else:
            field = Practice._meta.get_field(name)
            if field.is_relation and not isinstance(value, models.Model):
                setattr(instance, field.attname, value)
            else:
                setattr(instance, name, value)

    practice_track_translations(before=before, practice=instance)
    slugs_fill_missing(instance=instance)
    if before is not None and before["status"] != instance.status:
        instance.preview_nonce = new_preview_nonce()
    instance.note_first_publication()  # Atom's <published> (issue 13)
    instance.lock_version = (before["lock_version"] if before else instance.lock_version) + 1

    with reversion.create_revision():
        instance.save()
        for name, ids in links.items():
            getattr(instance, name).set(ids)
        if instance.lead_municipality_id:
            instance.municipalities.add(instance.lead_municipality_id)
        if before is not None:
            slug_changes_record(
                instance=instance,
                old_slugs={code: before[f"slug_{code}"] for code in language_codes()},
            )
        reversion.set_user(user)
        reversion.set_comment(str(comment))
    index_practice(instance)
    if instance is not practice:
        practice.refresh_from_db()
    return instance


def practice_previews_withdraw(*, practice: Practice, user) -> Practice:
    """Make every preview link given so far stop working (a new preview key)."""
    return practice_save(
        practice=practice,
        user=user,
        changes={"preview_nonce": new_preview_nonce()},
        comment="Preview links withdrawn",
    )
