"""Test settings: the production settings with what a test run needs changed."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-not-secret")
os.environ.setdefault("SITE_URL", "http://testserver")

from config.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
# Manifest storage needs collectstatic; tests read static files from the finders.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# schemathesis' WSGI client (tests/api/test_openapi_schemathesis.py) sends `Host: localhost`.
EXACT_HOSTS = ["localhost"]
