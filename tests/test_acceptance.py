"""Acceptance of the published plan: data/plan.yaml and the site say what the signed appendix says.

Every expectation here comes from two files: the published plan
(data/plan.yaml) and its source in data/sources/ (the appendix as .docx or
as a PDF with a text layer, or its .txt export: one row a line, TAB-separated cells, some HTML, rows
with an empty number continuing the row above). No task, count or name
of a particular plan is written here, so the module passes unchanged for
any commune's plan and source.

1. Importing the source with the project's importer, using the published
   plan as registry (``python -m macros import SOURCE --registry
   data/plan.yaml``), gives data/plan.yaml back, field by field. What an
   editor adds and the document cannot say (``EDITORIAL``) is not compared.
2. The site, built as it is (``mkdocs build --strict``), shows every
   cell of the source verbatim after whitespace normalisation and NFC:
   the Bản in page row for row, and each task page its content and cells.
   The source is read here on its own terms, not by the importer.
3. The report examples of CONTRIBUTING.md, which staff copy, name tasks
   and units of the published plan.
"""

from __future__ import annotations

import itertools
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import ROOT, BuiltSite, build_site, contributing_reports
from macros import urls
from macros.importer import import_plan
from macros.importer.draft import NO_COLUMN
from macros.importer.review import ReviewList
from macros.mkdocs_glue.settings import project_settings
from macros.plan.loader import load_plan
from macros.plan.model import Plan, PlanMeta, Section, Task
from macros.plan.problems import DataError
from macros.progress.updates import load_updates
from macros.text import INVISIBLE_RE

pytestmark = pytest.mark.build

PLAN_PATH = ROOT / project_settings(ROOT).plan  # the plan the site publishes, as mkdocs.yml names it
SOURCE_DIR = ROOT / "data" / "sources"
SOURCE_SUFFIXES = (".txt", ".docx", ".pdf")

# Fields an editor writes beside the document's words (shown as "Ghi chú biên tập"): never in the source.
EDITORIAL = frozenset({"note"})


def source_files() -> list[Path]:
    return sorted(p for p in SOURCE_DIR.glob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)


SOURCES = source_files()
NO_SOURCE = (
    f"Không có văn bản gốc trong {SOURCE_DIR.relative_to(ROOT)}/: cần đặt ở đó phụ lục đã ký (.docx) hoặc bản "
    "xuất .txt của nó, để so với data/plan.yaml và trang web."
)


# ---------------------------------------------------------------- text as a reader compares it


def norm(text: str) -> str:
    """NFC, single spaces, no invisible characters: how two copies of one text are compared."""
    text = INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return re.findall(r"\w+", norm(text))


def number_text(text: str) -> str:
    """A row number as a number: "1." and "1", "a)" and "a", "(b)" and "b" are one number."""
    return re.sub(r"^[(\s]+|[.)\s]+$", "", norm(text))


def first_difference(ours: str, theirs: str, context: int = 6) -> str:
    """Where two texts part, a few words either side: "… nhằm [bồi] sung … ≠ … nhằm [bổ] sung …"."""
    a, b = norm(ours).split(), norm(theirs).split()
    n = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))

    def excerpt(w: list[str]) -> str:
        shown = w[max(0, n - context) : n] + [f"[{' '.join(w[n : n + 2])}]"] + w[n + 2 : n + context]
        return "… " + " ".join(shown) + " …"

    return f"{excerpt(a)} ≠ {excerpt(b)}"


BULLET = re.compile(r"^[-–•+]\s+")


def paragraph(text: str) -> str:
    """A paragraph of the source; a typed list marker reads as the dash the site draws before list items."""
    return BULLET.sub("- ", norm(text))


# ---------------------------------------------------------------- the source, read on its own terms


@dataclass
class SourceRow:
    cells: list[list[str]]  # each cell: its paragraphs
    where: str

    def paragraphs(self, column: int) -> list[str]:
        return self.cells[column] if column < len(self.cells) else []

    def texts(self) -> list[str]:
        return [" ".join(c) for c in self.cells]


@dataclass
class SourceDocument:
    path: Path
    above: list[str]  # lines above the table
    rows: list[SourceRow]  # every table row, the header included


