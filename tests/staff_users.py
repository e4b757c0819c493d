"""Members of staff in the editorial groups of catalogue/migrations/0006_editorial_groups.py."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def staff_user(name: str, group: str):
    user = get_user_model().objects.create_user(name, f"{name}@example.com", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user
