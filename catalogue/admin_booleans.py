"""Yes/no icons with alt text in the staff's language.

Django's admin gives its yes/no icons the alt text "True", "False" or "None", in English
whatever the language (django.contrib.admin.templatetags.admin_list._boolean_icon), and
screen readers read it out on every read-only form and list. The admin looks the function up
from that module each time it draws an icon, so replacing it there is enough; the words
come from Django's own catalogue ("Yes", "No", "Unknown").
"""

from django.contrib.admin.templatetags import admin_list
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext

ICONS = {True: ("yes", "Yes"), False: ("no", "No"), None: ("unknown", "Unknown")}


def boolean_icon(field_val):
    icon, word = ICONS[field_val]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), gettext(word)
    )


admin_list._boolean_icon = boolean_icon
