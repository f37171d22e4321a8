"""Words that are never part of a person's name, in the places names are looked for.

An organisation's word ("Cintas Corporation", "Harmon Middle School") and a form's
label ("First Name", "IEP Dates") are capitalised like names and sit where names
sit: in a payee column, in a labelled field, in what NER calls a person.
"""

from __future__ import annotations

import re

from scanners.recognizers.names import is_listed_name, is_place

_WORD = re.compile(r"[^\W\d_]+")

ORG_WORDS = frozenset(
    {
        "administration",  # a building's: "bring it to the Administration Bldg"
        "counseling",  # an outside provider: "Blackstone Valley Family Counseling"
        "regional",  # a hospital's: "Milford Regional ED"
        "bldg",
        "building",
        "academy",
        "agency",
        "associates",
        "association",
        "athletics",
        "bank",
        "board",
        "bureau",
        "center",
        "centre",
        "church",
        "city",
        "clinic",
        "club",
        "co",
        "college",
        "commission",
        "committee",
        "company",
        "corp",
        "corporation",
        "council",
        "county",
        "department",
        "dept",
        "district",
        "division",
        "elementary",
        "enterprises",
        "foundation",
        "fund",
        "group",
        "high",
        "hospital",
        "inc",
        "institute",
        "international",
        "llc",
        "llp",
        "ltd",
        "markets",
        "media",
        "middle",
        "ministry",
        "office",
        "partners",
        "payroll",
        "press",
        "program",
        "public",
        "services",
        "school",
        "schools",
        "society",
        "software",  # a vendor's name: "FitStats Software" on its invoice
        "solutions",
        "systems",
        "team",
        "technologies",
        "trust",
        "union",
        "united",
        "university",
        # a publisher's legal name before its trade name: "ProLiteracy Worldwide"
        "worldwide",
        "global",
    }
)
# Words of a form's labels, never part of a person's name: "Name: First Name" in a blank
# form or a data handbook, "IEP Dates" that NER takes for a person.
FORM_WORDS = frozenset(
    {
        "docket",  # a records request's "Court ____  Docket No. ____"
        "purchase",  # an invoice's "Purchase Order: PO 24-001652", which NER takes for a name
        "mtg",  # a discipline log's "Parent contact" of "Mtg" (a meeting)
        # a pay stub's labels, which NER takes for names: "Fed Filing: Single", "Retro
        # Pay - Step Adj", "Description Current YTD"
        "filing",
        "retro",
        "description",
        "step",  # a reading program's level: "Wilson Step 3"
        "cert",  # a cumulative record's "Verified by: Birth Cert. [X]"
        "certificate",
        "retention",  # a policy's "Massachusetts Statewide Records Retention Schedule"
        "statewide",
        "cardholder",  # a payment guide's sample card: "Name on card: TEST CARDHOLDER"
        "acct",  # a billing sheet's sub-heading in its name column: "Family Acct"
        "plan",  # an evaluation form's "Educator Plan", a data layout's "Plan"
        "address",
        "all",
        "assigned",
        "checklist",
        "registration",
        "section",
        "clerks",
        "families",
        "parents",
        "principals",
        "staff",
        "teachers",
        "date",
        "dates",
        "education",
        "email",
        "entering",
        "example",
        "id",
        "identifier",
        "income",
        "information",
        "language",
        "languages",
        "medication",
        "medications",
        "name",
        "names",
        "number",
        "phone",
        "position",
        "privacy",
        "results",
        "sample",
        "security",
        "signature",
        "status",
        # a table's totals row, its word in the name column: "TOTAL", "Subtotal"
        "total",
        "totals",
        "subtotal",
        "student",
        "students",
        # a family's form's words, never a name's: "Nimewo Sekirite Sosyal", "Kesyon Repons"
        "nimewo",
        "kesyon",
        "repons",
        "sekirite",
        "sosyal",
        "siyati",
        "número",
        "firma",
        "fecha",
        "pregunta",
        "respuesta",
        "assinatura",
        "endereço",
        "telefone",
        # an IEP's disability category, a signature block's "Witness" or "Relationship"
        "disability",
        "disabilities",
        "witness",
        "relationship",
        "role",
        # a form's answer column beside its labels: "Child legal name | Yes | As shown"
        "yes",
        # an import template's sample row: "FIRST LAST", "LAST, FIRST"
        "first",
        "last",
        "firstname",
        "lastname",
        # a system's error, which NER takes for a name: "Duplicate SASID (0221)"
        "sasid",
        "lasid",
        "duplicate",
        # a document's own title, which NER takes for a name: "Absence Note", "FY25 Adult
        # Ed budget", "Transcript Request"
        "note",
        "notes",
        "memo",
        "request",
        "report",
        "budget",
        "absence",
        "adult",
        # a plan's type, as a form's options name it: "[ ] Initial [ ] Annual Review"
        "review",
        "re-evaluation",
        "reevaluation",
        # a gradebook's rows of points and averages, the word in its name columns:
        # Canvas's "Points Possible", Google Classroom's "Average" (and "Points" alone:
        # `GRADEBOOK_ROWS`)
        "possible",
        "average",
        # a camp form's section, "Photo Release", and a trip's "Liability Waiver"
        "release",
        "waiver",
    }
)
# The organisation words no surname shares ("Church", "Hall" and "Bank" are surnames as
# well): a name holding one is a company's, an institution's or an office's ("Accounts
# Payable", "Guidance FAX"), wherever it stands.
COMPANY_WORDS = frozenset(
    {
        "co",  # "W.B. Mason Co." read without its period
        "assn",  # a league's: "Hudson Youth Soccer Assn" among a bank reconciliation's payees
        "publishing",  # a publisher's: "Paul H. Brookes Publishing Co."
        "publishers",
        "lines",  # a bus company's: "Bay State Coach Lines"
        "energy",  # a utility's: "Eversource Energy" on a check register
        "parts",  # a supplier's: "Commonwealth Bus Parts"
        # a physician's practice, as a physicals list's "Provider" gives it: "Merrimack
        # Valley Peds", "Lowell Community Health Ctr", "Holy Family Sports Med"
        "ctr",
        "health",
        "healthcare",
        "med",
        "medical",
        "medicine",
        "peds",
        "pediatric",
        "pediatrics",
        "clinic",
        "hospital",
        "practice",
        "minuteclinic",
        "administration",  # a building's: "bring it to the Administration Bldg"
        # a payment service, an award ("The Heather Johnson Memorial Scholarship")
        "venmo",
        "paypal",
        "zelle",
        "scholarship",
        "award",
        "memorial",
        "counseling",
        "regional",
        "bldg",
        "building",
        "academy",
        "agency",
        "associates",
        "association",
        "collaborative",
        "college",
        "company",
        "corp",
        "corporation",
        "department",
        "dept",
        "district",
        "enterprises",
        "fax",
        "foundation",
        "group",
        "inc",
        "institute",
        "llc",
        "llp",
        "ltd",
        "office",
        "partners",
        "payable",
        "receivable",
        "school",
        "schools",
        # a school's own name: "Hawthorne Elementary", "Early Childhood Center"
        "elementary",
        "elem",  # ... and its shorthand: "Bennett Elem", "E. Pole Elem"
        "center",
        "centre",
        "campus",
        "preschool",
        "montessori",
        "charter",
        "service",
        "services",
        "software",
        "solutions",
        "systems",
        "technologies",
        "university",
        # a system's: "re-key via Virtual Terminal", "Aspen Family Portal"
        "terminal",
        "portal",
        # a resource list's agencies: "Riverview Family Shelter", "Emergency Assistance"
        "shelter",
        "pantry",
        # a district's own shops: "order from Print Shop", "Copy Center"
        "shop",
        "assistance",
        "housing",
        # a vendor's contact given as its desk, a pension board's name: "Renewals Team",
        # "Municipal Unit", "Ashworth Contributory Retirement System"
        "team",
        "unit",
        "system",
        "retirement",
        # a PD provider's name on a licensure log: "Massachusetts Historical Society"; a
        # student activity account's, "Drama Guild"
        "society",
        "guild",
        # a merchant on a purchasing card statement: "BJS WHOLESALE #0112"; a teenager's
        # employer on a work permit request, "Cumberland Farms"
        "wholesale",
        "farm",
        "farms",
        # a payroll system named for its maker: "Tyler Munis" on a garnishment export
        "munis",
        # a health claim's payer: "MASSHEALTH", "BCBSMA", "Tufts HP", and its kind,
        # "Commercial", on a school-based health center's claims and payer mix
        "masshealth",
        "medicaid",
        "medicare",
        "tricare",
        "bcbs",
        "bcbsma",
        "hp",
        "commercial",
    }
)
# The names forms and training slides use for no one.
PLACEHOLDER_NAMES = frozenset(
    {"jane doe", "john doe", "jane q. doe", "john q. doe", "jane q. public", "john q. public"}
    # ... and a vendor's mock-up's or a form's sample: "Jane Sample", "Jane Q. Sample"
    | {"jane sample", "john sample", "jane q. sample", "john q. sample"}
)


