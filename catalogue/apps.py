from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("catalogue")

    def ready(self):
        from catalogue import caching, checks, models  # noqa: F401 (registers the checks)
        from municipalities import models as municipality_models

        connection_created.connect(register_sqlite_functions)
        caching.connect_invalidation(
            [
                models.Practice,
                models.Page,
                models.TargetGroup,
                models.Theme,
                models.Language,
                models.PartnerOrganisation,
                models.SlugRedirect,
                municipality_models.Region,
                municipality_models.Municipality,
                municipality_models.CooperationArea,
            ]
        )


def register_sqlite_functions(sender, connection, **kwargs):
    """SQLite's lower() and LIKE fold ASCII only; search needs Unicode casefolding (Ä = ä)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "casefold", 1, lambda text: text.casefold() if text else text, deterministic=True
        )
