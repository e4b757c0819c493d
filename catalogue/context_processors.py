from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from common.i18n import language_codes


def alternate_urls(request):
    """The same page in each site language, for the language switcher and hreflang links.

    This default translates the path (translated URL prefixes work). Pages of objects with a
    slug per language put their own `alternate_urls` into the context, built from each
    language's get_absolute_url(), because translate_url keeps the old slug; this one is
    then never read, so it is made only when a template reads it.
    """

    def translated() -> dict[str, str]:
        query = request.META.get("QUERY_STRING", "")
        suffix = f"?{query}" if query else ""
        return {code: translate_url(request.path, code) + suffix for code in language_codes()}

    return {"alternate_urls": SimpleLazyObject(translated)}
