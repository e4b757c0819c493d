import re
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from catalogue import services
from catalogue.models import CheckStatus, Feedback, Practice, PracticeDraft, Status
from catalogue.preview import preview_url
from tests.admin_forms import post_practice_form, practice_form_data, version_form_data
from tests.factories import LanguageFactory, MunicipalityFactory, PracticeFactory

CHANGELIST = "/admin/catalogue/practice/"


def run_action(client, action, practices):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [p.pk for p in practices]},
        follow=True,
    )


# Roles ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_editor_can_submit_a_draft_but_not_publish_it(client, editor):
    draft = PracticeFactory(status=Status.DRAFT)
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    run_action(client, "submit", [draft])
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    response = run_action(client, "publish", [draft])
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    # The publishing action is not among the editor's choices: Django refuses it as unknown.
    assert '<li class="warning">No action selected.</li>' in response.content.decode()


@pytest.mark.django_db
def test_editor_is_not_offered_the_publishing_actions(client, editor):
    PracticeFactory(status=Status.DRAFT)
    client.force_login(editor)
    html = client.get(CHANGELIST).content.decode()
    assert 'value="submit"' in html
    assert 'value="publish"' not in html and 'value="archive"' not in html


@pytest.mark.django_db
def test_publisher_can_publish_archive_and_restore(client, publisher):
    practice = PracticeFactory(status=Status.IN_REVIEW)
    client.force_login(publisher)
    for action, state in (
        ("publish", Status.PUBLISHED),
        ("archive", Status.ARCHIVED),
        ("restore", Status.PUBLISHED),
    ):
        run_action(client, action, [practice])
        practice.refresh_from_db()
        assert practice.status == state, action


