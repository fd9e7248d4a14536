"""A PDF of the appendix imports to the same draft as the Word file it was exported from, and so does the
whole signed document, decision and gazette header included; a scan is refused.

The PDFs were made once from the .docx beside them with LibreOffice (tests/fixtures/import/pdf/make.py
says how); these tests only read the committed files.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pytest
from docx import Document
from pypdf import PdfReader, PdfWriter

from helpers import FIXTURES
from macros.cli import main
from macros.importer import import_plan, read_table
from macros.importer.pdf import Layout, Line, PdfCell, PdfRow, PdfTaskTable, furniture, running_lines, source_table
from macros.importer.review import ReviewList
from macros.plan.loader import load_plan

pytestmark = pytest.mark.unit

PDF = FIXTURES / "import" / "pdf"
APPENDIX = PDF / "xa-mau.pdf"  # the appendix alone, over three pages
SIGNED = PDF / "van-ban-ky.pdf"  # the decision, then the appendix; a gazette header on every page
SCAN = PDF / "anh-quet.pdf"  # a page of the appendix as a picture only
HEADER = ["TT", "NỘI DUNG CÔNG VIỆC", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "KẾT QUẢ", "THỜI HẠN"]
# What the signed document prints outside the appendix table: none of it may reach the draft.
OUTSIDE_THE_TABLE = ("CÔNG BÁO", "Số 1 + 2", "15-8-2025", "Căn cứ", "QUYẾT ĐỊNH", "Điều 1", "Điều 3", "Nơi nhận",
                     "CHỦ TỊCH", "Nguyễn Văn Mây", "Chỉ tiêu", "chủ động xây dựng kế hoạch chi tiết", "Độc lập")


def draft(source: Path, tmp_path: Path, registry=None) -> tuple[str, ReviewList]:  # noqa: ANN001
    """The draft's YAML without its first comment lines (they name the source file), and the review list."""
    report = ReviewList()
    out = tmp_path / f"{source.stem}.yaml"
    text = import_plan(source, registry, out, report)
    return re.sub(r"^# Bản nháp do lệnh .*\n", "", text, flags=re.M), report


def reviews(report: ReviewList) -> list[str]:
    """The review list with the places in the source left out ("trang 2, hàng 3" against "bảng 1, hàng 3")."""
    text = "\n".join(f"{kind}: {line}" for kind in ("table", "row", "lost", "empty", "split", "new", "schedule")
                     for line in report[kind])  # fmt: skip
    return re.sub(r"\((trang|bảng) \d+, hàng \d+\)", "(…)", text).split("\n")


def first_table_rows(page) -> list[list[str | None]]:  # noqa: ANN001
    return page.find_tables()[0].extract()


def test_the_fixtures_hold_what_a_published_pdf_holds():
    """Several pages, the header row on each, a row cut by a page break, body text and a running header
    before the signed appendix, and no text at all in the scan: what the other tests rely on."""
    for path in (APPENDIX, SIGNED):
        with pdfplumber.open(str(path)) as pdf:
            pages = [p for p in pdf.pages if p.find_tables() and first_table_rows(p)[0][0] == "TT"]
            assert len(pages) >= 2
            for page in pages:
                assert [" ".join((c or "").split()) for c in first_table_rows(page)[0]] == HEADER
            cut = [p for p in pages[1:] if first_table_rows(p)[1][0] == ""]  # a row going on, its number left above
            assert cut, f"{path.name}: no row runs over a page break"
    with pdfplumber.open(str(SIGNED)) as pdf:
        texts = [p.extract_text() for p in pdf.pages]
    assert all("CÔNG BÁO/Số 1 + 2/Ngày 15-8-2025" in t for t in texts)
    assert "QUYẾT ĐỊNH:" in texts[0] and "TT" not in texts[0].split() and "Phụ lục" in texts[2]
    assert all(not page.extract_text().strip() for page in PdfReader(SCAN).pages)


@pytest.mark.parametrize("name", ["xa-mau", "van-ban-ky"])
def test_pdf_reads_the_table_its_docx_holds(name):
    """Every row and cell, paragraph by paragraph, with list items, italics and bold section rows, as the
    .docx reader reads the file it was exported from; the title block above it as in the appendix alone."""
    from_pdf, from_docx = read_table(PDF / f"{name}.pdf"), read_table(PDF / f"{name}.docx")
    assert from_pdf.header == from_docx.header == HEADER
    assert [r.cells for r in from_pdf.rows] == [r.cells for r in from_docx.rows]
    assert from_pdf.preamble == read_table(PDF / "xa-mau.docx").preamble
    assert any(c.bold for r in from_pdf.rows for c in r.cells) and any("*" in p.text for r in from_pdf.rows
                                                                       for c in r.cells for p in c.paras)


