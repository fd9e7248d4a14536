"""``tasks.xlsx``: the task table for staff who work in Excel (and ``rollup-tasks.xlsx``, a rollup's member tasks).

Every task cell is stored as text, never as a formula, so a content that
starts with ``=`` is shown, not run. The file is byte-identical from build
to build: openpyxl's document times and the zip entries' times are taken
from the reference date instead of the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..plan.model import Plan
from ..rollup.figures import Rollup
from ..text import vn_date
from .common import build_instant, restamp_zip
from .rollup_table import MEMBER_HEADERS, MEMBERS_SHEET, ROLLUP_COLUMNS, ROLLUP_TASKS_SHEET, member_cells, rollup_task_rows
from .task_table import UNIT_HEADERS, Column, is_formula_like, plan_columns, task_rows

TASKS_SHEET = "Nhiệm vụ"
UNITS_SHEET = "Đơn vị"
UNIT_KIND_LABELS = {"agency": "cơ quan", "group": "nhóm cơ quan"}

# Named styles: assigning one copies a style made once, where setting a cell's font or alignment
# looks the style up again, cell by cell, which made a large plan's workbook slow.
_BODY = "Ô nội dung"
_HEADER = "Ô tiêu đề"
_STYLES = (
    NamedStyle(name=_BODY, alignment=Alignment(wrap_text=True, vertical="top")),
    NamedStyle(name=_HEADER, alignment=Alignment(wrap_text=True, vertical="top"), font=Font(bold=True)),
)


def tasks_xlsx(plan: Plan, reference_date: dt.date, site_url: str | None = None) -> bytes:
    """The workbook: the task table, then the units with how many tasks name them.

    Written in openpyxl's write-only mode, row by row: a large plan's
    workbook is made in a fraction of the time a workbook kept whole in
    memory takes."""
    workbook = Workbook(write_only=True)
    for style in _STYLES:
        workbook.add_named_style(style)
    _fill_tasks(workbook.create_sheet(TASKS_SHEET), plan, site_url)
    _fill_units(workbook.create_sheet(UNITS_SHEET), plan)
    _stamp(workbook, plan.plan.title, plan.plan.issuer, reference_date)
    return _save(workbook, reference_date)


def rollup_tasks_xlsx(rollup: Rollup, title: str, issuer: str, reference_date: dt.date) -> bytes:
    """The rollup's workbook: every member task (the columns of rollup-tasks.csv), then the members and their figures.

    A nation's 3,321 communes of some 40 tasks each are 130,000 rows, too many for openpyxl's cell objects
    (a minute and a half): openpyxl writes the sheet's header, settings and one prototype row, and the rows
    themselves are then written in its place as the same XML (:func:`_bulk_rows`)."""
    workbook = Workbook(write_only=True)
    for style in _STYLES:
        workbook.add_named_style(style)
    columns = ROLLUP_COLUMNS
    rows, widths = _table(columns, rollup_task_rows(rollup))
    sheet = workbook.create_sheet(ROLLUP_TASKS_SHEET)
    sheet.freeze_panes = "E2"  # the header row, the member and the task id stay in view
    _write_table(sheet, tuple(column.header for column in columns), [list(_PROTOTYPE)], widths, len(rows))
    members = [member_cells(f) for f in rollup.figures]
    sheet = workbook.create_sheet(MEMBERS_SHEET)
    sheet.freeze_panes = "B2"
    _write_table(sheet, MEMBER_HEADERS, members, [_fit([h, *(r[i] for r in members)], 60) for i, h in enumerate(MEMBER_HEADERS)])
    _stamp(workbook, title, issuer, reference_date)
    return _save(workbook, reference_date, lambda part: _bulk_rows(part, rows))


_PROTOTYPE = ("x", "=x")
"""A plain and a formula-like body cell, whose style ids openpyxl writes (the second has Excel's quote prefix)."""
_PROTOTYPE_ROW = re.compile(rb'<row r="2"[^>]*><c r="A2" s="(\d+)" t="inlineStr">.*?<c r="B2" s="(\d+)" t="inlineStr">.*?</row>')


def _bulk_rows(archive: zipfile.ZipFile, rows: Sequence[Sequence[str]]) -> dict[str, bytes]:
    """The first sheet with its prototype row replaced by ``rows``, written as openpyxl writes a text cell:
    an inline string, the body style (quote-prefixed when a spreadsheet would read the text as a formula)."""
    name = "xl/worksheets/sheet1.xml"
    sheet = archive.read(name)
    found = _PROTOTYPE_ROW.search(sheet)
    if found is None:
        raise RuntimeError(f"{name}: không thấy dòng mẫu do openpyxl ghi; phiên bản openpyxl đã đổi cách ghi ô.")
    plain, guarded = found.group(1).decode(), found.group(2).decode()
    letters = [get_column_letter(i) for i in range(1, max((len(r) for r in rows), default=0) + 1)]
    out = io.BytesIO()
    out.write(sheet[: found.start()])
    for number, row in enumerate(rows, start=2):
        cells = []
        for letter, text in zip(letters, row, strict=False):
            if not text:
                cells.append(f'<c r="{letter}{number}" s="{plain}"/>')
                continue
            style = guarded if is_formula_like(text) else plain
            space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            cells.append(f'<c r="{letter}{number}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
        # Characters XML cannot hold (openpyxl refuses them) never occur in the markup: dropped from the row at once.
        out.write(ILLEGAL_CHARACTERS_RE.sub("", f'<row r="{number}">{"".join(cells)}</row>').encode("utf-8"))
    out.write(sheet[found.end():])
    return {name: out.getvalue()}


def _fill_tasks(sheet: WriteOnlyWorksheet, plan: Plan, site_url: str | None) -> None:
    columns = plan_columns(plan)
    rows, widths = _table(columns, task_rows(plan, site_url))
    sheet.freeze_panes = "B2"  # header row and task id stay in view
    _write_table(sheet, tuple(column.header for column in columns), rows, widths)


def _table(columns: Sequence[Column], cells: Iterable[Mapping[str, str]]) -> tuple[list[list[str]], list[float]]:
    """A task table's rows as the sheet shows them, and the width each column fits."""
    rows = [[_shown(column, row[column.key]) for column in columns] for row in cells]
    return rows, [_fit([column.header, *(row[i] for row in rows)], column.width) for i, column in enumerate(columns)]


def _shown(column: Column, value: str) -> str:
    """Dates as people read them (30/9/2025); every other cell exactly as in the CSV."""
    return vn_date(dt.date.fromisoformat(value)) if column.type == "date" and value else value


def _fill_units(sheet: WriteOnlyWorksheet, plan: Plan) -> None:
    leads = Counter(u for t in plan.leaf_tasks for u in set(t.lead.units))
    coordinates = Counter(u for t in plan.leaf_tasks for u in set(t.coordinating.units))
    rows: list[list[str | int]] = [
        [
            unit.id,
            unit.name,
            unit.short,
            UNIT_KIND_LABELS[unit.kind],
            "; ".join(plan.unit_by_id[g].name for g in unit.member_of),
            leads[unit.id],
            coordinates[unit.id],
        ]
        for unit in plan.units
    ]
    widths = [_fit([header, *(row[i] for row in rows)], 50) for i, header in enumerate(UNIT_HEADERS)]
    sheet.freeze_panes = "A2"
    _write_table(sheet, UNIT_HEADERS, rows, widths)


def _write_table(
    sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[str | int]], widths: Sequence[float],
    count: int | None = None,
) -> None:
    """Bold, filterable header; wrapped text cells; the header repeats when printed.

    Column widths and sheet settings come first: a write-only sheet writes its rows as they come.
    ``count``: the rows the sheet will have, when ``rows`` is a prototype to be replaced (:func:`_bulk_rows`).
    (``sheet`` is a WriteOnlyWorksheet, which lends these settings from Worksheet at run time, unseen by mypy.)"""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{(len(rows) if count is None else count) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.append([_cell(sheet, header, _HEADER) for header in headers])
    for row in rows:
        sheet.append([_cell(sheet, value, _BODY) for value in row])


def _cell(sheet: WriteOnlyWorksheet, value: str | int, style: str) -> Cell:
    """Text stays text: openpyxl would turn ``=1+1`` into a formula, so the type is forced back."""
    cell = WriteOnlyCell(sheet, value=None if value == "" else value)
    cell.style = style
    if isinstance(value, str) and value:
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True  # Excel keeps it text even after the cell is edited
    return cell


def _fit(values: Iterable[str | int], widest: int) -> float:
    """Width of the longest line, between 6 and ``widest`` characters; longer lines wrap."""
    longest = max(len(text) if "\n" not in text else max(map(len, text.split("\n"))) for text in map(str, values))
    return float(min(max(longest, 6), widest) + 2)


def _stamp(workbook: Workbook, title: str, creator: str, reference_date: dt.date) -> None:
    when = build_instant(reference_date).replace(tzinfo=None)  # openpyxl writes naive UTC
    props = workbook.properties
    props.created = props.modified = when
    props.creator = creator
    props.lastModifiedBy = None
    props.title = title
    props.language = "vi-VN"


def _save(
    workbook: Workbook, reference_date: dt.date, replace: Callable[[zipfile.ZipFile], dict[str, bytes]] | None = None
) -> bytes:
    """Write with openpyxl, then re-zip with every entry dated on the reference date.

    ``Workbook.save`` would overwrite the modified time with the clock,
    and ``zipfile`` stamps each entry with the current local time.
    ``replace`` gives entries written anew from what openpyxl wrote (the bulk rows of a large sheet).
    """
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    if replace is None:
        return restamp_zip(raw.getvalue(), reference_date)
    with zipfile.ZipFile(raw) as archive:
        entries = replace(archive)
    return restamp_zip(raw.getvalue(), reference_date, entries)
