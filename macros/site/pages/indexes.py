"""The index pages of the navigation: sections, units, kinds of deliverable and schedules."""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ..views import KIND_LABEL, Link
from .base import IndexPageType, register
from .home import SectionRow, section_row


@dataclass(frozen=True)
class CountRow:
    link: Link
    count: int


@dataclass(frozen=True)
class UnitRow:
    link: Link
    kind: str
    leads: int
    coordinates: int


@dataclass(frozen=True)
class SectionsContext:
    sections: list[SectionRow]


@dataclass(frozen=True)
class UnitsContext:
    rows: list[UnitRow]


@dataclass(frozen=True)
class CountsContext:
    rows: list[CountRow]


@register
class SectionsPage(IndexPageType):
    page_type = "sections"
    url = urls.SECTIONS
    title = "Các phần của kế hoạch"

    def context(self, key: str | None, part: int = 1) -> SectionsContext:
        return SectionsContext([section_row(self.views.section_link(s.id), s) for s in self.plan.sections])


@register
class UnitsPage(IndexPageType):
    page_type = "units"
    url = urls.UNITS
    title = "Các đơn vị"

    def context(self, key: str | None, part: int = 1) -> UnitsContext:
        views = self.views
        return UnitsContext([
            UnitRow(views.unit_link(u.id), KIND_LABEL[u.kind], len(views.led_by(u.id)), len(views.coordinated_by(u.id)))
            for u in self.plan.units
        ])


@register
class KindsPage(IndexPageType):
    page_type = "kinds"
    url = urls.KINDS
    title = "Các loại sản phẩm"

    def context(self, key: str | None, part: int = 1) -> CountsContext:
        views = self.views
        return CountsContext([CountRow(views.kind_link(k.id), len(views.of_kind(k.id))) for k in self.plan.deliverable_kinds])


@register
class SchedulesPage(IndexPageType):
    page_type = "schedules"
    url = urls.SCHEDULES
    title = "Thời gian thực hiện"

    def context(self, key: str | None, part: int = 1) -> CountsContext:
        views = self.views
        return CountsContext([CountRow(views.schedule_link(s.id), len(views.on_schedule(s.id))) for s in views.schedules])
