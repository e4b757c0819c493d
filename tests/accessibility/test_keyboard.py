"""The site works with the keyboard alone: skip link, visible focus, filters, language switcher."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.accessibility.pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

FOCUSABLE = (
    "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, "
    'iframe, [tabindex], [contenteditable=""], [contenteditable="true"]'
)

# The focused element, described for messages, with what makes its focus visible.
DESCRIBE_ACTIVE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  if (el.classList.length) name += '.' + Array.from(el.classList).join('.');
  for (const attribute of ['href', 'name', 'value', 'type']) {
    if (el.hasAttribute(attribute)) name += `[${attribute}="${el.getAttribute(attribute)}"]`;
  }
  const text = (el.getAttribute('aria-label') || el.innerText || '').trim().replace(/\\s+/g, ' ');
  return {
    element: text ? `${name} "${text.slice(0, 50)}"` : name,
    probe: el.dataset.focusProbe ?? null,
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < window.innerWidth && box.top < window.innerHeight,
  };
}"""

# Before anything has focus: number each focusable element and note how it looks unfocused,
# and which of them the Tab key should reach (rendered, not disabled, tabindex >= 0).
PROBE_UNFOCUSED = """(selector) => Array.from(document.querySelectorAll(selector), (el, index) => {
  el.dataset.focusProbe = String(index);
  const style = getComputedStyle(el);
  return {
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    boxShadow: style.boxShadow,
    tabbable: el.tabIndex >= 0 && !el.disabled && el.checkVisibility({visibilityProperty: true}),
    element: el.outerHTML.slice(0, 120),
  };
})"""


def active(page) -> dict | None:
    return page.evaluate(DESCRIBE_ACTIVE)


def active_matches(page, selector: str) -> bool:
    return page.evaluate(
        "(selector) => !!document.activeElement && document.activeElement.matches(selector)",
        selector,
    )


def tab_to(page, selector: str, limit: int = 400) -> dict:
    """Press Tab until the focused element matches `selector`."""
    path = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active_matches(page, selector):
            return active(page)
        described = active(page)
        path.append(described["element"] if described else "(nothing)")
    raise AssertionError(
        f"{page.url}: Tab never reached {selector} in {limit} presses; "
        f"the last ones reached: {path[-5:]}"
    )


def wait_for_focus(page, selector: str) -> bool:
    try:
        page.wait_for_function(
            "(selector) => !!document.activeElement && document.activeElement.matches(selector)",
            arg=selector,
            timeout=2000,
        )
    except PlaywrightTimeoutError:
        return False
    return True


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_tab_focuses_the_skip_link_which_moves_focus_to_main(page, site, language):
    problems = []
    for name in PUBLIC_PAGES:
        target = site.open(page, name, language)
        page.keyboard.press("Tab")
        first = active(page)
        if not active_matches(page, 'a.skip-link[href="#main"]'):
            problems.append(f"{target.path}: the first Tab focused {first and first['element']}")
            continue
        if not first["onScreen"]:
            problems.append(f"{target.path}: the focused skip link is not visible on the screen")
        page.keyboard.press("Enter")
        if not wait_for_focus(page, "main#main"):
            now = active(page)
            problems.append(
                f"{target.path}: after Enter on the skip link the focus is on "
                f"{now and now['element']}, not on <main>"
            )
    if problems:
        pytest.fail("\n".join(problems))


def has_visible_focus(focused: dict, unfocused: dict | None) -> bool:
    outline = (
        focused["outlineStyle"] not in ("none", "hidden")
        and focused["outlineWidth"] > 0
        and (unfocused is None or focused["outline"] != unfocused["outline"])
    )
    shadow = focused["boxShadow"] != "none" and (
        unfocused is None or focused["boxShadow"] != unfocused["boxShadow"]
    )
    return outline or shadow


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_focusable_element_on_the_home_page_shows_its_focus(page, site, language):
    target = site.open(page, "home", language)
    unfocused = page.evaluate(PROBE_UNFOCUSED, FOCUSABLE)
    reached, invisible = [], []
    for _ in range(len(unfocused) + 10):
        page.keyboard.press("Tab")
        focused = active(page)
        if focused is None or (reached and focused["probe"] == reached[0]):
            break  # The focus left the page or came round again.
        reached.append(focused["probe"])
        before = unfocused[int(focused["probe"])] if focused["probe"] is not None else None
        if not has_visible_focus(focused, before):
            invisible.append(
                f"{focused['element']}: outline {focused['outline']}, box-shadow "
                f"{focused['boxShadow']} (unfocused: {before and before['outline']}, "
                f"{before and before['boxShadow']})"
            )
    unreached = [
        probe["element"]
        for index, probe in enumerate(unfocused)
        if probe["tabbable"] and str(index) not in reached
    ]
    assert len(reached) > 10, f"{target.path}: Tab reached only {len(reached)} elements"
    if invisible:
        pytest.fail(f"{target.path}: no visible focus indicator on:\n" + "\n".join(invisible))
    if unreached:
        pytest.fail(f"{target.path}: Tab never reached:\n" + "\n".join(unreached))


def tick_the_next_box(page) -> tuple[str, str]:
    """Tab to the next unticked filter checkbox and tick it with Space: its (name, value)."""
    tab_to(page, "#filters input[type=checkbox]:not(:checked)")
    name, value = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked"), "Space did not tick the box"
    return name, value


def chosen(page) -> list[tuple[str, str]]:
    return sorted(
        (key, value)
        for key, values in parse_qs(urlsplit(page.url).query).items()
        for value in values
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_practice_filters_work_with_the_keyboard_alone(page, site, language):
    target = site.open(page, "practice_list", language)
    # Tab to a checkbox, tick it with Space, submit with Enter.
    first = tick_the_next_box(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == target.path
    assert chosen(page) == [first], page.url
    assert page.locator(f'#filters input[name="{first[0]}"][value="{first[1]}"]').is_checked()
    assert page.locator(".active-filters .chips li").count() == 1
    # The same with the form's submit button: Tab to it and press Enter.
    second = tick_the_next_box(page)
    tab_to(page, "#filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert chosen(page) == sorted([first, second]), page.url
    assert page.locator(".active-filters .chips li").count() == 2


def switched_path(name: str, source: str, other: str, site) -> str:
    """Where the switcher on page `name` in `source` should lead for language `other`."""
    if name == "not_found":
        return site.page("home", other).path
    if name == "practice_search":
        # The same list in the other language, with the same search and filters.
        query = urlsplit(site.page(name, source).path).query
        return f"{site.page('practice_list', other).path}?{query}"
    return site.page(name, other).path


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_language_switcher_is_reached_with_tab_and_leads_to_the_same_page(page, site, name):
    problems = []
    for source in LANGUAGES:
        for other in LANGUAGES:
            if other == source:
                continue
            target = site.open(page, name, source)
            tab_to(page, f'.language-switcher a[hreflang="{other}"]', limit=30)
            with page.expect_navigation():
                page.keyboard.press("Enter")
            url = urlsplit(page.url)
            reached = f"{url.path}?{url.query}" if url.query else url.path
            expected = switched_path(name, source, other, site)
            if reached != expected:
                problems.append(f"{target.path} -> {other}: reached {reached}, expected {expected}")
    if problems:
        pytest.fail("\n".join(problems))
