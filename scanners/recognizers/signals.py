"""Document-level signals: what a text is about, not a value in it.

A student's record without any identifier is still a record ("Astrid's IEP
accommodations..."), and a birth date means FERPA only in a document about
students. Each signal is a weighted vocabulary; a term counts once however
often it appears, so a long newsletter that says "students" forty times is
no more a record than one that says it once.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from scanners.recognizers.base import trie_alternation
from scanners.recognizers.names import is_given_name, is_listed_name
from scanners.recognizers.prefilter import prefiltered, prefiltered_if_possible

STRONG = 0.4
WEAK = 0.15
EMIT_AT = 0.5
LISTED_PEOPLE_EVIDENCE = 2 * STRONG  # education terms that make a list of names a record
CAP = 0.95


@dataclass(frozen=True, slots=True)
class Vocabulary:
    entity: str
    strong: tuple[str, ...]
    weak: tuple[str, ...]

    def compiled(self) -> re.Pattern[str]:
        # The standard `re`: it scans for a list of words two to three times faster than
        # `regex`, and literals cannot backtrack (see `base.words_regex`).
        alternatives = trie_alternation((*self.strong, *self.weak))
        return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z])")


# Tests of a child's abilities and behaviour that a school psychologist or a speech
# therapist gives for a special-education evaluation
_PSYCHOEDUCATIONAL_TESTS = (
    "wisc",
    "wisc-v",
    "wppsi",
    "fsiq",
    "ktea",
    "ktea-3",
    "wiat",
    "wiat-4",
    "woodcock-johnson",
    "wj-iv",
    "basc",
    "basc-3",
    "celf",
    "celf-5",
    "ctopp",
    "vineland",
    "conners",
)

EDUCATION = Vocabulary(
    "EDUCATION_RECORD",
    strong=(
        # a nurse's or a therapist's services to a student, billed to MassHealth (its
        # remittance lists the students as "members")
        "school-based medicaid",
        "school based medicaid",
        "iep",
        "ieps",
        # an IEP's summer services (ESY), owed to the students whose plans say so
        "extended school year",
        "individualized education program",
        "individualized education plan",
        "504 plan",
        "section 504",
        "a 504",
        "report card",
        "report cards",
        "transcript",
        "gpa",
        "grade point average",
        "progress report",
        "accommodations",
        "accommodation",
        "special education",
        "sped",
        "nurse's note",
        "nurse note",
        "nurse notes",
        "nurse's office",
        "health office",
        "health plan",
        "individual health plan",
        "allergy action plan",
        "medication administration",
        "immunization record",
        "immunization records",
        "vaccine",
        "vaccines",
        "vaccination",
        "vaccinations",
        "tdap",
        "menacwy",
        "varicella",
        "mmr",
        "exclusion letter",
        "exclusion letters",
        "immunizations",
        "disciplinary",
        # a bullying investigation under M.G.L. c. 71, s. 37O ("HIB-24-017"): a pupil's
        "hib",
        "bullying investigation",
        "bullying investigations",
        "bullying incident",
        "bullying report",
        "suspension",
        "suspended",
        "behavior intervention plan",
        "behavior plan",
        # a student's housing status, which the McKinney-Vento Act has the district keep
        # (a transport vendor's invoice of "school-of-origin" rides from shelters)
        "mckinney-vento",
        "mckinney vento",
        "mcas",
        "psychological evaluation",
        "neuropsychological evaluation",
        "independent educational evaluation",
        # a special-education dispute's terms: a hearing before the Bureau of Special
        # Education Appeals, and the services a settlement owes the child
        "bsea",
        "compensatory services",
        "compensatory tutoring",
        "compensatory education",
        "speech therapy",
        "occupational therapy",
        "final grade",
        "quarter grade",
        "term grade",
        "semester grade",
        "grades",
        "honor roll",
        "reading level",
        "evaluation results",
        "team meeting",
        "service delivery",
        "counseling notes",
        "counselor notes",
        "counseling referral",
        # a counselor's notes on one child's safety and plans
        "safety plan",
        "safety assessment",
        "risk assessment",
        "per 504",
        "504 meeting",
        "504 review",
        "reason for referral",
        "credits earned",
        "credit audit",
        "transcript",
        "transcripts",
        "attendance record",
        "truancy",
        "health screening",
        "vision screening",
        "rescreen",  # a screening's result for one child
        "rescreened",
        "diagnosis",
        "diagnosed",
        "epinephrine",
        "epipen",
        "inhaler",
        "medication authorization",
        "medication order",
        "medication",
        "medications",
        "allergy",
        "allergies",
        "asthma",
        "seizure",
        "seizures",
        "diabetes",
        "insulin",
        "adhd",
        "autism",
        "dyslexia",
        "disability",
        "disabilities",
        "concussion",
        "concussions",
        "head injury",
        "return to play",
        "physician clearance",
        "diabetic",
        "hearing impaired",
        "visually impaired",
        "sent home by nurse",
        "fever",
        "strep",
        "strep throat",
        "head lice",
        "hospitalized",
        "eating disorder",
        "home/hospital",
        "home and hospital",
        "discipline investigation",
        "discipline hearing",
        "discipline incident",
        # a discipline note's shorthand: "1 day ISS", "OSS 2 days"
        "iss",
        "oss",
        # a child's custody, as the office keeps it with his dismissals
        "custody alert",
        "custody alerts",
        "custody order",
        "restraining order",
        "no contact order",
        "no-contact order",
        # a counselor's notes on one child's mental health
        "generalized anxiety",
        "social anxiety",
        "panic attacks",
        "selective mutism",
        "school refusal",
        "tardies",
        "tardy report",
        "credit recovery",
        "has been absent",
        "days absent",
        "unexcused absences",
        "attendance meeting",
        "bip",
        "behavior intervention plan",
        "check-in/check-out",
        "elopement",
        "discipline referral",
        "office referral",
        "missing assignments",
        "missing work",
        "schedule change",
        "course placement",
        # MCAS achievement levels, as a student's results give them
        "not meeting expectations",
        "partially meeting expectations",
        "exceeding expectations",
        "not meeting",
        "partially meeting",
        "scaled score",
        "return-to-play",
        "return to play",
        "tutoring log",
        "anaphylaxis",
        "medical conditions",
        "medical condition",
        "medical needs",
        "medical form",
        "health conditions",
        "incident report",
        "class rank",
        "academic eligibility",
        "academically ineligible",
        "ranked",
        "ap courses",
        "ap scores",
        "ap exam",
        "student support team",
        "tier 2",
        "tier 3",
        "chronic absence",
        "chronically absent",
        "special education evaluation",
        "referred for evaluation",
        # reading and interim assessments, as a teacher's tracker names them
        "guided reading",
        "reading group",
        "reading groups",
        "f&p",
        "fountas",
        "dibels",
        "acadience",
        "i-ready",
        "iready",
        "lexile",
        "map growth",
        "rit score",
        "wcpm",
        "orf",
        "oral reading fluency",
        "cico",
        "mtss",
        "running record",
        "running records",
        "benchmark assessment",
        # an early-childhood developmental screening's
        "asq-3",
        "developmental screening",
        "benchmarked",
        "reading intervention",
        "math intervention",
        "wida",
        "access for ells",
        "english learner",
        "ell status",
        "lep",
        # related services, as a therapist's log writes them
        "slp",
        "speech-language",
        "speech and language",
        "articulation",
        "pragmatics",
        "related services",
        # ... and the therapies a provider bills for by the child ("BCBA consult", "OT
        # (direct)")
        "bcba",
        "aba therapy",
        "applied behavior analysis",
        "occupational therapy",
        "physical therapy",
        # a child placed out of the district by his IEP team (603 CMR 28.06)
        "out-of-district placement",
        "out of district placement",
        "ood placement",
        "603 cmr 28",
        "service log",
        "session notes",
        "service minutes",
        # school meals: eligibility is confidential (42 U.S.C. 1758) and kept with the record
        "free/reduced",
        "free and reduced",
        "free or reduced",
        "free lunch",
        "reduced lunch",
        "reduced-price",
        "reduced price",
        "free meals",
        "categorical eligibility",
        "meal eligibility",
        "reduced status",
        "free status",
        "meal benefits",
        "direct certification",
        "directly certified",
        # the same words in the letters and notes of the district's families' languages
        # (Spanish, Portuguese, Haitian Creole, Vietnamese, Chinese)
        *(
            "boleta de calificaciones",
            "libreta de calificaciones",
            "calificaciones",
            "ausencias",
            "inasistencias",
            "plan 504",
            "plan de educación individualizado",
            "programa de educación individualizado",
            "educación especial",
            "boletim escolar",
            "boletim",
            "plano 504",
            "plano educacional individualizado",
            "educação especial",
            "kanè",
            "bilten",
            "absans",
            "edikasyon espesyal",
            "học bạ",
            "bảng điểm",
            "phiếu điểm",
            "vắng mặt",
            "giáo dục đặc biệt",
            "kế hoạch 504",
            "成绩单",
            "成績單",
            "缺勤",
            "缺席",
            "特殊教育",
            "个别化教育计划",
        ),
    ),
    weak=(
        # (a custody note's: "ONLY mother may pick up per court order on file")
        "court order",
        "nurse",
        "condition",
        "attendance",
        "tutoring",
        "struggling",
        "failing",
        "test",
        "read aloud",
        "quiz",
        "retake",
        "homework",
        "absences",
        "absent",
        "tardy",
        "semester",
        "quarter",
        "goal",
        "goals",
        "progress",
        "services",
        "therapy",
        "counseling",
        "counselor",
        "behavior",
        "detention",
        "assessment",
        "scores",
        "score",
        "extended time",
        "preferential seating",
        "teacher comments",
        "comments",
        "conduct",
        "math",
        "reading",
        "science",
        "ela",
        "absence",
        "intervention",
        "referral",
        "referred",
        "evaluation",
        "incident",
        "meal account",
        "meal accounts",
        "meal balance",
        "lunch account",
        "lunch accounts",
        *(
            "faltas",
            "faltado",
            "ausente",
            "suspendido",
            "suspensión",
            "tutoría",
            "notas",
            "reprovou",
            "suspenso",
            "tutoria",
            "nòt",
            "điểm",
            "成绩",
        ),
    ),
)

STUDENT = Vocabulary(
    "STUDENT_CONTEXT",
    strong=(
        "student",
        "students",
        "pupil",
        "pupils",
        "grader",  # "another 9th grader"
        "graders",
        "caseload",
        # what only a student is given: an attendance clerk's "lunch detention 10/9", a
        # teacher's log's "lunch det", "1 day ISS", a student support team's meeting
        "detention",
        "lunch det",
        "iss",
        "oss",
        "in-school suspension",
        "out-of-school suspension",
        "sst",
        "student support team",
        "truant",
        "truancy",
        # in the families' languages (as EDUCATION's)
        "estudiante",
        "estudiantes",
        "alumno",
        "alumna",
        "aluno",
        "aluna",
        "elèv",
        "học sinh",
        "学生",
        "sasid",
        "lasid",
        "sasids",
        "lasids",
        "homeroom",
        "guardian",
        "guardians",
        "parent/guardian",
        "enrolled",
        "enrollment",
        "enrolment",
        "grade level",
        "class of",
        "kindergarten",
        "pre-k",
        "student services",
        "case manager",
        "student id",
        "student name",
        "student number",
        "learner",
        "athlete",
        "athletes",
        "child's",
        "your child",
        # only students have them (an employee has a review, not a report card)
        "progress report",
        "report card",
        "parent/teacher conference",
        "parent-teacher conference",
        # a psychologist's test battery, as an evaluation's score sheet heads its columns
        *_PSYCHOEDUCATIONAL_TESTS,
        # plans, tiered supports and assessments that no one but a student is given
        "iep",
        "ieps",
        "504 plan",
        "ell",
        "english learner",
        "mtss",
        *_PSYCHOEDUCATIONAL_TESTS,
        "dibels",
        "acadience",
        "i-ready",
        "iready",
        "f&p",
        "fountas",
        "guided reading",
        "reading group",
        "reading groups",
        "wida",
        # after a concussion, a student returns to learn, an adult to work
        "return-to-learn",
        "return to learn",
        # a year of graduation is a student's: "YOG 2027", a credit check's
        "yog",
        "year of graduation",
        # a school's file of one pupil, kept for decades: the records office's words
        "permanent record",
        "permanent records",
        "cumulative record",
        "cumulative records",
        "cumulative folder",
        "cum folder",
        "cum file",
        "mcas",
        # an adult education program's learners sit the high school equivalency test
        "hiset",
        "high school equivalency",
        # a school issues a minor's permit to work (M.G.L. c. 149, s. 86): the pupil's
        "youth employment permit",
        "youth employment permits",
        "youth work permit",
    ),
    weak=(
        "parent",
        "parents",
        "teacher",
        "school",
        "principal",
        "class",
        "grade",
        "classroom",
        "elementary",
        "my kids",  # a parent's mail: "each of my kids lunch accounts"
        "middle school",
        "high school",
        "upper school",
        "school year",
        "field trip",
        "mother",
        "father",
        "child",
        "son",
        "daughter",
    ),
)

EMPLOYEE = Vocabulary(
    "EMPLOYEE_CONTEXT",
    strong=(
        "employee",
        "employees",
        "payroll",
        "new hire",
        "new-hire",
        "onboarding",
        "w-4",
        "w4",
        "i-9",
        "i9",
        "direct deposit",
        "salary",
        "wages",
        "wage",
        "human resources",
        "personnel",
        "hire date",
        "date of hire",
        "employment",
        "employer",
        "job title",
        "position title",
        "benefits enrollment",
        "pay rate",
        "pay period",
        "withholding",
        "staff id",
        "employee id",
        "employee number",
        "payroll id",
        "retirement",
        "mtrs",
        "position",
        "dese license",
        "educator license",
        "cori",
        "background check",
        "fingerprinting",
        "bargaining unit",
        "collective bargaining",
        "open enrollment",
        "plan year",
        "medical plan",
        "dental plan",
        "coverage",
        "dependents",
        "beneficiary",
        "benefits census",
        "fte",
        # a payroll or benefits export's own words and abbreviations
        "emp #",
        "emp no",
        "emp id",
        "emp number",
        "empno",
        "dental",
        "hmo",
        "ppo",
        "life insurance",
        "dep ssn",
        "travel reimbursement",
        "mileage",
        # a staff absence system's (Frontline's) reasons and fills: only staff take
        # them, and only staff are replaced by substitutes
        "jury duty",
        "personal day",
        "professional day",
        "sub required",
        "no sub required",
        "fill status",
        "absence management",
        "frontline",
        "sub coverage",
        # an educator's evaluation under the state's framework: his plan, his evaluator's
        # observations, the platform they are filed in
        # (not "educator" alone: an IEP's Team has its "special educator")
        "educator plan",
        "educator evaluation",
        "directed growth plan",
        "self-directed growth plan",
        "developing educator plan",
        "formative evaluation",
        "summative evaluation",
        "unannounced observation",
        "announced observation",
        "teachpoint",
        # ... and the superintendent's, by the committee, under the same regulation
        "summative rating",
        "superintendent's evaluation",
        "superintendent's annual evaluation",
        "superintendent evaluation",
        "603 cmr 35",
        # a staff member's leave: the law's and the state's programme's names for it
        "parental leave",
        "leave of absence",
        "fmla",
        "pfml",
        "dfml",
        # a volunteer's background-check form is an adult's, not a student's
        "volunteer",
        "volunteers",
        # an employee's benefits: his children are his dependents, not our students
        "dependents",
        "dependent verification",
        "dependent eligibility",
        "subscriber",
        # a contractor's agreement and payment form: the person paid, not a student
        "independent contractor",
        "contractor",
        "taxpayer id",
        "w-9",
        "w9",
        "1099",
        # ... and a 1099 file's columns for its payees ("PAYEE_NAME | TIN_TYPE | TIN")
        "tin type",
        "payee name",
        # hiring: an interview panel's scores of a posting's candidates, their references
        "job posting",
        "applicant",
        "applicants",
        "applicant tracking",
        "interview panel",
        "panel interview",
        "teacher interviews",
        "reference check",
        "demo lesson",
    ),
    weak=(
        "staff",
        "department",
        "supervisor",
        "contract",
        "stipend",
        "hr",
        "benefits",
        "union",
        "paycheck",
        "tax",
        "federal",
        "start date",
        "substitute",
        "bereavement",
        "interview",
        "interviews",
        "candidate",
        "candidates",
        "panelist",
    ),
)

VOCABULARIES: tuple[Vocabulary, ...] = (EDUCATION, STUDENT, EMPLOYEE)
_COMPILED = {v.entity: v.compiled() for v in VOCABULARIES}
_WEIGHTS = {
    v.entity: {**{w: WEAK for w in v.weak}, **{w: STRONG for w in v.strong}} for v in VOCABULARIES
}
# Found by the detector, not in the words (see `DocumentDetector._school_age_birth_date`):
# a child's birth date in a district's file says "student" on its own.
SCHOOL_AGE_BIRTH_DATE = "a school-age birth date"
_WEIGHTS[STUDENT.entity][SCHOOL_AGE_BIRTH_DATE] = EMIT_AT
# ... and a table of students by their IEP or 504 plans is a record of each
STUDENTS_PLANS = "a column of students' plans"
_WEIGHTS[EDUCATION.entity][STUDENTS_PLANS] = EMIT_AT
# ... and so is a named student's own plan, noted by his name (`_NAMED_PLAN_NOTE`)
NAMED_STUDENTS_PLAN = "a named student's plan"
_WEIGHTS[EDUCATION.entity][NAMED_STUDENTS_PLAN] = EMIT_AT
# ... and so is a list of names headed by their absence ("ABSENT (full day)")
STUDENTS_ABSENCES = "a list of names by their absence"
_WEIGHTS[EDUCATION.entity][STUDENTS_ABSENCES] = EMIT_AT
# ... and a list of names by their meal status (free, reduced, paid): a school lunch
# program's, whose free and reduced-price meals only students have
MEAL_STATUSES = "a column of names' meal statuses"
_WEIGHTS[EDUCATION.entity][MEAL_STATUSES] = EMIT_AT
_WEIGHTS[STUDENT.entity][MEAL_STATUSES] = EMIT_AT
# ... and a table led by its staff's names, with no column of students, is about them
A_STAFF_TABLE = "a table led by its staff"

# Labels that say a text is about one particular person (a form, a note, a record),
# not about students in general (a newsletter, a handbook). The spaces are bounded: with
# `\s*` twice, "student" and a long run of spaces took time quadratic in the run.
#
# These shapes, and the letters' and notes' patterns below, are compiled with `regex`:
# it seeks a pattern's literal words before trying it at each place, and scans a text
# for them two to four times faster than `re` (one alternation of them all was slower
# than the shapes one by one).
# A slide's or a log's heading, a person and her number after a "#": "Marisol Ortega
# (#263511)" (the given name listed: a menu's "Cheese Pizza (#40117)" is a dish)
_NAMED_WITH_HASHED_NUMBER = regex.compile(
    r"(?<![\p{L}'\u2019-])(\p{Lu}\p{Ll}+)(?: \p{Lu}\.?)? \p{Lu}[\p{L}'\u2019-]+"
    r"[ \t]{1,4}\(#[ \t]?\d{5,10}\)"
)
_RECORD_SHAPES = tuple(
    prefiltered_if_possible(regex.compile(shape, regex.VERSION0))
    for shape in (
        # a label, not prose: "related to a student: grades" in a handbook is no form
        # (nor a signature block's "Printed name:", a contract's signer or contact, nor a
        # training's "Example: Student # 000000")
        r"(?<![a-z])(?<!\ba )(?<!\bthe )(?<!\beach )(?<!\bany )(?<!\bevery )"
        r"(?<!\bexample:?[ \t]{1,3})(?<!\bsample:?[ \t]{1,3})(?<!\be\.g\.,?[ \t]{1,3})"
        r"(?<!\bprinted )(?<!\bprint )(?<!\btyped )(?<!signatory )(?<!signatory_)"
        r"(?<!\bsigner )(?<!\bcontact )(?<!\bcontact_)(?<!\bvendor )(?<!\bcompany )"
        # (nor a remittance's "Account name:" or "Acct name:", a bank's or a school's name, nor a
        # training's "anything about a specific child: attendance, incident reports")
        r"(?<!\baccount )(?<!\bacct )(?<!\bacct\. )(?<!\bbank )(?<!\bschool )(?<!\bspecific )"
        r"(?<!\bparticular )"
        # (nor a staff member's: a trip export's "staff_lead name:", a form's "Teacher name:")
        r"(?<!\bstaff )(?<!\bstaff_)(?<!\blead )(?<!_lead )(?<!\bteacher )(?<!\bteacher_)"
        r"(?<!\bchaperone )(?<!\bdriver )"
        # (nor a place's or an event's: "destination name: Museum of Science")
        r"(?<!\bdestination )(?<!\bvenue )(?<!\blocation )(?<!\bsite )(?<!\bevent )"
        r"(?<!\bprogram )"
        # (nor a rate's: "fee_per_student: 42.0", "cost per student:")
        r"(?<!\bper )(?<!_per_)"
        r"(?:student(?:'s)? name|student|name|"
        r"child|pupil|patient|employee|students? involved|student\(s\)(?: involved)?)"
        r"\s{0,8}(?:name\s{0,8})?[:#]"
        # (nor a data inventory's line, what it collects of a name: "Student Name: First
        # and/or Last  x", "Employee Name: Yes"; nor a training's definition, "Student:
        # name + ID (local or SASID), DOB, grades"; nor a pointer, "Diabetic student(s):
        # see individual health plans"; nor a form's schema, "name: student_name"; nor a
        # training's placeholder, "Student: [Name]")
        r"(?!\s{0,8}(?:first|last|full|yes|no|x|n/?a|required|optional|collected|names?|"
        r"any|all|none|see)\b)(?!\s{0,8}[a-z0-9]+_\w)(?!\s{0,8}[\[<{])"
        # (nor a blank form printed without its lines, one label after the next: "Student
        # name: Local ID #:")
        r"(?!\s{0,12}(?:local id|student id|id|sasid|grade|dob|date of birth|school|date|age|"
        r"homeroom|teacher|address|phone)\s{0,3}#?\s{0,3}:)"
        # (nor a signature block's, its signer's title beside: "Name: Karen Whitcomb
        # Title: Director of Technology")
        r"(?![^\n]{0,80}\btitle[ \t]*:)",
        # ... a number's or a birth date's label with its value: a newsletter's table of
        # where data lives ("Student ID / SASID: Aspen") gives none, nor a data
        # dictionary's field size ("SASID: 10 digits")
        r"(?<![a-z])(?<!\ba )(?<!\bthe )(?<!\beach )(?<!\bany )(?<!\bevery )"
        r"(?:dob|date of birth|sasid|student id)\s{0,8}[:#]\s{0,8}"
        r"(?!\d{1,2}[ -]?(?:digits?|characters?|chars?)\b)"
        # (nor a training's masked sample, "SASID: 10XXXXXXXX")
        r"(?!\d{0,3}x{3})"
        r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d)",
        # ... or a log's key: 'visit student="Knapp, Heather" id=241131'
        r"(?<![a-z])student(?:_?name)?=\"?[a-z]",
        # a case list or a portal page: "Michelle Logan (ID 703225)", "Amy Anderson · ID
        # 290620", "Zoe Rios - ID 361511"
        # (a training's placeholder, "J.D. (ID 000000)", is no one's)
        r"(?:\(|[\u00b7|,-] ?)id[ #:]{0,3}(?!0+\b)\d{4,}\b",
        # ... or a list's line, the name and its ID in columns: "Augustin, Peterson   ID
        # 574596"
        r"[a-z][ \t]{2,}id[ #:]{0,3}(?!0+\b)\d{4,}\b",
        # a report's or a log's heading: "HOUSE, Jennifer (201683) Gr 7"
        # (not an institution's code: "MILLBROOK PUBLIC SCHOOLS (06400000)", "MF Alternative
        # Program (01870510)")
        r"[a-z](?<!school)(?<!schools)(?<!district)(?<!academy)(?<!center)(?<!inc)(?<!llc)"
        r"(?<!program)(?<!collaborative)(?<!office)"
        # (a bare number here; after a "#", see `_NAMED_WITH_HASHED_NUMBER`)
        r"[ \t]{1,4}\(\d{5,10}\)",
        # ... or a counselor's caseload entry: "Anderson, Julie   #303809   10/10/24", or a
        # record's title: "CREDIT CHECK  -  FERREIRA, ERICA   #1271265"
        r"(?:(?m:^)|[-\u2013|:][ \t]{1,4})[a-z'\u2019-]+, [a-z'\u2019-]+[ \t]{1,8}#\d{5,10}\b",
        # a form's "ID# 5607620"
        r"(?<![a-z])id ?# ?:? ?(?!0+\b)\d{4,}\b",
        # a form's label printed without its colon, at the start of its line: "Name of
        # student Victoria Khan" (a PDF's fields)
        # (not a data inventory's row, what it collects of the name: "Student Name First
        # and/or Last X")
        r"(?m:^)[ \t]*(?:name of (?:the )?(?:student|child|pupil)|student(?:'s)? name)[ \t]+"
        r"(?!(?:first|last|full|middle|given|legal)\b)[a-z]",
    )
)
# A memo's subject that is a person: "Re: Jayden Smith (gr 4)", "RE: SMITH, Jayden";
# not a memo's topic, "RE: Schedule change window" (`_feed_record_shapes` checks that
# the name's given name is one).
_SUBJECT_IS_A_PERSON = re.compile(
    r"(?im)^[ \t]*re[ \t]*:[ \t]*(?:(?:student|child|employee)[ \t]*:[ \t]*)?"
    r"(?-i:(?P<given>[A-Z][a-z'\u2019-]+)(?: [A-Z]\.?)?(?: [A-Z][a-z'\u2019-]+){1,2}"
    r"|[A-Z][A-Za-z'\u2019-]+, (?P<given_after>[A-Z][a-z'\u2019-]+|[A-Z]{2,}))"
    r"[ \t]*(?:$|[-(\u2013,#|:]|\d|(?:id|gr|grade|dob)\b)"
)
# A letter about one child: "To the parent/guardian of Sheryl Santos".
_PARENT_OF = prefiltered(
    regex.compile(
        # ... or a message's caller: "Gina (mom of R. Park, gr 1)"
        r"(?i:parents?|guardians?|parent/guardian|family|mom|mother|dad|father|grandma|"
        r"grandmother|grandpa|grandfather|aunt|uncle) of "
        # (not a letter to all of a school's: "Parents and Guardians of Ashcombe High School
        # Athletes")
        r"(?!(?:[A-Z][a-z]+ ){0,2}(?:School|High|Middle|Elementary|Academy|Students|Athletes|"
        r"Children|Families|Seniors|Juniors|Graduates)\b)"
        r"(?:(?:[A-Z][a-z]+|[A-Z]\.) ){1,2}[A-Z][a-z]+"
        # ... or from the parent: "My son Tiffany Sims is in second grade"
        r"|(?<![A-Za-z])(?i:my) (?:son|daughter),? [A-Z][a-z]+"
    )
)
# A log or case list of named students, the name starting its line (after a time or a
# number): "10:15  Sofia Rossi (Gr 2, Rm 104) - inhaler per asthma plan". Its line or
# the few after it must say something of the record too; a newsletter's "winners:
# Maya Chen (Grade 8)" is directory information.
_GRADE_MARKER = re.compile(
    # (after a weekday, as a counselor's week of notes dates them: "Mon - COBB, Robert")
    # (not a catalogue's line, its ISBN first: "978-0-358-41120-6 Close Reading Packets Gr
    # 6" is a book's grade)
    r"(?m)^(?![ \t]*(?:isbn[ \t:#]*)?97[89][- ]?\d)[^a-z\n]{0,20}"
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?[ \t]*[-\u2013:][ \t]*)?"
    r"(?P<name>[a-z'\u2019-]+(?:,? [a-z'\u2019.-]+){1,2}) "
    # ... the grade perhaps after the student's ID: "(ID 218476, gr 7)"
    r"(?:\((?:(?:id|#) ?\d{4,10}, )?(?:(?:gr|grade)\.? ?(?:\d{1,2}|k)\b|k\))"
    r"|[-\u2013,] (?:gr|grade)\.? ?(?:\d{1,2}|k)\b"
    # a log's "8:02  Michael Collins gr 5 (Rm 116) - loose tooth"
    r"|gr\.? (?:\d{1,2}|k)\b)"
    # one grade, a student's: a calendar's "MCAS ELA (gr 6-8)" is of grades
    r"(?![ \t]?[-\u2013/][ \t]?(?:\d|k\b))"
)
# ... and one in a sentence: "the 504 meeting for Aaliyah Washington (Gr 8, homeroom
# 214)", "for my son Kwame Mensah (Gr 11, ID 508335)". Said of a capitalised name, and a
# student's all the same (a winner in a newsletter is one too); a record where its own
# line (a mail's paragraph) speaks of one.
_NAMED_WITH_GRADE = prefiltered(
    re.compile(
        # ("Liam Ortiz (Gr 3)", or surname first: "Jones, Marcus (gr 10, #262946)", the
        # surname perhaps in capitals: "COBB, Robert (ID 218476, gr 7)")
        r"(?<![\w'\u2019])(?:[A-Z][a-z'\u2019-]+,?|[A-Z][A-Z'\u2019-]+,)"
        r"(?: [A-Z][a-z'\u2019.-]+){1,2}(?:\*\*)?"
        # ... after the school's initials: "Kenneth Atkins (HHS, Gr 11, #209847)"; in a
        # Markdown note's bold, "**Stacie Ramsey** (gr 6"; "Robert Clark (entering gr 8";
        # or after a comma, as a voicemail's transcript says it: "Troy Rogers, grade 11,"
        # ("Zachary Harris, ID 206885, gr 9")
        # ... or a call log's bare "re: Deven Patel gr8"
        # (a PDF's columns may set the bracket a few spaces off: "Arjun Reddy   (Gr 1, ...")
        r"(?:[ \t]{1,4}\(|, | (?=gr\.? ?\d))(?:(?:ID|#) ?\d{4,10}, )?(?:[A-Z]{2,5}, )?"
        r"(?:(?:entering|rising|incoming) )?"
        r"(?:[Gg]r|[Gg]rade)\.? ?"
        r"(?:\d{1,2}|K)\b(?![ \t]?[-\u2013/][ \t]?(?:\d|K\b))"
        # (not a teacher's: a reference's "Rosalind Tierney, Grade 3 teacher / mentor")
        r"(?![ \t]+(?i:(?:classroom |homeroom |sped |special education )?"
        r"(?:teachers?|mentor|team|lead|leader|co-?teacher|paraprofessional|para|aide)\b))"
    )
)
# a line that heads a newsletter's next item: "From the Nurse", "Lost and Found"
_HEADING_WORD = r"(?:[A-Z][\w'&-]*|the|and|of|for|to)"
_HEADING_LINE = re.compile(rf"[ \t]*{_HEADING_WORD}(?:[ \t]+{_HEADING_WORD}){{0,5}}[ \t]*")
_SHORT_HEADING = re.compile(r"[ \t]*[A-Z][\w'&-]*(?:[ \t]+[\w'&-]+){0,3}[ \t]*")


def _rest_of_paragraph(text: str, start: int) -> str:
    """The text from `start` to the end of its paragraph: up to a blank line or a line
    that heads a newsletter's next item, MARKER_LINES lines at most."""
    lines = text[start:].split("\n", MARKER_LINES)[:MARKER_LINES]
    kept = [lines[0]]
    for line in lines[1:]:
        if not line.strip() or _HEADING_LINE.fullmatch(line):
            break
        # a heading in sentence case after a finished sentence: "... Public Library.",
        # then "SEPAC corner" (not a label: "Eligibility: SLD" goes on with the record)
        if kept[-1].rstrip().endswith((".", "!", "?")) and _SHORT_HEADING.fullmatch(line):
            break
        kept.append(line)
    return "\n".join(kept)


