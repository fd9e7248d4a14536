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
import unicodedata
from collections.abc import Callable
from typing import Any

from ..text import fold

FOLDED_FIELDS = {
    "title_folded": {"boost": 1e3},  # folded titles weigh like titles
    "text_folded": {"boost": 1.0},
    "variants": {"boost": 1.0},
}

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")

# Tone marks move between the two vowels of oa, oe, uy: hoá ↔ hóa, thuỷ ↔ thủy.
_PAIRS = ("oa", "oe", "uy")
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def tone_variant(word: str) -> str | None:
    """The other accepted spelling of a word ending in oa, oe or uy, or None.

    Only open syllables vary (hoá/hóa, khoẻ/khỏe, thuỷ/thủy); "hoàn", "quý"
    have one spelling and are left alone."""
    letters: list[list[str]] = []  # [base letter, its combining marks]
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char) and letters:
            letters[-1][1] += char
        else:
            letters.append([char, ""])
    if len(letters) < 2:
        return None
    first, second = letters[-2], letters[-1]
    pair = (first[0] + second[0]).lower()
    if pair not in _PAIRS or (pair == "uy" and len(letters) > 2 and letters[-3][0].lower() == "q"):
        return None
    tone_first = "".join(m for m in first[1] if m in _TONES)
    tone_second = "".join(m for m in second[1] if m in _TONES)
    if bool(tone_first) == bool(tone_second):
        return None
    tone = tone_first or tone_second
    source, target = (first, second) if tone_first else (second, first)
    source[1] = source[1].replace(tone, "")
    target[1] += tone
    return unicodedata.normalize("NFC", "".join(base + marks for base, marks in letters))


def variants(text: str) -> str:
    words = {w for w in _WORD.findall(_TAG.sub(" ", text))}
    alternatives = sorted({v for w in words if (v := tone_variant(w))})
    return " ".join(alternatives)


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
        folded_title = fold(_TAG.sub(" ", title)) if not moved else ""
        doc["title_folded"] = " ".join(filter(None, [folded_title, extra]))
        doc["text_folded"] = " ".join(filter(None, [fold(_TAG.sub(" ", text)), fold(moved)]))
        doc["variants"] = variants(f"{title} {text}")
    return index
