"""tasks.csv and tasks.xlsx: every task, every field equal to the model's, nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from helpers import FIXTURES
from macros import urls
from macros.exports.tasks_csv import tasks_csv
from macros.exports.tasks_xlsx import tasks_xlsx
from macros.plan.loader import load_plan
from macros.plan.model import DeliverableCell, ListBlock, Plan, ScheduleCell, Task, TaskLink, UnitCell

pytestmark = pytest.mark.unit

SITE = "https://example.org/ke-hoach/"
DAY = dt.date(2025, 10, 1)
PRECISIONS = {"ngày": "day", "tháng": "month", "quý": "quarter", "năm": "year"}


@pytest.fixture(scope="module")
def tricky() -> Plan:
    """Cells that start with =, +, -, @ and ', lists mixed with paragraphs, two due dates."""
    return load_plan(FIXTURES / "exports.yaml").plan


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "the BOM tells Excel the file is UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_xlsx(data: bytes) -> list[dict[str, str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Nhiệm vụ"]
    header, *rows = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    return [dict(zip(header, row, strict=True)) for row in rows]


# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"); an
# apostrophe first is the spreadsheet's own "this is text" mark, so a cell starting with one gets another.
NEEDS_APOSTROPHE = ("=", "+", "-", "@", "\t", "\r", "'")


def as_source_text(value: str) -> str:
    """A CSV cell as the text it stands for, checking the published rule on the way: a cell starts with
    an added apostrophe exactly when its text starts with = + - @ TAB CR or an apostrophe."""
    if value.startswith("'") and value[1:].startswith(NEEDS_APOSTROPHE):
        return value[1:]
    assert not value.startswith(NEEDS_APOSTROPHE), f"unguarded cell: {value!r}"
    return value


def blocks(cell: str) -> list:
    """A content cell back to paragraphs and lists: "• " starts a list item."""
    out: list = []
    for line in cell.split("\n"):
        if line.startswith("• "):
            if out and isinstance(out[-1], list):
                out[-1].append(line[2:])
            else:
                out.append([line[2:]])
        else:
            out.append(line)
    return [ListBlock(items=b) if isinstance(b, list) else b for b in out]


def task_from_row(plan: Plan, row: dict[str, str], parse_date) -> Task:
    """Rebuild the model's Task from the table alone (names mapped back to ids)."""
    unit_ids = {u.name: u.id for u in plan.units}
    kind_ids = {k.name: k.id for k in plan.deliverable_kinds}
    schedule_ids = {s.name: s.id for s in plan.schedules}

    def ids(cell: str, table: dict[str, str]) -> list[str]:
        return [table[name] for name in cell.split("; ")] if cell else []

    basis_ids = {b.number: b.id for b in plan.plan.legal_bases}
    links = [link.split(": ") for link in row["Thực hiện nhiệm vụ của kế hoạch cấp trên"].split("; ") if link]
    due = row["Hạn hoàn thành"]
    return Task(
        id=row["Mã nhiệm vụ"],
        number=row["Số thứ tự"],
        content=blocks(row["Nội dung nhiệm vụ"]),
        heading={"có": True, "không": False}[row["Là mục tiêu đề"]],
        note=row["Ghi chú"] or None,
        lead=UnitCell(text=row["Đơn vị chủ trì (nguyên văn)"], units=ids(row["Đơn vị chủ trì"], unit_ids)),
        coordinating=UnitCell(
            text=row["Đơn vị phối hợp (nguyên văn)"], units=ids(row["Đơn vị phối hợp"], unit_ids)
        ),
        deliverable=DeliverableCell(text=row["Sản phẩm (nguyên văn)"], kinds=ids(row["Loại sản phẩm"], kind_ids)),
        schedule=ScheduleCell(
            text=row["Thời gian thực hiện (nguyên văn)"],
            kinds=ids(row["Loại thời gian"], schedule_ids),
            due=parse_date(due) if due else None,
            due_precision=PRECISIONS[row["Hạn nêu theo"]] if row["Hạn nêu theo"] else "day",
        ),
        implements=[TaskLink(plan=basis_ids[number], task=task) for number, task in links],
    )


def vn_date(text: str) -> dt.date:
    day, month, year = (int(part) for part in text.split("/"))
    return dt.date(year, month, day)


