"""Open data on the built site: every file equals the export of the same build, and Dữ liệu mở explains it.

Read from the built xa-mau site; the licence cases build their own copy with extra.ke_hoach.licence changed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from urllib.parse import urljoin

import docx
import pytest

from helpers import REFERENCE_DATE, XA_MAU, BuiltSite, build_site, copy_project, fixture_state, set_licence, settings
from macros import urls
from macros.exports import COLUMNS, DOWNLOADS, UNIT_HEADERS, export_files
from macros.exports.catalogue import PERIODIC_REPORT
from macros.exports.common import NO_LICENCE
from macros.exports.periodic_report import periodic_report_docx, whole_plan_period

pytestmark = pytest.mark.build

CC_BY = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0"}


def test_every_download_equals_the_export_of_the_same_build(site, plan, state):
    config = settings(site.project)
    period = (dt.date(2025, 6, 20), REFERENCE_DATE)  # xa-mau's date to the build's
    expected = export_files(plan, REFERENCE_DATE, config["site_url"], config["extra"]["ke_hoach"]["licence"], state, period)
    assert set(expected) == {d.name for d in DOWNLOADS}
    for name, data in expected.items():
        assert site.path(urls.download(name)).read_bytes() == data, name
    exported = json.loads(site.path(urls.download("plan.json")).read_text(encoding="utf-8"))
    assert exported["export"]["generated"] == "2025-10-15"  # the build's reference date, not the wall clock
    assert len(exported["updates"]) == 7


def test_the_page_links_every_file_table_first_and_shows_its_true_size(site):
    tree = site.tree(urls.DOWNLOADS)
    links = tree.xpath("//article//li[contains(@class,'kh-file')]//a[@download]")
    names = [a.text_content() for a in links]
    assert names == [d.name for d in DOWNLOADS] and names[:2] == ["tasks.xlsx", "tasks.csv"]
    assert [urljoin("/" + urls.DOWNLOADS, a.get("href")) for a in links] == ["/" + urls.download(n) for n in names]
    for link, name in zip(links, names, strict=True):
        size = site.path(urls.download(name)).stat().st_size
        item = tree.xpath(f"//li[contains(@class,'kh-file')][.//a[@href='{link.get('href')}']]")[0]
        card = " ".join(item.text_content().split())
        shown = re.search(r"(\d+(?:,\d)?) (kB|byte)\b", card)
        assert shown, card
        number = float(shown[1].replace(",", "."))
        assert (number == size) if shown[2] == "byte" else abs(number * 1000 - size) <= 50, (name, shown[0], size)
    text = site.text(urls.DOWNLOADS)
    assert "UTF-8 có BOM" in text and "dấu phẩy" in text
    assert "11 nhiệm vụ và 1 mục tiêu đề (II.1" in text  # counted from the plan


def test_the_catalogue_is_what_du_lieu_publishes_lists_and_packages(any_site):
    """Each file under du-lieu/ is an entry of the catalogue, shown on Dữ liệu mở with the catalogue's title,
    format and encoding, and described in datapackage.json with its media type when it is a data resource."""
    plan, site = any_site
    folder = site.root / urls.DOWNLOADS
    published = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"index.html"}
    entries = {d.name: d for d in DOWNLOADS}
    assert published <= set(entries), published - set(entries)
    offered = [d for d in DOWNLOADS if d.name in published]
    assert {d.name for d in DOWNLOADS} - published <= {PERIODIC_REPORT.name}  # absent only without a period
    cards = site.tree(urls.DOWNLOADS).xpath("//article//li[contains(@class,'kh-file')]")
    assert [c.xpath(".//a[@download]")[0].text_content() for c in cards] == [d.name for d in offered]
    for card, download in zip(cards, offered, strict=True):
        assert card.xpath(".//*[@class='kh-file__title']")[0].text_content() == download.title
        facts = [dd.text_content() for dd in card.xpath(".//dl[contains(@class,'kh-file__facts')]/dd")]
        assert facts[:2] == [download.format_label, download.encoding_label], download.name
    package = json.loads(site.path(urls.download("datapackage.json")).read_bytes())
    resources = {r["path"]: r for r in package["resources"]}
    assert list(resources) == [d.name for d in offered if d.resource is not None]
    for path, resource in resources.items():
        download = entries[path]
        assert download.resource is not None
        assert (resource["name"], resource["mediatype"], resource.get("encoding")) == (
            download.resource.name, download.media_type, download.encoding,
        )
        assert resource["bytes"] == site.path(urls.download(path)).stat().st_size


def test_the_page_offers_the_periodic_report_of_the_plan_so_far(site, state):
    """xa-mau is dated 20/6/2025; the build's reference date is 15/10/2025."""
    data = site.path(urls.download(PERIODIC_REPORT.name)).read_bytes()
    assert data == periodic_report_docx(state, dt.date(2025, 6, 20), REFERENCE_DATE)[1]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "từ ngày 20/6/2025 đến ngày 15/10/2025" in text and "BÁO CÁO" in text
    item = site.tree(urls.DOWNLOADS).xpath(f"//li[contains(@class,'kh-file')][.//a[text()='{PERIODIC_REPORT.name}']]")[0]
    described = " ".join(item.text_content().split())
    assert "từ ngày 20/6/2025 đến ngày 15/10/2025" in described and "Nghị định 30/2020/NĐ-CP" in described
    assert "make report" in described


