"""Problems found in the data, worded for the commune clerk who made them.

Every check in the project reports through :class:`Problem`, so that the
command line, the build and GitHub annotations all say the same thing in
the same Vietnamese words, with the file and line to look at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

_LABEL = {"error": "lỗi", "warning": "cảnh báo"}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str
    severity: Severity = "error"
    column: int | None = None
    """Where in the line, counted in characters from 1: given when the fault is one character nobody can see."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        where += f":{self.column}" if self.line and self.column else ""
        field = f" [{self.field}]" if self.field else ""
        return f"{where}: {_LABEL[self.severity]}{field}: {self.message}"

    def github_annotation(self) -> str:
        """The workflow command that pins this problem on the pull request's diff."""
        kind = "error" if self.severity == "error" else "warning"
        line = f",line={self.line}" if self.line else ""
        line += f",col={self.column}" if self.line and self.column else ""
        text = f"{self.field}: {self.message}" if self.field else self.message
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        file = self.file.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")
        return f"::{kind} file={file}{line}::{text}"


class DataError(Exception):
    """Raised when data cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def files(self) -> list[str]:
        """The files the errors are in, sorted."""
        return sorted({p.file for p in self.errors})

    @property
    def where(self) -> str:
        """The files for a closing line: "data/plan.yaml", or the first three "và N tệp khác"."""
        files = self.files
        return ", ".join(files[:3]) + (f" và {len(files) - 3} tệp khác" if len(files) > 3 else "")
