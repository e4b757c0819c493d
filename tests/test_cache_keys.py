"""Normalised cache keys: only known parameters, in a canonical order, make a key; unknown
ones are dropped from the key and from every link the page writes."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from catalogue.caching import PublicPageCacheMiddleware, canonical_query

pytestmark = pytest.mark.page_cache


def page_keys() -> set[str]:
    """The page entries in the cache: locmem's own store, or Redis's keys (REDIS_URL)."""
    store = cache._cache
    if isinstance(store, dict):
        return {key for key in store if ":page:" in key}
    return {key.decode() for key in store.get_client().keys("*:page:*")}


@pytest.mark.django_db
def test_tracking_parameters_make_no_new_cache_entry(client, practice):
    url = practice.get_absolute_url("fi")
    client.get(url)
    before = page_keys()
    for n in range(20):
        assert client.get(f"{url}?utm_source={n}&fbclid=x{n}").status_code == 200
    assert page_keys() == before


@pytest.mark.django_db
def test_unknown_parameters_are_not_in_canonical_or_hreflang_links(client, practice):
    html = client.get("/en/practices/?utm_source=mail&theme=x&junk=1").content.decode()
    assert "utm_source" not in html
    assert "junk" not in html
    assert '<link rel="canonical" href="http://testserver/en/practices/?theme=x">' in html
    assert (
        '<link rel="alternate" hreflang="sv" href="http://testserver/sv/verksamheter/?theme=x">'
        in (html)
    )


@pytest.mark.django_db
def test_the_same_filters_in_another_order_share_one_cache_entry(client, practice):
    client.get("/fi/kaytannot/?theme=b&language=ar&theme=a")
    before = page_keys()
    client.get("/fi/kaytannot/?language=ar&theme=a&theme=b&theme=a&q=")
    assert page_keys() == before


def test_canonical_query_keeps_known_parameters_in_a_fixed_order():
    from django.http import QueryDict

    query = QueryDict("utm_source=x&page=2&theme=b&q=kieli&theme=a&lang=sv&theme=b&region=")
    assert canonical_query(query) == "q=kieli&theme=a&theme=b&page=2&lang=sv"


@pytest.mark.django_db
def test_the_api_cache_key_holds_the_negotiated_language(settings):
    factory = RequestFactory()
    middleware = PublicPageCacheMiddleware(lambda request: None)
    from django.utils import translation

    with translation.override("fi"):
        finnish = middleware.key(factory.get("/api/v1/practices.csv"), 1)
    with translation.override("sv"):
        swedish = middleware.key(factory.get("/api/v1/practices.csv"), 1)
    assert finnish != swedish


@pytest.mark.django_db
def test_an_unprefixed_export_is_cached_per_language(client, practice):
    client.get("/api/v1/catalogue.json", HTTP_ACCEPT_LANGUAGE="fi")
    client.get("/api/v1/catalogue.json", HTTP_ACCEPT_LANGUAGE="fi")
    assert len(page_keys()) == 1
    client.get("/api/v1/catalogue.json", HTTP_ACCEPT_LANGUAGE="sv")
    assert len(page_keys()) == 2
