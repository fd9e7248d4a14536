"""The members file (``data/rollup.yaml``): who the rollup follows and where each publishes its data.

Written by the province's editors and reviewed in pull requests like the plan, so a mistake is
explained with its file, line and field, in Vietnamese, before any harvest or build.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from ..plan.loader import shape_problem
from ..plan.problems import DataError, Problem
from ..plan.yamlsource import load_yaml
from ..text import ascii_words

DEFAULT_FILE = "data/rollup.yaml"

LEVEL_LABELS: dict[str, str] = {
    "quoc-gia": "Trung ương", "bo-nganh": "Bộ, ngành", "tinh": "Tỉnh", "thanh-pho": "Thành phố",
    "xa": "Xã", "phuong": "Phường", "dac-khu": "Đặc khu",
}  # fmt: skip
"""Names of the usual levels; another level is shown as written."""


def level_label(level: str | None) -> str:
    return LEVEL_LABELS.get(level, level) if level else ""


class Member(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=200, description="Tên thành viên, ví dụ Xã Ba Dinh.")
    plan_json: str | None = Field(None, description="Địa chỉ https của du-lieu/plan.json, hoặc đường dẫn trong kho.")
    rollup_json: str | None = Field(None, description="Với thành viên cũng là một trang tổng hợp: địa chỉ rollup.json.")
    code: str | None = Field(None, pattern=r"^[0-9A-Za-z-]{1,20}$", description="Mã đơn vị hành chính.")
    level: str | None = Field(None, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=30, description="Cấp: tinh, xa, phuong…")
    site: str | None = Field(None, description="Địa chỉ https trang web của thành viên.")

    @field_validator("plan_json", "rollup_json")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        if value is None or _is_https(value) or _is_http(value):  # http:// only with allow_local (load_members)
            return value
        path = PurePosixPath(value)
        scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value)  # ftp:, javascript:…: not a path of the repository
        if scheme or path.is_absolute() or ".." in path.parts or "\\" in value or not value.strip():
            raise ValueError("address")
        return str(path)

    @field_validator("site")
    @classmethod
    def _site(cls, value: str | None) -> str | None:
        if value is not None and not _is_https(value):
            raise ValueError("https")
        return value

    @model_validator(mode="after")
    def _one_source(self) -> Member:
        if self.plan_json is None and self.rollup_json is None:
            raise ValueError("source")
        return self

    @property
    def source(self) -> str:
        """What the harvest reads: a rollup's rollup.json when it has one, else its plan.json."""
        return self.rollup_json or self.plan_json or ""

    @property
    def expects(self) -> str:
        return "rollup" if self.rollup_json else "plan"

    @property
    def is_remote(self) -> bool:
        return _is_https(self.source) or _is_http(self.source)


class MembersFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    allow_local: bool = Field(False, description="Cho phép địa chỉ nội bộ (127.0.0.1, mạng riêng): chỉ để kiểm thử.")
    members: list[Member] = Field(min_length=1)


@dataclass(frozen=True)
class Roster:
    """The checked members file, each member with the slug that names its snapshot file and its page."""

    file: str
    allow_local: bool
    members: list[tuple[str, Member]]

    def __iter__(self) -> Iterator[tuple[str, Member]]:
        return iter(self.members)


def _is_https(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and not re.search(r"\s", value)


def _is_http(value: str) -> bool:
    """A plain http:// address: refused unless the file sets allow_local (a test's loopback server)."""
    parts = urlsplit(value)
    return parts.scheme == "http" and bool(parts.hostname) and not re.search(r"\s", value)


MESSAGES = {
    "address": "cần một địa chỉ https://… hoặc một đường dẫn trong kho (viết bằng dấu /, không có ..)",
    "https": "cần một địa chỉ https://…",
    "source": "cần plan_json (địa chỉ du-lieu/plan.json của thành viên) hoặc rollup_json",
}


FIELD_MESSAGES = {  # the plan's wording of these speaks of the plan's template and of units' ids
    ("extra_forbidden", ""): "trường này không có trong danh sách thành viên (các trường: allow_local, members; với mỗi "
                             "thành viên: name, plan_json, rollup_json, code, level, site)",
    ("string_pattern_mismatch", "code"): "mã đơn vị hành chính: chữ số, chữ cái không dấu hoặc dấu gạch nối, tối đa 20 ký tự, "
                                         "ví dụ 21595",
    ("string_pattern_mismatch", "level"): "cấp viết bằng chữ thường không dấu và dấu gạch nối, ví dụ xa, phuong, tinh",
}


def load_members(root: Path, file: str = DEFAULT_FILE) -> Roster:
    """Read and check the members file; raise :class:`DataError` listing every mistake with its line."""
    doc = load_yaml(root / file, file)
    if not isinstance(doc.data, dict):
        raise DataError([Problem(file, 1, "", "cần một bảng khóa: giá trị có mục members (danh sách thành viên).")])
    try:
        parsed = MembersFile.model_validate(doc.data)
    except ValidationError as exc:
        raise DataError([shape_problem(doc, err, _expected) for err in exc.errors()]) from None
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    members = []
    for i, member in enumerate(parsed.members):
        for field in ("plan_json", "rollup_json"):
            if not parsed.allow_local and _is_http(getattr(member, field) or ""):
                problems.append(Problem(file, doc.line_of(("members", i, field)), f"members[{i}].{field}",
                                        f"{MESSAGES['address']}; địa chỉ http:// chỉ được dùng khi kiểm thử "
                                        "(allow_local: true)."))
        slug = member_slug(member)
        if slug in seen:
            problems.append(Problem(file, doc.line_of(("members", i)), f"members[{i}]",
                                    f"trùng với thành viên thứ {seen[slug] + 1} (cùng mã hoặc cùng tên \"{member.name}\")."))
        seen.setdefault(slug, i)
        members.append((slug, member))
    if problems:
        raise DataError(problems)
    return Roster(file, parsed.allow_local, members)


def _expected(err: ErrorDetails) -> str:
    from ..plan.loader import expected_message

    reason = str(err.get("ctx", {}).get("error", ""))
    kind, field = err["type"], str((err["loc"] or ("",))[-1])
    return MESSAGES.get(reason) or FIELD_MESSAGES.get((kind, field)) or FIELD_MESSAGES.get((kind, "")) or expected_message(err)


def member_slug(member: Member) -> str:
    """A stable, ASCII name for a member's page and snapshot file: its code when it has one, else its name."""
    base = "-".join(ascii_words(member.name).lower().split()) or "thanh-vien"
    base = re.sub(r"[^a-z0-9-]+", "", base).strip("-")[:50] or "thanh-vien"
    if member.code:
        return f"{member.code.lower()}-{base}"[:60].strip("-")
    if len(base) >= 50:
        base += "-" + hashlib.sha256(member.name.encode()).hexdigest()[:6]
    return base
