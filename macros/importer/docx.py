"""Reading Word files (python-docx).

The task table is the first table whose header names a task column. A
document assembled from parts often continues it in further tables with
the same number of columns (sometimes repeating the header); those rows
are read on as if the table never broke.
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

from .columns import Columns, not_a_task_table, recognise
from .rows import Cell, Leftovers, NoTaskTable, Row, Segment, Table, clean, from_appendix_label, is_bold, paragraphs, render

W_NUMPR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numPr"


def _is_list_paragraph(paragraph: Paragraph) -> bool:
    """Word lists: a numbering property on the paragraph, or a list style ("List Bullet")."""
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.find(W_NUMPR) is not None
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    return numbered or style.lower().startswith("list")


def read_cell(cell: _Cell) -> Cell:
    texts: list[tuple[str, bool]] = []
    segments: list[Segment] = []
    for paragraph in cell.paragraphs:
        runs = [Segment(r.text, bool(r.italic), bool(r.bold)) for r in paragraph.runs]
        segments += runs
        texts.append((render(runs), _is_list_paragraph(paragraph)))
    return Cell(paragraphs(texts), is_bold(segments))


def read_row(row: _Row, where: str) -> Row:
    """A cell merged across columns appears once; the columns it covers read as empty."""
    return Row([read_cell(cell) if first else Cell() for cell, first in _spans(row)], where)


def _spans(row: _Row) -> list[tuple[_Cell, bool]]:
    """Each column's cell, and whether it is the first column of its cell (python-docx repeats a merged one)."""
    out: list[tuple[_Cell, bool]] = []
    previous = None
    for cell in row.cells:
        out.append((cell, cell._tc is not previous))
        previous = cell._tc
    return out


def _texts(row: _Row) -> list[str]:
    return [clean(c.text).strip() for c in row.cells]


def _raw(row: _Row) -> str:
    """The row's text as the file holds it, each merged cell once: what :class:`Leftovers` counts."""
    return "\n".join(cell.text for cell, first in _spans(row) if first)


def read_docx(path: Path) -> Table:
    from docx import Document

    document = Document(str(path))
    body = document.element.body
    found: Table | None = None
    columns: Columns | None = None
    first_header: list[str] | None = None
    for number, table in enumerate(document.tables, start=1):
        if not table.rows:
            continue
        header = _texts(table.rows[0])
        if found is None:
            columns = recognise(header)
            first_header = first_header or header
            if columns is None:
                continue
            leftovers = Leftovers()
            found = Table(header, [], _preamble_before(document, body, table, leftovers), f"bảng {number}", leftovers=leftovers)
            start = 1
        elif len(header) != len(found.header):
            break
        else:
            start = 1 if recognise(header) and header == found.header else 0
        for i, r in enumerate(table.rows):
            found.leftovers.note(_raw(r), f"bảng {number}, hàng {i + 1}")
            if i >= start:
                found.rows.append(read_row(r, f"bảng {number}, hàng {i + 1}"))
    if found is None:
        if first_header is None:
            raise NoTaskTable("tệp Word không có bảng nào.")
        raise NoTaskTable(not_a_task_table(first_header))
    return found


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
