"""``rollup.json`` and its JSON Schema: a rollup's members and their figures, for programs and for the level above.

A nation follows its provinces by reading each province's ``rollup.json`` with the same reader the
province uses on its communes' ``plan.json`` (:func:`macros.rollup.contract.read_member`), so this file
is a contract: ``export.format`` and ``export.version`` name it, ``export.minor`` counts additive changes,
and the tolerant reader ignores what it does not know. The figures are :class:`macros.rollup.figures.Rollup`'s,
so the file, the overview and the periodic report never count differently.

A member without any good copy is listed with its reason and no ``counts`` at all (the reader then counts
nothing of it); a member shown from its last good copy after a failed harvest is counted from that copy,
and its ``outcome`` ("loi"), ``reason`` and ``last_good`` say so.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from .. import urls
from ..plan.model import Plan
from ..plan.schema import json_schema
from ..progress.state import DERIVED_LABELS
from ..rollup.contract import KNOWN_MAJOR, ROLLUP_FORMAT
from ..rollup.figures import MemberFigures, Rollup
from ..rollup.model import STALE_DAYS, STATUSES, Counts, MemberData
from .common import Licence, check_licence, json_bytes, licence_statement

FORMAT: Final = "ke-hoach-tong-hop"
VERSION: Final = 1
MINOR: Final = 0
if (ROLLUP_FORMAT, KNOWN_MAJOR[ROLLUP_FORMAT]) != (FORMAT, VERSION):  # the writer and the reader name one contract
    raise RuntimeError("rollup.json: định dạng của bên ghi và bên đọc (macros/rollup/contract.py) phải trùng nhau.")

_STATUS_WORDS = ", ".join(f"{key} ({label})" for key, label in DERIVED_LABELS.items())


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RollupExportInfo(_Frozen):
    format: Literal["ke-hoach-tong-hop"] = Field(FORMAT, description="Tên định dạng của tệp này.")
    version: Literal[1] = Field(VERSION, description="Phiên bản chính; chỉ tăng khi cấu trúc thay đổi không tương thích.")
    minor: int = Field(MINOR, ge=0, description="Bản phụ: tăng khi thêm trường mới; trình đọc bỏ qua trường không biết.")
    generated: dt.date = Field(description="Ngày dựng tệp (ngày tham chiếu của lần dựng trang).")
    site_url: str | None = Field(None, description="Địa chỉ trang web công bố tệp này.")
    licence: Licence | None = Field(None, description="Giấy phép sử dụng dữ liệu; null khi chưa được công bố.")
    licence_statement: str = Field(description="Câu nói rõ giấy phép, hoặc nói rằng giấy phép chưa được công bố.")


class RollupInfo(_Frozen):
    title: str = Field(description="Tên kế hoạch của cấp tổng hợp (ví dụ kế hoạch của tỉnh).")
    issuer: str = Field(description="Cơ quan ban hành kế hoạch của cấp tổng hợp.")
    number: str | None = Field(None, description="Số, ký hiệu của kế hoạch; null nếu không có.")
    date: dt.date | None = Field(None, description="Ngày ban hành kế hoạch; null nếu không có.")
    admin_code: str | None = Field(None, description="Mã đơn vị hành chính của cấp tổng hợp; null nếu không có.")


class ExportCounts(_Frozen):
    tasks: int = Field(ge=0, description="Số nhiệm vụ (không kể mục tiêu đề) của thành viên.")
    statuses: dict[str, int] = Field(
        description=f"Số nhiệm vụ theo tình trạng; đủ mọi tình trạng, kể cả số 0: {_STATUS_WORDS}.",
        json_schema_extra={"required": list(STATUSES), "propertyNames": {"enum": list(STATUSES)},
                           "additionalProperties": {"type": "integer", "minimum": 0}},
    )
    overdue: int = Field(ge=0, description="Số nhiệm vụ đã qua hạn hoàn thành mà chưa hoàn thành.")
    reported: int = Field(ge=0, description="Số nhiệm vụ đã có ít nhất một báo cáo tiến độ.")
    last_report: dt.date | None = Field(description="Ngày báo cáo tiến độ gần nhất; null nếu chưa có.")


class ExportMember(_Frozen):
    name: str = Field(description="Tên thành viên, ví dụ Xã Ba Dinh.")
    code: str | None = Field(description="Mã đơn vị hành chính của thành viên; null nếu danh sách không ghi.")
    level: str | None = Field(description="Cấp của thành viên: xa, phuong, dac-khu, tinh…; null nếu không ghi.")
    site: str | None = Field(description="Địa chỉ https trang web của thành viên; null nếu không biết.")
    source: str = Field(description="Nơi đọc dữ liệu của thành viên: địa chỉ plan.json (hoặc rollup.json) của thành viên.")
    outcome: Literal["moi", "khong-doi", "loi"] | None = Field(
        description="Lần thu thập gần nhất: moi (đã cập nhật), khong-doi (không đổi), loi (lỗi); null nếu chưa thu thập."
    )
    reason: str | None = Field(description="Vì sao lần thu thập gần nhất không lấy được dữ liệu; null nếu lấy được.")
    harvested: dt.datetime | None = Field(description="Thời điểm thu thập gần nhất (UTC); null nếu chưa thu thập.")
    last_good: dt.datetime | None = Field(
        description="Thời điểm gần nhất lấy được bản hợp lệ (UTC). Khi outcome là loi mà available là true, "
        "số liệu tính từ bản hợp lệ đó."
    )
    available: bool = Field(description="true: có bản dữ liệu hợp lệ để tính số liệu; false: không có, counts bị bỏ.")
    stale: bool = Field(description=f"true: không có báo cáo tiến độ nào trong {STALE_DAYS} ngày, chưa có báo cáo nào, "
                        "hoặc không có dữ liệu.")
    counts: ExportCounts | None = Field(
        None, description="Số liệu của thành viên; không có mục này khi thành viên không có dữ liệu (available là false)."
    )


class RollupExport(_Frozen):
    """The document ``rollup.json`` holds; its JSON Schema is ``rollup.schema.json``."""

    export: RollupExportInfo = Field(description="Về tệp này: định dạng, phiên bản, ngày dựng, địa chỉ trang, giấy phép.")
    rollup: RollupInfo = Field(description="Kế hoạch của cấp tổng hợp.")
    members: list[ExportMember] = Field(description="Mọi thành viên theo thứ tự của danh sách thành viên (data/rollup.yaml).")


def rollup_info(rollup: Rollup, site_plan: Plan) -> RollupInfo:
    """The rollup's own plan when it has one, else the site's."""
    meta = (rollup.plan or site_plan).plan
    admin_code = getattr(meta, "admin_code", None)  # not (yet) a field of a plan; a member's plan.json may carry one
    return RollupInfo(title=meta.title, issuer=meta.issuer, number=meta.number, date=meta.date, admin_code=admin_code)


def rollup_export(
    rollup: Rollup,
    site_plan: Plan,
    reference_date: dt.date,
    site_url: str | None = None,
    licence: dict[str, str] | None = None,
) -> RollupExport:
    licence = check_licence(licence)
    return RollupExport(
        export=RollupExportInfo(
            generated=reference_date,
            site_url=urls.site_base(site_url),
            licence=Licence(**licence) if licence else None,
            licence_statement=licence_statement(licence),
        ),
        rollup=rollup_info(rollup, site_plan),
        members=[_member(f) for f in rollup.figures],
    )


def member_site(figures: MemberFigures) -> str | None:
    """The member's site: as the members file names it, else as its own file says."""
    data: MemberData | None = figures.entry.data
    return figures.entry.member.site or (data.site_url if data is not None else None)


