"""The page and type of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), in python-docx.

A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times
New Roman throughout, named for every script (ASCII, the rest of Latin, East
Asian, complex) and with the theme fonts removed, so that Word never swaps
in Calibri or a CJK font for a Vietnamese letter; page numbers centred in
the top margin from page 2 on. python-docx has no call for some of these
(paragraph borders, repeated header rows, fields), so they are written as
the WordprocessingML elements Word itself writes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor, Twips

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 12
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]

BODY_STYLE = "Đoạn báo cáo"
TABLE_STYLE = "Chữ trong bảng"
GRID_STYLE = "Table Grid"
# Paragraph styles by name → their ids. Paragraphs are given the id directly: python-docx's lookup by name
# (or by style object) scans every style each time, which made a large plan's report very slow.
STYLE_IDS = {BODY_STYLE: "DoanBaoCao", TABLE_STYLE: "ChuTrongBang", "Heading 1": "Heading1", "Heading 2": "Heading2"}

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_ATTRS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
# Children of w:pPr that come after w:pBdr, in schema order (Word refuses a document with them out of order).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def set_fonts(rpr: BaseOxmlElement, size_pt: float | None = None) -> None:
    """Name the font for every script on a run or style's ``w:rPr``, and drop theme fonts that would win over it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in _FONT_ATTRS:
        fonts.set(qn(attr), FONT)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)
            element.set(qn("w:val"), str(round(size_pt * 2)))


def set_up(document: Document) -> None:
    """Page, margins, fonts and styles of the whole document."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = _twips(MARGINS_MM["top"]), _twips(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = _twips(MARGINS_MM["left"]), _twips(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    _defaults(document)
    _styles(document)
    _page_numbers(document)


def _twips(mm: float) -> Length:
    """Word stores margins in whole twips: rounded up, so that 15 mm stays at least 15 mm (850.4 → 851)."""
    return Twips(math.ceil(mm * 1440 / 25.4))


def _defaults(document: Document) -> None:
    """The document defaults, which every style falls back to: Times New Roman, 13 pt, Vietnamese."""
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, BODY_PT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")


def _styles(document: Document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    body = styles.add_style(BODY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    body.style_id = STYLE_IDS[BODY_STYLE]
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Mm(10)  # NĐ 30: indent 1–1.27 cm
    body.paragraph_format.space_after = Pt(6)  # NĐ 30: at least 6 pt between paragraphs
    cell = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.style_id = STYLE_IDS[TABLE_STYLE]
    cell.base_style = normal
    cell.font.size = Pt(TABLE_PT)
    cell.paragraph_format.space_after = Pt(2)
    for level, name in ((1, "Heading 1"), (2, "Heading 2")):
        heading = styles[name]
        if heading.style_id != STYLE_IDS[name]:
            raise RuntimeError(f"{name}: mã kiểu {heading.style_id} khác {STYLE_IDS[name]} trong mẫu của python-docx.")
        set_fonts(heading.element.get_or_add_rPr(), BODY_PT)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(12 if level == 1 else 9)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True
    for name in ("Header", GRID_STYLE):
        set_fonts(styles[name].element.get_or_add_rPr())


def _page_numbers(document: Document) -> None:
    """NĐ 30: page numbers in Arabic digits, centred in the top margin, none on the first page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(paragraph, "PAGE", "2")
    first = section.first_page_header.paragraphs[0]
    first.text = ""


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field (PAGE…) as Word writes it: begin, instruction, separate, last shown result, end."""

    def run_with(*children: BaseOxmlElement) -> None:
        run = paragraph.add_run()
        set_fonts(run._r.get_or_add_rPr(), BODY_PT)
        for child in children:
            run._r.append(child)

    def char(kind: str) -> BaseOxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    text = OxmlElement("w:t")
    text.text = shown
    run_with(char("begin"))
    run_with(code)
    run_with(char("separate"))
    run_with(text)
    run_with(char("end"))


def rule_below(paragraph: Paragraph, width_mm: float, box_mm: float) -> None:
    """A short solid line under a centred line of text: a bottom border on ``paragraph``, whose indents
    make it ``width_mm`` long in a box ``box_mm`` wide (NĐ 30 draws one under the body's name and the motto)."""
    side = max((box_mm - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def fix_widths(table: Table, widths_mm: list[float]) -> None:
    """Fixed column widths, written both where Word reads them (cells) and where LibreOffice does (grid)."""
    table.autofit = False  # w:tblLayout fixed: the widths are kept, not fitted to the text
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def no_borders(table: Table) -> None:
    """A layout table (the heading block, the signature block): no lines drawn, whatever the default style."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"
    )


def repeat_header(table: Table) -> None:
    """The first row is the table's header, printed again at the top of every page the table runs onto."""
    trpr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def keep_whole(row: _Row) -> None:
    """A row that cannot split across pages (the signature block stays on one page)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def estimated_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """How wide a line of Times New Roman is, near enough to centre a rule under it (no font file is read)."""
    em = size_pt * 25.4 / 72
    widths = {" ": 0.25, "-": 0.33, ",": 0.25, ".": 0.25}
    total = 0.0
    for char in text:
        if char in widths:
            total += widths[char]
        elif char.isupper():
            total += 0.72 if bold else 0.68
        else:
            total += 0.5 if bold else 0.46
    return total * em
