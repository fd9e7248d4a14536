"""Search in a real browser: both spellings of a query find the same, right page first."""

from __future__ import annotations

import unicodedata

import pytest

ANY_PAGE = "any"  # only both spellings must agree
PHRASE = None  # a task page that contains the phrase

PAIRS = [
    ("tín dụng", "tin dung", None),
    ("văn hoá", "van hoa", "don-vi/phong-van-hoa-xa-hoi/"),
    ("văn hóa", "văn hoá", "don-vi/phong-van-hoa-xa-hoi/"),
    ("Ủy ban Mặt trận", "uy ban mat tran", "don-vi/uy-ban-mttq/"),
    ("uỷ ban", "ủy ban", ANY_PAGE),
    ("công an xã", "cong an xa", "don-vi/cong-an-xa/"),
    ("đồng bào dân tộc thiểu số", "dong bao dan toc thieu so", None),
    ("Ba Tơ", "ba to", "don-vi/ngan-hang-csxh-ba-to/"),
    (unicodedata.normalize("NFD", "tín dụng"), "tín dụng", None),
    ("Tờ trình", "to trinh", "san-pham/to-trinh/"),
    ("V.8", "v8", "nhiem-vu/v-8/"),
]


def search(page, base_url, query: str, paste: bool = False) -> list[str]:
    """Type (or paste, with no key press) a query and return result addresses, best first."""
    if not page.url.startswith(base_url):
        page.goto(base_url)
    box = page.locator("input[data-md-component=search-query]")
    box.evaluate("el => { el.value = ''; el.dispatchEvent(new Event('input', {bubbles: true})); }")
    if paste:
        box.evaluate("(el, q) => { el.focus(); el.value = q; el.dispatchEvent(new Event('input', {bubbles: true})); }", query)
    else:
        box.focus()
        page.keyboard.type(query)
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0 ||"
        " /Không/.test(document.querySelector('.md-search-result__meta')?.textContent || '')", timeout=10_000)
    page.wait_for_timeout(250)  # let the last keystroke's results settle
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    return [h.split("?")[0].split("#")[0].replace(base_url, "") for h in hrefs]


def page_text(page, base_url, url):
    page.goto(base_url + url)
    return unicodedata.normalize("NFC", page.locator("article").inner_text())


@pytest.mark.parametrize("first,second,expected", PAIRS, ids=[f"{a}|{b}" for a, b, _ in PAIRS])
def test_both_spellings_find_the_same_right_page_first(page, base_url, first, second, expected):
    results_first = search(page, base_url, first)
    results_second = search(page, base_url, second)
    assert results_first and results_second, (first, second)
    assert results_first[0] == results_second[0]
    top = results_first[0]
    if expected is PHRASE:
        from macros.text import fold

        assert top.startswith("nhiem-vu/"), top
        assert fold(second) in fold(page_text(page, base_url, top)), top
    elif expected != ANY_PAGE:
        assert top == expected


def test_a_pasted_query_searches_without_a_key_press(page, base_url):
    assert search(page, base_url, "cong an xa", paste=True)[0] == "don-vi/cong-an-xa/"


def test_pasted_decomposed_text_is_composed_in_the_box(page, base_url):
    decomposed = unicodedata.normalize("NFD", "tín dụng")
    search(page, base_url, decomposed, paste=True)
    value = page.locator("input[data-md-component=search-query]").input_value()
    assert value == unicodedata.normalize("NFC", decomposed)


def test_accented_matches_are_highlighted_for_an_unaccented_query(page, base_url):
    search(page, base_url, "cong an xa")
    marks = page.locator(".md-search-result__item mark").all_inner_texts()
    assert any(unicodedata.normalize("NFC", m).lower() in ("công", "xã") for m in marks), marks


def test_aggregate_pages_are_not_in_the_index(site):
    import json

    index = json.loads(site.path("search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "nhiem-vu/" not in locations and "tra-cuu/" not in locations
    assert "nhiem-vu/v-8/" in locations and "don-vi/cong-an-xa/" in locations
    fields = index["config"]["fields"]
    assert fields["title_folded"]["boost"] == fields["title"]["boost"]
    doc = next(d for d in index["docs"] if d["location"] == "don-vi/phong-van-hoa-xa-hoi/")
    assert "phong van hoa - xa hoi" in doc["title_folded"]


def test_no_page_asks_another_host_for_anything(browser, base_url):
    """Fonts, scripts, the repository's star count: nothing leaves the site while a citizen reads and searches."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for url in ("", "nhiem-vu/v-8/", "don-vi/cong-an-xa/", "tra-cuu/?don-vi=cong-an-xa"):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    search(page, base_url, "tin dung")
    page.wait_for_load_state("networkidle")
    context.close()
    assert requests and all(r.startswith(base_url) or r.startswith("data:") for r in requests), [
        r for r in requests if not r.startswith(base_url)]
