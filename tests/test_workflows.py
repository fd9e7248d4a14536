"""The GitHub Actions workflows: zizmor (strictest persona) and GitHub's schema find nothing,
and the project's own rules (least privilege, pinned actions, no untrusted text in scripts) hold."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

pytestmark = pytest.mark.unit

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=ROOT, capture_output=True, text=True)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_there_are_a_harvest_a_pull_request_and_a_pages_workflow():
    assert [p.name for p in WORKFLOWS] == ["harvest.yml", "pages.yml", "pull-request.yml"]


def test_zizmor_auditor_persona_reports_nothing():
    result = run(str(BIN / "zizmor"), "--offline", "--persona=auditor", ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_workflows_match_githubs_schema():
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_matches_its_schema():
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.dependabot", ".github/dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment(path):
    lines = [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for uses in lines:
        assert PINNED.match(uses), uses


WRITERS = {
    ("pages.yml", "xuat-ban"): {"pages": "write", "id-token": "write"},
    ("harvest.yml", "thu-thap"): {"contents": "write", "pull-requests": "write"},
}
"""The only jobs that may write, and exactly what each may write."""


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_read_only_by_default_and_write_only_where_pages_are_deployed_or_the_harvest_proposed(path):
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in workflow["on"]
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        if (path.name, name) in WRITERS:
            assert granted == WRITERS[path.name, name]
        else:
            assert "write" not in granted.values(), name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_interpolated_into_a_script_and_checkout_keeps_no_token(path):
    for job in load(path)["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_pull_request_workflow_checks_tests_builds_and_summarises():
    steps = load(ROOT / ".github" / "workflows" / "pull-request.yml")["jobs"]["kiem-tra"]["steps"]
    scripts = "\n".join(step.get("run", "") for step in steps)
    for command in ("make check", "make test", "make build", 'python -m macros diff "$BASE_SHA" HEAD >> "$GITHUB_STEP_SUMMARY"'):
        assert command in scripts
    summary = next(step for step in steps if "macros diff" in step.get("run", ""))
    assert summary["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}


def test_harvest_workflow_runs_nightly_and_on_demand_and_proposes_the_snapshot_by_pull_request():
    workflow = load(ROOT / ".github" / "workflows" / "harvest.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    [schedule] = workflow["on"]["schedule"]
    minute, hour, *every_day = schedule["cron"].split()
    assert every_day == ["*", "*", "*"] and 0 <= int(hour) < 24 and 0 <= int(minute) < 60
    assert workflow["concurrency"]["cancel-in-progress"] is False  # a harvest is never cut off by the next one
    [job] = workflow["jobs"].values()
    steps = job["steps"]
    scripts = [step.get("run", "") for step in steps]
    order = [next(i for i, script in enumerate(scripts) if command in script)
             for command in ("make harvest", "make check", "make build", "gh pr create")]
    assert order == sorted(order)  # the snapshot is checked and built before it is proposed
    assert not any("git push" in script and "main" in script for script in scripts)  # never straight to main
    proposing = next(step for step in steps if "gh pr create" in step.get("run", ""))
    assert proposing["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert all("GH_TOKEN" not in step.get("env", {}) for step in steps if step is not proposing)
    harvesting = next(step for step in steps if "make harvest" in step.get("run", ""))
    assert harvesting["shell"] == "bash"  # pipefail: a harvest where every member failed fails the job despite tee
