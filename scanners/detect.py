"""Detection over one document's blocks: patterns first, names only where they matter.

Order of work, cheapest first:

1. every text block goes through the declarative recognizers (regex + checksum
   + nearest-label context) and the document-signal vocabulary;
2. every table is typed by its headers: a column headed "SSN" makes each of its
   cells an SSN candidate, "First Name" + "Last Name" make one person per row;
   cells of untyped columns get the recognizers only if they could hold a
   number or an address;
3. names come first from the cheap places: name columns of tables and labelled
   fields ("Name:", "Student:", "From:");
4. only then, and only when a decision still depends on a name (the document
   holds an identifier or a record signal, and no name yet), spaCy NER reads
   the stretches of text around those findings, batched with `nlp.pipe`, and
   stops at the first batch that yields a name. `every_name` (snippets given to
   `scan_text`, `pii-guard scan --all-names`) reads every window, and all of a
   short text, to report every name.

Findings carry absolute offsets (`TextBlock.offset` + position) so a value seen
twice in the overlap of two chunks is reported once.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import regex

from scanners.block_shapes import TableLike, TextLike
from scanners.engine import NameFinder, NameSpan, person_shaped
from scanners.findings import Finding
from scanners.recognizers.aamva import barcode_hits
from scanners.recognizers.base import Context, Hit, Recognizer, resolve_overlaps, timeout_for
from scanners.recognizers.builtin import BUILTIN, DATE_PATTERN, GROUPED_ACCOUNT, STATE_CODE
from scanners.recognizers.checksums import aba_routing, digits, luhn, not_repeated
from scanners.recognizers.columns import (
    LEDGER_CODE_DASHES,
    NAME_PARTICLES,
    a_budget_code,
    cell_value_ok,
    column_entity,
    initials_only,
    no_banks_account,
    normalize_header,
    person_role,
    placeholder_name,
    split_camel_case,
)
from scanners.recognizers.digits import min_digits
from scanners.recognizers.hl7 import pid_hits
from scanners.recognizers.name_words import COMPANY_WORDS, names_no_one, organisation_word
from scanners.recognizers.names import (
    HOUSE_NUMBER_BEFORE,
    find_listed_names,
    is_given_name,
    is_listed_full_name,
    is_listed_name,
    placed_like_a_name,
)
from scanners.recognizers.prefilter import prefiltered
from scanners.recognizers.registers import deposit_rows
from scanners.recognizers.signals import (
    A_STAFF_TABLE,
    EDUCATION,
    EMPLOYEE,
    MEAL_STATUSES,
    SCHOOL_AGE_BIRTH_DATE,
    STUDENT,
    STUDENTS_ABSENCES,
    STUDENTS_PLANS,
    SignalCounter,
    under_an_award_or_staff_heading,
)
from scanners.recognizers.translations import english_labels
from scanners.table_shapes import (
    CARD_SHARE,
    EMPLOYEE_HEADER,
    FIELD_ROWS_A_FORM,
    LISTED_PERSON,
    NOT_PERSONAL,
    PERSON_RECORD_LINES,
    QUOTED,
    STUDENT_ROLE,
    a_birth_date,
    a_grown_ups_row,
    column_keys,
    column_types,
    entities_not_in,
    field_and_value_columns,
    grown_ups_numbers,
    heading_split,
    key_values,
    labels_row,
    names_columns,
    person_records,
    record_header,
    text_tables,
)

DEFAULT_THRESHOLD = 0.5
_RECORD = "fixed-width-record"  # the source of a headerless report's identifiers and names
# Entities that make a name matter: with one of these in a document, a person's
# name turns it into a record under some rule; without any, a name alone is not.
NAME_DEPENDENT = frozenset(
    {
        "US_SSN",
        "US_DRIVER_LICENSE",
        "CREDIT_CARD",
        "US_BANK_NUMBER",
        "STUDENT_ID",
        "DATE_OF_BIRTH",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "STREET_ADDRESS",
        "EDUCATION_RECORD",
    }
)
NER_WINDOW = 300  # characters either side of a finding that NER reads
NER_HEAD = 800  # the start of a text (letterhead, "Student:", "Re:") is always read
NER_BUDGET = 60_000  # characters of NER per document, at most
NER_DECISION_BATCH = 8  # windows per NER batch when only the classes are wanted
# With `every_name`, a short text (a note, an API caller's snippet) is read whole by NER,
# whether or not anything else makes its names matter.
NER_SMALL_TEXT = 2_000
TABLE_SCORE = 0.9  # a cell under a header that names its type
TABLE_SAMPLE_ROWS = 50  # rows whose untyped cells feed the document signals
SCHOOL_AGE = 21  # years: a student is younger (special education runs to 22)
# years: a child born since is a baby (a parental-leave request's newborn), no pupil yet;
# a district's preschool takes children from three
YOUNGEST_PUPIL_AGE = 2
# years: no student is this old (a volunteer born 24 years ago is an adult helper)
ADULTS_ONLY_AGE = SCHOOL_AGE + 2
ADULTS_ONLY_SCORE = 0.8  # of the adults-only signal where the words speak of students
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SHORT_YEAR = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-](\d\d)$")
_AIRLINE_SHORT_DATE = re.compile(r"\d{1,2}[A-Za-z]{3}(\d\d)")  # "06FEB07"
_COMPACT_YMD = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
_COMPACT_MDY = re.compile(r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d\d")
_COMPACT_SHORT_MDY = re.compile(r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(\d\d)")
TEXT_TABLE_ENTITIES = frozenset({"STUDENT_ID", "DATE_OF_BIRTH"})
TEXT_TABLE_ROWS = 60  # rows under a text table's header line that it labels, at most
HISTORIC_YEARS = 95  # a birth date older than this is history, not a record
SERIES_MIN = 5  # numbers of one length that make a series (`_without_numbered_series`)
CARD_CONTEXT_SCORE = 0.9  # a card number's score where a word vouches for it
_LONG_DIGIT_RUN = re.compile(r"(?<!\d)\d{12,19}(?!\d)")
PAYEE_LINES = 12  # lines above a bank account where its form may name the payee
COMPANY_LINES = 5  # lines before a bank account searched for its company owner
ROUTING_LINES = 3  # lines around an account written in groups searched for its routing number
ROSTER_LINES = 3  # lines that begin with a name, at least, in a roster read as text
FORM_DATA_LABELS = 3  # labels of personal data in a two-column table that make it a form
_IDENTIFIER_LABELS = frozenset(
    {"US_SSN", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "CREDIT_CARD", "STUDENT_ID"}
)
# The numbers that make a named person's personal information (M.G.L. c. 93H)
_PERSONAL_NUMBERS = frozenset({"US_SSN", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "CREDIT_CARD"})
# Characters, at least, of a student's number that is still his where it recurs alone (a
# four-digit one may be a year), and the score it was found with, at least (a staff
# sheet's "Emp #" is a student's number only as a faint guess)
KNOWN_NUMBER_CHARS = 5
KNOWN_NUMBER_SCORE = 0.8
# cells of a form's row laid out as two or three label and value pairs ("Last Name |
# Ramos | First Name | Hector | MI | L" on a CORI request)
PAIRED_FORM_WIDTHS = (4, 6)
FORM_COLON_LABELS = 3  # first cells, at least, all ending in a colon, that make a form
FORM_SAMPLE_ROWS = 20  # first rows whose first cell tells a form from a table (`_is_form`)
FORM_OFFSET_BASE = 1 << 48  # past any text's offset (see `_feed_form`)
FORM_GAP = 1_000  # empty rows kept between two rows of a form, at most
_ROW_BREAK = "\n|\n"
_NEWLINE = re.compile("\n")

# The gaps are bounded: `\s*(?:name)?\s*:` splits a long run of spaces between its two
# repeats in every way before giving up, time quadratic in the run.
_NER_ANCHORS = regex.compile(
    r"(?i)(?:\bdear\b|\bsincerely\b|\bregards\b|\bstudent\s{0,8}(?:name)?\s{0,8}:|\bname\s*:|"
    r"\bre\s*:|\bfrom\s*:|\bto\s*:|\bparent|\bguardian|\bemployee\s{0,8}(?:name)?\s{0,8}:)"
)
# The words of a place's name that no surname is: "Lincoln Street", "Morse School",
# "Hazel Brook ECC" ("Park", "Hall", "Lane" and "Court" are surnames too)
_PLACE_WORDS = (
    r"street|avenue|ave|road|rd|boulevard|blvd|drive|terrace|parkway|highway|hwy|school|"
    r"academy|elementary|building|center|centre|library|university|institute|preschool|ecc"
)
# ... which, or a word a surname may be, after a name make it a place's
_STREET_WORD = regex.compile(
    rf"^[\s,]*(?:{_PLACE_WORDS}|st|lane|ln|dr|court|ct|place|pl|way|square|sq|park|hall|"
    r"middle|high|college|foundation|early childhood)\b",
    regex.IGNORECASE,
)
# ... and, as the last word NER takes into a name, make it no one's
_PLACE_LAST_WORD = regex.compile(rf"(?i)\s(?:{_PLACE_WORDS})$")
# ... as does a state's postal code in capitals: a town and its state ("Enterprise Bank,
# Lowell MA" on an invoice's remittance line), no person (see `_a_town_and_state`)
_TOWN_AND_STATE = regex.compile(
    rf"\p{{Lu}}[\p{{L}}'.-]+(?P<more>(?: \p{{Lu}}[\p{{L}}'.-]+){{1,2}})? {STATE_CODE}"
)
# "MD" and "PA" after a name are a physician's and a physician assistant's credentials
_CREDENTIAL_CODES = frozenset({"MD", "PA"})
_NOT_NAMES = frozenset(
    {
        "iep",
        "sasid",
        "dob",
        "ssn",
        "mcas",
        "gpa",
        "sped",
        "ela",
        "hr",
        "pto",
        "dese",
        "ferpa",
        "student",
        "guardian",
        "parent",
        # (a blank form's "Child's legal name:", though "Child" is a surname too)
        "child",
        "pupil",
        "grade",
        "nurse",
        "teacher",
        "principal",
        "dear",
        # offices that NER takes for people: "call the Treasurer's office"
        "treasurer",
        "superintendent",
        "clerk",
        "secretary",
        "director",
        "comptroller",
        "controller",
        "registrar",
        "bursar",
        "trainer",
        "therapist",
        "auditor",
        "assessor",
        "chair",
        "chairperson",
        "counselor",
        "coach",
    }
)
# A form's labelled name field: "Name: Ricardo Ward", "Student: Astrid Lindqvist".
# A field starts a line or follows a tab, two spaces or a bar. Only the first tab or space
# of a run may start a match (the rest of the run is the `[ \t]*` after it, the same
# matches): were every one of them a start, each would read the run to its end, time
# quadratic in the run.
_FIELD_START = r"(?:^|(?<!\t)\t|(?<! ) {2}|[|;])"
_LABELLED_NAME = regex.compile(
    # (a W-2's box letter before its label: "e Employee: PRESTON ROGERS"; a W-9's line
    # number: "1 Name (as shown on your income tax return): Ermes Borrani")
    rf"(?im){_FIELD_START}[ \t]*"
    r"(?:re:[ \t]*|(?-i:[a-f])[ \t]+(?=(?i:employee))|[1-9][ \t]+(?=(?i:name\b)))?"
    r"(?:(?:student|employee|staff|parent|guardian|parent/guardian|"
    r"child|teacher|case manager|counselor|driver|donor|cardholder|patient|applicant|"
    r"emergency contact|"
    r"athlete|client|obligor|taxpayer|payee|debtor|claimant|traveler|passenger|"
    # a bank's notice of change or return names the account's owner so
    r"receiver|recipient|beneficiary|account holder|individual|"
    # an export's records as JSON writes their keys: "caregiver name", "requester name"
    r"caregiver|requester|requestor|reviewer|"
    # a testing room's roster: "Test Administrator: ...   Proctor: ..."; a form's
    # "Approved: ..." and minutes' "Recorder: ..."
    r"(?:test )?administrator|proctor|approved|recorder|"
    r"full|legal|preferred)(?:/[a-z]+)?(?:[ \t]?[1-9](?!\d))?(?:'s)?"
    r"(?:[ \t_]+(?:legal|full|preferred|display))?(?:[ \t_]*name)?|"
    # who signed a record off, as a form or an export's key says: "Reviewed by", a
    # screening's "reviewed_by", a withdrawal's "cleared_by"
    r"(?:[a-z][a-z_]*[ \t])?(?:reviewed|cleared|completed|approved|prepared|submitted|"
    r"requested|signed|processed|screened|evaluated|assessed|referred|verified|confirmed)"
    r"[ \t_]by|"
    # a W-9's line 1: "Name of entity/individual"
    r"name of (?:entity/)?individual|name on card|display[ _]?name|name|from|to|cc|reply-to|"
    r"sender)"
    # "Name (Last, First):", "Student name (print):"
    r"(?:[ \t]*\([\w ,/.]{1,40}\))?[ \t]*:[ \t]*"
    r"(?:\"(?=[^\"\n]+\"[ \t]*<))?"
    r"(?-i:((?:Dr|Mr|Mrs|Ms|Mx)\.? )?"
    r"((?:[A-Z]\.|[A-Z][\p{Ll}'\u2019]+(?:-[A-Z][\p{Ll}]+)?(?: [A-Z]\.?)?)"
    r"(?: (?:[A-Z]['\u2019][A-Z]\p{Ll}+|[A-Z][\p{Ll}'\u2019]+(?:-[A-Z][\p{Ll}]+)?)){1,2}"
    # "Employee: Majewicz, Oskar", as payroll writes a name
    r"|[A-Z][\p{Ll}'\u2019]+(?:-[A-Z][\p{Ll}]+)?, [A-Z][\p{Ll}]+(?: [A-Z]\.)?"
    # ... and as a government notice writes one: "Employee/Obligor: O'SULLIVAN, AOIFE C",
    # "Taxpayer: RODRIGUES TIAGO"
    r"|[A-Z][A-Z'\u2019]+(?:-[A-Z]+)?, [A-Z]{2,}(?: [A-Z]\.?)?"
    r"|[A-Z][A-Z'\u2019]+(?:-[A-Z]+)? [A-Z]{2,}(?: [A-Z]\.?)?(?=[ \t]*$)"
    # ... and as a card statement prints its cardholder: "Cardholder: KAREN M OBI"
    r"|[A-Z]{2,} [A-Z]\.? [A-Z][A-Z'\u2019]+(?:-[A-Z]+)?(?=[ \t]*$)"
    # ... and as an airline its passenger: "Traveler: CASTELLANO/RENEE MS"
    r"|[A-Z][A-Z'\u2019-]+/[A-Z][A-Z'\u2019-]+(?= (?:MR|MRS|MS|MISS|DR)[ \t]*$|[ \t]*$)))"
    r"(?![\p{L}])"
)
# ... the words such a field needs, for a search that tells most texts have none
_NAME_FIELD_GATE = prefiltered(
    re.compile(r"(?i)(?:first|given|last|family|sur)[ _-]?(?:name)?\)?\"?[ \t]*[:=]")
)
# An export's split name fields: "LastName: Matthews" / "FirstName: Donna" (XML, JSON, key:
# value dumps), one record's parts a line or two apart.
_NAME_PART = regex.compile(
    # (a bounded indent: every tab of a long run of blanks starts a field)
    rf"(?im)(?:{_FIELD_START}|[,{{])[ \t]{{0,8}}"
    r"\"?(?:student|employee|staff|legal|preferred|guardian|parent|(?P<patron>patron))?"
    # a meal system's "patron first: Hunter" says no "name"
    # (Ed-Fi's "lastSurname")
    r"[ _-]?(?P<part>first|given|last(?:[ _-]?sur(?=name))?|family|sur)"
    r"(?(patron)(?:[ _-]?name)?|[ _-]?name)"
    # (an I-9's "Last Name (Family Name):")
    r"\"?(?:[ \t]*\([\w ]{1,30}\))?[ \t]*[:=][ \t]*\"?"
    # (a surname in capitals too, as a family writes it: "Non fanmi: JEAN-BAPTISTE")
    r"(?-i:(?P<name>(?:\p{Lu}[\p{Ll}'\u2019]+|\p{Lu}[\p{Lu}'\u2019]+)"
    r"(?:[ -](?:\p{Lu}[\p{Ll}'\u2019]+|\p{Lu}[\p{Lu}'\u2019]+))?))(?![\p{L}])"
)
_NAME_PART_GAP = 120  # characters between a record's first-name and last-name fields, at most
# A generational or professional suffix is part of how a person is named ("Nicholas
# Burke Jr.", "Rita Summers MD"): the reported value keeps it.
_NAME_SUFFIX = regex.compile(
    r",?[ \t](?:Jr\.?|Sr\.?|II|III|IV|MD|M\.D\.|DDS|PhD|Ph\.D\.|DVM)(?![\w.])"
)
# ... as a clinician's degrees and licences after her name are: "Helena Marchetti, Ph.D.",
# "Oluwadamilola Bankole, M.S., CCC-SLP", "Grace Lindqvist-Park, OTR/L"
_CREDENTIALS_AFTER = regex.compile(
    r"(?:,[ \t]*(?:Ph\.?D|Psy\.?D|Ed\.?D|M\.?D|M\.?S|M\.?A|M\.?Ed|B\.?S|B\.?A|CCC-SLP|OTR/L|"
    r"COTA(?:/L)?|DPT|PT|BCBA|LICSW|LCSW|LMHC|NCSP|CAGS|MSN|BSN|MPH|NCSN|LPN|RN|NP|SLP)\.?)+"
    r"[ \t]*$"
)
# ... and the role in brackets after them: "Janet Morrissey, MSN, RN (Director)"
_ROLE_AFTER = regex.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t]*$")
_ENDS_WITH_INITIAL = regex.compile(r"\s\p{Lu}$")
# (and a spaced dash: "Kim Lee - Principal", "ELIGIBILITY FEED - PART-TIME")
_SPAN_BREAK = regex.compile(r"\n|\t| {2,}|\s*[|;:(]|\s[-\u2013\u2014]\s")
_TITLES = regex.compile(
    r"(?i)^(?:(?:mr|mrs|ms|mx|miss|dr|prof|principal|superintendent|coach|nurse|teacher|"
    r"counselor|sister|father|rev|hon|judge|officer|student|guardian|parent)\.?\s+)+"
)
# (a licensure tracker's "Educator": the district's teachers and their licences)
# (and those who would be: a hiring panel's score sheet of its "Candidate"s)
_STAFF_ROLE = regex.compile(
    r"\b(employee|staff|teacher|educator|driver|worker|applicant|candidate)\b"
)
# ... and the roles a school's staff serve students in, whose tables are about the staff
_SCHOOL_STAFF = regex.compile(
    r"\b(staff|teacher|counselor|adjustment counselor|case manager|advisor|nurse|coach|"
    r"principal|instructor|educator|psychologist|liaison|evaluator|provider|therapist|"
    # (a testing schedule's "Test Administrator" and "Proctor" in each room)
    r"administrator|proctor|paraprofessional|aide|tutor|interpreter|chaperone|supervisor)\b"
)
# what may come before a roster line's name: "  3. ", "- ", "10/24 | ", "10/28/24 - "
_LINE_LEAD = regex.compile(
    # (a reply quotes the mail it answers: "> Todd Gonzalez - 63/75")
    r"[ \t]*(?:>[ \t]?){0,3}[ \t]*"
    # (or a log's date, a gap after it: "1/24   Jaylen Washington - OOS, threw pencil")
    r"(?:(?:\d{1,3}[.)]|[-*\u2022])[ \t]+|[\d/:.-]{1,10}[ \t]*[|,;\t\-\u2013][ \t]*"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+"
    # a printed report's row number or claim number ("2499463769041 Alfaro, Debora"),
    # too long for a year or a house number
    r"|\d{6,15}[ \t]+)?"
    # (a Markdown note's names in bold: "**Sofia Marquez** (1601494684)")
    r"(?:\*\*|__)?"
)
_COMPANY = regex.compile(
    # (not an incident's number: "tracked under INC-20932")
    r"(?i)\b(?:inc(?![-#]\d)|llc|l\.l\.c|corp|corporation|company|ltd|remit|remittance|ein|fein)\b"
    # a vendor's record ("Vendor ID", "vendorId:"), not "your vendor record" in a memo
    r"|(?i:\bvendor ?(?:id|#|no\b|number|name)|\bvendor:)"
    r"|\bCo\.(?!\w)"  # "W.B. Mason Co.", not a "co-pay"
    # an organisation's account with a supplier: "MV Office (Business acct 0041772)"
    r"|(?i:\b(?:business|commercial|corporate) (?:acct|account)\b)"
    # ... or its operating account: "Account (Trust Operating)"
    r"|(?i:\boperating (?:account|acct)\b|\((?:[\w&.' ]{0,40} )?operating\))"
    # ... or the district's own: a bank reconciliation's "General Operating"
    r"|(?i:\bgeneral operating\b|\boperating (?:acct|account)\b|\bbank reconciliation\b)"
    # a town's or the district's own account: "Town of Brookmere - School Operating"
    r"|(?i:\b(?:town|city|county|commonwealth) of\b|\boperating (?:account|acct)\b|\boperating,)"
    # ... or a program's: "Payee: Millbrook Public Schools - EDP Revolving Fund", "pay by
    # ACH to the program's account" (not the district's name alone, which heads its
    # employees' direct deposit forms too)
    r"|(?i:\brevolving fund\b|"
    r"\b(?:program|district|school|town|city)['\u2019]s (?:own )?(?:bank )?account\b)"
    # ... its payroll's: "the district payroll clearing account (Eastern Bank acct ...)"
    r"|(?i:\b(?:payroll )?clearing (?:account|acct)\b|\bsweep (?:account|acct)\b)"
    # a positive-pay file lists the checks the district issues from its own account
    # (or as its XML says it: "<PositivePayIssueFile>")
    r"|(?i:\bpositive ?pay|\bissued checks?(?: file)?\b)"
    # ... as a school's student activity (agency) account is its own, signed for by staff,
    # on its deposit ticket (not a deposit detail's column of them beside each check's
    # "Routing Account": those accounts are the families')
    r"|(?i:\b(?:(?:agency|activity)[ \t]+(?:account|acct)|activity[ \t]+agency)\b"
    r"(?![^\n]*\brouting\b)|\bauthorized signers?\b)"
)
# A table's header line printed as text: no digits, and a column of identifiers or birth
# dates among its words ("Student SASID ELA Scaled ELA Level").
_TEXT_TABLE_WORD = prefiltered(
    regex.compile(r"(?i)sasid|lasid|(?:stu(?:dent)?|child|local|hs) ?(?:id|#)|dob|birth")
)
# No digits but a period's or a quarter's code ("P1 P2 ... P7", "Q3"), a state report's
# element code ("DOE025"), an ordinal ("1st Lang") or "504": a value is no label.
_HEADER_CHAR = (
    r"(?:504(?!\d)|[^\d\n]|(?<=\b\p{L})\d\b|(?<=\b\p{Lu}{2,4}\d{0,2})\d(?!\p{L})"
    r"|(?<![\d\p{L}])\d(?=st|nd|rd|th)(?!\w{3})"
    # ... or a period's number after its word: "Per 1 Per 2", "Period 3"
    r"|(?i:(?<=\b(?:per|period|quarter|term|unit) )\d(?!\d))"
    # ... or the school year a column is for, in brackets: "Grade (25-26)", "(2025-26)"
    r"|(?<=\()(?:20)?\d\d-\d\d(?=\))"
    # ... or the day a child's age is reckoned on: a kindergarten list's "Age 9/1"
    r"|(?i:(?<=\bage )\d{1,2}/\d{1,2}(?![\d/])))"
)
_TEXT_TABLE_HEADER = regex.compile(
    rf"(?im)^(?={_HEADER_CHAR}{{0,160}}"
    r"(?<![\p{L}])(?:sasid|lasid|student id|student #|stu ?#|stu ?id|child id|local id|"
    # (a college's report of its dual-enrollment students: "BVCC ID Student HS ID")
    r"hs id|"
    r"dob|date of birth|"
    rf"birth ?date)(?![\p{{L}}])){_HEADER_CHAR}{{8,160}}$"
)
_FORM_LABEL = regex.compile(r"\p{L}: ")
# ... and one run into its number in a cell: OneRoster's "{SASID:1058834072}", "id=204417"
_LABEL_ON_ITS_NUMBER = regex.compile(r"\p{L}[:=]\d")
# A cell's own label before its value: "DOB 09/22/2016", "ID: 201472", "SASID# 1049387265"
_OWN_LABEL = regex.compile(r"(\p{L}[\p{L} .]{0,14}?)[ \t]*[:#]?[ \t]*(\d[\d/.-]{3,})")
_BARE_ID_LABELS = frozenset({"id", "id no", "id no."})
# A column that says what kind of document the next column's number is from: a
# registration export's "Residency Proof Type" of "MA Driver License", then its "Residency
# Proof Ref"; an I-9 log's "ID Type", then "ID Number"
_KIND_HEADER = regex.compile(r"(?i)\b(?:type|kind|document|doc|proof)\b")
KIND_CELL_CHARS = 48  # a kind column's cell is a few words, not a note


@functools.lru_cache(maxsize=256)
def _after_kind_columns(header: tuple[str, ...]) -> frozenset[int]:
    """The columns after a kind column (`_KIND_HEADER`): judged once per table's header,
    not for every row."""
    return frozenset(i + 1 for i, h in enumerate(header) if _KIND_HEADER.search(h))


def _kind_cell(cells: tuple[str, ...], i: int) -> str | None:
    """The cell before the `i`th, which names the kind of document the `i`th cell's
    number is from, where it is a few words; else None."""
    kind = cells[i - 1].strip()
    return kind if 0 < len(kind) <= KIND_CELL_CHARS else None


def _form_label_first(row: str) -> bool:
    """Whether a line is a form's field, its label before any number: "Signer: Dana
    Ruiz  10/12/2024" ends a printed table, a row's note after its numbers does not
    ("Ava Kowalczyk 281118 07/29/2020 ... Potential delay: Language - refer SLP")."""
    label = _FORM_LABEL.search(row)
    return label is not None and not any(ch.isdigit() for ch in row[: label.start()])


_SIGNING_LINE = regex.compile(r"(?i)[ \t]*(?:signature|signed|date|dated|witness|notary)\b")
_OTHER_ID_HEADER = regex.compile(
    r"(?i)\b(?:card (?:number|no|#)|name on card|account|acct|routing|ssn|social security|"
    r"licen[sc]e)\b"
)
_STAFF_TABLE_WORD = regex.compile(r"(?i)\b(?:employee|emp|staff|position|title|dept)\b")
_STUDENT_TABLE_WORD = regex.compile(r"(?i)\b(?:student|stu|child|sasid|lasid)\b")
_BIRTH_COLUMN_WORD = regex.compile(r"(?i)\b(?:dob|date of birth|birth ?date)\b")
_DATE_COLUMN_WORD = regex.compile(r"(?i)\b(?:date|dt|dated|sent|due|issued)\b")
BIRTHDAY_TITLE_CHARS = 400  # a birthday list says so in its first lines
_BIRTHDAY_LIST_TITLE = regex.compile(r"(?i)\b(?:birthdays?|b-?days?)\b")
_NAME_AND_DATE_LINE = regex.compile(
    r"(?m)^[ \t]*\p{Lu}[\p{L}'\u2019-]+(?: \p{Lu}[\p{L}'\u2019.-]*){1,3}[ \t]{2,}[^\n]{6,60}$"
)
_INITIAL_SURNAME = regex.compile(r"\p{Lu}\. (\p{Lu}\p{Ll}+)")
_GRADE_LEVEL = regex.compile(r"(?i)0?[1-9]|1[0-2]|k|kf|kh|pk|k[1-2]")
_BEYOND_A_RUBRIC = regex.compile(r"(?i)0?[5-9]|1[0-2]|k|kf|kh|pk|k[1-2]")
# ... or a band of them, as a testing schedule's sessions are ("4-5", "9-12", "K-2"), or
# a family's children's ("1, 3", "K & 2")
_GRADE_BAND = regex.compile(
    r"(?i)(?:0?[1-9]|1[0-2]|k|pk)(?:[ \t]?[-\u2013][ \t]?(?:0?[1-9]|1[0-2])"
    r"|(?:[ \t]?[,&/;][ \t]?(?:0?[1-9]|1[0-2]|k|pk))+)"
)


_DEPENDENTS_TERMS = ("dependents", "dependent verification", "dependent eligibility")
_BENEFITS_HEADER = regex.compile(r"\b(?:plan|coverage|premium|benefits?|carrier|elections?)\b")
_TIER_HEADER = regex.compile(r"\btier")
_GRADE_LEVEL_HEADERS = frozenset(
    # (a family survey's "Grade level(s)" of its children: "6", "2; 10")
    {"grade", "grade level", "grade levels", "grade level(s)", "gr", "grd", "gr lvl"}
)
# A course's final mark, as a transcript or a college's grade roster gives it: a letter,
# or a withdrawal, pass or incomplete ("A-", "W", "INC")
_COURSE_MARK = regex.compile(r"[A-F][+-]?|W[PF]?|N?P|INC?")
_SIGNED_OR_WITHDRAWN = regex.compile(r"[A-D][+-]|W[PF]?|INC?")


def _budget_lines_only(values: Sequence[str]) -> bool:
    """Whether a column's cells are budget lines (`a_budget_code`), one at least, and
    words ("Net")."""
    numbers = [value for value in values if any(ch.isdigit() for ch in value)]
    return bool(numbers) and all(a_budget_code(value) for value in numbers)


def _cells_of(rows: Sequence[tuple[int, tuple[str, ...]]], column: int) -> list[str]:
    """A column's cells, stripped, in the rows that reach it."""
    return [cells[column].strip() for _, cells in rows if column < len(cells)]


