"""A rollup's pages in a browser: the members' table sorted and filtered across every member, its state in the
address (kept on reload, walked back and forth), the search across members' tasks typed without diacritics, axe."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from bench.members import province_plan
from helpers import axe_violations, build_site, serve, settled
from macros import urls
from macros.rollup.members import load_members
from macros.text import fold_diacritics
from rollup_helpers import Fake, rollup_project, sample_members, set_page_size

pytestmark = pytest.mark.browser

PAGE = 3
MARKUP = '<img src=x onerror="document.title=1">'


@pytest.fixture(scope="module")
def rollup(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Eight generated members (tests/rollup_helpers.sample_members), the last one named with markup, three to a page."""
    work = tmp_path_factory.mktemp("rollup-browser")
    plan = province_plan()
    fakes = sample_members(plan)
    fakes[-1] = Fake(dataclasses.replace(fakes[-1].member, name=f"Xã Mới {MARKUP}"))
    project = rollup_project(work / "project", fakes, plan)
    set_page_size(project, PAGE)
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(work / "site")
    slugs = [slug for slug, _ in load_members(project)]
    yield url, fakes, slugs
    server.shutdown()


def shown(page: Any) -> list[str]:
    return page.locator("table.kh-rollup-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.member)")


def open_overview(page: Any, address: str) -> None:
    page.goto(address)
    counted(page)


def counted(page: Any) -> None:
    """The script has drawn the table, and the page has stopped moving (no scroll or transition in flight)."""
    page.wait_for_function("() => /Đang hiện/.test(document.getElementById('kh-rollup-count').textContent)")
    settled(page)


def overdue(fake: Fake) -> int | None:
    if fake.reason and not fake.had_copy:
        return None
    return sum(1 for t in json.loads(fake.member.data)["tasks"] if not t["heading"] and t["status"]["overdue"])


def test_sorting_and_filtering_reach_every_member_and_live_in_the_address(page: Any, rollup: Any) -> None:
    base, fakes, slugs = rollup
    open_overview(page, base + urls.ROLLUP)
    assert shown(page) == slugs[:PAGE]
    header = page.locator("th[data-sort='qua-han'] button")
    header.click()
    header.click()  # down: the most overdue first, of all members, not of the first page
    settled(page)
    ranked = sorted((i for i, f in enumerate(fakes) if overdue(f) is not None), key=lambda i: (-(overdue(fakes[i]) or 0), i))
    assert shown(page) == [slugs[i] for i in ranked[:PAGE]]
    assert page.url == base + urls.rollup_filtered(sort="qua-han", order=urls.DESCENDING)
    assert page.locator("th[data-sort='qua-han']").get_attribute("aria-sort") == "descending"
    page.check("#f-qua-han")
    settled(page)
    late = [i for i in ranked if overdue(fakes[i])]
    assert shown(page) == [slugs[i] for i in late[:PAGE]]
    assert page.url == base + urls.rollup_filtered(overdue="1", sort="qua-han", order=urls.DESCENDING)
    level = fakes[0].member.level
    page.select_option("#f-cap", level)
    settled(page)
    wanted = [slugs[i] for i in late if fakes[i].member.level == level]
    assert shown(page) == wanted[:PAGE]
    filtered = base + urls.rollup_filtered(level=level, overdue="1", sort="qua-han", order=urls.DESCENDING)
    assert page.url == filtered
    page.reload()
    counted(page)
    assert shown(page) == wanted[:PAGE] and page.input_value("#f-cap") == level and page.is_checked("#f-qua-han")
    page.go_back()  # one step back: the level not chosen yet
    page.wait_for_function("() => document.getElementById('f-cap').value === ''")
    settled(page)
    assert shown(page) == [slugs[i] for i in late[:PAGE]] and page.is_checked("#f-qua-han")
    page.go_forward()
    page.wait_for_function(f"() => document.getElementById('f-cap').value === {json.dumps(level)}")
    settled(page)
    assert shown(page) == wanted[:PAGE]


def test_the_script_pages_through_every_member_and_shows_names_as_text(page: Any, rollup: Any) -> None:
    base, fakes, slugs = rollup
    open_overview(page, base + urls.ROLLUP)
    seen = []
    for _ in range(-(-len(slugs) // PAGE)):
        seen += shown(page)
        if page.get_by_role("button", name="Trang sau").count():
            page.get_by_role("button", name="Trang sau").click()
            settled(page)
    assert seen == slugs
    assert page.locator("table.kh-rollup-table img").count() == 0  # the last page: the name with markup, as text
    assert MARKUP in page.locator("table.kh-rollup-table tbody").inner_text()
    assert page.title() != "1"
    open_overview(page, base + urls.part(urls.ROLLUP, 2))  # the script takes over the plain page 2 where it stands
    assert shown(page) == slugs[PAGE:2 * PAGE]


def test_without_javascript_the_table_is_plain_and_paged(browser: Any, rollup: Any) -> None:
    base, _, slugs = rollup
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + urls.ROLLUP)
    assert shown(page) == slugs[:PAGE] and not page.locator("#kh-rollup-filters").is_visible()
    page.locator(".kh-static-pager").get_by_role("link", name="Trang 2").click()
    assert shown(page) == slugs[PAGE:2 * PAGE]
    page.goto(base + urls.ROLLUP_LOOKUP)
    page.get_by_role("link", name="trang Tổng hợp").click()
    assert page.url == base + urls.ROLLUP
    context.close()


def test_the_search_across_members_finds_a_task_typed_without_diacritics(page: Any, rollup: Any) -> None:
    base, fakes, slugs = rollup
    task = [t for t in json.loads(fakes[3].member.data)["tasks"] if not t["heading"]][-1]
    words = fold_diacritics(task["content"][0]).split()
    typed = " ".join(words[len(words) // 2:len(words) // 2 + 3]).strip(",;.")
    page.goto(base + urls.ROLLUP_LOOKUP)
    page.wait_for_function("() => /Tìm thấy/.test(document.getElementById('kh-lookup-count').textContent)")
    settled(page)
    page.fill("#f-tu-khoa", typed)
    row = page.locator(f"tbody tr[data-member='{slugs[3]}'][data-task='{task['id']}']")
    row.wait_for()
    settled(page)
    assert row.locator("a.kh-id").get_attribute("href") == task["url"]
    assert page.url == base + urls.rollup_lookup(words=typed)
    page.select_option("#f-thanh-vien", slugs[3])
    settled(page)
    page.reload()
    page.wait_for_function("() => /Tìm thấy/.test(document.getElementById('kh-lookup-count').textContent)")
    settled(page)
    members = page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.member)")
    assert members and set(members) == {slugs[3]} and page.input_value("#f-tu-khoa") == typed


@pytest.mark.parametrize("width", [390, 1280])
def test_the_overview_has_no_accessibility_violations(browser: Any, rollup: Any, width: int) -> None:
    base, _, _ = rollup
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    open_overview(page, base + urls.rollup_filtered(sort="ten"))
    assert axe_violations(Axe(), page) == []
    context.close()
