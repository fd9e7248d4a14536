"""The plan's downloadable data files, built from the model at build time.

:func:`export_files` is the one entry point the site build needs: it
returns every file's bytes, named as they are published. Each format has
its own module; the CSV, the spreadsheet and the data package share the
columns of :mod:`.task_table`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..progress.state import PlanState

import datetime as dt

from ..plan.model import Plan
from .common import DATAPACKAGE, DEADLINES_ICS, PLAN_JSON, PLAN_SCHEMA, TASKS_CSV, TASKS_XLSX, licence_statement
from .datapackage import datapackage_json
from .plan_json import export_schema_json, plan_from_export, plan_json
from .task_table import COLUMNS, UNIT_HEADERS
from .tasks_csv import tasks_csv

__all__ = [
    "COLUMNS",
    "EXPORT_FILES",
    "UNIT_HEADERS",
    "export_files",
    "licence_statement",
    "plan_from_export",
]

EXPORT_FILES: tuple[str, ...] = (PLAN_JSON, PLAN_SCHEMA, TASKS_CSV, TASKS_XLSX, DEADLINES_ICS, DATAPACKAGE)
"""Every file :func:`export_files` returns, in the order a download page would list them."""


def export_files(
    plan: Plan,
    reference_date: dt.date,
    site_url: str | None = None,
    licence: dict[str, str] | None = None,
    progress: PlanState | None = None,
) -> dict[str, bytes]:
    """Every download as ``{file name: bytes}``; the same inputs always give the same bytes.

    ``reference_date`` stands in for the clock in every timestamp the files
    carry; ``site_url`` (the MkDocs ``site_url``) adds task page addresses;
    ``licence`` is the issuer's licence as a Data Package licence dict
    (``name``/``path``/``title``), or None while it has not been announced.
    """
    # openpyxl and icalendar are loaded here, not with the package: a site build makes the files in a
    # child process (macros/build/parallel.py), so the process that renders the pages never loads them.
    from .deadlines_ics import deadlines_ics
    from .tasks_xlsx import tasks_xlsx

    files = {
        PLAN_JSON: plan_json(plan, reference_date, site_url, licence, progress),
        PLAN_SCHEMA: export_schema_json(),
        TASKS_CSV: tasks_csv(plan, site_url),
        TASKS_XLSX: tasks_xlsx(plan, reference_date, site_url),
        DEADLINES_ICS: deadlines_ics(plan, reference_date, site_url),
    }
    files[DATAPACKAGE] = datapackage_json(plan, reference_date, files, site_url, licence)
    return {name: files[name] for name in EXPORT_FILES}