# A student's own mail of his own marks: "where I got a 5 on the exam and an A for the year"
_FIRST_PERSON_GRADE = prefiltered(
    re.compile(
        r"(?<![A-Za-z])I (?:got|earned|received|scored) an? (?:[A-F][+-]?|\d{1,3}(?:\.\d)?%?) "
        r"(?:in|on|for)\b"
    )
)
# A teacher's report of one child's score: "she scored 9/10 on her last retell", "he
# earned a 3 on the unit test"
_THIRD_PERSON_SCORE = prefiltered(
    re.compile(
        r"(?<![A-Za-z])(?:[Hh]e|[Ss]he) (?:scored|earned|received|got) (?:an? )?"
        r"(?:\d{1,3}(?:\.\d)?(?:/\d{1,3}|%)?|[A-F][+-]?)(?![\w+-])"
    )
)
# A mark given as a form's field: "Co-op grade for Q1: A-", "Final grade: B+"
_LABELLED_MARK = prefiltered(
    re.compile(
        r"(?im)^[ \t]*(?:[\w-]+ )?(?:grade|mark)(?: for (?:q[1-4]|term \d|quarter \d|s[12]))?"
        r"[ \t]*:[ \t]*[A-F][+-]?(?![\w+-])"
    )
)
# ... or a report card's marks by subject: "Math: Exceeds   ELA: Approaching", "Science: B+"
# (the mark ends its field, where a newsletter's "Math: Meets expectations 45%" goes on)
_SUBJECT_MARK = prefiltered(
    re.compile(
        # (the field's start by lookbehinds: a long run of blanks is not read again from each)
        r"(?im)(?:^[ \t]*|(?<=[ \t]{2})|(?<=\t)|(?<=[|;])|(?<=[|;] ))"
        r"(?:math(?:ematics)?|ela|english(?: language arts)?|reading|writing|science|"
        r"social studies|history|spanish|french|art|music|physical education|p\.?e\.?)"
        r"[ \t]*:[ \t]*(?:exceeds|meets|approaching|partially meeting|not (?:yet )?meeting|"
        r"proficient|advanced|needs improvement|developing|emerging|secure|(?-i:[A-F][+-]?))"
        r"(?=[ \t]*$|[ \t]{2}|\t|[ \t]*[|;,])"
    )
)
# ... or a note's mark in a course: "currently D+ in Algebra II, F in US Hist", "got a C in
# chemistry" (a bare capital before "in" is a mark only after a word that gives one)
_COURSE_MARK = regex.compile(
    r"(?<![\w+-])(?:[A-F][+-]|(?<=(?:\b(?:an?|got|earned|has|had|currently|now|with|"
    r"received|failing|passing)|[,;(]) ?)[A-F])(?![\w+-]) in "
    r"(?i:algebra(?: i{1,2}| [12])?|geometry|pre-?calc(?:ulus)?|calculus|statistics|"
    r"biology|chemistry|physics|earth science|anatomy|english(?: \d{1,2}| i{1,4}v?)?|ela|"
    r"u\.?s\.? hist(?:ory)?(?: i{1,2}| [12])?|world hist(?:ory)?|history|civics|"
    r"spanish(?: i{1,3})?|french(?: i{1,3})?|math|science|social studies)\b"
)
# A record's title line naming its student: "IEP Team Meeting Notes - Linda Morgan",
# "Progress Report: Sophea Chhay"
# (a meeting's notes or a review, not "IEP Compliance Training - Jane Whitfield", its
# presenter)
_RECORD_TITLE = re.compile(
    r"(?m)^[ \t]*(?:IEP|504 [Pp]lan|Progress [Rr]eport|Report [Cc]ard|Transcript|"
    r"Grades and Attendance|"  # ... and a parent portal's page, saved
    # ... or a special-education meeting's notes, which only a student has: "Transition
    # planning mtg -- Caleb Huang", "Eligibility meeting - Ana Ruiz"
    r"(?:[Tt]ransition|[Ee]ligibility|[Rr]e-?evaluation|[Mm]anifestation [Dd]etermination)"
    r"(?=[ \t]+(?i:planning|team|meeting|mtg)))"
    r"(?:[ \t]+(?i:team|annual|meeting|mtg|notes|review|summary|draft|amendment|planning))*"
    r"[ \t]*(?:--?|[\u2013\u2014:]) ?(?:[A-Z][a-z'\u2019]+(?: [A-Z]\.?)? [A-Z][a-z'\u2019-]+"
    r"|(?:[a-z]+ )?[A-Z][a-z'\u2019-]+, [A-Z][a-z'\u2019]+(?: [A-Z]\.?)?)[ \t]*$"
)
# A meal system's record of its patron's eligibility: "patron elig: FREE"
_MEAL_STATUS = prefiltered(
    re.compile(r"(?<![a-z])elig(?:ibility)?[ \t]*[:=][ \t]*(?:free|reduced)\b")
)
_STRONG_EDUCATION = Vocabulary(EDUCATION.entity, EDUCATION.strong, ()).compiled()


