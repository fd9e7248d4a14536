"""One page per section, unit, kind of deliverable and schedule: the tasks that belong to it."""

from __future__ import annotations

from dataclasses import dataclass

from ...plan.model import DeliverableKind, Schedule, Section, Unit
from .. import urls
from ..urls import DUE_SCHEDULE
from ..views import KIND_LABEL, Link, TaskView
from .base import ListKind, PageKind, Pager, PageSpec, register


@dataclass(frozen=True)
class SectionContext:
    section: Section
    tasks: list[TaskView]
    count: int
    pager: Pager | None


@dataclass(frozen=True)
class GroupShare:
    """Tasks given to a group the unit belongs to, labelled apart so staff can tell what names them."""

    group: Link
    leads: list[TaskView]
    coordinates: list[TaskView]


@dataclass(frozen=True)
class UnitContext:
    unit: Unit
    kind_label: str
    leads: list[TaskView]
    coordinates: list[TaskView]
    groups: list[GroupShare]
    members: list[Link]
    lookup_leads: str
    lookup_all: str


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
class SectionPage(ListKind):
    kind = "section"
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
class UnitPage(PageKind):
    kind = "unit"
    search_boost = 4.0

    def pages(self) -> list[PageSpec]:
        return [self.spec(u.id, urls.unit(u.id), u.name) for u in self.plan.units]

    def search_text(self, key: str | None) -> str:
        """A unit is also found by the short name and the other spellings the document uses."""
        unit = self.plan.unit_by_id[str(key)]
        return other_names(unit.name, [unit.short, *unit.aliases])

    def context(self, key: str | None, part: int = 1) -> UnitContext:
        unit = self.plan.unit_by_id[str(key)]
        views = self.views
        groups = [GroupShare(views.unit_link(g), views.led_by(g), views.coordinated_by(g)) for g in unit.member_of]
        members = [views.unit_link(u) for u in views.members.get(unit.id, [])]
        return UnitContext(
            unit=unit,
            kind_label=KIND_LABEL[unit.kind],
            leads=views.led_by(unit.id),
            coordinates=views.coordinated_by(unit.id),
            groups=groups,
            members=members,
            lookup_leads=urls.lookup(unit=unit.id, role=urls.LEAD_ROLE),
            lookup_all=urls.lookup(unit=unit.id, groups=bool(unit.member_of)),
        )


@register
class KindPage(ListKind):
    kind = "kind"
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
class SchedulePage(ListKind):
    kind = "schedule"

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
