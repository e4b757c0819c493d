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

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Model, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from catalogue import caching, search
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
    ),
    Facet(
        "target_group",
        _("For whom"),
        TargetGroup,
        "slug",
        SLUG,
        "target_groups",
        "targetgroup",
    ),
    Facet("theme", _("Topic"), Theme, "slug", SLUG, "themes", "theme"),
    Facet(
        "language",
        _("Language of the service"),
        Language,
        "code",
        re.compile(r"^[a-z]{2,3}$"),
        "service_languages",
        "language",
    ),
    Facet(
        "partner",
        _("Partner organisation"),
        PartnerOrganisation,
        "slug",
        SLUG,
        "partners",
        "partnerorganisation",
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
RESTRICTIONS_BY_PARAM = {restriction.param: restriction for restriction in RESTRICTIONS}
PARAMETERS = ("q", *FACETS_BY_PARAM, *RESTRICTIONS_BY_PARAM)


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
    if len(q) > MAX_QUERY_LENGTH:
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
    for facet in FACETS:
        raw = list(dict.fromkeys(v.strip() for v in params.getlist(facet.param) if v.strip()))
        if len(raw) > MAX_VALUES:
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
        return Q(**{f"{field}__in": RawSQL("SELECT unnest(%s::bigint[])", (ids,))})
    return Q(**{f"{field}__in": ids})


@dataclass
class Selection:
    """The ids of the practices each part of a query allows; None stands for all of them.

    The search and each chosen facet run once; the list and every facet count are then
    intersections of these sets, which stays fast at 100,000 practices.
    """

    searched: set[int] | None
    by_facet: dict[str, set[int]]
    fuzzy: bool = False

    def count(self) -> int | None:
        """How many practices the whole query allows, when that is known without a query."""
        allowed = self.allowed()
        return None if allowed is None else len(allowed)

    def allowed(self, *, skip: str | None = None) -> set[int] | None:
        sets = [ids for param, ids in self.by_facet.items() if param != skip]
        if self.searched is not None:
            sets.append(self.searched)
        if not sets:
            return None
        sets.sort(key=len)
        return set.intersection(*sets)


def select(query: PracticeQuery, language: str) -> Selection:
    """Run the search and each chosen facet once (resolve() the query first)."""
    searched, fuzzy = search.matching_ids(query.q, language) if query.q else (None, False)
    by_facet = {
        facet.param: set(
            facet.practice_ids(query.chosen[facet.param]).values_list("practice_id", flat=True)
        )
        for facet in FACETS
        if query.chosen.get(facet.param)
    }
    for restriction in query.restrictions:
        by_facet[restriction.param] = set(restriction.practices().values_list("pk", flat=True))
    return Selection(searched, by_facet, fuzzy)


def results(
    selection: Selection, query: PracticeQuery, language: str, queryset: QuerySet | None = None
) -> QuerySet:
    """The practices the whole query allows, best match first, else by title."""
    queryset = Practice.objects.published() if queryset is None else queryset
    allowed = selection.allowed()
    if allowed is not None:
        queryset = queryset.filter(ids_q(allowed))
    if query.q:
        built = search.build(query.q, language)
        rank = built.fuzzy_rank if selection.fuzzy else built.rank
        return queryset.annotate(rank=rank).order_by("-rank", "title", "pk")
    return queryset.order_by("title", "pk")


@dataclass
class FacetOption:
    obj: Model
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
    for facet in FACETS:
        allowed = selection.allowed(skip=facet.param)
        if allowed is None:
            version = version or caching.catalogue_version()
            counts = cache.get_or_set(
                f"facet-counts:{facet.param}:{version}",
                lambda facet=facet: _count(facet, facet.links()),
                timeout=600,
            )
        elif allowed:
            # The allowed ids are all published already: no need to join the practices.
            counts = _count(facet, facet.through.objects.filter(ids_q(allowed, "practice_id")))
        else:
            counts = {}
        options = []
        for obj in facet.options():
            selected = obj in query.chosen[facet.param]
            count = counts.get(obj.pk, 0)
            if count or selected:
                options.append(FacetOption(obj, getattr(obj, facet.key), count, selected))
        result[facet.param] = options
    return result


def _count(facet: Facet, links: QuerySet) -> dict[int, int]:
    return dict(links.values_list(facet.path).annotate(n=Count("practice_id", distinct=True)))
