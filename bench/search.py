"""Search as a citizen meets it, measured in Chromium on a built site.

    python bench/search.py SITE_FOLDER      # a folder that `mkdocs build` wrote

Measures what a phone pays and waits for:
- the home page's first load: requests, bytes as served gzip-compressed (as GitHub Pages serves them),
  and whether any request leaves the site's host;
- the search index: its size, raw and compressed, and whether opening a page fetches it;
- the time from a query typed into the search box to the first results shown: on pages just opened
  (the index is fetched and built then; the median of COLD pages), typed once the page has finished
  loading, as a reader does, and typed the moment the load event fires, the worst case; then for
  queries once search is ready;
- ranking: for a sample of tasks, four words that stand together in that task's text and nowhere
  else on the site (the last word read as still being typed), typed without diacritics; the share of
  tasks whose own page comes first.

bench/run.py calls :func:`measure` for every size and writes the figures into RESULTS.md.
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from helpers import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    first_results,
    phrase_of,
    published,
    search_documents,
    search_words,
    serve,
)
from macros import urls  # noqa: E402

SAMPLE = 300  # tasks whose phrase is asked, spread over the plan
TIMED = 20  # queries timed in the search box
COLD = 7  # pages on which the first query is timed, each way: one figure moves by ±100 ms on a busy 2-core machine

TYPE = """async (query) => {
  const input = document.querySelector("input[data-md-component=search-query]");
  const list = document.querySelector(".md-search-result__list");
  input.value = "";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise(done => setTimeout(done, 100));
  list.replaceChildren();
  return await new Promise(done => {
    const start = performance.now();
    const watch = new MutationObserver(() => {
      if (list.children.length) { watch.disconnect(); done(performance.now() - start); }
    });
    watch.observe(list, {childList: true});
    input.focus();
    input.value = query;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  });
}"""


@dataclass
class SearchFigures:
    home_requests: int
    home_bytes_gzip: int
    home_other_hosts: int
    index_fetched_on_open: bool
    index_bytes: int
    index_bytes_gzip: int
    cold_ms: float
    cold_ms_all: list[float]
    cold_at_load_ms: float
    cold_at_load_ms_all: list[float]
    warm_ms_median: float
    warm_ms_max: float
    ranked_first: int
    ranked_asked: int


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6)) if path.is_file() else 0


def local_file(site: Path, url: str) -> Path:
    path = urlparse(url).path.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def phrases(docs: list[dict], sample: int) -> dict[str, str]:
    """A unique four-word phrase for up to ``sample`` task pages, spread evenly over the plan."""
    texts = {doc["location"]: " " + " ".join(search_words(doc["title"] + " " + doc["text"])) + " " for doc in docs}
    tasks = [loc for loc in texts if loc.startswith(urls.ALL_TASKS) and loc != urls.ALL_TASKS]
    chosen = tasks if len(tasks) <= sample else sorted(random.Random(1).sample(tasks, sample), key=tasks.index)
    whole = "|".join(texts.values())
    out = {}
    for own in chosen:
        own_words = search_words(next(d["text"] for d in docs if d["location"] == own))
        elsewhere = whole.replace(texts[own], "|", 1)
        phrase = phrase_of(own_words, elsewhere)
        if phrase:
            out[own] = phrase
    return out


def measure(site: Path) -> SearchFigures:
    from playwright.sync_api import sync_playwright

    index_path = published(site, urls.SEARCH_INDEX)
    asked = phrases(search_documents(index_path), SAMPLE)
    base, server = serve(site)
    host = urlparse(base).netloc
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 390, "height": 844})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(base)
            page.wait_for_load_state("networkidle")
            home = list(requests)
            fetched = any(urlparse(u).path.endswith("/" + index_path.relative_to(site).as_posix()) for u in home)
            home_bytes = sum(gzip_size(local_file(site, u)) for u in home if urlparse(u).netloc == host)

            at_load, cold = [], []
            for n in range(2 * COLD):  # each in a new context: nothing cached, the worker starts afresh
                if n:
                    page.close()
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(base)
                if n % 2:  # as a reader: the page has finished loading when they open search
                    page.wait_for_load_state("networkidle")
                (cold if n % 2 else at_load).append(page.evaluate(TYPE, "tin dung"))
            timed = list(asked.values())[:TIMED]
            warm = [page.evaluate(TYPE, query) for query in timed]

            firsts = first_results(page, site, list(asked.values()))
            browser.close()
    finally:
        server.shutdown()
    return SearchFigures(
        home_requests=len(home),
        home_bytes_gzip=home_bytes,
        home_other_hosts=sum(1 for u in home if urlparse(u).netloc != host),
        index_fetched_on_open=fetched,
        index_bytes=index_path.stat().st_size,
        index_bytes_gzip=gzip_size(index_path),
        cold_ms=statistics.median(cold),
        cold_ms_all=cold,
        cold_at_load_ms=statistics.median(at_load),
        cold_at_load_ms_all=at_load,
        warm_ms_median=statistics.median(warm) if warm else 0.0,
        warm_ms_max=max(warm) if warm else 0.0,
        ranked_first=sum(1 for own, first in zip(asked, firsts, strict=True) if first == own),
        ranked_asked=len(asked),
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(json.dumps(measure(Path(sys.argv[1])).__dict__, indent=2))
