from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin
from reversion_compare.admin import CompareVersionAdmin

from catalogue import (
    admin_booleans,  # noqa: F401  (yes/no icons in the staff's language)
    services,
)
from catalogue.admin_drafts import PracticeDraftAdmin  # noqa: F401  (registers the admin)
from catalogue.admin_feedback import (
    FeedbackHandlingAdminMixin,
    FeedbackStateFilter,
    labelled_state_form,
)
from catalogue.admin_workflow import PracticeWorkflowAdminMixin
from catalogue.history_words import HistoryInWordsAdminMixin
from catalogue.models import (
    DraftState,
    Feedback,
    Language,
    Page,
    PartnerOrganisation,
    Practice,
    PracticeDraft,
    PracticeLink,
    ServicePoint,
    Status,
    TargetGroup,
    Theme,
)
from catalogue.preview import preview_url
from catalogue.services.drafts import draft_changes, practice_draft_save
from common.admin_concurrency import VERSION_FIELD, OptimisticLockAdminMixin
from common.admin_history import SingleObjectHistoryMixin
from common.admin_slugs import SlugAddressesAdminMixin

TRANSLATED_NAME_SEARCH = ["slug", "name_fi", "name_sv", "name_en"]


@admin.register(TargetGroup, Theme)
class TaxonomyTermAdmin(
    HistoryInWordsAdminMixin,
    SingleObjectHistoryMixin,
    OptimisticLockAdminMixin,
    TabbedTranslationAdmin,
    VersionAdmin,
):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = TRANSLATED_NAME_SEARCH


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(
    HistoryInWordsAdminMixin, SingleObjectHistoryMixin, TabbedTranslationAdmin, VersionAdmin
):
    list_display = ["name", "slug"]
    search_fields = TRANSLATED_NAME_SEARCH


@admin.register(Language)
class LanguageAdmin(
    HistoryInWordsAdminMixin, SingleObjectHistoryMixin, TabbedTranslationAdmin, VersionAdmin
):
    list_display = ["name", "autonym", "code", "position"]
    list_editable = ["position"]
    search_fields = ["code", "autonym", "name_fi", "name_sv", "name_en"]


class TranslationStateFilter(admin.SimpleListFilter):
    title = _("translations")
    parameter_name = "translations"

    def lookups(self, request, model_admin):
        return [("outdated", _("possibly out of date")), ("missing", _("missing"))]

    def queryset(self, request, queryset):
        if self.value() == "outdated":
            return queryset.translations_outdated()
        if self.value() == "missing":
            return queryset.translations_missing()
        return queryset


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("overdue"))]

    def queryset(self, request, queryset):
        return queryset.review_overdue() if self.value() == "overdue" else queryset


def _transition_action(action: str, description, publisher_only: bool):
    def run(modeladmin, request, queryset):
        done = 0
        for practice in queryset:
            try:
                services.practice_transition(practice=practice, user=request.user, action=action)
                done += 1
            except services.WorkflowError as error:
                modeladmin.message_user(request, str(error), messages.WARNING)
        if done:
            modeladmin.message_user(
                request,
                ngettext("%(count)d practice: done.", "%(count)d practices: done.", done)
                % {"count": done},
                messages.SUCCESS,
            )

    run.__name__ = action
    return admin.action(
        description=description, permissions=["publish"] if publisher_only else ["change"]
    )(run)


@admin.action(description=_("Withdraw preview links"), permissions=["change"])
def withdraw_previews(modeladmin, request, queryset):
    for practice in queryset:
        services.practice_previews_withdraw(practice=practice, user=request.user)
    modeladmin.message_user(
        request, gettext("The preview links given so far no longer work."), messages.SUCCESS
    )


class PracticeLinkInline(TranslationStackedInline):
    model = PracticeLink
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["title", "url", "position"]


class ServicePointInline(TranslationStackedInline):
    model = ServicePoint
    extra = 0
    fields = ["name", "street_address", "postcode", "town", "position"]


