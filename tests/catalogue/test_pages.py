import re

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.factories import (
    CooperationAreaFactory,
    MunicipalityFactory,
    PracticeFactory,
    ReachablePracticeFactory,
)

LANGUAGES = ["fi", "sv", "en"]


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z]+)"', response.content.decode()).group(1)


def page_urls(practice):
    municipality = practice.lead_municipality
    return {
        "fi": [
            "/fi/",
            "/fi/kaytannot/",
            practice.get_absolute_url("fi"),
            "/fi/kunnat/",
            municipality.get_absolute_url("fi"),
            "/fi/tietoa/",
        ],
        "sv": [
            "/sv/",
            "/sv/verksamheter/",
            practice.get_absolute_url("sv"),
            "/sv/kommuner/",
            municipality.get_absolute_url("sv"),
            "/sv/om/",
        ],
        "en": [
            "/en/",
            "/en/practices/",
            practice.get_absolute_url("en"),
            "/en/municipalities/",
            municipality.get_absolute_url("en"),
            "/en/about/",
        ],
    }


@pytest.fixture
def about_page(db):
    from catalogue.models import Page

    return Page.objects.create(
        key="about",
        title_fi="Monimuotoinen kunta",
        title_sv="En mångfaldig kommun",
        title_en="A diverse municipality",
        body_fi="Suomi muuttuu.",
        body_sv="Finland förändras.",
        body_en="Finland is changing.",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_answers_in_its_language(client, practice, about_page, language):
    for url in page_urls(practice)[language]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_lang(response) == language, url


def test_root_redirects_to_the_visitors_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_root_redirects_to_finnish_for_other_languages(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Location"] == "/fi/"


def test_practice_page_links_to_same_practice_in_swedish_and_english(client, practice):
    response = client.get(practice.get_absolute_url("fi"))
    html = response.content.decode()
    assert f'href="{practice.get_absolute_url("sv")}" lang="sv"' in html
    assert f'href="{practice.get_absolute_url("en")}" lang="en"' in html
    assert f'hreflang="sv" href="http://testserver{practice.get_absolute_url("sv")}"' in html


def test_list_page_switcher_keeps_the_filters(client, practice):
    response = client.get("/fi/kaytannot/?language=ar")
    assert 'href="/sv/verksamheter/?language=ar" lang="sv"' in response.content.decode()


def test_slug_of_another_language_redirects_to_this_languages_page(client, practice):
    response = client.get(f"/fi/kaytannot/{practice.slug_sv}/")
    assert response.status_code == 301
    assert response["Location"] == practice.get_absolute_url("fi")


def test_unknown_practice_is_a_404_in_the_visitors_language(client, db):
    response = client.get("/sv/verksamheter/finns-inte/")
    assert response.status_code == 404
    assert "Sidan hittades inte" in response.content.decode()
    assert html_lang(response) == "sv"


def test_404_page_switcher_leads_to_each_home_page(client, db):
    html = client.get("/en/no-such-page/").content.decode()
    assert 'href="/fi/" lang="fi"' in html
    assert 'href="/sv/" lang="sv"' in html


@pytest.mark.parametrize(
    ("language", "text"),
    [("fi", "Jokin meni vikaan"), ("sv", "Något gick fel"), ("en", "Something went wrong")],
)
def test_server_error_page_is_in_the_visitors_language(db, language, text):
    with translation.override(language):
        response = server_error(RequestFactory().get(f"/{language}/"))
    assert response.status_code == 500
    assert text in response.content.decode()


def test_practice_page_shows_everything_about_the_practice(client, practice):
    html = client.get(practice.get_absolute_url("en")).content.decode()
    assert practice.title_en in html
    assert practice.summary_en in html
    assert "<p>The advice point serves everyone.</p>" in html
    assert practice.lead_municipality.name_en in html
    for relation in ("target_groups", "themes", "partners"):
        assert getattr(practice, relation).get().name_en in html
    assert "Arabic" in html and 'lang="ar">العربية<' in html
    assert "Kunnat kotouttavat, Kuntaliitto 2017, p. 5" in html


def test_source_citation_uses_each_languages_page_abbreviation(client, practice):
    assert "Kuntaliitto 2017, s. 5" in client.get(practice.get_absolute_url("fi")).content.decode()
    sv = client.get(practice.get_absolute_url("sv")).content.decode()
    assert "Kommunförbundet 2017, s. 5" in sv


def test_translated_practice_page_links_to_the_original(client, practice):
    html = client.get(practice.get_absolute_url("sv")).content.decode()
    assert "en översättning av det finska originalet" in html
    assert f'href="{practice.get_absolute_url("fi")}" lang="fi"' in html
    assert "översättning" not in client.get(practice.get_absolute_url("fi")).content.decode()


def test_practice_list_filters_by_service_language(client, practice):
    other = PracticeFactory()
    html = client.get("/en/practices/?language=ar").content.decode()
    assert practice.title_en in html
    assert other.title_en not in html


def test_practice_list_ignores_unknown_filter_values(client, practice):
    response = client.get("/en/practices/?language=xx&municipality=<script>&page=abc")
    assert response.status_code == 200
    assert practice.title_en in response.content.decode()


def test_home_page_offers_service_languages_by_their_own_names(client, practice):
    html = client.get("/en/").content.decode()
    assert '<span lang="ar">العربية</span>' in html
    assert f'<option value="{practice.lead_municipality.code}">' in html


def test_practice_page_names_its_cooperation_area(client, db):
    area = CooperationAreaFactory(name_en="Ylä-Savo (Upper Savo)")
    practice = PracticeFactory(areas=[area])
    assert "Ylä-Savo (Upper Savo)" in client.get(practice.get_absolute_url("en")).content.decode()


def test_every_page_has_a_skip_link_and_main_landmark(client, practice):
    html = client.get(practice.get_absolute_url("fi")).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html


@pytest.mark.parametrize("size", [1, 12])
def test_practice_page_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries, size):
    practice = PracticeFactory(municipalities=MunicipalityFactory.create_batch(size))
    reachable = ReachablePracticeFactory(municipalities=MunicipalityFactory.create_batch(size))
    # The practice, and the ids of everything it links to in one query (catalogue.related).
    # The first page of a catalogue version also reads the small table the links lead to
    # (here only municipalities) and the latest change for Last-Modified, kept for the
    # version.
    with django_assert_num_queries(4):
        assert client.get(practice.get_absolute_url("fi")).status_code == 200
    with django_assert_num_queries(2):
        assert client.get(practice.get_absolute_url("fi")).status_code == 200
    # Web links and service points (how to take part) are read when there are some.
    with django_assert_num_queries(4):
        assert client.get(reachable.get_absolute_url("fi")).status_code == 200
