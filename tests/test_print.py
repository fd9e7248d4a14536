"""Bản in: the appendix as signed, on the page and on A4 landscape paper printed by headless Chromium."""

from __future__ import annotations

import json
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from browser import chromium_path
from conftest import ROOT
from macros.progress.state import DERIVED_LABELS, OVERDUE_LABEL
from macros.progress.refdate import reference_date
from macros.text import plain, vn_date
from test_downloads_site import settings

URL = "ban-in"


def squeeze(text: str) -> str:
    """Text as a PDF gives it back, compared without spaces and line breaks (extractors split words)."""
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def cell_texts(row) -> list[str]:
    return [" ".join(c.text_content().split()) for c in row.xpath("td|th")]


def texts(task) -> list[str]:
    """Paragraphs and list items of a task, without emphasis marks."""
    out = []
    for block in task.content:
        out += [plain(block)] if isinstance(block, str) else [plain(item) for item in block.items]
    return out


# ---------------------------------------------------------------- the page


def test_table_has_the_source_headers_verbatim(site, plan):
    headers = [th.text_content() for th in site.tree(URL).xpath("//table[contains(@class,'kh-print__table')]/thead//th")]
    assert headers == plan.plan.source_columns
    assert "ĐƠN VỊ PHÓI HỢP" in headers  # the source's own typo, kept


def test_rows_follow_the_source_sections_numbers_and_cells(site, plan):
    rows = site.tree(URL).xpath("//table[contains(@class,'kh-print__table')]/tbody/tr")
    sections = [r for r in rows if "kh-print__section" in r.get("class")]
    tasks = [r for r in rows if "kh-print__task" in r.get("class")]
    headings = [r for r in tasks if "kh-print__task--heading" in r.get("class")]
    assert (len(rows), len(sections), len(tasks), len(headings)) == (30, 6, 24, 1)
    assert len(tasks) - len(headings) == len(plan.leaf_tasks) == 23
    assert [cell_texts(r) for r in sections] == [[s.id, s.title] for s in plan.sections]
    assert sections[0].xpath("th/@colspan") == ["5"]
    assert [r.get("data-task") for r in tasks] == [t.id for t in plan.tasks]
    for row, task in zip(tasks, plan.tasks):
        cells = cell_texts(row)
        assert cells[0] == task.number, task.id
        paragraphs = [" ".join(e.text_content().split()) for e in row.xpath("td[2]/p|td[2]/ul/li")]
        assert paragraphs == [" ".join(t.split()) for t in texts(task)], task.id
        if task.heading:
            assert cells[2:] == ["", "", "", ""]
        else:
            wording = [task.lead.text, task.coordinating.text, task.deliverable.text, task.schedule.text]
            assert cells[2:] == [" ".join(plain(w).split()) for w in wording], task.id
    assert [cell_texts(r)[0] for r in tasks if r.get("data-task").startswith("IV.1")] == ["1", "a", "b", "c"]


def test_empty_cells_stay_empty_and_no_links_or_unit_names_are_added(site, plan):
    tree = site.tree(URL)
    i1 = tree.xpath("//tr[@data-task='I.1']")[0]
    assert cell_texts(i1)[3] == ""  # no coordinating unit in the source
    assert not tree.xpath("//table[contains(@class,'kh-print__table')]//a")
    # The source's own spelling, not the registry's name: "Phòng Văn hoá-Xã hội và các cơ quan…"
    assert cell_texts(i1)[2] == plan.task_by_id["I.1"].lead.text


def test_emphasis_and_the_dashed_list_are_kept(site):
    tree = site.tree(URL)
    items = tree.xpath("//tr[@data-task='VI.4']//ul[contains(@class,'kh-dash-list')]/li")
    assert len(items) == 3
    assert tree.xpath("//tr[@data-task='VI.4']//em")[0].text == "Thấu hiểu lòng dân, tận tâm phục vụ"
    assert tree.xpath("//tr[@data-task='IV.1.a']//em")[0].text.startswith("bao gồm vốn đầu tư công")


