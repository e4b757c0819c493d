"""Editors correct published practices; the change waits for a publisher (issue 10, point 4)."""

import pytest
from django.urls import reverse
from reversion.models import Version

from catalogue.models import DraftState, Practice, PracticeDraft, Status
from catalogue.preview import preview_url
from tests.admin_forms import post_practice_form
from tests.factories import PracticeFactory, ThemeFactory
from tests.staff import make_user, public_pages


def draft_url(draft):
    return reverse("admin:catalogue_practicedraft_change", args=[draft.pk])


@pytest.fixture
def live(db):
    return PracticeFactory(
        status=Status.PUBLISHED,
        title_en="Advice point for newcomers",
        description_en="Open on Mondays.\n\nAsk at the desk.",
    )


@pytest.fixture
def pending(client, editor, live):
    client.force_login(editor)
    post_practice_form(client, live, description_en="Open on Mondays and Tuesdays.")
    client.logout()
    return PracticeDraft.objects.get()


@pytest.mark.django_db
def test_editor_opens_a_published_practice_and_is_told_the_save_waits(client, editor, live):
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.get(reverse("admin:catalogue_practice_change", args=[live.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This practice is published: what you save waits for a publisher" in html
    assert 'name="_save"' in html


@pytest.mark.django_db
def test_editors_correction_waits_and_the_public_sees_the_live_version(client, editor, live):
    before = public_pages(live)
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = post_practice_form(
        client, live, description_en="Open on Mondays and Tuesdays.", themes=[ThemeFactory().pk]
    )
    draft = PracticeDraft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == draft_url(draft)
    followed = client.get(response["Location"]).content.decode()
    assert "Your change was saved and waits for a publisher." in followed
    assert set(draft.changes) == {"description_en", "themes"}
    assert draft.state == DraftState.PENDING
    assert draft.author == editor
    assert public_pages(live) == before
    live.refresh_from_db()
    assert live.description_en == "Open on Mondays.\n\nAsk at the desk."
    assert not live.themes.exists()


@pytest.mark.django_db
def test_review_page_names_fields_and_languages_and_shows_both_texts_in_full(
    client,
    publisher,
    pending,
):
    client.force_login(publisher)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    html = client.get(draft_url(pending)).content.decode()
    assert '<th scope="row">Description (English)</th>' in html
    assert "<td>Open on Mondays.<br><br>Ask at the desk.</td>" in html
    assert "<td>Open on Mondays and Tuesdays.</td>" in html
    assert 'name="_approve"' in html


@pytest.mark.django_db
def test_review_page_in_finnish_names_the_language_in_finnish(client, publisher, pending):
    client.force_login(publisher)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fi"
    html = client.get(draft_url(pending)).content.decode()
    assert '<th scope="row">Kuvaus (englanti)</th>' in html


@pytest.mark.django_db
def test_preview_of_the_pending_change_shows_it_while_the_public_page_does_not(
    client,
    pending,
    live,
):
    response = client.get(preview_url(live, "en", draft=pending))
    assert response.status_code == 200
    assert "Open on Mondays and Tuesdays." in response.content.decode()
    assert (
        "Open on Mondays and Tuesdays."
        not in client.get(live.get_absolute_url("en")).content.decode()
    )


@pytest.mark.django_db
def test_publisher_approves_and_the_change_goes_live_as_the_editors_version(
    client,
    publisher,
    editor,
    pending,
    live,
):
    client.force_login(publisher)
    response = client.post(draft_url(pending), {"_approve": "1"})
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.description_en == "Open on Mondays and Tuesdays."
    assert live.status == Status.PUBLISHED
    pending.refresh_from_db()
    assert (pending.state, pending.reviewer) == (DraftState.APPROVED, publisher)
    version = Version.objects.get_for_object(live).first()
    assert version.revision.user == editor
    assert version.revision.comment == "Change by editor approved by publisher"
    client.logout()
    assert (
        "Open on Mondays and Tuesdays." in client.get(live.get_absolute_url("en")).content.decode()
    )


@pytest.mark.django_db
def test_editor_cannot_approve_a_pending_change(client, editor, pending, live):
    before = public_pages(live)
    client.force_login(editor)
    html = client.get(draft_url(pending)).content.decode()
    assert 'name="_approve"' not in html
    assert client.post(draft_url(pending), {"_approve": "1"}).status_code == 403
    pending.refresh_from_db()
    assert pending.state == DraftState.PENDING
    assert public_pages(live) == before


@pytest.mark.django_db
def test_rejection_note_is_shown_to_the_editor_and_the_live_text_stays(
    client,
    publisher,
    editor,
    pending,
    live,
):
    client.force_login(publisher)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    empty = client.post(draft_url(pending), {"_reject": "1", "note": ""})
    assert empty.status_code == 200
    assert "This field is required." in empty.content.decode()
    client.post(draft_url(pending), {"_reject": "1", "note": "Tuesdays are not confirmed."})
    pending.refresh_from_db()
    assert pending.state == DraftState.REJECTED
    live.refresh_from_db()
    assert live.description_en == "Open on Mondays.\n\nAsk at the desk."
    client.force_login(editor)
    listing = client.get(reverse("admin:catalogue_practicedraft_changelist")).content.decode()
    assert "Tuesdays are not confirmed." in listing
    assert "Tuesdays are not confirmed." in client.get(draft_url(pending)).content.decode()


@pytest.mark.django_db
def test_other_editors_do_not_see_someone_elses_pending_change(client, pending):
    client.force_login(make_user("another", "Editors"))
    assert client.get(draft_url(pending)).status_code == 404
    listing = client.get(reverse("admin:catalogue_practicedraft_changelist")).content.decode()
    assert draft_url(pending) not in listing


@pytest.mark.django_db
def test_approval_is_refused_when_the_live_text_changed_in_the_same_field(
    client,
    publisher,
    pending,
    live,
):
    client.force_login(publisher)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    post_practice_form(client, live, description_en="Closed for the summer.")
    response = client.post(draft_url(pending), {"_approve": "1"}, follow=True)
    assert "Not approved: the live practice has changed in the same fields since" in (
        response.content.decode()
    )
    live.refresh_from_db()
    assert live.description_en == "Closed for the summer."
    pending.refresh_from_db()
    assert pending.state == DraftState.PENDING


@pytest.mark.django_db
def test_editor_continues_their_pending_change_instead_of_starting_over(
    client,
    editor,
    pending,
    live,
):
    client.force_login(editor)
    html = client.get(reverse("admin:catalogue_practice_change", args=[live.pk])).content.decode()
    assert "Open on Mondays and Tuesdays.</textarea>" in html
    post_practice_form(
        client, live, description_en="Open on Mondays and Tuesdays.", title_en="Advice point"
    )
    draft = PracticeDraft.objects.get()
    assert draft.changes == {
        "title_en": "Advice point",
        "description_en": "Open on Mondays and Tuesdays.",
    }
    assert Practice.objects.get(pk=live.pk).title_en == "Advice point for newcomers"


@pytest.mark.django_db
def test_the_practice_form_links_its_pending_changes_for_publishers(client, publisher, pending):
    client.force_login(publisher)
    html = client.get(
        reverse("admin:catalogue_practice_change", args=[pending.practice_id])
    ).content.decode()
    assert f'href="{draft_url(pending)}"' in html


@pytest.mark.django_db
def test_editor_sees_the_rejection_note_when_opening_the_practice_again(
    client, publisher, editor, pending, live
):
    client.force_login(publisher)
    client.post(draft_url(pending), {"_reject": "1", "note": "Tuesdays are not confirmed."})
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    html = client.get(reverse("admin:catalogue_practice_change", args=[live.pk])).content.decode()
    assert (
        "A publisher rejected your last change of this practice: Tuesdays are not confirmed."
        in html
    )
    assert "Open on Mondays.\n\nAsk at the desk.</textarea>" in html
