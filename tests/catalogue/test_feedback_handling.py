"""Staff handle readers' reports: a state, an internal note, a reply and links to the practice."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from catalogue import services
from catalogue.models import Feedback, FeedbackState, Status
from tests.factories import PracticeFactory
from tests.staff import make_user

FEEDBACK_LIST = "/admin/catalogue/feedback/"


@pytest.fixture(params=["Editors", "Publishers"])
def staff_client(request, client, db):
    client.force_login(make_user(request.param.lower(), request.param))
    return client


def report(practice, **fields):
    values = {
        "practice": practice,
        "page_url": f"http://testserver{practice.get_absolute_url('sv')}",
        "language": "sv",
        "message": "Telefonnumret har ändrats.",
    }
    return Feedback.objects.create(**{**values, **fields})


def change_url(feedback):
    return reverse("admin:catalogue_feedback_change", args=[feedback.pk])


@pytest.mark.django_db
def test_a_report_sent_by_a_reader_arrives_as_new(client):
    practice = PracticeFactory()
    feedback = services.feedback_submit(
        practice=practice, page_url="http://testserver/x/", language="fi", message="Vanhentunut"
    )
    assert Feedback.objects.get(pk=feedback.pk).state == FeedbackState.NEW


@pytest.mark.django_db
def test_staff_move_a_report_on_and_write_an_internal_note(staff_client):
    feedback = report(PracticeFactory(), email="lasare@example.com")
    response = staff_client.post(
        change_url(feedback),
        {
            "state": FeedbackState.IN_PROGRESS,
            "note": "Soitettu kunnan neuvontaan.",
            # Read-only fields cannot be changed by posting them.
            "message": "changed",
            "email": "other@example.com",
        },
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.state == FeedbackState.IN_PROGRESS
    assert feedback.note == "Soitettu kunnan neuvontaan."
    assert feedback.message == "Telefonnumret har ändrats."
    assert feedback.email == "lasare@example.com"


@pytest.mark.django_db
def test_an_unknown_state_is_refused_with_an_error(staff_client):
    feedback = report(PracticeFactory())
    response = staff_client.post(change_url(feedback), {"state": "lost", "note": ""})
    assert response.status_code == 200
    assert "Valitse oikea vaihtoehto." in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.state == FeedbackState.NEW


@pytest.mark.django_db
def test_reply_link_opens_an_email_to_the_reader_with_a_subject_in_their_language(staff_client):
    practice = PracticeFactory(title_sv="Rådgivning i Jakobstad")
    feedback = report(practice, email="lasare@example.com")
    html = staff_client.get(change_url(feedback)).content.decode()
    subject = quote("Din respons om ”Rådgivning i Jakobstad”")
    assert f'href="mailto:lasare@example.com?subject={subject}"' in html


@pytest.mark.django_db
def test_no_reply_link_when_the_reader_left_no_email(staff_client):
    feedback = report(PracticeFactory(), email="")
    html = staff_client.get(change_url(feedback)).content.decode()
    assert "mailto:" not in html
    assert "Lukija ei jättänyt sähköpostiosoitetta." in html


@pytest.mark.django_db
def test_a_report_links_to_the_practice_in_the_admin_and_to_the_page_the_reader_saw(
    staff_client,
):
    practice = PracticeFactory(title_fi="Neuvonta Pietarsaaressa")
    feedback = report(practice)
    html = staff_client.get(change_url(feedback)).content.decode()
    admin_url = reverse("admin:catalogue_practice_change", args=[practice.pk])
    assert f'<a href="{admin_url}">”Neuvonta Pietarsaaressa” ylläpidossa</a>' in html
    assert f'<a href="{feedback.page_url}">sivu, jota lukija katsoi</a>' in html


@pytest.mark.django_db
def test_practice_form_counts_open_reports_and_links_to_exactly_those(staff_client):
    practice = PracticeFactory(status=Status.DRAFT)
    other = PracticeFactory(status=Status.DRAFT)
    open_reports = {
        report(practice, state=FeedbackState.NEW).pk,
        report(practice, state=FeedbackState.NEW).pk,
        report(practice, state=FeedbackState.IN_PROGRESS).pk,
    }
    report(practice, state=FeedbackState.DONE)
    report(practice, state=FeedbackState.REJECTED)
    report(other, state=FeedbackState.NEW)
    html = staff_client.get(
        reverse("admin:catalogue_practice_change", args=[practice.pk])
    ).content.decode()
    link = re.search(r'<a href="([^"]+)">3 avointa lukijapalautetta</a>', html)
    assert link, "no link to the open reports"
    listed = staff_client.get(link.group(1).replace("&amp;", "&")).content.decode()
    shown = {int(pk) for pk in re.findall(r'name="form-\d+-id" value="(\d+)"', listed)}
    assert shown == open_reports


@pytest.mark.django_db
def test_practice_form_says_when_no_report_is_open(staff_client):
    practice = PracticeFactory(status=Status.DRAFT)
    report(practice, state=FeedbackState.DONE)
    html = staff_client.get(
        reverse("admin:catalogue_practice_change", args=[practice.pk])
    ).content.decode()
    assert "Ei avoimia lukijapalautteita." in html


@pytest.mark.django_db
def test_state_can_be_changed_for_several_reports_in_the_list(staff_client):
    first, second = report(PracticeFactory()), report(PracticeFactory())
    response = staff_client.post(
        FEEDBACK_LIST,
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": str(second.pk),
            "form-0-state": FeedbackState.DONE,
            "form-1-id": str(first.pk),
            "form-1-state": FeedbackState.REJECTED,
            "_save": "Tallenna",
        },
    )
    assert response.status_code == 302
    assert Feedback.objects.get(pk=first.pk).state == FeedbackState.REJECTED
    assert Feedback.objects.get(pk=second.pk).state == FeedbackState.DONE
