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
from tests.staff import make_user


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


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


@pytest.fixture
def publisher(db):
    return make_user("publisher", "Publishers")


@pytest.fixture
def superuser(db):
    return make_user("root", is_superuser=True)
