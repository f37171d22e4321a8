"""The streaming workbook reader renders every cell as the openpyxl path does.

Workbooks are written by the real writers (openpyxl: shared strings, styles;
XlsxWriter in constant-memory mode: inline strings), then read both ways: the
fast reader (`xlsx_blocks`) and openpyxl itself, and the results compared.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st

from scanners.extract import Limits, TableBlock, TextBlock, _excel, _office, _office_libs
from scanners.extract._xlsx import Unsupported, xlsx_fast_blocks

Flat = list[tuple[str, str, tuple[str, ...], list[tuple[int, tuple[str, ...]]]]]


def _flatten(blocks: object) -> Flat:
    out: Flat = []
    for block in blocks:  # type: ignore[attr-defined]
        if isinstance(block, TableBlock):
            out.append(("table", block.location, block.header, list(block.rows)))
        else:
            assert isinstance(block, TextBlock)
            out.append(("text", block.location, (block.text, str(block.first_line)), []))
    return out


def _both(data: bytes) -> tuple[Flat, Flat]:
    fast = _flatten(xlsx_fast_blocks(io.BytesIO(data)))
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    slow = _flatten(_office_libs._xlsx_iter(book))
    return fast, slow


def _openpyxl_book(date1904: bool = False) -> bytes:
    book = openpyxl.Workbook()
    if date1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "Enrollment"
    sheet["A1"] = "Fall 2026 enrollment, Grade 5"
    sheet.append([])
    sheet.append(["Student ID", "Name", "DOB", "Enrolled at", "Custom date", "Amount", "Paid"])
    sheet.append(
        [
            1034567890,
            "Okafor, Amara",
            dt.date(2013, 4, 9),
            dt.datetime(2026, 9, 2, 8, 30),
            dt.date(2012, 11, 30),
            12.5,
            True,
        ]
    )
    sheet["E4"].number_format = "dd/mm/yyyy"
    sheet.append([None, "Teo Lindqvist", None, None, None, 3.0, False])
    sheet["G20"] = "far away row"
    other = book.create_sheet("Staff")
    other.append(["Employee", "SSN"])
    other.append(["Rosa Diaz", "123-45-6789"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_openpyxl_workbook_dates_numbers_and_rows_match_the_library() -> None:
    fast, slow = _both(_openpyxl_book())
    assert fast == slow
    title, table, staff = fast
    assert title[:2] == ("text", "sheet Enrollment")
    assert table[2][:3] == ("Student ID", "Name", "DOB")
    rows = dict(table[3])
    assert rows[4] == (
        "1034567890",
        "Okafor, Amara",
        "2013-04-09",
        "2026-09-02 08:30:00",
        "2012-11-30",
        "12.5",
        "True",
    )
    assert rows[5][1] == "Teo Lindqvist" and rows[5][5] == "3"
    assert rows[20][6] == "far away row"
    assert staff[1] == "sheet Staff" and staff[3] == [(2, ("Rosa Diaz", "123-45-6789"))]


def test_1904_epoch_dates_match_the_library() -> None:
    fast, slow = _both(_openpyxl_book(date1904=True))
    assert fast == slow
    assert dict(fast[1][3])[4][2] == "2013-04-09"


def test_inline_strings_from_xlsxwriter_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"  # constant memory needs a file, not a buffer
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Roster")
    date = book.add_format({"num_format": "mm/dd/yyyy"})
    sheet.write_row(0, 0, ["Student ID", "Last Name", "DOB", "Note"])
    sheet.write_row(1, 0, ["1034567890", "Okafor"])
    sheet.write_datetime(1, 2, dt.datetime(2013, 4, 9), date)
    sheet.write_rich_string(1, 3, "IEP ", book.add_format({"bold": True}), "on file")
    book.close()
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert b"inlineStr" in zf.read("xl/worksheets/sheet1.xml")
    fast, slow = _both(data)
    assert fast == slow
    assert fast[0][3] == [(2, ("1034567890", "Okafor", "2013-04-09", "IEP on file"))]


def test_shared_strings_from_xlsxwriter() -> None:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Pay")
    sheet.write_row(0, 0, ["Employee", "Account"])
    sheet.write_row(1, 0, ["Rosa Diaz", "000123456789"])
    sheet.write_formula(2, 0, '="Total"', None, "Total")
    book.close()
    data = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert "xl/sharedStrings.xml" in zf.namelist()
    fast, slow = _both(data)
    assert fast == slow
    assert fast[0][3] == [(2, ("Rosa Diaz", "000123456789")), (3, ("Total", ""))]


def test_unfamiliar_outline_falls_back_to_openpyxl() -> None:
    data = _openpyxl_book()
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for info in src.infolist():
            if info.filename != "_rels/.rels":
                dst.writestr(info, src.read(info))
            else:  # the package relationships name no workbook part
                dst.writestr(info, src.read(info).replace(b"officeDocument", b"elsewhere"))
    with pytest.raises(Unsupported):
        xlsx_fast_blocks(io.BytesIO(rebuilt.getvalue()))
    # openpyxl finds the workbook through [Content_Types].xml instead: nothing lost
    fallback = _flatten(_office.xlsx_blocks(io.BytesIO(rebuilt.getvalue()), Limits()))
    assert fallback == _both(data)[1]


def test_entities_are_not_expanded() -> None:
    data = _openpyxl_book()
    rebuilt = io.BytesIO()
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "PII-LEAK-TEST">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    )
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/sharedStrings.xml":
                start = body.index(b"<sst")
                body = bomb + body[body.index(b">", start) + 1 :]
                body = body.replace(b"<t>Rosa Diaz</t>", b"<t>&a;</t>")
            dst.writestr(info, body)
    fast = _flatten(xlsx_fast_blocks(io.BytesIO(rebuilt.getvalue())))
    assert "PII-LEAK-TEST" not in repr(fast)


# --- openpyxl's value semantics, copied so openpyxl is not imported ----------

_FORMAT_CHARS = st.sampled_from([*'dmhysDMHYS0#,.;:_\\"[]$-/ @?%EhAMP', "[h]", "[mm]"])


def _outcome(call: Callable[[], object]) -> object:
    """A result or the type of the exception raised, so both sides compare."""
    try:
        return call()
    except Exception as exc:
        return type(exc)


@given(st.lists(_FORMAT_CHARS, max_size=16).map("".join))
def test_format_tests_agree_with_openpyxl(fmt: str) -> None:
    from openpyxl.styles import numbers

    assert _excel.is_date_format(fmt) == numbers.is_date_format(fmt)
    assert _excel.is_timedelta_format(fmt) == numbers.is_timedelta_format(fmt)


def test_builtin_formats_agree_with_openpyxl() -> None:
    from openpyxl.styles import numbers

    for index in range(-1, 200):
        assert _excel.builtin_format_code(index) == numbers.builtin_format_code(index)
    assert _excel.is_date_format(None) is numbers.is_date_format(None) is False


@given(
    st.one_of(st.integers(-1000, 3_000_000), st.floats(-1000, 3_000_000, allow_nan=False)),
    st.booleans(),
    st.booleans(),
)
def test_serial_dates_agree_with_openpyxl(value: float, mac: bool, timedelta: bool) -> None:
    from openpyxl.utils import datetime as op

    ours = _excel.MAC_EPOCH if mac else _excel.WINDOWS_EPOCH
    theirs = op.CALENDAR_MAC_1904 if mac else op.CALENDAR_WINDOWS_1900
    assert _outcome(lambda: _excel.from_excel(value, ours, timedelta)) == _outcome(
        lambda: op.from_excel(value, theirs, timedelta=timedelta)
    )


@given(
    st.one_of(
        st.from_regex(r"\A(\d{4}-\d{2}-\d{2})?T?(\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?Z?\Z"),
        st.from_regex(r"\APT(\d+H)?(\d+M)?(\d+(\.\d{1,3})?S)?\Z"),
        st.text(alphabet="0123456789-:TZP.HMS", max_size=24),
    )
)
def test_iso_dates_agree_with_openpyxl(text: str) -> None:
    from openpyxl.utils.datetime import from_ISO8601

    assert _outcome(lambda: _excel.from_iso8601(text)) == _outcome(lambda: from_ISO8601(text))


@given(st.text(alphabet="ABCXYZabz$:0123456789", max_size=12))
def test_dimension_width_agrees_with_openpyxl(ref: str) -> None:
    from openpyxl.utils.cell import range_boundaries

    assert _outcome(lambda: _excel.range_max_column(ref)) == _outcome(
        lambda: range_boundaries(ref)[2]
    )


def test_workbook_reader_does_not_import_openpyxl(tmp_path: Path) -> None:
    """openpyxl costs more to import than a workbook costs to read: the fast
    path must not pay for it (a fresh interpreter, so nothing is imported yet)."""
    import subprocess
    import sys

    path = tmp_path / "roster.xlsx"
    path.write_bytes(_openpyxl_book())
    script = (
        "import sys; from pathlib import Path; from scanners.extract import extract_path\n"
        "for d in extract_path(Path(sys.argv[1])):\n"
        "    for b in d.blocks: list(getattr(b, 'rows', ()))\n"
        "print(d.status.value, 'openpyxl' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    assert run.stdout.split() == ["scanned", "False"]


_RAW = st.sampled_from(
    [
        "",
        "0",
        "12",
        " 12 ",
        "-1",
        "3.0",
        "2.5",
        "1e5",
        "1E400",
        "nan",
        "inf",
        "0x1",
        "45292",
        "45292.75",
        "1" * 20,
        "abc",
        "2024-01-05T08:30:00",
    ]
)


@given(
    st.sampled_from([None, "n", "s", "inlineStr", "b", "d", "str", "e"]),
    st.one_of(st.none(), _RAW),
    st.sampled_from([None, "0", "1", "2", "x", ""]),
    st.sampled_from(
        [
            None,
            "<is/>",
            "<is><t> Amara </t></is>",
            "<is><r><t>IEP </t></r><r><t>on file</t></r><rPh><t>x</t></rPh></is>",
        ]
    ),
)
def test_fast_cell_rendering_is_the_value_rendering(
    kind: str | None, raw: str | None, style: str | None, inline: str | None
) -> None:
    """`_text` renders common cells directly; it must equal `cell_text(_value())`
    for every kind, value and style, errors included."""
    from lxml import etree

    from scanners.extract import _xlsx

    book = _xlsx._Workbook.__new__(_xlsx._Workbook)
    book.strings = [" Okafor, Amara ", "Teo"]
    book.date_styles, book.timedelta_styles = {1}, {2}
    book.epoch = _excel.WINDOWS_EPOCH
    attributes = "".join(
        f' {name}="{value}"' for name, value in (("t", kind), ("s", style)) if value is not None
    )
    body = ("" if raw is None else f"<v>{raw}</v>") + (inline or "")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    cell = etree.fromstring(f'<c xmlns="{main}"{attributes}>{body}</c>')
    assert _outcome(lambda: _xlsx._text(cell, book)) == _outcome(
        lambda: _office.cell_text(_xlsx._value(cell, book))
    )


def _with_sheet(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, edit(body) if info.filename.startswith("xl/worksheets/") else body)
    return out.getvalue()


def _rows_or_error(data: bytes) -> object:
    out: list[object] = []
    try:
        for block in xlsx_fast_blocks(io.BytesIO(data)):
            out.append(
                (block.location, list(block.rows) if isinstance(block, TableBlock) else block.text)
            )  # type: ignore[union-attr]
    except Exception as exc:
        out.append((type(exc).__name__, str(exc)))
    return out


@pytest.mark.parametrize(
    "edit",
    [
        lambda body: body,
        lambda body: body[: len(body) * 2 // 3],  # damaged: rows up to the damage, then the error
        lambda body: body.replace(b"</row>", b'<row r="99"/></row>', 1),  # a row in a row
        lambda body: body.replace(
            b'<dimension ref="A1:G20"/>', b'<dimension ref="A1:G20"><row r="7"/></dimension>', 1
        ),
    ],
    ids=["plain", "truncated", "nested-row", "row-in-dimension"],
)
def test_small_sheet_parsed_whole_reads_as_streamed(
    edit: Callable[[bytes], bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from scanners.extract import _xlsx

    data = _with_sheet(_openpyxl_book(), edit)
    whole = _rows_or_error(data)
    monkeypatch.setattr(_xlsx, "_WHOLE_SHEET_BYTES", 0)
    assert whole == _rows_or_error(data)
