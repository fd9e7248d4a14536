"""``make link``: suggests, for each task of a commune's plan, the province's task it carries out, and writes the
suggestion into plan.yaml without touching anything else.

The province's plan.json is made with plan_json() from tests/fixtures/cascade/tinh.yaml, as its site would
publish it; the commune's plan (xa.yaml beside it) copies its tasks reworded and in another order, so the right
answer is known: EXPECTED. xa.yaml's I.3 has a link an editor set, II.3 an older (wrong) suggestion, and III.1 a
suggestion for its other legal basis; III.3 has no counterpart in the province's plan."""

from __future__ import annotations

import difflib
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import FIXTURES, REFERENCE_DATE, ROOT, run_cli
from macros.exports.plan_json import plan_json
from macros.linking.similarity import Scorer
from macros.plan.loader import SUGGESTED_LINK, load_plan
from macros.plan.model import TaskLink

pytestmark = pytest.mark.unit

CASCADE = FIXTURES / "cascade"
BASIS = "kh-17-kh-ubnd"
EXPECTED = {
    "I.1": "III.1", "I.2": "I.1", "II.1": "II.1.b", "II.2": "II.1.a", "II.3": "II.3", "II.4": "III.4",
    "III.1": "III.3", "III.2": "II.2", "III.4.a": "III.2",
}  # fmt: skip
"""Commune task → the province's task it copies."""
BLOCK_LINE = re.compile(r"^ +(implements:|- plan: [a-z0-9-]+|task: [IVXLCDM]+(\.[0-9]+)+(\.[a-zđ])?|suggested: [0-9.]+)$")
"""The only lines make link writes."""


def province_json(change=None) -> dict:  # noqa: ANN001
    data = json.loads(plan_json(load_plan(CASCADE / "tinh.yaml").plan, REFERENCE_DATE, "https://tinh.example.org/"))
    if change:
        change(data)
    return data


@pytest.fixture
def parent(tmp_path: Path) -> Path:
    path = tmp_path / "tinh" / "plan.json"
    path.parent.mkdir()
    path.write_text(json.dumps(province_json(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def child(tmp_path: Path) -> Path:
    path = tmp_path / "xa" / "plan.yaml"
    path.parent.mkdir()
    shutil.copy(CASCADE / "xa.yaml", path)
    return path


def link(parent: Path | str, child: Path, *options: str):  # noqa: ANN201
    return run_cli("link", str(parent), "--plan", str(child), *options)


def suggested(path: Path, basis: str = BASIS) -> dict[str, str]:
    """Task → the province's task suggested for it (for ``basis``)."""
    plan = load_plan(path).plan
    return {t.id: link.task for t in plan.leaf_tasks for link in t.implements if link.plan == basis and not link.confirmed}


def test_each_task_is_given_the_provinces_task_it_copies(parent, child):
    result = link(parent, child)
    assert result.returncode == 0, result.stderr
    assert suggested(child) == EXPECTED
    plan = load_plan(child).plan
    assert all(0.5 <= link.suggested <= 1 and round(link.suggested, 2) == link.suggested
               for t in plan.leaf_tasks for link in t.implements if not link.confirmed)
    assert plan.task_by_id["I.3"].implements == [TaskLink(plan=BASIS, task="I.1")]  # the editor's, kept
    assert plan.task_by_id["III.3"].implements == []  # nothing alike: no suggestion
    assert [(link.plan, link.task) for link in plan.task_by_id["III.1"].implements] == [
        ("qd-1560-qd-ttg", "II.3"), (BASIS, "III.3")]  # the other basis's suggestion is not this run's to replace
    rows = {line.split()[0]: line.split()[1:3] for line in result.stdout.splitlines()[1:] if line[:1].isupper()}
    assert rows["II.3"][0] == "II.3" and rows["III.3"][:1] == ["—"] and rows["I.3"][:1] == ["—"]
    assert "9 nhiệm vụ có gợi ý; 1 nhiệm vụ giữ liên kết do người biên tập đặt; 1 nhiệm vụ dưới ngưỡng 0,50" in result.stdout


def test_only_implements_blocks_change_and_the_editors_link_is_left_as_written(parent, child):
    before = child.read_text(encoding="utf-8").splitlines()
    assert link(parent, child).returncode == 0
    after = child.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.ndiff(before, after))
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:] for line in diff if line.startswith("+ ")]
    assert removed == ["        implements: [{plan: kh-17-kh-ubnd, task: II.2, suggested: 0.41}]"]  # the older suggestion
    assert added and all(BLOCK_LINE.match(line) for line in added), [a for a in added if not BLOCK_LINE.match(a)]
    editors = before[before.index("      - id: I.3"):before.index("  - id: II")]
    assert "          # Người biên tập đặt liên kết này: make link không được sửa." in editors
    assert after[after.index("      - id: I.3"):after.index("  - id: II")] == editors


