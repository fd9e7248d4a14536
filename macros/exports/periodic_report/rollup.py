"""The rollup's periodic report: how the members carry out the rollup's own plan, as typed data.

A province reports to its superior on its communes as a commune reports on its units, so this report
has the periodic report's layout (:mod:`.rollup_document`, on :mod:`.document`'s heading, type and
signature blocks) and reads only the snapshot, through :class:`macros.rollup.figures.Rollup`, like the
overview and ``rollup.json``.

What the period means here: a member's status and "quá hạn" are those its own site published in the last
harvest (the rollup holds no older state of a member, so they cannot be judged at the period's end); the
period selects the members' progress reports that are counted ("báo cáo trong kỳ"), those dated from its
first day to its last, or to the data's reference date when that comes first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ...plan.model import Plan
from ...progress.state import DERIVED_LABELS
from ...rollup.figures import MemberFigures, Rollup, open_tasks, share
from ...rollup.members import level_label
from ...rollup.model import Counts, MemberPlan
from ...text import content_text, vn_date
from ..rollup_table import member_state
from .content import PeriodError, inside_sentence, period_words
from .issuer import Issuer, issuer

TEXT_SHOWN = 160
"""Characters of a parent task's text shown beside its id; the whole text is on the rollup's task page."""


@dataclass(frozen=True)
class MemberLine:
    """One member, as the report's table and lists show it."""

    name: str
    level: str
    counts: Counts | None
    """None: no good copy, nothing counted."""
    state: str
    """How far its figures can be trusted (up to date, last good copy, no data and why)."""
    available: bool
    outdated: bool
    """Counted from its last good copy: the last harvest failed."""
    stale: bool
    """No progress report for :data:`macros.rollup.model.STALE_DAYS` days (or none at all)."""
    reports: int | None
    """Progress reports dated within the period; None for a member that is itself a rollup (its file lists none)."""
    overdue_tasks: tuple[str, ...]
    """Its overdue tasks, "I.1 (hạn 30/9/2025)", most overdue first (none for a rollup member: see its own report)."""

    def status(self, key: str) -> int:
        return self.counts.statuses.get(key, 0) if self.counts else 0

    @property
    def reported_share(self) -> float:
        return share(self.counts.reported, self.counts.tasks) if self.counts else 0.0


@dataclass(frozen=True)
class ParentLine:
    """A leaf task of the rollup's own plan and the member tasks that say they implement it."""

    id: str
    text: str
    members: int
    """Members with at least one implementing task."""
    by_status: tuple[tuple[str, int], ...]
    """(label, implementing tasks), every status in the site's order, zeros included."""
    tasks: int
    overdue: int
    missing: tuple[str, ...]
    """Members with a readable plan and no task implementing this one (the cascade's gap), by name."""


@dataclass(frozen=True)
class RollupReport:
    plan_title: str
    plan_number: str | None
    issuer: Issuer
    start: dt.date
    end: dt.date
    as_of: dt.date
    whom: str
    """The members as the title names them: "các xã, phường", or "các đơn vị thành viên"."""
    members: tuple[MemberLine, ...]
    parents: tuple[ParentLine, ...]
    unknown: tuple[str, ...]
    """Members whose tasks this report cannot read (no good copy, or a member that is itself a rollup)."""
    readable: int
    """Members whose tasks it reads: the members the gaps are counted among."""
    total: Counts
    harvested: dt.date | None
    """The last harvest (UTC date), the day the members' states were read."""

    @property
    def period_words(self) -> str:
        return period_words(self.start, self.end)

    @property
    def summary(self) -> str:
        return f"Tổng hợp tình hình thực hiện {inside_sentence(self.plan_title)} tại {self.whom} {self.period_words}"

    @property
    def reports(self) -> int:
        return sum(m.reports or 0 for m in self.members)

    @property
    def overdue_members(self) -> tuple[MemberLine, ...]:
        return tuple(m for m in self.members if m.counts is not None and m.counts.overdue)

    @property
    def unavailable(self) -> tuple[MemberLine, ...]:
        return tuple(m for m in self.members if not m.available)

    @property
    def cut_short(self) -> bool:
        return self.as_of < self.end


