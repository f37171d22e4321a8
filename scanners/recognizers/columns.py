"""Tables are not prose: a column's header types every cell below it.

`column_entity` maps a header to the entity its cells hold; `cell_value_ok`
checks that a cell has the shape of that entity (so a "DOB" column with
"unknown" in it yields nothing). Names are then joined per row and role, so
"First Name" + "Last Name" of a row is one person, not two.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import regex

from scanners.recognizers.builtin import DATE_PATTERN, EMAIL_ADDRESS, no_ones_phone
from scanners.recognizers.checksums import (
    aba_routing,
    digits,
    luhn,
    not_a_test_card,
    not_repeated,
    us_ssn,
)
from scanners.recognizers.name_words import names_no_one
from scanners.recognizers.names import is_listed_name
from scanners.recognizers.translations import english_header

# Checked in order: "Guardian Phone" is a phone, "Student ID" is not a name.
_HEADER_RULES: tuple[tuple[str, str], ...] = (
    (
        # (a state form's "SSN9": the nine digits of it)
        r"\b(ssn9?|social security|soc sec|ss ?(no|number|num)|taxpayer id|tax ?id|tin)\b"
        r"|\bss ?#",
        "US_SSN",
    ),
    (
        # (not what a licence tracker says of it: "CDL Exp", "License Class", "DL Issued")
        r"^(?!.*\b(?:exp|expiration|expires|expiry|date|class|endorsements?|restrictions?|"
        r"issued?|status)\b).*"
        r"(driver'?s? ?licen[sc]e|\bdl\b|\bdl ?(no|number|num)\b|"
        # a CORI request's "License / State ID #": the RMV's state ID, no SASID
        r"licen[sc]e ?(no|number|num|#)(?!\w)|licen[sc]e (or )?state id\b|"
        # ... and a driver-education office's learner's permit, the same RMV number
        # (not a work permit's: a school issues those to its students)
        r"\blearner'?s? ?permit\b|"
        # a bus driver's commercial licence: "Driver CDL #"
        r"\bcdl\b)",
        "US_DRIVER_LICENSE",
    ),
    # ... and as payment files name it: NACHA's receiving DFI, ISO 20022's clearing
    # system member ID (pain.001's <ClrSysMmbId><MmbId>)
    # (and a payroll sheet's shorthand, "Direct Deposit Rtg")
    (r"(routing|\baba\b|\brtn\b|\brtg\b|\brdfi\b|\bclr sys mmb id\b)", "ABA_ROUTING_NUMBER"),
    # a payment column of accounts and cards both, "Account # / Card #" (as "Card / Acct
    # #" is, by the account's rule below): each cell a bank's account unless it has a
    # card's shape (`_a_card_not_an_account`)
    (r"\b(account|acct)\b.*\bcard\b", "US_BANK_NUMBER"),
    # ... the card first: a premium draw sheet's "Card / Account" beside its "Exp / Routing"
    (r"(?<!credit )(?<!debit )\bcard (or )?(account|acct)$", "US_BANK_NUMBER"),
    (r"(credit ?card|debit ?card|card ?(no|number|num)\b|\bcard ?#|\bpan\b)", "CREDIT_CARD"),
    # ... or a treasurer's "CC" column alone ("CC (phone orders)", "CC #")
    (r"^cc(?: ?(?:#|no|num|number))?$", "CREDIT_CARD"),
    (
        # (a bank's "DDA", demand deposit account: a checking account's number)
        r"(\bdda\b|(bank|checking|savings|deposit|dfi) ?(account|acct)|\b(account|"
        r"acct) ?(no|number|num)\b|\b(account|acct) ?#|^account$|^acct$|"
        # a direct-deposit change log's "New Acct", a payment list's "Deposited To (acct)"
        r"^(new|old|current|prior|primary|secondary|personal) (account|acct)$|"
        r"\bdeposited to (account|acct)\b|"
        # an ISO 20022 payment's creditor or debtor account (pain.001's
        # <CdtrAcct><Id><Othr><Id>, a camt.053 statement's <RltdPties><DbtrAcct>...)
        r"\b(?:cdtr|dbtr) acct id\b)",
        "US_BANK_NUMBER",
    ),
    (
        r"(date of birth|\bdob\b|birth ?date|birthday|\bborn\b|\bd ?o ?b\b|\bb ?days?\b|"
        # a translated form's: Spanish, Portuguese, Haitian Creole, Vietnamese, Chinese
        r"fecha de nacimiento|data de nascimento|dat (?:de )?nesans|ngày sinh|出生日期)",
        "DATE_OF_BIRTH",
    ),
    (
        # (an adult education program's "Learner ID": its students are grown-ups)
        # (Ed-Fi's "studentUniqueId", SCOIR's "studentExternalId": the district's number
        # of a student)
        r"(sasid|lasid|(?:student|child|pupil|learner) ?"
        r"(?:primary |local |state |district |unique |external )?"
        # (SIF's "StateProvinceId", the state's number of a StudentPersonal)
        r"(id|number|no|num|#)|state (student )?id|state ?province ?id|"
        r"local (student )?id|\bstu ?id\b|aspen id|\bsis (user )?id\b|\bperm ?(#|id|no)|"
        # a school's own number, by its initials: a scholarship list's "WHS ID"
        r"^[a-z]{0,3}(?:hs|ms|es) ?(?:id|#)$|"
        # a school meal system's account of a student
        r"\bpatron ?(?:id|#|no|num|number)(?!\w)|\blunch ?(#|no|num|number|id|pin|code)|"
        r"\bmeal ?(#|id|pin)\b|\bpos ?pin\b|"
        r"n[uú]mero del? (?:estudiante|alumno)|n[uú]mero d[oae] alun[oa]|nimewo el[eè]v|"
        r"m[aã] (?:s[oố] )?h[oọ]c sinh|学号|学生编号)",
        "STUDENT_ID",
    ),
    (r"(e-?mail)", "EMAIL_ADDRESS"),
    (r"(phone|telephone|\btel\b|mobile|\bcell\b|\bfax\b|contact number)", "PHONE_NUMBER"),
    # (not a device's "MAC address", a server's "IP address", a web address)
    (
        r"(?<!\bmac )(?<!\bip )(?<!\bipv4 )(?<!\bipv6 )(?<!\bweb )(?<!\bhardware )"
        r"(?<!\bnetwork )(?<!\bserver )(address|street|residence|mailing)",
        "STREET_ADDRESS",
    ),
    (
        r"^(?!(?:#|no|num|nbr) of\b)"
        r"(?!.*\b(school|course|class|district|file|field|element|attribute|variable|dx|"
        r"diagnosis|"
        r"user ?name|building|program|company|vendor|merchant|facility|"
        r"organi[sz]ation|product|street|city|bank|department|town|state|country|item|event|"
        # a student's attribute, named: "Student Ethnic Group Name", "Home Language Name"
        r"ethnic|ethnicity|race|language|gender|disability|office|"
        # a record's activity: SIF's "ActivityParticipation ActivityName", "Club Name"
        r"activity|club|"
        # what someone is, not who: "Reporter Role"; what a family pays: "Fee Name"
        r"role|fee|charge|"
        # a note for someone, or where a thing is kept: "Guidance note for supervisor",
        # "Location / custodian"
        r"notes?|comments?|location|"
        # a count of people, not one: "Number of Students", "Total Children"
        r"number of|count|total|percent|"
        # a security question's answer, a surname alone: a CORI log's "Mother's Maiden Name"
        r"mother'?s? maiden)\b)"
        # ("Given" alone heads a column of given names; "Reason given", "Dose given" do not)
        r".*\b((first|last|middle|given|family|full)?name|surname|first|last|middle|^given|family|"
        # (a form's "Students: Tran, Minh / Tran, Bao", "Parents"; a pay memo's "Students
        # served (grade)")
        r"students?(?: (?:served|seen|supported)(?: grade)?)?|pupils?|learner|guardians?|"
        r"parents?|mother|father|children|child\(ren\)|"
        # (a foster care transport sheet's "Caregiver", paid mileage to her account)
        r"caregivers?|"
        # a pickup list's "Authorized Adult"
        r"adults?|"
        r"driver|donor|payee|payer|purchaser|cardholder|holder|members?|recipient|volunteer|"
        # who sent a wire: a tuition receipt's "Remitter (Originator)"
        r"remitter|"
        # a fundraiser's order form: "Student Seller"
        r"sellers?|"
        r"chaperone|coach|"
        # a 51A report's "Other household members" and "Sibling(s)"; a medication
        # record's "Prescriber" and its count's "Witness"
        r"siblings?|sibling\(s\)|prescriber|witness|"
        r"athlete|rider|traveler|passenger|"
        # a visitor management system's sign-in log: "Visitor" (its "Entered By" is no one)
        r"visitor|guest|"
        r"patient|child|staff|employee|worker|applicant|candidate|signer|retiree|claimant|enrollee|"
        r"subscriber|insured|dependent|spouse|beneficiary|participant|policyholder|obligor|"
        r"debtor|taxpayer|"
        r"athlete|player|camper|attendee|registrant|kids?|"
        r"teacher|educator|employee|emergency contact|contact person|contact|case manager|"
        r"case mgr|counselor|advisor|"
        # a testing list's "Case Mgr / 504 Coord"
        r"coord|coordinator|"
        # a CORI log's "Other/Maiden Names", an alumni request's "Name at Graduation"
        r"(?:other|maiden|former|previous|prior)(?: maiden)? names?|alias|aliases|aka|"
        r"name at (?:graduation|birth)|birth name|"
        r"administrator|"
        r"nurse|physician|doctor|pediatrician|dentist|"
        # people by the work they are paid for: a per-diem sheet's "Interpreter"
        r"interpreter|translator|tutor|paraprofessional|para|aide|contractor|consultant|"
        r"instructor|provider|"
        r"trainer|evaluator|therapist|psychologist|referee|umpire|officials?|judge|"
        # who oversees a student's work or a visitor's stay: a co-op's "Site Supervisor",
        # a detention log's "Supervising Custodian", a sign-in sheet's "Escort"
        r"supervisor|supervising custodian|escort|"
        # a DCF filing log's "Mandated Reporter" and "DCF Screener"
        r"reporter|screener|reviewer|"
        # a purchasing card log's "Approver"
        r"approver|"
        # an insurer's claims adjuster
        r"adjuster|"
        # a dismissal log's adult: "Picked up by", "Signed out by", "Released to"; a
        # conduct export's staff: "Referred By", "Reported by"
        # (not "Entered By": an SIS's log puts "student" or "system" there, no one)
        r"(?:picked up|signed out|dropped off|referred|reported|submitted|requested|paid|"
        # a medication log's "Delivered By" (a parent), "Administered By", "Witnessed By"
        r"delivered|brought|administered|witnessed|"
        r"assessed|approved|authorized|prepared|reviewed|assigned|confirmed|verified|"
        r"cleared|completed|recorded|logged|processed|screened|"
        # a FERPA disclosure log's "Released By"
        r"released|disclosed) by|"
        # a coverage sheet's substitute: "Sub Assigned", "Substitute"
        r"sub assigned|substitute|"
        r"requester|requestor|"
        r"(?:released|given|delivered) to|"
        # a dismissal export's "AuthPickup1"
        r"auth(?:orized)? ?pick ?ups?(?: person)?|pick ?up person|"
        # a parent council's officers paid a stipend: "Parent Leader"
        r"leader|"
        r"assigned to|issued to)"  # a device's or a locker's holder
        r"(?: ?\d| 1099)?$",  # "Guardian1", "Contact 2", a 1099 list's "NAME_1099"
        "PERSON",
    ),
    (
        r"^(?:nombre|nome|non|họ tên|tên)(?: completo)?(?: del?| la| do| da)? "
        r"(?:estudiante|alumn[oa]|alun[oa]|el[eè]v|học sinh)$|^学生姓名$",
        "PERSON",
    ),
)
_COMPILED = tuple((regex.compile(p), e) for p, e in _HEADER_RULES)
_GOVERNMENT_ID_RULES = tuple(r for r in _COMPILED if r[1] in ("US_SSN", "US_DRIVER_LICENSE"))
_NAME_PARTS = regex.compile(
    r"\b(first|last|middle|given|family|sur|full|legal|preferred|display|common)?\s*name\b|"
    r"\b(first|last)\b"
)


_EIN_CELL = regex.compile(r"\d{2}-\d{7}")
# One of these words as a whole run of letters (so "Student1" is one, "Students" not)
_PLACEHOLDER_NAME_WORD = regex.compile(
    r"(?<!\p{L})(?:"
    r"test(?:student|person|user|emp|employee|staff|teacher|parent|child)?|dummy|placeholder|"
    # a vendor's sandbox: "Demo, Student1"; a form's filled-in example row: "EXAMPLE: Jane
    # Doe | 01/01/2015"
    r"sample|demo|student|example"
    r")(?!\p{L})"
)


@functools.lru_cache(maxsize=4096)
def placeholder_name(value: str) -> bool:
    """A test record's name: "TESTSTUDENT", "Testperson, Alpha", "Test, Charlie",
    "Demo, Student1". "Student" alone says so only in a name's shape, a comma or a
    number in it ("Student, Test"): "Student Svcs" under a log's "Assigned To" is an
    office. (Cached: a row asks it of its name cells before `cell_value_ok` asks again.)"""
    lowered = value.lower()
    if _PLACEHOLDER_NAME_WORD.search(lowered) is None:
        return False
    words = set(_PLACEHOLDER_NAME_WORD.findall(lowered))
    if words == {"student"}:
        return (
            "," in value
            or any(ch.isdigit() for ch in value)
            or _LETTERED_STUDENT.fullmatch(value) is not None  # a training's "Student A"
        )
    return bool(words)


_LETTERED_STUDENT = regex.compile(r"(?i)[ \t]*student[ \t]+\p{L}\.?[ \t]*")


_IDENTIFIER_NOTES = frozenset(
    {"STUDENT_ID", "US_SSN", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "CREDIT_CARD"}
)
_BRACKETED_NOTE = regex.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NOT_HEADER_CHARS = regex.compile(r"[^\w#@' ]+")
# Exports write headers as identifiers: "LastName", "StudentID", "guardianPhone".
# ("Student IDs" is not "Student I Ds": an acronym's plural s starts no word)
# (and a word after a number: a club export's "Guardian1Name")
_CAMEL_CASE_BREAK = regex.compile(
    r"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2})|(?<=\p{Ll}\d)(?=\p{Lu}\p{Ll})"
)


# SIS exports abbreviate: "STU_LNM", "FNAME", "LAST_NM". Massachusetts state reports name
# their columns by element code (DESE's data handbooks): SIMS DOE001-DOE006 are LASID,
# SASID, first, middle and last name and date of birth; the course schedule's (SCS)
# SCS01-SCS02 are LASID and SASID, and SCS03 on a school, its courses and marks (SCS
# Data Handbook v9.2); the staff roster's (EPIMS) SR03-SR06 an employee's names and date
# of birth.
_STATE_REPORT_ELEMENTS = (
    "lasid",
    "sasid",
    "student first name",
    "student middle name",
    "student last name",
    "date of birth",
)
_ABBREVIATIONS = {
    **{f"doe{n:03d}": meaning for n, meaning in enumerate(_STATE_REPORT_ELEMENTS, 1)},
    "scs01": "lasid",
    "scs02": "sasid",
    "sr03": "employee first name",
    "sr04": "employee middle name",
    "sr05": "employee last name",
    "sr06": "date of birth",
    "lname": "last name",
    "fname": "first name",
    "mname": "middle name",
    "lnm": "last name",
    "fnm": "first name",
    "nm": "name",
    "empname": "employee name",
    "lic": "license",
    "stu": "student",
    "stud": "student",
    "lid": "local id",
    "instr": "instructor",
    "tchr": "teacher",
    # PowerSchool's "lastfirst" field, written run together in lower case
    "lastfirst": "last first",
    "firstlast": "first last",
    # a legacy system's run-together names: "STUDNO", "BIRTHDT"
    "studno": "student number",
    "stuno": "student number",
    "studid": "student id",
    "stuid": "student id",
    "birthdt": "birth date",
    "bdate": "birth date",
    "nbr": "number",
    "dt": "date",
    "att": "attendance",
    "grd": "grade",
    "lvl": "level",
}


_ELEMENT_CODE = regex.compile(r"(?:doe|scs|sr)\d{2,3}")


def split_camel_case(header: str) -> str:
    """ "assignedGrade" -> "assigned Grade", as exports write identifiers."""
    return _CAMEL_CASE_BREAK.sub(" ", header)


# Aspen's field names start with their table's prefix: "stdIDLocal", "stdNameView" are
# the student's, "stfNameView" the staff member's, "psnNameFirst" a person's (a contact).
# Read only as such a prefix: a benefits file's "STD Premium" is short-term disability.
# (after its table's name in a raw export: "std.stdIDState", "psn.psnNameLast")
_ASPEN_PREFIX = regex.compile(r"^(?:[a-z]{3}\.)?(std|stf|psn)(?=\p{Lu})")
_ASPEN_TABLES = {"std": "student", "stf": "staff", "psn": "person"}


def _aspen_field(header: str) -> str:
    """ "stdIDLocal" -> "student IDLocal"; "stdNameView" (the name as "Last, First")
    -> "student Name"."""
    prefix = _ASPEN_PREFIX.match(header)
    if prefix is None:
        return header
    rest = header[prefix.end() :]
    return f"{_ASPEN_TABLES[prefix.group(1)]} {'Name' if rest == 'NameView' else rest}"


# PowerSchool's export names each field by its table's number: "[1]Student_Number",
# "[39]LastFirst"
_TABLE_NUMBER = regex.compile(r"^\s*\[\d{1,3}\]")


@functools.lru_cache(maxsize=4096)
def normalize_header(header: str) -> str:
    text = split_camel_case(_aspen_field(_TABLE_NUMBER.sub("", header)))
    text = text.lower().replace("#", " # ").replace("_", " ")
    text = _NOT_HEADER_CHARS.sub(" ", text)
    words = text.split()
    if len(words) > 1 and _ELEMENT_CODE.fullmatch(words[0]):
        # "DOE002_FIRST": an element code spelled out by its own words, which say it
        # best (a district's numbering may differ from the handbook's)
        words = words[1:]
    return english_header(" ".join(_ABBREVIATIONS.get(word, word) for word in words))


# A header's part after a pupil's: "gr-HR", "grade / homeroom", "rm"
_GRADE_AND_ROOM = regex.compile(
    r"(?i)(?:gr(?:ade)?|hr|homeroom|rm|room)(?:[ /-]+(?:gr(?:ade)?|hr|homeroom|rm|room))?"
)


# Exports repeat their headers file after file ("First Name", "DOB"): each is judged once.
@functools.lru_cache(maxsize=4096)
def column_entity(
    header: str, extra_patterns: tuple[tuple[regex.Pattern[str], str], ...] = ()
) -> str | None:
    """The entity a column's cells hold, judged by its header alone: by its words
    without a bracketed note first ("Member Name (Last, First MI)" is a name column,
    "Card # (phone payments)" a card column), then with it ("ID (SSN)")."""
    plain = _BRACKETED_NOTE.sub(" ", header)
    found = None
    for words in dict.fromkeys((plain, header)):
        found = _entity_named(normalize_header(words), extra_patterns)
        if found is not None:
            break
    if found == "PERSON" and plain != header:
        # "Assigned To (Student ID)": the person's identifier, as the note says
        note = _entity_named(normalize_header(" ".join(_BRACKETED_NOTE.findall(header))), ())
        if note in _IDENTIFIER_NOTES:
            return note
    if found is None and "/" in plain:
        # a log's column of a pupil and his grade and homeroom: "student / gr-HR" over
        # "Caitlin Gagnon 7/7D" (a person's column by its first part)
        first, rest = plain.split("/", 1)
        if _GRADE_AND_ROOM.fullmatch(rest.strip()) and (
            _entity_named(normalize_header(first), extra_patterns) == "PERSON"
        ):
            return "PERSON"
    return found


_EMPLOYERS_ID = regex.compile(r"\bemployer(?:'s)? (?:state |federal |tax )*(?:id|number|no)\b")
_NO_BANKS_ACCOUNT = regex.compile(r"\b(?:patient|pt|customer|utility) ?(?:account|acct)\b")
_PROFESSIONAL_LICENCE = regex.compile(
    r"\b(?:rn|lpn|nurs\w*|teach\w*|educator|prof|professional|npi|medical|dese|ot|pt|slp|"
    # a driver's ed school's "RMV Instructor Lic. #" ("DI-40817"), a counselor's board's
    r"instructor|counsel\w*|psycholog\w*|social work\w*|lcsw|lmhc|bcba)\b"
    r"(?:[ \w/]*)\blic(?:en[sc]e)?\b"
)


def _entity_named(
    normalized: str, extra_patterns: tuple[tuple[regex.Pattern[str], str], ...]
) -> str | None:
    if not normalized:
        return None
    if _EMPLOYERS_ID.search(normalized):
        return None  # a W-2's "Employer State ID": the district's tax account, no one's
    if _PROFESSIONAL_LICENCE.search(normalized):
        return None  # a nurse's or a teacher's licence is the board's number, no RMV's
    if _NO_BANKS_ACCOUNT.search(normalized):
        return None  # a clinic's "Patient Acct #", a utility's customer account
    # a header naming an SSN or a licence names it whatever words a policy gives its
    # own IDs ("License / State ID #" is the RMV's state ID, not a "state id" SASID)
    for pattern, entity in (*_GOVERNMENT_ID_RULES, *extra_patterns, *_COMPILED):
        if pattern.search(normalized):
            return entity
    return None


@functools.lru_cache(maxsize=4096)
def person_role(header: str) -> str:
    """'Guardian First Name' -> 'guardian'; 'Last Name' -> ''. Same role, same person."""
    words = _NAME_PARTS.sub(" ", normalize_header(header)).split()
    return " ".join(w.removesuffix("'s").removesuffix("\u2019s") for w in words)


_DATE = regex.compile(DATE_PATTERN, regex.IGNORECASE)
_EXCEL_DATE = regex.compile(r"^(19|20)\d{2}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")
# a system export's compact date (a birth date column's, so years of people): 20140203,
# or as old systems kept it, 02032014 and 020314 (a microfiche index's MMDDYY), or as an
# airline does, 18MAY2007 and 06FEB07
_COMPACT_DATE = regex.compile(
    r"^(?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:(?:19|20)\d\d|\d\d)"
    # ... and as an airline's name list writes one: 18MAY2007
    r"|(?:0?[1-9]|[12]\d|3[01])(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:19|20)?\d\d)$"
)
_DOTTED_WORDS = regex.compile(r"\p{L}{2}\.\p{L}{2}")
_PERSON_CELL = regex.compile(r"^[\p{L}][\p{L}'\u2019.,\- ]{0,60}$")
# (one end a letter alone: "Mi-Na" and "Bo-Ra" are given names)
_ALPHABET_RANGE = regex.compile(
    r"\p{Lu}[ ]?[-\u2013][ ]?\p{Lu}\p{Ll}{0,2}|\p{Lu}\p{Ll}{0,2}[ ]?[-\u2013][ ]?\p{Lu}"
)
_SSN_CELL = regex.compile(r"\d{3}[- ]?\d{2}[- ]?\d{4}")
_ID_CELL = regex.compile(r"[\w-]+")
_EXAMPLE_CELL = regex.compile(r"(?i)\b(?:example|e\.g\.|for instance|format)\b|mm/dd")
_PREFIXED_ID_CELL = regex.compile(r"[A-Za-z]{1,4}-?\d{4,10}")
_WORD_OF_3 = regex.compile(r"[A-Za-z]{3,}")
_ANY_DIGIT = regex.compile(r"\d")
_WORD_OF_2 = regex.compile(r"[A-Za-z]{2,}")
LEDGER_CODE_DASHES = 3
ID_DIGIT_SHARE = 0.6  # of an ID's letters and digits, at least, that are digits
_ACCOUNT_CELL = regex.compile(r"[\d -]{4,24}")
# A budget's account under a bare "Account" header: fund, function and object
# ("1000-2410-5500"); under "Bank Account" the same shape is taken for a bank's number
# (perhaps with a short project or location code after: "1000-9100-5620-00")
_BUDGET_CODE = regex.compile(r"\d{4}(?:-\d{4}){2,}(?:-\d{1,3})?")
_BARE_ACCOUNT = regex.compile(r"(?i)[ \t]*(?:account|acct)[ \t]*")


SHORT_ACCOUNT_DIGITS = 8  # fewer digits under a bare "Account" header: no bank's account


def a_budget_code(value: str) -> bool:
    """Whether `value` is a budget line's code: fund, function and object, "1000-2210-5100"."""
    return _BUDGET_CODE.fullmatch(value) is not None