class _CellText(HTMLParser):
    """A .txt cell's paragraphs: markup dropped, a new paragraph at each line break, paragraph or list item."""

    BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = [""]

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.BREAKS:
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BREAKS:
            self.paragraphs.append("")

    def handle_data(self, data: str) -> None:
        self.paragraphs[-1] += data


def html_paragraphs(html: str) -> list[str]:
    html = html.strip()
    if len(html) > 4 and html.startswith("**") and html.endswith("**"):  # Markdown bold, as exports write it
        html = html[2:-2]
    parser = _CellText()
    parser.feed(html)
    parser.close()
    return [p for p in map(paragraph, parser.paragraphs) if p]


def read_txt(path: Path) -> SourceDocument:
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tabbed = [n for n, line in enumerate(lines) if "\t" in line]
    assert tabbed, f"{path.name}: không có dòng nào có các ô cách nhau bằng TAB (bảng phụ lục)."
    above = [norm(line.replace("**", " ")) for line in lines[: tabbed[0]]]
    rows = [SourceRow([html_paragraphs(c) for c in lines[n].split("\t")], f"{path.name}, dòng {n + 1}") for n in tabbed]
    return SourceDocument(path, [line for line in above if line], rows)


def read_docx(path: Path) -> SourceDocument:
    from docx import Document
    from docx.table import Table

    above: list[str] = []
    rows: list[SourceRow] = []
    tables = 0
    for block in Document(str(path)).iter_inner_content():
        if not isinstance(block, Table):
            if not tables and norm(block.text):
                above.append(norm(block.text))
            continue
        tables += 1
        seen: list[Any] = []  # a merged cell is one cell: read where it starts, empty where it spans
        for number, row in enumerate(block.rows, start=1):
            cells: list[list[str]] = []
            for cell in row.cells:
                if any(cell._tc is tc for tc in seen):
                    cells.append([])
                    continue
                seen.append(cell._tc)
                cells.append([p for p in (paragraph(par.text) for par in cell.paragraphs) if p])
            rows.append(SourceRow(cells, f"{path.name}, bảng {tables}, hàng {number}"))
    return SourceDocument(path, above, rows)


def read_pdf(path: Path) -> SourceDocument:
    """A PDF's table as printed: its cells' lines and paragraphs, found by the table's ruling lines (pdfplumber,
    through the importer's lowest layer, before any reading of numbers, columns or names)."""
    from macros.importer.pdf import source_table as printed_table

    printed = printed_table(path)
    rows = [SourceRow([[p for p in map(paragraph, cell) if p] for cell in row.cells], f"{path.name}, {row.where}")
            for row in printed.rows]  # fmt: skip
    return SourceDocument(path, [norm(line) for line in printed.above if norm(line)], rows)


def read_source(path: Path) -> SourceDocument:
    readers = {".docx": read_docx, ".pdf": read_pdf}
    return readers.get(path.suffix.lower(), read_txt)(path)


@dataclass
class Entry:
    """One numbered row of the source (a section or a task) with the rows that continue it."""

    rows: list[SourceRow] = field(default_factory=list)

    @property
    def where(self) -> str:
        return self.rows[0].where

    def paragraphs(self, column: int) -> list[list[str]]:
        """The column's paragraphs, row by row."""
        return [row.paragraphs(column) for row in self.rows]


@dataclass
class SourceTable:
    header: list[str]
    columns: dict[int, int]  # source column → column of the Bản in table
    entries: list[Entry]
    keys: list[str] = field(default_factory=list)  # what each Bản in column holds: number, task, lead… or an extra id

    def column(self, key: str) -> int:
        """The source column shown in the Bản in column holding ``key`` ("number", "task", "lead"…)."""
        return next(i for i, k in self.columns.items() if self.keys[k] == key)


def is_column_numbers(texts: list[str]) -> bool:
    """The row "(1) (2) (3)…" under the header: it numbers the columns, not the tasks."""
    values = [re.sub(r"[()\s]", "", t) for t in texts if t.strip()]
    return len(values) >= 2 and values == [str(i) for i in range(1, len(values) + 1)]


