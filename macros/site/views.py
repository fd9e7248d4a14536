"""The plan as pages show it: links, cells and one view per task, made once per build.

Every page type lists tasks; they all read the same :class:`TaskView`, so
a task looks the same on its section, unit, kind and schedule pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .. import urls
from ..plan.assignments import Assignments, assignments
from ..plan.model import Block, Plan, Schedule, Section, Task
from ..progress.state import PlanState, latest_updates
from ..text import Segment, segments, shorten, vn_date, vn_due
from ..urls import DUE_SCHEDULE
from .facts import BuildFacts
from .progress_views import HistoryEntry, ReportButton, StatusView, history_entry, report_button, status_view

KIND_LABEL = {"agency": "Cơ quan, đơn vị", "group": "Nhóm cơ quan, đơn vị"}


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    hint: str = ""


@dataclass(frozen=True)
class ContentBlock:
    """A paragraph (one item) or a bulleted list, each item a run of segments."""

    items: list[list[Segment]]
    is_list: bool = False


@dataclass(frozen=True)
class CellView:
    """A table cell as the document words it, with links to what it names."""

    text: list[Segment]
    links: list[Link]

    @property
    def empty(self) -> bool:
        return not any(s.text.strip() for s in self.text)


ROLE_LABELS = {
    "lead": "Đơn vị chủ trì",
    "coordinating": "Đơn vị phối hợp",
    "deliverable": "Sản phẩm",
    "schedule": "Thời gian thực hiện",
}
"""The task page names the four cells the site understands in its own words; other columns by their source header."""


@dataclass(frozen=True)
class Fact:
    """One cell of a task's row beside its content, under the label the task page gives it."""

    column: str  # a role (lead, schedule…) or an extra column's id
    label: str
    cell: CellView


@dataclass(frozen=True)
class Implemented:
    """A task of a higher-level plan that this task carries out: its id there, and that plan as the legal bases
    name it ("Kế hoạch số 17/KH-UBND ngày 07/8/2025 của Ủy ban nhân dân tỉnh Quảng Ngãi")."""

    task: str
    plan: str


@dataclass
class TaskView:
    id: str
    number: str
    url: str
    summary: str
    heading: bool
    content: list[ContentBlock]
    note: str | None
    section: Link
    parent: Link | None
    lead: CellView
    coordinating: CellView
    deliverable: CellView
    schedule: CellView
    due: str | None
    due_date: str | None
    depth: int
    status: StatusView | None
    report: ReportButton | None
    report_form: str | None
    """The report form with this task chosen (bao-cao/?nhiem-vu=…); None for a heading, which is not reported on."""
    source_url: str | None
    source_file: str
    extra: dict[str, CellView] = field(default_factory=dict)
    implements: list[Implemented] = field(default_factory=list)
    """Confirmed links only: a link make link suggested is not shown until an editor confirms it."""
    facts: list[Fact] = field(default_factory=list)
    """The cells beside the content in the source's column order: the four roles and any extra column."""
    children: list[TaskView] = field(default_factory=list)

    def column(self, key: str) -> CellView:
        """The cell of a role or extra column (Bản in walks the source's columns with it)."""
        if key in ROLE_LABELS:
            cell: CellView = getattr(self, key)
            return cell
        return self.extra.get(key, CellView([], []))


@dataclass(frozen=True)
class SectionTasks:
    """A section with its tasks in document order (sub-items included): the appendix, section by section."""

    section: Section
    link: Link
    tasks: list[TaskView]


@dataclass(frozen=True)
class LatestReport:
    entry: HistoryEntry
    task: TaskView

    @property
    def url(self) -> str:
        return urls.report(self.task.id, self.entry.id)


def first_text(task: Task) -> str:
    block = task.content[0]
    return block if isinstance(block, str) else block.items[0]


def task_title(task: Task) -> str:
    return f"Nhiệm vụ {task.id}: {shorten(first_text(task), 80)}"


