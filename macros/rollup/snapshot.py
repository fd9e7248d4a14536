"""The harvest folder (``data/harvest/``): every member's last good copy and the outcome of its last harvest.

Committed to the repository, so that the build never touches the network and the same commit always
builds the same site, and so that a pull request of the nightly harvest shows what changed.

    index.json            {"format": "ke-hoach-thu-thap", "version": 1, "members": {slug: HarvestRecord}}
    members/<slug>.json   the member's data as :mod:`macros.rollup.model` keeps it (its last good copy)

A member whose harvest fails keeps its file; only its record changes. Files are written beside their
place and renamed into it, the index last, so an interrupted harvest leaves the last whole snapshot.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ..plan.problems import DataError, Problem
from .members import Member, Roster
from .model import HarvestRecord, MemberData

DEFAULT_FOLDER = "data/harvest"
INDEX = "index.json"
FORMAT = "ke-hoach-thu-thap"
VERSION = 1

_DATA: TypeAdapter[MemberData] = TypeAdapter(MemberData)
_RECORDS: TypeAdapter[dict[str, HarvestRecord]] = TypeAdapter(dict[str, HarvestRecord])


@dataclass(frozen=True)
class MemberEntry:
    """One member as the rollup shows it: who it is, how its last harvest went, and its last good data."""

    slug: str
    member: Member
    record: HarvestRecord | None
    data: MemberData | None

    @property
    def available(self) -> bool:
        return self.data is not None

    @property
    def reason(self) -> str | None:
        """Why the data shown is not today's, or why there is none."""
        if self.record is None:
            return "chưa thu thập lần nào (chạy make harvest)."
        return self.record.reason


def member_file(slug: str) -> str:
    return f"members/{slug}.json"


def read_records(folder: Path) -> dict[str, HarvestRecord]:
    """The index of a snapshot folder ({} when there is none yet)."""
    path = folder / INDEX
    if not path.is_file():
        return {}
    display = str(path)
    again = "chạy lại make harvest."
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError([Problem(display, None, "", f"không đọc được chỉ mục thu thập ({exc}); {again}")]) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("version") != VERSION:
        raise DataError([Problem(display, None, "format", f"cần định dạng {FORMAT} phiên bản {VERSION}; {again}")])
    try:
        return _RECORDS.validate_python(document.get("members", {}))
    except ValidationError as exc:
        raise DataError([Problem(display, None, "members", f"chỉ mục hỏng ({exc.error_count()} lỗi); {again}")]) from None


def read_data(folder: Path, slug: str) -> MemberData | None:
    """A member's last good copy, or None when there is none (or it cannot be read: shown as unavailable)."""
    path = folder / member_file(slug)
    try:
        return _DATA.validate_json(path.read_bytes())
    except (OSError, ValidationError):
        return None


def load_snapshot(folder: Path, roster: Roster) -> list[MemberEntry]:
    """Every member of the roster, in its order, with what the snapshot holds of it (members no longer listed are left out)."""
    records = read_records(folder)
    return [MemberEntry(slug, member, records.get(slug), read_data(folder, slug)) for slug, member in roster]


def dump_data(data: MemberData) -> bytes:
    """One member's file: compact, keys in model order, so two harvests of the same data are the same bytes."""
    return (json.dumps(data.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def write_member(folder: Path, slug: str, data: MemberData) -> None:
    _replace(folder / member_file(slug), dump_data(data))


def write_records(folder: Path, records: dict[str, HarvestRecord]) -> None:
    document = {"format": FORMAT, "version": VERSION,
                "members": {slug: records[slug].model_dump(mode="json") for slug in sorted(records)}}
    _replace(folder / INDEX, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)
