"""Vietnamese text helpers shared by pages, exports, the importer and search.

Kept free of any site generator so that the same wording (dates, quarters,
folded search keys) appears on pages, in downloads and in tests.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

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


def without_emphasis(text: str) -> str:
    """The text without ``*emphasis*`` marks, for titles and search."""
    return "".join(s.text for s in segments(text))


def one_line(text: str) -> str:
    """Without emphasis marks, every run of spaces or line breaks made one space: for calendar and cell text."""
    return " ".join(without_emphasis(text).split())


class ItemList(Protocol):
    """A bulleted list of a task's content (the plan's ``ListBlock``), named by what is read of it: this
    module stands below the plan, which uses it, so it does not import the plan's model."""

    @property
    def items(self) -> Sequence[str]: ...


def content_text(blocks: Iterable[str | ItemList], *, bullet: str = "", plain: bool = False, separator: str = "\n") -> str:
    """A task's content as text: one line per paragraph and per list item (after ``bullet``).

    The single place where the content's structure becomes text, so that
    the spreadsheet, the calendar and the search list all cut it the same
    way. ``plain`` drops the emphasis marks and collapses spaces inside
    each line, for places that cannot show italics; ``separator`` joins
    the lines ("\\n" for a cell, " " for one searchable run of words)."""
    lines: list[str] = []
    for block in blocks:
        lines.extend([block] if isinstance(block, str) else (bullet + item for item in block.items))
    if plain:
        lines = [one_line(part) for line in lines for part in line.split("\n")]
    return separator.join(lines)


def fold_diacritics(text: str) -> str:
    """Lowercase, without diacritics, đ → d: how most citizens type."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", text.replace("đ", "d"))


def ascii_words(text: str) -> str:
    """Folded, then only letters and digits, single spaces: "ĐƠN VỊ PHÓI HỢP" → "don vi phoi hop".

    For comparing headers and names whatever their punctuation, and for ids made from names."""
    return re.sub(r"[^a-z0-9]+", " ", fold_diacritics(text)).strip()


# Tone marks move between the two vowels of oa, oe, uy: hoá ↔ hóa, khoẻ ↔ khỏe, thuỷ ↔ thủy.
_PAIRS = ("oa", "oe", "uy")
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_WORD = re.compile(r"\w+")


def _tone_move(word: str) -> tuple[str, bool] | None:
    """(the word with its tone on the other vowel, whether the tone was on the first), or None."""
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
    return unicodedata.normalize("NFC", "".join(base + marks for base, marks in letters)), bool(tone_first)


def tone_on_first_vowel(text: str) -> str:
    """Every word of ``text`` with the spelling that puts the tone on the first vowel (hóa, thủy).

    Gives two wordings that differ only in tone placement one form, for comparing names."""

    def first(match: re.Match[str]) -> str:
        moved = _tone_move(match.group())
        return moved[0] if moved and not moved[1] else match.group()

    return _WORD.sub(first, text)


def shorten(text: str, limit: int = 90) -> str:
    """The first words of a text, cut at a word boundary, for titles and summaries."""
    text = without_emphasis(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


# Characters that change how a text shows or compares without being seen. A direction control (U+202E) shows a
# task's words reversed on the public page; a zero-width one makes a second unit whose name looks like the first.
# Word and web pages leave them in pasted text. The checker refuses them in every data file, the report form as
# the clerk types, and the importer removes them: all three read these two tables, and only these.
DIRECTION_CONTROLS: dict[str, str] = {
    "\u061c": "dấu chữ Ả Rập",
    "\u200e": "dấu trái sang phải",
    "\u200f": "dấu phải sang trái",
    "\u202a": "ký tự nhúng trái sang phải",
    "\u202b": "ký tự nhúng phải sang trái",
    "\u202c": "ký tự kết thúc định hướng",
    "\u202d": "ký tự ép trái sang phải",
    "\u202e": "ký tự đảo chiều chữ",
    "\u2066": "ký tự cô lập trái sang phải",
    "\u2067": "ký tự cô lập phải sang trái",
    "\u2068": "ký tự cô lập theo chữ đầu",
    "\u2069": "ký tự kết thúc cô lập",
}
ZERO_WIDTH: dict[str, str] = {
    "\u00ad": "dấu gạch nối mềm",
    "\u200b": "dấu cách không độ rộng",
    "\u200c": "ký tự ngăn nối không độ rộng",
    "\u200d": "ký tự nối không độ rộng",
    "\u2060": "ký tự nối từ",
    "\ufeff": "dấu BOM giữa văn bản",
}
INVISIBLE: dict[str, str] = {**DIRECTION_CONTROLS, **ZERO_WIDTH}
"""Every character a data text may not hold, with its Vietnamese name."""
INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")


def code_point(char: str) -> str:
    """U+202E: how a character nobody can see is named in a message."""
    return f"U+{ord(char):04X}"


def invisible_message(char: str) -> str:
    """What the checker and the report form say of one character of :data:`INVISIBLE`, and what to do."""
    if char in DIRECTION_CONTROLS:
        effect = "làm chữ trên trang hiện sai thứ tự, có khi đảo ngược cả câu"
        kind = "ký tự điều khiển hướng chữ"
    else:
        effect = "làm hai chữ trông giống hệt nhau thành hai chữ khác nhau (như một đơn vị thành hai)"
        kind = "ký tự vô hình"
    return (f"có {kind} {code_point(char)} ({INVISIBLE[char]}), thường do chép từ Word hay trang web: không nhìn thấy "
            f"nhưng {effect}; hãy xóa ký tự này.")


def same_number(ours: str, theirs: str) -> bool:
    """17/KH-UBND and "17/KH - UBND", 1560/QĐ-TTg and 1560/QD-TTG: one document number, however it was typed."""
    return ascii_words(ours).replace(" ", "") == ascii_words(theirs).replace(" ", "")


_SHORT_NAMES = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan"}


def same_issuer(ours: str, theirs: str) -> bool:
    """"UBND tỉnh Thanh Sơn" and "Ủy ban nhân dân tỉnh Thanh Sơn": one body. A commune cites its province's plan
    as it writes its legal basis, so a link (make link) and a rollup's cascade both compare names this way."""

    def words(name: str) -> str:
        return " ".join(_SHORT_NAMES.get(word, word) for word in ascii_words(name).split())

    return words(ours) == words(theirs)