def source_table(document: SourceDocument, page_columns: list[tuple[str, str]], page_groups: list[str]) -> SourceTable:
    """The task table: from the block of header rows whose cells are the column headers shown on the Bản in page
    (with, for a two-row header, the cells merged over several columns), to the end.

    A column's header is the lowest header cell above it that names a Bản in column: "Chủ trì" under
    "Cơ quan thực hiện", "STT" alone."""
    page_headers = [header for _, header in page_columns]
    headers, allowed = set(page_headers), set(page_headers) | set(page_groups)

    def is_header(row: SourceRow) -> bool:
        texts = [t for t in row.texts() if t]
        return bool(texts) and all(t in allowed for t in texts) and any(t in headers for t in texts)

    start = next((n for n, row in enumerate(document.rows) if is_header(row) and len([t for t in row.texts() if t]) >= 2),
                 None)  # fmt: skip
    assert start is not None, (
        f"{document.path.name}: không hàng nào của bảng có đúng các tiêu đề cột của trang Bản in {page_headers}; "
        f"hàng đầu của bảng là {document.rows[0].texts()}."
    )
    end = start + 1
    while end < len(document.rows) and is_header(document.rows[end]):
        end += 1
    block = [row.texts() for row in document.rows[start:end]]
    width = max(len(texts) for texts in block)
    header = [next((t[i] for t in reversed(block) if i < len(t) and t[i] in headers), "") for i in range(width)]
    columns = {i: page_headers.index(h) for i, h in enumerate(header) if h}
    entries: list[Entry] = []
    number_column = next((i for i, k in columns.items() if k == 0), None)
    assert number_column is not None, f"{document.path.name}: bảng không có cột số thứ tự ({page_headers[0]})."
    for row in document.rows[end:]:
        texts = row.texts()
        if texts in block or is_column_numbers(texts) or not any(texts):
            continue  # a header row repeated after a page or table break, the column numbers, an empty row
        if number_text(" ".join(row.paragraphs(number_column))) or not entries:
            entries.append(Entry())
        entries[-1].rows.append(row)
    return SourceTable(header, columns, entries, [key for key, _ in page_columns])


# ---------------------------------------------------------------- the site, read as a visitor reads it


def blocks_of(element: Any) -> list[str]:
    """A cell's paragraphs and list items, each list item with the dash the page draws before it."""
    found = element.xpath(".//p|.//li")
    if not found:
        text = norm(element.text_content())
        return [text] if text else []
    return [("- " if e.tag == "li" else "") + norm(e.text_content()) for e in found]


PRINT_TABLE = "//table[contains(@class,'kh-print__table')]"


def print_columns(site: BuiltSite) -> list[tuple[str, str]]:
    """(what the column holds, its header) for each column of the Bản in table, in the page's order.

    Each ``<col>`` and each column's own ``<th>`` name what the column holds (number, task, lead… or an
    extra column's id); a header cell merged over several columns (a two-row header) names none."""
    tree = site.tree(urls.PRINT)
    keys = tree.xpath(f"{PRINT_TABLE}/colgroup/col/@data-column")
    return [(k, norm(tree.xpath(f"{PRINT_TABLE}/thead//th[@data-column='{k}']")[0].text_content())) for k in keys]


def print_groups(site: BuiltSite) -> list[str]:
    """The header cells of Bản in merged over several columns ("Cơ quan thực hiện" over "Chủ trì", "Phối hợp")."""
    return [norm(th.text_content()) for th in site.tree(urls.PRINT).xpath(f"{PRINT_TABLE}/thead//th[not(@data-column)]")]


def print_headers(site: BuiltSite) -> list[str]:
    return [header for _, header in print_columns(site)]


def print_rows(site: BuiltSite) -> list[Any]:
    return site.tree(urls.PRINT).xpath(f"{PRINT_TABLE}/tbody/tr")


def task_pages(site: BuiltSite) -> dict[str, str]:
    """Task id → address of its page, for every task of Tất cả nhiệm vụ, whichever of its numbered pages lists it."""
    found: dict[str, str] = {}
    address: str | None = urls.ALL_TASKS
    while address is not None:
        tree = site.tree(address)
        for row in tree.xpath("//tr[@data-task]"):
            link = row.xpath(".//a[contains(@class,'kh-id')]/@href")[0]
            found[row.get("data-task")] = _resolve(address, link)
        following = tree.xpath("//a[@rel='next']/@href")
        address = _resolve(address, following[0]) if following else None
    return found


