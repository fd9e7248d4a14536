"""Two units reporting at once: their pull requests add different files, so git merges them untouched."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import FIXTURES, PLAN_IN_PROJECT, UPDATES_IN_PROJECT
from macros.plan.loader import load_plan
from macros.progress.state import plan_progress
from macros.progress.updates import load_updates

pytestmark = pytest.mark.unit

FIX = FIXTURES / "updates"


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)


def report(repo: Path, name: str, task: str, unit: str) -> None:
    (repo / UPDATES_IN_PROJECT / name).write_text(
        "# yaml-language-server: $schema=../update.schema.json\n"
        f"task: {task}\ndate: 2025-10-02\nstatus: hoan-thanh\nunit: {unit}\n",
        encoding="utf-8",
    )


def test_two_branches_each_adding_a_report_merge_without_conflict(tmp_path):
    repo = tmp_path / "repo"
    (repo / PLAN_IN_PROJECT).parent.mkdir(parents=True)
    shutil.copy(FIX / "plan.yaml", repo / PLAN_IN_PROJECT)
    shutil.copytree(FIX / "updates", repo / UPDATES_IN_PROJECT)
    for args in (("init", "-q", "-b", "main"), ("add", "."), ("commit", "-q", "-m", "kế hoạch")):
        assert git(repo, *args).returncode == 0

    for branch, name, task, unit in (
        ("phong-van-hoa", "2025-10-02-i-2-phong-van-hoa.yaml", "I.2", "phong-van-hoa"),
        ("ngan-hang", "2025-10-02-ii-1-ngan-hang.yaml", "II.1", "ngan-hang"),
    ):
        git(repo, "switch", "-q", "-c", branch, "main")
        report(repo, name, task, unit)
        git(repo, "add", ".")
        assert git(repo, "commit", "-q", "-m", f"báo cáo {task}").returncode == 0

    git(repo, "switch", "-q", "main")
    first = git(repo, "merge", "--no-ff", "-q", "-m", "gộp 1", "phong-van-hoa")
    second = git(repo, "merge", "--no-ff", "-q", "-m", "gộp 2", "ngan-hang")
    assert first.returncode == 0 and second.returncode == 0, second.stdout + second.stderr
    assert git(repo, "diff", "--name-only", "--diff-filter=U").stdout == ""

    plan = load_plan(repo / PLAN_IN_PROJECT).plan
    records = load_updates(repo / UPDATES_IN_PROJECT, plan, dt.date(2025, 10, 2)).records
    progress = plan_progress(plan, records, dt.date(2025, 10, 2))
    assert progress["I.2"].status == progress["II.1"].status == "hoan-thanh"
