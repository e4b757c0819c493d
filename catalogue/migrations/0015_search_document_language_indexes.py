"""One GIN index over the search vectors of each language (PostgreSQL only).

A search reads the page's language first (catalogue.search): with one index over every
language, PostgreSQL intersected the word's matches with all 100,000 documents of that
language (a bitmap of the (practice, language) index) before reading any. SQLite's FTS5
table needs nothing new.
"""

from django.db import migrations

LANGUAGES = ("fi", "sv", "en")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(
                f"CREATE INDEX search_document_vector_{language} ON catalogue_searchdocument "
                f"USING gin (vector) WHERE language = '{language}'"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(f"DROP INDEX IF EXISTS search_document_vector_{language}")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0014_partner_changes_since_source"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
