"""OpenDocument files read from content.xml alone, with lxml.

odfpy's `load` builds its own DOM of every part (styles, meta, settings and
content) through SAX callbacks, most of the time a small file takes. Here only
content.xml is parsed; the walk is the one `_office` does over odfpy's nodes
and the text of a paragraph is what `odf.teletype.extractText` gives (spaces,
tabs and line breaks unwrapped), so both paths produce the same blocks. An
unfamiliar outline raises `Unsupported` before any block, and the caller uses
odfpy instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scanners.extract._ooxml import Package, Unsupported, first_child, open_package, parse
from scanners.extract._text import table_from_rows
from scanners.extract._types import Block, TextBlock

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_BODY_CHILD = {
    "odt": _OFFICE + "text",
    "ods": _OFFICE + "spreadsheet",
    "odp": _OFFICE + "presentation",
}
_PARAGRAPHS = (_TEXT + "p", _TEXT + "h")
_CELLS = (_TABLE + "table-cell", _TABLE + "covered-table-cell")
_ROW_GROUPS = tuple(_TABLE + n for n in ("table-rows", "table-header-rows", "table-row-group"))
_MAX_REPEAT = 1_000


def _elements(node: Any) -> Iterator[Any]:
    """Child elements (comments and processing instructions left out)."""
    return (child for child in node if isinstance(child.tag, str))


def _text(node: Any, depth: int = 0) -> str:
    """`odf.teletype.extractText`, over an lxml element."""
    if not len(node):
        return node.text or ""  # most paragraphs and cells: one run of text
    parts = [node.text or ""]
    for child in node:
        tag = child.tag
        if tag == _TEXT + "line-break":
            parts.append("\n")
        elif tag == _TEXT + "tab":
            parts.append("\t")
        elif tag == _TEXT + "s":
            count = child.get(_TEXT + "c")
            parts.append(" " * (int(count) if count else 1))
        elif isinstance(tag, str):
            parts.append(_text(child, depth + 1))
        parts.append(child.tail or "")
    return "".join(parts)


def _walk(node: Any, lines: list[str], tables: list[Any], depth: int) -> None:
    if depth > 200:
        return
    for child in _elements(node):
        if child.tag == _TABLE + "table":
            tables.append(child)
        elif child.tag in _PARAGRAPHS:
            lines.append(_text(child))
        else:
            _walk(child, lines, tables, depth + 1)


def _repeat(node: Any, attribute: str) -> int:
    try:
        return max(1, int(node.get(_TABLE + attribute) or 1))
    except (TypeError, ValueError):
        return 1


def _rows(node: Any) -> list[Any]:
    rows: list[Any] = []
    for child in _elements(node):
        if child.tag == _TABLE + "table-row":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows.extend(_rows(child))
    return rows


def _table_rows(table: Any) -> Iterator[tuple[int, tuple[str, ...]]]:
    number = 0
    for row in _rows(table):
        repeat = _repeat(row, "number-rows-repeated")
        cells: list[str] = []
        for cell in row:
            if cell.tag not in _CELLS:  # comments' tags are not strings: never cells
                continue
            text = (
                "\n".join(
                    _text(p)
                    for p in cell
                    if isinstance(p.tag, str) and p.tag.rpartition("}")[2] in ("p", "h")
                ).strip()
                if len(cell)
                else ""
            )
            times = _repeat(cell, "number-columns-repeated")
            if text:
                cells.extend([text] * min(times, _MAX_REPEAT))
            elif times < _MAX_REPEAT:
                cells.extend([""] * times)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            for i in range(min(repeat, _MAX_REPEAT)):
                yield number + 1 + i, tuple(cells)
        number += repeat


def odf_fast_blocks(source: Package, kind: str) -> Iterator[Block]:
    try:
        root = parse(open_package(source).read("content.xml"))
    except Exception as exc:  # odfpy reads it, or says why it cannot
        raise Unsupported(str(exc)) from exc
    body = first_child(root, _OFFICE + "body")
    first = next(_elements(body), None) if body is not None else None
    if first is None or first.tag != _BODY_CHILD.get(kind):
        raise Unsupported("content.xml body is not the expected kind")
    if kind == "ods":
        return _ods(first)
    if kind == "odp":
        return _odp(first)
    return _odt(first)


def _odt(text: Any) -> Iterator[Block]:
    lines: list[str] = []
    tables: list[Any] = []
    _walk(text, lines, tables, 0)
    if any(line.strip() for line in lines):
        yield TextBlock("\n".join(lines), "body")
    for i, table in enumerate(tables, start=1):
        yield from table_from_rows(f"table {i}", _table_rows(table))


def _ods(spreadsheet: Any) -> Iterator[Block]:
    for table in _elements(spreadsheet):
        if table.tag != _TABLE + "table":
            continue
        name = table.get(_TABLE + "name") or "?"
        yield from table_from_rows(f"sheet {name}", _table_rows(table))


def _odp(presentation: Any) -> Iterator[Block]:
    number = 0
    for page in _elements(presentation):
        if page.tag != _DRAW + "page":
            continue
        number += 1
        lines: list[str] = []
        _walk(page, lines, [], 0)
        if any(line.strip() for line in lines):
            yield TextBlock("\n".join(lines), f"slide {number}")
