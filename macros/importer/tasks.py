"""From table rows to sections and tasks: numbering, continuation rows and headings.

Ids keep the document's own numbers (a plan that numbers 1…9 across
sections gets II.4, not II.1), so that a task is found on the site under
the number printed on paper. Rows without a number continue the task
above, unless they carry units of their own: then a number was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .columns import Columns
from .names import PLACEHOLDER
from .report import Report
from .rows import Cell, Row

ROMAN = re.compile(r"^[IVXLC]+$")
DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)*$")
LETTER = re.compile(r"^[a-zđ]$")
VIETNAMESE_LETTERS = list("abcdđeghiklmnopqrstuvxy")  # the sub-item letters, in alphabet order
CELLS = ("lead", "coordinating", "deliverable", "schedule")
SENTENCE_END = re.compile(r"[.!?…:;]\*?[\"”»)]?$")


@dataclass
class DraftTask:
    number: str | None  # None: the row had no number but units of its own
    level: str  # "decimal" or "letter"
    where: str
    content: list[Any] = field(default_factory=list)  # str or {"items": [...]}
    cells: dict[str, str] = field(default_factory=dict)
    id: str = ""
    heading: bool = False


@dataclass
class DraftSection:
    id: str
    title: str
    where: str
    tasks: list[DraftTask] = field(default_factory=list)


def number_of(cell: Cell) -> str:
    """"1." → "1", "a)" → "a", "(b)" → "b", "<b>IV.</b>" → "IV"."""
    return re.sub(r"^[(\s]+|[.)\s]+$", "", cell.text)


def blocks(cell: Cell) -> list[Any]:
    """A content cell as the model's blocks: paragraphs, and runs of bullets as one list."""
    out: list[Any] = []
    for para in cell.paras:
        if not para.text:
            continue
        if para.bullet:
            if out and isinstance(out[-1], dict):
                out[-1]["items"].append(para.text)
            else:
                out.append({"items": [para.text]})
        else:
            out.append(para.text)
    return out


def join_content(content: list[Any], more: list[Any]) -> None:
    """A row continuing a task: a sentence cut mid-way joins with a space, a new sentence is a new paragraph."""
    for block in more:
        last = content[-1] if content else None
        if isinstance(block, str) and isinstance(last, str) and not _new_sentence(last, block):
            content[-1] = f"{last} {block}"
        elif isinstance(block, dict) and isinstance(last, dict):
            last["items"].extend(block["items"])
        else:
            content.append(block)


def _new_sentence(before: str, after: str) -> bool:
    return bool(SENTENCE_END.search(before.rstrip())) and (after[:1].isupper() or after[:1].isdigit())


def read_rows(rows: list[Row], columns: Columns, report: Report) -> list[DraftSection]:
    sections: list[DraftSection] = []
    current: DraftTask | None = None
    numbered = columns.get("number") is not None
    for position, row in enumerate(rows, start=1):
        cell = row.cell(columns.get("task"))
        number = number_of(row.cell(columns.get("number"))) if numbered else str(position)
        others = {name: row.cell(columns.get(name)).text for name in CELLS}
        if ROMAN.match(number):
            sections.append(DraftSection(number, cell.text, row.where))
            current = None
            if any(others.values()):
                report.add("row", f"{row.where}: dòng tiêu đề phần {number} có nội dung ở cột đơn vị/sản phẩm/thời gian; "
                                  "đã bỏ qua.")
            continue
        if not sections:
            sections.append(DraftSection("I", "", row.where))
            report.add("row", f"{row.where}: bảng không có phần (I, II…) trước nhiệm vụ đầu tiên; "
                              "đã tạo phần I, cần điền tên phần.")
        if number == "":
            if cell.empty and not any(others.values()):
                continue
            if others["lead"] or others["deliverable"] or current is None:
                current = _new_task(sections[-1], None, current, row, cell, others)
                continue
            _continue_task(current, row, cell, others, report)
            continue
        level = "letter" if LETTER.match(number) else "decimal" if DECIMAL.match(number) else ""
        if not level:
            report.add("row", f"{row.where}: không hiểu số thứ tự \"{number}\"; dòng đã bỏ qua: \"{_short(cell.text)}\".")
            continue
        current = _new_task(sections[-1], number, current, row, cell, others, level)
    return sections


def _new_task(section: DraftSection, number: str | None, previous: DraftTask | None, row: Row, cell: Cell,
              others: dict[str, str], level: str | None = None) -> DraftTask:  # fmt: skip
    if level is None:  # a lost number: same level as the task above
        level = previous.level if previous and previous.number is not None else "decimal"
    task = DraftTask(number, level, row.where, blocks(cell), dict(others))
    section.tasks.append(task)
    return task


