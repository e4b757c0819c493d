import pytest
from django.db import DataError, IntegrityError, transaction
from django.utils import translation

from catalogue.models import Practice
from municipalities.models import Municipality
from tests.factories import LanguageFactory, MunicipalityFactory, PracticeFactory, RegionFactory


@pytest.mark.django_db
def test_region_code_must_be_two_digits():
    with pytest.raises(IntegrityError), transaction.atomic():
        RegionFactory(code="1")


@pytest.mark.django_db
def test_language_code_must_be_iso_639():
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        LanguageFactory(code="Arabic")


@pytest.mark.django_db
def test_practice_slug_is_unique_within_a_language():
    PracticeFactory(slug_sv="radgivning")
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeFactory(slug_sv="radgivning")


@pytest.mark.django_db
def test_the_same_slug_may_serve_two_languages():
    practice = PracticeFactory(slug_fi="virka-info", slug_sv="virka-info", slug_en="virka-info")
    assert practice.get_absolute_url("fi") == "/fi/kaytannot/virka-info/"
    assert practice.get_absolute_url("sv") == "/sv/verksamheter/virka-info/"


@pytest.mark.django_db
def test_several_practices_may_lack_a_slug_in_a_language():
    first = PracticeFactory(slug_en=None)
    second = PracticeFactory(slug_en=None)
    assert Practice.objects.filter(pk__in=[first.pk, second.pk], slug_en__isnull=True).count() == 2


@pytest.mark.django_db
def test_an_empty_slug_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeFactory(slug_en="")


@pytest.mark.django_db
def test_a_practice_without_a_slug_in_a_language_has_no_page_in_it():
    practice = PracticeFactory(slug_en=None)
    assert practice.get_absolute_url("en") is None
    assert practice.get_absolute_url("fi").startswith("/fi/kaytannot/")


@pytest.mark.django_db
def test_lead_municipality_is_listed_first():
    lead = MunicipalityFactory(name_fi="Öö")
    other = MunicipalityFactory(name_fi="Aa")
    practice = PracticeFactory(lead_municipality=lead, municipalities=[other])
    assert practice.ordered_municipalities() == [lead, other]


@pytest.mark.django_db
def test_translated_fields_read_in_the_active_language():
    practice = PracticeFactory(title_fi="Neuvonta", title_sv="Rådgivning", title_en="Advice")
    with translation.override("sv"):
        assert str(Practice.objects.get(pk=practice.pk)) == "Rådgivning"
    with translation.override("en"):
        assert str(Practice.objects.get(pk=practice.pk)) == "Advice"


@pytest.mark.django_db
def test_missing_translation_falls_back_to_finnish():
    practice = PracticeFactory(summary_en="")
    with translation.override("en"):
        assert Practice.objects.get(pk=practice.pk).summary == practice.summary_fi


@pytest.mark.django_db
def test_deleting_a_municipality_that_leads_a_practice_is_refused():
    practice = PracticeFactory()
    with pytest.raises(Exception, match="protected"), transaction.atomic():
        Municipality.objects.filter(pk=practice.lead_municipality_id).delete()


@pytest.mark.django_db
def test_a_practice_without_a_page_in_a_language_is_reached_through_its_permalink():
    practice = PracticeFactory(slug_fi="kaytanto", slug_sv=None, slug_en=None)
    assert practice.get_public_url("fi") == "/fi/kaytannot/kaytanto/"
    assert practice.get_public_url("sv") == f"/p/{practice.pk}/"
    practice.slug_fi = None
    assert practice.get_public_url("fi") is None
