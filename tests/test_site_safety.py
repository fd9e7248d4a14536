"""Text from the data is shown as text on every page: never run as Jinja, never as HTML."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, PLAN_IN_PROJECT, BuiltSite, build_site, built, copy_project, search_documents
from macros import urls

pytestmark = pytest.mark.build


def plan_folder(tmp_path, source):  # noqa: ANN001, ANN201
    """A folder holding ``source`` as plan.yaml, as copy_project expects a fixture plan."""
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "plan.yaml").write_bytes(source.read_bytes())
    return folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> BuiltSite:
    workdir = tmp_path_factory.mktemp("hostile")
    return built(plan_folder(workdir, FIXTURES / "site" / "injection.yaml"), workdir)


def test_task_content_shows_exactly_its_characters(hostile):
    text = " ".join(hostile.tree(urls.task("I.1.a")).text_content().split())
    assert "{{ 7*7 }} <script>alert(1)</script>" in text
    assert "{% raw %}[x](http://a) em *b* `c` :smile:" in text  # only *…* is emphasis; links, code, emoji stay literal
    assert "{{ 7*7 }} <b>x</b>" in text and "{% if true %}y{% endif %}" in text


def test_no_page_runs_injected_markup(hostile):
    for page in hostile.pages():
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(" not in html, page
        assert "<b>x</b>" not in html, page
        assert '<a href="http://a"' not in html, page


def test_names_are_not_rendered_as_jinja_anywhere(hostile):
    seen = 0
    for page in hostile.pages():
        url = "" if page.parent == hostile.root else str(page.parent.relative_to(hostile.root))
        text = " ".join(hostile.tree(url).text_content().split())
        if "Văn hoá" in text:
            seen += 1
            assert "Phòng {{ 6*7 }} Văn hoá" in text, page
            assert "Phòng 42 Văn hoá" not in text, page
    assert seen >= 3


def test_titles_stay_inside_the_title_element(hostile):
    for url in (urls.unit("cac-co-quan"), urls.section("I")):
        tree = hostile.tree(url)
        titles = tree.xpath("//head/title")
        assert len(titles) == 1
        assert "</title><script>alert(" in titles[0].text_content(), url
        assert not tree.xpath("//head/script[contains(., 'alert(')]"), url
    assert "{{ 6*7 }}" in hostile.tree(urls.unit("phong-van-hoa")).xpath("//head/title")[0].text_content()


def test_bad_data_stops_the_build_with_a_vietnamese_message(tmp_path):
    dest = tmp_path / "site"
    project = copy_project(tmp_path / "project", plan_folder(tmp_path, FIXTURES / "bad" / "unknown_unit.yaml"))
    result = build_site(project, dest)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{PLAN_IN_PROJECT}:42: lỗi" in output
    assert f"Không dựng trang: 1 lỗi trong {PLAN_IN_PROJECT}" in output
    assert "Traceback" not in output
    assert not dest.exists() or not any(dest.iterdir())  # nothing half-published


def test_the_search_index_holds_data_as_escaped_text(hostile):
    """Material shows a result's title and text as HTML: a task's "<script>" must arrive as text."""
    entry = next(doc for doc in search_documents(hostile.path(urls.SEARCH_INDEX)) if doc["location"] == urls.task("I.1.a"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in entry["text"]
    assert "<script>" not in hostile.path(urls.SEARCH_INDEX).read_text(encoding="utf-8")