def _continue_task(task: DraftTask, row: Row, cell: Cell, others: dict[str, str], report: Report) -> None:
    join_content(task.content, blocks(cell))
    for name, text in others.items():
        if text:
            task.cells[name] = f"{task.cells[name]} {text}".strip()
            report.add("row", f"{row.where}: dòng nối tiếp có nội dung ở cột {name}; đã nối vào ô của nhiệm vụ phía trên.")


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def assign_ids(sections: list[DraftSection], report: Report) -> None:
    """Ids from the document's numbers; lost numbers get the next free one; headings are found."""
    for section in sections:
        if not section.title:
            section.title = PLACEHOLDER
        taken = {_task_id(section.id, t, None) for t in section.tasks if t.number and t.level == "decimal"}
        parent: DraftTask | None = None
        previous_letter: str | None = None
        for task in section.tasks:
            if task.level == "decimal":
                if task.number is None:
                    task.number = _free_number(section.id, taken)
                    report.add("lost", f"{task.where}: dòng không có số thứ tự nhưng có đơn vị/sản phẩm riêng; "
                                       f"đã tạm coi là nhiệm vụ {section.id}.{task.number} — cần kiểm tra.")
                task.id = _unique(f"{section.id}.{task.number}", section, task, report)
                taken.add(task.id)
                parent, previous_letter = task, None
                continue
            previous_letter = _letter(section, task, parent, previous_letter, report)
        _mark_headings(section)
        _fill_content(section, report)


def _task_id(section_id: str, task: DraftTask, parent: DraftTask | None) -> str:
    return f"{section_id}.{task.number}" if parent is None else f"{parent.id}.{task.number}"


def _free_number(section_id: str, taken: set[str]) -> str:
    numbers = [int(t.split(".")[1]) for t in taken if t.split(".")[1].isdigit()]
    n = max(numbers, default=0) + 1
    while f"{section_id}.{n}" in taken:
        n += 1
    return str(n)


def _unique(task_id: str, section: DraftSection, task: DraftTask, report: Report) -> str:
    used = {t.id for t in section.tasks if t is not task and t.id}
    if task_id not in used:
        return task_id
    base, n = task_id.rsplit(".", 1)[0], 1
    while f"{base}.{n}" in used:
        n += 1
    report.add("row", f"{task.where}: số thứ tự {task.number} bị trùng trong phần {section.id}; "
                      f"đã đặt mã {base}.{n} — cần kiểm tra.")
    return f"{base}.{n}"


def _letter(section: DraftSection, task: DraftTask, parent: DraftTask | None, previous: str | None,
            report: Report) -> str | None:  # fmt: skip
    """Lettered sub-items hang under the numbered task above; their order is the Vietnamese alphabet."""
    if task.number is None:
        after = VIETNAMESE_LETTERS.index(previous) + 1 if previous in VIETNAMESE_LETTERS else 0
        task.number = VIETNAMESE_LETTERS[min(after, len(VIETNAMESE_LETTERS) - 1)]
        report.add("lost", f"{task.where}: dòng không có số thứ tự nhưng có đơn vị/sản phẩm riêng; "
                           f"đã tạm coi là mục {task.number} — cần kiểm tra.")
    if parent is None:
        task.id = f"{section.id}.{_free_number(section.id, {t.id for t in section.tasks if t.id})}"
        report.add("row", f"{task.where}: mục {task.number} không có nhiệm vụ cha (1, 2…) phía trên; "
                          f"đã đặt mã {task.id} — cần kiểm tra.")
        return None
    expected = VIETNAMESE_LETTERS[VIETNAMESE_LETTERS.index(previous) + 1] if previous in VIETNAMESE_LETTERS[:-1] else "a"
    if task.number != expected:
        report.add("row", f"{task.where}: mục \"{task.number}\" không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g…); "
                          f"mục chờ đợi là \"{expected}\".")
    task.id = _unique(f"{parent.id}.{task.number}", section, task, report)
    return task.number


def _mark_headings(section: DraftSection) -> None:
    """A task with sub-items and no units of its own is a heading ("1. Tập trung…:" then a, b, c)."""
    for task in section.tasks:
        has_children = any(t.id.startswith(task.id + ".") for t in section.tasks)
        task.heading = has_children and not any(task.cells.values())


def _fill_content(section: DraftSection, report: Report) -> None:
    for task in section.tasks:
        if not task.content:
            task.content = [PLACEHOLDER]
            report.add("row", f"{task.where}: nhiệm vụ {task.id} không có nội dung; đã ghi \"{PLACEHOLDER}\".")
