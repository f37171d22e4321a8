"""Office documents through their libraries: python-docx, openpyxl, python-pptx, odfpy.

These are the fallbacks of the lxml readers (`_docx`, `_xlsx`, `_pptx`,
`_odf`), for files whose outline those readers do not know, and the reference
the tests hold those readers to. The libraries are used as they are meant to
be; what is added is the shape the detectors want: paragraphs as numbered
lines, tables and sheets as tables with their header row found, locations a
person can follow ("sheet Grades", "slide 3", "table 2"). This module and the
libraries load only when a file needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from scanners.extract._office import cell_text
from scanners.extract._text import table_from_rows
from scanners.extract._types import Block, TextBlock

_ODF_MAX_REPEAT = 1_000
_ROW_GROUPS = ("table-rows", "table-header-rows", "table-row-group")


# --- Word ------------------------------------------------------------------


def docx_library_blocks(stream: BinaryIO) -> Iterator[Block]:
    """python-docx over only the parts text comes from (body, headers,
    footers); for an outline stranger still, its whole `Document`, which also
    parses styles, theme, numbering and fonts. The walk is the same either
    way, over python-docx's own elements."""
    import docx

    from scanners.extract._ooxml import Unsupported

    try:
        return _docx_iter(_LightDocument(stream))
    except Unsupported:
        stream.seek(0)
    return _docx_iter(docx.Document(stream))


class _LightHeader:
    def __init__(self, element: Any) -> None:
        self.is_linked_to_previous = element is None
        self._element = element

    @property
    def paragraphs(self) -> list[Any]:
        from docx.text.paragraph import Paragraph

        return [Paragraph(p, None) for p in self._element.p_lst]  # type: ignore[arg-type]


class _LightSection:
    def __init__(self, header: _LightHeader, footer: _LightHeader) -> None:
        self.header = header
        self.footer = footer


class _LightDocument:
    """What `_docx_iter` reads of a python-docx `Document`, from the main part and
    the primary headers and footers only. Raises `Unsupported` (before any block)
    for an outline it does not know."""

    def __init__(self, stream: BinaryIO) -> None:
        import zipfile

        from docx.oxml.ns import qn
        from docx.oxml.parser import parse_xml

        from scanners.extract._ooxml import Unsupported, main_part, part_rels

        try:
            with zipfile.ZipFile(stream) as zf:
                main = main_part(zf)
                self.element = parse_xml(zf.read(main))
                if self.element.tag != qn("w:document") or self.element.body is None:
                    raise Unsupported("main part is not a Word document")
                rels = part_rels(zf, main)
                parts: dict[str, Any] = {}
                self.sections: list[_LightSection] = []
                for sect_pr in self.element.sectPr_lst:
                    pair = []
                    for reference in ("w:headerReference", "w:footerReference"):
                        found = None
                        for ref in sect_pr.findall(qn(reference)):
                            if ref.get(qn("w:type")) == "default":
                                found = ref.get(qn("r:id"))
                                break
                        if found is None:
                            pair.append(_LightHeader(None))
                            continue
                        if found not in rels:
                            raise Unsupported(f"header or footer {found} missing")
                        target = rels[found][1]
                        if target not in parts:
                            parts[target] = parse_xml(zf.read(target))
                        pair.append(_LightHeader(parts[target]))
                    self.sections.append(_LightSection(pair[0], pair[1]))
        except Unsupported:
            raise
        except Exception as exc:  # unreadable here: python-docx says why, or reads it
            raise Unsupported(str(exc)) from exc


def _docx_iter(document: Any) -> Iterator[Block]:
    lines, tables = _docx_body(document)
    if any(line.strip() for line in lines):
        yield TextBlock("\n".join(lines), "body")
    for i, table in enumerate(tables, start=1):
        yield from _docx_table(table, f"table {i}")
    seen: set[str] = set()
    for section in document.sections:
        for where, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous:
                continue
            text = "\n".join(p.text for p in part.paragraphs)
            if text.strip() and text not in seen:
                seen.add(text)
                yield TextBlock(text, where)


def _docx_body(document: Any) -> tuple[list[str], list[Any]]:
    """Every paragraph and top-level table of the body, in order.

    Walks the XML rather than python-docx's `iter_inner_content`, which skips
    content controls (`w:sdt`, what district form templates are made of) and
    text boxes. A text box's VML fallback copy (`mc:Fallback`) is skipped so its
    text is not read twice; paragraphs inside tables come with their table.
    """
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    p_tag, tbl_tag = qn("w:p"), qn("w:tbl")
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    body = document.element.body
    lines: list[str] = []
    tables: list[Any] = []
    for element in body.iter(p_tag, tbl_tag):
        ancestors = {a.tag for a in element.iterancestors()}
        if tbl_tag in ancestors or fallback in ancestors:
            continue
        if element.tag == tbl_tag:
            tables.append(Table(element, document))
        else:
            lines.append(str(Paragraph(element, document).text))
    return lines, tables


