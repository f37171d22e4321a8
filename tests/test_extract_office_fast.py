"""Word files read from their text parts only give what python-docx's whole
`Document` gives: same blocks, same locations, same merged-cell handling.

Documents are made with python-docx itself (several sections, linked and
unlinked headers, merged cells), then read both ways and compared.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.section import WD_SECTION

from bench import _writers as w
from scanners.extract import Limits, TableBlock, TextBlock, _office, _office_libs
from scanners.extract._ooxml import Unsupported

Flat = list[tuple[str, str, object]]


def _flatten(blocks: object) -> Flat:
    out: Flat = []
    for block in blocks:  # type: ignore[attr-defined]
        if isinstance(block, TableBlock):
            out.append(("table", block.location, (block.header, list(block.rows))))
        else:
            assert isinstance(block, TextBlock)
            out.append(("text", block.location, block.text))
    return out


def _report() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "CONFIDENTIAL student record"
    document.sections[0].footer.paragraphs[0].text = "Page footer: Lincoln Elementary"
    document.add_paragraph("Student: Amara Okafor, DOB 04/09/2013")
    grid = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ["Subject", "Term 1", "Teacher"],
            ["Math", "A-", "Ms. Diaz"],
            ["Reading", "B+", "Mr. Chen"],
        ]
    ):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    grid.cell(1, 2).merge(grid.cell(2, 2))  # one teacher for both rows
    merged = grid.cell(0, 0).merge(grid.cell(0, 1))
    merged.text = "Subject and term"
    document.add_section(WD_SECTION.NEW_PAGE)  # header linked to the first one
    document.add_paragraph("Guardian: Ngozi Okafor (617) 555-0142")
    third = document.add_section(WD_SECTION.NEW_PAGE)
    third.header.is_linked_to_previous = False
    third.header.paragraphs[0].text = "IEP attachment"
    document.add_paragraph("Accommodations: extended time")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _full(data: bytes) -> Flat:
    return _flatten(_office_libs._docx_iter(docx.Document(io.BytesIO(data))))


def test_light_docx_reads_what_python_docx_reads() -> None:
    data = _report()
    light = _flatten(_office_libs._docx_iter(_office_libs._LightDocument(io.BytesIO(data))))
    assert light == _full(data)
    assert light == _flatten(_office.docx_blocks(io.BytesIO(data), Limits()))
    where = {loc: value for _, loc, value in light}
    assert "Guardian: Ngozi Okafor" in str(where["body"])
    headers = [value for _, loc, value in light if loc == "header"]
    assert headers == ["CONFIDENTIAL student record", "IEP attachment"]
    assert where["footer"] == "Page footer: Lincoln Elementary"
    assert "Ms. Diaz" in str(where["table 1"])


def test_unfollowable_header_hands_over_to_python_docx() -> None:
    data = _report()
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                # a section points at a header relationship that does not exist
                body = body.replace(b'r:id="rId', b'r:id="rIdMissing', 1)
            dst.writestr(info, body)
    broken = rebuilt.getvalue()
    with pytest.raises(Unsupported):
        _office_libs._LightDocument(io.BytesIO(broken))
    with pytest.raises(KeyError) as library:
        docx.Document(io.BytesIO(broken)).sections[0].header.paragraphs  # noqa: B018
    with pytest.raises(KeyError) as ours:
        _flatten(_office.docx_blocks(io.BytesIO(broken), Limits()))
    assert str(ours.value) == str(library.value)


# --- OpenDocument: content.xml through lxml vs odfpy's whole document ---------


def _odf_both(data: bytes, kind: str) -> tuple[Flat, Flat]:
    from odf.opendocument import load

    from scanners.extract._odf import odf_fast_blocks

    fast = _flatten(odf_fast_blocks(io.BytesIO(data), kind))
    document = load(io.BytesIO(data))
    libs = _office_libs
    iters = {"odt": libs._odt_iter, "ods": libs._ods_iter, "odp": libs._odp_iter}
    return fast, _flatten(iters[kind](document))


def test_a_damaged_odf_leaves_odfpys_namespaces_as_they_were() -> None:
    """An element with no namespace in a document odfpy reads: odfpy's process-wide table
    of prefixes gains no entry for it, and what odfpy writes next is still XML."""
    from lxml import etree
    from odf.element import Element
    from odf.namespaces import nsdict

    data = w.odt_bytes(["Health note for Amara"])
    source = zipfile.ZipFile(io.BytesIO(data))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as archive:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "content.xml":
                content = content.replace(b"</office:text>", b"<stray>x</stray></office:text>")
            archive.writestr(item, content)
    before = dict(nsdict), dict(Element.namespaces)
    _flatten(_office_libs.odf_library_blocks(io.BytesIO(damaged.getvalue()), "odt"))
    assert (dict(nsdict), dict(Element.namespaces)) == before
    written = zipfile.ZipFile(io.BytesIO(w.odt_bytes(["Next document"]))).read("content.xml")
    etree.fromstring(written)  # raises on an empty namespace declaration


def _odf_save(document: object) -> bytes:
    out = io.BytesIO()
    document.write(out)  # type: ignore[attr-defined]
    return out.getvalue()


def test_odt_spaces_tabs_breaks_sections_and_tables_match_odfpy() -> None:
    from odf.opendocument import OpenDocumentText
    from odf.table import CoveredTableCell, Table, TableCell, TableHeaderRows, TableRow
    from odf.text import H, LineBreak, P, S, Section, Span, Tab

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="IEP meeting notes"))
    para = P(text="Student:")
    para.addElement(S(c=3))
    para.addElement(Span(text="Amara Okafor"))
    para.addElement(Tab())
    para.addText("SASID 1034567890")
    para.addElement(LineBreak())
    para.addText("Guardian (617) 555-0142")
    document.text.addElement(para)
    section = Section(name="Plan")
    section.addElement(P(text="Accommodations: extended time"))
    document.text.addElement(section)
    table = Table(name="Services")
    head = TableHeaderRows()
    row = TableRow()
    for label in ("Service", "Minutes", "Provider"):
        cell = TableCell()
        cell.addElement(P(text=label))
        row.addElement(cell)
    head.addElement(row)
    table.addElement(head)
    row = TableRow(numberrowsrepeated=2)
    cell = TableCell(numbercolumnsspanned=2)
    cell.addElement(P(text="Speech 30"))
    row.addElement(cell)
    row.addElement(CoveredTableCell())
    cell = TableCell()
    cell.addElement(P(text="Ms. Diaz"))
    row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    fast, slow = _odf_both(_odf_save(document), "odt")
    assert fast == slow
    body = str(dict((loc, v) for _, loc, v in fast)["body"])
    assert "Student:   Amara Okafor\tSASID 1034567890\nGuardian (617) 555-0142" in body
    assert "Accommodations: extended time" in body
    assert fast[-1][2] == (
        ("Service", "Minutes", "Provider"),
        [(2, ("Speech 30", "", "Ms. Diaz")), (3, ("Speech 30", "", "Ms. Diaz"))],
    )


def test_ods_sheets_repeats_and_odp_slides_match_odfpy() -> None:
    from odf.draw import Frame, Page, TextBox
    from odf.opendocument import OpenDocumentPresentation, OpenDocumentSpreadsheet
    from odf.style import MasterPage, PageLayout
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    sheet_doc = OpenDocumentSpreadsheet()
    table = Table(name="Grades")
    for values, repeat in ((["Name", "GPA"], 1), ([], 3), (["Teo Lindqvist", "3.4"], 1)):
        row = TableRow(numberrowsrepeated=repeat) if repeat > 1 else TableRow()
        if not values:
            row.addElement(TableCell(numbercolumnsrepeated=1024))
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    sheet_doc.spreadsheet.addElement(table)
    fast, slow = _odf_both(_odf_save(sheet_doc), "ods")
    assert fast == slow
    assert fast == [("table", "sheet Grades", (("Name", "GPA"), [(5, ("Teo Lindqvist", "3.4"))]))]

    slides = OpenDocumentPresentation()
    layout = PageLayout(name="Layout")
    slides.automaticstyles.addElement(layout)
    master = MasterPage(name="Default", pagelayoutname=layout)
    slides.masterstyles.addElement(master)
    for text in ("Welcome families", "Contact: Rosa Diaz, rdiaz@example.org"):
        page = Page(masterpagename=master)
        frame = Frame(width="20cm", height="3cm", x="1cm", y="1cm")
        box = TextBox()
        box.addElement(P(text=text))
        frame.addElement(box)
        page.addElement(frame)
        slides.presentation.addElement(page)
    fast, slow = _odf_both(_odf_save(slides), "odp")
    assert fast == slow
    assert fast[1] == ("text", "slide 2", "Contact: Rosa Diaz, rdiaz@example.org")


def test_odf_of_another_kind_hands_over_to_odfpy() -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    from scanners.extract._odf import odf_fast_blocks

    document = OpenDocumentText()
    document.text.addElement(P(text="Only a text document"))
    data = _odf_save(document)
    with pytest.raises(Unsupported):
        odf_fast_blocks(io.BytesIO(data), "ods")


# --- PowerPoint: slides and notes only vs python-pptx's whole package ----------


def test_light_pptx_reads_what_python_pptx_reads() -> None:
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[1])
    first.shapes.title.text = "Grade 5 field trip"
    first.placeholders[1].text = "Chaperone: Rosa Diaz (617) 555-0142"
    group = first.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1))
    box.text_frame.text = "Grouped note: bring EpiPen for Teo Lindqvist"
    first.notes_slide.notes_text_frame.text = "Speaker notes: Amara Okafor, SASID 1034567890"
    second = deck.slides.add_slide(deck.slide_layouts[5])
    frame = second.shapes.add_table(3, 2, Inches(1), Inches(1), Inches(6), Inches(2))
    for r, row in enumerate(
        [["Student", "Allergy"], ["Teo Lindqvist", "Peanuts"], ["Amara Okafor", "None"]]
    ):
        for c, value in enumerate(row):
            frame.table.cell(r, c).text = value
    out = io.BytesIO()
    deck.save(out)
    data = out.getvalue()

    light = _flatten(_office_libs._pptx_iter(_office_libs._LightPresentation(io.BytesIO(data))))
    full = _flatten(_office_libs._pptx_iter(pptx.Presentation(io.BytesIO(data))))
    assert light == full
    assert light == _flatten(_office.pptx_blocks(io.BytesIO(data), Limits()))
    where = {loc: value for _, loc, value in light}
    assert "Grouped note: bring EpiPen" in str(where["slide 1"])
    assert where["slide 1 notes"] == "Speaker notes: Amara Okafor, SASID 1034567890"
    assert where["slide 2 table 1"] == (
        ("Student", "Allergy"),
        [(2, ("Teo Lindqvist", "Peanuts")), (3, ("Amara Okafor", "None"))],
    )
