"""The guides GitHub shows (CONTRIBUTING.md, the pull request and issue templates), rewritten for a new plan.

Their examples name tasks and units: a report file for a task and the unit
that leads it, a file name made of both, a unit id to copy. GitHub shows
these files as they are, so no template can fill them at build time;
instead, when a project adopts a new plan, every task and unit of the old
plan that a guide names is replaced by one of the new plan, in one pass
(so that no replacement is replaced again), keeping each example true:
a report's unit takes part in the report's task, a sub-item stays a
sub-item where the new plan has one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..plan.examples import example_tasks, reporters
from ..plan.model import Plan, Task, Unit, task_slug
from ..progress.updates import update_filename

GUIDES = ("CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md", ".github/ISSUE_TEMPLATE/*.yml")
REPORT_BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)
REPORT_FILE = re.compile(r"(\d{4}-\d{2}-\d{2})-([a-z0-9-]+)\.yaml")


def guide_files(root: Path) -> list[Path]:
    return [path for pattern in GUIDES for path in sorted(root.glob(pattern)) if path.is_file()]


@dataclass
class Renames:
    """Old task id → new task, old unit id → new unit: the examples of the guides, moved to the new plan."""

    tasks: dict[str, Task] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)


def _tokens(keys: list[str]) -> re.Pattern[str]:
    """Any of the keys standing alone: not inside a longer id, word or dotted code."""
    alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\w.\-])(?:{alternation})(?![\w\-]|\.\w)")


def _found(pattern_keys: list[str], text: str) -> list[str]:
    """The keys the text names, in the order it first names them."""
    if not pattern_keys:
        return []
    return list(dict.fromkeys(m.group(0) for m in _tokens(pattern_keys).finditer(text)))


def _report_pairs(text: str) -> list[tuple[str, str]]:
    """(task, unit) of each example report file the guide shows."""
    pairs = []
    for block in REPORT_BLOCK.findall(text):
        task, unit = re.search(r"(?m)^task: (\S+)", block), re.search(r"(?m)^unit: (\S+)", block)
        if task and unit:
            pairs.append((task.group(1), unit.group(1)))
    return pairs


def renames(text: str, old: Plan, new: Plan) -> Renames:
    """Which new task and unit stands for each old one the text names."""
    out = Renames()
    tops = [t for t in example_tasks(new) if t.depth == 0] or example_tasks(new)
    subs = [t for t in example_tasks(new) if t.depth > 0] or tops
    if not tops:
        return out
    for n, task_id in enumerate(_found(list(old.task_by_id), text)):
        pool = subs if old.task_by_id[task_id].depth > 0 else tops
        out.tasks[task_id] = pool[n % len(pool)]
    for task_id, unit_id in _report_pairs(text):
        if task_id in out.tasks and unit_id in old.unit_by_id and unit_id not in out.units:
            taking_part = reporters(new, out.tasks[task_id]) or list(new.units)
            free = [u for u in taking_part if u not in out.units.values()]
            out.units[unit_id] = (free or taking_part)[0]
    rest = [u for u in new.units if u.kind == "agency"] + [u for u in new.units if u.kind == "group"]
    for unit_id in _found(list(old.unit_by_id), text):
        if unit_id not in out.units:
            free = [u for u in rest if u not in out.units.values()] or rest
            out.units[unit_id] = free[0]
    return out


def _replacements(old: Plan, new: Plan, names: Renames) -> dict[str, str]:
    """Every spelling of an old example (id, address, unit name) and what it becomes."""
    out: dict[str, str] = {}
    for old_id, task in names.tasks.items():
        out[old_id], out[task_slug(old_id)] = task.id, task_slug(task.id)
    for old_id, unit in names.units.items():
        before = old.unit_by_id[old_id]
        out[old_id] = unit.id
        out |= {spelling: unit.name for spelling in [before.name, before.short, *before.aliases]}
    if old.plan.issuer != new.plan.issuer:
        out[old.plan.issuer] = new.plan.issuer
    return {k: v for k, v in out.items() if k}


def _new_file_name(match: re.Match[str], names: Renames) -> str:
    """A report file name of the old plan (date, task address, unit id) made again for the new one."""
    date, rest = match.group(1), match.group(2)
    for old_task, task in names.tasks.items():
        for old_unit, unit in names.units.items():
            if rest == f"{task_slug(old_task)}-{old_unit}":
                return update_filename(task.id, unit.id, dt.date.fromisoformat(date))
    return match.group(0)


def rewrite(text: str, old: Plan, new: Plan, names: Renames) -> str:
    table = _replacements(old, new, names)
    if not table:
        return text
    words = _tokens(list(table)).pattern
    pattern = re.compile(rf"(?P<file>{REPORT_FILE.pattern})|(?P<word>{words})")

    def replace(match: re.Match[str]) -> str:
        if match.group("file"):
            return _new_file_name(REPORT_FILE.fullmatch(match.group("file")), names)  # type: ignore[arg-type]
        return table[match.group("word")]

    return pattern.sub(replace, text)


def rewritten_guides(root: Path, old: Plan, new: Plan) -> dict[Path, str]:
    """Each guide's new text, for the guides that change; one set of renames for all, so they agree."""
    texts = {path: path.read_text(encoding="utf-8") for path in guide_files(root)}
    names = renames("\n".join(texts.values()), old, new)
    changed = {path: rewrite(text, old, new, names) for path, text in texts.items()}
    return {path: text for path, text in changed.items() if text != texts[path]}
