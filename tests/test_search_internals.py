"""What docs/assets/search-vi.js relies on inside Material for MkDocs, pinned.

If an upgrade of Material changes any of these, this test fails loudly
instead of search quietly losing its Vietnamese folding."""

from __future__ import annotations

import json
import re

import pytest

from macros.site import urls
from macros.text import without_emphasis

pytestmark = pytest.mark.build


def asset(site, pattern: str) -> str:
    matches = sorted(site.root.glob(pattern))
    assert len(matches) == 1, (pattern, matches)
    return matches[0].read_text(encoding="utf-8")


def test_worker_indexes_every_field_named_in_the_index_config(site):
    worker = asset(site, "assets/javascripts/workers/search.*.min.js")
    assert re.search(r"for\(let\[\w+,\w+\]of Object\.entries\(\w+\.fields\)\)this\.field\(", worker)


def test_worker_leaves_required_terms_alone(site):
    """search-vi.js sends "+tin* +dung*"; the worker must not append another * or drop the +."""
    worker = asset(site, "assets/javascripts/workers/search.*.min.js")
    assert "/(^[+-]|[~^]\\d+$)/.test(" in worker


def test_the_page_sends_queries_to_the_worker_as_type_2(site):
    bundle = asset(site, "assets/javascripts/bundle.*.min.js")
    assert re.search(r"\.next\(\{type:2,data:\w+\}\)", bundle)


def test_the_page_searches_on_keyup(site):
    bundle = asset(site, "assets/javascripts/bundle.*.min.js")
    assert 'h(e,"keyup")' in bundle


def test_markup_the_script_looks_for(site):
    html = site.html("")
    assert 'data-md-component="search-query"' in html
    assert "md-search-result__list" in html
    assert "assets/search-vi.js" in html


def test_aggregate_pages_are_not_in_the_index_and_names_are_folded(site):
    index = json.loads(site.path(urls.SEARCH_INDEX).read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert urls.ALL_TASKS not in locations and urls.LOOKUP not in locations and urls.PRINT not in locations
    assert urls.task("II.1.a") in locations and urls.unit("tram-y-te") in locations
    fields = index["config"]["fields"]
    assert fields["title_folded"]["boost"] == fields["title"]["boost"]
    doc = next(d for d in index["docs"] if d["location"] == urls.unit("tai-chinh"))
    assert "bo phan tai chinh - ke toan xa" in doc["title_folded"]


def test_search_previews_keep_the_names_of_a_cell_apart(site, plan):
    """A task's units, kinds and schedules are separate names: a preview must not glue them ("Tờ trìnhBáo cáo")."""
    index = json.loads((site.root / urls.SEARCH_INDEX).read_text(encoding="utf-8"))
    texts = {doc["location"]: " ".join(doc["text"].split()) for doc in index["docs"]}
    checked = 0
    for task in plan.leaf_tasks:
        names = [plan.kind_by_id[k].name for k in task.deliverable.kinds] + [plan.unit_by_id[u].name for u in task.lead.units]
        entry = " | ".join(text for location, text in texts.items() if location.startswith(urls.task(task.id)))
        for first, second in zip(names, names[1:], strict=False):
            if first in entry and second in entry:
                assert f"{first}{second}" not in entry, (task.id, first, second)
                checked += 1
    assert checked, "no task of the fixture names two things in one cell"


def test_each_task_s_words_are_indexed_on_its_own_page_only(site, plan):
    """Lists of tasks (sections, units, kinds, schedules) are found by their titles; a task's words lead to the task."""
    index = json.loads((site.root / urls.SEARCH_INDEX).read_text(encoding="utf-8"))
    for task in plan.leaf_tasks:
        block = task.content[0]
        words = " ".join(without_emphasis(block if isinstance(block, str) else block.items[0]).split()[:6])
        pages = {doc["location"].split("#")[0] for doc in index["docs"] if words in " ".join(doc["text"].split())}
        assert pages == {urls.task(task.id)}, (task.id, words, pages)
