"""Everything the test modules share: fixture paths, a project copy built from a fixture plan, the
built-site reader, and headless Chromium.

Code tests never read the published plan (data/plan.yaml): every commune forks this repository and
replaces it, and the tests must keep passing for them. A site is built from a *copy* of the project
whose data/ holds a small fixture plan, so building another plan needs no setting at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PLANS = FIXTURES / "plans"

XA_MAU = PLANS / "xa-mau"  # shaped like a real appendix, with progress reports
KHONG_NHOM = PLANS / "khong-nhom"  # no groups, no due dates, no schedules, no reports
NHIEU_DON_VI = PLANS / "nhieu-don-vi"  # 26 units, numbering that runs on across sections
PLAN_DIRS = {p.name: p for p in (XA_MAU, KHONG_NHOM, NHIEU_DON_VI)}

# Where a project keeps its plan and its reports (the paths a copy gets, and the site's edit links show).
PLAN_IN_PROJECT = "data/plan.yaml"
UPDATES_IN_PROJECT = "data/updates"

# The reference date of every fixture build and check: 2025-10-15 00:00 UTC, 07:00 in Vietnam.
# II.1.a of xa-mau was due on 30/9/2025, so it is overdue on this date; II.1.b (31/12/2025) is not.
REFERENCE_EPOCH = 1760486400
REFERENCE_DATE = dt.date(2025, 10, 15)

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# ---------------------------------------------------------------- the injection corpus

# Markup, template code, links and spreadsheet formulas that must stay text wherever data shows them: the plan's
# fields (tests/test_injection_corpus.py) and the members' of a rollup (tests/test_rollup_pages.py).
PAYLOADS = [
    '<img src=x onerror="alert(1)">',
    "<script>alert(2)</script>",
    "[nhấn](javascript:alert(3)) [tải](data:text/html,<b>x</b>)",
    "{{ 7*7 }} {% if true %}j{% endif %} {# c #}",
    "``` <div class='x'> </td></tr></table> <!-- ",
    "=HYPERLINK(\"http://x\",\"y\") +1 -1 @SUM(A1)",
]
PAYLOAD = " ".join(PAYLOADS)


# ---------------------------------------------------------------- fixture plans


def load_fixture(plan_dir: Path):  # noqa: ANN201 - macros.plan.loader.Loaded
    """A fixture plan, loaded and checked like `make check` does."""
    from macros.plan.loader import load_plan

    return load_plan(plan_dir / "plan.yaml")


NESTED = ("truong-thcs", "cac-truong-hoc", "khoi-chuyen-mon", "II.1.b")
"""In :func:`nested_groups`: a school, its group, the group that group sits in, and a task (coordinated by the
outer group) that the school takes part in only through the two groups."""


def nested_groups(dest: Path) -> Path:
    """xa-mau with its group of schools inside the group of the commune's departments: a group in a group.
    Returns the folder holding the plan.yaml written."""
    text = (XA_MAU / "plan.yaml").read_text(encoding="utf-8")
    _, inner, outer, _ = NESTED
    entry = f"  - id: {inner}\n"
    assert text.count(entry) == 1, f"xa-mau no longer lists the group {inner}"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "plan.yaml").write_text(text.replace(entry, f"{entry}    member_of: [{outer}]\n"), encoding="utf-8")
    return dest


def fixture_state(plan_dir: Path, today: dt.date = REFERENCE_DATE):  # noqa: ANN201 - PlanState
    """A fixture plan's progress (its updates/ folder, possibly absent) at an explicit reference date."""
    from macros.progress.state import progress_state

    loaded = load_fixture(plan_dir)
    return progress_state(loaded.plan, loaded.warnings, plan_dir / "updates", today)


