"""Putting a draft plan together: the document's tasks, the registry's names, and placeholders.

What the document says (sections, tasks, cells, the appendix title above
the table) comes from the document. What it cannot say (who issued the
plan, its legal bases, a summary for citizens) comes from the registry
plan when one is given, and otherwise from placeholders that pass the
checker and are easy to search for.
"""

from __future__ import annotations

import re
from typing import Any

from ..plan.model import NO_COLUMN, Plan
from .columns import ROLES, Columns, columns_of, is_column_numbers
from .names import DELIVERABLES, PLACEHOLDER, UNITS, Entry, Match, Registry
from .review import ReviewList
from .roles import COORDINATING, LEAD, read_roles
from .rows import Row, Table, is_appendix_label
from .schedule import BUILT_IN, parse_schedule
from .tasks import DraftSection, DraftTask, assign_ids, read_rows

CELL_LABELS = {"lead": "chủ trì", "coordinating": "phối hợp", "deliverable": "sản phẩm", "schedule": "thời gian"}
__all__ = ["NO_COLUMN", "build_draft"]


class Registries:
    def __init__(self, plan: Plan | None):
        units = [Entry(u.id, u.name, list(u.aliases), {"short": u.short, "kind": u.kind, "member_of": list(u.member_of)})
                 for u in (plan.units if plan else [])]  # fmt: skip
        kinds = [Entry(k.id, k.name, list(k.aliases)) for k in (plan.deliverable_kinds if plan else [])]
        schedules = [Entry(s.id, s.name, list(s.aliases)) for s in (plan.schedules if plan else [])]
        known = {s.id for s in schedules}
        self.units = Registry(UNITS, units)
        self.kinds = Registry(DELIVERABLES, kinds)
        self.schedules = schedules + [Entry(e.id, e.name, list(e.aliases)) for e in BUILT_IN if e.id not in known]
        self.schedules_used: list[str] = []
        self.reported_new: set[str] = set()


def build_draft(table: Table, registry: Plan | None, report: ReviewList) -> dict[str, Any]:
    columns = columns_of(table)
    if columns.extra:
        report.add("table", "cột khác, giữ nguyên văn và hiện trên trang: "
                   + ", ".join(f"\"{table.header[i]}\" ({key})" for key, i in columns.extra) + ".")
    if columns.ignored:
        report.add("table", "cột không có tiêu đề, không dùng: " + ", ".join(f"cột {i + 1}" for i in columns.ignored) + ".")
    if columns.missing:
        report.add("table", "văn bản không có cột: " + ", ".join(columns.missing) + "; các ô tương ứng để trống.")
    for line in table.leftovers.lines():
        report.add("cleaned", line)
    sections = read_rows(_without_column_numbers(table, report), columns, report)
    assign_ids(sections, report)
    if not any(s.tasks for s in sections):
        report.add("table", "bảng không có nhiệm vụ nào.")
    regs = Registries(registry)
    data_sections = [_section(s, regs, report) for s in sections]
    return {
        "plan": _meta(table, columns, registry, report),
        "units": regs.units.output() or [_placeholder_unit()],
        "deliverable_kinds": regs.kinds.output() or [{"id": "chua-ro", "name": PLACEHOLDER, "aliases": []}],
        "schedules": [e.as_dict() for e in regs.schedules if e.id in regs.schedules_used],
        "sections": data_sections,
    }


def _without_column_numbers(table: Table, report: ReviewList) -> list[Row]:
    rows = table.rows
    if rows and is_column_numbers([c.text for c in rows[0].cells]):  # a reader that found no header block
        report.add("table", f"{rows[0].where}: dòng đánh số cột (1), (2)… đã bỏ qua.")
        return rows[1:]
    return rows


def _placeholder_unit() -> dict[str, Any]:
    return {"id": "chua-ro", "name": PLACEHOLDER, "short": PLACEHOLDER, "kind": "agency", "member_of": [], "aliases": []}


