"""Writing the draft in the layout of ``data/plan.yaml``, so staff read and edit it the same way.

Strings are always double-quoted (a Vietnamese sentence with ": " or a
leading "-" can never turn into YAML structure), ids are plain, lists of
ids are written on one line, and the first line points editors at the
JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

CELL_FIELDS = {"lead": "units", "coordinating": "units", "deliverable": "kinds", "schedule": "kinds"}


def q(text: str) -> str:
    """A double-quoted YAML string (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def yaml_scalar(value: Any) -> str:
    """Ids and dates as editors write them; anything YAML would misread is quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    safe = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.\-đ]*", text) and yaml.safe_load(text) == text
    return text if safe else q(text)


def ids(values: list[str]) -> str:
    return "[" + ", ".join(yaml_scalar(v) for v in values) + "]"


def strings(values: list[str], indent: str) -> list[str]:
    return [f"{indent}- {q(v)}" for v in values]


def write_plan(data: dict[str, Any], schema: str, source: str) -> str:
    lines = [
        f"# yaml-language-server: $schema={schema}",
        "#",
        f"# Bản nháp do lệnh \"python -m macros import\" tạo từ: {source}",
        "# Cần rà soát trước khi dùng: xem báo cáo in ra khi nhập, và điền các chỗ \"(chưa rõ — cần điền)\".",
        "# Kiểm tra tệp bằng lệnh: make check FILE=<tệp này>",
    ]
    lines += _meta(data["plan"])
    lines += ["", "units:"] + [line for unit in data["units"] for line in _unit(unit)]
    lines += ["", "deliverable_kinds:"] + [line for kind in data["deliverable_kinds"] for line in _named(kind)]
    lines += ["", "schedules:" + ("" if data["schedules"] else " []")]
    lines += [line for kind in data["schedules"] for line in _named(kind)]
    lines += ["", "sections:"] + [line for section in data["sections"] for line in _section(section)]
    return "\n".join(lines) + "\n"


def _meta(meta: dict[str, Any]) -> list[str]:
    out = ["plan:"]
    for name in ("title", "source_label", "source_title", "source_attachment", "issuer", "province"):
        out.append(f"  {name}: {q(meta[name])}")
        if name == "issuer" and meta.get("admin_code"):  # the registry's: the same body issues the new appendix
            out.append(f"  admin_code: {q(meta['admin_code'])}")
    out.append(f"  number: {q(meta['number']) if meta.get('number') else 'null'}")
    out.append(f"  date: {yaml_scalar(meta.get('date'))}")
    out.append(f"  topic: {q(meta['topic'])}")
    out += ["  summary:"] + strings(meta["summary"], "    ")
    out.append("  legal_bases:")
    for basis in meta["legal_bases"]:
        out.append(f"    - id: {yaml_scalar(basis['id'])}")
        out += [f"      {k}: {q(basis[k])}" for k in ("title", "number")]
        if basis.get("date"):
            out.append(f"      date: {yaml_scalar(basis['date'])}")
        out.append(f"      issuer: {q(basis['issuer'])}")
    out.append("  source_columns: [" + ", ".join(q(c) for c in meta["source_columns"]) + "]")
    if meta.get("column_order"):
        out.append(f"  column_order: {ids(meta['column_order'])}")
    if meta.get("extra_columns"):
        out.append("  extra_columns:")
        for column in meta["extra_columns"]:
            out += [f"    - id: {yaml_scalar(column['id'])}", f"      header: {q(column['header'])}"]
    if meta.get("column_groups"):
        out.append("  column_groups:")
        for group in meta["column_groups"]:
            out += [f"    - header: {q(group['header'])}", f"      columns: {ids(group['columns'])}"]
    return out


def _unit(unit: dict[str, Any]) -> list[str]:
    out = [f"  - id: {yaml_scalar(unit['id'])}", f"    name: {q(unit['name'])}", f"    short: {q(unit['short'])}"]
    out += [f"    kind: {unit['kind']}", f"    member_of: {ids(unit['member_of'])}"]
    if not unit["aliases"]:
        return out + ["    aliases: []"]
    return out + ["    aliases:"] + strings(unit["aliases"], "      ")


def _named(kind: dict[str, Any]) -> list[str]:
    aliases = "[" + ", ".join(q(a) for a in kind["aliases"]) + "]"
    return [f"  - id: {yaml_scalar(kind['id'])}", f"    name: {q(kind['name'])}", f"    aliases: {aliases}"]


def _section(section: dict[str, Any]) -> list[str]:
    out = [f"  - id: {yaml_scalar(section['id'])}"]
    if section.get("number"):
        out.append(f"    number: {q(section['number'])}")
    out.append(f"    title: {q(section['title'])}")
    if not section["tasks"]:
        return out + ["    tasks: []"]
    out.append("    tasks:")
    for task in section["tasks"]:
        out += _task(task)
    return out


def _task(task: dict[str, Any]) -> list[str]:
    out = [f"      - id: {yaml_scalar(task['id'])}", f"        number: {q(task['number'])}", "        content:"]
    for block in task["content"]:
        if isinstance(block, str):
            out.append(f"          - {q(block)}")
        else:
            out += ["          - items:"] + strings(block["items"], "              ")
    if task.get("heading"):
        out.append("        heading: true")
    if task.get("note"):
        out.append(f"        note: {q(task['note'])}")
    if task.get("extra"):
        out += ["        extra:"] + [f"          {yaml_scalar(key)}: {q(text)}" for key, text in task["extra"].items()]
    for cell, listed in CELL_FIELDS.items():
        if cell not in task:
            continue
        value = task[cell]
        out += [f"        {cell}:", f"          text: {q(value['text'])}", f"          {listed}: {ids(value[listed])}"]
        if value.get("due"):
            out += [f"          due: {yaml_scalar(value['due'])}", f"          due_precision: {value['due_precision']}"]
    return out
