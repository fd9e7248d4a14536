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
from .rows import Cell, NoTaskTable, Row, Segment, Table, clean, is_bold, paragraphs, render

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
    cells: list[Cell] = []
    previous = None
    for cell in row.cells:
        cells.append(Cell() if cell._tc is previous else read_cell(cell))
        previous = cell._tc
    return Row(cells, where)


def _texts(row: _Row) -> list[str]:
    return [clean(c.text).strip() for c in row.cells]


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
            found = Table(header, [], _preamble_before(document, body, table), f"bảng {number}")
            start = 1
        elif len(header) != len(found.header):
            break
        else:
            start = 1 if recognise(header) and header == found.header else 0
        found.rows += [read_row(r, f"bảng {number}, hàng {i + 1}") for i, r in enumerate(table.rows) if i >= start]
    if found is None:
        if first_header is None:
            raise NoTaskTable("tệp Word không có bảng nào.")
        raise NoTaskTable(not_a_task_table(first_header))
    return found


def _preamble_before(document: DocxDocument, body: CT_Body, table: DocxTable) -> list[str]:
    """Paragraphs above the task table: the appendix label, its title and what it is attached to."""
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    for element in body.iterchildren():
        if element is table._tbl:
            break
        if element.tag.endswith("}p"):
            text = clean(Paragraph(element, document).text).strip()
            if text:
                blocks.append(text)
    return blocks
