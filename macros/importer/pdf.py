"""Reading PDF files (pdfplumber): the signed copy a body publishes, as Word or LibreOffice export it.

A PDF knows glyphs and lines, not tables and paragraphs, so both are
rebuilt from the page:

- the table is found by its ruling lines, page by page; the task table is
  the first one whose header :func:`.columns.recognise` accepts, however
  many pages of the decision come first. Tables on the following pages with
  as many columns continue it; their first row is dropped when it repeats
  the header ("repeat header row"). A row cut by a page break starts the
  next page with an empty number cell: its pieces are joined back into the
  one row the document has, as the .docx reader sees it.
- in a cell, a new line starts a new paragraph when it starts with a list
  bullet, when it lies further below than the lines of a paragraph do
  (the space Word puts after a paragraph), or when its first word would
  have fitted at the end of the line above (so the line above was ended by
  hand, not wrapped). Wrapped lines join with a single space, so the text
  equals the .docx's. A hand break at the end of a full line with no space
  after the paragraph cannot be seen; it reads as one paragraph.
- bold and italic come from the font names ("…-Bold", "…-Italic",
  "…Oblique"), as Word writes them into the PDF.
- the text above the table on its page is the preamble (label, title,
  "(Kèm theo …)"); lines found at the top or bottom of most pages (a
  gazette's "CÔNG BÁO/Số …/Ngày …", page numbers) are left out.

A scan has no text to read: it is refused, saying what to ask for instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .columns import not_a_task_table, recognise
from .rows import NoTaskTable, Row, Segment, SourceCell, Table, clean, from_appendix_label, is_bold, paragraphs, render

if TYPE_CHECKING:  # pdfplumber is imported only when a PDF is read
    from pdfplumber.page import Page
    from pdfplumber.table import Table as PdfTable

ASK_INSTEAD = "hãy xin cơ quan ban hành tệp Word (.docx) hoặc bản PDF xuất từ Word (không in ra rồi quét lại)."
SCANNED = f"tệp PDF là ảnh quét, không có lớp chữ: {ASK_INSTEAD}"
SCANNED_PAGES = "không thấy bảng nhiệm vụ trong các trang có chữ; trang {pages} là ảnh quét, không có lớp chữ: " + ASK_INSTEAD
NO_RULED_TABLE = (
    "tệp PDF không có bảng kẻ ô nào (bảng nhiệm vụ cần có đường kẻ, như khi xuất từ Word); "
    "hãy dùng tệp Word (.docx) của văn bản."
)
# List bullets as Word and LibreOffice draw them: Symbol's and OpenSymbol's private-use glyphs, and the usual dots.
BULLET_GLYPHS = frozenset("•◦▪▫●○■□➢►✓\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0e0")
TYPED_BULLET = re.compile(r"^[-–+]\s")
CLAUSE_END = re.compile(r"[.;:!?…]\*?[\"”»)]?$")
PAGE_NUMBER = re.compile(r"^(trang\s*)?[-–—\s]*\d+[-–—\s]*$", re.IGNORECASE)
EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be a running header or footer
SPACE = 0.25  # a space, as a share of the font size (Times, Arial: 0.25–0.28)

Char = dict[str, Any]


@dataclass
class Line:
    """One printed line: its glyphs left to right, with the gaps that mean a space made into spaces."""

    chars: list[Char]
    page: int

    @property
    def top(self) -> float:
        return min(float(c["top"]) for c in self.chars)

    @property
    def x0(self) -> float:
        return float(self.chars[0]["x0"])

    @property
    def x1(self) -> float:
        return max(float(c["x1"]) for c in self.chars)

    @property
    def size(self) -> float:
        return max(float(c["size"]) for c in self.chars)

    def segments(self) -> list[Segment]:
        out: list[Segment] = []
        previous: Char | None = None
        for char in self.chars:
            if previous is not None and _gap(previous, char):
                out.append(Segment(" ", _italic(previous) and _italic(char), _bold(previous) and _bold(char)))
            out.append(Segment(str(char["text"]), _italic(char), _bold(char)))
            previous = char
        return out

    @property
    def text(self) -> str:
        return clean("".join(s.text for s in self.segments())).strip()

    @property
    def bullet_glyph(self) -> bool:
        first = self.chars[0]
        return str(first["text"]) in BULLET_GLYPHS or any(f in str(first["fontname"]) for f in ("Symbol", "Wingdings"))

    def first_word_width(self) -> float:
        """How wide the line's first word is (after a drawn bullet): what would have had to fit on the line above."""
        chars = self.chars[1:] if self.bullet_glyph else self.chars
        while chars and _space(chars[0]):
            chars = chars[1:]
        word = chars[:1]
        for char in chars[1:]:
            if _space(char) or _gap(word[-1], char):
                break
            word.append(char)
        return float(word[-1]["x1"]) - float(word[0]["x0"]) if word else 0.0


