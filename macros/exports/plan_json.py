"""``plan.json`` and its JSON Schema: the whole plan for programs.

The export is the model flattened for readers: tasks form one list in
document order, each carrying its section and parent, while sections
list their task ids. :func:`plan_from_export` puts the tree back
together, which is how the tests prove nothing was lost.

``updates`` lists every progress report and each task carries its
computed ``status`` (null for heading items, or when the file is made
without progress data).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from .. import urls
from ..plan.model import (
    SECTION_ID,
    TASK_ID,
    Block,
    DeliverableCell,
    DeliverableKind,
    Plan,
    PlanMeta,
    Schedule,
    ScheduleCell,
    Section,
    Task,
    TaskLink,
    Unit,
    UnitCell,
    require_every_field,
)
from ..plan.schema import json_schema
from ..rollup.contract import Refused, version_of
from .common import Licence, check_licence, json_bytes, licence_statement, task_url

FORMAT: Final = "ke-hoach-nhiem-vu"
MAJOR: Final = 1
"""Raised only when a field is removed, renamed or changes its meaning: a reader refuses a major it does not know."""
MINOR: Final = 1
"""Raised when fields are added (1.1: ``minor``, ``plan.admin_code``, ``tasks[].implements``): a reader of the same
major accepts any minor and ignores the fields it does not know. The rule is written for readers in
docs/dinh-dang-du-lieu.md, with the changelog."""
VERSION: Final = MAJOR
"""The ``export.version`` field, which has always held the major."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExportInfo(_Frozen):
    format: Literal["ke-hoach-nhiem-vu"] = Field(FORMAT, description="Tên định dạng của tệp này.")
    version: Literal[1] = Field(
        MAJOR, description="Phiên bản chính của định dạng: chỉ tăng khi một trường bị bỏ, đổi tên hay đổi nghĩa. "
        "Chương trình đọc từ chối phiên bản chính mà nó không biết."
    )
    minor: int = Field(
        MINOR, ge=0, description="Phiên bản phụ: tăng khi có thêm trường mới. Chương trình đọc chấp nhận mọi phiên bản "
        "phụ của phiên bản chính mà nó biết và bỏ qua các trường nó không biết; tệp không có trường này là bản 1.0.",
        json_schema_extra={"default": 0},  # what a reader assumes when the field is absent: the file is a 1.0
    )
    generated: dt.date = Field(description="Ngày dựng tệp (ngày tham chiếu của lần dựng trang).")
    site_url: str | None = Field(None, description="Địa chỉ trang web công bố tệp này.")
    licence: Licence | None = Field(None, description="Giấy phép sử dụng dữ liệu; null khi chưa được công bố.")
    licence_statement: str = Field(description="Câu nói rõ giấy phép, hoặc nói rằng giấy phép chưa được công bố.")


class ExportSection(_Frozen):
    id: Annotated[str, Field(pattern=SECTION_ID, description="Số La Mã của phần.")]
    title: str = Field(description="Tên phần, chép đúng văn bản gốc.")
    tasks: list[str] = Field(description="Mã các nhiệm vụ của phần, theo thứ tự văn bản.")


class ExportStatus(_Frozen):
    status: str = Field(
        description="Tình trạng hiện tại: chua-co-bao-cao, chua-bat-dau, dang-thuc-hien, hoan-thanh, tam-dung, khong-thuc-hien."
    )
    label: str = Field(description="Tên tình trạng bằng tiếng Việt.")
    overdue: bool = Field(description="true: đã qua hạn hoàn thành mà chưa hoàn thành (tính theo ngày dựng).")
    last_date: dt.date | None = Field(description="Ngày báo cáo gần nhất.")
    last_unit: str | None = Field(description="Mã đơn vị báo cáo gần nhất.")


class ExportUpdate(_Frozen):
    id: str = Field(description="Mã báo cáo (tên tệp trong data/updates/).")
    task: str
    date: dt.date
    status: str
    label: str
    unit: str
    note: str
    reason: str | None
    evidence: dict[str, str | None] | None
    example: bool = Field(description="true: dữ liệu mẫu, chưa phải báo cáo thật.")


