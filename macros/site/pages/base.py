"""One builder class per kind of page, registered by kind.

Each :class:`PageKind` answers two questions for its kind: which pages
exist (:meth:`~PageKind.pages`) and what one of them shows
(:meth:`~PageKind.context`, a typed dataclass its template reads). Adding
a kind of page is one subclass, one template and nothing else, the way
Datasette adds a facet.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from .. import urls

if TYPE_CHECKING:
    from .site import Site


@dataclass(frozen=True)
class PageSpec:
    """One page of the site: its address, title and kind (which names its builder and template)."""

    kind: str
    key: str | None
    url: str
    title: str
    search: bool = True
    in_nav: bool = False
    search_boost: float = 1.0

    @property
    def src(self) -> str:
        """The Markdown source a generator serves at this page's address."""
        return urls.source_path(self.url)


class PageKind(ABC):
    """The pages of one kind and what each shows."""

    kind: ClassVar[str]
    in_nav: ClassVar[bool] = False
    """Index pages sit in the navigation; the many item pages do not."""
    search: ClassVar[bool] = True
    """Pages that repeat every task's text stay out of search, or they would outrank the task pages."""
    search_boost: ClassVar[float] = 1.0
    """Names people type (a unit, a kind of deliverable, a task) lead to their own page first."""

    def __init__(self, site: Site):
        self.site = site
        self.plan = site.plan
        self.views = site.views

    @abstractmethod
    def pages(self) -> list[PageSpec]:
        """Every page of this kind that the plan calls for."""

    @abstractmethod
    def context(self, key: str | None) -> Any:
        """The typed context (a dataclass) that this kind's template lays out."""

    def search_terms(self, key: str | None) -> tuple[str, str]:
        """(extra title words, title moved to text) for this page's search entry."""
        return "", ""

    def spec(self, key: str | None, url: str, title: str) -> PageSpec:
        return PageSpec(self.kind, key, url, title, self.search, self.in_nav, self.search_boost)


class IndexKind(PageKind):
    """A kind with exactly one page, in the navigation."""

    url: ClassVar[str]
    title: ClassVar[str]
    in_nav = True

    def pages(self) -> list[PageSpec]:
        return [self.spec(None, self.url, self.title)]


PAGE_KINDS: dict[str, type[PageKind]] = {}
"""Every kind of page, by name, in the order the site lists them."""

K = TypeVar("K", bound=type[PageKind])


def register(cls: K) -> K:
    """Class decorator: make a page kind part of every site."""
    PAGE_KINDS[cls.kind] = cls
    return cls
