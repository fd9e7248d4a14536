"""What docs/assets/search-vi.js and search-worker.js rely on inside Material for MkDocs, pinned.

If an upgrade of Material changes any of these, this test fails loudly
instead of search quietly falling back to Material's own worker, which cannot fold Vietnamese."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from helpers import ROOT, VERSIONED, published, search_documents
from macros import urls
from macros.text import without_emphasis

pytestmark = pytest.mark.build


def asset(site, pattern: str) -> str:
    matches = sorted(site.root.glob(pattern))
    assert len(matches) == 1, (pattern, matches)
    return matches[0].read_text(encoding="utf-8")


def test_the_page_starts_the_worker_named_in_material_s_configuration(site):
    """search-vi.js swaps Material's lunr worker for the site's by rewriting "search" in #__config."""
    html = site.html("")
    assert re.search(r'<script id="__config" type="application/json">\{.*"search": ?"[^"]+\.js"', html)
    bundle = asset(site, "assets/javascripts/bundle.*.min.js")
    assert re.search(r"function \w+\(\w+,\w+=new Worker\(\w+\)\)", bundle)
    assert VERSIONED.match(published(site.root, urls.SEARCH_WORKER).name)  # the worker's address carries its hash


def test_the_page_sets_the_worker_up_with_the_index_as_type_0(site):
    bundle = asset(site, "assets/javascripts/bundle.*.min.js")
    assert re.search(r"\(\{config:\w+,docs:\w+\}\)=>\w+\.next\(\{type:0,data:\{config:\w+,docs:\w+,", bundle)


def test_the_page_reads_ready_as_type_1_and_results_as_type_3(site):
    bundle = asset(site, "assets/javascripts/bundle.*.min.js")
    assert re.search(r"\w+\.type===1\}", bundle) and re.search(r"\w+\.type===3\}", bundle)


def test_the_bundle_asks_for_the_index_with_xmlhttprequest(site):
    """search-vi.js holds that request until search is opened; a fetch() would slip past it."""
    bundle = asset(site, "assets/javascripts/bundle.*.min.js")
    assert "new XMLHttpRequest" in bundle and "search/search_index.json" in bundle
    html = site.html("")
    assert html.index("assets/search-vi.") < html.index("assets/javascripts/bundle.")


def test_no_feature_that_needs_the_sitemap_is_on():
    """search-vi.js never sends the bundle's request for sitemap.xml: only these features read it."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    features = set(settings["theme"].get("features", []))
    assert not features & {"navigation.instant", "navigation.instant.preview", "content.tooltips"}, features


def test_each_generated_page_loads_only_its_own_scripts(site):
    """A citizen opening the home page does not download Tra cứu's or the report button's script."""
    def scripts(url: str) -> list[str]:
        return [VERSIONED.sub(r"\g<stem>\g<suffix>", s.split("/")[-1]) for s in site.tree(url).xpath("//script/@src")]

    assert "tra-cuu.js" in scripts(urls.LOOKUP) and "bao-cao.js" in scripts(urls.task("II.1.a"))
    assert not {"tra-cuu.js", "bao-cao.js"} & set(scripts(urls.HOME))


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
    assert "assets/search-vi." in html


def test_aggregate_pages_are_not_in_the_index_and_text_is_held_once(site, plan):
    index = json.loads(site.path(urls.SEARCH_INDEX).read_text(encoding="utf-8"))
    docs = search_documents(site.path(urls.SEARCH_INDEX))
    locations = {d["location"].split("#")[0] for d in docs}
    assert urls.ALL_TASKS not in locations and urls.LOOKUP not in locations and urls.PRINT not in locations
    assert urls.task("II.1.a") in locations and urls.unit("tram-y-te") in locations
    assert set(index["config"]["fields"]) == {"title", "text", "tags"}, "folded copies are made in the browser"
    unit = plan.unit_by_id["tai-chinh"]
    doc = next(d for d in docs if d["location"] == urls.unit("tai-chinh"))
    assert doc["title"] == unit.name and unit.short in doc["text"]


def test_search_previews_keep_the_names_of_a_cell_apart(site, plan):
    """A task's units, kinds and schedules are separate names: a preview must not glue them ("Tờ trìnhBáo cáo")."""
    texts = {doc["location"]: " ".join(doc["text"].split()) for doc in search_documents(site.path(urls.SEARCH_INDEX))}
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
    docs = search_documents(site.path(urls.SEARCH_INDEX))
    for task in plan.leaf_tasks:
        block = task.content[0]
        words = " ".join(without_emphasis(block if isinstance(block, str) else block.items[0]).split()[:6])
        pages = {doc["location"].split("#")[0] for doc in docs if words in " ".join(doc["text"].split())}
        assert pages == {urls.task(task.id)}, (task.id, words, pages)


def test_the_bundle_gets_the_index_s_configuration_and_the_worker_the_index(site):
    """search-vi.js has the bundle ask for the configuration the page names in place of the index: no page of the
    plan, the address of the index relative to the worker, which downloads it, and the settings Material's
    highlighting reads."""
    given = json.loads(site.path(urls.SEARCH_CONFIG).read_text(encoding="utf-8"))
    index = json.loads(site.path(urls.SEARCH_INDEX).read_text(encoding="utf-8"))
    assert given["docs"] == [] and index["docs"]
    assert {k: v for k, v in given["config"].items() if k != "index"} == index["config"]
    worker = published(site.root, urls.SEARCH_WORKER)
    assert (worker.parent / given["config"]["index"]).resolve() == site.path(urls.SEARCH_INDEX).resolve()
    script = site.tree(urls.HOME).xpath("//script[@data-config]")[0]
    assert script.get("data-config") == published(site.root, urls.SEARCH_CONFIG).relative_to(site.root).as_posix()


def test_a_task_is_found_by_every_unit_and_kind_it_names_spelled_once(site, plan):
    """A task's entry holds its cells as written and then the names its cells link to but do not spell out, in any
    case: a cell that says "tờ trình" already leads to the task by "Tờ trình", the kind's name, which is not added."""
    docs = {d["location"]: html.unescape(d["text"]).casefold() for d in search_documents(site.path(urls.SEARCH_INDEX))}
    added = 0
    for task in plan.leaf_tasks:
        entry = docs[urls.task(task.id)]
        cells = [task.lead.text, task.coordinating.text, task.deliverable.text, task.schedule.text]
        written = " ".join(cells).casefold()
        names = [plan.unit_by_id[u].name for u in [*task.lead.units, *task.coordinating.units]]
        names += [plan.kind_by_id[k].name for k in task.deliverable.kinds]
        last = " ".join(next(cell for cell in reversed(cells) if cell.strip()).split()).casefold()
        after_cells = entry.rsplit(last, 1)[-1]  # the names added after the last cell written, if any
        for name in map(str.casefold, names):
            assert name in entry, (task.id, name)
            appended = f" · {name} · " in f"{after_cells} · "
            assert appended != (name in written), (task.id, name)
            added += appended
    assert added, "no task of the fixture links to a name its cells do not spell out"
