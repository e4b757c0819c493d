"""Translating and adding practices in the admin, in Chromium, as Editors and Publishers do.

The language tabs work with the mouse, the arrow keys and the page's language switch; the
original text is shown under each translation; slugs follow the titles. No console errors.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from reversion.models import Version

from catalogue import services
from catalogue.models import Feedback, Practice, Status
from tests.accessibility.test_axe import assert_no_violations
from tests.admin_forms import post_practice_form
from tests.factories import PracticeFactory
from tests.staff import make_user

pytestmark = pytest.mark.browser

# Jakobstad's "Enheten för alla invandrare": written in Swedish, translated into Finnish.
JAKOBSTAD_PRACTICE_ID = 14


def log_in(context, live_server, user):
    """The browser context logged in as `user`: the test client's session cookie."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff read the admin in Finnish: the browser asks for it as theirs would."""
    return {**browser_context_args, "locale": "fi-FI"}


@pytest.fixture
def errors(page):
    """Console errors and uncaught exceptions of the page, collected as they happen."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(f"{message.text} {message.location.get('url')}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on(
        "response",
        lambda response: (
            found.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    return found


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


@pytest.fixture
def publisher(db):
    return make_user("publisher", "Publishers")


def tab(page, field: str, code: str):
    return page.locator(f'.ui-tabs-nav a[href="#tab_id_{field}_{code}"]')


def test_editor_translates_a_title_with_mouse_and_arrow_keys_and_the_public_sees_it(
    page, site, live_server, editor, errors
):
    practice = PracticeFactory(status=Status.DRAFT, title_sv="", title_en="", slug_sv=None)
    log_in(page.context, live_server, editor)
    page.goto(f"{site.url}/admin/catalogue/practice/{practice.pk}/change/")

    tab(page, "title", "sv").click()
    assert page.locator("#id_title_sv").is_visible()
    assert not page.locator("#id_title_fi").is_visible()
    page.fill("#id_title_sv", "Rådgivning för mödrar")
    tab(page, "title", "sv").focus()
    page.keyboard.press("ArrowRight")
    # jQuery UI activates the focused tab after a short delay.
    page.locator("#id_title_en").wait_for(state="visible")
    assert tab(page, "title", "en").get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#tab_id_title_en"
    page.fill("#id_title_en", "Advice for mothers")
    # The Swedish slug was empty: it follows the title typed.
    assert page.input_value("#id_slug_sv") == "radgivning-for-modrar"
    with page.expect_navigation():
        page.click('input[name="_continue"]')
    assert page.locator(".messagelist .success").count() == 1

    practice.refresh_from_db()
    assert practice.title_sv == "Rådgivning för mödrar"
    assert practice.title_en == "Advice for mothers"
    assert practice.slug_sv == "radgivning-for-modrar"
    services.practice_transition(
        practice=practice, user=make_user("publisher", "Publishers"), action="publish"
    )
    public = page.context.browser.new_page()
    public.goto(f"{site.url}/sv/verksamheter/radgivning-for-modrar/")
    assert public.locator("h1").inner_text() == "Rådgivning för mödrar"
    public.goto(f"{site.url}/en/practices/{practice.slug_en}/")
    assert public.locator("h1").inner_text() == "Advice for mothers"
    public.close()
    assert errors == []


def test_language_switch_of_the_page_shows_one_language_in_every_field(
    page, site, live_server, publisher, errors
):
    log_in(page.context, live_server, publisher)
    page.goto(f"{site.url}/admin/catalogue/practice/{JAKOBSTAD_PRACTICE_ID}/change/")
    page.select_option("#modeltranslation-main-switch", label="en")
    for field in ("title", "summary", "description"):
        assert page.locator(f"#id_{field}_en").is_visible(), field
        assert not page.locator(f"#id_{field}_fi").is_visible(), field
        assert tab(page, field, "en").get_attribute("aria-selected") == "true"
    page.select_option("#modeltranslation-main-switch", label="sv")
    assert page.locator("#id_description_sv").is_visible()
    assert errors == []


def test_swedish_original_is_marked_and_shown_under_its_finnish_translation(
    page, site, live_server, publisher, errors
):
    practice = Practice.objects.get(pk=JAKOBSTAD_PRACTICE_ID)
    log_in(page.context, live_server, publisher)
    page.goto(f"{site.url}/admin/catalogue/practice/{practice.pk}/change/")
    assert tab(page, "title", "sv").text_content() == "sv (alkuperäinen)"
    assert tab(page, "title", "fi").text_content() == "fi"
    original = page.locator("#tab_id_title_fi .original-text")
    assert original.locator(".original-text-label").inner_text() == "Alkuperäinen (ruotsi)"
    assert original.locator(".original-text-body").inner_text() == "Enheten för alla invandrare"
    assert original.locator(".original-text-body").get_attribute("lang") == "sv"
    # The original itself carries no copy of itself.
    assert page.locator("#tab_id_title_sv .original-text").is_hidden()

    tab(page, "title", "sv").click()
    page.fill("#id_title_sv", "Enheten för alla inflyttare")
    tab(page, "title", "en").click()
    english = page.locator("#tab_id_title_en .original-text-body")
    assert english.inner_text() == "Enheten för alla inflyttare"
    assert errors == []


def test_slugs_follow_the_titles_of_a_new_practice_until_written_by_hand(
    page, site, live_server, editor, errors
):
    log_in(page.context, live_server, editor)
    page.goto(f"{site.url}/admin/catalogue/practice/add/")
    page.fill("#id_title_fi", "Äitien kielikahvila Örebrossa")
    assert page.input_value("#id_slug_fi") == "aitien-kielikahvila-orebrossa"
    tab(page, "title", "sv").click()
    page.fill("#id_title_sv", "Språkcafé för mödrar")
    assert page.input_value("#id_slug_sv") == "sprakcafe-for-modrar"
    tab(page, "slug", "sv").click()
    page.fill("#id_slug_sv", "sprakcafe")
    page.fill("#id_title_sv", "Språkcafé för alla mödrar")
    assert page.input_value("#id_slug_sv") == "sprakcafe"
    assert errors == []


def test_practice_change_form_with_swedish_tab_active(page, site, live_server, editor, errors):
    """Screenshots for people to look at, and the form stays free of console errors."""
    practice = PracticeFactory(status=Status.DRAFT, title_sv="", original_language="fi")
    log_in(page.context, live_server, editor)
    for width, height in ((1280, 1000), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{site.url}/admin/catalogue/practice/{practice.pk}/change/")
        tab(page, "title", "sv").click()
        page.screenshot(path=f"/tmp/staffui/practice-sv-{width}.png", full_page=True)
        page.goto(f"{site.url}/admin/")
        page.screenshot(path=f"/tmp/staffui/admin-index-{width}.png", full_page=True)
    assert re.search(r"Työsi", page.content())
    assert errors == []


def test_staff_work_pages_have_no_axe_violations(page, site, live_server, editor, errors):
    practice = PracticeFactory(status=Status.DRAFT, title_en="")
    feedback = Feedback.objects.create(
        practice=practice, page_url="/fi/", language="sv", message="Fel", email="a@example.com"
    )
    log_in(page.context, live_server, editor)
    for path in (
        "/admin/",
        f"/admin/catalogue/practice/{practice.pk}/change/",
        "/admin/catalogue/feedback/",
        f"/admin/catalogue/feedback/{feedback.pk}/change/",
    ):
        response = page.goto(site.url + path)
        assert response.status == 200, path
        if "practice" in path:
            tab(page, "title", "sv").click()
        assert errors == [], path
        assert_no_violations(page, path)
        # axe-core's own probes trip the CSP (inline styles); they are not the page's.
        errors.clear()


def test_compare_view_shows_a_changed_long_text_in_full_at_phone_width(
    page, site, live_server, publisher, errors
):
    practice = Practice.objects.get(pk=JAKOBSTAD_PRACTICE_ID)
    client = Client()
    client.force_login(publisher)
    summary = practice.summary_sv + " Enheten har nu också en mottagning i Nykarleby."
    post_practice_form(client, practice, summary_sv=summary)
    versions = list(Version.objects.get_for_object(practice).order_by("pk"))
    log_in(page.context, live_server, publisher)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(
        f"{site.url}/admin/catalogue/practice/{practice.pk}/history/compare/"
        f"?version_id1={versions[0].pk}&version_id2={versions[-1].pk}"
    )
    assert page.locator("h3").first.inner_text() == "Tiivistelmä (ruotsi)"
    diff = page.locator("pre.highlight").first
    assert diff.locator("ins").inner_text() == " Enheten har nu också en mottagning i Nykarleby."
    # Wrapped, not cut off: nothing of the text lies outside the box.
    assert diff.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert diff.locator("ins").is_visible()
    page.screenshot(path="/tmp/staffui/compare-390.png", full_page=True)
    assert errors == []
