"""Caching of public pages, invalidated everywhere at once when the catalogue changes.

Every cache key of public content includes the catalogue version, a counter kept in the
cache itself. Any change to the content (publishing, an edit in the admin, a load) bumps it
once the change is committed, so with a shared cache (Redis, REDIS_URL) every host stops
serving the old pages at the same moment; old entries simply expire.

The cache may fail (config.cache fails open): pages are then served uncached, and a bump
that could not reach the cache is retried by this process before it uses the cache again,
so that an edit made during an outage is never hidden by a page cached before it.
"""

import functools
import hashlib
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import QueryDict
from django.utils import translation

VERSION_KEY = "catalogue:version"
PAGE_TIMEOUT = 600

# The query parameters that change what a public page or the API answers, besides q and the
# facets (catalogue.filters.PARAMETERS). Anything else (utm_source, fbclid, a random string)
# is dropped from the request before a view sees it, so that it can neither make a new
# cache entry nor end up in a canonical or hreflang link.
OTHER_PARAMETERS = (
    "page",
    "page_size",
    "lang",  # the API's language, and the open data exports' attribution language
    "modified_after",  # API
    "separator",  # CSV exports
    "format",  # CSV exports: plain or excel
    "feedback",  # the thank-you notice after a report
)


@functools.cache
def known_parameters() -> tuple[tuple[str, bool], ...]:
    """(name, is a set) in the order they take in a key and a link."""
    from catalogue import filters  # filters imports this module

    return (
        *((name, name in filters.FACETS_BY_PARAM) for name in filters.PARAMETERS),
        *((name, False) for name in OTHER_PARAMETERS),
    )


_bump_pending = threading.Event()
# The version read during the current public request (catalogue_version() reads the cache
# once per request, however many parts of the page are kept per version). A list while a
# request is being answered, None outside one (shell, commands, tests between requests).
_request_version: ContextVar[list | None] = ContextVar("catalogue_request_version", default=None)
T = TypeVar("T")


def fresh_version() -> int:
    """A first version that no earlier version of this cache can equal.

    Milliseconds since the epoch: if the version key is lost (evicted, or Redis restarted
    with its data), a restarted counter must not meet pages cached under an old number.
    """
    return int(time.time() * 1000)


def catalogue_version() -> int | None:
    """The current version, or None when the cache cannot be used (down, or a bump is owed).

    Within a public request, read once: the request's page and every part of it kept per
    version then belong to the same version.
    """
    memo = _request_version.get()
    if memo:
        return memo[0]
    version = _read_version()
    if memo is not None:
        memo.append(version)
    return version


def _read_version() -> int | None:
    if _bump_pending.is_set() and not bump_version():
        return None
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, fresh_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def per_version(name: str, build: Callable[[], T], *, shared: bool = True) -> T:
    """`build()`, kept for the current catalogue version.

    For what many pages share and only an edit can change (the published count, the names
    of the filter choices): the first request after a change builds it again. Kept in this
    process (a shared object: callers must not change it) and, if `shared`, in the cache,
    so that the other processes need not build it again. Without a usable cache it is
    built every time, so nothing stale is ever served.
    """
    version = catalogue_version()
    if version is None:
        return build()
    kept = _kept_for(version)
    if name not in kept:
        if shared:
            kept[name] = cache.get_or_set(f"{name}:{version}", build, PAGE_TIMEOUT)
        else:
            kept[name] = build()
    return kept[name]


# This process's values for one catalogue version: (version, {name: value}).
_kept: tuple[int | None, dict] = (None, {})


def _kept_for(version: int) -> dict:
    global _kept
    kept_version, values = _kept
    if kept_version != version:
        values = {}
        _kept = (version, values)  # one assignment: a thread sees the old pair or the new
    return values


def forget_kept() -> None:
    """Drop this process's kept values (the tests empty the cache before each test)."""
    global _kept
    _kept = (None, {})


