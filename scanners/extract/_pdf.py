"""Text PDFs through pypdf, page by page."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from scanners.extract._types import Block, Limits, TextBlock

# pypdf reports every repaired cross-reference on its logger; without a handler
# Python's last-resort handler would print them. A library must not print.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def _form_fields(reader: object) -> list[str]:
    """Filled-in form fields as `name: value` lines. Fillable PDFs (IEP and
    health forms) keep what was typed in fields, not in the page text."""
    from pypdf import PdfReader

    assert isinstance(reader, PdfReader)
    fields = reader.get_fields() or {}
    lines = []
    for name, field in fields.items():
        value = field.get("/V")
        if value is None:
            continue
        text = str(value).strip()
        if text and text not in ("/Off", "/Yes") and not text.startswith("/"):
            label = str(field.get("/TU") or name)
            lines.append(f"{label}: {text}")
    return lines


class EncryptedPDFError(Exception):
    """The PDF needs a password: reported as skipped, the policy decides."""


class NoTextLayerError(Exception):
    """The PDF has pages but no text (a scan): reported as skipped."""


def pdf_blocks(stream: BinaryIO, limits: Limits) -> Iterator[Block]:
    """Open eagerly (so a broken or locked file is known before any block) and
    yield one block per page, located "page N"."""
    from pypdf import PasswordType, PdfReader

    reader = PdfReader(stream, strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:  # unsupported algorithm, broken dictionary
            raise EncryptedPDFError(f"encrypted PDF ({exc})") from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise EncryptedPDFError("encrypted PDF: a password is required to read it")
    count = len(reader.pages)
    return _pages(reader, count, limits)


def _pages(reader: object, count: int, limits: Limits) -> Iterator[Block]:
    from pypdf import PdfReader

    assert isinstance(reader, PdfReader)
    found_text = False
    for index in range(min(count, limits.max_pdf_pages)):
        text = reader.pages[index].extract_text() or ""
        if text.strip():
            found_text = True
            yield TextBlock(text, f"page {index + 1}")
    fields = _form_fields(reader)
    if fields:
        found_text = True
        yield TextBlock("\n".join(fields), "form fields")
    if count and not found_text:
        raise NoTextLayerError("PDF has no text layer (a scanned image?): nothing to scan")
