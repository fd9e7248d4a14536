"""Adoption: another body forks the project, imports its own appendix, and everything passes.

The steps are those of the README section "Dùng cho kế hoạch khác", done in
a copy of the project: import the appendix to data/plan.yaml, remove the
sample reports, `make check`, put the appendix in data/sources/ in place of
the original, set the repository and site address in mkdocs.yml and rewrite
the hand-written docs for the new plan (here only what the acceptance module
checks: the example reports of CONTRIBUTING.md), then `make build` and the
acceptance module. The appendix, written here, is a ward's plan
that shares no task, unit or wording with the published one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import BuiltSite, build_env, copy_project
from macros.plan.loader import load_plan
from macros.progress.updates import update_filename
from macros.site import urls

pytestmark = pytest.mark.build

VENV = Path(sys.executable).parents[1]  # the running environment: make must not create another one
REPO_URL = "https://github.com/phuong-an-phu/ke-hoach-chuyen-doi-so"
SITE_URL = "https://phuong-an-phu.github.io/ke-hoach-chuyen-doi-so/"

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời hạn"]
ROWS = [
    ["<b>I</b>", "<b>Hoàn thiện thể chế và nâng cao nhận thức về chuyển đổi số</b>"],
    ["1", "Ban hành kế hoạch chuyển đổi số của phường năm 2026, phân công rõ người chịu trách nhiệm từng việc.",
     "Văn phòng Ủy ban nhân dân phường", "Công an phường", "Kế hoạch", "Quý I/2026"],
    ["2", "Tuyên truyền lợi ích của dịch vụ công trực tuyến trên loa truyền thanh, trang thông tin điện tử và các nhóm",
     "Đoàn Thanh niên phường", "Các tổ dân phố", "Tài liệu tuyên truyền", "Thường xuyên"],
    ["", "mạng xã hội của tổ dân phố."],
    ["3", "Tập huấn kỹ năng số cơ bản cho cán bộ, công chức và người hoạt động không chuyên trách ( <i>sử dụng chữ ký số, "
     "hộp thư công vụ</i> ).", "Văn phòng Ủy ban nhân dân phường", "", "Báo cáo kết quả tập huấn", "Hằng năm"],
    ["<b>II</b>", "<b>Phát triển chính quyền số</b>"],
    ["4", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực tại Bộ phận một cửa.",
     "Trung tâm Phục vụ hành chính công phường", "Văn phòng Ủy ban nhân dân phường", "Báo cáo", "Trước 30/6/2026"],
    ["5", "Nâng cao tỷ lệ hồ sơ trực tuyến toàn trình:"],
    ["a", "Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận một cửa.", "Trung tâm Phục vụ hành chính công phường",
     "Đoàn Thanh niên phường", "Báo cáo", "Hằng quý"],
    ["b", "<ul><li>- Rà soát thủ tục đủ điều kiện cung cấp trực tuyến toàn trình;</li>"
     "<li>- Đề xuất cắt giảm giấy tờ không cần thiết.</li></ul>",
     "Văn phòng Ủy ban nhân dân phường", "Trung tâm Phục vụ hành chính công phường", "Danh sách thủ tục", "Quý III/2026"],
    ["6", "Bảo đảm an toàn thông tin cho máy tính kết nối mạng của cơ quan.", "Công an phường",
     "Văn phòng Ủy ban nhân dân phường", "Báo cáo", "Thường xuyên"],
    ["<b>III</b>", "<b>Phát triển xã hội số</b>"],
    ["7", "Thành lập và duy trì tổ công nghệ số cộng đồng ở từng tổ dân phố.", "Đoàn Thanh niên phường",
     "Các tổ dân phố", "Quyết định", "Quý I/2026"],
    ["8", "Hướng dẫn người dân cài đặt và sử dụng ứng dụng định danh điện tử.", "Công an phường",
     "Đoàn Thanh niên phường; Các tổ dân phố", "Báo cáo", "Hằng tháng"],
    ["9", "Phổ biến thanh toán không dùng tiền mặt tại chợ và cửa hàng trên địa bàn.",
     "Hội Liên hiệp Phụ nữ phường", "Các tổ dân phố", "Báo cáo", "Tháng 12/2026"],
    ["10", "Hỗ trợ hộ kinh doanh đưa sản phẩm lên sàn thương mại điện tử.", "Hội Liên hiệp Phụ nữ phường",
     "Đoàn Thanh niên phường", "Danh sách hộ tham gia", "Năm 2026"],
    ["11", "Sử dụng sổ sức khỏe điện tử cho người dân trên địa bàn phường.", "Trạm Y tế phường",
     "Các tổ dân phố", "Báo cáo", "Hằng năm"],
    ["12", "Tổng kết, đánh giá kết quả chuyển đổi số năm 2026.", "Văn phòng Ủy ban nhân dân phường",
     "Công an phường; Trạm Y tế phường", "Báo cáo tổng kết", "Trước 31/12/2026"],
]  # fmt: skip
APPENDIX = "\n".join(
    [
        "**Phụ lục**",
        "",
        "**DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026**",
        "(Kèm theo Kế hoạch số 05/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân phường An Phú)",
        "",
        "\t".join(HEADER),
        *("\t".join(row + [""] * (len(HEADER) - len(row))) for row in ROWS),
    ]
) + "\n"


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=build_env(), capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def make(target: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(["make", "--no-print-directory", target, f"VENV={VENV}", *args], cwd)


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fork of the project for the ward's plan, set up by the README's steps."""
    project = copy_project(tmp_path_factory.mktemp("phuong") / "ke-hoach", with_data=True)
    # The running environment is installed for requirements.txt already: make must not reinstall it.
    os.utime(project / "requirements.txt", (0, 0))
    appendix = project.parent / "phu-luc-chuyen-doi-so-phuong-an-phu.txt"
    appendix.write_text(APPENDIX, encoding="utf-8")
    # 1. import the appendix
    make("import", project, f"SOURCE={appendix}", "OUT=data/plan.yaml")
    # 2. no sample reports: they name the old plan's tasks and units
    for report in (project / "data" / "updates").glob("*.yaml"):
        if re.search(r"(?m)^example: true$", report.read_text(encoding="utf-8")):
            report.unlink()
    # 3. `make check`: test_make_check_accepts_the_imported_plan
    # 4. the source in data/sources/, in place of the original
    for old in (project / "data" / "sources").iterdir():
        old.unlink()
    (project / "data" / "sources" / appendix.name).write_text(APPENDIX, encoding="utf-8")
    # 5. repository and site address
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    settings = re.sub(r"(?m)^repo_url: .*$", f"repo_url: {REPO_URL}", settings)
    settings = re.sub(r"(?m)^site_url: .*$", f"site_url: {SITE_URL}", settings)
    (project / "mkdocs.yml").write_text(settings, encoding="utf-8")
    # 5. the hand-written docs: CONTRIBUTING.md's example reports name the ward's first task and its lead unit
    example = load_plan(project / "data" / "plan.yaml").plan.leaf_tasks[0]
    guide = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    guide = re.sub(r"(?m)^task: .*$", f"task: {example.id}", guide)
    guide = re.sub(r"(?m)^unit: .*$", f"unit: {example.lead.units[0]}", guide)
    date = dt.date.fromisoformat(re.search(r"(?m)^date: (\S+)$", guide).group(1))  # type: ignore[union-attr]
    named = update_filename(example.id, example.lead.units[0], date)
    guide = re.sub(r"`\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.yaml`", f"`{named}`", guide, count=1)
    (project / "CONTRIBUTING.md").write_text(guide, encoding="utf-8")
    # 6. `make test`: here `make build` and the acceptance module
    return project


