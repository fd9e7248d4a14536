"""Any valid plan builds, and its pages hold what the plan says: plans made at random by hypothesis.

Each example is a plan with xa-mau's document facts and random sections, tasks, units with Vietnamese names
(some of them groups with members), kinds of deliverable and schedules, some dates due, and progress reports
by the units that take part. It is built with
`mkdocs build --strict`; then, on the HTML:
- every task is on exactly one section page, and has its own page, which shows each of its reports;
- every task is on the page of each unit its cells name (or a group the unit belongs to), and on no other;
- every internal link of every page leads to a file of the site.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import shutil
import sys
import urllib.parse
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import PLAN_IN_PROJECT, ROOT, XA_MAU, BuiltSite, build_site, copy_project
from macros import urls

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402

pytestmark = pytest.mark.build

EXAMPLES = 6  # each one is a full build of a few seconds

SYLLABLES = ["Hội", "Phòng", "Trạm", "Ban", "Đoàn", "Văn", "hóa", "Xã", "hội", "Nông", "nghiệp", "Y", "tế", "Giáo",
             "dục", "Kinh", "tế", "Quân", "sự", "Công", "an", "Thanh", "niên", "Phụ", "nữ", "Cựu", "chiến", "binh"]
WORDS = ["tuyên", "truyền", "vận", "động", "người", "dân", "thực", "hiện", "chính", "sách", "tín", "dụng", "hộ",
         "nghèo", "vay", "vốn", "sản", "xuất", "kinh", "doanh", "kiểm", "tra", "giám", "sát", "báo", "cáo", "kết",
         "quả", "đôn", "đốc", "thu", "hồi", "nợ", "quá", "hạn", "trên", "địa", "bàn", "thôn", "làng"]
ROMAN = ["I", "II", "III", "IV"]
META = yaml.safe_load((XA_MAU / "plan.yaml").read_text(encoding="utf-8"))["plan"]


def sentence(draw: st.DrawFn, least: int, most: int) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=least, max_size=most))
    return (" ".join(words).capitalize() + ".") if words else ""


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    agencies = draw(st.integers(2, 6))
    groups = draw(st.integers(0, 2))
    names = draw(st.lists(st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=5).map(" ".join),
                          min_size=agencies + groups, max_size=agencies + groups, unique=True))
    units: list[dict[str, Any]] = []
    for i in range(agencies + groups):
        unit = {"id": f"don-vi-{i + 1}", "name": names[i], "short": names[i],
                "kind": "agency" if i < agencies else "group"}
        units.append(unit)
    group_ids = [u["id"] for u in units if u["kind"] == "group"]
    for unit in units:
        agency = unit["kind"] == "agency"
        unit["member_of"] = draw(st.lists(st.sampled_from(group_ids), unique=True, max_size=1)) if agency and group_ids else []
    kinds = [{"id": f"san-pham-{i + 1}", "name": f"Sản phẩm {i + 1}"} for i in range(draw(st.integers(1, 3)))]
    schedules = [{"id": f"thoi-gian-{i + 1}", "name": f"Thời gian {i + 1}"} for i in range(draw(st.integers(0, 2)))]
    unit_ids = [u["id"] for u in units]
    sections = []
    for s in range(draw(st.integers(1, 3))):
        tasks = []
        for t in range(draw(st.integers(1, 4))):
            due = draw(st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)))
            schedule: dict[str, Any] = {
                "text": sentence(draw, 1, 3),
                "kinds": draw(st.lists(st.sampled_from([x["id"] for x in schedules]), unique=True, max_size=1))
                if schedules else [],
            }
            if due:
                schedule |= {"due": due, "due_precision": "day"}
            lead = draw(st.lists(st.sampled_from(unit_ids), min_size=1, max_size=2, unique=True))
            coordinating = draw(st.lists(st.sampled_from([u for u in unit_ids if u not in lead]), max_size=2, unique=True))
            tasks.append({
                "id": f"{ROMAN[s]}.{t + 1}", "number": str(t + 1), "content": [sentence(draw, 4, 30)],
                "lead": {"text": "; ".join(units[unit_ids.index(u)]["name"] for u in lead), "units": lead},
                "coordinating": {"text": "; ".join(units[unit_ids.index(u)]["name"] for u in coordinating),
                                 "units": coordinating},
                "deliverable": {"text": sentence(draw, 1, 4),
                                "kinds": draw(st.lists(st.sampled_from([k["id"] for k in kinds]), min_size=1,
                                                       max_size=2, unique=True))},
                "schedule": schedule,
            })
        sections.append({"id": ROMAN[s], "title": sentence(draw, 3, 12), "tasks": tasks})
    plan = {"plan": META, "units": units, "deliverable_kinds": kinds, "schedules": schedules, "sections": sections}
    # Progress reports by units that take part, as the benchmark's generator writes them (checked there).
    plan["updates"] = generate.generate_updates(plan, seed=draw(st.integers(0, 10_000)), share=0.5)
    return plan


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_project(tmp_path_factory.mktemp("properties") / "project", XA_MAU)
    shutil.rmtree(folder / "data" / "updates")
    return folder


def task_ids(site: BuiltSite, url: str) -> list[str]:
    return site.tree(url).xpath("//article//a[contains(@class,'kh-id')]/text()")


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan=plans())
def test_any_valid_plan_builds_and_its_pages_hold_what_it_says(project: Path, tally: Counter[str], plan: dict[str, Any]) -> None:
    reports = plan.pop("updates")
    (project / PLAN_IN_PROJECT).write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    updates = project / "data" / "updates"
    shutil.rmtree(updates, ignore_errors=True)
    updates.mkdir()
    for name, report in reports.items():
        (updates / name).write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = project.parent / "site"
    shutil.rmtree(out, ignore_errors=True)
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    site = BuiltSite(out, project)

    tasks = [t for s in plan["sections"] for t in s["tasks"]]
    on_sections = [i for s in plan["sections"] for i in task_ids(site, urls.section(s["id"]))]
    assert sorted(on_sections) == sorted(t["id"] for t in tasks)  # each task once, on one section page
    for task in tasks:
        assert site.path(urls.task(task["id"])).exists(), task["id"]

    for report in reports.values():  # every report is on its task's page
        assert " ".join(report["note"].split()) in site.text(urls.task(report["task"])), report
    tally["Báo cáo của các kế hoạch ngẫu nhiên, hiện trên trang nhiệm vụ"] += len(reports)

    groups_of = {u["id"]: set(u.get("member_of", [])) for u in plan["units"]}
    for unit in plan["units"]:
        named = {unit["id"]} | groups_of[unit["id"]]
        expected = {t["id"] for t in tasks if named & set(t["lead"]["units"] + t["coordinating"]["units"])}
        assert set(task_ids(site, urls.unit(unit["id"]))) == expected, unit["id"]

    for page in site.root.rglob("*.html"):
        if page.name == "404.html":
            continue
        here = page.parent.relative_to(site.root).as_posix()
        for link in site.tree(here + "/" if here != "." else "").xpath("//a/@href | //link/@href | //script/@src"):
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(here, parts.path))
            path = site.root / target
            assert path.is_file() or (path / "index.html").is_file(), (here, link)
    tally["Kế hoạch ngẫu nhiên (hypothesis) đã dựng và kiểm tra"] += 1
