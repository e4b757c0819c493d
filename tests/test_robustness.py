"""Arbitrary input never makes the site fail: no 5xx for any query string or path."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LanguageFactory, PracticeFactory

KNOWN_PARAMETERS = [
    "q",
    "municipality",
    "region",
    "target_group",
    "theme",
    "language",
    "partner",
    "kind",
    "checked",
    "page",
    "page_size",
    "lang",
    "modified_after",
    "separator",
    "feedback",
]
# Any text a browser could send, control characters and NUL included (no lone surrogates:
# they cannot be encoded into a URL at all).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
# PostgreSQL refuses NUL in text: make sure it turns up often, not by luck.
TEXT = st.one_of(TEXT, TEXT.map(lambda text: f"{text}\x00"))
PARAMETER_NAMES = st.one_of(st.sampled_from(KNOWN_PARAMETERS), TEXT.filter(bool))
QUERIES = st.lists(st.tuples(PARAMETER_NAMES, TEXT), max_size=8)
NUMBERS = st.one_of(st.integers(min_value=0, max_value=10**30).map(str), TEXT)

LIST_PAGES = [
    "/fi/",
    "/fi/kaytannot/",
    "/sv/verksamheter/",
    "/en/practices/",
    "/en/municipalities/",
    "/sv/om/",
    "/en/api/",
    "/en/feed/",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v1/practices/",
    "/api/v1/municipalities/",
    "/api/v1/practices.csv",
    "/api/v1/municipalities.csv",
    "/api/v1/catalogue.json",
]
SEGMENT_PAGES = [
    "/fi/kaytannot/{}/",
    "/sv/kommuner/{}/",
    "/en/practices/{}/feedback/",
    "/fi/esikatselu/{}/",
    "/p/{}/",
    "/api/v1/practices/{}/",
    "/api/v1/municipalities/{}/",
    "/{}/",
    "/fi/{}",
]
HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def some_practices(db):
    arabic = LanguageFactory(code="ar")
    return [PracticeFactory(service_languages=[arabic]) for _ in range(3)]


@pytest.mark.django_db
@HYPOTHESIS
@given(query=QUERIES, page=st.sampled_from(LIST_PAGES))
def test_no_query_string_makes_a_page_fail(client, some_practices, query, page):
    response = client.get(f"{page}?{urlencode(query)}")
    assert response.status_code < 500, (page, query)


@pytest.mark.django_db
@HYPOTHESIS
@given(
    segment=st.one_of(TEXT.filter(bool), NUMBERS.filter(bool)), page=st.sampled_from(SEGMENT_PAGES)
)
def test_no_path_segment_makes_a_page_fail(client, some_practices, segment, page):
    response = client.get(page.format(quote(segment, safe="")))
    assert response.status_code < 500, (page, segment)


@pytest.mark.django_db
@HYPOTHESIS
@given(message=TEXT, email=TEXT, website=st.sampled_from(["", "x"]))
def test_no_feedback_form_input_makes_it_fail(client, some_practices, message, email, website):
    practice = some_practices[0]
    url = f"/en/practices/{practice.slug_en}/feedback/"
    response = client.post(url, {"message": message, "email": email, "website": website})
    assert response.status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/p/99999999999999999999999/",
        "/api/v1/practices/99999999999999999999999/",
        "/api/v1/practices/?page=99999999999999999999",
        "/en/practices/?page=99999999999999999999",
        "/api/v1/practices/?modified_after=99999-01-01",
        "/api/v1/practices/?q=%00",
        "/fi/kaytannot/?q=%00%01%02",
        "/api/v1/municipalities/a%00b/",
        "/api/v1/practices/?municipality=%00&theme=a%00",
        "/fi/esikatselu/%00/",
    ],
)
def test_out_of_range_numbers_and_control_characters_are_not_errors(client, some_practices, url):
    assert client.get(url).status_code < 500