# ... or its own line tells where the student was: "- Manuela Silva (gr 6) - absent
# 1/27-1/29", "Mateo Pineda (gr 8) - got upset, counselor came"
_MARKED_LINE_EVENT = re.compile(
    r"\b(?:absent|absences|tardy|tardies|suspended|suspension|detention|nurse|counselor)\b"
)
MARKER_LINES = 5  # a marker's line and the four after it (a slide, a log entry)


def _names_someone(marker: re.Match[str]) -> bool:
    """Whether a grade marker's words hold a listed name ("sofia rossi (gr 2)"), not a
    heading's ("emergency substitute plans - grade 3")."""
    return any(
        is_listed_name(word.strip(",.").title())
        for word in marker.group("name").split()
        if word.strip(",.") not in _SCHOOL_WORDS
    )


def under_an_award_or_staff_heading(text: str, line_start: int) -> bool:
    """Whether a line is one of a list of honours or of staff: a line above it, in its
    paragraph, names winners or an honour roll ("Healthy Habits Poster Contest Winners"),
    whose names and grades are directory information, or the staff ("Welcome New
    Staff": "Nicole Salerno - Kindergarten (Rm 106)"). Neither is a roster."""
    start = line_start
    for _ in range(HEADING_LIST_LINES):
        if start == 0:
            return False
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if not line.strip():
            # the paragraph begins below a blank line, unless the line above that one
            # introduces the list: "add the Science Fair winners (...):", a blank, "- Amara"
            # (its sentence perhaps wrapped onto a second line)
            if above == 0:
                return False
            lead_start = text.rfind("\n", 0, above - 1) + 1
            lead = text[lead_start : above - 1].rstrip()
            if lead_start > 0:
                lead = text[text.rfind("\n", 0, lead_start - 1) + 1 : lead_start] + lead
            return lead.endswith(":") and _AWARD_OR_STAFF_HEADING.search(lead) is not None
        if _AWARD_OR_STAFF_HEADING.search(line):
            return True
        if _a_section_heading(line):
            # a bulletin's next section ("Health & Safety"), its paragraphs one to a line
            # without blanks between: what is above it is another section's
            return False
        start = above
    return False


