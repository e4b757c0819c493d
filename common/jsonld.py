"""Structured data (schema.org JSON-LD) in a page."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# JSON inside <script> must not be able to close the element.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld_script(data: dict):
    """`data` as a <script type="application/ld+json"> element."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
