"""The contribution path: the template staff are given passes the checker, and the docs show that template."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from macros.plan.loader import load_plan
from macros.plan.problems import DataError
from macros.progress.refdate import reference_date
from macros.progress.updates import load_updates, update_filename, update_template

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def real_plan():
    return load_plan(ROOT / "data" / "plan.yaml").plan


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


def test_the_template_for_every_task_and_its_first_lead_unit_passes_without_warnings(real_plan, tmp_path):
    today = reference_date(ROOT)
    directory = tmp_path / "updates"
    for task in real_plan.leaf_tasks:
        unit = task.lead.units[0]
        write(directory, update_filename(task.id, unit, today), update_template(task.id, unit, today))
    loaded = load_updates(directory, real_plan, today)
    assert len(loaded.records) == 23 and loaded.warnings == []
    assert {r.update.status for r in loaded.records} == {"dang-thuc-hien"}


def test_make_check_accepts_a_template_file(tmp_path):
    today = reference_date(ROOT)
    directory = write(tmp_path / "updates", "a.yaml", update_template("IV.1.a", "phong-kinh-te", today))
    result = subprocess.run([sys.executable, "-m", "macros", "check", "--updates", str(directory)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "1 báo cáo tiến độ." in result.stdout


def test_uncommenting_the_evidence_lines_without_filling_them_says_what_to_do(real_plan, tmp_path):
    text = update_template("V.8", "ngan-hang-csxh-ba-to", dt.date(2025, 10, 2))
    text = re.sub(r"^# (evidence:|  (number|title|link):)", r"\1", text, flags=re.M)
    with pytest.raises(DataError) as caught:
        load_updates(write(tmp_path / "updates", "a.yaml", text), real_plan, dt.date(2025, 10, 2))
    [error] = caught.value.errors
    assert error.field == "evidence" and "để trống" in error.message


def test_the_filename_convention_matches_the_sample_in_the_brief():
    assert update_filename("V.8", "ngan-hang-csxh-ba-to", dt.date(2025, 10, 2)) == "2025-10-02-v-8-ngan-hang-csxh-ba-to.yaml"
    assert update_filename("IV.1.a", "phong-kinh-te", dt.date(2025, 1, 5)) == "2025-01-05-iv-1-a-phong-kinh-te.yaml"


def test_contributing_shows_the_same_template_the_site_offers():
    assert update_template("V.8", "ngan-hang-csxh-ba-to", dt.date(2025, 10, 2)) in CONTRIBUTING


def test_the_filled_example_in_contributing_is_valid(real_plan, tmp_path):
    blocks = re.findall(r"```yaml\n(.*?)```", CONTRIBUTING, flags=re.S)
    filled = next(b for b in blocks if "evidence:\n  number" in b)
    loaded = load_updates(write(tmp_path / "updates", "a.yaml", filled), real_plan, dt.date(2025, 11, 14))
    assert loaded.records[0].update.evidence.number == "45/BC-UBND" and loaded.warnings == []


def test_contributing_lists_the_whole_status_vocabulary():
    for value, label in [("chua-bat-dau", "Chưa bắt đầu"), ("dang-thuc-hien", "Đang thực hiện"), ("hoan-thanh", "Hoàn thành"),
                         ("tam-dung", "Tạm dừng"), ("khong-thuc-hien", "Không thực hiện")]:
        assert f"| `{value}` | {label} |" in CONTRIBUTING


def test_plan_changes_need_the_plan_editors_and_the_placeholder_is_explained():
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert re.search(r"^/data/plan\.yaml\s+@ten-to-chuc/bien-tap-ke-hoach$", owners, flags=re.M)
    assert not re.search(r"^/data/updates", owners, flags=re.M)
    assert "Sửa `.github/CODEOWNERS`" in CONTRIBUTING and "Require review from Code Owners" in CONTRIBUTING


def test_issue_form_and_its_config_match_githubs_schemas():
    forms = ROOT / ".github" / "ISSUE_TEMPLATE"
    for schema, path in (("vendor.github-issue-forms", forms / "bao-loi-noi-dung.yml"), ("vendor.github-issue-config", forms / "config.yml")):
        result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_pull_request_template_reminds_about_personal_data_and_the_vocabulary():
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "Không có thông tin cá nhân" in template and "`khong-thuc-hien`" in template