def _section(section: DraftSection, regs: Registries, report: ReviewList) -> dict[str, Any]:
    out = {"id": section.id, "title": section.title, "tasks": [_task(t, regs, report) for t in section.tasks]}
    if section.number:
        out["number"] = section.number
    return out


def _task(task: DraftTask, regs: Registries, report: ReviewList) -> dict[str, Any]:
    out: dict[str, Any] = {"id": task.id, "number": task.number, "content": task.content}
    extra = {key: text for key, text in task.extra.items() if text.strip()}
    if extra:
        out["extra"] = extra
    if task.heading:
        out["heading"] = True
        return out
    empty = [CELL_LABELS[c] for c, text in task.cells.items() if not text.strip()]
    if empty:
        report.add("empty", f"{task.id} ({task.where}): " + ", ".join(empty) + ".")
    for cell, units in _unit_ids(task, regs, report).items():
        out[cell] = {"text": task.cells[cell], "units": units}
    deliverable = task.cells["deliverable"]
    out["deliverable"] = {"text": deliverable, "kinds": _names(task, "deliverable", deliverable, regs.kinds, regs, report)}
    out["schedule"] = _schedule(task, regs, report)
    return out


def _unit_ids(task: DraftTask, regs: Registries, report: ReviewList) -> dict[str, list[str]]:
    """The ids of the lead and coordinating cells; a cell that says who leads what is read by roles, and a
    unit the lead cell names as coordinating ("X chủ trì, Y phối hợp") coordinates, after the cell's own."""
    read: dict[str, dict[str, list[str]]] = {}
    for cell in ("lead", "coordinating"):
        text = task.cells[cell]
        groups = read_roles(text, cell) if text.strip() else None
        read[cell] = {LEAD: [], COORDINATING: []}
        if groups is None:
            read[cell][cell] = _names(task, cell, text, regs.units, regs, report)
            continue
        for group in groups:
            role = group.role if cell == LEAD else COORDINATING
            read[cell][role] += _names(task, cell, group.names, regs.units, regs, report)
        report.add("roles", f"{task.id} {CELL_LABELS[cell]}: \"{text}\" → " + "; ".join(
            f"{CELL_LABELS[role]}: {', '.join(dict.fromkeys(ids))}" for role, ids in read[cell].items() if ids
        ) + " — đọc theo từng phần của ô; cần xem lại.")  # fmt: skip
    lead = read[LEAD][LEAD] + read[COORDINATING][LEAD]
    coordinating = read[COORDINATING][COORDINATING] + read[LEAD][COORDINATING]
    return {LEAD: list(dict.fromkeys(lead)), COORDINATING: list(dict.fromkeys(coordinating))}


def _names(task: DraftTask, cell: str, text: str, registry: Registry, regs: Registries, report: ReviewList) -> list[str]:
    if not text.strip():
        return []
    matches = registry.match(text)
    if len(matches) > 1:
        report.add("split", f"{task.id} {CELL_LABELS[cell]}: \"{text}\" → " + "; ".join(_shown(m) for m in matches))
    for m in matches:
        if m.how == "loose":
            report.add("loose", f"{task.id} {CELL_LABELS[cell]}: \"{m.wording}\" ≈ \"{m.entry.name}\" ({m.entry.id}); "
                                "đã thêm vào aliases.")
        elif m.how == "new" and m.entry.id not in regs.reported_new:
            regs.reported_new.add(m.entry.id)
            report.add("new", f"{task.id} {CELL_LABELS[cell]}: \"{m.entry.name}\" → mã mới {m.entry.id} ({registry.kind.label}).")
    return list(dict.fromkeys(m.entry.id for m in matches))


def _shown(match: Match) -> str:
    return f"{match.entry.id}" + (" (mới)" if match.how == "new" else " (gần đúng)" if match.how == "loose" else "")


