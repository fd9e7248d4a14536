"""What a site owner sets, in one checked block of mkdocs.yml (``extra.ke_hoach``).

MkDocs checks its own settings (``site_url``, ``repo_url``); this block
holds the project's: which plan to publish, where its reports are, the
repository's branch and the data licence. A mistake stops the build with
a Vietnamese message that names the setting and, when it can, its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..plan.problems import DataError, Problem
from ..plan.yamlsource import parse_yaml

BLOCK = ("extra", "ke_hoach")
WHERE = ".".join(BLOCK)


class Licence(BaseModel):
    """A Data Package ``licenses`` item, published unchanged in every file that states the licence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = Field(None, description="Mã giấy phép, ví dụ CC-BY-4.0.")
    path: str | None = Field(None, description="Địa chỉ văn bản giấy phép.")
    title: str | None = Field(None, description="Tên hiển thị của giấy phép.")

    @model_validator(mode="after")
    def _named(self) -> Licence:
        if not (self.name or self.path):
            raise ValueError("giấy phép cần name hoặc path")
        return self

    def as_dict(self) -> dict[str, str]:
        return {key: value for key, value in self.model_dump().items() if value is not None}


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plan: str = Field("data/plan.yaml", description="Tệp kế hoạch, tính từ thư mục chứa mkdocs.yml.")
    updates: str = Field("data/updates", description="Thư mục báo cáo tiến độ, tính từ thư mục chứa mkdocs.yml.")
    branch: str = Field("main", min_length=1, description="Nhánh chính của kho (liên kết sửa, nút báo cáo tiến độ).")
    licence: Licence | None = Field(None, description="Giấy phép dữ liệu; null khi cơ quan ban hành chưa công bố.")

    def plan_path(self, root: Path) -> Path:
        return root / self.plan

    def updates_path(self, root: Path) -> Path:
        return root / self.updates


MESSAGES = {
    "extra_forbidden": "không có thiết lập này (các thiết lập: plan, updates, branch, licence; với licence: name, path, title)",
    "string_type": "cần một chuỗi văn bản",
    "string_too_short": "không được để trống",
    "model_type": "cần một bảng khóa: giá trị",
    "model_attributes_type": "cần một bảng khóa: giá trị",
    "value_error": "giấy phép cần ít nhất name hoặc path",
}


def read_settings(extra: Any, config_file: Path) -> Settings:
    """The checked block, or :class:`DataError` naming mkdocs.yml, the line and the setting."""
    block = extra.get(BLOCK[1]) if extra is not None else None  # MkDocs' extra is a mapping, not always a dict
    try:
        return Settings.model_validate({} if block is None else block)
    except ValidationError as exc:
        lines = _lines(config_file)
        problems = []
        for err in exc.errors():
            loc = tuple(str(k) for k in err["loc"])
            wording = MESSAGES.get(err["type"], "giá trị không hợp lệ")
            given = err.get("input")
            shown = "" if isinstance(given, (dict, list)) or err["type"] == "missing" else f"; giá trị đang có: {given!r}"
            line = lines.line_of(BLOCK + loc) if lines else None
            problems.append(Problem(config_file.name, line, ".".join((*BLOCK, *loc)), f"{wording}{shown}."))
        raise DataError(problems) from None


def _lines(config_file: Path) -> Any:
    """mkdocs.yml read with line numbers, when our strict reader can read it (it refuses some YAML features)."""
    try:
        return parse_yaml(config_file.read_text(encoding="utf-8"), config_file.name)
    except (OSError, DataError):
        return None
