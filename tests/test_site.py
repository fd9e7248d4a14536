"""The built site, read from its HTML: every page exists and lists exactly its tasks.

The first half holds for any plan (each fixture plan is built); the second checks named facts of the
xa-mau plan, which are written in the header of tests/fixtures/plans/xa-mau/plan.yaml.
"""

from __future__ import annotations

import json
import re

import pytest

from helpers import PLAN_IN_PROJECT, search_documents
from macros import urls
from macros.site.pages.home import UNITS_ON_HOME
from macros.text import without_emphasis

pytestmark = pytest.mark.build

LEAD = "//section[h2[@id='chu-tri']]"
COORDINATING = "//section[h2[@id='phoi-hop']]"


def leaf_ids(plan, predicate) -> list[str]:  # noqa: ANN001
    return [t.id for t in plan.leaf_tasks if predicate(t)]


# ---------------------------------------------------------------- any plan


def test_every_task_has_a_page_at_its_stable_address(any_site):
    plan, site = any_site
    for task in plan.tasks:
        assert site.tree(urls.task(task.id)).xpath("//h1")[0].text_content().strip() == f"Nhiệm vụ {task.id}"


def test_every_section_page_lists_exactly_its_tasks(any_site):
    plan, site = any_site
    for section in plan.sections:
        assert site.task_ids(urls.section(section.id)) == [t.id for t in section.tasks], section.id
        assert section.title in site.text(urls.section(section.id))


def test_every_unit_page_lists_exactly_what_it_leads_and_coordinates(any_site):
    plan, site = any_site
    for unit in plan.units:
        page, uid = urls.unit(unit.id), unit.id
        assert site.task_ids(page, LEAD) == leaf_ids(plan, lambda t, uid=uid: uid in t.lead.units), uid
        assert site.task_ids(page, COORDINATING) == leaf_ids(plan, lambda t, uid=uid: uid in t.coordinating.units), uid


def test_every_deliverable_and_schedule_page_lists_exactly_its_tasks(any_site):
    plan, site = any_site
    for kind in plan.deliverable_kinds:
        kid = kind.id
        assert site.task_ids(urls.kind(kid)) == leaf_ids(plan, lambda t, kid=kid: kid in t.deliverable.kinds), kid
    for schedule in plan.schedules:
        sid = schedule.id
        assert site.task_ids(urls.schedule(sid)) == leaf_ids(plan, lambda t, sid=sid: sid in t.schedule.kinds), sid
    due = site.path(urls.schedule(urls.DUE_SCHEDULE))
    dated = [t for t in plan.tasks if t.schedule.due]
    assert due.exists() == bool(dated)
    if dated:  # "xếp theo hạn hoàn thành": earliest due date first, plan order among equal dates
        shown = site.tree(urls.schedule(urls.DUE_SCHEDULE)).xpath("//article//table//tbody/tr/th/a[contains(@class,'kh-id')]")
        assert [a.text_content().strip() for a in shown] == [t.id for t in sorted(dated, key=lambda t: t.schedule.due)]


def test_all_tasks_table_has_every_task_in_order(any_site):
    plan, site = any_site
    tree = site.tree(urls.ALL_TASKS)
    assert [r.get("data-task") for r in tree.xpath("//tr[@data-task]")] == [t.id for t in plan.tasks]
    leaves = tree.xpath("//tr[contains(@class,'kh-task-row') and not(contains(@class,'kh-heading-row'))]")
    assert len(leaves) == len(plan.leaf_tasks)
    assert len(tree.xpath("//tr[contains(@class,'kh-section-row')]")) == len(plan.sections)


def test_lookup_rows_carry_each_tasks_units_kinds_and_section(any_site):
    """Tra cứu loads these rows once and filters on them; the page itself holds no row, whatever the plan's size."""
    plan, site = any_site
    data = json.loads(site.path(urls.LOOKUP_DATA).read_text(encoding="utf-8"))
    rows = [dict(zip(data["columns"], row, strict=True)) for row in data["rows"]]
    assert [r["id"] for r in rows] == [t.id for t in plan.leaf_tasks]
    for row in rows:
        task = plan.task_by_id[row["id"]]
        assert row["url"] == urls.task(task.id)
        assert row["lead"] == task.lead.units and row["coordinating"] == task.coordinating.units, task.id
        assert row["kinds"] == task.deliverable.kinds and row["section"] == task.section_id, task.id
        assert row["lead_text"] == " ".join(without_emphasis(task.lead.text).split()), task.id
        # "nhom=1" matches the units the cell names and those that share the task through a group it names
        for cell, column in ((task.lead, "lead_with_groups"), (task.coordinating, "coordinating_with_groups")):
            members = {u.id for u in plan.units if set(u.member_of) & set(cell.units)}
            assert sorted(row[column]) == sorted({*cell.units, *members}), (task.id, column)
    page = site.tree(urls.LOOKUP)
    assert not page.xpath("//tbody/tr"), "rows are drawn by the script from the data"
    assert page.xpath("//noscript//a/@href") and "Tất cả nhiệm vụ" in page.xpath("string(//noscript)")


