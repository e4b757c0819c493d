from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import translation

from common.i18n import language_codes
from common.links import x_default_url


class TranslatedSitemap(Sitemap):
    """Every page in every language it exists in, with hreflang alternates.

    Addresses are absolute on SITE_URL, never on the request's Host header.
    """

    i18n = True
    alternates = True
    # Django's own x-default is the unprefixed address, which answers 302 or 404 here.
    x_default = False

    # Addresses on SITE_URL, never on the request's Host (Django's sitemap view would take it).
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if self._exists(item, code)]

    def _exists(self, item, code):
        return True

    def location(self, item):
        return item.get_absolute_url(translation.get_language())

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            alternates = {a["lang_code"]: a["location"] for a in url["alternates"]}
            default = x_default_url(alternates)
            if default:
                url["alternates"].append({"location": default, "lang_code": "x-default"})
        return urls
