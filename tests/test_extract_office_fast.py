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

from scanners.extract import Limits, TableBlock, TextBlock, _office
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
    for r, row in enumerate([["Subject", "Term 1", "Teacher"], ["Math", "A-", "Ms. Diaz"],
                             ["Reading", "B+", "Mr. Chen"]]):
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
    return _flatten(_office._docx_iter(docx.Document(io.BytesIO(data))))


def test_light_docx_reads_what_python_docx_reads() -> None:
    data = _report()
    light = _flatten(_office._docx_iter(_office._LightDocument(io.BytesIO(data))))
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
        _office._LightDocument(io.BytesIO(broken))
    with pytest.raises(KeyError) as library:
        docx.Document(io.BytesIO(broken)).sections[0].header.paragraphs  # noqa: B018
    with pytest.raises(KeyError) as ours:
        _flatten(_office.docx_blocks(io.BytesIO(broken), Limits()))
    assert str(ours.value) == str(library.value)