class ExportLink(_Frozen):
    plan: str = Field(description="Mã của kế hoạch cấp trên trong plan.legal_bases.")
    task: Annotated[str, Field(pattern=TASK_ID, description="Mã nhiệm vụ trong kế hoạch cấp trên (id trong plan.json của nó).")]
    plan_number: str = Field(description="Số của kế hoạch cấp trên, như legal_bases ghi (ví dụ 17/KH-UBND).")
    plan_issuer: str = Field(description="Cơ quan ban hành kế hoạch cấp trên, như legal_bases ghi.")


class ExportTask(_Frozen):
    id: Annotated[str, Field(pattern=TASK_ID, description="Mã nhiệm vụ, ví dụ V.8 hoặc IV.1.a.")]
    number: str = Field(description="Số thứ tự như trong văn bản gốc.")
    section: Annotated[str, Field(pattern=SECTION_ID, description="Phần chứa nhiệm vụ.")]
    parent: str | None = Field(description="Mã mục cha (IV.1 cho IV.1.a), hoặc null.")
    heading: bool = Field(description="true: mục tiêu đề chỉ gồm các mục con.")
    content: list[Block] = Field(description="Các đoạn nội dung; một danh sách có dạng {\"items\": [...]}.")
    note: str | None = Field(description="Ghi chú biên tập của trang web, không có trong văn bản gốc.")
    lead: UnitCell
    coordinating: UnitCell
    deliverable: DeliverableCell
    schedule: ScheduleCell
    extra: dict[str, str] = Field(
        default_factory=dict, description="Ô của các cột khác của văn bản gốc, theo mã cột (xem plan.extra_columns)."
    )
    url: str | None = Field(description="Địa chỉ trang của nhiệm vụ, nếu biết địa chỉ trang web.")
    status: ExportStatus | None = Field(
        None, description="Tình trạng tiến độ hiện tại, tính từ các báo cáo; null với mục tiêu đề."
    )
    implements: list[ExportLink] = Field(
        default_factory=list,
        description="Các nhiệm vụ của kế hoạch cấp trên mà nhiệm vụ này thực hiện, đã được người biên tập xác nhận "
        "(từ bản 1.1; vắng ở tệp cũ hơn).",
    )



require_every_field(Task, ExportTask.model_fields, besides=(), where="macros/exports/plan_json.py")

class PlanExport(_Frozen):
    """The document ``plan.json`` holds; its JSON Schema is ``plan.export.schema.json``."""

    export: ExportInfo = Field(description="Về tệp này: định dạng, ngày dựng, địa chỉ trang, giấy phép.")
    plan: PlanMeta = Field(description="Thông tin kế hoạch: tên, cơ quan ban hành, căn cứ, tiêu đề các cột gốc.")
    sections: list[ExportSection] = Field(description="Các phần theo thứ tự văn bản, với mã các nhiệm vụ của mỗi phần.")
    tasks: list[ExportTask] = Field(description="Mọi nhiệm vụ theo thứ tự văn bản, kể cả mục tiêu đề (heading: true).")
    units: list[Unit] = Field(description="Các đơn vị; lead.units và coordinating.units trỏ tới id ở đây.")
    deliverable_kinds: list[DeliverableKind] = Field(description="Các loại sản phẩm; deliverable.kinds trỏ tới đây.")
    schedules: list[Schedule] = Field(description="Các loại thời gian; schedule.kinds trỏ tới đây.")
    updates: list[ExportUpdate] = Field(
        default_factory=list, description="Mọi báo cáo tiến độ, mới nhất trước."
    )


def plan_export(
    plan: Plan,
    reference_date: dt.date,
    site_url: str | None = None,
    licence: dict[str, str] | None = None,
    progress: Any = None,
) -> PlanExport:
    """``progress`` is a :class:`macros.progress.state.PlanState` (or None: no status, no updates)."""
    licence = check_licence(licence)
    statuses = {task_id: _status(p) for task_id, p in progress.tasks.items()} if progress else {}
    return PlanExport(
        export=ExportInfo(
            generated=reference_date,
            site_url=urls.site_base(site_url),
            licence=Licence(**licence) if licence else None,
            licence_statement=licence_statement(licence),
        ),
        plan=plan.plan,
        sections=[ExportSection(id=s.id, title=s.title, tasks=[t.id for t in s.tasks]) for s in plan.sections],
        tasks=[_export_task(plan, task, site_url, statuses.get(task.id)) for task in plan.tasks],
        units=plan.units,
        deliverable_kinds=plan.deliverable_kinds,
        schedules=plan.schedules,
        updates=[_update(r) for r in _newest_first(progress.records)] if progress else [],
    )


