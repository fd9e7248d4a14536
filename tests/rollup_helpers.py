"""Rollup projects for tests: a province's project copy following generated members, harvested without a network.

:func:`rollup_project` writes what ``make harvest`` would leave (data/rollup.yaml, data/harvest/) by reading each
member's bytes through the same contract reader, so page and export tests need no server; the harvest itself is
tested against a loopback server in tests/test_rollup_harvest.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.generate import dump
from bench.members import GeneratedMember, member_plan_json, province_plan
from helpers import REFERENCE_DATE, copy_project
from macros.plan.model import Plan
from macros.rollup.contract import Refused, read_member
from macros.rollup.members import load_members
from macros.rollup.model import HarvestRecord
from macros.rollup.snapshot import write_member, write_records

HARVESTED = dt.datetime(2025, 10, 14, 20, 0, tzinfo=dt.UTC)


@dataclass
class Fake:
    """One member as a test wants it: its file's bytes, and how its last harvest went."""

    member: GeneratedMember
    reason: str | None = None
    """The last harvest failed for this reason (the member keeps any copy it had)."""
    had_copy: bool = True
    """With a reason: whether an earlier harvest left a good copy."""
    extra: dict[str, str] = field(default_factory=dict)
    """More keys of its members-file entry (site, level…)."""


def members(count: int, parent: Plan | None, stale: set[int] = frozenset()) -> list[Fake]:  # type: ignore[assignment]
    return [Fake(member_plan_json(i, parent=parent, stale=i in stale, reference=REFERENCE_DATE)) for i in range(1, count + 1)]


def rollup_project(dest: Path, fakes: list[Fake], own_plan: Plan | None = None) -> Path:
    """A project copy that is a rollup of ``fakes``, with ``own_plan`` (by default the generated province plan)."""
    project = copy_project(dest)
    plan = own_plan or province_plan()
    (project / "data").mkdir(exist_ok=True)
    (project / "data/plan.yaml").write_text(dump(plan.model_dump(mode="json", exclude_defaults=True)), encoding="utf-8")
    entries = [{"name": f.member.name, "code": f.member.code, "level": f.member.level,
                "plan_json": f"https://xa-{f.member.code}.example.gov.vn/du-lieu/plan.json", **f.extra} for f in fakes]
    (project / "data/rollup.yaml").write_text(yaml.safe_dump({"members": entries}, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n    page_size: 100\n" in text
    config.write_text(text.replace("\n    page_size: 100\n", "\n    page_size: 100\n    rollup: data/rollup.yaml\n"),
                      encoding="utf-8")
    fake_harvest(project, fakes)
    return project


def fake_harvest(project: Path, fakes: list[Fake]) -> None:
    """data/harvest/ as a harvest on :data:`HARVESTED` would leave it."""
    roster = load_members(project)
    folder = project / "data/harvest"
    records = {}
    for (slug, member), fake in zip(roster, fakes, strict=True):
        sha = hashlib.sha256(fake.member.data).hexdigest()
        earlier = HARVESTED - dt.timedelta(days=30)
        if fake.reason is None:
            try:
                write_member(folder, slug, read_member(fake.member.data, "plan"))
                records[slug] = HarvestRecord(source=member.source, outcome="moi", checked=HARVESTED,
                                              last_good=HARVESTED, sha256=sha)
            except Refused as exc:
                records[slug] = HarvestRecord(source=member.source, outcome="loi", reason=exc.reason, checked=HARVESTED)
        else:
            if fake.had_copy:
                write_member(folder, slug, read_member(fake.member.data, "plan"))
            records[slug] = HarvestRecord(source=member.source, outcome="loi", reason=fake.reason, checked=HARVESTED,
                                          last_good=earlier if fake.had_copy else None, sha256=sha if fake.had_copy else None)
    write_records(folder, records)
