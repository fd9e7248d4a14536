"""Every script, style sheet and data file a page loads is published at an address carrying its content hash.

GitHub Pages lets browsers keep files for ten minutes: at a fixed address, a reader could run last deploy's
search worker on this deploy's index just after a deploy, and find nothing. With the hash in the address, a
page names exactly the files it was built with (macros/site/assets.py).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import urllib.parse
from pathlib import Path

import pytest

from helpers import ROOT, VERSIONED, XA_MAU, BuiltSite, build_site, copy_project, published, site_path
from macros import urls

pytestmark = pytest.mark.build

OWN_ASSETS = sorted(
    p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs" / "assets").iterdir() if p.suffix in (".js", ".css")
)
"""The project's scripts and style sheet, as docs/assets/ holds them."""
ROLLUP_ASSETS = {"assets/tong-hop.js", "assets/tong-hop-tra-cuu.js"}
"""Loaded by a rollup's pages alone (tests/test_rollup_pages.py): a plan's site publishes them, and no page names them."""
LOADED_DATA = (urls.LOOKUP_DATA, urls.REPORT_FORM_DATA, urls.SEARCH_INDEX, urls.SEARCH_CONFIG)
MATERIAL = ("assets/javascripts/", "assets/stylesheets/")  # the theme's bundle, hashed by Material itself
BASE = "http://site.invalid"


def loaded(site: BuiltSite, page: Path) -> list[str]:
    """What the page loads or gives its scripts to load, as addresses from the site root: scripts, style sheets,
    and every data-* attribute naming a script or a JSON file."""
    assert site.project is not None
    root = site_path(site.project)
    folder = page.relative_to(site.root).parent.as_posix()
    url = BASE + root + ("" if folder == "." else f"{folder}/")
    tree = site.tree(page.relative_to(site.root).as_posix())
    named = tree.xpath("//script/@src") + tree.xpath("//link[@rel='stylesheet']/@href")
    named += [v for el in tree.iter() for k, v in el.attrib.items() if k.startswith("data-") and v.endswith((".js", ".json"))]
    out = []
    for address in named:
        target = urllib.parse.urlsplit(urllib.parse.urljoin(url, address))
        assert target.netloc == "site.invalid", (page, address)
        out.append(posixpath.relpath(target.path, root) if target.path != root else "")
    return out


def assert_hash_of_its_bytes(site: BuiltSite, address: str) -> None:
    found = VERSIONED.match(posixpath.basename(address))
    assert found, f"{address}: no content hash in the address"
    file = site.root / address
    assert file.is_file(), f"{address}: named, but not published"
    assert hashlib.sha256(file.read_bytes()).hexdigest().startswith(found["hash"]), f"{address}: not its bytes' hash"


def test_every_file_a_page_loads_carries_the_hash_of_its_bytes(any_site):
    _, site = any_site
    pages = [*site.pages(), site.root / "404.html"]
    seen: set[str] = set()
    for page in pages:
        for address in loaded(site, page):
            if not address.startswith(MATERIAL):
                assert_hash_of_its_bytes(site, address)
                seen.add(VERSIONED.sub(r"\g<stem>\g<suffix>", address))
    config = json.loads(published(site.root, urls.SEARCH_CONFIG).read_text(encoding="utf-8"))
    worker = published(site.root, urls.SEARCH_WORKER).relative_to(site.root).as_posix()
    assert_hash_of_its_bytes(site, posixpath.normpath(posixpath.join(posixpath.dirname(worker), config["config"]["index"])))
    assert seen == {*OWN_ASSETS, *LOADED_DATA} - ROLLUP_ASSETS, "every project script and data file is named by some page"


def test_no_file_a_page_loads_is_left_at_its_plain_address(site):
    """A stale copy at the old address is what a cached page would mix with this deploy's files."""
    left = [address for address in (*OWN_ASSETS, *LOADED_DATA) if (site.root / address).exists()]
    assert not left, left


def test_changing_an_asset_changes_its_address_and_only_its_own(site, tmp_path):
    project = copy_project(tmp_path / "project", XA_MAU)
    script = project / "docs" / "assets" / "tra-cuu.js"
    script.write_text(script.read_text(encoding="utf-8") + "// another version\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    changed = BuiltSite(tmp_path / "site", project)
    lookup = changed.root / urls.LOOKUP / "index.html"
    before, after = set(loaded(site, site.root / urls.LOOKUP / "index.html")), set(loaded(changed, lookup))
    gone, new = before - after, after - before
    assert [VERSIONED.sub(r"\g<stem>\g<suffix>", a) for a in (*gone, *new)] == ["assets/tra-cuu.js"] * 2, (gone, new)
    assert (changed.root / new.pop()).read_bytes() == script.read_bytes()


LATE_EDIT = '''
from mkdocs.plugins import event_priority


@event_priority(100)  # before Material's search plugin reads the page
def on_page_context(context, page, config, nav):
    if page.file.src_uri == "gioi-thieu.md":
        page.content += "<p>Đoạn thêm sau khi chỉ mục đã lập.</p>"
    return context
'''


def test_a_page_changed_after_the_index_was_made_stops_the_build(tmp_path):
    """Pages name the index by its hash before Material writes its own: if a plugin changed a page in between,
    the pages would name an index that is not the one published, so the build refuses, in Vietnamese."""
    project = copy_project(tmp_path / "project", XA_MAU)
    (project / "late_edit.py").write_text(LATE_EDIT, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nhooks:\n  - macros/mkdocs_glue/hooks.py\n" in text
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - late_edit.py\n"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Chỉ mục tìm kiếm search/search_index.json mà Material ghi khác với chỉ mục đã lập" in said
    assert "Traceback" not in said
