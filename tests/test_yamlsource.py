"""Reading YAML with libyaml gives exactly what the pure-Python reader gives: data, lines and messages."""

from __future__ import annotations

import pytest
import yaml

from helpers import FIXTURES, PLAN_DIRS
from macros.plan import yamlsource
from macros.plan.problems import DataError, Problem
from macros.text import INVISIBLE, code_point

pytestmark = pytest.mark.unit

PLANS = [d / "plan.yaml" for d in PLAN_DIRS.values()] + sorted((FIXTURES / "good").glob("*.yaml"))
BAD = sorted((FIXTURES / "bad").glob("*.yaml"))


def read_with(loader: type[yaml.SafeLoader], text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(yamlsource, "FastLoader", loader)
    try:
        doc = yamlsource.parse_yaml(text, "ke-hoach.yaml")
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return doc.data, doc.lines


def test_libyaml_is_installed_so_builds_use_it():
    assert yaml.__with_libyaml__ and issubclass(yamlsource.FastLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("path", PLANS + BAD, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_both_readers_give_the_same_data_lines_and_messages(path, monkeypatch):
    text = yamlsource.read_text(path)
    fast = read_with(yamlsource.FastLoader, text, monkeypatch)  # libyaml, with the short-cut for text scalars
    assert fast == read_with(yaml.CSafeLoader, text, monkeypatch)
    assert fast == read_with(yaml.SafeLoader, text, monkeypatch)


# ---------------------------------------------------------------- characters nobody can see

def refusals(text: str) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        yamlsource.parse_yaml(text, "ke-hoach.yaml")
    return caught.value.problems


@pytest.mark.parametrize("char", sorted(INVISIBLE), ids=code_point)
def test_every_invisible_character_is_refused_at_its_line_and_column(char):
    [problem] = refusals(f"plan:\n  title: \"Kế hoạch{char} thử\"\n")
    assert (problem.line, problem.column, problem.field) == (2, 19, "plan.title")
    assert f"{code_point(char)} ({INVISIBLE[char]})" in problem.message and "hãy xóa ký tự này" in problem.message
    assert str(problem).startswith("ke-hoach.yaml:2:19: lỗi [plan.title]: ở cột 19")


def test_each_one_is_reported_in_keys_lists_and_block_texts_alike():
    text = ("units:\n  - id: a\n    name: \"Phòng\u200b Kinh tế\"\n"
            "    ali\u00adases:\n      - |\n        dòng một\n        dòng \u202ehai\n")
    found = [(p.line, p.column, p.field, p.message.split(" (")[0]) for p in refusals(text)]
    assert found == [
        (3, 17, "units[a].name", "ở cột 17 có ký tự vô hình U+200B"),
        (4, 8, "units[a]", "ở cột 8 có ký tự vô hình U+00AD"),
        (7, 14, "units[a].ali\u00adases[0]", "ở cột 14 có ký tự điều khiển hướng chữ U+202E"),
    ]


def test_an_escaped_character_is_reported_at_its_value():
    [problem] = refusals('note: "Đã xong \\u202Eviệc"\n')
    assert (problem.line, problem.column) == (1, 7)
    assert problem.message.startswith("trong giá trị bắt đầu ở cột 7 có ký tự điều khiển hướng chữ U+202E")


def test_a_long_paste_lists_the_first_characters_and_counts_the_rest():
    problems = refusals("note: \"" + "chữ\u00ad" * (yamlsource.MAX_UNSEEN + 5) + "\"\n")
    assert len(problems) == yamlsource.MAX_UNSEEN + 1
    assert problems[-1].message.startswith("còn 5 ký tự vô hình nữa")


def test_what_shows_as_it_is_typed_is_accepted(tmp_path):
    """A leading byte order mark, non-breaking spaces and comments are not text a page shows reversed or doubled."""
    path = tmp_path / "ke-hoach.yaml"
    path.write_text("\ufeffplan:\n  title: \"Kế\u00a0hoạch\"  # ghi chú \u202e\n", encoding="utf-8")
    assert yamlsource.load_yaml(path).data == {"plan": {"title": "Kế\u00a0hoạch"}}


def test_a_column_is_pinned_for_github_too():
    problem = Problem("data/plan.yaml", 4, "plan.title", "x", column=9)
    assert problem.github_annotation() == "::error file=data/plan.yaml,line=4,col=9::plan.title: x"
