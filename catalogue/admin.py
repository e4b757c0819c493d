from django.contrib import admin, messages
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin
from reversion_compare.admin import CompareVersionAdmin

from catalogue import services
from catalogue.models import (
    Feedback,
    Language,
    Page,
    PartnerOrganisation,
    Practice,
    PracticeLink,
    ServicePoint,
    Status,
    TargetGroup,
    Theme,
)
from catalogue.preview import preview_url
from catalogue.services import current_slugs, slug_changes_record

TRANSLATED_NAME_SEARCH = ["slug", "name_fi", "name_sv", "name_en"]


class SlugHistoryAdminMixin:
    """Keeps a page's old slugs when an editor changes them, so that old links redirect."""

    def save_model(self, request, obj, form, change):
        old_slugs = current_slugs(obj) if change else {}
        super().save_model(request, obj, form, change)
        if change:
            slug_changes_record(instance=obj, old_slugs=old_slugs)


@admin.register(TargetGroup, Theme)
class TaxonomyTermAdmin(TabbedTranslationAdmin, VersionAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = TRANSLATED_NAME_SEARCH


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(TabbedTranslationAdmin, VersionAdmin):
    list_display = ["name", "slug"]
    search_fields = TRANSLATED_NAME_SEARCH


@admin.register(Language)
class LanguageAdmin(TabbedTranslationAdmin, VersionAdmin):
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
class PracticeAdmin(SlugHistoryAdminMixin, TabbedTranslationAdmin, CompareVersionAdmin):
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
    readonly_fields = ["status", "preview_link", "created_at", "updated_at"]
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
    ]
    view_on_site = True

    def has_publish_permission(self, request):
        return request.user.has_perm(services.editorial.PUBLISH_PERMISSION)

    def has_change_permission(self, request, obj=None):
        # What the public sees changes only through publishers: editors work on drafts.
        public = obj is not None and obj.status in (Status.PUBLISHED, Status.ARCHIVED)
        if public and not self.has_publish_permission(request):
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a> ({})',
            preview_url(obj),
            _("Preview link"),
            _("works without logging in for two weeks"),
        )

    def save_model(self, request, obj, form, change):
        before = services.practice_texts(obj) if change else None
        services.practice_track_translations(before=before, practice=obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The lead municipality always takes part in its own practice.
        practice = form.instance
        if practice.lead_municipality_id:
            practice.municipalities.add(practice.lead_municipality_id)


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "page_link", "language", "short_message", "handled"]
    list_filter = ["handled", "language"]
    list_editable = ["handled"]
    search_fields = ["message", "page_url", "email"]
    readonly_fields = ["practice", "page_url", "language", "message", "email", "created_at"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("page"))
    def page_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.page_url, obj.practice or obj.page_url)

    @admin.display(description=_("message"))
    def short_message(self, obj):
        return obj.message if len(obj.message) < 80 else obj.message[:80] + "…"


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin, VersionAdmin):
    list_display = ["title", "key", "updated_at"]
    search_fields = ["key", "title_fi", "title_sv", "title_en"]
