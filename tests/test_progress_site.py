"""Progress on the built site matches the data: status, overdue flag, history, feed, report button."""

from __future__ import annotations

import datetime as dt
import urllib.parse
import xml.etree.ElementTree as ET

import pytest

from conftest import PLAN, ROOT
from macros.plan.loader import load_plan
from macros.progress.state import progress_state
from macros.progress.refdate import reference_date

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def state():
    loaded = load_plan(PLAN)
    return progress_state(loaded.plan, loaded.warnings, ROOT / "data" / "updates", reference_date(ROOT))


def test_every_task_page_shows_its_current_status(site, plan, state):
    for task in plan.leaf_tasks:
        progress = state.tasks[task.id]
        panel = site.tree(f"nhiem-vu/{task.slug}").xpath("//div[contains(@class,'kh-status-panel')]")[0]
        text = " ".join(panel.text_content().split())
        assert f"Tình trạng: {progress.label}" in text, task.id
        assert ("Quá hạn" in text) == progress.overdue, task.id
        if progress.last_date:
            assert f"ngày {progress.last_date.day}/{progress.last_date.month}/{progress.last_date.year}" in text


def test_v8_is_overdue_because_its_due_date_passed(site, state):
    assert state.tasks["V.8"].overdue and state.today > dt.date(2025, 9, 30)
    text = site.text("nhiem-vu/v-8")
    assert "Quá hạn" in text and "Hạn hoàn thành 30/9/2025 đã qua" in text


def test_history_is_newest_first_with_every_report(site, plan, state):
    for task_id, progress in state.tasks.items():
        if not progress.history:
            continue
        tree = site.tree(f"nhiem-vu/{plan.task_by_id[task_id].slug}")
        dates = tree.xpath("//ol[contains(@class,'kh-timeline')]/li//time/@datetime")
        assert dates == [r.update.date.isoformat() for r in progress.history], task_id
        assert dates == sorted(dates, reverse=True)
    assert len(state.tasks["I.1"].history) >= 3


def test_sample_reports_are_marked_as_examples(site, state):
    assert state.has_examples
    assert "dữ liệu mẫu để minh họa" in site.text("")
    assert "Dữ liệu mẫu" in site.text("nhiem-vu/i-1")


def test_home_page_charts_have_text_alternatives(site, state):
    tree = site.tree("")
    labels = tree.xpath("//svg[contains(@class,'kh-bar')]/@aria-label")
    assert labels[0].startswith(f"Toàn bộ kế hoạch: {state.summary.plan.total} nhiệm vụ")
    assert len(labels) == 1 + 6 + sum(1 for c in state.summary.units.values() if c.total)
    assert tree.xpath("//svg[contains(@class,'kh-bar')]/@role") == ["img"] * len(labels)
    assert "quá hạn: 1" in labels[0]


def test_feed_matches_the_reports_and_is_linked_from_every_page(site, state):
    feed = ET.fromstring(site.path("feed.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(state.records)
    newest = max(state.records, key=lambda r: r.sort_key())
    first = entries[0]
    assert first.find(f"{ATOM}updated").text.startswith(newest.update.date.isoformat())
    assert first.find(f"{ATOM}category").get("term") == newest.update.status
    assert newest.id in first.find(f"{ATOM}id").text
    for url in ("", "nhiem-vu/v-8", "don-vi/cong-an-xa", "gioi-thieu"):
        links = site.tree(url).xpath("//head/link[@type='application/atom+xml']/@href")
        assert links and links[0].endswith("feed.xml"), url


def test_report_button_opens_a_prefilled_file_that_the_checker_accepts(site, plan, state, tmp_path):
    from macros.progress.updates import load_updates

    link = site.tree("nhiem-vu/v-8").xpath("//a[contains(@class,'kh-report')]")[0]
    url = urllib.parse.urlsplit(link.get("href"))
    assert url.netloc == "github.com" and url.path.endswith("/new/main/data/updates")
    query = urllib.parse.parse_qs(url.query)
    filename, value = query["filename"][0], query["value"][0]
    assert filename == f"{state.today.isoformat()}-v-8-ngan-hang-csxh-ba-to.yaml"
    assert link.get("data-ref-date") == state.today.isoformat()
    assert "task: V.8" in value and "status: dang-thuc-hien" in value and "unit: ngan-hang-csxh-ba-to" in value
    assert "khong-thuc-hien" in value  # the allowed statuses are listed in comments
    (tmp_path / filename).write_text(value, encoding="utf-8")
    loaded = load_updates(tmp_path, plan, state.today)
    assert [r.update.task for r in loaded.records] == ["V.8"] and not loaded.warnings


def test_report_button_uses_todays_date_in_vietnam_at_the_click(page, base_url):
    page.goto(base_url + "nhiem-vu/v-8/")
    page.route("https://github.com/**", lambda route: route.abort())
    link = page.locator("a.kh-report")
    built = link.get_attribute("data-ref-date")
    today = page.evaluate("() => new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh'}).format(new Date())")
    link.evaluate("a => a.addEventListener('click', e => e.preventDefault())")
    link.click()
    href = link.get_attribute("href")
    assert today in urllib.parse.unquote(href)
    if today != built:
        assert built not in href


def test_edit_link_points_to_the_tasks_lines(site):
    links = site.tree("nhiem-vu/v-8").xpath("//a[contains(., 'data/plan.yaml')]/@href")
    assert links and "/blob/main/data/plan.yaml#L" in links[0]
    start = int(links[0].split("#L")[1].split("-")[0])
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    assert lines[start - 1].strip() == "- id: V.8"
