"""A project folder, read once: the plan, its reports and the site, for every driver of the core.

The MkDocs glue, the command line (``check``, ``report``) and ``diff`` all
start from a folder that holds a plan file and a folder of reports, named
by the site's settings. Reading them is written here once, so that the
three read the same files with the same checks, and a generator other
than MkDocs needs one call: :func:`load_site`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..plan.loader import Loaded, load_plan, task_lines
from ..plan.model import Plan
from ..plan.problems import Problem
from ..progress.refdate import reference_date
from ..progress.state import PlanState, state_of
from ..progress.updates import LoadedUpdates, load_updates
from ..rollup.figures import Rollup
from ..rollup.members import load_members
from ..rollup.snapshot import load_snapshot
from ..site.facts import BuildFacts, Repo
from ..site.pages import Site


@dataclass(frozen=True)
class Project:
    """The plan and reports of one folder, checked; file names in messages are relative to ``root``."""

    root: Path
    plan_file: str
    updates_dir: str
    loaded: Loaded
    updates: LoadedUpdates

    @property
    def plan(self) -> Plan:
        return self.loaded.plan

    @property
    def warnings(self) -> list[Problem]:
        return self.loaded.warnings + self.updates.warnings

    def progress(self, today: dt.date) -> PlanState:
        return state_of(self.plan, self.updates.records, today, self.warnings)


def load_project(root: Path, plan_file: str, updates_dir: str, today: dt.date | None) -> Project:
    """Read and check the plan, then its reports; ``today`` is the date no report may pass (None: not checked,
    as for a past revision, which has no reference date of its own). Raises DataError, the plan's errors first."""
    loaded = load_plan(root / plan_file, display=plan_file)
    updates = load_updates(root / updates_dir, loaded.plan, today, display=updates_dir, plan_file=plan_file)
    return Project(root, plan_file, updates_dir, loaded, updates)


@dataclass(frozen=True)
class Publishing:
    """What a site's settings add to the folder: where it is published, its repository, licence and page size."""

    site_url: str | None = None
    repo: Repo | None = None
    licence: dict[str, str] | None = None
    page_size: int = 100
    rollup: str | None = None
    """The members file, when the site is a rollup (``extra.ke_hoach.rollup``)."""
    harvest: str = "data/harvest"
    """The harvest's snapshot folder, which a rollup's build reads instead of the network."""


def load_rollup(root: Path, members_file: str, harvest: str, today: dt.date, plan: Plan | None) -> Rollup:
    """The members and their last harvested data, as committed: the build never fetches anything."""
    roster = load_members(root, members_file)
    return Rollup(roster, load_snapshot(root / harvest, roster), today, plan)


def load_site(root: Path, plan_file: str, updates_dir: str, publishing: Publishing) -> Site:
    """The whole site of a project folder, on the folder's reference date (its last commit, or SOURCE_DATE_EPOCH)."""
    today = reference_date(root)
    project = load_project(root, plan_file, updates_dir, today)
    facts = BuildFacts(
        reference_date=today,
        site_url=publishing.site_url,
        licence=publishing.licence,
        repo=publishing.repo,
        plan_file=plan_file,
        updates_dir=updates_dir,
        task_lines=task_lines(project.plan, project.loaded.document),
        page_size=publishing.page_size,
    )
    rollup = (load_rollup(root, publishing.rollup, publishing.harvest, today, project.plan)
              if publishing.rollup else None)  # fmt: skip
    return Site(project.plan, project.progress(today), facts, rollup)
