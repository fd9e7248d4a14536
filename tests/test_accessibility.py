"""axe-core finds nothing on any kind of page, at phone and desktop widths."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.site import urls

pytestmark = pytest.mark.browser

# One page of every kind, the hand-written pages and the 404 page.
PAGES = [urls.HOME, urls.SECTIONS, urls.section("II"), urls.UNITS, urls.unit("tram-y-te"), urls.KINDS, urls.kind("bao-cao"),
         urls.SCHEDULES, urls.schedule(urls.DUE_SCHEDULE), urls.ALL_TASKS, urls.task("II.1.a"), urls.task("I.3"),
         urls.LOOKUP, urls.DOWNLOADS, urls.PRINT, urls.REPORT_FORM, urls.report_form("II.1.c"), "gioi-thieu/", "huong-dan/",
         "404.html"]
WIDTHS = [390, 1280]


@pytest.fixture(scope="module")
def axe():
    return Axe()


def violations(axe, page) -> list[str]:
    result = axe.run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", PAGES)
def test_page_has_no_violations(browser, base_url, axe, url, width, tally):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + url)
    assert violations(axe, page) == []
    context.close()
    tally["Trang × bề ngang qua axe-core, không vi phạm"] += 1


@pytest.mark.parametrize("width", WIDTHS)
def test_search_dialog_with_results_has_no_violations(browser, base_url, axe, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    if width < 960:
        page.click("label.md-header__button[for=__search]")
    page.locator("input[data-md-component=search-query]").focus()
    page.keyboard.type("tram y te")
    page.wait_for_selector(".md-search-result__item mark")
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    assert violations(axe, page) == []
    context.close()
