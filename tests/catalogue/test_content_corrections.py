"""The corrections of the translation review (issue 15): in a fresh load and in old databases.

The fixtures are checked against strings written out here by hand, per practice, field and
language; the data migration is checked on a database that still holds the old texts, and
on one where a staff member has edited a text since (that edit must stay).
"""

import importlib
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

from catalogue.models import Page, Practice, TargetGroup, Theme
from municipalities.models import CooperationArea

migration = importlib.import_module("catalogue.migrations.0008_content_corrections")

# (practice id, field, text it must contain, text it must no longer contain)
PRACTICE_TEXTS = [
    (3, "description_sv", "som byggde på avsiktsförklaringen", "som bygger på"),
    (10, "summary_sv", "får klienterna inom flyktingmottagningen", "kunderna"),
    (10, "description_sv", "Klienterna inom flyktingmottagningen får hjälp", "Kunderna"),
    (10, "description_sv", "Handledarna hjälper klienterna", "kunderna"),
    (12, "summary_sv", "De sju kommunerna i Övre Savolax har", "Ylä-Savo"),
    (12, "description_sv", "Övre Savolax består av sju kommuner", "Ylä-Savo"),
    (12, "description_sv", "Målet i Övre Savolax har varit", "Ylä-Savo"),
    (12, "summary_en", "The seven municipalities of Ylä-Savo (Upper Savo)", "Savonia"),
    (12, "description_en", "Ylä-Savo (Upper Savo) consists of", "Savonia"),
    (13, "title_en", "Information package on Finland for foreigners", "An information"),
    (13, "summary_en", "InfoFinland (Infopankki, www.infopankki.fi) is a website", "Infopankki ("),
    (13, "summary_sv", "InfoFinland (www.infopankki.fi) är en webbplats", "Infopankki ("),
    (13, "description_en", "The InfoFinland (Infopankki) website brings", "The Infopankki"),
    (13, "description_en", "Taking part in InfoFinland are", "in Infopankki"),
    (13, "description_en", "Kokkola, the Ylivieska sub-region, Raahe", "Ylivieskan seutu"),
    (13, "description_sv", "På webbplatsen InfoFinland har man", "Infopankki"),
    (13, "description_sv", "Karleby, Ylivieskaregionen, Brahestad", "Ylivieskan seutu"),
    (15, "description_en", "placed in the municipality best able to receive them", "whichever"),
    (27, "summary_en", "to settle in the city, for example", "town"),
    (27, "description_en", "so that the city gains young residents", "town"),
    (28, "description_sv", "Invandrarna får en inledande kartläggning", "För varje invandrare"),
    (28, "description_en", "Immigrants are given an initial assessment", "Each immigrant"),
    (28, "summary_en", "supported through the city's services", "town"),
    (32, "description_sv", "De frivilliga ställer upp som värfamiljer,", "värdfamilj"),
    (32, "description_sv", "majoriteten av värfamiljerna är svenskspråkiga", "värdfamilj"),
    (32, "description_fi", "Vapaaehtoiset perheet auttavat lastenhoidossa", "isäntäperhe"),
    (32, "description_fi", "suurin osa vapaaehtoisperheistä on ruotsinkielisiä", "isäntäperhe"),
    (32, "description_en", "Volunteer families help with childcare", "host famil"),
    (32, "description_en", "most of the volunteer families are Swedish-speaking", "host famil"),
    (32, "description_en", "The city also received quota refugees", "town"),
    (32, "summary_sv", "och frivilliga familjer hjälper till", "värdfamilj"),
    (32, "summary_fi", "ja vapaaehtoiset perheet auttavat", "isäntäperhe"),
    (32, "summary_en", "and volunteer families help with childcare", "host famil"),
    (
        43,
        "summary_fi",
        "vastaanotto-, sosiaalityö-, terveydenhuolto- ja kotoutumispalveluja",
        "työn,",
    ),
    (48, "summary_sv", "Vuxeninstitutet Vantaan aikuisopisto ordnar", "Vanda vuxeninstitut"),
    (
        48,
        "description_sv",
        "ordnar vuxeninstitutet Vantaan aikuisopisto kurser",
        "Vanda vuxeninstitut",
    ),
    (48, "description_sv", "Vid Vantaan aikuisopisto kan invandrare", "Vanda vuxeninstitut"),
    (48, "description_sv", "Eiran aikuislukio (ett vuxengymnasium)", "gymnasium för vuxna"),
    (48, "summary_en", "Vantaan aikuisopisto (the Vantaa adult education centre)", "institute"),
    (48, "description_en", "(the Vantaa adult education centre). The centre's", "institute"),
    (52, "summary_fi", "nykyisin MonikaNaiset Liiton MoniNaisten Tila", "liiton MoniNaisten"),
    (52, "summary_sv", "MoniNaisten Tila, som drivs av MonikaNaiset Liitto,", "förbundets"),
    (52, "summary_en", "today MonikaNaiset Liitto's MoniNaisten Tila", "association's MoniNaisten"),
]


