import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from catalogue import caching
from tests.factories import (
    LanguageFactory,
    MunicipalityFactory,
    PartnerFactory,
    PracticeFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from tests.staff import make_user


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (facet counts, feedback rate limits), and no
    value kept per catalogue version in this process (catalogue.caching.per_version)."""
    cache.clear()
    caching.forget_kept()
    yield
    cache.clear()
    caching.forget_kept()


@pytest.fixture(autouse=True)
def _page_cache_only_where_asked(request, settings):
    """The public page cache is off unless a test is marked `page_cache`.

    Its version is bumped in transaction.on_commit, which never fires inside a test's
    transaction: with the cache on, a test that changes data between two requests would be
    served the page cached before the change. The tests of the cache itself turn it on.
    """
    if request.node.get_closest_marker("page_cache") is None:
        settings.PUBLIC_PAGE_CACHE = False


@pytest.fixture
def practice(db):
    """A practice linked to one of everything, as on a real practice page."""
    return PracticeFactory(
        target_groups=[TargetGroupFactory()],
        themes=[ThemeFactory()],
        service_languages=[LanguageFactory()],
        partners=[PartnerFactory()],
        municipalities=[MunicipalityFactory()],
    )


@pytest.fixture
def espoo(db):
    return MunicipalityFactory(code="049", name_fi="Espoo", slug_fi="espoo")


@pytest.fixture(scope="module")
def _real_catalogue(django_db_setup, django_db_blocker):
    """The real catalogue loaded once for a module, as TestCase.setUpTestData does it.

    Loaded inside a transaction that stays open until the module's last test and is then
    rolled back; each test runs in a savepoint within it (pytest-django's `db`), so a test
    that changes the catalogue leaves it as it was for the next one.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_catalogue", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def catalogue(_real_catalogue, db):
    """The real catalogue, loaded from fixtures/catalogue once per module."""


def pytest_collection_modifyitems(items):
    """Within each module, the tests without the real catalogue run first: once it is
    loaded it stays until the module ends, and they must not see it."""
    order = {}
    for index, item in enumerate(items):
        uses = "catalogue" in getattr(item, "fixturenames", ())
        order[item.nodeid] = (item.module.__name__ if item.module else "", uses, index)
    module_first = {}
    for index, item in enumerate(items):
        module_first.setdefault(order[item.nodeid][0], index)
    items.sort(
        key=lambda item: (
            module_first[order[item.nodeid][0]],
            order[item.nodeid][1],
            order[item.nodeid][2],
        )
    )


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, on a port the exact host check (config.hosts) lets in."""
    from django.conf import settings
    from django.test.utils import override_settings

    host = live_server.url.split("//", 1)[1]
    with override_settings(EXACT_HOSTS=[*settings.EXACT_HOSTS, host]):
        yield live_server


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


@pytest.fixture
def publisher(db):
    return make_user("publisher", "Publishers")


@pytest.fixture
def superuser(db):
    return make_user("root", is_superuser=True)
