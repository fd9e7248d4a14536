"""What a site owner sets, in one checked block of mkdocs.yml (``extra.ke_hoach``).

MkDocs checks its own settings (``site_url``, ``repo_url``); this block
holds the project's: which plan to publish, where its reports are, the
repository's branch and the data licence. The build, ``make check`` and
``python -m macros diff`` all read it, so they always look at the same
files. A mistake is explained in Vietnamese with the setting and its line.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..exports.common import Licence
from ..plan.problems import DataError, Problem
from ..plan.yamlsource import YamlDocument, parse_yaml

CONFIG_FILE = "mkdocs.yml"
BLOCK = ("extra", "ke_hoach")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plan: str = Field("data/plan.yaml", description="Tệp kế hoạch, tính từ thư mục chứa mkdocs.yml.")
    updates: str = Field("data/updates", description="Thư mục báo cáo tiến độ, tính từ thư mục chứa mkdocs.yml.")
    branch: str = Field("main", min_length=1, description="Nhánh chính của kho (liên kết sửa, nút báo cáo tiến độ).")
    licence: Licence | None = Field(None, description="Giấy phép dữ liệu; null khi cơ quan ban hành chưa công bố.")
    page_size: int = Field(100, ge=1, description="Số nhiệm vụ tối đa trên một trang danh sách; dài hơn thì chia trang.")
    rollup: str | None = Field(None, description="Trang tổng hợp: tệp danh sách thành viên, ví dụ data/rollup.yaml.")
    harvest: str = Field("data/harvest", description="Thư mục lưu dữ liệu thu thập từ các thành viên (make harvest).")

    @field_validator("plan", "updates", "rollup", "harvest")
    @classmethod
    def _inside_the_project(cls, value: str | None) -> str | None:
        """Paths are the repository's own: they make the edit links and the report button's folder."""
        if value is None:
            return None
        path = PurePosixPath(value)
        if not value.strip() or path.is_absolute() or ".." in path.parts or "\\" in value:
            raise ValueError("inside")
        return str(path)

    def plan_path(self, root: Path) -> Path:
        return root / self.plan

    def updates_path(self, root: Path) -> Path:
        return root / self.updates


MESSAGES = {
    "extra_forbidden": "không có thiết lập này (các thiết lập: plan, updates, branch, licence, page_size, rollup, harvest; "
    "với licence: name, path, title)",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "greater_than_equal": "cần một số từ 1 trở lên",
    "string_type": "cần một chuỗi văn bản",
    "string_too_short": "không được để trống",
    "model_type": "cần một bảng khóa: giá trị",
    "model_attributes_type": "cần một bảng khóa: giá trị",
}
VALUE_MESSAGES = {
    "inside": "cần một đường dẫn trong kho, tính từ thư mục chứa mkdocs.yml, viết bằng dấu /, ví dụ data/plan.yaml",
}


def read_settings(extra: Any, config_file: Path) -> Settings:
    """The checked block of an already read ``extra`` (MkDocs' mapping), or :class:`DataError` naming the line."""
    block = extra.get(BLOCK[1]) if hasattr(extra, "get") else None  # MkDocs' extra is a mapping, not always a dict
    try:
        return Settings.model_validate({} if block is None else block)
    except ValidationError as exc:
        raise DataError(_problems(exc, config_file)) from None


def project_settings(root: Path) -> Settings:
    """The settings of the project at ``root``, for commands run outside a build (check, diff).

    A project without mkdocs.yml, or whose mkdocs.yml does not say, gets the defaults."""
    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        return Settings()
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader)  # tags are ignored (see _LenientLoader)
    except yaml.YAMLError as exc:
        raise DataError([Problem(CONFIG_FILE, None, "", f"không đọc được mkdocs.yml ({exc}).")]) from None
    extra = data.get(BLOCK[0]) if isinstance(data, dict) else None
    return read_settings(extra if isinstance(extra, dict) else {}, config_file)


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` and ``!ENV`` tags for MkDocs; the settings never use them."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _problems(exc: ValidationError, config_file: Path) -> list[Problem]:
    lines = _lines(config_file)
    problems = []
    for err in exc.errors():
        loc = tuple(str(k) for k in err["loc"])
        reason = str(err.get("ctx", {}).get("error", ""))
        wording = VALUE_MESSAGES.get(reason) or MESSAGES.get(err["type"]) or (
            "giấy phép cần ít nhất name hoặc path" if "name hoặc path" in reason else "giá trị không hợp lệ"
        )
        given = err.get("input")
        shown = "" if isinstance(given, (dict, list)) or err["type"] == "missing" else f"; giá trị đang có: {given!r}"
        line = lines.line_of(BLOCK + loc) if lines else None
        problems.append(Problem(config_file.name, line, ".".join((*BLOCK, *loc)), f"{wording}{shown}."))
    return problems


def _lines(config_file: Path) -> YamlDocument | None:
    """mkdocs.yml read with line numbers, when the strict reader can read it (it refuses tags and aliases)."""
    try:
        return parse_yaml(config_file.read_text(encoding="utf-8"), config_file.name)
    except (OSError, DataError):
        return None
