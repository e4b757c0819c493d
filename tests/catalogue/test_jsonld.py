"""Every JSON-LD block on every public page uses only properties of its node's type.

The vocabulary is a trimmed copy of schema.org kept as a fixture
(tests/fixtures/schemaorg-vocabulary.json): each type with its supertypes, each property
with the types it belongs to (domainIncludes).
"""

import json
import re
from pathlib import Path

import pytest

from catalogue.models import Practice
from tests.accessibility.pages import LANGUAGES, PUBLIC_PAGES, public_page

VOCABULARY = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "schemaorg-vocabulary.json").read_text()
)
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
# Practices without a lead municipality, one of them without any municipality or partner.
WITHOUT_LEAD = (13, 20, 52)


def ancestors(type_name: str) -> set[str]:
    found = {type_name}
    for parent in VOCABULARY["types"][type_name]:
        found |= ancestors(parent)
    return found


def problems(node, where="") -> list[str]:
    """What in a JSON-LD node is not schema.org: unknown types or properties, properties of
    other types, empty values."""
    if isinstance(node, list):
        if not node:
            return [f"{where}: empty list"]
        return [p for i, item in enumerate(node) for p in problems(item, f"{where}[{i}]")]
    if not isinstance(node, dict):
        return [f"{where}: empty value"] if node in ("", None) else []
    type_name = node.get("@type")
    if type_name not in VOCABULARY["types"]:
        return [f"{where}: unknown type {type_name!r}"]
    found = []
    for key, value in node.items():
        if key.startswith("@"):
            continue
        domain = VOCABULARY["properties"].get(key)
        if domain is None:
            found.append(f"{where}.{key}: not in the vocabulary")
        elif not ancestors(type_name) & set(domain):
            found.append(f"{where}.{key}: not a property of {type_name}")
        found += problems(value, f"{where}.{key}")
    return found


def test_the_checker_refuses_what_the_issue_found():
    service = {"@type": "GovernmentService", "name": "x", "inLanguage": "fi", "areaServed": []}
    assert problems(service) == [
        ".inLanguage: not a property of GovernmentService",
        ".areaServed: empty list",
    ]
    assert problems({"@type": "Service", "availableLanguage": "fi"}) == [
        ".availableLanguage: not a property of Service"
    ]


def blocks(client, path) -> list[dict]:
    response = client.get(path)
    assert response.status_code in (200, 404), path
    return [json.loads(text) for text in BLOCK.findall(response.content.decode())]


@pytest.mark.django_db
def test_every_json_ld_block_on_every_public_page_is_valid_schema_org(client, catalogue):
    paths = [public_page(name, code).path for name in PUBLIC_PAGES for code in LANGUAGES]
    paths += [
        Practice.objects.get(pk=pk).get_absolute_url(code)
        for pk in WITHOUT_LEAD
        for code in LANGUAGES
    ]
    found, checked = {}, 0
    for path in paths:
        for block in blocks(client, path):
            assert block["@context"] == "https://schema.org"
            checked += 1
            if errors := problems(block):
                found[path] = errors
    assert found == {}
    assert checked == 3 * 2 + 3 * len(WITHOUT_LEAD)  # practice and municipality pages


@pytest.mark.django_db
def test_a_practice_without_a_lead_names_the_municipalities_and_partners_as_providers(
    client, catalogue
):
    [block] = blocks(client, Practice.objects.get(pk=52).get_absolute_url("en"))
    providers = block["mainEntity"]["provider"]
    assert {"@type": "GovernmentOrganization", "name": "Helsinki"} in providers
    assert {p["@type"] for p in providers} == {"GovernmentOrganization", "Organization"}


@pytest.mark.django_db
def test_service_languages_are_given_on_the_service_channel(client, catalogue):
    [block] = blocks(client, Practice.objects.get(pk=2).get_absolute_url("sv"))
    channel = block["mainEntity"]["availableChannel"]
    assert channel["@type"] == "ServiceChannel"
    assert channel["availableLanguage"]
    assert all(lang["@type"] == "Language" for lang in channel["availableLanguage"])


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_an_og_image_in_its_language_with_alt_text(client, db, language):
    html = client.get(f"/{language}/").content.decode()
    assert (
        f'<meta property="og:image" content="http://testserver/static/img/og-{language}.png">'
        in html
    )
    alt = re.search(r'<meta property="og:image:alt" content="([^"]+)">', html)[1]
    assert len(alt) > 40
    image = Path(__file__).resolve().parents[2] / "static" / "img" / f"og-{language}.png"
    assert image.read_bytes().startswith(b"\x89PNG")
    assert client.get(f"/static/img/og-{language}.png").status_code == 200