def test_make_check_accepts_the_imported_plan(adopted: Path) -> None:
    result = make("check", adopted)
    plan = load_plan(adopted / "data" / "plan.yaml").plan
    assert len(plan.sections) == 3 and len(plan.leaf_tasks) == len([r for r in ROWS if r[0] and len(r) > 2])
    assert "Hợp lệ: data/plan.yaml: 3 phần" in result.stdout and "0 báo cáo tiến độ" in result.stdout


def test_make_build_publishes_the_new_plan_at_the_new_address(adopted: Path) -> None:
    make("build", adopted)
    site = BuiltSite(adopted / "site", adopted)
    plan = load_plan(adopted / "data" / "plan.yaml").plan
    rows = site.tree(urls.ALL_TASKS).xpath("//tr[contains(@class,'kh-task-row')]/@data-task")
    assert rows == [t.id for t in plan.tasks]
    listed = site.links(urls.UNITS, scope="//article//table/tbody")
    assert sorted(listed) == sorted(urls.unit(u.id) for u in plan.units)  # the ward's units, none of the old plan's
    assert SITE_URL in (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert f'href="{REPO_URL}"' in site.html(urls.HOME)


def test_the_acceptance_module_passes_on_the_new_plan(adopted: Path) -> None:
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_acceptance.py"], adopted)
    assert re.search(r"\b\d+ passed\b", result.stdout) and "failed" not in result.stdout and "error" not in result.stdout
