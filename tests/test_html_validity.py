"""The Nu Html Checker (the W3C's validator, vnu.jar) finds no error on any page of any fixture plan's site.

vnu.jar comes from npm (tests/vnu/, installed by `make test`) and runs with the machine's Java."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from helpers import ROOT

pytestmark = pytest.mark.build

VNU = ROOT / "tests" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Thiếu Java cho bộ kiểm tra HTML: cài bằng 'sudo apt-get install default-jre-headless'.")
    if not VNU.exists():
        pytest.fail("Thiếu vnu.jar: chạy 'make test' (tự cài bằng npm ci --prefix tests/vnu).")
    return [java, "-jar", str(VNU), "--errors-only", "--format", "json"]


def test_every_page_is_valid_html(any_site, tally):
    plan, site = any_site
    pages = sorted(str(p) for p in site.root.rglob("*.html"))
    assert len(pages) > len(plan.tasks), "the site has fewer pages than tasks"
    result = subprocess.run([*checker(), *pages], capture_output=True, text=True, timeout=600, check=False)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not errors, f"{len(errors)} lỗi trên {len(pages)} trang:\n" + "\n".join(errors[:20])
    tally["Trang qua Nu Html Checker, không lỗi"] += len(pages)
