"""Make files in a second process while this one goes on with the pages.

The open data files (a spreadsheet, a calendar, JSON…) are a pure function
of the loaded plan, and no page needs them until the end of the build, but
making them is a real share of a large plan's build (bench/RESULTS.md). A forked child, which inherits the
loaded plan without reading it again, makes them on the machine's other core
and leaves them in a temporary folder; :meth:`Pending.result` collects them.

Forking is only safe in a process with one thread: ``mkdocs serve`` runs a
web server beside its builds, so there (and where ``os.fork`` does not
exist) the files are made in this process, when first asked for. A child
that fails says nothing and the files are made again here, so that a real
error is raised where it can be reported.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

Files = dict[str, bytes]
MANIFEST = "manifest.json"


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


class Pending:
    """Files being made by ``make``, in a child process when that is safe."""

    def __init__(self, make: Callable[[], Files], *, fork: bool | None = None):
        self._make = make
        self._result: Files | None = None
        self._folder: Path | None = None
        self._pid: int | None = None
        if can_fork() if fork is None else fork:
            self._folder = Path(tempfile.mkdtemp(prefix="ke-hoach-tep-"))
            self._pid = os.fork()
            if self._pid == 0:
                _child(make, self._folder)

    @property
    def forked(self) -> bool:
        return self._pid is not None

    def result(self) -> Files:
        """The files, waiting for the child if it is still at work."""
        if self._result is None:
            files = self._collect() if self._pid is not None else None
            self._result = files if files is not None else self._make()
        return self._result

    def close(self) -> None:
        """Stop waiting for files no one will ask for (the build failed)."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None
        self._remove()

    def _collect(self) -> Files | None:
        assert self._pid is not None and self._folder is not None
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        try:
            if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                return None
            names = json.loads((self._folder / MANIFEST).read_text(encoding="utf-8"))
            return {name: (self._folder / str(number)).read_bytes() for number, name in enumerate(names)}
        finally:
            self._remove()

    def _remove(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def _child(make: Callable[[], Files], folder: Path) -> None:
    """Make the files, write them under numbers (their names may hold folders) and exit without
    running the parent's exit handlers or flushing its buffers a second time.

    The parent may fork with its garbage collector off (while a build reads its data): the child,
    which makes every file of a large plan, collects as any process does."""
    code = 1
    gc.enable()
    try:
        files = make()
        for number, data in enumerate(files.values()):
            (folder / str(number)).write_bytes(data)
        (folder / MANIFEST).write_text(json.dumps(list(files), ensure_ascii=False), encoding="utf-8")
        code = 0
    except BaseException:  # noqa: BLE001 - the parent makes the files again and reports the error itself
        pass
    finally:
        os._exit(code)
