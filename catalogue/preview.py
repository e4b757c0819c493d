"""Signed preview links: staff share a practice in any state without logging anyone in."""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import translation

SALT = "catalogue.practice.preview"


def preview_token(practice) -> str:
    return signing.dumps({"practice": practice.pk}, salt=SALT, compress=True)


def preview_url(practice, language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        return reverse("catalogue:practice_preview", kwargs={"token": preview_token(practice)})


def practice_id_from_token(token: str) -> int:
    """The practice a token names; 404 when it is forged or older than PREVIEW_MAX_AGE."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise Http404 from error
    return int(data["practice"])
