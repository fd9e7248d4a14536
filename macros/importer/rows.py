"""What every reader hands on: rows of cells, each cell a list of paragraphs.

The text export and Word files mark up the same things differently
(``<i>`` or an italic run, ``<li>`` or a list paragraph, ``<b>`` or a bold
run). Readers turn both into these few types, so that recognising columns,
numbering and continuation is written once.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..text import INVISIBLE, code_point

BULLET = re.compile(r"^\s*[-–•+]\s+")
# A bullet written inline: "… việc A. - Việc B" — only after the end of a sentence or clause,
# so that "kinh tế - xã hội" and "Văn hoá - Xã hội" are never cut.
INLINE_BULLET = re.compile(r"(?<=[.;:!?])\s+[-–•]\s+(?=\S)")


@dataclass(frozen=True)
class Segment:
    """A run of text with the one style the model keeps (italic, written ``*…*``)."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Para:
    text: str
    bullet: bool = False


@dataclass
class SourceCell:
    """A cell of the source document's table, as read (the site's cell of a task is ``site.views.CellView``)."""

    paras: list[Para] = field(default_factory=list)
    bold: bool = False

    @property
    def text(self) -> str:
        """The cell as one line: paragraphs joined with a space (for units, schedules, numbers)."""
        return " ".join(p.text for p in self.paras if p.text).strip()

    @property
    def empty(self) -> bool:
        return not self.text


@dataclass
class Row:
    cells: list[SourceCell]
    where: str  # "dòng 12" or "bảng 1, hàng 5": where a clerk finds the row in the source

    def cell(self, index: int | None) -> SourceCell:
        if index is None or index >= len(self.cells):
            return SourceCell()
        return self.cells[index]


# What Word leaves in a text that the project's files may not hold, and what it becomes: spaces that do not break
# become spaces, and every character of macros.text.INVISIBLE (which the checker refuses) is removed.
LEFTOVERS: dict[str, str] = {"\u00a0": " ", "\u202f": " ", **dict.fromkeys(INVISIBLE, "")}
_LEFTOVER_NAMES = {"\u00a0": "dấu cách không ngắt dòng", "\u202f": "dấu cách hẹp không ngắt dòng", **INVISIBLE}
_LEFTOVER_RE = re.compile("[" + "".join(LEFTOVERS) + "]")
_TRANSLATION = str.maketrans(LEFTOVERS)


@dataclass
class Leftovers:
    """The characters :func:`clean` changes, counted as the readers meet them, with where each was."""

    counts: Counter[str] = field(default_factory=Counter)
    places: dict[str, list[str]] = field(default_factory=dict)

    def note(self, raw: str, where: str) -> None:
        """Count the leftovers of a text as the source holds it, before cleaning."""
        for char in _LEFTOVER_RE.findall(raw):
            self.counts[char] += 1
            places = self.places.setdefault(char, [])
            if where not in places:
                places.append(where)

    def lines(self, shown: int = 3) -> list[str]:
        """One line for each character changed: how many, what it became and the first few places."""
        out = []
        for char in sorted(self.counts):
            places = self.places[char]
            more = f" và {len(places) - shown} chỗ khác" if len(places) > shown else ""
            done = "thay bằng dấu cách" if LEFTOVERS[char] else "đã xóa"
            out.append(f"{code_point(char)} ({_LEFTOVER_NAMES[char]}): {self.counts[char]} ký tự, {done}; "
                       f"ở {', '.join(places[:shown])}{more}.")
        return out


@dataclass
class Table:
    """The rows of the task table, its header texts, and the text around it (for metadata).

    ``header`` has one text per column (a header over two rows reads top to bottom); ``groups`` are the
    header cells merged over several columns, as (text, column indexes). Build it with
    :func:`.columns.task_table` from all the rows of a table, which finds where the header ends."""

    header: list[str]
    rows: list[Row]
    preamble: list[str] = field(default_factory=list)
    where: str = ""
    leftovers: Leftovers = field(default_factory=Leftovers)
    groups: list[tuple[str, list[int]]] = field(default_factory=list)


ROMAN = re.compile(r"^[IVXLC]+$")
DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)*$")
LETTER = re.compile(r"^[a-zđ]$")


def number_of(cell: SourceCell) -> str:
    """"1." → "1", "a)" → "a", "(b)" → "b", "<b>IV.</b>" → "IV"."""
    return re.sub(r"^[(\s]+|[.)\s]+$", "", cell.text)


def is_task_number(number: str) -> bool:
    """A section (I, II…) or task number (1, 1.2, a): the rows from the first such one on are the table's body."""
    return bool(ROMAN.match(number) or DECIMAL.match(number) or LETTER.match(number))


class NoTaskTable(Exception):
    """Nothing usable in the source: the message says what was found instead."""


def clean(text: str) -> str:
    """NFC, no non-breaking or doubled spaces, none of :data:`LEFTOVERS`: exports are full of them.

    The readers count what this changes (:class:`Leftovers`) for the review list."""
    text = unicodedata.normalize("NFC", text.translate(_TRANSLATION))
    return re.sub(r"[ \t\r\n]+", " ", text)


def render(segments: list[Segment]) -> str:
    """Join styled runs into one line, italics as ``*…*`` with the spaces kept outside the stars."""
    merged: list[Segment] = []
    for seg in segments:
        if merged and merged[-1].italic == seg.italic:
            merged[-1] = Segment(merged[-1].text + seg.text, seg.italic)
        else:
            merged.append(seg)
    out = []
    for seg in merged:
        text = clean(seg.text)
        core = text.strip()
        if seg.italic and core:
            lead = " " if text[:1] == " " else ""
            trail = " " if text[-1:] == " " else ""
            text = f"{lead}*{core}*{trail}"
        out.append(text)
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def is_bold(segments: list[Segment]) -> bool:
    visible = [s for s in segments if s.text.strip()]
    return bool(visible) and all(s.bold for s in visible)


def paragraphs(texts: list[tuple[str, bool]]) -> list[Para]:
    """Paragraphs with their bullets recognised: a list marker ("- ", "• ") at the start, or
    several written inline after the ends of sentences; list paragraphs arrive marked already."""
    out: list[Para] = []
    for text, listed in texts:
        if not text:
            continue
        pieces = INLINE_BULLET.split(text)
        starts_bulleted = bool(BULLET.match(text))
        if len(pieces) > 1 and (starts_bulleted or listed or pieces[0].rstrip().endswith(":")):
            if not (starts_bulleted or listed):
                out.append(Para(pieces.pop(0).strip()))
            out.extend(Para(BULLET.sub("", p).strip(), True) for p in pieces if p.strip())
        elif starts_bulleted or listed:
            out.append(Para(BULLET.sub("", text).strip(), True))
        else:
            out.append(Para(text))
    return out


def is_appendix_label(block: str) -> bool:
    """"Phụ lục", "PHỤ LỤC II": the short line that opens an appendix, not a sentence that mentions one."""
    return bool(re.match(r"^phụ lục\b", block, re.IGNORECASE)) and len(block) < 40


def from_appendix_label(blocks: list[str]) -> list[str]:
    """The blocks above a table from the last appendix label ("Phụ lục", "PHỤ LỤC II") on, when there is one.

    A whole signed document holds the decision before its appendix: its paragraphs are not the appendix's title."""
    labels = [i for i, b in enumerate(blocks) if is_appendix_label(b)]
    return blocks[labels[-1] if labels else 0 :]
