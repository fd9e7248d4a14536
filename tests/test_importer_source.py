"""Importing the signed appendix reproduces data/plan.yaml, field by field.

Everything the document says must come back exactly: sections, task ids,
numbers, contents (paragraphs, lists, italics), the text of every cell,
the units, deliverable kinds and schedules it names, and due dates.
What an editor added by hand, and the document cannot say, is listed in
EXPECTED_DIFFERENCES; any other difference fails.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import PLAN, ROOT, SOURCE
from macros.cli import main
from macros.importer import import_plan
from macros.importer.report import Report
from macros.plan.loader import load_plan
from macros.plan.model import Plan

# (where, field) → why the importer cannot know it
EXPECTED_DIFFERENCES = {
    ("V.8", "note"): "ghi chú biên tập viết tay về đoạn không số thứ tự của V.8",
}
TASK_FIELDS = ("number", "content", "heading", "note", "lead", "coordinating", "deliverable", "schedule")


def differences(imported: Plan, curated: Plan) -> dict[tuple[str, str], tuple[Any, Any]]:
    """Every field where the two plans disagree, named by task id or registry."""
    out: dict[tuple[str, str], tuple[Any, Any]] = {}

    def compare(where: str, name: str, a: Any, b: Any) -> None:
        if a != b:
            out[(where, name)] = (a, b)

    compare("plan", "meta", imported.plan.model_dump(), curated.plan.model_dump())
    for registry in ("units", "deliverable_kinds", "schedules"):
        ours = {e.id: e.model_dump() for e in getattr(imported, registry)}
        theirs = {e.id: e.model_dump() for e in getattr(curated, registry)}
        for entry_id in ours.keys() | theirs.keys():
            compare(f"{registry}.{entry_id}", "entry", ours.get(entry_id), theirs.get(entry_id))
    compare("sections", "ids", [s.id for s in imported.sections], [s.id for s in curated.sections])
    for section in curated.sections:
        other = imported.section_by_id.get(section.id)
        compare(section.id, "title", other and other.title, section.title)
        compare(section.id, "task ids", other and [t.id for t in other.tasks], [t.id for t in section.tasks])
    for task in curated.tasks:
        mine = imported.task_by_id.get(task.id)
        for name in TASK_FIELDS:
            compare(task.id, name, mine and getattr(mine, name), getattr(task, name))
    return out


@pytest.fixture(scope="module")
def curated() -> Plan:
    return load_plan(PLAN).plan


def imported_plan(source: Path, tmp_path: Path, registry: Plan | None) -> tuple[Plan, Report, str]:
    report = Report()
    out = tmp_path / "draft.yaml"
    out.write_text(import_plan(source, registry, out, report), encoding="utf-8")
    return load_plan(out).plan, report, out.read_text(encoding="utf-8")


def test_source_with_registry_reproduces_the_plan(curated, tmp_path):
    plan, _, _ = imported_plan(SOURCE, tmp_path, curated)
    assert set(differences(plan, curated)) == set(EXPECTED_DIFFERENCES)


def test_source_without_registry_keeps_every_task_and_cell(curated, tmp_path):
    """Without a registry the names are proposed from the wording: ids, group membership and merges differ,
    but every task, paragraph and cell text is the document's, and every cell that names something is linked."""
    plan, report, _ = imported_plan(SOURCE, tmp_path, None)
    found = differences(plan, curated)
    task_fields = {(w, f) for w, f in found if f in TASK_FIELDS}
    for where, name in task_fields - set(EXPECTED_DIFFERENCES):
        mine, theirs = found[(where, name)]
        assert name in ("lead", "coordinating", "deliverable"), (where, name)
        assert mine.text == theirs.text, (where, name)  # the wording is the document's; only ids differ
    for task in plan.leaf_tasks:
        for cell, ids in (("lead", "units"), ("coordinating", "units"), ("deliverable", "kinds")):
            value = getattr(task, cell)
            assert bool(value.text) == bool(getattr(value, ids)), (task.id, cell)
    assert plan.plan.issuer == "Ủy ban nhân dân xã Ba Dinh"  # read from "(Kèm theo … của Ủy ban nhân dân xã Ba Dinh)"
    assert plan.plan.title == "(chưa rõ — cần điền)"
    assert report["meta"]


def test_draft_looks_like_plan_yaml(curated, tmp_path):
    _, _, text = imported_plan(SOURCE, tmp_path, curated)
    lines = text.splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    assert '  title: "Nhiệm vụ triển khai Kế hoạch số 17/KH-UBND' in text
    assert "      - id: IV.1.a\n        number: \"a\"\n" in text
    assert "          units: [phong-van-hoa-xa-hoi, co-quan-don-vi-ubnd-xa]\n" in text
    assert "          due: 2025-09-30\n          due_precision: quarter\n" in text
    # every string value is double-quoted; only ids, dates and keywords are plain
    pairs = [re.match(r"^\s*(?:- )?([a-z_]+): (.*)$", line) for line in lines if not line.startswith("#")]
    bare = {m[2] for m in pairs if m and not m[2].startswith(('"', "[", "null")) and not m[2][:1].isdigit()}
    ids = {t.id for t in curated.tasks} | {s.id for s in curated.sections}
    ids |= {e.id for e in [*curated.units, *curated.deliverable_kinds, *curated.schedules, *curated.plan.legal_bases]}
    assert bare <= {"agency", "group", "true", "quarter"} | ids
    items = [line.strip()[2:] for line in lines if re.match(r"^\s*- (?![a-z_]+:)", line)]
    assert items and all(item.startswith('"') for item in items)


def test_report_names_the_judgements(curated, tmp_path):
    _, report, _ = imported_plan(SOURCE, tmp_path, curated)
    assert any(n.startswith("V.8:") and "2025-09-30" in n for n in report["schedule"])
    assert any(n.startswith("I.1 chủ trì:") for n in report["split"])
    assert report["empty"] == ["I.1 (dòng 11): phối hợp.", "II.1 (dòng 14): phối hợp."]
    assert report["lost"] == [] and report["row"] == []


def test_command_writes_a_checked_draft_and_reports_in_vietnamese(tmp_path, capsys, monkeypatch):
    out = tmp_path / "plan.yaml"
    status = main(["import", str(SOURCE), "-o", str(out), "--registry", str(PLAN)])
    err = capsys.readouterr().err
    assert status == 0
    assert "Ô đã tách thành nhiều tên" in err and "Đã ghi bản nháp" in err
    assert "Traceback" not in err
    assert main(["check", str(out)]) == 0


def test_command_without_output_prints_the_draft(capsys):
    assert main(["import", str(SOURCE), "--registry", str(PLAN)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# yaml-language-server: $schema=")
    assert "sections:" in captured.out and "sections:" not in captured.err


@pytest.mark.parametrize("with_registry", [True, False])
def test_draft_builds_into_a_site(tmp_path, with_registry):
    """A freshly imported draft is publishable as it is: the strict build passes."""
    import subprocess
    import sys

    from sitebuild import BuiltSite, build_site

    draft = tmp_path / "draft" / "plan.yaml"
    draft.parent.mkdir()
    command = [sys.executable, "-m", "macros", "import", str(SOURCE), "-o", str(draft)]
    if with_registry:
        command += ["--registry", "data/plan.yaml"]
    imported = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    result = build_site(tmp_path / "site", draft)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    built = BuiltSite(tmp_path / "site")
    assert len(built.tree("nhiem-vu").xpath("//tr[contains(@class,'kh-task-row') and not(contains(@class,'kh-heading-row'))]")) == 23
