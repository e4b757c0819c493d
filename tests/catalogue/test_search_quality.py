"""What residents notice about search: forms, compounds, names, order, marks and snippets.

Runs on whichever database DATABASE_URL names (CI runs both).
"""

import re

import pytest
from django.db import connection

from catalogue.models import Practice
from tests.admin_forms import post_practice_form
from tests.catalogue.test_search import plain, titles
from tests.factories import (
    LanguageFactory,
    MunicipalityFactory,
    PracticeFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db


def search(client, q, language="fi", **params):
    path = {"fi": "/fi/kaytannot/", "sv": "/sv/verksamheter/", "en": "/en/practices/"}
    return client.get(path[language], {"q": q, **params})


def api_ids(client, q, language="fi", **params):
    response = client.get("/api/v1/practices/", {"q": q, "lang": language, **params})
    assert response.status_code == 200
    return [record["id"] for record in response.json()["results"]]


def test_finnish_base_forms_find_every_inflected_form(client):
    women = PracticeFactory(title_fi="Liikuntaa naisille", summary_fi="Ryhmä.")
    mothers = PracticeFactory(title_fi="Kerho", summary_fi="Äideille ja lapsille.")
    assert plain(titles(search(client, "naiset"))) == [women.title_fi]
    assert plain(titles(search(client, "nainen"))) == [women.title_fi]
    assert plain(titles(search(client, "äiti"))) == [mothers.title_fi]


def test_a_finnish_word_finds_the_compounds_it_is_part_of(client):
    practice = PracticeFactory(title_fi="Yleisneuvontapiste", summary_fi="Palvelu.")
    assert plain(titles(search(client, "neuvonta"))) == [practice.title_fi]


def test_swedish_compounds_find_their_parts_and_the_parts_find_them(client):
    course = PracticeFactory(title_sv="Kurs i finska för mammor", summary_sv="Kurs.")
    women = PracticeFactory(title_sv="Grupper för invandrarkvinnor", summary_sv="Grupper.")
    assert plain(titles(search(client, "finskakurs", "sv"))) == [course.title_sv]
    assert plain(titles(search(client, "mamma", "sv"))) == [course.title_sv]
    assert plain(titles(search(client, "kvinnor", "sv"))) == [women.title_sv]


def test_two_words_inflected_differently_from_the_text_still_find_it(client):
    arabic = LanguageFactory(code="ar", name_fi="arabia", autonym="العربية")
    practice = PracticeFactory(
        title_fi="Neuvontapiste", description_fi="Neuvontaa annetaan arabiaksi."
    )
    practice.service_languages.add(arabic)
    library = PracticeFactory(
        title_fi="Kirjasto", summary_fi="Lainaus.", description_fi="Arabiaksi."
    )
    # The library has only one of the words: it follows as a partial match.
    assert api_ids(client, "neuvonnat arabia") == [practice.pk, library.pk]


def test_a_municipalitys_swedish_name_finds_its_practices_on_every_page(client):
    kokkola = MunicipalityFactory(name_fi="Kokkola", name_sv="Karleby", name_en="Kokkola")
    practice = PracticeFactory(lead_municipality=kokkola)
    PracticeFactory()
    for language in ("fi", "sv", "en"):
        assert api_ids(client, "Karleby", language) == [practice.pk]


def test_target_group_and_service_language_names_and_autonyms_are_searched(client):
    somali = LanguageFactory(code="so", name_fi="somali", autonym="Soomaali")
    women = TargetGroupFactory(slug="women", name_fi="Naiset", name_en="Women")
    practice = PracticeFactory(service_languages=[somali], target_groups=[women])
    PracticeFactory()
    assert api_ids(client, "soomaali") == [practice.pk]
    assert api_ids(client, "women", "en") == [practice.pk]


def test_an_english_word_on_the_finnish_page_finds_the_practice_with_a_note(client):
    practice = PracticeFactory(title_fi="Kaupunginkirjasto", title_en="City Library")
    response = search(client, "library")
    assert plain(titles(response)) == [practice.title_fi]
    assert "Löytyi englanninkielisestä tekstistä" in response.content.decode()


def test_an_edit_in_the_admin_is_searchable_at_once(client, django_user_model):
    practice = PracticeFactory(title_fi="Uimahalli", summary_fi="Uintia.")
    client.force_login(django_user_model.objects.create_superuser("e", "e@example.com", "x"))
    assert api_ids(client, "kansalaisuusjuhla") == []
    response = post_practice_form(client, practice, title_fi="Kansalaisuusjuhlat")
    assert response.status_code == 302
    assert api_ids(client, "kansalaisuusjuhla") == [practice.pk]
    assert api_ids(client, "uimahalli") == []


def test_a_practice_taken_off_the_site_leaves_the_search(client, django_user_model):
    from catalogue.services import practice_transition

    practice = PracticeFactory(title_fi="Kansalaisuusjuhla")
    publisher = django_user_model.objects.create_superuser("p", "p@example.com", "x")
    practice_transition(practice=practice, user=publisher, action="archive")
    assert api_ids(client, "kansalaisuusjuhla") == []
    practice_transition(practice=practice, user=publisher, action="restore")
    assert api_ids(client, "kansalaisuusjuhla") == [practice.pk]


def test_the_loader_and_the_rebuild_command_index_the_catalogue(client, catalogue):
    from django.core.management import call_command

    from catalogue.models import SearchDocument

    assert SearchDocument.objects.count() == 3 * Practice.objects.published().count()
    SearchDocument.objects.all().delete()
    assert api_ids(client, "kirjasto") == []
    call_command("rebuild_search_index", verbosity=0)
    assert api_ids(client, "kirjasto")[0] == 4


def test_fewer_than_five_full_matches_are_followed_by_partial_ones_marked(client):
    both = PracticeFactory(title_fi="Kirjasto", summary_fi="Satuja lapsille.")
    one = PracticeFactory(title_fi="Satutunti", summary_fi="Aikuisille.")
    PracticeFactory(title_fi="Uimahalli", summary_fi="Uintia.")
    response = search(client, "kirjasto satu")
    assert plain(titles(response)) == [both.title_fi, one.title_fi]
    assert response.content.decode().count("Vastaa osaa hakusanoista") == 1


def test_a_mistyped_word_is_corrected_and_the_typed_words_can_be_searched(client):
    practice = PracticeFactory(title_fi="Maahanmuuttajaneuvosto", summary_fi="Neuvosto.")
    response = search(client, "maahanmuutajaneuvosto")
    html = response.content.decode()
    assert plain(titles(response)) == [practice.title_fi]
    assert "Näytetään tulokset haulle ”maahanmuuttajaneuvosto”." in html
    assert 'href="?q=maahanmuutajaneuvosto&amp;exact=1"' in html
    exact = search(client, "maahanmuutajaneuvosto", exact="1")
    assert titles(exact) == []
    assert "Näytetään tulokset" not in exact.content.decode()


def test_search_syntax_works_the_same_on_every_database(client):
    story = PracticeFactory(title_en="Library story hours", summary_en="Stories for children.")
    cafe = PracticeFactory(title_en="Library language cafe", summary_en="Cafe.")
    museum = PracticeFactory(title_en="Museum visits", summary_en="Art.")
    assert api_ids(client, "library -cafe", "en") == [story.pk]
    assert api_ids(client, '"story hours"', "en") == [story.pk]
    assert api_ids(client, '"hours story"', "en") == []
    assert sorted(api_ids(client, "museum or cafe", "en")) == sorted([cafe.pk, museum.pk])


def test_a_title_match_ranks_above_a_description_match_and_ties_go_by_title(client):
    in_text = PracticeFactory(title_fi="Aamukahvila", description_fi="Mukana kirjasto.")
    title_b = PracticeFactory(title_fi="Kirjasto B", summary_fi="Lainaus.", description_fi="")
    title_a = PracticeFactory(title_fi="Kirjasto A", summary_fi="Lainaus.", description_fi="")
    assert api_ids(client, "kirjasto") == [title_a.pk, title_b.pk, in_text.pk]


def test_order_depends_on_the_searched_language_not_the_browser(client):
    a = PracticeFactory(title_fi="Kirjasto Ö", title_en="Library A", summary_fi="S.")
    b = PracticeFactory(title_fi="Kirjasto A", title_en="Library B", summary_fi="S.")
    for accept in ("fi", "en", "sv"):
        assert api_ids(client, "kirjasto", HTTP_ACCEPT_LANGUAGE=accept) == [b.pk, a.pk]
    page = plain(titles(client.get("/fi/kaytannot/", {"q": "kirjasto"}, HTTP_ACCEPT_LANGUAGE="en")))
    assert page == [b.title_fi, a.title_fi]


def test_page_and_api_return_the_same_order(client):
    for n in range(6):
        PracticeFactory(title_fi=f"Neuvonta {n}", description_fi="Neuvontaa. " * (n + 1))
    page = plain(titles(search(client, "neuvonta")))
    by_title = {p.title_fi: p.pk for p in Practice.objects.all()}
    assert [by_title[title] for title in page] == api_ids(client, "neuvonta")


def test_inflected_and_compound_words_are_marked_but_stop_words_are_not(client):
    PracticeFactory(
        title_en="Advice for women",
        summary_en="Women get advice.",
        title_fi="Yleisneuvontapiste naisille",
        summary_fi="Neuvontaa.",
    )
    html = search(client, "advice for women", "en").content.decode()
    assert "<mark>Advice</mark> for <mark>women</mark>" in html
    assert "<mark>Women</mark> get <mark>advice</mark>." in html
    html = search(client, "neuvonta nainen").content.decode()
    assert "<mark>Yleisneuvontapiste</mark> <mark>naisille</mark>" in html
    assert "<mark>Neuvontaa</mark>." in html


def test_a_match_only_in_the_description_shows_a_snippet_around_it(client):
    words = " ".join(f"sana{n}" for n in range(40))
    PracticeFactory(
        title_fi="Kerho",
        summary_fi="Tapaamisia.",
        description_fi=f"{words} Mukana on kirjastoauto. {words}",
    )
    html = search(client, "kirjasto").content.decode()
    snippet = re.search(r'<p class="card-snippet"><span lang="fi">(.*?)</span></p>', html)[1]
    # A third of the snippet before the match, two thirds after it.
    assert snippet.startswith("… sana32 sana33 ")
    assert "Mukana on <mark>kirjastoauto</mark>." in snippet
    assert snippet.endswith(" …")


def test_a_practice_found_in_swedish_shows_a_swedish_snippet_marked_as_swedish(client):
    PracticeFactory(title_fi="Kerho", description_sv="Vi träffas på biblioteket.")
    html = search(client, "bibliotek").content.decode()
    assert (
        '<p class="card-snippet"><span class="card-note">Löytyi ruotsinkielisestä tekstistä:'
        '</span> <span lang="sv">Vi träffas på <mark>biblioteket</mark>.</span></p>'
    ) in html


def test_search_is_a_method_of_the_practices_queryset():
    first = PracticeFactory(title_fi="Kirjasto", summary_fi="Kirjoja.")
    second = PracticeFactory(title_fi="Kahvila", description_fi="Lähellä kirjastoa.")
    PracticeFactory(title_fi="Kirjasto luonnos", status="draft")
    assert list(Practice.objects.published().search("kirjasto", "fi")) == [first, second]


@pytest.mark.parametrize("q", ['"', "-", "or", "- or -", '"""', "*", ":*", "!", "'", "\\", "& |"])
def test_odd_search_syntax_never_fails(client, q):
    PracticeFactory()
    assert search(client, q).status_code == 200
    assert client.get("/api/v1/practices/", {"q": q}).status_code == 200


def test_api_describes_its_filters_from_the_facets_the_list_page_uses(client):
    from catalogue import filters

    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/practices/"]["get"]
    described = {parameter["name"]: parameter for parameter in operation["parameters"]}
    for facet in filters.FACETS:
        items = described[facet.param]["schema"]
        assert items["items"]["pattern"] == filters._or_empty(facet.pattern.pattern)
        assert items["maxItems"] == filters.MAX_VALUES
    assert described["q"]["schema"]["maxLength"] == filters.MAX_QUERY_LENGTH
    assert {"lang", "modified_after", "page", "page_size", "exact"} <= set(described)


def test_api_parses_the_filters_once_per_request(client, monkeypatch):
    from catalogue import filters

    calls = []
    parse = filters.parse
    monkeypatch.setattr(filters, "parse", lambda params: calls.append(params) or parse(params))
    PracticeFactory()
    assert client.get("/api/v1/practices/", {"q": "neuvonta", "theme": "x"}).status_code == 400
    assert client.get("/api/v1/practices/", {"q": "neuvonta"}).status_code == 200
    assert len(calls) == 2


@pytest.fixture
def cap_of_two(monkeypatch):
    import catalogue.search

    monkeypatch.setattr(catalogue.search, "MATCH_CAP", 2)


def test_past_the_match_cap_the_list_says_more_than_and_explains_the_numbers(client, cap_of_two):
    PracticeFactory.create_batch(
        4, title_fi="Kirjasto", title_sv="Bibliotek", title_en="Library", summary_fi="Lainaus."
    )
    wording = {
        "fi": ("Yli 2 käytäntöä löytyi", "yli 2 käytäntöä", "parhaat osumat 2 ensimmäisen"),
        "sv": ("Över 2 verksamheter hittades", "över 2 verksamheter", "de första 2"),
        "en": ("More than 2 practices found", "more than 2 practices", "first 2"),
    }
    for language, (heading, title, note) in wording.items():
        html = search(client, "kirjasto", language).content.decode()
        assert f'<h2 id="results" class="result-count">{heading}</h2>' in html
        assert re.search(rf"<title>.kirjasto.: {title} ", html)
        assert '<p class="count-note">' in html
        assert note in html
        assert len(titles(search(client, "kirjasto", language))) == 2


def test_under_the_match_cap_the_count_is_exact_and_unexplained(client, cap_of_two):
    PracticeFactory.create_batch(2, title_fi="Kirjasto", summary_fi="Lainaus.")
    html = search(client, "kirjasto").content.decode()
    assert '<h2 id="results" class="result-count">2 käytäntöä löytyi</h2>' in html
    assert "count-note" not in html
    answer = client.get("/api/v1/practices/", {"q": "kirjasto", "lang": "fi"}).json()
    assert (answer["count"], answer["count_is_estimate"]) == (2, False)


def test_api_says_when_its_count_is_an_estimate_and_pages_end_at_the_cap(client, cap_of_two):
    PracticeFactory.create_batch(4, title_fi="Kirjasto", summary_fi="Lainaus.")
    answer = client.get("/api/v1/practices/", {"q": "kirjasto", "lang": "fi"}).json()
    assert (answer["count"], answer["count_is_estimate"]) == (2, True)
    assert len(answer["results"]) == 2 and answer["next"] is None
    unsearched = client.get("/api/v1/practices/").json()
    assert (unsearched["count"], unsearched["count_is_estimate"]) == (4, False)


def test_past_the_match_cap_page_and_api_show_the_same_practices_in_the_same_order(
    client, monkeypatch
):
    import catalogue.search

    in_title = [PracticeFactory(title_fi=f"Kirjasto {n}", summary_fi="Lainaus.") for n in "BA"]
    in_text = [
        PracticeFactory(title_fi=f"Kerho {n}", description_fi="Käymme kirjastossa.") for n in "DC"
    ]
    in_swedish = PracticeFactory(title_fi="Kahvila", title_sv="Bibliotekscafé kirjasto")
    everything = [
        *sorted(in_title, key=lambda p: p.title_fi),
        *sorted(in_text, key=lambda p: p.title_fi),
    ]
    assert api_ids(client, "kirjasto") == [p.pk for p in everything] + [in_swedish.pk]
    for cap in (2, 4, 5):
        monkeypatch.setattr(catalogue.search, "MATCH_CAP", cap)
        on_page = plain(titles(search(client, "kirjasto")))
        in_api = api_ids(client, "kirjasto")
        assert len(in_api) == cap
        assert on_page == [Practice.objects.get(pk=pk).title_fi for pk in in_api]


def test_past_the_match_cap_facet_counts_count_the_practices_read(client, cap_of_two):
    arabic = LanguageFactory(code="ar", name_fi="arabia")
    PracticeFactory.create_batch(
        4, title_fi="Kirjasto", summary_fi="Lainaus.", service_languages=[arabic]
    )
    html = search(client, "kirjasto").content.decode()
    assert re.search(r'for="language-ar">arabia .*?<span class="count">\(2\)', html)
    # With the language chosen, its own count still runs the search without it.
    html = client.get("/fi/kaytannot/", {"q": "kirjasto", "language": "ar"}).content.decode()
    assert re.search(r'for="language-ar">arabia .*?<span class="count">\(2\)', html)


def test_facet_filters_apply_before_the_match_cap(client, cap_of_two):
    arabic = LanguageFactory(code="ar")
    PracticeFactory.create_batch(4, title_fi="Kirjasto", summary_fi="Lainaus.")
    wanted = PracticeFactory(title_fi="Kirjasto", summary_fi="Lainaus.", service_languages=[arabic])
    answer = client.get("/api/v1/practices/", {"q": "kirjasto", "language": "ar"}).json()
    assert [record["id"] for record in answer["results"]] == [wanted.pk]
    assert (answer["count"], answer["count_is_estimate"]) == (1, False)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's reading")
@pytest.mark.parametrize("window", [2, 3])
def test_postgresql_finds_the_same_practices_however_it_reads_them(client, monkeypatch, window):
    from catalogue.search import postgresql

    arabic = LanguageFactory(code="ar")
    PracticeFactory(title_fi="Kirjastokerho", summary_fi="Pelejä.")
    PracticeFactory(title_fi="Kirjastokahvila", summary_fi="Kahvia.")
    for n in range(4):
        PracticeFactory(title_fi=f"Kirjasto {n}", summary_fi="Lainaus.", service_languages=[arabic])
    PracticeFactory(title_fi="Kahvila", description_fi="Käymme kirjastossa.")
    PracticeFactory(title_fi="Neuvonta", title_sv="Bibliotek och kirjasto")
    queries = [{"q": "kirjasto"}, {"q": "kirjasto", "language": "ar"}, {"q": "kahvila"}]
    whole = [client.get("/api/v1/practices/", query).json() for query in queries]
    # A window of the first documents decides: reading on in order (many of them match),
    # the filter's practices in turn (many have the word, few pass the filter: window 2),
    # or the index (few have the word).
    monkeypatch.setattr(postgresql, "WINDOW", window)
    assert [client.get("/api/v1/practices/", query).json() for query in queries] == whole


def test_facet_counts_are_the_same_when_counted_in_memory(client, monkeypatch):
    from catalogue import filters

    arabic = LanguageFactory(code="ar")
    women = TargetGroupFactory(slug="women")
    helsinki = MunicipalityFactory(code="091")
    PracticeFactory(service_languages=[arabic], target_groups=[women], lead_municipality=helsinki)
    PracticeFactory(service_languages=[arabic], municipalities=[helsinki, MunicipalityFactory()])
    PracticeFactory(target_groups=[women])
    PracticeFactory(title_fi="Kirjasto")
    urls = ["/fi/kaytannot/?q=neuvontapiste", "/fi/kaytannot/?q=neuvontapiste&language=ar"]
    by_query = [client.get(url).content.decode() for url in urls]
    monkeypatch.setattr(filters, "BITSET_ABOVE", 0)
    from django.core.cache import cache

    cache.clear()
    assert [client.get(url).content.decode() for url in urls] == by_query
    assert filters._FACET_BITS
