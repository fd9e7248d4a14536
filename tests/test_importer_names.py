"""Cells are split into names with care for names that contain separators, and matched to a registry."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from macros.importer import import_plan
from macros.importer.names import AGENCIES, DELIVERABLES, UNITS, Entry, Registry, is_official, key, official_names, slug
from macros.importer.review import ReviewList
from macros.plan.loader import load_plan
from macros.plan.model import MAX_ID, Plan
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi", ["Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi"]),
        ("Sở Văn hoá, thể thao và du lịch Quảng Ngãi; Sở Tài chính",
         ["Sở Văn hoá, thể thao và du lịch Quảng Ngãi", "Sở Tài chính"]),
        ("Bộ Lao động–Thương binh và Xã hội, Bộ Tài chính", ["Bộ Lao động–Thương binh và Xã hội", "Bộ Tài chính"]),
        ("Bộ Tài chính và Bộ Khoa học và Công nghệ", ["Bộ Tài chính", "Bộ Khoa học và Công nghệ"]),
        ("Bộ Nông nghiệp và Môi trường, Bộ Dân tộc và Tôn giáo", ["Bộ Nông nghiệp và Môi trường", "Bộ Dân tộc và Tôn giáo"]),
        ("Sở Giáo dục và Đào tạo, Sở Y tế và các trường học", ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Các trường học"]),
        ("Văn phòng HĐND và UBND xã; Công an xã", ["Văn phòng HĐND và UBND xã", "Công an xã"]),
        ("Phòng Kinh tế, Hạ tầng và Đô thị phường, Công an phường",
         ["Phòng Kinh tế, Hạ tầng và Đô thị phường", "Công an phường"]),
        ("Sở Kế hoạch và Đầu tư và các sở, ngành liên quan", ["Sở Kế hoạch và Đầu tư", "Các sở, ngành liên quan"]),
    ],
)
def test_official_names_with_separators_are_never_cut(text, expected):
    assert names(Registry(UNITS, []), text) == [(n, "new") for n in expected]


def test_an_official_name_followed_by_words_that_are_no_place_is_not_taken_whole():
    found = names(Registry(UNITS, []), "Phòng Văn hóa - Xã hội và các cơ quan, đơn vị thuộc Ủy ban nhân dân xã")
    assert found == [("Phòng Văn hóa - Xã hội", "new"), ("Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã", "new")]


def test_registry_names_keep_priority_over_official_names():
    units = Registry(UNITS, [Entry("bo-khoa-hoc", "Bộ Khoa học", []), Entry("so-vh", "Sở Văn hóa, Thể thao và Du lịch", [])])
    found = units.match("Bộ Khoa học và Công nghệ")
    assert [(m.entry.id, m.how) for m in found] == [("bo-khoa-hoc", "exact"), ("cong-nghe", "new")]
    found = units.match("Sở Văn hoá, Thể thao và Du lịch tỉnh Quảng Ngãi")
    assert [(m.entry.id, m.how) for m in found] == [("so-vh", "loose")]  # the official name meets its registry entry


def test_the_shipped_list_holds_the_names_of_2025_and_the_older_ones():
    for name in ("Bộ Nông nghiệp và Môi trường", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ",
                 "Bộ Giáo dục và Đào tạo", "Bộ Dân tộc và Tôn giáo", "Bộ Lao động - Thương binh và Xã hội",
                 "Bộ Kế hoạch và Đầu tư", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
                 "Bộ Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo",
                 "Sở Lao động - Thương binh và Xã hội", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
                 "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội"):  # fmt: skip
        assert is_official(name), name
    assert not is_official("Bộ Tài chính và Bộ Y tế")


def test_every_shipped_name_is_nfc_holds_a_separator_and_comes_once():
    data = yaml.safe_load(AGENCIES.read_text(encoding="utf-8"))
    listed = [name for group in data.values() for name in group]
    assert all(unicodedata.normalize("NFC", n) == n and re.search(r",| và | - ", n) for n in listed)
    assert len({key(n) for n in listed}) == len(listed) == len(official_names())


LEADS_BY_PART = "(1) về thương mại điện tử: Bộ Công Thương chủ trì; (2) về thanh toán: Ngân hàng Nhà nước Việt Nam chủ trì; " \
                "(3) về thuế: Bộ Tài chính chủ trì"  # fmt: skip
ROLES_TABLE = f"""PHỤ LỤC
NHIỆM VỤ THỬ
STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời gian
I\tPhần một
1\tViệc một.\t{LEADS_BY_PART}\tBộ Tư pháp\tBáo cáo\tnăm 2026
2\tViệc hai.\tBộ Công an chủ trì, Bộ Quốc phòng phối hợp\tBộ Tư pháp\tBáo cáo\tnăm 2026
3\tViệc ba.\tBộ Y tế chủ trì về chuyên môn\t\tBáo cáo\tnăm 2026
4\tViệc bốn.\tHội đồng phối hợp phổ biến, giáo dục pháp luật xã\tCông an xã\tBáo cáo\tnăm 2026
5\tViệc năm.\tPhòng Kinh tế chủ trì tham mưu, Công an xã phối hợp\t\tBáo cáo\tnăm 2026
"""


def import_roles(tmp_path: Path) -> tuple[Plan, ReviewList]:
    source = tmp_path / "vai-tro.txt"
    source.write_text(ROLES_TABLE, encoding="utf-8")
    report = ReviewList()
    out = tmp_path / "vai-tro.yaml"
    out.write_text(import_plan(source, None, out, report), encoding="utf-8")
    return load_plan(out).plan, report


def test_a_lead_cell_that_says_who_leads_each_part_is_read_as_several_units(tmp_path):
    plan, report = import_roles(tmp_path)
    task = plan.task_by_id["I.1"]
    assert task.lead.text == LEADS_BY_PART  # the cell stays verbatim
    assert [plan.unit_by_id[u].name for u in task.lead.units] == ["Bộ Công Thương", "Ngân hàng Nhà nước Việt Nam", "Bộ Tài chính"]
    assert report["roles"][0] == (f'I.1 chủ trì: "{LEADS_BY_PART}" → chủ trì: bo-cong-thuong, ngan-hang-nha-nuoc-viet-nam, '
                                  "bo-tai-chinh — đọc theo từng phần của ô; cần xem lại.")  # fmt: skip


def test_a_unit_the_lead_cell_names_as_coordinating_coordinates(tmp_path):
    plan, report = import_roles(tmp_path)
    task = plan.task_by_id["I.2"]
    assert (task.lead.units, task.coordinating.units) == (["bo-cong-an"], ["bo-tu-phap", "bo-quoc-phong"])
    assert plan.task_by_id["I.3"].lead.units == ["bo-y-te"]  # what it leads is no name
    task = plan.task_by_id["I.5"]
    assert (task.lead.units, task.coordinating.units, task.coordinating.text) == (["phong-kinh-te"], ["cong-an-xa"], "")
    assert [n.split(" ")[0] for n in report["roles"]] == ["I.1", "I.2", "I.3", "I.5"]


def test_a_name_with_the_words_phoi_hop_inside_is_one_name(tmp_path):
    plan, _ = import_roles(tmp_path)
    assert [plan.unit_by_id[u].name for u in plan.task_by_id["I.4"].lead.units] == [
        "Hội đồng phối hợp phổ biến, giáo dục pháp luật xã"
    ]
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
