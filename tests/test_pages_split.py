"""Long lists are cut into numbered pages a phone can open, and every task stays one plain link away.

xa-mau is built with a page size of 3 (the setting extra.ke_hoach.page_size),
so its sections, kinds, schedules and Tất cả nhiệm vụ all run over several pages.
"""

from __future__ import annotations

import posixpath

import pytest

from helpers import XA_MAU, BuiltSite, built, search_documents
from macros import urls

pytestmark = pytest.mark.build

SIZE = 3


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built(XA_MAU, tmp_path_factory.mktemp("split"), page_size=SIZE)


def parts(site: BuiltSite, url: str) -> list[str]:
    """Every page of a list, found by following its numbered links from the first (no JavaScript)."""
    links = site.tree(url).xpath("//nav[contains(@class,'kh-pager')]//li/a/@href")
    found = [url] + [posixpath.normpath(posixpath.join(url, href)) + "/" for href in links]
    for page in found:
        assert site.path(page).exists(), page
    return found


def listed(site: BuiltSite, url: str, xpath: str) -> list[str]:
    return [i for page in parts(site, url) for i in site.tree(page).xpath(xpath)]


def test_all_tasks_runs_over_numbered_pages_with_every_task_once_in_order(split, plan):
    pages = parts(split, urls.ALL_TASKS)
    assert len(pages) == -(-len(plan.tasks) // SIZE)
    assert listed(split, urls.ALL_TASKS, "//tr[@data-task]/@data-task") == [t.id for t in plan.tasks]
    second = split.tree(pages[1])
    assert second.xpath("//nav[contains(@class,'kh-pager')]//span[@aria-current='page']/text()") == ["2"]
    assert f"Toàn bộ {len(plan.leaf_tasks)} nhiệm vụ" in split.text(pages[1])


def test_kind_and_schedule_pages_keep_every_task_across_their_pages(split, plan):
    cards = "//article//*[contains(@class,'kh-card__head')]/a[contains(@class,'kh-id')]/text()"
    for kind in plan.deliverable_kinds:
        expected = [t.id for t in plan.leaf_tasks if kind.id in t.deliverable.kinds]
        assert listed(split, urls.kind(kind.id), cards) == expected, kind.id
        assert f"{len(expected)} nhiệm vụ" in split.text(urls.kind(kind.id))
    for schedule in plan.schedules:
        expected = [t.id for t in plan.leaf_tasks if schedule.id in t.schedule.kinds]
        assert listed(split, urls.schedule(schedule.id), cards) == expected, schedule.id


def test_a_heading_and_its_sub_items_stay_on_one_page(split, plan):
    cards = "//article//*[contains(@class,'kh-card__head')]/a[contains(@class,'kh-id')]/text()"
    for section in plan.sections:
        pages = parts(split, urls.section(section.id))
        shown = [[i for i in split.tree(p).xpath(cards)] for p in pages]
        assert [i for page in shown for i in page] == [t.id for t in section.tasks], section.id
        for task in section.tasks:
            if task.parent_id:
                assert any(task.id in page and task.parent_id in page for page in shown), task.id


def test_later_pages_are_titled_as_such_and_kept_out_of_search(split):
    pages = parts(split, urls.ALL_TASKS)
    title = split.tree(pages[1]).xpath("//title/text()")[0]
    assert f"(trang 2/{len(pages)})" in title
    assert not [d["location"] for d in search_documents(split.path(urls.SEARCH_INDEX)) if "/trang-" in d["location"]]


def test_a_unit_s_lists_run_over_numbered_pages_and_each_page_says_where_the_rest_are(split, plan):
    """Each list keeps its heading and full count on every page; a page without its tasks links to them."""
    def section_ids(tree, anchor: str) -> list[str]:
        cards = "//*[contains(@class,'kh-card__head')]/a[contains(@class,'kh-id')]/text()"
        return tree.xpath(f"//section[h2[@id='{anchor}']]{cards}")

    split_units = 0
    for unit in plan.units:
        leads = [t.id for t in plan.leaf_tasks if unit.id in t.lead.units]
        coordinates = [t.id for t in plan.leaf_tasks if unit.id in t.coordinating.units]
        pages = parts(split, urls.unit(unit.id))
        trees = [split.tree(p) for p in pages]
        assert [i for tree in trees for i in section_ids(tree, "chu-tri")] == leads, unit.id
        assert [i for tree in trees for i in section_ids(tree, "phoi-hop")] == coordinates, unit.id
        for tree in trees:
            assert len(tree.xpath("//article//*[contains(@class,'kh-card__head')]")) <= SIZE
            assert tree.xpath("string(//h2[@id='chu-tri'])") == f"Chủ trì ({len(leads)})"
            if leads and not section_ids(tree, "chu-tri"):
                assert tree.xpath("//section[h2[@id='chu-tri']]//p[contains(@class,'kh-hint')]/a/@href"), unit.id
        split_units += len(pages) > 1
    assert split_units, "no unit of the fixture has more tasks than a page holds"
