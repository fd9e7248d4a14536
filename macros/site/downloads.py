"""Open data on the site: what the build publishes under ``du-lieu/`` and how the page explains it.

The bytes come from :func:`macros.exports.export_files`, called with the
same loaded plan as the pages and with the build's facts (reference date,
site address, licence), so a download can never disagree with the page
that links it. Nothing here knows about MkDocs: the glue passes the facts
in and asks for the files to be written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..exports import COLUMNS, UNIT_HEADERS, export_files, licence_statement
from ..exports.common import (
    DATAPACKAGE,
    DEADLINES_ICS,
    PLAN_JSON,
    PLAN_SCHEMA,
    TASKS_CSV,
    TASKS_XLSX,
    check_licence,
    site_base,
)
from ..exports.rows import BULLET, MULTI
from ..plan.model import Plan
from ..text import vn_date

DOWNLOAD_DIR = "du-lieu"
"""Folder of the built site that holds the files, beside the Dữ liệu mở page (``du-lieu/``)."""


@dataclass(frozen=True)
class BuildFacts:
    """What one build stamps on its downloads and its printed copy, decided once per build."""

    reference_date: dt.date
    site_url: str | None = None
    licence: dict[str, str] | None = field(default=None, hash=False)

    @property
    def date_label(self) -> str:
        return vn_date(self.reference_date)

    @property
    def site_address(self) -> str | None:
        return site_base(self.site_url)

    @property
    def licence_statement(self) -> str:
        return licence_statement(self.licence)


def build_facts(reference_date: dt.date, site_url: str | None, licence: Any) -> BuildFacts:
    """Check the ``extra.licence`` setting of mkdocs.yml and bundle the build's facts.

    Raises ValueError with a Vietnamese message when the licence setting
    is not null and not a ``name``/``path``/``title`` mapping."""
    if licence is not None and not isinstance(licence, Mapping):
        raise ValueError(f"extra.licence trong mkdocs.yml phải là null hoặc có khóa name, path, title; đang là: {licence!r}")
    try:
        checked = check_licence(licence)
    except ValueError as exc:
        raise ValueError(f"extra.licence trong mkdocs.yml: {exc}") from None
    return BuildFacts(reference_date, site_url or None, checked)


def files_for(plan: Plan, facts: BuildFacts, progress: Any = None) -> dict[str, bytes]:
    """Every download's bytes for this build (the same inputs always give the same bytes)."""
    return export_files(plan, facts.reference_date, facts.site_url, facts.licence, progress)


def write_downloads(site_dir: Path | str, files: dict[str, bytes]) -> list[Path]:
    """Write the files into ``<site_dir>/du-lieu/``; returns the paths written."""
    folder = Path(site_dir) / DOWNLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written


# ---------------------------------------------------------------- the Dữ liệu mở page


@dataclass(frozen=True)
class FileInfo:
    name: str
    title: str
    what: str
    format: str
    encoding: str
    size: str

    @property
    def url(self) -> str:
        return f"{DOWNLOAD_DIR}/{self.name}"


def size_label(size: int) -> str:
    """12,3 kB: Vietnamese decimal comma; bytes under one kilobyte are counted exactly."""
    if size < 1000:
        return f"{size} byte"
    return f"{size / 1000:.1f} kB".replace(".", ",")


def _descriptions(plan: Plan) -> dict[str, tuple[str, str, str, str]]:
    """File name → (title, what it holds, format, encoding), in Vietnamese."""
    leaf = len(plan.leaf_tasks)
    headings = len(plan.tasks) - leaf
    dated = sum(1 for t in plan.leaf_tasks if t.schedule.due)
    heading_ids = ", ".join(t.id for t in plan.tasks if t.heading)
    rows = f"{leaf} nhiệm vụ" + (f" và {headings} mục tiêu đề ({heading_ids}, cột “Là mục tiêu đề” ghi “có”)" if headings else "")
    return {
        TASKS_XLSX: (
            "Bảng nhiệm vụ cho Excel",
            f"Trang tính “Nhiệm vụ”: mỗi dòng một nhiệm vụ ({rows}), cùng các cột như tệp CSV; "
            f"trang tính “Đơn vị”: {len(plan.units)} đơn vị và số nhiệm vụ mỗi đơn vị chủ trì, phối hợp. "
            "Mọi ô là văn bản, không có công thức.",
            "Excel (.xlsx)",
            "—",
        ),
        TASKS_CSV: (
            "Bảng nhiệm vụ dạng CSV",
            f"Mỗi dòng một nhiệm vụ ({rows}). Ô có nhiều đơn vị hoặc nhiều loại được nối bằng “{MULTI.strip()} ”; "
            f"các đoạn và các gạch đầu dòng trong một ô nằm trên các dòng riêng, gạch đầu dòng bắt đầu bằng “{BULLET.strip()}”.",
            "CSV, các cột cách nhau bằng dấu phẩy (,)",
            "UTF-8 có BOM",
        ),
        PLAN_JSON: (
            "Toàn bộ kế hoạch (JSON)",
            "Thông tin kế hoạch và căn cứ, các phần, mọi nhiệm vụ theo thứ tự văn bản (nội dung giữ nguyên đoạn, "
            "danh sách và chữ nghiêng), các đơn vị, loại sản phẩm, loại thời gian và giấy phép.",
            "JSON",
            "UTF-8",
        ),
        PLAN_SCHEMA: (
            "Lược đồ của plan.json",
            "JSON Schema (bản 2020-12) mô tả từng trường của plan.json, để kiểm tra tệp bằng máy.",
            "JSON Schema",
            "UTF-8",
        ),
        DEADLINES_ICS: (
            "Lịch hạn hoàn thành",
            f"Một sự kiện cả ngày cho mỗi nhiệm vụ có hạn hoàn thành ({dated} nhiệm vụ). "
            "Mở bằng ứng dụng lịch (Google Calendar, Outlook, Lịch của điện thoại) hoặc đăng ký theo địa chỉ của tệp "
            "để lịch tự cập nhật.",
            "iCalendar (.ics)",
            "UTF-8",
        ),
        DATAPACKAGE: (
            "Mô tả gói dữ liệu",
            "Frictionless Data Package: tên, kiểu và mô tả từng cột của tasks.csv, kích thước và mã băm của các tệp, "
            "giấy phép.",
            "JSON",
            "UTF-8",
        ),
    }


DISPLAY_ORDER = (TASKS_XLSX, TASKS_CSV, PLAN_JSON, PLAN_SCHEMA, DEADLINES_ICS, DATAPACKAGE)
"""People who want a table come first; the files for programs follow."""

TYPE_LABELS = {"string": "văn bản", "boolean": "có / không", "date": "ngày"}


def downloads_context(plan: Plan, files: dict[str, bytes], facts: BuildFacts) -> dict[str, Any]:
    """What the Dữ liệu mở page lays out, with the real size of each file of this build."""
    described = _descriptions(plan)
    return {
        "files": [FileInfo(name, *described[name], size=size_label(len(files[name]))) for name in DISPLAY_ORDER],
        "columns": [{"header": c.header, "type": TYPE_LABELS[c.type], "description": c.description} for c in COLUMNS],
        "unit_headers": list(UNIT_HEADERS),
        "licence": facts.licence,
        "licence_statement": facts.licence_statement,
        "date_label": facts.date_label,
        "site_address": facts.site_address,
        "folder": DOWNLOAD_DIR,
    }
