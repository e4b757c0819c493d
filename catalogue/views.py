import time

from csp.decorators import csp_replace
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView, TemplateView

from catalogue import caching, facet_html, filters, services
from catalogue.models import (
    Language,
    Page,
    Practice,
    PracticeDraft,
    Status,
    TargetGroup,
)
from catalogue.preview import preview_target
from catalogue.related import attach_listed, attach_related
from catalogue.services.drafts import practice_with_draft
from common.i18n import language_codes, translated_urls
from common.links import absolute_url, list_links
from common.views import TranslatedSlugMixin
from config.client_ip import client_ip
from municipalities.models import Municipality, Region

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
        # The languages most practices are given in first: the likeliest ones to be tapped.
        context["languages"] = (
            Language.objects.annotate(practice_count=Count("practices", filter=PUBLISHED_LINK))
            .filter(practice_count__gt=0)
            .order_by("-practice_count", "position", "code")
        )
        context["national_practices"] = (
            Practice.objects.published().national().services().for_list().order_by("title", "pk")
        )
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
        self.hits = selection.hits
        self.known_count = selection.count()
        self.count_is_estimate = selection.count_is_estimate
        self.facets = filters.facet_options(self.query, selection)
        # What the cards show is read for the page alone (paginate_queryset).
        practices = Practice.objects.published().select_related("lead_municipality")
        return filters.results(selection, self.query, language, practices)

    def paginate_queryset(self, queryset, page_size):
        # A page number past the end or not a number shows the nearest valid page, not a 404.
        paginator = self.get_paginator(queryset, page_size)
        if self.known_count is not None:
            paginator.count = self.known_count  # the ids are in hand; no COUNT query
        else:  # nothing chosen: every published practice, counted once per version
            paginator.count = caching.per_version(
                "published-count", Practice.objects.published().count
            )
        page = paginator.get_page(self.request.GET.get("page"))
        # The cards' municipalities, target groups and languages, in one query (for_list()
        # would make three).
        page.object_list = list(page.object_list)
        attach_listed(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.query
        context.update(
            query=query,
            facets=[
                (facet, facet_html.options_html(self.facets[facet.param]))
                for facet in filters.FACETS
                if self.facets[facet.param]
            ],
            chosen=[(facet.param, getattr(obj, facet.key)) for facet, obj in query.active()],
            active_filters=[
                (facet, obj, query.querystring(without=(facet.param, getattr(obj, facet.key))))
                for facet, obj in query.active()
            ],
            active_restrictions=[
                (
                    restriction,
                    query.querystring(without=(restriction.param, restriction.value)),
                )
                for restriction in query.restrictions
            ],
            restrictions=[
                (restriction, query.restricted(restriction.param))
                for restriction in filters.RESTRICTIONS
            ],
            query_without_page=query.querystring(),
            query_without_words=query.querystring(q=False),
            max_query_length=filters.MAX_QUERY_LENGTH,
            search_hits=self.hits,
            count_is_estimate=self.count_is_estimate,
            **list_links(query.querystring()),
        )
        if self.hits is not None and self.hits.corrected:
            # The same search and filters, with the words exactly as typed.
            typed = self.request.GET.copy()
            typed.pop("page", None)
            typed["exact"] = "1"
            context["search_exactly"] = typed.urlencode()
        return context


# Any site may frame the embeddable list (a municipality's own pages); nothing else may be.
@method_decorator(xframe_options_exempt, name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": ["*"]}), name="dispatch")
class EmbedView(TemplateView):
    """A light list of the practices the filters choose, for an <iframe> on another site."""

    template_name = "catalogue/embed.html"
    limit = 100

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = translation.get_language()
        query = filters.parse(self.request.GET)
        filters.resolve(query)
        selection = filters.select(query, language)
        practices = filters.results(selection, query, language).for_list()
        context.update(
            query=query,
            practices=practices[: self.limit],
            count=practices.count(),
            count_is_estimate=selection.count_is_estimate,
            list_url=reverse("catalogue:practice_list")
            + (f"?{query.querystring()}" if query.querystring() else ""),
        )
        return context


def official_website(practice: Practice) -> Municipality | None:
    """Where to ask when the catalogue knows no contact: the website of the municipality
    that organises the practice (or of the only one taking part), when it is on record.

    A practice of many municipalities and no lead (Infopankki) has no one place to ask.
    """
    municipality = practice.organiser_municipality or practice.lead_municipality
    if municipality is None:
        taking_part = practice.ordered_municipalities()
        municipality = taking_part[0] if len(taking_part) == 1 else None
    return municipality if municipality is not None and municipality.website else None


class PracticeNoticesMixin:
    """Tells the template whether the page's language has a current translation."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = translation.get_language()
        context["translated"] = self.object.is_translated_into(language)
        context["official_website"] = official_website(self.object)
        context["outdated"] = self.object.is_outdated_in(language)
        context["form"] = FeedbackForm()
        context["feedback_action"] = reverse(
            "catalogue:practice_feedback", kwargs={"slug": self.object.slug}
        )
        return context


class PracticeDetailView(TranslatedSlugMixin, PracticeNoticesMixin, DetailView):
    model = Practice
    template_name = "catalogue/practice_detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return Practice.objects.published().with_organisers()

    def get_context_data(self, **kwargs):
        # What with_related() would prefetch, in one query (catalogue.related).
        attach_related(self.object)
        return super().get_context_data(**kwargs)


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
        from common.opendata import LICENCE, attribution

        context = super().get_context_data(**kwargs)
        context.update(
            licence=LICENCE,
            attribution=attribution(),
            facets=filters.FACETS,
            embed_path=reverse("catalogue:embed"),
            restrictions=filters.RESTRICTIONS,
        )
        return context


class PracticePreviewView(PracticeNoticesMixin, DetailView):
    """A practice in any state, for whoever holds a valid signed preview link."""

    model = Practice
    template_name = "catalogue/practice_detail.html"
    context_object_name = "practice"

    def get_object(self, queryset=None):
        target = preview_target(self.kwargs["token"])
        practice = get_object_or_404(
            Practice.objects.with_related().exclude(status=Status.ARCHIVED),
            pk=target.practice_id,
            preview_nonce=target.key,
        )
        if target.draft_id is None:
            return practice
        draft = get_object_or_404(
            PracticeDraft.objects.pending(), pk=target.draft_id, practice=practice
        )
        return practice_with_draft(practice, draft)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        token = self.kwargs["token"]
        urls = {}
        for code in language_codes():
            with translation.override(code):
                urls[code] = reverse("catalogue:practice_preview", kwargs={"token": token})
        context.update(preview=True, alternate_urls=urls)
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("What is outdated or wrong?"), max_length=3000, widget=forms.Textarea
    )
    email = forms.EmailField(
        label=_("Your email address, if you would like an answer"), required=False
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(required=False)


# The form is anonymous, creates only a report for editors to read and grants nothing, so
# it needs no CSRF token: that keeps practice pages free of cookies and cacheable. Spam is
# held back by the hidden field and the per-address rate limit.
@method_decorator(csrf_exempt, name="dispatch")
class FeedbackView(View):
    """Receives a reader's report from a practice page; nothing is lost if mail fails."""

    http_method_names = ["get", "post"]

    def get(self, request, **kwargs):
        self.practice = self.get_practice(**kwargs)
        return redirect(self.page_url() + "#feedback")

    def post(self, request, **kwargs):
        self.practice = self.get_practice(**kwargs)
        form = FeedbackForm(request.POST)
        if not form.is_valid():
            return self.render_form(form, status=400)
        if form.cleaned_data["website"]:
            return redirect(self.thanks_url())  # a bot: say thanks, keep nothing
        if self.rate_limited(request):
            form.add_error(
                None, _("Too many reports from your address. Please try again in an hour.")
            )
            return self.render_form(form, status=429)
        services.feedback_submit(
            practice=self.practice,
            page_url=absolute_url(self.page_url()),
            language=translation.get_language(),
            message=form.cleaned_data["message"],
            email=form.cleaned_data["email"],
        )
        # 303 See Other: reloading the thank-you page does not send the report again.
        response = HttpResponseRedirect(self.thanks_url())
        response.status_code = 303
        return response

    def get_practice(self, slug):
        language = translation.get_language()
        return get_object_or_404(Practice.objects.published(), **{f"slug_{language}": slug})

    def page_url(self) -> str:
        """The page the report is about (and the form is on)."""
        return self.practice.get_absolute_url()

    def action_url(self) -> str:
        return reverse("catalogue:practice_feedback", kwargs={"slug": self.practice.slug})

    def alternate_urls(self) -> dict:
        return translated_urls(self.practice)

    def thanks_url(self):
        return self.page_url() + "?feedback=thanks#feedback"

    def rate_limited(self, request) -> bool:
        """More than FEEDBACK_PER_HOUR reports from this address in this hour.

        The count lives in the cache. Without it (Redis down) the limit cannot count and
        lets reports through: a lost report is worse than a little spam, which the hidden
        field already holds back, and every report only waits for an editor to read it.
        """
        key = f"feedback-rate:{client_ip(request)}:{int(time.time() // 3600)}"
        cache.add(key, 0, timeout=3600)
        try:
            return cache.incr(key) > settings.FEEDBACK_PER_HOUR
        except ValueError:  # the cache is unavailable (or lost the key): nothing counted
            return False

    def render_form(self, form, status):
        context = {
            "practice": self.practice,
            "form": form,
            "feedback_action": self.action_url(),
            "back_url": self.page_url(),
            "alternate_urls": self.alternate_urls(),
        }
        return render(self.request, "catalogue/feedback_form.html", context, status=status)


class AccessibilityFeedbackView(FeedbackView):
    """The accessibility statement's feedback channel: reports about the site itself."""

    def get_practice(self):
        return None

    def page_url(self) -> str:
        return reverse("catalogue:accessibility")

    def action_url(self) -> str:
        return reverse("catalogue:accessibility_feedback")

    def alternate_urls(self) -> dict:
        urls = {}
        for code in language_codes():
            with translation.override(code):
                urls[code] = reverse("catalogue:accessibility")
        return urls


class AccessibilityView(TemplateView):
    """The accessibility statement required by the Act on the Provision of Digital Services."""

    template_name = "catalogue/accessibility.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = get_object_or_404(Page, key="accessibility")
        context["form"] = FeedbackForm()
        context["feedback_action"] = reverse("catalogue:accessibility_feedback")
        return context
