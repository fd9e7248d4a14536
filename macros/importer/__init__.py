"""``python -m macros import``: from an appendix document to a draft ``plan.yaml``.

Communes issue each new plan as a Word document with the same kind of
table; publishing it must not mean retyping it. The importer reads the
table (:mod:`.txt`, :mod:`.docx`, :mod:`.pdf`), recognises its columns by their
headers (:mod:`.columns`), turns numbered and continuation rows into
sections and tasks (:mod:`.tasks`), matches the names in each cell
against a registry (:mod:`.names`, :mod:`.schedule`), writes the draft
(:mod:`.writer`), checks it with the project's own loader, and reports
every judgement it made on standard error (:mod:`.review`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..plan.loader import check_plan_links, validate
from ..plan.model import Plan
from ..plan.problems import DataError
from ..plan.yamlsource import parse_yaml
from .draft import build_draft
from .review import ReviewList
from .rows import NoTaskTable, Table

SCHEMA = Path(__file__).resolve().parents[2] / "data" / "plan.schema.json"


def read_table(source: Path) -> Table:
    """The task table of a .txt export, a .docx or a .pdf file; :class:`NoTaskTable` when there is none."""
    suffix = source.suffix.lower()
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(source)
    if suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(source)
    if suffix in (".txt", ".tsv", ".md", ""):
        from .txt import read_txt

        return read_txt(source)
    raise NoTaskTable(f"chưa đọc được loại tệp \"{suffix}\"; cần tệp .docx, .pdf hoặc bản xuất văn bản .txt.")


def import_plan(source: Path, registry: Plan | None, output: Path | None, report: ReviewList) -> str:
    """The draft's YAML text, already checked by the loader (a failing draft is a bug, raised as DataError)."""
    return import_draft(source, registry, output, report)[0]


def import_draft(source: Path, registry: Plan | None, output: Path | None, report: ReviewList) -> tuple[str, Plan]:
    """The draft's YAML text and the plan the loader read from it: one parse and check for both."""
    table = read_table(source)
    data = build_draft(table, registry, report)
    schema = os.path.relpath(SCHEMA, (output or Path.cwd() / "x").resolve().parent) if SCHEMA.exists() else "plan.schema.json"
    from .writer import write_plan

    text = write_plan(data, Path(schema).as_posix(), source.name)
    doc = parse_yaml(text, str(output or "<bản nháp>"))
    plan = validate(doc)
    errors = [p for p in check_plan_links(plan, doc) if p.severity == "error"]
    if errors:
        raise DataError(errors)
    return text, plan


def explain_failure(source: Path, exc: Exception, nothing_written: str) -> None:
    """Why ``source`` gave no draft, in Vietnamese on standard error: no task table (a scan, an indicator table),
    a draft the loader refuses (a bug of the importer), or a file that cannot be read at all (a corrupt .docx)."""
    closing = nothing_written[:1].upper() + nothing_written[1:]
    if isinstance(exc, NoTaskTable):
        print(f"Không nhập được {source}: {exc}\n{closing}", file=sys.stderr)
    elif isinstance(exc, DataError):
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Bản nháp không qua được kiểm tra (lỗi của bộ nhập, xin báo lại); {nothing_written}", file=sys.stderr)
    else:
        print(f"Không đọc được {source}: {type(exc).__name__}: {exc}\n{closing}", file=sys.stderr)


def run(source: Path, output: Path | None, registry_path: Path | None) -> int:
    """The command: 0 with a draft written, 1 when nothing usable could be read."""
    from ..plan.loader import load_plan

    report = ReviewList()
    try:
        registry = load_plan(registry_path).plan if registry_path else None
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Không dùng được danh mục {registry_path}: tệp có lỗi.", file=sys.stderr)
        return 1
    if not source.exists():
        print(f"Không tìm thấy tệp nguồn: {source}", file=sys.stderr)
        return 1
    try:
        text = import_plan(source, registry, output, report)
    except Exception as exc:  # noqa: BLE001 - every failure is explained, never a traceback
        explain_failure(source, exc, "chưa ghi tệp.")
        return 1
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    report.write(sys.stderr)
    print(f"Đã ghi bản nháp {output or '(ra màn hình)'} từ {source}; xem các mục trên trước khi dùng.", file=sys.stderr)
    return 0
