"""Typed, located reading of a parsed TOML document.

tomllib gives values but no line numbers; `LineIndex` recovers them from the
source text for every table header and key, so each problem reads
`file:line: where: message`. `Node` reads one table with typed accessors that
record a problem and return a placeholder instead of raising: one run of
`policy check` reports every mistake in the file, not the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from policies.errors import PolicyProblem

Path_ = tuple[str | int, ...]
T = TypeVar("T")

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class LineIndex:
    """Line numbers of the tables and keys of a TOML source (best effort, never wrong-typed)."""

    def __init__(self, source: str) -> None:
        self._lines: dict[Path_, int] = {}
        arrays: set[tuple[str, ...]] = set()
        counts: dict[Path_, int] = {}
        current: Path_ = ()
        in_multiline = False

        def resolve(keys: tuple[str, ...]) -> list[str | int]:
            path: list[str | int] = []
            for i, key in enumerate(keys):
                path.append(key)
                if keys[: i + 1] in arrays and i < len(keys) - 1:
                    path.append(counts.get(tuple(path), 1) - 1)
            return path

        for number, line in enumerate(source.splitlines(), start=1):
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = not in_multiline
                if not in_multiline:
                    continue
            if in_multiline and not _KEY.match(line):
                continue
            header = _HEADER.match(line)
            if header and not _KEY.match(line):
                keys = _split_key(header.group(2))
                if header.group(1) == "[[":
                    arrays.add(keys)
                    parent = tuple(resolve(keys))
                    counts[parent] = counts.get(parent, 0) + 1
                    current = (*parent, counts[parent] - 1)
                else:
                    current = tuple(resolve(keys))
                self._lines.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                self._lines.setdefault((*current, *_split_key(key.group(1))), number)

    def line_of(self, path: Path_) -> int | None:
        """The line of `path`, else of its nearest located parent."""
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return None


@dataclass
class ReadContext:
    file: str
    lines: LineIndex
    problems: list[PolicyProblem] = field(default_factory=list)

    def problem(self, path: Path_, message: str, *, line_path: Path_ | None = None) -> None:
        line = self.lines.line_of(line_path if line_path is not None else path)
        self.problems.append(PolicyProblem(self.file, line, format_path(path), message))


_MISSING: Any = object()


class Node:
    """One TOML table, read key by key; `finish()` reports the keys nobody asked for."""

    def __init__(
        self, ctx: ReadContext, path: Path_, table: Mapping[str, Any], *, absent: bool = False
    ) -> None:
        self.ctx = ctx
        self.path = path
        self.table = table
        # A table that is missing altogether was reported once; its keys are not.
        self.absent = absent
        self._read: set[str] = set()

    # -- generic -------------------------------------------------------------------
    def _get(self, key: str, kind: type | tuple[type, ...], kind_name: str, default: Any) -> Any:
        self._read.add(key)
        if key not in self.table:
            if default is _MISSING and not self.absent:
                self.ctx.problem(self.path, f"missing key '{key}'")
            return None if default is _MISSING else default
        value = self.table[key]
        # bool is an int in Python; a policy saying `min_documents = true` is still wrong.
        wrong_bool = isinstance(value, bool) and bool not in (
            kind if isinstance(kind, tuple) else (kind,)
        )
        if not isinstance(value, kind) or wrong_bool:
            self.ctx.problem(
                self.path,
                f"'{key}' must be {kind_name}, not {_toml_type(value)}",
                line_path=(*self.path, key),
            )
            return None if default is _MISSING else default
        return value

    def where(self, key: str) -> Path_:
        return (*self.path, key)

    def problem(self, key: str | None, message: str) -> None:
        path = self.path if key is None else self.where(key)
        self.ctx.problem(self.path, message, line_path=path)

    # -- typed accessors -------------------------------------------------------------
    def string(self, key: str, default: Any = _MISSING) -> str:
        value = self._get(key, str, "a string", default)
        return value if isinstance(value, str) else ""

    def boolean(self, key: str, default: Any = _MISSING) -> bool:
        value = self._get(key, bool, "true or false", default)
        return bool(value)

    def integer(self, key: str, default: Any = _MISSING, *, minimum: int | None = None) -> int:
        value = self._get(key, int, "an integer", default)
        if not isinstance(value, int):
            return 0
        if minimum is not None and value < minimum:
            self.problem(key, f"'{key}' must be at least {minimum}, not {value}")
        return value

    def number(
        self, key: str, default: Any = _MISSING, *, low: float = 0.0, high: float = 1.0
    ) -> float:
        value = self._get(key, (int, float), "a number", default)
        if not isinstance(value, int | float):
            return 0.0
        if not low <= value <= high:
            self.problem(key, f"'{key}' must be between {low} and {high}, not {value}")
        return float(value)

    def day(self, key: str, default: Any = _MISSING) -> date:
        value = self._get(key, date, "a date (YYYY-MM-DD, unquoted)", default)
        return value if isinstance(value, date) else date.min

    def strings(self, key: str, default: Any = _MISSING) -> tuple[str, ...]:
        value = self._get(key, list, "a list of strings", default)
        if not isinstance(value, list | tuple):
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                self.ctx.problem(
                    (*self.path, key, i),
                    f"must be a string, not {_toml_type(item)}",
                    line_path=(*self.path, key),
                )
        return tuple(out)

    def table_(self, key: str, default: Any = _MISSING) -> Node:
        value = self._get(key, dict, "a table", default)
        if isinstance(value, dict):
            return Node(self.ctx, self.where(key), value)
        return Node(self.ctx, self.where(key), {}, absent=True)

    def tables(self, key: str, default: Any = _MISSING) -> Iterator[Node]:
        value = self._get(key, list, "an array of tables ([[...]])", default)
        if not isinstance(value, list):
            return
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield Node(self.ctx, (*self.path, key, i), item)
            else:
                self.ctx.problem((*self.path, key, i), f"must be a table, not {_toml_type(item)}")

    def key_names(self) -> list[str]:
        return list(self.table)

    def finish(self) -> None:
        for key in self.table:
            if key not in self._read:
                self.ctx.problem(self.path, f"unknown key '{key}'", line_path=self.where(key))


def _toml_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__
