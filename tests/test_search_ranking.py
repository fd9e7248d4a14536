"""Search brings the task whose words a citizen types first: every task of every fixture plan, in Chromium.

For each task, four words that stand together in its text and nowhere else on
the site are typed without diacritics; the task's own page must come first.
The queries go to the search worker the page names (docs/assets/search-worker.js),
started the way Material's bundle starts it on the site: given the index's configuration, the
worker downloads the built index itself."""

from __future__ import annotations

import pytest

from helpers import first_results, phrase_of, search_documents, search_words, serve
from macros import urls

pytestmark = pytest.mark.browser


def test_four_words_found_in_one_task_only_bring_that_task_first(any_site, browser):
    plan, site = any_site
    docs = search_documents(site.path(urls.SEARCH_INDEX))
    texts = {doc["location"]: " " + " ".join(search_words(doc["title"] + " " + doc["text"])) + " " for doc in docs}
    queries: dict[str, str] = {}
    for task in plan.leaf_tasks:
        own = urls.task(task.id)
        elsewhere = "|".join(text for location, text in texts.items() if location != own)
        phrase = phrase_of(search_words(next(d["text"] for d in docs if d["location"] == own)), elsewhere)
        if phrase:
            queries[own] = phrase
    assert len(queries) >= len(plan.leaf_tasks) * 0.9, "the fixture's tasks share most of their words"

    base, server = serve(site.root)
    page = browser.new_page()
    try:
        page.goto(base)
        firsts = first_results(page, site.root, list(queries.values()))
    finally:
        page.close()
        server.shutdown()
    wrong = {own: (phrase, first) for (own, phrase), first in zip(queries.items(), firsts, strict=True) if first != own}
    assert not wrong, wrong
