"""A rollup's pages, built with MkDocs from generated members: what a province's monitor reads on them.

Nine members: eight generated communes (the 3rd and 5th stale, the 6th whose last harvest failed with its last good
copy kept, the 7th failed with no copy at all) and a province that is itself a rollup. Every figure the overview
shows is checked against the member's own plan.json, parsed here; the pages are cut three members to a page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections import Counter
from typing import Any

import lxml.html
import pytest

from bench.members import gap_tasks, province_plan
from helpers import PAYLOAD, PAYLOADS, REFERENCE_DATE, VERSIONED, BuiltSite, build_site
from macros import urls
from macros.plan.model import Plan
from macros.progress.state import CLOSED, DERIVED_LABELS, NOT_REPORTED
from macros.rollup.members import load_members
from macros.rollup.model import Counts, MemberRollup, RollupRow
from macros.text import vn_date
from rollup_helpers import (
    FAILED_WITH_COPY,
    FAILED_WITHOUT_COPY,
    Fake,
    add_rollup_member,
    members,
    rollup_project,
    sample_members,
    set_page_size,
)

pytestmark = pytest.mark.build

PAGE = 3
STALE = "quá 90 ngày"
PROVINCE = MemberRollup(title="Tổng hợp của tỉnh Hòa An", issuer="Ủy ban nhân dân tỉnh Hòa An", members=[
    RollupRow(name="Xã Đông Sơn", code="20001", level="xa", site="https://xa-20001.example.gov.vn/",
              counts=Counts(tasks=12, statuses={**{s: 0 for s in DERIVED_LABELS}, "hoan-thanh": 5, NOT_REPORTED: 7},
                            overdue=2, reported=5, last_report=dt.date(2025, 10, 1))),
    RollupRow(name="Xã Tây Sơn", code="20002", level="xa", available=False, reason="không đọc được plan.json của xã."),
])  # fmt: skip


class Rollup:
    """The built rollup, its members as generated, and the slugs the members file gave them."""

    def __init__(self, site: BuiltSite, fakes: list[Fake], plan: Plan, slugs: list[str], province: str):
        self.site, self.fakes, self.plan, self.slugs, self.province = site, fakes, plan, slugs, province

    def parts(self, url: str) -> list[str]:
        """Every numbered page of the list at ``url``, the first one's address first."""
        out, n = [url], 2
        while self.site.path(urls.part(url, n)).exists():
            out.append(urls.part(url, n))
            n += 1
        return out


@pytest.fixture(scope="module")
def rollup(tmp_path_factory: pytest.TempPathFactory) -> Rollup:
    work = tmp_path_factory.mktemp("rollup")
    plan = province_plan()
    fakes = sample_members(plan)
    project = rollup_project(work / "project", fakes, plan)
    province = add_rollup_member(project, "Tỉnh Hòa An", "30", PROVINCE)
    set_page_size(project, PAGE)
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    slugs = [slug for slug, _ in load_members(project)]
    return Rollup(BuiltSite(work / "site", project), fakes, plan, slugs, province)


def expected(fake: Fake) -> dict[str, Any]:
    """What the overview must show of a member, computed from its own plan.json."""
    document = json.loads(fake.member.data)
    leaf = [t for t in document["tasks"] if not t["heading"]]
    statuses = Counter(t["status"]["status"] for t in leaf)
    dates = [u["date"] for u in document["updates"]] + [t["status"]["last_date"] for t in leaf if t["status"]["last_date"]]
    last = dt.date.fromisoformat(max(dates)) if dates else None
    reported = sum(1 for t in leaf if t["status"]["last_date"] or t["status"]["status"] != NOT_REPORTED)
    return {
        "Nhiệm vụ": str(len(leaf)),
        "Quá hạn": str(sum(1 for t in leaf if t["status"]["overdue"])),
        "Đã có báo cáo": f"{round(100 * reported / len(leaf))}%",
        **{label: str(statuses.get(key, 0)) for key, label in DERIVED_LABELS.items()},
        "last": vn_date(last) if last else None,
        "stale": last is None or (REFERENCE_DATE - last).days >= 90,
    }


