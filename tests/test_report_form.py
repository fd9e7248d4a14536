"""Gửi báo cáo tiến độ (bao-cao/) as built, read from its HTML and its data file, for every fixture plan.

What the browser does with them is tested in tests/test_report_form_browser.py; here, that the page and
its data come from the checker's own sources, and that every task leads to it."""

from __future__ import annotations

import json
import urllib.parse

import pytest

from helpers import ROOT
from macros import urls
from macros.plan.model import task_slug
from macros.progress.updates import NEEDS_REASON, STATUS_LABELS, STATUS_MEANINGS, Update

pytestmark = pytest.mark.build

KEYS = ["task", "unit", "status", "date", "note", "reason", "evidence.number", "evidence.title", "evidence.link"]


def form_data(site) -> dict:  # noqa: ANN001
    return json.loads(site.path(urls.REPORT_FORM_DATA).read_text(encoding="utf-8"))


def test_the_form_checks_with_the_committed_schema_and_the_checkers_constants(any_site):
    plan, site = any_site
    data = form_data(site)
    assert data["schema"] == json.loads((ROOT / "data" / "update.schema.json").read_text(encoding="utf-8"))
    assert data["schema"]["properties"]["status"]["enum"] == list(STATUS_LABELS)
    assert data["needs_reason"] == NEEDS_REASON and data["statuses"] == STATUS_LABELS
    assert [t["id"] for s in data["sections"] for t in s["tasks"]] == [t.id for t in plan.leaf_tasks]
    assert [u["id"] for u in data["units"]] == [u.id for u in plan.units]
    assert all(t["slug"] == task_slug(t["id"]) for s in data["sections"] for t in s["tasks"])


def test_every_field_is_named_after_its_key_and_has_a_label(any_site):
    _, site = any_site
    tree = site.tree(urls.REPORT_FORM)
    [form] = tree.xpath("//form[@id='kh-report-form']")
    names = list(dict.fromkeys(form.xpath(".//*[self::input or self::select or self::textarea][@name]/@name")))
    assert names == KEYS
    assert set(KEYS) <= set(Update.model_fields) | {f"evidence.{k}" for k in ("number", "title", "link")}
    for control in form.xpath(".//*[self::input or self::select or self::textarea]"):
        assert form.xpath(f".//label[@for='{control.get('id')}']"), control.get("id")
    statuses = form.xpath(".//input[@name='status']")
    assert [s.get("value") for s in statuses] == list(STATUS_LABELS)
    labels = [" ".join(form.xpath(f".//label[@for='{s.get('id')}']")[0].text_content().split()) for s in statuses]
    assert labels == [f"{STATUS_LABELS[v]} — {STATUS_MEANINGS[v]}" for v in STATUS_LABELS]
    assert form.get("hidden") is not None  # shown by the script; without it, the page says what to do instead
    assert "Biểu mẫu cần JavaScript" in site.text(urls.REPORT_FORM)


def test_every_task_page_leads_to_the_form_with_its_task(any_site):
    plan, site = any_site
    for task in plan.tasks:
        links = [link for link in site.links(urls.task(task.id)) if link.startswith(urls.REPORT_FORM)]
        if task.heading:
            assert links == [], task.id
        else:
            assert links == [urls.report_form(task.id)], task.id
            assert urllib.parse.parse_qs(links[0].split("?")[1]) == {urls.REPORT_FORM_TASK: [task_slug(task.id)]}
