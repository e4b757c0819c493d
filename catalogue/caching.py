"""Caching of public pages, invalidated everywhere at once when the catalogue changes.

Every cache key of public content includes the catalogue version, a counter kept in the
cache itself. Any change to the content (publishing, an edit in the admin, a load) bumps it,
so with a shared cache (Redis, REDIS_URL) every host stops serving the old pages at the same
moment; old entries simply expire.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "catalogue:version"
PAGE_TIMEOUT = 600


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def catalogue_changed(**kwargs) -> None:
    """Invalidate every cached public page and count, on every host sharing the cache."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or it was evicted): start a new one
        cache.set(VERSION_KEY, 2, timeout=None)


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


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages and the API from the cache.

    Only complete, cookie-free 200 responses that are not marked private are kept (previews
    are); the admin and anything asked by a logged-in user are never cached.
    """

    PREFIXES = ("/fi/", "/sv/", "/en/", "/api/v1/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        # Hashed: a query string can be long and hold any character.
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{catalogue_version()}:{path}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self.cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, PAGE_TIMEOUT)
        return response

    def cacheable_request(self, request) -> bool:
        if not settings.PUBLIC_PAGE_CACHE:
            return False
        if request.method not in ("GET", "HEAD") or not request.path.startswith(self.PREFIXES):
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
