"""Every download, described once: its file name, what it is, how it is made and how it is explained.

Dữ liệu mở (``site/pages/downloads.py``), the data package, the site build (``Site.make_downloads``,
run in a second process by ``macros/build/parallel.py``) and the tests all read :data:`DOWNLOADS`,
so a new file is one entry here and nothing else: it is then made, published under ``du-lieu/``,
listed on the page and, when it is a data resource, described in ``datapackage.json``.

The order of :data:`DOWNLOADS` is the one order there is: the page lists the files in it (people who
want a table first, then the report to read, then the files for programs), the data package lists
its resources in it, and the files are made in it, so an entry may use the bytes of those before it
(the data package, last, gives their sizes and hashes).

A rollup's site (``DownloadInputs.rollup``) also offers :data:`ROLLUP_DOWNLOADS`, its members' figures
and tasks, made after the plan's files and in the same order, with a data package of their own
(``rollup-datapackage.json``); on any other site they are not made, so its files stay what they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..plan.model import Plan
from ..progress.state import PlanState
from ..rollup.figures import Rollup
from ..rollup.model import MemberPlan
from ..text import vn_date
from .datapackage import GUARD_NOTE, datapackage_json, integrity, rollup_datapackage_json, rollup_tasks_table, tasks_table
from .periodic_report import periodic_report_docx
from .periodic_report.content import period_words
from .periodic_report.rollup import rollup_period, rollup_report_docx
from .plan_json import export_schema_json, plan_json
from .rollup_json import rollup_info, rollup_json, rollup_schema_json
from .rollup_table import MEMBERS_SHEET, ROLLUP_COLUMNS, ROLLUP_TASKS_SHEET, rollup_task_rows
from .task_table import BULLET, MULTI
from .tasks_csv import ENCODING as CSV_ENCODING
from .tasks_csv import table_csv, tasks_csv

Period = tuple[dt.date, dt.date]
Made = Mapping[str, bytes]
"""The downloads made so far in this build, by file name."""


@dataclass(frozen=True)
class DownloadInputs:
    """Everything a download is made from: the same inputs always give the same bytes.

    ``reference_date`` stands in for the clock in every timestamp the files carry; ``site_url``
    (the MkDocs ``site_url``) adds task page addresses; ``licence`` is the issuer's licence as a Data
    Package licence dict (``name``/``path``/``title``), or None while it has not been announced;
    ``report_period`` is the period of the Word report, or None when there is nothing to report on."""

    plan: Plan
    reference_date: dt.date
    site_url: str | None = None
    licence: dict[str, str] | None = None
    progress: PlanState | None = None
    report_period: Period | None = None
    rollup: Rollup | None = None
    """The members a rollup follows; None for a site that is not one (its rollup files are then not made)."""


@dataclass(frozen=True)
class Resource:
    """How a download is described in ``datapackage.json``; its path, format, media type, encoding,
    size and hash come from the :class:`Download` itself."""

    name: str
    title: str
    description: str | None = None
    type: str | None = None
    """"json" where Frictionless would otherwise guess from the content what kind of file it is."""
    profile: str | None = None
    table: Callable[[Plan], dict[str, Any]] | None = None
    """The dialect and Table Schema of a table, which depend on the plan's columns."""


ENCODING_LABELS = {None: "—", "utf-8": "UTF-8", "utf-8-sig": "UTF-8 có BOM"}


@dataclass(frozen=True)
class Download:
    name: str
    """The file name, under du-lieu/ (``urls.download``)."""
    title: str
    """Its title on Dữ liệu mở."""
    format_label: str
    """Its format, as Dữ liệu mở names it to people."""
    media_type: str
    encoding: str | None
    """The text encoding, as Python and the data package name it; None for a binary file."""
    make: Callable[[DownloadInputs, Made], bytes | None]
    """Its bytes; None when this build has none to offer (the report of a plan with no period yet)."""
    describe: Callable[[Plan, Period | None, Rollup | None], str]
    """What it holds, in Vietnamese for Dữ liệu mở, with the plan's own figures (a rollup's file: the rollup's);
    the period is the report's."""
    resource: Resource | None = None

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS[self.encoding]


def make_downloads(inputs: DownloadInputs) -> dict[str, bytes]:
    """Every download this build offers, as ``{file name: bytes}``, in :data:`ALL_DOWNLOADS` order."""
    made: dict[str, bytes] = {}
    for download in ALL_DOWNLOADS:
        data = download.make(inputs, made)
        if data is not None:
            made[download.name] = data
    return made


