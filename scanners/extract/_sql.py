"""SQL dumps (mysqldump, pg_dump, SQL Server scripts): their rows are tables.

A nightly copy of the SIS or payroll database is a file of `INSERT INTO students
(...) VALUES (...), (...);` statements, or of `COPY students (...) FROM stdin;`
blocks of tab-separated lines. Read as prose, a row is a run of quoted values
whose column names stand far away, once, in the table's definition; read as a
table, "sasid" and "birth_dt" type every value below them, as a CSV's header does.

So each table's rows come out as one `TableBlock` headed by the statement's column
list (or, for a bare `INSERT INTO t VALUES`, by the `CREATE TABLE t` columns), and
everything else in the file (comments, DDL, SET lines) as text, its line numbers
kept. The parser is total: what it does not understand stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from scanners.extract._text import chunk_text
from scanners.extract._types import Block, Limits, TableBlock

# a table's name as dialects quote it: `students`, "public"."students", [dbo].[Students]
_NAME_PART = r"(?:`[^`]+`|\"[^\"]+\"|\[[^\]]+\]|[\w$]+)"
_NAME = rf"{_NAME_PART}(?:\s*\.\s*{_NAME_PART})*"
_COLUMNS = r"\(([^()]*)\)"
_INSERT_VERB = r"^[ \t]*(?:INSERT|REPLACE)(?:\s+(?:IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY))?"
_INSERT = re.compile(
    rf"{_INSERT_VERB}(?:\s+INTO)?\s+({_NAME})\s*(?:{_COLUMNS})?\s*VALUES\s*",
    re.IGNORECASE | re.MULTILINE,
)
_COPY = re.compile(
    rf"^COPY\s+({_NAME})\s*(?:{_COLUMNS})?\s+FROM\s+stdin\b[^\n]*\n", re.IGNORECASE | re.MULTILINE
)
_CREATE = re.compile(
    rf"CREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMPORARY|TEMP|UNLOGGED)\s+)?TABLE\s+"
    rf"(?:IF\s+NOT\s+EXISTS\s+)?({_NAME})\s*\(",
    re.IGNORECASE,
)
# What sniffing looks for in a file's head: a statement that carries rows.
DATA_STATEMENT = re.compile(
    rf"{_INSERT_VERB}(?:\s+INTO)?\s+{_NAME}\s*(?:{_COLUMNS})?\s*VALUES\b"
    rf"|^COPY\s+{_NAME}\s*(?:{_COLUMNS})?\s+FROM\s+stdin\b",
    re.IGNORECASE | re.MULTILINE,
)
# lines of a table definition that define no column
_NOT_A_COLUMN = frozenset(
    {
        "primary",
        "key",
        "unique",
        "index",
        "constraint",
        "foreign",
        "check",
        "fulltext",
        "spatial",
        "exclude",
        "like",
        "period",
    }
)
# one lexeme of a VALUES list: a string literal (MySQL's backslash escapes or SQL's
# doubled quote; one left open runs to the end, so that no quote is tried twice), a
# bracket or separator, blanks, or a run of anything else
_TOKEN = re.compile(r"'(?:[^'\\]|\\.|'')*(?:'|\Z)|[(),;]|\s+|[^'(),;\s]+", re.DOTALL)
# a table definition longer than this is none (its closing bracket is not looked for
# further, so that many unclosed definitions cost no more than the text)
_MAX_DEFINITION_CHARS = 1 << 16
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "0": "", "Z": "", "b": ""}
_CAST = re.compile(r"::[\w ]+(?:\(\d+\))?$")  # Postgres' 'value'::date


@dataclass
class _Table:
    header: tuple[str, ...] = ()
    rows: list[tuple[str, ...]] = field(default_factory=list)


def sql_blocks(text: str, limits: Limits) -> Iterator[Block]:
    """A dump's tables, one block each in the order they first get rows, after its
    other text (comments and definitions), line numbers kept."""
    defined = _table_definitions(text)
    tables: dict[str, _Table] = {}
    spans: list[tuple[int, int]] = []  # the statements read as rows
    for match in _INSERT.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue  # inside the previous statement's values
        rows, end = _values(text, match.end())
        if not rows:
            continue
        table = _table(tables, defined, match.group(1), match.group(2))
        table.rows.extend(rows)
        spans.append((match.start(), end))
    for match in _COPY.finditer(text):
        rows, end = _copy_rows(text, match.end())
        table = _table(tables, defined, match.group(1), match.group(2))
        table.rows.extend(rows)
        spans.append((match.start(), end))
    yield from chunk_text([_without(text, sorted(spans))], limits)
    for name, table in tables.items():
        width = max((len(row) for row in table.rows), default=0)
        header = table.header or ("",) * width
        yield TableBlock(f"table {name}", header, list(enumerate(table.rows, 1)))


def _table(
    tables: dict[str, _Table], defined: dict[str, tuple[str, ...]], name: str, columns: str | None
) -> _Table:
    key = _unquote_name(name)
    table = tables.setdefault(key, _Table())
    if not table.header:
        table.header = _column_list(columns) if columns else defined.get(key, ())
    return table


def _unquote_name(name: str) -> str:
    """`public.students` and "students" are the table students (the schema is no part
    of what its columns mean)."""
    last = re.split(r"\s*\.\s*(?=[`\"\[\w$])", name.strip())[-1]
    return last.strip('`"[]')


def _column_list(columns: str) -> tuple[str, ...]:
    return tuple(c.strip().strip('`"[]') for c in columns.split(","))


def _table_definitions(text: str) -> dict[str, tuple[str, ...]]:
    """Each `CREATE TABLE`'s column names, for inserts that do not list them."""
    defined: dict[str, tuple[str, ...]] = {}
    searched_to = 0  # a definition inside one already searched is not searched again
    for match in _CREATE.finditer(text):
        if match.start() < searched_to:
            continue
        body = _bracketed(text, match.end())
        searched_to = match.end() + (_MAX_DEFINITION_CHARS if body is None else len(body))
        if body is None:
            continue
        names: list[str] = []
        for definition in _split_top_level(body):
            words = definition.split()
            if not words:
                continue
            first = words[0].strip('`"[]')
            if first.lower() in _NOT_A_COLUMN:
                continue
            names.append(first)
        defined[_unquote_name(match.group(1))] = tuple(names)
    return defined


