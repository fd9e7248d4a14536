"""Bản in: the appendix as signed, on the page and on A4 landscape paper printed by headless Chromium."""

from __future__ import annotations

import pytest

from helpers import REFERENCE_DATE, search_documents, settings
from helpers import content_texts as texts
from macros import urls
from macros.progress.state import DERIVED_LABELS, OVERDUE_LABEL
from macros.text import vn_date, without_emphasis

pytestmark = pytest.mark.build

URL = urls.PRINT


def cell_texts(row) -> list[str]:
    return [" ".join(c.text_content().split()) for c in row.xpath("td|th")]


# ---------------------------------------------------------------- the page


def test_table_has_the_source_headers_verbatim(site, plan):
    headers = [th.text_content() for th in site.tree(URL).xpath("//table[contains(@class,'kh-print__table')]/thead//th")]
    assert headers == plan.plan.source_columns
    assert "CƠ QUAN PHỐI HỢP" in headers  # the document's words, not the site's ("Đơn vị phối hợp")


def test_rows_follow_the_source_sections_numbers_and_cells(site, plan):
    rows = site.tree(URL).xpath("//table[contains(@class,'kh-print__table')]/tbody/tr")
    sections = [r for r in rows if "kh-print__section" in r.get("class")]
    tasks = [r for r in rows if "kh-print__task" in r.get("class")]
    headings = [r for r in tasks if "kh-print__task--heading" in r.get("class")]
    assert (len(rows), len(sections), len(tasks), len(headings)) == (16, 4, 12, 1)
    assert len(tasks) - len(headings) == len(plan.leaf_tasks) == 11
    assert [cell_texts(r) for r in sections] == [[s.id, s.title] for s in plan.sections]
    assert sections[0].xpath("th/@colspan") == ["5"]
    assert [r.get("data-task") for r in tasks] == [t.id for t in plan.tasks]
    for row, task in zip(tasks, plan.tasks, strict=True):
        cells = cell_texts(row)
        assert cells[0] == task.number, task.id
        paragraphs = [" ".join(e.text_content().split()) for e in row.xpath("td[2]/p|td[2]/ul/li")]
        assert paragraphs == [" ".join(t.split()) for t in texts(task)], task.id
        if task.heading:
            assert cells[2:] == ["", "", "", ""]
        else:
            wording = [task.lead.text, task.coordinating.text, task.deliverable.text, task.schedule.text]
            assert cells[2:] == [" ".join(without_emphasis(w).split()) for w in wording], task.id
    assert [cell_texts(r)[0] for r in tasks if r.get("data-task").startswith("II.1")] == ["1", "a", "b", "c"]


def test_empty_cells_stay_empty_and_no_links_or_unit_names_are_added(site, plan):
    tree = site.tree(URL)
    i1 = tree.xpath("//tr[@data-task='I.1']")[0]
    assert cell_texts(i1)[3] == ""  # no coordinating unit in the source
    assert not tree.xpath("//table[contains(@class,'kh-print__table')]//a")
    # The source's own spelling, not the registry's name ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã").
    assert cell_texts(i1)[2] == plan.task_by_id["I.1"].lead.text == "Văn phòng HĐND và UBND xã"


def test_emphasis_and_the_dashed_list_are_kept(site):
    tree = site.tree(URL)
    items = tree.xpath("//tr[@data-task='I.3']//ul[contains(@class,'kh-dash-list')]/li")
    assert len(items) == 3
    assert tree.xpath("//tr[@data-task='I.3']//em")[0].text == "Em yêu khoa học, em tập lập trình"
    assert tree.xpath("//tr[@data-task='II.1.a']//em")[0].text.startswith("bao gồm hồ sơ hộ tịch")


def test_top_and_foot_carry_the_document_and_the_build(site, plan):
    meta = plan.plan
    text = " ".join(site.tree(URL).xpath("//article")[0].text_content().split())
    assert text.index(meta.source_label) < text.index(meta.source_title) < text.index(meta.source_attachment)
    for basis in meta.legal_bases:
        assert basis.title in text
    foot = " ".join(site.tree(URL).xpath("//footer[contains(@class,'kh-print__foot')]")[0].text_content().split())
    assert vn_date(REFERENCE_DATE) == "15/10/2025" and "15/10/2025" in foot
    assert settings(site.project)["site_url"] in foot


def test_no_progress_status_and_no_editorial_note(site, plan):
    text = " ".join(site.tree(URL).xpath("//article")[0].text_content().split())
    source = " ".join(" ".join(texts(t)) + " " + t.schedule.text for t in plan.tasks)
    labels = [label for label in [*DERIVED_LABELS.values(), OVERDUE_LABEL] if label not in source]
    assert len(labels) >= 4
    for label in labels:
        assert label not in text, label
    assert plan.task_by_id["II.1.c"].note not in text
    assert "Ghi chú" not in text


def test_print_page_is_kept_out_of_search(site):
    assert not [d for d in search_documents(site.path(urls.SEARCH_INDEX)) if d["location"].startswith(URL)]
