"""The periodic report (python -m macros report) read back with python-docx, as the office will open it.

On the xa-mau fixture, whose data's reference date is 15/10/2025 (helpers.REFERENCE_DATE):
- quarter III (1/7–30/9/2025) is judged on 30/9: I.1 is "đang thực hiện" (its 1/10 report, "hoàn thành",
  comes after), II.1.a is due that very day and so not yet overdue; the period holds 4 reports, 3 of them samples;
- quarter IV (1/10–31/12/2025) is judged on 15/10, the reference date: II.1.a is overdue.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from helpers import REFERENCE_DATE, ROOT, XA_MAU, fixture_state, run_cli
from macros.exports.periodic_report import PeriodError, periodic_report_docx, whole_plan_period, write_periodic_report
from macros.exports.periodic_report.document import MOTTO, NATION, OVERDUE, SAMPLE, TASK_HEADERS
from macros.exports.periodic_report.issuer import BLANK_PLACE, initials, issuer
from macros.exports.periodic_report.layout import BODY_STYLE, FONT
from macros.exports.task_table import BULLET
from macros.text import content_text, without_emphasis

pytestmark = pytest.mark.unit

Q3 = (dt.date(2025, 7, 1), dt.date(2025, 9, 30))
Q4 = (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
PLAN_ARG = ("--plan", str(XA_MAU.relative_to(ROOT) / "plan.yaml"))

# Who takes part in what, read off tests/fixtures/plans/xa-mau/plan.yaml by hand (not by the code under test).
GROUP = "(qua nhóm “Các bộ phận chuyên môn thuộc Ủy ban nhân dân xã”)"
TRAM_Y_TE = {
    "III.1": f"chủ trì; phối hợp {GROUP}",  # named in the lead cell; its group coordinates
    "IV.1": f"phối hợp; chủ trì {GROUP}",  # named in the coordinating cell; its group leads
    "II.1.b": f"phối hợp {GROUP}",  # only through its group khoi-chuyen-mon
    "IV.2": f"phối hợp {GROUP}",  # idem
}
BUU_DIEN = {"I.2", "II.1.c", "II.2", "III.2", "IV.2"}  # belongs to no group


@pytest.fixture(scope="module")
def state():
    return fixture_state(XA_MAU)


def read(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def make(state, period=Q3, unit: str | None = None) -> DocxDocument:
    return read(periodic_report_docx(state, *period, unit)[1])


@pytest.fixture(scope="module")
def q3(state) -> DocxDocument:
    return make(state)


@pytest.fixture(scope="module")
def q4(state) -> DocxDocument:
    return make(state, Q4)


def task_tables(document: DocxDocument) -> list[Table]:
    return [t for t in document.tables if tuple(c.text for c in t.rows[0].cells) == TASK_HEADERS]


def rows(document: DocxDocument) -> dict[str, list[str]]:
    """Task id → its row's cell texts, over every section's table."""
    out: dict[str, list[str]] = {}
    for table in task_tables(document):
        for row in table.rows[1:]:
            out[row.cells[0].text] = [c.text for c in row.cells]
    return out


def body_text(document: DocxDocument) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def all_text(document: DocxDocument) -> str:
    tables = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([body_text(document), *tables])


# ---------------------------------------------------------------- page, type, heading block


def test_a4_portrait_with_the_margins_of_decree_30(q3):
    (section,) = q3.sections
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert section.page_width < section.page_height
    assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35) and Mm(15) <= section.right_margin <= Mm(20)


def test_times_new_roman_for_every_script_with_no_theme_font_to_override_it(q3):
    defaults = q3.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rpr in (defaults, q3.styles["Normal"].element.rPr, q3.styles["Heading 1"].element.rPr):
        fonts = rpr.find(qn("w:rFonts"))
        assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {FONT}
        assert not [k for k in fonts.attrib if k.endswith("Theme") or k.endswith("theme")]
    runs = [r for p in q3.paragraphs for r in p.runs] + [
        r for t in q3.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
    ]
    assert all(r.font.name in (None, FONT) for r in runs)
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def test_body_is_13_to_14_point_and_tables_12_to_13(q3):
    assert q3.styles["Normal"].font.size == Pt(13)
    body = [p for p in q3.paragraphs if p.style.name == BODY_STYLE]
    assert body and all(Pt(13) <= (p.style.font.size or q3.styles["Normal"].font.size) <= Pt(14) for p in body)
    for name in ("Heading 1", "Heading 2"):
        assert Pt(13) <= q3.styles[name].font.size <= Pt(14)
    cells = [p for t in task_tables(q3) for r in t.rows for c in r.cells for p in c.paragraphs]
    assert all(Pt(12) <= p.style.font.size <= Pt(13) for p in cells)


def test_heading_block_names_the_issuer_the_nation_and_leaves_number_and_date_to_the_clerk(q3):
    block = q3.tables[0]
    left, right = block.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "XÃ SUỐI MÂY"]
    assert all(r.bold for p in left.paragraphs for r in p.runs)
    texts = [p for p in right.paragraphs if p.text]
    assert [p.text for p in texts] == [NATION, MOTTO]
    assert all(r.bold for p in texts for r in p.runs)
    assert Pt(13) <= texts[1].runs[0].font.size <= Pt(14)
    assert right._tc.xpath(".//w:pBdr/w:bottom"), "a rule under the motto"
    assert left._tc.xpath(".//w:pBdr/w:bottom"), "a rule under the issuer's name"
    number, date = block.rows[1].cells
    assert number.text.startswith("Số:") and number.text.endswith("/BC-UBND")  # from the plan's number 88/KH-UBND
    assert date.text.startswith("Suối Mây, ngày ") and "tháng" in date.text and "năm" in date.text
    assert all(r.italic for r in date.paragraphs[0].runs)
    assert not block._tbl.xpath(".//w:tblBorders/*[@w:val!='nil']")


def test_document_type_and_summary_name_the_plan_and_the_period(state, q3):
    paragraphs = [p for p in q3.paragraphs if p.text]
    kind, summary = paragraphs[0], paragraphs[1]
    assert kind.text == "BÁO CÁO" and kind.runs[0].bold and kind.alignment == 1  # centred
    assert summary.runs[0].bold
    title = state.plan.plan.title
    assert summary.text == f"Kết quả thực hiện {title[0].lower()}{title[1:]} từ ngày 1/7/2025 đến ngày 30/9/2025"


def test_page_numbers_centred_in_the_header_from_the_second_page(q3):
    (section,) = q3.sections
    assert section.different_first_page_header_footer
    header = section.header
    assert not header.is_linked_to_previous
    codes = [c.text.strip() for c in header._element.iter(qn("w:instrText"))]
    assert codes == ["PAGE"]
    assert header.paragraphs[0].alignment == 1
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))
    assert not section.first_page_header._element.xpath(".//w:fldSimple")


def test_signature_and_recipients_are_labelled_places_for_the_clerk(q3):
    recipients, signer = q3.tables[-1].rows[0].cells
    assert recipients.paragraphs[0].text == "Nơi nhận:"
    assert signer.paragraphs[0].text.startswith("[") and signer.paragraphs[-1].text == "[Họ và tên]"


def test_every_text_is_nfc(q3):
    text = all_text(q3)
    assert text == unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------- the period's content


def test_every_task_is_there_with_its_exact_text_and_its_status_at_the_end_of_the_period(state, q3):
    plan = state.plan
    found = rows(q3)
    assert set(found) == {t.id for t in plan.tasks}  # every task, sub-items under their heading item
    for task in plan.leaf_tasks:
        lines = content_text(task.content, bullet=BULLET).split("\n")
        assert found[task.id][1] == "\n".join(without_emphasis(line) for line in lines), task.id
        assert found[task.id][2] == task.lead.text
    status = {task_id: cells[3].split("\n")[0] for task_id, cells in found.items() if not plan.task_by_id[task_id].heading}
    assert status["I.1"] == "Đang thực hiện"  # the 1/10 report (hoàn thành) is after the period
    assert status["II.1.a"] == "Đang thực hiện"
    assert status["III.1"] == "Tạm dừng"
    assert status["III.2"] == status["I.3"] == "Chưa có báo cáo"  # their reports (October) are after it
    assert OVERDUE not in found["II.1.a"][3]  # due 30/9/2025: the due day itself is still on time
    assert "Hạn: quý III/2025" in found["II.1.a"][3]


def test_emphasis_in_a_task_text_is_set_in_italics(q3):
    table = task_tables(q3)[0]
    (cell,) = [r.cells[1] for r in table.rows if r.cells[0].text == "I.1"]
    italic = [r.text for p in cell.paragraphs for r in p.runs if r.italic]
    assert italic == ["Chuyển đổi số là của người dân, vì người dân"]


def test_the_period_s_reports_are_shown_with_unit_note_reason_and_evidence(q3):
    found = rows(q3)
    i1 = found["I.1"][4]
    assert "5/8/2025, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã" in i1
    assert "2/9/2025, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã" in i1
    assert "(mẫu) 15/KH-UBND" in i1 and "Kế hoạch tuyên truyền chuyển đổi số năm 2025 (văn bản mẫu)" in i1
    assert "https://example.org/suoi-may/15-kh-ubnd.pdf" in i1
    assert "Đã số hóa 640 trên 1.100 hồ sơ hộ tịch; thiếu máy quét khổ A3." in found["II.1.a"][4]
    assert "Lý do: (Mẫu) Phần mềm của tỉnh đang nâng cấp đến hết tháng 10/2025." in found["III.1"][4]
    assert found["IV.2"][4] == "Không có báo cáo trong kỳ."


def test_reports_outside_the_period_are_absent(q3, q4):
    q3_text, q4_text = all_text(q3), all_text(q4)
    assert "Đã tuyên truyền tại cả 9 thôn" not in q3_text  # 1/10/2025
    assert "Học sinh trung học cơ sở được miễn học phí" not in q3_text  # 3/10/2025
    assert "Đã tuyên truyền tại cả 9 thôn" in q4_text and "Chờ phân công giáo viên" in q4_text
    assert "Đã số hóa 640" not in q4_text and "5/8/2025" not in q4_text  # Q3's reports


def test_samples_are_marked_and_real_reports_are_not(q3):
    found = rows(q3)
    assert found["I.1"][4].count(SAMPLE) == 2  # both of its reports in the period are samples
    assert SAMPLE not in found["II.1.a"][4]  # a real report
    assert "3 báo cáo là dữ liệu mẫu" in body_text(q3)


def test_status_is_judged_at_the_reference_date_when_the_period_ends_after_it(q4):
    found = rows(q4)
    assert OVERDUE in found["II.1.a"][3].split("\n")
    assert found["I.1"][3].startswith("Hoàn thành") and found["III.2"][3].startswith("Không thực hiện")
    text = body_text(q4)
    assert "tính đến ngày 15/10/2025 (ngày tham chiếu của dữ liệu, trước ngày cuối kỳ)" in text
    assert "Nhiệm vụ II.1.a (hạn quý III/2025; tình trạng: đang thực hiện;" in text
    figures = q4.tables[1]
    assert [c.text for c in figures.rows[-1].cells] == ["Trong đó: quá hạn", "1"]


def test_figures_count_every_status_at_the_end_of_the_period(state, q3):
    figures = {r.cells[0].text: r.cells[1].text for r in q3.tables[1].rows[1:]}
    assert figures["Tổng số nhiệm vụ"] == str(len(state.plan.leaf_tasks))
    assert figures["Đang thực hiện"] == "2" and figures["Tạm dừng"] == "1" and figures["Hoàn thành"] == "0"
    assert figures["Trong đó: quá hạn"] == "0"
    assert "Không có nhiệm vụ quá hạn." in body_text(q3)


def test_task_tables_repeat_their_header_row_on_every_page(q3):
    tables = task_tables(q3)
    assert len(tables) == 4  # one per section
    for table in tables:
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
        assert not any(r._tr.xpath("./w:trPr/w:tblHeader") for r in table.rows[1:])


# ---------------------------------------------------------------- one unit


def test_a_unit_s_report_has_what_it_leads_coordinates_or_shares_through_its_group(state):
    document = make(state, Q4, "tram-y-te")
    found = rows(document)
    leaves = {i for i in found if not state.plan.task_by_id[i].heading}
    assert leaves == set(TRAM_Y_TE)
    assert set(found) - leaves == {"II.1"}  # II.1.b's heading item, for context
    for task_id, role in TRAM_Y_TE.items():
        assert found[task_id][1].endswith(f"\nVai trò của đơn vị: {role}."), task_id
    assert "của Trạm Y tế xã Suối Mây từ ngày 1/10/2025 đến ngày 31/12/2025" in [p.text for p in document.paragraphs if p.text][1]
    figures = {r.cells[0].text: r.cells[1].text for r in document.tables[1].rows[1:]}
    assert figures["Tổng số nhiệm vụ"] == "4"


def test_a_unit_in_no_group_has_only_what_names_it(state):
    found = rows(make(state, Q3, "buu-dien"))
    assert {i for i in found if not state.plan.task_by_id[i].heading} == BUU_DIEN


def test_unknown_unit_and_bad_periods_are_refused_in_vietnamese(state):
    with pytest.raises(PeriodError, match="không có đơn vị với mã \"khong-co\""):
        periodic_report_docx(state, *Q3, "khong-co")
    with pytest.raises(PeriodError, match="ở sau ngày kết thúc"):
        periodic_report_docx(state, Q3[1], Q3[0])
    with pytest.raises(PeriodError, match="sau ngày tham chiếu"):
        periodic_report_docx(state, REFERENCE_DATE + dt.timedelta(days=1), Q4[1])


def test_the_same_data_give_the_same_bytes(state):
    assert periodic_report_docx(state, *Q3)[1] == periodic_report_docx(state, *Q3)[1]


# ---------------------------------------------------------------- issuer


def test_issuer_from_the_plan_s_words():
    meta = fixture_state(XA_MAU).plan.plan
    named = issuer(meta)
    assert (named.lines, named.place, named.abbreviation) == (("ỦY BAN NHÂN DÂN", "XÃ SUỐI MÂY"), "Suối Mây", "UBND")
    unnumbered = issuer(meta.model_copy(update={"number": None, "issuer": "Hội đồng nhân dân phường Hòa Bình"}))
    assert (unnumbered.lines, unnumbered.place, unnumbered.abbreviation) == (
        ("HỘI ĐỒNG NHÂN DÂN", "PHƯỜNG HÒA BÌNH"), "Hòa Bình", "HĐND"
    )
    placeless = issuer(meta.model_copy(update={"number": None, "issuer": "Ban Chỉ đạo"}))
    assert (placeless.lines, placeless.place) == (("BAN CHỈ ĐẠO",), BLANK_PLACE)
    assert initials("Ủy ban nhân dân") == "UBND"


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary_file(state, tmp_path, monkeypatch):
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"the previous report")

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("macros.exports.periodic_report.os.replace", refuse)
    with pytest.raises(OSError):
        write_periodic_report(state, *Q3, None, out)
    assert out.read_bytes() == b"the previous report"
    assert list(tmp_path.iterdir()) == [out]


# ---------------------------------------------------------------- the command


def cli(tmp_path: Path, *args: str):
    return run_cli("report", *PLAN_ARG, *args)


def test_the_command_writes_the_report_and_says_so(tmp_path):
    out = tmp_path / "quy-3.docx"
    result = cli(tmp_path, "--from", "2025-07-01", "--to", "2025-09-30", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"Đã ghi {out}: 11 nhiệm vụ, 4 báo cáo trong kỳ, 0 nhiệm vụ quá hạn" in result.stdout
    assert "Đang thực hiện" in rows(docx.Document(str(out)))["I.1"][3]
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--to", "2025-09-30"), "thiếu --from"),
        (("--from", "2025-07-01"), "thiếu --to"),
        (("--from", "1/7/2025", "--to", "2025-09-30"), "--from \"1/7/2025\" không phải một ngày"),
        (("--from", "2025-07-01", "--to", "2025-02-30"), "--to \"2025-02-30\" không phải một ngày"),
        (("--from", "2025-10-01", "--to", "2025-09-30"), "ngày bắt đầu 1/10/2025 (--from) ở sau ngày kết thúc 30/9/2025"),
        (("--from", "2025-07-01", "--to", "2025-09-30", "--unit", "khong-co"), "không có đơn vị với mã \"khong-co\""),
        (("--from", "2025-11-01", "--to", "2025-12-31"), "sau ngày tham chiếu của dữ liệu (15/10/2025)"),
    ],
)
def test_bad_arguments_are_explained_in_vietnamese_and_leave_the_output_alone(tmp_path, args, message):
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"the previous report")
    result = cli(tmp_path, *args, "-o", str(out))
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.startswith("Lỗi: ")
    assert "Traceback" not in result.stderr + result.stdout
    assert out.read_bytes() == b"the previous report"
    assert list(tmp_path.iterdir()) == [out]


def test_an_output_that_is_not_docx_or_has_no_folder_is_refused(tmp_path):
    result = cli(tmp_path, "--from", "2025-07-01", "--to", "2025-09-30", "-o", str(tmp_path / "bao-cao.txt"))
    assert result.returncode == 2 and "cần có đuôi .docx" in result.stderr
    result = cli(tmp_path, "--from", "2025-07-01", "--to", "2025-09-30", "-o", str(tmp_path / "khong-co" / "a.docx"))
    assert result.returncode == 2 and "không có thư mục" in result.stderr
    assert not list(tmp_path.iterdir())


def test_invalid_reports_are_listed_like_make_check_and_nothing_is_written(tmp_path):
    out = tmp_path / "bao-cao.docx"
    bad = ROOT / "tests" / "fixtures" / "updates"
    result = run_cli("report", "--plan", str(bad / "plan.yaml"), "--updates", str(bad / "bad"),
                     "--from", "2025-07-01", "--to", "2025-09-30", "-o", str(out))
    assert result.returncode == 1
    assert "lỗi" in result.stderr and "Không lập được báo cáo" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


# -- the report Dữ liệu mở offers: the whole plan so far


def test_the_offered_period_runs_from_the_plans_date_to_the_reference_date(state):
    assert state.plan.plan.date == dt.date(2025, 6, 20)  # tests/fixtures/plans/xa-mau/plan.yaml
    assert whole_plan_period(state) == (dt.date(2025, 6, 20), REFERENCE_DATE)


def test_a_plan_without_a_date_is_reported_from_its_earliest_report(state):
    undated = replace(state, plan=state.plan.model_copy(update={"plan": state.plan.plan.model_copy(update={"date": None})}))
    earliest = min(r.update.date for r in state.records)
    assert whole_plan_period(undated) == (earliest, REFERENCE_DATE)
    assert whole_plan_period(replace(undated, records=[])) is None  # nothing to date the period from


def test_a_plan_that_starts_after_the_reference_date_has_no_report_yet(state):
    later = state.plan.plan.model_copy(update={"date": REFERENCE_DATE + dt.timedelta(days=1)})
    assert whole_plan_period(replace(state, plan=state.plan.model_copy(update={"plan": later}))) is None


def test_a_note_on_several_lines_keeps_its_line_breaks_and_every_other_character(state):
    """The form writes notes with line breaks; Word shows them as breaks, and spaces and quotes stay as typed."""
    note = '  Dòng một: "trích dẫn" #1\nDòng hai\t{{ x }} <b>đậm</b>  '
    first = min(state.records, key=lambda r: r.update.date)
    changed = replace(first, update=first.update.model_copy(update={"note": note}))
    records = [changed if r is first else r for r in state.records]
    document = make(replace(state, records=records), period=(first.update.date, first.update.date))
    cell = next(c for t in document.tables for row in t.rows for c in row.cells if "Dòng hai" in c.text)
    shown = next(p for p in cell.paragraphs if "Dòng hai" in p.text)
    assert shown.text == note  # python-docx reads <w:br/> back as "\n" and <w:tab/> as "\t"
    assert shown._p.xpath(".//w:br") and shown._p.xpath(".//w:tab")


def test_a_plan_with_a_long_title_gets_its_report_with_the_title_whole_in_the_text(state):
    """A document property holds 255 characters; a plan's title may be longer, and the report quotes it whole."""
    title = "Kế hoạch thực hiện " + "chương trình chuyển đổi số, phát triển chính quyền số và xã hội số " * 5
    plan = state.plan.model_copy(update={"plan": state.plan.plan.model_copy(update={"title": title.strip()})})
    document = make(replace(state, plan=plan))
    assert len(document.core_properties.title) <= 255 and document.core_properties.title.endswith("…")
    body = " ".join(" ".join(p.text for p in document.paragraphs).split())
    assert " ".join(title.split())[1:] in body  # the trích yếu lowers the title's first letter
