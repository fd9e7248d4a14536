"""The project's command line: ``python -m macros check|schema|import|adopt|diff|report|link|harvest``.

Commands print Vietnamese messages and exit non-zero on bad input; a
Python traceback never reaches the clerk who ran them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .adoption.placeholders import project_placeholders
from .build.project import load_project, load_rollup
from .diff import diff_markdown
from .mkdocs_glue.settings import project_settings
from .plan.loader import display_path
from .plan.problems import DataError, Problem
from .plan.schema import plan_schema
from .progress.refdate import reference_date
from .progress.updates import SCHEMA_PATH as UPDATE_SCHEMA_PATH
from .progress.updates import update_schema
from .text import vn_date

SCHEMA_PATH = Path("data/plan.schema.json")


def _print_problems(problems: Iterable[Problem], github: bool) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
        if github:
            print(problem.github_annotation())


def cmd_check(args: argparse.Namespace) -> int:
    github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
    marked: list[Problem] = []
    if args.file is None:  # the files the site publishes, as mkdocs.yml's extra.ke_hoach names them
        settings = project_settings(Path.cwd())
        args.file, args.updates = Path(settings.plan), args.updates or Path(settings.updates)
        marked = project_placeholders(Path.cwd(), settings.plan)
    directory = args.updates or Path(args.file).parent / "updates"
    try:
        today = reference_date(Path(args.file).resolve().parent)
        project = load_project(Path.cwd(), display_path(Path(args.file)), display_path(Path(directory)), today)
    except DataError as exc:
        _print_problems(exc.problems, github)
        print(f"Không đạt: {exc.where} có {len(exc.errors)} lỗi cần sửa.", file=sys.stderr)
        return 1
    _print_problems([*project.warnings, *marked], github)
    plan, count, warnings = project.plan, len(project.updates.records), len(project.warnings) + len(marked)
    print(
        f"Hợp lệ: {args.file}: {len(plan.sections)} phần, {len(plan.leaf_tasks)} nhiệm vụ, "
        f"{len(plan.units)} đơn vị, {len(plan.deliverable_kinds)} loại sản phẩm, {count} báo cáo tiến độ"
        + (f", {warnings} cảnh báo." if warnings else ".")
    )
    return 0


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


def cmd_adopt(args: argparse.Namespace) -> int:
    from .adoption.adopt import run  # the importer (python-docx, pdfplumber) only when adopting

    return run(args.source)


def cmd_report(args: argparse.Namespace) -> int:
    """The periodic report as a .docx. Arguments are checked here rather than by argparse, so that
    every mistake is explained in Vietnamese (exit 2); a plan or report that fails its checks is listed
    as ``make check`` lists it (exit 1). The output file is written whole or not at all."""
    period = _report_period(args)
    if period is None:
        return 2
    start, end = period
    if args.plan is None and (settings := project_settings(Path.cwd())).rollup is not None:
        return _rollup_report(args, settings.rollup, settings.harvest, start, end)
    plan_file, updates_dir = _report_inputs(args)
    try:
        today = reference_date(Path(plan_file).resolve().parent)
        state = load_project(Path.cwd(), display_path(Path(plan_file)), display_path(Path(updates_dir)), today).progress(today)
    except DataError as exc:
        _print_problems(exc.problems, False)
        print(f"Không lập được báo cáo: {exc.where} có {len(exc.errors)} lỗi cần sửa (xem make check).", file=sys.stderr)
        return 1
    from .exports.periodic_report import PeriodError, write_periodic_report  # python-docx only when a report is made

    output = args.output or Path(_default_report_name(start, end, args.unit))
    try:
        report = write_periodic_report(state, start, end, args.unit, output)
    except PeriodError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    figures = report.figures
    print(f"Đã ghi {output}: {figures.total} nhiệm vụ, {figures.reports} báo cáo trong kỳ, "
          f"{len(figures.overdue)} nhiệm vụ quá hạn (tính đến ngày {vn_date(report.as_of)}).")
    return 0


def _rollup_report(args: argparse.Namespace, members_file: str, harvest: str, start: dt.date, end: dt.date) -> int:
    """On a rollup's site (extra.ke_hoach.rollup), ``make report`` reports on the members: their figures as the last
    harvest read them, with their progress reports dated in [FROM, TO] counted. UNIT has no meaning there; the site's
    own plan keeps its periodic report through --plan."""
    if args.unit:
        print("Lỗi: đây là trang tổng hợp (extra.ke_hoach.rollup trong mkdocs.yml): báo cáo tổng hợp các thành viên "
              "không chia theo đơn vị. Bỏ UNIT; báo cáo kế hoạch của chính trang cho một đơn vị: "
              ".venv/bin/python -m macros report --plan data/plan.yaml --unit MÃ --from … --to ….", file=sys.stderr)
        return 2
    plan_file, updates_dir = _report_inputs(args)
    try:
        today = reference_date(Path(plan_file).resolve().parent)
        project = load_project(Path.cwd(), display_path(Path(plan_file)), display_path(Path(updates_dir)), today)
        rollup = load_rollup(Path.cwd(), members_file, harvest, today, project.plan)
    except DataError as exc:
        _print_problems(exc.problems, False)
        print(f"Không lập được báo cáo: {exc.where} có {len(exc.errors)} lỗi cần sửa.", file=sys.stderr)
        return 1
    from .exports.periodic_report import PeriodError
    from .exports.periodic_report.rollup import write_rollup_report  # python-docx only when a report is made

    output = args.output or Path(f"bao-cao-tong-hop-{start:%Y-%m-%d}-{end:%Y-%m-%d}.docx")
    try:
        report = write_rollup_report(rollup, project.plan, start, end, output)
    except PeriodError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    print(f"Đã ghi {output}: báo cáo tổng hợp {len(report.members)} thành viên ({len(report.unavailable)} không có dữ "
          f"liệu), {report.reports} báo cáo tiến độ của các thành viên ghi ngày trong kỳ (tính đến ngày "
          f"{vn_date(report.as_of)}), {len(report.overdue_members)} thành viên có nhiệm vụ quá hạn. Tình trạng các "
          "nhiệm vụ là tình trạng thành viên công bố ở lần thu thập gần nhất (make harvest).")
    return 0


def _report_period(args: argparse.Namespace) -> tuple[dt.date, dt.date] | None:
    """(start, end) from --from and --to, or None after saying in Vietnamese what is wrong."""
    dates: list[dt.date] = []
    for option, value in (("--from", args.start), ("--to", args.end)):
        if not value:
            print(f"Lỗi: thiếu {option} NĂM-THÁNG-NGÀY (ví dụ --from 2025-07-01 --to 2025-09-30).", file=sys.stderr)
            return None
        try:
            dates.append(dt.date.fromisoformat(value.strip()))
        except ValueError:
            print(f"Lỗi: {option} \"{value}\" không phải một ngày; cần dạng NĂM-THÁNG-NGÀY, ví dụ 2025-09-30.",
                  file=sys.stderr)
            return None
    start, end = dates
    if start > end:
        print(f"Lỗi: ngày bắt đầu {vn_date(start)} (--from) ở sau ngày kết thúc {vn_date(end)} (--to).", file=sys.stderr)
        return None
    if args.output is not None and args.output.suffix.lower() != ".docx":
        print(f"Lỗi: tệp ghi ra \"{args.output}\" cần có đuôi .docx (tệp Word).", file=sys.stderr)
        return None
    if args.output is not None and not args.output.resolve().parent.is_dir():
        print(f"Lỗi: không có thư mục \"{args.output.parent}\" để ghi \"{args.output.name}\".", file=sys.stderr)
        return None
    return start, end


def _report_inputs(args: argparse.Namespace) -> tuple[Path, Path]:
    """The plan and reports the site publishes (mkdocs.yml), unless named; with --plan alone, updates/ beside it."""
    if args.plan is not None:
        return args.plan, args.updates or args.plan.parent / "updates"
    settings = project_settings(Path.cwd())
    return Path(settings.plan), args.updates or Path(settings.updates)


def _default_report_name(start: dt.date, end: dt.date, unit: str | None) -> str:
    return f"bao-cao-{start:%Y-%m-%d}-{end:%Y-%m-%d}" + (f"-{unit}" if unit else "") + ".docx"


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
    imp = sub.add_parser("import", help="nhập phụ lục (.docx, .pdf hoặc bản xuất .txt) thành bản nháp plan.yaml")
    imp.add_argument("source", type=Path)
    imp.add_argument("-o", "--output", type=Path, default=None, help="tệp YAML ghi ra (mặc định: màn hình)")
    imp.add_argument("--registry", type=Path, default=None, help="kế hoạch có sẵn để lấy danh mục đơn vị, sản phẩm")
    imp.set_defaults(func=cmd_import)
    adopt = sub.add_parser("adopt", help="dùng dự án cho phụ lục khác: nhập, thay văn bản gốc, xoá báo cáo mẫu, đặt tên trang")
    adopt.add_argument("source", type=Path, help="phụ lục (.docx, .txt hoặc .pdf)")
    adopt.set_defaults(func=cmd_adopt)
    _add_update_commands(sub)
    _add_report_command(sub)
    _add_link_command(sub)
    harvest = sub.add_parser("harvest", help="trang tổng hợp: thu thập dữ liệu (plan.json) của các thành viên")
    harvest.add_argument("--members", default=None, help="tệp danh sách thành viên (mặc định: rollup trong mkdocs.yml)")
    harvest.add_argument("--folder", default=None, help="thư mục lưu dữ liệu thu thập (mặc định: harvest trong mkdocs.yml)")
    harvest.add_argument("--timeout", type=float, default=20, help="giây tối đa cho mỗi thành viên (mặc định 20)")
    harvest.add_argument("--concurrency", type=int, default=16, help="số thành viên tải cùng lúc (mặc định 16)")
    harvest.set_defaults(func=cmd_harvest)
    return parser


def _add_link_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    link = sub.add_parser("link", help="gợi ý nhiệm vụ của kế hoạch cấp trên (plan.json của nó) mà mỗi nhiệm vụ thực hiện")
    link.add_argument("parent", metavar="PLAN_JSON", help="tệp plan.json của kế hoạch cấp trên, hoặc địa chỉ https:// của nó")
    link.add_argument("--plan", type=Path, default=None, help="tệp kế hoạch ghi gợi ý vào (mặc định: theo mkdocs.yml)")
    link.add_argument("--basis", default=None, metavar="MÃ",
                      help="mã căn cứ (plan.legal_bases) là kế hoạch cấp trên (mặc định: căn cứ có cùng số và cơ quan)")
    link.add_argument("--min-score", type=float, default=None, metavar="ĐIỂM",
                      help="chỉ gợi ý khi độ giống từ điểm này trở lên, từ 0 đến 1 (mặc định 0.5)")
    link.set_defaults(func=cmd_link)


def cmd_link(args: argparse.Namespace) -> int:
    from .linking import DEFAULT_MIN_SCORE, run

    plan = args.plan or Path(project_settings(Path.cwd()).plan)
    return run(args.parent, plan, args.basis, DEFAULT_MIN_SCORE if args.min_score is None else args.min_score)


def _add_report_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser(
        "report", help="lập báo cáo định kỳ (tệp Word .docx) cho một kỳ; trên trang tổng hợp: báo cáo tổng hợp các thành viên",
        description="Trên trang tổng hợp (extra.ke_hoach.rollup), báo cáo tổng hợp các thành viên: tình trạng nhiệm vụ "
        "theo lần thu thập gần nhất, và các báo cáo tiến độ của thành viên ghi ngày từ --from đến --to được đếm.",
    )
    report.add_argument("--from", dest="start", default=None, metavar="NĂM-THÁNG-NGÀY", help="ngày đầu kỳ, ví dụ 2025-07-01")
    report.add_argument("--to", dest="end", default=None, metavar="NĂM-THÁNG-NGÀY", help="ngày cuối kỳ, ví dụ 2025-09-30")
    report.add_argument("--unit", default=None, metavar="MÃ", help="chỉ các nhiệm vụ của một đơn vị (mã trong units)")
    report.add_argument("-o", "--output", type=Path, default=None,
                        help="tệp .docx ghi ra (mặc định: bao-cao-<từ>-<đến>[-<đơn vị>].docx; trang tổng hợp: "
                        "bao-cao-tong-hop-<từ>-<đến>.docx)")
    report.add_argument("--plan", type=Path, default=None, help="tệp kế hoạch (mặc định: theo mkdocs.yml)")
    report.add_argument("--updates", type=Path, default=None,
                        help="thư mục báo cáo tiến độ (mặc định: theo mkdocs.yml, hoặc updates/ cạnh --plan)")
    report.set_defaults(func=cmd_report)


def _add_update_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = sub.add_parser("diff", help="tóm tắt thay đổi giữa hai phiên bản (Markdown tiếng Việt)")
    diff.add_argument("base", help="phiên bản git gốc (ví dụ main) hoặc một thư mục")
    diff.add_argument("head", help="phiên bản git mới (ví dụ HEAD) hoặc một thư mục")
    diff.add_argument("--plan", default=None, help="đường dẫn tệp kế hoạch trong kho (mặc định: theo mkdocs.yml)")
    diff.set_defaults(func=cmd_diff)
    schema = sub.add_parser("update-schema", help="ghi JSON Schema của tệp báo cáo tiến độ")
    schema.add_argument("-o", "--output", default=str(UPDATE_SCHEMA_PATH))
    schema.set_defaults(func=cmd_update_schema)


NOT_A_ROLLUP = (
    "Trang này không phải trang tổng hợp: mkdocs.yml chưa đặt extra.ke_hoach.rollup. Để theo dõi kế hoạch của các "
    "thành viên (xã, phường…), viết danh sách thành viên vào data/rollup.yaml (mỗi thành viên có name và plan_json, "
    "địa chỉ https://…/du-lieu/plan.json của họ), rồi thêm dòng \"rollup: data/rollup.yaml\" vào mục "
    "extra: ke_hoach: của mkdocs.yml; hoặc chạy python -m macros harvest --members data/rollup.yaml."
)


def cmd_harvest(args: argparse.Namespace) -> int:
    """The only command that uses the network; prints progress, then a table of every member and a summary."""
    from .rollup.harvest import ProgressPrinter, harvest, summary, table
    from .rollup.members import load_members

    root = Path.cwd()
    settings = project_settings(root)
    members_file = args.members or settings.rollup
    if members_file is None:
        print(NOT_A_ROLLUP, file=sys.stderr)
        return 1
    try:
        roster = load_members(root, members_file)
    except DataError as exc:
        _print_problems(exc.problems, os.environ.get("GITHUB_ACTIONS") == "true")
        print(f"Không thu thập được: {exc.where} có {len(exc.errors)} lỗi cần sửa.", file=sys.stderr)
        return 1
    tty = sys.stdout.isatty() and os.environ.get("CI") != "true"
    printer = ProgressPrinter(sys.stdout, tty, shutil.get_terminal_size().columns)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    result = harvest(root, roster, Path(args.folder or settings.harvest), now=now, progress=printer,
                     per_member_timeout=args.timeout, concurrency=args.concurrency)
    for warning in result.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    print(table(result))
    print(summary(result))
    return result.exit_code


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
