"""What extraction costs before it reads anything: every format library loads
only when a file needs it, so scanning a folder of text files pays for none.

Checked in a fresh interpreter each time (this process has imported them all).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scanners.extract import _core

# Each costs tens of milliseconds to import; spaCy and numpy much more.
_HEAVY = (
    "openpyxl",
    "pptx",
    "docx",
    "odf",
    "pypdf",
    "pypdfium2",
    "pypdfium2_raw",
    "lxml",
    "numpy",
    "spacy",
    "charset_normalizer",
    "defusedxml",
    "email.message",
    "html.parser",
    "xml.etree.ElementTree",
)

_REPORT = (
    "import sys\n"
    "from pathlib import Path\n"
    "from scanners.extract import extract_path\n"
    "for path in sys.argv[1:]:\n"
    "    for d in extract_path(Path(path)):\n"
    "        for b in d.blocks: list(getattr(b, 'rows', ()))\n"
    "print(' '.join(m for m in {heavy!r} if m in sys.modules))\n"
)


def _loaded_after(*paths: Path) -> set[str]:
    code = _REPORT.format(heavy=_HEAVY)
    run = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(run.stdout.split())


def test_importing_extraction_loads_no_format_library() -> None:
    assert _loaded_after() == set()


def test_text_files_load_no_format_library(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Amara Okafor, SASID 1034567890\n")
    roster = tmp_path / "roster.csv"
    roster.write_text("Name,DOB\nAmara Okafor,2013-04-09\nTeo Lindqvist,2012-11-30\n")
    assert _loaded_after(notes, roster) == set()


def test_each_format_loads_only_what_it_reads(tmp_path: Path) -> None:
    from bench import _writers as w

    page = tmp_path / "page.pdf"
    page.write_bytes(w.pdf_bytes([["Report card", "Amara Okafor"]]))
    sheet = tmp_path / "grades.xlsx"
    sheet.write_bytes(w.xlsx_bytes({"Grades": [["Name", "GPA"], ["Amara", "3.4"]]}))
    words = tmp_path / "plan.docx"
    words.write_bytes(w.docx_bytes(["504 plan for Amara Okafor"]))
    # a plain PDF: PDFium's bindings, neither pypdf nor pypdfium2's helper layer
    assert _loaded_after(page) == {"pypdfium2_raw"}
    assert _loaded_after(sheet, words) == {"lxml"}  # no openpyxl, no python-docx


def test_small_file_is_read_whole_once(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"0123456789")
    fd = os.open(path, os.O_RDONLY)
    try:
        assert _core._read_whole(fd, 10) == b"0123456789"
        os.lseek(fd, 0, os.SEEK_SET)
        assert _core._read_whole(fd, 9) is None  # grew past what it was measured at
    finally:
        os.close(fd)


def test_file_larger_than_the_memory_bound_is_streamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `_IN_MEMORY` the descriptor is read in passes, as before: same result."""
    from extract_helpers import drain

    def read() -> list[object]:
        return [
            (
                d.path,
                d.kind,
                d.status,
                d.error,
                d.sha256,
                d.texts,
                [(t.location, t.header, rows) for t, rows in d.tables],
            )
            for d in drain(_core.extract_path(path))
        ]

    path = tmp_path / "roster.csv"
    path.write_text("Name,DOB\n" + "Amara Okafor,2013-04-09\n" * 200)
    whole = read()
    monkeypatch.setattr(_core, "_IN_MEMORY", 64)
    assert read() == whole
    assert whole[0][4] is not None and len(whole[0][6][0][2]) == 200  # type: ignore[index]
