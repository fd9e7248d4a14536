"""Which pages the site has and what each shows: a pure function of the plan.

Nothing here knows about MkDocs. :func:`build_site` turns a
:class:`~macros.model.Plan` into page specifications (address, title,
template) and ready-to-print views, so that templates only lay out fields
and another generator could reuse the same decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..plan.model import Plan, Schedule, Task, Unit
from ..progress.state import PlanState, latest_updates
from .progress_views import ReportButton, Repo, StatusView, bar, history_entry, legend, report_button, status_view
from ..text import Segment, fold, plain, segments, shorten, vn_date, vn_due

if TYPE_CHECKING:
    from .downloads import BuildFacts

KIND_LABEL = {"agency": "Cơ quan, đơn vị", "group": "Nhóm cơ quan, đơn vị"}
DUE_SCHEDULE = "co-thoi-han"


# ---------------------------------------------------------------- views


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    hint: str = ""


@dataclass(frozen=True)
class ContentBlock:
    """A paragraph (one item) or a bulleted list, each item a run of segments."""

    items: list[list[Segment]]
    is_list: bool = False


@dataclass(frozen=True)
class Cell:
    """A table cell as the document words it, with links to what it names."""

    text: list[Segment]
    links: list[Link]

    @property
    def empty(self) -> bool:
        return not any(s.text.strip() for s in self.text)


@dataclass
class TaskView:
    id: str
    number: str
    url: str
    summary: str
    heading: bool
    content: list[ContentBlock]
    note: str | None
    section: Link
    parent: Link | None
    lead: Cell
    coordinating: Cell
    deliverable: Cell
    schedule: Cell
    due: str | None
    due_date: str | None
    depth: int
    children: list["TaskView"] = field(default_factory=list)
    status: StatusView | None = None
    report: ReportButton | None = None
    source_url: str | None = None

    @property
    def link(self) -> Link:
        return Link(self.id, self.url, self.summary)


@dataclass(frozen=True)
class PageSpec:
    """One page of the site: where it lives, what it is titled, which template shows it."""

    src: str
    kind: str
    key: str | None
    title: str
    search: bool = True
    in_nav: bool = False

    @property
    def search_boost(self) -> float:
        """Names people type (a unit, a kind of deliverable, a task) lead to their own page first."""
        return {"unit": 4.0, "kind": 2.0, "task": 1.5, "section": 0.5}.get(self.kind, 1.0)

    @property
    def url(self) -> str:
        return page_url(self.src)


def page_url(src: str) -> str:
    """Directory-style address of a source path: nhiem-vu/v-8.md → nhiem-vu/v-8/."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


def section_src(section_id: str) -> str:
    return f"phan/{section_id.lower()}.md"


def task_src(task: Task) -> str:
    return f"nhiem-vu/{task.slug}.md"


def unit_src(unit_id: str) -> str:
    return f"don-vi/{unit_id}.md"


def kind_src(kind_id: str) -> str:
    return f"san-pham/{kind_id}.md"


def schedule_src(schedule_id: str) -> str:
    return f"thoi-gian/{schedule_id}.md"


# ---------------------------------------------------------------- the site


