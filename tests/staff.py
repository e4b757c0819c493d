"""Staff users in the editorial roles (the groups of catalogue/migrations/0006), and what the
public sees, for tests that check staff actions leave the public pages as they were."""

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


def make_user(name, group=None, **extra):
    """A member of staff; in `group` ("Editors", "Publishers") when one is given."""
    user = get_user_model().objects.create_user(
        name, f"{name}@example.com", "pw", is_staff=True, **extra
    )
    if group:
        editorial_groups()  # a flushed database (a transactional test before) lacks them
        user.groups.add(Group.objects.get(name=group))
    return user


def public_pages(*practices) -> dict[str, tuple[int, str]]:
    """Status and text of the public lists and each practice's pages, as anyone sees them."""
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    anonymous = Client()
    urls = ["/api/v1/practices/"]
    for code in ("fi", "sv", "en"):
        with translation.override(code):
            urls += [reverse("catalogue:home"), reverse("catalogue:practice_list")]
    for practice in practices:
        urls += [f"/p/{practice.pk}/", f"/api/v1/practices/{practice.pk}/"]
        urls += [practice.get_absolute_url(code) for code in ("fi", "sv", "en")]
    pages = {}
    for url in filter(None, urls):
        response = anonymous.get(url, follow=True)
        pages[url] = (response.status_code, response.content.decode())
    return pages
