"""Synthetic members of a rollup: the plan.json each commune's site would publish, made by the real exporter.

Each member is a plan of :mod:`bench.generate` (its own texts, units and reports) under a commune's
name, exported by :func:`macros.exports.plan_json.plan_json` as its site would. Given the rollup's own
plan, a share of each member's tasks say which of its tasks they implement (``implements``), and a
parent task or two is left to nobody, as a real cascade has gaps. Used by the tests and ``bench/rollup.py``;
the same index and seed always give the same bytes.

    python bench/members.py 100 /tmp/members   # writes 00001.json … and province.yaml there
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.generate import REFERENCE_DATE, dump, generate_plan, generate_updates  # noqa: E402
from macros.exports.plan_json import plan_json  # noqa: E402
from macros.plan.model import Plan  # noqa: E402
from macros.progress.state import state_of  # noqa: E402
from macros.progress.updates import Update, UpdateRecord  # noqa: E402

FIRST = ["An", "Bình", "Hòa", "Tân", "Phú", "Thạnh", "Long", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Vĩnh", "Quang",
         "Thuận", "Hưng", "Đức", "Nghĩa", "Trà", "Sơn", "Ba", "Minh", "Tịnh", "Phước", "Xuân", "Hải", "Kim", "Lộc"]
SECOND = ["Phong", "Lạc", "Thành", "Hiệp", "Lợi", "Khánh", "Điền", "Tiến", "Thọ", "Hải", "Giang", "Dinh", "Tô",
          "Nguyên", "Trung", "Mỹ", "Hòa", "Xuân", "An", "Phú", "Định", "Châu", "Bình", "Sơn", "Quý", "Tường"]
LEVELS = [("xa", "Xã"), ("xa", "Xã"), ("xa", "Xã"), ("phuong", "Phường"), ("dac-khu", "Đặc khu")]
PROVINCE_ISSUER = "Ủy ban nhân dân tỉnh Bình Sơn"
PROVINCE_NUMBER = "17/KH-UBND"
PARENT_BASIS = "kh-17-kh-ubnd"


@dataclass(frozen=True)
class GeneratedMember:
    index: int
    name: str
    code: str
    level: str
    data: bytes


def member_name(index: int) -> tuple[str, str, str]:
    """(name, five-digit code, level) of the ``index``-th member: names repeat across a nation, codes do not."""
    rng = random.Random(f"name-{index}")
    level, prefix = rng.choice(LEVELS)
    return f"{prefix} {rng.choice(FIRST)} {rng.choice(SECOND)}", f"{index:05d}", level


def province_plan(tasks: int = 24, seed: int = 17) -> Plan:
    """The rollup's own plan: a province's plan whose tasks its communes implement."""
    data = generate_plan(tasks, seed)
    meta = data["plan"]
    meta.update(issuer=PROVINCE_ISSUER, number=PROVINCE_NUMBER, province="tỉnh Bình Sơn",
                title="Kế hoạch thực hiện chính sách tín dụng xã hội của tỉnh Bình Sơn (bản thử)")
    return Plan.model_validate(data)


def member_plan_json(index: int, *, parent: Plan | None = None, tasks: int | None = None, stale: bool = False,
                     reference: dt.date = REFERENCE_DATE, implements_share: float = 0.6,
                     site: str | None = None) -> GeneratedMember:
    """One member's plan.json. ``stale``: no report in the last 120 days. Parent tasks numbered last in the
    parent plan are never implemented (the cascade's gap a test can name)."""
    rng = random.Random(f"member-{index}")
    name, code, level = member_name(index)
    data = generate_plan(tasks or rng.randint(12, 60), seed=index)
    meta = data["plan"]
    named = name if level == "dac-khu" else name[0].lower() + name[1:]  # "xã Bình Lạc": the name keeps its capitals
    meta.update(issuer=f"Ủy ban nhân dân {named}", title=f"Nhiệm vụ của {name}",
                province="tỉnh Bình Sơn", number=f"{rng.randint(10, 200)}/KH-UBND")
    if parent is not None:
        meta["legal_bases"].insert(0, {"id": PARENT_BASIS, "title": f"Kế hoạch số {PROVINCE_NUMBER} của {PROVINCE_ISSUER}",
                                       "number": PROVINCE_NUMBER, "issuer": PROVINCE_ISSUER})
    plan = Plan.model_validate(data)
    reports = generate_updates(data, seed=index, share=0.5, reference=reference)
    cutoff = reference - dt.timedelta(days=120)
    records = [
        UpdateRecord(Update.model_validate(r), f"updates/{file}", file.removesuffix(".yaml"))
        for file, r in sorted(reports.items()) if not stale or r["date"] < cutoff
    ]
    state = state_of(plan, records, reference, [])
    document = json.loads(plan_json(plan, reference, site or f"https://xa-{code}.example.gov.vn/", None, state))
    if parent is not None:
        _link(document, parent, rng, implements_share)
    return GeneratedMember(index, name, code, level, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode())


def gap_tasks(parent: Plan) -> list[str]:
    """The parent's tasks no generated member implements: its last two leaf tasks."""
    return [t.id for t in parent.leaf_tasks[-2:]]


def _link(document: dict[str, Any], parent: Plan, rng: random.Random, share: float) -> None:
    """``implements`` in the shape plan.json publishes it (minor 1), on about ``share`` of the leaf tasks."""
    gaps = set(gap_tasks(parent))
    targets = [t.id for t in parent.leaf_tasks if t.id not in gaps]
    for task in document["tasks"]:
        if not task["heading"] and rng.random() < share:
            task["implements"] = [{"plan": PARENT_BASIS, "task": rng.choice(targets), "plan_number": PROVINCE_NUMBER,
                                   "plan_issuer": PROVINCE_ISSUER}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    parent = province_plan()
    (args.folder / "province.yaml").write_text(dump(parent.model_dump(mode="json", exclude_defaults=True)), encoding="utf-8")
    for i in range(1, args.count + 1):
        member = member_plan_json(i, parent=parent, stale=i % 7 == 0)
        (args.folder / f"{member.code}.json").write_bytes(member.data)
    print(f"{args.count} thành viên trong {args.folder}")


if __name__ == "__main__":
    main()
