"""Cells are split into names with care for names that contain separators, and matched to a registry."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from helpers import ROOT
from macros.importer.names import DELIVERABLES, UNITS, Entry, Registry, key, slug
from macros.plan.model import MAX_ID
from macros.text import ascii_words

pytestmark = pytest.mark.unit


def names(registry: Registry, text: str) -> list[tuple[str, str]]:
    return [(m.wording, m.how) for m in registry.match(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Phòng Văn hoá - Xã hội và các cơ quan, đơn vị thuộc UBND xã",
            ["Phòng Văn hoá - Xã hội", "Các cơ quan, đơn vị thuộc UBND xã"],
        ),
        (
            "Các phòng, ban, đơn vị thuộc Ủy ban nhân dân xã; các tổ chức chính trị - xã hội, Công an xã",
            ["Các phòng, ban, đơn vị thuộc Ủy ban nhân dân xã", "Các tổ chức chính trị - xã hội", "Công an xã"],
        ),
        ("Phòng Văn hóa và Thông tin", ["Phòng Văn hóa và Thông tin"]),
        ("Phòng Kinh tế, Trạm Y tế xã.", ["Phòng Kinh tế", "Trạm Y tế xã"]),
    ],
)
def test_unit_cells_split_without_a_registry(text, expected):
    registry = Registry(UNITS, [])
    assert names(registry, text) == [(n, "new") for n in expected]


def test_deliverables_drop_the_owner_and_keep_names_with_commas():
    registry = Registry(DELIVERABLES, [])
    found = names(registry, "Văn bản, cam kết phối hợp; báo cáo đề xuất của Phòng Văn hoá - Xã hội")
    assert found == [("Văn bản, cam kết phối hợp", "new"), ("Báo cáo đề xuất của Phòng Văn hoá - Xã hội", "new")]
    assert [e.name for e in registry.entries] == ["Văn bản, cam kết phối hợp", "Báo cáo đề xuất"]


def test_registry_aliases_win_over_separators_and_spelling_variants_match():
    units = Registry(
        UNITS,
        [
            Entry("vhxh", "Phòng Văn hoá - Xã hội", []),
            Entry("nhom", "Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã", ["các cơ quan, đơn vị thuộc UBND xã"]),
            Entry("mttq", "Ủy ban Mặt trận Tổ quốc", []),
        ],
    )
    found = units.match("Phòng Văn hóa–Xã hội và các cơ quan, đơn vị thuộc Uỷ ban nhân dân xã; Ủy ban MTTQ xã")
    assert [(m.entry.id, m.how) for m in found] == [("vhxh", "exact"), ("nhom", "exact"), ("mttq", "loose")]
    assert units.entries[2].aliases == ["Ủy ban MTTQ xã"]  # a loose match is remembered, and reported
    assert units.used == ["vhxh", "nhom", "mttq"]


def test_a_short_word_is_no_loose_match_for_a_long_name():
    kinds = Registry(DELIVERABLES, [Entry("vb", "Văn bản chỉ đạo, hướng dẫn", [])])
    assert [(m.entry.id, m.how) for m in kinds.match("Văn bản")] == [("van-ban", "new")]


def test_keys_fold_tone_placement_dashes_and_abbreviations():
    assert key("Phòng Văn hoá – Xã hội.") == key("phòng văn hóa-xã hội")
    assert key("Uỷ ban nhân dân xã") == key("UBND xã")


# ---------------------------------------------------------------- ids bounded like the addresses made of them

LONG = ("Ban Chỉ đạo thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021 - 2025 trên địa bàn xã gồm đại diện "
        "lãnh đạo Đảng ủy Hội đồng nhân dân Ủy ban nhân dân xã cùng các tổ chức chính trị - xã hội ở thôn")


def test_a_long_name_gets_an_id_within_the_limit_cut_at_a_word_with_a_hash():
    made = slug(LONG)
    full = slug(LONG[:40])  # short enough to be whole: the words a long id starts with
    assert len(LONG) > 190 and len(made) <= MAX_ID
    head, digest = made.rsplit("-", 1)
    assert re.fullmatch(r"[0-9a-f]{6}", digest)
    assert made.startswith(full) and ascii_words(LONG).replace(" ", "-").startswith(head + "-")  # whole words


def test_two_long_names_alike_for_sixty_characters_keep_two_ids():
    other = LONG.replace("ở thôn", "ở tổ dân phố")
    assert slug(LONG)[:MAX_ID] != slug(other)[:MAX_ID] and len(slug(other)) <= MAX_ID
    registry = Registry(UNITS, [])
    ids = [m.entry.id for m in registry.match(LONG) + registry.match(other)]
    assert len(set(ids)) == 2 and all(len(i) <= MAX_ID for i in ids)


def test_a_long_id_is_the_same_on_every_run():
    """Computed again in a fresh interpreter: a per-process hash (Python's hash()) would give another id."""
    code = f"from macros.importer.names import slug; print(slug({LONG!r}))"
    again = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": "random"})
    assert again.stdout.strip() == slug(LONG)


def test_a_taken_long_id_is_numbered_within_the_limit():
    taken = Entry(slug(LONG), "Một đơn vị khác hẳn", [])
    registry = Registry(UNITS, [taken])
    [match] = registry.match(LONG)
    assert match.how == "new" and match.entry.id != taken.id and len(match.entry.id) <= MAX_ID
    assert match.entry.id.endswith("-2")
