"""Matching the names written in a cell against a registry (units, deliverable kinds, schedules).

A cell such as "Phòng Văn hoá-Xã hội và các cơ quan, đơn vị thuộc Ủy ban
nhân dân xã" names two units, but one of them contains a comma. So the
cell is cut at every separator (";", ",", " và ") and the longest run of
pieces that is a known name or alias wins; only the pieces left over are
grouped by wording rules and proposed as new names. Comparison ignores
case, spacing around dashes, old and new tone placement (hoá/hóa,
Uỷ/Ủy) and common abbreviations (UBND, MTTQ, NHCSXH).

Some official names contain the separators themselves ("Sở Văn hóa, Thể
thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội"). They ship as
data (agencies.yaml) and are never cut, also when a place follows them;
a registry name still wins over them, as the registry is the plan's own.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..plan.model import MAX_ID
from ..text import ascii_words, tone_on_first_vowel

SEPARATOR = re.compile(r"(\s*;\s*|\s*,\s*|\s+và\s+)", re.IGNORECASE)
ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "mttq": "mặt trận tổ quốc",
    "hđnd": "hội đồng nhân dân",
    "nhcsxh": "ngân hàng chính sách xã hội",
    "csxh": "chính sách xã hội",
    "vh-xh": "văn hóa-xã hội",
}
PLACEHOLDER = "(chưa rõ — cần điền)"
AGENCIES = Path(__file__).with_name("agencies.yaml")
# Words that start a place after an agency's name: "Sở Y tế tỉnh Quảng Ngãi", "Văn phòng HĐND và UBND xã".
PLACES = ("tỉnh", "thành phố", "tp", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "các tỉnh",
          "các xã", "trung ương")  # fmt: skip


def key(text: str) -> str:
    """The form two wordings of one name share."""
    text = tone_on_first_vowel(unicodedata.normalize("NFC", text).casefold())
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .;,:")
    words = [ABBREVIATIONS.get(w, w) for w in text.split(" ")]
    return " ".join(words)


@cache
def official_names() -> tuple[str, ...]:
    """The compared form of every name in agencies.yaml, read once per run."""
    data = yaml.safe_load(AGENCIES.read_text(encoding="utf-8"))
    return tuple(dict.fromkeys(key(name) for names in data.values() for name in names))


def is_official(wording: str) -> bool:
    """Whether ``wording`` is one official name, alone or followed by a place ("… tỉnh Quảng Ngãi")."""
    folded = key(wording)
    for name in official_names():
        if folded == name:
            return True
        if folded.startswith(name + " ") and _is_place(folded[len(name) + 1 :], wording):
            return True
    return False


def _is_place(rest: str, wording: str) -> bool:
    """"tỉnh Quảng Ngãi", "xã" or a proper name of a few capitalised words, with no separator in it."""
    if re.search(r"[,;]|(?:^|\s)và(?:\s|$)", rest):
        return False
    if any(rest == p or rest.startswith(p + " ") for p in PLACES):
        return True
    tail = wording.split()[-len(rest.split()) :]
    return len(tail) <= 4 and all(w[:1].isupper() for w in tail)


def slug(text: str) -> str:
    """An id made from a name, at most :data:`MAX_ID` characters: ids are page addresses and file names.

    A lead cell listing several agencies, read as one name, would give an
    address longer than a file system allows. A long slug is cut at a word
    boundary and ends with six hex digits of the whole name's hash, so that
    two long names starting alike keep two ids, the same on every import."""
    full = re.sub(r"\s+", "-", ascii_words(text)) or "muc"
    if len(full) <= MAX_ID:
        return full
    digest = hashlib.sha1(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:6]
    return f"{_cut(full, MAX_ID - len(digest) - 1)}-{digest}"


def _cut(slug_text: str, most: int) -> str:
    """The slug's first words that fit in ``most`` characters (the first word cut short if it alone does not)."""
    if len(slug_text) <= most:
        return slug_text
    head = slug_text[: most + 1]
    return head.rsplit("-", 1)[0] if "-" in head else slug_text[:most]


