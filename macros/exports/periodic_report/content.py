"""What a periodic report says, as typed data: the period, its figures and each section's tasks.

A pure function of the plan's progress and the period, so the Word writer
only lays it out and a test (or a later page of the site) can read the same
content. Status and "quá hạn" are judged with the site's own functions
(:mod:`macros.progress.state`) at the end of the period, or at the data's
reference date when that comes first: a report dated after that day does
not count, exactly as the site would have shown the plan on that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...plan.assignments import Role, assignments
from ...plan.model import Block, Plan, Task, Unit
from ...progress.state import DERIVED_LABELS, PlanState, TaskProgress, count, plan_progress
from ...progress.updates import UpdateRecord
from ...text import vn_date, vn_due
from .issuer import Issuer, issuer


class PeriodError(ValueError):
    """A period or unit the report cannot be made for; the message is Vietnamese, for the clerk."""


@dataclass(frozen=True)
class ReportLine:
    """One progress report dated within the period."""

    date: dt.date
    unit: str  # the reporting unit's name
    status: str  # the status it reported (label)
    note: str
    reason: str | None
    evidence_number: str | None
    evidence_title: str | None
    evidence_link: str | None
    example: bool  # sample data, to be shown as such


@dataclass(frozen=True)
class TaskLine:
    """One row of a section's table: a task as the plan words it and its state at the end of the period."""

    id: str
    content: tuple[Block, ...]  # exactly as in the plan
    heading: bool  # a heading over sub-items: no unit, status or report of its own
    lead: str  # the lead cell as the plan words it
    status: str  # label at the end of the period ("" for a heading)
    overdue: bool
    due: str | None  # as the document states it: quý III/2025, 30/9/2025…
    roles: tuple[str, ...]  # with a unit: how it takes part (chủ trì, phối hợp, qua nhóm “…”)
    reports: tuple[ReportLine, ...]  # the period's reports, oldest first


@dataclass(frozen=True)
class SectionPart:
    id: str
    title: str
    tasks: tuple[TaskLine, ...]


@dataclass(frozen=True)
class Figures:
    """The period's figures over the tasks the report covers."""

    total: int
    by_status: tuple[tuple[str, int], ...]  # (label, tasks), every status in the site's order
    overdue: tuple[TaskLine, ...]
    reports: int  # reports dated within the period
    samples: int  # of which sample data
    reported_tasks: int  # tasks with at least one report in the period


@dataclass(frozen=True)
class PeriodReport:
    plan_title: str
    issuer: Issuer
    start: dt.date
    end: dt.date
    as_of: dt.date  # the day status is judged: the end of the period, or the reference date if earlier
    unit: Unit | None
    figures: Figures
    sections: tuple[SectionPart, ...]
    has_examples: bool  # sample reports among those counted, so the report can say so

    @property
    def period_words(self) -> str:
        return period_words(self.start, self.end)

    @property
    def summary(self) -> str:
        """The trích yếu: what the report is about, for which unit and which period."""
        whose = f" của {inside_sentence(self.unit.name, self.unit.kind == 'group')}" if self.unit else ""
        return f"Kết quả thực hiện {inside_sentence(self.plan_title)}{whose} {self.period_words}"

    @property
    def cut_short(self) -> bool:
        """True when the data stop before the period ends (status is judged at the reference date)."""
        return self.as_of < self.end


def period_report(state: PlanState, start: dt.date, end: dt.date, unit_id: str | None = None) -> PeriodReport:
    """The report on ``state.plan`` for [start, end], for every task or only ``unit_id``'s.

    Raises :class:`PeriodError` for a period that ends before it starts or
    starts after the data's reference date, and for a unit the plan does not have."""
    plan = state.plan
    if start > end:
        raise PeriodError(f"ngày bắt đầu ({vn_date(start)}) ở sau ngày kết thúc ({vn_date(end)}) của kỳ báo cáo.")
    if start > state.today:
        raise PeriodError(
            f"kỳ báo cáo bắt đầu ngày {vn_date(start)}, sau ngày tham chiếu của dữ liệu ({vn_date(state.today)}); "
            "chưa có báo cáo tiến độ nào cho kỳ này."
        )
    unit = _unit(plan, unit_id)
    as_of = min(end, state.today)
    counted = [r for r in state.records if r.update.date <= as_of]
    progress = plan_progress(plan, counted, as_of)
    in_period: dict[str, list[UpdateRecord]] = {}  # task id → its reports of the period, sorted once
    for record in sorted((r for r in counted if r.update.date >= start), key=UpdateRecord.sort_key):
        in_period.setdefault(record.update.task, []).append(record)
    roles = _roles(plan, unit) if unit else None
    lines = {
        task.id: _task_line(plan, task, progress.get(task.id), in_period.get(task.id, []), (roles or {}).get(task.id, ()))
        for task in plan.tasks
    }
    covered = [t for t in plan.leaf_tasks if roles is None or t.id in roles]
    sections = tuple(
        part for s in plan.sections if (part := _section(plan, s.id, s.title, s.tasks, covered, lines)).tasks
    )
    return PeriodReport(
        plan_title=plan.plan.title,
        issuer=issuer(plan.plan),
        start=start,
        end=end,
        as_of=as_of,
        unit=unit,
        figures=_figures([progress[t.id] for t in covered], [lines[t.id] for t in covered]),
        sections=sections,
        has_examples=any(r.update.example for r in counted),
    )