def overview_rows(rollup: Rollup) -> list[dict[str, str]]:
    """Every row of the overview's plain table, page after page, by column header."""
    rows = []
    for url in rollup.parts(urls.ROLLUP):
        table = rollup.site.tree(url).xpath("//table[contains(@class,'kh-rollup-table')]")[0]
        headers = [" ".join(th.text_content().split()) for th in table.xpath("./thead/tr/th")]
        for tr in table.xpath("./tbody/tr"):
            cells = [" ".join(c.text_content().split()) for c in tr.xpath("./th|./td")]
            rows.append({"slug": tr.get("data-member"), **dict(zip(headers, cells, strict=True))})
    return rows


def test_each_member_row_shows_the_figures_of_its_own_plan_json(rollup: Rollup) -> None:
    rows = {r["slug"]: r for r in overview_rows(rollup)}
    assert list(rows) == rollup.slugs  # one row per member, in the members file's order, across the pages
    for slug, fake in zip(rollup.slugs, rollup.fakes, strict=False):
        row = rows[slug]
        assert row["Thành viên"] == f"{fake.member.name} mã {fake.member.code}"
        if fake.reason and not fake.had_copy:
            assert {row[k] for k in ("Nhiệm vụ", "Quá hạn", "Đã có báo cáo", "Hoàn thành")} == {"—"}, slug
            continue
        want = expected(fake)
        for column in ["Nhiệm vụ", "Quá hạn", "Đã có báo cáo", *DERIVED_LABELS.values()]:
            assert row[column] == want[column], (slug, column)
        last = row["Báo cáo gần nhất"]
        assert last.startswith(want["last"] or "Chưa có báo cáo"), (slug, last)
        assert last.endswith(STALE) == want["stale"], (slug, last)
    assert [expected(f)["stale"] for f in rollup.fakes] == [i in (2, 4) for i in range(8)]  # the 3rd and 5th


def test_states_and_reasons_of_failed_harvests_are_shown(rollup: Rollup) -> None:
    rows = {r["slug"]: r for r in overview_rows(rollup)}
    kept, lost = rollup.slugs[5], rollup.slugs[6]
    assert rows[kept]["Dữ liệu"] == f"Dữ liệu đến ngày 15/9/2025 Lý do: {FAILED_WITH_COPY}"
    assert rows[lost]["Dữ liệu"] == f"Không có dữ liệu Lý do: {FAILED_WITHOUT_COPY}"
    assert {rows[s]["Dữ liệu"] for s in rollup.slugs if s not in (kept, lost)} == {"Bình thường"}
    text = rollup.site.text(urls.ROLLUP)
    assert "9 thành viên" in text and "8 có dữ liệu" in text and "1 không có dữ liệu" in text
    assert f"2 {STALE} chưa báo cáo" in text


def test_the_overview_is_cut_into_pages_reachable_without_javascript(rollup: Rollup) -> None:
    parts = rollup.parts(urls.ROLLUP)
    assert len(parts) == math.ceil(9 / PAGE)
    for n, url in enumerate(parts, start=1):
        tree = rollup.site.tree(url)
        assert len(tree.xpath("//table[contains(@class,'kh-rollup-table')]/tbody/tr")) == PAGE
        assert [u for u in rollup.site.links(url, "//nav[contains(@class,'kh-pager')]") if u.startswith(urls.ROLLUP)]
        assert bool(tree.xpath("//*[contains(@class,'kh-chart')]")) == (n == 1)  # the charts once, on the first page


def test_charts_have_text_equivalents(rollup: Rollup) -> None:
    tree = rollup.site.tree(urls.ROLLUP)
    figures = tree.xpath("//figure[contains(@class,'kh-chart')]")
    assert len(figures) == 3
    for figure in figures:
        for svg in figure.xpath(".//svg"):
            assert svg.get("role") == "img" and svg.xpath("./title")[0].text_content().endswith("thành viên")
        described = tree.xpath(f"//*[@id='{figure.get('aria-describedby')}']")[0].text_content()
        assert "thành viên" in described
    late = sum(1 for f in rollup.fakes if f.had_copy and int(expected(f)["Quá hạn"])) + 1  # the province's rows too
    overdue = figures[1].xpath(".//tbody/tr")[0]
    assert [c.text_content().strip() for c in overdue.xpath("./th|./td[contains(@class,'kh-num')]")] == [
        "Có nhiệm vụ quá hạn", str(late)]


