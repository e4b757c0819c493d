"""No lost edits: the admin's change forms post the version they were made from.

A save over a newer version is refused with a form error that shows, per differing field,
what the user typed next to what is stored now. The form is shown again with the user's
input and the newer version number, so saving once more keeps the user's version on purpose.
"""

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from common.admin_diff import display_value, field_label

VERSION_FIELD = "edit_version"


class VersionedFormMixin(forms.Form):
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = self.instance.lock_version

    def clean(self):
        cleaned = super().clean()
        posted = cleaned.get(VERSION_FIELD)
        if self.instance.pk is None or posted is None:
            return cleaned
        model = type(self.instance)
        # Locked until the save's transaction ends, so nobody saves in between.
        stored = (
            model._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("lock_version", flat=True)
            .first()
        )
        if stored is not None and stored != posted:
            self.add_conflict(stored)
        return cleaned

    def add_conflict(self, stored_version: int):
        model = type(self.instance)
        rows = []
        for name in self.changed_data:
            if name == VERSION_FIELD or name not in self.cleaned_data:
                continue
            yours = display_value(model, name, self.cleaned_data.get(name))
            stored = display_value(model, name, self.initial.get(name))
            # Browsers post line breaks as CRLF: a text differing only in those is the same.
            if yours.replace("\r\n", "\n") != stored.replace("\r\n", "\n"):
                rows.append({"label": field_label(model, name), "yours": yours, "stored": stored})
        # The form comes back with the newer version: saving again keeps the user's text.
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = stored_version
        table = render_to_string(
            "admin/includes/edit_conflict.html",
            {"rows": rows, "name": model._meta.verbose_name},
        )
        raise forms.ValidationError(mark_safe(table), code="edit_conflict")


class OptimisticLockAdminMixin:
    """For ModelAdmins of models with a `lock_version`: the form carries it; saves count it."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        if not issubclass(base, VersionedFormMixin):
            kwargs["form"] = type(base.__name__, (VersionedFormMixin, base), {})
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or any(VERSION_FIELD in options["fields"] for _n, options in fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], VERSION_FIELD]}), *rest]

    def save_model(self, request, obj, form, change):
        posted = form.cleaned_data.get(VERSION_FIELD)
        if change:
            obj.lock_version = (obj.lock_version if posted is None else posted) + 1
        super().save_model(request, obj, form, change)
