"""Database dumps, directory exports and EDI: SQL (mysqldump, pg_dump, SQL Server
scripts), LDIF and X12 (834 enrollments, 837 claims). Their rows are tables, headed by
the statement's, the entry's or the segment's own names, so that a column of SASIDs
is read as one; what is not data stays text."""

from __future__ import annotations

import subprocess
import sys

import pytest
from district_classes import FERPA, MGL_93H

from pii_guard.scanning import classify_reports, scanner_for_policy
from policies import Policy, load_policy
from scanners import Scanner
from scanners.extract import extract_bytes
from tests.extract_helpers import Drained, drain


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(None).policy


@pytest.fixture(scope="module")
def scanner(policy: Policy) -> Scanner:
    return scanner_for_policy(policy)


def _one(data: bytes, name: str) -> Drained:
    (document,) = drain(extract_bytes(data, name))
    return document


MYSQLDUMP = b"""-- MySQL dump 10.13  Distrib 8.0.36
-- Host: sis-replica    Database: aspen_nightly

DROP TABLE IF EXISTS `students`;
CREATE TABLE `students` (
  `stu_oid` varchar(14) NOT NULL,
  `sasid` char(10),
  `first_nm` varchar(40),
  `last_nm` varchar(60),
  `birth_dt` date,
  PRIMARY KEY (`stu_oid`),
  KEY `ix_sasid` (`sasid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `students` WRITE;
INSERT INTO `students` VALUES ('STD01','1339044013','Siobhan','O\\'Brien','2016-01-30'),\
('STD02','1147657013','Dav;id','Abdullah',NULL),\
('STD03','1825275695','Ana (Bia)','Lima','2012-05-01');
UNLOCK TABLES;
-- Dump completed on 2024-11-02  2:00:01
"""


def test_mysqldump_rows_are_a_table_headed_by_the_create_table_columns() -> None:
    document = _one(MYSQLDUMP, "nightly.sql")
    assert document.kind == "sql"
    ((table, rows),) = document.tables
    assert table.location == "table students"
    assert table.header == ("stu_oid", "sasid", "first_nm", "last_nm", "birth_dt")
    assert rows == [
        (1, ("STD01", "1339044013", "Siobhan", "O'Brien", "2016-01-30")),
        (2, ("STD02", "1147657013", "Dav;id", "Abdullah", "")),  # ";" in a string, NULL
        (3, ("STD03", "1825275695", "Ana (Bia)", "Lima", "2012-05-01")),
    ]


def test_a_dumps_other_text_keeps_its_line_numbers() -> None:
    document = _one(MYSQLDUMP, "nightly.sql")
    text = "\n".join(block.text for block in document.texts)
    lines = text.split("\n")
    assert lines[16] == "UNLOCK TABLES;"  # line 17 of the file
    assert "1339044013" not in text  # the rows are read once, as the table


def test_pg_dump_copy_blocks_are_tables() -> None:
    data = (
        b"--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\n\n"
        b"COPY public.payment_methods (id, holder_name, pan, note) FROM stdin;\n"
        b"1\tRosa Delgado\t4111111111111111\t\\N\n"
        b"2\tMinh Tran\t5500005555555559\tcard\\tsaved\n"
        b"\\.\n\n-- PostgreSQL database dump complete\n"
    )
    document = _one(data, "lunch_pos_backup.sql")
    ((table, rows),) = document.tables
    assert table.location == "table payment_methods"
    assert table.header == ("id", "holder_name", "pan", "note")
    assert rows == [
        (1, ("1", "Rosa Delgado", "4111111111111111", "")),
        (2, ("2", "Minh Tran", "5500005555555559", "card\tsaved")),
    ]


