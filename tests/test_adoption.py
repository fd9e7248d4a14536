"""Adoption: another body forks the project, runs `make adopt SOURCE=<its appendix>`, and everything passes.

For every appendix under tests/fixtures/adoption/ (.txt exports, Word files, PDF files, each a plan that shares no
task, unit or wording with the published one), in a git copy of the project: `make adopt`, then with no hand edit
`make check` (placeholders as warnings), `make build` and the acceptance module, which reads the new source on its
own terms. A second `make adopt` changes nothing; an adopt over uncommitted work in data/ writes nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, BuiltSite, build_env, copy_project, git, settings
from macros import urls
from macros.mkdocs_glue.settings import project_settings
from macros.plan.loader import load_plan

pytestmark = pytest.mark.build

VENV = Path(sys.executable).parents[1]  # the running environment: make must not create another one
# The appendices written for adoption, and the Word and PDF files the importer's own tests were made from
# (tests/fixtures/import/pdf/make.py): a whole signed decision as PDF, its appendix as a Word file.
APPENDICES = sorted(p for p in (FIXTURES / "adoption").iterdir() if p.suffix in (".txt", ".docx", ".pdf")) + [
    FIXTURES / "import" / "pdf" / "van-ban-ky.pdf", FIXTURES / "import" / "pdf" / "xa-mau.docx"]
OLD_PLAN = load_plan(ROOT / project_settings(ROOT).plan).plan  # the plan the project publishes before adopting


def run(command: list[str], cwd: Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=build_env(), capture_output=True, text=True, timeout=900, check=False)
    if ok:
        assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def make(target: str, cwd: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    return run(["make", "--no-print-directory", target, f"VENV={VENV}", *args], cwd, ok)


def fork(dest: Path) -> Path:
    """The project as a body's fork holds it: its files, data and GitHub templates, committed in git."""
    project = copy_project(dest, with_data=True)
    shutil.copytree(ROOT / ".github", project / ".github")
    os.utime(project / "requirements.txt", (0, 0))  # the running environment is installed already
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "bản sao")
    return project


def status(project: Path) -> str:
    return git(project, "status", "--porcelain").stdout