def _course_marks(values: Sequence[str]) -> bool:
    """Whether a "Grade" column holds course marks, not grade levels: all of them marks,
    and one at least signed or a withdrawal ("B+", "W"), as a pay scale's grades ("A",
    "B", "C" beside their steps) never are."""
    filled = [v for v in values if v]
    return (
        len(filled) >= 2
        and all(_COURSE_MARK.fullmatch(v) for v in filled)
        and any(_SIGNED_OR_WITHDRAWN.fullmatch(v) for v in filled)
    )


def _grade_levels(values: Sequence[str]) -> bool:
    """Whether a grade column's values are grade levels ("9", "K") or bands or lists of
    them ("4-5", "1, 3"), not marks: some beyond a standards-based report card's 1-4."""
    filled = [v for v in values if v]
    return (
        bool(filled)
        and all(_GRADE_LEVEL.fullmatch(v) or _GRADE_BAND.fullmatch(v) for v in filled)
        and any(_BEYOND_A_RUBRIC.fullmatch(v) or _GRADE_BAND.fullmatch(v) for v in filled)
    )


# (perhaps with its note: "F (48)", "I (incomplete)")
_LETTER_GRADE = regex.compile(
    r"^(?:[A-F][+-]?|P|F|I|INC|\d{1,3}(?:\.\d+)?%?)(?:[ \t]*\([^()]{1,20}\))?$"
)
_GRADE_HEADER = regex.compile(
    r"(?i)\b(grade|gr|mark|score|gpa|q[1-4]|quarter|term|semester|t[1-3]|final|midterm|exam|ela|"
    r"math|science|reading|writing|history|quiz|test|hw|homework|unit \d+|"
    # an LMS gradebook's categories and its "Letter" column: "Quizzes (20%)", "Tests (40%)"
    r"quizzes|tests|exams|classwork|assignments|letter|"
    # reading levels and benchmark assessments: "Sept F&P", "DRA", "Lexile"
    r"f ?& ?p|dra|lexile|dibels|i-?ready|mcas|"
    # ... and an evaluation's test scores: "FSIQ", "KTEA RC", "WIAT Math"
    r"wisc|wppsi|fsiq|ktea|wiat|wj|basc|celf|ctopp)\b"
    # ... or a score out of its points: "Core /25", "Lab 3 (/20)"
    r"|(?<![\w/])/ ?\d{1,3}(?![\d/])"
)
# ... but not a count of a test's materials: a test security log's "Exam bks rcvd", "Ans
# sheets returned" beside each room's proctor
_MATERIALS_HEADER = regex.compile(
    r"(?i)\b(?:bks|books?|booklets?|sheets?|copies|packets|rcvd|received|returned|qty|count)\b"
)
# A name column headed by the day's absence or discipline
_ABSENCE_LIST_HEADER = regex.compile(r"(?i)^\W*(?:absent|tardy|tardies|suspended|detention)\b")
# ... of those, a column of the students' plans
_PLAN_HEADER = regex.compile(r"(?i)\b(?:iep|504|ihp)\b")
_PLAN_IN_CELL = regex.compile(
    r"(?i)\b(?:iep|504(?: plan)?|ihp|behavior (?:intervention )?plan|suspension|expulsion|"
    r"manifestation determination)\b"
)
PLANNED_ROWS = 2  # rows of a log of students that say a plan or a discipline, at least
_EDU_HEADER = regex.compile(
    r"(?i)\b(iep|504|accommodation|allerg|medication|diagnos|health|nurse|absen|attendance|eligib|"
    r"tardi|tardy|days abs|disciplin|incident|behavior|services|disabilit|gpa|complaint|"
    # an IEP's: its summer services ("ESY service"), its goals ("Goal area")
    r"esy\b|goal areas?\b|"
    r"disposition|symptom|"
    # (not a bare "Condition": a textbook inventory's "Good", "Fair")
    r"treatment|medical|immuniz|vaccin|infraction|consequence|credits|"
    # a reading or support plan's: "Intervention?", "Tier" (not a benefit's "Coverage Tier")
    r"intervention|(?<!coverage )(?<!plan )(?<!rate )tier|"
    # an English learner's: "ScreenerOverall" 1.7, "ELP Proficiency", "ProgramPlacement" SEI
    r"screener|proficien|placement|"
    # a health office's list: "Med at school", "Meds", "Plan on file" (an IHP, a 504)
    r"meds?(?!\w)|plan on file|"
    # an athletic trainer's: "Injury", "Concussion protocol"
    r"injur|concussion|"
    # a reading teacher's benchmark levels by month ("Sept Level", "Nov Level"; F&P's "K")
    r"(?:reading|instructional|independent|guided reading|"
    r"(?:sept?|oct|nov|dec|jan|feb|mar|apr|may|june?|boy|moy|eoy|fall|winter|spring)\.?) level)\w*"
)

_CREDENTIAL_HEADER = regex.compile(
    r"(?i)\b(?:lic|licen[sc]e|licensure|certification|cert|endorsement|npi)\b"
)
# A mail's quote marks before a line it quotes: "> ", ">> "
_QUOTE_MARKS = regex.compile(r"^(?:[ \t]*>)+[ \t]?")
# A table of a record's fields, each with what is said of it, none with its value
_DATA_DICTIONARY_HEADER = regex.compile(
    r"(?:field|field name|field label|data element|element|column|column name|attribute|item)"
    r"(?: \| (?:format|description|definition|where to find it|where to find|source|notes?|"
    r"example|examples|type|data type|required\??|length|size|valid values|comments?|"
    r"how to fill|instructions|location|system|owner|format / rule|rule|rules|"
    # (a user guide's made-up record beside the fields: "Demo record value")
    r"(?:demo|sample|example|training|fictitious|test) (?:record )?(?:value|values|data|entry)))"
    r"{1,4}"
)
_FORM_GRID_HEADER = regex.compile(
    r"(?:field|item|question|label|element|data element|field name) \| "
    r"(?:value|entry|response|answer|information|info|data|details)"
)
_CONTACT_ENTITIES = frozenset({"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS"})
# A count's header: "# students", "# of kids", "no of students", "number of students"
_A_COUNT = regex.compile(r"(?:#|no|num|number|count|total)(?: of)? [a-z]+s\b")
_NOTES_HEADER = regex.compile(
    # (a call log's "Re:" and "Regarding", what each call was about)
    r"(?i)^\W*(?:\w+\s)?(?:notes?|comments?|remarks|observations?|concerns?|narrative|re|regarding|"
    # an evacuation sheet's "Special considerations", a dismissal list's "Medical alerts"
    r"considerations?|alerts?|"
    # an interpreter's or a liaison's log: "Meeting Type" is "Re-evaluation Team Mtg"
    r"meeting(?: type)?|type of meeting)"
    # (a contact log's "Notes / follow-up")
    r"(?:\s*[/&]\s*(?:follow[- ]?ups?|next steps?|actions?(?: taken)?|outcomes?))?\W*$"
)
_STUDENT_LOG_HEADER = regex.compile(
    # (or a screening's: "Result" is "REFER", "rescreen"; or a complaint tracker's:
    # "Category" is "Discipline", "Summary" is "Disputes 1-day OSS for pushing")
    # ... or two of them in one column, as a log typed by hand heads it ("reason ->
    # outcome", "Reason / Follow-up")
    r"(?i)^\W*(?:\w+\s)?(?&log_word)(?:\s*(?:-+>|/|&|\+|,|and)\s*(?:\w+\s)?(?&log_word))*\W*$"
    r"(?(DEFINE)(?P<log_word>reason|outcome|follow[- ]?up|action taken|purpose|results?|"
    r"summary|resolution|category|description|details?|issue))"
)
# A reading benchmark's column: "Sept F&P", "DRA2", "Lexile", "Guided Reading Level"
_READING_LEVEL_HEADER = regex.compile(
    r"(?i)\b(?:f ?& ?p|fountas|dra2?|lexile|guided reading|reading level|"
    r"instructional level|independent level|benchmark level)\b"
)
# The people of a catalogue of books or works: their makers, whom no grade is given
_MAKER_HEADER = regex.compile(
    r"(?i)^\W*(?:authors?|illustrators?|editors?|composers?|artists?|writers?|"
    r"translators?)\W*$"
)


def _a_catalogue_of_works(header: Sequence[str], types: Sequence[str | None]) -> bool:
    """Whether a table's only people are the makers of its rows' works (an inventory's
    "Author"): its grade-like columns ("F&P Level") are the works', not the people's."""
    people = [h for h, t in zip(header, types, strict=False) if t == "PERSON"]
    return bool(people) and all(_MAKER_HEADER.match(h) for h in people)


# An attendance grid: a column per school day ("10/01", "Tue 10/8") of P/A/T marks.
_DAY_HEADER = regex.compile(
    r"(?i)(?:(?:mon|tue|wed|thu|fri)\w*\.?\s*)?\d{1,2}/\d{1,2}(?:/\d{2,4})?"
)
_ATTENDANCE_MARK = regex.compile(r"(?i)[PATELUX]|AB|TD|TU|EX|UX|DA|\u2713|\u2714|/")
ATTENDANCE_DAYS = 3  # day columns, at least, that make a table an attendance grid
ATTENDANCE_MARKS = 0.6  # share of the day columns' filled cells that are marks, at least


@dataclass(frozen=True, slots=True)
class TextPiece:
    """A text block made by hand (scan_text, tests)."""

    text: str
    location: str = ""
    first_line: int = 1
    offset: int = 0


@dataclass(frozen=True, slots=True)
class TablePiece:
    """A table made by hand (tests, callers with data already in rows)."""

    location: str
    header: tuple[str, ...]
    rows: Iterable[tuple[int, tuple[str, ...]]]


@dataclass(slots=True)
class _Window:
    """A stretch of text NER will read, tied back to where it sits."""

    text: str
    abs_start: int
    location: str
    first_line: int
    unit: str = "line"


@dataclass(frozen=True, slots=True)
class NameDecision:
    """A class rule that a person's name would complete.

    With every entity of `requires` found (one of `any_of` too, when it is not empty,
    and none of `excludes`), a name turns the document into a record. Only then is
    it worth loading the NER model for a name the cheap stages did not find.
    """

    requires: frozenset[str]
    any_of: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    min_score: float = 0.5

    def pending(self, best: Mapping[str, float]) -> bool:
        """Does this rule lack only a name, given the best score of each entity found?"""

        def present(entity: str) -> bool:
            return best.get(entity, 0.0) >= self.min_score

        return (
            all(present(e) for e in self.requires)
            and (not self.any_of or any(present(e) for e in self.any_of))
            and not any(e in best for e in self.excludes)
        )


