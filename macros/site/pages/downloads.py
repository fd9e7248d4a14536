"""Dữ liệu mở: what each download holds, with the real size of this build's file.

The files, their order and their descriptions are the catalogue's (``exports.catalogue.DOWNLOADS``);
the page shows those this build made (the Word report only when the plan has a period to report on; a
rollup's own files, in a part of their own, only on a rollup's site)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ... import urls
from ...exports import DOWNLOADS, UNIT_HEADERS
from ...exports.catalogue import ROLLUP_DOWNLOADS, TASKS_XLSX, Download
from ...exports.common import licence_statement
from ...exports.rollup_table import MEMBER_HEADERS, MEMBERS_SHEET, ROLLUP_COLUMNS, ROLLUP_TASKS_SHEET
from ...exports.task_table import Column, plan_columns
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
    rollup_files: list[FileInfo]
    """A rollup's own files (its members' figures and tasks); empty on any other site."""
    rollup_columns: list[ColumnInfo]
    member_headers: list[str]
    rollup_sheets: tuple[str, str]
    """The sheets of rollup-tasks.xlsx: the member tasks, the members."""
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
        facts = self.site.facts
        rollup = self.site.rollup is not None
        return DownloadsContext(
            files=self._files(DOWNLOADS),
            columns=_columns(plan_columns(self.plan)),
            unit_headers=list(UNIT_HEADERS),
            rollup_files=self._files(ROLLUP_DOWNLOADS),
            rollup_columns=_columns(ROLLUP_COLUMNS) if rollup else [],
            member_headers=list(MEMBER_HEADERS) if rollup else [],
            rollup_sheets=(ROLLUP_TASKS_SHEET, MEMBERS_SHEET),
            licence=facts.licence,
            licence_statement=licence_statement(facts.licence),
            date_label=facts.date_label,
            xlsx_url=urls.download(TASKS_XLSX.name),
        )

    def _files(self, downloads: Iterable[Download]) -> list[FileInfo]:
        """The entries this build made, in the catalogue's order, each with its size."""
        files, period, rollup = self.site.download_files, self.site.report_period, self.site.rollup
        return [
            FileInfo(
                name=d.name,
                title=d.title,
                what=d.describe(self.plan, period, rollup),
                format=d.format_label,
                encoding=d.encoding_label,
                size=size_label(len(files[d.name])),
                url=urls.download(d.name),
            )
            for d in downloads
            if d.name in files
        ]


def _columns(columns: Iterable[Column]) -> list[ColumnInfo]:
    return [ColumnInfo(c.header, TYPE_LABELS[c.type], c.description) for c in columns]
