"""Full-text search over practices, in one language at a time.

On PostgreSQL: a weighted tsvector per language (title A, summary B, description C) with
the finnish, swedish and english configurations, stored in generated columns with GIN
indexes (migration catalogue 0002), matched by websearch syntax or by word prefixes, plus
trigram word similarity on title and summary so that mistyped and inflected words still
find their practice (the Finnish stemmer misses consonant gradation: käytäntö / käytännöt).

Elsewhere (SQLite): every word must occur in the casefolded text, so Ä/ä and Ö/ö match
(SQLite's LIKE folds ASCII only); long words match by their stem-like beginning.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, TextField, Value, When
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import Coalesce, Concat
from django.db.models.lookups import Contains
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 200
CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    """The words to find (websearch's "-word" exclusions and "or" left out)."""
    return split_words(query)[0]


def split_words(query: str) -> tuple[list[str], list[str]]:
    """The wanted and the excluded ("-word") words of a query, casefolded."""
    wanted, excluded = [], []
    for token in query.casefold().split():
        words = WORD.findall(token)
        if token.startswith("-"):
            excluded.extend(words)
        elif token != "or":
            wanted.extend(words)
    return wanted, excluded


def word_roots(query: str) -> list[str]:
    """Beginnings of the query's words that still match their inflected forms.

    Finnish and Swedish inflect at the end of a word: "käytännöt" finds "käytäntö",
    "arabiaksi" finds "arabia". Short words are kept whole.
    """
    roots = []
    for word in query_words(query):
        root = word[: max(4, len(word) - 3)] if len(word) > 5 else word
        if root not in roots:
            roots.append(root)
    return roots


class Casefold(Func):
    """casefold(text): registered on SQLite connections by catalogue.apps."""

    function = "casefold"
    output_field = TextField()


# Below this many full-text matches, titles similar to the words are added (typos).
FUZZY_BELOW = 10


@dataclass(frozen=True)
class Search:
    """How to find and rank practices for one query in one language.

    `match` is the full-text condition; `fuzzy` the typo-tolerant one, used only when the
    full text finds few practices, so that near misses never crowd out real matches;
    `rank` orders the results (higher is better), and `fuzzy_rank` orders them when the
    typo-tolerant matches were added.
    """

    match: Q
    fuzzy: Q | None
    rank: Expression
    fuzzy_rank: Expression | None = None


def build(query: str, language: str) -> Search:
    """The search for `query` in `language`; a query without any word matches nothing."""
    if not query_words(query):
        return Search(Q(pk__in=[]), None, Value(0.0, output_field=FloatField()))
    if connection.vendor == "postgresql":
        return _postgresql(query, language)
    return _casefold(query, language)


def matching_ids(query: str, language: str) -> tuple[set[int], bool]:
    """Ids of the published practices that match `query` in `language`, and whether
    typo-tolerant matching had to be used."""
    from catalogue.models import Practice

    search = build(query, language)
    # No ordering: a set needs none, and ordering by title would steer the planner away
    # from the search index.
    public = Practice.objects.published().order_by()
    ids = set(public.filter(search.match).values_list("pk", flat=True))
    if search.fuzzy is not None and len(ids) < FUZZY_BELOW:
        ids |= set(public.filter(search.fuzzy).values_list("pk", flat=True))
        return ids, True
    return ids, False


def search_practices(queryset: QuerySet, query: str, language: str) -> QuerySet:
    """Practices of `queryset` matching `query` in `language`, annotated with `rank`."""
    search = build(query, language)
    if search.fuzzy is None:
        return queryset.filter(search.match).annotate(rank=search.rank)
    return queryset.filter(search.match | search.fuzzy).annotate(rank=search.fuzzy_rank)


def _postgresql(query, language):
    config = CONFIGS[language]
    # Generated columns of migration catalogue 0002 (unknown to the model on purpose),
    # unqualified because Django aliases the table in subqueries: the whole text, and the
    # title and summary alone, which is small enough to rank thousands of matches quickly.
    vector = RawSQL(f"search_{language}", [], output_field=SearchVectorField())
    head = RawSQL(f"search_head_{language}", [], output_field=SearchVectorField())
    wanted, excluded = split_words(query)
    # Words are \w+ only, so they are safe in a raw tsquery.
    prefixes = " & ".join([f"{word}:*" for word in wanted] + [f"!{word}" for word in excluded])
    matches = SearchQuery(query, search_type="websearch", config=config) | SearchQuery(
        prefixes, search_type="raw", config=config
    )
    words = " ".join(wanted)
    fuzzy = Q(**{f"title_{language}__trigram_word_similar": words})
    if excluded:
        excluded_query = SearchQuery(" | ".join(excluded), search_type="raw", config=config)
        fuzzy &= ~Q(SearchVectorExact(vector, excluded_query))
    rank = Coalesce(SearchRank(head, matches), 0.0, output_field=FloatField())
    fuzzy_rank = rank + TrigramWordSimilarity(Value(words), F(f"title_{language}")) / 2
    return Search(Q(SearchVectorExact(vector, matches)), fuzzy, rank, fuzzy_rank)


def _casefold(query, language):
    haystack = Casefold(
        Concat(
            F(f"title_{language}"),
            Value(" "),
            F(f"summary_{language}"),
            Value(" "),
            F(f"description_{language}"),
            output_field=TextField(),
        )
    )
    title = Casefold(F(f"title_{language}"))
    match = Q()
    rank = Value(0.0, output_field=FloatField())
    for root in word_roots(query):
        match &= Q(Contains(haystack, Value(root)))
        # A word in the title counts more than a word anywhere else.
        rank = rank + Case(When(Contains(title, Value(root)), then=1.0), default=0.1)
    return Search(match, None, rank)


def highlight(text: str, query: str) -> SafeString:
    """The text, escaped, with the words that match the query wrapped in <mark>."""
    roots = word_roots(query)
    if not roots:
        return escape(text)
    pieces = []
    position = 0
    for match in WORD.finditer(text):
        word = match.group().casefold()
        if any(word.startswith(root) for root in roots):
            pieces.append(escape(text[position : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))
