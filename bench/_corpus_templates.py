"""Templates of the documents a school district holds, with varied shapes.

Each template composes one document and records, through `Rec`, every
personal value it writes; it states the document's classes itself, because
only the template knows whose birth date a date is (a student's makes a FERPA
record, an employee's does not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from bench import _writers as w
from bench._corpus_people import (
    SCHOOLS,
    STREET_NAMES_LIKE_PEOPLE,
    SUBJECTS,
    TODAY,
    People,
    luhn_valid,
)
from bench._corpus_render import Doc, Rec, Sheet, render_doc, render_sheets

H93 = "mgl-93h-personal-information"
FERPA = "ferpa-student-record"


@dataclass
class Piece:
    stem: str
    kind: str
    data: bytes
    classes: set[str]
    rec: Rec
    family: str
    members: list[str] = field(default_factory=list)


Template = Callable[[People], Piece]


def staff(p: People, rec: Rec) -> str:
    """A staff member's name as letters write it, sometimes with a title; the
    ground truth holds the name without the title."""
    title = p.rng.choice(["Ms. ", "Mr. ", "Dr. ", "", "", ""])
    return title + rec("PERSON", f"{p.fake.first_name()} {p.last_name()}")


def _stem(p: People, *words: str) -> str:
    word = p.rng.choice(words)
    return f"{word}_{p.rng.randint(100, 999)}"


# --- students -----------------------------------------------------------------

_ROSTER_COLUMNS = {
    "id": ["SASID", "Student ID", "State ID", "Local ID", "Student #"],
    "dob": ["DOB", "Date of Birth", "Birth Date", "Birthdate"],
    "phone": ["Guardian Phone", "Parent Phone", "Home Phone", "Contact Phone"],
}


def roster(p: People) -> Piece:
    kind = p.rng.choice(["csv", "csv", "xlsx", "xlsx", "xlsx", "ods", "tsv", "json", "xml", "html"])
    rec = Rec()
    grade = p.rng.randint(0, 12)
    split_name = p.rng.random() < 0.6
    last_first = p.rng.random() < 0.4  # "Okafor, Amara", as SIS exports write names

    def full_name(first: str, last: str) -> str:
        return f"{last}, {first}" if last_first else f"{first} {last}"

    id_head = p.rng.choice(_ROSTER_COLUMNS["id"])
    with_dob = p.rng.random() < 0.75
    with_guardian = p.rng.random() < 0.6
    with_address = p.rng.random() < 0.3
    with_email = p.rng.random() < 0.25
    header = [id_head] + (["Last Name", "First Name"] if split_name else ["Student Name"])
    header += ["Grade", "Homeroom"]
    if with_dob:
        header.append(p.rng.choice(_ROSTER_COLUMNS["dob"]))
    if with_guardian:
        header += ["Guardian", p.rng.choice(_ROSTER_COLUMNS["phone"])]
    if with_address:
        header.append("Home Address")
    if with_email:
        header.append("Student Email")
    date_style = p.rng.choice(["iso", "us"])
    rows = []
    for _ in range(p.rng.randint(6, 35)):
        s = p.student(grade)
        local = id_head in ("Local ID", "Student #")
        row = [rec("STUDENT_ID", s.local_id if local else s.sasid)]
        rec("PERSON", s.name if split_name else full_name(s.first, s.last))
        row += [s.last, s.first] if split_name else [full_name(s.first, s.last)]
        row += ["K" if grade == 0 else str(grade), s.homeroom]
        if with_dob:
            row.append(rec("DATE_OF_BIRTH", p.fmt_date(s.dob, date_style)))
        if with_guardian:
            row += [rec("PERSON", s.guardian), rec("PHONE_NUMBER", s.guardian_phone)]
        if with_address:
            row.append(rec("STREET_ADDRESS", s.address))
        if with_email:
            row.append(rec("EMAIL_ADDRESS", s.email))
        rows.append(row)
    school = p.rng.choice(SCHOOLS)
    titles = [f"{school} — Grade {grade} roster", f"Printed {p.fmt_date(TODAY)}"]
    sheet = Sheet(
        p.rng.choice(["Roster", "Students", f"Grade {grade}", "Export"]),
        header,
        rows,
        titles if p.rng.random() < 0.5 else [],
    )
    stem = _stem(p, "roster", "class_list", "students_export", "homeroom", "enrollment")
    # Excel's "CSV UTF-8" writes a BOM; older exports are Windows-1252
    encoding = p.rng.choice(["utf-8", "utf-8-sig", "cp1252"])
    data = render_sheets(kind, [sheet], root="students", encoding=encoding)
    return Piece(stem, kind, data, {FERPA}, rec, "roster")


def gradebook(p: People) -> Piece:
    kind = p.rng.choice(["csv", "xlsx", "xlsx", "ods"])
    rec = Rec()
    subject = p.rng.choice(SUBJECTS)
    tasks = p.rng.sample(
        ["Quiz 1", "Quiz 2", "Lab 1", "Essay", "Unit Test", "Project", "Homework Avg", "Midterm"], 4
    )
    header = ["Student", *tasks, "Term Grade"]
    rows = []
    for _ in range(p.rng.randint(10, 28)):
        s = p.student()
        scores = [str(p.rng.randint(55, 100)) for _ in tasks]
        rows.append(
            [
                rec("PERSON", s.name),
                *scores,
                p.rng.choice(["A", "A-", "B+", "B", "B-", "C+", "C", "D", "F"]),
            ]
        )
    sheet = Sheet(subject[:30], header, rows, [f"{subject} — Term 1 grades"])
    return Piece(
        _stem(p, "gradebook", "grades_term1", "marks"),
        kind,
        render_sheets(kind, [sheet]),
        {FERPA},
        rec,
        "gradebook",
    )


def report_card(p: People) -> Piece:
    kind = p.rng.choice(["docx", "pdf", "pdf", "odt"])
    rec = Rec()
    s = p.student()
    school = p.rng.choice(SCHOOLS)
    if p.rng.random() < 0.5:
        id_line = f"SASID: {rec('STUDENT_ID', s.sasid)}"
    else:
        id_line = f"Student ID: {rec('STUDENT_ID', s.local_id)}"
    paragraphs = [
        school,
        f"Student: {rec('PERSON', s.name)}",
        id_line,
        f"Grade {s.grade}   Homeroom {s.homeroom}   Term 1, 2026-2027",
    ]
    if p.rng.random() < 0.4:
        paragraphs.append(f"Date of birth: {rec('DATE_OF_BIRTH', p.fmt_date(s.dob))}")
    table = [["Subject", "Term 1", "Effort", "Comment"]]
    for subject in p.rng.sample(SUBJECTS, 5):
        table.append(
            [
                subject,
                p.rng.choice(["A", "B+", "B", "3", "4", "Meets", "Exceeds"]),
                p.rng.choice(["E", "G", "S", "N"]),
                p.rng.choice(
                    [
                        "Participates well",
                        "Needs to complete homework",
                        "Strong growth",
                        "Works well with peers",
                    ]
                ),
            ]
        )
    paragraphs.append(
        f"Teacher comments: {s.first} has "
        + p.rng.choice(["made steady progress", "worked hard", "shown real growth"])
        + " this term and should keep reading every night."
    )
    paragraphs.append(f"Teacher: {staff(p, rec)}")
    return Piece(
        _stem(p, "report_card", "progress_report", "reportcard"),
        kind,
        render_doc(kind, Doc("Report Card", paragraphs, [table])),
        {FERPA},
        rec,
        "report_card",
    )


_ACCOMMODATIONS = (
    "Extended time (time and a half) on tests and quizzes",
    "Preferential seating near instruction",
    "Tests read aloud",
    "Use of a calculator",
    "Breaks as needed with a pass",
    "Copy of class notes provided",
    "Reduced-distraction testing location",
    "Speech-to-text for written assignments",
    "Check-in with counselor twice weekly",
)
_DISABILITIES = (
    "Specific Learning Disability",
    "Autism",
    "Health (ADHD)",
    "Communication",
    "Emotional",
    "Type 1 diabetes",
    "Severe peanut allergy",
    "Hearing impairment",
)


def iep_504(p: People) -> Piece:
    kind = p.rng.choice(["docx", "docx", "pdf", "pdf", "odt", "txt"])
    rec = Rec()
    s = p.student()
    plan = p.rng.choice(
        ["Individualized Education Program (IEP)", "Section 504 Accommodation Plan"]
    )
    paragraphs = [
        f"{p.rng.choice(SCHOOLS)} — Office of Student Services",
        f"Student name: {rec('PERSON', s.name)}",
        f"Date of Birth: {rec('DATE_OF_BIRTH', p.fmt_date(s.dob))}",
    ]
    if p.rng.random() < 0.7:
        paragraphs.append(f"SASID {rec('STUDENT_ID', s.sasid)}   Grade {s.grade}")
    paragraphs += [
        f"Plan period: {p.fmt_date(dt.date(2026, 9, 15))} to {p.fmt_date(dt.date(2027, 6, 20))}",
        f"Disability / condition: {p.rng.choice(_DISABILITIES)}",
        "Accommodations:",
        *[f"- {a}" for a in p.rng.sample(_ACCOMMODATIONS, p.rng.randint(2, 5))],
        f"Parent/guardian: {rec('PERSON', s.guardian)}, {rec('PHONE_NUMBER', s.guardian_phone)}",
    ]
    team = [["Team member", "Role"]]
    for role in p.rng.sample(
        [
            "Special Education Teacher",
            "School Psychologist",
            "504 Coordinator",
            "Speech Pathologist",
            "Classroom Teacher",
            "Principal",
        ],
        3,
    ):
        team.append([staff(p, rec), role])
    return Piece(
        _stem(p, "iep", "504_plan", "accommodation_plan", "sped_plan"),
        kind,
        render_doc(kind, Doc(plan, paragraphs, [team])),
        {FERPA},
        rec,
        "iep_504",
    )


def health_note(p: People) -> Piece:
    rec = Rec()
    if p.rng.random() < 0.35:  # the nurse's visit log, a table
        kind = p.rng.choice(["csv", "xlsx"])
        rows = []
        for _ in range(p.rng.randint(5, 20)):
            s = p.student()
            day = p.date_between(dt.date(2026, 9, 8), TODAY)
            rows.append(
                [
                    day.isoformat(),
                    rec("PERSON", s.name),
                    str(s.grade),
                    p.rng.choice(
                        [
                            "headache",
                            "stomach ache",
                            "asthma - inhaler given",
                            "injury at recess",
                            "fever 100.9F",
                            "insulin check",
                        ]
                    ),
                    p.rng.choice(["returned to class", "sent home", "parent called"]),
                ]
            )
        sheet = Sheet(
            "Visits", ["Visit Date", "Student", "Grade", "Complaint", "Disposition"], rows
        )
        return Piece(
            _stem(p, "nurse_log", "health_office_visits"),
            kind,
            render_sheets(kind, [sheet]),
            {FERPA},
            rec,
            "health_note",
        )
    kind = p.rng.choice(["docx", "pdf", "txt", "odt", "pdf-form"])
    s = p.student()
    if kind == "pdf-form":  # a fillable form: the values live in its fields
        fields = {
            "Student Name": rec("PERSON", s.name),
            "Date of Birth": rec("DATE_OF_BIRTH", p.fmt_date(s.dob, "us")),
            "SASID": rec("STUDENT_ID", s.sasid),
            "Allergies": p.rng.choice(["peanuts", "bee stings", "none", "latex"]),
            "Parent Phone": rec("PHONE_NUMBER", s.guardian_phone),
        }
        data = w.fillable_pdf_bytes(["Emergency Health Information Form", "Please print."], fields)
        return Piece(_stem(p, "health_form"), "pdf", data, {FERPA}, rec, "health_note")
    condition = p.rng.choice(
        [
            "asthma",
            "severe peanut allergy (EpiPen)",
            "type 1 diabetes",
            "seizure disorder",
            "ADHD - methylphenidate at noon",
        ]
    )
    paragraphs = [
        f"Student: {rec('PERSON', s.name)}   Grade {s.grade}",
        f"DOB: {rec('DATE_OF_BIRTH', p.fmt_date(s.dob))}",
        f"Condition: {condition}",
        f"Medication on file with the nurse; emergency contact {rec('PERSON', s.guardian)} at "
        f"{rec('PHONE_NUMBER', s.guardian_phone)}.",
        f"School nurse: {staff(p, rec)}",
    ]
    title = p.rng.choice(
        ["Individual Health Care Plan", "Nurse's Note", "Medication Authorization"]
    )
    return Piece(
        _stem(p, "health_plan", "nurse_note", "medication_form"),
        kind,
        render_doc(kind, Doc(title, paragraphs)),
        {FERPA},
        rec,
        "health_note",
    )


def attendance_letter(p: People) -> Piece:
    kind = p.rng.choice(["docx", "pdf", "txt"])
    rec = Rec()
    s = p.student()
    days = sorted(p.date_between(dt.date(2026, 9, 8), TODAY) for _ in range(p.rng.randint(3, 7)))
    paragraphs = [
        p.fmt_date(TODAY, "long"),
        rec("PERSON", s.guardian),
        rec("STREET_ADDRESS", s.address),
        f"Dear {s.guardian},",
        f"Our records show that {s.name} (Student ID {rec('STUDENT_ID', s.local_id)}) was absent "
        f"without excuse on {', '.join(p.fmt_date(d, 'us') for d in days)}.",
        "Massachusetts law requires regular attendance. Please contact the main office to "
        "schedule a meeting with the attendance team.",
        "Sincerely,",
        staff(p, rec),
        "Assistant Principal",
    ]
    rec("PERSON", s.guardian)  # salutation
    rec("PERSON", s.name)
    return Piece(
        _stem(p, "attendance_letter", "truancy_notice", "letter"),
        kind,
        render_doc(kind, Doc("Notice of Unexcused Absences", paragraphs)),
        {FERPA},
        rec,
        "letter",
    )


# --- employees ----------------------------------------------------------------


def payroll(p: People) -> Piece:
    kind = p.rng.choice(["csv", "xlsx", "xlsx", "ods", "xlsm", "tsv"])
    rec = Rec()
    header = [
        "Employee ID",
        "Employee Name",
        "SSN",
        "Position",
        "Routing Number",
        "Account Number",
        "Gross Pay",
    ]
    if p.rng.random() < 0.4:
        header.insert(3, "Date of Birth")
    rows = []
    for _ in range(p.rng.randint(6, 30)):
        e = p.employee()
        row = [e.employee_id, rec("PERSON", e.name), rec("US_SSN", e.ssn)]
        if "Date of Birth" in header:
            row.append(rec("DATE_OF_BIRTH", e.dob.isoformat()))
        row += [
            e.title,
            rec("ABA_ROUTING_NUMBER", e.routing),
            rec("US_BANK_NUMBER", e.bank_account),
            f"{e.salary / 26:.2f}",
        ]
        rows.append(row)
    period = p.date_between(dt.date(2026, 7, 1), TODAY)
    sheet = Sheet(
        "Payroll",
        header,
        rows,
        [f"Pay period ending {p.fmt_date(period)}", "Direct deposit register"],
    )
    return Piece(
        _stem(p, "payroll", "direct_deposit", "pay_register"),
        kind,
        render_sheets(kind, [sheet]),
        {H93},
        rec,
        "payroll",
    )


def new_hire(p: People) -> Piece:
    kind = p.rng.choice(["docx", "pdf", "pdf", "odt"])
    rec = Rec()
    e = p.employee()
    paragraphs = [
        "Human Resources — New Employee Information",
        f"Name: {rec('PERSON', e.name)}",
        f"Position: {e.title}",
        f"Date of birth: {rec('DATE_OF_BIRTH', p.fmt_date(e.dob))}",
        f"Social Security Number: {rec('US_SSN', e.ssn)}",
        f"Home address: {rec('STREET_ADDRESS', e.address)}",
        f"Phone: {rec('PHONE_NUMBER', e.phone)}",
    ]
    if p.rng.random() < 0.6:
        paragraphs.append(f"Massachusetts driver's license: {rec('US_DRIVER_LICENSE', e.license)}")
    if p.rng.random() < 0.7:
        paragraphs += [
            "Direct deposit authorization",
            f"Bank routing number: {rec('ABA_ROUTING_NUMBER', e.routing)}",
            f"Checking account number: {rec('US_BANK_NUMBER', e.bank_account)}",
        ]
    paragraphs.append(f"Start date: {p.fmt_date(p.date_between(dt.date(2026, 8, 1), TODAY))}")
    return Piece(
        _stem(p, "new_hire", "hr_onboarding", "employee_info"),
        kind,
        render_doc(kind, Doc("New Hire Form", paragraphs)),
        {H93},
        rec,
        "hr",
    )


def emergency_contact(p: People) -> Piece:
    """An employee's birth date and phone: personal, but neither class."""
    kind = p.rng.choice(["docx", "pdf", "txt"])
    rec = Rec()
    e = p.employee()
    contact = f"{p.fake.first_name()} {p.last_name()}"
    relation = p.rng.choice(["spouse", "sister", "parent", "partner"])
    paragraphs = [
        f"Employee: {rec('PERSON', e.name)}   Employee #{e.employee_id}",
        f"Department: {e.title}",
        f"Date of birth: {rec('DATE_OF_BIRTH', p.fmt_date(e.dob))}",
        f"Cell: {rec('PHONE_NUMBER', e.phone)}",
        f"Emergency contact: {rec('PERSON', contact)} ({relation}), "
        f"{rec('PHONE_NUMBER', p.phone())}",
    ]
    return Piece(
        _stem(p, "emergency_contact", "staff_contact_form"),
        kind,
        render_doc(kind, Doc("Staff Emergency Contact Form", paragraphs)),
        set(),
        rec,
        "hr",
    )


