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
from .review import ReviewList
from .rows import DECIMAL, LETTER, ROMAN, Row, SourceCell, number_of

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
    key: str | None = None  # the id after the section ("4", "2.1"); None: the next free number is given
    extra: dict[str, str] = field(default_factory=dict)  # extra column id → the cell verbatim


@dataclass
class DraftSection:
    id: str
    title: str
    where: str
    tasks: list[DraftTask] = field(default_factory=list)
    number: str | None = None  # the document's number when it is not the id ("1" for section I)


def blocks(cell: SourceCell) -> list[Any]:
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


@dataclass(frozen=True)
class Numbering:
    """How a table numbers its sections: Roman (I, II…), or Arabic ("1" over tasks "1.1", "1.2")."""

    numbers: list[str]
    arabic: bool

    @classmethod
    def of(cls, numbers: list[str]) -> Numbering:
        plain = {n for n in numbers if n.isdigit()}
        arabic = not any(ROMAN.match(n) for n in numbers) and any("." in n and n.split(".")[0] in plain for n in numbers)
        return cls(numbers, arabic)

    def section_like(self, number: str) -> bool:
        return bool(number.isdigit() if self.arabic else ROMAN.match(number))

    def has_children(self, position: int) -> bool:
        """The next numbered row is one of this section's tasks."""
        number = self.numbers[position]
        following = next((n for n in self.numbers[position + 1 :] if n), None)
        if following is None:
            return False
        return following.startswith(number + ".") if self.arabic else not self.section_like(following)

    def section_id(self, number: str) -> str:
        return roman(int(number)) if self.arabic else number

    def key(self, number: str, section: DraftSection) -> str | None:
        """The id after the section: the number itself, or with Arabic sections the part after "1." in "1.2"."""
        if not self.arabic:
            return number
        prefix = f"{section.number}."
        return number[len(prefix) :] if number.startswith(prefix) and len(number) > len(prefix) else None


def roman(value: int) -> str:
    out = ""
    for size, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        count, value = divmod(value, size)
        out += letters * count
    return out


def read_rows(rows: list[Row], columns: Columns, report: ReviewList) -> list[DraftSection]:
    sections: list[DraftSection] = []
    current: DraftTask | None = None
    numbered = columns.get("number") is not None
    numbers = [number_of(r.cell(columns.get("number"))) if numbered else str(p) for p, r in enumerate(rows, start=1)]
    numbering = Numbering.of(numbers)
    for position, (row, number) in enumerate(zip(rows, numbers, strict=True)):
        cell = row.cell(columns.get("task"))
        others = {name: row.cell(columns.get(name)).text for name in CELLS}
        extra = {key: row.cell(i).text for key, i in columns.extra}
        if numbering.section_like(number):
            if numbering.has_children(position) or not (others["lead"] or others["coordinating"]):
                sections.append(_section(numbering, number, cell, row, others, report))
                current = None
                continue
            current = _new_task(_open_section(sections, row, report), number, current, row, cell, others, extra, "decimal")
            report.add("row", f"{row.where}: dòng số {number} đánh số như một phần nhưng không có mục con và có đơn vị "
                              "thực hiện; đã coi là nhiệm vụ — cần kiểm tra.")
            continue
        section = _open_section(sections, row, report)
        if number == "":
            if cell.empty and not any(others.values()) and not any(extra.values()):
                continue
            if others["lead"] or others["deliverable"] or current is None:
                current = _new_task(section, None, current, row, cell, others, extra)
                continue
            _continue_task(current, row, cell, others, extra, report)
            continue
        level = "letter" if LETTER.match(number) else "decimal" if DECIMAL.match(number) else ""
        if not level:
            report.add("row", f"{row.where}: không hiểu số thứ tự \"{number}\"; dòng đã bỏ qua: \"{_short(cell.text)}\".")
            continue
        current = _new_task(section, number, current, row, cell, others, extra, level)
        if level == "decimal":
            current.key = numbering.key(number, section)
            if current.key is None:
                report.add("row", f"{row.where}: số thứ tự {number} không thuộc phần {section.number or section.id} "
                                  "phía trên; đã đặt mã theo số kế tiếp — cần kiểm tra.")
    return sections


