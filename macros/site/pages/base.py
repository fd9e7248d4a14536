"""One builder class per page type, registered by its name.

Each :class:`PageType` answers two questions for its page type: which pages
exist (:meth:`~PageType.pages`) and what one of them shows
(:meth:`~PageType.context`, a typed dataclass its template reads), the way
Datasette adds a facet.

Adding a page type touches these files, and no others:

1. a :class:`PageType` subclass with ``@register`` in a module of this
   package (imported by ``__init__.py``), and its context dataclass;
2. its name in :data:`PAGE_ORDER` below (registering without it fails);
3. its template, ``macros/site/templates/<page type>.html``;
4. its address in ``macros/urls.py``;
5. ``tests/golden/<page type>.html``, written by ``UPDATE_GOLDEN=1`` (tests/test_golden_pages.py);
6. only for a page in the navigation: its entry in ``mkdocs.yml``'s ``nav``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ... import urls
from ..views import TaskView

if TYPE_CHECKING:
    from .site import Site

T = TypeVar("T")


@dataclass(frozen=True)
class PageSpec:
    """One page of the site: its address, title and page type (which names its builder and template)."""

    page_type: str
    key: str | None
    url: str
    title: str
    search: bool = True
    in_nav: bool = False
    search_boost: float = 1.0
    part: int = 1
    """Which page of a long list this is (1 for the first or only one)."""
    scripts: tuple[str, ...] = ()
    """Scripts of this page alone (site addresses), so that other pages do not download them."""
    waits_for_downloads: bool = False
    """Shows the download files, which are made meanwhile: a generator renders it after every other page."""


COMMON_SCRIPT = "assets/kh-common.js"
"""The functions the page scripts share (today in Vietnam, the fold), written once, loaded before them."""


class PageType(ABC):
    """The pages of one kind and what each shows."""

    page_type: ClassVar[str]
    in_nav: ClassVar[bool] = False
    """Index pages sit in the navigation; the many item pages do not."""
    search: ClassVar[bool] = True
    """Pages that repeat every task's text stay out of search, or they would outrank the task pages."""
    search_boost: ClassVar[float] = 1.0
    """Names people type (a unit, a kind of deliverable, a task) lead to their own page first."""
    scripts: ClassVar[tuple[str, ...]] = ()
    """What the pages of this kind run besides the site's own scripts (docs/assets/…); a page with a script
    of its own loads :data:`COMMON_SCRIPT` just before it."""
    waits_for_downloads: ClassVar[bool] = False
    """Rendered after every other page's content: it describes files made meanwhile (their sizes)."""

    def __init__(self, site: Site):
        self.site = site
        self.plan = site.plan
        self.views = site.views

    @abstractmethod
    def pages(self) -> list[PageSpec]:
        """Every page of this kind that the plan calls for."""

    @abstractmethod
    def context(self, key: str | None, part: int = 1) -> Any:
        """The typed context (a dataclass) that this kind's template lays out, for page ``part`` of a long list."""

    def files(self) -> dict[str, bytes]:
        """Files beside this kind's pages, by address (data a page's script loads)."""
        return {}

    def search_title(self, spec: PageSpec) -> str:
        """The page's title in search results."""
        return spec.title

    def search_text(self, key: str | None) -> str:
        """The words beyond its title that lead a search to this page: none for a list of tasks,
        whose tasks are found on their own pages."""
        return ""

    def spec(self, key: str | None, url: str, title: str) -> PageSpec:
        return PageSpec(
            self.page_type, key, url, title, self.search, self.in_nav, self.search_boost,
            scripts=(COMMON_SCRIPT, *self.scripts) if self.scripts else (), waits_for_downloads=self.waits_for_downloads,
        )

    def specs(self, key: str | None, url: str, title: str, parts: int) -> list[PageSpec]:
        """The pages of one list of ``parts`` pages; the later ones are out of the navigation and of search."""
        first = self.spec(key, url, title)
        return [first] + [
            replace(first, url=urls.part(url, n), title=f"{title} (trang {n}/{parts})", part=n,
                    search=False, in_nav=False, search_boost=1.0)
            for n in range(2, parts + 1)
        ]

    def chunks(self, items: Sequence[T], weight: Callable[[T], int] = lambda _: 1) -> list[list[T]]:
        """``items`` cut into pages of at most the build's page size (an item heavier than that has a page alone)."""
        size = self.site.facts.page_size
        out: list[list[T]] = [[]]
        total = 0
        for item in items:
            if out[-1] and total + weight(item) > size:
                out.append([])
                total = 0
            out[-1].append(item)
            total += weight(item)
        return out


