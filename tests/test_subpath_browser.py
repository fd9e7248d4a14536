"""The site works where GitHub Pages puts a project site: under /<repository>/, with its own 404 page.

Every browser test serves xa-mau this way (conftest.base_url); here every link and asset of every page is
followed over HTTP, and an unknown address gets a 404 page that is styled, searchable and leads home."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import lxml.html
import pytest

from macros import urls

pytestmark = pytest.mark.browser


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the test's own loopback server)
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_every_internal_link_and_asset_of_every_page_answers(site, base_url, tally):
    host = urllib.parse.urlsplit(base_url).netloc
    pages = [p for p in sorted(site.root.rglob("*.html")) if p.name != "404.html"]
    targets: dict[str, str] = {}
    anchors: list[tuple[str, str, str]] = []  # (page, fragment, where the link is)
    for page in pages:
        address = base_url + page.parent.relative_to(site.root).as_posix() + "/"
        address = address.replace("/./", "/")
        tree = lxml.html.fromstring(page.read_bytes())
        for link in tree.xpath("//a/@href | //link/@href | //script/@src | //img/@src"):
            full = urllib.parse.urljoin(address, link)
            target, _, fragment = full.partition("#")
            if urllib.parse.urlsplit(target).netloc == host and target:
                targets.setdefault(target, address)
                if fragment and target.endswith("/"):
                    anchors.append((target, fragment, address))
    broken = {target: source for target, source in targets.items() if status(target) != 200}
    assert not broken, f"{len(broken)} of {len(targets)} addresses do not answer: {list(broken.items())[:10]}"
    assert len(targets) > len(pages)
    ids: dict[str, set[str]] = {}
    for target, fragment, source in anchors:
        if target not in ids:
            local = site.root / urllib.parse.unquote(target[len(base_url):]) / "index.html"
            ids[target] = set(lxml.html.fromstring(local.read_bytes()).xpath("//@id"))
        assert urllib.parse.unquote(fragment) in ids[target], (source, target, fragment)
    tally[f"Địa chỉ nội bộ trả lời 200 khi phục vụ dưới {urllib.parse.urlsplit(base_url).path}"] = len(targets)


def test_an_unknown_address_gets_the_site_s_404_page_styled_and_searchable(page, base_url):
    response = page.goto(base_url + "khong-co-trang-nay/")
    assert response is not None and response.status == 404
    assert "404" in page.locator("article h1").first.inner_text()
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.keyboard.type("tram y te")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
    first = page.locator(".md-search-result__item > a").first.get_attribute("href") or ""
    assert urllib.parse.urljoin(page.url, first).split("?")[0] == base_url + urls.unit("tram-y-te")
