"""An editor corrects a published practice and a publisher approves it, in Chromium.

Counts the clicks each of them needs (the issue asks for them) and checks the pages
involved with axe.
"""

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # see tests/accessibility/conftest.py

import pytest
from django.conf import settings
from django.test import Client

from catalogue.models import DraftState, Practice, PracticeDraft, Status
from tests.accessibility.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.accessibility.test_axe import assert_no_violations
from tests.factories import PracticeFactory

# The live server needs committed data. The editorial groups, which a data migration makes
# and a flush removes, come back through tests/staff.py's make_user (the editor and publisher
# fixtures). Not serialized_rollback: after an earlier transactional test's flush the content
# types exist again, and restoring the serialized copy then fails on them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (.ci/run does)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


def logged_in_page(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url},
        ]
    )
    return context.new_page()


class Clicks:
    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, selector):
        self.count += 1
        self.page.click(selector)
        self.page.wait_for_load_state()


def test_editor_corrects_a_published_practice_and_a_publisher_approves_it(
    browser, live_server, editor, publisher, tmp_path
):
    practice = PracticeFactory(status=Status.PUBLISHED, summary_en="Open on Mondays.")
    editor_page = logged_in_page(browser, live_server, editor)
    editor_page.goto(live_server.url + "/admin/")
    clicks = Clicks(editor_page)
    clicks.click("#content-main a[href='/admin/catalogue/practice/']")
    clicks.click(f"#result_list a:text-is('{practice.title_en}')")
    assert "waits for a publisher" in editor_page.inner_text(".messagelist")
    editor_page.fill("#id_summary_en", "Open on Mondays and Tuesdays.")
    clicks.click("input[name=_save]")
    assert "Your change was saved and waits for a publisher." in editor_page.inner_text(
        ".messagelist"
    )
    assert clicks.count == 3
    assert Practice.objects.get(pk=practice.pk).summary_en == "Open on Mondays."
    assert_no_violations(editor_page, "pending change, as its editor")

    publisher_page = logged_in_page(browser, live_server, publisher)
    publisher_page.goto(live_server.url + "/admin/")
    clicks = Clicks(publisher_page)
    clicks.click("#content-main a[href='/admin/catalogue/practicedraft/']")
    clicks.click(f"#result_list a:text-is('{practice.title_en}')")
    rows = publisher_page.locator("table.draft-diff tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("th").inner_text() == "Summary (English)"
    assert rows.first.locator("td").all_inner_texts() == [
        "Open on Mondays.",
        "Open on Mondays and Tuesdays.",
    ]
    assert_no_violations(publisher_page, "pending change, as a publisher")
    for width in (390, 1280):
        publisher_page.set_viewport_size({"width": width, "height": 900})
        publisher_page.screenshot(path=str(tmp_path / f"review-{width}.png"), full_page=True)
    clicks.click("input[name=_approve]")
    assert "The change is live." in publisher_page.inner_text(".messagelist")
    assert clicks.count == 3
    assert Practice.objects.get(pk=practice.pk).summary_en == "Open on Mondays and Tuesdays."
    assert PracticeDraft.objects.get().state == DraftState.APPROVED