def no_banks_account(header: str, value: str) -> bool:
    """Whether `value`, under a bare "Account" header, is no bank's account: a budget
    line's (fund, function and object), or a short number such as a meal system's account
    of a student ("acct 285305" in a cafeteria's POS export; a bank's has 8 digits or more,
    and a header that says "bank" or "checking" keeps a shorter one)."""
    if _BARE_ACCOUNT.fullmatch(header) is None:
        return False
    return a_budget_code(value) or sum(ch.isdigit() for ch in value) < SHORT_ACCOUNT_DIGITS


# (New Hampshire's three letters before eight digits too, "NHL09871234", and its older
# two digits, three letters and five digits, "09MRC41823")
# an international bank account number, whole or in groups of four (ISO 13616)
_IBAN_CELL = regex.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?")
_LICENSE_CELL = regex.compile(r"[A-Za-z]{0,3}[\d -]{6,16}|\d{2}[A-Za-z]{3}\d{5}")
_NOT_A_NAME = frozenset(
    {"n/a", "na", "none", "unknown", "tbd", "null", "-", "x", "yes", "no", "true", "false"}
    # (a coverage sheet's substitute not found yet)
    | {"unfilled", "vacant", "vacancy", "open", "pending"}
    # (how an order was paid, under "Paid By")
    | {"cash", "check", "cheque", "card", "credit card", "money order", "online"}
    # (how a contact is reached, under "Contact")
    | {"in person", "by phone", "phone", "email", "e-mail", "text"}
    # (what came of a contact: a collections log's "Contacted" of "no response")
    | {"no response", "no answer", "left message", "left voicemail"}
)


