"""Every format, made by its real writer library, read back with its locations.

Files are named with misleading extensions on purpose: the type must come from
the content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import os
import zipfile
from pathlib import Path

import pytest
from extract_helpers import Drained, by_path, drain

from bench import _writers as w
from scanners.extract import (
    Limits,
    TableBlock,
    TextBlock,
    column_letter,
    extract_bytes,
    extract_path,
)
from scanners.findings import ScanStatus

ROSTER = [
    ["Student ID", "Last Name", "First Name", "DOB", "Guardian Phone"],
    ["1034567890", "Okafor", "Amara", "2013-04-09", "(617) 555-0142"],
    ["1098765432", "Lindqvist", "Teo", "2012-11-30", "617-555-0199"],
]


def one(data: bytes, name: str = "file.bin") -> Drained:
    docs = drain(extract_bytes(data, name))
    assert len(docs) == 1, [d.path for d in docs]
    return docs[0]


def test_csv_header_types_columns_and_rows_count_from_the_header() -> None:
    doc = one(w.csv_bytes(ROSTER), "roster.txt")
    assert (doc.kind, doc.status) == ("csv", ScanStatus.SCANNED)
    ((table, rows),) = doc.tables
    assert table.header == tuple(ROSTER[0])
    assert rows == [(2, tuple(ROSTER[1])), (3, tuple(ROSTER[2]))]


def test_tsv_and_semicolon_dialects_are_sniffed() -> None:
    tsv = one(w.csv_bytes(ROSTER, delimiter="\t"), "export.dat")
    semi = one(w.csv_bytes(ROSTER, delimiter=";"), "export.dat")
    assert tsv.kind == "tsv"
    assert semi.kind == "csv"
    assert tsv.tables[0][1][0][1][3] == "2013-04-09"
    assert semi.tables[0][0].header[0] == "Student ID"


def test_headerless_csv_keeps_every_row_with_unnamed_columns() -> None:
    doc = one(w.csv_bytes(ROSTER[1:]), "x")
    ((table, rows),) = doc.tables
    assert table.header == ("",) * 5
    assert [n for n, _ in rows] == [1, 2]


def test_prose_with_commas_is_text_and_lines_are_numbered() -> None:
    text = "Dear families,\nThe picnic is on Friday, weather permitting.\nThanks, Ms. Rivera\n"
    doc = one(text.encode(), "notes.csv")
    assert doc.kind == "text"
    assert doc.texts[0].first_line == 1
    assert doc.texts[0].text == text


@pytest.mark.parametrize(
    ("encoding", "sample"),
    [
        ("utf-8", "Zoë Brontë, naïve café — 1034567890"),
        ("utf-16", "Zoë Brontë, naïve café — 1034567890"),
        ("cp1252", "Zoë Brontë, naïve café résumé François Müller"),
        ("latin-1", "José García, Straße, Ærø, Ñandú señor piñata"),
    ],
)
def test_common_encodings_are_detected(encoding: str, sample: str) -> None:
    body = "\n".join([sample] * 30)
    doc = one(body.encode(encoding), "letter")
    assert doc.kind == "text"
    assert sample in doc.texts[0].text


def test_bad_utf8_bytes_never_fail_the_file() -> None:
    data = b"Name: Amara Okafor\n" + b"\xff\xfe\xc3(\x80 broken\n" + b"SASID 1034567890\n"
    doc = one(data, "bad.txt")
    assert doc.status is ScanStatus.SCANNED
    assert "SASID 1034567890" in doc.all_text()
    assert "Amara Okafor" in doc.all_text()


def test_json_records_become_a_table_and_keys_give_context() -> None:
    data = json.dumps(
        {
            "school": "Graham & Parks",
            "contact": {"principal": "Dana Whitfield", "phone": "617-555-0100"},
            "students": [
                {"name": "Amara Okafor", "sasid": "1034567890", "dob": "2013-04-09"},
                {"name": "Teo Lindqvist", "sasid": "1098765432", "dob": "2012-11-30"},
            ],
        }
    ).encode()
    doc = one(data, "export.txt")
    assert doc.kind == "json"
    assert "principal: Dana Whitfield" in doc.texts[0].text
    ((table, rows),) = doc.tables
    assert table.location == "$.students"
    assert table.header == ("name", "sasid", "dob")
    assert rows[1] == (2, ("Teo Lindqvist", "1098765432", "2012-11-30"))


def test_json_records_with_nested_fields_and_word_lists_are_still_a_table() -> None:
    """An SIS export's referral: a nested object and a list of planned assessments in
    each record; a list of objects (guardians) or of notes in prose makes no table."""
    records = [
        {
            "stdIDLocal": "241730",
            "stdNameView": "Thompson, Maya",
            "referral": {"refDate": "2024-10-03", "plannedAssessments": ["FBA", "OT"]},
        },
        {
            "stdIDLocal": "241969",
            "stdNameView": "Jackson, Mateo",
            "referral": {"refDate": "2024-09-21", "plannedAssessments": ["Psych"]},
        },
    ]
    doc = one(json.dumps({"records": records}).encode(), "export.json")
    ((table, rows),) = doc.tables
    assert table.header == (
        "stdIDLocal",
        "stdNameView",
        "referral refDate",
        "referral plannedAssessments",
    )
    assert rows[0] == (1, ("241730", "Thompson, Maya", "2024-10-03", "FBA; OT"))
    for record in records:
        record["guardians"] = [{"name": "Ana Thompson"}, {"name": "Luis Thompson"}]
    nested = one(json.dumps({"records": records}).encode(), "export.json")
    assert [table.location for table, _ in nested.tables] == [
        "$.records[0].guardians",
        "$.records[1].guardians",
    ]
    assert "stdNameView: Thompson, Maya" in nested.all_text()
    for record in records:
        record["guardians"] = ["forwarded to EHS guidance; card # should not be in the ticket"]
    noted = one(json.dumps({"records": records}).encode(), "export.json")
    assert not noted.tables
    assert "stdNameView: Thompson, Maya" in noted.all_text()


def test_json_lines_are_read_as_records() -> None:
    data = (
        b'{"name": "Amara Okafor", "ssn": "123-45-6789"}\n{"name": "Teo L", "ssn": "234-56-7890"}\n'
    )
    doc = one(data, "x.jsonl")
    assert doc.kind == "json"
    assert doc.tables[0][0].header == ("name", "ssn")


def test_json_beyond_the_structured_limit_is_streamed_as_text() -> None:
    data = json.dumps({"students": [{"name": "Amara Okafor", "sasid": "1034567890"}] * 50})
    limits = Limits(max_structured_bytes=1024, chunk_chars=500, overlap_chars=50)
    docs = drain(extract_bytes(data.encode(), "big.json", limits))
    (doc,) = docs
    assert (doc.kind, doc.status) == ("text", ScanStatus.SCANNED)
    assert len(doc.texts) > 3
    assert all(len(b.text) <= 500 for b in doc.texts)
    assert doc.texts[-1].offset + len(doc.texts[-1].text) == len(data)
    assert '"sasid": "1034567890"' in doc.texts[0].text


def test_text_that_only_starts_like_json_is_scanned_as_text() -> None:
    doc = one(b"[draft] notes for Amara Okafor\nSASID 1034567890\n", "x")
    assert (doc.kind, doc.status) == ("text", ScanStatus.SCANNED)
    assert "1034567890" in doc.all_text()


def test_xml_tags_and_attributes_are_context() -> None:
    data = (
        b'<?xml version="1.0"?><roster xmlns="urn:sif"><student sasid="1034567890">'
        b"<name>Amara Okafor</name><dob>2013-04-09</dob></student></roster>"
    )
    doc = one(data, "sif.dat")
    assert doc.kind == "xml"
    lines = doc.texts[0].text.splitlines()
    assert "student@sasid: 1034567890" in lines
    assert "dob: 2013-04-09" in lines


def test_xml_entity_bomb_is_not_expanded_but_the_text_is_still_scanned() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b"]><lolz>&lol9; SSN 123-45-6789</lolz>"
    )
    doc = one(bomb, "bomb.xml")
    assert doc.status is ScanStatus.SCANNED
    text = doc.all_text()
    assert "123-45-6789" in text
    assert len(text) < len(bomb) * 2  # nothing was expanded


def test_html_visible_text_and_tables_without_scripts() -> None:
    data = (
        b"<!DOCTYPE html><html><head><title>t</title><script>var ssn='999-99-9999'</script>"
        b"</head><body><h1>Honor roll</h1><p>Congratulations!</p><table>"
        b"<tr><th>Name</th><th>GPA</th></tr><tr><td>Amara Okafor</td><td>3.9</td></tr>"
        b"</table></body></html>"
    )
    doc = one(data, "page.txt")
    assert doc.kind == "html"
    assert "Honor roll" in doc.texts[0].text
    assert "999-99-9999" not in doc.all_text()
    ((table, rows),) = doc.tables
    assert table.header == ("Name", "GPA")
    assert rows == [(2, ("Amara Okafor", "3.9"))]


def test_html_cells_spanning_rows_and_columns_keep_the_columns_in_place() -> None:
    """A chaperone's cell spans his students' rows (rowspan): each of them is beside him,
    and every student's SASID under "SASID", not under "Student". A cell across columns
    (colspan) is one value, the columns after it empty. A cell's lines stay words apart
    ("<b>Rahul Venkataraman</b><br>Cell: ..."). A hostile span stops at HTML's bounds."""
    data = (
        b"<html><body><table>"
        b"<tr><th>Chaperone</th><th>Student</th><th>SASID</th><th>DOB</th></tr>"
        b'<tr><td rowspan="2"><b>Rahul Venkataraman</b><br>Cell: 508-330-2918</td>'
        b"<td>Arjun Iyer</td><td>1047382915</td><td>05/14/2014</td></tr>"
        b"<tr><td>Diego Reyes</td><td>1039928471</td><td>11/02/2013</td></tr>"
        b'<tr><td colspan="2">Totals</td><td>2</td><td></td></tr>'
        b"</table></body></html>"
    )
    ((table, rows),) = one(data, "chaperones.html").tables
    assert table.header == ("Chaperone", "Student", "SASID", "DOB")
    chaperone = "Rahul Venkataraman Cell: 508-330-2918"
    assert rows == [
        (2, (chaperone, "Arjun Iyer", "1047382915", "05/14/2014")),
        (3, (chaperone, "Diego Reyes", "1039928471", "11/02/2013")),
        (4, ("Totals", "", "2", "")),
    ]
    hostile = b'<table><tr><td colspan="99999999">x</td><td rowspan="abc">y</td></tr></table>'
    ((wide, _),) = one(hostile, "wide.html").tables
    assert wide.header[0] == "x" and wide.header[-1] == "y"
    assert len(wide.header) <= 1001


