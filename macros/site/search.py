"""What the site's search finds on each generated page, made from the plan rather than read back out of the HTML.

Material's search plugin parses every page's HTML (a sixth of a large
build) and indexes everything on it, so a list of 100 tasks outranked the
task a citizen looks for. Here each page type says which words lead to it:
a task page its own text, once; a list page its title (and a unit's other
names). The words are kept as written, once: the browser's search worker
(``docs/assets/search-worker.js``) folds diacritics, reads "V.8" as "v8" too
and ranks the pages where the query's words stand together first.

The index keeps Material's shape, ``{"config": ..., "docs": [...]}``, but each
document is a list, ``[location, title, text]`` with a fourth item, its boost,
when that is not 1: only the site's worker reads the index (Material's bundle
reads :func:`configuration_only`), and the keys repeated in every document
were a sizable part of the index, downloaded and parsed on a phone before the
first result.
"""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass
from typing import Any

from .. import urls
from .pages import Site

FIELDS = {"title": {"boost": 1e3}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}
"""Material's default fields: a word of a title weighs a thousand words of text."""


@dataclass(frozen=True)
class SearchEntry:
    location: str
    title: str
    text: str
    boost: float = 1.0

    def as_json(self) -> list[Any]:
        """Material's result list shows title and text as HTML: data is escaped, never markup."""
        return compact(self.location, html.escape(self.title, quote=False), html.escape(self.text, quote=False), self.boost)


def compact(location: str, title: str, text: str, boost: float = 1.0) -> list[Any]:
    """One document of the index: ``[location, title, text]``, and the boost when it is not 1."""
    return [location, title, text] if boost == 1.0 else [location, title, text, boost]


def search_entries(site: Site) -> list[SearchEntry]:
    """One entry per searchable generated page, in the site's order."""
    out = []
    for spec in site.pages:
        if spec.search:
            kind = site.page_types[spec.page_type]
            out.append(SearchEntry(spec.url, kind.search_title(spec), kind.search_text(spec.key), spec.search_boost))
    return out


def merge_index(index: dict[str, Any], entries: list[SearchEntry]) -> dict[str, Any]:
    """Material's index of the hand-written pages, with the generated pages' entries after them, every one compact."""
    index["config"]["fields"] = dict(FIELDS)
    written = [compact(d["location"], d["title"], d["text"], d.get("boost", 1.0)) for d in index.get("docs", [])]
    index["docs"] = [*written, *(entry.as_json() for entry in entries)]
    return index


def configuration_only(index: dict[str, Any], index_address: str, worker_address: str) -> dict[str, Any]:
    """The index without its pages, naming where the index is, relative to the search worker.

    Material's bundle parses whatever it downloads on the page's main thread and copies it into the
    worker: on a large plan, a noticeable wait before the worker could even begin. Given this
    instead, the worker downloads the index itself.
    """
    config = {**index["config"], "index": posixpath.relpath(index_address, posixpath.dirname(worker_address))}
    return {"config": config, "docs": []}


def search_files(site: Site, written: dict[str, Any]) -> dict[str, bytes]:
    """The whole index (``written``, Material's index of the hand-written pages, with the generated pages'
    entries) and its configuration, by their content-hashed addresses, which ``site.versions`` learns.

    The configuration names the index's hashed address, so it is hashed once the index's bytes are final;
    the pages name the configuration's, so both are made before any page is written."""
    index = merge_index(written, search_entries(site))
    index_bytes = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    index_address = site.versions.add(urls.SEARCH_INDEX, index_bytes)
    config = configuration_only(index, index_address, site.versions[urls.SEARCH_WORKER])
    config_bytes = json.dumps(config, ensure_ascii=False).encode("utf-8")
    return {index_address: index_bytes, site.versions.add(urls.SEARCH_CONFIG, config_bytes): config_bytes}
