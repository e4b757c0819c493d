import re

import pytest
from django.db import connection  # noqa: F401 (postgresql_only's condition reads it)

from tests.factories import (
    LanguageFactory,
    MunicipalityFactory,
    PartnerFactory,
    PracticeFactory,
    RegionFactory,
    TargetGroupFactory,
    ThemeFactory,
)

postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL full-text search"
)


def titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="card-title"><a href="[^"]+">(.*?)</a>', response.content.decode()
    )


def plain(html_titles):
    return [re.sub(r"</?mark>", "", title) for title in html_titles]


@pytest.fixture
def arabic():
    return LanguageFactory(code="ar", name_en="Arabic")


@pytest.fixture
def russian():
    return LanguageFactory(
        code="ru", autonym="русский", name_fi="venäjä", name_sv="ryska", name_en="Russian"
    )


@pytest.mark.django_db
def test_repeated_parameter_means_or_within_a_facet(client, arabic, russian):
    a = PracticeFactory(title_en="Arabic advice", service_languages=[arabic])
    r = PracticeFactory(title_en="Russian advice", service_languages=[russian])
    PracticeFactory(title_en="Finnish only")
    response = client.get("/en/practices/?language=ar&language=ru")
    assert sorted(plain(titles(response))) == sorted([a.title_en, r.title_en])


@pytest.mark.django_db
def test_different_facets_combine_with_and(client, arabic):
    women = TargetGroupFactory(slug="women", name_en="Women")
    both = PracticeFactory(title_en="Both", service_languages=[arabic], target_groups=[women])
    PracticeFactory(title_en="Arabic only", service_languages=[arabic])
    PracticeFactory(title_en="Women only", target_groups=[women])
    response = client.get("/en/practices/?language=ar&target_group=women")
    assert plain(titles(response)) == [both.title_en]


@pytest.mark.django_db
def test_every_facet_filters_the_list(client, arabic):
    region = RegionFactory(code="02", name_en="Southwest Finland")
    turku = MunicipalityFactory(code="853", region=region)
    theme, partner = ThemeFactory(slug="sport"), PartnerFactory(slug="spr")
    group = TargetGroupFactory(slug="refugees")
    match = PracticeFactory(
        lead_municipality=turku,
        themes=[theme],
        partners=[partner],
        target_groups=[group],
        service_languages=[arabic],
    )
    other = PracticeFactory()
    for query in (
        "municipality=853",
        "region=02",
        "theme=sport",
        "partner=spr",
        "target_group=refugees",
        "language=ar",
    ):
        found = plain(titles(client.get(f"/en/practices/?{query}")))
        assert found == [match.title_en], query
        assert other.title_en not in found


@pytest.mark.django_db
def test_facet_counts_apply_the_other_facets(client, arabic):
    women = TargetGroupFactory(slug="women", name_en="Women")
    youth = TargetGroupFactory(slug="youth", name_en="Youth")
    PracticeFactory(service_languages=[arabic], target_groups=[women])
    PracticeFactory(service_languages=[arabic], target_groups=[youth])
    PracticeFactory(target_groups=[women])
    html = client.get("/en/practices/?language=ar").content.decode()
    # With Arabic chosen, each target group would give one practice...
    assert re.search(r'for="target_group-women">Women <span class="count">\(1\)', html)
    assert re.search(r'for="target_group-youth">Youth <span class="count">\(1\)', html)
    # ...and the language facet still counts as if no language were chosen.
    assert re.search(r'for="language-ar">Arabic .*?<span class="count">\(2\)', html)


@pytest.mark.django_db
def test_each_active_filter_has_a_remove_link_that_keeps_the_others(client, arabic):
    women = TargetGroupFactory(slug="women", name_en="Women")
    PracticeFactory(service_languages=[arabic], target_groups=[women])
    html = client.get("/en/practices/?q=advice&language=ar&target_group=women").content.decode()
    assert 'href="?q=advice&amp;target_group=women#results" aria-label="Remove filter Arabic"' in (
        html
    )
    assert 'href="?q=advice&amp;language=ar#results" aria-label="Remove filter Women"' in html


@pytest.mark.django_db
def test_filters_work_without_javascript_as_a_plain_get_form(client, arabic):
    PracticeFactory(service_languages=[arabic])
    html = client.get("/en/practices/").content.decode()
    assert '<form method="get" action="/en/practices/#results" aria-label="Filters">' in html
    assert 'type="checkbox" id="language-ar" name="language" value="ar"' in html
    # The one script only opens the panel on wide screens and widens the cards' links.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/js/site.js" defer>']


@pytest.mark.django_db
def test_search_finds_words_regardless_of_case_and_nordic_letters(client):
    practice = PracticeFactory(title_fi="Äitien suomen kurssi", summary_fi="Kurssi äideille.")
    for words in ("ÄITIEN", "äitien", "Äitien SUOMEN"):
        assert plain(titles(client.get("/fi/kaytannot/", {"q": words}))) == [practice.title_fi]


