"""A rollup's open data and periodic report: rollup.json, rollup-tasks.csv/.xlsx, its data package and bao-cao-tong-hop.docx.

The members are generated plan.json files (bench/members.py), harvested without a network (tests/rollup_helpers.py):
each figure is checked against the member's own plan.json, parsed and counted here, not against the code that counts.
Member 3 has had no report for 120 days, member 5's last harvest failed after a good one (its copy is counted and
marked), member 6 has never been read (listed with its reason, nothing counted), and member 1 has a task whose text
a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import jsonschema
import openpyxl
import pytest

from bench.members import gap_tasks, province_plan
from helpers import REFERENCE_DATE, BuiltSite, build_site, run_cli
from macros import urls
from macros.build.project import load_rollup
from macros.exports import DOWNLOADS, DownloadInputs, make_downloads
from macros.exports.catalogue import ALL_DOWNLOADS, ROLLUP_DOWNLOADS
from macros.exports.periodic_report import PeriodError
from macros.exports.periodic_report.rollup import rollup_report
from macros.exports.rollup_json import rollup_schema_json
from macros.exports.rollup_table import ROLLUP_COLUMNS
from macros.plan.model import Plan
from macros.progress.state import DERIVED_LABELS
from macros.rollup.contract import read_member
from macros.rollup.figures import Rollup, counts_of
from macros.rollup.members import Member, Roster
from macros.rollup.model import STATUSES, Counts, HarvestRecord, MemberRollup
from macros.rollup.snapshot import MemberEntry
from rollup_helpers import HARVESTED, Fake, members, rollup_project

SITE = "https://tinh-binh-son.example.gov.vn/ke-hoach/"
PERIOD = (dt.date(2025, 7, 1), dt.date(2025, 9, 30))
FORMULA = "=HYPERLINK(\"https://lừa.example/\",\"Bấm vào đây\")"
STALE, FAILED, NEVER = 3, 5, 6

# Each test says what it needs: all read files made in this process, but the last, which builds the site.


# ---------------------------------------------------------------- the rollup, and what its members published


def with_formula(fake: Fake) -> Fake:
    """Member 1's first task starts with "=": its own site published it so; the rollup must not run it."""
    document = json.loads(fake.member.data)
    first = next(t for t in document["tasks"] if not t["heading"])
    first["content"] = [FORMULA]
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    return dataclasses.replace(fake, member=dataclasses.replace(fake.member, data=data))


@pytest.fixture(scope="module")
def parent() -> Plan:
    return province_plan()


@pytest.fixture(scope="module")
def fakes(parent: Plan) -> list[Fake]:
    made = members(6, parent, stale={STALE})
    made[0] = with_formula(made[0])
    made[FAILED - 1].reason = "máy chủ trả lời HTTP 503."
    made[NEVER - 1].reason = "không kết nối được tới máy chủ (hết thời gian chờ)."
    made[NEVER - 1].had_copy = False
    return made


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, fakes: list[Fake], parent: Plan) -> Path:
    return rollup_project(tmp_path_factory.mktemp("tong-hop") / "project", fakes, parent)


@pytest.fixture(scope="module")
def rollup(project: Path, parent: Plan) -> Rollup:
    return load_rollup(project, "data/rollup.yaml", "data/harvest", REFERENCE_DATE, parent)


@pytest.fixture(scope="module")
def files(rollup: Rollup, parent: Plan) -> dict[str, bytes]:
    return make_downloads(DownloadInputs(parent, REFERENCE_DATE, SITE, None, None, PERIOD, rollup))


@pytest.fixture(scope="module")
def published(files: dict[str, bytes]) -> dict[str, Any]:
    return json.loads(files["rollup.json"])


def own(fake: Fake) -> dict[str, Any]:
    return json.loads(fake.member.data)


def leaves(fake: Fake) -> list[dict[str, Any]]:
    return [t for t in own(fake)["tasks"] if not t["heading"]]


