"""Signed preview links: staff share a practice in any state without logging anyone in.

A token names the practice and carries its preview key; the key changes on every state
change and when staff withdraw the links, which makes every earlier link invalid. An
archived practice has no working preview. A token may also name a pending change, shown
applied to the practice.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import translation

SALT = "catalogue.practice.preview"


@dataclass(frozen=True)
class PreviewTarget:
    practice_id: int
    key: str
    draft_id: int | None = None


def preview_token(practice, draft=None) -> str:
    data = {"practice": practice.pk, "key": practice.preview_nonce}
    if draft is not None:
        data["draft"] = draft.pk
    return signing.dumps(data, salt=SALT, compress=True)


def preview_url(practice, language: str | None = None, draft=None) -> str:
    with translation.override(language or translation.get_language()):
        return reverse(
            "catalogue:practice_preview", kwargs={"token": preview_token(practice, draft)}
        )


def preview_target(token: str) -> PreviewTarget:
    """What a token shows; 404 when it is forged, malformed or older than PREVIEW_MAX_AGE."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_MAX_AGE)
        return PreviewTarget(
            practice_id=int(data["practice"]),
            key=str(data["key"]),
            draft_id=int(data["draft"]) if data.get("draft") is not None else None,
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        # SignatureExpired is a BadSignature too; old tokens without a key are withdrawn.
        raise Http404 from error
