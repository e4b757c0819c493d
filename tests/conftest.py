import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.factories import (
    LanguageFactory,
    MunicipalityFactory,
    PartnerFactory,
    PracticeFactory,
    TargetGroupFactory,
    ThemeFactory,
)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (facet counts, feedback rate limits)."""
    cache.clear()
    yield
    cache.clear()


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
def catalogue(db):
    """The real catalogue, loaded from fixtures/catalogue."""
    call_command("load_catalogue", verbosity=0)


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, on a port the exact host check (config.hosts) lets in."""
    from django.conf import settings
    from django.test.utils import override_settings

    host = live_server.url.split("//", 1)[1]
    with override_settings(EXACT_HOSTS=[*settings.EXACT_HOSTS, host]):
        yield live_server
