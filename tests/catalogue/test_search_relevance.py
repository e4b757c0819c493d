"""The search finds what residents look for: a floor on the relevance test set."""

import pytest

from tests.catalogue.relevance import evaluate, load_queries

pytestmark = pytest.mark.django_db


def test_relevance_set_has_enough_queries_in_each_language():
    languages = [case["language"] for case in load_queries()]
    assert languages.count("fi") >= 45
    assert languages.count("sv") >= 25
    assert languages.count("en") >= 20


def test_search_puts_a_wanted_practice_in_the_first_five_for_19_of_20_queries(client, catalogue):
    scores = evaluate(client)
    for language, score in scores.items():
        assert score.empty == [], language
        assert score.hit_at_5 >= 0.95, (language, score.missed)
        assert score.recall >= 0.8, (language, score.recall)
        assert score.mrr >= 0.85, (language, score.mrr)
