"""Pages that hold every task: the appendix as one table, and Tra cứu with its filters."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

from ... import urls
from ...plan.model import Task
from ...text import content_text, fold_diacritics, one_line
from ...urls import DUE_SCHEDULE
from ..views import SectionTasks
from .base import IndexPageType, Pager, PageSpec, pager, register


@dataclass(frozen=True)
class AllTasksContext:
    sections: list[SectionTasks]
    count: int
    pager: Pager | None


LOOKUP_COLUMNS = [
    "id", "url", "summary", "content", "lead_text", "coordinating_text", "deliverable_text", "schedule_text",
    "lead", "coordinating", "lead_with_groups", "coordinating_with_groups", "kinds", "schedules", "section",
]
"""The columns of each row of urls.LOOKUP_DATA: the cells as text for the table and the words box,
the ids each filter matches on ("lead_with_groups": the units the cell names and every unit in a group it names,
:meth:`Membership.taking_part`, which the "nhom" filter reads)."""


@dataclass(frozen=True)
class LookupContext:
    data_url: str
    page_size: int
    units: list[tuple[str, str]]
    kinds: list[tuple[str, str]]
    schedules: list[tuple[str, str]]
    sections: list[tuple[str, str]]
    count: int
    example_words: str
    """What to type in the words box, from the plan's own topic, folded as citizens type it."""


@register
class AllTasksPage(IndexPageType):
    page_type = "all_tasks"
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
class LookupPage(IndexPageType):
    page_type = "lookup"
    url = urls.LOOKUP
    title = "Tra cứu nhiệm vụ"
    search = False
    scripts = ("assets/tra-cuu.js",)

    def context(self, key: str | None, part: int = 1) -> LookupContext:
        plan, views = self.plan, self.views
        return LookupContext(
            data_url=self.site.versions[urls.LOOKUP_DATA],
            page_size=self.site.facts.page_size,
            units=[(u.id, u.name) for u in plan.units],
            kinds=[(k.id, k.name) for k in plan.deliverable_kinds],
            schedules=[(s.id, s.name) for s in views.schedules],
            sections=[(s.id, f"Phần {s.id}") for s in plan.sections],
            count=len(plan.leaf_tasks),
            example_words=fold_diacritics(plan.plan.topic),
        )

    def files(self) -> dict[str, bytes]:
        """Every task as one compact row, loaded once by the page: the page itself stays small at any size."""
        data = {
            # The address's parameter for each filter and the role filter's values: tra-cuu.js reads them here.
            "fields": urls.LOOKUP_FIELDS,
            "roles": {"lead": urls.LEAD_ROLE, "coordinating": urls.COORDINATING_ROLE},
            "columns": LOOKUP_COLUMNS,
            "rows": [self._row(t) for t in self.plan.leaf_tasks],
        }
        return {urls.LOOKUP_DATA: json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")}

    def _row(self, task: Task) -> list[object]:
        view = self.views.tasks[task.id]
        groups = self.views.assignments.membership
        return [
            task.id, view.url, view.summary, content_text(task.content, plain=True, separator=" "),
            one_line(task.lead.text), one_line(task.coordinating.text),
            one_line(task.deliverable.text), one_line(task.schedule.text),
            task.lead.units, task.coordinating.units, groups.taking_part(task.lead.units),
            groups.taking_part(task.coordinating.units),
            task.deliverable.kinds, [*task.schedule.kinds, *([DUE_SCHEDULE] if task.schedule.due else [])],
            task.section_id,
        ]