def test_home_page_counts_and_issuer(any_site):
    plan, site = any_site
    text = site.text(urls.HOME)
    for words in (plan.plan.issuer, plan.plan.title, f"{len(plan.sections)} phần",
                  f"{len(plan.leaf_tasks)} nhiệm vụ", f"{len(plan.units)} đơn vị"):
        assert words in text, words
    for basis in plan.plan.legal_bases:
        assert basis.title in text


def test_home_page_charts_the_units_that_lead_most_and_points_to_the_rest(any_site):
    """A province's plan has hundreds of units: the home page stays small with the ten that lead most."""
    plan, site = any_site
    led = {u.id: sum(u.id in t.lead.units for t in plan.leaf_tasks) for u in plan.units}
    leading = [u for u in plan.units if led[u.id]]
    expected = sorted(leading, key=lambda u: -led[u.id])[:UNITS_ON_HOME]
    chart = site.tree(urls.HOME).xpath("//figure[figcaption='Theo đơn vị chủ trì']//th/a/@href")
    assert chart == [urls.unit(u.id) for u in expected]  # relative links from the home page are the addresses
    hint = " ".join(site.tree(urls.HOME).xpath("string(//p[contains(., 'đơn vị chủ trì nhiều nhiệm vụ nhất')])").split())
    if len(leading) > UNITS_ON_HOME:
        assert f"{UNITS_ON_HOME} trong {len(leading)} đơn vị chủ trì" in hint
    else:
        assert not hint


def test_search_finds_every_task_and_unit_page(any_site):
    plan, site = any_site
    docs = search_documents(site.path(urls.SEARCH_INDEX))
    locations = {d["location"].split("#")[0] for d in docs}
    assert {urls.task(t.id) for t in plan.tasks} <= locations
    assert {urls.unit(u.id) for u in plan.units} <= locations
    titles = {d["location"]: d["title"] for d in docs}
    for task in plan.tasks:  # the browser's search also reads "V.8" as "v8" (docs/assets/search-worker.js)
        assert titles[urls.task(task.id)] == f"Nhiệm vụ {task.id}", task.id


# ---------------------------------------------------------------- the xa-mau plan


def test_task_page_shows_every_field_with_links(site, plan):
    tree = site.tree(urls.task("II.1.a"))
    text = " ".join(tree.text_content().split())
    task = plan.task_by_id["II.1.a"]
    assert "(bao gồm hồ sơ hộ tịch từ năm 2015 đến nay)" in text and "*" not in text
    assert task.lead.text in text and task.coordinating.text in text and task.deliverable.text in text
    assert "Hạn hoàn thành: quý III/2025 (30/9/2025)" in text
    assert "mục con của nhiệm vụ II.1" in text
    links = site.links(urls.task("II.1.a"))
    for target in (urls.section("II"), urls.unit("van-phong"), urls.unit("tai-chinh"), urls.kind("bao-cao"),
                   urls.schedule(urls.DUE_SCHEDULE), urls.task("II.1")):
        assert target in links, target


def test_editorial_note_is_shown_apart_from_the_source_text(site, plan):
    tree = site.tree(urls.task("II.1.c"))
    text = " ".join(tree.xpath("//article")[0].text_content().split())
    assert "Ghi chú biên tập" in text and plan.task_by_id["II.1.c"].note in text
    assert "Ghi chú biên tập" not in site.text(urls.task("II.1.b"))


def test_emphasis_and_lists_render_as_in_the_source(site):
    tree = site.tree(urls.task("I.3"))
    items = tree.xpath("//article//ul[contains(@class,'kh-dash-list')]/li")
    assert len(items) == 3
    assert [em.text for em in tree.xpath("//article//em")] == ["Em yêu khoa học, em tập lập trình"]
    assert site.tree(urls.task("II.1.a")).xpath("//article//em")[0].text.startswith("bao gồm hồ sơ hộ tịch")
    assert site.tree(urls.task("I.1")).xpath("//article//em")[0].text == "Chuyển đổi số là của người dân, vì người dân"


def test_sub_items_sit_under_their_heading_item(site):
    tree = site.tree(urls.section("II"))
    nested = tree.xpath("//li[contains(@class,'kh-card--heading')]//ol//a[contains(@class,'kh-id')]/text()")
    assert nested == ["II.1.a", "II.1.b", "II.1.c"]


def test_named_units_lead_exactly_their_tasks(site):
    assert site.task_ids(urls.unit("tram-y-te"), LEAD) == ["III.1"]
    assert site.task_ids(urls.unit("buu-dien"), LEAD) == ["II.1.c"]
    assert site.task_ids(urls.unit("buu-dien"), COORDINATING) == ["I.2", "II.2", "III.2", "IV.2"]
    assert site.task_ids(urls.unit("van-phong"), LEAD) == ["I.1", "I.2", "II.1.a", "IV.2"]
    assert site.task_ids(urls.unit("cac-truong-hoc"), LEAD) == ["I.3"]  # a group's own page


