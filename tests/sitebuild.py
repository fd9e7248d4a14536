"""Build the real site into a temporary folder and read its HTML, as a visitor would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent


def build_site(dest: Path, plan: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if plan is not None:
        env["KE_HOACH_PLAN"] = str(plan)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


class BuiltSite:
    def __init__(self, root: Path):
        self.root = root

    def path(self, url: str) -> Path:
        return self.root / url / "index.html" if not url.endswith((".html", ".xml", ".json")) else self.root / url

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def tree(self, url: str):
        return lxml.html.fromstring(self.html(url))

    def text(self, url: str) -> str:
        return " ".join(self.tree(url).xpath("//article")[0].text_content().split())

    def task_ids(self, url: str, scope: str = "//article") -> list[str]:
        """Task ids shown as cards on a page, in order."""
        xpath = f"{scope}//*[contains(@class,'kh-card__head')]/a[contains(@class,'kh-id')]"
        return [a.text_content().strip() for a in self.tree(url).xpath(xpath)]