def assert_rows_match(plan: Plan, rows: list[dict[str, str]], parse_date, site: str | None) -> None:
    assert [r["Mã nhiệm vụ"] for r in rows] == [t.id for t in plan.tasks], "one row per task, document order"
    for row in rows:
        task = plan.task_by_id[row["Mã nhiệm vụ"]]
        assert task_from_row(plan, row, parse_date) == task, task.id
        assert row["Phần"] == task.section_id
        assert row["Mục cha"] == (task.parent_id or "")
        assert row["Trang nhiệm vụ"] == (urls.absolute(site, urls.task(task.id)) or "")


def test_csv_holds_every_leaf_task_and_the_marked_heading(plan):
    rows = read_csv(tasks_csv(plan, SITE))
    leaves = [r["Mã nhiệm vụ"] for r in rows if r["Là mục tiêu đề"] == "không"]
    assert len(leaves) == 11 and leaves == [t.id for t in plan.leaf_tasks]
    assert [r["Mã nhiệm vụ"] for r in rows if r["Là mục tiêu đề"] == "có"] == ["II.1"]


def test_csv_round_trips_every_field_of_the_plan(plan):
    """Every cell is the model's text (no cell of this plan starts like a formula, so none is changed)."""
    rows = read_csv(tasks_csv(plan, SITE))
    assert not any(v.startswith("'") for r in rows for v in r.values())
    assert_rows_match(plan, [{k: as_source_text(v) for k, v in r.items()} for r in rows], dt.date.fromisoformat, SITE)


def test_csv_shows_people_what_they_expect(plan):
    rows = {r["Mã nhiệm vụ"]: r for r in read_csv(tasks_csv(plan, SITE))}
    assert list(rows["I.1"])[:6] == ["Mã nhiệm vụ", "Phần", "Số thứ tự", "Mục cha", "Là mục tiêu đề", "Nội dung nhiệm vụ"]
    assert rows["IV.2"]["Đơn vị phối hợp"] == (
        "Các bộ phận chuyên môn thuộc Ủy ban nhân dân xã; Các trường học trên địa bàn xã; Bưu điện văn hóa xã Suối Mây")
    assert rows["II.1.a"]["Hạn hoàn thành"] == "2025-09-30" and rows["II.1.a"]["Hạn nêu theo"] == "quý"
    assert rows["II.1.b"]["Hạn nêu theo"] == "tháng" and rows["I.1"]["Hạn nêu theo"] == ""
    i3 = rows["I.3"]["Nội dung nhiệm vụ"].split("\n")  # a paragraph, then a list of three
    assert len(i3) == 4 and not i3[0].startswith("• ") and all(line.startswith("• ") for line in i3[1:])
    assert rows["II.1.a"]["Mục cha"] == "II.1" and rows["II.1.a"]["Số thứ tự"] == "a"
    assert rows["II.1.a"]["Trang nhiệm vụ"] == urls.absolute(SITE, urls.task("II.1.a"))
    assert rows["I.1"]["Đơn vị phối hợp"] == rows["I.1"]["Đơn vị phối hợp (nguyên văn)"] == ""  # the empty cell


def test_csv_without_site_address_leaves_page_column_empty(plan):
    rows = read_csv(tasks_csv(plan))
    assert {r["Trang nhiệm vụ"] for r in rows} == {""}


def test_csv_guards_every_formula_like_cell(tricky):
    data = tasks_csv(tricky, SITE)
    rows = {r["Mã nhiệm vụ"]: r for r in read_csv(data)}
    assert rows["I.1"]["Nội dung nhiệm vụ"].startswith("'=1+1\n")
    assert rows["I.1"]["Đơn vị chủ trì (nguyên văn)"] == "'-Phòng Văn hoá - Xã hội"
    assert rows["I.1"]["Đơn vị phối hợp (nguyên văn)"].startswith("'@")
    assert rows["I.1"]["Sản phẩm (nguyên văn)"].startswith("'+")
    assert rows["I.1"]["Ghi chú"] == "''Ghi chú bắt đầu bằng dấu nháy"
    assert rows["I.2.đ"]["Nội dung nhiệm vụ"] == "'-x: mục không có hạn."
    assert rows["I.2.a"]["Nội dung nhiệm vụ"].startswith("• -x\n")  # the bullet already keeps it text
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_csv_round_trips_the_tricky_plan(tricky):
    """After the added apostrophe, every cell is the source text unchanged."""
    rows = read_csv(tasks_csv(tricky, SITE))
    assert any(v.startswith("'") for r in rows for v in r.values())
    assert_rows_match(tricky, [{k: as_source_text(v) for k, v in r.items()} for r in rows], dt.date.fromisoformat, SITE)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'", "•", "“", "A", "1", " "])