@dataclass
class DetectorSettings:
    recognizers: Sequence[Recognizer]
    header_rules: tuple[tuple[regex.Pattern[str], str], ...] = ()
    thresholds: Mapping[str, float] = field(default_factory=dict)
    names: NameFinder | None = None
    # Report every name NER can find (within the budget), not only the names a class
    # decision depends on.
    every_name: bool = True
    # The rules a name would complete (from the policy's blocking classes). None: any
    # identifier or record signal makes a name matter (`NAME_DEPENDENT`).
    name_decisions: tuple[NameDecision, ...] | None = None
    # The recognizers a table cell of each shape could hold a hit of (`_could_match`),
    # filled as shapes are met: they depend on `recognizers` alone, so every document
    # scanned with these settings shares them.
    shape_candidates: dict[tuple[int, bool, bool], tuple[Recognizer, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @functools.cached_property
    def text_table_recognizers(self) -> tuple[Recognizer, ...]:
        """The recognizers a text table's header line labels (`_text_table_hits`)."""
        return tuple(r for r in self.recognizers if r.entity in TEXT_TABLE_ENTITIES)


_BUILTIN_IDS = frozenset(id(r) for r in BUILTIN)


def _could_match(recognizer: Recognizer, digits: int, letters: bool, at_sign: bool) -> bool:
    """Whether a cell of this shape could hold a hit of `recognizer` (see `_candidates`)."""
    if id(recognizer) not in _BUILTIN_IDS:
        return digits >= _least_digits(recognizer)
    if recognizer.entity == "EMAIL_ADDRESS":
        return at_sign
    if recognizer.entity == "STREET_ADDRESS":
        return digits > 0 and letters
    # A bare number of fewer than six digits is no identifier in a column that does
    # not say so; and none has fewer digits than its patterns need ("$3,456.78" is
    # no SSN, no card).
    return digits >= max(6, _least_digits(recognizer))


@functools.lru_cache(maxsize=64)
def _least_digits(recognizer: Recognizer) -> int:
    """The fewest digits a hit of `recognizer` holds (at least one)."""
    flags = re.IGNORECASE if recognizer.ignore_case else 0
    return max(1, min(min_digits(p.regex, flags) for p in recognizer.patterns))


def _where(location: str, detail: str) -> str:
    return f"{location}, {detail}" if location else detail


class _LineIndex:
    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in _NEWLINE.finditer(text))

    def line_of(self, position: int) -> int:
        return bisect.bisect_right(self._starts, position) - 1


class DocumentDetector:
    """Findings of one document, fed block by block, finished once."""

    def __init__(self, settings: DetectorSettings) -> None:
        self.settings = settings
        self.signals = SignalCounter()
        self._findings: dict[tuple[str, str, int], Finding] = {}
        self._windows: list[_Window] = []
        self._anchor_spans: list[tuple[int, int]] = []  # absolute spans of non-name findings
        self._ner_chars = 0
        self._text_chars = 0
        self._column_contexts: dict[tuple[int, str], Context | None] = {}
        # a table's columns repeat their values ("K", "yes", a job title): each is shaped once
        self._cell_candidates: dict[str, Sequence[Recognizer]] = {}
        self._next_form_offset = FORM_OFFSET_BASE
        # Each location's text stream starts at its own base: a block's `offset` counts
        # within its stream (the chunks of one long text), and page 2's offsets would
        # otherwise be page 1's, its SSN taken for a finding over page 1's name.
        self._stream_bases: dict[str, int] = {}
        self._next_stream_base = 0
        self._text_seen = False
        # the years an old record speaks of ("School Year 1952-1953", "Grad yr 2001"):
        # its pupils' ages are reckoned in them (`_school_age_birth_date`)
        self._record_years: set[int] = set()
        # the numbers found as students' so far: where one recurs alone in a later table
        # cell, it is still the student's (`_feed_row`)
        self._student_numbers: set[str] = set()
        # the people a table row gave with a Social Security number, as a 1099 file's
        # recipients: a later sheet's vendor payee of that name is a person (`_feed_row`)
        self._taxpayers: set[str] = set()
        # listed names the document gives as a place's ("Hollis Brook Regional High
        # School"): alone elsewhere in it ("arrived at Hollis Brook as a ninth grader")
        # they are the place still (`finish`)
        self._place_names: set[str] = set()

    # -- text ---------------------------------------------------------------------------
    def feed_text(self, block: TextLike, *, unit: str = "line") -> None:
        """Findings of a text block; `unit` names its lines in locations ("row" for a
        form table read as text, see `feed_table`)."""
        text = block.text
        if not text:
            return
        base = self._stream_bases.setdefault(block.location, self._next_stream_base)
        offset = base + block.offset
        self._next_stream_base = max(self._next_stream_base, offset + len(text) + 1)
        text = english_labels(text)  # a family's form: "Fecha de nacimiento: ..."
        text = _without_dot_leaders(text)  # a printed form's "Student ID .....: 2700176"
        block = TextPiece(text, block.location, block.first_line, offset)
        # (a table's columns are tabs, gaps of spaces, bars or a CSV's commas: "| Child |
        # SASID | DOB |", "std_id,last,first")
        if unit == "line" and ("\t" in text or "  " in text or "|" in text or "," in text):
            text = self._feed_text_tables(block)
            block = TextPiece(text, block.location, block.first_line, block.offset)
        self._text_chars += len(text)
        # (a training's example, "Jane Doe, DOB 01/01/2015, Gr 3, IEP for reading", says
        # nothing of anyone: its line is left out of the document's signals)
        placeholders = _placeholder_spans(text)
        self.signals.feed(_blanked(text, placeholders))
        self._record_years.update(
            int(m.group(1)) for m in _RECORD_YEAR.finditer(text, 0, RECORD_YEAR_CHARS)
        )
        hits: list[Hit] = []
        for recognizer in self.settings.recognizers:
            hits.extend(recognizer.find(text))
        hits.extend(self._text_table_hits(text))
        hits.extend(
            Hit("STUDENT_ID", *m.span("id"), m.group("id"), TABLE_SCORE, "key-value-log")
            for m in _KEY_VALUE_STUDENT.finditer(text, timeout=timeout_for(text))
        )
        hits.extend(
            Hit("STUDENT_ID", *m.span("id"), m.group("id"), TABLE_SCORE, "id-beside-grade")
            for m in _ids_beside_grades_matches(text)
        )
        hits.extend(_labelled_students(text))
        hits.extend(
            Hit("STUDENT_ID", *m.span(1), m.group(1), TABLE_SCORE, "student-then-number")
            for m in _STUDENT_THEN_NUMBER.finditer(text, timeout=timeout_for(text))
            if not_repeated(m.group(1))
        )
        hits.extend(_bracketed_student_ids(text))
        hits.extend(_named_students_ids(text))
        hits.extend(_listed_students_numbers(text))
        hits.extend(_slashed_students_numbers(text))
        hits.extend(_printed_report_rows(text))
        hits.extend(_numbered_students(text))
        hits.extend(deposit_rows(text))
        hits.extend(barcode_hits(text))
        hits.extend(pid_hits(text))
        for report in person_records(text):
            for (id_start, id_end), (name_start, name_end) in report.records:
                number = text[id_start:id_end]
                name = " ".join(text[name_start:name_end].split())  # the fields' padding
                hits.append(Hit(report.entity, id_start, id_end, number, TABLE_SCORE, _RECORD))
                hits.append(Hit("PERSON", name_start, name_end, name, TABLE_SCORE, _RECORD))
        hits = _without_companys_accounts(text, resolve_overlaps(hits))
        hits = _grouped_accounts_beside_routing(text, hits)
        hits = _routing_before_its_account(text, hits)
        hits = _without_numbered_series(text, hits)
        hits = _without_initials_before_dates(text, hits)
        hits = _outside(placeholders, hits)
        hits = _without_birth_date_ranges(text, hits)
        hits = self._students_accounts(hits)
        hits = _named_students_accounts(text, hits)
        # (a made-up record's lines name no one either: "EXAMPLE: Student Name: Jane Doe",
        # then "Return to: Team Chair, 1 Maple Way, Holden, MA", no "Way, Holden")
        hits.extend(_outside(placeholders, self._names(text, hits)))
        if not self.signals.listed_people and _is_roster(text, hits):
            self.signals.listed_people = True
        self.signals.feed_named_lines(_lines_of(text, (h for h in hits if h.entity == "PERSON")))
        lines: _LineIndex | None = None
        for hit in hits:
            if lines is None:
                lines = _LineIndex(text)
            line = block.first_line + lines.line_of(hit.start)
            self._add(
                hit.entity,
                hit.score,
                hit.value,
                _where(block.location, f"{unit} {line}"),
                key=block.offset + hit.start,
            )
            self._anchor_spans.append((block.offset + hit.start, block.offset + hit.end))
        self._plan_ner(block, hits, unit, placeholders)

    def _names(self, text: str, others: Sequence[Hit]) -> list[Hit]:
        """Names from labelled fields and the name lists, none inside another finding
        (a street named after a person, a mailbox)."""
        taken = _SpanIndex((hit.start, hit.end) for hit in others)
        found = [
            *_labelled_names(text),
            *_split_name_fields(text),
            *(
                hit
                for hit in find_listed_names(text, self._place_names)
                if not _runs_into_a_company(text, hit.end)
            ),
        ]
        names = resolve_overlaps([*found, *_family_members(text, found)])
        return [
            _with_suffix(text, hit)
            for hit in names
            if not taken.overlaps(hit.start, hit.end) and not names_no_one(hit.value)
        ]

    def _plan_ner(
        self,
        block: TextLike,
        hits: Sequence[Hit],
        unit: str,
        placeholders: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Keep the stretches of this block that NER should read if the document needs
        names: not a made-up record's lines (`_placeholder_spans`), whose "Jane Doe"
        NER would read on into the next label ("Student name: Jane Doe Local ID: ...")."""
        text = _blanked(block.text, placeholders)
        spans: list[tuple[int, int]] = []
        if not self._text_seen:
            spans.append((0, min(len(text), NER_HEAD)))
            self._text_seen = True
        for hit in hits:
            spans.append((max(0, hit.start - NER_WINDOW), min(len(text), hit.end + NER_WINDOW)))
        for match in _NER_ANCHORS.finditer(text, timeout=timeout_for(text)):
            spans.append((max(0, match.start() - 40), min(len(text), match.end() + 200)))
        if len(text) <= 4 * NER_HEAD:  # short blocks (an email, a note): read all of it
            spans = [(0, len(text))]
        spans.sort()
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        for start, end in merged:
            start, end = _widen(text, start, end)
            if self._ner_chars + (end - start) > NER_BUDGET:
                end = start + max(0, NER_BUDGET - self._ner_chars)
            if end <= start:
                break
            first_line = block.first_line + text.count("\n", 0, start)
            self._windows.append(
                _Window(text[start:end], block.offset + start, block.location, first_line, unit)
            )
            self._ner_chars += end - start

    def _text_table_hits(self, text: str) -> list[Hit]:
        """Identifiers and birth dates in a table printed as text (a PDF's roster): the
        header line ("Student SASID ELA Scaled ...") labels the rows under it, as a
        column header does, though it stands lines above the values."""
        hits: list[Hit] = []
        labelled = self.settings.text_table_recognizers
        if labelled and _BIRTHDAY_LIST_TITLE.search(text, 0, BIRTHDAY_TITLE_CHARS):
            hits.extend(self._birthday_list_hits(text, labelled))
        if not labelled:
            return hits
        for header in _text_table_headers(text):
            label = header.group()
            # "Employee Local ID Position": a staff list's numbers are no student's
            staff = bool(_STAFF_TABLE_WORD.search(label)) and not _STUDENT_TABLE_WORD.search(label)
            # "Student DOB HR Missing Letter Sent": the birth date is the row's first date,
            # whatever date columns come after it; its label is the header up to "DOB"
            birth = _BIRTH_COLUMN_WORD.search(label)
            birth_label = (
                label[: birth.end()]
                if birth is not None and not _DATE_COLUMN_WORD.search(label, 0, birth.start())
                else None
            )
            start = header.end() + 1
            for _ in range(TEXT_TABLE_ROWS):
                if start >= len(text):
                    break
                end = text.find("\n", start)
                end = len(text) if end < 0 else end
                row = text[start:end]
                if (
                    not _QUOTE_MARKS.sub("", row).strip()
                    or _form_label_first(row)
                    or row.rstrip().endswith(":")
                    or _SIGNING_LINE.match(row)
                    or len(_SENTENCE_WORD.findall(row)) >= SENTENCE_WORDS
                    or (not any(ch.isdigit() for ch in row) and _OTHER_ID_HEADER.search(row))
                ):
                    # the table ends: a blank line (a quoted mail's "> >" is one), a form's
                    # "Signer:" after it (or its "Signature" and "Date" printed without
                    # colons), the heading of a list ("Referrals (letter sent home
                    # 10/25/2024):"), a sentence, or the header of the next table, of other
                    # numbers
                    # ("Name on card Card number Exp."; a row wrapped onto a line of words
                    # goes on)
                    break
                for recognizer in labelled:
                    if staff and recognizer.entity == "STUDENT_ID":
                        continue
                    if birth_label is not None and recognizer.entity == "DATE_OF_BIRTH":
                        found = sorted(
                            recognizer.find(row, label=birth_label), key=lambda h: h.start
                        )[:1]
                    else:
                        found = recognizer.find(row, label=label)
                    if recognizer.entity == "STUDENT_ID" and len(found) > 1:
                        found = _the_rows_student_numbers(found)
                    for hit in found:
                        hits.append(
                            dataclasses.replace(hit, start=hit.start + start, end=hit.end + start)
                        )
                start = end + 1
        return hits

    @staticmethod
    def _birthday_list_hits(text: str, labelled: Sequence[Recognizer]) -> list[Hit]:
        """A class's birthday list ("Kindergarten Rm 3 - birthday calendar", then a name
        and a date on each line): its title labels every line's date."""
        hits: list[Hit] = []
        births = [r for r in labelled if r.entity == "DATE_OF_BIRTH"]
        for line in _NAME_AND_DATE_LINE.finditer(text, timeout=timeout_for(text)):
            for recognizer in births:
                for hit in recognizer.find(line.group(), label="birthday"):
                    hits.append(
                        dataclasses.replace(
                            hit, start=hit.start + line.start(), end=hit.end + line.start()
                        )
                    )
        return hits

    def _feed_text_tables(self, block: TextLike) -> str:
        """Feed the tables written as text in a block (a spreadsheet pasted into an
        e-mail, a fixed-width report) as tables; returns the text with their lines
        blanked, so that each cell is read once, by its column."""
        text = block.text
        lines = text.split("\n")
        # (a reply quotes them: "> std_id,last,first,grade,incident_code")
        quoted = ">" in text
        tables = text_tables([_QUOTE_MARKS.sub("", line) for line in lines] if quoted else lines)
        if not tables:
            return text
        for first, last, cells in tables:
            header, body = cells[0], cells[1:]
            numbered = [(n, row) for n, row in enumerate(body, 2)]
            if not names_columns(header):  # no header row: all is data
                numbered = [(n, row) for n, row in enumerate(cells, 1)]
                header = _fields_comment(
                    lines[max(0, first - FIELDS_COMMENT_LINES) : first], header
                )
            line_no = block.first_line + first
            self.feed_table(
                TablePiece(_where(block.location, f"table at line {line_no}"), header, numbered)
            )
            # a row that names a person and gives a condition is a health record as a line
            # of text is (a nurse's EpiPen list: "Paula Wells   Gr 5   peanut   Auvi-Q")
            self.signals.feed_named_lines(
                [
                    " | ".join(row)
                    for row in cells
                    if any(_person_shaped_any_case(cell.strip()) for cell in row)
                ]
            )
            for i in range(first, last):
                lines[i] = " " * len(lines[i])
        return "\n".join(lines)

    def _keyed_header(self, header: tuple[str, ...], keys: Sequence[str | None]) -> tuple[str, ...]:
        """A column's header, or the key its cells give where that says more: a log's
        "ids" column of `lasid=290419` is one of local student IDs."""
        rules = self.settings.header_rules
        said = list(header)
        for i, key in enumerate(keys[: len(header)]):
            if (
                key not in (None, QUOTED)
                and column_entity(header[i], rules) is None
                and column_entity(key, rules)
            ):
                said[i] = key
        return tuple(said)

    # -- tables ---------------------------------------------------------------------------
    def feed_table(self, table: TableLike) -> None:
        header = tuple(h.strip() for h in table.header)
        remaining = iter(table.rows)  # rows may stream: each is read once
        first_rows = list(itertools.islice(remaining, FORM_SAMPLE_ROWS))
        keys = column_keys(first_rows)
        if any(keys):
            # a log's `stu="CHEA, Sreyneang" | lasid=290419` (or `"Tejada, Alondra"`), read
            # by its values
            header = self._keyed_header(header, keys)
            first_rows = [key_values(row, keys) for row in first_rows]
            remaining = (key_values(row, keys) for row in remaining)
        rows: Iterator[tuple[int, tuple[str, ...]]] = itertools.chain(first_rows, remaining)
        header = record_header(header, first_rows) or header
        heading = heading_split(header, first_rows)
        if heading is not None:
            # a report's heading ("Student | Kelly, Brian", "ID | 264428"), a gap, then
            # its own table: the heading is a form, the table has its own header
            heading_rows, table_at = heading
            self._feed_form(table.location, header, first_rows[:heading_rows])
            _, own_header = first_rows[table_at]
            rest = itertools.chain(first_rows[table_at + 1 :], remaining)
            self.feed_table(TablePiece(table.location, own_header, rest))
            return
        if _DATA_DICTIONARY_HEADER.fullmatch(" | ".join(h.strip().lower() for h in header)):
            # a data dictionary or a how-to's table of fields ("Field | Where to find it |
            # Notes": "SASID | SIS > State tab | 10 digits"): what a record holds, of no one
            self.signals.feed(" | ".join(normalize_header(h) for h in header))
            return
        if self._is_form(header, first_rows):
            self._feed_form(table.location, header, rows)
            return
        if self._is_paired_form(header, first_rows):
            self._feed_form(table.location, header, rows, paired=True)
            return
        # normalized, so that "HIRE_DATE" and "EmpStatus" speak as "hire date" does
        self.signals.feed(" | ".join(normalize_header(h) for h in header))
        by_header = [column_entity(h, self.settings.header_rules) for h in header]
        # A vendor file's bank accounts are companies', unless the row's payee is a
        # person (a parent paid mileage, a sole proprietor): those columns are held back
        # from the table's types and read row by row (`_feed_row`).
        excluded = entities_not_in(header)
        record_name = table.location.rsplit("/", 1)[-1].rsplit(".", 1)[-1]
        # an export's record says whose rows these are: "$.data[0].dependents"
        self.signals.feed(split_camel_case(record_name), entities=(STUDENT.entity, EMPLOYEE.entity))
        found_types = column_types(header, by_header, first_rows, record_name)
        for i, h in enumerate(header):
            if _RECORD_YEAR_HEADER.fullmatch(normalize_header(h)):  # a "Grad Yr" column
                self._record_years.update(
                    int(cell) for cell in _cells_of(first_rows, i) if _YEAR_CELL.fullmatch(cell)
                )
        types = [None if t in excluded else t for t in found_types]
        held = tuple(t if t in excluded else None for t in found_types)
        # a name column found by its cells has no role: its header says nothing
        # (nor has a count's column, whatever its header names: a schedule's "# students")
        counts = {i for i, h in enumerate(header) if _A_COUNT.match(normalize_header(h))}
        # (... save a contact's: a vendor file's "Sales rep" column, though found by its
        # cells, names whom to call, no payee; see `_feed_row`)
        roles = [
            person_role(h)
            if t == "PERSON" and i not in counts and (b == t or _CONTACT_ROLE.search(h.lower()))
            else ""
            for i, (h, b, t) in enumerate(zip(header, by_header, types, strict=True))
        ]
        # (an export's "assignedGrade" is "assigned grade")
        spaced = [split_camel_case(h) for h in header]
        grade_cols = [
            i
            for i, h in enumerate(spaced)
            if types[i] is None and _GRADE_HEADER.search(h) and not _MATERIALS_HEADER.search(h)
        ]
        if _a_catalogue_of_works(header, types):
            grade_cols = []  # a book room's "F&P Level" is a book's, "Author" no student
        # a health or IEP column, not a "Nurse" column of names or a "Nurse Phone"
        edu_cols = [
            i
            for i, h in enumerate(spaced)
            if _EDU_HEADER.search(h)
            and types[i] not in _CONTACT_ENTITIES
            # (a staff sheet's "DESE Lic # (School Nurse)" is a credential, no one's health)
            and not _CREDENTIAL_HEADER.search(h)
        ]
        if _BENEFITS_HEADER.search(" | ".join(spaced).lower()):
            # a benefits election's "Tier" (EE, FAM) beside its "Plan" is no MTSS tier
            edu_cols = [i for i in edu_cols if not _TIER_HEADER.search(spaced[i].lower())]
        # what a notes column says about each row's person ("Failed last quiz - 52%",
        # "Missed session (absent)") is read as the record it is
        said_cols = [i for i, h in enumerate(header) if _NOTES_HEADER.search(h)]
        if any(STUDENT_ROLE.search(role) for role in roles):
            # ... and in a log of students, why each was seen and what came of it ("absent
            # 8 days", "IEP mtg invite"); a staff table's "Reason" (for leave) is no record
            said_cols += [i for i, h in enumerate(header) if _STUDENT_LOG_HEADER.search(h)]
            # ... where rows say each student's plan or discipline ("IEP Annual Review",
            # "504 Plan review", "Discipline hearing - 3-day suspension"), as an
            # interpreter request log's "Meeting Type / Purpose" does: the list is their
            # records
            words = [i for i, t in enumerate(types) if t is None]
            planned = sum(
                1
                for _, cells in first_rows
                if any(i < len(cells) and _PLAN_IN_CELL.search(cells[i]) for i in words)
            )
            if planned >= PLANNED_ROWS:
                self.signals.add_terms("EDUCATION_RECORD", (STUDENTS_PLANS,))
        # A table of people is about each of them, unless it is a list of contacts (a
        # newsletter's officers, a staff directory): then the file's words about IEPs
        # or services are about no one in it.
        # So is a table of staff by their role alone (a caseload count's "Counselor"
        # column beside the grades each one serves).
        # (nor is a budget's "Account" column of fund, function and object lines anyone's)
        typed = {
            t
            for i, t in enumerate(types)
            if t not in (None, NOT_PERSONAL, LISTED_PERSON)
            and not (t == "US_BANK_NUMBER" and _budget_lines_only(_cells_of(first_rows, i)))
        }
        # (a blank form's table, "Child's First Name | ... | Student ID" over empty rows,
        # is about no one; so is a training's sample, its "Student A" and "John Q.
        # Sample" no one's names)
        # (nor a form laid out as a table, its "Student name:" and "Student ID #:" over the
        # next row's labels and boxes, "Date:", "IEP?  [ ] Yes [ ] No": fields, no values)
        if not any(
            cells[i].strip()
            and not (t == "PERSON" and names_no_one(cells[i].strip()))
            and not _FORM_FIELD.search(cells[i])
            for _, cells in first_rows
            for i, t in enumerate(types)
            if t in typed and i < len(cells)
        ) or _made_up_rows(types, first_rows):
            typed = set()
        # A column left blank names no one: a room scheduler's "student", empty beside
        # each evaluator's booking, says nothing of whose rows these are.
        filled = [any(_cells_of(first_rows, i)) for i in range(len(header))]
        filled_roles = [role if filled[i] else "" for i, role in enumerate(roles)]
        # (a name column found by its cells is named by its header still: a testing
        # schedule's "Proctor")
        named_roles = [
            role or normalize_header(h)
            for i, (h, role, t) in enumerate(zip(header, roles, types, strict=True))
            if t == "PERSON" and i not in counts and filled[i]
        ]
        staff_only = bool(named_roles) and all(_SCHOOL_STAFF.search(r) for r in named_roles)
        if typed and (
            typed - _CONTACT_ENTITIES
            or ((edu_cols or said_cols or grade_cols) and not staff_only)
            or any(STUDENT_ROLE.search(role) for role in filled_roles)
        ):
            self.signals.tabular_person_data = True
        # (a staff table's health column is the staff's own: new hires' emergency contacts
        # with "Medical Info Staff Wishes Shared")
        if edu_cols and not staff_only:
            self.signals.add_terms(
                "EDUCATION_RECORD", (f"column {header[i].lower()}" for i in edu_cols)
            )
            if any(STUDENT_ROLE.search(role) for role in roles) and any(
                _PLAN_HEADER.search(header[i]) for i in edu_cols
            ):
                # each student on a list by his IEP or 504 plan ("504 Case Mgr", "IEP
                # Review") has one: that alone is his record
                self.signals.add_terms("EDUCATION_RECORD", (STUDENTS_PLANS,))
        if any(STUDENT_ROLE.search(role) for role in roles) and any(
            t == "PERSON" and _PLAN_HEADER.search(h) for h, t in zip(spaced, types, strict=True)
        ):
            # ... as by the staff who keep each one's plan: "504 Case Mgr", "Case Mgr / 504
            # Coord", a column of names
            self.signals.add_terms("EDUCATION_RECORD", (STUDENTS_PLANS,))
        if any(
            t == "PERSON" and _ABSENCE_LIST_HEADER.search(h) and not _SCHOOL_STAFF.search(h.lower())
            for h, t in zip(spaced, types, strict=True)
        ):
            # a bulletin's names headed by what each one did: "ABSENT (full day)", "Tardy",
            # "Suspended" (not a list of absent teachers)
            self.signals.add_terms("EDUCATION_RECORD", (STUDENTS_ABSENCES,))
        if "PERSON" in types and any(
            _MEAL_STATUS_HEADER.search(spaced[i]) and _meal_statuses(_cells_of(first_rows, i))
            for i in range(len(header))
        ):
            # a cafeteria register's meal status of each person by name ("cat": F, R, P;
            # "ELIG": FREE, PAID): the free and reduced-price lunch of students
            self.signals.add_terms("EDUCATION_RECORD", (MEAL_STATUSES,))
            self.signals.add_terms("STUDENT_CONTEXT", (MEAL_STATUSES,))
        # Whose rows these are, by the header of the name column: "Employee", "Student"
        # (and a table led by its staff, "Staff Name (Last, First)", is about them: its
        # health notes are theirs, beside their emergency contacts)
        # (not where it lists students too: a pay memo's staff and the students each served)
        # (not the staff member who handled each row: an adult education intake sheet's
        # "Intake Staff" beside its learners, whose name columns say no role)
        leading = next(
            (role for role in filled_roles if role and not _HANDLING_STAFF.match(role)), ""
        )
        # (but applicants born a school-age child's years ago are a school's: a grade 9
        # admissions lottery's "Applicant (Last, First)" with each one's "DOB")
        # (nor are candidates whose columns are a student's: a class officer election's
        # eligibility check, "CANDIDATE  ID  GPA  ABS  DISCIPLINE")
        young_applicants = _APPLICANT_ROLE.search(leading) is not None and (
            _born_as_children(first_rows, types)
            or any(_STUDENT_MEASURE_HEADER.search(h) for h in spaced)
        )
        if (
            _STAFF_ROLE.search(leading)
            and not young_applicants
            and not any(
                STUDENT_ROLE.search(role) or _STUDENTS_COLUMN.search(role) for role in filled_roles
            )
        ):
            self.signals.add_subject("employee")
            # (as strong as its name column's header: a licensure tracker's "Educator",
            # with "SPED" and "test" in its notes, is the teachers' record)
            self.signals.add_terms("EMPLOYEE_CONTEXT", (A_STAFF_TABLE,))
        for role in set(filled_roles):
            if _STAFF_ROLE.search(role):
                self.signals.add_terms("EMPLOYEE_CONTEXT", ("column of employees",))
            elif STUDENT_ROLE.search(role):
                self.signals.add_terms("STUDENT_CONTEXT", ("column of students",))
        # a grade column of levels ("Grade": 8, 3) says the rows are of students; one of
        # marks ("Q1": B+, "Test": 84) holds their grades
        # (a reader's benchmark level, "F&P: J", is no grade level however "K" reads)
        reading_cols = [i for i in grade_cols if _READING_LEVEL_HEADER.search(spaced[i])]
        level_cols = [
            i
            for i in grade_cols
            if i not in reading_cols
            and (
                (
                    header[i].strip().lower().rstrip(".") in _GRADE_LEVEL_HEADERS
                    and not _course_marks(_cells_of(first_rows, i))
                )
                or _grade_levels(_cells_of(first_rows, i))
            )
        ]
        mark_cols = [i for i in grade_cols if i not in level_cols]
        letter_grades = levels = reading_levels = 0
        day_cols = [
            i for i, h in enumerate(header) if types[i] is None and _DAY_HEADER.fullmatch(h)
        ]
        marks = filled_days = 0
        # The sampled rows' cells, fed to the signals once per table (a term counts once
        # however often it appears); `_ROW_BREAK` keeps a label in one row from reading
        # as the label of the next.
        about_whom: list[str] = []
        record_cells: list[str] = []
        # A log of fields and their values (a redaction log's "Field/Location | Original
        # text": "Student 1 SASID | 1239582234"; an SIS audit's "Field | Old value | New
        # value"): each value is read with its field as its label, as a form's are, and
        # not by its column, which holds values of every kind
        fields = field_and_value_columns(header)
        if fields is not None:
            label_col, value_cols = fields
            types = [NOT_PERSONAL if i in value_cols else t for i, t in enumerate(types)]
            rows = self._reading_fields(table.location, rows, label_col, value_cols)
        untyped = [i for i, t in enumerate(types) if t is None]
        name_cols = [i for i, t in enumerate(types) if t == "PERSON"]
        # (a OneRoster export's teachers among its students: their "identifier" is theirs)
        grown_ups = grown_ups_numbers(header, types)
        for index, (row_no, cells) in enumerate(rows):
            if index < TABLE_SAMPLE_ROWS:
                # the untyped cells, and those past the header's last column
                beyond = cells[len(types) :]
                about_whom.append(
                    " | ".join([*(cells[i] for i in untyped if i < len(cells)), *beyond])
                )
                record_cells.append(
                    " | ".join(cells[i] for i in (*edu_cols, *said_cols) if i < len(cells))
                )
                letter_grades += sum(
                    1 for i in mark_cols if i < len(cells) and _LETTER_GRADE.match(cells[i].strip())
                )
                levels += sum(1 for i in level_cols if i < len(cells) and cells[i].strip())
                reading_levels += sum(
                    1 for i in reading_cols if i < len(cells) and cells[i].strip()
                )
                if len(day_cols) >= ATTENDANCE_DAYS:
                    days = [cells[i].strip() for i in day_cols if i < len(cells)]
                    filled_days += sum(1 for day in days if day)
                    marks += sum(1 for day in days if _ATTENDANCE_MARK.fullmatch(day))
            row_types = (
                _grown_ups_types(types, grown_ups[1], cells)
                if grown_ups is not None and a_grown_ups_row(cells, grown_ups[0])
                else types
            )
            self._feed_row(
                table.location, header, row_types, name_cols, roles, row_no, cells, excluded, held
            )
        # Cells say who a table is about (students, staff); whether it is an education
        # record is told by its headers and grades, not by job titles ...
        # (A table with no header at all, a log pasted as text, says what it is in its
        # cells alone: "asthma flare, albuterol 2 puffs" is a record there.)
        headerless = not any(header)
        self.signals.feed(
            _ROW_BREAK.join(about_whom),
            entities=None if headerless else (STUDENT.entity, EMPLOYEE.entity),
        )
        # ... but what a health or IEP column holds is part of the record.
        self.signals.feed(_ROW_BREAK.join(record_cells), entities=(EDUCATION.entity,))
        if filled_days and marks >= ATTENDANCE_MARKS * filled_days:
            # a grid of marks is the record itself, whatever words surround it
            self.signals.add_terms("EDUCATION_RECORD", ("attendance marks by day", "attendance"))
        if levels >= 2:
            self.signals.add_terms("STUDENT_CONTEXT", ("grade level",))
        if reading_levels >= 2 and "PERSON" in types:
            # each reader's level in a benchmark assessment is his record
            self.signals.add_terms(
                "EDUCATION_RECORD", ("reading levels", "reading levels in table")
            )
        if letter_grades >= 2:
            self.signals.add_terms("EDUCATION_RECORD", ("grades", "letter grades in table"))
            staff_table = EMPLOYEE_HEADER.search(" | ".join(normalize_header(h) for h in header))
            if "PERSON" in types and not staff_table:
                # people given letter grades are students: a gradebook need not say so
                # (not staff scored on a training course: "employee_number | score")
                self.signals.add_terms("STUDENT_CONTEXT", ("people with letter grades",))

    def _reading_fields(
        self,
        location: str,
        rows: Iterable[tuple[int, tuple[str, ...]]],
        label_col: int,
        value_cols: Sequence[int],
    ) -> Iterator[tuple[int, tuple[str, ...]]]:
        """The rows, as they are read, their fields and values fed as a form's lines
        ("Student 1 SASID: 1239582234"), FIELD_ROWS_A_FORM rows at a time: a long
        audit export is read in pieces, not held whole."""
        fields: list[tuple[int, tuple[str, ...]]] = []
        for row_no, cells in rows:
            label = cells[label_col].strip() if label_col < len(cells) else ""
            for i in value_cols:
                value = cells[i].strip() if i < len(cells) else ""
                if label and value:
                    fields.append((row_no, (label, value)))
            if len(fields) >= FIELD_ROWS_A_FORM:
                self._feed_form(location, ("Field", "Value"), fields)
                fields = []
            yield row_no, cells
        if fields:
            self._feed_form(location, ("Field", "Value"), fields)

    def _add_cells_student_number(
        self, named: regex.Match[str], location: str, row_no: int, column: str
    ) -> None:
        """The number of a cell's "Name (ID)" (`_NAME_AND_NUMBER`), as a student's."""
        where = _where(location, f"row {row_no}, column {column}")
        self._add("STUDENT_ID", TABLE_SCORE, named.group("number"), where, key=None)

    def _is_form(
        self, header: tuple[str, ...], first_rows: Sequence[tuple[int, tuple[str, ...]]]
    ) -> bool:
        """A table of label and value pairs (a new-hire form, a registration page, a
        "Field | Value" grid): its first column holds labels, not values of one type.
        Typed by its header, such a table makes "Date of Birth" a person's name and the
        child's name a column header; read as "label: value" lines, it is a form."""
        # a sheet's used range runs past the form's two columns: count those filled
        width = max(
            (
                i + 1
                for cells in (header, *(cells for _, cells in first_rows))
                for i, cell in enumerate(cells)
                if cell.strip()
            ),
            default=0,
        )
        if (
            len(header) >= 2
            and (self._names_a_field(header[0].strip()) or _NAME_LABEL.search(header[0]))
            and (
                is_listed_full_name(header[1].strip())
                or is_listed_full_name(_leading_words(header[1]))
            )
            and (width <= 3 or not any(h.strip() for h in header[2:]))
        ):
            # "Student name | Jennifer Campbell": no table's column is a person, though
            # the form holds a table of its own further down, wider than its pairs (an
            # expense form's "Date | Vendor | Description | Acct code | Amount")
            return True
        if not 2 <= width <= 3:
            return False
        if _FORM_GRID_HEADER.fullmatch(" | ".join(h.strip().lower() for h in header[:2])):
            return True  # "Field | Entry": a form laid out as a grid says so
        firsts = [header[0], *(cells[0] for _, cells in first_rows if cells)]
        if len(firsts) >= FORM_COLON_LABELS and all(c.strip().endswith(":") for c in firsts):
            return True  # "Record locator: | QX7TZM", "Traveler: | ...": labels, colons and all
        labels = sum(1 for cell in firsts if self._names_a_field(cell.strip()))
        # a long form (a direct-deposit sheet) labels other things too: three labels of
        # personal data make it one, whatever its share; so do a person's and an
        # identifier's labels in one column (a personnel action form: "Employee", "SSN"),
        # where a table of people would hold names, not labels
        typed = {column_entity(cell.strip(), self.settings.header_rules) for cell in firsts}
        named_with_identifier = "PERSON" in typed and bool(typed & _IDENTIFIER_LABELS)
        return labels >= 2 and (
            labels * 3 >= len(firsts) or labels >= FORM_DATA_LABELS or named_with_identifier
        )

    def _names_a_field(self, cell: str) -> bool:
        """A label of personal data: a typed header ("Date of Birth") or a record's
        ("Allergies", "Medications during trip")."""
        return bool(
            column_entity(cell, self.settings.header_rules)
            or _EDU_HEADER.search(cell)
            # ... in a family's language: "Alergias", "Medicamento"
            or _EDU_HEADER.search(normalize_header(cell))
        )

    def _person_and_phone(
        self,
        value: str,
        role: str,
        people: dict[str, list[tuple[str, str]]],
        location: str,
        row_no: int,
        column: str,
    ) -> bool:
        """A cell of a person and her number, as a "Parent/Guardian & Phone" column
        writes it ("Carmen Ramos (508) 234-7719"): both found, the name among the row's
        `people` under `role`; or of her number or her mailbox alone, as a "Contact"
        column may hold them. False where the cell is none of these."""
        alone = (
            "PHONE_NUMBER"
            if _PHONE_ALONE.fullmatch(value)
            else "EMAIL_ADDRESS"
            if "@" in value and " " not in value
            else None
        )
        if alone is not None:
            if not cell_value_ok(alone, value):
                return False
            where = _where(location, f"row {row_no}, column {column}")
            self._add(alone, TABLE_SCORE, value, where, key=None)
            return True
        phoned = _NAME_AND_PHONE.fullmatch(value)
        # (a name's shape, two words or three: a phone column's "Cell 508-555-0100" names
        # its line, no one)
        if (
            phoned is None
            or not cell_value_ok("PERSON", phoned.group("name"))
            or not _person_shaped_any_case(phoned.group("name"))
        ):
            return False
        people.setdefault(role, []).append((column, phoned.group("name")))
        phone = phoned.group("phone")
        if cell_value_ok("PHONE_NUMBER", phone):
            where = _where(location, f"row {row_no}, column {column}")
            self._add("PHONE_NUMBER", TABLE_SCORE, phone, where, key=None)
        return True

    def _is_paired_form(
        self, header: tuple[str, ...], first_rows: Sequence[tuple[int, tuple[str, ...]]]
    ) -> bool:
        """A form laid out two fields to a row ("Student Name | ____ | SASID | ____",
        "Grade | 4 | School | Morse"), or three: the first, third (and fifth) cells of its
        rows are labels, where a table's rows hold values under its labelled header."""
        width = max((len(cells) for cells in (header, *(c for _, c in first_rows))), default=0)
        if width not in PAIRED_FORM_WIDTHS or not first_rows:
            return False
        label_columns = range(0, width, 2)
        if width > PAIRED_FORM_WIDTHS[0] and not self._header_is_paired_fields(header):
            return False  # (six columns are a table's far more often than a form's)
        if any(
            column_entity(header[i].strip(), self.settings.header_rules) == "PERSON"
            and is_listed_full_name(_leading_words(header[i + 1]))
            for i in label_columns
            if i + 1 < len(header)
        ):
            # a person's label beside her name, header or not: an incident report's
            # "Location | Cafeteria | Reported by | Danielle Kowalski, Lunch Duty"
            return True
        label_cells = [
            cells[i].strip()
            for cells in (header, *(c for _, c in first_rows))
            for i in label_columns
            if i < len(cells) and cells[i].strip()
        ]
        labels = sum(1 for cell in label_cells if self._names_a_field(cell))
        if labels < FORM_DATA_LABELS:
            return False
        # (half of them at least: a form's "Grade", "Room" and "Date issued" are labels
        # of no personal data) ...
        if labels * 2 >= len(label_cells):
            return True
        # ... or any share, where two in three of the cells end in a colon or ask, as a
        # printed form's labels do ("Target's name: | ____ | Grade: | ____", "Where did it
        # happen?"): a table's cells under its header are values
        asked = sum(1 for cell in label_cells if cell.endswith((":", "?")))
        if asked * 3 >= len(label_cells) * 2:
            return True
        # ... or a third, where the first row's second and fourth cells are values, not
        # a table's column names: "Legal Last Name | Hernández | Legal First Name | Lucía"
        # (a newcomer's intake form asks for "Country of Birth", "SLIFE screener" too)
        values = [header[i + 1].strip() for i in label_columns if i + 1 < len(header)]
        return (
            labels * 3 >= len(label_cells)
            and all(values)
            and not all(self._names_a_field(cell) for cell in values)
        )

    def _header_is_paired_fields(self, header: tuple[str, ...]) -> bool:
        """Whether a header reads as a form's first row of label and value pairs, the
        labels naming fields and the values none: "Last Name | Ramos | First Name |
        Hector | MI | L", not "Employee # | Employee | Date of Birth | Medical Plan"."""
        labels = [header[i].strip() for i in range(0, len(header), 2)]
        values = [header[i].strip() for i in range(1, len(header), 2)]
        named = sum(1 for label in labels if self._names_a_field(label))
        return (
            named * 3 >= len(labels) * 2
            and all(values)
            and not any(self._names_a_field(value) for value in values)
        )

    def _feed_form(
        self,
        location: str,
        header: tuple[str, ...],
        rows: Iterable[tuple[int, tuple[str, ...]]],
        *,
        paired: bool = False,
    ) -> None:
        """A form table as text, a "label: value" line per row, the header being row 1:
        the labels are then the context of their values, as on a printed form. A
        `paired` form's row holds two fields, printed on its line a gap apart."""
        lines: list[str] = []  # line n is row n (past a gap of more than FORM_GAP rows, about)
        # (a column each for two parties, "| Parent/Guardian 1 | Parent/Guardian 2": a
        # row's values are theirs, a gap apart, not the parts of one value)
        parties = len(header) >= 3 and not header[0].strip() and all(c.strip() for c in header[1:])
        for row_no, cells in itertools.chain([(1, header)], rows):
            if not cells:
                continue
            lines.extend([""] * max(0, min(row_no - 1 - len(lines), FORM_GAP)))
            stripped = [c.strip() for c in cells]
            if labels_row(stripped):
                fields = _label_fields(stripped)
            else:
                fields = (
                    [stripped[i : i + 2] for i in range(0, len(stripped), 2)]
                    if paired
                    else [stripped]
                )
                # a field left empty reads as a printed blank's: "Child's legal name: ____"
                fields = [
                    [field[0], BLANK_FIELD] if len(field) > 1 and not any(field[1:]) else field
                    for field in fields
                ]
            lines.append(
                "   ".join(
                    _form_line(field, apart=parties) for field in fields if field and field[0]
                )
            )
        text = "\n".join(lines)
        self.feed_text(TextPiece(text, location, 1, self._next_form_offset), unit="row")
        # Offsets of forms lie past any text's, so a finding or NER window of a form is
        # never taken for one of the document's text at the same offset.
        self._next_form_offset += len(text) + 1

    def _feed_row(
        self,
        location: str,
        header: tuple[str, ...],
        types: Sequence[str | None],
        name_cols: Sequence[int],
        roles: Sequence[str],
        row_no: int,
        cells: tuple[str, ...],
        excluded: frozenset[str] = frozenset(),
        held: Sequence[str | None] = (),
    ) -> None:
        """One row's findings. `name_cols` are the columns `types` gives to PERSON.
        `excluded` entities (a vendor file's bank accounts, typed by `held` or found in
        untyped cells) are kept only where the row names a person other than a student,
        by a name on the Census lists: the payee whose account it is."""
        if any(placeholder_name(cells[i]) for i in name_cols if i < len(cells)):
            return  # a test record ("TESTSTUDENT, ALPHA01"): its IDs and dates are no one's
        first = next((cell for cell in cells if cell.strip()), "")
        if _EXAMPLE_ROW.match(first):
            return  # a blank form's example row: "EXAMPLE: Jane Doe | 01/01/2015 | ..."
        people: dict[str, list[tuple[str, str]]] = {}
        payees_own: list[tuple[str, float, str, str]] = []  # `excluded` entities' findings
        taxpayer = False  # whether the row gives a Social Security number: a person's TIN
        headerless = not any(header)
        after_kinds = _after_kind_columns(header)
        for i, cell in enumerate(cells):
            value = cell.strip()
            if not value:
                continue
            column = header[i] if i < len(header) and header[i] else f"column {i + 1}"
            entity = types[i] if i < len(types) else None
            if entity == NOT_PERSONAL:
                continue
            if (
                entity != "STUDENT_ID"
                and len(value) >= KNOWN_NUMBER_CHARS
                and value in self._student_numbers
            ):
                # a student's number where it recurs alone: a kiosk's "PASS_IN | 308905"
                # after its "PASS_OUT | Delgado, Genesis (308905)", a second sheet's bare
                # "ID" beside the names the first sheet numbered
                where = _where(location, f"row {row_no}, column {column}")
                self._add("STUDENT_ID", TABLE_SCORE, value, where, key=None)
                continue
            held_entity = held[i] if i < len(held) else None
            if held_entity is not None:
                if cell_value_ok(held_entity, cell):
                    where = _where(location, f"row {row_no}, column {column}")
                    payees_own.append((held_entity, TABLE_SCORE, value, where))
                continue
            if entity == LISTED_PERSON:
                # (a clinician paid as a vendor, named with her degrees: "Helena
                # Marchetti, Ph.D.", "Oluwadamilola Bankole, M.S., CCC-SLP")
                listed_name = _CREDENTIALS_AFTER.sub("", value)
                # (not a firm named for someone: a deduction file's "HORACE MANN")
                if _listed_either_way(listed_name) and not names_no_one(listed_name):
                    people.setdefault(f"listed {i}", []).append((column, listed_name))
                continue
            if entity is not None:
                if entity == "PERSON":
                    # (a staff column's name with her credentials: "Janet Morrissey, MSN,
                    # RN (Director)" under a directory's "Nurse")
                    if "," in value:
                        uncredited = _ROLE_AFTER.sub("", value)
                        credentialed = _CREDENTIALS_AFTER.sub("", uncredited)
                        if credentialed != uncredited and cell_value_ok(entity, credentialed):
                            people.setdefault(roles[i], []).append((column, credentialed))
                            continue
                    if cell_value_ok(entity, cell):
                        people.setdefault(roles[i], []).append((column, value))
                        continue
                    # a sole proprietor and her trade name: a 1099 file's "Gail Pereira DBA
                    # Pereira Speech Services" is Gail Pereira
                    trading = _DOING_BUSINESS_AS.fullmatch(value)
                    if trading is not None and cell_value_ok(entity, trading.group(1)):
                        people.setdefault(roles[i], []).append((column, trading.group(1)))
                        continue
                    # a Word table's cell of several people, a line each: "Sanjay Menon
                    # (PK)", then "Gregory Merrill (05)" (each its own person)
                    one_a_line = _people_a_line_each(value)
                    if one_a_line:
                        for k, person in enumerate(one_a_line):
                            people.setdefault(f"{roles[i]} {i}.{k}", []).append((column, person))
                        continue
                    # a card terminal's cardholder, as the card's track writes it:
                    # "KAPOOR/ISHAAN"
                    if _TRACK_NAME.fullmatch(value):
                        people.setdefault(roles[i], []).append((column, value.replace("/", " ")))
                        continue
                    # a register's numbered line: "12 Kennedy, Megan" under "No. PUPIL"
                    numbered = _NUMBERED_NAME.fullmatch(value)
                    if numbered is not None and cell_value_ok(entity, numbered.group(1)):
                        people.setdefault(roles[i], []).append((column, numbered.group(1)))
                        continue
                    # a list's "Student (gr)": "Kayla O'Brien (9)", a name and its grade
                    graded = _NAME_AND_GRADE.fullmatch(value) or _NAME_GRADE_AND_ROOM.fullmatch(
                        value
                    )
                    if graded is not None and cell_value_ok(entity, graded.group(1)):
                        people.setdefault(roles[i], []).append((column, graded.group(1)))
                        continue
                    # ... or "ID" and his number after his name (and his grade and
                    # homeroom): a nurse's log's "Caleb Marchetti (7/ 204)  ID 318820"
                    labelled_id = _NAME_THEN_ID.fullmatch(value)
                    if labelled_id is not None and cell_value_ok(entity, labelled_id.group("name")):
                        people.setdefault(roles[i], []).append((column, labelled_id.group("name")))
                        if STUDENT_ROLE.search(roles[i]):
                            self._add_cells_student_number(labelled_id, location, row_no, column)
                        continue
                    # a pickup log's "Rohan Reddy (father)", a name and who he is
                    related = _NAME_AND_RELATION.fullmatch(value)
                    if related is not None and cell_value_ok(entity, related.group(1)):
                        people.setdefault(roles[i], []).append((column, related.group(1)))
                        continue
                    # ... or a person and her mailbox, as a mail client writes them: an
                    # incident log's "Actual Recipient" of "Angela Costello
                    # <acostello62@yahoo.com>"
                    mailed = _NAME_AND_MAILBOX.fullmatch(value)
                    if (
                        mailed is not None
                        and cell_value_ok(entity, mailed.group(1))
                        and _person_shaped_any_case(mailed.group(1))
                    ):
                        people.setdefault(roles[i], []).append((column, mailed.group(1)))
                        where = _where(location, f"row {row_no}, column {column}")
                        self._add("EMAIL_ADDRESS", TABLE_SCORE, mailed.group(2), where, key=None)
                        continue
                    # ... or a couple, the family name said once: a class list's
                    # "Parent/Guardian" of "Manuel & Fatima Almeida" (the second person
                    # is written whole)
                    couple = _COUPLE.fullmatch(value)
                    if couple is not None and cell_value_ok(entity, couple.group(1)):
                        people.setdefault(f"{roles[i]} {i}.1", []).append((column, couple.group(1)))
                        continue
                    # ... or a note of who he is, in brackets, and perhaps his title: a
                    # disclosure log's "Atty. Robert Keough (father's counsel)"
                    noted = _NAME_AND_NOTE.fullmatch(value)
                    if (
                        noted is not None
                        and cell_value_ok(entity, noted.group("name"))
                        and _person_shaped_any_case(noted.group("name"))
                    ):
                        people.setdefault(roles[i], []).append((column, noted.group("name")))
                        continue
                    # ... or who he is first, his name in brackets: a daily care log's
                    # "Picked up by" of "Mom (Gina Castellano)", "Aunt (Dana Robinson) - on
                    # pickup list"
                    relation_first = _RELATION_AND_NAME.fullmatch(value)
                    if relation_first is not None and cell_value_ok(
                        entity, relation_first.group(1)
                    ):
                        people.setdefault(roles[i], []).append((column, relation_first.group(1)))
                        continue
                    # a log's "Student (ID)": "GLENN, AMBER (242255)", a name and its number
                    named = _NAME_AND_NUMBER.fullmatch(value)
                    if named is not None and cell_value_ok(entity, named.group(1)):
                        people.setdefault(roles[i], []).append((column, named.group(1)))
                        # (a pupil's, by the column's role, his school's letters or his
                        # grade: a hotline log's "ref" of "Daphnée Charles (1478844232) Gr7")
                        if (
                            STUDENT_ROLE.search(roles[i])
                            or named.group("school")
                            or named.group("grade")
                        ):
                            self._add_cells_student_number(named, location, row_no, column)
                        continue
                    # a column of "Name / ID" pairs, several to a cell: a meal benefits
                    # verification sample's "Students (Name / ID)" of "Camila Figueroa /
                    # 209914; Luis Figueroa / 221376"
                    pairs = _names_slash_numbers(value)
                    if pairs:
                        where = _where(location, f"row {row_no}, column {column}")
                        for k, pair in enumerate(pairs):
                            people.setdefault(f"{roles[i]} {i}.{k}", []).append(
                                (column, pair.group("name"))
                            )
                            if _STUDENTS_COLUMN.search(roles[i]):
                                self._add(
                                    "STUDENT_ID", TABLE_SCORE, pair.group("number"), where, key=None
                                )
                        continue
                    if self._person_and_phone(value, roles[i], people, location, row_no, column):
                        continue
                    if len(value) < NOTE_CELL_CHARS:
                        continue
                    # (a note in the column is read as an untyped cell is: "Luis Delgado
                    # (father) came to window ... Mother notified 781-303-6363")
                own_label = (
                    _OWN_LABEL.fullmatch(value)
                    if entity != "PERSON" and value[0].isalpha()
                    else None
                )
                if own_label is not None:
                    # a cell that labels its own value, in a column of two kinds: a team's
                    # minutes' "ID / DOB" of "ID 201472" or "DOB 09/22/2016"
                    labelled = column_entity(own_label.group(1), self.settings.header_rules)
                    if labelled is None and own_label.group(1).lower() in _BARE_ID_LABELS:
                        students = any(STUDENT_ROLE.search(role) for role in roles)
                        labelled = "STUDENT_ID" if students else None
                    if (
                        labelled is not None
                        and labelled not in excluded
                        and cell_value_ok(labelled, own_label.group(2))
                    ):
                        where = _where(location, f"row {row_no}, column {column}")
                        self._add(labelled, TABLE_SCORE, own_label.group(2), where, key=None)
                        taxpayer = taxpayer or labelled == "US_SSN"
                        continue
                if entity == "PHONE_NUMBER" and self._person_and_phone(
                    value, roles[i], people, location, row_no, column
                ):
                    continue
                if entity == "US_BANK_NUMBER" and _a_card_not_an_account(cell):
                    entity = "CREDIT_CARD"  # a "Card / Acct #" column's card
                if (
                    entity == "STUDENT_ID"
                    and _SSN_WRITTEN.fullmatch(value)
                    and cell_value_ok("US_SSN", value)
                ):
                    # a parent's SSN typed where the form asks for the student's number:
                    # "031-62-4478" under "Student ID # (6 digits)", written as SSNs are
                    entity = "US_SSN"
                if entity in _BANK_ENTITIES and "/" in value:
                    # a "Routing / account" column's pair in one cell: "011399975 /
                    # 6204418837" (an incident report's diverted direct deposits)
                    routed = _ROUTING_SLASH_ACCOUNT.fullmatch(value)
                    if (
                        routed is not None
                        and aba_routing(routed.group(1))
                        and cell_value_ok("US_BANK_NUMBER", routed.group(2))
                    ):
                        where = _where(location, f"row {row_no}, column {column}")
                        for kind, number in zip(_BANK_PAIR, routed.groups(), strict=True):
                            self._add(kind, TABLE_SCORE, number, where, key=None)
                        continue
                if cell_value_ok(entity, cell) and not no_banks_account(column, value):
                    where = _where(location, f"row {row_no}, column {column}")
                    if entity == "PHONE_NUMBER":
                        # the number, not a survey's answer around it: "Sí - (617) 389-4621"
                        phone = _PHONE_ALONE.search(value)
                        value = value if phone is None else phone.group()
                    self._add(entity, TABLE_SCORE, value, where, key=None)
                    taxpayer = taxpayer or entity == "US_SSN"
                    continue
                if entity == "STUDENT_ID" and ";" in value:
                    # the numbers of a family's children, as their names are listed beside
                    # them: "Student ID(s)" of "304417; 312004"
                    numbers = [number.strip() for number in value.split(";")]
                    if all(cell_value_ok(entity, number) for number in numbers if number):
                        where = _where(location, f"row {row_no}, column {column}")
                        for number in numbers:
                            if number:
                                self._add(entity, TABLE_SCORE, number, where, key=None)
                    continue
                if entity == "STUDENT_ID":
                    # a log's "student (LASID)" column of "Le, Anh (300422)": the student's
                    # name with his number (or the number first: "stu id name (gr)" over
                    # "258708 Nwosu, Chidi (gr8)")
                    named = _NAME_AND_NUMBER.fullmatch(value) or _NUMBER_AND_NAME.fullmatch(value)
                    if named is not None and cell_value_ok("PERSON", named.group("name")):
                        people.setdefault(f"named {i}", []).append((column, named.group("name")))
                        self._add_cells_student_number(named, location, row_no, column)
                        continue
                    if " " not in value:
                        continue
                    # ... or a value labelled in its own words, read as an untyped cell is: a
                    # breach log's "Identifier" of "SASID 1093847120", "Local ID 204718",
                    # beside its grown-ups' "Visa 4532..." and "DL S12047865"
                    entity = None
            if entity is None and "#" in value:
                # ... or a nurse's log's, the number after a "#": "Juliana Furtado #206981"
                hashed = _NAME_HASH_NUMBER.fullmatch(value)
                # (surname first too: "PELLETIER, BRENDAN #202310"; not a store's number:
                # a card statement's merchant, "BJS WHOLESALE #0112")
                if (
                    hashed is not None
                    and _person_shaped_any_case(hashed.group(1).replace(",", " "))
                    and not names_no_one(hashed.group(1))
                ):
                    people.setdefault(f"named {i}", []).append((column, hashed.group(1)))
                    continue
            if entity is None and "(" in value:
                # a log's cell of a person and his number, in a column its header (if any)
                # does not type: "Mon 10/21 | Tyler Rossi (237763) | P3 | left room"
                named = _NAME_AND_NUMBER.fullmatch(value)
                # (not a school's name with its code: "Mulcahey Elem (02930025)")
                if (
                    named is not None
                    and _person_shaped_any_case(named.group(1))
                    and not names_no_one(named.group(1))
                ):
                    people.setdefault(f"named {i}", []).append((column, named.group(1)))
                    # (a school's letters or a grade: its pupil's number, "Daphnée Charles
                    # (1478844232) Gr7 RMS")
                    if named.group("school") or named.group("grade"):
                        self._add_cells_student_number(named, location, row_no, column)
                    continue
                # ... or of a person and who he is to a child: "Rohan Reddy (father)"
                related = _NAME_AND_RELATION.fullmatch(value)
                if related is not None and _person_shaped_any_case(related.group(1)):
                    people.setdefault(f"named {i}", []).append((column, related.group(1)))
                    continue
            # a headerless table of label and value pairs, as a pay stub's or a form's:
            # "Employee | Jeevika Vohra | Emp # | 11796", "SASID | 1746825942 | School | ..."
            labelled = (
                _label_entity(cells[i - 1], self.settings.header_rules)
                if i and headerless
                else None
            )
            if labelled == "PERSON":
                if cell_value_ok("PERSON", cell) and _person_shaped_any_case(value):
                    people.setdefault(f"label {i}", []).append((column, value))
                    continue
            elif (
                labelled is not None and labelled not in excluded and cell_value_ok(labelled, cell)
            ):
                label = cells[i - 1].strip().rstrip(":")
                self._add(
                    labelled,
                    TABLE_SCORE,
                    value,
                    _where(location, f"row {row_no}, {label}"),
                    key=None,
                )
                continue
            if len(value) >= NOTE_CELL_CHARS and "gr" in value.lower():
                # a ticket's or a log's note names a student with his number and grade:
                # "Para request: Patricia Reilly (ID 20298768, gr 8) has a 504 plan"
                for name, number in _ids_beside_grades(value):
                    where = _where(location, f"row {row_no}, column {column}")
                    self._add("STUDENT_ID", TABLE_SCORE, number, where, key=None)
                    if name is not None:
                        self._add("PERSON", TABLE_SCORE, name, where, key=None)
            # A bare value's only context is its column header (see `Recognizer.find`).
            # (not one that labels its own number: OneRoster's "userIds" of
            # "{SASID:1058834072}")
            bare = " " not in value and not (
                (":" in value or "=" in value) and _LABEL_ON_ITS_NUMBER.search(value)
            )
            hits: list[Hit] = []
            kind_label = _kind_cell(cells, i) if bare and i in after_kinds else None
            for recognizer in self._candidates(cell):
                if bare:
                    context = self._column_context(recognizer, column)
                    if (
                        context is not Context.SUPPORTS
                        and kind_label is not None
                        and recognizer.judge_context(kind_label) is Context.SUPPORTS
                    ):
                        # the row's own word for its number: "MA Driver License" under
                        # "Residency Proof Type", then "S71920385" under "... Ref"
                        hits.extend(recognizer.find_labelled(cell, kind_label, Context.SUPPORTS))
                    elif context is not None:
                        hits.extend(recognizer.find_labelled(cell, column, context))
                else:
                    hits.extend(recognizer.find(cell))
            resolved = _named_students_accounts(cell, resolve_overlaps(hits)) if hits else []
            note = len(value) >= NOTE_CELL_CHARS
            if not resolved and not (note and entity is None):
                continue  # most cells: nothing found, and no note to read for names
            where = _where(location, f"row {row_no}, column {column}")
            for hit in resolved:
                if hit.entity == "US_BANK_NUMBER" and bare and no_banks_account(column, value):
                    continue
                if hit.entity == "US_BANK_NUMBER" and bare and _a_card_not_an_account(value):
                    # a purchasing card statement's "Account Number" (beside its "GL
                    # Account" of budget lines): each a card, as in a typed column
                    hit = dataclasses.replace(hit, entity="CREDIT_CARD")
                if hit.entity == "CREDIT_CARD" and bare and _a_budget_line(column, value):
                    continue
                if hit.entity in excluded:
                    payees_own.append((hit.entity, hit.score, hit.value, where))
                elif not _a_companys_account(cell, hit):
                    self._add(hit.entity, hit.score, hit.value, where, key=None)
                    taxpayer = taxpayer or hit.entity == "US_SSN"
            personal = note and any(
                hit.entity in _PERSONAL_NUMBERS and hit.entity not in excluded for hit in resolved
            )
            if personal or (note and entity is None and _two_capitalized_words(value)):
                # a ticket's or a log's note names people as prose does, by the lists'
                # names: whose number it gives ("my card is Visa 4972 ... Billing name
                # Karen Melton"), who called ("Adriana Fernandes (508) 874-3263 re: dtr
                # Patricia Fernandes gr3 ...")
                listed_names = self._names(cell, resolved)
                if listed_names and entity is None:
                    # ... and what it says of them is read as prose's words are: a night
                    # custodian's "nurse says Alexandra Nowak gr6 had a low (T1 diabetes)"
                    self.signals.feed(value)
                for listed in listed_names:
                    # (the row's own person, named again: a directory entry's "dn: CN=Nicole
                    # Adams,OU=Students" beside its "cn", "sn" and "givenName")
                    if personal or not _names_the_rows_person(listed.value, cells, types):
                        self._add("PERSON", listed.score, listed.value, where, key=None)
                if personal and not listed_names:
                    # ... or whose number it gives by a name the lists lack ("wallet - MA
                    # DL S56219414 (Paulo Teixeira, 223 Asylum St ...)"): NER reads the
                    # note, if the file names no one else
                    self._plan_cell_ner(cell, resolved, where)
                # ... and a student's number labelled as his, as prose gives it: an
                # officer's log's "search - stu Shah, Linh (ID 289922)"
                # (or "ID" in brackets after a name, where the note speaks of students: a
                # sub's instructions, "Sophia Reyes (ID 318872) ... have 504 plans")
                for student_id in (*_labelled_students(cell), *_named_students_ids(cell)):
                    self._add("STUDENT_ID", TABLE_SCORE, student_id.value, where, key=None)
        if headerless:
            # a log's row, its cells a gap apart: "Kim, Xiomara | ID 240506 | Gr 12"
            row = "  ".join(cell.strip() for cell in cells)
            for pattern in (_ID_BESIDE_GRADE, _ID_BESIDE_SCHOOL_AND_GRADE):
                for m in pattern.finditer(row, timeout=timeout_for(row)):
                    where = _where(location, f"row {row_no}")
                    self._add("STUDENT_ID", TABLE_SCORE, m.group("id"), where, key=None)
        _join_a_roles_name_parts(people)
        payee_named = False
        for role, found in _each_persons_cells(people):
            parts = _name_in_order(found)
            if initials_only([v for _, v in parts]):
                continue
            columns = ", ".join(c for c, v in found if (c, v) in parts)  # in the table's order
            value = " ".join(v for _, v in parts)
            # a payee is a person where the name is one on the Census lists, as a vendor
            # file's names are read (`LISTED_PERSON`): "Harwell Light and Power" is not
            # (or by a first initial and a listed surname, as M.G.L. c. 93H words it:
            # "M. Davila", a tutor paid by direct deposit)
            payee_named = payee_named or (
                bool(payees_own)
                and not STUDENT_ROLE.search(role)
                # (a vendor's "AR Contact" or "Attn" is whom to call, not whose account)
                and not _CONTACT_ROLE.search(role)
                # (nor is whoever acted on the row: "Approved by")
                and not _ACTED_BY_ROLE.search(role)
                # (or by the Social Security number the row gives as the payee's tax
                # number: an interpreter paid as a vendor, "Subedi, Bhim")
                and (
                    _listed_either_way(value)
                    or _initial_and_surname(value)
                    or taxpayer
                    or value.lower() in self._taxpayers
                )
            )
            if taxpayer:
                self._taxpayers.add(value.lower())
            label = "column" if len(parts) == 1 else "columns"
            self._add(
                "PERSON",
                TABLE_SCORE,
                value,
                _where(location, f"row {row_no}, {label} {columns}"),
                key=None,
            )
        if payee_named:
            for entity, score, value, where in payees_own:
                self._add(entity, score, value, where, key=None)

    def _plan_cell_ner(self, cell: str, hits: Sequence[Hit], where: str) -> None:
        """A table cell's note, for NER to read as it reads a text's stretches (see
        `_needs_names`); its findings' places are kept from being read as names."""
        offset = self._next_form_offset
        self._next_form_offset += len(cell) + 1
        self._anchor_spans.extend((offset + hit.start, offset + hit.end) for hit in hits)
        if self._ner_chars + len(cell) <= NER_BUDGET:
            self._windows.append(_Window(cell, offset, where, 1))
            self._ner_chars += len(cell)

    def _column_context(self, recognizer: Recognizer, column: str) -> Context | None:
        """What the column header says of `recognizer`'s values, judged once per column;
        None where no bare value below it can be a hit."""
        key = (id(recognizer), column)
        if key not in self._column_contexts:
            allowed = recognizer.may_hit_with_label(column)
            self._column_contexts[key] = recognizer.judge_context(column) if allowed else None
        return self._column_contexts[key]

    def _candidates(self, cell: str) -> Sequence[Recognizer]:
        """Cheap pre-filter for a cell of an untyped column, by its shape: a number needs
        as many digits as its patterns do (`min_digits`), and our own at least six; an
        e-mail an '@', an address a digit and a letter."""
        chosen = self._cell_candidates.get(cell)
        if chosen is not None:
            return chosen
        shape = (sum(map(str.isdigit, cell)), any(map(str.isalpha, cell)), "@" in cell)
        known = self.settings.shape_candidates
        chosen = known.get(shape)
        if chosen is None:
            chosen = tuple(r for r in self.settings.recognizers if _could_match(r, *shape))
            known[shape] = chosen
        self._cell_candidates[cell] = chosen
        return chosen

    # -- finishing ------------------------------------------------------------------------
    def _students_accounts(self, hits: list[Hit]) -> list[Hit]:
        """`hits` with each "account" number that is a student's number in this file
        made that student's: a meal register's "WARN ACCT=228978 NEG_BAL_LIMIT" after its
        "ACCT=228978 NAME=PHAM, DUC ELIG=DC" is his lunch account, not a bank's."""
        if not any(hit.entity == "US_BANK_NUMBER" for hit in hits):
            return hits
        known = self._student_numbers.union(
            h.value for h in hits if h.entity == "STUDENT_ID" and h.score >= KNOWN_NUMBER_SCORE
        )
        return [
            dataclasses.replace(hit, entity="STUDENT_ID", score=TABLE_SCORE)
            if hit.entity == "US_BANK_NUMBER"
            and len(hit.value) >= KNOWN_NUMBER_CHARS
            and hit.value in known
            else hit
            for hit in hits
        ]

    def _add(
        self, entity: str, score: float, value: str, location: str, *, key: int | None
    ) -> None:
        if entity == "DATE_OF_BIRTH" and not _a_living_persons_birth_year(value):
            return
        if entity == "STUDENT_ID" and score >= KNOWN_NUMBER_SCORE:
            self._student_numbers.add(value)
        dedupe = (
            entity,
            value if key is not None else location + "\0" + value,
            key if key is not None else -1,
        )
        old = self._findings.get(dedupe)
        if old is None or old.score < score:
            self._findings[dedupe] = Finding(entity, round(score, 2), value, location)

    def finish(self) -> list[Finding]:
        adults_only = False
        if self._school_age_birth_date() and not self.signals.says_any(
            EMPLOYEE.entity, _DEPENDENTS_TERMS
        ):  # (an employee's children on his benefits are his dependents, no students)
            self.signals.add_terms(STUDENT.entity, (SCHOOL_AGE_BIRTH_DATE,))
        elif self._adults_birth_dates() and not self.signals.grown_students_only():
            # a list of grown-ups' birth dates (volunteers' CORI requests, a staff flu
            # clinic) is about adults who work in the schools, not students
            adults_only = self.signals.adults_only = True
            self.signals.add_terms("EMPLOYEE_CONTEXT", ("birth dates of adults only",))
        signals = self.signals.signals()
        for signal in signals:
            self._add(signal.entity, signal.score, ", ".join(signal.terms), "document", key=None)
        if adults_only and all(s.entity != "EMPLOYEE_CONTEXT" for s in signals):
            # ... however much the file speaks of children: chaperones listed with their
            # child's homeroom are grown-ups, their birth dates none of a student's
            self._add(
                EMPLOYEE.entity,
                ADULTS_ONLY_SCORE,
                "birth dates of adults only",
                "document",
                key=None,
            )
        self._forget_place_names()
        if self._needs_names():
            self._run_ner()
            self._forget_place_names()
        threshold = self.settings.thresholds
        return [
            f
            for f in self._findings.values()
            if f.score >= threshold.get(f.entity, DEFAULT_THRESHOLD)
        ]

    def _forget_place_names(self) -> None:
        """Drop the names found as no more than the document's own name for a place."""
        if not self._place_names:
            return
        for key, finding in list(self._findings.items()):
            if finding.entity == "PERSON" and finding.value in self._place_names:
                del self._findings[key]

    def _school_age_birth_date(self) -> bool:
        """A birth date at most SCHOOL_AGE years ago: in a school district's file, a
        child's, so a student's (an allergy plan, an immunization list, a sports
        physical may never say "student"). An employee's file is told apart by its
        own signals, and its dependents' birth dates with it.

        An old record is reckoned in its own years: a 1952 register's pupils, born in
        1942, were children then, and a retained health card's "Grad yr 2001" makes
        its 1983 birth date a pupil's, though both are grown-ups' today."""
        this_year = datetime.date.today().year
        ages = [
            (year - SCHOOL_AGE, year - YOUNGEST_PUPIL_AGE)
            for year in {this_year, *(y for y in self._record_years if y <= this_year)}
        ]
        for finding in self._findings.values():
            if finding.entity == "DATE_OF_BIRTH" and finding.score >= DEFAULT_THRESHOLD:
                year = _birth_year(finding.value)
                if year is not None and any(old <= year <= new for old, new in ages):
                    return True
        return False

    def _adults_birth_dates(self) -> bool:
        """Birth dates, every one ADULTS_ONLY_AGE years ago or more."""
        newest = datetime.date.today().year - ADULTS_ONLY_AGE
        years = [
            _birth_year(f.value)
            for f in self._findings.values()
            if f.entity == "DATE_OF_BIRTH" and f.score >= DEFAULT_THRESHOLD
        ]
        return len(years) >= 1 and all(year is not None and year <= newest for year in years)

    def _needs_names(self) -> bool:
        if self.settings.names is None or not self._windows:
            return False
        if self.settings.every_name and self._text_chars <= NER_SMALL_TEXT:
            return True
        threshold = self.settings.thresholds
        kept = [
            f
            for f in self._findings.values()
            if f.score >= threshold.get(f.entity, DEFAULT_THRESHOLD)
        ]
        if self.settings.name_decisions is not None and not self.settings.every_name:
            if any(f.entity == "PERSON" for f in kept):
                return False
            best: dict[str, float] = {}
            for f in kept:
                best[f.entity] = max(best.get(f.entity, 0.0), f.score)
            return any(decision.pending(best) for decision in self.settings.name_decisions)
        if not any(f.entity in NAME_DEPENDENT for f in kept):
            return False
        # A name from a table header or a labelled field already decides the classes;
        # NER then only adds names, which `every_name` asks for.
        return self.settings.every_name or not any(f.entity == "PERSON" for f in kept)

    def _run_ner(self) -> None:
        """NER over the planned windows, in document order. Where only the classes are
        wanted, it stops at the first batch that yields a name: the decision is made."""
        names = self.settings.names
        assert names is not None
        taken = _SpanIndex(self._anchor_spans)
        windows = self._windows
        step = len(windows) if self.settings.every_name else NER_DECISION_BATCH
        for first in range(0, len(windows), step):
            group = windows[first : first + step]
            added = False
            for window, spans in zip(group, names.find([w.text for w in group]), strict=True):
                lines: _LineIndex | None = None
                for span in spans:
                    cleaned = _clean_name(window.text, span)
                    if cleaned is None:
                        continue
                    start, _end, value = cleaned
                    absolute = window.abs_start + start
                    if taken.overlaps(absolute, absolute + len(value)):
                        continue  # inside an address or an e-mail: a street or a mailbox
                    if lines is None:
                        lines = _LineIndex(window.text)
                    line = window.first_line + lines.line_of(start)
                    where = _where(window.location, f"{window.unit} {line}")
                    self._add("PERSON", 0.85, value, where, key=absolute)
                    added = True
            if added and not self.settings.every_name:
                return


# A meal-status column: "cat" (F, R, P), "ELIG" (FREE, REDUCED, PAID), "F/R status"
_MEAL_STATUS_HEADER = regex.compile(
    r"(?i)\b(?:cat|category|elig|eligibility|meal status|lunch status|f/r|frl)\b"
)
_MEAL_STATUS_CELL = regex.compile(r"(?i)(?:\d{1,2}[ \t]+)?(f|r|p|free|reduced|red|paid)")
MEAL_STATUS_ROWS = 3  # sampled cells, at least, all a meal status and one free or reduced


def _meal_statuses(cells: Sequence[str]) -> bool:
    """Whether a column's cells are all meal statuses, some free or reduced (a log's rows
    of other events leave theirs empty or a dash)."""
    filled = [cell.strip() for cell in cells if cell.strip(" \t-\u2013\u2014")]
    statuses = [_MEAL_STATUS_CELL.fullmatch(cell) for cell in filled]
    return (
        len(statuses) >= MEAL_STATUS_ROWS
        and all(statuses)
        and any(m.group(1).lower() in ("f", "r", "free", "reduced", "red") for m in statuses if m)
    )


# A form's worked example, its first cell "EXAMPLE: Jane Doe" or "Sample - ..." (not a
# lab's "sample-12" specimen)
# (or its ID written so: "EXAMPLE-01290505 | 123456 | 1000000000 | Doe | Jane")
_EXAMPLE_ROW = regex.compile(
    r"(?i)[ \t]*(?:example|e\.g\.|sample)(?:[ \t]*:|[ \t]+[-\u2013][ \t]|-(?=\w))"
)
_CONTACT_ROLE = regex.compile(r"\bcontact\b|\battn\b|\battention\b|\brep(?:resentative)?\b")
_ACTED_BY_ROLE = regex.compile(r"\bby$")  # who acted on a row: "Approved by", "Paid by"
_GIVEN_PART = regex.compile(r"(?i)first|given|preferred|fore")
_FAMILY_PART = regex.compile(r"(?i)last|family|surname|sur ?name")


_NAME_PART_HEADER = regex.compile(r"(?:(?:first|last|middle|given|family|sur) ?)?name|first|last")
_NAME_PART_WORD = regex.compile(r"\b(?:first|last|middle|given|family|surname)\b")


def _join_a_roles_name_parts(people: dict[str, list[tuple[str, str]]]) -> None:
    """ "Child's First Name | MI | Last Name": the role is said once, for the first part;
    a role's name parts and the unroled parts of the same row make one person."""
    others = [role for role in people if role]
    if "" not in people or len(others) != 1:
        return
    (role,) = others
    # ... but a "Guardian" column is a whole name, the guardian's, beside the student's parts
    if all(
        _NAME_PART_HEADER.fullmatch(normalize_header(column)) for column, _ in people[""]
    ) and all(_NAME_PART_WORD.search(normalize_header(column)) for column, _ in people[role]):
        people[role] = people[role] + people.pop("")


_LINES_OR_ITEMS = regex.compile(r"[\n;]")


def _people_a_line_each(value: str) -> list[str]:
    """The names of a cell of several lines (or of a list split by semicolons, as a
    billing export's "Child(ren)" of "Olivia Tran; Ben Tran"), each a person's name,
    perhaps with a grade or a number in brackets after it; none where any line is
    something else."""
    lines = [line.strip() for line in _LINES_OR_ITEMS.split(value) if line.strip()]
    if len(lines) < 2:
        return []
    names: list[str] = []
    for line in lines:
        shaped = _NAME_AND_GRADE.fullmatch(line) or _NAME_AND_NUMBER.fullmatch(line)
        name = shaped.group(1) if shaped is not None else line
        if not cell_value_ok("PERSON", name):
            return []
        names.append(name)
    return names


def _each_persons_cells(
    people: Mapping[str, list[tuple[str, str]]],
) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(role, name cells) per person in a row: a role's cells are one person's name in
    parts ("Last Name", "First Name"), unless each is a whole name under no name part's
    header, as a seating chart's grid has one child per desk ("Kevin Chen", "Chloe Zhang")."""
    for role, found in people.items():
        if len(found) > 1 and all(
            _name_part_rank(column) == 1 and len(value.replace(",", " ").split()) >= 2
            for column, value in found
        ):
            for cell in found:
                yield role, [cell]
        else:
            yield role, found


def _name_in_order(parts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """One person's name from a row's name cells (column, value): a cell whose words
    another cell holds too is left out (a full-name column beside its parts), and the
    given name comes first ("Last Name", "First Name" columns make "Donna Matthews")."""
    if len(parts) == 1:
        return list(parts)
    words = [frozenset(value.lower().replace(",", " ").split()) for _, value in parts]
    kept = [
        part
        for i, part in enumerate(parts)
        if not any(j != i and words[i] < words[j] for j in range(len(parts)))
        and words[i] not in words[:i]
    ]
    return sorted(kept, key=lambda part: _name_part_rank(part[0]))


@functools.lru_cache(maxsize=1024)
def _name_part_rank(column: str) -> int:
    """0 for a given-name column, 2 for a family-name column, 1 for any other."""
    header = normalize_header(column)
    if _GIVEN_PART.search(header):
        return 0
    return 2 if _FAMILY_PART.search(header) else 1


class _SpanIndex:
    """Does a span overlap any of many others? O(log n) per question."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_end: list[int] = []
        best = -1
        for _, b in ordered:
            best = max(best, b)
            self._max_end.append(best)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # spans starting before `end`
        return i > 0 and self._max_end[i - 1] > start


_PERSONAL_ACCOUNT = regex.compile(
    r"(?i)\b(?:personal|sole prop(?:rietor(?:ship)?)?|joint (?:checking|savings|account))\b"
    # "refunded to account 944748338802 (parent's checking)", whatever employer's EIN the
    # worksheet cites above it
    r"|\b(?:parent|guardian|family|employee|my|his|her)(?:'s|\u2019s|s')? (?:own )?"
    r"(?:checking|savings|bank account)\b"
)
_SOLE_PROPRIETOR = regex.compile(r"(?i)\bsole[ _]?prop(?:rietor(?:ship)?)?\b")
# a payment form's own name field, not a contact's: "Payee name: Priya Raman"
_PAYEE_NAME = regex.compile(
    # (its colon perhaps lost to a PDF's columns: "Vendor Name Jennifer K. Kowalczyk")
    # (or a returned check's writer, its "Maker")
    r"(?im)^[ \t]*(?:payee|vendor|account holder|account owner|maker)(?: legal)?(?: name)?"
    r"[ \t]*:?[ \t]*"
    r"([^\n:]{3,60})$"
)
_BANK_PAIR = ("ABA_ROUTING_NUMBER", "US_BANK_NUMBER")  # a "Routing / account" cell's
_BANK_ENTITIES = frozenset(_BANK_PAIR)
_ROUTING_SLASH_ACCOUNT = regex.compile(r"(\d{9})[ \t]*/[ \t]*(\d[\d -]{2,22}\d)")
_REMITTANCE = regex.compile(r"(?i)\bremit(?:tance)?\b")
_HOLDER_ON_ITS_LINE = regex.compile(
    r"(?i)\b(?:account holder|account owner|name on account)[ \t]*:[ \t]*"
    r"(?-i:(\p{Lu}[\p{L}'\u2019-]+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{L}'\u2019-]+){1,2}))"
)
_BUSINESS_ACCOUNT = regex.compile(
    r"(?i)\b(?:business|commercial|corporate) (?:checking|savings|account|acct)\b"
    # an organisation's operating account: "Account (Trust Operating)"
    r"|\boperating (?:account|acct)\b|\((?:[\w&.' ]{0,40} )?operating\)"
)
_ORDINAL_BEFORE = regex.compile(r"\d(?:st|nd|rd|th)[ \t]+$")
_BANK_OR_ORIGINATOR_LINE = regex.compile(
    r"(?im)^[ \t]*(?:(?:bank|financial institution|institution|receiving bank|depository)"
    r"(?: name)?[ \t]*:"
    # (its colon perhaps lost, as a form's is printed to PDF: "Financial institution
    # Rockland Trust Company"; not a bare "Bank", a heading's first word: "Bank
    # Reconciliation - General Operating")
    r"|(?:financial institution|receiving bank|depository institution|bank name)"
    r"[ \t]+(?-i:(?=\p{Lu})))[^\n]*$"
    # ... nor does the ACH originator's (the district paying): "Originator: ... Company ID"
    r"|^[ \t]*(?:originator|originating (?:company|dfi)|odfi)\b[^\n]*$"
    r"|\bcompany (?:id|identification)\b"
)
_TRADE_NAME = regex.compile(r"(?i)\b(?:dba|d/b/a|doing business as)(?!\w)")
_INCORPORATED = regex.compile(
    r"(?i)\b(?:inc(?![-#]\d)|llc|l\.l\.c|llp|corp|corporation|ltd|company|pc|p\.c|pllc)\b"
    r"|\bCo\.(?!\w)"
)


def _without_initials_before_dates(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` less the licence numbers ("S" and eight digits, no label) that are a
    fixed-width record's middle initial run into its birth date: "LUNA   ANDREW
    B20150904M0355", where line after line holds a capital and a date at that column."""
    suspects = [
        hit
        for hit in hits
        if hit.entity == "US_DRIVER_LICENSE"
        and hit.score < LICENCE_CONTEXT_SCORE
        and _S_AND_EIGHT.fullmatch(hit.value)
        and a_birth_date(hit.value[1:])
    ]
    if not suspects:
        return hits
    dropped: set[int] = set()
    for hit in suspects:
        column = hit.start - (text.rfind("\n", 0, hit.start) + 1)
        initials = sum(
            1
            for line in text.split("\n", INITIAL_LINES)[:INITIAL_LINES]
            if _INITIAL_AND_DATE.fullmatch(line[column : column + 9])
            and a_birth_date(line[column + 1 : column + 9])
        )
        if initials >= PERSON_RECORD_LINES:
            dropped.add(id(hit))
    return [hit for hit in hits if id(hit) not in dropped]


LICENCE_CONTEXT_SCORE = 0.85  # a licence number's score where a word vouches for it
INITIAL_LINES = 200  # lines read for a fixed-width file's column of initials
_S_AND_EIGHT = regex.compile(r"S\d{8}")
_INITIAL_AND_DATE = regex.compile(r"\p{Lu}\d{8}")


def _without_numbered_series(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` less the card numbers that no word vouches for and that are one of a
    series of numbers of their length most of which fail the Luhn check: a fixed-width
    file's record IDs ("5692277783177831    PETERSON  LOUIS"), a page of tracking
    numbers, where one in ten passes by chance (as `CARD_SHARE` reads a table's
    column)."""
    unvouched = [h for h in hits if h.entity == "CREDIT_CARD" and h.score < CARD_CONTEXT_SCORE]
    if not unvouched:
        return hits
    runs = _LONG_DIGIT_RUN.findall(text)
    series = Counter(len(run) for run in runs)
    passing = Counter(len(run) for run in runs if luhn(run))
    dropped = {
        id(hit)
        for hit in unvouched
        if series[len(hit.value)] >= SERIES_MIN
        and passing[len(hit.value)] < CARD_SHARE * series[len(hit.value)]
    }
    return [hit for hit in hits if id(hit) not in dropped]


def _grouped_accounts_beside_routing(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` without the accounts written in groups ("6480 9519 23") that have no routing
    number within ROUTING_LINES lines: a bank's account is taken down with its routing
    number, a utility's or a phone's ("hotspot acct 4417 2290 8830 1526") alone."""
    routing = [hit for hit in hits if hit.entity == "ABA_ROUTING_NUMBER"]

    def beside_routing(hit: Hit) -> bool:
        start = _line_start(text, hit.start, ROUTING_LINES)
        end = _line_break_after(text, hit.end, ROUTING_LINES)
        return any(start <= r.start and r.end <= end for r in routing)

    return [hit for hit in hits if hit.source != GROUPED_ACCOUNT or beside_routing(hit)]


ROUTING_DIGITS = 9
# A routing number and its account a slash apart: "her new acct is 011000138 / 4419028367"
_SLASH_THEN_ACCOUNT = regex.compile(r"[ \t]*/[ \t]*\d{4,17}(?!\d)")


def _routing_before_its_account(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with a nine-digit "account" that passes the ABA check and stands a slash
    before another number made the routing number it is: the label ("acct") is for the
    pair."""
    return [
        dataclasses.replace(hit, entity="ABA_ROUTING_NUMBER")
        if hit.entity == "US_BANK_NUMBER"
        and len(hit.value) == ROUTING_DIGITS
        and aba_routing(hit.value)
        and _SLASH_THEN_ACCOUNT.match(text, hit.end)
        else hit
        for hit in hits
    ]


_PAYERS_HEADER = regex.compile(
    r"(?im)^[^\n]*\b(?:payer|payor|remitter|drawer)\b[^\n]*\b(?:routing|account|acct)\b[^\n]*$"
)


def _without_companys_accounts(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` less companies' bank accounts (`_a_companys_account`) and the routing
    numbers on their lines: an invoice's "Remit by ACH to: Bay State Nurse Staffing, LLC
    - Eastern Bank - ABA 011301798 - Operating Acct 7702148831"."""
    companys = [hit for hit in hits if _a_companys_account(text, hit)]
    if not companys:
        return hits
    lines = {text.rfind("\n", 0, hit.start) for hit in companys}
    return [
        hit
        for hit in hits
        if not (
            hit in companys
            or (hit.entity == "ABA_ROUTING_NUMBER" and text.rfind("\n", 0, hit.start) in lines)
        )
    ]


def _a_companys_account(text: str, hit: Hit) -> bool:
    """Whether a bank account is a company's: a remittance line, a vendor's record, an
    "Inc." or "Co." on its line or the COMPANY_LINES lines before. A vendor's account is
    no one's personal information (M.G.L. c. 93H is about residents). The bank's own
    name ("Bank: Rockland Trust Company") says nothing of whose account it is, nor does
    an ACH notice's originator ("Company ID 1046001987" is the district paying)."""
    if hit.entity != "US_BANK_NUMBER":
        return False
    start = _line_start(text, hit.start, COMPANY_LINES)
    own_line = text.rfind("\n", 0, hit.start) + 1
    if _DATED_ENTRY.match(text, own_line):
        start = own_line  # a log's dated entry is about its own caller, not the last one's
    # (a printed log's header line of its payers' checks heads accounts that are theirs,
    # whatever account the deposit went to above it: "Deposit to Student Activity acct",
    # then "Payer  For student  Check #  ABA routing  Account #")
    payers = list(_PAYERS_HEADER.finditer(text, start, own_line))
    if payers:
        start = payers[-1].start()
    end = text.find("\n", hit.end)
    before = _BANK_OR_ORIGINATOR_LINE.sub("", text[start : len(text) if end < 0 else end])
    # (or on the line after it: an invoice's remit-to bank, "Account: 8890044217" over
    # "Reference: Include invoice number on remittance", its vendor named lines above)
    remit = _REMITTANCE.search(text, hit.end, _line_break_after(text, hit.end, 2))
    if _COMPANY.search(before) is None and remit is None:
        return False
    # ... unless the form says the account is the person's own: a sole proprietor's
    # "Account type: Checking (personal)"
    after = _line_break_after(text, hit.end, COMPANY_LINES + 1)
    if _PERSONAL_ACCOUNT.search(text, hit.start, after):
        return False
    # (or says the payee is one before the account, as call notes do: "he is a sole prop,
    # no EIN"; a form's option left unticked says nothing)
    if _SOLE_PROPRIETOR.search(_UNTICKED_OPTION.sub("", text[start : hit.start])):
        return False
    # (a form's options left unticked say nothing: "Type [X] Individual/Sole proprietor
    # [ ] Corp [ ] LLC" is a sole proprietor's, ticked above the account)
    around = _UNTICKED_OPTION.sub("", _BANK_OR_ORIGINATOR_LINE.sub("", text[start:after]))
    if _TICKED_PERSONAL.search(around):
        return False
    # (a payment file's own field for it, the nearest before the account: "payeeType":
    # "INDIVIDUAL" beside one tutor among the vendors)
    # (or a vendor form's "Business type: Sole proprietor" at its head, lines above)
    types = list(_PAYEE_TYPE.finditer(text, _line_start(text, hit.start, PAYEE_LINES), hit.start))
    if types and _INDIVIDUAL.match(types[-1].group(1)):
        return False
    # (the account's own line names its holder, a person, whatever company a line above
    # names: a residency worksheet's "Account holder: Gianna Marchetti   Account number:
    # ..." under its lease's "Landlord: Waverly Commons LLC")
    holder = _HOLDER_ON_ITS_LINE.search(text, own_line, hit.start)
    if holder is not None and _person_shaped_any_case(holder.group(1)):
        return False
    if _INCORPORATED.search(around) or _BUSINESS_ACCOUNT.search(around):
        return True
    # ... or a trade name with no company behind it: a person doing business as
    # "Lori's DJ & Sound" is a sole proprietor, and the account hers; so is the
    # account of a payee who is a person (a contracted therapist's direct deposit)
    # (a company trading as another, "ProLiteracy Worldwide dba New Readers Press", is
    # still a company)
    trade = _TRADE_NAME.search(around)
    if trade is not None and not _a_company_trading(around, trade.start()):
        return False
    # (a form names its payee at its head, lines above the account: "Vendor name: Shelby
    # Andrade", then her address, e-mail for remittance advice and bank)
    # (or surname first, as an accounts-payable form writes it: "Payee name: Borrani, Ermes")
    form = text[_line_start(text, hit.start, PAYEE_LINES) : after]
    return not any(
        _person_shaped_any_case(name) or _surname_first_person(name)
        for name in (m.group(1).strip() for m in _PAYEE_NAME.finditer(form))
    )


def _a_company_trading(text: str, trade_at: int) -> bool:
    """Whether the name before a "dba" at `trade_at`, on its line, is no person's: the
    legal name of a company that trades as another. A label's "DBA:" has none before it,
    and a sole proprietor's is her own ("Lori Castro dba Lori's DJ & Sound")."""
    owner = text[text.rfind("\n", 0, trade_at) + 1 : trade_at].rsplit(":", 1)[-1]
    owner = owner.strip(" \t,-")
    return bool(owner) and not (_person_shaped_any_case(owner) or _surname_first_person(owner))


def _surname_first_person(value: str) -> bool:
    """ "Borrani, Ermes": a person's name, surname first (a company's has no comma there,
    or has an "Inc" after it, which `person_shaped` refuses)."""
    surname, comma, given = value.partition(",")
    return bool(comma) and _person_shaped_any_case(f"{given.strip()} {surname.strip()}")


_UNTICKED_OPTION = regex.compile(
    r"(?:\[ ?\]|\(\s?\)|\u2610)[ \t]*[^\[\](\n\u2610\u2611\u2612]{0,40}"
)
_PAYEE_TYPE = regex.compile(
    r"(?i)\b(?:payee|vendor|entity|account|receiver|business)[ _]?type\W{0,4}"
    r"([a-z_]{3,20}(?:[ _][a-z_]{3,20})?)"
)
_INDIVIDUAL = regex.compile(r"(?i)individual|person|sole[ _]?prop\w*|personal")
_TICKED_PERSONAL = regex.compile(
    r"(?i)(?:\[[x\u2713\u2714]\]|\([x\u2713\u2714]\)|\u2611|\u2612)[ \t]*"
    r"(?:individual|sole proprietor|personal)"
)
# A log's entry, led by its date: "1/19  ACH return R03 - Maureen O'Brien ..."
# (or stamped as a system's log stamps it: "2024-11-15 14:02:25 INFO  ENTRY ...")
_DATED_ENTRY = regex.compile(r"[ \t]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d\d-\d\d)[ \tT]")


def _line_break_after(text: str, position: int, breaks: int) -> int:
    """Where the `breaks`th line break after `position` is (the text's end if sooner)."""
    end = position
    for _ in range(breaks):
        found = text.find("\n", end + 1)
        end = len(text) if found < 0 else found
    return end


def _line_start(text: str, position: int, lines: int) -> int:
    """Where the line `lines` lines above the one holding `position` starts."""
    start = position
    for _ in range(lines + 1):
        start = text.rfind("\n", 0, max(0, start - 1)) + 1
        if start == 0:
            break
    return start


def _a_living_persons_birth_year(date: str) -> bool:
    """Not a date of the years to come (a licence's expiry in a "DOB ... EXP" report),
    nor more than HISTORIC_YEARS ago: that is history ("Dr. King, born January 15,
    1929" in a calendar, a school's namesake), not a person in a district's records."""
    year = _birth_year(date)
    if year is None:
        return True
    this_year = datetime.date.today().year
    return this_year - HISTORIC_YEARS <= year <= this_year


def _birth_year(date: str) -> int | None:
    """The year of a written birth date, a two-digit one ("10/31/13") taken as the
    latest year it can be."""
    year = _YEAR.search(date)
    if year is not None:
        return int(year.group())
    # an export's compact date: 20140203, or 02032014
    if _COMPACT_YMD.fullmatch(date):
        return int(date[:4])
    if _COMPACT_MDY.fullmatch(date):
        return int(date[4:])
    short = (
        _SHORT_YEAR.search(date)
        or _COMPACT_SHORT_MDY.fullmatch(date)
        or _AIRLINE_SHORT_DATE.fullmatch(date)
    )
    if short is None:
        return None
    this_year = datetime.date.today().year
    century = this_year - this_year % 100
    value = century + int(short.group(1))
    return value if value <= this_year else value - 100


# A staff directory's line: a job title, then the extension or phone at its end ("Raman,
# Priya   School Psychologist   HES / RBE   2217")
_STAFF_JOB = (
    r"(?:director|admin(?:istrative)? asst|assistant|secretary|clerk|"
    r"coordinator|specialist|team chair|chair|teacher|counselor|nurse|psychologist|slp|ot|pt|"
    r"bcba|principal|liaison|therapist|officer|bookkeeper|registrar|receptionist|custodian|"
    r"manager)"
)
_DIRECTORY_ENTRY = regex.compile(
    rf"(?i)[^\n]*\b{_STAFF_JOB}\b[^\n]*"
    r"(?:[ \t]{2,}(?:x|ext\.?)?[ \t]?\d{3,5}|\(?\d{3}\)?[ .-]\d{3}-\d{4}"
    # (an orientation slide's "Linda Carvalho - admin assistant, x2200")
    r"|[,;][ \t]*(?:x|ext\.?)[ \t]?\d{3,5})[ \t]*"
)


DIRECTORY_LINE_CHARS = 200  # at most, in a directory's line (and read once per hit)
# ... or a list's line of a name and its job alone, in brackets: a meeting's attendees,
# "- Hannah Kessler (School Psychologist (new hire))", "- Linh Pham (Speech-Language
# Pathologist)" (not a pupil's "(Gr 7)", nor a teacher named in them: "(Ms. Reed's)")
_NAME_AND_JOB_LINE = regex.compile(
    # (the job its last words, or before "of ...": not a pupil's "(nurse visit)")
    r"(?i)[ \t]*(?:[-*\u2022]|\d{1,2}[.)])?[ \t]*\p{Lu}[\p{L}'\u2019. -]{2,50}"
    rf"\((?![^\n)]*\b(?:mr|mrs|ms|mx|dr)\b)(?:[\p{{L}}' -]{{0,30}} )?(?:{_STAFF_JOB}|pathologist)s?"
    r"(?:(?: of| for)[\p{L}' -]{1,30}|[ ]?[/&,][ ]?[\p{L}' -]{1,40})?"
    r"(?:[ ]?\([^\n\d:()]{1,30}\))?\)[ \t]*"
    # ... or after a dash, the job in capitals, perhaps its office after it: a family night
    # slide's "Renee Lavallee - Early Childhood Coordinator", "Marisol Costa - Registrar,
    # Family Welcome Center" (not a service's shorthand, "Liam Ortiz - OT / PT": a student's)
    r"|(?-i:[ \t]*(?:[-*\u2022][ \t]*)?\p{Lu}[\p{L}'\u2019.-]+(?: \p{Lu}[\p{L}'\u2019.-]*){1,3}"
    r"[ \t]+[-\u2013\u2014][ \t]+(?:\p{Lu}[\p{L}'.]*[ ]?(?:[/&][ ]?)?){0,4}"
    r"(?:Director|Assistant|Secretary|Clerk|Coordinator|Specialist|Chair|Teacher|Counselor|"
    r"Nurse|Psychologist|Pathologist|Principal|Liaison|Therapist|Officer|Bookkeeper|Registrar|"
    r"Receptionist|Custodian|Manager)s?(?:[ ]?[/&,][ ]?(?:\p{Lu}[\p{L}'.]*[ ]?){1,4})?[ \t]*)"
)


def _line_end(text: str, position: int) -> int:
    """Where the line holding `position` ends."""
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _a_directory_entry(text: str, line_start: int, position: int) -> bool:
    """Whether the line from `line_start` holding `position` is `_DIRECTORY_ENTRY`'s."""
    end = text.find("\n", position, line_start + DIRECTORY_LINE_CHARS + 1)
    if end < 0:
        end = len(text)
        if end - line_start > DIRECTORY_LINE_CHARS:
            return False
    return _DIRECTORY_ENTRY.fullmatch(text, line_start, end) is not None


def _is_roster(text: str, hits: Sequence[Hit]) -> bool:
    """Whether ROSTER_LINES lines or more begin with a person's name: a table of people
    read as text (from a PDF, a pasted list), as a spreadsheet's name column would be.
    A line of one person and his e-mail or phone is a directory's (a school profile's
    counselors), which says nothing of students; a line of a student and a parent
    with the parent's phone (a trip's medical sheet) is a roster's, and a line of one's
    job and extension a staff directory's (`_DIRECTORY_ENTRY`)."""
    contacts: set[int] = set()
    people: Counter[int] = Counter()
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.start) + 1
        if hit.entity in ("EMAIL_ADDRESS", "PHONE_NUMBER"):
            contacts.add(line_start)
        elif hit.entity == "PERSON":
            people[line_start] += 1
    led: set[int] = set()
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.start) + 1
        if line_start in contacts and people[line_start] == 1:
            continue
        if _a_directory_entry(text, line_start, hit.start):
            continue
        if hit.entity == "PERSON" and _NAME_AND_JOB_LINE.fullmatch(
            text, line_start, _line_end(text, hit.start)
        ):
            continue
        if (
            hit.entity == "PERSON"
            and _LINE_LEAD.fullmatch(text, line_start, hit.start)
            and not under_an_award_or_staff_heading(text, line_start)
        ):
            led.add(hit.start)
            if len(led) >= ROSTER_LINES:
                return True
    return False


_REST_OF_LABEL = regex.compile(r"[ \t]?[\w ]{0,20}:")
_NAME_WORD = r"\p{Lu}[\p{Ll}'\u2019]+(?:-\p{Lu}\p{Ll}+)?"  # "Désir", "Bien-Aimé"
# Names labelled without a colon: a letter's salutation ("Dear Mackenson Toussaint,") and
# a W-2's box e/f ("e/f Employee's name, address Wilnès S Désir")
_UNCOLONED_NAME = prefiltered(
    regex.compile(
        r"(?m)^[ \t]*(?:Dear (?:(?:Mr|Mrs|Ms|Mx|Dr)\.? )?|"
        r"(?:e/f |e )?Employee['\u2019]s (?:first )?"
        r"name(?:,? (?:and )?address(?:,? and ZIP code)?)?[ \t]+|"
        # ... and a W-9's line 1, "1  Name of entity/individual Folake O. Adeyemi" (or
        # before its 2024 revision, "Name (as shown on your income tax return)")
        r"(?:1[ \t]+)?Name (?:of entity/individual|\(as shown on your income tax return\))"
        r"[ \t]+)"
        rf"({_NAME_WORD}(?: \p{{Lu}}\.?)?(?: {_NAME_WORD}){{1,2}})(?=[ \t]*(?:,|\n|$))"
    )
)

# A levy's or a support order's party, its colon lost to a PDF's columns: a line
# "Taxpayer DANIEL R KIM"; a bank's returned-item notice's check writer, "Maker DWAYNE
# WEAVER"
_UNCOLONED_PARTY = prefiltered(
    regex.compile(
        r"(?m)^[ \t]*(?:Taxpayer|Obligor|Debtor|Payee|Cardholder|Maker)(?: name)?[ \t]+"
        r"(\p{Lu}[\p{L}'\u2019-]+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{L}'\u2019-]+){1,2})[ \t]*$"
    )
)
# A title's person in capitals, after a dash and at the line's end: "BACKPAY PER
# SETTLEMENT OF GR. 24-07 - LISA POWELL"
_CAPITALS_TITLE_NAME = regex.compile(
    r"(?m)[ \t][-\u2013\u2014][ \t]+"
    r"(\p{Lu}[\p{Lu}'\u2019-]+(?: \p{Lu}\.?)? \p{Lu}[\p{Lu}'\u2019-]+)[ \t]*$"
)
# A W-2's box e as a PDF prints it: the label's line, then the name in capitals under its
# two columns ("JEFFREY                     GARDNER", or one space apart once extracted)
_W2_BOX_E = regex.compile(
    r"(?m)^[ \t]*(?:e |e/f )?Employee['\u2019]s first name and initial[ \t]+Last name[^\n]*\n"
    r"[ \t]*(\p{Lu}[\p{Lu}'\u2019-]+(?: \p{Lu}\.?)?)[ \t]+(\p{Lu}[\p{Lu}'\u2019-]+)[ \t]*$"
)
# A key=value log's line about a student: his ID, his name and his grade
# ('scan id=242539 name="CUNNINGHAM, HENRY" gr=9 status=TARDY')
_KEY_VALUE_STUDENT = regex.compile(
    # (or a meal or library system's patron, with a grade: patron=206559 name="Rosario,
    # Dariana" gr=2, or its name quoted without a key: patron=226386 "Charles, Guerline")
    r"(?i)(?<![\w.])(?:(?:(?:student_?)?id|patron(?:_?id)?)=(?P<id>\d{4,10})(?!\w)[^\n]{0,40}?"
    r"(?<![\w.])"
    r"(?:name=)?\"[^\"\n]{3,60}\"[^\n]{0,80}?(?<![\w.])(?:gr|grade)=(?:\d{1,2}|k)(?!\w)|"
    # ... or keyed as a student's, no grade needed: student=207097 name="Moon, Douglas"
    # (or as a kiosk's, a student's or a learner's ID: sid=338731, lid=2503057; or in a
    # ticket desk's shorthand: stu=240506 name="Mao, Chanthy")
    # (the name quoted with no key too: a check-in kiosk's sid=213378 "Yilmaz, Andre")
    r"(?:student(?:_?id)?|stu(?:_?id)?|sid|lid)=(?P<id>\d{4,10})(?!\w)[^\n]{0,40}?(?<![\w.])"
    r"(?:name=)?\"[^\"\n]{3,60}\"|"
    # ... or a meal register's account, its holder named (quoted or not) and then the
    # meal eligibility the school gives a student: ACCT=228978 NAME=PHAM, DUC ELIG=DC
    r"(?:acct|account)=(?P<id>\d{4,10})(?!\w)[^\n]{0,40}?(?<![\w.])name="
    r"(?:\"[^\"\n]{3,60}\"|\p{L}[^\n=\"]{2,60}?)"
    r"[ \t]+(?:elig(?:ibility)?|meal_?status)=\w{1,8}(?!\w))"
)
# ... or a note's bracket after a student's name, the ID beside the grade: "Tran, Minh
# (ID 2413350, gr 2)", "COBB, Robert (#218476, Gr 7)" (a grade says whose ID it is)
_ID_BESIDE_GRADE = regex.compile(
    # (or in a phone log, no brackets: "JEAN-BAPTISTE, Widlyne  ID 203120  gr4"; or the
    # number alone in them: "José Hernández (#269649) gr 6"; or a caseload's heading,
    # "== ARMSTRONG, Manuel  #348107  gr12"; or with the district's letters before it and
    # the school's beside the grade, as a cafeteria's phone payments note it: "Neil
    # Meadows  ID WX395068  (ABT, gr K)")
    # (or "SID:", a device office's "VASQUEZ, Robert   SID:233113   gr7")
    r"(?<=\p{L}[ \t]{0,12})(?:\(|(?<=[ \t])(?=(?i:s?id)|#))(?i:s?id|#|id ?#)[ \t]*:?[ \t]*"
    r"(?P<id>[A-Z]{0,3}\d{4,10})(?:,[ \t]*|\)?[ \t]{1,4}(?:\([A-Z]{2,5},[ \t]*)?)"
    r"(?i:gr|grade)\.?[ \t]*(?:\d{1,2}|[Kk])\b"
)
# ... or the grade first, the ID after it: "Madison Marquez (rising gr 7, ID H0944602)",
# "Jones, Marcus (HHS, gr 10, #262946)" (a district's own IDs may lead with letters), or
# no bracket, as an incident note heads it: "Student: Katie Jones, grade 10, ID# 24624"
_GRADE_BESIDE_ID = regex.compile(
    # (or dashes between, as a team's minutes list its students: "1) Liam Okafor - Gr 3 -
    # ID 221846 - DOB 05/17/2017")
    r"(?<=\p{L}[ \t]{0,3}(?:\(|,[ \t]{0,3}|-[ \t]))(?:[A-Z]{2,5},[ \t]*)?"
    r"(?:(?:entering|rising|incoming)[ \t]+)?"
    r"(?i:gr|grade)\.?[ \t]*(?:\d{1,2}|[Kk])[ \t]*(?:,|[ \t]-)[ \t]*"
    # (or its local number: a medication error report's "Mateo Silva, Gr 4, local #
    # 204622")
    r"(?i:id|#|id ?#|student id|sasid|lasid|local ?(?:id|#|no\.?|number))[ \t]*:?[ \t]*"
    r"(?P<id>[A-Z]{0,3}\d{4,10})(?![\w-])"
)
# ... or both in the brackets after the name, whatever else is there: "Angela Boyd (6th,
# HR B122, ID 207659)"
_GRADE_AND_ID_IN_BRACKETS = regex.compile(
    r"(?<=\p{L}[ \t]{0,2})\("
    r"(?=[^()\n]{0,40}?(?<![\w-])(?:\d{1,2}(?i:st|nd|rd|th)|(?i:gr|grade)\.?[ \t]*\d{1,2})\b)"
    # (not a slip's or a job's number that runs on: "deposit slip #4471-118"; nor a
    # teacher's own, her grade the one she teaches: "Jennifer Alves (Emp #20417, Gr 2)")
    r"[^()\n]{0,40}?(?<![\w-])(?<!(?i:emp) )(?<!(?i:employee) )(?<!(?i:staff) )"
    r"(?i:id|#|id ?#)[ \t]*:?[ \t]*(?P<id>[A-Z]{0,2}\d{4,10})(?![\w-])"
    r"[^()\n]{0,30}\)"
)
# ... or the number alone in brackets, the grade after them: "Wong, Nayeli  (201171)  gr 7"
# (or a gap either side, as a list pasted into a mail: "Shah, Hodan   2280328   gr 8")
_BARE_ID_BESIDE_GRADE = regex.compile(
    # (a district's letter before it, a comma after: "Tyler Glover (A269777), Gr 7"; or
    # both in the brackets: "Dominic Wisniewski (282828, gr 11 Electrical)")
    r"(?:(?<=\p{L}[ \t]{0,3})\((?P<id>[A-Z]{0,2}\d{4,10})(?:\),?|,)[ \t]{1,4}"
    r"|(?<=\p{L}[ \t]{2,8})(?P<id>\d{4,10})[ \t]{2,8})"
    r"(?i:gr|grade)\.?[ \t]*(?:\d{1,2}|[Kk])\b"
)
# ... or a gap apart after the name, the grade first: "FITZGERALD, Lucas  gr9  #278040"
# (a clerk's call log), or a space apart: "VISIT Tiana Jenkins gr5 #374207 ADHD med"
# (a nurse's log)
_GRADE_THEN_ID = regex.compile(
    r"(?:(?<=\p{L}[ \t]{2,8})|(?<=\p{Lu}[\p{L}'\u2019-]+[ \t]))"
    r"(?i:gr|grade)\.?[ \t]*(?:\d{1,2}|[Kk])(?:[ \t]{2,8}|[ \t](?=#\d))"
    r"(?i:id|#|id ?#)[ \t]*:?[ \t]*(?P<id>[A-Z]{0,2}\d{4,10})(?![\w-])"
)
# ... or the name, the grade and the number all in the brackets, as an incident report
# says which student: "bitten by assigned student (Carolyn Diaz, gr 7, HMS-33679)" (a
# school's letters and a dash may lead the number)
_NAME_GRADE_ID_IN_BRACKETS = regex.compile(
    r"\(\p{Lu}\p{Ll}[\p{L}'\u2019-]+ \p{Lu}\p{Ll}[\p{L}'\u2019-]+,[ \t]*"
    r"(?i:gr|grade)\.?[ \t]*(?:\d{1,2}|[Kk]),[ \t]*"
    r"(?:(?i:id|#|id ?#)[ \t]*:?[ \t]*(?P<id>[A-Z]{0,3}\d{4,10})|(?P<id>(?:[A-Z]{2,5}-)?\d{5,10}))"
    r"\)"
)
# ... or the grade in brackets, the number after them: "MCCARTHY, Samuel  (gr 10, Boys
# Soccer)  ID 203610" (an athletic trainer's concussion notes)
_BRACKETED_GRADE_THEN_ID = regex.compile(
    r"(?<=\p{L}[ \t]{1,4})\((?i:gr|grade)\.?[ \t]?(?:\d{1,2}|[Kk])\b[^()\n]{0,30}\)[ \t]{1,4}"
    r"(?i:id|#|id ?#)[ \t]*:?[ \t]*(?P<id>[A-Z]{0,3}\d{4,10})(?![\w-])"
)
# ... or, in a headerless log's row, the district's letters on the number and the
# school's on the grade: "Young, Brittany | MPS-53028 | RGE 4 | -133.85" (a cafeteria's
# list of negative balances)
_ID_BESIDE_SCHOOL_AND_GRADE = regex.compile(
    r"(?<=\p{L}[ \t]{2})(?P<id>[A-Z]{2,5}-\d{4,10})[ \t]{2}[A-Z]{2,4}[ \t](?:\d{1,2}|K)(?!\w)"
)
BLANK_FIELD = "______"  # a form's field left blank, printed
# A form's own in a cell: a check box ("[ ] Yes [ ] No"), a printed blank, a label
# ("Referring staff:")
_FORM_FIELD = re.compile(r"\[[ xX]?\]|_{3,}|:[ \t]*$")
NOTE_CELL_CHARS = 20  # a table cell this long, at least, may be a note that names a student
NAME_BEFORE_CHARS = 60  # how far before a student's number and grade his name may start


def _ids_beside_grades_matches(text: str) -> Iterator[regex.Match[str]]:
    """Students' numbers written beside their grades (`_ID_BESIDE_GRADE` and its kin)."""
    for pattern in (
        _ID_BESIDE_GRADE,
        _GRADE_BESIDE_ID,
        _BARE_ID_BESIDE_GRADE,
        _GRADE_AND_ID_IN_BRACKETS,
        _GRADE_THEN_ID,
        _NAME_GRADE_ID_IN_BRACKETS,
        _BRACKETED_GRADE_THEN_ID,
    ):
        yield from pattern.finditer(text, timeout=timeout_for(text))


# the name a student's number and grade follow: "... Patricia Reilly (ID 20298768, gr 8"
_NAME_BEFORE = regex.compile(r"(\p{Lu}[\p{L}'\u2019-]+,? \p{Lu}[\p{L}'\u2019-]+)[ \t]*\(?[ \t]*$")


def _ids_beside_grades(text: str) -> list[tuple[str | None, str]]:
    """Students' numbers beside their grades, each with the name before it, where one
    is (the note of a ticket or a log, where no NER reads)."""
    found: list[tuple[str | None, str]] = []
    for m in _ids_beside_grades_matches(text):
        named = _NAME_BEFORE.search(text, max(0, m.start() - NAME_BEFORE_CHARS), m.start())
        name = named.group(1) if named is not None else None
        if name is not None and not person_shaped(_first_name_first(name)):
            name = None
        found.append((name, m.group("id")))
    return found


# ... or, where discipline is told, each student's number in brackets after the name,
# two or more in one district's shape: "Jonathan Andrews (A352697) enters E stairwell,
# Daniel Simpson (A342101) follows" (`_bracketed_student_ids`)
_NAME_THEN_BRACKETED_ID = regex.compile(
    r"(?<![\p{L}'\u2019-])(\p{Lu}\p{Ll}[\p{L}'\u2019-]+ \p{Lu}\p{Ll}[\p{L}'\u2019-]+"
    # (surname first, as a counselor's notes write it: "Castillo, Yesenia (284397)")
    r"|\p{Lu}[\p{L}'\u2019-]+, \p{Lu}\p{Ll}[\p{L}'\u2019-]+)"
    r"[ \t](?:\((?P<id>(?P<prefix>[A-Z]{0,2})\d{5,10})\)"
    # (or after a "#": "Rodriguez, Carlos #274786 - DCF 51A filed")
    r"|#(?P<id>(?P<prefix>[A-Z]{0,2})\d{5,10})(?![\w-]))"
)
# ... or, there too, one student named by his given name alone, his number in a district's
# shape, letters and digits: "James (MB225799) is assigned 1 day ISS"
_GIVEN_NAME_THEN_PREFIXED_ID = regex.compile(
    r"(?<![\p{L}'\u2019-])(\p{Lu}\p{Ll}+)[ \t]\((?P<id>(?P<prefix>[A-Z]{1,2})\d{5,10})\)"
)
# (or its pupils' grades: "9th graders", a credit-recovery list's "current grade 48";
# or what only students have: "courses" passed, athletic "eligibility", a "GPA")
_STUDENT_WORD = prefiltered(
    regex.compile(
        r"(?i)\b(?:students?|pupils?|graders?|grades?|courses?|ineligible|academic eligibility|gpa|"
        # (a school van's "Riders:"; a sub's plans, whose pupils "have 504 plans")
        r"homeroom|riders|504 plans?|ieps?)\b"
    )
)
# ... where the text does not number its staff: an HR list's "Emp ID" names employees
_STAFF_NUMBER_WORD = regex.compile(
    r"(?i)\b(?:employee|emp|staff|personnel|payroll|badge)[ \t]*(?:id|#|no\b|number)"
)
# ... or a list of students, each line led by a name and its number: "  Jennings, Paul
# (337545) - USH I CR: 9% done" (in a text that speaks of students)
# (or an item's fields before the name: " - Rcpt R41877, 01/22/24, James Jimenez (ID
# 246468), $325.00 cash")
_LISTED_NAME_THEN_BRACKETED_ID = regex.compile(
    r"(?m)^[ \t]*(?:[-*\u2022][ \t]*(?:[^\n(]{0,60}?,[ \t]+)?)?"
    r"(\p{Lu}[\p{L}'\u2019-]+, \p{Lu}\p{Ll}[\p{L}'\u2019-]+|"
    r"\p{Lu}\p{Ll}[\p{L}'\u2019-]+ \p{Lu}\p{Ll}[\p{L}'\u2019-]+)"
    # (the number a gap after the name, as a list lines up its columns: "Carvalho,
    # Madison  (209785)  US History I")
    r"[ \t]{1,4}\((?:(?i:id|#)[ \t]*:?[ \t]*)?(?P<id>(?P<prefix>[A-Z]{0,2})\d{5,10})\)"
)
_DISCIPLINE_WORD = prefiltered(
    regex.compile(
        r"(?i)\b(?:suspension|suspended|detention|discipline|disciplinary|oss|iss|"
        r"expulsion|expelled|infraction|referral)\b"
    )
)
BRACKETED_IDS_MIN = 2  # names with a bracketed number of one shape that make a pattern
# ... or a statement's or a letter's labelled student with the number after the name:
# "Student: Declan Murphy (ID 255956)"
# (or a form's table row, its colon lost, the nickname after the name: "Student
# KOWALSKI, Tadeusz ("Teddy") ID 2750418"; or a form's line of fields a gap apart:
# "Student Name: Roberta Hogan     ID: 7460031     Grade: 12")
# (or the ID on the line below the name: "Student: Elijah Mejía⏎ID: 208393   Gr 6")
_LABELLED_STUDENT_ID = regex.compile(
    # (or in a log's shorthand: "search - stu Shah, Linh (ID 289922)")
    r"(?i:\bstudent|\bchild|\bstu\b)(?i:[ \t]+name)?(?:[ \t]{0,8}:)?[ \t]{0,8}"
    r"(?P<name>\p{Lu}[\p{L}'\u2019.-]+(?:,?[ \t]\p{Lu}[\p{L}'\u2019.-]+){1,3})"
    r"(?:[ \t]*\([\"\u201c'][^()\n]{1,20}[\"\u201d']\))?"
    # (a district's number may lead with its letters: "(ID W2244239)")
    r"(?:[ \t]*\((?i:id|#|id ?#)[ \t]*:?[ \t]*(?P<id>\p{Lu}{0,2}\d{4,10})\)"
    r"|[ \t]{1,8}(?i:id|id ?#)[ \t]*:?[ \t]*(?P<id>\p{Lu}{0,2}\d{4,10})"
    # ... or a hash before it: a refund check's memo, "stu Mateo Castellano #318274"
    r"|[ \t]{1,8}#[ \t]?(?P<id>\p{Lu}{0,2}\d{4,10})"
    # ... or after the student's grade and school, a gap or a comma apart ("Gr 11  PHS  ID
    # 258830", a restitution letter's "Student Tyler Marchetti, Gr. 10, WRHS, ID 203356")
    r"|(?:,?[ \t]{1,8}(?:(?i:gr|grade)\.?[ \t]?(?:\d{1,2}|[Kk])|\p{Lu}{2,5})){1,3}"
    r",?[ \t]{1,8}(?i:id|id ?#)[ \t]*:?[ \t]*(?P<id>\p{Lu}{0,2}\d{4,10})"
    # ... or on the next line, a field of its own (a mail's quoted "> ID: 208393   Gr 6")
    r"|[ \t]*\n[> \t]*(?i:id|id ?#)[ \t]*:[ \t]*(?P<id>\p{Lu}{0,2}\d{4,10}))"
    r"(?!\d)"
)
# ... or a form's line labelled for the students' numbers, each after its student's name:
# "Student name / student number:  João Pedro Oliveira (2412088), Ana Clara Oliveira
# (2412089)" (the label, then `_NUMBERED_STUDENT`s one after another)
_STUDENT_NUMBERS_LABEL = regex.compile(
    r"(?i)\b(?:student|pupil|child)(?:['\u2019]?s)?[ \t]+(?:id|number|no\.?|#)s?"
    r"(?:\([^()\n]{1,24}\))?[ \t]*:"
)
_NUMBERED_STUDENT = regex.compile(
    r"(?:[ \t]{0,8}(?:[,;&]|\band\b)?[ \t]{0,8})"
    r"\p{Lu}[\p{L}'\u2019.-]+(?:,?[ \t]\p{Lu}[\p{L}'\u2019.-]+){1,3}"
    r"[ \t]*\((?:(?i:id|#|id ?#)[ \t]*:?[ \t]*)?(\d{4,10})\)"
)
# (and an airline's passenger: "CASTELLANO/RENEE MS")
_TRACK_NAME = regex.compile(
    r"\p{Lu}[\p{Lu}'\u2019-]+/\p{Lu}[\p{Lu}'\u2019-]+(?: \p{Lu}\.?)?(?: (?:MR|MRS|MS|MISS|DR))?"
)
# A name column's cell that holds the student's grade too: "Kayla O'Brien (9)", "(Gr K)"
_NAME_AND_GRADE = regex.compile(
    # (or the state's codes for pre-kindergarten and kindergarten: "(PK)", "(KF)")
    r"(\p{L}[\p{L}'\u2019.,\- ]{1,60}?)\s*\((?i:gr(?:ade)?\.?[ \t]?)?"
    r"(?:\d{1,2}|[Kk]|PK|KF|KP|K[0-2])\)"
)
# ... or with no brackets: the grade after "gr", or the homeroom after it: "Omar Hassan
# gr 7", "Caitlin Gagnon 7/7D" (under "student / gr-HR")
_NAME_GRADE_AND_ROOM = regex.compile(
    r"(\p{L}[\p{L}'\u2019.,\- ]{1,60}?)[ \t]+"
    r"(?:(?i:gr(?:ade)?)\.?[ \t]?(?:\d{1,2}|[Kk]|PK|KF)|(?:\d{1,2}|[Kk])[/-]\w{1,4})"
)
# A name with who the person is to a child: "Rohan Reddy (father)", "Erin Carney
# (grandmother, on card)", "Luz Ortiz (mom)"
# Who a person is to a student, as a log writes it beside the name
_RELATION = (
    r"(?i:(?:step|great[ -]?)?(?:mother|father|mom|dad|grandmother|grandfather|grandma|"
    r"grandpa|aunt|uncle|guardian|parent|sister|brother|foster (?:mother|father|parent)))"
)
_NAME_AND_RELATION = regex.compile(
    rf"(\p{{L}}[\p{{L}}'\u2019.,\- ]{{1,60}}?)\s*\({_RELATION}(?:[,;/][^()\n]{{0,40}})?\)"
)
_NAME_AND_MAILBOX = regex.compile(
    r"\"?(\p{Lu}[\p{L}'\u2019.-]+(?:[ \t]\p{Lu}[\p{L}'\u2019.-]*){1,3})\"?[ \t]*"
    r"<([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>"
)
_COUPLE = regex.compile(
    r"\p{Lu}[\p{L}'\u2019-]+[ \t]+(?:&|and)[ \t]+"
    r"(\p{Lu}[\p{L}'\u2019-]+[ \t]+\p{Lu}[\p{L}'\u2019-]+)"
)
_NAME_AND_NOTE = regex.compile(
    r"(?:(?:Atty|Attorney|Dr|Mr|Mrs|Ms|Mx|Prof)\.?[ \t]+)?"
    r"(?P<name>\p{Lu}[\p{L}'\u2019.-]+(?:[ \t]\p{Lu}[\p{L}'\u2019.-]*){1,3})"
    # (a note of words: a number in brackets is the person's own, `_NAME_AND_NUMBER`)
    r"[ \t]*\([^()\n\d]{1,40}\)"
)
_CELL_PHONE = r"(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?"
_NAME_AND_PHONE = regex.compile(
    r"(?P<name>\p{L}[\p{L}'\u2019.\- ]{1,50}?)[ \t]*[,;:\u2013-]?[ \t]*"
    rf"(?P<phone>{_CELL_PHONE})"
)
_PHONE_ALONE = regex.compile(_CELL_PHONE)
_RELATION_AND_NAME = regex.compile(
    rf"{_RELATION}[ \t]*\((\p{{Lu}}[\p{{L}}'\u2019.\- ]{{1,60}}?)\)"
    r"(?:[ \t]*(?:[-\u2013,;][^\n]{0,40})?)"
)
# A name column's cell that holds the person's number too: "GLENN, AMBER (242255)"
_NAME_THEN_ID = regex.compile(
    r"(?P<name>\p{L}[\p{L}'\u2019.,\- ]{1,60}?)(?:\s*\([^()\n]{1,12}\))?\s+"
    r"(?i:(?:stu(?:dent)?\s*)?id|lasid|sasid)\s*[#:]?\s*(?P<number>\d{4,10})"
)
_NAME_AND_NUMBER = regex.compile(
    # (or the school's letters before it: "Jordan Montanez (FDR #179165)")
    # (or square ones, as an athletic trainer's log writes "Campbell, Olivia [210037]")
    r"(?P<name>\p{L}[\p{L}'\u2019.,\- ]{1,60}?)\s*[(\[](?P<school>[A-Z]{2,5}[ \t]*#[ \t]*)?"
    # (its label in the brackets too: "Desrosiers, Wisline (LASID 221092)")
    r"(?i:(?:(?:[ls]a)?sid|(?:stu(?:dent)?[ \t]*)?id)[ \t]*(?:#|no\.?)?[ \t]*:?[ \t]*|#[ \t]*)?"
    r"(?P<number>\d{4,10})[)\]]"
    # ... and the grade after it: "Ashley Green (242083) gr12", perhaps his school's
    # letters too: "Brayan Batista (1462571582) gr8 HFMS", or the grade alone under a
    # header that says so: "Lin, Jason (232478) 10" in a log's "student (LASID) gr"
    r"(?P<grade>[ \t]*,?[ \t]*(?:(?i:gr(?:ade)?\.?)[ \t]?)?(?:\d{1,2}|[Kk])"
    r"(?:[ \t]+[A-Z]{2,5})?)?"
)
# (a cell's, the name as it is written: "Brayden O'Donnell / 203381"; a text's is
# `_NAME_SLASH_NUMBER`, surname first)
_CELLS_NAME_SLASH_NUMBER = regex.compile(
    r"(?P<name>\p{Lu}[\p{L}'\u2019.\- ]{1,60}?)[ \t]*/[ \t]*(?P<number>\d{4,10})"
)


# (where the pairs are students', several to a household: "Students (Name / ID)")
_STUDENTS_COLUMN = regex.compile(r"\b(students?|pupils?|learners?|child(?:ren)?)\b")


def _names_slash_numbers(value: str) -> list[regex.Match[str]]:
    """A cell's "Name / ID" pairs, a semicolon apart, where the whole cell is made of
    them and each name has a name's shape; none otherwise."""
    pairs = [_CELLS_NAME_SLASH_NUMBER.fullmatch(part.strip()) for part in value.split(";")]
    if not all(pair is not None and cell_value_ok("PERSON", pair.group("name")) for pair in pairs):
        return []
    return [pair for pair in pairs if pair is not None]


# ... or the number first, the name after it, and maybe the grade: "258708 Nwosu, Chidi
# (gr8)" in a detention log's "stu id name (gr)" column
_NUMBER_AND_NAME = regex.compile(
    r"(?P<number>\d{4,10})[ \t]+"
    r"(?P<name>\p{Lu}[\p{L}'\u2019.\-]+(?:,? \p{Lu}[\p{L}'\u2019.\-]+){1,2})"
    r"(?:[ \t]*\((?i:gr(?:ade)?\.?)[ \t]?(?:\d{1,2}|k)\))?"
)
# ... or with the number after a "#", no brackets: "PELLETIER, BRENDAN #202310"
_NAME_HASH_NUMBER = regex.compile(r"(\p{L}[\p{L}'\u2019.,\- ]{1,60}?)[ \t]+#[ \t]?\d{4,10}")
# The year a record is of, in its first lines: its school year or its pupil's class
# ("School Year 1952-1953", "Grad yr 2001", "Class of 1988", "YOG: 1979", "Grad: June 1981")
_RECORD_YEAR = regex.compile(
    r"(?i)\b(?:(?:school\s+year|sch\.?\s+yr\.?|grad(?:uation)?\.?\s+(?:yr|year)|"
    r"year\s+of\s+graduation|yog|class\s+of)[\s:#.]*|"
    # ("Grad: June 1981"; a physician's profile's graduated="2001" is no pupil's)
    r"grad(?:uated)?:?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)"
    r"((?:19|20)\d\d)\b"
)
RECORD_YEAR_CHARS = 2000  # how far into a text its record year is looked for
# ... and a table's column of them (normalized headers)
_RECORD_YEAR_HEADER = regex.compile(
    r"grad(?:uation)? ?(?:yr|year)|yog|year of graduation|class of|class year"
)
_YEAR_CELL = regex.compile(r"(?:19|20)\d\d")
# A name column's cell after its line's number: "12 Kennedy, Megan", "3. Wong, Jason"
_NUMBERED_NAME = regex.compile(r"\d{1,3}[.)]?\s+(\p{L}[\p{L}'\u2019.,\- ]{1,60})")
# A log's key=value field: name="KING JOHNNY", employee_name="Rhodes, John"
_KEY_VALUE_NAME = regex.compile(
    # a nurse's log names its student by role alone: student="Knapp, Heather"
    r"(?i)(?<![\w.])(?:(?:student|employee|emp|payee|receiver|patron|cardholder|parent)"
    r"(?:[_ ]?name)?|name)=([\"'])"
    r"(?-i:(\p{Lu}[\p{L}'\u2019-]+,? \p{Lu}[\p{L}'\u2019-]+(?: \p{Lu}[\p{L}'\u2019-]*)?"
    # ... or as a card's magnetic track writes it: cardholder='OUELLETTE/RAFAEL'
    r"|\p{Lu}[\p{Lu}'\u2019-]+/\p{Lu}[\p{Lu}'\u2019-]+))\1"
)


def _labelled_students(text: str) -> Iterator[Hit]:
    """The numbers of students labelled as such and named before them
    (`_LABELLED_STUDENT_ID`); not where the "name" is an office's ("Student Services")."""
    for match in _LABELLED_STUDENT_ID.finditer(text, timeout=timeout_for(text)):
        if not names_no_one(match.group("name")):
            yield Hit("STUDENT_ID", *match.span("id"), match.group("id"), TABLE_SCORE, "labelled")


def _numbered_students(text: str) -> Iterator[Hit]:
    """The numbers of the students a line labelled for them lists by name."""
    timeout = timeout_for(text)
    for label in _STUDENT_NUMBERS_LABEL.finditer(text, timeout=timeout):
        at = label.end()
        while entry := _NUMBERED_STUDENT.match(text, at, timeout=timeout):
            number = entry.group(1)
            if not _YEAR.fullmatch(number):
                yield Hit("STUDENT_ID", entry.start(1), entry.end(1), number, TABLE_SCORE, "listed")
            at = entry.end()


# A sentence's words: "Do not put a student's name with their SASID or student ID in
# email subject lines" names the columns of no table below it.
_SENTENCE_WORD = regex.compile(
    r"(?i)\b(?:the|a|an|with|their|his|her|in|into|to|not|do|does|your|our|is|are|will|"
    r"should|must|please|we|you|they|if|when|be|been|was|were|has|have|never|can)\b"
)
SENTENCE_WORDS = 3  # such words in a header line, at least, that make it a sentence


_LABEL_BEFORE_A_BLANK = regex.compile(r":[ \t]*_{3}")


def _text_table_headers(text: str) -> Iterator[regex.Match[str]]:
    """The header lines of tables printed as text (`_TEXT_TABLE_HEADER`), read only on
    the lines that hold one of its words: most texts name no such column, and the
    header's test at every line start was a scan of every text."""
    timeout = timeout_for(text)
    checked = -1
    for word in _TEXT_TABLE_WORD.finditer(text):
        line_start = text.rfind("\n", 0, word.start()) + 1
        if line_start <= checked:
            continue  # a second word on the same line
        checked = line_start
        header = _TEXT_TABLE_HEADER.match(text, line_start, timeout=timeout)
        if (
            header is not None
            and len(_SENTENCE_WORD.findall(header.group())) < SENTENCE_WORDS
            # (not a blank form's line of fields: "Local Student ID: ______ SASID: ____")
            and _LABEL_BEFORE_A_BLANK.search(header.group()) is None
        ):
            yield header


# A printed form's dot leaders between a label and its value ("Student ID .....: 2700176",
# "Grade .......... 11"): the label's colon, however far the dots carry it
_DOT_LEADER = regex.compile(r"[ \t]*\.{2,}[ \t]*:|(?<=\p{L})[ \t]*\.{4,}(?=[ \t]+\S)")


def _without_dot_leaders(text: str) -> str:
    """`text` with a form's dot leaders read as its labels' colons (lines keep their
    numbers); the same text where it has none. An ellipsis in a sentence ("and then...
    he left") has too few dots, or no colon."""
    if ".." not in text:
        return text
    return _DOT_LEADER.sub(":", text)


def _lines_of(text: str, hits: Iterable[Hit]) -> list[str]:
    """The distinct lines the hits stand on."""
    lines: list[str] = []
    for start in sorted({text.rfind("\n", 0, hit.start) + 1 for hit in hits}):
        end = text.find("\n", start)
        lines.append(text[start : len(text) if end < 0 else end])
    return lines


# A ticket's student by his number, the word right before it: "Regenerated badge for
# student 305522" (a column headed "Student Information ..." is no such label)
_STUDENT_THEN_NUMBER = prefiltered(
    regex.compile(r"(?i)(?<![\w-])student[ \t]+(\d{5,10})(?![\w/.-]|,\d)")
)


def _bracketed_student_ids(text: str) -> list[Hit]:
    """Students' numbers in brackets after their names, in notes that tell of discipline
    or in a list of students, a line each: two names or more with numbers of one shape
    (the same letters before as many digits), as a district issues them; a phone's area
    code or a year has too few."""
    found: list[regex.Match[str]] = []
    alone: list[regex.Match[str]] = []
    if _DISCIPLINE_WORD.search(text) is not None:
        found.extend(_NAME_THEN_BRACKETED_ID.finditer(text, timeout=timeout_for(text)))
        alone = [
            m
            for m in _GIVEN_NAME_THEN_PREFIXED_ID.finditer(text, timeout=timeout_for(text))
            if is_given_name(m.group(1))
        ]
    if _speaks_of_students(text):
        taken = {m.span("id") for m in found}
        found.extend(
            m
            for m in _LISTED_NAME_THEN_BRACKETED_ID.finditer(text, timeout=timeout_for(text))
            if m.span("id") not in taken
        )
    found = [m for m in found if person_shaped(_first_name_first(m.group(1)))]
    shapes = Counter((m.group("prefix"), len(m.group("id"))) for m in found)
    kept = [
        m for m in found if shapes[(m.group("prefix"), len(m.group("id")))] >= BRACKETED_IDS_MIN
    ]
    taken = {m.span("id") for m in kept}
    kept.extend(m for m in alone if m.span("id") not in taken)
    return [
        Hit("STUDENT_ID", *m.span("id"), m.group("id"), TABLE_SCORE, "bracketed-student-id")
        for m in kept
    ]


def _speaks_of_students(text: str) -> bool:
    """Whether a text speaks of students (or their grades) and numbers no staff."""
    return _STUDENT_WORD.search(text) is not None and _STAFF_NUMBER_WORD.search(text) is None


# A named person's number, labelled "ID" in brackets after the name, in a text about
# students: "I'm also adding Shane Rossi (ID 258466) who was referred by the nurse", a
# form's "Mathis Dubois, gr 5, Riverside Elementary (ID 204895)"
_NAME_THEN_LABELLED_ID = regex.compile(
    r"(?<![\p{L}'\u2019-])(?P<name>\p{Lu}\p{Ll}[\p{L}'\u2019-]+ \p{Lu}\p{Ll}[\p{L}'\u2019-]+"
    # (or surname first, a dash after it: a transportation request's "Sibling(s) also
    # requesting: Okonkwo, Emeka - Gr 2, Burke-Memorial Elem. (#206287)")
    r"|\p{Lu}\p{Ll}[\p{L}'\u2019-]+, \p{Lu}\p{Ll}[\p{L}'\u2019-]+(?=[ \t][-\u2013]))"
    r"(?:(?:,|[ \t][-\u2013])[^()\n]{1,50}?)?[ \t]\((?i:id|id ?#|student id|#)[ \t]*:?[ \t]*"
    r"(?P<id>\p{Lu}{0,2}\d{5,10})\)"
)


def _named_students_ids(text: str) -> list[Hit]:
    """The numbers `_NAME_THEN_LABELLED_ID` finds, where the text speaks of students. A
    bare "#" says less than "ID": the name must be on the lists, or a grade said between
    ("Okonkwo, Emeka - Gr 2, ... (#206287)"; a menu's "Cheese Pizza (#40117)" is a dish)."""
    if "(" not in text or not _speaks_of_students(text):
        return []
    return [
        Hit("STUDENT_ID", *m.span("id"), m.group("id"), TABLE_SCORE, "named-student-id")
        for m in _NAME_THEN_LABELLED_ID.finditer(text, timeout=timeout_for(text))
        if person_shaped(_first_name_first(m.group("name")))
        and (
            not _HASH_LABEL.search(text, m.end("name"), m.start("id"))
            or _GRADE_SAID.search(text, m.end("name"), m.start("id"))
            or is_listed_full_name(_first_name_first(m.group("name")))
        )
    ]


_HASH_LABEL = regex.compile(r"\(#[ \t]*$")
_GRADE_SAID = regex.compile(r"(?i)\b(?:gr|grade)\.?[ \t]*(?:\d{1,2}|k)\b")


# A list of people each with a bare number in brackets, headed by its students: a tutor's
# timesheet's "Students served / notes", then "Kauã Ribeiro (169849) left early"
_NAME_THEN_BARE_NUMBER = regex.compile(
    r"(?<![\p{L}'\u2019-])(?P<name>\p{Lu}\p{Ll}[\p{L}'\u2019-]+ \p{Lu}\p{Ll}[\p{L}'\u2019-]+)"
    r"[ \t]\((?P<id>\d{5,10})\)"
    # ... or a van's riders, each by his initial and surname and his "#" number, a gap
    # apart: "D. Polanco  #236267  Whittier Elementary"
    r"|(?<![\p{L}'\u2019-])(?P<name>\p{Lu}\. \p{Lu}\p{Ll}[\p{L}'\u2019-]+)[ \t]{1,4}#"
    r"(?P<id>\d{5,10})(?!\d)"
)
# ... or a printed log's rows, its columns' gaps lost to a PDF: "11/04 8:05 Nathan
# O'Brien 8 346183 Nosebleed", under "Date/Time in Student Gr ID Reason for visit"
_NAME_GRADE_NUMBER = regex.compile(
    r"(?<![\p{L}'\u2019-])(?P<name>\p{Lu}\p{Ll}[\p{L}'\u2019-]+ "
    r"\p{Lu}(?:['\u2019]\p{Lu})?\p{Ll}[\p{L}'\u2019-]+)"
    r"[ \t]{1,4}(?:K|[1-9]|1[0-2])[ \t]{1,4}(?P<id>\d{5,10})(?![\d/.:-])"
)
# (its grade and number alone, searched first: cheap, and most texts have none)
_GRADE_THEN_NUMBER = re.compile(r" (?:K|\d{1,2})[ \t]{1,4}\d{5,10}(?![\d/.:-])")
LISTED_NUMBERS = 3  # people with their numbers, at least, that make a list of them
HEADING_LINES = 3  # lines above a list where its heading may be


def _listed_students_numbers(text: str) -> list[Hit]:
    """The numbers of a list of LISTED_NUMBERS people or more, each named with a number in
    brackets (`_NAME_THEN_BARE_NUMBER`) or after a grade (`_NAME_GRADE_NUMBER`), where the
    lines just above the list speak of students: theirs (a staff list's employee numbers
    have no such heading)."""
    matches: list[regex.Match[str]] = []
    if "(" in text or "#" in text:
        matches.extend(_NAME_THEN_BARE_NUMBER.finditer(text, timeout=timeout_for(text)))
    if _GRADE_THEN_NUMBER.search(text) is not None:
        matches.extend(_NAME_GRADE_NUMBER.finditer(text, timeout=timeout_for(text)))
        matches.sort(key=lambda m: m.start())
    found = [
        m
        for m in matches
        # (a rider's initial and surname, "E. Saint-Fleur", said by its "#" number's shape)
        if person_shaped(m.group("name")) or text[m.start("id") - 1] == "#"
    ]
    if len({m.group("id") for m in found}) < LISTED_NUMBERS:
        return []
    head = _line_start(text, found[0].start(), HEADING_LINES)
    if _STUDENT_WORD.search(text, head, found[0].start()) is None:
        return []
    return [
        Hit("STUDENT_ID", *m.span("id"), m.group("id"), TABLE_SCORE, "listed-student-id")
        for m in found
    ]


# A printed register's column of each student and his number a slash apart, under its
# "Student / ID" header: "Baptiste, Widlene / 204319" (a refund check register's PDF)
_STUDENT_SLASH_ID_HEADER = regex.compile(
    r"(?i)\bstu(?:dent)?[ \t]*/[ \t]*(?:id|lasid|sasid|#|no\.?|number)(?![\w])"
)
_NAME_SLASH_NUMBER = regex.compile(
    r"(?<![\p{L}'\u2019-])"
    r"(?P<name>\p{Lu}[\p{L}'\u2019-]+(?: \p{Lu}[\p{L}'\u2019-]+)?, \p{Lu}[\p{L}'\u2019-]+)"
    # (the number perhaps wrapped to the next line, as a long line of a PDF is)
    r"[ \t]/(?:[ \t]|[ \t]*\n)(?P<id>\d{4,10})(?!\d)"
)
_SLASHED = "slashed-student-id"  # the source of the hits `_slashed_students_numbers` gives


def _slashed_students_numbers(text: str) -> list[Hit]:
    """Each student's name and number of a column headed "Student / ID"
    (`_NAME_SLASH_NUMBER`), as a register printed to PDF runs its columns together."""
    if " / " not in text or _STUDENT_SLASH_ID_HEADER.search(text) is None:
        return []
    hits: list[Hit] = []
    for m in _NAME_SLASH_NUMBER.finditer(text, timeout=timeout_for(text)):
        if person_shaped(_first_name_first(m.group("name"))):
            hits.append(Hit("STUDENT_ID", *m.span("id"), m.group("id"), TABLE_SCORE, _SLASHED))
            hits.append(Hit("PERSON", *m.span("name"), m.group("name"), TABLE_SCORE, _SLASHED))
    return hits


# A printed report's header line with a column of students' numbers, its rows each
# giving the number beside the student's name, surname first: a PDF of PowerSchool's
# "Sch Student # Name Gr Memb Abs", then "HAW 209362 Castillo, Kenia 4 19 0" (one space
# between columns: no text table's gaps)
_STUDENT_NUMBER_COLUMN = prefiltered(
    regex.compile(
        r"(?i)(?<![\w])(?:student|stu)[ \t]?(?:#|id\b|no\b\.?|number\b)|\b(?:lasid|sasid)\b"
        # ... or its number in a program's system, by the program's letters: a tutoring
        # vendor's invoice of equitable services, "Student ES ID School Tutor"
        r"|(?i:\bstudent[ \t]+)(?-i:[A-Z]{2,4})[ \t]+(?i:id)\b"
        # ... or a bare "ID" between the names and the grades: "Name ID Gr Part Tone ..." (a
        # choir's audition scores), as only students have both
        r"|(?<=(?:^|\n)[ \t]*name[ \t]+)id(?=[ \t]+gr(?:ade)?\b)"
        # ... or after them: "Student Gr ID Role Action" (an incident report's)
        r"|(?<=(?:^|\n)[ \t]*(?:student|name)[ \t]+gr(?:ade)?[ \t]+)id\b"
        # ... or after the surname and the given name, before a homeroom or a grade: "Last
        # First ID HR Dept Item" (a list of seniors' unpaid fines)
        r"|(?<=(?:^|\n)[ \t]*last(?:[ \t]+name)?[ \t]+first(?:[ \t]+name)?[ \t]+)id"
        r"(?=[ \t]+(?:hr|homeroom|gr(?:ade)?)\b)"
    )
)
_NAME_COLUMN = regex.compile(r"(?i)\b(?:name|last|surname|student)\b")
_ROW_NUMBER_AND_NAME = regex.compile(
    r"(?<![\w-])(?P<id>\d{4,10})[ \t]+(?P<name>\p{Lu}[\p{L}'\u2019-]+, \p{Lu}[\p{L}'\u2019-]+)"
    r"|(?P<name>\p{Lu}[\p{L}'\u2019-]+, \p{Lu}[\p{L}'\u2019-]+)[ \t]+(?P<id>\d{4,10})(?![\w-])"
    # ... or the given name first, the grade before the number: "Ethan Whitaker 8 230188"
    r"|(?P<name>\p{Lu}\p{Ll}[\p{L}'\u2019-]+ \p{Lu}\p{Ll}[\p{L}'\u2019-]+)[ \t]+(?:\d{1,2}|K)[ \t]+"
    r"(?P<id>\d{4,10})(?![\w-])"
    # ... or in the header's columns, surname and given name, then the number: "Alexis
    # Guerline 214334 301" under "Last First ID HR"
    r"|(?P<name>\p{Lu}\p{Ll}[\p{L}'\u2019-]+ \p{Lu}\p{Ll}[\p{L}'\u2019-]+)[ \t]+"
    r"(?P<id>\d{4,10})(?![\w-])"
)
ROW_LEAD_CHARS = 40  # a row's number and name start this near its line's start
_REPORT_ROW = "printed-report-row"  # the source of those hits
REPORT_ROWS_READ = 400  # lines read under a report's header
REPORT_ROWS_MIN = 2  # rows that make the header's column a column of students' numbers


def _printed_report_rows(text: str) -> list[Hit]:
    """Students' numbers and names in the rows under a printed report's header that
    names a column of students' numbers (`_STUDENT_NUMBER_COLUMN`) and of names."""
    hits: list[Hit] = []
    for column in _STUDENT_NUMBER_COLUMN.finditer(text):
        line_start = text.rfind("\n", 0, column.start()) + 1
        line_end = text.find("\n", column.end())
        if line_end < 0 or (hits and line_start < hits[-1].end):
            continue
        header = text[line_start:line_end]
        if not _NAME_COLUMN.search(header) or len(_SENTENCE_WORD.findall(header)) >= SENTENCE_WORDS:
            continue
        rows: list[Hit] = []
        for start, end in itertools.islice(_lines_after(text, line_end + 1), REPORT_ROWS_READ):
            row = _ROW_NUMBER_AND_NAME.search(text, start, min(end, start + ROW_LEAD_CHARS * 2))
            if row is None or row.start() - start > ROW_LEAD_CHARS:
                continue
            if not person_shaped(_first_name_first(row.group("name"))):
                continue
            rows.append(
                Hit("STUDENT_ID", *row.span("id"), row.group("id"), TABLE_SCORE, _REPORT_ROW)
            )
            rows.append(
                Hit("PERSON", *row.span("name"), row.group("name"), TABLE_SCORE, _REPORT_ROW)
            )
        numbers = {hit.value for hit in rows if hit.entity == "STUDENT_ID"}
        if len(numbers) >= REPORT_ROWS_MIN:
            hits.extend(rows)
    return hits


SHORT_NUMBER_DIGITS = 4  # a check's or an activity account's number: "3302", "SA-2026"
ID_DIGITS = 6  # ... beside a student's own in a row: "204960"


def _the_rows_student_numbers(found: list[Hit]) -> list[Hit]:
    """Which of a printed table row's numbers are its students': where one has a student
    number's length, not the short ones (a deposit detail's "Check #" 3302 and activity
    account SA-2026 beside "Stu ID" 204960); nor a routing number and the account after
    it, the row's last columns ("... 75.00 011000138 1290447815")."""
    lengths = [sum(ch.isdigit() for ch in hit.value) for hit in found]
    if max(lengths) >= ID_DIGITS:
        found = [hit for hit, n in zip(found, lengths, strict=True) if n > SHORT_NUMBER_DIGITS]
    found = sorted(found, key=lambda hit: hit.start)
    for i, hit in enumerate(found[:-1]):
        if aba_routing(hit.value):
            return found[:i]
    return found


# A student named with his grade right after an account's number: a cafeteria cashier's
# "Acct 418230 Lucas Ferreira (Gr 7)", "Acct 420113  Jayden Thibodeau   Gr 6"
_STUDENT_AFTER_ACCOUNT = regex.compile(
    r"[ \t]+\p{Lu}[\p{L}'\u2019-]+(?:[ \t]\p{Lu}[\p{L}'\u2019-]+){1,2}[ \t]+"
    r"\(?(?i:gr|grade)\.?[ \t]?(?:\d{1,2}|K)\b"
)


def _grown_ups_types(
    types: Sequence[str | None], numbers: frozenset[int], cells: Sequence[str]
) -> list[str | None]:
    """A grown-up's row's types: the columns of students' numbers hold none of his. A
    bare value there is his own system number (a OneRoster teacher's "identifier"); one
    labelled in its words is read as an untyped cell is (a breach log's "Visa 4532 ...",
    "DL S12047865" beside its students' "SASID ...")."""
    return [
        (None if i < len(cells) and " " in cells[i].strip() else NOT_PERSONAL)
        if i in numbers
        else t
        for i, t in enumerate(types)
    ]


_APPLICANT_ROLE = regex.compile(r"\b(?:applicant|candidate)\b")
# The staff member who handled a row, by the role his column's header gives him
_HANDLING_STAFF = regex.compile(
    r"(?:intake|entering|reviewing|processing|referring|reporting|assigned|duty)[ \t]+"
    r"(?:staff|employee|teacher)\b"
)
# What is measured of students alone: a grade point average, absences, discipline
_STUDENT_MEASURE_HEADER = regex.compile(
    r"(?i)\b(?:gpa|abs|absences|absent|tardies|discipline|detentions|suspensions)\b"
)


def _born_as_children(
    rows: Sequence[tuple[int, tuple[str, ...]]], types: Sequence[str | None]
) -> bool:
    """Whether most birth dates in a table's sampled rows are of people of school age."""
    youngest_year = datetime.date.today().year - SCHOOL_AGE
    years = [
        year
        for _, cells in rows
        for i, t in enumerate(types)
        if t == "DATE_OF_BIRTH" and i < len(cells)
        for year in [_birth_year(cells[i])]
        if year is not None
    ]
    return bool(years) and sum(year > youngest_year for year in years) * 2 > len(years)


def _named_students_accounts(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with each "account" followed by a student, named with his grade, made his
    number: a school's meal account, not a bank's."""
    return [
        dataclasses.replace(hit, entity="STUDENT_ID", score=TABLE_SCORE)
        if hit.entity == "US_BANK_NUMBER" and _STUDENT_AFTER_ACCOUNT.match(text, hit.end)
        else hit
        for hit in hits
    ]


def _lines_after(text: str, start: int) -> Iterator[tuple[int, int]]:
    """The spans of the lines of `text` from `start` on."""
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, end
        start = end + 1


def _listed_either_way(value: str) -> bool:
    """A full name on the Census lists, in its given order or surname first as a bank
    file writes it without a comma ("MCLAUGHLIN SEAN")."""
    if is_listed_full_name(value):
        return True
    words = value.split()
    return len(words) == 2 and is_listed_full_name(f"{words[1]} {words[0]}")


def _names_the_rows_person(name: str, cells: tuple[str, ...], types: Sequence[str | None]) -> bool:
    """Whether every word of `name` is in the row's name cells (its PERSON columns, or
    those read by the name lists), in any order or case: the row's own person."""
    words = {
        word
        for i, entity in enumerate(types)
        if entity in ("PERSON", LISTED_PERSON) and i < len(cells)
        for word in cells[i].lower().replace(",", " ").split()
    }
    return bool(words) and set(name.lower().replace(",", " ").split()) <= words


# A label of a name, whatever else it asks for: a 51A report's "Name / role"
_NAME_LABEL = regex.compile(r"(?i)^[ \t]*name\b")
# Where a value's first words end: "Kathleen Murphy, RN - school nurse", "Derek Paulsen
# (mother's boyfriend); Ava Costa (sister)"
_WORDS_END = regex.compile(r",|;|\(|[ \t][-\u2013\u2014][ \t]")


def _leading_words(value: str) -> str:
    """A value's words before its first comma, bracket, semicolon or spaced dash."""
    end = _WORDS_END.search(value)
    return (value[: end.start()] if end is not None else value).strip()


_LABEL_COLON_BEFORE = regex.compile(r"[\p{L})]:[ \t]{0,2}$")
_CAPITALISED_SURNAME = (
    r"\p{Lu}(?:['\u2019]\p{Lu}|c\p{Lu}|ac\p{Lu}|[aeiou]\p{Lu}|an\p{Lu})?\p{Ll}+"
    r"(?:-\p{Lu}\p{Ll}+)?"
)
_COURTESY_TITLE = r"(?:Mr|Mrs|Ms|Mx|Dr|Miss)"  # before a name, its full stop optional
# A surname a text gives with a courtesy title: "seconded by Mr. Lindqvist"
_TITLED_SURNAME = prefiltered(
    regex.compile(rf"(?<![\p{{L}}.]){_COURTESY_TITLE}\.?[ \t]+({_CAPITALISED_SURNAME})\b")
)
# ... or before a listed given name and a surname the lists may lack: "our adjustment
# counselor, Mr. Kevin Oyelaran"
_TITLED_FULL_NAME = prefiltered(
    regex.compile(
        rf"(?<![\p{{L}}.]){_COURTESY_TITLE}\.?[ \t]+"
        rf"(\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)? {_CAPITALISED_SURNAME})"
        r"(?![\p{L}\p{N}'\u2019])"
    )
)
# A meeting's attendance line, each person with his role in brackets: "Present: Dr.
# Elaine Marchetti (Director of Student Services), Kristen Oyelaran (OOD Coordinator)"
_ATTENDANCE_LINE = prefiltered(
    regex.compile(
        r"(?im)^[ \t]*(?:(?:members |also )?present|attendees|attending|in attendance|"
        r"participants|team members?)[ \t]*:[^\n]*"
    )
)
_ATTENDEE_WITH_ROLE = regex.compile(
    rf"(?:^|[:,;][ \t]*)(?:{_COURTESY_TITLE}\.?[ \t]+)?"
    rf"(\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)? {_CAPITALISED_SURNAME})[ \t]*\("
)
# "Given Surname" and "Surname, Given", either part any capitalised word
_GIVEN_THEN_FAMILY = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}@._'\u2019-])(\p{{Lu}}\p{{Ll}}+) ({_CAPITALISED_SURNAME})"
    r"(?![\p{L}\p{N}@'\u2019])"
)
_WORD_BEFORE = regex.compile(r"\p{Lu}\p{Ll}+ $")
MAX_GIVEN_NAME = 30  # characters of a given name before its surname, at most
_FAMILY_THEN_GIVEN = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}@._'\u2019-])({_CAPITALISED_SURNAME}), (\p{{Lu}}\p{{Ll}}+)"
    r"(?![\p{L}\p{N}@'\u2019-])"
)


def _family_members(text: str, found: Sequence[Hit]) -> list[Hit]:
    """Names whose surname is one this text already gives a person, with a courtesy
    title ("Mr. Lindqvist") or in a name found (a sibling's, a parent's): "Mark
    Lindqvist (Secretary)" in minutes that go on to "Mr. Lindqvist", "Okonkwo, Emeka"
    under "Okonkwo, Chiamaka", though the lists know neither surname. The given name
    must be on the lists where it comes first ("Chair Kasprzak" is no one's name);
    after the surname and its comma, any capitalised word is a given name."""
    surnames = {
        _first_name_first(hit.value).rsplit(" ", 1)[-1]
        for hit in found
        if hit.entity == "PERSON" and " " in hit.value.strip()
    }
    surnames.update(m.group(1) for m in _TITLED_SURNAME.finditer(text))
    # (a family's other name shares the surname, so it is in the text twice at least)
    surnames = {surname for surname in surnames if text.count(surname) > 1}
    if not surnames:
        return []
    taken = _SpanIndex((hit.start, hit.end) for hit in found)
    hits: list[Hit] = []
    # (read at each place the surname stands, not through the whole text: most texts
    # name a family once or twice)
    for surname in surnames:
        at = text.find(surname)
        while at >= 0:
            before = _WORD_BEFORE.search(text, max(0, at - MAX_GIVEN_NAME), at)
            given_first = (
                _GIVEN_THEN_FAMILY.match(text, before.start()) if before is not None else None
            )
            if (
                given_first is not None
                and given_first.end() == at + len(surname)
                and (
                    is_given_name(given_first.group(1))
                    # (any given name, joined to a name of the family: "The parents,
                    # Renata Kowalczyk and Piotr Kowalczyk")
                    or (
                        _after_the_same_surname(text, given_first.start(), surname)
                        and given_first.group(1).lower() not in _NOT_NAMES
                    )
                )
            ):
                hits.append(
                    Hit("PERSON", given_first.start(), given_first.end(), given_first.group(),
                        0.75, "family-name")
                )  # fmt: skip
            family_first = _FAMILY_THEN_GIVEN.match(text, at)
            # a given name the lists lack only as a field's value: "Sibling(s) also
            # requesting: Okonkwo, Emeka" ("Park, Principal" in a sentence is no one)
            if (
                family_first is not None
                and family_first.group(1) == surname
                and (
                    is_given_name(family_first.group(2))
                    or _LABEL_COLON_BEFORE.search(text, max(0, at - 4), at)
                )
            ):
                hits.append(
                    Hit("PERSON", at, family_first.end(), family_first.group(), 0.75,
                        "family-name")
                )  # fmt: skip
            at = text.find(surname, at + len(surname))
    return [
        hit
        for hit in hits
        # (not across two names of a list: "Ian Christian, Tracy Brown" is no "Christian,
        # Tracy"; nor a school's name: "Davis Hill ES")
        if not taken.overlaps(hit.start, hit.end)
        and person_shaped(_first_name_first(hit.value))
        and not names_no_one(hit.value)
        and placed_like_a_name(text, hit.start, hit.end)
        and not _runs_into_an_organisation(text, hit.end)
    ]


def _listed_given_name(word: str) -> bool:
    """Whether a given name is on the lists, each part of a double one ("Anne-Marie")."""
    return all(is_given_name(part) for part in word.split("-"))


def _after_the_same_surname(text: str, start: int, surname: str) -> bool:
    """Whether the name at `start` follows a name of the same family and its "and",
    perhaps with a courtesy title: "Mr. Kofi Boateng and Mrs. Efua Boateng"."""
    title = _TITLE_BEFORE.search(text, max(0, start - MAX_TITLE_CHARS), start)
    before = title.start() if title is not None else start
    return any(text.endswith(surname + joint, 0, before) for joint in (" and ", " & "))


_TITLE_BEFORE = regex.compile(rf"{_COURTESY_TITLE}\.? $")
MAX_TITLE_CHARS = 5  # "Miss " and "Mrs. "


def _made_up_rows(types: Sequence[str | None], rows: Sequence[tuple[int, tuple[str, ...]]]) -> bool:
    """Whether every row that names someone names a test record or a made-up person (a
    help article's mock-up: "Demo, Danny", "Sample, Sally", "Test, Terry"): the table,
    emails and grades and all, is about no one."""
    names = [i for i, t in enumerate(types) if t == "PERSON"]
    named = [[cells[i] for i in names if i < len(cells) and cells[i].strip()] for _, cells in rows]
    named = [cells for cells in named if cells]
    return bool(named) and all(any(placeholder_name(cell) for cell in cells) for cells in named)


def _two_capitalized_words(text: str) -> bool:
    """Whether `text` has two words or more that start with a capital, as every name
    the lists or a label give has: a note without them ("Profanity to staff") names no
    one, and is not searched for names."""
    return _TWO_CAPITALIZED_WORDS.search(text) is not None


# (a word may follow a quote or a key: 'picked_up_by="Carlos Figueroa"', "student=Gomes")
_TWO_CAPITALIZED_WORDS = regex.compile(r"(?s)(?<!\p{L})\p{Lu}.*?(?<!\p{L})\p{Lu}")


def _first_name_first(name: str) -> str:
    """ "Jennings, Paul" -> "Paul Jennings"; a name in its given order as it is."""
    family, comma, given = name.partition(", ")
    return f"{given} {family}" if comma else name


# A statement's or a card's label on a line of its own, the name on the next: "CARDHOLDER",
# then "DENNIS P MAHONEY" (a commercial card statement printed to PDF)
_STACKED_NAME = prefiltered(
    regex.compile(
        r"(?im)^[ \t]*(?:card ?holder(?: name)?|name on (?:card|account)|account holder|"
        r"employee name|student name|payee name)[ \t]*:?[ \t]*\n[ \t]*"
        r"(\p{L}[\p{L}'\u2019.\- ]{2,40}?)[ \t]*$"
    )
)


def _labelled_names(text: str) -> list[Hit]:
    """Names in labelled form fields: no NER needed, and NER often misses them there."""
    hits: list[Hit] = []
    for m in _LABELLED_NAME.finditer(text, timeout=timeout_for(text)):
        value = m.group(2)
        # "Student Name: Sophea Chhay Date of Birth: ...": the next field's first word
        # was read as a third part of the name ("Crane Brook Middle School" is none)
        next_label = value.count(" ") == 2 and _REST_OF_LABEL.match(text, m.end(2))
        shorter = value.rsplit(" ", 1)[0] if next_label else None
        if _runs_into_an_organisation(text, m.end(2)) or _ROLE_TITLE_FIRST.match(value):
            continue
        for candidate in (value, shorter):
            # "To: Main Office" is a mailbox, not a person; "Employee: N. Davis" is one,
            # in the words of M.G.L. c. 93H ("first initial and last name")
            if candidate is not None and (
                _person_shaped_any_case(candidate.replace(",", "").replace("/", " "))
                or _initial_and_surname(candidate)
            ):
                end = m.start(2) + len(candidate)
                hits.append(Hit("PERSON", m.start(2), end, candidate, 0.85, "labelled-name"))
                break
    # a name with its own mailbox in brackets, the mailbox named for it: "co-presidents
    # ... or Oluwaseun Adeyemi (seun.adeyemi@outlook.com)", though the lists lack both
    if "@" in text:
        for m in _NAME_THEN_OWN_MAILBOX.finditer(text, timeout=timeout_for(text)):
            name, local = m.group(1), m.group(2).lower()
            family = name.rsplit(" ", 1)[-1].lower().replace("'", "").replace("\u2019", "")
            if family.replace("-", "") in local.replace("-", "") and _person_shaped_any_case(name):
                hits.append(Hit("PERSON", m.start(1), m.end(1), name, 0.85, "labelled-name"))
    # a title's person, in capitals after a dash: "BACKPAY PER SETTLEMENT OF GR. 24-07 - LISA
    # POWELL" (both parts on the Census lists: "MAIN OFFICE - LOST FOUND" is no one)
    for m in _CAPITALS_TITLE_NAME.finditer(text, timeout=timeout_for(text)):
        if is_listed_full_name(m.group(1)):
            hits.append(Hit("PERSON", m.start(1), m.end(1), m.group(1), 0.85, "labelled-name"))
    for m in _W2_BOX_E.finditer(text, timeout=timeout_for(text)):
        name = f"{m.group(1)} {m.group(2)}"
        if _person_shaped_any_case(name):
            hits.append(Hit("PERSON", m.start(1), m.end(2), name, 0.85, "labelled-name"))
    for line in _ATTENDANCE_LINE.finditer(text, timeout=timeout_for(text)):
        for m in _ATTENDEE_WITH_ROLE.finditer(text, line.start(), line.end()):
            name = m.group(1)
            if _listed_given_name(name.split(" ", 1)[0]) and not names_no_one(name):
                hits.append(Hit("PERSON", m.start(1), m.end(1), name, 0.85, "labelled-name"))
    for m in _TITLED_FULL_NAME.finditer(text, timeout=timeout_for(text)):
        name = m.group(1)
        if (
            _listed_given_name(name.split(" ", 1)[0])
            and not names_no_one(name)
            and placed_like_a_name(text, m.start(1), m.end(1))
            and not _runs_into_an_organisation(text, m.end(1))
        ):
            hits.append(Hit("PERSON", m.start(1), m.end(1), name, 0.85, "labelled-name"))
    care_of = "/o" in text or "/O" in text or "are of" in text
    for m in itertools.chain(
        _CARE_OF.finditer(text, timeout=timeout_for(text)) if care_of else (),
        _UNCOLONED_NAME.finditer(text, timeout=timeout_for(text)),
        _KEY_VALUE_NAME.finditer(text, timeout=timeout_for(text)),
        _UNCOLONED_PARTY.finditer(text, timeout=timeout_for(text)),
        _STACKED_NAME.finditer(text, timeout=timeout_for(text)),
    ):
        group = m.lastindex or 1  # the name: a key=value's is after its quote
        value = m.group(group)
        if _runs_into_an_organisation(text, m.end(group)) or _ROLE_TITLE_FIRST.match(value):
            continue
        if _person_shaped_any_case(value.replace(",", "").replace("/", " ")):
            hits.append(Hit("PERSON", m.start(group), m.end(group), value, 0.85, "labelled-name"))
    return hits


_NAME_THEN_OWN_MAILBOX = regex.compile(
    r"(?<![\p{L}\p{N}@._'\u2019-])"
    r"(\p{Lu}\p{Ll}+(?: \p{Lu}\.?)? \p{Lu}(?:['\u2019]\p{Lu})?\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r"[ \t]*[(<][ \t]*(?:mailto:)?([A-Za-z0-9._%+-]+)@"
)
# Whose care a letter or a family's address goes in: "46 Pond Street, Apt 2 (c/o Ifeoma
# Eze), Franklin" (a family staying with another)
_CARE_OF = regex.compile(
    r"(?<![\p{L}\p{N}])(?:[Cc]/[Oo]|[Cc]are of)[ \t]+"
    r"(\p{Lu}\p{Ll}+(?: \p{Lu}\.?)? \p{Lu}(?:['\u2019]\p{Lu})?\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r"(?![\p{L}\p{N}])"
)
# A school role as a title before a surname, or alone with a word after it: "Dear Coach
# Sullivan", "Requester: Nurse Leader" (no one's full name)
_ROLE_TITLE_FIRST = regex.compile(
    r"(?:Coach|Nurse|Principal|Superintendent|Teacher|Counselor|Officer|Judge)[ \t]"
)
# (one space apart, as a name's words are: not the next field of a line, "Employee: N.
# Davis  School: Pine Hill Elementary", nor its label)
_NEXT_WORDS = regex.compile(r"(?: \p{Lu}[\p{L}&'.-]*+(?!:)){1,3}")


def _words_after(text: str, end: int) -> list[str]:
    """The capitalised words right after `end`, one space apart (`_NEXT_WORDS`)."""
    after = _NEXT_WORDS.match(text, end)
    return [] if after is None else after.group().split()


def _runs_into_an_organisation(text: str, end: int) -> bool:
    """Whether the words a label's name pattern took are the start of an organisation's
    name, one of the capitalised words right after them an organisation's: "TO: Bay
    State Coach Lines", whose pattern stops at three words."""
    return any(organisation_word(word) for word in _words_after(text, end))


def _runs_into_a_company(text: str, end: int) -> bool:
    """Whether the listed name ending at `end` starts a company's name, a word no
    surname shares among the capitalised words after it: "Paul H. Brookes Publishing
    Co." (a school's "Sarah Butler School Psychologist" stays a person)."""
    return any(word.lower().rstrip(".") in COMPANY_WORDS for word in _words_after(text, end))


# A form's numbered party: "Student 1 ID # (if known)", "Student 2 Name", "Parent 2"
_NUMBERED_PARTY = regex.compile(
    r"(?i)\b(student|child|parent|guardian|sibling|contact)[ \t]?[1-9](?![\d/.-])"
)


def _label_entity(cell: str, rules: tuple[tuple[regex.Pattern[str], str], ...]) -> str | None:
    """What a cell labels, where it is a label ("Employee", "Student Name:", "DOB")."""
    label = _NUMBERED_PARTY.sub(r"\1", cell.strip().rstrip(":"))
    if not 0 < len(label) <= 30 or any(ch.isdigit() for ch in label.replace("504", "")):
        return None
    return column_entity(label, rules)


FIELDS_COMMENT_LINES = 4  # lines above a headerless table where its fields may be named
# A log's header written as a comment, as W3C's extended log format writes it:
# "#Fields: date time ...", "# fields: date | time | school | student | notes", or as a
# note above it: "fmt: date | time | who | student(s) | what happened | f/u", or as a
# pension plan's remittance file gives its record layout: "# Layout: D|SSN|NAME|DOB|..."
_FIELDS_COMMENT = re.compile(
    r"(?i)[ \t]*(?:#+[ \t]*)?(?:record[ \t]+)?(?:fields|columns|cols|fmt|format|layout)"
    r"[ \t]*:[ \t]*(.+)"
)


def _fields_comment(above: Sequence[str], first_row: tuple[str, ...]) -> tuple[str, ...]:
    """The header a comment above a table gives its columns (`_FIELDS_COMMENT`), where
    it names as many as the table has; else the columns' numbers."""
    for line in reversed(above):
        fields = _FIELDS_COMMENT.fullmatch(line)
        if fields is None:
            continue
        names = fields.group(1)
        for separator in ("|", "\t", ","):
            if separator in names:
                cells = tuple(name.strip() for name in names.split(separator))
                break
        else:
            cells = tuple(names.split())
        if len(cells) == len(first_row):
            return cells
    return tuple(f"column {i + 1}" for i in range(len(first_row)))


def _person_shaped_any_case(value: str) -> bool:
    """`person_shaped`, for a name in capitals too ("O'SULLIVAN AOIFE C")."""
    return person_shaped(value) or (value.isupper() and person_shaped(value.title()))


def _initial_and_surname(value: str) -> bool:
    match = _INITIAL_SURNAME.fullmatch(value)
    return match is not None and is_listed_name(match.group(1))


def _split_name_fields(text: str) -> list[Hit]:
    """One person per adjacent given-name and family-name field pair, in either order."""
    if _NAME_FIELD_GATE.search(text) is None:
        return []  # most texts have no such field: one search for its word says so
    parts = [
        (
            m.start("name"),
            m.end("name"),
            m.group("part").lower() in ("first", "given"),
            m.group("name"),
        )
        for m in _NAME_PART.finditer(text, timeout=timeout_for(text))
    ]
    hits: list[Hit] = []
    i = 0
    while i + 1 < len(parts):
        (a_start, a_end, a_given, a_value), (b_start, b_end, b_given, b_value) = parts[i : i + 2]
        if a_given != b_given and b_start - a_end <= _NAME_PART_GAP:
            value = f"{a_value} {b_value}" if a_given else f"{b_value} {a_value}"
            hits.append(Hit("PERSON", a_start, b_end, value, 0.85, "name-fields"))
            i += 2
        else:
            i += 1
    return hits


def _widen(text: str, start: int, end: int, reach: int = 200) -> tuple[int, int]:
    """Grow a span to whole lines (or, in a long line, whole words) so no name is cut."""
    if start > 0:
        nl = text.rfind("\n", max(0, start - reach), start)
        start = nl + 1 if nl >= 0 else text.rfind(" ", 0, start) + 1
    nl = text.find("\n", end, end + reach)
    if nl >= 0:
        end = nl
    else:
        space = text.find(" ", end)
        end = len(text) if space < 0 else space
    return start, end


# the lower-case words a name may hold: "Luiz Felipe da Conceição", "Ludwig van Beethoven"


# A person trading under a business's name: "Gail Pereira DBA Pereira Speech Services"
_DOING_BUSINESS_AS = regex.compile(r"(.+?)[ \t]+(?i:d/?b/?a|doing business as)[ \t]+\S.*")
# A number written as a Social Security number is: three digits, two, four, dashed
_SSN_WRITTEN = regex.compile(r"\d{3}-\d{2}-\d{4}")
# What a column of cards says of them: "Card #", "CC", "Visa/MC", "Payment"
_CARD_COLUMN = regex.compile(r"(?i)card|\bcc\b|visa|master|amex|discover|\bpan\b|payment")


def _a_budget_line(column: str, value: str) -> bool:
    """A number in four groups of a card's length under a header that says no card is
    a budget line, whatever its check digit: a revolving fund's status report's "Account"
    of "2610-4400-0135-5110" (fund, function, location, object)."""
    return value.count("-") >= LEDGER_CODE_DASHES and not _CARD_COLUMN.search(column)


def _a_card_not_an_account(cell: str) -> bool:
    """A card's number in a column of cards or accounts: a card network's length and
    first digit (American Express 15 and 3, Visa 4, Mastercard 5 or 2, Discover 6), and
    the card's check digit, which a bank account's number has only by chance."""
    number = digits(cell)
    return len(number) in (15, 16) and number[0] in "23456" and cell_value_ok("CREDIT_CARD", cell)


# A range of dates: the end of one and the start of the next, a dash or "to" between
_RANGE_AFTER = regex.compile(rf"[ \t]*(?:[-\u2013\u2014]|to|through)[ \t]*(?:{DATE_PATTERN})")
_RANGE_BEFORE = regex.compile(rf"(?:{DATE_PATTERN})[ \t]*(?:[-\u2013\u2014]|to|through)[ \t]*$")


def _without_birth_date_ranges(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits less the birth dates that bound a range: "born 9/1/2019 - 8/31/2020" is a
    kindergarten's eligibility, no one's birthday."""
    return [
        h
        for h in hits
        if h.entity != "DATE_OF_BIRTH"
        or not (
            _RANGE_AFTER.match(text, h.end, min(len(text), h.end + 40))
            or _RANGE_BEFORE.search(text, max(0, h.start - 40), h.start)
        )
    ]


# A training's or a form's made-up person: "Child: Jane Doe    DOB: 01/01/2022"
_PLACEHOLDER_PERSON = prefiltered(
    re.compile(
        r"(?i)\b(?:jane|john)(?: q\.)? (?:doe|public|sample|student)\b"
        r"|\b(?:sam|sammy|test) student\b"
        # (a form's training example: "Student: SAMPLE, STUDENT A.   DOB: 01/01/2000")
        r"|\bsample,? student\b|\bstudent,? sample\b"
        r"|\bdoe, (?:jane|john)\b"
    )
)


# A form's worked example on a line of its own, as `_EXAMPLE_ROW` is a table's: "EXAMPLE
# (not a real student): Student ID 000000 / SASID 1000000000 / DOB 01/01/2000"
_EXAMPLE_LINE = prefiltered(
    regex.compile(
        r"(?im)^[ \t]*(?:example|e\.g\.|sample)(?:[ \t]+(?:data|record|entry|row))?"
        r"(?:[ \t]*\([^()\n]{1,40}\))?"
        r"(?:[ \t]*:|[ \t]+[-\u2013\u2014][ \t])"
        # ... or one marked so at its end: a sample badge's "DOB: 01/01/1980 (example)", a
        # form's "... date of birth: 01/01/2015 (example only, not a real student)"
        r"|^[^\n]{0,80}\((?:example|sample)(?: format)?(?: only)?(?:[,;][^()\n]{0,40})?\)"
        r"[ \t]*$"
    )
)


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    """The lines that name a made-up person (`_PLACEHOLDER_PERSON`), each with the next
    where it goes on with the record's fields (`_fields_end`): a training slide's "Jane
    Doe, DOB 01/01/2015, Gr 3, IEP", whose birth date, SASID and words are no one's;
    and a form's example lines (`_EXAMPLE_LINE`), the same way."""
    return [
        (text.rfind("\n", 0, m.start()) + 1, _fields_end(text, m.end()))
        for pattern in (_PLACEHOLDER_PERSON, _EXAMPLE_LINE)
        for m in pattern.finditer(text)
    ]


def _outside(spans: Sequence[tuple[int, int]], hits: list[Hit]) -> list[Hit]:
    """The hits that start in none of `spans`."""
    if not spans:
        return hits
    return [hit for hit in hits if not any(a <= hit.start < b for a, b in spans)]


def _blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with `spans` blanked, its line breaks (and so its line numbers) kept."""
    for start, end in spans:
        blank = "".join("\n" if ch == "\n" else " " for ch in text[start:end])
        text = text[:start] + blank + text[end:]
    return text


def _fields_end(text: str, position: int) -> int:
    """Where the made-up person's record that `position` is in ends: its line's end, or
    the next line's where that goes on with the record's fields ("Name: DOE, JANE  Grade:
    04", then "State Student ID: 1234567890  Birth Date: 01/01/2015"), and the lines
    after it while their fields hold fillers too (a blank form's sample: "Student ID #:
    000000", "Date of Birth: 01/01/2000", "Card Number: XXXX XXXX XXXX XXXX")."""
    end = _line_break_after(text, position - 1, 1)
    if end < len(text) and (
        _FIELD_LINE.match(text, end + 1) or _FILLER_FIELD_LINE.match(text, end + 1)
    ):
        end = _line_break_after(text, end, 1)
        for _ in range(SAMPLE_FIELD_LINES):
            if end >= len(text) or not _FILLER_FIELD_LINE.match(text, end + 1):
                break
            end = _line_break_after(text, end, 1)
    return end


SAMPLE_FIELD_LINES = 8  # lines of a sample's filler fields after its first two, at most
_FIELD_LINE = re.compile(r"[ \t]*[A-Z][\w ]{1,30}:[ \t]*\S")
# A field holding a form's filler, no one's value: zeros, Xs, New Year's Day
_FILLER_FIELD_LINE = re.compile(
    r"[ \t]*[A-Z][\w #/().,'-]{1,40}:[ \t]*"
    r"(?:[0Xx() ./#-]*0[0Xx() ./#-]*|[Xx() ./#-]*X[Xx() ./#-]*|0?1/0?1/(?:19|20)?\d\d)[ \t]*$",
    re.MULTILINE,
)
_ADDRESSED_TO = re.compile(r"[ \t]+to[ \t]*:", re.IGNORECASE)


def _a_town_and_state(text: str, start: int, value: str) -> bool:
    """Whether `value`, at `start` in `text`, is a town and its state's code ("Lowell MA",
    "KESSLER MS"). A name of several words before the code is a town's only after a
    comma ("Enterprise Bank, North Andover MA"): a person may sign with a degree that
    is a state's code too ("Linh Pham MA", a master of arts)."""
    town = _TOWN_AND_STATE.fullmatch(value)
    if town is None or value.rsplit(" ", 1)[1] in _CREDENTIAL_CODES:
        return False
    return town.group("more") is None or text[max(0, start - 2) : start] == ", "


def _clean_name(text: str, span: NameSpan) -> tuple[int, int, str] | None:
    """Trim what NER wraps around a name and drop what is not one."""
    start, end = span.start, span.end
    value = text[start:end]
    cut = _SPAN_BREAK.search(value)
    if cut is not None:
        value = value[: cut.start()]
        end = start + len(value)
    title = _TITLES.match(value)
    if title is not None and title.end() < len(value):
        start += title.end()
        value = value[title.end() :]
    for suffix in ("'s", "\u2019s"):
        if value.endswith(suffix):
            value = value[: -len(suffix)]
            end -= len(suffix)
    # (and a quotation's closing mark: "Student 'Jane Doe', DOB ...")
    stripped = value.rstrip(" .,;:\u2013\u2014-'\"\u2019\u201d")
    if _ENDS_WITH_INITIAL.search(stripped) and value[len(stripped) : len(stripped) + 1] == ".":
        stripped += "."  # "Luca K.": the initial's full stop is the name's
    end -= len(value) - len(stripped)
    value = stripped
    if len(value) < 2 or any(ch.isdigit() for ch in value) or "@" in value:
        return None
    if not any(ch.isalpha() and ch.isupper() for ch in value) and value != value.lower():
        return None
    if value.lower() in _NOT_NAMES or (value.isupper() and len(value) <= 4):
        return None
    if any(w[:1].islower() and w not in NAME_PARTICLES for w in value.split()):
        return None  # "Se habla espanol", "tiene derecho": words, not a name's parts
    if names_no_one(value):
        return None  # "Jane Doe", "IEP Dates", "Harmon Middle School"
    if len(value.split()) == 1 and not is_listed_name(value):
        return None  # "Format", "Treasurer": one word, and no one's name on the lists
    if len(value.split()) == 1 and _ADDRESSED_TO.match(text, end):
        return None  # an invoice's "Bill to:", a label, whatever the lists say of "Bill"
    if value.isupper() and not any(is_listed_name(word) for word in value.split()):
        return None  # a title in capitals ("ELIGIBILITY FEED"), which NER reads poorly
    if HOUSE_NUMBER_BEFORE.search(text, max(0, start - 12), start):
        return None  # "51709 Spinatsch 94": a street after its house number
    if _ORDINAL_BEFORE.search(text, max(0, start - 8), start):
        return None  # "19th Floor", "3rd Street": a place's part after its number
    if (
        _STREET_WORD.match(text[end : end + 16])
        or _PLACE_LAST_WORD.search(value)
        or _a_town_and_state(text, start, value)
    ):
        # "Windsor Street", "Morse School": a place named after a person (and NER may
        # take the place's word into the name: "Lincoln Street"), or a town ("Lowell MA")
        return None
    end = _end_with_suffix(text, end)
    return start, end, text[start:end]


_LABEL_PARTS = regex.compile(r" / (?![^()]*\))")  # not a bracket's: "ID (SASID / LASID)"


def _form_line(field: Sequence[str], *, apart: bool = False) -> str:
    """A form's field as a printed form shows it: "Label: value". A field that holds
    several, its labels and its values each a slash apart ("Student 1 name / LASID /
    School": "João Pedro Carvalho / 225474 / Abbott Hill ES"), is printed as they are.
    Values in several cells are one value's parts ("Jane | Doe"), or, `apart`, each
    its own, a column's gap between them."""
    label, *values = field
    if len(values) == 1:
        labels, parts = label.split(" / "), values[0].split(" / ")
        if len(labels) == len(parts) > 1:
            return "   ".join(
                _form_line([one, part]) for one, part in zip(labels, parts, strict=True)
            )
        # a family's form, its label in each of its languages a slash apart ("Student /
        # Estudiante / Aluno / Elèv / Học sinh"): the first, English, says it
        first, *translations = _LABEL_PARTS.split(label)
        if any(not one.isascii() or english_labels(one) != one for one in translations):
            label = first
    # (a form's numbered party reads as its label: "Student 1 ID # (if known)")
    label = _NUMBERED_PARTY.sub(r"\1", label)
    separator = " " if label.endswith(":") else ": "
    return f"{label}{separator}{('   ' if apart else ' ').join(v for v in values if v)}"


def _label_fields(cells: Sequence[str]) -> list[list[str]]:
    """A row of labels, each with its colon, cut into its fields: "Student Name: | |
    LASID: | 241187" is two. A blank one reads as a printed blank form's ("Student Name:
    ______"), as `SignalCounter.is_template` knows it."""
    fields: list[list[str]] = []
    for cell in cells:
        if cell.endswith(":") or not fields:
            fields.append([cell])
        elif cell:
            fields[-1].append(cell)
    return [field if len(field) > 1 else [field[0], BLANK_FIELD] for field in fields]


def _end_with_suffix(text: str, end: int) -> int:
    """Where a name ending at `end` ends once a suffix after it is counted in."""
    suffix = _NAME_SUFFIX.match(text, end, min(len(text), end + 8))
    if suffix is not None:
        return suffix.end()
    if text[end : end + 1] == "." and text[max(0, end - 3) : end] in (" Jr", " Sr"):
        return end + 1  # the name's own "Jr", whose full stop was trimmed as punctuation
    return end


def _with_suffix(text: str, hit: Hit) -> Hit:
    end = _end_with_suffix(text, hit.end)
    if end == hit.end:
        return hit
    return dataclasses.replace(hit, end=end, value=text[hit.start : end])
