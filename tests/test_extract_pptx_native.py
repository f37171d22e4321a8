"""PowerPoint files read with lxml alone (`_pptx`) give what python-pptx gives.

Random slides and notes (text boxes with and without bodies, placeholders of
every type and some unknown ones, runs, fields and line breaks, groups in
groups, table and chart frames, pictures, connectors, content parts) are
written into a real python-pptx package and read three ways: the public
`pptx_blocks`, the lxml reader, and python-pptx (`_LightPresentation`, the
path used before). Where the lxml reader declines (`Unsupported`),
`pptx_blocks` must still give exactly python-pptx's result, error included.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pptx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanners.extract import Limits, TableBlock, TextBlock, _office, _office_libs
from scanners.extract._ooxml import Unsupported
from scanners.extract._pptx import pptx_fast_blocks

_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_TREE_HEAD = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'


def _package() -> bytes:
    deck = pptx.Presentation()
    for _ in range(2):
        deck.slides.add_slide(deck.slide_layouts[6])
    deck.slides[0].notes_slide.notes_text_frame.text = "notes"
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


_BASE = _package()
_WORDS = st.sampled_from(["", " ", "Amara", " Okafor ", "SASID 1034567890", "a\tb", "é"])
_PH_TYPES = st.sampled_from(
    [None, None, None, "title", "body", "body", "obj", "sldNum", "pic", "tbl", "", "bogus"]
)


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(
            st.sampled_from(
                ["r", "r", "r", "r", "r", "br", "fld", "fld-empty", "ppr", "end", "r-no-t"]
            )
        )
        word = draw(_WORDS)
        parts.append(
            {
                "r": f'<a:r><a:rPr lang="en-US"/><a:t>{word}</a:t></a:r>',
                "br": "<a:br/>",
                "fld": f'<a:fld id="{{1}}" type="slidenum"><a:t>{word}</a:t></a:fld>',
                "fld-empty": '<a:fld id="{2}" type="datetime"/>',
                "r-no-t": "<a:r><a:rPr/></a:r>",
                "ppr": '<a:pPr lvl="1"/>',
                "end": '<a:endParaRPr lang="en-US"/>',
            }[kind]
        )
    return f"<a:p>{''.join(parts)}</a:p>"


def _body(draw: st.DrawFn, tag: str) -> str:
    return f"<{tag}><a:bodyPr/>{''.join(draw(st.lists(_paragraph(), max_size=3)))}</{tag}>"


def _nv(tag: str, ph: str | None) -> str:
    placeholder = "" if ph is None else ("<p:ph/>" if ph == "" else f'<p:ph type="{ph}"/>')
    names = '<p:cNvPr id="9" name="s"/><p:cNvSpPr/>'
    return f"<p:{tag}>{names}<p:nvPr>{placeholder}</p:nvPr></p:{tag}>"


@st.composite
def _shape(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(
        st.sampled_from(
            [
                "sp",
                "sp",
                "sp",
                "sp",
                "sp-bare",
                "table",
                "table",
                "chart",
                "group",
                "group",
                "pic",
                "cxn",
                "frame-broken",
                "content",
            ]
        )
    )
    ph = draw(_PH_TYPES)
    if kind == "sp":
        return f"<p:sp>{_nv('nvSpPr', ph)}<p:spPr/>{_body(draw, 'p:txBody')}</p:sp>"
    if kind == "sp-bare":
        return f"<p:sp>{_nv('nvSpPr', ph)}<p:spPr/></p:sp>"
    if kind in ("table", "chart", "frame-broken"):
        if kind == "frame-broken":
            return f"<p:graphicFrame>{_nv('nvGraphicFramePr', None)}<p:xfrm/></p:graphicFrame>"
        if kind == "chart":
            data = '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/>'
        else:
            rows = []
            for _ in range(draw(st.integers(0, 3))):
                cells = []
                for _ in range(draw(st.integers(0, 3))):
                    body = draw(st.sampled_from(["", "body"]))
                    cells.append(f"<a:tc>{_body(draw, 'a:txBody') if body else ''}<a:tcPr/></a:tc>")
                rows.append(f'<a:tr h="1">{"".join(cells)}</a:tr>')
            data = (
                '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
                f"<a:tbl><a:tblGrid/>{''.join(rows)}</a:tbl></a:graphicData>"
            )
        return (
            f"<p:graphicFrame>{_nv('nvGraphicFramePr', ph)}<p:xfrm/>"
            f"<a:graphic>{data}</a:graphic></p:graphicFrame>"
        )
    if kind == "group" and depth < 3:
        inner = "".join(draw(st.lists(_shape(depth + 1), max_size=3)))
        return f"<p:grpSp>{_TREE_HEAD}<p:grpSpPr/>{inner}</p:grpSp>"
    if kind == "pic":
        return f"<p:pic>{_nv('nvPicPr', ph)}<p:blipFill/><p:spPr/></p:pic>"
    if kind == "content":
        return '<p:contentPart r:id="rId77"/>'
    return f"<p:cxnSp>{_nv('nvCxnSpPr', None)}<p:spPr/></p:cxnSp>"


@st.composite
def _slide(draw: st.DrawFn, root: str) -> str:
    shapes = "".join(draw(st.lists(_shape(), max_size=5)))
    return (
        f"<p:{root} {_NS}><p:cSld><p:spTree>{_TREE_HEAD}<p:grpSpPr/>{shapes}"
        f"</p:spTree></p:cSld></p:{root}>"
    )


@st.composite
def _notes(draw: st.DrawFn) -> str:
    """A notes slide, most often with its body placeholder among other shapes."""
    shapes = draw(st.lists(_shape(), max_size=3))
    if draw(st.integers(0, 4)):
        body = _body(draw, "p:txBody") if draw(st.booleans()) else ""
        shapes.insert(
            draw(st.integers(0, len(shapes))),
            f"<p:sp>{_nv('nvSpPr', 'body')}<p:spPr/>{body}</p:sp>",
        )
    return (
        f"<p:notes {_NS}><p:cSld><p:spTree>{_TREE_HEAD}<p:grpSpPr/>{''.join(shapes)}"
        "</p:spTree></p:cSld></p:notes>"
    )


def _with_parts(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_BASE)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in parts:
                data = parts[info.filename].encode()
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
@given(_slide("sld"), _slide("sld"), _notes())
def test_lxml_reader_reads_what_python_pptx_reads(first: str, second: str, notes: str) -> None:
    data = _with_parts(
        {
            "ppt/slides/slide1.xml": first,
            "ppt/slides/slide2.xml": second,
            "ppt/notesSlides/notesSlide1.xml": notes,
        }
    )
    libs = _office_libs
    library = _outcome(lambda: libs._pptx_iter(libs._LightPresentation(io.BytesIO(data))))
    assert _outcome(lambda: _office.pptx_blocks(io.BytesIO(data), Limits())) == library
    try:
        native = pptx_fast_blocks(io.BytesIO(data))
    except Unsupported:
        return
    assert _outcome(lambda: native) == library


def test_plain_deck_is_read_without_python_pptx(tmp_path: object) -> None:
    """python-pptx costs more to import than a deck costs to read (a fresh
    interpreter, so nothing is imported yet)."""
    import subprocess
    import sys
    from pathlib import Path

    from bench import _writers as w

    path = Path(str(tmp_path)) / "deck.pptx"
    path.write_bytes(
        w.pptx_bytes([("504 plan", ["Amara Okafor"], [["A", "B"], ["1", "2"]], "notes")])
    )
    script = (
        "import sys; from pathlib import Path; from scanners.extract import extract_path\n"
        "for d in extract_path(Path(sys.argv[1])):\n"
        "    for b in d.blocks: list(getattr(b, 'rows', ()))\n"
        "print(d.status.value, 'pptx' in sys.modules, 'docx' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    assert run.stdout.split() == ["scanned", "False", "False"]
