"""``python -m macros diff BASE HEAD``: what a pull request changes, in words a reviewer reads.

Plan editors review pull requests in GitHub's web interface, where a YAML
diff of a 600-line file says little. This module loads the plan and the
updates at two revisions (or from two directories) and writes a short
Vietnamese Markdown summary for the job summary: tasks added, removed or
edited (and which fields), new or changed reports, and status changes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .build.project import load_project
from .plan.model import Plan, Task, require_every_field
from .plan.problems import DataError, Problem
from .progress.state import DERIVED_LABELS, NOT_REPORTED, task_progress
from .progress.updates import UpdateRecord
from .text import vn_date

PLAN_PATH = "data/plan.yaml"

TASK_FIELDS: dict[str, str] = {
    "number": "số thứ tự",
    "content": "nội dung",
    "heading": "mục tiêu đề",
    "note": "ghi chú",
    "lead": "đơn vị chủ trì",
    "coordinating": "đơn vị phối hợp",
    "deliverable": "sản phẩm",
    "schedule": "thời gian thực hiện",
    "extra": "các cột khác của văn bản gốc",
    "implements": "nhiệm vụ của kế hoạch cấp trên",
}
PLAN_PARTS: dict[str, str] = {
    "plan": "thông tin chung",
    "units": "danh mục đơn vị",
    "deliverable_kinds": "loại sản phẩm",
    "schedules": "loại thời gian",
}


require_every_field(Task, TASK_FIELDS, besides={"id"}, where="macros/diff.py")  # the summary names a task by id
require_every_field(Plan, PLAN_PARTS, besides={"sections"}, where="macros/diff.py")  # compared task by task


@dataclass(frozen=True)
class Snapshot:
    """The plan and its updates as they stand at one revision."""

    plan: Plan
    updates: dict[str, UpdateRecord]  # file name without extension → record


def load_snapshot(root: Path, plan_path: str = PLAN_PATH, updates_dir: str | None = None) -> Snapshot:
    """Read a checkout-like directory; file names in messages are relative to it.

    The reports are in ``updates_dir`` (the site's setting), by default ``updates/`` beside the plan."""
    updates_dir = updates_dir or str(Path(plan_path).parent / "updates")
    project = load_project(root, plan_path, updates_dir, today=None)  # a past revision has no reference date
    return Snapshot(project.plan, {r.id: r for r in project.updates.records})


def snapshot_at(spec: str, repo: Path, plan_path: str = PLAN_PATH, updates_dir: str | None = None) -> Snapshot:
    """``spec`` is a directory, or a git revision of ``repo`` exported to a temporary directory."""
    if Path(spec).is_dir():
        return load_snapshot(Path(spec), plan_path, updates_dir)
    with tempfile.TemporaryDirectory(prefix="macros-diff-") as tmp:
        folders = [Path(plan_path).parent.as_posix(), *([updates_dir] if updates_dir else [])]
        _export(spec, repo, folders, Path(tmp))
        return load_snapshot(Path(tmp), plan_path, updates_dir)


def _export(revision: str, repo: Path, folders: list[str], dest: Path) -> None:
    """Write ``folders`` as they are at ``revision`` under ``dest``, without touching the work tree."""
    if revision.startswith("-") or not revision.strip():
        wanted = "cần một mã phiên bản git (ví dụ main, HEAD~1, một mã commit) hoặc một thư mục."
        raise DataError([Problem(revision or "(trống)", None, "", wanted)])
    result = subprocess.run(
        ["git", "archive", "--format=tar", revision, "--", *folders],
        cwd=repo, capture_output=True, check=False,
    )
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip()
        wanted = f"không lấy được thư mục {', '.join(folders)} ở phiên bản này từ git ({said})."
        raise DataError([Problem(revision, None, "", wanted)])
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(dest, filter="data")
        else:  # pragma: no cover - Python < 3.11.4
            archive.extractall(dest)


# --- comparing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    added: list[Task]
    removed: list[Task]
    edited: list[tuple[Task, list[str]]]  # task, Vietnamese names of the fields that changed
    plan_parts: list[str]  # other parts of the plan that changed
    new_updates: list[UpdateRecord]
    edited_updates: list[UpdateRecord]
    removed_updates: list[UpdateRecord]
    status_changes: list[tuple[str, str, str]]  # task id, status before, status after

    def __bool__(self) -> bool:
        return any(vars(self).values())


def compare(base: Snapshot, head: Snapshot) -> Changes:
    before, after = base.plan.task_by_id, head.plan.task_by_id
    return Changes(
        added=[t for t in head.plan.tasks if t.id not in before],
        removed=[t for t in base.plan.tasks if t.id not in after],
        edited=[(t, fields) for t in head.plan.tasks if t.id in before and (fields := _edited_fields(before[t.id], t))],
        plan_parts=[label for key, label in PLAN_PARTS.items() if getattr(base.plan, key) != getattr(head.plan, key)]
        + (["tên phần"] if _section_titles(base.plan) != _section_titles(head.plan) else []),
        new_updates=[r for key, r in sorted(head.updates.items()) if key not in base.updates],
        edited_updates=[
            r for key, r in sorted(head.updates.items()) if key in base.updates and base.updates[key].update != r.update
        ],
        removed_updates=[r for key, r in sorted(base.updates.items()) if key not in head.updates],
        status_changes=_status_changes(base, head),
    )


def _edited_fields(old: Task, new: Task) -> list[str]:
    return [label for name, label in TASK_FIELDS.items() if getattr(old, name) != getattr(new, name)]


def _section_titles(plan: Plan) -> dict[str, str]:
    return {s.id: s.title for s in plan.sections}


def _status_changes(base: Snapshot, head: Snapshot) -> list[tuple[str, str, str]]:
    """Current status before and after, for every task of HEAD (a new task starts at "not reported")."""
    changes = []
    for task in head.plan.leaf_tasks:
        # The status does not depend on the reference date; only the overdue flag does.
        after = task_progress(task, head.updates.values(), dt.date.min).status
        known = task.id in base.plan.task_by_id
        before = task_progress(task, base.updates.values(), dt.date.min).status if known else NOT_REPORTED
        if before != after:
            changes.append((task.id, before, after))
    return changes


# --- writing -----------------------------------------------------------------------------------

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+|!~])")


