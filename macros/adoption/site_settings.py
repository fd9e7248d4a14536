"""The lines of mkdocs.yml that name the plan: the site's name and description, and its addresses.

They are edited as text, line by line, so that the comments and layout
of mkdocs.yml stay as the maintainers wrote them.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from ..importer.names import PLACEHOLDER
from ..plan.model import Plan

PLACEHOLDER_REPOSITORY = "ten-to-chuc"  # the owner written in the project's own addresses until a fork sets its own
# The addresses of a fork that has not said where it lives: neutral, so no page names the old plan's site.
PLACEHOLDER_ADDRESSES = (f"https://github.com/{PLACEHOLDER_REPOSITORY}/ten-kho", f"https://{PLACEHOLDER_REPOSITORY}.github.io/ten-kho/")


def _set(text: str, key: str, value: str) -> str:
    """``key: value`` at the top level, replacing the old value and any lines that continue it (a folded block)."""
    line = f"{key}: {value}"
    pattern = re.compile(rf"(?m)^{key}:.*(?:\n[ \t]+\S.*)*")
    return pattern.sub(lambda _: line, text, count=1) if pattern.search(text) else f"{line}\n{text}"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def site_texts(plan: Plan) -> tuple[str, str]:
    """(site_name, site_description) from what the appendix itself says: its issuer, title and attachment line."""
    meta = plan.plan
    issuer = meta.issuer if PLACEHOLDER not in meta.issuer else ""
    name = f"Phụ lục nhiệm vụ — {issuer}" if issuer else f"Phụ lục nhiệm vụ {PLACEHOLDER}"
    description = " ".join(part for part in (meta.source_title, meta.source_attachment) if part)
    return name, description


def github_addresses(root: Path) -> tuple[str, str] | None:
    """(repo_url, site_url) of the fork, when its git remote "origin" is a GitHub repository."""
    try:
        remote = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True,
                                text=True, check=False, timeout=10).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.fullmatch(r"(?:https://github\.com/|git@github\.com:)([\w.-]+)/([\w.-]+?)(?:\.git)?/?", remote)
    if not found:
        return None
    owner, repo = found.groups()
    return f"https://github.com/{owner}/{repo}", f"https://{owner.lower()}.github.io/{repo}/"


def adopted_settings(text: str, plan: Plan, root: Path) -> str:
    name, description = site_texts(plan)
    text = _set(text, "site_name", _quoted(name))
    text = _set(text, "site_description", _quoted(description))
    addresses = github_addresses(root)
    if addresses is None and addresses_to_set(text):  # the project's own placeholder, naming the old plan
        addresses = PLACEHOLDER_ADDRESSES
    if addresses:
        text = _set(text, "repo_url", addresses[0])
        text = _set(text, "site_url", addresses[1])
    return text


def addresses_to_set(text: str) -> list[str]:
    """The address settings that still hold the project's placeholder owner."""
    return [key for key in ("repo_url", "site_url")
            if re.search(rf"(?m)^{key}:.*{PLACEHOLDER_REPOSITORY}", text)]  # fmt: skip
