"""Preview links can be withdrawn (issue 10, point 7)."""

import pytest
from django.urls import reverse

from catalogue.models import Practice, Status
from catalogue.preview import preview_url
from tests.factories import PracticeFactory

CHANGELIST = "/admin/catalogue/practice/"


@pytest.mark.django_db
def test_a_state_change_withdraws_the_preview_links_given_before(client, editor):
    draft = PracticeFactory(status=Status.DRAFT)
    old_link = preview_url(draft, "en")
    assert client.get(old_link).status_code == 200
    client.force_login(editor)
    client.post(CHANGELIST, {"action": "submit", "_selected_action": [draft.pk]})
    client.logout()
    assert client.get(old_link).status_code == 404
    assert client.get(preview_url(Practice.objects.get(pk=draft.pk), "en")).status_code == 200


@pytest.mark.django_db
def test_editor_withdraws_preview_links_with_the_button(client, editor):
    draft = PracticeFactory(status=Status.DRAFT)
    old_link = preview_url(draft, "en")
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    form = client.get(reverse("admin:catalogue_practice_change", args=[draft.pk])).content.decode()
    withdraw = reverse("admin:catalogue_practice_withdraw_previews", args=[draft.pk])
    assert f'<a href="{withdraw}">Withdraw preview links</a>' in form
    confirm = client.get(withdraw)
    assert confirm.status_code == 200
    assert client.get(old_link).status_code == 200  # asking is not withdrawing
    response = client.post(withdraw, follow=True)
    assert "The preview links given so far no longer work." in response.content.decode()
    client.logout()
    assert client.get(old_link).status_code == 404
    assert Practice.objects.get(pk=draft.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_withdraw_action_on_the_changelist(client, editor):
    drafts = [PracticeFactory(status=Status.DRAFT) for _ in range(2)]
    links = [preview_url(d, "fi") for d in drafts]
    client.force_login(editor)
    client.post(
        CHANGELIST,
        {"action": "withdraw_previews", "_selected_action": [d.pk for d in drafts]},
    )
    client.logout()
    assert [client.get(link).status_code for link in links] == [404, 404]


@pytest.mark.django_db
def test_archived_practice_has_no_working_preview(client, publisher):
    practice = PracticeFactory(status=Status.ARCHIVED)
    assert client.get(preview_url(practice, "en")).status_code == 404
    client.force_login(publisher)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    html = client.get(reverse("admin:catalogue_practice_change", args=[practice.pk])).content
    assert "Archived practices have no preview." in html.decode()
