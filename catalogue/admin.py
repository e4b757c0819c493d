from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from catalogue.models import Language, Page, PartnerOrganisation, Practice, TargetGroup, Theme
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
class TaxonomyTermAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = TRANSLATED_NAME_SEARCH


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = TRANSLATED_NAME_SEARCH


@admin.register(Language)
class LanguageAdmin(TabbedTranslationAdmin):
    list_display = ["name", "autonym", "code", "position"]
    list_editable = ["position"]
    search_fields = ["code", "autonym", "name_fi", "name_sv", "name_en"]


@admin.register(Practice)
class PracticeAdmin(SlugHistoryAdminMixin, TabbedTranslationAdmin):
    list_display = ["title", "lead_municipality", "original_language", "source_page", "updated_at"]
    list_filter = ["original_language", "themes", "target_groups", "lead_municipality__region"]
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
    ]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "original_language"]}),
        (
            _("Where"),
            {"fields": ["lead_municipality", "municipalities", "areas"]},
        ),
        (
            _("Classification"),
            {"fields": ["target_groups", "themes", "service_languages", "partners"]},
        ),
        (_("Source and dates"), {"fields": ["source_page", "created_at", "updated_at"]}),
    ]
    view_on_site = True

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The lead municipality always takes part in its own practice.
        practice = form.instance
        if practice.lead_municipality_id:
            practice.municipalities.add(practice.lead_municipality_id)


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ["title", "key", "updated_at"]
    search_fields = ["key", "title_fi", "title_sv", "title_en"]