def test_each_plan_offers_the_report_only_when_it_has_a_period(any_site):
    """nhieu-don-vi is dated 5/1/2026, after the reference date: it has nothing to report on yet."""
    plan, site = any_site
    assert site.project is not None
    period = whole_plan_period(fixture_state(site.project / "data"))
    offered = site.root / urls.download(PERIODIC_REPORT.name)  # not site.path, which requires the file
    assert offered.exists() == (period is not None) == (PERIODIC_REPORT.name in site.text(urls.DOWNLOADS))
    if plan.plan.date is not None and plan.plan.date > REFERENCE_DATE:
        assert period is None


def test_the_page_says_the_licence_has_not_been_announced(site):
    assert settings(site.project)["extra"]["ke_hoach"]["licence"] is None
    text = site.text(urls.DOWNLOADS)
    assert NO_LICENCE in text
    assert "chưa công bố giấy phép" in text


def test_the_page_points_excel_users_with_vietnamese_settings_to_the_xlsx(site):
    note = " ".join(site.tree(urls.DOWNLOADS).xpath("//article//*[contains(@class,'kh-excel-note')]")[0].text_content().split())
    assert "tasks.xlsx" in note and "tasks.csv" in note
    assert "“;”" in note and "một cột" in note and "vùng Việt Nam" in note


def test_the_page_lists_the_columns_in_file_order(site):
    tree = site.tree(urls.DOWNLOADS)
    rows = tree.xpath("//table[contains(@class,'kh-columns')]/tbody/tr")
    assert [r.xpath("th")[0].text_content() for r in rows] == [c.header for c in COLUMNS]
    assert [" ".join(r.xpath("td")[1].text_content().split()) for r in rows] == [c.description for c in COLUMNS]
    text = site.text(urls.DOWNLOADS)
    assert all(h in text for h in UNIT_HEADERS)


def test_the_build_date_is_written_the_vietnamese_way(site):
    assert "lần dựng này: ngày 15/10/2025" in site.text(urls.DOWNLOADS)


def test_home_page_and_navigation_lead_to_the_downloads(site):
    home = site.tree(urls.HOME)
    entry = home.xpath(f"//ul[contains(@class,'kh-entry')]//a[@href='{urls.DOWNLOADS}']")
    assert entry and "Tải dữ liệu" in entry[0].text_content()
    nav = [a.text_content().strip() for a in home.xpath("//nav[contains(@class,'md-nav--primary')]//a")]
    assert "Dữ liệu mở" in nav and "Bản in" in nav


def test_du_lieu_leads_to_the_format_page_which_states_the_versioning_rule(site):
    tree = site.tree(urls.DOWNLOADS)
    link = tree.xpath("//article//a[text()='Định dạng dữ liệu plan.json']/@href")
    assert link and urljoin("/" + urls.DOWNLOADS, link[0]) == "/" + urls.DATA_FORMAT
    text = " ".join(site.text(urls.DATA_FORMAT).split())
    assert "chấp nhận mọi phiên bản phụ" in text and "từ chối phiên bản chính mà nó không biết" in text
    exported = json.loads(site.path(urls.download("plan.json")).read_bytes())["export"]
    assert f"Tệp trên là bản {exported['version']}.{exported['minor']}" in text  # the page names the version files carry
    nav = [a.text_content().strip() for a in site.tree(urls.HOME).xpath("//nav[contains(@class,'md-nav--primary')]//a")]
    assert nav.index("Định dạng dữ liệu") == nav.index("Dữ liệu mở") + 1


def test_a_licence_set_in_the_one_setting_reaches_the_page_and_the_files(tmp_path):
    project = copy_project(tmp_path / "project", XA_MAU)
    set_licence(project, CC_BY)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = BuiltSite(tmp_path / "site", project)
    html = site.html(urls.DOWNLOADS)
    text = site.text(urls.DOWNLOADS)
    assert "Dữ liệu được công bố theo giấy phép CC BY 4.0" in text and NO_LICENCE not in text
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert json.loads(site.path(urls.download("plan.json")).read_bytes())["export"]["licence"]["name"] == "CC-BY-4.0"
    assert json.loads(site.path(urls.download("datapackage.json")).read_bytes())["licenses"] == [CC_BY]


@pytest.mark.parametrize(
    "bad", ["CC-BY-4.0", {"title": "chỉ có tên"}, {"name": "x", "url": "y"}], ids=["text", "title-only", "unknown-key"]
)
def test_a_malformed_licence_setting_stops_the_build_in_vietnamese(tmp_path, bad):
    project = copy_project(tmp_path / "project", XA_MAU)
    set_licence(project, bad)
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "extra.ke_hoach.licence" in output and "Traceback" not in output


def test_frictionless_own_validator_finds_every_resource_valid(site):
    """Journalists and agencies check the data package with Frictionless: each resource must read as what it is."""
    from frictionless import validate

    report = validate(str(site.root / urls.download("datapackage.json")))
    tasks = {task.name: (task.type, task.valid, [e.message for e in task.errors]) for task in report.tasks}
    assert report.valid, tasks
    assert tasks["tasks"][0] == "table" and {tasks["plan"][0], tasks["plan-schema"][0]} == {"json"}
