"""The shape of a table: where its header is, and what its columns hold.

A spreadsheet is not always one header row over rows of data. A report puts the
student's name and ID above its own table; an export is headed by element codes
(SCS03) that name nothing; a table pasted into an e-mail is lines of tabs. These
functions find the header and the column types such tables have; `detect` then
reads every cell by its column.
"""

from __future__ import annotations

import csv
import datetime
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from scanners.recognizers.base import timeout_for
from scanners.recognizers.checksums import aba_routing, luhn, us_ssn
from scanners.recognizers.columns import initials_only, normalize_header, person_role
from scanners.recognizers.name_words import ORG_WORDS
from scanners.recognizers.names import (
    NAME_COLUMN_SHARE,
    NameColumnShares,
    is_given_name,
    is_listed_name,
    is_surname,
    name_column_shares,
)

HEADING_ROWS = 6  # label and value rows, at most, heading a sheet above its table
TAB_TABLE_LINES = 3  # a header and two rows, at least, make a table written as text
SPACED_TABLE_COLUMNS = 3  # fields of a fixed-width report's header line, at least
PIPE_TABLE_COLUMNS = 3  # cells of a line of a table typed with bars, at least
FIELD_ROWS_A_FORM = 500  # a log of fields' values is read as a form this many at a time
KEYED_COLUMN_SHARE = 0.8  # of a column's cells, at least, that give one key: "lasid=..."
_PIPE_RULE = regex.compile(r"[ \t]*\|?[ \t:|-]*-{3,}[ \t:|-]*\s*")
# A fixed-width report read by its header words' positions: columns and rows it needs at
# least, the rows sampled, and the share of them that must break under a column's word
ALIGNED_COLUMNS = 4
ALIGNED_ROWS = 3
ALIGNED_SAMPLE_ROWS = 50
ALIGNED_SHARE = 0.9
# Places a header's word may stand off its field: a header typed by hand, or behind a
# comment's "# ", may sit a place or two to one side
ALIGNED_SLACK = 2
_NEAREST_FIRST = sorted(range(-ALIGNED_SLACK, ALIGNED_SLACK + 1), key=abs)
_WORD = regex.compile(r"\S+")
_SIGN_ONLY = regex.compile(r"[#№%/*()]+")
# Filled cells, at least, a column's content is judged on (one account number down the
# whole column, a "Name" column of no one's names)
COLUMN_SAMPLE_MIN = 3
# A column type for cells that hold no one's data (the district's ledger line in an
# "Account" column): neither typed nor searched.
NOT_PERSONAL = "NOT_PERSONAL"
# A column type for a vendor file's names, most of them companies': a cell is a person's
# only where it is a name on the Census lists (a contractor paid as a sole proprietor).
LISTED_PERSON = "LISTED_PERSON"
# Below this share of cells holding a listed given name or surname, a "Name" column
# names things, not people (rosters of any district score far above it).
NAME_SHARE_OF_A_ROSTER = 0.2
_NAME_WORD = regex.compile(r"\p{Lu}[\p{Ll}'\u2019]{2,}")
_LETTERS = regex.compile(r"\p{L}+")
SENTENCE_WORDS = 8  # a column of cells this many words long, on average, holds sentences
NAME_COLUMN_REACH = 3  # columns between a given-name column and its surname column, at most
SURE_GIVEN_NAME_SHARE = 0.8  # given names, whatever share of them are surnames too

_SPACED_GAP = regex.compile(r" {2,}")
_COMMENT_MARK = regex.compile(r"^[ \t]*#(?=[ \t])")  # a header behind it: "# date   time"
_NACHA_FILE_HEADER = "101"  # record type 1, priority code 01
_NACHA_ENTRY_HEADER = (
    "Transaction Code",
    "Routing Number",
    "Account Number",
    "Amount",
    "Individual ID",
    "Individual Name",
)
_NACHA_VENDOR_ENTRY_HEADER = (
    "Transaction Code",
    "Routing Number",
    "Vendor Account Number",
    "Amount",
    "Vendor ID",
    "Vendor Name",
)
_NACHA_ENTRY_FIELDS = ((1, 3), (3, 12), (12, 29), (29, 39), (39, 54), (54, 76))
_CORPORATE_ENTRY_CLASS = regex.compile(r"(?<=\d)(?:CCD|CTX)")  # after the company ID
# The SSA's EFW2 (W-2 wage reports filed electronically, "Specifications for Filing Forms
# W-2 Electronically"): a submitter record "RA" + EIN first, then an employee wage
# record "RW" per employee, 512 characters each, in fixed positions.
_FIRE_RECORD = 750  # characters of each record of an IRS FIRE file
_FIRE_PAYEE_HEADER = ("SSN", "Payee Name")
_FIRE_NAME = regex.compile(r"[A-Z][A-Z'.,&-]*(?: [A-Z][A-Z'.,&-]*){1,5}")
_FIRE_NAME_FROM, _FIRE_NAME_TO = 247, 367  # around the first payee name line, 288-327
_EFW2_SUBMITTER = "RA"
_EFW2_EMPLOYEE = "RW"
_EFW2_WAGE_RECORD = 512  # characters, its tail often blank
_EFW2_EMPLOYEE_HEADER = (
    "SSN",
    "First Name",
    "Middle Name",
    "Last Name",
    "Suffix",
    "Location Address",
    "Delivery Address",
    "City",
    "State",
    "ZIP",
)
_EFW2_EMPLOYEE_FIELDS = (
    (2, 11),
    (11, 26),
    (26, 41),
    (41, 61),
    (61, 65),
    (65, 87),
    (87, 109),
    (109, 131),
    (131, 133),
    (133, 138),
)
# A column header that names a student and nothing else (normalized): "stu", "pupil"
_STUDENT_ALONE_HEADER = regex.compile(r"stu|student|pupil|learner")
# (a school bus's rider is a student too)
STUDENT_ROLE = regex.compile(
    # ("Children (school / ID)": a family's; a bare "Students" heads a counselor's range of
    # the alphabet, "A-Fa", in a directory)
    r"\b(student|pupil|learner|child|children|athlete|camper|rider)\b"
)
_STUDENT_RECORD = regex.compile(
    # ... or a class's sheet, named for its grade: "Sect 2 Gr10", "Grade 5"
    r"(?i)\b(?:students?|pupils?|learners?|child(?:ren)?|campers?|gr(?:ade)?[ .]?(?:\d{1,2}|k))$"
)
# A rule under a header, perhaps captioned: "-----------", "---- days absent by month ----"
# (a CRLF file's lines keep their CR)
# (behind a comment's "#" too, as a log's export writes its header and rule: "#-----")
_RULE_LINE = regex.compile(r"[ \t]*#?[-=_ ]{3,}(?:[\p{L} ]{1,40}[-=_]{3,}[-=_ ]*)?\s*")
HEADER_CELL = regex.compile(r"^(?=.*\p{L})(?!.*\d{3}).{1,40}$")  # a word, no long number
# A table of staff, by its headers (normalized): its "Local ID" is not a student's.
EMPLOYEE_HEADER = regex.compile(
    r"\b(employee|emp|staff|mepid|hire date|date of hire|fte|job|position|salary|payroll)\b"
)
# A table of purchases or budget lines, by its headers: its "Account" is a ledger's.
_LEDGER_HEADER = regex.compile(
    # (a MUNIS budget's "Munis Account | Org | Object | Line Description")
    r"\b(vendor|po|po number|purchase order|invoice|fund|budget|gl|ledger|object code|object|"
    r"org|munis|"
    r"requisition|encumbered|encumbrance|expenditure|appropriation)\b"
)
_ACCOUNT_WORD = regex.compile(r"\b(?:account|acct)\b")
_CARD_WORD = regex.compile(r"\bcards?\b")
_MEAL_HEADER = regex.compile(r"\b(elig|eligibility|meal|meals|lunch|cafeteria|pos|f ?r status)\b")
_PATRON_HEADER = regex.compile(r"\bpatron\b")
_BARE_PIN_HEADERS = frozenset({"pin", "pin #", "# pin"})
_GRADE_COLUMN = regex.compile(r"gr|grade|grade level|grd|gr lvl")
_HOMEROOM_COLUMN = regex.compile(r"hr|homeroom|home room|hmrm|advisory")
# A reading or benchmark assessment's column, which only a student is given: an F&P
# sheet's "Instr Lvl", a DIBELS export's "ORF", "Lexile", "Composite Score"
_ASSESSMENT_COLUMN = regex.compile(
    r"\b(?:indep(?:endent)? (?:lvl|level)|instr(?:uctional)? (?:lvl|level)|reading level|"
    r"f&p|dibels|lexile|orf|wcpm|composite (?:score|level)|rit|scaled score)\b"
)
_SCHOOL_ATTENDANCE_COLUMN = regex.compile(
    r"(?:(?:q|t|term |quarter |sem )[1-4] )?(?:tardy|tardies|tardys)"
    r"|(?:q|t|term |quarter |sem )[1-4] (?:abs|absences|absent)"
)
_SUBMISSION_RECORD = regex.compile(
    r"(?:form ?)?(?:submissions?|entry|entries|responses?|orders?|tickets?|requests?|"
    r"transactions?|payments?)"
)
_GRADE_LEVEL = regex.compile(r"(?i)(?:gr(?:ade)?\.? ?)?(?:pk|k|kg|0?[1-9]|1[0-2])")
_STAFF_LIST_HEADER = regex.compile(
    r"title|job title|role|dept|department|subject|subjects|ext|extension|phone ext|"
    r"certification|license|licence|years|years of service|step|lane"
)
_SECTION_COLUMN = regex.compile(r"sec|sect|section|hr|homeroom|class|cls")
_GRADE_SECTION = regex.compile(r"(?i)(?:0?[1-9]|1[0-2]|k)[ -]?[a-z]")
_OTHER_ID = regex.compile(r"\b(?:other|alt|alternate) ?id\b")
_STAFF_RECORD = regex.compile(r"(?i)staff|employee|personnel")
_SUBSCRIBER_HEADER = regex.compile(
    r"(?:subscr(?:iber)?|member|mbr|insured) ?(?:no|id|#|num|number|ssn)"
)
# (not "office": a staff directory's "Office Phone" is the person's own line)
_COMPANIES = (
    r"vendor|supplier|remit|company|business|agency|firm|employer|bank|store|branch|clinic|"
    r"hospital|pharmacy|court"
)
# ... and a school's: its phone and its address, though a "School Email" is the one the
# school gives a student or a teacher
_INSTITUTIONS = regex.compile(rf"\b({_COMPANIES}|school|district|department|dept|building)\b")
_ORGANIZATIONS = {
    "PHONE_NUMBER": _INSTITUTIONS,
    "STREET_ADDRESS": _INSTITUTIONS,
    "EMAIL_ADDRESS": regex.compile(rf"\b({_COMPANIES})\b"),
}
_VENDOR_HEADER = regex.compile(r"\b(vendor|vendor id|ein|fein|remit)\b")
# (a petty cash log's "Paid To" is a store or a person: only names on the lists count)
_VENDOR_NAME_HEADER = regex.compile(r"(?:vendor|supplier|contractor|remit to|paid to)(?: name)?")
_COMPANY_ACCOUNTS = frozenset({"US_BANK_NUMBER"})
# a bank's own words ("Last Deposit" beside a lunch balance is none)
_BANK_HEADER = regex.compile(
    r"\b(bank|checking|savings|routing|aba|ach|direct deposit|deposit account|dd)\b"
)
_CARD_LENGTH = regex.compile(r"\d{12,19}")
_CARD_GROUPING = regex.compile(r"(?<=\d)[ -](?=\d)")
CARD_SHARE = 0.5  # share of a card column's numbers, at least, that pass the Luhn check
NUMBER_COLUMN_SHARE = 0.8  # share of a column's cells that are its numbers, at least
# ... of a photo ID column's that are the RMV's (the rest passports and consular IDs)
RMV_COLUMN_SHARE = 0.5
_SASID_SHAPE = regex.compile(r"1\d{9}")
_SSN_SHAPE = regex.compile(r"\d{3}-?\d{2}-?\d{4}")
_MA_LICENSE = regex.compile(r"[Ss]\d{8}|SA\d{7}")  # the RMV's licence shapes
_NPI_PREFIX = "80840"  # the card issuer prefix NPIs are checked under (45 CFR 162.406)
NPI_SHARE = 0.5  # a column this share of whose values check as NPIs holds providers
SEQUENCE_PREFIX = 6  # leading digits that numbers issued in sequence share
# a chart of accounts' line: fund, function, object (and location), dashed
_LEDGER_CODE = regex.compile(r"\d{2,5}(?:-\d{2,6}){2,}")
# (a library system's patron "Barcode" among them: the student's card)
_BARE_ID_HEADER = regex.compile(
    r"id|id #|# id|number|no|#|local id|district id|pin|barcode|"
    # an archive's box list: "Student | Local # | SASID"
    r"local #|local no|local number|"
    # a learning platform's SIS number beside its own: Schoology's "school_uid"
    r"school uid|"
    # a library's or an e-book platform's: "Patron Barcode", "user_id"
    r"patron|patron barcode|patron id|patron #|user id|"
    # a grant program's attendance export (21st CCLC): "Participant ID"
    r"participant id|participant #|participant number"
)
# ... or named by the district's or school's initials: "AFPS ID#", "BPS No." (a bus's
# "BUS ID" is no school's)
_DISTRICT_ID_HEADER = regex.compile(r"\s*(?!BUS\b)[A-Z]{1,4}(?:S|SD) (?:ID ?#?|#|No\.?)\s*")
_STAFF_WORD = regex.compile(r"\b(teacher|staff|employee|instructor|educator|counselor|advisor)\b")
_STUDENT_HEADER = regex.compile(r"\b(student|sasid|lasid|pupil|learner)\b")
_ROLE_HEADER = regex.compile(
    r"role|type|user type|employee type|account type|person type|patron type|"
    # a door access system's export: "Access Group" of "Student - HHS Gr 12"
    r"access group|cardholder type|affiliation"
)
_ROW_ID_HEADER = regex.compile(
    # a library's "Barcode" and a device manager's "Username" are the student's number
    r"identifier|id|user id|employee id|employee number|person id|sis id|number|barcode|"
    # (Schoology's user export: "Unique User ID")
    r"unique user id|unique id|"
    # (a bulk account upload's "externalid", a Google Workspace export's "externalIds.0.value"
    # from GAM: the SIS's number of each student)
    r"username|user name|external ?ids?(?: \d+)?(?: value)?"
)
# a directory entry's name: "CN=Nicole Adams,OU=Grade07,OU=Students,DC=district,DC=local"
_DN_HEADER = regex.compile(r"dn|distinguished name")
_STUDENT_OU = regex.compile(r"\bou=[^,]*\b(students?|pupils?|learners?)\b", regex.IGNORECASE)
# ... or its addresses put them in the students' mail domain: jwalters35@students.example.org
_STUDENT_MAIL = regex.compile(r"@(?:students?|stu|learners?)\.", regex.IGNORECASE)
_STUDENT_ROLES = frozenset({"student", "students", "learner", "pupil"})
STUDENT_ROWS = 0.3  # share of a role column's sampled cells that say "student", at least
# What a rostering export's role column calls its grown-ups (OneRoster's roles): their
# rows' numbers are their own, though the column is typed for the students it mostly lists
_GROWN_UPS_ROLES = frozenset(
    {"teacher", "staff", "administrator", "aide", "proctor", "guardian", "parent", "relative"}
    # ... and what learning platforms and badge systems call others: Schoology's
    # "Instructor", a card system's "Contractor", "Visitor"
    | {"instructor", "faculty", "substitute", "contractor", "vendor", "visitor", "volunteer"}
)


