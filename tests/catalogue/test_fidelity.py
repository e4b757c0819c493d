"""The catalogue against its source, the 2017 Kuntaliitto publication.

Nothing may be paraphrased away: each practice's original-language description must stand
in the source text, word for word, once whitespace, hyphenation and a listed set of typo
corrections are accounted for. The counts per municipality were written down by hand from
the document, heading by heading.
"""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from catalogue.models import Practice
from municipalities.models import Municipality

# A copy of the text extraction of the publication's PDF, kept with the fixtures it checks.
SOURCE = Path(settings.BASE_DIR) / "fixtures" / "source" / "kunnat-kotouttavat-2017.txt"
FIXTURES = Path(settings.CATALOGUE_FIXTURES_DIR)

# Practices led by each municipality, counted from the document's body (not its contents,
# which misses four of them). Infopankki, the section on immigrant councils and the
# Kuntaliitto / MonikaNaiset practice have no lead municipality.
LED_BY = {
    "049": 3,  # Espoo
    "091": 4,  # Helsinki
    "109": 4,  # Hämeenlinna
    "140": 1,  # Iisalmi (for the seven Ylä-Savo municipalities)
    "598": 2,  # Pietarsaari / Jakobstad (for the Jakobstad region)
    "167": 1,  # Joensuu
    "186": 1,  # Järvenpää
    "235": 1,  # Kauniainen
    "272": 1,  # Kokkola
    "297": 3,  # Kuopio
    "398": 1,  # Lahti
    "491": 2,  # Mikkeli
    "508": 1,  # Mänttä-Vilppula
    "545": 1,  # Närpiö (for the K5 municipalities)
    "564": 3,  # Oulu
    "445": 1,  # Parainen / Pargas
    "638": 2,  # Porvoo
    "615": 2,  # Pudasjärvi
    "753": 2,  # Sipoo
    "837": 3,  # Tampere
    "853": 4,  # Turku
    "905": 2,  # Vaasa
    "092": 4,  # Vantaa
    None: 3,
}

# Practices each municipality runs or takes part in: its own, plus Infopankki for the 16
# municipalities the document lists, MoniNaisten Talo for Helsinki (its funder) and the
# cooperation practices for the members the document names.
TAKES_PART_IN = {
    **{code: count for code, count in LED_BY.items() if code},
    "091": 6,
    "049": 4,
    "092": 5,
    "235": 2,
    "853": 5,
    "837": 4,
    "491": 3,
    "167": 2,
    "272": 2,
    "564": 4,
    # Infopankki only:
    "678": 1,  # Raahe
    "748": 1,  # Siikajoki
    "625": 1,  # Pyhäjoki
    "208": 1,  # Kalajoki
    "489": 1,  # Merijärvi
    "698": 1,  # Rovaniemi
    # Ylä-Savo, besides Iisalmi:
    "239": 1,
    "263": 1,
    "402": 1,
    "595": 1,
    "762": 1,
    "925": 1,
    # The Jakobstad region's two practices, besides Jakobstad:
    "599": 2,
    "440": 2,
    "893": 2,
    "288": 2,  # Kruunupyy
    # K5, besides Närpiö:
    "287": 1,
    "475": 1,
    "280": 1,
    "231": 1,
}


def normalise(text: str) -> str:
    return " ".join(text.split())


def normalised_source() -> str:
    text = SOURCE.read_text(encoding="utf-8")
    # A hyphen that ends a line right after a letter, before a lower-case word part (even
    # across a page break), is hyphenation: "Piela-\nvesi" is "Pielavesi".
    text = re.sub(r"(?<=[^\W\d_])-\n\s*(?=[a-zåäö])", "", text)
    return normalise(text)


def records():
    for path in sorted((FIXTURES / "practices").glob("*.yaml")):
        yield from yaml.safe_load(path.read_text(encoding="utf-8"))


def about_record():
    return yaml.safe_load((FIXTURES / "pages.yaml").read_text(encoding="utf-8"))[0]


def corrected_source(corrections) -> str:
    text = normalised_source()
    for correction in corrections or []:
        text = text.replace(correction["from"], correction["to"])
    return text


@pytest.mark.parametrize("record", list(records()), ids=lambda r: f"practice-{r['id']}")
def test_original_description_stands_in_the_source(record):
    original = record["original_language"]
    source = corrected_source(record.get("corrections"))
    assert normalise(record["description"][original]) in source
    assert normalise(record["title"][original]) in source


@pytest.mark.parametrize(
    "record", [*records(), about_record()], ids=lambda r: f"record-{r.get('id', 'about')}"
)
def test_every_typo_correction_names_a_real_passage(record):
    source = normalised_source()
    for correction in record.get("corrections") or []:
        assert source.count(correction["from"]) == 1, correction


def test_about_page_is_the_documents_opening_chapter():
    record = about_record()
    assert normalise(record["body"]["fi"]) in corrected_source(record["corrections"])
    assert normalise(record["body"]["fi"]).startswith("Suomi muuttuu yhä monikulttuurisemmaksi")


def test_practice_ids_run_in_the_documents_order_without_gaps():
    ids = [record["id"] for record in records()]
    assert ids == list(range(1, len(ids) + 1))
    pages = [record["source_page"] for record in records()]
    assert pages == sorted(pages)
    assert pages[0] == 5 and pages[-1] == 24


@pytest.mark.django_db
def test_every_practice_is_complete_in_three_languages(catalogue):
    practices = list(Practice.objects.prefetch_related("target_groups", "themes"))
    assert len(practices) == 52
    for practice in practices:
        for field in ("title", "summary", "description", "slug"):
            values = [getattr(practice, f"{field}_{code}") for code in ("fi", "sv", "en")]
            assert all(value and value.strip() for value in values), (practice.pk, field)
            if field in ("summary", "description"):
                assert len(set(values)) == 3, (practice.pk, field, "copies of one another")
        assert practice.target_groups.all(), practice.pk
        assert practice.themes.all(), practice.pk
        assert practice.source_page, practice.pk


@pytest.mark.django_db
def test_practices_per_lead_municipality_match_the_document(catalogue):
    counted = Counter(
        code for code in Practice.objects.values_list("lead_municipality__code", flat=True)
    )
    assert dict(counted) == LED_BY


@pytest.mark.django_db
def test_practices_per_municipality_match_the_document(catalogue):
    counted = {
        m.code: m.practices.count()
        for m in Municipality.objects.prefetch_related("practices")
        if m.practices.count()
    }
    assert counted == TAKES_PART_IN


@pytest.mark.django_db
def test_swedish_originals_are_marked_as_swedish(catalogue):
    swedish = set(
        Practice.objects.filter(original_language="sv").values_list("title_sv", flat=True)
    )
    assert swedish == {
        "Enheten för alla invandrare",
        "Starkt samarbete i Jakobstadsregionens fem kommuner",
        "Närsamhället stöder integrationen",
    }


@pytest.mark.django_db
def test_municipality_codes_are_three_digit_and_unique(catalogue):
    codes = list(Municipality.objects.values_list("code", flat=True))
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[0-9]{3}", code) for code in codes)


@pytest.mark.django_db
def test_infopankki_keeps_ylivieskan_seutu_as_an_area_not_a_municipality(catalogue):
    infopankki = Practice.objects.get(pk=13)
    assert infopankki.lead_municipality is None
    assert list(infopankki.areas.values_list("slug", flat=True)) == ["ylivieskan-seutu"]
    assert infopankki.municipalities.count() == 16
    assert not infopankki.service_languages.exists()  # "12 kielellä" names no language
