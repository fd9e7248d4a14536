"""The importer on a whole appendix written for the tests: draft, report, command, built site.

tests/fixtures/import/appendix.txt is a small appendix in the .txt export
format: the label, title and "(Kèm theo …)" line above the table, two
sections, numbering that runs on across them, a heading with lettered
sub-items, a row cut mid-sentence and a row that starts a new paragraph,
italics, a dashed list, a cell naming two units, an empty cell and due
dates. Nothing here depends on the plan published in data/.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from helpers import FIXTURES, blocks, build_site, copy_project
from macros import urls
from macros.cli import main
from macros.importer import import_plan
from macros.importer.review import ReviewList
from macros.plan.loader import load_plan
from macros.plan.model import Plan

APPENDIX = FIXTURES / "import" / "appendix.txt"
REGISTRY = FIXTURES / "minimal.yaml"  # a small plan whose units, products and times a draft can reuse


def draft_of(source: Path, tmp_path: Path, registry: Plan | None = None) -> tuple[Plan, ReviewList, str]:
    """(the draft loaded by the checker, the importer's report, the draft's text)."""
    report = ReviewList()
    out = tmp_path / f"{source.stem}-{'registry' if registry else 'draft'}.yaml"
    text = import_plan(source, registry, out, report)
    out.write_text(text, encoding="utf-8")
    return load_plan(out).plan, report, text


@pytest.mark.unit
def test_the_appendix_becomes_sections_tasks_and_cells(tmp_path: Path) -> None:
    plan, _, _ = draft_of(APPENDIX, tmp_path)
    assert [(s.id, s.title) for s in plan.sections] == [("I", "Công tác chuẩn bị"), ("II", "Tổ chức ứng phó")]
    assert [(t.id, t.number, t.heading) for t in plan.tasks] == [
        ("I.1", "1", False), ("I.2", "2", False),
        ("II.3", "3", True), ("II.3.a", "a", False), ("II.3.b", "b", False), ("II.4", "4", False),
    ]  # fmt: skip
    tasks = plan.task_by_id
    assert blocks(tasks["I.1"]) == [
        "Rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro ( *bão, lũ, sạt lở đất* ) trên địa bàn xã."
    ]
    # a row cut mid-sentence runs on; a row that starts a new sentence is a new paragraph
    assert blocks(tasks["I.2"]) == [
        "Tuyên truyền kiến thức phòng, chống thiên tai cho người dân, nhất là hộ ở vùng thấp trũng, ven sông."
    ]
    assert blocks(tasks["II.4"]) == [
        "Tổng kết công tác phòng, chống thiên tai năm 2025.",
        "Đề xuất khen thưởng tập thể, cá nhân có thành tích.",
    ]
    assert blocks(tasks["II.3.b"]) == [["Bảo đảm lương thực, nước uống;", "Chăm sóc y tế cho người dân."]]
    assert tasks["I.1"].lead.units == ["phong-kinh-te", "cong-an-xa"]
    assert (tasks["I.2"].coordinating.text, tasks["I.2"].coordinating.units) == ("", [])
    assert (str(tasks["I.1"].schedule.due), tasks["I.1"].schedule.due_precision) == ("2025-06-30", "day")
    assert (str(tasks["II.4"].schedule.due), tasks["II.4"].schedule.due_precision) == ("2025-12-31", "quarter")
    meta = plan.plan
    assert (meta.source_label, meta.source_title) == ("Phụ lục", "DANH MỤC NHIỆM VỤ PHÒNG, CHỐNG THIÊN TAI NĂM 2025")
    assert meta.issuer == "Ủy ban nhân dân xã Thử"  # read from "(Kèm theo … của Ủy ban nhân dân xã Thử)"
    assert meta.title == "(chưa rõ — cần điền)"


@pytest.mark.unit
def test_a_draft_used_as_registry_gives_the_same_draft(tmp_path: Path) -> None:
    """What the acceptance test relies on: a plan imported with itself as registry comes back unchanged."""
    first, _, _ = draft_of(APPENDIX, tmp_path)
    again, report, _ = draft_of(APPENDIX, tmp_path, first)
    assert again == first
    assert report["new"] == [] and report["loose"] == []


@pytest.mark.unit
def test_a_registry_gives_its_names_groups_and_plan_details(tmp_path: Path) -> None:
    registry = load_plan(REGISTRY).plan
    plan, report, _ = draft_of(APPENDIX, tmp_path, registry)
    assert plan.task_by_id["I.2"].lead.units == ["phong-van-hoa"]  # the registry's id, not a new one
    assert [u.id for u in plan.units if u.kind == "group"] == ["cac-co-quan", "cac-thon"]  # its group comes along
    assert plan.plan.title == registry.plan.title and plan.plan.source_title != registry.plan.source_title
    assert report["meta"] == []


@pytest.mark.unit
def test_draft_looks_like_plan_yaml(tmp_path: Path) -> None:
    plan, _, text = draft_of(APPENDIX, tmp_path)
    lines = text.splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    assert '  source_title: "DANH MỤC NHIỆM VỤ PHÒNG, CHỐNG THIÊN TAI NĂM 2025"\n' in text
    assert '      - id: II.3.a\n        number: "a"\n' in text
    assert "          units: [phong-kinh-te, cong-an-xa]\n" in text
    assert "          due: 2025-12-31\n          due_precision: quarter\n" in text
    # every string value is double-quoted; only ids, dates and keywords are plain
    pairs = [re.match(r"^\s*(?:- )?([a-z_]+): (.*)$", line) for line in lines if not line.startswith("#")]
    bare = {m[2] for m in pairs if m and not m[2].startswith(('"', "[", "null")) and not m[2][:1].isdigit()}
    ids = {t.id for t in plan.tasks} | {s.id for s in plan.sections}
    ids |= {e.id for e in [*plan.units, *plan.deliverable_kinds, *plan.schedules, *plan.plan.legal_bases]}
    assert bare <= {"agency", "group", "true", "day", "quarter"} | ids
    items = [line.strip()[2:] for line in lines if re.match(r"^\s*- (?![a-z_]+:)", line)]
    assert items and all(item.startswith('"') for item in items)


@pytest.mark.unit
def test_report_names_the_judgements(tmp_path: Path) -> None:
    _, report, _ = draft_of(APPENDIX, tmp_path)
    assert report["schedule"] == [
        'II.4: "Năm 2025 (hoàn thành trong quý IV/2025)" — có 2 mốc thời gian; đã chọn hạn 2025-12-31 (quarter).'
    ]
    assert any(n.startswith('I.1 chủ trì: "Phòng Kinh tế và Công an xã" →') for n in report["split"])
    assert report["empty"] == ["I.2 (dòng 9): phối hợp."]
    assert report["lost"] == [] and report["row"] == [] and report["table"] == []


@pytest.mark.unit
def test_command_writes_a_checked_draft_and_reports_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.yaml"
    assert main(["import", str(APPENDIX), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Ô đã tách thành nhiều tên" in err and "Thông tin chung cần điền" in err and "Đã ghi bản nháp" in err
    assert "Traceback" not in err
    assert main(["check", str(out)]) == 0
    again = tmp_path / "lai.yaml"
    assert main(["import", str(APPENDIX), "-o", str(again), "--registry", str(out)]) == 0
    assert "Thông tin chung cần điền" not in capsys.readouterr().err
    assert main(["check", str(again)]) == 0


@pytest.mark.unit
def test_command_without_output_prints_the_draft(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(APPENDIX), "--registry", str(REGISTRY)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# yaml-language-server: $schema=")
    assert "sections:" in captured.out and "sections:" not in captured.err


# ---------------------------------------------------------------- a draft is publishable as it is


def task_rows(site: Path) -> list[str]:
    tree = lxml.html.fromstring((site / urls.ALL_TASKS / "index.html").read_text(encoding="utf-8"))
    return tree.xpath("//tr[contains(@class,'kh-task-row')]/@data-task")


@pytest.mark.build
@pytest.mark.parametrize("registry", [None, REGISTRY], ids=["without-registry", "with-registry"])
def test_draft_builds_into_a_site(tmp_path: Path, registry: Path | None) -> None:
    """The strict build of a project whose data/plan.yaml is a fresh draft passes, with every task on it."""
    project = copy_project(tmp_path / "du-an")
    out = project / "data" / "plan.yaml"
    assert main(["import", str(APPENDIX), "-o", str(out), *(["--registry", str(registry)] if registry else [])]) == 0
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert task_rows(tmp_path / "site") == [t.id for t in load_plan(out).plan.tasks]
