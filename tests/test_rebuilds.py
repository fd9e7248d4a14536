"""`mkdocs serve` builds again in the same process at every change: each build leaves it as it found it.

The hooks keep what a build reads out of Python's garbage collector's sight while it lasts
(macros/mkdocs_glue/events.py); a clerk who edits the plan for an afternoon must not see the
server grow with every save, nor stop collecting after a save that broke the plan."""

from __future__ import annotations

import gc
import weakref

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from helpers import PLAN_IN_PROJECT, XA_MAU, copy_project
from macros.mkdocs_glue import events

pytestmark = pytest.mark.unit


@pytest.fixture
def config(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project", XA_MAU)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760486400")
    loaded = load_config(str(project / "mkdocs.yml"))
    yield loaded
    events.on_build_error(RuntimeError("end of test"))  # the downloads' process and folder go too
    if gc.get_freeze_count():
        gc.unfreeze()


def test_a_new_build_lets_the_last_one_s_plan_go(config):
    events.on_config(config)
    last = weakref.ref(events.current_site().plan)
    events.on_config(config)
    assert last() is None, "the plan of the build before is still held"
    assert gc.isenabled() and gc.get_freeze_count()


def test_a_plan_that_does_not_read_leaves_the_collector_on(config):
    events.on_config(config)
    plan = config.config_file_path.rsplit("/", 1)[0] + "/" + PLAN_IN_PROJECT
    with open(plan, "a", encoding="utf-8") as broken:
        broken.write("\n  - [\n")
    with pytest.raises(Abort):
        events.on_config(config)
    assert gc.isenabled() and not gc.get_freeze_count()
