"""Reading a unit cell that says who leads what: "(1) về thuế: Bộ Tài chính chủ trì; (2) …".

National plans often give one task to several agencies, each for a part,
in the lead cell itself: "(1) về thương mại điện tử: Bộ Công Thương chủ
trì; (2) về thanh toán: Ngân hàng Nhà nước Việt Nam chủ trì", or "Bộ Công
an chủ trì, Bộ Quốc phòng phối hợp". Taken as names, such a cell is one
unit whose name is the whole cell. Read here, it is groups of names, each
with its role; the topics ("về thuế") are no names and are dropped. The
cell's text itself is never changed: only the ids come from this reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import key

LEAD, COORDINATING = "lead", "coordinating"
# "chủ trì" / "phối hợp" as a role, not inside a name ("Hội đồng phối hợp phổ biến, giáo dục pháp luật"): written
# in brackets, or followed by the end, a separator, or the words that start what the role is about.
_AFTER_ROLE = (r"(?=\s*(?:$|[,;.:)]|về\b|đối\s+với\b|thực\s+hiện\b|triển\s+khai\b|trong\b|các\s+nội\s+dung\b|tham\s+mưu\b"
               r"|tổng\s+hợp\b|hướng\s+dẫn\b|tổ\s+chức\b|xây\s+dựng\b))")
ROLE = re.compile(
    rf"\(\s*(?P<b>chủ\s+trì|phối\s+hợp)\s*\)|\b(?P<w>phối\s+hợp\s+với)\b|\b(?P<r>chủ\s+trì|phối\s+hợp)\b{_AFTER_ROLE}",
    re.IGNORECASE,
)
ENUMERATOR = re.compile(r"(?:^|(?<=[\s;.]))\(?\s*(?:\d{1,2}|[a-zđ])\s*\)\s*", re.IGNORECASE)
LABELS = {"", "cơ quan", "đơn vị", "bộ, ngành", "các bộ, ngành"}


@dataclass(frozen=True)
class Group:
    role: str  # LEAD or COORDINATING
    names: str  # the wording of the names, as the cell writes them


def read_roles(text: str, cell_role: str) -> list[Group] | None:
    """The groups of names a cell gives with their roles; None when it names no roles and numbers no parts."""
    if not ROLE.search(text) and not ENUMERATOR.search(text.strip()[:4]):
        return None
    groups: list[Group] = []
    pending = cell_role
    for clause in _clauses(text):
        for part in clause.split(":"):
            found, label = _part(part, pending)
            if label:
                pending = label  # "Cơ quan phối hợp: Bộ Y tế": the role is for what follows
                continue
            groups += found
            pending = cell_role
    kept = [g for g in groups if key(g.names) not in LABELS]
    return kept or None


def _clauses(text: str) -> list[str]:
    """The cell cut at ";" and at numbered parts "(1)", "2)", "a)"."""
    return [c for piece in text.split(";") for c in ENUMERATOR.split(piece) if c.strip(" .,")]


def _part(part: str, role: str) -> tuple[list[Group], str | None]:
    """The groups of one part between colons, or the role it announces for the next part (a label)."""
    marks = list(ROLE.finditer(part))
    if not marks:
        return ([] if _has_topic(part) else [Group(role, part.strip(" .,"))]), None
    groups: list[Group] = []
    start = 0
    after_with = False
    for index, mark in enumerate(marks):
        names = part[start : mark.start()]
        if index and not after_with:
            names = _after_topic(names)
        if after_with:
            groups.append(Group(COORDINATING, names.strip(" .,")))
            names = ""
        if not mark["w"]:
            groups.append(Group(_role(mark), names.strip(" .,")))
        after_with, start = bool(mark["w"]), mark.end()
    tail = part[start:]
    groups.append(Group(COORDINATING, tail.strip(" .,")) if after_with else Group(role, _after_topic(tail).strip(" .,")))
    if len(marks) == 1 and not marks[0]["w"] and key(groups[0].names) in LABELS and not part[start:].strip(" .,"):
        return [], _role(marks[0])
    return [g for g in groups if g.names], None


def _role(mark: re.Match[str]) -> str:
    word = key(mark["b"] or mark["r"] or "")
    return LEAD if word == "chủ trì" else COORDINATING


def _has_topic(part: str) -> bool:
    """A part without role that is only a topic ("về thương mại điện tử") names nobody."""
    return bool(re.match(r"\s*(?:về|đối\s+với|trong)\b", part, re.IGNORECASE))


def _after_topic(text: str) -> str:
    """What follows a role's topic: "về thuế, Bộ Y tế" → "Bộ Y tế"; a topic alone gives nothing."""
    stripped = text.lstrip()
    if stripped[:1] in (",", ";"):
        return stripped[1:]
    cut = re.search(r"[,;]", text)
    return text[cut.end() :] if cut else ""
