"""Bản in: the signed table, row for row.

Only what the signed document holds: its column headers verbatim, each
section as a full-width row under its Roman numeral, tasks numbered as in
the source (1, 2… and a, b, c for sub-items), the cells' own wording and
empty cells left empty. No links, chips, editorial notes or progress
status: this page reproduces the document, it does not annotate it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ... import urls
from ...plan.model import SOURCE_ROLES, PlanMeta
from ..views import SectionTasks
from .base import IndexPageType, register

COLUMN_CSS = {
    "number": "kh-c-no",
    "task": "kh-c-content",
    "lead": "kh-c-lead",
    "coordinating": "kh-c-coord",
    "deliverable": "kh-c-product",
    "schedule": "kh-c-time",
}
EXTRA_CSS = "kh-c-extra"


@dataclass(frozen=True)
class PrintColumn:
    key: str  # a role or an extra column's id
    css: str


@dataclass(frozen=True)
class HeaderCell:
    """A ``<th>`` of the table head: a column's own header, or a header merged over several columns."""

    text: str
    column: str | None  # None for a merged header over several columns
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class PrintContext:
    columns: list[PrintColumn]
    head: list[list[HeaderCell]]
    roles: tuple[str, ...]  # a heading row leaves these cells empty; an extra column's cell is shown on every row
    sections: list[SectionTasks]
    legal_bases: list[str]
    footer_text: str
    footer_css: Markup


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string that is safe inside a ``<style>`` element.

    Everything but letters, digits, spaces and ``./:-`` becomes a CSS hex
    escape, so no quote, backslash, ``<`` or newline can end the string
    or the element."""
    out = []
    for char in text:
        if char.isalnum() or char in " ./:-":
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return Markup('"' + "".join(out) + '"')


def header_rows(meta: PlanMeta) -> list[list[HeaderCell]]:
    """The source's header, in its order: one row, or two when a header cell is merged over several columns
    ("Cơ quan thực hiện" over "Chủ trì" and "Phối hợp"), the other columns then spanning both rows."""
    columns = meta.columns
    group_of = {c: g for g in meta.column_groups for c in g.columns}
    if not group_of:
        return [[HeaderCell(meta.header(c), c) for c in columns]]
    top: list[HeaderCell] = []
    below: list[HeaderCell] = []
    for key in columns:
        group = group_of.get(key)
        if group is None:
            top.append(HeaderCell(meta.header(key), key, rowspan=2))
            continue
        if key == group.columns[0]:
            top.append(HeaderCell(group.header, None, colspan=len(group.columns)))
        below.append(HeaderCell(meta.header(key), key))
    return [top, below]


@register
class PrintPage(IndexPageType):
    page_type = "print"
    url = urls.PRINT
    title = "Bản in"
    search = False

    def context(self, key: str | None, part: int = 1) -> PrintContext:
        facts, meta = self.site.facts, self.plan.plan
        where = f"Bản in từ {facts.site_address}, " if facts.site_address else "Bản in "
        footer = f"{where}dựng ngày {facts.date_label}"
        return PrintContext(
            columns=[PrintColumn(key, COLUMN_CSS.get(key, EXTRA_CSS)) for key in meta.columns],
            head=header_rows(meta),
            roles=SOURCE_ROLES,
            sections=self.views.appendix,
            legal_bases=[b.title for b in meta.legal_bases],
            footer_text=footer,
            footer_css=css_string(footer),
        )
