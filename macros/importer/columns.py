"""Which column is which, read from the header text rather than its position.

Vietnamese plans name the same six columns in many ways ("STT" or "TT",
"Đơn vị chủ trì" or "Cơ quan chủ trì", "Sản phẩm" or "Kết quả đầu ra"…)
and sometimes misspell them ("PHÓI HỢP"), so headers are compared without
diacritics against a few key words per column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import ascii_words

ROLES = ("number", "task", "lead", "coordinating", "deliverable", "schedule")

# Checked in this order: the first role whose key words appear in a header takes the column.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "lead": ("chu tri",),
    "coordinating": ("phoi hop",),
    "schedule": ("thoi gian", "tien do", "thoi han", "thoi diem"),
    "deliverable": ("san pham", "ket qua"),
    "task": ("nhiem vu", "noi dung", "cong viec"),
    "number": ("stt", "tt", "so tt", "so thu tu"),
}
EXACT_ONLY = {"number"}  # "tt" must be the whole header, not a part of one

LABELS = {
    "number": "số thứ tự",
    "task": "nội dung nhiệm vụ",
    "lead": "đơn vị chủ trì",
    "coordinating": "đơn vị phối hợp",
    "deliverable": "sản phẩm",
    "schedule": "thời gian thực hiện",
}


@dataclass(frozen=True)
class Columns:
    index: dict[str, int]
    header: list[str]

    def get(self, role: str) -> int | None:
        return self.index.get(role)

    @property
    def ignored(self) -> list[str]:
        used = set(self.index.values())
        return [h for i, h in enumerate(self.header) if i not in used and h.strip()]

    @property
    def missing(self) -> list[str]:
        return [LABELS[r] for r in ROLES if r not in self.index]


def role_of(header: str) -> str | None:
    folded = ascii_words(header)
    if not folded:
        return None
    for role, words in KEYWORDS.items():
        if role in EXACT_ONLY:
            if folded in words:
                return role
        elif any(re.search(rf"\b{w}\b", folded) for w in words):
            return role
    return None


def recognise(header: list[str]) -> Columns | None:
    """The columns of a task table, or None when there is no task column (not a task table)."""
    index: dict[str, int] = {}
    for i, text in enumerate(header):
        role = role_of(text)
        if role and role not in index:
            index[role] = i
    return Columns(index, header) if "task" in index else None


def is_column_numbers(texts: list[str]) -> bool:
    """The row "(1) (2) (3)…" that many plans put under the header, numbering the columns."""
    values = [re.sub(r"[()\s]", "", t) for t in texts if t.strip()]
    return len(values) >= 2 and values == [str(i) for i in range(1, len(values) + 1)]


def not_a_task_table(header: list[str]) -> str:
    """Why a table is refused, naming the headers it has, so the clerk sees which table was read."""
    found = ", ".join(f"\"{h}\"" for h in header if h) or "(không có tiêu đề)"
    return (
        "bảng không phải bảng nhiệm vụ: không có cột nội dung nhiệm vụ "
        f"(cần một cột tên như \"Nội dung nhiệm vụ\", \"Tên nhiệm vụ\" hoặc \"Nhiệm vụ\"). Các tiêu đề tìm thấy: {found}."
    )
