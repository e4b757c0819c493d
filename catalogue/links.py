"""Addresses that last: the language-neutral permalink, robots.txt and the sitemap."""

from types import SimpleNamespace

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_safe

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
    sitemap = absolute_url(reverse("sitemap"))  # the index of the sitemap's sections
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def x_default_url(urls: dict[str, str]) -> str | None:
    """The address for readers whose language the site lacks: Finnish, else the first
    language the page exists in. The same in the sitemap and in the page's own links, and
    always a page (never the unprefixed address, which only redirects)."""
    return next(iter(urls.values()), None)


class TranslatedSitemap(Sitemap):
    """Every page in every language it exists in, with hreflang alternates.

    Addresses are absolute on SITE_URL, never on the request's Host header.
    """

    i18n = True
    alternates = True
    # Django's own x-default is the unprefixed address, which answers 302 or 404 here.
    x_default = False

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if self._exists(item, code)]

    def _exists(self, item, code):
        return True

    def location(self, item):
        return item.get_absolute_url(translation.get_language())

    def get_urls(self, page=1, site=None, protocol=None):
        scheme, _, domain = settings.SITE_URL.partition("://")
        urls = super().get_urls(page=page, site=SimpleNamespace(domain=domain), protocol=scheme)
        for url in urls:
            alternates = {a["lang_code"]: a["location"] for a in url["alternates"]}
            default = x_default_url(alternates)
            if default:
                url["alternates"].append({"location": default, "lang_code": "x-default"})
        return urls


class StaticPagesSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "catalogue:home",
            "catalogue:practice_list",
            "municipalities:municipality_list",
            "catalogue:about",
            "catalogue:accessibility",
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


@require_safe
def sitemap_index(request):
    """/sitemap.xml: every page of every section, on SITE_URL (Django's index view builds
    the addresses from the request's Host header)."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = absolute_url(reverse("sitemap_section", kwargs={"section": section}))
        for page in range(1, sitemap.paginator.num_pages + 1):
            address = location if page == 1 else f"{location}?p={page}"
            entries.append(SitemapIndexItem(address, sitemap.get_latest_lastmod()))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "practices": PracticeSitemap,
    "municipalities": MunicipalitySitemap,
}
