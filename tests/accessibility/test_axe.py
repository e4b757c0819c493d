"""axe-core finds no WCAG 2.0, 2.1 and 2.2 level A and AA violation on any page type, on a
phone's width and on a desktop's.

A failure lists every violation with its rule, impact, help text and the selectors of the
failing elements, so that it can be fixed from the test output alone.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from catalogue.models import Practice
from tests.accessibility.pages import LANGUAGES, PRACTICE_ID, PUBLIC_PAGES

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    # axe-core ships the WCAG 2.2 target-size rule (2.5.8) switched off.
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}
# A phone (390 CSS px wide) and a desktop.
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def axe_violations(page) -> list[dict]:
    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


def selector(target) -> str:
    """axe's target: a list of selectors, nested lists for iframes and shadow roots."""
    return " >>> ".join(selector(part) if isinstance(part, list) else part for part in target)


def report(where: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) ({', '.join(WCAG_TAGS)}) on {where}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {selector(node['target'])}  -- {summary}")
    return "\n".join(lines)


def assert_no_violations(page, where: str):
    violations = axe_violations(page)
    if violations:
        pytest.fail(report(where, violations))


def test_axe_bundled_with_the_tests_knows_wcag_2_2():
    source = Axe().axe_script
    assert '"wcag22aa"' in source and 'id:"target-size"' in source


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_axe_violations_in_any_language(page, site, name, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    reports = []
    for language in LANGUAGES:
        target = site.open(page, name, language)
        if name == "practice_search":
            # What the search and filter add to the page is there to be checked.
            assert page.locator("main mark").count(), f"{target.path}: no highlighted word"
            assert page.locator(".active-filters .chips li").count() == 2, target.path
            assert page.locator("#filters .count").count(), target.path
        violations = axe_violations(page)
        if violations:
            reports.append(report(f"{target.path} ({viewport})", violations))
    if reports:
        pytest.fail("\n\n".join(reports))


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
def test_admin_practice_changelist_has_no_axe_violations(page, site, admin_context, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    response = page.goto(f"{site.url}/admin/catalogue/practice/")
    assert response.status == 200
    assert page.url.endswith("/admin/catalogue/practice/"), "not logged in"
    assert_no_violations(page, "/admin/catalogue/practice/")


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
def test_admin_practice_change_form_has_no_axe_violations(page, site, admin_context, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    practice = Practice.objects.get(pk=PRACTICE_ID)
    path = f"/admin/catalogue/practice/{practice.pk}/change/"
    response = page.goto(site.url + path)
    assert response.status == 200
    assert page.url.endswith(path), "not logged in"
    assert_no_violations(page, path)