def test_sql_server_script_brackets_and_unicode_literals() -> None:
    data = (
        "INSERT [dbo].[Employees] ([EmpID], [LastName], [FirstName], [SSN]) "
        "VALUES (1001, N'Nguy\u1ec5n', N'Th\u1ecb Lan', N'460-57-5917')\nGO\n"
        "INSERT [dbo].[Employees] ([EmpID], [LastName], [FirstName], [SSN]) "
        "VALUES (1002, N'Okafor', N'Chidi', N'127-03-0804')\nGO\n"
    ).encode("utf-16")
    document = _one(data, "hr_export.sql")
    ((table, rows),) = document.tables
    assert table.header == ("EmpID", "LastName", "FirstName", "SSN")
    assert [cells for _, cells in rows] == [
        ("1001", "Nguy\u1ec5n", "Th\u1ecb Lan", "460-57-5917"),
        ("1002", "Okafor", "Chidi", "127-03-0804"),
    ]


def test_a_cut_off_dump_gives_the_rows_it_has() -> None:
    cut = MYSQLDUMP[: MYSQLDUMP.index(b"'Dav;id'")]
    document = _one(cut, "nightly.sql")
    assert document.error is None
    ((_, rows),) = document.tables
    assert [cells[1] for _, cells in rows] == ["1339044013"]


def test_a_schema_without_rows_stays_text() -> None:
    data = MYSQLDUMP[: MYSQLDUMP.index(b"LOCK TABLES")]
    document = _one(data, "schema.sql")
    assert document.kind == "text"
    assert not document.tables


def test_sql_dumps_are_classified_by_their_columns(scanner: Scanner, policy: Policy) -> None:
    students = scanner.scan_bytes(MYSQLDUMP, "nightly.sql")
    assert FERPA in classify_reports(policy, students)
    ids = [f for f in students[0].findings if f.entity == "STUDENT_ID"]
    assert ids and ids[0].location == "table students, row 1, column sasid"
    payroll = (
        b"INSERT INTO employees (emp_id, first_name, last_name, ssn, hire_date) VALUES "
        b"(19888,'Peggy','Perez','460-57-5917','1995-01-08'),"
        b"(10286,'Rebecca','Chavez','127-03-0804','2022-09-24');\n"
    )
    reports = scanner.scan_bytes(payroll, "payroll.sql")
    assert classify_reports(policy, reports) == (MGL_93H,)


LDIF_STUDENTS = b"""# export of OU=Students, 2024-09-03
version: 1

dn: CN=Nicole Adams,OU=Grade07,OU=QMS,OU=Students,DC=district,DC=local
objectClass: top
objectClass: user
cn: Nicole Adams
sn: Adams
givenName: Nicole
displayName:: QWRhbXMsIE5pY29sZQ==
objectGUID:: 3q2+7wAAAAAAAAAAAAAAAA==
employeeID: 289007
description: YOG 2030 - a long description that wraps onto a
  second line

dn: CN=Margaret Aguirre,OU=Grade08,OU=QMS,OU=Students,DC=district,DC=local
objectClass: top
objectClass: user
cn: Margaret Aguirre
sn: Aguirre
givenName: Margaret
employeeID: 263067

dn: CN=Omar Hassan,OU=Grade08,OU=QMS,OU=Students,DC=district,DC=local
cn: Omar Hassan
sn: Hassan
givenName: Omar
employeeID: 270115
"""


def test_ldif_entries_are_rows_with_attributes_as_columns() -> None:
    document = _one(LDIF_STUDENTS, "ad_students.ldif")
    assert document.kind == "ldif"
    ((table, rows),) = document.tables
    assert table.header == (
        "dn",
        "objectClass",
        "commonName",  # RFC 4519's short names spelled out
        "surname",
        "givenName",
        "displayName",
        "employeeID",
        "description",
    )
    first = dict(zip(table.header, rows[0][1], strict=True))
    assert first["objectClass"] == "top; user"  # values of one attribute, together
    assert first["displayName"] == "Adams, Nicole"  # base64 text decoded
    assert first["description"] == "YOG 2030 - a long description that wraps onto a second line"
    assert "objectGUID" not in table.header  # binary: no text to read
    assert [number for number, _ in rows] == [1, 2, 3]
    assert dict(zip(table.header, rows[2][1], strict=True))["objectClass"] == ""


