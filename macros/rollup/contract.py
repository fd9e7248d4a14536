"""A member's published file, read as untrusted input: the bytes a harvest fetched → :mod:`macros.rollup.model`.

The contract is the file's ``export.format`` and ``export.version`` (the major version). Changes within a
major version are additive (``export.minor`` counts them), so this reader ignores every field it does not
know and accepts any minor of a major it knows; it refuses another format or an unknown major, and says why
in Vietnamese. What it keeps is cut to bounded lengths, composed (NFC) and stripped of control characters,
and a link is kept only when it is https; escaping is left to the templates, like every text of the plan.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..progress.state import NOT_REPORTED
from .model import (
    STATUSES,
    Counts,
    MemberData,
    MemberPlan,
    MemberReport,
    MemberRollup,
    MemberTask,
    ParentLink,
    RollupRow,
)

PLAN_FORMAT = "ke-hoach-nhiem-vu"
ROLLUP_FORMAT = "ke-hoach-tong-hop"
KNOWN_MAJOR = {PLAN_FORMAT: 1, ROLLUP_FORMAT: 1}
FORMAT_NAMES = {PLAN_FORMAT: "plan.json (kế hoạch)", ROLLUP_FORMAT: "rollup.json (tổng hợp)"}

MAX_TASKS = 20_000
MAX_REPORTS = 2_000
MAX_MEMBERS = 10_000
TEXT_LIMIT = 1_000
"""Characters of a member task's text kept: enough to read and to search; the whole text is on the member's site."""
NAME_LIMIT = 300


class Refused(Exception):
    """The file cannot be used; ``reason`` says why, in Vietnamese, for the overview and the harvest's table."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_member(data: bytes, expected: str) -> MemberData:
    """``expected`` is "plan" or "rollup" (what the members file says the address holds)."""
    document = _parse(data)
    want = PLAN_FORMAT if expected == "plan" else ROLLUP_FORMAT
    version_of(document, want)
    try:
        return _plan(document) if want == PLAN_FORMAT else _rollup(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(k) for k in first["loc"])
        raise Refused(f"không phải một {'kế hoạch' if want == PLAN_FORMAT else 'tệp tổng hợp'} hợp lệ: "
                      f"trường {where or '(gốc)'}: {_reason(first['type'])} ({len(exc.errors())} lỗi).") from None


def version_of(document: object, want: str) -> tuple[int, int]:
    """(major, minor) of a parsed file of format ``want``, by the versioning rule: any minor of the major this code
    knows (a file without ``minor`` is x.0); another format or major is refused with the reason, not read by guess.
    The one statement of the rule: ``make link`` (exports.plan_json.readable_version) applies it too."""
    export = document.get("export") if isinstance(document, dict) else None
    if not isinstance(export, dict):
        raise Refused("không phải tệp dữ liệu kế hoạch: thiếu mục export (định dạng, phiên bản).")
    fmt, version, minor = export.get("format"), export.get("version"), export.get("minor", 0)
    if fmt != want:
        named = FORMAT_NAMES.get(fmt) if isinstance(fmt, str) else None
        given = f"tệp {named}" if named else f"định dạng {_quote(fmt)}"
        raise Refused(f"đây là {given}, cần {FORMAT_NAMES[want]} (export.format = \"{want}\").")
    if type(version) is not int:
        raise Refused(f"phiên bản định dạng không hợp lệ ({_quote(version)}); cần một số nguyên.")
    if version != KNOWN_MAJOR[want]:
        raise Refused(f"phiên bản {version} của định dạng {want} chưa được hỗ trợ; trang này đọc phiên bản "
                      f"{KNOWN_MAJOR[want]} (mọi bản phụ {KNOWN_MAJOR[want]}.x).")
    if type(minor) is not int or minor < 0:
        raise Refused(f"phiên bản phụ (export.minor) {_quote(minor)} không phải một số nguyên không âm.")
    return version, minor


def _parse(data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(f"tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start}).") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}.") from None
    except RecursionError:
        raise Refused("JSON lồng nhau quá sâu.") from None
    if not isinstance(document, dict):
        raise Refused("không phải tệp dữ liệu kế hoạch: cần một đối tượng JSON ở gốc.")
    return document


def _quote(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:40] + "…"


def _reason(kind: str) -> str:
    return {"missing": "thiếu", "too_long": "quá nhiều phần tử"}.get(kind, "sai kiểu hoặc giá trị không hợp lệ")


# The tolerant shapes of the published files: unknown fields are ignored (a newer minor adds some).


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Export(_In):
    minor: int = Field(0, ge=0)
    generated: dt.date | None = None
    site_url: str | None = None


class _Basis(_In):
    id: str
    number: str | None = None
    issuer: str | None = None


class _Meta(_In):
    title: str
    issuer: str
    number: str | None = None
    date: dt.date | None = None
    admin_code: str | None = None
    legal_bases: list[_Basis] = Field(default_factory=list, max_length=200)


class _Unit(_In):
    id: str
    name: str


class _Cell(_In):
    text: str = ""
    units: list[str] = Field(default_factory=list, max_length=500)


class _Schedule(_In):
    due: dt.date | None = None


class _Status(_In):
    status: str = NOT_REPORTED
    overdue: bool = False
    last_date: dt.date | None = None


class _Link(_In):
    plan: str | None = None
    task: str
    plan_number: str | None = None
    plan_issuer: str | None = None


class _Items(_In):
    items: list[str] = Field(max_length=500)


