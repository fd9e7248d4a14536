"""Reading YAML with libyaml gives exactly what the pure-Python reader gives: data, lines and messages."""

from __future__ import annotations

import pytest
import yaml

from helpers import FIXTURES, PLAN_DIRS
from macros.plan import yamlsource
from macros.plan.problems import DataError

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
