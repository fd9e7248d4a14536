"""From ``data/plan.yaml`` to a checked :class:`~macros.plan.model.Plan`.

Three passes, each reporting with file and line: YAML syntax (in
:mod:`macros.plan.yamlsource`), the shape of every field (pydantic), and the
links between parts that no schema can see (ids that must exist, parents
of sub-items, duplicates). All problems are gathered before failing, so
an editor fixes a file in one round.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .assignments import groups_above
from .model import ID_LIMITS, NO_COLUMN, SOURCE_ROLES, DeliverableKind, Plan, PlanMeta, Schedule, Section, Unit
from .problems import DataError, Problem
from .yamlsource import YamlDocument, field_name, load_yaml

TOP_KEYS = "plan, units, deliverable_kinds, schedules, sections"


@dataclass
class Loaded:
    plan: Plan
    document: YamlDocument
    warnings: list[Problem] = field(default_factory=list)


def load_plan(path: Path | str, display: str | None = None) -> Loaded:
    """Load and check a plan; raise :class:`DataError` listing every error."""
    path = Path(path)
    doc = load_yaml(path, display or display_path(path))
    plan = validate(doc)
    problems = check_plan_links(plan, doc)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems)
    return Loaded(plan, doc, problems)


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def validate(doc: YamlDocument) -> Plan:
    if doc.data is None:
        raise DataError([Problem(doc.file, 1, "", f"tệp rỗng; cần một kế hoạch với các mục {TOP_KEYS}.")])
    if not isinstance(doc.data, dict):
        kind = "một danh sách" if isinstance(doc.data, list) else "một giá trị đơn"
        raise DataError(
            [Problem(doc.file, doc.line_of(()), "", f"tệp là {kind}; "
                                                    f"cần một kế hoạch (bảng khóa: giá trị) với các mục {TOP_KEYS}.")]
        )
    try:
        return Plan.model_validate(doc.data)
    except ValidationError as exc:
        raise DataError([shape_problem(doc, err) for err in exc.errors()]) from None


ADMIN_CODE_WANTED = ("mã đơn vị hành chính cần 2 chữ số (một tỉnh) hoặc 5 chữ số (một xã) theo danh mục đơn vị hành "
                     "chính, viết trong ngoặc kép để giữ số 0 ở đầu, ví dụ admin_code: \"01234\"")


def expected_message(err: ErrorDetails) -> str:
    kind, ctx = err["type"], err.get("ctx", {})
    if err["loc"][-1:] == ("admin_code",) and kind in ("string_type", "string_pattern_mismatch"):
        return ADMIN_CODE_WANTED  # unquoted, 01234 is a number to YAML, and its zero is gone before the model sees it
    messages = {
        "missing": "thiếu trường bắt buộc này",
        "extra_forbidden": "trường này không có trong mẫu kế hoạch (viết sai tên trường?)",
        "string_type": "cần một chuỗi văn bản",
        "bool_type": "cần true hoặc false",
        "bool_parsing": "cần true hoặc false",
        "list_type": "cần một danh sách (mỗi mục bắt đầu bằng \"- \")",
        "dict_type": "cần một bảng khóa: giá trị",
        "model_type": "cần một bảng khóa: giá trị",
        "model_attributes_type": "cần một bảng khóa: giá trị",
        "date_type": "cần một ngày dạng YYYY-MM-DD, ví dụ 2025-09-30",
        "date_parsing": "ngày không hợp lệ; cần dạng YYYY-MM-DD, ví dụ 2025-09-30",
        "date_from_datetime_parsing": "ngày không hợp lệ; cần dạng YYYY-MM-DD, ví dụ 2025-09-30",
        "date_from_datetime_inexact": "cần một ngày, không kèm giờ",
        "string_too_short": "không được để trống",
        "string_too_long": f"dài quá {ctx.get('max_length')} ký tự; hãy kiểm tra xem có dán nhầm cả một văn bản vào đây không",
        "too_short": f"cần ít nhất {ctx.get('min_length')} mục",
        "too_long": f"chỉ được tối đa {ctx.get('max_length')} mục",
        "literal_error": f"cần một trong các giá trị: {ctx.get('expected', '')}",
        "float_type": "cần một số, ví dụ 0.75",
        "float_parsing": "cần một số, ví dụ 0.75",
        "greater_than_equal": f"cần một số không nhỏ hơn {ctx.get('ge')}",
        "less_than_equal": f"cần một số không lớn hơn {ctx.get('le')}",
    }
    if kind == "string_too_long" and ctx.get("max_length") in ID_LIMITS:
        found = len(err["input"]) if isinstance(err.get("input"), str) else "quá"
        return (f"mã dài {found} ký tự, quá giới hạn {ctx.get('max_length')} ký tự của một mã: mã làm thành địa chỉ trang "
                "và tên tệp, dài hơn thì không dựng được trang; hãy rút ngắn mã (và sửa theo ở mọi chỗ dùng mã này)")
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "IVX" in pattern and "." in pattern:
            return "mã nhiệm vụ không hợp lệ; cần số La Mã của phần rồi số thứ tự, ví dụ V.8 hoặc IV.1.a"
        if "IVX" in pattern:
            return "mã phần không hợp lệ; cần một số La Mã, ví dụ V"
        return "mã không hợp lệ; cần chữ thường không dấu, số và dấu gạch nối, ví dụ phong-kinh-te"
    if kind in ("union_tag_invalid", "union_type"):
        return "cần một đoạn văn bản hoặc một danh sách \"items\""
    return messages.get(kind, "giá trị không hợp lệ")


def _excerpt(value: object, limit: int = 80) -> str:
    """The value as the message quotes it, cut short: a pasted document must not fill the screen."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(str(value))} ký tự)"