def names_a_place(value: str) -> bool:
    """Whether a name-shaped value is a place's name ("Costa Rica", "Sierra Leone", "New
    York"), as a registration's country of birth or NER's mistake writes it. A single
    word that is also a name on the Census lists ("Jordan", "Georgia") may be a person."""
    lowered = " ".join(value.lower().split())
    if not is_place(lowered):
        return False
    return " " in lowered or not is_listed_name(value.strip().title())


# A school's subjects and programmes, and its offices' short names: a newsletter's
# programme column ("Summer Reading", "STEM, Art"), a calendar's owner ("Testing Coord.")
PROGRAM_WORDS = frozenset({"reading", "stem", "lab", "guidance", "coord"})
# ... and a job or an office in a work order's or a payee column, as staff shorten them:
# "Asst Prin WHS", "Food Svc Dir", "Facilities-Carp", "Comm Ed", "Van Driver", and the
# agencies a payroll office remits to ("MA DOR CSE", "NH SDU", "Norfolk Cty Sheriff")
OFFICE_WORDS = frozenset(
    {
        "asst",
        "prin",
        "dir",
        "svc",
        "svcs",
        "facilities",
        "athletics",
        "carp",
        "comm",
        "para",
        "driver",
        "license",
        "dor",
        "cse",
        "sdu",
        "irs",
        "sheriff",
        "cty",
        # ... and those a records office releases to: "UMass Lowell Admissions", "US Army
        # Recruiting Stn Lawrence"
        "admissions",
        # a memo's "CC: Human Resources - CORI file"
        "resources",
        "recruiting",
        # a log's requester who is a desk: "Records Desk", "Front Desk"
        "desk",
        # ... or an agency: "Massachusetts DESE - PRS", "Essex County Juvenile Court -
        # Probation" on a FERPA disclosure log
        "dese",
        "juvenile",
        "probation",
        # a letter's copy to a file: "cc: Personnel File; Gregory Fenn, NBEA President"
        "personnel",
        # a town's department, as an accident report's subrogation packet names it
        "police",
    }
)
# Languages, as an interpreters' log or an invoice names them beside a site: "Nepali Oak
# Hill" is no one ("English" and "French" are surnames too, so are not here)
LANGUAGE_WORDS = frozenset(
    {
        "amharic",
        "arabic",
        "bengali",
        "cantonese",
        "chinese",
        "creole",
        "dari",
        "farsi",
        "haitian",
        "hindi",
        "japanese",
        "khmer",
        "korean",
        "kreyol",
        "mandarin",
        "nepali",
        "pashto",
        "portuguese",
        "punjabi",
        "russian",
        "somali",
        "spanish",
        "swahili",
        "tagalog",
        "tigrinya",
        "ukrainian",
        "urdu",
        "vietnamese",
    }
)


