"""What the list keeps per catalogue version (the filter choices, the published count, the
latest change) shows an edit on the very next request: the edit bumps the version.

The whole-page cache stays off here (as in most tests), so these see only the parts kept
per version, which are used on every cache miss.
"""

from datetime import UTC, datetime

import pytest

from catalogue import services
from catalogue.models import Practice, Status
from tests.factories import (
    LanguageFactory,
    MunicipalityFactory,
    PartnerFactory,
    PracticeFactory,
    TargetGroupFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_a_renamed_municipality_shows_at_once_among_the_filters(
    client, django_capture_on_commit_callbacks
):
    municipality = MunicipalityFactory(name_en="Old Town")
    PracticeFactory(municipalities=[municipality])
    option = f'for="municipality-{municipality.code}">'
    assert option + "Old Town" in client.get("/en/practices/").content.decode()
    municipality.name_en = "New Town"
    with django_capture_on_commit_callbacks(execute=True):
        municipality.save()
    html = client.get("/en/practices/").content.decode()
    assert option + "New Town" in html
    assert "Old Town" not in html


def test_a_renamed_language_shows_at_once_among_the_filters(
    client, django_capture_on_commit_callbacks
):
    language = LanguageFactory(code="ar", name_en="Arabic", autonym="العربية")
    PracticeFactory(service_languages=[language])
    assert (
        'for="language-ar">Arabic (<span lang="ar">'
        in client.get("/en/practices/").content.decode()
    )
    language.name_en = "Arabic (Modern Standard)"
    with django_capture_on_commit_callbacks(execute=True):
        language.save()
    html = client.get("/en/practices/").content.decode()
    assert 'for="language-ar">Arabic (Modern Standard) (<span lang="ar">' in html


def test_publishing_a_practice_changes_the_count_at_once(
    client, publisher, django_capture_on_commit_callbacks
):
    PracticeFactory()
    assert "1 practice found" in client.get("/en/practices/").content.decode()
    draft = PracticeFactory(status=Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_publish(practice=draft, user=publisher)
    assert "2 practices found" in client.get("/en/practices/").content.decode()


def test_an_edit_moves_last_modified_at_once(client, django_capture_on_commit_callbacks):
    practice = PracticeFactory()
    Practice.objects.filter(pk=practice.pk).update(updated_at=datetime(2020, 5, 6, tzinfo=UTC))
    assert client.get("/en/practices/")["Last-Modified"] == "Wed, 06 May 2020 00:00:00 GMT"
    practice.title_en = "Edited"
    with django_capture_on_commit_callbacks(execute=True):
        practice.save()  # a new updated_at, and the version is bumped
    assert client.get("/en/practices/")["Last-Modified"] != "Wed, 06 May 2020 00:00:00 GMT"


def test_a_renamed_theme_shows_at_once_on_the_practice_page(
    client, django_capture_on_commit_callbacks
):
    theme = ThemeFactory(name_en="Old topic")
    practice = PracticeFactory(themes=[theme])
    url = practice.get_absolute_url("en")
    assert "Old topic" in client.get(url).content.decode()
    theme.name_en = "New topic"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    html = client.get(url).content.decode()
    assert "New topic" in html
    assert "Old topic" not in html


def test_a_practice_page_shows_a_term_added_before_its_version_bump_arrives(client):
    practice = PracticeFactory(themes=[ThemeFactory(name_en="First topic")])
    url = practice.get_absolute_url("en")
    client.get(url)  # the linked tables are now kept for this version
    # Committed but not yet bumped (on_commit never fires inside a test's transaction).
    practice.themes.add(ThemeFactory(name_en="Second topic"))
    html = client.get(url).content.decode()
    assert "First topic" in html
    assert "Second topic" in html


def test_a_renamed_target_group_shows_at_once_on_the_cards(
    client, django_capture_on_commit_callbacks
):
    group = TargetGroupFactory(name_en="Old group")
    PracticeFactory(target_groups=[group])
    assert "<dd>Old group</dd>" in client.get("/en/practices/").content.decode()
    group.name_en = "New group"
    with django_capture_on_commit_callbacks(execute=True):
        group.save()
    html = client.get("/en/practices/").content.decode()
    assert "<dd>New group</dd>" in html
    assert "Old group" not in html


def test_a_partners_note_of_what_changed_shows_at_once_on_its_practices(
    client, django_capture_on_commit_callbacks
):
    partner = PartnerFactory(name_en="TE Office")
    practice = PracticeFactory(partners=[partner])
    assert "changed-since" not in client.get(practice.get_absolute_url("en")).content.decode()
    partner.changes_since_source_en = "The TE Offices were closed on 1 January 2025."
    with django_capture_on_commit_callbacks(execute=True):
        partner.save()
    html = client.get(practice.get_absolute_url("en")).content.decode()
    assert "Changed since 2017: TE Office.</strong> The TE Offices were closed" in html
