"""axe-core finds nothing on any page type, at phone and desktop widths."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import axe_violations, settled
from macros import urls

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


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", PAGES)
def test_page_has_no_violations(browser, base_url, axe, url, width, tally):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + url)
    assert axe_violations(axe, page) == []
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
    assert axe_violations(axe, page) == []
    context.close()


SLOW_FADE = ".md-tabs[hidden] .md-tabs__link { transition: opacity 12s linear !important; }"


def scrolled_mid_fade(browser, base_url):  # noqa: ANN001, ANN201
    """A desktop page scrolled down while the header's tabs are still fading out (the fade slowed to 12 s,
    so that axe runs well inside it)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + urls.ALL_TASKS)
    page.add_style_tag(content=SLOW_FADE)
    page.evaluate("window.scrollTo(0, 600)")
    page.wait_for_function("document.querySelector('.md-tabs').hidden")
    return context, page


def test_tabs_fading_out_after_a_scroll_are_judged_once_gone(browser, base_url, axe):
    """Run mid-fade, axe-core reads the tabs' half-transparent text as a contrast fault (what a fresh machine saw
    after the form scrolled to its errors); on the settled page the tabs are gone and nothing is reported."""
    context, page = scrolled_mid_fade(browser, base_url)
    page.wait_for_function("getComputedStyle(document.querySelector('.md-tabs__link')).opacity < 0.5")
    assert "color-contrast" in {v["id"] for v in axe.run(page).response["violations"]}
    assert axe_violations(axe, page) == []
    opacities = page.evaluate("[...document.querySelectorAll('.md-tabs__link')].map(a => getComputedStyle(a).opacity)")
    assert set(opacities) == {"0"}
    context.close()


def test_waiting_for_the_page_to_settle_hides_no_real_contrast_fault(browser, base_url, axe):
    """Grey on grey text that stays on the page is still reported after the wait."""
    context, page = scrolled_mid_fade(browser, base_url)
    page.evaluate("""() => { const p = document.createElement('p'); p.textContent = 'Chữ khó đọc';
        p.style.cssText = 'color:#999;background:#aaa'; document.querySelector('article').prepend(p); }""")
    assert settled(page).evaluate("getComputedStyle(document.querySelector('.md-tabs__link')).opacity") == "0"
    found = axe.run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in found] == [("color-contrast", [["article > p"]])]
    context.close()