def shape_problem(doc: YamlDocument, err: ErrorDetails, expected: Callable[[ErrorDetails], str] | None = None) -> Problem:
    """One pydantic error as a Problem; ``expected`` lets other files (updates) word their own fields."""
    # Pydantic names the union branch in the location (str / ListBlock); editors never see those.
    loc = tuple(k for k in err["loc"] if k not in ("str", "ListBlock", "function-after[_nfc(), str]"))
    given = err.get("input")
    shown = "" if err["type"] == "missing" or isinstance(given, (dict, list)) else f"; giá trị đang có: {_excerpt(given)}"
    wording = (expected or expected_message)(err)
    return Problem(doc.file, doc.line_of(loc), field_name(doc, loc), f"{wording}{shown} [{err['msg']}]")


def check_plan_links(plan: Plan, doc: YamlDocument) -> list[Problem]:
    """Links between parts of the plan, which the schema alone cannot see."""
    problems: list[Problem] = []

    def report(loc: tuple[Any, ...], message: str, severity: str = "error") -> None:
        problems.append(Problem(doc.file, doc.line_of(loc), field_name(doc, loc), message, severity))  # type: ignore[arg-type]

    registries: dict[str, Sequence[Unit | DeliverableKind | Schedule | Section]] = {
        "units": plan.units,
        "deliverable_kinds": plan.deliverable_kinds,
        "schedules": plan.schedules,
        "sections": plan.sections,
    }
    for name, items in registries.items():
        ids: set[str] = set()
        names: dict[str, str] = {}
        for i, item in enumerate(items):
            if item.id in ids:  # the first occurrence is the one kept; every later one is reported, as for tasks
                report((name, i, "id"), f"mã \"{item.id}\" bị trùng; mỗi mục trong {name} cần một mã riêng.")
            ids.add(item.id)
            label = getattr(item, "name", None)
            if label is not None:  # names are NFC already: two spellings of one name are one name
                if label in names and names[label] != item.id:
                    report((name, i, "name"), f"tên \"{label}\" trùng với tên của \"{names[label]}\"; "
                                              "người đọc không phân biệt được hai mục cùng tên.")
                names.setdefault(label, item.id)
    _check_columns(plan.plan, report)
    if not plan.leaf_tasks:
        report(("sections",), "kế hoạch chưa có nhiệm vụ nào; mỗi phần cần danh sách tasks của mình.")

    units = plan.unit_by_id
    for i, unit in enumerate(plan.units):
        for j, group in enumerate(unit.member_of):
            if group not in units:
                report(("units", i, "member_of", j), f"không có nhóm đơn vị với mã \"{group}\"; "
                                                     "cần một mã trong units có kind: group.")
            elif units[group].kind != "group":
                report(("units", i, "member_of", j), f"\"{group}\" là một cơ quan, không phải một nhóm (kind: group).")
            elif group == unit.id or unit.id in groups_above(group, units):
                report(("units", i, "member_of", j), f"nhóm \"{group}\" lại thuộc (trực tiếp hay gián tiếp) "
                                                     f"\"{unit.id}\": các nhóm không được lồng vòng tròn.")

    seen: dict[str, tuple[int, int]] = {}
    slugs: dict[str, str] = {}
    for s, section in enumerate(plan.sections):
        for t, task in enumerate(section.tasks):
            loc = ("sections", s, "tasks", t)
            if task.id in seen:
                report(loc + ("id",), f"mã nhiệm vụ \"{task.id}\" bị trùng; mỗi nhiệm vụ cần một mã riêng.")
            seen.setdefault(task.id, (s, t))
            if task.slug in slugs and slugs[task.slug] != task.id:
                report(loc + ("id",), f"mã \"{task.id}\" và mã \"{slugs[task.slug]}\" cho cùng một địa chỉ trang; "
                                      "hãy đổi một trong hai mã.")
            slugs.setdefault(task.slug, task.id)
            if task.section_id != section.id:
                report(loc + ("id",), f"nhiệm vụ \"{task.id}\" nằm trong phần {section.id}; "
                                      f"mã phải bắt đầu bằng \"{section.id}.\".")
            parent = task.parent_id
            if parent and parent not in seen:
                report(loc + ("id",), f"mục con \"{task.id}\" không có mục cha \"{parent}\" đứng trước nó trong cùng phần.")
            _check_cells(plan, task, loc, report)
    return problems