def _resolve(base: str, link: str) -> str:
    """A relative link of the page at ``base`` as an address from the site's root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(base.rstrip("/") + "/x"), link)) + "/"


@pytest.fixture(scope="module")
def published() -> Plan:
    return load_plan(PLAN_PATH).plan


@pytest.fixture(scope="module", params=SOURCES or [None], ids=[p.name for p in SOURCES] or ["khong-co-van-ban-goc"])
def source(request: pytest.FixtureRequest) -> Path:
    if request.param is None:
        pytest.fail(NO_SOURCE)
    return request.param


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    dest = tmp_path_factory.mktemp("acceptance-site")
    result = build_site(ROOT, dest, epoch=None)  # the project as it is, on its own reference date
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(dest, ROOT)


@pytest.fixture(scope="module")
def table(source: Path, site: BuiltSite) -> SourceTable:
    return source_table(read_source(source), print_columns(site), print_groups(site))


def test_the_signed_source_is_kept_in_data_sources() -> None:
    assert SOURCES, NO_SOURCE


# ---------------------------------------------------------------- 1. the plan is the source, imported


def imported(source: Path, registry: Plan | None, tmp_path: Path) -> Plan:
    out = tmp_path / "nhap.yaml"
    out.write_text(import_plan(source, registry, out, ReviewList()), encoding="utf-8")
    return load_plan(out).plan


def differences(mine: Plan, published: Plan) -> list[str]:
    """Every field where the imported plan and the published one disagree, named by where it is."""
    out: list[str] = []

    def compare(where: str, a: Any, b: Any) -> None:
        if a != b:
            shown = first_difference(str(a), str(b)) if len(str(a)) + len(str(b)) > 160 else f"{a!r} ≠ {b!r}"
            out.append(f"{where}: văn bản gốc ≠ data/plan.yaml: {shown}")

    for name in PlanMeta.model_fields:
        compare(f"plan.{name}", getattr(mine.plan, name), getattr(published.plan, name))
    for registry in ("units", "deliverable_kinds", "schedules"):
        ours = {e.id: e for e in getattr(mine, registry)}
        theirs = {e.id: e for e in getattr(published, registry)}
        for entry_id in sorted(ours.keys() | theirs.keys()):
            compare(f"{registry}[{entry_id}]", ours.get(entry_id), theirs.get(entry_id))
    compare("sections", [s.id for s in mine.sections], [s.id for s in published.sections])
    for section in published.sections:
        other = mine.section_by_id.get(section.id)
        if other is None:
            continue
        for name in Section.model_fields.keys() - {"tasks"}:
            compare(f"{section.id}.{name}", getattr(other, name), getattr(section, name))
        compare(f"{section.id}: nhiệm vụ", [t.id for t in other.tasks], [t.id for t in section.tasks])
    for task in published.tasks:
        twin = mine.task_by_id.get(task.id)
        if twin is None:
            continue
        for name in Task.model_fields.keys() - EDITORIAL:
            compare(f"{task.id}.{name}", getattr(twin, name), getattr(task, name))
    return out


CELL_IDS = {"lead": "units", "coordinating": "units", "deliverable": "kinds"}


def test_importing_the_source_reproduces_the_published_plan(source: Path, published: Plan, tmp_path: Path) -> None:
    """`python -m macros import SOURCE --registry data/plan.yaml` gives data/plan.yaml back, but for editorial notes."""
    found = differences(imported(source, published, tmp_path), published)
    assert not found, f"{len(found)} chỗ khác giữa {source.name} và data/plan.yaml:\n" + "\n".join(found[:30])


def test_importing_without_registry_keeps_every_task_and_cell(source: Path, published: Plan, tmp_path: Path) -> None:
    """A first import, before any name list exists, already holds every task, paragraph and cell of the plan."""
    draft = imported(source, None, tmp_path)
    assert [t.id for t in draft.tasks] == [t.id for t in published.tasks]
    found = []
    for task in published.tasks:
        twin = draft.task_by_id[task.id]
        pairs = {name: (getattr(twin, name), getattr(task, name)) for name in ("number", "content", "heading")}
        pairs |= {cell: (getattr(twin, cell).text, getattr(task, cell).text) for cell in CELL_IDS.keys() | {"schedule"}}
        found += [f"{task.id}.{name}: {first_difference(str(a), str(b))}" for name, (a, b) in pairs.items() if a != b]
    assert not found, "Bản nháp (không có danh mục) khác data/plan.yaml:\n" + "\n".join(found)


def test_every_cell_that_names_something_is_linked(published: Plan) -> None:
    """A unit or product named in a cell has its page: the task is listed there. (A time the document states only
    in words, such as "Theo chỉ đạo của cấp trên", has no page to link: the task shows it verbatim, and the
    importer lists it for review.)"""
    unlinked = [
        f"{task.id}.{cell}: \"{getattr(task, cell).text}\""
        for task in published.leaf_tasks
        for cell, ids in CELL_IDS.items()
        if getattr(task, cell).text.strip() and not getattr(getattr(task, cell), ids)
    ]
    heading = "Ô có chữ nhưng chưa gắn mã trong danh mục (units, deliverable_kinds):\n"
    assert not unlinked, heading + "\n".join(unlinked)


# ---------------------------------------------------------------- 2. the site shows every word of the source


# A list marker standing alone ("- ", "– ", "• ", "+ "), at a paragraph's start or inline: structure, not words.
LIST_MARK = re.compile(r"(?:^|\s)[-–•+](?=\s|$)")


def runs(text: str) -> list[str]:
    """The text between list markers, each run normalised: what must stand whole on the page."""
    return [" ".join(run.split()) for run in LIST_MARK.split(text) if run.strip()]


def assert_shown(source_rows: list[list[str]], shown: list[str], where: str) -> None:
    """Fidelity, as the README states it: the same words in the same order, none lost or added; and every
    paragraph of the source whole on the page once the structure the site adds beside it is set aside (a
    paragraph written with inline "- " bullets may show as a paragraph and a list: each run of text between
    two markers stands whole in one paragraph or list item)."""
    paragraphs = [p for row in source_rows for p in row]
    source, page = " ".join(paragraphs), " ".join(shown)
    assert words(page) == words(source), f"{where}: chữ trên trang khác văn bản gốc: {first_difference(source, page)}"
    blocks = [" ".join(runs(block)) for block in shown]
    for p in paragraphs:
        for run in runs(p):
            assert any(run in block for block in blocks), (
                f"{where}: trang không có nguyên văn \"{run}\" (trong đoạn \"{p}\"); trang ghi: {' / '.join(shown)}"
            )


def test_print_page_headers_are_the_source_headers(table: SourceTable, site: BuiltSite) -> None:
    """Each column of the source under its own header, in the source's order; no column the source lacks."""
    headers = print_headers(site)
    assert len(set(table.columns.values())) == len(table.columns), f"hai cột của văn bản gốc cùng tên: {table.header}"
    assert list(table.columns.values()) == sorted(table.columns.values()), (
        f"trang Bản in đổi thứ tự các cột: gốc {table.header}, trang {headers}"
    )
    added = [h for k, h in enumerate(headers) if k not in table.columns.values()]
    assert all(h == NO_COLUMN for h in added), f"trang Bản in có cột văn bản gốc không có: {added}"


