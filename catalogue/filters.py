"""The practice list's filters and search, shared by the public pages and the API.

Parameters: q (search words), municipality (code), region (code), target_group (slug),
theme (slug), language (ISO code), partner (slug), kind (service: only services residents
can take part in), checked (recent: only practices an editor checked in the last two
years). A repeated parameter means OR within its facet; different facets combine with AND.
Bad values never raise: they are collected as problems, which the pages show and ignore and
the API answers with 400.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Model, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from catalogue import caching, facet_html, search
from catalogue.models import (
    Language,
    PartnerOrganisation,
    Practice,
    PracticeKind,
    Status,
    TargetGroup,
    Theme,
)
from catalogue.search import MAX_QUERY_LENGTH
from municipalities.models import Municipality, Region

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# More values than this for one parameter is not a person choosing filters.
MAX_VALUES = 50


@dataclass(frozen=True)
class Facet:
    """One filter: its parameter, the model of its choices and how practices link to them.

    `relation` is the Practice many-to-many field; `path` leads from that field's through
    table to the chosen object ("municipality__region" for regions). Filtering and counting
    read the through table directly, which stays fast at 100,000 practices.
    """

    param: str
    label: Promise
    model: type[Model]
    key: str
    pattern: re.Pattern
    relation: str
    path: str
    # What a value is, for the API's OpenAPI description.
    description: str = ""

    @property
    def through(self) -> type[Model]:
        return Practice._meta.get_field(self.relation).remote_field.through

    def options(self) -> QuerySet:
        queryset = self.model.objects.all()
        return queryset.order_by("name") if self.model in (Municipality, Region) else queryset

    def practice_ids(self, chosen) -> QuerySet:
        """Ids of the practices linked to any of `chosen` (a subquery)."""
        return self.links().filter(**{f"{self.path}__in": chosen}).values("practice_id")

    def links(self) -> QuerySet:
        """The through table's rows of published practices."""
        return self.through.objects.filter(practice__status=Status.PUBLISHED)


