import pytest
from django.urls import reverse

from catalogue.models import Feedback, Page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/fi/saavutettavuus/", "Saavutettavuusseloste"),
        ("/sv/tillganglighet/", "Tillgänglighetsutlåtande"),
        ("/en/accessibility/", "Accessibility statement"),
    ],
)
def test_accessibility_statement_has_what_the_law_requires(client, catalogue, path, title):
    html = client.get(path).content.decode()
    assert f"<h1>{title}</h1>" in html
    for needle in {
        "fi": (
            "osittain",
            "28.11.2026",
            "axe-core",
            "14 päivän",
            "voit tehdä ilmoituksen Lupa- ja valvontavirastoon.",
        ),
        "sv": (
            "delvis",
            "28 november 2026",
            "axe-core",
            "14 dagar",
            "kan du göra en anmälan till Tillstånds- och tillsynsverket.",
        ),
        "en": (
            "partially",
            "28 November 2026",
            "axe-core",
            "14 days",
            "you can notify the supervisory authority, Lupa- ja valvontavirasto.",
        ),
    }[path[1:3]]:
        assert needle in html, needle
    # The regional state administrative agencies ended on 1 January 2026.
    for gone in ("aluehallintovirasto", "Regionförvaltningsverket", "Regional State"):
        assert gone not in html, gone
    assert 'id="feedback-message"' in html


STATEMENTS = {
    "fi": 'href="/fi/saavutettavuus/"',
    "sv": 'href="/sv/tillganglighet/"',
    "en": 'href="/en/accessibility/"',
}


@pytest.mark.django_db
def test_staff_can_change_the_supervisory_authoritys_contact_details_in_the_admin(
    client, catalogue, django_user_model
):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.com", "x"))
    statement = Page.objects.get(key="accessibility")
    data = {"key": statement.key}
    for field in ("title", "body"):
        for code in ("fi", "sv", "en"):
            data[f"{field}_{code}"] = getattr(statement, f"{field}_{code}")
    data["body_sv"] = data["body_sv"].replace(
        "Tillstånds- och tillsynsverket.", "Tillstånds- och tillsynsverket, tfn 0295 000 000."
    )

    response = client.post(reverse("admin:catalogue_page_change", args=[statement.pk]), data)

    assert response.status_code == 302
    html = client.get("/sv/tillganglighet/").content.decode()
    assert "Tillstånds- och tillsynsverket, tfn 0295 000 000." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "language"),
    [("/fi/", "fi"), ("/sv/verksamheter/", "sv"), ("practice:en", "en")],
)
def test_every_page_links_to_the_accessibility_statement_in_its_language(
    client, practice, url, language
):
    if url == "practice:en":
        url = practice.get_absolute_url("en")
    html = client.get(url).content.decode()
    assert html.count(STATEMENTS[language]) == 1
    for other, link in STATEMENTS.items():
        if other != language:
            assert link not in html, other


@pytest.mark.django_db
def test_accessibility_feedback_is_stored_without_a_practice(client, catalogue):
    response = client.post("/en/accessibility/feedback/", {"message": "The tabs are hard to use."})
    assert response.status_code == 303
    assert response["Location"] == "/en/accessibility/?feedback=thanks#feedback"
    feedback = Feedback.objects.get()
    assert feedback.practice is None
    assert feedback.page_url.endswith("/en/accessibility/")


@pytest.mark.django_db
def test_health_check_answers_without_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readiness_check_answers_without_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/ready/")
    assert response.status_code == 200
    assert response.content == b"database: ok\ncache: ok\n"
