"""The plan's downloadable data files, built from the model at build time.

Each download is described once, in :data:`.catalogue.DOWNLOADS` (file name, title, media type,
encoding, how it is made, its data package resource and its Dữ liệu mở description);
:func:`export_files` makes them all. Each format has its own module; the CSV, the spreadsheet and
the data package share the columns of :mod:`.task_table`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..progress.state import PlanState

import datetime as dt

from ..plan.model import Plan
from .catalogue import DOWNLOADS, DownloadInputs, Period, make_downloads
from .common import licence_statement
from .plan_json import plan_from_export
from .task_table import COLUMNS, UNIT_HEADERS

__all__ = [
    "COLUMNS",
    "DOWNLOADS",
    "UNIT_HEADERS",
    "DownloadInputs",
    "export_files",
    "licence_statement",
    "make_downloads",
    "plan_from_export",
]


def export_files(
    plan: Plan,
    reference_date: dt.date,
    site_url: str | None = None,
    licence: dict[str, str] | None = None,
    progress: PlanState | None = None,
    report_period: Period | None = None,
) -> dict[str, bytes]:
    """Every download as ``{file name: bytes}`` (see :class:`.catalogue.DownloadInputs` for the inputs);
    the Word report only with a ``report_period``."""
    return make_downloads(DownloadInputs(plan, reference_date, site_url, licence, progress, report_period))