def _docx_table(table: Any, location: str) -> Iterator[Block]:
    """Rows of a Word table; a merged cell is reported once, at its first column
    (python-docx repeats it in every column it spans)."""
    rows = []
    for number, row in enumerate(table.rows, start=1):
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            cells.append("" if cell._tc is previous else cell.text.strip())
            previous = cell._tc
        rows.append((number, tuple(cells)))
    yield from table_from_rows(location, rows)


# --- Excel -----------------------------------------------------------------


def xlsx_library_blocks(stream: BinaryIO) -> Iterator[Block]:
    """openpyxl in read-only mode."""
    import openpyxl

    workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    return _xlsx_iter(workbook)


def _xlsx_iter(workbook: Any) -> Iterator[Block]:
    try:
        for sheet in workbook.worksheets:
            yield from table_from_rows(f"sheet {sheet.title}", _sheet_rows(sheet))
    finally:
        workbook.close()


def _sheet_rows(sheet: Any) -> Iterator[tuple[int, tuple[str, ...]]]:
    number = 0
    for row in sheet.iter_rows():
        number += 1
        for cell in row:
            actual = getattr(cell, "row", None)
            if isinstance(actual, int):
                number = actual
                break
        yield number, tuple(cell_text(getattr(cell, "value", None)) for cell in row)


# --- PowerPoint ------------------------------------------------------------


def pptx_library_blocks(stream: BinaryIO) -> Iterator[Block]:
    """python-pptx over only the slides and their notes; for an outline stranger
    still, its whole `Presentation`, which also loads every master, layout,
    theme and media part. The walk is the same either way, over python-pptx's
    own shapes."""
    import pptx

    from scanners.extract._ooxml import Unsupported

    try:
        return _pptx_iter(_LightPresentation(stream))
    except Unsupported:
        stream.seek(0)
    return _pptx_iter(pptx.Presentation(stream))


class _LightSlide:
    def __init__(self, element: Any, notes: Any) -> None:
        from pptx.shapes.shapetree import SlideShapes
        from pptx.slide import NotesSlide

        self.shapes = SlideShapes(element.cSld.spTree, None)  # type: ignore[arg-type]
        self.has_notes_slide = notes is not None
        self.notes_slide = None if notes is None else NotesSlide(notes, None)  # type: ignore[arg-type]


class _LightPresentation:
    """What `_pptx_iter` reads of a python-pptx `Presentation`: the slides, in the
    order presentation.xml lists them, and their notes. Raises `Unsupported`
    (before any block) for an outline it does not know."""

    def __init__(self, stream: BinaryIO) -> None:
        import zipfile

        from pptx.oxml import parse_xml
        from pptx.oxml.ns import qn

        from scanners.extract._ooxml import Unsupported, main_part, part_rels

        try:
            with zipfile.ZipFile(stream) as zf:
                main = main_part(zf)
                root = parse_xml(zf.read(main))
                if root.tag != qn("p:presentation"):
                    raise Unsupported("main part is not a presentation")
                rels = part_rels(zf, main)
                self.slides: list[_LightSlide] = []
                listed = root.find(qn("p:sldIdLst"))
                for sld_id in listed if listed is not None else ():
                    rid = sld_id.get(qn("r:id"))
                    if rid not in rels:
                        raise Unsupported(f"slide {rid} missing")
                    part = rels[rid][1]
                    slide = parse_xml(zf.read(part))
                    if slide.tag != qn("p:sld"):
                        raise Unsupported("slide part is not a slide")
                    notes = None
                    for typ, target in part_rels(zf, part).values():
                        if typ.endswith("/notesSlide"):
                            notes = parse_xml(zf.read(target))
                            break
                    self.slides.append(_LightSlide(slide, notes))
        except Unsupported:
            raise
        except Exception as exc:  # unreadable here: python-pptx says why, or reads it
            raise Unsupported(str(exc)) from exc


def _pptx_iter(presentation: Any) -> Iterator[Block]:
    for number, slide in enumerate(presentation.slides, start=1):
        where = f"slide {number}"
        lines: list[str] = []
        tables: list[Any] = []
        _pptx_shapes(slide.shapes, lines, tables, 0)
        if any(line.strip() for line in lines):
            yield TextBlock("\n".join(lines), where)
        for i, table in enumerate(tables, start=1):
            rows = [
                (n, tuple(cell.text.strip() for cell in row.cells))
                for n, row in enumerate(table.rows, start=1)
            ]
            yield from table_from_rows(f"{where} table {i}", rows)
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            if frame is not None and frame.text.strip():
                yield TextBlock(frame.text, f"{where} notes")