class Views:
    """Links and task views of one plan, computed once and shared by every page builder."""

    def __init__(self, plan: Plan, progress: PlanState, facts: BuildFacts):
        self.plan = plan
        self.progress = progress
        self.facts = facts

    # -- registries seen as pages

    @cached_property
    def schedules(self) -> list[Schedule]:
        """Recurrences from the registry, plus one page for tasks with a due date."""
        due = Schedule(id=DUE_SCHEDULE, name="Có thời hạn hoàn thành")
        has_due = any(t.schedule.due for t in self.plan.tasks)
        return [*self.plan.schedules, due] if has_due else list(self.plan.schedules)

    @cached_property
    def schedule_by_id(self) -> dict[str, Schedule]:
        return {s.id: s for s in self.schedules}

    # -- links

    def unit_link(self, unit_id: str) -> Link:
        unit = self.plan.unit_by_id[unit_id]
        return Link(unit.name, urls.unit(unit.id), KIND_LABEL[unit.kind])

    def kind_link(self, kind_id: str) -> Link:
        return Link(self.plan.kind_by_id[kind_id].name, urls.kind(kind_id))

    def schedule_link(self, schedule_id: str) -> Link:
        return Link(self.schedule_by_id[schedule_id].name, urls.schedule(schedule_id))

    def section_link(self, section_id: str) -> Link:
        section = self.plan.section_by_id[section_id]
        return Link(f"Phần {section.id}", urls.section(section.id), section.title)

    # -- tasks

    @cached_property
    def tasks(self) -> dict[str, TaskView]:
        views = {t.id: self._task_view(t) for t in self.plan.tasks}
        for task in self.plan.tasks:
            if task.parent_id:
                views[task.parent_id].children.append(views[task.id])
        return views

    def tree(self, tasks: list[Task]) -> list[TaskView]:
        """Top-level items of a list; sub-items hang under their heading item."""
        return [self.tasks[t.id] for t in tasks if not t.parent_id]

    # -- groupings, each computed once in one pass over the tasks

    @cached_property
    def members(self) -> dict[str, list[str]]:
        """Group id → ids of the units whose own ``member_of`` names it, in registry order."""
        return self.assignments.membership.direct

    @cached_property
    def assignments(self) -> Assignments:
        return assignments(self.plan)

    @cached_property
    def _groups(self) -> dict[str, dict[str, list[TaskView]]]:
        done = self.assignments
        groups: dict[str, dict[str, list[TaskView]]] = {
            "lead": {u: self.task_views(tasks) for u, tasks in done.lead.items()},
            "coordinating": {u: self.task_views(tasks) for u, tasks in done.coordinating.items()},
            "kind": {},
            "schedule": {},
        }
        for task in self.plan.leaf_tasks:
            view = self.tasks[task.id]
            for kind_id in task.deliverable.kinds:
                groups["kind"].setdefault(kind_id, []).append(view)
            for schedule_id in task.schedule.kinds:
                groups["schedule"].setdefault(schedule_id, []).append(view)
        dated = sorted((t for t in self.plan.leaf_tasks if t.schedule.due), key=lambda t: t.schedule.due or dt.date.min)
        groups["schedule"][DUE_SCHEDULE] = [self.tasks[t.id] for t in dated]
        return groups

    def led_by(self, unit_id: str) -> list[TaskView]:
        """Tasks whose lead cell names the unit itself (not through a group)."""
        return self._groups["lead"].get(unit_id, [])

    def coordinated_by(self, unit_id: str) -> list[TaskView]:
        return self._groups["coordinating"].get(unit_id, [])

    def task_views(self, tasks: list[Task]) -> list[TaskView]:
        return [self.tasks[t.id] for t in tasks]

    def of_kind(self, kind_id: str) -> list[TaskView]:
        return self._groups["kind"].get(kind_id, [])

    def on_schedule(self, schedule_id: str) -> list[TaskView]:
        """Tasks of a recurrence, or those with a due date (soonest first) for the due-date page."""
        return self._groups["schedule"].get(schedule_id, [])

    @cached_property
    def appendix(self) -> list[SectionTasks]:
        """Every section with all its rows, as the signed table runs (Tất cả nhiệm vụ, Bản in)."""
        return [
            SectionTasks(s, self.section_link(s.id), [self.tasks[t.id] for t in s.tasks]) for s in self.plan.sections
        ]

    def latest(self, limit: int | None) -> list[LatestReport]:
        """The newest reports with the task they are about (home page, Atom feed)."""
        records = latest_updates(self.progress.records, limit)
        return [LatestReport(history_entry(self.plan, r, urls.unit), self.tasks[r.update.task]) for r in records]

    def _task_view(self, task: Task) -> TaskView:
        parent = self.plan.task_by_id.get(task.parent_id) if task.parent_id else None
        schedule_links = [self.schedule_link(k) for k in task.schedule.kinds]
        if task.schedule.due:
            schedule_links.append(self.schedule_link(DUE_SCHEDULE))
        repo, facts = self.facts.repo, self.facts
        progress = self.progress.tasks.get(task.id)
        view = TaskView(
            id=task.id,
            number=task.number,
            url=urls.task(task.id),
            summary=shorten(first_text(task)),
            heading=task.heading,
            content=[_block(b) for b in task.content],
            note=task.note,
            section=self.section_link(task.section_id),
            parent=Link(parent.id, urls.task(parent.id), shorten(first_text(parent))) if parent else None,
            lead=CellView(segments(task.lead.text), [self.unit_link(u) for u in task.lead.units]),
            coordinating=CellView(segments(task.coordinating.text), [self.unit_link(u) for u in task.coordinating.units]),
            deliverable=CellView(segments(task.deliverable.text), [self.kind_link(k) for k in task.deliverable.kinds]),
            schedule=CellView(segments(task.schedule.text), schedule_links),
            due=vn_due(task.schedule.due, task.schedule.due_precision) if task.schedule.due else None,
            due_date=vn_date(task.schedule.due) if task.schedule.due else None,
            depth=task.depth,
            status=status_view(self.plan, progress, urls.unit) if progress else None,
            report=report_button(repo, facts.updates_dir, task, self.progress.today) if repo else None,
            report_form=None if task.heading else urls.report_form(task.id),
            source_url=repo.blob(facts.plan_file, facts.task_lines.get(task.id)) if repo else None,
            source_file=facts.plan_file,
            extra={key: CellView(segments(text), []) for key, text in task.extra.items()},
            implements=[Implemented(link.task, self.plan.basis_by_id[link.plan].title) for link in task.confirmed_links],
        )
        meta = self.plan.plan
        view.facts = [
            Fact(key, ROLE_LABELS.get(key) or meta.header(key), view.column(key))
            for key in meta.columns
            if key not in ("number", "task") and not (task.heading and (key in ROLE_LABELS or key not in task.extra))
        ]  # a heading has no cells of its own, but a cell of an extra column is the document's, shown as written
        return view


def _block(block: Block) -> ContentBlock:
    if isinstance(block, str):
        return ContentBlock([segments(block)])
    return ContentBlock([segments(item) for item in block.items], is_list=True)
