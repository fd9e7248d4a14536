"""The only MkDocs-specific code: read the settings, load the plan once, add the generated pages and fill them.

MkDocs hooks (``macros/mkdocs_glue/hooks.py``) call these functions. Each
generated page's Markdown is a placeholder; its HTML, rendered by
:mod:`macros.site.render`, replaces the placeholder's at ``on_page_content``,
so no text from the data is ever read as Markdown or Jinja. Titles are set
after mkdocs-macros has run. mkdocs-macros remains for the hand-written
pages' data fragments. Everything else is :mod:`macros.site`, which knows
nothing of MkDocs.
"""

from __future__ import annotations

import gc
import html
import json
import logging
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .. import urls
from ..build.parallel import Pending
from ..build.project import Publishing
from ..build.project import load_site as load_site_of
from ..plan.problems import DataError, Problem
from ..site.assets import is_loaded_asset
from ..site.facts import Repo
from ..site.feed import feed_context
from ..site.guide import guide_context
from ..site.pages import PageSpec, Site
from ..site.render import bytecode_cache, render_feed, render_fragment, render_page
from ..site.search import search_files
from .markup import valid_markup
from .settings import CONFIG_FILE, read_settings

log = logging.getLogger("mkdocs.plugins.ke-hoach")


class _State:
    site: Site | None = None
    search: tuple[str, dict[str, bytes]] | None = None
    """Material's index of the hand-written pages as computed before the pages were written, and the
    site's index files by their hashed addresses (see :func:`_index_search`)."""

    def __init__(self) -> None:
        self.by_source: dict[str, PageSpec] = {}
        """The generated pages by the Markdown source MkDocs serves each at: the glue's own bookkeeping."""


STATE = _State()


def current_site() -> Site:
    if STATE.site is None:
        raise RuntimeError("Kế hoạch chưa được nạp (hooks chưa chạy on_config).")
    return STATE.site


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _stop_downloads()
    STATE.site, STATE.search = None, None
    if gc.get_freeze_count():  # mkdocs serve: what the last build kept (_keep_for_the_build) may go now
        gc.unfreeze()
        gc.collect()
    root = Path(config.config_file_path).parent
    gc.disable()  # reading makes many objects and no garbage: a collection meanwhile would only walk them again
    try:
        STATE.site = load_site(config, root)
        _add_rollup_tab(config, STATE.site)
        _keep_for_the_build()
        STATE.site.downloads = Pending(STATE.site.make_downloads)  # on the other core while the pages render
    except DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        hint = "Sửa thiết lập extra.ke_hoach trong mkdocs.yml." if exc.files == [CONFIG_FILE] else (
            "Chạy `make check` để xem chi tiết."
        )
        raise Abort(f"Không dựng trang: {len(exc.errors)} lỗi trong {exc.where} (xem ở trên). {hint}") from None
    finally:
        gc.enable()
    return config


def load_site(config: MkDocsConfig, root: Path) -> Site:
    """Settings, plan, reports and build facts, each read and checked once per build."""
    settings = read_settings(config.extra, Path(config.config_file_path))
    updates_path = settings.updates_path(root)
    if updates_path.exists() and not updates_path.is_dir():
        line = "cần một thư mục chứa các tệp báo cáo, nhưng đây là một tệp."
        raise DataError([Problem(CONFIG_FILE, None, "extra.ke_hoach.updates", f"{settings.updates}: {line}")])
    if not updates_path.exists():
        log.info(f"Chưa có thư mục báo cáo tiến độ {settings.updates}: trang chưa có báo cáo nào.")
    if config.repo_url:  # hand-written pages' edit links follow the same branch as the generated pages'
        docs = Path(os.path.relpath(config.docs_dir, root)).as_posix()  # as written: docs/ may be a link
        config.edit_uri = f"edit/{settings.branch}/{docs}/"
    publishing = Publishing(
        site_url=config.site_url or None,
        repo=Repo(config.repo_url, settings.branch) if config.repo_url else None,
        licence=settings.licence.as_dict() if settings.licence else None,
        page_size=settings.page_size,
        rollup=settings.rollup,
        harvest=settings.harvest,
    )
    site = load_site_of(root, settings.plan, settings.updates, publishing)
    for problem in site.progress.warnings:
        log.info(str(problem))
    return site