def test_print_page_shows_the_text_above_the_table(source: Path, site: BuiltSite) -> None:
    """The appendix's label, title and "(Kèm theo …)" line, as written above the table."""
    head = norm(site.tree(urls.PRINT).xpath("//header[contains(@class,'kh-print__head')]")[0].text_content())
    for line in read_source(source).above:
        assert line in head, f"{source.name}: dòng \"{line}\" phía trên bảng không có ở đầu trang Bản in."


def test_print_page_has_every_row_and_cell_of_the_source_verbatim(table: SourceTable, site: BuiltSite) -> None:
    rows = print_rows(site)
    numbers = [number_text(" ".join(e.rows[0].paragraphs(table.column("number")))) for e in table.entries]
    shown = [number_text(" ".join(blocks_of(r.xpath("td|th")[0]))) for r in rows]
    assert shown == numbers, "Các dòng của trang Bản in không theo đúng số thứ tự của văn bản gốc."
    for entry, row in zip(table.entries, rows, strict=True):
        cells = row.xpath("td|th")
        for column, k in table.columns.items():
            page = blocks_of(cells[k]) if k < len(cells) else []
            if k == 0:
                continue  # numbers compared above
            assert_shown(entry.paragraphs(column), page, f"Bản in, {entry.where}, cột \"{table.header[column]}\"")


