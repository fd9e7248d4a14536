"""What every export shares: file names, the licence statement and timestamps.

Kept in one place so that the CSV, the spreadsheet, the calendar and the
data package can never disagree about a file's name, how a date is shown
to people or what the licence says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..plan.model import PlanMeta, Task
from ..site import urls
from ..text import ascii_words

PLAN_JSON = "plan.json"
PLAN_SCHEMA = "plan.export.schema.json"
TASKS_CSV = "tasks.csv"
TASKS_XLSX = "tasks.xlsx"
DEADLINES_ICS = "deadlines.ics"
DATAPACKAGE = "datapackage.json"

NO_LICENCE = (
    "Cơ quan ban hành chưa công bố giấy phép sử dụng dữ liệu này. "
    "Khi giấy phép được công bố, thông tin sẽ được cập nhật tại đây."
)

PRECISION_LABELS = {"day": "ngày", "month": "tháng", "quarter": "quý", "year": "năm"}


def check_licence(licence: Mapping[str, str] | None) -> dict[str, str] | None:
    """The licence is the issuer's decision, passed in as one setting.

    It follows the Data Package ``licenses`` item shape (``name`` and/or
    ``path``, optional ``title``) so that the same dict can be published
    unchanged in every file; anything else is refused rather than guessed.
    """
    if licence is None:
        return None
    allowed = {"name", "path", "title"}
    if not licence or not (licence.get("name") or licence.get("path")) or set(licence) - allowed:
        raise ValueError(f"licence cần khóa name hoặc path (và có thể có title), nhận được: {dict(licence)!r}")
    return {key: str(licence[key]) for key in ("name", "path", "title") if key in licence}


def licence_statement(licence: Mapping[str, str] | None) -> str:
    """One Vietnamese sentence about the licence, shown wherever the licence is."""
    if licence is None:
        return NO_LICENCE
    label = licence.get("title") or licence.get("name") or licence["path"]
    where = f" ({licence['path']})" if licence.get("path") and licence.get("path") != label else ""
    return f"Dữ liệu được công bố theo giấy phép {label}{where}."


def build_instant(reference_date: dt.date) -> dt.datetime:
    """Midnight UTC of the reference date: every timestamp a file carries.

    Using the build's reference date instead of the clock is what makes
    two builds of the same data byte-identical.
    """
    return dt.datetime.combine(reference_date, dt.time(0, 0), tzinfo=dt.UTC)


def task_url(site_url: str | None, task: Task) -> str | None:
    """The address of a task's page, as the site publishes it (None without a site address)."""
    return urls.absolute(site_url, urls.task(task.id))


def plan_name(meta: PlanMeta) -> str:
    """A stable ASCII name for this plan, from its topic and issuer: "tin-dung-chinh-sach-xa-hoi-uy-ban-…".

    Names the data package and the calendar's event ids, so that every
    commune's files carry their own name, and the name does not change
    when the site moves to another address."""
    return "-".join(ascii_words(f"{meta.topic} {meta.issuer}").split())