# A section's heading: a few capitalised words, no digits, no sentence's end
_SECTION_HEADING = regex.compile(
    r"[ \t]*(\p{Lu}[\p{L}'\u2019-]*)(?:[ \t]+(?:&|and|\p{L}[\p{L}'\u2019-]*)){0,5}[ \t]*"
)


def _a_section_heading(line: str) -> bool:
    """Whether a line is a section's heading ("Health & Safety"), not a name."""
    heading = _SECTION_HEADING.fullmatch(line)
    return heading is not None and not is_given_name(heading.group(1))


HEADING_LIST_LINES = 40  # lines above a name where its list's heading may be
_AWARD_OR_STAFF_HEADING = prefiltered(
    regex.compile(
        # (a school committee agenda's "Recognitions": a team, a teacher retiring)
        r"(?i)\b(?:winners?|honou?r roll|honou?rees|award(?:ee)?s|recipients|all-stars?|"
        r"recognitions?|"
        r"students? of the (?:month|quarter|week)|dean'?s list|congratulations|"
        # ("Peer Leaders of the Month", "Star of the Week", "Scholarship Spotlight", "Shout-outs")
        r"[\w-]+ of the (?:month|quarter|week|year)|spotlight|shout-?outs?|celebrating|"
        # ("Summer Reading Challenge - Top Readers", "Science Showcase - judges' picks")
        r"top [\w-]+ers|judges['\u2019]? picks?|showcase|"
        # ("Reading Stars": "These readers were nominated by their teachers for effort")
        r"[\w-]+ stars|nominated|nominees|"
        r"meet the (?:team|staff)|who we are|our team|"
        # (a school committee's "Personnel Report": the staff appointed, those leaving)
        r"personnel (?:report|actions?|changes|updates?))\b"
        r"|\b(?:new |our )?(?:staff|faculty|teachers|educators)(?: members)?[ \t]*[:!]?[ \t]*$"
        # (a program's tutors, each by the subjects he teaches: "Contracted tutor pool")
        r"|\b(?:contracted |our )?(?:tutors?|tutor pool|instructors)[ \t]*:?[ \t]*$"
        r"|\b(?:resignations?|retirements?)"
        r"(?:[ \t]*(?:/|&|and)[ \t]*(?:resignations?|retirements?))?[ \t]*:?[ \t]*$"
    )
)

# A school's words that are someone's name too ("Ela"): "MCAS ELA Gr 10" is a test's
_SCHOOL_WORDS = frozenset({"ela", "art", "math", "pe", "ss", "sci", "esl", "ell", "mcas"})


def _lines_from(
    pattern: re.Pattern[str],
    text: str,
    accept: Callable[[re.Match[str]], bool] = lambda _: True,
) -> list[str]:
    """For each match of `pattern` (that `accept` takes), its line and the MARKER_LINES
    - 1 lines after it."""
    stretches: list[str] = []
    for match in pattern.finditer(text):
        if not accept(match):
            continue
        start = text.rfind("\n", 0, match.start()) + 1
        end = match.end()
        for _ in range(MARKER_LINES):
            end = text.find("\n", end + 1)
            if end < 0:
                end = len(text)
                break
        stretches.append(text[start:end])
    return stretches


