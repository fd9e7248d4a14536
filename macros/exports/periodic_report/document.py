"""The periodic report as a Word document: lays out a :class:`PeriodReport`, adds nothing to it.

Reading order follows an administrative report under Nghị định 30/2020/NĐ-CP:
the heading block (issuing body and number on the left, Quốc hiệu and tiêu
ngữ, place and date on the right), the document type and its trích yếu, the
body (the period's figures, then one table per section of the plan), and
the places the clerk fills by hand (Nơi nhận, the signer's title, name and
signature). Number, date and signature are left empty: the report is signed
and registered in the office, not here.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from ...plan.model import Block
from ...text import segments, vn_date
from ..common import build_instant, restamp_zip
from ..task_table import BULLET
from .content import PeriodReport, ReportLine, TaskLine, inside_sentence
from .issuer import Issuer
from .layout import (
    BODY_PT,
    BODY_STYLE,
    GRID_STYLE,
    STYLE_IDS,
    TABLE_STYLE,
    TEXT_WIDTH_MM,
    estimated_width_mm,
    fix_widths,
    keep_whole,
    no_borders,
    repeat_header,
    rule_below,
    set_up,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOCUMENT_TYPE = "BÁO CÁO"
SAMPLE = "Dữ liệu mẫu"
OVERDUE = "Quá hạn"
TASK_HEADERS = ("Mã", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Tình trạng cuối kỳ", "Báo cáo trong kỳ")
TASK_WIDTHS_MM = [15.0, 60.0, 25.0, 21.0, 44.0]  # the task text gets the most room; "IV.1.a" fits on one line
HEADING_WIDTHS_MM = [68.0, 97.0]
SIGNATURE_WIDTHS_MM = [80.0, 85.0]
FIGURE_WIDTHS_MM = [95.0, 35.0]
NO_REPORT = "Không có báo cáo trong kỳ."
# The blanks the clerk fills when the report is signed: number, day and month, signer.
NUMBER_BLANK = "Số:        /BC-"
DATE_BLANK = "ngày      tháng      năm"
SIGNER_TITLE = "[QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ]"
SIGNER_NAME = "[Họ và tên]"


def report_docx(report: PeriodReport, stamp: dt.date) -> bytes:
    """The .docx bytes; ``stamp`` (the data's reference date) dates the file, so the same data give the same bytes."""

    def body(document: DocxDocument) -> None:
        _introduction(document, report)
        _figures(document, report)
        _sections(document, report)

    return framed_docx(report.issuer, report.summary, body, stamp)


def framed_docx(issuer: Issuer, summary: str, body: Callable[[DocxDocument], None], stamp: dt.date) -> bytes:
    """A report of ``issuer`` in the frame of Nghị định 30: page and type, heading block, BÁO CÁO and its trích yếu
    ``summary``, then ``body``, then the signature block; dated on ``stamp``. The rollup's report has the same frame."""
    document = Document()
    set_up(document)
    heading_block(document, issuer)
    title_block(document, summary)
    body(document)
    signature_block(document)
    set_properties(document, summary, issuer.name, stamp)
    raw = io.BytesIO()
    document.save(raw)
    return restamp_zip(raw.getvalue(), stamp)


# ---------------------------------------------------------------- small writers


def write_paragraph(
    where: DocxDocument | _Cell,
    text: str = "",
    *,
    style: str | None = None,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    centre: bool = False,
) -> Paragraph:
    return _fill(where.add_paragraph(), text, style=style, bold=bold, italic=italic, size=size, centre=centre)


def write_run(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None) -> None:
    """A run of ``text``; properties are written only when set, and text without line breaks or
    tabs goes into one ``<w:t>`` at once (python-docx reads a text character by character to find
    them, and an empty property block per run was most of a large plan's report)."""
    run = paragraph.add_run()
    if "\n" in text or "\r" in text or "\t" in text:
        run.text = text  # python-docx turns them into line breaks and tabs
    else:
        run._r.add_t(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if size is not None:
        run.font.size = Pt(size)


def write_first(
    cell: _Cell,
    text: str = "",
    *,
    style: str | None = None,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    centre: bool = False,
) -> Paragraph:
    """A cell comes with one empty paragraph: fill it rather than leave a blank line above the text."""
    return _fill(cell.paragraphs[0], text, style=style, bold=bold, italic=italic, size=size, centre=centre)


def _fill(
    paragraph: Paragraph,
    text: str,
    *,
    style: str | None,
    bold: bool,
    italic: bool,
    size: float | None,
    centre: bool,
) -> Paragraph:
    if style is not None:
        paragraph._p.style = STYLE_IDS[style]
    if text:
        write_run(paragraph, text, bold=bold, italic=italic, size=size)
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def spaced(paragraph: Paragraph, before: float = 0, after: float = 0) -> Paragraph:
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def _rule(where: DocxDocument | _Cell, width_mm: float, box_mm: float) -> None:
    """An empty, two-point-high paragraph whose bottom border is the short line under the text above."""
    paragraph = spaced(where.add_paragraph())
    paragraph.paragraph_format.line_spacing = Pt(2)
    rule_below(paragraph, width_mm, box_mm)


# ---------------------------------------------------------------- heading block and title


def heading_block(document: DocxDocument, issuer: Issuer) -> None:
    """Two borderless rows: the names (issuer | Quốc hiệu and tiêu ngữ), then number | place and date,
    so that the number and the date line stand level, as on a signed document."""
    table = document.add_table(rows=2, cols=2)
    no_borders(table)
    fix_widths(table, HEADING_WIDTHS_MM)
    left, right = table.rows[0].cells
    for i, line in enumerate(issuer.lines):
        write = write_first(left) if i == 0 else left.add_paragraph()
        write_run(write, line, bold=True, size=BODY_PT)
        write.alignment = WD_ALIGN_PARAGRAPH.CENTER
    longest = max(estimated_width_mm(line, BODY_PT, bold=True) for line in issuer.lines)
    _rule(left, min(longest * 0.45, HEADING_WIDTHS_MM[0] * 0.5), HEADING_WIDTHS_MM[0])
    write_first(right, NATION, bold=True, size=12, centre=True)
    write_paragraph(right, MOTTO, bold=True, size=BODY_PT, centre=True)
    _rule(right, estimated_width_mm(MOTTO, BODY_PT, bold=True), HEADING_WIDTHS_MM[1])
    number, date = table.rows[1].cells
    spaced(write_first(number, NUMBER_BLANK + issuer.abbreviation, size=BODY_PT, centre=True), before=6)
    spaced(write_first(date, f"{issuer.place}, {DATE_BLANK}     ", italic=True, size=BODY_PT, centre=True), before=6)


def title_block(document: DocxDocument, summary_text: str) -> None:
    """BÁO CÁO, then its trích yếu under it, with the short rule below."""
    spaced(write_paragraph(document, DOCUMENT_TYPE, bold=True, size=14, centre=True), before=18)
    summary = write_paragraph(document, summary_text, bold=True, size=14, centre=True)
    summary.paragraph_format.left_indent = summary.paragraph_format.right_indent = Mm(10)
    width = min(estimated_width_mm(summary_text, 14, bold=True), TEXT_WIDTH_MM - 20) * 0.4
    _rule(document, width, TEXT_WIDTH_MM)
    spaced(document.add_paragraph(), after=6)


# ---------------------------------------------------------------- body


def _introduction(document: DocxDocument, report: PeriodReport) -> None:
    scope = ""
    if report.unit is not None:
        scope = (f" ở các nhiệm vụ mà {report.unit.name} chủ trì hoặc phối hợp thực hiện (kể cả phần việc giao cho "
                 "nhóm đơn vị mà đơn vị là thành viên)")
    write_paragraph(
        document,
        f"Báo cáo này tổng hợp kết quả thực hiện {inside_sentence(report.plan_title)} {report.period_words}{scope}, "
        "từ các báo cáo tiến độ các đơn vị đã gửi trong kỳ.",
        style=BODY_STYLE,
    )
    when = "ngày cuối kỳ" if not report.cut_short else "ngày tham chiếu của dữ liệu, trước ngày cuối kỳ"
    write_paragraph(
        document,
        f"Tình trạng của mỗi nhiệm vụ và việc quá hạn được tính đến ngày {vn_date(report.as_of)} ({when}); "
        "báo cáo ghi ngày sau đó không được tính.",
        style=BODY_STYLE,
    )
    if report.has_examples:
        write_paragraph(
            document,
            f"Lưu ý: dữ liệu còn có báo cáo mẫu, chưa phải báo cáo thật; các báo cáo này được ghi \"{SAMPLE}\".",
            style=BODY_STYLE,
            italic=True,
        )


def _figures(document: DocxDocument, report: PeriodReport) -> None:
    figures = report.figures
    write_paragraph(document, "I. SỐ LIỆU TRONG KỲ", style="Heading 1")
    samples = f" (trong đó {figures.samples} báo cáo là dữ liệu mẫu)" if figures.samples else ""
    write_paragraph(
        document,
        f"Tổng số nhiệm vụ: {figures.total}. Trong kỳ có {figures.reports} báo cáo tiến độ{samples}, "
        f"về {figures.reported_tasks} nhiệm vụ. Tình trạng cuối kỳ của các nhiệm vụ:",
        style=BODY_STYLE,
    )
    status_table(document, "Tình trạng cuối kỳ", figures.by_status, figures.total, len(figures.overdue))
    if not figures.overdue:
        write_paragraph(document, "Không có nhiệm vụ quá hạn.", style=BODY_STYLE)
        return
    write_paragraph(document, f"Các nhiệm vụ quá hạn ({len(figures.overdue)}):", style=BODY_STYLE)
    for line in figures.overdue:
        due = f"hạn {line.due}; " if line.due else ""
        write_paragraph(
            document, f"- Nhiệm vụ {line.id} ({due}tình trạng: {line.status.lower()}; chủ trì: {line.lead}).",
            style=BODY_STYLE,
        )


def status_table(
    document: DocxDocument, heading: str, by_status: Iterable[tuple[str, int]], total: int, overdue: int
) -> None:
    """Tasks by status (every status, zeros included), their total and how many are overdue, in two columns."""
    rows = [*by_status, ("Tổng số nhiệm vụ", total), (f"Trong đó: {OVERDUE.lower()}", overdue)]
    table = document.add_table(rows=1 + len(rows), cols=2)
    table.style = document.styles[GRID_STYLE]
    fix_widths(table, FIGURE_WIDTHS_MM)
    header_row(table, (heading, "Số nhiệm vụ"))
    for (label, number), row in zip(rows, table.rows[1:], strict=True):
        strong = label.startswith(("Tổng", "Trong đó"))
        write_first(row.cells[0], label, style=TABLE_STYLE, bold=strong)
        write_first(row.cells[1], str(number), style=TABLE_STYLE, bold=strong, centre=True)
    spaced(document.add_paragraph(), after=3)


def _sections(document: DocxDocument, report: PeriodReport) -> None:
    write_paragraph(document, "II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ", style="Heading 1")
    if not report.sections:
        write_paragraph(document, "Không có nhiệm vụ nào.", style=BODY_STYLE)
    for part in report.sections:
        write_paragraph(document, f"Phần {part.id}. {part.title}", style="Heading 2")
        table = document.add_table(rows=1, cols=len(TASK_HEADERS))
        table.style = document.styles[GRID_STYLE]
        header_row(table, TASK_HEADERS)
        for line in part.tasks:  # rows may split across pages: a long task kept whole would leave half a page empty
            _task_row(table.add_row().cells, line)
        fix_widths(table, TASK_WIDTHS_MM)
        repeat_header(table)


def header_row(table: Table, headers: Iterable[str]) -> None:
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        write_first(cell, text, style=TABLE_STYLE, bold=True, centre=True)


def _task_row(cells: tuple[_Cell, ...], line: TaskLine) -> None:
    write_first(cells[0], line.id, style=TABLE_STYLE)
    _content(cells[1], line.content)
    if line.roles:
        write_paragraph(cells[1], f"Vai trò của đơn vị: {'; '.join(line.roles)}.", style=TABLE_STYLE, italic=True)
    if line.heading:
        cells[2].merge(cells[4])
        write_first(cells[2], style=TABLE_STYLE)
        return
    write_first(cells[2], line.lead, style=TABLE_STYLE)
    write_first(cells[3], line.status, style=TABLE_STYLE)
    if line.overdue:
        write_paragraph(cells[3], OVERDUE, style=TABLE_STYLE, bold=True)
    if line.due:
        write_paragraph(cells[3], f"Hạn: {line.due}", style=TABLE_STYLE)
    _reports(cells[4], line.reports)


def _content(cell: _Cell, blocks: Iterable[Block]) -> None:
    """The task's text exactly as the plan words it: one paragraph a block or list item, *…* in italics."""
    first = True
    for block in blocks:
        texts = [block] if isinstance(block, str) else [BULLET + item for item in block.items]
        for text in texts:
            paragraph = write_first(cell, style=TABLE_STYLE) if first else write_paragraph(cell, style=TABLE_STYLE)
            first = False
            for segment in segments(text):
                write_run(paragraph, segment.text, italic=segment.em)


def _reports(cell: _Cell, reports: Iterable[ReportLine]) -> None:
    first = True
    for report in reports:
        paragraph = write_first(cell, style=TABLE_STYLE) if first else spaced(write_paragraph(cell, style=TABLE_STYLE), before=4)
        first = False
        if report.example:
            write_run(paragraph, f"({SAMPLE}) ", italic=True)
        write_run(paragraph, f"{vn_date(report.date)}, {report.unit}", bold=True)
        write_paragraph(cell, f"Tình trạng: {report.status}.", style=TABLE_STYLE)
        if report.note:
            write_paragraph(cell, report.note, style=TABLE_STYLE)
        if report.reason:
            write_paragraph(cell, f"Lý do: {report.reason}", style=TABLE_STYLE)
        evidence = _evidence(report)
        if evidence:
            write_paragraph(cell, f"Văn bản: {evidence}", style=TABLE_STYLE)
    if first:
        write_first(cell, NO_REPORT, style=TABLE_STYLE, italic=True)


def _evidence(report: ReportLine) -> str:
    parts = [f"số {report.evidence_number}" if report.evidence_number else "",
             f"\u201c{report.evidence_title}\u201d" if report.evidence_title else "",
             report.evidence_link or ""]
    return ", ".join(p for p in parts if p)


# ---------------------------------------------------------------- what the clerk fills


def signature_block(document: DocxDocument) -> None:
    """Nơi nhận on the left, the signer on the right: labelled, and empty for the clerk."""
    spaced(document.add_paragraph(), after=6)
    table = document.add_table(rows=1, cols=2)
    no_borders(table)
    fix_widths(table, SIGNATURE_WIDTHS_MM)
    recipients, signer = table.rows[0].cells
    write_first(recipients, "Nơi nhận:", bold=True, italic=True, size=12)
    for line in ("- ……………;", "- ……………;", "- Lưu: VT, …."):
        write_paragraph(recipients, line, size=11)
    write_first(signer, SIGNER_TITLE, bold=True, size=BODY_PT, centre=True)
    for _ in range(4):
        write_paragraph(signer)
    write_paragraph(signer, SIGNER_NAME, bold=True, size=BODY_PT, centre=True)
    keep_whole(table.rows[0])


# ---------------------------------------------------------------- file


def set_properties(document: DocxDocument, summary_text: str, author: str, stamp: dt.date) -> None:
    when = build_instant(stamp).replace(tzinfo=None)
    props = document.core_properties
    props.title = _property(f"{DOCUMENT_TYPE.capitalize()}: {summary_text}")
    props.author = _property(author)
    props.last_modified_by = ""
    props.language = "vi-VN"
    props.created = props.modified = when
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    props.subject = ""


PROPERTY_LIMIT = 255
"""Characters Word keeps in a document property (title, author); python-docx refuses more."""


def _property(text: str) -> str:
    """A long plan title shortened to fit the file's properties; the document itself quotes it whole."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1].rstrip() + "…"
