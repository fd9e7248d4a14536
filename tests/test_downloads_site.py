"""Open data on the built site: every file is served, equals the export, and the Dữ liệu mở page explains it."""

from __future__ import annotations

import json
import urllib.request

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from macros.exports import COLUMNS, EXPORT_FILES, UNIT_HEADERS, export_files
from macros.exports.common import NO_LICENCE
from macros.mkdocs_glue.settings import read_settings
from macros.plan.problems import DataError
from macros.progress.refdate import reference_date
from macros.progress.state import progress_state
from macros.site.facts import BuildFacts
from macros.site.pages import Site
from macros.site.pages.downloads import DISPLAY_ORDER, size_label
from macros.site.render import render_page
from macros.text import vn_date


def site_of(plan, facts: BuildFacts) -> Site:
    # No reports: this checks the page's own wording, not progress.
    return Site(plan, progress_state(plan, [], ROOT / "tests" / "fixtures" / "no-updates", facts.reference_date), facts)


def settings() -> dict:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def page_text(tree) -> str:
    return " ".join(tree.xpath("//article")[0].text_content().split())


def test_every_download_is_served_and_equals_the_export_of_the_same_build(site, base_url, plan):
    config = settings()
    # The build under test ran in this checkout, so it used this reference date (SOURCE_DATE_EPOCH or HEAD's date).
    from macros.progress.state import progress_state

    today = reference_date(ROOT)
    progress = progress_state(plan, [], ROOT / "data" / "updates", today)
    expected = export_files(plan, today, config["site_url"], config["extra"]["ke_hoach"]["licence"], progress)
    assert set(expected) == set(EXPORT_FILES) == set(DISPLAY_ORDER)
    for name, data in expected.items():
        with urllib.request.urlopen(f"{base_url}du-lieu/{name}") as response:
            assert response.status == 200
            assert response.read() == data, name
    generated = json.loads((site.root / "du-lieu" / "plan.json").read_text(encoding="utf-8"))["export"]["generated"]
    assert generated == reference_date(ROOT).isoformat()


def test_the_page_links_every_file_and_shows_its_true_size(site, plan):
    tree = site.tree("du-lieu")
    links = tree.xpath("//article//li[contains(@class,'kh-file')]//a[@download]")
    assert [a.get("href") for a in links] == list(DISPLAY_ORDER)
    assert [a.text_content() for a in links] == list(DISPLAY_ORDER)
    text = page_text(tree)
    for name in DISPLAY_ORDER:
        size = (site.root / "du-lieu" / name).stat().st_size
        card = tree.xpath(f"//li[contains(@class,'kh-file')][.//a[@href='{name}']]")[0]
        assert size_label(size) in card.text_content(), name
    assert "UTF-8 có BOM" in text and "dấu phẩy" in text


def test_the_page_says_the_licence_has_not_been_announced(site):
    assert settings()["extra"]["ke_hoach"]["licence"] is None
    text = page_text(site.tree("du-lieu"))
    assert NO_LICENCE in text
    assert "chưa công bố giấy phép" in text


def test_the_page_points_excel_users_with_vietnamese_settings_to_the_xlsx(site):
    note = " ".join(site.tree("du-lieu").xpath("//article//*[contains(@class,'kh-excel-note')]")[0].text_content().split())
    assert "tasks.xlsx" in note and "tasks.csv" in note
    assert "“;”" in note and "một cột" in note and "vùng Việt Nam" in note


def test_the_page_lists_the_columns_in_file_order(site):
    tree = site.tree("du-lieu")
    rows = tree.xpath("//table[contains(@class,'kh-columns')]/tbody/tr")
    assert [r.xpath("th")[0].text_content() for r in rows] == [c.header for c in COLUMNS]
    assert [" ".join(r.xpath("td")[1].text_content().split()) for r in rows] == [c.description for c in COLUMNS]
    text = page_text(tree)
    assert all(h in text for h in UNIT_HEADERS)


def test_home_page_and_navigation_lead_to_the_downloads(site):
    home = site.tree("")
    entry = home.xpath("//ul[contains(@class,'kh-entry')]//a[@href='du-lieu/']")
    assert entry and "Tải dữ liệu" in entry[0].text_content()
    nav = [a.text_content().strip() for a in home.xpath("//nav[contains(@class,'md-nav--primary')]//a")]
    assert "Dữ liệu mở" in nav and "Bản in" in nav


def test_a_licence_set_in_the_one_setting_reaches_the_page_and_the_files(plan):
    licence = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0"}
    facts = BuildFacts(reference_date(ROOT), "https://example.org/kh/", licence)
    site = site_of(plan, facts)
    html = render_page(site, site.page("downloads"))
    assert "Dữ liệu được công bố theo giấy phép CC BY 4.0" in html and NO_LICENCE not in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    files = site.download_files
    assert json.loads(files["plan.json"])["export"]["licence"]["name"] == "CC-BY-4.0"
    assert json.loads(files["datapackage.json"])["licenses"] == [licence]


@pytest.mark.parametrize("bad", ["CC-BY-4.0", {"title": "chỉ có tên"}, {"name": "x", "url": "y"}])
def test_a_malformed_licence_setting_is_refused_in_vietnamese(bad):
    with pytest.raises(DataError, match="extra.ke_hoach.licence"):
        read_settings({"ke_hoach": {"licence": bad}}, ROOT / "mkdocs.yml")


def test_the_build_date_is_written_the_vietnamese_way(plan):
    import datetime as dt

    facts = BuildFacts(dt.date(2025, 9, 30))
    assert facts.date_label == "30/9/2025" == vn_date(dt.date(2025, 9, 30))
    site = site_of(plan, facts)
    assert "lần dựng này: ngày 30/9/2025" in " ".join(render_page(site, site.page("downloads")).split())


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("url", ["du-lieu/", "ban-in/"])
def test_open_data_and_print_pages_have_no_accessibility_violations(browser, base_url, url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + url)
    result = Axe().run(page)
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]] == []
    context.close()