@pytest.mark.parametrize("source", [APPENDIX, SIGNED], ids=["appendix", "signed-document"])
@pytest.mark.parametrize("with_registry", [False, True], ids=["new-plan", "registry"])
def test_pdf_imports_to_the_same_draft_as_the_docx(plan, tmp_path, source, with_registry):
    registry = plan if with_registry else None
    pdf_text, pdf_report = draft(source, tmp_path, registry)
    docx_text, docx_report = draft(PDF / "xa-mau.docx", tmp_path, registry)
    assert pdf_text == docx_text
    assert reviews(pdf_report) == reviews(docx_report)
    assert pdf_report["row"] == [] and pdf_report["lost"] == []  # the row cut by the page break is one task


def test_the_whole_signed_document_as_word_gives_the_appendix_draft_too(tmp_path):
    """The .docx of the signed decision: its decision paragraphs are not the appendix's title block."""
    signed, _ = draft(PDF / "van-ban-ky.docx", tmp_path, None)
    appendix, _ = draft(PDF / "xa-mau.docx", tmp_path, None)
    assert signed == appendix


def test_gazette_header_page_numbers_and_decision_never_reach_the_draft(tmp_path):
    out = tmp_path / "plan.yaml"
    out.write_text(import_plan(SIGNED, None, out, ReviewList()), encoding="utf-8")
    plan = load_plan(out).plan
    texts = [plan.plan.source_label, plan.plan.source_title, plan.plan.source_attachment, *plan.plan.source_columns]
    texts += [s.title for s in plan.sections] + [u.name for u in plan.units] + [k.name for k in plan.deliverable_kinds]
    for task in plan.tasks:
        texts += [str(task.content), task.lead.text, task.coordinating.text, task.deliverable.text, task.schedule.text]
    table = source_table(SIGNED)
    texts += table.above + [p for row in table.rows for cell in row.cells for p in cell]
    found = [(phrase, text) for text in texts for phrase in OUTSIDE_THE_TABLE if phrase in text]
    assert found == []
    assert plan.plan.source_title == "NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025 VÀ GIAI ĐOẠN 2026 - 2030 CỦA XÃ SUỐI MÂY"
    assert not re.search(r"\b[1-5]\b", " ".join(table.above)), "a page number in the title block"


