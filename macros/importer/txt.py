"""Reading the text export kept in ``data/sources/``.

One table row a line, cells separated by TAB, inline HTML inside cells
(``<b>``, ``<i>``, ``<ul><li>``, ``<br>``), and Markdown bold (``**…**``)
in the lines above the table.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from .columns import not_a_task_table, recognise
from .rows import Cell, NoTaskTable, Row, Segment, Table, clean, is_bold, paragraphs, render


class _CellParser(HTMLParser):
    """Turns one cell's HTML into paragraphs of styled runs."""

    BREAKS = {"br", "p", "div", "ul", "ol"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[tuple[list[Segment], bool]] = [([], False)]
        self.italic = 0
        self.bold = 0

    def _new(self, listed: bool = False) -> None:
        self.paras.append(([], listed))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("i", "em"):
            self.italic += 1
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag == "li":
            self._new(listed=True)
        elif tag in self.BREAKS:
            self._new()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("i", "em"):
            self.italic = max(0, self.italic - 1)
        elif tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("li", "p", "div", "ul", "ol"):
            self._new()

    def handle_data(self, data: str) -> None:
        self.paras[-1][0].append(Segment(data, bool(self.italic), bool(self.bold)))


def parse_cell(html: str) -> Cell:
    html = html.strip()
    markdown_bold = len(html) > 4 and html.startswith("**") and html.endswith("**")
    if markdown_bold:
        html = f"<b>{html[2:-2]}</b>"
    parser = _CellParser()
    parser.feed(html)
    parser.close()
    segments = [s for segs, _ in parser.paras for s in segs]
    texts = [(render(segs), listed) for segs, listed in parser.paras]
    return Cell(paragraphs(texts), is_bold(segments))


def preamble_blocks(lines: list[str]) -> list[str]:
    """Lines above the table as blocks; a bold title cut over two lines (``**…`` / ``…**``) is one block."""
    blocks: list[str] = []
    open_bold = False
    for line in lines:
        text = clean(line).strip()
        if not text:
            open_bold = False
            continue
        starts, ends = text.startswith("**"), text.endswith("**") and len(text) > 2
        stripped = text.strip("*").strip()
        if open_bold and blocks:
            blocks[-1] = f"{blocks[-1]} {stripped}"
        else:
            blocks.append(stripped)
        open_bold = (open_bold or starts) and not ends
    return [b for b in blocks if b]


def read_txt(path: Path) -> Table:
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tabbed = [i for i, line in enumerate(lines) if "\t" in line]
    if not tabbed:
        raise NoTaskTable("không thấy bảng nào (không có dòng nào có các ô cách nhau bằng TAB).")
    for i in tabbed:
        header = [parse_cell(c).text for c in lines[i].split("\t")]
        if recognise(header):
            break
    else:
        first = [parse_cell(c).text for c in lines[tabbed[0]].split("\t")]
        raise NoTaskTable(not_a_task_table(first))
    rows = [
        Row([parse_cell(c) for c in line.split("\t")], f"dòng {n + 1}")
        for n, line in enumerate(lines[i + 1 :], start=i + 1)
        if line.strip()
    ]
    table = Table(header, rows, preamble_blocks(lines[:i]), f"dòng {i + 1}")
    for n, line in enumerate(lines):
        table.leftovers.note(line, f"dòng {n + 1}")
    return table
