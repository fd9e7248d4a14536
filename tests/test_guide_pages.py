"""The hand-written Hướng dẫn page explains codes and search with the published plan's own tasks and units."""

from __future__ import annotations

import pytest

from macros import urls
from macros.plan.examples import examples
from macros.text import ascii_words

pytestmark = pytest.mark.build

GUIDE = "huong-dan/"


def test_the_guide_names_tasks_units_and_issuer_of_the_plan_it_is_built_with(any_site):
    plan, site = any_site
    chosen = examples(plan)
    tree = site.tree(GUIDE)
    text = " ".join(tree.xpath("//article")[0].text_content().split())
    assert f"{chosen.task.id} là nhiệm vụ" in text
    assert f"{chosen.task.id.replace('.', '').lower()}" in text
    assert f"{ascii_words(chosen.unit.name)} tìm được \"{chosen.unit.name}\"" in text
    assert text.rstrip(".").endswith(plan.plan.issuer)
    linked = tree.xpath("//article//a[strong]/@href")
    assert linked[0].endswith(urls.task(chosen.task.id)), linked
    if chosen.subitem is not None:
        assert f"{chosen.subitem.id} là mục" in text
    group = next((u.short for u in plan.units if u.kind == "group"), None)
    assert ("thành viên (ví dụ" in text) == bool(group)
    assert group is None or f"thành viên (ví dụ \"{group}\")" in text
