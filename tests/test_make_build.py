"""`make build` publishes all or nothing: a failed build leaves the last good site/ as it was."""

from __future__ import annotations

import os
import subprocess

import pytest

from helpers import PLAN_IN_PROJECT, ROOT, XA_MAU, build_env, copy_project

pytestmark = pytest.mark.build


def make_build(project):  # noqa: ANN001, ANN201
    return subprocess.run(
        ["make", "--no-print-directory", "build", f"VENV={ROOT / '.venv'}"],
        cwd=project, env=build_env(), capture_output=True, text=True, timeout=900, check=False,
    )


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    project = copy_project(tmp_path / "project", XA_MAU)
    os.utime(project / "requirements.txt", (0, 0))  # the running environment is installed already
    first = make_build(project)
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    home = project / "site" / "index.html"
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert home.exists()

    # The plan is valid and changed, so every page would change; a broken link fails the strict build only
    # at its end, after MkDocs has written the pages: built in place, site/ would be half the new site.
    plan = project / PLAN_IN_PROJECT
    plan.write_text(plan.read_text(encoding="utf-8").replace("  title: ", "  title: Bản sửa — ", 1), encoding="utf-8")
    (project / "docs" / "trang-loi.md").write_text("# Trang lỗi\n\n[liên kết hỏng](khong-co.md)\n", encoding="utf-8")
    second = make_build(project)
    assert second.returncode != 0
    assert "Traceback" not in second.stderr
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before, "the failed build changed the published site"
    assert not (project / ".site-new").exists(), "the half-built folder was left behind"
