"""What the updates mean for each task and for the plan as a whole.

Everything here is computed, never typed: a clerk reports a status on a
date; whether a task is overdue follows from its due date and the build's
reference date. Pure functions of (plan, updates, reference date), so the
site, the diff and the tests all agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..plan.model import Plan, Task
from ..plan.problems import Problem
from .updates import STATUS_LABELS, UpdateRecord, load_updates

NOT_REPORTED = "chua-co-bao-cao"
OVERDUE_LABEL = "Quá hạn"
CLOSED = frozenset({"hoan-thanh", "khong-thuc-hien"})

# Every status a task can be shown with, in the order charts and legends list them.
DERIVED_LABELS: dict[str, str] = {**STATUS_LABELS, NOT_REPORTED: "Chưa có báo cáo"}


@dataclass(frozen=True)
class TaskProgress:
    """The state of one task as the site shows it."""

    task_id: str
    status: str  # a value of STATUS_LABELS, or NOT_REPORTED
    last_date: dt.date | None
    last_unit: str | None
    history: tuple[UpdateRecord, ...]  # newest first
    overdue: bool
    due: dt.date | None

    @property
    def label(self) -> str:
        return DERIVED_LABELS[self.status]


@dataclass(frozen=True)
class StatusCounts:
    """How many tasks are in each status; ``overdue`` counts across statuses."""

    counts: dict[str, int]  # every key of DERIVED_LABELS, in that order, zeros included
    overdue: int
    total: int

    @property
    def done(self) -> int:
        return self.counts["hoan-thanh"]


@dataclass(frozen=True)
class ProgressSummary:
    plan: StatusCounts
    sections: dict[str, StatusCounts]  # section id → counts of its tasks
    units: dict[str, StatusCounts]  # unit id → counts of the tasks it leads (named in "lead")


def newest_first(records: Iterable[UpdateRecord]) -> list[UpdateRecord]:
    """Newest date first; on the same date, the file name decides (later name first)."""
    return sorted(records, key=UpdateRecord.sort_key, reverse=True)


def is_overdue(task: Task, status: str, today: dt.date) -> bool:
    """Past its due date (the due day itself is still on time) and neither done nor dropped."""
    due = task.schedule.due
    return due is not None and due < today and status not in CLOSED


def task_progress(task: Task, records: Iterable[UpdateRecord], today: dt.date) -> TaskProgress:
    """The state of ``task`` from the updates about it (other tasks' updates are ignored)."""
    history = tuple(newest_first(r for r in records if r.update.task == task.id))
    latest = history[0].update if history else None
    status = latest.status if latest else NOT_REPORTED
    return TaskProgress(
        task_id=task.id,
        status=status,
        last_date=latest.date if latest else None,
        last_unit=latest.unit if latest else None,
        history=history,
        overdue=is_overdue(task, status, today),
        due=task.schedule.due,
    )


def plan_progress(plan: Plan, records: Iterable[UpdateRecord], today: dt.date) -> dict[str, TaskProgress]:
    """Task id → progress for every task that has work of its own (headings have none).

    Reports are sorted to their tasks in one pass, so a plan of thousands of
    tasks with thousands of reports costs no more than reading them."""
    by_task: dict[str, list[UpdateRecord]] = {}
    for record in records:
        by_task.setdefault(record.update.task, []).append(record)
    return {task.id: task_progress(task, by_task.get(task.id, []), today) for task in plan.leaf_tasks}


def count(progress: Iterable[TaskProgress]) -> StatusCounts:
    items = list(progress)
    counts = {key: 0 for key in DERIVED_LABELS}
    for item in items:
        counts[item.status] += 1
    return StatusCounts(counts, sum(item.overdue for item in items), len(items))


def summarise(plan: Plan, progress: dict[str, TaskProgress]) -> ProgressSummary:
    """Counts for the whole plan, per section and per lead unit (for the home page's charts).

    A task led by two units counts once for each; a unit is counted for the
    tasks where it is named itself, not through a group it belongs to,
    because that is what the plan holds it to."""
    by_section: dict[str, list[TaskProgress]] = {s.id: [] for s in plan.sections}
    by_unit: dict[str, list[TaskProgress]] = {u.id: [] for u in plan.units}
    for task_id, state in progress.items():  # one pass over the tasks
        task = plan.task_by_id[task_id]
        by_section[task.section_id].append(state)
        for unit_id in dict.fromkeys(task.lead.units):
            by_unit[unit_id].append(state)
    return ProgressSummary(
        plan=count(progress.values()),
        sections={section_id: count(states) for section_id, states in by_section.items()},
        units={unit_id: count(states) for unit_id, states in by_unit.items()},
    )


def latest_updates(records: Iterable[UpdateRecord], limit: int | None = 10) -> list[UpdateRecord]:
    """The most recent reports across all tasks, newest first (home page list, Atom feed)."""
    ordered = newest_first(records)
    return ordered if limit is None else ordered[:limit]


@dataclass(frozen=True)
class PlanState:
    """Everything the site shows about progress, computed once per build."""

    plan: Plan
    records: list[UpdateRecord]
    today: dt.date  # the reference date
    tasks: dict[str, TaskProgress]
    summary: ProgressSummary
    warnings: list[Problem]

    @property
    def has_examples(self) -> bool:
        """True while sample reports remain, so the site can say so."""
        return any(r.update.example for r in self.records)


def progress_state(
    plan: Plan,
    warnings: list[Problem],
    updates_dir: Path,
    today: dt.date,
    display: str | None = None,
    plan_file: str = "data/plan.yaml",
) -> PlanState:
    """Progress for an already loaded plan, so a build reads plan.yaml once.

    The one function here that reads files (the updates); raises
    :class:`~macros.plan.problems.DataError` like ``make check``."""
    updates = load_updates(updates_dir, plan, today, display=display, plan_file=plan_file)
    return state_of(plan, updates.records, today, warnings + updates.warnings)


def state_of(plan: Plan, records: list[UpdateRecord], today: dt.date, warnings: list[Problem]) -> PlanState:
    """Progress from reports already read and checked (see :func:`macros.build.project.load_project`)."""
    tasks = plan_progress(plan, records, today)
    return PlanState(plan, records, today, tasks, summarise(plan, tasks), warnings)
