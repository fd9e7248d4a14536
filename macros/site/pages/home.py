"""The home page: the plan in numbers, progress charts and the latest reports."""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ...plan.model import Section
from ..progress_views import Bar, bar, legend
from ..views import LatestReport, Link
from .base import IndexPageType, register

LATEST_ON_HOME = 5
UNITS_ON_HOME = 10
"""Bars for the units that lead the most tasks; every unit's progress is on its own page."""


@dataclass(frozen=True)
class SectionRow:
    link: Link
    title: str
    count: int


@dataclass(frozen=True)
class Counts:
    sections: int
    tasks: int
    units: int


@dataclass(frozen=True)
class ProgressOverview:
    today: str
    plan: Bar
    sections: list[Bar]
    units: list[Bar]
    leading_units: int
    """How many units lead at least one task (the bars show at most UNITS_ON_HOME of them)."""
    legend: list[tuple[str, str, str]]
    latest: list[LatestReport]
    has_examples: bool


@dataclass(frozen=True)
class HomeContext:
    counts: Counts
    sections: list[SectionRow]
    progress: ProgressOverview
    kinds_hint: str
    schedules_hint: str
    feed_url: str | None
    """The feed exists only when the site address is set: it needs absolute addresses."""


def section_row(link: Link, section: Section) -> SectionRow:
    return SectionRow(link, section.title, section.leaf_count)


def hint(names: list[str], most: int = 4) -> str:
    """The first few names of a list, for a link's subtitle: "Kế hoạch; Báo cáo; Tờ trình…"."""
    return "; ".join(names[:most]) + ("…" if len(names) > most else "")


@register
class HomePage(IndexPageType):
    page_type = "home"
    url = urls.HOME
    title = "Trang chủ"

    def context(self, key: str | None, part: int = 1) -> HomeContext:
        plan = self.plan
        counts = Counts(len(plan.sections), len(plan.leaf_tasks), len(plan.units))
        sections = [section_row(self.views.section_link(s.id), s) for s in plan.sections]
        kinds = [k.name for k in plan.deliverable_kinds]
        return HomeContext(
            counts,
            sections,
            self._progress(),
            kinds_hint=hint(kinds, most=2),
            schedules_hint=hint([s.name for s in self.views.schedules]) or "Thời gian thực hiện của từng nhiệm vụ",
            feed_url=urls.FEED if self.site.facts.site_url else None,
        )

    def _progress(self) -> ProgressOverview:
        state = self.site.progress
        summary = state.summary
        leading = [u for u in self.plan.units if summary.units[u.id].total]
        shown = sorted(leading, key=lambda u: -summary.units[u.id].total)[:UNITS_ON_HOME]
        return ProgressOverview(
            today=self.site.facts.date_label,
            plan=bar("Toàn bộ kế hoạch", urls.ALL_TASKS, summary.plan),
            sections=[bar(f"Phần {s.id}", urls.section(s.id), summary.sections[s.id]) for s in self.plan.sections],
            units=[bar(u.short, urls.unit(u.id), summary.units[u.id]) for u in shown],
            leading_units=len(leading),
            legend=legend(),
            latest=self.views.latest(LATEST_ON_HOME),
            has_examples=state.has_examples,
        )
