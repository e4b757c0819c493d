"""Pending changes: an editor's correction of a published practice waits for a publisher.

Modelled on Wagtail's page revisions, cut down to what the catalogue needs: the live row
stays as the public sees it; a draft holds only the changed fields; approving writes them
through the one write path (recorded as the editor's version); rejecting keeps a note for
the editor.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import DraftState, Practice, PracticeDraft
from catalogue.services.editorial import PUBLISH_PERMISSION, WorkflowError
from catalogue.services.practice import (
    M2M_FIELDS,
    practice_field_value,
    practice_save,
    practice_value_normalized,
)


def _to_json(name: str, value) -> Any:
    value = practice_value_normalized(name, value)
    if name in M2M_FIELDS:
        return sorted(v.pk if isinstance(v, models.Model) else int(v) for v in value or [])
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, date):
        return value.isoformat()
    if value == "" and Practice._meta.get_field(name).null:
        return None
    return value


def _from_json(name: str, value) -> Any:
    if name in M2M_FIELDS or value is None:
        return value
    field = Practice._meta.get_field(name)
    return value if field.is_relation else field.to_python(value)


def draft_changes(draft: PracticeDraft) -> dict[str, Any]:
    """The draft's changed values as Python values (ids for links)."""
    return {name: _from_json(name, value) for name, value in draft.changes.items()}


def draft_base(draft: PracticeDraft) -> dict[str, Any]:
    return {name: _from_json(name, value) for name, value in draft.base.items()}


@transaction.atomic
def practice_draft_save(
    *, practice: Practice, user, changes: dict[str, Any], base_version: int
) -> PracticeDraft | None:
    """Store `changes` to the live `practice` as `user`'s pending change; the live row stays.

    Only fields that differ from the live practice are kept, with the live values they
    replace. A user has at most one pending change per practice: saving again replaces it,
    and a save that matches the live practice again withdraws it (returns None).
    """
    live = Practice.objects.get(pk=practice.pk)
    proposed, base = {}, {}
    for name, value in changes.items():
        new = _to_json(name, value)
        old = _to_json(name, practice_field_value(live, name))
        if new != old:
            proposed[name], base[name] = new, old
    existing = (
        PracticeDraft.objects.pending().select_for_update().filter(practice=live, author=user)
    ).first()
    if not proposed:
        if existing is not None:
            existing.delete()
        return None
    draft = existing or PracticeDraft(practice=live, author=user)
    draft.changes, draft.base, draft.base_version = proposed, base, base_version
    draft.created_at = timezone.now()
    draft.save()
    return draft


def _review(draft: PracticeDraft, user) -> PracticeDraft:
    if not user.has_perm(PUBLISH_PERMISSION):
        raise WorkflowError(_("Only publishers may do this."))
    draft = PracticeDraft.objects.select_for_update().select_related("practice").get(pk=draft.pk)
    if draft.state != DraftState.PENDING:
        raise WorkflowError(_("This change has already been approved or rejected."))
    return draft


@transaction.atomic
def practice_draft_approve(*, draft: PracticeDraft, user) -> Practice:
    """Make the pending change live, recorded as a version by its author.

    Refused with ConflictError if the live practice no longer holds the values the change
    replaces (someone changed the same fields since): nothing is overwritten silently.
    """
    draft = _review(draft, user)
    author = draft.author.get_username() if draft.author else "?"
    practice = practice_save(
        practice=draft.practice,
        user=draft.author,
        changes=draft_changes(draft),
        comment=f"Change by {author} approved by {user.get_username()}",
        expected_values=draft_base(draft),
    )
    draft.state, draft.reviewer, draft.reviewed_at = DraftState.APPROVED, user, timezone.now()
    draft.save(update_fields=["state", "reviewer", "reviewed_at"])
    return practice


@transaction.atomic
def practice_draft_reject(*, draft: PracticeDraft, user, note: str) -> PracticeDraft:
    """Turn the pending change down with a note that its author sees; the live row stays."""
    draft = _review(draft, user)
    draft.state, draft.reviewer, draft.reviewed_at = DraftState.REJECTED, user, timezone.now()
    draft.note = note
    draft.save(update_fields=["state", "reviewer", "reviewed_at", "note"])
    return draft


def practice_with_draft(practice: Practice, draft: PracticeDraft) -> Practice:
    """`practice` as it would read with the draft applied, in memory only (for previews)."""
    for name, value in draft_changes(draft).items():
        if name in M2M_FIELDS:
            related = Practice._meta.get_field(name).related_model
            practice._prefetched_objects_cache[name] = related._default_manager.filter(pk__in=value)
            continue
        field = Practice._meta.get_field(name)
        if field.is_relation:
            value = field.related_model._default_manager.filter(pk=value).first()
        setattr(practice, name, value)
    return practice