def bump_version() -> bool:
    """Invalidate every cached public page and count, on every host sharing the cache.

    Returns False when the cache could not be reached; the bump is then owed, and this
    process serves no cached page until it has been made.
    """
    memo = _request_version.get()
    if memo is not None:
        memo.clear()  # a write inside a request: what it reads next is of the new version
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, evicted, or the cache is unreachable
        if not cache.add(VERSION_KEY, fresh_version(), timeout=None) and (
            cache.get(VERSION_KEY) is None
        ):
            _bump_pending.set()
            return False
    _bump_pending.clear()
    return True


def catalogue_changed(**kwargs) -> None:
    """Bump the version once the write is committed.

    Not inside the transaction: a concurrent reader would take the new version with the old
    rows and keep the old page under the new version.
    """
    transaction.on_commit(bump_version, robust=True)


def connect_invalidation(models) -> None:
    """Bump the version on any write to these models, whoever makes it (admin, loader, shell).

    Signals, because invalidation must not depend on each writer remembering it; they only
    touch the cache, never the data.
    """
    for model in models:
        post_save.connect(
            catalogue_changed, sender=model, dispatch_uid=f"cache-save-{model.__name__}"
        )
        post_delete.connect(
            catalogue_changed, sender=model, dispatch_uid=f"cache-delete-{model.__name__}"
        )
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                catalogue_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"cache-m2m-{model.__name__}-{field.name}",
            )


def canonical_query(query: QueryDict) -> str:
    """The known parameters of `query`, in a fixed order, without repeated values.

    An empty search or facet choice (a form's "any") means nothing and is dropped; an empty
    value of any other parameter is kept, so that the API can refuse `?page=` as its
    document says.
    """
    from catalogue.filters import MAX_VALUES  # filters imports this module

    pairs = []
    for name, is_set in known_parameters():
        given = [str(v) for v in query.getlist(name)]
        if is_set and len(given) > MAX_VALUES:
            # More choices than a filter takes: left as given for the view to refuse or
            # shorten (such a request is never cached, see too_many_choices).
            pairs.extend((name, value) for value in given)
            continue
        values = list(dict.fromkeys(given))
        if is_set or name == "q":
            values = [v for v in values if v.strip()]
        if is_set:  # a repeated choice means OR: the order means nothing
            values.sort()
        pairs.extend((name, value) for value in values)
    return urlencode(pairs)


def too_many_choices(query: QueryDict) -> bool:
    from catalogue.filters import MAX_VALUES

    return any(
        len(query.getlist(name)) > MAX_VALUES for name, is_set in known_parameters() if is_set
    )


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages and the API from the cache.

    Only complete, cookie-free 200 responses that are not marked private are kept (previews
    are); the admin and anything asked by a logged-in user are never cached. The query string
    of every public GET is first reduced to its canonical form, so the key (host, language,
    path and that query) has a bounded number of shapes.
    """

    PREFIXES = ("/fi/", "/sv/", "/en/", "/api/v1/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not request.path.startswith(self.PREFIXES):
            return self.get_response(request)
        self.normalise_query(request)
        token = _request_version.set([])
        try:
            return self.answer(request)
        finally:
            _request_version.reset(token)

    def answer(self, request):
        if not self.cacheable_request(request) or too_many_choices(request.GET):
            return self.get_response(request)
        version = catalogue_version()
        if version is None:
            return self.get_response(request)
        key = self.key(request, version)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self.cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, PAGE_TIMEOUT)
        return response

    @staticmethod
    def normalise_query(request) -> None:
        query = canonical_query(request.GET)
        if query != request.META.get("QUERY_STRING", ""):
            request.META["QUERY_STRING"] = query
            request.GET = QueryDict(query)

    @staticmethod
    def key(request, version: int) -> str:
        # The host although only SITE_URL's host is let in (config.hosts): a second allowed
        # name must never see pages built for another. The language, because the
        # unprefixed API and exports answer in the negotiated one.
        parts = "\n".join(
            (request.get_host(), translation.get_language() or "", request.get_full_path())
        )
        # Hashed: a query string can be long and hold any character.
        return f"page:{version}:{hashlib.sha256(parts.encode()).hexdigest()}"

    def cacheable_request(self, request) -> bool:
        if not settings.PUBLIC_PAGE_CACHE:
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    def cacheable_response(self, response) -> bool:
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
            and "private" not in control
            and "no-store" not in control
        )
