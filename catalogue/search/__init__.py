"""Full-text search over published practices, in all three languages, on both databases.

Texts and queries go through the same analyser (catalogue.search.analysis); the analysed
terms are stored per practice and language (catalogue.search.index): on PostgreSQL as a
weighted tsvector (`simple` configuration) with a GIN index, on SQLite in an FTS5 table.

`find(q, language)` answers a search in the order the public sees it, the same for the
practice list and the API:

1. practices whose text in `language` matches every searched word, best rank first;
2. then those that match only in one of the other two languages ("found in the Swedish
   text");
3. when fewer than PARTIAL_BELOW practices match every word, those that match some of the
   words, marked as partial matches.

Within each part: rank (a title match counts most), then the title in `language`, then the
id, so the order never depends on the browser. At most MATCH_CAP practices are read, in the
order the index gives them, with the filters applied in the same statement; past that
the answer says there are more (`Hits.more`) rather than reading every match.

A word that matches nothing in any language is corrected (Voikko's suggestions for
Finnish, then the most similar written word of the catalogue), unless the visitor asked for
exactly what was typed.
"""

import dataclasses
import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, F, Func, IntegerField, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from catalogue.search import analysis
from catalogue.search.postgresql import bitmap_only
from catalogue.search.postgresql import rows as postgresql_rows
from catalogue.search.query import (
    Analysed,
    Compiled,
    Matcher,
    Syntax,
    analyse,
    compile_query,
    matcher,
    parse,
)

MAX_QUERY_LENGTH = 200
# Below this many practices matching every word, practices matching some words follow.
PARTIAL_BELOW = 5
# At most this many practices are read for one search, ranked, and counted by the facets;
# past it the list and the API say "more than MATCH_CAP" (Hits.more). A common word matches
# tens of thousands of the 100,000 synthetic practices, and reading them all took seconds
# (benchmarks/RESULTS.md, section 4); the real catalogue is far below it.
MATCH_CAP = 500
# Title (A) counts most, then summary and names (B), then description (C); D is unused.
WEIGHTS = "{0.0, 0.1, 0.3, 1.0}"
FTS_WEIGHTS = "10.0, 3.0, 3.0, 1.0"  # title, summary, names, description
TIERS = {"language": 0, "other": 1, "partial": 2}


@dataclass(frozen=True)
class Hit:
    """Why and how well a practice matched."""

    practice_id: int
    language: str
    tier: int
    rank: float
    sort_title: str = ""

    @property
    def order_key(self) -> tuple:
        return (self.tier, -self.rank, self.sort_title, self.practice_id)

    @property
    def partial(self) -> bool:
        return self.tier == TIERS["partial"]

    @property
    def found_in(self) -> str | None:
        """The other language the practice was found in, when not in the page's one."""
        return self.language if self.tier == TIERS["other"] else None


@dataclass
class Hits:
    """The answer to one search: the matching practices in order, and what was searched.

    `more` says that more practices match than were read (MATCH_CAP): `order` then holds
    the best-ranked of the first MATCH_CAP matches the index gave, and the count is a floor.
    """

    typed: str
    searched: str
    language: str
    syntax: Syntax
    order: list[int] = field(default_factory=list)
    found: dict[int, Hit] = field(default_factory=dict)
    more: bool = False

    @property
    def corrected(self) -> bool:
        return self.searched != self.typed

    @property
    def ids(self) -> set[int]:
        return set(self.order)

    def hit(self, pk: int) -> Hit | None:
        return self.found.get(pk)

    def matcher(self, language: str) -> Matcher:
        return matcher(self.syntax, language)

    def apply(self, queryset: QuerySet) -> QuerySet:
        """`queryset` narrowed to the hits, in the hits' order."""
        return queryset.filter(pk__in=self.order).order_by(position(self.order))


def position(ids: list[int]):
    """An expression giving each row's position in `ids` (for ORDER BY)."""
    if connection.vendor == "postgresql":
        return ArrayPosition(ids)
    return Case(
        *[When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)],
        output_field=IntegerField(),
    )