def own_counts(fake: Fake) -> dict[str, Any]:
    """A member's figures counted from its own plan.json: its leaf tasks by status, overdue, with a report."""
    tasks, document = leaves(fake), own(fake)
    statuses = Counter(t["status"]["status"] for t in tasks)
    dates = [u["date"] for u in document["updates"]] + [t["status"]["last_date"] for t in tasks if t["status"]["last_date"]]
    return {
        "tasks": len(tasks),
        "statuses": {status: statuses[status] for status in DERIVED_LABELS},
        "overdue": sum(t["status"]["overdue"] for t in tasks),
        "reported": sum(t["status"]["status"] != "chua-co-bao-cao" or t["status"]["last_date"] is not None for t in tasks),
        "last_report": max(dates, default=None),
    }


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode())  # the BOM that makes Excel read the diacritics
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# ---------------------------------------------------------------- rollup.json


@pytest.mark.unit
def test_every_member_is_listed_in_the_members_file_order_with_its_harvest(published, fakes):
    rows = published["members"]
    assert [r["name"] for r in rows] == [f.member.name for f in fakes]
    assert [r["code"] for r in rows] == [f.member.code for f in fakes]
    assert published["export"] == {
        "format": "ke-hoach-tong-hop", "version": 1, "minor": 0, "generated": "2025-10-15", "site_url": SITE,
        "licence": None, "licence_statement": published["export"]["licence_statement"],
    }
    assert "chưa công bố giấy phép" in published["export"]["licence_statement"]
    assert published["rollup"] == {"title": province_plan().plan.title, "issuer": "Ủy ban nhân dân tỉnh Bình Sơn",
                                   "number": "17/KH-UBND", "date": "2025-06-20", "admin_code": None}
    fresh = rows[0]
    assert (fresh["outcome"], fresh["reason"], fresh["available"]) == ("moi", None, True)
    assert fresh["harvested"] == fresh["last_good"] == "2025-10-14T20:00:00Z"
    assert fresh["source"] == f"https://xa-{fakes[0].member.code}.example.gov.vn/du-lieu/plan.json"
    assert fresh["site"] == f"https://xa-{fakes[0].member.code}.example.gov.vn/"  # from its own plan.json


@pytest.mark.unit
def test_counts_are_those_of_each_member_s_own_plan_json(published, fakes):
    """Every status is present, zeros included; the member's copy counts even when its last harvest failed."""
    for row, fake in zip(published["members"], fakes, strict=True):
        if fake.member.index == NEVER:
            continue
        assert row["counts"] == own_counts(fake), fake.member.name
        assert list(row["counts"]["statuses"]) == list(STATUSES)
    assert 0 in published["members"][0]["counts"]["statuses"].values()


@pytest.mark.unit
def test_a_member_without_any_copy_is_listed_with_its_reason_and_no_counts(published, fakes):
    row = published["members"][NEVER - 1]
    assert (row["available"], row["outcome"], row["last_good"]) == (False, "loi", None)
    assert row["reason"] == fakes[NEVER - 1].reason
    assert "counts" not in row  # not zeros: the reader would take zeros for a member with nothing to do


@pytest.mark.unit
def test_a_member_counted_from_its_last_good_copy_says_so(published):
    row = published["members"][FAILED - 1]
    assert (row["available"], row["outcome"], row["reason"]) == (True, "loi", "máy chủ trả lời HTTP 503.")
    assert dt.datetime.fromisoformat(row["last_good"]) < dt.datetime.fromisoformat(row["harvested"])
    assert row["counts"]["tasks"] > 0


@pytest.mark.unit
def test_a_member_with_no_recent_report_is_stale(published):
    assert [r["stale"] for r in published["members"]] == [False, False, True, False, False, True]


@pytest.mark.unit
def test_the_higher_level_reads_it_back_and_gets_the_rollup_s_totals(files, rollup, fakes):
    """A nation reads a province's rollup.json with the reader the province uses on its communes."""
    read = read_member(files["rollup.json"], "rollup")
    assert isinstance(read, MemberRollup)
    assert counts_of(read) == rollup.total
    assert rollup.total.tasks == sum(own_counts(f)["tasks"] for f in fakes if f.member.index != NEVER)
    assert [r.available for r in read.members] == [True] * 5 + [False]
    assert read.members[NEVER - 1].counts == Counts() and read.members[NEVER - 1].reason
    assert read.site_url == SITE and read.title == rollup.plan.plan.title  # type: ignore[union-attr]