def tidy(piece: str) -> str:
    """A piece as a name: no bullet, no trailing punctuation, first letter capitalised."""
    piece = re.sub(r"^\s*[-–•+]\s*", "", piece).strip(" .;,:")
    return piece[:1].upper() + piece[1:]


@dataclass
class Entry:
    id: str
    name: str
    aliases: list[str]
    extra: dict[str, Any] = field(default_factory=dict)
    new: bool = False

    def match_keys(self) -> list[str]:
        """The compared form (:func:`key`) of the name and of every alias."""
        return [key(n) for n in [self.name, *self.aliases]]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, **self.extra, "aliases": self.aliases}


@dataclass
class Match:
    wording: str
    entry: Entry
    how: str  # "exact", "loose" or "new"


@dataclass
class Kind:
    """What differs between the three registries: where names start, and what a new entry holds."""

    label: str
    heads: tuple[str, ...]
    strip_owner: bool  # "Báo cáo của Phòng X": the product is "Báo cáo"
    upper_starts_name: bool  # in unit cells a capital after "," starts a new name
    official: bool = False  # whether agencies.yaml's names are kept whole

    def new_extra(self, name: str) -> dict[str, Any]:
        return {}


class UnitKind(Kind):
    def new_extra(self, name: str) -> dict[str, Any]:
        plural = key(name).startswith(("các ", "những "))
        return {"short": name, "kind": "group" if plural else "agency", "member_of": []}


UNITS = UnitKind(
    "đơn vị",
    ("các", "những", "phòng", "ủy ban", "ban chỉ", "ban quản", "ban chỉ huy", "công an", "ngân hàng", "hội", "đoàn",
     "trung tâm", "văn phòng", "mặt trận", "đảng ủy", "chi nhánh", "kho bạc", "bảo hiểm", "trạm", "trường", "chi cục",
     "hợp tác xã", "quân sự", "bưu điện", "thôn", "tổ"),
    strip_owner=False,
    upper_starts_name=True,
    official=True,
)  # fmt: skip
DELIVERABLES = Kind(
    "loại sản phẩm",
    ("văn bản", "kế hoạch", "báo cáo", "tờ trình", "quyết định", "tin bài", "công văn", "đề án", "chương trình",
     "nghị quyết", "thông báo", "biên bản", "danh sách", "hồ sơ", "phương án", "dự thảo", "bài viết", "tài liệu",
     "hội nghị", "quy chế", "quy định"),
    strip_owner=True,
    upper_starts_name=False,
)  # fmt: skip


def _qualified(longer: str, shorter: str, most: int = 99) -> bool:
    """"Phòng Kinh tế xã" is "Phòng Kinh tế" with a qualifier: a name of two words or more, then a few words."""
    if " " not in shorter or not longer.startswith(shorter + " "):
        return False
    return len(longer[len(shorter) :].split()) <= most


