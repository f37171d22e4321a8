"""Real documents from the real writer libraries, for the corpus and the tests.

Each writer returns the file's bytes, so callers decide where (or whether) to
put them: the corpus writes files, the fuzzer mutates bytes in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

Cell = str | int | float | dt.date | None
Table = Sequence[Sequence[str]]


def csv_bytes(
    rows: Sequence[Sequence[object]], delimiter: str = ",", encoding: str = "utf-8"
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if c is None else c for c in row])
    return out.getvalue().encode(encoding)


def docx_bytes(
    paragraphs: Sequence[str],
    tables: Sequence[Table] = (),
    *,
    heading: str | None = None,
    header_text: str | None = None,
) -> bytes:
    import docx

    document = docx.Document()
    if header_text:
        document.sections[0].header.paragraphs[0].text = header_text
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    for table in tables:
        width = max(len(r) for r in table)
        grid = document.add_table(rows=len(table), cols=width)
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = str(value)
        document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(sheets: Mapping[str, Sequence[Sequence[Cell]]], *, macro: bool = False) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    data = out.getvalue()
    if macro:
        data = _mark_macro_enabled(data)
    return data


def _mark_macro_enabled(data: bytes) -> bytes:
    """Declare the workbook part macro-enabled as Excel does for .xlsm (no macro needed)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                )
            target.writestr(info, content)
    return out.getvalue()


def pptx_bytes(slides: Sequence[tuple[str, Sequence[str], Table | None, str | None]]) -> bytes:
    """Slides of (title, bullet lines, optional table, optional speaker notes)."""
    import pptx
    from pptx.util import Inches

    presentation = pptx.Presentation()
    layout = presentation.slide_layouts[5]  # title only
    for title, lines, table, notes in slides:
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text = title
        if lines:
            box = slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(9), Inches(2))
            box.text_frame.text = lines[0]
            for line in lines[1:]:
                box.text_frame.add_paragraph().text = line
        if table:
            width = max(len(r) for r in table)
            shape = slide.shapes.add_table(
                len(table), width, Inches(0.5), Inches(3.5), Inches(9), Inches(0.3) * len(table)
            )
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    shape.table.cell(r, c).text = str(value)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def odt_bytes(paragraphs: Sequence[str], tables: Sequence[Table] = ()) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table as OdfTable
    from odf.table import TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentText()
    for text in paragraphs:
        document.text.addElement(P(text=text))
    for table in tables:
        width = max(len(r) for r in table)
        grid = OdfTable()
        grid.addElement(TableColumn(numbercolumnsrepeated=width))
        for row in table:
            tr = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            grid.addElement(tr)
        document.text.addElement(grid)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def ods_bytes(sheets: Mapping[str, Sequence[Sequence[Cell]]]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdfTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        grid = OdfTable(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None or value == "":
                    tr.addElement(TableCell())
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value)
                else:
                    cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            grid.addElement(tr)
        document.spreadsheet.addElement(grid)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf_bytes(
    pages: Sequence[Sequence[str]],
    *,
    title: str = "",
    user_password: str | None = None,
    tables: Sequence[Table] = (),
) -> bytes:
    """A text PDF (fpdf2, core Helvetica): one list of lines per page; tables
    are drawn as cell grids on the last page. With `user_password` the file is
    AES-encrypted and unreadable without it."""
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_title(title or "document")
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, _latin1(line), new_x="LMARGIN", new_y="NEXT")
    for table in tables:
        pdf.ln(4)
        width = max(len(r) for r in table)
        col = (pdf.w - pdf.l_margin - pdf.r_margin) / width
        for row in table:
            for value in row:
                pdf.cell(col, 7, _latin1(str(value))[:40], border=1)
            pdf.ln(7)
    if user_password is not None:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password=user_password + "-owner",
            user_password=user_password,
            encryption_method=EncryptionMethod.AES_128,
        )
    return bytes(pdf.output())


def fillable_pdf_bytes(lines: Sequence[str], fields: dict[str, str]) -> bytes:
    """A one-page PDF form whose text fields hold `fields` (name -> typed value),
    as a fillable IEP or health form does after a teacher fills it in."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([lines]))))
    refs = ArrayObject()
    for i, (name, value) in enumerate(fields.items()):
        widget = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject(name),
                NameObject("/V"): TextStringObject(value),
                NameObject("/F"): NumberObject(4),
                NameObject("/Rect"): ArrayObject(
                    [
                        FloatObject(72),
                        FloatObject(600 - 30 * i),
                        FloatObject(400),
                        FloatObject(620 - 30 * i),
                    ]
                ),
            }
        )
        refs.append(writer._add_object(widget))
    writer.pages[0][NameObject("/Annots")] = refs
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): refs})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def eml_bytes(
    *,
    sender: str,
    to: str,
    subject: str,
    body: str,
    attachments: Sequence[tuple[str, bytes, str]] = (),
    html: str | None = None,
    date: dt.datetime | None = None,
    cc: str | None = None,
) -> bytes:
    """An RFC 5322 message; attachments are (filename, bytes, "maintype/subtype")."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject
    when = date or dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="district.example.org")
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/", 1)
        if maintype == "message" and subtype == "rfc822":
            import email

            inner = email.message_from_bytes(data)
            message.add_attachment(inner, filename=name)
        else:
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(message)


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
