"""Turn text into search terms, one analyser per language, the same for texts and queries.

- Finnish: Voikko gives every word's base forms ("naisille" -> nainen) and splits compounds
  into their parts ("yleisneuvontapiste" -> yleis, neuvonta, piste), so that inflected forms
  and the parts of compounds find each other.
- Swedish: compounds are split over the words of Debian's hunspell-sv dictionary
  ("invandrarkvinnor" -> invandrar, kvinnor) and every word and part is stemmed with the
  Snowball Swedish stemmer (kvinnor, kvinna -> kvinn).
- English: the Snowball English stemmer; stop words are dropped.

Each word keeps its own casefolded surface form as well, so that a query word can match the
beginning of a longer word (prefix matching). When Voikko or the Swedish word list is
missing, the language falls back to plain Snowball stemming and `missing_analysers()` says
so (a system check reports it).
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import Stemmer

LANGUAGES = ("fi", "sv", "en")
WORD = re.compile(r"\w+", re.UNICODE)
# Term strings are letters and digits only, so they are safe inside tsquery and FTS5 syntax.
TERM = re.compile(r"^\w+$", re.UNICODE)

SWEDISH_DICTIONARIES = (
    Path("/usr/share/hunspell/sv_FI.dic"),
    Path("/usr/share/hunspell/sv_SE.dic"),
)
# Parts of a Swedish compound are at least this long, so that "are" or "ser" never counts.
MIN_PART = 4
SWEDISH_ENDINGS = frozenset(
    {"erna", "arna", "orna", "ande", "ende", "ares", "aren", "arens", "heten", "heter"}
)
# Letters that join the parts of a Swedish compound.
LINKS = frozenset("soeua")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The Snowball project's stop word lists, shortened to the words that carry no meaning in
# a search of this catalogue.
STOP_WORDS = {
    "en": _word_set(
        "a about above after again against all am an and any are as at be because been before "
        "being below between both but by can could did do does doing down during each few for "
        "from further had has have having he her here hers herself him himself his how i if in "
        "into is it its itself just me more most my myself no nor not now of off on once only "
        "or other our ours ourselves out over own same she should so some such than that the "
        "their theirs them themselves then there these they this those through to too under "
        "until up very was we were what when where which while who whom why will with would "
        "you your yours yourself yourselves"
    ),
    "sv": _word_set(
        "och det att i en jag hon som han på den med var sig för så till är men ett om hade de "
        "av icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid "
        "kunde något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla "
        "under någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt "
        "ni bli blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess "
        "inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt "
        "våra ert era vilkas"
    ),
    "fi": _word_set(
        "ja tai on ei se ne että kun myös sekä jos niin kuin mutta vaan eli olla oli ovat ole "
        "joka jotka mikä mitkä tämä nämä tuo nuo hän he me te minä sinä sen sitä siitä siihen "
        "jo vielä nyt kanssa"
    ),
}


@dataclass(frozen=True)
class Word:
    """One word of a text: where it stands, and the terms it is indexed and searched by."""

    start: int
    end: int
    surface: str
    terms: frozenset[str]
    parts: tuple[frozenset[str], ...] = ()


@functools.cache
def voikko():
    """Voikko's Finnish analyser, or None when libvoikko or its dictionary is missing."""
    try:
        from libvoikko import Voikko

        return Voikko("fi")
    except (ImportError, OSError):
        return None


def swedish_dictionary() -> Path | None:
    """hunspell-sv's word list, if installed."""
    return next((path for path in SWEDISH_DICTIONARIES if path.exists()), None)


@functools.cache
def swedish_words() -> frozenset[str] | None:
    """The stems of hunspell-sv's words, or None when no Swedish word list is installed."""
    path = swedish_dictionary()
    if path is None:
        return None
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    words = {line.split("/", 1)[0].strip().casefold() for line in lines}
    words = [w for w in words if len(w) >= MIN_PART and w.isalpha()]
    return frozenset(_stemmer("sv").stemWords(words))


@functools.cache
def _stemmer(language: str):
    return Stemmer.Stemmer({"fi": "finnish", "sv": "swedish", "en": "english"}[language])


def missing_analysers() -> list[str]:
    """The analysers that are not installed; those languages fall back to plain stemming."""
    missing = []
    if voikko() is None:
        missing.append("Voikko (libvoikko1, voikko-fi)")
    if swedish_dictionary() is None:
        missing.append("Swedish word list (hunspell-sv)")
    return missing


def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


