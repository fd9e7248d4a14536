"""Cells are split into names with care for names that contain separators, and matched to a registry."""

from __future__ import annotations

import pytest

from macros.importer.names import DELIVERABLES, UNITS, Entry, Registry, key

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