def test_a_cell_gets_an_apostrophe_exactly_when_its_text_starts_like_a_formula(tricky, start):
    """Each first character on its own, in a cell that is free text (the editorial note)."""
    data = tricky.model_dump()
    note = f"{start}Ghi chú thử"
    data["sections"][0]["tasks"][0]["note"] = note
    rows = read_csv(tasks_csv(Plan.model_validate(data), SITE))
    cell = rows[0]["Ghi chú"]
    if start in NEEDS_APOSTROPHE:
        assert cell == "'" + note
    else:
        assert cell == note


def test_xlsx_round_trips_every_field_of_the_plan(plan):
    rows = read_xlsx(tasks_xlsx(plan, DAY, SITE))
    assert len([r for r in rows if r["Là mục tiêu đề"] == "không"]) == 11
    assert_rows_match(plan, rows, vn_date, SITE)
    assert {r["Mã nhiệm vụ"]: r["Hạn hoàn thành"] for r in rows if r["Hạn hoàn thành"]} == {
        "II.1.a": "30/9/2025", "II.1.b": "31/12/2025"}


def test_xlsx_keeps_formula_like_text_as_text(tricky):
    book = openpyxl.load_workbook(io.BytesIO(tasks_xlsx(tricky, DAY, SITE)))
    sheet = book["Nhiệm vụ"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type == "s" for c in cells)
    content = sheet.cell(row=2, column=6)
    assert content.value == "=1+1\nĐoạn thứ hai, có *chữ nghiêng*." and content.quotePrefix
    assert sheet.cell(row=2, column=7).value == "-Phòng Văn hoá - Xã hội"
    assert_rows_match(tricky, read_xlsx(tasks_xlsx(tricky, DAY, SITE)), vn_date, SITE)


def test_xlsx_is_laid_out_for_reading(plan):
    book = openpyxl.load_workbook(io.BytesIO(tasks_xlsx(plan, DAY, SITE)))
    assert book.sheetnames == ["Nhiệm vụ", "Đơn vị"]
    sheet = book["Nhiệm vụ"]
    assert all(c.font.bold for c in sheet[1]) and not sheet.cell(row=2, column=1).font.bold
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:S{len(plan.tasks) + 1}"
    assert all(c.alignment.wrap_text for row in sheet.iter_rows() for c in row)
    widths = {sheet.cell(row=1, column=i).value: sheet.column_dimensions[chr(64 + i)].width for i in range(1, 20)}
    assert widths["Mã nhiệm vụ"] <= 14 and widths["Nội dung nhiệm vụ"] >= 60
    for header, width in widths.items():
        assert width >= max(len(word) for word in header.split()), header  # a header never breaks inside a word
    assert book.properties.created == book.properties.modified == dt.datetime(2025, 10, 1)


def test_xlsx_units_sheet_counts_tasks_per_unit(plan):
    sheet = openpyxl.load_workbook(io.BytesIO(tasks_xlsx(plan, DAY)))["Đơn vị"]
    header, *rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert header == ["Mã đơn vị", "Tên đơn vị", "Tên ngắn", "Loại", "Thuộc nhóm", "Số nhiệm vụ chủ trì",
                      "Số nhiệm vụ phối hợp"]
    by_id = {row[0]: row for row in rows}
    assert list(by_id) == [u.id for u in plan.units]
    office = by_id["van-phong"]
    assert office[1] == "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã" and office[3] == "cơ quan"
    assert office[5] == 4 and office[6] == 3  # leads I.1, I.2, II.1.a, IV.2; coordinates I.3, II.1.c, II.2
    assert by_id["tram-y-te"][5] == 1  # III.1
    assert by_id["buu-dien"][4] is None  # in no group
    assert by_id["tai-chinh"][4] == "Các bộ phận chuyên môn thuộc Ủy ban nhân dân xã"
    assert by_id["cac-truong-hoc"][3] == "nhóm cơ quan" and by_id["cac-truong-hoc"][5] == 1
    assert sum(row[6] for row in rows) == sum(len(t.coordinating.units) for t in plan.leaf_tasks)


def test_every_field_of_a_task_has_its_columns_in_the_task_table():
    """A field added to the model and forgotten in the downloads stops the build instead of vanishing from them."""
    from macros.exports.task_table import COLUMNS, FIELD_COLUMNS

    keys = {c.key for c in COLUMNS}
    assert {k for columns in FIELD_COLUMNS.values() for k in columns} == keys
