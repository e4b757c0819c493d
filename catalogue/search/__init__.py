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
id, so the order never depends on the browser. A word that matches nothing in any language
is corrected (Voikko's suggestions for Finnish, then the most similar written word of the
catalogue), unless the visitor asked for exactly what was typed.
"""

import dataclasses
import difflib
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, F, Func, IntegerField, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from catalogue.search import analysis
from catalogue.search.query import (
    Analysed,
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
# At most this many matches are ranked; the rest follow by id. The real catalogue never
# reaches it; 100,000 synthetic practices do (benchmarks/RESULTS.md).
RANK_CAP = 500
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
    # What the order depends on besides tier and rank.
    unranked: bool = False
    sort_title: str = ""

    @property
    def order_key(self) -> tuple:
        return (self.tier, self.unranked, -self.rank, self.sort_title, self.practice_id)

    @property
    def partial(self) -> bool:
        return self.tier == TIERS["partial"]

    @property
    def found_in(self) -> str | None:
        """The other language the practice was found in, when not in the page's one."""
        return self.language if self.tier == TIERS["other"] else None


@dataclass
class Hits:
    """The answer to one search: the matching practices in order, and what was searched."""

    typed: str
    searched: str
    language: str
    syntax: Syntax
    order: list[int] = field(default_factory=list)
    # Every matching practice's tier and language, and the ranked ones' hits.
    tiers: dict[int, tuple[int, str]] = field(default_factory=dict)
    ranked: dict[int, Hit] = field(default_factory=dict)

    @property
    def corrected(self) -> bool:
        return self.searched != self.typed

    @property
    def ids(self) -> set[int]:
        return set(self.tiers)

    def hit(self, pk: int) -> Hit | None:
        if pk in self.ranked:
            return self.ranked[pk]
        if pk in self.tiers:
            tier, language = self.tiers[pk]
            return Hit(pk, language, tier, 0.0, unranked=True)
        return None

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


def find(q: str, language: str, *, exact: bool = False) -> Hits:
    """Search published practices for `q`, the page being in `language` (see the module)."""
    syntax = parse(q)
    searched = q
    if not exact:
        searched = correct(q, syntax, language)
        if searched != q:
            syntax = parse(searched)
    hits = Hits(typed=q, searched=searched, language=language, syntax=syntax)
    compiled = {code: compile_query(syntax, code) for code in analysis.LANGUAGES}
    compiled = {code: c for code, c in compiled.items() if c is not None}
    if not compiled:
        return hits
    tiers, ranked = _hits(_match(compiled), compiled, language, syntax)
    if len(tiers) < PARTIAL_BELOW and len(syntax.groups) > 1:
        loose = {code: compile_query(syntax, code, any_group=True) for code in compiled}
        more_tiers, more_ranked = _hits(_match(loose), loose, language, None)
        for pk, (_tier, code) in more_tiers.items():
            if pk not in tiers:
                tiers[pk] = (TIERS["partial"], code)
                if pk in more_ranked:
                    ranked[pk] = dataclasses.replace(more_ranked[pk], tier=TIERS["partial"])
    hits.tiers, hits.ranked = tiers, ranked
    hits.order = _order(tiers, ranked)
    return hits


def _order(tiers: dict[int, tuple[int, str]], ranked: dict[int, Hit]) -> list[int]:
    """Tier by tier: the ranked hits by rank, title and id, then the unranked ones by id."""
    unranked: dict[int, list[int]] = {tier: [] for tier in TIERS.values()}
    for pk, (tier, _language) in tiers.items():
        if pk not in ranked:
            unranked[tier].append(pk)
    order = []
    for tier in sorted(TIERS.values()):
        in_tier = [hit for hit in ranked.values() if hit.tier == tier]
        order.extend(hit.practice_id for hit in sorted(in_tier, key=Hit.order_key.fget))
        order.extend(sorted(unranked[tier]))
    return order