def test_each_task_page_shows_its_content_and_cells_verbatim(table: SourceTable, site: BuiltSite) -> None:
    pages = task_pages(site)
    task_ids = [r.get("data-task") for r in print_rows(site)]
    assert len(task_ids) == len(table.entries), "Số dòng của trang Bản in khác số dòng có số thứ tự của văn bản gốc."
    content_column = table.column("task")
    checked = 0
    for entry, task_id in zip(table.entries, task_ids, strict=True):
        if task_id is None:  # a section row
            continue
        assert task_id in pages, f"Nhiệm vụ {task_id} không có trong trang Tất cả nhiệm vụ."
        page = site.tree(pages[task_id])
        where = f"trang nhiệm vụ {task_id} ({entry.where})"
        content = page.xpath("//section[contains(@class,'kh-content')]")[0]
        assert_shown(entry.paragraphs(content_column), blocks_of(content), f"{where}, nội dung")
        facts = page.xpath("//dl[contains(@class,'kh-facts')]")
        for column, k in table.columns.items():
            if table.keys[k] in ("number", "task"):
                continue
            shown = facts[0].xpath(f"dd[@data-column='{table.keys[k]}']") if facts else []
            if not shown:  # a heading task: the source gives it no cells
                assert not any(entry.paragraphs(column)), f"{where}: ô \"{table.header[column]}\" không hiện trên trang."
                continue
            spans = shown[0].xpath(".//span[contains(@class,'kh-cell-text')]")
            assert_shown(entry.paragraphs(column), blocks_of(spans[0]) if spans else [], f"{where}, \"{table.header[column]}\"")
        checked += 1
    assert checked == len(pages), "Trang Tất cả nhiệm vụ có nhiệm vụ không có trong văn bản gốc."


SENTENCE_END = re.compile(r"[.!?…:;][\"”»)*]*$")


def test_a_sentence_cut_across_rows_is_one_paragraph_on_the_site(table: SourceTable, site: BuiltSite) -> None:
    """A row that ends mid-sentence (a page break in the document) runs on into the next row's text."""
    pages = task_pages(site)
    content_column = table.column("task")
    for entry, task_id in zip(table.entries, [r.get("data-task") for r in print_rows(site)], strict=True):
        rows = [r for r in entry.paragraphs(content_column) if r]
        if task_id is None or len(rows) < 2:
            continue
        shown = blocks_of(site.tree(pages[task_id]).xpath("//section[contains(@class,'kh-content')]")[0])
        blocks = [" ".join(runs(block)) for block in shown]
        for before, after in itertools.pairwise(rows):
            if not SENTENCE_END.search(before[-1]) and runs(before[-1]) and runs(after[0]):
                joined = f"{runs(before[-1])[-1]} {runs(after[0])[0]}"
                assert any(joined in block for block in blocks), (
                    f"{task_id} ({entry.where}): câu bị cắt ở cuối dòng không được nối lại: \"{joined}\""
                )


# ---------------------------------------------------------------- 3. the guide's examples are of this plan


def test_the_reports_contributing_shows_name_tasks_and_units_of_the_plan(published: Plan, tmp_path: Path) -> None:
    """Staff start from CONTRIBUTING.md's example reports: pasted into data/updates/ as they are, each names a
    task of the published plan and a unit taking part in it, and `make check` takes them without a word."""
    reports = contributing_reports()
    assert reports, "CONTRIBUTING.md không còn báo cáo mẫu (khối ```yaml) để so với data/plan.yaml."
    named = [yaml.safe_load(report) for report in reports]
    unknown = [f"task: {r['task']}" for r in named if r["task"] not in published.task_by_id]
    unknown += [f"unit: {r['unit']}" for r in named if r["unit"] not in published.unit_by_id]
    assert not unknown, f"Báo cáo mẫu trong CONTRIBUTING.md ghi mã không có trong data/plan.yaml: {', '.join(unknown)}."
    for n, report in enumerate(reports):
        (tmp_path / f"khoi-yaml-{n + 1}.yaml").write_text(report, encoding="utf-8")
    try:
        loaded = load_updates(tmp_path, published)
    except DataError as error:
        pytest.fail(f"Báo cáo mẫu trong CONTRIBUTING.md không qua được make check:\n{error}")
    assert not loaded.warnings, "Báo cáo mẫu trong CONTRIBUTING.md bị cảnh báo:\n" + "\n".join(map(str, loaded.warnings))