def check_env(**extra: str) -> dict[str, str]:
    """The environment for `python -m macros …`: a fixed reference date unless a test sets its own."""
    return {**os.environ, "SOURCE_DATE_EPOCH": str(REFERENCE_EPOCH), **extra}


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m macros ARGS` in-process (a new interpreter costs half a second on a busy machine),
    with the fixed reference date unless ``env`` sets another; returns what the process would."""
    from macros.cli import main

    saved = dict(os.environ)
    out, err = io.StringIO(), io.StringIO()
    try:
        os.environ.clear()
        os.environ.update(env or check_env())
        with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["python", "-m", "macros", *args], code, out.getvalue(), err.getvalue())


# ---------------------------------------------------------------- a project built from a fixture

# What a fork holds besides its data: code, hand-written pages and guide, tests, settings, build and CI files.
PROJECT_DIRS = ("docs", "macros", "tests", ".ci")
PROJECT_FILES = ("mkdocs.yml", "Makefile", "pytest.ini", "CONTRIBUTING.md")
PROJECT_GLOBS = ("requirements*.txt", "requirements*.in", "pyproject.toml", "data/*.schema.json")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".mypy_cache", ".ruff_cache")


def copy_project(dest: Path, plan_dir: Path | None = None, *, with_data: bool = False) -> Path:
    """The project copied into ``dest``, as a commune's fork holds it, with the plan a test chooses.

    ``plan_dir`` puts a fixture's plan.yaml (and its updates/) in data/;
    ``with_data`` copies data/ as it is. Files keep their modification
    times (``copy2``), so that make sees the environment it is given as
    already installed for requirements.txt. The copy has no git history,
    which is why :func:`build_site` fixes SOURCE_DATE_EPOCH."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_DIRS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=IGNORED)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, dest / name)
    for pattern in PROJECT_GLOBS:
        for path in ROOT.glob(pattern):
            (dest / path.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / path.relative_to(ROOT))
    if with_data:
        shutil.copytree(ROOT / "data", dest / "data", ignore=IGNORED, dirs_exist_ok=True)
    if plan_dir is not None:
        (dest / "data").mkdir(exist_ok=True)
        shutil.copy2(plan_dir / "plan.yaml", dest / PLAN_IN_PROJECT)
        if (plan_dir / "updates").is_dir():
            shutil.copytree(plan_dir / "updates", dest / UPDATES_IN_PROJECT)
    return dest


def build_env(epoch: int | None = REFERENCE_EPOCH) -> dict[str, str]:
    """The environment of a build: no MkDocs 2 banner, and a fixed date unless ``epoch`` is None
    (then the project's own reference date: SOURCE_DATE_EPOCH if set, else its last commit)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    return env


def build_site(project: Path, dest: Path, epoch: int | None = REFERENCE_EPOCH) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project, as it is, into ``dest``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=project, env=build_env(epoch), capture_output=True, text=True, timeout=900, check=False,
    )


def content_texts(task: Any) -> list[str]:
    """A task's paragraphs and list items, without emphasis marks: what a reader sees of its content."""
    from macros.text import without_emphasis

    out: list[str] = []
    for block in task.content:
        out += [without_emphasis(block)] if isinstance(block, str) else [without_emphasis(item) for item in block.items]
    return out


def blocks(task: Any) -> list[str | list[str]]:
    """A task's content as written: a paragraph is its text, a list is its items."""
    return [b if isinstance(b, str) else b.items for b in task.content]


def git(repo: Path, *args: str, date: str | None = None) -> subprocess.CompletedProcess[str]:
    """`git ARGS` in ``repo`` as a fixed author (committing at ``date`` when given), untouched by the
    user's git settings; a failing command fails the test with git's own words."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}  # no GIT_DIR of a hook
    env = {
        **inherited, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result


def contributing_reports(project: Path = ROOT) -> list[str]:
    """The report files CONTRIBUTING.md shows staff (its ```yaml blocks: the blank template, a filled one),
    as they would paste them into data/updates/."""
    guide = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", guide, flags=re.S)


def settings(project: Path = ROOT) -> dict[str, Any]:
    """A project's mkdocs.yml (site address, licence), as the build read it."""
    return yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))


def set_licence(project: Path, licence: Any) -> None:
    """Change the one licence setting (extra.ke_hoach.licence) of a project copy's mkdocs.yml."""
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "\n    licence: null\n" in text, "mkdocs.yml no longer sets extra.ke_hoach.licence: null"
    flow = json.dumps(licence, ensure_ascii=False)  # JSON is YAML written on one line
    path.write_text(text.replace("\n    licence: null\n", f"\n    licence: {flow}\n"), encoding="utf-8")


VERSIONED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<suffix>\.(?:js|css|json))$")
"""A file a page loads, published at an address with its content hash: search-worker.3f2a9c1b0d.js."""


