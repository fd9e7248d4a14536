"""The importer's review list: every place where it had to judge, in Vietnamese, on standard error.

A draft is only useful if the clerk knows what to check. Each note names
where in the source it comes from and which task it concerns, and notes
are grouped by topic so that a long list still reads in one pass. (Not a progress report, nor the periodic report.)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TextIO

TITLES = {
    "table": "Bảng",
    "cleaned": "Ký tự không nhìn thấy, đã thay hoặc xóa",
    "row": "Dòng không xếp được hoặc cần xem lại",
    "lost": "Nhiệm vụ mất số thứ tự",
    "split": "Ô đã tách thành nhiều tên",
    "roles": "Ô ghi đơn vị nào chủ trì, phối hợp phần việc nào: đã đọc theo từng phần",
    "loose": "Tên chỉ khớp gần đúng với danh mục",
    "new": "Tên mới, đã thêm vào danh mục",
    "schedule": "Thời gian cần xem lại",
    "empty": "Ô để trống trong văn bản gốc",
    "meta": "Thông tin chung cần điền",
}


@dataclass
class ReviewList:
    notes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, message: str) -> None:
        self.notes[kind].append(message)

    def __getitem__(self, kind: str) -> list[str]:
        return self.notes.get(kind, [])

    def write(self, out: TextIO = sys.stderr) -> None:
        for kind, title in TITLES.items():
            items = self.notes.get(kind)
            if items:
                print(f"{title} ({len(items)}):", file=out)
                for item in items:
                    print(f"  - {item}", file=out)