FACETS = (
    Facet(
        "municipality",
        _("Municipality"),
        Municipality,
        "code",
        re.compile(r"^[0-9]{3}$"),
        "municipalities",
        "municipality",
        "Statistics Finland municipality code.",
    ),
    Facet(
        "region",
        # Plain words for residents: "maakunta" means little to a newcomer.
        _("Region of Finland"),
        Region,
        "code",
        re.compile(r"^[0-9]{2}$"),
        "municipalities",
        "municipality__region",
        "Statistics Finland region code.",
    ),
    Facet(
        "target_group",
        _("For whom"),
        TargetGroup,
        "slug",
        SLUG,
        "target_groups",
        "targetgroup",
        "Target group slug.",
    ),
    Facet("theme", _("Topic"), Theme, "slug", SLUG, "themes", "theme", "Theme slug."),
    Facet(
        "language",
        _("Language of the service"),
        Language,
        "code",
        re.compile(r"^[a-z]{2,3}$"),
        "service_languages",
        "language",
        "ISO 639 code of a service language.",
    ),
    Facet(
        "partner",
        _("Partner organisation"),
        PartnerOrganisation,
        "slug",
        SLUG,
        "partners",
        "partnerorganisation",
        "Partner organisation slug.",
    ),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


@dataclass(frozen=True)
class Restriction:
    """A yes/no narrowing of the list: one parameter with one accepted value."""

    param: str
    value: str
    label: Promise
    chip: Promise

    def practices(self) -> QuerySet:
        published = Practice.objects.published()
        if self.param == "kind":
            return published.services()
        return published.checked_recently()


RESTRICTIONS = (
    Restriction(
        "kind",
        PracticeKind.SERVICE,
        _("Only services residents can take part in"),
        _("Services for residents"),
    ),
    Restriction(
        "checked",
        "recent",
        _("Only practices checked in the last two years"),
        _("Checked in the last two years"),
    ),
)
# For the API's document, in English whatever the request's language.
RESTRICTION_DESCRIPTIONS = {
    "kind": "service: only services residents can take part in.",
    "checked": "recent: only practices an editor checked in the last two years.",
}
RESTRICTIONS_BY_PARAM = {restriction.param: restriction for restriction in RESTRICTIONS}
# Every parameter of a filtered list (page, API, feeds, exports): the page cache keys on these.
PARAMETERS = ("q", "exact", *FACETS_BY_PARAM, *RESTRICTIONS_BY_PARAM)


def _or_empty(pattern: str) -> str:
    """`^[0-9]{3}$` -> `^(?:[0-9]{3})?$`."""
    return f"^(?:{pattern.removeprefix('^').removesuffix('$')})?$"


def openapi_parameters() -> list[dict]:
    """The filter parameters as the API's OpenAPI description lists them: derived from
    FACETS and the limits parse() applies, so the description and the parsing never differ.
    """
    parameters = [
        {
            "name": "q",
            "in": "query",
            "required": False,
            "description": (
                'Search words, in any of the three languages: "exact phrase", -word, a or b.'
            ),
            "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        },
        {
            "name": "exact",
            "in": "query",
            "required": False,
            "description": "1: search exactly the words given, without correcting typos.",
            "schema": {"type": "string", "enum": ["1", ""]},
        },
    ]
    for facet in FACETS:
        parameters.append(
            {
                "name": facet.param,
                "in": "query",
                "required": False,
                "description": f"{facet.description} Repeat the parameter for OR.",
                "style": "form",
                "explode": True,
                "schema": {
                    "type": "array",
                    "maxItems": MAX_VALUES,
                    # An empty value (a form's "any" choice) is accepted and ignored.
                    "items": {"type": "string", "pattern": _or_empty(facet.pattern.pattern)},
                },
            }
        )
    for restriction in RESTRICTIONS:
        parameters.append(
            {
                "name": restriction.param,
                "in": "query",
                "required": False,
                "description": RESTRICTION_DESCRIPTIONS[restriction.param],
                "schema": {"type": "string", "enum": [restriction.value, ""]},
            }
        )
    return parameters


@dataclass
class Problem:
    """A part of the query that could not be used.

    `message` tells a visitor what the page did about it; `reason` tells an API client why
    the request was refused.
    """

    parameter: str
    message: str
    reason: str


@dataclass
class PracticeQuery:
    """What a visitor asked for, cleaned: the search words and the chosen filter values."""

    q: str = ""
    # Search exactly what was typed, without correcting unknown words.
    exact: bool = False
    values: dict[str, list[str]] = field(default_factory=dict)
    chosen: dict[str, list[Model]] = field(default_factory=dict)
    restrictions: list[Restriction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.q or any(self.chosen.values()) or self.restrictions)

    @property
    def filter_count(self) -> int:
        """How many filters are on (the search words not counted)."""
        return sum(len(objects) for objects in self.chosen.values()) + len(self.restrictions)

    def restricted(self, param: str) -> bool:
        return any(restriction.param == param for restriction in self.restrictions)

    def active(self) -> list[tuple[Facet, Model]]:
        return [(FACETS_BY_PARAM[p], obj) for p, objs in self.chosen.items() for obj in objs]

    def querystring(self, *, without: tuple[str, str] | None = None, q: bool = True) -> str:
        """The query string of this search, optionally without one value or the words."""
        query = QueryDict(mutable=True)
        if self.q and q:
            query["q"] = self.q
            if self.exact:
                query["exact"] = "1"
        for param, objects in self.chosen.items():
            facet = FACETS_BY_PARAM[param]
            keys = [getattr(obj, facet.key) for obj in objects]
            query.setlist(param, [k for k in keys if (param, k) != without])
        for restriction in self.restrictions:
            if (restriction.param, restriction.value) != without:
                query[restriction.param] = restriction.value
        return query.urlencode()


def clean_text(value: str) -> str:
    """Drop control characters (NUL breaks PostgreSQL) and fold whitespace."""
    value = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C" or ch in " \t\n")
    return " ".join(value.split())


def parse(params: QueryDict) -> PracticeQuery:
    """Read the filter parameters, keeping the valid values and describing the rest."""
    query = PracticeQuery()
    words = params.getlist("q")
    if len(words) > 1:
        query.problems.append(
            Problem(
                "q",
                _("The search was given more than once; the first one was used."),
                _("Give the search words once."),
            )
        )
    q = clean_text(words[0]) if words else ""
    # Measured as given (the document's maxLength), before control characters are dropped.
    if words and len(words[0]) > MAX_QUERY_LENGTH:
        query.problems.append(
            Problem(
                "q",
                _("The search was shortened to %(limit)s characters.")
                % {"limit": MAX_QUERY_LENGTH},
                _("At most %(limit)s characters.") % {"limit": MAX_QUERY_LENGTH},
            )
        )
        q = q[:MAX_QUERY_LENGTH].strip()
    query.q = q
    exact = params.getlist("exact")
    query.exact = exact[:1] == ["1"]
    if exact not in ([], ["1"], [""]):
        query.problems.append(
            Problem(
                "exact",
                _("“Search exactly” takes only the value 1; it was ignored."),
                _("Give 1 or leave it out."),
            )
        )
    for facet in FACETS:
        given = params.getlist(facet.param)
        raw = list(dict.fromkeys(v.strip() for v in given if v.strip()))
        if len(given) > MAX_VALUES:  # counted as given: the document's maxItems
            query.problems.append(
                Problem(
                    facet.param,
                    _("Only the first %(limit)s choices of “%(label)s” were used.")
                    % {"limit": MAX_VALUES, "label": facet.label},
                    _("At most %(limit)s values.") % {"limit": MAX_VALUES},
                )
            )
            raw = raw[:MAX_VALUES]
        valid = [value for value in raw if facet.pattern.match(value)]
        query.values[facet.param] = valid
        for value in raw:
            if value not in valid:
                query.problems.append(_unknown(facet, value))
    for restriction in RESTRICTIONS:
        raw = list(dict.fromkeys(v.strip() for v in params.getlist(restriction.param) if v.strip()))
        if restriction.value in raw:
            query.restrictions.append(restriction)
        for value in raw:
            if value != restriction.value:
                query.problems.append(_unknown(restriction, value))
    return query


def _unknown(facet: Facet | Restriction, value: str) -> Problem:
    shown = value if len(value) <= 40 else value[:40] + "…"
    return Problem(
        facet.param,
        _("“%(value)s” is not a known choice of “%(label)s” and was ignored.")
        % {"value": shown, "label": facet.label},
        _("Unknown value “%(value)s”.") % {"value": shown},
    )


def resolve(query: PracticeQuery) -> None:
    """Turn the valid-looking values into objects; unknown ones become problems.

    One query per facet that has values.
    """
    for facet in FACETS:
        values = query.values.get(facet.param) or []
        if not values:
            query.chosen[facet.param] = []
            continue
        known = {
            getattr(o, facet.key): o
            for o in facet.model.objects.filter(**{f"{facet.key}__in": values})
        }
        query.chosen[facet.param] = [known[v] for v in values if v in known]
        query.problems.extend(_unknown(facet, v) for v in values if v not in known)


def ids_q(ids, field: str = "pk") -> Q:
    """`field` in a set of ids: one array parameter on PostgreSQL, an IN list elsewhere."""
    ids = sorted(ids)
    if connection.vendor == "postgresql":
        # One array literal: psycopg adapts a list of a thousand ints far more slowly.
        literal = "{" + ",".join(str(int(pk)) for pk in ids) + "}"
        return Q(**{f"{field}__in": RawSQL("SELECT unnest(%s::bigint[])", (literal,))})
    return Q(**{f"{field}__in": ids})


@dataclass
class Selection:
    """What each part of a query allows.

    Without search words: the ids of the practices each chosen facet allows (None stands
    for all of them), read once; the list and every facet count are intersections of these
    sets. With search words, the filters apply inside the search's SQL statement instead
    (`hits`), and a facet's count runs the search once more without that facet's own
    choice, at most search.MATCH_CAP practices each time.
    """

    searched: set[int] | None
    by_facet: dict[str, set[int]]
    hits: search.Hits | None = None
    prepared: search.Search | None = None
    # The search's filters, by parameter: querysets of practice ids.
    within: dict[str, QuerySet] = field(default_factory=dict)
    _skipped: dict[str, set[int]] = field(default_factory=dict)

    def count(self) -> int | None:
        """How many practices the whole query allows, when that is known without a query;
        past search.MATCH_CAP, how many were read (see count_is_estimate)."""
        if self.hits is not None:
            return len(self.hits.order)
        allowed = self.allowed()
        return None if allowed is None else len(allowed)

    @property
    def count_is_estimate(self) -> bool:
        """Whether more practices match than count() says (a search past MATCH_CAP)."""
        return self.hits is not None and self.hits.more

    def allowed(self, *, skip: str | None = None) -> set[int] | None:
        if self.hits is not None:
            if skip not in self.within:
                return self.searched
            if skip not in self._skipped:
                others = [ids for param, ids in self.within.items() if param != skip]
                self._skipped[skip] = self.prepared.hits(others).ids
            return self._skipped[skip]
        sets = [ids for param, ids in self.by_facet.items() if param != skip]
        if not sets:
            return None
        sets.sort(key=len)
        return set.intersection(*sets)


def select(query: PracticeQuery, language: str, *, capped: bool = True) -> Selection:
    """Run the search, or read each chosen facet once (resolve() the query first). A search
    reads at most search.MATCH_CAP practices unless not `capped` (the downloads)."""
    if query.q:
        prepared = search.prepare(query.q, language, exact=query.exact)
        # The search only finds published practices: the links need not be joined to them.
        within = {
            facet.param: facet.through.objects.filter(
                **{f"{facet.path}__in": query.chosen[facet.param]}
            ).values("practice_id")
            for facet in FACETS
            if query.chosen.get(facet.param)
        }
        for restriction in query.restrictions:
            within[restriction.param] = restriction.practices().values("pk")
        hits = prepared.hits(list(within.values()), capped=capped)
        return Selection(hits.ids, {}, hits, prepared, within)
    by_facet = {
        facet.param: set(
            facet.practice_ids(query.chosen[facet.param]).values_list("practice_id", flat=True)
        )
        for facet in FACETS
        if query.chosen.get(facet.param)
    }
    for restriction in query.restrictions:
        by_facet[restriction.param] = set(restriction.practices().values_list("pk", flat=True))
    return Selection(None, by_facet)


def results(
    selection: Selection, query: PracticeQuery, language: str, queryset: QuerySet | None = None
) -> "QuerySet | SearchResults":
    """The practices the whole query allows: in the search's order when there are search
    words (the same for the list page and the API), else by title in `language`."""
    queryset = Practice.objects.published() if queryset is None else queryset
    if selection.hits is not None:
        return SearchResults(selection.hits.order, queryset, selection.hits)
    allowed = selection.allowed()
    if allowed is not None:
        queryset = queryset.filter(ids_q(allowed))
    return queryset.order_by(f"title_{language}", "pk")


class SearchResults:
    """Search hits in order, read from the database one page at a time.

    Behaves like the QuerySet it wraps where the list page and the API need it (len,
    count, slicing, filter, for_list, with_related): slicing fetches only that page's
    practices, so a search with 30,000 matches costs no more per page than one with 30.
    Each practice fetched carries its `search_hit` (catalogue.search.Hit).
    """

    def __init__(self, ids: list[int], queryset: QuerySet, hits: search.Hits):
        self.ids = ids
        self.queryset = queryset
        self.hits = hits

    def __len__(self) -> int:
        return len(self.ids)

    def count(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        page = self.ids[index]
        found = {p.pk: p for p in self.queryset.filter(ids_q(page))} if page else {}
        practices = [found[pk] for pk in page if pk in found]
        for practice in practices:
            practice.search_hit = self.hits.hit(practice.pk)
        return practices

    def filter(self, *args, **kwargs) -> "SearchResults":
        narrowed = self.queryset.filter(*args, **kwargs)
        kept = set(narrowed.filter(ids_q(self.ids)).values_list("pk", flat=True))
        return SearchResults([pk for pk in self.ids if pk in kept], narrowed, self.hits)

    def for_list(self) -> "SearchResults":
        return SearchResults(self.ids, self.queryset.for_list(), self.hits)

    def with_related(self) -> "SearchResults":
        return SearchResults(self.ids, self.queryset.with_related(), self.hits)

    def with_organisers(self) -> "SearchResults":
        return SearchResults(self.ids, self.queryset.with_organisers(), self.hits)


@dataclass
class FacetOption:
    choice: facet_html.Choice
    key: str
    count: int
    selected: bool


def facet_options(query: PracticeQuery, selection: Selection) -> dict[str, list[FacetOption]]:
    """Every option of every facet with the number of practices it would give.

    Each facet is counted with the search words and the other facets' choices applied, so a
    number tells what ticking that box adds. Counts over the whole catalogue (nothing else
    chosen) are cached until the catalogue changes.
    """
    version = None
    result = {}
    wanted_bits: dict[frozenset, int] = {}
    choices = facet_html.choices()
    allowed_by_facet = {facet: selection.allowed(skip=facet.param) for facet in FACETS}
    counted = _count_among(
        {f: ids for f, ids in allowed_by_facet.items() if ids and len(ids) <= BITSET_ABOVE}
    )
    for facet in FACETS:
        allowed = allowed_by_facet[facet]
        if allowed is None or len(allowed) > BITSET_ABOVE:
            version = version or caching.catalogue_version()
        if allowed is not None and len(allowed) > BITSET_ABOVE:
            key = frozenset(allowed)
            if key not in wanted_bits:
                wanted_bits[key] = _bits(allowed)
            wanted = wanted_bits[key]
            counts = {
                option: (bits & wanted).bit_count()
                for option, bits in _facet_bits(facet, version).items()
            }
        elif allowed is None and version is None:  # the cache cannot be trusted now
            counts = _count(facet, facet.links())
        elif allowed is None:
            counts = caching.per_version(
                f"facet-counts:{facet.param}", lambda facet=facet: _count(facet, facet.links())
            )
        else:
            counts = counted.get(facet, {})
        chosen = {obj.pk for obj in query.chosen[facet.param]}
        options = []
        for choice in choices[facet.param]:
            selected = choice.pk in chosen
            count = counts.get(choice.pk, 0)
            if count or selected:
                options.append(FacetOption(choice, choice.key, count, selected))
        result[facet.param] = options
    return result


# Above this many allowed practices, facets are counted in memory: each option's practices
# as a bitset (bit n set for practice id n), counted by AND and popcount. The six GROUP BYs
# over a capped search's 1,000 ids took 35-70 ms on the loaded benchmark machine, the
# bitsets 2 ms; building them costs each process a few seconds at 100,000 practices, once
# per catalogue version (a filtered list of thousands needs them anyway). The real
# catalogue stays below it and is counted in SQL.
BITSET_ABOVE = 200
# (catalogue version, facet parameter) -> {option pk: bitset}; this process only, rebuilt
# after any change to the catalogue.
_FACET_BITS: dict[tuple[int, str], dict[int, int]] = {}


def _bits(ids) -> int:
    """The ids as a bitset."""
    array = bytearray((max(ids) >> 3) + 1)
    for pk in ids:
        array[pk >> 3] |= 1 << (pk & 7)
    return int.from_bytes(array, "little")


def _facet_bits(facet: Facet, version: int) -> dict[int, int]:
    """Each option's published practices as a bitset, built once per catalogue version."""
    key = (version, facet.param)
    if key not in _FACET_BITS:
        for old in [k for k in _FACET_BITS if k[0] != version]:
            del _FACET_BITS[old]
        arrays: dict[int, bytearray] = {}
        rows = facet.links().values_list(facet.path, "practice_id")
        for option, pk in rows.iterator(chunk_size=20_000):
            array = arrays.get(option)
            if array is None:
                array = arrays[option] = bytearray()
            index = pk >> 3
            if index >= len(array):
                array.extend(bytes(index + 1 - len(array)))
            array[index] |= 1 << (pk & 7)
        _FACET_BITS[key] = {
            option: int.from_bytes(array, "little") for option, array in arrays.items()
        }
    return _FACET_BITS[key]


def _count_among(allowed: dict[Facet, set[int]]) -> dict[Facet, dict[int, int]]:
    """Each facet's counts among its allowed practices, in one statement for all facets.

    The allowed ids are all published already: no need to join the practices.
    """
    if not allowed:
        return {}
    parts, params = [], []
    for number, (facet, ids) in enumerate(allowed.items()):
        links = facet.through.objects.filter(ids_q(ids, "practice_id"))
        sql, part_params = (
            links.values_list(facet.path)
            .annotate(n=Count("practice_id", distinct=True))
            .order_by()
            .query.sql_with_params()
        )
        parts.append(f"SELECT {number}, counted_{number}.* FROM ({sql}) counted_{number}")
        params.extend(part_params)
    counts: dict[Facet, dict[int, int]] = {facet: {} for facet in allowed}
    facets = list(allowed)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for number, option, n in cursor.fetchall():
            counts[facets[number]][option] = n
    return counts


def _count(facet: Facet, links: QuerySet) -> dict[int, int]:
    return dict(links.values_list(facet.path).annotate(n=Count("practice_id", distinct=True)))
