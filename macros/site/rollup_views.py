"""A rollup's members as its pages show them: one row per member, its state, the charts and a member's lines.

Pure functions of :mod:`macros.rollup.figures`; the templates only lay these fields out. Every text here
came from a member's file and stays text: the templates escape it, and a link is only ever one of the
https-checked fields of the contract (a task's ``url``, a site's address), never built from other text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import urls
from ..progress.refdate import VIETNAM
from ..progress.state import CLOSED, DERIVED_LABELS
from ..rollup.figures import MemberFigures, is_stale
from ..rollup.members import level_label
from ..rollup.model import OUTCOME_LABELS, STALE_DAYS, STATUSES, Counts, MemberPlan, MemberTask, RollupRow
from ..text import shorten, vn_date
from .progress_views import STATUS_COLOURS

NORMAL, OUTDATED, NO_DATA = "binh-thuong", "du-lieu-cu", "khong-co-du-lieu"
"""A member's state: its data is today's harvest; a last good copy kept after a failed harvest; none at all."""
STATE_LABELS = {NORMAL: "Bình thường", OUTDATED: "Dữ liệu cũ", NO_DATA: "Không có dữ liệu"}
STALE_LABEL = f"quá {STALE_DAYS} ngày"
RECENT_DAYS = STALE_DAYS
"""A member page lists the reports of this many days."""
SUMMARY_LIMIT = 160


@dataclass(frozen=True)
class MemberState:
    key: str
    label: str
    """"Bình thường", "Dữ liệu đến ngày 14/9/2025" or "Không có dữ liệu"."""
    reason: str | None


@dataclass(frozen=True)
class StatusCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class MemberRow:
    """One member on the overview: who, its counts, how fresh its reports are and the state of its data."""

    slug: str
    url: str
    name: str
    level: str
    level_label: str
    code: str | None
    counts: Counts | None
    statuses: list[StatusCount]
    reported_pct: int | None
    last_report: str | None
    last_iso: str | None
    stale: bool
    state: MemberState


def status_columns() -> list[tuple[str, str]]:
    """(status, label) in the order the site lists statuses."""
    return [(key, DERIVED_LABELS[key]) for key in STATUSES]


def vn_time(moment: dt.datetime) -> str:
    """A harvest's time (UTC) as read in Vietnam: 15/10/2025 03:00."""
    here = moment.astimezone(VIETNAM)
    return f"{vn_date(here.date())} {here:%H:%M}"


def percent(share: float) -> int:
    return round(100 * share)


def member_state(f: MemberFigures) -> MemberState:
    entry = f.entry
    if not entry.available:
        return MemberState(NO_DATA, STATE_LABELS[NO_DATA], entry.reason)
    if f.outdated:
        label = f"Dữ liệu đến ngày {vn_date(f.good_until)}" if f.good_until else STATE_LABELS[OUTDATED]
        return MemberState(OUTDATED, label, entry.reason)
    return MemberState(NORMAL, STATE_LABELS[NORMAL], None)


def counts_by_status(counts: Counts | None) -> list[StatusCount]:
    return [StatusCount(key, label, counts.statuses.get(key, 0) if counts else 0) for key, label in status_columns()]


def member_row(f: MemberFigures) -> MemberRow:
    member, counts = f.entry.member, f.counts
    last = counts.last_report if counts else None
    return MemberRow(
        slug=f.entry.slug,
        url=urls.rollup_member(f.entry.slug),
        name=member.name,
        level=member.level or "",
        level_label=level_label(member.level),
        code=member.code,
        counts=counts,
        statuses=counts_by_status(counts),
        reported_pct=percent(f.reported_share) if counts else None,
        last_report=vn_date(last) if last else None,
        last_iso=last.isoformat() if last else None,
        stale=f.stale and counts is not None,
        state=member_state(f),
    )


# ---------------------------------------------------------------- charts drawn at build time


@dataclass(frozen=True)
class ChartBar:
    label: str
    count: int
    width: float
    """Percent of the bar's full length: the share of the members counted."""
    colour: str

    @property
    def description(self) -> str:
        return f"{self.label}: {self.count} thành viên"


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    summary: str
    """The chart in one sentence: its text equivalent, read before the bars."""
    bars: list[ChartBar]
    total: int


DONE_BANDS = [(0, 20), (20, 40), (40, 60), (60, 80), (80, 101)]
"""Share of tasks done, in percent: the last band holds 100 %."""
BAND_COLOURS = ["#b3261e", "#c77c00", "#7b8294", "#2f6fd0", "#2e7d32"]
GOOD, BAD, GREY = STATUS_COLOURS["hoan-thanh"], "#b3261e", STATUS_COLOURS["chua-co-bao-cao"]


def band_label(low: int, high: int) -> str:
    if low == 0:
        return f"Dưới {high}%"
    return f"Từ {low}% trở lên" if high > 100 else f"Từ {low}% đến dưới {high}%"


def _chart(chart_id: str, title: str, summary: str, rows: list[tuple[str, int, str]]) -> Chart:
    total = sum(count for _, count, _ in rows)
    bars = [ChartBar(label, count, round(100.0 * count / total, 3) if total else 0.0, colour) for label, count, colour in rows]
    return Chart(chart_id, title, summary, bars, total)


