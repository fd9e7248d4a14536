"""Who takes part in a task, and which tasks each unit answers for: the one home of that rule.

A unit takes part in a task when the task's lead or coordinating cell names
it, or names a group it belongs to. Groups may sit in groups (the loader
refuses only a circle), and membership is followed all the way up: a school
in "Các trường học", itself in "Khối văn hóa - xã hội", takes part in what
either group is given. The unit pages, the report check (``make check``),
Tra cứu, the periodic report and the report form (through the data the build
exports for it) all read the answer here, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from .model import Plan, Task, Unit

Role = Literal["lead", "coordinating"]
ROLES: tuple[Role, ...] = ("lead", "coordinating")


def groups_above(unit_id: str, units: Mapping[str, Unit]) -> dict[str, str]:
    """Every group ``unit_id`` belongs to, directly or through other groups, each mapped to the unit or
    group below it through which it is reached (``unit_id`` itself for a direct group).

    Nearest first: the unit's own ``member_of`` in order, then theirs. Each group once, and a circle,
    which the loader refuses, ends the walk instead of looping; unknown ids are skipped."""
    found: dict[str, str] = {}
    todo = [unit_id]
    while todo:
        below = todo.pop(0)
        current = units.get(below)
        for group in current.member_of if current else []:
            if group not in found and group != unit_id:
                found[group] = below
                todo.append(group)
    return found


@dataclass(frozen=True)
class Membership:
    """Groups and their members, followed through groups of groups, computed once per plan."""

    above: dict[str, dict[str, str]]
    """Unit id → its groups (:func:`groups_above`): group id → what it is reached through."""
    below: dict[str, list[str]]
    """Group id → every unit in it, directly or through a group in it, in registry order."""
    direct: dict[str, list[str]]
    """Group id → the units whose own ``member_of`` names it, in registry order (a group page's "Gồm")."""

    def taking_part(self, named: Iterable[str]) -> list[str]:
        """The units a cell's ids bring in: each one named, followed by every unit in it, each once."""
        return list(dict.fromkeys(m for unit_id in named for m in (unit_id, *self.below.get(unit_id, ()))))

    def participants(self, task: Task) -> list[str]:
        """Every unit that takes part in ``task``: the lead cell's first, then the coordinating cell's."""
        return self.taking_part([*task.lead.units, *task.coordinating.units])

    def takes_part(self, unit_id: str, task: Task) -> bool:
        return unit_id in self.participants(task)


def membership(plan: Plan) -> Membership:
    units = plan.unit_by_id
    above = {u.id: groups_above(u.id, units) for u in plan.units}
    below: dict[str, list[str]] = {}
    direct: dict[str, list[str]] = {}
    for unit in plan.units:
        for group in above[unit.id]:
            below.setdefault(group, []).append(unit.id)
        for group in unit.member_of:
            direct.setdefault(group, []).append(unit.id)
    return Membership(above, below, direct)


@dataclass(frozen=True)
class Share:
    """One of the lists of tasks a unit answers for: in one role, named itself or through one group."""

    role: Role
    group: str | None
    """The group whose cell names these tasks, or None when the cell names the unit itself."""
    tasks: list[Task]


@dataclass(frozen=True)
class Assignments:
    lead: dict[str, list[Task]]  # unit id → tasks whose lead cell names it, in plan order
    coordinating: dict[str, list[Task]]  # unit id → tasks whose coordinating cell names it
    membership: Membership

    def named(self, unit_id: str, role: Role) -> list[Task]:
        """Tasks whose cell for ``role`` names the unit (or group) itself."""
        return (self.lead if role == "lead" else self.coordinating).get(unit_id, [])

    def shares(self, unit: Unit) -> list[Share]:
        """In the order the unit's page lists them: what it leads, what it coordinates, then for each
        group it belongs to (nearest first, :func:`groups_above`) what the group leads and coordinates."""
        groups: list[str | None] = [None, *self.membership.above.get(unit.id, {})]
        return [Share(role, group, self.named(group or unit.id, role)) for group in groups for role in ROLES]


def assignments(plan: Plan) -> Assignments:
    lead: dict[str, list[Task]] = {}
    coordinating: dict[str, list[Task]] = {}
    for task in plan.leaf_tasks:
        for unit_id in dict.fromkeys(task.lead.units):
            lead.setdefault(unit_id, []).append(task)
        for unit_id in dict.fromkeys(task.coordinating.units):
            coordinating.setdefault(unit_id, []).append(task)
    return Assignments(lead, coordinating, membership(plan))
