"""The task table shared by ``tasks.csv``, ``tasks.xlsx`` and the data package.

One list of columns and one function that turns a task into a row: the
CSV, the spreadsheet and the Frictionless description all read them, so
a column added here appears, described, in all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..plan.model import TASK_ID, Plan, Task, require_every_field
from ..text import content_text
from .common import PRECISION_LABELS, task_url

BULLET = "• "
"""Marks a list item inside a cell. Not ``-``, so that a list never looks like a formula."""

MULTI = "; "
"""Joins several units or kinds in one cell (their names contain commas, never semicolons)."""

YES, NO = "có", "không"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""


@dataclass(frozen=True)
class Column:
    """One column of the task table; ``header`` is also the Frictionless field name."""

    key: str
    header: str
    description: str
    type: Literal["string", "boolean", "date"] = "string"
    format: str | None = None
    constraints: dict[str, Any] = field(default_factory=dict)
    width: int = 40
    """Widest the spreadsheet column may get, in characters; longer text wraps."""


COLUMNS: tuple[Column, ...] = (
    Column("id", "Mã nhiệm vụ", "Mã duy nhất của nhiệm vụ, ví dụ V.8 hoặc IV.1.a.",
           constraints={"required": True, "unique": True, "pattern": TASK_ID.strip("^$")}, width=10),
    Column("section", "Phần", "Số La Mã của phần chứa nhiệm vụ (I đến VI).", constraints={"required": True}, width=6),
    Column("number", "Số thứ tự", "Số thứ tự như trong văn bản gốc (1, 2… hoặc a, b, c với mục con).",
           constraints={"required": True}, width=8),
    Column("parent", "Mục cha", "Mã của mục chứa mục con này (IV.1 cho IV.1.a); để trống nếu không có.", width=8),
    Column("heading", "Là mục tiêu đề",
           "\"có\" nếu dòng này là mục tiêu đề chỉ gồm các mục con, không có đơn vị, sản phẩm, thời gian riêng.",
           type="boolean", constraints={"required": True}, width=8),
    Column("content", "Nội dung nhiệm vụ",
           "Nguyên văn nội dung. Mỗi đoạn một dòng; mỗi gạch đầu dòng một dòng bắt đầu bằng \"• \"; "
           "chữ nghiêng được đánh dấu *như thế này*.", constraints={"required": True}, width=80),
    Column("lead_text", "Đơn vị chủ trì (nguyên văn)", "Nguyên văn ô \"Đơn vị chủ trì\" trong văn bản gốc.", width=40),
    Column("lead_units", "Đơn vị chủ trì", "Tên chuẩn của các đơn vị chủ trì, cách nhau bằng \"; \".", width=40),
    Column("coordinating_text", "Đơn vị phối hợp (nguyên văn)", "Nguyên văn ô \"Đơn vị phối hợp\" trong văn bản gốc.",
           width=40),
    Column("coordinating_units", "Đơn vị phối hợp", "Tên chuẩn của các đơn vị phối hợp, cách nhau bằng \"; \".", width=40),
    Column("deliverable_text", "Sản phẩm (nguyên văn)", "Nguyên văn ô \"Sản phẩm\" trong văn bản gốc.", width=36),
    Column("deliverable_kinds", "Loại sản phẩm", "Tên các loại sản phẩm, cách nhau bằng \"; \".", width=36),
    Column("schedule_text", "Thời gian thực hiện (nguyên văn)", "Nguyên văn ô \"Thời gian thực hiện\" trong văn bản gốc.",
           width=30),
    Column("schedule_kinds", "Loại thời gian", "Thường xuyên, Hằng năm…, cách nhau bằng \"; \".", width=24),
    Column("due", "Hạn hoàn thành",
           "Hạn hoàn thành nếu văn bản có nêu (trong tệp CSV: năm-tháng-ngày, ví dụ 2025-09-30; "
           "trong tệp Excel: ngày/tháng/năm, ví dụ 30/9/2025).", type="date", width=12),
    Column("due_precision", "Hạn nêu theo",
           "Văn bản nêu hạn theo ngày, tháng, quý hay năm; để trống nếu không có hạn.",
           constraints={"enum": ["", *PRECISION_LABELS.values()]}, width=10),
    Column("note", "Ghi chú", "Ghi chú biên tập của trang web (không có trong văn bản gốc).", width=60),
    Column("implements", "Thực hiện nhiệm vụ của kế hoạch cấp trên",
           "Nhiệm vụ của kế hoạch cấp trên (một căn cứ của kế hoạch) mà nhiệm vụ này thực hiện: số kế hoạch và mã "
           "nhiệm vụ, ví dụ \"17/KH-UBND: V.8\", cách nhau bằng \"; \"; để trống nếu chưa gắn.", width=24),
    Column("url", "Trang nhiệm vụ", "Địa chỉ trang của nhiệm vụ trên trang web.", format="uri", width=40),
)

HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)

FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "section", "parent", "url"), "number": ("number",), "content": ("content",), "heading": ("heading",),
    "note": ("note",), "lead": ("lead_text", "lead_units"), "coordinating": ("coordinating_text", "coordinating_units"),
    "deliverable": ("deliverable_text", "deliverable_kinds"),
    "schedule": ("schedule_text", "schedule_kinds", "due", "due_precision"), "extra": (),  # one column per extra column
    "implements": ("implements",),
}  # fmt: skip
"""Which columns of the table carry each field of a task: every field of the model has its columns."""
require_every_field(Task, FIELD_COLUMNS, besides=(), where="macros/exports/task_table.py")

EXTRA_KEY = "extra:"
"""Prefix of the keys of a plan's extra columns in a row (``extra:kinh-phi``)."""