# A letter about one child ("your son", "your daughter"; not "your son or daughter").
A_PARENTS_CHILD = "your son or daughter"  # the term it adds
_YOUR_CHILD = prefiltered(
    regex.compile(
        r"(?<![a-z])(?<!or )your (son|daughter)(?![a-z])(?! or )|"
        # a letter home in the family's language: Spanish, Portuguese, Haitian Creole
        # (not a template's "su hija(o)", "sua filha/o": anyone's child)
        r"(?<![a-z])(?:su hija|sua filha|pitit (?:gason|fi) ou)(?![a-z(/])(?! o )(?! ou )"
    )
)
# ... where the words are also anyone's child's ("su hijo" and "seu filho" say "your
# child" as well as "your son"; a newsletter's "el horario de su hijo" is no one's), the
# child named after them: "Seu filho Luiz Felipe da Conceição (aluno do 6º ano)"
_YOUR_NAMED_CHILD = prefiltered(
    regex.compile(
        r"(?<![\p{L}])(?i:su hijo|seu filho|pitit ou|con (?:của )?quý vị|con em quý vị)"
        r",?[ \t]+\p{Lu}\p{Ll}+"
    )
)
# A named student's own record: "John's grades dipped", "Taylor's IEP" (not "the
# District's 504 plan policy").
_NAMED_OWN_RECORD = prefiltered(
    re.compile(
        # the name is capitalised; what follows may be written any way ("Maya's annual IEP")
        # ... with a teacher's initial of the surname ("Jonathan R. has an IEP")
        r"(?<![Tt]he )(?<![A-Za-z])"
        # (nor a teacher's, by her title: "Ms. Weiss's Second Grade" is her class)
        r"(?<!\bMs\. )(?<!\bMr\. )(?<!\bMrs\. )(?<!\bMx\. )(?<!\bDr\. )"
        r"(?<!\bMs )(?<!\bMr )(?<!\bMrs )"
        # (not a workshop's title, "Understanding Your Child's IEP": anyone's child)
        r"(?!(?:Child|Children|Student|Students|Son|Daughter|Kid|Teen|Learner|Parent|Family"
        # (nor a day's: "Tuesday's Attendance Task Force meeting")
        r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Tomorrow|Yesterday|Week|Month|Year"
        r"|District|School|Team"
        # (nor a role's: "Superintendent's Annual Evaluation" is an educator's)
        r"|Superintendent|Principal|Teacher|Educator|Employee|Staff|Director|Coordinator"
        r"|Administrator|Chair|Committee|Board|Nurse|Counselor|Coach)['\u2019]s )"
        r"[A-Z][a-z]+(?: [A-Z]\.)?"
        # ("Priyanka's speech-language testing", "Mateo's eligibility meeting")
        r"(?:['\u2019]s (?i:(?:[a-z]+(?:-[a-z]+)? )?(grades?|iep|504 plan|504|"
        r"transcript|report card|progress report|progress|absences|attendance|behavior|diagnosis|"
        r"teachers|counselor|schedule|eligibility|testing|"
        r"medications?|allerg(?:y|ies)|gpa|class rank|test scores?|evaluation|accommodations|"
        # a teacher's reply: "Jordan's current ELA average is 61% (D-)"
        r"(?:ela|math|science|english|history|reading|writing|spanish|french|class|course) "
        r"(?:average|grade|mark)))"
        # ... "Miles has a speech evaluation scheduled"
        r"| (?i:ha[sd] an? (504|iep|(?:speech|language|speech-language|psych|psychological|"
        r"neuropsych|neuropsychological|ot|pt|educational|developmental|reading) evaluation))"
        r"| (?:has been|was|is) (absent|suspended|tardy)"
        # "Jaden has a D in chemistry", "Maya got a B+ on the test"
        # ... "Thanh scored a 5 on both AP Physics C exams"
        r"| (?:has|had|got|earned|received|scored) an? ([A-F][+-]?|\d{1,3}(?:\.\d)?%?) "
        r"(?:in|on|for)\b)(?![\w+-])"
    )
)
# A teacher's note on one child, named by first name and initial: "Dalia K. - IEP, goes
# to Mrs. Pham for reading", a seating chart's "Kayden O. (504 - near door)".
_INITIAL_LED_NOTE = re.compile(
    r"(?<![\w.])[A-Z][a-z]+(?:-[A-Z]?[a-z]+)? [A-Z]\.[ \t]*"
    r"(?:[\u2013\u2014:-][ \t]|\()([^\n]{1,120})"
)
# ... or by full name at a line's start, the note saying the child's plan, as a practicum
# supervisor lists the students she watched: "- Mateo Silva: has an IEP (specific
# learning disability)", "Aaliyah Brooks: 504 plan for ADHD" (not a directory's "Dana
# Cole - IEP Coordinator": that is a job)
_NAMED_PLAN_NOTE = prefiltered(
    re.compile(
        r"(?m)^[ \t]*(?:[-*\u2022][ \t]*)?([A-Z][a-z]+) [A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
        r"[ \t]*(?:[:\u2013\u2014-]|\()[ \t]*(?:(?:has|had|with|on)[ \t]+(?:an?[ \t]+)?)?"
        r"(?:IEP|504 [Pp]lan|504|BIP|[Bb]ehavior [Pp]lan)\b(?![ \t]+(?i:coordinator|team|"
        r"chair|liaison|office|specialist|compliance|facilitator|contact|case manager))"
    )
)
# One person's grade point average: "she graduated with a 3.8 GPA", "has a 3.25 cumulative
# GPA" (a school's "average GPA of 3.1" is no one's).
_OWN_GPA = prefiltered(
    re.compile(
        r"(?<![a-z])(?:with|has|had|earned|maintained|maintains|carries|carrying)\s"
        r"(?:an?\s)?(?:(?:cumulative|weighted|unweighted)\s)?[0-4]\.\d{1,2}\s"
        r"(?:(?:cumulative|weighted|unweighted)\s)?(?:gpa|grade point average)(?![a-z])"
        # ... or as a records clerk notes it: "Cum GPA 3.41 (wtd)", "GPA: 2.87" (not a school
        # profile's "Mean GPA 3.12" or an "average GPA of 3.1")
        # (a resume's "(GPA 3.9)" is a grown-up's own degree's: a clerk's record says which)
        r"|(?<!average )(?<!mean )(?<!median )(?<!avg )(?<!avg\. )(?<![a-z])"
        r"(?:(?:cum|cumulative|weighted|unweighted|wtd|final)\.?\sgpa[ \t]*(?::|=|of)?"
        r"|gpa[ \t]*(?::|=))[ \t]*[0-4]\.\d{1,3}(?![\d.])"
        # (not a bar to clear: "a cumulative weighted GPA of 2.5 or higher", "3.0+")
        r"(?![ \t]*(?:\+|or (?:higher|above|better|more|greater|lower|below|less)))"
    )
)
# ... or a list's line of one student and his GPA, as an eligibility check prints it:
# "Thompson, Anthony  #210102  Wrestling  GPA 2.02  F: Chem"
_LISTED_GPA = prefiltered(
    regex.compile(
        r"(?m)^[ \t]*\p{Lu}[\p{L}'\u2019-]+,[ \t]\p{Lu}[\p{L}'\u2019-]+[^\n]{0,60}?"
        r"(?<![a-z] )(?<![a-z]\. )\bGPA[ \t]*[:=]?[ \t]*[0-4]\.\d{1,3}(?![\d.])"
    )
)
# "9 absences (6 UX)", "4 tardies": how often one student was missing.
_ABSENCE_COUNT = prefiltered(
    re.compile(
        r"(?<![\d.])\d{1,3} (?:absences|tardies|days absent|unexcused|ausencias|inasistencias|"
        r"faltas|absans)\b|faltado \d{1,3} d[ií]as"
    )
)
# One student's marks by subject, on one line: "ELA B+, Math F, Sci C+." (a conference
# note, a progress check); three subjects at least, so a catalog's "Math A or Math B,
# then Math C" is none.
_SUBJECT_GRADE = re.compile(
    r"\b(ela|english|math|sci|science|ss|social studies|history|"
    r"spanish|french|reading|writing|art|music|pe|health)\s[a-f][+-]?(?![\w+-])"
)
SUBJECT_GRADES_ON_A_LINE = 3


def _marks_by_subject(lowered: str) -> bool:
    """Whether a line gives marks in SUBJECT_GRADES_ON_A_LINE subjects or more."""
    subjects: set[str] = set()
    position = 0
    for match in _SUBJECT_GRADE.finditer(lowered):
        if "\n" in lowered[position : match.start()]:
            subjects.clear()  # a new line: count afresh
        position = match.start()
        subjects.add(match.group(1))
        if len(subjects) >= SUBJECT_GRADES_ON_A_LINE:
            return True
    return False


# A gradebook printed as text: a header naming the student's column and subjects
# ("Student Gr Sport ENG MATH SCI SS WL Flag"), then a line per student with numeric marks
# ("Parker, Mark 10 Volleyball 54 64 89 52 52 RISK"). A report by subgroup or school
# ("Student Group ELA Math") gives percentages of no one.
_MARKS_HEADER_SUBJECT = re.compile(
    r"\b(?:ela|eng|english|math|sci|science|ss|soc st|social studies|hist|history|wl|"
    r"spanish|french|reading|writing|algebra|geometry|biology|chemistry|physics)\b"
)
_MARKS_HEADER_STUDENT = re.compile(r"\b(?:student|name)\b")
_AGGREGATE_HEADER = re.compile(
    r"\b(?:group|subgroup|population|demographic|school|grade level)s?\b"
)
_MARKS_ROW = regex.compile(r"[ \t]*\p{Lu}[\p{L}'\u2019-]+,?(?:[ \t]\p{Lu}[\p{L}'\u2019.-]*){1,2}\b")
_MARK_NUMBER = re.compile(r"(?<![\w.])(?:100|\d{1,2})(?:\.\d)?(?![\w.%])")
MARKS_HEADER_SUBJECTS = 3  # subjects a printed gradebook's header names, at least
MARKS_PER_ROW = 3  # numeric marks on a student's line, at least
MARKED_ROWS = 2  # such lines under the header, at least
MARKED_ROWS_READ = 6  # lines read under the header


def _printed_marks_table(text: str, lowered: str) -> bool:
    """Whether the text holds a gradebook printed as text (`_MARKS_HEADER_SUBJECT`)."""
    if "student" not in lowered and "name" not in lowered:
        return False
    lines = text.split("\n")
    for i, line in enumerate(lines):
        low = line.lower()
        if (
            len(line) > 160
            or not _MARKS_HEADER_STUDENT.search(low)
            or _AGGREGATE_HEADER.search(low)
            or len(set(_MARKS_HEADER_SUBJECT.findall(low))) < MARKS_HEADER_SUBJECTS
        ):
            continue
        marked = sum(
            1
            for row in lines[i + 1 : i + 1 + MARKED_ROWS_READ]
            if _MARKS_ROW.match(row) and len(_MARK_NUMBER.findall(row)) >= MARKS_PER_ROW
        )
        if marked >= MARKED_ROWS:
            return True
    return False


# A medication dose ("Concerta 36 mg every morning"): one person's health information.
_DOSE = prefiltered(re.compile(r"(?<![\w.])\d{1,4}(?:\.\d{1,2})? ?(?:mg|mcg|ml)\b", re.IGNORECASE))


