"""One page per section, unit, kind of deliverable and schedule: the tasks that belong to it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ... import urls
from ...plan.assignments import Share
from ...plan.model import DeliverableKind, Schedule, Section, Unit
from ...urls import DUE_SCHEDULE
from ..views import KIND_LABEL, Link, TaskView
from .base import ListPageType, Pager, PagerLink, PageSpec, PageType, pager, register


@dataclass(frozen=True)
class SectionContext:
    section: Section
    tasks: list[TaskView]
    count: int
    pager: Pager | None


@dataclass(frozen=True)
class UnitList:
    """One of a unit's lists (what it leads, what it coordinates…) as one page of a long unit page shows it:
    the tasks of the list on this page, how many it has in all, and the other pages that hold the rest."""

    tasks: list[TaskView]
    count: int
    elsewhere: list[PagerLink]


@dataclass(frozen=True)
class GroupShare:
    """Tasks given to a group the unit belongs to, labelled apart so staff can tell what names them."""

    group: Link
    through: Link | None
    """The group in between when the unit is in ``group`` only through another group; None when directly."""
    leads: UnitList
    coordinates: UnitList


@dataclass(frozen=True)
class UnitContext:
    unit: Unit
    kind_label: str
    leads: UnitList
    coordinates: UnitList
    groups: list[GroupShare]
    members: list[Link]
    lookup_leads: str
    lookup_all: str
    pager: Pager | None


@dataclass(frozen=True)
class KindContext:
    kind: DeliverableKind
    tasks: list[TaskView]
    count: int
    pager: Pager | None


@dataclass(frozen=True)
class ScheduleContext:
    schedule: Schedule
    tasks: list[TaskView]
    is_due: bool
    count: int
    pager: Pager | None


def other_names(name: str, names: list[str]) -> str:
    """The names that differ from ``name``, once each, in order."""
    return " · ".join(n for n in dict.fromkeys(names) if n != name)


@register
class SectionPage(ListPageType):
    page_type = "section"
    search_boost = 0.5

    def items(self) -> list[tuple[str, str, str]]:
        return [(s.id, urls.section(s.id), f"Phần {s.id}. {s.title}") for s in self.plan.sections]

    def listed(self, key: str) -> list[TaskView]:
        return self.views.tree(self.plan.section_by_id[key].tasks)

    def weight(self, task: TaskView) -> int:
        return 1 + len(task.children)

    def context(self, key: str | None, part: int = 1) -> SectionContext:
        section = self.plan.section_by_id[str(key)]
        tasks, pages = self.page_of(section.id, part)
        return SectionContext(section, tasks, section.leaf_count, pages)


@register
class UnitPage(PageType):
    """One page per unit, cut into numbered pages when its lists together pass the page size.

    The lists (led, coordinated, and each group's) run on from page to page in
    that order; every page shows each list's heading and count, and says which
    pages hold the tasks of a list that are not on it."""

    page_type = "unit"
    search_boost = 4.0

    def shares(self, unit: Unit) -> list[tuple[Share, list[TaskView]]]:
        """The unit's lists (:meth:`Assignments.shares`), each with its tasks as the page shows them."""
        return [(share, self.views.task_views(share.tasks)) for share in self.views.assignments.shares(unit)]

    @cached_property
    def parts(self) -> dict[str, list[list[tuple[int, TaskView]]]]:
        """For each unit, its pages, each a run of (which list, task)."""
        return {
            u.id: self.chunks([(n, task) for n, (_, tasks) in enumerate(self.shares(u)) for task in tasks])
            for u in self.plan.units
        }

    def pages(self) -> list[PageSpec]:
        return [
            spec for u in self.plan.units for spec in self.specs(u.id, urls.unit(u.id), u.name, len(self.parts[u.id]))
        ]

    def search_text(self, key: str | None) -> str:
        """A unit is also found by the short name and the other spellings the document uses."""
        unit = self.plan.unit_by_id[str(key)]
        return other_names(unit.name, [unit.short, *unit.aliases])

    def context(self, key: str | None, part: int = 1) -> UnitContext:
        unit = self.plan.unit_by_id[str(key)]
        views = self.views
        parts = self.parts[unit.id]
        address = urls.unit(unit.id)

        def shown(n: int, tasks: list[TaskView]) -> UnitList:
            holding = [i + 1 for i, page in enumerate(parts) if any(m == n for m, _ in page)]
            links = [PagerLink(str(p), urls.part(address, p), False) for p in holding if p != part]
            return UnitList([t for m, t in parts[part - 1] if m == n], len(tasks), links)

        lists = {(share.role, share.group): shown(n, tasks) for n, (share, tasks) in enumerate(self.shares(unit))}
        above = views.assignments.membership.above[unit.id]
        groups = [
            GroupShare(views.unit_link(g), None if below == unit.id else views.unit_link(below),
                       lists["lead", g], lists["coordinating", g])
            for g, below in above.items()
        ]
        return UnitContext(
            unit=unit,
            kind_label=KIND_LABEL[unit.kind],
            leads=lists["lead", None],
            coordinates=lists["coordinating", None],
            groups=groups,
            members=[views.unit_link(u) for u in views.members.get(unit.id, [])],
            lookup_leads=urls.lookup(unit=unit.id, role=urls.LEAD_ROLE),
            lookup_all=urls.lookup(unit=unit.id, groups=bool(unit.member_of)),
            pager=pager(address, part, len(parts)),
        )


@register
class KindPage(ListPageType):
    page_type = "kind"
    search_boost = 2.0

    def items(self) -> list[tuple[str, str, str]]:
        return [(k.id, urls.kind(k.id), f"Sản phẩm: {k.name}") for k in self.plan.deliverable_kinds]

    def listed(self, key: str) -> list[TaskView]:
        return self.views.of_kind(key)

    def search_text(self, key: str | None) -> str:
        kind = self.plan.kind_by_id[str(key)]
        return other_names(kind.name, kind.aliases)

    def context(self, key: str | None, part: int = 1) -> KindContext:
        kind = self.plan.kind_by_id[str(key)]
        tasks, pages = self.page_of(kind.id, part)
        return KindContext(kind, tasks, len(self.listed(kind.id)), pages)


@register
class SchedulePage(ListPageType):
    page_type = "schedule"

    def items(self) -> list[tuple[str, str, str]]:
        return [(s.id, urls.schedule(s.id), f"Thời gian: {s.name}") for s in self.views.schedules]

    def listed(self, key: str) -> list[TaskView]:
        return self.views.on_schedule(key)

    def search_text(self, key: str | None) -> str:
        schedule = self.views.schedule_by_id[str(key)]
        return other_names(schedule.name, schedule.aliases)

    def context(self, key: str | None, part: int = 1) -> ScheduleContext:
        schedule = self.views.schedule_by_id[str(key)]
        tasks, pages = self.page_of(schedule.id, part)
        return ScheduleContext(schedule, tasks, schedule.id == DUE_SCHEDULE, len(self.listed(schedule.id)), pages)