def test_docx_paragraphs_tables_and_header() -> None:
    data = w.docx_bytes(
        ["IEP meeting notes", "Student: Amara Okafor", "Accommodations: extended time"],
        [ROSTER],
        header_text="CONFIDENTIAL student record",
    )
    doc = one(data, "notes.pdf")
    assert doc.kind == "docx"
    body = next(b for b in doc.texts if b.location == "body")
    assert body.text.splitlines()[1] == "Student: Amara Okafor"
    assert any(b.location == "header" and "CONFIDENTIAL" in b.text for b in doc.texts)
    table, rows = doc.tables[0]
    assert (table.location, table.header) == ("table 1", tuple(ROSTER[0]))
    assert rows[0] == (2, tuple(ROSTER[1]))


def test_docx_content_controls_and_text_boxes_are_read_once() -> None:
    """Form templates keep their fields in content controls (w:sdt) and text
    boxes, which python-docx's own paragraph list skips."""
    import copy

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("IEP cover page")
    control = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val='Student'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Student: Amara Okafor, SASID 1034567890</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(1, control)
    box = parse_xml(
        f"<w:p {nsdecls('w')} xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'"
        " xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>"
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx>"
        "<w:txbxContent><w:p><w:r><w:t>DOB 2013-04-09</w:t></w:r></w:p></w:txbxContent>"
        "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>DOB 2013-04-09</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    document.element.body.insert(2, copy.deepcopy(box))
    out = io.BytesIO()
    document.save(out)
    doc = one(out.getvalue(), "form.docx")
    body = next(b for b in doc.texts if b.location == "body").text
    assert "Student: Amara Okafor, SASID 1034567890" in body.splitlines()
    assert body.count("DOB 2013-04-09") == 1


def test_docx_merged_cell_is_reported_once() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for c, name in enumerate(["Student", "SASID", "Plan"]):
        table.cell(0, c).text = name
    table.cell(1, 0).text = "Amara Okafor"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "1034567890"
    out = io.BytesIO()
    document.save(out)
    doc = one(out.getvalue(), "merged.docx")
    assert doc.tables[0][1] == [(2, ("Amara Okafor", "1034567890", ""))]


def test_xlsx_sheet_title_rows_header_and_real_row_numbers() -> None:
    data = w.xlsx_bytes(
        {
            "Grade 5": [
                ["Grade 5 roster, fall 2026"],
                [],
                ["Student ID", "Name", "DOB", "Score"],
                [1034567890, "Amara Okafor", dt.date(2013, 4, 9), 93.5],
                [],
                [1098765432, "Teo Lindqvist", dt.datetime(2012, 11, 30), 88],
            ],
            "Notes": [["Only a note"]],
        }
    )
    doc = one(data, "roster.csv")
    assert doc.kind == "xlsx"
    title = doc.texts[0]
    assert (title.location, title.first_line, title.text) == (
        "sheet Grade 5",
        1,
        "Grade 5 roster, fall 2026",
    )
    table, rows = doc.tables[0]
    assert table.location == "sheet Grade 5"
    assert table.header == ("Student ID", "Name", "DOB", "Score")
    assert rows == [
        (4, ("1034567890", "Amara Okafor", "2013-04-09", "93.5")),
        (6, ("1098765432", "Teo Lindqvist", "2012-11-30", "88")),
    ]
    notes = [t for t, _ in doc.tables if t.location == "sheet Notes"]
    assert notes and notes[0].header == ("",)


@pytest.mark.parametrize(
    ("index", "letter"),
    [
        (0, "A"),
        (2, "C"),
        (25, "Z"),
        (26, "AA"),
        (27, "AB"),
        (701, "ZZ"),
        (702, "AAA"),
        (16383, "XFD"),
    ],
)
def test_column_letters_name_cells_as_spreadsheets_do(index: int, letter: str) -> None:
    assert column_letter(index) == letter


def test_xlsx_cells_are_aligned_from_column_a() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Pay"
    sheet["C3"], sheet["D3"] = "Name", "SSN"
    sheet["C4"], sheet["D4"] = "Amara Okafor", "123-45-6789"
    out = io.BytesIO()
    book.save(out)
    ((table, rows),) = one(out.getvalue()).tables
    ((number, cells),) = rows
    column = cells.index("123-45-6789")
    assert (table.header[column], f"{column_letter(column)}{number}") == ("SSN", "D4")


def test_xlsm_is_told_apart_from_xlsx() -> None:
    doc = one(w.xlsx_bytes({"Pay": ROSTER}, macro=True), "book.xlsx")
    assert doc.kind == "xlsm"
    assert doc.tables[0][0].header == tuple(ROSTER[0])


def test_pptx_slides_tables_and_notes() -> None:
    data = w.pptx_bytes(
        [
            ("Welcome", ["Back to school night"], None, None),
            ("Support team", ["504 coordinator: Dana Whitfield"], ROSTER, "Amara needs a ramp"),
        ]
    )
    doc = one(data, "deck")
    assert doc.kind == "pptx"
    locations = [b.location for b in doc.texts]
    assert locations == ["slide 1", "slide 2", "slide 2 notes"]
    assert "504 coordinator" in doc.texts[1].text
    assert doc.tables[0][0].location == "slide 2 table 1"
    assert doc.tables[0][1][0] == (2, tuple(ROSTER[1]))


def test_odt_and_ods() -> None:
    odt = one(w.odt_bytes(["Health note", "Amara Okafor: asthma inhaler"], [ROSTER]), "a")
    ods = one(w.ods_bytes({"Roster": ROSTER, "Empty": []}), "b")
    assert odt.kind == "odt"
    assert odt.texts[0].text.splitlines() == ["Health note", "Amara Okafor: asthma inhaler"]
    assert odt.tables[0][0].header == tuple(ROSTER[0])
    assert ods.kind == "ods"
    table, rows = ods.tables[0]
    assert table.location == "sheet Roster"
    assert rows[1] == (3, tuple(ROSTER[2]))


def test_pdf_pages_are_located() -> None:
    data = w.pdf_bytes([["Report card", "Amara Okafor grade 5"], ["Teacher comments: excellent"]])
    doc = one(data, "card.docx")
    assert doc.kind == "pdf"
    assert [b.location for b in doc.texts] == ["page 1", "page 2"]
    assert "Amara Okafor" in doc.texts[0].text


def test_pdf_form_field_values_are_read() -> None:
    data = w.fillable_pdf_bytes(
        ["Health care plan"], {"StudentName": "Amara Okafor", "DOB": "2013-04-09", "Notes": ""}
    )
    doc = one(data, "form.pdf")
    fields = next(b for b in doc.texts if b.location == "form fields")
    assert fields.text.splitlines() == ["StudentName: Amara Okafor", "DOB: 2013-04-09"]


def test_pdf_without_text_layer_is_skipped_with_reason() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a drawing, no text: what a scanner's image PDF looks like
    doc = one(bytes(pdf.output()), "scan.pdf")
    assert doc.status is ScanStatus.SKIPPED
    assert doc.error is not None and "no text layer" in doc.error


def test_encrypted_pdf_is_skipped_as_encrypted() -> None:
    doc = one(w.pdf_bytes([["SSN 123-45-6789"]], user_password="s3cret!"), "locked.pdf")
    assert (doc.kind, doc.status) == ("pdf", ScanStatus.SKIPPED)
    assert doc.error is not None and doc.error.startswith("encrypted PDF")
    assert doc.texts == []


def test_pdf_with_only_an_owner_password_is_read() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(w.pdf_bytes([["Amara Okafor"]]))))
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    doc = one(out.getvalue(), "x.pdf")
    assert doc.status is ScanStatus.SCANNED
    assert "Amara Okafor" in doc.all_text()


