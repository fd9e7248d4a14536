"""The core renders every page type from a plan alone, with no generator: golden files, one page of each type.

In the manner of mkdocs-gen-files' tests: the xa-mau fixture plan, its reports and fixed build facts go into
:class:`macros.site.pages.Site`; the first page of every page type is rendered by the project's templates
(:func:`macros.site.render.render_page`) and compared with ``tests/golden/<page type>.html``. No MkDocs runs, so the
same files hold for whatever generator drives the core. A change to a page's markup shows as a diff here. A rollup's
page types come from a rollup of generated members (tests/rollup_helpers.py), the rest from xa-mau, which has none.

To update the golden files after an intended change, run and review the diff::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_golden_pages.py
    git diff tests/golden/
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.members import province_plan
from helpers import REFERENCE_DATE, XA_MAU, fixture_state, load_fixture
from macros.site.facts import BuildFacts, Repo
from macros.site.pages import Site
from macros.site.render import render_page
from rollup_helpers import FAILED_WITH_COPY, FAILED_WITHOUT_COPY, members, rollup_project, rollup_site

pytestmark = pytest.mark.unit

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
FACTS = BuildFacts(reference_date=REFERENCE_DATE, site_url="https://vi-du.github.io/ke-hoach/",
                   repo=Repo("https://github.com/vi-du/ke-hoach"))  # fmt: skip


@pytest.fixture(scope="module")
def core() -> Site:
    return Site(load_fixture(XA_MAU).plan, fixture_state(XA_MAU), FACTS)


@pytest.fixture(scope="module")
def rollup_core(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A rollup of four generated members (the 2nd stale, the 3rd failed with a copy kept, the 4th with none): the
    rollup's page types have no page on xa-mau's site."""
    plan = province_plan()
    fakes = members(4, plan, stale={2})
    fakes[2].reason = FAILED_WITH_COPY
    fakes[3].reason, fakes[3].had_copy = FAILED_WITHOUT_COPY, False
    return rollup_site(rollup_project(tmp_path_factory.mktemp("golden-rollup") / "project", fakes, plan))


def rollup_pages(site: Site) -> dict[str, str]:
    return {kind: html for kind, html in first_pages(site).items() if kind.startswith("rollup")}


def first_pages(site: Site) -> dict[str, str]:
    """Page type → HTML of its first page, in the site's order of page types."""
    out: dict[str, str] = {}
    for spec in site.pages:
        if spec.page_type not in out:
            out[spec.page_type] = render_page(site, spec)
    return out


def test_every_page_type_renders_as_its_golden_file(core: Site, rollup_core: Site) -> None:
    pages = first_pages(core)
    assert not rollup_pages(core)
    pages |= rollup_pages(rollup_core)
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.glob("*.html"):
            old.unlink()
        for page_type, html in pages.items():
            (GOLDEN / f"{page_type}.html").write_text(html, encoding="utf-8")
    expected = {p.stem: p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.html")}
    assert sorted(expected) == sorted(pages), "Loại trang mới hay bị bỏ: chạy lại với UPDATE_GOLDEN=1 rồi xem git diff."
    changed = [name for name, html in pages.items() if html != expected[name]]
    assert not changed, f"Trang khác tệp mẫu tests/golden/: {changed}; nếu đúng ý, chạy lại với UPDATE_GOLDEN=1."


def test_rendering_twice_gives_the_same_bytes(core: Site, rollup_core: Site) -> None:
    assert first_pages(core) == first_pages(Site(core.plan, core.progress, FACTS))
    again = Site(rollup_core.plan, rollup_core.progress, rollup_core.facts, rollup_core.rollup)
    assert rollup_pages(rollup_core) == rollup_pages(again)
