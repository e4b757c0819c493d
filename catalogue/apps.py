from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("catalogue")

    def ready(self):
        connection_created.connect(register_sqlite_functions)


def register_sqlite_functions(sender, connection, **kwargs):
    """SQLite's lower() and LIKE fold ASCII only; search needs Unicode casefolding (Ä = ä)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "casefold", 1, lambda text: text.casefold() if text else text, deterministic=True
        )
