"""Text PDFs, page by page.

Page text comes from PDFium (pypdfium2), two to three times faster than pypdf's
pure-Python content-stream interpreter. When PDFium opens the file and finds it
not encrypted and either no form or an AcroForm, PDFium alone reads it, the
filled-in fields too: pypdf would only repeat the same verdicts, at the cost of
its import (about 0.09 s, most of it the `cryptography` it loads for AES) and
of parsing the file a second time. Otherwise (an encrypted file, an XFA form)
pypdf opens the file first, for its encryption verdict, its page count and the
form fields. Either way pypdf reads a page itself whenever PDFium cannot open
the file or the page.

PDFium is not thread-safe, even across documents: two threads reading PDFs at
once crash the process (a Dask worker runs several scans on threads; the
watcher has threads of its own). Every PDFium call runs under one lock.

PDFium folds a run of typed spaces into one; the detectors read two or more
spaces as a field separator ("Name: Amara Okafor   DOB: ..."), as pypdf
gives them, so a run is restored where the gap between two words is a whole
number of the font's space advances (a justified line's stretched gaps are not).
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from scanners.extract._errors import EncryptedPDFError, NoTextLayerError
from scanners.extract._types import Block, Limits, TextBlock

__all__ = ["EncryptedPDFError", "NoTextLayerError", "pdf_blocks"]

# pypdf reports every repaired cross-reference on its logger; without a handler
# Python's last-resort handler would print them. A library must not print.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

_PDFIUM: Any = None
# Held around every use of PDFium (see the module docstring). Reentrant, because a
# locked step may open a document or read the bindings, which take it again.
_PDFIUM_LOCK = threading.RLock()


def _field_line(label: str, value: str) -> str | None:
    """A filled-in field as a `label: value` line; None for an empty field or a
    name value (a check box's `/Yes`, a choice's `/Off`), which says nothing."""
    text = value.strip()
    if not text or text.startswith("/"):
        return None
    return f"{label}: {text}"


def _form_fields(reader: object) -> list[str]:
    """Filled-in form fields as `name: value` lines, read by pypdf. Fillable PDFs
    (IEP and health forms) keep what was typed in fields, not in the page text."""
    from pypdf import PdfReader

    assert isinstance(reader, PdfReader)
    fields = reader.get_fields() or {}
    lines = []
    for name, field in fields.items():
        value = field.get("/V")
        if value is None:
            continue
        line = _field_line(str(field.get("/TU") or name), str(value))
        if line is not None:
            lines.append(line)
    return lines


def pdf_blocks(stream: BinaryIO, limits: Limits) -> Iterator[Block]:
    """Open eagerly (so a broken or locked file is known before any block) and
    yield one block per page, located "page N"."""
    document = _pdfium_document(stream)
    if document is not None and _plain(document):
        return _pages(_LazyReader(stream), document, len(document), limits)
    from pypdf import PasswordType, PdfReader

    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # unsupported algorithm, broken dictionary
                raise EncryptedPDFError(f"encrypted PDF ({exc})") from exc
            if opened == PasswordType.NOT_DECRYPTED:
                raise EncryptedPDFError("encrypted PDF: a password is required to read it")
        count = len(reader.pages)
    except BaseException:
        if document is not None:
            document.close()
        raise
    return _pages(lambda: reader, document, count, limits)


def _plain(document: _Document) -> bool:
    """Not encrypted (no security handler), and no form or an AcroForm (which
    PDFium reads, `_pdfium_form_fields`) but not XFA: nothing pypdf would add to
    what PDFium reads."""
    pdfium = _bindings()
    with _PDFIUM_LOCK:
        return bool(
            pdfium.FPDF_GetSecurityHandlerRevision(document.handle) == -1
            and document.form_type() in (pdfium.FORMTYPE_NONE, pdfium.FORMTYPE_ACRO_FORM)
        )


class _LazyReader:
    """pypdf's reader of a file PDFium reads, made only if a page needs it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._reader: object = None

    def __call__(self) -> object:
        if self._reader is None:
            from pypdf import PdfReader

            self._reader = PdfReader(self._stream, strict=False)
        return self._reader


def _bindings() -> Any:
    """PDFium's raw bindings, the library initialised.

    pypdfium2's helper layer (`PdfDocument`, `PdfPage`, ...) costs more to
    import than reading a one-page PDF, so only its ctypes bindings are used,
    as its helpers use them. Initialising twice (here, and again when some other
    code imports pypdfium2) is harmless: PDFium ignores a second call.
    """
    global _PDFIUM
    with _PDFIUM_LOCK:
        if _PDFIUM is None:
            _PDFIUM = _initialised_bindings()
    return _PDFIUM


def _initialised_bindings() -> Any:
    try:
        import pypdfium2_raw as bindings  # type: ignore[import-untyped]
    except ImportError:  # an older wheel: the bindings inside the package
        import pypdfium2.raw as bindings
    config = bindings.FPDF_LIBRARY_CONFIG(
        version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0
    )
    bindings.FPDF_InitLibraryWithConfig(config)
    return bindings


