"""Turn a page's typed context into HTML with the project's Jinja templates.

Autoescaping is on and undefined names fail: text from the data reaches
the page only as escaped text, never as markup or as template source.
Independent of MkDocs, so another generator could call it as it is.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import urls
from .feed import FeedContext
from .pages import PageSpec, Site

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates do not change during a build; every page would stat them again
    )
    env.globals["urls"] = urls  # templates link to fixed pages through the one module that makes addresses
    return env


def relative(target: str, current: str) -> str:
    """A link from the page at ``current`` to ``target`` (both site-relative
    directory URLs, or a file's address), so the site works under any base path and offline.

    The same link as ``posixpath.relpath`` gives, made from the folders the two
    share: a page links to some thirty addresses, and relpath's path arithmetic
    was a tenth of a large build."""
    target, hash_, fragment = target.partition("#")
    path, mark, query = target.partition("?")
    here = current.rstrip("/").split("/") if current.strip("/") else []
    *folders, leaf = path.split("/")
    shared = 0
    while shared < min(len(here), len(folders)) and here[shared] == folders[shared]:
        shared += 1
    rel = "/".join([".."] * (len(here) - shared) + folders[shared:] + [leaf]) or "./"
    return f"{rel}{mark}{query}{hash_}{fragment}"


def render_page(site: Site, spec: PageSpec, current_url: str | None = None) -> str:
    current = spec.url if current_url is None else current_url
    return _render(f"{spec.kind}.html", _fields(site.context(spec)), site, current)


def render_fragment(site: Site, name: str, current_url: str) -> str:
    """A piece of a hand-written page (docs/*.md) drawn from the data, e.g. the legal bases."""
    return _render(f"fragment_{name}.html", {}, site, current_url)


def render_feed(context: FeedContext) -> str:
    """The Atom feed (feed.xml); XML-escaped like every page."""
    return environment().get_template("feed.xml").render(_fields(context))


def _fields(context: object) -> dict[str, Any]:
    """A context dataclass as template variables, one level deep, so nested views keep their properties."""
    if not is_dataclass(context):
        raise TypeError(f"cần một dataclass, nhận được {type(context).__name__}")
    return {f.name: getattr(context, f.name) for f in fields(context)}


def _render(template_name: str, context: dict[str, Any], site: Site, current: str) -> str:
    template = environment().get_template(template_name)
    html = template.render(context, meta=site.plan.plan, rel=lambda url: relative(url, current))
    # One block of HTML with no blank line: Markdown passes it through untouched.
    return "\n".join(line for line in html.splitlines() if line.strip())
