"""Text extraction from every format staff handle, typed by content, bounded.

The detectors consume `ExtractedDocument`s: one per file and one per archive
member or e-mail attachment, each a lazy stream of `TextBlock`s and
`TableBlock`s. Nothing here raises for bad input; see `ExtractedDocument`.
"""

from scanners.extract._core import extract_bytes, extract_path
from scanners.extract._types import (
    Block,
    ExtractedDocument,
    Limits,
    TableBlock,
    TextBlock,
    column_letter,
)

__all__ = [
    "Block",
    "ExtractedDocument",
    "Limits",
    "TableBlock",
    "TextBlock",
    "column_letter",
    "extract_bytes",
    "extract_path",
]
