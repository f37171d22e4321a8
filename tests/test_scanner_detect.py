"""Detection over whole documents: prose, tables, document signals, names."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

import pytest
from ner_helpers import CountingNames

from scanners import Finding, IdentifierPattern, Scanner, ScannerConfig
from scanners.detect import DetectorSettings, DocumentDetector, TablePiece, TextPiece
from scanners.engine import NameFinder
from scanners.recognizers.builtin import BUILTIN
from scanners.scanner import InvalidIdentifierPattern

SASID = IdentifierPattern(
    "STUDENT_ID", "ma-sasid", r"\b\d{10}\b", 0.3, ("sasid", "state assigned", "student id")
)
LOCAL_ID = IdentifierPattern(
    "STUDENT_ID",
    "cps-local-student-id",
    r"\b\d{6}\b",
    0.05,
    ("student id", "student #", "local id"),
)

IEP_NOTE = """Cambridge Public Schools — Office of Student Services
IEP Progress Report, Quarter 2

Student: Astrid Lindqvist          Grade: 8          Date of birth: 07/02/2012
SASID: 1048839377

Goal 1 (Reading comprehension): Astrid is making sufficient progress toward her
annual goal. With the accommodations listed in her IEP (extended time, text-to-speech,
preferential seating) she answered 8 of 10 inferential questions correctly.

Case manager: Daniel Reyes, Special Education Teacher
"""

NEWSLETTER = """Fletcher Maynard Academy — December Newsletter