# Whose form it is, by the label of its subject's name ("Employee name:", "Student:"):
# a leave request from a teacher speaks of students and report cards, and is still an
# employee's file.
_SUBJECT_LABEL = prefiltered(
    re.compile(
        r"(?<![a-z])(employee|staff member|applicant|candidate|student|pupil|child)(?:'s)?"
        r"(?: legal| full| preferred)?(?: name)?[ \t]{0,8}:"
    )
)
# (a hiring file's "Candidate": a reference check on a teacher speaks of her classes)
_STAFF_SUBJECTS = frozenset({"employee", "staff member", "applicant", "candidate"})
# A plan or report of one particular student ("his IEP says he can take breaks"): only
# students have them, and "his or her IEP" is a handbook's, not a record's. One word
# may come between ("her updated IEP"); "Randy has a 504" says the same.
_SCHOOL_RECORDS = (
    r"iep|504 plan|504|individual health plan|health plan|behavior plan|safety plan|"
    r"accommodations|report card|progress report|transcript|grades|extra time|extended time|"
    r"testing accommodations|(?:quarter |term |class )?average|"
    # a reading teacher's screening and levels: "his MOY DIBELS", "her F&P level"
    r"dibels|i-ready|iready|(?:f&p |guided reading |independent |instructional )level"
)
_OWN_RECORD = prefiltered(
    regex.compile(
        # a line may break anywhere in it ("his\naverage"): one whitespace character each
        # ("her first-quarter grades": the word between may be hyphenated)
        r"(?<![a-z/])(?<!or )(?<!and )(his|her)\s(?:[a-z]+(?:-[a-z]+)?\s)?("
        + _SCHOOL_RECORDS
        + r")"
        r"(?![a-z/])(?! or )"
        r"|(?<![a-z])(he|she) ((?:has|had) an? (?:504|iep))\b"
    )
)
# One person's health (a student's, unless the file is an employee's): "his albuterol
# inhaler", "her medication".
_OWN_HEALTH = prefiltered(
    re.compile(
        r"(?<![a-z/])(?<!or )(?<!and )(his|her)\s(?:[a-z]+\s)?(inhaler|epipen|epi-pen|"
        r"medications?|diagnosis|allerg(?:y|ies)|seizures?|asthma)(?![a-z/])(?! or )"
        # ... or said of him or her: "he was diagnosed with ADHD"
        r"|(?<![a-z])(he|she)\s(?:was|has\sbeen|is\sbeing)\s(diagnosed)\swith\b"
    )
)
# ... and a named child's: "Jared's EpiPen Jr.", "Maya's inhaler" (a given name, not
# "the school's allergy policy")
_NAMED_HEALTH = prefiltered(
    re.compile(
        r"\b([A-Z][a-z]+)['\u2019]s\s(?:[A-Za-z-]+\s)?"
        r"((?i:inhaler|epipen|epi-pen|medications?|diagnosis|allerg(?:y|ies)|seizures?|asthma))\b"
        # ... or said of a named child in the sentence: "James Smith in Mr. Costa's homeroom
        # (Gr 7) has severe asthma"
        r"|\b([A-Z][a-z]+) [A-Z][a-z'\u2019-]+\b"
        # (where the child is: "in Mr. Costa's homeroom", "(Gr 7)")
        r"(?:\s(?:in|from)\s(?:[^.\n,:;()]|(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.){1,40}?)?"
        r"(?:\s\([^()\n]{1,20}\))?\s(?:has|had)\s(?:an?\s)?"
        r"(?:(?:severe|mild|moderate|diagnosed|known|documented)\s)?"
        r"(asthma|seizures|epilepsy|diabetes|type 1 diabetes|a seizure disorder|anaphylaxis|"
        r"an? (?:peanut|nut|tree nut|bee sting|food) allergy)\b"
        # ... or by the child's given name alone, in a parent's words: "Sophie is allergic to
        # peanuts", "Liam is diabetic"
        r"|\b([A-Z][a-z]+) is (?:severely |very |also )?"
        r"(allergic to (?:peanuts|tree nuts|nuts|bees|shellfish|eggs|milk|dairy|penicillin)|"
        r"diabetic|epileptic|asthmatic)\b"
    )
)

# What happens only to a student, said of a named one: a substitute's report ("Kelly
# Montgomery marked absent", "Dennis Hendricks left for the nurse"), an incident mail
# ("an incident involving Keira O'Sullivan", "Keira will be on a one-day suspension").
# A teacher is absent too, so absence counts only as a register marks it.
_STUDENT_EVENT = prefiltered(
    regex.compile(
        r"(?<![\w'\u2019.-])(?<!Mr\. )(?<!Ms\. )(?<!Mrs\. )(?<!Dr\. )"
        r"(?P<given>\p{Lu}\p{Ll}+)(?: \p{Lu}[\p{L}'\u2019-]+)?"
        # (the child's grade and school in brackets: "Amara (gr 8, Dunmore) has 17 tardies";
        # only then is a count of absences a pupil's, not a teacher's in an HR note)
        r"(?P<grade> \((?i:gr|grade)\.?[ \t]?(?:\d{1,2}|[Kk])\b[^()\n]{0,25}\))?"
        r" (?:was |is |will be |will |has been |had been |got |became )?"
        r"(?:(?:marked|counted) (?:absent|tardy)|suspended|restrained|escalated|eloped|"
        r"(?(grade)(?:has|had) (?:\d{1,3}|[a-z]+) (?:unexcused |excused )?(?:tardies|absences)"
        r"|(?!))|"
        r"on (?:an? )?(?:[\w-]+ )?(?:suspension|detention)|"
        # (a discipline notice's "Gregory Adams has been assigned a 2-day out-of-school
        # suspension", "Kelly Lewis received 1 day in-school suspension", "Jodi Trevino will
        # serve a 2-day out-of-school suspension")
        r"(?:assigned|given|received|serves?|serving) (?:an? |one |two |\d{1,2} )?"
        r"(?:[\w-]+ ){0,3}(?:suspension|detention)|"
        r"(?:sent|went|left|walked|came) (?:to|for) the nurse|"
        r"(?:evaluated|seen|checked) by (?:our|the) (?:school )?nurse)\b"
        r"|\b(?:incident|restraint|altercation|fight) involving "
        r"(?P<involved>\p{Lu}\p{Ll}+) \p{Lu}[\p{L}'\u2019-]+"
    )
)


def _student_events(text: str) -> set[str]:
    """What `_STUDENT_EVENT` tells of named students ("a named student's suspension")."""
    told: set[str] = set()
    for m in _STUDENT_EVENT.finditer(text):
        if is_given_name(m.group("given") or m.group("involved")):
            told.add("a named student's attendance, conduct or visit to the nurse")
    return told


# A child spoken of by the people around them, "her teachers", "his little brother":
# in a school's file, prose about one person's teachers is about a student (a coach's
# concussion note, a counsellor's e-mail that never says "student").
_OWN_SCHOOL_LIFE = prefiltered(
    re.compile(
        r"(?<![a-z/])(?<!or )(?<!and )(his|her)\s{1,3}(teachers?|classmates?|homeroom|"
        r"class\s{1,3}schedule|guidance\s{1,3}counselor|school\s{1,3}counselor|"
        r"little\s{1,3}(?:brother|sister))(?![a-z/])"
    )
)


# A document that says it is made up: a training sample, a worked example. Its student
# is no one, whatever record it shows.
# A record of students whose birth dates are grown-ups': a records office's former
# students (a transcript request, a class of 1988's permanent record index, files kept
# past graduation), or an adult education program's learners. FERPA's records stay
# education records after the student leaves school.
_GROWN_STUDENTS = prefiltered(
    regex.compile(
        r"\b(?:former (?:student|pupil)s?|alumn(?:i|us|a|ae)|graduat(?:es?|ed|ing) in|class of "
        # (a school's transcript, not a voicemail's or a meeting's)
        r"(?:19|20)\d\d|(?<!voicemail )(?<!call )(?<!meeting )(?<!interview )transcripts?|"
        r"permanent records?|cumulative (?:record|folder|file)s?|"
        r"cum (?:folder|file)s?|records? requests?|records? (?:retention|destruction)|"
        r"eligible for destruction|microfilm|"
        r"adult (?:learner|student|education|basic education)s?|"
        r"hiset|ged\b|high school equivalency)"
    )
)


# Grades that are grade levels, not a student's marks: a helpdesk ticket's "new students
# in grades 2 and 4", a programme's "grades K-5" (replaced by a word of the same length,
# which no vocabulary holds)
_GRADE_LEVELS = re.compile(r"(?<![a-z])grades(?=[ \t]+(?:k|pk|pre-?k|\d{1,2})(?![\d/.:%]))")


def _speaks_of_grown_students(lowered: str) -> bool:
    """`_GROWN_STUDENTS` in a text, not counting a class still in school or just out of it
    ("Class of 2025" on a senior trip's chaperone list: its adults are parents)."""
    for match in _GROWN_STUDENTS.finditer(lowered):
        year = _CLASS_YEAR.fullmatch(match.group())
        # (today's year asked for only here: `date.today()` rereads the time zone, and
        # this runs for every text)
        if year is None or int(year.group(1)) < datetime.date.today().year - 1:
            return True
    return False


_CLASS_YEAR = regex.compile(r"class of ((?:19|20)\d\d)")
# A document that says it identifies no one: a de-identified extract, an aggregate
# report "No individually identifiable information is included"
_DEIDENTIFIED = prefiltered(
    regex.compile(
        r"\bde-?identified\b|"
        r"\b(?:no|contains no|includes no|without) (?:personally |individually )?"
        r"identifiable (?:student |health )?information\b"
        # a public records response's copy: "(REDACTED FOR PUBLIC RELEASE - PRR 2024-117)"
        r"|\bredacted for (?:public )?(?:release|disclosure)\b"
        # a screening summary for the School Committee: "Aggregate data only - no
        # individual student information", "contains no student-level data"
        r"|\baggregate (?:data|counts|figures|results) only\b"
        r"|\bno (?:individual |student-level )(?:student )?(?:information|data|records)\b"
        # ... or a school committee's annual summary: "All figures are aggregate counts.
        # Cells with fewer than 6 students are suppressed", per "small-cell" guidance
        r"|\ball (?:figures|counts|numbers|data|results) (?:are|shown are) aggregate\b"
        r"|\bsmall[- ]cell (?:suppression|reporting|rule)"
    )
)
_MADE_UP = prefiltered(
    regex.compile(
        r"\b(?:fictitious|fictional|imaginary|made-up|hypothetical|not a real) "
        r"(?:student|child|family|person)|\bfor (?:training|professional development) "
        r"(?:purposes|use)(?: only)?\b|\bsample (?:student|iep|504 plan) for\b"
        # a configuration's or a test's made-up record: "# Example record ... (fake)"
        r"|\b(?:fake|dummy) (?:record|data|student|values?)\b|\(fake\)|\bexample record\b"
        # (a privacy training's slide: "Example of a record: "Student: Baby Example, ...")
        r"|\bexample of an? (?:student |education |health )?record\b"
        # a training slide's: "Spot the problem (fake examples)", "What a referral packet
        # looks like (EXAMPLE ONLY)", "Example write-up (fictitious)"
        r"|\((?:fake|fictitious|made-up) examples?!?\)|\(example only\b[^()\n]{0,30}\)"
        r"|\((?:fictitious|fictional|made-up)\)|\bexamples are (?:fake|fictitious|made up)\b"
        # (a presenter's note: "Use the fake examples only")
        r"|\b(?:fake|fictitious|fictional|made-up) examples?\b"
        # a quick reference's screen filled in by no one: "DOB: 01/01/2010 (sample only)"
        r"|\(sample only\)|\bexample screen\b"
        # a procedure's sample badge: "The above is a placeholder from the Raptor training
        # environment and does not represent any real person."
        r"|\bdoes not (?:represent|depict|refer to) (?:a|any) real "
        r"(?:student|child|family|person|individual)\b"
        # a privacy training's definitions, "What is an education record? (FERPA)", "What
        # counts as personal information (93H)?", and its samples, "- not a real card"
        r"|\bwhat (?:is|are|counts as) (?:an? )?['\"\u2018\u201c]?(?:personal information|"
        r"personally identifiable information|education records?|directory information)\b"
        r"|\bnot a real (?:card|card number|number|account|ssn)\b"
        # a JSON Schema's "examples" show a form's fields filled in by no one (read as the
        # extractor flattens it, "$schema: https://...", or as written)
        r'|"?\$schema"?[ \t]*:[ \t]*"?https?://json-schema\.org/'
    )
)


