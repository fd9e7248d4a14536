"""The Atom feed of progress reports (feed.xml): newest first, every address absolute."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..plan.model import PlanMeta
from .pages import Site
from .views import LatestReport


@dataclass(frozen=True)
class FeedContext:
    meta: PlanMeta
    base: str
    feed_url: str
    entries: list[LatestReport]
    updated: str


def feed_context(site: Site) -> FeedContext | None:
    """The feed's content, or None when the site address is not set (a feed needs absolute addresses)."""
    base = urls.site_base(site.facts.site_url)
    if base is None:
        return None
    entries = site.views.latest(None)
    updated = entries[0].entry.iso if entries else site.facts.reference_date.isoformat()
    return FeedContext(site.plan.plan, base, f"{base}{urls.FEED}", entries, updated)