def grown_ups_numbers(
    header: Sequence[str], types: Sequence[str | None]
) -> tuple[int, frozenset[int]] | None:
    """A table's role column, and the columns typed as students' numbers only because the
    rows are students' (no student's word in their headers): in a row whose role is a
    teacher's or a parent's, those cells are no student's number. None where the table
    has no role column or no such columns."""
    normalized = [normalize_header(h) for h in header]
    role = next(
        (i for i, n in enumerate(normalized) if _ROLE_HEADER.fullmatch(_unprefixed(n))), None
    )
    if role is None:
        return None
    numbers = frozenset(
        i
        for i, (n, t) in enumerate(zip(normalized, types, strict=False))
        if t == "STUDENT_ID" and not _STUDENT_HEADER.search(n)
    )
    return (role, numbers) if numbers else None


# The object a JSON export's flattened keys belong to: an audit log's "target" account
# ("target accountType", "target employeeId")
_RECORD_PREFIX = regex.compile(r"(?:target|subject|account|user) (?=\S)")


def _unprefixed(header: str) -> str:
    """A normalized header without the name of the record it is a field of."""
    return _RECORD_PREFIX.sub("", header, count=1) if _RECORD_PREFIX.match(header) else header


def a_grown_ups_row(cells: Sequence[str], role: int) -> bool:
    """Whether a row's role is a grown-up's: one OneRoster names (`_GROWN_UPS_ROLES`), or
    any but a student's where the role says more after it, as an access group does
    ("Staff - HHS Faculty", "Contractor - Custodial" beside "Student - HHS Gr 12")."""
    if role >= len(cells):
        return False
    value = cells[role].strip().lower()
    kind = _role_kind(value)
    return value in _GROWN_UPS_ROLES or (kind != value and kind not in _STUDENT_ROLES)


_ROLE_NOTE = regex.compile(r"[ \t]+-[ \t]+|[ \t]*[(,]")


def _role_kind(value: str) -> str:
    """A role cell's kind, before its note: "student" of "student - hhs gr 12"."""
    return _ROLE_NOTE.split(value, maxsplit=1)[0].strip()


HEADING_ROW_CELLS = 8  # filled cells of a heading's row of labels and values, at most


def heading_split(
    header: Sequence[str], first_rows: Sequence[tuple[int, tuple[str, ...]]]
) -> tuple[int, int] | None:
    """A sheet's heading block: a few label and value rows (the header row being the
    first), a gap (a blank row, or a row number skipped), then a table's own header
    row. Returns how many of `first_rows` are the heading's and the index of the table's
    header row among them; None where the sheet has no such heading."""
    if not _heading_row(header):
        return None
    # a form's rows of labels ("Student Name: | | LASID:") may stand a blank row apart
    labelled = labels_row(header)
    previous = 1
    for index, (row_no, cells) in enumerate(first_rows[:HEADING_ROWS]):
        filled = any(c.strip() for c in cells)
        if filled and (row_no == previous + 1 or (labelled and labels_row(cells))):
            if not _heading_row(cells):
                return None
            previous = row_no
            continue
        if index == 0 and not labelled:  # a heading of one row is a table's header
            return None
        table_at = index if filled else index + 1
        if table_at >= len(first_rows):
            return None
        names = [c.strip() for c in first_rows[table_at][1] if c.strip()]
        if len(names) >= 3 and all(HEADER_CELL.search(c) for c in names):
            return index, table_at
        return None
    return None


# A visitor log's or an ID scanner's column of each row's document and its number: "ID
# Type | ID Number", a JSON export's "id_scan doc_type | id_scan doc_number"
_ID_TYPE_HEADER = regex.compile(r"(?:[\w ]+ )?(?:id|doc|document)[ ]?(?:type|kind)")
_ID_NUMBER_HEADER = regex.compile(r"(?:[\w ]+ )?(?:id|doc|document) ?(?:number|#|no|num)")
_LICENCE_TYPE = regex.compile(r"(?i)licen[sc]e|\bdl\b|\bdriver|\bstate id\b")


