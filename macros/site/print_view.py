"""The printable copy of the appendix (Bản in): the signed table, row for row.

Only what the signed document holds: its column headers verbatim, each
section as a full-width row under its Roman numeral, tasks numbered as in
the source (1, 2… and a, b, c for sub-items), the cells' own wording and
empty cells left empty. No links, chips, editorial notes or progress
status: this page reproduces the document, it does not annotate it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from .downloads import BuildFacts
    from .pages import Site

PRINT_SRC = "ban-in/index.md"


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


def print_context(site: Site, facts: BuildFacts | None) -> dict[str, Any]:
    """What the Bản in page lays out."""
    if facts is None:
        raise RuntimeError("Chưa có thông tin lần dựng trang (ngày tham chiếu, địa chỉ trang).")
    plan = site.plan
    meta = plan.plan
    footer = f"Bản in từ {facts.site_address}, dựng ngày {facts.date_label}" if facts.site_address else (
        f"Bản in dựng ngày {facts.date_label}"
    )
    return {
        "columns": meta.source_columns,
        "sections": [(s, [site.task_views[t.id] for t in s.tasks]) for s in plan.sections],
        "legal_bases": [b.title for b in meta.legal_bases],
        "date_label": facts.date_label,
        "site_address": facts.site_address,
        "footer_text": footer,
        "footer_css": css_string(footer),
        "rows": len(plan.tasks) + len(plan.sections),
    }
