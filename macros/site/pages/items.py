"""One page per section, unit, kind of deliverable and schedule: the tasks that belong to it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ...plan.model import DeliverableKind, Schedule, Section, Unit
from .. import urls
from ..urls import DUE_SCHEDULE
from ..views import KIND_LABEL, Link, TaskView
from .base import PageKind, Pager, PageSpec, pager, register


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


@register
class SectionPage(PageKind):
    kind = "section"
    search_boost = 0.5

    @cached_property
    def parts(self) -> dict[str, list[list[TaskView]]]:
        """Each section's items cut into pages; a heading weighs as much as its sub-items with it."""
        return {
            s.id: self.chunks(self.views.tree(s.tasks), weight=lambda t: 1 + len(t.children)) for s in self.plan.sections
        }

    def pages(self) -> list[PageSpec]:
        return [
            spec
            for s in self.plan.sections
            for spec in self.specs(s.id, urls.section(s.id), f"Phần {s.id}. {s.title}", len(self.parts[s.id]))
        ]

    def context(self, key: str | None, part: int = 1) -> SectionContext:
        section = self.plan.section_by_id[str(key)]
        parts = self.parts[section.id]
        return SectionContext(section, parts[part - 1], section.leaf_count, pager(urls.section(section.id), part, len(parts)))

    def search_terms(self, key: str | None) -> tuple[str, str]:
        """Section titles are paragraphs long: searched as text, so they do not outrank the pages people look for."""
        section = self.plan.section_by_id[str(key)]
        return f"phan {section.id.lower()}", f"Phần {section.id}. {section.title}"


@register
class UnitPage(PageKind):
    kind = "unit"
    search_boost = 4.0

    def pages(self) -> list[PageSpec]:
        return [self.spec(u.id, urls.unit(u.id), u.name) for u in self.plan.units]

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
class KindPage(PageKind):
    kind = "kind"
    search_boost = 2.0

    @cached_property
    def parts(self) -> dict[str, list[list[TaskView]]]:
        return {k.id: self.chunks(self.views.of_kind(k.id)) for k in self.plan.deliverable_kinds}

    def pages(self) -> list[PageSpec]:
        return [
            spec
            for k in self.plan.deliverable_kinds
            for spec in self.specs(k.id, urls.kind(k.id), f"Sản phẩm: {k.name}", len(self.parts[k.id]))
        ]

    def context(self, key: str | None, part: int = 1) -> KindContext:
        kind, parts = self.plan.kind_by_id[str(key)], self.parts[str(key)]
        return KindContext(kind, parts[part - 1], len(self.views.of_kind(kind.id)), pager(urls.kind(kind.id), part, len(parts)))


@register
class SchedulePage(PageKind):
    kind = "schedule"

    @cached_property
    def parts(self) -> dict[str, list[list[TaskView]]]:
        return {s.id: self.chunks(self.views.on_schedule(s.id)) for s in self.views.schedules}

    def pages(self) -> list[PageSpec]:
        return [
            spec
            for s in self.views.schedules
            for spec in self.specs(s.id, urls.schedule(s.id), f"Thời gian: {s.name}", len(self.parts[s.id]))
        ]

    def context(self, key: str | None, part: int = 1) -> ScheduleContext:
        schedule, parts = self.views.schedule_by_id[str(key)], self.parts[str(key)]
        return ScheduleContext(
            schedule,
            parts[part - 1],
            schedule.id == DUE_SCHEDULE,
            len(self.views.on_schedule(schedule.id)),
            pager(urls.schedule(schedule.id), part, len(parts)),
        )