def _space(char: Char) -> bool:
    return not str(char["text"]).strip()


def _gap(before: Char, after: Char) -> bool:
    """Two glyphs further apart than letters of a word: a space the PDF positions instead of drawing."""
    spaced = float(after["x0"]) - float(before["x1"]) > 0.15 * float(after["size"])
    return spaced and not _space(before) and not _space(after)


def _italic(char: Char) -> bool:
    name = str(char["fontname"])
    return "Italic" in name or "Oblique" in name


def _bold(char: Char) -> bool:
    return "Bold" in str(char["fontname"])


def lines_of(chars: list[Char], page: int) -> list[Line]:
    """Glyphs in reading order, one :class:`Line` for each row of glyphs sharing a height on the page."""
    out: list[Line] = []
    for char in sorted(chars, key=lambda c: (float(c["top"]), float(c["x0"]))):
        if out and abs(float(char["top"]) - float(out[-1].chars[0]["top"])) <= 0.3 * float(char["size"]):
            out[-1].chars.append(char)
        else:
            out.append(Line([char], page))
    for line in out:
        line.chars.sort(key=lambda c: float(c["x0"]))
        while line.chars and _space(line.chars[0]):
            line.chars.pop(0)
    return [line for line in out if line.chars and line.text]


@dataclass
class Layout:
    """What tells a wrapped line from a new paragraph: the usual distance between lines, per font size."""

    pitch: float = 1.2  # the usual distance from one line's top to the next, as a share of the font size

    @classmethod
    def of(cls, blocks: list[list[Line]]) -> Layout:
        ratios = sorted(
            (b.top - a.top) / a.size
            for lines in blocks
            for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and b.top > a.top
        )
        return cls(ratios[len(ratios) // 5]) if ratios else cls()

    def new_paragraph(self, above: Line, line: Line, right: float) -> bool:
        if line.bullet_glyph:
            return True
        fits = above.x1 + SPACE * line.size + line.first_word_width() <= right - 0.5
        if TYPED_BULLET.match(line.text) and (fits or CLAUSE_END.search(above.text)):
            return True
        spaced = above.page == line.page and line.top - above.top > (self.pitch + 0.25) * above.size
        return spaced or fits

    def split(self, lines: list[Line], right: float) -> list[list[Line]]:
        out: list[list[Line]] = []
        for line in lines:
            if out and not self.new_paragraph(out[-1][-1], line, right):
                out[-1].append(line)
            else:
                out.append([line])
        return out


@dataclass
class PdfCell:
    """The lines of one cell (of one row, on however many pages it runs) and its right inner edge."""

    lines: list[Line] = field(default_factory=list)
    right: float = 0.0

    def paragraphs(self, layout: Layout) -> list[tuple[list[Segment], bool]]:
        """Each paragraph's runs, wrapped lines joined by a space, and whether it is a bulleted list item."""
        out: list[tuple[list[Segment], bool]] = []
        for para in layout.split(self.lines, self.right):
            listed = para[0].bullet_glyph
            segments: list[Segment] = []
            for number, line in enumerate(para):
                runs = line.segments()[1:] if number == 0 and listed else line.segments()
                if segments:
                    segments.append(Segment(" ", segments[-1].italic and runs[0].italic, segments[-1].bold and runs[0].bold))
                segments += runs
            out.append((segments, listed))
        return out

    def texts(self, layout: Layout) -> list[str]:
        """The paragraphs as printed, a drawn bullet written "•"."""
        return [("• " if listed else "") + clean(render([Segment(s.text) for s in segs])) for segs, listed in
                self.paragraphs(layout)]  # fmt: skip

    def cell(self, layout: Layout) -> SourceCell:
        parts = self.paragraphs(layout)
        texts = [(render(segs), listed) for segs, listed in parts]
        return SourceCell(paragraphs(texts), is_bold([s for segs, _ in parts for s in segs]))


@dataclass
class PdfRow:
    cells: list[PdfCell | None]  # None: a column covered by a cell merged across it
    where: str
    page: int

    def extend(self, more: PdfRow) -> None:
        """The rest of a row cut by a page break, cell by cell."""
        for mine, theirs in zip(self.cells, more.cells, strict=False):
            if mine is not None and theirs is not None:
                mine.lines += theirs.lines


@dataclass
class PdfTaskTable:
    """The task table as laid out in the PDF: its header, its rows, the lines above it, and where it starts."""

    header: PdfRow
    rows: list[PdfRow]
    above: list[Line]  # every line above the table on its page
    right: float  # the right edge of the text above, for telling its wrapped lines
    where: str
    running: set[str] = field(default_factory=set)  # the document's running headers and footers (see furniture)
    layout: Layout = field(default_factory=Layout)

    def preamble(self) -> list[str]:
        """The paragraphs above the table, without running headers and page numbers, and from the appendix
        label on ("Phụ lục …") when there is one: the end of the decision may share the page."""
        lines = [line for line in self.above if furniture(line) not in self.running and not PAGE_NUMBER.match(line.text)]
        blocks = [" ".join(line.text for line in para) for para in self.layout.split(lines, self.right)]
        return [clean(b).strip() for b in from_appendix_label(blocks)]


@dataclass(frozen=True)
class SourceRow:
    cells: list[list[str]]  # each cell: its paragraphs as printed
    where: str


@dataclass(frozen=True)
class SourceTable:
    above: list[str]  # the paragraphs above the table (appendix label, title, "(Kèm theo …)")
    rows: list[SourceRow]  # the header once, then every row, rows cut by a page break joined


def source_table(path: Path) -> SourceTable:
    """The task table of a PDF as printed, before any import logic: for checks that read the source on its
    own terms (tests/test_acceptance.py). A cell merged across columns is read where it starts, the columns
    it covers are empty; a list item keeps its bullet, written "• "; italics are plain text."""
    found = find_task_table(path)
    rows = [found.header, *found.rows]
    return SourceTable(found.preamble(), [
        SourceRow([c.texts(found.layout) if c else [] for c in r.cells], r.where) for r in rows
    ])  # fmt: skip


def read_pdf(path: Path) -> Table:
    found = find_task_table(path)
    header = [" ".join(c.texts(found.layout)) if c else "" for c in found.header.cells]
    rows = [Row([c.cell(found.layout) if c else SourceCell() for c in r.cells], r.where) for r in found.rows]
    return Table(header, rows, found.preamble(), found.where)


def find_task_table(path: Path) -> PdfTaskTable:
    """The first table whose header names a task column, continued over the pages after it."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = pdf.pages
        if not any(page.chars for page in pages):
            raise NoTaskTable(SCANNED)
        running = running_lines(pages)
        found: PdfTaskTable | None = None
        first_header: list[str] | None = None
        for page in pages:
            for number, table in enumerate(page.find_tables(), start=1):
                rows = _rows(page, table)
                if not rows:
                    continue
                texts = _texts(rows[0])
                if found is None:
                    first_header = first_header or texts
                    if recognise(texts) is None:
                        continue
                    above = lines_of(_chars_above(page, table), page.page_number)
                    right = max([float(table.bbox[2])] + [line.x1 for line in above])
                    found = PdfTaskTable(rows[0], [], above, right, f"trang {page.page_number}, bảng {number}", running)
                    _append(found, rows[1:], new_page=False)
                elif len(texts) != len(found.header.cells) or (recognise(texts) and texts != _texts(found.header)):
                    return _settled(found)
                else:
                    new_page = found.rows[-1].page != page.page_number if found.rows else False
                    _append(found, rows[1:] if texts == _texts(found.header) else rows, new_page)
        if found is None:
            scanned = [str(page.page_number) for page in pages if not page.chars]
            if scanned:
                raise NoTaskTable(SCANNED_PAGES.format(pages=", ".join(scanned)))
            raise NoTaskTable(not_a_task_table(first_header) if first_header else NO_RULED_TABLE)
        return _settled(found)


def _settled(found: PdfTaskTable) -> PdfTaskTable:
    found.layout = Layout.of([c.lines for r in [found.header, *found.rows] for c in r.cells if c])
    return found


def _append(found: PdfTaskTable, rows: list[PdfRow], new_page: bool) -> None:
    """Rows of the table; on a following page, a first row without a number is the rest of the row above."""
    columns = recognise(_texts(found.header))
    number = columns.get("number") if columns else None
    if new_page and rows and found.rows and number is not None:
        first = rows[0].cells[number] if number < len(rows[0].cells) else None
        if first is None or not first.lines:
            found.rows[-1].extend(rows.pop(0))
    found.rows += rows


def _texts(row: PdfRow) -> list[str]:
    return [clean(" ".join(line.text for line in c.lines)).strip() if c else "" for c in row.cells]


def _rows(page: Page, table: PdfTable) -> list[PdfRow]:
    chars = [c for c in page.chars if c.get("upright", True)]  # text turned sideways is no cell's text
    cells = [c for r in table.rows for c in r.cells if c is not None]
    inset = min(  # the cell's inner margin, as the left edge of its text shows it
        (line.x0 - float(box[0]) for box in cells for line in lines_of(_inside(chars, box), page.page_number)),
        default=0.0,
    )
    out: list[PdfRow] = []
    for number, row in enumerate(table.rows, start=1):
        out.append(PdfRow([
            None if box is None else PdfCell(lines_of(_inside(chars, box), page.page_number), float(box[2]) - max(inset, 0.0))
            for box in row.cells
        ], f"trang {page.page_number}, hàng {number}", page.page_number))  # fmt: skip
    return out


def _inside(chars: list[Char], box: tuple[float, float, float, float]) -> list[Char]:
    x0, top, x1, bottom = box
    return [c for c in chars if x0 <= (float(c["x0"]) + float(c["x1"])) / 2 <= x1
            and top <= (float(c["top"]) + float(c["bottom"])) / 2 <= bottom]  # fmt: skip


def _chars_above(page: Page, table: PdfTable) -> list[Char]:
    top = float(table.bbox[1])
    return [c for c in page.chars if float(c["bottom"]) <= top]


def furniture(line: Line) -> str:
    """A line as a running header or footer repeats it: page and issue numbers changing from page to page."""
    return re.sub(r"\d+", "#", " ".join(line.text.split()))


def running_lines(pages: Sequence[Page]) -> set[str]:
    """Lines at the top or bottom of most pages (at least two): the running header and footer."""
    counts: dict[str, int] = {}
    for page in pages:
        lines = lines_of(list(page.chars), page.page_number)
        for text in {furniture(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}:
            counts[text] = counts.get(text, 0) + 1
    return {text for text, n in counts.items() if n >= max(2, len(pages) / 2)}

