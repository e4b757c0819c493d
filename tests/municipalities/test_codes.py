"""Municipality codes are the keys of the API and the exports: they must be Statistics
Finland's, and the names the official ones."""

import importlib
from pathlib import Path

import pytest
import yaml

from catalogue.models import Practice
from municipalities.models import CooperationArea, Municipality
from tests.factories import PracticeFactory, RegionFactory

KRUUNUPYY_MIGRATION = importlib.import_module(
    "municipalities.migrations.0002_opendata_kruunupyy_code"
)
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "catalogue" / "municipalities.yaml"

# Statistics Finland's municipality codes and the official Finnish and Swedish names of
# every municipality in the fixture (Tilastokeskus, kuntaluokitus; checked by hand).
OFFICIAL = {
    "049": ("Espoo", "Esbo"),
    "091": ("Helsinki", "Helsingfors"),
    "092": ("Vantaa", "Vanda"),
    "109": ("Hämeenlinna", "Tavastehus"),
    "140": ("Iisalmi", "Idensalmi"),
    "167": ("Joensuu", "Joensuu"),
    "186": ("Järvenpää", "Träskända"),
    "208": ("Kalajoki", "Kalajoki"),
    "231": ("Kaskinen", "Kaskö"),
    "235": ("Kauniainen", "Grankulla"),
    "239": ("Keitele", "Keitele"),
    "263": ("Kiuruvesi", "Kiuruvesi"),
    "272": ("Kokkola", "Karleby"),
    "280": ("Korsnäs", "Korsnäs"),
    "287": ("Kristiinankaupunki", "Kristinestad"),
    "288": ("Kruunupyy", "Kronoby"),
    "297": ("Kuopio", "Kuopio"),
    "398": ("Lahti", "Lahtis"),
    "402": ("Lapinlahti", "Lapinlax"),
    "440": ("Luoto", "Larsmo"),
    "445": ("Parainen", "Pargas"),
    "475": ("Maalahti", "Malax"),
    "489": ("Merijärvi", "Merijärvi"),
    "491": ("Mikkeli", "S:t Michel"),
    "508": ("Mänttä-Vilppula", "Mänttä-Vilppula"),
    "545": ("Närpiö", "Närpes"),
    "564": ("Oulu", "Uleåborg"),
    "595": ("Pielavesi", "Pielavesi"),
    "598": ("Pietarsaari", "Jakobstad"),
    "599": ("Pedersöre", "Pedersöre"),
    "615": ("Pudasjärvi", "Pudasjärvi"),
    "625": ("Pyhäjoki", "Pyhäjoki"),
    "638": ("Porvoo", "Borgå"),
    "678": ("Raahe", "Brahestad"),
    "698": ("Rovaniemi", "Rovaniemi"),
    "748": ("Siikajoki", "Siikajoki"),
    "753": ("Sipoo", "Sibbo"),
    "762": ("Sonkajärvi", "Sonkajärvi"),
    "837": ("Tampere", "Tammerfors"),
    "853": ("Turku", "Åbo"),
    "893": ("Uusikaarlepyy", "Nykarleby"),
    "905": ("Vaasa", "Vasa"),
    "925": ("Vieremä", "Vieremä"),
}


def test_every_municipality_in_the_fixture_has_its_official_code_and_names():
    fixture = {
        m["code"]: (m["name"]["fi"], m["name"]["sv"])
        for m in yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    }
    assert fixture == OFFICIAL


@pytest.mark.django_db
def test_loaded_catalogue_keys_kruunupyy_by_288_and_kannus_code_is_unused(catalogue):
    assert Municipality.objects.get(code="288").name_fi == "Kruunupyy"
    assert not Municipality.objects.filter(code="217").exists()
    assert dict(Municipality.objects.values_list("code", "name_fi")) == {
        code: names[0] for code, names in OFFICIAL.items()
    }


@pytest.mark.django_db
def test_migration_moves_kruunupyy_to_288_keeping_its_pages_and_links():
    """The data migration's own function, on a database that still has the wrong code."""
    from django.apps import apps

    kruunupyy = Municipality.objects.create(
        code="217",
        name_fi="Kruunupyy",
        name_sv="Kronoby",
        name_en="Kronoby",
        slug_fi="kruunupyy",
        slug_sv="kronoby",
        slug_en="kronoby",
        region=RegionFactory(),
    )
    practice = PracticeFactory(municipalities=[kruunupyy])
    area = CooperationArea.objects.create(slug="jakobstadsregionen", name="Jakobstad")
    area.members.add(kruunupyy)

    KRUUNUPYY_MIGRATION.forwards(apps, None)

    moved = Municipality.objects.get(pk=kruunupyy.pk)
    assert moved.code == "288"
    assert moved.get_absolute_url("sv") == "/sv/kommuner/kronoby/"
    assert moved in Practice.objects.get(pk=practice.pk).municipalities.all()
    assert list(area.members.all()) == [moved]
    KRUUNUPYY_MIGRATION.backwards(apps, None)
    assert Municipality.objects.get(pk=kruunupyy.pk).code == "217"