def _section(numbering: Numbering, number: str, cell: SourceCell, row: Row, others: dict[str, str],
             report: ReviewList) -> DraftSection:  # fmt: skip
    section_id = numbering.section_id(number)
    if any(others.values()):
        report.add("row", f"{row.where}: dòng tiêu đề phần {number} có nội dung ở cột đơn vị/sản phẩm/thời gian; "
                          "đã bỏ qua.")
    return DraftSection(section_id, cell.text, row.where, number=number if number != section_id else None)


def _open_section(sections: list[DraftSection], row: Row, report: ReviewList) -> DraftSection:
    """The section rows go into; a table that starts with a task gets a section I to be named."""
    if not sections:
        sections.append(DraftSection("I", "", row.where))
        report.add("row", f"{row.where}: bảng không có phần (I, II…) trước nhiệm vụ đầu tiên; "
                          "đã tạo phần I, cần điền tên phần.")
    return sections[-1]


def _new_task(section: DraftSection, number: str | None, previous: DraftTask | None, row: Row, cell: SourceCell,
              others: dict[str, str], extra: dict[str, str], level: str | None = None) -> DraftTask:  # fmt: skip
    if level is None:  # a lost number: same level as the task above
        level = previous.level if previous and previous.number is not None else "decimal"
    task = DraftTask(number, level, row.where, blocks(cell), dict(others), extra=dict(extra))
    section.tasks.append(task)
    return task


def _continue_task(task: DraftTask, row: Row, cell: SourceCell, others: dict[str, str], extra: dict[str, str],
                   report: ReviewList) -> None:  # fmt: skip
    join_content(task.content, blocks(cell))
    for cells, more in ((task.cells, others), (task.extra, extra)):
        for name, text in more.items():
            if text:
                cells[name] = f"{cells.get(name, '')} {text}".strip()
                report.add("row", f"{row.where}: dòng nối tiếp có nội dung ở cột {name}; "
                                  "đã nối vào ô của nhiệm vụ phía trên.")


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def assign_ids(sections: list[DraftSection], report: ReviewList) -> None:
    """Ids from the document's numbers; lost numbers get the next free one; headings are found."""
    for section in sections:
        if not section.title:
            section.title = PLACEHOLDER
        taken = {f"{section.id}.{t.key}" for t in section.tasks if t.key and t.level == "decimal"}
        parent: DraftTask | None = None
        previous_letter: str | None = None
        for task in section.tasks:
            if task.level == "decimal":
                if task.key is None:
                    task.key = _free_number(section.id, taken)
                if task.number is None:
                    task.number = task.key
                    report.add("lost", f"{task.where}: dòng không có số thứ tự nhưng có đơn vị/sản phẩm riêng; "
                                       f"đã tạm coi là nhiệm vụ {section.id}.{task.number} — cần kiểm tra.")
                task.id = _unique(f"{section.id}.{task.key}", section, task, report)
                taken.add(task.id)
                parent, previous_letter = task, None
                continue
            previous_letter = _letter(section, task, parent, previous_letter, report)
        _mark_headings(section)
        _fill_content(section, report)


def _free_number(section_id: str, taken: set[str]) -> str:
    numbers = [int(t.split(".")[1]) for t in taken if t.split(".")[1].isdigit()]
    n = max(numbers, default=0) + 1
    while f"{section_id}.{n}" in taken:
        n += 1
    return str(n)


def _unique(task_id: str, section: DraftSection, task: DraftTask, report: ReviewList) -> str:
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
            report: ReviewList) -> str | None:  # fmt: skip
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


def _fill_content(section: DraftSection, report: ReviewList) -> None:
    for task in section.tasks:
        if not task.content:
            task.content = [PLACEHOLDER]
            report.add("row", f"{task.where}: nhiệm vụ {task.id} không có nội dung; đã ghi \"{PLACEHOLDER}\".")