class _Task(_In):
    id: str
    number: str = ""
    section: str = ""
    heading: bool = False
    content: list[str | _Items] = Field(default_factory=list, max_length=500)
    lead: _Cell = Field(default_factory=_Cell)
    schedule: _Schedule = Field(default_factory=_Schedule)
    url: str | None = None
    status: _Status | None = None
    implements: list[_Link] = Field(default_factory=list, max_length=50)


class _Update(_In):
    task: str
    date: dt.date
    status: str
    unit: str = ""
    note: str = ""
    example: bool = False


class _PlanFile(_In):
    export: _Export
    plan: _Meta
    tasks: list[_Task] = Field(max_length=MAX_TASKS)
    units: list[_Unit] = Field(default_factory=list, max_length=MAX_TASKS)
    updates: list[_Update] = Field(default_factory=list)


class _Counts(_In):
    tasks: int = Field(0, ge=0)
    statuses: dict[str, int] = Field(default_factory=dict)
    overdue: int = Field(0, ge=0)
    reported: int = Field(0, ge=0)
    last_report: dt.date | None = None


class _Row(_In):
    name: str
    code: str | None = None
    level: str | None = None
    site: str | None = None
    available: bool = True
    reason: str | None = None
    counts: _Counts = Field(default_factory=_Counts)


class _RollupMeta(_In):
    title: str
    issuer: str | None = None


class _RollupFile(_In):
    export: _Export
    rollup: _RollupMeta
    members: list[_Row] = Field(max_length=MAX_MEMBERS)


def _plan(document: dict[str, Any]) -> MemberPlan:
    parsed = _PlanFile.model_validate(document)
    names = {u.id: text(u.name, NAME_LIMIT) for u in parsed.units}
    bases = {b.id: b for b in parsed.plan.legal_bases}
    reports = sorted(parsed.updates, key=lambda u: u.date, reverse=True)[:MAX_REPORTS]
    meta = parsed.plan
    return MemberPlan(
        minor=parsed.export.minor,
        generated=parsed.export.generated,
        site_url=https_link(parsed.export.site_url),
        title=text(meta.title, NAME_LIMIT),
        issuer=text(meta.issuer, NAME_LIMIT),
        number=optional_text(meta.number),
        date=meta.date,
        admin_code=optional_text(meta.admin_code),
        tasks=[_task(t, names, bases) for t in parsed.tasks],
        reports=[
            MemberReport(task=text(u.task, 40), date=u.date, status=_status(u.status), unit=names.get(u.unit, text(u.unit, 80)),
                         note=text(u.note, TEXT_LIMIT), example=u.example)
            for u in reports
        ],
    )


def _task(task: _Task, names: dict[str, str], bases: dict[str, _Basis]) -> MemberTask:
    status = task.status or _Status()
    lead = "; ".join(names[u] for u in task.lead.units if u in names) or task.lead.text
    words = [block if isinstance(block, str) else " ".join(block.items) for block in task.content]
    return MemberTask(
        id=text(task.id, 40),
        number=text(task.number, 40),
        section=text(task.section, 20),
        heading=task.heading,
        text=text(" ".join(words), TEXT_LIMIT),
        lead=text(lead, NAME_LIMIT),
        status=_status(status.status),
        overdue=status.overdue and not task.heading,
        last_date=status.last_date,
        due=task.schedule.due,
        url=https_link(task.url),
        implements=[_link(link, bases) for link in task.implements],
    )


def _link(link: _Link, bases: dict[str, _Basis]) -> ParentLink:
    basis = bases.get(link.plan or "")
    number = link.plan_number or (basis.number if basis else None)
    issuer = link.plan_issuer or (basis.issuer if basis else None)
    return ParentLink(plan_number=optional_text(number), plan_issuer=optional_text(issuer), task=text(link.task, 40))


def _status(value: str) -> str:
    return value if value in STATUSES else NOT_REPORTED


def _rollup(document: dict[str, Any]) -> MemberRollup:
    parsed = _RollupFile.model_validate(document)
    return MemberRollup(
        minor=parsed.export.minor,
        generated=parsed.export.generated,
        site_url=https_link(parsed.export.site_url),
        title=text(parsed.rollup.title, NAME_LIMIT),
        issuer=optional_text(parsed.rollup.issuer),
        members=[_row(row) for row in parsed.members],
    )


def _row(row: _Row) -> RollupRow:
    c = row.counts
    statuses = {s: max(0, int(c.statuses.get(s, 0))) for s in STATUSES}
    return RollupRow(
        name=text(row.name, NAME_LIMIT),
        code=optional_text(row.code, 20),
        level=optional_text(row.level, 30),
        site=https_link(row.site),
        available=row.available,
        reason=optional_text(row.reason, TEXT_LIMIT),
        counts=Counts(tasks=c.tasks, statuses=statuses, overdue=c.overdue, reported=c.reported, last_report=c.last_report),
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def text(value: str, limit: int) -> str:
    """A member's text as the rollup keeps it: composed, no control or invisible characters, at most ``limit``."""
    value = _CONTROL.sub("", unicodedata.normalize("NFC", value)).strip()
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def optional_text(value: str | None, limit: int = NAME_LIMIT) -> str | None:
    return text(value, limit) or None if value is not None else None


def https_link(value: str | None) -> str | None:
    """A member's link is kept only when it is https, to a named host, with nothing that could break out of an
    attribute: javascript:, data:, http: and relative links are dropped."""
    if not value or len(value) > 2_000 or _CONTROL.search(value) or re.search(r"[\s\"'<>`\\]", value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme == "https" and parts.hostname else None