def _check_columns(meta: PlanMeta, report: Any) -> None:
    """The source's columns: every one named once in ``column_order``, so the Bản in page drops none."""
    extras = [c.id for c in meta.extra_columns]
    for i, extra in enumerate(meta.extra_columns):
        if extra.id in SOURCE_ROLES or extra.id in extras[:i]:
            report(("plan", "extra_columns", i, "id"), f"mã cột \"{extra.id}\" bị trùng (với cột khác hoặc với một "
                                                       f"trong {', '.join(SOURCE_ROLES)}); mỗi cột cần một mã riêng.")
    order = meta.columns
    known = [*SOURCE_ROLES, *extras]
    for i, column in enumerate(order):
        if column not in known:
            report(("plan", "column_order", i), f"không có cột \"{column}\"; cần một trong: {', '.join(known)}.")
        elif column in order[:i]:
            report(("plan", "column_order", i), f"cột \"{column}\" có hai lần trong column_order.")
    if meta.column_order is None:
        return
    if order[:1] != ["number"]:
        report(("plan", "column_order"), "column_order phải bắt đầu bằng number (cột số thứ tự).")
    present = [r for r, header in zip(SOURCE_ROLES, meta.source_columns, strict=True) if header != NO_COLUMN]
    for column in [*dict.fromkeys(["number", "task", *present, *extras])]:
        if column not in order:
            report(("plan", "column_order"), f"column_order thiếu cột \"{column}\" ({meta.header(column)}); "
                                             "mọi cột của văn bản gốc cần có mặt, theo thứ tự văn bản.")
    for i, group in enumerate(meta.column_groups):
        places = [order.index(c) for c in group.columns if c in order]
        if len(places) != len(group.columns) or places != list(range(places[0], places[0] + len(places))):
            report(("plan", "column_groups", i, "columns"), f"các cột dưới \"{group.header}\" phải là những cột "
                                                            "có trong column_order và đứng liền nhau theo thứ tự đó.")


