"""Content-hashed addresses for every script, style sheet and data file a page loads.

GitHub Pages lets browsers keep a file for ten minutes. Were the files a
page loads kept at fixed addresses, a reader could, just after a deploy,
run last deploy's ``search-worker.js`` on this deploy's index and find
nothing. Each such file is therefore published at an address that carries
the hash of its bytes (``assets/search-worker.3f2a9c1b0d.js``): a page
names exactly the files it was built with, and a changed file is a new
address no cache holds. The hash is the file's own, so two builds of the
same sources give the same names, and a file that names another (the
search configuration names the index) is hashed after the one it names.

Addresses people keep (pages, downloads, the feed) never change: only
what a page loads by itself is versioned.
"""

from __future__ import annotations

import hashlib
import posixpath

HASH_LENGTH = 10
"""Hex digits of SHA-256 kept: a collision would need two versions of one file, not two files."""

LOADED_SUFFIXES = (".js", ".css")
"""The project's static files (docs/assets/) that pages load; other files there keep their address."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def versioned(address: str, data: bytes) -> str:
    """assets/search-worker.js and its bytes → assets/search-worker.3f2a9c1b0d.js (same folder, same suffix)."""
    folder, name = posixpath.split(address)
    stem, suffix = posixpath.splitext(name)
    return posixpath.join(folder, f"{stem}.{content_hash(data)}{suffix}")


def is_loaded_asset(address: str) -> bool:
    """A static file of the project's asset folder that a page loads by itself (a script or a style sheet)."""
    return address.startswith("assets/") and address.endswith(LOADED_SUFFIXES)


class Versions:
    """The published address of each loaded file, by the plain address the code names it with."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}

    def add(self, address: str, data: bytes) -> str:
        name = versioned(address, data)
        self._names[address] = name
        return name

    def __getitem__(self, address: str) -> str:
        try:
            return self._names[address]
        except KeyError:
            raise KeyError(f"{address}: tệp này chưa có địa chỉ theo phiên bản (chưa được thêm vào Versions)") from None

    def get(self, address: str, default: str) -> str:
        return self._names.get(address, default)
