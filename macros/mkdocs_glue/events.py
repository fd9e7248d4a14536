"""The only MkDocs-specific code: add the generated pages and fill them.

MkDocs hooks (``macros/mkdocs_glue/hooks.py``) load the plan once per build and
add one generated page per :class:`~macros.pages.PageSpec`; each page's
source is a single macro call with ids only, which mkdocs-macros renders
through :mod:`macros.render`. Titles are set after mkdocs-macros has run,
so names from the data are never read as Jinja.
"""

from __future__ import annotations

import html
import json
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..plan.loader import load_plan, task_lines
from ..site.pages import PageSpec, Site, build_site
from ..plan.problems import DataError
from ..progress.state import progress_state
from ..site.progress_views import Repo
from ..progress.refdate import reference_date
from ..site.render import render_feed, render_fragment, render_page
from ..site.search import enrich

log = logging.getLogger("mkdocs.plugins.ke-hoach")

PLAN_FILE = "data/plan.yaml"


class _State:
    site: Site | None = None


STATE = _State()


def current_site() -> Site:
    if STATE.site is None:
        raise RuntimeError("Kế hoạch chưa được nạp (hooks chưa chạy on_config).")
    return STATE.site


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    # KE_HOACH_PLAN builds the site from another plan file (a draft import, a test fixture).
    path = root / (os.environ.get("KE_HOACH_PLAN") or PLAN_FILE)
    display = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    try:
        loaded = load_plan(path, display=display)
        today = reference_date(root)
        progress = progress_state(loaded.plan, loaded.warnings, path.parent / "updates", today,
                                  display=str(Path(display).parent / "updates"))
    except DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Abort(f"Không dựng trang: {display} có {len(exc.errors)} lỗi (xem ở trên). Chạy `make check` để xem chi tiết.") from None
    for problem in progress.warnings:
        log.info(str(problem))
    repo = Repo(config.repo_url, config.extra.get("repo_branch", "main")) if config.repo_url else None
    facts = _build_facts(config, today)
    STATE.site = build_site(loaded.plan, progress, repo, task_lines(loaded.plan, loaded.document), facts)
    return config


def _build_facts(config: MkDocsConfig, today):
    """The reference date, site address and licence of this build, decided once (downloads, Bản in)."""
    from ..site.downloads import build_facts

    try:
        return build_facts(today, config.site_url, config.extra.get("licence"))
    except (ValueError, DataError) as exc:
        raise Abort(f"Không dựng trang: {exc}") from None


def page_source(spec: PageSpec) -> str:
    """A generated page's Markdown: static front matter and one macro call with ids only."""
    front = "---\nsearch:\n  exclude: true\n---\n" if not spec.search else ""
    key = f", {spec.key!r}" if spec.key else ""
    return f"{front}{{{{ plan_page({spec.kind!r}{key}) }}}}\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for spec in current_site().pages:
        existing = files.get_file_from_path(spec.src)
        if existing is not None:
            raise Abort(f"docs/{spec.src} trùng với một trang sinh từ dữ liệu; hãy đổi tên tệp đó.")
        files.append(File.generated(config, spec.src, content=page_source(spec)))
    return files


@event_priority(-100)  # after mkdocs-macros, which renders titles as Jinja
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = current_site().page_by_src.get(page.file.src_uri)
    if spec is not None:
        page.meta["search"] = {**page.meta.get("search", {}), "boost": spec.search_boost}
        if not spec.in_nav:
            # MkDocs treats titles as HTML; data names are text, so escape them here.
            page.title = html.escape(spec.title, quote=False)
        if current_site().repo:
            page.edit_url = current_site().repo.edit(PLAN_FILE)
    return markdown



@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    site = current_site()
    if config.site_url:
        feed = render_feed(site.feed(config.site_url))
        (Path(config.site_dir) / "feed.xml").write_text(feed, encoding="utf-8")
    _write_downloads(config)
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return

    def extra(location: str) -> tuple[str, str]:
        spec = site.page_by_url.get(location)
        return site.search_terms(spec) if spec else ("", "")

    index = enrich(json.loads(path.read_text(encoding="utf-8")), extra)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _write_downloads(config: MkDocsConfig) -> None:
    """The open data files, from the same plan and build facts as the pages (du-lieu/)."""
    from ..site.downloads import write_downloads

    write_downloads(config.site_dir, current_site().download_files)


def define_env(env) -> None:
    """mkdocs-macros' entry point: the one macro generated pages call."""

    @env.macro
    def plan_page(kind: str, key: str | None = None) -> str:
        site = current_site()
        spec = site.page(kind, key)
        return render_page(site, spec, current_url=env.page.url)

    @env.macro
    def legal_bases_list() -> str:
        return render_fragment(current_site(), "legal_bases", env.page.url)
