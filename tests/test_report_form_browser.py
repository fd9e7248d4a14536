"""Gửi báo cáo tiến độ (bao-cao/) in a real browser: the form writes files the checker accepts, and only those.

Two halves. The form's check (docs/assets/bao-cao-form.js, window.khReportForm) and `make check`'s
(macros.progress.updates.load_updates) are run over the same report files, and must find the same
problems, field by field; the file name, GitHub's address and "takes part in the task" must be the same
in both languages. Then the page is used as a clerk would: filled with the mouse or the keyboard alone,
with mistakes and with hostile text, and what it produces is saved, checked and built into a site.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from helpers import (
    FIXTURES,
    NESTED,
    REFERENCE_DATE,
    ROOT,
    UPDATES_IN_PROJECT,
    XA_MAU,
    BuiltSite,
    axe_violations,
    build_site,
    copy_project,
    load_fixture,
    nested_groups,
    run_cli,
)
from macros import urls
from macros.plan.assignments import membership
from macros.plan.loader import load_plan
from macros.plan.problems import DataError
from macros.plan.yamlsource import load_yaml
from macros.progress.state import progress_state
from macros.progress.updates import UPDATE_FILENAME, load_updates, update_filename
from macros.site.facts import BuildFacts, Repo
from macros.site.pages import Site
from macros.text import INVISIBLE, code_point

pytestmark = pytest.mark.browser

FIX = FIXTURES / "updates"
TODAY = dt.date(2025, 10, 2)  # the reference date of tests/fixtures/updates (tests/test_updates.py)
REPO = Repo("https://github.com/to-chuc/kho")
SCRIPTS = [ROOT / "docs" / "assets" / name for name in ("kh-common.js", "bao-cao-form.js")]  # as the page loads them

# Text a clerk may type that YAML, Jinja or HTML would read as something else; each must come back as typed.
HOSTILE = [
    'Đợt 1: đã xong "phần lớn" # còn lại',
    "key: value\n- mục\n  thụt lề\n? hỏi",
    "{{ 7*7 }} {% if x %}y{% endif %} {# c #}",
    "<script>alert(1)</script> <b>đậm</b> &amp; &lt;",
    "  khoảng trắng đầu và cuối  ",
    "dấu \\ gạch ngược \\n không phải xuống dòng, tab\tở giữa",
    "'nháy đơn' `backtick` *sao* & | > @ % !",
    "null",
    "yes",
    "2025-10-01",
    "Emoji 🎉 và chữ Hán 漢字",
    "dòng một\ndòng hai\n\ndòng bốn",
    "---\n...\n%YAML",
]


def form_rules(plan_dir: Path, updates: Path | None, today: dt.date) -> dict[str, Any]:
    """What the build writes as bao-cao/bieu-mau.json for a plan and its reports (the page's data() itself)."""
    loaded = load_plan(plan_dir / "plan.yaml")
    progress = progress_state(loaded.plan, loaded.warnings, updates or plan_dir / "absent", today)
    site = Site(loaded.plan, progress, BuildFacts(reference_date=today, repo=REPO))
    return site.page_types["report_form"].data()  # type: ignore[attr-defined, no-any-return]


@pytest.fixture(scope="module")
def script(browser):
    """A blank page running the form's script: its pure functions, without the form."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><html lang='vi'><head><title>t</title></head><body></body></html>")
    for script in SCRIPTS:
        page.add_script_tag(path=str(script))
    yield page
    context.close()


@pytest.fixture(scope="module")
def small():
    return load_plan(FIX / "plan.yaml").plan, form_rules(FIX, FIX / "updates", TODAY)


def as_json(value: Any) -> Any:
    """A report as the browser receives it: dates written as the file writes them."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


# ---------------------------------------------------------------- the browser's check agrees with make check

CASES = sorted(p for folder in ("bad", "updates", "form") for p in (FIX / folder).glob("*.yaml") if p.name != "empty.yaml")


def python_verdict(case: Path, plan: Any, tmp_path: Path) -> set[tuple[str, str]]:
    """(field, severity) of what `make check` finds in ``case``, beside the reports already filed."""
    directory = tmp_path / "updates"
    directory.mkdir()
    for existing in (FIX / "updates").glob("*.yaml"):
        shutil.copy(existing, directory / existing.name)
    name = case.name if case.parent.name == "updates" else f"zz-{case.name}"  # after the filed ones, as the checker reads
    shutil.copy(case, directory / name)
    try:
        problems = load_updates(directory, plan, TODAY).warnings
    except DataError as exc:
        problems = exc.problems
    return {(p.field.split(".")[0], p.severity) for p in problems if p.file.endswith(f"/{name}")}


def browser_verdict(script, case: Path, rules: dict[str, Any]) -> set[tuple[str, str]]:
    """The same, from the form's check; the checker names the status line when a reason is missing,
    refuses a file holding characters nobody can see before reading its fields, and looks at the plan
    only once the file's shape is right."""
    report = as_json(read_unchecked(case))
    if case.parent.name == "updates":  # a filed report, checked as if it were new: not a duplicate of itself
        rules = {**rules, "existing": [name for name in rules["existing"] if name != case.name]}
    problems = script.evaluate("([r, t, rules]) => khReportForm.check(r, t, rules)", [report, TODAY.isoformat(), rules])
    first = next((stage for stage in ("read", "schema") if any(p["stage"] == stage for p in problems)), None)
    if first:
        problems = [p for p in problems if p["stage"] == first]
    return {("status" if p["rule"] == "needs-reason" else p["field"].split(".")[0], p["severity"]) for p in problems}


def read_unchecked(case: Path) -> Any:
    """A report's data as the form would hold it, even when the checker's reader refuses the file."""
    try:
        return load_yaml(case).data
    except DataError:
        return yaml.safe_load(case.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_form_finds_what_make_check_finds(script, small, case, tmp_path):
    plan, rules = small
    expected = python_verdict(case, plan, tmp_path)
    assert browser_verdict(script, case, rules) == expected


def test_the_cases_cover_every_rule(script, small):
    """Each rule of the form's check is met by some file above, so agreement is tested rule by rule."""
    _, rules = small
    seen = set()
    for case in CASES:
        if case.parent.name == "updates":
            continue
        report = as_json(read_unchecked(case))
        problems = script.evaluate("([r, t, rules]) => khReportForm.check(r, t, rules)", [report, TODAY.isoformat(), rules])
        seen |= {p["rule"] for p in problems}
    assert seen == {"required", "pattern", "enum", "type", "maxLength", "format", "unknown", "no-task", "future",
                    "needs-reason", "empty", "no-unit", "outside", "duplicate", "invisible"}


@pytest.mark.parametrize("char", sorted(INVISIBLE), ids=code_point)
def test_every_character_make_check_refuses_unseen_the_form_refuses_in_its_words(script, small, char, tmp_path):
    plan, rules = small
    case = tmp_path / "case" / "an.yaml"
    case.parent.mkdir()
    case.write_text(f'task: I.1.a\ndate: 2025-09-01\nstatus: tam-dung\nunit: phong-van-hoa\nnote: "Đã họp"\n'
                    f'evidence:\n  title: "Biên bản{char} họp"\n', encoding="utf-8")
    assert python_verdict(case, plan, tmp_path) == {("evidence", "error")}
    assert browser_verdict(script, case, rules) == {("evidence", "error")}
    [problem] = script.evaluate("([r, t, rules]) => khReportForm.check(r, t, rules)",
                                [as_json(read_unchecked(case)), TODAY.isoformat(), rules])
    assert (problem["field"], problem["rule"], problem["code"], problem["position"]) == ("evidence.title", "invisible",
                                                                                      code_point(char), 9)


def test_unit_outside_the_task_warns_in_the_checkers_words(script, small, tmp_path):
    plan, rules = small
    case = FIX / "form" / "outside_unit.yaml"
    shutil.copy(case, tmp_path / case.name)
    [warning] = load_updates(tmp_path, plan, TODAY).warnings
    report = as_json(load_yaml(case).data)
    [problem] = script.evaluate("([r, t, rules]) => khReportForm.check(r, t, rules)", [report, TODAY.isoformat(), rules])
    assert problem["text"] == warning.message


@pytest.mark.parametrize("nested", [False, True], ids=["xa-mau", "group-in-a-group"])
def test_file_name_address_and_takes_part_are_the_pythons(script, nested, tmp_path):
    plan_dir = nested_groups(tmp_path) if nested else XA_MAU
    plan = load_fixture(plan_dir).plan
    rules = form_rules(plan_dir, None, REFERENCE_DATE)
    pairs = [(t, u) for t in plan.leaf_tasks for u in plan.units]
    got = script.evaluate(
        """([pairs, rules]) => pairs.map(([task, unit]) => [
             khReportForm.filename({task: task, unit: unit, date: "2025-10-02"}, rules),
             khReportForm.takesPart(rules.units.find(u => u.id === unit),
                                    rules.sections.flatMap(s => s.tasks).find(t => t.id === task))])""",
        [[[t.id, u.id] for t, u in pairs], rules],
    )
    groups = membership(plan)
    expected = [[update_filename(t.id, u.id, dt.date(2025, 10, 2)), groups.takes_part(u.id, t)] for t, u in pairs]
    assert got == expected
    school, _, _, task_id = NESTED
    assert groups.takes_part(school, plan.task_by_id[task_id]) is nested  # the pair that tells the two plans apart
    text = "task: I.1\nnote: \"a b/c?d=e&f#g (h) 'i' *j* !k ~l\"\n"
    url = script.evaluate("([n, t, rules]) => khReportForm.githubUrl(n, t, rules)", ["a b.yaml", text, rules])
    assert url == REPO.new_file(UPDATES_IN_PROJECT, "a b.yaml", text)


def test_the_form_reads_the_file_name_and_who_takes_part_from_its_data(script, small):
    """Nothing of either is written in the script: change the data and the form follows."""
    plan, rules = small
    task = plan.leaf_tasks[0]
    outsider = next(u for u in plan.units if not membership(plan).takes_part(u.id, task))
    report = {"task": task.id, "unit": outsider.id, "date": "2025-10-01", "status": "dang-thuc-hien", "note": ""}
    changed = json.loads(json.dumps(rules))
    changed["filename"] = "{unit}/{task}-{date}.yaml"
    for section in changed["sections"]:
        for t in section["tasks"]:
            if t["id"] == task.id:
                t["takes_part"] = [*t["takes_part"], outsider.id]
    check = "([r, t, rules]) => khReportForm.check(r, t, rules).map(p => p.rule)"
    assert "outside" in script.evaluate(check, [report, TODAY.isoformat(), rules])
    assert "outside" not in script.evaluate(check, [report, TODAY.isoformat(), changed])
    name = script.evaluate("([r, rules]) => khReportForm.filename(r, rules)", [report, changed])
    assert rules["filename"] == UPDATE_FILENAME
    assert name == f"{outsider.id}/{task.slug}-2025-10-01.yaml"


def test_what_is_typed_comes_back_from_the_file_exactly(script, small, tmp_path):
    """Each hostile text, typed in every free-text field (decomposed too), is read back by the loader as typed, in NFC."""
    plan, rules = small
    for n, typed in enumerate(HOSTILE + [unicodedata.normalize("NFD", t) for t in HOSTILE]):
        values = {"task": "I.1.a", "date": "2025-10-01", "status": "tam-dung", "unit": "phong-van-hoa", "note": typed,
                  "reason": typed, "evidence.number": typed, "evidence.title": typed, "evidence.link": "https://example.org/a"}
        text = script.evaluate("([v, rules]) => khReportForm.yamlOf(khReportForm.reportOf(v), rules)", [values, rules])
        directory = tmp_path / str(n)
        directory.mkdir()
        (directory / "bao-cao.yaml").write_text(text, encoding="utf-8")
        [record] = load_updates(directory, plan, TODAY).records
        wanted = unicodedata.normalize("NFC", typed)
        update = record.update
        assert (update.note, update.reason, update.evidence.number, update.evidence.title) == (wanted,) * 4, text


def test_invisible_control_characters_are_dropped_and_line_breaks_kept(script, small, tmp_path):
    plan, rules = small
    typed = "a\u0000b\u0007c\u001bd\u007fe\u0085f\u2028g\vh\r\ni\rjk"
    values = {"task": "I.1.a", "date": "2025-10-01", "status": "dang-thuc-hien", "unit": "phong-van-hoa", "note": typed}
    text = script.evaluate("([v, rules]) => khReportForm.yamlOf(khReportForm.reportOf(v), rules)", [values, rules])
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    [record] = load_updates(tmp_path, plan, TODAY).records
    assert record.update.note == "abcde\nf\ng\nh\ni\njk"


# ---------------------------------------------------------------- the page, used as a clerk uses it


def open_form(page, base_url: str, address: str = urls.REPORT_FORM) -> None:  # noqa: ANN001
    page.goto(base_url + address)
    page.wait_for_selector("#kh-report-form:not([hidden])")


def fill_report(page, *, unit: str, status: str, date: str | None = None, note: str = "", reason: str = "") -> None:  # noqa: ANN001
    page.select_option("#f-unit", unit)
    page.check(f"#f-status-{status}")
    if date:
        page.fill("#f-date", date)
    page.fill("#f-note", note)
    page.fill("#f-reason", reason)


def produced(page) -> tuple[str, str, str]:  # noqa: ANN001
    """(file name, file text, GitHub address) the page shows once the form is valid."""
    page.click("button[type=submit]")
    assert page.locator("#kh-report-result").is_visible()
    name = page.locator("#kh-report-filename").inner_text()
    text = page.locator("#kh-report-yaml").evaluate("code => code.textContent")
    return name, text, page.locator("#kh-report-github").get_attribute("href")


NOTE = 'Đợt 1: đã họp "toàn thể" # ghi chú: {{ 7*7 }} {% raw %} <b>đậm</b> <script>alert(1)</script> &amp; xong'
NFD_NOTE = unicodedata.normalize("NFD", "Trạm Y tế đã cập nhật hồ sơ sức khỏe điện tử cho người dân")


@pytest.fixture(scope="module")
def filed(browser, base_url, tmp_path_factory):
    """Two reports made with the form, saved in a copy of the xa-mau project, checked and built."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    open_form(page, base_url, urls.report_form("II.1.c"))
    fill_report(page, unit="buu-dien", status="hoan-thanh", date="2025-10-14", note=NOTE)
    page.fill("#f-evidence-number", "12/BC-BĐ")
    page.fill("#f-evidence-link", "https://example.org/12-bc.pdf")
    first = produced(page)
    open_form(page, base_url)
    page.fill("#f-task-filter", "ho so suc khoe")
    page.select_option("#f-task", "III.1")
    fill_report(page, unit="tram-y-te", status="dang-thuc-hien", date="2025-10-13", note=NFD_NOTE)
    second = produced(page)
    context.close()
    work = tmp_path_factory.mktemp("bao-cao")
    project = copy_project(work / "project", XA_MAU)
    for name, text, _ in (first, second):
        (project / UPDATES_IN_PROJECT / name).write_text(text, encoding="utf-8")
    check = run_cli("check", cwd=project)
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return first, second, check, BuiltSite(work / "site", project)


def test_a_good_report_gives_a_file_and_a_link_that_pass_the_checker_and_show_on_the_task_page(filed):
    (name, text, link), _, check, site = filed
    assert name == "2025-10-14-ii-1-c-buu-dien.yaml"
    assert text.startswith("# yaml-language-server: $schema=../update.schema.json\n")
    assert "\ntask: II.1.c\ndate: 2025-10-14\nstatus: hoan-thanh\nunit: buu-dien\n" in text
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
    assert link.startswith(REPO_OF_SITE) and query == {"filename": [name], "value": [text]}
    assert check.returncode == 0, check.stdout + check.stderr
    assert "9 báo cáo tiến độ" in check.stdout and "cảnh báo" not in check.stdout + check.stderr
    history = site.tree(urls.task("II.1.c")).xpath("//ol[contains(@class,'kh-timeline')]/li")
    assert history[0].xpath("string(.//p[2])") == NOTE  # the note exactly as typed, newest first
    assert "12/BC-BĐ" in history[0].text_content()
    assert "Hoàn thành" in site.text(urls.task("II.1.c"))


REPO_OF_SITE = "https://github.com/ten-to-chuc/ke-hoach-tin-dung-ba-dinh/new/main/data/updates?"


def test_decomposed_input_is_saved_composed(filed):
    _, (name, text, _), _, site = filed
    assert name == "2025-10-13-iii-1-tram-y-te.yaml"
    composed = unicodedata.normalize("NFC", NFD_NOTE)
    assert f'note: "{composed}"' in text and unicodedata.is_normalized("NFC", text)
    assert composed in site.text(urls.task("III.1"))


def test_the_task_button_opens_the_form_with_the_task_and_its_units_first(page, base_url, plan):
    page.goto(base_url + urls.task("I.3"))
    page.click("a.kh-open-form")
    page.wait_for_selector("#kh-report-form:not([hidden])")
    assert page.url == base_url + urls.report_form("I.3")
    assert page.input_value("#f-task") == "I.3"
    groups = page.locator("#f-unit optgroup").evaluate_all(
        "gs => gs.map(g => [g.label, Array.from(g.children).map(o => o.value)])")
    # I.3 is led by the group of schools, coordinated by the office: the group, its members, the office, then the rest.
    assert groups[0] == ["Chủ trì, phối hợp nhiệm vụ I.3", ["cac-truong-hoc", "truong-tieu-hoc", "truong-thcs", "van-phong"]]
    assert groups[1][0] == "Đơn vị khác" and len(groups[1][1]) == len(plan.units) - 4
    assert page.input_value("#f-unit") == ""  # the clerk says which unit reports; nothing is assumed


def test_a_dropped_task_without_reason_is_refused_next_to_the_field_and_gives_no_link(page, base_url):
    open_form(page, base_url, urls.report_form("II.1.b"))
    fill_report(page, unit="tai-chinh", status="khong-thuc-hien")
    error = page.locator("#f-reason-error")
    assert error.is_visible() and error.inner_text() == 'Tình trạng "Không thực hiện" cần ghi lý do.'
    page.click("button[type=submit]")
    reason = page.locator("#f-reason")
    assert reason.get_attribute("aria-invalid") == "true"
    assert "f-reason-error" in reason.get_attribute("aria-describedby").split()
    assert not page.locator("#kh-report-result").is_visible()
    assert not page.locator("#kh-report-github").is_visible()
    assert page.locator("#kh-form-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "kh-form-summary"
    page.fill("#f-reason", "Đã gộp vào nhiệm vụ II.1.a.")
    assert page.locator("#kh-report-github").is_visible() and reason.get_attribute("aria-invalid") is None


def test_a_unit_outside_the_task_is_warned_but_may_report(page, base_url):
    open_form(page, base_url, urls.report_form("III.1"))
    fill_report(page, unit="buu-dien", status="dang-thuc-hien")
    warning = page.locator("#f-unit-warning")
    assert warning.is_visible()
    assert 'đơn vị "Bưu điện xã" không chủ trì, không phối hợp nhiệm vụ III.1' in warning.inner_text()
    assert "f-unit-warning" in page.get_attribute("#f-unit", "aria-describedby").split()
    assert page.get_attribute("#f-unit", "aria-invalid") is None
    assert page.locator("#kh-report-github").is_visible()


def test_the_date_is_today_in_vietnam_and_never_later(page, base_url):
    open_form(page, base_url, urls.report_form("III.1"))
    today = page.evaluate("() => new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh'}).format(new Date())")
    assert page.input_value("#f-date") == today and page.get_attribute("#f-date", "max") == today
    fill_report(page, unit="tram-y-te", status="dang-thuc-hien", date=str(dt.date.fromisoformat(today) + dt.timedelta(days=1)))
    page.click("button[type=submit]")
    assert "sau hôm nay" in page.locator("#f-date-error").inner_text()
    assert page.get_attribute("#f-date", "aria-invalid") == "true"
    assert not page.locator("#kh-report-github").is_visible()


def test_a_character_nobody_can_see_is_refused_as_it_is_typed(page, base_url):
    """Pasted from Word: the error shows at once, before the clerk leaves the field, and no file is offered."""
    open_form(page, base_url, urls.report_form("III.1"))
    fill_report(page, unit="tram-y-te", status="hoan-thanh")
    page.locator("#f-evidence-title").press_sequentially("Biên\u200b bản")
    error = page.locator("#f-evidence-title-error")
    assert error.is_visible()
    assert error.inner_text().startswith("Ở vị trí thứ 5 có ký tự vô hình U+200B (dấu cách không độ rộng)")
    assert error.inner_text().endswith("hãy xóa ký tự này.")
    assert page.get_attribute("#f-evidence-title", "aria-invalid") == "true"
    assert not page.locator("#kh-report-github").is_visible()
    page.fill("#f-note", "Đã họp \u202ecả thôn")
    assert "U+202E (ký tự đảo chiều chữ)" in page.locator("#f-note-error").inner_text()
    page.fill("#f-evidence-title", "Biên bản")
    page.fill("#f-note", "Đã họp cả thôn")
    assert not error.is_visible() and not page.locator("#f-note-error").is_visible()
    assert page.locator("#kh-report-github").is_visible()


def test_a_link_must_be_an_address(page, base_url):
    open_form(page, base_url, urls.report_form("III.1"))
    fill_report(page, unit="tram-y-te", status="hoan-thanh")
    page.fill("#f-evidence-link", "www.example.org/bao cao.pdf")
    page.locator("#f-evidence-link").blur()
    assert "https://" in page.locator("#f-evidence-link-error").inner_text()
    assert not page.locator("#kh-report-github").is_visible()


def test_the_task_list_is_grouped_by_section_and_found_without_diacritics(page, base_url, plan):
    open_form(page, base_url)
    labels = page.locator("#f-task optgroup").evaluate_all("gs => gs.map(g => g.label)")
    assert labels == [f"Phần {s.id}. {s.title}" for s in plan.sections]
    options = page.locator("#f-task option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    assert options == [t.id for t in plan.leaf_tasks]
    page.fill("#f-task-filter", "chu ky so")
    assert page.locator("#f-task option").evaluate_all("os => os.map(o => o.value).filter(Boolean)") == ["II.2"]
    assert "Có 1 trên" in page.locator("#f-task-count").inner_text()


def tab_to(page, selector: str, limit: int = 80) -> None:  # noqa: ANN001
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reaches {selector}")


def test_the_form_is_filled_with_the_keyboard_alone(page, base_url):
    open_form(page, base_url)
    tab_to(page, "#f-task-filter")
    page.keyboard.type("tram y te")
    tab_to(page, "#f-task")
    page.keyboard.press("ArrowDown")  # the first task left by the filter
    assert page.input_value("#f-task") == "III.1"
    tab_to(page, "#f-unit")
    page.keyboard.press("ArrowDown")  # the task's own unit comes first
    assert page.input_value("#f-unit") == "tram-y-te"
    tab_to(page, "input[name=status]")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.querySelector('input[name=status]:checked').value") == "dang-thuc-hien"
    tab_to(page, "#f-note")
    page.keyboard.type("Gõ bằng bàn phím: xong")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "kh-report-result"
    assert 'note: "Gõ bằng bàn phím: xong"' in page.locator("#kh-report-yaml").inner_text()
    tab_to(page, "#kh-report-copy")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('kh-report-copied').textContent !== ''")
    assert page.locator("#kh-report-copied").inner_text().startswith(("Đã sao chép", "Nội dung tệp đã được chọn"))


def test_no_request_leaves_the_site(page, base_url):
    host = urllib.parse.urlsplit(base_url).netloc
    elsewhere: list[str] = []
    page.on("request", lambda r: elsewhere.append(r.url) if urllib.parse.urlsplit(r.url).netloc != host else None)
    open_form(page, base_url, urls.report_form("II.1.c"))
    fill_report(page, unit="buu-dien", status="hoan-thanh", note="xong")
    produced(page)
    assert elsewhere == []


def test_without_javascript_the_page_explains_the_way_by_hand(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + urls.report_form("II.1.c"))
    assert not page.locator("#kh-report-form").is_visible()
    text = page.locator("article").inner_text()
    assert "Biểu mẫu cần JavaScript" in text and "Mở tệp báo cáo mẫu trên GitHub" in text
    assert page.get_by_role("link", name="hướng dẫn báo cáo tiến độ").get_attribute("href").endswith(
        "/blob/main/CONTRIBUTING.md#bao-cao-tien-do")
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_nothing_with_errors_shown_or_with_the_file_shown(browser, base_url, width):
    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    open_form(page, base_url, urls.report_form("II.1.c"))
    page.check("#f-status-khong-thuc-hien")
    page.click("button[type=submit]")
    assert page.locator(".kh-error:visible").count() >= 2
    assert axe_violations(axe, page) == []
    fill_report(page, unit="tram-y-te", status="hoan-thanh", note="xong")  # a warning too
    page.click("button[type=submit]")
    assert page.locator("#kh-report-result").is_visible() and page.locator("#f-unit-warning").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(axe, page) == []
    context.close()
