"""The API as browsers and sync clients use it: CORS, validators, compression, sync."""

import gzip
from datetime import UTC, datetime

import pytest
from django.utils import timezone

from catalogue.models import Practice
from tests.factories import PracticeFactory

OPEN_DATA = [
    "/api/v1/practices/",
    "/api/v1/practices.csv",
    "/api/v1/municipalities.csv",
    "/api/v1/catalogue.json",
    "/api/v1/openapi.json",
    "/fi/syote/",
    "/sv/flode/",
    "/en/feed/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", OPEN_DATA)
def test_a_municipality_web_page_can_read_the_open_data_from_the_browser(client, path):
    response = client.get(path, headers={"Origin": "https://www.espoo.fi"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/practices/", "/api/v1/practices.csv", "/fi/syote/"])
def test_cors_preflight_allows_reading_only(client, path):
    response = client.options(
        path,
        headers={
            "Origin": "https://www.espoo.fi",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/fi/", "/fi/kaytannot/", "/admin/login/", "/sitemap.xml"])
def test_pages_and_the_admin_send_no_cors_headers(client, path):
    response = client.get(path, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/practices/",
        "/api/v1/practices/{id}/",
        "/api/v1/practices.csv",
        "/api/v1/catalogue.json",
        "/fi/syote/",
        "/sitemap.xml",
        "/sitemap-practices.xml",
        "/fi/kaytannot/",
        "/sv/verksamheter/{slug_sv}/",
    ],
)
def test_unchanged_responses_answer_304_to_their_etag_and_date(client, practice, path):
    path = path.format(id=practice.pk, slug_sv=practice.slug_sv)
    first = client.get(path)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304


@pytest.mark.django_db
def test_a_change_to_a_practice_ends_the_304s(client, practice):
    first = client.get("/api/v1/practices/")
    practice.title_fi = "Uusi nimi"
    practice.save()
    again = client.get(
        "/api/v1/practices/",
        headers={"If-None-Match": first["ETag"], "If-Modified-Since": first["Last-Modified"]},
    )
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


@pytest.mark.django_db
def test_last_modified_is_the_latest_change_of_the_catalogue(client, db):
    PracticeFactory()
    latest = PracticeFactory()
    when = datetime(2030, 5, 6, 7, 8, 9, 500_000, tzinfo=UTC)
    Practice.objects.filter(pk=latest.pk).update(updated_at=when)
    response = client.get("/api/v1/practices/")
    assert response["Last-Modified"] == "Mon, 06 May 2030 07:08:09 GMT"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/api/v1/catalogue.json", "/sitemap-practices.xml", "/fi/kaytannot/"]
)
def test_large_dynamic_responses_are_gzipped(client, catalogue, path):
    plain = client.get(path)
    compressed = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3


@pytest.mark.django_db
def test_small_responses_and_the_admin_are_not_gzipped(client, admin_client):
    small = client.get("/health/", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in small
    # Admin pages carry a CSRF token: compressing them would expose it to BREACH.
    admin = admin_client.get("/admin/", headers={"Accept-Encoding": "gzip"})
    assert admin.status_code == 200
    assert len(admin.content) > 1024
    assert "Content-Encoding" not in admin


# Incremental sync -------------------------------------------------------------------


def page_through(client, **params):
    records, url = [], "/api/v1/practices/"
    query = {"page_size": 7, **params}
    while url:
        data = client.get(url, query).json()
        records += data["results"]
        url, query = data["next"], None
    return records


@pytest.mark.django_db
def test_sync_after_the_newest_timestamp_returns_nothing(client, db):
    practices = PracticeFactory.create_batch(15)
    # Stored times have microseconds; the API writes milliseconds.
    for n, practice in enumerate(practices):
        Practice.objects.filter(pk=practice.pk).update(
            updated_at=datetime(2025, 3, 1, 12, 0, n, 123_456, tzinfo=UTC)
        )
    records = page_through(client)
    assert len(records) == 15
    newest = max(record["updated_at"] for record in records)
    assert newest == "2025-03-01T12:00:14.123Z"
    assert page_through(client, modified_after=newest) == []
    data = client.get("/api/v1/practices/", {"modified_after": newest}).json()
    assert data["count"] == 0


@pytest.mark.django_db
def test_sync_gives_exactly_the_records_written_after_the_given_time(client, db):
    before, same_ms, after = PracticeFactory.create_batch(3)
    for practice, micro in ((before, 122_999), (same_ms, 123_999), (after, 124_000)):
        Practice.objects.filter(pk=practice.pk).update(
            updated_at=datetime(2025, 3, 1, 12, 0, 0, micro, tzinfo=UTC)
        )
    records = page_through(client, modified_after="2025-03-01T12:00:00.123Z")
    assert [r["id"] for r in records] == [after.pk]
    records = page_through(client, modified_after="2025-03-01T14:00:00.122+02:00")
    assert [r["id"] for r in records] == [same_ms.pk, after.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value",
    ["0.5", "1700000000", "2025-03-01", "2025-03-01T12:00:00", "yesterday", "2025-13-01T00:00Z"],
)
def test_sync_accepts_only_an_iso_8601_time_with_offset(client, value):
    response = client.get("/api/v1/practices/", {"modified_after": value})
    assert response.status_code == 400
    assert response.json()["parameters"] == ["modified_after"]


@pytest.mark.django_db
def test_sync_time_now_with_offset_is_accepted(client, practice):
    since = timezone.now().isoformat()
    response = client.get("/api/v1/practices/", {"modified_after": since})
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("4377-10-26T02:58:32.901-16:23", 0),  # an offset PostgreSQL cannot store
        ("9999-12-31T23:59:59.999+00:00", 0),
        ("0001-01-01T00:00:00+01:00", 1),
        ("2025-03-01T14:00:00.000+02:00", 1),
    ],
)
def test_sync_accepts_any_valid_time_with_any_offset(client, db, value, count):
    practice = PracticeFactory()
    Practice.objects.filter(pk=practice.pk).update(
        updated_at=datetime(2025, 3, 1, 12, 0, 0, 1000, tzinfo=UTC)
    )
    response = client.get("/api/v1/practices/", {"modified_after": value})
    assert response.status_code == 200
    assert response.json()["count"] == count


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/practices/",
        "/api/v1/openapi.json",
        "/api/v1/practices.csv",
        "/api/v1/catalogue.json",
        "/fi/syote/",
        "/sitemap.xml",
    ],
)
def test_head_answers_like_get_without_a_body(client, practice, path):
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Type"] == get["Content-Type"]
