"""A freshly imported draft is publishable as it is: the strict build passes and shows every task."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import FIXTURES, ROOT, XA_MAU, built
from macros.site import urls

pytestmark = pytest.mark.build


@pytest.mark.parametrize("with_registry", [True, False], ids=["registry", "no-registry"])
def test_draft_builds_into_a_site(tmp_path, with_registry):
    draft = tmp_path / "draft" / "plan.yaml"
    draft.parent.mkdir()
    command = [sys.executable, "-m", "macros", "import", str(FIXTURES / "import" / "xa-mau.txt"), "-o", str(draft)]
    if with_registry:
        command += ["--registry", str(XA_MAU / "plan.yaml")]
    imported = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    site = built(draft.parent, tmp_path)
    rows = site.tree(urls.ALL_TASKS).xpath("//tr[contains(@class,'kh-task-row') and not(contains(@class,'kh-heading-row'))]")
    assert len(rows) == 11
