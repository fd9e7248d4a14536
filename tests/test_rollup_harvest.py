"""`make harvest`: members fetched from a loopback server with the faults real servers have, and what the
snapshot, the table and the exit code say afterwards. Timeouts are a second, so the module runs in seconds."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import socket
import time
from pathlib import Path

import pytest

from helpers import REFERENCE_DATE, ROOT, check_env, run_cli
from macros.progress.state import NOT_REPORTED
from macros.rollup import fetch as fetch_module
from macros.rollup.figures import counts_of
from macros.rollup.harvest import RUN_OUT, HarvestResult, ProgressPrinter, harvest, table
from macros.rollup.members import load_members
from macros.rollup.model import MemberPlan
from macros.rollup.snapshot import read_data, read_records
from member_server import LAST_MODIFIED, edited, member_bytes, members_file, serve_members

pytestmark = pytest.mark.unit

NOW = dt.datetime(2025, 10, 15, 1, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=1)
FAST = {"per_member_timeout": 1.0, "run_timeout": 20.0}
SMALL = 400_000
"""The size limit of these tests: every generated member is under 150 kB."""


def run(root: Path, now: dt.datetime = NOW, **options: object) -> HarvestResult:
    roster = load_members(root, "data/rollup.yaml")
    return harvest(root, roster, root / "data/harvest", now=now, **{**FAST, "max_bytes": SMALL, **options})  # type: ignore[arg-type]


def by_name(result: HarvestResult) -> dict[str, object]:
    return {r.member.name: r.record for r in result.results}


def member_copy(root: Path, slug: str) -> bytes:
    return (root / "data/harvest/members" / f"{slug}.json").read_bytes()


def closed_port() -> int:
    """A loopback port nobody listens on: connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Each fault a server (or a name) can have, and the words its member's reason must hold.
BIG = b'{"export": {"format": "ke-hoach-nhiem-vu", "version": 1}, "pad": "' + b"x" * SMALL + b'"}'
FAULTS: dict[str, tuple[dict[str, object], str]] = {
    "404": ({"kind": "status", "status": 404}, "máy chủ trả lời 404 (không tìm thấy tệp)"),
    "500": ({"kind": "status", "status": 500}, "máy chủ trả lời 500 (lỗi máy chủ)"),
    "json": ({"kind": "plain", "body": b'{"export": {"format": '}, "JSON không hợp lệ ở dòng 1"),
    "rollup": ({"kind": "plain", "body": json.dumps({"export": {"format": "ke-hoach-tong-hop", "version": 1},
                                                     "rollup": {"title": "Tỉnh"}, "members": []}).encode()},
               "đây là tệp rollup.json (tổng hợp), cần plan.json (kế hoạch)"),
    "major": ({"kind": "plain", "body": edited(member_bytes(3), version=2)},
              "phiên bản 2 của định dạng ke-hoach-nhiem-vu chưa được hỗ trợ"),
    "not-a-plan": ({"kind": "plain", "body": json.dumps({"export": {"format": "ke-hoach-nhiem-vu", "version": 1},
                                                         "plan": {"title": "Kế hoạch", "issuer": "UBND xã"}}).encode()},
                   "không phải một kế hoạch hợp lệ: trường tasks: thiếu"),
    "announced": ({"kind": "plain", "body": BIG}, f"máy chủ báo {len(BIG):,} byte".replace(",", ".")),
    "streamed": ({"kind": "stream", "body": BIG}, "tệp quá lớn (hơn 400.000 byte)"),
    "gzip-bomb": ({"kind": "gzip", "body": BIG}, "tệp quá lớn (hơn 400.000 byte)"),
    # A Content-Length smaller than the body: only that much is read, and the cut file is not JSON.
    "short-length": ({"kind": "announce", "body": member_bytes(4), "length": 100}, "JSON không hợp lệ"),
    "redirects": ({"kind": "redirect", "location": "/chain/4"}, "quá nhiều lần chuyển hướng (hơn 3)"),
    "to-file": ({"kind": "redirect", "location": "file:///etc/passwd"}, "chỉ đọc địa chỉ https://"),
    "to-private-http": ({"kind": "redirect", "location": "http://10.20.30.40/du-lieu/plan.json"},
                        "địa chỉ http:// chỉ được đọc trên chính máy này"),
    "slow": ({"kind": "slow", "body": member_bytes(5)}, "quá thời gian chờ (1 giây cho một thành viên)"),
}
ELSEWHERE: dict[str, tuple[str, str]] = {
    "refused": (f"http://127.0.0.1:{closed_port()}/du-lieu/plan.json", "từ chối kết nối"),
    "dns": ("http://khong-co.example/du-lieu/plan.json", "không tìm thấy tên miền khong-co.example"),
}


