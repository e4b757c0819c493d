import os
import threading

import pytest
from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.db.models.signals import post_save

from catalogue import caching, services
from catalogue.models import Status
from tests.factories import PracticeFactory

pytestmark = pytest.mark.page_cache

redis_only = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="set REDIS_URL to test the shared Redis cache"
)


@pytest.mark.django_db
def test_a_public_page_is_served_from_the_cache_the_second_time(
    client, practice, django_assert_num_queries
):
    url = practice.get_absolute_url("fi")
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    assert "Content-Security-Policy" in second  # headers are still added to cached pages


@pytest.mark.django_db
def test_publishing_invalidates_the_cached_pages(
    client, django_user_model, django_capture_on_commit_callbacks
):
    publisher = django_user_model.objects.create_superuser("p", "p@example.com", "x")
    PracticeFactory(title_en="Already public")
    assert "Newly published" not in client.get("/en/practices/").content.decode()
    draft = PracticeFactory(title_en="Newly published", status=Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_publish(practice=draft, user=publisher)
    assert "Newly published" in client.get("/en/practices/").content.decode()
    assert client.get("/api/v1/practices/").json()["count"] == 2


@pytest.mark.django_db
def test_an_edit_in_the_admin_invalidates_the_cached_page(
    client, practice, django_capture_on_commit_callbacks
):
    url = practice.get_absolute_url("en")
    client.get(url)
    practice.summary_en = "A corrected summary."
    with django_capture_on_commit_callbacks(execute=True):
        practice.save()
    assert "A corrected summary." in client.get(url).content.decode()


@pytest.mark.django_db
def test_logged_in_staff_never_get_a_cached_page(client, practice, django_user_model):
    url = practice.get_absolute_url("fi")
    client.get(url)
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.com", "x"))
    # A change that bypasses invalidation: only an uncached page can show it.
    type(practice).objects.filter(pk=practice.pk).update(title_fi="Muutettu ilman signaalia")
    assert "Muutettu ilman signaalia" in client.get(url).content.decode()


@pytest.mark.django_db
def test_preview_pages_are_never_cached(client):
    from catalogue.preview import preview_url

    draft = PracticeFactory(status=Status.DRAFT, title_en="Draft one")
    url = preview_url(draft, "en")
    client.get(url)
    type(draft).objects.filter(pk=draft.pk).update(title_en="Draft two")
    assert "Draft two" in client.get(url).content.decode()


@redis_only
def test_the_cache_is_redis_when_redis_url_is_set():
    assert settings.CACHES["default"]["BACKEND"] == "config.cache.FailOpenRedisCache"


def another_host() -> RedisCache:
    """A second application host: its own connection to the same Redis."""
    options = settings.CACHES["default"]
    return RedisCache(options["LOCATION"], {"KEY_PREFIX": options.get("KEY_PREFIX", "")})


@redis_only
@pytest.mark.django_db
def test_invalidation_on_one_host_reaches_every_host(
    client, practice, django_user_model, django_capture_on_commit_callbacks
):
    other = another_host()
    client.get("/en/practices/")  # this host caches the list
    version = caching.catalogue_version()
    assert other.get(caching.VERSION_KEY) == version
    publisher = django_user_model.objects.create_superuser("p", "p@example.com", "x")
    draft = PracticeFactory(title_en="Published elsewhere", status=Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_publish(practice=draft, user=publisher)
    assert other.get(caching.VERSION_KEY) > version  # the other host sees the new version


@redis_only
@pytest.mark.django_db
def test_a_write_on_another_host_invalidates_this_hosts_pages(client, practice):
    url = practice.get_absolute_url("en")
    client.get(url)
    type(practice).objects.filter(pk=practice.pk).update(summary_en="Changed on host B.")
    assert "Changed on host B." not in client.get(url).content.decode()  # still cached here
    another_host().incr(caching.VERSION_KEY)  # host B's write bumps the shared version
    assert "Changed on host B." in client.get(url).content.decode()


def read_pages_from_another_connection(urls) -> list[int]:
    """A reader on another thread (so another database connection) reading `urls` now."""
    from django.db import connection
    from django.test import Client

    statuses = []

    def read():
        try:
            statuses.extend(Client().get(url).status_code for url in urls)
        finally:
            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join(timeout=30)
    return statuses


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent readers during a write transaction need PostgreSQL (SQLite locks)",
)
@pytest.mark.django_db(transaction=True)
def test_an_archived_practice_is_gone_from_every_page_when_the_archive_action_returns(
    client, django_user_model
):
    from catalogue.models import Practice
    from tests.factories import MunicipalityFactory

    municipality = MunicipalityFactory()
    practice = PracticeFactory(title_en="Soon archived", municipalities=[municipality])
    practice.lead_municipality = municipality
    practice.save()
    urls = [
        practice.get_absolute_url("en"),
        "/en/practices/",
        municipality.get_absolute_url("en"),
        f"/api/v1/practices/{practice.pk}/",
    ]
    assert all("Soon archived" in client.get(url).content.decode() for url in urls)
    during = []

    def reader_inside_the_write(sender, instance, **kwargs):
        # The worst moment: the archive is written but not committed; a reader on another
        # connection still sees the published practice and caches what it sees.
        if instance.pk == practice.pk and not during:
            during.extend(read_pages_from_another_connection(urls))

    post_save.connect(reader_inside_the_write, sender=Practice, dispatch_uid="test-reader")
    try:
        client.force_login(django_user_model.objects.create_superuser("p", "p@x.fi", "x"))
        response = client.post(
            "/admin/catalogue/practice/",
            {"action": "archive", "_selected_action": [practice.pk], "index": "0"},
        )
        client.logout()
    finally:
        post_save.disconnect(sender=Practice, dispatch_uid="test-reader")
    assert response.status_code == 302
    assert during == [200, 200, 200, 200]  # the reader did cache the old pages
    assert client.get(urls[0]).status_code == 404
    assert "Soon archived" not in client.get(urls[1]).content.decode()
    assert "Soon archived" not in client.get(urls[2]).content.decode()
    assert client.get(urls[3]).status_code == 404