@admin.register(Practice)
class PracticeAdmin(
    PracticeWorkflowAdminMixin,
    HistoryInWordsAdminMixin,
    SingleObjectHistoryMixin,
    OptimisticLockAdminMixin,
    SlugAddressesAdminMixin,
    TabbedTranslationAdmin,
    CompareVersionAdmin,
):
    list_display = [
        "title",
        "status",
        "lead_municipality",
        "check_status",
        "next_review_due",
        "updated_at",
    ]
    list_filter = [
        "status",
        TranslationStateFilter,
        ReviewFilter,
        "check_status",
        "original_language",
        "themes",
        "target_groups",
        "lead_municipality__region",
    ]
    search_fields = ["title_fi", "title_sv", "title_en", "summary_fi", "summary_sv", "summary_en"]
    list_select_related = ["lead_municipality"]
    date_hierarchy = "updated_at"
    autocomplete_fields = [
        "lead_municipality",
        "municipalities",
        "areas",
        "target_groups",
        "themes",
        "service_languages",
        "partners",
        "organiser_municipality",
        "organiser_partner",
    ]
    inlines = [PracticeLinkInline, ServicePointInline]
    readonly_fields = ["status", "preview_link", "pending_changes", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "original_language"]}),
        (
            _("Translations"),
            {
                "fields": ["outdated_fi", "outdated_sv", "outdated_en"],
                "description": _(
                    "Ticked automatically when the original text changes and a translation "
                    "does not; untick once the translation has been checked."
                ),
            },
        ),
        (_("Where"), {"fields": ["lead_municipality", "municipalities", "areas"]}),
        (
            _("Classification"),
            {"fields": ["kind", "target_groups", "themes", "service_languages", "partners"]},
        ),
        (
            _("How to take part"),
            {
                "fields": [
                    "organiser_municipality",
                    "organiser_partner",
                    "how_to_take_part",
                    "email",
                    "phone",
                    "opening_times",
                    "cost",
                    "cost_details",
                    "place_accessibility",
                ],
                "description": _(
                    "Only what you have checked: residents act on it. Web links and service "
                    "points are below the form."
                ),
            },
        ),
        (
            _("State and review"),
            {
                "fields": [
                    "status",
                    "preview_link",
                    "pending_changes",
                    "check_status",
                    "last_checked",
                    "next_review_due",
                ]
            },
        ),
        (_("Source and dates"), {"fields": ["source_page", "created_at", "updated_at"]}),
    ]
    actions = [
        _transition_action("submit", _("Submit for review"), publisher_only=False),
        _transition_action("return_to_draft", _("Return to draft"), publisher_only=False),
        _transition_action("publish", _("Publish"), publisher_only=True),
        _transition_action("archive", _("Archive"), publisher_only=True),
        _transition_action("restore", _("Restore from the archive"), publisher_only=True),
        withdraw_previews,
    ]
    view_on_site = True

    def has_publish_permission(self, request):
        return request.user.has_perm(services.editorial.PUBLISH_PERMISSION)

    def has_change_permission(self, request, obj=None):
        # Editors correct published practices through pending changes (see save_model);
        # archived ones only publishers may touch.
        archived = obj is not None and obj.status == Status.ARCHIVED
        if archived and not self.has_publish_permission(request):
            return False
        return super().has_change_permission(request, obj)

    # History: only publishers choose the state of what they recover; for others it is a draft.
    def may_set_state(self, request) -> bool:
        return self.has_publish_permission(request)

    def recovered_state(self):
        return Status.DRAFT

    def goes_to_draft(self, request, obj) -> bool:
        """Whether this user's save of `obj` waits for a publisher instead of going live."""
        return (
            obj is not None
            and obj.pk is not None
            and obj.status == Status.PUBLISHED
            and not self.has_publish_permission(request)
        )

    def own_pending_draft(self, request, obj):
        if not self.goes_to_draft(request, obj):
            return None
        return PracticeDraft.objects.pending().filter(practice=obj, author=request.user).first()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        draft = self.own_pending_draft(request, obj)
        if draft is None:
            return form

        class ContinueDraftForm(form):
            """An editor goes on from their pending change, not from the live text."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.initial.update(
                    {name: v for name, v in draft_changes(draft).items() if name in self.fields}
                )

        return ContinueDraftForm

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            if self.goes_to_draft(request, obj):
                draft = self.own_pending_draft(request, obj)
                messages.info(
                    request,
                    gettext(
                        "This practice is published: what you save waits for a publisher's "
                        "approval, and the public keeps seeing the live version until then."
                    )
                    if draft is None
                    else gettext(
                        "You are continuing your pending change; the public sees the live "
                        "version until a publisher approves it."
                    ),
                )
                latest = PracticeDraft.objects.filter(practice=obj, author=request.user).first()
                if latest is not None and latest.state == DraftState.REJECTED:
                    messages.warning(
                        request,
                        gettext("A publisher rejected your last change of this practice: %(note)s")
                        % {"note": latest.note},
                    )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        if obj.status == Status.ARCHIVED:
            return gettext("Archived practices have no preview.")
        return format_html(
            '<a href="{}">{}</a> ({}) <a href="{}">{}</a>',
            preview_url(obj),
            _("Preview link"),
            _("works without logging in for two weeks"),
            reverse("admin:catalogue_practice_withdraw_previews", args=[obj.pk]),
            _("Withdraw preview links"),
        )

    @admin.display(description=_("pending changes"))
    def pending_changes(self, obj):
        drafts = obj.drafts.pending().select_related("author") if obj and obj.pk else []
        if not drafts:
            return "–"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (
                        reverse("admin:catalogue_practicedraft_change", args=[d.pk]),
                        f"{d.author or '–'}, {d.created_at:%Y-%m-%d %H:%M}",
                    )
                    for d in drafts
                ),
            ),
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/withdraw-previews/",
                self.admin_site.admin_view(self.withdraw_previews_view),
                name="catalogue_practice_withdraw_previews",
            ),
            *super().get_urls(),
        ]

    def withdraw_previews_view(self, request, object_id):
        practice = self.get_object(request, unquote(object_id))
        if practice is None:
            raise Http404
        if not self.has_change_permission(request, practice):
            raise PermissionDenied
        change_url = reverse("admin:catalogue_practice_change", args=[practice.pk])
        if request.method == "POST":
            services.practice_previews_withdraw(practice=practice, user=request.user)
            messages.success(request, gettext("The preview links given so far no longer work."))
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Withdraw the preview links of “%(practice)s”?")
            % {"practice": practice},
            "practice": practice,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/catalogue/practice/withdraw_previews.html", context)

    # The one write path: every save of the form goes through services.practice_save.

    def practice_changes(self, form) -> dict:
        """What the form sets: its model fields by their own names, links as targets."""
        model_fields = {f.name for f in Practice._meta.get_fields()}
        translated = {"title", "slug", "summary", "description"}
        return {
            name: value
            for name, value in form.cleaned_data.items()
            if name in model_fields and name not in translated
        }

    def save_model(self, request, obj, form, change):
        version = form.cleaned_data.get(VERSION_FIELD)
        if change and self.goes_to_draft(request, obj):
            request.practice_draft = practice_draft_save(
                practice=obj,
                user=request.user,
                changes=self.practice_changes(form),
                base_version=obj.lock_version if version is None else version,
            )
            request.practice_draft_saved = True
            return
        services.practice_save(
            practice=obj,
            user=request.user,
            changes=self.practice_changes(form),
            # Replaced by the admin's own change message (VersionAdmin.log_change).
            comment="Changed in the admin" if change else "Added in the admin",
            expected_version=version if change else None,
        )

    def save_related(self, request, form, formsets, change):
        # The links were written by the write path with the row (save_model).
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def log_change(self, request, obj, message):
        if getattr(request, "practice_draft_saved", False):
            return None  # nothing live changed
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if not getattr(request, "practice_draft_saved", False):
            return super().response_change(request, obj)
        draft = request.practice_draft
        if draft is None:
            messages.info(request, gettext("Nothing differs from the live version; nothing waits."))
            return redirect("admin:catalogue_practice_change", obj.pk)
        messages.success(
            request,
            gettext(
                "Your change was saved and waits for a publisher. The public sees the live "
                "version until it is approved."
            ),
        )
        return redirect("admin:catalogue_practicedraft_change", draft.pk)


@admin.register(Feedback)
class FeedbackAdmin(FeedbackHandlingAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "state", "practice_links", "language", "short_message", "reply"]
    list_display_links = ["created_at"]
    list_filter = [FeedbackStateFilter, "language", ("practice", admin.RelatedOnlyFieldListFilter)]
    list_editable = ["state"]
    list_select_related = ["practice"]
    search_fields = ["message", "page_url", "email", "note"]
    fields = [
        "practice_links",
        "page_url",
        "language",
        "created_at",
        "message",
        "email",
        "reply",
        "state",
        "note",
    ]
    readonly_fields = [
        "practice_links",
        "page_url",
        "language",
        "message",
        "email",
        "reply",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    def get_changelist_form(self, request, **kwargs):
        return labelled_state_form(super().get_changelist_form(request, **kwargs))

    @admin.display(description=_("message"))
    def short_message(self, obj):
        return obj.message if len(obj.message) < 80 else obj.message[:80] + "…"


@admin.register(Page)
class PageAdmin(
    HistoryInWordsAdminMixin,
    SingleObjectHistoryMixin,
    OptimisticLockAdminMixin,
    TabbedTranslationAdmin,
    VersionAdmin,
):
    list_display = ["title", "key", "updated_at"]
    search_fields = ["key", "title_fi", "title_sv", "title_en"]
