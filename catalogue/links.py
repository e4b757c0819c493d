"""Addresses that last: the language-neutral permalink, robots.txt and the sitemap."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from catalogue.i18n import language_codes
from catalogue.models import MAX_ID, Practice
from municipalities.models import Municipality


def absolute_url(path: str) -> str:
    """`path` (from reverse() or get_absolute_url()) as a full address on SITE_URL.

    Every absolute address the site writes goes through here, so that no request's Host
    header can end up in a page, a feed or the API (and from there in the shared cache).
    """
    return f"{settings.SITE_URL}{path}" if path else ""


@require_GET
def practice_permalink(request, pk: int, language: str | None = None):
    """/p/<id>/: the practice in the visitor's language, or in one it exists in.

    /p/<id>/sv/ (or /p/<id>/?lang=sv) pins the language: the link opens the Swedish page
    whatever the reader's browser prefers, as long as the practice has one.
    """
    if pk > MAX_ID:
        raise Http404
    language = language or request.GET.get("lang")
    if language is not None and language not in language_codes():
        raise Http404
    practice = get_object_or_404(Practice.objects.published(), pk=pk)
    preferred = language or translation.get_language_from_request(request)
    for code in [preferred, *language_codes()]:
        url = practice.get_absolute_url(code)
        if url:
            # Not permanent: the target depends on who asks.
            return redirect(url)
    raise Http404


@require_GET
def health(request):
    """Liveness for the load balancer: the app answers without touching the database.

    Also the framework's floor in the load benchmark (benchmarks/load.py).
    """
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def robots_txt(request):
    sitemap = absolute_url(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class TranslatedSitemap(Sitemap):
    """Every page in every language it exists in, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if self._exists(item, code)]

    def _exists(self, item, code):
        return True

    def location(self, item):
        return item.get_absolute_url(translation.get_language())


class StaticPagesSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "catalogue:home",
            "catalogue:practice_list",
            "municipalities:municipality_list",
            "catalogue:about",
            "catalogue:api_docs",
        ]

    def location(self, item):
        return reverse(item)


class PracticeSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Practice.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def _exists(self, item, code):
        return bool(getattr(item, f"slug_{code}"))


class MunicipalitySitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Municipality.objects.with_practices().order_by("code")

    def _exists(self, item, code):
        return bool(getattr(item, f"slug_{code}"))


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "practices": PracticeSitemap,
    "municipalities": MunicipalitySitemap,
}