# ---------------------------------------------------------------- how each file is made
# openpyxl, icalendar and python-docx are loaded when their file is made, not with the package: a site
# build makes the files in a child process (macros/build/parallel.py), so the process that renders the
# pages never loads them.


def _xlsx(inputs: DownloadInputs, made: Made) -> bytes:
    from .tasks_xlsx import tasks_xlsx

    return tasks_xlsx(inputs.plan, inputs.reference_date, inputs.site_url)


def _csv(inputs: DownloadInputs, made: Made) -> bytes:
    return tasks_csv(inputs.plan, inputs.site_url)


def _report(inputs: DownloadInputs, made: Made) -> bytes | None:
    if inputs.report_period is None or inputs.progress is None:
        return None
    return periodic_report_docx(inputs.progress, *inputs.report_period)[1]


def _plan_json(inputs: DownloadInputs, made: Made) -> bytes:
    return plan_json(inputs.plan, inputs.reference_date, inputs.site_url, inputs.licence, inputs.progress)


def _schema(inputs: DownloadInputs, made: Made) -> bytes:
    return export_schema_json()


def _ics(inputs: DownloadInputs, made: Made) -> bytes:
    from .deadlines_ics import deadlines_ics

    return deadlines_ics(inputs.plan, inputs.reference_date, inputs.site_url)


def _datapackage(inputs: DownloadInputs, made: Made) -> bytes:
    resources = [_resource(d, inputs.plan, made) for d in DOWNLOADS if d.resource is not None]
    return datapackage_json(inputs.plan, inputs.reference_date, resources, inputs.site_url, inputs.licence)


def _rollup_xlsx(inputs: DownloadInputs, made: Made) -> bytes | None:
    from .tasks_xlsx import rollup_tasks_xlsx

    if inputs.rollup is None:
        return None
    meta = rollup_info(inputs.rollup, inputs.plan)
    return rollup_tasks_xlsx(inputs.rollup, f"Nhiệm vụ các thành viên: {meta.title}", meta.issuer, inputs.reference_date)


def _rollup_csv(inputs: DownloadInputs, made: Made) -> bytes | None:
    return table_csv(ROLLUP_COLUMNS, rollup_task_rows(inputs.rollup)) if inputs.rollup is not None else None


def _rollup_report(inputs: DownloadInputs, made: Made) -> bytes | None:
    if inputs.rollup is None:
        return None
    return rollup_report_docx(inputs.rollup, inputs.plan, *rollup_period(inputs.rollup, inputs.report_period))[1]


def _rollup_json(inputs: DownloadInputs, made: Made) -> bytes | None:
    if inputs.rollup is None:
        return None
    return rollup_json(inputs.rollup, inputs.plan, inputs.reference_date, inputs.site_url, inputs.licence)


def _rollup_schema(inputs: DownloadInputs, made: Made) -> bytes | None:
    return rollup_schema_json() if inputs.rollup is not None else None


def _rollup_datapackage(inputs: DownloadInputs, made: Made) -> bytes | None:
    rollup = inputs.rollup
    if rollup is None:
        return None
    resources = [_resource(d, inputs.plan, made) for d in ROLLUP_DOWNLOADS if d.resource is not None]
    return rollup_datapackage_json(rollup.plan or inputs.plan, len(rollup.entries), inputs.reference_date, resources,
                                   inputs.site_url, inputs.licence)


def _resource(download: Download, plan: Plan, made: Made) -> dict[str, Any]:
    """A Data Package resource, from the entry's own facts; the file must be made before the package."""
    spec = download.resource
    assert spec is not None
    if download.name not in made:
        raise ValueError(f"gói dữ liệu mô tả {download.name}, nhưng tệp này chưa được lập trước gói")
    resource: dict[str, Any] = {"profile": spec.profile} if spec.profile else {}
    resource["name"] = spec.name
    if spec.type:
        resource["type"] = spec.type
    resource.update(path=download.name, title=spec.title)
    if spec.description:
        resource["description"] = spec.description
    resource.update(format=PurePosixPath(download.name).suffix.lstrip("."), mediatype=download.media_type)
    if download.encoding:
        resource["encoding"] = download.encoding
    resource.update(integrity(made[download.name]))
    if spec.table:
        resource.update(spec.table(plan))
    return resource


# ---------------------------------------------------------------- what each file holds, for Dữ liệu mở


