"""``tasks.csv``: the task table for any tool, UTF-8 with a byte order mark.

The BOM is what makes Excel read Vietnamese diacritics correctly when the
file is double-clicked; comma-separated because that is what the data
package declares and every data tool expects (users of Excel with
Vietnamese regional settings are pointed to ``tasks.xlsx`` instead).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from ..plan.model import Plan
from .task_table import Column, guard, plan_columns, task_rows

ENCODING = "utf-8-sig"
DELIMITER = ","
LINE_TERMINATOR = "\r\n"


def tasks_csv(plan: Plan, site_url: str | None = None) -> bytes:
    """One header row, then one row per task in document order, every cell guarded."""
    return table_csv(plan_columns(plan), task_rows(plan, site_url))


def table_csv(columns: Sequence[Column], rows: Iterable[Mapping[str, str]]) -> bytes:
    """A table of text cells keyed by :attr:`Column.key` in this file's dialect; also the rollup's task table."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator=LINE_TERMINATOR, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(column.header for column in columns)
    for row in rows:
        writer.writerow(guard(row[column.key]) for column in columns)
    return buffer.getvalue().encode(ENCODING)
