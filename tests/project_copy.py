"""A copy of the project in a temporary folder, to build or test another plan without touching this one.

A commune that adopts the project forks it and replaces data/plan.yaml; a
test does the same in a copy: the code, pages, tests and settings are
copied, and the plan is whatever the test puts at data/plan.yaml there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What a fork holds besides its data: code, hand-written pages, tests, settings, build and CI files.
PROJECT_DIRS = ("docs", "macros", "tests", ".ci")
PROJECT_FILES = ("mkdocs.yml", "Makefile", "pytest.ini")
PROJECT_GLOBS = ("requirements*.txt", "requirements*.in", "data/*.schema.json")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")

# A fixed build date (1 December 2025, Vietnam time), so that two builds of one plan are the same site.
BUILD_EPOCH = "1764547200"


def copy_project(dest: Path, *, with_data: bool = False) -> Path:
    """The project's code and settings copied into ``dest``; with ``with_data``, also data/ as it is.

    Files keep their modification times (``copy2``), so that make sees the
    environment it is given as already installed for requirements.txt."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_DIRS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=IGNORED)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, dest / name)
    for pattern in PROJECT_GLOBS:
        for path in ROOT.glob(pattern):
            (dest / path.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / path.relative_to(ROOT))
    if with_data:
        shutil.copytree(ROOT / "data", dest / "data", ignore=IGNORED, dirs_exist_ok=True)
    return dest


def build_env(**extra: str) -> dict[str, str]:
    """The environment of a reproducible build: fixed date, no MkDocs 2 banner, no other plan file."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, **extra}
    env.pop("KE_HOACH_PLAN", None)
    return env


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``project`` as it is, into ``site_dir``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=project, env=build_env(), capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
