"""Inputs no editor means to write, made by the test: each is refused in Vietnamese, at its line, without a
traceback and within seconds, by `python -m macros check` and by the build; none crashes the process.

The committed bad plans (tests/fixtures/bad/) are explained field by field in test_loader.py; these are the
ones that attack the reader itself: bytes that are not text, control characters, nesting deep enough to
exhaust a recursive parser, text or files far past the limits."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import FIXTURES, PLAN_IN_PROJECT, ROOT, XA_MAU, build_site, check_env, copy_project
from macros.plan.model import MAX_ID, MAX_SECTION_ID, MAX_TASK_ID, MAX_TEXT
from macros.plan.yamlsource import MAX_DEPTH, MAX_FILE_BYTES

SECONDS = 5  # each refusal, process start included

VALID = (XA_MAU / "plan.yaml").read_text(encoding="utf-8")


def with_title(title: str) -> bytes:
    """The valid fixture plan with ``title`` as the plan's title (one line, double-quoted)."""
    lines = VALID.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  title:"))
    lines[at] = f'  title: "{title}"'
    return "\n".join(lines).encode("utf-8")


def edited(old: str, new: str) -> Callable[[], bytes]:
    """The valid fixture plan with its first ``old`` replaced by ``new``."""
    assert old in VALID, old
    return lambda: VALID.replace(old, new, 1).encode("utf-8")


NFD_NAME = unicodedata.normalize("NFD", "Trạm Y tế xã Suối Mây")

# name → (the file's bytes, the line the message must name (or a text on that line) or None, words the message must hold)
CASES: dict[str, tuple[Callable[[], bytes], int | str | None, str]] = {
    "random-bytes": (lambda: bytes(range(256)) * 64, None, "không phải văn bản UTF-8"),
    "nul-in-text": (lambda: with_title("Kế hoạch\x00"), None, "U+0000"),
    "bell-in-text": (lambda: with_title("Kế hoạch\x07"), None, "U+0007"),
    "escape-in-text": (lambda: with_title("Kế hoạch\x1b[31m"), None, "U+001B"),
    "flow-nesting-60000": (lambda: b"plan: " + b"[" * 60_000 + b"]" * 60_000 + b"\n", 1, "lồng nhau quá sâu"),
    "mapping-nesting-60000": (lambda: b"plan: " + b"{a: " * 60_000 + b"1" + b"}" * 60_000 + b"\n", 1, "lồng nhau quá sâu"),
    "block-nesting-3000": (
        lambda: b"plan:\n" + b"".join(b"  " * i + b"-\n" for i in range(1, 3000)), None, "lồng nhau quá sâu"),
    "nesting-past-the-limit": (
        lambda: b"plan: " + b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1) + b"\n", 1, "lồng nhau quá sâu"),
    "billion-laughs": (
        lambda: b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + b"".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(8)),
        None, "bí danh"),
    "text-of-5-mb": (lambda: with_title("a" * 5_000_000), None, f"dài quá {MAX_TEXT} ký tự"),
    "file-over-the-limit": (lambda: b"# " + b"x" * (MAX_FILE_BYTES + 10) + b"\n", None, "quá giới hạn"),
    "json-that-is-not-a-plan": (lambda: b'{"tasks": [], "name": "x"}', None, "thiếu trường bắt buộc"),
    "empty-file": (lambda: b"", None, "tệp"),
    "impossible-date": (edited("due: 2025-09-30", "due: 2025-02-31"), "2025-02-31", "ngày không hợp lệ"),
    "groups-in-a-circle": (
        lambda: VALID.replace(
            "  - id: khoi-chuyen-mon\n", "  - id: khoi-chuyen-mon\n    member_of: [cac-truong-hoc]  # vòng\n", 1)
        .replace("  - id: cac-truong-hoc\n", "  - id: cac-truong-hoc\n    member_of: [khoi-chuyen-mon]\n", 1)
        .encode("utf-8"),
        "# vòng", "lồng vòng tròn"),
    "no-task-at-all": (
        lambda: re.sub(r"(    tasks:\n)(?:      .*\n|\n)*", "    tasks: []\n", VALID).encode("utf-8"), "sections:",
        "chưa có nhiệm vụ nào"),
    "same-name-in-nfd": (
        edited('  - id: buu-dien\n    name: "Bưu điện văn hóa xã Suối Mây"', f'  - id: buu-dien\n    name: "{NFD_NAME}"'),
        NFD_NAME, "trùng với tên"),
    "id-in-capitals": (edited("  - id: buu-dien", "  - id: Buu-dien"), "Buu-dien", "mã không hợp lệ"),
    "key-written-twice-in-a-unit": (
        edited('    short: "Trạm Y tế"\n', '    short: "Trạm Y tế"\n    short: "Trạm"\n'), 'short: "Trạm"\n', "bị lặp"),
}