def _rows(plan: Plan) -> str:
    leaf = len(plan.leaf_tasks)
    headings = len(plan.tasks) - leaf
    heading_ids = ", ".join(t.id for t in plan.tasks if t.heading)
    return f"{leaf} nhiệm vụ" + (f" và {headings} mục tiêu đề ({heading_ids}, cột “Là mục tiêu đề” ghi “có”)" if headings else "")


def _about_xlsx(plan: Plan, period: Period | None, rollup: Rollup | None) -> str:
    return (
        f"Trang tính “Nhiệm vụ”: mỗi dòng một nhiệm vụ ({_rows(plan)}), cùng các cột như tệp CSV; "
        f"trang tính “Đơn vị”: {len(plan.units)} đơn vị và số nhiệm vụ mỗi đơn vị chủ trì, phối hợp. "
        "Mọi ô là văn bản, không có công thức."
    )


def _about_csv(plan: Plan, period: Period | None, rollup: Rollup | None) -> str:
    return (
        f"Mỗi dòng một nhiệm vụ ({_rows(plan)}). Ô có nhiều đơn vị hoặc nhiều loại được nối bằng “{MULTI.strip()} ”; "
        f"các đoạn và các gạch đầu dòng trong một ô nằm trên các dòng riêng, gạch đầu dòng bắt đầu bằng “{BULLET.strip()}”."
    )


def _about_report(plan: Plan, period: Period | None, rollup: Rollup | None) -> str:
    return (
        (f"Báo cáo từ ngày {vn_date(period[0])} đến ngày {vn_date(period[1])}, " if period else "Báo cáo ")
        + "theo thể thức văn bản hành chính của Nghị định 30/2020/NĐ-CP: số nhiệm vụ theo tình trạng, "
        "các nhiệm vụ quá hạn, và mỗi phần một bảng các nhiệm vụ cùng báo cáo tiến độ trong kỳ. Số và ký hiệu, "
        "nơi nhận, chữ ký để trống cho văn thư điền. Báo cáo cho một quý, một năm hoặc một đơn vị: "
        "lệnh make report (xem README)."
    )


def _about_ics(plan: Plan, period: Period | None, rollup: Rollup | None) -> str:
    dated = sum(1 for t in plan.leaf_tasks if t.schedule.due)
    return (
        f"Một sự kiện cả ngày cho mỗi nhiệm vụ có hạn hoàn thành ({dated} nhiệm vụ). "
        "Mở bằng ứng dụng lịch (Google Calendar, Outlook, Lịch của điện thoại) hoặc đăng ký theo địa chỉ của tệp "
        "để lịch tự cập nhật."
    )


def _fixed(text: str) -> Callable[[Plan, Period | None, Rollup | None], str]:
    """A description that needs no figure of the plan."""
    return lambda plan, period, rollup: text


def _members_with_tasks(rollup: Rollup | None) -> tuple[int, int]:
    """(member tasks in rollup-tasks.csv, members they belong to)."""
    plans = [e.data for e in rollup.entries if isinstance(e.data, MemberPlan)] if rollup else []
    return sum(len(p.leaf_tasks) for p in plans), len(plans)


def _about_rollup_xlsx(plan: Plan, period: Period | None, rollup: Rollup | None) -> str:
    tasks, members = _members_with_tasks(rollup)
    every = len(rollup.entries) if rollup else 0
    return (
        f"Trang tính “{ROLLUP_TASKS_SHEET}”: mỗi dòng một nhiệm vụ của một thành viên ({tasks} nhiệm vụ của {members} "
        f"thành viên), cùng các cột như tệp rollup-tasks.csv; trang tính “{MEMBERS_SHEET}”: {every} thành viên, số nhiệm "
        "vụ theo tình trạng, quá hạn, đã có báo cáo và tình trạng dữ liệu của mỗi thành viên. Ô chữ là văn bản, "
        "không có công thức."
    )


def _about_rollup_csv(plan: Plan, period: Period | None, rollup: Rollup | None) -> str:
    tasks, members = _members_with_tasks(rollup)
    return (
        f"Mỗi dòng một nhiệm vụ của một thành viên ({tasks} nhiệm vụ của {members} thành viên có dữ liệu), theo bản "
        "thu thập gần nhất: thành viên, nội dung, chủ trì, tình trạng, quá hạn, hạn, nhiệm vụ của kế hoạch cấp trên mà "
        "nhiệm vụ thực hiện và địa chỉ trang nhiệm vụ trên trang của thành viên. Cùng cách ghi như tasks.csv."
    )


