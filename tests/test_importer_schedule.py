""""Thời gian thực hiện" cells in the forms agencies write: each read to a due date and recurrences, and every
reading that rests on a convention (a school year ends on 31/5, a period at its last year's end) in the review list.

The table is written here, one task per form, and imported as a clerk would import it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from macros.importer import import_plan
from macros.importer.review import ReviewList
from macros.plan.loader import load_plan
from macros.plan.model import Plan

pytestmark = pytest.mark.unit

# form → (kinds, due, precision, what the review list says after the cell's text; None when it says nothing)
FORMS: dict[str, tuple[list[str], dt.date | None, str, str | None]] = {
    "Năm học 2025 - 2026": (
        [], dt.date(2026, 5, 31), "month", "năm học 2025 - 2026: đã coi hạn là cuối năm học 31/5/2026 — cần xem lại"),
    "năm học 2025-2026": (
        [], dt.date(2026, 5, 31), "month", "năm học 2025 - 2026: đã coi hạn là cuối năm học 31/5/2026 — cần xem lại"),
    "năm học 2025–2026": (
        [], dt.date(2026, 5, 31), "month", "năm học 2025 - 2026: đã coi hạn là cuối năm học 31/5/2026 — cần xem lại"),
    "Đầu năm học 2025 - 2026": (
        [], dt.date(2025, 9, 30), "month", "năm học 2025 - 2026: đã coi hạn là đầu năm học 30/9/2025 — cần xem lại"),
    "đầu năm học": ([], None, "day", "đầu năm học: không nêu năm nên chưa đặt hạn — cần xem lại"),
    "6 tháng đầu năm 2026": ([], dt.date(2026, 6, 30), "month", None),
    "6 tháng cuối năm 2025": ([], dt.date(2025, 12, 31), "month", None),
    "giai đoạn 2026 - 2030": (
        [], dt.date(2030, 12, 31), "year", "giai đoạn 2026 - 2030: đã coi hạn là cuối giai đoạn 31/12/2030 — cần xem lại"),
    "Quý IV/2025 và các năm tiếp theo": (
        ["hang-nam"], dt.date(2025, 12, 31), "quarter",
        "các năm tiếp theo: hạn 31/12/2025 cho lần đầu, sau đó lặp lại hằng năm — cần xem lại"),
    "trước ngày 15/10 hằng năm": (
        ["hang-nam"], None, "day", "15/10: không nêu năm nên lặp lại hằng năm, không có một hạn duy nhất — cần xem lại"),
    "Tháng 9 hằng năm": (
        ["hang-nam"], None, "day", "Tháng 9: không nêu năm nên lặp lại hằng năm, không có một hạn duy nhất — cần xem lại"),
    "trước 30/6/2026": ([], dt.date(2026, 6, 30), "day", None),
    "chậm nhất ngày 31/12/2025": ([], dt.date(2025, 12, 31), "day", None),
    "Năm 2025 và giai đoạn 2026 - 2030 (hoàn thành trong quý III/2025)": (
        [], dt.date(2025, 9, 30), "quarter", "có 3 mốc thời gian; đã chọn hạn 2025-09-30 (quarter)"),
    "2025 - 2026": ([], dt.date(2026, 12, 31), "year", None),  # two calendar years, no school year: as before
}  # fmt: skip


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, ReviewList]:
    folder: Path = tmp_path_factory.mktemp("thoi-gian")
    rows = ["STT\tNội dung\tChủ trì\tPhối hợp\tSản phẩm\tThời gian", "I\tPhần"]
    rows += [f"{n}\tViệc {n}.\tPhòng Kinh tế\t\tBáo cáo\t{form}" for n, form in enumerate(FORMS, start=1)]
    source = folder / "thoi-gian.txt"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = ReviewList()
    out = folder / "thoi-gian.yaml"
    out.write_text(import_plan(source, None, out, report), encoding="utf-8")
    return load_plan(out).plan, report


@pytest.mark.parametrize("form", list(FORMS))
def test_each_form_is_read_and_doubts_are_listed(imported, form):
    plan, report = imported
    task = next(t for t in plan.tasks if t.schedule.text == form)
    kinds, due, precision, review = FORMS[form]
    assert (task.schedule.kinds, task.schedule.due, task.schedule.due_precision) == (kinds, due, precision)
    listed = [n for n in report["schedule"] if n.startswith(f'{task.id}: "')]
    assert listed == ([f'{task.id}: "{form}" — {review}.'] if review else [])


def test_the_yearly_kind_a_cell_implies_is_in_the_registry(imported):
    plan, _ = imported
    assert "hang-nam" in {s.id for s in plan.schedules}