def bus_drivers(p: People) -> Piece:
    kind = p.rng.choice(["csv", "xlsx"])
    rec = Rec()
    rows = []
    for route in range(1, p.rng.randint(6, 18)):
        e = p.employee()
        rows.append(
            [
                f"Route {route}",
                rec("PERSON", e.name),
                rec("US_DRIVER_LICENSE", e.license),
                p.rng.choice(["B", "C"]),
                rec("PHONE_NUMBER", e.phone),
            ]
        )
    sheet = Sheet("Drivers", ["Route", "Driver", "License Number", "CDL Class", "Cell Phone"], rows)
    return Piece(
        _stem(p, "bus_drivers", "transportation_staff"),
        kind,
        render_sheets(kind, [sheet]),
        {H93},
        rec,
        "drivers",
    )


def fundraiser_cards(p: People) -> Piece:
    kind = p.rng.choice(["csv", "xlsx", "txt"])
    rec = Rec()
    rows = []
    for _ in range(p.rng.randint(4, 15)):
        name = f"{p.fake.first_name()} {p.last_name()}"
        month, year = p.rng.randint(1, 12), p.rng.randint(27, 31)
        rows.append(
            [
                rec("PERSON", name),
                rec("CREDIT_CARD", p.card()),
                f"{month:02d}/{year}",
                f"{p.rng.choice([25, 40, 50, 100, 250])}.00",
            ]
        )
    header = ["Donor", "Card Number", "Exp", "Amount"]
    if kind == "txt":
        lines = [f"{r[0]} paid {r[3]} with card {r[1]} exp {r[2]}" for r in rows]
        doc = Doc("PTO Fall Fundraiser — card payments taken at the door", lines)
        return Piece(
            _stem(p, "fundraiser_payments"), kind, render_doc("txt", doc), {H93}, rec, "cards"
        )
    return Piece(
        _stem(p, "pto_fundraiser", "donations"),
        kind,
        render_sheets(kind, [Sheet("Payments", header, rows)]),
        {H93},
        rec,
        "cards",
    )