@pytest.mark.django_db
def test_search_finds_inflected_finnish_words(client):
    practice = PracticeFactory(
        title_fi="Kotouttamisen käytäntö",
        description_fi="Palvelua annetaan arabiaksi ja venäjäksi.",
    )
    assert plain(titles(client.get("/fi/kaytannot/", {"q": "käytännöt"}))) == [practice.title_fi]
    assert plain(titles(client.get("/fi/kaytannot/", {"q": "arabia"}))) == [practice.title_fi]


@pytest.mark.django_db
def test_search_finds_the_pages_language_first_then_the_others_with_a_note(client):
    swedish_only = PracticeFactory(
        title_fi="Neuvontapiste", title_sv="Rådgivning", title_en="Advice desk"
    )
    finnish = PracticeFactory(title_fi="Rådgivning-kahvila", title_sv="Café", title_en="Cafe")
    response = client.get("/fi/kaytannot/", {"q": "rådgivning"})
    assert plain(titles(response)) == [finnish.title_fi, swedish_only.title_fi]
    html = response.content.decode()
    assert html.count("Löytyi ruotsinkielisestä tekstistä") == 1
    assert plain(titles(client.get("/sv/verksamheter/", {"q": "rådgivning"}))) == [
        swedish_only.title_sv,
        finnish.title_sv,
    ]


@pytest.mark.django_db
def test_search_ranks_a_title_match_first(client):
    in_text = PracticeFactory(title_en="Welcome course", description_en="Library visits included.")
    in_title = PracticeFactory(title_en="Library for all", description_en="Books.")
    assert plain(titles(client.get("/en/practices/", {"q": "library"}))) == [
        in_title.title_en,
        in_text.title_en,
    ]


@pytest.mark.django_db
def test_matched_words_are_highlighted(client):
    PracticeFactory(title_en="Library for all", summary_en="The library lends <books>.")
    html = client.get("/en/practices/", {"q": "library"}).content.decode()
    assert "<mark>Library</mark> for all" in html
    assert "The <mark>library</mark> lends &lt;books&gt;." in html


@pytest.mark.django_db
def test_result_count_is_in_the_title_and_announced(client):
    PracticeFactory.create_batch(3, title_en="Advice point")
    html = client.get("/en/practices/", {"q": "advice"}).content.decode()
    assert "<title>“advice”: 3 practices" in html
    assert '<h2 id="results" class="result-count">3 practices found</h2>' in html


@pytest.mark.django_db
def test_empty_result_suggests_what_to_loosen(client, arabic):
    PracticeFactory(title_en="Advice point")
    html = client.get("/en/practices/", {"q": "zebra", "language": "ar"}).content.decode()
    assert "No practice matches" in html
    assert 'href="?q=zebra#results">Remove the filter “Arabic”' in html
    assert 'href="?q=zebra#results">Search all practices with the same words' in html
    assert 'href="?language=ar#results">Remove the search words' in html


@pytest.mark.django_db
def test_list_is_paginated_and_pages_keep_the_filters(client, arabic, settings):
    PracticeFactory.create_batch(25, service_languages=[arabic])
    html = client.get("/en/practices/?language=ar").content.decode()
    assert 'href="?language=ar&amp;page=2#results" rel="next"' in html
    assert len(titles(client.get("/en/practices/?language=ar&page=2"))) == 5


# Bad input: the page still renders, ignores the bad part and says so.
BAD_QUERIES = {
    "unknown code": ("municipality=999", "“999” is not a known choice of “Municipality”"),
    "garbage": ("theme=%3Cscript%3Ealert(1)%3C/script%3E", "is not a known choice of “Topic”"),
    "very long q": ("q=" + "a" * 5000, "The search was shortened to 200 characters."),
    "repeated q": ("q=one&q=two", "The search was given more than once"),
    "wrong type": ("language=12345", "“12345” is not a known choice"),
    "nul byte": ("q=ad%00vice&partner=%00", "is not a known choice of “Partner organisation”"),
    "too many values": ("&".join(f"theme=t{n}" for n in range(60)), "Only the first 50 choices"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(BAD_QUERIES))
def test_bad_input_on_the_list_page_is_ignored_and_explained(client, case):
    PracticeFactory(title_en="Advice point")
    query, message = BAD_QUERIES[case]
    response = client.get(f"/en/practices/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.django_db
def test_bad_page_number_shows_a_page(client):
    PracticeFactory()
    assert client.get("/en/practices/?page=abc").status_code == 200
    assert client.get("/en/practices/?page=99999").status_code == 200
    assert client.get("/en/practices/?page=-1").status_code == 200


@pytest.mark.django_db
def test_conflicting_filters_give_an_empty_list_not_an_error(client):
    helsinki = MunicipalityFactory(code="091", region=RegionFactory(code="01"))
    PracticeFactory(lead_municipality=helsinki)
    response = client.get("/en/practices/?municipality=091&region=01&region=02")
    assert response.status_code == 200
    assert len(titles(response)) == 1
    RegionFactory(code="19", name_en="Lapland")
    response = client.get("/en/practices/?municipality=091&region=19")
    assert "No practice matches" in response.content.decode()


@pytest.mark.django_db
def test_list_page_and_api_take_the_same_filters(client, arabic):
    match = PracticeFactory(title_en="Arabic advice", service_languages=[arabic])
    PracticeFactory(title_en="Other")
    page = plain(titles(client.get("/en/practices/?language=ar&q=advice")))
    api = client.get("/api/v1/practices/?language=ar&q=advice&lang=en").json()
    assert page == [r["title"]["en"] for r in api["results"]] == [match.title_en]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("municipality=999", "municipality"),
        ("region=abc", "region"),
        ("target_group=<b>", "target_group"),
        ("theme=no-such-theme", "theme"),
        ("language=xx", "language"),
        ("partner=%00", "partner"),
        ("q=" + "a" * 201, "q"),
        ("q=a&q=b", "q"),
        ("lang=de", "lang"),
        ("page=abc", "page"),
    ],
)
def test_api_answers_bad_filters_with_a_400_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/practices/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid_parameter"
    assert parameter in body["parameters"]