def member_page_text(rollup: Rollup, slug: str) -> str:
    return " ".join(rollup.site.text(u) for u in rollup.parts(urls.rollup_member(slug)))


def test_a_member_page_shows_identity_harvest_overdue_tasks_and_recent_reports(rollup: Rollup) -> None:
    fake, slug = rollup.fakes[5], rollup.slugs[5]  # failed, last good copy kept
    document = json.loads(fake.member.data)
    text = member_page_text(rollup, slug)
    meta = document["plan"]
    for shown in (meta["issuer"], meta["number"], vn_date(dt.date.fromisoformat(meta["date"])), fake.member.code,
                  f"https://xa-{fake.member.code}.example.gov.vn/du-lieu/plan.json", FAILED_WITH_COPY):
        assert shown in text, shown
    late = [t for t in document["tasks"] if not t["heading"] and t["status"]["overdue"] and t["status"]["status"] not in CLOSED]
    links = [u for url in rollup.parts(urls.rollup_member(slug)) for u in rollup.site.links(url)]
    assert f"Nhiệm vụ quá hạn ({len(late)})" in text
    recent = [u for u in document["updates"] if (REFERENCE_DATE - dt.date.fromisoformat(u["date"])).days <= 90]
    assert f"Báo cáo trong 90 ngày qua ({len(recent)})" in text
    by_id = {t["id"]: t["url"] for t in document["tasks"]}
    assert {by_id[u["task"]] for u in recent} | {t["url"] for t in late} <= set(links)  # into the member's own site
    examples = sum(1 for u in recent if u["example"])
    assert examples and member_page_text(rollup, slug).count(" mẫu ") >= examples


def test_a_member_without_data_says_so_and_why(rollup: Rollup) -> None:
    text = member_page_text(rollup, rollup.slugs[6])
    assert "Không có dữ liệu" in text and FAILED_WITHOUT_COPY in text
    assert "Nhiệm vụ quá hạn" not in text and "Chưa lần nào" in text


def test_a_member_that_is_a_rollup_shows_its_own_members(rollup: Rollup) -> None:
    url = urls.rollup_member(rollup.province)
    rows = rollup.site.tree(url).xpath("//section[@aria-labelledby='thanh-vien']//tbody/tr")
    first, second = [[" ".join(c.text_content().split()) for c in r.xpath("./th|./td")] for r in rows]
    assert first[:3] == ["Xã Đông Sơn mã 20001", "Xã", "12"] and first[-1] == "1/10/2025"
    assert first[-2] == "2" and "5" in first  # overdue, done
    assert second == ["Xã Tây Sơn mã 20002", "Xã", "Không có dữ liệu Lý do: không đọc được plan.json của xã."]
    assert "https://xa-20001.example.gov.vn/" in rollup.site.links(url)


def implementing(fake: Fake, task_id: str) -> list[str]:
    document = json.loads(fake.member.data)
    return [t["id"] for t in document["tasks"] if any(link["task"] == task_id for link in t.get("implements", []))]


def cascade_text(rollup: Rollup, task_id: str) -> tuple[str, list[str]]:
    pages = rollup.parts(urls.rollup_task(task_id))
    return " ".join(rollup.site.text(u) for u in pages), [link for u in pages for link in rollup.site.links(u)]


