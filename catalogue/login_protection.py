"""django-axes under a name staff can read: its app is otherwise "Axes" in every language."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginProtectionConfig(AxesAppConfig):
    verbose_name = _("login protection")
