import shutil
from io import StringIO

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Language, Page, PartnerOrganisation, Practice, TargetGroup, Theme
from municipalities.models import CooperationArea, Municipality, Region
from tests.admin_forms import post_practice_form

MODELS = [
    Region,
    Municipality,
    CooperationArea,
    TargetGroup,
    Theme,
    Language,
    PartnerOrganisation,
    Page,
    Practice,
]


def snapshot() -> str:
    return "".join(serializers.serialize("json", model.objects.order_by("pk")) for model in MODELS)


@pytest.mark.django_db
def test_load_catalogue_loads_the_whole_catalogue(catalogue):
    assert Practice.objects.count() == 52
    assert Municipality.objects.count() == 43
    assert Page.objects.get(key="about").title_fi.startswith("Monimuotoinen kunta")
    espoo = Municipality.objects.get(code="049")
    assert (espoo.name_fi, espoo.name_sv, espoo.region.name_fi) == ("Espoo", "Esbo", "Uusimaa")
    assert Municipality.objects.get(code="445").name_sv == "Pargas"


@pytest.mark.django_db
def test_load_catalogue_twice_changes_and_duplicates_nothing(catalogue, capsys):
    before = snapshot()
    call_command("load_catalogue")
    assert snapshot() == before
    assert "Already up to date." in capsys.readouterr().out


@pytest.mark.django_db
def test_load_catalogue_restores_an_edited_text_and_a_removed_link(catalogue):
    practice = Practice.objects.get(pk=1)
    original_title = practice.title_sv
    Practice.objects.filter(pk=1).update(title_sv="Muokattu", updated_at=timezone.now())
    practice.themes.clear()
    call_command("load_catalogue", verbosity=0)
    practice.refresh_from_db()
    assert practice.title_sv == original_title
    assert practice.themes.exists()


@pytest.mark.django_db
def test_a_practice_added_after_loading_gets_a_fresh_id(catalogue):
    new = Practice.objects.create(title_fi="Uusi", summary_fi="Uusi.", description_fi="Uusi.")
    assert new.pk > 52