ROLLUP_TAB = {"Tổng hợp": urls.source_path(urls.ROLLUP)}


def _add_rollup_tab(config: MkDocsConfig, site: Site) -> None:
    """A rollup's overview is in the navigation, after the home page, unless mkdocs.yml's nav already names it."""
    if site.rollup is None or not config.nav or f'"{ROLLUP_TAB["Tổng hợp"]}"' in json.dumps(config.nav):
        return
    config.nav.insert(1, ROLLUP_TAB)


def _keep_for_the_build() -> None:
    """What exists now lives until the build ends: Python's collector stops looking at it.

    The plan, its views and MkDocs' pages and files are most of the memory, and every full
    collection went through all of them again, many times over in a large plan's build, freeing nothing."""
    gc.freeze()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The theme's head links the feed by the same address and rule as the home page.

    MkDocs makes this environment for one build: its templates cannot change
    meanwhile, so Jinja need not look at their files again for every page,
    and their compiled code is kept between builds like the project's own."""
    env.globals["kh_feed"] = urls.FEED if config.site_url else None
    env.globals["kh_search"] = _index_search(config, files)
    env.auto_reload = False
    env.bytecode_cache = bytecode_cache()
    _keep_for_the_build()  # the pages, files and navigation are made: the page loop starts
    return env


PLACEHOLDER = "<!-- trang sinh từ dữ liệu: nội dung được đặt vào khi dựng -->\n"


PAGE_SOURCE = f"---\nrender_macros: false\nsearch:\n  exclude: true\n---\n{PLACEHOLDER}"
"""A generated page's Markdown: a placeholder, with nothing for mkdocs-macros to render.

The page's HTML is rendered by :mod:`macros.site.render` and put in at
``on_page_content``: sent through Markdown, every generated page's HTML
would be parsed once more for nothing (a large share of the build's time).
Material's search plugin skips the page too: its entry is made from the
plan (:mod:`macros.site.search`) instead of parsing the HTML back."""


class GeneratedPage(Page):
    """A generated page, whose placeholder Markdown is not converted.

    MkDocs makes a new Markdown converter, with every extension, for each
    page it renders, a cost paid again on every page of a large plan, for a
    comment that ``on_page_content`` replaces. What MkDocs'
    ``render`` would find in the placeholder is set here: no table of
    contents, no anchors, no links."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Pages that wait for the downloads go last: MkDocs reads and writes pages in this order, so the
    files such a page describes have the whole build's time to be made in the other process.

    A page outside the navigation gets its :class:`GeneratedPage` here, as MkDocs lets a plugin do;
    one in the navigation keeps the page MkDocs makes with the title mkdocs.yml gives it."""
    STATE.by_source = {urls.source_path(spec.url): spec for spec in current_site().pages}
    for src, spec in sorted(STATE.by_source.items(), key=lambda item: item[1].waits_for_downloads):
        if files.get_file_from_path(src) is not None:
            raise Abort(f"docs/{src} trùng với một trang sinh từ dữ liệu; hãy đổi tên tệp đó.")
        file = File.generated(config, src, content=PAGE_SOURCE)
        files.append(file)
        if not spec.in_nav:
            GeneratedPage(None, file, config)  # becomes file.page
    _version_assets(files, config)
    return files


def _version_assets(files: Files, config: MkDocsConfig) -> None:
    """The project's scripts and style sheets are copied to their content-hashed addresses, and
    mkdocs.yml's extra_css names them there (macros/site/assets.py)."""
    versions = current_site().versions
    for file in files:
        if file.src_dir == config.docs_dir and is_loaded_asset(file.src_uri):
            file.dest_uri = versions.add(file.src_uri, file.content_bytes)
            for derived in ("url", "abs_dest_path"):  # made from dest_uri when first read
                vars(file).pop(derived, None)
    config.extra_css = [versions.get(path, path) for path in config.extra_css]


