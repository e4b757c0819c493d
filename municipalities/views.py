from itertools import groupby

from django.db.models import Prefetch
from django.views.generic import DetailView, TemplateView

from common.links import absolute_url, list_links
from common.views import TranslatedSlugMixin
from municipalities.models import CooperationArea, Municipality, Region


def all_practices():
    """All practices, with their QuerySet's methods (published(), for_list()...).

    Reached through the relation catalogue's Practice declares to Municipality (related_name
    "practices"): catalogue depends on this app, never the reverse.
    """
    return Municipality.practices.rel.related_model.objects


def finnish_sort_key(text: str) -> str:
    """Sort Å, Ä and Ö after Z, as the Finnish and Swedish alphabets do."""
    return text.casefold().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}"}))


class MunicipalityListView(TemplateView):
    """Municipalities that take part in a practice, grouped by region."""

    template_name = "municipalities/municipality_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipalities = sorted(
            Municipality.objects.with_practices().select_related("region"),
            key=lambda m: (finnish_sort_key(m.region.name), finnish_sort_key(m.name)),
        )
        context["regions"] = [
            (region, list(members))
            for region, members in groupby(municipalities, key=lambda m: m.region)
        ]
        context["region_count"] = Region.objects.count()
        context["areas"] = CooperationArea.objects.prefetch_related(
            Prefetch("members", queryset=Municipality.objects.order_by("name"))
        ).order_by("name")
        return context


class MunicipalityDetailView(TranslatedSlugMixin, DetailView):
    model = Municipality
    template_name = "municipalities/municipality_detail.html"
    context_object_name = "municipality"

    def get_queryset(self):
        return Municipality.objects.select_related("region").prefetch_related(
            Prefetch(
                "practices",
                queryset=all_practices().published().for_list().order_by("title", "id"),
            ),
            "cooperation_areas",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practices = list(self.object.practices.all())
        context["own_practices"] = [
            p for p in practices if p.lead_municipality_id == self.object.pk
        ]
        context["shared_practices"] = [
            p for p in practices if p.lead_municipality_id != self.object.pk
        ]
        links = list_links(f"municipality={self.object.code}")
        context.update(links, embed_absolute=absolute_url(links["embed_url"]))
        # No dead end: what anyone in Finland can use, wherever the municipality stands.
        shown = {p.pk for p in practices}
        context["national_practices"] = [
            p
            for p in all_practices()
            .published()
            .national()
            .services()
            .for_list()
            .order_by("title", "pk")
            if p.pk not in shown
        ]
        return context