@pytest.mark.unit
def test_levels_nest_a_nation_counts_the_province_from_its_rollup_json(files, rollup, parent):
    province = Member(name="Tỉnh Bình Sơn", code="52", level="tinh", rollup_json="https://tinh.example.gov.vn/du-lieu/rollup.json")
    record = HarvestRecord(source=province.source, outcome="moi", checked=HARVESTED, last_good=HARVESTED)
    entry = MemberEntry("52-tinh-binh-son", province, record, read_member(files["rollup.json"], "rollup"))
    nation = Rollup(Roster("data/rollup.yaml", False, [(entry.slug, province)]), [entry], REFERENCE_DATE, None)
    assert nation.total == rollup.total
    national = make_downloads(DownloadInputs(parent, REFERENCE_DATE, None, None, None, None, nation))
    (row,) = json.loads(national["rollup.json"])["members"]
    assert (row["level"], row["counts"]["tasks"]) == ("tinh", rollup.total.tasks)
    assert read_member(national["rollup.json"], "rollup").members[0].counts == rollup.total
    assert national["rollup-tasks.csv"].decode("utf-8-sig").count("\n") == 1  # a province's tasks are in its own files


@pytest.mark.unit
def test_the_schema_is_generated_from_the_model_and_holds_the_file(files, published):
    schema = json.loads(files["rollup.schema.json"])
    assert files["rollup.schema.json"] == rollup_schema_json()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(published, schema)
    missing = json.loads(files["rollup.json"])
    del missing["members"][0]["counts"]["statuses"]["hoan-thanh"]
    with pytest.raises(jsonschema.ValidationError, match="hoan-thanh"):
        jsonschema.validate(missing, schema)


# ---------------------------------------------------------------- rollup-tasks.csv and .xlsx


@pytest.mark.unit
def test_the_csv_has_every_task_of_every_member_with_data_and_its_status(files, fakes):
    rows = read_csv(files["rollup-tasks.csv"])
    assert list(rows[0]) == [c.header for c in ROLLUP_COLUMNS]
    by_member: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_member.setdefault(row["Mã thành viên"], []).append(row)
    assert fakes[NEVER - 1].member.code not in by_member
    for fake in fakes[: NEVER - 1]:
        mine, tasks = by_member[fake.member.code], leaves(fake)
        assert [r["Mã nhiệm vụ"] for r in mine] == [t["id"] for t in tasks]
        assert {r["Thành viên"] for r in mine} == {fake.member.name} and {r["Cấp"] for r in mine} <= {"Xã", "Phường", "Đặc khu"}
        labels = Counter(r["Tình trạng"] for r in mine)
        assert {k: labels[label] for k, label in DERIVED_LABELS.items()} == own_counts(fake)["statuses"]
        assert sum(r["Quá hạn"] == "có" for r in mine) == own_counts(fake)["overdue"]
        for row, task in zip(mine, tasks, strict=True):
            assert row["Trang nhiệm vụ"] == task["url"] and row["Trang nhiệm vụ"].startswith("https://")
            assert row["Hạn hoàn thành"] == (task["schedule"]["due"] or "")
            assert row["Báo cáo gần nhất"] == (task["status"]["last_date"] or "")
            assert row["Thực hiện nhiệm vụ"] == "; ".join(link["task"] for link in task.get("implements", []))


@pytest.mark.unit
def test_a_cell_a_spreadsheet_would_run_is_kept_as_text(files):
    rows = read_csv(files["rollup-tasks.csv"])
    assert rows[0]["Nội dung nhiệm vụ"] == "'" + FORMULA  # the guard of tasks.csv: one apostrophe to remove
    sheet = openpyxl.load_workbook(io.BytesIO(files["rollup-tasks.xlsx"])).worksheets[0]
    cell = sheet.cell(row=2, column=6)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (FORMULA, "s", True)
    assert sheet.cell(row=3, column=6).quotePrefix is False


