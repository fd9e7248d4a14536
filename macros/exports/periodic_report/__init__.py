"""The periodic report (quarter, half-year, year) a unit owes its superior, as a Word document.

Three steps, one module each: :mod:`.content` chooses what the period's
report says (a pure function returning dataclasses), :mod:`.document` lays it
out as Nghị định 30/2020/NĐ-CP prescribes, with the page and type set up by
:mod:`.layout`; :mod:`.issuer` names the issuing body in the heading block.

Callers need one of two functions: :func:`periodic_report_docx` for the
bytes (a site build collecting its downloads), :func:`write_periodic_report`
for a file (the ``python -m macros report`` command). A rollup's report on its
members is :mod:`.rollup`'s, in the same layout. python-docx is imported
only when a report is made, so a build that never makes one does not load it.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from ...progress.state import PlanState
from .content import PeriodError, PeriodReport, period_report, whole_plan_period

__all__ = [
    "PeriodError",
    "PeriodReport",
    "period_report",
    "periodic_report_docx",
    "whole_plan_period",
    "write_periodic_report",
    "write_whole",
]


def periodic_report_docx(
    state: PlanState, start: dt.date, end: dt.date, unit_id: str | None = None
) -> tuple[PeriodReport, bytes]:
    """The report on [start, end] (every task, or ``unit_id``'s) and its .docx bytes.

    ``state`` is the plan's progress as the site computes it (its ``today``
    is the data's reference date, which also dates the file). Raises
    :class:`PeriodError` (a Vietnamese message) for a period or unit the report cannot be made for."""
    from .document import report_docx  # python-docx is imported only when a report is made

    report = period_report(state, start, end, unit_id)
    return report, report_docx(report, state.today)


def write_periodic_report(
    state: PlanState, start: dt.date, end: dt.date, unit_id: str | None, path: Path
) -> PeriodReport:
    """Write the report to ``path`` whole or not at all (the bytes are made first, then :func:`write_whole`)."""
    report, data = periodic_report_docx(state, start, end, unit_id)
    write_whole(data, path)
    return report


def write_whole(data: bytes, path: Path) -> None:
    """Write a report whole or not at all: beside ``path`` first, then renamed over it, so an error never
    leaves a half-written file behind."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide the report from the office's other accounts
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