def _newest_first(records: Any) -> list[Any]:
    from ..progress.state import newest_first

    return newest_first(records)


def _status(progress: Any) -> ExportStatus:
    return ExportStatus(
        status=progress.status, label=progress.label, overdue=progress.overdue,
        last_date=progress.last_date, last_unit=progress.last_unit,
    )


def _update(record: Any) -> ExportUpdate:
    u = record.update
    return ExportUpdate(
        id=record.id, task=u.task, date=u.date, status=u.status, label=u.status_label, unit=u.unit,
        note=u.note, reason=u.reason, evidence=u.evidence.model_dump() if u.evidence else None, example=u.example,
    )


def _export_task(plan: Plan, task: Task, site_url: str | None, status: ExportStatus | None = None) -> ExportTask:
    return ExportTask(
        id=task.id,
        number=task.number,
        section=task.section_id,
        parent=task.parent_id,
        heading=task.heading,
        content=task.content,
        note=task.note,
        lead=task.lead,
        coordinating=task.coordinating,
        deliverable=task.deliverable,
        schedule=task.schedule,
        extra=task.extra,
        url=task_url(site_url, task),
        status=status,
        implements=[_link(plan, link) for link in task.confirmed_links],
    )


def _link(plan: Plan, link: TaskLink) -> ExportLink:
    """A confirmed link with its legal basis's number and issuer, so that a reader matches it to the higher-level
    plan's plan.json without looking the basis up."""
    basis = plan.basis_by_id[link.plan]
    return ExportLink(plan=link.plan, task=link.task, plan_number=basis.number, plan_issuer=basis.issuer)


def plan_json(
    plan: Plan,
    reference_date: dt.date,
    site_url: str | None = None,
    licence: dict[str, str] | None = None,
    progress: Any = None,
) -> bytes:
    """``plan.json``: UTF-8, readable indentation, keys in model order (stable across builds)."""
    data = plan_export(plan, reference_date, site_url, licence, progress).model_dump(mode="json", exclude_none=False)
    return json_bytes(data)


def export_schema_json() -> bytes:
    """The JSON Schema of ``plan.json``, generated from :class:`PlanExport` so it cannot drift."""
    return json_schema(
        PlanExport,
        "Kế hoạch nhiệm vụ (plan.json)",
        "Cấu trúc của tệp plan.json: thông tin kế hoạch, các phần, các nhiệm vụ theo thứ tự văn bản, "
        "các đơn vị, loại sản phẩm, loại thời gian; tình trạng tiến độ (status) và các báo cáo (updates). "
        f"Lược đồ của phiên bản {MAJOR}.{MINOR}; tệp của mọi phiên bản {MAJOR}.x đều hợp lệ theo lược đồ này, "
        "vì một phiên bản phụ chỉ thêm trường mới.",
        mode="serialization",
        closed=False,  # a reader ignores the fields a later minor adds, and so does the schema it validates with
    ).encode("utf-8")


class FormatError(ValueError):
    """A parsed file that is not a plan.json this code can read; the message says why, in Vietnamese."""


def readable_version(data: object) -> tuple[int, int]:
    """(major, minor) of a parsed plan.json by the versioning rule (:func:`macros.rollup.contract.version_of`, where
    the rule is written once); a file this code cannot read raises :class:`FormatError` with the reason."""
    try:
        return version_of(data, FORMAT)
    except Refused as exc:
        raise FormatError(exc.reason) from None


def plan_from_export(data: dict[str, Any]) -> Plan:
    """Rebuild the :class:`Plan` from a parsed ``plan.json`` (the inverse of :func:`plan_export`; a link still
    only suggested is not exported, so it does not come back)."""
    export = PlanExport.model_validate(data)
    by_id = {t.id: t for t in export.tasks}
    return Plan(
        plan=export.plan,
        units=export.units,
        deliverable_kinds=export.deliverable_kinds,
        schedules=export.schedules,
        sections=[
            Section(id=s.id, title=s.title, tasks=[_model_task(by_id[task_id]) for task_id in s.tasks])
            for s in export.sections
        ],
    )


def _model_task(task: ExportTask) -> Task:
    fields = ("id", "number", "content", "heading", "note", "lead", "coordinating", "deliverable", "schedule", "extra")
    links = [TaskLink(plan=link.plan, task=link.task) for link in task.implements]
    return Task(**{name: getattr(task, name) for name in fields}, implements=links)
