"""Vietnamese text helpers shared by pages, exports and search.

Kept free of any site generator so that the same wording (dates, quarters,
folded search keys) appears on pages, in downloads and in tests.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def vn_date(day: dt.date) -> str:
    """30/9/2025: the form Vietnamese administrative documents use (no leading zeros)."""
    return f"{day.day}/{day.month}/{day.year}"


def vn_due(day: dt.date, precision: str) -> str:
    """A due date as the document states it: quý III/2025, tháng 9/2025, năm 2025 or 30/9/2025."""
    if precision == "quarter":
        return f"quý {ROMAN_QUARTERS[(day.month - 1) // 3 + 1]}/{day.year}"
    if precision == "month":
        return f"tháng {day.month}/{day.year}"
    if precision == "year":
        return f"năm {day.year}"
    return vn_date(day)


@dataclass(frozen=True)
class Segment:
    """A run of text, emphasised or not: the only markup a data text may carry."""

    text: str
    em: bool = False


_EMPHASIS = re.compile(r"\*([^*\n]+)\*")


def segments(text: str) -> list[Segment]:
    """Split ``*…*`` emphasis out of a text; everything else stays literal.

    Templates loop over the segments, so no HTML is ever built from data."""
    out: list[Segment] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            out.append(Segment(text[position : match.start()]))
        out.append(Segment(match.group(1), em=True))
        position = match.end()
    if position < len(text) or not out:
        out.append(Segment(text[position:]))
    return out


def plain(text: str) -> str:
    """The text without emphasis marks, for titles, CSV cells and search."""
    return "".join(s.text for s in segments(text))


def fold(text: str) -> str:
    """Lowercase, without diacritics, đ → d: how most citizens type."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", text.replace("đ", "d"))


def shorten(text: str, limit: int = 90) -> str:
    """The first words of a text, cut at a word boundary, for titles and summaries."""
    text = plain(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