# --- no class: hard negatives and ordinary documents ----------------------------


def purchase_order(p: People) -> Piece:
    kind = p.rng.choice(["csv", "xlsx", "pdf", "docx", "txt"])
    rec = Rec()
    rows = []
    for _ in range(p.rng.randint(4, 14)):
        isbn = "978" + p.digits(9)
        check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(isbn)) % 10) % 10
        isbn13 = isbn + str(check)
        shown = p.rng.choice(
            [isbn13, f"{isbn13[:3]}-{isbn13[3]}-{isbn13[4:7]}-{isbn13[7:12]}-{isbn13[12]}"]
        )
        rows.append(
            [
                rec.decoy("ORDER_NUMBER", p.digits(10, "4")),
                rec.decoy("ISBN", shown),
                p.rng.choice(
                    [
                        "Math in Focus Gr 4",
                        "Wonders Reader",
                        "Lab goggles (box)",
                        "Chromebook charger",
                        "Composition notebooks",
                    ]
                ),
                str(p.rng.randint(1, 60)),
                rec.decoy("ROOM", f"Room {p.rng.randint(100, 399)}"),
            ]
        )
    vendor_zip = rec.decoy("ZIP", p.rng.choice(["02139", "02141", "01730", "02451-1203"]))
    bad_card = p.card(valid=False)
    assert not luhn_valid(bad_card)
    rec.decoy("INVALID_LUHN_16", bad_card)
    po = rec.decoy("ORDER_NUMBER", f"PO-2026-{p.rng.randint(1000, 9999)}")
    header = ["Order #", "ISBN", "Item", "Qty", "Deliver to"]
    if kind in ("csv", "xlsx"):
        sheet = Sheet("Order", header, rows, [f"Purchase order {po}", f"Ship to ZIP {vendor_zip}"])
        return Piece(
            _stem(p, "purchase_order", "book_order"),
            kind,
            render_sheets(kind, [sheet]),
            set(),
            rec,
            "negative",
        )
    paragraphs = [
        f"Purchase order {po}, ordered {p.fmt_date(p.date_between(dt.date(2026, 8, 1), TODAY))}",
        f"Deliver to loading dock, {p.rng.choice(STREET_NAMES_LIKE_PEOPLE)} entrance, "
        f"Cambridge MA {vendor_zip}",
        f"Vendor tracking reference {bad_card}",
        "Invoice within 30 days of delivery.",
    ]
    return Piece(
        _stem(p, "purchase_order", "requisition"),
        kind,
        render_doc(kind, Doc("Purchase Order", paragraphs, [[header, *rows]])),
        set(),
        rec,
        "negative",
    )


