"""The municipalities' admin: changed slugs keep their old addresses, which no other
municipality can take."""

import pytest
from django.urls import reverse

from common.slugs import slug_changes_record
from municipalities.models import Municipality
from tests.admin_forms import municipality_form_data
from tests.factories import MunicipalityFactory


@pytest.mark.django_db
def test_municipality_old_slug_redirects(client, superuser):
    staff_client = client
    staff_client.force_login(superuser)
    municipality = MunicipalityFactory(slug_fi="vanha")
    url = reverse("admin:municipalities_municipality_change", args=[municipality.pk])
    data = {
        "code": municipality.code,
        "region": municipality.region_id,
        **{f"name_{c}": getattr(municipality, f"name_{c}") for c in ("fi", "sv", "en")},
        "slug_fi": "uusi",
        "slug_sv": municipality.slug_sv,
        "slug_en": municipality.slug_en,
    }
    assert staff_client.post(url, data).status_code == 302
    response = staff_client.get("/fi/kunnat/vanha/")
    assert response.status_code == 301
    assert response["Location"] == "/fi/kunnat/uusi/"


@pytest.mark.django_db
def test_a_slug_that_is_another_municipalitys_old_address_cannot_be_taken(client, editor):
    moved = MunicipalityFactory(slug_en="old-town")
    moved.slug_en = "new-town"
    moved.save()
    slug_changes_record(instance=moved, old_slugs={"en": "old-town"})
    other = MunicipalityFactory()
    client.force_login(editor)
    url = reverse("admin:municipalities_municipality_change", args=[other.pk])
    response = client.post(url, municipality_form_data(other, slug_en="old-town"))
    assert response.status_code == 200
    assert Municipality.objects.get(pk=other.pk).slug_en != "old-town"
