"""The contribution path: the template staff are given passes the checker, and the docs show that template."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import PLAN_DIRS, REFERENCE_DATE, ROOT, XA_MAU, contributing_reports, load_fixture, run_cli
from macros.plan.problems import DataError
from macros.progress.updates import Update, load_updates, update_filename, update_template

pytestmark = pytest.mark.unit

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def shown_template() -> str:
    """The blank report CONTRIBUTING.md tells staff to start from (the block with the status comments)."""
    return next(b for b in contributing_reports() if "# status" in b)


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.mark.parametrize("name", sorted(PLAN_DIRS))
def test_the_template_for_every_task_and_its_first_lead_unit_passes_without_warnings(name, tmp_path):
    plan = load_fixture(PLAN_DIRS[name]).plan
    today = REFERENCE_DATE
    directory = tmp_path / "updates"
    for task in plan.leaf_tasks:
        unit = task.lead.units[0]
        write(directory, update_filename(task.id, unit, today), update_template(task.id, unit, today))
    loaded = load_updates(directory, plan, today)
    assert len(loaded.records) == len(plan.leaf_tasks) and loaded.warnings == []
    assert {r.update.status for r in loaded.records} == {"dang-thuc-hien"}


def test_make_check_accepts_a_template_file(tmp_path):
    directory = write(tmp_path / "updates", "a.yaml", update_template("II.1.b", "tai-chinh", REFERENCE_DATE))
    result = run_cli("check", str(XA_MAU / "plan.yaml"), "--updates", str(directory))
    assert result.returncode == 0, result.stderr
    assert "1 báo cáo tiến độ." in result.stdout


def test_uncommenting_the_evidence_lines_without_filling_them_says_what_to_do(plan, tmp_path):
    text = update_template("II.1.c", "buu-dien", dt.date(2025, 10, 2))
    text = re.sub(r"^# (evidence:|  (number|title|link):)", r"\1", text, flags=re.M)
    with pytest.raises(DataError) as caught:
        load_updates(write(tmp_path / "updates", "a.yaml", text), plan, dt.date(2025, 10, 2))
    [error] = caught.value.errors
    assert error.field == "evidence" and "để trống" in error.message


def test_the_filename_convention_sorts_by_date_and_keeps_task_and_unit_apart():
    assert update_filename("II.1.a", "van-phong", dt.date(2025, 10, 2)) == "2025-10-02-ii-1-a-van-phong.yaml"
    assert update_filename("III.10", "cac-thon", dt.date(2026, 1, 5)) == "2026-01-05-iii-10-cac-thon.yaml"
    assert update_filename("I.2.đ", "hoi-phu-nu", dt.date(2026, 1, 5)) == "2026-01-05-i-2-dd-hoi-phu-nu.yaml"


def test_contributing_shows_the_same_template_the_site_offers():
    """Whatever task and unit the guide uses as its example, the block is exactly what the site offers."""
    block = shown_template()
    fields = yaml.safe_load(block)
    assert block == update_template(fields["task"], fields["unit"], fields["date"])


def test_the_file_name_in_contributing_follows_the_convention_for_its_example():
    fields = yaml.safe_load(shown_template())
    assert f"`{update_filename(fields['task'], fields['unit'], fields['date'])}`" in CONTRIBUTING


def test_the_filled_example_in_contributing_is_a_valid_report():
    """Its shape (that the task and unit it names are the published plan's: tests/test_acceptance.py)."""
    import json

    import jsonschema

    filled = next(b for b in contributing_reports() if "evidence:\n  number" in b)
    data = yaml.safe_load(filled)
    report = Update.model_validate(data)
    assert report.evidence is not None and report.evidence.number and report.evidence.link
    assert filled.splitlines()[0] == "# yaml-language-server: $schema=../update.schema.json"
    schema = json.loads((ROOT / "data" / "update.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate({**data, "date": data["date"].isoformat()}, schema)


def test_contributing_lists_the_whole_status_vocabulary():
    for value, label in [("chua-bat-dau", "Chưa bắt đầu"), ("dang-thuc-hien", "Đang thực hiện"), ("hoan-thanh", "Hoàn thành"),
                         ("tam-dung", "Tạm dừng"), ("khong-thuc-hien", "Không thực hiện")]:
        assert f"| `{value}` | {label} |" in CONTRIBUTING


def test_plan_changes_need_the_plan_editors_and_the_placeholder_is_explained():
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert re.search(r"^/data/plan\.yaml\s+@ten-to-chuc/bien-tap-ke-hoach$", owners, flags=re.M)
    assert not re.search(r"^/data/updates", owners, flags=re.M)  # CODEOWNERS: reports need no plan editor
    assert "Sửa `.github/CODEOWNERS`" in CONTRIBUTING and "Require review from Code Owners" in CONTRIBUTING


def test_issue_form_and_its_config_match_githubs_schemas():
    forms = ROOT / ".github" / "ISSUE_TEMPLATE"
    checks = (("vendor.github-issue-forms", forms / "bao-loi-noi-dung.yml"), ("vendor.github-issue-config", forms / "config.yml"))
    for schema, path in checks:
        command = [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)]
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_pull_request_template_reminds_about_personal_data_and_the_vocabulary():
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "Không có thông tin cá nhân" in template and "`khong-thuc-hien`" in template
