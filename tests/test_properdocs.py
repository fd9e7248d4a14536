"""The way off MkDocs 1.6 stays open: ProperDocs, its maintained fork, builds the site exactly as MkDocs does.

MkDocs 1.6 is unmaintained and Material for MkDocs reaches its end of life on 2027-05-05. If either ever has to be
left, ProperDocs is the step that changes nothing a reader sees; these tests keep that true at every change instead of
once by hand. ProperDocs runs from its own venv (.venv-properdocs, made by `make venv-properdocs`, a prerequisite of
`make test`), which holds no mkdocs package: the `properdocs` command answers every `import mkdocs…` of Material,
mkdocs-macros and macros/mkdocs_glue/ itself, so that a build there cannot quietly be a MkDocs build.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, BuiltSite, build_env

PROPERDOCS_VENV = ROOT / ".venv-properdocs"
PROPERDOCS = PROPERDOCS_VENV / "bin" / "properdocs"
# The one line the two generators may write differently: each names itself, which is true and harmless.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def properdocs() -> Path:
    """The `properdocs` command of its venv; a missing venv fails (never skips) and says how to make it."""
    if not PROPERDOCS.is_file():
        pytest.fail(
            f"Thiếu môi trường ProperDocs ({PROPERDOCS.relative_to(ROOT)}). Tạo bằng: make venv-properdocs "
            "(make test tự tạo), từ requirements-properdocs.txt, rồi chạy lại kiểm thử.",
            pytrace=False,
        )
    return PROPERDOCS


def files(root: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, HTML with its generator tag emptied."""
    out = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".html":
            data = GENERATOR.sub(b'<meta name="generator">', data)
        out[path.relative_to(root).as_posix()] = data
    return out


def generators(root: Path) -> set[str]:
    """What the site's pages name as their generator."""
    found = (GENERATOR.search(p.read_bytes()) for p in root.rglob("*.html"))
    return {m.group().decode() for m in found if m}


def pinned(requirements: str, package: str) -> str:
    """The version a lock file pins ``package`` to, so that the expected generator names follow the pins."""
    found = re.search(rf"^{re.escape(package)}==(\S+)$", (ROOT / requirements).read_text(encoding="utf-8"), re.MULTILINE)
    assert found, f"{requirements} không ghim {package}"
    return found.group(1)


def generator_tag(generator_version: str) -> str:
    """Material's generator tag, where MkDocs writes its version and ProperDocs its name and version."""
    material = pinned("requirements.txt", "mkdocs-material")
    return f'<meta name="generator" content="mkdocs-{generator_version}, mkdocs-material-{material}">'


def first_difference(one: bytes, two: bytes) -> str:
    """Where two versions of a file part: the line and a few words each side, or the byte of a binary file."""
    try:
        a, b = one.decode("utf-8"), two.decode("utf-8")
    except UnicodeDecodeError:
        return f"tệp nhị phân, khác từ byte {len(os.path.commonprefix([one, two]))}"
    at = len(os.path.commonprefix([a, b]))
    line = a.count("\n", 0, at) + 1
    return f"dòng {line}: MkDocs {a[max(0, at - 40):at + 40]!r} / ProperDocs {b[max(0, at - 40):at + 40]!r}"


@pytest.mark.unit
def test_the_properdocs_venv_has_properdocs_and_no_mkdocs():
    """Two generators in one venv would let a ProperDocs build fall back on MkDocs without anyone noticing."""
    probe = "import importlib.util as u; print(u.find_spec('properdocs') is not None, u.find_spec('mkdocs') is not None)"
    result = subprocess.run(
        [str(properdocs().parent / "python"), "-c", probe], capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"], (
        f"{PROPERDOCS_VENV.relative_to(ROOT)} phải có properdocs và không có mkdocs (có properdocs, có mkdocs: "
        f"{result.stdout.strip()}). Xóa thư mục đó rồi chạy make venv-properdocs."
    )


@pytest.mark.build
def test_properdocs_builds_the_site_mkdocs_builds(site: BuiltSite, tmp_path: Path):
    """The same project copy and SOURCE_DATE_EPOCH as the MkDocs build: every page, download and index identical."""
    assert site.project is not None
    dest = tmp_path / "properdocs-site"
    result = subprocess.run(
        [str(properdocs()), "build", "--strict", "-q", "-d", str(dest)],
        cwd=site.project, env=build_env(), capture_output=True, text=True, timeout=900, check=False,
    )
    assert result.returncode == 0, "ProperDocs không dựng được trang:\n" + result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr

    # Each build names its own generator: the comparison below is really between two generators.
    assert generators(site.root) == {generator_tag(pinned("requirements.txt", "mkdocs"))}, generators(site.root)
    properdocs_version = "ProperDocs " + pinned("requirements-properdocs.txt", "properdocs")
    assert generators(dest) == {generator_tag(properdocs_version)}, generators(dest)

    mkdocs_files, properdocs_files = files(site.root), files(dest)
    only_mkdocs = sorted(set(mkdocs_files) - set(properdocs_files))
    only_properdocs = sorted(set(properdocs_files) - set(mkdocs_files))
    differ = [
        f"{name}: {first_difference(mkdocs_files[name], properdocs_files[name])}"
        for name in sorted(set(mkdocs_files) & set(properdocs_files))
        if mkdocs_files[name] != properdocs_files[name]
    ]
    if only_mkdocs or only_properdocs or differ:
        pytest.fail(
            f"ProperDocs dựng trang khác MkDocs ngoài thẻ <meta name=\"generator\"> ({site.project}):\n"
            + "".join(f"  chỉ MkDocs có: {name}\n" for name in only_mkdocs)
            + "".join(f"  chỉ ProperDocs có: {name}\n" for name in only_properdocs)
            + "".join(f"  khác nhau: {line}\n" for line in differ),
            pytrace=False,
        )