def _member(figures: MemberFigures) -> ExportMember:
    entry, record = figures.entry, figures.entry.record
    return ExportMember(
        name=entry.member.name,
        code=entry.member.code,
        level=entry.member.level,
        site=member_site(figures),
        source=entry.member.source,
        outcome=record.outcome if record else None,
        reason=entry.reason,
        harvested=record.checked if record else None,
        last_good=record.last_good if record else None,
        available=entry.available,
        stale=figures.stale,
        counts=_counts(figures.counts) if figures.counts is not None else None,
    )


def _counts(counts: Counts) -> ExportCounts:
    return ExportCounts(
        tasks=counts.tasks,
        statuses={s: counts.statuses.get(s, 0) for s in STATUSES},
        overdue=counts.overdue,
        reported=counts.reported,
        last_report=counts.last_report,
    )


def rollup_json(
    rollup: Rollup,
    site_plan: Plan,
    reference_date: dt.date,
    site_url: str | None = None,
    licence: dict[str, str] | None = None,
) -> bytes:
    """``rollup.json``: UTF-8, indented, keys in model order; an unavailable member has no ``counts`` key."""
    data = rollup_export(rollup, site_plan, reference_date, site_url, licence).model_dump(mode="json")
    for member in data["members"]:
        if member["counts"] is None:
            del member["counts"]  # the reader's default would count it as zeros, which it is not
    return json_bytes(data)


def rollup_schema_json() -> bytes:
    """The JSON Schema of ``rollup.json``, generated from :class:`RollupExport` so it cannot drift."""
    return json_schema(
        RollupExport,
        "Tổng hợp kế hoạch các thành viên (rollup.json)",
        "Cấu trúc của tệp rollup.json: kế hoạch của cấp tổng hợp và mỗi thành viên (xã, phường, tỉnh…) "
        "với lần thu thập gần nhất và số nhiệm vụ theo tình trạng. Định dạng ke-hoach-tong-hop, phiên bản 1; "
        "các bản phụ (export.minor) chỉ thêm trường.",
        mode="serialization",
    ).encode("utf-8")
