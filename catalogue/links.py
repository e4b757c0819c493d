"""Addresses that last: the language-neutral permalink, robots.txt and the sitemap; the
liveness and readiness checks."""

import uuid
from concurrent.futures import ThreadPoolExecutor, wait

from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_safe

from catalogue.models import MAX_ID, Practice
from common.i18n import language_codes
from common.links import absolute_url
from common.sitemaps import TranslatedSitemap
from municipalities.sitemaps import MunicipalitySitemap


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


# The readiness check's whole answer must come within this many seconds (the Dockerfile's
# HEALTHCHECK gives it 3).
READY_TIMEOUT = 2.0
# Checks run here, so that a frozen database or cache cannot hold the request past the limit.
_checks = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ready")


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    finally:
        connection.close()  # this thread's own connection


def _cache_ok() -> bool:
    key, value = f"ready:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    ok = cache.get(key) == value
    cache.delete(key)
    return ok


@require_GET
def ready(request):
    """Readiness: the database and the cache answer within READY_TIMEOUT seconds.

    503 when the database does not: without it no page can be served. A cache that does not
    answer is reported but leaves the app ready, because pages are then served uncached
    (config.cache fails open); taking every app host out of the load balancer because the
    shared cache is down would turn a slower site into no site.
    """
    futures = {"database": _checks.submit(_database_ok), "cache": _checks.submit(_cache_ok)}
    wait(futures.values(), timeout=READY_TIMEOUT)
    results = {}
    for name, future in futures.items():
        # Not done in time, or failed in any way: "unavailable", never a 500.
        results[name] = future.done() and future.exception() is None and future.result() is True
    lines = [f"{name}: {'ok' if ok else 'unavailable'}" for name, ok in results.items()]
    status = 200 if results["database"] else 503
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain", status=status)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def robots_txt(request):
    sitemap = absolute_url(reverse("sitemap"))  # the index of the sitemap's sections
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


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
