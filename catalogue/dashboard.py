"""What the admin's front page shows each member of staff: their work, counted and linked."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalogue.models import Feedback, FeedbackState, Practice, Status
from catalogue.services.editorial import PUBLISH_PERMISSION


@dataclass(frozen=True)
class WorkItem:
    label: str
    count: int
    url: str
    # What this user is expected to act on, shown first.
    yours: bool


def staff_work(user) -> list[WorkItem]:
    """Counts of the practices and reports that wait for someone, linked to filtered lists.

    Publishers have the practices in review first (they decide on them); editors the drafts,
    the feedback and the translations.
    """
    items = []
    may_publish = user.has_perm(PUBLISH_PERMISSION)
    if user.has_perm("catalogue.view_practice"):
        practices = reverse("admin:catalogue_practice_changelist")
        items += [
            WorkItem(
                _("Practices in review"),
                Practice.objects.filter(status=Status.IN_REVIEW).count(),
                f"{practices}?status__exact={Status.IN_REVIEW}",
                may_publish,
            ),
            WorkItem(
                _("Drafts"),
                Practice.objects.filter(status=Status.DRAFT).count(),
                f"{practices}?status__exact={Status.DRAFT}",
                not may_publish,
            ),
            WorkItem(
                _("Overdue reviews"),
                Practice.objects.review_overdue().count(),
                f"{practices}?review=overdue",
                True,
            ),
            WorkItem(
                _("Translations possibly out of date"),
                Practice.objects.translations_outdated().count(),
                f"{practices}?translations=outdated",
                True,
            ),
            WorkItem(
                _("Practices with missing translations"),
                Practice.objects.translations_missing().count(),
                f"{practices}?translations=missing",
                True,
            ),
        ]
    if user.has_perm("catalogue.view_feedback"):
        feedback = reverse("admin:catalogue_feedback_changelist")
        items += [
            WorkItem(
                _("New feedback"),
                Feedback.objects.filter(state=FeedbackState.NEW).count(),
                f"{feedback}?state={FeedbackState.NEW}",
                True,
            ),
            WorkItem(
                _("Feedback in progress"),
                Feedback.objects.filter(state=FeedbackState.IN_PROGRESS).count(),
                f"{feedback}?state={FeedbackState.IN_PROGRESS}",
                True,
            ),
        ]
    return sorted(items, key=lambda item: not item.yours)
