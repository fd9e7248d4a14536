"""The real plan: its shape, its registries and the schema editors rely on."""

from __future__ import annotations

import json

from conftest import PLAN, ROOT
from macros.cli import plan_schema


def test_plan_has_six_sections_and_23_leaf_tasks(plan):
    assert [s.id for s in plan.sections] == ["I", "II", "III", "IV", "V", "VI"]
    assert len(plan.leaf_tasks) == 23
    assert [t.id for t in plan.tasks if t.heading] == ["IV.1"]
    assert [t.id for t in plan.children(plan.task_by_id["IV.1"])] == ["IV.1.a", "IV.1.b", "IV.1.c"]
    assert plan.task_by_id["VI.4"].id == "VI.4"


def test_metadata_keeps_the_empty_number_and_date(plan):
    assert plan.plan.number is None and plan.plan.date is None
    assert plan.plan.issuer == "Ủy ban nhân dân xã Ba Dinh"
    numbers = [b.number for b in plan.plan.legal_bases]
    assert numbers == ["17/KH-UBND", "1560/QĐ-TTg", "39-CT/TW"]
    assert str(plan.plan.legal_bases[0].date) == "2025-08-07"
    assert plan.plan.source_columns[3] == "ĐƠN VỊ PHÓI HỢP"  # the source's typo, kept


def test_v8_keeps_its_unnumbered_paragraph_and_says_so(plan):
    v8 = plan.task_by_id["V.8"]
    assert len(v8.content) == 2 and v8.content[1].startswith("Mở rộng phạm vi, quy mô")
    assert v8.note and "không có số thứ tự" in v8.note
    assert str(v8.schedule.due) == "2025-09-30" and v8.schedule.due_precision == "quarter"


def test_vi4_is_a_list_and_emphasis_is_the_only_markup(plan):
    block = plan.task_by_id["VI.4"].content[0]
    assert len(block.items) == 3
    assert '"*Thấu hiểu lòng dân, tận tâm phục vụ*".' in block.items[0]
    assert "*bao gồm vốn đầu tư công" in plan.task_by_id["IV.1.a"].content[0]
    assert "<" not in PLAN.read_text(encoding="utf-8")


def test_units_groups_and_roles(plan):
    units = plan.unit_by_id
    assert units["phong-van-hoa-xa-hoi"].member_of == ["co-quan-don-vi-ubnd-xa"]
    assert units["phong-kinh-te"].member_of == ["co-quan-don-vi-ubnd-xa"]
    assert units["cong-an-xa"].member_of == []
    assert units["co-quan-don-vi-ubnd-xa"].kind == "group"
    v1 = plan.task_by_id["V.1"]
    assert "ngan-hang-csxh-ba-to" in v1.lead.units and "ngan-hang-csxh-ba-to" in v1.coordinating.units
    iii2 = plan.task_by_id["III.2"]
    assert iii2.lead.units == ["to-chuc-chinh-tri-xa-hoi"] and iii2.lead.text.endswith("nhận ủy thác")
    led = [t.id for t in plan.leaf_tasks if "ngan-hang-csxh-ba-to" in t.lead.units]
    assert led == ["IV.1.c", "V.1", "V.8", "VI.1", "VI.2", "VI.4"]
    assert [t.id for t in plan.leaf_tasks if "cong-an-xa" in t.lead.units] == ["V.6"]


def test_seven_deliverable_kinds_and_every_task_has_one(plan):
    assert len(plan.deliverable_kinds) == 7
    assert all(t.deliverable.kinds for t in plan.leaf_tasks)
    assert all(t.schedule.kinds or t.schedule.due for t in plan.leaf_tasks)


def test_committed_schema_matches_the_model():
    committed = (ROOT / "data" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == plan_schema(), "Chạy `make schema` rồi commit data/plan.schema.json"
    assert PLAN.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=plan.schema.json"


def test_plan_validates_against_the_committed_schema():
    import jsonschema
    import yaml

    schema = json.loads((ROOT / "data" / "plan.schema.json").read_text(encoding="utf-8"))
    data = yaml.load(PLAN.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # dates stay strings, as an editor's tool sees them
    jsonschema.validate(_typed(data), schema)


def _typed(value):
    """BaseLoader keeps everything as strings; restore booleans, nulls and dates-as-strings."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return {"true": True, "false": False, "null": None}.get(value, value)
