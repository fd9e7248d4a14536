"""Gửi báo cáo tiến độ: a form that writes a report file the checker accepts.

A clerk who has never seen YAML fills labelled fields; the page's script
(docs/assets/bao-cao-form.js) checks them and shows the file as it will be
saved, then opens GitHub's new-file editor prefilled with it, as the task
page's old button did. Everything the script knows is exported here from the
same sources as ``make check``: the report's JSON Schema generated from the
pydantic model (patterns, statuses, lengths, required keys), the rule
constants and the file-name pattern of :mod:`macros.progress.updates`, the
characters nobody can see that the reader refuses (:data:`macros.text.INVISIBLE`),
the reports already filed, and the plan's tasks with the units that take part
in each (:mod:`macros.plan.assignments`, through groups of groups too). The
script holds no list, name or pattern of its own; it only compares a report
with these, one comparison for each of the checker's links to the plan, and
tests/test_report_form_browser.py runs both over the same files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ... import urls
from ...plan.model import MAX_TEXT, Task, task_slug
from ...progress.updates import (
    NEEDS_REASON,
    SCHEMA_COMMENT,
    STATUS_LABELS,
    STATUS_MEANINGS,
    UNIT_OUTSIDE_TASK,
    UPDATE_FILENAME,
    update_filename,
    update_schema,
)
from ...text import INVISIBLE, code_point, content_text, invisible_message
from .base import IndexPageType, register


@dataclass(frozen=True)
class StatusChoice:
    value: str
    label: str
    meaning: str
    needs_reason: bool


@dataclass(frozen=True)
class ReportFormContext:
    data_url: str
    statuses: list[StatusChoice]
    needs_reason_label: str
    today: str
    """The build's reference date (YYYY-MM-DD): the date field's value until the script puts today's in Vietnam."""
    guide_url: str | None
    """The contributing guide on GitHub, for the way by hand (no JavaScript)."""
    new_file: str | None
    """GitHub's new-file editor in the reports' folder, or None when the site has no repo_url; the script adds the file."""
    updates_dir: str
    max_text: int


FILE_NOTE = "# Báo cáo tiến độ, lập bằng biểu mẫu trên trang web. Không ghi thông tin cá nhân của người vay."
"""The second line of a file the form writes (the first is the schema comment every report starts with)."""


@register
class ReportFormPage(IndexPageType):
    page_type = "report_form"
    url = urls.REPORT_FORM
    title = "Gửi báo cáo tiến độ"
    scripts = ("assets/bao-cao-form.js",)

    def search_text(self, key: str | None) -> str:
        return "biểu mẫu báo cáo tiến độ nhiệm vụ, dành cho cán bộ các đơn vị"

    def context(self, key: str | None, part: int = 1) -> ReportFormContext:
        facts = self.site.facts
        repo = facts.repo
        return ReportFormContext(
            data_url=self.site.versions[urls.REPORT_FORM_DATA],
            statuses=[
                StatusChoice(value, label, STATUS_MEANINGS[value], value == NEEDS_REASON)
                for value, label in STATUS_LABELS.items()
            ],
            needs_reason_label=STATUS_LABELS[NEEDS_REASON],
            today=facts.reference_date.isoformat(),
            guide_url=repo.blob("CONTRIBUTING.md") + "#bao-cao-tien-do" if repo else None,
            new_file=repo.new_file_base(facts.updates_dir) if repo else None,
            updates_dir=facts.updates_dir,
            max_text=MAX_TEXT,
        )

    def files(self) -> dict[str, bytes]:
        """The form's rules and choices as one file, so the page itself stays small for any plan."""
        return {urls.REPORT_FORM_DATA: json.dumps(self.data(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")}

    def data(self) -> dict[str, Any]:
        """What bao-cao-form.js checks and builds a report with; every rule comes from the checker's own sources."""
        facts, plan = self.site.facts, self.plan
        existing = sorted({
            update_filename(r.update.task, r.update.unit, r.update.date) for r in self.site.progress.records
        })
        return {
            "schema": json.loads(update_schema()),
            "needs_reason": NEEDS_REASON,
            "statuses": STATUS_LABELS,
            "header": [SCHEMA_COMMENT, FILE_NOTE],
            "unit_outside_task": UNIT_OUTSIDE_TASK,
            # The file name's pattern, {date} {task} {unit} filled with the date, the task's slug and the unit.
            "filename": UPDATE_FILENAME,
            "task_param": urls.REPORT_FORM_TASK,
            # The characters the checker's reader refuses, by code point, each with the checker's own words.
            "invisible": {code_point(char): invisible_message(char) for char in INVISIBLE},
            "today": facts.reference_date.isoformat(),
            "new_file": facts.repo.new_file_base(facts.updates_dir) if facts.repo else None,
            "existing": existing,
            "sections": [
                {"id": s.id, "title": s.title, "tasks": [self._task(t) for t in s.tasks if not t.heading]}
                for s in plan.sections
            ],
            "units": [
                {"id": u.id, "name": u.name, "short": u.short} for u in plan.units
            ],
        }

    def _task(self, task: Task) -> dict[str, Any]:
        return {
            "id": task.id,
            "slug": task_slug(task.id),
            "summary": self.views.tasks[task.id].summary,
            "text": content_text(task.content, plain=True, separator=" "),
            "lead": task.lead.units,
            "coordinating": task.coordinating.units,
            # Who takes part, through groups of groups too (macros.plan.assignments): the units the form
            # lists first, and the ones the checker does not warn about.
            "takes_part": self.views.assignments.membership.participants(task),
        }
