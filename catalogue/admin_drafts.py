"""Pending changes in the admin: editors follow theirs, publishers compare, approve or reject."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalogue.models import DraftState, Practice, PracticeDraft
from catalogue.preview import preview_url
from catalogue.services import ConflictError, WorkflowError
from catalogue.services.drafts import (
    draft_changes,
    practice_draft_approve,
    practice_draft_reject,
)
from catalogue.services.editorial import PUBLISH_PERMISSION
from catalogue.services.practice import practice_field_value
from common.admin_diff import display_value, field_label

EDIT_PERMISSION = "catalogue.change_practice"


class RejectForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note to the editor"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy("Say what should change; the editor sees this note."),
    )


def draft_rows(draft: PracticeDraft) -> list[dict]:
    """Each changed field: its name and language in words, the live and the proposed text."""
    live = draft.practice
    return [
        {
            "label": field_label(Practice, name),
            "live": display_value(Practice, name, practice_field_value(live, name)),
            "proposed": display_value(Practice, name, value),
        }
        for name, value in draft_changes(draft).items()
    ]


@admin.register(PracticeDraft)
class PracticeDraftAdmin(admin.ModelAdmin):
    list_display = ["practice", "author", "created_at", "state", "reviewer", "note"]
    list_filter = ["state"]
    list_select_related = ["practice", "author", "reviewer"]
    search_fields = ["practice__title_fi", "practice__title_sv", "practice__title_en"]

    def is_publisher(self, request) -> bool:
        return request.user.has_perm(PUBLISH_PERMISSION)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        # Editors follow their own changes; publishers review everyone's.
        return queryset if self.is_publisher(request) else queryset.filter(author=request.user)

    def has_module_permission(self, request):
        return request.user.has_perm(EDIT_PERMISSION)

    def has_view_permission(self, request, obj=None):
        if not request.user.has_perm(EDIT_PERMISSION):
            return False
        return obj is None or self.is_publisher(request) or obj.author_id == request.user.pk

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        draft = self.get_object(request, unquote(object_id))
        if draft is None:
            raise Http404
        if not self.has_view_permission(request, draft):
            raise PermissionDenied
        may_review = self.is_publisher(request) and draft.state == DraftState.PENDING
        reject_form = RejectForm()
        if request.method == "POST":
            if not may_review:
                raise PermissionDenied
            if "_approve" in request.POST:
                return self.approve(request, draft)
            reject_form = RejectForm(request.POST)
            if reject_form.is_valid():
                practice_draft_reject(
                    draft=draft, user=request.user, note=reject_form.cleaned_data["note"]
                )
                messages.success(request, _("The change was rejected; the editor sees your note."))
                return redirect("admin:catalogue_practicedraft_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Pending change of “%(practice)s”") % {"practice": draft.practice},
            "draft": draft,
            "rows": draft_rows(draft),
            "may_review": may_review,
            "reject_form": reject_form,
            "preview_url": preview_url(draft.practice, draft=draft)
            if draft.state == DraftState.PENDING
            else None,
            "practice_url": reverse("admin:catalogue_practice_change", args=[draft.practice_id]),
        }
        return TemplateResponse(request, "admin/catalogue/practicedraft/review.html", context)

    def approve(self, request, draft):
        try:
            practice_draft_approve(draft=draft, user=request.user)
        except ConflictError as error:
            messages.error(
                request,
                _(
                    "Not approved: the live practice has changed in the same fields since "
                    "(%(fields)s). Reject the change with a note, so the editor can redo it "
                    "on the current text."
                )
                % {"fields": ", ".join(field_label(Practice, name) for name in error.fields)},
            )
            return redirect("admin:catalogue_practicedraft_change", draft.pk)
        except WorkflowError as error:
            messages.error(request, str(error))
            return redirect("admin:catalogue_practicedraft_change", draft.pk)
        messages.success(request, _("The change is live."))
        return redirect("admin:catalogue_practicedraft_changelist")
