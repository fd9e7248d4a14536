"""The typed model of a plan, as written in ``data/plan.yaml``.

The model is the contract between editors (who write YAML), the checker
(which explains mistakes) and the site (which only ever reads a valid
model). Everything a page shows is a field here; everything a page
computes lives in :mod:`macros.site` (its views and pages).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SECTION_ID = r"^[IVXLCDM]+$"
TASK_ID = r"^[IVXLCDM]+(\.[0-9]+)+(\.[a-zđ])?$"
SLUG_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ADMIN_CODE = r"^[0-9]{2}([0-9]{3})?$"
"""A code of the national list of administrative units: 2 digits for a province, 5 for a commune."""
MAX_ID = 60
"""Characters in a unit, product, schedule or legal basis id. Ids are page addresses and file names (a report is
named date-task-unit.yaml); a file system refuses a name past 255 bytes, and a long address is a poor one to share."""
MAX_TASK_ID = 30
"""Characters in a task id: an appendix numbers to three levels or so (IV.12.a); the pattern alone has no end."""
MAX_SECTION_ID = 12
"""Characters in a section id, a Roman numeral (XXXVIII is 6)."""
ID_LIMITS = frozenset({MAX_ID, MAX_TASK_ID, MAX_SECTION_ID})

SOURCE_ROLES = ("number", "task", "lead", "coordinating", "deliverable", "schedule")
"""The six columns the site understands, in the order of ``source_columns``; ``column_order`` names them so."""
NO_COLUMN = "(văn bản không có cột này)"
"""The header written in ``source_columns`` for a role the document has no column for."""


def _nfc(value: str) -> str:
    """All text is stored composed (NFC) so that search, comparison and
    display agree whatever keyboard or export produced it."""
    return unicodedata.normalize("NFC", value)


MAX_TEXT = 20_000
"""Characters in one text field: ten times the longest task of a real appendix; a longer one is a pasting mistake."""

Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_nfc)]
NonEmptyText = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_nfc)]
SlugId = Annotated[str, Field(pattern=SLUG_ID, max_length=MAX_ID)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ListBlock(Strict):
    """A bulleted list inside a cell (the source's ``<ul><li>``)."""

    items: list[NonEmptyText] = Field(min_length=1, description="Các gạch đầu dòng, chép đúng văn bản gốc.")


Block = NonEmptyText | ListBlock


class UnitCell(Strict):
    """A lead or coordinating cell: the source's wording plus the units it names."""

    text: Text = Field("", description="Nguyên văn ô trong văn bản gốc.")
    units: list[SlugId] = Field(default_factory=list, description="Mã các đơn vị (xem units).")


class DeliverableCell(Strict):
    text: Text = Field("", description="Nguyên văn ô \"Sản phẩm\".")
    kinds: list[SlugId] = Field(default_factory=list, description="Mã các loại sản phẩm (xem deliverable_kinds).")


class ScheduleCell(Strict):
    text: Text = Field("", description="Nguyên văn ô \"Thời gian thực hiện\".")
    kinds: list[SlugId] = Field(default_factory=list, description="Mã các loại thời gian (xem schedules).")
    due: dt.date | None = Field(None, description="Hạn hoàn thành (YYYY-MM-DD), nếu văn bản có nêu.")
    due_precision: Literal["day", "month", "quarter", "year"] = Field(
        "day", description="Văn bản nêu hạn theo ngày, tháng, quý hay năm."
    )


# A link from a task to a task of a higher-level plan it carries out ("thực hiện nhiệm vụ V.8 của Kế hoạch số
# 17/KH-UBND"). ``suggested`` marks one that ``make link`` proposed and no editor has confirmed yet: such a link is
# warned about by make check, and neither shown nor exported. (No docstring: it would become the schema's description.)
class TaskLink(Strict):
    plan: SlugId = Field(
        description="Mã của kế hoạch cấp trên trong plan.legal_bases (căn cứ mà kế hoạch này thực hiện), "
        "ví dụ kh-17-kh-ubnd."
    )
    task: Annotated[str, Field(
        pattern=TASK_ID, max_length=MAX_TASK_ID, description="Mã nhiệm vụ trong kế hoạch cấp trên, ví dụ V.8."
    )]
    suggested: float | None = Field(
        None, ge=0, le=1,
        description="Độ giống (0 đến 1) của một liên kết do lệnh make link gợi ý, chưa được người biên tập xác nhận. "
        "Xóa dòng này để xác nhận liên kết, hoặc xóa cả liên kết; liên kết còn dòng này không hiện trên trang và "
        "không có trong dữ liệu tải về.",
    )

    @property
    def confirmed(self) -> bool:
        return self.suggested is None


# A new field of Task touches: this class; data/plan.schema.json (make schema); the summary of pull requests
# (TASK_FIELDS in macros/diff.py) and the downloads (FIELD_COLUMNS, COLUMNS and task_row in
# macros/exports/task_table.py; ExportTask in macros/exports/plan_json.py), each of which refuses to import while
# the field is missing (require_every_field); the task page (TaskView in macros/site/views.py, templates/task.html)
# and its golden file; and, if the appendix states it, the importer (macros/importer/). A docstring here would
# become the schema's description, which editors read.
class Task(Strict):
    id: Annotated[str, Field(pattern=TASK_ID, max_length=MAX_TASK_ID, description="Mã nhiệm vụ, ví dụ V.8 hoặc IV.1.a.")]
    number: NonEmptyText = Field(description="Số thứ tự như trong văn bản gốc (1, 2, a, b…).")
    content: list[Block] = Field(min_length=1, description="Các đoạn nội dung, chép đúng văn bản gốc.")
    heading: bool = Field(False, description="Mục tiêu đề có các mục con, không có đơn vị riêng.")
    note: Text | None = Field(None, description="Ghi chú biên tập, hiển thị trên trang.")
    lead: UnitCell = Field(default_factory=UnitCell)
    coordinating: UnitCell = Field(default_factory=UnitCell)
    deliverable: DeliverableCell = Field(default_factory=DeliverableCell)
    schedule: ScheduleCell = Field(default_factory=ScheduleCell)
    extra: dict[SlugId, Text] = Field(
        default_factory=dict,
        description="Ô của các cột khác của văn bản gốc (xem plan.extra_columns), theo mã cột, chép nguyên văn; "
        "cột để trống thì không cần ghi.",
    )
    implements: list[TaskLink] = Field(
        default_factory=list,
        description="Các nhiệm vụ của kế hoạch cấp trên (một căn cứ trong plan.legal_bases) mà nhiệm vụ này thực hiện.",
    )

    @property
    def confirmed_links(self) -> list[TaskLink]:
        """The links an editor has set or confirmed: the only ones a page or a download shows."""
        return [link for link in self.implements if link.confirmed]

    @property
    def parent_id(self) -> str | None:
        """Sub-items carry their parent in their id (IV.1.a → IV.1), so the
        tree can never disagree with the numbering."""
        parts = self.id.split(".")
        return ".".join(parts[:-1]) if len(parts) > 2 else None

    @property
    def section_id(self) -> str:
        return self.id.split(".")[0]

    @property
    def slug(self) -> str:
        return task_slug(self.id)

    @property
    def depth(self) -> int:
        return len(self.id.split(".")) - 2


def task_slug(task_id: str) -> str:
    """V.8 → v-8, IV.1.đ → iv-1-dd: a stable, ASCII address for a task.

    đ follows d in the Vietnamese alphabet, so sub-items d and đ can both
    exist; "dd" (the Telex spelling of đ) keeps their addresses apart."""
    return task_id.lower().replace("đ", "dd").replace(".", "-")


class Section(Strict):
    id: Annotated[str, Field(pattern=SECTION_ID, max_length=MAX_SECTION_ID, description="Số La Mã của phần: I, II…")]
    number: Text | None = Field(
        None, description="Số của phần như văn bản gốc ghi, khi khác mã (văn bản đánh số phần 1, 2…: phần 1 có mã I)."
    )
    title: NonEmptyText = Field(description="Tên phần, chép đúng văn bản gốc.")
    tasks: list[Task] = Field(default_factory=list)

    @property
    def leaf_count(self) -> int:
        """Tasks with work of their own: a heading over sub-items is not counted."""
        return sum(1 for t in self.tasks if not t.heading)


class Unit(Strict):
    id: SlugId
    name: NonEmptyText = Field(description="Tên chuẩn của đơn vị.")
    short: NonEmptyText = Field(description="Tên ngắn, dùng trong bảng.")
    kind: Literal["agency", "group"] = Field(description="agency: một cơ quan; group: một nhóm cơ quan.")
    member_of: list[SlugId] = Field(default_factory=list, description="Các nhóm (group) mà đơn vị thuộc về.")
    aliases: list[NonEmptyText] = Field(default_factory=list, description="Các cách viết khác trong văn bản.")


class DeliverableKind(Strict):
    id: SlugId
    name: NonEmptyText
    aliases: list[NonEmptyText] = Field(default_factory=list)


class Schedule(Strict):
    id: SlugId
    name: NonEmptyText
    aliases: list[NonEmptyText] = Field(default_factory=list)


class LegalBasis(Strict):
    id: SlugId
    title: NonEmptyText
    number: NonEmptyText
    date: dt.date | None = None
    issuer: NonEmptyText


class ExtraColumn(Strict):
    """A column of the source beyond the six the site understands ("Kinh phí", "Ghi chú"…): kept, shown, exported."""

    id: SlugId = Field(description="Mã cột (chữ thường, không dấu), dùng trong column_order và trong extra của nhiệm vụ.")
    header: NonEmptyText = Field(description="Tiêu đề cột, chép nguyên văn văn bản gốc.")


class ColumnGroup(Strict):
    """A header cell merged over several columns, above their own headers ("Cơ quan thực hiện" over "Chủ trì", "Phối hợp")."""

    header: NonEmptyText = Field(description="Chữ của ô tiêu đề chung, chép nguyên văn.")
    columns: list[SlugId] = Field(min_length=2, description="Các cột nằm dưới ô đó, liền nhau theo column_order.")


class PlanMeta(Strict):
    title: NonEmptyText = Field(description="Tên kế hoạch, viết thường như câu.")
    source_label: Text = ""
    source_title: NonEmptyText = Field(description="Tiêu đề nguyên văn của phụ lục.")
    source_attachment: Text = ""
    issuer: NonEmptyText
    admin_code: Annotated[str, Field(pattern=ADMIN_CODE)] | None = Field(
        None,
        description="Mã đơn vị hành chính của cơ quan ban hành, theo danh mục đơn vị hành chính Việt Nam: 2 chữ số với "
        "một tỉnh, 5 chữ số với một xã; viết trong ngoặc kép để giữ số 0 ở đầu. Để trống nếu chưa biết.",
    )
    province: NonEmptyText
    number: Text | None = Field(None, description="Số kế hoạch của xã; để trống nếu văn bản để trống.")
    date: dt.date | None = Field(None, description="Ngày kế hoạch của xã; để trống nếu văn bản để trống.")
    topic: NonEmptyText
    summary: list[NonEmptyText] = Field(min_length=1)
    legal_bases: list[LegalBasis] = Field(min_length=1)
    source_columns: list[NonEmptyText] = Field(
        min_length=6,
        max_length=6,
        description="Tiêu đề nguyên văn của sáu cột: số thứ tự, nội dung, chủ trì, phối hợp, sản phẩm, thời gian "
        f"(luôn theo thứ tự này); cột văn bản không có thì ghi \"{NO_COLUMN}\".",
    )
    column_order: list[SlugId] | None = Field(
        None,
        description="Thứ tự các cột như trong văn bản gốc, để trang Bản in và trang nhiệm vụ theo đúng thứ tự đó: "
        "number, task, lead, coordinating, deliverable, schedule và mã các cột trong extra_columns; bắt đầu bằng "
        "number. Bỏ trống: sáu cột theo thứ tự của source_columns, rồi các cột khác.",
    )
    extra_columns: list[ExtraColumn] = Field(
        default_factory=list, description="Các cột khác của văn bản gốc (Kinh phí, Ghi chú…), giữ nguyên văn."
    )
    column_groups: list[ColumnGroup] = Field(
        default_factory=list, description="Ô tiêu đề chung gộp trên nhiều cột (tiêu đề hai tầng), nếu văn bản có."
    )

    @property
    def columns(self) -> list[str]:
        """Roles and extra-column ids in the source's order (the Bản in columns)."""
        if self.column_order is not None:
            return list(self.column_order)
        return [*SOURCE_ROLES, *(c.id for c in self.extra_columns)]

    def header(self, column: str) -> str:
        """The source's header text of a role or extra column."""
        if column in SOURCE_ROLES:
            return self.source_columns[SOURCE_ROLES.index(column)]
        return next(c.header for c in self.extra_columns if c.id == column)


class Plan(Strict):
    plan: PlanMeta
    units: list[Unit] = Field(min_length=1)
    deliverable_kinds: list[DeliverableKind] = Field(min_length=1)
    schedules: list[Schedule] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)

    # Derived lookups. The model is frozen, so these are computed once.

    @cached_property
    def tasks(self) -> list[Task]:
        return [t for s in self.sections for t in s.tasks]

    @cached_property
    def leaf_tasks(self) -> list[Task]:
        return [t for t in self.tasks if not t.heading]

    @cached_property
    def task_by_id(self) -> dict[str, Task]:
        return {t.id: t for t in self.tasks}

    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def kind_by_id(self) -> dict[str, DeliverableKind]:
        return {k.id: k for k in self.deliverable_kinds}

    @cached_property
    def schedule_by_id(self) -> dict[str, Schedule]:
        return {s.id: s for s in self.schedules}

    @cached_property
    def basis_by_id(self) -> dict[str, LegalBasis]:
        return {b.id: b for b in self.plan.legal_bases}

    @cached_property
    def section_by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}

    def children(self, task: Task) -> list[Task]:
        return [t for t in self.tasks if t.parent_id == task.id]


def require_every_field(model: type[BaseModel], named: Iterable[str], besides: Iterable[str], where: str) -> None:
    """Stop at import when a module that maps this model's fields one by one (the summary of a pull request,
    the task table of the downloads) misses one: a new field would otherwise be dropped without a word."""
    missing = set(model.model_fields) - set(named) - set(besides)
    if missing:
        raise RuntimeError(f"{where}: trường {sorted(missing)} của {model.__name__} chưa được ánh xạ.")
