"""Which tasks each unit answers for: the one rule the unit page and the periodic report both read.

A unit answers for the tasks whose lead cell names it, those whose
coordinating cell names it, and, for each group it belongs to, what the group
leads and coordinates. Computed in one pass over the plan's tasks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan, Task, Unit


@dataclass(frozen=True)
class Assignments:
    lead: dict[str, list[Task]]  # unit id → tasks whose lead cell names it, in plan order
    coordinating: dict[str, list[Task]]  # unit id → tasks whose coordinating cell names it

    def led_by(self, unit_id: str) -> list[Task]:
        return self.lead.get(unit_id, [])

    def coordinated_by(self, unit_id: str) -> list[Task]:
        return self.coordinating.get(unit_id, [])

    def unit_lists(self, unit: Unit) -> list[list[Task]]:
        """In the order the unit's page lists them: what it leads, what it coordinates, then for each
        group it belongs to (``member_of`` order) what the group leads and what it coordinates."""
        out = [self.led_by(unit.id), self.coordinated_by(unit.id)]
        for group in unit.member_of:
            out += [self.led_by(group), self.coordinated_by(group)]
        return out


def assignments(plan: Plan) -> Assignments:
    lead: dict[str, list[Task]] = {}
    coordinating: dict[str, list[Task]] = {}
    for task in plan.leaf_tasks:
        for unit_id in dict.fromkeys(task.lead.units):
            lead.setdefault(unit_id, []).append(task)
        for unit_id in dict.fromkeys(task.coordinating.units):
            coordinating.setdefault(unit_id, []).append(task)
    return Assignments(lead, coordinating)