def newsletter(p: People) -> Piece:
    kind = p.rng.choice(["docx", "pdf", "pptx", "html", "txt"])
    rec = Rec()
    school = p.rng.choice(SCHOOLS)
    winners = [
        rec("PERSON", f"{p.fake.first_name()} {p.last_name()}") for _ in range(p.rng.randint(2, 6))
    ]
    street = p.rng.choice(STREET_NAMES_LIKE_PEOPLE)
    event = p.date_between(TODAY, dt.date(2027, 1, 30))
    room = rec.decoy("ROOM", str(p.rng.randint(100, 340)))
    other_street = p.rng.choice(STREET_NAMES_LIKE_PEOPLE)
    order = rec.decoy("ORDER_NUMBER", p.digits(10, "7"))
    paragraphs = [
        f"News from {school}",
        f"Congratulations to our science fair finalists: {', '.join(winners)}!",
        f"Family math night is on {p.fmt_date(event, 'long')} at 6 pm in Room {room}.",
        f"{street} will be closed for repaving; please use the {other_street} drop-off.",
        f"Book fair order numbers start with {order}; bring your receipt.",
        f"Principal {staff(p, rec)} thanks every family who volunteered.",
    ]
    return Piece(
        _stem(p, "newsletter", "family_update", "weekly_news"),
        kind,
        render_doc(kind, Doc(f"{school} Newsletter", paragraphs)),
        set(),
        rec,
        "negative",
    )