def rollup_report(rollup: Rollup, site_plan: Plan, start: dt.date, end: dt.date) -> RollupReport:
    """The report on [start, end]; raises :class:`PeriodError` for a period that cannot be reported on."""
    today = rollup.today
    if start > end:
        raise PeriodError(f"ngày bắt đầu ({vn_date(start)}) ở sau ngày kết thúc ({vn_date(end)}) của kỳ báo cáo.")
    if start > today:
        raise PeriodError(f"kỳ báo cáo bắt đầu ngày {vn_date(start)}, sau ngày tham chiếu của dữ liệu ({vn_date(today)}); "
                          "chưa có báo cáo tiến độ nào cho kỳ này.")
    as_of = min(end, today)
    plan = rollup.plan or site_plan
    checked = [day for f in rollup.figures if (day := f.checked_on) is not None]
    return RollupReport(
        plan_title=plan.plan.title,
        plan_number=plan.plan.number,
        issuer=issuer(plan.plan),
        start=start,
        end=end,
        as_of=as_of,
        whom=_whom(rollup),
        members=tuple(_member(f, start, as_of) for f in rollup.figures),
        parents=_parents(rollup, rollup.plan) if rollup.plan is not None else (),
        unknown=tuple(e.member.name for e in rollup.entries if not isinstance(e.data, MemberPlan)),
        readable=sum(isinstance(e.data, MemberPlan) for e in rollup.entries),
        total=rollup.total,
        harvested=max(checked, default=None),
    )


def rollup_period(rollup: Rollup, own: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date]:
    """The period of the report the site offers: the own plan's (its date to the reference date) when it has
    one, else from the members' earliest report (or the reference date itself) to the reference date."""
    if own is not None:
        return own
    dates = [r.date for e in rollup.entries if isinstance(e.data, MemberPlan) for r in e.data.reports]
    return min([*dates, rollup.today]), rollup.today


def _whom(rollup: Rollup) -> str:
    levels = [level_label(e.member.level).lower() for e in rollup.entries]
    if not levels or not all(levels):
        return "các đơn vị thành viên"
    return "các " + ", ".join(dict.fromkeys(levels))


def _member(figures: MemberFigures, start: dt.date, as_of: dt.date) -> MemberLine:
    entry, data = figures.entry, figures.entry.data
    reports: int | None = None
    overdue: tuple[str, ...] = ()
    if isinstance(data, MemberPlan):
        reports = sum(start <= r.date <= as_of for r in data.reports)
        overdue = tuple(t.id + (f" (hạn {vn_date(t.due)})" if t.due else "") for t in open_tasks(data))
    return MemberLine(
        name=entry.member.name,
        level=level_label(entry.member.level),
        counts=figures.counts,
        state=member_state(figures),
        available=entry.available,
        outdated=figures.outdated,
        stale=figures.counts is not None and figures.stale,
        reports=reports,
        overdue_tasks=overdue,
    )


def _parents(rollup: Rollup, plan: Plan) -> tuple[ParentLine, ...]:
    lines = []
    for task in plan.leaf_tasks:
        row = rollup.cascade.get(task.id)
        implementing = row.implementing if row else []
        statuses = {key: 0 for key in DERIVED_LABELS}
        for item in implementing:
            statuses[item.task.status] += 1
        text = content_text(task.content, plain=True, separator=" ")
        lines.append(ParentLine(
            id=task.id,
            text=text if len(text) <= TEXT_SHOWN else text[: TEXT_SHOWN - 1].rstrip() + "…",
            members=len({i.entry.slug for i in implementing}),
            by_status=tuple((DERIVED_LABELS[key], n) for key, n in statuses.items()),
            tasks=len(implementing),
            overdue=sum(i.task.overdue for i in implementing),
            missing=tuple(e.member.name for e in row.missing) if row else (),
        ))
    return tuple(lines)


def rollup_report_docx(rollup: Rollup, site_plan: Plan, start: dt.date, end: dt.date) -> tuple[RollupReport, bytes]:
    """The report and its .docx bytes, dated on the data's reference date (python-docx is loaded only here)."""
    from .rollup_document import rollup_docx

    report = rollup_report(rollup, site_plan, start, end)
    return report, rollup_docx(report, rollup.today)


def write_rollup_report(rollup: Rollup, site_plan: Plan, start: dt.date, end: dt.date, path: Path) -> RollupReport:
    """Write the report to ``path`` whole or not at all (see :func:`.write_whole`)."""
    from . import write_whole

    report, data = rollup_report_docx(rollup, site_plan, start, end)
    write_whole(data, path)
    return report