def test_a_second_run_changes_nothing(parent, child):
    assert link(parent, child).returncode == 0
    first = child.read_bytes()
    again = link(parent, child)
    assert again.returncode == 0 and child.read_bytes() == first
    assert f"{child} không đổi" in again.stdout


def test_the_result_passes_make_check_with_one_warning_per_suggestion(parent, child):
    assert link(parent, child).returncode == 0
    result = run_cli("check", str(child))
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if SUGGESTED_LINK in line]
    assert len(warned) == len(EXPECTED) + 1  # and III.1's suggestion for the other basis
    assert all(re.match(rf"{re.escape(str(child))}:\d+: cảnh báo ", line) for line in warned)


def test_a_higher_threshold_replaces_older_suggestions_with_fewer(parent, child):
    assert link(parent, child).returncode == 0
    scores = {t.id: link.suggested for t in load_plan(child).plan.leaf_tasks for link in t.implements
              if link.plan == BASIS and link.suggested is not None}
    assert link(parent, child, "--min-score", "0.8").returncode == 0
    assert suggested(child) == {task: EXPECTED[task] for task, score in scores.items() if score >= 0.8}
    assert len(suggested(child)) < len(EXPECTED)


def test_any_minor_of_major_1_is_read_and_its_unknown_fields_ignored(parent, child, tmp_path):
    def later(data: dict) -> None:
        data["export"]["minor"] = 9
        data["rollup"] = {"members": ["xa-hoa-binh"]}
        data["plan"]["region"] = "Bắc Trung Bộ"
        for task in data["tasks"]:
            task["budget"] = None
            task.pop("status")
        data["tasks"].insert(0, {"id": "không phải mã", "content": ["Nhiệm vụ có mã lạ."]})
        data["tasks"].append({"id": "IX.1", "content": 42})

    newer = tmp_path / "moi.json"
    newer.write_text(json.dumps(province_json(later), ensure_ascii=False), encoding="utf-8")
    assert link(newer, child).returncode == 0
    assert suggested(child) == EXPECTED


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (json.dumps({**province_json(), "export": {**province_json()["export"], "version": 2}}),
         "phiên bản 2 của định dạng ke-hoach-nhiem-vu chưa được hỗ trợ"),
        (json.dumps({**province_json(), "export": {"format": "frictionless", "version": 1}}),
         "đây là định dạng \"frictionless\", cần plan.json"),
        ("{\"export\": ", "không phải một tệp JSON đọc được"),
        (json.dumps({**province_json(), "tasks": []}), "không có nhiệm vụ nào dùng được"),
    ],
    ids=["major-2", "another-format", "not-json", "no-tasks"],
)
def test_a_file_it_cannot_read_is_refused_in_vietnamese_and_the_plan_left_alone(child, tmp_path, content, words):
    other = tmp_path / "khac.json"
    other.write_text(content, encoding="utf-8")
    before = child.read_bytes()
    result = link(other, child)
    assert result.returncode == 1 and words in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{other}: lỗi: ")
    assert child.read_bytes() == before


def test_the_basis_is_the_one_with_the_parents_number_and_issuer_or_the_one_named(child, tmp_path):
    def elsewhere(data: dict) -> None:
        data["plan"]["issuer"] = "Ủy ban nhân dân tỉnh Lam Hồng"  # another province's 17/KH-UBND

    other = tmp_path / "khac.json"
    other.write_text(json.dumps(province_json(elsewhere), ensure_ascii=False), encoding="utf-8")
    result = link(other, child)
    assert result.returncode == 1
    assert "có căn cứ số 17/KH-UBND nhưng của cơ quan khác" in result.stderr and "--basis" in result.stderr
    assert link(other, child, "--basis", BASIS).returncode == 0
    assert suggested(child) == EXPECTED
    unknown = link(other, child, "--basis", "kh-99")
    assert unknown.returncode == 1 and 'không có căn cứ với mã "kh-99" (--basis)' in unknown.stderr


