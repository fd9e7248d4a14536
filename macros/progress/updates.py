"""Progress updates: one small YAML file per report under ``data/updates/``.

One file per report means two units reporting at once touch different
files, so their pull requests never conflict. Each file is checked like
the plan: its shape by pydantic, its links to the plan (task, unit) and
to the other files (duplicates) here, every problem with file and line.

A file looks like::

    # yaml-language-server: $schema=../update.schema.json
    task: V.8
    date: 2025-10-02
    status: dang-thuc-hien
    unit: ngan-hang-csxh-ba-to
    note: "Đã rà soát danh sách hộ vay."
    evidence:
      number: "45/BC-NHCS"
      title: "Báo cáo kết quả rà soát"
      link: "https://example.org/45-bc-nhcs.pdf"
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import Field, ValidationError
from pydantic_core import ErrorDetails

from ..plan.assignments import Membership, membership
from ..plan.loader import display_path, expected_message, shape_problem
from ..plan.model import MAX_ID, MAX_TASK_ID, SLUG_ID, TASK_ID, Plan, Strict, Text, task_slug
from ..plan.problems import DataError, Problem
from ..plan.schema import json_schema
from ..plan.yamlsource import YamlDocument, field_name, load_yaml
from ..text import fold_diacritics, vn_date

Status = Literal["chua-bat-dau", "dang-thuc-hien", "hoan-thanh", "tam-dung", "khong-thuc-hien"]

# The values are ASCII so that they survive every keyboard and URL; people read the labels.
STATUS_LABELS: dict[str, str] = {
    "chua-bat-dau": "Chưa bắt đầu",
    "dang-thuc-hien": "Đang thực hiện",
    "hoan-thanh": "Hoàn thành",
    "tam-dung": "Tạm dừng",
    "khong-thuc-hien": "Không thực hiện",
}
if tuple(STATUS_LABELS) != get_args(Status):  # checked at import, also under python -O (unlike assert)
    raise RuntimeError("STATUS_LABELS và Status phải liệt kê cùng các tình trạng theo cùng thứ tự.")

# One line each on what a status means, for the report form (bao-cao/) and the guide's table.
STATUS_MEANINGS: dict[str, str] = {
    "chua-bat-dau": "đã nhận nhiệm vụ, chưa triển khai",
    "dang-thuc-hien": "đã bắt đầu, chưa xong",
    "hoan-thanh": "đã có sản phẩm theo kế hoạch",
    "tam-dung": "dừng tạm thời (nên ghi lý do)",
    "khong-thuc-hien": "sẽ không làm; bắt buộc ghi lý do",
}
if tuple(STATUS_MEANINGS) != get_args(Status):
    raise RuntimeError("STATUS_MEANINGS và Status phải liệt kê cùng các tình trạng theo cùng thứ tự.")

NEEDS_REASON = "khong-thuc-hien"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../update.schema.json"
"""The first line of every report file: editors then check the file against data/update.schema.json while typing."""
UNIT_OUTSIDE_TASK = ("đơn vị \"{unit}\" không chủ trì, không phối hợp nhiệm vụ {task}; "
                     "kiểm tra lại mã nhiệm vụ hoặc mã đơn vị.")
"""The checker's warning for a unit that does not take part in the task; the report form (bao-cao/)
shows the same words next to its unit field, filled in by its script."""
SCHEMA_PATH = Path("data/update.schema.json")
HTTP_LINK = r"^(https?://[^\s]+)?$"  # empty is allowed: the template offers link: ""
STATUS_HELP = ", ".join(f"{value} ({label.lower()})" for value, label in STATUS_LABELS.items())


class Evidence(Strict):
    """The document that shows the work was done; any one of the three is enough."""

    number: Text | None = Field(None, description="Số văn bản, ví dụ 45/BC-UBND.")
    title: Text | None = Field(None, description="Trích yếu hoặc tên văn bản.")
    link: Annotated[str, Field(pattern=HTTP_LINK)] | None = Field(
        None, description="Địa chỉ văn bản trên mạng, bắt đầu bằng https://."
    )


class Update(Strict):
    """One report by one unit on one task, as of one date."""

    task: Annotated[str, Field(pattern=TASK_ID, max_length=MAX_TASK_ID,
                               description="Mã nhiệm vụ trong data/plan.yaml, ví dụ V.8.")]
    date: dt.date = Field(description="Ngày báo cáo (YYYY-MM-DD), không sau ngày hôm nay.")
    status: Status = Field(description=f"Tình trạng: {STATUS_HELP}.")
    unit: Annotated[str, Field(pattern=SLUG_ID, max_length=MAX_ID,
                               description="Mã đơn vị báo cáo (xem units trong data/plan.yaml).")]
    note: Text = Field("", description="Tóm tắt việc đã làm, khó khăn, việc tiếp theo.")
    reason: Text | None = Field(None, description="Lý do; bắt buộc khi status là khong-thuc-hien.")
    evidence: Evidence | None = Field(None, description="Văn bản chứng minh (số, tên, đường dẫn).")
    example: bool = Field(False, description="true: dữ liệu mẫu, sẽ xóa khi có báo cáo thật.")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class UpdateRecord:
    """An update and the file it came from (for edit links, feed ids and error messages)."""

    update: Update
    file: str
    id: str  # the file name without extension: stable, unique, ASCII by convention

    def sort_key(self) -> tuple[dt.date, str]:
        """Newest by date; on the same date the file name decides, so order never depends on disk order."""
        return (self.update.date, self.id)


@dataclass
class LoadedUpdates:
    records: list[UpdateRecord]
    warnings: list[Problem] = field(default_factory=list)


def update_schema() -> str:
    """The JSON Schema editors use while typing an update; committed, and tested to match the model."""
    return json_schema(Update, "Báo cáo tiến độ (data/updates/*.yaml)")


UPDATE_FILENAME = "{date}-{task}-{unit}.yaml"
"""A report's file name: the date (YYYY-MM-DD), the task's slug and the unit's id, as in
2025-10-02-v-8-ngan-hang-csxh-ba-to.yaml. It sorts by date, and two units (or two tasks) never collide.
The report form fills the same pattern from its data (bao-cao/bieu-mau.json)."""


def update_filename(task_id: str, unit_id: str, date: dt.date) -> str:
    return UPDATE_FILENAME.format(date=f"{date:%Y-%m-%d}", task=task_slug(task_id), unit=unit_id)


def update_template(task_id: str, unit_id: str, date: dt.date, status: str = "dang-thuc-hien") -> str:
    """A new update file that already passes the checker, with the vocabulary in comments.

    The site's "Báo cáo tiến độ" button and CONTRIBUTING.md both show this
    text, so what staff are told and what the checker accepts cannot drift."""
    width = max(map(len, STATUS_LABELS))
    statuses = "\n".join(
        f"#   {value.ljust(width)}  {label}" + ("  (phải ghi reason: lý do)" if value == NEEDS_REASON else "")
        for value, label in STATUS_LABELS.items()
    )
    return (
        f"{SCHEMA_COMMENT}\n"
        "# Báo cáo tiến độ. Hướng dẫn: CONTRIBUTING.md. Không ghi thông tin cá nhân của người vay.\n"
        "# status — chọn một giá trị bên trái:\n"
        f"{statuses}\n"
        f"task: {task_id}\n"
        f"date: {date:%Y-%m-%d}\n"
        f"status: {status}\n"
        f"unit: {unit_id}\n"
        'note: ""\n'
        '# reason: ""\n'
        "# evidence:\n"
        '#   number: ""  # số văn bản, ví dụ 45/BC-UBND\n'
        '#   title: ""   # tên văn bản\n'
        '#   link: ""    # địa chỉ bắt đầu bằng https://\n'
    )


def record_id(stem: str) -> str:
    """The file name as an identifier safe in page anchors and feed ids, whatever the clerk typed."""
    return re.sub(r"[^a-z0-9]+", "-", fold_diacritics(stem)).strip("-") or "bao-cao"


def update_files(directory: Path) -> list[Path]:
    """The update files of a directory, in name order; a missing directory has none."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))


