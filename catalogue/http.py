"""HTTP for clients that save bandwidth: compression and validators (ETag, Last-Modified).

ConditionalGetMiddleware (Django) gives every response an ETag and answers 304 to
If-None-Match and If-Modified-Since; these two classes add what it needs around it.
"""

from datetime import UTC, datetime

from django.db import connection
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

from catalogue import caching
from catalogue.models import Page, Practice


class PublicGZipMiddleware(GZipMiddleware):
    """gzip for responses over 1 KB, except the admin.

    BREACH recovers a secret from the size of compressed responses that also reflect
    attacker-chosen input. Public pages carry no secret (no CSRF token, no session: the
    feedback forms are CSRF-exempt), so compressing them is safe; admin pages carry a CSRF
    token and stay uncompressed.
    """

    MIN_SIZE = 1024

    def process_response(self, request, response):
        if request.path.startswith("/admin/"):
            return response
        if not response.streaming and len(response.content) < self.MIN_SIZE:
            return response
        return super().process_response(request, response)


# Responses that show the catalogue (pages, API, exports, feeds, sitemap).
PUBLIC_PREFIXES = ("/fi/", "/sv/", "/en/", "/api/v1/", "/sitemap")


def latest_change() -> datetime | None:
    """When a practice or a text page was last created, edited, published or archived.

    One query; each MAX reads one end of an index (practice_updated_at) or a tiny table.
    """
    tables = [model._meta.db_table for model in (Practice, Page)]
    union = " UNION ALL ".join(f"SELECT MAX(updated_at) AS changed FROM {t}" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(changed) FROM ({union}) AS latest")
        (value,) = cursor.fetchone()
    if isinstance(value, str):  # SQLite hands back the stored text
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


class LastModifiedMiddleware:
    """Last-Modified = the catalogue's latest change, on public 200 responses.

    One indexed read (practice_updated_at) per catalogue version, kept in the cache: every
    change bumps the version, and the first response after it reads the time again. It sits
    inside the page cache, so that a cached response keeps the time it was made at.
    The ETag stays the exact validator: it changes with any byte of the response, also
    when a municipality or a term is renamed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and request.path.startswith(PUBLIC_PREFIXES)
            and not response.has_header("Last-Modified")
            and "private" not in response.get("Cache-Control", "")
        ):
            changed = caching.per_version("latest-change", latest_change)
            if changed is not None:
                response["Last-Modified"] = http_date(changed.timestamp())
        return response


class HeadAsGetMiddleware:
    """HEAD on public responses is GET without the body (RFC 9110), validators included.

    django-ninja answers only the methods an operation declares, so a HEAD (which CORS and
    link checkers send) would be a 405, and ConditionalGetMiddleware gives an ETag to GET
    only. The server leaves out the body, as it does for any Django view's HEAD.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD" or not request.path.startswith(PUBLIC_PREFIXES):
            return self.get_response(request)
        request.method = "GET"
        try:
            return self.get_response(request)
        finally:
            request.method = "HEAD"
