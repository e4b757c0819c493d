"""The municipalities in the JSON API (municipalities.api)."""

import pytest

from tests.factories import MunicipalityFactory, PracticeFactory


@pytest.mark.django_db
def test_municipality_list_and_detail(client, practice):
    municipality = practice.lead_municipality
    listing = client.get("/api/v1/municipalities/").json()
    codes = [m["code"] for m in listing["results"]]
    assert municipality.code in codes
    data = client.get(f"/api/v1/municipalities/{municipality.code}/").json()
    assert data["name"]["sv"] == municipality.name_sv
    assert data["region"]["code"] == municipality.region.code
    assert data["practice_count"] == 1
    assert data["practices"][0]["id"] == practice.pk
    assert data["url"]["fi"].endswith(municipality.get_absolute_url("fi"))


@pytest.mark.django_db
def test_unknown_municipality_is_a_404(client):
    assert client.get("/api/v1/municipalities/999/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 25])
def test_municipality_endpoints_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, size
):
    municipality = MunicipalityFactory()
    PracticeFactory.create_batch(size, lead_municipality=municipality)
    # The first also reads the latest change for Last-Modified (catalogue.http), which is
    # then kept for the catalogue version.
    with django_assert_num_queries(3):
        assert client.get("/api/v1/municipalities/?page_size=100").status_code == 200
    with django_assert_num_queries(2):
        assert client.get(f"/api/v1/municipalities/{municipality.code}/").status_code == 200
