"""What a rollup keeps of each member: the figures and texts its pages, downloads and report need, and no more.

A member's file is untrusted input. :mod:`macros.rollup.contract` reads it into these models, which
are bounded (every text cut to a length, every list to a count), composed (NFC) and whose links are
https only. The snapshot stores them as they are here, so the build reads a small, checked file per
member instead of the member's whole plan.json.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..progress.state import DERIVED_LABELS, NOT_REPORTED

STATUSES: tuple[str, ...] = tuple(DERIVED_LABELS)
"""Every status a member's task may have, in the order the site lists them (as the plan's pages do: not reported last)."""
STALE_DAYS = 90
"""A member with no report for this many days is marked stale."""


class _Kept(BaseModel):
    """The snapshot's own shapes: forbid what this code did not write."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ParentLink(_Kept):
    """A member task's ``implements``: which task of which plan (by number and issuer, as the member names it)."""

    plan_number: str | None = None
    plan_issuer: str | None = None
    task: str


class MemberTask(_Kept):
    id: str
    number: str
    section: str
    heading: bool = False
    text: str = Field(description="Nội dung nhiệm vụ, một đoạn văn (cắt ngắn nếu quá dài).")
    lead: str = Field("", description="Tên các đơn vị chủ trì (hoặc nguyên văn ô chủ trì).")
    status: str = Field(NOT_REPORTED, description="Một trong STATUSES.")
    overdue: bool = False
    last_date: dt.date | None = None
    due: dt.date | None = None
    url: str | None = Field(None, description="Trang của nhiệm vụ trên trang của thành viên (chỉ https).")
    implements: list[ParentLink] = Field(default_factory=list)


class MemberReport(_Kept):
    task: str
    date: dt.date
    status: str
    unit: str = Field("", description="Tên đơn vị báo cáo.")
    note: str = ""
    example: bool = False


class MemberPlan(_Kept):
    """A member that publishes a plan (plan.json)."""

    kind: Literal["plan"] = "plan"
    minor: int = 0
    generated: dt.date | None = None
    site_url: str | None = None
    title: str
    issuer: str
    number: str | None = None
    date: dt.date | None = None
    admin_code: str | None = None
    tasks: list[MemberTask]
    reports: list[MemberReport] = Field(default_factory=list, description="Mới nhất trước.")

    @property
    def leaf_tasks(self) -> list[MemberTask]:
        return [t for t in self.tasks if not t.heading]


class Counts(_Kept):
    """A member's figures, also the row a higher rollup reads from this rollup's rollup.json."""

    tasks: int = 0
    statuses: dict[str, int] = Field(default_factory=lambda: {s: 0 for s in STATUSES})
    overdue: int = 0
    reported: int = Field(0, description="Nhiệm vụ đã có ít nhất một báo cáo.")
    last_report: dt.date | None = None


class RollupRow(_Kept):
    """One member of a member that is itself a rollup (a row of its rollup.json)."""

    name: str
    code: str | None = None
    level: str | None = None
    site: str | None = None
    available: bool = True
    reason: str | None = None
    counts: Counts = Field(default_factory=Counts)


class MemberRollup(_Kept):
    """A member that is itself a rollup (rollup.json): a province read by the nation."""

    kind: Literal["rollup"] = "rollup"
    minor: int = 0
    generated: dt.date | None = None
    site_url: str | None = None
    title: str
    issuer: str | None = None
    members: list[RollupRow]


MemberData = MemberPlan | MemberRollup

Outcome = Literal["moi", "khong-doi", "loi"]
"""The last harvest of a member: a new copy, the copy kept unchanged (304, or the same bytes), or a failure."""
OUTCOME_LABELS: dict[str, str] = {"moi": "Đã cập nhật", "khong-doi": "Không đổi", "loi": "Lỗi"}


class HarvestRecord(_Kept):
    """What the snapshot knows of a member besides its data: the last attempt and the last success."""

    source: str
    outcome: Outcome
    reason: str | None = Field(None, description="Vì sao lần thu thập gần nhất không lấy được dữ liệu.")
    checked: dt.datetime = Field(description="Lần thu thập gần nhất (UTC).")
    last_good: dt.datetime | None = Field(None, description="Lần gần nhất lấy được một bản hợp lệ (UTC).")
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = Field(None, description="Của bản đã lưu, để biết bản mới có khác không.")
