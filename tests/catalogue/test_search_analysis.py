"""The analysers: the same terms for texts and queries, and plain stemming when missing."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from catalogue.search import analysis
from tests.catalogue.test_search import plain, titles
from tests.factories import PracticeFactory


def test_finnish_words_get_their_base_forms_and_compound_parts():
    terms, parts = analysis.analyse_word("naisille", "fi")
    assert terms == {"naisille", "nainen"}
    terms, parts = analysis.analyse_word("yleisneuvontapisteessä", "fi")
    assert "yleisneuvontapiste" in terms
    assert [sorted(part) for part in parts] == [["yleis"], ["neuvoa", "neuvonta"], ["piste"]]


def test_finnish_forms_of_one_word_share_a_term_where_the_snowball_stemmer_splits_them():
    for one, other in (
        ("opetus", "opetusta"),
        ("neuvonta", "neuvontaa"),
        ("käytäntö", "käytännöt"),
    ):
        assert analysis.analyse_word(one, "fi")[0] & analysis.analyse_word(other, "fi")[0]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("språkkurs", ["språk", "kurs"]),
        ("svenskundervisning", ["svensk", "undervisning"]),
        ("invandrarkvinnor", ["invandrar", "kvinnor"]),
        ("finskakurs", ["finska", "kurs"]),
        ("hälsovård", ["hälso", "vård"]),
    ],
)
def test_swedish_compounds_are_split_into_stemmed_parts(word, parts):
    _, found = analysis.analyse_word(word, "sv")
    assert [part for part in parts if any(part in terms for terms in found)] == parts


@pytest.mark.parametrize("word", ["kommunerna", "ungdomar", "invandrare"])
def test_swedish_inflected_words_are_not_taken_for_compounds(word):
    assert analysis.analyse_word(word, "sv")[1] == ()


def test_english_drops_stop_words_and_stems():
    assert analysis.terms("Advice for the women", "en") == ["advic", "advice", "women"]


@pytest.fixture
def without_analysers(monkeypatch):
    """As on a machine without libvoikko/voikko-fi and hunspell-sv."""
    analysis.analyse_word.cache_clear()
    monkeypatch.setattr(analysis, "voikko", lambda: None)
    monkeypatch.setattr(analysis, "swedish_words", lambda: None)
    monkeypatch.setattr(analysis, "swedish_dictionary", lambda: None)
    yield
    analysis.analyse_word.cache_clear()


def test_missing_analysers_fall_back_to_plain_stemming(without_analysers):
    assert analysis.analyse_word("kirjastoissa", "fi") == (
        frozenset({"kirjastoissa", "kirjasto"}),
        (),
    )
    assert analysis.analyse_word("invandrarkvinnor", "sv")[1] == ()


@pytest.mark.django_db
def test_search_still_finds_practices_when_the_analysers_are_missing(client, without_analysers):
    practice = PracticeFactory(title_fi="Kirjasto kaikille", title_sv="Bibliotek för alla")
    page = client.get("/fi/kaytannot/", {"q": "kirjastoissa"})
    assert plain(titles(page)) == [practice.title_fi]
    api = client.get("/api/v1/practices/", {"q": "biblioteken", "lang": "sv"}).json()
    assert [r["id"] for r in api["results"]] == [practice.pk]


def test_system_check_warns_when_an_analyser_is_missing(without_analysers, capsys):
    call_command("check")
    err = capsys.readouterr().err
    assert "catalogue.W001" in err
    assert "Voikko (libvoikko1, voikko-fi)" in err
    assert "Swedish word list (hunspell-sv)" in err


def test_deploy_check_fails_when_an_analyser_is_missing(without_analysers, settings):
    with pytest.raises(SystemCheckError, match=r"catalogue\.E001"):
        call_command("check", deploy=True, fail_level="ERROR")


def test_system_check_is_silent_when_the_analysers_are_installed(capsys):
    call_command("check")
    assert "catalogue.W001" not in capsys.readouterr().err
