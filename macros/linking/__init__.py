"""``python -m macros link PARENT_PLAN_JSON``: suggest which task of the higher-level plan each task carries out.

A commune's plan carries out the province's (one of its legal bases), and its appendix copies the
province's tasks, reworded and reordered. Given the province's published plan.json, this command
finds, for each leaf task of the commune's plan, the most alike leaf task of the province's, and
writes it into data/plan.yaml as a link marked ``suggested`` (with its score): make check then warns
about each one until an editor confirms it (deletes the ``suggested`` line) or deletes the link. A task
with a link an editor set is never touched; older suggestions for the same plan are replaced, so a
second run changes nothing.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..plan.loader import display_path, load_plan
from ..plan.model import LegalBasis, Plan, Task, TaskLink
from ..plan.problems import DataError, Problem
from ..text import same_issuer, same_number, shorten
from .parent import ParentPlan, ParentTask, read_parent, refuse
from .similarity import Scorer
from .yamledit import set_links

DEFAULT_MIN_SCORE = 0.5


@dataclass(frozen=True)
class Suggestion:
    """What the command decided for one leaf task of the plan."""

    task: Task
    parent: ParentTask | None  # the most alike task of the higher-level plan, None when kept or below the threshold
    score: float | None  # None when the task keeps a link an editor set
    kept: list[TaskLink]  # the editor's links, when there are any


def run(source: str, plan_file: Path, basis_id: str | None, min_score: float) -> int:
    if not 0 <= min_score <= 1:
        print(f"Lỗi: --min-score {min_score} cần từ 0 đến 1 (ví dụ 0.5).", file=sys.stderr)
        return 2
    shown = display_path(plan_file)
    plan = load_plan(plan_file, shown).plan
    parent = read_parent(source)
    basis = choose_basis(plan, parent, basis_id, shown)
    suggestions = suggest(plan, parent, min_score)
    changes = {
        s.task.id: links
        for s in suggestions
        if not s.kept and (links := _links_after(s, basis)) != s.task.implements
    }
    skipped: list[str] = []
    if changes:
        skipped = _write(plan_file, shown, plan, changes)
    print(table(suggestions, basis, min_score, skipped))
    print(summary(suggestions, changes, skipped, shown, min_score))
    return 0


def choose_basis(plan: Plan, parent: ParentPlan, basis_id: str | None, shown: str) -> LegalBasis:
    """The legal basis the parent plan is: named by --basis, or the one with the parent's number (and issuer)."""
    bases = plan.plan.legal_bases
    listed = "; ".join(f"{b.id} ({b.number}, {b.issuer})" for b in bases)
    if basis_id is not None:
        if basis_id not in plan.basis_by_id:
            raise refuse(shown, f"không có căn cứ với mã \"{basis_id}\" (--basis); các căn cứ: {listed}.")
        return plan.basis_by_id[basis_id]
    if parent.number is None:
        raise refuse(parent.source, f"kế hoạch cấp trên không ghi số (plan.number); hãy chọn căn cứ bằng --basis "
                                    f"(các căn cứ của {shown}: {listed}).")
    numbered = [b for b in bases if same_number(b.number, parent.number)]
    matching = [b for b in numbered if parent.issuer is None or same_issuer(b.issuer, parent.issuer)]
    if len(matching) == 1:
        return matching[0]
    issuer = f" của {parent.issuer}" if parent.issuer else ""
    if not matching:
        why = (f"có căn cứ số {parent.number} nhưng của cơ quan khác" if numbered
               else f"không có căn cứ nào số {parent.number}")
        raise refuse(shown, f"kế hoạch cấp trên là Kế hoạch số {parent.number}{issuer}, mà {shown} {why}; hãy thêm "
                            f"căn cứ đó vào plan.legal_bases, hoặc chọn căn cứ bằng --basis (các căn cứ: {listed}).")
    raise refuse(shown, f"có nhiều căn cứ số {parent.number}{issuer}; hãy chọn một bằng --basis (các căn cứ: {listed}).")


