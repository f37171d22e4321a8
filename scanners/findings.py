"""The scanner's result types: what was found, where, and how sure we are.

This module is the one part of `scanners` that `policies` may import: a policy
classifies findings, so it needs their type and the names of the entities.
It must stay import-light (no presidio, no spaCy).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from enum import StrEnum

# Between an archive (or e-mail) and a member in a report's path: "a.zip!b.eml!c.csv".
MEMBER_SEPARATOR = "!"

# Entities the scanner can report. Names follow presidio where presidio has one.
# The document-level signals at the end are not values in the text but what the
# text is about; a policy combines them with identifiers to recognise a record.
ENTITY_TYPES: frozenset[str] = frozenset(
    {
        "PERSON",
        "US_SSN",
        "US_DRIVER_LICENSE",
        "US_PASSPORT",
        "US_ITIN",
        "CREDIT_CARD",
        "US_BANK_NUMBER",
        "ABA_ROUTING_NUMBER",
        "IBAN_CODE",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "DATE_OF_BIRTH",
        "STUDENT_ID",
        "STREET_ADDRESS",
        "IP_ADDRESS",
        "MEDICAL_LICENSE",
        # document-level signals
        "EDUCATION_RECORD",  # grades, report cards, IEP/504 plans, accommodations, health notes
        "STUDENT_CONTEXT",  # the document is about students (roster, enrolment, guardian)
        "EMPLOYEE_CONTEXT",  # the document is about staff (payroll, HR, new-hire forms)
    }
)


class ScanStatus(StrEnum):
    """Outcome of scanning one file; values are the scan/v1 `status` strings."""

    SCANNED = "scanned"
    SKIPPED = "skipped"
    ERROR = "error"


_ALPHANUMERIC = re.compile(r"[^\W_]")  # exactly the characters str.isalnum() accepts
# The same characters where the text is ASCII (letters and digits), as a table for
# `str.translate`. A scan masks every value it reports (13,000 in the bench corpus), and
# `re.sub`, one match and one replacement per character, took 2% of its instructions;
# `translate` does the same for an ASCII value in a small fraction of them.
_ASCII_ALPHANUMERIC_TO_STAR = str.maketrans(
    dict.fromkeys(string.ascii_letters + string.digits, "*")
)


def mask(value: str) -> str:
    """Hide a found value but keep its shape: enough to tell a reviewer which kind
    of thing it is (and its last two characters), never enough to use it."""
    if len(value) <= 4:
        return "*" * len(value)
    head = value[:-2]
    if head.isascii():
        return head.translate(_ASCII_ALPHANUMERIC_TO_STAR) + value[-2:]
    return _ALPHANUMERIC.sub("*", head) + value[-2:]


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of personal information (or a document-level signal)."""

    entity: str
    score: float
    value: str
    location: str

    def masked_value(self) -> str:
        return mask(self.value)


@dataclass(frozen=True, slots=True)
class FileReport:
    """The result of scanning one file or one archive member.

    `path` is the display path; archive members read `archive.zip!member.csv`.
    """

    path: str
    status: ScanStatus
    error: str | None = None
    sha256: str | None = None
    findings: tuple[Finding, ...] = field(default_factory=tuple)
