"""History that cannot escalate (issue 10, point 5): every route an editor has, as an editor.

Each test ends by checking that the public pages did not change.
"""

import pytest
import reversion
from django.contrib.admin.utils import quote
from django.urls import reverse
from reversion.models import Version

from catalogue.models import Practice, PracticeDraft, Status
from municipalities.models import Municipality
from tests.admin_forms import post_practice_form, practice_form_data
from tests.factories import MunicipalityFactory, PracticeFactory
from tests.staff import public_pages

CHANGELIST = "/admin/catalogue/practice/"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE = False


def revert_url(obj, version):
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_revision", args=[quote(obj.pk), version.pk]
    )


def recover_url(model, version):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_recover", args=[version.pk])


@pytest.fixture
def shared_revision(db):
    """One revision holding a municipality and three practices, as the first catalogue load
    did; afterwards one practice is archived, one deleted and one edited by a publisher."""
    municipality = MunicipalityFactory(name_en="Old name")
    archived = PracticeFactory(title_en="Archived one", lead_municipality=municipality)
    deleted = PracticeFactory(title_en="Deleted one", lead_municipality=municipality)
    edited = PracticeFactory(title_en="Fixture text", lead_municipality=municipality)
    with reversion.create_revision():
        for obj in (municipality, archived, deleted, edited):
            obj.save()
    Practice.objects.filter(pk=archived.pk).update(status=Status.ARCHIVED)
    with reversion.create_revision():
        Practice.objects.get(pk=edited.pk).save()  # the publisher's later edit is a version too
    Practice.objects.filter(pk=edited.pk).update(title_en="Publisher's edit")
    deleted_pk = deleted.pk
    deleted.delete()
    municipality.name_en = "New name"
    municipality.save()
    return {
        "municipality": municipality,
        "archived": Practice.objects.get(pk=archived.pk),
        "edited": Practice.objects.get(pk=edited.pk),
        "deleted_pk": deleted_pk,
        "version": Version.objects.get_for_object(municipality).order_by("pk").first(),
    }


@pytest.mark.django_db
def test_editors_revert_of_a_municipality_touches_that_municipality_only(
    client, editor, shared_revision
):
    archived, edited = shared_revision["archived"], shared_revision["edited"]
    municipality = shared_revision["municipality"]
    before = public_pages(archived, edited)
    client.force_login(editor)
    url = revert_url(municipality, shared_revision["version"])
    form = client.get(url)
    assert form.status_code == 200
    assert 'value="Old name"' in form.content.decode()
    data = {
        "code": municipality.code,
        "name_fi": municipality.name_fi,
        "name_sv": municipality.name_sv,
        "name_en": "Old name",
        "slug_fi": municipality.slug_fi,
        "slug_sv": municipality.slug_sv,
        "slug_en": municipality.slug_en,
        "region": municipality.region_id,
        "edit_version": Municipality.objects.get(pk=municipality.pk).lock_version,
    }
    assert client.post(url, data).status_code == 302
    assert Municipality.objects.get(pk=municipality.pk).name_en == "Old name"
    assert Practice.objects.get(pk=archived.pk).status == Status.ARCHIVED
    assert not Practice.objects.filter(pk=shared_revision["deleted_pk"]).exists()
    assert Practice.objects.get(pk=edited.pk).title_en == "Publisher's edit"
    after = public_pages(archived, edited)
    changed = [url for url in before if before[url] != after[url]]
    # Only the municipality's own name changed, on the pages that show it.
    assert all("Old name" in after[url][1] for url in changed)


@pytest.mark.django_db
def test_a_version_of_another_model_cannot_be_reverted_through_the_practice_admin(
    client, publisher, shared_revision
):
    client.force_login(publisher)
    version = shared_revision["version"]
    url = reverse("admin:catalogue_practice_revision", args=[version.object_id, version.pk])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_editors_revert_of_a_published_practice_becomes_a_pending_change(client, editor):
    practice = PracticeFactory(title_en="First title")
    with reversion.create_revision():
        practice.save()
    old = Version.objects.get_for_object(practice).first()
    Practice.objects.filter(pk=practice.pk).update(title_en="Second title")
    before = public_pages(practice)
    client.force_login(editor)
    url = revert_url(practice, old)
    form = client.get(url).content.decode()
    assert 'value="First title"' in form
    data = practice_form_data(Practice.objects.get(pk=practice.pk), title_en="First title")
    response = client.post(url, data)
    draft = PracticeDraft.objects.get()
    assert response["Location"] == reverse("admin:catalogue_practicedraft_change", args=[draft.pk])
    assert draft.changes == {"title_en": "First title"}
    assert Practice.objects.get(pk=practice.pk).title_en == "Second title"
    assert public_pages(practice) == before


