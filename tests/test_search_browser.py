"""Search in a real browser: both spellings of a query find the same, right page first."""

from __future__ import annotations

import json
import random
import unicodedata

import pytest

from helpers import published, search_documents, search_words, worker_answers
from macros import urls

pytestmark = pytest.mark.browser

ANY_PAGE = "any"  # only both spellings must agree
PHRASE = None  # a task page that contains the phrase

# Queries on the xa-mau plan: (typed one way, typed another way, the page that must come first).
PAIRS = [
    ("học phí", "hoc phi", None),
    ("bưu điện văn hóa", "buu dien van hoa", urls.unit("buu-dien")),
    ("bưu điện văn hoá", "bưu điện văn hóa", urls.unit("buu-dien")),
    ("Trạm Y tế", "tram y te", urls.unit("tram-y-te")),
    ("uỷ ban", "ủy ban", ANY_PAGE),
    ("tài chính - kế toán", "tai chinh ke toan", urls.unit("tai-chinh")),
    ("sổ sức khỏe điện tử", "so suc khoe dien tu", None),
    ("Suối Mây", "suoi may", ANY_PAGE),
    (unicodedata.normalize("NFD", "hộ kinh doanh"), "hộ kinh doanh", None),
    ("Quyết định", "quyet dinh", urls.kind("quyet-dinh")),
    ("II.1.a", "ii1a", urls.task("II.1.a")),
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
        from macros.text import fold_diacritics as fold

        assert top.startswith(urls.ALL_TASKS), top
        assert fold(second) in fold(page_text(page, base_url, top)), top
    elif expected != ANY_PAGE:
        assert top == expected


def test_a_pasted_query_searches_without_a_key_press(page, base_url):
    assert search(page, base_url, "tram y te", paste=True)[0] == urls.unit("tram-y-te")


def test_pasted_decomposed_text_is_composed_in_the_box(page, base_url):
    decomposed = unicodedata.normalize("NFD", "chữ ký số")
    search(page, base_url, decomposed, paste=True)
    value = page.locator("input[data-md-component=search-query]").input_value()
    assert value == unicodedata.normalize("NFC", decomposed)


def test_accented_matches_are_highlighted_for_an_unaccented_query(page, base_url):
    search(page, base_url, "tram y te")
    marks = page.locator(".md-search-result__item mark").all_inner_texts()
    assert any(unicodedata.normalize("NFC", m).lower() in ("trạm", "tế") for m in marks), marks


def test_no_page_asks_another_host_for_anything(browser, base_url):
    """Fonts, scripts, the repository's star count: nothing leaves the site while a citizen reads and searches."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for url in (urls.HOME, urls.task("II.1.a"), urls.unit("tram-y-te"), urls.lookup(unit="tram-y-te")):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    search(page, base_url, "chuyen doi so")
    page.wait_for_load_state("networkidle")
    context.close()
    assert requests and all(r.startswith(base_url) or r.startswith("data:") for r in requests), [
        r for r in requests if not r.startswith(base_url)]


def test_the_index_is_downloaded_only_when_search_is_opened(page, base_url, site):
    """A citizen reading a page on a phone does not pay for the whole plan's search index; opening search
    downloads it once, in the search worker, while the page itself reads only the index's configuration."""
    index, config = (base_url + published(site.root, a).relative_to(site.root).as_posix()
                     for a in (urls.SEARCH_INDEX, urls.SEARCH_CONFIG))
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(base_url + urls.task("II.1.a"))
    page.wait_for_load_state("networkidle")
    assert not [u for u in asked if u in (index, config)], "index fetched before search was opened"
    with page.expect_request(lambda request: request.url == index):
        page.locator("input[data-md-component=search-query]").click()
    page.keyboard.type("tram y te")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
    on_the_page = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    assert config in on_the_page
    assert index not in on_the_page
    assert [u for u in asked if "search_index" in u] == [index]


def test_the_worker_answers_the_same_whether_it_downloads_the_index_or_is_given_it(page, base_url, site):
    """On the site the worker downloads the index itself (docs/assets/search-worker.js); given the whole index, as
    Material would give it, it must answer alike. Every word of the index, and the start of each, typed with and
    without diacritics, alone and in pairs, find the same pages in the same order, marked alike."""
    index = json.loads(site.path(urls.SEARCH_INDEX).read_text(encoding="utf-8"))
    docs = search_documents(site.path(urls.SEARCH_INDEX))
    configuration = json.loads(site.path(urls.SEARCH_CONFIG).read_text(encoding="utf-8"))
    assert configuration["docs"] == [] and configuration["config"]["fields"] == index["config"]["fields"]
    raw = sorted({word for doc in docs for word in (doc["title"] + " " + doc["text"]).split()})
    folded = sorted({word for doc in docs for word in search_words(doc["title"] + " " + doc["text"]) if word != "|"})
    pick = random.Random(7)
    pairs = [f"{a} {b}" for a, b in zip(pick.sample(folded, 200), pick.sample(folded, 200), strict=True)]
    queries = raw + [word[: max(1, len(word) // 2)] for word in folded] + pairs + ["v8", "ii1a", "II.1.a", "("]
    page.goto(base_url)
    downloaded = worker_answers(page, configuration, queries)
    given = worker_answers(page, {"config": index["config"], "docs": docs}, queries)  # as Material would give it
    starts = downloaded[len(raw):len(raw) + len(folded)]
    assert all(starts), [word for word, groups in zip(folded, starts, strict=True) if not groups][:10]
    differ = [query for query, one, other in zip(queries, downloaded, given, strict=True) if one != other]
    assert not differ, differ[:10]


def test_a_word_is_found_only_where_it_starts(page, base_url):
    """Read by the worker alone on a small index: a word starts after a space or a dash, or after punctuation that
    opens it, never inside another word, even one spelled with letters beyond the BMP; "II.1.a" is found as "ii1a"."""
    given = {"config": {"fields": {"title": {"boost": 1000}}}, "docs": [
        ["a/", "Một", "Chữ 𠀀bình trong (bình) xã-hội"],
        ["b/", "Hai", "Nhiệm vụ II.1.a, 𝐀hoi"],
    ]}
    page.goto(base_url)
    queries = ["binh", "hoi", "xa hoi", "ii1a", "ii.1", "𠀀binh", "trong binh"]
    found = [sorted({doc["location"] for group in groups for doc in group}) for groups in worker_answers(page, given, queries)]
    assert found == [["a/"], ["a/"], ["a/"], ["b/"], ["b/"], ["a/"], ["a/"]], dict(zip(queries, found, strict=True))
