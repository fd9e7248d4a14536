"""The site lists its page types in the declared order, whatever order their modules are imported in."""

from __future__ import annotations

import pytest

from bench.members import province_plan
from helpers import REFERENCE_DATE, XA_MAU, fixture_state, load_fixture
from macros.site.facts import BuildFacts
from macros.site.pages import PAGE_ORDER, PAGE_TYPES, Site, register
from macros.site.pages.base import IndexPageType
from rollup_helpers import members, rollup_project, rollup_site

pytestmark = pytest.mark.unit


def test_pages_come_in_the_declared_order_of_page_types(tmp_path):
    site = Site(load_fixture(XA_MAU).plan, fixture_state(XA_MAU), BuildFacts(reference_date=REFERENCE_DATE))
    seen = list(dict.fromkeys(spec.page_type for spec in site.pages))
    assert seen == [kind for kind in PAGE_ORDER if kind in seen]
    assert set(seen) == {kind for kind in PAGE_TYPES if not kind.startswith("rollup")}  # a rollup's only on a rollup
    plan = province_plan()
    rollup = rollup_site(rollup_project(tmp_path / "project", members(2, plan), plan))
    seen = list(dict.fromkeys(spec.page_type for spec in rollup.pages))
    assert seen == list(PAGE_ORDER) and set(seen) == set(PAGE_TYPES)


def test_a_kind_without_a_place_in_the_order_is_refused():
    class Stray(IndexPageType):
        page_type = "stray"
        url = "lac/"
        title = "Lạc"

        def context(self, key: str | None, part: int = 1) -> object:
            return object()

    with pytest.raises(RuntimeError, match="PAGE_ORDER"):
        register(Stray)
    assert "stray" not in PAGE_TYPES and "stray" not in PAGE_ORDER
