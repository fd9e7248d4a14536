"""Tables found by their headers, whatever their shape: column names, order, extra columns, numbering.

Each fixture in tests/fixtures/import/shape-*.txt is one way a body lays
out its appendix; a .docx with real merged header cells is built here. A
clerk importing one notices the ids and numbers of the tasks, the cells
under the right column, every column of the paper kept, and a clear
Vietnamese refusal when the table is not a task table.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from docx import Document

from helpers import FIXTURES
from macros.cli import main
from macros.exports.plan_json import plan_from_export, plan_json
from macros.exports.tasks_csv import tasks_csv
from macros.importer import import_plan
from macros.importer.review import ReviewList
from macros.plan.loader import load_plan
from macros.plan.model import NO_COLUMN

pytestmark = pytest.mark.unit

IMPORT = FIXTURES / "import"


def imported(source: Path, tmp_path: Path):  # noqa: ANN201 - (Plan, ReviewList)
    report = ReviewList()
    out = tmp_path / f"{source.stem}.yaml"
    out.write_text(import_plan(source, None, out, report), encoding="utf-8")
    return load_plan(out).plan, report


def shape(name: str, tmp_path: Path):  # noqa: ANN201
    return imported(IMPORT / f"shape-{name}.txt", tmp_path)


def cells(plan, task_id: str) -> tuple[str, str, str, str]:  # noqa: ANN001
    task = plan.task_by_id[task_id]
    return task.lead.text, task.coordinating.text, task.deliverable.text, task.schedule.text


def test_the_six_standard_columns(tmp_path: Path) -> None:
    plan, report = shape("standard", tmp_path)
    assert [(t.id, t.number) for t in plan.tasks] == [("I.1", "1"), ("I.2", "2")]
    assert cells(plan, "I.1") == ("Phòng Kinh tế", "Công an xã", "Báo cáo", "Thường xuyên")
    assert plan.plan.column_order is None and plan.plan.extra_columns == []  # the YAML of a plain plan is unchanged
    assert report["table"] == []


def test_capitals_and_headers_split_over_lines(tmp_path: Path) -> None:
    plan, _ = shape("capitals", tmp_path)
    assert plan.plan.source_columns == ["TT", "TÊN NHIỆM VỤ", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "KẾT QUẢ ĐẦU RA",
                                        "THỜI GIAN HOÀN THÀNH"]
    assert [(s.id, s.title) for s in plan.sections] == [("I", "PHẦN MỘT")]
    assert cells(plan, "I.2") == ("Công an xã", "Phòng Kinh tế", "Kế hoạch", "Năm 2025")


def test_a_two_row_header_with_a_cell_over_the_agencies_and_the_column_numbers(tmp_path: Path) -> None:
    plan, report = shape("two-rows", tmp_path)
    assert plan.plan.source_columns == ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời hạn"]
    assert [(g.header, g.columns) for g in plan.plan.column_groups] == [("Cơ quan thực hiện", ["lead", "coordinating"])]
    assert [t.id for t in plan.tasks] == ["I.1", "I.2"]  # neither the second header row nor "(1) (2)…" is a task
    assert cells(plan, "I.2") == ("Công an xã", "Phòng Kinh tế", "Kế hoạch", "12/2025")
    assert report["row"] == []


def test_the_deadline_before_the_agencies(tmp_path: Path) -> None:
    plan, _ = shape("deadline-first", tmp_path)
    assert plan.plan.column_order == ["number", "task", "schedule", "lead", "coordinating", "deliverable"]
    assert cells(plan, "I.1") == ("Phòng Kinh tế", "Công an xã", "Báo cáo", "Quý IV/2025")
    assert str(plan.task_by_id["I.1"].schedule.due) == "2025-12-31"


def test_a_table_without_products_is_a_plan_with_that_column_empty(tmp_path: Path) -> None:
    plan, report = shape("no-product", tmp_path)
    assert plan.plan.source_columns[4] == NO_COLUMN
    assert plan.plan.column_order == ["number", "task", "lead", "coordinating", "schedule"]
    assert cells(plan, "I.1") == ("Phòng Kinh tế", "Công an xã", "", "Năm 2025")
    assert report["table"] == ["văn bản không có cột: sản phẩm; các ô tương ứng để trống."]


def test_extra_columns_are_kept_verbatim_in_the_source_order_and_exported(tmp_path: Path) -> None:
    plan, report = shape("extra", tmp_path)
    assert [(c.id, c.header) for c in plan.plan.extra_columns] == [("kinh-phi", "Kinh phí"), ("ghi-chu", "Ghi chú")]
    assert plan.plan.column_order == ["number", "task", "lead", "coordinating", "deliverable", "kinh-phi", "schedule",
                                      "ghi-chu"]
    assert plan.task_by_id["I.1"].extra == {"kinh-phi": "200 triệu đồng (ngân sách xã)", "ghi-chu": "Làm trước mùa mưa"}
    assert plan.task_by_id["I.2"].extra == {"ghi-chu": "đã có trong dự toán"}  # from the row continuing it
    assert cells(plan, "I.1")[3] == "Năm 2025"
    assert "\"Kinh phí\" (kinh-phi)" in report["table"][0]
    csv = tasks_csv(plan).decode("utf-8-sig").splitlines()
    assert "Kinh phí (nguyên văn)" in csv[0] and "Ghi chú (nguyên văn),Ghi chú" in csv[0]
    assert "200 triệu đồng (ngân sách xã)" in csv[1]
    assert plan_from_export(json.loads(plan_json(plan, dt.date(2025, 10, 1)))) == plan


def test_arabic_sections_map_to_roman_ids_and_keep_their_numbers(tmp_path: Path) -> None:
    plan, report = shape("arabic", tmp_path)
    assert [(s.id, s.number, s.title) for s in plan.sections] == [("I", "1", "Nhóm việc thứ nhất"),
                                                                  ("II", "2", "Nhóm việc thứ hai")]
    # "3." has no 3.x below and names its agencies: a task of the section above, under its own number.
    assert [(t.id, t.number) for t in plan.tasks] == [("I.1", "1.1"), ("I.2", "1.2"), ("II.1", "2.1"), ("II.2", "3")]
    assert cells(plan, "II.2") == ("Công an xã", "Phòng Kinh tế", "Báo cáo", "Năm 2026")
    assert any("dòng số 3 đánh số như một phần" in note for note in report["row"])


def test_numbers_running_on_with_decimal_sub_items_and_a_roman_row_that_is_a_task(tmp_path: Path) -> None:
    plan, _ = shape("run-on", tmp_path)
    ids = [(t.id, t.number) for t in plan.tasks]
    assert ids == [("I.1", "1"), ("I.2", "2"), ("I.2.1", "2.1"), ("I.2.2", "2.2"), ("I.2.3", "2.3"), ("I.2.4", "2.4"),
                   ("II.3", "3"), ("II.4", "4"), ("II.5", "III")]
    assert plan.task_by_id["I.2"].heading and plan.task_by_id["I.2.4"].parent_id == "I.2"
    assert [s.id for s in plan.sections] == ["I", "II"]
    assert cells(plan, "II.5") == ("Công an xã", "Phòng Kinh tế", "Báo cáo", "Hằng năm")


@pytest.mark.parametrize(("name", "lacking", "found"), [
    ("indicator", "cột nội dung nhiệm vụ", '"TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi"'),
    ("no-lead", "cột đơn vị chủ trì", '"STT", "Nội dung nhiệm vụ", "Đơn vị phối hợp", "Sản phẩm", "Thời gian"'),
])  # fmt: skip
def test_a_table_without_content_or_lead_is_refused_naming_found_and_expected(
    name: str, lacking: str, found: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nhap.yaml"
    assert main(["import", str(IMPORT / f"shape-{name}.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "không phải bảng nhiệm vụ" in err and f"không có {lacking}" in err and found in err
    assert "Traceback" not in err and not out.exists()


def test_the_first_acceptable_table_is_used(tmp_path: Path) -> None:
    plan, _ = shape("indicator-then-tasks", tmp_path)
    assert [t.id for t in plan.tasks] == ["I.1"] and cells(plan, "I.1")[0] == "Phòng Kinh tế"
    assert plan.plan.source_title == "DANH MỤC NHIỆM VỤ" and plan.plan.source_label == "Phụ lục II"


# ---------------------------------------------------------------- a Word file with merged header cells


def merged_header_docx(path: Path, indicator_first: bool = True) -> Path:
    """TT | Nội dung | Thời hạn | Cơ quan thực hiện (Chủ trì | Phối hợp) | Kinh phí | Ghi chú, cells merged as Word does."""
    document = Document()
    if indicator_first:
        document.add_paragraph("Phụ lục I")
        table = document.add_table(rows=2, cols=5)
        for row, texts in zip(table.rows, [["TT", "Nội dung chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi"],
                                           ["1", "Tỷ lệ hộ nghèo", "%", "1,5", "Phòng Kinh tế"]], strict=True):  # fmt: skip
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
    document.add_paragraph("Phụ lục II")
    document.add_paragraph("DANH MỤC NHIỆM VỤ")
    table = document.add_table(rows=0, cols=7)
    rows = [
        ["TT", "Nội dung nhiệm vụ", "Thời hạn", "Cơ quan thực hiện", "", "Kinh phí", "Ghi chú"],
        ["", "", "", "Chủ trì", "Phối hợp", "", ""],
        ["I", "Phần một", "", "", "", "", ""],
        ["1", "Việc thứ nhất.", "Năm 2025", "Phòng Kinh tế", "Công an xã", "50 triệu đồng", "Ưu tiên"],
        ["2", "Việc thứ hai.", "Thường xuyên", "Công an xã", "", "", ""],
    ]
    for texts in rows:
        row = table.add_row()
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    top, below = table.rows[0].cells, table.rows[1].cells
    for column in (0, 1, 2, 5, 6):
        top[column].merge(below[column])  # a header over both rows
    top[3].merge(top[4])  # "Cơ quan thực hiện" over the two agency columns
    document.save(str(path))
    return path


def test_docx_with_merged_header_cells_after_an_indicator_table(tmp_path: Path) -> None:
    plan, _ = imported(merged_header_docx(tmp_path / "phu-luc.docx"), tmp_path)
    meta = plan.plan
    assert meta.source_columns == ["TT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", NO_COLUMN, "Thời hạn"]
    assert meta.column_order == ["number", "task", "schedule", "lead", "coordinating", "kinh-phi", "ghi-chu"]
    assert [(g.header, g.columns) for g in meta.column_groups] == [("Cơ quan thực hiện", ["lead", "coordinating"])]
    assert [t.id for t in plan.tasks] == ["I.1", "I.2"]
    assert cells(plan, "I.1") == ("Phòng Kinh tế", "Công an xã", "", "Năm 2025")
    assert plan.task_by_id["I.1"].extra == {"kinh-phi": "50 triệu đồng", "ghi-chu": "Ưu tiên"}


def test_docx_with_only_an_indicator_table_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = Document()
    table = document.add_table(rows=2, cols=5)
    for row, texts in zip(table.rows, [["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi"],
                                       ["1", "Tỷ lệ hộ nghèo", "%", "1,5", "Phòng Kinh tế"]], strict=True):  # fmt: skip
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    path = tmp_path / "chi-tieu.docx"
    document.save(str(path))
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "bảng (bảng 1) không phải bảng nhiệm vụ: không có cột nội dung nhiệm vụ" in err and "\"Chỉ tiêu\"" in err
