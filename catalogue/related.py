"""Everything a practice page shows besides the practice's own row, in one query.

A practice links to municipalities, cooperation areas, target groups, themes, service
languages and partners, and owns web links and service points: eight prefetches, each a
round trip to the database for a few rows. Here one query reads the ids of all of them
(a UNION ALL over the link tables). The linked rows come from small tables (some 120 rows
in all), read once per catalogue version and language by each process; only a
practice's own web links and service points, when it has any, are read from their tables.

The result is put where prefetch_related() puts it, so `practice.themes.all()` and the
rest read it as usual (templates, JSON-LD, ordered_municipalities).
"""

from django.db import connection
from django.utils import translation

from catalogue import caching
from catalogue.models import Practice, PracticeLink, ServicePoint

# The many-to-many relations, each read from the small tables kept per version.
TERMS = ("municipalities", "areas", "target_groups", "themes", "service_languages", "partners")
# What the practice owns: read only when it has any.
OWNED = {"links": PracticeLink, "service_points": ServicePoint}


def attach_related(practice: Practice) -> None:
    """Read what the practice page shows about `practice`'s links, as with_related() would."""
    ids: dict[str, list[int]] = {name: [] for name in (*TERMS, *OWNED)}
    names = list(ids)
    with connection.cursor() as cursor:
        cursor.execute(_ids_sql(), [practice.pk] * len(names))
        for index, pk in cursor.fetchall():
            ids[names[index]].append(pk)
    terms = _terms() if any(ids[name] for name in TERMS) else {}
    if any(pk not in terms[name] for name in TERMS for pk in ids[name]):
        # Linked to a row the kept tables lack: written since, its version bump not yet
        # made (it follows the commit). Read the tables now rather than leave it out.
        terms = _read_terms()
    for name in TERMS:
        linked = sorted(terms[name][pk] for pk in ids[name])
        _prefetched(practice, name, [obj for _rank, obj in linked])
    for name, model in OWNED.items():
        objects = list(model.objects.filter(pk__in=ids[name])) if ids[name] else []
        _prefetched(practice, name, objects)


def _ids_sql() -> str:
    quote = connection.ops.quote_name
    parts = []
    for index, name in enumerate(TERMS):
        field = Practice._meta.get_field(name)
        table = field.remote_field.through._meta.db_table
        parts.append(
            f"SELECT {index}, {quote(field.m2m_reverse_name())} FROM {quote(table)} "
            f"WHERE {quote(field.m2m_column_name())} = %s"
        )
    for index, model in enumerate(OWNED.values(), start=len(TERMS)):
        column = model._meta.get_field("practice").column
        parts.append(
            f"SELECT {index}, {quote(model._meta.pk.column)} FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(column)} = %s"
        )
    return " UNION ALL ".join(parts)


def _terms() -> dict[str, dict[int, tuple[int, object]]]:
    """Every row of each linked table: id -> (place in the relation's order, row)."""
    language = translation.get_language()
    # In this process only: rows of models are not kept in the shared cache, where a
    # deployment that changes a model would find them.
    return caching.per_version(f"practice-terms:{language}", _read_terms, shared=False)


def _read_terms() -> dict[str, dict[int, tuple[int, object]]]:
    terms = {}
    for name in TERMS:
        model = Practice._meta.get_field(name).related_model
        # The order of with_related()'s prefetches: municipalities by their name in this
        # language (the database's collation), the rest in their models' order.
        rows = model.objects.order_by("name") if name == "municipalities" else model.objects.all()
        terms[name] = {obj.pk: (rank, obj) for rank, obj in enumerate(rows)}
    return terms


def _prefetched(practice: Practice, name: str, objects: list) -> None:
    """Store `objects` as prefetch_related() stores a prefetched relation."""
    queryset = getattr(practice, name).all()  # not evaluated
    queryset._result_cache = objects
    queryset._prefetch_done = True
    practice.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
