"""Addresses of the site's pages, relative to the site root, in one place.

Templates, the feed, the exports and the tests all need to agree on where
a task or a unit lives; naming each address once keeps a renamed folder
from breaking links silently. Addresses are directory-style ("nhiem-vu/v-8/")
because the site is built with ``use_directory_urls``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from ..plan.model import task_slug

HOME = ""
SECTIONS = "phan/"
UNITS = "don-vi/"
KINDS = "san-pham/"
SCHEDULES = "thoi-gian/"
ALL_TASKS = "nhiem-vu/"
LOOKUP = "tra-cuu/"
ABOUT = "gioi-thieu/"
GUIDE = "huong-dan/"
DOWNLOADS = "du-lieu/"
PRINT = "ban-in/"
FEED = "feed.xml"
SEARCH_INDEX = "search/search_index.json"

DUE_SCHEDULE = "co-thoi-han"
"""The schedule page that lists every task with a due date (not a registry entry)."""


def task(task_id: str) -> str:
    """V.8 → nhiem-vu/v-8/: stable, whatever the task's wording."""
    return f"{ALL_TASKS}{task_slug(task_id)}/"


def section(section_id: str) -> str:
    return f"{SECTIONS}{section_id.lower()}/"


def unit(unit_id: str) -> str:
    return f"{UNITS}{unit_id}/"


def kind(kind_id: str) -> str:
    return f"{KINDS}{kind_id}/"


def schedule(schedule_id: str) -> str:
    return f"{SCHEDULES}{schedule_id}/"


def download(name: str) -> str:
    return f"{DOWNLOADS}{name}"


def lookup(
    unit: str | None = None,
    role: str | None = None,
    groups: bool = False,
    kind: str | None = None,
    schedule: str | None = None,
    section: str | None = None,
    words: str | None = None,
) -> str:
    """Tra cứu with filters in the address, as a unit page links to it and a user can share it.

    ``role`` is "chu-tri" or "phoi-hop"; ``groups`` also counts tasks given to
    a group the unit belongs to."""
    params = [
        ("don-vi", unit), ("vai-tro", role), ("nhom", "1" if groups else None),
        ("san-pham", kind), ("thoi-gian", schedule), ("phan", section), ("tu-khoa", words),
    ]
    query = urlencode([(name, value) for name, value in params if value])
    return f"{LOOKUP}?{query}" if query else LOOKUP