def _pptx_shapes(shapes: Iterable[Any], lines: list[str], tables: list[Any], depth: int) -> None:
    if depth > 20:
        return
    for shape in shapes:
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            lines.extend(str(p.text) for p in shape.text_frame.paragraphs)
        if getattr(shape, "has_table", False) and shape.has_table:
            tables.append(shape.table)
        inner = getattr(shape, "shapes", None)
        if inner is not None:
            _pptx_shapes(inner, lines, tables, depth + 1)


# --- OpenDocument ----------------------------------------------------------


def odf_library_blocks(stream: BinaryIO, kind: str) -> Iterator[Block]:
    """odfpy's whole document.

    odfpy keeps its tables of namespaces for the whole process (the prefixes, and the
    namespaces every element has used), and every namespace a loaded document uses stays
    in them: a damaged document's element with no namespace at all left `xmlns:ns44=""`
    in every document odfpy wrote afterwards, which no XML parser accepts. The tables
    are put back as they were once the document is read."""
    from odf.element import Element
    from odf.namespaces import nsdict
    from odf.opendocument import load

    known = dict(nsdict)
    used = dict(Element.namespaces)
    try:
        document = load(stream)
        if kind == "ods":
            yield from _ods_iter(document)
        elif kind == "odp":
            yield from _odp_iter(document)
        else:
            yield from _odt_iter(document)
    finally:
        nsdict.clear()
        nsdict.update(known)
        Element.namespaces.clear()
        Element.namespaces.update(used)


def _qname(node: Any) -> tuple[str, str]:
    qname = getattr(node, "qname", None)
    return qname if isinstance(qname, tuple) else ("", "")


def _odf_text(node: Any) -> str:
    from odf import teletype

    return str(teletype.extractText(node))


def _odf_walk(node: Any, lines: list[str], tables: list[Any], depth: int) -> None:
    from odf.namespaces import TABLENS, TEXTNS

    if depth > 200:
        return
    for child in getattr(node, "childNodes", ()):
        name = _qname(child)
        if name == (TABLENS, "table"):
            tables.append(child)
        elif name in ((TEXTNS, "p"), (TEXTNS, "h")):
            lines.append(_odf_text(child))
        else:
            _odf_walk(child, lines, tables, depth + 1)


def _odt_iter(document: Any) -> Iterator[Block]:
    lines: list[str] = []
    tables: list[Any] = []
    _odf_walk(document.text, lines, tables, 0)
    if any(line.strip() for line in lines):
        yield TextBlock("\n".join(lines), "body")
    for i, table in enumerate(tables, start=1):
        yield from table_from_rows(f"table {i}", _odf_table_rows(table))


def _ods_iter(document: Any) -> Iterator[Block]:
    from odf.namespaces import TABLENS

    for table in document.spreadsheet.childNodes:
        if _qname(table) != (TABLENS, "table"):
            continue
        name = table.getAttribute("name") or "?"
        yield from table_from_rows(f"sheet {name}", _odf_table_rows(table))


def _odp_iter(document: Any) -> Iterator[Block]:
    from odf.namespaces import DRAWNS

    number = 0
    for page in document.presentation.childNodes:
        if _qname(page) != (DRAWNS, "page"):
            continue
        number += 1
        lines: list[str] = []
        tables: list[Any] = []
        _odf_walk(page, lines, tables, 0)
        if any(line.strip() for line in lines):
            yield TextBlock("\n".join(lines), f"slide {number}")


def _repeat(node: Any, attribute: str) -> int:
    try:
        return max(1, int(node.getAttribute(attribute) or 1))
    except (TypeError, ValueError):
        return 1


def _odf_table_rows(table: Any) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Rows of an ODF table with repeats expanded; a repeated empty row or cell (a
    sheet declares a million of them) only advances the counters."""
    from odf.namespaces import TABLENS

    number = 0
    for row in _odf_rows(table, TABLENS, 0):
        repeat = _repeat(row, "numberrowsrepeated")
        cells: list[str] = []
        for cell in row.childNodes:
            if _qname(cell) not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                continue
            text = "\n".join(
                _odf_text(p) for p in cell.childNodes if _qname(p)[1] in ("p", "h")
            ).strip()
            times = _repeat(cell, "numbercolumnsrepeated")
            if text:
                cells.extend([text] * min(times, _ODF_MAX_REPEAT))
            elif times < _ODF_MAX_REPEAT:
                cells.extend([""] * times)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            for i in range(min(repeat, _ODF_MAX_REPEAT)):
                yield number + 1 + i, tuple(cells)
        number += repeat


def _odf_rows(node: Any, tablens: str, depth: int) -> Sequence[Any]:
    rows: list[Any] = []
    for child in getattr(node, "childNodes", ()):
        name = _qname(child)
        if name == (tablens, "table-row"):
            rows.append(child)
        elif name[0] == tablens and name[1] in _ROW_GROUPS:
            rows.extend(_odf_rows(child, tablens, depth + 1))
    return rows