def test_group_tasks_are_labelled_apart_on_member_pages(site):
    group_section = "//section[contains(@class,'kh-via-group')]"
    page = urls.unit("truong-thcs")
    assert site.task_ids(page, LEAD) == ["III.2"]  # named itself
    assert site.task_ids(page, group_section + "/ol[contains(@class,'kh-cards')][1]") == ["I.3"]  # through its group
    assert "Giao cho nhóm “Các trường học trên địa bàn xã”" in site.text(page)
    assert not site.tree(urls.unit("buu-dien")).xpath(group_section)  # in no group


def test_unit_index_counts(site, plan):
    rows = site.tree(urls.UNITS).xpath("//table[contains(@class,'kh-table')]/tbody/tr")
    assert len(rows) == len(plan.units) == 8
    counts = {r.xpath("th//a")[0].text_content(): [td.text_content() for td in r.xpath("td")][1:] for r in rows}
    assert counts["Trạm Y tế xã Suối Mây"] == ["1", "1"]
    assert counts["Bưu điện văn hóa xã Suối Mây"] == ["1", "4"]
    assert counts["Các trường học trên địa bàn xã"] == ["1", "3"]


def test_schedule_pages(site):
    assert site.task_ids(urls.schedule("hang-quy")) == ["I.2", "I.3", "II.1.c", "IV.1", "IV.2"]
    assert site.task_ids(urls.schedule("thuong-xuyen")) == ["I.1", "I.3", "II.2", "III.1"]
    due = site.text(urls.schedule(urls.DUE_SCHEDULE))
    assert due.index("II.1.a") < due.index("II.1.b")  # by due date
    assert "quý III/2025" in due and "30/9/2025" in due and "tháng 12/2025" in due and "31/12/2025" in due
    assert "III.2" not in due  # "Năm học 2025 - 2026" names no date


def test_all_tasks_table_follows_the_appendix(site):
    tree = site.tree(urls.ALL_TASKS)
    headers = [th.text_content() for th in tree.xpath("//table[contains(@class,'kh-appendix')]/thead//th")]
    assert headers == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian thực hiện"]
    # The appendix leaves I.1's coordinating cell empty; the site says so with a dash.
    assert tree.xpath("//tr[@data-task='I.1']/td")[2].text_content().strip() == "—"


def test_home_page(site):
    text = site.text(urls.HOME)
    for words in ("Ủy ban nhân dân xã Suối Mây", "Kế hoạch số 42/KH-UBND", "Quyết định số 749/QĐ-TTg",
                  "Nghị quyết số 57-NQ/TW", "4 phần", "11 nhiệm vụ", "8 đơn vị",
                  "Theo đơn vị", "Theo sản phẩm", "Theo thời gian", "Tất cả nhiệm vụ"):
        assert words in text, words


def test_navigation_holds_indexes_but_not_task_pages(site, plan):
    tree = site.tree(urls.task("II.1.a"))
    nav_links = tree.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    task_pages = {urls.task(t.id) for t in plan.tasks}
    assert not [h for h in nav_links if any(h.endswith(p) for p in task_pages)]
    tabs = [a.text_content().strip() for a in site.tree(urls.HOME).xpath("//nav[contains(@class,'md-tabs')]//a")]
    assert tabs[:6] == ["Trang chủ", "Theo phần", "Theo đơn vị", "Theo sản phẩm", "Theo thời gian", "Tất cả nhiệm vụ"]


def test_hand_written_pages(site, plan):
    about = site.text(urls.ABOUT)
    for basis in plan.plan.legal_bases:  # the {{ legal_bases_list() }} macro lists the plan's own
        assert basis.title in about
    assert "Tìm nhiệm vụ" in site.text(urls.GUIDE)


def test_edit_links_point_to_the_data(site):
    edit = site.tree(urls.task("II.1.a")).xpath("//a[@rel='edit']/@href")
    assert edit and edit[0].endswith(f"/edit/main/{PLAN_IN_PROJECT}")


def test_unit_pages_link_to_their_filtered_view(site, plan):
    for unit in plan.units:
        assert urls.lookup(unit=unit.id, role=urls.LEAD_ROLE) in site.links(urls.unit(unit.id)), unit.id


def test_no_request_leaves_the_site(site):
    """No page loads anything from another host: fonts, scripts, the GitHub API."""
    for page in site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        loaded = [u for u in loaded if not re.search(r'rel="(?:canonical|alternate)"', html[html.find(u) - 200 : html.find(u)])]
        assert not loaded, (page, loaded)
        assert "data-md-component=\"source\"" not in html
        assert "fonts.googleapis" not in html
