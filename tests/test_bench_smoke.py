"""The benchmark's plans are plans the project accepts and builds: a generated 100-task plan passes
`python -m macros check`, builds strictly, and its site shows every task and every report. Not timed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, built, run_cli
from macros import urls
from macros.progress.updates import record_id

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402

pytestmark = pytest.mark.build


def test_generated_plan_is_checked_built_and_shown(tmp_path: Path) -> None:
    plan_dir = generate.write_plan(tmp_path / "plan", 100)
    result = run_cli("check", str(plan_dir / "plan.yaml"), "--updates", str(plan_dir / "updates"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cảnh báo" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr

    plan = yaml.safe_load((plan_dir / "plan.yaml").read_text(encoding="utf-8"))
    tasks = [t for s in plan["sections"] for t in s["tasks"]]
    reports = sorted((plan_dir / "updates").glob("*.yaml"))
    assert len(tasks) == 100
    assert reports, "the generator writes progress reports"

    site = built(plan_dir, tmp_path / "build")
    for task in tasks:
        assert f"Nhiệm vụ {task['id']}" in site.text(urls.task(task["id"])), task["id"]
    for path in reports:
        report = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = site.tree(urls.task(report["task"]))
        shown = page.xpath(f"//*[@id='{urls.report_anchor(record_id(path.stem))}']")
        assert shown, f"{path.name} is not on the page of {report['task']}"
        assert report["note"] in " ".join(shown[0].text_content().split())