def test_a_parent_task_nobody_implements_lists_every_member_as_missing(rollup: Rollup) -> None:
    readable = [(s, f) for s, f in zip(rollup.slugs, rollup.fakes, strict=False) if f.had_copy]
    for task_id in gap_tasks(rollup.plan):
        text, links = cascade_text(rollup, task_id)
        assert f"Thành viên chưa có nhiệm vụ thực hiện ({len(readable)})" in text
        assert {urls.rollup_member(s) for s, _ in readable} <= set(links)
        assert "Chưa thành viên nào có nhiệm vụ thực hiện nhiệm vụ này." in text
        assert f"{rollup.fakes[6].member.name}: không có dữ liệu: {FAILED_WITHOUT_COPY}" in text
        assert "Tỉnh Hòa An: là một trang tổng hợp" in text


def test_a_cascade_page_lists_the_member_tasks_that_implement_it(rollup: Rollup) -> None:
    task = next(t for t in rollup.plan.leaf_tasks if any(implementing(f, t.id) for f in rollup.fakes if f.had_copy))
    text, links = cascade_text(rollup, task.id)
    found = [(f, implementing(f, task.id)) for f in rollup.fakes if f.had_copy]
    count = sum(len(ids) for _, ids in found)
    assert f"Nhiệm vụ của các thành viên ({count})" in text
    for fake, ids in found:
        for task_id in ids:
            assert f"https://xa-{fake.member.code}.example.gov.vn/{urls.task(task_id)}" in links
    missing = sum(1 for _, ids in found if not ids)
    assert f"Thành viên chưa có nhiệm vụ thực hiện ({missing})" in text
    implementers = sum(1 for _, ids in found if ids)
    index = [[" ".join(c.text_content().split()) for c in tr.xpath("./th|./td")]
             for u in rollup.parts(urls.ROLLUP_TASKS) for tr in rollup.site.tree(u).xpath("//article//tbody/tr")]
    assert [r[0] for r in index] == [t.id for t in rollup.plan.leaf_tasks]
    row = next(r for r in index if r[0] == task.id)
    assert row[2:] == [str(implementers), str(count), str(missing)]


def test_the_own_plan_task_page_links_to_its_cascade(rollup: Rollup) -> None:
    task = rollup.plan.leaf_tasks[0]
    tree = rollup.site.tree(urls.task(task.id))
    link = tree.xpath("//a[normalize-space()='Các thành viên thực hiện nhiệm vụ này']")
    assert len(link) == 1 and urls.rollup_task(task.id) in rollup.site.links(urls.task(task.id))


