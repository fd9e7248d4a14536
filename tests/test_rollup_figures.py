"""A rollup's figures (macros/rollup/figures.py): counted as the members' own files say, stale after 90 days
without a report, and the cascade names the parent tasks nobody carries out."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bench.members import PROVINCE_NUMBER, gap_tasks, province_plan
from helpers import REFERENCE_DATE
from macros.progress.state import NOT_REPORTED
from macros.rollup.contract import read_member
from macros.rollup.figures import Rollup, counts_of, is_stale
from macros.rollup.members import Member, Roster, member_slug
from macros.rollup.model import STATUSES, Counts, HarvestRecord, MemberPlan, MemberRollup
from macros.rollup.snapshot import MemberEntry
from member_server import member_bytes

pytestmark = pytest.mark.unit

NOW = dt.datetime(2025, 10, 15, 1, 0, tzinfo=dt.UTC)


def own_counts(data: bytes) -> dict[str, object]:
    """A member's figures counted straight from its plan.json, as a reader of the open data would."""
    document = json.loads(data)
    leaves = [t for t in document["tasks"] if not t["heading"]]
    dates = [u["date"] for u in document["updates"]] + [t["status"]["last_date"] for t in leaves if t["status"]["last_date"]]
    return {
        "tasks": len(leaves),
        "statuses": {s: sum(1 for t in leaves if t["status"]["status"] == s) for s in STATUSES},
        "overdue": sum(1 for t in leaves if t["status"]["overdue"]),
        "reported": sum(1 for t in leaves if t["status"]["last_date"] or t["status"]["status"] != NOT_REPORTED),
        "last_report": max(dates, default=None),
    }


@pytest.mark.parametrize(("index", "stale"), [(1, False), (2, False), (4, False), (7, True)])
def test_a_members_figures_are_what_its_own_file_says(index, stale):
    data = member_bytes(index, stale)
    counts = counts_of(read_member(data, "plan"))
    assert counts.model_dump(mode="json") == own_counts(data)
    assert counts.tasks > 0 and sum(counts.statuses.values()) == counts.tasks


@pytest.mark.parametrize(("days", "stale"), [(0, False), (89, False), (90, True), (91, True)])
def test_a_member_is_stale_after_90_days_without_a_report(days, stale):
    assert is_stale(Counts(tasks=3, last_report=REFERENCE_DATE - dt.timedelta(days=days)), REFERENCE_DATE) is stale


def test_a_member_that_never_reported_is_stale():
    assert is_stale(Counts(tasks=3), REFERENCE_DATE)
    assert is_stale(counts_of(read_member(member_bytes(3, stale=True), "plan")), REFERENCE_DATE)
    assert not is_stale(counts_of(read_member(member_bytes(3), "plan")), REFERENCE_DATE)


def entry(index: int, *, data: MemberPlan | MemberRollup | None = None, failed: bool = False) -> MemberEntry:
    member = Member(name=f"Xã Số {index}", code=f"{index:05d}", plan_json=f"https://xa-{index}.example.gov.vn/du-lieu/plan.json")
    record = HarvestRecord(source=member.source, outcome="loi" if failed else "moi", checked=NOW, last_good=NOW,
                           reason="máy chủ trả lời 500 (lỗi máy chủ)." if failed else None)
    return MemberEntry(member_slug(member), member, record, data)


def rollup_of(entries: list[MemberEntry]) -> Rollup:
    roster = Roster("data/rollup.yaml", False, [(e.slug, e.member) for e in entries])
    return Rollup(roster, entries, REFERENCE_DATE, province_plan())


def test_the_cascade_names_for_each_parent_task_who_implements_it_and_who_does_not():
    parent = province_plan()
    documents = {i: json.loads(member_bytes(i)) for i in range(1, 6)}
    readable = [entry(i, data=read_member(member_bytes(i), "plan")) for i in documents]
    unread = entry(9)
    other_plan = json.loads(member_bytes(6))
    for task in other_plan["tasks"]:  # a member that implements another province's plan counts for nothing here
        for link in task.get("implements", []):
            link.update(plan_number="99/KH-UBND", plan="khac")
    elsewhere = entry(6, data=read_member(json.dumps(other_plan).encode(), "plan"))
    rollup = rollup_of([*readable, elsewhere, unread])

    cascade = rollup.cascade
    assert list(cascade) == [t.id for t in parent.leaf_tasks]
    for gap in gap_tasks(parent):
        row = cascade[gap]
        assert row.implementing == []
        assert [e.slug for e in row.missing] == [e.slug for e in [*readable, elsewhere]]
        assert row.unknown == [unread]
    for task in parent.leaf_tasks:
        expected = [(i, t["id"]) for i, document in documents.items() for t in document["tasks"]
                    if not t["heading"] for link in t.get("implements", [])
                    if link["task"] == task.id and link["plan_number"] == PROVINCE_NUMBER]
        found = [(int(i.entry.member.code or 0), i.task.id) for i in cascade[task.id].implementing]
        assert found == expected, task.id
        assert {e.slug for e in cascade[task.id].missing} == {
            e.slug for e in [*readable, elsewhere] if int(e.member.code or 0) not in {i for i, _ in expected}}
    assert sum(len(row.implementing) for row in cascade.values()) > 10  # the generated members do implement it


def test_the_total_adds_every_member_with_data_and_a_failed_one_is_shown_as_outdated():
    fresh = entry(1, data=read_member(member_bytes(1), "plan"))
    failed = entry(2, data=read_member(member_bytes(2), "plan"), failed=True)
    rollup = rollup_of([fresh, failed, entry(3)])
    one, two, none = rollup.figures
    assert rollup.total.tasks == one.counts.tasks + two.counts.tasks  # type: ignore[union-attr]
    assert (one.outdated, two.outdated, none.outdated) == (False, True, False)
    assert none.counts is None and none.stale
    assert rollup.figures_by_slug[fresh.slug] is one


def test_a_rollup_members_figures_add_up_its_available_rows():
    document = {"export": {"format": "ke-hoach-tong-hop", "version": 1}, "rollup": {"title": "Tỉnh Bình Sơn"},
                "members": [
                    {"name": "Xã An", "counts": {"tasks": 4, "statuses": {"hoan-thanh": 3, "dang-thuc-hien": 1},
                                                 "overdue": 1, "reported": 4, "last_report": "2025-10-01"}},
                    {"name": "Xã Bình", "counts": {"tasks": 2, "statuses": {"hoan-thanh": 2}, "reported": 2,
                                                   "last_report": "2025-10-10"}},
                    {"name": "Xã Vắng", "available": False, "counts": {"tasks": 50, "statuses": {"hoan-thanh": 50}}},
                ]}  # fmt: skip
    counts = counts_of(read_member(json.dumps(document).encode(), "rollup"))
    assert (counts.tasks, counts.overdue, counts.reported, counts.last_report) == (6, 1, 6, dt.date(2025, 10, 10))
    assert counts.statuses["hoan-thanh"] == 5 and counts.statuses["dang-thuc-hien"] == 1
