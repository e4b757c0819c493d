"""Metadata for search engines and link previews: canonical links, hreflang, JSON-LD."""

from django import template

from common.jsonld import jsonld_script
from common.links import absolute_url, x_default_url
from common.opendata import LICENCE

register = template.Library()

OG_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}


@register.simple_tag
def absolute(url: str) -> str:
    return absolute_url(url or "")


@register.filter
def x_default(urls: dict | None) -> str | None:
    """The page's x-default address, as in the sitemap (common.links.x_default_url)."""
    return x_default_url(urls or {})


@register.filter
def og_locale(code: str) -> str:
    return OG_LOCALES.get(code, code)


def _compact(data: dict) -> dict:
    """Drop empty values: schema.org has no use for `[]`, `""` or null."""
    return {key: value for key, value in data.items() if value not in ([], "", None)}


def _providers(practice) -> list[dict]:
    """Who provides the practice, as far as the catalogue knows: the lead municipality;
    without one, the municipalities that take part and the partner organisations."""
    if practice.lead_municipality:
        return [{"@type": "GovernmentOrganization", "name": practice.lead_municipality.name}]
    municipalities = [
        {"@type": "GovernmentOrganization", "name": m.name}
        for m in practice.ordered_municipalities()
    ]
    partners = [{"@type": "Organization", "name": p.name} for p in practice.partners.all()]
    return municipalities + partners


@register.simple_tag(takes_context=True)
def practice_jsonld(context, practice):
    """The page (WebPage: language, date, licence, source) about the service it describes.

    Each property belongs to its node's type (tests/catalogue/test_jsonld.py checks them
    against schema.org): a GovernmentService has no language, date or licence, its page does.
    """
    source = practice.source
    url = absolute_url(practice.get_absolute_url())
    languages = [
        {"@type": "Language", "name": lang.name, "alternateName": lang.code}
        for lang in practice.service_languages.all()
    ]
    providers = _providers(practice)
    service = _compact(
        {
            "@type": "GovernmentService",
            "name": practice.title,
            "description": practice.summary,
            "url": url,
            "areaServed": [
                {
                    "@type": "AdministrativeArea",
                    "name": m.name,
                    "identifier": m.code,
                    "url": absolute_url(m.get_absolute_url()),
                }
                for m in practice.ordered_municipalities()
            ],
            "audience": [
                {"@type": "Audience", "audienceType": group.name}
                for group in practice.target_groups.all()
            ],
            # The languages a service is given in belong to its channel, not to the service.
            "availableChannel": _compact(
                {"@type": "ServiceChannel", "serviceUrl": url, "availableLanguage": languages}
            )
            if languages
            else None,
            "provider": providers[0] if len(providers) == 1 else providers,
        }
    )
    # What editors have said of how to take part (the organiser, contacts, places).
    contact = practice_contact_jsonld(practice)
    if "provider" in contact:
        service["provider"] = contact["provider"]
    if "availableChannel" in contact:
        service["availableChannel"] = {
            **service.get("availableChannel", {"@type": "ServiceChannel", "serviceUrl": url}),
            **contact["availableChannel"],
        }
    page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": url,
        "name": practice.title,
        "inLanguage": context.get("LANGUAGE_CODE"),
        "dateModified": practice.updated_at.isoformat(timespec="seconds"),
        "license": LICENCE["url"],
        "mainEntity": service,
    }
    if source["page"]:
        page["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": source["title"],
            "inLanguage": "fi",
            "datePublished": "2017-02",
            "publisher": {"@type": "Organization", "name": source["publisher"]},
        }
    return jsonld_script(page)


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