def staff_directory(p: People) -> Piece:
    kind = p.rng.choice(["csv", "xlsx", "html"])
    rec = Rec()
    rows = []
    for _ in range(p.rng.randint(8, 25)):
        e = p.employee()
        rows.append(
            [
                rec("PERSON", e.name),
                e.title,
                rec.decoy("ROOM", str(p.rng.randint(100, 399))),
                f"x{p.rng.randint(1000, 9999)}",
                rec("EMAIL_ADDRESS", e.email),
            ]
        )
    sheet = Sheet("Staff", ["Name", "Title", "Room", "Extension", "Email"], rows)
    return Piece(
        _stem(p, "staff_directory", "faculty_list"),
        kind,
        render_sheets(kind, [sheet]),
        set(),
        rec,
        "directory",
    )


def meeting_minutes(p: People) -> Piece:
    kind = p.rng.choice(["docx", "txt", "odt", "pdf"])
    rec = Rec()
    people = [staff(p, rec) for _ in range(p.rng.randint(3, 6))]
    day = p.date_between(dt.date(2026, 9, 1), TODAY)
    room = rec.decoy("ROOM", str(p.rng.randint(100, 399)))
    order = rec.decoy("ORDER_NUMBER", p.digits(10, "5"))
    paragraphs = [
        f"Date: {p.fmt_date(day)}   Location: Room {room}",
        f"Present: {', '.join(people)}",
        f"1. Budget: the technology request (order {order}) was approved.",
        f"2. Next meeting {p.fmt_date(day + dt.timedelta(days=14), 'long')}.",
        f"3. Crossing guard needed at {p.rng.choice(STREET_NAMES_LIKE_PEOPLE)} and "
        f"{p.rng.choice(STREET_NAMES_LIKE_PEOPLE)}.",
    ]
    return Piece(
        _stem(p, "minutes", "staff_meeting", "sit_notes"),
        kind,
        render_doc(kind, Doc("School Site Council minutes", paragraphs)),
        set(),
        rec,
        "negative",
    )