def charts(figures: list[MemberFigures]) -> list[Chart]:
    """Members by share of tasks done (a histogram), members with overdue tasks, members whose reports are stale."""
    counted = [f for f in figures if f.counts is not None and f.counts.tasks]
    bands = [sum(1 for f in counted if low <= percent(f.done_share) < high) for low, high in DONE_BANDS]
    missing = sum(1 for f in figures if f.counts is None)
    late = sum(1 for f in figures if f.counts is not None and f.counts.overdue)
    stale = sum(1 for f in figures if f.counts is not None and f.stale)
    with_data = len(figures) - missing
    top = max(range(len(bands)), key=lambda i: bands[i]) if counted else 0
    no_data = [("Không có dữ liệu", missing, GREY)] if missing else []
    return [
        _chart("bieu-do-hoan-thanh", "Thành viên theo tỉ lệ nhiệm vụ đã hoàn thành",
               f"{len(counted)} thành viên có nhiệm vụ; nhiều nhất ở mức {band_label(*DONE_BANDS[top])} "
               f"({bands[top]} thành viên)." if counted else "Chưa có thành viên nào có số liệu.",
               [(band_label(low, high), n, colour) for (low, high), n, colour in zip(DONE_BANDS, bands, BAND_COLOURS,
                                                                                      strict=True)]),
        _chart("bieu-do-qua-han", "Thành viên có nhiệm vụ quá hạn",
               f"{late} trong {with_data} thành viên có dữ liệu có nhiệm vụ quá hạn.",
               [("Có nhiệm vụ quá hạn", late, BAD), ("Không có nhiệm vụ quá hạn", with_data - late, GOOD), *no_data]),
        _chart("bieu-do-bao-cao", f"Thành viên {STALE_LABEL} chưa báo cáo",
               f"{stale} trong {with_data} thành viên có dữ liệu không có báo cáo nào trong {STALE_DAYS} ngày qua.",
               [(f"Có báo cáo trong {STALE_DAYS} ngày", with_data - stale, GOOD),
                (f"Quá {STALE_DAYS} ngày chưa báo cáo", stale, BAD), *no_data]),
    ]  # fmt: skip


def vn_number(n: int) -> str:
    """3321 → 3.321: thousands are set apart by dots in Vietnamese."""
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True)
class Headline:
    """The overview's figures, written as Vietnamese numbers."""

    members: str
    available: str
    unavailable: str
    outdated: int
    stale: str
    overdue: str


def headline(figures: list[MemberFigures], total: Counts) -> Headline:
    available = sum(1 for f in figures if f.counts is not None)
    stale = sum(1 for f in figures if f.counts is not None and f.stale)
    return Headline(
        members=vn_number(len(figures)), available=vn_number(available), unavailable=vn_number(len(figures) - available),
        outdated=sum(1 for f in figures if f.outdated), stale=vn_number(stale), overdue=vn_number(total.overdue),
    )  # fmt: skip


# ---------------------------------------------------------------- a member's page


@dataclass(frozen=True)
class TaskLine:
    """A member's task, linking to its page on the member's own site when that address is https."""

    id: str
    url: str | None
    summary: str
    lead: str
    due: str | None
    status: str
    label: str
    overdue: bool


def task_line(task: MemberTask) -> TaskLine:
    return TaskLine(
        task.id, task.url, shorten(task.text, SUMMARY_LIMIT), task.lead, vn_date(task.due) if task.due else None,
        task.status, DERIVED_LABELS[task.status], task.overdue and task.status not in CLOSED,
    )  # fmt: skip


@dataclass(frozen=True)
class ReportLine:
    date: str
    iso: str
    id: str
    """The task reported on."""
    url: str | None
    status: str
    label: str
    unit: str
    note: str
    example: bool


def recent_reports(data: MemberPlan, today: dt.date) -> list[ReportLine]:
    """The member's reports of the last :data:`RECENT_DAYS` days, newest first, each linking to its task."""
    by_id = {t.id: t for t in data.tasks}
    since = today - dt.timedelta(days=RECENT_DAYS)
    return [
        ReportLine(vn_date(r.date), r.date.isoformat(), r.task, by_id[r.task].url if r.task in by_id else None,
                   r.status, DERIVED_LABELS[r.status], r.unit, r.note, r.example)
        for r in data.reports if since <= r.date <= today
    ]  # fmt: skip


@dataclass(frozen=True)
class SubMemberRow:
    """A row of a member that is itself a rollup: one of its own members, with its counts."""

    name: str
    code: str | None
    level_label: str
    site: str | None
    available: bool
    reason: str | None
    counts: Counts
    statuses: list[StatusCount]
    last_report: str | None
    stale: bool


def sub_member_row(row: RollupRow, today: dt.date) -> SubMemberRow:
    c = row.counts
    return SubMemberRow(
        row.name, row.code, level_label(row.level), row.site, row.available, row.reason, c, counts_by_status(c),
        vn_date(c.last_report) if c.last_report else None, row.available and is_stale(c, today),
    )  # fmt: skip


@dataclass(frozen=True)
class Harvest:
    """Where a member's data comes from and how its last harvest went."""

    source: str
    outcome: str | None
    checked: str | None
    last_good: str | None
    reason: str | None


def harvest_of(f: MemberFigures) -> Harvest:
    entry = f.entry
    record = entry.record
    return Harvest(
        source=entry.member.source,
        outcome=OUTCOME_LABELS[record.outcome] if record else None,
        checked=vn_time(record.checked) if record else None,
        last_good=vn_time(record.last_good) if record and record.last_good else None,
        reason=entry.reason,
    )

