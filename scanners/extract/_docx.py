"""Word documents read from their XML with lxml alone, as python-docx reads them.

python-docx costs about 0.04 s to import and evaluates an XPath expression for
every paragraph and run it reads, most of the time a small document takes.
Here the same parts are parsed with the same parser settings, and the text is
what python-docx gives, rule for rule: a paragraph is its direct runs and
hyperlinks (`CT_P.text`); a run is its `w:t`, `w:tab`, `w:ptab`, `w:br`,
`w:cr` and `w:noBreakHyphen` (`CT_R.text`); a table row repeats a cell across
its `gridSpan` and continues a vertical merge from the row above
(`_Row.cells`). The blocks come out in the order, and with the locations, of
`_office_libs._docx_iter`.

Everything is read before the first block is returned. Anything unfamiliar
raises `Unsupported` first, and the caller hands the file to python-docx,
which then reads it (or fails on it) exactly as it always has.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any

from scanners.extract._ooxml import (
    Package,
    Unsupported,
    first_child,
    main_part,
    open_package,
    parse_blankless,
    part_rels,
)
from scanners.extract._text import table_from_rows
from scanners.extract._types import Block, TextBlock

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DOCUMENT, _BODY, _P = _W + "document", _W + "body", _W + "p"
_TBL, _TR, _TC = _W + "tbl", _W + "tr", _W + "tc"
_R, _HYPERLINK, _T = _W + "r", _W + "hyperlink", _W + "t"
_PPR, _SECTPR, _TCPR, _TRPR = _W + "pPr", _W + "sectPr", _W + "tcPr", _W + "trPr"
_TYPE, _VAL = _W + "type", _W + "val"
# what each run child reads as (`CT_R.text`); a `w:br` is a line break only
# when it is a text-wrapping one, page and column breaks read as nothing
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# Word's own limit is 63 columns; a wider row is hostile (python-docx would
# repeat a cell across any gridSpan, billions of times if told to).
_MAX_GRID = 16_384


def docx_fast_blocks(source: Package) -> Iterator[Block]:
    """Blocks of a Word document; raises `Unsupported` (before any block) when
    its outline is not one this reader knows, so the caller can use python-docx."""
    try:
        zf = open_package(source)
        try:
            blocks = _read(zf)
        finally:
            if zf is not source:
                zf.close()
    except (Unsupported, TableTooWide, MemoryError, RecursionError):
        raise
    except Exception as exc:  # python-docx says why, or reads it
        raise Unsupported(str(exc)) from exc
    return iter(blocks)


def _read(zf: zipfile.ZipFile) -> list[Block]:
    main = main_part(zf)
    root = parse_blankless(zf.read(main))
    body = first_child(root, _BODY)
    if root.tag != _DOCUMENT or body is None:
        raise Unsupported("main part is not a Word document")
    blocks: list[Block] = []
    lines: list[str] = []
    tables: list[Any] = []
    _walk_body(body, lines, tables)
    if any(line.strip() for line in lines):
        blocks.append(TextBlock("\n".join(lines), "body"))
    for i, table in enumerate(tables, start=1):
        blocks.extend(table_from_rows(f"table {i}", _table_rows(table)))
    blocks.extend(_headers_and_footers(zf, main, root))
    return blocks


def _walk_body(node: Any, lines: list[str], tables: list[Any]) -> None:
    """Every paragraph and top-level table in document order, as `_docx_body`
    finds them: nothing inside a table or a `mc:Fallback` copy, but paragraphs
    inside paragraphs (text boxes) are read too."""
    stack = [iter(node)]
    while stack:
        for element in stack[-1]:
            tag = element.tag
            if tag == _TBL:
                tables.append(element)
            elif tag == _FALLBACK:
                continue
            else:
                if tag == _P:
                    lines.append(_paragraph_text(element))
                if len(element):
                    stack.append(iter(element))
                    break
        else:
            stack.pop()


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for child in p:
        if child.tag == _R:
            _run_text(child, parts)
        elif child.tag == _HYPERLINK:
            for run in child:
                if run.tag == _R:
                    _run_text(run, parts)
    return "".join(parts)


def _run_text(run: Any, parts: list[str]) -> None:
    for child in run:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _W + "br":
            if child.get(_TYPE, "textWrapping") == "textWrapping":
                parts.append("\n")
        elif tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[tag])


class TableTooWide(ValueError):
    """A row spans more grid columns than any real table has (hostile input)."""


def _decimal(element: Any, child: str) -> int:
    """`./child/@w:val` as python-docx reads a decimal number (first child only;
    no child means 0; a child without a value is not one this reader guesses at)."""
    found = first_child(element, child) if element is not None else None
    if found is None:
        return 0
    value = found.get(_VAL)
    if value is None:
        raise Unsupported(f"{child} without a value")
    return int(value)


def _grid_span(tc: Any) -> int:
    tc_pr = first_child(tc, _TCPR)
    if tc_pr is None or first_child(tc_pr, _W + "gridSpan") is None:
        return 1
    span = _decimal(tc_pr, _W + "gridSpan")
    if span < 1:
        raise Unsupported("cell spans no column")
    if span > _MAX_GRID:
        raise TableTooWide(f"table cell spans {span} columns (limit {_MAX_GRID})")
    return span


def _continues(tc: Any) -> bool:
    """A `w:vMerge` that continues the cell above (its value defaults to continue)."""
    tc_pr = first_child(tc, _TCPR)
    merge = first_child(tc_pr, _W + "vMerge") if tc_pr is not None else None
    return merge is not None and merge.get(_VAL, "continue") == "continue"


def _cell_text(tc: Any) -> str:
    return "\n".join(_paragraph_text(p) for p in tc.iterchildren(_P))


def _table_rows(table: Any) -> list[tuple[int, tuple[str, ...]]]:
    """Rows as `_office_libs._docx_table` reads python-docx's `row.cells`: a cell once
    per grid column it spans; a continued vertical merge as the cell it
    continues (`_tc_above`: the cell of the row above that starts at the same
    grid offset, followed up while that one continues too); a cell repeated in
    the next column reported once."""
    rows: list[tuple[int, tuple[str, ...]]] = []
    roots: dict[Any, Any] = {}  # a continuing tc -> the tc whose content it shows
    above: dict[int, Any] | None = None  # the row above: grid offset -> tc starting there
    for number, tr in enumerate(table.iterchildren(_TR), start=1):
        offset = _decimal(first_child(tr, _TRPR), _W + "gridBefore")
        starts: dict[int, Any] = {}
        grid: list[Any] = []
        for tc in tr.iterchildren(_TC):
            span = _grid_span(tc)
            starts.setdefault(offset, tc)
            if _continues(tc):
                if above is None or offset not in above:
                    raise Unsupported("vertical merge with no cell above")
                root = roots.get(above[offset], above[offset])
                roots[tc] = root
                grid.extend([root] * _grid_span(root))
            else:
                grid.extend([tc] * span)
            offset += span
            if offset > _MAX_GRID or len(grid) > _MAX_GRID:
                raise TableTooWide(f"table row wider than {_MAX_GRID} columns")
        cells: list[str] = []
        previous = None
        for tc in grid:
            cells.append("" if tc is previous else _cell_text(tc).strip())
            previous = tc
        rows.append((number, tuple(cells)))
        above = starts
    return rows


def _headers_and_footers(zf: zipfile.ZipFile, main: str, root: Any) -> list[Block]:
    """The primary header and footer of every section, each distinct text once
    (`_docx_iter`); a section without one links to the previous section's."""
    rels = part_rels(zf, main)
    parts: dict[str, Any] = {}
    blocks: list[Block] = []
    seen: set[str] = set()
    for sect_pr in _section_properties(root):
        for where, reference in (("header", "headerReference"), ("footer", "footerReference")):
            found = None
            for ref in sect_pr.iterchildren(_W + reference):
                if ref.get(_TYPE) == "default":
                    found = ref.get(_R_ID)
                    break
            if found is None:
                continue  # linked to the previous section
            if found not in rels:
                raise Unsupported(f"header or footer {found} missing")
            target = rels[found][1]
            if target not in parts:
                part = parse_blankless(zf.read(target))
                if part.tag not in (_W + "hdr", _W + "ftr"):
                    raise Unsupported("header or footer part is neither")
                parts[target] = part
            text = "\n".join(_paragraph_text(p) for p in parts[target].iterchildren(_P))
            if text.strip() and text not in seen:
                seen.add(text)
                blocks.append(TextBlock(text, where))
    return blocks


def _section_properties(root: Any) -> Iterator[Any]:
    """`./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr`, in document order."""
    for body in root.iterchildren(_BODY):
        for child in body:
            if child.tag == _SECTPR:
                yield child
            elif child.tag == _P:
                for p_pr in child.iterchildren(_PPR):
                    yield from p_pr.iterchildren(_SECTPR)
