"""Reading YAML the way an editor's mistakes need it read.

PyYAML's safe loader silently keeps the last of two duplicate keys and
forgets where each value came from. This module builds plain Python data
from the composed node tree instead, so that duplicate keys are refused
and every value keeps the line it was written on; syntax errors are
explained in Vietnamese at the line of the mistake. Text holding a
character nobody can see (a direction control, a zero-width space) is
refused here, at its line and column: every data file passes this way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..text import INVISIBLE_RE, invisible_message
from .problems import DataError, Problem

Path_ = tuple[Any, ...]


@dataclass
class YamlDocument:
    """Data read from one file, with the line of every mapping key and list item."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    unseen: list[tuple[Path_, yaml.Node]] = field(default_factory=list, repr=False)
    """Text scalars holding a character of :data:`~macros.text.INVISIBLE`, met while reading."""

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest part of ``path`` that exists in the file.

        A missing field has no line of its own, so it is reported at the
        object that lacks it."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def read_text(path: Path) -> str:
    """Decode the file as editors really save it: BOM, CRLF and NFD all accepted."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


MAX_FILE_BYTES = 20_000_000
"""A plan of 5,000 tasks is about 4 MB; a larger file is refused before it is read."""
MAX_DEPTH = 32
"""Levels of lists and tables inside each other; a plan uses about eight."""
_NESTING_GUARD = 200
"""Above this rough count of levels (indentation, dashes, open brackets) a text is refused before parsing:
libyaml composes nested values recursively and crashes the process on tens of thousands of levels."""


def load_yaml(path: Path, display: str | None = None) -> YamlDocument:
    name = display or str(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_text below says why the file cannot be read
    if size > MAX_FILE_BYTES:
        raise DataError([Problem(name, None, "", f"tệp lớn {size / 1e6:.1f} MB, quá giới hạn {MAX_FILE_BYTES / 1e6:.0f} MB "
                                                 "cho một tệp dữ liệu; hãy kiểm tra xem có dán nhầm nội dung không.")])
    try:
        text = read_text(path)
    except FileNotFoundError:
        raise DataError([Problem(name, None, "", "không tìm thấy tệp.")]) from None
    except UnicodeDecodeError as exc:
        raise DataError(
            [Problem(name, None, "", f"tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start}); "
                                     "hãy lưu lại tệp với mã hoá UTF-8.")]
        ) from None
    except IsADirectoryError:
        raise DataError([Problem(name, None, "", "đây là một thư mục, không phải tệp YAML.")]) from None
    except OSError as exc:
        raise DataError([Problem(name, None, "", f"không đọc được tệp ({exc.strerror}).")]) from None
    return parse_yaml(text, name)


# libyaml composes the same nodes, with the same line marks, several times faster than the pure-Python
# reader; PyYAML ships it in its wheels, but a build from source may lack it.
_CLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TYPED_STARTS = frozenset(key for key in yaml.SafeLoader.yaml_implicit_resolvers if key is not None)
"""First characters of the plain scalars PyYAML may read as something other than text (numbers, dates, yes/no…)."""


class FastLoader(_CLoader):  # type: ignore[misc,valid-type]
    """libyaml's loader, with PyYAML's tag resolution short-cut for the scalars that can only be text.

    PyYAML tries its regular expressions on every plain scalar from Python, much
    of the time of reading a large plan; a scalar that is quoted, or
    whose first character starts none of them, gets the text tag, as PyYAML's
    own ``resolve`` would give it."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and (not implicit[0] or (value and value[0] not in _TYPED_STARTS)):
            return self.DEFAULT_SCALAR_TAG  # type: ignore[no-any-return]
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Data and line numbers of a YAML text, read with libyaml where installed.

    A syntax error is read again with the pure-Python reader, whose
    messages (and so the Vietnamese explanations) are the ones we word."""
    deep = _too_deep_line(text)
    if deep is not None:
        raise DataError([Problem(name, deep, "", f"giá trị lồng nhau quá sâu (tệp dữ liệu chỉ cần tối đa {MAX_DEPTH} mức danh "
                                                 "sách, bảng trong nhau); hãy xem lại thụt đầu dòng và dấu [ { ở dòng này.")])
    try:
        return _compose(FastLoader, text, name)
    except DataError:
        if _CLoader is yaml.SafeLoader:
            raise
        return _compose(yaml.SafeLoader, text, name)


_DASHES = re.compile(r"(?:-[ \t]+)*")


def _too_deep_line(text: str) -> int | None:
    """The first line where values may nest past _NESTING_GUARD levels (a cheap over-estimate), or None."""
    flow = 0
    for number, line in enumerate(text.split("\n"), start=1):
        body = line.lstrip(" ")
        dashes = len(_DASHES.match(body).group()) // 2  # type: ignore[union-attr]
        deepest = flow
        if "[" in line or "{" in line or flow:
            for char in line:
                if char in "[{":
                    flow += 1
                    deepest = max(deepest, flow)
                elif char in "]}":
                    flow = max(0, flow - 1)
        if len(line) - len(body) + dashes + deepest > _NESTING_GUARD:
            return number
    return None


def _compose(loader_class: type[yaml.SafeLoader], text: str, name: str) -> YamlDocument:
    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader checks every character here
        node = loader.get_single_node()
        doc = YamlDocument(name, None)
        if node is not None:
            doc.data = _build(loader, node, (), doc)
        if doc.unseen:
            raise DataError(_invisible_problems(doc, text))
        return doc
    except yaml.reader.ReaderError as exc:
        raise DataError([_character_problem(name, exc, text)]) from None
    except yaml.MarkedYAMLError as exc:
        raise DataError([_syntax_problem(name, exc, text)]) from None
    except (yaml.YAMLError, ValueError) as exc:  # errors without a position
        raise DataError([Problem(name, None, "", f"tệp YAML không đọc được ({exc}).")]) from None
    finally:
        if loader is not None:
            loader.dispose()


def _character_problem(name: str, exc: yaml.reader.ReaderError, text: str) -> Problem:
    """A character YAML does not allow (NUL, other control characters): its line and its code."""
    position = exc.position if isinstance(exc.position, int) else 0
    line = text.count("\n", 0, position) + 1
    code = exc.character if isinstance(exc.character, int) else ord(text[position]) if position < len(text) else 0
    return Problem(
        name, line, "",
        f"có ký tự điều khiển không được phép (mã U+{code:04X}), thường do chép từ một tệp khác; "
        "hãy xóa ký tự đó rồi lưu lại tệp.",
    )


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Refused(yaml.MarkedYAMLError):
    pass


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path_, doc: YamlDocument, seen: set[int] | None = None) -> Any:
    # An alias (*x) makes one node appear twice; data files never need it, and
    # self-referencing or exponential aliases would hang or crash the reader.
    seen = set() if seen is None else seen
    if id(node) in seen:
        raise _Refused(
            problem="giá trị này được dùng lại ở chỗ khác bằng bí danh YAML (&tên … *tên); "
            "tệp dữ liệu không dùng bí danh, hãy viết lại giá trị ở từng chỗ",
            problem_mark=node.start_mark,
        )
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        seen.add(id(node))
        if len(path) >= MAX_DEPTH:
            raise _Refused(
                problem=f"giá trị lồng nhau quá sâu (tệp dữ liệu chỉ cần tối đa {MAX_DEPTH} mức danh sách, bảng trong nhau)",
                problem_mark=node.start_mark,
            )
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(
                    problem="tên trường phải là một chữ, không phải danh sách hay bảng", problem_mark=key_node.start_mark
                )
            key = _text(key_node, path, doc) if key_node.tag in _AS_WRITTEN else loader.construct_object(key_node, deep=True)
            if key in result:
                first = doc.lines.get(path + (key,))
                raise _DuplicateKey(
                    problem=f"khóa \"{key}\" bị lặp (đã có ở dòng {first})",
                    problem_mark=key_node.start_mark,
                )
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(loader, value_node, path + (key,), doc, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), doc, seen) for i, item in enumerate(node.value)]
    if node.tag in _AS_WRITTEN:
        return _text(node, path, doc)  # dates too are kept as written: the model parses and explains them
    return loader.construct_object(node, deep=True)


def _text(node: yaml.Node, path: Path_, doc: YamlDocument) -> str:
    """A scalar's text as it is (PyYAML's constructor would return the same, slower), noted if it hides a character."""
    value: str = node.value
    if INVISIBLE_RE.search(value):
        doc.unseen.append((path, node))
    return value


MAX_UNSEEN = 20
"""Invisible characters listed one by one for a file; a text pasted from Word may hold hundreds (soft hyphens)."""


def _invisible_problems(doc: YamlDocument, text: str) -> list[Problem]:
    """One problem per invisible character, at the line and column where an editor's cursor finds it.

    A character written as an escape ("\\u202e" in double quotes) is not in the file as such:
    it is reported at the start of its value."""
    problems: list[Problem] = []
    for path, node in doc.unseen:
        start, end = node.start_mark.index, node.end_mark.index
        written = [(m.start(), m.group(), "ở") for m in INVISIBLE_RE.finditer(text, start, end)]
        escaped = [(start, c, "trong giá trị bắt đầu ở") for c in dict.fromkeys(INVISIBLE_RE.findall(node.value))]
        for index, char, where in written or escaped:
            line_start = text.rfind("\n", 0, index) + 1
            line, column = text.count("\n", 0, index) + 1, index - line_start + 1
            problems.append(Problem(doc.file, line, field_name(doc, path), f"{where} cột {column} {invisible_message(char)}",
                                    column=column))
    if len(problems) > MAX_UNSEEN:
        rest = len(problems) - MAX_UNSEEN
        problems = problems[:MAX_UNSEEN] + [Problem(doc.file, None, "", f"còn {rest} ký tự vô hình nữa trong tệp; "
                                                                        "hãy xóa cả những ký tự đó.")]
    return problems


def field_name(doc: YamlDocument, loc: tuple[Any, ...]) -> str:
    """sections.4.tasks.7.lead → sections[V].tasks[V.8].lead: ids are what editors search for."""
    parts: list[str] = []
    node: Any = doc.data
    for key in loc:
        if isinstance(key, int) and isinstance(node, list):
            item = node[key] if key < len(node) else None
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else key
            parts[-1:] = [f"{parts[-1]}[{label}]"] if parts else [f"[{label}]"]
            node = item
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)


_AS_WRITTEN = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"})
"""Scalars kept as the text they hold: text itself, and dates, which the model parses and explains."""


# PyYAML's messages, in the words of the person who has to fix the file.
_SYNTAX_HINTS = [
    ("found character '\\t' that cannot start any token", "có ký tự TAB ở đầu dòng; YAML chỉ chấp nhận dấu cách để thụt lề"),
    ("found a tab character", "có ký tự TAB ở đầu dòng; YAML chỉ chấp nhận dấu cách để thụt lề"),
    ("mapping values are not allowed here",
     "dấu hai chấm \":\" đặt sai chỗ; nếu nội dung có dấu hai chấm, hãy đặt cả nội dung trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu hai chấm \":\" sau tên trường, hoặc một chuỗi trong ngoặc kép chưa được đóng"),
    ("found unexpected end of stream",
     "tệp kết thúc khi một chuỗi hoặc danh sách chưa được đóng (thiếu dấu ngoặc kép hoặc ngoặc vuông)"),
    ("did not find expected key", "thụt lề không thẳng hàng: các trường cùng cấp phải bắt đầu ở cùng một cột"),
    ("did not find expected '-' indicator",
     "thụt lề không thẳng hàng trong danh sách: các mục \"-\" phải bắt đầu ở cùng một cột"),
    ("expected <block end>, but found", "thụt lề không thẳng hàng: dòng này lùi vào hoặc lùi ra sai cột"),
    ("found undefined alias", "dùng bí danh (*) chưa được định nghĩa"),
    ("while scanning a quoted scalar", "chuỗi trong ngoặc kép chưa được đóng"),
    ("found duplicate anchor", "nhãn (&) bị định nghĩa hai lần"),
    ("but found another document", "tệp có nhiều hơn một tài liệu YAML (dấu ---); chỉ được có một"),
]


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    original = " ".join(filter(None, [exc.context, exc.problem]))
    if isinstance(exc, _DuplicateKey):
        return Problem(name, line, "", f"{exc.problem}; mỗi khóa chỉ được viết một lần trong cùng một mục.")
    if isinstance(exc, _Refused):
        return Problem(name, line, "", f"{exc.problem}.")
    # A tab is often reported on a later token; point at the first tab-indented line.
    if "\t" in original or "tab" in original.lower():
        for number, content in enumerate(text.split("\n"), start=1):
            if content[: len(content) - len(content.lstrip())].count("\t"):
                line = number
                break
    hint = next((vi for en, vi in _SYNTAX_HINTS if en in original), "cú pháp YAML không hợp lệ")
    # An unclosed quote swallows the lines after it; the mistake is where the quote opened.
    quote_related = any(k in original for k in ("quoted scalar", "end of stream", "<block end>", "expected ':'"))
    unclosed = _unclosed_quote_line(text, line) if quote_related else None
    if unclosed:
        line, hint = unclosed, "chuỗi trong ngoặc kép chưa được đóng (thiếu dấu \" ở cuối)"
    return Problem(name, line, "", f"{hint} (trình đọc YAML báo: {original}).")


def _unclosed_quote_line(text: str, up_to: int | None) -> int | None:
    for number, content in enumerate(text.split("\n")[: up_to or None], start=1):
        code = re.sub(r"'[^']*'", "", content.split(" #")[0].replace('\\"', ""))
        if code.lstrip().startswith("#"):
            continue
        if code.count('"') % 2 == 1:
            return number
    return None
