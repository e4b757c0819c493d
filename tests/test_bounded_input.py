"""Bounded input: no admin login or admin form field answers 500, whatever its length."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

LONG = 10_000


def login(client, username, password="x", **headers):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}, **headers
    )


@pytest.mark.django_db
@pytest.mark.parametrize("length", [150, 151, 255, 256, 300, LONG])
def test_a_long_username_on_the_admin_login_is_an_ordinary_failed_login(client, length):
    response = login(client, "u" * length)
    assert response.status_code == 200
    assert 'class="errornote"' in response.content.decode()


@pytest.mark.django_db
def test_a_long_password_on_the_admin_login_is_an_ordinary_failed_login(client):
    response = login(client, "editor", "p" * LONG)
    assert response.status_code == 200


@pytest.mark.django_db
def test_long_headers_on_a_failed_admin_login_are_not_an_error(client):
    response = login(
        client, "u" * 300, HTTP_ACCEPT="text/html," * 500, HTTP_USER_AGENT="Agent " * 500
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_long_username_is_still_locked_out_after_repeated_failures(client, settings):
    limit = settings.AXES_FAILURE_LIMIT
    statuses = [login(client, "u" * 300).status_code for _ in range(limit)]
    assert statuses == [200] * (limit - 1) + [429]


@pytest.fixture
def admin_client_with_practice(client, practice, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "x"))
    return client, practice


TEXT_FIELDS = [
    f"{name}_{code}"
    for name in ("title", "slug", "summary", "description")
    for code in ("fi", "sv", "en")
]


@pytest.mark.django_db
@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_an_overlong_practice_field_is_a_form_error_or_saved_never_a_500(
    admin_client_with_practice, field
):
    from catalogue.models import Practice
    from tests.admin_forms import post_practice_form

    client, practice = admin_client_with_practice
    limit = Practice._meta.get_field(field).max_length
    response = post_practice_form(client, practice, **{field: "a" * LONG})
    if limit is None:  # a text without a limit is saved whole
        assert response.status_code == 302
        practice.refresh_from_db()
        assert getattr(practice, field) == "a" * LONG
    else:
        assert response.status_code == 200
        assert list(response.context["adminform"].form.errors) == [field]


@pytest.mark.django_db
def test_an_overlong_number_in_the_practice_form_is_a_form_error(admin_client_with_practice):
    from tests.admin_forms import post_practice_form

    client, practice = admin_client_with_practice
    response = post_practice_form(client, practice, source_page="9" * LONG)
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["source_page"]


@pytest.mark.django_db
@given(
    text=st.text(
        st.characters(codec="utf-8", exclude_characters="\x00"), min_size=200, max_size=2000
    )
)
@hypothesis_settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_text_makes_the_admin_search_lists_fail(admin_client_with_practice, text):
    client, _practice = admin_client_with_practice
    for url in (
        reverse("admin:catalogue_practice_changelist"),
        reverse("admin:municipalities_municipality_changelist"),
        reverse("admin:catalogue_feedback_changelist"),
    ):
        assert client.get(url, {"q": text}).status_code == 200
    autocomplete = client.get(
        reverse("admin:autocomplete"),
        {
            "term": text,
            "app_label": "catalogue",
            "model_name": "practice",
            "field_name": "municipalities",
        },
    )
    assert autocomplete.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/catalogue/practice/", "/admin/autocomplete/"])
def test_a_nul_character_in_an_admin_search_is_a_400(admin_client_with_practice, url):
    client, _practice = admin_client_with_practice
    assert client.get(url, {"q": "a\x00b", "term": "a\x00b"}).status_code == 400