The winter concert is on December 18 at 6:30 pm in the auditorium, room 120.
Thank you to Principal Jordan Blake and to the PTO for the new library books
(ISBN 978-0-14-312854-0 and 978-0-06-112008-4). Order number 20261118-4471 for
the spirit wear sale ships next week. Card 4111111111111112 was declined. The school
is at 225 Windsor Street, Cambridge, MA 02139, next to Washington Elementary.
Questions: frontoffice@example.org.
"""

NEW_HIRE = """Human Resources — New Hire Information Form
Employee name: Gregory Whitfield        Position: Math Teacher
Date of birth: 04/11/1986               Hire date: 08/25/2026
Direct deposit: routing 011000138, checking account 004417726310
Please return the W-4 and I-9 with this form to Payroll.
"""


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(ScannerConfig(identifiers=(SASID, LOCAL_ID)))


def by_entity(findings: Sequence[Finding]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for finding in findings:
        out.setdefault(finding.entity, []).append(finding.value)
    return out


def test_iep_note_is_a_student_record(scanner: Scanner) -> None:
    found = by_entity(scanner.scan_text(IEP_NOTE))
    assert found["DATE_OF_BIRTH"] == ["07/02/2012"]
    assert found["STUDENT_ID"] == ["1048839377"]
    assert "Astrid Lindqvist" in found["PERSON"]
    assert "EDUCATION_RECORD" in found and "STUDENT_CONTEXT" in found
    assert "EMPLOYEE_CONTEXT" not in found


def test_newsletter_hard_negatives_stay_quiet(scanner: Scanner) -> None:
    found = by_entity(scanner.scan_text(NEWSLETTER))
    for entity in (
        "US_SSN",
        "CREDIT_CARD",
        "DATE_OF_BIRTH",
        "STUDENT_ID",
        "PHONE_NUMBER",
        "US_BANK_NUMBER",
        "US_DRIVER_LICENSE",
        "EDUCATION_RECORD",
        "EMAIL_ADDRESS",  # the front office's mailbox is no one's
    ):
        assert entity not in found, (entity, found.get(entity))
    assert found["STREET_ADDRESS"] == ["225 Windsor Street, Cambridge, MA 02139"]
    people = found.get("PERSON", [])
    assert "Jordan Blake" in people
    assert not any("Windsor" in p or "Washington" in p for p in people)


def test_new_hire_form_is_employee_context_not_student(scanner: Scanner) -> None:
    found = by_entity(scanner.scan_text(NEW_HIRE))
    assert found["DATE_OF_BIRTH"] == ["04/11/1986"]  # the hire date is not a birth date
    assert found["ABA_ROUTING_NUMBER"] == ["011000138"]
    assert found["US_BANK_NUMBER"] == ["004417726310"]
    assert "EMPLOYEE_CONTEXT" in found
    assert "STUDENT_CONTEXT" not in found and "EDUCATION_RECORD" not in found
    assert "Gregory Whitfield" in found["PERSON"]


def test_text_findings_say_their_line(scanner: Scanner) -> None:
    findings = scanner.scan_text("nothing here\n\nSSN: 212-58-3391 for Maria Gonzalez\n")
    ssn = next(f for f in findings if f.entity == "US_SSN")
    assert ssn.location == "line 3"
    assert ssn.masked_value() == "***-**-**91"


ROSTER_HEADER = (
    "Student ID",
    "SASID",
    "Last Name",
    "First Name",
    "DOB",
    "Grade",
    "Homeroom",
    "Guardian Name",
    "Guardian Phone",
)
ROSTER_ROWS = [
    (
        2,
        (
            "204118",
            "1048839201",
            "Okafor",
            "Chidera",
            "2012-03-14",
            "8",
            "214",
            "Ngozi Okafor",
            "(617) 555-0142",
        ),
    ),
    (
        3,
        (
            "204127",
            "1048839377",
            "Lindqvist",
            "Astrid",
            "2012-07-02",
            "8",
            "214",
            "Erik Lindqvist",
            "(617) 555-0187",
        ),
    ),
]


def detector(names: NameFinder | None) -> DocumentDetector:
    return DocumentDetector(DetectorSettings(recognizers=BUILTIN, names=names))


def test_table_headers_type_cells_and_no_ner_runs_on_cells() -> None:
    names = CountingNames()
    doc = detector(names)
    doc.feed_table(TablePiece("sheet Roster", ROSTER_HEADER, ROSTER_ROWS))
    findings = doc.finish()
    found = by_entity(findings)
    assert names.texts == []
    assert found["PERSON"] == [
        "Chidera Okafor",
        "Ngozi Okafor",
        "Astrid Lindqvist",
        "Erik Lindqvist",
    ]
    assert found["DATE_OF_BIRTH"] == ["2012-03-14", "2012-07-02"]
    assert found["PHONE_NUMBER"] == ["(617) 555-0142", "(617) 555-0187"]
    assert sorted(found["STUDENT_ID"]) == ["1048839201", "1048839377", "204118", "204127"]
    assert "STUDENT_CONTEXT" in found
    dob = next(f for f in findings if f.entity == "DATE_OF_BIRTH")
    assert dob.location == "sheet Roster, row 2, column DOB"
    person = next(f for f in findings if f.entity == "PERSON")
    assert person.location == "sheet Roster, row 2, columns Last Name, First Name"


def test_untyped_columns_use_the_header_as_the_label() -> None:
    doc = detector(None)
    doc.feed_table(
        TablePiece(
            "",
            ("Order", "Amount", "Notes"),
            [
                (2, ("445198802", "12.00", "")),
                (3, ("445198803", "14.00", "parent gave SSN 212-58-3391 by phone")),
            ],
        )
    )
    found = by_entity(doc.finish())
    assert found == {"US_SSN": ["212-58-3391"]}


def test_letter_grades_make_an_education_record() -> None:
    doc = detector(None)
    doc.feed_table(
        TablePiece(
            "",
            ("Student", "Q1 Grade", "Q2 Grade"),
            [
                (2, ("Chidera Okafor", "A-", "B+")),
                (3, ("Astrid Lindqvist", "B", "A")),
            ],
        )
    )
    assert "EDUCATION_RECORD" in by_entity(doc.finish())


def test_ner_skipped_in_long_text_where_no_finding_depends_on_a_name() -> None:
    names = CountingNames()
    doc = detector(names)
    doc.feed_text(TextPiece("Jordan Blake thanks everyone for the bake sale on Friday.\n" * 60))
    # the name lists still report the names they know; the model is never asked
    assert {f.entity for f in doc.finish()} == {"PERSON"}
    assert names.texts == []


def test_short_text_always_gets_its_names() -> None:
    names = CountingNames()
    doc = detector(names)
    doc.feed_text(TextPiece("Jordan Blake thanks everyone for the bake sale on Friday."))
    assert [f.value for f in doc.finish()] == ["Jordan Blake"]


def test_ner_reads_only_around_findings_in_long_text() -> None:
    names = CountingNames()
    doc = detector(names)
    filler = "The committee reviewed the budget for the new library wing. " * 400
    doc.feed_text(TextPiece(filler + "\nMaria Gonzalez SSN 212-58-3391\n" + filler))
    found = by_entity(doc.finish())
    assert found["PERSON"] == ["Maria Gonzalez"]
    read = sum(len(t) for t in names.texts)
    assert read < len(filler) // 4


def test_findings_in_chunk_overlaps_are_reported_once() -> None:
    text = "x" * 100 + " SSN 212-58-3391 " + "y" * 100
    first = TextPiece(text[:130], offset=0)
    second = TextPiece(text[90:], offset=90)
    doc = detector(None)
    doc.feed_text(first)
    doc.feed_text(second)
    assert [f.value for f in doc.finish() if f.entity == "US_SSN"] == ["212-58-3391"]


def test_thresholds_from_config_drop_weak_findings() -> None:
    strict = Scanner(ScannerConfig(thresholds={"PHONE_NUMBER": 0.99}, ner=False))
    assert strict.scan_text("call (617) 555-0142") == []
    assert [
        f.entity for f in Scanner(ScannerConfig(ner=False)).scan_text("call (617) 555-0142")
    ] == ["PHONE_NUMBER"]


def test_declared_identifiers_need_their_context() -> None:
    scanner = Scanner(ScannerConfig(identifiers=(SASID, LOCAL_ID), ner=False))
    assert by_entity(scanner.scan_text("Student ID: 204118")) == {"STUDENT_ID": ["204118"]}
    assert scanner.scan_text("invoice 204118, total 1048839377 cents") == []


def test_bad_identifier_pattern_is_a_scanner_error() -> None:
    with pytest.raises(InvalidIdentifierPattern):
        Scanner(ScannerConfig(identifiers=(IdentifierPattern("STUDENT_ID", "bad", r"(\d", 0.5),)))
    with pytest.raises(InvalidIdentifierPattern):
        Scanner(
            ScannerConfig(
                identifiers=(IdentifierPattern("STUDENT_ID", "v", r"\d", 0.5, (), "crc"),)
            )
        )


def decision_detector(names: NameFinder) -> DocumentDetector:
    return DocumentDetector(DetectorSettings(recognizers=BUILTIN, names=names, every_name=False))


def test_labelled_name_decides_without_ner() -> None:
    names = CountingNames()
    doc = decision_detector(names)
    doc.feed_text(TextPiece("Employee name: Gregory Whitfield\nSSN: 212-58-3391\n"))
    found = by_entity(doc.finish())
    assert found["PERSON"] == ["Gregory Whitfield"]
    assert names.texts == []


def test_ner_runs_when_a_decision_depends_on_a_name() -> None:
    names = CountingNames()
    doc = decision_detector(names)
    # "Chidera" is on no name list: only the model can tell this is a person
    doc.feed_text(TextPiece("We spoke with Chidera Okafor about her SSN 212-58-3391 today."))
    assert by_entity(doc.finish())["PERSON"] == ["Chidera Okafor"]
    assert names.texts != []


def test_a_listed_name_decides_without_ner() -> None:
    names = CountingNames()
    doc = decision_detector(names)
    doc.feed_text(TextPiece("We spoke with Maria Gonzalez about her SSN 212-58-3391 today."))
    assert by_entity(doc.finish())["PERSON"] == ["Maria Gonzalez"]
    assert names.texts == []


def test_no_identifier_no_ner_in_decision_mode() -> None:
    names = CountingNames()
    doc = decision_detector(names)
    doc.feed_text(TextPiece("Chidera Okafor will bring cookies to the bake sale."))
    assert doc.finish() == []
    assert names.texts == []


def test_mail_headers_name_people_not_mailboxes() -> None:
    scanner = Scanner(ScannerConfig(ner=False))
    text = (
        "From: Shannon Thornton <sthornton@district.example.org>\n"
        'To: "Ashley Johnson" <ajohnson@district.example.org>\n'
        "Cc: Main Office <office@district.example.org>\n"
        "Subject: Student: Monday schedule\n"
    )
    assert by_entity(scanner.scan_text(text))["PERSON"] == ["Shannon Thornton", "Ashley Johnson"]


_TIED_SIGNALS = """
import sys
from scanners import Scanner
text = "Personnel: the union contract.\\nHigh school enrollment at each school.\\n"
found = Scanner().scan_text(text, every_name=False)
print(sorted((f.entity, f.value) for f in found if f.entity.endswith("_CONTEXT")))
"""


def test_signals_tied_in_weight_are_decided_alike_whatever_the_hash_seed() -> None:
    """Three employee words against three student words, of weights that sum to the
    same value in exact arithmetic: each process's string hashes order the terms of a
    set anew, and the result must not depend on that order."""
    outputs = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run(
            [sys.executable, "-c", _TIED_SIGNALS],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1, outputs
    assert "EMPLOYEE_CONTEXT" in outputs.pop()
