"""Progress as the pages show it: statuses, histories, the report button and charts.

Pure functions of the computed progress (:mod:`macros.progress`); the
templates only lay these fields out. Chart geometry is computed here so
that the SVG drawn at build time needs no script in the browser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .. import urls
from ..plan.model import Plan, Task
from ..progress.state import DERIVED_LABELS, NOT_REPORTED, OVERDUE_LABEL, StatusCounts, TaskProgress
from ..progress.updates import UpdateRecord, update_filename, update_template
from ..text import vn_date
from .facts import Repo

# Colours chosen for contrast on white and to be told apart without colour vision (legend and labels say the rest).
STATUS_COLOURS = {
    NOT_REPORTED: "#c5cad6",
    "chua-bat-dau": "#7b8294",
    "dang-thuc-hien": "#2f6fd0",
    "hoan-thanh": "#2e7d32",
    "tam-dung": "#c77c00",
    "khong-thuc-hien": "#6d4c41",
}


@dataclass(frozen=True)
class HistoryEntry:
    id: str
    anchor: str
    date: str
    iso: str
    status: str
    label: str
    unit: str
    unit_url: str
    note: str
    reason: str | None
    evidence_number: str | None
    evidence_title: str | None
    evidence_link: str | None
    example: bool

    @property
    def evidence_text(self) -> str | None:
        """What the evidence is called: its number and title, or else its address."""
        return " — ".join(filter(None, [self.evidence_number, self.evidence_title])) or self.evidence_link


@dataclass(frozen=True)
class StatusView:
    key: str
    label: str
    colour: str
    overdue: bool
    due: str | None
    last_date: str | None
    last_unit: str | None
    last_unit_url: str | None
    history: list[HistoryEntry]

    @property
    def reported(self) -> bool:
        return self.key != NOT_REPORTED

    @property
    def latest_is_example(self) -> bool:
        """The status comes from a sample report: the page says so next to it."""
        return bool(self.history) and self.history[0].example


def history_entry(plan: Plan, record: UpdateRecord, unit_url: Callable[[str], str]) -> HistoryEntry:
    update = record.update
    evidence = update.evidence
    return HistoryEntry(
        id=record.id,
        anchor=urls.report_anchor(record.id),
        date=vn_date(update.date),
        iso=update.date.isoformat(),
        status=update.status,
        label=update.status_label,
        unit=plan.unit_by_id[update.unit].name if update.unit in plan.unit_by_id else update.unit,
        unit_url=unit_url(update.unit),
        note=update.note,
        reason=update.reason,
        evidence_number=evidence.number if evidence else None,
        evidence_title=evidence.title if evidence else None,
        evidence_link=(evidence.link or None) if evidence else None,
        example=update.example,
    )


def status_view(plan: Plan, progress: TaskProgress, unit_url: Callable[[str], str]) -> StatusView:
    last_unit = plan.unit_by_id.get(progress.last_unit) if progress.last_unit else None
    return StatusView(
        key=progress.status,
        label=progress.label,
        colour=STATUS_COLOURS[progress.status],
        overdue=progress.overdue,
        due=vn_date(progress.due) if progress.due else None,
        last_date=vn_date(progress.last_date) if progress.last_date else None,
        last_unit=last_unit.name if last_unit else progress.last_unit,
        last_unit_url=unit_url(last_unit.id) if last_unit else None,
        history=[history_entry(plan, r, unit_url) for r in progress.history],
    )


@dataclass(frozen=True)
class ReportButton:
    """The "Báo cáo tiến độ" link. ``date`` is the build's reference date; the
    browser swaps in today's date at the click (docs/assets/bao-cao.js)."""

    url: str
    date: str


def report_button(repo: Repo, directory: str, task: Task, today: dt.date) -> ReportButton | None:
    """A new report file for the task's first lead unit, in ``directory`` of the repository."""
    if not task.lead.units:
        return None
    filename = update_filename(task.id, task.lead.units[0], today)
    value = update_template(task.id, task.lead.units[0], today)
    return ReportButton(repo.new_file(directory, filename, value), today.isoformat())


@dataclass(frozen=True)
class BarSegment:
    key: str
    label: str
    count: int
    colour: str
    x: float  # percent of the bar
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    url: str
    total: int
    done: int
    overdue: int
    segments: list[BarSegment]

    @property
    def description(self) -> str:
        """The text alternative of the bar: every count in words."""
        parts = [f"{s.label.lower()}: {s.count}" for s in self.segments if s.count]
        overdue = f"; {OVERDUE_LABEL.lower()}: {self.overdue}" if self.overdue else ""
        return f"{self.label}: {self.total} nhiệm vụ — " + ", ".join(parts) + overdue


def bar(label: str, url: str, counts: StatusCounts) -> Bar:
    segments, x = [], 0.0
    for key, label_text in DERIVED_LABELS.items():
        n = counts.counts[key]
        width = 100.0 * n / counts.total if counts.total else 0.0
        segments.append(BarSegment(key, label_text, n, STATUS_COLOURS[key], round(x, 3), round(width, 3)))
        x += width
    return Bar(label, url, counts.total, counts.done, counts.overdue, segments)


def legend() -> list[tuple[str, str, str]]:
    return [(key, label, STATUS_COLOURS[key]) for key, label in DERIVED_LABELS.items()]
