from django import template

from common.jsonld import jsonld_script
from common.links import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def municipality_jsonld(context, municipality):
    return jsonld_script(
        {
            "@context": "https://schema.org",
            "@type": "AdministrativeArea",
            "name": municipality.name,
            "identifier": municipality.code,
            "url": absolute_url(municipality.get_absolute_url()),
            "containedInPlace": {"@type": "AdministrativeArea", "name": municipality.region.name},
        }
    )
