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


def test_there_are_a_pull_request_and_a_pages_workflow():
    assert [p.name for p in WORKFLOWS] == ["pages.yml", "pull-request.yml"]


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


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_read_only_by_default_and_write_only_where_pages_are_deployed(path):
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in workflow["on"]
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        if name == "xuat-ban":
            assert granted == {"pages": "write", "id-token": "write"}
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
