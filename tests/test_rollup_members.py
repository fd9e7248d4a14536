"""The members file (data/rollup.yaml): each mistake is explained with its file, line and field; a good
file gives every member a stable ASCII slug."""

from __future__ import annotations

import pytest

from macros.plan.problems import DataError
from macros.rollup.members import load_members, member_slug

pytestmark = pytest.mark.unit

GOOD = """\
members:
  - name: Xã An Phong
    code: "00001"
    level: xa
    plan_json: https://xa-an-phong.example.gov.vn/du-lieu/plan.json
    site: https://xa-an-phong.example.gov.vn/
  - name: Phường Bình Lạc
    plan_json: data/thanh-vien/binh-lac.json
  - name: Tỉnh Hòa Sơn
    rollup_json: https://hoa-son.example.gov.vn/du-lieu/rollup.json
"""


def problems(tmp_path, text: str) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data/rollup.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_members(tmp_path)
    return [str(p) for p in error.value.problems]


def test_a_good_file_lists_every_member_with_its_slug_source_and_kind(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/rollup.yaml").write_text(GOOD, encoding="utf-8")
    roster = load_members(tmp_path)
    assert roster.file == "data/rollup.yaml" and roster.allow_local is False
    assert [(slug, m.source, m.expects, m.is_remote) for slug, m in roster] == [
        ("00001-xa-an-phong", "https://xa-an-phong.example.gov.vn/du-lieu/plan.json", "plan", True),
        ("phuong-binh-lac", "data/thanh-vien/binh-lac.json", "plan", False),
        ("tinh-hoa-son", "https://hoa-son.example.gov.vn/du-lieu/rollup.json", "rollup", True),
    ]


def test_a_duplicate_member_is_named_at_its_line(tmp_path):
    text = GOOD + "  - name: Xã An Phong\n    code: \"00001\"\n    plan_json: https://khac.example.gov.vn/plan.json\n"
    assert problems(tmp_path, text) == [
        'data/rollup.yaml:11: lỗi [members[3]]: trùng với thành viên thứ 1 (cùng mã hoặc cùng tên "Xã An Phong").'
    ]


def test_two_members_of_the_same_name_without_a_code_are_duplicates(tmp_path):
    text = ("members:\n  - name: Xã Hòa\n    plan_json: https://a.example/plan.json\n"
            "  - name: Xã Hòa\n    plan_json: https://b.example/plan.json\n")
    assert problems(tmp_path, text) == [
        'data/rollup.yaml:4: lỗi [members[1]]: trùng với thành viên thứ 1 (cùng mã hoặc cùng tên "Xã Hòa").'
    ]


def test_a_member_without_an_address_is_named_at_its_line(tmp_path):
    text = "members:\n  - name: Xã An\n    plan_json: https://a.example/plan.json\n  - name: Xã Vắng\n    code: '7'\n"
    [problem] = problems(tmp_path, text)
    assert problem.startswith("data/rollup.yaml:4: lỗi [members[1]]: cần plan_json (địa chỉ du-lieu/plan.json của thành viên)")


def test_an_http_address_is_refused_unless_the_file_allows_local_addresses(tmp_path):
    text = "members:\n  - name: Xã An\n    plan_json: http://xa-an.example.gov.vn/du-lieu/plan.json\n"
    [problem] = problems(tmp_path, text)
    assert problem.startswith("data/rollup.yaml:3: lỗi [members[0].plan_json]: cần một địa chỉ https://… ")
    assert problem.endswith("địa chỉ http:// chỉ được dùng khi kiểm thử (allow_local: true).")
    (tmp_path / "data/rollup.yaml").write_text("allow_local: true\n" + text.replace("xa-an.example.gov.vn", "127.0.0.1:8000"),
                                               encoding="utf-8")
    assert load_members(tmp_path).allow_local is True


def test_a_site_that_is_not_https_is_refused_at_its_line(tmp_path):
    text = "members:\n  - name: Xã An\n    plan_json: https://a.example/plan.json\n    site: http://a.example/\n"
    [problem] = problems(tmp_path, text)
    assert problem.startswith("data/rollup.yaml:4: lỗi [members[0].site]: cần một địa chỉ https://…; giá trị đang có: ")


@pytest.mark.parametrize("address", ["../ngoai-kho.json", "/etc/passwd", "file:///etc/passwd", "data\\\\a.json", "ftp://a/b",
                                     "javascript:alert(1)"])
def test_a_path_outside_the_repository_or_another_scheme_is_refused(tmp_path, address):
    text = f"members:\n  - name: Xã An\n    plan_json: '{address}'\n"
    [problem] = problems(tmp_path, text)
    assert problem.startswith("data/rollup.yaml:3: lỗi [members[0].plan_json]: cần một địa chỉ https://… hoặc một đường dẫn")


def test_every_mistake_of_the_file_is_listed_at_once(tmp_path):
    text = ("members:\n  - name: ''\n    plan_json: https://a.example/plan.json\n"
            "  - name: Xã Hai\n    plan_jsn: https://b.example/plan.json\n    code: 'mã có dấu'\n")
    found = sorted(problems(tmp_path, text), key=lambda p: int(p.split(":")[1]))
    assert [p.split(": lỗi ")[0] for p in found] == ["data/rollup.yaml:2", "data/rollup.yaml:5", "data/rollup.yaml:6"]
    assert "[members[0].name]: không được để trống" in found[0]
    assert "[members[1].plan_jsn]: trường này không có trong danh sách thành viên" in found[1]
    assert "[members[1].code]: mã đơn vị hành chính" in found[2]


@pytest.mark.parametrize(("text", "message"), [
    ("- name: Xã An\n", "data/rollup.yaml:1: lỗi: cần một bảng khóa: giá trị có mục members (danh sách thành viên)."),
    ("members: []\n", "data/rollup.yaml:1: lỗi [members]: "),
    ("members:\n  - name: Xã An\n    plan_json: https://a.example/p.json\ntrang: 1\n", "data/rollup.yaml:4: lỗi [trang]: "),
])  # fmt: skip
def test_a_file_of_another_shape_is_explained(tmp_path, text, message):
    assert problems(tmp_path, text)[0].startswith(message)


def test_a_missing_file_is_said_so(tmp_path):
    with pytest.raises(DataError) as error:
        load_members(tmp_path, "data/khong-co.yaml")
    assert str(error.value.problems[0]) == "data/khong-co.yaml: lỗi: không tìm thấy tệp."


def test_slugs_are_ascii_stable_and_distinct_for_long_names(tmp_path):
    from macros.rollup.members import Member

    def slug(**fields: str) -> str:
        return member_slug(Member(plan_json="https://a.example/p.json", **fields))

    assert slug(name="Đặc khu Côn Đảo") == "dac-khu-con-dao"
    assert slug(name="Xã Ba Dinh", code="21595") == "21595-xa-ba-dinh"
    long_one, long_two = "Xã " + "Rất Dài " * 10 + "Một", "Xã " + "Rất Dài " * 10 + "Hai"
    assert slug(name=long_one) != slug(name=long_two) and len(slug(name=long_one)) <= 60
    assert slug(name=long_one) == slug(name=long_one)