@pytest.mark.django_db
def test_editor_cannot_publish_through_the_service_either(editor):
    practice = PracticeFactory(status=Status.IN_REVIEW)
    with pytest.raises(services.WorkflowError):
        services.practice_publish(practice=practice, user=editor)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editors_and_publishers_cannot_hard_delete(client, role, request):
    user = request.getfixturevalue(role)
    practice = PracticeFactory(status=Status.DRAFT)
    client.force_login(user)
    url = reverse("admin:catalogue_practice_delete", args=[practice.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Practice.objects.filter(pk=practice.pk).exists()


@pytest.mark.django_db
def test_editors_change_to_a_published_practice_waits_and_the_public_keeps_the_live_text(
    client, editor
):
    practice = PracticeFactory(status=Status.PUBLISHED, title_en="Live title")
    client.force_login(editor)
    response = post_practice_form(client, practice, title_en="Changed by an editor")
    draft = PracticeDraft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:catalogue_practicedraft_change", args=[draft.pk])
    practice.refresh_from_db()
    assert practice.title_en == "Live title"
    assert draft.changes == {"title_en": "Changed by an editor"}
    client.logout()
    assert (
        "Changed by an editor" not in client.get(practice.get_absolute_url("en")).content.decode()
    )


@pytest.mark.django_db
def test_editor_can_edit_a_draft_and_the_state_stays(client, editor):
    draft = PracticeFactory(status=Status.DRAFT)
    client.force_login(editor)
    assert post_practice_form(client, draft, title_en="Better title").status_code == 302
    draft.refresh_from_db()
    assert draft.title_en == "Better title"
    assert draft.status == Status.DRAFT


@pytest.mark.django_db
def test_editors_cannot_manage_users(client, editor):
    client.force_login(editor)
    assert client.get("/admin/auth/user/").status_code == 403


# Drafts are invisible on every public surface ----------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("state", [Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED])
def test_unpublished_practice_appears_on_no_public_surface(client, state):
    arabic = LanguageFactory(code="ar")
    municipality = MunicipalityFactory()
    hidden = PracticeFactory(
        title_fi="Salainen luonnos",
        title_sv="Hemligt utkast",
        title_en="Secret draft",
        status=state,
        lead_municipality=municipality,
        service_languages=[arabic],
    )
    PracticeFactory(title_en="Public practice", lead_municipality=municipality)
    surfaces = [
        "/fi/",
        "/en/practices/",
        "/en/practices/?q=secret",
        "/en/practices/?language=ar",
        municipality.get_absolute_url("en"),
        "/api/v1/practices/",
        "/api/v1/practices/?q=secret&lang=en",
        f"/api/v1/municipalities/{municipality.code}/",
        "/api/v1/practices.csv",
        "/api/v1/catalogue.json",
        "/sitemap.xml",
        "/en/feed/",
    ]
    for url in surfaces:
        body = client.get(url).content.decode()
        assert "Secret draft" not in body and "Salainen luonnos" not in body, url
        assert hidden.get_absolute_url("en") not in body, url
    assert client.get(hidden.get_absolute_url("en")).status_code == 404
    assert client.get(f"/api/v1/practices/{hidden.pk}/").status_code == 404
    assert client.get(f"/p/{hidden.pk}/").status_code == 404
    # Facet counts and totals count the public practice only.
    assert client.get("/api/v1/practices/").json()["count"] == 1
    html = client.get("/en/practices/").content.decode()
    assert 'id="language-ar"' not in html
    assert client.get(f"/api/v1/municipalities/{municipality.code}/").json()["practice_count"] == 1


# Preview --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_signed_preview_shows_a_draft_without_logging_in(client):
    draft = PracticeFactory(status=Status.DRAFT, title_sv="Utkast om rådgivning")
    response = client.get(preview_url(draft, "sv"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Utkast om rådgivning" in html
    assert "<strong>Förhandsvisning</strong>" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.django_db
def test_preview_link_expires(client, settings):
    draft = PracticeFactory(status=Status.DRAFT)
    url = preview_url(draft, "en")
    with time_machine.travel(timezone.now() + settings.PREVIEW_MAX_AGE + timedelta(minutes=1)):
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_forged_preview_link_is_refused(client):
    draft = PracticeFactory(status=Status.DRAFT)
    url = preview_url(draft, "en")
    assert client.get(url[:-3] + "xx/").status_code == 404


@pytest.mark.django_db
def test_admin_change_form_offers_the_preview_link(client, editor):
    draft = PracticeFactory(status=Status.DRAFT)
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    html = client.get(reverse("admin:catalogue_practice_change", args=[draft.pk])).content.decode()
    link = re.search(r'<a href="(/en/preview/[^"]+/)">Preview link</a>', html)
    assert link is not None
    client.logout()
    preview = client.get(link[1])
    assert preview.status_code == 200
    assert draft.title_en in preview.content.decode()


# History ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_admin_change_is_a_version_with_who_and_when(client, publisher):
    practice = PracticeFactory()
    client.force_login(publisher)
    assert post_practice_form(client, practice, title_sv="Ny rubrik").status_code == 302
    version = Version.objects.get_for_object(practice).first()
    assert version.revision.user == publisher
    assert version.field_dict["title_sv"] == "Ny rubrik"
    history = client.get(reverse("admin:catalogue_practice_history", args=[practice.pk]))
    assert history.status_code == 200


@pytest.mark.django_db
def test_compare_view_shows_the_difference_per_field_and_language(client, publisher):
    practice = PracticeFactory(title_en="Old English title")
    client.force_login(publisher)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    post_practice_form(client, practice, title_en="First English title")
    post_practice_form(client, practice, title_en="New English title")
    versions = list(Version.objects.get_for_object(practice).order_by("pk"))
    url = reverse("admin:catalogue_practice_compare", args=[practice.pk])
    html = client.get(
        url, {"version_id1": versions[0].pk, "version_id2": versions[1].pk}
    ).content.decode()
    # Fields and languages in words, the changed text in full with the change marked.
    assert "<h3>Title (English)</h3>" in html
    assert "<del>First</del><ins>New</ins> English title" in html


@pytest.mark.django_db
def test_revert_restores_every_language_and_the_links(client, publisher):
    practice = PracticeFactory(municipalities=[MunicipalityFactory()])
    original = {f"title_{c}": getattr(practice, f"title_{c}") for c in ("fi", "sv", "en")}
    original_municipalities = set(practice.municipalities.values_list("pk", flat=True))
    client.force_login(publisher)
    post_practice_form(client, practice)  # the version to go back to
    post_practice_form(
        client,
        practice,
        title_fi="Muutettu",
        title_sv="Ändrad",
        title_en="Changed",
        municipalities=[practice.lead_municipality_id],
    )
    practice.refresh_from_db()
    assert practice.title_en == "Changed"
    first = Version.objects.get_for_object(practice).order_by("pk").first()
    revision_url = reverse("admin:catalogue_practice_revision", args=[practice.pk, first.pk])
    form = client.get(revision_url)
    assert form.status_code == 200
    assert f'value="{original["title_sv"]}"' in form.content.decode()
    data = {**version_form_data(first), "edit_version": practice.lock_version}
    assert client.post(revision_url, data).status_code == 302
    practice.refresh_from_db()
    assert {f"title_{c}": getattr(practice, f"title_{c}") for c in ("fi", "sv", "en")} == original
    assert set(practice.municipalities.values_list("pk", flat=True)) == original_municipalities


@pytest.mark.django_db
def test_a_deleted_practice_can_be_recovered(client, superuser):
    practice = PracticeFactory(title_fi="Poistettava käytäntö", title_en="To be deleted")
    client.force_login(superuser)
    post_practice_form(client, practice)
    client.post(reverse("admin:catalogue_practice_delete", args=[practice.pk]), {"post": "yes"})
    assert not Practice.objects.filter(pk=practice.pk).exists()
    recover = client.get(reverse("admin:catalogue_practice_recoverlist"))
    assert "Poistettava käytäntö" in recover.content.decode()
    version = Version.objects.get_deleted(Practice).get()
    url = reverse("admin:catalogue_practice_recover", args=[version.pk])
    assert client.post(url, {**version_form_data(version), "edit_version": 0}).status_code == 302
    restored = Practice.objects.get(pk=practice.pk)
    assert restored.title_en == "To be deleted"
    assert restored.title_sv == practice.title_sv


# Translation freshness -----------------------------------------------------------------


@pytest.mark.django_db
def test_changing_the_original_marks_the_other_languages_out_of_date(client, publisher):
    practice = PracticeFactory(original_language="fi")
    client.force_login(publisher)
    post_practice_form(
        client, practice, description_fi="Uusi kuvaus.", description_sv="Ny beskrivning."
    )
    practice.refresh_from_db()
    assert (practice.outdated_fi, practice.outdated_sv, practice.outdated_en) == (
        False,
        False,
        True,
    )
    html = client.get(practice.get_absolute_url("en")).content.decode()
    assert "This translation may be out of date" in html
    assert "may be out of date" not in client.get(practice.get_absolute_url("sv")).content.decode()
    listed = client.get(CHANGELIST, {"translations": "outdated"}).content.decode()
    assert practice.title_fi in listed


@pytest.mark.django_db
def test_an_editor_confirms_a_translation_by_unticking_it(client, publisher):
    practice = PracticeFactory(outdated_en=True)
    client.force_login(publisher)
    data = practice_form_data(practice)
    del data["outdated_en"]
    client.post(reverse("admin:catalogue_practice_change", args=[practice.pk]), data)
    practice.refresh_from_db()
    assert practice.outdated_en is False


@pytest.mark.django_db
def test_changing_a_swedish_original_marks_finnish_and_english(publisher):
    practice = PracticeFactory(original_language="sv")
    before = services.practice_texts(practice)
    practice.title_sv = "Ny rubrik"
    assert services.practice_track_translations(before=before, practice=practice) == ["fi", "en"]


@pytest.mark.django_db
def test_admin_lists_practices_with_missing_translations(client, publisher):
    missing = PracticeFactory(summary_en="", slug_en=None)
    complete = PracticeFactory()
    client.force_login(publisher)
    html = client.get(CHANGELIST, {"translations": "missing"}).content.decode()
    assert missing.title_fi in html and complete.title_fi not in html


@pytest.mark.django_db
def test_untranslated_text_is_marked_in_its_language(client):
    practice = PracticeFactory(description_en="", summary_en="")
    html = client.get(practice.get_absolute_url("en")).content.decode()
    assert "has not been translated yet and is shown in Finnish" in html
    assert '<div class="description" lang="fi">' in html


# Whether it still runs --------------------------------------------------------------------


@pytest.mark.django_db
def test_loaded_2017_practices_say_they_have_not_been_checked_since(client, catalogue):
    practice = Practice.objects.get(pk=1)
    assert practice.check_status == CheckStatus.UNCHECKED
    html = client.get(practice.get_absolute_url("en")).content.decode()
    assert "Described in 2017, not checked since" in html
    # A review date eight years past says nothing to a resident (issue 12).
    assert "Next review due" not in html


@pytest.mark.django_db
def test_admin_lists_practices_whose_review_is_overdue(client, publisher):
    overdue = PracticeFactory(next_review_due=date(2020, 1, 1))
    fine = PracticeFactory(next_review_due=timezone.localdate() + timedelta(days=30))
    client.force_login(publisher)
    html = client.get(CHANGELIST, {"review": "overdue"}).content.decode()
    assert overdue.title_fi in html and fine.title_fi not in html


@pytest.mark.django_db
def test_checked_practice_shows_its_status_and_date(client):
    practice = PracticeFactory(check_status=CheckStatus.RUNNING, last_checked=date(2026, 3, 12))
    html = client.get(practice.get_absolute_url("fi")).content.decode()
    assert "<dd>Toimitus tarkisti tiedot viimeksi 12. maaliskuuta 2026: toiminnassa.\n</dd>" in html


# Feedback -------------------------------------------------------------------------------


def feedback_url(practice, language="en"):
    from django.utils import translation

    with translation.override(language):
        return reverse(
            "catalogue:practice_feedback", kwargs={"slug": getattr(practice, f"slug_{language}")}
        )


@pytest.mark.django_db
def test_reader_can_report_wrong_information_without_an_account(client, practice):
    response = client.post(
        feedback_url(practice), {"message": "The office has moved.", "email": ""}
    )
    assert response.status_code == 303
    assert response["Location"].endswith("?feedback=thanks#feedback")
    feedback = Feedback.objects.get()
    assert feedback.practice == practice
    assert feedback.page_url.endswith(practice.get_absolute_url("en"))
    assert feedback.language == "en"
    assert "Thank you" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_every_practice_page_has_the_feedback_form(client, practice):
    html = client.get(practice.get_absolute_url("sv")).content.decode()
    assert 'id="feedback-message"' in html
    assert 'name="website"' in html  # the honeypot


@pytest.mark.django_db
def test_honeypot_keeps_bots_out(client, practice):
    response = client.post(feedback_url(practice), {"message": "Buy now", "website": "http://spam"})
    assert response.status_code == 302
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_feedback_is_rate_limited_per_address(client, practice, settings):
    settings.FEEDBACK_PER_HOUR = 2
    for _ in range(2):
        assert client.post(feedback_url(practice), {"message": "x"}).status_code == 303
    response = client.post(feedback_url(practice), {"message": "third"})
    assert response.status_code == 429
    assert "third" in response.content.decode()  # nothing the reader wrote is lost
    assert Feedback.objects.count() == 2


@pytest.mark.django_db
def test_empty_or_bad_feedback_is_explained_in_the_readers_language(client, practice):
    response = client.post(feedback_url(practice, "sv"), {"message": "", "email": "not-an-address"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "not-an-address" in html
    assert 'aria-invalid="true"' in html
    assert '<html lang="sv">' in html


@pytest.mark.django_db
def test_feedback_is_kept_when_mail_cannot_be_sent(client, practice, settings):
    settings.MANAGERS = [("Editors", "editors@example.com")]
    settings.EMAIL_BACKEND = "tests.failing_mail.Backend"
    response = client.post(feedback_url(practice), {"message": "Phone number changed"})
    assert response.status_code == 303
    assert Feedback.objects.get().message == "Phone number changed"


@pytest.mark.django_db
def test_feedback_is_mailed_to_the_managers(client, practice, settings):
    settings.MANAGERS = [("Editors", "editors@example.com")]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(feedback_url(practice), {"message": "New address"})
    assert "New address" in mail.outbox[0].body


@pytest.mark.django_db
def test_feedback_appears_in_the_admin_with_its_page(client, practice, editor):
    client.post(feedback_url(practice), {"message": "<script>alert(1)</script>"})
    client.force_login(editor)
    html = client.get("/admin/catalogue/feedback/").content.decode()
    assert practice.get_absolute_url("en") in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Login protection -------------------------------------------------------------------------


def try_login(client, password, address="10.0.0.1", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


@pytest.mark.django_db
def test_admin_login_locks_after_repeated_failures_and_lifts_after_cooloff(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        try_login(client, "wrong")
    locked = try_login(client, "pw")
    assert locked.status_code == 429
    # The admin speaks Finnish unless the browser asks otherwise.
    assert "<h1>Liian monta epäonnistunutta kirjautumista</h1>" in locked.content.decode()
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        response = try_login(client, "pw")
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_lockout_reads_the_client_address_behind_a_proxy(client, editor, settings):
    # One load balancer (10.9.9.9) appends the address it saw to X-Forwarded-For.
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        try_login(client, "wrong", address="10.9.9.9", HTTP_X_FORWARDED_FOR="203.0.113.5")
    # Another reader behind the same load balancer is not locked out.
    other = try_login(client, "pw", address="10.9.9.9", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.status_code == 302
    same = try_login(client, "pw", address="10.9.9.9", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert same.status_code == 429
