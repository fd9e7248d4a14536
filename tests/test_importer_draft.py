"""The draft the importer writes: shaped like plan.yaml, checked, and complete without a registry.

Read from the xa-mau appendix export (tests/fixtures/import/xa-mau.txt), so that what is expected is
written in a fixture anyone can open.
"""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, XA_MAU
from macros.cli import main
from macros.importer import import_plan
from macros.importer.report import Report
from macros.plan.loader import load_plan

pytestmark = pytest.mark.unit

EXPORT = FIXTURES / "import" / "xa-mau.txt"


def draft(tmp_path, registry):  # noqa: ANN001, ANN201
    report = Report()
    out = tmp_path / "draft.yaml"
    out.write_text(import_plan(EXPORT, registry, out, report), encoding="utf-8")
    return load_plan(out).plan, report, out.read_text(encoding="utf-8")


def test_draft_looks_like_plan_yaml(plan, tmp_path):
    _, _, text = draft(tmp_path, plan)
    lines = text.splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    assert "      - id: II.1.a\n        number: \"a\"\n" in text
    assert "          units: [khoi-chuyen-mon, cac-truong-hoc]\n" in text
    assert "          due: 2025-09-30\n          due_precision: quarter\n" in text
    # every string value is double-quoted; only ids, dates and keywords are plain
    pairs = [re.match(r"^\s*(?:- )?([a-z_]+): (.*)$", line) for line in lines if not line.startswith("#")]
    bare = {m[2] for m in pairs if m and not m[2].startswith(('"', "[", "null")) and not m[2][:1].isdigit()}
    ids = {t.id for t in plan.tasks} | {s.id for s in plan.sections}
    ids |= {e.id for e in [*plan.units, *plan.deliverable_kinds, *plan.schedules, *plan.plan.legal_bases]}
    assert bare <= {"agency", "group", "true", "quarter", "month", "year"} | ids
    items = [line.strip()[2:] for line in lines if re.match(r"^\s*- (?![a-z_]+:)", line)]
    assert items and all(item.startswith('"') for item in items)


def test_without_registry_every_task_and_cell_is_kept_and_every_named_cell_is_linked(plan, tmp_path):
    """Names are proposed from the wording, so ids differ; the words of every cell are the document's."""
    imported, report, _ = draft(tmp_path, None)
    assert [t.id for t in imported.tasks] == [t.id for t in plan.tasks]
    for task in plan.tasks:
        mine = imported.task_by_id[task.id]
        assert (mine.content, mine.heading, mine.number) == (task.content, task.heading, task.number), task.id
        for cell in ("lead", "coordinating", "deliverable"):
            assert getattr(mine, cell).text == getattr(task, cell).text, (task.id, cell)
    for task in imported.leaf_tasks:
        for cell, ids in (("lead", "units"), ("coordinating", "units"), ("deliverable", "kinds")):
            value = getattr(task, cell)
            assert bool(value.text) == bool(getattr(value, ids)), (task.id, cell)
    assert imported.plan.issuer == "Ủy ban nhân dân xã Suối Mây"  # read from "(Kèm theo … của Ủy ban nhân dân xã Suối Mây)"
    assert imported.plan.title == "(chưa rõ — cần điền)"
    assert report["meta"]


def test_command_writes_a_checked_draft_and_reports_in_vietnamese(tmp_path, capsys):
    out = tmp_path / "plan.yaml"
    status = main(["import", str(EXPORT), "-o", str(out), "--registry", str(XA_MAU / "plan.yaml")])
    err = capsys.readouterr().err
    assert status == 0
    assert "Ô đã tách thành nhiều tên" in err and "Đã ghi bản nháp" in err
    assert "Traceback" not in err
    assert main(["check", str(out)]) == 0


def test_command_without_output_prints_the_draft(capsys):
    assert main(["import", str(EXPORT), "--registry", str(XA_MAU / "plan.yaml")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# yaml-language-server: $schema=")
    assert "sections:" in captured.out and "sections:" not in captured.err