def slide_deck(p: People) -> Piece:
    rec = Rec()
    if p.rng.random() < 0.5:
        rows = [["Student", "Plan", "Accommodation"]]
        for _ in range(p.rng.randint(3, 7)):
            s = p.student()
            rows.append(
                [rec("PERSON", s.name), p.rng.choice(["IEP", "504"]), p.rng.choice(_ACCOMMODATIONS)]
            )
        doc = Doc(
            "Student Support Team — case review",
            ["Confidential: for the SST only", f"Meeting {p.fmt_date(TODAY)}"],
            [rows],
        )
        return Piece(
            _stem(p, "sst_review", "support_team"),
            "pptx",
            render_doc("pptx", doc),
            {FERPA},
            rec,
            "slides",
        )
    doc = Doc(
        "Professional development: formative assessment",
        [
            "Goals for today",
            "Exit tickets and quick checks",
            f"Presenter: {staff(p, rec)}",
            "Room " + rec.decoy("ROOM", str(p.rng.randint(100, 399))),
        ],
    )
    return Piece(
        _stem(p, "pd_session", "training"), "pptx", render_doc("pptx", doc), set(), rec, "slides"
    )


def benefits_census(p: People) -> Piece:
    """Employees' birth dates for the insurer: personal, but neither class."""
    kind = p.rng.choice(["xlsx", "csv", "ods"])
    rec = Rec()
    rows = []
    for _ in range(p.rng.randint(8, 30)):
        e = p.employee()
        rows.append(
            [
                e.employee_id,
                rec("PERSON", e.name),
                rec("DATE_OF_BIRTH", e.dob.isoformat()),
                p.rng.choice(["HMO Blue", "PPO", "Waived"]),
                p.rng.choice(["Employee", "Employee + 1", "Family"]),
                e.title,
            ]
        )
    header = ["Employee #", "Employee", "Date of Birth", "Medical Plan", "Coverage", "Position"]
    sheet = Sheet("Census", header, rows, ["Open enrollment census — plan year 2027"])
    return Piece(
        _stem(p, "benefits_census", "open_enrollment"),
        kind,
        render_sheets(kind, [sheet]),
        set(),
        rec,
        "hr",
    )