def test_email_headers_body_and_recursive_attachments() -> None:
    inner = w.eml_bytes(
        sender="nurse@district.example.org",
        to="counselor@district.example.org",
        subject="Health plan",
        body="Amara Okafor: EpiPen in office",
        attachments=[("plan.docx", w.docx_bytes(["504 plan for Amara"]), "application/msword")],
    )
    data = w.eml_bytes(
        sender="Registrar <registrar@district.example.org>",
        to="principal@district.example.org",
        subject="Fall roster",
        body="Roster attached.\nSee also the forwarded note.",
        html="<p>Roster <b>attached</b>.</p>",
        attachments=[
            ("roster.xlsx", w.xlsx_bytes({"Roster": ROSTER}), "application/octet-stream"),
            ("fwd.eml", inner, "message/rfc822"),
        ],
    )
    docs = by_path(drain(extract_bytes(data, "mail.eml")))
    mail = docs["mail.eml"]
    assert mail.kind == "eml"
    headers = next(b for b in mail.texts if b.location == "headers")
    assert "Subject: Fall roster" in headers.text
    bodies = [b for b in mail.texts if b.location == "body"]
    assert len(bodies) == 1  # the plain alternative, not both
    assert "Roster attached." in bodies[0].text
    assert docs["mail.eml!roster.xlsx"].kind == "xlsx"
    assert docs["mail.eml!roster.xlsx"].tables[0][1][0][1][1] == "Okafor"
    assert docs["mail.eml!fwd.eml"].kind == "eml"
    assert "EpiPen" in docs["mail.eml!fwd.eml"].all_text()
    assert "504 plan" in docs["mail.eml!fwd.eml!plan.docx"].all_text()