class ArrayPosition(Func):
    """array_position(ids, id) on PostgreSQL: one array parameter however many ids."""

    output_field = IntegerField()

    def __init__(self, ids):
        super().__init__(F("pk"))
        self.ids = [int(pk) for pk in ids]

    def as_sql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"array_position(%s::bigint[], {column})", [self.ids, *params]


@dataclass
class Search:
    """A search parsed, corrected and compiled once, to be run within several filters (the
    list's facet counts run it once per chosen facet)."""

    typed: str
    searched: str
    language: str
    syntax: Syntax
    compiled: dict[str, Compiled]

    def hits(self, within: Sequence[QuerySet] = (), *, capped: bool = True) -> Hits:
        """The practices found, in order (see the module), among the practices each of the
        `within` querysets gives (one column of practice ids: the chosen filters, applied in
        the same SQL statement). At most MATCH_CAP practices are read, unless not `capped`."""
        cap = MATCH_CAP if capped else None
        hits = Hits(self.typed, self.searched, self.language, self.syntax)
        if not self.compiled:
            return hits
        found = _read(self.compiled, self.language, within, cap, self.syntax)
        if len(found) < PARTIAL_BELOW and len(self.syntax.groups) > 1:
            loose = {
                code: compile_query(self.syntax, code, any_group=True) for code in self.compiled
            }
            rest = None if cap is None else cap - len(found)
            for pk, hit in _read(loose, self.language, within, rest, None, set(found)).items():
                found[pk] = dataclasses.replace(hit, tier=TIERS["partial"])
        order = sorted(found.values(), key=Hit.order_key.fget)
        hits.more = cap is not None and len(order) > cap
        hits.order = [hit.practice_id for hit in order[:cap]]
        hits.found = {pk: found[pk] for pk in hits.order}
        return hits


def prepare(q: str, language: str, *, exact: bool = False) -> Search:
    """Parse `q`, correct the words that match nothing (unless `exact`) and compile it."""
    syntax = parse(q)
    searched = q
    if not exact:
        searched = correct(q, syntax, language)
        if searched != q:
            syntax = parse(searched)
    compiled = {code: compile_query(syntax, code) for code in analysis.LANGUAGES}
    compiled = {code: c for code, c in compiled.items() if c is not None}
    return Search(q, searched, language, syntax, compiled)


def find(
    q: str,
    language: str,
    *,
    exact: bool = False,
    within: Sequence[QuerySet] = (),
    capped: bool = True,
) -> Hits:
    """Search published practices for `q`, the page being in `language` (see the module)."""
    return prepare(q, language, exact=exact).hits(within, capped=capped)


def _read(
    compiled: dict[str, Compiled],
    language: str,
    within: Sequence[QuerySet],
    cap: int | None,
    syntax: Syntax | None,
    exclude: set[int] = frozenset(),
) -> dict[int, Hit]:
    """The practices matching `compiled`, each with its best hit: those found in `language`
    first, then those found only in the other languages, at most cap + 1 (one more than
    the cap tells that there are more). Every practice read is ranked."""
    phrases = syntax is not None and any(token.phrase for token in syntax.tokens)
    found: dict[int, Hit] = {}
    for tier, codes in (
        (TIERS["language"], [language]),
        (TIERS["other"], [code for code in compiled if code != language]),
    ):
        chosen = {code: compiled[code] for code in codes if code in compiled}
        wanted = None if cap is None else cap + 1 - len(found)
        if not chosen or (wanted is not None and wanted <= 0):
            continue
        # A practice has one document per language: `wanted` practices are among the first
        # wanted * len(chosen) documents. Phrases are checked after reading: read them all.
        limit = None if wanted is None or phrases else wanted * len(chosen)
        rows = _rows(chosen, language, within, limit, exclude | set(found))
        if phrases:
            rows = _with_phrases(rows, syntax)
        for pk, code, rank, title in rows:
            hit = Hit(pk, code, tier, rank, sort_title=(title or "").casefold())
            if pk not in found or hit.order_key < found[pk].order_key:
                found[pk] = hit
    return found