@pytest.mark.django_db
def test_loaded_practices_read_as_corrected(catalogue):
    wrong = []
    for pk, field, present, absent in PRACTICE_TEXTS:
        text = getattr(Practice.objects.get(pk=pk), field)
        if present not in text or absent in text:
            wrong.append((pk, field, present, absent))
    assert wrong == []


@pytest.mark.django_db
def test_infofinland_title_in_english_has_no_article(catalogue):
    assert Practice.objects.get(pk=13).title_en == (
        "Information package on Finland for foreigners, www.infopankki.fi"
    )


@pytest.mark.django_db
def test_labels_read_as_corrected_in_every_language(catalogue):
    information = Theme.objects.get(slug="information-services")
    assert (information.name_fi, information.name_sv, information.name_en) == (
        "Tiedotus ja viestintä",
        "Information och kommunikation",
        "Information and communication",
    )
    participation = Theme.objects.get(slug="participation-and-democracy")
    assert (participation.name_fi, participation.name_sv, participation.name_en) == (
        "Osallisuus ja vaikuttaminen",
        "Delaktighet och inflytande",
        "Participation and influence",
    )
    newly_arrived = TargetGroup.objects.get(slug="newly-arrived")
    assert newly_arrived.name_fi == "Äskettäin Suomeen muuttaneet"


@pytest.mark.django_db
def test_area_names_in_practice_texts_are_the_areas_own(catalogue):
    yla_savo = CooperationArea.objects.get(slug="yla-savo")
    ylivieska = CooperationArea.objects.get(slug="ylivieskan-seutu")
    cooperation, infofinland = Practice.objects.get(pk=12), Practice.objects.get(pk=13)
    assert yla_savo.name_sv in cooperation.summary_sv
    assert cooperation.description_sv.count(yla_savo.name_sv) == 6
    assert yla_savo.name_en in cooperation.summary_en
    assert yla_savo.name_en in cooperation.description_en
    assert ylivieska.name_sv in infofinland.description_sv
    assert ylivieska.name_en in infofinland.description_en


@pytest.mark.django_db
def test_english_texts_call_every_kaupunki_a_city(catalogue):
    for practice in Practice.objects.all():
        for field in ("title_en", "summary_en", "description_en"):
            assert not re.search(r"\b[Tt]owns?\b", getattr(practice, field)), (practice.pk, field)
    assert "The City of Pudasjärvi offers" in Practice.objects.get(pk=35).summary_en
    assert "services organised by the city help" in Practice.objects.get(pk=27).description_en


def test_practice_32_keeps_the_sources_uncertain_word_and_says_why():
    path = Path(settings.CATALOGUE_FIXTURES_DIR) / "practices" / "03-kuopio-porvoo.yaml"
    record = next(r for r in yaml.safe_load(path.read_text(encoding="utf-8")) if r["id"] == 32)
    assert record["corrections"] == [{"from": "Endel invandrare", "to": "En del invandrare"}]
    assert "'värfamiljer'/'värfamiljerna' is kept as the source writes it" in record["notes"]
    assert "Saaristo ilman rajoja" in record["notes"]


# The data migration, on a database loaded before the corrections. It runs on the models as
# the migration sees them: plain columns, without modeltranslation's redirection of `summary`
# to the active language.