def test_zip_members_nested_and_named_with_bang() -> None:
    inner = w.zip_bytes({"deep/m.csv": w.csv_bytes(ROSTER)})
    data = w.zip_bytes(
        {"rosters/a.csv": w.csv_bytes(ROSTER), "more.zip": inner, "Okafor_Amara_IEP.txt": b"x"}
    )
    docs = by_path(drain(extract_bytes(data, "a.zip")))
    assert set(docs) == {
        "a.zip",
        "a.zip!rosters/a.csv",
        "a.zip!more.zip",
        "a.zip!more.zip!deep/m.csv",
        "a.zip!Okafor_Amara_IEP.txt",
    }
    listing = docs["a.zip"].texts[0]
    assert listing.location == "member names"
    assert "Okafor_Amara_IEP.txt" in listing.text.splitlines()
    member = docs["a.zip!more.zip!deep/m.csv"]
    assert member.sha256 == hashlib.sha256(w.csv_bytes(ROSTER)).hexdigest()
    assert member.tables[0][1][0] == (2, tuple(ROSTER[1]))


def test_encrypted_zip_member_is_reported_as_encrypted() -> None:
    from extract_helpers import zipcrypto_zip

    docs = by_path(drain(extract_bytes(zipcrypto_zip("ssn.csv", b"n,ssn\n", b"pw"), "e.zip")))
    member = docs["e.zip!ssn.csv"]
    assert member.status is ScanStatus.SKIPPED
    assert member.error is not None and "encrypted" in member.error


