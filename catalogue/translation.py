from modeltranslation.translator import TranslationOptions, register

from catalogue.models import (
    Language,
    Page,
    PartnerOrganisation,
    Practice,
    PracticeLink,
    ServicePoint,
    TargetGroup,
    Theme,
)


@register(TargetGroup)
@register(Theme)
class TaxonomyTermTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"default": ("name",)}


@register(PartnerOrganisation)
class PartnerOrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "changes_since_source")
    required_languages = {"default": ("name",)}


@register(Language)
class LanguageTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi", "sv", "en")


@register(Practice)
class PracticeTranslationOptions(TranslationOptions):
    # Only the Finnish text is required in forms, so that an editor can save a practice before
    # it is translated; reading a missing translation falls back (see settings.py).
    fields = (
        "title",
        "slug",
        "summary",
        "description",
        "opening_times",
        "cost_details",
        "how_to_take_part",
        "place_accessibility",
    )
    # A missing slug is NULL, never '', so the per-language unique constraints hold.
    empty_values = {"slug": None}


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("fi", "sv", "en")


@register(PracticeLink)
class PracticeLinkTranslationOptions(TranslationOptions):
    # One address is enough: the Finnish one serves the other languages (fallback) until a
    # page in that language is given.
    fields = ("title", "url")
    required_languages = {"fi": ("title", "url")}


@register(ServicePoint)
class ServicePointTranslationOptions(TranslationOptions):
    # Street and town names have official Swedish forms in bilingual municipalities.
    fields = ("name", "street_address", "town")
    required_languages = {"fi": ("name", "street_address", "town")}