def chain(server, hops: int) -> None:  # noqa: ANN001 - member_server.MemberServer
    """/chain/<n> redirects to /chain/<n-1> … /chain/0, a good member."""
    server.set("/chain/0", "ok", member_bytes(6))
    for n in range(1, hops + 1):
        server.set(f"/chain/{n}", "redirect", location=f"/chain/{n - 1}", status=301 if n % 2 else 307)


@pytest.fixture
def no_dns(monkeypatch):
    """Names other than localhost do not resolve (as a name nobody registered), without asking any DNS server."""
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if host == "localhost" or host.replace(".", "").isdigit():
            return real(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolve)


def test_a_member_that_fails_keeps_its_last_good_copy_whatever_the_fault(tmp_path, no_dns):
    with serve_members() as server:
        chain(server, 4)
        names = [*FAULTS, *ELSEWHERE]
        urls = {name: server.set(f"/{name}", "ok", member_bytes(i + 1)) for i, name in enumerate(names)}
        members_file(tmp_path, [{"name": f"Xã {name}", "plan_json": urls[name]} for name in names])
        first = run(tmp_path)
        assert [r.record.outcome for r in first.results] == ["moi"] * len(names)
        copies = {r.slug: member_copy(tmp_path, r.slug) for r in first.results}

        for name, (route, _) in FAULTS.items():
            server.set(f"/{name}", **route)  # type: ignore[arg-type]
        for name, (url, _) in ELSEWHERE.items():
            urls[name] = url
        members_file(tmp_path, [{"name": f"Xã {name}", "plan_json": urls[name]} for name in names])
        started = time.monotonic()
        second = run(tmp_path, LATER)
        assert time.monotonic() - started < 5  # the slow member is given up after its second, the others do not wait

    expected = {f"Xã {name}": words for name, (_, words) in {**FAULTS, **ELSEWHERE}.items()}
    for result in second.results:
        record = result.record
        assert record.outcome == "loi", result.member.name
        assert expected[result.member.name] in (record.reason or ""), (result.member.name, record.reason)
        assert (record.checked, record.last_good) == (LATER, NOW)
        assert member_copy(tmp_path, result.slug) == copies[result.slug]  # the last good copy, untouched
    assert read_records(tmp_path / "data/harvest") == {r.slug: r.record for r in second.results}
    assert second.all_failed and second.exit_code == 1
    assert not list((tmp_path / "data/harvest").rglob("*.part"))


def test_the_table_lists_every_member_with_its_outcome_reason_and_last_good_date(tmp_path):
    with serve_members() as server:
        ok, gone = server.set("/a", "ok", member_bytes(1)), server.set("/b", "ok", member_bytes(2))
        members_file(tmp_path, [{"name": "Xã An Phong", "plan_json": ok}, {"name": "Xã Bình Lạc", "plan_json": gone}])
        run(tmp_path)
        server.set("/b", "status", status=404)
        result = run(tmp_path, LATER)
    lines = table(result).splitlines()
    assert lines[0].split() == ["Thành", "viên", "Kết", "quả", "Bản", "tốt", "gần", "nhất", "Lý", "do"]
    assert lines[1].split() == ["Xã", "An", "Phong", "Không", "đổi", "16/10/2025"]
    assert lines[2].startswith("Xã Bình Lạc") and "Lỗi" in lines[2] and "15/10/2025" in lines[2]
    assert "máy chủ trả lời 404" in lines[2]
    assert result.exit_code == 0 and not result.all_failed