_NO_ONES_WORDS = FORM_WORDS | COMPANY_WORDS | LANGUAGE_WORDS | PROGRAM_WORDS | OFFICE_WORDS


# A gradebook's row of points under its name columns, as Google Classroom's export
# heads its assignments' "Points": a whole value only ("Zak Points" is a person)
GRADEBOOK_ROWS = frozenset({"points", "points possible", "max points"})
# A rating in a column a phrase heads: an evaluation export's "Std II: Teaching All
# Students" of "Proficient" and "Needs Improvement" (the four ratings of the state's
# educator evaluation, and its test's achievement levels). A whole value only.
RATINGS = frozenset(
    {
        "exemplary",
        "proficient",
        "needs improvement",
        "unsatisfactory",
        "advanced",
        "exceeding expectations",
        "meeting expectations",
        "partially meeting expectations",
        "not meeting expectations",
    }
)
# Firms named for men that a district's files name: the teachers' insurer and 403(b)
# vendor of a deduction file's "Vendor" column ("HORACE MANN", whom many a school is named
# for too), a health plan of a claims file's "Payer". A whole value only. (Not a broker
# named for a man whose name is common, as "Edward Jones" is: that is someone's name on
# a district's files.)
FIRMS_NAMED_FOR_PEOPLE = frozenset({"horace mann", "harvard pilgrim"})
# Who did something, named by a role instead of a name: a referral log's "Referred By"
# column of "Teacher", "Self", "Peer", "Parent". Only a whole value: "Sarah Parent" and
# "Ana Self" are people.
ROLES_ALONE = frozenset(
    {
        "self",
        # a counseling referral log's "Referred By"
        "self-referral",
        "self referral",
        # a claims file's "Payer"
        "self-pay",
        "self pay",
        "peer",
        "peers",
        "parent",
        "parents",
        "guardian",
        "family",
        "friend",
        "sibling",
        "teacher",
        "staff",
        "student",
        "counselor",
        # who a student was released to: "Mother" under a crisis log's "Released To"
        "mother",
        "father",
        "mom",
        "dad",
        "grandmother",
        "grandfather",
        "aunt",
        "uncle",
        "evaluator",  # an observation form's label read as a name column's cell
        "educator",
        "observer",
        "nurse",
        "admin",
        "administrator",
        "principal",
        # a requisition's approver by title: "Approved: Business Manager (e-sig)"; a
        # follow-up's "Responsible": "Nurse Leader"
        "business manager",
        "nurse leader",
        "coach",
        "police",
        "anonymous",
        "other",
        "unknown",
    }
)


