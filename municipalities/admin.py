from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from common.admin_concurrency import OptimisticLockAdminMixin
from common.admin_history import SingleObjectHistoryMixin
from common.admin_slugs import SlugHistoryAdminMixin
from municipalities.models import CooperationArea, Municipality, Region


@admin.register(Region)
class RegionAdmin(SingleObjectHistoryMixin, TabbedTranslationAdmin, VersionAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]


@admin.register(Municipality)
class MunicipalityAdmin(
    SingleObjectHistoryMixin,
    OptimisticLockAdminMixin,
    SlugHistoryAdminMixin,
    TabbedTranslationAdmin,
    VersionAdmin,
):
    list_display = ["code", "name", "region", "practice_count"]
    list_filter = ["region"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]
    list_select_related = ["region"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(practice_count=Count("practices"))

    @admin.display(description=_("practices"), ordering="practice_count")
    def practice_count(self, obj):
        return obj.practice_count


@admin.register(CooperationArea)
class CooperationAreaAdmin(SingleObjectHistoryMixin, TabbedTranslationAdmin, VersionAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", "name_fi", "name_sv", "name_en"]
    autocomplete_fields = ["members"]