def test_a_newer_minor_with_fields_this_reader_does_not_know_is_read(tmp_path):
    document = json.loads(member_bytes(7))
    document["export"]["minor"] = 9
    document["du_bao"] = {"nam": 2030}
    for task in document["tasks"]:
        task["muc_do_uu_tien"] = "cao"
    with serve_members() as server:
        url = server.set("/newer", "ok", json.dumps(document, ensure_ascii=False).encode())
        members_file(tmp_path, [{"name": "Xã Mới", "plan_json": url}])
        result = run(tmp_path)
    assert result.results[0].record.outcome == "moi"
    data = read_data(tmp_path / "data/harvest", result.results[0].slug)
    assert isinstance(data, MemberPlan) and data.minor == 9
    assert len(data.tasks) == len(document["tasks"])


@pytest.mark.parametrize(("hops", "outcome"), [(3, "moi"), (4, "loi")])
def test_redirects_are_followed_up_to_the_limit(tmp_path, hops, outcome):
    with serve_members() as server:
        chain(server, hops)
        members_file(tmp_path, [{"name": "Xã Chuyển", "plan_json": server.url(f"/chain/{hops}")}])
        result = run(tmp_path, max_redirects=3)
        reached_the_file = bool(server.requests_for("/chain/0"))
    assert result.results[0].record.outcome == outcome
    assert reached_the_file is (outcome == "moi")  # past the limit the last redirect is not followed


def test_the_second_harvest_asks_with_the_validators_and_a_304_keeps_the_copy(tmp_path):
    with serve_members() as server:
        url = server.set("/plan.json", "ok", member_bytes(8))
        members_file(tmp_path, [{"name": "Xã Lưu", "plan_json": url}])
        first = run(tmp_path).results[0]
        path = tmp_path / "data/harvest/members" / f"{first.slug}.json"
        written = path.stat().st_mtime_ns
        second = run(tmp_path, LATER).results[0]
        asked = server.requests_for("/plan.json")
    assert first.record.etag and first.record.last_modified == LAST_MODIFIED
    assert "If-None-Match" not in asked[0]
    assert asked[1]["If-None-Match"] == first.record.etag and asked[1]["If-Modified-Since"] == LAST_MODIFIED
    assert asked[1]["User-Agent"] == "ke-hoach-harvest/1" and asked[1]["Accept"] == "application/json"
    assert second.record.outcome == "khong-doi" and second.label == "Không đổi"
    assert (second.record.last_good, second.record.checked, second.record.etag) == (LATER, LATER, first.record.etag)
    assert path.stat().st_mtime_ns == written


def test_the_same_file_again_is_unchanged_and_another_one_is_new(tmp_path):
    with serve_members() as server:
        url = server.set("/plan.json", "plain", member_bytes(9))  # a server that sends no ETag nor Last-Modified
        members_file(tmp_path, [{"name": "Xã Lặp", "plan_json": url}])
        first = run(tmp_path).results[0]
        again = run(tmp_path, LATER).results[0]
        server.set("/plan.json", "plain", member_bytes(10))
        changed = run(tmp_path, LATER + dt.timedelta(days=1)).results[0]
    assert (first.record.outcome, again.record.outcome, changed.record.outcome) == ("moi", "khong-doi", "moi")
    assert first.record.sha256 == again.record.sha256 != changed.record.sha256
    assert hashlib.sha256(member_copy(tmp_path, first.slug)).hexdigest() == changed.record.sha256


def test_gzip_is_accepted_and_read_unpacked(tmp_path):
    with serve_members() as server:
        url = server.set("/plan.json", "gzip", member_bytes(11))
        members_file(tmp_path, [{"name": "Xã Nén", "plan_json": url}])
        result = run(tmp_path).results[0]
        asked = server.requests_for("/plan.json")[0]
    assert "gzip" in asked["Accept-Encoding"]
    assert result.record.outcome == "moi"


def test_without_allow_local_a_name_of_this_machine_is_refused_before_any_request(tmp_path):
    with serve_members() as server:
        server.set("/plan.json", "ok", member_bytes(1))
        members_file(tmp_path, [{"name": "Xã Nội Bộ", "plan_json": f"https://localhost:{server.port}/plan.json"},
                                {"name": "Xã Số", "plan_json": f"https://127.0.0.1:{server.port}/plan.json"}],
                     allow_local=False)
        result = run(tmp_path)
        seen = list(server.seen)
    reasons = [r.record.reason or "" for r in result.results]
    assert reasons[0].startswith("localhost trỏ tới 127.0.0.1, một địa chỉ nội bộ hoặc dành riêng")
    assert reasons[1].startswith("127.0.0.1 trỏ tới 127.0.0.1, một địa chỉ nội bộ")
    assert seen == []


