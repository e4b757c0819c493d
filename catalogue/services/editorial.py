"""The editorial workflow: states, translation freshness and readers' feedback."""

import logging
from dataclasses import dataclass

from django.core.mail import mail_managers
from django.utils.translation import gettext_lazy as _

from catalogue.models import Feedback, Practice, Status
from catalogue.services.practice import (
    TEXT_FIELDS,
    ConflictError,
    practice_save,
    practice_texts,
    practice_track_translations,
)
from common.i18n import LANGUAGE_NAMES, language_codes

logger = logging.getLogger(__name__)

__all__ = ["TEXT_FIELDS", "practice_texts", "practice_track_translations"]

PUBLISH_PERMISSION = "catalogue.publish_practice"


class WorkflowError(Exception):
    """A transition that the practice's state or the user's role does not allow."""


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str
    needs_publisher: bool
    comment: str


TRANSITIONS = {
    "submit": Transition(
        frozenset({Status.DRAFT}), Status.IN_REVIEW, False, "Submitted for review"
    ),
    "return_to_draft": Transition(
        frozenset({Status.IN_REVIEW}), Status.DRAFT, False, "Returned to draft"
    ),
    "publish": Transition(
        frozenset({Status.DRAFT, Status.IN_REVIEW}), Status.PUBLISHED, True, "Published"
    ),
    "archive": Transition(
        frozenset({Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED}),
        Status.ARCHIVED,
        True,
        "Archived",
    ),
    "restore": Transition(
        frozenset({Status.ARCHIVED}), Status.PUBLISHED, True, "Restored from the archive"
    ),
}


# What a practice needs in every language before anyone may send it to review or publish it.
REQUIRED_FIELDS = ("title", "summary", "description", "slug")


def practice_missing_texts(practice: Practice) -> dict[str, list[str]]:
    """The required fields that are empty, per language: {"sv": ["title", "slug"]}."""
    missing = {}
    for code in language_codes():
        empty = [
            field
            for field in REQUIRED_FIELDS
            if not (getattr(practice, f"{field}_{code}") or "").strip()
        ]
        if empty:
            missing[code] = empty
    return missing


def missing_texts_description(missing: dict[str, list[str]]) -> str:
    """`{"sv": ["title"], "en": ["slug"]}` in words: "Swedish: title; English: slug"."""
    return "; ".join(
        "{}: {}".format(
            LANGUAGE_NAMES.get(code, code),
            ", ".join(str(Practice._meta.get_field(field).verbose_name) for field in fields),
        )
        for code, fields in missing.items()
    )


def practice_transition(*, practice: Practice, user, action: str) -> Practice:
    """Move `practice` to the state `action` leads to, recorded as a version by `user`.

    A practice goes to review or to the public only when it is complete in every language;
    the state is checked on the stored row, not on what the caller holds.
    """
    transition = TRANSITIONS[action]
    if transition.needs_publisher and not user.has_perm(PUBLISH_PERMISSION):
        raise WorkflowError(_("Only publishers may do this."))
    missing = practice_missing_texts(practice)
    if missing and transition.target in (Status.IN_REVIEW, Status.PUBLISHED):
        raise WorkflowError(
            _("“%(title)s” is not complete in every language yet. Missing: %(missing)s.")
            % {"title": practice, "missing": missing_texts_description(missing)}
        )
    try:
        return practice_save(
            practice=practice,
            user=user,
            changes={"status": transition.target},
            comment=transition.comment,
            expected_values={"status": transition.sources},
        )
    except ConflictError:
        practice.refresh_from_db(fields=["status"])
        raise WorkflowError(
            _("“%(title)s” is %(state)s; this step does not apply to it.")
            % {"title": practice, "state": practice.get_status_display()}
        ) from None


def practice_submit_for_review(*, practice: Practice, user) -> Practice:
    return practice_transition(practice=practice, user=user, action="submit")


def practice_return_to_draft(*, practice: Practice, user) -> Practice:
    return practice_transition(practice=practice, user=user, action="return_to_draft")


def practice_publish(*, practice: Practice, user) -> Practice:
    return practice_transition(practice=practice, user=user, action="publish")


def practice_archive(*, practice: Practice, user) -> Practice:
    return practice_transition(practice=practice, user=user, action="archive")


def practice_restore(*, practice: Practice, user) -> Practice:
    return practice_transition(practice=practice, user=user, action="restore")


def feedback_submit(
    *, practice: Practice | None, page_url: str, language: str, message: str, email: str = ""
) -> Feedback:
    """Store a reader's report, then tell the managers if mail can be sent.

    The report is saved first: a mail server that is down loses nothing.
    """
    feedback = Feedback.objects.create(
        practice=practice, page_url=page_url, language=language, message=message, email=email
    )
    try:
        mail_managers(
            f"Feedback on {practice or page_url}",
            f"{page_url}\n\n{message}\n\n{email or '(no email)'}",
            fail_silently=False,
        )
    except Exception:  # a mail failure must never lose the report or fail the request
        logger.exception("Could not mail feedback %s", feedback.pk)
    return feedback
