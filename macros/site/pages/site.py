"""The site of one plan: every page, found by address or by kind, and what each shows."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Protocol

from ... import urls
from ...exports import DownloadInputs, make_downloads
from ...exports.periodic_report import whole_plan_period
from ...plan.model import Plan
from ...progress.state import PlanState
from ...rollup.figures import Rollup
from ..assets import Versions
from ..facts import BuildFacts
from ..views import Views
from .base import PageSpec, PageType, ordered_page_types


class MadeElsewhere(Protocol):
    """Files a generator has made meanwhile, out of this process (``macros.build.parallel.Pending``).

    The site only asks for them; the build, a layer above, decides how and where they are made."""

    def result(self) -> dict[str, bytes]: ...

    def close(self) -> None: ...


class Site:
    """A pure function of (plan, progress, build facts): nothing here knows the generator."""

    def __init__(self, plan: Plan, progress: PlanState, facts: BuildFacts, rollup: Rollup | None = None):
        self.plan = plan
        self.progress = progress
        self.facts = facts
        self.rollup = rollup
        """The members this site follows, when it is a rollup (``extra.ke_hoach.rollup``); None otherwise."""
        self.views = Views(plan, progress, facts)
        self.page_types: dict[str, PageType] = {kind.page_type: kind(self) for kind in ordered_page_types()}
        self.downloads: MadeElsewhere | None = None
        """The open data files, when the generator has them made elsewhere meanwhile (see :meth:`make_downloads`)."""

    @cached_property
    def pages(self) -> list[PageSpec]:
        return [spec for kind in self.page_types.values() for spec in kind.pages()]

    @cached_property
    def _page_by_kind_key(self) -> dict[tuple[str, str | None, int], PageSpec]:
        return {(p.page_type, p.key, p.part): p for p in self.pages}

    def page(self, kind: str, key: str | None = None, part: int = 1) -> PageSpec:
        try:
            return self._page_by_kind_key[(kind, key, part)]
        except KeyError:
            raise KeyError(f"không có trang {kind} {key} {part}") from None

    def context(self, spec: PageSpec) -> object:
        """The typed context the template of ``spec`` lays out."""
        return self.page_types[spec.page_type].context(spec.key, spec.part)

    @cached_property
    def data_files(self) -> dict[str, bytes]:
        """Files the pages load or link to, by published address: the open data downloads at the addresses
        people keep, Tra cứu's rows and the form's rules at their content-hashed addresses."""
        files = {urls.download(name): data for name, data in self.download_files.items()}
        files.update({self.versions[address]: data for address, data in self.loaded_files.items()})
        return files

    @cached_property
    def loaded_files(self) -> dict[str, bytes]:
        """The data files the pages' scripts load, by plain address (urls.LOOKUP_DATA …)."""
        return {address: data for kind in self.page_types.values() for address, data in kind.files().items()}

    @cached_property
    def versions(self) -> Versions:
        """The content-hashed address of every file a page loads (:mod:`macros.site.assets`): the site's own
        data files here; the generator adds its static files and the search index as it writes them."""
        versions = Versions()
        for address, data in self.loaded_files.items():
            versions.add(address, data)
        return versions

    @cached_property
    def download_files(self) -> dict[str, bytes]:
        """The open data files of this build, made once for both the Dữ liệu mở page and the site folder."""
        return self.downloads.result() if self.downloads is not None else self.make_downloads()

    def make_downloads(self) -> dict[str, bytes]:
        """Every download of the catalogue (``exports.catalogue``), the periodic report of the whole plan so
        far among them, made from the data alone: a second process can make them while this one renders."""
        facts = self.facts
        licence = dict(facts.licence) if facts.licence is not None else None
        inputs = DownloadInputs(self.plan, facts.reference_date, facts.site_url, licence, self.progress, self.report_period,
                                self.rollup)
        return make_downloads(inputs)

    @cached_property
    def report_period(self) -> tuple[dt.date, dt.date] | None:
        """The period of the Word report Dữ liệu mở offers (see :func:`whole_plan_period`)."""
        return whole_plan_period(self.progress)