def is_stop_word(word: str, language: str) -> bool:
    return word.casefold() in STOP_WORDS[language]


@functools.lru_cache(maxsize=200_000)
def analyse_word(surface: str, language: str) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The terms of one casefolded word, and the terms of each compound part it has.

    The first set holds the surface form and the base forms (or stems); the parts are empty
    when the word is not a compound.
    """
    if language == "fi":
        return _finnish(surface)
    if language == "sv":
        return _swedish(surface)
    return frozenset({surface, stem(surface, "en")}), ()


def _finnish(surface: str):
    analyser = voikko()
    if analyser is None:
        return frozenset({surface, stem(surface, "fi")}), ()
    terms = {surface}
    parts: list[frozenset[str]] = []
    for analysis in analyser.analyze(surface):
        base = analysis.get("BASEFORM", "").casefold()
        if TERM.match(base):
            terms.add(base)
        found = _finnish_parts(analysis.get("WORDBASES", ""))
        if len(found) > 1 and not parts:
            parts = found
    return frozenset(terms), tuple(parts)


# "+yleis+neuvo(neuvoa)+nta(+ta)+piste(piste)": pieces with their own base in brackets;
# a bracket that starts with "+" marks a derivational ending of the piece before it.
PIECE = re.compile(r"\+([^+(]+)(?:\(([^)]*)\))?")


def _finnish_parts(wordbases: str) -> list[frozenset[str]]:
    """The parts of a compound, each as its written form plus the base of its first piece."""
    parts: list[set[str]] = []
    written: list[str] = []
    for piece, base in PIECE.findall(wordbases):
        piece = piece.casefold()
        if base.startswith("+") and written:
            written[-1] += piece
            continue
        written.append(piece)
        part = set()
        for name in base.casefold().split("="):
            if TERM.match(name):
                part.add(name)
        parts.append(part)
    result = []
    for part, form in zip(parts, written, strict=True):
        if TERM.match(form):
            part.add(form)
        if part:
            result.append(frozenset(part))
    return result


def _swedish(surface: str):
    terms = frozenset({surface, stem(surface, "sv")})
    known = swedish_words()
    if known is None or len(surface) < 2 * MIN_PART:
        return terms, ()
    parts = _split_swedish(surface, known, depth=0)
    if not parts or len(parts) < 2:
        return terms, ()
    return terms, tuple(_swedish_part(part, known) for part in parts)


def _swedish_part(part: str, known: frozenset[str]) -> frozenset[str]:
    found = {part, stem(part, "sv")}
    if part[-1] in LINKS and _known(part[:-1], known):
        found.add(stem(part[:-1], "sv"))  # hälso -> häls, as hälsa
    return frozenset(found)


def _split_swedish(word: str, known: frozenset[str], depth: int) -> list[str] | None:
    """The split into known words whose shortest part is longest; None when none exists.

    A linking letter may end a head: arbets|plats, kvinno|grupp, hälso|vård.
    """
    if depth > 3:
        return None
    best, best_shortest = None, 0
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        head_known = _known(head, known) or (
            head[-1] in LINKS and len(head) > MIN_PART and _known(head[:-1], known)
        )
        if not head_known:
            continue
        rest = [tail] if _known(tail, known) else _split_swedish(tail, known, depth + 1)
        if rest:
            shortest = min(len(head), *(len(part) for part in rest))
            # On a tie the longer head wins: hälso|vård rather than häls|ovård.
            if shortest >= best_shortest:
                best, best_shortest = [head, *rest], shortest
    return best


def _known(word: str, known: frozenset[str]) -> bool:
    # Inflectional endings are words of their own in the list: kommun|erna is no compound.
    return word not in SWEDISH_ENDINGS and stem(word, "sv") in known


def words(text: str, language: str) -> list[Word]:
    """Every word of `text` that is not a stop word, with its search terms."""
    found = []
    for match in WORD.finditer(text or ""):
        surface = match.group().casefold()
        if surface in STOP_WORDS[language]:
            continue
        terms, parts = analyse_word(surface, language)
        found.append(Word(match.start(), match.end(), surface, terms, parts))
    return found


def terms(text: str, language: str) -> list[str]:
    """The index terms of `text`: every word's terms and its compound parts' terms, in order."""
    result = []
    for word in words(text, language):
        result.extend(sorted(word.terms))
        for part in word.parts:
            result.extend(sorted(part - word.terms))
    return result


def index_text(text: str, language: str) -> str:
    """`terms()` joined by spaces: what the search index stores for a field."""
    return " ".join(terms(text, language))
