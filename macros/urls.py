"""Every address of the site, made here and nowhere else.

A task's page, a unit's page, a filtered Tra cứu view, a download and the
feed are all published addresses: people bookmark them, other agencies
link to them and the open data files print them. Writing them in one
small module keeps pages, templates, exports, the feed, the search
fields and the tests from ever disagreeing about where a page lives.

Addresses are site-relative, directory style ("nhiem-vu/v-8/"), with the
home page as "". :func:`absolute` adds the published site address. The
repository's own addresses (edit, view, new report) are GitHub's, made by
:class:`macros.site.facts.Repo`.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from .plan.model import task_slug

HOME = ""
SECTIONS = "phan/"
UNITS = "don-vi/"
KINDS = "san-pham/"
SCHEDULES = "thoi-gian/"
ALL_TASKS = "nhiem-vu/"
LOOKUP = "tra-cuu/"
LOOKUP_DATA = "tra-cuu/nhiem-vu.json"
"""Tra cứu's rows as compact data, loaded once by tra-cuu.js."""
REPORT_FORM = "bao-cao/"
REPORT_FORM_DATA = "bao-cao/bieu-mau.json"
"""The report form's rules and choices (schema, tasks, units), loaded once by bao-cao-form.js."""
REPORT_FORM_TASK = "nhiem-vu"
"""The form's address parameter naming the task to report on, by its slug: bao-cao/?nhiem-vu=v-8."""
DOWNLOADS = "du-lieu/"
PRINT = "ban-in/"
ABOUT = "gioi-thieu/"
GUIDE = "huong-dan/"
DATA_FORMAT = "dinh-dang-du-lieu/"
"""The hand-written page for programs reading plan.json: its fields, versioning rule and changelog."""
FEED = "feed.xml"
SEARCH_INDEX = "search/search_index.json"
SEARCH_CONFIG = "search/search_config.json"
"""The index's configuration alone: what Material's bundle downloads (docs/assets/search-vi.js asks for it in place
of the index), while the site's search worker downloads the index itself."""
SEARCH_WORKER = "assets/search-worker.js"
SEARCH_SCRIPT = "assets/search-vi.js"
"""Loaded by every page before Material's bundle; the page gives it the worker's, the configuration's and the
index's addresses, each with its content hash (macros/site/assets.py)."""

DUE_SCHEDULE = "co-thoi-han"
"""The schedule page that lists every task with a due date (made from the due dates, not a registry entry)."""


def task(task_id: str) -> str:
    """V.8 → nhiem-vu/v-8/: stable, whatever the task's wording (the slug is the task's, see the model)."""
    return f"{ALL_TASKS}{task_slug(task_id)}/"


def report_form(task_id: str) -> str:
    """The report form with the task chosen (a task page's "Báo cáo tiến độ" button): bao-cao/?nhiem-vu=v-8."""
    return f"{REPORT_FORM}?{urlencode({REPORT_FORM_TASK: task_slug(task_id)})}"


def section(section_id: str) -> str:
    return f"{SECTIONS}{section_id.lower()}/"


def unit(unit_id: str) -> str:
    return f"{UNITS}{unit_id}/"


def kind(kind_id: str) -> str:
    return f"{KINDS}{kind_id}/"


def schedule(schedule_id: str) -> str:
    return f"{SCHEDULES}{schedule_id}/"


def download(file_name: str) -> str:
    return f"{DOWNLOADS}{file_name}"


def report_anchor(record_id: str) -> str:
    """The id of a progress report in its task page's history (record ids are ASCII by construction)."""
    return f"bao-cao-{record_id}"


def report(task_id: str, record_id: str) -> str:
    """One progress report, where it stands in its task's history."""
    return f"{task(task_id)}#{report_anchor(record_id)}"


LOOKUP_FIELDS = {
    "unit": "don-vi", "role": "vai-tro", "groups": "nhom", "kind": "san-pham",
    "schedule": "thoi-gian", "section": "phan", "words": "tu-khoa",
}
"""Tra cứu's filters: the form's field names, which are also the address's parameters (docs/assets/tra-cuu.js)."""
LEAD_ROLE = "chu-tri"
COORDINATING_ROLE = "phoi-hop"


