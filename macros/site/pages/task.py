"""One page per task, at a stable address made from its id."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..views import TaskView, task_title
from .base import PageKind, PageSpec, register


@dataclass(frozen=True)
class TaskContext:
    task: TaskView


@register
class TaskPage(PageKind):
    kind = "task"
    search_boost = 1.5

    def pages(self) -> list[PageSpec]:
        return [self.spec(t.id, urls.task(t.id), task_title(t)) for t in self.plan.tasks]

    def context(self, key: str | None, part: int = 1) -> TaskContext:
        return TaskContext(self.views.tasks[str(key)])

    def search_terms(self, key: str | None) -> tuple[str, str]:
        """Task pages also answer to the compact id people type: v8 for V.8."""
        return str(key).lower().replace(".", ""), ""
