"""PDF page text through PDFium reads as pypdf reads it: same lines, and runs of
typed spaces (which the detectors use as field separators) kept, while the
stretched gaps of a justified paragraph stay single spaces.

PDFs are written with fpdf2 (core fonts, as district forms are) and read back
both ways: `pdf_blocks` (PDFium for the text) and pypdf's own `extract_text`.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader

from bench import _writers as w
from scanners.extract import Limits, TextBlock, _pdf
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
        pdf.multi_cell(
            0, 6, "Student name: Victoria Humphrey   Grade 3", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.multi_cell(0, 6, "SASID 1310760059  Homeroom 119", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, _JUSTIFIED, align="J", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _drawing_only() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a scanner's image PDF: pages, no text
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
    data = w.pdf_bytes(
        [
            ["IEP for Amara Okafor", "DOB: 04/09/2013   SASID 1034567890"],
            ["Page two: guardian (617) 555-0142"],
        ],
        tables=[[["Name", "Minutes"], ["Speech", "30"]]],
    )
    ours = [text for _, text in _pages(data)]
    assert ours == [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_file_pdfium_refuses_is_read_by_pypdf() -> None:
    data = w.pdf_bytes([["Student: Teo Lindqvist   DOB 11/30/2012"]])
    broken = data.replace(b"%PDF-", b"%XXX-", 1)  # no header: PDFium gives up, pypdf reads on
    assert _pdfium_document(io.BytesIO(broken)) is None
    ours = _pages(broken)
    assert ours == [("page 1", PdfReader(io.BytesIO(broken), strict=False).pages[0].extract_text())]
    assert "Teo Lindqvist   DOB 11/30/2012" in ours[0][1]


# --- PDFium alone for a plain file; pypdf for encrypted files and forms -------


def _blocks_both_ways(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """Blocks (or the error) read PDFium-first, and read as before: pypdf first."""

    def read() -> object:
        try:
            return [
                (b.location, b.text)
                for b in pdf_blocks(io.BytesIO(data), Limits())
                if isinstance(b, TextBlock)
            ]
        except Exception as exc:
            return (type(exc), str(exc))

    fast = read()
    with monkeypatch.context() as patch:
        patch.setattr(_pdf, "_plain", lambda document: False)
        slow = read()
    return fast, slow


@pytest.mark.parametrize(
    "make",
    [
        lambda: _form(),
        lambda: w.pdf_bytes(
            [["Report card", "Amara Okafor grade 5"], ["Teacher: Ms. Diaz"]],
            tables=[[["Name", "Minutes"], ["Speech", "30"]]],
        ),
        lambda: w.pdf_bytes([["Ünïcödé: Zoë Çelik, SASID 1034567890"]]),
        lambda: w.fillable_pdf_bytes(["Health form"], {"Name": "Amara", "DOB": "2013-04-09"}),
        lambda: w.pdf_bytes([["SSN 123-45-6789"]], user_password="s3cret!"),
        _drawing_only,
    ],
    ids=["form-fonts", "tables", "unicode", "fillable", "encrypted", "no-text"],
)
def test_pdfium_first_reads_what_pypdf_first_reads(
    make: Callable[[], bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = _blocks_both_ways(make(), monkeypatch)
    assert fast == slow


def test_plain_pdf_and_acroform_are_read_without_pypdf(tmp_path: Path) -> None:
    """pypdf costs more to import than a page costs to read: neither a plain PDF nor
    a filled-in form imports it (a fresh interpreter, so nothing is imported yet);
    an encrypted file does."""
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_form())
    form = tmp_path / "form.pdf"
    form.write_bytes(w.fillable_pdf_bytes(["Health form"], {"Name": "Amara"}))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(w.pdf_bytes([["SSN 123-45-6789"]], user_password="s3cret!"))
    script = (
        "import sys; from pathlib import Path; from scanners.extract import extract_path\n"
        "for d in extract_path(Path(sys.argv[1])): list(d.blocks)\n"
        "print(d.status.value, 'pypdf' in sys.modules)\n"
    )
    for path, imported in ((plain, "False"), (form, "False"), (locked, "True")):
        run = subprocess.run(
            [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
        )
        status = "skipped" if path is locked else "scanned"  # no password: reported, unread
        assert run.stdout.split() == [status, imported]


def _awkward_form() -> bytes:
    """A form as districts' vendors make them: a field with a tooltip label (/TU), a
    field nested under a parent ("guardian.phone"), one field shown on two pages,
    a ticked check box, a signature, an empty field and a choice field."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(w.pdf_bytes([["IEP"], ["page two"]]))))

    def rect(i: int) -> ArrayObject:
        return ArrayObject([FloatObject(v) for v in (72, 600 - 30 * i, 400, 620 - 30 * i)])

    def widget(i: int, **keys: object) -> DictionaryObject:
        entries = {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/F"): NumberObject(4),
            NameObject("/Rect"): rect(i),
        }
        entries.update({NameObject("/" + k): v for k, v in keys.items()})  # type: ignore[misc]
        return DictionaryObject(entries)

    text = NameObject("/Tx")
    fields = [
        widget(
            0,
            FT=text,
            T=TextStringObject("s1"),
            TU=TextStringObject("Student name"),
            V=TextStringObject("Amara Okafor"),
        ),
        widget(1, FT=text, T=TextStringObject("dob"), V=TextStringObject("2013-04-09")),
        widget(
            2,
            FT=NameObject("/Btn"),
            T=TextStringObject("consent"),
            V=NameObject("/Yes"),
            AS=NameObject("/Yes"),
        ),
        widget(3, FT=text, T=TextStringObject("notes"), V=TextStringObject("")),
        widget(
            4,
            FT=NameObject("/Ch"),
            T=TextStringObject("placement"),
            V=TextStringObject("Resource room"),
            Opt=ArrayObject([TextStringObject("Resource room"), TextStringObject("Inclusion")]),
        ),
    ]
    refs = ArrayObject(writer._add_object(f) for f in fields)
    parent = DictionaryObject(
        {NameObject("/T"): TextStringObject("guardian"), NameObject("/FT"): text}
    )
    parent_ref = writer._add_object(parent)
    kid = widget(
        5, T=TextStringObject("phone"), V=TextStringObject("(617) 555-0142"), Parent=parent_ref
    )
    kid_ref = writer._add_object(kid)
    parent[NameObject("/Kids")] = ArrayObject([kid_ref])
    twice = DictionaryObject(
        {
            NameObject("/T"): TextStringObject("sasid"),
            NameObject("/FT"): text,
            NameObject("/V"): TextStringObject("1034567890"),
        }
    )
    twice_ref = writer._add_object(twice)
    shown = [writer._add_object(widget(6 + i, Parent=twice_ref)) for i in range(2)]
    twice[NameObject("/Kids")] = ArrayObject(shown)
    writer.pages[0][NameObject("/Annots")] = ArrayObject([*refs, kid_ref, shown[0]])
    writer.pages[1][NameObject("/Annots")] = ArrayObject([shown[1]])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([*refs, parent_ref, twice_ref])}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdfium_reads_an_awkward_form_as_pypdf_does(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = _blocks_both_ways(_awkward_form(), monkeypatch)
    assert isinstance(fast, list) and isinstance(slow, list)
    fields = dict(fast)["form fields"].splitlines()
    assert sorted(fields) == sorted(dict(slow)["form fields"].splitlines())
    assert sorted(fields) == [
        "Student name: Amara Okafor",
        "dob: 2013-04-09",
        "guardian.phone: (617) 555-0142",
        "placement: Resource room",
        "sasid: 1034567890",
    ]
    assert [loc for loc, _ in fast] == [loc for loc, _ in slow]


def test_page_pdfium_cannot_read_is_read_by_pypdf(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _form()
    real = _pdf._pdfium_text
    monkeypatch.setattr(
        _pdf, "_pdfium_text", lambda document, index: None if index == 1 else real(document, index)
    )
    ours = _pages(data)
    reference = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert [text for _, text in ours] == reference


@pytest.mark.parametrize(
    "make",
    [
        _form,
        lambda: w.pdf_bytes(
            [["Ünïcödé: Zoë Çelik"], [], ["third page"]],
            tables=[[["Name", "Minutes"], ["Speech", "30"]]],
        ),
        _drawing_only,
    ],
    ids=["fonts", "unicode-tables-empty-page", "no-text"],
)
def test_raw_page_text_is_pypdfium2s(make: Callable[[], bytes]) -> None:
    """The text is read through PDFium's bare bindings as pypdfium2's
    `get_text_range` reads it (its helper layer costs more to import than a
    page costs to read)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(make())
    for page in document:
        textpage = page.get_textpage()
        assert _pdf._page_text(textpage.raw) == textpage.get_text_range()
