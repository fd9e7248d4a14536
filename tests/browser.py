"""Headless Chromium for the browser tests: Debian's package, never a download.

A missing browser fails the run with instructions; it never skips a test.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")  # Debian; GitHub's runners ship Chrome
    for candidate in (os.environ.get("CHROMIUM"), *(shutil.which(n) for n in names), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "Không tìm thấy trình duyệt Chromium cho kiểm thử trình duyệt. Cài bằng: sudo apt-get install chromium "
        "(hoặc đặt biến CHROMIUM=/đường/dẫn/tới/chromium), rồi chạy lại make test.",
        pytrace=False,
    )


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


def serve(directory: Path):
    """Serve a built site on a free loopback port; returns (base url, server)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
