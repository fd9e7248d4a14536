"""What every export shares: the licence statement, timestamps and the plan's name.

Kept in one place so that the CSV, the spreadsheet, the calendar and the
data package can never disagree about how a date is shown to people or
what the licence says. File names are in :mod:`.catalogue`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .. import urls
from ..plan.model import PlanMeta, Task
from ..text import ascii_words

NO_LICENCE = (
    "Cơ quan ban hành chưa công bố giấy phép sử dụng dữ liệu này. "
    "Khi giấy phép được công bố, thông tin sẽ được cập nhật tại đây."
)

PRECISION_LABELS = {"day": "ngày", "month": "tháng", "quarter": "quý", "year": "năm"}


# The one shape of the licence, wherever it is set (mkdocs.yml) or published (plan.json, datapackage.json):
# a Data Package ``licenses`` item, so the same dict is published unchanged in every file. (A comment,
# not a docstring: pydantic would copy a docstring into plan.export.schema.json.)
class Licence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = Field(None, description="Mã giấy phép, ví dụ CC-BY-4.0.")
    path: str | None = Field(None, description="Địa chỉ văn bản giấy phép.")
    title: str | None = Field(None, description="Tên giấy phép.")

    @model_validator(mode="after")
    def _named(self) -> Licence:
        if not (self.name or self.path):
            raise ValueError("giấy phép cần ít nhất name hoặc path")
        return self

    def as_dict(self) -> dict[str, str]:
        return {key: value for key, value in self.model_dump().items() if value is not None}


def check_licence(licence: Mapping[str, str] | None) -> dict[str, str] | None:
    """The licence is the issuer's decision, passed in as one setting: checked against :class:`Licence`,
    and refused rather than guessed when it has another shape."""
    if licence is None:
        return None
    try:
        return Licence.model_validate(dict(licence)).as_dict()
    except (ValidationError, TypeError, ValueError):
        raise ValueError(f"licence cần khóa name hoặc path (và có thể có title), nhận được: {licence!r}") from None


def licence_statement(licence: Mapping[str, str] | None) -> str:
    """One Vietnamese sentence about the licence, shown wherever the licence is."""
    if licence is None:
        return NO_LICENCE
    label = licence.get("title") or licence.get("name") or licence["path"]
    where = f" ({licence['path']})" if licence.get("path") and licence.get("path") != label else ""
    return f"Dữ liệu được công bố theo giấy phép {label}{where}."


def json_bytes(data: Any) -> bytes:
    """A JSON download (plan.json, rollup.json): UTF-8 kept readable, two-space indents, keys in the order given."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


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


def restamp_zip(data: bytes, day: dt.date, replace: Mapping[str, bytes] | None = None) -> bytes:
    """An Office file (a zip) with every entry dated on ``day``: openpyxl and python-docx date
    entries with the clock, which would make two files of the same data differ. ``replace``: entries
    whose content is given instead of the one in ``data``."""
    fixed = io.BytesIO()
    when = (day.year, day.month, day.day, 0, 0, 0)
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, replace[entry.filename] if entry.filename in replace else source.read(entry.filename))
    return fixed.getvalue()
