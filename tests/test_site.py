"""The built site, read from its HTML: every page exists and lists exactly its tasks."""

from __future__ import annotations

import pytest



def test_every_task_has_a_page_at_its_stable_address(site, plan):
    for task in plan.tasks:
        slug = task.id.lower().replace(".", "-")
        tree = site.tree(f"nhiem-vu/{slug}")
        assert tree.xpath("//h1")[0].text_content().strip() == f"Nhiệm vụ {task.id}"
    assert site.path("nhiem-vu/v-8").exists() and site.path("nhiem-vu/iv-1-a").exists()


def test_task_page_shows_every_field_with_links(site, plan):
    tree = site.tree("nhiem-vu/v-8")
    text = " ".join(tree.text_content().split())
    v8 = plan.task_by_id["V.8"]
    for paragraph in v8.content:
        assert paragraph in text
    assert "Ghi chú biên tập" in text and "không có số thứ tự" in text
    assert v8.lead.text in text and v8.coordinating.text in text and v8.deliverable.text in text
    assert "quý III/2025 (30/9/2025)" in text
    hrefs = tree.xpath("//article//a/@href")
    for target in ("phan/v/", "don-vi/ngan-hang-csxh-ba-to/", "don-vi/co-quan-don-vi-ubnd-xa/", "san-pham/to-trinh/", "thoi-gian/co-thoi-han/"):
        assert f"../../{target}" in hrefs, target


def test_emphasis_and_lists_render_as_in_the_source(site):
    tree = site.tree("nhiem-vu/vi-4")
    items = tree.xpath("//article//ul[contains(@class,'kh-dash-list')]/li")
    assert len(items) == 3
    assert tree.xpath("//article//em")[0].text == "Thấu hiểu lòng dân, tận tâm phục vụ"
    assert site.tree("nhiem-vu/iv-1-a").xpath("//article//em")[0].text.startswith("bao gồm vốn đầu tư công")


@pytest.mark.parametrize("section", ["I", "II", "III", "IV", "V", "VI"])
def test_section_page_lists_exactly_its_tasks(site, plan, section):
    expected = [t.id for t in plan.section_by_id[section].tasks]
    assert site.task_ids(f"phan/{section.lower()}") == expected
    assert plan.section_by_id[section].title in site.text(f"phan/{section.lower()}")


def test_sub_items_sit_under_their_heading_item(site):
    tree = site.tree("phan/iv")
    nested = tree.xpath("//li[contains(@class,'kh-card--heading')]//ol//a[contains(@class,'kh-id')]/text()")
    assert nested == ["IV.1.a", "IV.1.b", "IV.1.c"]


def test_every_unit_page_lists_exactly_what_it_leads_and_coordinates(site, plan):
    for unit in plan.units:
        leads = [t.id for t in plan.leaf_tasks if unit.id in t.lead.units]
        coordinates = [t.id for t in plan.leaf_tasks if unit.id in t.coordinating.units]
        url = f"don-vi/{unit.id}"
        assert site.task_ids(url, "//section[h2[@id='chu-tri']]") == leads, unit.id
        assert site.task_ids(url, "//section[h2[@id='phoi-hop']]") == coordinates, unit.id


def test_named_examples_from_the_issue(site):
    assert site.task_ids("don-vi/cong-an-xa", "//section[h2[@id='chu-tri']]") == ["V.6"]
    assert site.task_ids("don-vi/ngan-hang-csxh-ba-to", "//section[h2[@id='chu-tri']]") == [
        "IV.1.c", "V.1", "V.8", "VI.1", "VI.2", "VI.4"]


def test_group_tasks_are_labelled_apart_on_member_pages(site, plan):
    url = "don-vi/phong-van-hoa-xa-hoi"
    group_section = "//section[contains(@class,'kh-via-group')]"
    group_leads = [t.id for t in plan.leaf_tasks if "co-quan-don-vi-ubnd-xa" in t.lead.units]
    assert site.task_ids(url, group_section + "/ol[1]")[: len(group_leads)] == group_leads
    assert "Giao cho nhóm “Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã”" in site.text(url)
    assert not site.tree("don-vi/cong-an-xa").xpath(group_section)


