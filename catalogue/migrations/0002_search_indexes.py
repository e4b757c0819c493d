"""GIN indexes for full-text and trigram search, on PostgreSQL only.

The tsvector expression must stay identical to catalogue.search.search_vector_sql() for the
planner to use the index; tests/catalogue/test_search.py checks with EXPLAIN.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}


def vector_sql(language):
    config = CONFIGS[language]
    return "(" + " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, coalesce({field}_{language}, '')), "
        f"'{weight}')"
        for field, weight in (("title", "A"), ("summary", "B"), ("description", "C"))
    ) + ")"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in CONFIGS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS practice_search_{language} "
            f"ON catalogue_practice USING gin ({vector_sql(language)})"
        )
        for field in ("title", "summary"):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS practice_{field}_trgm_{language} "
                f"ON catalogue_practice USING gin ({field}_{language} gin_trgm_ops)"
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in CONFIGS:
        schema_editor.execute(f"DROP INDEX IF EXISTS practice_search_{language}")
        for field in ("title", "summary"):
            schema_editor.execute(f"DROP INDEX IF EXISTS practice_{field}_trgm_{language}")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