# Whole values that name no one, one set to look in
_NO_ONES_VALUES = ROLES_ALONE | GRADEBOOK_ROWS | RATINGS | FIRMS_NAMED_FOR_PEOPLE


def organisation_word(word: str) -> bool:
    """Whether a capitalised word is an organisation's, an office's or a company's: the
    word after a name that makes it theirs ("Bay State Coach Lines")."""
    lowered = word.lower().rstrip(".")
    return lowered in ORG_WORDS or lowered in COMPANY_WORDS or lowered in OFFICE_WORDS


def names_no_one(value: str) -> bool:
    """Whether a name-shaped value is no person's: a placeholder ("Jane Doe"), a role
    alone ("Self", "Teacher"), a place's name ("Costa Rica"), or a value holding a
    form's word ("First Name") or a company's ("Cintas Corporation")."""
    lowered = value.lower()
    # ... in either order ("DOE, JANE" in a training slide's sample)
    surname, comma, given = lowered.partition(",")
    swapped = f"{given.strip()} {surname.strip()}" if comma else lowered
    return (
        lowered in PLACEHOLDER_NAMES
        or swapped in PLACEHOLDER_NAMES
        or lowered.strip() in _NO_ONES_VALUES
        or any(word in _NO_ONES_WORDS for word in _WORD.findall(lowered))
        or names_a_place(value)
    )
