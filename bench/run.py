"""The benchmark: how long the project takes to build a plan of 100, 1,000 and 5,000 tasks, against a floor.

For each size, bench/generate.py writes a synthetic plan with its reports; a copy of the project
(as tests/helpers.copy_project makes one) builds it with `mkdocs build --strict`. Side by side, the
*floor* builds plain Material with the same theme settings and no hooks or macros, with as many
pages, each carrying the same text: a task page its content and cells as paragraphs, any other page
the text the project shows on it. The floor is what any MkDocs site of that size costs; the ratio
says what the project adds.

    .venv/bin/python bench/run.py                 # 100, 1000, 5000 tasks: 9, 5 and 3 runs
    .venv/bin/python bench/run.py 100 1000        # other sizes
    .venv/bin/python bench/run.py --quick         # 5,000 tasks and more: one run

Results go to bench/RESULTS.md (see bench/README.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]  # the project measured, its test helpers, the generator

import generate  # noqa: E402
import search  # noqa: E402

from helpers import REFERENCE_EPOCH, build_env, copy_project, published  # noqa: E402
from macros import urls  # noqa: E402

SIZES = [100, 1000, 5000]
ROLLUP_START = "<!-- rollup:start -->"
"""Where bench/rollup.py's section of RESULTS.md begins."""
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
FLOOR_NAV = ["index.md", "phan/index.md", "don-vi/index.md", "san-pham/index.md", "thoi-gian/index.md", "nhiem-vu/index.md"]
CELLS = (("lead", "Đơn vị chủ trì"), ("coordinating", "Đơn vị phối hợp"), ("deliverable", "Sản phẩm"),
         ("schedule", "Thời gian thực hiện"))


# ---------------------------------------------------------------- building and measuring


@dataclass
class Site:
    """What one build left: its wall times, its peak memory and the folder it wrote."""

    seconds: list[float]
    rss_kb: int
    root: Path

    def pages(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("index.html"))

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())

    def index_size(self) -> int:
        return published(self.root, urls.SEARCH_INDEX).stat().st_size

    def largest(self, skip: str | None = None, count: int = 1) -> list[tuple[str, int]]:
        """The largest HTML pages (path from the site root, bytes), optionally outside one folder."""
        sizes = [(p.stat().st_size, p.relative_to(self.root).as_posix()) for p in self.root.rglob("*.html")]
        kept = sorted((s for s in sizes if not (skip and s[1].startswith(skip))), reverse=True)
        return [(path, size) for size, path in kept[:count]]


def build(project: Path, dest: Path, site: Site | None) -> Site:
    """`mkdocs build --strict` of ``project`` into ``dest`` (a fresh folder), timed; adds to ``site``'s runs."""
    shutil.rmtree(dest, ignore_errors=True)
    rss_file = dest.with_suffix(".rss")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)]
    if TIME:
        command = [TIME, "-f", "%M", "-o", str(rss_file), *command]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=build_env(REFERENCE_EPOCH), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"Dựng {project} thất bại:\n{result.stdout}{result.stderr}")
    # Without GNU time, the largest child so far: a bound, exact when builds grow in size.
    rss = int(rss_file.read_text().split()[-1]) if TIME else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if site is None:
        return Site([seconds], rss, dest)
    site.seconds.append(seconds)
    site.rss_kb = max(site.rss_kb, rss)
    return site


# ---------------------------------------------------------------- the floor


def task_markdown(task: dict[str, Any]) -> str:
    """A task page's text as plain Markdown: its content, then its cells as paragraphs."""
    lines = [f"# Nhiệm vụ {task['id']}", ""]
    for block in task["content"]:
        lines += [block, ""] if isinstance(block, str) else [*(f"- {item}" for item in block["items"]), ""]
    for cell, label in CELLS:
        if task.get(cell, {}).get("text"):
            lines += [f"{label}: {task[cell]['text']}", ""]
    return "\n".join(lines)


def page_markdown(html: Path) -> str:
    """Any other page: the text the project shows in its article, in paragraphs of about 80 words."""
    tree = lxml.html.fromstring(html.read_text(encoding="utf-8"))
    article = (tree.xpath("//article") or tree.xpath("//body"))[0]
    for hidden in article.xpath(".//script|.//style"):
        hidden.drop_tree()
    words = article.text_content().replace("<", "&lt;").split()
    title = " ".join(words[:8]) or "Trang"
    paragraphs = [" ".join(words[i:i + 80]) for i in range(0, len(words), 80)]
    return "\n\n".join([f"# {title}", *paragraphs]) + "\n"


