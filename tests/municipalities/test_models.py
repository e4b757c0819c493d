import pytest
from django.db import DataError, IntegrityError, transaction

from tests.factories import MunicipalityFactory


@pytest.mark.django_db
def test_municipality_codes_are_unique():
    MunicipalityFactory(code="091")
    with pytest.raises(IntegrityError), transaction.atomic():
        MunicipalityFactory(code="091")


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["91", "0911", "abc"])
def test_municipality_code_must_be_three_digits(code):
    # PostgreSQL refuses a too-long value before the check constraint (DataError).
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        MunicipalityFactory(code=code)


@pytest.mark.django_db
def test_municipality_page_address_is_in_each_language():
    municipality = MunicipalityFactory(slug_fi="espoo", slug_sv="esbo", slug_en="espoo")
    assert municipality.get_absolute_url("fi") == "/fi/kunnat/espoo/"
    assert municipality.get_absolute_url("sv") == "/sv/kommuner/esbo/"
    assert municipality.get_absolute_url("en") == "/en/municipalities/espoo/"
