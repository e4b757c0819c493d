"""Handling readers' reports in the admin: state, internal note, reply and practice links."""

from urllib.parse import quote

from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from catalogue.models import FeedbackState


class FeedbackStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", _("open (new or in progress)")), *FeedbackState.choices]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() in FeedbackState.values:
            return queryset.filter(state=self.value())
        return queryset


def reply_subject(feedback) -> str:
    """The subject of an answer, in the language the reader wrote in."""
    language = feedback.language if feedback.language in ("fi", "sv", "en") else "fi"
    with translation.override(language):
        if feedback.practice_id:
            return str(_("Your feedback on “%(title)s”") % {"title": feedback.practice.title})
        return str(_("Your feedback on the Kunnat kotouttavat catalogue"))


def reply_url(feedback) -> str:
    """mailto: link that answers the reader; empty when they left no address."""
    if not feedback.email:
        return ""
    return f"mailto:{quote(feedback.email, safe='@')}?subject={quote(reply_subject(feedback))}"


def labelled_state_form(form_class):
    """The list's state menus have no <label>: each names the report it belongs to."""

    class LabelledStateForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk and "state" in self.fields:
                received = date_format(localtime(self.instance.created_at), "DATETIME_FORMAT")
                self.fields["state"].widget.attrs["aria-label"] = _(
                    "State of the report received %(received)s"
                ) % {"received": received}

    return LabelledStateForm


class FeedbackHandlingAdminMixin:
    @admin.display(description=_("practice"))
    def practice_links(self, obj):
        """The practice in the admin, and the public page the reader wrote about."""
        links = []
        if obj.practice_id is not None:
            links.append(
                (
                    reverse("admin:catalogue_practice_change", args=[obj.practice_id]),
                    _("“%(title)s” in the admin") % {"title": obj.practice.title},
                )
            )
        links.append((obj.page_url, _("the page the reader saw")))
        return format_html(
            '<ul class="feedback-links">{}</ul>',
            format_html_join("", '<li><a href="{}">{}</a></li>', links),
        )

    @admin.display(description=_("reply"))
    def reply(self, obj):
        url = reply_url(obj)
        if not url:
            return _("The reader left no e-mail address.")
        return format_html(
            '<a href="{}">{}</a>', url, _("Answer %(email)s by e-mail") % {"email": obj.email}
        )
