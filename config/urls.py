from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from catalogue import links, opendata
from catalogue.api import api
from municipalities.opendata import municipalities_csv

admin.site.site_header = _("Kunnat kotouttavat: administration")
admin.site.site_title = _("Kunnat kotouttavat")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/practices.csv", opendata.practices_csv, name="practices_csv"),
    path("api/v1/municipalities.csv", municipalities_csv, name="municipalities_csv"),
    path("api/v1/catalogue.json", opendata.catalogue_json, name="catalogue_json"),
    path("api/v1/", api.urls),
    path("p/<int:pk>/", links.practice_permalink, name="practice_permalink"),
    path(
        "p/<int:pk>/<str:language>/",
        links.practice_permalink,
        name="practice_permalink_language",
    ),
    path("robots.txt", links.robots_txt, name="robots_txt"),
    path("health/", links.health, name="health"),
    path("ready/", links.ready, name="ready"),
    # An index of sections, each paged at 50,000 addresses (Google's limit per file).
    path("sitemap.xml", links.sitemap_index, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": links.SITEMAPS},
        name="sitemap_section",
    ),
]

urlpatterns += i18n_patterns(
    path("", include("catalogue.urls")),
    path(_("municipalities/"), include("municipalities.urls")),
)
