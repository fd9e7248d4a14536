"""Reading a "Thời gian thực hiện" cell: recurrences and a due date, or the text alone.

Plans write due dates as "6/2025", "tháng 10/2025", "quý II/2025",
"năm 2025", "2025 - 2026" or "hoàn thành trong quý III/2025". A date is
kept at the precision the plan gives (a quarter is due on its last day,
marked ``due_precision: quarter``), and when the cell says "hoàn thành",
"trước" or "chậm nhất", that date wins over the period around it.

Some forms are read by a convention the clerk must confirm, so each says
so in the report: a school year ("Năm học 2025 - 2026") is due at its end,
31/5; "đầu năm học" at the end of September; a period ("giai đoạn 2026 -
2030") at its last year's end; "… và các năm tiếp theo" is due once and
then yearly. A day, month or quarter without a year ("trước ngày 15/10
hằng năm", "Tháng 9 hằng năm") comes back every year: no single due date.
"6 tháng đầu năm 2026" ends on 30/6, "6 tháng cuối năm" on 31/12.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..text import vn_date
from .names import Entry, key

ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
DATE = re.compile(
    r"(?P<school>(?:\b(?P<edge>đầu|cuối)\s+)?\bnăm\s+học\s+(?P<s1>\d{4})\s*[-–—]\s*(?P<s2>\d{4})\b)"
    r"|(?P<half>\b(?:0?6|sáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm\s+(?P<hy>\d{4})\b)"
    r"|(?P<period>\bgiai\s+đoạn\s+(?P<p1>\d{4})\s*[-–—]\s*(?P<p2>\d{4})\b)"
    r"|(?P<day>\b(?P<d>\d{1,2})\s*[/.-]\s*(?P<dm>\d{1,2})\s*[/.-]\s*(?P<dy>\d{4})\b)"
    r"|(?P<quarter>\bquý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|năm|-)\s*(?P<qy>\d{4})\b)"
    r"|(?P<month>(?:\btháng\s+)?\b(?P<m>\d{1,2})\s*/\s*(?P<my>\d{4})\b|\btháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<my2>\d{4})\b)"
    r"|(?P<range>\b(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})\b)"
    r"|(?P<year>\b(?P<y>\d{4})\b)",
    re.IGNORECASE,
)
FINISH = re.compile(r"hoàn thành|trước|chậm nhất", re.IGNORECASE)
# What is left once the dates are read: a day, month, quarter or school year that names no year.
YEARLESS = re.compile(
    r"\b\d{1,2}\s*/\s*\d{1,2}\b|\btháng\s+\d{1,2}\b|\bquý\s+(?:IV|I{1,3}|[1-4])\b|(?:\b(?:đầu|cuối)\s+)?\bnăm\s+học\b",
    re.IGNORECASE,
)
FOLLOWING = re.compile(r"\b(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau|tiếp)\b", re.IGNORECASE)
SCHOOL_YEAR_END = (5, 31)  # a school year ends with May (the ministry's yearly calendar)
SCHOOL_YEAR_START_DUE = (9, 30)  # "đầu năm học": September, the school year's first month

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
    note: str = ""  # the convention this reading relies on, for the clerk to confirm


@dataclass
class ParsedSchedule:
    kinds: list[str]
    due: Due | None
    dates_found: int
    understood: bool
    notes: list[str]  # readings the clerk must confirm, each a phrase of the review list


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _due(m: re.Match[str]) -> Due | None:
    """One date expression as the last day it allows; None when it is no real date (13/2025)."""
    try:
        if m.group("school"):
            return _school_year(m)
        if m.group("half"):
            last = 6 if m["h"].casefold() == "đầu" else 12
            return Due(_month_end(int(m["hy"]), last), "month", m.start())
        if m.group("period"):
            end = dt.date(int(m["p2"]), 12, 31)
            return Due(end, "year", m.start(), f"giai đoạn {m['p1']} - {m['p2']}: đã coi hạn là cuối giai đoạn {vn_date(end)}")
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


def _school_year(m: re.Match[str]) -> Due:
    """A school year is due at its end (31/5), its start ("đầu năm học") at the end of its first month."""
    edge, (month, day), year = (
        ("đầu", SCHOOL_YEAR_START_DUE, m["s1"]) if (m["edge"] or "").casefold() == "đầu" else ("cuối", SCHOOL_YEAR_END, m["s2"])
    )
    due = dt.date(int(year), month, day)
    return Due(due, "month", m.start(), f"năm học {m['s1']} - {m['s2']}: đã coi hạn là {edge} năm học {vn_date(due)}")


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


LINKING = ("và", "từ", "đến", "trong", "hoàn thành", "trước", "chậm nhất", "ngày", "tháng", "năm", "quý", "giai đoạn",
           "hằng", "hàng")  # fmt: skip


def understood(text: str, kinds: list[Entry]) -> bool:
    """Whether nothing but recurrences, dates and linking words is left in the cell."""
    rest = key(FOLLOWING.sub(" ", YEARLESS.sub(" ", DATE.sub(" ", text.casefold()))))
    names = [name for entry in kinds for name in entry.match_keys()] + [key(w) for w in LINKING]
    for name in sorted(names, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", rest)
    return not re.sub(r"[\W_]+", "", rest)


def parse_schedule(text: str, entries: list[Entry]) -> ParsedSchedule:
    kinds = recurrences(text, entries)
    dates = find_dates(text)
    due = choose_due(text, dates)
    notes = [due.note] if due and due.note else []
    following = FOLLOWING.search(text)
    if following:  # "Quý IV/2025 và các năm tiếp theo": once, then every year
        kinds += [e for e in recurrences("hằng năm", entries)[:1] if e not in kinds]
        notes.append(f"{following[0]}: " + (f"hạn {vn_date(due.date)} cho lần đầu, sau đó " if due else "") + "lặp lại hằng năm")
    yearless = YEARLESS.findall(DATE.sub(" ", text))
    if yearless and not due:
        every_year = "lặp lại hằng năm, không có một hạn duy nhất" if kinds else "chưa đặt hạn"
        notes.append(f"{', '.join(yearless)}: không nêu năm nên {every_year}")
    return ParsedSchedule([e.id for e in kinds], due, len(dates), understood(text, kinds), [f"{n} — cần xem lại" for n in notes])
