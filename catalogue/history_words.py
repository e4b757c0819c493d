"""History and comparison of versions in the staff's language.

django-reversion stores a revision's comment as text. Comments are stored language-neutral
(the admin's JSON change message, or the English text of a known step) and put into words
in the reader's language when shown, so that a Finnish editor never reads another editor's
English, and the compare view names fields and languages in words and shows changed texts
in full.
"""

import json
import re

from django.contrib.admin.models import LogEntry
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.revisions import is_active, set_comment
from reversion_compare.helpers import generate_dmp_diff

from common.i18n import LANGUAGE_NAMES

# Comments written by the loader, the workflow and django-reversion, in English (msgids).
STORED_COMMENTS = [
    _("Submitted for review"),
    _("Returned to draft"),
    _("Published"),
    _("Archived"),
    _("Restored from the archive"),
    _("Initial version."),
]
LOADED = re.compile(r"Loaded from (?P<source>.+)")
REVERTED = re.compile(r"Reverted to previous version, saved on (?P<datetime>.+)")


def field_in_words(field) -> str:
    """`title_sv` -> "title (Swedish)", in the active language."""
    original = getattr(field, "translated_field", None)
    language = getattr(field, "language", None)
    if original is not None and language in LANGUAGE_NAMES:
        return f"{original.verbose_name} ({LANGUAGE_NAMES[language]})"
    return str(getattr(field, "verbose_name", None) or field.name)


def _fields_by_english_label(model) -> dict:
    """The admin stores changed fields by their English form label (`Title [en]`)."""
    labels = {}
    with translation.override(None):
        for field in model._meta.get_fields():
            name = getattr(field, "verbose_name", None)
            if name:
                labels[str(capfirst(name))] = field
                labels[str(name)] = field
    return labels


def comment_in_words(comment: str, model=None) -> str:
    """A stored revision comment in the active language."""
    if not comment:
        return ""
    if comment.startswith("["):
        try:
            message = json.loads(comment)
        except ValueError:
            return comment
        labels = _fields_by_english_label(model) if model is not None else {}
        for part in message if isinstance(message, list) else []:
            for detail in part.values():
                if isinstance(detail, dict) and "fields" in detail:
                    detail["fields"] = [
                        field_in_words(labels[name]) if name in labels else gettext(name)
                        for name in detail["fields"]
                    ]
        return LogEntry(change_message=json.dumps(message)).get_change_message()
    if match := LOADED.fullmatch(comment):
        return gettext("Loaded from %(source)s") % {"source": match["source"]}
    if match := REVERTED.fullmatch(comment):
        return gettext("Reverted to previous version, saved on %(datetime)s") % {
            "datetime": match["datetime"]
        }
    return gettext(comment)


class HistoryInWordsAdminMixin:
    """For django-reversion admins: store comments language-neutral, compare in words."""

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if is_active() and message:
            set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def compare(self, obj, version1, version2):
        diff, has_unfollowed_fields = super().compare(obj, version1, version2)
        for field_diff in diff:
            field_diff["label"] = capfirst(field_in_words(field_diff["field"]))
        return diff, has_unfollowed_fields

    def compare_text(self, obj_compare):
        """The whole text with what changed marked, wrapped, never cut off at one line."""
        value1, value2 = (
            "" if side.value is None else side.to_string()
            for side in (obj_compare.compare_obj1, obj_compare.compare_obj2)
        )
        # The diff escapes the texts it marks up.
        return mark_safe(generate_dmp_diff(value1, value2))

    def compare_DateField(self, obj_compare):  # noqa: N802
        value1, value2 = (
            date_format(side.value) if side.value else gettext("(empty)")
            for side in (obj_compare.compare_obj1, obj_compare.compare_obj2)
        )
        # The same sentence as the yes/no template (reversion-compare/compare_BooleanField.html).
        sentence = gettext("<del>%(before)s</del>, changed to <ins>%(after)s</ins>") % {
            "before": escape(value1),
            "after": escape(value2),
        }
        return format_html('<p class="highlight">{}</p>', mark_safe(sentence))

    # django-reversion-compare finds compare methods by "compare_<field type>".
    compare_CharField = compare_text  # noqa: N815
    compare_TextField = compare_text  # noqa: N815
    compare_SlugField = compare_text  # noqa: N815
