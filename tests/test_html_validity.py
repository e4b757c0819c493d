"""The Nu HTML Checker (vnu, the W3C validator) finds no error on any public page type.

Every page type of tests/accessibility/pages.py, the embeddable list and the feedback
form's error page, in Finnish, Swedish and English, rendered by the test client into files
and checked in one run of vnu (npm's vnu-jar on Debian's Java; `npm ci` installs it).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from catalogue.models import Practice
from tests.accessibility.pages import LANGUAGES, PRACTICE_ID, PUBLIC_PAGES, public_page

VNU = (
    Path(__file__).resolve().parents[1] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def extra_pages(language: str) -> list[tuple[str, str, dict | None]]:
    """(name, path, POST data or None) of page types beyond the browser tests' list."""
    practice = Practice.objects.get(pk=PRACTICE_ID)
    with translation.override(language):
        feedback = reverse("catalogue:practice_feedback", kwargs={"slug": practice.slug})
        embed = reverse("catalogue:embed") + "?municipality=049"
        thanks = practice.get_absolute_url(language) + "?feedback=thanks"
    return [
        ("embed", embed, None),
        ("feedback_error", feedback, {"message": ""}),
        ("feedback_thanks", thanks, None),
    ]


@pytest.mark.django_db
def test_every_public_page_type_is_valid_html_in_every_language(client, catalogue, tmp_path):
    if not VNU.exists():
        pytest.fail("vnu.jar is missing: run `npm ci` (make install does)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: apt-get install default-jre-headless (make install does)")
    files = {}
    for language in LANGUAGES:
        pages = [(name, public_page(name, language).path, None) for name in PUBLIC_PAGES]
        for name, path, data in pages + extra_pages(language):
            response = client.post(path, data) if data is not None else client.get(path)
            assert response.status_code in (200, 400, 404), (path, response.status_code)
            file = tmp_path / f"{name}-{language}.html"
            file.write_bytes(response.content)
            files[str(file)] = path
    assert len(files) == 3 * (len(PUBLIC_PAGES) + 3)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:"
        f"{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
