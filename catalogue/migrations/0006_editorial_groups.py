"""The editorial roles, and the state of practices that existed before the workflow.

Editors add and change practices, municipalities and the taxonomies, and handle readers'
feedback; they cannot delete anything or manage users. Publishers may also publish, archive
and restore practices. Hard deletion and user management stay with superusers.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITABLE = {
    "catalogue": ["practice", "page", "targetgroup", "theme", "language", "partnerorganisation"],
    "municipalities": ["municipality", "region", "cooperationarea"],
}
READ_AND_HANDLE = {"catalogue": ["feedback"]}
READ_ONLY = {"catalogue": ["slugredirect"]}


def _codenames(models, actions):
    return [
        (app, f"{action}_{model}")
        for app, names in models.items()
        for model in names
        for action in actions
    ]


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        return [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in pairs
        ]

    editor = (
        _codenames(EDITABLE, ("view", "add", "change"))
        + _codenames(READ_AND_HANDLE, ("view", "change"))
        + _codenames(READ_ONLY, ("view",))
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(permissions(editor))
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publishers.permissions.set(permissions([*editor, ("catalogue", "publish_practice")]))


def publish_existing_practices(apps, schema_editor):
    # Everything in the catalogue before the workflow was public, and came from 2017.
    Practice = apps.get_model("catalogue", "Practice")
    Practice.objects.update(status="published")
    Practice.objects.filter(source_page__isnull=False).update(check_status="unchecked")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0005_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("municipalities", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        migrations.RunPython(publish_existing_practices, migrations.RunPython.noop),
    ]
