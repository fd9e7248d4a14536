"""Bad input gets a Vietnamese message naming file, line and field; awkward input loads as NFC."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from helpers import (
    FIXTURES,
    NESTED,
    PLAN_DIRS,
    REFERENCE_EPOCH,
    ROOT,
    XA_MAU,
    check_env,
    load_fixture,
    nested_groups,
    run_cli,
)
from macros.cli import main
from macros.plan.loader import load_plan
from macros.plan.model import MAX_SECTION_ID, MAX_TASK_ID
from macros.plan.problems import DataError

pytestmark = pytest.mark.unit

# fixture → (line, field named in the message or "", words the message must contain)
BAD = {
    "syntax_error": (33, "", "ngoặc kép chưa được đóng"),
    "duplicate_key": (19, "", 'khóa "short" bị lặp (đã có ở dòng 18)'),
    "unknown_unit": (42, "sections[I].tasks[I.1.a].lead.units[0]", 'không có đơn vị với mã "phong-van-hoa-xa-hoi"'),
    "duplicate_task": (39, "sections[I].tasks[I.1].id", 'mã nhiệm vụ "I.1" bị trùng'),
    "bad_date": (44, "sections[I].tasks[I.1.a].schedule.due", "ngày không hợp lệ; cần dạng YYYY-MM-DD"),
    "wrong_type": (38, "sections[I].tasks[I.1].heading", "cần true hoặc false"),
    "missing_field": (32, "sections[I].title", "thiếu trường bắt buộc"),
    "empty": (1, "", "tệp rỗng"),
    "tab_indent": (18, "", "ký tự TAB"),
    "unknown_group": (20, "units[phong-van-hoa].member_of[0]", 'không có nhóm đơn vị với mã "khoi-dang"'),
    "orphan_subitem": (39, "sections[I].tasks[I.2.a].id", 'không có mục cha "I.2"'),
    "list_document": (1, "", "tệp là một danh sách; cần một kế hoạch"),
    "unknown_kind": (43, "sections[I].tasks[I.1.a].deliverable.kinds[0]", 'không có loại sản phẩm với mã "bao-cao-nam"'),
    "misspelt_field": (42, "sections[I].tasks[I.1.a].leader", "viết sai tên trường"),
    "bad_task_id": (39, "sections[I].tasks[I-1-a].id", "mã nhiệm vụ không hợp lệ"),
    "alias": (20, "", "bí danh YAML"),
    "column_dropped": (16, "plan.column_order", 'column_order thiếu cột "coordinating" (PHỐI HỢP)'),
    "unknown_extra_column": (45, "sections[I].tasks[I.1.a].extra.ghi-chu", 'không có cột "ghi-chu" trong plan.extra_columns'),
    "rtl_in_task": (41, "sections[I].tasks[I.1.a].content[0]",
                    "ở cột 38 có ký tự điều khiển hướng chữ U+202E (ký tự đảo chiều chữ)"),
    # Without the refusal this unit is a second "Phòng Văn hoá - Xã hội", and the plan is valid.
    "zwsp_in_unit_name": (26, "units[phong-van-hoa-2].name", "ở cột 25 có ký tự vô hình U+200B (dấu cách không độ rộng)"),
    "long_unit_id": (25, "units[ban-chi-dao-thuc-hien-cac-chuong-trinh-muc-tieu-quoc-gia-giai-doan-2021-2025].id",
                     "mã dài 76 ký tự, quá giới hạn 60 ký tự"),
}
COLUMNS = {"rtl_in_task": 38, "zwsp_in_unit_name": 25}
"""The column named after the line, for the faults nobody can see: file:line:column, as editors read it."""


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_explained_at_its_line(name):
    line, field, words = BAD[name]
    path = FIXTURES / "bad" / f"{name}.yaml"
    with pytest.raises(DataError) as caught:
        load_plan(path)
    problems = caught.value.errors
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.line == line
    assert problem.column == COLUMNS.get(name)
    assert problem.field == field
    assert words in problem.message
    shown = str(problem)
    at = f"{line}:{COLUMNS[name]}" if name in COLUMNS else line
    assert shown.startswith(f"{path}:{at}: lỗi") or shown.startswith(f"tests/fixtures/bad/{name}.yaml:{at}: lỗi")
    if name in COLUMNS:
        assert "hãy xóa ký tự này" in problem.message


def test_every_bad_fixture_is_listed():
    on_disk = {p.stem for p in (FIXTURES / "bad").glob("*.yaml")}
    assert on_disk == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_checker_fails_with_the_file_and_line(name, capsys, monkeypatch, tally):
    """In-process, so every bad file costs milliseconds; the process itself is checked once below."""
    monkeypatch.chdir(ROOT)
    assert main(["check", f"tests/fixtures/bad/{name}.yaml"]) == 1
    err = capsys.readouterr().err
    at = f"{BAD[name][0]}:{COLUMNS[name]}" if name in COLUMNS else BAD[name][0]
    assert f"tests/fixtures/bad/{name}.yaml:{at}: lỗi" in err
    assert "Không đạt" in err
    tally["Tệp xấu trong tests/fixtures/bad bị make check từ chối"] += 1


def test_checker_process_exits_non_zero_without_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", "tests/fixtures/bad/unknown_unit.yaml"],
        cwd=ROOT, capture_output=True, text=True, env=check_env(),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"tests/fixtures/bad/unknown_unit.yaml:{BAD['unknown_unit'][0]}: lỗi" in result.stderr


# plan → what `make check` says about it: sections, leaf tasks, units, deliverable kinds, reports
SUMMARIES = {
    "xa-mau": "4 phần, 11 nhiệm vụ, 8 đơn vị, 5 loại sản phẩm, 7 báo cáo tiến độ.",
    "khong-nhom": "2 phần, 4 nhiệm vụ, 4 đơn vị, 2 loại sản phẩm, 0 báo cáo tiến độ.",
    "nhieu-don-vi": "3 phần, 13 nhiệm vụ, 26 đơn vị, 3 loại sản phẩm, 0 báo cáo tiến độ.",
}


@pytest.mark.parametrize("name", sorted(SUMMARIES))
def test_checker_summarises_a_valid_plan(name, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(REFERENCE_EPOCH))
    path = (PLAN_DIRS[name] / "plan.yaml").relative_to(ROOT)
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"Hợp lệ: {path}: {SUMMARIES[name]}\n" and err == ""


def test_missing_file_is_explained():
    result = run_cli("check", "khong-co.yaml")
    assert result.returncode == 1
    assert "không tìm thấy tệp" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["nfd", "bom", "crlf"])
def test_awkward_but_valid_files_load_as_nfc(name):
    raw = (FIXTURES / "good" / f"{name}.yaml").read_bytes()
    if name == "nfd":
        assert raw.decode() != unicodedata.normalize("NFC", raw.decode())
    if name == "bom":
        assert raw.startswith(b"\xef\xbb\xbf")
    if name == "crlf":
        assert b"\r\n" in raw
    plan = load_plan(FIXTURES / "good" / f"{name}.yaml").plan
    assert plan.units[0].name == "Phòng Văn hoá - Xã hội"
    assert unicodedata.is_normalized("NFC", plan.units[0].name)
    assert plan.task_by_id["I.1.a"].content == ["Việc thứ nhất của Uỷ ban."]


@pytest.mark.parametrize("name", sorted(PLAN_DIRS))
def test_all_text_of_a_plan_is_nfc(name):
    text = load_fixture(PLAN_DIRS[name]).plan.model_dump_json()
    assert unicodedata.is_normalized("NFC", text)


def test_warnings_for_empty_cells_do_not_fail(tmp_path):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace('        deliverable: {text: "Báo cáo", kinds: [bao-cao]}\n', "")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_plan(path)
    assert [p.field for p in loaded.warnings] == ["sections[I].tasks[I.1.a].deliverable"]
    assert "chưa có sản phẩm" in loaded.warnings[0].message


@pytest.mark.parametrize(("old", "new", "limit"), [
    ("- id: I.1.a", "- id: I.1" + "0" * 30 + ".a", MAX_TASK_ID),
    ("- id: I\n", "- id: " + "X" * 13 + "\n", MAX_SECTION_ID),
], ids=["task", "section"])
def test_task_and_section_ids_are_bounded_like_the_addresses_made_of_them(old, new, limit, tmp_path):
    """Their patterns alone allow "I.1000…0.a" of any length, and each id is a page address."""
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_plan(path)
    found = new.split("id: ")[1].strip()
    assert any(f"mã dài {len(found)} ký tự, quá giới hạn {limit} ký tự" in p.message for p in caught.value.errors)


def test_a_group_in_a_group_is_accepted_and_a_group_in_itself_refused_at_its_line(tmp_path):
    """Groups may sit in groups (macros/plan/assignments.py follows them); a circle, even of one group, is refused."""
    _, inner, outer, _ = NESTED
    assert load_plan(nested_groups(tmp_path / "nested") / "plan.yaml").plan.unit_by_id[inner].member_of == [outer]
    text = (XA_MAU / "plan.yaml").read_text(encoding="utf-8")
    entry = f"  - id: {inner}\n"
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(entry, f"{entry}    member_of: [{inner}]\n"), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(entry.rstrip("\n")) + 2  # the line after the id
    with pytest.raises(DataError) as caught:
        load_plan(path)
    [problem] = caught.value.errors
    assert (problem.line, problem.field.split(".")[-1].split("[")[0]) == (line, "member_of")
    assert "các nhóm không được lồng vòng tròn" in problem.message


@pytest.mark.parametrize(("code", "kept"), [('"51"', "51"), ('"01234"', "01234"), ("'22015'", "22015")])
def test_an_administrative_code_of_a_province_or_a_commune_is_kept_as_written(code, kept, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(_with_admin_code(code), encoding="utf-8")
    assert load_plan(path).plan.plan.admin_code == kept


@pytest.mark.parametrize("code", ["01234", "22015", '"2201"', '"220150"', '"5l"', '""'])
def test_an_administrative_code_of_another_shape_or_unquoted_is_refused_at_its_line(code, tmp_path):
    """Unquoted, 01234 is a number to YAML (668, read as octal) and its zero is lost: the message asks for quotes."""
    path = tmp_path / "plan.yaml"
    path.write_text(_with_admin_code(code), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(f"  admin_code: {code}") + 1
    with pytest.raises(DataError) as caught:
        load_plan(path)
    [problem] = caught.value.errors
    assert (problem.line, problem.field) == (line, "plan.admin_code")
    assert "2 chữ số (một tỉnh) hoặc 5 chữ số (một xã)" in problem.message and "ngoặc kép" in problem.message


def _with_admin_code(code: str) -> str:
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    issuer = next(line for line in text.splitlines() if line.startswith("  issuer:"))
    return text.replace(issuer, f"{issuer}\n  admin_code: {code}", 1)
