"""The typed model of a plan: order, sub-items, registries and the schema editors rely on.

Checked on the fixture plans (tests/fixtures/plans/), whose facts are written in their header comments.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from helpers import KHONG_NHOM, NHIEU_DON_VI, PLAN_DIRS, ROOT, load_fixture
from macros.cli import plan_schema
from macros.plan.model import ListBlock, task_slug

pytestmark = pytest.mark.unit

SCHEMA = ROOT / "data" / "plan.schema.json"


def test_tasks_keep_document_order_and_a_heading_holds_its_sub_items(plan):
    assert [s.id for s in plan.sections] == ["I", "II", "III", "IV"]
    assert [t.id for t in plan.tasks] == [
        "I.1", "I.2", "I.3", "II.1", "II.1.a", "II.1.b", "II.1.c", "II.2", "III.1", "III.2", "IV.1", "IV.2"]
    assert len(plan.leaf_tasks) == 11
    assert [t.id for t in plan.tasks if t.heading] == ["II.1"]
    heading = plan.task_by_id["II.1"]
    assert [t.id for t in plan.children(heading)] == ["II.1.a", "II.1.b", "II.1.c"]
    b = plan.task_by_id["II.1.b"]
    assert (b.parent_id, b.section_id, b.depth, b.slug) == ("II.1", "II", 1, "ii-1-b")
    assert (heading.parent_id, heading.depth) == (None, 0)


def test_numbering_that_runs_on_across_sections():
    plan = load_fixture(NHIEU_DON_VI).plan
    assert [t.id for t in plan.section_by_id["II"].tasks] == ["II.6", "II.7", "II.7.a", "II.7.b", "II.8", "II.9"]
    assert [t.number for t in plan.section_by_id["III"].tasks] == ["10", "11", "12"]
    assert [t.id for t in plan.children(plan.task_by_id["II.7"])] == ["II.7.a", "II.7.b"]
    assert plan.task_by_id["III.10"].slug == "iii-10" and plan.task_by_id["III.10"].section_id == "III"


def test_task_addresses_are_ascii_and_keep_d_and_dd_apart():
    assert task_slug("IV.1.a") == "iv-1-a"
    assert task_slug("I.2.đ") == "i-2-dd" != task_slug("I.2.d")


def test_metadata_keeps_numbers_dates_and_legal_bases(plan):
    meta = plan.plan
    assert (meta.number, meta.date, meta.issuer) == ("88/KH-UBND", dt.date(2025, 6, 20), "Ủy ban nhân dân xã Suối Mây")
    assert [b.number for b in meta.legal_bases] == ["42/KH-UBND", "749/QĐ-TTg", "57-NQ/TW"]
    assert [b.date for b in meta.legal_bases] == [dt.date(2025, 6, 12), dt.date(2020, 6, 3), None]
    assert len(meta.source_columns) == 6 and meta.source_columns[3] == "CƠ QUAN PHỐI HỢP"


def test_a_plan_may_leave_its_number_date_label_and_attachment_empty():
    meta = load_fixture(KHONG_NHOM).plan.plan
    assert (meta.number, meta.date, meta.source_label, meta.source_attachment) == (None, None, "", "")


def test_editorial_note_and_due_dates_with_their_precision(plan):
    note = plan.task_by_id["II.1.c"].note
    assert note and note.startswith("Văn bản gốc ghi cơ quan chủ trì là “Bưu điện xã”")
    assert [(t.id, t.schedule.due, t.schedule.due_precision) for t in plan.tasks if t.schedule.due] == [
        ("II.1.a", dt.date(2025, 9, 30), "quarter"), ("II.1.b", dt.date(2025, 12, 31), "month")]
    assert plan.task_by_id["I.1"].schedule.due_precision == "day"  # the default when no due date is given


def test_a_list_block_and_emphasis_are_kept_as_written(plan):
    intro, block = plan.task_by_id["I.3"].content
    assert intro.endswith("gồm:") and isinstance(block, ListBlock) and len(block.items) == 3
    assert "*Em yêu khoa học, em tập lập trình*" in block.items[1]
    assert plan.task_by_id["I.1"].content[0].endswith("*Chuyển đổi số là của người dân, vì người dân*.")


def test_units_groups_and_roles(plan):
    units = plan.unit_by_id
    assert units["van-phong"].member_of == ["khoi-chuyen-mon"]
    assert units["truong-thcs"].member_of == ["cac-truong-hoc"]
    assert units["buu-dien"].member_of == []
    assert [u.id for u in plan.units if u.kind == "group"] == ["khoi-chuyen-mon", "cac-truong-hoc"]
    assert plan.task_by_id["I.3"].lead.units == ["cac-truong-hoc"]  # a group leads
    assert plan.task_by_id["I.1"].coordinating.text == "" and plan.task_by_id["I.1"].coordinating.units == []
    assert [t.id for t in plan.leaf_tasks if "tram-y-te" in t.lead.units] == ["III.1"]
    assert [t.id for t in plan.leaf_tasks if "van-phong" in t.lead.units] == ["I.1", "I.2", "II.1.a", "IV.2"]


def test_a_unit_may_belong_to_two_groups():
    plan = load_fixture(NHIEU_DON_VI).plan
    assert plan.unit_by_id["htx-dien-nuoc"].member_of == ["cac-hop-tac-xa", "cac-hoi"]
    assert len(plan.units) == 26 and sum(u.kind == "group" for u in plan.units) == 3


def test_committed_schema_matches_the_model():
    assert SCHEMA.read_text(encoding="utf-8") == plan_schema(), "Chạy `make schema` rồi commit data/plan.schema.json"


@pytest.mark.parametrize("name", sorted(PLAN_DIRS))
def test_fixture_plans_point_editors_at_the_committed_schema(name):
    path = PLAN_DIRS[name] / "plan.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    assert (path.parent / first[len(prefix):]).resolve() == SCHEMA


@pytest.mark.parametrize("name", sorted(PLAN_DIRS))
def test_plans_validate_against_the_committed_schema(name):
    """What an editor's YAML tool checks while typing agrees with what the checker accepts."""
    import jsonschema
    import yaml

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    text = (PLAN_DIRS[name] / "plan.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.BaseLoader)  # dates stay strings, as an editor's tool sees them
    jsonschema.validate(_typed(data), schema)


def test_the_schema_refuses_what_the_checker_refuses(plan):
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = json.loads(plan.model_dump_json())
    data["sections"][0]["tasks"][0]["id"] = "1.1"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def _typed(value):  # noqa: ANN001, ANN202
    """BaseLoader keeps everything as strings; restore booleans and nulls (dates stay strings)."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return {"true": True, "false": False, "null": None}.get(value, value)
