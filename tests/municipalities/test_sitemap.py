"""The municipalities' section of the sitemap (municipalities.sitemaps)."""

from xml.etree import ElementTree

import pytest

from catalogue.models import Status
from tests.factories import MunicipalityFactory, PracticeFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def entries(client) -> dict[str, dict[str, str]]:
    """Each address in the municipalities' section with its hreflang alternates."""
    response = client.get("/sitemap-municipalities.xml")
    assert response.status_code == 200
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in ElementTree.fromstring(response.content).iter(f"{SITEMAP}url")
    }


@pytest.mark.django_db
def test_sitemap_lists_a_municipality_with_a_published_practice_in_each_of_its_languages(
    client,
):
    espoo = MunicipalityFactory(slug_fi="espoo", slug_sv="esbo", slug_en=None)
    PracticeFactory(lead_municipality=espoo)
    assert entries(client)["http://testserver/sv/kommuner/esbo/"] == {
        "fi": "http://testserver/fi/kunnat/espoo/",
        "sv": "http://testserver/sv/kommuner/esbo/",
        "x-default": "http://testserver/fi/kunnat/espoo/",
    }
    assert "http://testserver/fi/kunnat/espoo/" in entries(client)
    assert not any("/en/" in address for address in entries(client))


@pytest.mark.django_db
def test_sitemap_leaves_out_municipalities_without_a_published_practice(client):
    PracticeFactory(status=Status.DRAFT, lead_municipality=MunicipalityFactory())
    MunicipalityFactory(slug_fi="ei-kaytantoja")
    assert entries(client) == {}
