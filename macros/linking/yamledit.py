"""Writing tasks' ``implements`` into plan.yaml as an editor would, and nothing else.

The file is the editors' own: its comments, quotes, blank lines and order are theirs. So it is edited
as text, line by line: the YAML is composed again (nodes with their positions) only to find, for each
task to change, where its ``implements`` block stands, or the last line of the task after which a new
block goes. Every other line is kept byte for byte, line breaks (LF or CRLF) and a BOM included.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import yaml

from ..importer.writer import yaml_scalar
from ..plan.model import Plan, TaskLink
from ..plan.yamlsource import FastLoader

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as a line break, so that line numbers agree with the composed nodes'."""


def split_lines(text: str) -> list[str]:
    """Lines with their own line breaks (the last may have none)."""
    lines, start = [], 0
    for match in _BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def link_lines(links: Sequence[TaskLink], indent: str) -> list[str]:
    """The block as ``make link`` writes it: one item per link, ``suggested`` last so it is deleted alone."""
    out = [f"{indent}implements:"] if links else []
    for link in links:
        out += [f"{indent}  - plan: {yaml_scalar(link.plan)}", f"{indent}    task: {yaml_scalar(link.task)}"]
        if link.suggested is not None:
            out.append(f"{indent}    suggested: {link.suggested}")
    return out


def set_links(text: str, plan: Plan, links: Mapping[str, Sequence[TaskLink]]) -> tuple[str, list[str]]:
    """``text`` (the plan's file, as read) with the implements of each task in ``links`` written anew (an empty
    list removes the block), and the ids of the tasks written in a way this cannot edit (a task on one line)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    lines = split_lines(body)
    newline = "\r\n" if "\r\n" in body else "\n"
    edits: list[tuple[int, int, list[str]]] = []
    skipped: list[str] = []
    for task_id, node in _task_nodes(yaml.compose(body, Loader=FastLoader), plan):
        if task_id not in links:
            continue
        edit = _edit(node, lines, links[task_id])
        if edit is None:
            skipped.append(task_id)
        else:
            edits.append(edit)
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):  # from the bottom: lines above keep their numbers
        if new and start == len(lines) and lines and not _BREAK.search(lines[-1][-2:]):
            lines[-1] += newline  # the file's last line had no line break
        lines[start:end] = [line + newline for line in new]
    return bom + "".join(lines), skipped


def _task_nodes(root: yaml.Node | None, plan: Plan) -> list[tuple[str, yaml.MappingNode]]:
    """Each task's mapping node, by the task's id (the plan was loaded from this text: the shapes agree)."""
    sections = _value(root, "sections")
    out: list[tuple[str, yaml.MappingNode]] = []
    for section, section_node in zip(plan.sections, sections.value if sections else [], strict=False):
        tasks = _value(section_node, "tasks")
        for task, node in zip(section.tasks, tasks.value if tasks else [], strict=False):
            if isinstance(node, yaml.MappingNode):
                out.append((task.id, node))
    return out


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _edit(task: yaml.MappingNode, lines: list[str], links: Sequence[TaskLink]) -> tuple[int, int, list[str]] | None:
    """(first line, line after the last, new lines) replacing the task's implements block or added after the task."""
    if task.flow_style or not task.value:
        return None
    column = task.value[0][0].start_mark.column  # the column of the task's keys
    indent = " " * column
    for key, value in task.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "implements":
            start = key.start_mark.line
            if lines[start][:key.start_mark.column].strip():  # "- implements:" opens the task: not ours to rewrite
                return None
            return start, _last_line(value) + 1, link_lines(links, indent)
    after = _last_line(task) + 1
    return after, after, link_lines(links, indent)


def _last_line(node: yaml.Node) -> int:
    """The last line (counted from 0) holding part of ``node``; comments and blank lines after it are not its."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        end = node.end_mark
        # A block scalar (| or >) ends at the start of the line after it.
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
    return max((_last_line(child) for child in children), default=node.start_mark.line)