def md(text: str) -> str:
    """Data text shown literally: a task's wording must not turn into Markdown links or HTML."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def _excerpt(task: Task, limit: int = 120) -> str:
    first = task.content[0]
    text = first if isinstance(first, str) else "; ".join(first.items)
    return md(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def _update_line(record: UpdateRecord, plan: Plan) -> str:
    u = record.update
    unit = plan.unit_by_id[u.unit].short if u.unit in plan.unit_by_id else u.unit
    example = " (dữ liệu mẫu)" if u.example else ""
    return f"- **{md(u.task)}** — {vn_date(u.date)} — {u.status_label} — {md(unit)}{example} (`{record.file}`)"


def render(changes: Changes, base: Snapshot, head: Snapshot, title: str = "Thay đổi của pull request") -> str:
    """Vietnamese Markdown for ``$GITHUB_STEP_SUMMARY``; says so plainly when nothing changed."""
    lines = [f"## {title}", ""]
    if not changes:
        return "\n".join(lines + ["Không có thay đổi nào trong kế hoạch và các báo cáo tiến độ.", ""])

    def block(heading: str, items: list[str]) -> None:
        if items:
            lines.extend([f"### {heading} ({len(items)})", "", *items, ""])

    block("Nhiệm vụ thêm mới", [f"- **{md(t.id)}** — {_excerpt(t)}" for t in changes.added])
    block("Nhiệm vụ bị xóa", [f"- **{md(t.id)}** — {_excerpt(t)}" for t in changes.removed])
    block("Nhiệm vụ được sửa", [f"- **{md(t.id)}**: sửa {', '.join(fields)}" for t, fields in changes.edited])
    if changes.plan_parts:
        lines.extend([f"Phần khác của kế hoạch được sửa: {', '.join(changes.plan_parts)}.", ""])
    block("Tình trạng thay đổi", [
        f"- **{md(task_id)}**: {DERIVED_LABELS[before]} → **{DERIVED_LABELS[after]}**"
        for task_id, before, after in changes.status_changes
    ])
    block("Báo cáo tiến độ mới", [_update_line(r, head.plan) for r in changes.new_updates])
    block("Báo cáo tiến độ được sửa", [_update_line(r, head.plan) for r in changes.edited_updates])
    block("Báo cáo tiến độ bị xóa", [_update_line(r, base.plan) for r in changes.removed_updates])
    return "\n".join(lines)


def render_failure(side: str, spec: str, problems: list[Problem]) -> str:
    """When one side cannot be read, the summary says why instead of failing silently."""
    shown = [f"- `{p}`" for p in problems[:20]]
    more = [f"- … và {len(problems) - 20} vấn đề khác."] if len(problems) > 20 else []
    return "\n".join([
        "## Thay đổi của pull request", "",
        f"Không so sánh được: dữ liệu ở {side} (`{md(spec)}`) chưa hợp lệ. Xem bước `make check` để sửa.", "",
        *shown, *more, "",
    ])


def diff_markdown(
    base_spec: str, head_spec: str, repo: Path, plan_path: str = PLAN_PATH, updates_dir: str | None = None
) -> tuple[str, bool]:
    """The summary for BASE → HEAD, and whether both sides could be read."""
    sides = {}
    for side, spec in (("BASE", base_spec), ("HEAD", head_spec)):
        try:
            sides[side] = snapshot_at(spec, repo, plan_path, updates_dir)
        except DataError as exc:
            return render_failure(side, spec, exc.problems), False
    base, head = sides["BASE"], sides["HEAD"]
    return render(compare(base, head), base, head), True
