"""Turn a page specification into HTML with the project's Jinja templates.

Autoescaping is on and undefined names fail: text from the data reaches
the page only as escaped text, never as markup or as template source.
Independent of MkDocs, so another generator could call it as it is.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .pages import PageSpec, Site

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def relative(target: str, current: str) -> str:
    """A link from the page at ``current`` to ``target`` (both site-relative
    directory URLs), so the site works under any base path and offline."""
    base = current.rstrip("/") or "."
    path = posixpath.relpath(target.rstrip("/") or ".", base)
    if path == ".":
        return "./"
    return path + ("/" if target.endswith("/") or target == "" else "")


def render_page(site: Site, spec: PageSpec, current_url: str | None = None, **extra: object) -> str:
    current = spec.url if current_url is None else current_url
    return _render(f"{spec.kind}.html", site.context(spec), current, **extra)


def render_fragment(site: Site, name: str, current_url: str) -> str:
    """A piece of a hand-written page (docs/*.md) drawn from the data, e.g. the legal bases."""
    return _render(f"fragment_{name}.html", {"meta": site.plan.plan, "site": site}, current_url)


def _render(template_name: str, context: dict, current: str, **extra: object) -> str:
    template = environment().get_template(template_name)
    html = template.render(context, rel=lambda url: relative(url, current), **extra)
    # One block of HTML with no blank line: Markdown passes it through untouched.
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_feed(context: dict) -> str:
    """The Atom feed (feed.xml); XML-escaped like every page."""
    return environment().get_template("feed.xml").render(context)