def test_a_directory_of_students_accounts_is_a_student_record(
    scanner: Scanner, policy: Policy
) -> None:
    """The entries sit in a students' OU: their employeeID is the student's number."""
    reports = scanner.scan_bytes(LDIF_STUDENTS, "ad_students.ldif")
    assert FERPA in classify_reports(policy, reports)
    people = [f for f in reports[0].findings if f.entity == "PERSON"]
    assert len(people) == 3  # one person per entry, however many name attributes
    ids = sorted(f.value for f in reports[0].findings if f.entity == "STUDENT_ID")
    assert ids == ["263067", "270115", "289007"]


def test_a_directory_of_staff_accounts_is_no_student_record(
    scanner: Scanner, policy: Policy
) -> None:
    staff = (
        LDIF_STUDENTS.replace(b"OU=Students", b"OU=Staff")
        .replace(b"OU=QMS", b"OU=Faculty")
        .replace(b"export of OU=Staff", b"export of staff")
    )
    classes = classify_reports(policy, scanner.scan_bytes(staff, "ad_staff.ldif"))
    assert FERPA not in classes and MGL_93H not in classes


def test_binary_looking_base64_and_bad_lines_do_not_break_ldif() -> None:
    # a value that is not base64, a JPEG's first bytes (binary), a line of no attribute
    data = b"dn: cn=x,dc=d\ncn: x\nnot an attribute line\nphoto:: !!!x\njpegPhoto:: /9j/4AAQ\n"
    document = _one(data, "odd.ldif")
    ((table, rows),) = document.tables
    assert table.header == ("dn", "commonName")
    assert rows == [(1, ("cn=x,dc=d", "x"))]