class Registry:
    """One registry (units or deliverable kinds): the entries known, and those this import added."""

    def __init__(self, kind: Kind, entries: list[Entry]):
        self.kind = kind
        self.entries = list(entries)
        self.used: list[str] = []

    def _index(self) -> dict[str, Entry]:
        return {k: e for e in self.entries for k in e.match_keys()}

    def _piece_key(self, wording: str) -> str:
        if self.kind.strip_owner:
            wording = re.sub(r"\s+của\s+.*$", "", wording, flags=re.IGNORECASE)
        return key(wording)

    def match(self, text: str) -> list[Match]:
        """The names a cell gives, in order, each matched, loosely matched or new."""
        parts = SEPARATOR.split(re.sub(r"^\s*[-–•+]\s*", "", text.strip()))
        pieces, seps = parts[0::2], parts[1::2]
        index = self._index()
        found: list[Match] = []
        leftover: list[tuple[str, str]] = []  # (separator before, piece)
        i = 0
        while i < len(pieces):
            known = self._known(pieces, seps, i, index)
            if known:
                found += self._flush(leftover)
                found.append(self._as_match(*known))
                i = known[0] + 1
            else:
                if pieces[i].strip(" .;,:"):
                    leftover.append((seps[i - 1] if i else "", pieces[i]))
                i += 1
        found += self._flush(leftover)
        for m in found:
            if m.entry.id not in self.used:
                self.used.append(m.entry.id)
        return found

    def _known(self, pieces: list[str], seps: list[str], i: int, index: dict[str, Entry]) -> tuple[int, str, Entry | None] | None:
        """(last piece, wording, entry) of the longest run from piece ``i`` that the registry names, or else of
        the longest that is an official name (entry None); None when neither names one."""

        def wording(j: int) -> str:
            return "".join(p + (seps[k] if k < j else "") for k, p in enumerate(pieces[i : j + 1], start=i))

        runs = range(len(pieces) - 1, i - 1, -1)
        for j in runs:
            entry = index.get(self._piece_key(wording(j)))
            if entry:
                return j, wording(j), entry
        if self.kind.official:
            for j in runs:
                if is_official(wording(j)):
                    return j, wording(j), None
        return None

    def _as_match(self, j: int, wording: str, entry: Entry | None) -> Match:
        """A registry name is an exact match; an official name is compared with the registry like a new piece."""
        return Match(tidy(wording), entry, "exact") if entry else self._loose_or_new(tidy(wording))

    def _flush(self, leftover: list[tuple[str, str]]) -> list[Match]:
        """Pieces no known name covers: joined where the wording continues, then matched loosely or added."""
        names: list[str] = []
        for sep, piece in leftover:
            if names and self._continues(sep, piece):
                names[-1] += sep + piece
            else:
                names.append(piece)
        leftover.clear()
        return [self._loose_or_new(tidy(n)) for n in names if tidy(n)]

    def _continues(self, sep: str, piece: str) -> bool:
        folded = key(piece)
        if any(folded == h or folded.startswith(h + " ") for h in map(key, self.kind.heads)):
            return False
        # In unit cells a capital after "," or ";" starts a new name.
        return not (self.kind.upper_starts_name and piece[:1].isupper() and sep.strip() in (",", ";"))

    def _loose_or_new(self, wording: str) -> Match:
        wanted = self._piece_key(wording)
        best: tuple[int, Entry] | None = None
        for entry in self.entries:
            for k in entry.match_keys():
                close = ascii_words(k) == ascii_words(wanted)
                prefix = _qualified(wanted, k) or _qualified(k, wanted, most=1)
                if (close or prefix) and (best is None or len(k) > best[0]):
                    best = (len(k), entry)
        if best:
            entry = best[1]
            if self._piece_key(wording) not in entry.match_keys():
                entry.aliases.append(self._alias(wording))
            return Match(wording, entry, "loose")
        name = self._alias(wording)
        entry = Entry(self._free_id(slug(name)), name, [], self.kind.new_extra(name), new=True)
        self.entries.append(entry)
        return Match(wording, entry, "new")

    def _alias(self, wording: str) -> str:
        if self.kind.strip_owner:
            return re.sub(r"\s+của\s+.*$", "", wording, flags=re.IGNORECASE)
        return wording

    def _free_id(self, base: str) -> str:
        taken = {e.id for e in self.entries}
        candidate, n = base, 2
        while candidate in taken:
            suffix = f"-{n}"
            candidate, n = _cut(base, MAX_ID - len(suffix)) + suffix, n + 1
        return candidate

    def output(self) -> list[dict[str, Any]]:
        """Entries for the draft: those the document uses, plus groups they belong to."""
        wanted = set(self.used)
        for entry in self.entries:
            if entry.id in wanted:
                wanted.update(entry.extra.get("member_of", []))
        return [e.as_dict() for e in self.entries if e.id in wanted]
