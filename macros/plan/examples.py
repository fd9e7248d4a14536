"""The tasks and units a guide shows as examples, chosen from the plan itself.

Guides (the Hướng dẫn page, CONTRIBUTING.md, the pull request template)
explain task codes and report files with examples. Written by hand, they
name one plan's tasks and go stale in every fork; chosen here, the same
rule serves the site's pages and ``python -m macros adopt``, which
rewrites the guides GitHub shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan, Task, Unit


@dataclass(frozen=True)
class Examples:
    task: Task  # a task with a lead unit: the report example
    unit: Unit  # the unit that leads it
    subitem: Task | None  # a lettered or decimal sub-item (IV.1.a), when the plan has one


def reporters(plan: Plan, task: Task) -> list[Unit]:
    """The units named in the task's cells, lead first: any of them may report on it without a warning."""
    ids = list(dict.fromkeys([*task.lead.units, *task.coordinating.units]))
    return [plan.unit_by_id[i] for i in ids if i in plan.unit_by_id]


def example_tasks(plan: Plan) -> list[Task]:
    """Tasks with work and a lead unit, top-level ones first: what an example report can name."""
    led = [t for t in plan.leaf_tasks if t.lead.units]
    return sorted(led, key=lambda t: t.depth > 0) or list(plan.leaf_tasks)


def examples(plan: Plan) -> Examples:
    """The first task with a lead unit (a top-level one if any), its lead, and the first sub-item."""
    task = example_tasks(plan)[0] if plan.leaf_tasks else plan.tasks[0]
    taking_part = reporters(plan, task)
    subitem = next((t for t in plan.tasks if t.depth > 0), None)
    return Examples(task, taking_part[0] if taking_part else plan.units[0], subitem)

