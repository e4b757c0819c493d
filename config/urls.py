from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from catalogue.api import api

admin.site.site_header = _("Kunnat kotouttavat: administration")
admin.site.site_title = _("Kunnat kotouttavat")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("catalogue.urls")),
    path(_("municipalities/"), include("municipalities.urls")),
)
