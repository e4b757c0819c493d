import pytest

from catalogue.models import PracticeLink
from tests.factories import MunicipalityFactory, PracticeFactory, ReachablePracticeFactory


@pytest.mark.django_db
def test_practice_record_carries_every_field_in_three_languages(client, practice):
    data = client.get(f"/api/v1/practices/{practice.pk}/").json()
    assert data["id"] == practice.pk
    for field in ("title", "summary", "description", "slug", "url"):
        assert set(data[field]) == {"fi", "sv", "en"}, field
    assert data["title"] == {
        "fi": practice.title_fi,
        "sv": practice.title_sv,
        "en": practice.title_en,
    }
    assert data["url"]["sv"] == f"http://testserver{practice.get_absolute_url('sv')}"
    assert data["original_language"] == "fi"
    assert data["target_groups"][0]["slug"] == practice.target_groups.get().slug
    assert data["themes"][0]["name"]["sv"] == practice.themes.get().name_sv
    assert data["partners"][0]["slug"] == practice.partners.get().slug
    assert data["service_languages"] == [
        {
            "code": "ar",
            "name": {"fi": "arabia", "sv": "arabiska", "en": "Arabic"},
            "autonym": "العربية",
        }
    ]
    assert data["source"] == {
        "title": "Kunnat kotouttavat – esimerkkejä kuntien kotouttamiskäytännöistä",
        "publisher": "Suomen Kuntaliitto",
        "year": 2017,
        "page": 5,
    }
    assert data["updated_at"].startswith(str(practice.updated_at.year))


@pytest.mark.django_db
def test_practice_municipalities_list_the_lead_first(client, db):
    lead = MunicipalityFactory(code="853", name_fi="Turku")
    practice = PracticeFactory(
        lead_municipality=lead, municipalities=[MunicipalityFactory(code="001")]
    )
    codes = [
        m["code"] for m in client.get(f"/api/v1/practices/{practice.pk}/").json()["municipalities"]
    ]
    assert codes == ["853", "001"]


@pytest.mark.django_db
def test_practice_list_is_paginated_with_links(client, db):
    PracticeFactory.create_batch(5)
    data = client.get("/api/v1/practices/?page_size=2&page=2").json()
    assert data["count"] == 5
    assert len(data["results"]) == 2
    # Parameters in their canonical order (catalogue.caching.canonical_query).
    assert data["next"] == "http://testserver/api/v1/practices/?page=3&page_size=2"
    assert data["previous"] == "http://testserver/api/v1/practices/?page=1&page_size=2"
    last = client.get("/api/v1/practices/?page_size=2&page=3").json()
    assert last["next"] is None and len(last["results"]) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [("page=0", "page"), ("page=abc", "page"), ("page_size=1000", "page_size")],
)
def test_bad_pagination_is_a_400_that_names_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/practices/?{query}")
    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


@pytest.mark.django_db
def test_unknown_practice_is_a_404(client):
    assert client.get("/api/v1/practices/424242/").status_code == 404


@pytest.mark.django_db
def test_non_numeric_practice_id_is_a_400(client):
    response = client.get("/api/v1/practices/abc/")
    assert response.status_code == 400
    assert response.json()["parameters"] == ["practice_id"]


@pytest.mark.django_db
def test_openapi_description_is_published(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/practices/" in schema["paths"]


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 25])
def test_practice_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    PracticeFactory.create_batch(size, municipalities=[MunicipalityFactory()])
    ReachablePracticeFactory.create_batch(size, municipalities=[MunicipalityFactory()])
    # The count, the page, and what its records link to in one query (catalogue.related);
    # the web links and service points, one query each, as some practices have them. The
    # first request of a catalogue version also reads the latest change (Last-Modified) and
    # the small table the links lead to (municipalities), kept for the version.
    with django_assert_num_queries(7):
        assert client.get("/api/v1/practices/?page_size=100").status_code == 200
    with django_assert_num_queries(5):
        assert client.get("/api/v1/practices/?page_size=100").status_code == 200


@pytest.mark.django_db
def test_practice_list_gives_each_record_its_own_links_places_and_terms(client):
    """The list reads what its records link to for the whole page at once: nothing may end
    up on the wrong practice."""
    first, second = ReachablePracticeFactory.create_batch(2)
    PracticeLink.objects.create(
        practice=second, position=1, title_fi="Toinen", url_fi="https://example.fi/toinen"
    )
    plain = PracticeFactory(municipalities=[MunicipalityFactory(name_fi="Pelkkä")])
    records = {r["id"]: r for r in client.get("/api/v1/practices/").json()["results"]}
    for practice in (first, second, plain):
        assert records[practice.pk] == client.get(f"/api/v1/practices/{practice.pk}/").json()
    assert [link["title"]["fi"] for link in records[second.pk]["links"]] == [
        "Neuvontapisteen sivu",
        "Toinen",
    ]
    assert len(records[first.pk]["links"]) == 1
    assert records[plain.pk]["links"] == records[plain.pk]["service_points"] == []
    assert "Pelkkä" in [m["name"]["fi"] for m in records[plain.pk]["municipalities"]]
    assert "Pelkkä" not in [m["name"]["fi"] for m in records[first.pk]["municipalities"]]


@pytest.mark.django_db
def test_openapi_document_describes_every_status_filter_and_download(client, catalogue):
    document = client.get("/api/v1/openapi.json").json()
    paths = document["paths"]
    for path in ("/api/v1/practices/{practice_id}/", "/api/v1/municipalities/{code}/"):
        assert set(paths[path]["get"]["responses"]) == {"200", "400", "404"}
    parameters = {p["name"]: p["schema"] for p in paths["/api/v1/practices/"]["get"]["parameters"]}
    assert parameters["q"]["maxLength"] == 200
    municipality = parameters["municipality"]
    assert municipality["maxItems"] == 50
    assert municipality["items"]["pattern"] == "^(?:[0-9]{3})?$"
    assert "049" in municipality["items"]["enum"]
    assert "288" in municipality["items"]["enum"]
    assert len(municipality["items"]["enum"]) == 1 + 43  # "" (any) and every code
    assert parameters["modified_after"]["anyOf"][0]["format"] == "date-time"
    csv_operation = paths["/api/v1/practices.csv"]["get"]
    assert set(csv_operation["responses"]["200"]["content"]) == {"text/csv"}
    assert {p["name"] for p in csv_operation["parameters"]} >= {"municipality", "format", "lang"}
    assert set(paths["/fi/syote/"]["get"]["responses"]["200"]["content"]) == {
        "application/atom+xml"
    }


@pytest.mark.django_db
def test_openapi_document_says_a_search_count_may_be_an_estimate(client):
    document = client.get("/api/v1/openapi.json").json()
    page = document["components"]["schemas"]["PracticePage"]
    assert page["properties"]["count_is_estimate"]["type"] == "boolean"
    assert "(500)" in page["properties"]["count_is_estimate"]["description"]
    assert {"count", "count_is_estimate", "results"} <= set(page["required"])
