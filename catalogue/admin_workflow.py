"""The editorial workflow on the practice change form: one button per step the user may take.

Kept apart from catalogue/admin.py so that PracticeAdmin only mixes it in.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from catalogue import services
from catalogue.models import Feedback, Status
from catalogue.preview import preview_url
from catalogue.services.editorial import (
    PUBLISH_PERMISSION,
    TRANSITIONS,
    missing_texts_description,
    practice_missing_texts,
)


@dataclass(frozen=True)
class Step:
    action: str
    label: str
    consequence: str
    done: str


# In the order the buttons appear; each says what the public will see afterwards.
STEPS = [
    Step(
        "submit",
        _("Submit for review"),
        _("The public still sees nothing; a publisher checks the practice next."),
        _("“%(title)s” was sent to review."),
    ),
    Step(
        "publish",
        _("Publish"),
        _(
            "The practice appears on the public site in Finnish, Swedish and English, "
            "in search, the API and the feeds."
        ),
        _("“%(title)s” was published."),
    ),
    Step(
        "return_to_draft",
        _("Return to draft"),
        _("The public still sees nothing; editors can go on working on the practice."),
        _("“%(title)s” was returned to draft."),
    ),
    Step(
        "archive",
        _("Archive"),
        _(
            "The practice disappears from the public site, search, the API and the feeds; "
            "it can be restored later."
        ),
        _("“%(title)s” was archived."),
    ),
    Step(
        "restore",
        _("Restore from the archive"),
        _("The practice is shown on the public site again, as it was when archived."),
        _("“%(title)s” was restored and is public again."),
    ),
]
STEP_BY_ACTION = {step.action: step for step in STEPS}
NEEDS_COMPLETE_TEXTS = {Status.IN_REVIEW, Status.PUBLISHED}


def available_steps(practice, user) -> list[Step]:
    """The steps `user` may take from the practice's current state."""
    may_publish = user.has_perm(PUBLISH_PERMISSION)
    return [
        step
        for step in STEPS
        if practice.status in TRANSITIONS[step.action].sources
        and (may_publish or not TRANSITIONS[step.action].needs_publisher)
    ]


class PracticeWorkflowAdminMixin:
    """Workflow buttons, open reports and a working "View on site" for PracticeAdmin."""

    change_form_template = "admin/catalogue/practice/change_form.html"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/transition/<str:action>/",
                self.admin_site.admin_view(self.transition_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_transition",
            ),
            *super().get_urls(),
        ]

    @method_decorator(require_POST)
    def transition_view(self, request, object_id, action):
        step = STEP_BY_ACTION.get(action)
        practice = self.get_object(request, object_id)
        if step is None or practice is None:
            raise Http404
        # Who may take which step is the service's decision; this only keeps out users who
        # may not change practices at all.
        if not self.has_change_permission(request):
            raise PermissionDenied
        try:
            services.practice_transition(practice=practice, user=request.user, action=action)
        except services.WorkflowError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, step.done % {"title": practice.title}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:catalogue_practice_change", args=[practice.pk]))

    def workflow_context(self, request, practice) -> dict:
        missing = practice_missing_texts(practice)
        steps = []
        for step in available_steps(practice, request.user):
            blocked = bool(missing) and TRANSITIONS[step.action].target in NEEDS_COMPLETE_TEXTS
            steps.append(
                {
                    "step": step,
                    "blocked": blocked,
                    "url": reverse(
                        "admin:catalogue_practice_transition", args=[practice.pk, step.action]
                    ),
                }
            )
        open_reports = Feedback.objects.filter(practice=practice).open().count()
        return {
            "workflow_steps": steps,
            "workflow_missing": missing_texts_description(missing) if missing else "",
            "open_reports": open_reports,
            "open_reports_url": reverse("admin:catalogue_feedback_changelist")
            + f"?state=open&practice__id__exact={practice.pk}",
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        practice = self.get_object(request, object_id)
        if practice is not None:
            extra_context = {**(extra_context or {}), **self.workflow_context(request, practice)}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_view_on_site_url(self, obj=None):
        """The public page of a published practice, the signed preview of a draft or one in
        review; none for an archived practice, which the public no longer sees and which has
        no working preview (catalogue.preview)."""
        if obj is None or obj.pk is None or obj.status == Status.ARCHIVED:
            return None
        if obj.status == Status.PUBLISHED and (url := obj.get_public_url()):
            return url
        return preview_url(obj)
