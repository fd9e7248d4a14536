"""deadlines.ics: parses, one all-day event per dated task, stable UIDs, Vietnamese labels."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from helpers import FIXTURES, KHONG_NHOM, load_fixture
from macros import urls
from macros.exports.deadlines_ics import deadlines_ics
from macros.plan.loader import load_plan

pytestmark = pytest.mark.unit

SITE = "https://example.org/ke-hoach/"
DAY = dt.date(2025, 10, 1)


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_one_event_per_dated_task(plan):
    found = events(deadlines_ics(plan, DAY, SITE))
    assert [str(e["UID"]).split("@")[0] for e in found] == ["II.1.a", "II.1.b"]


def test_a_plan_without_due_dates_gives_a_calendar_without_events():
    calendar = Calendar.from_ical(deadlines_ics(load_fixture(KHONG_NHOM).plan, DAY, SITE))
    assert calendar.walk("VEVENT") == [] and "Ủy ban nhân dân xã Bến Đá" in str(calendar["X-WR-CALNAME"])


def test_a_quarter_deadline_is_an_all_day_event_on_the_quarters_last_day(plan):
    event = events(deadlines_ics(plan, DAY, SITE))[0]
    assert event.decoded("DTSTART") == dt.date(2025, 9, 30)
    assert not isinstance(event.decoded("DTSTART"), dt.datetime), "all-day: a date, not a time"
    assert event.decoded("DTEND") == dt.date(2025, 10, 1)
    assert str(event["SUMMARY"]).startswith("II.1.a — Số hóa toàn bộ hồ sơ, kết quả giải quyết thủ tục")
    assert str(event["SUMMARY"]).endswith("…")
    description = str(event["DESCRIPTION"])
    # The registry's names, not the cell's abbreviation ("Văn phòng HĐND và UBND xã").
    assert "Đơn vị chủ trì: Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã" in description
    assert "Đơn vị phối hợp: Bộ phận Tài chính - Kế toán xã" in description
    assert "Hạn: 30/9/2025 (văn bản nêu hạn theo quý)" in description
    assert "(bao gồm hồ sơ hộ tịch từ năm 2015 đến nay)" in description  # the whole content, emphasis unmarked
    assert "*" not in description
    assert str(event["URL"]) == urls.absolute(SITE, urls.task("II.1.a"))
    assert event.decoded("DTSTAMP") == dt.datetime(2025, 10, 1, tzinfo=dt.UTC)


def test_uids_and_calendar_name_do_not_depend_on_the_site(plan):
    with_site = Calendar.from_ical(deadlines_ics(plan, DAY, SITE))
    without = Calendar.from_ical(deadlines_ics(plan, DAY))
    assert [str(e["UID"]) for e in with_site.walk("VEVENT")] == [str(e["UID"]) for e in without.walk("VEVENT")]
    assert str(with_site["UID"]) == str(without["UID"])
    assert "URL" not in without.walk("VEVENT")[0]
    assert str(with_site["X-WR-CALNAME"]) == "Hạn nhiệm vụ — Ủy ban nhân dân xã Suối Mây"
    assert "Ủy ban nhân dân xã Suối Mây" in str(with_site["PRODID"])
    domains = {str(e["UID"]).split("@")[1] for e in with_site.walk("VEVENT")} | {str(with_site["UID"]).split("@")[1]}
    assert len(domains) == 1 and domains.pop().endswith(".invalid")  # never a real host


def test_several_dated_tasks_in_document_order_with_their_precision():
    tricky = load_plan(FIXTURES / "exports.yaml").plan
    found = events(deadlines_ics(tricky, DAY, SITE))
    assert [(str(e["UID"]).split("@")[0], e.decoded("DTSTART")) for e in found] == [
        ("I.1", dt.date(2025, 9, 30)),
        ("I.2.a", dt.date(2025, 12, 31)),
    ]
    assert str(found[0]["SUMMARY"]) == "I.1 — =1+1 Đoạn thứ hai, có chữ nghiêng."  # no emphasis stars
    assert "theo tháng" in str(found[1]["DESCRIPTION"])
    assert str(found[1]["SUMMARY"]).startswith("I.2.a — -x Mục thứ hai")
    assert str(found[1]["URL"]) == urls.absolute(SITE, urls.task("I.2.a"))


@pytest.mark.parametrize("day", [dt.date(2025, 10, 1), dt.date(2026, 1, 15)])
def test_same_inputs_same_bytes(plan, day):
    assert deadlines_ics(plan, day, SITE) == deadlines_ics(plan, day, SITE)
    assert day.strftime("DTSTAMP:%Y%m%dT000000Z").encode() in deadlines_ics(plan, day, SITE)


def test_a_second_calendar_reader_reads_every_deadline_back(plan):
    """vobject is another reader than the library that wrote the file, as a phone's calendar app is."""
    import vobject

    calendar = vobject.readOne(deadlines_ics(plan, dt.date(2025, 10, 1), "https://example.org/ke-hoach/").decode("utf-8"))
    events = list(calendar.vevent_list)
    dated = [t for t in plan.leaf_tasks if t.schedule.due]
    assert len(events) == len(dated)
    for event, task in zip(sorted(events, key=lambda e: e.summary.value), sorted(dated, key=lambda t: t.id), strict=True):
        assert event.summary.value.startswith(task.id)
        assert event.dtstart.value == task.schedule.due
        assert event.url.value.endswith(urls.task(task.id))