class _Document:
    """A PDFium document over bytes (which it reads from while it is open)."""

    def __init__(self, data: bytes) -> None:
        pdfium = _bindings()
        self._data = data
        with _PDFIUM_LOCK:
            self.handle: Any = pdfium.FPDF_LoadMemDocument64(data, len(data), None)
            if not self.handle or pdfium.FPDF_GetPageCount(self.handle) < 1:
                self.close()
                raise ValueError("PDFium cannot open the file")

    def __len__(self) -> int:
        with _PDFIUM_LOCK:
            return int(_bindings().FPDF_GetPageCount(self.handle)) if self.handle else 0

    def form_type(self) -> int:
        """PDFium's FORMTYPE_* of the document: none, an AcroForm or XFA."""
        with _PDFIUM_LOCK:
            return int(_bindings().FPDF_GetFormType(self.handle))

    def close(self) -> None:
        with _PDFIUM_LOCK:
            if self.handle:
                _bindings().FPDF_CloseDocument(self.handle)
            self.handle = None


def _pdfium_document(stream: BinaryIO) -> _Document | None:
    """PDFium's view of the same bytes, or None (pypdf reads the text then)."""
    if not isinstance(stream, io.BytesIO):
        return None
    try:
        return _Document(stream.getvalue())
    except ImportError:  # an install without the wheel: pypdf alone
        return None
    except Exception:  # a file pypdf repairs and PDFium refuses
        return None


def _page_text(textpage: Any) -> str:
    """pypdfium2's `PdfTextPage.get_text_range()`: the page's text, leaving out
    the characters PDFium keeps off the text at either end (crbug.com/pdfium/2079)."""
    import ctypes

    pdfium = _bindings()
    count = int(pdfium.FPDFText_CountChars(textpage))
    if count == -1:
        raise ValueError("PDFium cannot count the page's characters")
    first, last = 0, count - 1
    start = end = -1
    while first <= last:
        start = pdfium.FPDFText_GetTextIndexFromCharIndex(textpage, first)
        if start == -1:
            first += 1
            continue
        end = pdfium.FPDFText_GetTextIndexFromCharIndex(textpage, last)
        if end == -1:
            last -= 1
            continue
        break
    if first > last:
        return ""
    size = end + 2 - start  # with the terminating NUL
    buffer = (ctypes.c_ushort * size)()
    written = int(pdfium.FPDFText_GetText(textpage, first, last - first + 1, buffer))
    if written > size:
        raise ValueError("PDFium wrote past the text buffer")
    return memoryview(buffer)[: written - 1].tobytes().decode("utf-16-le", errors="ignore")


_LOOSE_CHAR_BOX: Any = None


def _loose_char_box() -> Any:
    """`FPDFText_GetLooseCharBox` called without the bindings' argument checks.

    Speed: `_spaced` asks for three boxes per space, tens of thousands per corpus, and
    the bindings convert and type-check every argument (the page handle as a pointer to
    their struct type), which cost about as much as PDFium's own work. The same C
    function is called through a prototype that returns its int and passes the
    arguments as given: the page handle as a `c_void_p`, the index as an int, the box
    by reference.
    """
    global _LOOSE_CHAR_BOX
    if _LOOSE_CHAR_BOX is None:
        import ctypes

        address = ctypes.cast(_bindings().FPDFText_GetLooseCharBox, ctypes.c_void_p).value
        if not address:
            raise ValueError("PDFium has no FPDFText_GetLooseCharBox")
        _LOOSE_CHAR_BOX = ctypes.CFUNCTYPE(ctypes.c_int)(address)
    return _LOOSE_CHAR_BOX


def _spaced(textpage: Any, text: str) -> str:
    """`text` with each folded run of spaces restored (see the module docstring).

    A run is restored only on a line that also has an ordinary one-space gap: a
    justified line stretches every gap alike, sometimes to exactly two spaces.
    """
    import ctypes

    pdfium = _bindings()
    rect = pdfium.FS_RECTF()
    box = ctypes.byref(rect)
    char_box = _loose_char_box()
    page = ctypes.cast(textpage, ctypes.c_void_p)

    def left_right(index: int) -> tuple[float, float]:
        char_box(page, index, box)
        return rect.left, rect.right

    out: list[str] = []
    start = 0
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end + 1
        runs: list[tuple[int, int]] = []
        plain = False
        index = text.find(" ", line_start + 1, line_end - 1)
        while index > 0:
            if text[index - 1] not in " \r\n" and text[index + 1] not in " \r\n":
                space_left, space_right = left_right(index)
                width = space_right - space_left
                if width > 0.01:
                    ratio = (left_right(index + 1)[0] - left_right(index - 1)[1]) / width
                    count = round(ratio)
                    if abs(ratio - count) < 0.03:
                        plain = plain or count == 1
                        if count > 1:
                            runs.append((index, min(count, 40)))
            index = text.find(" ", index + 1, line_end - 1)
        if plain:
            for index, count in runs:
                out.append(text[start:index])
                out.append(" " * count)
                start = index + 1
        line_start = line_end
    out.append(text[start:])
    return "".join(out)


