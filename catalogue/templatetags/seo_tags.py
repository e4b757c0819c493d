"""Metadata for search engines and link previews: canonical links, hreflang, JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from catalogue.links import absolute_url
from catalogue.opendata import LICENCE

register = template.Library()

OG_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
# JSON inside <script> must not be able to close the element.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def absolute(url: str) -> str:
    return absolute_url(url or "")


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
    data.update(practice_contact_jsonld(practice))
    if source["page"]:
        data["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": source["title"],
            "inLanguage": "fi",
            "datePublished": "2017-02",
            "publisher": {"@type": "Organization", "name": source["publisher"]},
        }
    return _jsonld(data)


def practice_contact_jsonld(practice) -> dict:
    """How to take part, as schema.org properties: the organiser and a ServiceChannel with
    the web page, the phone and e-mail, and the places to go. Empty when none is known."""
    data = {}
    if practice.organiser_partner:
        data["provider"] = {"@type": "Organization", "name": practice.organiser_partner.name}
    elif practice.organiser_municipality:
        data["provider"] = {
            "@type": "GovernmentOrganization",
            "name": practice.organiser_municipality.name,
        }
    channel = {}
    links = list(practice.links.all())
    if links:
        channel["serviceUrl"] = links[0].url
    if practice.phone or practice.email:
        contact = {"@type": "ContactPoint"}
        if practice.phone:
            contact["telephone"] = practice.phone.as_e164
        if practice.email:
            contact["email"] = practice.email
        channel["servicePhone"] = contact
    points = list(practice.service_points.all())
    if points:
        channel["serviceLocation"] = [
            {
                "@type": "Place",
                "name": point.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": point.street_address,
                    "postalCode": point.postcode,
                    "addressLocality": point.town,
                    "addressCountry": "FI",
                },
            }
            for point in points
        ]
    if channel:
        data["availableChannel"] = {"@type": "ServiceChannel", **channel}
    return data


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
