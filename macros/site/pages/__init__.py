"""Which pages the site has and what each shows: one builder per kind of page.

Importing a module registers its kinds; the order of these imports is the
order the site lists its pages (the search index and sitemap follow it).
"""

# The index pages of the navigation first, then one page per item.
from . import home, indexes, whole, downloads, printed, report_form, items, task  # noqa: F401, I001  (registers the kinds, in order)
from .base import PAGE_KINDS, PageKind, PageSpec, register
from .site import Site

__all__ = ["PAGE_KINDS", "PageKind", "PageSpec", "Site", "register"]
