import pytest
from django.contrib import admin
from django.urls import reverse

from catalogue.models import Practice
from tests.admin_forms import EMPTY_INLINES


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "x")
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m.__name__)
def test_admin_changelist_and_add_form_render(staff_client, practice, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert staff_client.get(changelist).status_code == 200
    assert staff_client.get(changelist, {"q": "ä"}).status_code == 200
    add = staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    # Login records (django-axes), readers' feedback and pending changes (made by saving a
    # published practice) are never added by hand.
    read_only = opts.app_label == "axes" or opts.model_name in ("feedback", "practicedraft")
    assert add.status_code == (403 if read_only else 200)


@pytest.mark.django_db
def test_practice_change_form_has_a_tab_per_language_without_a_cdn(staff_client, practice):
    response = staff_client.get(reverse("admin:catalogue_practice_change", args=[practice.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for code in ("fi", "sv", "en"):
        assert f'name="title_{code}"' in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html
    assert "tabbed_translation_fields.js" in html


@pytest.mark.django_db
def test_saving_a_practice_in_the_admin_keeps_the_lead_among_its_municipalities(
    staff_client, practice
):
    lead = practice.lead_municipality
    data = {
        "title_fi": "Uusi otsikko",
        "summary_fi": "Tiivistelmä.",
        "description_fi": "Kuvaus.",
        "slug_fi": "uusi-otsikko",
        "slug_sv": "",
        "original_language": "fi",
        "lead_municipality": lead.pk,
        "municipalities": [],
        "source_page": "",
        "check_status": "unknown",
        "kind": "service",
        **EMPTY_INLINES,
    }
    response = staff_client.post(reverse("admin:catalogue_practice_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Practice.objects.get(slug_fi="uusi-otsikko")
    assert list(saved.municipalities.all()) == [lead]
    assert saved.slug_sv is None  # a blank slug is stored as NULL


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get("/admin/catalogue/practice/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
