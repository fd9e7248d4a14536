"""The rollup's task table, shared by ``rollup-tasks.csv``, ``rollup-tasks.xlsx`` and the rollup's data package.

One row per task of every member that publishes a plan (its leaf tasks, as the last good copy holds
them), in the members file's order and each member's document order. A member that is itself a rollup
has no tasks here (its own rollup.json lists its members), and a member without any good copy has no
rows: ``rollup.json`` and the members sheet say why.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from ..progress.state import DERIVED_LABELS
from ..rollup.figures import MemberFigures, Rollup
from ..rollup.members import level_label
from ..rollup.model import STALE_DAYS, MemberPlan, MemberTask
from ..text import vn_date
from .task_table import MULTI, NO, YES, Column

ROLLUP_COLUMNS: tuple[Column, ...] = (
    Column("member", "Thành viên", "Tên thành viên (xã, phường…) có nhiệm vụ này.", constraints={"required": True}, width=24),
    Column("member_code", "Mã thành viên", "Mã đơn vị hành chính của thành viên; để trống nếu danh sách thành viên không ghi.",
           width=10),
    Column("level", "Cấp", "Cấp của thành viên: Xã, Phường, Đặc khu…", width=9),
    Column("id", "Mã nhiệm vụ", "Mã nhiệm vụ trong kế hoạch của thành viên, ví dụ V.8 (duy nhất trong mỗi thành viên).",
           constraints={"required": True}, width=10),
    Column("number", "Số thứ tự", "Số thứ tự như trong văn bản của thành viên.", width=8),
    Column("content", "Nội dung nhiệm vụ",
           "Nội dung nhiệm vụ trên một dòng; nội dung quá dài được cắt ngắn (dấu …), toàn văn ở trang nhiệm vụ.",
           constraints={"required": True}, width=70),
    Column("lead", "Đơn vị chủ trì", "Tên các đơn vị chủ trì, cách nhau bằng \"; \" (hoặc nguyên văn ô chủ trì).", width=30),
    Column("status", "Tình trạng", "Tình trạng hiện tại, như trang của thành viên công bố.",
           constraints={"required": True, "enum": list(DERIVED_LABELS.values())}, width=16),
    Column("overdue", "Quá hạn", "\"có\" nếu đã qua hạn hoàn thành mà chưa hoàn thành (tính theo ngày thành viên dựng trang).",
           type="boolean", constraints={"required": True}, width=8),
    Column("last_date", "Báo cáo gần nhất",
           "Ngày báo cáo tiến độ gần nhất (trong tệp CSV: năm-tháng-ngày; trong tệp Excel: ngày/tháng/năm); "
           "để trống nếu chưa có.", type="date", width=12),
    Column("due", "Hạn hoàn thành", "Hạn hoàn thành nếu kế hoạch của thành viên có nêu (cùng cách ghi ngày như trên).",
           type="date", width=12),
    Column("implements", "Thực hiện nhiệm vụ",
           "Mã các nhiệm vụ của kế hoạch cấp trên mà nhiệm vụ này thực hiện, cách nhau bằng \"; \"; "
           "nhiệm vụ của một kế hoạch khác có số kế hoạch đó trong ngoặc.", width=16),
    Column("url", "Trang nhiệm vụ", "Địa chỉ https trang của nhiệm vụ trên trang web của thành viên.", format="uri", width=40),
)

ROLLUP_TASKS_SHEET = "Nhiệm vụ các thành viên"
MEMBERS_SHEET = "Thành viên"
MEMBER_HEADERS: tuple[str, ...] = (
    "Thành viên", "Mã thành viên", "Cấp", "Số nhiệm vụ", *DERIVED_LABELS.values(), "Quá hạn", "Đã có báo cáo",
    "Báo cáo gần nhất", "Dữ liệu",
)  # fmt: skip
"""The columns of the members sheet of rollup-tasks.xlsx (kept here, away from openpyxl)."""


def rollup_task_rows(rollup: Rollup) -> Iterator[dict[str, str]]:
    """Every member task as text cells keyed by :attr:`Column.key`; dates in ISO form (writers may reformat)."""
    own = functools.cache(rollup.is_own_plan)  # the same few (number, issuer) pairs on every task: fold them once
    for figures in rollup.figures:
        data, member = figures.entry.data, figures.entry.member
        if not isinstance(data, MemberPlan):
            continue
        who = {"member": member.name, "member_code": member.code or "", "level": level_label(member.level)}
        for task in data.leaf_tasks:
            yield who | _task_cells(own, task)


def _task_cells(own: Callable[[str | None, str | None], bool], task: MemberTask) -> dict[str, str]:
    return {
        "id": task.id,
        "number": task.number,
        "content": task.text,
        "lead": task.lead,
        "status": DERIVED_LABELS[task.status],
        "overdue": YES if task.overdue else NO,
        "last_date": task.last_date.isoformat() if task.last_date else "",
        "due": task.due.isoformat() if task.due else "",
        "implements": MULTI.join(
            link.task if own(link.plan_number, link.plan_issuer)
            else f"{link.task} ({link.plan_number or 'kế hoạch khác'})"
            for link in task.implements
        ),
        "url": task.url or "",
    }


def member_state(figures: MemberFigures) -> str:
    """How far the member's figures can be trusted, in one phrase: the overview's, the report's and the sheet's."""
    entry, record = figures.entry, figures.entry.record
    if not entry.available:
        return f"Không có dữ liệu: {entry.reason or 'không đọc được bản đã lưu.'}"
    checked = figures.checked_on
    if figures.outdated and record is not None and checked is not None:
        since = f" lấy ngày {vn_date(figures.good_until)}" if figures.good_until else ""
        why = f" lỗi: {record.reason}" if record.reason else " lỗi"
        return f"Dùng bản đã lưu{since}; lần thu thập ngày {vn_date(checked)}{why}"
    if figures.counts is not None and figures.counts.last_report is None:
        return "Chưa có báo cáo tiến độ nào"
    if figures.stale:
        return f"Không có báo cáo tiến độ trong {STALE_DAYS} ngày"
    return f"Cập nhật ngày {vn_date(checked)}" if checked is not None else "Có dữ liệu"


def member_cells(figures: MemberFigures) -> list[str | int]:
    """A row of the members sheet, in :data:`MEMBER_HEADERS` order (figures empty without data)."""
    member, counts = figures.entry.member, figures.counts
    who: list[str | int] = [member.name, member.code or "", level_label(member.level)]
    if counts is None:
        return [*who, *([""] * (len(MEMBER_HEADERS) - 4)), member_state(figures)]
    last = vn_date(counts.last_report) if counts.last_report else ""
    statuses = [counts.statuses.get(key, 0) for key in DERIVED_LABELS]
    return [*who, counts.tasks, *statuses, counts.overdue, counts.reported, last, member_state(figures)]