def permission_slip(p: People) -> Piece:
    """Field-trip forms: a student's health needs make them a record."""
    kind = p.rng.choice(["docx", "pdf", "xlsx", "csv"])
    rec = Rec()
    trip = p.rng.choice(
        [
            "Museum of Science",
            "Harvard Forest",
            "New England Aquarium",
            "Boston Symphony youth concert",
        ]
    )
    day = p.date_between(TODAY, dt.date(2027, 5, 30))
    if kind in ("xlsx", "csv"):
        rows = []
        for _ in range(p.rng.randint(8, 24)):
            s = p.student()
            needs = p.rng.choice(
                [
                    "",
                    "",
                    "peanut allergy - EpiPen",
                    "asthma inhaler",
                    "Type 1 diabetes - snacks",
                    "bee sting allergy",
                ]
            )
            rows.append(
                [
                    rec("PERSON", s.name),
                    "yes",
                    needs,
                    rec("PERSON", s.guardian),
                    rec("PHONE_NUMBER", s.guardian_phone),
                ]
            )
        header = ["Student", "Signed", "Medical Needs", "Emergency Contact", "Phone"]
        sheet = Sheet("Trip", header, rows, [f"{trip} — {p.fmt_date(day)}"])
        return Piece(
            _stem(p, "field_trip_list", "trip_roster"),
            kind,
            render_sheets(kind, [sheet]),
            {FERPA},
            rec,
            "permission",
        )
    s = p.student()
    paragraphs = [
        f"Trip: {trip} on {p.fmt_date(day, 'long')}",
        f"Student: {rec('PERSON', s.name)}   Grade {s.grade}   Homeroom {s.homeroom}",
        "Medical conditions or allergies: "
        + p.rng.choice(
            [
                "asthma (inhaler in bag)",
                "peanut allergy, EpiPen",
                "none known",
                "ADHD medication at noon",
            ]
        ),
        f"Emergency contact: {rec('PERSON', s.guardian)}, {rec('PHONE_NUMBER', s.guardian_phone)}",
        "Parent/guardian signature: ______________________",
    ]
    return Piece(
        _stem(p, "permission_slip", "field_trip_form"),
        kind,
        render_doc(kind, Doc("Field Trip Permission and Medical Form", paragraphs)),
        {FERPA},
        rec,
        "permission",
    )


TEMPLATES: dict[str, tuple[Template, int]] = {
    "roster": (roster, 14),
    "benefits_census": (benefits_census, 2),
    "permission": (permission_slip, 3),
    "gradebook": (gradebook, 3),
    "report_card": (report_card, 7),
    "iep_504": (iep_504, 7),
    "health_note": (health_note, 6),
    "letter": (attendance_letter, 5),
    "payroll": (payroll, 7),
    "new_hire": (new_hire, 6),
    "emergency_contact": (emergency_contact, 3),
    "bus_drivers": (bus_drivers, 3),
    "cards": (fundraiser_cards, 3),
    "purchase_order": (purchase_order, 7),
    "newsletter": (newsletter, 7),
    "staff_directory": (staff_directory, 3),
    "minutes": (meeting_minutes, 3),
    "slides": (slide_deck, 3),
}