def published(root: Path, address: str) -> Path:
    """The file a built site publishes for ``address``: the file itself, or, for a file that pages load
    (macros/site/assets.py), its one content-hashed version, named as the code names it (urls.SEARCH_INDEX)."""
    plain = root / address
    if plain.exists():
        return plain
    stem, suffix = os.path.splitext(plain.name)
    found = [p for p in plain.parent.glob(f"{stem}.*{suffix}") if (m := VERSIONED.match(p.name)) and m["stem"] == stem]
    assert len(found) == 1, f"{address}: {len(found)} tệp theo phiên bản trong {plain.parent}"
    return found[0]


class BuiltSite:
    """A built site read as a visitor would: HTML by address, parsed with lxml."""

    def __init__(self, root: Path, project: Path | None = None):
        self.root = root
        self.project = project  # the copy it was built from, when known

    def path(self, url: str) -> Path:
        url = url.split("#")[0].split("?")[0]
        if url.endswith((".html", ".xml", ".json", ".csv", ".xlsx", ".ics", ".docx")):
            return published(self.root, url)
        return self.root / url / "index.html"

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def tree(self, url: str):  # noqa: ANN201 - lxml.html.HtmlElement
        return lxml.html.fromstring(self.html(url))

    def text(self, url: str) -> str:
        """The article's text, whitespace collapsed."""
        return " ".join(self.tree(url).xpath("//article")[0].text_content().split())

    def task_ids(self, url: str, scope: str = "//article") -> list[str]:
        """Task ids shown as cards on a page, in order."""
        xpath = f"{scope}//*[contains(@class,'kh-card__head')]/a[contains(@class,'kh-id')]"
        return [a.text_content().strip() for a in self.tree(url).xpath(xpath)]

    def links(self, url: str, scope: str = "//article") -> list[str]:
        """Where the links inside ``scope`` lead, as addresses from the site root (other hosts kept whole)."""
        base = "http://site.invalid/"
        out = []
        for href in self.tree(url).xpath(f"{scope}//a/@href"):
            target = urllib.parse.urljoin(base + url, href)
            out.append(target[len(base):] if target.startswith(base) else target)
        return out

    def pages(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("index.html") if "404" not in str(p))