def test_every_redirect_target_is_checked_like_the_first_address(tmp_path, monkeypatch):
    """Each hop goes through the same check (scheme, every address resolved) before it is connected to."""
    checked: list[str] = []
    real = fetch_module.check

    def spy(url, limits):  # noqa: ANN001, ANN202
        checked.append(url)
        return real(url, limits)

    monkeypatch.setattr(fetch_module, "check", spy)
    with serve_members() as server:
        chain(server, 3)
        members_file(tmp_path, [{"name": "Xã Chuyển", "plan_json": server.url("/chain/3")}])
        assert run(tmp_path).results[0].record.outcome == "moi"
    assert checked == [server.url(f"/chain/{n}") for n in (3, 2, 1, 0)]


@pytest.mark.parametrize(("address", "public"), [
    ("8.8.8.8", True), ("2606:4700:4700::1111", True), ("::ffff:8.8.8.8", True),
    ("127.0.0.1", False), ("127.8.9.10", False), ("::1", False), ("10.0.0.1", False), ("172.16.5.4", False),
    ("192.168.1.1", False), ("100.64.0.1", False), ("169.254.169.254", False), ("fe80::1", False),
    ("224.0.0.251", False), ("ff02::1", False), ("240.0.0.1", False), ("0.0.0.0", False), ("::", False),
    ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False), ("fd00::1", False), ("2002:7f00:1::", False),
])  # fmt: skip
def test_only_addresses_on_the_internet_are_public(address, public):
    assert fetch_module.is_public(address) is public


def test_every_address_a_name_resolves_to_is_checked(monkeypatch):
    """A name with one public and one private address is refused: the connection could go to either."""
    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", lambda *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 443)),
    ])
    limits = fetch_module.Limits(1.0, SMALL, 3, allow_local=False)
    with pytest.raises(fetch_module.Failure) as refused:
        fetch_module.check("https://xa.example.gov.vn/du-lieu/plan.json", limits)
    assert "trỏ tới 10.0.0.7" in refused.value.reason


def test_members_not_finished_when_the_runs_time_is_up_fail_with_that_reason(tmp_path):
    with serve_members() as server:
        members_file(tmp_path, [
            {"name": "Xã Chậm Một", "plan_json": server.set("/slow1", "slow", member_bytes(1))},
            {"name": "Xã Chậm Hai", "plan_json": server.set("/slow2", "slow", member_bytes(2))},
            {"name": "Xã Chưa Tới", "plan_json": server.set("/ok", "ok", member_bytes(3))},
        ])
        started = time.monotonic()
        result = run(tmp_path, concurrency=1, per_member_timeout=1.0, run_timeout=1.5)
        took = time.monotonic() - started
    reasons = [r.record.reason for r in result.results]
    assert reasons == ["quá thời gian chờ (1 giây cho một thành viên).", RUN_OUT, RUN_OUT]
    assert took < 2.5


def test_members_are_fetched_at_once_but_no_more_than_the_limit(tmp_path):
    with serve_members() as server:
        members_file(tmp_path, [{"name": f"Xã Số {i}", "plan_json": server.set(f"/{i}", "ok", member_bytes(i), delay=0.3)}
                                for i in range(1, 8)])
        result = run(tmp_path, concurrency=3)
        most = server.most_busy
    assert [r.record.outcome for r in result.results] == ["moi"] * 7
    assert most == 3


def test_a_member_kept_in_the_repository_is_read_from_its_path_with_the_same_limit(tmp_path):
    (tmp_path / "members").mkdir()
    (tmp_path / "members/xa-a.json").write_bytes(member_bytes(12))
    (tmp_path / "members/xa-b.json").write_bytes(BIG)
    members_file(tmp_path, [{"name": "Xã Trong Kho", "plan_json": "members/xa-a.json"},
                            {"name": "Xã Quá Lớn", "plan_json": "members/xa-b.json"},
                            {"name": "Xã Vắng", "plan_json": "members/xa-c.json"}])
    first = run(tmp_path)
    again = run(tmp_path, LATER)
    assert [r.record.outcome for r in first.results] == ["moi", "loi", "loi"]
    assert "tệp quá lớn" in (first.results[1].record.reason or "")
    assert first.results[2].record.reason == "không có tệp members/xa-c.json trong kho."
    assert again.results[0].record.outcome == "khong-doi"