def _rows(
    compiled: dict[str, Compiled],
    language: str,
    within: Sequence[QuerySet],
    limit: int | None,
    exclude: set[int],
) -> list[tuple[int, str, float, str]]:
    """(practice id, language, rank, title in `language`) of the matching documents, in the
    order the index gives them; the filters and the exclusions apply in the same statements
    (catalogue.search.postgresql reads PostgreSQL's)."""
    title = f"title_{language}"  # one of three fixed column names
    filters, filter_params, conditions = [], [], []
    for queryset in within:
        sql, params = queryset.query.sql_with_params()
        filters.append(f"d.practice_id IN ({sql})")
        filter_params.extend(params)
        conditions.append((sql, list(params)))
    postgresql = connection.vendor == "postgresql"
    if exclude:
        if postgresql:
            filters.append("NOT (d.practice_id = ANY(%s::bigint[]))")
        else:
            filters.append("d.practice_id NOT IN (SELECT value FROM json_each(%s))")
        ids = sorted(exclude)
        listed = ",".join(map(str, ids))
        filter_params.append(f"{{{listed}}}" if postgresql else json.dumps(ids))
    narrowing = "".join(f" AND {sql}" for sql in filters)
    driver = None
    if conditions:  # the first filter, and the narrowing without it
        first_sql, first_params = conditions[0]
        rest = "".join(f" AND {sql}" for sql in filters[1:])
        driver = (first_sql, first_params, rest, filter_params[len(first_params) :])
    # One language at a time: a practice has one document per language, so `limit`
    # documents of each are as many practices as `limit` documents of them all.
    each = None if limit is None else limit // len(compiled)
    found = []
    for code, query in compiled.items():
        if postgresql:
            found.extend(
                postgresql_rows(
                    code,
                    query.tsquery,
                    title=title,
                    weights=WEIGHTS,
                    narrowing=narrowing,
                    params=filter_params,
                    limit=each,
                    driver=driver,
                )
            )
            continue
        limited = "" if each is None else f" LIMIT {int(each)}"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.practice_id, d.language, "
                f"-bm25(catalogue_searchdocument_fts, {FTS_WEIGHTS}), p.{title} "
                "FROM catalogue_searchdocument_fts f "
                "JOIN catalogue_searchdocument d ON d.id = f.rowid "
                "JOIN catalogue_practice p ON p.id = d.practice_id "
                f"WHERE catalogue_searchdocument_fts MATCH %s AND d.language = %s{narrowing}"
                f"{limited}",
                [query.fts, code, *filter_params],
            )
            found.extend(cursor.fetchall())
    return found


def _with_phrases(matches: list[tuple], syntax: Syntax) -> list:
    """Only the documents whose text has each phrase's words one after the other, each in
    any of its forms ("suomen kieli" finds "suomen kieltä"); stop words are skipped."""
    from catalogue.models import Practice

    wanted = {match[0] for match in matches}
    fields = [
        f"{name}_{code}"
        for code in analysis.LANGUAGES
        for name in ("title", "summary", "description")
    ]
    rows = Practice.objects.filter(pk__in=wanted).values_list("pk", *fields)
    texts = {row[0]: row[1:] for row in rows}
    kept = []
    for match in matches:
        pk, code = match[0], match[1]
        index = analysis.LANGUAGES.index(code) * 3
        fields_text = texts.get(pk, ())[index : index + 3]
        found = [analysis.words(text or "", code) for text in fields_text]
        phrases = [analyse(token, code) for token in syntax.tokens if token.phrase]
        if all(any(_has_phrase(words, phrase) for words in found) for phrase in phrases):
            kept.append(match)
    return kept


def _has_phrase(words: list[analysis.Word], phrase: list[Analysed]) -> bool:
    size = len(phrase)
    return any(
        all(words[start + n].terms & phrase[n].terms for n in range(size))
        for start in range(len(words) - size + 1)
    )


# Typo correction -------------------------------------------------------------------------


def correct(q: str, syntax: Syntax, language: str) -> str:
    """`q` with each word that matches nothing in any language replaced by a known word."""
    corrected = q
    for token in syntax.tokens:
        if token.phrase or known(token.text):
            continue
        suggestion = suggest(token.text.casefold(), language)
        if suggestion:
            corrected = re.sub(
                rf"(?<!\w){re.escape(token.text)}(?!\w)", suggestion, corrected, count=1
            )
    return corrected


