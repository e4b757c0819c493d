"""The municipalities as open data (the catalogue's exports are catalogue.opendata)."""

from django.views.decorators.http import require_safe

from common.i18n import language_codes, translated_values
from common.opendata import LICENCE, attribution, csv_response, in_asked_language
from municipalities.models import Municipality


@require_safe
@in_asked_language
def municipalities_csv(request):
    header = ["code"]
    header += [f"name_{code}" for code in language_codes()]
    header += [f"slug_{code}" for code in language_codes()]
    header += ["region_code"] + [f"region_name_{code}" for code in language_codes()]
    header += ["licence", "attribution"]
    rows = []
    for municipality in Municipality.objects.select_related("region").order_by("code"):
        names = translated_values(municipality, "name")
        slugs = translated_values(municipality, "slug")
        region = translated_values(municipality.region, "name")
        rows.append(
            [municipality.code]
            + [names[c] for c in language_codes()]
            + [slugs[c] or "" for c in language_codes()]
            + [municipality.region.code]
            + [region[c] for c in language_codes()]
            + [LICENCE["url"], attribution()]
        )
    return csv_response(request, rows, header, "municipalities.csv")
