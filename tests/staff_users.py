"""Members of staff in the editorial groups of catalogue/migrations/0006_editorial_groups.py."""

import importlib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

GROUPS = importlib.import_module("catalogue.migrations.0006_editorial_groups")


def editorial_groups():
    """The groups as the migration makes them; a flushed database (live server) needs them."""
    if Group.objects.filter(name__in=["Editors", "Publishers"]).count() == 2:
        return

    def permissions(pairs):
        return [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in pairs
        ]

    editor = (
        GROUPS._codenames(GROUPS.EDITABLE, ("view", "add", "change"))
        + GROUPS._codenames(GROUPS.READ_AND_HANDLE, ("view", "change"))
        + GROUPS._codenames(GROUPS.READ_ONLY, ("view",))
    )
    Group.objects.get_or_create(name="Editors")[0].permissions.set(permissions(editor))
    Group.objects.get_or_create(name="Publishers")[0].permissions.set(
        permissions([*editor, ("catalogue", "publish_practice")])
    )


def staff_user(name: str, group: str):
    editorial_groups()
    user = get_user_model().objects.create_user(name, f"{name}@example.com", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user
