"""Every text field of the plan and of the reports carries markup, template code and links that must stay text.

The xa-mau plan is built twice: as it is, and with an injection payload appended to every text field (names,
titles, aliases, summaries, content paragraphs and list items, cells, notes) and to every report's note.
Every page of the second build has exactly the tag structure of the first: nothing the data holds became an
element, ran as a template, or broke out of its cell. The payload is still shown, character for character."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

from helpers import PAYLOAD, PAYLOADS, PLAN_IN_PROJECT, XA_MAU, BuiltSite, build_site, copy_project
from macros import urls
from macros.exports.catalogue import PERIODIC_REPORT

pytestmark = pytest.mark.build


TEXT_KEYS = {"title", "source_label", "source_title", "source_attachment", "issuer", "province", "topic", "name",
             "short", "text", "note", "reason"}
TEXT_LISTS = {"summary", "aliases", "content", "items"}


def inject(node: Any, key: str | None = None) -> tuple[Any, int]:
    """The data with PAYLOAD after every text field, and how many fields were given it."""
    if isinstance(node, dict):
        out, count = {}, 0
        for k, v in node.items():
            out[k], n = inject(v, k)
            count += n
        return out, count
    if isinstance(node, list):
        if key in TEXT_LISTS:
            pairs = [inject(v, "text" if isinstance(v, str) else None) for v in node]
        else:
            pairs = [inject(v, None) for v in node]
        return [p[0] for p in pairs], sum(p[1] for p in pairs)
    if isinstance(node, str) and key in TEXT_KEYS and node:
        return f"{node} {PAYLOAD}", 1
    return node, 0


def structure(page: Path) -> list[str]:
    tree = lxml.html.fromstring(page.read_bytes())
    return [f"{el.tag}{sorted(el.attrib)}" for el in tree.iter() if isinstance(el.tag, str)]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite, int]:
    work = tmp_path_factory.mktemp("injection")
    clean = copy_project(work / "clean", XA_MAU)
    dirty = copy_project(work / "dirty", XA_MAU)
    plan, fields = inject(yaml.safe_load((clean / PLAN_IN_PROJECT).read_text(encoding="utf-8")))
    (dirty / PLAN_IN_PROJECT).write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for report in sorted((dirty / "data" / "updates").glob("*.yaml")):
        data, n = inject(yaml.safe_load(report.read_text(encoding="utf-8")))
        report.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        fields += n
    sites = []
    for project in (clean, dirty):
        result = build_site(project, project.parent / f"{project.name}-site")
        assert result.returncode == 0, result.stderr[-3000:]
        assert "WARNING" not in result.stderr, result.stderr[-3000:]
        sites.append(BuiltSite(project.parent / f"{project.name}-site", project))
    return sites[0], sites[1], fields


def test_every_page_keeps_the_tag_structure_of_the_clean_build(builds, tally):
    clean, dirty, fields = builds
    pages = sorted(p.relative_to(clean.root) for p in clean.root.rglob("*.html"))
    assert pages == sorted(p.relative_to(dirty.root) for p in dirty.root.rglob("*.html"))
    changed = [str(p) for p in pages if structure(clean.root / p) != structure(dirty.root / p)]
    assert not changed, changed
    tally[f"Chuỗi tấn công × trường văn bản × trang (cấu trúc thẻ không đổi): {len(PAYLOADS)} × {fields} × {len(pages)}"] = (
        len(PAYLOADS) * fields * len(pages))


def test_the_payload_is_shown_as_typed_and_never_as_markup(builds):
    _, dirty, _ = builds
    shown = 0
    for page in dirty.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<script>alert(" not in html and 'href="javascript:' not in html, page
        assert "data:text/html" not in " ".join(lxml.html.fromstring(html).xpath("//@href | //@src")), page
        text = " ".join(lxml.html.fromstring(html).text_content().split())
        shown += " ".join(PAYLOAD.split()) in text
    assert shown >= 20, f"the payload is shown whole on only {shown} pages"


def test_downloads_and_feed_carry_the_payload_as_text(builds):
    _, dirty, _ = builds
    def strings(node: Any) -> list[str]:
        if isinstance(node, dict):
            return [s for v in node.values() for s in strings(v)]
        if isinstance(node, list):
            return [s for v in node for s in strings(v)]
        return [node] if isinstance(node, str) else []

    plan = json.loads(dirty.path(urls.download("plan.json")).read_text(encoding="utf-8"))
    assert sum(text.endswith(PAYLOAD) for text in strings(plan)) >= 50
    csv = dirty.path(urls.download("tasks.csv")).read_text(encoding="utf-8-sig")
    assert "=HYPERLINK" in csv and "\n=HYPERLINK" not in csv and ",=HYPERLINK" not in csv
    feed = lxml.etree.fromstring(dirty.path(urls.FEED).read_bytes())  # parses: the payload did not break the XML
    assert any(PAYLOAD in (t or "") for t in feed.itertext())
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(dirty.path(urls.download("tasks.xlsx")).read_bytes()))
    cells = [c.value for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert sum(value.endswith(PAYLOAD) for value in cells) >= 20
    assert all(c.data_type == "s" for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str))
    ics = dirty.path(urls.download("deadlines.ics")).read_text(encoding="utf-8")
    assert "<script>" in ics.replace("\r\n ", "")  # iCalendar is plain text: the payload is there as typed
    form = json.loads(dirty.path(urls.REPORT_FORM_DATA).read_text(encoding="utf-8"))  # filled in as text by bao-cao-form.js
    assert sum(text.endswith(PAYLOAD) for text in strings(form["sections"]) + strings(form["units"])) >= 20
    index = dirty.path(urls.SEARCH_INDEX).read_text(encoding="utf-8")
    assert "<script>" not in index and "&lt;script&gt;" in index
    import docx  # the periodic report: Word's XML keeps the payload as text in every task row and report

    report = docx.Document(io.BytesIO(dirty.path(urls.download(PERIODIC_REPORT.name)).read_bytes()))
    texts = [p.text for table in report.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert sum(text.endswith(PAYLOAD) for text in texts) >= 20
