"""``make harvest``: every member's file fetched into the snapshot folder, with the outcome of each.

Members are fetched by a small pool of threads (at most ``concurrency`` at once), each within its own
time, and the whole run within another; the main thread watches both clocks, so a member that stalls is
stopped and recorded as failed when its time is up, whatever the server does. The pool's threads are
daemons: a thread stuck where Python cannot interrupt it (a name look-up) cannot hold up the command.

A member that fails keeps its last good copy: only its record changes (outcome "loi", the reason,
``checked``), so the site goes on showing its last good data and says since when. Copies are written as
members finish and the index once at the end (both by :mod:`macros.rollup.snapshot`, atomically), so an
interrupted harvest leaves whole files. Nothing is ever deleted: the records and files of members no
longer listed are kept as they are (the build reads only listed members), and a reviewer removes them
in the harvest's pull request if they are not wanted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..plan.problems import DataError
from ..progress.refdate import VIETNAM
from ..text import vn_date
from .contract import Refused, read_member
from .fetch import Attempt, Failure, Fetched, Limits, fetch, read_local, timeout_reason
from .members import Member, Roster
from .model import OUTCOME_LABELS, HarvestRecord, MemberData, Outcome
from .snapshot import dump_data, member_file, read_records, write_member, write_records

RUN_OUT = "hết thời gian của lần thu thập."
"""The reason of a member not finished when the run's time is up."""


@dataclass(frozen=True)
class MemberResult:
    slug: str
    member: Member
    record: HarvestRecord

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.record.outcome]


@dataclass(frozen=True)
class HarvestResult:
    folder: Path
    results: list[MemberResult]
    """Every member of the roster, in its order."""
    unlisted: int = 0
    """Records of members no longer listed, kept in the index as they were."""
    warnings: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.record.outcome == outcome)

    @property
    def all_failed(self) -> bool:
        return bool(self.results) and self.count("loi") == len(self.results)

    @property
    def exit_code(self) -> int:
        """0 unless every member failed: a few members down is a normal night; all of them is this side's fault."""
        return 1 if self.all_failed else 0


Progress = Callable[[int, int, MemberResult], None]
"""Called in the main thread as each member finishes: (finished so far, members in all, that member)."""


@dataclass
class _Job:
    slug: str
    member: Member
    previous: HarvestRecord | None
    kept_sha: str | None
    """sha256 of the member's file on disk (None: no copy)."""
    attempt: Attempt


@dataclass(frozen=True)
class _Got:
    """A worker's answer: a checked copy, or None when the server says the kept copy is current."""

    data: MemberData | None
    etag: str | None
    last_modified: str | None


def harvest(
    root: Path,
    roster: Roster,
    folder: Path,
    *,
    now: dt.datetime,
    per_member_timeout: float = 20,
    run_timeout: float = 600,
    max_bytes: int = 20_000_000,
    max_redirects: int = 3,
    concurrency: int = 16,
    progress: Progress | None = None,
) -> HarvestResult:
    """Fetch every member of ``roster`` into ``folder``; ``now`` (UTC) is what the records say."""
    warnings: list[str] = []
    try:
        previous = read_records(folder)
    except DataError as exc:  # a broken index must not stop the harvest that rewrites it
        previous = {}
        warnings.append(f"{exc}; lần thu thập này ghi lại chỉ mục mới.")
    limits = Limits(per_member_timeout, max_bytes, max_redirects, roster.allow_local)
    jobs = [_job(folder, slug, member, previous.get(slug), per_member_timeout) for slug, member in roster]
    records: dict[str, HarvestRecord] = {}

    def finish(job: _Job, answer: _Got | Failure) -> None:
        record = _record(folder, job, answer, now)
        records[job.slug] = record
        if progress is not None:
            progress(len(records), len(jobs), MemberResult(job.slug, job.member, record))

    _run(jobs, lambda job: _fetch(root, job, limits), finish, concurrency, run_timeout)
    listed = {slug for slug, _ in roster}
    kept = {slug: record for slug, record in previous.items() if slug not in listed}
    write_records(folder, {**kept, **records})
    results = [MemberResult(job.slug, job.member, records[job.slug]) for job in jobs]
    return HarvestResult(folder, results, len(kept), warnings)


def _job(folder: Path, slug: str, member: Member, previous: HarvestRecord | None, timeout: float) -> _Job:
    try:
        kept_sha: str | None = hashlib.sha256((folder / member_file(slug)).read_bytes()).hexdigest()
    except OSError:
        kept_sha = None
    return _Job(slug, member, previous, kept_sha, Attempt(timeout))


def _fetch(root: Path, job: _Job, limits: Limits) -> _Got:
    """One member, in a worker thread: fetched (with the validators of the copy kept), then read by the contract."""
    member, previous = job.member, job.previous
    if not member.is_remote:
        answer = Fetched(read_local(root, member.source, limits.max_bytes))
    else:
        current = previous if previous and previous.source == member.source and job.kept_sha is not None \
            and previous.sha256 == job.kept_sha else None  # validators only for the very copy on disk
        etag, modified = (current.etag, current.last_modified) if current else (None, None)
        answer = fetch(member.source, limits, job.attempt, etag, modified)
        if answer.data is None and not (etag or modified):
            raise Failure("máy chủ trả lời 304 (không đổi) khi chưa có bản lưu nào.")
    job.attempt.received()
    if answer.data is None:
        return _Got(None, answer.etag, answer.last_modified)
    try:
        data = read_member(answer.data, member.expects)
    except Refused as exc:
        raise Failure(exc.reason) from None
    return _Got(data, answer.etag, answer.last_modified)


