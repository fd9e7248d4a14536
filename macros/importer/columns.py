"""Which column is which, read from the header text rather than its position.

Vietnamese plans name the same six columns in many ways ("STT" or "TT",
"Đơn vị chủ trì" or "Cơ quan chủ trì", "Sản phẩm" or "Kết quả đầu ra"…),
write them in capitals, over two lines or under a merged cell ("Cơ quan
thực hiện" over "Chủ trì" | "Phối hợp"), in any order, and sometimes
misspell them ("PHÓI HỢP"), so headers are compared without diacritics
against a few key words per column. Every other column ("Kinh phí",
"Ghi chú"…) is kept as an extra column under its own header.

:func:`task_table` is the one place that decides where a table's header
ends and whether it is a task table; every reader (.txt, .docx, .pdf)
hands it the rows of each table it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..plan.model import SOURCE_ROLES
from ..text import ascii_words
from .names import slug
from .rows import NoTaskTable, Row, Table, is_task_number, number_of

ROLES = SOURCE_ROLES

# Checked in this order: the first role whose key words appear in a header takes the column.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "lead": ("chu tri", "co quan thuc hien", "don vi thuc hien"),
    "coordinating": ("phoi hop",),
    "schedule": ("thoi gian", "tien do", "thoi han", "thoi diem"),
    "deliverable": ("san pham", "ket qua"),
    "task": ("nhiem vu", "noi dung", "cong viec"),
    "number": ("stt", "tt", "so tt", "so thu tu"),
}
EXACT_ONLY = {"number"}  # "tt" must be the whole header, not a part of one
NOT_FOR: dict[str, tuple[str, ...]] = {
    # "Nội dung chỉ tiêu", "Tên chỉ tiêu": an indicator table lists targets, not tasks.
    "task": ("chi tieu",),
}
REQUIRED = ("task", "lead")  # without these a table assigns no work to anyone

LABELS = {
    "number": "số thứ tự",
    "task": "nội dung nhiệm vụ",
    "lead": "đơn vị chủ trì",
    "coordinating": "đơn vị phối hợp",
    "deliverable": "sản phẩm",
    "schedule": "thời gian thực hiện",
}
EXPECTED = {
    "task": "\"Nội dung nhiệm vụ\", \"Tên nhiệm vụ\" hoặc \"Nhiệm vụ\"",
    "lead": "\"Đơn vị chủ trì\", \"Cơ quan chủ trì\" hoặc \"Chủ trì\"",
}


@dataclass(frozen=True)
class Group:
    """A header cell merged over several columns, above their own headers."""

    text: str
    columns: list[int]


@dataclass(frozen=True)
class Columns:
    index: dict[str, int]
    header: list[str]
    groups: list[Group] = field(default_factory=list)

    def get(self, role: str) -> int | None:
        return self.index.get(role)

    @property
    def extra(self) -> list[tuple[str, int]]:
        """(id, column) of every column with a header that is none of the six: kept verbatim, never dropped."""
        used = set(self.index.values())
        taken = set(ROLES)
        out: list[tuple[str, int]] = []
        for i, text in enumerate(self.header):
            if i in used or not text.strip():
                continue
            base = slug(text)[:40].strip("-") or "cot"
            column_id, n = base, 2
            while column_id in taken:
                column_id, n = f"{base}-{n}", n + 1
            taken.add(column_id)
            out.append((column_id, i))
        return out

    @property
    def ignored(self) -> list[int]:
        """Columns with no header at all: nothing names them, so nothing can be kept under a name."""
        return [i for i, h in enumerate(self.header) if i not in self.index.values() and not h.strip()]

    @property
    def missing(self) -> list[str]:
        return [LABELS[r] for r in ROLES if r not in self.index]

    @property
    def order(self) -> list[str]:
        """Roles and extra ids in the source's order, the number first (written as the plan's column_order)."""
        keys = {i: r for r, i in self.index.items()} | {i: e for e, i in self.extra}
        order = [keys[i] for i in sorted(keys)]
        return ["number", *(k for k in order if k != "number")]


def role_of(header: str) -> str | None:
    folded = ascii_words(header)
    if not folded:
        return None
    for role, words in KEYWORDS.items():
        if any(re.search(rf"\b{w}\b", folded) for w in NOT_FOR.get(role, ())):
            continue
        if role in EXACT_ONLY:
            if folded in words:
                return role
        elif any(re.search(rf"\b{w}\b", folded) for w in words):
            return role
    return None


def read_roles(header: list[str], groups: list[Group] | None = None) -> Columns:
    """Each column's role, the first column naming a role taking it; a column under a merged header is
    named by its own header first ("Chủ trì" under "Cơ quan thực hiện"), then by both together."""
    groups = groups or []
    above = {c: g.text for g in groups for c in g.columns}
    index: dict[str, int] = {}
    for i, text in enumerate(header):
        role = role_of(text) or (role_of(f"{above[i]} {text}") if i in above else None)
        if role and role not in index:
            index[role] = i
    return Columns(index, header, groups)


def recognise(header: list[str], groups: list[Group] | None = None) -> Columns | None:
    """The columns of a task table, or None when it names no task content or no lead column."""
    columns = read_roles(header, groups)
    return columns if all(r in columns.index for r in REQUIRED) else None


def is_column_numbers(texts: list[str]) -> bool:
    """The row "(1) (2) (3)…" that many plans put under the header, numbering the columns."""
    values = [re.sub(r"[()\s]", "", t) for t in texts if t.strip()]
    return len(values) >= 2 and values == [str(i) for i in range(1, len(values) + 1)]


def not_a_task_table(header: list[str], where: str = "") -> str:
    """Why a table is refused, naming the headers it has and the ones it lacks, so the clerk sees which table was read."""
    found = ", ".join(f"\"{h}\"" for h in header if h) or "(không có tiêu đề)"
    columns = read_roles(header)
    lacking = [f"cột {LABELS[r]} (tiêu đề như {EXPECTED[r]})" for r in REQUIRED if r not in columns.index]
    place = f" ({where})" if where else ""
    return (
        f"bảng{place} không phải bảng nhiệm vụ: không có " + " và ".join(lacking or ["cột cần thiết"])
        + f". Các tiêu đề tìm thấy: {found}."
    )


def header_size(rows: list[Row]) -> int:
    """How many rows at the top are the header: those above the first row numbered as a section or task.

    The number column is the one the header rows name (STT, TT…), else the first. The row "(1) (2) (3)…"
    numbering the columns is part of the header. A table with no numbered row has a one-row header."""
    for k in range(1, len(rows)):
        texts = [c.text for c in rows[k].cells]
        if is_column_numbers(texts):
            continue
        number_column = read_roles(_headers(rows[:k])[0]).get("number") or 0
        if is_task_number(number_of(rows[k].cell(number_column))):
            return k
    return min(1, len(rows))


def _headers(block: list[Row]) -> tuple[list[str], list[Group]]:
    """One header text per column from a header block, and the cells merged over several columns.

    A cell with text whose right-hand neighbours are empty while the rows below name each of those
    columns is a merged cell over them; the columns below it take their own text. Any other column reads
    its texts top to bottom (a cell merged down the rows reads once)."""
    grid = [[c.text for c in row.cells] for row in block if not is_column_numbers([c.text for c in row.cells])]
    width = max((len(r) for r in grid), default=0)
    grid = [r + [""] * (width - len(r)) for r in grid]
    groups: list[Group] = []
    group_row: dict[int, int] = {}
    for r, row in enumerate(grid[:-1]):
        below = [any(grid[x][c] for x in range(r + 1, len(grid))) for c in range(width)]
        j = 0
        while j < width:
            k = j + 1
            while k < width and not row[k] and below[k]:
                k += 1
            if row[j] and k - j >= 2 and below[j] and j not in group_row:
                groups.append(Group(row[j], list(range(j, k))))
                group_row.update({c: r for c in range(j, k)})
            j = k
    header = []
    for c in range(width):
        start = group_row[c] + 1 if c in group_row else 0
        texts = [grid[x][c] for x in range(start, len(grid)) if grid[x][c]]
        header.append(" ".join(dict.fromkeys(texts)))
    return header, groups


def task_table(rows: list[Row], preamble: list[str], where: str) -> Table:
    """The task table made of ``rows`` (its header block first), or :class:`NoTaskTable` saying why not.

    Rows that repeat a header row (a table continued on the next page) are left out of the body."""
    size = header_size(rows)
    header, groups = _headers(rows[:size])
    if recognise(header, groups) is None:
        raise NoTaskTable(not_a_task_table(header, where))
    repeated = [[c.text for c in row.cells] for row in rows[:size]]
    body = [row for row in rows[size:] if [c.text for c in row.cells] not in repeated]
    return Table(header, body, preamble, where, groups=[(g.text, g.columns) for g in groups])


def first_task_table(candidates: list[tuple[list[Row], list[str], str]]) -> Table:
    """The first acceptable task table among (rows, preamble, where); refused tables are named in the message."""
    refused: list[str] = []
    for rows, preamble, where in candidates:
        if not rows:
            continue
        try:
            return task_table(rows, preamble, where)
        except NoTaskTable as exc:
            refused.append(str(exc))
    if not refused:
        raise NoTaskTable("không thấy bảng nào.")
    raise NoTaskTable(" ".join(refused))


def columns_of(table: Table) -> Columns:
    """The roles of a task table; a reader that built its :class:`Table` without :func:`task_table` is refused
    here with the same message."""
    columns = read_roles(table.header, [Group(text, columns) for text, columns in table.groups])
    if not all(r in columns.index for r in REQUIRED):
        raise NoTaskTable(not_a_task_table(table.header, table.where))
    return columns
