"""Every public page transfers at most 14 KB of HTML, CSS and JavaScript, compressed: about
what the first round trip of a new connection carries (TCP's initial window of ten segments),
so that a phone on a slow network shows the page after one round trip.

The test server does not compress, so each HTML, CSS and JavaScript body the browser
receives while loading the page is gzipped here, as the production server or proxy would.
"""

import gzip

import pytest

from tests.accessibility.pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

BUDGET = 14 * 1024
WEIGHED_TYPES = {
    "text/html": "HTML",
    "text/css": "CSS",
    "text/javascript": "JS",
    "application/javascript": "JS",
    "application/x-javascript": "JS",
}


def weigh(context, url: str) -> list[tuple[str, str, int, int]]:
    """Load `url` in a new page of a fresh context (an empty cache, as on a first visit):
    (kind, address, bytes, gzipped bytes) of each HTML, CSS and JavaScript response."""
    responses = []
    page = context.new_page()
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    weighed = []
    for response in responses:
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        kind = WEIGHED_TYPES.get(content_type)
        if kind is None or 300 <= response.status < 400:
            continue
        body = response.body()
        weighed.append((kind, response.url, len(body), len(gzip.compress(body))))
    return weighed


def report(path: str, weighed) -> str:
    total = sum(compressed for *_, compressed in weighed)
    lines = [f"{path}: {total} bytes ({total / 1024:.1f} KB) gzipped, budget {BUDGET} bytes"]
    for kind, url, size, compressed in sorted(weighed, key=lambda row: -row[3]):
        lines.append(f"    {kind:4} {compressed:>7} gzipped ({size:>7} raw)  {url}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_weighs_at_most_14_kb_compressed(new_context, site, name):
    over, seen = [], []
    for language in LANGUAGES:
        target = site.page(name, language)
        context = new_context()
        weighed = weigh(context, site.url + target.path)
        context.close()
        assert any(kind == "HTML" for kind, *_ in weighed), f"{target.path}: no HTML measured"
        seen.append(report(target.path, weighed))
        if sum(compressed for *_, compressed in weighed) > BUDGET:
            over.append(seen[-1])
    if over:
        pytest.fail("Over the page-weight budget:\n" + "\n".join(over))
