import pytest

from catalogue.models import Feedback


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
            "Etelä-Suomen aluehallintovirasto",
        ),
        "sv": (
            "delvis",
            "28 november 2026",
            "axe-core",
            "14 dagar",
            "Regionförvaltningsverket i Södra Finland",
        ),
        "en": (
            "partially",
            "28 November 2026",
            "axe-core",
            "14 days",
            "Etelä-Suomen aluehallintovirasto",
        ),
    }[path[1:3]]:
        assert needle in html, needle
    assert 'id="feedback-message"' in html


STATEMENTS = {
    "fi": 'href="/fi/saavutettavuus/"',
    "sv": 'href="/sv/tillganglighet/"',
    "en": 'href="/en/accessibility/"',
}


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