@dataclass(frozen=True)
class PagerLink:
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class Pager:
    """Numbered links between the pages of a long list: plain links, so every task is reachable without JavaScript."""

    links: list[PagerLink]
    previous: str | None
    next: str | None


def pager(url: str, part: int, parts: int) -> Pager | None:
    if parts < 2:
        return None
    links = [PagerLink(str(n), urls.part(url, n), n == part) for n in range(1, parts + 1)]
    previous = urls.part(url, part - 1) if part > 1 else None
    following = urls.part(url, part + 1) if part < parts else None
    return Pager(links, previous, following)


class ListPageType(PageType):
    """One page per item (a section, a kind of deliverable…) listing its tasks, cut into
    as many numbered pages as the build's page size needs."""

    @abstractmethod
    def items(self) -> list[tuple[str, str, str]]:
        """(key, address, title) of every item, in the order the site lists them."""

    @abstractmethod
    def listed(self, key: str) -> list[TaskView]:
        """The tasks on the item's pages, in order."""

    def weight(self, task: TaskView) -> int:
        """How many cards a task shows (a heading brings its sub-items with it)."""
        return 1

    @cached_property
    def parts(self) -> dict[str, list[list[TaskView]]]:
        return {key: self.chunks(self.listed(key), self.weight) for key, _, _ in self.items()}

    @cached_property
    def addresses(self) -> dict[str, str]:
        return {key: url for key, url, _ in self.items()}

    def pages(self) -> list[PageSpec]:
        return [spec for key, url, title in self.items() for spec in self.specs(key, url, title, len(self.parts[key]))]

    def page_of(self, key: str, part: int) -> tuple[list[TaskView], Pager | None]:
        """The tasks on page ``part`` of the item's list, and the links to its other pages."""
        parts = self.parts[key]
        return parts[part - 1], pager(self.addresses[key], part, len(parts))


class IndexPageType(PageType):
    """A kind with exactly one page, in the navigation."""

    url: ClassVar[str]
    title: ClassVar[str]
    in_nav = True

    def pages(self) -> list[PageSpec]:
        return [self.spec(None, self.url, self.title)]


PAGE_ORDER: tuple[str, ...] = (
    "home", "sections", "units", "kinds", "schedules", "all_tasks", "lookup", "downloads", "print", "report_form",
    "rollup", "rollup_tasks", "rollup_lookup",
    "section", "unit", "kind", "schedule", "task", "rollup_member", "rollup_task",
)  # fmt: skip
"""The order the site lists its pages in (navigation's index pages first, then one page per item): the search
index and the sitemap follow it. Declared here, not taken from the order in which modules happen to be imported."""

PAGE_TYPES: dict[str, type[PageType]] = {}
"""Every page type, by name, as registered; :func:`ordered_page_types` puts them in :data:`PAGE_ORDER`."""

K = TypeVar("K", bound=type[PageType])


def register(cls: K) -> K:
    """Class decorator: make a page type part of every site. Its name must have a place in :data:`PAGE_ORDER`."""
    if cls.page_type not in PAGE_ORDER:
        raise RuntimeError(f"loại trang \"{cls.page_type}\" chưa có chỗ trong PAGE_ORDER (macros/site/pages/base.py).")
    PAGE_TYPES[cls.page_type] = cls
    return cls


def ordered_page_types() -> list[type[PageType]]:
    """The registered kinds in the declared order."""
    missing = [name for name in PAGE_ORDER if name not in PAGE_TYPES]
    if missing:
        raise RuntimeError(f"PAGE_ORDER nêu loại trang chưa đăng ký: {missing}.")
    return [PAGE_TYPES[name] for name in PAGE_ORDER]
