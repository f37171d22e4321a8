"""Word documents read with lxml alone (`_docx`) give what python-docx gives.

Random bodies (runs of every kind, hyperlinks, content controls, text boxes
with their fallback copies, tables with spans, vertical merges, skipped grid
columns and nested tables, several sections with headers and footers) are
written into a real python-docx package and read three ways: the public
`docx_blocks`, the lxml reader, and python-docx (`_LightDocument`, the path
used before). Where the lxml reader declines (`Unsupported`), `docx_blocks`
must still give exactly python-docx's result, error included.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanners.extract import Limits, TableBlock, TextBlock, _office, _office_libs
from scanners.extract._docx import docx_fast_blocks
from scanners.extract._ooxml import Unsupported

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (
    f'xmlns:w="{_W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def _package() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "header"
    document.sections[0].footer.paragraphs[0].text = "footer"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_BASE = _package()
_WORDS = st.sampled_from(["", " ", "  ", "Amara", " Okafor ", "SASID 1034567890", "x\ty", "é"])
_SPACE = st.sampled_from(["", "", " ", "\n  "])


@st.composite
def _run(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(
            st.sampled_from(
                ["t", "t", "tspace", "tab", "ptab", "br", "cr", "hyphen", "rpr", "empty-t", "other"]
            )
        )
        word = draw(_WORDS)
        parts.append(
            {
                "t": f"<w:t>{word}</w:t>",
                "tspace": f'<w:t xml:space="preserve">{word}</w:t>',
                "tab": "<w:tab/>",
                "ptab": '<w:ptab w:relativeTo="margin" w:alignment="left" w:leader="none"/>',
                "br": draw(
                    st.sampled_from(
                        [
                            "<w:br/>",
                            '<w:br w:type="page"/>',
                            '<w:br w:type="textWrapping"/>',
                            '<w:br w:type="column"/>',
                        ]
                    )
                ),
                "cr": "<w:cr/>",
                "hyphen": "<w:noBreakHyphen/>",
                "rpr": "<w:rPr><w:b/></w:rPr>",
                "empty-t": "<w:t/>",
                "other": "<w:lastRenderedPageBreak/>",
            }[kind]
        )
    space = draw(_SPACE)
    return f"<w:r>{space}{space.join(parts)}{space}</w:r>"


@st.composite
def _paragraph(draw: st.DrawFn, depth: int = 0) -> str:
    children = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["run", "run", "link", "ins", "sdt", "box", "ppr"]))
        if kind == "run":
            children.append(draw(_run()))
        elif kind == "link":
            children.append(f'<w:hyperlink r:id="rId99">{draw(_run())}{draw(_run())}</w:hyperlink>')
        elif kind == "ins":
            children.append(f'<w:ins w:id="1" w:author="a">{draw(_run())}</w:ins>')
        elif kind == "sdt":
            children.append(f"<w:sdt><w:sdtContent>{draw(_run())}</w:sdtContent></w:sdt>")
        elif kind == "box" and depth < 2:
            inner = draw(_paragraph(depth + 1))
            children.append(
                '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                f"<w:txbxContent>{inner}</w:txbxContent></w:drawing></mc:Choice>"
                f"<mc:Fallback><w:pict><w:txbxContent>{inner}</w:txbxContent></w:pict>"
                "</mc:Fallback></mc:AlternateContent></w:r>"
            )
        elif kind == "ppr" and not children:
            children.append('<w:pPr><w:pStyle w:val="Normal"/></w:pPr>')
    return f"<w:p>{draw(_SPACE).join(children)}</w:p>"


@st.composite
def _cell(draw: st.DrawFn, depth: int) -> str:
    props = []
    span = draw(st.sampled_from([None, None, "1", "2", "3"]))
    if span is not None:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    merge = draw(st.sampled_from([None, None, None, "restart", "continue", ""]))
    if merge == "":
        props.append("<w:vMerge/>")
    elif merge is not None:
        props.append(f'<w:vMerge w:val="{merge}"/>')
    tc_pr = f"<w:tcPr>{''.join(props)}</w:tcPr>" if props else ""
    content = [draw(_paragraph()) for _ in range(draw(st.integers(1, 2)))]
    if depth < 1 and draw(st.integers(0, 5)) == 0:
        content.insert(0, draw(_table(depth + 1)))
    return f"<w:tc>{tc_pr}{''.join(content)}</w:tc>"


@st.composite
def _table(draw: st.DrawFn, depth: int = 0) -> str:
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        before = draw(st.sampled_from([None, None, None, "1"]))
        tr_pr = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""
        cells = "".join(draw(_cell(depth)) for _ in range(draw(st.integers(1, 4))))
        rows.append(f"<w:tr>{tr_pr}{cells}</w:tr>")
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{''.join(rows)}</w:tbl>"


@st.composite
def _body(draw: st.DrawFn) -> str:
    items = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["p", "p", "table", "sdt", "section"]))
        if kind == "p":
            items.append(draw(_paragraph()))
        elif kind == "table":
            items.append(draw(_table()))
        elif kind == "sdt":
            items.append(f"<w:sdt><w:sdtContent>{draw(_paragraph())}</w:sdtContent></w:sdt>")
        else:  # a section break carried by a paragraph, with or without its own header
            header = draw(
                st.sampled_from(
                    [
                        "",
                        '<w:headerReference w:type="default" r:id="rId9"/>',
                        '<w:headerReference w:type="first" r:id="rId9"/>',
                    ]
                )
            )
            items.append(f"<w:p><w:pPr><w:sectPr>{header}</w:sectPr></w:pPr></w:p>")
    final = '<w:sectPr><w:headerReference w:type="default" r:id="rId9"/></w:sectPr>'
    return f"<w:document {_NS}><w:body>{''.join(items)}{final}</w:body></w:document>"


def _with_body(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_BASE)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = body.encode()
            dst.writestr(info, data)
    return out.getvalue()


def _outcome(read: Callable[[], object]) -> object:
    """The blocks flattened (rows drained), or the error that ended them."""
    out: list[object] = []
    try:
        for block in read():  # type: ignore[attr-defined]
            if isinstance(block, TableBlock):
                out.append((block.location, block.header, list(block.rows)))
            else:
                assert isinstance(block, TextBlock)
                out.append((block.location, block.text, block.first_line))
    except Exception as exc:
        out.append((type(exc).__name__, str(exc)))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_body())
def test_lxml_reader_reads_what_python_docx_reads(body: str) -> None:
    data = _with_body(body)
    libs = _office_libs
    library = _outcome(lambda: libs._docx_iter(libs._LightDocument(io.BytesIO(data))))
    assert _outcome(lambda: _office.docx_blocks(io.BytesIO(data), Limits())) == library
    try:
        native = docx_fast_blocks(io.BytesIO(data))
    except Unsupported:
        assert '"continue"' in body or "<w:vMerge/>" in body  # the only outline it declines
        return
    assert _outcome(lambda: native) == library


def test_merged_and_spanned_cells_as_python_docx_reports_them() -> None:
    def cell(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    span2, restart, before = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "1"
    table = (
        "<w:tbl>"
        f"<w:tr>{cell('Subject and term', span2)}{cell('Teacher')}</w:tr>"
        f"<w:tr>{cell('Math')}{cell('A-')}{cell('Ms. Diaz', restart)}</w:tr>"
        f'<w:tr><w:trPr><w:gridBefore w:val="{before}"/></w:trPr>{cell("B+")}'
        f"{cell('', '<w:vMerge/>')}</w:tr>"
        "</w:tbl>"
    )
    data = _with_body(f"<w:document {_NS}><w:body>{table}<w:sectPr/></w:body></w:document>")
    native = _outcome(lambda: docx_fast_blocks(io.BytesIO(data)))
    assert native == _outcome(
        lambda: _office_libs._docx_iter(_office_libs._LightDocument(io.BytesIO(data)))
    )
    assert native == [
        (
            "table 1",
            ("Subject and term", "", "Teacher"),
            [(2, ("Math", "A-", "Ms. Diaz")), (3, ("B+", "Ms. Diaz"))],
        )
    ]


def test_hostile_column_span_is_an_error_not_an_allocation() -> None:
    """python-docx repeats a cell once per spanned column, however many."""
    table = (
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>'
        "<w:p/></w:tc></w:tr></w:tbl>"
    )
    data = _with_body(f"<w:document {_NS}><w:body>{table}<w:sectPr/></w:body></w:document>")
    with pytest.raises(ValueError, match="spans 2000000000 columns"):
        docx_fast_blocks(io.BytesIO(data))
