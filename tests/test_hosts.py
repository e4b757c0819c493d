"""One site address: requests for another host are refused, and no absolute address the
site writes comes from the request's Host or X-Forwarded-Host header."""

from xml.etree import ElementTree

import pytest

from catalogue.caching import PublicPageCacheMiddleware

pytestmark = pytest.mark.page_cache

SITE = "https://kotouttaminen.example"
HOSTILE = "evil.example"


@pytest.fixture
def site(settings):
    """Production-like addresses: SITE_URL on HTTPS, one extra internal host with a port."""
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["kotouttaminen.example", "127.0.0.1"]
    settings.EXACT_HOSTS = ["127.0.0.1:8000"]
    return settings


@pytest.mark.django_db
@pytest.mark.parametrize(
    "host",
    [
        HOSTILE,
        "kotouttaminen.example:1337",  # the right name on another port
        "127.0.0.1",  # allowed only with its port
        "127.0.0.1:8001",
        "kotouttaminen.example.evil.example",
    ],
)
def test_a_request_for_another_host_or_port_is_refused(client, site, host):
    response = client.get("/fi/", HTTP_HOST=host)
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    "host", ["kotouttaminen.example", "KOTOUTTAMINEN.example", "127.0.0.1:8000"]
)
def test_the_sites_own_host_and_listed_hosts_are_served(client, site, host):
    assert client.get("/fi/", HTTP_HOST=host).status_code == 200


@pytest.mark.django_db
def test_forwarded_host_never_reaches_a_page(client, site, practice):
    response = client.get(
        practice.get_absolute_url("fi"),
        HTTP_HOST="kotouttaminen.example",
        HTTP_X_FORWARDED_HOST=HOSTILE,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert HOSTILE not in html
    assert f'<link rel="canonical" href="{SITE}{practice.get_absolute_url("fi")}">' in html
    assert f'<meta property="og:url" content="{SITE}{practice.get_absolute_url("fi")}">' in html
    assert f'"url": "{SITE}{practice.get_absolute_url("fi")}"' in html  # JSON-LD
    assert f"{SITE}/p/{practice.pk}/" in html  # the permanent link


@pytest.mark.django_db
def test_sitemap_addresses_are_on_the_site_address_whatever_the_host(client, site, practice):
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    hostile = {"HTTP_HOST": "127.0.0.1:8000", "HTTP_X_FORWARDED_HOST": HOSTILE}
    index = ElementTree.fromstring(client.get("/sitemap.xml", **hostile).content)
    sections = [loc.text for loc in index.iter(f"{ns}loc")]
    assert f"{SITE}/sitemap-practices.xml" in sections
    assert all(url.startswith(f"{SITE}/") for url in sections)
    root = ElementTree.fromstring(client.get("/sitemap-practices.xml", **hostile).content)
    locations = [loc.text for loc in root.iter(f"{ns}loc")]
    alternates = [link.get("href") for link in root.iter("{http://www.w3.org/1999/xhtml}link")]
    assert f"{SITE}{practice.get_absolute_url('fi')}" in locations
    assert alternates
    assert all(url.startswith(f"{SITE}/") for url in locations + alternates)


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_on_the_site_address(client, site):
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8000")
    assert f"Sitemap: {SITE}/sitemap.xml" in response.content.decode()


@pytest.mark.django_db
def test_feed_links_are_on_the_site_address_whatever_the_host(client, site, practice):
    response = client.get("/en/feed/", HTTP_HOST="127.0.0.1:8000", HTTP_X_FORWARDED_HOST=HOSTILE)
    root = ElementTree.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    links = [link.get("href") for link in root.iter(f"{atom}link")]
    ids = [element.text for element in root.iter(f"{atom}id")]
    assert f"{SITE}/en/feed/" in links  # the feed's own address
    assert f"{SITE}/en/practices/" in links
    assert f"{SITE}{practice.get_absolute_url('en')}" in links
    assert all(url.startswith(f"{SITE}/") for url in links + ids)


@pytest.mark.django_db
def test_api_next_link_is_on_the_site_address_whatever_the_host(client, site):
    from tests.factories import PracticeFactory

    PracticeFactory.create_batch(3)
    data = client.get(
        "/api/v1/practices/?page_size=2",
        HTTP_HOST="127.0.0.1:8000",
        HTTP_X_FORWARDED_HOST=HOSTILE,
    ).json()
    assert data["next"] == f"{SITE}/api/v1/practices/?page=2&page_size=2"


@pytest.mark.django_db
def test_a_page_cached_for_one_allowed_host_is_not_served_for_another(rf, site):
    first = rf.get("/fi/", HTTP_HOST="kotouttaminen.example")
    second = rf.get("/fi/", HTTP_HOST="127.0.0.1:8000")
    assert PublicPageCacheMiddleware.key(first, 1) != PublicPageCacheMiddleware.key(second, 1)
    assert PublicPageCacheMiddleware.key(first, 1) == PublicPageCacheMiddleware.key(
        rf.get("/fi/", HTTP_HOST="kotouttaminen.example"), 1
    )
