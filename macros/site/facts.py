"""What one build knows besides the plan: its date, its addresses, its licence and where the data lives.

Decided once per build by the generator's glue and handed to every page
builder, so that a download, the printed copy and a task page can never
disagree about the day they were made or the address they point to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from .. import urls
from ..text import vn_date


@dataclass(frozen=True)
class Repo:
    """The repository that holds the data, so pages can link to its editor."""

    url: str
    branch: str = "main"

    def blob(self, path: str, lines: tuple[int, int] | None = None) -> str:
        anchor = f"#L{lines[0]}-L{lines[1]}" if lines else ""
        return f"{self.url.rstrip('/')}/blob/{self.branch}/{path}{anchor}"

    def edit(self, path: str) -> str:
        return f"{self.url.rstrip('/')}/edit/{self.branch}/{path}"

    def new_file(self, directory: str, filename: str, value: str) -> str:
        """GitHub's web editor on a new, prefilled file: /new/<branch>/<dir>?filename=…&value=…"""
        query = urlencode({"filename": filename, "value": value}, quote_via=quote)
        return f"{self.new_file_base(directory)}?{query}"

    def new_file_base(self, directory: str) -> str:
        """GitHub's new-file editor in ``directory``, before its query: the report form (bao-cao/) adds
        the same ``filename`` and ``value`` parameters in the browser, encoded as :func:`urllib.parse.quote` does."""
        return f"{self.url.rstrip('/')}/new/{self.branch}/{directory}"


@dataclass(frozen=True)
class BuildFacts:
    """The facts of one build. ``licence`` is the checked Data Package licence dict, or None while unannounced."""

    reference_date: dt.date
    site_url: str | None = None
    licence: Mapping[str, str] | None = field(default=None, hash=False)
    repo: Repo | None = None
    plan_file: str = "data/plan.yaml"
    """The plan's path in the repository (edit and "view the data" links)."""
    updates_dir: str = "data/updates"
    """Where new progress reports are saved in the repository (the report button)."""
    task_lines: Mapping[str, tuple[int, int]] = field(default_factory=dict, hash=False)
    """First and last line of each task in the plan file."""
    page_size: int = 100
    """Most tasks on one page of a list; a longer list is split into numbered pages a phone can open."""

    @property
    def date_label(self) -> str:
        return vn_date(self.reference_date)

    @property
    def site_address(self) -> str | None:
        return urls.site_base(self.site_url)
