"""Requests for any host but the site's own are refused, ports included.

Django's ALLOWED_HOSTS compares host names only: `Host: example.fi:1337` passes when
example.fi is allowed. This middleware compares the whole Host header (name and port) with
SITE_URL's address and the entries of the ALLOWED_HOSTS environment variable, which may
carry a port (`127.0.0.1:8000` for a health check inside the container network). Anything
else is a DisallowedHost: 400 Bad Request, logged by Django's security logger.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost


def site_host() -> str:
    """SITE_URL's host and port, as a browser sends it in the Host header."""
    return urlsplit(settings.SITE_URL).netloc.lower()


class ExactHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() applies Django's own ALLOWED_HOSTS check first (and ignores
        # X-Forwarded-Host unless USE_X_FORWARDED_HOST is on, which it never is here).
        host = request.get_host().lower().removesuffix(".")
        if host != site_host() and host not in {h.lower() for h in settings.EXACT_HOSTS}:
            raise DisallowedHost(f"Invalid HTTP_HOST header: {host!r} (host or port).")
        return self.get_response(request)