@pytest.mark.unit
def test_the_workbook_holds_the_csv_s_rows_and_a_sheet_of_the_members(files, published):
    workbook = openpyxl.load_workbook(io.BytesIO(files["rollup-tasks.xlsx"]))
    tasks, people = workbook.worksheets
    assert (tasks.title, people.title) == ("Nhiệm vụ các thành viên", "Thành viên")
    shown = [["" if v is None else v for v in row] for row in tasks.iter_rows(values_only=True)]
    rows = read_csv(files["rollup-tasks.csv"])
    assert shown[0] == [c.header for c in ROLLUP_COLUMNS] and len(shown) == len(rows) + 1
    dates = {c.header for c in ROLLUP_COLUMNS if c.type == "date"}
    for got, row in zip(shown[1:], rows, strict=True):
        want = [_vn(v) if h in dates else v for h, v in row.items()]
        want[5] = want[5].removeprefix("'")  # the CSV's guard; the workbook marks the cell as text instead
        assert got == want
    assert tasks.auto_filter.ref == f"A1:M{len(rows) + 1}" and tasks.freeze_panes == "E2"
    members_rows = list(people.iter_rows(values_only=True))[1:]
    assert [r[0] for r in members_rows] == [m["name"] for m in published["members"]]
    assert members_rows[0][3] == published["members"][0]["counts"]["tasks"]
    assert "hết thời gian chờ" in members_rows[NEVER - 1][-1] and members_rows[NEVER - 1][3] is None
    assert "Dùng bản đã lưu" in members_rows[FAILED - 1][-1]


def _vn(iso: str) -> str:
    return f"{dt.date.fromisoformat(iso):%-d/%-m/%Y}" if iso else ""


@pytest.mark.unit
def test_same_snapshot_same_bytes(rollup, parent, files):
    again = make_downloads(DownloadInputs(parent, REFERENCE_DATE, SITE, None, None, PERIOD,
                                          Rollup(rollup.roster, rollup.entries, rollup.today, rollup.plan)))
    assert {n: hashlib.sha256(d).hexdigest() for n, d in again.items()} == {
        n: hashlib.sha256(d).hexdigest() for n, d in files.items()}


# ---------------------------------------------------------------- the data package


@pytest.mark.unit
def test_the_rollup_s_data_package_describes_its_files_with_their_sizes_and_hashes(files, tmp_path):
    package = json.loads(files["rollup-datapackage.json"])
    assert [(r["name"], r["path"]) for r in package["resources"]] == [
        ("rollup-tasks", "rollup-tasks.csv"), ("rollup", "rollup.json"), ("rollup-schema", "rollup.schema.json")]
    for resource in package["resources"]:
        data = files[resource["path"]]
        assert resource["bytes"] == len(data) and resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    table = package["resources"][0]
    assert [f["name"] for f in table["schema"]["fields"]] == [c.header for c in ROLLUP_COLUMNS]
    assert package["homepage"] == SITE and package["name"].startswith("tong-hop-")
    from frictionless import validate

    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    report = validate(str(tmp_path / "rollup-datapackage.json"))
    assert report.valid, [(t.name, [e.message for e in t.errors]) for t in report.tasks]
    assert {t.name: t.type for t in report.tasks} == {"rollup-tasks": "table", "rollup": "json", "rollup-schema": "json"}


@pytest.mark.unit
def test_a_normal_site_makes_exactly_the_files_it_made_before(rollup, parent, files):
    """The rollup's files come after the plan's and leave them byte for byte as a site that is not a rollup has them."""
    plain = make_downloads(DownloadInputs(parent, REFERENCE_DATE, SITE, None, None, PERIOD))
    assert list(plain) == [d.name for d in DOWNLOADS if d.name in plain]
    assert not set(plain) & {d.name for d in ROLLUP_DOWNLOADS}
    assert {n: files[n] for n in plain} == plain
    assert list(files) == [*plain, *(d.name for d in ROLLUP_DOWNLOADS)]
    names = [d.name for d in ALL_DOWNLOADS]
    resources = [d.resource.name for d in ALL_DOWNLOADS if d.resource is not None]
    assert len(set(names)) == len(names) and len(set(resources)) == len(resources)
    assert "rollup" not in json.dumps(json.loads(files["datapackage.json"])["resources"])


# ---------------------------------------------------------------- the report


