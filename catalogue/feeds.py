"""Atom feeds (RFC 4287) of new and updated practices, in the page's language.

The practice list's filters apply: /fi/syote/?municipality=049 follows one municipality.
Entry ids are the practice's language-pinned permanent link (/p/<id>/<language>/), which
never changes when an editor changes the title or the slug.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from catalogue import filters
from catalogue.models import Practice
from catalogue.opendata import export_query
from common.links import absolute_url

MAX_ENTRIES = 50
# A search's feed takes its entries from this many of the best matches.
SEARCH_CANDIDATES = 500


class TextSummaryAtomFeed(Atom1Feed):
    """Atom whose summaries are plain text (type="text"), which is what they hold."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class PracticeFeed(Feed):
    feed_type = TextSummaryAtomFeed

    def __call__(self, request, *args, **kwargs):
        # A feed that silently dropped a filter would follow the wrong practices: 400.
        query = export_query(request)
        if isinstance(query, HttpResponse):
            return query
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        query = filters.parse(request.GET)
        filters.resolve(query)
        return query

    def title(self, query):
        title = _("New and updated practices")
        chosen = [str(obj) for _facet, obj in query.active()]
        if query.q:
            chosen.insert(0, f"“{query.q}”")
        return f"{title}: {', '.join(chosen)}" if chosen else title

    def subtitle(self, query):
        return _("Integration practices in Finnish municipalities")

    def _with_query(self, path, query):
        querystring = query.querystring()
        return absolute_url(f"{path}?{querystring}" if querystring else path)

    def link(self, query):
        """The practice list with the same filters; also the feed's id."""
        return self._with_query(reverse("catalogue:practice_list"), query)

    def feed_url(self, query):
        return self._with_query(reverse("catalogue:feed"), query)

    def author_name(self, query):
        return _("Integration practices in Finnish municipalities")

    def author_link(self, query):
        return absolute_url("/")

    def feed_copyright(self, query):
        return "CC BY 4.0"

    def items(self, query):
        language = translation.get_language()
        selection = filters.select(query, language)
        practices = filters.results(selection, query, language)
        if isinstance(practices, filters.SearchResults):
            # A search's feed: its best matches, newest change first.
            practices = Practice.objects.published().filter(
                filters.ids_q(practices.ids[:SEARCH_CANDIDATES])
            )
        return practices.filter(**{f"slug_{language}__isnull": False}).order_by(
            "-updated_at", "-pk"
        )[:MAX_ENTRIES]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return absolute_url(
            reverse(
                "practice_permalink_language",
                kwargs={"pk": item.pk, "language": translation.get_language()},
            )
        )

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
