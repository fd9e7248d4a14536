"""The project's command line: ``python -m macros check|schema|import``.

Commands print Vietnamese messages and exit non-zero on bad input; a
Python traceback never reaches the clerk who ran them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .diff import diff_markdown
from .plan.loader import load_plan
from .plan.model import Plan
from .plan.problems import DataError, Problem
from .plan.schema import plan_schema
from .progress.refdate import reference_date
from .progress.updates import SCHEMA_PATH as UPDATE_SCHEMA_PATH
from .progress.updates import load_updates, update_schema
from .site.settings import project_settings

SCHEMA_PATH = Path("data/plan.schema.json")


def _print_problems(problems: Iterable[Problem], github: bool) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
        if github:
            print(problem.github_annotation())


def cmd_check(args: argparse.Namespace) -> int:
    github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
    if args.file is None:  # the files the site publishes, as mkdocs.yml's extra.ke_hoach names them
        settings = project_settings(Path.cwd())
        args.file, args.updates = Path(settings.plan), args.updates or Path(settings.updates)
    try:
        loaded = load_plan(args.file)
    except DataError as exc:
        _print_problems(exc.problems, github)
        count = len(exc.errors)
        print(f"Không đạt: {args.file} có {count} lỗi cần sửa.", file=sys.stderr)
        return 1
    _print_problems(loaded.warnings, github)
    plan = loaded.plan
    updates = _check_updates(args, plan, github)
    if updates is None:
        return 1
    count, update_warnings = updates
    warnings = len(loaded.warnings) + update_warnings
    print(
        f"Hợp lệ: {args.file}: {len(plan.sections)} phần, {len(plan.leaf_tasks)} nhiệm vụ, "
        f"{len(plan.units)} đơn vị, {len(plan.deliverable_kinds)} loại sản phẩm, {count} báo cáo tiến độ"
        + (f", {warnings} cảnh báo." if warnings else ".")
    )
    return 0


def _check_updates(args: argparse.Namespace, plan: Plan, github: bool) -> tuple[int, int] | None:
    """Check the reports (by default updates/ beside a plan file named on the command line):
    (number of reports, number of warnings), or None on errors."""
    directory = args.updates or Path(args.file).parent / "updates"
    try:
        today = reference_date(Path(args.file).resolve().parent)
        loaded = load_updates(directory, plan, today, plan_file=str(args.file))
    except DataError as exc:
        _print_problems(exc.problems, github)
        print(f"Không đạt: {directory} có {len(exc.errors)} lỗi cần sửa.", file=sys.stderr)
        return None
    _print_problems(loaded.warnings, github)
    return len(loaded.records), len(loaded.warnings)


def cmd_schema(args: argparse.Namespace) -> int:
    text = plan_schema()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Đã ghi {args.output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import run  # python-docx is loaded only when importing

    return run(args.source, args.output, args.registry)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Công cụ của trang kế hoạch.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra tệp kế hoạch")
    check.add_argument("file", nargs="?", type=Path, default=None, help="mặc định: tệp kế hoạch đặt trong mkdocs.yml")
    check.add_argument("--github", action="store_true", help="in thêm chú thích cho GitHub Actions")
    check.add_argument(
        "--updates", type=Path, default=None, help="thư mục báo cáo (mặc định: theo mkdocs.yml, hoặc updates/ cạnh tệp đã nêu)"
    )
    check.set_defaults(func=cmd_check)
    schema = sub.add_parser("schema", help="ghi JSON Schema của tệp kế hoạch")
    schema.add_argument("-o", "--output", default=str(SCHEMA_PATH))
    schema.set_defaults(func=cmd_schema)
    imp = sub.add_parser("import", help="nhập phụ lục (.docx hoặc bản xuất .txt) thành bản nháp plan.yaml")
    imp.add_argument("source", type=Path)
    imp.add_argument("-o", "--output", type=Path, default=None, help="tệp YAML ghi ra (mặc định: màn hình)")
    imp.add_argument("--registry", type=Path, default=None, help="kế hoạch có sẵn để lấy danh mục đơn vị, sản phẩm")
    imp.set_defaults(func=cmd_import)
    _add_update_commands(sub)
    return parser


def _add_update_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = sub.add_parser("diff", help="tóm tắt thay đổi giữa hai phiên bản (Markdown tiếng Việt)")
    diff.add_argument("base", help="phiên bản git gốc (ví dụ main) hoặc một thư mục")
    diff.add_argument("head", help="phiên bản git mới (ví dụ HEAD) hoặc một thư mục")
    diff.add_argument("--plan", default=None, help="đường dẫn tệp kế hoạch trong kho (mặc định: theo mkdocs.yml)")
    diff.set_defaults(func=cmd_diff)
    schema = sub.add_parser("update-schema", help="ghi JSON Schema của tệp báo cáo tiến độ")
    schema.add_argument("-o", "--output", default=str(UPDATE_SCHEMA_PATH))
    schema.set_defaults(func=cmd_update_schema)


def cmd_diff(args: argparse.Namespace) -> int:
    """Markdown on stdout even when a side is invalid, so the job summary always says something."""
    settings = project_settings(Path.cwd())
    plan, updates = (args.plan, None) if args.plan else (settings.plan, settings.updates)
    text, ok = diff_markdown(args.base, args.head, Path.cwd(), plan, updates)
    sys.stdout.write(text)
    return 0 if ok else 1


def cmd_update_schema(args: argparse.Namespace) -> int:
    return _write(update_schema(), args.output)


def _write(text: str, output: str) -> int:
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        print(f"Đã ghi {output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        command: Callable[[argparse.Namespace], int] = args.func
        return command(args)
    except DataError as exc:
        _print_problems(exc.problems, False)
        return 1
    except OSError as exc:
        print(f"Không đọc/ghi được tệp: {exc.filename}: {exc.strerror}.", file=sys.stderr)
        return 2
