"""Two tabs on the same practice in Chromium: the second save shows the conflict, loses nothing."""

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # see tests/accessibility/conftest.py

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from catalogue.models import Practice, Status
from tests.accessibility.conftest import CHROMIUM, CHROMIUM_ARGS
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


@pytest.fixture
def publisher_context(context, live_server, publisher):
    client = Client()
    client.force_login(publisher)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url},
        ]
    )
    return context


def test_two_tabs_saving_the_same_practice_show_the_conflict_and_lose_nothing(
    live_server, publisher_context, tmp_path
):
    practice = PracticeFactory(status=Status.DRAFT, title_en="Old title", summary_en="Old summary.")
    url = live_server.url + reverse("admin:catalogue_practice_change", args=[practice.pk])
    first, second = publisher_context.new_page(), publisher_context.new_page()
    first.goto(url)
    second.goto(url)

    first.fill("#id_title_en", "First tab's title")
    first.click("input[name=_continue]")
    first.wait_for_load_state()
    assert first.locator(".messagelist .success").count() == 1

    second.fill("#id_summary_en", "Second tab's summary.")
    second.click("input[name=_continue]")
    second.wait_for_load_state()
    conflict = second.locator("table.edit-conflict")
    assert conflict.is_visible()
    assert conflict.locator("tbody tr").count() == 2
    title_row = conflict.locator("tbody tr", has_text="Title (English)")
    assert title_row.locator("td").all_inner_texts() == ["Old title", "First tab's title"]
    summary_row = conflict.locator("tbody tr", has_text="Summary (English)")
    assert summary_row.locator("td").all_inner_texts() == ["Second tab's summary.", "Old summary."]
    # What the second tab typed is still in its form; the first tab's save is stored.
    assert second.input_value("#id_summary_en") == "Second tab's summary."
    stored = Practice.objects.get(pk=practice.pk)
    assert (stored.title_en, stored.summary_en) == ("First tab's title", "Old summary.")
    for width in (390, 1280):
        second.set_viewport_size({"width": width, "height": 900})
        conflict.scroll_into_view_if_needed()
        second.screenshot(path=str(tmp_path / f"conflict-{width}.png"))

    # Having read both versions, the second editor keeps the first title and saves again.
    second.fill("#id_title_en", "First tab's title")
    second.click("input[name=_continue]")
    second.wait_for_load_state()
    assert second.locator(".messagelist .success").count() == 1
    stored.refresh_from_db()
    assert (stored.title_en, stored.summary_en) == ("First tab's title", "Second tab's summary.")