def _record(folder: Path, job: _Job, answer: _Got | Failure, now: dt.datetime) -> HarvestRecord:
    """The member's new record; a new copy is written here, in the main thread, once it is known to be on time."""
    previous, source = job.previous, job.member.source
    if isinstance(answer, Failure):
        same = previous is not None and previous.source == source
        return HarvestRecord(
            source=source, outcome="loi", reason=answer.reason, checked=now,
            last_good=previous.last_good if previous else None,
            etag=previous.etag if previous and same else None,
            last_modified=previous.last_modified if previous and same else None,
            sha256=job.kept_sha,
        )  # fmt: skip
    etag, modified = answer.etag, answer.last_modified
    if answer.data is None:  # 304: the copy kept is current; the server may send its validators again, or not
        assert previous is not None
        etag, modified, sha = etag or previous.etag, modified or previous.last_modified, job.kept_sha
        outcome: Outcome = "khong-doi"
    else:
        copy = dump_data(answer.data)
        sha = hashlib.sha256(copy).hexdigest()
        outcome = "khong-doi" if sha == job.kept_sha else "moi"
        if outcome == "moi":
            write_member(folder, job.slug, answer.data)
    return HarvestRecord(source=source, outcome=outcome, checked=now, last_good=now, etag=etag, last_modified=modified,
                         sha256=sha)  # fmt: skip


def _run(jobs: list[_Job], work: Callable[[_Job], _Got], finish: Callable[[_Job, _Got | Failure], None],
         concurrency: int, run_timeout: float) -> None:
    """Run ``work`` on every job in at most ``concurrency`` daemon threads; ``finish`` each job exactly once, in
    this thread: with its answer, or with a timeout when its own time or the run's is up."""
    todo: queue.Queue[_Job] = queue.Queue()
    done: queue.Queue[tuple[_Job, _Got | Failure]] = queue.Queue()
    for job in jobs:
        todo.put(job)
    stop = threading.Event()

    def worker() -> None:
        while not stop.is_set():
            try:
                job = todo.get_nowait()
            except queue.Empty:
                return
            job.attempt.start()
            try:
                answer: _Got | Failure = work(job)
            except Failure as exc:
                answer = exc
            except Exception as exc:  # noqa: BLE001 - a fault of this code with one member must not stop the others
                answer = Failure(f"lỗi của công cụ thu thập ({type(exc).__name__}: {exc}); báo cho người bảo trì.")
            done.put((job, answer))

    for _ in range(max(1, min(concurrency, len(jobs)))):
        threading.Thread(target=worker, daemon=True, name="harvest").start()
    pending = {job.slug: job for job in jobs}
    run_end = time.monotonic() + run_timeout
    try:
        while pending:
            clock = time.monotonic()
            if clock >= run_end:
                break
            for job in list(pending.values()):
                deadline = job.attempt.deadline
                if deadline is not None and clock >= deadline:
                    job.attempt.abort()
                    del pending[job.slug]
                    finish(job, Failure(timeout_reason(job.attempt.timeout)))
            soonest = min([run_end, clock + 0.25, *(j.attempt.deadline or run_end for j in pending.values())])
            try:
                job, answer = done.get(timeout=max(0.001, soonest - clock))
            except queue.Empty:
                continue
            if pending.pop(job.slug, None) is not None:
                finish(job, answer)
    finally:
        stop.set()
        for job in pending.values():
            job.attempt.abort()
    for job in pending.values():
        finish(job, Failure(RUN_OUT))


# ---------------------------------------------------------------- what the command prints


class ProgressPrinter:
    """The harvest as it runs: one line rewritten in place on a terminal, one line per member in a log (CI)."""

    def __init__(self, stream: IO[str], tty: bool, width: int = 80):
        self.stream, self.tty, self.width = stream, tty, width

    def __call__(self, done: int, total: int, result: MemberResult) -> None:
        if not self.tty:
            reason = f": {result.record.reason}" if result.record.reason else ""
            print(f"[{done}/{total}] {result.member.name} — {result.label.lower()}{reason}", file=self.stream, flush=True)
            return
        bar = "#" * (20 * done // total) + "." * (20 - 20 * done // total)
        line = f"[{bar}] {done}/{total} {result.member.name}"[: self.width - 1]
        end = "\n" if done == total else ""
        self.stream.write(f"\r{line.ljust(self.width - 1)}{end}")
        self.stream.flush()


def table(result: HarvestResult) -> str:
    """Every member with its outcome, its last good copy and why it failed: the end of the command's output."""
    header = ("Thành viên", "Kết quả", "Bản tốt gần nhất", "Lý do")
    rows = [(r.member.name, r.label, _when(r.record.last_good), r.record.reason or "") for r in result.results]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)) + "  " + row[3]
             for row in [header, *rows]]
    return "\n".join(line.rstrip() for line in lines)


def _when(moment: dt.datetime | None) -> str:
    return vn_date(moment.astimezone(VIETNAM).date()) if moment else "chưa có"


def summary(result: HarvestResult) -> str:
    failed, total = result.count("loi"), len(result.results)
    line = (f"Thu thập {total} thành viên: {result.count('moi')} đã cập nhật, {result.count('khong-doi')} không đổi, "
            f"{failed} lỗi" + (" (giữ bản tốt gần nhất)" if failed else "") + f"; dữ liệu ở {result.folder}.")
    if result.unlisted:
        line += (f" Giữ nguyên dữ liệu cũ của {result.unlisted} thành viên không còn trong danh sách "
                 "(xoá tay nếu không cần).")
    if result.all_failed:
        line += " Không lấy được thành viên nào: kiểm tra kết nối mạng và danh sách thành viên."
    return line
