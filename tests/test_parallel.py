"""Files made in a second process are the files made in this one, and a failure there is reported here."""

from __future__ import annotations

import gc
import os
import tempfile
import time
from pathlib import Path

import pytest

from macros.build.parallel import Pending

pytestmark = pytest.mark.unit


def _files() -> dict[str, bytes]:
    return {"tasks.xlsx": bytes(range(256)) * 10, "du-lieu/ghi chú.json": "Quảng Ngãi".encode(), "empty": b""}


def _leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("ke-hoach-tep-*")}


def test_forked_files_are_the_files_made_here_and_no_folder_is_left():
    before = _leftovers()
    pending = Pending(_files, fork=True)
    assert pending.forked
    assert pending.result() == _files()
    assert pending.result() is pending.result()  # collected once
    assert _leftovers() == before


def test_the_child_works_while_this_process_goes_on(tmp_path):
    signal = tmp_path / "go-on"

    def waits_for_the_parent() -> dict[str, bytes]:
        for _ in range(200):  # up to 10 s: the parent writes the file once the constructor has returned
            if signal.exists():
                return {"saw-parent": b"yes", "pid": str(os.getpid()).encode()}
            time.sleep(0.05)
        return {"saw-parent": b"no"}

    pending = Pending(waits_for_the_parent, fork=True)
    signal.write_text("go")
    files = pending.result()
    assert files["saw-parent"] == b"yes"
    assert files["pid"] != str(os.getpid()).encode()  # made in another process


def test_a_failure_in_the_child_is_raised_here_with_its_own_message():
    calls = []

    def broken() -> dict[str, bytes]:
        calls.append(os.getpid())
        raise ValueError("tệp hỏng")

    pending = Pending(broken, fork=True)
    with pytest.raises(ValueError, match="tệp hỏng"):
        pending.result()
    assert calls == [os.getpid()]  # the child's attempt is not seen here; this process made the files again


def test_without_fork_the_files_are_made_when_first_asked_for():
    calls = []

    def make() -> dict[str, bytes]:
        calls.append(1)
        return _files()

    pending = Pending(make, fork=False)
    assert not pending.forked and calls == []
    assert pending.result() == _files() and calls == [1]


def test_close_stops_a_child_whose_files_no_one_will_ask_for():
    before = _leftovers()

    def endless() -> dict[str, bytes]:
        time.sleep(60)
        return {}

    pending = Pending(endless, fork=True)
    started = time.monotonic()
    pending.close()
    assert time.monotonic() - started < 5
    assert _leftovers() == before


def test_the_child_collects_garbage_though_forked_while_this_process_did_not():
    """A build forks while it reads its data with the collector off (macros/mkdocs_glue/events.py); the child makes
    every download of a large plan and must not keep every cycle it makes until it exits."""
    gc.disable()
    try:
        pending = Pending(lambda: {"collecting": str(gc.isenabled()).encode()}, fork=True)
    finally:
        gc.enable()
    assert pending.forked and pending.result() == {"collecting": b"True"}
