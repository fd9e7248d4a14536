"""A rollup's item pages: one per member, and the cascade of each task of the rollup's own plan.

A member page shows what the rollup knows of it (identity, figures, harvest, overdue tasks, recent reports);
its tasks themselves stay on the member's own site, which every task links to. A cascade page lists, for one
task of the rollup's own plan, the member tasks that implement it, the members with none (the gap) and those
that cannot be read. Long lists are cut into numbered pages, so that a nation's members keep every page small.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ... import urls
from ...rollup.figures import CascadeRow, MemberFigures, open_tasks
from ...rollup.members import level_label
from ...rollup.model import MemberPlan, MemberRollup
from ...rollup.snapshot import MemberEntry
from ...text import vn_date
from ..rollup_views import (
    RECENT_DAYS,
    Harvest,
    MemberRow,
    TaskLine,
    harvest_of,
    member_row,
    recent_reports,
    status_columns,
    sub_member_row,
    task_line,
    vn_number,
)
from ..views import Link, TaskView
from .base import Pager, PageSpec, pager, register
from .rollup import Group, RollupPageType, grouped_parts


@dataclass(frozen=True)
class MemberContext:
    row: MemberRow
    site: str | None
    """The member's own site (https only)."""
    identity: list[tuple[str, str]]
    harvest: Harvest
    is_rollup: bool
    overdue: Group[Any] | None
    reports: Group[Any] | None
    members: Group[Any] | None
    statuses: list[tuple[str, str]]
    recent_days: int
    today: str
    lookup_url: str | None
    pager: Pager | None


def identity(f: MemberFigures) -> list[tuple[str, str]]:
    """The member as its plan names itself, beside what the members file says (its code and level)."""
    member, data = f.entry.member, f.entry.data
    facts: list[tuple[str, str]] = []
    if isinstance(data, MemberPlan):
        facts += [("Kế hoạch", data.title), ("Cơ quan ban hành", data.issuer)]
        facts += [("Số", data.number)] if data.number else []
        facts += [("Ngày ban hành", vn_date(data.date))] if data.date else []
    elif isinstance(data, MemberRollup):
        facts += [("Trang tổng hợp", data.title)] + ([("Cơ quan", data.issuer)] if data.issuer else [])
    code = member.code or (data.admin_code if isinstance(data, MemberPlan) else None)
    facts += [("Mã đơn vị hành chính", code)] if code else []
    facts += [("Cấp", level_label(member.level))] if member.level else []
    return facts


@register
class RollupMemberPage(RollupPageType):
    page_type = "rollup_member"

    @cached_property
    def parts(self) -> dict[str, list[dict[str, Group[Any]]]]:
        out = {}
        today = self.rollup.today
        for f in self.rollup.figures:
            data = f.entry.data
            groups: list[tuple[str, list[Any]]]
            if isinstance(data, MemberPlan):
                groups = [("overdue", [task_line(t) for t in open_tasks(data)]), ("reports", recent_reports(data, today))]
            elif isinstance(data, MemberRollup):
                groups = [("members", [sub_member_row(r, today) for r in data.members])]
            else:
                groups = []
            out[f.entry.slug] = grouped_parts(self, groups)
        return out

    def rollup_pages(self) -> list[PageSpec]:
        return [spec for f in self.rollup.figures
                for spec in self.specs(f.entry.slug, urls.rollup_member(f.entry.slug), f.entry.member.name,
                                       len(self.parts[f.entry.slug]))]  # fmt: skip

    def context(self, key: str | None, part: int = 1) -> MemberContext:
        f = self.rollup.figures_by_slug[str(key)]
        data, member = f.entry.data, f.entry.member
        page = self.parts[str(key)][part - 1]
        return MemberContext(
            row=member_row(f),
            site=member.site or (data.site_url if data is not None else None),
            identity=identity(f),
            harvest=harvest_of(f),
            is_rollup=isinstance(data, MemberRollup),
            overdue=page.get("overdue"),
            reports=page.get("reports"),
            members=page.get("members"),
            statuses=status_columns(),
            recent_days=RECENT_DAYS,
            today=self.site.facts.date_label,
            lookup_url=urls.rollup_lookup(member=str(key)) if isinstance(data, MemberPlan) else None,
            pager=pager(urls.rollup_member(str(key)), part, len(self.parts[str(key)])),
        )

    def search_title(self, spec: PageSpec) -> str:
        return spec.title

    def search_text(self, key: str | None) -> str:
        """What people type to find a member: its level and its administrative code (its name is the title)."""
        member = self.rollup.figures_by_slug[str(key)].entry.member
        parts = [level_label(member.level), f"mã {member.code}" if member.code else ""]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class Implementation:
    member: Link
    task: TaskLine


