"""Bản in on screen and on A4 landscape paper printed by headless Chromium's own --print-to-pdf."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from helpers import CHROMIUM_ARGS, REFERENCE_DATE, chromium_path, settings
from helpers import content_texts as texts
from macros import urls
from macros.text import vn_date

pytestmark = pytest.mark.browser


def squeeze(text: str) -> str:
    """Text as a PDF gives it back, compared without spaces and line breaks (extractors split words)."""
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def test_screen_view_has_a_print_button_and_a_back_link_instead_of_site_chrome(page, base_url):
    page.goto(base_url + urls.PRINT)
    assert page.get_by_role("button", name="In trang này").is_visible()
    assert page.get_by_role("link", name="← Về trang chủ").is_visible()
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.is_hidden(), selector
    page.goto(base_url + urls.DOWNLOADS)  # other pages keep theirs
    assert page.locator(".md-header").is_visible()


# ---------------------------------------------------------------- on paper


@pytest.fixture(scope="module")
def pdf(base_url, tmp_path_factory):
    """The page printed by headless Chromium's own --print-to-pdf, default options (browser header and footer on)."""
    folder = tmp_path_factory.mktemp("pdf")
    out = folder / "ban-in.pdf"
    result = subprocess.run(
        [chromium_path(), *CHROMIUM_ARGS, f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={out}",
         f"{base_url}{urls.PRINT}"],
        capture_output=True, text=True, timeout=120,
    )
    assert out.exists() and out.stat().st_size > 10_000, result.stderr[-2000:]
    return PdfReader(out)


def test_pdf_is_a4_landscape_with_numbered_pages(pdf):
    pages = pdf.pages
    assert len(pages) >= 2  # enough to see the header and footer repeat
    for number, page in enumerate(pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2  # A4 landscape, in points
        assert squeeze(f"Trang {number}/{len(pages)}") in squeeze(page.extract_text())


def test_pdf_repeats_the_table_header_and_the_footer_on_every_page(pdf, plan, site):
    header = squeeze("".join(plan.plan.source_columns))
    foot = squeeze(f"Bản in từ {settings(site.project)['site_url']}, dựng ngày {vn_date(REFERENCE_DATE)}")
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


def test_pdf_shows_no_navigation_search_or_tools(pdf, plan, site):
    text = " ".join(page.extract_text() for page in pdf.pages)
    squeezed = squeeze(text)
    source = squeeze(" ".join(" ".join(texts(t)) for t in plan.tasks))
    chrome = ["Trang chủ", "Tìm kiếm", "Theo phần", "Theo đơn vị", "Theo sản phẩm", "Theo thời gian",
              "Tất cả nhiệm vụ", "Tra cứu", "Giới thiệu", "Dữ liệu mở", "In trang này", "Về trang chủ",
              "Mã nguồn và dữ liệu", settings(site.project)["site_name"]]
    for label in chrome:
        assert squeeze(label) not in source, label  # else the check below would prove nothing
        assert squeeze(label) not in squeezed, label
