"""Catalogues loaded before the partners' notes get them from a data migration, and what an
editor wrote stays."""

import importlib

import pytest
import yaml
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from catalogue.models import PartnerOrganisation

migration = importlib.import_module("catalogue.migrations.0017_partner_changes_since_source_texts")


@pytest.fixture
def historical():
    return (
        MigrationLoader(connection)
        .project_state(("catalogue", "0017_partner_changes_since_source_texts"))
        .apps
    )


def test_migration_texts_are_the_fixtures():
    path = settings.BASE_DIR / "fixtures" / "catalogue" / "partners.yaml"
    fixture = {r["slug"]: r.get("changes_since_source") for r in yaml.safe_load(path.read_text())}
    assert {slug: note for slug, note in fixture.items() if note} == migration.NOTES


@pytest.mark.django_db
def test_migration_gives_an_older_catalogue_the_notes(catalogue, historical):
    PartnerOrganisation.objects.update(
        changes_since_source="",
        changes_since_source_fi="",
        changes_since_source_sv="",
        changes_since_source_en="",
    )
    migration.forwards(historical, None)
    te_office = PartnerOrganisation.objects.get(slug="te-toimisto")
    assert te_office.changes_since_source_sv.startswith("TE-byråerna lades ned den 1 januari")
    assert te_office.changes_since_source_fi == te_office.changes_since_source
    assert PartnerOrganisation.objects.get(slug="raha-automaattiyhdistys").changes_since_source_en
    assert not PartnerOrganisation.objects.get(slug="kuntaliitto").changes_since_source_en


@pytest.mark.django_db
def test_migration_keeps_what_an_editor_wrote(catalogue, historical):
    PartnerOrganisation.objects.filter(slug="te-toimisto").update(
        changes_since_source_en="Editor's own note.", changes_since_source_sv=""
    )
    migration.forwards(historical, None)
    te_office = PartnerOrganisation.objects.get(slug="te-toimisto")
    assert te_office.changes_since_source_en == "Editor's own note."
    assert te_office.changes_since_source_sv == migration.TE_OFFICE["sv"]
