"""The username django-axes records for a login attempt, cut to what its table can hold.

Axes stores the username a client typed in a varchar(255); on PostgreSQL a longer one made
the failure handler raise and the login page answer 500. No account can have such a name
(Django's usernames are at most 150 characters), so the cut never merges real users.
"""

from axes.models import AccessAttempt
from django.conf import settings

MAX_LENGTH = AccessAttempt._meta.get_field("username").max_length


def username(request, credentials=None) -> str | None:
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        value = credentials.get(field)
    else:
        value = getattr(request, "data", request.POST).get(field)
    return value[:MAX_LENGTH] if isinstance(value, str) else value
