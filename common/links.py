"""Addresses the site writes: absolute ones on SITE_URL, the x-default of a page, and the
reuse links of a practice list (which the municipality pages offer too)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def absolute_url(path: str) -> str:
    """`path` (from reverse() or get_absolute_url()) as a full address on SITE_URL.

    Every absolute address the site writes goes through here, so that no request's Host
    header can end up in a page, a feed or the API (and from there in the shared cache).
    """
    return f"{settings.SITE_URL}{path}" if path else ""


def x_default_url(urls: dict[str, str]) -> str | None:
    """The address for readers whose language the site lacks: Finnish, else the first
    language the page exists in. The same in the sitemap and in the page's own links, and
    always a page (never the unprefixed address, which only redirects)."""
    return next(iter(urls.values()), None)


def list_links(querystring: str) -> dict[str, str]:
    """The feed, the downloads and the embeddable page of the practice list with these
    filters (`municipality=049` on a municipality's page). By URL name, not by import."""
    language = translation.get_language()
    suffix = f"?{querystring}" if querystring else ""
    joiner = "&" if querystring else "?"
    csv_url = reverse("practices_csv") + suffix + f"{joiner}lang={language}"
    return {
        "feed_url": reverse("catalogue:feed") + suffix,
        "csv_url": csv_url,
        "excel_url": csv_url + "&format=excel",
        "embed_url": reverse("catalogue:embed") + suffix,
    }
