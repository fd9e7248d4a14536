"""Which pages the site has and what each shows: one builder per page type.

Importing a module registers its kinds; the order the site lists them in is
declared once, as :data:`.base.PAGE_ORDER`.
"""

from . import downloads, home, indexes, items, printed, report_form, rollup, rollup_items, task, whole  # noqa: F401  (registers the kinds)
from .base import PAGE_ORDER, PAGE_TYPES, PageSpec, PageType, register
from .site import Site

__all__ = ["PAGE_TYPES", "PAGE_ORDER", "PageType", "PageSpec", "Site", "register"]
