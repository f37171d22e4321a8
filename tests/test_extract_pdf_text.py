"""PDF page text through PDFium reads as pypdf reads it: same lines, and runs of
typed spaces (which the detectors use as field separators) kept, while the
stretched gaps of a justified paragraph stay single spaces.

PDFs are written with fpdf2 (core fonts, as district forms are) and read back
both ways: `pdf_blocks` (PDFium for the text) and pypdf's own `extract_text`.
"""

from __future__ import annotations

import io

from fpdf import FPDF
from pypdf import PdfReader

from bench import _writers as w
from scanners.extract import Limits, TextBlock
from scanners.extract._pdf import _pdfium_document, pdf_blocks

_JUSTIFIED = (
    "Our records show that Michael Johnson (Student ID 502233) was absent without excuse "
    "on 09/12/2026, 09/13/2026, 09/28/2026 and 10/29/2026. Massachusetts law requires "
    "regular attendance; please contact the main office to schedule a meeting."
)


def _form() -> bytes:
    pdf = FPDF(format="Letter")
    for font in ("Helvetica", "Times", "Courier"):
        pdf.add_page()
        pdf.set_font(font, size=11)
        pdf.multi_cell(0, 6, "Student name: Victoria Humphrey   Grade 3", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.multi_cell(0, 6, "SASID 1310760059  Homeroom 119", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, _JUSTIFIED, align="J", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _pages(data: bytes) -> list[tuple[str, str]]:
    blocks = list(pdf_blocks(io.BytesIO(data), Limits()))
    assert all(isinstance(b, TextBlock) for b in blocks)
    return [(b.location, b.text) for b in blocks if isinstance(b, TextBlock)]


def test_pdfium_text_matches_pypdf_with_typed_space_runs_and_justified_lines() -> None:
    data = _form()
    assert _pdfium_document(io.BytesIO(data)) is not None  # the fast path is the one read
    ours = _pages(data)
    reference = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert [text for _, text in ours] == reference
    assert [where for where, _ in ours] == ["page 1", "page 2", "page 3"]
    for _, text in ours:
        assert "Victoria Humphrey   Grade 3" in text
        assert "SASID 1310760059  Homeroom 119" in text
        assert "Our records show that" in text  # justified: no invented runs


def test_writer_pdfs_match_pypdf() -> None:
    data = w.pdf_bytes([["IEP for Amara Okafor", "DOB: 04/09/2013   SASID 1034567890"],
                        ["Page two: guardian (617) 555-0142"]],
                       tables=[[["Name", "Minutes"], ["Speech", "30"]]])
    ours = [text for _, text in _pages(data)]
    assert ours == [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_file_pdfium_refuses_is_read_by_pypdf() -> None:
    data = w.pdf_bytes([["Student: Teo Lindqvist   DOB 11/30/2012"]])
    broken = data.replace(b"%PDF-", b"%XXX-", 1)  # no header: PDFium gives up, pypdf reads on
    assert _pdfium_document(io.BytesIO(broken)) is None
    ours = _pages(broken)
    assert ours == [("page 1", PdfReader(io.BytesIO(broken), strict=False).pages[0].extract_text())]
    assert "Teo Lindqvist   DOB 11/30/2012" in ours[0][1]
