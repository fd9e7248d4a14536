"""How build time and page size grow with the number of tasks.

Makes synthetic plans from the real one (its tasks repeated across more
sections), builds each with `mkdocs build --strict`, and prints seconds,
total HTML and the size of one task page. Run: .venv/bin/python bench/build_bench.py [N ...]
Results are written down in bench/README.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: macros/ comes from the project being measured

from macros.site import urls  # noqa: E402

ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
          "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX"]


def synthetic_plan(tasks: int) -> dict:
    data = yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))
    leaves = [t for s in data["sections"] for t in s["tasks"] if not t.get("heading") and t["id"].count(".") == 1]
    per_section = max(1, -(-tasks // len(ROMANS)))
    sections, made = [], 0
    for roman in ROMANS:
        if made >= tasks:
            break
        items = []
        for n in range(1, per_section + 1):
            if made >= tasks:
                break
            source = dict(leaves[made % len(leaves)])
            source.update(id=f"{roman}.{n}", number=str(n))
            source.pop("note", None)
            items.append(source)
            made += 1
        sections.append({"id": roman, "title": f"Phần thử {roman}", "tasks": items})
    data["sections"] = sections
    return data


class NoAliases(yaml.SafeDumper):
    """Repeated tasks are written out in full: the project refuses YAML aliases in plan files."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def project_with(plan: dict, folder: Path) -> Path:
    """A copy of the project whose data/plan.yaml is ``plan``: another plan is built as an adopter builds it."""
    project = folder / "project"
    for name in ("docs", "macros"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "data").mkdir()
    text = yaml.dump(plan, Dumper=NoAliases, allow_unicode=True, sort_keys=False)
    (project / "data" / "plan.yaml").write_text(text, encoding="utf-8")
    return project


def build(tasks: int) -> tuple[float, int, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        project = project_with(synthetic_plan(tasks), Path(tmp))
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764547200"}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                       cwd=project, env=env, check=True)
        seconds = time.perf_counter() - start
        total = sum(p.stat().st_size for p in site.rglob("*.html"))
        task_page = (site / urls.task("I.1") / "index.html").stat().st_size
        index = (site / urls.SEARCH_INDEX).stat().st_size
        return seconds, total, task_page, index


def main(counts: list[int]) -> None:
    print("| nhiệm vụ | thời gian dựng (s) | tổng HTML (MB) | một trang nhiệm vụ (KB) | chỉ mục tìm kiếm (MB) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n in counts:
        seconds, total, task_page, index = build(n)
        print(f"| {n} | {seconds:.1f} | {total / 1e6:.1f} | {task_page / 1e3:.0f} | {index / 1e6:.2f} |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [23, 300, 1000])
