"""Where a project still holds the importer's placeholder, "(chưa rõ — cần điền)".

A freshly adopted plan is valid, so the site builds at once; what only a
person can write (the plan's title, a summary for citizens, the About page)
is marked with one phrase. ``make check`` lists every place still marked,
as warnings with file and line, so the clerk sees what is left to fill and
nothing stops the build meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from ..importer.names import PLACEHOLDER
from ..plan.problems import Problem

# The files a person writes for a new plan, besides the plan itself: the site's name and the hand-written pages.
HAND_WRITTEN = ("mkdocs.yml", "docs/*.md")


def _field(line: str) -> str:
    """The YAML key or Markdown heading a marked line belongs to, as far as the line itself says."""
    head = line.strip().removeprefix("- ")
    return head.split(":", 1)[0].strip() if ":" in head and not head.startswith(("\"", "(")) else ""


def placeholders_in(path: Path, shown: str) -> list[Problem]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    comment = "#" if path.suffix in (".yaml", ".yml") else None  # a YAML comment is no field to fill
    return [
        Problem(shown, number, _field(line), f"còn chỗ cần điền \"{PLACEHOLDER}\": thay bằng nội dung thật.", "warning")
        for number, line in enumerate(lines, start=1)
        if PLACEHOLDER in line and not (comment and line.lstrip().startswith(comment))
    ]


def project_placeholders(root: Path, plan_file: str) -> list[Problem]:
    """Every marked line of the plan, mkdocs.yml and docs/*.md, in that order."""
    found = placeholders_in(root / plan_file, plan_file)
    for pattern in HAND_WRITTEN:
        for path in sorted(root.glob(pattern)):
            found += placeholders_in(path, path.relative_to(root).as_posix())
    return found
