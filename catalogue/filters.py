"""The practice list's filters and search, shared by the public pages and the API.

Parameters: q (search words), municipality (code), region (code), target_group (slug),
theme (slug), language (ISO code), partner (slug). A repeated parameter means OR within its
facet; different facets combine with AND. Bad values never raise: they are collected as
problems, which the pages show and ignore and the API answers with 400.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Count, Model, Q, QuerySet
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from catalogue.models import Language, PartnerOrganisation, Practice, TargetGroup, Theme
from catalogue.search import MAX_QUERY_LENGTH, search_practices
from municipalities.models import Municipality, Region

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# More values than this for one parameter is not a person choosing filters.
MAX_VALUES = 50


@dataclass(frozen=True)
class Facet:
    param: str
    label: Promise
    model: type[Model]
    key: str
    pattern: re.Pattern
    lookup: str
    count_path: str

    def options(self) -> QuerySet:
        queryset = self.model.objects.all()
        return queryset.order_by("name") if self.model in (Municipality, Region) else queryset


FACETS = (
    Facet(
        "municipality",
        _("Municipality"),
        Municipality,
        "code",
        re.compile(r"^[0-9]{3}$"),
        "municipalities__in",
        "practices",
    ),
    Facet(
        "region",
        _("Region"),
        Region,
        "code",
        re.compile(r"^[0-9]{2}$"),
        "municipalities__region__in",
        "municipalities__practices",
    ),
    Facet(
        "target_group",
        _("For whom"),
        TargetGroup,
        "slug",
        SLUG,
        "target_groups__in",
        "practices",
    ),
    Facet("theme", _("Theme"), Theme, "slug", SLUG, "themes__in", "practices"),
    Facet(
        "language",
        _("Language of the service"),
        Language,
        "code",
        re.compile(r"^[a-z]{2,3}$"),
        "service_languages__in",
        "practices",
    ),
    Facet(
        "partner",
        _("Partner organisation"),
        PartnerOrganisation,
        "slug",
        SLUG,
        "partners__in",
        "practices",
    ),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
PARAMETERS = ("q", *FACETS_BY_PARAM)


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
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.q or any(self.chosen.values()))

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
    return query


def _unknown(facet: Facet, value: str) -> Problem:
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


def filter_practices(
    queryset: QuerySet, query: PracticeQuery, *, skip: str | None = None
) -> QuerySet:
    """The practices that match every chosen facet (but `skip`), OR within a facet."""
    for facet in FACETS:
        chosen = query.chosen.get(facet.param)
        if chosen and facet.param != skip:
            matching = Practice.objects.filter(**{facet.lookup: chosen}).values("pk")
            queryset = queryset.filter(pk__in=matching)
    return queryset


def search(queryset: QuerySet, query: PracticeQuery, language: str) -> QuerySet:
    """The practices that match the search words and every filter, best first."""
    queryset = filter_practices(queryset, query)
    if query.q:
        return search_practices(queryset, query.q, language).order_by("-rank", "title", "pk")
    return queryset.order_by("title", "pk")


@dataclass
class FacetOption:
    obj: Model
    key: str
    count: int
    selected: bool


def facet_options(
    query: PracticeQuery, base: QuerySet, language: str
) -> dict[str, list[FacetOption]]:
    """Every option of every facet with the number of practices it would give.

    Each facet is counted with the search words and the other facets' choices applied, so a
    number tells what ticking that box adds. One query per facet.
    """
    resolve(query)
    searched = search_practices(base, query.q, language) if query.q else base
    result = {}
    for facet in FACETS:
        matching = filter_practices(searched, query, skip=facet.param).values("pk")
        counted = facet.options().annotate(
            practice_count=Count(
                facet.count_path,
                filter=Q(**{f"{facet.count_path}__in": matching}),
                distinct=True,
            )
        )
        result[facet.param] = list(counted)
    return {
        facet.param: [
            FacetOption(
                obj=obj,
                key=getattr(obj, facet.key),
                count=obj.practice_count,
                selected=obj in query.chosen[facet.param],
            )
            for obj in result[facet.param]
            if obj.practice_count or obj in query.chosen[facet.param]
        ]
        for facet in FACETS
    }