# A condition or a plan written on a named person's line (`feed_named_lines`)
_LINE_HEALTH = Vocabulary(
    "LINE_HEALTH",
    strong=(
        "allergy",
        "allergies",
        "anaphylaxis",
        "asthma",
        "diabetes",
        "diabetic",
        "epipen",
        "epi-pen",
        "auvi-q",
        "inhaler",
        "insulin",
        "seizure",
        "seizures",
        "concussion",
        "adhd",
        "iep",
        "504 plan",
        # a health office's visit log: "Gabriel Khoury 9/5/09 ankle inj. (game) RICE, ice"
        "headache",
        "nausea",
        "vomiting",
        "fever",
        "anxiety",
        "nosebleed",
        "stomachache",
        "injury",
        "inj",
        # an athletic trainer's log: "hamstring strain, no sprinting x3d", "SCAT5 sent home"
        "sprain",
        "sprained",
        "strain",
        "fracture",
        "contusion",
        "laceration",
        "dislocation",
        "tendinitis",
        "heat cramps",
        "heat exhaustion",
        "subluxation",
        "stress fx",
        "acl",
        "mri",
        "torn",
        "scat5",
        "scat3",
        # a provider's invoice or log of the therapies each child had: "11/05 Brooks,
        # Jaylen BCBA consult Priya Raman 45" (not "OT", a payroll's overtime too)
        "bcba",
        "aba therapy",
        "occupational therapy",
        "physical therapy",
        "speech therapy",
        "speech-language",
    ),
    weak=(),
).compiled()
NAMED_HEALTH_LINES = 3  # named lines, at least, each with a condition or a plan
# A form letter's merge fields: «Student_First», {{ student.name }}, <<FirstName>>, ${dob}
# (or a letter template's blanks in square brackets, of two words or more: "[STUDENT
# FIRST LAST]", "[PROGRAM/SCHOOL]", "[him/her/them]"; not a mail system's tag, "[EXTERNAL]",
# nor a log's, "[BART-HEALTH]")
_MERGE_FIELD = re.compile(
    r"\u00ab[^\u00bb\n]{1,40}\u00bb|\{\{[^}\n]{1,40}\}\}|<<[A-Za-z_ ]{1,40}>>|\$\{[\w.]{1,40}\}"
    r"|\[(?:[A-Z][A-Z_]{1,}(?:[ /][A-Z_]{2,}){1,4}|[a-z]{2,5}(?:/[a-z]{2,5}){1,3})\]"
)
MERGE_FIELDS = 2  # merge fields, at least, that make a document a form letter
# An online form's definition, each field's label and input type as its JSON or YAML
# gives them ("label: Date of Birth" then "type: date"): the form, not anyone's answers
_SCHEMA_FIELD = re.compile(
    r"(?im)^[ \t]*(?:label|title|prompt)[ \t]*:[^\n]{1,80}\n[ \t]*(?:type|input_?type|"
    r"field_?type)[ \t]*:[ \t]*(?:text|textarea|string|date|daterange|datetime|select|"
    r"dropdown|radio|checkbox|number|integer|email|phone|tel|signature|file|boolean)[ \t]*$"
)
SCHEMA_FIELDS = 3  # fields, at least, that make a document a form's definition
# A blank form's person: "Student Name: ______", "Child's name: ____", "DOB: ___/___/____"
_UNFILLED_LABEL = prefiltered(
    re.compile(
        r"(?i)(?<![a-z])(?:(?:student|child|pupil)(?:'s)? name|name|date of birth|dob|sasid|"
        # (one run of blanks, a colon perhaps inside it: two in a row took time quadratic in
        # a long run of spaces)
        # (or a form letter's "To the Parent/Guardian of: ____   Student #: ____")
        r"student id|student ?#|student no\.?|parent/guardian of|parent or guardian of)"
        r"(?: \([^)\n]{0,30}\))?"
        # (a family's form gives the label in its languages too: "Student name / Nombre
        # del estudiante / Nome do aluno: ____")
        r"(?:[ \t]/[ \t][^/:_\n]{1,30}){0,4}[ \t]*(?::[ \t]*)?\[?_{4,}"
    )
)
# ... and a filled one's: "Student Name: Jane Smith"
_FILLED_NAME_LABEL = prefiltered(
    re.compile(
        r"(?i:(?<![a-z])(?:(?:student|child|pupil)(?:'s)? name|name))[ \t]*:[ \t]*[A-Z][a-z]+"
        # (not the next label across the form: "Parent/guardian name:      Relationship: __")
        r"(?![a-z])(?![ \t]*:)"
    )
)


# A district's non-discrimination notice, in every letter's footer: its "disability" is
# said of no one.
# (or USDA's statement on every meal program's paper: "this institution is prohibited from
# discriminating on the basis of race, color, national origin, sex, disability, age")
_NON_DISCRIMINATION = re.compile(
    r"(?:(?:does not|do not|shall not) discriminate|prohibited from discriminating|"
    r"discriminat\w* (?:against \w+ )?on the basis of)[^.\n]{0,400}"
)

# ... and a public meeting's own words: a policy's "First Reading", and the notice that
# "Persons requiring accommodation should contact ..." (the Open Meeting Law's agenda)
_MEETING_WORDS = re.compile(
    r"\b(?:first|second|third|1st|2nd|3rd) reading\b"
    r"|\bpersons? (?:requiring|needing|who (?:require|need)) (?:an? )?accommodations?\b"
)


# A staff directory's line, a job title beside its telephone extension: "Jennifer Walsh
# School Nurse, RN   x2186  Rm 104", "Ray Lacerda  Attendance Officer  x2105". The
# title's words ("nurse", "attendance") are a job's, no one's record.
# A mail's signature, from its "-- " line to the next blank one: the sender's title and
# office ("EL Program Coordinator, Grades 6-8") say nothing of anyone's record
_SIGNATURE_BLOCK = re.compile(r"(?m)^--[ \t]*\n(?:[ \t]*\S[^\n]*(?:\n|$)){1,8}")
_EXTENSION = re.compile(r"\b(?:x|ext\.?) ?\d{3,5}\b")
_DIRECTORY_LINE = re.compile(
    r"(?m)^(?=[^\n]*\b(?:x|ext\.?) ?\d{3,5}\b)"
    r"(?=[^\n]*\b(?:principal|secretary|registrar|clerk|counselor|nurse|chair|officer|"
    r"director|coordinator|psychologist|liaison|specialist)\b)[^\n]*$"
)


@dataclass(frozen=True, slots=True)
class Signal:
    entity: str
    score: float
    terms: tuple[str, ...]


