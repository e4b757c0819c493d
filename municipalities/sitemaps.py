from common.sitemaps import TranslatedSitemap
from municipalities.models import Municipality


class MunicipalitySitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Municipality.objects.with_practices().order_by("code")

    def _exists(self, item, code):
        return bool(getattr(item, f"slug_{code}"))