MEMORY = 1 << 30  # bytes of address space each refusal may take: a bomb must not grow past it


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def refused(path: Path) -> subprocess.CompletedProcess[str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", str(path)],
        cwd=ROOT, capture_output=True, text=True, env=check_env(), timeout=60, preexec_fn=_bounded,
    )
    assert time.perf_counter() - start < SECONDS * 3, "far slower than a refusal should be"  # generous: a loaded machine
    return result


@pytest.mark.unit
@pytest.mark.parametrize("name", sorted(CASES))
def test_the_checker_refuses_it_at_its_line_without_a_traceback(name, tmp_path, tally):
    make, line, words = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(make())
    result = refused(path)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr[-800:]
    assert words in result.stderr, result.stderr[:800]
    if isinstance(line, str):  # the line that holds this text
        line = next(n for n, text in enumerate(make().decode("utf-8").split("\n"), start=1) if line.rstrip("\n") in text)
    where = f"{path}:{line}: lỗi" if line else f"{path}"
    assert where in result.stderr, result.stderr[:800]
    assert len(result.stderr) < 20_000, "the message quotes the input at length"
    tally["Đầu vào xấu bị make check từ chối (sinh trong kiểm thử)"] += 1


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(CASES))
def test_the_build_refuses_it_in_vietnamese_and_writes_no_site(name, tmp_path, tally):
    project = copy_project(tmp_path / "project", XA_MAU)
    (project / PLAN_IN_PROJECT).write_bytes(CASES[name][0]())
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr[-800:]
    assert "Không dựng trang" in result.stdout + result.stderr, (result.stdout, result.stderr[-300:])
    assert len(result.stderr) < 20_000, "the message quotes the input at length"
    assert not (tmp_path / "site" / "index.html").exists()
    tally["Đầu vào xấu bị mkdocs build từ chối"] += 1


@pytest.mark.unit
def test_a_plan_saved_by_a_windows_editor_is_accepted(tmp_path):
    """Byte order mark and CRLF line ends, as Notepad saves: the same plan."""
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8"))
    result = refused(path)
    assert result.returncode == 0, result.stderr


@pytest.mark.unit
def test_the_limits_are_written_for_editors():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    figures = (f"{MAX_TEXT:,}".replace(",", "."), f"{MAX_FILE_BYTES // 1_000_000} MB", f"{MAX_DEPTH} mức",
               f"tối đa {MAX_ID} ký tự", f"nhiệm vụ tối đa {MAX_TASK_ID} ký tự", f"mã phần tối đa {MAX_SECTION_ID} ký tự")
    for figure in figures:
        assert figure in readme, figure


@pytest.mark.unit
def test_no_case_is_a_committed_file():
    """The corpus is made by the test; big or binary inputs are never committed."""
    assert not any(p.stat().st_size > 1_000_000 for p in FIXTURES.rglob("*") if p.is_file())
    assert os.path.isdir(FIXTURES / "bad")
