"""No lost edits (issue 10, point 6): a form made from an older version cannot overwrite."""

import pytest
from django.urls import reverse

from catalogue.models import Page, Practice, PracticeDraft, SlugRedirect, Status
from common.slugs import slug_changes_record
from tests.admin_forms import municipality_form_data, post_practice_form, practice_form_data
from tests.factories import MunicipalityFactory, PracticeFactory, ThemeFactory


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


@pytest.mark.django_db
def test_second_editor_saving_an_older_form_sees_both_versions_and_loses_nothing(client, publisher):
    practice = PracticeFactory(status=Status.DRAFT, title_en="Old title", summary_en="Old.")
    client.force_login(publisher)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    second_form = practice_form_data(practice)  # opened by both at the same time
    assert post_practice_form(client, practice, title_en="First editor's title").status_code == 302
    second_form["summary_en"] = "Second editor's summary."
    response = client.post(change_url(practice), second_form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this practice after you opened it. Nothing was saved." in html
    # Side by side: what the second editor posted and what is stored now, per field.
    assert (
        '<tr><th scope="row">Title (English)</th><td>Old title</td>'
        "<td>First editor&#x27;s title</td></tr>"
    ) in html
    assert (
        '<tr><th scope="row">Summary (English)</th><td>Second editor&#x27;s summary.</td>'
        "<td>Old.</td></tr>"
    ) in html
    # Nothing typed is lost: the form comes back with the input.
    assert "Second editor&#x27;s summary.</textarea>" in html
    stored = Practice.objects.get(pk=practice.pk)
    assert (stored.title_en, stored.summary_en) == ("First editor's title", "Old.")
    # The form now carries the newer version: saving again is a deliberate choice.
    assert f'name="edit_version" value="{stored.lock_version}"' in html
    second_form.update(edit_version=stored.lock_version, title_en="First editor's title")
    assert client.post(change_url(practice), second_form).status_code == 302
    stored.refresh_from_db()
    assert (stored.title_en, stored.summary_en) == (
        "First editor's title",
        "Second editor's summary.",
    )


@pytest.mark.django_db
def test_editors_older_form_of_a_published_practice_makes_no_pending_change(client, editor):
    practice = PracticeFactory(status=Status.PUBLISHED)
    client.force_login(editor)
    stale = practice_form_data(practice, title_en="Correction")
    Practice.objects.filter(pk=practice.pk).update(lock_version=stale["edit_version"] + 1)
    assert client.post(change_url(practice), stale).status_code == 200
    assert not PracticeDraft.objects.exists()


def theme_data(theme, **changes):
    data = {"slug": theme.slug, "position": theme.position, "edit_version": theme.lock_version}
    for name in ("name", "description"):
        for code in ("fi", "sv", "en"):
            data[f"{name}_{code}"] = getattr(theme, f"{name}_{code}") or ""
    return {**data, **changes}


def page_data(page, **changes):
    data = {"key": page.key, "edit_version": page.lock_version}
    for name in ("title", "body"):
        for code in ("fi", "sv", "en"):
            data[f"{name}_{code}"] = getattr(page, f"{name}_{code}")
    return {**data, **changes}


def make_page():
    return Page.objects.create(
        key="about",
        **{f"title_{c}": f"About {c}" for c in ("fi", "sv", "en")},
        **{f"body_{c}": f"Text {c}" for c in ("fi", "sv", "en")},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make", "form_data", "first", "second"),
    [
        (MunicipalityFactory, municipality_form_data, {"name_en": "First"}, {"name_sv": "Andra"}),
        (ThemeFactory, theme_data, {"name_en": "First"}, {"description_en": "Second"}),
        (make_page, page_data, {"title_en": "First"}, {"body_en": "Second"}),
    ],
    ids=["municipality", "theme", "page"],
)
def test_older_form_of_a_municipality_term_or_page_cannot_overwrite(
    client, editor, make, form_data, first, second
):
    obj = make()
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    older = form_data(obj, **second)
    assert client.post(change_url(obj), form_data(obj, **first)).status_code == 302
    response = client.post(change_url(obj), older)
    assert response.status_code == 200
    html = response.content.decode()
    assert "after you opened it. Nothing was saved." in html
    [(name, value)] = second.items()
    assert value in html
    obj.refresh_from_db()
    [(first_name, first_value)] = first.items()
    assert getattr(obj, first_name) == first_value
    assert getattr(obj, name) != value
    assert obj.lock_version == 1


@pytest.mark.django_db
def test_a_slug_that_is_another_practices_old_address_cannot_be_taken(client, editor):
    published = PracticeFactory(slug_en="old-address")
    published.slug_en = "new-address"
    published.save()
    slug_changes_record(instance=published, old_slugs={"en": "old-address"})
    draft = PracticeFactory(status=Status.DRAFT)
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = post_practice_form(client, draft, slug_en="old-address")
    assert response.status_code == 200
    assert f"This is an old address of “{published}” and keeps leading there" in (
        response.content.decode()
    )
    moved = client.get("/en/practices/old-address/")
    assert moved.status_code == 301
    assert moved["Location"] == published.get_absolute_url("en")


@pytest.mark.django_db
def test_recording_slug_changes_never_moves_an_old_address_to_another_object():
    first = PracticeFactory()
    second = PracticeFactory()
    slug_changes_record(instance=first, old_slugs={"en": "shared-old"})
    slug_changes_record(instance=second, old_slugs={"en": "shared-old"})
    redirect = SlugRedirect.objects.get(slug="shared-old")
    assert redirect.object_id == first.pk