def floor_project(project: Path, site: Site, plan: dict[str, Any], folder: Path) -> Path:
    """Plain Material with the project's theme settings and assets, one Markdown file per page of ``site``."""
    docs = folder / "docs"
    shutil.copytree(project / "docs" / "assets", docs / "assets")
    tasks = {urls.task(t["id"]): t for s in plan["sections"] for t in s["tasks"]}
    for page in site.pages():
        url = page.parent.relative_to(site.root).as_posix() + "/" if page.parent != site.root else ""
        source = docs / urls.source_path(url)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(task_markdown(tasks[url]) if url in tasks else page_markdown(page), encoding="utf-8")
    settings = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch", "nav", "not_in_nav"):
        settings.pop(key, None)
    settings["theme"].pop("custom_dir", None)
    settings["extra"].pop("ke_hoach", None)
    settings["edit_uri"] = "edit/main/docs/"
    settings["plugins"] = [p for p in settings["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    settings["nav"] = [name for name in FLOOR_NAV if (docs / name).exists()]
    settings["not_in_nav"] = "/**/*.md\n"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- one size


@dataclass
class Row:
    tasks: int
    reports: int
    runs: int
    quick: bool  # fewer runs than asked (--quick)
    pages: int
    project: Site
    floor: Site
    text_bytes: int
    project_size: int
    floor_size: int
    index_size: int
    floor_index_size: int
    largest: list[tuple[str, int]]  # the five largest pages
    largest_outside_print: tuple[str, int]
    search: search.SearchFigures


def measure(tasks: int, runs: int, quick: bool, work: Path) -> Row:
    plan_dir = generate.write_plan(work / "plan", tasks)
    plan = yaml.safe_load((plan_dir / "plan.yaml").read_text(encoding="utf-8"))
    project = copy_project(work / "project", plan_dir)
    built: Site | None = None
    floor: Site | None = None
    floor_dir: Path | None = None
    for run in range(runs):  # the project and the floor in turn, so that both see the same machine
        built = build(project, work / "site", built)
        if floor_dir is None:
            floor_dir = floor_project(project, built, plan, work / "floor")
        floor = build(floor_dir, work / "floor-site", floor)
        print(f"  {tasks} nhiệm vụ, lần {run + 1}: dự án {built.seconds[-1]:.1f} s, nền {floor.seconds[-1]:.1f} s", flush=True)
    assert built is not None and floor is not None
    return Row(
        tasks=tasks, reports=len(list((plan_dir / "updates").glob("*.yaml"))), runs=runs, quick=quick, pages=len(built.pages()),
        project=built, floor=floor, text_bytes=generate.task_text_bytes(plan),
        project_size=built.size(), floor_size=floor.size(), index_size=built.index_size(), floor_index_size=floor.index_size(),
        largest=built.largest(count=5), largest_outside_print=built.largest(skip=urls.PRINT)[0],
        search=search.measure(built.root),
    )


# ---------------------------------------------------------------- RESULTS.md


def mb(n: float) -> str:
    return f"{n / 1e6:.1f}"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "không rõ"


def results_markdown(rows: list[Row], started: float, load: tuple[float, float, float]) -> str:
    def page(p: tuple[str, int]) -> str:
        return f"`{p[0]}` ({p[1] / 1e3:.0f} KB)"

    times = [
        "| nhiệm vụ | báo cáo | trang | lần đo | dựng (s) | ms/trang | nền (s) | so với nền | RSS đỉnh (MB) | RSS nền (MB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    sizes = [
        "| nhiệm vụ | chữ nhiệm vụ (MB) | trang web (MB) | nền (MB) | chỉ mục tìm kiếm (MB) | chỉ mục nền (MB) "
        "| chỉ mục / chữ | trang lớn nhất | lớn nhất ngoài ban-in/ |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        p, f = statistics.median(r.project.seconds), statistics.median(r.floor.seconds)
        times.append(f"| {r.tasks} | {r.reports} | {r.pages} | {r.runs} | {p:.1f} | {p * 1000 / r.pages:.1f} | {f:.1f} "
                     f"| {p / f:.1f}× | {r.project.rss_kb / 1024:.0f} | {r.floor.rss_kb / 1024:.0f} |")
        sizes.append(f"| {r.tasks} | {r.text_bytes / 1e6:.2f} | {mb(r.project_size)} | {mb(r.floor_size)} | {mb(r.index_size)} "
                     f"| {mb(r.floor_index_size)} | {r.index_size / r.text_bytes:.2f}× | {page(r.largest[0])} "
                     f"| {page(r.largest_outside_print)} |")
    finding = [
        "| nhiệm vụ | trang chủ: yêu cầu | trang chủ: KB nén | máy chủ khác | chỉ mục tải khi mở trang | chỉ mục (MB) "
        "| chỉ mục nén (KB) | lần gõ đầu: trung vị (ms) | lần gõ đầu: các lần đo (ms) | gõ ngay khi tải xong: trung vị (ms) "
        "| gõ khi đã sẵn sàng: trung vị / lớn nhất (ms) | đúng nhiệm vụ đứng đầu |",
        "| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        f = r.search
        finding.append(
            f"| {r.tasks} | {f.home_requests} | {f.home_bytes_gzip / 1e3:.0f} | {f.home_other_hosts} "
            f"| {'có' if f.index_fetched_on_open else 'không'} | {mb(f.index_bytes)} | {f.index_bytes_gzip / 1e3:.0f} "
            f"| {f.cold_ms:.0f} | {', '.join(f'{ms:.0f}' for ms in f.cold_ms_all)} | {f.cold_at_load_ms:.0f} "
            f"| {f.warm_ms_median:.0f} / {f.warm_ms_max:.0f} "
            f"| {f.ranked_first}/{f.ranked_asked} ({100 * f.ranked_first / max(1, f.ranked_asked):.0f}%) |"
        )
    quick = [r.tasks for r in rows if r.quick]
    largest = [f"- {r.tasks} nhiệm vụ: " + ", ".join(map(page, r.largest)) for r in rows]
    minutes = (time.time() - started) / 60
    return "\n".join([
        "# Kết quả đo hiệu năng dựng trang",
        "",
        f"Đo bằng `bench/run.py` ngày {dt.date.today():%d/%m/%Y}, mất {minutes:.0f} phút. Máy: {os.cpu_count()} nhân "
        f"({cpu_model()}), tải trung bình lúc bắt đầu {load[0]:.1f}; Python {platform.python_version()}, "
        f"MkDocs {importlib.metadata.version('mkdocs')}, Material {importlib.metadata.version('mkdocs-material')}.",
        "",
        "## Thời gian và bộ nhớ",
        "",
        *times,
        "",
        "## Dung lượng",
        "",
        *sizes,
        "",
        "Năm trang lớn nhất:",
        "",
        *largest,
        "",
        "## Tìm kiếm trong Chromium",
        "",
        *finding,
        "",
        *([f"Kế hoạch {', '.join(map(str, quick))} nhiệm vụ chỉ đo **một lần** (`--quick`): con số kém chắc chắn hơn trung vị "
           "của ba lần.", ""] if quick else []),
        "## Các cột",
        "",
        "- **nhiệm vụ**: số mục trong `sections[].tasks` của kế hoạch giả lập (kể cả mục tiêu đề và mục con), mỗi mục một "
        "trang; **báo cáo**: số tệp báo cáo tiến độ trong `data/updates/`; **trang**: số trang HTML của trang web dựng ra.",
        "- **lần đo**: số lần dựng dự án và nền, xen kẽ; kế hoạch nhỏ được đo nhiều lần hơn (100 nhiệm vụ dựng trong hai "
        "giây và xê dịch nửa giây giữa các lần). **dựng (s)**: thời gian thực (trung vị của các lần đo) của "
        "`mkdocs build --strict`, kể cả khởi động Python; "
        "**ms/trang**: thời gian đó chia cho số trang.",
        "- **nền (s)**: cùng phép đo với **nền**, một trang Material trơn (cùng ngôn ngữ, bảng màu, tính năng, CSS và JS "
        "của giao diện; không có hooks, không có macros), cùng số trang và cùng lượng chữ mỗi trang, thanh điều hướng chỉ "
        "có vài trang chỉ mục. **so với nền**: dựng chia cho nền, tức là dự án tốn gấp bao nhiêu lần mức tối thiểu của "
        "MkDocs với cùng số trang. Hai điều dự án làm mà nền không làm: các tệp tải về (Excel, lịch, JSON, báo cáo Word) "
        "được lập trong một tiến trình con, trên nhân thứ hai của máy, trong lúc tiến trình chính dựng trang "
        "(`macros/build/parallel.py`); mẫu Jinja đã biên dịch (của dự án và của Material) được giữ giữa các lần dựng "
        "trong thư mục tạm của người dùng, nên lần dựng đầu trên một máy mới chậm hơn các lần sau chừng nửa giây.",
        "- **RSS đỉnh**: bộ nhớ lớn nhất tiến trình dựng dùng (`/usr/bin/time -f %M`).",
        "- **chữ nhiệm vụ**: tổng số byte UTF-8 của nội dung và các ô (chủ trì, phối hợp, sản phẩm, thời gian) của mọi "
        "nhiệm vụ; **trang web**: tổng dung lượng thư mục `site/` (HTML, tệp tải về, tài nguyên của giao diện).",
        "- **chỉ mục tìm kiếm**: `search/search_index.json`, chỉ được tải khi người đọc mở ô tìm kiếm; "
        "**chỉ mục / chữ**: chỉ mục chia cho chữ nhiệm vụ.",
        "- **trang lớn nhất**: tệp HTML lớn nhất (các trang liệt kê mọi nhiệm vụ: Tra cứu `tra-cuu/`, Tất cả nhiệm vụ "
        "`nhiem-vu/`, Bản in `ban-in/`); **lớn nhất ngoài ban-in/**: tệp lớn nhất còn lại.",
        "- **Tìm kiếm trong Chromium** (`bench/search.py`, Chromium không giao diện, trang web phục vụ từ máy này): "
        "**trang chủ** là lần mở đầu ở bề ngang điện thoại 390 px: số yêu cầu, tổng dung lượng các tệp đã tải khi nén "
        "gzip như GitHub Pages, số yêu cầu tới máy chủ khác; **chỉ mục tải khi mở trang**: trang có tải chỉ mục trước khi "
        "người đọc mở ô tìm kiếm không; **lần gõ đầu**: từ lúc gõ câu hỏi \"tin dung\" (khoảng 1/4 số nhiệm vụ "
        "có cả hai từ) trên trang vừa mở tới khi kết quả đầu tiên hiện (gồm cả tải và dựng chỉ mục, do bộ tìm kiếm chạy "
        "nền tự tải), gõ khi trang đã tải xong hẳn (không còn yêu cầu mạng nào), như người đọc mở trang rồi mới bấm ô "
        f"tìm kiếm; đo trên {search.COLD} trang mở mới, lấy trung vị, vì một lần đo xê dịch chừng ±100 ms trên máy "
        "2 nhân đang bận; **gõ ngay khi tải xong**: cùng phép đo, gõ ngay lúc trang báo đã tải (sự kiện load), khi "
        "trình duyệt còn đang dựng trang, trường hợp xấu nhất; **gõ khi đã sẵn sàng**: cùng phép đo cho 20 câu hỏi sau "
        "đó; **đúng nhiệm vụ đứng "
        "đầu**: với tối đa 300 nhiệm vụ rải đều, bốn từ liền nhau chỉ có trong chữ của nhiệm vụ đó (từ cuối coi như đang "
        "gõ dở), gõ không dấu: số nhiệm vụ mà trang của chính nó đứng đầu kết quả.",
        "",
    ])


def runs_for(tasks: int, asked: int) -> int:
    """Small plans are built more times: a 100-task build takes two seconds and moves by half a second from one
    run to the next on this machine, so three runs left its ratio to the floor to chance, for little time saved."""
    return asked * 3 if tasks < 1000 else asked + 2 if tasks < 5000 else asked


def main() -> None:
    parser = argparse.ArgumentParser(description="Đo thời gian dựng trang với kế hoạch giả lập, so với một trang Material trơn.")
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES, help="số nhiệm vụ (mặc định: 100 1000 5000)")
    parser.add_argument("--runs", type=int, default=3,
                        help="số lần đo kế hoạch từ 5.000 nhiệm vụ (mặc định 3; cỡ nhỏ hơn đo nhiều lần hơn; báo trung vị)")
    parser.add_argument("--quick", action="store_true", help="kế hoạch từ 5.000 nhiệm vụ chỉ đo một lần")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    started, load = time.time(), os.getloadavg()
    rows = []
    for tasks in args.sizes:
        quick = args.quick and tasks >= 5000 and args.runs > 1
        runs = 1 if quick else runs_for(tasks, args.runs)
        print(f"{tasks} nhiệm vụ, {runs} lần đo…", flush=True)
        with tempfile.TemporaryDirectory(prefix=f"ke-hoach-bench-{tasks}-") as tmp:
            rows.append(measure(tasks, runs, quick, Path(tmp)))
    text = results_markdown(rows, started, load)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    if ROLLUP_START in old:  # bench/rollup.py's section is its own: kept as it is
        text = text.rstrip("\n") + "\n\n" + old[old.index(ROLLUP_START):]
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
