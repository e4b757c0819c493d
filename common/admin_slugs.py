from django import forms
from django.utils.translation import gettext

from common.i18n import language_codes
from common.slugs import current_slugs, slug_changes_record, slug_taken_as_old_address


class OldAddressFormMixin(forms.Form):
    """A slug that is another page's old address keeps leading there: it cannot be taken."""

    def clean(self):
        cleaned = super().clean()
        for code in language_codes():
            slug = cleaned.get(f"slug_{code}")
            if not slug:
                continue
            taken = slug_taken_as_old_address(instance=self.instance, language=code, slug=slug)
            if taken is not None:
                self.add_error(
                    f"slug_{code}",
                    gettext(
                        "This is an old address of “%(other)s” and keeps leading there; "
                        "choose another."
                    )
                    % {"other": taken.target or taken.object_id},
                )
        return cleaned


class SlugAddressesAdminMixin:
    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (OldAddressFormMixin, form), {})


class SlugHistoryAdminMixin(SlugAddressesAdminMixin):
    """Keeps a page's old slugs when an editor changes them, so that old links redirect."""

    def save_model(self, request, obj, form, change):
        old_slugs = current_slugs(obj) if change else {}
        super().save_model(request, obj, form, change)
        if change:
            slug_changes_record(instance=obj, old_slugs=old_slugs)