def _pdfium_text(document: _Document | None, index: int) -> str | None:
    """A page's text through PDFium, or None when pypdf should read it."""
    if document is None or index >= len(document):
        return None
    with _PDFIUM_LOCK:
        text = _locked_pdfium_text(document, index)
    if text is None:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _locked_pdfium_text(document: _Document, index: int) -> str | None:
    try:
        pdfium = _bindings()
        page = pdfium.FPDF_LoadPage(document.handle, index)
        if not page:
            return None
        try:
            textpage = pdfium.FPDFText_LoadPage(page)
            if not textpage:
                return None
            try:
                text = _page_text(textpage)
                if len(text) != pdfium.FPDFText_CountChars(textpage):
                    return None  # characters and positions would not line up
                text = _spaced(textpage, text)
            finally:
                pdfium.FPDFText_ClosePage(textpage)
        finally:
            pdfium.FPDF_ClosePage(page)
    except Exception:  # this page only: pypdf tries it
        return None
    return text


def _pages(
    reader: Callable[[], object], document: _Document | None, count: int, limits: Limits
) -> Iterator[Block]:
    """`reader` gives pypdf's reader, for pages PDFium cannot read; form fields
    are read through it unless PDFium alone reads the file (`document` is
    `_plain`), when PDFium reads them too."""
    pages = min(count, limits.max_pdf_pages)
    fields: list[str] | None = None
    found_text = False
    try:
        for index in range(pages):
            text = _pdfium_text(document, index)
            if text is None:
                text = _pypdf_page(reader(), index)
            if text.strip():
                found_text = True
                yield TextBlock(text, f"page {index + 1}")
        if isinstance(reader, _LazyReader) and document is not None:
            has_form = document.form_type() == _bindings().FORMTYPE_ACRO_FORM
            fields = _pdfium_form_fields(document, pages) if has_form else []
    finally:
        if document is not None:
            document.close()
    if fields is None:
        fields = _form_fields(reader())
    if fields:
        found_text = True
        yield TextBlock("\n".join(fields), "form fields")
    if count and not found_text:
        raise NoTextLayerError("PDF has no text layer (a scanned image?): nothing to scan")


def _pdfium_form_fields(document: _Document, pages: int) -> list[str] | None:
    """The lines `_form_fields` gives, read by PDFium from the widgets on the first
    `pages` pages: each field once (a field may show on several pages), check boxes,
    radio buttons, push buttons and signatures left out (their values are states).
    None when PDFium cannot read the form (pypdf reads it then)."""
    pdfium = _bindings()
    with _PDFIUM_LOCK:
        info = pdfium.FPDF_FORMFILLINFO(version=2)
        form = pdfium.FPDFDOC_InitFormFillEnvironment(document.handle, info)
        if not form:
            return None
        try:
            lines: list[str] = []
            seen: set[str] = set()
            for index in range(pages):
                page = pdfium.FPDF_LoadPage(document.handle, index)
                if not page:
                    return None
                try:
                    for number in range(pdfium.FPDFPage_GetAnnotCount(page)):
                        annot = pdfium.FPDFPage_GetAnnot(page, number)
                        if not annot:
                            continue
                        try:
                            line = _widget_line(form, annot, seen)
                        finally:
                            pdfium.FPDFPage_CloseAnnot(annot)
                        if line is not None:
                            lines.append(line)
                finally:
                    pdfium.FPDF_ClosePage(page)
        finally:
            pdfium.FPDFDOC_ExitFormFillEnvironment(form)
    return lines


def _widget_line(form: Any, annot: Any, seen: set[str]) -> str | None:
    """A widget's field as a `label: value` line, once per field name (`seen`)."""
    pdfium = _bindings()
    if pdfium.FPDFAnnot_GetSubtype(annot) != pdfium.FPDF_ANNOT_WIDGET:
        return None
    if pdfium.FPDFAnnot_GetFormFieldType(form, annot) in (
        pdfium.FPDF_FORMFIELD_CHECKBOX,
        pdfium.FPDF_FORMFIELD_RADIOBUTTON,
        pdfium.FPDF_FORMFIELD_PUSHBUTTON,
        pdfium.FPDF_FORMFIELD_SIGNATURE,
    ):
        return None
    name = _utf16(pdfium.FPDFAnnot_GetFormFieldName, form, annot)
    if name in seen:
        return None
    seen.add(name)
    label = _utf16(pdfium.FPDFAnnot_GetFormFieldAlternateName, form, annot) or name
    return _field_line(label, _utf16(pdfium.FPDFAnnot_GetFormFieldValue, form, annot))


def _utf16(getter: Callable[..., int], *args: Any) -> str:
    """A string from one of PDFium's getters that fill a UTF-16 buffer: asked first
    for the size in bytes (with the terminating NUL), then for the text."""
    import ctypes

    size = int(getter(*args, None, 0))
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    getter(*args, buffer, size)
    return memoryview(buffer)[: size // 2 - 1].tobytes().decode("utf-16-le", errors="ignore")


def _pypdf_page(reader: object, index: int) -> str:
    from pypdf import PdfReader

    assert isinstance(reader, PdfReader)
    return reader.pages[index].extract_text() or ""