@pytest.fixture(scope="module")
def historical():
    state = MigrationLoader(None, ignore_no_migrations=True).project_state(
        ("catalogue", "0008_content_corrections")
    )
    return state.apps


def stored(historical, model_name, key, field):
    return getattr(historical.get_model("catalogue", model_name).objects.get(**key), field)


@pytest.fixture
def old_catalogue(catalogue, historical):
    """The catalogue as loaded from the fixtures before the corrections."""
    for model_name, key, field, old, _new in migration.CORRECTIONS:
        values = {field: old}
        if field.endswith("_fi"):  # the untranslated column holds the Finnish text too
            values[field.removesuffix("_fi")] = old
        historical.get_model("catalogue", model_name).objects.filter(**key).update(**values)


def test_migration_names_every_corrected_text_once():
    targets = [
        (model, tuple(key.items()), field) for model, key, field, *_ in migration.CORRECTIONS
    ]
    assert len(targets) == len(set(targets)) == 39
    assert all(old != new for *_, old, new in migration.CORRECTIONS)


@pytest.mark.django_db
def test_migration_writes_what_a_fresh_load_of_the_fixtures_holds(catalogue, historical):
    for model_name, key, field, old, new in migration.CORRECTIONS:
        assert stored(historical, model_name, key, field) == new, (model_name, key, field)
        assert old != new


@pytest.mark.django_db
def test_migration_brings_an_old_catalogue_up_to_the_corrected_texts(old_catalogue, historical):
    before = Practice.objects.get(pk=32).updated_at
    assert Practice.objects.get(pk=32).description_sv.count("värdfamilj") == 2

    corrected = migration.apply_corrections(historical, migration.CORRECTIONS)

    assert corrected == 39 + 7  # and the untranslated column of the 7 Finnish fields
    for model_name, key, field, _old, new in migration.CORRECTIONS:
        assert stored(historical, model_name, key, field) == new, (model_name, key, field)
        if field.endswith("_fi"):
            assert stored(historical, model_name, key, field.removesuffix("_fi")) == new
    assert Practice.objects.get(pk=32).updated_at > before
    assert Theme.objects.get(slug="information-services").name_fi == "Tiedotus ja viestintä"
    assert "Tillstånds- och tillsynsverket" in Page.objects.get(key="accessibility").body_sv


@pytest.mark.django_db
def test_migration_leaves_a_text_a_staff_member_edited(old_catalogue, historical):
    Practice.objects.filter(pk=3).update(description_sv="Redaktörens egen text.")
    edited = "Valvontaviranomainen: henkilökunnan päivittämät yhteystiedot."
    historical.get_model("catalogue", "Page").objects.filter(key="accessibility").update(
        body_fi=edited, body=edited
    )

    migration.forwards(historical, None)

    assert Practice.objects.get(pk=3).description_sv == "Redaktörens egen text."
    assert stored(historical, "Page", {"key": "accessibility"}, "body_fi") == edited
    assert stored(historical, "Page", {"key": "accessibility"}, "body") == edited
    # The fields nobody edited are corrected.
    assert "Tillstånds- och tillsynsverket" in Page.objects.get(key="accessibility").body_sv
    assert "Klienterna inom" in Practice.objects.get(pk=10).description_sv


@pytest.mark.django_db
def test_migration_corrects_a_text_saved_unchanged_from_a_browser_form(old_catalogue, historical):
    old = stored(historical, "Practice", {"id": 12}, "description_sv")
    Practice.objects.filter(pk=12).update(description_sv=old.replace("\n", "\r\n"))

    migration.forwards(historical, None)

    assert Practice.objects.get(pk=12).description_sv.startswith("Övre Savolax består av")


@pytest.mark.django_db
def test_migration_reverses_to_the_old_texts_and_runs_twice_without_change(
    old_catalogue, historical
):
    migration.forwards(historical, None)
    assert migration.apply_corrections(historical, migration.CORRECTIONS) == 0

    migration.backwards(historical, None)

    for model_name, key, field, old, _new in migration.CORRECTIONS:
        assert stored(historical, model_name, key, field) == old, (model_name, key, field)