def _index_search(config: MkDocsConfig, files: Files) -> dict[str, str] | None:
    """The search index, final before any page is written, so that every page can name it by its hash.

    Material's plugin writes its index of the hand-written pages after the build, from what it collects
    as each page is written; every page's content is known by now, so the same index is made here with
    Material's own indexer. :func:`on_post_build` checks that Material wrote the same."""
    site = current_site()
    search = config.plugins.get("material/search")
    if search is None:
        return None
    index = type(search.search_index)(**search.search_index.config)
    for file in files:  # in the order MkDocs writes them; a page not read (a draft, or unchanged under --dirty) is not indexed
        if file.is_documentation_page() and file.page is not None and file.page.content is not None:
            index.add_entry_from_context(file.page)
    written = index.generate_search_index(search.search_index_prev)
    STATE.search = written, search_files(site, json.loads(written))
    names = {"script": urls.SEARCH_SCRIPT, "worker": urls.SEARCH_WORKER, "config": urls.SEARCH_CONFIG,
             "index": urls.SEARCH_INDEX}  # fmt: skip
    return {role: site.versions[address] for role, address in names.items()}


@event_priority(-100)  # after mkdocs-macros, which renders titles as Jinja
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = current_site()
    spec = STATE.by_source.get(page.file.src_uri)
    if spec is not None:
        page.meta["kh_scripts"] = [site.versions[script] for script in spec.scripts]
        if not spec.in_nav:
            # MkDocs treats titles as HTML; data names are text, so escape them here.
            page.title = html.escape(spec.title, quote=False)
        if site.facts.repo:
            page.edit_url = site.facts.repo.edit(site.facts.plan_file)
    return markdown


@event_priority(100)  # before the search plugin and any other reader of the page's HTML
def on_page_content(html_: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = current_site()
    spec = STATE.by_source.get(page.file.src_uri)
    if spec is None or spec.waits_for_downloads:
        return html_
    return render_page(site, spec, current_url=page.url)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """A page that waits for the downloads (Dữ liệu mở) is filled once every page's content is done, so the files it
    describes have been made on the other core meanwhile; its table of contents is empty like
    every generated page's, so nothing else differs."""
    site = current_site()
    spec = STATE.by_source.get(page.file.src_uri)
    if spec is not None and spec.waits_for_downloads:
        page.content = render_page(site, spec, current_url=page.url)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return valid_markup(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page."""
    return valid_markup(output_content) if template_name.endswith(".html") else output_content


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    site = current_site()
    out = Path(config.site_dir)
    feed = feed_context(site)
    if feed is not None:
        (out / urls.FEED).write_text(render_feed(feed), encoding="utf-8")
    files = dict(site.data_files)
    if STATE.search is not None:
        written, index_files = STATE.search
        material = out / urls.SEARCH_INDEX  # the pages name the index made before they were written: it must not differ
        if material.read_text(encoding="utf-8") != written:
            raise Abort(
                f"Chỉ mục tìm kiếm {urls.SEARCH_INDEX} mà Material ghi khác với chỉ mục đã lập trước khi ghi các "
                "trang (một plugin đã đổi nội dung trang sau on_env): các trang sẽ chỉ tới một chỉ mục sai."
            )
        material.unlink()
        files.update(index_files)
    for address, data in files.items():
        path = out / address
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def on_build_error(error: Exception) -> None:
    _stop_downloads()


def _stop_downloads() -> None:
    """A build that failed, or that a new one replaces, leaves no process or folder behind."""
    if STATE.site is not None and STATE.site.downloads is not None:
        STATE.site.downloads.close()


def define_env(env: Any) -> None:
    """mkdocs-macros' entry point: the macros that hand-written pages (docs/*.md) call."""

    @env.macro
    def legal_bases_list() -> str:
        return render_fragment(current_site(), "legal_bases", env.page.url)

    @env.macro
    def issuer() -> str:
        """The plan's issuer, escaped like every text of the plan."""
        return render_fragment(current_site(), "issuer", env.page.url, inline=True)

    # The guide's examples, drawn from the plan (macros/site/guide.py): {{ task_code_examples() }} renders
    # fragment_task_codes.html, and so on.
    for macro, fragment in GUIDE_MACROS.items():
        env.macro(_guide_fragment(env, fragment), macro)


GUIDE_MACROS = {"task_code_examples": "task_codes", "search_code_example": "search_code",
                "search_unit_example": "search_unit", "group_example": "group"}  # fmt: skip


def _guide_fragment(env: Any, fragment: str) -> Any:
    def render() -> str:
        site = current_site()
        return render_fragment(site, fragment, env.page.url, guide_context(site.plan), inline=True)

    return render
