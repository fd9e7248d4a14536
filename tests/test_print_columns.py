"""Bản in and the task page of a plan imported from a table laid out its own way: two header rows with a
cell merged over the agencies, the deadline before them, and columns the site has no role for."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import BuiltSite, build_site, copy_project
from macros import urls
from macros.cli import main
from test_importer_shapes import merged_header_docx

pytestmark = pytest.mark.build


def test_print_page_and_task_page_follow_the_source_columns(tmp_path: Path) -> None:
    """Bản in: the two header rows of the paper, its column order and the extra columns; the task page alike."""
    project = copy_project(tmp_path / "du-an")
    out = project / "data" / "plan.yaml"
    assert main(["import", str(merged_header_docx(tmp_path / "phu-luc.docx")), "-o", str(out)]) == 0
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stdout + result.stderr
    tree = BuiltSite(tmp_path / "site", project).tree

    page = tree(urls.PRINT)
    head = [[" ".join(th.text_content().split()) for th in tr.xpath("th")] for tr in page.xpath("//thead/tr")]
    assert head == [["TT", "Nội dung nhiệm vụ", "Thời hạn", "Cơ quan thực hiện", "Kinh phí", "Ghi chú"],
                    ["Chủ trì", "Phối hợp"]]  # fmt: skip
    row = page.xpath("//tr[@data-task='I.1']")[0]
    assert [" ".join(td.text_content().split()) for td in row.xpath("td")] == [
        "1", "Việc thứ nhất.", "Năm 2025", "Phòng Kinh tế", "Công an xã", "50 triệu đồng", "Ưu tiên"]  # fmt: skip
    task = tree(urls.task("I.1"))
    labels = [" ".join(dt.text_content().split()) for dt in task.xpath("//dl[contains(@class,'kh-facts')]/dt")]
    assert labels == ["Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kinh phí", "Ghi chú"]
    values = {dd.get("data-column"): " ".join(dd.text_content().split()) for dd in task.xpath("//dl/dd")}
    assert values["kinh-phi"] == "50 triệu đồng" and values["ghi-chu"] == "Ưu tiên"
