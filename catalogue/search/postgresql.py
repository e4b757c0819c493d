"""How PostgreSQL reads a search's matches without reading them all.

A word's documents can be found two ways. The GIN index gives every match at once, at a
cost that grows with the number of matches (a common word matches tens of thousands of the
100,000 synthetic practices). Reading the documents in order and testing each stops at
the LIMIT, at a cost that grows with the number of documents tested (each vector is a
couple of kilobytes, out of line). The planner chooses badly between the two for words it
has no statistics for, so a search first tests a window of the first documents: that
window is the whole answer for a small catalogue, and tells how common the words are for a
large one. A common word is then read on in order, any other from the index.
"""

from contextlib import contextmanager

from django.db import connection, transaction

# The first documents of a language tested for every search.
WINDOW = 200
# From this share of matches in the window on, reading on in order is cheaper than the
# index (about 5 µs a document tested against 1 µs a match in the index, for a LIMIT of
# 1,001 among 100,000 documents a language).
READ_ON_ABOVE = 0.2


def rows(
    language: str,
    tsquery: str,
    *,
    title: str,
    weights: str,
    narrowing: str,
    params: list,
    limit: int | None,
    driver: tuple[str, list, str, list] | None = None,
) -> list[tuple[int, str, float, str]]:
    """(practice id, language, rank, title) of at most `limit` documents of `language`
    matching `tsquery` and `narrowing` (SQL over d.practice_id with its `params`), of which
    `driver` is the first filter: a subquery of practice ids and its parameters, and the
    narrowing by the others with theirs."""
    # `language` and `title` come from fixed lists; as literals, the language's own GIN
    # index (migration 0014) is used.
    rank = f"ts_rank('{weights}', d.vector, %s::tsquery, 1)"
    joined = "d JOIN catalogue_practice p ON p.id = d.practice_id"
    in_order = (
        "SELECT practice_id, vector FROM catalogue_searchdocument "
        f"WHERE language = '{language}'{{after}} ORDER BY practice_id"
    )
    with connection.cursor() as cursor:
        window_sql = in_order.replace("{after}", "") + f" LIMIT {WINDOW}"
        cursor.execute(
            f"SELECT d.practice_id, d.vector @@ %s::tsquery{narrowing}, "
            f"CASE WHEN d.vector @@ %s::tsquery THEN {rank} END, p.{title} "
            f"FROM ({window_sql}) {joined}",
            [tsquery, *params, tsquery, tsquery],
        )
        window = cursor.fetchall()
        found = [(pk, language, rank, title) for pk, matched, rank, title in window if matched]
        if len(window) < WINDOW or (limit is not None and len(found) >= limit):
            return found[:limit] if limit is not None else found
        select = f"SELECT d.practice_id, '{language}', {rank}, p.{title} FROM "
        word_share = sum(rank is not None for _pk, _matched, rank, _title in window) / WINDOW
        if limit is not None and driver and len(found) / WINDOW < READ_ON_ABOVE <= word_share:
            # A common word and a filter that leaves few of its matches: the filter's
            # practices in turn, each one's document looked up and tested, rather than the
            # index's bitmap of every document with the word.
            subquery, driver_params, others, others_params = driver
            cursor.execute(
                f"{select}(SELECT DISTINCT practice_id FROM ({subquery}) chosen OFFSET 0) f "
                "JOIN catalogue_searchdocument d "
                f"ON d.practice_id = f.practice_id AND d.language = '{language}' "
                "JOIN catalogue_practice p ON p.id = d.practice_id "
                f"WHERE d.vector @@ %s::tsquery{others} LIMIT {int(limit)}",
                [tsquery, *driver_params, tsquery, *others_params],
            )
            return cursor.fetchall()
        if limit is not None and len(found) / WINDOW >= READ_ON_ABOVE:
            # OFFSET 0: the documents in order, each tested in turn, not from the index.
            after = in_order.replace("{after}", " AND practice_id > %s")
            cursor.execute(
                f"{select}({after} OFFSET 0) {joined} "
                f"WHERE d.vector @@ %s::tsquery{narrowing} LIMIT {int(limit - len(found))}",
                [tsquery, window[-1][0], tsquery, *params],
            )
            return found + cursor.fetchall()
        # The index's matches in a subquery of their own (OFFSET 0 keeps the planner from
        # reading the filters' practices first and looking up each one's document); the
        # window's matches are among them.
        matching = (
            "SELECT practice_id, vector FROM catalogue_searchdocument "
            f"WHERE language = '{language}' AND vector @@ %s::tsquery OFFSET 0"
        )
        where = f" WHERE {narrowing.removeprefix(' AND ')}" if narrowing else ""
        limited = "" if limit is None else f" LIMIT {int(limit)}"
        with bitmap_only(cursor):
            cursor.execute(
                f"{select}({matching}) {joined}{where}{limited}", [tsquery, tsquery, *params]
            )
            return cursor.fetchall()


@contextmanager
def bitmap_only(cursor):
    """Within it, the planner may only read the search documents through their indexes as
    bitmaps: it takes words it has no statistics for to be common, and with a LIMIT it would
    otherwise test every document in turn, 300,000 of them for a word that is in none."""
    names = ("enable_seqscan", "enable_indexscan")
    with transaction.atomic():
        current = ", ".join(f"current_setting('{name}')" for name in names)
        off = ", ".join(f"set_config('{name}', 'off', true)" for name in names)
        cursor.execute(f"SELECT {current}, {off}")
        saved = list(cursor.fetchone()[: len(names)])
        yield cursor
        # Within an outer transaction the settings would outlive the block (an exception
        # rolls them back with it).
        restore = ", ".join(f"set_config('{name}', %s, true)" for name in names)
        cursor.execute(f"SELECT {restore}", saved)