@pytest.mark.django_db
def test_editors_revert_to_a_published_version_keeps_a_draft_a_draft(client, editor):
    practice = PracticeFactory(status=Status.PUBLISHED, title_en="Published title")
    with reversion.create_revision():
        practice.save()
    published_version = Version.objects.get_for_object(practice).first()
    Practice.objects.filter(pk=practice.pk).update(status=Status.DRAFT, title_en="Draft title")
    client.force_login(editor)
    url = revert_url(practice, published_version)
    html = client.get(url).content.decode()
    assert 'value="Published title"' in html
    data = practice_form_data(Practice.objects.get(pk=practice.pk), title_en="Published title")
    assert client.post(url, data).status_code == 302
    reverted = Practice.objects.get(pk=practice.pk)
    assert (reverted.title_en, reverted.status) == ("Published title", Status.DRAFT)
    client.logout()
    assert client.get(f"/p/{practice.pk}/").status_code == 404


@pytest.mark.django_db
def test_editor_cannot_revert_an_archived_practice(client, editor):
    practice = PracticeFactory(status=Status.PUBLISHED, title_en="Was public")
    with reversion.create_revision():
        practice.save()
    version = Version.objects.get_for_object(practice).first()
    Practice.objects.filter(pk=practice.pk).update(status=Status.ARCHIVED)
    client.force_login(editor)
    url = revert_url(practice, version)
    assert client.get(url).status_code == 403
    data = practice_form_data(Practice.objects.get(pk=practice.pk))
    assert client.post(url, data).status_code == 403
    assert Practice.objects.get(pk=practice.pk).status == Status.ARCHIVED
    assert client.get(f"/p/{practice.pk}/").status_code == 404


@pytest.mark.django_db
def test_editor_recovers_a_deleted_published_practice_as_a_draft_only(client, editor):
    practice = PracticeFactory(status=Status.PUBLISHED, title_fi="Poistettu käytäntö")
    with reversion.create_revision():
        practice.save()
    pk = practice.pk
    data = practice_form_data(practice, edit_version=0)
    practice.delete()
    before = public_pages()
    version = Version.objects.get_deleted(Practice).get(object_id=str(pk))
    client.force_login(editor)
    listing = client.get(reverse("admin:catalogue_practice_recoverlist")).content.decode()
    assert "Poistettu käytäntö" in listing
    form = client.get(recover_url(Practice, version))
    assert form.status_code == 200
    assert not Practice.objects.filter(pk=pk).exists()  # showing the form writes nothing
    assert client.post(recover_url(Practice, version), data).status_code == 302
    recovered = Practice.objects.get(pk=pk)
    assert recovered.status == Status.DRAFT
    assert recovered.title_fi == "Poistettu käytäntö"
    assert public_pages() == before
    client.logout()
    assert client.get(f"/p/{pk}/").status_code == 404


@pytest.mark.django_db
def test_publisher_recovers_a_deleted_practice_in_its_state(client, publisher):
    practice = PracticeFactory(status=Status.PUBLISHED)
    with reversion.create_revision():
        practice.save()
    pk = practice.pk
    data = practice_form_data(practice, edit_version=0)
    practice.delete()
    version = Version.objects.get_deleted(Practice).get(object_id=str(pk))
    client.force_login(publisher)
    assert client.post(recover_url(Practice, version), data).status_code == 302
    assert Practice.objects.get(pk=pk).status == Status.PUBLISHED


@pytest.mark.django_db
def test_editors_changelist_actions_cannot_publish_or_archive(client, editor):
    draft = PracticeFactory(status=Status.IN_REVIEW)
    live = PracticeFactory(status=Status.PUBLISHED)
    before = public_pages(draft, live)
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    for action in ("publish", "archive", "restore"):
        response = client.post(
            CHANGELIST,
            {"action": action, "_selected_action": [draft.pk, live.pk]},
            follow=True,
        )
        assert "No action selected." in response.content.decode(), action
    assert Practice.objects.get(pk=draft.pk).status == Status.IN_REVIEW
    assert Practice.objects.get(pk=live.pk).status == Status.PUBLISHED
    assert public_pages(draft, live) == before


@pytest.mark.django_db
def test_editor_cannot_delete(client, editor):
    live = PracticeFactory(status=Status.PUBLISHED)
    before = public_pages(live)
    client.force_login(editor)
    url = reverse("admin:catalogue_practice_delete", args=[live.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert public_pages(live) == before


@pytest.mark.django_db
def test_editor_saving_a_published_practice_changes_no_public_page(client, editor):
    live = PracticeFactory(status=Status.PUBLISHED)
    before = public_pages(live)
    client.force_login(editor)
    assert post_practice_form(client, live, title_fi="Toinen otsikko").status_code == 302
    assert public_pages(live) == before


@pytest.mark.django_db
def test_loader_records_one_revision_per_object(catalogue):
    practice = Practice.objects.get(pk=1)
    version = Version.objects.get_for_object(practice).get()
    assert version.revision.version_set.count() == 1
    assert Version.objects.count() == Version.objects.values("revision").distinct().count()
