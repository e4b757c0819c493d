"""Officers' tools in Chromium: copy buttons copy, the embeddable list can be framed by
another site and the other pages cannot."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from catalogue.models import Practice
from municipalities.models import Municipality
from tests.accessibility.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture
def clipboard_page(context, live_server, page):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    return page


def test_copy_button_puts_the_permanent_link_on_the_clipboard(site, clipboard_page):
    page = clipboard_page
    practice = Practice.objects.get(pk=2)
    page.goto(site.url + practice.get_absolute_url("fi"))
    button = page.get_by_role("button", name="Kopioi linkki")
    button.click()
    # The status is written when the clipboard has taken the text: wait for it.
    expect(page.locator("#permalink-copied")).to_have_text("Linkki kopioitiin.")
    assert page.evaluate("navigator.clipboard.readText()") == "http://testserver/p/2/"


def test_copy_button_copies_the_embed_snippet(site, clipboard_page):
    page = clipboard_page
    espoo = Municipality.objects.get(code="049")
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site.url + espoo.get_absolute_url("sv"))
        page.locator("#reuse").scroll_into_view_if_needed()
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"municipality-reuse-{width}.png"), full_page=True)
    page.get_by_role("button", name="Kopiera koden").click()
    expect(page.locator("#embed-copied")).to_have_text("Koden kopierades.")
    snippet = page.get_by_label("Visa listan på er egen webbplats: kopiera koden till sidan")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == snippet.input_value()
    assert copied.startswith('<iframe src="http://testserver/sv/badda-in/?municipality=049"')


def test_without_javascript_the_permanent_link_is_a_plain_link(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    practice = Practice.objects.get(pk=2)
    page.goto(site.url + practice.get_absolute_url("en"))
    assert page.get_by_role("button", name="Copy the link").count() == 0
    link = page.get_by_role("link", name="http://testserver/p/2/", exact=True)
    assert link.get_attribute("href") == "http://testserver/p/2/"
    context.close()


def test_another_site_can_frame_the_embeddable_list_but_no_other_page(site, browser_type):
    # The framing page is served by Playwright, so Chromium cannot tell its address space;
    # its local-network checks would then block every frame of the local test server.
    browser = browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, "--disable-features=LocalNetworkAccessChecks"],
    )
    page = browser.new_page()
    espoo_embed = site.url + "/fi/upota/?municipality=049"
    home = site.url + "/fi/"
    # A municipality's page on another origin (127.0.0.1 is not localhost to the browser).
    municipality_site = site.url.replace("localhost", "127.0.0.1") + "/kotoutuminen/"
    html = (
        f"<!doctype html><title>Espoo</title><h1>Espoo</h1>"
        f'<iframe id="embed" src="{espoo_embed}" title="a" width="800" height="600"></iframe>'
        f'<iframe id="home" src="{home}" title="b" width="800" height="600"></iframe>'
    )
    page.route(
        municipality_site,
        lambda route: route.fulfill(status=200, content_type="text/html", body=html),
    )
    blocked = []
    page.on("requestfailed", lambda request: blocked.append((request.url, request.failure)))
    page.goto(municipality_site)
    page.wait_for_load_state("networkidle")
    embedded = page.frame_locator("#embed")
    assert embedded.locator("h1").inner_text() == (
        "Kotouttamisen käytäntöjä Suomen kunnissa: Espoo"
    )
    assert embedded.locator(".cards li").count() > 0
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "embed-framed.png"), full_page=True)
    # The home page refuses to be framed (X-Frame-Options and frame-ancestors 'none'):
    # Chromium shows its own error page in the frame, not the site.
    assert page.frame_locator("#home").locator("main#main").count() == 0
    assert blocked == [(home, "net::ERR_BLOCKED_BY_RESPONSE")]
    browser.close()
