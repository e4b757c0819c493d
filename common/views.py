from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation

from common.i18n import language_codes, translated_urls
from common.slugs import moved_object_id


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
        old_id = moved_object_id(self.model, slug, translation.get_language())
        return manager.filter(pk=old_id).first() if old_id is not None else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alternate_urls"] = translated_urls(self.object)
        return context
