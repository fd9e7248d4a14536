"""The report button, clicked in a real browser: the file it proposes carries the day of the click."""

from __future__ import annotations

import urllib.parse

import pytest

from macros import urls

pytestmark = pytest.mark.browser


def test_report_button_uses_todays_date_in_vietnam_at_the_click(page, base_url):
    page.goto(base_url + urls.task("II.1.c"))
    page.route("https://github.com/**", lambda route: route.abort())
    link = page.locator("a.kh-report")
    built = link.get_attribute("data-ref-date")
    today = page.evaluate("() => new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh'}).format(new Date())")
    link.evaluate("a => a.addEventListener('click', e => e.preventDefault())")
    link.click()
    href = link.get_attribute("href")
    assert today in urllib.parse.unquote(href)
    if today != built:
        assert built not in href
