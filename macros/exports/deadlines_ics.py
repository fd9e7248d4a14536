"""``deadlines.ics``: one all-day event per task that has a due date.

Staff subscribe to this file in their calendar. Every event keeps the
same UID from build to build (the task id), so a calendar updates an
event instead of duplicating it, and DTSTAMP comes from the reference
date so an unchanged plan gives an unchanged file.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from ..plan.model import Plan, Task
from ..text import content_text, vn_date
from .common import PRECISION_LABELS, build_instant, plan_name, task_url
from .task_table import BULLET


def uid_domain(plan: Plan) -> str:
    """Made from the plan's own name, never a real host: the UIDs must not change when the site moves."""
    return f"{plan_name(plan.plan)}.invalid"

SUMMARY_WORDS = 12


def deadlines_ics(plan: Plan, reference_date: dt.date, site_url: str | None = None) -> bytes:
    calendar = Calendar.new(
        prodid=f"-//{plan.plan.issuer}//Hạn hoàn thành nhiệm vụ//VI",
        uid=f"lich-han-nhiem-vu@{uid_domain(plan)}",
        name=f"Hạn nhiệm vụ — {plan.plan.issuer}",
        description=f"Hạn hoàn thành các nhiệm vụ trong phụ lục: {plan.plan.title}.",
        calscale="GREGORIAN",
        method="PUBLISH",
    )
    stamp = build_instant(reference_date)
    for task in plan.tasks:
        if task.schedule.due:
            calendar.add_component(_event(plan, task, stamp, site_url))
    ical: bytes = calendar.to_ical()  # icalendar leaves to_ical's return type unannotated
    return ical


def _event(plan: Plan, task: Task, stamp: dt.datetime, site_url: str | None) -> Event:
    due = task.schedule.due
    assert due is not None
    url = task_url(site_url, task)
    event = Event.new(
        uid=f"{task.id}@{uid_domain(plan)}",
        start=due,
        end=due + dt.timedelta(days=1),  # all-day: DTEND is the next day, exclusive
        stamp=stamp,
        summary=f"{task.id} — {first_words(task)}",
        description=_description(plan, task),
        url=url,
    )
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return event


def first_words(task: Task) -> str:
    """The opening words of the content, enough to recognise a task in a calendar."""
    words = content_text(task.content, plain=True, separator=" ").split()
    head = " ".join(words[:SUMMARY_WORDS])
    return head + "…" if len(words) > SUMMARY_WORDS else head


def _description(plan: Plan, task: Task) -> str:
    schedule = task.schedule
    assert schedule.due is not None
    lines = [
        "Đơn vị chủ trì: " + "; ".join(plan.unit_by_id[u].name for u in task.lead.units),
    ]
    if task.coordinating.units:
        lines.append("Đơn vị phối hợp: " + "; ".join(plan.unit_by_id[u].name for u in task.coordinating.units))
    if task.deliverable.text:
        lines.append(f"Sản phẩm: {task.deliverable.text}")
    lines.append(f"Thời gian thực hiện: {schedule.text}")
    lines.append(f"Hạn: {vn_date(schedule.due)} (văn bản nêu hạn theo {PRECISION_LABELS[schedule.due_precision]})")
    lines.append("")
    lines.append(content_text(task.content, bullet=BULLET, plain=True))
    return "\n".join(lines)

