"""One member's file, fetched: the only code of the project that opens a network connection.

A member's address comes from a reviewed members file, but what answers there does not: the server may
be slow, lie about sizes, redirect anywhere, or a name may resolve to an address inside the network the
harvest runs in. So every address (the first and each redirect's) is resolved once, EVERY address it
resolves to is checked, and the connection goes to the address checked, never to the name again (a
second look-up could answer otherwise: DNS rebinding). Bodies are read in pieces and counted, whatever
Content-Length says, and gzip is counted after it is unpacked. Each failure is a :class:`Failure` whose
reason, in Vietnamese, is what the harvest's table and the site show.

Only the standard library: ``http.client`` reads the responses (chunked or not); the harvest runs it in
threads (:mod:`macros.rollup.harvest`), whose deadlines this module checks before every blocking step.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

USER_AGENT = "ke-hoach-harvest/1"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024
STATUS_WORDS = {
    400: "yêu cầu không hợp lệ", 401: "cần đăng nhập", 403: "không được phép đọc", 404: "không tìm thấy tệp",
    410: "tệp đã bị gỡ", 429: "quá nhiều yêu cầu", 500: "lỗi máy chủ", 502: "lỗi cổng vào", 503: "máy chủ tạm ngừng",
    504: "cổng vào quá thời gian chờ",
}  # fmt: skip


class Failure(Exception):
    """A member's file could not be fetched; ``reason`` says why, in Vietnamese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    timeout: float
    """Seconds for one member, connection and every read together, redirects included."""
    max_bytes: int
    max_redirects: int
    allow_local: bool
    """The members file's allow_local: private addresses, and http:// to loopback, for a test's own server."""


