"""Kruunupyy's Statistics Finland code is 288; 217 is Kannus.

The code is a plain column (relations point at the id), so changing it keeps every page,
slug, practice link and cooperation-area membership of the municipality. Only the row that
is Kruunupyy by name is changed, and only if no municipality already has 288.
"""

from django.db import migrations

WRONG, RIGHT = "217", "288"


def set_code(apps, old, new):
    Municipality = apps.get_model("municipalities", "Municipality")
    if Municipality.objects.filter(code=new).exists():
        return
    Municipality.objects.filter(code=old, name_fi="Kruunupyy").update(code=new)


def forwards(apps, schema_editor):
    set_code(apps, WRONG, RIGHT)


def backwards(apps, schema_editor):
    set_code(apps, RIGHT, WRONG)


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