def _about_rollup_report(plan: Plan, period: Period | None, rollup: Rollup | None) -> str:
    words = ""
    if rollup is not None:
        start, end = rollup_period(rollup, period)
        words = f"{period_words(start, end)} về {len(rollup.entries)} thành viên "
    return (
        f"Báo cáo tổng hợp {words}theo thể thức văn bản hành chính của Nghị định 30/2020/NĐ-CP: số nhiệm vụ theo "
        "tình trạng, các nhiệm vụ của kế hoạch và số nhiệm vụ thành viên thực hiện, thành viên chưa có nhiệm vụ thực "
        "hiện, thành viên có nhiệm vụ quá hạn, và bảng số liệu từng thành viên. Báo cáo cho một kỳ khác: lệnh "
        "make report (xem README)."
    )


def _about_rollup_json(plan: Plan, period: Period | None, rollup: Rollup | None) -> str:
    every = len(rollup.entries) if rollup else 0
    missing = sum(not e.available for e in rollup.entries) if rollup else 0
    return (
        f"Mỗi thành viên ({every}, trong đó {missing} không có dữ liệu) với lần thu thập gần nhất (kết quả, lý do nếu "
        "lỗi) và số nhiệm vụ theo tình trạng, quá hạn, đã có báo cáo. Trang tổng hợp cấp trên đọc tệp này như "
        "trang này đọc plan.json của các thành viên."
    )


# ---------------------------------------------------------------- the downloads

TASKS_XLSX = Download(
    name="tasks.xlsx",
    title="Bảng nhiệm vụ cho Excel",
    format_label="Excel (.xlsx)",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    encoding=None,
    make=_xlsx,
    describe=_about_xlsx,
)
TASKS_CSV = Download(
    name="tasks.csv",
    title="Bảng nhiệm vụ dạng CSV",
    format_label="CSV, các cột cách nhau bằng dấu phẩy (,)",
    media_type="text/csv",
    encoding=CSV_ENCODING,
    make=_csv,
    describe=_about_csv,
    resource=Resource(
        name="tasks",
        title="Bảng nhiệm vụ",
        description="Mỗi dòng một nhiệm vụ, theo thứ tự văn bản; nhiều giá trị trong một ô cách nhau bằng \"; \". "
        + GUARD_NOTE,
        profile="tabular-data-resource",
        table=tasks_table,
    ),
)
PERIODIC_REPORT = Download(
    name="bao-cao-dinh-ky.docx",
    title="Báo cáo kết quả thực hiện (Word)",
    format_label="Word (.docx)",
    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    encoding=None,
    make=_report,
    describe=_about_report,
)
PLAN_SCHEMA = Download(
    name="plan.export.schema.json",
    title="Lược đồ của plan.json",
    format_label="JSON Schema",
    media_type="application/schema+json",
    encoding="utf-8",
    make=_schema,
    describe=_fixed("JSON Schema (bản 2020-12) mô tả từng trường của plan.json, để kiểm tra tệp bằng máy."),
    resource=Resource(
        name="plan-schema",
        title="JSON Schema của plan.json",
        type="json",  # a JSON Schema, not a Table Schema: Frictionless guesses the latter from "type": "object"
    ),
)
PLAN_JSON = Download(
    name="plan.json",
    title="Toàn bộ kế hoạch (JSON)",
    format_label="JSON",
    media_type="application/json",
    encoding="utf-8",
    make=_plan_json,
    describe=_fixed(
        "Thông tin kế hoạch và căn cứ, các phần, mọi nhiệm vụ theo thứ tự văn bản (nội dung giữ nguyên đoạn, "
        "danh sách và chữ nghiêng), các đơn vị, loại sản phẩm, loại thời gian và giấy phép."
    ),
    resource=Resource(
        name="plan",
        title="Toàn bộ kế hoạch (JSON)",
        description="Thông tin kế hoạch, các phần, nhiệm vụ, đơn vị, loại sản phẩm và thời gian. "
        f"Cấu trúc: {PLAN_SCHEMA.name}.",
        type="json",  # so that Frictionless reads a JSON document, not a descriptor (it guesses from the content)
    ),
)
DEADLINES_ICS = Download(
    name="deadlines.ics",
    title="Lịch hạn hoàn thành",
    format_label="iCalendar (.ics)",
    media_type="text/calendar",
    encoding="utf-8",
    make=_ics,
    describe=_about_ics,
)
DATAPACKAGE = Download(
    name="datapackage.json",
    title="Mô tả gói dữ liệu",
    format_label="JSON",
    media_type="application/json",
    encoding="utf-8",
    make=_datapackage,
    describe=_fixed(
        "Frictionless Data Package: tên, kiểu và mô tả từng cột của tasks.csv, kích thước và mã băm của các tệp, "
        "giấy phép."
    ),
)

