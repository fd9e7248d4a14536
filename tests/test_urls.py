"""The site's addresses are a published promise: people bookmark them and the open data files print them.

This is the one test that writes addresses out in full; every other test asks macros.urls.
"""

from __future__ import annotations

import pytest

from macros import urls

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("made", "address"),
    [
        (urls.task("III.2"), "nhiem-vu/iii-2/"),
        (urls.task("IV.1.a"), "nhiem-vu/iv-1-a/"),
        (urls.task("IV.1.đ"), "nhiem-vu/iv-1-dd/"),  # đ follows d: both sub-items keep their own page
        (urls.section("IV"), "phan/iv/"),
        (urls.unit("van-phong"), "don-vi/van-phong/"),
        (urls.kind("bao-cao"), "san-pham/bao-cao/"),
        (urls.schedule(urls.DUE_SCHEDULE), "thoi-gian/co-thoi-han/"),
        (urls.download("tasks.csv"), "du-lieu/tasks.csv"),
        (urls.FEED, "feed.xml"),
        (urls.PRINT, "ban-in/"),
    ],
)
def test_addresses_keep_their_published_form(made, address):
    assert made == address


def test_lookup_filters_are_the_names_the_page_reads():
    assert urls.lookup() == "tra-cuu/"
    assert urls.lookup(unit="van-phong", role=urls.LEAD_ROLE) == "tra-cuu/?don-vi=van-phong&vai-tro=chu-tri"
    assert urls.lookup(unit="x", groups=True, words="tín dụng") == "tra-cuu/?don-vi=x&nhom=1&tu-khoa=t%C3%ADn+d%E1%BB%A5ng"


def test_every_page_source_is_its_folder_index():
    assert urls.source_path(urls.HOME) == "index.md"
    assert urls.source_path(urls.task("III.2")) == "nhiem-vu/iii-2/index.md"


@pytest.mark.parametrize("site_url", ["https://example.org/ke-hoach", "https://example.org/ke-hoach/"])
def test_absolute_addresses_have_one_slash_between_site_and_page(site_url):
    assert urls.absolute(site_url, urls.task("III.2")) == "https://example.org/ke-hoach/nhiem-vu/iii-2/"
    assert urls.absolute(None, urls.task("III.2")) is None
    assert urls.site_base("") is None