def known(word: str) -> bool:
    """Whether `word` matches some published practice in some language."""
    compiled = [compile_query(parse(word), code) for code in analysis.LANGUAGES]
    compiled = [c for c in compiled if c is not None]
    if not compiled:
        return True
    if connection.vendor == "postgresql":
        return _known_postgresql(" | ".join(f"({c.tsquery})" for c in compiled))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM catalogue_searchdocument_fts "
            "WHERE catalogue_searchdocument_fts MATCH %s LIMIT 1",
            [" OR ".join(f"({c.fts})" for c in compiled)],
        )
        return cursor.fetchone() is not None


# A common word is found among the first few documents at once. Any other word is looked up
# in the GIN index, which is quick for a rare word, and never by reading the table: the
# planner takes a word it has no statistics for to be common, and with LIMIT 1 it would
# read all 300,000 documents of 100,000 practices to learn that a typo matches nothing
# (4.5 s; benchmarks/RESULTS.md, section 4).
KNOWN_SAMPLE = 100


def _known_postgresql(tsquery: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM (SELECT vector FROM catalogue_searchdocument LIMIT %s) sample "
            "WHERE vector @@ %s::tsquery LIMIT 1",
            [KNOWN_SAMPLE, tsquery],
        )
        if cursor.fetchone() is not None:
            return True
        with bitmap_only(cursor):
            cursor.execute(
                "SELECT 1 FROM catalogue_searchdocument WHERE vector @@ %s::tsquery LIMIT 1",
                [tsquery],
            )
            found = cursor.fetchone() is not None
        return found


def suggest(word: str, language: str) -> str | None:
    """A known word close to `word`: Voikko's suggestions (Finnish), then the catalogue's
    most similar written word."""
    from catalogue.models import SearchTerm

    candidates = []
    voikko = analysis.voikko() if language == "fi" else None
    if voikko is not None:
        candidates.extend(s.casefold() for s in voikko.suggest(word)[:3])
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        candidates.extend(
            SearchTerm.objects.filter(term__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("term", word))
            .order_by("-similarity", "term")
            .values_list("term", flat=True)[:3]
        )
    else:
        vocabulary = list(SearchTerm.objects.values_list("term", flat=True))
        candidates.extend(difflib.get_close_matches(word, vocabulary, n=3, cutoff=0.75))
    for candidate in candidates:
        if candidate != word and analysis.WORD.fullmatch(candidate) and known(candidate):
            return candidate
    return None


# Highlighting ----------------------------------------------------------------------------

SNIPPET_WORDS = 30


def highlight(text: str, matcher: Matcher | None, language: str) -> SafeString:
    """The text, escaped, with the words that match the search wrapped in <mark>."""
    if not matcher or not text:
        return escape(text or "")
    pieces = []
    position_ = 0
    for word in analysis.words(text, language):
        if matcher.matches(word):
            pieces.append(escape(text[position_ : word.start]))
            pieces.append(f"<mark>{escape(text[word.start : word.end])}</mark>")
            position_ = word.end
    pieces.append(escape(text[position_:]))
    return mark_safe("".join(pieces))


def has_match(text: str, matcher: Matcher | None, language: str) -> bool:
    return bool(matcher) and any(matcher.matches(w) for w in analysis.words(text, language))


def snippet(text: str, matcher: Matcher | None, language: str) -> SafeString:
    """About SNIPPET_WORDS words of `text` around its first match, highlighted; empty when
    nothing in it matches."""
    if not matcher or not text:
        return mark_safe("")
    first = next((w for w in analysis.words(text, language) if matcher.matches(w)), None)
    if first is None:
        return mark_safe("")
    spans = [m.span() for m in analysis.WORD.finditer(text)]
    index = next(n for n, span in enumerate(spans) if span[0] == first.start)
    start_word = max(0, index - SNIPPET_WORDS // 3)
    end_word = min(len(spans), start_word + SNIPPET_WORDS)
    start = spans[start_word][0]
    end = spans[end_word - 1][1]
    # Keep the sentence's punctuation up to the next space.
    while end < len(text) and not text[end].isspace():
        end += 1
    excerpt = highlight(text[start:end], matcher, language)
    before = "… " if start_word > 0 else ""
    after = " …" if end_word < len(spans) else ""
    return mark_safe(f"{before}{excerpt}{after}")
