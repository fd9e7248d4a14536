"""The numbers a province's monitor reads: per member, and per task of the rollup's own plan (the cascade).

Computed from the snapshot alone, on the build's reference date, so the overview, ``rollup.json``, the
periodic report and the tests all count the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from functools import cached_property

from ..plan.model import Plan
from ..progress.refdate import VIETNAM
from ..progress.state import CLOSED, NOT_REPORTED
from ..text import same_issuer, same_number
from .members import Roster
from .model import STALE_DAYS, STATUSES, Counts, MemberPlan, MemberRollup, MemberTask
from .snapshot import MemberEntry


def counts_of(data: MemberPlan | MemberRollup) -> Counts:
    """A plan's leaf tasks counted by status; a rollup's rows added up (its unavailable members count nothing)."""
    if isinstance(data, MemberRollup):
        return add_up(row.counts for row in data.members if row.available)
    statuses = {s: 0 for s in STATUSES}
    tasks = data.leaf_tasks
    for task in tasks:
        statuses[task.status] += 1
    dates = [r.date for r in data.reports] + [t.last_date for t in tasks if t.last_date]
    return Counts(
        tasks=len(tasks),
        statuses=statuses,
        overdue=sum(1 for t in tasks if t.overdue),
        reported=sum(1 for t in tasks if t.last_date is not None or t.status != NOT_REPORTED),
        last_report=max(dates, default=None),
    )


def add_up(many: object) -> Counts:
    total = Counts()
    statuses = dict(total.statuses)
    tasks = overdue = reported = 0
    last: dt.date | None = None
    for c in many:  # type: ignore[attr-defined]
        tasks, overdue, reported = tasks + c.tasks, overdue + c.overdue, reported + c.reported
        for s in STATUSES:
            statuses[s] += c.statuses.get(s, 0)
        if c.last_report and (last is None or c.last_report > last):
            last = c.last_report
    return Counts(tasks=tasks, statuses=statuses, overdue=overdue, reported=reported, last_report=last)


def is_stale(counts: Counts, today: dt.date) -> bool:
    """No report for :data:`STALE_DAYS` days, or none at all."""
    return counts.last_report is None or (today - counts.last_report).days >= STALE_DAYS


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class MemberFigures:
    entry: MemberEntry
    counts: Counts | None
    """None: no good copy, nothing to count."""
    stale: bool

    @property
    def done(self) -> int:
        return self.counts.statuses.get("hoan-thanh", 0) if self.counts else 0

    @property
    def done_share(self) -> float:
        return share(self.done, self.counts.tasks) if self.counts else 0.0

    @property
    def reported_share(self) -> float:
        return share(self.counts.reported, self.counts.tasks) if self.counts else 0.0

    @property
    def outdated(self) -> bool:
        """Shown from a last good copy older than the last harvest (it failed since)."""
        return self.entry.available and self.entry.record is not None and self.entry.record.outcome == "loi"

    @property
    def good_until(self) -> dt.date | None:
        """The day (in Vietnam) of the copy shown: when it was harvested, else the day the member made it."""
        record, data = self.entry.record, self.entry.data
        if record is not None and record.last_good is not None:
            return record.last_good.astimezone(VIETNAM).date()
        return data.generated if data is not None else None

    @property
    def checked_on(self) -> dt.date | None:
        """The day (in Vietnam) of the member's last harvest, whatever its outcome."""
        record = self.entry.record
        return record.checked.astimezone(VIETNAM).date() if record is not None else None


@dataclass(frozen=True)
class Implementation:
    entry: MemberEntry
    task: MemberTask


@dataclass(frozen=True)
class CascadeRow:
    """Who carries out one task of the rollup's own plan, and who does not (the cascade's gap)."""

    parent: str
    implementing: list[Implementation]
    missing: list[MemberEntry]
    """Members with a plan and no task implementing this one."""
    unknown: list[MemberEntry]
    """Members whose tasks cannot be read here (no good copy, or a rollup member)."""


class Rollup:
    """The members of a rollup on a reference date, with their figures and, given the rollup's own plan, its cascade."""

    def __init__(self, roster: Roster, entries: list[MemberEntry], today: dt.date, plan: Plan | None = None):
        self.roster = roster
        self.entries = entries
        self.today = today
        self.plan = plan

    @cached_property
    def figures(self) -> list[MemberFigures]:
        out = []
        for entry in self.entries:
            counts = counts_of(entry.data) if entry.data is not None else None
            out.append(MemberFigures(entry, counts, counts is None or is_stale(counts, self.today)))
        return out

    @cached_property
    def figures_by_slug(self) -> dict[str, MemberFigures]:
        return {f.entry.slug: f for f in self.figures}

    @cached_property
    def total(self) -> Counts:
        return add_up(f.counts for f in self.figures if f.counts is not None)

    @cached_property
    def cascade(self) -> dict[str, CascadeRow]:
        """Per leaf task of the own plan (none without one): the member tasks that say they implement it."""
        if self.plan is None:
            return {}
        parents = [t.id for t in self.plan.leaf_tasks]
        found: dict[str, dict[str, list[Implementation]]] = {p: {} for p in parents}
        readable = [e for e in self.entries if isinstance(e.data, MemberPlan)]
        own = functools.cache(self.is_own_plan)  # the same few (number, issuer) pairs on every link: fold them once
        for entry in readable:
            assert isinstance(entry.data, MemberPlan)
            for task in entry.data.leaf_tasks:
                for link in task.implements:
                    if link.task in found and own(link.plan_number, link.plan_issuer):
                        found[link.task].setdefault(entry.slug, []).append(Implementation(entry, task))
        unknown = [e for e in self.entries if not isinstance(e.data, MemberPlan)]
        return {
            p: CascadeRow(
                parent=p,
                implementing=[i for e in readable for i in found[p].get(e.slug, [])],
                missing=[e for e in readable if e.slug not in found[p]],
                unknown=unknown,
            )
            for p in parents
        }

    def is_own_plan(self, number: str | None, issuer: str | None) -> bool:
        """A member names the parent plan by its number (and issuer) as its legal basis cites it ("UBND tỉnh …"),
        compared as ``make link`` compares them."""
        if self.plan is None or not number or not self.plan.plan.number:
            return False
        if not same_number(number, self.plan.plan.number):
            return False
        return not issuer or same_issuer(issuer, self.plan.plan.issuer)


def open_tasks(data: MemberPlan) -> list[MemberTask]:
    """A member's overdue tasks, most overdue first."""
    late = [t for t in data.leaf_tasks if t.overdue and t.status not in CLOSED]
    return sorted(late, key=lambda t: (t.due or dt.date.max, t.id))
