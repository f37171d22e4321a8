"""PowerPoint files read from their XML with lxml alone, as python-pptx reads them.

python-pptx costs about 0.09 s to import, more than reading a typical deck.
Here the slides and notes are parsed with python-pptx's parser settings and
read by its rules: the shapes of a slide are the children of its shape tree
(`p:sp`, `p:grpSp`, `p:graphicFrame`, `p:cxnSp`, `p:pic`, `p:contentPart`);
every `p:sp` has a text frame (one empty paragraph when it has no `p:txBody`);
a paragraph is its `a:r`, `a:fld` and `a:br` (a vertical tab); a graphic frame
whose data is a table gives its rows' `a:tc` texts; groups are walked to the
same depth; the notes are the text of the notes slide's body placeholder. The
blocks are those of `_office_libs._pptx_iter`, in its order and with its locations.

Everything is read before the first block is returned. Anything unfamiliar
raises `Unsupported` first, and the caller hands the file to python-pptx,
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

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_SP, _GRPSP, _FRAME = _P + "sp", _P + "grpSp", _P + "graphicFrame"
_CONTENT_PART = _P + "contentPart"  # python-pptx has no element class for it
_SHAPES = frozenset({_SP, _GRPSP, _FRAME, _P + "cxnSp", _P + "pic", _CONTENT_PART})
_TXBODY = _P + "txBody"
# `PP_PLACEHOLDER`'s XML values: python-pptx refuses any other placeholder type
_PLACEHOLDER_TYPES = frozenset(
    {
        "body",
        "chart",
        "clipArt",
        "ctrTitle",
        "dgm",
        "dt",
        "ftr",
        "hdr",
        "media",
        "obj",
        "pic",
        "sldImg",
        "sldNum",
        "subTitle",
        "tbl",
        "title",
    }
)
_MAX_DEPTH = 20  # group nesting read, as `_office_libs._pptx_shapes`


def pptx_fast_blocks(source: Package) -> Iterator[Block]:
    """Blocks of a presentation; raises `Unsupported` (before any block) when its
    outline is not one this reader knows, so the caller can use python-pptx."""
    try:
        zf = open_package(source)
        try:
            blocks = _read(zf)
        finally:
            if zf is not source:
                zf.close()
    except (Unsupported, MemoryError, RecursionError):
        raise
    except Exception as exc:  # python-pptx says why, or reads it
        raise Unsupported(str(exc)) from exc
    return iter(blocks)


def _read(zf: zipfile.ZipFile) -> list[Block]:
    main = main_part(zf)
    root = parse_blankless(zf.read(main))
    if root.tag != _P + "presentation":
        raise Unsupported("main part is not a presentation")
    rels = part_rels(zf, main)
    blocks: list[Block] = []
    listed = first_child(root, _P + "sldIdLst")
    for number, sld_id in enumerate(listed if listed is not None else (), start=1):
        rid = sld_id.get(_R_ID)
        if rid not in rels:
            raise Unsupported(f"slide {rid} missing")
        part = rels[rid][1]
        slide = parse_blankless(zf.read(part))
        if slide.tag != _P + "sld":
            raise Unsupported("slide part is not a slide")
        notes = None
        for typ, target in part_rels(zf, part).values():
            if typ.endswith("/notesSlide"):
                notes = parse_blankless(zf.read(target))
                break
        blocks.extend(_slide_blocks(slide, notes, f"slide {number}"))
    return blocks


def _slide_blocks(slide: Any, notes: Any, where: str) -> list[Block]:
    blocks: list[Block] = []
    lines: list[str] = []
    tables: list[Any] = []
    tree = _shape_tree(slide)
    for shape in _members(tree):
        _check_top_level(shape)
    _walk(tree, lines, tables, 0)
    if any(line.strip() for line in lines):
        blocks.append(TextBlock("\n".join(lines), where))
    for i, table in enumerate(tables, start=1):
        rows = [
            (
                n,
                tuple(
                    _text_frame(first_child(tc, _A + "txBody")).strip()
                    for tc in tr.iterchildren(_A + "tc")
                ),
            )
            for n, tr in enumerate(table.iterchildren(_A + "tr"), start=1)
        ]
        blocks.extend(table_from_rows(f"{where} table {i}", rows))
    if notes is not None:
        text = _notes_text(notes)
        if text is not None and text.strip():
            blocks.append(TextBlock(text, f"{where} notes"))
    return blocks


def _shape_tree(part: Any) -> Any:
    """`cSld/spTree`, which python-pptx requires of a slide and a notes slide."""
    c_sld = first_child(part, _P + "cSld")
    tree = first_child(c_sld, _P + "spTree") if c_sld is not None else None
    if tree is None:
        raise Unsupported("slide without a shape tree")
    return tree


def _members(tree: Any) -> Iterator[Any]:
    return (child for child in tree if child.tag in _SHAPES)


def _walk(tree: Any, lines: list[str], tables: list[Any], depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    for shape in _members(tree):
        tag = shape.tag
        if tag == _SP:
            lines.extend(_paragraphs(first_child(shape, _TXBODY)))
        elif tag == _FRAME:
            table = _table(shape)
            if table is not None:
                tables.append(table)
        elif tag == _GRPSP:
            _walk(shape, lines, tables, depth + 1)


def _table(frame: Any) -> Any:
    """The `a:tbl` of a graphic frame whose data is a table, else None."""
    graphic = first_child(frame, _A + "graphic")
    data = first_child(graphic, _A + "graphicData") if graphic is not None else None
    if data is None or data.get("uri") is None:
        raise Unsupported("graphic frame without graphic data")
    if data.get("uri") != _TABLE_URI:
        return None
    table = first_child(data, _A + "tbl")
    if table is None:
        raise Unsupported("table frame without a table")
    return table


def _paragraphs(tx_body: Any) -> list[str]:
    """A text frame's paragraphs; a shape without a body reads as python-pptx
    makes one: a single empty paragraph."""
    if tx_body is None:
        return [""]
    return [_paragraph_text(p) for p in tx_body.iterchildren(_A + "p")]


def _text_frame(tx_body: Any) -> str:
    return "\n".join(_paragraphs(tx_body))


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for child in p:
        tag = child.tag
        if tag == _A + "r":
            t = first_child(child, _A + "t")
            if t is None:
                raise Unsupported("text run without text")
            parts.append(t.text or "")
        elif tag == _A + "br":
            parts.append("\v")
        elif tag == _A + "fld":
            t = first_child(child, _A + "t")
            parts.append("" if t is None else t.text or "")
    return "".join(parts)


def _placeholder(shape: Any) -> Any:
    """`./*[1]/p:nvPr/p:ph`: what makes a shape a placeholder."""
    first = next((child for child in shape if isinstance(child.tag, str)), None)
    if first is None:
        return None
    for nv_pr in first.iterchildren(_P + "nvPr"):
        found = first_child(nv_pr, _P + "ph")
        if found is not None:
            return found
    return None


def _check_top_level(shape: Any) -> None:
    """What python-pptx trips on when it picks the class of a slide's shape: a
    content part (it asks it whether it is a placeholder) and an unknown
    placeholder type of a `p:sp`."""
    if shape.tag == _CONTENT_PART:
        raise Unsupported("content part among a slide's shapes")
    if shape.tag == _SP and _placeholder(shape) is not None:
        _placeholder_type(shape)


def _placeholder_type(shape: Any) -> str:
    value = _placeholder(shape).get("type", "obj")
    if value not in _PLACEHOLDER_TYPES:
        raise Unsupported(f"unknown placeholder type {value!r}")
    return str(value)


def _notes_text(notes: Any) -> str | None:
    """The text of the notes slide's first body placeholder, None without one."""
    if notes.tag != _P + "notes":
        raise Unsupported("notes part is not a notes slide")
    for shape in _members(_shape_tree(notes)):
        if shape.tag == _CONTENT_PART:
            raise Unsupported("content part among the notes' shapes")
        if _placeholder(shape) is None:
            continue
        if _placeholder_type(shape) == "body":
            if shape.tag != _SP:
                raise Unsupported("notes placeholder without a text frame")
            return _text_frame(first_child(shape, _TXBODY))
    return None
