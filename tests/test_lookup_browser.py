"""Tra cứu nhiệm vụ: filters in the address, rows hidden by script, all rows without it."""

from __future__ import annotations

import pytest


def visible_tasks(page) -> list[str]:
    return page.locator("tbody tr[data-task]:visible").evaluate_all("rows => rows.map(r => r.dataset.task)")


def open_lookup(page, base_url, query=""):
    page.goto(f"{base_url}tra-cuu/{query}")
    page.wait_for_function("() => /Đang hiện/.test(document.getElementById('kh-lookup-count').textContent)")


def test_every_unit_filtered_as_lead_shows_exactly_what_it_leads(page, base_url, plan):
    for unit in plan.units:
        open_lookup(page, base_url, f"?don-vi={unit.id}&vai-tro=chu-tri")
        expected = [t.id for t in plan.leaf_tasks if unit.id in t.lead.units]
        assert visible_tasks(page) == expected, unit.id
        assert page.locator("#kh-lookup-count").inner_text() == f"Đang hiện {len(expected)} trên 23 nhiệm vụ."


def test_coordinating_role_and_group_option(page, base_url, plan):
    open_lookup(page, base_url, "?don-vi=cong-an-xa&vai-tro=phoi-hop")
    assert visible_tasks(page) == []
    assert page.locator("#kh-lookup-empty").is_visible()
    open_lookup(page, base_url, "?don-vi=phong-kinh-te&vai-tro=chu-tri&nhom=1")
    expected = [t.id for t in plan.leaf_tasks if {"phong-kinh-te", "co-quan-don-vi-ubnd-xa"} & set(t.lead.units)]
    assert visible_tasks(page) == expected
    assert page.locator("#f-nhom").is_checked()


def test_combined_filters_intersect(page, base_url, plan):
    open_lookup(page, base_url, "?don-vi=ngan-hang-csxh-ba-to&vai-tro=chu-tri&san-pham=ke-hoach&phan=VI")
    expected = [t.id for t in plan.leaf_tasks if "ngan-hang-csxh-ba-to" in t.lead.units
                and "ke-hoach" in t.deliverable.kinds and t.section_id == "VI"]
    assert visible_tasks(page) == expected == ["VI.1", "VI.4"]
    open_lookup(page, base_url, "?thoi-gian=co-thoi-han")
    assert visible_tasks(page) == ["V.8"]


def test_free_text_is_folded_like_search(page, base_url):
    open_lookup(page, base_url)
    page.fill("#f-tu-khoa", "nuoc sach")
    assert visible_tasks(page) == ["V.4"]
    page.fill("#f-tu-khoa", "nước sạch")
    assert visible_tasks(page) == ["V.4"]
    assert "tu-khoa=n" in page.url


def test_choosing_filters_updates_the_address_and_clearing_restores_all(page, base_url):
    open_lookup(page, base_url)
    assert len(visible_tasks(page)) == 23
    page.select_option("#f-don-vi", "cong-an-xa")
    page.select_option("#f-vai-tro", "chu-tri")
    assert visible_tasks(page) == ["V.6"]
    assert "don-vi=cong-an-xa" in page.url and "vai-tro=chu-tri" in page.url and "q=" not in page.url
    page.click("#f-xoa")
    page.wait_for_function("() => document.querySelectorAll('tbody tr[data-task]:not([hidden])').length === 23")
    assert len(visible_tasks(page)) == 23
    assert "don-vi" not in page.url


def test_without_javascript_every_row_is_shown(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}tra-cuu/?don-vi=cong-an-xa&vai-tro=chu-tri")
    assert len(visible_tasks(page)) == 23
    context.close()


def test_unit_pages_link_to_their_filtered_view(site, plan):
    for unit in plan.units:
        links = site.tree(f"don-vi/{unit.id}").xpath("//article//a/@href")
        assert f"../../tra-cuu/?don-vi={unit.id}&vai-tro=chu-tri" in links, unit.id
