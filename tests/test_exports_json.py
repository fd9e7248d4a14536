"""plan.json: valid against its published schema, and reloads into the very same plan."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re

import jsonschema
import pytest

from helpers import FIXTURES, PLAN_DIRS, load_fixture
from macros import urls
from macros.exports.plan_json import FormatError, export_schema_json, plan_from_export, plan_json, readable_version
from macros.plan.loader import load_plan

pytestmark = pytest.mark.unit

SITE = "https://example.org/ke-hoach"  # no trailing slash: the export adds it
DAY = dt.date(2025, 10, 1)


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(export_schema_json())


@pytest.fixture(scope="module")
def exported(plan) -> dict:
    return json.loads(plan_json(plan, DAY, SITE))


def validator(schema: dict) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_plan_json_validates_against_the_published_schema(schema, exported):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator(schema).validate(exported)


@pytest.mark.parametrize("name", sorted(PLAN_DIRS))
def test_plan_json_of_any_plan_validates_and_reloads_into_the_same_plan(name, schema):
    plan = load_fixture(PLAN_DIRS[name]).plan
    data = json.loads(plan_json(plan, DAY, SITE))
    validator(schema).validate(data)
    assert plan_from_export(data) == plan


def test_tricky_plan_round_trips_too(schema):
    tricky = load_plan(FIXTURES / "exports.yaml").plan
    data = json.loads(plan_json(tricky, DAY))
    validator(schema).validate(data)
    assert plan_from_export(data) == tricky


def test_schema_rejects_a_broken_export(schema, exported):
    check = validator(schema)
    broken = copy.deepcopy(exported)
    broken["tasks"][0]["id"] = "Nhiệm vụ 1"
    assert not check.is_valid(broken)
    broken = copy.deepcopy(exported)
    del broken["tasks"][4]["lead"]
    assert not check.is_valid(broken)
    broken = copy.deepcopy(exported)
    broken["tasks"][0]["schedule"]["due"] = "30/9/2025"
    assert not check.is_valid(broken)


def test_plan_json_lists_tasks_flat_with_section_parent_and_page(plan, exported):
    tasks = {t["id"]: t for t in exported["tasks"]}
    assert [t["id"] for t in exported["tasks"]] == [t.id for t in plan.tasks]
    assert len([t for t in exported["tasks"] if not t["heading"]]) == 11
    assert [s["id"] for s in exported["sections"]] == ["I", "II", "III", "IV"]
    assert exported["sections"][1]["tasks"] == ["II.1", "II.1.a", "II.1.b", "II.1.c", "II.2"]
    assert tasks["II.1.b"]["parent"] == "II.1" and tasks["II.1.b"]["section"] == "II"
    assert tasks["II.1"]["heading"] is True and tasks["I.1"]["parent"] is None
    due = tasks["II.1.a"]
    assert due["schedule"]["due"] == "2025-09-30" and due["schedule"]["due_precision"] == "quarter"
    assert due["lead"] == {"text": "Văn phòng HĐND và UBND xã", "units": ["van-phong"]}
    assert due["url"] == urls.absolute(SITE, urls.task("II.1.a"))
    assert tasks["I.3"]["content"][1]["items"][0].startswith("Hướng dẫn học sinh sử dụng Internet")
    assert exported["plan"]["number"] == "88/KH-UBND" and exported["plan"]["issuer"] == "Ủy ban nhân dân xã Suối Mây"
    assert len(exported["units"]) == 8 and len(exported["deliverable_kinds"]) == 5 and len(exported["schedules"]) == 2


def test_without_progress_data_updates_and_status_are_empty(exported, schema):
    assert exported["updates"] == []
    assert {t["status"] for t in exported["tasks"]} == {None}
    assert "updates" in schema["properties"] and "status" in schema["$defs"]["ExportTask"]["properties"]


def test_export_info_says_when_and_under_which_licence(plan, exported):
    info = exported["export"]
    assert info["generated"] == "2025-10-01" and info["site_url"] == "https://example.org/ke-hoach/"
    assert info["licence"] is None and "chưa công bố giấy phép" in info["licence_statement"]
    licence = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0"}
    info = json.loads(plan_json(plan, DAY, licence=licence))["export"]
    assert info["licence"] == licence and "CC BY 4.0" in info["licence_statement"]
    assert info["site_url"] is None and json.loads(plan_json(plan, DAY))["tasks"][0]["url"] is None


def test_plan_json_is_readable_utf8(plan):
    text = plan_json(plan, DAY).decode("utf-8")
    assert "Ủy ban nhân dân xã Suối Mây" in text and "\\u" not in text and text.endswith("}\n")


def test_with_progress_every_task_carries_its_status_and_every_report_is_listed(plan, state):
    import json as _json

    from macros.exports.plan_json import PlanExport

    data = _json.loads(plan_json(plan, state.today, None, None, state))
    PlanExport.model_validate(data)
    tasks = {t["id"]: t for t in data["tasks"]}
    for task_id, progress in state.tasks.items():
        assert tasks[task_id]["status"]["status"] == progress.status
        assert tasks[task_id]["status"]["overdue"] == progress.overdue
    assert tasks["II.1"]["status"] is None  # a heading has no work of its own
    assert tasks["II.1.a"]["status"]["overdue"] is True and tasks["I.1"]["status"]["status"] == "hoan-thanh"
    assert len(data["updates"]) == 7
    assert [u["id"] for u in data["updates"]] == [r.id for r in sorted(state.records, key=lambda r: r.sort_key(), reverse=True)]


# -- the versioning rule (docs/dinh-dang-du-lieu.md): any minor of a known major is read, another major is refused


def test_export_says_its_major_and_minor_as_integers(exported):
    info = exported["export"]
    assert info["format"] == "ke-hoach-nhiem-vu"
    assert (info["version"], info["minor"]) == (1, 1) and readable_version(exported) == (1, 1)


def test_a_file_of_version_1_0_is_still_valid_and_read_as_1_0(schema, exported):
    older = copy.deepcopy(exported)
    del older["export"]["minor"]
    for task in older["tasks"]:
        task.pop("implements", None)
    older["plan"].pop("admin_code", None)
    validator(schema).validate(older)
    assert readable_version(older) == (1, 0)


def test_a_later_minor_with_fields_this_code_does_not_know_is_valid_and_read(schema, exported):
    later = copy.deepcopy(exported)
    later["export"]["minor"] = 7
    later["export"]["mirror"] = "https://example.org/ban-sao/"
    later["plan"]["region"] = "Nam Trung Bộ"
    later["tasks"][0]["budget"] = {"amount": 120, "unit": "triệu đồng"}
    later["rollup"] = {"members": []}
    validator(schema).validate(later)
    assert readable_version(later) == (1, 7)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"version": 2}, "phiên bản 2 của định dạng ke-hoach-nhiem-vu chưa được hỗ trợ"),
        ({"version": "1"}, "phiên bản định dạng không hợp lệ (\"1\")"),
        ({"version": True}, "phiên bản định dạng không hợp lệ (true)"),
        ({"format": "datapackage"}, "đây là định dạng \"datapackage\", cần plan.json"),
        ({"minor": -1}, "phiên bản phụ (export.minor) -1"),
        ({"minor": 1.5}, "phiên bản phụ (export.minor) 1.5"),
    ],
)
def test_another_format_or_major_is_refused_with_its_reason(exported, change, reason):
    other = copy.deepcopy(exported)
    other["export"].update(change)
    with pytest.raises(FormatError, match=re.escape(reason)):
        readable_version(other)


@pytest.mark.parametrize("data", [[], {"plan": {}}, {"export": "ke-hoach-nhiem-vu"}])
def test_a_file_without_an_export_block_is_refused(data):
    with pytest.raises(FormatError, match="thiếu mục export"):
        readable_version(data)
