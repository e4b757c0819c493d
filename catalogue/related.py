"""Everything a practice page or a list's card shows besides the practice's own row, in
one query.

A practice links to municipalities, cooperation areas, target groups, themes, service
languages and partners, and owns web links and service points: eight prefetches, each a
round trip to the database for a few rows. Here one query reads the ids of all of them
(a UNION ALL over the link tables). The linked rows come from small tables (some 120 rows
in all), read once per catalogue version and language by each process; only a
practice's own web links and service points, when it has any, are read from their tables.

The result is put where prefetch_related() puts it, so `practice.themes.all()` and the
rest read it as usual (templates, JSON-LD, ordered_municipalities); a list's cards get the
lists for_list() would give them.
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
    attach_related_to_all([practice])


def attach_related_to_all(practices: list[Practice]) -> None:
    """What with_related() would prefetch for these practices (one page's, or one practice's),
    in one query for the links of them all and one for each kind of row they own, when any
    of them has some."""
    if not practices:
        return
    by_practice = _linked_ids(practices, TERMS, OWNED)
    every = {name: [pk for ids in by_practice.values() for pk in ids[name]] for name in TERMS}
    linked_terms = {name: pks for name, pks in every.items() if pks}
    terms = _complete(_terms(linked_terms), linked_terms)
    # In the models' own order, as a prefetch gives them.
    owned = {}
    for name, model in OWNED.items():
        pks = [pk for ids in by_practice.values() for pk in ids[name]]
        owned[name] = list(model.objects.filter(pk__in=pks)) if pks else []
    for practice in practices:
        ids = by_practice[practice.pk]
        for name in TERMS:
            linked = sorted(terms[name][pk] for pk in ids[name]) if ids[name] else []
            _prefetched(practice, name, [obj for _rank, obj in linked])
        for name in OWNED:
            _prefetched(practice, name, [o for o in owned[name] if o.practice_id == practice.pk])


def _linked_ids(practices, terms, owned) -> dict[int, dict[str, list[int]]]:
    """For each practice, the ids it links to through the many-to-many `terms` and of the
    rows of the `owned` models that point to it, in one UNION ALL query."""
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(practices))
    names = [*terms, *owned]
    parts = []
    for index, name in enumerate(terms):
        field = Practice._meta.get_field(name)
        column = quote(field.m2m_column_name())
        parts.append(
            f"SELECT {index}, {column}, {quote(field.m2m_reverse_name())} "
            f"FROM {quote(field.remote_field.through._meta.db_table)} "
            f"WHERE {column} IN ({placeholders})"
        )
    for index, model in enumerate(owned.values(), start=len(terms)):
        column = quote(model._meta.get_field("practice").column)
        parts.append(
            f"SELECT {index}, {column}, {quote(model._meta.pk.column)} "
            f"FROM {quote(model._meta.db_table)} WHERE {column} IN ({placeholders})"
        )
    by_practice = {practice.pk: {name: [] for name in names} for practice in practices}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), [p.pk for p in practices] * len(names))
        for index, practice_id, pk in cursor.fetchall():
            by_practice[practice_id][names[index]].append(pk)
    return by_practice


# What a card shows (for_list()'s lists), by relation.
LISTED = {
    "municipalities": "listed_municipalities",
    "target_groups": "listed_target_groups",
    "service_languages": "listed_languages",
}


def attach_listed(practices: list[Practice]) -> None:
    """Give each of a page's practices the lists its card shows, as for_list() would, in one
    query for the whole page (for_list() makes three)."""
    if not practices:
        return
    names = list(LISTED)
    by_practice = _linked_ids(practices, names, {})
    every = {name: [pk for ids in by_practice.values() for pk in ids[name]] for name in names}
    terms = _complete(_terms(names), every)
    for practice in practices:
        for name, attribute in LISTED.items():
            rows = sorted(terms[name][pk] for pk in by_practice[practice.pk][name])
            setattr(practice, attribute, [obj for _rank, obj in rows])


def _terms(names) -> dict[str, dict[int, tuple[int, object]]]:
    """Every row of each named relation's table: id -> (place in its order, row)."""
    language = translation.get_language()
    # In this process only: rows of models are not kept in the shared cache, where a
    # deployment that changes a model would find them.
    return {
        name: caching.per_version(
            f"practice-terms:{name}:{language}", lambda name=name: _read_terms(name), shared=False
        )
        for name in names
    }


def _read_terms(name: str) -> dict[int, tuple[int, object]]:
    model = Practice._meta.get_field(name).related_model
    # The order of with_related()'s prefetches: municipalities by their name in this
    # language (the database's collation), the rest in their models' order.
    rows = model.objects.order_by("name") if name == "municipalities" else model.objects.all()
    return {obj.pk: (rank, obj) for rank, obj in enumerate(rows)}


def _complete(terms: dict, ids: dict[str, list[int]]) -> dict:
    """`terms`, with a relation read again if a linked row is missing from it: written
    since, its version bump not yet made (it follows the commit). Better read the table
    now than leave the row out."""
    for name, pks in ids.items():
        if any(pk not in terms[name] for pk in pks):
            terms = {**terms, name: _read_terms(name)}
    return terms


def _prefetched(practice: Practice, name: str, objects: list) -> None:
    """Store `objects` as prefetch_related() stores a prefetched relation."""
    queryset = getattr(practice, name).all()  # not evaluated
    queryset._result_cache = objects
    queryset._prefetch_done = True
    practice.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