def _check_cells(plan: Plan, task: Any, loc: tuple[Any, ...], report: Any) -> None:
    for cell in ("lead", "coordinating"):
        for j, unit in enumerate(getattr(task, cell).units):
            if unit not in plan.unit_by_id:
                report(loc + (cell, "units", j), f"không có đơn vị với mã \"{unit}\"; "
                                                 f"cần một mã trong units ({', '.join(plan.unit_by_id)}).")
    for j, kind in enumerate(task.deliverable.kinds):
        if kind not in plan.kind_by_id:
            report(loc + ("deliverable", "kinds", j), f"không có loại sản phẩm với mã \"{kind}\"; "
                                                      f"cần một mã trong deliverable_kinds ({', '.join(plan.kind_by_id)}).")
    for j, kind in enumerate(task.schedule.kinds):
        if kind not in plan.schedule_by_id:
            report(loc + ("schedule", "kinds", j), f"không có loại thời gian với mã \"{kind}\"; "
                                                   f"cần một mã trong schedules ({', '.join(plan.schedule_by_id)}).")
    _check_links(plan, task, loc, report)
    declared = [c.id for c in plan.plan.extra_columns]  # a list: the message names them in the plan's order
    for key in task.extra:
        if key not in declared:
            report(loc + ("extra", key), f"không có cột \"{key}\" trong plan.extra_columns; "
                                         f"cần một mã trong đó ({', '.join(declared) or 'chưa khai cột nào'}).")
    if task.heading:
        return
    absent = {r for r, header in zip(SOURCE_ROLES, plan.plan.source_columns, strict=True) if header == NO_COLUMN}
    for cell, label in (("lead", "đơn vị chủ trì"), ("deliverable", "sản phẩm"), ("schedule", "thời gian thực hiện")):
        value = getattr(task, cell)
        if not value.text.strip() and cell not in absent:  # the document has no such column: nothing to fill
            report(loc + (cell,), f"nhiệm vụ chưa có {label} (ô trong văn bản gốc để trống?).", "warning")
    if task.lead.text.strip() and not task.lead.units:
        report(loc + ("lead", "units"), "ô chủ trì có nội dung nhưng chưa gắn mã đơn vị nào.", "warning")


SUGGESTED_LINK = "liên kết gợi ý chưa được xác nhận: xóa dòng suggested để xác nhận hoặc xóa liên kết"
"""What make check says of each link that make link proposed and no editor has confirmed."""


def _check_links(plan: Plan, task: Any, loc: tuple[Any, ...], report: Any) -> None:
    """Each link names one of the plan's legal bases, once; a link still only suggested is a warning."""
    bases = plan.basis_by_id
    seen: set[tuple[str, str]] = set()
    for j, link in enumerate(task.implements):
        where = loc + ("implements", j)
        if link.plan not in bases:
            report(where + ("plan",), f"không có căn cứ với mã \"{link.plan}\"; liên kết cần mã của kế hoạch cấp trên "
                                      f"trong plan.legal_bases ({', '.join(bases)}).")
        elif (link.plan, link.task) in seen:
            report(where + ("task",), f"liên kết tới nhiệm vụ {link.task} của {bases[link.plan].number} có hai lần; "
                                      "hãy xóa một.")
        elif not link.confirmed:
            score = f"{link.suggested:.2f}".replace(".", ",")
            report(where + ("suggested",), f"{SUGGESTED_LINK} (gợi ý: nhiệm vụ {link.task} của "
                                           f"{bases[link.plan].number}, độ giống {score}).", "warning")
        seen.add((link.plan, link.task))


def task_lines(plan: Plan, doc: YamlDocument) -> dict[str, tuple[int, int]]:
    """First and last line of each task in the file, for "view in data/plan.yaml" links.

    A task ends where the next task or section begins."""
    starts = {
        task.id: doc.lines[("sections", s, "tasks", t)]
        for s, section in enumerate(plan.sections)
        for t, task in enumerate(section.tasks)
        if ("sections", s, "tasks", t) in doc.lines
    }
    sections = [doc.lines[("sections", s)] for s in range(len(plan.sections)) if ("sections", s) in doc.lines]
    boundaries = sorted({*starts.values(), *sections})
    last = max(doc.lines.values(), default=0)
    ranges = {}
    for task_id, line in starts.items():
        after = bisect.bisect_right(boundaries, line)  # the first boundary below the task's start
        ranges[task_id] = (line, boundaries[after] - 1 if after < len(boundaries) else last)
    return ranges
