"""`python -m macros diff BASE HEAD` tells a reviewer, in Vietnamese, what a pull request changes."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, PLAN_IN_PROJECT, ROOT, UPDATES_IN_PROJECT, git
from macros.cli import main
from macros.diff import md, snapshot_at
from macros.plan.problems import DataError

pytestmark = pytest.mark.unit

FIX = FIXTURES / "updates"
NEW_TASK = """      - id: II.2
        number: "2"
        content: ["Việc mới thêm vào phần hai."]
        lead: {text: "Công an xã", units: [cong-an]}
        deliverable: {text: "Báo cáo", kinds: [bao-cao]}
        schedule: {text: "Thường xuyên"}
"""
NEW_UPDATE = """task: II.1
date: 2025-10-02
status: hoan-thanh
unit: ngan-hang
note: "Đã nộp tờ trình."
"""


def checkout(root: Path) -> Path:
    """A directory laid out like the repository: the plan and its updates/ in data/."""
    (root / PLAN_IN_PROJECT).parent.mkdir(parents=True)
    shutil.copy(FIX / "plan.yaml", root / PLAN_IN_PROJECT)
    shutil.copytree(FIX / "updates", root / UPDATES_IN_PROJECT)
    return root


def change(root: Path) -> None:
    """What a pull request might do: add a task, reword another, report progress on a third."""
    plan = root / PLAN_IN_PROJECT
    text = plan.read_text(encoding="utf-8")
    text = text.replace('content: ["Việc của Phòng Văn hoá."]', 'content: ["Việc của Phòng Văn hoá, sửa lời."]')
    plan.write_text(text + NEW_TASK, encoding="utf-8")
    (root / UPDATES_IN_PROJECT / "2025-10-02-ii-1-ngan-hang.yaml").write_text(NEW_UPDATE, encoding="utf-8")


def diff(base: str, head: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m macros diff BASE HEAD` run in ``cwd``, in-process (git still runs as a process)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["diff", base, head])
    return subprocess.CompletedProcess(["diff", base, head], code, out.getvalue(), err.getvalue())


def test_the_command_runs_as_a_process(tmp_path):
    base, head = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "macros", "diff", str(base), str(head)],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0 and "Không có thay đổi nào" in result.stdout, result.stderr


@pytest.fixture
def two_directories(tmp_path):
    base, head = checkout(tmp_path / "base"), checkout(tmp_path / "head")
    change(head)
    return base, head


def test_added_task_edited_content_new_update_and_status_change_are_reported(two_directories):
    base, head = two_directories
    result = diff(str(base), str(head))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("## Thay đổi của pull request")
    assert "### Nhiệm vụ thêm mới (1)\n\n- **II.2** — Việc mới thêm vào phần hai." in out
    assert "### Nhiệm vụ được sửa (1)\n\n- **I.1.a**: sửa nội dung\n" in out
    assert "### Tình trạng thay đổi (1)\n\n- **II.1**: Đang thực hiện → **Hoàn thành**\n" in out
    report = f"`{UPDATES_IN_PROJECT}/2025-10-02-ii-1-ngan-hang.yaml`"
    assert f"### Báo cáo tiến độ mới (1)\n\n- **II.1** — 2/10/2025 — Hoàn thành — PGD NHCSXH ({report})" in out
    assert "bị xóa" not in out


def test_the_reverse_direction_reports_removals(two_directories):
    base, head = two_directories
    out = diff(str(head), str(base)).stdout
    assert "### Nhiệm vụ bị xóa (1)\n\n- **II.2**" in out
    assert "### Báo cáo tiến độ bị xóa (1)" in out
    assert "- **II.1**: Hoàn thành → **Đang thực hiện**" in out


def test_nothing_changed_is_said_plainly(tmp_path):
    base, head = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    assert "Không có thay đổi nào" in diff(str(base), str(head)).stdout


def test_an_edited_report_and_an_edited_schedule_are_named(tmp_path):
    base, head = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    report = head / UPDATES_IN_PROJECT / "2025-09-20-i-2-phong-van-hoa.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("Chờ kinh phí.", "Chờ kinh phí năm 2026."), encoding="utf-8")
    plan = head / PLAN_IN_PROJECT
    plan.write_text(plan.read_text(encoding="utf-8").replace("due: 2025-09-30", "due: 2025-12-31"), encoding="utf-8")
    out = diff(str(base), str(head)).stdout
    assert "- **II.1**: sửa thời gian thực hiện" in out
    assert "### Báo cáo tiến độ được sửa (1)\n\n- **I.2** — 20/9/2025 — Tạm dừng" in out


def test_git_revisions_are_compared_without_touching_the_work_tree(tmp_path):
    repo = checkout(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "kế hoạch")
    change(repo)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "báo cáo")
    (repo / PLAN_IN_PROJECT).write_text("hỏng: [", encoding="utf-8")  # uncommitted, must not matter
    result = diff("HEAD~1", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "- **II.2** — Việc mới thêm vào phần hai." in result.stdout
    assert "- **II.1**: Đang thực hiện → **Hoàn thành**" in result.stdout


def test_an_unknown_revision_or_an_invalid_side_is_explained_in_the_summary(tmp_path):
    repo = checkout(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "kế hoạch")
    result = diff("khong-co-nhanh-nay", "HEAD", cwd=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Không so sánh được: dữ liệu ở BASE" in result.stdout
    broken = checkout(tmp_path / "broken")
    (broken / UPDATES_IN_PROJECT / "sai.yaml").write_text("task: I.1.a\nstatus: xong\n", encoding="utf-8")
    result = diff(str(repo), str(broken))
    assert result.returncode == 1 and f"{UPDATES_IN_PROJECT}/sai.yaml:2: lỗi [status]" in result.stdout


def test_an_option_is_never_passed_to_git_as_a_revision(tmp_path):
    with pytest.raises(DataError) as caught:
        snapshot_at("--output=/tmp/x", tmp_path)
    assert "cần một mã phiên bản git" in str(caught.value)


def test_data_text_cannot_become_markdown_or_html():
    assert md("<b>[bấm](https://x)</b> *đậm*") == r"\<b\>\[bấm\]\(https://x\)\</b\> \*đậm\*"


def test_a_cell_of_an_extra_column_changed_is_named(tmp_path):
    """A column beyond the six ("Kinh phí") is the document's too: its cells are compared like the others."""
    base, head = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    for root, amount in ((base, "10 triệu đồng"), (head, "12 triệu đồng")):
        plan = root / PLAN_IN_PROJECT
        text = plan.read_text(encoding="utf-8").replace(
            '  source_columns: ["STT", "NỘI DUNG", "CHỦ TRÌ", "PHỐI HỢP", "SẢN PHẨM", "THỜI GIAN"]\n',
            '  source_columns: ["STT", "NỘI DUNG", "CHỦ TRÌ", "PHỐI HỢP", "SẢN PHẨM", "THỜI GIAN"]\n'
            '  extra_columns: [{id: kinh-phi, header: "KINH PHÍ"}]\n',
        ).replace('        content: ["Việc có hạn cuối quý III/2025."]\n',
                  f'        content: ["Việc có hạn cuối quý III/2025."]\n        extra: {{kinh-phi: "{amount}"}}\n')
        plan.write_text(text, encoding="utf-8")
    assert "- **II.1**: sửa các cột khác của văn bản gốc" in diff(str(base), str(head)).stdout


def test_a_task_field_the_summary_does_not_name_stops_it_loudly():
    """A new field of the model forgotten in TASK_FIELDS would change unseen in every summary: the module refuses."""
    from macros.diff import TASK_FIELDS
    from macros.plan.model import Task, require_every_field

    class Widened(Task):
        budget: str = ""

    with pytest.raises(RuntimeError, match=r"\['budget'\].*Widened"):
        require_every_field(Widened, TASK_FIELDS, besides={"id"}, where="macros/diff.py")
    require_every_field(Task, TASK_FIELDS, besides={"id"}, where="macros/diff.py")  # today's model: every field named
