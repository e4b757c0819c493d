"""What a search asks for: its syntax, and its words analysed in one language.

Syntax, the same on both databases: words that must all match; `"an exact phrase"`;
`-word` to leave out practices with that word; `a or b` for either. A word matches a
practice by one of its base forms (or stems), a compound part, or as the beginning of a
written word; a compound in the query ("finskakurs") also matches a text that has all its
parts ("kurs i finska").
"""

import re
from dataclasses import dataclass, field

from catalogue.search import analysis

TOKEN = re.compile(r'-?"[^"]*"?|\S+')
# Shorter surface forms would match too many words as a prefix.
MIN_PREFIX = 3


@dataclass(frozen=True)
class Token:
    """One searched thing as typed: a word or a phrase (several words)."""

    text: str
    phrase: bool = False


@dataclass
class Syntax:
    """A search parsed: groups that must all match, each of alternatives (`or`), and the
    tokens that must not match."""

    groups: list[list[Token]] = field(default_factory=list)
    excluded: list[Token] = field(default_factory=list)

    @property
    def tokens(self) -> list[Token]:
        return [token for group in self.groups for token in group]


def parse(q: str) -> Syntax:
    """Split `q` into words, phrases, `or` and `-` exclusions."""
    syntax = Syntax()
    join_next = False
    for raw in TOKEN.findall(q):
        excluded = raw.startswith("-")
        text = raw[1:] if excluded else raw
        phrase = text.startswith('"')
        text = text.strip('"')
        if not analysis.WORD.search(text):
            continue
        if not phrase and not excluded and text.casefold() == "or":
            join_next = bool(syntax.groups)
            continue
        if excluded:
            syntax.excluded.append(Token(text, phrase))
            continue
        if phrase:
            tokens = [Token(text, True)]
        else:
            # "maahanmuutto-asiat" or "e-mail": each word of it must match.
            tokens = [Token(word) for word in analysis.WORD.findall(text)]
        for token in tokens:
            if join_next:
                syntax.groups[-1].append(token)
                join_next = False
            else:
                syntax.groups.append([token])
    return syntax


@dataclass(frozen=True)
class Analysed:
    """A word of the query in one language: its terms, compound parts and surface form."""

    surface: str
    terms: frozenset[str]
    parts: tuple[frozenset[str], ...]

    @property
    def prefix(self) -> str | None:
        return self.surface if len(self.surface) >= MIN_PREFIX else None


def analyse(token: Token, language: str, *, stop_words: bool = False) -> list[Analysed]:
    """The token's words in `language`; stop words are left out unless `stop_words`."""
    if stop_words:
        return [
            Analysed(word, frozenset({word}), ())
            for word in analysis.WORD.findall(token.text.casefold())
        ]
    return [
        Analysed(word.surface, word.terms, word.parts)
        for word in analysis.words(token.text, language)
    ]


def analyse_groups(syntax: Syntax, language: str) -> list[list[list[Analysed]]]:
    """Every group's alternatives analysed; a search of stop words only keeps them all."""
    groups = [[analyse(token, language) for token in group] for group in syntax.groups]
    if not any(words for group in groups for words in group):
        groups = [
            [analyse(token, language, stop_words=True) for token in group]
            for group in syntax.groups
        ]
    return groups


@dataclass
class Compiled:
    """A search in one language, written for PostgreSQL (tsquery) and SQLite (FTS5)."""

    tsquery: str
    fts: str


def compile_query(syntax: Syntax, language: str, *, any_group: bool = False) -> Compiled | None:
    """The search in `language`: all groups (or any group, for partial matches), none of the
    excluded tokens. None when nothing is left to search for."""
    groups = [[words for words in group if words] for group in analyse_groups(syntax, language)]
    groups = [group for group in groups if group]
    if not groups:
        return None
    joiner = (" | ", " OR ") if any_group else (" & ", " AND ")
    ts = joiner[0].join(_group(group, "ts") for group in groups)
    fts = joiner[1].join(_group(group, "fts") for group in groups)
    excluded = [w for token in syntax.excluded for w in analyse(token, language)]
    if excluded:
        ts = f"({ts}) & !({' | '.join(_word(w, 'ts', prefix=False) for w in excluded)})"
        fts = f"({fts}) NOT ({' OR '.join(_word(w, 'fts', prefix=False) for w in excluded)})"
    return Compiled(ts, fts)


def _group(alternatives: list[list[Analysed]], dialect: str) -> str:
    """Alternatives joined by OR; each alternative's words (a phrase has several) by AND."""
    and_, or_ = (" & ", " | ") if dialect == "ts" else (" AND ", " OR ")
    return (
        "("
        + or_.join(
            "(" + and_.join(_word(w, dialect) for w in words) + ")" for words in alternatives
        )
        + ")"
    )


def _word(word: Analysed, dialect: str, *, prefix: bool = True) -> str:
    """One word: any of its terms, its surface form as a prefix, or all its compound parts."""
    and_, or_ = (" & ", " | ") if dialect == "ts" else (" AND ", " OR ")
    alternatives = [_term(term, dialect) for term in sorted(word.terms)]
    if prefix and word.prefix:
        alternatives.append(_term(word.prefix, dialect, prefix=True))
    if word.parts:
        alternatives.append(
            "("
            + and_.join(
                "(" + or_.join(_term(t, dialect) for t in sorted(part)) + ")" for part in word.parts
            )
            + ")"
        )
    return "(" + or_.join(alternatives) + ")"


def _term(term: str, dialect: str, *, prefix: bool = False) -> str:
    # Terms are \w+ only (analysis.TERM), so quoting them is enough in both syntaxes.
    if dialect == "ts":
        return f"'{term}':*" if prefix else f"'{term}'"
    return f'"{term}"*' if prefix else f'"{term}"'


def matcher(syntax: Syntax, language: str) -> "Matcher":
    """What to highlight in a text of `language` for this search."""
    words = [w for group in analyse_groups(syntax, language) for ws in group for w in ws]
    return Matcher(
        terms=frozenset(t for w in words for t in w.terms),
        prefixes=tuple(sorted({w.prefix for w in words if w.prefix})),
        parts=tuple(w.parts for w in words if w.parts),
    )


@dataclass(frozen=True)
class Matcher:
    """Decides whether a word of a text matches the search (for highlighting)."""

    terms: frozenset[str]
    prefixes: tuple[str, ...]
    parts: tuple[tuple[frozenset[str], ...], ...] = ()

    def matches(self, word: analysis.Word) -> bool:
        if word.terms & self.terms:
            return True
        if any(word.surface.startswith(prefix) for prefix in self.prefixes):
            return True
        # A compound of the text containing a searched word ("neuvonta" in
        # "yleisneuvontapiste"), or a word that is a part of a searched compound.
        if any(part & self.terms for part in word.parts):
            return True
        return any(word.terms & part for parts in self.parts for part in parts)
