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
from macros.rollup.model import HarvestRecord, MemberRollup
from macros.rollup.snapshot import read_records, write_member, write_records
from macros.site.pages import Site

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


def rollup_site(project: Path, page_size: int = 100) -> Site:
    """The core's Site of a rollup project (no MkDocs), on :data:`REFERENCE_DATE`, as the build makes it."""
    from macros.build.project import load_project, load_rollup
    from macros.site.facts import BuildFacts, Repo

    loaded = load_project(project, "data/plan.yaml", "data/updates", REFERENCE_DATE)
    facts = BuildFacts(reference_date=REFERENCE_DATE, site_url="https://vi-du.github.io/tong-hop/",
                       repo=Repo("https://github.com/vi-du/tong-hop"), page_size=page_size)  # fmt: skip
    rollup = load_rollup(project, "data/rollup.yaml", "data/harvest", REFERENCE_DATE, loaded.plan)
    return Site(loaded.plan, loaded.progress(REFERENCE_DATE), facts, rollup)


FAILED_WITH_COPY = "máy chủ trả lời HTTP 503 (Service Unavailable)."
FAILED_WITHOUT_COPY = "không kết nối được tới máy chủ (hết thời gian chờ)."


def sample_members(parent: Plan, count: int = 8) -> list[Fake]:
    """The members the rollup page tests follow: the 3rd and 5th stale, the 6th failed with its last good copy kept,
    the 7th failed with no copy at all."""
    fakes = members(count, parent, stale={3, 5})
    fakes[5].reason = FAILED_WITH_COPY
    fakes[6].reason, fakes[6].had_copy = FAILED_WITHOUT_COPY, False
    return fakes


def add_rollup_member(project: Path, name: str, code: str, data: MemberRollup) -> str:
    """A member that is itself a rollup (its rollup.json harvested as ``data``), added after the others; returns its slug."""
    path = project / "data/rollup.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["members"].append({"name": name, "code": code, "level": "tinh",
                                "rollup_json": f"https://tinh-{code}.example.gov.vn/du-lieu/rollup.json"})
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    slug, member = load_members(project).members[-1]
    folder = project / "data/harvest"
    write_member(folder, slug, data)
    records = read_records(folder)
    records[slug] = HarvestRecord(source=member.source, outcome="moi", checked=HARVESTED, last_good=HARVESTED)
    write_records(folder, records)
    return slug


def set_page_size(project: Path, size: int) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n    page_size: 100\n" in text
    config.write_text(text.replace("\n    page_size: 100\n", f"\n    page_size: {size}\n"), encoding="utf-8")