def built(plan_dir: Path, workdir: Path, page_size: int | None = None) -> BuiltSite:
    """Copy the project with ``plan_dir``'s plan, build it strictly, and fail with the build's words.

    ``page_size`` replaces the setting extra.ke_hoach.page_size, to cut short lists into pages."""
    project = copy_project(workdir / "project", plan_dir)
    if page_size is not None:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "\n    page_size: 100\n" in text, "mkdocs.yml no longer sets extra.ke_hoach.page_size: 100"
        config.write_text(text.replace("\n    page_size: 100\n", f"\n    page_size: {page_size}\n"), encoding="utf-8")
    result = build_site(project, workdir / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(workdir / "site", project)


# ---------------------------------------------------------------- the browser


def chromium_path() -> str:
    """Debian's chromium (or Chrome on GitHub's runners); a missing browser fails, it never skips."""
    names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    for candidate in (os.environ.get("CHROMIUM"), *(shutil.which(n) for n in names), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "Không tìm thấy trình duyệt Chromium cho kiểm thử trình duyệt. Cài bằng: sudo apt-get install chromium "
        "(hoặc đặt biến CHROMIUM=/đường/dẫn/tới/chromium), rồi chạy lại make test.",
        pytrace=False,
    )


class _Pages(http.server.SimpleHTTPRequestHandler):
    """A built site served as GitHub Pages serves a project site: under ``prefix`` (the path of
    site_url, such as /ke-hoach/), with the site's own 404 page for any other address."""

    prefix = "/"

    def log_message(self, *args: Any) -> None:  # keep test output readable
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path, _, query = self.path.partition("?")
        if path.startswith(self.prefix) or path + "/" == self.prefix:
            inner = "/" + path[len(self.prefix):]
            local = Path(self.translate_path(inner))
            if local.is_file() or (local / "index.html").is_file():
                self.path = inner + (f"?{query}" if query else "")
                super().do_GET()
                return
        missing = Path(self.directory) / "404.html"
        body = missing.read_bytes() if missing.exists() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def site_path(project: Path) -> str:
    """The path of the project's site_url ("/ke-hoach-tin-dung-ba-dinh/"), or "/" without one."""
    found = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    path = urllib.parse.urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


def serve(directory: Path, prefix: str = "/") -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve a built site on a free loopback port under ``prefix``; returns (base url, server)."""
    handler = functools.partial(type("Pages", (_Pages,), {"prefix": prefix}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{prefix}", server


# ---------------------------------------------------------------- search, as the browser ranks it

_SETUP, _QUERY = 0, 2  # Material's search worker message types

_ASK_WORKER = """async ({given, queries, setup, query}) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const worker = new Worker(new URL(config.search, new URL(config.base, location.href)));
  const ask = message => new Promise(done => { worker.onmessage = event => done(event.data); worker.postMessage(message); });
  await ask({type: setup, data: {config: given.config, docs: given.docs, options: {suggest: false}}});
  const answers = [];
  for (const text of queries) answers.push((await ask({type: query, data: text})).data.items);
  worker.terminate();
  return answers;
}"""


def search_words(text: str) -> list[str]:
    """Words as the search worker sees them (docs/assets/search-worker.js): folded, cut at spaces and dashes, punctuation trimmed;
    a mark with no letter ("·" between a task's cells) stands between words, as the index keeps it."""
    from macros.text import fold_diacritics

    text = re.sub(r"<[^>]+>", " ", text)
    out = [re.sub(r"^\W+|\W+$", "", w) or "|" for w in re.split(r"[\s\-]+", fold_diacritics(text)) if w]
    return out


def phrase_of(task_words: list[str], elsewhere: str) -> str | None:
    """Four neighbouring words of the task, from the middle on, that no other page holds together
    (the last one as a beginning: search reads the last word as still being typed)."""
    middle = max(0, len(task_words) // 2 - 2)
    starts = list(range(middle, len(task_words) - 3)) + list(range(0, middle))
    for start in starts:
        phrase = " ".join(task_words[start:start + 4])
        if "|" not in phrase and f" {phrase}" not in elsewhere:
            return phrase
    return None


def search_documents(index_file: Path) -> list[dict[str, Any]]:
    """The documents of the site's search index (macros/site/search.py writes each as a list) as Material names
    their fields: location, title, text and boost."""
    docs = json.loads(index_file.read_text(encoding="utf-8"))["docs"]
    return [dict(zip(("location", "title", "text", "boost"), [*doc, 1.0][:4], strict=True)) for doc in docs]


def worker_answers(page: Any, given: dict[str, Any], queries: list[str]) -> list[list[list[dict[str, Any]]]]:
    """What the search worker that ``page`` (a page of the built site) names in Material's configuration answers
    each query: result groups, each a list of documents. It is set up the way Material's bundle sets it up, with
    ``given``: on the site, the index's configuration (search/search_config.json, which search-vi.js has the
    bundle ask for), with which the worker downloads the index itself; or the whole index."""
    return page.evaluate(_ASK_WORKER, {"given": given, "queries": queries, "setup": _SETUP, "query": _QUERY})  # type: ignore[no-any-return]


def first_results(page: Any, site_root: Path, queries: list[str]) -> list[str | None]:
    """The page that comes first for each query, asked as the site asks it (:func:`worker_answers`)."""
    from macros import urls

    given = json.loads(published(site_root, urls.SEARCH_CONFIG).read_text(encoding="utf-8"))
    return [groups[0][0]["location"].split("#")[0] if groups else None for groups in worker_answers(page, given, queries)]


# Waits for the page to stop moving: the scroll position the same over two frames, then every finite CSS transition
# and animation ended. Material fades the header's tabs out when the page scrolls (opacity 1 → 0 over 0.1 s, back over
# up to 0.55 s); axe-core run in between reads half-transparent white text on blue and reports a contrast fault that no
# reader ever sees. Infinite animations (none today) are not waited for.
_SETTLE = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  let last = null;
  while (last !== scrollY) { last = scrollY; await frame(); }
  const finite = document.getAnimations().filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime));
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
}"""


def settled(page: Any) -> Any:
    """The page once it has stopped scrolling and fading: what a reader looks at, and what axe-core should judge."""
    page.evaluate(_SETTLE)
    return page


def axe_violations(axe: Any, page: Any) -> list[str]:
    """axe-core's violations on the settled page, each with the first few elements it names."""
    result = axe.run(settled(page))
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
