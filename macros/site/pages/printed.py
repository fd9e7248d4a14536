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

from .. import urls
from ..views import SectionTasks
from .base import IndexKind, register


@dataclass(frozen=True)
class PrintContext:
    columns: list[str]
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


@register
class PrintPage(IndexKind):
    kind = "print"
    url = urls.PRINT
    title = "Bản in"
    search = False

    def context(self, key: str | None, part: int = 1) -> PrintContext:
        facts, meta = self.site.facts, self.plan.plan
        where = f"Bản in từ {facts.site_address}, " if facts.site_address else "Bản in "
        footer = f"{where}dựng ngày {facts.date_label}"
        return PrintContext(
            columns=meta.source_columns,
            sections=self.views.appendix,
            legal_bases=[b.title for b in meta.legal_bases],
            footer_text=footer,
            footer_css=css_string(footer),
        )
