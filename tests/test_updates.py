"""Progress reports: each mistake a clerk can make is explained at its file and line."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import FIXTURES, PLAN_DIRS, ROOT, UPDATES_IN_PROJECT, check_env, run_cli
from macros.plan.loader import load_plan
from macros.plan.problems import DataError
from macros.progress.updates import STATUS_LABELS, load_updates, update_schema

pytestmark = pytest.mark.unit

FIX = FIXTURES / "updates"
TODAY = dt.date(2025, 10, 2)
SHOWN = UPDATES_IN_PROJECT

# fixture in bad/ → (line, field, words the message must contain)
BAD = {
    "unknown_task": (2, "task", 'không có nhiệm vụ với mã "I.9"'),
    "heading_task": (2, "task", '"I.1" là mục tiêu đề; hãy báo cáo cho từng mục con (I.1.a)'),
    "future_date": (3, "date", "ngày báo cáo 3/10/2025 ở sau ngày tham chiếu 2/10/2025"),
    "unknown_status": (4, "status", "tình trạng không có trong danh mục; cần một trong các giá trị: chua-bat-dau (chưa bắt đầu)"),
    "label_as_status": (4, "status", 'hãy viết hoan-thanh thay cho "hoàn thành"'),
    "missing_reason": (4, "status", "cần ghi lý do trong trường reason"),
    "unknown_unit": (5, "unit", 'không có đơn vị với mã "phong-kinh-te"'),
    "bad_link": (8, "evidence.link", "cần một địa chỉ bắt đầu bằng https://"),
    "bad_date": (3, "date", "ngày không hợp lệ; cần dạng YYYY-MM-DD"),
    "missing_unit": (2, "unit", "thiếu trường bắt buộc"),
    "misspelt_field": (
        6,
        "notes",
        "không có trong mẫu báo cáo tiến độ (viết sai tên trường?); các trường được dùng: task, date, status, unit, note",
    ),
    "empty_evidence": (6, "evidence", "mục evidence để trống"),
    "empty": (1, "", "tệp rỗng"),
    "rtl_in_note": (6, "note", "ở cột 15 có ký tự điều khiển hướng chữ U+202E (ký tự đảo chiều chữ)"),
    "long_unit": (5, "unit", "mã dài 76 ký tự, quá giới hạn 60 ký tự"),
}
COLUMNS = {"rtl_in_note": 15}


@pytest.fixture(scope="module")
def small_plan():
    return load_plan(FIX / "plan.yaml").plan


def only(tmp_path: Path, *files: Path) -> Path:
    """A directory holding just these update files, as data/updates would."""
    directory = tmp_path / "updates"
    directory.mkdir()
    for file in files:
        shutil.copy(file, directory / file.name)
    return directory


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_update_is_explained_at_its_line(name, small_plan, tmp_path):
    line, field, words = BAD[name]
    with pytest.raises(DataError) as caught:
        load_updates(only(tmp_path, FIX / "bad" / f"{name}.yaml"), small_plan, TODAY, display=SHOWN)
    errors = caught.value.errors
    assert len(errors) == 1, [str(p) for p in errors]
    assert (errors[0].line, errors[0].column, errors[0].field) == (line, COLUMNS.get(name), field)
    assert words in errors[0].message
    at = f"{line}:{COLUMNS[name]}" if name in COLUMNS else line
    assert str(errors[0]).startswith(f"{SHOWN}/{name}.yaml:{at}: lỗi")


def test_every_bad_fixture_is_listed():
    assert {p.stem for p in (FIX / "bad").glob("*.yaml")} == set(BAD)


def test_duplicate_names_both_files(small_plan):
    with pytest.raises(DataError) as caught:
        load_updates(FIX / "duplicate", small_plan, TODAY, display=SHOWN)
    [error] = caught.value.errors
    assert error.file == f"{SHOWN}/ban-sao.yaml" and error.line == 2
    assert f"trùng với {SHOWN}/2025-09-01-i-1-a-phong-van-hoa.yaml" in error.message
    assert "cùng nhiệm vụ I.1.a, ngày 1/9/2025, đơn vị phong-van-hoa" in error.message


def test_every_mistake_of_every_file_is_reported_at_once(small_plan, tmp_path):
    files = [FIX / "bad" / f"{name}.yaml" for name in ("unknown_task", "future_date", "bad_link")]
    with pytest.raises(DataError) as caught:
        load_updates(only(tmp_path, *files), small_plan, TODAY, display=SHOWN)
    assert sorted(p.file for p in caught.value.errors) == sorted(f"{SHOWN}/{f.name}" for f in files)


def test_good_updates_load_and_a_member_of_the_lead_group_is_not_warned(small_plan):
    loaded = load_updates(FIX / "updates", small_plan, TODAY)
    assert len(loaded.records) == 5
    assert loaded.warnings == []
    i2 = next(r for r in loaded.records if r.update.task == "I.2")
    assert i2.update.status_label == "Tạm dừng" and i2.update.reason == "Chờ kinh phí."


def test_a_unit_with_no_part_in_the_task_gets_a_warning_not_an_error(small_plan, tmp_path):
    text = (FIX / "updates" / "2025-09-15-i-1-a-phong-van-hoa.yaml").read_text(encoding="utf-8")
    directory = tmp_path / "updates"
    directory.mkdir()
    (directory / "khac.yaml").write_text(text.replace("unit: phong-van-hoa", "unit: ngan-hang"), encoding="utf-8")
    loaded = load_updates(directory, small_plan, TODAY, display=SHOWN)
    [warning] = loaded.warnings
    assert (warning.severity, warning.field, warning.line) == ("warning", "unit", 5)
    assert "không chủ trì, không phối hợp nhiệm vụ I.1.a" in warning.message


def test_the_day_of_the_reference_date_is_not_in_the_future(small_plan, tmp_path):
    directory = only(tmp_path, FIX / "bad" / "future_date.yaml")
    assert len(load_updates(directory, small_plan, dt.date(2025, 10, 3)).records) == 1


def test_a_file_saved_without_yaml_extension_is_pointed_out(small_plan, tmp_path):
    directory = only(tmp_path)
    (directory / "bao-cao.yaml.txt").write_text("task: I.1.a\n", encoding="utf-8")
    (directory / "README.md").write_text("Hướng dẫn\n", encoding="utf-8")
    [warning] = load_updates(directory, small_plan, TODAY).warnings
    assert warning.file.endswith("bao-cao.yaml.txt") and "phải có đuôi .yaml" in warning.message


def test_no_updates_directory_means_no_updates(small_plan, tmp_path):
    assert load_updates(tmp_path / "khong-co", small_plan, TODAY).records == []


def test_committed_schema_matches_the_model():
    assert (ROOT / "data" / "update.schema.json").read_text(encoding="utf-8") == update_schema()


def test_schema_offers_the_status_vocabulary():
    import json

    schema = json.loads(update_schema())
    assert schema["properties"]["status"]["enum"] == list(STATUS_LABELS)


def test_every_fixture_report_points_editors_at_the_committed_schema():
    """Editors validate a report as they type only if its first line finds the schema from where it lies."""
    files = [path for plan_dir in PLAN_DIRS.values() for path in sorted((plan_dir / "updates").glob("*.yaml"))]
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), path.name
        assert (path.parent / first[len(prefix):]).resolve() == ROOT / "data" / "update.schema.json", path.name


def run_check(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m macros check`, at the fixed reference date unless ``env`` says otherwise."""
    return run_cli("check", *args, env=env)


