from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from catalogue.links import absolute_url
from catalogue.models import Practice


class PracticeFeed(Feed):
    """An Atom feed of the latest new and updated practices, in the page's language."""

    feed_type = Atom1Feed

    # Every address is absolute on SITE_URL: Django's Feed would otherwise complete relative
    # ones with the request's Host (get_current_site), which a client controls.
    def feed_url(self):
        return absolute_url(reverse("catalogue:feed"))

    def title(self):
        return _("New and updated practices")

    def subtitle(self):
        return _("Integration practices in Finnish municipalities")

    def link(self):
        return absolute_url(reverse("catalogue:practice_list"))

    def items(self):
        language = translation.get_language()
        return (
            Practice.objects.published()
            .filter(**{f"slug_{language}__isnull": False})
            .order_by("-updated_at", "-pk")[:50]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