def test_the_overview_is_in_the_navigation_and_member_pages_in_search(rollup: Rollup) -> None:
    tabs = [" ".join(a.text_content().split()) for a in rollup.site.tree(urls.HOME).xpath("//nav[contains(@class,'md-tabs')]//a")]
    assert tabs[:2] == ["Trang chủ", "Tổng hợp"]
    docs = json.loads(rollup.site.path(urls.SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]
    entries = {d[0]: d for d in docs}
    fake, slug = rollup.fakes[0], rollup.slugs[0]
    doc = entries[urls.rollup_member(slug)]
    assert doc[1] == fake.member.name and "Xã" in doc[2] and f"mã {fake.member.code}" in doc[2]
    assert not any(location.startswith(urls.ROLLUP_TASKS) for location in entries)


def test_search_shards_hold_every_member_task(rollup: Rollup) -> None:
    index = json.loads(rollup.site.path(urls.ROLLUP_LOOKUP_INDEX).read_text(encoding="utf-8"))
    folder = rollup.site.path(urls.ROLLUP_LOOKUP_INDEX).parent
    for name in index["shards"]:  # each at the hash of its bytes, so a cached index never meets another deploy's shard
        assert VERSIONED.match(name)["hash"] == hashlib.sha256((folder / name).read_bytes()).hexdigest()[:10]
    rows = [r for s in index["shards"] for r in json.loads((folder / s).read_text(encoding="utf-8"))["rows"]]
    want = sum(int(expected(f)["Nhiệm vụ"]) for f in rollup.fakes if f.had_copy)
    assert len(rows) == want and len(index["members"]) == 9
    assert "cần JavaScript" in rollup.site.text(urls.ROLLUP_LOOKUP)


def test_every_rollup_page_is_small(rollup: Rollup) -> None:
    pages = list((rollup.site.root / "tong-hop").rglob("index.html"))
    assert len(pages) > 9 + len(rollup.plan.leaf_tasks)
    assert max(p.stat().st_size for p in pages) < 300_000


def test_a_site_that_is_not_a_rollup_has_no_rollup_page(site: BuiltSite) -> None:
    assert not (site.root / "tong-hop").exists()
    tabs = [" ".join(a.text_content().split()) for a in site.tree(urls.HOME).xpath("//nav[contains(@class,'md-tabs')]//a")]
    assert "Tổng hợp" not in tabs
    assert "Các thành viên thực hiện" not in site.html(urls.task("II.1.a"))


# ---------------------------------------------------------------- members' texts carry the injection corpus

SHORT = '<img src=x onerror="alert(1)"> <script>alert(2)</script>'
"""What fits in a member's name (the members file keeps names to 200 characters)."""


def poisoned(fake: Fake) -> Fake:
    """The member with the corpus after every text its plan.json gives (titles, task texts, unit names, notes) and
    with links that are not https."""
    document = json.loads(fake.member.data)
    meta = document["plan"]
    meta["title"] += " " + PAYLOAD
    meta["issuer"] += " " + SHORT
    for unit in document["units"]:
        unit["name"] += " " + PAYLOAD
    for task in document["tasks"]:
        task["content"] = [c + " " + PAYLOAD if isinstance(c, str) else c for c in task["content"]]
        task["lead"]["text"] += " " + PAYLOAD
        task["url"] = "javascript:alert(4)" if task["id"].endswith("1") else task["url"]
    for update in document["updates"]:
        update["note"] += " " + PAYLOAD
    document["export"]["site_url"] = "javascript:alert(5)//"
    data = json.dumps(document, ensure_ascii=False).encode()
    member = type(fake.member)(fake.member.index, f"{fake.member.name} {SHORT}", fake.member.code, fake.member.level, data)
    return Fake(member, fake.reason, fake.had_copy)


@pytest.fixture(scope="module")
def dirty(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    work = tmp_path_factory.mktemp("rollup-injection")
    plan = province_plan()
    fakes = [poisoned(f) for f in members(4, plan)]
    fakes[2].reason, fakes[2].had_copy = PAYLOAD, True
    fakes[3].reason, fakes[3].had_copy = PAYLOAD, False
    project = rollup_project(work / "project", fakes, plan)
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(work / "site", project)


def test_member_texts_never_become_markup_or_links(dirty: BuiltSite) -> None:
    pages = list((dirty.root / "tong-hop").rglob("index.html")) + list((dirty.root / "nhiem-vu").rglob("index.html"))
    shown = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        tree = lxml.html.fromstring(html)
        assert not tree.xpath("//img[@src='x'] | //*[@onerror] | //div[@class='x']"), page
        assert not [s for s in tree.xpath("//script") if "alert(" in (s.text or "")], page
        hrefs = tree.xpath("//@href | //@src")
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))], page
        shown += " ".join(PAYLOAD.split()) in " ".join(tree.text_content().split())
    assert shown >= 5, f"the corpus is shown as text on only {shown} pages"
    member = dirty.text(urls.rollup_member(load_members(dirty.project).members[3][0]))  # failed, no copy: its reason
    assert all(" ".join(p.split()) in member for p in PAYLOADS)


def test_the_rollup_pages_load_their_script_and_data_at_hashed_addresses(rollup: Rollup) -> None:
    loads = [(urls.ROLLUP, "tong-hop", "data-rows"), (urls.ROLLUP_LOOKUP, "tong-hop-tra-cuu", "data-index")]
    for url, script, attribute in loads:
        tree = rollup.site.tree(url)
        scripts = [VERSIONED.match(src.rsplit("/", 1)[-1]) for src in tree.xpath("//script/@src")]
        assert script in [m["stem"] for m in scripts if m]
        data = tree.xpath(f"//*[@{attribute}]/@{attribute}")[0]
        file = rollup.site.root / url / data
        assert hashlib.sha256(file.read_bytes()).hexdigest()[:10] == VERSIONED.match(file.name)["hash"]
