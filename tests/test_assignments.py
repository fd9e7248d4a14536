"""Who takes part in a task, on every fixture plan and on a plan with a group in a group: the one rule
(macros/plan/assignments.py) that the unit pages, the report check, Tra cứu and the periodic report read."""

from __future__ import annotations

import datetime as dt
import json

import lxml.html
import pytest

from helpers import NESTED, PLAN_DIRS, REFERENCE_DATE, XA_MAU, load_fixture, nested_groups
from macros import urls
from macros.exports.periodic_report.content import period_report
from macros.plan.assignments import assignments, membership
from macros.progress.state import progress_state
from macros.progress.updates import load_updates
from macros.site.facts import BuildFacts
from macros.site.pages import Site
from macros.site.render import render_page

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("name", sorted(PLAN_DIRS))
def test_a_unit_answers_for_what_names_it_and_what_its_groups_are_given(name):
    plan = load_fixture(PLAN_DIRS[name]).plan
    done = assignments(plan)
    for unit in plan.units:
        shares = done.shares(unit)
        # the fixtures put no group in a group: a unit's groups are its own member_of
        assert [(s.role, s.group) for s in shares] == [
            (role, group) for group in [None, *unit.member_of] for role in ("lead", "coordinating")
        ]
        for share in shares:
            cell = "lead" if share.role == "lead" else "coordinating"
            who = share.group or unit.id
            assert [t.id for t in share.tasks] == [t.id for t in plan.leaf_tasks if who in getattr(t, cell).units]


def test_tram_y_te_takes_part_in_xa_mau_as_read_by_hand():
    """tests/fixtures/plans/xa-mau/plan.yaml: the health station leads III.1, coordinates IV.1, and its group
    (khoi-chuyen-mon) leads IV.1 and coordinates III.1, II.1.b and IV.2."""
    plan = load_fixture(XA_MAU).plan
    shares = assignments(plan).shares(plan.unit_by_id["tram-y-te"])
    assert [(s.role, s.group, [t.id for t in s.tasks]) for s in shares] == [
        ("lead", None, ["III.1"]), ("coordinating", None, ["IV.1"]),
        ("lead", "khoi-chuyen-mon", ["IV.1"]), ("coordinating", "khoi-chuyen-mon", ["II.1.b", "III.1", "IV.2"]),
    ]


def test_a_group_in_a_group_is_followed_to_the_outer_groups_tasks(tmp_path):
    school, inner, outer, task_id = NESTED
    plan = load_fixture(nested_groups(tmp_path)).plan
    task = plan.task_by_id[task_id]
    groups = membership(plan)
    assert groups.above[school] == {inner: school, outer: inner}  # nearest first, each with the way up
    assert school in groups.below[outer] and school not in groups.direct[outer]
    assert groups.takes_part(school, task) and school in groups.participants(task)
    shares = assignments(plan).shares(plan.unit_by_id[school])
    assert ("coordinating", outer) in {(s.role, s.group) for s in shares if task in s.tasks}


def test_without_the_nesting_the_school_has_no_part_in_that_task():
    """The same question on xa-mau as it is: the test above can fail."""
    school, _, _, task_id = NESTED
    plan = load_fixture(XA_MAU).plan
    assert not membership(plan).takes_part(school, plan.task_by_id[task_id])


def test_every_reader_of_the_rule_follows_the_nesting(tmp_path):
    """The school's page, Tra cứu's data, the report form's data, the periodic report and `make check`
    all count the school in the task its outer group coordinates."""
    school, inner, outer, task_id = NESTED
    loaded = load_fixture(nested_groups(tmp_path / "plan"))
    plan = loaded.plan
    names = {u.id: u.name for u in plan.units}
    updates = tmp_path / "updates"
    updates.mkdir()
    (updates / "bao-cao.yaml").write_text(
        f'task: {task_id}\ndate: 2025-10-01\nstatus: dang-thuc-hien\nunit: {school}\nnote: "Đã họp"\n', encoding="utf-8")
    assert load_updates(updates, plan, REFERENCE_DATE).warnings == []  # no "không chủ trì, không phối hợp"
    state = progress_state(plan, loaded.warnings, updates, REFERENCE_DATE)
    site = Site(plan, state, BuildFacts(reference_date=REFERENCE_DATE))

    page = lxml.html.fromstring(render_page(site, site.page("unit", school)))
    section = page.xpath(f"//section[h2[contains(., '{names[outer]}')]]")[0]
    assert f"qua nhóm “{names[inner]}”" in section.text_content()
    assert task_id in section.text_content()

    lookup = json.loads(site.page_types["lookup"].files()[urls.LOOKUP_DATA])
    row = dict(zip(lookup["columns"], next(r for r in lookup["rows"] if r[0] == task_id), strict=True))
    assert school in row["coordinating_with_groups"]

    form = site.page_types["report_form"].data()  # type: ignore[attr-defined]
    task = next(t for s in form["sections"] for t in s["tasks"] if t["id"] == task_id)
    assert school in task["takes_part"]

    report = period_report(state, dt.date(2025, 7, 1), dt.date(2025, 9, 30), school)
    line = next(t for s in report.sections for t in s.tasks if t.id == task_id)
    assert line.roles == (f"phối hợp (qua nhóm “{names[outer]}”)",)