@dataclass(frozen=True)
class Unreadable:
    member: Link
    reason: str


def member_link(entry: MemberEntry) -> Link:
    return Link(entry.member.name, urls.rollup_member(entry.slug))


def unreadable(entry: MemberEntry) -> Unreadable:
    if isinstance(entry.data, MemberRollup):
        return Unreadable(member_link(entry), "là một trang tổng hợp: nhiệm vụ nằm ở các thành viên của nó.")
    return Unreadable(member_link(entry), f"không có dữ liệu: {entry.reason}" if entry.reason else "không có dữ liệu.")


@dataclass(frozen=True)
class CascadeSummary:
    """One task of the rollup's own plan on Phân công theo nhiệm vụ."""

    task: TaskView
    url: str
    members: int
    tasks: int
    missing: int

    def numbers(self) -> tuple[str, str, str]:
        """Members implementing, their tasks, members missing, as the cascade page writes them."""
        return vn_number(self.members), vn_number(self.tasks), vn_number(self.missing)


def summary(task: TaskView, row: CascadeRow) -> CascadeSummary:
    members = len({i.entry.slug for i in row.implementing})
    return CascadeSummary(task, urls.rollup_task(task.id), members, len(row.implementing), len(row.missing))


@dataclass(frozen=True)
class CascadeIndexContext:
    rows: list[CascadeSummary]
    unknown: list[Unreadable]
    readable: int
    plan_number: str | None
    pager: Pager | None


@register
class RollupTasksPage(RollupPageType):
    """Phân công theo nhiệm vụ: every task of the rollup's own plan with how many members implement it."""

    page_type = "rollup_tasks"
    title = "Phân công theo nhiệm vụ"
    search = False

    @cached_property
    def parts(self) -> list[list[CascadeSummary]]:
        cascade, tasks = self.rollup.cascade, self.views.tasks
        return self.chunks([summary(tasks[t.id], cascade[t.id]) for t in self.plan.leaf_tasks if t.id in cascade])

    def rollup_pages(self) -> list[PageSpec]:
        return self.specs(None, urls.ROLLUP_TASKS, self.title, len(self.parts)) if self.rollup.cascade else []

    def context(self, key: str | None, part: int = 1) -> CascadeIndexContext:
        first = next(iter(self.rollup.cascade.values()))
        return CascadeIndexContext(
            rows=self.parts[part - 1],
            unknown=[unreadable(e) for e in first.unknown],
            readable=len(self.rollup.entries) - len(first.unknown),
            plan_number=self.plan.plan.number,
            pager=pager(urls.ROLLUP_TASKS, part, len(self.parts)),
        )


@dataclass(frozen=True)
class CascadeContext:
    task: TaskView
    summary: CascadeSummary
    implementing: Group[Any] | None
    missing: Group[Any] | None
    unknown: Group[Any] | None
    pager: Pager | None


@register
class RollupTaskPage(RollupPageType):
    page_type = "rollup_task"
    search = False

    @cached_property
    def parts(self) -> dict[str, list[dict[str, Group[Any]]]]:
        out = {}
        for task_id, row in self.rollup.cascade.items():
            out[task_id] = grouped_parts(self, [
                ("implementing", [Implementation(member_link(i.entry), task_line(i.task)) for i in row.implementing]),
                ("missing", [member_link(e) for e in row.missing]),
                ("unknown", [unreadable(e) for e in row.unknown]),
            ])
        return out

    def rollup_pages(self) -> list[PageSpec]:
        cascade = self.rollup.cascade
        return [spec for t in self.plan.leaf_tasks if t.id in cascade
                for spec in self.specs(t.id, urls.rollup_task(t.id), f"Nhiệm vụ {t.id}: các thành viên thực hiện",
                                       len(self.parts[t.id]))]  # fmt: skip

    def context(self, key: str | None, part: int = 1) -> CascadeContext:
        task_id = str(key)
        task = self.views.tasks[task_id]
        page = self.parts[task_id][part - 1]
        return CascadeContext(
            task=task,
            summary=summary(task, self.rollup.cascade[task_id]),
            implementing=page.get("implementing"),
            missing=page.get("missing"),
            unknown=page.get("unknown"),
            pager=pager(urls.rollup_task(task_id), part, len(self.parts[task_id])),
        )

