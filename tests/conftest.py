"""Session fixtures: the xa-mau fixture plan, its site built once from a project copy, a browser.

Helpers live in tests/helpers.py; test modules import from there, never from each other.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from helpers import (
    CHROMIUM_ARGS,
    PLAN_DIRS,
    XA_MAU,
    BuiltSite,
    built,
    chromium_path,
    fixture_state,
    load_fixture,
    serve,
    site_path,
)

# ---------------------------------------------------------------- markers

KINDS = ("unit", "build", "browser")
# Fixtures that mean a test builds a site or drives Chromium: a "unit" test may not use them.
NEEDS_BUILD = {"site", "any_site", "base_url"}
NEEDS_BROWSER = {"browser", "page", "base_url"}


TALLY = pytest.StashKey[Counter[str]]()


@pytest.fixture(scope="session")
def tally(request: pytest.FixtureRequest) -> Counter[str]:
    """Counts the run reports at its end (what the checkers covered): tests add to them by name."""
    return request.config.stash.setdefault(TALLY, Counter())


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    counts = config.stash.get(TALLY, Counter())
    if counts:
        terminalreporter.section("Số liệu của lần kiểm thử")
        for name, count in counts.items():
            terminalreporter.write_line(f"{name}: {count}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test says what it needs (unit, build or browser), and a unit test really needs neither,
    so that `pytest -m unit` stays fast and honest."""
    wrong: list[str] = []
    for item in items:
        kinds = [k for k in KINDS if item.get_closest_marker(k)]
        fixtures = set(getattr(item, "fixturenames", ()))
        if len(kinds) != 1:
            wrong.append(f"{item.nodeid}: cần đúng một dấu trong {KINDS}, đang có {kinds}")
        elif kinds == ["unit"] and fixtures & (NEEDS_BUILD | NEEDS_BROWSER):
            wrong.append(f"{item.nodeid}: đánh dấu unit nhưng dùng {sorted(fixtures & (NEEDS_BUILD | NEEDS_BROWSER))}")
        elif kinds == ["build"] and fixtures & NEEDS_BROWSER:
            wrong.append(f"{item.nodeid}: đánh dấu build nhưng dùng trình duyệt {sorted(fixtures & NEEDS_BROWSER)}")
    if wrong:
        raise pytest.UsageError("Dấu kiểm thử sai:\n" + "\n".join(wrong))


# ---------------------------------------------------------------- the xa-mau plan and its site


@pytest.fixture(scope="session")
def plan():
    """The xa-mau fixture plan (tests/fixtures/plans/xa-mau/plan.yaml)."""
    return load_fixture(XA_MAU).plan


@pytest.fixture(scope="session")
def state():
    """xa-mau's progress at the fixed reference date (REFERENCE_DATE), as its site shows it."""
    return fixture_state(XA_MAU)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """xa-mau built once per run with `mkdocs build --strict`, from a copy of the project."""
    return built(XA_MAU, tmp_path_factory.mktemp("xa-mau"))


# pytest may set a parametrised session fixture up again when it reorders tests; a plan is built once.
_SITES: dict[str, BuiltSite] = {}


@pytest.fixture(scope="session", params=sorted(PLAN_DIRS))
def any_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """(plan, built site) for each fixture plan: for what must hold whatever the plan's shape."""
    name = request.param
    if name == XA_MAU.name:
        site = request.getfixturevalue("site")
    else:
        site = _SITES.get(name) or built(PLAN_DIRS[name], tmp_path_factory.mktemp(name))
        _SITES[name] = site
    return load_fixture(PLAN_DIRS[name]).plan, site


@pytest.fixture(scope="session")
def base_url(site: BuiltSite):
    """The xa-mau site served under the path of its site_url, as a GitHub project site is."""
    assert site.project is not None
    url, server = serve(site.root, site_path(site.project))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

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
