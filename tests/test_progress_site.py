"""Progress on the built site matches the data: status, overdue flag, history, feed, report button."""

from __future__ import annotations

import datetime as dt
import urllib.parse
import xml.etree.ElementTree as ET

import pytest

from helpers import PLAN_IN_PROJECT, REFERENCE_DATE, UPDATES_IN_PROJECT, XA_MAU
from macros import urls

pytestmark = pytest.mark.build

ATOM = "{http://www.w3.org/2005/Atom}"


def test_every_task_page_shows_its_current_status(site, plan, state):
    for task in plan.leaf_tasks:
        progress = state.tasks[task.id]
        panel = site.tree(urls.task(task.id)).xpath("//div[contains(@class,'kh-status-panel')]")[0]
        text = " ".join(panel.text_content().split())
        assert f"Tình trạng: {progress.label}" in text, task.id
        assert ("Quá hạn" in text) == progress.overdue, task.id
        if progress.last_date:
            assert f"ngày {progress.last_date.day}/{progress.last_date.month}/{progress.last_date.year}" in text


def test_a_task_is_overdue_once_its_due_date_has_passed(site, state):
    assert state.today == REFERENCE_DATE > dt.date(2025, 9, 30)
    text = site.text(urls.task("II.1.a"))
    assert "Quá hạn" in text and "Hạn hoàn thành 30/9/2025 đã qua" in text
    later = site.text(urls.task("II.1.b"))  # due 31/12/2025: still ahead
    assert "Quá hạn" not in later and "đã qua" not in later


def test_history_is_newest_first_with_every_report(site, plan, state):
    for task_id, progress in state.tasks.items():
        if not progress.history:
            continue
        tree = site.tree(urls.task(task_id))
        dates = tree.xpath("//ol[contains(@class,'kh-timeline')]/li//time/@datetime")
        assert dates == [r.update.date.isoformat() for r in progress.history], task_id
        assert dates == sorted(dates, reverse=True)
    assert len(state.tasks["I.1"].history) == 3


def test_sample_reports_are_marked_as_examples(site, state):
    assert state.has_examples
    assert "dữ liệu mẫu để minh họa" in site.text(urls.HOME)
    assert "Dữ liệu mẫu" in site.text(urls.task("I.1"))  # every report of I.1 is a sample
    assert "Dữ liệu mẫu" not in site.text(urls.task("II.1.a"))  # a real report


def test_home_page_charts_have_text_alternatives(site, state):
    tree = site.tree(urls.HOME)
    labels = tree.xpath("//svg[contains(@class,'kh-bar')]/@aria-label")
    assert labels[0].startswith(f"Toàn bộ kế hoạch: {state.summary.plan.total} nhiệm vụ")
    assert labels[0].startswith("Toàn bộ kế hoạch: 11 nhiệm vụ")
    assert len(labels) == 1 + 4 + sum(1 for c in state.summary.units.values() if c.total)
    assert tree.xpath("//svg[contains(@class,'kh-bar')]/@role") == ["img"] * len(labels)
    assert "quá hạn: 1" in labels[0]


def test_feed_matches_the_reports_and_is_linked_from_every_page(site, state):
    feed = ET.fromstring(site.path(urls.FEED).read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(state.records) == 7
    newest = max(state.records, key=lambda r: r.sort_key())
    first = entries[0]
    assert first.find(f"{ATOM}updated").text.startswith(newest.update.date.isoformat())
    assert first.find(f"{ATOM}category").get("term") == newest.update.status
    assert newest.id in first.find(f"{ATOM}id").text
    for url in (urls.HOME, urls.task("II.1.a"), urls.unit("tram-y-te"), urls.ABOUT):
        links = site.tree(url).xpath("//head/link[@type='application/atom+xml']/@href")
        assert links and links[0].endswith(urls.FEED), url


def test_report_button_opens_a_prefilled_file_that_the_checker_accepts(site, plan, state, tmp_path):
    from macros.progress.updates import load_updates

    link = site.tree(urls.task("II.1.c")).xpath("//a[contains(@class,'kh-report')]")[0]
    url = urllib.parse.urlsplit(link.get("href"))
    assert url.netloc == "github.com" and url.path.endswith(f"/new/main/{UPDATES_IN_PROJECT}")
    query = urllib.parse.parse_qs(url.query)
    filename, value = query["filename"][0], query["value"][0]
    assert filename == "2025-10-15-ii-1-c-buu-dien.yaml"  # the reference date, the task, its lead unit
    assert link.get("data-ref-date") == state.today.isoformat() == "2025-10-15"
    assert "task: II.1.c" in value and "status: dang-thuc-hien" in value and "unit: buu-dien" in value
    assert "khong-thuc-hien" in value  # the allowed statuses are listed in comments
    (tmp_path / filename).write_text(value, encoding="utf-8")
    loaded = load_updates(tmp_path, plan, state.today)
    assert [r.update.task for r in loaded.records] == ["II.1.c"] and not loaded.warnings


def test_source_link_points_to_the_tasks_lines(site, plan):
    """"Xem … trong tệp dữ liệu" opens the plan file at the task's first and last lines."""
    lines = (XA_MAU / "plan.yaml").read_text(encoding="utf-8").splitlines()
    for task_id, next_id in (("II.1.a", "II.1.b"), ("IV.2", None)):
        links = site.tree(urls.task(task_id)).xpath(f"//a[contains(., '{PLAN_IN_PROJECT}')]/@href")
        assert links and f"/blob/main/{PLAN_IN_PROJECT}#L" in links[0]
        start, end = (int(n) for n in links[0].split("#L")[1].replace("L", "").split("-"))
        assert lines[start - 1].strip() == f"- id: {task_id}"
        if next_id:
            assert lines[end].strip() == f"- id: {next_id}"
        else:
            assert end == len(lines)


def test_a_common_feed_reader_reads_the_feed_back(site, state):
    """feedparser is what many news readers build on: the feed must parse cleanly with every entry intact."""
    import feedparser

    parsed = feedparser.parse(site.path(urls.FEED).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == len(state.records)
    for entry in parsed.entries:
        assert entry.title and entry.link.startswith("https://") and entry.updated_parsed
