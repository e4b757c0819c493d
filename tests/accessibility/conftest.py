"""Browser tests: Debian's Chromium, driven by Playwright, reads the site from live_server.

Playwright's sync API runs an asyncio event loop in the test thread, and Django refuses
database access from a thread with a running event loop; the tests and the live server
only ever touch the database one at a time, so that check is switched off here.
"""

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.accessibility.pages import PublicPage, public_page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Playwright cannot download its own browsers here: use Debian's Chromium."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with "
            "`apt-get update && apt-get install -y chromium` (.ci/run does)"
        )
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def catalogue(transactional_db):
    """The real catalogue, committed for each test: the live server reads it through its
    own connection, and the test's flush removes it (tests/conftest.py's once-per-module
    load lives in a transaction the live server cannot share)."""
    from django.core.management import call_command

    call_command("load_catalogue", verbosity=0)


@pytest.fixture
def site(live_server, catalogue):
    """The real catalogue served by the live server; `site.open(page, name, language)`."""
    return Site(live_server.url)


class Site:
    def __init__(self, url: str):
        self.url = url

    def page(self, name: str, language: str) -> PublicPage:
        return public_page(name, language)

    def open(self, page, name: str, language: str) -> PublicPage:
        """Load a page type in a language and check that it answered as expected."""
        target = public_page(name, language)
        response = page.goto(self.url + target.path)
        assert response is not None, target.path
        assert response.status == target.status, f"{target.path} answered {response.status}"
        return target


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("a11y-admin", "a11y@example.com", "x")


@pytest.fixture
def admin_context(context, live_server, admin_user):
    """The browser context logged in as a superuser: the test client's session cookie."""
    client = Client()
    client.force_login(admin_user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return context
