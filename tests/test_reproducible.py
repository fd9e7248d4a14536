"""Anyone can rebuild the published site and get it byte for byte: the same plan, reports and
SOURCE_DATE_EPOCH give identical files, the sitemap, the search index and every download included."""

from __future__ import annotations

import pytest

from helpers import XA_MAU, build_site, copy_project, published
from macros import urls

pytestmark = pytest.mark.build


def files(root):  # noqa: ANN001, ANN201
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_sources_are_identical(tmp_path):
    project = copy_project(tmp_path / "project", XA_MAU)
    first, second = tmp_path / "first", tmp_path / "second"
    for dest in (first, second):
        result = build_site(project, dest)
        assert result.returncode == 0, result.stderr[-2000:]
    one, two = files(first), files(second)
    assert set(one) == set(two)
    differ = sorted(name for name in one if one[name] != two[name])
    assert not differ, differ
    assert {"sitemap.xml", "du-lieu/tasks.xlsx"} <= set(one)
    for address in (urls.SEARCH_INDEX, urls.SEARCH_CONFIG, urls.LOOKUP_DATA, urls.SEARCH_WORKER):
        assert published(first, address).relative_to(first) == published(second, address).relative_to(second), address