def test_members_no_longer_listed_keep_their_record_and_file(tmp_path):
    with serve_members() as server:
        one, two = server.set("/1", "ok", member_bytes(1)), server.set("/2", "ok", member_bytes(2))
        members_file(tmp_path, [{"name": "Xã Một", "plan_json": one}, {"name": "Xã Hai", "plan_json": two}])
        before = run(tmp_path)
        members_file(tmp_path, [{"name": "Xã Một", "plan_json": one}])
        after = run(tmp_path, LATER)
    gone = before.results[1]
    assert after.unlisted == 1
    assert read_records(tmp_path / "data/harvest")[gone.slug] == gone.record
    assert member_copy(tmp_path, gone.slug)


def test_an_interrupted_harvest_leaves_the_last_whole_snapshot(tmp_path):
    def interrupt(done, total, result):  # noqa: ANN001, ANN202
        raise KeyboardInterrupt

    with serve_members() as server:
        members_file(tmp_path, [{"name": "Xã Một", "plan_json": server.set("/1", "ok", member_bytes(1))},
                                {"name": "Xã Hai", "plan_json": server.set("/2", "ok", member_bytes(2))}])
        first = run(tmp_path)
        server.set("/1", "ok", member_bytes(3))
        server.set("/2", "ok", member_bytes(4))
        with pytest.raises(KeyboardInterrupt):
            run(tmp_path, LATER, progress=interrupt)
    assert read_records(tmp_path / "data/harvest") == {r.slug: r.record for r in first.results}
    for result in first.results:
        assert read_data(tmp_path / "data/harvest", result.slug) is not None  # every file whole: old or new


def test_a_broken_index_is_rewritten_by_the_next_harvest(tmp_path):
    with serve_members() as server:
        members_file(tmp_path, [{"name": "Xã Một", "plan_json": server.set("/1", "ok", member_bytes(1))}])
        (tmp_path / "data/harvest").mkdir(parents=True)
        (tmp_path / "data/harvest/index.json").write_text("{ hỏng", encoding="utf-8")
        result = run(tmp_path)
    assert result.results[0].record.outcome == "moi"
    assert "không đọc được chỉ mục thu thập" in result.warnings[0]
    assert read_records(tmp_path / "data/harvest")


def test_progress_is_one_line_redrawn_on_a_terminal_and_a_line_per_member_in_a_log(tmp_path):
    with serve_members() as server:
        members_file(tmp_path, [{"name": "Xã Một", "plan_json": server.set("/1", "ok", member_bytes(1))},
                                {"name": "Xã Hai", "plan_json": server.set("/2", "status", status=500)}])
        terminal, log = io.StringIO(), io.StringIO()
        run(tmp_path, progress=ProgressPrinter(terminal, tty=True, width=60), concurrency=1)
        run(tmp_path, LATER, progress=ProgressPrinter(log, tty=False), concurrency=1)
    assert terminal.getvalue().count("\r") == 2 and terminal.getvalue().endswith("\n")
    drawn = terminal.getvalue().rstrip("\n").split("\r")[1:]
    assert drawn[0].startswith("[##########..........] 1/2 Xã Một") and drawn[1].startswith("[####################] 2/2 Xã Hai")
    assert all(len(line) == 59 for line in drawn)  # one line, drawn over itself, within the terminal's width
    assert log.getvalue().splitlines() == [
        "[1/2] Xã Một — không đổi",
        "[2/2] Xã Hai — lỗi: máy chủ trả lời 500 (lỗi máy chủ) cho " + server.url("/2") + ".",
    ]


# ---------------------------------------------------------------- the command