def load_updates(
    directory: Path | str,
    plan: Plan,
    today: dt.date | None = None,
    display: str | None = None,
    plan_file: str = "data/plan.yaml",
) -> LoadedUpdates:
    """Load and check every update; raise :class:`DataError` listing every error of every file.

    ``today`` is the build's reference date; None skips the "future date"
    check (comparing revisions does not judge dates). ``plan_file`` is how
    messages name the plan (the site's setting)."""
    directory = Path(directory)
    shown = display or display_path(directory)
    problems: list[Problem] = _stray_files(directory, shown)
    read: list[tuple[UpdateRecord, YamlDocument]] = []
    groups = membership(plan)
    for path in update_files(directory):
        try:
            doc = load_yaml(path, f"{shown}/{path.name}")
            update = _validate(doc)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(check_update_links(update, doc, plan, groups, today, plan_file))
        read.append((UpdateRecord(update, doc.file, record_id(path.stem)), doc))
    problems.extend(_duplicates(read))
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    return LoadedUpdates([record for record, _ in read], problems)


def _stray_files(directory: Path, shown: str) -> list[Problem]:
    """A report saved as ``….yaml.txt`` or without extension would silently vanish; say so."""
    if not directory.is_dir():
        return []
    ignored = {"README.md", ".gitkeep"}
    return [
        Problem(f"{shown}/{p.name}", None, "", "tệp bị bỏ qua: báo cáo tiến độ phải có đuôi .yaml.", "warning")
        for p in sorted(directory.iterdir())
        if p.is_file() and p.suffix not in (".yaml", ".yml") and p.name not in ignored
    ]