def _bracketed(text: str, start: int) -> str | None:
    """The text up to the bracket that closes one opened just before `start`."""
    depth = 1
    quote = ""
    for i in range(start, min(len(text), start + _MAX_DEFINITION_CHARS)):
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return text[start:i]
    return None


def _split_top_level(body: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for lexeme in _TOKEN.findall(body):
        if lexeme == "(":
            depth += 1
        elif lexeme == ")":
            depth -= 1
        elif lexeme == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(lexeme)
    parts.append("".join(current))
    return parts


def _values(text: str, start: int) -> tuple[list[tuple[str, ...]], int]:
    """The tuples of a VALUES list from `start`, and where the statement ends: at its
    `;`, or where something other than another tuple follows (`ON DUPLICATE KEY`, GO)."""
    rows: list[tuple[str, ...]] = []
    cells: list[str] = []
    value: list[str] = []
    depth = 0
    end = start
    for match in _TOKEN.finditer(text, start):
        lexeme = match.group()
        end = match.end()
        if depth == 0:
            if lexeme == "(":
                depth = 1
                cells, value = [], []
            elif lexeme == "," or lexeme.isspace():
                continue
            else:
                if lexeme != ";":
                    end = match.start()
                break
        elif lexeme == "(":
            depth += 1
            value.append(lexeme)
        elif lexeme == ")":
            depth -= 1
            if depth == 0:
                cells.append(_cell(value))
                rows.append(tuple(cells))
            else:
                value.append(lexeme)
        elif lexeme == "," and depth == 1:
            cells.append(_cell(value))
            value = []
        else:
            value.append(lexeme)
    return rows, end


def _cell(lexemes: list[str]) -> str:
    """A value as the table holds it: a string literal's text, NULL as nothing, and
    anything else (a number, `NOW()`) as written."""
    parts = [t for t in lexemes if not t.isspace()]
    if not parts:
        return ""
    if len(parts) == 1 and parts[0].upper() == "NULL":
        return ""
    literal = [t for t in parts if t.startswith("'")]
    if len(literal) == 1:
        prefix = parts[: parts.index(literal[0])]
        after = "".join(parts[parts.index(literal[0]) + 1 :])
        # N'…', E'…', _utf8mb4'…' and 'value'::date are a string's text
        if len(prefix) <= 1 and (not after or _CAST.fullmatch(after)):
            return _unquote(literal[0])
    return " ".join(parts)


def _unquote(literal: str) -> str:
    inner = literal[1:-1] if len(literal) > 1 and literal.endswith("'") else literal[1:]
    inner = inner.replace("''", "'")
    if "\\" not in inner:
        return inner
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), inner)


def _copy_rows(text: str, start: int) -> tuple[list[tuple[str, ...]], int]:
    """The tab-separated lines of a `COPY … FROM stdin` block, up to its `\\.` line."""
    rows: list[tuple[str, ...]] = []
    position = start
    while position < len(text):
        newline = text.find("\n", position)
        line_end = len(text) if newline < 0 else newline
        line = text[position:line_end].rstrip("\r")
        position = line_end + 1
        if line == "\\.":
            break
        rows.append(tuple(_copy_field(f) for f in line.split("\t")))
    return rows, min(position, len(text))


def _copy_field(field_text: str) -> str:
    if field_text == "\\N":
        return ""
    if "\\" not in field_text:
        return field_text
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), field_text)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans' statements taken out, their lines left blank so that
    what remains keeps its line numbers."""
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        if start < position:
            continue
        pieces.append(text[position:start])
        pieces.append("\n" * text.count("\n", start, end))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