def test_unit_index_counts(site, plan):
    rows = site.tree("don-vi").xpath("//table[contains(@class,'kh-table')]/tbody/tr")
    assert len(rows) == len(plan.units)
    counts = {r.xpath("th//a")[0].text_content(): [td.text_content() for td in r.xpath("td")][1:] for r in rows}
    assert counts["Công an xã"] == ["1", "0"]
    assert counts["Phòng giao dịch Ngân hàng Chính sách xã hội Ba Tơ"] == ["6", "8"]


@pytest.mark.parametrize("kind", ["van-ban-chi-dao", "ke-hoach", "van-ban-phoi-hop", "tin-bai", "bao-cao", "to-trinh", "quyet-dinh"])
def test_deliverable_page_lists_exactly_its_tasks(site, plan, kind):
    assert site.task_ids(f"san-pham/{kind}") == [t.id for t in plan.leaf_tasks if kind in t.deliverable.kinds]


def test_schedule_pages(site, plan):
    assert site.task_ids("thoi-gian/thuong-xuyen") == [t.id for t in plan.leaf_tasks if "thuong-xuyen" in t.schedule.kinds]
    assert site.task_ids("thoi-gian/hang-nam") == [t.id for t in plan.leaf_tasks if "hang-nam" in t.schedule.kinds]
    due = site.text("thoi-gian/co-thoi-han")
    assert "V.8" in due and "quý III/2025" in due and "30/9/2025" in due


def test_all_tasks_table_follows_the_appendix(site, plan):
    tree = site.tree("nhiem-vu")
    headers = [th.text_content() for th in tree.xpath("//table[contains(@class,'kh-appendix')]/thead//th")]
    assert headers == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian thực hiện"]
    rows = tree.xpath("//tr[contains(@class,'kh-task-row') and not(contains(@class,'kh-heading-row'))]")
    assert len(rows) == 23
    assert [r.get("data-task") for r in tree.xpath("//tr[@data-task]")] == [t.id for t in plan.tasks]
    assert len(tree.xpath("//tr[contains(@class,'kh-section-row')]")) == 6
    # The appendix leaves I.1's coordinating cell empty; the site says so with a dash.
    i1 = tree.xpath("//tr[@data-task='I.1']/td")
    assert i1[2].text_content().strip() == "—"


def test_home_page(site):
    text = site.text("")
    for words in ("Ủy ban nhân dân xã Ba Dinh", "Kế hoạch số 17/KH-UBND", "Quyết định số 1560/QĐ-TTg", "Chỉ thị số 39-CT/TW",
                  "6 phần", "23 nhiệm vụ", "7 đơn vị", "Theo đơn vị", "Theo sản phẩm", "Theo thời gian", "Tất cả nhiệm vụ"):
        assert words in text, words


def test_navigation_holds_indexes_but_not_task_pages(site):
    tree = site.tree("nhiem-vu/v-8")
    nav_links = tree.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert not [h for h in nav_links if "nhiem-vu/" in h and h.rstrip("/").split("/")[-1].startswith(("i", "v"))]
    tabs = [a.text_content().strip() for a in site.tree("").xpath("//nav[contains(@class,'md-tabs')]//a")]
    assert tabs[:6] == ["Trang chủ", "Theo phần", "Theo đơn vị", "Theo sản phẩm", "Theo thời gian", "Tất cả nhiệm vụ"]


def test_hand_written_pages(site):
    assert "Chỉ thị số 39-CT/TW của Ban Bí thư" in site.text("gioi-thieu")
    assert "Tìm nhiệm vụ" in site.text("huong-dan")


def test_edit_links_point_to_the_data(site):
    edit = site.tree("nhiem-vu/v-8").xpath("//a[@rel='edit']/@href")
    assert edit and edit[0].endswith("/edit/main/data/plan.yaml")


def test_no_request_leaves_the_site(site):
    """No page loads anything from another host: fonts, scripts, the GitHub API."""
    import re

    for page in site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        loaded = [u for u in loaded if not re.search(r'rel="(?:canonical|alternate)"', html[html.find(u) - 200 : html.find(u)])]
        assert not loaded, (page, loaded)
        assert "data-md-component=\"source\"" not in html
        assert "fonts.googleapis" not in html