def suggest(plan: Plan, parent: ParentPlan, min_score: float) -> list[Suggestion]:
    """For each leaf task: the editor's links kept, or the most alike parent task (the first of equals) if it
    scores at least ``min_score``."""
    scorer = Scorer([t.text for t in parent.tasks])
    out: list[Suggestion] = []
    for task in plan.leaf_tasks:
        kept = task.confirmed_links
        if kept:
            out.append(Suggestion(task, None, None, kept))
            continue
        scores = scorer.scores(_words(task))
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        score = round(scores[best], 2)
        out.append(Suggestion(task, parent.tasks[best] if score >= min_score else None, score, []))
    return out


def _words(task: Task) -> str:
    return " ".join(b if isinstance(b, str) else " ".join(b.items) for b in task.content)


def _links_after(suggestion: Suggestion, basis: LegalBasis) -> list[TaskLink]:
    """The task's links once this run's suggestion replaces the older ones for the same plan."""
    others = [link for link in suggestion.task.implements if link.plan != basis.id]
    if suggestion.parent is None:
        return others
    return [*others, TaskLink(plan=basis.id, task=suggestion.parent.id, suggested=suggestion.score)]


def _write(plan_file: Path, shown: str, plan: Plan, changes: dict[str, list[TaskLink]]) -> list[str]:
    """Write the links in place, through a checked copy: the file is replaced only by a plan that loads with
    exactly these links."""
    text = plan_file.read_bytes().decode("utf-8")
    new_text, skipped = set_links(text, plan, changes)
    handle, temporary = tempfile.mkstemp(prefix=".link-", suffix=".yaml", dir=plan_file.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(new_text)
        os.chmod(temporary, stat.S_IMODE(plan_file.stat().st_mode))  # mkstemp's 0600 is not the file's
        reloaded = load_plan(temporary, shown).plan
        wrong = [i for i, links in changes.items() if i not in skipped and reloaded.task_by_id[i].implements != links]
        if wrong:
            raise DataError([Problem(shown, None, "", f"không ghi được gợi ý cho {', '.join(wrong)} (tệp chưa bị sửa).")])
        os.replace(temporary, plan_file)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return skipped


def _score(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def table(suggestions: Sequence[Suggestion], basis: LegalBasis, min_score: float, skipped: Sequence[str]) -> str:
    """One row per leaf task: its id, the suggested task of the higher-level plan, the score, and both wordings."""
    rows = [("Nhiệm vụ", f"Nhiệm vụ của {basis.number}", "Độ giống", "Nội dung (nhiệm vụ này → nhiệm vụ cấp trên)")]
    for s in suggestions:
        if s.kept:
            note = "giữ liên kết do người biên tập đặt: " + ", ".join(f"{link.task}" for link in s.kept)
            rows.append((s.task.id, "—", "—", note))
        elif s.task.id in skipped:
            rows.append((s.task.id, "—", _score(s.score or 0), "nhiệm vụ viết trên một dòng ({…}): không ghi được"))
        elif s.parent is None:
            rows.append((s.task.id, "—", _score(s.score or 0), f"dưới ngưỡng {_score(min_score)}: không gợi ý"))
        else:
            rows.append((s.task.id, s.parent.id, _score(s.score or 0),
                         f"{shorten(_words(s.task), 45)} → {shorten(s.parent.text, 45)}"))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join([*(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)), row[3]]) for row in rows
    )


def summary(suggestions: Sequence[Suggestion], changes: dict[str, list[TaskLink]], skipped: Sequence[str], shown: str,
            min_score: float) -> str:
    made = sum(1 for s in suggestions if s.parent is not None and s.task.id not in skipped)
    kept = sum(1 for s in suggestions if s.kept)
    low = sum(1 for s in suggestions if not s.kept and s.parent is None)
    parts = [f"{made} nhiệm vụ có gợi ý"]
    if kept:
        parts.append(f"{kept} nhiệm vụ giữ liên kết do người biên tập đặt")
    if low:
        parts.append(f"{low} nhiệm vụ dưới ngưỡng {_score(min_score)} không có gợi ý")
    if skipped:
        parts.append(f"{len(skipped)} nhiệm vụ viết trên một dòng không ghi được ({', '.join(skipped)})")
    written = len(changes) - len(skipped)
    change = f"đã sửa {written} nhiệm vụ trong {shown}" if written else f"{shown} không đổi"
    return (f"\n{'; '.join(parts)}; {change}.\n"
            "Xem lại từng gợi ý: đúng thì xóa dòng suggested để xác nhận, sai thì xóa cả liên kết "
            "(make check nhắc các gợi ý chưa xác nhận).")
