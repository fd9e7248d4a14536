"""A member's published file read as untrusted input (macros/rollup/contract.py): what is refused and why,
what a newer minor may add, and what the rollup keeps of texts and links."""

from __future__ import annotations

import json
import unicodedata

import pytest

from macros.progress.state import NOT_REPORTED
from macros.rollup.contract import MAX_TASKS, NAME_LIMIT, TEXT_LIMIT, Refused, https_link, read_member
from macros.rollup.model import STATUSES, MemberPlan, MemberRollup
from member_server import member_bytes

pytestmark = pytest.mark.unit


def plan_document() -> dict:
    return json.loads(member_bytes(2))


def read(document: dict, expected: str = "plan") -> MemberPlan | MemberRollup:
    return read_member(json.dumps(document, ensure_ascii=False).encode(), expected)


def refusal(data: bytes, expected: str = "plan") -> str:
    with pytest.raises(Refused) as refused:
        read_member(data, expected)
    return refused.value.reason


def rollup_document(**rows: object) -> dict:
    return {"export": {"format": "ke-hoach-tong-hop", "version": 1, "minor": 0}, "rollup": {"title": "Tỉnh Bình Sơn"},
            "members": [{"name": "Xã An", "counts": {"tasks": 3, "statuses": {"hoan-thanh": 2, "dang-thuc-hien": -4}}},
                        {"name": "Xã Vắng", "available": False, "reason": "máy chủ trả lời 404", **rows}]}


def with_export(**export: object) -> bytes:
    document = plan_document()
    document["export"] = {**document["export"], **export}
    return json.dumps(document).encode()


@pytest.mark.parametrize(("data", "expected", "reason"), [
    (b"\xff\xfe{}", "plan", "tệp không phải văn bản UTF-8 (byte lỗi ở vị trí 0)."),
    (b'{"export": ', "plan", "JSON không hợp lệ ở dòng 1, cột 12: Expecting value."),
    (b"[" * 200_000 + b"]" * 200_000, "plan", "JSON lồng nhau quá sâu."),
    (b"[1, 2]", "plan", "không phải tệp dữ liệu kế hoạch: cần một đối tượng JSON ở gốc."),
    (b'{"plan": {}}', "plan", "không phải tệp dữ liệu kế hoạch: thiếu mục export (định dạng, phiên bản)."),
    (b'{"export": "ke-hoach-nhiem-vu"}', "plan", "không phải tệp dữ liệu kế hoạch: thiếu mục export (định dạng, phiên bản)."),
    (b'{"export": {"format": "ke-hoach-tong-hop", "version": 1}}', "plan",
     'đây là tệp rollup.json (tổng hợp), cần plan.json (kế hoạch) (export.format = "ke-hoach-nhiem-vu").'),
    (b'{"export": {"format": "ke-hoach-nhiem-vu", "version": 1}}', "rollup",
     'đây là tệp plan.json (kế hoạch), cần rollup.json (tổng hợp) (export.format = "ke-hoach-tong-hop").'),
    (b'{"export": {"format": "datapackage", "version": 1}}', "plan",
     'đây là định dạng "datapackage", cần plan.json (kế hoạch) (export.format = "ke-hoach-nhiem-vu").'),
    (b'{"export": {"version": 1}}', "plan",
     'đây là định dạng null, cần plan.json (kế hoạch) (export.format = "ke-hoach-nhiem-vu").'),
    (b'{"export": {"format": "ke-hoach-nhiem-vu", "version": "1"}}', "plan",
     'phiên bản định dạng không hợp lệ ("1"); cần một số nguyên.'),
    (b'{"export": {"format": "ke-hoach-nhiem-vu", "version": true}}', "plan",
     "phiên bản định dạng không hợp lệ (true); cần một số nguyên."),
    (b'{"export": {"format": "ke-hoach-nhiem-vu", "version": 1.0}}', "plan",
     "phiên bản định dạng không hợp lệ (1.0); cần một số nguyên."),
    (b'{"export": {"format": "ke-hoach-nhiem-vu", "version": 2}}', "plan",
     "phiên bản 2 của định dạng ke-hoach-nhiem-vu chưa được hỗ trợ; trang này đọc phiên bản 1 (mọi bản phụ 1.x)."),
    (b'{"export": {"format": "ke-hoach-tong-hop", "version": 0}}', "rollup",
     "phiên bản 0 của định dạng ke-hoach-tong-hop chưa được hỗ trợ; trang này đọc phiên bản 1 (mọi bản phụ 1.x)."),
    (b'{"export": {"format": "ke-hoach-nhiem-vu", "version": 1}, "plan": {"title": "T", "issuer": "U"}}', "plan",
     "không phải một kế hoạch hợp lệ: trường tasks: thiếu (1 lỗi)."),
    (b'{"export": {"format": "ke-hoach-nhiem-vu", "version": 1}, "tasks": []}', "plan",
     "không phải một kế hoạch hợp lệ: trường plan: thiếu (1 lỗi)."),
    (b'{"export": {"format": "ke-hoach-nhiem-vu", "version": 1}, "plan": {"title": "T", "issuer": "U"}, "tasks": "x"}',
     "plan", "không phải một kế hoạch hợp lệ: trường tasks: sai kiểu hoặc giá trị không hợp lệ (1 lỗi)."),
    (b'{"export": {"format": "ke-hoach-tong-hop", "version": 1}, "rollup": {"title": "T"}, "members": [{"code": "1"}]}',
     "rollup", "không phải một tệp tổng hợp hợp lệ: trường members.0.name: thiếu (1 lỗi)."),
])  # fmt: skip
def test_every_cause_of_refusal_is_said_in_vietnamese(data, expected, reason):
    assert refusal(data, expected) == reason


