"""Small tables, one per way Vietnamese plans differ, each imported to a draft that passes the checker.

Fixtures are in tests/fixtures/import/, one readable .txt export each.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import FIXTURES, blocks
from macros.cli import main
from macros.importer import import_plan
from macros.importer.review import ReviewList
from macros.importer.rows import Leftovers
from macros.plan.loader import load_plan
from macros.plan.model import MAX_ID

pytestmark = pytest.mark.unit

IMPORT = FIXTURES / "import"


def draft(name: str, tmp_path: Path):  # noqa: ANN201
    """(plan, loaded with its checker warnings, report) for one fixture, imported without a registry."""
    report = ReviewList()
    out = tmp_path / f"{name}.yaml"
    out.write_text(import_plan(IMPORT / f"{name}.txt", None, out, report), encoding="utf-8")
    loaded = load_plan(out)
    return loaded.plan, loaded, report


def test_other_header_names_trailing_dots_and_numbering_that_runs_on(tmp_path):
    plan, _, report = draft("headers", tmp_path)
    assert [(s.id, s.title) for s in plan.sections] == [("I", "Phần một"), ("II", "Phần hai")]
    assert [(t.id, t.number) for t in plan.tasks] == [("I.1", "1"), ("I.2", "2"), ("II.3", "3"), ("II.4", "4")]
    assert not any(t.heading for t in plan.tasks)
    assert plan.plan.source_columns == ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả đầu ra", "Tiến độ"]
    assert plan.plan.source_label == "Phụ lục" and plan.plan.issuer == "Ủy ban nhân dân xã Thử"
    task = plan.task_by_id["I.2"]
    assert (task.lead.text, task.coordinating.text, task.deliverable.text) == ("Công an xã", "Phòng Kinh tế", "Kế hoạch")
    assert [(c.id, c.header) for c in plan.plan.extra_columns] == [("ghi-chu", "Ghi chú")]
    assert plan.task_by_id["I.2"].extra == {"ghi-chu": "ghi chú bị bỏ qua"} and plan.task_by_id["I.1"].extra == {}
    assert report["table"] == ['cột khác, giữ nguyên văn và hiện trên trang: "Ghi chú" (ghi-chu).']


def test_missing_optional_columns_are_allowed(tmp_path):
    plan, loaded, report = draft("missing-columns", tmp_path)
    task = plan.task_by_id["I.1"]
    assert task.lead.units == ["phong-kinh-te"] and task.coordinating.text == "" and task.deliverable.text == ""
    assert (task.schedule.due, task.schedule.due_precision) == (dt.date(2028, 12, 31), "month")
    assert plan.plan.source_columns[3:5] == ["(văn bản không có cột này)"] * 2
    assert "đơn vị phối hợp, sản phẩm" in report["table"][0]
    # The document has no "Sản phẩm" column: no cell to fill, so no warning; Bản in shows only its four columns.
    assert loaded.warnings == []
    assert plan.plan.column_order == ["number", "task", "lead", "schedule"]


def test_lettered_sub_items_in_vietnamese_order_under_a_heading(tmp_path):
    plan, _, report = draft("letters", tmp_path)
    assert [t.id for t in plan.tasks] == ["I.1", *[f"I.1.{c}" for c in "abcdđeg"], "I.2"]
    assert plan.task_by_id["I.1"].heading and not plan.task_by_id["I.2"].heading
    assert plan.task_by_id["I.1.đ"].parent_id == "I.1"
    assert report["row"] == []  # in order: nothing to report


def test_letters_out_of_order_are_reported(tmp_path):
    source = tmp_path / "f.txt"
    source.write_text((IMPORT / "letters.txt").read_text(encoding="utf-8").replace("\nđ\t", "\nf\t"), encoding="utf-8")
    report = ReviewList()
    import_plan(source, None, None, report)
    assert any('mục "f" không theo thứ tự chữ cái' in n and 'là "đ"' in n for n in report["row"])


def test_decimal_sub_items(tmp_path):
    plan, _, _ = draft("decimal", tmp_path)
    assert [(t.id, t.number, t.heading) for t in plan.tasks] == [
        ("I.1", "1", True), ("I.1.1", "1.1", False), ("I.1.2", "1.2", False), ("I.2", "2", False),
    ]  # fmt: skip


def test_bullets_inside_cells_are_lists(tmp_path):
    plan, _, _ = draft("bullets", tmp_path)
    assert blocks(plan.task_by_id["I.1"]) == ["Các việc sau:", ["Phát triển kinh tế - xã hội ở thôn.", "Rà soát hộ nghèo."]]
    assert blocks(plan.task_by_id["I.2"]) == ["Gồm các việc:", ["Tuyên truyền chính sách.", "Kiểm tra, giám sát."]]
    assert blocks(plan.task_by_id["I.3"]) == [["Việc thứ nhất trong danh sách.", "Việc thứ hai, không có gạch."]]
    # a dash between words is no bullet
    assert blocks(plan.task_by_id["I.4"]) == ["Phối hợp với Phòng Văn hoá - Xã hội về kinh tế - xã hội."]


def test_empty_cells_stay_empty_the_checker_warns_and_the_report_lists_them(tmp_path):
    plan, loaded, report = draft("empty-cells", tmp_path)
    task = plan.task_by_id["I.2"]
    assert not task.heading
    assert (task.lead.text, task.lead.units, task.deliverable.kinds, task.schedule.text) == ("", [], [], "")
    assert {p.field for p in loaded.warnings} == {f"sections[I].tasks[I.2].{c}" for c in ("lead", "deliverable", "schedule")}
    assert report["empty"] == ["I.2 (dòng 4): chủ trì, phối hợp, sản phẩm, thời gian."]


def test_continuation_rows_and_a_task_that_lost_its_number(tmp_path):
    plan, _, report = draft("lost-number", tmp_path)
    assert [t.id for t in plan.tasks] == ["I.1", "I.3", "I.2"]
    assert blocks(plan.task_by_id["I.1"]) == [
        "Việc một, câu bị cắt giữa chừng và nối ở dòng sau.",
        "Câu mới ở dòng riêng.",
    ]
    lost = plan.task_by_id["I.3"]
    assert blocks(lost) == ["Việc đã mất số thứ tự."] and lost.lead.text == "Công an xã"
    assert len(report["lost"]) == 1 and "dòng 6" in report["lost"][0] and "I.3" in report["lost"][0]


def test_a_table_that_is_not_a_task_table_is_refused(tmp_path, capsys):
    out = tmp_path / "out.yaml"
    assert main(["import", str(IMPORT / "not-a-task-table.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "không phải bảng nhiệm vụ" in err and '"Họ và tên", "Chức vụ", "Số điện thoại"' in err
    assert "Traceback" not in err and not out.exists()


def test_a_file_without_any_table_is_refused(tmp_path, capsys):
    source = tmp_path / "van-ban.txt"
    source.write_text("Chỉ có chữ, không có bảng.\n", encoding="utf-8")
    assert main(["import", str(source)]) == 1
    assert "không thấy bảng nào" in capsys.readouterr().err


def test_a_missing_source_is_a_message(tmp_path, capsys):
    assert main(["import", str(tmp_path / "khong-co.docx")]) == 1
    assert "Không tìm thấy tệp nguồn" in capsys.readouterr().err


SCHEDULES = {
    "I.1": ("6/2025", [], dt.date(2025, 6, 30), "month"),
    "I.2": ("03/2025", [], dt.date(2025, 3, 31), "month"),
    "I.3": ("tháng 10/2025", [], dt.date(2025, 10, 31), "month"),
    "I.4": ("quý II/2025", [], dt.date(2025, 6, 30), "quarter"),
    "I.5": ("năm 2025", [], dt.date(2025, 12, 31), "year"),
    "I.6": ("2025 - 2026", [], dt.date(2026, 12, 31), "year"),
    "I.7": ("12/2028", [], dt.date(2028, 12, 31), "month"),
    "I.8": ("hoàn thành trong quý III/2025", [], dt.date(2025, 9, 30), "quarter"),
    "I.9": ("Thường xuyên, hàng năm", ["thuong-xuyen", "hang-nam"], None, "day"),
    "I.10": ("Khi có yêu cầu", [], None, "day"),
}


@pytest.mark.parametrize("task_id", sorted(SCHEDULES))
def test_schedule_forms(tmp_path, task_id):
    plan, _, _ = draft("schedules", tmp_path)
    schedule = plan.task_by_id[task_id].schedule
    assert (schedule.text, schedule.kinds, schedule.due, schedule.due_precision) == SCHEDULES[task_id]


def test_unparseable_schedule_is_kept_as_text_and_reported(tmp_path):
    plan, _, report = draft("schedules", tmp_path)
    assert report["schedule"] == [
        'I.10: "Khi có yêu cầu" — không đọc được thời hạn hay sự lặp lại; giữ nguyên văn bản.'
    ]
    assert [s.id for s in plan.schedules] == ["thuong-xuyen", "hang-nam"]


def test_a_registry_with_errors_is_refused_with_its_problems(capsys):
    registry = FIXTURES / "bad" / "unknown_unit.yaml"
    assert main(["import", str(IMPORT / "headers.txt"), "--registry", str(registry)]) == 1
    err = capsys.readouterr().err
    assert 'không có đơn vị với mã "phong-van-hoa-xa-hoi"' in err and "Không dùng được danh mục" in err


def test_what_word_leaves_unseen_is_cleaned_and_reported_row_by_row(tmp_path):
    """Non-breaking spaces become spaces; soft hyphens, zero-width and direction characters go, so that the
    unit written with a zero-width space is the same unit, and the review list says what changed where."""
    text = (IMPORT / "headers.txt").read_text(encoding="utf-8")
    text = text.replace("1.\tViệc thứ nhất.\tPhòng Kinh tế", "1.\tViệc\u00a0thứ nh\u00adất.\tPhòng Kinh\u200b tế", 1)
    text = text.replace("4\tViệc thứ tư.", "4\tViệc thứ\u202ftư.\u202e", 1)
    (tmp_path / "word.txt").write_text(text, encoding="utf-8")
    report = ReviewList()
    out = tmp_path / "word.yaml"
    out.write_text(import_plan(tmp_path / "word.txt", None, out, report), encoding="utf-8")
    plan = load_plan(out).plan  # what the checker would refuse is gone
    assert (plan.task_by_id["I.1"].content, plan.task_by_id["II.4"].content) == (["Việc thứ nhất."], ["Việc thứ tư."])
    assert plan.task_by_id["I.1"].lead.units == plan.task_by_id["II.3"].lead.units == ["phong-kinh-te"]
    assert report["cleaned"] == [
        "U+00A0 (dấu cách không ngắt dòng): 1 ký tự, thay bằng dấu cách; ở dòng 8.",
        "U+00AD (dấu gạch nối mềm): 1 ký tự, đã xóa; ở dòng 8.",
        "U+200B (dấu cách không độ rộng): 1 ký tự, đã xóa; ở dòng 8.",
        "U+202E (ký tự đảo chiều chữ): 1 ký tự, đã xóa; ở dòng 12.",
        "U+202F (dấu cách hẹp không ngắt dòng): 1 ký tự, thay bằng dấu cách; ở dòng 12.",
    ]


def test_the_report_of_a_character_met_everywhere_stays_one_short_line():
    leftovers = Leftovers()
    for n in range(1, 9):
        leftovers.note("Phòng\u00a0Kinh\u00a0tế", f"dòng {n}")
    assert leftovers.lines() == ["U+00A0 (dấu cách không ngắt dòng): 16 ký tự, thay bằng dấu cách; "
                                 "ở dòng 1, dòng 2, dòng 3 và 5 chỗ khác."]


def test_a_lead_cell_of_two_hundred_characters_gives_a_draft_the_checker_accepts(tmp_path):
    long_name = ("Ban Chỉ đạo thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021 - 2025 trên địa bàn xã gồm đại diện "
                 "lãnh đạo Đảng ủy Hội đồng nhân dân Ủy ban nhân dân xã cùng các tổ chức chính trị - xã hội ở thôn")
    text = (IMPORT / "headers.txt").read_text(encoding="utf-8")
    text = text.replace("2.\tViệc thứ hai.\tCông an xã", f"2.\tViệc thứ hai.\t{long_name}")
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "long.yaml"
    out.write_text(import_plan(tmp_path / "long.txt", None, out, ReviewList()), encoding="utf-8")
    plan = load_plan(out).plan
    [unit] = [plan.unit_by_id[u] for u in plan.task_by_id["I.2"].lead.units]
    assert unit.name == long_name and len(unit.id) <= MAX_ID
    assert plan.task_by_id["I.2"].lead.text == long_name  # the cell's wording, whole