@pytest.fixture(scope="module")
def report_text(files: dict[str, bytes]) -> tuple[str, list[list[list[str]]]]:
    document = docx.Document(io.BytesIO(files["bao-cao-tong-hop.docx"]))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return "\n".join(p.text for p in document.paragraphs), tables


@pytest.mark.unit
def test_the_report_is_a_decree_30_report_on_the_members_for_the_period(report_text):
    text, tables = report_text
    assert "BÁO CÁO" in text and "ỦY BAN NHÂN DÂN" in tables[0][0][0] and "TỈNH BÌNH SƠN" in tables[0][0][0]
    assert "Tổng hợp tình hình thực hiện kế hoạch thực hiện chính sách tín dụng xã hội của tỉnh Bình Sơn" in text
    assert "từ ngày 1/7/2025 đến ngày 30/9/2025" in text and "Nơi nhận:" in tables[-1][0][0]


@pytest.mark.unit
def test_the_report_lists_every_member_with_its_figures_and_state(report_text, published, fakes):
    _, tables = report_text
    table = next(t for t in tables if t[0][0] == "Thành viên")
    assert [row[0] for row in table[1:]] == [f.member.name for f in fakes]
    for row, member in zip(table[1:], published["members"], strict=True):
        if member["available"]:
            counts = member["counts"]
            assert row[1:6] == [str(counts["tasks"]), str(counts["statuses"]["hoan-thanh"]),
                                str(counts["statuses"]["dang-thuc-hien"]), str(counts["statuses"]["chua-co-bao-cao"]),
                                str(counts["overdue"])]
    never = table[NEVER]
    assert never[1] == "—" and never[-1] == "Không có dữ liệu: " + fakes[NEVER - 1].reason
    assert "Dùng bản đã lưu" in table[FAILED][-1] and "HTTP 503" in table[FAILED][-1]
    assert table[STALE][-1] == "Chưa có báo cáo tiến độ nào"


@pytest.mark.unit
def test_each_task_of_the_province_plan_has_the_members_tasks_by_status(report_text, fakes, parent):
    """Counted here from the members' own "implements" (member 6 has no copy: not read)."""
    _, tables = report_text
    table = next(t for t in tables if t[0][0] == "Nhiệm vụ")
    assert table[0][2:-1] == list(DERIVED_LABELS.values())
    rows = {row[0].split("\n")[0]: row for row in table[1:]}
    assert list(rows) == [t.id for t in parent.leaf_tasks]
    for task in parent.leaf_tasks:
        implementing = [(f.member.code, t["status"]) for f in fakes[: NEVER - 1] for t in leaves(f)
                        if any(link["task"] == task.id for link in t.get("implements", []))]
        statuses = Counter(status["status"] for _, status in implementing)
        assert rows[task.id][1] == str(len({code for code, _ in implementing})), task.id
        assert rows[task.id][2:-1] == [str(statuses[key]) for key in DERIVED_LABELS], task.id
        assert rows[task.id][-1] == str(sum(status["overdue"] for _, status in implementing)), task.id


@pytest.mark.unit
def test_the_report_names_the_gaps_and_the_members_with_overdue_tasks(report_text, fakes, parent):
    text, _ = report_text
    for task_id in gap_tasks(parent):
        assert f"- Nhiệm vụ {task_id}: chưa thành viên nào có nhiệm vụ thực hiện (5 thành viên)." in text
    first = parent.leaf_tasks[0].id
    missing = [f.member.name for f in fakes[: NEVER - 1]
               if not any(link["task"] == first for t in leaves(f) for link in t.get("implements", []))]
    assert missing and f"- Nhiệm vụ {first} ({len(missing)} thành viên): {'; '.join(missing)}." in text
    late = [f for f in fakes[: NEVER - 1] if own_counts(f)["overdue"]]
    assert late
    for fake in late:
        overdue = [t["id"] for t in leaves(fake) if t["status"]["overdue"]]
        line = next(line for line in text.split("\n") if line.startswith(f"- {fake.member.name}: "))
        assert line.startswith(f"- {fake.member.name}: {len(overdue)} nhiệm vụ: ") and all(i in line for i in overdue)
    assert f"Không đọc được nhiệm vụ của 1 thành viên, không được tính ở phần này: {fakes[NEVER - 1].member.name}." in text


