"""Dữ liệu mở: what each download holds, with the real size of this build's file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from ... import urls
from ...exports import UNIT_HEADERS
from ...exports.common import (
    DATAPACKAGE,
    DEADLINES_ICS,
    PERIODIC_REPORT,
    PLAN_JSON,
    PLAN_SCHEMA,
    TASKS_CSV,
    TASKS_XLSX,
    licence_statement,
)
from ...exports.task_table import BULLET, MULTI, plan_columns
from ...plan.model import Plan
from ...text import vn_date
from .base import IndexKind, register

DISPLAY_ORDER = (TASKS_XLSX, TASKS_CSV, PERIODIC_REPORT, PLAN_JSON, PLAN_SCHEMA, DEADLINES_ICS, DATAPACKAGE)
"""People who want a table come first, then the report to read; the files for programs follow.
The report is listed only when the plan has a period to report on (see ``Site.report_period``)."""

TYPE_LABELS = {"string": "văn bản", "boolean": "có / không", "date": "ngày"}


@dataclass(frozen=True)
class FileInfo:
    name: str
    title: str
    what: str
    format: str
    encoding: str
    size: str
    url: str


@dataclass(frozen=True)
class ColumnInfo:
    header: str
    type: str
    description: str


@dataclass(frozen=True)
class DownloadsContext:
    files: list[FileInfo]
    columns: list[ColumnInfo]
    unit_headers: list[str]
    licence: Mapping[str, str] | None
    licence_statement: str
    date_label: str
    xlsx_url: str


def size_label(size: int) -> str:
    """12,3 kB: Vietnamese decimal comma; bytes under one kilobyte are counted exactly."""
    if size < 1000:
        return f"{size} byte"
    return f"{size / 1000:.1f} kB".replace(".", ",")


@register
class DownloadsPage(IndexKind):
    kind = "downloads"
    url = urls.DOWNLOADS
    title = "Dữ liệu mở"
    late = True

    def context(self, key: str | None, part: int = 1) -> DownloadsContext:
        files, facts = self.site.download_files, self.site.facts
        described = descriptions(self.plan, self.site.report_period)
        return DownloadsContext(
            files=[
                FileInfo(name, *described[name], size=size_label(len(files[name])), url=urls.download(name))
                for name in DISPLAY_ORDER
                if name in files
            ],
            columns=[ColumnInfo(c.header, TYPE_LABELS[c.type], c.description) for c in plan_columns(self.plan)],
            unit_headers=list(UNIT_HEADERS),
            licence=facts.licence,
            licence_statement=licence_statement(facts.licence),
            date_label=facts.date_label,
            xlsx_url=urls.download(TASKS_XLSX),
        )


def descriptions(plan: Plan, period: tuple[dt.date, dt.date] | None) -> dict[str, tuple[str, str, str, str]]:
    """File name → (title, what it holds, format, encoding), in Vietnamese; ``period`` is the report's."""
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
        PERIODIC_REPORT: (
            "Báo cáo kết quả thực hiện (Word)",
            (f"Báo cáo từ ngày {vn_date(period[0])} đến ngày {vn_date(period[1])}, " if period else "Báo cáo ")
            + "theo thể thức văn bản hành chính của Nghị định 30/2020/NĐ-CP: số nhiệm vụ theo tình trạng, "
            "các nhiệm vụ quá hạn, và mỗi phần một bảng các nhiệm vụ cùng báo cáo tiến độ trong kỳ. Số và ký hiệu, "
            "nơi nhận, chữ ký để trống cho văn thư điền. Báo cáo cho một quý, một năm hoặc một đơn vị: "
            "lệnh make report (xem README).",
            "Word (.docx)",
            "—",
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
