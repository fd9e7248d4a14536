"""Dữ liệu mở: what each download holds, with the real size of this build's file.

The files, their order and their descriptions are the catalogue's (``exports.catalogue.DOWNLOADS``);
the page shows those this build made (the Word report only when the plan has a period to report on)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ... import urls
from ...exports import DOWNLOADS, UNIT_HEADERS
from ...exports.catalogue import TASKS_XLSX
from ...exports.common import licence_statement
from ...exports.task_table import plan_columns
from .base import IndexPageType, register

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
class DownloadsPage(IndexPageType):
    page_type = "downloads"
    url = urls.DOWNLOADS
    title = "Dữ liệu mở"
    waits_for_downloads = True

    def context(self, key: str | None, part: int = 1) -> DownloadsContext:
        files, facts, period = self.site.download_files, self.site.facts, self.site.report_period
        return DownloadsContext(
            files=[
                FileInfo(
                    name=d.name,
                    title=d.title,
                    what=d.describe(self.plan, period),
                    format=d.format_label,
                    encoding=d.encoding_label,
                    size=size_label(len(files[d.name])),
                    url=urls.download(d.name),
                )
                for d in DOWNLOADS
                if d.name in files
            ],
            columns=[ColumnInfo(c.header, TYPE_LABELS[c.type], c.description) for c in plan_columns(self.plan)],
            unit_headers=list(UNIT_HEADERS),
            licence=facts.licence,
            licence_statement=licence_statement(facts.licence),
            date_label=facts.date_label,
            xlsx_url=urls.download(TASKS_XLSX.name),
        )

