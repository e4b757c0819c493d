"""Keep the search vectors in the table's own rows (PostgreSQL only).

A practice's vector is about 2.4 kB, over PostgreSQL's default TOAST threshold (about
2 kB), so it was stored out of line: a search that tests documents in order
(catalogue/search/postgresql.py) fetched every vector from the TOAST table, one more index
lookup each. With the target at the largest a row may be, a vector stays in its row unless
the row cannot fit a page: searches at 100,000 practices took a fifth to a third less time
(benchmarks/RESULTS.md, section 4).

The setting applies to rows written from now on. Existing rows move when they are written
again (`manage.py rebuild_search_index`), or at once with
`VACUUM FULL catalogue_searchdocument` (which locks the table while it runs).
"""

from django.db import migrations


def keep_inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE catalogue_searchdocument SET (toast_tuple_target = 8160)"
        )


def reset(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE catalogue_searchdocument RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0015_search_document_language_indexes"),
    ]

    operations = [migrations.RunPython(keep_inline, reset, elidable=False)]
