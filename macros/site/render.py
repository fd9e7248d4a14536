"""Turn a page's typed context into HTML with the project's Jinja templates.

Autoescaping is on and undefined names fail: text from the data reaches
the page only as escaped text, never as markup or as template source.
Independent of MkDocs, so another generator could call it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import urls
from .feed import FeedContext
from .pages import PageSpec, Site

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept between builds, in Jinja's own per-user folder of the system's temp directory.

    Compiling the project's and the theme's templates was a fifth of a small
    plan's build, and ``mkdocs serve`` compiled them again at every save.
    Jinja checks each template's source against its cached code, so an
    edited template is compiled afresh; without a safe folder, nothing is cached."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


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
        bytecode_cache=bytecode_cache(),
    )
    env.globals["urls"] = urls  # templates link to fixed pages through the one module that makes addresses
    return env


def to_root(current: str) -> str:
    """The way up from the page at ``current`` (a site-relative directory URL) to the site's root.

    Every link is made up to the root and down again, never the shortest way,
    so the site works under any base path and offline, and a link depends only
    on how deep the page is: the card of a task is the same on every list of
    that depth and is made once for all of them (:func:`_card_once`)."""
    folders = current.strip("/")
    return "../" * (folders.count("/") + 1) if folders else ""


def render_page(site: Site, spec: PageSpec, current_url: str | None = None) -> str:
    current = spec.url if current_url is None else current_url
    return _render(f"{spec.page_type}.html", _fields(site.context(spec)), site, current)


def render_fragment(site: Site, name: str, current_url: str, context: object | None = None, *, inline: bool = False) -> str:
    """A piece of a hand-written page (docs/*.md) drawn from the data, e.g. the legal bases.

    It goes through Markdown with the page: a block (the legal bases' list) is one block of HTML with no
    blank line, which Markdown passes through untouched; an ``inline`` one (a name inside a sentence) has
    every character Markdown would act on written as a character reference."""
    html = _render(f"fragment_{name}.html", _fields(context) if context is not None else {}, site, current_url)
    html = "\n".join(line for line in html.splitlines() if line.strip())
    return _inert_inline(html) if inline else html


# Markdown reads a fragment written inside a paragraph as Markdown: a name holding *, _, ` or [ would become emphasis,
# code or a link. As numeric references these characters show as themselves and mean nothing to Markdown.
_MARKDOWN_ACTIVE = re.compile(r"[\\`*_\[\]{}!|~]")
_TEXT_BETWEEN_TAGS = re.compile(r"(?<=>)[^<]+|^[^<]+")


def _inert_inline(html: str) -> str:
    """The fragment's text with every character Markdown acts on written as a character reference."""
    def inert(match: re.Match[str]) -> str:
        return _MARKDOWN_ACTIVE.sub(lambda c: f"&#{ord(c.group())};", match.group(0))

    return _TEXT_BETWEEN_TAGS.sub(inert, " ".join(html.split("\n")))


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
    root = to_root(current)
    return template.render(
        context, meta=site.plan.plan, rel=lambda url: root + url or "./", card_once=_card_once(site, root)
    )


Caller = Callable[[], str]


@lru_cache(maxsize=1)
def _cards(site: Site) -> dict[tuple[int, str], tuple[object, Markup]]:
    """The cards made for one site, by (task view, way to the root); the view is kept with its
    card so that its ``id`` is never reused for another view while the site lives."""
    return {}


def _card_once(site: Site, root: str) -> Callable[..., Markup]:
    """For ``{% call card_once(t) %}…{% endcall %}``: the block's HTML made the first time a
    task's card is shown at this depth, and reused on every other list at that depth.

    A task's card is on its section's, units', kind's and schedule's lists and on
    Tất cả nhiệm vụ; made each time, the same cards were a large share of a large plan's build."""
    cards = _cards(site)

    def card_once(view: object, caller: Caller) -> Markup:
        key = (id(view), root)
        if key not in cards:
            cards[key] = (view, Markup(caller()))
        return cards[key][1]

    return card_once
