"""Reading Word files (python-docx).

The task table is the first table whose header names a task content and
a lead column (:func:`.columns.task_table` decides). A document assembled
from parts often continues it in further tables with the same number of
columns (sometimes repeating the header); those rows are read on as if the
table never broke.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # python-docx is imported only when a .docx is read
    from docx.document import Document as DocxDocument
    from docx.oxml.document import CT_Body
    from docx.table import Table as DocxTable
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph

from .columns import task_table
from .rows import Leftovers, NoTaskTable, Row, Segment, SourceCell, Table, clean, from_appendix_label, is_bold, paragraphs, render

W_NUMPR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numPr"


def _is_list_paragraph(paragraph: Paragraph) -> bool:
    """Word lists: a numbering property on the paragraph, or a list style ("List Bullet")."""
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.find(W_NUMPR) is not None
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    return numbered or style.lower().startswith("list")


def read_cell(cell: _Cell) -> SourceCell:
    texts: list[tuple[str, bool]] = []
    segments: list[Segment] = []
    for paragraph in cell.paragraphs:
        runs = [Segment(r.text, bool(r.italic), bool(r.bold)) for r in paragraph.runs]
        segments += runs
        texts.append((render(runs), _is_list_paragraph(paragraph)))
    return SourceCell(paragraphs(texts), is_bold(segments))


def read_row(row: _Row, where: str) -> Row:
    """A cell merged across columns appears once; the columns it covers read as empty."""
    return Row([read_cell(cell) if first else SourceCell() for cell, first in _spans(row)], where)


def _spans(row: _Row) -> list[tuple[_Cell, bool]]:
    """Each column's cell, and whether it is the first column of its cell (python-docx repeats a merged one)."""
    out: list[tuple[_Cell, bool]] = []
    previous = None
    for cell in row.cells:
        out.append((cell, cell._tc is not previous))
        previous = cell._tc
    return out


def _raw(row: _Row) -> str:
    """The row's text as the file holds it, each merged cell once: what :class:`Leftovers` counts."""
    return "\n".join(cell.text for cell, first in _spans(row) if first)


def read_docx(path: Path) -> Table:
    """The first task table of the document; the tables right after it with as many columns continue it."""
    from docx import Document

    document = Document(str(path))
    body = document.element.body
    tables = [t for t in document.tables if t.rows]
    if not tables:
        raise NoTaskTable("tệp Word không có bảng nào.")
    rows = [[read_row(r, f"bảng {n}, hàng {i + 1}") for i, r in enumerate(t.rows)] for n, t in enumerate(tables, start=1)]
    refused: list[str] = []
    for n, table in enumerate(tables):
        leftovers = Leftovers()
        try:
            found = task_table(rows[n], _preamble_before(document, body, table, leftovers), f"bảng {n + 1}")
        except NoTaskTable as exc:
            refused.append(str(exc))
            continue
        following = _while_same_width(tables[n + 1 :], len(table.columns))
        for k, part in enumerate([table, *following], start=n + 1):
            for i, r in enumerate(part.rows):
                leftovers.note(_raw(r), f"bảng {k}, hàng {i + 1}")
        more = [row for k in range(n + 1, n + 1 + len(following)) for row in rows[k]]
        found = task_table(rows[n] + more, found.preamble, found.where) if more else found
        found.leftovers = leftovers
        return found
    raise NoTaskTable(" ".join(refused))


def _while_same_width(tables: list[DocxTable], width: int) -> list[DocxTable]:
    """The tables that continue the task table: those after it, up to the first of another width."""
    out: list[DocxTable] = []
    for table in tables:
        if len(table.columns) != width:
            break
        out.append(table)
    return out


def _preamble_before(document: DocxDocument, body: CT_Body, table: DocxTable, leftovers: Leftovers) -> list[str]:
    """Paragraphs above the task table: the appendix label, its title and what it is attached to."""
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    paragraphs_seen = 0
    for element in body.iterchildren():
        if element is table._tbl:
            break
        if element.tag.endswith("}p"):
            paragraphs_seen += 1
            raw = Paragraph(element, document).text
            leftovers.note(raw, f"đoạn {paragraphs_seen} trước bảng")
            text = clean(raw).strip()
            if text:
                blocks.append(text)
    return from_appendix_label(blocks)
