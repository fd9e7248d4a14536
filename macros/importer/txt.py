"""Reading the text export kept in ``data/sources/``.

One table row a line, cells separated by TAB, inline HTML inside cells
(``<b>``, ``<i>``, ``<ul><li>``, ``<br>``), and Markdown bold (``**…**``)
in the lines above the table.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from .columns import first_task_table
from .rows import NoTaskTable, Row, Segment, SourceCell, Table, clean, is_bold, paragraphs, render


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


def parse_cell(html: str) -> SourceCell:
    html = html.strip()
    markdown_bold = len(html) > 4 and html.startswith("**") and html.endswith("**")
    if markdown_bold:
        html = f"<b>{html[2:-2]}</b>"
    parser = _CellParser()
    parser.feed(html)
    parser.close()
    segments = [s for segs, _ in parser.paras for s in segs]
    texts = [(render(segs), listed) for segs, listed in parser.paras]
    return SourceCell(paragraphs(texts), is_bold(segments))


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
    """The first task table: each run of TAB-separated lines is a table (blank lines inside it are skipped),
    with the lines between it and the table before it as its preamble."""
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    candidates: list[tuple[list[Row], list[str], str]] = []
    n = after_table = 0
    while n < len(lines):
        if "\t" not in lines[n]:
            n += 1
            continue
        first, rows = n, []
        while n < len(lines) and ("\t" in lines[n] or not lines[n].strip()):
            if lines[n].strip():
                rows.append(Row([parse_cell(c) for c in lines[n].split("\t")], f"dòng {n + 1}"))
            n += 1
        candidates.append((rows, preamble_blocks(lines[after_table:first]), f"dòng {first + 1}"))
        after_table = n
    if not candidates:
        raise NoTaskTable("không thấy bảng nào (không có dòng nào có các ô cách nhau bằng TAB).")
    table = first_task_table(candidates)
    for n, line in enumerate(lines):
        table.leftovers.note(line, f"dòng {n + 1}")
    return table
