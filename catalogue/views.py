from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.views.generic import DetailView, ListView, TemplateView

from catalogue import filters
from catalogue.i18n import language_codes, translated_urls
from catalogue.models import Language, Page, Practice, SlugRedirect, Status, TargetGroup
from municipalities.models import Municipality, Region


class TranslatedSlugMixin:
    """Detail pages whose slug differs per language.

    The object is looked up by the slug of the page's language. A slug of another language
    (a link copied from the Swedish page into the Finnish one, say) or a slug the object had
    before an editor changed it redirects permanently to the object's page in this language,
    so that no link to it ever breaks. The language switcher links come from each
    language's get_absolute_url(), because Django's translate_url would keep the old slug.
    """

    def get(self, request, *args, **kwargs):
        language = translation.get_language()
        slug = kwargs["slug"]
        self.object = self.get_queryset().filter(**{f"slug_{language}": slug}).first()
        if self.object is None:
            moved = self.find_moved(slug)
            url = moved.get_absolute_url(language) if moved else None
            if not url:
                raise Http404
            return redirect(url, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def find_moved(self, slug: str):
        """The object that has `slug` in another language, or had it before."""
        manager = self.get_queryset()
        any_language = Q()
        for code in language_codes():
            any_language |= Q(**{f"slug_{code}": slug})
        current = manager.filter(any_language).first()
        if current is not None:
            return current
        old = (
            SlugRedirect.objects.filter(
                content_type=ContentType.objects.get_for_model(self.model), slug=slug
            )
            .order_by(
                # The page's own language first, then the most recent change.
                Case(When(language=translation.get_language(), then=0), default=1),
                "-created_at",
            )
            .first()
        )
        return manager.filter(pk=old.object_id).first() if old else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alternate_urls"] = translated_urls(self.object)
        return context


# A link to a practice that the public may see.
PUBLISHED_LINK = Q(practices__status=Status.PUBLISHED)


class HomeView(TemplateView):
    template_name = "catalogue/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["practice_count"] = Practice.objects.published().count()
        context["municipalities"] = Municipality.objects.with_practices().order_by("name")
        context["target_groups"] = TargetGroup.objects.annotate(
            practice_count=Count("practices", filter=PUBLISHED_LINK)
        ).filter(practice_count__gt=0)
        context["languages"] = Language.objects.annotate(
            practice_count=Count("practices", filter=PUBLISHED_LINK)
        ).filter(practice_count__gt=0)
        return context


class PracticeListView(ListView):
    """Practices narrowed by search words and filters from the query string.

    Everything lives in the query string, so a filtered view can be shared and bookmarked.
    Bad values are ignored and the page says so; it never fails on them.
    """

    template_name = "catalogue/practice_list.html"
    context_object_name = "practices"
    paginate_by = settings.PRACTICES_PER_PAGE

    def get_queryset(self):
        language = translation.get_language()
        self.query = filters.parse(self.request.GET)
        filters.resolve(self.query)
        selection = filters.select(self.query, language)
        self.known_count = selection.count()
        self.facets = filters.facet_options(self.query, selection)
        return filters.results(selection, self.query, language).for_list()

    def paginate_queryset(self, queryset, page_size):
        # A page number past the end or not a number shows the nearest valid page, not a 404.
        paginator = self.get_paginator(queryset, page_size)
        if self.known_count is not None:
            paginator.count = self.known_count  # the ids are in hand; no COUNT query
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.query
        context.update(
            query=query,
            facets=[(facet, self.facets[facet.param]) for facet in filters.FACETS],
            active_filters=[
                (facet, obj, query.querystring(without=(facet.param, getattr(obj, facet.key))))
                for facet, obj in query.active()
            ],
            query_without_page=query.querystring(),
            query_without_words=query.querystring(q=False),
            max_query_length=filters.MAX_QUERY_LENGTH,
        )
        return context


class PracticeDetailView(TranslatedSlugMixin, DetailView):
    model = Practice
    template_name = "catalogue/practice_detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return Practice.objects.published().with_related()


class AboutView(TemplateView):
    template_name = "catalogue/about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = get_object_or_404(Page, key="about")
        context["source"] = settings.CATALOGUE_SOURCE
        context["regions"] = Region.objects.count()
        return context


class ApiDocsView(TemplateView):
    """The open data and API, described for people."""

    template_name = "catalogue/api_docs.html"

    def get_context_data(self, **kwargs):
        from catalogue.opendata import LICENCE, attribution

        context = super().get_context_data(**kwargs)
        context.update(licence=LICENCE, attribution=attribution(), facets=filters.FACETS)
        return context
