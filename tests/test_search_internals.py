"""What docs/assets/search-vi.js relies on inside Material for MkDocs, pinned.

If an upgrade of Material changes any of these, this test fails loudly
instead of search quietly losing its Vietnamese folding."""

from __future__ import annotations

import re


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