def _match(compiled: dict) -> list[tuple[int, int, str]]:
    """(document id, practice id, language) of every matching document."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            where = " OR ".join("(language = %s AND vector @@ %s::tsquery)" for _ in compiled)
            params = [p for code, c in compiled.items() for p in (code, c.tsquery)]
            cursor.execute(
                f"SELECT id, practice_id, language FROM catalogue_searchdocument WHERE {where}",
                params,
            )
        else:
            union = " UNION ALL ".join(
                "SELECT d.id, d.practice_id, d.language FROM catalogue_searchdocument_fts f "
                "JOIN catalogue_searchdocument d ON d.id = f.rowid "
                "WHERE catalogue_searchdocument_fts MATCH %s AND d.language = %s"
                for _ in compiled
            )
            cursor.execute(union, [p for code, c in compiled.items() for p in (c.fts, code)])
        return cursor.fetchall()


def _hits(matches, compiled: dict, language: str, syntax: Syntax | None):
    """Each matching practice's tier (0: found in `language`, 1: only in another language)
    and language, and the hits of the ranked ones. At most RANK_CAP documents are ranked,
    the page's language first; a practice keeps its best tier, then its best rank."""
    if syntax is not None and any(token.phrase for token in syntax.tokens):
        matches = _with_phrases(matches, syntax)
    tiers: dict[int, tuple[int, str]] = {}
    own = TIERS["language"]
    other = TIERS["other"]
    for _doc_id, pk, code in matches:
        tier = own if code == language else other
        current = tiers.get(pk)
        if current is None or tier < current[0]:
            tiers[pk] = (tier, code)
    candidates = [m for m in matches if m[2] == language][:RANK_CAP]
    if len(candidates) < RANK_CAP:
        candidates += [m for m in matches if m[2] != language][: RANK_CAP - len(candidates)]
    ranks = _ranks([m[0] for m in candidates], compiled, language)
    ranked: dict[int, Hit] = {}
    for doc_id, pk, code in candidates:
        tier = own if code == language else other
        if doc_id not in ranks or tier != tiers[pk][0]:
            continue  # a document of a worse tier than the practice's best one
        rank, title = ranks[doc_id]
        hit = Hit(pk, code, tiers[pk][0], rank, sort_title=title.casefold())
        if pk not in ranked or hit.order_key < ranked[pk].order_key:
            ranked[pk] = hit
    return tiers, ranked


def _ranks(doc_ids: list[int], compiled: dict, language: str) -> dict[int, tuple[float, str]]:
    """Rank and title (in `language`, for ties) of the given documents."""
    if not doc_ids:
        return {}
    title = f"title_{language}"  # one of three fixed column names
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            choose = " ".join("WHEN %s THEN %s::tsquery" for _ in compiled)
            params = [p for code, c in compiled.items() for p in (code, c.tsquery)]
            cursor.execute(
                f"SELECT d.id, ts_rank('{WEIGHTS}', d.vector, CASE d.language {choose} END, 1), "
                f"p.{title} FROM catalogue_searchdocument d "
                "JOIN catalogue_practice p ON p.id = d.practice_id WHERE d.id = ANY(%s)",
                [*params, doc_ids],
            )
        else:
            union = " UNION ALL ".join(
                f"SELECT f.rowid, -bm25(catalogue_searchdocument_fts, {FTS_WEIGHTS}), "
                f"p.{title} FROM catalogue_searchdocument_fts f "
                "JOIN catalogue_searchdocument d ON d.id = f.rowid "
                "JOIN catalogue_practice p ON p.id = d.practice_id "
                "WHERE catalogue_searchdocument_fts MATCH %s AND d.language = %s"
                for _ in compiled
            )
            cursor.execute(union, [p for code, c in compiled.items() for p in (c.fts, code)])
        wanted = set(doc_ids)
        return {row[0]: (row[1], row[2] or "") for row in cursor.fetchall() if row[0] in wanted}


def _with_phrases(matches: list[tuple[int, int, str]], syntax: Syntax) -> list:
    """Only the documents whose text has each phrase's words one after the other, each in
    any of its forms ("suomen kieli" finds "suomen kieltä"); stop words are skipped."""
    from catalogue.models import Practice

    wanted = {pk for _doc_id, pk, _code in matches}
    fields = [
        f"{name}_{code}"
        for code in analysis.LANGUAGES
        for name in ("title", "summary", "description")
    ]
    rows = Practice.objects.filter(pk__in=wanted).values_list("pk", *fields)
    texts = {row[0]: row[1:] for row in rows}
    kept = []
    for match in matches:
        _doc_id, pk, code = match
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
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            where = " OR ".join("vector @@ %s::tsquery" for _ in compiled)
            cursor.execute(
                f"SELECT 1 FROM catalogue_searchdocument WHERE {where} LIMIT 1",
                [c.tsquery for c in compiled],
            )
        else:
            cursor.execute(
                "SELECT 1 FROM catalogue_searchdocument_fts "
                "WHERE catalogue_searchdocument_fts MATCH %s LIMIT 1",
                [" OR ".join(f"({c.fts})" for c in compiled)],
            )
        return cursor.fetchone() is not None


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
