"""A rollup's own pages: the overview of its members (Tổng hợp) and the search across their tasks.

None of them exists on a site that is not a rollup (``Site.rollup`` is None): such a site keeps exactly
its pages. The overview is a plain, numbered table without JavaScript; with it, tong-hop.js sorts and
filters every member from one compact data file. The search loads the members' tasks in shards, only
those a search needs, so a nation's members stay searchable on a phone.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

from ... import urls
from ...progress.state import CLOSED
from ...rollup.figures import Rollup
from ...rollup.model import STATUSES, MemberPlan
from ...text import fold_diacritics
from ..assets import versioned
from ..rollup_views import (
    STALE_LABEL,
    STATE_LABELS,
    Chart,
    Headline,
    MemberRow,
    charts,
    headline,
    member_row,
    status_columns,
    vn_number,
    vn_time,
)
from .base import Pager, PageSpec, PageType, pager, register

T = TypeVar("T")


class RollupPageType(PageType):
    """A page type of a rollup only: no page at all when the site is not one."""

    def pages(self) -> list[PageSpec]:
        return self.rollup_pages() if self.site.rollup is not None else []

    def rollup_pages(self) -> list[PageSpec]:
        raise NotImplementedError

    @property
    def rollup(self) -> Rollup:
        if self.site.rollup is None:
            raise RuntimeError("trang tổng hợp cần extra.ke_hoach.rollup")
        return self.site.rollup

    def compact(self, data: object) -> bytes:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Group(Generic[T]):
    """One list of a page cut into numbered pages (a member's overdue tasks, the members missing a task…)."""

    items: list[T]
    total: int
    continued: bool
    """The list began on an earlier page: its heading says "(tiếp theo)"."""


def grouped_parts(kind: PageType, groups: list[tuple[str, list[Any]]]) -> list[dict[str, Group[Any]]]:
    """The lists of a page, one after the other, cut into pages of the build's page size; an empty list is on the
    first page, so that the page can say there is nothing."""
    totals = {key: len(items) for key, items in groups}
    flat = [(key, item) for key, items in groups for item in items]
    parts: list[dict[str, Group[Any]]] = []
    seen: set[str] = set()
    for chunk in kind.chunks(flat):
        page = {}
        for key in dict.fromkeys(k for k, _ in chunk):
            page[key] = Group([item for k, item in chunk if k == key], totals[key], key in seen)
            seen.add(key)
        parts.append(page)
    empty: dict[str, Group[Any]] = {key: Group([], 0, False) for key, _ in groups if not totals[key]}
    parts[0] = {key: parts[0][key] if key in parts[0] else empty[key] for key, _ in groups if key in parts[0] or key in empty}
    return parts


@dataclass(frozen=True)
class RollupContext:
    today: str
    harvested: str | None
    headline: Headline
    charts: list[Chart]
    rows: list[MemberRow]
    first: int
    """The number of this page's first row."""
    statuses: list[tuple[str, str]]
    levels: list[tuple[str, str]]
    pager: Pager | None
    part: int
    data_url: str
    page_size: int
    fields: dict[str, str]
    stale_label: str
    tasks_index: bool
    """The rollup's own plan has tasks to follow down (Phân công theo nhiệm vụ)."""


ROLLUP_COLUMNS = ["slug", "url", "name", "code", "level", "level_label", "tasks", "statuses", "overdue", "reported", "last_iso",
                  "last_report", "stale", "state", "state_label", "reason"]  # fmt: skip
"""The columns of each row of urls.ROLLUP_DATA (tong-hop.js names them so)."""


@register
class RollupPage(RollupPageType):
    page_type = "rollup"
    url = urls.ROLLUP
    title = "Tổng hợp"
    in_nav = True
    scripts = ("assets/tong-hop.js",)

    @cached_property
    def rows(self) -> list[MemberRow]:
        return [member_row(f) for f in self.rollup.figures]

    @cached_property
    def parts(self) -> list[list[MemberRow]]:
        return self.chunks(self.rows)

    def rollup_pages(self) -> list[PageSpec]:
        return self.specs(None, self.url, self.title, len(self.parts))

    def context(self, key: str | None, part: int = 1) -> RollupContext:
        rollup = self.rollup
        checked = [e.record.checked for e in rollup.entries if e.record is not None]
        levels = {r.level: r.level_label for r in self.rows if r.level}
        return RollupContext(
            today=self.site.facts.date_label,
            harvested=vn_time(max(checked)) if checked else None,
            headline=headline(rollup.figures, rollup.total),
            charts=charts(rollup.figures),
            rows=self.parts[part - 1],
            first=sum(len(p) for p in self.parts[: part - 1]) + 1,
            statuses=status_columns(),
            levels=sorted(levels.items(), key=lambda item: item[1]),
            pager=pager(self.url, part, len(self.parts)),
            part=part,
            data_url=self.site.versions[urls.ROLLUP_DATA],
            page_size=self.site.facts.page_size,
            fields=urls.ROLLUP_FIELDS,
            stale_label=STALE_LABEL,
            tasks_index=bool(rollup.cascade),
        )

    def files(self) -> dict[str, bytes]:
        """Every member as one compact row, for sorting and filtering across all members in the browser."""
        if self.site.rollup is None:
            return {}
        data = {
            "fields": urls.ROLLUP_FIELDS, "descending": urls.DESCENDING, "statuses": status_columns(),
            "states": STATE_LABELS, "stale_label": STALE_LABEL, "columns": ROLLUP_COLUMNS,
            "rows": [self._row(r) for r in self.rows],
        }  # fmt: skip
        return {urls.ROLLUP_DATA: self.compact(data)}

    def _row(self, r: MemberRow) -> list[object]:
        c = r.counts
        return [
            r.slug, r.url, r.name, r.code, r.level, r.level_label, c.tasks if c else None,
            [s.count for s in r.statuses] if c else None, c.overdue if c else None, r.reported_pct, r.last_iso,
            r.last_report, int(r.stale), r.state.key, r.state.label, r.state.reason,
        ]  # fmt: skip


SHARD_BYTES = 1_500_000
"""Most bytes of one shard of the members' tasks: a phone downloads and reads one in a moment."""
LOOKUP_COLUMNS = ["member", "id", "url", "text", "lead", "status", "overdue"]
"""The columns of each task row of a shard. ``member`` is the member's place in the index; ``url`` is null, the
rest of the address after the member's site (an https address, so the whole is the https address the member
published), or a list holding the whole address; ``status`` is a place in the index's "statuses"."""

MEMBER_COLUMNS = ["slug", "name", "url", "site", "first", "last"]
"""The columns of each member of the search's index: its first and last shard (numbered from 1), null without tasks.
The index's "shards" names each shard's file, beside the index."""


@dataclass(frozen=True)
class RollupLookupContext:
    index_url: str
    page_size: int
    members: str
    tasks: str
    statuses: list[tuple[str, str]]
    fields: dict[str, str]
    example_words: str


@dataclass(frozen=True)
class Shards:
    index: bytes
    shards: list[bytes]
    tasks: int


@register
class RollupLookupPage(RollupPageType):
    page_type = "rollup_lookup"
    title = "Tra cứu nhiệm vụ các thành viên"
    search = False
    scripts = ("assets/tong-hop-tra-cuu.js",)

    def rollup_pages(self) -> list[PageSpec]:
        return [self.spec(None, urls.ROLLUP_LOOKUP, self.title)]

    def context(self, key: str | None, part: int = 1) -> RollupLookupContext:
        shards = self.shards
        words = next((t.text for f in self.rollup.figures if isinstance(f.entry.data, MemberPlan)
                      for t in f.entry.data.leaf_tasks), "")  # fmt: skip
        return RollupLookupContext(
            index_url=self.site.versions[urls.ROLLUP_LOOKUP_INDEX],
            page_size=self.site.facts.page_size,
            members=vn_number(len(self.rollup.entries)),
            tasks=vn_number(shards.tasks),
            statuses=status_columns(),
            fields=urls.ROLLUP_LOOKUP_FIELDS,
            example_words=" ".join(fold_diacritics(words).split()[:3]),
        )

    def files(self) -> dict[str, bytes]:
        if self.site.rollup is None:
            return {}
        shards = self.shards
        files = {urls.ROLLUP_LOOKUP_INDEX: shards.index}
        files.update({urls.rollup_lookup_shard(n): data for n, data in enumerate(shards.shards, start=1)})
        return files

    @cached_property
    def shards(self) -> Shards:
        """Every member task as one compact row, in the members' order, cut into shards of at most SHARD_BYTES;
        the index names each member's first and last shard, so that a search of one member loads only those."""
        status_index = {s: i for i, s in enumerate(STATUSES)}
        shards: list[list[bytes]] = [[]]
        size = tasks = 0
        members: list[list[object]] = []
        for i, f in enumerate(self.rollup.figures):
            data, first = f.entry.data, None
            if isinstance(data, MemberPlan):
                for t in data.leaf_tasks:
                    row = self.compact([i, t.id, _address(t.url, data.site_url), t.text, t.lead, status_index[t.status],
                                        int(t.overdue and t.status not in CLOSED)])  # fmt: skip
                    if shards[-1] and size + len(row) > SHARD_BYTES:
                        shards.append([])
                        size = 0
                    shards[-1].append(row)
                    size += len(row) + 1
                    tasks += 1
                    first = len(shards) if first is None else first
            site = data.site_url if isinstance(data, MemberPlan) else None
            members.append([f.entry.slug, f.entry.member.name, urls.rollup_member(f.entry.slug), site, first,
                            len(shards) if first is not None else None])  # fmt: skip
        index = {"fields": urls.ROLLUP_LOOKUP_FIELDS, "statuses": status_columns(), "columns": LOOKUP_COLUMNS,
                 "member_columns": MEMBER_COLUMNS, "members": members}  # fmt: skip
        blobs = [b'{"rows":[' + b",".join(rows) + b"]}" for rows in shards if rows]
        # Each shard by its content-hashed name (as Site.versions names it), beside the index that names it.
        index["shards"] = [posixpath.basename(versioned(urls.rollup_lookup_shard(n), data)) for n, data in enumerate(blobs, 1)]
        return Shards(self.compact(index), blobs, tasks)


def _address(url: str | None, site: str | None) -> object:
    """A task's https address as a shard keeps it: after its member's site when it starts so (most do), else whole."""
    if url is None:
        return None
    if site and url.startswith(site):
        return url[len(site):]
    return [url]

