"""Reading a "Thời gian thực hiện" cell: recurrences and a due date, or the text alone.

Plans write due dates as "6/2025", "tháng 10/2025", "quý II/2025",
"năm 2025", "2025 - 2026" or "hoàn thành trong quý III/2025". A date is
kept at the precision the plan gives (a quarter is due on its last day,
marked ``due_precision: quarter``), and when the cell says "hoàn thành",
that date wins over the period around it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .names import Entry, key

ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
DATE = re.compile(
    r"(?P<day>\b(?P<d>\d{1,2})\s*[/.-]\s*(?P<dm>\d{1,2})\s*[/.-]\s*(?P<dy>\d{4})\b)"
    r"|(?P<quarter>\bquý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|năm|-)\s*(?P<qy>\d{4})\b)"
    r"|(?P<month>(?:\btháng\s+)?\b(?P<m>\d{1,2})\s*/\s*(?P<my>\d{4})\b|\btháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<my2>\d{4})\b)"
    r"|(?P<range>\b(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})\b)"
    r"|(?P<year>\b(?P<y>\d{4})\b)",
    re.IGNORECASE,
)
FINISH = re.compile(r"hoàn thành|trước", re.IGNORECASE)

BUILT_IN = [
    Entry("thuong-xuyen", "Thường xuyên", []),
    Entry("hang-nam", "Hằng năm", ["hàng năm"]),
    Entry("hang-quy", "Hằng quý", ["hàng quý"]),
    Entry("hang-thang", "Hằng tháng", ["hàng tháng"]),
    Entry("dinh-ky", "Định kỳ", []),
]


@dataclass(frozen=True)
class Due:
    date: dt.date
    precision: str  # "day", "month", "quarter" or "year"
    start: int


@dataclass
class ParsedSchedule:
    kinds: list[str]
    due: Due | None
    dates_found: int
    understood: bool


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _due(m: re.Match[str]) -> Due | None:
    """One date expression as the last day it allows; None when it is no real date (13/2025)."""
    try:
        if m.group("day"):
            return Due(dt.date(int(m["dy"]), int(m["dm"]), int(m["d"])), "day", m.start())
        if m.group("quarter"):
            q = m["q"].upper()
            quarter = ROMAN_QUARTERS.get(q) or int(q)
            return Due(_month_end(int(m["qy"]), quarter * 3), "quarter", m.start())
        if m.group("month"):
            month, year = (m["m"], m["my"]) if m["m"] else (m["m2"], m["my2"])
            return Due(_month_end(int(year), int(month)), "month", m.start())
        if m.group("range"):
            return Due(dt.date(int(m["y2"]), 12, 31), "year", m.start())
        return Due(dt.date(int(m["y"]), 12, 31), "year", m.start())
    except ValueError:
        return None


def find_dates(text: str) -> list[Due]:
    return [d for d in (_due(m) for m in DATE.finditer(text)) if d]


def choose_due(text: str, dates: list[Due]) -> Due | None:
    """The due date: after "hoàn thành"/"trước" if the cell says so, otherwise the latest date named."""
    finish = [m.end() for m in FINISH.finditer(text)]
    if finish:
        after = [d for d in dates if d.start >= finish[-1]]
        if after:
            return after[0]
    return max(dates, key=lambda d: d.date, default=None)


def recurrences(text: str, entries: list[Entry]) -> list[Entry]:
    """Recurrence words the cell uses, in the order written; the first registry to name a word wins."""
    folded = key(text)
    hits: list[tuple[int, Entry]] = []
    taken: list[tuple[int, int]] = []
    for entry in entries:
        for name in sorted(entry.match_keys(), key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    taken.append((m.start(), m.end()))
                    hits.append((m.start(), entry))
    ordered: list[Entry] = []
    for _, entry in sorted(hits, key=lambda h: h[0]):
        if entry not in ordered:
            ordered.append(entry)
    return ordered


LINKING = ("và", "từ", "đến", "trong", "hoàn thành", "trước", "ngày", "tháng", "năm", "quý", "giai đoạn", "hằng", "hàng")


def understood(text: str, kinds: list[Entry]) -> bool:
    """Whether nothing but recurrences, dates and linking words is left in the cell."""
    rest = key(DATE.sub(" ", text.casefold()))
    names = [name for entry in kinds for name in entry.match_keys()] + [key(w) for w in LINKING]
    for name in sorted(names, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", rest)
    return not re.sub(r"[\W_]+", "", rest)


def parse_schedule(text: str, entries: list[Entry]) -> ParsedSchedule:
    kinds = recurrences(text, entries)
    dates = find_dates(text)
    due = choose_due(text, dates)
    return ParsedSchedule([e.id for e in kinds], due, len(dates), understood(text, kinds))