@pytest.mark.django_db
def test_api_searches_in_the_language_it_is_asked_to_first(client):
    advice = PracticeFactory(title_fi="Neuvonta", title_sv="Rådgivning", title_en="Advice")
    library = PracticeFactory(title_fi="Kirjasto", title_sv="Bibliotek", title_en="Rådgivning")
    in_swedish = client.get("/api/v1/practices/?q=rådgivning&lang=sv").json()
    assert [r["id"] for r in in_swedish["results"]] == [advice.pk, library.pk]
    in_english = client.get("/api/v1/practices/?q=rådgivning&lang=en").json()
    assert [r["id"] for r in in_english["results"]] == [library.pk, advice.pk]
    assert client.get("/api/v1/practices/?q=neuvonta").json()["results"][0]["id"] == advice.pk


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 40])
def test_filtered_list_page_runs_a_fixed_number_of_queries(
    client, arabic, django_assert_num_queries, size
):
    women = TargetGroupFactory(slug="women")
    PracticeFactory.create_batch(
        size,
        service_languages=[arabic],
        target_groups=[women],
        municipalities=[MunicipalityFactory()],
    )
    # Resolving 2 filters, the search with both filters (its typo check, the page's language,
    # each other language), the search again without each filter for that facet's counts
    # (2 x 3), the 6 facets' counts in one statement, the page and, in one query, what its
    # cards show (municipalities, target groups, languages): the same however many match.
    # The first request of a catalogue version also reads the 6 facets' choices, the 3
    # tables the cards name and the latest change, kept for the version.
    with django_assert_num_queries(25):
        response = client.get("/fi/kaytannot/?q=neuvontapiste&language=ar&target_group=women")
    assert response.status_code == 200
    with django_assert_num_queries(15):
        response = client.get("/fi/kaytannot/?q=neuvontapiste&language=ar&target_group=women")
    assert response.status_code == 200
    # Unfiltered, the facet counts and the published count are counted once per version...
    with django_assert_num_queries(9):
        assert client.get("/fi/kaytannot/").status_code == 200
    # ... and then only the page and what its cards show are read.
    with django_assert_num_queries(2):
        assert client.get("/fi/kaytannot/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 40])
def test_filtered_api_list_runs_a_fixed_number_of_queries(
    client, arabic, django_assert_num_queries, size
):
    PracticeFactory.create_batch(size, service_languages=[arabic])
    # The language filter applies inside the search's statements: no id set is read for it.
    # What the page's records link to is read in one query (and the small tables it leads
    # to once per catalogue version), not in eight prefetches.
    with django_assert_num_queries(10):
        assert client.get("/api/v1/practices/?q=neuvontapiste&language=ar").status_code == 200


@postgresql_only
@pytest.mark.django_db
def test_postgresql_search_understands_websearch_syntax(client):
    library = PracticeFactory(title_en="Library story hours", summary_en="Stories.")
    PracticeFactory(title_en="Library language cafe", summary_en="Cafe.")
    assert plain(titles(client.get("/en/practices/", {"q": "library -cafe"}))) == [library.title_en]
    assert plain(titles(client.get("/en/practices/", {"q": '"story hours"'}))) == [library.title_en]


@postgresql_only
@pytest.mark.django_db
def test_postgresql_search_forgives_a_typo(client):
    practice = PracticeFactory(title_fi="Maahanmuuttajaneuvosto", summary_fi="Neuvosto.")
    assert plain(titles(client.get("/fi/kaytannot/", {"q": "maahanmuutajaneuvosto"}))) == [
        practice.title_fi
    ]


@postgresql_only
@pytest.mark.django_db
def test_postgresql_search_finds_word_beginnings(client):
    practice = PracticeFactory(title_fi="Kotouttamisohjelma", summary_fi="Ohjelma.")
    assert plain(titles(client.get("/fi/kaytannot/", {"q": "kotouttamis"}))) == [practice.title_fi]