# The lower-case words of a name: "Ana de Souza", "Ludwig van Dyke"
NAME_PARTICLES = frozenset(
    {
        "da",
        "das",
        "de",
        "del",
        "della",
        "di",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "e",
    }
)


_INITIALS = regex.compile(r"(?:\p{L}\.[ ]?){1,4}|\p{L}|\p{Lu}{2,3}")
_SHORT_INITIALS = regex.compile(r"(?:\p{L}\.){1,3}|\p{Lu}{1,2}")


def initials_only(parts: Sequence[str]) -> bool:
    """Whether a name's parts are initials alone ("D.S.", a staff column's "RB", a middle
    initial whose row has no other name): no one is named by them. A surname in capitals
    ("NG") is one part of a name beside its given name, not the whole of one."""
    return all(
        _INITIALS.fullmatch(part.strip())
        # (two people's in one cell too: an approval column's "KL SC", though "HAI BUI" is
        # a name in capitals)
        or all(_SHORT_INITIALS.fullmatch(word) for word in part.split())
        for part in parts
    )


LOWER_NAME_WORDS = 4  # words, at most, of a name written in lower case ("maria de la cruz")


def cell_value_ok(entity: str, cell: str) -> bool:
    """Whether a cell has the shape of the entity its header promises."""
    value = cell.strip()
    if not value:
        return False
    if entity != "PERSON" and _EXAMPLE_CELL.search(value):
        return False  # a help page's "MM/DD/YYYY. Example: 04/15/2021" is no one's
    if entity == "PERSON":  # the most common column, and one whose digits do not matter
        return (
            bool(_PERSON_CELL.match(value))
            and value.lower() not in _NOT_A_NAME
            and len(value) > 1
            # a key or a file's name ("manifest.version", "file.classes"), not a name
            and not _DOTTED_WORDS.search(value)
            # a payee column of vendors ("Cintas Corporation"), a data handbook's "Name"
            # column of element names ("Low Income Status")
            and not names_no_one(value)
            and not placeholder_name(value)
            # a counselor's or a line's range of the alphabet: "A-Fa", "Ro-Z"
            and not _ALPHABET_RANGE.fullmatch(value)
            # a staff column's shorthand: "sub-AM" (a name in lower case is so throughout,
            # and "de Souza" has its space)
            and not (value[0].islower() and " " not in value and not value.islower())
            # ... or a phrase, a form's label read as a cell ("Hours this qtr"), its words
            # after the first in lower case, as no name's but a particle's are
            and not (
                value[0].isupper()
                and any(w[:1].islower() and w not in NAME_PARTICLES for w in value.split()[1:])
            )
            # ... or a word of shorthand before a name: a log's family column, "fam Batista"
            and not (
                value[0].islower()
                and value.split()[0] not in NAME_PARTICLES
                and any(w[:1].isupper() for w in value.split()[1:])
            )
            # ... or a note in lower case: a follow-up log's "waitlist", "parent to sign
            # release" (a name in lower case has a word the name lists know)
            and not (value.islower() and not any(is_listed_name(w) for w in value.split()))
            # ... or one in clauses or long, whatever names its words are: a fee log's
            # "cash - receipt copy attached" ("Cash" is a surname)
            and not (value.islower() and (" - " in value or len(value.split()) > LOWER_NAME_WORDS))
        )
    if entity == "US_SSN":
        return bool(_SSN_CELL.fullmatch(value)) and us_ssn(value)
    if entity == "DATE_OF_BIRTH":
        return bool(_DATE.search(value) or _EXCEL_DATE.match(value) or _COMPACT_DATE.match(value))
    number = digits(value)
    if entity == "STUDENT_ID":
        return (
            len(number) >= 4
            and len(value) <= 24
            and bool(_ID_CELL.fullmatch(value))
            and not_repeated(number)
            # a number, perhaps with a letter or two ("S12345") or a program's letters
            # before it ("ECC-4007"), not a section's code ("USH01-2-S2")
            and (
                len(number) >= ID_DIGIT_SHARE * sum(ch.isalnum() for ch in value)
                or bool(_PREFIXED_ID_CELL.fullmatch(value))
            )
            # nor an employer's tax number written as the IRS writes it: a 1099 file's
            # payer "StateID" 04-6001234
            and not _EIN_CELL.fullmatch(value)
        )
    if entity == "PHONE_NUMBER":
        return 7 <= len(number) <= 15 and not _WORD_OF_3.search(value) and not no_ones_phone(value)
    if entity == "EMAIL_ADDRESS":
        # a mailbox, perhaps with its owner's name ("Ana Ruiz <aruiz@...>"), not one and
        # another number ("...@gmail.com; MA license S48203917"): that cell is read as an
        # untyped cell is, each value for what it is
        rest, taken = [], 0
        for hit in EMAIL_ADDRESS.find(value):
            rest.append(value[taken : hit.start])
            taken = hit.end
        rest.append(value[taken:])
        return len(rest) > 1 and not any(ch.isdigit() for ch in "".join(rest))
    if entity == "STREET_ADDRESS":
        return bool(_ANY_DIGIT.search(value) and _WORD_OF_2.search(value)) and len(value) >= 6
    if entity == "US_BANK_NUMBER":
        # (a family abroad wires tuition from its IBAN, "DE27680501010012884731": the
        # column says it is an account, as it does of a number without its check digits)
        return bool(_IBAN_CELL.fullmatch(value)) or (
            bool(_ACCOUNT_CELL.fullmatch(value))
            and 4 <= len(number) <= 17
            # a test file's "9999999991", a form's "0000000001": fillers, no one's (a real
            # account may repeat a digit more often than a form's number would: "11139111")
            and max(map(number.count, set(number))) < len(number) - 1
            # "1000-2305-5110-310" is a budget line (fund, function, object, location)
            and value.count("-") < LEDGER_CODE_DASHES
        )
    if entity == "ABA_ROUTING_NUMBER":
        return aba_routing(value)
    if entity == "US_DRIVER_LICENSE":  # a bare six digits is an educator's licence (DESE)
        return (
            (len(number) >= 7 or value[:1].isalpha())
            and bool(_LICENSE_CELL.fullmatch(value))
            and not_repeated(number)
            and not _EXCEL_DATE.match(value)  # an expiry date in the licence's column
        )
    if entity == "CREDIT_CARD":
        return 12 <= len(number) <= 19 and luhn(number) and not_a_test_card(number)
    return True