@pytest.mark.unit
def test_the_period_counts_the_members_reports_dated_within_it(rollup, parent, fakes):
    report = rollup_report(rollup, parent, *PERIOD)
    for line, fake in zip(report.members, fakes, strict=True):
        dates = [dt.date.fromisoformat(u["date"]) for u in own(fake)["updates"]]
        expected = sum(PERIOD[0] <= d <= PERIOD[1] for d in dates)
        assert line.reports == (None if fake.member.index == NEVER else expected), fake.member.name
    assert report.reports > 0
    later = rollup_report(rollup, parent, dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert later.as_of == REFERENCE_DATE and later.cut_short
    with pytest.raises(PeriodError, match="sau ngày tham chiếu"):
        rollup_report(rollup, parent, dt.date(2025, 11, 1), dt.date(2025, 12, 31))
    with pytest.raises(PeriodError, match="ở sau ngày kết thúc"):
        rollup_report(rollup, parent, dt.date(2025, 9, 1), dt.date(2025, 8, 1))


@pytest.mark.unit
def test_make_report_on_a_rollup_writes_the_rollup_s_report(project, fakes):
    result = run_cli("report", "--from", "2025-07-01", "--to", "2025-09-30", cwd=project)
    assert result.returncode == 0, result.stderr
    written = project / "bao-cao-tong-hop-2025-07-01-2025-09-30.docx"
    assert f"Đã ghi {written.name}: báo cáo tổng hợp 6 thành viên (1 không có dữ liệu)" in result.stdout
    text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert "Tổng hợp tình hình thực hiện" in text and "từ ngày 1/7/2025 đến ngày 30/9/2025" in text
    out = project / "quy-3.docx"
    assert run_cli("report", "--from", "2025-07-01", "--to", "2025-09-30", "-o", str(out), cwd=project).returncode == 0
    assert out.read_bytes() == written.read_bytes()
    refused = run_cli("report", "--from", "2025-07-01", "--to", "2025-09-30", "--unit", "cong-an", cwd=project)
    assert refused.returncode == 2 and "trang tổng hợp" in refused.stderr and "--plan" in refused.stderr
    early = run_cli("report", "--from", "2025-11-01", "--to", "2025-12-31", cwd=project)
    assert early.returncode == 2 and "sau ngày tham chiếu" in early.stderr and "Traceback" not in early.stderr
    own_plan = run_cli("report", "--plan", "data/plan.yaml", "--from", "2025-07-01", "--to", "2025-09-30", cwd=project)
    assert own_plan.returncode == 0 and "tổng hợp" not in own_plan.stdout  # the site's own plan, as before


# ---------------------------------------------------------------- the built site


@pytest.mark.build
def test_a_rollup_site_publishes_and_describes_its_files(project, fakes, tmp_path):
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = BuiltSite(tmp_path / "site", project)
    for download in ROLLUP_DOWNLOADS:
        assert site.path(urls.download(download.name)).stat().st_size > 0, download.name
    read = read_member(site.path(urls.download("rollup.json")).read_bytes(), "rollup")
    assert [r.name for r in read.members] == [f.member.name for f in fakes]
    tree = site.tree(urls.DOWNLOADS)
    cards = tree.xpath("//ul[contains(@class,'kh-files--rollup')]/li[contains(@class,'kh-file')]")
    assert [c.xpath(".//a[@download]")[0].text_content() for c in cards] == [d.name for d in ROLLUP_DOWNLOADS]
    text = site.text(urls.DOWNLOADS)
    assert "Dữ liệu tổng hợp các thành viên" in text
    assert "Mỗi thành viên (6, trong đó 1 không có dữ liệu)" in text
    tasks = sum(1 for _ in read_csv(site.path(urls.download("rollup-tasks.csv")).read_bytes()))
    assert f"({tasks} nhiệm vụ của 5 thành viên có dữ liệu)" in text
    assert "Báo cáo tổng hợp từ ngày 20/6/2025 đến ngày 15/10/2025 về 6 thành viên" in text
    assert all(c.header in text for c in ROLLUP_COLUMNS)