def test_password_protected_office_file_is_reported_as_encrypted() -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    locked = io.BytesIO()
    OOXMLFile(io.BytesIO(w.xlsx_bytes({"Pay": ROSTER}))).encrypt("s3cret!", locked)
    doc = one(locked.getvalue(), "payroll.xlsx")
    assert (doc.kind, doc.status) == ("encrypted-office", ScanStatus.SKIPPED)
    assert doc.error == "encrypted Office document: a password is required to read it"


def test_password_protected_opendocument_is_reported_as_encrypted() -> None:
    """The shape LibreOffice writes: a manifest with encryption data, content unreadable."""
    plain = zipfile.ZipFile(io.BytesIO(w.ods_bytes({"R": ROSTER})))
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        b'manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="900">'
        b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        b'<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        b'manifest:initialisation-vector="x"/></manifest:encryption-data>'
        b"</manifest:file-entry></manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in plain.infolist():
            if info.filename == "META-INF/manifest.xml":
                target.writestr(info, manifest)
            elif info.filename == "content.xml":
                target.writestr(info, os.urandom(900))
            else:
                target.writestr(info, plain.read(info))
    doc = one(out.getvalue(), "sheet.ods")
    assert (doc.kind, doc.status) == ("ods", ScanStatus.SKIPPED)
    assert doc.error == "encrypted document: a password is required to read it"