RUN = 2_000_000
HOSTILE = {
    "a string that never closes": b"INSERT INTO t VALUES (" + b"\\'" * (RUN // 2),
    "table definitions that never close": (
        b"INSERT INTO t VALUES (1);\n" + b"CREATE TABLE a (" * (RUN // 16)
    ),
    "brackets that never close": b"INSERT INTO t VALUES " + b"(" * RUN,
    "a COPY block without its end": b"COPY t (a) FROM stdin;\n" + b"x\t\\\n" * (RUN // 4),
    "an LDIF value folded without end": b"dn: x\n" + b" a\n" * (RUN // 3),
    "an X12 file of person loops without end": (
        b"ISA*00*          *00*          *ZZ*A              *ZZ*B              "
        b"*241101*0615*^*00501*000004417*0*P*:~" + b"NM1*IL*1*A*B~DMG*D8*20140101~" * (RUN // 28)
    ),
}
_CHILD = """
import sys
from scanners.extract import TableBlock, extract_bytes

for document in extract_bytes(sys.stdin.buffer.read(), "dump"):
    for block in document.blocks:
        if isinstance(block, TableBlock):
            sum(1 for _ in block.rows)
    print(document.kind, document.status.value)
"""


@pytest.mark.parametrize("data", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_dumps_are_read_in_bounded_time(data: bytes) -> None:
    """Unclosed strings, brackets and blocks are read once. (Searching each `CREATE
    TABLE`'s definition to the end of the text took minutes on the second shape.) A
    minute is the hang guard; a linear reader needs about a second."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], input=data, capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[1] == b"scanned"


def test_a_replace_into_dump_is_read_as_sql() -> None:
    data = b"REPLACE INTO staff (emp_id, last_name) VALUES (19888,'Perez'),(10286,'Chavez');\n"
    document = _one(data, "staff.sql")
    assert document.kind == "sql"
    ((table, rows),) = document.tables
    assert table.header == ("emp_id", "last_name")
    assert [cells for _, cells in rows] == [("19888", "Perez"), ("10286", "Chavez")]


# An 834 benefit enrollment (005010X220A1) as a district sends its dental plan: the
# member's SSN in REF*0F and in the NM1's own ID (qualifier 34), the birth date in DMG.
X12_834 = (
    b"ISA*00*          *00*          *ZZ*NPPS2190       *ZZ*DELTADENTALMA  "
    b"*241101*0615*^*00501*000004417*0*P*:~\n"
    b"GS*BE*NPPS2190*DDMA*20241101*0615*4417*X*005010X220A1~\n"
    b"ST*834*0001*005010X220A1~\n"
    b"N1*P5*NORTH PEMBERTON PUBLIC SCHOOLS*FI*046001487~\n"
    b"INS*Y*18*030*XN*A***FT~\nREF*0F*450236596~\nREF*1L*G22368~\n"
    b"NM1*IL*1*JONES*MICHAEL*J***34*450236596~\nN3*2822 MICHELLE ROAD~\n"
    b"N4*LOWELL*MA*01852~\nDMG*D8*19661224*M~\nHD*001**DEN*PPO PLUS*ESP~\n"
    b"INS*N*01*030*XN*A~\nREF*0F*450236596~\nNM1*IL*1*JONES*KAREN*L***34*497881022~\n"
    b"DMG*D8*19680302*F~\nSE*16*0001~\nGE*1*4417~\nIEA*1*000004417~\n"
)
# An 837P claim for school-based services: a payer's loop (an organisation) sits
# between the patient and the claim's diagnoses.
X12_837 = (
    b"ISA*00*          *00*          *ZZ*SALTMARSH      *ZZ*MASSHEALTH     "
    b"*241105*1200*^*00501*000000417*0*P*:~"
    b"ST*837*0001*005010X222A1~NM1*85*2*SALTMARSH PUBLIC SCHOOLS*****XX*1558304419~"
    b"N3*1 SCHOOL ST~N4*SALTMARSH*MA*02368~"
    b"NM1*IL*1*SPENCER*SHANNON****MI*100059584182~N3*9408 BARRON LODGE~"
    b"N4*SALTMARSH*MA*02368~DMG*D8*20161120*F~NM1*PR*2*MASSHEALTH*****PI*DMA7384~"
    b"N3*PO BOX 9118~CLM*417-1*61.95***03:B:1*Y*A*Y*Y~HI*ABK:F902*ABF:R6250~"
    b"SE*12*0001~"
)


def test_x12_person_loops_are_rows() -> None:
    document = _one(X12_834, "DeltaDental_834.edi")
    assert document.kind == "x12"
    ((table, rows),) = document.tables
    people = [dict(zip(table.header, cells, strict=True)) for _, cells in rows]
    assert [(p["Last Name"], p["First Name"], p["SSN"], p["Date of Birth"]) for p in people] == [
        ("JONES", "MICHAEL", "450236596", "19661224"),
        ("JONES", "KAREN", "497881022", "19680302"),
    ]
    assert people[0]["Address"] == "2822 MICHELLE ROAD, LOWELL MA 01852"
    assert people[0]["Subscriber Number"] == "450236596"
    # the sponsor (N1, the district) is no one's row
    assert all("PEMBERTON" not in " ".join(p.values()) for p in people)


def test_x12_claims_diagnoses_belong_to_the_claims_person_not_the_payer() -> None:
    document = _one(X12_837, "837P_SPS.x12")
    ((table, rows),) = document.tables
    (person,) = [dict(zip(table.header, cells, strict=True)) for _, cells in rows]
    assert (person["Last Name"], person["Member ID"]) == ("SPENCER", "100059584182")
    assert person["Address"] == "9408 BARRON LODGE, SALTMARSH MA 02368"  # not the payer's
    assert person["Diagnosis Codes"] == "F902 R6250"


def test_an_834_enrollment_is_personal_information(scanner: Scanner, policy: Policy) -> None:
    reports = scanner.scan_bytes(X12_834, "DeltaDental_834.edi")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_SSN", "450236596"), ("PERSON", "MICHAEL JONES")} <= found
    classes = classify_reports(policy, reports)
    assert MGL_93H in classes and FERPA not in classes  # grown-ups' birth dates


def test_an_837_claim_for_a_child_is_a_student_record(scanner: Scanner, policy: Policy) -> None:
    reports = scanner.scan_bytes(X12_837, "837P_SPS.x12")
    assert FERPA in classify_reports(policy, reports)
