"""``datapackage.json``: a Frictionless Data Package (v1) describing the downloads.

It tells data tools how to read ``tasks.csv`` (encoding, delimiter,
column names and types) and points to ``plan.json`` and its JSON Schema.
Which files are resources, and their titles, media types and encodings,
are written once in :mod:`.catalogue`, which hands the resources in.
The licence is whatever the issuer decided, passed in as one setting;
when it has not been announced the package says so in Vietnamese and
carries no ``licenses`` entry, rather than inventing one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from .. import urls
from ..plan.model import Plan, PlanMeta
from .common import build_instant, check_licence, licence_statement, plan_name
from .rollup_table import ROLLUP_COLUMNS
from .task_table import COLUMNS, FORMULA_STARTS, NO, YES, Column, plan_columns
from .tasks_csv import DELIMITER, LINE_TERMINATOR

GUARD_NOTE = (
    "Ô bắt đầu bằng " + ", ".join(c for c in FORMULA_STARTS if c.isprintable()) + " hoặc ' được thêm một dấu ' "
    "ở đầu để bảng tính không hiểu nhầm là công thức; khi xử lý dữ liệu, bỏ đúng một dấu ' ở đầu ô."
)


def datapackage_json(
    plan: Plan,
    reference_date: dt.date,
    resources: Sequence[dict[str, Any]],
    site_url: str | None = None,
    licence: dict[str, str] | None = None,
) -> bytes:
    """The descriptor of ``resources`` (``catalogue``'s data resources, with their size and hash)."""
    meta = plan.plan
    return _package(f"ke-hoach-{plan_name(meta)}", meta.title, meta.summary, meta, reference_date, resources, site_url,
                    licence)


def rollup_datapackage_json(
    plan: Plan,
    members: int,
    reference_date: dt.date,
    resources: Sequence[dict[str, Any]],
    site_url: str | None = None,
    licence: dict[str, str] | None = None,
) -> bytes:
    """The rollup's own package: its members' figures and tasks, named and described after the rollup's plan."""
    meta = plan.plan
    about = (f"Nhiệm vụ và số liệu thực hiện của {members} thành viên mà trang này theo dõi ({meta.title}), tổng hợp "
             "từ dữ liệu mỗi thành viên công bố (plan.json), theo lần thu thập gần nhất.")
    return _package(f"tong-hop-{plan_name(meta)}", f"Tổng hợp các thành viên: {meta.title}", [about], meta,
                    reference_date, resources, site_url, licence)


def _package(
    name: str,
    title: str,
    about: Sequence[str],
    meta: PlanMeta,
    reference_date: dt.date,
    resources: Sequence[dict[str, Any]],
    site_url: str | None,
    licence: dict[str, str] | None,
) -> bytes:
    licence = check_licence(licence)
    package: dict[str, Any] = {
        "profile": "data-package",
        "name": name,
        "title": title,
        "description": "\n\n".join([*about, licence_statement(licence)]),
        "language": "vi",
        "created": build_instant(reference_date).isoformat().replace("+00:00", "Z"),
        "keywords": [meta.topic, meta.issuer, meta.province],
        "sources": [{"title": meta.source_title}],
        "contributors": [{"title": meta.issuer, "role": "publisher"}],
    }
    if base := urls.site_base(site_url):
        package["homepage"] = base
    if licence:
        package["licenses"] = [licence]
    package["resources"] = list(resources)
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def integrity(content: bytes) -> dict[str, Any]:
    """A resource's size and hash, so that a reader can tell the file is the one described."""
    return {"bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()}


DIALECT = {"delimiter": DELIMITER, "lineTerminator": LINE_TERMINATOR, "quoteChar": '"', "doubleQuote": True, "header": True}
"""The CSV dialect of tasks.csv and rollup-tasks.csv (:mod:`.tasks_csv`)."""


def rollup_tasks_table(plan: Plan) -> dict[str, Any]:
    """How to read ``rollup-tasks.csv``: a task id is unique within one member only, so the table has no key."""
    return {"dialect": dict(DIALECT),
            "schema": {"fields": [_field(column) for column in ROLLUP_COLUMNS], "missingValues": [""]}}


def tasks_table(plan: Plan) -> dict[str, Any]:
    """How to read ``tasks.csv`` as a table: its CSV dialect and the Table Schema of the plan's columns."""
    return {
        "dialect": dict(DIALECT),
        "schema": {
            "fields": [_field(column) for column in plan_columns(plan)],
            "primaryKey": [_header("id")],
            "foreignKeys": [  # a sub-item's parent is a row of the same table
                {"fields": [_header("parent")], "reference": {"resource": "", "fields": [_header("id")]}},
            ],
            "missingValues": [""],
        },
    }


def _header(key: str) -> str:
    return next(column.header for column in COLUMNS if column.key == key)


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.header, "title": column.header, "type": column.type}
    field["description"] = column.description
    if column.format:
        field["format"] = column.format
    if column.type == "boolean":
        field["trueValues"] = [YES]
        field["falseValues"] = [NO]
    if column.constraints:
        field["constraints"] = dict(column.constraints)
    return field