def test_check_counts_the_updates_next_to_the_plan():
    result = run_check("tests/fixtures/updates/plan.yaml")
    assert result.returncode == 0, result.stderr
    assert "3 nhiệm vụ, 4 đơn vị, 1 loại sản phẩm, 5 báo cáo tiến độ." in result.stdout


def test_check_pins_errors_on_the_file_and_line_for_github(tmp_path):
    directory = only(tmp_path, FIX / "bad" / "unknown_status.yaml")
    result = run_check("tests/fixtures/updates/plan.yaml", "--updates", str(directory), "--github")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"::error file={directory}/unknown_status.yaml,line=4::status: tình trạng không có trong danh mục" in result.stdout
    assert f"{directory}/unknown_status.yaml:4: lỗi [status]" in result.stderr
    assert "Không đạt" in result.stderr


def test_check_judges_dates_against_source_date_epoch():
    env = check_env(SOURCE_DATE_EPOCH="1756684800")  # 2025-09-01T00:00Z → 01/09/2025 in Vietnam
    result = run_check("tests/fixtures/updates/plan.yaml", env=env)
    assert result.returncode == 1
    assert "ở sau ngày tham chiếu 1/9/2025" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_explains_a_bad_source_date_epoch():
    result = run_check("tests/fixtures/updates/plan.yaml", env=check_env(SOURCE_DATE_EPOCH="hôm nay"))
    assert result.returncode == 1
    assert "SOURCE_DATE_EPOCH: lỗi: cần một số nguyên" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_counts_the_reports_of_the_xa_mau_plan_and_warns_about_none():
    result = run_check("tests/fixtures/plans/xa-mau/plan.yaml")
    assert result.returncode == 0, result.stderr
    assert "7 báo cáo tiến độ." in result.stdout and "cảnh báo" not in result.stdout