def test_more_tasks_than_a_member_may_have_are_refused():
    document = {"export": {"format": "ke-hoach-nhiem-vu", "version": 1}, "plan": {"title": "T", "issuer": "U"},
                "tasks": [{"id": f"t{i}"} for i in range(MAX_TASKS + 1)]}
    assert refusal(json.dumps(document).encode()) == "không phải một kế hoạch hợp lệ: trường tasks: quá nhiều phần tử (1 lỗi)."


def test_a_wrong_field_deep_in_a_task_is_named_with_its_place():
    document = plan_document()
    document["tasks"][3]["schedule"]["due"] = "30/9/2025"
    assert refusal(json.dumps(document).encode()).startswith("không phải một kế hoạch hợp lệ: trường tasks.3.schedule.due: ")


def test_a_newer_minor_with_fields_this_reader_does_not_know_is_read_as_the_same_plan():
    document = plan_document()
    known = read(document)
    document["export"].update(minor=9, signature="abc")
    document["ngan_sach"] = {"tong": 1_000_000}
    document["plan"]["moi"] = ["x"]
    for task in document["tasks"]:
        task["uu_tien"] = 1
        if task.get("status"):
            task["status"]["confidence"] = 0.5
    newer = read(document)
    assert isinstance(newer, MemberPlan) and newer.minor == 9
    assert newer.model_copy(update={"minor": known.minor}) == known
    assert read_member(with_export(minor=9), "plan").minor == 9


def test_a_rollup_is_read_with_its_rows_counts_cleaned():
    data = read(rollup_document(site="javascript:alert(1)"), "rollup")
    assert isinstance(data, MemberRollup)
    first, second = data.members
    assert first.counts.statuses["hoan-thanh"] == 2 and first.counts.statuses["dang-thuc-hien"] == 0
    assert list(first.counts.statuses) == list(STATUSES)  # every status, in the site's order, and no other
    assert (second.available, second.reason, second.site) == (False, "máy chủ trả lời 404", None)


@pytest.mark.parametrize(("link", "kept"), [
    ("https://xa-an.example.gov.vn/nhiem-vu/i-1/", True),
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    ("http://xa-an.example.gov.vn/nhiem-vu/i-1/", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("/nhiem-vu/i-1/", False),
    ("//xa-an.example.gov.vn/", False),
    ("https:///nhiem-vu/", False),
    ('https://xa-an.example.gov.vn/"onmouseover="alert(1)', False),
    ("https://xa-an.example.gov.vn/a b", False),
    ("https://xa-an.example.gov.vn/\u202etxt.exe", False),
    ("https://" + "a" * 2_000 + ".vn/", False),
])  # fmt: skip
def test_only_https_links_are_kept(link, kept):
    assert (https_link(link) == link) is kept
    document = plan_document()
    document["export"]["site_url"] = link
    document["tasks"][0]["url"] = link
    data = read(document)
    assert isinstance(data, MemberPlan)
    assert (data.site_url, data.tasks[0].url) == ((link, link) if kept else (None, None))


def test_texts_are_composed_without_control_or_invisible_characters():
    document = plan_document()
    decomposed = unicodedata.normalize("NFD", "Tuyên truyền chính sách tín dụng")
    document["tasks"][0]["content"] = [f"\x00{decomposed}\u200b\x1b[31m đỏ\u202e\x7f"]
    document["plan"]["title"] = unicodedata.normalize("NFD", "Kế hoạch của Xã Ba Dinh")
    data = read(document)
    assert isinstance(data, MemberPlan)
    assert data.tasks[0].text == "Tuyên truyền chính sách tín dụng[31m đỏ"
    assert unicodedata.is_normalized("NFC", data.tasks[0].text)
    assert data.title == "Kế hoạch của Xã Ba Dinh" and unicodedata.is_normalized("NFC", data.title)


def test_overlong_texts_are_cut_with_an_ellipsis():
    document = plan_document()
    document["tasks"][0]["content"] = ["Nhiệm vụ " * 500]
    document["plan"]["title"] = "Kế hoạch " * 100
    document["updates"][0]["note"] = "Ghi chú " * 400
    data = read(document)
    assert isinstance(data, MemberPlan)
    assert len(data.tasks[0].text) <= TEXT_LIMIT and data.tasks[0].text.endswith("…")
    assert len(data.title) <= NAME_LIMIT and data.title.endswith("…")
    assert all(len(r.note) <= TEXT_LIMIT for r in data.reports)
    assert any(r.note.endswith("…") for r in data.reports)


def test_an_unknown_status_counts_as_not_reported_and_reports_come_newest_first():
    document = plan_document()
    leaf = next(t for t in document["tasks"] if not t["heading"])
    leaf["status"]["status"] = "da-xong-het"
    data = read(document)
    assert isinstance(data, MemberPlan)
    assert next(t for t in data.tasks if t.id == leaf["id"]).status == NOT_REPORTED
    dates = [r.date for r in data.reports]
    assert dates == sorted(dates, reverse=True) and len(dates) == len(document["updates"])


def test_a_tasks_parent_is_named_by_number_and_issuer_even_through_its_legal_basis():
    document = plan_document()
    linked = next(t for t in document["tasks"] if t.get("implements"))
    linked["implements"] = [{"plan": "kh-17-kh-ubnd", "task": "II.3"}]  # only the legal basis names the plan
    data = read(document)
    assert isinstance(data, MemberPlan)
    link = next(t for t in data.tasks if t.id == linked["id"]).implements[0]
    assert (link.plan_number, link.plan_issuer, link.task) == ("17/KH-UBND", "Ủy ban nhân dân tỉnh Bình Sơn", "II.3")
