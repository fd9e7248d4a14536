"""What the hand-written guide pages (docs/*.md) say about this plan, read from the plan.

The Hướng dẫn page explains task codes with examples and names who to
contact. Written by hand, those words name one plan and are wrong in every
fork; here they come from the plan, through the same choice of examples as
the guides that ``python -m macros adopt`` rewrites.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..plan.examples import examples
from ..plan.model import Plan, Task
from ..text import ascii_words


@dataclass(frozen=True)
class TaskExample:
    id: str
    number: str  # as printed, without its trailing dot or bracket
    section: str
    parent_number: str  # a sub-item's parent task number, "" for a top-level task
    url: str
    typed: str  # how a reader may type the code in search: "v8" for V.8


@dataclass(frozen=True)
class GuideContext:
    task: TaskExample
    subitem: TaskExample | None
    unit: str  # the example task's lead unit, by its full name
    unit_typed: str  # the same typed without diacritics: "cong an xa"
    group: str  # a group of units, "" when the plan has none


def _bare(number: str) -> str:
    return number.strip().strip("().").strip()


def task_example(plan: Plan, task: Task) -> TaskExample:
    parent = plan.task_by_id.get(task.parent_id or "")
    return TaskExample(task.id, _bare(task.number), task.section_id, _bare(parent.number) if parent else "",
                       urls.task(task.id), task.id.replace(".", "").lower())  # fmt: skip


def guide_context(plan: Plan) -> GuideContext:
    chosen = examples(plan)
    group = next((u.short for u in plan.units if u.kind == "group"), "")
    return GuideContext(task_example(plan, chosen.task), task_example(plan, chosen.subitem) if chosen.subitem else None,
                        chosen.unit.name, ascii_words(chosen.unit.name), group)  # fmt: skip