def test_the_command_prints_each_member_a_table_and_exits_0_when_some_fail(tmp_path):
    with serve_members() as server:
        members_file(tmp_path, [{"name": "Xã Một", "plan_json": server.set("/1", "ok", member_bytes(1))},
                                {"name": "Xã Hai", "plan_json": server.set("/2", "status", status=404)}],
                     name="data/thanh-vien.yaml")
        done = run_cli("harvest", "--members", "data/thanh-vien.yaml", "--folder", "data/thu-thap",
                       env=check_env(CI="true"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert sorted(line.split("] ", 1)[1] for line in lines[:2]) == [
        "Xã Hai — lỗi: máy chủ trả lời 404 (không tìm thấy tệp) cho " + server.url("/2") + ".", "Xã Một — đã cập nhật"]
    assert sorted(line.split("] ")[0] for line in lines[:2]) == ["[1/2", "[2/2"]
    assert [line.split("  ")[0] for line in lines[3:5]] == ["Xã Một", "Xã Hai"]
    assert lines[-1] == ("Thu thập 2 thành viên: 1 đã cập nhật, 0 không đổi, 1 lỗi (giữ bản tốt gần nhất); "
                         "dữ liệu ở data/thu-thap.")
    assert (tmp_path / "data/thu-thap/index.json").is_file()


def test_the_command_exits_1_when_every_member_fails(tmp_path):
    members_file(tmp_path, [{"name": "Xã Một", "plan_json": f"http://127.0.0.1:{closed_port()}/plan.json"}])
    (tmp_path / "mkdocs.yml").write_text("extra:\n  ke_hoach:\n    rollup: data/rollup.yaml\n    harvest: data/h\n",
                                         encoding="utf-8")
    done = run_cli("harvest", env=check_env(CI="true"), cwd=tmp_path)
    assert done.returncode == 1
    assert "Không lấy được thành viên nào" in done.stdout.splitlines()[-1]
    assert (tmp_path / "data/h/index.json").is_file()  # the defaults of mkdocs.yml


def test_a_site_that_is_not_a_rollup_is_told_how_to_become_one(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("extra:\n  ke_hoach:\n    plan: data/plan.yaml\n", encoding="utf-8")
    done = run_cli("harvest", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("Trang này không phải trang tổng hợp: mkdocs.yml chưa đặt extra.ke_hoach.rollup.")
    assert "rollup: data/rollup.yaml" in done.stderr and "Traceback" not in done.stderr


def test_a_bad_members_file_is_explained_with_its_lines_and_nothing_is_fetched(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/rollup.yaml").write_text(
        "members:\n  - name: Xã Một\n    plan_json: http://xa-mot.example/du-lieu/plan.json\n", encoding="utf-8")
    done = run_cli("harvest", "--members", "data/rollup.yaml", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0].startswith("data/rollup.yaml:3: lỗi [members[0].plan_json]: cần một địa chỉ https://")
    assert done.stderr.splitlines()[-1] == "Không thu thập được: data/rollup.yaml có 1 lỗi cần sửa."
    assert not (tmp_path / "data/harvest").exists()


# ---------------------------------------------------------------- Ba Dinh's own plan.json as a member


def test_ba_dinhs_own_plan_json_harvested_counts_as_its_own_file_says(tmp_path):
    from macros.build.project import load_project
    from macros.exports.plan_json import plan_json

    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("harvest", "rollup.yaml"))
    project = load_project(tmp_path, "data/plan.yaml", "data/updates", None)
    published = plan_json(project.plan, REFERENCE_DATE, "https://ba-dinh.example.gov.vn/", None,
                          project.progress(REFERENCE_DATE))
    with serve_members() as server:
        members_file(tmp_path, [{"name": "Xã Ba Dinh", "plan_json": server.set("/du-lieu/plan.json", "ok", published)}],
                     name="data/rollup.yaml")
        result = run(tmp_path, max_bytes=20_000_000)
    data = read_data(tmp_path / "data/harvest", result.results[0].slug)
    assert isinstance(data, MemberPlan)
    counts = counts_of(data)
    leaves = [t for t in json.loads(published)["tasks"] if not t["heading"]]
    assert counts.tasks == len(leaves) == len(project.plan.leaf_tasks)
    assert counts.statuses == {s: sum(1 for t in leaves if t["status"]["status"] == s) for s in counts.statuses}
    assert counts.overdue == sum(1 for t in leaves if t["status"]["overdue"])
    assert sum(counts.statuses.values()) == counts.tasks
    assert counts.reported == sum(1 for t in leaves if t["status"]["status"] != NOT_REPORTED or t["status"]["last_date"])
