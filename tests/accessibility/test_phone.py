"""A resident on a 390 px phone (and on a desktop): filters within reach, results found,
targets big enough to tap, whole cards as links, a short header and a one-page print sheet."""

import re
from urllib.parse import urlsplit

import pytest

from catalogue.models import Practice
from tests.accessibility.pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# Every visible target on the page with its box. A link inside running text is exempt from
# WCAG 2.5.8 ("inline"): its size is set by the line of text around it. A card's title link
# is measured as the card, which its ::after covers.
MEASURE_TARGETS = """() => {
  const BIG = '.search input[type=search], .search button, .filters > summary, .filters .apply, '
    + '.chips a, .pagination a, .picker select, .picker button, a.button';
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  const results = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    let box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.bottom <= 0) continue;
    if (el.closest('.trap')) continue;  // the bots' field, off the screen
    if (el.tagName === 'A') {
      const block = el.closest('p, li, dd, td, address');
      const own = el.textContent.trim().length;
      const around = block ? block.textContent.replace(/\\s+/g, ' ').trim().length : own;
      if (block && around > own + 3) continue;
    }
    const card = el.closest('.card-title') ? el.closest('.card') : null;
    if (card) box = card.getBoundingClientRect();
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (typeof el.className === 'string' && el.className) {
      name += '.' + el.className.trim().split(/\\s+/).join('.');
    }
    const text = (el.getAttribute('aria-label') || el.textContent || el.value || '')
      .trim().replace(/\\s+/g, ' ');
    results.push({
      name: `${name} "${text.slice(0, 40)}"`,
      width: box.width, height: box.height,
      big: !!(card || el.matches(BIG)),
    });
  }
  return results;
}"""

