"""Status, overdue flag, history and counts are computed from the reports, as citizens will read them."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import FIXTURES, KHONG_NHOM, REFERENCE_DATE, UPDATES_IN_PROJECT, XA_MAU, fixture_state, load_fixture
from macros.plan.loader import load_plan
from macros.progress.state import (
    DERIVED_LABELS,
    NOT_REPORTED,
    latest_updates,
    plan_progress,
    progress_state,
    summarise,
    task_progress,
)
from macros.progress.updates import Update, UpdateRecord, load_updates

pytestmark = pytest.mark.unit

FIX = FIXTURES / "updates"
TODAY = dt.date(2025, 10, 2)


@pytest.fixture(scope="module")
def small():
    plan = load_plan(FIX / "plan.yaml").plan
    return plan, load_updates(FIX / "updates", plan, TODAY).records


def record(task: str, date: str, status: str, name: str, unit: str = "ngan-hang") -> UpdateRecord:
    update = Update(task=task, date=date, status=status, unit=unit, reason="x")
    return UpdateRecord(update, f"{UPDATES_IN_PROJECT}/{name}.yaml", name)


def test_latest_report_gives_status_date_unit_and_history_newest_first(small):
    plan, records = small
    p = plan_progress(plan, records, TODAY)["I.1.a"]
    assert (p.status, p.label, p.last_date, p.last_unit) == ("hoan-thanh", "Hoàn thành", dt.date(2025, 10, 1), "phong-van-hoa")
    assert [r.update.date.isoformat() for r in p.history] == ["2025-10-01", "2025-09-15", "2025-08-01"]
    assert p.history[0].update.evidence.link == "https://example.org/12-bc-vhxh.pdf"
    assert not p.overdue


def test_a_task_without_reports_is_not_reported_which_is_not_the_same_as_not_started(small):
    plan, _ = small
    p = plan_progress(plan, [], TODAY)["I.1.a"]
    assert (p.status, p.label, p.last_date, p.history) == (NOT_REPORTED, "Chưa có báo cáo", None, ())
    assert p.label != DERIVED_LABELS["chua-bat-dau"]


def test_headings_have_no_progress_of_their_own(small):
    plan, records = small
    assert list(plan_progress(plan, records, TODAY)) == ["I.1.a", "I.2", "II.1"]


@pytest.mark.parametrize(
    "today, status, overdue",
    [
        (dt.date(2025, 9, 30), "dang-thuc-hien", False),  # the due day itself is on time
        (dt.date(2025, 10, 1), "dang-thuc-hien", True),
        (dt.date(2025, 10, 1), "tam-dung", True),
        (dt.date(2025, 10, 1), "chua-bat-dau", True),
        (dt.date(2025, 10, 1), "hoan-thanh", False),
        (dt.date(2025, 10, 1), "khong-thuc-hien", False),
    ],
)
def test_overdue_is_computed_from_due_date_and_status(small, today, status, overdue):
    plan, _ = small
    task = plan.task_by_id["II.1"]  # due 2025-09-30
    assert task_progress(task, [record("II.1", "2025-09-01", status, "a")], today).overdue is overdue


def test_a_task_never_reported_is_overdue_once_its_due_date_has_passed(small):
    plan, _ = small
    assert task_progress(plan.task_by_id["II.1"], [], TODAY).overdue
    assert not task_progress(plan.task_by_id["I.1.a"], [], TODAY).overdue  # no due date


def test_reports_on_the_same_day_are_ordered_by_file_name_whatever_the_input_order(small):
    plan, _ = small
    a = record("II.1", "2025-09-01", "dang-thuc-hien", "2025-09-01-a")
    b = record("II.1", "2025-09-01", "hoan-thanh", "2025-09-01-b")
    for given in ([a, b], [b, a]):
        p = task_progress(plan.task_by_id["II.1"], given, TODAY)
        assert p.status == "hoan-thanh" and [r.id for r in p.history] == ["2025-09-01-b", "2025-09-01-a"]


def test_counts_for_the_plan_each_section_and_each_lead_unit(small):
    plan, records = small
    summary = summarise(plan, plan_progress(plan, records, TODAY))
    assert summary.plan.total == 3 and summary.plan.overdue == 1 and summary.plan.done == 1
    assert summary.plan.counts == {
        "chua-bat-dau": 0, "dang-thuc-hien": 1, "hoan-thanh": 1, "tam-dung": 1, "khong-thuc-hien": 0, NOT_REPORTED: 0,
    }
    assert (summary.sections["I"].total, summary.sections["II"].total, summary.sections["II"].overdue) == (2, 1, 1)
    assert summary.units["phong-van-hoa"].counts["hoan-thanh"] == 1
    assert summary.units["cac-co-quan"].counts["tam-dung"] == 1  # the group leads I.2
    assert summary.units["cong-an"].total == 0  # coordinates only


def test_latest_updates_across_tasks(small):
    _, records = small
    assert [r.id for r in latest_updates(records, 2)] == ["2025-10-01-i-1-a-phong-van-hoa", "2025-09-20-i-2-phong-van-hoa"]
    assert len(latest_updates(records, None)) == 5


# --- the xa-mau plan and its reports: a mix of sample and real reports, at the fixed reference date ---


def test_samples_and_real_reports_are_told_apart(state):
    examples = sorted(r.id for r in state.records if r.update.example)
    assert examples == ["2025-08-05-i-1-van-phong", "2025-09-02-i-1-van-phong", "2025-09-25-iii-1-tram-y-te",
                        "2025-10-01-i-1-van-phong"]
    assert state.has_examples and len(state.records) == 7


def test_reports_show_every_status_an_overdue_task_and_a_long_history(state):
    progress = state.tasks
    assert {p.status for p in progress.values()} == set(DERIVED_LABELS)
    overdue = progress["II.1.a"]
    assert overdue.overdue and overdue.status == "dang-thuc-hien" and overdue.due == dt.date(2025, 9, 30)
    assert [p.task_id for p in progress.values() if p.overdue] == ["II.1.a"]
    assert not progress["II.1.b"].overdue  # due 31/12/2025, still ahead
    assert [r.update.status for r in progress["I.1"].history] == ["hoan-thanh", "dang-thuc-hien", "chua-bat-dau"]


def test_progress_state_gives_the_site_everything_at_the_reference_date():
    state = fixture_state(XA_MAU, REFERENCE_DATE)
    assert state.today == REFERENCE_DATE and state.warnings == []
    assert state.summary.plan.total == 11 and state.summary.plan.overdue == 1 and state.summary.plan.done == 1
    assert state.summary.units["cac-truong-hoc"].counts["chua-bat-dau"] == 1  # the group leads I.3
    assert state.summary.units["tram-y-te"].counts["tam-dung"] == 1
    small = load_plan(FIX / "plan.yaml")
    smaller = progress_state(small.plan, small.warnings, FIX / "updates", TODAY)
    assert len(smaller.records) == 5 and not smaller.has_examples and smaller.tasks["II.1"].overdue


def test_a_plan_without_reports_or_due_dates_is_all_not_reported_and_never_overdue():
    state = fixture_state(KHONG_NHOM, dt.date(2030, 1, 1))
    plan = load_fixture(KHONG_NHOM).plan
    assert state.records == [] and not state.has_examples
    assert {p.status for p in state.tasks.values()} == {NOT_REPORTED} and len(state.tasks) == len(plan.leaf_tasks)
    assert state.summary.plan.overdue == 0
