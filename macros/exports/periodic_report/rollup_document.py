"""The rollup's report as a Word document: lays out a :class:`.rollup.RollupReport`, adds nothing to it.

The frame is the periodic report's (:mod:`.document`: heading block, document type and trích yếu,
signature block, page and type of Nghị định 30/2020/NĐ-CP); the body has four parts: the members'
figures together, the cascade of the rollup's own plan (who implements each of its tasks, and who
does not), the members with overdue tasks, and one table row per member.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from ...progress.state import DERIVED_LABELS
from ...rollup.model import STALE_DAYS
from ...text import vn_date
from .content import inside_sentence
from .document import framed_docx, status_table, write_first, write_paragraph
from .layout import BODY_STYLE, GRID_STYLE, TABLE_STYLE, fix_widths, repeat_header
from .rollup import MemberLine, ParentLine, RollupReport

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table, _Cell

SMALL_PT = 10
CASCADE_HEADERS = ("Nhiệm vụ", "Thành viên có nhiệm vụ", *DERIVED_LABELS.values(), "Quá hạn")
CASCADE_WIDTHS_MM = [42.0, 15.0] + [15.0] * len(DERIVED_LABELS) + [18.0]
MEMBER_HEADERS = ("Thành viên", "Số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Chưa có báo cáo", "Quá hạn",
                  "Đã có báo cáo", "Báo cáo trong kỳ", "Báo cáo gần nhất", "Dữ liệu")
MEMBER_WIDTHS_MM = [30.0, 11.0, 12.0, 12.0, 12.0, 11.0, 12.0, 12.0, 17.0, 36.0]


def rollup_docx(report: RollupReport, stamp: dt.date) -> bytes:
    """The .docx bytes; ``stamp`` (the data's reference date) dates the file, so the same data give the same bytes."""

    def body(document: DocxDocument) -> None:
        _introduction(document, report)
        _together(document, report)
        _cascade(document, report)
        _overdue(document, report)
        _members(document, report)

    return framed_docx(report.issuer, report.summary, body, stamp)


def _body(document: DocxDocument, text: str, *, italic: bool = False) -> None:
    write_paragraph(document, text, style=BODY_STYLE, italic=italic)


def _introduction(document: DocxDocument, report: RollupReport) -> None:
    harvested = f" ngày {vn_date(report.harvested)}" if report.harvested else ""
    _body(document, f"Báo cáo này tổng hợp tình hình thực hiện {inside_sentence(report.plan_title)} tại {report.whom} "
                    f"{report.period_words}, từ dữ liệu mỗi thành viên công bố trên trang của mình (tệp plan.json), "
                    f"theo lần thu thập gần nhất{harvested}.")
    until = "ngày cuối kỳ" if not report.cut_short else f"ngày {vn_date(report.as_of)}, ngày tham chiếu của dữ liệu"
    _body(document, "Tình trạng và việc quá hạn của mỗi nhiệm vụ là tình trạng thành viên đã công bố lúc thu thập; "
                    f"số báo cáo trong kỳ đếm các báo cáo tiến độ ghi ngày từ ngày đầu kỳ đến {until}.")


def _together(document: DocxDocument, report: RollupReport) -> None:
    write_paragraph(document, "I. TÌNH HÌNH CHUNG", style="Heading 1")
    members, total = report.members, report.total
    with_data = len(members) - len(report.unavailable)
    copies, stale = sum(m.outdated for m in members), sum(m.stale for m in members)
    kept = f" (trong đó {copies} thành viên tính theo bản đã lưu vì lần thu thập gần nhất bị lỗi)" if copies else ""
    _body(document, f"Số thành viên: {len(members)}; có dữ liệu: {with_data}{kept}; không có dữ liệu: "
                    f"{len(report.unavailable)}. Thành viên có dữ liệu mà không có báo cáo tiến độ nào trong {STALE_DAYS} "
                    f"ngày: {stale}.")
    _body(document, f"Các thành viên có dữ liệu có tổng cộng {total.tasks} nhiệm vụ, {total.reported} nhiệm vụ đã có báo "
                    f"cáo tiến độ; trong kỳ có {report.reports} báo cáo tiến độ. Tình trạng các nhiệm vụ:")
    by_status = [(label, total.statuses.get(key, 0)) for key, label in DERIVED_LABELS.items()]
    status_table(document, "Tình trạng", by_status, total.tasks, total.overdue)
    if report.unavailable:
        _body(document, f"Các thành viên không có dữ liệu ({len(report.unavailable)}), không được tính vào số liệu:")
        for member in report.unavailable:
            _body(document, f"- {member.name}: {member.state.removeprefix('Không có dữ liệu: ')}")


def _cascade(document: DocxDocument, report: RollupReport) -> None:
    number = f" số {report.plan_number}" if report.plan_number else ""
    write_paragraph(document, f"II. THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH{number.upper()}", style="Heading 1")
    if not report.parents:
        _body(document, "Không có kế hoạch của cấp tổng hợp để đối chiếu các nhiệm vụ của thành viên.")
        return
    _body(document, "Mỗi dòng là một nhiệm vụ của kế hoạch: số thành viên có nhiệm vụ thực hiện nhiệm vụ đó (theo mục "
                    "“thực hiện nhiệm vụ” thành viên ghi), và các nhiệm vụ đó theo tình trạng.")
    if report.unknown:
        _body(document, f"Không đọc được nhiệm vụ của {len(report.unknown)} thành viên, không được tính ở phần này: "
                        f"{'; '.join(report.unknown)}.", italic=True)
    write_paragraph(document, "1. Số nhiệm vụ thực hiện theo tình trạng", style="Heading 2")
    table = document.add_table(rows=1, cols=len(CASCADE_HEADERS))
    table.style = document.styles[GRID_STYLE]
    _small_header(table, CASCADE_HEADERS)
    for parent in report.parents:
        _parent_row(table.add_row().cells, parent)
    fix_widths(table, CASCADE_WIDTHS_MM)
    repeat_header(table)
    write_paragraph(document, "2. Thành viên chưa có nhiệm vụ thực hiện", style="Heading 2")
    gaps = [p for p in report.parents if p.missing]
    if not gaps:
        _body(document, "Mỗi nhiệm vụ của kế hoạch đều có nhiệm vụ thực hiện ở mọi thành viên đọc được.")
    for parent in gaps:
        if parent.members == 0:
            _body(document, f"- Nhiệm vụ {parent.id}: chưa thành viên nào có nhiệm vụ thực hiện "
                            f"({len(parent.missing)} thành viên).")
        else:
            _body(document, f"- Nhiệm vụ {parent.id} ({len(parent.missing)} thành viên): {'; '.join(parent.missing)}.")


def _parent_row(cells: tuple[_Cell, ...], parent: ParentLine) -> None:
    _cell(cells[0], parent.id, bold=True)
    write_paragraph(cells[0], parent.text, style=TABLE_STYLE, size=SMALL_PT)
    numbers = [parent.members, *(n for _, n in parent.by_status), parent.overdue]
    for cell, number in zip(cells[1:], numbers, strict=True):
        _cell(cell, str(number), centre=True)


def _overdue(document: DocxDocument, report: RollupReport) -> None:
    write_paragraph(document, "III. THÀNH VIÊN CÓ NHIỆM VỤ QUÁ HẠN", style="Heading 1")
    late = report.overdue_members
    if not late:
        _body(document, "Không thành viên nào có nhiệm vụ quá hạn.")
        return
    _body(document, f"{len(late)} thành viên có nhiệm vụ quá hạn (đã qua hạn hoàn thành mà chưa hoàn thành):")
    for member in late:
        assert member.counts is not None
        which = f": {'; '.join(member.overdue_tasks)}" if member.overdue_tasks else ""
        _body(document, f"- {member.name}: {member.counts.overdue} nhiệm vụ{which}.")


def _members(document: DocxDocument, report: RollupReport) -> None:
    """One row a member. A nation's thousands of members are too many rows for python-docx's own calls (some
    milliseconds a row): each row is a copy of a prototype row laid out once, its texts then put in."""
    write_paragraph(document, "IV. SỐ LIỆU TỪNG THÀNH VIÊN", style="Heading 1")
    table = document.add_table(rows=1, cols=len(MEMBER_HEADERS))
    table.style = document.styles[GRID_STYLE]
    _small_header(table, MEMBER_HEADERS)
    counted, uncounted = table.add_row(), table.add_row()
    for i, cell in enumerate(counted.cells):
        _cell(cell, PLACEHOLDER, centre=0 < i < len(MEMBER_HEADERS) - 1)
    cells = uncounted.cells
    _cell(cells[0], PLACEHOLDER)
    _cell(cells[1].merge(cells[8]), PLACEHOLDER, centre=True)
    _cell(cells[9], PLACEHOLDER, bold=True)
    fix_widths(table, MEMBER_WIDTHS_MM)
    repeat_header(table)
    prototypes = {True: counted._tr, False: uncounted._tr}
    for member in report.members:
        row = copy.deepcopy(prototypes[member.counts is not None])
        for text, value in zip(row.iter(qn("w:t")), _member_texts(member), strict=True):
            text.text = value
        table._tbl.append(row)
    for prototype in prototypes.values():
        table._tbl.remove(prototype)


PLACEHOLDER = "x"


def _member_texts(member: MemberLine) -> list[str]:
    """A member's cells, in :data:`MEMBER_HEADERS` order: its figures merged into one "—" when it has none."""
    counts = member.counts
    if counts is None:
        return [member.name, "—", member.state]
    last = vn_date(counts.last_report) if counts.last_report else "—"
    return [member.name, str(counts.tasks), str(member.status("hoan-thanh")), str(member.status("dang-thuc-hien")),
            str(member.status("chua-co-bao-cao")), str(counts.overdue), f"{member.reported_share:.0%}",
            "—" if member.reports is None else str(member.reports), last, member.state]


def _small_header(table: Table, headers: tuple[str, ...]) -> None:
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, bold=True, centre=True)


def _cell(cell: _Cell, text: str, *, bold: bool = False, centre: bool = False) -> None:
    """A cell of a wide table: ten columns on a portrait page are set a size smaller than the periodic report's."""
    write_first(cell, text, style=TABLE_STYLE, bold=bold, size=SMALL_PT, centre=centre)
