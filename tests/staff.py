"""Staff users in the editorial roles (the groups of catalogue/migrations/0006), and what the
public sees, for tests that check staff actions leave the public pages as they were."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.staff_users import editorial_groups


def make_user(name, group=None, **extra):
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
