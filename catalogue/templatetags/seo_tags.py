"""Metadata for search engines and link previews: canonical links, hreflang, JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from catalogue.links import absolute_url, x_default_url
from catalogue.opendata import LICENCE

register = template.Library()

OG_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
# JSON inside <script> must not be able to close the element.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def absolute(url: str) -> str:
    return absolute_url(url or "")


@register.filter
def x_default(urls: dict | None) -> str | None:
    """The page's x-default address, as in the sitemap (catalogue.links.x_default_url)."""
    return x_default_url(urls or {})


@register.filter
def og_locale(code: str) -> str:
    return OG_LOCALES.get(code, code)


def _jsonld(data: dict):
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def practice_jsonld(context, practice):
    source = practice.source
    municipalities = practice.ordered_municipalities()
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": practice.title,
        "description": practice.summary,
        "url": absolute_url(practice.get_absolute_url()),
        "inLanguage": context.get("LANGUAGE_CODE"),
        "dateModified": practice.updated_at.isoformat(),
        "areaServed": [
            {
                "@type": "AdministrativeArea",
                "name": m.name,
                "identifier": m.code,
                "url": absolute_url(m.get_absolute_url()),
            }
            for m in municipalities
        ],
        "audience": [
            {"@type": "Audience", "audienceType": group.name}
            for group in practice.target_groups.all()
        ],
        "availableLanguage": [
            {"@type": "Language", "name": lang.name, "alternateName": lang.code}
            for lang in practice.service_languages.all()
        ],
        "license": LICENCE["url"],
    }
    if practice.lead_municipality:
        data["provider"] = {
            "@type": "GovernmentOrganization",
            "name": practice.lead_municipality.name,
        }
    if source["page"]:
        data["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": source["title"],
            "inLanguage": "fi",
            "datePublished": "2017-02",
            "publisher": {"@type": "Organization", "name": source["publisher"]},
        }
    return _jsonld(data)


@register.simple_tag(takes_context=True)
def municipality_jsonld(context, municipality):
    return _jsonld(
        {
            "@context": "https://schema.org",
            "@type": "AdministrativeArea",
            "name": municipality.name,
            "identifier": municipality.code,
            "url": absolute_url(municipality.get_absolute_url()),
            "containedInPlace": {"@type": "AdministrativeArea", "name": municipality.region.name},
        }
    )