@pytest.fixture(scope="module", params=APPENDICES, ids=[p.name for p in APPENDICES])
def adopted(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(project, appendix, what make adopt printed) for one appendix."""
    appendix: Path = request.param
    project = fork(tmp_path_factory.mktemp(appendix.stem) / "ke-hoach")
    result = make("adopt", project, f"SOURCE={appendix}")
    return project, appendix, result.stdout + result.stderr


def test_adopt_replaces_the_plan_its_source_and_the_sample_reports(adopted: tuple[Path, Path, str]) -> None:
    project, appendix, printed = adopted
    assert "Đã nhận phụ lục" in printed and "Còn phải làm" in printed
    sources = sorted(p.name for p in (project / "data" / "sources").iterdir())
    assert sources == [appendix.name]
    assert (project / "data" / "sources" / appendix.name).read_bytes() == appendix.read_bytes()
    reports = list((project / "data" / "updates").glob("*.yaml"))
    assert not [r for r in reports if re.search(r"(?m)^example: true", r.read_text(encoding="utf-8"))]
    plan = load_plan(project / "data" / "plan.yaml").plan
    named = {u for t in plan.tasks for u in [*t.lead.units, *t.coordinating.units]}
    groups = {g for u in plan.units if u.id in named for g in u.member_of}
    assert {u.id for u in plan.units} == named | groups  # the units the new appendix names, nothing of the old list


def test_make_check_passes_and_lists_what_is_left_to_fill(adopted: tuple[Path, Path, str]) -> None:
    project, _, printed = adopted
    result = make("check", project)
    assert "Hợp lệ: data/plan.yaml" in result.stdout and "0 báo cáo tiến độ" in result.stdout
    marked = re.findall(r"(?m)^(\S+?):(\d+): cảnh báo.*còn chỗ cần điền", result.stderr)
    assert ("docs/gioi-thieu.md", "3") in marked and any(f == "data/plan.yaml" for f, _ in marked)
    for file, line in marked:  # the command printed the same places
        assert f"{file}:{line}" in printed


def test_make_build_publishes_the_new_plan_and_nothing_of_the_old_one(adopted: tuple[Path, Path, str]) -> None:
    project, _, _ = adopted
    make("build", project)
    site = BuiltSite(project / "site", project)
    plan = load_plan(project / "data" / "plan.yaml").plan
    assert sorted(site.tree(urls.PRINT).xpath("//tr[@data-task]/@data-task")) == sorted(t.id for t in plan.tasks)
    old_site = settings(ROOT)["site_url"]
    for page in (urls.HOME, "gioi-thieu/", "huong-dan/", urls.REPORT_FORM, urls.PRINT):
        html = site.html(page)
        assert OLD_PLAN.plan.issuer not in html, f"{page} còn tên cơ quan của kế hoạch cũ"
        assert old_site not in html, f"{page} còn địa chỉ trang của kế hoạch cũ"
    guide = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    gone = set(OLD_PLAN.unit_by_id) - set(plan.unit_by_id)  # a unit both plans have (cong-an-xa) may stay named
    assert not [u for u in gone if re.search(rf"(?<![\w-]){re.escape(u)}(?![\w-])", guide)]


def test_the_acceptance_module_passes_on_the_new_plan(adopted: tuple[Path, Path, str]) -> None:
    project, _, _ = adopted
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_acceptance.py",
                  "tests/test_contributing.py"], project)  # fmt: skip
    assert re.search(r"\b\d+ passed\b", result.stdout) and "failed" not in result.stdout and "error" not in result.stdout


def test_adopting_the_same_appendix_again_changes_nothing(adopted: tuple[Path, Path, str]) -> None:
    project, appendix, _ = adopted
    git(project, "add", "-A")
    git(project, "commit", "-qm", "nhận phụ lục")
    result = make("adopt", project, f"SOURCE={appendix}")
    assert "không có gì thay đổi" in result.stdout
    assert status(project) == ""


def test_adopt_writes_nothing_over_uncommitted_work_in_data(tmp_path: Path) -> None:
    project = fork(tmp_path / "ke-hoach")
    plan_file = project / "data" / "plan.yaml"
    edited = plan_file.read_text(encoding="utf-8") + "# sửa dở\n"
    plan_file.write_text(edited, encoding="utf-8")
    result = make("adopt", project, f"SOURCE={APPENDICES[0]}", ok=False)
    assert result.returncode != 0
    assert "thay đổi chưa commit" in result.stderr and "data/plan.yaml" in result.stderr
    assert plan_file.read_text(encoding="utf-8") == edited
    assert status(project).split() == ["M", "data/plan.yaml"]


def test_adopt_without_a_source_says_how_to_call_it(tmp_path: Path) -> None:
    result = make("adopt", fork(tmp_path / "ke-hoach"), ok=False)
    assert result.returncode != 0 and "make adopt SOURCE=" in result.stderr


@pytest.mark.parametrize("appendix", [FIXTURES / "import" / "pdf" / "anh-quet.pdf", FIXTURES / "import" / "not-a-task-table.txt"],
                         ids=["anh-quet", "khong-phai-bang-nhiem-vu"])  # fmt: skip
def test_an_appendix_that_cannot_be_read_is_refused_and_nothing_changes(appendix: Path, tmp_path: Path) -> None:
    """A scan, or a table that is not a task table: the reason in Vietnamese, no traceback, the fork untouched."""
    project = fork(tmp_path / "ke-hoach")
    result = make("adopt", project, f"SOURCE={appendix}", ok=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "Không nhập được" in result.stderr and "Chưa thay đổi tệp nào" in result.stderr
    assert status(project) == ""


def test_a_fork_on_github_gets_its_own_addresses(tmp_path: Path) -> None:
    project = fork(tmp_path / "ke-hoach")
    git(project, "remote", "add", "origin", "https://github.com/Phuong-An-Phu/ke-hoach-chuyen-doi-so.git")
    make("adopt", project, f"SOURCE={APPENDICES[0]}")
    assert settings(project)["repo_url"] == "https://github.com/Phuong-An-Phu/ke-hoach-chuyen-doi-so"
    assert settings(project)["site_url"] == "https://phuong-an-phu.github.io/ke-hoach-chuyen-doi-so/"


def test_the_acceptance_module_reads_a_plan_longer_than_one_page_of_the_list(tmp_path: Path) -> None:
    """A 140-task appendix fills several numbered pages of Tất cả nhiệm vụ (100 tasks each): the module finds every
    task's page, not only the first hundred (it once ended in a KeyError). Here a page holds 3 tasks."""
    project = fork(tmp_path / "ke-hoach")
    make("adopt", project, f"SOURCE={FIXTURES / 'adoption' / 'quoc-gia-ghi-lien.txt'}")
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"(?m)^(\s+page_size:) \d+", r"\1 3", settings), encoding="utf-8")
    assert "page_size: 3" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_acceptance.py"], project)
    assert re.search(r"\b\d+ passed\b", result.stdout) and "failed" not in result.stdout


def test_a_corrupt_word_file_is_explained_without_a_traceback(tmp_path: Path) -> None:
    project = fork(tmp_path / "ke-hoach")
    broken = tmp_path / "phu-luc-hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    result = make("adopt", project, f"SOURCE={broken}", ok=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "Không đọc được" in result.stderr and "Chưa thay đổi tệp nào" in result.stderr
    assert status(project) == ""