def test_top_and_foot_carry_the_document_and_the_build(site, plan):
    meta = plan.plan
    text = " ".join(site.tree(URL).xpath("//article")[0].text_content().split())
    assert text.index(meta.source_label) < text.index(meta.source_title) < text.index(meta.source_attachment)
    for basis in meta.legal_bases:
        assert basis.title in text
    foot = " ".join(site.tree(URL).xpath("//footer[contains(@class,'kh-print__foot')]")[0].text_content().split())
    assert vn_date(reference_date(ROOT)) in foot and settings()["site_url"] in foot


def test_no_progress_status_and_no_editorial_note(site, plan):
    text = " ".join(site.tree(URL).xpath("//article")[0].text_content().split())
    source = " ".join(" ".join(texts(t)) + " " + t.schedule.text for t in plan.tasks)
    labels = [label for label in [*DERIVED_LABELS.values(), OVERDUE_LABEL] if label not in source]
    assert len(labels) >= 4
    for label in labels:
        assert label not in text, label
    assert plan.task_by_id["V.8"].note not in text
    assert "Ghi chú" not in text


def test_print_page_is_kept_out_of_search(site):
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("ban-in/")]


def test_screen_view_has_a_print_button_and_a_back_link_instead_of_site_chrome(page, base_url):
    page.goto(base_url + "ban-in/")
    assert page.get_by_role("button", name="In trang này").is_visible()
    assert page.get_by_role("link", name="← Về trang chủ").is_visible()
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.is_hidden(), selector
    page.goto(base_url + "du-lieu/")  # other pages keep theirs
    assert page.locator(".md-header").is_visible()


# ---------------------------------------------------------------- on paper


@pytest.fixture(scope="module")
def pdf(base_url, tmp_path_factory):
    """The page printed by headless Chromium's own --print-to-pdf, default options (browser header and footer on)."""
    folder = tmp_path_factory.mktemp("pdf")
    out = folder / "ban-in.pdf"
    result = subprocess.run(
        [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={out}", f"{base_url}ban-in/"],
        capture_output=True, text=True, timeout=120,
    )
    assert out.exists() and out.stat().st_size > 10_000, result.stderr[-2000:]
    return PdfReader(out)


def test_pdf_is_a4_landscape_with_numbered_pages(pdf):
    pages = pdf.pages
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2  # A4 landscape, in points
        assert squeeze(f"Trang {number}/{len(pages)}") in squeeze(page.extract_text())


def test_pdf_repeats_the_table_header_and_the_footer_on_every_page(pdf, plan):
    header = squeeze("".join(plan.plan.source_columns))
    foot = squeeze(f"Bản in từ {settings()['site_url']}, dựng ngày {vn_date(reference_date(ROOT))}")
    for page in pdf.pages:
        text = squeeze(page.extract_text())
        assert header in text
        assert foot in text


def test_pdf_holds_every_task_in_order(pdf, plan):
    text = squeeze(" ".join(page.extract_text() for page in pdf.pages))
    position = 0
    for task in plan.tasks:
        for paragraph in texts(task):
            found = text.find(squeeze(paragraph), position)
            assert found >= 0, f"{task.id}: {paragraph[:60]}"
            position = found
    for section in plan.sections:
        assert squeeze(section.title) in text
    assert squeeze(plan.plan.source_attachment) in text


def test_pdf_shows_no_navigation_search_or_tools(pdf, plan):
    text = " ".join(page.extract_text() for page in pdf.pages)
    squeezed = squeeze(text)
    source = squeeze(" ".join(" ".join(texts(t)) for t in plan.tasks))
    chrome = ["Trang chủ", "Tìm kiếm", "Theo phần", "Theo đơn vị", "Theo sản phẩm", "Theo thời gian",
              "Tất cả nhiệm vụ", "Tra cứu", "Giới thiệu", "Dữ liệu mở", "In trang này", "Về trang chủ",
              "Mã nguồn và dữ liệu", "Kế hoạch tín dụng chính sách xã hội — xã Ba Dinh"]
    for label in chrome:
        assert squeeze(label) not in source, label  # else the check below would prove nothing
        assert squeeze(label) not in squeezed, label
