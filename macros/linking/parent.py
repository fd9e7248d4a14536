"""The higher-level plan, read from its published ``plan.json`` as any reader of the format should read it.

Tolerantly: any minor version of major 1, fields this code does not know ignored, a task it cannot use
skipped; only what the suggestions need is kept (the plan's number and issuer, each leaf task's id and
words). Another format or major, or a file that is not JSON, is refused with the reason, in Vietnamese.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exports.plan_json import FormatError, readable_version
from ..plan.model import TASK_ID
from ..plan.problems import DataError, Problem

MAX_BYTES = 20_000_000
"""A plan.json of 5,000 tasks is about 10 MB; a larger answer is not a plan."""
TIMEOUT = 10
"""Seconds to wait for a published plan.json."""


@dataclass(frozen=True)
class ParentTask:
    id: str
    text: str
    """The task's content as one run of words."""


@dataclass(frozen=True)
class ParentPlan:
    source: str
    version: tuple[int, int]
    number: str | None
    issuer: str | None
    tasks: list[ParentTask]
    """Leaf tasks (not headings), in document order."""


def refuse(source: str, message: str) -> DataError:
    return DataError([Problem(source, None, "", message)])


def read_parent(source: str) -> ParentPlan:
    """The plan.json at ``source``, a file or an https:// address."""
    raw = _download(source) if re.match(r"^[a-z]+://", source, re.IGNORECASE) else _read_file(source)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refuse(source, f"không phải một tệp JSON đọc được ({exc}); cần tệp plan.json của trang kế hoạch cấp trên "
                             "(trang Dữ liệu mở của trang đó, du-lieu/plan.json).") from None
    try:
        version = readable_version(data)
    except FormatError as exc:
        raise refuse(source, str(exc)) from None
    meta = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    tasks = [task for item in _list(data.get("tasks")) if (task := _leaf(item)) is not None]
    if not tasks:
        raise refuse(source, "tệp không có nhiệm vụ nào dùng được (tasks, mỗi nhiệm vụ có id và content).")
    return ParentPlan(source, version, _text_or_none(meta.get("number")), _text_or_none(meta.get("issuer")), tasks)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text_or_none(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _leaf(item: Any) -> ParentTask | None:
    """A task with work of its own and an id a link can name; anything else is passed over."""
    if not isinstance(item, dict) or item.get("heading") is True:
        return None
    task_id = item.get("id")
    if not isinstance(task_id, str) or not re.fullmatch(TASK_ID, task_id):
        return None
    words: list[str] = []
    for block in _list(item.get("content")):
        if isinstance(block, str):
            words.append(block)
        elif isinstance(block, dict):
            words.extend(text for text in _list(block.get("items")) if isinstance(text, str))
    text = " ".join(" ".join(words).split())
    return ParentTask(task_id, text) if text else None


def _read_file(source: str) -> bytes:
    path = Path(source)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise refuse(source, f"tệp lớn quá {MAX_BYTES // 1_000_000} MB, không phải một plan.json.")
        return path.read_bytes()
    except FileNotFoundError:
        raise refuse(source, "không tìm thấy tệp.") from None
    except IsADirectoryError:
        raise refuse(source, "đây là một thư mục; cần tệp plan.json.") from None
    except OSError as exc:
        raise refuse(source, f"không đọc được tệp ({exc.strerror}).") from None


def _download(url: str) -> bytes:
    """A published plan.json, over https only, in at most TIMEOUT seconds and MAX_BYTES."""
    if not url.lower().startswith("https://"):
        raise refuse(url, "chỉ tải được địa chỉ https://; hoặc tải tệp plan.json về máy rồi đưa đường dẫn tệp.")
    request = urllib.request.Request(url, headers={"User-Agent": "ke-hoach-nhiem-vu (make link)"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - https only, checked above
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise refuse(url, f"máy chủ trả lời lỗi {exc.code} ({exc.reason}); hãy kiểm tra địa chỉ.") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise refuse(url, f"không tải được ({reason}); hãy kiểm tra địa chỉ và mạng, hoặc tải tệp về máy.") from None
    if len(data) > MAX_BYTES:
        raise refuse(url, f"tệp lớn quá {MAX_BYTES // 1_000_000} MB, không phải một plan.json.")
    return data