@pytest.mark.django_db
def test_broken_fixtures_load_nothing_and_name_the_problem(settings, tmp_path):
    directory = tmp_path / "catalogue"
    shutil.copytree(settings.CATALOGUE_FIXTURES_DIR, directory)
    practices = directory / "practices" / "04-pudasjarvi-vantaa-kuntaliitto.yaml"
    practices.write_text(
        practices.read_text(encoding="utf-8").replace(
            'lead_municipality: "092"', 'lead_municipality: "999"', 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=r"practice 4\d: unknown municipality 999"):
        call_command("load_catalogue", directory=directory, verbosity=0)
    assert not Practice.objects.exists()
    assert not Municipality.objects.exists()


@pytest.mark.django_db
def test_start_up_load_never_overwrites_an_editors_change(catalogue):
    Practice.objects.filter(pk=1).update(title_en="Edited in the admin")
    call_command("load_catalogue", only_if_empty=True, verbosity=0)
    assert Practice.objects.get(pk=1).title_en == "Edited in the admin"


@pytest.mark.django_db
def test_start_up_load_fills_an_empty_database():
    call_command("load_catalogue", only_if_empty=True, verbosity=0)
    assert Practice.objects.count() == 52


@pytest.mark.django_db
def test_generate_practices_adds_linked_searchable_practices(catalogue, client):
    call_command("generate_practices", 30, verbosity=0)
    assert Practice.objects.count() == 82
    synthetic = Practice.objects.filter(source_page__isnull=True)
    assert synthetic.count() == 30
    assert all(p.municipalities.exists() and p.themes.exists() for p in synthetic)
    assert client.get(synthetic.first().get_absolute_url("sv")).status_code == 200
    new = Practice.objects.create(title_fi="Uusi", summary_fi="Uusi.", description_fi="Uusi.")
    assert new.pk == 83


@pytest.mark.django_db
def test_generate_practices_needs_the_catalogue():
    with pytest.raises(CommandError, match="Load the catalogue first"):
        call_command("generate_practices", 5, verbosity=0)


# What staff changed in the admin (issue 10, point 6) ----------------------------------


def load(*args) -> str:
    out = StringIO()
    call_command("load_catalogue", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_catalogue_keeps_a_practice_changed_in_the_admin_and_says_so(
    catalogue, client, publisher
):
    practice = Practice.objects.get(pk=1)
    fixture_title = practice.title_en
    client.force_login(publisher)
    assert post_practice_form(client, practice, title_en="Edited in the admin").status_code == 302
    output = load()
    assert "Kept, changed in the admin since the last load (--force overwrites):" in output
    assert "  practice 1 Edited in the admin" in output
    assert Practice.objects.get(pk=1).title_en == "Edited in the admin"
    forced = load("--force")
    assert "Overwritten, although changed in the admin since the last load:" in forced
    assert "  practice 1 Edited in the admin" in forced
    assert Practice.objects.get(pk=1).title_en == fixture_title


@pytest.mark.django_db
def test_load_catalogue_keeps_a_municipality_renamed_in_the_admin(catalogue, client, editor):
    espoo = Municipality.objects.get(code="049")
    client.force_login(editor)
    data = {
        "code": espoo.code,
        "region": espoo.region_id,
        "edit_version": espoo.lock_version,
        **{f"name_{c}": getattr(espoo, f"name_{c}") for c in ("fi", "sv", "en")},
        **{f"slug_{c}": getattr(espoo, f"slug_{c}") for c in ("fi", "sv", "en")},
        "name_en": "Espoo City",
    }
    url = reverse("admin:municipalities_municipality_change", args=[espoo.pk])
    assert client.post(url, data).status_code == 302
    assert "  municipality " in load()
    assert Municipality.objects.get(code="049").name_en == "Espoo City"


@pytest.mark.django_db
def test_translations_matching_the_fixture_again_are_no_longer_marked_out_of_date(
    catalogue, client, publisher
):
    practice = Practice.objects.get(pk=1)
    fixture_title = practice.title_fi
    client.force_login(publisher)
    post_practice_form(client, practice, title_fi="Muutettu otsikko")
    practice.refresh_from_db()
    assert (practice.outdated_sv, practice.outdated_en) == (True, True)
    post_practice_form(client, practice, title_fi=fixture_title)
    practice.refresh_from_db()
    assert (practice.outdated_sv, practice.outdated_en) == (True, True)
    load()
    practice.refresh_from_db()
    assert (practice.outdated_fi, practice.outdated_sv, practice.outdated_en) == (
        False,
        False,
        False,
    )


@pytest.mark.django_db
def test_forced_load_restores_the_original_and_clears_the_marks(catalogue, client, publisher):
    practice = Practice.objects.get(pk=1)
    client.force_login(publisher)
    post_practice_form(client, practice, description_fi="Uusi kuvaus.")
    load("--force")
    practice.refresh_from_db()
    assert (practice.outdated_sv, practice.outdated_en) == (False, False)


@pytest.mark.django_db
def test_a_form_opened_before_a_load_cannot_overwrite_what_the_load_wrote(
    catalogue, client, editor
):
    espoo = Municipality.objects.get(code="049")
    opened = {
        "code": espoo.code,
        "region": espoo.region_id,
        "edit_version": espoo.lock_version,
        **{f"name_{c}": getattr(espoo, f"name_{c}") for c in ("fi", "sv", "en")},
        **{f"slug_{c}": getattr(espoo, f"slug_{c}") for c in ("fi", "sv", "en")},
        "name_en": "Espoo City",
    }
    Municipality.objects.filter(pk=espoo.pk).update(slug_en="espoo-old")
    load()
    assert Municipality.objects.get(pk=espoo.pk).slug_en == espoo.slug_en
    url = reverse("admin:municipalities_municipality_change", args=[espoo.pk])
    client.force_login(editor)
    assert client.post(url, opened).status_code == 200
    assert Municipality.objects.get(pk=espoo.pk).name_en == espoo.name_en
