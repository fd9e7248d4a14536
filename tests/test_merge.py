"""Two units reporting at once: their pull requests add different files, so git merges them untouched."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, PLAN_IN_PROJECT, UPDATES_IN_PROJECT, git
from macros.plan.loader import load_plan
from macros.progress.state import plan_progress
from macros.progress.updates import load_updates

pytestmark = pytest.mark.unit

FIX = FIXTURES / "updates"


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
        git(repo, *args)

    for branch, name, task, unit in (
        ("phong-van-hoa", "2025-10-02-i-2-phong-van-hoa.yaml", "I.2", "phong-van-hoa"),
        ("ngan-hang", "2025-10-02-ii-1-ngan-hang.yaml", "II.1", "ngan-hang"),
    ):
        git(repo, "switch", "-q", "-c", branch, "main")
        report(repo, name, task, unit)
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", f"báo cáo {task}")

    git(repo, "switch", "-q", "main")
    git(repo, "merge", "--no-ff", "-q", "-m", "gộp 1", "phong-van-hoa")  # a conflict fails here, in git's words
    git(repo, "merge", "--no-ff", "-q", "-m", "gộp 2", "ngan-hang")
    assert git(repo, "diff", "--name-only", "--diff-filter=U").stdout == ""

    plan = load_plan(repo / PLAN_IN_PROJECT).plan
    records = load_updates(repo / UPDATES_IN_PROJECT, plan, dt.date(2025, 10, 2)).records
    progress = plan_progress(plan, records, dt.date(2025, 10, 2))
    assert progress["I.2"].status == progress["II.1"].status == "hoan-thanh"
