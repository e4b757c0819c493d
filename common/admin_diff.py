"""Field names and values as staff read them, for conflict pages and change comparisons."""

from datetime import date

from django.db import models
from django.db.models.fields.related import ManyToManyField
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from common.i18n import LANGUAGE_NAMES


def field_label(model, name: str) -> str:
    """`title_sv` as "Title (Swedish)": the field's name and the language in words."""
    base, _sep, code = name.rpartition("_")
    if code in LANGUAGE_NAMES and base:
        try:
            field = model._meta.get_field(base)
        except models.FieldDoesNotExist:
            field = None
        if field is not None:
            return f"{capfirst(field.verbose_name)} ({LANGUAGE_NAMES[code]})"
    try:
        return str(capfirst(model._meta.get_field(name).verbose_name))
    except models.FieldDoesNotExist:
        return name


def display_value(model, name: str, value) -> str:
    """A stored or posted value as text: names for links, words for yes and no."""
    try:
        field = model._meta.get_field(name)
    except models.FieldDoesNotExist:
        field = None
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, date):
        return date_format(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.QuerySet | list | tuple):
        items = list(value)
        if items and not isinstance(items[0], models.Model) and field is not None:
            related = field.related_model._default_manager.in_bulk(items)
            items = [related.get(pk, pk) for pk in items]
        return ", ".join(sorted(str(item) for item in items)) or "–"
    if field is not None and field.is_relation and not isinstance(field, ManyToManyField):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    return str(value)
