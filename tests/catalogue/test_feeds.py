"""The Atom feeds as a feed reader (feedparser) reads them, and RFC 4287's rules."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from catalogue.models import Practice, Status
from catalogue.services.editorial import practice_archive, practice_publish, practice_restore
from tests.factories import MunicipalityFactory, PracticeFactory

ATOM_NS = "{http://www.w3.org/2005/Atom}"


def read_feed(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language"), [("/fi/syote/", "fi"), ("/sv/flode/", "sv"), ("/en/feed/", "en")]
)
def test_feed_reader_reads_author_ids_dates_and_text_summaries(client, practice, path, language):
    Practice.objects.filter(pk=practice.pk).update(
        created_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        first_published_at=datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC),
        updated_at=datetime(2025, 6, 7, 8, 9, 10, tzinfo=UTC),
    )
    feed = read_feed(client, path)
    assert (
        feed.feed.author
        == {
            "fi": "Kotouttamisen käytäntöjä Suomen kunnissa",
            "sv": "Integrationsfrämjande i Finlands kommuner",
            "en": "Integration practices in Finnish municipalities",
        }[language]
    )
    assert feed.feed.author_detail.href == "http://testserver/"
    [entry] = feed.entries
    assert entry.id == f"http://testserver/p/{practice.pk}/{language}/"
    assert entry.published == "2024-02-03T04:05:06+00:00"
    assert entry.updated == "2025-06-07T08:09:10+00:00"
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary == getattr(practice, f"summary_{language}")
    assert entry.link == f"http://testserver{practice.get_absolute_url(language)}"


@pytest.mark.django_db
def test_entry_id_stays_when_an_editor_changes_the_slug_and_title(client, practice):
    before = read_feed(client, "/en/feed/").entries[0]
    practice.slug_en = "a-new-address"
    practice.title_en = "A new title"
    practice.save()
    after = read_feed(client, "/en/feed/").entries[0]
    assert after.id == before.id
    assert after.link == "http://testserver/en/practices/a-new-address/"
    assert after.updated != before.updated or after.title != before.title


@pytest.mark.django_db
def test_published_is_the_first_publication_not_the_load_time(client, db):
    editor = get_user_model().objects.create_superuser("publisher", "p@example.com", "x")
    draft = PracticeFactory(status=Status.DRAFT)
    assert draft.first_published_at is None
    practice_publish(practice=draft, user=editor)
    first = draft.first_published_at
    assert first is not None
    later = timezone.now() + timedelta(days=30)
    Practice.objects.filter(pk=draft.pk).update(updated_at=later)
    entry = read_feed(client, "/en/feed/").entries[0]
    assert datetime.fromisoformat(entry.published) == first
    # Publishing again after archiving keeps the first publication date.
    draft.refresh_from_db()
    practice_archive(practice=draft, user=editor)
    practice_restore(practice=draft, user=editor)
    draft.refresh_from_db()
    assert draft.first_published_at == first


@pytest.mark.django_db
def test_feed_follows_the_lists_filters(client, db):
    espoo = MunicipalityFactory(code="049", name_fi="Espoo")
    ours = PracticeFactory(lead_municipality=espoo)
    PracticeFactory()
    feed = read_feed(client, "/fi/syote/", municipality="049")
    assert [e.id for e in feed.entries] == [f"http://testserver/p/{ours.pk}/fi/"]
    assert feed.feed.title == "Uudet ja päivitetyt käytännöt: Espoo"
    assert feed.feed.link == "http://testserver/fi/kaytannot/?municipality=049"
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == ["http://testserver/fi/syote/?municipality=049"]


@pytest.mark.django_db
def test_feed_refuses_an_unknown_filter_value(client, db):
    response = client.get("/fi/syote/", {"municipality": "999"})
    assert response.status_code == 400
    assert response.json()["parameters"] == ["municipality"]


@pytest.mark.django_db
def test_filtered_list_links_its_own_feed(client, db):
    MunicipalityFactory(code="049")
    html = client.get("/sv/verksamheter/", {"municipality": "049"}).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Nya och uppdaterade verksamheter" href="/sv/flode/?municipality=049">'
    ) in html
    assert '<a class="feed-link" href="/sv/flode/?municipality=049">' in html
