"""A loopback server of members' files for the harvest's tests: each path answers the way a test sets.

Members' sites are on the Internet; the tests put their files (made by bench/members.py, through the real
exporter) behind 127.0.0.1 with the faults a real server has: slow, missing, broken, lying about sizes,
redirecting. A harvest of it needs the members file's ``allow_local: true``.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import http.server
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

LAST_MODIFIED = "Wed, 15 Oct 2025 00:00:00 GMT"


@functools.cache
def member_bytes(index: int, stale: bool = False) -> bytes:
    """A member's plan.json as its site publishes it, implementing tasks of the province's own plan."""
    from bench.members import member_plan_json, province_plan

    return member_plan_json(index, parent=province_plan(), stale=stale).data


def edited(data: bytes, **export: object) -> bytes:
    """``data`` (a plan.json) with fields of ``export`` changed: ``edited(b, version=2)``."""
    document = json.loads(data)
    document["export"].update(export)
    return json.dumps(document, ensure_ascii=False).encode()


@dataclass
class Route:
    kind: str = "ok"
    """ok (ETag, Last-Modified, 304 when they match), plain (no validators), slow, status, redirect, stream (no
    Content-Length, the connection's end ends it), announce (a Content-Length of ``length``), gzip."""
    body: bytes = b""
    status: int = 200
    location: str = ""
    length: int = 0
    delay: float = 0.0


@dataclass
class MemberServer:
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    """Every request: (path, headers)."""
    release: threading.Event = field(default_factory=threading.Event)
    busy: int = 0
    most_busy: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, kind: str = "ok", body: bytes = b"", **options: object) -> str:
        self.routes[path] = Route(kind, body, **options)  # type: ignore[arg-type]
        return self.url(path)

    def requests_for(self, path: str) -> list[dict[str, str]]:
        return [headers for seen, headers in self.seen if seen == path]


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "members/1"
    members: MemberServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        members = self.members
        members.seen.append((self.path, dict(self.headers.items())))
        route = members.routes.get(self.path, Route("status", status=404))
        with members.lock:
            members.busy += 1
            members.most_busy = max(members.most_busy, members.busy)
        try:
            if route.delay:
                time.sleep(route.delay)
            self._answer(route)
        finally:
            with members.lock:
                members.busy -= 1

    def _answer(self, route: Route) -> None:
        if route.kind == "slow":
            self.members.release.wait(10)
            return self._send(200, route.body)
        if route.kind == "status":
            return self._send(route.status, b"<h1>error</h1>", "text/html")
        if route.kind == "redirect":
            return self._send(route.status if route.status != 200 else 302, b"", headers={"Location": route.location})
        if route.kind == "stream":
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            for start in range(0, len(route.body), 65536):
                self.wfile.write(route.body[start:start + 65536])
            return None
        if route.kind == "announce":
            self.send_response(200)
            self.send_header("Content-Length", str(route.length))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(route.body)
            return None
        if route.kind == "gzip":
            return self._send(200, gzip.compress(route.body), headers={"Content-Encoding": "gzip"})
        if route.kind == "ok":
            etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            asked = self.headers.get("If-None-Match")  # when sent, it alone decides (RFC 9110, 13.2.2)
            if asked == etag or (asked is None and self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                return self._send(304, b"", headers=validators)
            return self._send(200, route.body, headers=validators)
        return self._send(200, route.body)

    def _send(self, status: int, body: bytes, kind: str = "application/json", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the harvest may have given up on this answer
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops a harvest's simultaneous connections, which retry a second later


@contextlib.contextmanager
def serve_members() -> Iterator[MemberServer]:
    """A :class:`MemberServer` on a free loopback port, for one test."""
    members = MemberServer()
    server = _Server(("127.0.0.1", 0), type("Handler", (_Handler,), {"members": members}))
    members.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield members
    finally:
        members.release.set()
        server.shutdown()
        server.server_close()


def members_file(root: Path, members: list[dict[str, object]], *, allow_local: bool = True,
                 name: str = "data/rollup.yaml") -> str:
    """Write a members file into ``root`` and return its name there."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"allow_local": allow_local, "members": members}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return name
