"""data/plan.yaml says what the signed appendix says, word for word.

This test reads the source export in data/sources/ on its own terms (one
row a line, cells separated by TAB, rows with an empty number continuing
the row above) and compares words after NFC, whitespace and punctuation
folding, so that no task loses, gains or changes a word.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import SOURCE

TASK_NUMBER = re.compile(r"^([0-9]+|[a-zđ])$")
SECTION_NUMBER = re.compile(r"^[IVX]+$")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", re.sub(r"<[^>]+>", " ", text))
    return re.findall(r"\w+", text.replace("*", " "))


def source_rows():
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("STT\t"))
    return [line.split("\t") for line in lines[header + 1 :] if "\t" in line]


def source_tasks():
    """[(section id, section title words, [task rows])] walked from the source itself."""
    sections, task_rows = [], None
    for row in source_rows():
        number = re.sub(r"<[^>]+>", "", row[0]).strip()
        if SECTION_NUMBER.match(number):
            sections.append((number, words(row[1]), []))
        elif TASK_NUMBER.match(number):
            task_rows = [row]
            sections[-1][2].append(task_rows)
        else:
            assert number == "", row
            task_rows.append(row)
    return sections


def plan_text_words(task) -> list[str]:
    out: list[str] = []
    for block in task.content:
        for text in ([block] if isinstance(block, str) else block.items):
            out += words(text)
    return out


def test_every_section_title_is_in_the_plan(plan):
    sections = source_tasks()
    assert [s[0] for s in sections] == [s.id for s in plan.sections]
    for (sid, title, _), section in zip(sections, plan.sections):
        assert words(section.title) == title, sid


def test_every_task_content_is_in_the_plan_word_for_word(plan):
    sections = source_tasks()
    for (sid, _, tasks), section in zip(sections, plan.sections):
        assert len(tasks) == len(section.tasks), sid
        for rows, task in zip(tasks, section.tasks):
            expected = [w for row in rows for w in words(row[1])]
            assert plan_text_words(task) == expected, task.id


CELLS = {2: ("lead", "units"), 3: ("coordinating", "units"), 4: ("deliverable", "kinds"), 5: ("schedule", "kinds")}


@pytest.mark.parametrize("column", sorted(CELLS))
def test_every_cell_is_kept_and_represented(plan, column):
    name, registry_field = CELLS[column]
    for (_, _, tasks), section in zip(source_tasks(), plan.sections):
        for rows, task in zip(tasks, section.tasks):
            cell = rows[0][column] if len(rows[0]) > column else ""
            if task.heading:
                assert words(cell) == [], task.id
                continue
            kept = getattr(task, name)
            assert words(kept.text) == words(cell), (task.id, name)
            if words(cell):
                represented = getattr(kept, registry_field) or (name == "schedule" and kept.due)
                assert represented, f"{task.id}: ô {name} chưa gắn mã nào"


def test_continuation_rows_have_no_cells_of_their_own():
    """Only the content column continues across a page break; other cells would need joining too."""
    for _, _, tasks in source_tasks():
        for rows in tasks:
            for row in rows[1:]:
                assert [words(c) for c in row[2:]] == [[] for _ in row[2:]], row[1][:40]


def test_v8_continuation_row_is_the_only_new_paragraph(plan):
    """Rows cut mid-sentence join with a space; only V.8's row starts a new sentence."""
    multi = {t.id: len(t.content) for t in plan.tasks if len(t.content) > 1}
    assert multi == {"V.8": 2}
    assert "hiệu quả công tác quản lý, kiểm tra" in plan.task_by_id["II.1"].content[0]
    assert "phối hợp với các tổ chức chính trị - xã hội nhận ủy thác" in plan.task_by_id["VI.2"].content[0]


def test_source_typos_are_kept(plan):
    assert "bồi sung nguồn vốn" in plan.task_by_id["IV.1.c"].content[0]
    assert "đổi tượng chính sách khác" in plan.task_by_id["VI.1"].content[0]
    assert plan.task_by_id["V.8"].schedule.text == "Năm 2025 và giai đoạn 2026 -2030 (hoàn thành trong quý III/2025)"