def test_a_parent_without_a_number_needs_the_basis_named(child, tmp_path):
    other = tmp_path / "khong-so.json"
    other.write_text(json.dumps(province_json(lambda d: d["plan"].update(number=None))), encoding="utf-8")
    result = link(other, child)
    assert result.returncode == 1 and "không ghi số (plan.number); hãy chọn căn cứ bằng --basis" in result.stderr
    assert link(other, child, "--basis", BASIS).returncode == 0 and suggested(child) == EXPECTED


def test_line_breaks_a_bom_and_a_missing_last_line_break_are_kept(parent, child):
    text = child.read_text(encoding="utf-8").rstrip("\n")
    child.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    assert link(parent, child).returncode == 0
    raw = child.read_bytes().decode("utf-8")
    assert raw.startswith("\ufeff") and "\n" not in raw.replace("\r\n", "")
    assert suggested(child) == EXPECTED
    assert raw.endswith("            suggested: 0.83\r\n")  # III.4.a, the file's last task, got its block after its last line


def test_a_task_written_on_one_line_is_left_and_said_so(parent, child):
    text = child.read_text(encoding="utf-8")
    start, end = text.index("      - id: III.2\n"), text.index("      - id: III.3\n")
    one_line = ('      - {id: III.2, number: "2", content: ["Rà soát chính sách cho vay nước sạch và vệ sinh môi trường '
                'nông thôn tại các thôn."], lead: {text: "Văn phòng HĐND và UBND xã", units: [van-phong]}, '
                'deliverable: {text: "Báo cáo", kinds: [bao-cao]}, schedule: {text: "Thường xuyên", kinds: [thuong-xuyen]}}\n')
    child.write_text(text[:start] + one_line + text[end:], encoding="utf-8")
    result = link(parent, child)
    assert result.returncode == 0, result.stderr
    assert suggested(child) == {k: v for k, v in EXPECTED.items() if k != "III.2"}
    assert one_line in child.read_text(encoding="utf-8")
    assert "1 nhiệm vụ viết trên một dòng không ghi được (III.2)" in result.stdout


def test_make_link_needs_the_parent():
    result = subprocess.run(["make", "-s", "link"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "make link PARENT=plan.json" in result.stderr


class FakeAnswer(io.BytesIO):
    def __enter__(self):  # noqa: ANN204
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def test_an_https_address_is_fetched_with_a_timeout_and_a_size_cap(child, monkeypatch):
    import macros.linking.parent as parent_module

    body = json.dumps(province_json(), ensure_ascii=False).encode("utf-8")
    asked: list[tuple[str, float]] = []

    def urlopen(request, timeout):  # noqa: ANN001, ANN202
        asked.append((request.full_url, timeout))
        return FakeAnswer(body)

    monkeypatch.setattr(parent_module.urllib.request, "urlopen", urlopen)
    assert link("https://tinh.example.org/du-lieu/plan.json", child).returncode == 0
    assert asked == [("https://tinh.example.org/du-lieu/plan.json", 10)] and suggested(child) == EXPECTED
    monkeypatch.setattr(parent_module, "MAX_BYTES", len(body) - 1)
    result = link("https://tinh.example.org/du-lieu/plan.json", child)
    assert result.returncode == 1 and "tệp lớn quá" in result.stderr
    plain = link("http://tinh.example.org/du-lieu/plan.json", child)
    assert plain.returncode == 1 and "chỉ tải được địa chỉ https://" in plain.stderr


def test_the_score_folds_diacritics_and_weighs_rare_words_more():
    scorer = Scorer(["Rà soát chính sách cho vay nước sạch", "Rà soát chính sách cho học sinh sinh viên"])
    same, other = scorer.scores("RA SOAT CHINH SACH CHO VAY NUOC SACH")
    assert same == pytest.approx(1.0) and other < 0.5
    assert scorer.scores("Sửa mái nhà văn hóa thôn") == [0.0, 0.0]
    water, students = scorer.scores("nước sạch")  # two rare words outweigh the four every task has
    assert water > students

