"""A patient's identity in an HL7 v2 message: the PID segment.

A school-based health center's interface engine (Mirth, Rhapsody) and the state's
immunization registry (MIIS) trade HL7 v2 messages, and their logs keep the raw ones:
"PID|1||4496120^^^WRH^MR~210223^^^AFPS^SID||RODRIGUES^ABDIRAHMAN^^^^^L||20090909|F|||...
||871567567". The segment's fields are numbered, so what each value is does not depend
on a label beside it: PID-3 the patient's identifiers (each with its type code: "SID" a
school's student ID, "SS" a Social Security number), PID-5 the name (family^given),
PID-7 the birth date (YYYYMMDD), PID-19 the SSN.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from scanners.recognizers.base import Hit, timeout_for
from scanners.recognizers.checksums import us_ssn

HL7_SCORE = 0.9
_SOURCE = "hl7-pid"

# A PID segment up to the end of its line or of its segment (a log writes "\r" as is,
# or escaped)
_PID = regex.compile(r"(?<![A-Za-z])PID\|[^\r\n]{0,2000}?(?=\r|\n|\\r|$)")
_NAME = regex.compile(r"(\p{Lu}[\p{L}'\- ]{0,40})\^(\p{Lu}[\p{L}'\- ]{0,40})")
_BIRTH = regex.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
_SSN = regex.compile(r"\d{3}-?\d{2}-?\d{4}")
# PID-3's identifier type codes (HL7 table 0203) that are ours to find: a hospital's
# medical record number ("MR") is no school's
_IDENTIFIER_TYPES = {"SID": "STUDENT_ID", "SS": "US_SSN"}


def pid_hits(text: str) -> Iterator[Hit]:
    """The name, birth date, SSN and student ID of each PID segment in `text`."""
    if "PID|" not in text:
        return
    for segment in _PID.finditer(text, timeout=timeout_for(text)):
        yield from _segment_hits(segment.group(), segment.start())


def _segment_hits(segment: str, offset: int) -> Iterator[Hit]:
    fields = segment.split("|")  # fields[0] is "PID", so fields[n] is PID-n
    starts = [offset]
    for value in fields[:-1]:
        starts.append(starts[-1] + len(value) + 1)

    def field(number: int) -> tuple[str, int]:
        return (fields[number], starts[number]) if number < len(fields) else ("", 0)

    name, at = field(5)
    match = _NAME.match(name)
    if match is not None:
        value = f"{match.group(2)} {match.group(1)}"
        yield Hit("PERSON", at, at + match.end(), value, HL7_SCORE, _SOURCE)
    born, at = field(7)
    if _BIRTH.fullmatch(born[:8]):
        yield Hit("DATE_OF_BIRTH", at, at + 8, born[:8], HL7_SCORE, _SOURCE)
    ssn, at = field(19)
    if _SSN.fullmatch(ssn) and us_ssn(ssn.replace("-", "")):
        yield Hit("US_SSN", at, at + len(ssn), ssn, HL7_SCORE, _SOURCE)
    identifiers, at = field(3)
    for identifier in identifiers.split("~"):
        parts = identifier.split("^")
        number, kind = parts[0], parts[4] if len(parts) > 4 else ""
        entity = _IDENTIFIER_TYPES.get(kind)
        if entity is not None and number.isdigit() and (entity != "US_SSN" or us_ssn(number)):
            yield Hit(entity, at, at + len(number), number, HL7_SCORE, _SOURCE)
        at += len(identifier) + 1