class Site:
    """Every page of one plan, and the view each page needs, computed once."""

    def __init__(
        self,
        plan: Plan,
        progress: PlanState | None = None,
        repo: Repo | None = None,
        task_lines: dict[str, tuple[int, int]] | None = None,
        build: BuildFacts | None = None,
    ):
        self.plan = plan
        self.progress = progress
        self.repo = repo
        self.task_lines = task_lines or {}
        # The build's reference date, site address and licence (downloads, Bản in).
        self.build = build

    # -- pages

    @cached_property
    def pages(self) -> list[PageSpec]:
        plan = self.plan
        specs = [
            PageSpec("index.md", "home", None, "Trang chủ", in_nav=True),
            PageSpec("phan/index.md", "sections", None, "Các phần của kế hoạch", in_nav=True),
            PageSpec("don-vi/index.md", "units", None, "Các đơn vị", in_nav=True),
            PageSpec("san-pham/index.md", "kinds", None, "Các loại sản phẩm", in_nav=True),
            PageSpec("thoi-gian/index.md", "schedules", None, "Thời gian thực hiện", in_nav=True),
            # The whole plan repeats every task: searching it would drown the task pages.
            PageSpec("nhiem-vu/index.md", "all_tasks", None, "Tất cả nhiệm vụ", search=False, in_nav=True),
            PageSpec("tra-cuu.md", "lookup", None, "Tra cứu nhiệm vụ", search=False, in_nav=True),
        ]
        specs += [
            PageSpec("du-lieu/index.md", "downloads", None, "Dữ liệu mở", in_nav=True),
            # The printable appendix repeats every task, like Tất cả nhiệm vụ: kept out of search.
            PageSpec("ban-in/index.md", "print", None, "Bản in", search=False, in_nav=True),
        ]
        specs += [PageSpec(section_src(s.id), "section", s.id, f"Phần {s.id}. {s.title}") for s in plan.sections]
        specs += [PageSpec(unit_src(u.id), "unit", u.id, u.name) for u in plan.units]
        specs += [PageSpec(kind_src(k.id), "kind", k.id, f"Sản phẩm: {k.name}") for k in plan.deliverable_kinds]
        specs += [PageSpec(schedule_src(s.id), "schedule", s.id, f"Thời gian: {s.name}") for s in self.schedules]
        specs += [PageSpec(task_src(t), "task", t.id, f"Nhiệm vụ {t.id}: {shorten(_first_text(t), 80)}") for t in plan.tasks]
        return specs

    @cached_property
    def page_by_src(self) -> dict[str, PageSpec]:
        return {p.src: p for p in self.pages}

    @cached_property
    def page_by_url(self) -> dict[str, PageSpec]:
        return {p.url: p for p in self.pages}

    @cached_property
    def _page_by_kind_key(self) -> dict[tuple[str, str | None], PageSpec]:
        return {(p.kind, p.key): p for p in self.pages}

    def page(self, kind: str, key: str | None = None) -> PageSpec:
        """The page a macro call names; looked up once per page, so kept to a dict."""
        try:
            return self._page_by_kind_key[(kind, key)]
        except KeyError:
            raise KeyError(f"không có trang {kind} {key}") from None

    def search_terms(self, spec: PageSpec) -> tuple[str, str]:
        """(extra title words, title moved to text) for the search index.

        Task pages also answer to compact ids (v8 for V.8); section titles
        are paragraphs long, so they are searched as text, not as titles,
        and do not outrank the unit, kind and task pages people look for."""
        if spec.kind == "task":
            return spec.key.lower().replace(".", ""), ""
        if spec.kind == "section":
            return f"phan {spec.key.lower()}", spec.title
        return "", ""

    # -- registries seen as pages

    @cached_property
    def schedules(self) -> list[Schedule]:
        """Recurrences from the registry, plus one page for tasks with a due date."""
        due = Schedule(id=DUE_SCHEDULE, name="Có thời hạn hoàn thành")
        return [*self.plan.schedules, due] if any(t.schedule.due for t in self.plan.tasks) else list(self.plan.schedules)

    # -- links

    def unit_link(self, unit_id: str) -> Link:
        unit = self.plan.unit_by_id[unit_id]
        return Link(unit.name, page_url(unit_src(unit.id)), KIND_LABEL[unit.kind])

    def kind_link(self, kind_id: str) -> Link:
        return Link(self.plan.kind_by_id[kind_id].name, page_url(kind_src(kind_id)))

    def schedule_link(self, schedule_id: str) -> Link:
        name = next(s.name for s in self.schedules if s.id == schedule_id)
        return Link(name, page_url(schedule_src(schedule_id)))

    def section_link(self, section_id: str) -> Link:
        section = self.plan.section_by_id[section_id]
        return Link(f"Phần {section.id}", page_url(section_src(section.id)), section.title)

    # -- task views

    @cached_property
    def task_views(self) -> dict[str, TaskView]:
        views = {t.id: self._task_view(t) for t in self.plan.tasks}
        for task in self.plan.tasks:
            if task.parent_id:
                views[task.parent_id].children.append(views[task.id])
        return views

    def _task_view(self, task: Task) -> TaskView:
        parent = self.plan.task_by_id.get(task.parent_id) if task.parent_id else None
        schedule_links = [self.schedule_link(k) for k in task.schedule.kinds]
        if task.schedule.due:
            schedule_links.append(self.schedule_link(DUE_SCHEDULE))
        return TaskView(
            id=task.id,
            number=task.number,
            url=page_url(task_src(task)),
            summary=shorten(_first_text(task)),
            heading=task.heading,
            content=[_block(b) for b in task.content],
            note=task.note,
            section=self.section_link(task.section_id),
            parent=Link(parent.id, page_url(task_src(parent)), shorten(_first_text(parent))) if parent else None,
            lead=Cell(segments(task.lead.text), [self.unit_link(u) for u in task.lead.units]),
            coordinating=Cell(segments(task.coordinating.text), [self.unit_link(u) for u in task.coordinating.units]),
            deliverable=Cell(segments(task.deliverable.text), [self.kind_link(k) for k in task.deliverable.kinds]),
            schedule=Cell(segments(task.schedule.text), schedule_links),
            due=vn_due(task.schedule.due, task.schedule.due_precision) if task.schedule.due else None,
            due_date=vn_date(task.schedule.due) if task.schedule.due else None,
            depth=task.depth,
            status=self._status(task),
            report=report_button(self.repo, task, self.progress.today) if self.repo and self.progress else None,
            source_url=self.repo.blob("data/plan.yaml", self.task_lines.get(task.id)) if self.repo else None,
        )

    def _status(self, task: Task) -> StatusView | None:
        if self.progress is None or task.id not in self.progress.tasks:
            return None
        return status_view(self.plan, self.progress.tasks[task.id], lambda u: page_url(unit_src(u)))

    def tasks(self, predicate) -> list[TaskView]:
        return [self.task_views[t.id] for t in self.plan.leaf_tasks if predicate(t)]

    def tree(self, tasks: list[Task]) -> list[TaskView]:
        """Top-level items of a list; sub-items hang under their heading item."""
        return [self.task_views[t.id] for t in tasks if not t.parent_id]

    # -- unit roles

    def leads(self, unit: Unit) -> list[TaskView]:
        return self.tasks(lambda t: unit.id in t.lead.units)

    def coordinates(self, unit: Unit) -> list[TaskView]:
        return self.tasks(lambda t: unit.id in t.coordinating.units)

    def via_groups(self, unit: Unit) -> list[tuple[Link, list[TaskView], list[TaskView]]]:
        """Tasks given to a group the unit belongs to: the unit shares them, but
        they are labelled apart so staff can tell what is theirs by name."""
        out = []
        for group_id in unit.member_of:
            group = self.plan.unit_by_id[group_id]
            out.append((self.unit_link(group_id), self.leads(group), self.coordinates(group)))
        return out

    def members(self, unit: Unit) -> list[Link]:
        return [self.unit_link(u.id) for u in self.plan.units if unit.id in u.member_of]

    # -- page contexts

    def context(self, spec: PageSpec) -> dict[str, Any]:
        """Everything the template of ``spec`` lays out."""
        builder = getattr(self, f"_ctx_{spec.kind}")
        return {"page_spec": spec, "meta": self.plan.plan, **builder(spec.key)}

    def _ctx_home(self, _key: None) -> dict[str, Any]:
        plan = self.plan
        return {
            "counts": {"sections": len(plan.sections), "tasks": len(plan.leaf_tasks), "units": len(plan.units)},
            "sections": [self._section_row(s.id) for s in plan.sections],
            **self.progress_overview(),
        }

    def progress_overview(self) -> dict[str, Any]:
        """Charts and the latest reports for the home page; empty when there is no progress data."""
        state = self.progress
        if state is None:
            return {"progress": None}
        summary = state.summary
        leading = [u for u in self.plan.units if summary.units[u.id].total]
        return {
            "progress": {
                "today": vn_date(state.today),
                "plan": bar("Toàn bộ kế hoạch", "nhiem-vu/", summary.plan),
                "sections": [bar(f"Phần {s.id}", page_url(section_src(s.id)), summary.sections[s.id]) for s in self.plan.sections],
                "units": [bar(u.short, page_url(unit_src(u.id)), summary.units[u.id]) for u in leading],
                "legend": legend(),
                "latest": self.latest(5),
                "has_examples": state.has_examples,
            }
        }

    def latest(self, limit: int | None) -> list[dict[str, Any]]:
        """The newest reports with the task they are about (home page, Atom feed)."""
        records = latest_updates(self.progress.records, limit) if self.progress else []
        return [
            {"entry": history_entry(self.plan, r, lambda u: page_url(unit_src(u))), "task": self.task_views[r.update.task]}
            for r in records
        ]

    def _section_row(self, section_id: str) -> dict[str, Any]:
        section = self.plan.section_by_id[section_id]
        count = sum(1 for t in section.tasks if not t.heading)
        return {"link": self.section_link(section_id), "title": section.title, "count": count}

    def _ctx_sections(self, _key: None) -> dict[str, Any]:
        return {"sections": [self._section_row(s.id) for s in self.plan.sections]}

    def _ctx_section(self, key: str) -> dict[str, Any]:
        section = self.plan.section_by_id[key]
        return {"section": section, "tasks": self.tree(section.tasks), "count": sum(1 for t in section.tasks if not t.heading)}

    def _ctx_units(self, _key: None) -> dict[str, Any]:
        rows = [
            {"link": self.unit_link(u.id), "kind": KIND_LABEL[u.kind], "leads": len(self.leads(u)), "coordinates": len(self.coordinates(u))}
            for u in self.plan.units
        ]
        return {"rows": rows}

    def _ctx_unit(self, key: str) -> dict[str, Any]:
        unit = self.plan.unit_by_id[key]
        return {
            "unit": unit,
            "kind_label": KIND_LABEL[unit.kind],
            "leads": self.leads(unit),
            "coordinates": self.coordinates(unit),
            "groups": self.via_groups(unit),
            "members": self.members(unit),
        }

    def _ctx_kinds(self, _key: None) -> dict[str, Any]:
        rows = [{"link": self.kind_link(k.id), "count": len(self._kind_tasks(k.id))} for k in self.plan.deliverable_kinds]
        return {"rows": rows}

    def _kind_tasks(self, kind_id: str) -> list[TaskView]:
        return self.tasks(lambda t: kind_id in t.deliverable.kinds)

    def _ctx_kind(self, key: str) -> dict[str, Any]:
        return {"kind": self.plan.kind_by_id[key], "tasks": self._kind_tasks(key)}

    def _schedule_tasks(self, schedule_id: str) -> list[TaskView]:
        if schedule_id == DUE_SCHEDULE:
            dated = [t for t in self.plan.leaf_tasks if t.schedule.due]
            return [self.task_views[t.id] for t in sorted(dated, key=lambda t: t.schedule.due)]
        return self.tasks(lambda t: schedule_id in t.schedule.kinds)

    def _ctx_schedules(self, _key: None) -> dict[str, Any]:
        rows = [{"link": self.schedule_link(s.id), "count": len(self._schedule_tasks(s.id))} for s in self.schedules]
        return {"rows": rows}

    def _ctx_schedule(self, key: str) -> dict[str, Any]:
        schedule = next(s for s in self.schedules if s.id == key)
        return {"schedule": schedule, "tasks": self._schedule_tasks(key), "is_due": key == DUE_SCHEDULE}

    def _ctx_task(self, key: str) -> dict[str, Any]:
        return {"task": self.task_views[key]}

    def _ctx_lookup(self, _key: None) -> dict[str, Any]:
        plan = self.plan
        groups_of = {u.id: set(u.member_of) for u in plan.units}

        def via(unit_ids: list[str]) -> list[str]:
            """Units that share a task through a group named in the cell."""
            return sorted(u for u, groups in groups_of.items() if groups & set(unit_ids))

        rows = []
        for task in plan.leaf_tasks:
            view = self.task_views[task.id]
            schedules = [*task.schedule.kinds, *([DUE_SCHEDULE] if task.schedule.due else [])]
            words = [_plain_content(task), task.lead.text, task.coordinating.text, task.deliverable.text, task.schedule.text]
            rows.append({
                "task": view,
                "lead": task.lead.units,
                "coordinating": task.coordinating.units,
                "lead_via": via(task.lead.units),
                "coordinating_via": via(task.coordinating.units),
                "kinds": task.deliverable.kinds,
                "schedules": schedules,
                "section": task.section_id,
                "folded": fold(" ".join([task.id, *words])),
            })
        return {
            "rows": rows,
            "units": [(u.id, u.name) for u in plan.units],
            "kinds": [(k.id, k.name) for k in plan.deliverable_kinds],
            "schedules": [(s.id, s.name) for s in self.schedules],
            "sections": [(s.id, f"Phần {s.id}") for s in plan.sections],
            "count": len(rows),
        }

    def feed(self, site_url: str) -> dict[str, Any]:
        """The Atom feed of progress reports: newest first, addresses absolute."""
        base = site_url.rstrip("/") + "/"
        entries = self.latest(None)
        newest = entries[0]["entry"].iso if entries else (self.progress.today.isoformat() if self.progress else "1970-01-01")
        return {"meta": self.plan.plan, "base": base, "entries": entries, "updated": newest}

    def _ctx_all_tasks(self, _key: None) -> dict[str, Any]:
        rows = [(s, [self.task_views[t.id] for t in s.tasks]) for s in self.plan.sections]
        return {"sections": rows, "columns": self.plan.plan.source_columns, "count": len(self.plan.leaf_tasks)}

    # -- open data and the printable appendix (issue 6)

    def _ctx_downloads(self, _key: None) -> dict[str, Any]:
        from .downloads import downloads_context

        return downloads_context(self.plan, self.download_files, self.build)

    @cached_property
    def download_files(self) -> dict[str, bytes]:
        """The open data files of this build, made once for both the Dữ liệu mở page and the site folder."""
        from .downloads import files_for

        if self.build is None:
            raise RuntimeError("Chưa có thông tin lần dựng trang (ngày tham chiếu, giấy phép).")
        return files_for(self.plan, self.build, self.progress)

    def _ctx_print(self, _key: None) -> dict[str, Any]:
        from .print_view import print_context

        return print_context(self, self.build)


def _first_text(task: Task) -> str:
    block = task.content[0]
    return block if isinstance(block, str) else block.items[0]


def _plain_content(task: Task) -> str:
    texts = [b if isinstance(b, str) else " ".join(b.items) for b in task.content]
    return plain(" ".join(texts))


def _block(block: Any) -> ContentBlock:
    if isinstance(block, str):
        return ContentBlock([segments(block)])
    return ContentBlock([segments(item) for item in block.items], is_list=True)


def build_site(
    plan: Plan,
    progress: PlanState | None = None,
    repo: Repo | None = None,
    task_lines: dict[str, tuple[int, int]] | None = None,
    build: BuildFacts | None = None,
) -> Site:
    return Site(plan, progress, repo, task_lines, build)