def test_a_scan_is_refused_in_vietnamese_and_nothing_is_written(tmp_path, capsys):
    out = tmp_path / "plan.yaml"
    assert main(["import", str(SCAN), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"Không nhập được {SCAN}" in err
    assert "tệp PDF là ảnh quét, không có lớp chữ" in err and "tệp Word (.docx)" in err and "bản PDF xuất từ Word" in err
    assert "Traceback" not in err and not out.exists()


@pytest.mark.parametrize(("pages", "expected"), [
    ([(SIGNED, 0)], '"Chỉ tiêu", "Đơn vị tính", "Năm 2025"'),  # the decision's own table of figures
    ([(SIGNED, 1)], "không có bảng kẻ ô nào"),  # prose and the signature block only
    ([(SIGNED, 1), (SCAN, 0)], "trang 2 là ảnh quét, không có lớp chữ: hãy xin cơ quan ban hành tệp Word (.docx)"),
], ids=["other-table", "no-table", "appendix-scanned"])  # fmt: skip
def test_a_pdf_without_task_table_is_refused(tmp_path, capsys, pages, expected):
    """The decision without its appendix, or with its appendix scanned: text, and no task table to read."""
    path = tmp_path / "quyet-dinh.pdf"
    writer = PdfWriter()
    for source, index in pages:
        writer.add_page(PdfReader(source).pages[index])
    writer.write(path)
    out = tmp_path / "plan.yaml"
    assert main(["import", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and not out.exists()


def docx_paragraphs(path: Path) -> list[list[list[str]]]:
    """The first table of a .docx as python-docx reads it: a merged cell once, its other columns empty."""
    rows: list[list[list[str]]] = []
    for row in Document(str(path)).tables[0].rows:
        cells, previous = [], None
        for cell in row.cells:
            same = cell._tc is previous
            previous = cell._tc
            cells.append([] if same else [" ".join(unicodedata.normalize("NFC", p.text).split())
                                          for p in cell.paragraphs if p.text.strip()])
        rows.append(cells)
    return rows


def test_source_table_gives_the_paragraphs_as_printed():
    """For checks that read the source on its own terms: the header once, each row whole, each paragraph
    of each cell as Word holds it, a drawn list bullet written "• "."""
    table = source_table(APPENDIX)
    printed = [row.cells for row in table.rows]
    assert [[[p.removeprefix("• ") for p in cell] for cell in row] for row in printed] == docx_paragraphs(
        PDF / "xa-mau.docx")
    assert sum(p.startswith("• ") for row in printed for cell in row for p in cell) == 3
    assert table.above[-1].startswith("(Kèm theo Kế hoạch số 88/KH-UBND")
    assert table.rows[0].where == "trang 1, hàng 1"


def glyphs(text: str, x0: float, top: float, size: float = 13.0, spaces_drawn: bool = True) -> Line:
    """A printed line of evenly wide glyphs (half the font size); some PDFs only leave room for the spaces."""
    width = size / 2
    return Line([{"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top, "bottom": top + size,
                  "size": size, "fontname": "ABCDEF+LiberationSerif"} for i, ch in enumerate(text)
                 if spaces_drawn or ch != " "], 1)  # fmt: skip


@pytest.mark.parametrize("spaces_drawn", [True, False], ids=["spaces-drawn", "spaces-left-as-room"])
def test_a_line_set_further_below_starts_a_paragraph_even_after_a_full_line(spaces_drawn):
    """Word's space after a paragraph tells where a paragraph ends when its last line is full."""
    texts = [("Một câu dài", 100), ("vẫn còn đó.", 115), ("Đoạn mới", 135), ("nối dòng", 150)]
    lines = [glyphs(text, 10, top, spaces_drawn=spaces_drawn) for text, top in texts]
    right = lines[0].x1  # the line is full: no next word could have fitted
    cell = PdfCell(lines, right).cell(Layout.of([lines]))
    assert [p.text for p in cell.paras] == ["Một câu dài vẫn còn đó.", "Đoạn mới nối dòng"]


def test_a_line_at_the_top_of_most_pages_is_a_running_header_whatever_its_numbers():
    """A gazette's "CÔNG BÁO/Số …/Ngày …" and the page number change their digits from page to page."""
    body = {9: "Căn cứ Luật số 72/2025/QH15;", 10: "Điều 1. Ban hành kèm theo", 11: "Điều 2. Hiệu lực"}

    def page(number: int) -> SimpleNamespace:
        lines = [glyphs(f"CÔNG BÁO/Số 7 + 8/Ngày 1-9-2025 {number}", 10, 20), glyphs(body[number], 10, 60)]
        return SimpleNamespace(chars=[c for line in lines for c in line.chars], page_number=number)

    running = running_lines([page(n) for n in body])
    assert furniture(glyphs("CÔNG BÁO/Số 7 + 8/Ngày 1-9-2025 123", 10, 20)) in running
    assert not any(furniture(glyphs(text, 10, 60)) in running for text in body.values())


@pytest.mark.parametrize(("above", "expected"), [
    (["Nơi nhận:", "- Lưu: VT.", "Phụ lục", "TIÊU ĐỀ"], ["Phụ lục", "TIÊU ĐỀ"]),  # the decision ends on the page
    (["CÔNG BÁO/Số 7 + 8/Ngày 1-9-2025 3", "TIÊU ĐỀ"], ["TIÊU ĐỀ"]),  # a gazette header, no label
    (["- 3 -", "TIÊU ĐỀ", "(Kèm theo Kế hoạch số 9)"], ["TIÊU ĐỀ", "(Kèm theo Kế hoạch số 9)"]),  # a page number
], ids=["decision-above", "running-header", "page-number"])  # fmt: skip
def test_the_title_block_leaves_out_what_is_not_the_appendix(above, expected):
    lines = [glyphs(text, 10, 20 + 20 * n, spaces_drawn=False) for n, text in enumerate(above)]
    running = {furniture(glyphs("CÔNG BÁO/Số 7 + 8/Ngày 1-9-2025 12", 10, 20))}
    table = PdfTaskTable(PdfRow([], "trang 3, hàng 1", 3), [], lines, 400.0, "trang 3, bảng 1", running)
    assert table.preamble() == expected
