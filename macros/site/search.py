"""Make Material's search index forgive missing diacritics.

Citizens type "tin dung" for "tín dụng", "hoá" or "hóa", "uỷ" or "ủy".
Material's search worker indexes every field named in the index's
``config.fields``; this module adds folded copies of each entry's title
and text there (and the other tone placement of oa/oe/uy syllables), so
that the browser can fold the query the same way (docs/assets/search-vi.js)
and both spellings ask the same question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..text import fold_diacritics, tone_variants

FOLDED_FIELDS = {
    "title_folded": {"boost": 1e3},  # folded titles weigh like titles
    "text_folded": {"boost": 1.0},
    "variants": {"boost": 1.0},
}

_TAG = re.compile(r"<[^>]+>")


def variants(text: str) -> str:
    return tone_variants(_TAG.sub(" ", text))


def enrich(index: dict[str, Any], extra_title: Callable[[str], tuple[str, str]]) -> dict[str, Any]:
    """Add folded fields to every entry of a Material search index.

    ``extra_title(location)`` returns (title words, text words) that the site
    wants searchable for that page beyond its visible title: compact task
    ids such as "v8", or a long section title moved out of the title field
    so that it does not outrank the pages people look for."""
    index["config"]["fields"] = {**index["config"].get("fields", {}), **FOLDED_FIELDS}
    for doc in index["docs"]:
        title, text = doc.get("title", ""), doc.get("text", "")
        extra, moved = extra_title(doc["location"]) if "#" not in doc["location"] else ("", "")
        folded_title = fold_diacritics(_TAG.sub(" ", title)) if not moved else ""
        doc["title_folded"] = " ".join(filter(None, [folded_title, extra]))
        doc["text_folded"] = " ".join(filter(None, [fold_diacritics(_TAG.sub(" ", text)), fold_diacritics(moved)]))
        doc["variants"] = variants(f"{title} {text}")
    return index
