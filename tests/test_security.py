import re
import subprocess
import sys

import pytest
from django.conf import settings

from tests.factories import PartnerFactory, PracticeFactory

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def page_types(practice):
    municipality = practice.lead_municipality
    return [
        "/fi/",
        "/sv/verksamheter/",
        "/en/practices/?q=advice&language=ar",
        practice.get_absolute_url("fi"),
        "/en/municipalities/",
        municipality.get_absolute_url("sv"),
        "/en/about/",
        "/fi/rajapinta/",
        "/en/no-such-page/",
        "/api/v1/practices/",
        "/api/v1/practices.csv",
        "/api/v1/catalogue.json",
        "/en/feed/",
        "/sitemap.xml",
        "/robots.txt",
        "/admin/login/",
    ]


@pytest.fixture
def about(db):
    from catalogue.models import Page

    return Page.objects.create(
        key="about", title_fi="T", title_sv="T", title_en="T", body_fi="B", body_sv="B", body_en="B"
    )


@pytest.mark.django_db
def test_every_page_type_sends_the_security_headers(client, practice, about):
    for url in page_types(practice):
        response = client.get(url, secure=True)
        assert response.status_code in (200, 404), url
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp, url
        assert "frame-ancestors 'none'" in csp, url
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert "camera=()" in response["Permissions-Policy"], url
        assert "geolocation=()" in response["Permissions-Policy"], url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["Strict-Transport-Security"].startswith("max-age=31536000"), url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/fi/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.django_db
def test_cookies_are_secure_http_only_and_same_site(client, django_user_model):
    django_user_model.objects.create_superuser("admin", "a@example.com", "correct-horse")
    login_page = client.get("/admin/login/", secure=True)
    csrf = login_page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "admin", "password": "correct-horse"},
        secure=True,
    )
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


@pytest.mark.django_db
def test_public_pages_set_no_cookie(client, practice):
    for url in ("/fi/", practice.get_absolute_url("en"), "/en/practices/"):
        assert not client.get(url).cookies, url


@pytest.mark.django_db
def test_public_pages_have_no_inline_script_or_style(client, practice, about):
    for url in page_types(practice)[:9]:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/ld+json"' in tag, (url, tag)
        assert "<style" not in html, url
        assert not re.search(r'\sstyle="', html), url
        assert not re.search(r"\son[a-z]+=", html), url


@pytest.mark.django_db
def test_text_from_the_admin_is_escaped_on_every_public_surface(client):
    practice = PracticeFactory(
        title_en=f"Title {XSS}",
        summary_en=f"Summary {XSS}",
        description_en=f"Text {XSS}",
        partners=[PartnerFactory(name_en=f"Partner {XSS}")],
    )
    for url in (
        practice.get_absolute_url("en"),
        "/en/practices/",
        "/en/practices/?q=title",
        practice.lead_municipality.get_absolute_url("en"),
        "/en/feed/",
    ):
        body = client.get(url).content.decode()
        assert "<script>alert" not in body, url
        assert "<img src=x" not in body, url
    api = client.get(f"/api/v1/practices/{practice.pk}/").json()
    assert api["title"]["en"] == f"Title {XSS}"  # data stays data; JSON is not HTML


@pytest.mark.django_db
def test_search_words_are_escaped_where_they_are_shown(client, practice):
    html = client.get("/en/practices/", {"q": XSS}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_admin_escapes_what_editors_typed(client, django_user_model):
    practice = PracticeFactory(title_fi=f"Otsikko {XSS}")
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.com", "x"))
    changelist = client.get("/admin/catalogue/practice/").content.decode()
    form = client.get(f"/admin/catalogue/practice/{practice.pk}/change/").content.decode()
    for html in (changelist, form):
        assert "<script>alert" not in html
        assert "<img src=x" not in html


def test_deployment_check_passes_with_production_settings():
    env = {
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "x7#kq2!vR9zL$mP4wN8@tY6&hJ3^bC5*eF1(gH0)uI-oA_sD=fG+",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "kotouttaminen.example.fi",
        "SITE_URL": "https://kotouttaminen.example.fi",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