@dataclass(frozen=True)
class Fetched:
    """A member's answer: the file's bytes, or None when the server says the kept copy is current (304)."""

    data: bytes | None
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Attempt:
    """One member's fetch as the harvest's main thread sees it: when it started, and a way to stop it.

    The socket timeouts keep each step within the member's time, but a server that sends one byte just
    before each timeout would keep a read going; the main thread then calls :meth:`abort`, which shuts
    the socket down under the blocked read."""

    timeout: float
    started: float | None = None
    _sock: socket.socket | None = None
    _aborted: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        self.started = time.monotonic()

    def received(self) -> None:
        """The file is in: reading it (the contract) is not the server's time, so the member's clock stops."""
        self.started = None

    @property
    def deadline(self) -> float | None:
        return None if self.started is None else self.started + self.timeout

    def left(self) -> float:
        """Seconds left for this member; a :class:`Failure` once they are spent or the fetch was stopped."""
        deadline = self.deadline
        left = self.timeout if deadline is None else deadline - time.monotonic()
        if self._aborted or left <= 0:
            raise Failure(timeout_reason(self.timeout))
        return left

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            if self._aborted:
                _shut(sock)

    def abort(self) -> None:
        with self._lock:
            self._aborted = True
            if self._sock is not None:
                _shut(self._sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def timeout_reason(seconds: float) -> str:
    return f"quá thời gian chờ ({number(seconds)} giây cho một thành viên)."


def number(value: float) -> str:
    """20000000 → 20.000.000 and 0.5 → 0,5, as Vietnamese writes numbers."""
    whole = int(value)
    text = f"{whole:,}".replace(",", ".")
    return text if value == whole else text + f"{value - whole:.3g}"[1:].replace(".", ",")


def too_big(size: int, limit: int, announced: bool) -> Failure:
    said = f"máy chủ báo {number(size)} byte" if announced else f"hơn {number(limit)} byte"
    return Failure(f"tệp quá lớn ({said}); giới hạn {number(limit)} byte một tệp.")


# ---------------------------------------------------------------- a file of the repository


def read_local(root: Path, source: str, max_bytes: int) -> bytes:
    """A member kept as a file of the repository (``root/<path>``), size-limited like a download."""
    base = root.resolve()
    path = (root / source).resolve()
    if not path.is_relative_to(base):
        raise Failure(f"tệp {source} nằm ngoài kho (liên kết tượng trưng?); chỉ đọc tệp trong kho.")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise Failure(f"không có tệp {source} trong kho.") from None
    except IsADirectoryError:
        raise Failure(f"{source} là một thư mục, không phải tệp.") from None
    except OSError as exc:
        raise Failure(f"không đọc được tệp {source} ({exc.strerror}).") from None
    if len(data) > max_bytes:
        raise too_big(path.stat().st_size, max_bytes, announced=True)
    return data


# ---------------------------------------------------------------- addresses


@dataclass(frozen=True)
class Target:
    """An address checked: where to connect (the addresses the name resolved to, each checked) and what to ask."""

    url: str
    tls: bool
    host: str
    port: int
    path: str
    addresses: list[str]


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _forms(address: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The address and every IPv4 address it carries (::ffff:10.0.0.1, 6to4, Teredo, NAT64), each to be checked."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    forms: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [ip]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]  # ::ffff:a.b.c.d is a.b.c.d
    if isinstance(ip, ipaddress.IPv6Address):
        forms += [v4 for v4 in (ip.sixtofour, *(ip.teredo or ())) if v4 is not None]
        if ip in _NAT64:
            forms.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return forms


def is_public(address: str) -> bool:
    """An address on the Internet: not private, loopback, link-local, multicast, reserved or unspecified,
    nor an IPv6 address that carries one of those (such as ::ffff:127.0.0.1)."""
    return all(ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local or ip.is_loopback)
               for ip in _forms(address))


def is_loopback(address: str) -> bool:
    return any(ip.is_loopback for ip in _forms(address))


def resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise Failure(f"không tìm thấy tên miền {host}.") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise Failure(f"không tìm thấy tên miền {host}.")
    return addresses


def check(url: str, limits: Limits) -> Target:
    """``url`` resolved and checked: https (or, with allow_local, http to loopback), every address public
    unless allow_local."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise Failure(f"địa chỉ không hợp lệ: {url}.") from None
    host = parts.hostname
    if parts.scheme not in ("https", "http") or not host:
        raise Failure(f"chỉ đọc địa chỉ https://…; không đọc {url}.")
    if parts.scheme == "http" and not limits.allow_local:
        raise Failure(f"chỉ đọc địa chỉ https://…; không đọc địa chỉ http:// ({url}).")
    tls = parts.scheme == "https"
    port = port or (443 if tls else 80)
    addresses = resolve(host, port)
    for address in addresses:
        if not limits.allow_local and not is_public(address):
            raise Failure(f"{host} trỏ tới {address}, một địa chỉ nội bộ hoặc dành riêng; chỉ đọc địa chỉ công khai "
                          "trên Internet.")
        if not tls and not is_loopback(address):
            raise Failure(f"địa chỉ http:// chỉ được đọc trên chính máy này (127.0.0.1) khi kiểm thử; {host} trỏ tới "
                          f"{address}. Hãy dùng https://.")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(url, tls, host, port, path, addresses)


# ---------------------------------------------------------------- HTTP


class _Connection(http.client.HTTPConnection):
    """Connects to the checked addresses, never to the name; the Host header and TLS still use the name."""

    def __init__(self, target: Target, attempt: Attempt):
        super().__init__(target.host, target.port, timeout=attempt.left())
        self.target = target
        self.attempt = attempt
        self.held: socket.socket | None = None
        """The socket, kept after http.client lets go of it (it does once a response says the connection closes)."""

    def wait_at_most(self, seconds: float) -> None:
        """The next read's time limit; nothing to do once the response has read its last byte and closed the socket."""
        if self.held is not None and self.held.fileno() != -1:
            self.held.settimeout(seconds)

    def connect(self) -> None:
        refused: OSError | None = None
        for address in self.target.addresses:
            try:
                sock = socket.create_connection((address, self.target.port), timeout=self.attempt.left())
            except OSError as exc:
                refused = refused or exc
                continue
            self.attempt.attach(sock)
            self.sock = self.held = self._wrap(sock)
            return
        assert refused is not None
        raise refused

    def _wrap(self, sock: socket.socket) -> socket.socket:
        if not self.target.tls:
            return sock
        sock.settimeout(self.attempt.left())
        wrapped = ssl.create_default_context().wrap_socket(sock, server_hostname=self.target.host)
        self.attempt.attach(wrapped)
        return wrapped


def fetch(url: str, limits: Limits, attempt: Attempt, etag: str | None = None, last_modified: str | None = None) -> Fetched:
    """GET ``url``, following at most ``limits.max_redirects`` redirects, each target checked again."""
    for _ in range(limits.max_redirects + 1):
        target = check(url, limits)
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "gzip"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        answer = _get(target, headers, limits, attempt)
        if isinstance(answer, Fetched):
            return answer
        url = answer
    raise Failure(f"quá nhiều lần chuyển hướng (hơn {limits.max_redirects}); dừng ở {url}.")


def _get(target: Target, headers: dict[str, str], limits: Limits, attempt: Attempt) -> Fetched | str:
    """The answer of one request: the file, or the address a redirect points to."""
    connection = _Connection(target, attempt)
    try:
        try:
            connection.request("GET", target.path, headers=headers)
            connection.wait_at_most(attempt.left())
            response = connection.getresponse()
            return _answer(target, response, limits, attempt, connection)
        except Failure:
            raise
        except TimeoutError:
            raise Failure(timeout_reason(limits.timeout)) from None
        except ConnectionRefusedError:
            raise Failure(f"máy chủ {target.host} từ chối kết nối (cổng {target.port}).") from None
        except ssl.SSLCertVerificationError as exc:
            raise Failure(f"chứng chỉ TLS của {target.host} không hợp lệ ({exc.verify_message}).") from None
        except ssl.SSLError as exc:
            raise Failure(f"lỗi TLS khi kết nối {target.host} ({exc.reason or exc}).") from None
        except http.client.HTTPException as exc:
            raise Failure(f"máy chủ {target.host} trả lời không đúng giao thức HTTP ({type(exc).__name__}).") from None
        except OSError as exc:
            attempt.left()  # a read stopped by the harvest's watchdog is a timeout, not a network fault
            raise Failure(f"lỗi kết nối tới {target.host} ({exc.strerror or exc}).") from None
    finally:
        connection.close()


def _answer(target: Target, response: http.client.HTTPResponse, limits: Limits, attempt: Attempt,
            connection: _Connection) -> Fetched | str:
    status = response.status
    if status in REDIRECTS:
        location = response.getheader("Location")
        if not location:
            raise Failure(f"máy chủ trả lời chuyển hướng {status} mà không nói chuyển tới đâu.")
        return urljoin(target.url, location.strip())
    etag, modified = response.getheader("ETag"), response.getheader("Last-Modified")
    if status == 304:
        return Fetched(None, etag, modified)
    if status != 200:
        words = STATUS_WORDS.get(status) or ("lỗi máy chủ" if status >= 500 else "không đọc được tệp")
        raise Failure(f"máy chủ trả lời {status} ({words}) cho {target.url}.")
    return Fetched(_body(response, limits, attempt, connection), etag, modified)


def _body(response: http.client.HTTPResponse, limits: Limits, attempt: Attempt, connection: _Connection) -> bytes:
    """The body, refused as soon as it is known to pass ``max_bytes``: announced, read, or unpacked."""
    limit = limits.max_bytes
    length = response.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > limit:
        raise too_big(int(length), limit, announced=True)
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip"):
        raise Failure(f"máy chủ gửi tệp nén kiểu {encoding}, chỉ đọc được gzip hoặc không nén.")
    unpack = zlib.decompressobj(wbits=31) if encoding == "gzip" else None
    pieces: list[bytes] = []
    read = size = 0
    while True:
        connection.wait_at_most(attempt.left())
        chunk = response.read(CHUNK)
        if not chunk:
            break
        read += len(chunk)
        if read > limit:
            raise too_big(read, limit, announced=False)
        if unpack is not None:
            chunk = unpack.decompress(chunk, limit + 1 - size)
            if unpack.unconsumed_tail:
                raise too_big(size + len(chunk), limit, announced=False)
        size += len(chunk)
        if size > limit:
            raise too_big(size, limit, announced=False)
        pieces.append(chunk)
    if unpack is not None and not unpack.eof:
        raise Failure("tệp nén gzip bị cắt cụt hoặc hỏng.")
    return b"".join(pieces)
