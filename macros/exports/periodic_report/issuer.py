"""How the heading block of a report names the body that issues it (Nghị định 30/2020/NĐ-CP).

The plan gives the issuer in running text ("Ủy ban nhân dân xã Suối Mây");
an administrative document sets it in capitals on two lines, the body over
the place ("ỦY BAN NHÂN DÂN" / "XÃ SUỐI MÂY"), names the place alone before
the date ("Suối Mây, ngày … tháng … năm …") and numbers the report after the
body's abbreviation ("Số: /BC-UBND"). Worked out here from the plan's own
words, never from one commune's names; when the words do not say, the place
is left for the clerk to fill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...plan.model import PlanMeta
from ...text import fold_diacritics

# Administrative levels a Vietnamese body's name ends with, longest first so "thành phố" wins over a shorter match.
LEVELS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "quận", "huyện", "tỉnh", "xã")
_LEVEL = re.compile(r"\s(" + "|".join(LEVELS) + r")\s+(\S.*)$", re.IGNORECASE)
_NUMBER = re.compile(r"^[^/]*/\s*[^-\s/]+-(\S+)\s*$")  # 88/KH-UBND → UBND
BLANK_PLACE = "…………"


@dataclass(frozen=True)
class Issuer:
    """The issuing body as the heading block sets it."""

    name: str
    """As the plan writes it (the document's author)."""
    lines: tuple[str, ...]
    """The body's name in capitals, one item a line (body, then place)."""
    place: str
    """The place before the date line: the name of the commune (ward, province…) without its level."""
    abbreviation: str
    """What follows "BC-" in the report's number: the body's abbreviation (UBND), or empty."""


def issuer(meta: PlanMeta) -> Issuer:
    """The heading's issuer, from the plan's ``issuer`` (and its ``number`` for the abbreviation)."""
    name = " ".join(meta.issuer.split())
    match = _LEVEL.search(name)
    if match is None:
        return Issuer(name, (name.upper(),), BLANK_PLACE, _from_number(meta.number) or "")
    body, place = name[: match.start()], name[match.start() + 1 :]
    return Issuer(name, (body.upper(), place.upper()), match.group(2), _from_number(meta.number) or initials(body))


def _from_number(number: str | None) -> str | None:
    """The abbreviation the plan's own number uses ("88/KH-UBND" → "UBND"): the body's own spelling."""
    match = _NUMBER.match(number or "")
    return match.group(1) if match else None


def initials(body: str) -> str:
    """"Ủy ban nhân dân" → "UBND", "Hội đồng nhân dân" → "HĐND": first letters, tone marks dropped, Đ kept."""
    letters = []
    for word in body.split():
        first = word[0]
        letters.append("Đ" if first in "đĐ" else fold_diacritics(first).upper())
    return "".join(c for c in letters if c.isalnum())