DOWNLOADS: tuple[Download, ...] = (TASKS_XLSX, TASKS_CSV, PERIODIC_REPORT, PLAN_JSON, PLAN_SCHEMA, DEADLINES_ICS, DATAPACKAGE)
"""Every download of a plan's site, in the order Dữ liệu mở lists them and they are made (the data package last)."""

# ---------------------------------------------------------------- a rollup's own files (made only on a rollup's site)

ROLLUP_TASKS_XLSX = Download(
    name="rollup-tasks.xlsx",
    title="Nhiệm vụ các thành viên cho Excel",
    format_label="Excel (.xlsx)",
    media_type=TASKS_XLSX.media_type,
    encoding=None,
    make=_rollup_xlsx,
    describe=_about_rollup_xlsx,
)
ROLLUP_TASKS_CSV = Download(
    name="rollup-tasks.csv",
    title="Nhiệm vụ các thành viên dạng CSV",
    format_label=TASKS_CSV.format_label,
    media_type="text/csv",
    encoding=CSV_ENCODING,
    make=_rollup_csv,
    describe=_about_rollup_csv,
    resource=Resource(
        name="rollup-tasks",
        title="Nhiệm vụ các thành viên",
        description="Mỗi dòng một nhiệm vụ của một thành viên, theo thứ tự danh sách thành viên rồi thứ tự văn bản của "
        "thành viên; mã nhiệm vụ chỉ duy nhất trong một thành viên. " + GUARD_NOTE,
        profile="tabular-data-resource",
        table=rollup_tasks_table,
    ),
)
ROLLUP_REPORT = Download(
    name="bao-cao-tong-hop.docx",
    title="Báo cáo tổng hợp các thành viên (Word)",
    format_label="Word (.docx)",
    media_type=PERIODIC_REPORT.media_type,
    encoding=None,
    make=_rollup_report,
    describe=_about_rollup_report,
)
ROLLUP_SCHEMA = Download(
    name="rollup.schema.json",
    title="Lược đồ của rollup.json",
    format_label="JSON Schema",
    media_type="application/schema+json",
    encoding="utf-8",
    make=_rollup_schema,
    describe=_fixed("JSON Schema (bản 2020-12) mô tả từng trường của rollup.json, để kiểm tra tệp bằng máy."),
    resource=Resource(name="rollup-schema", title="JSON Schema của rollup.json", type="json"),
)
ROLLUP_JSON = Download(
    name="rollup.json",
    title="Tổng hợp các thành viên (JSON)",
    format_label="JSON",
    media_type="application/json",
    encoding="utf-8",
    make=_rollup_json,
    describe=_about_rollup_json,
    resource=Resource(
        name="rollup",
        title="Tổng hợp các thành viên (JSON)",
        description="Kế hoạch của cấp tổng hợp và mỗi thành viên với lần thu thập gần nhất và số nhiệm vụ theo tình "
        f"trạng (định dạng ke-hoach-tong-hop, phiên bản 1). Cấu trúc: {ROLLUP_SCHEMA.name}.",
        type="json",
    ),
)
ROLLUP_DATAPACKAGE = Download(
    name="rollup-datapackage.json",
    title="Mô tả gói dữ liệu tổng hợp",
    format_label="JSON",
    media_type="application/json",
    encoding="utf-8",
    make=_rollup_datapackage,
    describe=_fixed(
        "Frictionless Data Package của dữ liệu tổng hợp: tên, kiểu và mô tả từng cột của rollup-tasks.csv, "
        "rollup.json và lược đồ của nó, kích thước và mã băm của các tệp, giấy phép."
    ),
)

ROLLUP_DOWNLOADS: tuple[Download, ...] = (
    ROLLUP_TASKS_XLSX, ROLLUP_TASKS_CSV, ROLLUP_REPORT, ROLLUP_JSON, ROLLUP_SCHEMA, ROLLUP_DATAPACKAGE,
)
"""A rollup's own files (its members' figures and tasks), made only when the site is a rollup, after the plan's:
in the same order as the plan's, and with a data package of their own, so the plan's files stay as they are."""

ALL_DOWNLOADS: tuple[Download, ...] = (*DOWNLOADS, *ROLLUP_DOWNLOADS)
"""Every entry of the catalogue, in the order they are made and listed."""
