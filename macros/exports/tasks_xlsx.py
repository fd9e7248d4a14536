"""``tasks.xlsx``: the task table for staff who work in Excel.

Every task cell is stored as text, never as a formula, so a content that
starts with ``=`` is shown, not run. The file is byte-identical from build
to build: openpyxl's document times and the zip entries' times are taken
from the reference date instead of the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..plan.model import Plan
from ..text import vn_date
from .common import build_instant, restamp_zip
from .task_table import UNIT_HEADERS, is_formula_like, plan_columns, task_rows

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
    _stamp(workbook, plan, reference_date)
    return _save(workbook, reference_date)


def _fill_tasks(sheet: WriteOnlyWorksheet, plan: Plan, site_url: str | None) -> None:
    columns = plan_columns(plan)
    rows = [[_shown(column.key, row[column.key]) for column in columns] for row in task_rows(plan, site_url)]
    widths = [_fit([column.header, *(row[i] for row in rows)], column.width) for i, column in enumerate(columns)]
    sheet.freeze_panes = "B2"  # header row and task id stay in view
    _write_table(sheet, tuple(column.header for column in columns), rows, widths)


def _shown(key: str, value: str) -> str:
    """Dates as people read them (30/9/2025); every other cell exactly as in the CSV."""
    return vn_date(dt.date.fromisoformat(value)) if key == "due" and value else value


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
    sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[str | int]], widths: Sequence[float]
) -> None:
    """Bold, filterable header; wrapped text cells; the header repeats when printed.

    Column widths and sheet settings come first: a write-only sheet writes its rows as they come.
    (``sheet`` is a WriteOnlyWorksheet, which lends these settings from Worksheet at run time, unseen by mypy.)"""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
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
    longest = max(len(line) for value in values for line in str(value).split("\n"))
    return float(min(max(longest, 6), widest) + 2)


def _stamp(workbook: Workbook, plan: Plan, reference_date: dt.date) -> None:
    when = build_instant(reference_date).replace(tzinfo=None)  # openpyxl writes naive UTC
    props = workbook.properties
    props.created = props.modified = when
    props.creator = plan.plan.issuer
    props.lastModifiedBy = None
    props.title = plan.plan.title
    props.language = "vi-VN"


def _save(workbook: Workbook, reference_date: dt.date) -> bytes:
    """Write with openpyxl, then re-zip with every entry dated on the reference date.

    ``Workbook.save`` would overwrite the modified time with the clock,
    and ``zipfile`` stamps each entry with the current local time.
    """
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return restamp_zip(raw.getvalue(), reference_date)