# The chips of the active filters are measured as a whole, not only their remove link.
CHIP_HEIGHTS = """() => Array.from(
  document.querySelectorAll('.chips li'), li => li.getBoundingClientRect().height
)"""


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => {
          const box = document.querySelector(selector).getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
        selector,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_filter_control_sits_above_the_first_result_on_a_phone(page, site, language):
    page.set_viewport_size(PHONE)
    site.open(page, "practice_list", language)
    control = page.locator("#filters > summary").bounding_box()
    first = page.locator(".card").first.bounding_box()
    search = page.locator("form.search input[type=search]").bounding_box()
    assert control["y"] + control["height"] <= first["y"], (control, first)
    assert control["y"] >= search["y"] + search["height"], "the control is under the search box"
    assert control["y"] + control["height"] <= PHONE["height"], "not on the first screen"
    assert control["height"] >= 44
    # Closed at first on a phone, so that the results come first.
    assert page.locator("#filters").evaluate("details => details.open") is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_applying_filters_on_a_phone_lands_on_the_results_heading(page, site, language):
    page.set_viewport_size(PHONE)
    site.open(page, "practice_list", language)
    page.locator("#filters > summary").click()
    box = page.locator("#filters input[name=language]").first
    box.check()
    value = box.get_attribute("value")
    with page.expect_navigation():
        page.locator("#filters .apply").first.click()
    url = urlsplit(page.url)
    assert url.fragment == "results"
    assert url.query == f"language={value}"
    page.wait_for_function("() => window.scrollY > 0")
    assert in_viewport(page, "#results"), "the results heading is not on the screen"
    heading = page.locator("#results").inner_text()
    shown = page.locator(".card").count()
    count = Practice.objects.published().filter(service_languages__code=value).count()
    assert shown == count
    assert re.match(rf"^{count}\b", heading), heading


def test_bottom_apply_button_also_lands_on_the_results(page, site):
    page.set_viewport_size(PHONE)
    site.open(page, "practice_list", "en")
    page.locator("#filters > summary").click()
    page.locator("#only-kind").check()
    with page.expect_navigation():
        page.locator("#filters .apply").last.click()
    assert urlsplit(page.url).fragment == "results"
    assert urlsplit(page.url).query == "kind=service"
    assert page.locator("#filters > summary").inner_text() == "Filters (1)"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_scroll_area_is_nested_in_the_practice_list(page, site, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    site.open(page, "practice_list", "fi")
    page.evaluate("() => { document.getElementById('filters').open = true; }")
    nested = page.evaluate(
        """() => Array.from(document.querySelectorAll('main *')).filter(el => {
          const style = getComputedStyle(el);
          return ['auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight;
        }).map(el => el.outerHTML.slice(0, 80))"""
    )
    assert nested == []
    assert (
        page.evaluate("() => document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    )


def test_desktop_keeps_the_filters_as_an_open_side_panel(page, site):
    page.set_viewport_size(DESKTOP)
    site.open(page, "practice_list", "en")
    assert page.locator("#filters").evaluate("details => details.open") is True
    panel = page.locator("#filters").bounding_box()
    results = page.locator(".results").bounding_box()
    assert panel["x"] + panel["width"] <= results["x"]
    apply = page.locator("#filters .apply").first.bounding_box()
    assert apply["y"] + apply["height"] <= DESKTOP["height"], (
        "the first apply button is out of view"
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_target_is_at_least_24px_and_main_controls_44px(page, site, name, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    problems = []
    for language in LANGUAGES:
        target = site.open(page, name, language)
        if name.startswith("practice_"):
            page.evaluate("() => { document.getElementById('filters').open = true; }")
        measured = page.evaluate(MEASURE_TARGETS)
        assert len(measured) >= 8, f"{target.path}: only {len(measured)} targets measured"
        for element in measured:
            least = 44 if element["big"] else 24
            too_small = element["height"] < least - 0.5 or element["width"] < 24 - 0.5
            if too_small:
                problems.append(
                    f"{target.path} ({viewport}): {element['name']} is "
                    f"{element['width']:.0f} x {element['height']:.0f} px, needs {least} px high"
                )
        for height in page.evaluate(CHIP_HEIGHTS):
            if height < 43.5:
                problems.append(f"{target.path} ({viewport}): a chip is {height:.0f} px high")
    if problems:
        pytest.fail("\n".join(problems))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_tap_anywhere_on_a_card_opens_its_practice(page, site, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    site.open(page, "practice_list", "fi")
    card = page.locator(".card").first
    href = card.locator(".card-title a").get_attribute("href")
    # A finger taps what is on the screen: on a phone the first card's corner can be below
    # the fold until the reader scrolls.
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    assert box["y"] + box["height"] <= VIEWPORTS[viewport]["height"], "card not on screen"
    # The empty corner at the bottom right of the card, away from the title.
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] - 6)
    assert urlsplit(page.url).path == href
    page.go_back()
    # A tap on the summary text opens it too (site.js).
    with page.expect_navigation():
        page.locator(".card").first.locator(".card-summary").click()
    assert urlsplit(page.url).path == href


def test_text_on_a_card_can_be_selected_without_leaving_the_list(page, site):
    page.set_viewport_size(DESKTOP)
    target = site.open(page, "practice_list", "en")
    summary = page.locator(".card").first.locator(".card-summary").bounding_box()
    y = summary["y"] + 10
    page.mouse.move(summary["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(summary["x"] + summary["width"] / 2, y, steps=5)
    page.mouse.up()
    page.wait_for_timeout(300)
    assert urlsplit(page.url).path == target.path
    assert len(page.evaluate("() => String(window.getSelection())").strip()) > 5


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_phone_header_is_at_most_120px_high(page, site, name):
    page.set_viewport_size(PHONE)
    for language in LANGUAGES:
        target = site.open(page, name, language)
        height = page.locator("header.site-header").bounding_box()["height"]
        assert height <= 120, f"{target.path}: the header is {height:.0f} px high"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


BROKEN_WORDS = """() => {
  const text = document.querySelector('.brand').firstChild;
  const broken = [];
  for (const match of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
    if (tops.size > 1) broken.push(match[0]);
  }
  return broken;
}"""


def test_site_name_in_the_phone_header_wraps_between_words_only(page, site):
    """A site name broken inside a word ("Integrationsfrämjand-e") reads as two words."""
    page.set_viewport_size(PHONE)
    for language in LANGUAGES:
        target = site.open(page, "home", language)
        assert page.evaluate(BROKEN_WORDS) == [], target.path


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def longest_practice() -> Practice:
    return max(
        Practice.objects.published(),
        key=lambda p: max(len(p.description_fi), len(p.description_sv), len(p.description_en)),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_practice_sheet_prints_on_one_a4_page_with_qr_code_and_no_overlap(page, site, language):
    for practice in (Practice.objects.get(pk=13), longest_practice()):
        path = practice.get_absolute_url(language)
        page.goto(site.url + path)
        # As Chromium prints: the print style sheet, A4.
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf_pages(pdf) == 1, f"{path}: {pdf_pages(pdf)} pages"
        qr = page.locator(".print-link svg").bounding_box()
        assert qr and qr["width"] >= 80, f"{path}: no QR code printed"
        assert page.locator(".site-name").is_visible()
        assert page.locator(".print-link .url").inner_text().startswith("http")
        overlaps = page.evaluate(
            """() => {
              const boxes = Array.from(document.querySelectorAll('.facts dt, .facts dd'),
                el => [el, el.getBoundingClientRect()]).filter(([, b]) => b.width && b.height);
              const hit = [];
              for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const [a, ra] = boxes[i], [b, rb] = boxes[j];
                if (ra.left < rb.right - 1 && rb.left < ra.right - 1 &&
                    ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) {
                  const names = [a, b].map(el => el.textContent.trim().slice(0, 30));
                  hit.push(names.join(' / '));
                }
              }
              return hit;
            }"""
        )
        assert overlaps == [], f"{path}: {overlaps}"