def test_images_and_unknown_binaries_are_skipped_with_reason() -> None:
    png = one(b"\x89PNG\r\n\x1a\n" + bytes(100), "scan.pdf")
    blob = one(bytes(range(256)) * 10, "data.csv")
    legacy = one(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old.doc")
    assert (png.status, png.kind, png.error) == (
        ScanStatus.SKIPPED,
        "image",
        "PNG image: no text layer to scan",
    )
    assert (blob.status, blob.error) == (ScanStatus.SKIPPED, "unknown binary format")
    assert legacy.status is ScanStatus.SKIPPED and "OLE2" in (legacy.error or "")


def test_empty_file_is_scanned_with_nothing_in_it() -> None:
    doc = one(b"", "empty.txt")
    assert (doc.status, doc.texts, doc.tables) == (ScanStatus.SCANNED, [], [])


def test_extract_path_reads_a_real_file_and_hashes_it(tmp_path: Path) -> None:
    path = tmp_path / "roster"
    data = w.xlsx_bytes({"R": ROSTER})
    path.write_bytes(data)
    (doc,) = drain(extract_path(path))
    assert (doc.path, doc.kind) == (str(path), "xlsx")
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_large_text_streams_in_overlapping_chunks_with_line_numbers() -> None:
    lines = [f"line {i:05d} student {i:010d}" for i in range(1, 3001)]
    text = "\n".join(lines) + "\n"
    limits = Limits(chunk_chars=10_000, overlap_chars=100, max_document_bytes=1_000)
    (doc,) = extract_bytes(text.encode(), "big.txt", limits)
    blocks = [b for b in doc.blocks if isinstance(b, TextBlock)]
    assert len(blocks) > 5
    for block in blocks:
        assert len(block.text) <= 10_000
        assert text[block.offset : block.offset + len(block.text)] == block.text
        assert text[: block.offset].count("\n") + 1 == block.first_line
    for before, after in itertools.pairwise(blocks):
        assert after.offset == before.offset + len(before.text) - 100  # the overlap
    assert blocks[-1].offset + len(blocks[-1].text) == len(text)
    # the stream was hashed while it was read (a huge file is read once)
    assert doc.sha256 == hashlib.sha256(text.encode()).hexdigest()


def test_value_across_a_chunk_cut_is_whole_in_one_block() -> None:
    filler = "x" * 9_990
    text = filler + " SSN 123-45-6789 " + "y" * 20_000
    limits = Limits(chunk_chars=10_000, overlap_chars=64)
    (doc,) = extract_bytes(text.encode(), "t.txt", limits)
    assert any("123-45-6789" in b.text for b in doc.blocks if isinstance(b, TextBlock))


def test_blocks_are_lazy_tables_rows_too() -> None:
    (doc,) = extract_bytes(w.csv_bytes(ROSTER), "r.csv")
    block = next(doc.blocks)
    assert isinstance(block, TableBlock)
    assert next(iter(block.rows)) == (2, tuple(ROSTER[1]))
