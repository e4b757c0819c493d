"""The municipality pages: the list by region and each municipality's page, with its
practices, the practices for everyone, its feed, downloads and embed snippet."""

import json
import re

import pytest

from tests.factories import MunicipalityFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_municipality_page_links_to_the_municipality_in_swedish(client, practice):
    municipality = practice.lead_municipality
    response = client.get(municipality.get_absolute_url("en"))
    assert f'href="{municipality.get_absolute_url("sv")}" lang="sv"' in response.content.decode()


def test_municipality_page_lists_its_own_and_its_cooperation_practices(client, db):
    municipality = MunicipalityFactory()
    own = PracticeFactory(lead_municipality=municipality)
    shared = PracticeFactory(municipalities=[municipality])
    national = PracticeFactory(lead_municipality=None, municipalities=[municipality])
    elsewhere = PracticeFactory()
    html = client.get(municipality.get_absolute_url("fi")).content.decode()
    for practice in (own, shared, national):
        assert practice.title_fi in html
    assert elsewhere.title_fi not in html


def test_municipality_list_groups_municipalities_by_region(client, practice):
    html = client.get("/sv/kommuner/").content.decode()
    assert "<h2" in html and practice.lead_municipality.region.name_sv in html
    assert practice.lead_municipality.name_sv in html


@pytest.mark.parametrize("size", [1, 15])
def test_municipality_page_runs_a_fixed_number_of_queries(
    client, db, django_assert_num_queries, size
):
    municipality = MunicipalityFactory()
    PracticeFactory.create_batch(size, lead_municipality=municipality)
    # Cards name target groups and languages; practices for anyone in Finland are listed too.
    with django_assert_num_queries(8):
        assert client.get(municipality.get_absolute_url("fi")).status_code == 200


def test_municipality_page_links_its_official_website_and_practices_for_everyone(client):
    municipality = MunicipalityFactory(name_en="Vantaa", website="https://www.vantaa.fi")
    PracticeFactory(lead_municipality=municipality)
    national = PracticeFactory(lead_municipality=None, title_en="Infopankki")
    html = html_of(client, municipality.get_absolute_url("en"))
    assert '<a class="button" href="https://www.vantaa.fi">Vantaa: services on the official' in (
        html
    )
    assert national.title_en in html[html.index('id="national"') :]


@pytest.mark.django_db
def test_municipality_page_has_json_ld(client, practice):
    html = client.get(practice.lead_municipality.get_absolute_url("sv")).content.decode()
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S)[1])
    assert data["@type"] == "AdministrativeArea"
    assert data["identifier"] == practice.lead_municipality.code


@pytest.mark.django_db
def test_municipality_page_links_its_own_feed(client, db):
    espoo = MunicipalityFactory(code="049", slug_fi="espoo")
    PracticeFactory(lead_municipality=espoo)
    html = client.get("/fi/kunnat/espoo/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert 'href="/fi/syote/?municipality=049"' in html
    assert '<a class="feed-link" href="/fi/syote/?municipality=049">' in html


@pytest.mark.django_db
def test_municipality_page_offers_a_copy_paste_iframe_snippet(client, espoo):
    PracticeFactory(lead_municipality=espoo)
    html = client.get("/fi/kunnat/espoo/").content.decode()
    assert (
        '&lt;iframe src="http://testserver/fi/upota/?municipality=049" '
        'title="Espoo: kotouttamisen käytännöt"'
    ) in html
    assert '<label for="embed-snippet">' in html
    assert 'data-copy-from="embed-snippet"' in html


@pytest.mark.django_db
def test_municipality_page_downloads_its_own_rows(client, espoo):
    PracticeFactory(lead_municipality=espoo)
    html = client.get("/sv/kommuner/" + espoo.slug_sv + "/").content.decode()
    assert 'href="/api/v1/practices.csv?municipality=049&amp;lang=sv"' in html
    assert 'href="/api/v1/practices.csv?municipality=049&amp;lang=sv&amp;format=excel"' in html
