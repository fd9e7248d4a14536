"""Pages that hold every task: the appendix as one table, and Tra cứu with its filters."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ...plan.model import Task
from ...text import content_text, fold_diacritics
from .. import urls
from ..urls import DUE_SCHEDULE
from ..views import SectionTasks, TaskView
from .base import IndexKind, Pager, PageSpec, pager, register


@dataclass(frozen=True)
class AllTasksContext:
    sections: list[SectionTasks]
    count: int
    pager: Pager | None


@dataclass(frozen=True)
class LookupRow:
    """One task and the values each filter matches it on (data-* attributes read by tra-cuu.js)."""

    task: TaskView
    lead: list[str]
    coordinating: list[str]
    lead_via: list[str]
    coordinating_via: list[str]
    kinds: list[str]
    schedules: list[str]
    section: str
    folded: str


@dataclass(frozen=True)
class LookupContext:
    rows: list[LookupRow]
    units: list[tuple[str, str]]
    kinds: list[tuple[str, str]]
    schedules: list[tuple[str, str]]
    sections: list[tuple[str, str]]
    count: int
    example_words: str
    """What to type in the words box, from the plan's own topic, folded as citizens type it."""


@register
class AllTasksPage(IndexKind):
    kind = "all_tasks"
    url = urls.ALL_TASKS
    title = "Tất cả nhiệm vụ"
    search = False

    @cached_property
    def parts(self) -> list[list[SectionTasks]]:
        """The appendix's rows cut into pages; a section cut in two has its heading row on both."""
        appendix = self.views.appendix
        rows = [(i, task) for i, s in enumerate(appendix) for task in s.tasks]
        pages = []
        for chunk in self.chunks(rows):
            shown = dict.fromkeys(i for i, _ in chunk)  # the sections on this page, in order
            pages.append([
                SectionTasks(appendix[i].section, appendix[i].link, [t for j, t in chunk if j == i]) for i in shown
            ])
        return pages

    def pages(self) -> list[PageSpec]:
        return self.specs(None, self.url, self.title, len(self.parts))

    def context(self, key: str | None, part: int = 1) -> AllTasksContext:
        return AllTasksContext(self.parts[part - 1], len(self.plan.leaf_tasks), pager(self.url, part, len(self.parts)))


@register
class LookupPage(IndexKind):
    kind = "lookup"
    url = urls.LOOKUP
    title = "Tra cứu nhiệm vụ"
    search = False

    def context(self, key: str | None, part: int = 1) -> LookupContext:
        plan, views = self.plan, self.views
        rows = [self._row(task) for task in plan.leaf_tasks]
        return LookupContext(
            rows=rows,
            units=[(u.id, u.name) for u in plan.units],
            kinds=[(k.id, k.name) for k in plan.deliverable_kinds],
            schedules=[(s.id, s.name) for s in views.schedules],
            sections=[(s.id, f"Phần {s.id}") for s in plan.sections],
            count=len(rows),
            example_words=fold_diacritics(plan.plan.topic),
        )

    def _row(self, task: Task) -> LookupRow:
        cells = [task.lead.text, task.coordinating.text, task.deliverable.text, task.schedule.text]
        words = [content_text(task.content, plain=True, separator=" "), *cells]
        return LookupRow(
            task=self.views.tasks[task.id],
            lead=task.lead.units,
            coordinating=task.coordinating.units,
            lead_via=self._via(task.lead.units),
            coordinating_via=self._via(task.coordinating.units),
            kinds=task.deliverable.kinds,
            schedules=[*task.schedule.kinds, *([DUE_SCHEDULE] if task.schedule.due else [])],
            section=task.section_id,
            folded=fold_diacritics(" ".join([task.id, *words])),
        )

    def _via(self, unit_ids: list[str]) -> list[str]:
        """Units that share a task through a group named in the cell."""
        return sorted({member for unit_id in unit_ids for member in self.views.members.get(unit_id, ())})

