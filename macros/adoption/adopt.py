"""``python -m macros adopt SOURCE``: a fork takes its own appendix in one command.

The README's adoption steps, done together: import the appendix into the
plan file, keep it as the only source in ``data/sources/``, remove the
sample reports, name the site after the new plan, reset the About page,
and move the guides' examples to the new plan's tasks and units. Right
after it, ``make check``, ``make build`` and ``make test`` pass with no
hand edit; what only a person can write is left marked
"(chưa rõ — cần điền)" and listed.

Everything is worked out in memory first. Nothing is written when the
result is what the project already holds (a second run changes nothing),
and nothing is written over uncommitted changes in ``data/`` or in a file
it would rewrite, so no one's work is lost.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..importer import explain_failure, import_draft
from ..importer.review import ReviewList
from ..mkdocs_glue.settings import CONFIG_FILE, project_settings
from ..plan.loader import load_plan
from ..plan.model import Plan
from ..plan.problems import DataError
from .guides import rewritten_guides
from .placeholders import project_placeholders
from .site_settings import addresses_to_set, adopted_settings

ABOUT_PAGE = "docs/gioi-thieu.md"
GENERIC_ABOUT = Path(__file__).with_name("gioi-thieu.md")
SAMPLE = re.compile(r"(?m)^example: true\s*$")


@dataclass
class Changes:
    """What adopting writes (path → bytes) and removes, relative to the project."""

    writes: dict[Path, bytes] = field(default_factory=dict)
    removals: list[Path] = field(default_factory=list)

    def write(self, path: Path, text: str | bytes) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        if not path.is_file() or path.read_bytes() != data:
            self.writes[path] = data

    @property
    def paths(self) -> list[Path]:
        return [*self.writes, *self.removals]

    def apply(self) -> None:
        """Each file written whole (a temporary file renamed over it), then the removals."""
        for path, data in self.writes.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.moi")
            temporary.write_bytes(data)
            temporary.replace(path)
        for path in self.removals:
            path.unlink()


@dataclass
class Adoption:
    changes: Changes
    plan: Plan
    report: ReviewList
    same_source: bool


def source_name(source: Path) -> str:
    """The appendix's file name in data/sources/: as given, with spaces made hyphens (make and links dislike them)."""
    return re.sub(r"\s+", "-", source.name.strip())


def _old_plan(path: Path) -> Plan | None:
    try:
        return load_plan(path).plan
    except (DataError, OSError):
        return None


def prepare(root: Path, source: Path) -> Adoption:
    """Everything adopting ``source`` changes in the project at ``root``, nothing written yet."""
    settings = project_settings(root)
    plan_path, sources = settings.plan_path(root), root / "data" / "sources"
    kept = sources / source_name(source)
    same_source = kept.is_file() and kept.read_bytes() == source.read_bytes()
    old = _old_plan(plan_path)
    report = ReviewList()
    # Adopting the same appendix again keeps what editors have written since: the plan is its own registry.
    text, plan = import_draft(source, old if same_source else None, plan_path, report)
    changes = Changes()
    changes.write(plan_path, text)
    changes.write(kept, source.read_bytes())
    changes.removals += [p for p in sorted(sources.glob("*")) if p.is_file() and p != kept]
    updates = settings.updates_path(root)
    changes.removals += [p for p in sorted(updates.glob("*.yaml")) if SAMPLE.search(p.read_text(encoding="utf-8"))]
    if not same_source:
        config = root / CONFIG_FILE
        changes.write(config, adopted_settings(config.read_text(encoding="utf-8"), plan, root))
        changes.write(root / ABOUT_PAGE, GENERIC_ABOUT.read_text(encoding="utf-8"))
        if old is not None:
            for path, guide in rewritten_guides(root, old, plan).items():
                changes.write(path, guide)
    return Adoption(changes, plan, report, same_source)


def uncommitted(root: Path, paths: list[Path]) -> list[str] | None:
    """Files under data/ or among ``paths`` that git sees changed and not committed; None outside git."""
    try:
        result = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=all", "--", "data",
                                 *(str(p.relative_to(root)) for p in paths)],
                                capture_output=True, text=True, check=False, timeout=30)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return [line[3:] for line in result.stdout.splitlines() if line.strip()]


def _print_todo(root: Path, adoption: Adoption, plan_file: str) -> None:
    out = sys.stdout
    print("\nCòn phải làm (bằng tay):", file=out)
    marked = project_placeholders(root, plan_file)
    if marked:
        print(f"1. Điền {len(marked)} chỗ ghi \"(chưa rõ — cần điền)\":", file=out)
        for problem in marked:
            print(f"   - {problem.file}:{problem.line}" + (f" ({problem.field})" if problem.field else ""), file=out)
    else:
        print("1. Không còn chỗ nào ghi \"(chưa rõ — cần điền)\".", file=out)
    print("2. Xem lại tên đơn vị, sản phẩm và thời hạn mà bộ nhập đã đọc (danh sách ở trên, in ra luồng lỗi): "
          "sửa tên ngắn (short), gộp tên cùng một đơn vị (aliases), khai nhóm (member_of).", file=out)
    config = (root / CONFIG_FILE).read_text(encoding="utf-8")
    unset = addresses_to_set(config)
    if unset:
        print(f"3. Đặt địa chỉ kho và trang trong {CONFIG_FILE}: {', '.join(unset)} đang là địa chỉ giữ chỗ "
              "(ten-to-chuc/ten-kho); đổi thành kho GitHub thật và trang GitHub Pages của nó.", file=out)
    else:
        print(f"3. Kiểm tra địa chỉ kho và trang trong {CONFIG_FILE} (repo_url, site_url).", file=out)
    print("4. Chạy make check, make test; rồi commit.", file=out)


def run(source: Path, root: Path | None = None) -> int:
    """The command: 0 when adopted (or already adopted), 1 when nothing could or should be written."""
    root = (root or Path.cwd()).resolve()
    if not source.is_file():
        print(f"Không tìm thấy tệp phụ lục: {source}", file=sys.stderr)
        return 1
    try:
        adoption = prepare(root, source)  # in memory only: a failure here leaves every file as it was
    except Exception as exc:  # noqa: BLE001 - every failure is explained, never a traceback
        explain_failure(source, exc, "chưa thay đổi tệp nào.")
        return 1
    changes = adoption.changes
    plan_file = project_settings(root).plan
    if not changes.paths:
        print(f"Dự án đã dùng {source.name}: không có gì thay đổi.")
        _print_todo(root, adoption, plan_file)
        return 0
    dirty = uncommitted(root, changes.paths)
    if dirty:
        print("Không làm gì: các tệp sau có thay đổi chưa commit, lệnh này sẽ ghi đè hoặc xoá chúng:\n"
              + "\n".join(f"  - {name}" for name in dirty)
              + "\nHãy commit (hoặc bỏ) các thay đổi đó rồi chạy lại.", file=sys.stderr)  # fmt: skip
        return 1
    changes.apply()
    adoption.report.write(sys.stderr)
    plan = adoption.plan
    print(f"Đã nhận phụ lục {source.name}: {len(plan.sections)} phần, {len(plan.leaf_tasks)} nhiệm vụ, "
          f"{len(plan.units)} đơn vị. Đã ghi {len(changes.writes)} tệp, xoá {len(changes.removals)} tệp:")
    for path in changes.paths:
        print(f"  {'xoá' if path in changes.removals else 'ghi'} {path.relative_to(root).as_posix()}")
    if dirty is None:
        print("(Thư mục này không phải kho git: không kiểm tra được thay đổi chưa commit.)")
    _print_todo(root, adoption, plan_file)
    return 0
