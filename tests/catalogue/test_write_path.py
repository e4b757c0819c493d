"""One write path for practices (issue 10, point 10)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from reversion.models import Version

from catalogue import services
from catalogue.models import Practice, PracticeDraft, SlugRedirect, Status
from common.slugs import slug_from_title
from tests.admin_forms import EMPTY_INLINES, post_practice_form
from tests.factories import MunicipalityFactory, PracticeFactory


def add_form(**changes):
    data = {
        "original_language": "fi",
        "lead_municipality": "",
        "municipalities": [],
        "source_page": "",
        "check_status": "unknown",
        **{
            f"{field}_{code}": ""
            for field in ("title", "slug", "summary", "description")
            for code in ("fi", "sv", "en")
        },
    }
    # The how-to-take-part inlines, empty, and what kind of practice it is.
    data.update(EMPTY_INLINES, kind="service")
    return {**data, **changes}


@pytest.mark.django_db
def test_a_practice_added_without_slugs_gets_an_address_in_each_language(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:catalogue_practice_add"),
        add_form(
            title_fi="Äidinkielen opetus öisin",
            title_sv="Modersmålsundervisning för vuxna",
            title_en="Mother tongue lessons",
            summary_fi="Opetusta.",
            description_fi="Opetusta.",
        ),
    )
    assert response.status_code == 302
    practice = Practice.objects.get(title_fi="Äidinkielen opetus öisin")
    assert (practice.slug_fi, practice.slug_sv, practice.slug_en) == (
        "aidinkielen-opetus-oisin",
        "modersmalsundervisning-for-vuxna",
        "mother-tongue-lessons",
    )
    assert practice.status == Status.DRAFT
    assert Version.objects.get_for_object(practice).get().revision.user == editor


@pytest.mark.django_db
def test_a_filled_slug_never_takes_another_practices_address_or_old_address(editor):
    PracticeFactory(slug_en="advice")
    moved = PracticeFactory(slug_en="advice-now")
    SlugRedirect.objects.create(
        content_type=ContentType.objects.get_for_model(Practice),
        object_id=moved.pk,
        language="en",
        slug="advice-2",
    )
    new = Practice(title_fi="Neuvonta", title_en="Advice", summary_fi="x", description_fi="x")
    practice = services.practice_save(practice=new, user=editor, changes={}, comment="Added")
    assert practice.slug_en == "advice-3"


def test_slugs_transliterate_finnish_and_swedish_letters():
    assert slug_from_title("Åbo – Työväen opisto, Ähtäri") == "abo-tyovaen-opisto-ahtari"


@pytest.mark.django_db
def test_every_save_keeps_the_old_slug_the_lead_municipality_and_a_version(publisher):
    lead = MunicipalityFactory()
    practice = PracticeFactory(slug_en="old-slug", lead_municipality=None)
    saved = services.practice_save(
        practice=practice,
        user=publisher,
        changes={"slug_en": "new-slug", "lead_municipality": lead, "municipalities": []},
        comment="Edited",
    )
    assert list(saved.municipalities.all()) == [lead]
    assert SlugRedirect.objects.get(slug="old-slug").object_id == practice.pk
    version = Version.objects.get_for_object(practice).get()
    assert (version.revision.user, version.revision.comment) == (publisher, "Edited")
    assert version.field_dict["municipalities"] == [lead.pk]
    assert saved.lock_version == practice.lock_version == 1


@pytest.mark.django_db
def test_a_save_from_an_older_version_is_refused_and_writes_nothing(publisher):
    practice = PracticeFactory(title_en="Stored")
    services.practice_save(practice=practice, user=publisher, changes={}, comment="One")
    with pytest.raises(services.ConflictError):
        services.practice_save(
            practice=practice,
            user=publisher,
            changes={"title_en": "Stale"},
            comment="Two",
            expected_version=0,
        )
    assert Practice.objects.get(pk=practice.pk).title_en == "Stored"


@pytest.mark.django_db
def test_workflow_steps_go_through_the_write_path(publisher):
    practice = PracticeFactory(status=Status.IN_REVIEW)
    key = practice.preview_nonce
    services.practice_publish(practice=practice, user=publisher)
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED
    assert practice.preview_nonce != key
    assert practice.lock_version == 1
    assert Version.objects.get_for_object(practice).get().revision.comment == "Published"


@pytest.mark.django_db
def test_a_step_is_checked_on_the_stored_state_not_the_callers_copy(publisher):
    practice = PracticeFactory(status=Status.IN_REVIEW)
    Practice.objects.filter(pk=practice.pk).update(status=Status.ARCHIVED)
    with pytest.raises(services.WorkflowError):
        services.practice_publish(practice=practice, user=publisher)
    assert Practice.objects.get(pk=practice.pk).status == Status.ARCHIVED


@pytest.mark.django_db
def test_admin_save_records_the_edit_through_the_write_path(client, publisher):
    practice = PracticeFactory(original_language="fi", slug_en="before")
    client.force_login(publisher)
    assert post_practice_form(client, practice, title_fi="Uusi", slug_en="after").status_code == 302
    practice.refresh_from_db()
    assert (practice.outdated_sv, practice.outdated_en) == (True, True)
    assert SlugRedirect.objects.get(slug="before").object_id == practice.pk
    assert practice.lock_version == 1


@pytest.mark.django_db
def test_line_breaks_as_browsers_post_them_change_nothing(client, publisher, editor):
    practice = PracticeFactory(original_language="fi", description_fi="Yksi.\n\nKaksi.")
    crlf = {
        f"description_{c}": getattr(practice, f"description_{c}").replace("\n", "\r\n")
        for c in ("fi", "sv", "en")
    }
    client.force_login(publisher)
    assert post_practice_form(client, practice, **crlf, title_en="New title").status_code == 302
    practice.refresh_from_db()
    assert practice.description_fi == "Yksi.\n\nKaksi."
    assert (practice.outdated_fi, practice.outdated_sv, practice.outdated_en) == (
        False,
        False,
        False,
    )
    client.force_login(editor)
    post_practice_form(client, practice, **crlf, summary_en="Corrected.")
    assert PracticeDraft.objects.get().changes == {"summary_en": "Corrected."}
