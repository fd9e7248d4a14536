"""Shared fixtures. Paths are relative to the repository, never to ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PLAN = ROOT / "data" / "plan.yaml"
SOURCE = ROOT / "data" / "sources" / "phu-luc-nhiem-vu-ke-hoach-17-KH-UBND-xa-ba-dinh.txt"




@pytest.fixture(scope="session")
def plan():
    from macros.plan.loader import load_plan

    return load_plan(PLAN).plan


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built once per test run with `mkdocs build --strict`."""
    from sitebuild import BuiltSite, build_site

    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(dest)


@pytest.fixture(scope="session")
def base_url(site):
    from browser import serve

    url, server = serve(site.root)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    yield tab
    context.close()