def _validate(doc: YamlDocument) -> Update:
    fields = "task, date, status, unit"
    if doc.data is None:
        raise DataError([Problem(doc.file, 1, "", f"tệp rỗng; cần một báo cáo với các mục {fields}.")])
    if not isinstance(doc.data, dict):
        raise DataError([Problem(doc.file, doc.line_of(()), "", f"cần một báo cáo (bảng khóa: giá trị) với các mục {fields}.")])
    try:
        return Update.model_validate(doc.data)
    except ValidationError as exc:
        raise DataError([shape_problem(doc, err, _expected_in_update) for err in exc.errors()]) from None


def _expected_in_update(err: ErrorDetails) -> str:
    """Words for the fields an update has and a plan does not."""
    where = err["loc"][0] if err["loc"] else ""
    if where == "status" and err["type"] == "literal_error":
        hint = _slug_for_label(err.get("input"))
        return f"tình trạng không có trong danh mục{hint}; cần một trong các giá trị: {STATUS_HELP}"
    if err["type"] == "extra_forbidden":
        allowed = Evidence.model_fields if where == "evidence" else Update.model_fields
        return f"trường này không có trong mẫu báo cáo tiến độ (viết sai tên trường?); các trường được dùng: {', '.join(allowed)}"
    if where == "evidence" and err["type"] == "string_pattern_mismatch":
        return "đường dẫn không hợp lệ; cần một địa chỉ bắt đầu bằng https:// hoặc http://, không có dấu cách"
    if where == "unit" and err["type"] == "string_pattern_mismatch":
        return "mã đơn vị không hợp lệ; cần một mã trong units của tệp kế hoạch (chữ thường không dấu, số, dấu gạch nối)"
    return expected_message(err)


def _slug_for_label(given: Any) -> str:
    """People type the label they read on the site; point them at the value to write instead."""
    if not isinstance(given, str):
        return ""
    wanted = given.strip().lower()
    for value, label in STATUS_LABELS.items():
        if label.lower() == wanted:
            return f" (hãy viết {value} thay cho \"{given.strip()}\")"
    return ""


def check_update_links(
    update: Update,
    doc: YamlDocument,
    plan: Plan,
    groups: Membership,
    today: dt.date | None,
    plan_file: str = "data/plan.yaml",
) -> list[Problem]:
    """Links from one update to the plan, which the schema alone cannot see. ``groups`` is the plan's
    :func:`membership`, worked out once for all the reports."""
    problems: list[Problem] = []

    def report(key: str, message: str, severity: str = "error") -> None:
        problems.append(Problem(doc.file, doc.line_of((key,)), field_name(doc, (key,)), message, severity))  # type: ignore[arg-type]

    task = plan.task_by_id.get(update.task)
    if task is None:
        report("task", f"không có nhiệm vụ với mã \"{update.task}\" trong {plan_file}; ví dụ mã đúng: {_examples(plan)}.")
    elif task.heading:
        children = ", ".join(t.id for t in plan.children(task))
        report("task", f"\"{task.id}\" là mục tiêu đề; hãy báo cáo cho từng mục con ({children}).")
    if today is not None and update.date > today:
        report("date", f"ngày báo cáo {vn_date(update.date)} ở sau ngày tham chiếu {vn_date(today)}; "
                       "không báo cáo trước cho ngày chưa tới.")
    if update.status == NEEDS_REASON and not (update.reason or "").strip():
        report("status", "tình trạng \"khong-thuc-hien\" (không thực hiện) cần ghi lý do trong trường reason.")
    if update.evidence is not None and not any(update.evidence.model_dump().values()):
        report("evidence", "mục evidence để trống; ghi số, tên hoặc đường dẫn văn bản, hoặc xóa mục này.")
    unit = plan.unit_by_id.get(update.unit)
    if unit is None:
        report("unit", f"không có đơn vị với mã \"{update.unit}\"; cần một mã trong units ({', '.join(plan.unit_by_id)}).")
    elif task is not None and not task.heading and not groups.takes_part(update.unit, task):
        report("unit", UNIT_OUTSIDE_TASK.format(unit=unit.short, task=task.id), "warning")
    return problems


def _examples(plan: Plan) -> str:
    leaves = plan.leaf_tasks
    return ", ".join(t.id for t in (leaves[:1] + leaves[-1:]))


def _duplicates(read: list[tuple[UpdateRecord, YamlDocument]]) -> list[Problem]:
    """Two reports of the same unit on the same task and date: one of them is a mistake (or a copy)."""
    first: dict[tuple[str, dt.date, str], UpdateRecord] = {}
    problems: list[Problem] = []
    for record, doc in read:
        u = record.update
        key = (u.task, u.date, u.unit)
        if key in first:
            problems.append(
                Problem(
                    record.file, doc.line_of(("task",)), "task",
                    f"báo cáo trùng với {first[key].file}: cùng nhiệm vụ {u.task}, ngày {vn_date(u.date)}, đơn vị {u.unit}; "
                    "hãy gộp hai tệp hoặc xóa một tệp.",
                )
            )
        else:
            first[key] = record
    return problems