class SignalCounter:
    """Accumulates the distinct terms seen across a document's blocks."""

    def __init__(self) -> None:
        self._terms: dict[str, set[str]] = {v.entity: set() for v in VOCABULARIES}
        self.record_shaped = False
        self.tabular_person_data = False
        # lines led by names: a roster read as text, or a newsletter's list of winners
        self.listed_people = False
        self._subjects: set[str] = set()  # roles of labelled names (`_SUBJECT_LABEL`)
        self._own_health = False  # one person's health is spoken of (`_OWN_HEALTH`)
        # ... or several people's, line by line (`feed_named_lines`)
        self._listed_health = False
        self.made_up = False  # the document says its people are fictitious (`_MADE_UP`)
        self.deidentified = False  # ... or that it names no one (`_DEIDENTIFIED`)
        # its students are grown now, or grown-ups in class (`_GROWN_STUDENTS`)
        self.grown_students = False
        # every birth date in it is a grown-up's (the detector tells): its people are adults
        self.adults_only = False
        # its people are merge fields or blanks (`_MERGE_FIELD`, `_UNFILLED_LABEL`)
        self._merge_fields = 0
        self._schema_fields = 0
        self._unfilled = False
        self._filled = False

    def feed(self, text: str, *, entities: Iterable[str] | None = None) -> None:
        """Count the terms of `text` (for the given signals only, when named)."""
        lowered = text.lower()
        if "discriminat" in lowered:  # a footer's "... on the basis of ... disability"
            lowered = _NON_DISCRIMINATION.sub(" ", lowered)
        if " reading" in lowered or "persons " in lowered or "person " in lowered:
            lowered = _MEETING_WORDS.sub(" ", lowered)
        # (a directory's job titles are no one's record, nor a mail signature's:
        # `_DIRECTORY_LINE`, `_SIGNATURE_BLOCK`)
        worded = _DIRECTORY_LINE.sub("", lowered) if _EXTENSION.search(lowered) else lowered
        if "--" in worded:
            worded = _SIGNATURE_BLOCK.sub("", worded)
        if "grades" in worded:
            worded = _GRADE_LEVELS.sub("levels", worded)
        wanted = _COMPILED if entities is None else {e: _COMPILED[e] for e in entities}
        for entity, pattern in wanted.items():
            seen = self._terms[entity]
            seen.update(m.group() for m in pattern.finditer(worded))
        if not self.record_shaped and any(shape.search(lowered) for shape in _RECORD_SHAPES):
            self.record_shaped = True
        if not self.made_up and entities is None and _MADE_UP.search(lowered):
            self.made_up = True
        if not self.deidentified and entities is None and _DEIDENTIFIED.search(lowered):
            self.deidentified = True
        if not self.grown_students and _speaks_of_grown_students(lowered):
            self.grown_students = True
        if entities is None:
            self._merge_fields += len(_MERGE_FIELD.findall(text))
            self._schema_fields += len(_SCHEMA_FIELD.findall(text))
            self._unfilled = self._unfilled or _UNFILLED_LABEL.search(text) is not None
            self._filled = self._filled or _FILLED_NAME_LABEL.search(text) is not None
        if entities is None:
            self._feed_record_shapes(text, lowered, worded)

    def _feed_record_shapes(self, text: str, lowered: str, worded: str) -> None:
        """What says a text is about one particular person: whose form it is, a letter
        about one child, a plan or report that is his, hers or a named student's.
        `worded` is `lowered` without a directory's lines (`_DIRECTORY_LINE`) and a
        mail's signature (`_SIGNATURE_BLOCK`)."""
        self._subjects.update(m.group(1) for m in _SUBJECT_LABEL.finditer(lowered))
        if (
            not self.record_shaped
            and "(#" in text
            and any(is_given_name(m.group(1)) for m in _NAMED_WITH_HASHED_NUMBER.finditer(text))
        ):
            self.record_shaped = True
        if not self.record_shaped and any(
            is_given_name((m.group("given") or m.group("given_after")).title())
            for m in _SUBJECT_IS_A_PERSON.finditer(text)
        ):
            self.record_shaped = True
        # (a directory's "Dana Whitcomb - Grade 6 Counselor (x4412)" is a counselor's line)
        # (nor a newsletter's "Students of the Month": "Shawn P. (Gr K), Evan B. (Gr 2)")
        marked = _lines_from(
            _GRADE_MARKER,
            worded,
            lambda m: (
                _names_someone(m)
                and not under_an_award_or_staff_heading(
                    worded, worded.rfind("\n", 0, m.start()) + 1
                )
            ),
        )
        if any(_MARKED_LINE_EVENT.search(lines.partition("\n")[0]) for lines in marked):
            self.record_shaped = True
            self._terms[EDUCATION.entity].add("a named student's absence or visit")
        # a log entry's dose ("Tylenol per standing parent auth (325mg)") is the named
        # student's health, in a nurse's shorthand no vocabulary lists
        if any(_STRONG_EDUCATION.search(lines) or _DOSE.search(lines) for lines in marked):
            self.record_shaped = True
            self._terms[STUDENT.entity].add("a named student's grade")
        for named in _NAMED_WITH_GRADE.finditer(text):
            self._terms[STUDENT.entity].add("a student named with a grade")
            # the record is said in the same paragraph (a mail's, a calendar invite's
            # "Annual review for Liam O. (Gr 3).<newline>Eligibility: ..."), not after a
            # blank line or a heading, where a newsletter goes on to its next item (nor
            # one of a list of honours: "Top Readers", then "Khoa Le (Grade 6) - 11 books")
            if _STRONG_EDUCATION.search(
                _rest_of_paragraph(text, named.end()).lower()
            ) and not under_an_award_or_staff_heading(text, text.rfind("\n", 0, named.start()) + 1):
                self.record_shaped = True
                break
        if _YOUR_CHILD.search(lowered) or _YOUR_NAMED_CHILD.search(text) or _PARENT_OF.search(text):
            self.record_shaped = True
            self._terms[STUDENT.entity].add(A_PARENTS_CHILD)
        own = {
            f"{m.group(1) or m.group(3)} {m.group(2) or m.group(4)}"
            for m in _OWN_RECORD.finditer(lowered)
        }
        own.update(
            f"a student's {(m.group(1) or m.group(2) or m.group(3) or 'grade').lower()}"
            for m in _NAMED_OWN_RECORD.finditer(text)
        )
        if _OWN_GPA.search(lowered) or _LISTED_GPA.search(text):
            own.add("a student's gpa")
        if _FIRST_PERSON_GRADE.search(text):
            own.add("a student's own grade")
        if _THIRD_PERSON_SCORE.search(text):
            own.add("a student's score, as a teacher reports it")
        if _LABELLED_MARK.search(text) or _SUBJECT_MARK.search(text):
            own.add("a student's mark, as a form gives it")
        if _COURSE_MARK.search(text):
            own.add("a student's mark in a course")
        if _RECORD_TITLE.search(text):
            own.add("a student's plan or report, by its title")
        if _MEAL_STATUS.search(lowered):
            self._terms[EDUCATION.entity].add("meal eligibility")
        if any(
            _STRONG_EDUCATION.search(m.group(1).lower()) for m in _INITIAL_LED_NOTE.finditer(text)
        ):
            own.add("a note on a named student")
        if any(is_given_name(m.group(1)) for m in _NAMED_PLAN_NOTE.finditer(text)):
            own.add(NAMED_STUDENTS_PLAN)
        if own:
            self.record_shaped = True
            self._terms[EDUCATION.entity].update(own)
            self._terms[STUDENT.entity].add("a student's own plan or report")
        health = {
            f"{m.group(1) or m.group(3)} {m.group(2) or m.group(4)}"
            for m in _OWN_HEALTH.finditer(lowered)
        }
        health.update(
            f"a named child's {(m.group(2) or m.group(4) or m.group(6)).lower()}"
            for m in _NAMED_HEALTH.finditer(text)
            if is_given_name(m.group(1) or m.group(3) or m.group(5))
        )
        if health:
            self.record_shaped = True
            self._own_health = True
            self._terms[EDUCATION.entity].update(health)
        events = _student_events(text)
        if events:
            self.record_shaped = True
            self._terms[EDUCATION.entity].update(events)
            self._terms[STUDENT.entity].update(events)
        school_life = {
            f"{m.group(1)} {' '.join(m.group(2).split())}"
            for m in _OWN_SCHOOL_LIFE.finditer(lowered)
        }
        if school_life:
            self.record_shaped = True
            self._terms[STUDENT.entity].update(school_life)
        if _marks_by_subject(lowered) or _printed_marks_table(text, lowered):
            self.record_shaped = True
            self._terms[EDUCATION.entity].add("marks by subject")
            self._terms[STUDENT.entity].add("marks by subject")
        if _ABSENCE_COUNT.search(lowered):
            self._terms[EDUCATION.entity].add("a count of absences")
        if _DOSE.search(text):
            self._terms[EDUCATION.entity].add("a medication dose")

    def grown_students_only(self) -> bool:
        """Whether the grown-ups the document speaks of may be its students: it speaks of
        former or adult students (`_GROWN_STUDENTS`), and not of a parent's child (a
        mother's records request for her son gives her own birth date)."""
        return self.grown_students and not self.says_any(STUDENT.entity, (A_PARENTS_CHILD,))

    def says_any(self, entity: str, terms: Iterable[str]) -> bool:
        """Whether the document has said any of `terms` of a signal."""
        return not self._terms[entity].isdisjoint(terms)

    def add_terms(self, entity: str, terms: Iterable[str]) -> None:
        self._terms[entity].update(terms)

    def add_subject(self, role: str) -> None:
        """Whose record the document is, as a table's first name column says ("Staff
        Name"): see `_SUBJECT_LABEL`."""
        self._subjects.add(role)

    def feed_named_lines(self, lines: Iterable[str]) -> None:
        """The lines that hold a person's name: where NAMED_HEALTH_LINES of them or more
        each give that person's condition or plan ("Randall Tate  Peanut allergy  nurse
        attends", a camp's EpiPen roster printed from a PDF), the text is a list of
        children's health records, whatever it calls them."""
        if self._own_health:
            return
        conditions = {m.group() for line in lines for m in _LINE_HEALTH.finditer(line.lower())}
        named = sum(1 for line in lines if _LINE_HEALTH.search(line.lower()))
        if named >= NAMED_HEALTH_LINES:
            self.record_shaped = True
            self._own_health = True
            self._listed_health = True
            self._terms[EDUCATION.entity].update(f"a named child's {c}" for c in conditions)

    def raw(self, entity: str) -> float:
        """The summed weights of an entity's terms, rounded: a set's order changes with
        each process's string hashes, and summed in another order 0.4 + 0.15 + 0.15 may
        differ from 0.15 + 0.15 + 0.4 in its last bit, which decided ties between the
        student and employee signals differently from run to run."""
        weights = _WEIGHTS[entity]
        return round(math.fsum(weights.get(term, STRONG) for term in self._terms[entity]), 6)

    def is_template(self) -> bool:
        """Whether the document is a form letter or a blank form: its people are merge
        fields ("RE: «Student_First» «Student_Last»"), or its name, birth date and ID
        labels are followed by blanks and none by a name ("Student Name: ______"), or
        it defines an online form's fields (`_SCHEMA_FIELD`)."""
        return (
            self._merge_fields >= MERGE_FIELDS
            or self._schema_fields >= SCHEMA_FIELDS
            or (self._unfilled and not self._filled)
        )

    def signals(self) -> list[Signal]:
        """Which signals the document carries, by the rules in the module docstring."""
        edu, stu, emp = (self.raw(v.entity) for v in VOCABULARIES)
        # A list of names in text says less than a table does: a newsletter lists its
        # award winners by grade. Such a list is a record where much is said of them.
        about_person = (
            self.record_shaped
            or self.tabular_person_data
            or (self.listed_people and edu >= LISTED_PEOPLE_EVIDENCE)
        )
        out: list[Signal] = []
        if self.made_up:
            return out  # a training sample's student is no one
        staff_subject = bool(self._subjects & _STAFF_SUBJECTS) and self._subjects <= _STAFF_SUBJECTS
        employee_led = emp >= EMIT_AT and (emp >= stu or staff_subject)
        if employee_led:
            out.append(self._signal(EMPLOYEE.entity, emp))
        if stu >= EMIT_AT:
            out.append(self._signal(STUDENT.entity, stu))
        # An education record is about a student: only where students are spoken of, not
        # in an HR file, and only in a file about someone in particular (a form, a table
        # of people, a letter about one child): a newsletter or a policy speaks of report
        # cards and IEP meetings about no one. One child's health in a school's file is a
        # record even where nothing says "student" (a nurse's e-mail to a parent).
        about_students = (stu >= STRONG or self._own_health) and (
            not self.adults_only or self.grown_students_only()
        )
        if self.is_template():
            about_person = False  # a form letter's or a blank form's student is no one yet
        if self.deidentified:
            # a report that says it identifies no one (a DPH head-injury report, a research
            # extract) speaks of concussions and grades of no one: the name in it is its
            # author's. (A student's ID or birth date beside a name still makes a record.)
            about_person = False
        # (a per-diem nurse's timesheet for payroll logs her visits: the children named
        # with their grades, or their school-age birth dates, each with a condition, are
        # students and those their records)
        students_health = self._listed_health and self.says_any(
            STUDENT.entity, ("a student named with a grade", SCHOOL_AGE_BIRTH_DATE)
        )
        # (nor are a pay file's words of a child named with his grade and what his
        # education owes him: a settlement's "BSEA No. 2407812 (Mateo Castillo, gr 8)",
        # its evaluation reimbursed to the parent by direct deposit)
        named_students_record = edu >= LISTED_PEOPLE_EVIDENCE and self.says_any(
            STUDENT.entity, ("a student named with a grade",)
        )
        # (nor does a workbook's sheet of contractors, their W-9s and bank accounts, make
        # its sheet of students by their IEP and 504 meetings any less their records; nor
        # a student teacher's observation notes their list of the children's plans)
        students_plans = self.says_any(EDUCATION.entity, (STUDENTS_PLANS, NAMED_STUDENTS_PLAN))
        if (
            edu >= EMIT_AT
            and about_students
            and (not employee_led or students_health or named_students_record or students_plans)
            and about_person
        ):
            out.append(self._signal(EDUCATION.entity, edu))
        return out

    def _signal(self, entity: str, raw: float) -> Signal:
        return Signal(entity, round(min(CAP, raw), 2), tuple(sorted(self._terms[entity])))