def plan_columns(plan: Plan) -> tuple[Column, ...]:
    """The task table of this plan: the fixed columns, with the source's extra columns ("Kinh phí", "Ghi chú"…)
    after the schedule, each under its own header marked "(nguyên văn)" as the other verbatim cells are."""
    taken = set(HEADERS)
    extra: list[Column] = []
    for column in plan.plan.extra_columns:
        header = f"{column.header} (nguyên văn)"
        if header in taken:  # two columns of the same name in the source, or one named like ours
            header = f"{column.header} ({column.id}, nguyên văn)"
        taken.add(header)
        extra.append(Column(f"{EXTRA_KEY}{column.id}", header,
                            f"Nguyên văn ô \"{column.header}\" trong văn bản gốc (một cột khác của phụ lục).", width=30))
    at = next(i for i, c in enumerate(COLUMNS) if c.key == "note")
    return (*COLUMNS[:at], *extra, *COLUMNS[at:])


def task_row(plan: Plan, task: Task, site_url: str | None = None) -> dict[str, str]:
    """A task as text cells keyed by :attr:`Column.key`; dates in ISO form (writers may reformat)."""
    schedule = task.schedule
    return {
        "id": task.id,
        "section": task.section_id,
        "number": task.number,
        "parent": task.parent_id or "",
        "heading": YES if task.heading else NO,
        "content": content_text(task.content, bullet=BULLET),
        "lead_text": task.lead.text,
        "lead_units": MULTI.join(plan.unit_by_id[u].name for u in task.lead.units),
        "coordinating_text": task.coordinating.text,
        "coordinating_units": MULTI.join(plan.unit_by_id[u].name for u in task.coordinating.units),
        "deliverable_text": task.deliverable.text,
        "deliverable_kinds": MULTI.join(plan.kind_by_id[k].name for k in task.deliverable.kinds),
        "schedule_text": schedule.text,
        "schedule_kinds": MULTI.join(plan.schedule_by_id[k].name for k in schedule.kinds),
        "due": schedule.due.isoformat() if schedule.due else "",
        "due_precision": PRECISION_LABELS[schedule.due_precision] if schedule.due else "",
        "note": task.note or "",
        "implements": MULTI.join(f"{plan.basis_by_id[link.plan].number}: {link.task}" for link in task.confirmed_links),
        "url": task_url(site_url, task) or "",
        **{f"{EXTRA_KEY}{column.id}": task.extra.get(column.id, "") for column in plan.plan.extra_columns},
    }


def task_rows(plan: Plan, site_url: str | None = None) -> list[dict[str, str]]:
    """Every task in document order, heading items included (marked as such in the "heading" column)."""
    return [task_row(plan, task, site_url) for task in plan.tasks]


def is_formula_like(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def guard(value: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would run as a formula.

    A cell that already starts with an apostrophe gets one too, so that a
    reader can always remove exactly one and get the text back.
    """
    return "'" + value if is_formula_like(value) or value.startswith("'") else value


UNIT_HEADERS = (
    "Mã đơn vị",
    "Tên đơn vị",
    "Tên ngắn",
    "Loại",
    "Thuộc nhóm",
    "Số nhiệm vụ chủ trì",
    "Số nhiệm vụ phối hợp",
)
"""The columns of the units sheet of tasks.xlsx, which Dữ liệu mở also lists (kept here, away from openpyxl)."""
