"""Tra cứu nhiệm vụ in a browser: filters in the address, rows hidden by script, all rows without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import NESTED, ROOT, XA_MAU, build_site, built, copy_project, nested_groups, serve, site_path
from macros import urls

PAGE = 4

pytestmark = pytest.mark.browser


def visible_tasks(page) -> list[str]:  # noqa: ANN001
    return page.locator("tbody tr[data-task]:visible").evaluate_all("rows => rows.map(r => r.dataset.task)")


def open_lookup(page, base_url: str, address: str = urls.LOOKUP) -> None:  # noqa: ANN001
    page.goto(base_url + address)
    page.wait_for_function("() => /Đang hiện/.test(document.getElementById('kh-lookup-count').textContent)")


def test_every_unit_filtered_as_lead_shows_exactly_what_it_leads(page, base_url, plan):
    total = len(plan.leaf_tasks)
    for unit in plan.units:
        open_lookup(page, base_url, urls.lookup(unit=unit.id, role=urls.LEAD_ROLE))
        expected = [t.id for t in plan.leaf_tasks if unit.id in t.lead.units]
        assert visible_tasks(page) == expected, unit.id
        assert page.locator("#kh-lookup-count").inner_text() == f"Đang hiện {len(expected)} trên {total} nhiệm vụ."


def test_coordinating_role_and_group_option(page, base_url, plan):
    open_lookup(page, base_url, urls.lookup(unit="truong-tieu-hoc", role=urls.COORDINATING_ROLE))
    assert visible_tasks(page) == []  # the school coordinates nothing by name
    assert page.locator("#kh-lookup-empty").is_visible()
    open_lookup(page, base_url, urls.lookup(unit="truong-thcs", role=urls.LEAD_ROLE, groups=True))
    assert visible_tasks(page) == ["I.3", "III.2"]  # I.3 through its group, III.2 by name
    assert page.locator("#f-nhom").is_checked()


def test_combined_filters_intersect(page, base_url, plan):
    open_lookup(page, base_url, urls.lookup(unit="van-phong", role=urls.LEAD_ROLE, kind="bao-cao"))
    assert visible_tasks(page) == ["I.2", "II.1.a", "IV.2"]
    open_lookup(page, base_url, urls.lookup(unit="van-phong", role=urls.LEAD_ROLE, kind="bao-cao", section="II"))
    assert visible_tasks(page) == ["II.1.a"]
    open_lookup(page, base_url, urls.lookup(schedule=urls.DUE_SCHEDULE))
    assert visible_tasks(page) == ["II.1.a", "II.1.b"]


def test_free_text_is_folded_like_search(page, base_url):
    open_lookup(page, base_url)
    page.fill("#f-tu-khoa", "chu ky so")
    assert visible_tasks(page) == ["II.2"]
    page.fill("#f-tu-khoa", "chữ ký số")
    assert visible_tasks(page) == ["II.2"]
    assert page.url == base_url + urls.lookup(words="chữ ký số")


def test_choosing_filters_updates_the_address_and_clearing_restores_all(page, base_url, plan):
    total = len(plan.leaf_tasks)
    open_lookup(page, base_url)
    assert len(visible_tasks(page)) == total
    page.select_option("#f-don-vi", "tram-y-te")
    page.select_option("#f-vai-tro", urls.LEAD_ROLE)
    assert visible_tasks(page) == ["III.1"]
    assert page.url == base_url + urls.lookup(unit="tram-y-te", role=urls.LEAD_ROLE)  # the address to share
    page.click("#f-xoa")
    page.wait_for_function(f"() => document.querySelectorAll('tbody tr[data-task]:not([hidden])').length === {total}")
    assert len(visible_tasks(page)) == total
    assert page.url == base_url + urls.LOOKUP


def test_without_javascript_the_page_leads_to_every_task(browser, base_url, plan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + urls.lookup(unit="tram-y-te", role=urls.LEAD_ROLE))
    page.get_by_role("link", name="Tất cả nhiệm vụ").first.click()
    assert page.url.split("?")[0] == base_url + urls.ALL_TASKS
    context.close()


@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    site = built(XA_MAU, tmp_path_factory.mktemp("lookup-paged"), page_size=PAGE)
    url, server = serve(site.root)
    yield url
    server.shutdown()


def test_results_come_a_page_at_a_time_and_every_one_is_reached(page, paged, plan):
    total = len(plan.leaf_tasks)
    open_lookup(page, paged)
    seen: list[str] = []
    pages = -(-total // PAGE)
    for number in range(1, pages + 1):
        rows = visible_tasks(page)
        assert len(rows) == min(PAGE, total - len(seen))
        count = page.locator("#kh-lookup-count").inner_text()
        assert count == f"Đang hiện {total} trên {total} nhiệm vụ. (trang {number}/{pages})"
        seen += rows
        if number < pages:
            page.get_by_role("button", name="Trang sau").click()
    assert seen == [t.id for t in plan.leaf_tasks]
    page.select_option("#f-don-vi", "van-phong")  # a filter starts again from its first page
    expected = [t.id for t in plan.leaf_tasks if "van-phong" in t.lead.units + t.coordinating.units]
    assert visible_tasks(page) == expected[:PAGE]


# In the build below, the address's parameter for the role filter and the value meaning "lead" are renamed in
# Python only (the module of urls.LOOKUP_FIELDS and urls.LEAD_ROLE, wherever it lives).
RENAMED = {'"role": "vai-tro"': '"role": "vai-tro-khac"', 'LEAD_ROLE = "chu-tri"': 'LEAD_ROLE = "dung-dau"'}


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """xa-mau with a group in a group (helpers.nested_groups), built with the lookup's names renamed in Python."""
    work = tmp_path_factory.mktemp("lookup-renamed")
    project = copy_project(work / "project", nested_groups(work / "plan"))
    module = project / Path(urls.__file__).resolve().relative_to(ROOT)
    text = module.read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        assert text.count(old) == 1, f"{module.name} no longer holds {old}"
        text = text.replace(old, new)
    module.write_text(text, encoding="utf-8")
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(work / "site", site_path(project))
    yield url
    server.shutdown()


def test_the_script_takes_the_filters_names_and_roles_from_the_data(page, renamed, plan):
    """Renamed in Python, the filter's parameter and role value are the ones the page reads and writes."""
    open_lookup(page, renamed, "tra-cuu/?don-vi=tram-y-te&vai-tro-khac=dung-dau")
    assert visible_tasks(page) == [t.id for t in plan.leaf_tasks if "tram-y-te" in t.lead.units]
    page.select_option("#f-vai-tro-khac", "")
    page.select_option("#f-vai-tro-khac", "dung-dau")
    assert page.url == renamed + "tra-cuu/?don-vi=tram-y-te&vai-tro-khac=dung-dau"
    open_lookup(page, renamed, "tra-cuu/?don-vi=tram-y-te&vai-tro=chu-tri")  # the old names mean nothing now
    assert visible_tasks(page) == [t.id for t in plan.leaf_tasks if "tram-y-te" in t.lead.units + t.coordinating.units]


def test_the_group_option_follows_a_group_in_a_group(page, renamed):
    school, _, _, task_id = NESTED
    open_lookup(page, renamed, f"tra-cuu/?don-vi={school}")
    assert task_id not in visible_tasks(page)  # not named in the task
    page.check("#f-nhom")
    assert task_id in visible_tasks(page)  # its group's group coordinates it