def _unit(plan: Plan, unit_id: str | None) -> Unit | None:
    if unit_id is None:
        return None
    unit = plan.unit_by_id.get(unit_id)
    if unit is None:
        known = ", ".join(plan.unit_by_id)
        raise PeriodError(f"không có đơn vị với mã \"{unit_id}\" trong kế hoạch; cần một mã trong units: {known}.")
    return unit


ROLE_WORDS: dict[Role, str] = {"lead": "chủ trì", "coordinating": "phối hợp"}


def _roles(plan: Plan, unit: Unit) -> dict[str, tuple[str, ...]]:
    """Task id → how ``unit`` takes part, by the rule of the site's unit page (:meth:`Assignments.shares`)."""
    out: dict[str, tuple[str, ...]] = {}
    for share in assignments(plan).shares(unit):
        name = ROLE_WORDS[share.role]
        if share.group is not None:
            name += f" (qua nhóm \u201c{plan.unit_by_id[share.group].name}\u201d)"
        for task in share.tasks:
            out[task.id] = (*out.get(task.id, ()), name)
    return out


def _task_line(
    plan: Plan, task: Task, progress: TaskProgress | None, reports: list[UpdateRecord], roles: tuple[str, ...]
) -> TaskLine:
    due = task.schedule.due
    return TaskLine(
        id=task.id,
        content=tuple(task.content),
        heading=task.heading,
        lead=task.lead.text or "; ".join(plan.unit_by_id[u].name for u in task.lead.units),
        status=progress.label if progress else "",
        overdue=bool(progress and progress.overdue),
        due=vn_due(due, task.schedule.due_precision) if due else None,
        roles=roles,
        reports=tuple(_report_line(plan, r) for r in reports),
    )


def _report_line(plan: Plan, record: UpdateRecord) -> ReportLine:
    u = record.update
    evidence = u.evidence
    return ReportLine(
        date=u.date,
        unit=plan.unit_by_id[u.unit].name if u.unit in plan.unit_by_id else u.unit,
        status=u.status_label,
        note=u.note,
        reason=u.reason,
        evidence_number=evidence.number if evidence else None,
        evidence_title=evidence.title if evidence else None,
        evidence_link=evidence.link if evidence else None,
        example=u.example,
    )


def _section(
    plan: Plan, section_id: str, title: str, tasks: list[Task], covered: list[Task], lines: dict[str, TaskLine]
) -> SectionPart:
    """The section's covered tasks in document order, each under the heading item it belongs to."""
    wanted = {t.id for t in covered}
    wanted |= {t.parent_id for t in covered if t.parent_id}
    return SectionPart(section_id, title, tuple(lines[t.id] for t in tasks if t.id in wanted))


def _figures(progress: list[TaskProgress], lines: list[TaskLine]) -> Figures:
    counts = count(progress)
    reports = [r for line in lines for r in line.reports]
    return Figures(
        total=counts.total,
        by_status=tuple((DERIVED_LABELS[key], n) for key, n in counts.counts.items()),
        overdue=tuple(line for line in lines if line.overdue),
        reports=len(reports),
        samples=sum(r.example for r in reports),
        reported_tasks=sum(bool(line.reports) for line in lines),
    )


def period_words(start: dt.date, end: dt.date) -> str:
    """The period as a report's title and text say it: "từ ngày 1/7/2025 đến ngày 30/9/2025"."""
    return f"từ ngày {vn_date(start)} đến ngày {vn_date(end)}"


def inside_sentence(name: str, lower: bool = True) -> str:
    """A name set inside a sentence: "Nhiệm vụ triển khai…" → "nhiệm vụ triển khai…".

    Only a capital that starts an ordinary word is lowered (not an abbreviation
    such as UBND), and only where ``lower`` says the name is not a proper name."""
    if lower and len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def whole_plan_period(state: PlanState) -> tuple[dt.date, dt.date] | None:
    """The period of the report the site offers: from the plan's start (its date, or else its
    earliest report) to the reference date; None when the plan has neither a date nor a report
    that early, since there is then no period to report on."""
    starts = [state.plan.plan.date] if state.plan.plan.date else [r.update.date for r in state.records]
    start = min(starts, default=None)
    return (start, state.today) if start is not None and start <= state.today else None