def _licences_by_type(
    normalized: Sequence[str], first_rows: Sequence[tuple[int, tuple[str, ...]]]
) -> list[int]:
    """The columns of ID numbers whose table types each row's ID document, all or most
    of them licences ("Driver License", "MA DL", "State ID"): other states' licences
    have shapes of their own (Rhode Island's seven digits, New Hampshire's "09MRC41823")."""
    kinds = [i for i, n in enumerate(normalized) if _ID_TYPE_HEADER.fullmatch(n)]
    if not kinds:
        return []
    sampled = [cells[kinds[0]] for _, cells in first_rows if kinds[0] < len(cells)]
    named = [c for c in sampled if c.strip()]
    licences = sum(1 for c in named if _LICENCE_TYPE.search(c))
    if len(named) < COLUMN_SAMPLE_MIN or licences < RMV_COLUMN_SHARE * len(named):
        return []
    return [i for i, n in enumerate(normalized) if _ID_NUMBER_HEADER.fullmatch(n)]


def _rmv_numbers(first_rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether half or more of a column's sampled numbers are Massachusetts licence or
    state ID numbers ("S" and eight digits, "SA" and seven), shapes no district gives its
    students (the others a family's passports)."""
    sampled = [cells[column].strip() for _, cells in first_rows if column < len(cells)]
    numbers = [c for c in sampled if any(ch.isdigit() for ch in c)]  # not "on file"
    matches = sum(1 for c in numbers if _MA_LICENSE.fullmatch(c))
    return len(numbers) >= COLUMN_SAMPLE_MIN and matches >= RMV_COLUMN_SHARE * len(numbers)


def _heading_row(cells: Sequence[str]) -> bool:
    """A label and its value or two: "Student | Kelly, Brian"; or a form's line of
    labels, each with its colon, filled in or blank ("Student Name: | | LASID: | |
    SASID: | | DOB:")."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled or filled[0] != cells[0].strip():
        return False
    return 2 <= len(filled) <= 3 or (len(filled) <= HEADING_ROW_CELLS and labels_row(cells))


def labels_row(cells: Sequence[str]) -> bool:
    """Two labels or more, each with its colon, and as many values at most."""
    filled = [c.strip() for c in cells if c.strip()]
    labels = sum(1 for c in filled if c.endswith(":"))
    return labels >= 2 and labels * 2 >= len(filled)


def text_tables(lines: Sequence[str]) -> list[tuple[int, int, list[tuple[str, ...]]]]:
    """Tables written as lines of text: TAB_TABLE_LINES or more lines with the same
    number of tabs (pasted from a spreadsheet), or of fields two or more spaces apart
    under a header line of words (a fixed-width report: "SSN   LAST NAME   FIRST NAME").
    Each as its [first, last) line indices and the cells of its lines."""
    tables: list[tuple[int, int, list[tuple[str, ...]]]] = []
    if lines and lines[0].startswith(_NACHA_FILE_HEADER):
        return _fixed_records(
            lines,
            _nacha_entry,
            _NACHA_ENTRY_FIELDS,
            _NACHA_ENTRY_HEADER,
            header_for_batch=_nacha_batch_header,
        )
    if lines and _efw2_file(lines[0]):
        return _fixed_records(lines, _efw2_employee, _EFW2_EMPLOYEE_FIELDS, _EFW2_EMPLOYEE_HEADER)
    if lines and _fire_file(lines[0]):
        return _fire_payees(lines)
    start = 0
    while start < len(lines):
        end = start + 1
        piped = _pipe_cells(_COMMENT_MARK.sub("", lines[start], count=1))
        if piped is not None:
            # a table typed with bars, as mail and Markdown write one ("PIN | Student |
            # School"), its rule line ("---|---|---") passed over; its header may stand
            # behind a comment's "#" ("# ts | user | event | stu | detail")
            rows = [piped]
            named = names_columns(piped)
            while end < len(lines):
                if _PIPE_RULE.fullmatch(lines[end]):
                    end += 1
                    continue
                row = _pipe_cells(lines[end])
                # (a log's line may leave its last fields out: "... | 20", no notes; a
                # return's "10/03 14:13 | RETURN | Mensah, Kofi | back from appt | YBC")
                if row is None or (len(row) > len(piped) and not named):
                    break
                if len(row) > len(piped):
                    # (or its last field, a free note, use bars of its own: "detail" of
                    # "216107 | Montenegro, Barbara | DOB 2006-10-15 | gr12 QRHS")
                    row = (*row[: len(piped) - 1], " | ".join(row[len(piped) - 1 :]))
                rows.append(row + ("",) * (len(piped) - len(row)))
                end += 1
            if len(rows) >= TAB_TABLE_LINES:
                tables.append((start, end, rows))
                start = end
                continue
            end = start + 1
        tabs = lines[start].count("\t")
        if tabs:
            while end < len(lines) and lines[end].count("\t") == tabs:
                end += 1
            if end - start >= TAB_TABLE_LINES:
                cells = [tuple(c.strip() for c in line.split("\t")) for line in lines[start:end]]
                if not _a_log_of_sentences(cells):
                    tables.append((start, end, cells))
            start = end
            continue
        comma_rows = _comma_rows(lines, start)
        if comma_rows is not None:
            end = start + len(comma_rows)
            tables.append((start, end, comma_rows))
            start = end
            continue
        header = _spaced_cells(_COMMENT_MARK.sub("", lines[start], count=1))
        if len(header) >= SPACED_TABLE_COLUMNS and names_columns(header):
            rows = [header]
            if end < len(lines) and _RULE_LINE.fullmatch(lines[end]):
                end += 1  # a rule under the header: "-----------"
            elif _a_blank_under_header(lines, start):
                end += 1
            while end < len(lines):
                row = _spaced_cells(lines[end])
                if len(row) != len(header):
                    if len(rows) > 1 and _continues_a_row(lines[end], lines[start]):
                        # a row's note carried on the next line, under the row's later
                        # fields: "   -> called mother Jing Chen 774-770-5791" (its last cell's)
                        rows[-1] = (*rows[-1][:-1], f"{rows[-1][-1]} {lines[end].strip()}")
                        end += 1
                        continue
                    break
                rows.append(row)
                end += 1
            if end - start >= TAB_TABLE_LINES:
                # (a row whose fields run together, one space apart, "Saint-Fleur,
                # Jean-Ricot [217957] heat illness", ends the reading by gaps early: the
                # header words' places may read on past it)
                aligned = (
                    _aligned_table(lines, start)
                    if end < len(lines) and lines[end].strip()
                    else None
                )
                # (not where they cut a row's note carried on the next line into cells of
                # its own: "-> called mother Jing Chen 774-770-5791")
                if (
                    aligned is not None
                    and aligned[1] > end
                    and all(row[0] for row in aligned[2][1:])
                ):
                    tables.append(aligned)
                    start = aligned[1]
                    continue
                tables.append((start, end, rows))
                start = end
                continue
            aligned = _aligned_table(lines, start)
            if aligned is not None:
                tables.append(aligned)
                start = aligned[1]
                continue
        start += 1
    return tables


def _a_blank_under_header(lines: Sequence[str], start: int) -> bool:
    """Whether a blank line stands between a header line and its first row, as a log's
    "# date  time  student" has (a legend's line of codes, "WD=withdrawn  NS=no-show",
    heads no table)."""
    below = start + 1
    return (
        below + 1 < len(lines)
        and not lines[below].strip()
        and bool(lines[below + 1].strip())
        and "=" not in lines[start]
    )


def _continues_a_row(line: str, header_line: str) -> bool:
    """Whether a line carries a fixed-width row's note on: indented past the header's
    first field, and not a rule."""
    indent = len(line) - len(line.lstrip(" "))
    first_field = _SPACED_GAP.search(header_line.strip())
    return (
        bool(line.strip())
        and first_field is not None
        and indent > len(header_line) - len(header_line.lstrip()) + first_field.start()
        and not _RULE_LINE.fullmatch(line)
    )


def _comma_rows(lines: Sequence[str], start: int) -> list[tuple[str, ...]] | None:
    """A CSV export's lines pasted into a mail ("std_id,last,first,grade" and its rows):
    a header of SPACED_TABLE_COLUMNS words or more, without a space after its commas as
    prose has, then TAB_TABLE_LINES - 1 rows or more of as many fields."""
    line = lines[start]
    if line.count(",") < SPACED_TABLE_COLUMNS - 1 or ", " in line:
        return None
    header = next(csv.reader([line]))
    if not names_columns(header):
        return None
    rows: list[tuple[str, ...]] = [tuple(cell.strip() for cell in header)]
    for following in lines[start + 1 :]:
        if following.count(",") < len(header) - 1:
            break
        row = next(csv.reader([following]), [])
        if len(row) != len(header):
            break
        rows.append(tuple(cell.strip() for cell in row))
    return rows if len(rows) >= TAB_TABLE_LINES else None


def names_columns(cells: Sequence[str]) -> bool:
    """Whether a printed table's header line names its columns: words, though its line
    numbers' column may be headed by a sign alone ("#   LAST   FIRST   DOB")."""
    return all(
        HEADER_CELL.search(cell) or (i == 0 and _SIGN_ONLY.fullmatch(cell))
        for i, cell in enumerate(cells)
    )


_BRACKETED = regex.compile(r"\([^()]*\)")  # a header's note: "Original text (INTERNAL)"
_FIELD_LABEL_HEADER = regex.compile(
    # (and a scanning vendor's OCR export of forms, a field to a row: "FieldLabel |
    # OCR_Value")
    r"field(?: name| changed| location| label)?|form field|data (?:element|field)|attribute"
)
_FIELD_VALUE_HEADER = regex.compile(
    # (or a scanning project's exceptions log: "OCR Issue | Corrected Value")
    r"(?:(?:old|new|previous|prior|current|original|ocr|field|corrected|correct|verified) )?"
    r"value|original(?: text)?|old|new|before|after"
)


def field_and_value_columns(header: Sequence[str]) -> tuple[int, list[int]] | None:
    """A log of fields and their values: the column of the fields' names ("Field",
    "Field/Location", "Field Changed") and those of their values ("Original text",
    "Old Value", "New Value"), where the table has one of the first and some of the
    second; else None."""
    plain = [normalize_header(_BRACKETED.sub(" ", h)) for h in header]
    labels = [i for i, h in enumerate(plain) if _FIELD_LABEL_HEADER.fullmatch(h)]
    values = [i for i, h in enumerate(plain) if _FIELD_VALUE_HEADER.fullmatch(h)]
    if len(labels) != 1 or not values:
        return None
    return labels[0], values


_KEYED_CELL = regex.compile(r"""([A-Za-z][\w.-]{0,24})=(?:"([^"]*)"|'([^']*)'|([^\s"'=]+))""")


QUOTED = '"'  # the "key" of a column whose cells are only quoted: "Tejada, Alondra"
_LEFT_OUT = frozenset({"", "-", "--", "n/a", "N/A"})


def column_keys(rows: Sequence[tuple[int, tuple[str, ...]]]) -> list[str | None]:
    """A log's cells that name their own field (`stu="CHEA, Sreyneang"`, `lasid=290419`):
    for each column, the key nearly all its cells give (KEYED_COLUMN_SHARE), or QUOTED
    where they are only quoted ("Tejada, Alondra"), else None. (A line of another event
    may put another field there.)

    A column of free details ("dob=2008-04-18 gr=11") names several keys, or none, and
    is read as text."""
    width = max((len(cells) for _, cells in rows), default=0)
    if not any("=" in cell or '"' in cell for _, cells in rows for cell in cells):
        return [None] * width
    keys: list[str | None] = []
    for column in range(width):
        found = Counter(
            _cell_key(cells[column].strip())
            for _, cells in rows
            # (a log's line of another event leaves it out: "-")
            if column < len(cells) and cells[column].strip() not in _LEFT_OUT
        )
        key, count = found.most_common(1)[0] if found else (None, 0)
        share = count / sum(found.values()) if found else 0.0
        keyed = count >= TAB_TABLE_LINES - 1 and share >= KEYED_COLUMN_SHARE
        keys.append(key if keyed else None)
    return keys


def _cell_key(cell: str) -> str | None:
    match = _KEYED_CELL.fullmatch(cell)
    if match is not None:
        return match.group(1).lower()
    return QUOTED if _quoted(cell) else None


def _quoted(cell: str) -> bool:
    return len(cell) > 2 and cell[0] == '"' and cell[-1] == '"' and '"' not in cell[1:-1]


def key_values(
    row: tuple[int, tuple[str, ...]], keys: Sequence[str | None]
) -> tuple[int, tuple[str, ...]]:
    """A row with the cells of its keyed columns (`column_keys`) as their values alone,
    unquoted, so that they are read as their column's header says."""
    number, cells = row
    return number, tuple(
        _key_value(cell, keys[column]) if column < len(keys) else cell
        for column, cell in enumerate(cells)
    )


def _key_value(cell: str, key: str | None) -> str:
    if key is None:
        return cell
    stripped = cell.strip()
    if key == QUOTED:
        return stripped[1:-1].strip() if _quoted(stripped) else cell
    match = _KEYED_CELL.fullmatch(stripped)
    if match is None or match.group(1).lower() != key:
        return cell
    return next(part for part in match.groups()[1:] if part is not None).strip()


def _aligned_table(
    lines: Sequence[str], start: int
) -> tuple[int, int, list[tuple[str, ...]]] | None:
    """A fixed-width report whose fields sit under its header's words but are set one
    space apart ("103936 198619128 MULLEN" under "EMPNO  SSN       LAST"): cut each row
    at the header words' positions. A word under which the rows do not break (the
    second word of "RUN DATE") joins the column before it."""
    header_line = lines[start]
    words: list[tuple[int, str]] = []
    # (a header behind a comment's "#" starts after it: "# date   time   stu#")
    comment = _COMMENT_MARK.match(header_line)
    for m in _WORD.finditer(header_line, comment.end() if comment else 0):
        if words and _SIGN_ONLY.fullmatch(m.group()):
            # a sign is its word's: "Card #" is one header, not "Card" and "#"
            words[-1] = (words[-1][0], f"{words[-1][1]} {m.group()}")
        else:
            words.append((m.start(), m.group()))
    if len(words) < ALIGNED_COLUMNS or not names_columns([w for _, w in words]):
        return None
    end = start + 1
    if (end < len(lines) and _RULE_LINE.fullmatch(lines[end])) or _a_blank_under_header(
        lines, start
    ):
        end += 1  # a rule or a blank line under the header
    first_row = end
    if first_row < len(lines) and _a_header_line(lines[first_row]):
        return None  # a legend above the table's own header ("Key: RTC=returned to class")
    while end < len(lines) and lines[end].strip() and not _RULE_LINE.fullmatch(lines[end]):
        end += 1
    sample = lines[first_row : min(end, first_row + ALIGNED_SAMPLE_ROWS)]
    # (nor do a row's lines carried on under its later fields, "mail to: 11 Cranbrook
    # Drive, Holden" under a refund log's payee and student: see `_carried_on`)
    own = [line for line in sample if not _continues_a_row(line, header_line)]
    sample = own if len(own) >= ALIGNED_ROWS else sample
    # a log's day headings between its rows ("MON 11/17"), shorter than half the header,
    # say nothing of where its columns break
    full = [line for line in sample if len(line.rstrip()) * 2 >= len(header_line.rstrip())]
    sample = full if len(full) >= ALIGNED_ROWS else sample
    if len(sample) < ALIGNED_ROWS:
        return None

    def breaks_at(position: int) -> bool:
        gap = sum(1 for line in sample if len(line) <= position or line[position - 1] == " ")
        # (a field set right, as amounts are, starts a place or two in: "  35.00" under
        # "350.00")
        filled = sum(1 for line in sample if line[position : position + ALIGNED_SLACK + 1].strip())
        return gap >= ALIGNED_SHARE * len(sample) and filled * 2 >= len(sample)

    # each header word over the break nearest it, ALIGNED_SLACK places at most to either
    # side: a header typed by hand, or behind a comment's "# ", may stand a place or two
    # off its fields, and not all its words alike; a word over no break joins the last
    columns: list[tuple[int, str]] = [words[0]]
    for position, word in words[1:]:
        near = (position + offset for offset in _NEAREST_FIRST)
        at = next((p for p in near if p > columns[-1][0] and breaks_at(p)), None)
        if at is None:
            columns[-1] = (columns[-1][0], f"{columns[-1][1]} {word}")
        else:
            columns.append((at, word))
    if len(columns) < ALIGNED_COLUMNS:
        return None
    cuts = [position for position, _ in columns[1:]]
    rows: list[tuple[str, ...]] = [tuple(name for _, name in columns)]
    for line in lines[first_row:end]:
        if len(rows) > 1 and _carried_on(line, header_line, cuts):
            rows[-1] = (*rows[-1][:-1], f"{rows[-1][-1]} {line.strip()}".strip())
            continue
        edges = [0, *cuts, max(len(line), cuts[-1])]
        rows.append(tuple(line[a:b].strip() for a, b in itertools.pairwise(edges)))
    return start, end, rows


def _carried_on(line: str, header_line: str, cuts: Sequence[int]) -> bool:
    """Whether a line of a fixed-width table carries its row on: indented past the first
    field (`_continues_a_row`) and running over a break between columns, as a row's own
    line, its first fields left blank, does not ("mail to: 11 Cranbrook Drive, Holden"
    under "Payee" and "Student"). It is read as the row's last field's."""
    return _continues_a_row(line, header_line) and any(
        0 < cut < len(line) and line[cut - 1] != " " and line[cut] != " " for cut in cuts
    )


def _a_header_line(line: str) -> bool:
    """Whether a line reads as a fixed-width table's header: SPACED_TABLE_COLUMNS words or
    more, two or more spaces apart, no numbers ("DATE   TIME   STUDENT   ID   NOTE")."""
    cells = _spaced_cells(_COMMENT_MARK.sub("", line, count=1))
    return len(cells) >= SPACED_TABLE_COLUMNS and names_columns(cells)


def _pipe_cells(line: str) -> tuple[str, ...] | None:
    """A line's cells between bars, or None where it has fewer than PIPE_TABLE_COLUMNS."""
    stripped = line.strip()
    if stripped.count("|") < PIPE_TABLE_COLUMNS - 1:
        return None
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        stripped = stripped[1:-1]  # Markdown's outer bars
    cells = tuple(cell.strip() for cell in stripped.split("|"))
    return cells if len(cells) >= PIPE_TABLE_COLUMNS else None


def _a_log_of_sentences(rows: Sequence[tuple[str, ...]]) -> bool:
    """Dated sentences with a tab after the date ("9/18<TAB>called guardian (Erin
    Nakamura) - ..."): no header names the columns, and one holds sentences. Read as
    the prose it is, its names are found as a text's are."""
    if all(HEADER_CELL.search(c) for c in rows[0] if c):
        return False
    return any(
        sum(len(row[i].split()) for row in rows) / len(rows) > SENTENCE_WORDS
        for i in range(len(rows[0]))
    )


def _nacha_entry(line: str) -> bool:
    """A NACHA (ACH) file's entry detail record, a direct deposit a payroll sends its
    bank (NACHA Operating Rules, record type 6)."""
    return line.startswith("6") and line[1:12].isdigit()


def _efw2_file(first_line: str) -> bool:
    """An EFW2 file opens with its submitter record; an excerpt of one (the wage records
    alone, kept for an archive) with a wage record of the format's full length."""
    if first_line.startswith(_EFW2_SUBMITTER) and first_line[2:11].isdigit():
        return True
    return _efw2_employee(first_line) and len(first_line.rstrip("\r\n")) >= _EFW2_WAGE_RECORD


def _fire_file(first_line: str) -> bool:
    """An IRS FIRE information-return file (Publication 1220: 1099s) opens with its
    transmitter "T" record, the payment year after it, 750 characters long."""
    return (
        first_line.startswith("T")
        and first_line[1:5].isdigit()
        and len(first_line.rstrip("\r\n")) >= _FIRE_RECORD
    )


def _fire_payees(lines: Sequence[str]) -> list[tuple[int, int, list[tuple[str, ...]]]]:
    """A FIRE file's payees paid under an SSN: each "B" record whose type of TIN
    (position 11) is 2, its TIN (positions 12-20) and its first payee name line
    (positions 288-327, which files written by hand often shift a little left)."""
    rows: list[tuple[str, ...]] = [_FIRE_PAYEE_HEADER]
    first = last = None
    for index, line in enumerate(lines):
        if not (line.startswith("B") and line[1:5].isdigit() and line[10:11] == "2"):
            continue
        name = _FIRE_NAME.search(line, _FIRE_NAME_FROM, _FIRE_NAME_TO)
        rows.append((line[11:20], name.group().strip() if name else ""))
        first = index if first is None else first
        last = index
    if first is None or last is None:
        return []
    return [(max(0, first - 1), last + 1, rows)]


# The National Student Clearinghouse's StudentTracker for High Schools: a request file of
# graduates, pipe-delimited, its "H1" header record then a "D1" detail record for each
# (SSN, first name, middle initial, last name, suffix, birth date, search date, a blank,
# the school's ACT/SAT code, and the requester's own return field: the student's ID)
_NSC_HEADER_RECORD = "H1|"
_NSC_DETAIL_RECORD = "D1|"
_NSC_TRAILER_RECORD = "T1"
_NSC_DETAIL_HEADER = (
    "Record Type",
    "SSN",
    "First Name",
    "Middle Initial",
    "Last Name",
    "Name Suffix",
    "Date of Birth",
    "Search Begin Date",
    "",
    "ACT/SAT Code",
    "Requester Return Field (Student ID)",
)


# A SIMS file read as a delimited table: records and elements a record has, at least
SIMS_MIN_RECORDS = 3
SIMS_MIN_ELEMENTS = 20
_SASID = regex.compile(r"1\d{9}")  # the state's student number: ten digits, the first 1
_SIMS_DATE = regex.compile(r"\d{2}/\d{2}/\d{4}")  # DOE006, as the handbook writes it


def record_header(
    header: Sequence[str], first_rows: Sequence[tuple[int, tuple[str, ...]]]
) -> tuple[str, ...] | None:
    """The header a known file of records has no line for, read as a delimited table:
    a StudentTracker request's first line is its H1 record, its rows D1 records, then a
    T1 record."""
    records = [cells[0].strip() for _, cells in first_rows if cells]
    lead = header[0].strip() if header else ""
    if not any(header) and records:  # read without a header: its first line is a row
        lead, records = records[0], records[1:]
    if records and records[-1] == _NSC_TRAILER_RECORD:
        records = records[:-1]  # the file's end: its T1 record, the count of D1s
    detail = _NSC_DETAIL_RECORD[:-1]
    if lead == _NSC_HEADER_RECORD[:-1] and records and all(r == detail for r in records):
        return _NSC_DETAIL_HEADER
    if not any(header) and _sims_records(first_rows):
        # (its elements in order: DOE001 to the record's width)
        width = max(len(cells) for _, cells in first_rows)
        return tuple(f"DOE{n:03d}" for n in range(1, width + 1))
    return None


def _sims_records(rows: Sequence[tuple[int, tuple[str, ...]]]) -> bool:
    """A SIMS submission (DESE's Student Information Management System), which has no
    header line: every record opens with the student's LASID, SASID, first, middle and
    last name and date of birth, elements DOE001 to DOE006 (SIMS Data Handbook)."""
    records = [cells for _, cells in rows]
    return len(records) >= SIMS_MIN_RECORDS and all(
        len(cells) >= SIMS_MIN_ELEMENTS
        and cells[0].strip().isalnum()
        and _SASID.fullmatch(cells[1].strip())
        and _LETTER.search(cells[2])
        and _LETTER.search(cells[4])
        and _SIMS_DATE.fullmatch(cells[5].strip())
        for cells in records
    )


def _efw2_employee(line: str) -> bool:
    """An EFW2 file's employee wage record: "RW" and the employee's SSN."""
    return line.startswith(_EFW2_EMPLOYEE) and line[2:11].isdigit()


def _fixed_records(
    lines: Sequence[str],
    is_record: Callable[[str], bool],
    fields: Sequence[tuple[int, int]],
    header: tuple[str, ...],
    header_for_batch: Callable[[str], tuple[str, ...]] | None = None,
) -> list[tuple[int, int, list[tuple[str, ...]]]]:
    """Each run of a fixed-position file's records of one type as a table, its fields
    cut at their positions and named by the format's specification, or by
    `header_for_batch` of the run's preceding line (its batch header)."""
    tables: list[tuple[int, int, list[tuple[str, ...]]]] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        if is_record(line):
            if start is None:
                start = index
            continue
        if start is not None:
            batch_header = lines[start - 1] if start else ""
            named = header if header_for_batch is None else header_for_batch(batch_header)
            rows = [tuple(record[a:b].strip() for a, b in fields) for record in lines[start:index]]
            # the line before the records (a batch header) stands as the table's header
            tables.append((max(0, start - 1), index, [named, *rows]))
            start = None
    return tables


def _nacha_batch_header(batch_header: str) -> tuple[str, ...]:
    """The names of a NACHA batch's entry fields. A batch that pays companies' accounts
    (Standard Entry Class CCD or CTX, after the company ID at positions 51-53 of its
    header, record type 5) is a vendor run: its accounts are companies', except where
    the payee is a person (a sole proprietor, a tutor paid as a vendor)."""
    corporate = batch_header.startswith("5") and bool(
        _CORPORATE_ENTRY_CLASS.search(batch_header, 40, 64)
    )
    return _NACHA_VENDOR_ENTRY_HEADER if corporate else _NACHA_ENTRY_HEADER


def _spaced_cells(line: str) -> tuple[str, ...]:
    stripped = line.strip()
    if "  " not in stripped or "\t" in stripped:
        return (stripped,)
    return tuple(_SPACED_GAP.split(stripped))


def column_types(
    header: Sequence[str],
    by_header: Sequence[str | None],
    first_rows: Sequence[tuple[int, tuple[str, ...]]],
    record_name: str = "",
) -> list[str | None]:
    """The entities of a table's columns: by their headers, then by the table as a whole.

    A header alone can mislead both ways: a course-schedule export headed SCS03, SCS05
    lists people all the same; a student list's bare "ID" is the students' ID, a staff
    file's "Local ID" is an employee's number, and a purchase report's "Account" is a
    budget line's."""
    normalized = [normalize_header(h) for h in header]
    # a bare "Name" names whatever the rows are: a section's ("Geometry", "Studio Art I")
    # ... and no column of numbers names anyone: a summary's "Avg min/student" (but a
    # log's "stu" column of ID numbers is its students')
    types = [
        _person_column_by_content(first_rows, i, n) if t == "PERSON" else t
        for i, (n, t) in enumerate(zip(normalized, by_header, strict=True))
    ]
    # (a column of a nurse's or a clerk's initials, "MK", names no one: the names may
    # stand under a header no list knows, a nurse's API export's "student display")
    if not any(t == "PERSON" and not _initials_only(first_rows, i) for i, t in enumerate(types)):
        types = _name_columns_by_content(types, first_rows, normalized)
    types = [
        LISTED_PERSON if t is None and _VENDOR_NAME_HEADER.fullmatch(n) else t
        for n, t in zip(normalized, types, strict=True)
    ]
    # a column of buildings or sites names places, though a school is often named for a
    # person: "Parker Damon" under "Building" or an injury log's "Where Event Occurred"
    types = [
        NOT_PERSONAL if t is None and _PLACE_NAME_HEADER.fullmatch(n) else t
        for n, t in zip(normalized, types, strict=True)
    ]
    roles = [person_role(h) for h, t in zip(header, types, strict=True) if t == "PERSON"]
    # A student's name column makes a bare "ID" beside it the student's number; so does a
    # record named for students (an element "<Child id=... last=...>", a "Students" sheet)
    # ... and so does a table of people by grade and homeroom ("ID | Last | First | Gr |
    # HR"): students have both
    by_class = (
        any(_GRADE_COLUMN.fullmatch(n) for n in normalized)
        and any(_HOMEROOM_COLUMN.fullmatch(n) for n in normalized)
    ) or any(
        # ... or one column of both, a grade's section: "Sec" of "10B", "9A"
        _SECTION_COLUMN.fullmatch(n) and _grade_sections(first_rows, i)
        for i, n in enumerate(normalized)
    )
    # ... or a fee or payment log's "ID | Name | Grade | Fee | Paid", its grades a
    # school's (K, 7, "Gr 10"), where no column speaks of staff (a school's staff list by
    # the grade each teaches has a title, a subject or an extension)
    by_class = by_class or (
        any(
            _GRADE_COLUMN.fullmatch(n) and _school_grade_levels(first_rows, i)
            for i, n in enumerate(normalized)
        )
        and not any(_STAFF_LIST_HEADER.fullmatch(n) for n in normalized)
    )
    # ... or of people by their reading levels or benchmark scores: an F&P sheet's "Last |
    # First | ID# | Indep Lvl | Instr Lvl"
    by_class = by_class or any(_ASSESSMENT_COLUMN.search(n) for n in normalized)
    # ... or by their absences and tardies a quarter: a senior privileges list's "Q1 Abs"
    by_class = by_class or any(_SCHOOL_ATTENDANCE_COLUMN.fullmatch(n) for n in normalized)
    if (
        any(STUDENT_ROLE.search(role) for role in roles)
        or _STUDENT_RECORD.search(record_name)
        or (by_class and "PERSON" in types)
    ) and not _SUBMISSION_RECORD.fullmatch(record_name.lower()):
        # (a web form's export keys each <submission id="46263"> by its own number)
        types = [
            # ... unless the column's numbers are the RMV's: a registration log's "ID #"
            # of the parent's licence or state ID card (S and eight digits)
            ("US_DRIVER_LICENSE" if _rmv_numbers(first_rows, i) else "STUDENT_ID")
            if t is None and (_BARE_ID_HEADER.fullmatch(n) or _DISTRICT_ID_HEADER.fullmatch(h))
            else t
            for i, (h, n, t) in enumerate(zip(header, normalized, types, strict=True))
        ]
    licence_columns = _licences_by_type(normalized, first_rows)
    types = [
        "US_DRIVER_LICENSE" if t is None and i in licence_columns else t
        for i, t in enumerate(types)
    ]
    # (a bank's routing number beside an account makes it a bank's: a stipend upload's
    # "DD Account", one claimant's payments)
    routed = "ABA_ROUTING_NUMBER" in types
    if _LEDGER_HEADER.search(" | ".join(normalized)):
        # a budget's account its header does not type is a ledger line, whose cells would
        # otherwise be read with "account" for their context: a MUNIS budget's "Munis
        # Account" of 0123105110 (not one that says it holds cards too: an invoice log's
        # "Card / Acct / Check" of what each payer paid with)
        types = [
            NOT_PERSONAL
            if t is None
            and not routed
            and _ACCOUNT_WORD.search(n)
            and not _BANK_HEADER.search(n)
            and not _CARD_WORD.search(n)
            else t
            for n, t in zip(normalized, types, strict=True)
        ]
        # ... as a purchasing or budget report's "Account" is (1000-1568-54939)
        types = [
            None if t == "US_BANK_NUMBER" and not _BANK_HEADER.search(n) else t
            for n, t in zip(normalized, types, strict=True)
        ]
    joined = " | ".join(normalized)
    if _MEAL_HEADER.search(joined) and not _BANK_HEADER.search(joined):
        # a school meal system's "ACCT_NO" beside eligibility and balance is the
        # student's lunch account, no bank's
        types = ["STUDENT_ID" if t == "US_BANK_NUMBER" else t for t in types]
    if _PATRON_HEADER.search(joined):
        # ... and its bare "PIN" beside a patron's name is the student's lunch number
        types = [
            "STUDENT_ID" if t is None and n in _BARE_PIN_HEADERS else t
            for n, t in zip(normalized, types, strict=True)
        ]
    # a person's account is his own: one number down the whole column ("1000-3510-51300"
    # beside every coach's stipend) is the district's ledger line, unless a bank's routing
    # number stands beside it (one claimant's payments, each to her account)
    types = [
        NOT_PERSONAL
        if t == "US_BANK_NUMBER"
        and (
            (_one_value_throughout(first_rows, i) and not routed)
            # a bare "Account" of fund-function-object codes ("1000-3300-5330") is the
            # budget's line, whatever the table's other headers say
            or (
                not _BANK_HEADER.search(n)
                and (_all_ledger_codes(first_rows, i) or _one_funds_lines(first_rows, i))
            )
        )
        else t
        for i, (n, t) in enumerate(zip(normalized, types, strict=True))
    ]
    # a company's or an office's phone, address or mailbox is no one's: a purchase
    # order's "Vendor Phone" and "Remit Address", a form's "School Phone"
    types = [
        NOT_PERSONAL if t in _ORGANIZATIONS and _ORGANIZATIONS[t].search(n) else t
        for n, t in zip(normalized, types, strict=True)
    ]
    # a roster's "Teacher SIS ID" is the teacher's number
    types = [
        None if t == "STUDENT_ID" and _STAFF_WORD.search(n) else t
        for n, t in zip(normalized, types, strict=True)
    ]
    if _rows_are_schools(normalized) and not any(STUDENT_ROLE.search(role) for role in roles):
        # a rostering export's schools.csv ("School_name | State_id | Low_grade |
        # Principal"): its rows are schools, its state ID a school's DESE code
        types = [
            NOT_PERSONAL if t == "STUDENT_ID" and not _STUDENT_HEADER.search(n) else t
            for n, t in zip(normalized, types, strict=True)
        ]
    # (or by its record's name: SIF's "StaffPersonal", whose "StateProvinceId" is the
    # educator's MEPID). Not where the table names students: a log of students names the
    # staff member who handled each row ("Staff" of initials), a paraprofessional's hours
    # list the student each served ("Staff | Emp# | Student | Local ID"), and the ID
    # column is the student's.
    students_named = any(STUDENT_ROLE.search(role) for role in roles)
    staff_numbers: set[int] = set()
    if not students_named and (
        EMPLOYEE_HEADER.search(" | ".join(normalized)) or _STAFF_RECORD.search(record_name)
    ):
        staff_numbers = {
            i
            for i, (n, t) in enumerate(zip(normalized, types, strict=True))
            if t == "STUDENT_ID" and not _STUDENT_HEADER.search(n)
        }
        types = [None if i in staff_numbers else t for i, t in enumerate(types)]
    # an insurer's subscriber number is the subscriber's SSN (the GIC's "SUBSCR_NO")
    # where every value is one
    # ... and so is a record's "other ID" (SIF's OtherId of Type 0004) where every value is
    # one beside a name
    types = [
        "US_SSN"
        if t is None
        and (_SUBSCRIBER_HEADER.fullmatch(n) or ("PERSON" in types and _OTHER_ID.search(n)))
        and _ssns(first_rows, i)
        else t
        for i, (n, t) in enumerate(zip(normalized, types, strict=True))
    ]
    # a column of long numbers most of which fail the card check is a column of IDs
    # (MassHealth's twelve digits): the few that pass by chance are no one's card
    # ... even under a card's header: an "OSHA-10 Card #" column holds training cards'
    # numbers, not payment cards' (which all pass)
    # (not an account column beside a bank's routing number: a payroll sample's
    # "DD_ACCOUNT" of twelve digits, each beside its "DD_ROUTING")
    types = [
        NOT_PERSONAL
        if t in (None, "CREDIT_CARD")
        and _ids_of_card_length(first_rows, i, grouped=t is not None)
        and not (routed and _ACCOUNT_WORD.search(normalized[i]))
        else t
        for i, t in enumerate(types)
    ]
    if not any(normalized):
        # a headerless state report (SIMS, SCS) keys its rows by SASID
        types = [
            "STUDENT_ID" if t is None and _sasids(first_rows, i) else t for i, t in enumerate(types)
        ]
        # ... and an IRS TIN-matching file its payees by SSN, beside their names
        if "PERSON" in types:
            types = [
                "US_SSN" if t is None and _ssns(first_rows, i) else t for i, t in enumerate(types)
            ]
    if _rows_are_students(normalized, first_rows):
        # a rostering export (OneRoster's users.csv, a Google bulk upload) says in a role
        # column that its rows are students: its "identifier" or even "Employee ID" is
        # the student's number
        types = [
            "STUDENT_ID" if t is None and _ROW_ID_HEADER.fullmatch(_unprefixed(n)) else t
            for n, t in zip(normalized, types, strict=True)
        ]
    # ... and a staff table's own number stays no student's, though its header ("Local
    # ID") is one the student-ID recognizer would read a bare number under
    return [NOT_PERSONAL if i in staff_numbers and t is None else t for i, t in enumerate(types)]


_SITE_WORDS = r"school|building|site"
_SCHOOL_NAME_HEADER = regex.compile(rf"(?:{_SITE_WORDS})(?: name)?")
_PLACE_NAME_HEADER = regex.compile(
    rf"(?:{_SITE_WORDS}|campus|facility)(?: name)?|where (?:\w+ )?(?:occurred|happened)"
)
_SCHOOLS_OWN_HEADER = regex.compile(r"(?:low|high|lowest|highest) grade|principal(?: name)?")


_PLACE_HEADER = regex.compile(
    r"\b(?:city|town|state|st|zip|zip code|postal code|county|country|address|street|"
    r"location|site|school|building)\b"
)


def _rows_are_schools(normalized: Sequence[str]) -> bool:
    """Whether a table's rows are schools: it names each school, and gives what only a
    school has, its grade span or its principal."""
    return any(_SCHOOL_NAME_HEADER.fullmatch(n) for n in normalized) and any(
        _SCHOOLS_OWN_HEADER.fullmatch(n) for n in normalized
    )


def _rows_are_students(
    normalized: Sequence[str], rows: Sequence[tuple[int, tuple[str, ...]]]
) -> bool:
    """Whether a role column ("role", "Employee Type", a library's "Patron Type") says
    the rows are students, or a directory's distinguished names put them in a students'
    organizational unit, or their e-mail addresses in the students' domain."""
    for i, name in enumerate(normalized):
        # (the addresses under any header, a password-reset log's "Account"; a mail
        # column's may carry a display name: "Ana Ruiz <aruiz31@students.district.org>")
        values = _column_values(rows, i)
        addresses = sum(
            1 for v in values if ("mail" in name or " " not in v) and _STUDENT_MAIL.search(v)
        )
        if values and addresses >= STUDENT_ROWS * len(values):
            return True
        if "mail" in name:
            continue
        if _DN_HEADER.fullmatch(name):
            placed = sum(1 for v in values if _STUDENT_OU.search(v))
            if values and placed >= STUDENT_ROWS * len(values):
                return True
            continue
        if not _ROLE_HEADER.fullmatch(_unprefixed(name)):
            continue
        values = [_role_kind(value.lower()) for value in _column_values(rows, i)]
        if values and sum(v in _STUDENT_ROLES for v in values) >= STUDENT_ROWS * len(values):
            return True
    return False


_LETTER = regex.compile(r"\p{L}")


def _numbers_only(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column's sampled cells are all numbers (no letter in any of them)."""
    cells = _column_values(rows, column)
    return bool(cells) and not any(_LETTER.search(cell) for cell in cells)


# A count of something: "3 weeks", "14 days", "30 days, renewable"
_QUANTITY = regex.compile(r"\d[\d.,]*[ \t]+\p{Ll}")


def _person_column_by_content(
    rows: Sequence[tuple[int, tuple[str, ...]]], column: int, normalized: str
) -> str | None:
    """A column its header calls a person's, as its cells bear out: a bare "Name" of no
    one's names names things; a column of numbers names no one, save a log's "stu" (or
    "student") column of ID numbers, each the student's; nor does a column of counts (a
    loan policy's "Middle" school's "3 weeks", "14 days")."""
    if normalized == "name" and _no_ones_names(rows, column):
        return None
    cells = _column_values(rows, column)
    if cells and sum(1 for cell in cells if _QUANTITY.match(cell)) * 2 >= len(cells):
        return None
    if _numbers_only(rows, column):
        if _STUDENT_ALONE_HEADER.fullmatch(normalized) and _id_numbers_only(rows, column):
            return "STUDENT_ID"
        return None
    return "PERSON"


def _id_numbers_only(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column's sampled cells are ID numbers (4 to 10 digits), two or more, but
    for a dash where a line is no one's ("-" beside a log's export event)."""
    cells = [cell for cell in _column_values(rows, column) if cell != "-"]
    return len(cells) >= 2 and all(cell.isdigit() and 4 <= len(cell) <= 10 for cell in cells)


def _initials_only(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column's sampled cells are all initials ("MK", "D.S.")."""
    cells = _column_values(rows, column)
    return bool(cells) and all(initials_only([cell]) for cell in cells)


def _no_ones_names(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column's cells are, by the name lists, hardly anyone's names: few hold a
    listed given name or surname ("Geometry", "Studio Art I" against "SULLIVAN KAI",
    "Salazar, N.")."""
    cells = _column_values(rows, column)
    if len(cells) < COLUMN_SAMPLE_MIN:
        return False
    named = sum(
        1
        for cell in cells
        if any(is_listed_name(word) for word in _NAME_WORD.findall(cell.title()))
    )
    return named < NAME_SHARE_OF_A_ROSTER * len(cells)


def _grade_sections(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column's values are a grade's sections ("10B", "9A", "K-2"), most of
    them, and more than one."""
    values = _column_values(rows, column)
    sections = [v for v in values if _GRADE_SECTION.fullmatch(v)]
    return (
        len(sections) >= COLUMN_SAMPLE_MIN
        and len(sections) >= NUMBER_COLUMN_SHARE * len(values)
        and len(set(sections)) > 1
    )


def _school_grade_levels(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column's values are all a school's grade levels ("K", "07", "Gr 10"),
    and enough of them to tell (a pay scale's grades are letters and steps)."""
    values = _column_values(rows, column)
    return len(values) >= COLUMN_SAMPLE_MIN and all(_GRADE_LEVEL.fullmatch(v) for v in values)


def _one_value_throughout(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column's sampled numbers are all one value (the payer's own account down
    a positive-pay file, a ledger line beside every stipend); a cell without a digit, a
    file's "TRAILER" line, is none of them."""
    values = [v for v in _column_values(rows, column) if any(ch.isdigit() for ch in v)]
    return len(values) >= COLUMN_SAMPLE_MIN and len(set(values)) == 1


def _ids_of_card_length(
    rows: Sequence[tuple[int, tuple[str, ...]]], column: int, *, grouped: bool = False
) -> bool:
    """Whether a column holds numbers of one card-like length (a header or batch record
    line among them aside) of which fewer than CARD_SHARE pass the Luhn check; `grouped`,
    read with their dashes and spaces left out."""
    values = _column_values(rows, column)
    if grouped:
        values = [_CARD_GROUPING.sub("", v) for v in values]
    numbers = [v for v in values if _CARD_LENGTH.fullmatch(v)]
    if len(numbers) < max(COLUMN_SAMPLE_MIN, NUMBER_COLUMN_SHARE * len(values)):
        return False
    if len({len(v) for v in numbers}) > 1:
        return False
    return sum(1 for v in numbers if luhn(v)) < CARD_SHARE * len(numbers)


# A fixed-width record read as text, no header above it: an identifier, then the
# person's name, padded apart or run into the number, perhaps surname first with a comma.
# A state report's SASID ("1021236065 MILLS   MADISON", "1233724971MORGAN   W MITCHELL",
# "1937157981RODRIGUES, MARIANA L"), perhaps run into the local ID
# ("1042048026204260    JUSTIN   ELIZABETH   DUNLAP"), or a retirement or tax upload's
# SSN after its record type ("D261441997MORGAN   STEPHANIE").
_RECORD_NAME_WORD = r"\p{Lu}[\p{L}'-]{1,24}"
_ID_THEN_NAME = (
    r"(?<!\d){number}(?!\d)[ \t]{{0,12}}(?P<first>{word}),?[ \t]{{1,30}}"
    r"(?:\p{{Lu}}\.?[ \t]{{1,3}})?"
    r"(?P<second>{word})(?:[ \t]{{1,30}}(?P<third>{word}))?(?![\p{{L}}])"
)
_RECORDS_BY_ID = (
    (
        "STUDENT_ID",
        # (the LASID run into the SASID or set a gap after it: "1012773469  227866LY";
        # the school's eight-digit organisation code perhaps run in before it)
        regex.compile(
            _ID_THEN_NAME.format(
                number=r"(?:\d{8})?(1\d{9})(?:[ \t]{0,4}\d{4,8})?", word=_RECORD_NAME_WORD
            )
        ),
    ),
    ("US_SSN", regex.compile(_ID_THEN_NAME.format(number=r"(\d{9})", word=_RECORD_NAME_WORD))),
    # ... or a list's lines, the name first and its SASID a gap after it, as a mail
    # pastes them: "Green, David   1016128067   AP Biology"
    (
        "STUDENT_ID",
        regex.compile(
            rf"(?<![\p{{L}}\d])(?P<first>{_RECORD_NAME_WORD}),?[ \t]{{1,3}}"
            rf"(?P<second>{_RECORD_NAME_WORD})(?:[ \t]{{1,3}}(?P<third>{_RECORD_NAME_WORD}))?"
            r"[ \t]{2,12}(?P<number>1\d{9})(?!\d)"
        ),
    ),
)
# ... or the name first, padded out, then the birth date run into what follows it: a CORI
# return's "DIAZ                OLIVIA         11241975195348372NR" (date, then SSN), a
# state file's "KIM               JOSHUA        2006053112DEBIO111" (date, then grade), a
# subsidy file's "DSMITH   SUNG-MIN   201908031102043328V..." (record type "D" run
# into the surname; date, then SASID)
_NAME_THEN_BIRTH = regex.compile(
    rf"(?m)(?:^|(?<=[ \t\d]))(?P<type>\p{{Lu}}(?=\p{{Lu}}{{2}}))?(?P<first>{_RECORD_NAME_WORD})"
    rf"(?:,[ \t]{{1,30}}|[ \t]{{2,30}})(?P<second>{_RECORD_NAME_WORD})"
    rf"(?:[ \t]{{1,30}}(?P<third>{_RECORD_NAME_WORD}))?(?:[ \t]{{1,3}}\p{{Lu}}\.?)?"
    r"[ \t]{2,40}(?P<date>(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d\d"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    # ... then perhaps the sex code, and a number run in: "F422422414", "S44818417"
    r"(?:[MFXU](?=\d))?(?P<after>S\d{8}(?!\d)|\d*)(?!\d)"
)
_EIGHT_DIGITS = re.compile(r"\d{8}")
PERSON_RECORD_LINES = 3  # records, at least, that make a text a report of people
ADULT_AGE = 25  # years: one born this long ago or more is no student
# A record's birth date, written compactly or not: 12181960, 12/18/1960, 19601218
_RECORD_BIRTH_YEAR = regex.compile(
    r"(?<!\d)(?:(?:0[1-9]|1[0-2])[/-]?(?:0[1-9]|[12]\d|3[01])[/-]?((?:19|20)\d\d)"
    r"|((?:19|20)\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
)
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PersonRecords:
    """A fixed-width report's people: the entity of their identifiers, and the places
    of each identifier and name."""

    entity: str
    records: tuple[tuple[Span, Span], ...]


def person_records(text: str) -> list[PersonRecords]:
    """The identifiers and names of a headerless fixed-width report of people.

    Both name words must be on the Census lists, one a given name and the other a
    surname, in either order. Numbers issued in sequence (invoices) share their leading
    digits where SASIDs and SSNs do not. Ten digits from 1 may be National Provider
    Identifiers (checked as `_sasids` does); nine digits must be a valid SSN."""
    found: list[PersonRecords] = []
    for entity, pattern in _RECORDS_BY_ID:
        records: list[tuple[Span, Span]] = []
        for match in pattern.finditer(text, timeout=timeout_for(text)):
            name = _listed_name_span(match)
            if name is not None:
                number = "number" if "number" in pattern.groupindex else 1
                records.append((match.span(number), name))
        numbers = [text[start:end] for (start, end), _ in records]
        if len(records) < PERSON_RECORD_LINES:
            continue
        if len({n[:SEQUENCE_PREFIX] for n in numbers}) * 2 <= len(numbers):
            continue
        if entity == "STUDENT_ID":
            if sum(1 for n in numbers if luhn(_NPI_PREFIX + n)) >= NPI_SHARE * len(numbers):
                continue
            if _mostly_adults(text, records):
                continue  # a staff report's MEPID and employee number run together
        elif not all(us_ssn(n) for n in numbers):
            continue
        found.append(PersonRecords(entity, tuple(records)))
    return found + _dated_records(text) + _wage_records(text)


# A wage report's record (the DUA's quarterly file): a record type, the SSN, the surname
# padded out, the first initial, then the wages run in: "W565657780SWEENEY    L000072969"
_SSN_SURNAME_INITIAL = regex.compile(
    r"(?m)^\p{Lu}?(?P<number>\d{9})(?P<surname>\p{Lu}[\p{Lu}'\-]{1,24})[ ]{2,30}"
    r"(?P<initial>\p{Lu})(?=\d|[ ]|$)"
)


def _wage_records(text: str) -> list[PersonRecords]:
    """The SSNs and names (surname and first initial) of a headerless wage report."""
    if _EIGHT_DIGITS.search(text) is None:
        return []
    records = [
        (match.span("number"), (match.start("surname"), match.end("initial")))
        for match in _SSN_SURNAME_INITIAL.finditer(text, timeout=timeout_for(text))
        if is_surname(match.group("surname").title())
    ]
    numbers = [text[start:end] for (start, end), _ in records]
    if (
        len(records) < PERSON_RECORD_LINES
        or not all(us_ssn(n) for n in numbers)
        or len({n[:SEQUENCE_PREFIX] for n in numbers}) * 2 <= len(numbers)
    ):
        return []
    return [PersonRecords("US_SSN", tuple(records))]


def _dated_records(text: str) -> list[PersonRecords]:
    """The birth dates (`_NAME_THEN_BIRTH`) of a headerless fixed-width report of
    people, and what each line runs into its date (after the sex code, if any) where it
    is the same kind of number on every line that fills it: nine digits valid as SSNs,
    an RMV number (a learner's permit), or ten digits from 1 (SASIDs)."""
    if _EIGHT_DIGITS.search(text) is None:  # most texts: one search, no record
        return []
    births: list[tuple[Span, Span]] = []
    after: list[tuple[Span, Span]] = []
    for match in _NAME_THEN_BIRTH.finditer(text, timeout=timeout_for(text)):
        name = _listed_name_span(match, record_type=match.group("type"))
        if name is None or not a_birth_date(match.group("date")):
            continue
        births.append((match.span("date"), name))
        after.append((match.span("after"), name))
    if len(births) < PERSON_RECORD_LINES:
        return []
    found = [PersonRecords("DATE_OF_BIRTH", tuple(births))]
    # (a record may leave the field blank: "19800405M         VIE")
    after = [(span, name) for span, name in after if span[1] > span[0]]
    numbers = [text[start:end] for (start, end), _ in after]
    if len(numbers) < PERSON_RECORD_LINES or len(set(numbers)) * 2 <= len(numbers):
        return found  # too few, or one code throughout (a school's, a program's)
    if len({n[:SEQUENCE_PREFIX] for n in numbers}) * 2 <= len(numbers):
        return found  # numbers issued in sequence: a record's, not a person's
    if all(len(n) == 9 and us_ssn(n) for n in numbers):
        found.append(PersonRecords("US_SSN", tuple(after)))
    elif all(_MA_LICENSE.fullmatch(n) for n in numbers):
        found.append(PersonRecords("US_DRIVER_LICENSE", tuple(after)))
    elif all(_SASID_SHAPE.fullmatch(n) for n in numbers) and sum(
        1 for n in numbers if luhn(_NPI_PREFIX + n)
    ) < NPI_SHARE * len(numbers):
        found.append(PersonRecords("STUDENT_ID", tuple(after)))
    return found


def a_birth_date(compact: str) -> bool:
    """Whether eight digits (MMDDYYYY or YYYYMMDD) are a real day in a living person's
    lifetime, not a future one."""
    if compact[:2] in {"19", "20"} and compact[4:6] <= "12":
        year, month, day = int(compact[:4]), int(compact[4:6]), int(compact[6:])
    else:
        month, day, year = int(compact[:2]), int(compact[2:4]), int(compact[4:])
    try:
        born = datetime.date(year, month, day)
    except ValueError:
        return False
    today = datetime.date.today()
    return today.year - 110 <= born.year and born <= today


def _mostly_adults(text: str, records: Sequence[tuple[Span, Span]]) -> bool:
    """Whether most records whose line gives a birth date after the name were born
    ADULT_AGE years ago or more."""
    newest = datetime.date.today().year - ADULT_AGE
    adults = dated = 0
    for _, (_, name_end) in records:
        line_end = text.find("\n", name_end)
        found = _RECORD_BIRTH_YEAR.search(text, name_end, len(text) if line_end < 0 else line_end)
        if found is not None:
            dated += 1
            adults += int(found.group(1) or found.group(2)) <= newest
    return adults * 2 > dated > 0


def _listed_name_span(match: regex.Match[str], *, record_type: str | None = None) -> Span | None:
    """Where a record's name is: surname and given name ("MILLS MADISON"), or a given
    name, perhaps a middle one, and the surname ("JUSTIN ELIZABETH DUNLAP"); None where
    the words are not such names on the Census lists. A `record_type` letter the match
    took off before the name is tried as the name's own first letter too ("DIAZ")."""
    if record_type:
        whole = _listed_name_span_at(match, record_type)
        if whole is not None:
            return whole
    return _listed_name_span_at(match, "")


def _listed_name_span_at(match: regex.Match[str], lead: str) -> Span | None:
    first = (lead + match.group("first")).title()
    second = match.group("second").title()
    third = (match.group("third") or "").title()
    start = match.start("first") - len(lead)
    given_first = is_given_name(first)
    if third and given_first and is_given_name(second) and is_surname(third):
        return start, match.end("third")
    if (is_surname(first) and is_given_name(second)) or (given_first and is_surname(second)):
        return start, match.end("second")
    if third and given_first and is_surname(third):
        return start, match.end("third")
    return None


def _sasids(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column without a header holds Massachusetts SASIDs: ten digits from
    1000000000 on, which no US phone number is (no area code starts with 1). National
    Provider Identifiers are ten digits from 1 too, and pass the Luhn check with their
    prefix 80840; a column of SASIDs passes it one time in ten."""
    every = _column_values(rows, column)
    # (a state upload's header record, "H|0121|HALDEN|FY2024", is a row of no student)
    values = [v for v in every if _SASID_SHAPE.fullmatch(v)]
    if len(values) < COLUMN_SAMPLE_MIN or len(values) < NUMBER_COLUMN_SHARE * len(every):
        return False
    providers = sum(1 for v in values if luhn(_NPI_PREFIX + v))
    return providers < NPI_SHARE * len(values) and len(set(values)) > 1


def _ssns(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column without a header holds SSNs: nine digits, dashed or not, each
    valid by the SSA's rules, most of them no bank routing number (which checks by its
    own sum), and not one number throughout."""
    values = _column_values(rows, column)
    if len(values) < COLUMN_SAMPLE_MIN or not all(_SSN_SHAPE.fullmatch(v) for v in values):
        return False
    numbers = [v.replace("-", "") for v in values]
    if not all(us_ssn(n) for n in numbers) or len(set(numbers)) == 1:
        return False
    return sum(1 for n in numbers if aba_routing(n)) * 2 < len(numbers)


def _one_funds_lines(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    """Whether a column's accounts are one fund's lines: "8400-134", "8400-492" (a
    student activity fund's clubs), each its fund's number, a dash and its own."""
    values = _column_values(rows, column)
    funds = {value.split("-", 1)[0] for value in values if "-" in value}
    return len(values) >= COLUMN_SAMPLE_MIN and len(funds) == 1 and all("-" in v for v in values)


def _all_ledger_codes(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> bool:
    values = _column_values(rows, column)
    return bool(values) and all(_LEDGER_CODE.fullmatch(value) for value in values)


def _column_values(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> list[str]:
    """The filled cells of one column of the sampled rows, stripped (a log's "-" of a
    field an event leaves out is none)."""
    values = (cells[column].strip() for _, cells in rows if column < len(cells))
    return [value for value in values if value not in _LEFT_OUT]


def entities_not_in(header: Sequence[str]) -> frozenset[str]:
    """Entities no cell of this table holds, whatever its column: a vendor file's bank
    accounts are companies', no one's personal information (M.G.L. c. 93H)."""
    if _VENDOR_HEADER.search(" | ".join(normalize_header(h) for h in header)):
        return _COMPANY_ACCOUNTS
    return frozenset()


def _institutions(cells: Sequence[str]) -> bool:
    """Whether most of a column's cells name institutions ("Harriet Tubman Elementary",
    "Mill Pond Middle"): a school is often named for a person."""
    filled = [cell for cell in cells if cell.strip()]
    named = sum(1 for cell in filled if ORG_WORDS & set(_LETTERS.findall(cell.lower())))
    return bool(filled) and named * 2 >= len(filled)


def _name_columns_by_content(
    types: Sequence[str | None],
    rows: Sequence[tuple[int, tuple[str, ...]]],
    normalized: Sequence[str],
) -> list[str | None]:
    """`types` with PERSON for the untyped columns whose cells are names: a full-name
    column, or the best pair of a given-name column and a surname column at most
    NAME_COLUMN_REACH apart (a surname column alone may be streets: "Washington",
    "Lincoln"; a column of "Hunter", "Jackson" is given names and surnames both).
    A column headed for a place is none: a vendor file's "City | State" of "Holden | MA"
    is a town and its state, though "Ma" is a surname."""
    typed = list(types)
    shares: dict[int, NameColumnShares] = {}
    for i, entity in enumerate(types):
        if entity is None and not (i < len(normalized) and _PLACE_HEADER.search(normalized[i])):
            values = [cells[i] for _, cells in rows if i < len(cells)]
            column = name_column_shares(values)
            if column is not None and not _institutions(values):
                shares[i] = column
    for i, column in shares.items():
        if column.full >= NAME_COLUMN_SHARE:
            typed[i] = "PERSON"
    pairs = [
        (shares[g].given + shares[s].surname, g, s)
        for g in shares
        for s in shares
        if g != s
        and abs(g - s) <= NAME_COLUMN_REACH
        and shares[g].given >= NAME_COLUMN_SHARE
        and shares[s].surname >= NAME_COLUMN_SHARE
        # (a column of names that are surnames more often, as "Tran" and "Pires" are, is
        # surnames: a duty rota's "Recess A" of them beside its "Recess B" of others)
        and (shares[g].given >= shares[g].surname or shares[g].given >= SURE_GIVEN_NAME_SHARE)
    ]
    if pairs:
        _, g, s = max(pairs)
        typed[g] = typed[s] = "PERSON"
    return typed
