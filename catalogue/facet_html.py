"""The filter form's checkboxes, made from markup prepared once per catalogue version.

The list shows every choice of every facet with its count: some 350 checkboxes, most of
them municipalities. Rendered by the template language, each one resolves a dozen
variables and a translated name, which cost more than the rest of the page. Here the
markup of each choice (its id, name, value and translated label, escaped) is prepared once
per catalogue version and language and kept in the cache; a request only adds the counts
and the ticks. Any change to a name bumps the version (catalogue.caching), so a renamed
choice shows at once.
"""

from typing import NamedTuple

from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from catalogue import caching


class Choice(NamedTuple):
    """One option of a facet, with its markup up to the count."""

    pk: int
    key: str
    # '<li><input type="checkbox" id=… name=… value=…' : " checked" may follow.
    head: str
    # '>' and the label up to the opening parenthesis of the count.
    tail: str


def choices() -> dict[str, list[Choice]]:
    """Every option of every facet, in the facets' order, in the current language."""
    language = translation.get_language()
    return caching.per_version(f"facet-choices:{language}", _build)


def _build() -> dict[str, list[Choice]]:
    from catalogue.filters import FACETS  # filters imports this module

    return {
        facet.param: [_choice(facet.param, obj, getattr(obj, facet.key)) for obj in facet.options()]
        for facet in FACETS
    }


def _choice(param: str, obj, key: str) -> Choice:
    label = format_html("{}", obj.name)
    if param == "language" and obj.autonym != obj.name:
        # The language's own name, so that its speakers find it.
        label = format_html('{} (<span lang="{}">{}</span>)', obj.name, key, obj.autonym)
    return Choice(
        obj.pk,
        key,
        format_html(
            '<li><input type="checkbox" id="{}-{}" name="{}" value="{}"', param, key, param, key
        ),
        format_html(
            '>\n            <label for="{}-{}">{} <span class="count">(', param, key, label
        ),
    )


def options_html(options) -> SafeString:
    """The <li> of each option (catalogue.filters.FacetOption): checkbox, label and count."""
    # Only prepared, escaped markup, the word " checked" and whole numbers are joined here.
    return mark_safe(
        "\n".join(
            f"{option.choice.head}{' checked' if option.selected else ''}{option.choice.tail}"
            f"{int(option.count)})</span></label></li>"
            for option in options
        )
    )
