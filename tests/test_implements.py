"""A task's link to the task of the higher-level plan it carries out (``implements``): checked, shown, exported.

xa-mau's I.1 carries out task II.3 of its legal basis kh-42-kh-ubnd (an editor's link). The other cases add
links to a copy of xa-mau: one still only suggested (by make link), one to a basis the plan does not have."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from helpers import REFERENCE_DATE, XA_MAU, run_cli
from macros.diff import TASK_FIELDS
from macros.exports.plan_json import plan_from_export, plan_json
from macros.exports.tasks_csv import tasks_csv
from macros.plan.loader import SUGGESTED_LINK, load_plan
from macros.plan.problems import DataError
from macros.progress.state import progress_state
from macros.site.facts import BuildFacts
from macros.site.pages import Site
from macros.site.render import render_page
from test_exports_tables import read_csv

pytestmark = pytest.mark.unit

COLUMN = "Thực hiện nhiệm vụ của kế hoạch cấp trên"
I2_END = '''          text: "Hàng quý"
          kinds: [hang-quy]
'''


def with_i2_links(tmp_path: Path, links: str) -> Path:
    """A copy of xa-mau whose I.2 has ``links`` (YAML list items under implements:)."""
    text = (XA_MAU / "plan.yaml").read_text(encoding="utf-8")
    assert text.count(I2_END) == 1
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(I2_END, I2_END + "        implements:\n" + links), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def task_page(plan, task_id: str) -> lxml.html.HtmlElement:  # noqa: ANN001
    site = Site(plan, progress_state(plan, [], Path("/nonexistent"), REFERENCE_DATE), BuildFacts(REFERENCE_DATE))
    return lxml.html.fromstring(render_page(site, site.page("task", task_id)))


def lines_on(page: lxml.html.HtmlElement) -> list[str]:
    return [" ".join(p.text_content().split()) for p in page.xpath("//p[contains(@class,'kh-implements')]")]


def test_a_confirmed_link_is_exported_with_its_plan_resolved(plan):
    tasks = {t["id"]: t for t in json.loads(plan_json(plan, REFERENCE_DATE))["tasks"]}
    assert tasks["I.1"]["implements"] == [
        {"plan": "kh-42-kh-ubnd", "task": "II.3", "plan_number": "42/KH-UBND", "plan_issuer": "Ủy ban nhân dân tỉnh Thanh Sơn"}
    ]
    assert tasks["I.2"]["implements"] == []
    rows = {r["Mã nhiệm vụ"]: r for r in read_csv(tasks_csv(plan))}
    assert rows["I.1"][COLUMN] == "42/KH-UBND: II.3" and rows["I.2"][COLUMN] == ""
    assert "implements" in TASK_FIELDS  # a pull request that links a task says so


def test_the_task_page_says_which_task_of_which_plan_it_carries_out(plan):
    assert lines_on(task_page(plan, "I.1")) == [
        "Thực hiện nhiệm vụ II.3 của Kế hoạch số 42/KH-UBND ngày 12/6/2025 của Ủy ban nhân dân tỉnh Thanh Sơn."
    ]
    assert lines_on(task_page(plan, "I.2")) == []


def test_a_suggested_link_is_warned_about_at_its_line_and_neither_shown_nor_exported(tmp_path):
    path = with_i2_links(tmp_path, "          - plan: kh-42-kh-ubnd\n            task: I.4\n            suggested: 0.83\n"
                                   "          - plan: qd-749-qd-ttg\n            task: III.1\n")
    loaded = load_plan(path)
    [warning] = [w for w in loaded.warnings if "implements" in w.field]
    assert (warning.line, warning.field) == (line_of(path, "suggested: 0.83"), "sections[I].tasks[I.2].implements[0].suggested")
    assert warning.message.startswith(SUGGESTED_LINK) and "nhiệm vụ I.4 của 42/KH-UBND, độ giống 0,83" in warning.message
    plan = loaded.plan
    [exported] = [t["implements"] for t in json.loads(plan_json(plan, REFERENCE_DATE))["tasks"] if t["id"] == "I.2"]
    assert [link["task"] for link in exported] == ["III.1"]  # the confirmed one only
    assert {r["Mã nhiệm vụ"]: r for r in read_csv(tasks_csv(plan))}["I.2"][COLUMN] == "749/QĐ-TTg: III.1"
    assert lines_on(task_page(plan, "I.2")) == [
        "Thực hiện nhiệm vụ III.1 của Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt "
        "Chương trình Chuyển đổi số quốc gia."
    ]
    again = plan_from_export(json.loads(plan_json(plan, REFERENCE_DATE)))
    assert [link.task for link in again.task_by_id["I.2"].implements] == ["III.1"]


def test_make_check_passes_a_suggested_link_with_its_warning(tmp_path):
    path = with_i2_links(tmp_path, "          - plan: kh-42-kh-ubnd\n            task: I.4\n            suggested: 0.5\n")
    result = run_cli("check", str(path))
    assert result.returncode == 0, result.stderr
    assert f"{path}:{line_of(path, 'suggested: 0.5')}: cảnh báo" in result.stderr and SUGGESTED_LINK in result.stderr
    assert "1 cảnh báo" in result.stdout


@pytest.mark.parametrize(
    ("links", "at", "field", "words"),
    [
        ("          - plan: kh-17-kh-ubnd\n            task: V.8\n", "plan: kh-17-kh-ubnd",
         "sections[I].tasks[I.2].implements[0].plan",
         'không có căn cứ với mã "kh-17-kh-ubnd"; liên kết cần mã của kế hoạch cấp trên trong plan.legal_bases '
         "(kh-42-kh-ubnd, qd-749-qd-ttg, nq-57-nq-tw)"),
        ("          - {plan: kh-42-kh-ubnd, task: II.3}\n          - {plan: kh-42-kh-ubnd, task: II.3}  # lần hai\n",
         "# lần hai", "sections[I].tasks[I.2].implements[1].task", "liên kết tới nhiệm vụ II.3 của 42/KH-UBND có hai lần"),
        ("          - plan: kh-42-kh-ubnd\n            task: Nhiệm vụ 3\n", "task: Nhiệm vụ 3",
         "sections[I].tasks[I.2].implements[0].task", "mã nhiệm vụ không hợp lệ"),
        ("          - plan: kh-42-kh-ubnd\n            task: II.3\n            suggested: 1.5\n", "suggested: 1.5",
         "sections[I].tasks[I.2].implements[0].suggested", "cần một số không lớn hơn 1"),
    ],
    ids=["unknown-basis", "twice", "bad-task-id", "score-above-1"],
)
def test_a_wrong_link_is_refused_at_its_line(tmp_path, links, at, field, words):
    path = with_i2_links(tmp_path, links)
    with pytest.raises(DataError) as caught:
        load_plan(path)
    [problem] = caught.value.errors
    assert (problem.line, problem.field) == (line_of(path, at), field)
    assert words in problem.message
