from modeltranslation.translator import TranslationOptions, register

from municipalities.models import CooperationArea, Municipality, Region


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi", "sv", "en")


@register(Municipality)
class MunicipalityTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    required_languages = ("fi", "sv", "en")
    # A missing slug is NULL, never '', so the per-language unique constraints hold.
    empty_values = {"slug": None}


@register(CooperationArea)
class CooperationAreaTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi", "sv", "en")