def _schedule(task: DraftTask, regs: Registries, report: ReviewList) -> dict[str, Any]:
    text = task.cells["schedule"]
    out: dict[str, Any] = {"text": text, "kinds": []}
    if not text.strip():
        return out
    parsed = parse_schedule(text, regs.schedules)
    out["kinds"] = parsed.kinds
    regs.schedules_used += [k for k in parsed.kinds if k not in regs.schedules_used]
    if parsed.due:
        out["due"], out["due_precision"] = parsed.due.date, parsed.due.precision
    doubts = list(parsed.notes)
    if not parsed.kinds and not parsed.due and not doubts:
        doubts.append("không đọc được thời hạn hay sự lặp lại; giữ nguyên văn bản")
    elif parsed.dates_found > 1 and parsed.due:
        due = parsed.due
        doubts.append(f"có {parsed.dates_found} mốc thời gian; đã chọn hạn {due.date.isoformat()} ({due.precision})")
    elif not parsed.understood:
        doubts.append("chỉ hiểu được một phần; cần xem lại")
    for doubt in doubts:
        report.add("schedule", f"{task.id}: \"{text}\" — {doubt}.")
    return out


def _meta(table: Table, columns: Columns, registry: Plan | None, report: ReviewList) -> dict[str, Any]:
    label, title, attachment = _appendix(table.preamble)
    meta: dict[str, Any]
    if registry is not None:
        meta = registry.plan.model_dump()
    else:
        meta = {
            "title": PLACEHOLDER, "issuer": _issuer(attachment) or PLACEHOLDER, "province": PLACEHOLDER,
            "number": None, "date": None, "topic": PLACEHOLDER, "summary": [PLACEHOLDER],
            "legal_bases": [{"id": "chua-ro", "title": PLACEHOLDER, "number": PLACEHOLDER, "date": None, "issuer": PLACEHOLDER}],
        }  # fmt: skip
        report.add("meta", "tên kế hoạch, cơ quan ban hành, tỉnh, chủ đề, tóm tắt và căn cứ pháp lý: "
                   f"chưa có danh mục (--registry) nên ghi \"{PLACEHOLDER}\".")  # fmt: skip
    if not title:
        report.add("meta", f"không thấy tiêu đề phụ lục phía trên bảng; source_title ghi \"{PLACEHOLDER}\".")
    meta.update(
        source_label=label,
        source_title=title or PLACEHOLDER,
        source_attachment=attachment,
        source_columns=[table.header[columns.index[r]] if r in columns.index else NO_COLUMN for r in ROLES],
        **_column_layout(table, columns),
    )
    return meta


def _column_layout(table: Table, columns: Columns) -> dict[str, Any]:
    """Where the source departs from the six columns in their usual order: the order it has, its other
    columns and its merged header cells. Nothing when it does not, so a plain plan's YAML stays as it was."""
    out: dict[str, Any] = {"column_order": None, "extra_columns": [], "column_groups": []}  # not the registry's
    extra = [{"id": key, "header": table.header[i]} for key, i in columns.extra]
    if columns.order != [*ROLES, *(e["id"] for e in extra)]:
        out["column_order"] = columns.order
    if extra:
        out["extra_columns"] = extra
    keys = {i: r for r, i in columns.index.items()} | {i: key for key, i in columns.extra}
    groups = [{"header": g.text, "columns": [keys[c] for c in g.columns if c in keys]} for g in columns.groups]
    out["column_groups"] = [g for g in groups if len(g["columns"]) >= 2]
    return out


def _appendix(blocks: list[str]) -> tuple[str, str, str]:
    """The label ("Phụ lục"), title and "(Kèm theo …)" line written above the table."""
    label = next((b for b in blocks if is_appendix_label(b)), "")
    attachment = next((b for b in blocks if re.match(r"^\(?\s*kèm theo", b, re.IGNORECASE)), "")
    title = next((b for b in blocks if b not in (label, attachment)), "")
    return label, title, attachment


def _issuer(attachment: str) -> str:
    found = re.search(r"của\s+((?:Ủy|Uỷ) ban nhân dân [^)]+)", attachment)
    return found.group(1).strip() if found else ""

