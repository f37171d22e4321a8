"""ASC X12 EDI (HIPAA 005010): the people of an 834 enrollment or an 837 claim file.

A district sends its health and dental plans 834 benefit enrollments (employees and
dependents, with their SSNs) and bills MassHealth for school-based services with 837P
claims (students, their Medicaid IDs, birth dates and diagnoses). Both are runs of
`SEG*element*element~` segments: a member's name sits in one segment (NM1), the
birth date in another (DMG), the SSN in a third (REF or the NM1's own ID), so read as
text no label stands beside a value.

Each person's loop becomes a row of one table, its columns named as an export would
name them ("Last Name", "SSN", "Date of Birth"), so that the detector types them as
it types any table. A loop starts at an 834 member's INS, or at a person's NM1
(entity type 1) naming someone new; the segments after it, up to the next loop, are
that person's. Segments outside any person (the sender, the payer, an organisation's
NM1) are left out: they name companies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.extract._types import Block, TableBlock

# The interchange header (ISA) is of fixed width: 106 characters, its 4th the element
# separator, its 105th the component separator and its 106th the segment terminator.
ISA_LENGTH = 106
X12_START = re.compile(r"ISA(?P<sep>[^\w\s])")

COLUMNS = (
    "Role",
    "Last Name",
    "First Name",
    "Middle Name",
    "SSN",
    "Member ID",
    "Subscriber Number",
    "NPI",
    "Date of Birth",
    "Address",
    "Diagnosis Codes",
)
_COLUMN = {name: i for i, name in enumerate(COLUMNS)}
# NM101, the entity identifier code: whose name an NM1 gives (X12 code list 98)
_ROLES = {
    "IL": "Insured or Subscriber",
    "QC": "Patient",
    "74": "Corrected Insured",
    "31": "Postal Mailing Address",
    "70": "Prior Incorrect Insured",
    "82": "Rendering Provider",
    "85": "Billing Provider",
    "DN": "Referring Provider",
    "DK": "Ordering Provider",
    "P3": "Primary Care Provider",
}
# NM108, the identification code qualifier: what NM109 is
_ID_COLUMNS = {"34": "SSN", "MI": "Member ID", "II": "Member ID", "XX": "NPI"}
# REF01: a reference's qualifier (0F subscriber number, SY social security number)
_REF_COLUMNS = {"SY": "SSN", "0F": "Subscriber Number", "1W": "Member ID"}
_PERSON = "1"  # NM102: entity type qualifier, a person (2 is an organisation)
_MAX_ROWS = 1_000_000  # a hostile file of one-segment loops is still a bounded table


def looks_like_x12(text: str) -> bool:
    return X12_START.match(text) is not None and len(text) >= ISA_LENGTH


def x12_blocks(text: str) -> Iterator[Block]:
    """The people of the interchange as one table (see the module docstring)."""
    rows: list[tuple[int, tuple[str, ...]]] = []
    row: list[str] | None = None
    sep, component = _separators(text)

    def close() -> None:
        nonlocal row
        if row is not None and any(row[1:]) and len(rows) < _MAX_ROWS:
            rows.append((len(rows) + 2, tuple(row)))
        row = None

    in_organisation = False  # within an organisation's name loop (a payer, a provider)
    for segment in _segments(text):
        elements = segment.split(sep)
        tag = elements[0]
        if tag == "INS":
            close()
            row = [""] * len(COLUMNS)
            in_organisation = False
        elif tag == "NM1":
            in_organisation = _get(elements, 2) != _PERSON
            if in_organisation:
                continue  # its address and IDs are a company's
            if row is None or row[_COLUMN["Last Name"]]:
                close()
                row = [""] * len(COLUMNS)
            code = _get(elements, 1)
            row[_COLUMN["Role"]] = _ROLES.get(code, code)
            row[_COLUMN["Last Name"]] = _get(elements, 3)
            row[_COLUMN["First Name"]] = _get(elements, 4)
            row[_COLUMN["Middle Name"]] = _get(elements, 5)
            column = _ID_COLUMNS.get(_get(elements, 8))
            if column is not None:
                row[_COLUMN[column]] = _get(elements, 9)
        elif row is None:
            continue
        elif tag == "HI":
            # a claim's diagnoses, after its payer's loop: the claim's person's
            codes = [e.split(component)[-1] for e in elements[1:] if e]
            known = row[_COLUMN["Diagnosis Codes"]]
            row[_COLUMN["Diagnosis Codes"]] = " ".join(c for c in (known, *codes) if c)
        elif in_organisation:
            continue
        elif tag == "DMG" and _get(elements, 1) == "D8":
            row[_COLUMN["Date of Birth"]] = _get(elements, 2)
        elif tag == "REF" and _get(elements, 1) in _REF_COLUMNS:
            column = _REF_COLUMNS[_get(elements, 1)]
            if not row[_COLUMN[column]]:
                row[_COLUMN[column]] = _get(elements, 2)
        elif tag in ("N3", "N4"):
            parts = [e for e in elements[1:4] if e]
            address = row[_COLUMN["Address"]]
            row[_COLUMN["Address"]] = ", ".join(p for p in (address, " ".join(parts)) if p)
    close()
    yield TableBlock("", COLUMNS, rows)


def _separators(text: str) -> tuple[str, str]:
    """The element and component separators the interchange header declares."""
    sep = text[3]
    header = text[:ISA_LENGTH]
    component = header[-2] if header.count(sep) == 16 else ":"
    return sep, component


def _segments(text: str) -> Iterator[str]:
    """Segments, their terminator read from the header (often "~", with or without a
    line break after it)."""
    terminator = text[ISA_LENGTH - 1] if len(text) >= ISA_LENGTH else "~"
    if terminator.isalnum() or terminator == text[3]:
        terminator = "~"
    for segment in text.split(terminator):
        segment = segment.strip()
        if segment:
            yield segment


def _get(elements: list[str], index: int) -> str:
    return elements[index].strip() if index < len(elements) else ""
