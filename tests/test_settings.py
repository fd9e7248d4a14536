"""The site owner's settings: one checked block of mkdocs.yml, mistakes explained in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.mkdocs_glue.settings import Settings, read_settings
from macros.plan.problems import DataError

pytestmark = pytest.mark.unit

CONFIG = """site_name: Thử
extra:
  generator: false
  ke_hoach:
    plan: du-lieu/ke-hoach.yaml
    branch: chinh
{licence}"""


def config_file(tmp_path: Path, licence: str = "") -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(CONFIG.format(licence=licence), encoding="utf-8")
    return path


def read(path: Path) -> Settings:
    import yaml

    return read_settings(yaml.safe_load(path.read_text(encoding="utf-8"))["extra"], path)


def test_a_site_without_the_block_gets_the_defaults():
    settings = read_settings({"generator": False}, Path("mkdocs.yml"))
    given = (settings.plan, settings.updates, settings.branch, settings.licence)
    assert given == ("data/plan.yaml", "data/updates", "main", None)


def test_the_block_sets_the_plan_file_and_branch(tmp_path):
    settings = read(config_file(tmp_path))
    assert settings.plan_path(tmp_path) == tmp_path / "du-lieu" / "ke-hoach.yaml"
    assert settings.branch == "chinh"


def test_a_licence_is_published_as_given(tmp_path):
    settings = read(config_file(tmp_path, "    licence:\n      name: CC-BY-4.0\n      title: CC BY 4.0\n"))
    assert settings.licence is not None
    assert settings.licence.as_dict() == {"name": "CC-BY-4.0", "title": "CC BY 4.0"}


@pytest.mark.parametrize(
    ("licence", "line", "field", "words"),
    [
        ("    licence: CC-BY-4.0\n", 7, "extra.ke_hoach.licence", "cần một bảng khóa: giá trị"),
        ("    licence:\n      title: chỉ có tên\n", 7, "extra.ke_hoach.licence", "cần ít nhất name hoặc path"),
        ("    licence:\n      name: x\n      url: y\n", 9, "extra.ke_hoach.licence.url", "không có thiết lập này"),
        ("    banch: main\n", 7, "extra.ke_hoach.banch", "không có thiết lập này"),
    ],
)
def test_a_mistake_names_the_file_line_and_setting_in_vietnamese(tmp_path, licence, line, field, words):
    with pytest.raises(DataError) as caught:
        read(config_file(tmp_path, licence))
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("mkdocs.yml", line, field)
    assert words in problem.message


def test_the_project_s_own_settings_are_valid():
    root = Path(__file__).resolve().parents[1]
    import yaml

    config = root / "mkdocs.yml"
    settings = read_settings(yaml.safe_load(config.read_text(encoding="utf-8"))["extra"], config)
    assert (root / settings.plan).is_file()
