"""One page per task, at a stable address made from its id."""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ...text import content_text, one_line
from ..views import TaskView, task_title
from .base import PageSpec, PageType, register


@dataclass(frozen=True)
class TaskContext:
    task: TaskView
    cascade_url: str | None = None
    """On a rollup: the page of the members that implement this task (Phân công theo nhiệm vụ)."""


@register
class TaskPage(PageType):
    page_type = "task"
    search_boost = 1.5
    scripts = ("assets/bao-cao.js",)

    def pages(self) -> list[PageSpec]:
        return [self.spec(t.id, urls.task(t.id), task_title(t)) for t in self.plan.tasks]

    def context(self, key: str | None, part: int = 1) -> TaskContext:
        rollup = self.site.rollup
        cascade = urls.rollup_task(str(key)) if rollup is not None and str(key) in rollup.cascade else None
        return TaskContext(self.views.tasks[str(key)], cascade)

    def search_title(self, spec: PageSpec) -> str:
        """Just "Nhiệm vụ V.8": the page title's opening words are the text's, which the result shows below it."""
        return f"Nhiệm vụ {spec.key}"

    def search_text(self, key: str | None) -> str:
        """The task's content and its cells (the four roles, then any other column) as the document words them, then the names
        its cells link to that the cell does not spell out (a cell may say "các đơn vị liên quan";
        one that says "tờ trình" spells out Tờ trình)."""
        task = self.plan.task_by_id[str(key)]
        cells = [task.lead.text, task.coordinating.text, task.deliverable.text, task.schedule.text, *task.extra.values()]
        names = [self.plan.unit_by_id[u].name for u in [*task.lead.units, *task.coordinating.units]]
        names += [self.plan.kind_by_id[k].name for k in task.deliverable.kinds]
        written = " ".join(cells).casefold()
        parts = [content_text(task.content, plain=True, separator=" "), *(one_line(cell) for cell in cells)]
        parts += [name for name in dict.fromkeys(names) if name.casefold() not in written]
        return " · ".join(part for part in parts if part)
