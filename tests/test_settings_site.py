"""A site owner's settings reach every place that uses them: build, edit links, report button, `make check`.

The project's own mkdocs.yml keeps the defaults, so only a project whose
plan, reports and branch live elsewhere shows that nothing still assumes
data/plan.yaml or the branch main.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from helpers import PLAN_IN_PROJECT, UPDATES_IN_PROJECT, XA_MAU, BuiltSite, build_site, copy_project, run_cli
from macros import urls

pytestmark = pytest.mark.build

PLAN = "ke-hoach/ke-hoach-2026.yaml"
REPORTS = "ke-hoach/bao-cao"
BRANCH = "phat-trien"


def with_block(project: Path, **settings: str) -> None:
    """Replace the defaults of the extra.ke_hoach block of the copy's mkdocs.yml."""
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    for key, default in (("plan", "data/plan.yaml"), ("updates", "data/updates"), ("branch", "main")):
        if key in settings:
            assert f"\n    {key}: {default}\n" in text, f"mkdocs.yml no longer sets extra.ke_hoach.{key}: {default}"
            text = text.replace(f"\n    {key}: {default}\n", f"\n    {key}: {settings[key]}\n")
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuiltSite]:
    """xa-mau with its plan and reports moved out of data/ and another main branch, built."""
    work = tmp_path_factory.mktemp("settings")
    project = copy_project(work / "project", XA_MAU)
    (project / "ke-hoach").mkdir()
    shutil.move(project / PLAN_IN_PROJECT, project / PLAN)
    shutil.move(project / UPDATES_IN_PROJECT, project / REPORTS)
    with_block(project, plan=PLAN, updates=REPORTS, branch=BRANCH)
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, BuiltSite(work / "site", project)


def test_the_build_publishes_the_plan_and_reports_the_settings_name(moved):
    project, site = moved
    history = site.tree(urls.task("I.1")).xpath("//ol[contains(@class,'kh-timeline')]/li")
    assert len(history) == len(list((project / REPORTS).glob("*-i-1-*.yaml")))
    assert f"trong tệp dữ liệu {PLAN}" in site.text(urls.task("I.1"))


def test_edit_view_and_report_links_follow_the_branch_and_paths(moved):
    _, site = moved
    task_page = site.html(urls.task("I.1"))
    assert f"/edit/{BRANCH}/{PLAN}" in task_page
    assert f"/blob/{BRANCH}/{PLAN}#L" in task_page
    report = site.tree(urls.task("I.1")).xpath("//a[contains(@class,'kh-report')]/@href")
    assert report and unquote(report[0]).split("?")[0].endswith(f"/new/{BRANCH}/{REPORTS}")
    assert f"/edit/{BRANCH}/docs/gioi-thieu.md" in site.html(urls.ABOUT)


def test_make_check_reads_the_same_files_as_the_build(moved):
    project, _ = moved
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr
    reports = len(list((project / REPORTS).glob("*.yaml")))
    assert result.stdout.startswith(f"Hợp lệ: {PLAN}:") and f"{reports} báo cáo tiến độ" in result.stdout


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ({"plan": "/tmp/ke-hoach.yaml"}, "extra.ke_hoach.plan"),
        ({"plan": "../ke-hoach.yaml"}, "cần một đường dẫn trong kho"),
        ({"plan": "data"}, "đây là một thư mục"),
        ({"updates": PLAN_IN_PROJECT}, "cần một thư mục chứa các tệp báo cáo"),
    ],
    ids=["absolute", "outside", "folder-as-plan", "file-as-reports"],
)
def test_a_wrong_path_stops_the_build_with_a_message_not_a_traceback(tmp_path, setting, words):
    project = copy_project(tmp_path / "project", XA_MAU)
    with_block(project, **setting)
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert words in output and "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_docs_folder_that_is_a_link_elsewhere_builds_with_edit_links_to_docs(tmp_path):
    """A fork may keep its hand-written pages elsewhere and link docs/ to them: the build goes on, and the
    edit links still name docs/ in the repository, as the link's name says."""
    project = copy_project(tmp_path / "project", XA_MAU)
    elsewhere = tmp_path / "pages"
    (project / "docs").rename(elsewhere)
    (project / "docs").symlink_to(elsewhere, target_is_directory=True)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    site = BuiltSite(tmp_path / "site", project)
    edit = site.tree("gioi-thieu/").xpath("//a[contains(@class,'md-content__button')]/@href")
    assert edit and edit[0].endswith("/docs/gioi-thieu.md"), edit