def lookup(
    unit: str | None = None,
    role: str | None = None,
    groups: bool = False,
    kind: str | None = None,
    schedule: str | None = None,
    section: str | None = None,
    words: str | None = None,
) -> str:
    """Tra cứu with its filters in the address, as a unit page links to it and a user can share it.

    The names are those the page's script reads (docs/assets/tra-cuu.js).
    ``role`` is :data:`LEAD_ROLE` or :data:`COORDINATING_ROLE`; ``groups``
    also counts tasks given to a group the unit belongs to."""
    values = {
        "unit": unit, "role": role, "groups": "1" if groups else None,
        "kind": kind, "schedule": schedule, "section": section, "words": words,
    }
    return with_query(LOOKUP, LOOKUP_FIELDS, values)


ROLLUP = "tong-hop/"
"""A rollup's overview: one row per member (only on a site with extra.ke_hoach.rollup)."""
ROLLUP_DATA = "tong-hop/thanh-vien.json"
"""Every member's row as compact data, loaded by tong-hop.js to sort and filter across all members."""
ROLLUP_MEMBERS = "tong-hop/thanh-vien/"
ROLLUP_TASKS = "tong-hop/nhiem-vu/"
"""Phân công theo nhiệm vụ: each task of the rollup's own plan with the members that implement it."""
ROLLUP_LOOKUP = "tong-hop/tra-cuu/"
ROLLUP_LOOKUP_INDEX = "tong-hop/tra-cuu/thanh-vien.json"
"""The members' names and which shard holds each one's tasks (tong-hop-tra-cuu.js)."""

ROLLUP_FIELDS = {
    "words": "tu-khoa", "level": "cap", "status": "trang-thai", "stale": "cu", "overdue": "qua-han",
    "sort": "sap-xep", "order": "chieu", "page": "trang",
}
"""The overview's filters and sort, as address parameters (docs/assets/tong-hop.js): ?cap=xa&qua-han=1&sap-xep=…"""
ROLLUP_LOOKUP_FIELDS = {
    "words": "tu-khoa", "unit": "don-vi", "member": "thanh-vien", "status": "trang-thai", "overdue": "qua-han",
    "page": "trang",
}
"""The rollup's search across members, as address parameters (docs/assets/tong-hop-tra-cuu.js)."""
DESCENDING = "giam"


def rollup_member(slug: str) -> str:
    """A member's page, named by its slug (macros.rollup.members.member_slug: ASCII, stable)."""
    return f"{ROLLUP_MEMBERS}{slug}/"


def rollup_task(task_id: str) -> str:
    """The cascade of one task of the rollup's own plan: V.8 → tong-hop/nhiem-vu/v-8/."""
    return f"{ROLLUP_TASKS}{task_slug(task_id)}/"


def rollup_lookup_shard(number: int) -> str:
    """One shard of the members' tasks for the rollup's search, loaded when a search needs it."""
    return f"{ROLLUP_LOOKUP}nhiem-vu-{number}.json"


def rollup_filtered(**values: str) -> str:
    """The overview with filters and sort in its address, by their names in :data:`ROLLUP_FIELDS`."""
    return with_query(ROLLUP, ROLLUP_FIELDS, values)


def rollup_lookup(**values: str) -> str:
    """The rollup's search with filters in its address, by their names in :data:`ROLLUP_LOOKUP_FIELDS`."""
    return with_query(ROLLUP_LOOKUP, ROLLUP_LOOKUP_FIELDS, values)


def with_query(url: str, fields: Mapping[str, str], values: Mapping[str, str | None]) -> str:
    """``url`` with the ``values`` that are set as its query, each under its parameter's name in ``fields``."""
    query = urlencode([(fields[name], value) for name, value in values.items() if value])
    return f"{url}?{query}" if query else url


def part(url: str, number: int) -> str:
    """Page ``number`` of a long list: the list's own address for the first, then phan/v/trang-2/ …"""
    return url if number == 1 else f"{url}trang-{number}/"


def source_path(url: str) -> str:
    """The Markdown file a generator serves at ``url``: "" → index.md, nhiem-vu/v-8/ → nhiem-vu/v-8/index.md.

    Every page is a folder's index, so the source path and the address
    can be turned into each other without a table."""
    return f"{url}index.md"


def site_base(site_url: str | None) -> str | None:
    """The published site address with exactly one trailing slash, or None when it is not set."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/"


def absolute(site_url: str | None, url: str) -> str | None:
    """``url`` on the published site, or None when the site address is not set."""
    base = site_base(site_url)
    return f"{base}{url}" if base else None
