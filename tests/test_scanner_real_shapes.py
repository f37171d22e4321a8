"""Shapes that real district files take and the bench's generated corpus did not.

Each case here was a miss or a false alarm on a set of hand-written school documents
(exports with identifier-style headers, professional licence numbers, e-mails whose
attachment is the record): real files of each format, scanned end to end with the
district policy.
"""

from __future__ import annotations

import datetime
import io
import json
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from district_classes import FERPA, MGL_93H

from bench import _writers as w
from pii_guard.cli import main
from pii_guard.scanning import classify_reports, scanner_for_policy
from policies import Policy, load_policy
from scanners import FileReport, Scanner, ScannerConfig
from scanners.recognizers.checksums import luhn
from scanners.recognizers.columns import cell_value_ok
from scanners.recognizers.name_words import names_no_one


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(None).policy


@pytest.fixture(scope="module")
def scanner(policy: Policy) -> Scanner:
    return scanner_for_policy(policy)


def _scan(scanner: Scanner, data: bytes, name: str) -> list[FileReport]:
    return scanner.scan_bytes(data, name)


def _entities(reports: list[FileReport]) -> set[str]:
    return {f.entity for report in reports for f in report.findings}


def _sorted_values(reports: list[FileReport], entity: str) -> list[str]:
    """The values the first report found of `entity`, sorted."""
    return sorted(f.value for f in reports[0].findings if f.entity == entity)


def test_identifier_style_headers_type_their_columns(scanner: Scanner, policy: Policy) -> None:
    """An MCAS accommodations export names its columns "LastName", "FirstName"."""
    data = (
        b"SASID,LastName,FirstName,Grade,Test,Accommodations\n"
        b"1052287341,Joseph,Wideline,10,ELA,A7 human read-aloud; A10 separate setting\n"
        b"1049963018,Kim,Daniel,10,MATH,A6 calculator\n"
    )
    reports = _scan(scanner, data, "mcas_accommodations.csv")
    people = _sorted_values(reports, "PERSON")
    assert people == ["Daniel Kim", "Wideline Joseph"]  # given name first, as people are named
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize("header", ["SS#", "SS #", "Soc. Sec. No.", "ssn"])
def test_social_security_headers_in_their_short_forms(scanner: Scanner, header: str) -> None:
    data = f"Name,{header}\nMaria Lopez,212583391\nOmar Haddad,078051120\n".encode()
    assert "US_SSN" in _entities(_scan(scanner, data, "staff.csv"))


def test_an_abbreviated_label_reads_as_its_words(scanner: Scanner) -> None:
    found = scanner.scan_text("Soc. Sec. No.: 212583391\n", every_name=False)
    assert [(f.entity, f.value) for f in found] == [("US_SSN", "212583391")]


def test_an_educators_licence_number_is_no_drivers_licence(scanner: Scanner) -> None:
    data = (
        b"Name,Subject,DESE License #,Phone Ext\n"
        b"Janet Okafor,Math,418233,4412\n"
        b"Luis Ferreira,Science,502981,4418\n"
    )
    assert "US_DRIVER_LICENSE" not in _entities(_scan(scanner, data, "substitute_pool.csv"))
    driving = (
        data.replace(b"DESE License #", b"Driver License #")
        .replace(b"418233", b"S48213907")
        .replace(b"502981", b"S11223344")
    )
    assert "US_DRIVER_LICENSE" in _entities(_scan(scanner, driving, "drivers.csv"))


def test_a_child_care_programs_licence_is_no_drivers_licence(scanner: Scanner) -> None:
    """An extended-day program is licensed by EEC, the state's early education and care
    department: its licence number names no one."""
    page = "Kids Club is our licensed (EEC license #3009417) program for grades K-6.\n"
    assert "US_DRIVER_LICENSE" not in {f.entity for f in scanner.scan_text(page)}
    driver = "Pick-up person: Laura Ames (driver's license #3009417)\n"
    assert "US_DRIVER_LICENSE" in {f.entity for f in scanner.scan_text(driver)}


def test_a_label_in_brackets_a_line_break_cuts_still_labels_its_number(
    scanner: Scanner,
) -> None:
    """A PDF's paragraph breaks its lines where they are full: the SASID's label ends
    one line inside a bracket, the number starts the next. That is no table's header."""
    text = (
        "Purpose of payment: reimbursement to parent for tutoring costs incurred for "
        "student Daniela M. Ferraz (KHS Gr 9, SASID\n1025573806) during 2023-24.\n"
    )
    found = {(f.entity, f.value) for f in scanner.scan_text(text)}
    assert ("STUDENT_ID", "1025573806") in found


def test_a_street_the_model_takes_into_a_name_is_no_one(scanner: Scanner) -> None:
    """NER reads "Lincoln Street" (a school named for its street) as a person's name; a
    surname that is a place's word too ("Hall", "Lane") is still a name."""
    page = (
        "Programs run at Cedar Hill, Parkview, Lincoln Street and (new!) Millbrook Middle "
        "School. Questions? Ask Anna Hall or Diane Lane.\n"
    )
    names = {f.value for f in scanner.scan_text(page) if f.entity == "PERSON"}
    assert "Lincoln Street" not in names
    assert {"Anna Hall", "Diane Lane"} <= names


def test_an_invoice_abbreviated_after_a_licence_is_no_licence_number(scanner: Scanner) -> None:
    """Minutes note a show's performance licence paid, by its invoice's number."""
    minutes = "Musical (Annie Jr.): MTI license paid (inv 2291847). Tech week 3/17.\n"
    assert "US_DRIVER_LICENSE" not in {f.entity for f in scanner.scan_text(minutes)}


def test_a_preschools_blank_registration_form_names_no_child(
    scanner: Scanner, policy: Policy
) -> None:
    """Its only "name" is the school's, a person's name and a place's word after it
    ("Hazel Brook Early Childhood Center", "Hazel Brook ECC")."""
    data = w.docx_bytes(
        [
            "CARVERTON PUBLIC SCHOOLS",
            "Hazel Brook Early Childhood Center",
            "45 Meetinghouse Road, Carverton, MA 01740  |  Tel. (978) 555-0140",
            "Preschool Registration Form 2025-2026",
            "Please print clearly. Return to Hazel Brook ECC main office (Rm 101).",
            "Section 2 - Parent/Guardian",
            "Has your child received Early Intervention services?  [ ] Yes  [ ] No      "
            "Does your child have an IEP?  [ ] Yes  [ ] No",
            "OFFICE USE: Residency verified ___  Birth cert ___  Immunizations to nurse ___",
        ],
        [
            [
                ["Legal Name (Last, First, Middle)", "_______________________________"],
                ["Date of Birth (mm/dd/yyyy)", "____/____/________"],
                ["SASID (if previously enrolled in MA)", "__________"],
            ],
            [
                ["Name", "", "Relationship", ""],
                ["Home address", "", "ZIP", "017___"],
                ["Cell phone", "(___) ___-____", "Work phone", ""],
            ],
        ],
    )
    reports = _scan(scanner, data, "PK_Registration_BLANK.docx")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_four_counts_in_a_printed_row_of_counts_are_no_card(scanner: Scanner) -> None:
    """A meal claim's table printed to text: a site's counts run on, and four of them may
    pass the Luhn check by chance. A card's groups follow no other number."""
    row = "Site Days Lunch F Lunch R Lunch P Bkfst F\nMHS 21 3517 2690 2894 1376 2394 1037\n"
    assert "CREDIT_CARD" not in {f.entity for f in scanner.scan_text(row)}
    card = "Visa 3517 2690 2894 1376  exp 01/28\n"
    assert "CREDIT_CARD" in {f.entity for f in scanner.scan_text(card)}


def test_an_import_templates_sample_row_names_no_one(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Student ID,SASID,Last Name,First Name,Class Year,GPA,Counselor\n"
        b"######,10########,LAST,FIRST,2026,0.00,Counselor Last\n"
    )
    reports = _scan(scanner, data, "import_template.csv")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_longer_negative_label_beats_the_context_word_inside_it(scanner: Scanner) -> None:
    """A "customer account" holds the word "account" but is no bank account; "birth date"
    holds "date" and is a birth date."""
    found = scanner.scan_text("Customer account: 88210344\n", every_name=False)
    assert "US_BANK_NUMBER" not in {f.entity for f in found}
    found = scanner.scan_text("Birth date: 03/14/2012\n", every_name=False)
    assert "DATE_OF_BIRTH" in {f.entity for f in found}


def _payroll_mail() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Employee Name", "SSN", "Stipend"])
    sheet.append(["Dana Whitfield", "212-58-3391", "1200.00"])
    sheet.append(["Omar Haddad", "078-05-1121", "950.00"])
    attachment = io.BytesIO()
    book.save(attachment)
    message = EmailMessage()
    message["From"] = "payroll@district.example"
    message["To"] = "finance@district.example"
    message["Subject"] = "Fall stipends"
    message.set_content("Attached are the fall stipends for processing.\n")
    message.add_attachment(
        attachment.getvalue(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="fall_stipends.xlsx",
    )
    return message.as_bytes()


def test_a_mail_is_reported_with_the_classes_of_its_attachments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PII_GUARD_HOME", str(tmp_path / "home"))
    mail = tmp_path / "fall_stipends.eml"
    mail.write_bytes(_payroll_mail())
    result = CliRunner().invoke(
        main, ["scan", "--no-cache", "--fail-on", "none", "--format", "jsonl", str(mail)]
    )
    assert result.exit_code == 0, result.output
    lines = {row["path"]: row for row in map(json.loads, result.output.splitlines())}
    member = lines[f"{mail}!fall_stipends.xlsx"]
    assert MGL_93H in member["classes"]
    # The body alone names no one with an SSN: the mail holds the record through its
    # attachment, and its own line says so.
    assert not any(f["entity"] == "US_SSN" for f in lines[str(mail)]["findings"])
    assert MGL_93H in lines[str(mail)]["classes"]


def _new_hire_form() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("New Employee Information Form")
    document.add_paragraph("Human Resources — Position: Paraprofessional")
    pairs = [
        ("Field", "Value"),
        ("Legal name", "Jennifer M. Garcia"),
        ("Date of birth", "04/11/1991"),
        ("Soc. Sec. No.", "019-52-7730"),
        ("Home phone", "617-555-0108"),
    ]
    table = document.add_table(rows=len(pairs), cols=2)
    for row, (label, value) in zip(table.rows, pairs, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_field_and_value_table_reads_as_a_form(scanner: Scanner, policy: Policy) -> None:
    reports = _scan(scanner, _new_hire_form(), "new_hire.docx")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("PERSON", "Jennifer M. Garcia", "table 1, row 2") in found
    assert ("US_SSN", "019-52-7730", "table 1, row 4") in found
    assert ("DATE_OF_BIRTH", "04/11/1991", "table 1, row 3") in found
    # Typed by its header, the labels had been names: "Date of birth", "Home phone".
    assert {v for e, v, _ in found if e == "PERSON"} == {"Jennifer M. Garcia"}
    classes = classify_reports(policy, reports)
    assert MGL_93H in classes
    assert FERPA not in classes  # an employee's birth date


REGISTRATION = """<html><body>
<h1>Registration Confirmation</h1>
<h2>Child Information</h2>
<table>
<tr><th>Child's Legal Name</th><td>Eliana Rose Mbeki</td></tr>
<tr><th>Date of Birth</th><td>June 3, 2020</td></tr>
<tr><th>Sex</th><td>F</td></tr>
<tr><th>Home Language</th><td>English, isiXhosa</td></tr>
<tr><th>Previous preschool</th><td>Cambridge Head Start</td></tr>
</table>
<h2>Parent/Guardian</h2>
<table>
<tr><th>Name</th><td>Thandiwe Mbeki</td></tr>
<tr><th>Cell Phone</th><td>617-555-0166</td></tr>
</table>
<p>Kindergarten registration, submitted 01/12/2026.</p>
</body></html>
"""


def test_a_vertical_registration_form_is_a_student_record(scanner: Scanner, policy: Policy) -> None:
    reports = _scan(scanner, REGISTRATION.encode(), "registration.html")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert ("PERSON", "Eliana Rose Mbeki") in found
    assert ("DATE_OF_BIRTH", "June 3, 2020") in found
    assert ("PERSON", "Date of Birth") not in found
    assert FERPA in classify_reports(policy, reports)


def test_a_two_column_roster_stays_a_table(scanner: Scanner) -> None:
    data = b"Student Name,Student ID\nMaria Lopez,104883\nOmar Haddad,104884\nWei Chen,104885\n"
    reports = _scan(scanner, data, "roster.csv")
    locations = {(f.entity, f.location) for f in reports[0].findings}
    assert ("PERSON", "row 2, column Student Name") in locations
    assert ("STUDENT_ID", "row 4, column Student ID") in locations


LEAVE_REQUEST = """Request for Leave of Absence
Employee name: Patricia Nolan
Date of birth: 12/02/1978
Position: Grade 4 classroom teacher, Haggerty School (22 students)
Type of leave: FMLA, medical (self)
I have arranged lesson plans so students can continue their unit on fractions.
Report cards for Term 2 will be completed before I leave.
"""


def test_a_teachers_leave_request_is_an_employees_file(scanner: Scanner, policy: Policy) -> None:
    """Its words are about students; its labelled subject is an employee."""
    reports = _scan(scanner, LEAVE_REQUEST.encode(), "leave_request.txt")
    assert "EMPLOYEE_CONTEXT" in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


NOTE_TO_PARENT = """Hi Mrs. Lopez,

Just a quick note that Maria Lopez had a tough day today. She did not finish her math
test and seemed really tired. I know her IEP says she can take breaks, and I gave her
two. Could we find a time to talk this week?

Thank you,
Ms. Carter
"""


def test_a_note_about_one_students_iep_is_a_student_record(
    scanner: Scanner, policy: Policy
) -> None:
    reports = _scan(scanner, NOTE_TO_PARENT.encode(), "note.txt")
    assert "EDUCATION_RECORD" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_handbooks_his_or_her_iep_is_no_record(scanner: Scanner) -> None:
    text = (
        "Family Handbook. Maria Lopez, Principal. Each student's team reviews his or her "
        "IEP every year, and his/her progress report is sent home each term.\n"
    )
    found = scanner.scan_text(text, every_name=False)
    assert "EDUCATION_RECORD" not in {f.entity for f in found}


def test_an_eligibility_cutoff_is_no_birth_date(scanner: Scanner) -> None:
    text = (
        "Kindergarten registration is open. Children born on or before 09/01/2021 are "
        "eligible; junior kindergarten takes children born between 09/02/2021 and "
        "09/01/2022.\n"
    )
    found = scanner.scan_text(text, every_name=False)
    assert "DATE_OF_BIRTH" not in {f.entity for f in found}
    found = scanner.scan_text("Student: Maria Lopez, born on 09/01/2015\n", every_name=False)
    assert ("DATE_OF_BIRTH", "09/01/2015") in {(f.entity, f.value) for f in found}


FIELD_TRIP_SLIP = """<html><body><h1>Field Trip Permission</h1>
<p>Grade 4 field trip to the Museum of Science.</p>
<table>
<tr><th>Student name</th><td>Amy Phillips</td></tr>
<tr><th>Teacher</th><td>Mrs. Freeman</td></tr>
<tr><th>Allergies</th><td>Tree nuts (anaphylaxis), EpiPen must travel with student</td></tr>
<tr><th>Medications during trip</th><td>Cetirizine 5 mg before lunch</td></tr>
<tr><th>Other medical conditions</th><td>Mild asthma; inhaler in backpack</td></tr>
<tr><th>Emergency contact</th><td>Deborah Phillips, (617) 639-8063</td></tr>
<tr><th>Health insurance</th><td>Blue Cross Blue Shield MA</td></tr>
<tr><th>Parent/guardian signature</th><td>Deborah Phillips 10/28/2025</td></tr>
</table></body></html>
"""

BUS_INCIDENT = """SCHOOL BUS INCIDENT REPORT
Driver: Diana Gordon   Date: 10/09/2025   Route: 14

Student(s) involved:
  1. Jose Macdonald, Grade 5, Wrenfield Elementary
  2. Savannah Le, Grade 5, Wrenfield Elementary

Jose threw a water bottle at Savannah. Jose assigned 3-day bus suspension.
"""

RECOMMENDATION = """To the Admissions Committee:
It is my pleasure to recommend John Hill for admission. I have been John's school
counselor for four years. Ranked 12th in a class of 312, John has taken six AP courses.
In tenth grade John's grades dipped to a C+ in Chemistry; he rebounded the next year.
I recommend this student with enthusiasm.
Philip Kelly, School Counselor
"""

CASE_REVIEW = """Student Support Team - Grade 6, case review (confidential)
Michelle Logan (ID 703225)
Concern: chronic absence, 9 days absent since 8/27
Tier 2 intervention: check-in/check-out with Mr. Alves
Referred for special education evaluation
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("field_trip.html", FIELD_TRIP_SLIP),
        ("bus_incident.txt", BUS_INCIDENT),
        ("recommendation.txt", RECOMMENDATION),
        ("case_review.txt", CASE_REVIEW),
    ],
)
def test_a_record_about_one_student_without_an_id_field(
    scanner: Scanner, policy: Policy, name: str, text: str
) -> None:
    """Prose about a named student: a form read as text, a list of students involved, a
    case list, a named student's grades."""
    reports = _scan(scanner, text.encode(), name)
    assert "EDUCATION_RECORD" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_letter_to_families_is_no_record_of_anyone(scanner: Scanner, policy: Policy) -> None:
    text = (
        "The Morse Messenger, October 2025\n"
        "A note from Principal Andrea Whitaker\n"
        "Dear Morse families, what a wonderful start to the year!\n"
        "Report cards: Term 1 report cards will be posted on December 5. Families of "
        "students with IEPs will also receive progress reports that week.\n"
        "Flu clinic: the school nurse will hold a flu vaccine clinic on October 30.\n"
        "The District's 504 plan procedures are on the website.\n"
    )
    reports = _scan(scanner, text.encode(), "newsletter.txt")
    assert FERPA not in classify_reports(policy, reports)


NURSE_LOG = """Health Office Daily Log - week of 10/20/25
10/20 08:52  Sofia Rossi (Gr 2, Rm 104) - stomachache, no fever. Rested 15 min.
10/20 10:15  Darnell Washington (Gr 5) - albuterol inhaler 2 puffs per asthma action plan.
"""

SUSPENSION_NOTE = """Team,

FYI Randy Vargas will be serving a 2-day out-of-school suspension following yesterday's
incident. Randy has a 504 for anxiety, so I've looped in the counselor as well.
"""

NURSE_TO_PARENT = """Dear Ryan,

John Brooks came to the health office twice this week with wheezing after recess and used
his albuterol inhaler both times. Could you please send in a replacement?

Thank you,
Brianna Blackburn, RN
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("nurse_log.txt", NURSE_LOG),
        ("suspension.txt", SUSPENSION_NOTE),
        ("nurse_mail.txt", NURSE_TO_PARENT),
        ("incident.txt", BUS_INCIDENT.replace("Student(s) involved:", "Student involved:")),
    ],
)
def test_more_records_about_named_students(
    scanner: Scanner, policy: Policy, name: str, text: str
) -> None:
    """A log of named students with their grades, "Randy has a 504", one child's inhaler
    in a nurse's letter with no word "student" in it, a single student involved."""
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), name))


STAFF_MAIL = """Dear Ms. Lopez,

Your registration for the course "Writing IEP Goals that Work" is confirmed. Sessions
cover special education law, progress monitoring, reading goals and classroom
accommodations for students.

Carmen Diaz, Professional Development Office
"""

FAMILY_LETTER = """Dear Families,
Report cards go home December 5. Families of students with an IEP or a 504 plan will
also receive progress reports. The nurse's office needs a medication authorization form
for any medication given at school. Students who are chronically absent will be
contacted. Special education evaluations are scheduled through the team meeting process.
Justin Melton, Principal
"""


@pytest.mark.parametrize(
    ("name", "text"), [("pd_mail.txt", STAFF_MAIL), ("families.txt", FAMILY_LETTER)]
)
def test_school_vocabulary_about_no_one_in_particular_is_no_record(
    scanner: Scanner, policy: Policy, name: str, text: str
) -> None:
    """A staff member's course e-mail and a letter to all families use every record word
    there is, about no student in particular."""
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), name))


def test_a_504_column_header_is_a_header(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Student Name,Grade,504 Basis,Accommodations\n"
        b"Maria Lopez,7,Anxiety,Extended time\n"
        b"Omar Haddad,8,ADHD,Preferential seating\n"
        b"Wei Chen,7,Diabetes,Snacks and breaks\n"
    )
    reports = _scan(scanner, data, "504_tracker.csv")
    assert ("PERSON", "row 2, column Student Name") in {
        (f.entity, f.location) for f in reports[0].findings
    }
    assert FERPA in classify_reports(policy, reports)


def test_abbreviated_sis_headers_type_their_columns(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"STU_NO\tSTU_LNM\tSTU_FNM\tGR\tABS_EX\n"
        b"269342\tROMERO\tROBERT\t9\t4\n"
        b"254153\tBOWMAN\tSAMANTHA\t10\t6\n"
        b"251190\tNGUYEN\tLINH\t10\t2\n"
    )
    reports = _scan(scanner, data, "attendance.tsv")
    assert ("PERSON", "ROBERT ROMERO") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)
    billing = (
        b"LNAME,FNAME,TaxId\nFerguson,Julia,311343586\nDavis,Diane,671602795\nLee,Ann,212583391\n"
    )
    reports = _scan(scanner, billing, "billing.csv")
    assert {"PERSON", "US_SSN"} <= _entities(reports)
    assert MGL_93H in classify_reports(policy, reports)


WINNERS = """Riverside Roundup, March
Dear families, MCAS testing for grades 6-8 begins April 2.
Science Fair winners: Sandra Lucas (Grade 8) and Brandon Long (Grade 7).
From the Nurse
Flu cases are up. Keep children home with a fever until fever-free for 24 hours.
Report cards go home on April 5.
"""

SUPPORT_SLIDES = """Student Support Team - March 7
Scott Schmidt (Gr 3)
Referral: reading, attention concerns
Tier 2 group 4x/wk since Nov
"""


def test_a_named_students_grade_marks_a_record_only_beside_record_content(
    scanner: Scanner, policy: Policy
) -> None:
    """Directory information ("Sandra Lucas (Grade 8)", a science fair winner) is not a
    record; a student support team's case list is."""
    assert FERPA not in classify_reports(policy, _scan(scanner, WINNERS.encode(), "news.txt"))
    slides = _scan(scanner, SUPPORT_SLIDES.encode(), "sst.txt")
    assert FERPA in classify_reports(policy, slides)


ALLERGY_PLAN = """Food Allergy Action Plan
Name: Olivia Bennett        D.O.B.: 04/12/2016
Allergy to: peanuts, tree nuts. Weight: 62 lbs. Asthma: yes (higher risk)
Give epinephrine 0.3 mg at once for any severe symptoms, then call 911.
Parent signature: Karen Bennett
"""


def test_a_childs_birth_date_says_student_where_no_word_does(
    scanner: Scanner, policy: Policy
) -> None:
    reports = _scan(scanner, ALLERGY_PLAN.encode(), "allergy_plan.txt")
    assert "STUDENT_CONTEXT" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)
    # An adult's birth date says no such thing (the new-hire form above is the other half).
    adult = ALLERGY_PLAN.replace("04/12/2016", "04/12/1986")
    assert "STUDENT_CONTEXT" not in _entities(_scan(scanner, adult.encode(), "allergy_plan.txt"))


BENEFITS = """Benefits Enrollment - Employee
Employee name: Dana Whitfield       Employee ID: 40211       Position: Custodian
Dependents:
  Child: Maya Whitfield, date of birth 05/02/2014
  Child: Leo Whitfield, date of birth 09/17/2017
Medical plan: HMO family. Payroll deduction begins with the first pay period.
"""


def test_an_employees_dependents_are_not_students(scanner: Scanner, policy: Policy) -> None:
    reports = _scan(scanner, BENEFITS.encode(), "benefits.txt")
    assert "EMPLOYEE_CONTEXT" in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_number_ending_the_line_before_a_name_is_no_house_number() -> None:
    """ "March 7" then a new line: the name below is no street ("7 Scott Schmidt")."""
    from scanners.recognizers.names import find_listed_names

    found = find_listed_names("Case review, March 7\nScott Schmidt (Gr 3)\n")
    assert [hit.value for hit in found] == ["Scott Schmidt"]
    assert find_listed_names("He lives at 7 Scott Schmidt Road.") == []


GRADEBOOK = b"""Name,ID,HW avg,Quiz avg,Term
Anita Jones,235406,76,92,B+
Tamara Benson,207644,86,76,F
Michelle Hoffman,228732,74,78,C
"""

PORTAL_PAGE = """Parent Portal - Progress Report
Amy Anderson \u00b7 Grade 8 \u00b7 ID 290620 \u00b7 Riverside Middle School
Attendance (YTD): 6 absences, 2 tardies. Current grades: ELA B+, Math C+, Science D.
"""

ATTENDANCE_LETTER = """Attendance Notice
To the parent/guardian of Sheryl Santos:
Our records show that Sheryl has been absent 18 days this school year, 11 of them
unexcused. Please contact the attendance office to schedule a meeting.
"""


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("gradebook.csv", GRADEBOOK),
        ("portal.txt", PORTAL_PAGE.encode()),
        ("attendance.txt", ATTENDANCE_LETTER.encode()),
    ],
)
def test_grades_and_absences_of_named_students(
    scanner: Scanner, policy: Policy, name: str, data: bytes
) -> None:
    """A gradebook that never says "student", a portal page ("Amy Anderson · ID 290620"),
    a letter to the parent of a named child who "has been absent"."""
    assert FERPA in classify_reports(policy, _scan(scanner, data, name))


def test_a_form_with_empty_and_far_rows_keeps_its_row_numbers() -> None:
    from scanners.detect import FORM_GAP, TablePiece

    scanner = Scanner(ScannerConfig(ner=False))
    rows = [
        (2, ("Date of birth", "04/11/1991")),
        (3, ()),
        (5, ("Soc. Sec. No.", "019-52-7730")),
        (5 + FORM_GAP + 10, ("Home phone", "617-555-0108")),
    ]
    found = scanner.scan_blocks([TablePiece("table 1", ("Legal name", "Jennifer Garcia"), rows)])
    where = {f.entity: f.location for f in found}
    assert where["DATE_OF_BIRTH"] == "table 1, row 2"
    assert where["US_SSN"] == "table 1, row 5"
    assert "PHONE_NUMBER" in where  # past the gap the row number is approximate


def test_a_sims_export_by_element_code(scanner: Scanner, policy: Policy) -> None:
    """DESE's SIMS files name columns DOE001 (LASID) ... DOE006 (date of birth)."""
    data = (
        b"DOE001,DOE002,DOE003,DOE004,DOE005,DOE006,DOE007\n"
        b"213378,1033993597,KAREN,G,JOHNSON,11/16/2011,0185\n"
        b"290580,1075124291,MATTHEW,D,SCOTT,09/14/2016,0348\n"
        b"291101,1049963018,LINH,T,NGUYEN,02/03/2014,0185\n"
    )
    reports = _scan(scanner, data, "sims.csv")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert ("PERSON", "KAREN JOHNSON") in found  # a middle initial alone is no name
    assert ("STUDENT_ID", "1033993597") in found
    assert ("DATE_OF_BIRTH", "11/16/2011") in found
    assert FERPA in classify_reports(policy, reports)
    # (each code with its element's name, one starting with a digit: "DOE039 504Plan")
    named = (
        b"DOE001 LASID\tDOE002 SASID\tDOE003 FirstName\tDOE005 LastName\tDOE006 DOB\t"
        b"DOE039 504Plan\tDOE040 DisabilityType\n"
        b"333375\t1941237607\tBEATRIZ\tCOSTA\t07/07/2013\t00\t500\n"
        b"250094\t1352912428\tRICARDO\tVALCOURT\t10/30/2010\t00\t500\n"
    )
    found = {(f.entity, f.value) for f in _scan(scanner, named, "sims.tsv")[0].findings}
    assert ("DATE_OF_BIRTH", "10/30/2010") in found
    assert ("STUDENT_ID", "1352912428") in found
    # (or after an underscore, the element's name all digits: "DOE032_504")
    underscored = (
        b"DOE001_LASID\tDOE002_SASID\tDOE003_FIRST\tDOE005_LAST\tDOE006_DOB\tDOE032_504\n"
        b"201088\t1058656005\tWidelene\tDesrosiers\t04/08/2008\t00\n"
        b"204014\t1061530079\tVisal\tChhay\t01/18/2013\t01\n"
    )
    found = {(f.entity, f.value) for f in _scan(scanner, underscored, "sims.tsv")[0].findings}
    assert {("DATE_OF_BIRTH", "04/08/2008"), ("STUDENT_ID", "201088")} <= found


def test_a_licence_number_column_of_six_digits_is_no_drivers_licence(scanner: Scanner) -> None:
    data = b"Name,LICENSE_NO\nJanet Okafor,418233\nLuis Ferreira,502981\nAnn Lee,377120\n"
    assert "US_DRIVER_LICENSE" not in _entities(_scan(scanner, data, "staff.csv"))
    data = b"Name,LICENSE_NO\nJanet Okafor,S48213907\nLuis Ferreira,V1234567\nAnn Lee,S11223344\n"
    assert "US_DRIVER_LICENSE" in _entities(_scan(scanner, data, "drivers.csv"))


def test_a_course_schedule_export_lists_people_under_code_headers(
    scanner: Scanner, policy: Policy
) -> None:
    """A report headed by element codes that name no one, and a header row that names
    nothing: the cells themselves are given names beside surnames."""
    rows = [
        ("292933", "1051403121", "Patrick", "J", "Hardy", "01/04/2009", "MHS204", "A-"),
        ("209205", "1007257538", "Bonnie", "K", "Nguyen", "05/02/2008", "MHS530", "D"),
        ("241190", "1021106756", "Ashley", "B", "Wood", "03/28/2008", "MHS185", "C+"),
        ("254550", "1054275119", "Diana", "S", "Brown", "08/21/2007", "MHS604", "C+"),
    ]
    coded = "\n".join(
        "\t".join(r) for r in [tuple(f"SCS{n:02d}" for n in (1, 2, 3, 4, 5, 6, 9, 14)), *rows]
    )
    reports = _scan(scanner, coded.encode(), "SCS_EOY.txt")
    assert ("PERSON", "Patrick Hardy") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)
    unnamed = "\n".join(
        ",".join(r) for r in [("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"), *rows]
    )
    people = {
        f.value
        for f in _scan(scanner, unnamed.encode(), "export.csv")[0].findings
        if f.entity == "PERSON"
    }
    assert {"Patrick Hardy", "Bonnie Nguyen"} <= people


def test_a_column_of_surnames_alone_is_streets_not_people(scanner: Scanner) -> None:
    data = (
        b"Route,Stop,Street,Time\n"
        b"4,1,Washington,7:05\n4,2,Lincoln,7:09\n4,3,Adams,7:12\n4,4,Jefferson,7:15\n"
    )
    assert "PERSON" not in _entities(_scan(scanner, data, "bus_route.csv"))


def test_a_student_lists_bare_id_column_holds_student_ids(scanner: Scanner, policy: Policy) -> None:
    data = w.ods_bytes(
        {
            "Seniors": [
                ["Student", "ID", "Credits earned", "Credits needed", "Counselor"],
                ["Green, Christopher", "257541", "95", "115", "Chen"],
                ["Miller, Jessica", "273377", "105", "115", "Amaral"],
                ["Nelson, Amber", "237469", "85", "115", "Amaral"],
            ]
        }
    )
    reports = _scan(scanner, data, "Sr credit audit.ods")
    assert ("STUDENT_ID", "257541") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)
    staff = (
        b"Employee,ID,Department\n"
        b"Green Christopher,257541,Facilities\nMiller Jessica,273377,Food Services\n"
    )
    assert "STUDENT_ID" not in _entities(_scan(scanner, staff, "staff.csv"))


def test_a_staff_files_local_id_is_no_student_id(scanner: Scanner, policy: Policy) -> None:
    """An EPIMS staff file: MEPID and HIRE_DATE say whose "LOCAL_ID" it is."""
    data = (
        b"MEPID,LOCAL_ID,FIRST,LAST,DOB,HIRE_DATE,JOB_CLASS,FTE\n"
        b"31795627,E52901,Paul,Garcia,07/24/1984,03/17/2018,4100,1.0\n"
        b"62390565,E10195,Erika,Clements,11/19/1975,07/17/2021,4100,1.0\n"
    )
    reports = _scan(scanner, data, "EPIMS_staff.csv")
    assert "STUDENT_ID" not in _entities(reports)
    assert "EMPLOYEE_CONTEXT" in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_roster_read_from_a_pdf_is_a_table_of_people(scanner: Scanner, policy: Policy) -> None:
    """A trip's medical sheet: PDF text keeps the table's lines, each led by a student."""
    lines = [
        "Field Trip Medical Information - Grade 5, Museum of Science",
        "Student Gr Allergies Medications Emergency Contact",
        "Anthony Torres 5 dairy Focalin XR (AM at home) Michael Torres (508) 034-9040",
        "Russell Fields 5 peanut - EpiPen none Shawn Fields (508) 546-9893",
        "Kathryn Robinson 5 bee sting none Logan Robinson (508) 179-2114",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "trip medical roster.pdf")
    assert "EDUCATION_RECORD" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)
    assert "STREET_ADDRESS" not in _entities(reports)  # "034-9040⏎Russell Fields" is no street


def test_form_labels_and_offices_are_not_people(scanner: Scanner, policy: Policy) -> None:
    """A data handbook's "Name: First Name", a blank form's labels, and "the Treasurer"
    beside a town's bank account."""
    handbook = (
        b'<DataHandbook><Element code="DOE003"><Name>First Name</Name></Element>'
        b'<Element code="DOE019"><Name>Low Income Status</Name></Element></DataHandbook>'
    )
    assert "PERSON" not in _entities(_scan(scanner, handbook, "handbook.xml"))
    wire = (
        b"Wire instructions for bond proceeds\nBeneficiary: Town of Millbrook General Fund\n"
        b"ABA: 211370545\nAccount: 0048812093\n"
        b"Please call the Treasurer's office to verbally confirm before sending funds.\n"
    )
    reports = _scan(scanner, wire, "wire_instructions.txt")
    assert "PERSON" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_budget_lines_are_no_bank_accounts(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Account,Description,FY26 Budget,Budget Manager\n"
        b"1000-2305-5110-310,Teacher salaries,1302100,Dylan Guzman\n"
        b"1000-2400-5510-320,Instructional materials,52000,Kevin Harris\n"
    )
    reports = _scan(scanner, data, "budget.csv")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)
    # (a requisition's budget sheet: the chart of accounts' fund, function and object)
    three_parts = (
        b"Account,Description,FY25 Actual,FY26 Request\n"
        b"1000-2410-5500,AP instructional materials,18240.55,21890\n"
        b"1000-2710-5800,Guidance travel,2104.20,2500\n"
        b"1000-2710-5300,Naviance / Parchment licenses,9875,10370\n"
        b",,,\n"
        b'"Prepared by Chidinma Adeyemi, Business Office - (508) 234-6022",,,\n'
    )
    assert "US_BANK_NUMBER" not in _entities(_scan(scanner, three_parts, "budget.csv"))
    banked = data.replace(b"1000-2305-5110-310", b"0048812093").replace(
        b"1000-2400-5510-320", b"0048812107"
    )
    assert "US_BANK_NUMBER" in _entities(_scan(scanner, banked, "deposits.csv"))


def test_a_counseling_referral_is_a_record(scanner: Scanner, policy: Policy) -> None:
    text = (
        b"Counseling Referral Form\nStudent: Christopher Kane Gr 8\n"
        b"Reason for referral: noticeable weight loss, isolating at lunch.\nTeacher: C. Walsh\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text, "referral.txt"))


def test_a_volunteers_background_check_is_no_student_record(
    scanner: Scanner, policy: Policy
) -> None:
    rows = [
        ("Full legal name", "Kenneth Rios"),
        ("Date of birth", "08/02/2002"),
        ("Driver's license / State ID #", "S02654855"),
        ("School(s)", "Lakeview Elementary - classroom volunteer, PTO"),
    ]
    cells = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows)
    page = (
        "<html><body><h1>Millbrook Public Schools Volunteer Application</h1>"
        f"<table>{cells}</table><p>Mother's maiden name: Mason</p>"
        "<p>I authorize Millbrook Public Schools to obtain my CORI.</p></body></html>"
    )
    classes = classify_reports(policy, _scan(scanner, page.encode(), "volunteer.html"))
    assert MGL_93H in classes and FERPA not in classes


TUTORING_LOG = """AFTER-SCHOOL TUTORING LOG - Lincolnvale HS (Title I)

Date | Student | Subject | Minutes | Notes
10/24 | Margaret Dorsey | Reading | 45 | Read 2 chapters; comprehension improving
10/6 | Susan Joyce | Chemistry | 45 | Struggled with factoring; retake Friday
10/22 | Alexander Anderson | Algebra | 45 | Failed last quiz - 52%
"""
CONCUSSION_NOTE = """Coach,

Samantha Price (JV, #14) was evaluated by Dr. Stewart at Beverly Hospital on Monday and
diagnosed with a concussion from Saturday's game. She is on step 1 of the graduated
return-to-play protocol. I've notified the nurse so her teachers can give academic
accommodations.
"""
COUNSELOR_NOTE = """Quick update: I met with Tiffany Campbell again today.
She told me things at home have gotten worse and that she's been skipping meals so her little
brother can eat. Grades have dropped to two Fs this term.

Let's talk tomorrow before the team meeting.
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("tutoring_log.txt", TUTORING_LOG),
        ("concussion.txt", CONCUSSION_NOTE),
        ("counselor.txt", COUNSELOR_NOTE),
    ],
)
def test_notes_about_a_child_that_never_say_student(
    scanner: Scanner, policy: Policy, name: str, text: str
) -> None:
    """A log whose lines begin with a date and a name, a child known by "her teachers"
    or "her little brother": a school's prose about one student."""
    reports = _scan(scanner, text.encode(), name)
    assert "EDUCATION_RECORD" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_nurse_log_and_reading_levels_by_their_columns(scanner: Scanner, policy: Policy) -> None:
    """ "Gr" is a grade level, "Complaint" a health note, "Sept F&P" a reading level."""
    data = w.xlsx_bytes(
        {
            "Oct": [
                ["Date", "Name", "Gr", "Complaint", "Intervention"],
                ["2024-10-01", "Higgins, Nicole", "4", "Scraped knee", "Cleaned, bandaid"],
                ["2024-10-02", "Burke, Stacey", "4", "Headache", "Rest, water"],
                ["2024-10-03", "Ramos, Katherine", "2", "Asthma - wheezing", "Albuterol"],
            ]
        }
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "nurse log.xlsx"))
    levels = (
        b"Student,Teacher,Sept F&P,Nov F&P\n"
        b'"Ramirez, Mia",Ruiz,E,I\n"Morales, Brayden",Ruiz,D,H\n"Cardoso, Gianna",Doherty,E,G\n'
    )
    assert FERPA in classify_reports(policy, _scan(scanner, levels, "reading_levels.csv"))


def test_a_two_digit_birth_year_is_a_childs(scanner: Scanner, policy: Policy) -> None:
    """A trip roster's "10/31/13" is a child born in 2013."""
    data = (
        b"name,dob,parent phone,allergies/meds\n"
        b"Ryan Haddad,10/31/13,617-555-0134,peanuts (EpiPen)\n"
        b"Elijah Baptiste,4/11/14,617-555-0178,none\n"
    )
    reports = _scan(scanner, data, "trip_roster.csv")
    assert "STUDENT_CONTEXT" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_column_headed_by_the_work_people_are_paid_for_holds_their_names(
    scanner: Scanner, policy: Policy
) -> None:
    """A per-diem sheet's "Interpreter" column: names from many languages, few on any
    list of given names, beside each one's SSN and bank account."""
    data = (
        b"Interpreter,Language,SSN,Hours,Bank routing,Acct #\n"
        b"Ros\xc3\xa2ngela Pires,Portuguese,352947184,12,211347604,73629927885\n"
        b"Thu Le,Vietnamese,790970736,9,011150897,77105328\n"
        b"Maryna Shevchuk,Ukrainian,233-75-9656,4,011148582,331761221\n"
    )
    reports = _scan(scanner, data, "perdiem_interpreters.csv")
    assert "Thu Le" in _sorted_values(reports, "PERSON")
    assert MGL_93H in classify_reports(policy, reports)
    # (an athletic department's game officials paid direct, by their W-9s)
    officials = (
        b"Official,SSN / TIN,Street,City,St,Zip,Sport,# Games\n"
        b"Colleen Russo,343-37-2635,399 Andover St,Tewksbury,MA,01876,Field Hockey,10\n"
        b"Jean-Robert Celestin,883-76-0172,186 Parker Rd,Tewksbury,MA,01876,Volleyball,7\n"
    )
    reports = _scan(scanner, officials, "Game officials W-9 roster.csv")
    assert _sorted_values(reports, "PERSON") == ["Colleen Russo", "Jean-Robert Celestin"]
    assert MGL_93H in classify_reports(policy, reports)


def test_an_online_forms_definition_is_no_students_record(scanner: Scanner, policy: Policy) -> None:
    """A parent portal's absence form, as its JSON defines it: a field for the student's
    name, ID and birth date, each with its label and input type, and no one's answers."""
    fields = [
        {"name": "student_name", "label": "Student Name", "type": "text", "required": True},
        {"name": "student_id", "label": "Student ID (6 digits)", "type": "text"},
        {"name": "dob", "label": "Date of Birth", "type": "date", "required": True},
        {"name": "absence_dates", "label": "Date(s) absent", "type": "daterange"},
        {"name": "reason", "label": "Reason", "type": "select", "options": ["Illness", "Other"]},
        {"name": "parent_sig", "label": "Parent/Guardian signature", "type": "signature"},
    ]
    form = {
        "formId": "absence-note-v3",
        "title": "Parent Absence Note",
        "fields": fields,
        "doNotCollect": ["ssn", "drivers_license", "medical_diagnosis"],
        "submitTo": "attendance@cranfordps.org",
    }
    data = json.dumps(form, indent=2).encode()
    assert FERPA not in classify_reports(policy, _scan(scanner, data, "absence_form.json"))
    answers = {
        "form": "absence-note-v3",
        "student_name": "Ashley Green",
        "student_id": "242083",
        "dob": "2011-03-14",
        "reason": "Illness",
    }
    data = json.dumps(answers, indent=2).encode()
    assert FERPA in classify_reports(policy, _scan(scanner, data, "absence_note_17.json"))


def test_a_mail_signatures_office_is_no_students_record(scanner: Scanner, policy: Policy) -> None:
    """A coordinator pays two staff members' conference fees by her own card: her card
    is her personal information; her signature's "English Learner" office and "Grades 6-8"
    are her job, no student's record."""
    body = (
        "Hello,\n\nI'm registering two people for the MATSOL Conference. I'm paying on my "
        "own card and will get reimbursed.\n\n"
        "1) Marisol Tavares-Kelly - member #M-40417 - both days\n"
        "2) Tiago Lemos - non-member - day 1 only\n\n"
        "Card: Mastercard 5148 9730 0828 8169\nName on card: Marisol Tavares-Kelly\n"
        "Exp: 08/27   CVC: 644\n\nThank you!\n\n"
        "--\nMarisol Tavares-Kelly\nEL Program Coordinator, Grades 6-8\n"
        "Office of English Learner Education | Wachusett Falls Public Schools\n"
        "(508) 555-0142 | mtavareskelly@wfps.k12.ma.us\n"
    )
    message = EmailMessage()
    message["From"] = "Marisol Tavares-Kelly <mtavareskelly@wfps.k12.ma.us>"
    message["To"] = "conference@matsol.example"
    message["Subject"] = "MATSOL conf registration - pay by card"
    message.set_content(body)
    classes = classify_reports(policy, _scan(scanner, message.as_bytes(), "registration.eml"))
    assert MGL_93H in classes
    assert FERPA not in classes


def test_a_mothers_records_request_gives_her_own_birth_date(
    scanner: Scanner, policy: Policy
) -> None:
    """A records request speaks of records, as a former student's would; but the one who
    asks is a mother, for her son in grade 8: the birth date beside her license is hers."""
    data = (
        b"Hello,\n\nAs requested, here is my information to verify my identity for the "
        b"records request for my son Justin Fox (8th grade at Crane).\n\n"
        b"Name: Melanie Fox\nMassachusetts Driver's License #: S59801744\n"
        b"Date of birth: 09/17/1986\n\nMelanie\n"
    )
    classes = classify_reports(policy, _scan(scanner, data, "records_request.txt"))
    assert MGL_93H in classes
    assert FERPA not in classes
    # ... where a graduate asks for her own transcript, the grown-up is the student
    graduate = (
        b"Hello,\n\nI graduated in 2004 and need my transcript for a job application.\n\n"
        b"Name: Melanie Fox\nDate of birth: 09/17/1986\nStudent ID: 1048839\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, graduate, "transcript_request.txt"))


def test_a_teachers_directed_growth_plan_is_no_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A teacher's plan speaks of his class's reading groups and office referrals: his
    personnel record, not a student's."""
    data = w.docx_bytes(
        [
            "Directed Growth Plan",
            "Reason for plan",
            "Formative evaluation (10/2024) rated Needs Improvement on Standard I and "
            "Standard II (Teaching All Students).",
            "Establish and teach classroom routines; fewer than 2 office referrals/month from "
            "Rm 203 by March.",
            "Use fall/winter DIBELS data to form flexible reading groups; share group plan with "
            "reading specialist.",
            "Release time: 2 half days for planning (sub coverage via Frontline)",
            "Educator and union representative were present at plan meeting on 11/14/2024.",
        ],
        tables=[
            [
                ["Educator", "Scott Healey", "Assignment", "Grade 2, Rm 203"],
                ["Employee #", "003915", "PTS", "Yes"],
                ["Evaluator", "Andrea Whitcomb", "Plan dates", "11/18/2024 - 05/16/2025"],
            ]
        ],
        header_text="CONFIDENTIAL - PERSONNEL",
    )
    reports = _scan(scanner, data, "Directed_Growth_Plan_SHealey.docx")
    assert FERPA not in classify_reports(policy, reports)


def test_a_reply_quoting_an_exports_rows_is_each_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """An assistant principal pastes the first lines of a discipline export into a mail,
    and the reply quotes them: the rows are still each student's name and incident."""
    body = (
        "The date column needs to be YYYY-MM-DD for their importer.\n\nPaul\n\n"
        "> Paul,\n>\n> Panorama says the behavior file is failing validation. Here's the "
        "first few lines from what we sent:\n>\n"
        "> std_id,last,first,grade,incident_date,incident_code,action\n"
        "> 236606,Jones,Megan,7,11/04/2024,FIGHT,Detention\n"
        "> 208421,Lynch,Angie,7,12/28/2024,DISR,ISS 1 day\n"
        "> 232280,Mcdonald,Nicole,7,09/11/2024,DISR,OSS 2 days\n>\n> Thanks, Ronald\n"
    )
    message = EmailMessage()
    message["From"] = "Paul Ferreira <pferreira@millbrookps.org>"
    message["To"] = "hms-ap@millbrookps.org"
    message["Subject"] = "RE: Panorama behavior file failing"
    message.set_content(body)
    reports = _scan(scanner, message.as_bytes(), "panorama.eml")
    assert "Megan Jones" in _sorted_values(reports, "PERSON")
    assert FERPA in classify_reports(policy, reports)


def test_a_tickets_description_names_whose_card_it_gives(scanner: Scanner, policy: Policy) -> None:
    """A help desk export: one ticket's description holds a parent's card and her name;
    the table's cells are read for the name where they give such a number."""
    tickets = [
        {"ticket": "INC0048812", "category": "Software", "description": "Cert on tab01 expires."},
        {
            "ticket": "INC0049120",
            "category": "Records / Transcripts",
            "description": "From web form: please send the transcript to Northeastern. My card "
            "is Visa 4972 4437 6958 6767 exp 09/27. Billing name Karen Melton, 18 Wheeler Rd.",
        },
        {"ticket": "INC0049301", "category": "Access", "description": "Need District Data role."},
    ]
    data = json.dumps({"queue": "Data Office", "tickets": tickets}, indent=2).encode()
    reports = _scan(scanner, data, "helpdesk_tickets.json")
    assert "Karen Melton" in _sorted_values(reports, "PERSON")
    assert MGL_93H in classify_reports(policy, reports)


def test_a_dismissal_logs_adults_and_their_licenses(scanner: Scanner, policy: Policy) -> None:
    """The adult who signed each student out, under "picked up by", beside the license
    he showed: his personal information; the student's "(gr)" is no part of her name."""
    data = (
        b"date      student (gr)              out    picked up by              MA DL #\n"
        b"11/4/24   Kayla O'Brien (9)         1:10   Beverly O'Brien           S29566414\n"
        b"11/7/24   Dylan Pereira (12)        10:40  Karen Pereira             S90932659\n"
        b"11/10/24  Adam Hill (12)            9:15   Walter Hill               S97828121\n"
    )
    reports = _scan(scanner, data, "pickup_log.txt")
    people = _sorted_values(reports, "PERSON")
    assert {"Beverly O'Brien", "Kayla O'Brien"} <= set(people)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_bank_account_taken_down_on_a_call_is_personal_information(
    scanner: Scanner, policy: Policy
) -> None:
    """Call notes: the account written in groups as it was read out, below its routing
    number, or labelled "acct" (its ten digits are no phone number, though a cell number
    follows)."""
    grouped = (
        b"Call w/ Brian Kowalski (HHS science) 11/12\n- wants his reimbursement by direct deposit\n"
        b"      Routing ..... 211345046\n      Account ..... 6480 9519 23   (checking)\n"
    )
    labelled = (
        b"Spoke w/ Maria Mcgee 11/4. Gave me her bank info for the refund:\n"
        b"   Routing: 011030551\n   Checking acct #: 2267196416\n\nHer cell (508) 555-4890.\n"
    )
    # ... or a vendor who is a sole proprietor, said before his account ("no EIN" is no
    # company's)
    vendor = (
        b"Call w/ Marcus Delgado (MD Sound & Lighting - DJ for homecoming)\n"
        b"- he is a sole prop, no EIN, W-9 will have his SSN.\n"
        b"- wants ACH not check. gave me bank info over phone:\n     Marcus A. Delgado\n"
        b"     Rockland Trust  checking\n     routing 011000138\n     acct  493379972192\n"
    )
    for data, account in (
        (grouped, "6480 9519 23"),
        (labelled, "2267196416"),
        (vendor, "493379972192"),
    ):
        reports = _scan(scanner, data, "call_notes.txt")
        assert _sorted_values(reports, "US_BANK_NUMBER") == [account]
        assert account not in _sorted_values(reports, "PHONE_NUMBER")
        assert MGL_93H in classify_reports(policy, reports)
    # ... but a phone's or a utility's account, written in groups with no routing number
    # beside it, is no bank's
    todo = b"TODO\n- Verizon hotspot acct 4417 2290 8830 1526 -- dispute charge (Dana Reyes)\n"
    assert "US_BANK_NUMBER" not in _entities(_scan(scanner, todo, "todo.txt"))


def test_a_companys_bank_account_is_no_ones_personal_information(
    scanner: Scanner, policy: Policy
) -> None:
    """A vendor's remittance details beside its clerk's name, a utility's meter number, a
    postage meter's account in a to-do list, a dish machine's service account, a help desk
    ticket's number."""
    overdue = (
        b"Hi, invoice 88412 is now 45 days past due. Please remit to:\n"
        b"W.B. Mason Co., Inc.\nABA 011000138\nAccount 9428810034\n\nThanks, Tom Riley\n"
    )
    todo = (
        b"TO DO -- October\n[ ] follow up w/ Donna Reyes re: invoice 44817\n"
        b"[ ] renew postage meter acct #5068381 (Pitney Bowes)\n"
    )
    phones = (
        b"KITCHEN MANAGERS\nKennedy Elementary    Michael Lopez    978-555-0318   x2242\n"
        b"Ecolab service acct #0401187723 (dish machine) 1-800-352-5326\n"
    )
    ticket = b"Dana Kowalczyk - account access for the new SIMS coordinator [INC0049301]\n"
    for data, name in (
        (overdue, "overdue.txt"),
        (todo, "todo.txt"),
        (phones, "phones.txt"),
        (ticket, "ticket.txt"),
    ):
        reports = _scan(scanner, data, name)
        assert "US_BANK_NUMBER" not in _entities(reports)
        assert MGL_93H not in classify_reports(policy, reports)
    bill = b"Account No. 71245-88012    Meter No. 0819443\nRemit to National Grid, PO Box 371376\n"
    assert "US_BANK_NUMBER" not in _entities(_scan(scanner, bill, "electric.txt"))
    personal = b"Direct deposit for Tom Riley\nABA 011000138\nChecking account 9428810034\n"
    assert MGL_93H in classify_reports(policy, _scan(scanner, personal, "deposit.txt"))


def test_example_values_in_training_are_no_ones(scanner: Scanner, policy: Policy) -> None:
    """The processors' test card and an all-zero licence, as a privacy training shows them."""
    data = w.pptx_bytes(
        [
            (
                "What counts as personal information",
                ["EXAMPLE ONLY - fictitious values"],
                [
                    ["Field", "Example"],
                    ["Name", "Jane Q. Example"],
                    ["Credit card", "4111 1111 1111 1111"],
                    ["Driver's license", "S00000000"],
                ],
                None,
            )
        ]
    )
    reports = _scan(scanner, data, "training.pptx")
    assert not {"CREDIT_CARD", "US_DRIVER_LICENSE"} & _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_historic_birth_date_is_no_record(scanner: Scanner, policy: Policy) -> None:
    text = (
        b"District Calendar 2024-25\nJan 20 - No school: Martin Luther King Jr. Day "
        b"(Dr. King, born January 15, 1929)\nFeb 17 - Presidents' Day\n"
        b"Sep 3 - First day for students in grades 1-12; kindergarten starts Sep 5\n"
    )
    reports = _scan(scanner, text, "calendar.txt")
    assert "DATE_OF_BIRTH" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_registration_and_reimbursement_forms_in_their_own_words(
    scanner: Scanner, policy: Policy
) -> None:
    """ "28-Mar-2019" is a date; "Employee: N. Davis" is a name as M.G.L. c. 93H words it
    (first initial and last name); a trip to an MCAS training is no student's record."""
    registration = (
        b"KINDERGARTEN REGISTRATION 2025-2026\nChild's legal name: Tracy Bennett\n"
        b"Date of birth: 28-Mar-2019\nAllergies / medical: Asthma - inhaler at school\n"
    )
    found = _scan(scanner, registration, "registration.txt")
    assert ("DATE_OF_BIRTH", "28-Mar-2019") in {(f.entity, f.value) for f in found[0].findings}
    assert FERPA in classify_reports(policy, found)
    reimbursement = (
        b"TRAVEL REIMBURSEMENT - IN-STATE\nEmployee: N. Davis  School: Pine Hill Elementary\n"
        b"04/03/24 HMS - DESE Malden SPED director mtg 38 $12.00 cash\n"
        b"04/11/24 HMS - Worcester MCAS training 22 $8.00 VISA 4730221452625172\n"
        b"Mileage reimbursed at IRS rate.\nApproved: Principal, Harmon Middle School\n"
    )
    reports = _scan(scanner, reimbursement, "travel.txt")
    people = {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert people == {"N. Davis"}
    assert set(classify_reports(policy, reports)) == {MGL_93H}


def test_a_newsletters_list_of_winners_is_no_record(scanner: Scanner, policy: Policy) -> None:
    text = (
        b"Dear MHS families, MCAS ELA testing for grade 10 is March 25-26. Please make "
        b"sure students get a good night's sleep.\nCongratulations!\n"
        b"Micheal Clark (Grade 11) - Scholastic Art Gold Key\n"
        b"Tonya Blair (Grade 10) - Central Mass District Chorus\n"
        b"Megan Swanson (Grade 12) - Worcester Telegram All-Star, Girls Soccer\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, text, "newsletter.txt"))


def test_an_html_only_messages_stub_text_part_is_not_its_body(scanner: Scanner) -> None:
    """Mailers send "view this in HTML" as the plain part; the HTML part is the message."""
    items = "".join(
        f"<li><b>{name}</b> &ndash; {score}/20 on the fractions probe.</li>"
        for name, score in [("Thomas Gutierrez", 8), ("Raquel Almonte", 17)]
    )
    data = w.eml_bytes(
        sender="Aaron Feld <aaron@stepup.example>",
        to="kim@district.example.org",
        subject="Tutoring this week",
        body="This message is formatted in HTML. Please view it in an HTML-capable mail client.",
        html=f"<html><body><p>Hi Ms. Kim,</p><ul>{items}</ul></body></html>",
    )
    people = {f.value for r in _scan(scanner, data, "tutoring.eml") for f in r.findings}
    assert {"Thomas Gutierrez", "Raquel Almonte"} <= people
    plain_wins = w.eml_bytes(
        sender="a@district.example.org",
        to="b@district.example.org",
        subject="Minutes",
        body="Minutes of the meeting, as attached to the agenda. " * 10,
        html="<p>Thomas Gutierrez</p>",
    )
    people = {f.value for r in _scan(scanner, plain_wins, "minutes.eml") for f in r.findings}
    assert "Thomas Gutierrez" not in people  # a full plain part is the body, read once


def test_a_table_pasted_into_text_is_read_by_its_columns(scanner: Scanner, policy: Policy) -> None:
    """A note whose prose runs longer than a title: text with a table in it, not a TSV."""
    text = (
        "CAFETERIA ALLERGY ALERT - DO NOT POST IN PUBLIC AREA\n"
        "Staff on lunch duty: please read before Monday.\n"
        "The students below have allergies on file with the nurse.\n"
        "Questions go to the main office.\n"
        "Name\tGrade\tAllergy\tAction\n"
        "Mariana Ocampo\t5\tShellfish\tNut-free table\n"
        "Kai Dos Santos\t5\tWheat (celiac)\tCall nurse x2231\n"
        "Jayden Baptiste\tK\tPeanut\tEpiPen in nurse office\n"
    )
    reports = _scan(scanner, text.encode("utf-16"), "allergy_alert.txt")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("PERSON", "Jayden Baptiste", "table at line 5, row 4, column Name") in found
    assert FERPA in classify_reports(policy, reports)


def test_more_ways_teachers_write_about_one_student(scanner: Scanner, policy: Policy) -> None:
    """A report headed "HOUSE, Jennifer (201683)", "his extra time", "has a D in",
    "Chloe Abernathy - Gr 4" at the head of conference notes."""
    cases = {
        "progress.txt": (
            "Harwell Middle School - Interim Progress Report - Grade 7 Team Blue\n"
            "HOUSE, Jennifer   (201683)   Gr 7   HR B12\nCourse Avg Missing Comment\n"
            "Math 7 60 0 See me for makeup\nELA 7 85 3 Incomplete lab\n"
        ),
        "extra_time.txt": (
            "Can you make sure Noah Friedman gets his extra time and the small room for "
            "Friday's chem test? He also gets the directions read aloud.\n"
        ),
        "grades.txt": (
            "Hi Aida,\nForwarding from Jaden's dad. Below is what's posted for Q2 grades.\n"
            "Can someone tell me why Jaden Brooks has a D in chemistry? Nobody called us.\n"
        ),
        "conference.txt": (
            "Parent/Teacher Conference\nChloe Abernathy - Gr 4 - Ms. Lund - Thurs 10/17\n"
            "Reading - DRA 28. Starting Tier 2 group 4x/week. Mom asked about an ADHD eval.\n"
        ),
    }
    for name, text in cases.items():
        assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), name)), name


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_sheet_headed_by_its_students_name_then_a_grade_table(
    scanner: Scanner, policy: Policy, kind: str
) -> None:
    """ "Student | Kelly, Brian", "ID | 264428", a gap, then "Course | Teacher | Q1 ...":
    the heading is a form and the table has its own header."""
    rows: list[list[str]] = [
        ["Student", "Kelly, Brian", "", "", ""],
        ["ID", "264428", "", "", ""],
        ["Grade", "10", "", "", ""],
        ["", "", "", "", ""],
        ["Course", "Teacher", "Q1", "Q2", "Comment"],
        ["English 10", "Farrell", "A-", "B", "missing work"],
        ["Algebra II", "Bradley", "A-", "C+", "see me"],
        ["Biology", "Hughes", "B+", "A", "strong effort"],
    ]
    if kind == "xlsx":
        data = w.xlsx_bytes({"Q3": rows})
    else:
        data = "\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in rows).encode()
    reports = _scan(scanner, data, f"progress_Q3.{kind}")
    people = {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert "Kelly, Brian" in people
    assert not {"ID", "Grade", "Course", "Algebra II"} & people  # labels are not names
    assert "EDUCATION_RECORD" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_repeated_xml_records_are_read_as_a_table(scanner: Scanner, policy: Policy) -> None:
    """A SIMS submission and an HRIS export as XML: each record's fields are columns
    (an empty element's attributes too), typed by their names."""
    sims = b"""<?xml version='1.0' encoding='UTF-8'?>
<SIMSSubmission period="OCT" year="2025">
  <Student><DOE002>1400519997</DOE002><DOE003>Jose</DOE003><DOE005>Roque</DOE005>
    <DOE006>05/16/2010</DOE006></Student>
  <Student><DOE002>1711520040</DOE002><DOE003>Aaliyah</DOE003><DOE005>Osei</DOE005>
    <DOE006>06/02/2007</DOE006></Student>
</SIMSSubmission>"""
    reports = _scan(scanner, sims, "SIMS_Oct.xml")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("STUDENT_ID", "1400519997", "SIMSSubmission/Student, row 1, column DOE002") in found
    assert (
        "PERSON",
        "Aaliyah Osei",
        "SIMSSubmission/Student, row 2, columns DOE003, DOE005",
    ) in found
    assert FERPA in classify_reports(policy, reports)
    hris = b"""<?xml version="1.0"?>
<hris:Export xmlns:hris="urn:example:hris">
  <hris:Worker><hris:Legal first="Natalie" last="Rodriguez"/>
    <hris:TaxId>711319450</hris:TaxId></hris:Worker>
  <hris:Worker><hris:Legal first="Emily" last="Tate"/>
    <hris:TaxId>397938720</hris:TaxId></hris:Worker>
</hris:Export>"""
    reports = _scan(scanner, hris, "hris.xml")
    assert ("PERSON", "Natalie Rodriguez") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_payee_column_of_companies_holds_no_people(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Payee,Payee Type,Routing Number,Account Number\n"
        b"Cintas Corporation,Vendor,026099312,9034878458\n"
        b"Lincoln Square Academy Inc,Vendor,221198322,0413912448\n"
        b"Whitsons Culinary Group,Vendor,211302186,1232798064\n"
    )
    reports = _scan(scanner, data, "ach_batch.csv")
    assert "PERSON" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)
    people = data.replace(b"Cintas Corporation", b"Todd Church")
    assert MGL_93H in classify_reports(policy, _scan(scanner, people, "refunds.csv"))


def test_example_numbers_in_a_handbook_are_no_record(scanner: Scanner, policy: Policy) -> None:
    """The voided Woolworth SSN quoted as an example, "related to a student: grades" in
    prose, and a vendor's quote number shaped like an SSN."""
    handbook = (
        b"Employee Handbook 7.3. Note: numbers such as 078-05-1120 that circulate as "
        b"examples are not valid for any real person.\n"
        b"Student records include anything directly related to a student: grades, IEPs, "
        b"504 plans and test results. Share them only through Google Workspace.\n"
    )
    assert classify_reports(policy, _scan(scanner, handbook, "handbook.txt")) == ()
    quote = (
        b"Heinemann - Price Quote\nQuote No.: 412-55-7831\n"
        b"Prepared for: Travis Kelley, Reading Specialist\n"
    )
    assert "US_SSN" not in _entities(_scan(scanner, quote, "quote.txt"))


def test_a_header_with_a_year_and_a_roster_without_a_header(
    scanner: Scanner, policy: Policy
) -> None:
    """ "Spring 2024 ELA Scaled" names a column; a roster with no header row at all is
    still given names beside surnames (accents and all)."""
    rows = [
        ("1644273015", "Chen", "Grace", "2008-04-08", "495"),
        ("1065393626", "Hunter", "Nora", "2008-01-24", "480"),
        ("1181130159", "Jackson", "Júlia", "2008-04-03", "466"),
        ("1006181375", "Kelley", "Julián", "2008-06-23", "462"),
    ]
    body = "\n".join("\t".join(r) for r in rows)
    headed = f"SASID\tLast\tFirst\tDOB\tSpring 2024 ELA Scaled\n{body}\n".encode()
    reports = _scan(scanner, headed, "MCAS_retest.tsv")
    assert ("STUDENT_ID", "row 2, column SASID") in {
        (f.entity, f.location) for f in reports[0].findings
    }
    assert FERPA in classify_reports(policy, reports)
    bare = _scan(scanner, f"{body}\n".encode(), "export.tsv")
    found = {(f.entity, f.value, f.location) for f in bare[0].findings}
    assert ("PERSON", "Jackson Júlia", "row 3, columns column 2, column 3") in found


def test_a_nested_json_records_fields_are_labelled_by_their_object(
    scanner: Scanner, policy: Policy
) -> None:
    data = json.dumps(
        {
            "records": [
                {"referral_id": "GR-17", "student": {"name": "Vega, Gael", "id": "114323"}},
                {"referral_id": "GR-18", "student": {"name": "Robinson, William", "id": "178130"}},
            ]
        }
    ).encode()
    reports = _scan(scanner, data, "referrals.json")
    assert ("STUDENT_ID", "114323") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "text",
    [
        "Yes - he has a 504 (anxiety). Extended time 1.5x and he can take tests in the "
        "guidance testing room.\n\nOn Tue Hoa Le wrote:\n> quick question about Marcus Bell\n",
        "Hi Mrs. Brennan,\nI wanted to reach out about Tyler's progress in Algebra I. As of "
        "today his quarter average is a 61 (D-). He can retake the Unit 2 quiz.\n"
        "Thanks,\nMark Healey\n",
    ],
)
def test_a_teachers_email_about_one_student(scanner: Scanner, policy: Policy, text: str) -> None:
    reports = _scan(scanner, text.encode(), "email.txt")
    assert "EDUCATION_RECORD" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_co_pay_beside_a_direct_deposit_is_no_company(scanner: Scanner, policy: Policy) -> None:
    text = (
        b"Direct deposit for Tom Riley\n"
        b"Note: the dental plan co-pay is deducted each pay period.\n"
        b"Checking account 9428810034\n"
    )
    assert MGL_93H in classify_reports(policy, _scan(scanner, text, "deposit.txt"))


def test_a_table_printed_as_text_is_labelled_by_its_header_line(
    scanner: Scanner, policy: Policy
) -> None:
    """A PDF's roster: "Student SASID ELA Scaled ..." stands lines above the SASIDs it
    names; a meal application's "Student ID DOB" row wraps its school names."""
    roster = [
        "MCAS Spring 2024 - Grade 8 Student Results",
        "Student SASID ELA Scaled ELA Level Math Scaled Math Level",
        "Rodriguez, Scott 1835249829 464 Not Meeting 515 Meeting",
        "Srey, Sokha 1131338587 541 Exceeding 539 Exceeding",
        "Carter, Colton 1573824444 514 Meeting 469 Not Meeting",
    ]
    reports = _scan(scanner, w.pdf_bytes([roster]), "MCAS_roster.pdf")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"1835249829", "1131338587", "1573824444"}
    assert FERPA in classify_reports(policy, reports)
    application = [
        "Step 1 - Children in household who attend school",
        "Child's name School Grade Student ID DOB Foster",
        "Marie-Carmelle Desir Riverside Elementary",
        "School",
        "2 175981 08/10/2017 No",
        "Signer: Wislande Desir",
        "Date signed 09/09/2024",
    ]
    found = _scan(scanner, w.pdf_bytes([application]), "meal_application.pdf")[0].findings
    assert {(f.entity, f.value) for f in found if f.entity in ("STUDENT_ID", "DATE_OF_BIRTH")} == {
        ("STUDENT_ID", "175981"),
        ("DATE_OF_BIRTH", "08/10/2017"),  # the date signed is past the table's end
    }


def test_retirees_claimants_and_a_purchase_reports_accounts(
    scanner: Scanner, policy: Policy
) -> None:
    retirees = (
        b'Retiree,SSN,Plan\n"Mares, Virginia",441-55-3025,Medex 3\n'
        b'"Zacchia, Rosalia",608-25-1913,Medex 3\n"Sraffa, Pierluigi",286-54-4349,Tufts\n'
    )
    assert MGL_93H in classify_reports(policy, _scan(scanner, retirees, "retiree_health.csv"))
    purchases = (
        b"PO Number,Vendor,Account,Amount,Requested by\n"
        b"25-002908,School Specialty,1000-1568-54939,266.00,Stevenson Auguste\n"
        b"25-002240,Zoom,1000-1092-52432,20556.77,Luana Abreu\n"
    )
    reports = _scan(scanner, purchases, "PO_open_report.csv")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_placeholder_and_label_names_are_no_one(scanner: Scanner) -> None:
    text = (
        b"Example - what NOT to email\nStudent: Jane Doe, SASID 1XXXXXXXXX\n"
        b"first_name: First Name\nlast_name: Last Name\n"
    )
    assert "PERSON" not in _entities(_scan(scanner, text, "training.txt"))


@pytest.mark.parametrize(
    "text",
    [
        "I'm reaching out to Jaylen's teachers before the Q1 grade conference. Jaylen "
        "Baptiste (gr 11) is currently failing Algebra II.\nThanks,\nXiulantao Zhang\n",
        "Student: Jones, Charles   Stu ID 27954   Gr 10\nDrop: Chemistry CP\n"
        "Reason: placement - struggling w/ math prereq. Can you approve the schedule change?\n",
    ],
)
def test_a_students_teachers_and_schedule(scanner: Scanner, policy: Policy, text: str) -> None:
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "email.txt"))


def test_contacts_guardians_physicians_and_payers_are_people(scanner: Scanner) -> None:
    data = (
        b"Student,Contact 1,Phone 1,Contact 2,Phone 2,Physician,Guardian1,Payer\n"
        b"Christiane Pruvost,Oluwaseun Pruvost,(508) 835-5977,John Sanchez,6177166365,"
        b"Dr. Tobiasz Litwinowicz,Rebecca Adan,DeShawn Jackson\n"
    )
    people = {f.value for f in _scan(scanner, data, "contacts.csv")[0].findings}
    assert {
        "Oluwaseun Pruvost",
        "John Sanchez",
        "Dr. Tobiasz Litwinowicz",
        "Rebecca Adan",
        "DeShawn Jackson",
    } <= people


def test_json_records_with_nested_objects_are_a_table(scanner: Scanner, policy: Policy) -> None:
    """{"athlete": .., "emergency_contact": {"name": .., "phone": ..}}: the nested fields
    are columns ("emergency_contact name") of one table."""
    records = [
        {
            "athlete": "Richards, Brittany",
            "dob": "2012-09-21",
            "emergency_contact": {"name": "Yuki Tanaka", "phone": "4138296760"},
            "student_id": "673380",
        },
        {
            "athlete": "Tapia, Lorenza",
            "dob": "2011-12-05",
            "emergency_contact": {"name": "Jon Perry", "phone": "978-461-2582"},
            "student_id": "169156",
        },
    ]
    reports = _scan(scanner, json.dumps(records).encode(), "physicals.json")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("PERSON", "Yuki Tanaka", "$, row 1, column emergency_contact name") in found
    assert ("STUDENT_ID", "169156", "$, row 2, column student_id") in found
    assert FERPA in classify_reports(policy, reports)


def test_a_vendor_files_bank_accounts_are_companies(scanner: Scanner, policy: Policy) -> None:
    records = [
        {"vendorId": "002175", "legalName": "Lakeshore Learning Materials",
         "remit": {"routing": "211370545", "account": "394843779421"}},
        {"vendorId": "008442", "legalName": "Harwell Light and Power",
         "remit": {"routing": "011000138", "account": "13557421"}},
    ]  # fmt: skip
    reports = _scan(scanner, json.dumps(records).encode(), "vendor_master.json")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_fixed_width_report_and_a_surname_first_label(scanner: Scanner, policy: Policy) -> None:
    """An SSA verification file in columns two or more spaces apart, names in capitals;
    a garnishment memo's "Employee: Majewicz, Oskar"."""
    report = (
        "SSNVS Verification Results - Submitted 10/28/2024\n"
        "SSN          LAST NAME            FIRST NAME      DOB        RESULT\n"
        "622996877    MORAES               MARIAH          03161985   NAME MISMATCH\n"
        "190342846    CEBALLOS             JAIME           09031995   NAME MISMATCH\n"
        "761878503    SOMMERFELD           WOJCIECH        12291994   VERIFIED\n"
    )
    reports = _scan(scanner, report.encode("utf-16"), "SSNVS_results.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_SSN", "622996877"), ("PERSON", "MARIAH MORAES")} <= found
    assert MGL_93H in classify_reports(policy, reports)
    memo = b"Re: Wage garnishment\n\nEmployee: Majewicz, Oskar  (Emp# 287585)\nSSN: 672-06-5384\n"
    found = {(f.entity, f.value) for f in _scan(scanner, memo, "memo.txt")[0].findings}
    assert ("PERSON", "Majewicz, Oskar") in found


@pytest.mark.parametrize(
    "text",
    [
        "To the Parent/Guardian of Susana Le\u00f3n\nOur records show that Susana (Grade 3, "
        "Student ID 1706801) has been absent 7 days this school year without documentation. "
        "Please contact the main office to schedule an attendance meeting.\n",
        "I'm writing with a behavior update for Delfino Giacconi (ID 8442708). Today he left "
        "the classroom twice. Per the BIP, we have started a check-in/check-out plan.\n"
        "Brandy Kelly\nGrade 4, Lakeview Elementary\n",
        "Hi all,\nMaksymilian's annual IEP review is scheduled for 11/14.\nCurrent services: "
        "counseling 1x30/wk. Current grades: English C-, Bio D.\nErik\n",
        "Studnet: Majumdar, Finn        Grade: 8     ID# 5607620\nBehavior: pushed another "
        "student. Admin action: 1 day out-of-school suspension. Referred to counselor.\n",
        "I checked the gradebook and Alexandria is currently missing 4 assignments. Right now his\n"
        "average in Math 7 is a 61 (D-).\nKevin Salazar\n",
    ],
)
def test_letters_and_notes_about_one_student(scanner: Scanner, policy: Policy, text: str) -> None:
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "note.txt"))


def test_a_memo_to_all_principals_is_to_no_one(scanner: Scanner, policy: Policy) -> None:
    memo = (
        b"MEMORANDUM\nTo: All Building Principals and Attendance Clerks\n"
        b"Re: Attendance procedures\n1. A student who has five or more unexcused absences in "
        b"a school year must have a meeting with the parent/guardian and principal.\n"
    )
    reports = _scan(scanner, memo, "memo.txt")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_nacha_payroll_files_direct_deposits(scanner: Scanner, policy: Policy) -> None:
    """The file a payroll sends its bank: 94-character records, entries of type 6."""

    def entry(routing: str, account: str, cents: int, ident: str, name: str) -> str:
        record = f"622{routing}{account:<17}{cents:010d}{ident:<15}{name:<22}  0011000130000001"
        assert len(record) == 94
        return record

    lines = [
        "101 011000138 0426001121241115093" + "0A094101BANK OF AMERICA        BROOKMERE PS    ",
        "5200BROOKMERE PUBLIC"
        + " " * 20
        + "1046001121PPDPAYROLL   241115241115   1011000130000001",
        entry("215156736", "707473375069", 275839, "169427", "MENDOZA RACHAEL"),
        entry("011000138", "587886165", 245954, "236020", "PIRES ALLANA"),
        "8200000002004263128700000000000000000052179310460011" + " " * 27 + "011000130000001",
    ]
    reports = _scan(scanner, "\r\n".join(lines).encode(), "ACH_PPD_PAYROLL.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_BANK_NUMBER", "707473375069"), ("PERSON", "MENDOZA RACHAEL")} <= found
    assert MGL_93H in classify_reports(policy, reports)
    # the same batch with the corporate entry class (CCD) pays vendors' business accounts
    batch = lines[1].replace("PPDPAYROLL  ", "CCDVENDOR PMT")
    assert batch[50:53] == "CCD"
    companies = [
        entry("215156736", "4471200938", 275839, "V169427", "SCHOLASTIC INC."),
        entry("011000138", "88120774", 245954, "V236020", "KELLEY BUS LINES INC."),
    ]
    vendors = [lines[0], batch, *companies, lines[-1]]
    reports = _scan(scanner, "\r\n".join(vendors).encode(), "ACH_CCD_VENDORS.txt")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)
    # ... but a vendor who is a person (a tutor, a sole proprietor) is paid into her own
    # account, her name written surname first
    people = [lines[0], batch, companies[0], *lines[2:]]
    reports = _scan(scanner, "\r\n".join(people).encode(), "ACH_CCD_VENDORS.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert ("US_BANK_NUMBER", "4471200938") not in found  # Scholastic's
    assert {("US_BANK_NUMBER", "587886165"), ("PERSON", "PIRES ALLANA")} <= found
    assert MGL_93H in classify_reports(policy, reports)


def test_an_efw2_w2_files_employee_records(scanner: Scanner, policy: Policy) -> None:
    """The W-2 wage file a payroll files with the SSA (EFW2): 512-character records, an
    "RW" record per employee with the SSN and name in fixed positions, no separators."""

    def record(text: str) -> str:
        return f"{text:<512}"

    def employee(ssn: str, first: str, middle: str, last: str, street: str, city: str) -> str:
        return record(
            f"RW{ssn}{first:<15}{middle:<15}{last:<20}{'':<4}{'':<22}{street:<22}{city:<22}MA01564"
        )

    lines = [
        record("RA046011873MQRSD001    0     0      MILLBROOK-QUINAPOXET RSD"),
        record("RE2023 046011873         0             MILLBROOK-QUINAPOXET REGIONAL SD"),
        employee("808618213", "ROBERT", "W", "ABDULLAH", "066 JACQUELINE PRAIRIE", "STERLING"),
        employee("443405502", "JACK", "M", "ACOSTA", "65196 BOWEN BROOK", "STERLING"),
        record("RT000000002"),
        record("RF000000002"),
    ]
    reports = _scan(scanner, "\r\n".join(lines).encode(), "W2REPORT_2023.txt")
    ssns = [(f.value, f.location) for f in reports[0].findings if f.entity == "US_SSN"]
    assert ssns == [
        ("808618213", "table at line 2, row 2, column SSN"),
        ("443405502", "table at line 2, row 3, column SSN"),
    ]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_towns_own_account_in_a_bank_reconciliation(scanner: Scanner, policy: Policy) -> None:
    data = w.xlsx_bytes(
        {
            "Outstanding checks": [
                ["Check #", "Date", "Payee", "Amount"],
                ["104821", "09/18/2024", "Perry Ramos", "11351.50"],
                ["104726", "09/06/2024", "Josephine Louis", "18368.67"],
            ],
            "Summary": [
                ["Account", "Town of Brookmere - School Operating, Rockland Trust acct 7720394410"],
                ["Book balance", "1834221.17"],
            ],
        }
    )
    reports = _scan(scanner, data, "Bank_Rec_Sept.xlsx")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_court_orders_and_a_memo_to_one_employee(scanner: Scanner, policy: Policy) -> None:
    """Names in capitals, surname first ("DE LA GARZA, DULCE"), as levies and withholding
    orders print them; "the account on your vendor record" is still the teacher's."""
    levy = b"Notice of Levy on Wages\n\nEmployee: DE LA GARZA, DULCE\nSSN: 856-84-1184\n"
    found = {(f.entity, f.value) for f in _scan(scanner, levy, "levy.txt")[0].findings}
    assert ("PERSON", "DE LA GARZA, DULCE") in found
    memo = (
        b"To: Annalisa Bosurgi, Teacher - English\nRe: Course reimbursement\n"
        b"It will be sent by ACH to the account on your vendor record: Eastern Bank, routing "
        b"011440387, account no. 729174176.\n"
    )
    reports = _scan(scanner, memo, "memo.txt")
    assert "US_BANK_NUMBER" in _entities(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_message_whose_from_header_is_folded_is_a_message(scanner: Scanner) -> None:
    message = (
        b"From:\n John Pham <jpham@district.example.org>\nTo: Antonina Toldo "
        b"<atoldo@district.example.org>\nSubject: Progress concern\n"
        b"Content-Type: text/plain; charset=utf-8\n\nHere is who is failing Algebra I.\n"
    )
    reports = _scan(scanner, message, "concern.eml")
    # read as a message: its addresses are located in its headers
    assert "headers, line 2" in {f.location for f in reports[0].findings}


def test_a_counselors_dated_notes_and_an_athletes_clearance(
    scanner: Scanner, policy: Policy
) -> None:
    notes = (
        "Counseling notes - Oct 2024 (confidential)\n\n"
        "10/28/24 - Christopher Mason (gr 12)\n  Missing 6 assignments in Alg II (D+).\n\n"
        "10/15/24 - Giuliana Udinesi (gr 9)\n  Parents divorcing, staying w/ grandmother.\n\n"
        "10/13/24 - John Duong (gr 9)\n  Credit recovery - failed US Hist I and Chem.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, notes.encode(), "notes.txt"))
    clearance = (
        b"<table><tr><th>Athlete</th><th>Sport</th><th>Status / medical notes</th></tr>"
        b"<tr><td>Roque, S.</td><td>Football</td><td>cleared</td></tr>"
        b"<tr><td>Abreu, B.</td><td>XC</td><td>cleared - allergy (bee), epi in kit</td></tr>"
        b"<tr><td>Cox, M.</td><td>Soccer</td><td>concussion protocol - not cleared</td></tr>"
        b"</table>"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, clearance, "clearance.html"))


@pytest.mark.parametrize("number", ["27954", "2795413", "30417722"])
def test_a_labelled_student_number_of_any_length_is_an_id(
    scanner: Scanner, policy: Policy, number: str
) -> None:
    """The policy declares its own district's six digits; a tutor's note from another
    district labels a five-, seven- or eight-digit number "Stu ID" all the same."""
    text = f"Tutoring note\n\nStudent: Maria Lopez   Stu ID {number}\nWorked on fractions.\n"
    reports = _scan(scanner, text.encode(), "tutoring_note.txt")
    ids = [f.value for f in reports[0].findings if f.entity == "STUDENT_ID"]
    assert ids == [number]
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "line",
    [
        "Student ID card replacement fee: $5, order 27954",
        "Students in Room 2795 are dismissed at 2:15",
        "Student number goal: 1200 by 2027",
    ],
)
def test_a_number_that_is_not_the_labels_own_value_is_no_id(scanner: Scanner, line: str) -> None:
    found = scanner.scan_text(line + "\n", every_name=False)
    assert [f.entity for f in found if f.entity == "STUDENT_ID"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Student: Nicholas Burke Jr.\nGrade 7\n", "Nicholas Burke Jr."),
        ("Dear Rita Summers MD,\nThank you for the referral.\n", "Rita Summers MD"),
        ("Signed by Kevin Veitonen III on 3/2/2025.\n", "Kevin Veitonen III"),
        ("Physician: Omar Haddad, M.D.\n", "Omar Haddad, M.D."),
    ],
)
def test_a_name_keeps_its_suffix(scanner: Scanner, text: str, name: str) -> None:
    """ "Jr." and "MD" are part of how the person is named: the reported value is the name
    as written, not one trimmed at its punctuation."""
    people = [f.value for f in scanner.scan_text(text, every_name=True) if f.entity == "PERSON"]
    assert people == [name]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (  # a course line above the header
            b"Course,BIO-201-03,Teacher,Franco Caccianemico\n\n"
            b"Name,Student ID,Email,Grade,Seat\n"
            b'"Godinez, Bernabe",8736072,bgodinez@students.example.org,10,1\n'
            b'"Hamilton, Robert",703418,rhamilton@students.example.org,10,2\n'
            b'"White, Charles",64168,cwhite@students.example.org,10,3\n',
            "roster_period3.csv",
        ),
        (  # a title in two cells above the header
            "Newcomer Roster 2024-25\tBrookmere HS ELE Program\n"
            "Name\tDOB\tCountry\tHome language\tEntry date\tWIDA screener\n"
            "Sousa, Lorena\t04/08/2009\tGuatemala\tSpanish\t12/09/2024\t1.5\n"
            "Allain, St\u00e9phanie\t29/07/2008\tHaiti\tHaitian Creole\t10/01/2024\t2.3\n"
            "Costela, Pedro\t25/08/2009\tVietnam\tVietnamese\t12/12/2024\t3.0\n".encode("utf-16"),
            "newcomer_roster.txt",
        ),
    ],
)
def test_a_delimited_export_with_a_title_above_its_header(
    scanner: Scanner, policy: Policy, data: bytes, name: str
) -> None:
    reports = _scan(scanner, data, name)
    columns = {f.location.split("column ")[-1] for f in reports[0].findings if "row" in f.location}
    assert "Name" in columns
    assert FERPA in classify_reports(policy, reports)


def test_a_notes_column_says_what_the_record_is(scanner: Scanner, policy: Policy) -> None:
    """A tutoring log's notes ("Failed last quiz", "absent") are about each row's student."""
    data = (
        "AFTER-SCHOOL TUTORING LOG \u2014 Lincolnvale HS\n\n"
        "Date | Student | Subject | Minutes | Notes\n"
        "10/24 | Margaret Dorsey | Reading | 45 | Read 2 chapters; comprehension improving\n"
        "10/15 | Jessica Ayers | Algebra | 45 | Missed session (absent)\n"
        "10/22 | Alexander Anderson | Algebra | 45 | Failed last quiz - 52%\n"
        "10/14 | Elizabeth Huber | Algebra | 45 | Struggled with factoring; retake Friday\n"
    ).encode()
    reports = _scan(scanner, data, "tutoring_log.txt")
    assert FERPA in classify_reports(policy, reports)
    staff = data.replace(b"Notes\n", b"Room\n").replace(b"| Failed last quiz - 52%", b"| 214")
    staff = staff.replace(b"| Missed session (absent)", b"| 110")
    assert FERPA not in classify_reports(policy, _scan(scanner, staff, "tutoring_log.txt"))


def test_a_progress_report_labels_its_student_in_long_form(
    scanner: Scanner, policy: Policy
) -> None:
    """ "Name (Last, First):" labels a name; "Student Number:" an eight-digit number."""
    text = (
        "Cranberry Hollow High School - Progress Report, Quarter 1\n"
        "Name (Last, First): Ferreira, Dmitri\n"
        "Student Number: 20245817 Grade: 9 Counselor: Delgado\n"
    )
    reports = _scan(scanner, text.encode(), "progress_report.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "Ferreira, Dmitri"), ("STUDENT_ID", "20245817")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_an_lms_gradebook_numbers_its_assignment_columns(scanner: Scanner, policy: Policy) -> None:
    """Canvas writes "Vocab Unit 4 (10251)": a header still, its number the assignment's."""
    data = (
        b"Student,ID,SIS User ID,Section,Vocab Unit 4 (10251),Socratic Seminar (10262),"
        b"Current Grade\n"
        b"    Points Possible,,,,25.00,50.00,(read only)\n"
        b'"Fernandes, Kaitlyn",7814,20230752,ENG10-CP-04,24.00,26.00,B\n'
        b'"Acheampong, Diego",7094,20233457,ENG10-CP-04,22.00,23.00,D-\n'
        b'"Pierre, Hana",9899,20239260,ENG10-CP-04,25.00,22.00,C-\n'
    )
    reports = _scan(scanner, data, "grades_export.csv")
    people = [f.value for f in reports[0].findings if f.entity == "PERSON"]
    assert "Acheampong, Diego" in people
    assert FERPA in classify_reports(policy, reports)


def test_a_school_meal_export_is_a_student_record(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"PatronID,LastName,FirstName,Grade,Site,EligCode,Balance\n"
        b"244645,Parker,Jae-min,8,TBMS,F,2.20\n"
        b"271574,Okonkwo-Baptiste,Becky,8,TBMS,P,9.30\n"
        b"206788,Rogers,Patrick,12,TBRHS,R,-1.69\n"
    )
    reports = _scan(scanner, data, "meal_accounts.csv")
    assert "STUDENT_ID" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_class_list_with_a_bday_column(scanner: Scanner) -> None:
    data = b"Pupil\tBday\tBus\nOlivia Sullivan\t3/9/16\t12\nWyatt Brennan\t9/13/15\twalker\n"
    assert "DATE_OF_BIRTH" in _entities(_scan(scanner, data, "class_list.tsv"))


def test_a_reading_tracker_names_children_by_first_name_and_initial(
    scanner: Scanner, policy: Policy
) -> None:
    data = w.xlsx_bytes(
        {
            "Levels": [
                ["Rm 4 - F&P Benchmark Tracker 2024-25"],
                ["Goal EOY: L/M"],
                ["Kid", "Sept", "Nov", "Notes"],
                ["Valentina J.", "G", "H", "eval in process"],
                ["Thanh T.", "I", "I", ""],
                ["Xinyi S.", "E", "E", ""],
            ]
        }
    )
    reports = _scan(scanner, data, "fp_tracker.xlsx")
    assert "Valentina J." in [f.value for f in reports[0].findings if f.entity == "PERSON"]
    assert FERPA in classify_reports(policy, reports)
    notes = (
        "guided reading groups - rm 6 - updated 11/8\n\n"
        "Blue (lvl D): Ryan N., Kwame M., Fatima L., Amir M.\n"
        "Green (lvl G): Connor F., Davi M., Bao N., Omar H.\n\n"
        "movers since Sept:\n  Isabella L. H -> J\n"
        "  Brianna C. still at B, referred to Title I + DIBELS PM every 2 wks, ORF 18 wcpm\n"
        "  Lucas R. new student from Brockton, no records yet - benchmarked at F\n"
    )
    reports = _scan(scanner, notes.encode(), "reading_groups.txt")
    assert FERPA in classify_reports(policy, reports)


def test_a_call_log_with_a_tab_after_each_date_is_prose(scanner: Scanner, policy: Policy) -> None:
    """Not a table: no header names its columns, and one column holds sentences."""
    text = (
        "Parent contact log \u2013 Fall 2024 \u2013 Mr. Whitcomb (Chemistry)\n"
        "====================\n\n"
        "9/18\tcalled guardian (Erin Nakamura) \u2013 Ximena Nakamura: re: missing lab safety "
        "contract; signed copy came back 9/20\n"
        "10/2\tLM for mother (Maria Lindqvist) \u2013 Dmitri Lindqvist: 3 tardies to P2, grade "
        "currently 71%\n"
        "10/9\temailed father (Ahmed Lewandowski) \u2013 Yasmin Lewandowski: failed Unit 2 test "
        "(21/50), offered retake Thurs after school\n"
        "10/30\tLM for mother (Denise Gagnon) \u2013 Halima Gagnon: Halima has been absent 6 days "
        "this quarter, missing 4 labs\n"
    )
    reports = _scan(scanner, text.encode("utf-16"), "parent_call_log.txt")
    assert "Denise Gagnon" in [f.value for f in reports[0].findings if f.entity == "PERSON"]
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "letter",
    [
        "I am writing on behalf of Guerline Haddad, who was a student in my Honors French 4 "
        "course. Despite a serious illness in tenth grade, she graduated with a 3.8 GPA.",
        "I taught Thanh Okonkwo in AP Physics C during her junior year, and she earned the "
        "highest grade in a class of 31 students (98.6%). Thanh scored a 5 on both AP "
        "Physics C exams.",
    ],
)
def test_a_recommendation_letter_gives_one_students_results(
    scanner: Scanner, policy: Policy, letter: str
) -> None:
    text = f"To Whom It May Concern:\n{letter}\nSincerely,\nMichelle Horvath\nScience Department\n"
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "rec_letter.txt"))


def test_a_note_for_the_substitute_on_children_named_by_initial(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "Hi Fatuma,\nI'm out tomorrow (sick kiddo). A few things for the sub:\n"
        "Dalia K. \u2013 IEP, goes to Mrs. Pham for reading at 9:30, needs a visual schedule\n"
        "Diego T. \u2013 tree nut allergy, eats at the peanut-free table\n"
        "Luca K. \u2013 is on a behavior chart, please fill it in for each block\n"
        "Thank you!!\nCarlos\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "sub_note.txt"))
    people = [f.value for f in scanner.scan_text(text, every_name=True) if f.entity == "PERSON"]
    assert "Luca K." in people  # the initial keeps its full stop, the dash is no part
    handbook = (
        "IEP Team Meetings \u2013 IEP meetings are held each spring. Parents receive the "
        "draft IEP ten days before. Contact Carlos Pierre with questions.\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, handbook.encode(), "hb.txt"))


def test_a_name_given_whole_and_in_parts_is_one_name(scanner: Scanner) -> None:
    """Google Classroom gives each student's name three times, and a flag whose key says
    'teacher': one person, and "false" is no one."""
    students = [
        {
            "userId": "772914946728333850406",
            "profile": {
                "name": {"givenName": given, "familyName": family, "fullName": f"{given} {family}"},
                "emailAddress": f"{given.lower()}.{family.lower()}@students.example.org",
                "verifiedTeacher": False,
            },
        }
        for given, family in [("Rohan", "Warsame"), ("Luca", "Nakamura"), ("Brianna", "Bouchard")]
    ]
    data = json.dumps({"students": students}).encode()
    people = [
        f.value for f in _scan(scanner, data, "roster.json")[0].findings if f.entity == "PERSON"
    ]
    assert people == ["Rohan Warsame", "Luca Nakamura", "Brianna Bouchard"]


def test_a_notice_names_its_obligor_in_capitals(scanner: Scanner, policy: Policy) -> None:
    text = (
        "DEPARTMENT OF REVENUE - CHILD SUPPORT ENFORCEMENT\n"
        "NOTICE TO WITHHOLD INCOME FOR CHILD SUPPORT\n\n"
        "RE: Employee/Obligor: O'SULLIVAN, AOIFE C\n"
        "    SSN: 222-20-2963\n"
    )
    reports = _scan(scanner, text.encode(), "withholding_notice.txt")
    assert ("PERSON", "O'SULLIVAN, AOIFE C") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)
    office = text.replace("O'SULLIVAN, AOIFE C", "PAYROLL, DEPT")
    assert MGL_93H not in classify_reports(policy, _scan(scanner, office.encode(), "n.txt"))


def test_a_banks_notice_of_change_names_the_receiver(scanner: Scanner, policy: Policy) -> None:
    """An ACH notification of change: the employee is the "Receiver", in capitals."""
    text = (
        "ACH Notification of Change\n"
        "Originator: ASHCROFT PUBLIC SCHOOLS   Company ID 1046001987\n\n"
        "Receiver name:  DANIEL HUFFMAN\n"
        "Change code:    C01 - Incorrect DFI account number\n"
        "Original account: 3671775254\n"
        "Corrected account: 89428394279\n"
    )
    reports = _scan(scanner, text.encode(), "noc.txt")
    assert ("PERSON", "DANIEL HUFFMAN") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)
    district = text.replace("DANIEL HUFFMAN", "ASHCROFT SCHOOLS")
    assert MGL_93H not in classify_reports(policy, _scan(scanner, district.encode(), "n.txt"))


def test_a_purchasing_card_statements_cardholder_in_capitals(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "Bank of America - Purchasing Card Statement\n"
        "Cardholder: KAREN M OBI\n"
        "Account Number: 4921 0804 2713 0935\n"
        "Post Merchant Reference # Amount\n"
        "06/01 EBSCO INDUSTRIES 822873560152019886 2530.00\n"
    )
    reports = _scan(scanner, text.encode(), "pcard.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "KAREN M OBI"), ("CREDIT_CARD", "4921 0804 2713 0935")} <= found
    assert MGL_93H in classify_reports(policy, reports)
    masked = text.replace("4921 0804 2713 0935", "XXXX XXXX XXXX 0935")
    assert MGL_93H not in classify_reports(policy, _scan(scanner, masked.encode(), "m.txt"))


def test_a_worksheets_title_names_its_grievant_in_capitals(
    scanner: Scanner, policy: Policy
) -> None:
    rows: list[list[object]] = [
        ["BACKPAY PER SETTLEMENT OF GR. 24-07 - LISA POWELL"],
        ["Emp ID E46208   Pay by off-cycle DD to: Acct 252585778 (Checking)"],
        ["Pay Period", "FTE", "Gross Diff", "Notes"],
        ["PP 2023-18", 1, 412.58, "Step 9 -> Step 10 diff"],
        ["PP 2023-19", 1, 412.58, "Step 9 -> Step 10 diff"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Calc": rows}), "backpay.xlsx")
    assert ("PERSON", "LISA POWELL") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)
    rows[0] = ["BACKPAY PER SETTLEMENT OF GR. 24-07 - MAIN OFFICE"]
    reports = _scan(scanner, w.xlsx_bytes({"Calc": rows}), "office.xlsx")
    assert MGL_93H not in classify_reports(policy, reports)


def test_officials_named_by_first_initial_and_last_name(scanner: Scanner, policy: Policy) -> None:
    """A column of "J. Fuller"s is people, in c. 93H's own words, whatever its header."""
    rows: list[list[object]] = [
        ["GAME OFFICIALS PAY VOUCHERS - WINTER 2024-25"],
        ["Official", "Assignor #", "Game", "Fee", "SSN"],
        ["J. Fuller", "79376", "V BB vs Mahar", "$92.00", "149-89-1905"],
        ["M. Ortiz", "79377", "JV BB vs Mahar", "$70.00", "212-58-3391"],
        ["K. Walsh", "79380", "V GBB vs Athol", "$92.00", "318-40-2276"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Vouchers": rows}), "vouchers.xlsx")
    people = {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert people == {"J. Fuller", "M. Ortiz", "K. Walsh"}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_card_form_printed_as_two_tables(scanner: Scanner, policy: Policy) -> None:
    """The student's table ends at the cardholder's header line; "Billing ZIP" heads the
    column after the card's, and says nothing of the card number under "Card number"."""
    lines = [
        "Meal Account Auto-Replenish Authorization",
        "Student name Student ID # School Grade",
        "Susan Kowalski 225704 Harmon Middle School 6",
        "Name on card Card number Exp. Billing ZIP",
        "Christopher D Kowalski 4198 9163 9449 9686 09/27 01589",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "autoreplenish.pdf")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert ("CREDIT_CARD", "4198 9163 9449 9686") in found
    assert {value for entity, value in found if entity == "STUDENT_ID"} == {"225704"}
    assert {MGL_93H, FERPA} <= set(classify_reports(policy, reports))


def test_a_pay_stubs_label_and_value_pairs(scanner: Scanner, policy: Policy) -> None:
    """A headerless HTML table whose rows pair labels and values."""
    html = (
        "<html><body><h2>Employee Self Service - Pay Statement</h2><table>"
        "<tr><td>Employee</td><td>Jeevika Vohra</td><td>Emp #</td><td>11796</td></tr>"
        "<tr><td>Pay date</td><td>10/25/2024</td><td>Net</td><td>2,415.05</td></tr>"
        "</table><table><tr><th>Bank</th><th>Routing</th><th>Account</th></tr>"
        "<tr><td>Greenfield Savings Bank</td><td>011000015</td><td>23567525762</td></tr>"
        "</table></body></html>"
    )
    reports = _scan(scanner, html.encode(), "pay_statement.html")
    assert "Jeevika Vohra" in [f.value for f in reports[0].findings if f.entity == "PERSON"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_job_title_beside_a_coverage_tier_is_no_name(scanner: Scanner) -> None:
    """In a table with a header, a cell is labelled by its header, not by the cell before:
    "Employee + Spouse" is a coverage tier, "Math Teacher" a position."""
    data = (
        b"Employee ID,Coverage,Position\n"
        b"E1001,Employee + Spouse,Math Teacher\n"
        b"E1002,Employee Only,Speech Pathologist\n"
    )
    people = [
        f.value for f in _scan(scanner, data, "census.csv")[0].findings if f.entity == "PERSON"
    ]
    assert people == []


def test_a_licence_check_report_under_a_rule_line(scanner: Scanner, policy: Policy) -> None:
    """A fixed-width report with a rule under its header: its EXP dates are no birth
    dates (a date to come is no one's), and its adults' birth dates are no students'."""
    text = (
        "ATHLETICS - VAN DRIVER AUTHORIZATION - RMV LICENSE STATUS CHECK\n\n"
        "NAME                        DOB         MA LIC #    CLASS  EXP         STATUS\n"
        "-------------------------------------------------------------------------------\n"
        "Webb, Robert                03/02/1975  S36514236   D      06/13/2027  ACTIVE\n"
        "Pacheco, Doris              04/25/1990  S71773983   D      10/20/2029  ACTIVE\n"
        "Patterson, Rachel           01/03/1985  S82657270   D      04/26/2025  SUSP-CHK\n"
    )
    reports = _scan(scanner, text.encode(), "van_drivers.txt")
    births = [f.value for f in reports[0].findings if f.entity == "DATE_OF_BIRTH"]
    assert births == ["03/02/1975", "04/25/1990", "01/03/1985"]
    assert classify_reports(policy, reports) == (MGL_93H,)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "positive_pay.txt",
            "POSITIVE PAY ISSUE FILE  ACCT 7730015529  TULLY BROOK RSD PAYROLL\n"
            "7730015529  0000040850000000104923102524ISEYE ADEGBITE\n"
            "7730015529  0000040460000000072614102524ICHELSEA GRAY\n",
        ),
        (
            "gateway_spec.txt",
            "Contact: K. Doucette\nTest cards for the sandbox:\n"
            "  Visa (decline)     4000 0000 0000 0002\n"
            "  ACH test routing   011000015  acct 1234567890\n",
        ),
    ],
)
def test_a_districts_own_account_and_a_sandboxs_numbers_are_no_ones(
    scanner: Scanner, policy: Policy, name: str, text: str
) -> None:
    assert MGL_93H not in classify_reports(policy, _scan(scanner, text.encode(), name))


def test_one_account_down_a_whole_column_is_a_ledger_line(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Name,Position,Stipend,Account\n"
        b"Mackenzie Kelly,Advisor,5150.00,1000-3510-51300\n"
        b"Dawn Robinson,Head Coach,2150.00,1000-3510-51300\n"
        b"Raven Sanchez,Head Coach,3300.00,1000-3510-51300\n"
    )
    assert MGL_93H not in classify_reports(policy, _scan(scanner, data, "stipends.csv"))
    own = data.replace(b"3300.00,1000-3510-51300", b"3300.00,4471829903")
    own = own.replace(b"2150.00,1000-3510-51300", b"2150.00,0099182736")
    assert MGL_93H in classify_reports(policy, _scan(scanner, own, "stipends.csv"))


def test_a_training_sample_says_its_student_is_made_up(scanner: Scanner, policy: Policy) -> None:
    intro = (
        "SAMPLE IEP - FOR PROFESSIONAL DEVELOPMENT USE ONLY\n"
        "This is a FICTITIOUS student created for training. Do not file in Aspen.\n"
    )
    form = (
        "Student Name: Jane Q. Sample    DOB: 01/01/2015\n"
        "SASID: 1000000000    Grade: 4\n"
        "Trainer note: ask participants to rewrite the weak goal below.\n"
        "Weak goal: 'Jane will improve her reading.'\n"
    )
    sample = _scan(scanner, (intro + form).encode(), "sample_iep.txt")
    assert FERPA not in classify_reports(policy, sample)
    found = {(f.entity, f.value) for f in sample[0].findings}
    assert ("STUDENT_ID", "1000000000") not in found  # a form's example number
    assert ("PERSON", "Trainer") not in found
    real = form.replace("Jane Q. Sample", "Maria Lopez").replace("1000000000", "1048839377")
    assert FERPA in classify_reports(policy, _scan(scanner, real.encode(), "iep.txt"))


def test_names_under_an_unknown_header_beside_a_column_of_initials(
    scanner: Scanner, policy: Policy
) -> None:
    """A health office's API export: each visit's student under "display", the nurse by
    her initials. The initials name no one; the names are found by their shape."""
    visits = [
        ("213591", "Ortega, Lucia", "headache", "MK"),
        ("206279", "Brennan, Thomas", "asthma", "PR"),
        ("202465", "Walsh, Kevin", "injury - PE", "MK"),
        ("219438", "Nguyen, Amy", "anxiety", "PR"),
    ]
    export = {
        "endpoint": "/api/visits?school=HHS",
        "results": [
            {
                "student": {"id": number, "display": name, "grade": 11},
                "complaint": complaint,
                "disposition": "returned to class",
                "nurse": nurse,
            }
            for number, name, complaint, nurse in visits
        ],
    }
    reports = _scan(scanner, json.dumps(export).encode(), "visits.json")
    assert _sorted_values(reports, "PERSON") == sorted(name for _, name, _, _ in visits)
    assert FERPA in classify_reports(policy, reports)


def test_a_json_schemas_examples_are_no_ones_record(scanner: Scanner, policy: Policy) -> None:
    """An online form's JSON Schema shows its fields filled in ("examples"): that sample
    student is no one. The same fields outside a schema are a child's referral."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Transition referral (online intake)",
        "type": "object",
        "properties": {
            "studentFirstName": {"type": "string"},
            "studentLastName": {"type": "string"},
            "dateOfBirth": {"type": "string", "format": "date"},
            "sasid": {"type": "string", "description": "MA State Assigned Student ID"},
        },
        "examples": [
            {
                "studentFirstName": "Mark",
                "studentLastName": "Example",
                "dateOfBirth": "2005-02-02",
                "sasid": "1000000000",
            }
        ],
    }
    reports = _scan(scanner, json.dumps(schema, indent=2).encode(), "referral.schema.json")
    assert FERPA not in classify_reports(policy, reports)
    referral = {
        "formTitle": "Transition referral (online intake)",
        "studentFirstName": "Darnell",
        "studentLastName": "Whitfield",
        "dateOfBirth": "2005-02-02",
        "sasid": "1048839377",
    }
    reports = _scan(scanner, json.dumps(referral, indent=2).encode(), "referral.json")
    assert FERPA in classify_reports(policy, reports)


def test_a_newsletters_table_of_officers_is_about_no_ones_iep(
    scanner: Scanner, policy: Policy
) -> None:
    """A contact list (officers, nurses) beside words about IEPs and health services:
    no one in the table is the subject of those words."""
    html = (
        "<html><body><h1>SEPAC News</h1><p>Basic Rights: Understanding the IEP Process. "
        "Special education services for students with disabilities.</p>"
        "<table><tr><th>Role</th><th>Name</th><th>Email</th></tr>"
        "<tr><td>Co-Chair</td><td>Erin Doucette</td><td>cochair@example.org</td></tr>"
        "<tr><td>Secretary</td><td>Michael Brennan</td><td>secretary@example.org</td></tr>"
        "</table><table><tr><th>School</th><th>Nurse</th><th>Nurse Phone</th></tr>"
        "<tr><td>Pine Hill Elementary</td><td>Colleen Buckley</td><td>(978) 555-0142</td></tr>"
        "<tr><td>Hartwell High School</td><td>Priya Raman</td><td>(978) 555-0187</td></tr>"
        "</table></body></html>"
    )
    reports = _scan(scanner, html.encode(), "newsletter.html")
    assert FERPA not in classify_reports(policy, reports)
    roster = html.replace("<th>Role</th><th>Name</th>", "<th>Role</th><th>Student</th>")
    assert FERPA in classify_reports(policy, _scan(scanner, roster.encode(), "roster.html"))


def test_a_printed_absence_report_labels_its_ids_with_stu_number(
    scanner: Scanner, policy: Policy
) -> None:
    """A fixed-width SIS printout: "Stu#" heads the IDs, and the period codes P1..P7 in
    the header line are labels, not values."""
    text = (
        "HARTWELL RIDGE HIGH SCHOOL        DAILY ABSENCE REPORT\n"
        "Date: 11/14/2024     Printed: 11/14/2024 10:42 AM  by lgagnon\n\n"
        "Stu#    Student Name (Last, First)        Gr  Hmrm  Code  P1 P2 P3 P4 P5 P6 P7\n"
        "------  --------------------------------  --  ----  ----  --------------------\n"
        "735247  Bergeron, Declan                  12  112   NS    P  P  P  P  P  P  P\n"
        "960224  Brennan, Molly                    11  214   A-UX  A  A  P  A  P  P  A\n"
        "297843  Carey, Lily                       11  112   A-UX  P  A  P  P  P  A  A\n"
    )
    reports = _scan(scanner, text.encode(), "DAILY_ABS_RPT_111424")
    ids = [f.value for f in reports[0].findings if f.entity == "STUDENT_ID"]
    assert ids == ["735247", "960224", "297843"]
    assert FERPA in classify_reports(policy, reports)


def test_a_speech_therapists_session_log(scanner: Scanner, policy: Policy) -> None:
    data = (
        "Date\tStudent\tGr\tSvc\tMin\tNotes\n"
        "10/01/24\tJayden Guzm\u00e1n\t6\tSLP\t30\tabsent - make up 10/30\n"
        "10/01/24\tIsadora Medeiros\t11\tSLP\t45\tartic: /s/ blends sentence level 70%\n"
        "10/04/24\tCaleb Thibodeau\t4\tSLP\t30\tpragmatics group - turn taking\n"
    ).encode()
    assert FERPA in classify_reports(policy, _scan(scanner, data, "speech_sessions.tsv"))


def test_an_intakes_table_of_children_printed_as_text(scanner: Scanner, policy: Policy) -> None:
    """A PDF's table, printed as lines: its header line ends in "IEP/504"."""
    text = (
        "McKinney-Vento Residency Questionnaire & Intake\n"
        "Parent/Guardian: Rose-Marie Jean-Baptiste\n"
        "Child DOB Grade School SASID / LASID IEP/504\n"
        "Roseline Jean-Baptiste 06/12/2013 6 Lydia Pratt MS 1268358923 / 778300 No\n"
        "Peterson Jean-Baptiste 09/29/2016 2 Alcott Elem 1328183521 / 757978 Speech IEP\n"
    )
    reports = _scan(scanner, text.encode(), "mv_intake.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("DATE_OF_BIRTH", "06/12/2013"), ("STUDENT_ID", "1328183521")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_a_birth_date_column_of_compact_dates(scanner: Scanner) -> None:
    data = (
        b"LAST,FIRST,DOB,SVC_DATE\n"
        b"BARBOSA,GIOVANNA,20130223,20240513\n"
        b"BERGERON,AVA,20150223,20240521\n"
    )
    births = [
        f.value
        for f in _scan(scanner, data, "claims.csv")[0].findings
        if f.entity == "DATE_OF_BIRTH"
    ]
    assert births == ["20130223", "20150223"]


def test_a_childs_name_in_parts_and_a_meal_application(scanner: Scanner, policy: Policy) -> None:
    """ "Child's First Name | MI | Last Name": the role is said once, for the first part."""
    data = w.docx_bytes(
        [
            "Application for Free and Reduced Price School Meals SY 2024-25",
            "FOR SCHOOL USE ONLY: Categorical eligibility - SNAP.  Determination: FREE.",
        ],
        tables=[
            [
                ["Child's First Name", "MI", "Last Name", "Grade", "School"],
                ["Jae-min", "A", "Akinwale", "5", "PME"],
                ["Brian", "C", "Akinwale", "3", "PME"],
            ]
        ],
    )
    reports = _scan(scanner, data, "meal_application.docx")
    people = [f.value for f in reports[0].findings if f.entity == "PERSON"]
    assert people == ["Jae-min Akinwale", "Brian Akinwale"]
    assert FERPA in classify_reports(policy, reports)


def test_a_guardian_column_stays_the_guardians_name(scanner: Scanner) -> None:
    data = b"Last Name,First Name,Guardian\nSmith,Amanda,Todd Smith\nCox,Angela,Alex Hunter\n"
    people = [
        f.value for f in _scan(scanner, data, "roster.csv")[0].findings if f.entity == "PERSON"
    ]
    assert people == ["Amanda Smith", "Todd Smith", "Angela Cox", "Alex Hunter"]


def test_an_athletic_eligibility_list_gives_each_athletes_gpa(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "CHHS Winter Sports Academic Eligibility - Term 1\n"
        "MIAA Rule 58: students must pass the equivalent of 4 major courses.\n"
        "Athlete Sport Gr T1 GPA F's Eligible\n"
        "Chowdhury, Hiroshi Basketball 11 3.36 0 yes\n"
        "Duarte, Ayesha Basketball 9 2.51 0 yes\n"
        "Pham, Gabriel Indoor Track 12 1.43 1 yes\n"
        "Gon\u00e7alves, Mariana Wrestling 9 2.86 0 yes\n"
        "Chowdhury, Caleb Indoor Track 11 1.83 2 NO\n"
    )
    reports = _scan(scanner, text.encode(), "eligibility.txt")
    assert FERPA in classify_reports(policy, reports)


def test_a_classs_birthday_list(scanner: Scanner, policy: Policy) -> None:
    """Its title says what the dates are; each line has a name and a date."""
    text = (
        "Kindergarten Rm 3 - birthday calendar (summer bdays celebrated in June!)\n\n"
        "Jae-won Charles            01/01/2019\n"
        "Ananya Bouchard           January 3, 2019\n"
        "Jonah Horvath            1/17/19\n"
        "Noor Murphy             02/25/2019  (no cupcakes - egg allergy)\n"
    )
    reports = _scan(scanner, text.encode(), "birthdays.txt")
    births = [f.value for f in reports[0].findings if f.entity == "DATE_OF_BIRTH"]
    assert births == ["01/01/2019", "January 3, 2019", "1/17/19", "02/25/2019"]
    assert FERPA in classify_reports(policy, reports)
    calendar = text.replace("birthday calendar (summer bdays celebrated in June!)", "field days")
    assert "DATE_OF_BIRTH" not in _entities(_scan(scanner, calendar.encode(), "days.txt"))


def test_a_course_schedules_element_codes_are_the_handbooks(scanner: Scanner) -> None:
    """SCS03-SCS05 are a school and its course codes (SCS Data Handbook), no one's name."""
    data = (
        b"SCS01,SCS02,SCS03,SCS04,SCS05,SCS06,SCS12\n"
        b"299969,1960827999,08930505,SCI11,SCIAPE,01,A\n"
        b"299970,1960828000,08930505,MTH09,MTHAPC,01,B-\n"
        b"299971,1960828011,08930505,ELA10,ELD,02,C\n"
    )
    found = _entities(_scan(scanner, data, "SCS_EOY.csv"))
    assert "STUDENT_ID" in found and "PERSON" not in found


def test_a_sections_name_column_names_courses(scanner: Scanner) -> None:
    data = (
        b"School_id,Section_id,Teacher_id,Name,Subject,Student_id\n"
        b"0893,980f,19606,English 9,English,232791\n"
        b"0893,981a,19607,Geometry,Math,261092\n"
        b"0893,982b,19608,Chemistry,Science,280985\n"
        b"0893,983c,19609,Biology,Science,276644\n"
        b"0893,984d,19610,Precalculus,Math,276645\n"
        b"0893,985e,19611,Physics,Science,276646\n"
    )
    assert "PERSON" not in _entities(_scan(scanner, data, "sections.csv"))
    roster = (
        b"Name,Account\nSHIELDS RICHARD,4471829903\nREILLY BRANDON,0099182736\nSalazar N.,22413\n"
    )
    assert "PERSON" in _entities(_scan(scanner, roster, "ach.csv"))


def test_a_positive_pay_files_account_column_is_the_districts(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"Check Number,Issue Date,Amount,Payee,Account Number\n"
        b"104923,10/25/2024,408.50,Iseye Adegbite,004417720913\n"
        b"104924,10/25/2024,404.60,Chelsea Gray,004417720913\n"
        b"104925,10/25/2024,405.82,Gary Pineda,004417720913\n"
    )
    assert MGL_93H not in classify_reports(policy, _scan(scanner, data, "positive_pay.csv"))


@pytest.mark.parametrize(
    "body",
    [
        "We held the 504 meeting for Aaliyah Washington (Gr 8, homeroom 214) yesterday. "
        "Accommodations you need to implement: extended time on tests and quizzes.",
        "I am paying the winter track fee for my son Kwame Mensah (Gr 11, ID 508335). The "
        "portal shows him absent on 10/15; he is now showing 5 absences.",
    ],
)
def test_a_mail_about_a_student_named_with_his_grade(
    scanner: Scanner, policy: Policy, body: str
) -> None:
    message = EmailMessage()
    message["From"] = "Erin Kaczmarek <ekaczmarek@example.org>"
    message["To"] = "Team <team@example.org>"
    message["Subject"] = "Update"
    message.set_content(body)
    reports = _scan(scanner, message.as_bytes(), "update.eml")
    assert FERPA in classify_reports(policy, reports)


def test_a_saved_web_forms_inputs_hold_what_was_typed(scanner: Scanner, policy: Policy) -> None:
    """A saved page keeps each field's text in its input's value: read by its <label>, or
    by its name where it has none."""
    html = (
        "<html><body><h1>Employee Self Service - Direct Deposit</h1><form>"
        '<input type="text" id="f1" name="employee" value="Alvarez, John">'
        '<input type="text" id="f3" name="routing_number" value="211190631">'
        '<input type="text" id="f4" name="account_number" value="0050863419">'
        '<input type="submit" value="Save">'
        '</form><form><label for="g1">1 Name (as shown on your income tax return)</label>'
        '<input type="text" id="g1" name="line1" value="Cec\u00edlia Ferreira">'
        '<label for="g2">Social security number</label>'
        '<input type="text" id="g2" name="tin" value="782562692"></form></body></html>'
    )
    reports = _scan(scanner, html.encode(), "direct_deposit.html")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {
        ("PERSON", "Alvarez, John"),
        ("US_BANK_NUMBER", "0050863419"),
        ("PERSON", "Cec\u00edlia Ferreira"),
        ("US_SSN", "782562692"),
    } <= found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_change_forms_account_hash_label(scanner: Scanner, policy: Policy) -> None:
    data = w.docx_bytes(
        ["Payroll Change Form"],
        tables=[
            [["Employee", "William Barker"], ["Routing #", "011796219"], ["Account #", "164887021"]]
        ],
    )
    reports = _scan(scanner, data, "payroll_change.docx")
    assert MGL_93H in classify_reports(policy, reports)


def test_a_blank_applications_table_of_children_is_no_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A meal application's table has a column for each child's name and ID, all empty:
    the blank form is no one's record, whatever it asks about children and grades."""
    children = [
        ["Child's First Name", "MI", "Last Name", "School", "Grade", "Student ID", "Foster Child"],
        *[["", "", "", "", "", "", "\u2610"] for _ in range(5)],
    ]
    data = w.docx_bytes(
        [
            "2024-2025 Household Application for Free and Reduced-Price School Meals",
            "Eastfield Public Schools \u00b7 Food & Nutrition Services \u00b7 41 Prospect St, "
            "Eastfield MA 01863 \u00b7 978-555-0142",
            "The Richard B. Russell National School Lunch Act requires the information on this "
            "application. You do not have to give the information, but if you do not, we cannot "
            "approve your child for free or reduced price meals.",
        ],
        tables=[children],
    )
    reports = _scan(scanner, data, "FR_Application_BLANK.docx")
    assert FERPA not in classify_reports(policy, reports)
    children[1] = ["Maya", "", "Lopez", "Hillside", "3", "204417", "\u2610"]
    filled = _scan(scanner, w.docx_bytes(["Household application"], tables=[children]), "FR.docx")
    assert FERPA in classify_reports(policy, filled)


def test_a_policys_blank_reporting_form_is_no_record(scanner: Scanner, policy: Policy) -> None:
    """A bullying policy's appendix is its blank reporting form, a table of labels and
    blanks ("Target's name: | ____"): it asks about a student, and names none. The same
    form filled in is the target's record."""
    blank = "______________________________"
    form = [
        ["Name of reporter:", blank, "Date:", "____/____/______"],
        ["Check: [ ] Student  [ ] Parent  [ ] Staff  [ ] Other", "", "Phone:", "(____) ____"],
        ["Target's name:", blank, "Grade:", "_____"],
        ["Student ID #:", "____________", "Date of birth:", "____/____/______"],
        ["Alleged aggressor(s):", blank, "Grade:", "_____"],
        ["Where did it happen?", "[ ] classroom [ ] bus [ ] online [ ] other: ____", "When?", ""],
        ["Describe what happened:", "", "", ""],
        ["Signature:", blank, "Received by:", "_____________"],
    ]
    policy_text = [
        "POLICY JICFB - BULLYING PREVENTION AND INTERVENTION (draft for first reading)",
        "Staff must immediately report bullying or retaliation to the principal. No "
        "disciplinary action will be taken solely on the basis of an anonymous report. The "
        "principal will notify the parents of the target; incidents may be referred for "
        "intervention.",
        "Title IX Coordinator: Marcus Whitfield, Assistant Superintendent, (508) 647-3104",
        "Appendix A - Bullying/Retaliation Incident Reporting Form (blank)",
    ]
    reports = _scan(scanner, w.docx_bytes(policy_text, tables=[form]), "JICFB_draft.docx")
    assert FERPA not in classify_reports(policy, reports)
    form[2] = ["Target's name:", "Liam Okafor", "Grade:", "7"]
    form[3] = ["Student ID #:", "204417", "Date of birth:", "03/14/2012"]
    filled = _scan(scanner, w.docx_bytes(policy_text, tables=[form]), "incident_report.docx")
    assert FERPA in classify_reports(policy, filled)


def test_a_forms_table_of_label_and_value_pairs_side_by_side(
    scanner: Scanner, policy: Policy
) -> None:
    """An N1 notice's header table: "Student | Jeffrey Wood | DOB | 09/15/2017"."""
    data = w.docx_bytes(
        ["Notice of Proposed School District Action (N1)", "The Team met on 10/09/2025."],
        tables=[
            [
                ["Student", "Jeffrey Wood", "DOB", "09/15/2017"],
                ["SASID", "1746825942", "School", "Whitcomb Hill Elementary School"],
                ["Date of notice", "10/14/2025", "", ""],
            ]
        ],
    )
    reports = _scan(scanner, data, "N1.docx")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("DATE_OF_BIRTH", "09/15/2017"), ("STUDENT_ID", "1746825942")} <= found
    assert ("DATE_OF_BIRTH", "10/14/2025") not in found
    assert FERPA in classify_reports(policy, reports)


def test_a_benefits_workbook_is_an_employees_file(scanner: Scanner, policy: Policy) -> None:
    """Its dependents' birth dates are children's, but no students': "Emp #", "Dental",
    "HMO" say whose file it is."""
    data = w.xlsx_bytes(
        {
            "Employees": [
                ["Emp #", "Last", "First", "SSN", "DOB", "Medical", "Dental"],
                [
                    "10133",
                    "Parker",
                    "Denise",
                    "579-86-2613",
                    "1960-01-18",
                    "HMO Blue",
                    "Dental Blue",
                ],
                ["10149", "Norman", "Melissa", "105-58-2423", "1995-06-21", "PPO", "Dental Blue"],
            ],
            "Dependents": [
                ["Emp #", "Dep First", "Dep Last", "Relationship", "Dep SSN", "Dep DOB"],
                ["10149", "Michelle", "Norman", "Child", "349-29-8279", "2009-03-12"],
            ],
        }
    )
    reports = _scan(scanner, data, "benefits.xlsx")
    assert classify_reports(policy, reports) == (MGL_93H,)


def test_a_config_files_fake_example_record_is_no_one(scanner: Scanner, policy: Policy) -> None:
    text = (
        "sync:\n  source: aspen\n  student_id_field: DOE002\n"
        "# Example record used by the validator self-test (fake):\n"
        "example_record:\n  first_name: Jane\n  last_name: Doe\n"
        '  state_id: "1000000000"\n  dob: "2010-01-01"\n'
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), "sync.yaml"))


def test_a_sis_export_abbreviates_number_date_and_attendance(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"STU_NBR|LAST_NM|FIRST_NM|SCH|GRD|ATT_DATE|ATT_CODE|ATT_DESC\n"
        b"271649|ALI|PATRICK|QMS|07|20241028|AE|Absent Excused\n"
        b"295843|BAKER|HEATHER|QMS|06|20241028|AM|Absent Medical\n"
        b"286928|BOYER|JEREMY|MRHS|10|20241028|T|Tardy\n"
    )
    reports = _scan(scanner, data, "SB_ATTEND_DAILY.txt")
    assert "STUDENT_ID" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)
    births = b"stu_nbr,first_nm,last_nm,birth_dt\n214584,Cynthia,Abdullah,2016-01-30\n"
    births += b"214585,Omar,Haddad,2015-03-02\n214586,Ana,Lopez,2014-07-19\n"
    assert "DATE_OF_BIRTH" in _entities(_scan(scanner, births, "students.csv"))


def test_a_sign_up_forms_gr_dot_column_is_a_grade_level(scanner: Scanner, policy: Policy) -> None:
    """ "Gr." holds 6, 7, 8: grade levels of a club's sign-ups, no one's marks."""
    data = (
        b"Timestamp,Kid's name,Gr.,Homeroom,Parent email,T-shirt size\n"
        b"9/17/2024 19:33:20,Olivia Goldberg,7,6B,lgoldberg81@example.com,AS\n"
        b"9/13/2024 20:13:11,Nadia Okafor,7,Rm 112,gokafor36@example.com,YS\n"
        b"9/17/2024 7:53:52,Lucas Goldberg,6,7 Gold,elopez32@example.com,AM\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, data, "signups.csv"))


def test_a_google_bulk_upload_of_student_accounts(scanner: Scanner, policy: Policy) -> None:
    """Its headers explain themselves in brackets ("[MUST BE IN THE E.164 FORMAT]"), and
    its "Employee Type" column says the rows are students: their "Employee ID" is the
    student's number."""
    data = (
        b"First Name [Required],Last Name [Required],Email Address [Required],"
        b"Recovery Phone [MUST BE IN THE E.164 FORMAT],Employee ID,Employee Type,Department\n"
        b"Brianna,Adams,badams31@students.example.org,,248161,Student,Grade 06\n"
        b"Nicole,Adams,nadams30@students.example.org,,289007,Student,Grade 07\n"
        b"Patrick,Ali,pali29@students.example.org,,271649,Student,Grade 08\n"
    )
    reports = _scan(scanner, data, "gsuite_upload.csv")
    assert "STUDENT_ID" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)
    staff = data.replace(b",Student,", b",Teacher,").replace(b"students.", b"")
    assert FERPA not in classify_reports(policy, _scan(scanner, staff, "gsuite_upload.csv"))


def test_a_meal_systems_account_number_is_the_students(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"ACCT_NO,PIN,LAST,FIRST,GRADE,HOMEROOM,ELIG,BALANCE,LAST_DEPOSIT\n"
        b"214584,7434,Abdullah,Cynthia,03,03-FOLEY,FREE,40.16,09/25/2024\n"
        b"202765,4158,Abdullah,David,01,01-PARKER,PAID,20.39,09/21/2024\n"
        b"239149,5521,Baker,Heather,06,06-RUIZ,RED,3.10,09/20/2024\n"
    )
    reports = _scan(scanner, data, "pos_accounts.csv")
    assert classify_reports(policy, reports) == (FERPA,)


def test_a_key_files_dotted_names_are_no_ones(scanner: Scanner) -> None:
    data = b"propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.classes,bulk\n"
    assert "PERSON" not in _entities(_scan(scanner, data, "manifest.csv"))


def test_an_evaluation_reports_label_printed_without_its_colon(
    scanner: Scanner, policy: Policy
) -> None:
    """A PDF's fields: "Name of student Victoria Khan" on page 1, the scores after."""
    text = (
        "Psychoeducational Evaluation Report - CONFIDENTIAL\n"
        "Name of student Victoria Khan\nSchool Alder Street Elementary School\nGrade 3\n"
        "Reason for Referral and Background\nThe student was referred for a reevaluation.\n"
        "Results are consistent with a Specific Learning Disability in basic reading skills.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "eval.txt"))
    handbook = (
        "Evaluation procedures\nPlease write the name of the student on each referral form.\n"
        "Reason for referral and a description of the disability are required.\n"
        "Questions: Erik Smith, Director of Student Services\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, handbook.encode(), "hb.txt"))


def test_a_budget_slides_account_codes_are_no_bank_accounts(
    scanner: Scanner, policy: Policy
) -> None:
    """A bare "Account" column of fund-function-object codes beside a presenter's name."""
    table = [
        ["Account", "Description", "Amount"],
        ["1000-3300-5330", "Transportation - June", "$412,100"],
        ["1000-9100-5320", "OOD tuition (collaborative)", "$288,450"],
        ["1000-4110-5240", "Summer repairs", "$96,000"],
    ]
    data = w.pptx_bytes(
        [
            ("FY25 Budget Update", ["Presented by Kathleen DiMarco"], None, None),
            ("Year-end FY24 Encumbrances", [], table, None),
        ]
    )
    reports = _scan(scanner, data, "budget.pptx")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)
    # the same codes under a bank's header are still taken for what the header says
    banked = [["Bank Account", "Employee"], *[[r[0], "Kathleen DiMarco"] for r in table[1:]]]
    assert "US_BANK_NUMBER" in _entities(_scan(scanner, w.xlsx_bytes({"DD": banked}), "dd.xlsx"))


def test_a_card_hash_column_holds_cards_though_its_note_says_phone(
    scanner: Scanner, policy: Policy
) -> None:
    rows: list[list[object]] = [
        ["Athlete", "ID", "Sport", "Q3 GPA", "Payer", "Card # (phone payments)", "Exp"],
        ["Carroll, Katelyn", "244970", "Tennis", 2.1, "Diana Manning", "5263163034601531", "12/27"],
        ["Silva, Stephanie", "213458", "Tennis", 1.92, "Sean Silva", "4373210512802923", "01/26"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Spring 2024": rows}), "athletics_fees.xlsx")
    cards = [f.location for f in reports[0].findings if f.entity == "CREDIT_CARD"]
    assert cards == [
        "sheet Spring 2024, row 2, column Card # (phone payments)",
        "sheet Spring 2024, row 3, column Card # (phone payments)",
    ]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_blank_forms_language_label_is_no_name(scanner: Scanner, policy: Policy) -> None:
    """spaCy takes "Primary Language" under a blank line for a person."""
    table = [
        ["", ""],
        ["Student Name:", "______________________________"],
        ["DOB:", "___/___/______"],
        ["SASID:", "__________"],
        ["IEP Dates: from", "______ to ______"],
        ["Primary Language:", "______________"],
    ]
    data = w.docx_bytes(
        ["Individualized Education Program (IEP)", "Evaluation results and service delivery"],
        [table],
    )
    reports = _scan(scanner, data, "iep_template_blank.docx")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_an_attendance_grid_of_days_is_a_record(scanner: Scanner, policy: Policy) -> None:
    """An after-school program's October grid: a column per day of P/A marks. Its header
    is mostly dates, and was taken for a row of data."""
    days = ["10/01", "10/03", "10/08", "10/10", "10/15"]
    rows = "".join(
        f"<tr><td>{name}</td><td>{grade}</td>" + "".join(f"<td>{m}</td>" for m in marks) + "</tr>"
        for name, grade, marks in (
            ("Marisol Arevalo-Mondragon", 4, "AAPPP"),
            ("Jacira Semedo", 3, "PAPPP"),
            ("Yiming Huang", 3, "PPAPP"),
        )
    )
    page = (
        "<html><body><h2>Title I After-School Tutoring - October</h2><table><thead><tr>"
        "<th>Student</th><th>Gr</th>" + "".join(f"<th>{d}</th>" for d in days) + "</tr></thead>"
        f"<tbody>{rows}</tbody></table></body></html>"
    )
    reports = _scan(scanner, page.encode(), "tutoring_attendance.html")
    assert FERPA in classify_reports(policy, reports)
    # the same grid of a staff sign-up's times is no one's attendance
    signup = page.replace("Student", "Volunteer").replace("Gr<", "Shift<")
    for mark in "AP":
        signup = signup.replace(f"<td>{mark}</td>", "<td>3-5pm</td>")
    assert FERPA not in classify_reports(policy, _scan(scanner, signup.encode(), "signup.html"))


def test_a_book_rooms_reading_levels_are_the_books_not_the_authors_grades(
    scanner: Scanner, policy: Policy
) -> None:
    """A literacy book room's inventory: each title's F&P level and its author. A letter
    beside a name is a book's level here, not a student's grade."""
    inventory = (
        "ISBN,Title,Author,F&P Level,Qty,Location,Condition\n"
        "9780064440202,Little Bear,Else Holmelund Minarik,J,6,Book room B2,good\n"
        "9780590457309,Nate the Great,Marjorie Weinman Sharmat,K,4,Book room C1,fair\n"
        "9780439023528,Poppleton,Cynthia Rylant,J,8,Book room B4,good\n"
        "9780064440219,Owl at Home,Arnold Lobel,I,5,Book room A3,good\n"
    )
    reports = _scan(scanner, inventory.encode(), "book_room.csv")
    assert FERPA not in classify_reports(policy, reports)
    # the same letters beside readers' names are their reading levels
    readers = inventory.replace("Author", "Student")
    assert FERPA in classify_reports(policy, _scan(scanner, readers.encode(), "levels.csv"))


def test_a_counselors_notes_number_students_surname_first_or_after_a_hash(
    scanner: Scanner, policy: Policy
) -> None:
    """A counselor's running notes name each student as the SIS lists him, surname
    first, or give his number after a "#": those numbers are the students'."""
    data = (
        b"REYES / KOWALSKI shared - Q1 running notes (personal notes, not yet in X2)\n"
        b"9/05  Castillo, Yesenia (284397) - sched chg: AP Bio. 504 ext time not honored\n"
        b"9/30  Rodriguez, Carlos #274786 - DCF 51A filed by me 9/30. SAC + AP aware\n"
        b"10/16 Gabriela Batista #212694 - rec ltr req. GPA 2.98, brag sheet in\n"
        b"10/28 Fabiola Charles (237950) - failing Alg II. 504 eval referral? talk to team\n"
    )
    reports = _scan(scanner, data, "counseling notes Q1 - shorthand.txt")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert {"284397", "274786", "212694", "237950"} <= ids
    assert FERPA in classify_reports(policy, reports)


def test_a_logs_notes_name_people_as_prose_does(scanner: Scanner) -> None:
    """A call log's note says who called and about whom, as a sentence would: the
    lists' names in it are found, as in prose, though no number sits beside them."""
    data = (
        b"# date       time   dir  caller / re                                   action\n"
        b"2024-01-08  08:47  IN   Kathleen Coughlin (Rotary) re: scholarship 4/9  put on agenda\n"
        b"2024-01-16  14:05  IN   Danielle Gaines re: son Malik, failing US Hist  emailed GC\n"
        b"2024-02-20  16:10  IN   Salma Nassar re: dtr Amira harassed on Snapchat  bullying inv\n"
        b"2024-03-13  15:00  IN   Harold Pomeroy re: public comment time limit  AC to respond\n"
    )
    reports = _scan(scanner, data, "supt_office_call_log.txt")
    names = {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert {"Kathleen Coughlin", "Danielle Gaines", "Salma Nassar", "Harold Pomeroy"} <= names


def test_a_students_number_is_his_where_it_recurs_alone(scanner: Scanner) -> None:
    """A hall-pass kiosk logs a pass out with the student's name and number, then the
    pass back in with the number alone: that number, known as his, is still his."""
    data = (
        b"# fields: timestamp | event | pass_id | student | origin -> destination\n"
        b"2025-03-10 08:33:13 | PASS_OUT | 88122 | Delgado, Genesis (308905) | rm 217 -> LOCKER\n"
        b"2025-03-10 08:42:28 | PASS_IN | 88122 | 308905 | duration=9m\n"
        b"2025-03-10 09:09:35 | PASS_OUT | 88131 | Owusu, Adaeze (314957) | rm GYM -> WATER\n"
        b"2025-03-10 09:15:56 | PASS_IN | 88131 | 314957 | duration=6m\n"
    )
    reports = _scan(scanner, data, "hallpass_kiosk.log")
    ids = {(f.value, f.location) for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ("308905", "row 3, column student") in ids
    assert ("314957", "row 5, column student") in ids
    # the pass's own number, in no student's column and known as no one's, is not his
    assert not any(value.startswith("881") for value, _ in ids)


def test_a_second_sheets_bare_ids_are_the_students_of_the_first(scanner: Scanner) -> None:
    """A suspension log's OSS sheet heads its numbers "ID#" beside the student; its ISS
    sheet heads the same students' numbers "ID" alone, beside their names."""
    book = openpyxl.Workbook()
    oss = book.active
    oss.title = "OSS"
    oss.append(["Date", "Student", "ID#", "Offense", "# Days"])
    oss.append(["2024-09-23", "Batista, Nayeli", "306670", "Harassment/bullying", "1"])
    oss.append(["2024-10-01", "Delgado, Nayeli", "304101", "Fighting (bus loop)", "2"])
    iss = book.create_sheet("ISS")
    iss.append(["Last", "First", "ID", "Date", "Reason", "Periods"])
    iss.append(["Batista", "Nayeli", "306670", "2024-09-17", "Profanity to staff", "1-7"])
    iss.append(["Delgado", "Nayeli", "304101", "2024-09-17", "Disruption - 4th referral", "4-7"])
    buffer = io.BytesIO()
    book.save(buffer)
    reports = _scan(scanner, buffer.getvalue(), "Gr7 suspension log.xlsx")
    ids = {(f.value, f.location) for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ("306670", "sheet ISS, row 2, column ID") in ids
    assert ("304101", "sheet ISS, row 3, column ID") in ids


def test_a_medication_records_grid_is_headed_by_its_school_days(
    scanner: Scanner, policy: Policy
) -> None:
    """A health office's monthly medication record: under a title, a header whose last
    columns are the month's school days by number, then each student's initials per day.
    The day numbers made the header look like a row of data."""
    days = [4, 5, 6, 7, 8, 12, 13]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["MEDICATION ADMINISTRATION RECORD - Ashford HS Health Office - Nov 2024"])
    sheet.append([])
    sheet.append(["Name", "DOB", "Med / dose / route", "Time", *(str(d) for d in days)])
    given = [
        ("Okafor, Chidi", "3/14/08", "Methylphenidate 10mg PO", "MK MK A PR MK H MK"),
        ("Lindgren, Ava", "7/2/09", "Albuterol inh 2 puffs", "PR MK MK MK A MK PR"),
        ("Duarte, Mateus", "1/28/07", "Sertraline 25mg PO", "MK H MK PR MK MK MK"),
    ]
    for name, born, medication, initials in given:
        sheet.append([name, born, medication, "11:15", *initials.split()])
    buffer = io.BytesIO()
    book.save(buffer)
    reports = _scan(scanner, buffer.getvalue(), "MAR_Nov2024.xlsx")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "Okafor, Chidi"), ("DATE_OF_BIRTH", "3/14/08")} <= found
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "letter",
    [
        # Portuguese: "the report card of Diogo (8th grade, student number 224384)"
        "Prezados pais/responsáveis de Diogo Azevedo,\nSegue a tradução do boletim de "
        "Diogo (8º ano, número do aluno 224384).\nMatemática F 2",
        # Haitian Creole: "the first trimester's report card for Marie-Ange (student number)"
        "Chè paran oswa gadyen Marie-Ange Bien-Aimé,\nNou voye kanè premye trimès la pou "
        "Marie-Ange (klas 5yèm ane, Nimewo elèv: 312959).",
        # Vietnamese: "to the parents of Ngo Gia Bao, grade 1, student number 308840"
        "Kính gửi phụ huynh của em Ngô Gia Bảo (Gia Bảo Ngô), lớp 1, mã số học sinh 308840:"
        "\nem đã vắng mặt 11 ngày",
        # Portuguese, abbreviated: "Larissa (3rd grade, student no. 284187) missed 9 days"
        "Prezado(a) Paulo Pereira,\nEstamos escrevendo porque Larissa Pereira (3.º ano, nº de "
        "estudante 284187) faltou à escola 9 dias desde o início do ano letivo.",
    ],
    ids=["portuguese", "haitian-creole", "vietnamese", "portuguese-abbreviated"],
)
def test_a_translated_letters_student_number_is_found(
    scanner: Scanner, policy: Policy, letter: str
) -> None:
    reports = _scan(scanner, (letter + "\nFrantz Celestin, Family Liaison\n").encode(), "carta.txt")
    assert "STUDENT_ID" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_translated_504_plans_form_table_is_read_by_its_labels(
    scanner: Scanner, policy: Policy
) -> None:
    table = [
        ["Nombre del estudiante", "Pilar Hernández-Nájera"],
        ["Fecha de nacimiento", "12/05/2009"],
        ["Número de estudiante", "387007"],
        ["Grado / Escuela", "10 / Marlow Falls High School"],
        ["Discapacidad", "Asma severa"],
        ["Fecha de la reunión", "17 de octubre de 2024"],
        ["Próxima revisión", "octubre de 2025"],
    ]
    data = w.docx_bytes(["Plan de Adaptaciones de la Sección 504"], [table])
    reports = _scan(scanner, data, "plan504_es.docx")
    assert {"PERSON", "STUDENT_ID"} <= _entities(reports)
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "letter",
    [
        "Buenas tardes Sra. Ceja:\nLe escribo porque su hija Valeria Ceja Ochoa (4º grado) "
        "tiene 9 ausencias sin justificar. En la boleta de calificaciones recibió 1 en lectura."
        "\nAldonza Medrano Pérez, Enlace Familiar",
        "Prezada Sra. Campos,\nSeu filho Luiz Felipe da Conceição (aluno do 6º ano) tem 6 "
        "faltas e reprovou em Matemática no boletim escolar.\nFernando Almeida",
    ],
    ids=["spanish", "portuguese"],
)
def test_a_liaisons_letter_in_the_familys_language_is_a_record(
    scanner: Scanner, policy: Policy, letter: str
) -> None:
    """No student number: the child's absences and report card, said in Spanish or
    Portuguese, to the child's parent."""
    reports = _scan(scanner, letter.encode(), "carta.txt")
    assert FERPA in classify_reports(policy, reports)


def test_an_interpreter_logs_meeting_type_says_the_record(scanner: Scanner, policy: Policy) -> None:
    data = (
        "Request ID,Student,Gr,Meeting Type,Interpreter\n"
        "IR-1,Yuri Cirino Camargo,K,Re-evaluation Team Mtg,Hélio Barbosa\n"
        "IR-2,Fatima Zoubi,2,Attendance Hearing (SART),Mustafa Hamdan\n"
        "IR-3,Ismail Omar,2,IEP Annual Review,Yusuf Dirie\n"
    ).encode()
    assert FERPA in classify_reports(policy, _scan(scanner, data, "interpreter_requests.csv"))


def test_a_school_profiles_counselor_directory_is_no_list_of_students(
    scanner: Scanner, policy: Policy
) -> None:
    """Names leading lines with their e-mail and phone are a directory: beside a class's
    GPA distribution they are not students whose GPAs are told."""
    text = (
        "ASHBURY HIGH SCHOOL - SCHOOL PROFILE 2024-2025\n"
        "Counseling Staff\n"
        "Counselor Caseload Email Phone\n"
        "Marc Burgess A-F mburgess@ashburyps.org 978-649-2324\n"
        "Esther Gutierrez G-La egutierrez@ashburyps.org 978-649-2326\n"
        "Robert Thibodeau Le-Ri rthibodeau@ashburyps.org 978-649-2314\n"
        "Nadege Auguste Ro-Z nauguste@ashburyps.org 978-649-2321\n"
        "Class of 2024 - Grade Distribution (weighted GPA, n = 301)\n"
        "GPA Range 4.30+ 4.00-4.29 3.50-3.99 3.00-3.49\nStudents 22 41 78 71\n"
        "SAT Middle 50%: Reading & Writing 540-650, Math 530-660. AP Science results.\n"
        "Counseling services for every student.\n"
    )
    reports = _scan(scanner, text.encode(), "school_profile.txt")
    assert FERPA not in classify_reports(policy, reports)
    # the same lines without the contact details are a list of students with their GPAs
    listed = "\n".join(
        " ".join(line.split()[:2]) + " GPA 3.2 IEP" if "@" in line else line
        for line in text.splitlines()
    )
    assert FERPA in classify_reports(policy, _scan(scanner, listed.encode(), "list.txt"))


def test_a_records_clerks_worklog_of_a_former_students_gpa(
    scanner: Scanner, policy: Policy
) -> None:
    """A former student's GPA, written as a clerk notes it ("Cum GPA 3.41"), is her
    education record still; a school profile's mean GPA is no one's."""
    text = (
        "ALUMNI / OLD RECORDS REQUESTS - worklog\n\n"
        "2025-08-04  Emily Hudson (maiden name Kessler), class of 1998\n"
        "            found on reel 14 frame 0882. Cum GPA 3.41 (wtd), rank 45/212.\n"
        "            Mailed 8/5 to Board of Registration in Nursing.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "worklog.txt"))
    profile = text.replace("Cum GPA 3.41 (wtd)", "Mean GPA 3.41 for the class")
    assert FERPA not in classify_reports(policy, _scan(scanner, profile.encode(), "p.txt"))
    # nor is a teacher's resume, her own degree's GPA beside the grade she taught
    resume = (
        "LINH NGUYEN\nlinh.nguyen.edu@gmail.com\nEDUCATION\n"
        "M.Ed., Elementary Education - Worcester State University, 2023 (GPA 3.9)\n"
        "EXPERIENCE\nStudent Teacher, Grade 2 - Worcester Public Schools: taught Eureka Math"
        " units; co-led parent conferences.\nSKILLS\nGoogle Classroom, Seesaw, iReady\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, resume.encode(), "cv.txt"))


def test_a_translated_templates_any_child_is_no_one(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Estimada familia de ____________________,\n"
        "Su hijo(a) fue evaluado(a) con el WIDA Screener. Los estudiantes del programa de "
        "inglés reciben servicios.\nSeu filho/a foi avaliado com o WIDA Screener.\n"
        "Dear family of ____________________, your child was assessed with the WIDA Screener "
        "and qualifies for English learner services. Questions: Maria Lopez, EL Coordinator."
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), "welcome.txt"))


def test_a_labelled_name_stops_before_the_next_fields_label(scanner: Scanner) -> None:
    """A docx table cell holds two fields on one line."""
    text = "Student Name: Sophea Chhay Date of Birth: 10/22/2015\nSASID: 1538716375 Grade: 3"
    names = [f.value for f in scanner.scan_text(text) if f.entity == "PERSON"]
    assert names == ["Sophea Chhay"]
    # a school's three-word name, no label after it, is not cut down to a person's
    school = "name: Crane Brook Middle School\nattendanceRate: 93.1\n"
    assert not [f for f in scanner.scan_text(school) if f.entity == "PERSON"]


def test_a_sheets_group_headings_stand_above_its_header(scanner: Scanner, policy: Policy) -> None:
    """ "Student" spans Last and First, "Required for entry" the vaccines: the row below,
    with twice the cells filled, is the header."""
    rows: list[list[object]] = [
        ["KELLEY MIDDLE SCHOOL - Grade 7 Immunization Compliance 2024-2025"],
        [],
        ["Student", None, None, None, "Required for 7th grade entry", None, "Catch-up"],
        ["Last", "First", "DOB", "Homeroom", "Tdap", "MenACWY", "Varicella #1", "Status"],
        ["Brown", "Kelly", "2012-07-22", "Sauro", "2023-12-04", "2023-12-04", "2013-07-27", "OK"],
        ["Doherty", "Jeffery", "2012-07-11", "Sauro", "2024-06-11", "2024-06-11", "2014-03-26", ""],
        ["Ryan", "Lisa", "2012-03-02", "Sauro", "2024-01-08", "2024-01-08", "2013-05-02", "OK"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Gr 7": rows}), "immunizations.xlsx")
    names = _sorted_values(reports, "PERSON")
    assert names == ["Jeffery Doherty", "Kelly Brown", "Lisa Ryan"]
    assert FERPA in classify_reports(policy, reports)


def test_a_sub_plans_initial_led_student_with_an_iep(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Welcome! Thank you for covering for me today. - Ana Laura Rios\n"
        "Important student notes:\n"
        "- Jonathan R. has an IEP - allow movement breaks; he may work in the hallway.\n"
        "- Miguel and Wilner should not sit together.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "sub_plans.txt"))


def test_a_headers_bracketed_note_does_not_hide_its_name_column(
    scanner: Scanner, policy: Policy
) -> None:
    rows = [
        ["Massachusetts Teachers' Retirement System - New Member Enrollment"],
        [],
        ["Member Name (Last, First MI)", "SSN", "Date of Birth", "Date of Hire", "Position"],
        ["Cain, Jo", "810 70 5954", "10/30/1967", "08/26/2024", "SLP"],
        ["Doherty, Melissa D", "734-34-8692", "07/11/1998", "08/26/2024", "Teacher"],
        ["Parsons, Crystal R", "872-93-9247", "07/21/1999", "08/26/2024", "Teacher"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"New Members": rows}), "mtrs_new_members.xlsx")
    assert "PERSON" in _entities(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_state_course_file_of_sasids_is_a_record_without_names(
    scanner: Scanner, policy: Policy
) -> None:
    """DESE's SCS: SASIDs with birth dates and marks, no name. For the state a SASID is
    the student; the bundled policy says so (its rule STUDENT_ID + DATE_OF_BIRTH)."""
    data = (
        b"SASID,DOB,SCS08_Course,SCS11_Section,SCS13_Term,SCS14_Mark,SCS15_Credit\n"
        b"1464798324,04/28/2007,01001,04,Q4,A-,1.00\n"
        b"1835360007,09/26/2008,54152,08,Q4,P,1.00\n"
        b"1893446611,07/25/2006,01001,03,Q4,C,1.00\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "SCS_EOY_upload.csv"))
    # an employee file's ID and birth date are no student's
    staff = (
        b"Employee ID,DOB,Hire Date,Position\n"
        b"104522,04/28/1977,08/26/2019,Teacher\n104588,09/26/1968,08/26/2001,Custodian\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, staff, "staff.csv"))


def test_a_tutoring_weeks_attendance_is_a_record_by_its_grid_alone(
    scanner: Scanner, policy: Policy
) -> None:
    """No word of attendance anywhere: a column per weekday of P/A/L marks."""
    data = (
        "Student\tGr\tTutor\tMon 2/3\tTue 2/4\tWed 2/5\tThu 2/6\n"
        "Thảo Trần\t4\tMr. Baldwin\tL\tA\tP\tL\n"
        "Mark Clark\t5\tMr. Baldwin\tP\tA\tP\tL\n"
        "Todd Nielsen\t7\tMs. Osei\tP\tP\tP\tP\n"
    ).encode()
    assert FERPA in classify_reports(policy, _scan(scanner, data, "tutoring_wk.tsv"))


def test_a_meal_systems_patron_number_is_a_student_id(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Patron#,Last,First,Grade,School,Balance\n"
        b"278084,Mccarthy,Briana,2,CSE,-80.58\n277508,Exantus,Stevenson,12,WHS,-9.08\n"
    )
    reports = _scan(scanner, data, "negative_balances.csv")
    assert "STUDENT_ID" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_headerless_sims_file_in_capitals(scanner: Scanner, policy: Policy) -> None:
    """DESE's SIMS upload has no header: LASID, SASID, first, middle, last name, birth
    date by position, the names in capitals."""
    data = (
        b"200078,1968569790,KAREN,NMN,CAMPBELL,08/12/2012,1,186,F,01,00\n"
        b"201578,1878597638,MICHAEL,NMN,SALAZAR,08/30/2012,1,000,M,03,00\n"
        b"201582,1066025699,MARC,NMN,WILLIAMS,08/11/2018,1,241,M,01,00\n"
        b"201646,1689073477,BRYAN,CHRISTINA,LEE,06/14/2009,1,241,M,03,00\n"
    )
    reports = _scan(scanner, data, "SIMS_OCT2024.txt")
    ids = [f.location for f in reports[0].findings if f.entity == "STUDENT_ID"]
    assert ids[0] == "row 1, column column 2" and len(ids) == 4
    assert FERPA in classify_reports(policy, reports)


def test_a_headerless_column_of_provider_numbers_is_no_sasid(scanner: Scanner) -> None:
    """NPIs are ten digits from 1 as SASIDs are, and pass the Luhn check with 80840."""
    npis = ["1234567893", "1245319599", "1003000126", "1538716375"]
    data = "".join(f"{n},THERAPY,97530,{i}\n" for i, n in enumerate(npis)).encode()
    ids = [f.value for f in _scan(scanner, data, "claims.txt")[0].findings]
    assert "1234567893" not in ids


def test_a_column_of_member_ids_holds_no_card_that_passes_by_chance(
    scanner: Scanner, policy: Policy
) -> None:
    """MassHealth member IDs are twelve digits; one in ten passes the Luhn check."""
    ids = ["528425516311", "452239145689", "560394833670", "489036565262", "613378201922"]
    assert [luhn(i) for i in ids] == [False, False, True, False, False]
    lines = [f"D|{member}|BAKER|HEATHER|20130410|20241016|97530|OT" for member in ids]
    data = "\n".join(["H|MQRSD|MASSHEALTH SBMP|202410", *lines]).encode()
    reports = _scan(scanner, data, "medicaid_billing.txt")
    assert "CREDIT_CARD" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_year_after_a_list_of_fields_is_no_student_id(scanner: Scanner) -> None:
    text = "Nightly SFTP from Aspen: SASID, name, grade\nMCAS 2024 scaled scores loaded once\n"
    assert "STUDENT_ID" not in {f.entity for f in scanner.scan_text(text)}
    assert "STUDENT_ID" in {f.entity for f in scanner.scan_text("Student ID: 20245")}


def test_a_checklists_title_is_no_name(scanner: Scanner) -> None:
    text = "Cumulative Folder Transfer Checklist\nInclude: report cards, IEP, 504 plan\n"
    assert "PERSON" not in {f.entity for f in scanner.scan_text(text)}


def test_a_nurses_log_of_students_by_grade(scanner: Scanner, policy: Policy) -> None:
    """A log's lines: a time, the student, "gr 5" without brackets, the visit."""
    text = (
        "HOLLIS ST SCHOOL - HEALTH OFFICE DAILY LOG   Oct 2024   (Lucas Hawkins, RN)\n\n"
        "10/3 (Thu)\n"
        "  8:02  Michael Collins gr 5 (Rm 116) - loose tooth came out, RTC\n"
        "  8:39  Barbara Brown gr 3 (Room 115) - c/o headache. temp 98.4, rest 15 min, RTC\n"
        "  12:03  Feliciano, Victor gr 3 (Room 107) - ADHD med - methylphenidate 10mg given\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "nurse_log.txt"))


def test_a_counselors_caseload_notes(scanner: Scanner, policy: Policy) -> None:
    """Entries headed "Last, First   #ID   date", about 9th graders, no word "student"."""
    text = (
        "Q1 CASELOAD NOTES - M. Baptiste (Gr 9 A-K)   ***CONFIDENTIAL***\n\n"
        "Anderson, Julie   #303809   10/10/24\n"
        "   Peer conflict w/ another 9th grader, mediation done 10/11.\n\n"
        "Mahoney, Christopher   #304166   10/1/24\n"
        "   504 review coming up - ADHD. Teachers report not using extended time.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "caseload.txt"))


def test_a_w9s_ssn_typed_into_its_boxes(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Form W-9  Request for Taxpayer Identification Number and Certification\n"
        "1  Name of entity/individual: Noemi F Rolon Alva\n"
        "Part I  Taxpayer Identification Number (TIN)\n"
        "Social security number:   032 - 49 - 0231\n"
        "or Employer identification number:   __ - _______\n"
    )
    reports = _scan(scanner, text.encode(), "w9.txt")
    assert [f.value for f in reports[0].findings if f.entity == "US_SSN"] == ["032 - 49 - 0231"]
    assert MGL_93H in classify_reports(policy, reports)
    # a list of three numbers with spaced dashes is no SSN without its label
    sums = "Totals: 121 - 45 - 1960 and 302 - 11 - 2024\n"
    assert "US_SSN" not in {f.entity for f in scanner.scan_text(sums)}


def test_a_form_laid_out_as_a_field_and_entry_grid(scanner: Scanner, policy: Policy) -> None:
    """The DIA's first report of injury as a table headed "Field | Entry": few of its
    labels name personal data, but its header says each row is a label and its value."""
    table = [
        ["Field", "Entry"],
        ["Employee name", "Lívia G Fonseca"],
        ["Social Security #", "229-35-6754"],
        ["Occupation", "Custodian II"],
        ["Date hired", "08/21/2017"],
        ["Average weekly wage", "$1,118.40"],
        ["Date/time of injury", "10/24/2024 3:40 PM"],
        ["Nature of injury", "Lower back strain"],
        ["Last day worked", "10/24/2024"],
        ["Insurer", "MIIA, Policy WC-0135-24"],
    ]
    data = w.docx_bytes(["EMPLOYER'S FIRST REPORT OF INJURY (Form 101)"], [table])
    reports = _scan(scanner, data, "first_report_of_injury.docx")
    assert "PERSON" in _entities(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_blank_forms_spanish_line_is_no_name(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Kindergarten Registration Packet 2025-26\n"
        "Registration Center, 1 Hollis Street. Se habla espanol.\n"
        "Student name: ______________  Date of birth: ____  SASID: ______\n"
        "Does your child have an IEP or 504 plan? [ ] Yes [ ] No\n"
        "Allergies / medical conditions: ______________\n"
    )
    reports = _scan(scanner, text.encode(), "registration_blank.txt")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_calendar_invites_paragraph_about_one_student(scanner: Scanner, policy: Policy) -> None:
    """ "Liam O. (Gr 3)" on one line, his eligibility and accommodations on the next
    lines of the same paragraph."""
    text = (
        "Subject: IEP Annual Review - Liam O.\n\n"
        "Annual review for Liam O. (Gr 3, Harlow, Rm 104).\n"
        "Eligibility: Specific Learning Disability - reading.\n"
        "Please bring progress data on decoding goals; parent asks about adding "
        "text-to-speech to accommodations.\nTeam: Ms. Park, Ms. Farrell, Mrs. O'Sullivan.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "invite.txt"))
    # a newsletter's winner, then its next item after a blank line, is no record
    newsletter = (
        "Spelling bee winner: Maya Chen (Grade 8) - congratulations!\n\n"
        "Report cards and accommodations: the IEP team calendar is online. Questions: "
        "Ms. Park, Principal.\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, newsletter.encode(), "news.txt"))


def test_a_students_own_mail_of_his_marks(scanner: Scanner, policy: Policy) -> None:
    text = (
        "From: Nikhil Bhattacharya <nikhil.bhatt.2025@gmail.com>\n"
        "To: Sean Fitzgerald <sfitzgerald@qvrsd.org>\nSubject: Recommendation letter request\n\n"
        "Hi Mr. Fitzgerald, would you write one of my recommendation letters? You had me for "
        "APUSH junior year where I got a 5 on the exam and an A for the year. My brag sheet "
        "has my GPA.\n\nNikhil Bhattacharya\nQVRHS Class of 2025\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "request.eml"))


def test_a_mail_listing_students_with_ids_and_absences(scanner: Scanner, policy: Policy) -> None:
    text = (
        "From: Tom Haskell <thaskell@hartwellridgeps.org>\nTo: Marcus Bell "
        "<mbell@hartwellridgeps.org>\nSubject: 7th grade kids over 10% absent\n\n"
        "Marcus,\n\nThese 7th graders are over 10% absent as of today (pulled from Aspen).\n\n"
        "  Augustin, Peterson           ID 574596   9 absences (6 UX)\n"
        "  Fitzgerald, Colin            ID 191841   18 absences (5 UX)\n"
        "  Kowalski, Connor             ID 366668   11 absences (9 UX)\n\nThanks,\nTom\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "absent.eml"))


def test_a_mail_of_students_meal_balances_and_reduced_status(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "Below are students at PCS whose meal accounts are at or under $2.50. Two of them "
        "(Peter and Nicole) are on REDUCED status.\n\n"
        "  - Peter Rodriguez (ID 220716, gr 7): balance $-7.51\n"
        "  - Nicole Hayes (ID 274270, gr 7): balance $1.99\n"
        "  - Anthony Santana (ID 255001, gr 11): balance $-15.57\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "balances.txt"))


def test_an_iep_meetings_notes_titled_with_the_students_name(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "IEP Team Meeting Notes - Linda Morgan\n=====================================\n\n"
        "Attendees:  Gina Morgan (parent), Joseph Jones (liaison), Lisa Barber (SLP)\n\n"
        "Liaison reviewed progress: Linda met goal 2 (organization). Math goal insufficient "
        "progress. Team agreed Linda continues to be eligible (Health - anxiety/ADHD).\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "mtg_notes.txt"))
    # a training's title with its presenter names no student
    training = "IEP Compliance Training - Jane Whitfield\nGoals, progress and eligibility.\n"
    assert FERPA not in classify_reports(policy, _scan(scanner, training.encode(), "pd.txt"))


def test_a_direct_deposit_sheet_in_a_wide_used_range(scanner: Scanner, policy: Policy) -> None:
    """Label and value in columns A and B of a sheet whose used range is wider; few of
    its labels name personal data, but three do."""
    rows: list[list[object]] = [
        ["Pellham Brook Regional School District", None, None, None, None, None],
        ["Direct Deposit Authorization"],
        [],
        ["Employee Name", "Amber Jones"],
        ["Employee ID", "E25522"],
        ["Department/School", "Alder Street Elementary School"],
        ["Position", "Paraprofessional"],
        ["Action:", "Change"],
        ["Financial Institution", "Hilltown Federal Credit Union"],
        ["Routing/Transit Number (9 digits)", "211598822"],
        ["Account Number", "34577322326"],
        ["Account type:", "Checking"],
        ["Signature", "/s/ Amber Jones"],
        ["Date", "09/10/2025", None, None, None, ""],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Form": rows}), "DD_Jones.xlsx")
    assert {"US_BANK_NUMBER", "PERSON"} <= _entities(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_blank_emergency_cards_label_grid(scanner: Scanner, policy: Policy) -> None:
    """Labels in columns A and C, their values blank: a blank card names no one, and
    "Ashbury Athletics" on it is a department."""
    table = [
        ["Athlete Name:", "", "DOB:", ""],
        ["Grade:", "", "Sport:", ""],
        ["Parent/Guardian:", "", "Cell:", ""],
        ["Allergies:", "", "Medications:", ""],
    ]
    data = w.docx_bytes(["Ashbury Athletics - Emergency Information Card (blank)"], [table])
    reports = _scan(scanner, data, "Emergency_Card_BLANK.docx")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_name_cut_by_the_context_window_is_no_label(scanner: Scanner) -> None:
    """The window before a number may start inside "Liban": its tail is no "iban"."""
    text = (
        "role: student\nusername: lfarah547\ngivenName: Liban\nfamilyName: Farah\n"
        "middleName: \nidentifier: 353547\n"
    )
    assert "US_BANK_NUMBER" not in {f.entity for f in scanner.scan_text(text)}
    assert "US_BANK_NUMBER" in {f.entity for f in scanner.scan_text("IBAN 35354712")}


def test_a_training_decks_sample_sasid_is_no_id(scanner: Scanner, policy: Policy) -> None:
    table = [
        ["Field", "Example value", "PII?"],
        ["Student name", "Jane Q. Doe", "Yes"],
        ["SASID", "1000000001 (test value)", "Yes"],
        ["DOB", "01/01/2012", "Yes"],
    ]
    data = w.pptx_bytes(
        [
            ("Student Privacy 101", ["Ellen Kaplan, General Counsel"], None, None),
            ("Spot the PII (example - not a real student)", [], table, None),
        ]
    )
    reports = _scan(scanner, data, "FERPA_PD_training.pptx")
    assert "STUDENT_ID" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_rostering_sync_of_sections_holds_no_student(scanner: Scanner, policy: Policy) -> None:
    """Clever's sections: a section's "sis_id" is its code, its teacher's is the
    teacher's number, and "grade": "9" is the section's grade level."""
    sections = [
        {
            "data": {
                "sis_id": code,
                "name": name,
                "grade": grade,
                "teacher": {
                    "sis_id": teacher,
                    "email": f"{first[0].lower()}{last.lower()}@wcrsd.org",
                    "name": {"first": first, "last": last},
                },
                "student_count": count,
            }
        }
        for code, name, grade, teacher, first, last, count in (
            ("USH01-2-S2", "US History I - P3", "9", "T08556", "Connie", "Henry", 11),
            ("ALG02-5-S1", "Algebra II - P5", "10", "T25089", "Marcus", "Bell", 19),
            ("ENG09-6-S1", "English 9 - P6", "9", "T17498", "Ruth", "Adeyemi", 22),
        )
    ]
    data = json.dumps({"data": sections}).encode()
    reports = _scan(scanner, data, "clever_sections_sync.json")
    assert "STUDENT_ID" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_textbook_inventorys_condition_is_no_health_condition(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"ISBN,Title,Grade,Room,Teacher,Qty,Condition\n"
        b"978-0-13-468599-1,Biology,9,214,Ms. Adeyemi,28,Good - student copies\n"
        b"978-0-07-662123-4,Algebra 1,9,118,Mr. Boateng,31,Fair\n"
        b"978-0-547-64709-4,World History,10,220,Ms. Tran,25,Poor\n"
    )
    reports = _scan(scanner, data, "textbook_inventory.csv")
    assert FERPA not in classify_reports(policy, reports)


def test_payroll_xml_files_nested_records(scanner: Scanner, policy: Policy) -> None:
    """A W-2 e-file extract and an ISO 20022 pain.001 direct-deposit file: each
    employee's record nests its fields (<EmployeeName><First>, <CdtrAcct><Id><Othr><Id>)."""
    w2 = (
        b'<?xml version="1.0"?><W2Transmittal TaxYear="2024">'
        b"<W2><EmployeeSSN>002051493</EmployeeSSN><EmployeeName><First>Maria</First>"
        b"<Last>Fonseca</Last></EmployeeName><Box1>79562.30</Box1></W2>"
        b"<W2><EmployeeSSN>106383511</EmployeeSSN><EmployeeName><First>Mark</First>"
        b"<Last>Hoffman</Last></EmployeeName><Box1>68051.49</Box1></W2></W2Transmittal>"
    )
    reports = _scan(scanner, w2, "w2_extract.xml")
    assert ("PERSON", "Maria Fonseca") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)

    def transfer(name: str, routing: str, account: str) -> str:
        return (
            "<CdtTrfTxInf><PmtId><EndToEndId>PP08-1</EndToEndId></PmtId>"
            '<Amt><InstdAmt Ccy="USD">2346.93</InstdAmt></Amt><CdtrAgt><FinInstnId>'
            "<ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId>"
            f"<MmbId>{routing}</MmbId></ClrSysMmbId></FinInstnId></CdtrAgt>"
            f"<Cdtr><Nm>{name}</Nm></Cdtr><CdtrAcct><Id><Othr><Id>{account}</Id></Othr></Id>"
            "</CdtrAcct></CdtTrfTxInf>"
        )

    pain = (
        '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">'
        "<CstmrCdtTrfInitn><PmtInf><Dbtr><Nm>WENDHAM-CRANE REGIONAL SD</Nm></Dbtr>"
        + transfer("JOANNE KULIK", "011756628", "262218685")
        + transfer("PETER OKAFOR", "011000138", "587886165")
        + "</PmtInf></CstmrCdtTrfInitn></Document>"
    ).encode()
    reports = _scan(scanner, pain, "pain001_payroll.xml")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_BANK_NUMBER", "262218685"), ("ABA_ROUTING_NUMBER", "011756628")} <= found
    assert MGL_93H in classify_reports(policy, reports)


def test_an_ach_previews_dfi_account_column(scanner: Scanner, policy: Policy) -> None:
    data = (
        b'<AchBatch secCode="PPD" entryDesc="PAYROLL">'
        b"<Entry><ReceiverName>JAILSON MONTEIRO</ReceiverName><RDFI>231372691</RDFI>"
        b"<DFIAccount>468093710869</DFIAccount><Amount>2344.09</Amount></Entry>"
        b"<Entry><ReceiverName>SAHRA WARSAME</ReceiverName><RDFI>011000138</RDFI>"
        b"<DFIAccount>2605691396</DFIAccount><Amount>2910.89</Amount></Entry></AchBatch>"
    )
    reports = _scan(scanner, data, "ach_preview.xml")
    assert "US_BANK_NUMBER" in _entities(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_volunteers_cori_requests_are_no_student_record(scanner: Scanner, policy: Policy) -> None:
    """Grown-ups' birth dates beside the elementary schools they volunteer in."""
    requests = "".join(
        f'<Request seq="{i}"><Subject><FirstName>{first}</FirstName><LastName>{last}</LastName>'
        f"<DateOfBirth>{dob}</DateOfBirth><Identification>{dl}</Identification></Subject>"
        f"<MotherMaidenName>Kelley</MotherMaidenName><Role>Volunteer - classroom</Role>"
        f"<Site>{('Abigail Adams Elementary', 'Frederick Douglass Middle School')[i % 2]}</Site>"
        "</Request>"
        for i, (first, last, dob, dl) in enumerate(
            (
                ("Susan", "Johnson", "08/15/1969", "S33242986"),
                ("Cecilia", "Bueno", "10/10/1993", "S65909265"),
                ("Mark", "Doherty", "03/03/1975", "S52762000"),
            ),
            1,
        )
    )
    data = f'<iCORIBatch orgId="MFPS-0175">{requests}</iCORIBatch>'.encode()
    classes = classify_reports(policy, _scan(scanner, data, "iCORI_batch.xml"))
    assert MGL_93H in classes and FERPA not in classes


def test_a_residency_letters_license_and_salutation(scanner: Scanner, policy: Policy) -> None:
    """The RMV's "SA" and seven digits, and a parent named only by "Dear ...,"."""
    text = (
        "Family Welcome Center\nNovember 8, 2024\n\n"
        "RE: Residency verification\nDear Mackenson Toussaint,\n"
        "Documents reviewed and copied to the student files:\n"
        "Massachusetts driver's license, No. SA9197102, address matches\n"
    )
    reports = _scan(scanner, text.encode(), "residency.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_DRIVER_LICENSE", "SA9197102"), ("PERSON", "Mackenson Toussaint")} <= found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_w2s_employee_box_names_without_a_colon(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Form W-2 Wage and Tax Statement 2023\n"
        "a Employee's social security number 646-33-6113\n"
        "e/f Employee's name, address Wilnès S Désir\n336 Walnut St Apt 2\n"
    )
    reports = _scan(scanner, text.encode(), "w2.txt")
    assert ("PERSON", "Wilnès S Désir") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_saved_parent_portal_page_of_grades_and_attendance(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "Grades and Attendance: de Souza, Valentina J\n"
        "Attendance Codes: A = Absent Unexcused | T = Tardy\n"
        "Exp Course Q1 Q2 Absences Tardies\n"
        "1(A) English 10 Honors Caldwell, Emily - Rm: 205 A66 0 4\n"
        "2(A) Geometry CP Paquette, David - Rm: 212 A-78 4 1\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "portal.txt"))


def test_a_meal_pos_export_of_patrons_and_their_eligibility(
    scanner: Scanner, policy: Policy
) -> None:
    records = [
        {
            "txn": 880000 + i,
            "patron": {"id": pid, "last": last, "first": first, "elig": elig},
            # a list in each record: the export is read as keys and values, not a table
            "items": [{"sku": "RL", "desc": "Reimbursable Lunch", "price": 3.25}],
        }
        for i, (pid, last, first, elig) in enumerate(
            (
                ("256996", "Aguilera", "Esparta", "PAID"),
                ("262303", "Allen", "Hunter", "FREE"),
                ("267770", "Baker", "Reagan", "REDUCED"),
            )
        )
    ]
    data = json.dumps({"site": "WCRHS", "transactions": records}).encode()
    reports = _scan(scanner, data, "mealtime_pos.json")
    assert {"PERSON", "STUDENT_ID"} <= _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_verification_samples_student_ids_column(scanner: Scanner, policy: Policy) -> None:
    """ "Student IDs", an acronym's plural: the header was read as "Student I Ds"."""
    rows: list[list[object]] = [
        ["App #", "Household Contact", "Students on App", "Student IDs", "Result"],
        ["24-0261", "Aaron Allen", "Rylee Coleman", "339187", "Reduced -> Paid"],
        ["24-0348", "Abel Vigil", "Aldonza Vigil", "264667", "No change"],
        ["24-0294", "Abraham Muniz", "Andrea Anaya", "359034", "Reduced -> Paid"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Verification": rows}), "FR_verification.xlsx")
    assert "STUDENT_ID" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_device_lists_assigned_to_column_names_its_holders(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        "Asset Tag\tSerial\tModel\tAssigned To\tStudent #\tHR\n"
        "MCPS-21753\t5CD813B9609\tHP G9 EE\tFarah, Nasteho\t362627\t8C\n"
        "MCPS-39683\t5CD920G8419\tLenovo 100e G4\tThéodore, Wisline\t309386\t7C\n"
        "MCPS-38740\t5CD252G5440\tLenovo 100e G4\tOkonkwo, Chidera\t388556\t8D\n"
    ).encode()
    reports = _scan(scanner, data, "chromebook_assignments.tsv")
    assert "PERSON" in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_parents_mail_of_her_kids_lunch_accounts(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Hello,\nPlease add $40 to each of my kids lunch accounts:\n\n"
        "Zoe Rios - ID 361511 - Wendham Elementary School gr 1\n"
        "Easton Rios - ID 293386 - Wendham-Crane Regional Middle/High School gr 8\n\n"
        "They are both on reduced lunch (approved in Sept).\nThanks,\nSara Rios\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "lunch.eml"))


def test_a_liaisons_log_of_students_and_why_each_was_seen(scanner: Scanner, policy: Policy) -> None:
    table = [
        ["Date", "Student", "Gr", "Reason", "Outcome"],
        ["9/23", "Gilles Hamel", "02", "no immunization record", "new address given"],
        ["10/23", "Kervens Jean-Louis", "08", "absent 8 days", "grandmother caring"],
        ["10/2", "Harry Webster", "02", "IEP mtg invite", "spoke w/ mom at door"],
    ]
    data = w.docx_bytes(["Family Liaison - Home Visit / Outreach Log, Q1"], [table])
    assert FERPA in classify_reports(policy, _scan(scanner, data, "liaison_log.docx"))
    # a staff table's reason for leave is no student's record
    staff = [
        ["Date", "Employee", "Reason", "Outcome"],
        ["9/23", "Gilles Hamel", "medical appointment", "approved"],
        ["10/23", "Harry Webster", "family illness - absent 3 days", "approved"],
        ["10/2", "Ruth Adeyemi", "jury duty", "approved"],
    ]
    leave = w.docx_bytes(["Leave requests Q1"], [staff])
    assert FERPA not in classify_reports(policy, _scan(scanner, leave, "leave_log.docx"))


def test_a_sole_proprietors_personal_account_on_a_vendor_form(
    scanner: Scanner, policy: Policy
) -> None:
    """A vendor's account is no one's, unless the form says it is the person's own."""
    table = [
        ["Field", "Value"],
        ["Payee name", "Maria Souza"],
        ["DBA", "Souza Pediatric Therapy Services"],
        ["Vendor #", "V18050"],
        ["ABA routing #", "211162119"],
        ["Account #", "197851998"],
        ["Account type", "Checking (personal)"],
    ]
    data = w.docx_bytes(["Vendor ACH / Direct Deposit Authorization"], [table])
    reports = _scan(scanner, data, "Souza_ACH_Authorization.docx")
    assert "US_BANK_NUMBER" in _entities(reports)
    assert MGL_93H in classify_reports(policy, reports)
    company = [
        row if row[0] != "Account type" else ["Account type", "Business checking"] for row in table
    ]
    data = w.docx_bytes(["Vendor ACH / Direct Deposit Authorization"], [company])
    reports = _scan(scanner, data, "Vendor_ACH_Authorization.docx")
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_parents_checking_account_below_an_employers_ein(
    scanner: Scanner, policy: Policy
) -> None:
    """The EIN of the employer on a parent's W-2 makes no account below it a company's
    when the account is called the parent's own."""
    text = (
        "Documents reviewed: 2024 Form W-2 (employer UMass Memorial, EIN 04-3358829).\n"
        "Overpayment of $380.00 will be refunded by direct deposit to Workers Credit Union,"
        " routing 011048213, account 944748338802 (parent's checking).\n"
        "Parent: Marisol Alvarez\n"
    )
    reports = _scan(scanner, text.encode(), "scholarship_worksheet.txt")
    assert ("US_BANK_NUMBER", "944748338802") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)
    vendor = text.replace("(parent's checking)", "(UMass Memorial payroll)")
    assert MGL_93H not in classify_reports(policy, _scan(scanner, vendor.encode(), "v.txt"))


def test_a_vendor_form_ticked_for_a_sole_proprietor(scanner: Scanner, policy: Policy) -> None:
    """The options left unticked ("[ ] Corp [ ] LLC") make no company of the payee."""
    text = (
        "Vendor ACH / EFT Enrollment Form\n"
        "Vendor legal name: Brian Bell\n"
        "DBA: Bell Sound DJ & Lighting\n"
        "Type: [X] Individual/Sole proprietor  [ ] Corp  [ ] LLC\n"
        "ABA routing #: 011102719\n"
        "Account #: 774727680\n"
    )
    reports = _scan(scanner, text.encode(), "vendor_ach.txt")
    assert ("US_BANK_NUMBER", "774727680") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)
    company = text.replace("[X] Individual", "[ ] Individual").replace("[ ] LLC", "[X] LLC")
    assert MGL_93H not in classify_reports(policy, _scan(scanner, company.encode(), "c.txt"))


def test_one_individual_payee_among_a_batchs_vendors(scanner: Scanner, policy: Policy) -> None:
    """The payee type nearest before an account says whose it is: a vendor's "V00981"
    and the schools' "CORP" around it make no company of the tutor paid there."""

    def payment(name: str, kind: str, account: str) -> dict[str, object]:
        return {
            "vendorId": "V00981",
            "payeeName": name,
            "payeeType": kind,
            "memo": "Home/hospital tutoring, October",
            "routing": "016475865",
            "account": account,
            "amount": 1860.0,
            "invoiceRefs": ["TUT-1024"],
        }

    schools = [payment(f"{name} ACADEMY", "CORP", "****6807") for name in ("CRESTVIEW", "BAY")]
    batch = {"payments": [*schools, payment("LEE, BRITTANY", "INDIVIDUAL", "7214156895")]}
    reports = _scan(scanner, json.dumps(batch, indent=2).encode(), "ach_batch.json")
    assert MGL_93H in classify_reports(policy, reports)
    tutor = payment("LEE, BRITTANY", "INDIVIDUAL", "****6807")
    batch = {"payments": [tutor, payment("CRESTVIEW ACADEMY", "CORP", "7214156895")]}
    reports = _scan(scanner, json.dumps(batch, indent=2).encode(), "ach_batch.json")
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_payroll_register_with_a_retirement_plan_column(scanner: Scanner, policy: Policy) -> None:
    """ "403B" names a column (the tax code's plan), as "504" does: it is no value that
    would make the header row data. Above it, three report lines and a blank one."""
    data = (
        b"NORTH PEMBERTON PUBLIC SCHOOLS\n"
        b"PR REGISTER - WARRANT 2024-21 - PPE 10/11/2024\n"
        b"prregister.rpt  RUN 10/16/2024 14:02\n"
        b"\n"
        b"EMP#,EMPLOYEE NAME,SSN,LOC,GROSS,MTRS/MCRS,457(b),403B,NET\n"
        b'103936,"MULLEN, ALBERT K",198-61-9128,032,3232.01,355.52,0.00,250.00,1804.25\n'
        b'103093,"RODRIGUEZ, PATRICK L",693-06-0845,010,3406.84,374.75,0.00,0.00,2465.85\n'
        b'100242,"BUTLER, STEPHANIE T",053-21-4786,032,4293.73,472.31,0.00,100.00,2729.30\n'
        b'101180,"OKAFOR, JANET",212-58-3391,010,3904.10,429.45,50.00,0.00,2611.95\n'
    )
    reports = _scan(scanner, data, "PR_Register_PPE.csv")
    ssns = {(f.value, f.location) for f in reports[0].findings if f.entity == "US_SSN"}
    assert ("198-61-9128", "row 6, column SSN") in ssns
    assert MGL_93H in classify_reports(policy, reports)


@pytest.mark.parametrize("header", ["New Acct", "Deposited To (acct)"])
def test_a_direct_deposit_logs_account_columns(
    scanner: Scanner, policy: Policy, header: str
) -> None:
    data = w.xlsx_bytes(
        {
            "Oct": [
                ["Emp #", "Employee", "New Bank", header, "Verified By Phone?"],
                ["103987", "James, Dana", "Santander Bank", "246235224818", "N - in person"],
                ["100688", "Taylor, Travis", "TD Bank", "117587952332", "Y"],
                ["100930", "Rivera, Robert", "Align Credit Union", "776988759791", "Y"],
            ]
        }
    )
    reports = _scan(scanner, data, "DD_changes.xlsx")
    assert "US_BANK_NUMBER" in _entities(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_personnel_action_form_as_a_two_column_table(scanner: Scanner, policy: Policy) -> None:
    """Its first row ("Action | New Hire") is no header: an "Employee" and an "SSN"
    label in the first column make the table a form, whatever else it labels."""
    form = [
        ["Action", "New Hire"],
        ["Employee", "Heath, Robert"],
        ["SSN", "521-35-3890"],
        ["Position", "School Nurse / PHS"],
        ["Effective", "10/15/2024"],
        ["Salary", "$32,459.71"],
        ["Approved", "C. Barrows / M. Aldana"],
    ]
    reports = _scan(scanner, w.odt_bytes(["Personnel Action Forms"], [form]), "PAF.odt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "Heath, Robert"), ("US_SSN", "521-35-3890")} <= found
    assert MGL_93H in classify_reports(policy, reports)
    # a two-column table of people keeps its header: names are values, not labels
    roster = [["Employee", "SSN"], ["Heath, Robert", "521-35-3890"], ["Ames, Lisa", "140-22-9123"]]
    reports = _scan(scanner, w.odt_bytes(["Staff"], [roster]), "staff.odt")
    people = {(f.value, f.location) for f in reports[0].findings if f.entity == "PERSON"}
    assert ("Heath, Robert", "table 1, row 2, column Employee") in people


def test_a_logs_quoted_name_field(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"2024-10-04 07:15:28 INFO  ACHRET  trace=011000130066279 rcode=R02 "
        b'name="KING JOHNNY" dfi=213022480 acct=388000433345 action=FLAG_PAPER_CHECK\n'
        b"2024-10-06 07:21:54 WARN  ACHRET  NOC C01 received corrected acct=2925644370\n"
    )
    reports = _scan(scanner, data, "prenote_returns.log")
    assert ("PERSON", "KING JOHNNY") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_levys_taxpayer_line_without_its_colon(scanner: Scanner, policy: Policy) -> None:
    """A PDF's label and value columns come out as one line, "Taxpayer DANIEL R KIM"."""
    page = [
        "Form 668-W(ICS)  Notice of Levy on Wages, Salary, and Other Income",
        "Taxpayer DANIEL R KIM",
        "Identifying Number(s) 522-82-3799",
        "Parts 2-5 delivered to employer.",
    ]
    reports = _scan(scanner, w.pdf_bytes([page]), "Levy_Kim.pdf")
    assert ("PERSON", "DANIEL R KIM") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)


def test_the_wage_records_of_an_efw2_file_alone(scanner: Scanner, policy: Policy) -> None:
    """An archived excerpt of an EFW2 file: its RW records, with no submitter record."""
    lines = [
        f"{'RW243306261TIMOTHY        W              YOUNG':<512}",
        f"{'RW251011297MICHAEL        N              MERCADO':<512}",
    ]
    reports = _scan(scanner, "\r\n".join(lines).encode(), "EFW2_TY2022_FINAL.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_SSN", "243306261"), ("PERSON", "TIMOTHY YOUNG")} <= found
    assert MGL_93H in classify_reports(policy, reports)
    # a short line that starts the same way is no wage record
    reports = _scan(scanner, b"RW243306261 rework order\nRW251011297 rework order\n", "rw.txt")
    assert "US_SSN" not in _entities(reports)


def test_a_fixed_width_report_whose_fields_are_one_space_apart(
    scanner: Scanner, policy: Policy
) -> None:
    """Fields sit under their header's words; a row's are set one space apart where the
    columns are tight, so a run of two spaces does not split them."""
    data = (
        b"PRX0412  EMPLOYEE MASTER EXTRACT     NPPS   RUN DATE 11/01/2024   PAGE 1\n"
        b"\n"
        b"EMPNO  SSN       LAST              FIRST        MIDOB      HIREDT   LOC JCL\n"
        b"103936 198619128 MULLEN            ALBERT       K 19700103 20240312 032 N01\n"
        b"103093 693060845 RODRIGUEZ         PATRICK      L 19710120 20140105 010 C05\n"
        b"100242 053214786 BUTLER            STEPHANIE    T 19820411 20090901 032 G02\n"
    )
    reports = _scan(scanner, data, "MUNIS_emp_master.dat")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("US_SSN", "198619128", "table at line 3, row 2, column SSN") in found
    assert ("PERSON", "ALBERT MULLEN", "table at line 3, row 2, columns LAST, FIRST") in found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_fixed_width_log_whose_header_stands_a_place_off_its_fields(
    scanner: Scanner, policy: Policy
) -> None:
    """A log cleaned by hand: its header, behind a comment's "# ", stands one place to
    the right of every field, yet its columns are still read by their words."""
    data = (
        b"# Student Services - psych testing log  (export from shared OneNote, cleaned)\n"
        b"# date       time   evl  LASID    student                  test/battery    status   dur\n"
        b"2024-09-23  08:45  RL   2204863  FITZPATRICK, DECLAN      WIAT-4 writing complete 1h05\n"
        b"2024-09-25  10:10  RL   2051781  VENKATESAN, PRIYA        WISC-V, KTEA-3 complete 2h10\n"
        b"2024-10-02  09:00  JA   212011   COSTA FERREIRA, THIAGO   WISC-V         partial  1h50\n"
        b"2024-10-03  12:30  RL   225042   OKAFOR, DANIEL           classroom obs  ABSENT   -\n"
    )
    reports = _scan(scanner, data, "testing_log_fall2024.txt")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("STUDENT_ID", "2204863", "table at line 2, row 2, column LASID") in found
    assert ("PERSON", "COSTA FERREIRA, THIAGO", "table at line 2, row 4, column student") in found
    assert FERPA in classify_reports(policy, reports)


def test_a_logs_key_line_of_abbreviations_heads_no_table(scanner: Scanner) -> None:
    """A nurse's log explains its shorthand above its header ("Key: RTC=returned to
    class  LM=left msg ..."): the key's words are no columns, wherever they stand, and
    the header below it heads the table."""
    data = (
        b"Key: RTC=returned to class  LM=left msg  IHP=indiv health plan  PS=ParentSquare msg\n"
        b"--------------------------------------------------------------------------------\n"
        b"DATE       TIME   STUDENT                  ID       GR/RM     NOTE\n"
        b"01/02/24   08:20  SULLIVAN, Shannon        #325632  2/Rm17    vomited in class x1\n"
        b"01/09/24   10:42  PENA, Yesenia            #314401  5/Rm14    asthma - albuterol, IHP\n"
        b"01/09/24   13:24  CARVALHO, Juliana        #325023  4/Rm9     fell on ice | RTC 13:49\n"
        b"01/09/24   14:16  WASHINGTON, Ama          #310449  5/Rm9     splinter L index finger\n"
    )
    reports = _scan(scanner, data, "nurse_log_injuries.txt")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("PERSON", "SULLIVAN, Shannon", "table at line 3, row 2, column STUDENT") in found


def test_a_fixed_width_caseload_with_crlf_and_a_comma_in_a_field(
    scanner: Scanner, policy: Policy
) -> None:
    """The case manager's "BRANDT,L" in every row made the report a two-column CSV; the
    rule under its header, ending in CR, was read as its first row."""
    lines = [
        "X2 AspenSS - IEP CASELOAD REPORT        RUN: 01/06/2025 07:31  USER: LBRANDT",
        "",
        "SASID      LOCALID LASTNAME        FIRSTNAME    DOB        GR PRIM_DISAB    CASE_MGR",
        "-" * 84,
        "1016780132 175114  ACEVEDO         TERESA       05/05/2012 07 NEUROLOGICAL  BRANDT,L",
        "1059413088 210248  ATKINSON        BRENDA       06/03/2012 07 EMOTIONAL     BRANDT,L",
        "1040583273 219611  BROWN           BOBBY        10/10/2011 07 SPECIFIC LRN  BRANDT,L",
    ]
    reports = _scan(scanner, "\r\n".join(lines).encode(), "X2_IEP_caseload.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("STUDENT_ID", "1016780132"), ("PERSON", "TERESA ACEVEDO")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_a_csv_with_padded_notes_is_still_a_csv(scanner: Scanner) -> None:
    """Two spaces after a sentence's period are not a fixed-width report's padding."""
    data = (
        b"Student ID,Name,Note\n"
        b"361511,Ana Ruiz,Called home.  Left message.\n"
        b"361512,Ben Cole,Met with mom.  Plan set.\n"
        b"361513,Cal Diaz,No answer.  Will retry.\n"
    )
    reports = _scan(scanner, data, "calls.csv")
    ids = {(f.value, f.location) for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ("361511", "row 2, column Student ID") in ids


@pytest.mark.parametrize(
    ("line", "ssn"),
    [
        ("Social security number:   763  -  96  -  3160", "763  -  96  -  3160"),
        ("Social security number:   032 - 49 - 0231", "032 - 49 - 0231"),
    ],
)
def test_a_w9s_boxed_ssn_however_wide_its_boxes(
    scanner: Scanner, policy: Policy, line: str, ssn: str
) -> None:
    page = ["Form W-9", "1 Name of entity/individual: Eric Jones", line, "Part II Certification"]
    reports = _scan(scanner, w.pdf_bytes([page]), "W9_Jones.pdf")
    assert ("US_SSN", ssn) in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)


def test_my_social_in_a_mail_is_an_ssn(scanner: Scanner, policy: Policy) -> None:
    body = (
        "Hi Kara, you asked me for my tax ID for the 1099 - I don't have an EIN, I just use "
        "my social. It's 574 27 9327.\nLegal name Paula Avery, business is Avery Knife "
        "Sharpening.\n"
    )
    found = {(f.entity, f.value) for f in scanner.scan_text(body, every_name=False)}
    assert ("US_SSN", "574 27 9327") in found
    # "social" alone says nothing: a social worker's extension is no SSN
    other = scanner.scan_text("Call the social worker at 617 34 2291.\n", every_name=False)
    assert "US_SSN" not in {f.entity for f in other}


def test_a_trade_names_account_is_its_owners(scanner: Scanner, policy: Policy) -> None:
    """A person doing business under a trade name is a sole proprietor: the account on
    her vendor ACH form is hers. A company's, with its "LLC", stays no one's."""
    lines = [
        "Vendor ACH Authorization (Form BO-17)",
        "Vendor Number: 17548",
        "Payee Legal Name: Lori Castro",
        "DBA: Lori's DJ & Sound",
        "Remit Address: 10 Fitchburg Rd, Lunenburg, MA 01462",
        "Financial Institution: Enterprise Bank",
        "ABA Routing Number: 229720608",
        "Account Number: 62899344237",
        "Account Type: [X] Checking  [ ] Savings",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "ACH_enrollment_Loris.pdf")
    assert ("US_BANK_NUMBER", "62899344237") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)
    company = [line.replace("Lori's DJ & Sound", "Castro Sound LLC") for line in lines]
    reports = _scan(scanner, w.pdf_bytes([company]), "ACH_enrollment_Castro_LLC.pdf")
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_1099_files_payees_services_are_no_students_records(
    scanner: Scanner, policy: Policy
) -> None:
    """A 1099-NEC upload lists the district's individual payees by TIN; its notes say
    what each was paid for (IEP tutoring, SLP services): their work, no student's
    record."""
    data = (
        b"VENDOR_NO,PAYEE_NAME,TIN_TYPE,TIN,ADDRESS1,CITY,ST,ZIP,BOX1_NEC,NOTES\n"
        b'V14993,"Lata, Mahika",SSN,705-89-6246,283 Princeton Way,Littleton,MA,01460,'
        b"1911.12,Lacrosse official\n"
        b'V14712,"Okafor, Grace",SSN,042-71-5532,18 Elm St,Acton,MA,01720,'
        b"8420.00,Home/hospital tutoring (IEP)\n"
        b'V14730,"Ruiz, Daniel",SSN,031-66-2190,9 Oak Ave,Ayer,MA,01432,'
        b"12630.50,SLP services - BCBA consult\n"
    )
    reports = _scan(scanner, data, "1099-NEC vendors CY2024.csv")
    classes = classify_reports(policy, reports)
    assert MGL_93H in classes
    assert FERPA not in classes


def test_a_trainings_sample_log_of_placeholder_students_is_no_record(
    scanner: Scanner, policy: Policy
) -> None:
    """An orientation's slide shows how to log services, with "Student A" and "John Q.
    Sample" for the students: the table is about no one, whatever it says of IEPs."""
    text = [
        "IEP 101 - new staff orientation. Presenter: Maria Delgado, Team Chair",
        "IEP team meetings, progress reports and evaluations follow 603 CMR 28.",
        "Logging services (sample)",
    ]
    log = [
        ["Date", "Student", "Service", "Minutes", "Note"],
        ["09/10/2024", "Student A", "Speech/Language", "30", "artic - /s/ blends"],
        ["09/10/2024", "Student B", "OT", "30", "absent - make-up 9/12"],
        ["09/11/2024", "John Q. Sample", "Reading (C grid)", "45", "Wilson 1.3"],
    ]
    reports = _scan(scanner, w.docx_bytes(text, tables=[log]), "IEP 101 orientation.docx")
    assert FERPA not in classify_reports(policy, reports)
    log[3][1] = "Luis Ortega"  # one real student logged: his record
    reports = _scan(scanner, w.docx_bytes(text, tables=[log]), "service log.docx")
    assert FERPA in classify_reports(policy, reports)


def test_a_vendor_masters_sales_reps_are_no_payees(scanner: Scanner, policy: Policy) -> None:
    """A food service's vendor master gives each company's sales rep beside its ACH
    account: the rep is whom to call, the account the company's."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Vendor Master"
    sheet.append(["Vendor #", "Vendor", "Phone", "Sales rep", "ACH routing", "ACH account"])
    sheet.append(
        ["V2201", "Sysco Boston LLC", "978-254-5258", "Brendan Keefe", "227254833", "849627778"]
    )
    sheet.append(
        ["V2212", "Garelick Farms", "978-346-7565", "Tina Morrissey", "011335696", "2005387198"]
    )
    sheet.append(
        [
            "V2223",
            "Costa Fruit & Produce",
            "978-421-1050",
            "Anthony Russo",
            "011329233",
            "535856053232",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    reports = _scan(scanner, buffer.getvalue(), "PO tracking FY25 - food svc.xlsx")
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_transport_invoice_of_homeless_students_rides_is_their_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A transport vendor bills the district for McKinney-Vento rides from motels and
    shelters, a line per child, his grade a PDF's columns away from his name, and one's
    IEP aide: which children are homeless, and how they ride, is their record."""
    lines = [
        "BAY STATE RIDE LLC    INVOICE BSR-25-0131    Invoice date: 02/04/2025",
        "Service: Homeless / McKinney-Vento school-of-origin transportation - January 2025",
        "Route MV-1   Isabella Ruiz   (Gr 1, Mill Pond Elementary)   Days: 16   =  $992.00",
        " Pickup: Days Inn - 136 Grove St, Auburn, MA 01501  Rm 158",
        " Guardian: Jorge Ruiz  508-490-7179   AM 6:05 / PM 2:40",
        "Route MV-2   Arjun Reddy   (Gr 1, Forest Ave Elementary)   Days: 19   =  $1,672.00",
        " Pickup: Econo Lodge - 1172 Pleasant St, Shrewsbury, MA 01545  Rm 197",
        " Guardian: Rajesh Reddy  857-789-8347   AM 7:20 / PM 3:10   Aide rides (IEP)",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "Transportation Invoice - MV - JAN.pdf")
    assert FERPA in classify_reports(policy, reports)


def test_a_testing_schedule_of_rooms_and_proctors_is_no_record(
    scanner: Scanner, policy: Policy
) -> None:
    """An MCAS room schedule names the staff in each room, by role, and says a small
    group has its accommodations per IEP/504: of no student named in it."""
    data = (
        b"Session\tDate\tGrade\tRoom\tTest Administrator\tProctor\t# students\tNotes\n"
        b"ELA 1\t4/1\t3\tRm 16\tDaniel Sato\tGrace Whitmore\t22\tread-aloud grp -> Rm 7\n"
        b"ELA 1\t4/1\t3\tRm 7 (small grp)\tNaomi Feldman\tYesenia Cruz\t<6\t"
        b"accommodations per IEP/504 (see locked list in office)\n"
        b"ELA 1\t4/1\t4\tRm 18\tTomas Avila\tPeter Haskins\t22\t\n"
    )
    reports = _scan(scanner, data, "MCAS testing rooms Gr3-5.tsv")
    assert FERPA not in classify_reports(policy, reports)


def test_a_quoted_replys_blank_line_ends_a_text_table(scanner: Scanner) -> None:
    """A vendor's quoted reply says what rostering needs ("name, grade ... no SASID,
    no DOB."), then "> >", a blank line of the quote: its signature's ZIP code below
    is no student's number under that line."""
    data = (
        b"> > For rostering we only need first/last name, grade, section and school email"
        b" through Clever - no SASID, no DOB.\n"
        b"> >\n"
        b"> > Best,\n"
        b"> > David Oyelaran\n"
        b"> > District Partnerships Manager | Quillfield Learning\n"
        b"> > 101 Federal St, 19th Floor, Boston, MA 02110\n"
    )
    reports = _scan(scanner, data, "RE_ DPA signature needed.txt")
    assert "STUDENT_ID" not in _entities(reports)


def test_a_resource_lists_shelters_are_no_one(scanner: Scanner, policy: Policy) -> None:
    """A liaison's list of shelters and agencies for families: each has a "name", an
    address and a phone, and none is a person, nor the list anyone's record."""
    data = json.dumps(
        {
            "title": "Family shelter and housing resources - Student Services",
            "resources": [
                {
                    "name": "Riverview Family Shelter",
                    "address": "211 Winter Street, Haverhill, MA 01830",
                    "phone": "(978) 372-8815",
                    "services": "emergency family shelter, case management",
                },
                {
                    "name": "Merrimack Valley Food Pantry",
                    "address": "52 Chelmsford Street, Lowell, MA 01851",
                    "phone": "(978) 459-2240",
                    "services": "food, school supplies",
                },
                {
                    "name": "DHCD Emergency Assistance intake",
                    "address": "",
                    "phone": "(866) 584-0653",
                    "services": "housing for families with children",
                },
            ],
        }
    ).encode()
    reports = _scan(scanner, data, "shelter_resources.json")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_companys_trade_name_leaves_its_account_a_companys(
    scanner: Scanner, policy: Policy
) -> None:
    """A publisher's invoice mail gives its remittance under its legal name and the
    name it trades under ("ProLiteracy Worldwide dba New Readers Press"): a company
    trading as another is no sole proprietor, and its account is no one's."""
    body = (
        "From: Maureen Sullivan <msullivan@newreaderspress.com>\n"
        "Attached is invoice 88213 for PO-25-004471. Terms net 30.\n"
        "Remittance - ACH preferred:\n"
        "ProLiteracy Worldwide dba New Readers Press\n"
        "Bank: KeyBank N.A.\n"
        "ABA: 021024764\n"
        "Account: 9669487806\n"
        "Thank you,\nMaureen Sullivan\nCustomer Service, New Readers Press\n"
    )
    reports = _scan(scanner, body.encode(), "invoice_88213.txt")
    assert MGL_93H not in classify_reports(policy, reports)
    # ... where a person trades under the name, the account is hers
    sole = body.replace("ProLiteracy Worldwide dba", "Maureen Sullivan dba")
    reports = _scan(scanner, sole.encode(), "invoice_88213.txt")
    assert MGL_93H in classify_reports(policy, reports)


def test_a_claims_export_of_children_with_compact_birth_dates(
    scanner: Scanner, policy: Policy
) -> None:
    """School-based Medicaid claims never say "student"; their patients' birth dates,
    written 20140203, are children's: in a district's file, students'."""
    data = (
        b"ClaimLine,Member_ID,Pt_Last,Pt_First,Pt_DOB,DOS,Proc,Units,Dx\n"
        b"00001,100059584182,Munoz,Aimee,20140203,20241002,97530,2,R62.50\n"
        b"00002,100087569199,Morales,Amanda,20170129,20241027,97110,1,R62.50\n"
        b"00003,100089251471,Turner,Dana,20180403,20241029,90837,4,F90.2\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "SBMP_Claims.csv"))
    # the same claims for grown-ups (a staff wellness program's) are no student's
    adults = (
        data.replace(b",2014", b",1974").replace(b",2017", b",1967").replace(b",2018", b",1958")
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, adults, "wellness_claims.csv"))


def test_a_meal_systems_bare_pin_beside_its_patron(scanner: Scanner, policy: Policy) -> None:
    data = (
        b'"Mealtime POS - Patron Balance Report"\n'
        b"PIN,Patron Name,Homeroom,Grade,Balance\n"
        b'238794,"Woods, Ashley",130,11,26.84\n'
        b'251512,"Clark, Maria",214,9,-4.98\n'
        b'221153,"Flores, Marie",130,11,0.00\n'
    )
    reports = _scan(scanner, data, "patron_balances.csv")
    assert ("STUDENT_ID", "238794") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)
    # a door-access list's PIN, with no patron, is no one's student number
    doors = b"PIN,Staff Name,Door\n4411,Ana Ruiz,Main\n5120,Ben Cole,Gym\n6230,Cal Diaz,Main\n"
    assert "STUDENT_ID" not in _entities(_scan(scanner, doors, "doors.csv"))


def test_a_name_columns_bracketed_identifier(scanner: Scanner, policy: Policy) -> None:
    """ "Assigned To (Student ID)" holds the student's number, as its note says."""
    data = (
        b"Asset Tag,Model,Assigned To (Student ID),Student,Grad Yr\n"
        b"AMS-CB-3100,HP Chromebook 11 G9 EE,197797,Joshua Murray,2030\n"
        b"AMS-CB-3101,HP Chromebook 11 G9 EE,258041,Jake Carey,2030\n"
        b"AMS-CB-3102,Dell 3110,109372,Deanna Morrison,2030\n"
    )
    reports = _scan(scanner, data, "Chromebook_assignments.csv")
    assert ("STUDENT_ID", "197797") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)


def test_a_nurse_logs_entries_with_doses(scanner: Scanner, policy: Policy) -> None:
    """A nurse writes in shorthand ("c/o HA", "RTC"): the dose under a named student's
    log line is that student's health."""
    text = (
        "NURSE DAILY LOG -- Tues 10/22/24 -- B. Cahill RN\n\n"
        "0815  Casey, Greg (gr 4, #207056)\n"
        "      c/o HA since bus. Temp 98.4. Tylenol per standing parent auth (325mg). RTC 0835.\n\n"
        "0902  Adams, Melissa (gr 8, #210272)\n"
        "      Daily Adderall XR 10mg -- NOT given, bottle empty. Called mom.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "nurse log.txt"))


def test_a_cori_requests_license_or_state_id_column(scanner: Scanner, policy: Policy) -> None:
    """ "License / State ID #" is the RMV's number, whatever "state id" means to the
    policy's SASID; volunteers' birth dates are grown-ups'."""
    data = w.xlsx_bytes(
        {
            "Requests": [
                ["CORI/SORI VOLUNTEER REQUEST TRACKING"],
                ["LAST", "FIRST", "DOB", "License / State ID #", "Role", "Status"],
                ["Soto", "Robert", "05/17/1993", "S95287576", "Field trip chaperone", "Cleared"],
                ["Franklin", "Eric", "05/30/1956", "S45162133", "Classroom volunteer", "Cleared"],
                ["Reyes", "Ana", "11/02/1988", "S31870214", "Classroom volunteer", "Pending"],
            ]
        }
    )
    reports = _scan(scanner, data, "CORI Volunteer Requests.xlsx")
    assert ("US_DRIVER_LICENSE", "S95287576") in {(f.entity, f.value) for f in reports[0].findings}
    assert classify_reports(policy, reports) == (MGL_93H,)


def test_chaperones_listed_with_their_childs_homeroom(scanner: Scanner, policy: Policy) -> None:
    """The file speaks of children, but every birth date in it is a grown-up's."""
    data = w.xlsx_bytes(
        {
            "CORI": [
                ["CORI/SORI Chaperone List - Old Sturbridge Village 10/16/24"],
                ["Last", "First", "DOB", "MA License / ID #", "Child (homeroom)", "CORI cleared"],
                ["Ortiz", "Jessica", "08/29/1993", "S00032700", "Kristin Ortiz (7B-218)", "Y"],
                ["Lee", "Kimberly", "05/21/1990", "S65190071", "Ashley Lee (7B-218)", "Y"],
                ["Willis", "Mark", "06/09/1987", "S87080125", "Owen Willis (7B-214)", "Y"],
            ]
        }
    )
    reports = _scan(scanner, data, "CORI_chaperones.xlsx")
    assert classify_reports(policy, reports) == (MGL_93H,)


def test_a_test_records_placeholder_names_are_no_ones(scanner: Scanner, policy: Policy) -> None:
    data = json.dumps(
        {
            "records": [
                {
                    "student_id": "TEST0001",
                    "last": "Testperson",
                    "first": "Alpha",
                    "dob": "01/01/2012",
                },
                {
                    "student_id": "TEST0002",
                    "last": "Testperson",
                    "first": "Bravo",
                    "dob": "01/01/2012",
                },
                {"student_id": "TEST0003", "last": "Test", "first": "Charlie", "dob": "01/01/2012"},
            ]
        }
    ).encode()
    reports = _scan(scanner, data, "transport_integration_TESTDATA.json")
    assert "PERSON" not in _entities(reports)
    real = data.replace(b"Testperson", b"Tessier").replace(b'"Test"', b'"Tesfaye"')
    assert "PERSON" in _entities(_scan(scanner, real, "transport_integration.json"))


def test_a_person_payees_account_on_a_vendor_form(scanner: Scanner, policy: Policy) -> None:
    """A contracted therapist paid as a vendor is a person: the account is hers. A
    company's form, with its "LLC", keeps its account no one's."""
    table = [
        ["Payee name", "Priya Raman"],
        ["Service", "Speech-language therapy (contract 25-SS-009)"],
        ["Vendor #", "015102"],
        ["Financial institution", "Eastern Bank"],
        ["Routing number", "011301798"],
        ["Account number", "324659839058"],
        ["Account type", "[X] Checking  [ ] Savings"],
    ]
    data = w.docx_bytes(["Direct Deposit Authorization (Contracted Provider)"], [table])
    reports = _scan(scanner, data, "Direct_Deposit_Raman.docx")
    assert ("US_BANK_NUMBER", "324659839058") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)
    company = [["Payee name", "BrightPath Therapy LLC"], *table[1:]]
    data = w.docx_bytes(["Direct Deposit Authorization (Contracted Provider)"], [company])
    assert MGL_93H not in classify_reports(policy, _scan(scanner, data, "BrightPath.docx"))


def test_a_registration_logs_id_column_of_licence_numbers(scanner: Scanner, policy: Policy) -> None:
    """A bare "ID #" beside a student's name is the student's number, unless its
    numbers are the RMV's ("S" and eight digits): the parent's proof of identity."""
    rows = [
        ["Enroll Dt", "Student", "DOB", "Parent/Guardian", "Proof of ID", "ID #"],
        ["11/24/2024", "Randy Stevens", "12/18/2018", "Steven Stevens", "MA ID Card", "S56510320"],
        ["11/25/2024", "Bradley Brown", "11/21/2019", "Donna Brown", "MA License", "S12271087"],
        ["11/26/2024", "Robert Curry", "12/11/2015", "Dorothy Curry", "MA License", "S64684645"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Log": rows}), "Residency_Log.xlsx")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert ("US_DRIVER_LICENSE", "S56510320") in found
    assert MGL_93H in classify_reports(policy, reports)
    # the RMV's other shape ("SA" and seven digits), and a passport's "on file"
    other = [
        *([*row[:5], n] for row, n in zip(rows, ["ID #", "SA1768723", "on file"], strict=False)),
        ["11/27/2024", "Ana Ruiz", "01/05/2016", "Luis Ruiz", "MA License", "S64684645"],
        ["11/28/2024", "Ben Cole", "02/07/2017", "Rita Cole", "MA ID Card", "S31870214"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Log": other}), "Residency_Log_2.xlsx")
    assert ("US_DRIVER_LICENSE", "SA1768723") in {(f.entity, f.value) for f in reports[0].findings}
    ids = ["ID #", "263067", "270115", "289007"]
    numbers = [[*row[:5], n] for row, n in zip(rows, ids, strict=True)]
    reports = _scan(scanner, w.xlsx_bytes({"Log": numbers}), "Enrollment_Log.xlsx")
    assert ("STUDENT_ID", "263067") in {(f.entity, f.value) for f in reports[0].findings}


def test_a_named_childs_epipen(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Dear Jeffrey,\n\nDuring my monthly check I noticed that Jared's EpiPen Jr. (0.15 mg) "
        "in the health office expires 11/2024.\n\nThank you,\nTamsin Oyelaran, RN\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "epipen.txt"))
    policy_text = (
        "Dear families,\n\nThe school's allergy policy is attached. Ask the district's "
        "nurse about the building's EpiPen stock.\n\nThank you,\nTamsin Oyelaran, RN\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, policy_text.encode(), "p.txt"))


def test_a_lunch_number_in_a_ticket(scanner: Scanner, policy: Policy) -> None:
    text = "Info they gave me:\n\n  Student: Tina Flynn, gr 4, lunch # 246735\n"
    found = {(f.entity, f.value) for f in scanner.scan_text(text, every_name=False)}
    assert ("STUDENT_ID", "246735") in found


def test_a_printed_list_whose_birth_dates_precede_other_dates(
    scanner: Scanner, policy: Policy
) -> None:
    """ "Student DOB HR Missing Letter Sent": each row's first date is the birth date;
    the letter's date after it does not make the header a list of no birth dates."""
    page = [
        "Kindergarten Immunization Exclusion List",
        "Student DOB HR Missing Letter Sent",
        "Cisneros, Ana 11/11/2019 120 MMR #2 11/08/24",
        "Collins, Kendra 05/23/2020 118 MMR #2, Varicella #2 11/08/24",
        "Webb, Renee 10/28/2019 110 Polio #4 10/30/24",
    ]
    reports = _scan(scanner, w.pdf_bytes([page]), "K_Exclusion_List.pdf")
    births = _sorted_values(reports, "DATE_OF_BIRTH")
    assert births == ["05/23/2020", "10/28/2019", "11/11/2019"]
    assert FERPA in classify_reports(policy, reports)


def test_an_lms_exports_camel_case_grade_column(scanner: Scanner, policy: Policy) -> None:
    """Google Classroom's "assignedGrade" is a grade column, as "Assigned Grade" is."""
    submissions = [
        {
            "courseWorkId": str(699832959361 + n),
            "student": {"name": {"fullName": name}, "emailAddress": f"{name.split()[0]}@s.org"},
            "state": "RETURNED",
            "assignedGrade": grade,
        }
        for n, (name, grade) in enumerate(
            [("Karen Mitchell", 65), ("Omar Haddad", 88), ("Ana Ruiz", 92)]
        )
    ]
    data = json.dumps({"course": {"name": "ELA 7"}, "studentSubmissions": submissions}).encode()
    assert FERPA in classify_reports(policy, _scan(scanner, data, "gclassroom_export.json"))


def test_a_legacy_masters_run_together_headers(scanner: Scanner, policy: Policy) -> None:
    """An old system writes "STUDNO" and "BIRTHDT" for student number and birth date."""
    data = (
        b"STUDNO|LNAME|FNAME|MI|BIRTHDT|GR|HR\n"
        b"233600|WILLIAMS|CALVIN|K|20070527|12|B203\n"
        b"281634|JENSEN|TINA|D|20080513|11|A112\n"
        b"216550|TAYLOR|RENEE|R|20080315|11|B203\n"
    )
    reports = _scan(scanner, data, "STUDENT_MASTER.DAT")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("STUDENT_ID", "233600"), ("DATE_OF_BIRTH", "20070527")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_element_codes_spelled_out_by_their_own_words(scanner: Scanner, policy: Policy) -> None:
    """ "DOE002_FIRST": a code with its words names a column by the words (a district's
    numbering may differ from the handbook's: here DOE001 is both the LEA and the SASID)."""
    data = (
        b"DOE001_LEA,DOE001_SASID,DOE002_FIRST,DOE004_LAST,DOE006_DOB,DOE016_GRADE\n"
        b"00125000,1097441590,Joseph,Hall,08/02/2016,04\n"
        b"00125000,1062471910,Thomas,Phillips,06/05/2013,07\n"
        b"00125000,1055318207,Chad,Mendez,11/19/2014,05\n"
    )
    reports = _scan(scanner, data, "SIMS_FS_subset.csv")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("STUDENT_ID", "1097441590", "row 2, column DOE001_SASID") in found
    assert ("PERSON", "Joseph Hall", "row 2, columns DOE002_FIRST, DOE004_LAST") in found
    assert FERPA in classify_reports(policy, reports)


def test_a_w2s_box_e_name_under_its_label(scanner: Scanner, policy: Policy) -> None:
    """A W-2 PDF prints box e's name on the line under its label, in capitals."""
    page = [
        "Form W-2 Wage and Tax Statement 2024",
        "a Employee's social security number   643-12-4171",
        "c Employer: NGUYEN-PETERSON",
        "e Employee's first name and initial  Last name",
        "   JEFFREY                     GARDNER",
        "f 115 BROOKLINE ST, ASHBY FALLS MA 01433",
    ]
    reports = _scan(scanner, w.pdf_bytes([page]), "W2_2024.pdf")
    assert ("PERSON", "JEFFREY GARDNER") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)


def test_conference_notes_of_marks_by_subject(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Team 7B Parent Conferences - November 20-21 - notes (JM)\n"
        "Brenda Atkinson - mom attended\n"
        "ELA B, Math B, Sci B. Discussed organization - will use planner check daily.\n"
        "Dustin Sanchez - grandmother attended\n"
        "ELA B, Math B-, Sci A-. Missing work; agreed to Tuesday homework club.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "conferences.txt"))
    catalog = (
        "Course catalog - mathematics sequence\n"
        "Students choose Math A or Math B in grade 9, then Math C.\n"
        "Contact: Brenda Atkinson, department head\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, catalog.encode(), "catalog.txt"))


def test_a_sandbox_of_test_students_is_no_ones_record(scanner: Scanner, policy: Policy) -> None:
    """A test record's row ("TESTSTUDENT, ALPHA01") holds no one's SASID or birth date."""
    data = (
        b"# TRAINING SANDBOX ONLY - all records are test fixtures\n"
        b"StdID,SASID,Last,First,DOB,Grade\n"
        b"T000001,9999999001,TESTSTUDENT,ALPHA01,01/01/2010,9\n"
        b"T000002,9999999002,TESTSTUDENT,BRAVO02,01/01/2011,8\n"
        b"T000003,9999999003,Sample,Charlie,01/01/2012,7\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, data, "SIS_sandbox.csv"))
    real = data.replace(b"TESTSTUDENT", b"TESSIER").replace(b"Sample", b"Samuels")
    assert FERPA in classify_reports(policy, _scan(scanner, real, "SIS_extract.csv"))


def test_a_credit_checks_title_line(scanner: Scanner, policy: Policy) -> None:
    text = (
        "CREDIT CHECK  -  FERREIRA, ERICA   #1271265   YOG 2027\n\n"
        "Req'd 115.0   Earned 92.5   In progress 30.0\n"
        "MATH      10.0/15  - failed MTH231 Alg II (F, 2025-26) -> credit recovery\n"
        "MCAS: ELA 503 (met), Math 478 (NOT MET - EPP on file)\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "credit_check.txt"))


def test_a_1099_lists_headers(scanner: Scanner, policy: Policy) -> None:
    """ "NAME_1099" names a column: the form's number is a word in its headers."""
    data = (
        b"VENDOR,NAME_1099,TIN_TYPE,TIN,BOX1_AMT,FORM\n"
        b"V8389,KAISER PATRICIA,SSN,881829194,15904.64,NEC\n"
        b"V8271,Ramsey Therapy Services LLC,EIN,90-5774745,6616.34,NEC\n"
        b"V8359,TURNER KAREN,SSN,206653007,17925.71,NEC\n"
        b"V8157,MCKNIGHT KAITLIN,SSN,682-58-6772,21827.71,NEC\n"
    )
    reports = _scan(scanner, data, "1099_NEC_vendor_list.csv")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("US_SSN", "881829194", "row 2, column TIN") in found
    assert MGL_93H in classify_reports(policy, reports)


def test_the_banks_own_name_says_nothing_of_whose_account(scanner: Scanner, policy: Policy) -> None:
    """A settlement wires money to the parent's account at "Rockland Trust Company":
    the bank is a company, the account is the parent's."""
    text = (
        "1. Payment. The District shall pay the sum of $22,500.00 by wire transfer to the "
        "following account of Parent:\n"
        "   Account holder: Pamela Estes\n"
        "   Bank: Rockland Trust Company\n"
        "   ABA routing: 014709216\n"
        "   Account number: 65578976336\n"
    )
    reports = _scan(scanner, text.encode(), "Settlement.txt")
    assert ("US_BANK_NUMBER", "65578976336") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)
    vendor = text.replace("Account holder: Pamela Estes", "Vendor: Estes Tutoring Company")
    assert MGL_93H not in classify_reports(policy, _scan(scanner, vendor.encode(), "v.txt"))


def test_a_table_typed_with_bars_in_a_mail(scanner: Scanner, policy: Policy) -> None:
    """ "PIN | Student | School": a mail's table is read by its header, as a sheet is;
    a student's bare PIN is the lunch number."""
    text = (
        "Greg,\n\nNegative balance report from Mosaic.\n\n"
        "PIN    | Student          | School | Balance | Notes\n"
        "555280 | Dunn, Robert     | HHS    | -$10.13 | a la carte only\n"
        "524890 | Benson, Dennis   | EMS    | -$26.94 |\n"
        "388870 | Rasmussen, David | HHS    | -$36.75 | letter sent 2/15\n"
    )
    mail = w.eml_bytes(
        sender="darruda@district.example.org",
        to="gnwosu@district.example.org",
        subject="Negative balances",
        body=text,
    )
    reports = _scan(scanner, mail, "balances.eml")
    found = {(f.entity, f.value, f.location) for f in reports[0].findings}
    assert ("STUDENT_ID", "555280", "body, table at line 5, row 2, column PIN") in found
    assert FERPA in classify_reports(policy, reports)
    markdown = (
        "| Student | Gr | Referral reason |\n|---|---|---|\n"
        "| Joseph Kennedy | 5 | generalized anxiety (per outside therapist) |\n"
        "| Catherine Brown | 5 | school refusal, panic attacks |\n"
    )
    reports = _scan(scanner, markdown.encode(), "group.md")
    assert ("PERSON", "Joseph Kennedy") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "line",
    [
        "Order #: S0784412   Customer Acct: 1004452871   PO #: 24-3920",
        "Funding from IDEA 240 (grant line 240-25-5580). Quote ref per the PDF.",
    ],
)
def test_vendor_mail_numbers_are_no_ones(scanner: Scanner, policy: Policy, line: str) -> None:
    text = f"From the order desk to Linda Petrakis:\n\n{line}\n\nThanks,\nLinda Petrakis\n"
    entities = {f.entity for f in scanner.scan_text(text, every_name=False)}
    assert not entities & {"US_BANK_NUMBER", "US_SSN"}


def test_a_test_files_filler_accounts(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"EMP,LAST,FIRST,ROUTING,ACCOUNT\n"
        b"990001,Okafor,Janet,011000015,9999999991\n"
        b"990002,Ruiz,Ana,011000015,9999999992\n"
        b"990003,Cole,Ben,011000015,0000000003\n"
    )
    reports = _scan(scanner, data, "UAT_employees.csv")
    assert "US_BANK_NUMBER" not in _entities(reports)
    # a real account may repeat a digit more than most ("11139111" in a payroll register)
    real = data.replace(b"9999999991", b"11139111").replace(b"9999999992", b"486962342101")
    found = {f.value for f in _scan(scanner, real, "employees.csv")[0].findings}
    assert {"11139111", "486962342101"} <= found


def test_a_record_named_for_children_types_its_bare_id(scanner: Scanner, policy: Policy) -> None:
    """An after-school program's export: <Child id=... last=... first=...>."""
    children = "".join(
        f'<Child id="{n}" last="{last}" first="{first}" grade="2"><Day date="2024-10-21"/></Child>'
        for n, last, first in [
            (2443699, "Jones", "Eric"),
            (2385218, "Mitchell", "Tonya"),
            (2367756, "Clements", "Stephen"),
        ]
    )
    data = f'<?xml version="1.0"?><AttendanceExport program="WKC">{children}</AttendanceExport>'
    reports = _scan(scanner, data.encode(), "asp_attendance.xml")
    assert ("STUDENT_ID", "2443699") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)
    staff = data.replace("Child", "Staff")
    assert "STUDENT_ID" not in _entities(_scan(scanner, staff.encode(), "staff.xml"))


def test_a_camps_medication_record(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Camp Wildcat Week 3 - Medication Administration Record\n"
        b"Date,Camper,Medication/Dose,Time Given,Initials\n"
        b"7/14,Tracy Wang,Lactaid w/ lunch,9:15,JM\n"
        b"7/14,John Garcia,Zyrtec 5mg,9:15,JM\n"
        b"7/15,Alexis Hernandez,Albuterol 2 puffs PRN,13:40,RN-KF\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "camp_medication_log.csv"))


def test_a_student_activity_agency_account_is_the_schools(scanner: Scanner, policy: Policy) -> None:
    rows = [
        ["ARHS Student Activity Agency Account - Class of 2027 sub-ledger"],
        [
            "Bank: Avidia Bank   Account: ARHS STUDENT ACTIVITY AGENCY ACCT  #4713975329   "
            "Authorized signers: Dr. H. Marsh (Principal), K. Whitcomb (Treasurer)"
        ],
        ["Date", "Description", "Deposit", "Withdrawal", "Balance"],
        ["10/13/2026", "Senior dues deposit", "2150", "", "20572.17"],
        ["10/11/2026", "Prom deposit - Seaport Hotel", "", "5000", "15572.17"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Reconciliation": rows}), "activity_recon.xlsx")
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_911_column_leaves_the_header_a_header(scanner: Scanner, policy: Policy) -> None:
    """A stock-epinephrine report heads a column "911" (was it called?): a number, yet
    a column's name, not a value."""
    data = (
        b"date,time,student_name,dob,location,symptoms,epi_dose,911,transported,rn\n"
        b"2024-06-22,11:23,Noah Wang,2010-03-26,field trip,hives,0.3 mg,Y,Y,AL\n"
        b"2024-11-12,9:24,Robert Fisher,2011-04-07,Rm 118,throat tightness,0.15 mg,Y,Y,JP\n"
        b"2024-05-28,9:20,Madison Garner,2012-06-03,cafeteria,vomiting,0.3 mg,Y,Y,JP\n"
    )
    reports = _scan(scanner, data, "stock_epinephrine_use_report.csv")
    people = {
        f.location.rsplit("column ", 1)[-1] for f in reports[0].findings if f.entity == "PERSON"
    }
    assert people == {"student_name"}
    assert FERPA in classify_reports(policy, reports)


def test_an_evacuation_sheets_special_considerations(scanner: Scanner, policy: Policy) -> None:
    header = b"Rm 204 - Evacuation Accountability - fire drill,,,\nStudent,Present,At rally pt,"
    rows = (
        b'"Williams, Michael",ABS,Y,{0}\n"Howard, Donna",Y,Y,\n'
        b'"Garcia, Joseph",Y,Y,{1}\n"Webb, Justin",Y,Y,\n"Rowe, Daniel",Y,Y,{2}\n'
    )
    notes = rows.replace(b"{0}", b"hearing impaired - visual alert").replace(
        b"{1}", b"Type 1 diabetic - bring glucose kit"
    )
    notes = notes.replace(b"{2}", b"uses elevator w/ para")
    data = header + b"Special considerations\n" + notes
    assert FERPA in classify_reports(policy, _scan(scanner, data, "evac_rm204.csv"))
    plain = (
        header
        + b"Special considerations\n"
        + rows.replace(b"{0}", b"").replace(b"{1}", b"line leader").replace(b"{2}", b"")
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, plain, "evac_rm205.csv"))


def test_a_dismissal_log_of_children_sent_home_by_the_nurse(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"Date,Time Out,Student,Gr,Signed out by,Relationship,Reason,Returned?\n"
        b"01/02/2025,10:06,Andrew Johnson,3,Chelsea Johnson,Father,orthodontist,Y\n"
        b"01/21/2025,10:58,Melanie Lawson,3,Christina Lawson,Aunt,sent home by nurse - fever,N\n"
        b"01/01/2025,10:30,Reginald Morris,1,Jessica Morris,Grandparent,head lice,N\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "early_dismissal_signout.csv"))


def test_an_athletic_trainers_head_injury_log(scanner: Scanner, policy: Policy) -> None:
    rows = [
        ["105 CMR 201.000 Head Injury Reporting - Athletic Trainer"],
        ["Athlete", "Sport", "Date of Injury", "Mechanism", "Symptoms", "Physician Clearance"],
        ["Carpenter, Cheryl", "Hockey", "02/19/2025", "ball to head", "memory issues", "pending"],
        ["Thomas, Michael", "Football", "12/11/2024", "fall", "nausea", "Dr. Lee 01/09"],
        ["Hart, Brian", "Lacrosse B", "10/18/2024", "fall", "light sensitivity", "pending"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Concussions": rows}), "rtp_log.xlsx")
    assert FERPA in classify_reports(policy, reports)


def test_one_adults_birth_date_is_no_students(scanner: Scanner, policy: Policy) -> None:
    """An educator's evaluation speaks of students throughout; its one birth date is
    the teacher's, born 1984."""
    text = (
        "Educator Evaluation - Summative Report\n"
        "Educator: Douglas Guzman    Employee #: E13357    DOB: 03/10/1984\n"
        "School: Harborview High School    Position: Mathematics Teacher\n"
        "Standard II: Teaching All Students - Proficient\n"
        "Overall Rating: Proficient   Impact on Student Learning: Moderate\n"
        "Evaluator: Janet Corriveau, Principal   Date: 5/30/2025\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), "eval.txt"))
    child = text.replace("03/10/1984", "03/10/2012").replace("Educator:", "Student:")
    assert FERPA in classify_reports(policy, _scan(scanner, child.encode(), "eval2.txt"))


def test_a_nurse_logs_student_key(scanner: Scanner, policy: Policy) -> None:
    text = "".join(
        f'2025-10-06 0{hour}:22:00 [BART-HEALTH] INFO visit student="{name}" id={number} '
        f'gr=3 complaint="{complaint}" disp=home-parent pickup rn=jmcginn\n'
        for hour, name, number, complaint in (
            (8, "Knapp, Heather", 241131, "itchy eyes"),
            (8, "Deleon, Emma", 252877, "asthma"),
            (9, "Ramos, Kristin", 241474, "insulin due"),
        )
    )
    reports = _scan(scanner, text.encode(), "nurse_office_visits.log")
    assert FERPA in classify_reports(policy, reports)
    people = {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert {"Knapp, Heather", "Deleon, Emma", "Ramos, Kristin"} <= people
    # the time stamps beside "home-parent pickup" are no one's phone
    assert "PHONE_NUMBER" not in _entities(reports)


def test_a_budget_books_account_detail(scanner: Scanner, policy: Policy) -> None:
    text = (
        "FY2026 Superintendent's Recommended Budget\n"
        "Account Detail - Instruction (Function 2000)\n"
        "0130527878036504 2305 Classroom Teachers obj 511000 FY25 $ 2,460,000\n"
        "0130359218105286 2305 Classroom Teachers obj 513000 FY25 $ 1,972,000\n"
    )
    reports = _scan(scanner, text.encode(), "budget.txt")
    assert "US_BANK_NUMBER" not in _entities(reports)


def test_a_parent_naming_her_own_child(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Dear Members of the School Committee,\n\nMy son Tiffany Sims is in second grade at "
        "Cushing and has a severe peanut allergy with an EpiPen prescription. He was sent "
        "to the nurse with hives.\n\nRespectfully,\nDennis Sims\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "comment.txt"))
    about_policy = (
        "Dear Members of the School Committee,\n\nMy son will start kindergarten next year. "
        "Does the wellness policy cover peanut allergy and EpiPen storage?\n\n"
        "Respectfully,\nDennis Sims\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, about_policy.encode(), "q.txt"))


def test_a_student_named_with_grade_after_the_schools_initials(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "EXECUTIVE SESSION MINUTES - Oct 21, 2025 (NOT FOR RELEASE)\n"
        "Purpose 1/7: Student matter.\n"
        "Discussion of home/hospital tutoring request for Kenneth Atkins (HHS, Gr 11, "
        "#209847), hospitalized for eating disorder treatment since 10/3.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "es.txt"))


_VENDOR_HEADER = "VENDOR_NO,VENDOR_NAME,TIN_TYPE,TIN,CITY,EFT_ROUTING,VEND_CLASS\n"
_COMPANY_VENDORS = (
    "001355,MEADOWBROOK ACADEMY,E,903480428,Sudbury,011524054,SPED-TUIT\n"
    "003891,ASHGROVE THERAPEUTIC DAY SCHOOL,E,805265951,Millbrook,211962571,SPED-TUIT\n"
    "007639,TRI-RIVER EDUCATIONAL COLLABORATIVE,E,172916063,Westvale,011716561,SPED-TUIT\n"
)


def test_a_vendor_masters_sole_proprietors(scanner: Scanner, policy: Policy) -> None:
    """A vendor file lists companies and, among them, therapists paid under their SSN."""
    people = (
        '009120,"TRAN, JONATHAN",S,212583391,Lowell,211512015,SPED-SVC\n'
        '009121,"GRAHAM, SHARON",S,078051120,Dracut,211645461,SPED-SVC\n'
    )
    data = (_VENDOR_HEADER + _COMPANY_VENDORS + people).encode()
    reports = _scan(scanner, data, "vendor_master.csv")
    names = {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert names == {"TRAN, JONATHAN", "GRAHAM, SHARON"}
    assert MGL_93H in classify_reports(policy, reports)
    companies = (_VENDOR_HEADER + _COMPANY_VENDORS).encode()
    assert MGL_93H not in classify_reports(policy, _scan(scanner, companies, "vendors.csv"))


def test_an_ach_form_names_its_payee_at_its_head(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Vendor Electronic Funds Transfer (ACH) Authorization\n"
        "Vendor name: Shelby Andrade\n"
        "Vendor #: 011872 (home tutoring - OOD/hospital)\n"
        "Remit address: 6508 Turner Isle, Halden, MA 01747\n"
        "Email for remittance advice: shelby.andrade@example.com\n"
        "Financial Institution: Rockland Trust\n"
        "ABA Routing Number: 221720004\n"
        "Account Number: 4092465955\n"
        "Account type: [X] Checking [ ] Savings\n"
    )
    assert MGL_93H in classify_reports(policy, _scan(scanner, text.encode(), "ach.txt"))
    company = text.replace("Shelby Andrade", "Crestline Academy")
    assert MGL_93H not in classify_reports(policy, _scan(scanner, company.encode(), "ach2.txt"))


def test_a_state_uploads_header_record_above_its_sasids(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"H|0121|HALDEN|FY2024|CIRCUIT BREAKER|20240731\n"
        b"D|1090238429|CRANE|CHRISTOPHER|20160105|30|265398.89|21614.68\n"
        b"D|1093436010|CRUZ|TAYLOR|20140220|30|201015.58|18737.64\n"
        b"D|1055730776|WILLIAMS|KAREN|20110824|20|169300.28|26938.52\n"
        b"D|1091358009|YATES|FREDERICK|20080305|20|102531.32|33486.34\n"
    )
    reports = _scan(scanner, data, "CB_FY24_upload.txt")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert {"1090238429", "1093436010", "1055730776", "1091358009"} <= ids
    assert FERPA in classify_reports(policy, reports)


def test_a_headerless_fixed_width_report_of_sasids_and_names(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"234218  1021236065 MILLS               MADISON        2008101010 ATDS  INT N\n"
        b"260338  1081677989 COOK                JENNIFER       2008010811 SBS   COM Y\n"
        b"283011    1233724971MORGAN              W MITCHELL    12/13/2018MARLOW FALLS\n"
        b"251492  1010515680 MATHEWS             TERRI          20120221 7 PRS   ASD Y\n"
    )
    reports = _scan(scanner, data, "ood_students.dat")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("STUDENT_ID", "1233724971"), ("PERSON", "MORGAN W MITCHELL")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_invoice_numbers_in_sequence_beside_names_are_no_sasids(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"1004522101 MILLS               MADISON        250.00 PAID\n"
        b"1004522102 COOK                JENNIFER       125.00 PAID\n"
        b"1004522103 MATHEWS             TERRI          310.00 OPEN\n"
        b"1004522104 MORGAN              MITCHELL        80.00 PAID\n"
    )
    reports = _scan(scanner, data, "ar_open_items.txt")
    assert "STUDENT_ID" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_retirement_uploads_ssns_run_into_the_names(scanner: Scanner, policy: Policy) -> None:
    """An MTRS monthly file: a record type, an undashed SSN and the surname in one run."""
    data = (
        b"H0883MVRVTSD          202510MTRS MONTHLY CONTRIBUTION\n"
        b"D261441997MORGAN              STEPHANIE   19730906    717575    78933\n"
        b"D114361146EDWARDS             DIANE       19930513    393325    43265\n"
        b"D452781903ROGERS              MICHAEL     19810214    512775    56405\n"
    )
    reports = _scan(scanner, data, "MTRS_0883_202510.dat")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_SSN", "261441997"), ("PERSON", "MORGAN STEPHANIE")} <= found
    assert MGL_93H in classify_reports(policy, reports)
    # nine digits that no SSN can be (a 9xx area) are some other number
    other = data.replace(b"D2614", b"D9614").replace(b"D1143", b"D9143")
    assert MGL_93H not in classify_reports(policy, _scan(scanner, other, "MTRS_other.dat"))


def test_a_ledger_line_after_a_merchant_is_no_phone(scanner: Scanner) -> None:
    text = "20-OCT HOME DEPOT #2617 108.18 01-2410-5420-000-93\nCall home: 1-617-555-0142\n"
    found = scanner.scan_text(text, every_name=False)
    phones = {f.value for f in found if f.entity == "PHONE_NUMBER"}
    assert phones == {"1-617-555-0142"}


def test_a_class_sheet_named_for_its_grade_types_its_bare_id(
    scanner: Scanner, policy: Policy
) -> None:
    rows = [
        ["Welding/Metal Fab - Safety Test Results S1 2025-26"],
        ["Last", "First", "ID#", "Gen Safety", "Oxy-Fuel", "Overall", "Cleared to operate?"],
        ["Harvey", "James", "2621682", 100, 90, 96, "N - retest"],
        ["James", "Robert", "2617046", 85, 85, 93, "N - retest"],
        ["Mendez", "Ana", "2618835", 100, 100, 100, "Y"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Sect 2 Gr10": rows}), "safety_scores.xlsx")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"2621682", "2617046", "2618835"}
    assert FERPA in classify_reports(policy, reports)
    staff = _scan(scanner, w.xlsx_bytes({"Sect 2 Staff": rows}), "staff_scores.xlsx")
    assert "STUDENT_ID" not in _entities(staff)


def test_a_mark_given_as_a_forms_field(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Employer Evaluation of Co-op Student - Quarter 1\n"
        "Davis, Susan  (ID 2612889)\nEmployer: Granite State Electric LLC\n"
        "Co-op grade for Q1: A\nSupervisor comments: Needs to put phone away on the floor.\n"
        "Turner, Paul  (ID 2606624)\nEmployer: Salon Verve\n"
        "Co-op grade for Q1: A-\nSupervisor comments: Had one no-call/no-show 10/17.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "evals.txt"))
    # the mark makes the record: with the fields blank and no student's number beside his
    # name (a number alone would make one), the form is no one's yet
    blank = text.replace("Q1: A-", "Q1: ____").replace("Q1: A", "Q1: ____")
    blank = blank.replace("  (ID 2612889)", "").replace("  (ID 2606624)", "")
    assert FERPA not in classify_reports(policy, _scan(scanner, blank.encode(), "blank.txt"))


def test_a_report_cards_marks_by_subject(scanner: Scanner, policy: Policy) -> None:
    """A standards-based report card names no "grade" field: its marks follow subjects."""
    lines = [
        "Summer Learning Academy 2025",
        "Alexis Page - Summer Learning Academy Report",
        "Grade entering: 6   School: Brookside Elementary",
        "Math: Exceeds   ELA: Approaching   Attendance: 16/20 days",
        "Michael Kirk - Summer Learning Academy Report",
        "Grade entering: 6   School: Brookside Elementary",
        "Math: Approaching   ELA: Meets   Attendance: 15/20 days",
    ]
    reports = _scan(scanner, w.docx_bytes(lines), "report_cards.docx")
    assert FERPA in classify_reports(policy, reports)
    # a newsletter's aggregate results say the same words, and go on past them
    results = [
        "Summer Learning Academy 2025 - results",
        "Math: Meets expectations 45%   ELA: Approaching expectations 30%",
        "Thank you to our teachers, Alexis Page and Michael Kirk.",
    ]
    reports = _scan(scanner, w.docx_bytes(results), "results.docx")
    assert FERPA not in classify_reports(policy, reports)


def test_a_students_id_after_the_grade_in_brackets(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Flagging a camper for a fall check-in at HMS. Madison Marquez (rising gr 7, ID"
        " H0944602) disclosed to a counselor that things are hard at home.\n"
        "Jones, Marcus (HHS, gr 10, #262946) was also referred.\n"
    )
    reports = _scan(scanner, text.encode(), "referral.txt")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"H0944602", "262946"}
    assert FERPA in classify_reports(policy, reports)
    rooms = text.replace("ID H0944602", "room 214").replace("#262946", "bus 12")
    reports = _scan(scanner, rooms.encode(), "r.txt")
    assert "STUDENT_ID" not in _entities(reports)


def test_an_lms_gradebook_by_category(scanner: Scanner, policy: Policy) -> None:
    """A gradebook export says "Quizzes (20%)" and "Letter", never "grade"."""
    rows: list[list[object]] = [
        ["Biology (SCI2200) Sec 03 - Halvorsen - Gradebook Export"],
        ["Unique User ID", "Last Name", "First Name", "Quizzes (20%)", "Tests (40%)", "Letter"],
        ["347735", "Fernandez", "Robert", 64, 86, "B"],
        ["341879", "Mccoy", "Gregory", 90, 63, "C"],
        ["300280", "Ray", "Emily", 70, 97, "B"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Grades": rows}), "gradebook.xlsx")
    assert FERPA in classify_reports(policy, reports)
    signups = [
        rows[0],
        *(row[:3] + (["Room", "Period"] if i == 0 else [214, 3]) for i, row in enumerate(rows[1:])),
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Grades": signups}), "signups.xlsx")
    assert FERPA not in classify_reports(policy, reports)


def test_an_english_learners_screener_scores_in_a_mail_merge(
    scanner: Scanner, policy: Policy
) -> None:
    header = "StudentFirst,StudentLast,Grade,School,ParentName,Street,City,Zip"
    rows = [
        "Kevin,Guzm\u00e1n,11,Merrimack Falls High School,Marisol Guzm\u00e1n,42 Jackson Rd,"
        "Merrimack Falls,01843",
        "Isabela,Alves,6,Tarbox Elementary,Rafael Alves,289 Garden St,Merrimack Falls,01843",
        "Sahra,Ali,10,Merrimack Falls High School,Hamza Ali,423 Hampshire St,Merrimack Falls,01844",
    ]
    scores = [
        "WIDA Screener,3.3,Two-Way Immersion",
        "WIDA Screener,1.7,SEI",
        "WIDA Screener,1.3,SEI",
    ]
    merged = "\n".join(
        [f"{header},ScreenerUsed,ScreenerOverall,ProgramPlacement"]
        + [f"{row},{score}" for row, score in zip(rows, scores, strict=True)]
    )
    reports = _scan(scanner, merged.encode(), "placement_letters.csv")
    assert FERPA in classify_reports(policy, reports)
    # the same families' addresses for a mailing, no scores: directory information
    mailing = "\n".join([header, *rows])
    assert FERPA not in classify_reports(policy, _scan(scanner, mailing.encode(), "m.csv"))


def test_students_numbers_in_brackets_in_discipline_notes(scanner: Scanner, policy: Policy) -> None:
    text = (
        "VIDEO REVIEW NOTES - stairwell altercation\n"
        "14:08:41  Jonathan Andrews (A352697) enters E stairwell, Daniel Simpson (A342101)"
        " follows\n"
        "14:09:20  Michael Clark (A368708) records on phone, does not intervene\n"
        "Decision: Simpson - 5-day OSS. Clark - 1 day ISS. Andrews - no discipline.\n"
    )
    reports = _scan(scanner, text.encode(), "review_notes.txt")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"A352697", "A342101", "A368708"}
    assert FERPA in classify_reports(policy, reports)
    # a staff phone list's extensions in brackets, no discipline told: no one's record
    staff = (
        "Building contacts\nJonathan Andrews (22697) main office\n"
        "Daniel Simpson (22101) custodian\nMichael Clark (22708) nurse's office\n"
    )
    assert "STUDENT_ID" not in _entities(_scan(scanner, staff.encode(), "contacts.txt"))


def test_a_bus_incident_form_names_the_driver_and_the_students(
    scanner: Scanner, policy: Policy
) -> None:
    table = [
        ["Route", "14 (AM)  -  Bus #27"],
        ["Date / Time", "11/06/2024  7:22 AM"],
        ["Driver", "Kayla Willis"],
        ["Driver CDL #", "S88934099  (Class B, P/S endorsements)"],
        ["Students involved", "Tyler Glover (A269777), Gr 7;  Nicholas Baker (A242933), Gr 8"],
    ]
    data = w.docx_bytes(["SCHOOL BUS INCIDENT REPORT"], tables=[table])
    reports = _scan(scanner, data, "bus_incident.docx")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {
        ("US_DRIVER_LICENSE", "S88934099"),
        ("STUDENT_ID", "A269777"),
        ("STUDENT_ID", "A242933"),
    } <= found
    assert {FERPA, MGL_93H} <= set(classify_reports(policy, reports))


@pytest.mark.parametrize(
    ("data", "students"),
    [
        (
            b"user_id,display_name,grade,school,titles_read\n"
            b"2060132,Jacob Hart,6,Birch Hill Middle School,4\n"
            b"2040489,Jody Dennis,8,Birch Hill Middle School,15\n"
            b"2099320,Carrie Ellis,10,Harlow Regional High School,23\n",
            True,
        ),
        (
            b"Patron Name,Patron Barcode,Grade,Homeroom,Title,Due Date\n"
            b'"Nelson, Kelly",2035824,10,104,Brown Girl Dreaming,03/12/2024\n'
            b'"Ortiz, Sam",2041177,9,112,Wonder,03/14/2024\n'
            b'"Park, Dana",2039950,11,204,Holes,03/15/2024\n',
            True,
        ),
        # the same platform's staff accounts: no grade, a department
        (
            b"user_id,display_name,department,school,titles_read\n"
            b"2060132,Jacob Hart,Science,Birch Hill Middle School,4\n"
            b"2040489,Jody Dennis,English,Birch Hill Middle School,15\n"
            b"2099320,Carrie Ellis,Math,Harlow Regional High School,23\n",
            False,
        ),
    ],
)
def test_a_user_id_or_a_patron_barcode_of_people_by_grade_is_a_students(
    scanner: Scanner, policy: Policy, data: bytes, students: bool
) -> None:
    reports = _scan(scanner, data, "export.csv")
    assert ("STUDENT_ID" in _entities(reports)) is students
    assert (FERPA in classify_reports(policy, reports)) is students


def test_a_health_offices_list_of_meds_and_plans(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Student,Grade,Teacher,Condition,Med at school,Plan on file\n"
        b'"Miller, Russell",2,Gregory,ADHD,none,EAP\n'
        b'"Harris, David",1,Williams,Seizures,Diastat,IHP + 504\n'
        b'"Collins, Julie",2,Snow,Asthma,Albuterol,IHP\n'
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "health_alerts.csv"))
    # a class list with its teachers and media center slots is directory information
    media = (
        b"Student,Grade,Teacher,Media center slot\n"
        b'"Miller, Russell",2,Gregory,Mon 9:00\n'
        b'"Harris, David",1,Williams,Tue 9:00\n'
        b'"Collins, Julie",2,Snow,Wed 9:00\n'
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, media, "media.csv"))


def test_a_printed_table_headed_local_id(scanner: Scanner, policy: Policy) -> None:
    """A PDF's table of students by "Local ID" and test scores; a staff list's "Local ID"
    is its employees' numbers."""
    text = (
        "HHS Saturday Academy - Fall 2024\n"
        "Student Local ID Gr Pre-test Post-test Growth Sessions\n"
        "Andrews, Kristin 203171 11 31% 41% +10 6\n"
        "Simmons, Heidi 223857 10 64% 80% +16 5\n"
        "Soto, Pamela 236777 10 50% 45% -5 3\n"
    )
    reports = _scan(scanner, text.encode(), "academy.txt")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"203171", "223857", "236777"}
    assert FERPA in classify_reports(policy, reports)
    staff = text.replace(
        "Student Local ID Gr Pre-test Post-test Growth Sessions",
        "Employee Local ID Step Lane Hire Year Sessions",
    )
    reports = _scan(scanner, staff.encode(), "staff.txt")
    assert "STUDENT_ID" not in _entities(reports)


def test_a_named_childs_condition_in_a_work_order_thread(scanner: Scanner, policy: Policy) -> None:
    text = (
        "From: Tom Malloy <tmalloy@wexburyps.org>\nSubject: RE: Rm 214 AC unit\n\n"
        "Karen - approved. A window unit goes in Thursday (WO-24-1245).\n\n"
        "> James Smith in Mr. Costa's homeroom (Gr 7) has severe asthma with heat-triggered\n"
        "> exacerbations - 3 nebulizer treatments in the health office last week.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "wo.eml"))
    # a newsletter's principal speaking of any student who has asthma names no child's
    news = (
        "Asthma Awareness Month\nJames Smith, our principal, says: every student who has"
        " asthma should keep an inhaler at the health office.\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, news.encode(), "news.txt"))


def test_a_nurses_licensure_sheet_is_no_record(scanner: Scanner, policy: Policy) -> None:
    rows: list[list[object]] = [
        ["Health Services - Licensure / DESE Endorsement / CPR tracking"],
        ["Name", "School", "Work Ext", "RN Lic #", "DESE Lic # (School Nurse)", "NPI"],
        ["Kelly Johnson", "Westbrook High School", "x4158", "RN2213469", "332592", "1538389057"],
        [
            "Cassandra Wolfe",
            "Maple Street Elementary",
            "x4100",
            "RN2111146",
            "487631",
            "1808315164",
        ],
        ["Dana Reyes", "Harbor Middle School", "x4120", "RN2185932", "411820", "1609923471"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Licensure": rows}), "licensure.xlsx")
    assert "US_DRIVER_LICENSE" not in _entities(reports)
    assert not {MGL_93H, FERPA} & set(classify_reports(policy, reports))


def test_a_bus_rfid_readers_card_number_is_no_payment_card(
    scanner: Scanner, policy: Policy
) -> None:
    events = [
        {"unit": "V26", "event": "BOARD", "rfid_card": "1581953779163406", "driver": "Ann Lee"},
        {"unit": "V31", "event": "BOARD", "rfid_card": "1581953779163414", "driver": "Ann Lee"},
    ]
    data = json.dumps({"export": "Zonar GTC", "events": events}).encode()
    reports = _scan(scanner, data, "gps_events.json")
    assert "CREDIT_CARD" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_an_athletic_trainers_referrals_by_injury(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Date\tAthlete\tSport\tInjury\tReferred to\tStatus\n"
        b"2024-10-12\tVictor Porter\tGolf\tHeat illness\tER - Milford Regional\tLimited\n"
        b"2024-09-27\tWilliam Torres\tCheerleading\tL ankle sprain gr II\tPCP\tOut\n"
        b"2024-09-04\tMary Mayer\tGolf\tShoulder subluxation\tPCP\tOut\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "referrals.tsv"))
    # a workers' compensation log of staff injuries is an employee's file
    staff = (
        data.replace(b"Athlete\tSport", b"Employee\tPosition")
        .replace(b"Golf", b"Custodian")
        .replace(b"Cheerleading", b"Bus driver")
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, staff, "wc_log.tsv"))


def test_a_library_patron_import_says_its_rows_are_students(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"Barcode,Last,First,Grade,Homeroom,Patron Type,Site\n"
        b"200291,Nguyen,Jessica,7,310,Student,PHMS\n"
        b"201678,Bennett,Denise,8,112,Student,PHMS\n"
        b"232041,Thomas,Joshua,8,112,Student,PHMS\n"
    )
    reports = _scan(scanner, data, "patrons.csv")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"200291", "201678", "232041"}
    assert FERPA in classify_reports(policy, reports)


def test_a_device_inventorys_usernames_in_the_students_mail_domain(
    scanner: Scanner, policy: Policy
) -> None:
    header = b"Device Name,Serial Number,Username,Full Name,Email,Building\n"
    rows = (
        b"WES-iPad-0087,DMP70926251,200127,Jacob Walters,jwalters35@students.example.org,WES\n"
        b"WES-iPad-0216,DMP43037508,208577,Jordan Dawson,jdawson35@students.example.org,WES\n"
        b"WES-iPad-0179,DMP13906611,224311,Mark Gould,mgould36@students.example.org,WES\n"
    )
    reports = _scan(scanner, header + rows, "ipad_inventory.csv")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"200127", "208577", "224311"}
    staff = _scan(scanner, header + rows.replace(b"@students.", b"@"), "staff_ipads.csv")
    assert "STUDENT_ID" not in _entities(staff)


def test_a_name_column_holding_each_students_number(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Repair#,Date,Student (ID),Bldg,Issue,Fee,Status\n"
        b'R2-001,12/22/2024,"GLENN, AMBER (242255)",WES,keyboard,$25,closed\n'
        b'R2-002,11/12/2024,"MARTINEZ, CHRIS (224387)",WES,keyboard,$0,closed\n'
        b'R2-003,10/26/2024,"BROOKS, MALIK (232019)",LSE,screen,$25,waiting parts\n'
    )
    reports = _scan(scanner, data, "repair_log.csv")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "GLENN, AMBER"), ("STUDENT_ID", "242255")} <= found
    assert FERPA in classify_reports(policy, reports)
    # ... and with the grade after the number, as an attendance clerk's phone log has it
    calls = (
        b"caller/called | student | notes\n"
        b"10/28 1:15p | Ashley Green (242083) gr12 | mom says sick w/ strep, note coming\n"
        b"10/28 8:10a | Frederick Casey (202210) gr11 | no answer, VM full\n"
        b"10/29 8:10a | Joshua Wyatt (224695) gr9 | dad called back, 7 class cuts\n"
    )
    reports = _scan(scanner, calls, "phone_log.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "Ashley Green"), ("STUDENT_ID", "242083")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_a_vendors_sandbox_of_demo_students(scanner: Scanner, policy: Policy) -> None:
    records = [
        {
            "data": {
                "name": {"first": f"Student{n}", "last": "Demo"},
                "state_id": f"DEMO00000{n}",
                "dob": "1/1/2010",
                "grade": "6",
            }
        }
        for n in range(1, 5)
    ]
    data = json.dumps({"data": records}).encode()
    reports = _scan(scanner, data, "clever_demo_students.json")
    assert FERPA not in classify_reports(policy, reports)


def test_a_count_of_counselors_caseloads_is_about_no_student(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "CASELOAD COUNTS - Hawthorne Middle School\n\n"
        "Counselor              Grade   Assigned   Active   Groups\n"
        "---------------------  -----   --------   ------   ------\n"
        "Finnegan, Rose         6       241        29       3\n"
        "Dube, Michael          7       236        30       2\n"
        "Abernathy, Lisa        8       248        28       4\n\n"
        "Notes: adjustment counselor numbers include students with counseling on the IEP "
        "service delivery grid.\n"
    )
    reports = _scan(scanner, text.encode(), "caseload_counts.txt")
    assert FERPA not in classify_reports(policy, reports)
    students = text.replace("Counselor    ", "Student      ")
    assert FERPA in classify_reports(policy, _scan(scanner, students.encode(), "list.txt"))


def test_a_504_trackers_eligibility_basis(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"STUDENT,GR,ELIGIBILITY BASIS,MTG DATE,STATUS\n"
        b'"MURRAY, JULIA",7,ADHD,10/10/2024,invite sent\n'
        b'"GOMEZ, JEREMY",8,Crohn\'s disease,12/24/2024,parent resched\n'
        b'"HENDERSON, RHONDA",7,Asthma,10/11/2024,parent resched\n'
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "504_tracker.csv"))


def test_a_childs_id_column(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"TXN_ID,DATE,PAYER_NAME,AMT,CHILD,CHILD_ID,PROGRAM\n"
        b"RT78766350,2026-09-19,Jared James,150.00,David James,222628,Tuition PreK AM\n"
        b"RT48376117,2026-09-01,Jared Miller,425.00,Khadija Miller,279026,Tuition PreK Full\n"
    )
    reports = _scan(scanner, data, "prek_payments.csv")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"222628", "279026"}


def test_a_statements_addressee_in_capitals(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Merrimack Valley Credit Union\nStatement of Account\nANTONIO MENDES\n"
        "14 Fourth Street\nMerrimack Falls, MA 01852\n"
        "Member Number: 904097 Share Draft (Checking) Account: 207342600\n"
    )
    reports = _scan(scanner, text.encode(), "statement.txt")
    assert ("PERSON", "ANTONIO MENDES") in {(f.entity, f.value) for f in reports[0].findings}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_nurses_notes_on_students_named_surname_first(scanner: Scanner, policy: Policy) -> None:
    text = (
        "NURSE INTAKE NOTES - health screening table\n\n"
        "6-Sep  Jones, Marcus (gr 10, #262946) - Seizure disorder - Keppra 500mg BID.\n"
        "4-Sep  Hunt, Christopher (gr 9, #262504) - Severe peanut allergy; EpiPen x2.\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "intake.txt"))


def test_a_sims_extract_whose_sasids_run_into_the_local_ids(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"1042048026204260    JUSTIN              ELIZABETH      DUNLAP          12222017M001\n"
        b"1046186968246278    DYLAN               JESSE          JIMENEZ         02032019M010\n"
        b"1035658867232806      Steven          Lambert             01152012M01Millbrook\n"
        b"1025257082221790    LAURA                              MILLER          08132013F001\n"
    )
    reports = _scan(scanner, data, "SIMS_Oct1_extract.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {
        ("STUDENT_ID", "1042048026"),
        ("PERSON", "JUSTIN ELIZABETH DUNLAP"),
        ("PERSON", "Steven Lambert"),
        ("PERSON", "LAURA MILLER"),
    } <= found
    assert FERPA in classify_reports(policy, reports)


def test_a_staff_reports_ids_run_together_are_no_sasids(scanner: Scanner, policy: Policy) -> None:
    """EPIMS: an educator's MEPID and employee number make fourteen digits from 1, and
    the people were born in the 1960s."""
    data = (
        b"14654649004781    COLTON               SMITH                    12181960M0011001\n"
        b"18105797006117    SAMANTHA             CUNNINGHAM               01191967F0001001\n"
        b"19989375004128    BRANDI               NELSON                   06171961F0000102\n"
        b"17993270004390    TAYLOR               HARDING                  02041980F0000101\n"
    )
    reports = _scan(scanner, data, "EPIMS_OCT2024.txt")
    assert "STUDENT_ID" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


_ATTENDANCE_LETTER = (
    "{date}\n{guardian}\n{street}\nMillbrook, MA 01757\n\n"
    "RE: {student}   Student ID: {number}\n\n"
    "Dear {guardian},\n\nOur records show that {first} has been absent {days} days this "
    "school year, and the attendance meeting is required under Policy JH.\n\n"
    "Sincerely,\nMarcus Delahunt, Principal\n"
)


def test_a_form_letters_student_is_a_merge_field(scanner: Scanner, policy: Policy) -> None:
    template = _ATTENDANCE_LETTER.format(
        date="\u00abLetterDate\u00bb",
        guardian="\u00abGuardian_First\u00bb \u00abGuardian_Last\u00bb",
        street="\u00abStreet\u00bb",
        student="\u00abStudent_First\u00bb \u00abStudent_Last\u00bb",
        number="\u00abStudent_Number\u00bb",
        first="\u00abStudent_First\u00bb",
        days="\u00abAbsences\u00bb",
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, template.encode(), "t.txt"))
    merged = _ATTENDANCE_LETTER.format(
        date="October 4, 2024",
        guardian="Rosa Alvarez",
        street="12 Mill Street",
        student="Diego Alvarez",
        number="204417",
        first="Diego",
        days="9",
    )
    assert FERPA in classify_reports(policy, _scan(scanner, merged.encode(), "m.txt"))


def test_a_blank_forms_labels_are_followed_by_blanks(scanner: Scanner, policy: Policy) -> None:
    form = (
        "Private Day School Placement Contract - Exhibit A\n"
        "Student Name: {name}\nDate of Birth: {dob}\nSASID: {sasid}\n"
        "IEP Dates: ______________________________\n"
        "Parent signature: ______________________   Date: __________\n"
        "Questions: Patricia Lindqvist, Team Chair, special education office\n"
    )
    blank = form.format(name="_" * 30, dob="_" * 30, sasid="_" * 30)
    assert FERPA not in classify_reports(policy, _scan(scanner, blank.encode(), "blank.txt"))
    filled = form.format(name="Jenna Ruiz", dob="04/09/2013", sasid="1034567890")
    assert FERPA in classify_reports(policy, _scan(scanner, filled.encode(), "filled.txt"))


def test_a_health_log_whose_day_headings_break_its_rows(scanner: Scanner, policy: Policy) -> None:
    text = (
        "HEALTH OFFICE DAILY LOG   Week of 11/17/2025\n"
        "------------------------------------------------------------------------\n"
        "TIME   STUDENT                 HR   COMPLAINT           DISPOSITION\n"
        "MON 11/17\n"
        "10:01  Brown, Dennis           115  lice check          ice/RTC\n"
        "11:34  Smith, Justin           110  stomachache         albuterol given, RTC\n"
        "TUE 11/18\n"
        "12:48  Hawkins, Brianna        130  bloody lip          parent called\n"
        "10:56  Chambers, Katherine     110  asthma              inhaler, RTC\n"
    )
    reports = _scan(scanner, text.encode(), "nurse_visit_log.txt")
    people = {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert {"Brown, Dennis", "Smith, Justin", "Hawkins, Brianna"} <= people
    assert FERPA in classify_reports(policy, reports)


def test_an_assessment_exports_student_primary_id(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"School,Class,Student Last Name,Student First Name,Student Primary ID,LNF,Composite\n"
        b"Pine Hollow Elementary,Jonah Perlman,Garcia,Patrick,2030004,13,402\n"
        b"Pine Hollow Elementary,Jonah Perlman,Harper,Stephanie,2030045,55,390\n"
    )
    reports = _scan(scanner, data, "DIBELS8_MOY.csv")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"2030004", "2030045"}


@pytest.mark.parametrize(
    "line",
    [
        "**Stacie Ramsey** (gr 6, Maple Street School)\n- 504 for ADHD; meds wear off by 4pm.\n",
        "Robert Clark (entering gr 8, Riverside) was diagnosed with a mild concussion.\n",
    ],
)
def test_a_student_named_with_a_grade_in_a_notes_ways(
    scanner: Scanner, policy: Policy, line: str
) -> None:
    text = "Student support team - notes 10/09/2024\n\n" + line
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "notes.md"))


def test_a_trip_list_of_childrens_conditions_by_bus(scanner: Scanner, policy: Policy) -> None:
    """A PDF's table read as single-spaced text: each named child's line gives a
    condition; "Bus 1" before a name is no house number."""
    text = (
        "Grade 3 Farm Trip 5/21/26 - Medical Notes for Group Leaders\n"
        "Group Student Condition What to do\n"
        "Bus 1 Randall Tate Peanut allergy nurse attends\n"
        "Bus 2 Joshua Johnson Dairy allergy inhaler in bag\n"
        "Bus 1 Nicole Young Diabetes T1 check snacks\n"
        "Bus 2 Mary Soto Asthma inhaler in bag\n"
    )
    reports = _scan(scanner, text.encode(), "trip.txt")
    assert ("PERSON", "Randall Tate") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)
    policy_text = (
        "Field trip health procedures\n"
        "Bus 1 carries the stock EpiPen and an inhaler spacer.\n"
        "Bus 2 carries the AED; allergy lists stay with the nurse.\n"
        "Chaperones: review the asthma action plan before leaving.\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, policy_text.encode(), "p.txt"))


def _fire_record(kind: str, body: dict[int, str]) -> str:
    """A 750-character IRS FIRE record, its fields at their 1-based positions."""
    record = [" "] * 750
    record[0] = kind
    for position, value in body.items():
        record[position - 1 : position - 1 + len(value)] = list(value)
    return "".join(record)


def test_an_irs_fire_files_payees_paid_under_their_ssn(scanner: Scanner, policy: Policy) -> None:
    """Publication 1220: the transmitter "T" record, then "B" records whose type of TIN
    (position 11) is 2 for an SSN, the payee's name at 288."""
    lines = [
        _fire_record("T", {2: "2024", 7: "04600195744Q72", 30: "WESTMERE REGIONAL SCHOOLS"}),
        _fire_record("B", {2: "2024", 7: "CAST", 11: "2", 12: "873302130", 288: "LORI CASTRO"}),
        _fire_record("B", {2: "2024", 7: "JONE", 11: "2", 12: "763963160", 288: "ERIC JONES"}),
        _fire_record("B", {2: "2024", 7: "ACME", 11: "1", 12: "046001957", 288: "ACME BUS CO"}),
    ]
    data = "\r\n".join(lines).encode()
    reports = _scan(scanner, data, "IRTAX_1099NEC.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_SSN", "873302130"), ("PERSON", "LORI CASTRO")} <= found
    assert ("US_SSN", "046001957") not in found  # a company's EIN
    assert MGL_93H in classify_reports(policy, reports)


def test_a_tin_matching_files_ssns_beside_names_surname_first(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"2;752761658;PRATT JASON;V21739;0\n"
        b"2;081318264;MOORE JOSEPH;V81751;0\n"
        b"2;691455237;BROWN CARRIE;V61751;0\n"
        b"2;468720987;SOSA RUSSELL;V72149;0\n"
    )
    reports = _scan(scanner, data, "TIN_match_results.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("US_SSN", "752761658"), ("PERSON", "PRATT JASON")} <= found
    assert MGL_93H in classify_reports(policy, reports)
    # routing numbers beside names are no SSNs
    routing = (
        b"2;011000015;PRATT JASON;V21739;0\n"
        b"2;021000021;MOORE JOSEPH;V81751;0\n"
        b"2;011000028;BROWN CARRIE;V61751;0\n"
    )
    assert MGL_93H not in classify_reports(policy, _scan(scanner, routing, "routing.txt"))


def test_a_kiosk_logs_students_by_id_name_and_grade(scanner: Scanner, policy: Policy) -> None:
    """Python's logging writes a comma before the milliseconds: no CSV for all that."""
    text = "".join(
        f'2025-02-11 07:3{n}:21,134 INFO  [KioskScan] scan id={number} name="{name}" '
        f"gr={grade} status=TARDY reason=BUS pass=#4914{n} printed=ok\n"
        for n, (number, name, grade) in enumerate(
            (
                ("242539", "CUNNINGHAM, HENRY", 9),
                ("260255", "TORRES, JESSICA", 10),
                ("240239", "ORTIZ, KIMBERLY", 10),
            )
        )
    )
    reports = _scan(scanner, text.encode(), "kiosk1.log")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("STUDENT_ID", "242539"), ("PERSON", "CUNNINGHAM, HENRY")} <= found
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "text",
    [
        "[8:22 AM] from (781) 365-6824\n  Hello, calling for Troy Rogers, grade 11, she has a "
        "fever, she'll be out today and probably tomorrow.\n\n[8:50 AM] from (781) 217-2672\n"
        "  Hi, calling for Dawn Porter, grade 12, she has strep throat, out all week.\n",
        "Zachary Harris, ID 206885, gr 9 dismissed from health office 10:42 with temp 102.1. "
        "Rapid strep pending.\n\nJo\n",
    ],
)
def test_an_absence_called_in_for_a_student_named_with_a_grade(
    scanner: Scanner, policy: Policy, text: str
) -> None:
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "call.txt"))


def test_an_hr_exports_hire_date_under_its_birth_date_is_no_birth_date(
    scanner: Scanner, policy: Policy
) -> None:
    """JSON keys run their words together: "hireDate" is a hire date's label, however
    near the "birthDate" above it."""
    records = [
        {
            "employeeNumber": str(14724 + n),
            "name": {"first": first, "last": last},
            "birthDate": born,
            "hireDate": hired,
            "payDistributions": [{"routing": "091410751", "type": "SAV", "remainder": True}],
        }
        for n, (first, last, born, hired) in enumerate(
            (
                ("Ryan", "Garcia", "1977-06-25", "2016-08-01"),
                ("Maria", "Lopez", "1980-12-01", "2021-06-01"),
            )
        )
    ]
    text = json.dumps({"records": records}, indent=2)
    reports = _scan(scanner, text.encode(), "hris_sync.json")
    births = {f.value for f in reports[0].findings if f.entity == "DATE_OF_BIRTH"}
    assert births == {"1977-06-25", "1980-12-01"}
    assert FERPA not in classify_reports(policy, reports)


def test_a_colleges_grade_roster_gives_course_marks_under_grade(
    scanner: Scanner, policy: Policy
) -> None:
    """A dual-enrollment partner's final grades: its "Grade" is each student's mark in a
    course ("A-", "W"), not the grade level a roster's "Grade" is."""
    rows = [
        ("A12708504", "White", "Audrey", "PSY", "101", "Intro to Psychology", "W", "3"),
        ("A16226771", "Rodriguez", "Brandi", "PSY", "101", "Intro to Psychology", "A-", "3"),
        ("A13354049", "Johnson", "Miguel", "MAT", "123", "Precalculus", "A", "3"),
        ("A17352729", "Gallegos", "Sarah", "MAT", "123", "Precalculus", "C+", "3"),
    ]
    text = "College ID\tLast\tFirst\tSubj\tCrse\tTitle\tGrade\tCr Hrs\n" + "".join(
        "\t".join(row) + "\n" for row in rows
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "de_final.tsv"))


def test_a_pay_scales_letter_grades_are_no_marks(scanner: Scanner, policy: Policy) -> None:
    """A salary schedule's "Grade" of plain letters beside each step is a pay grade."""
    rows = [
        ("Carla Mendes", "Custodian", "A", "3"),
        ("Owen Price", "Clerk", "B", "5"),
        ("Dana Whitfield", "Clerk", "C", "2"),
        ("Ravi Patel", "Custodian", "A", "7"),
    ]
    text = "Name,Position,Grade,Step\n" + "".join(",".join(row) + "\n" for row in rows)
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), "scale.csv"))


@pytest.mark.parametrize(
    "line",
    [
        "Student: Roberta Hogan     ID: 7460031     Grade: 12     Sport: Volleyball",
        "Student Name: Roberta Hogan   ID 7460031   Sport: Volleyball",
    ],
)
def test_a_forms_student_line_gives_the_id_a_gap_after_the_name(
    scanner: Scanner, line: str
) -> None:
    """A printed form's fields stand a wide gap apart on one line: its bare "ID" is the
    number of the student named before it."""
    text = f"ATHLETIC PROBATION - WEEKLY GRADE CHECK\n{line}\nWeek ending: 10/25/2024\n"
    found = {(f.entity, f.value) for f in _scan(scanner, text.encode(), "check.txt")[0].findings}
    assert ("STUDENT_ID", "7460031") in found


_PRINTED_GRADEBOOK = (
    "Athletics - Mid-Term Progress Check (Week 6, Term 2) - CONFIDENTIAL\n"
    "Pulled from the gradebook 12/13/2024. Coaches: meet with flagged athletes.\n"
    "{header}\n"
    "Parker, Mark 10 Volleyball 54 64 89 52 52 RISK\n"
    "Bowers, Barbara 12 Football 47 82 62 65 57 RISK\n"
    "Cole, John 11 Golf 87 47 86 86 86 RISK\n"
)


def test_a_gradebook_printed_as_text_is_a_record_of_marks(scanner: Scanner, policy: Policy) -> None:
    """A PDF's table loses its columns to single spaces: the header's subjects over lines
    of a student's numbers still make each line a student's marks."""
    text = _PRINTED_GRADEBOOK.format(header="Student Gr Sport ENG MATH SCI SS WL Flag")
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "check.txt"))


def test_a_report_by_student_group_gives_no_ones_marks(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Spring MCAS - percent meeting or exceeding, by student group\n"
        "Student Group ELA MATH SCI\n"
        "All Students 54 48 51\n"
        "English Learners 22 19 18\n"
        "Students with Disabilities 24 20 22\n"
        "Prepared by Dana Whitfield, Principal\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), "mcas.txt"))


def test_reading_levels_by_month_are_a_students_record(scanner: Scanner, policy: Policy) -> None:
    """A reading teacher's benchmark sheet: each student's level in September and November
    (Fountas & Pinnell's letters), under headers that never say "grade"."""
    rows = [
        ("Washington", "Larry Myers", "K", "K", "P", ""),
        ("Washington", "Taylor Sanders", "M", "N", "P", "decoding multisyllabic"),
        ("Washington", "William Berger", "L", "N", "P", "strong comprehension"),
    ]
    text = "Teacher\tStudent\tSept Level\tNov Level\tGoal (June)\tNotes\n" + "".join(
        "\t".join(row) + "\n" for row in rows
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "levels.tsv"))


_WHERE_DATA_LIVES = (
    "<html><body><h1>Privacy Matters - Fall 2024</h1>"
    "<p>This fall the Help Desk received 6 emails with a student's SASID together with IEP "
    "information and report card grades. Reference the student in Aspen instead.</p>"
    "<table><tr><th>Data element</th><th>Where it belongs</th><th>Never put it in</th></tr>"
    "<tr><td>SSN (staff)</td><td>MUNIS HR only</td><td>Email, Google Drive</td></tr>"
    "<tr><td>Student ID / SASID</td><td>Aspen, approved vendor rosters</td>"
    "<td>Public Google Sheets</td></tr></table>"
    "<p>This term's book group is reading Privacy's Blueprint by Woodrow Hartzog.</p>"
    "</body></html>"
)

_DATA_PRIVACY_AGREEMENT = (
    "STUDENT DATA PRIVACY AGREEMENT - Exhibit B: Schedule of Data\n"
    "Student Identifiers: Student app username / passwords  x\n"
    "Student Name: First and/or Last  x\n"
    "Special Indicator: Disability, IEP, 504 services  x\n"
    "Enrollment: Grade level, homeroom  x\n\n"
    "Harwell Public Schools\nBy: /s/ Dr. Helen Marchetti          Date: 07/15/2022\n"
    "Printed Name: Helen Marchetti, Ed.D.    Title: Superintendent\n"
    "District signatory name: Dana Kowalczyk\n"
)


@pytest.mark.parametrize(
    ("text", "name"),
    [(_WHERE_DATA_LIVES, "newsletter.html"), (_DATA_PRIVACY_AGREEMENT, "dpa.txt")],
)
def test_a_paper_on_student_data_is_no_students_record(
    scanner: Scanner, policy: Policy, text: str, name: str
) -> None:
    """A newsletter's table of where a SASID belongs ("Student ID / SASID: Aspen") gives
    no number, and an agreement's schedule of data and its signers' "Printed Name:"
    label no student: papers about student data name only their authors and signers."""
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), name))


def test_a_student_id_label_with_its_number_still_shapes_a_record(
    scanner: Scanner, policy: Policy
) -> None:
    text = "Nurse visit\nSASID: 1048839377\nMaya Chen came in with a headache; Tylenol 325 mg.\n"
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "visit.txt"))


@pytest.mark.parametrize(
    ("text", "name", "entity", "value"),
    [
        # a contractor's phone, then his trade licence: the phone is no licence
        (
            "Dana Lavoie | Gardner Comfort Systems | 978-632-7715 | Lic. MA Refrig. Tech "
            "#RT-004812\n",
            "mail.txt",
            "US_DRIVER_LICENSE",
            "978-632-7715",
        ),
        # a pay advice's routing number ("RT"), then the masked account
        (
            "Employee: Marc Thibodeau\nNet pay $2,602.15\n"
            "Deposited to Rollstone Bank & Trust  RT 011302357  Acct ******4471  (CHK)\n",
            "advice.txt",
            "US_BANK_NUMBER",
            "011302357",
        ),
        # a clinic's visit number beside the patient account it does not give
        (
            "Return to work: Ana Ferreira\nProvider: Lauren Kim, PA-C\n"
            "Electronically signed 04/21/2025 15:07.  Visit # 88214006  Acct # (pt) see portal\n",
            "rtw.txt",
            "US_BANK_NUMBER",
            "88214006",
        ),
        # a remittance's patient account numbers
        (
            "Patient Name,DOB,Patient Acct #,Paid\nRivera Ana,08/06/2008,A210287,45.00\n"
            "Cole Ben,04/18/2008,A296479,45.00\n",
            "remit.csv",
            "US_BANK_NUMBER",
            "210287",
        ),
        (
            "Patient Name,DOB,Patient Acct #,Paid\nRivera Ana,08/06/2008,210287,45.00\n"
            "Cole Ben,04/18/2008,296479,45.00\n",
            "remit2.csv",
            "US_BANK_NUMBER",
            "210287",
        ),
        # a CPR course's eCard number, Luhn-valid by chance
        (
            "Staff,Credential,License/Cert #,Expires\nBrandt Keisha,CMA,n/a,09/25/2026\n"
            ",BLS (AHA),eCard 567812577094,04/09/2026\n",
            "certs.csv",
            "CREDIT_CARD",
            "567812577094",
        ),
        # a card processor's payment number, with only the card's last four
        (
            '{"items": [{"payer": "Maria Lopez", "payment_id": "823483881673", '
            '"card_last4": "4417", "amount": 25.0}, {"payer": "Owen Price", '
            '"payment_id": "823483881681", "card_last4": "0019", "amount": 40.0}]}',
            "payout.json",
            "CREDIT_CARD",
            "823483881673",
        ),
    ],
)
def test_numbers_beside_an_account_or_card_word_that_are_neither(
    scanner: Scanner, text: str, name: str, entity: str, value: str
) -> None:
    found = {(f.entity, f.value) for f in _scan(scanner, text.encode(), name)[0].findings}
    assert (entity, value) not in found


def test_a_positive_pay_file_gives_the_districts_own_account(
    scanner: Scanner, policy: Policy
) -> None:
    """The issue file a bank matches the district's checks against: its account is the
    district's, and its payees are named with no number of theirs."""
    checks = "".join(
        f"    <Check><CheckNumber>{208811 + n}</CheckNumber><Amount>{amount}</Amount>"
        f"<Payee>{payee}</Payee></Check>\n"
        for n, (payee, amount) in enumerate((("Cindy Kelly", "3279.23"), ("Roberta Garcia", "85")))
    )
    text = (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<PositivePayIssueFile bank="Bank of America" created="2025-03-14T10:02:11">\n'
        "  <Account>\n    <AccountNumber>004630118822</AccountNumber>\n"
        "    <AccountName>NORTH MERRIMACK RSD - GENERAL DISBURSEMENT</AccountName>\n"
        f"    <RoutingNumber>011000138</RoutingNumber>\n{checks}  </Account>\n"
        "</PositivePayIssueFile>\n"
    )
    assert MGL_93H not in classify_reports(policy, _scan(scanner, text.encode(), "pp.xml"))


def test_a_forms_dot_leaders_keep_its_labels_to_their_values(
    scanner: Scanner, policy: Policy
) -> None:
    """A referral printed from a student system sets its values a row of dots after each
    label: "Student ID .....: 2700176" is labelled as "Student ID: 2700176" is."""
    text = (
        "DISCIPLINE REFERRAL - Incident #INC-25-00812\n\n"
        "Student ........: Torres, Maria\n"
        "Student ID .....: 2700176\n"
        "Grade .......... 11        Shop: Welding\n"
        "Referring staff : T. Bergeron\n\n"
        "Consequence: 1 day in-school suspension 11/05/2025.\n"
    )
    reports = _scan(scanner, text.encode(), "referral.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert ("STUDENT_ID", "2700176") in found
    assert FERPA in classify_reports(policy, reports)


def test_a_caseloads_headings_give_each_students_number_and_grade(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "SAC CASELOAD - running notes (M. Oyelaran)   ** CONFIDENTIAL **\n\n"
        "== ARMSTRONG, Manuel  #348107  gr12\n"
        "  28-Mar: Reports panic attacks before Chem tests. Consider 504 referral.\n\n"
        "== BRIGHT, Michele  #304064  gr11\n"
        "  16-Mar: Screened (CRAFFT) = 3. Referred to adolescent SUD program.\n"
    )
    reports = _scan(scanner, text.encode(), "caseload.txt")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"348107", "304064"}
    assert FERPA in classify_reports(policy, reports)


def test_a_mailed_list_of_students_gives_each_ones_bracketed_number(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "Marcus -\n\nHere's this week's list of students 20+ points behind expected pace.\n\n"
        "  Jennings, Paul (337545) - USH I CR: 9% done vs 52% expected, grade 64%\n"
        "  Richardson, Mary (320263) - Chem CR: 29% done vs 66% expected, grade 57%\n"
        "  Kerr, Eileen (349648) - Geom CR: 31% done vs 61% expected, grade 57%\n\nDerek\n"
    )
    reports = _scan(scanner, text.encode(), "pace.txt")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"337545", "320263", "349648"}
    assert FERPA in classify_reports(policy, reports)


def test_a_list_of_staff_numbers_is_no_students(scanner: Scanner) -> None:
    """The same shape, where the text says nothing of students: a list of staff."""
    text = (
        "Coverage for Friday's PD day:\n"
        "  Jennings, Paul (337545) - Room 204 AM\n"
        "  Richardson, Mary (320263) - Room 110 PM\n"
    )
    findings = _scan(scanner, text.encode(), "coverage.txt")[0].findings
    assert not any(f.entity == "STUDENT_ID" for f in findings)


def test_scores_out_of_their_points_are_marks(scanner: Scanner, policy: Policy) -> None:
    """A certification exam's scores by section, each header out of its points ("Core
    /25"): the people scored are students, and the scores their record."""
    rows = [
        ("Richmond", "Alexandra", "2600320", "17", "14", "17", "PARTIAL"),
        ("Johnson", "Jesus", "2600361", "17", "25", "24", "PARTIAL"),
        ("Nguyen", "Kevin", "2900024", "18", "23", "23", "UNIVERSAL"),
    ]
    text = "Last,First,HVRT ID,Core /25,Type I /25,Type II /25,Cert Level\n" + "".join(
        ",".join(row) + "\n" for row in rows
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "scores.csv"))


def test_a_printed_tables_header_may_name_its_school_year(scanner: Scanner) -> None:
    """A residency affidavit's list of children: its header's "Grade (25-26)" is the year
    the grade is for, not a value, and the birth dates under "Date of birth" are theirs."""
    text = (
        "AFFIDAVIT OF RESIDENCY\nAffiant name Thanh Nguyen\n"
        "The following children reside with me at the address above:\n"
        "Child's full name Date of birth Grade (25-26) School\n"
        "Lindsey Nguyen 12/18/2015 4 Hawthorne Elementary\n"
        "Fatoumata Nguyen 02/10/2019 1 Bates Elementary\n"
        "Signature /s/ Thanh Nguyen\nDate 07/22/2025\n"
    )
    findings = _scan(scanner, text.encode(), "affidavit.txt")[0].findings
    births = {f.value for f in findings if f.entity == "DATE_OF_BIRTH"}
    assert births == {"12/18/2015", "02/10/2019"}


def test_a_question_naming_a_column_heads_no_table_of_the_sentences_under_it(
    scanner: Scanner,
) -> None:
    """An enrollment FAQ's "What is a SASID?" reads like a header; the answers under it
    are sentences, and the numbers in them (a lottery number, a room) no one's."""
    text = (
        "What is a SASID?\n"
        "The State Assigned Student Identifier is a 10-digit number assigned by DESE.\n"
        "Families receive a lottery number (for example K26-0123) by email, in Room 114.\n"
    )
    findings = _scan(scanner, text.encode(), "faq.txt")[0].findings
    assert not any(f.entity == "STUDENT_ID" for f in findings)


def test_a_fixed_width_logs_sign_belongs_to_its_header_word(
    scanner: Scanner, policy: Policy
) -> None:
    """A bookkeeper's log typed in columns, its date one space from the student: the
    header's "Card #" is one column's name, and each student's bracketed number is read
    under "Student (ID)"."""
    text = (
        "RESTITUTION / DAMAGE PAYMENTS RECEIVED - MANUAL CARD ENTRY LOG\n\n"
        "Date       Student (ID)                  Incident                          "
        "Payer                 Card #                Exp       Amount\n"
        "04/16/2024 Layla Haddad (206155)         INC-23004977 vandalism-bathroom   "
        "Rami Haddad           5118 6356 2557 7573   11/26     185.00\n"
        "04/16/2024 Sandra Brown (153147)         INC-23004981 Chromebook dmg       "
        "Kelly Brown           5516 6980 5647 1797   08/26     185.00\n"
        "04/16/2024 Breanna Small (177332)        INC-23005002 vandalism-locker     "
        "Daniel Small          5136 0838 1409 2807   10/25     185.00\n"
    )
    reports = _scan(scanner, text.encode(), "log.txt")
    ids = {f.value for f in reports[0].findings if f.entity == "STUDENT_ID"}
    assert ids == {"206155", "153147", "177332"}
    assert {FERPA, MGL_93H} <= set(classify_reports(policy, reports))


def test_a_tickets_note_gives_the_number_of_the_student_it_names(
    scanner: Scanner, policy: Policy
) -> None:
    """A help-desk export's description, a cell of free text: "Patricia Reilly (ID
    20298768, gr 8) has a 504 plan" is a student's number and plan."""
    items = [
        {
            "TicketNumber": 48427,
            "Subject": "Testing accommodations",
            "RequestedBy": "Jill Whitcomb",
            "Description": "Para request: Patricia Reilly (ID 20298768, gr 8) has a "
            "504 plan - ADHD - needs extended time. Please set up in TestNav.",
        },
        {
            "TicketNumber": 48428,
            "Subject": "Chromebook cracked screen",
            "RequestedBy": "Sean Farrell",
            "Description": "Screen cracked in the hinge corner, asset HPS-43521.",
        },
    ]
    reports = _scan(scanner, json.dumps({"Items": items}).encode(), "tickets.json")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("STUDENT_ID", "20298768"), ("PERSON", "Patricia Reilly")} <= found
    assert FERPA in classify_reports(policy, reports)


_PARENTAL_LEAVE = (
    "Human Resources\nREQUEST FOR PARENTAL LEAVE (M.G.L. c.149 s.105D)\n"
    "Employee Priya Patel\nEmployee # 101761\n"
    "Position / Location School Psychologist - District-wide\n"
    "Child's name Anika R. Patel-Sorensen\nChild's date of birth {born}\n"
    "I understand that evaluations on my caseload will be reassigned by the Director of "
    "Student Services and that I should not take student files home during my leave.\n"
    "HR: Approved. FMLA case FML-25-0139 runs concurrently.\n"
)


def test_a_parental_leave_request_is_the_employees_file(scanner: Scanner, policy: Policy) -> None:
    """A school psychologist's leave for her newborn speaks of students (her caseload),
    and the child's birth date is her baby's: an employee's file, no student's record."""
    born = f"03/02/{datetime.date.today().year - 1}"
    text = _PARENTAL_LEAVE.format(born=born)
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), "leave.txt"))


@pytest.mark.parametrize(("age", "school_age"), [(0, False), (1, False), (3, True), (17, True)])
def test_a_baby_is_no_pupil_yet(scanner: Scanner, age: int, school_age: bool) -> None:
    """A birth date says "student" on its own only where the child is of an age to be one."""
    born = f"03/02/{datetime.date.today().year - age}"
    text = f"Child's name Anika Patel\nChild's date of birth {born}\n"
    findings = _scan(scanner, text.encode(), "child.txt")[0].findings
    said = any(f.entity == "STUDENT_CONTEXT" and "school-age" in f.value for f in findings)
    assert said is school_age


def _credit_audit(student: tuple[str, str, str, str]) -> bytes:
    """A counselor's credit audit sheet: rows of labels a blank row apart, then the
    table of courses; `student` fills its labels (name, LASID, SASID, DOB) or not."""
    name, lasid, sasid, born = student
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Template"
    sheet.append(["Student Name:", name, "LASID:", lasid, "SASID:", sasid, "DOB:", born])
    sheet.append([])
    sheet.append(["Counselor:", "", "Date:", "", "Cohort/YOG:"])
    sheet.append([])
    sheet.append(["Dept", "Required", "Course", "Yr", "Mark", "Cr Att", "Cr Earned"])
    marks = ["B+", "5", "5"] if name else []
    for dept, required in (("English", 20), ("Math", 20), ("Science (lab)", 15)):
        sheet.append([dept, required, "English 10" if name else "", "10" if name else "", *marks])
    sheet.append(["TOTAL", 115, "", "", "", "", "=SUM(G6:G8)"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_blank_sheet_of_form_labels_is_a_template(scanner: Scanner, policy: Policy) -> None:
    """Its labels' rows stand a blank row apart, above its table of subjects: the
    subjects are no students' names, and the blank labels make it a template."""
    reports = _scan(scanner, _credit_audit(("", "", "", "")), "audit_TEMPLATE.xlsx")
    assert not any(f.entity == "PERSON" for f in reports[0].findings)
    assert FERPA not in classify_reports(policy, reports)


def test_a_filled_sheet_of_form_labels_is_a_record(scanner: Scanner, policy: Policy) -> None:
    student = ("Torres, Maria", "2700176", "1048839377", "03/14/2009")
    reports = _scan(scanner, _credit_audit(student), "audit_torres.xlsx")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("STUDENT_ID", "2700176"), ("DATE_OF_BIRTH", "03/14/2009")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_a_tests_name_and_grade_are_no_students(scanner: Scanner, policy: Policy) -> None:
    """A board's slide of outcomes: "MCAS ELA Gr 10" is a test and a grade, though "Ela"
    is someone's name."""
    text = (
        "METCO Program Update\nSchool Committee - November 10, 2025\n"
        "Aminata Fofana, METCO Director\n\nEnrollment & outcomes (aggregate)\n"
        "Measure | 2023 | 2024 | 2025\nMETCO students enrolled | 118 | 121 | 124\n"
        "MCAS ELA Gr 10 Meeting/Exceeding | 71% | 74% | 76%\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, text.encode(), "update.txt"))


def test_a_students_grade_and_number_in_brackets_after_the_name(
    scanner: Scanner, policy: Policy
) -> None:
    """A counselor's mail names the student once, her grade, homeroom and number in the
    brackets after her name, and never says "student"."""
    text = (
        "Dana,\n\nFollowing up on our conversation about Angela Boyd (6th, HR B122, ID 207659).\n"
        "I met with Angela twice this week; she has had two panic episodes in school.\n\nPriya\n"
    )
    reports = _scan(scanner, text.encode(), "mail.txt")
    assert ("STUDENT_ID", "207659") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)


def test_an_athletic_trainers_log_of_injuries_is_a_health_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A line per athlete: the date, the name, the sport and the injury. No word says
    "student"; the children's injuries are their health records all the same."""
    text = (
        "MHS ATHLETIC TRAINING ROOM - DAILY INJURY LOG   (AT: April Wright, ATC)\n"
        "09/19/24  FRAZIER, Suzanne      Volleyball     eval HA after header - SCAT5 sent home\n"
        "10/08/24  PORTER, Lori          Field Hockey   hamstring strain, no sprinting x3d\n"
        "09/12/24  TORRES, Joseph        Cross Country  heat cramps - fluids, sat out 20 min\n"
        "09/21/24  MASON, Jean           Volleyball     ankle sprain, ice/compression\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "at_log.txt"))


def test_a_student_named_by_his_given_name_and_district_number_in_a_discipline_note(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "Hi Ms. Tremblay,\n\nHere is my card for the Chromebook screen. Kellie Snyder\n\n"
        "> Per Mr. Lathrop's decision, James (MB225799) is assigned 1 day ISS on 11/8 and "
        "restitution of $189.00 (asset MPS-CB-20417) for the damage on 10/31.\n"
    )
    reports = _scan(scanner, text.encode(), "mail.txt")
    assert ("STUDENT_ID", "MB225799") in {(f.entity, f.value) for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)


def test_a_given_name_and_a_bracketed_code_outside_discipline_is_no_student(
    scanner: Scanner,
) -> None:
    text = "Ordered for James (PO4471230) on 11/8: two toner cartridges for Room 12.\n"
    findings = _scan(scanner, text.encode(), "order.txt")[0].findings
    assert not any(f.entity == "STUDENT_ID" for f in findings)


def test_a_student_tracker_request_is_read_by_its_records_fields(
    scanner: Scanner, policy: Policy
) -> None:
    """The National Student Clearinghouse's request file has no header line: an H1
    record, a D1 record per graduate (SSN, names, birth date, ..., the requester's own
    field, the student's ID), a T1 record."""
    graduates = [
        ("", "Mckenzie", "Booker", "20061107", "HV281883"),
        ("045-62-7719", "Victor", "Gonzalez", "20070116", "HV260353"),
        ("", "Morgan", "Gonzales", "20070329", "HV260728"),
        ("", "Dominic", "Mckinney", "20070605", "HV230304"),
        ("", "Sharon", "Delacruz", "20070729", "HV250445"),
        ("", "Joshua", "Williams", "20070623", "HV205695"),
    ]
    text = (
        "H1|014563|00|HARBORVIEW HIGH SCHOOL|20241015|DA|I\n"
        + "".join(
            f"D1|{ssn}|{first}|A|{last}||{born}|20230606||220123|{number}|\n"
            for ssn, first, last, born, number in graduates
        )
        + f"T1|{len(graduates)}\n"
    )
    reports = _scan(scanner, text.encode(), "nsc_request.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {
        ("DATE_OF_BIRTH", "20061107"),
        ("STUDENT_ID", "HV281883"),
        ("US_SSN", "045-62-7719"),
        ("PERSON", "Victor Gonzalez"),
    } <= found
    assert FERPA in classify_reports(policy, reports)


def test_a_former_students_permanent_record_is_a_record(scanner: Scanner, policy: Policy) -> None:
    """A 1979 graduate's permanent record, transcribed from microfiche: a grown man's
    birth date, and his marks and absences as a student. It never says "student"."""
    text = (
        "HALLOWAY HIGH SCHOOL  -  PERMANENT RECORD\n"
        "NAME: LINDQVIST, ERIK ANDERS          SEX: M      BORN: 03/19/1961  Worcester MA\n"
        "PARENT: Nils Lindqvist\nGRADUATED: 06/10/1979     DIPLOMA: College\n"
        "75-76  English I   B   1       77-78  English III   B+   1\n"
        "ABSENCES: 75-76 6   76-77 11   77-78 9   78-79 14\n"
        "TRANSCRIPTS SENT: Worcester Polytechnic 12/78\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "record.txt"))


def test_a_tutors_initial_and_surname_make_the_vendor_account_hers(
    scanner: Scanner, policy: Policy
) -> None:
    """A vendor pay run's accounts are companies' unless the payee is a person: "M.
    Davila" is one, by her first initial and last name, as M.G.L. c. 93H words it."""
    text = (
        "Pay Run,Vendor #,Payee,Service,Hours,Gross,Deposit Acct,ABA\n"
        "2024-11-15,V-07498,M. Davila,Home/Hospital tutoring,13,650,631289038,011189680\n"
        "2024-11-15,V-07080,M. Adams,Home/Hospital tutoring,21,1050,0868154698,011329482\n"
        "2024-11-15,V-07508,S. Jenkins,Homeschool SLP consult,13,650,442436799,011151773\n"
    )
    assert MGL_93H in classify_reports(policy, _scan(scanner, text.encode(), "payrun.csv"))


def test_a_physicians_npi_beside_his_licence_is_no_licence(scanner: Scanner) -> None:
    text = (
        "Physician: Andrea Kim, MD   Practice: Milford Pediatric Associates\n"
        "MA license # 274118    NPI 1639208193    Phone (508) 555-0190\n"
    )
    findings = _scan(scanner, text.encode(), "exemption.txt")[0].findings
    assert not any(f.entity == "US_DRIVER_LICENSE" for f in findings)


@pytest.mark.parametrize(
    "head",
    [
        "Vendor Name Jennifer K. Kowalczyk\nVendor # V-20110\n",
        "Vendor Legal Name: Dennis M. Kowalczyk\nDBA: Kowalczyk Mobile Shredding\n"
        "Business type: Sole proprietor\nVendor # (office use): V-004471\n",
    ],
)
def test_a_vendor_who_is_a_person_banks_in_her_own_name(
    scanner: Scanner, policy: Policy, head: str
) -> None:
    """A direct-deposit form for a private lesson teacher or a one-man shredding firm:
    the vendor is a person, named at the form's head, a dozen lines above the account."""
    text = (
        "Harborview Public Schools - Vendor ACH / Direct Deposit Authorization\n"
        + head
        + "Remit Address 638 Elm St, Hingham, MA 02043\nPhone (617) 350-6532\n"
        "Email for remittance jk92@icloud.com\nBank Information\n"
        "Financial Institution Eastern Bank\nABA Routing Number 211411514\n"
        "Account Number 885514910793\nAccount Type [X] Checking  [ ] Savings\n"
    )
    assert MGL_93H in classify_reports(policy, _scan(scanner, text.encode(), "dd.txt"))


def test_a_chargebacks_cardholder_is_named_without_a_colon(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "BAYSTATE MERCHANT SERVICES - CHARGEBACK NOTIFICATION\n"
        "Merchant HARBORVIEW PUBLIC SCHOOLS - FINE ARTS\nCase Number CB-2025-160747\n"
        "Cardholder JASMINE REED\nCard Number 5569068490586178\nAmount $25.00\n"
    )
    assert MGL_93H in classify_reports(policy, _scan(scanner, text.encode(), "cb.txt"))


def test_an_old_registers_pupils_were_children_in_its_school_year(
    scanner: Scanner, policy: Policy
) -> None:
    """A teacher's register of seventy years ago, OCR'd for the records office: its
    pupils' birth dates are grown-ups' today, children's in the year it names. Its
    rule under the header carries a caption, and each name follows its line number."""
    year = datetime.date.today().year - 70
    born = f"{year - 10:04d}"[2:]
    data = (
        f"TEACHER'S REGISTER  -  CLARK STREET SCHOOL     Grade 4    Miss E. Halloran\n"
        f"School Year {year}-{year + 1}\n\n"
        "No. PUPIL                    BORN        AGE Sept1  SEP  OCT  NOV   DAYS ABS\n"
        "                                    ---- days absent by month ----------\n"
        f"  1 Stephenson, Spencer      11-21-{born}   9        3    1    3      7\n"
        f"  2 Jones, Nicole            01-01-{born}  10        3    0    0      3\n"
        f"  3 Wong, Jason              05-09-{born}  10        2    0    0      2\n"
    ).encode()
    reports = _scan(scanner, data, "OCR_register_gr4.txt")
    people = _sorted_values(reports, "PERSON")
    assert people == ["Jones, Nicole", "Stephenson, Spencer", "Wong, Jason"]
    assert FERPA in classify_reports(policy, reports)


def test_a_retained_health_cards_graduation_year_makes_its_birth_date_a_pupils(
    scanner: Scanner, policy: Policy
) -> None:
    graduated = datetime.date.today().year - 25
    data = (
        "SCHOOL HEALTH RECORD                          Halloway Public Schools\n\n"
        f"Name: DESOUZA, Gabriela M.          Birth date: 11/13/{graduated - 18}\n"
        f"School: Clark St. / HMS / HHS                 Grad yr {graduated}\n\n"
        "IMMUNIZATIONS\n  MMR      06/85  09/95 (2nd dose)\n\n"
        "NURSE NOTES\n  11/89  asthma dx - inhaler (albuterol) kept in health office\n"
    ).encode()
    assert FERPA in classify_reports(policy, _scan(scanner, data, "OCR_HEALTH_CARD.txt"))


def test_a_microfiche_index_reckons_birth_dates_by_its_graduation_years(
    scanner: Scanner, policy: Policy
) -> None:
    graduated = datetime.date.today().year - 45
    rows = [
        ("F-1", "4", "WATSON", "MICHELLE", f"01/16/{graduated - 19}", graduated),
        ("F-2", "88", "HICKS", "MATTHEW", f"08/12/{graduated - 18}", graduated),
        ("F-3", "63", "FARRELL", "ARIANA", f"01/10/{graduated - 17}", graduated + 1),
    ]
    data = "Fiche #,Frame,Last,First,DOB,Grad Yr,Record Type\n" + "".join(
        f"{a},{b},{c},{d},{e},{f},Perm Rec\n" for a, b, c, d, e, f in rows
    )
    reports = _scan(scanner, data.encode(), "fiche_index.csv")
    assert FERPA in classify_reports(policy, reports)


def test_a_records_request_reckons_a_graduates_birth_date_by_her_graduation(
    scanner: Scanner, policy: Policy
) -> None:
    graduated = datetime.date.today().year - 43
    data = (
        "Ana,\n\nCan you pull a fiche print for this one? Walk-in this morning, she\n"
        "needs it for a teaching license application.\n\n"
        f"Name then: Maureen Frances Gallagher\nDOB: 09/12/{graduated - 18}\n"
        f"Grad: June {graduated} HHS\n\n"
        "She said she had a C in chemistry that she thinks was changed to a B after\n"
        "summer school, so check the back frame too.\n\nThanks - Kevin\n"
    ).encode()
    assert FERPA in classify_reports(policy, _scan(scanner, data, "fiche lookup.txt"))


def test_a_physicians_year_of_graduation_makes_no_pupil_of_him(
    scanner: Scanner, policy: Policy
) -> None:
    """A credentialing profile's graduated="..." is a medical school's: the doctor's
    birth date is a grown-up's, whatever year he finished."""
    graduated = datetime.date.today().year - 25
    data = (
        f"<Provider><Name>Andrew Kessler</Name><BirthDate>{graduated - 18}-01-12</BirthDate>"
        f'<Education school="Tufts University School of Medicine" graduated="{graduated}"/>'
        "<Specialty>Pediatrics</Specialty></Provider>"
    ).encode()
    assert FERPA not in classify_reports(policy, _scan(scanner, data, "caqh_profile.xml"))


def test_a_screenings_header_may_name_its_frequencies(scanner: Scanner, policy: Policy) -> None:
    """ "Hearing 1000/2000/4000 R" is a column's name, units and all, not a value: the
    row it heads is the header, and its "DOB" types the children's birth dates."""
    born = datetime.date.today().year - 5
    data = (
        "School,Homeroom,Student,DOB,Vision R,Vision L,Hearing 1000/2000/4000 R,Referral Sent\n"
        f"CAR,K-104,Zoe Santos,11/07/{born},10/20,10/25,P/P/P,9/30/25\n"
        f"LIN,K-102,Chloe Rivera,06/21/{born},10/16,10/10,P/P/P,\n"
    ).encode()
    reports = _scan(scanner, data, "vision_hearing_K.csv")
    births = [f for f in reports[0].findings if f.entity == "DATE_OF_BIRTH"]
    assert [f.location for f in births] == ["row 2, column DOB", "row 3, column DOB"]
    assert FERPA in classify_reports(policy, reports)


def test_a_staff_lists_local_id_stays_the_staffs(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Staff,Position,Local ID,Building\n"
        b"Jennifer Stone,Grade 3 Teacher,204384,Clark St\n"
        b"Lisa Stein,Paraprofessional,205143,HMS\n"
    )
    reports = _scan(scanner, data, "staff.csv")
    assert "STUDENT_ID" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_job_id_in_a_log_is_no_students(scanner: Scanner) -> None:
    data = b'2024-11-07 06:03:40 job=207097 name="nightly sync" status=ok\n'
    assert "STUDENT_ID" not in _entities(_scan(scanner, data, "sync.log.txt"))


def test_a_labels_own_note_is_no_word_against_it(scanner: Scanner, policy: Policy) -> None:
    """ "SSN (per order):" is the SSN's label; the "order" in its note is no order number."""
    data = (
        b"RE: Wage attachment - trustee process\n\n"
        b"  Employee:         Bell, Ricky\n"
        b"  SSN (per order):  192-69-5239\n"
    )
    reports = _scan(scanner, data, "garnishment_memo.txt")
    assert [f.value for f in reports[0].findings if f.entity == "US_SSN"] == ["192-69-5239"]
    assert MGL_93H in classify_reports(policy, reports)


def test_an_order_number_stays_no_ssn(scanner: Scanner) -> None:
    data = b"Order #: 192-69-5239\nShip to: Clark St School\n"
    assert "US_SSN" not in _entities(_scan(scanner, data, "order.txt"))


def test_a_feeds_title_in_capitals_names_no_one(scanner: Scanner, policy: Policy) -> None:
    """A benefits feed keyed by employee number, its names sent apart: the title line in
    capitals is no person beside the SSNs."""
    data = (
        b"ELIGIBILITY FEED - PART-TIME WEDP (PFML / 457b vendor) - subscriber keys only\n"
        b"EMPID|SUBSCRIBER_SSN|PLAN|COV_START|HRS_WK|STATUS\n"
        b"E22422|302592734|PFML|20241001|18|A\n"
        b"E12677|295371413|PFML|20240901|24|A\n"
    )
    reports = _scan(scanner, data, "benefit_elig_feed.txt")
    assert "PERSON" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_w9s_first_line_names_its_individual(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Form W-9 - Request for Taxpayer Identification Number and Certification\n"
        b"1  Name of entity/individual: Olumide Adebayo\n"
        b"2  Business name/disregarded entity name: Adebayo Reading Services\n"
        b"Part I - Taxpayer Identification Number (TIN)\n"
        b" Social security number:   579-78-2649\n"
    )
    reports = _scan(scanner, data, "W-9.txt")
    assert "Olumide Adebayo" in {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_returned_checks_maker_owns_its_account(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"RETURNED ITEM NOTICE\nAccount ending in 8030\n"
        b"Return reason R01 - Insufficient Funds (NSF)\n"
        b"Maker DWAYNE WEAVER\n"
        b"Drawee routing 011143419\n"
        b"Maker account 16005283914\n"
    )
    reports = _scan(scanner, data, "nsf_notice.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "DWAYNE WEAVER"), ("US_BANK_NUMBER", "16005283914")} <= found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_card_readers_virtual_terminal_is_no_one(scanner: Scanner, policy: Policy) -> None:
    """A decline report's stored card numbers belong to no one named in it."""
    cards = [n for n in ("6011560856811325", "5586073059432763") if luhn(n)]
    assert len(cards) == 2
    data = (
        "CARD READER DECLINE / FALLBACK REPORT\n\n"
        "SEQ  TIME      PAN                   EXP         AMT  RESP\n"
        f"1    19:41:46  {cards[0]}      11/29     20.00  14 INVALID CARD\n"
        f"2    19:15:48  {cards[1]}      06/28     15.00  SAF-STORED\n\n"
        "Re-key stored items via Virtual Terminal then shred this report (PCI DSS 3.2).\n"
    ).encode()
    reports = _scan(scanner, data, "pos_decline_report.txt")
    assert "PERSON" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_travel_invoices_traveler_is_named_as_an_airline_writes_him(
    scanner: Scanner, policy: Policy
) -> None:
    """An agency invoice's head is a grid of "Label: | value" cells, its traveler
    "CASTELLANO/RENEE MS"; the card is the form of payment further down."""
    data = (
        b"<html><body><table>"
        b"<tr><td>Record locator:</td><td>QX7TZM</td></tr>"
        b"<tr><td>Invoice:</td><td>BST-477460</td></tr>"
        b"<tr><td>Traveler:</td><td>CASTELLANO/RENEE MS</td></tr>"
        b"<tr><td>Trip purpose:</td><td>Title IX Annual Conference</td></tr>"
        b"</table><p>Form of payment</p><p>FOP: CCCA5519716709567121/0926 *A961343</p>"
        b"</body></html>"
    )
    reports = _scan(scanner, data, "travel_invoice.html")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "CASTELLANO/RENEE"), ("CREDIT_CARD", "5519716709567121")} <= found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_labelled_students_number_may_lead_with_letters(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"INVOICE - NON-RESIDENT TUITION\nInvoice #: INV-24-0318\n"
        b"Bill to: Gregory & Tanya Whitfield, 220 Boston Rd Apt 14, Billerica MA 01821\n"
        b"Student: Whitfield, Maya   (ID W2244239)   Gr 10, Wexford High School\n"
        b"TOTAL DUE: $3,031.18\n"
    )
    reports = _scan(scanner, data, "tuition_invoice.txt")
    assert [f.value for f in reports[0].findings if f.entity == "STUDENT_ID"] == ["W2244239"]
    assert FERPA in classify_reports(policy, reports)


def test_a_list_of_students_by_their_504_case_manager_is_their_record(
    scanner: Scanner, policy: Policy
) -> None:
    """Each student listed with a 504 case manager has a 504 plan: the contact sheet
    says so of every one, though it holds no grade or note."""
    data = (
        b"Student,Gr,Parent/Guardian,Cell,Email,504 Case Mgr,Next Review\n"
        b"Emma Martinez,8,John Martinez,(774) 361-8050,jm56@verizon.net,D. Whitcomb,01/22/2025\n"
        b"Lance Greer,6,Jessica Greer,(781) 744-3416,jg39@gmail.com,R. Oyelaran,12/04/2024\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "504_contacts.csv"))


def test_a_list_of_students_by_homeroom_teacher_is_directory_information(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"Student,Gr,Parent/Guardian,Cell,Email,Homeroom Teacher\n"
        b"Emma Martinez,8,John Martinez,(774) 361-8050,jm56@verizon.net,D. Whitcomb\n"
        b"Lance Greer,6,Jessica Greer,(781) 744-3416,jg39@gmail.com,R. Oyelaran\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, data, "contacts.csv"))


def test_an_educators_mepid_is_no_drivers_licence(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"PERSONNEL FILE SUMMARY - CONFIDENTIAL\n"
        b"Field,Value\nEmployee,Teresa M. Kowalczyk\nEmployee #,E20417\n"
        b"Position,Grade 4 Teacher\n"
        b'DESE License,"Elementary 1-6 Professional, MEPID 0417739"\n'
    )
    reports = _scan(scanner, data, "personnel_summary.csv")
    assert "US_DRIVER_LICENSE" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_speech_pathologists_asha_number_is_no_drivers_licence(
    scanner: Scanner, policy: Policy
) -> None:
    """An evaluation report's signature gives the pathologist's state licence and her
    national certification (ASHA) numbers: neither is for driving, nor personal data."""
    data = (
        b"Speech-Language Evaluation Summary - CONFIDENTIAL\n"
        b"Kathleen Murphy-Doyle, M.S., CCC-SLP, Speech-Language Pathologist\n"
        b"MA License SLP #41822   ASHA #12093877\n"
    )
    reports = _scan(scanner, data, "SL_eval_summary.txt")
    assert "US_DRIVER_LICENSE" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_1099_files_payer_state_id_is_no_students(scanner: Scanner, policy: Policy) -> None:
    """A 1099-NEC file's "StateID" is the payer's tax number (an EIN's 04-6001234), the
    same on every row: no student's."""
    data = (
        b"TaxYear\tFormType\tPayerTIN\tRecipientTIN\tTINType\tRecipientName\tBox1_NEC\tStateID\n"
        b"2023\t1099-NEC\t04-6001234\t142-80-1492\tSSN\tJOANA PEREIRA\t907.41\t04-6001234\n"
        b"2023\t1099-NEC\t04-6001234\t180-22-8226\tSSN\tNADEGE JEAN-BAPTISTE\t4836.75\t04-6001234\n"
    )
    reports = _scan(scanner, data, "1099NEC_2023.tsv")
    assert "STUDENT_ID" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_report_that_identifies_no_one_is_no_record(scanner: Scanner, policy: Policy) -> None:
    """A DPH head-injury report: counts of concussions, its nurse leader's name, and a
    line that it holds no individually identifiable information."""
    data = (
        b"MDPH - Annual Report of Sports-Related Head Injuries\n"
        b"Annual Report: Head Injuries and Suspected Concussions\nReporting Year 2023-2024\n"
        b"School: Ashmont Falls High School (00110505) / Harlow Middle School (00110305)\n"
        b"Submitted by: Maureen Falcone, MSN, RN, NCSN, Nurse Leader, on behalf of the School\n"
        b"Physician, Dr. Gregory T. Lindqvist, MD\nDate submitted: 07/12/2024\n"
        b"Season Participants Head injuries reported Suspected concussions Diagnosed concussions\n"
        b"Fall 2023 393 8 6 4\nWinter 2023-24 338 21 21 17\n"
        b"No individually identifiable information is included in this report. Student-level\n"
        b"head injury forms are retained in the school health record for the duration of\n"
        b"enrollment.\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, data, "head_injury_report.txt"))


def test_a_nurses_note_about_a_named_student_stays_a_record(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"Health office note\nStudent: Maya Whitfield, Gr 10\n"
        b"Seen 10/3 after a head injury at soccer practice; diagnosed concussion, sent home.\n"
        b"Nurse: Maureen Falcone, RN\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "nurse_note.txt"))


def test_a_sif_students_activity_is_no_name_of_his(scanner: Scanner, policy: Policy) -> None:
    """SIF's StudentPersonal names its student's activity "ActivityName": "Student
    Council" in it is no person, and no test record's placeholder name either."""
    data = (
        b"<?xml version='1.0' encoding='UTF-8'?>"
        b'<StudentPersonals xmlns="http://www.sifassociation.org/datamodel/na/3.3">'
        b"<StudentPersonal><LocalId>2528209</LocalId><Name><LastName>Meyer</LastName>"
        b"<FirstName>Diana</FirstName></Name><Demographics><BirthDate>2007-05-06</BirthDate>"
        b"</Demographics><ActivityParticipation><ActivityName>Student Council</ActivityName>"
        b"</ActivityParticipation></StudentPersonal>"
        b"<StudentPersonal><LocalId>2550376</LocalId><Name><LastName>Woods</LastName>"
        b"<FirstName>Jacob</FirstName></Name><Demographics><BirthDate>2007-07-15</BirthDate>"
        b"</Demographics><ActivityParticipation><ActivityName>Student Council</ActivityName>"
        b"</ActivityParticipation></StudentPersonal></StudentPersonals>"
    )
    reports = _scan(scanner, data, "StudentPersonal.xml")
    assert _sorted_values(reports, "STUDENT_ID") == [
        "2528209",
        "2550376",
    ]
    assert "Student Council" not in {f.value for f in reports[0].findings}
    assert FERPA in classify_reports(policy, reports)


def test_an_airline_name_lists_birth_dates(scanner: Scanner, policy: Policy) -> None:
    """A group's Secure Flight name list: birth dates written 18MAY2007 (or 06FEB07 in a
    printed list whose line numbers are headed "#")."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Manifest"
    sheet.append(["GROUP NAME LIST - SECURE FLIGHT"])
    sheet.append(["Type", "LAST NAME (as on ID)", "FIRST NAME", "DOB (DDMMMYYYY)", "KTN"])
    sheet.append(["STU", "ANDREWS", "MARIA", "18MAY2007", ""])
    sheet.append(["STU", "BAILEY", "MELISSA", "25JUL2007", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    reports = _scan(scanner, buffer.getvalue(), "manifest.xlsx")
    births = _sorted_values(reports, "DATE_OF_BIRTH")
    assert births == ["18MAY2007", "25JUL2007"]
    assert FERPA in classify_reports(policy, reports)
    printed = (
        b"JETBLUE GROUP DESK - NAME LIST / SECURE FLIGHT DATA\n"
        b"GROUP: HARBORVIEW HS MUSIC   PNR: KQ7ZRD\n\n"
        b"#   LAST            FIRST         MIDDLE  DOB         GENDER  PAX TYPE\n"
        b"-----------------------------------------------------------------------\n"
        b"1   KENNEDY         MICHELLE              06FEB07     F       STUDENT\n"
        b"2   SIMS            REBECCA               08SEP07     F       STUDENT\n"
        b"3   RAMIREZ         HOLLY                 03JAN06     F       STUDENT\n"
    )
    reports = _scan(scanner, printed, "manifest.txt")
    births = _sorted_values(reports, "DATE_OF_BIRTH")
    assert births == ["03JAN06", "06FEB07", "08SEP07"]
    assert FERPA in classify_reports(policy, reports)


def test_a_bulletins_names_under_absent_are_attendance_records(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"ASHCOMBE HIGH SCHOOL - DAILY ATTENDANCE BULLETIN\n"
        b"CONFIDENTIAL - staff only, do not post\n\n"
        b"ABSENT (full day)        Gr   Code\n"
        b"Beasley, Christine       12   A-EX (ill)\n"
        b"Ellis, Joseph            10   A-EX (ill)\n"
        b"Kelley, Rachel           11   SUSP-OSS\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "absence_bulletin.txt"))


def test_a_list_of_absent_teachers_is_no_students_record(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"DAILY COVERAGE - Thursday\n\n"
        b"ABSENT TEACHERS          Room   Sub\n"
        b"Beasley, Christine       212    Covered - J. Ortiz\n"
        b"Ellis, Joseph            104    Covered - M. Chan\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, data, "coverage.txt"))


def test_a_sentence_naming_student_id_heads_no_table(scanner: Scanner, policy: Policy) -> None:
    """A course catalogue's advice ("... should never be asked for a Social Security
    number or student ID on course request forms") is no header: the course codes under
    it are no students' numbers."""
    data = (
        b"AHS Program of Studies 2025-2026 - Advanced Coursework\n"
        b"Prerequisites are based on the course recommendation process. Students\n"
        b"and families should never be asked for a Social Security number or student ID on\n"
        b"course request forms submitted by email.\n"
        b"Course # SCED Title Gr Credits Prereq Room\n"
        b"MA0611 02052G06 Advanced Math 6 (Accel. Pre-Alg) 6 - CogAT Q>=120 214\n"
        b"MA0711 02052G07 Algebra I Accelerated 7 - Adv Math 6, B+ 218\n"
    )
    reports = _scan(scanner, data, "program_of_studies.txt")
    assert "STUDENT_ID" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_senior_trips_chaperones_are_adults_whatever_the_class(
    scanner: Scanner, policy: Policy
) -> None:
    """ "Class of <this year>" names the seniors on the trip, not grown-up former students:
    the chaperones' birth dates are adults', their list no student's record."""
    year = datetime.date.today().year
    data = (
        f"SENIOR TRIP - CLASS OF {year} - CHAPERONE CORI / LICENSE VERIFICATION\n"
        "Name,DOB,License / ID #,Home Address,Role\n"
        f'"Walsh, Karen",10/11/{year - 52},S23923619,342 Coolidge St Hudson MA,Parent\n'
        f'"Ortiz, Dan",08/18/{year - 59},S88836261,12 Elm St Hudson MA,Parent\n'
    ).encode()
    reports = _scan(scanner, data, "chaperones.csv")
    assert FERPA not in classify_reports(policy, reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_an_acct_column_at_a_header_lines_end_labels_no_first_value(
    scanner: Scanner, policy: Policy
) -> None:
    """A payroll register printed as text, "Acct" last on its header line: the employee
    number that starts the row below is no account (the account column is masked)."""
    data = (
        b"Payroll Register - Warrant 25-031 - Pay Date 01/31/2025\n"
        b"Emp # Name SSN Gross Fed MA MTRS Net Advice # Acct\n"
        b"123763 Lewis, Kristine XXX-XX-7889 3,958.30 435.41 197.92 2,493.73 DD353411 ****9349\n"
        b"104818 Griffith, Amber XXX-XX-6768 3,830.90 421.40 191.55 2,413.47 DD807954 ****8070\n"
    )
    reports = _scan(scanner, data, "payroll_register.txt")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_form_label_above_its_account_still_labels_it(scanner: Scanner) -> None:
    data = b"Direct deposit\nEmployee: Kristine Lewis\nChecking Account #\n123763884\n"
    reports = _scan(scanner, data, "dd_form.txt")
    assert [f.value for f in reports[0].findings if f.entity == "US_BANK_NUMBER"] == ["123763884"]


@pytest.mark.parametrize(
    "heading",
    [
        "Bank Reconciliation - General Operating (Enterprise Bank acct 4402817735)",
        "Acct: HARWOOD PUB SCHLS STUDENT ACTIVITY   Acct # 4402817735",
    ],
)
def test_the_districts_own_account_is_no_ones(
    scanner: Scanner, policy: Policy, heading: str
) -> None:
    data = (
        f"WEXBRIDGE PUBLIC SCHOOLS\n{heading}\nMonth Ended June 30, 2024\n\n"
        "Prepared by: K. Walsh / counted w/ B. Costa\n"
    ).encode()
    reports = _scan(scanner, data, "bank_rec.txt")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_returned_checks_maker_account_is_his_though_the_payee_is_an_agency(
    scanner: Scanner, policy: Policy
) -> None:
    """The bank's notice names the school's activity agency account as its customer; the
    "Maker account" is the parent's who wrote the check."""
    data = (
        b"ACCOUNT ALERT - RETURNED DEPOSITED ITEM\n\n"
        b"Customer: ASHCOMBE HIGH SCHOOL STUDENT ACTIVITY AGENCY ACCT\n"
        b"Item returned: Check #2217   Amount: $225.00   Reason: R01 - NSF\n"
        b"Maker: ERIC TAYLOR\n"
        b"Maker account: 065062011735    Maker ABA: 211500894\n"
    )
    reports = _scan(scanner, data, "nsf_alert.txt")
    found = {(f.entity, f.value) for f in reports[0].findings}
    assert {("PERSON", "ERIC TAYLOR"), ("US_BANK_NUMBER", "065062011735")} <= found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_w2s_box_letter_before_the_employees_name(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Form W-2 Wage and Tax Statement 2023  (Copy C - For employee's records)\n"
        b"a Employee's SSN: 311-54-9575\n"
        b"b Employer EIN: 04-6001873        c WEXBRIDGE PUBLIC SCHOOLS, 112 LOWELL RD\n"
        b"e Employee: PRESTON ROGERS\n"
        b"f 171 MARTIN MISSION SUITE 321, LITTLETON MA 01460\n"
        b"1 Wages 49,110.47   2 Fed W/H 5,893.26\n"
    )
    reports = _scan(scanner, data, "w2.txt")
    assert "PRESTON ROGERS" in {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert MGL_93H in classify_reports(policy, reports)


# Students' numbers in the shapes real files give them; each file is a student's record.
_STUDENT_NUMBER_CASES = [
    pytest.param(
        # An athletic trainer's log: each athlete with his number after a "#" in brackets.
        (
            b"# NBRHS ATHLETIC TRAINING - INJURY / TREATMENT LOG  2024-25\n"
            b"# date time | sport | athlete (local id) | injury | tx / disposition | by\n"
            b"\n"
            b"2024-09-01 15:04 | Field Hockey | Widlene Joseph (#238749) | turf burn R knee | "
            b"cleaned, dressing | JK\n"
            b"2024-09-10 17:06 | Golf | Ferraro, Isabella (#242513) | jammed L 3rd finger | "
            b"buddy tape | JK\n"
        ),
        "AT_injury_log_2024-25.txt",
        ["238749", "242513"],
        id="an_athletes_number_after_a_hash_in_brackets",
    ),
    pytest.param(
        # A reading specialist's F&P sheet: a bare "ID#" beside the names, and reading levels,
        # which only students are given.
        (
            b"Last,First,ID#,Indep Lvl,Instr Lvl,Acc %,Comp,Notes\n"
            b"Abdullahi,Yusuf,201723,A,B,92,Unsat,RTI referral\n"
            b"Almeida,Rafael,209422,E,F,95,Sat,\n"
        ),
        "F&P Benchmark Fall 2024.csv",
        ["201723", "209422"],
        id="a_bare_id_beside_reading_levels",
    ),
    pytest.param(
        # A co-op coordinator's mail: the student's number and grade together in brackets.
        (
            b"Update on Dominic Wisniewski (282828, gr 11 Electrical). The employer's 101 came "
            b"in this morning. Dominic is in a walking boot, out of work through 3/6.\n"
        ),
        "RE_ co-op student hurt at jobsite.txt",
        ["282828"],
        id="a_number_and_grade_together_in_brackets",
    ),
    pytest.param(
        # A tutor's stipend timesheet for payroll, its sessions listing the students served,
        # each with a bare number in brackets (her own employee ID no student's).
        (
            b"SUMMER ACADEMY 2024 -- HOURLY STIPEND TIMESHEET\n"
            b"Employee name Beatriz Oliveira\nEmployee ID E10482\n"
            b"Date In Out Hrs Students served / notes\n"
            b"Mon 07/08 8:30 12:00 3.5\n"
            b"Kaua Ribeiro (169849) left early (dentist)\n"
            b"Mariana Santos (152967) ELD lvl 1 - vocab + oral retell\n"
            b"Thu 07/11 8:30 11:30 3.0 Nayeli Perez (164531) fluency 75 wcpm, goal 80\n"
            b"TOTAL HOURS: 6.5 x $40.00 = $260.00\n"
        ),
        "Summer Academy tutor timesheet.txt",
        ["152967", "164531", "169849"],
        id="a_tutors_timesheet_lists_the_students_served",
    ),
    pytest.param(
        # An interpreter's log whose fields a comment names, W3C log style ("# fields: ..."),
        # a line without its last field ("| 20"): each student's number, under "student".
        (
            b"# ELE - Interpreter & Translation Log  SY 2025-26\n"
            b"# fields: date | school | language | purpose | student | minutes | notes\n"
            b"# LanguageLine = vendor phone interp (no name logged, use call ID)\n"
            b"\n"
            b"2025-09-02 | Oak Hill MS | Haitian Creole | registration | "
            b"Jean-Baptiste, Widlyne (206890) | 90 | aunt present\n"
            b"2025-09-29 | Lincoln ES | Spanish | bus behavior referral | "
            b"Reyes, Valentina (210855) | 20\n"
            b"2025-10-02 | MFHS | Spanish | SST mtg - reading concerns | "
            b"De la Cruz, Emanuel (213966) | 30 | left VM in home lang\n"
        ),
        "interpreter_log.txt",
        ["206890", "210855", "213966"],
        id="a_logs_fields_named_in_a_comment_and_a_line_without_its_last",
    ),
    pytest.param(
        # A nurse's visit log whose column names the student with his number in brackets
        # ("student (LASID)"), each cell "Le, Anh (300422)": the name and the number.
        (
            b"date,student (LASID),gr,complaint / action\n"
            b'2025-03-10,"Le, Anh (300422)",4,head bump on slide\n'
            b'2025-03-11,"Hassan, Abdi (389229)",1,nosebleed\n'
        ),
        "RN_visit_log.csv",
        ["300422", "389229"],
        id="a_student_column_with_the_number_in_brackets_gives_both",
    ),
    pytest.param(
        # A roster sent to a college: a title line, a one-cell handling note, then the header.
        # The title is no header, so the columns are typed by the real one.
        (
            b"Harborview HS -> Bay State Community College,Dual Enrollment Roster FALL 2024,,,,\n"
            b'"Sent via secure share - DO NOT email unencrypted",,,,,\n'
            b"HHS LASID,SASID,Last,First,DOB,BSCC Course\n"
            b"223470,1083323329,Baker,John,11/15/2008,BIO 110 Intro Biology\n"
            b"223684,1076192894,Bell,Hayley,08/04/2009,HIS 113 U.S. History\n"
        ),
        "de_roster.csv",
        ["1076192894", "1083323329", "223470", "223684"],
        id="a_csvs_header_may_stand_under_a_title_and_a_note",
    ),
    pytest.param(
        # A homeschool log's "AFPS ID#" beside "Student Last": the district's initials name the
        # students' number. Its "Staff" column of initials (who logged the row) makes no staff
        # table of it.
        (
            b"Rec'd\tStudent Last\tStudent First\tGr\tAFPS ID#\tParent\tStaff\n"
            b"08/15/24\tStone\tRobert\t08\t204384\tJennifer Stone\tMK\n"
            b"07/22/24\tStein\tJohnny\t11\t205143\tLisa Stein\tJD\n"
        ),
        "NOI_log_2024.tsv",
        ["204384", "205143"],
        id="a_district_named_id_in_a_log_of_students_is_theirs",
    ),
    pytest.param(
        # Summer services' staff hours by the student each para served: "Staff | Emp# | Student
        # | Local ID". The employees' numbers are theirs, the Local ID the student's.
        (
            b"Staff,Emp#,Role,Hrs,Student,Local ID,IEP Service (ESY)\n"
            b'"Hobbs, M.",10918,Para,55,Craig Burke,GV262446,Fine motor\n'
            b'"Burch, A.",17068,Para,51,Melissa Smith,GV229662,Fine motor\n'
        ),
        "ESY_staff_hours.csv",
        ["GV229662", "GV262446"],
        id="a_staff_tables_student_column_makes_its_local_id_the_students",
    ),
    pytest.param(
        # A Google bulk upload of student accounts: the students' mail domain says whose rows
        # these are, and its "externalid" is the SIS's number of each.
        (
            b"email,firstname,lastname,password,org,externalid,changepassword\n"
            b"rramos28@students.bfps.org,Robert,Ramos,Ra9782!e,/Students/BFHS/YOG2028,232543,on\n"
            b"callen28@students.bfps.org,Courtney,Allen,Al2245!c,/Students/BFHS/YOG2028,204029,on\n"
        ),
        "gam_bulk_create_students.csv",
        ["204029", "232543"],
        id="a_bulk_account_uploads_externalid_is_the_students_number",
    ),
    pytest.param(
        (
            b"== Aspen Attendance Import ==\n"
            b'2024-11-07 06:03:40 WARN AttendanceImport[9268] student=207097 name="Moon, Douglas"'
            b" date=2024-11-07 code=T period=DAY -> rejected: non-session day\n"
            b"2024-11-06 06:02:34 WARN AttendanceImport[7392] student=245600"
            b' name="Thompson, Michael" date=2024-11-06 code=D period=P3'
            b" -> rejected: duplicate daily record\n"
        ),
        "attendance_import.log.txt",
        ["207097", "245600"],
        id="a_logs_student_key_gives_his_number_without_a_grade",
    ),
    pytest.param(
        (
            b"During our testing of the Grade 8 DC trip account two receipts didn't tie:\n\n"
            b" - Rcpt R41877, 01/22/24, James Jimenez (ID 246468), $325.00 cash -- the deposit\n"
            b"   slip lists $300 for this student.\n"
            b" - Rcpt R41902, 02/05/24, Kyle Barnes (ID 204675), $150.00 check #2214\n"
        ),
        "receipts_question.txt",
        ["204675", "246468"],
        id="a_list_items_student_and_bracketed_id_after_other_fields",
    ),
    pytest.param(
        (
            b"ATTENDANCE CALL LOG -- main office -- Tues 10/8/24\n"
            b"7:40  FITZGERALD, Lucas  gr9  #278040  (978) 342-6744\n"
            b"       mom says stomach bug, will send note\n"
            b"7:44  SOK, Emeka  gr9  #275771  (978) 787-0769\n"
            b"       no answer, VM full\n"
        ),
        "call_log.txt",
        ["275771", "278040"],
        id="a_call_logs_grade_then_number_after_the_name",
    ),
    pytest.param(
        # A counselor's mail adds one student to a group, her number after her name.
        (
            b"A few 9th graders I think would benefit from the lunch bunch group.\n"
            b"I'm also adding Shane Rossi (ID 258466), referred by the nurse for visits.\n"
        ),
        "lunch_bunch.txt",
        ["258466"],
        id="a_named_students_id_in_brackets_in_a_mail",
    ),
    pytest.param(
        # A reimbursement form's field: the student, his grade and school, then his number.
        (
            b"Parent/Guardian Mileage Reimbursement\n"
            b"Student(s) transported: Mathis Dubois, gr 5, Riverside Elementary (ID 204895)\n"
        ),
        "mileage_form.txt",
        ["204895"],
        id="a_forms_student_with_grade_and_school_before_his_id",
    ),
    pytest.param(
        # A credit-recovery list lines up its columns: the number a gap after the name.
        (
            b"Credit Recovery - progress check 10/25\n"
            b"Carvalho, Madison  (209785)  US History I     98% complete   current grade 48\n"
            b"Cruz, Mya  (246975)  Career Pathways     61% complete   current grade 91\n"
        ),
        "credit_recovery.txt",
        ["209785", "246975"],
        id="a_lists_bracketed_numbers_a_gap_after_the_names",
    ),
    pytest.param(
        # A quoted mail's fields: the student's name, then his ID on the line below.
        (
            b"> New one for you - family was placed at the motel last night.\n>\n"
            b"> Student: Elijah Mejia\n> ID: 208393   Gr 6\n> He's missed Mon + Tues already.\n"
        ),
        "transport_request.txt",
        ["208393"],
        id="a_labelled_students_id_on_the_next_line",
    ),
    pytest.param(
        # A PowerSchool report printed to PDF: one space between columns, a "Student #"
        # column beside the names.
        w.pdf_bytes(
            [
                [
                    "PowerSchool > Reports > Attendance Summary by Program (MV)",
                    "McKinney-Vento Students - Attendance Summary, 11/01/2024 - 11/30/2024",
                    "Sch Student # Name Gr Memb Abs Exc Unexc Tardy Att % <90%",
                    "CSE 215431 Fernandes, Kenia 1 17 0 0 0 2 100.0%",
                    "HAW 216388 Cruz, Tatiana 4 19 4 1 3 4 78.9% Y",
                    "KMS 216649 Almonte, Jayden 6 18 1 1 0 5 94.4%",
                ]
            ]
        ),
        "mv_attendance.pdf",
        ["215431", "216388", "216649"],
        id="a_printed_reports_student_number_column",
    ),
    pytest.param(
        # A Markdown note's table, its bars one space from the cells (no gap of spaces),
        # in the note's text (not a file of bars alone, which reads as a delimited table).
        (
            b"# EI -> Pre-K transition tracking\n\n"
            b"| Child | SASID | DOB | EI program | Concern / eligibility | Turning-3 mtg |\n"
            b"|---|---|---|---|---|---|\n"
            b"| Emma Okafor | 1443578096 | 07/04/2022 | Criterion EI | speech delay | 05/16/25 |\n"
            b"| Theo Fitzgerald | pending | 07/25/2022 | Thom EI | global delay | 05/30/25 |\n"
            b"| Emma Rocha | 1320039648 | 10/08/2022 | Thom Metrowest EI | ASD (dx 5/2025) "
            b"| 08/08/25 |\n"
            b"| Valentina Baptiste | 1511606580 | 09/28/2022 | Thom Metrowest EI | hearing "
            b"impairment, bilateral aids | 07/13/25 |\n\n"
            b"### notes\n- Emma's mom requested the meeting be held in Spanish.\n"
        ),
        "transition_notes.md",
        ["1320039648", "1443578096", "1511606580"],
        id="a_markdown_tables_column_of_numbers",
    ),
    pytest.param(
        # A screening export's IDs lead with the program's letters and a hyphen.
        (
            b"student_id,child_name,age_months,screen_date,ASQ_comm,flag\n"
            b'ECC-4007,"Nguyen, Santiago",59,10/18/2025,20,REFER\n'
            b'ECC-8009,"Okafor, Zainab",49,10/18/2025,60,REFER\n'
        ),
        "asq_results.csv",
        ["ECC-4007", "ECC-8009"],
        id="a_columns_numbers_after_a_programs_letters",
    ),
    pytest.param(
        # a scholarship fund's payments: the students' numbers under their school's initials
        (
            b"Recipient,WHS ID,Fund,Award,Payee,Routing,Account #\n"
            b"Darnell McCarthy,238762,WEF General,1500,Chad McCarthy (parent),035135377,62108281\n"
            b"Riley Pierce,210792,Kiwanis,2000,Riley Pierce,291221229,5660704140\n"
        ),
        "WEF_awards_direct_deposit.csv",
        ["210792", "238762"],
        id="a_column_of_numbers_under_a_schools_initials",
    ),
    pytest.param(
        # a bus incident report: the student's ID after his grade and school, a gap apart
        (
            b"Incident TR-24-040\nDate: 10/27/2024   Bus 9\n"
            b"Student: William Reynolds  Gr 11  PHS  ID 258830\n"
            b"Student brought a vape pen on bus; confiscated by driver, turned over to "
            b"principal. School discipline applied (1 day ISS).\n"
        ),
        "TR-24-040.txt",
        ["258830"],
        id="an_id_after_the_students_grade_and_school",
    ),
    pytest.param(
        # a cafeteria's phone payments: each child's ID, with its district letters, then
        # the school and grade
        (
            b"PHONE PAYMENTS - to key into Nutrikids when terminal is back up\n\n"
            b"Payer: Richard Meadows\nFor: Neil Meadows  ID WX395068  (ABT, gr K)\n"
            b"Amt: $75.50\n---\nPayer: Dominique Pratt\n"
            b"For: Lisa Pratt  ID WX421237  (HAR, gr 1)\nAmt: $25.00\n"
        ),
        "phone_payments.txt",
        ["WX395068", "WX421237"],
        id="an_id_with_letters_before_the_school_and_grade",
    ),
    pytest.param(
        # An athletic eligibility check: no "student" in it, but courses failed.
        (
            b"Q1 ACADEMIC ELIGIBILITY - winter sports (must pass 4 major courses)\n\n"
            b"Kendra Costa (ID 247378) - Gymnastics - F in US History I (48) -> ineligible\n"
            b"Jay Benjamin (ID 228308) - Indoor Track - F in Biology (50) -> ineligible\n"
        ),
        "eligibility_check.txt",
        ["228308", "247378"],
        id="an_eligibility_checks_ids_after_names",
    ),
    pytest.param(
        # an employee's injury report says which student: name, grade and the number, a
        # school's letters before it, all in one pair of brackets
        (
            b"Employer's First Report of Injury - worksheet\n"
            b"Employee: Dana Whitlock\nOccupation: Paraprofessional (1:1)\n"
            b"Description: Employee was kicked by assigned student (Marcus Bell, gr 5, "
            b"WES-41872) during a transition.\n"
            b"Also present: (Jenna Ruiz, gr 5, ID 418733)\n"
        ),
        "injury_report.txt",
        ["418733", "WES-41872"],
        id="an_injury_reports_student_in_brackets",
    ),
    pytest.param(
        # a shop teacher's incident note heads it with the student, his grade and number
        (
            b"Incident note - Carpentry shop B-104\nDate: 3/02/2024 approx 9:40am\n"
            b"Student: Owen Brady, grade 11, ID# 31877\n\n"
            b"Owen cut his thumb on the band saw. First aid at the station, escorted to the "
            b"nurse.\n-- R. Szymanski\n"
        ),
        "incident_note.txt",
        ["31877"],
        id="an_incident_notes_student_line",
    ),
    pytest.param(
        # a device office's follow-up list: each student's number after "SID:", then grade
        (
            b"damaged devices - follow up before break\n\n"
            b"OKAFOR, Daniel   SID:233117   gr7   hinge   bill sent 12/2\n"
            b"LINDQVIST, Emma   SID:202358   gr8   screen   parent emailed, no response\n"
        ),
        "damaged_followups.txt",
        ["202358", "233117"],
        id="a_device_offices_sid_before_grade",
    ),
    pytest.param(
        # a choir's audition scores printed to PDF: "Name ID Gr" and the judges' marks
        (
            b"Honors Choir Auditions - Scores (Internal)\nDO NOT POST.\n"
            b"Name ID Gr Part Tone Pitch Sight Total/30 Result\n"
            b"Walsh, Danielle 298771 8 B 6 9 9 24 Selected\n"
            b"Moreno, Brandon 302689 7 S1 7 8 8 23 Not selected\n"
            b"Holland, Michael 309821 7 B 7 8 6 21 Not selected\n"
        ),
        "auditions.txt",
        ["298771", "302689", "309821"],
        id="a_printed_score_sheets_name_id_grade",
    ),
    pytest.param(
        # an SIS export with DESE's element codes as headers, a code's name after it
        (
            b"LASID,SASID,Last Name,First Name,DOB,Gr,DOE032,DOE033 Nighttime Res,Entry Date\n"
            b"181843,1034833961,Kelly,Luz,05/07/2019,K,01,02,11/25/2024\n"
            b"151389,1051283117,Vieira,Jayden,04/26/2019,K,01,04,12/01/2024\n"
        ),
        "mv_export.csv",
        ["1034833961", "1051283117", "151389", "181843"],
        id="an_sis_exports_element_code_with_its_name",
    ),
    pytest.param(
        # a family assistance fund's applications: the parents' own numbers, and their
        # children with each one's school and number in one cell
        (
            b"App #,Applicant,SSN,Household size,Children (school / ID),Request\n"
            b"EF-25-011,Ivonne Montanez,853-09-1770,4,Jordan Montanez (FDR #179165),rent\n"
            b"EF-25-012,Maria Souza,183-82-6539,4,Mateo Souza (HOL #102366),utility shutoff\n"
        ),
        "assistance_apps.csv",
        ["102366", "179165"],
        id="an_applications_children_with_school_and_number",
    ),
    pytest.param(
        # an athletic trainer's concussion notes: grade and sport in brackets, then the ID
        (
            b"CONCUSSION F/U NOTES - OCTOBER\n\n"
            b"MCCARTHY, Samuel  (gr 10, Boys Soccer)  ID 203617\n"
            b"  DOI 10/7/24 - head to head contact\n  10/8/24: headache 4/10. PCSS 32.\n\n"
            b"PHAN, Caleb  (gr 10, Volleyball)  ID 234771\n"
            b"  10/3/24: dizzy w/ quick head turns. RTL: reduced homework, extra time\n"
        ),
        "concussion_notes.txt",
        ["203617", "234771"],
        id="a_trainers_notes_id_after_the_bracketed_grade",
    ),
    pytest.param(
        # a cafeteria's headerless list of negative balances: the district's letters on
        # each number, the school's beside the grade
        (
            b"Negative balance follow-ups (over -$20) - Nov\n\n"
            b"Young, Brittany | MPS-53021 | RGE 4 | -133.85 | sent app - might qualify\n"
            b"Sanchez, Brian | MPS-21137 | CTR 5 | -61.43 | mom says paying friday\n"
            b"Gordon, Jeffery | MPS-85682 | MHS 9 | -62.38 | left VM x2\n"
        ),
        "negative_balances.txt",
        ["MPS-21137", "MPS-53021", "MPS-85682"],
        id="a_headerless_lists_lettered_numbers_beside_school_and_grade",
    ),
    pytest.param(
        # a discipline report printed to PDF: "Student Gr ID", each student's given name first
        (
            b"Student Incident / Discipline Report\nIncident #: AMS-INC-0419\n"
            b"Student Gr ID Role Action\n"
            b"Ethan Whitaker 8 230182 participant 1 day OSS (9/20)\n"
            b"Faith Bailey 8 258004 participant / initiator 2 days OSS (9/20, 9/23)\n"
        ),
        "incident_report.txt",
        ["230182", "258004"],
        id="a_discipline_reports_student_grade_id",
    ),
]


@pytest.mark.parametrize(("data", "name", "expected"), _STUDENT_NUMBER_CASES)
def test_a_students_number_is_found_where_real_files_put_it(
    scanner: Scanner, policy: Policy, data: bytes, name: str, expected: list[str]
) -> None:
    reports = _scan(scanner, data, name)
    ids = _sorted_values(reports, "STUDENT_ID")
    assert ids == expected
    assert FERPA in classify_reports(policy, reports)


# Notes, mails and lists that tell what happened to named students, or their health,
# with no number beside their names: each is their record.
_RECORDS_WITHOUT_NUMBERS = [
    pytest.param(
        # a teacher's reply to a parent: the child's screening scores, and the diagnosis
        # the parent shared ("he was diagnosed with ADHD"); the child is named by his first
        # name alone
        "From: Rebecca Halloran <rhalloran@mbps.k12.ma.us>\n"
        "To: Kathleen Sullivan <ksullivan82@gmail.com>\n"
        "Subject: RE: Liam reading progress\n\n"
        "Hi Kathleen,\n"
        "Starting Tuesday 1/21, Liam will join the Title I group Mon/Tues/Thurs.\n"
        "- His MOY DIBELS: ORF 33 wcpm (the winter benchmark for grade 2 is 72).\n"
        "- F&P: he started the year at F and is now reading at G.\n"
        "About the ADHD diagnosis you mentioned - Ms. Vega (our 504 coordinator) can set up "
        "a meeting.\n"
        "> We also wanted you to know he was diagnosed with ADHD over the summer.\n",
        id="a_teachers_reply_on_a_childs_screening_and_diagnosis",
    ),
    pytest.param(
        # a teacher's behavior log, a date and a gap before each name; it never says
        # "student", but only students get lunch detention, ISS and an SST meeting
        "P5 behavior log -- Mr. Okafor -- 24-25 S2\n"
        "codes: OOS=out of seat  CO=calling out  PH=phone  LD=lunch det\n"
        "1/7   Jaylen Washington - CO x4, OOS. verbal redirect x2, moved to front tbl. minor\n"
        "1/8   Khang Vo + Vy Pham - PH during indep reading, both phones to office bin\n"
        "2/3   Abigail Lynch - pushed Matheus Silva into locker. MAJOR, incident #2025-0117\n"
        "2/4   Abigail 1 day ISS per Mr. Marsh. work sent down\n"
        "2/13  Woodley Dorvil - REF, head down whole period. referred to SST?\n",
        id="a_teachers_behavior_log",
    ),
    pytest.param(
        # a therapy provider's invoice printed from a PDF: the sessions each child had
        "BAYSIDE THERAPY ASSOCIATES, INC.\n"
        "Bill to: Halton Public Schools, Office of Student Services\n"
        "Date Student Service Clinician Min Amount\n"
        "11/01/2024 Cho, Nathaniel BCBA consult Priya Raman 60 135.00\n"
        "11/05/2024 Brooks, Jaylen BCBA consult Priya Raman 45 101.25\n"
        "11/06/2024 Whitcomb, Tyler BCBA consult Priya Raman 45 101.25\n"
        "11/16/2024 Cho, Nathaniel BCBA consult Priya Raman 30 67.50\n"
        "TOTAL DUE $405.00\n",
        id="a_therapy_providers_invoice_by_child",
    ),
    pytest.param(
        "End of Day Substitute Report\nRoom 210, 11/12\n"
        "Period 2: Kelly Montgomery marked absent but showed up at 9:40 with no pass.\n"
        "Period 4: Dennis Hendricks left for the nurse at 11:05 and didn't come back.\n",
        id="a_substitutes_report",
    ),
    pytest.param(
        "Good afternoon,\nI'm writing to let you know about an incident involving Keira "
        "O'Sullivan today. Keira will be on a one-day suspension tomorrow and return Friday.\n",
        id="an_incident_mail",
    ),
    pytest.param(
        "Transition planning mtg -- Caleb Huang\nPresent: case manager, parent(s)\n"
        "Primary disability: Developmental Delay. Reads ~4th gr level.\n"
        "Behavior: 2 elopement attempts in Nov, none since BIP revised.\n",
        id="a_special_education_meetings_notes_by_their_title",
    ),
    pytest.param(
        "We still have kids who haven't finished Speaking:\n"
        "- Manuela Silva (gr 6) - absent 1/27-1/29\n"
        "- Ahmad Mansour (gr 6) - absent 1/27-1/29\n",
        id="a_lists_students_by_grade_and_absence",
    ),
    pytest.param(
        # a nurse's list in columns, a condition and an auto-injector on each line
        "Students w/ Epi orders -- OAK HILL 2024-25\n\n"
        "Paula Wells         Gr 5   Ms. Abernathy      peanut/tree nut            Auvi-Q 0.15\n"
        "Laura Munoz         Gr 2   Mr. Medeiros       PEANUT - anaphylaxis hx    EpiPen Jr\n"
        "Wendy Frye          Gr 3   Mr. Medeiros       bee venom                  EpiPen Jr x2\n"
        "Rose Larsen         Gr 3   Ms. Lindqvist      egg                        EpiPen Jr\n",
        id="a_nurses_list_in_columns",
    ),
    pytest.param(
        # a screening's referrals in a Markdown table: its "Result" column is each child's
        "### Grade 3 vision screening - referrals (screened 11/6/24)\n\n"
        "| Student | Teacher | R | L | Result | Letter sent |\n|---|---|---|---|---|---|\n"
        "| Wells, Martha | Mr. Medeiros | 20/32 | 20/40 | REFER | not yet |\n"
        "| Smith, Brandon | Mrs. Pacheco | 20/63 | 20/50 | REFER | 11/8 |\n"
        "| Rodriguez, Jennifer | Mr. Medeiros | 20/32 | 20/32 | rescreen | 11/8 |\n",
        id="a_screenings_results",
    ),
    pytest.param(
        "Briefly: Priyanka's speech-language testing showed an Auditory Comprehension "
        "standard score of 74.\n> Just confirming for Mateo's eligibility meeting on 10/21.\n",
        id="a_named_childs_testing",
    ),
    pytest.param(
        "Patricia Said came in this morning for Miles's registration. She's worried because "
        "Miles has a speech evaluation scheduled and she doesn't want to lose her seat.\n",
        id="a_named_childs_evaluation",
    ),
    pytest.param(
        # an athletic trainer's follow-ups: each athlete's injury
        "### ATC follow-ups (running list)\n\n"
        "- [ ] Jermaine Roberts (Boys Soccer, gr 11) - shoulder subluxation, PT 2x/wk\n"
        "- [ ] Lisa Melton (Volleyball, gr 12) - stress fx R tibia, out 6 wks\n"
        "- [ ] Eric Cox (Field Hockey, gr 12) - suspected ACL, MRI scheduled at Emerson\n"
        "- [ ] reorder athletic tape\n",
        id="an_athletic_trainers_follow_ups",
    ),
    pytest.param(
        # a co-op coordinator's notes: no "student" in them, but each one's marks in courses
        "co-op check-ins  (fall term)   -- M.O.\n\n"
        "10/7  Mariana Reyes - excellent eval from The Mill Pond Tavern, keep.\n"
        "10/14 Dylan Fontaine - pulled from placement pending review. Left site w/o "
        "permission 10/10,\n      3 tardies. Suspended 1 day (10/11) per AP Gorman. "
        "Can re-apply spring if he keeps a C or above "
        "(currently D+ in Algebra II, F in US Hist).\n",
        id="a_co_op_notes_marks_in_courses",
    ),
    pytest.param(
        # an athletic eligibility check: each student's GPA on his line, no word "student"
        "Q1 eligibility check - pulled from Aspen 11/12 (PN)\n\n"
        "Thompson, Anthony  #210102  Wrestling  GPA 2.02  F: Chem  -> ok\n"
        "Morrison, Cathy  #211221  Ice Hockey  GPA 2.12  F: PE/Health, Chem  -> INELIGIBLE\n"
        "Burns, Wayne  #209459  Swim & Dive  GPA 1.98  F: US Hist I, Alg II  -> INELIGIBLE\n",
        id="an_eligibility_checks_gpas",
    ),
    pytest.param(
        # a nurse's call log: what each call was about, in its "Re:" column
        "PARENT CALL LOG -- week 42\n\nDate\tStudent\tGr/School\tCaller\tRe:\tF/U\n"
        "10/15/24\tShelby Martin\t9/MHS\tKaren Gardner (617) 290-9217\t"
        "asking if son can carry inhaler on bus\tpending\n"
        "10/16/24\tCarlos Zaragoza\t1/HAW\tAnh Mai (978) 424-0251\t"
        "daughter's seizure med changed to Keppra 500mg bid\tpending\n"
        "10/16/24\tKyle Wade\t7/PMS\tBella Viana (617) 777-1492\t"
        "peanut allergy, wants peanut-free table at lunch\tdone\n",
        id="a_call_logs_re_column",
    ),
    pytest.param(
        # an assistant principal tells a coach of two students' suspensions
        "Coach,\n\nFollowing the incident on the bus returning from Oakmont on 10/22, Gregory "
        "Adams has been assigned a 2-day out-of-school suspension (10/24-10/25) for fighting. "
        "Kelly Lewis received 1 day in-school suspension.\n\nAmanda Graham\n",
        id="a_suspension_assigned",
    ),
    pytest.param(
        # a program head's reply after an incident: which student will serve what
        "Denise,\n\nAfter meeting with both students: Carla Mendes will serve a 1-day "
        "out-of-school suspension (4/2) for the incident, with a re-entry meeting on 4/4. "
        "Nina Roth - no consequence.\n\nMK\n",
        id="a_suspension_to_serve",
    ),
    pytest.param(
        # a psychologist's summary of referrals: each child's WISC index scores, KTEA and
        # BASC under the tests' own abbreviations; no word says "student"
        "Name,ID#,Age,VCI,VSI,FRI,WMI,PSI,FSIQ,KTEA LWR,KTEA RC,BASC Attn (T),Notes\n"
        "Ava Thompson,2301847,8:7,112,98,92,107,83,98,82,101,54,retest RC\n"
        "Sophie Chen,2299457,8:0,110,83,81,111,105,98,77,86,57,ELL\n"
        "Diane Steele,2321108,8:5,91,109,106,93,95,98,78,88,54,outside eval\n",
        id="an_evaluations_score_sheet",
    ),
    pytest.param(
        # a principal's tracker of parents' complaints: what each was about (a suspension,
        # bullying, an injury) in its "Summary" column
        "#,Date rec'd,From,Re: student,Grade,Category,Summary,Assigned,Resolution\n"
        "1,9/12/24,parent (Haddad),,,Transportation,Bus 3 stop moved w/o notice,AW,referred\n"
        "2,9/30/24,Rosa Delgado,Mateo Delgado,3,Discipline,Disputes 1-day OSS for pushing on "
        'stairs,AW,"re-entry mtg, OSS upheld"\n'
        "3,10/4/24,Gerald Hughes,Owen Hughes,4,Bullying,Name-calling on bus 7/lunch; 4 nurse "
        "visits,MD,substantiated; safety plan\n"
        "5,11/6/24,Jeremy's mother,Jeremy Williams,4,Injury,Bruised shin by peer 11/5,MD,"
        "nurse note; peer disciplined\n",
        id="a_complaint_trackers_summaries",
    ),
    pytest.param(
        # a teacher's contact log typed by hand: date and student share a column, and
        # what each call was about and how it ended share another ("reason -> outcome")
        "CONTACT LOG - R. Brandt - Grade 8 Science\n"
        "date   student                 | contact                | reason -> outcome\n"
        "------------------------------------------------------------------------\n"
        "10/02  Mason Whitaker   ID 231874 | Mrs. Whitaker       | lab quiz 41%, retake "
        "offered -> spoke w/ mom\n"
        "10/09  Priya Raman      ID 240512 | Dev Raman (father)  | phone out in class x3 -> "
        "left VM\n"
        "10/15  Colin Forde      ID 228803 | Ms. Forde           | Q1 avg 55% - failing -> "
        "meeting set 10/22\n",
        id="a_contact_logs_reason_and_outcome_column",
    ),
    pytest.param(
        # MassHealth's remittance for a district's nursing services: its students are
        # "members", each line led by the claim's number
        "Remittance Advice - School-Based Medicaid Program\n"
        "Provider: Ashford Public Schools   Provider ID: 110098123B   Paid: 11/15/2024\n"
        "ICN Member Member ID DOS Code Units Billed Paid\n"
        "2501938475610 Whitford, Nadia 318274650912 10/03/24 T1002 4 46.84 46.84\n"
        "2507720391846 Osei, Kwame 604918273645 10/07/24 T1002 8 93.68 0.00\n"
        "2503318825079 Brennan, Aoife 772601938452 10/11/24 T1002 2 23.42 23.42\n"
        "CO-16: Claim lacks information. Resubmit with IEP service documentation.\n",
        id="a_school_based_medicaid_remittance",
    ),
    pytest.param(
        # a counselor's Markdown notes on incoming students, each name in bold
        "# Grade 5 -> 6 transition: incoming students w/ 504s\n\n"
        "**Lucia Ferraro** (1702281946)  \n- dx: ADHD, combined\n"
        "- current accommodations: preferential seating; extended time\n\n"
        "**Kofi Mensah** (1588203317)  \n- dx: Type 1 diabetes\n"
        "- current accommodations: snacks in class; nurse visits before lunch\n\n"
        "**Emily Carter** (1930017755)  \n- dx: Dyslexia\n"
        "- current accommodations: audiobooks; text-to-speech\n\n"
        "**Jacob Sullivan** (1846620931)  \n- dx: Asthma\n"
        "- current accommodations: inhaler carried; modified PE\n",
        id="a_markdown_notes_names_in_bold",
    ),
    pytest.param(
        # an adult education program's note on a former learner's HiSET, for a college's
        # financial aid office: her birth date, as the program's intake has it
        "3/04/25  call w/ MVCC financial aid (Doreen) re Marisol Achterberg\n\n"
        "- former learner, finished HiSET 5/20/2024, all 5 subtests passed\n"
        "- they need our letter; Doreen read back what they have:\n"
        "     DOB 08/14/2001\n"
        "- I'll fax the letter today. DO NOT email it.\n",
        id="an_adult_learners_hiset_note",
    ),
    pytest.param(
        # the work permit a school issues a minor: the pupil's, though it names an employer
        "Youth Employment Permit\nPermit No. WP25-2210\nName Alicia Moreno\n"
        "DOB 03/12/2009\nGrade 10\nEmployer Westbrook Parks & Rec\nIssued 10/07/2024\n",
        id="a_youth_employment_permit",
    ),
    pytest.param(
        # a secretary's notes on trip fee waivers: the children's meal status, their state
        # numbers ("SASIDs") before their names
        "Trip fee waivers -- notes from mtg 10/15\n"
        "Dana pulled the list of kids who are free/reduced lunch eligible in grades 3-5.\n"
        "She gave SASIDs so the office can match them in Aspen.\n\n"
        "  1049308754  Walsh, Emily  gr4  Reduced  -> $16 due\n"
        "  1312700714  Bianchi, Laura  gr4  Free  -> $0 due\n"
        "  1431580210  Haddad, Omar  gr5  Free  -> $0 due\n",
        id="a_fee_waivers_meal_status",
    ),
    pytest.param(
        # a director's reply about audition scores, the list quoted from the mail before
        "Let's bump Vernon to a full spot: the IEP accommodations for sight-reading "
        "(extended time) weren't applied on day 1. Please don't post scores.\n\n"
        "-----Original Message-----\nHere are totals from the two days (/75):\n\n"
        "> Todd Gonzalez - 63/75\n> Vernon Roberts - 70/75\n> Karen Long - 56/75\n"
        "> Emily Carter - 52/75\n",
        id="a_quoted_list_of_audition_scores",
    ),
    pytest.param(
        # a residency officer's mail: the child's grade and school in brackets, her tardies
        "Jill,\n\nYes please put them on the 10/29 hearing list. FYI the attendance piece is "
        "strong. Amara (gr 8, Dunmore) has 17 tardies since 9/4, almost all 1st period.\n\n"
        "Tom\n",
        id="a_residency_officers_count_of_tardies",
    ),
    pytest.param(
        # an assistant principal's phone log: each call "re:" a child and his grade
        "PARENT PHONE LOG - October 2024\n"
        "10/1  8:05a   | Rupal Shah (mom)  | re: Deven Shah gr8\n"
        "    Kids on bus making fun of his meds (ADHD). Deven has 504 - accommodations "
        "include nurse-administered med at 11:30.\n\n"
        "10/2  9:15a   | Marisol Rivera     | re: Sofia Rivera gr8\n"
        "    Sofia got 1 day ISS for the group chat messages.\n",
        id="a_phone_logs_re_a_child_and_grade",
    ),
    pytest.param(
        # a pupil's witness statement in a bullying (HIB) investigation
        "Student Witness Statement - HIB-24-021\n"
        "Name: Owen Fitzgerald     Grade: 6     Date: 10/4/2024     Taken by: Mr. Delacroix\n"
        "I was in the locker room 4th period. Some kids were saying stuff to another boy.\n"
        "Signature: Owen Fitzgerald\n"
        "Admin note: worried about retaliation; added to check-in list. His own file: 1 "
        "minor referral 9/2024 (phone use).\n",
        id="a_witness_statement_in_a_bullying_investigation",
    ),
    pytest.param(
        # a team's behavior log, its fields a bar apart: each student with his number
        "Behavior log -- wk of 10/21 (Team Blue)\n\n"
        "Mon 10/21 | Tyler Rossi (237763) | P3 | left room without permission | office "
        "referral #2 -> AP Sato, lunch detention x2\n"
        "Mon 10/21 | Giselle Bergeron (226332) | P6 | profanity toward peer | teacher detention\n"
        "Tue 10/22 | Declan Sullivan (236035) | P1 | refused to work | call home; check IEP goal\n"
        "Thu 10/24 | Maya Gonzalez (221750) | P7 | vaping in boys room | 1 day OSS\n",
        id="a_behavior_logs_students_and_numbers",
    ),
    pytest.param(
        # a dismissal log kept for custody alerts: each student by name and grade, the adult
        # who took him and the license shown
        "ID VERIFICATION - students w/ custody alert\n\n"
        "date      student (gr)              out    picked up by              MA DL #\n"
        "11/4/24   Kayla O'Brien (9)         1:10   Beverly O'Brien           S29566414\n"
        "11/7/24   Dylan Pereira (12)        10:40  Karen Pereira             S90932659\n"
        "11/10/24  Adam Hill (12)            9:15   Walter Hill               S97828121\n\n"
        "** Kayla O'B: ONLY mother may pick up per court order on file (see AP).\n",
        id="a_custody_alerts_dismissal_log",
    ),
    pytest.param(
        # a mother's reply about a field trip: her daughter's allergy, by her first name
        "Hello Mr. Brennan,\n\nI tried to pay for Sophie's museum trip on MySchoolBucks but it "
        "keeps giving me an error.\n\nAlso I want to remind you Sophie is allergic to peanuts "
        "and tree nuts -- she carries an EpiPen in the front pocket of her backpack.\n\n"
        "Thank you,\nRenata Medeiros\n",
        id="a_mothers_note_of_her_daughters_allergy",
    ),
    pytest.param(
        # an attendance clerk's running notes: no word "student", but their absences,
        # tardies and a detention
        "ATTENDANCE DESK - running notes (Donna)  Oct 2024\n\n"
        "10/1  called Ortiz home re Jaylen (239910) - 3rd day out. mom says strep.\n"
        "10/1  Connor Doherty signed out 10:40 by dad, dentist. no note yet -> remind\n"
        "10/2  Maria Hernandez #206442 - 5 unexcused now. letter 1 goes out Fri.\n"
        "10/7  Aaliyah B. tardy again (4th this term) - sent to Mr. DeLuca per tardy policy, "
        "lunch detention 10/9\n"
        "10/9  Ravi Patel - parent called, family trip to India 10/14-10/25. told her this is "
        "unexcused per handbook.\n"
        "10/10 nurse dismissed Emily Tran 12:15 - fever 101.2 - mom picked up\n",
        id="an_attendance_clerks_running_notes",
    ),
    pytest.param(
        # a teacher's reply to a parent: her son's average in a course, by his first name
        "Hi Mrs. Gallagher,\n\nThanks for reaching out. Jordan's current ELA average is 61% "
        "(D-). The missing pieces are:\n  - Refugee ch. 1-8 reading log (due 9/27) -- 0/20\n"
        "He can turn these in by Friday 10/25 for up to 80% credit.\n\nBest,\nKaren Walsh\n",
        id="a_teachers_reply_with_a_course_average",
    ),
    pytest.param(
        # a forwarded thread the mail system tags: its tags are no template's blanks
        "[EXTERNAL] Fwd: [EXTERNAL] Kelly's IEP meeting\n\n"
        "Kelly Lewis (ID 241730) was marked absent 10/14-10/16; her IEP team meets 11/6.\n",
        id="a_tagged_mails_student",
    ),
]


# Files that name people and speak of students, and are no student's record.
_NOT_STUDENTS_RECORDS = [
    pytest.param(
        # a blank medication form for families, each label in four languages; the blank
        # after one label is not filled by the next label across the line
        "MEDICATION ADMINISTRATION AUTHORIZATION  (105 CMR 210.000)\n"
        "PART A - PARENT / GUARDIAN  (Padre / Responsavel / Paran)\n"
        "Student name / Nombre del estudiante / Nome do aluno / Non elev: ____________\n"
        "Date of birth / Fecha de nacimiento / Data de nascimento / Dat nesans: ________\n"
        "School / Escuela / Escola / Lekol:          Grade / Grado / Serie / Klas: _______\n"
        "Parent/guardian name:                                Relationship: ____________\n"
        "I give permission for the school nurse to give the medication below.\n"
        "PART B - LICENSED PRESCRIBER\n"
        "Medication name:                 Dose:           Route:\n"
        "Time(s) to be given at school:                  Diagnosis / reason:\n"
        "[ ] Student may self-carry / self-administer (inhaler, epinephrine, insulin)\n"
        "Prescriber name (print):                         Phone:               Fax:\n",
        id="a_blank_medication_form_in_four_languages",
    ),
    pytest.param(
        "Test Administrator Training - Brian Tierney, District Test Coordinator\n"
        "Reading a team summary (EXAMPLE ONLY - fictitious data)\n"
        "Child: Maya Smith    Eligibility: developmental delay; IEP services: SLP 2x30\n",
        id="a_trainings_example_only_with_a_note",
    ),
    pytest.param(
        # a test administrators' training: a made-up ticket whose birth date is on the line
        # after its made-up name
        "ACCESS for ELLs 2025 - Test Administrator Training - Brian Tierney, Coordinator\n"
        "Student test tickets contain the SASID, name and birth date.\n"
        "3. Reading a test ticket\n"
        "Name: DOE, JANE Grade: 04 Tier: B\n"
        "State Student ID: 1234567890 Birth Date: 01/01/2015\n"
        "Only students with an IEP or 504 plan receive accommodations.\n",
        id="a_trainings_made_up_test_ticket",
    ),
    pytest.param(
        # a training's made-up "John Q. Student" and his placeholder number
        "Med Admin & Student Privacy - Lourdes Figueira, RN\n"
        "Authorization says: John Q. Student, Gr 7, ID 000000\n"
        "FERPA: education records - grades, health records, 504/IEP, discipline, attendance\n",
        id="a_trainings_john_q_student",
    ),
    pytest.param(
        # a summer program's newsletter: its top readers and its showcase's picks
        "MILLBROOK SUMMER ACADEMY NEWS - Issue 3 - August 2024\n"
        "Over 140 students from grades 6-12 joined us. - Rosa Figueroa, Summer Program "
        "Director\n"
        "Summer Reading Challenge - Top Readers\n"
        " * Ana Ramirez (Grade 8) - 14 books\n"
        " * Connor McCarthy (Grade 7) - 12 books\n"
        " * Khoa Le (Grade 6) - 11 books\n"
        "Science Exploration Showcase - judges' picks\n"
        ' * "Which sunscreen blocks the most UV?" by Liam McCarthy\n'
        " Aug 15 - summer grades mailed home; credit recovery credits posted by Aug 23\n",
        id="a_summer_newsletters_top_readers",
    ),
    pytest.param(
        # a training's made-up student with a made-up surname ("Sam Student")
        "Spot the PII (examples are fake) - Marcus Whitfield, HR\n"
        "Student: Sam Student, SASID 1000000000, DOB 01/01/2015, IEP -> student record\n"
        "'Gr 4 had 12 students on IEPs this year' -> aggregate, OK to share\n",
        id="a_trainings_sam_student",
    ),
    pytest.param(
        # a training's example of a record, named for Jane Doe, says nothing of anyone; nor
        # does "anything about a specific child: attendance, ..."
        "EDP staff orientation - Presented by Dana Whitfield, EDP Director\n"
        "What counts as student records? (FERPA)\n"
        "Anything about a specific child: attendance, incident reports, health/allergy "
        "plans, IEP/504 info, behavior notes\n"
        "Example: 'Jane Doe, DOB 01/01/2015, Gr 3, IEP for reading' = a student record\n",
        id="a_trainings_jane_doe_record_and_a_specific_child",
    ),
    pytest.param(
        # a principal's mail for the newsletter: the winners' list, a blank line below the
        # sentence that introduces it, and a school's MCAS results
        "Here's the MCAS blurb for the November newsletter. Please also add the Science Fair\n"
        "winners (all three families signed the media release):\n"
        "\n"
        "  - Amara Osei, Grade 5\n"
        "  - Ishaan Reddy, Grade 4\n"
        "  - Valentina Cruz, Grade 5\n"
        "\n"
        "  Gr 3 ELA  48% M/E (+5 from 2023)   Math 44% (+2)\n"
        "Deirdre Fitzgerald\nPrincipal, Riverside Elementary School\n",
        id="a_mails_list_of_winners_below_a_blank_line",
    ),
    pytest.param(
        # an assessment vendor's invoice: its remittance's "Account name:" is its own
        "NORTHBRIDGE ASSESSMENT SERVICES LLC - INVOICE NAS-88214\n"
        "MCAS practice assessment licenses, Grade 10 ELA and Math, 412 students\n"
        "Questions: Kevin Brennan, Account Manager\n"
        "Remit by ACH (company account):\n"
        "Account name: Northbridge Assessment Services LLC\n",
        id="an_assessment_vendors_invoice",
    ),
    pytest.param(
        # an interpreters' training: its presenter's note says its examples are fake
        "Interpreter Training - Confidentiality & FERPA (Aug 2024) - Amal Haddad\n"
        "Student name, ID number, date of birth - e.g. Student 'Jane Doe', SASID 1234567890\n"
        "At the meeting you may hear about her IEP and her report card: keep it private.\n"
        "Use the fake examples only. Remind them the SASID on the slide is not real.\n",
        id="an_interpreters_training_with_fake_examples",
    ),
    pytest.param(
        # a 504 refresher's slides: a subject line's example with a zeroed ID, and made-up
        # students in its scenarios
        "504 Refresher PD - presented by Rafael Gomes, Guidance\n"
        "504 plans are education records (FERPA): accommodations for ADHD, diabetes,\n"
        "anxiety, food allergies. Share only with staff who need to know.\n"
        'Use initials + local ID in subject lines, e.g. "J.D. (ID 000000) - accommodation '
        'update"\n'
        "Scenario practice: a student with a 504 for T1D has a CGM alarm during a quiz.\n",
        id="a_trainings_zeroed_id",
    ),
    pytest.param(
        # a class newsletter: the teacher's "Second Grade" is her class, and its star
        # readers of the month are honoured, no one's record
        "Room 12 Reading Rockets\n"
        "October 2024  |  Ms. Weiss's Second Grade  |  Lydia Cobb Elementary School\n"
        "Reading: We are learning to check our reading. Ask your child to show you.\n"
        "Math: adding and subtracting within 100. Science: Weather!\n"
        "Star Readers of the Month\n"
        "These readers logged 20+ nights of home reading in September. Way to go!\n"
        "Emeka Oduya\nDylan Pe\u00f1a\nXinyi Zhang\nNia Mitchell\n"
        "11/20-21 - Parent conferences (sign-up link coming via ParentSquare)\n"
        "Questions? hweiss@wexfordps.org  |  (978) 664-3212\n",
        id="a_class_newsletters_star_readers",
    ),
    pytest.param(
        # a school committee's posted packet: its personnel report lists the staff
        # appointed and leaving, each by name and job, beside the district's figures
        "Superintendent's Report - Enrollment (October 1 vs March 1)\n"
        "Students with disabilities 21.6%; English learners 19.3%. Kindergarten families\n"
        "bring a birth certificate and immunization records. Special education and reading\n"
        "MCAS accommodation results are posted. Field trip buses: $1,200 Whitcomb PTO.\n"
        "Personnel Report (information only)\n"
        "Appointments Position Location Step/Lane Eff.\n"
        "Jamal Freeman         Grade 2 Teacher                  Riverside      B/3        3/21/24\n"
        "Maribel Figueroa      Special Education Teacher        WMS            M/6        2/13/24\n"
        "Mai Nguyen            School Psychologist              EFHS           M+30/9     2/17/24\n"
        "Alejandro Figueroa    Paraprofessional                 Horace Mann    P/1        3/21/24\n"
        "Resignations / retirements\n"
        "Layla Aziz            Resignation (relocation) - WMS Grade 7 Science, eff. 6/30/24\n"
        "Rania Saleh           Retirement after 31 years - Riverside Grade 1, eff. 6/30/24\n"
        "Omar Khoury           Resignation - EFHS Cafeteria, eff. 3/22/24\n",
        id="a_school_committees_personnel_report",
    ),
    pytest.param(
        # a purchase order for test protocols: the vendor's remittance abbreviates its
        # "Acct name:", and the psychologist who asked is named with her title
        "PURCHASE ORDER   No. 25-0471\n"
        "Ship to: Student Services - testing cabinet SS-2\n"
        "4 30001 WISC-V Record Forms (pkg of 25) 978-0-15-897949-6 $151.20 $604.80\n"
        "2 30034 CELF-5 Record Form 2 (ages 9-21) (25) 978-0-15-814553-2 $109.80 $219.60\n"
        "Account: 1000-2400-5500-22 (SPED testing supplies, assessment services)\n"
        "Bank: Wells Fargo Bank, N.A.   ABA 011019381   Acct name: NCS Pearson Inc\n"
        "Requested by: Rebecca Levesque, School Psychologist\n",
        id="a_purchase_order_for_test_protocols",
    ),
    pytest.param(
        # a counseling newsletter: its peer leaders of the month are honoured, its
        # families' paragraph speaks of anyone's child ("el horario de su hijo")
        "The Counseling Connection - Eastfield High School Counseling Department\n"
        "Course selection opens March 17, MCAS ELA testing is March 25-26.\n"
        "Peer Leaders of the Month\n"
        "Malik Coleman (Grade 11) - volunteered 40 hours at the food pantry this winter.\n"
        "Ricardo Toussaint (Grade 12) - organized the Kindness Week sticky-note wall.\n"
        "Rohan Desai (Grade 10) - welcomed three new students as a peer buddy.\n"
        "Mental Health Awareness Week: yoga at lunch, therapy dog visit Thursday\n"
        "Si tiene preguntas sobre el horario de su hijo, llame a la oficina de consejeria.\n"
        "Meet Your Counselors: Lucia Ferreira, Tamika Holloway\n",
        id="a_counseling_newsletters_leaders_of_the_month",
    ),
    pytest.param(
        # a preschool's newsletter: its stars of the week, and kindergarten's eligibility
        # window ("born 9/1/2019 - 8/31/2020"), no one's birthday
        "Stars of the Week\n"
        "Our teachers chose these friends for showing our Hawthorne habits:\n"
        "Zofia Kowalski (Room 108 PM) - for being our line leader\n"
        "Lily Greene (Room 108 AM) - for sharing a family story\n"
        "Theo Thompson (Room 104 AM) - for trying new foods at snack!\n"
        "Kindergarten Registration for Fall 2025\n"
        "Children who turn 5 on or before August 31, 2025 (born 9/1/2019 \u2013 8/31/2020) are "
        "eligible for kindergarten. Bring an immunization record to the Central Office.\n",
        id="a_preschools_stars_of_the_week_and_kindergarten_window",
    ),
    pytest.param(
        # a training's example of what not to send: the made-up student's birth date and
        # SASID on her line are no one's (no word says the example is made up)
        "Student Data Privacy 101\n"
        "Feb 14 PD Day - Pine Hill MS. Karen Whitfield, Director of Data & Accountability\n"
        "Anything directly related to a student: grades, IEPs, 504s, nurse notes\n"
        'Example: "Jane Doe, SASID 1234567890, DOB 01/01/2012, IEP - SLD" <- NEVER e-mail this\n',
        id="a_trainings_jane_doe_with_a_birth_date",
    ),
    pytest.param(
        "Part C to Part B Transition 101 - Karen Whitfield, Early Childhood Coordinator\n"
        "What a team summary looks like (EXAMPLE ONLY)\n"
        "Child: Maya Smith    Eligibility: developmental delay; IEP services: SLP 2x30\n"
        "Every child found eligible must have an IEP in place by the 3rd birthday\n",
        id="a_trainings_example_only_referral",
    ),
    pytest.param(
        # a training's slides: its student is a made-up example, its people the presenters
        "Protecting Student & Family Information\n"
        "Training for EL Family Liaisons - Presenter: Katherine O'Brien\n"
        "Spot the problem (fake examples)\n"
        '"Jane Doe, SASID 1234567890, DOB 01/01/2012, ACCESS composite 2.1" pasted into a '
        "group chat\n"
        "What is said in IEP, 504 and discipline meetings stays there\n"
        "Questions? Yolanda Diaz-Bernal, ELE Data Specialist\n",
        id="a_trainings_fake_example_student",
    ),
    pytest.param(
        # a family newsletter printed from a PDF, no blank line between its items: the
        # student named with his grade won a prize; the IEP is the next item's, a workshop's
        "HALTON STUDENT SERVICES - FAMILY NEWSLETTER\n"
        "Celebrating our students\n"
        "Captains Brianna Costa and Owen Fitzgerald were named Unified Sportsmanship Award "
        "winners.\n"
        "Mei Lin Zhou (Grade 12) won 2nd place in the regional Best Buddies art show, and\n"
        "Darnell Washington was named Student Employee of the Month at the Public Library.\n"
        "SEPAC corner\n"
        'Basic Rights Workshop: "Understanding the IEP Process" - Thursday, February 6.\n'
        "This year Halton serves 612 students with IEPs and 241 students with 504 plans.\n",
        id="a_newsletters_prize_winner_and_the_next_items_iep_workshop",
    ),
    pytest.param(
        # a staff directory: "Nurse" and "Attendance Officer" are jobs; "First Student"
        # runs the buses
        "CROSSROADS ALT HS - FRONT OFFICE QUICK DIAL (updated Aug 2024)\n"
        "============================================================\n\n"
        "Main office ............ 508-555-0140  fax 508-555-0149\n"
        "Angela Moreau          Principal                            x2124  Rm 104\n"
        "Kevin Dunleavy         Assistant Principal                  x2104  Rm 120A\n"
        "Maria Costa            Front Office Secretary               x2123  Rm 101\n"
        "Tom Pereira            Registrar / Data Clerk               x2159  Rm 101\n"
        "Lisa Harrington        School Adjustment Counselor          x2115  Rm 101\n"
        "Jennifer Walsh         School Nurse, RN                     x2186  Rm 104\n"
        "Daniel Okonkwo         Special Education Team Chair         x2160  Rm B-12\n"
        "Ray Lacerda            Attendance Officer                   x2105  Rm 110\n"
        "Priya Raman            Guidance Counselor                   x2176  Rm 120A\n\n"
        "Transportation (First Student yard)  508-555-0177\n",
        id="a_staff_directory",
    ),
    pytest.param(
        # a memo's example of a subject line is no one's
        "MEMORANDUM\nFROM: Linda Perlmutter, Director of Student Services\n"
        "RE: Emailing student information\n"
        "1. Use initials or the local ID in subject lines (e.g., 'SST - J.R. / 204871').\n"
        "2. Add [SECURE] to the subject when the body includes IEP or 504 details.\n",
        id="a_memos_example",
    ),
    pytest.param(
        # a test vendor's shipping notice: the district's code in brackets is no student's
        "FYI - boxes going to Central Office Rm 208.\n-Marisol Quintero\n"
        "Subject: ACCESS for ELLs - Shipment Confirmation - Order 4471902\n"
        "District: MILLBROOK PUBLIC SCHOOLS (06400000)\nOrder Number: 4471902\n"
        "WIDA test materials may be ordered until 2/7/2025.\n",
        id="a_districts_code_in_brackets",
    ),
    pytest.param(
        # a staff list numbers its people by employee ID, whatever it says of students
        "Staff covering lunch duty (Emp ID shown) - students line up at 11:40\n"
        "Mary Jones (ID 402113) covers the cafeteria\n"
        "Paul Green (ID 402987) covers the gym\n",
        id="a_staff_list_by_employee_id",
    ),
    pytest.param(
        # a training's definition: "Student:" labels what counts, not whose record it is
        "Protecting Student & Staff Data\nLibrary & Media Services PD - August 27, 2024\n"
        "What counts as PII?\n"
        "Student: name + ID (local or SASID), DOB, grades, IEP/504, discipline, health\n"
        "Anyone: SSN, driver's license, bank/credit card numbers\n"
        "Questions?\nSamir Haddad, Instructional Technology Coach, x4116\n",
        id="a_trainings_definition_of_a_record",
    ),
    pytest.param(
        # a substitute nurse's instructions point to the plans, and name no student
        "SUBSTITUTE NURSE INSTRUCTIONS - HAWTHORNE ELEMENTARY\n"
        "1. Keys are with Karen in the main office (ext 4417).\n"
        "2. The MED BINDER has every student's medication order + parent permission.\n"
        "5. Diabetic student(s): see individual health plans in the green folder.\n"
        "7. Never write a student's SASID on sticky notes.\nThanks!! -- Denise\n",
        id="a_substitute_nurses_instructions",
    ),
    pytest.param(
        # a registration portal's help: its birth date is the format's example
        "Online Registration: Field-by-Field Help\n"
        "Field\tRequired?\tHelp text\n"
        "Child legal name\tYes\tAs shown on the birth certificate.\n"
        "Date of birth\tYes\tMM/DD/YYYY. Example: 04/15/2021\n"
        "Previous school / Student ID\tNo\tIf your child attended another MA public school, "
        "you may enter the 10-digit SASID.\n"
        "IEP / 504\tYes\tCheck yes if your child has an IEP or 504 plan.\n",
        id="a_help_pages_example_birth_date",
    ),
    pytest.param(
        # a summary's table: its "Avg min/student" column holds numbers, no one's name
        "# Summer Reading 2024 - results summary\n\n"
        "| School | Registered | Completed log | Avg min/student | Kickoff attendance |\n"
        "|---|---|---|---|---|\n| Hillside | 212 | 148 | 665 | 131 |\n"
        "| Pine Street | 187 | 121 | 639 | 96 |\n| Ward Hill | 133 | 92 | 598 | 70 |\n\n"
        "- Grades 3-5 completed at the highest rate (71%).\n"
        "Next year: drop the medical/allergy question unless the child attends the kickoff.\n",
        id="a_summarys_column_per_student",
    ),
    pytest.param(
        # a claim's upload format: "SASID | 10 digits" is the field's size, not a student's
        "_Granby Falls Public Schools - Office of Student Services.  Owner: Paula F.  "
        "Reviewer: Steve O._\n"
        "- [ ] Confirm placement dates against signed IEP placement pages (N1/placement consent)\n"
        "| Field | Format | Example |\n|---|---|---|\n| SASID | 10 digits | 1XXXXXXXXX |\n"
        "| Placement type | code | 40, 41, 50 ... |\n| Days enrolled | integer | 180 |\n"
        "- [ ] Note expected reimbursement (approx 75% above threshold) for the revolving fund\n"
        "- [ ] Retain backup 7 yrs per records retention schedule\n",
        id="an_upload_formats_field_sizes",
    ),
    pytest.param(
        # a parent night's "who we are": a counselor of grade 6 at her extension is staff
        "Welcome to Grade 6!\nWho we are\n"
        "Dana Whitcomb - Grade 6 Counselor (x4412, Rm 112A)\n"
        "Denise Fontaine - Adjustment Counselor\nKaren O'Donnell - Scheduling\n"
        "Joan Albee, RN - Nurse (x4150)\n"
        "Aspen parent portal - grades posted weekly\n"
        "Student ID # is on the schedule and the ID card - include it when you email\n",
        id="a_parent_nights_staff_by_grade",
    ),
    pytest.param(
        # a cashiers' training: its student is the register's example, in training mode
        "Cashier Training: LINQ POS\nFinding a student\n"
        "Student enters PIN (local ID) on keypad\nOr search by name; ALWAYS check photo\n"
        "Example: Student # 000000 'Test, Student' (training mode)\n"
        "Alerts\nRed icon = allergy / special diet - check binder\n"
        "Card payments online only: receipt shows **** **** **** 1234\n",
        id="a_trainings_example_student",
    ),
    pytest.param(
        # a principal's observation of a teacher: its students are her class, no one's record
        "UNANNOUNCED OBSERVATION -- B. Kowalski, Gr 3, Rm 205\n"
        "11/13/24  9:02-9:19 am  (ELA -- Fundations / vocab)\n"
        "Evaluator: A. Whitcomb      Employee #: E-10427      Cycle: 2-yr self-directed\n"
        "9:02  22 students on rug; 2 at back table w/ para.\n"
        "9:11  independent practice, 4 students called to table for reteach\n"
        "Accommodations for students w/ IEPs (6 in class) appeared to be implemented\n"
        "Feedback to send in TeachPoint by Fri 11/15.\n",
        id="a_teachers_observation",
    ),
    pytest.param(
        # the day's substitutes: the absent are teachers, the numbers Frontline's jobs
        "SUB COVERAGE -- Friday 11/22/2024\n(Mass. Reading Assoc. PD -- 4 teachers out)\n\n"
        "Absent            Rm    Sub (Frontline job #)        Notes\n"
        "Kowalski, B.      205   M. Anand  (#4471902)          plans in red folder on desk\n"
        "Doherty, S.       212   P. Lemieux (#4471931)         MCAS practice block moved\n"
        "Whitaker, J.      201   UNFILLED  (#4471915)          -> split class?\n",
        id="a_sub_coverage_plan",
    ),
    pytest.param(
        # an opening-day deck welcomes new staff by their rooms, among the school's numbers
        "Our Year at a Glance\n262 students, 12 homerooms, 6 new staff\n"
        "SIP focus: grade 3 reading, attendance, SEL\nMCAS 2024: ELA up 4 pts, Math flat\n"
        "Welcome New Staff\nNicole Salerno - Kindergarten (Rm 106)\n"
        "Maura Kerrigan - SLP (Rm 117)\nRachel Fontaine - Art\n"
        "Confidentiality Refresher\n"
        "Student records: IEPs, 504s, health, discipline = need-to-know only\n",
        id="an_opening_days_new_staff",
    ),
    pytest.param(
        # a main office's orientation slides: who's who by job and extension, then the
        # rules for student records that new staff must keep
        "Welcome to Ridgeview Middle!\nFront office orientation - August 2024\n"
        "Who's who\nTheresa Coughlin - admin assistant, x3100\n"
        "Gail Pemberton - attendance, x3101\nHarold Yee - bookkeeper, x3105\n"
        "Monique Blanchard - attendance officer, x3130\n"
        "Handling sensitive info\n"
        "Student records = FERPA: IEPs, 504s, nurse notes, discipline, grades\n"
        "Forms you'll use\nTardy pass (yellow)\nField trip permission (teacher brings)\n",
        id="an_orientations_whos_who_with_extensions",
    ),
    pytest.param(
        # a nurse's request to attend a conference on diabetes care and school-based
        # Medicaid billing: her own request, about no student
        "Professional Development / Conference Request\n"
        "Employee: Colleen Marsh, RN\nBuilding: Ashford High School\n"
        "Conference: NASN Annual Conference 2025\n"
        "Justification: Sessions on diabetes technology in schools and school-based Medicaid "
        "documentation; will present to district nurses in August.\n",
        id="a_nurses_conference_request",
    ),
    pytest.param(
        # an HR note counts two teachers' absences: no child's
        "To: HR\nRe: attendance\nPer the contract, Dana Lee has 6 absences this year; Karen "
        "Ortiz has 2 absences. Please review with the union rep before the evaluation "
        "meeting.\n",
        id="an_hr_notes_count_of_staff_absences",
    ),
    pytest.param(
        # a data office's training slides: a masked sample record, the state's error codes
        "SIMS 101 for Building Secretaries\nEnrolling a student\n"
        "Enter legal name exactly as on birth cert\n"
        "Sample: Name: DOE, JANE  SASID: 10XXXXXXXX  LASID: S00000\n"
        "Common errors\nDOB mismatch (error 0106)\nDuplicate SASID (0221)\n"
        "Missing SPED placement for IEP students (0411)\nQuestions? Dana x2214 / Linda x2215\n",
        id="a_trainings_masked_sample_and_error_codes",
    ),
    pytest.param(
        # a registrar's quick reference: its example screen is filled in by no one
        "Aspen for Registrars - Quick Reference\n1. To add a new student: Registration > "
        "Students > Options > Add. Leave 'State ID' blank - SASID is requested overnight.\n"
        "2. Example screen: Name: Student, Test   State ID: 10XXXXXXXX   Local ID: S00000   "
        "DOB: 01/01/2010 (sample only)\n3. Never type an SSN in the Alias or Notes fields.\n"
        "4. Help desk: x2300, Room 108.\n",
        id="a_quick_references_sample_screen",
    ),
    pytest.param(
        # a trainer's letter to every athlete's family about concussion training
        "Dear Parents and Guardians of Ashcombe High School Athletes,\n"
        "Massachusetts law requires every student-athlete and a parent/guardian to complete "
        "annual training on head injuries. Our program includes ImPACT baseline testing and "
        "a graduated return-to-play protocol after a concussion.\n"
        "Megan Castellano, Athletic Trainer\n",
        id="a_letter_to_every_athletes_family",
    ),
    pytest.param(
        # a newsletter's students of the month, by grade, then its next item on attendance
        "The Brook Bulletin - November 2024\nDear Willard Brook Families,\n"
        "Students of the Month (Kindness)\n"
        "Shawn P. (Gr K), Evan B. (Gr 2), Kelly G. (Gr 3), Robin F. (Gr 3), Mary W. (Gr 1)\n"
        "Attendance Matters\n"
        "Our school-wide attendance rate for October was 94.6%. Students who miss 10% or more "
        "of the school year (about 18 days) are considered chronically absent.\n",
        id="a_newsletters_students_of_the_month",
    ),
    pytest.param(
        # a secretary's to-do: a grade's trip money and its deposit slip's number
        "MONDAY 11/18\n"
        "[ ] order toner - PO 25-00417 (acct 01-2430-5510-2200) -- Brian has to sign\n"
        "[ ] field trip $$ to bookkeeper by Wed (Gr7 MOS - deposit slip #4471-118)\n"
        "[ ] re-send the enrollment packet link to the family on Lake St\n"
        "[ ] update Raptor volunteer list (CORI expirations - ask Pam)\n",
        id="a_to_do_lists_deposit_slip",
    ),
    pytest.param(
        # a how-to's table of an IEP's header fields and where each is found
        "# Annual Review Checklist (HHS SPED)\n\n"
        "1. Send Invitation to Team Meeting (N3) to parent/guardian - min. 10 school days\n\n"
        "| Field | Where to find it | Notes |\n|---|---|---|\n"
        "| Student name | SIS demographics | legal name, not nickname |\n"
        "| SASID | SIS > State tab | 10 digits, never make one up |\n"
        "| Local ID | SIS | 6 digits |\n| DOB | SIS demographics | |\n\n"
        "- Review progress on each goal; update PLEP A & B\n"
        "- IEP to parent within 2 weeks; enter dates in SIS + compliance tracker\n",
        id="a_checklists_table_of_fields",
    ),
    pytest.param(
        # a privacy training's slide of what not to send: its record is placeholders
        "What is an education record?\nGrades, report cards, MCAS scores\n"
        "IEPs, 504 plans, evaluations\nNurse notes, discipline, attendance\n"
        "Example: what NOT to email\n"
        "Student: [Name]   SASID: [##########]   IEP: [Yes/No]\n"
        "Employee: [Name]   SSN: [###-##-####]\nJuan Hall, Data Privacy Officer\n",
        id="a_privacy_trainings_placeholders",
    ),
    pytest.param(
        # a department's extensions: each one's job and extension, a gap apart
        "MILLBROOK PUBLIC SCHOOLS - STUDENT SERVICES EXTENSIONS  (updated 9/2024)\n\n"
        "Oyelaran, Raymond     Director of Student Services   Central Office   101\n"
        "Carbone, Denise       Team Chair K-5                 Central Office   143\n"
        "Raman, Priya          School Psychologist            HES / RBE        2217\n"
        "Mulcahy, Kevin        SLP                            PHE              3305\n"
        "Fontaine, Alyssa      SPED teacher                   HES rm 114B      2231\n"
        "Nurse - HES                                                           2205\n",
        id="a_departments_extensions",
    ),
    pytest.param(
        # providers' caseloads: counts of the students each one serves, no student named
        "Provider,Role,Building(s),IEPs (case mgr),Direct svc students,504 consults,FTE\n"
        "A. Fontaine,SPED Teacher,HES,12,50,3,1.0\nM. Webb,SPED Teacher,RBE,19,44,1,1.0\n"
        "K. Mulcahy,SLP,PHE/HES,0,30,4,1.0\nT. Boudreau,OT,All,0,47,5,1.0\n",
        id="providers_caseloads",
    ),
    pytest.param(
        # a health office's annual counts by school: the "name" column is each school's
        "name,code,enrollment,Visits total,ChronicConditions asthma,ChronicConditions "
        "seizure,Medications dailyScheduled\n"
        "Hawthorne Elementary,0177-0005,412,3120,38,4,12\n"
        "Lincoln Elementary,0177-0010,388,2877,31,2,9\n"
        "Cedar Hill Elementary,0177-0015,401,2954,35,3,11\n"
        "Milbrook Early Childhood Center,0177-0020,150,1203,6,1,2\n",
        id="a_health_offices_counts_by_school",
    ),
    pytest.param(
        # a counselor's recommendation template: its student is a blank in brackets
        "[Date]\nTo the Admissions Committee:\n"
        "It is my pleasure to recommend [STUDENT FIRST LAST] for admission to "
        "[PROGRAM/SCHOOL]. I have known [him/her/them] as [his/her/their] school counselor "
        "since grade 6 at Calvin Coolidge Middle School.\n"
        "Sincerely,\n\nTheresa Bianchi\nSchool Counselor, Grade 8\n"
        "--- checklist: attach transcript only if the school requests it; do NOT include "
        "504/IEP info or test scores unless parent signs ROI ---\n",
        id="a_recommendation_letters_template",
    ),
    pytest.param(
        # ACCESS testing sessions by grade band ("4-5", "9-12"), each with its test
        # administrator: staff by their sessions, no student's marks
        "date\troom\tsession\tdomain\tgrade band\t# students\tTA\tproctor/para\n"
        "2025-02-03\t221\tLMS-MU-23\tListening\t1\t14\tJoshua Steele\tT. Medeiros\n"
        "2025-02-03\t221\tLMS-MU-05\tListening\t4-5\t9\tRichard Garcia\t\n"
        "2025-02-03\t104\tRIV-MU-29\tWriting\t2-3\t5\tHunter Bender\t\n"
        "2025-02-03\t104\tRIV-MU-10\tWriting\t1\t4\tJennifer Malone\t\n"
        "2025-02-04\tB-209\tMHS-MU-04\tListening\t1\t10\tAllison Watson\t\n"
        "2025-02-04\tLibrary\tGAR-MU-04\tReading\t9-12\t11\tChristopher Jones\tT. Medeiros\n"
        "2025-02-04\t30\tPHE-MU-19\tSpeaking\t9-12\t9\tChristopher Jones\tT. Medeiros\n"
        "2025-02-04\tLibrary\tGAR-MU-06\tListening\t4-5\t2\tMichael Harris\t\n",
        id="a_testing_schedules_grade_bands",
    ),
    pytest.param(
        # a family night's sign-ins, by the grades of each family's children ("1, 3")
        "Family name,Adult(s),# children,Child grade(s),Phone,Raffle #\n"
        "Medeiros,Anthony,2,1,978-555-0100,102752\nEvans,Alison,3,1,978-555-0164,485245\n"
        "Pereira,Emily,1,5,978-555-0158,259454\nWoods,Jack,1,1,(508) 555-0102,312877\n"
        'Lopez,Maria,2,"2, 4",978-555-0171,118204\nNg,Kim,2,"1, 3",978-555-0133,220931\n'
        "Silva,Ana,1,K,978-555-0190,330127\n",
        id="a_family_nights_sign_ins",
    ),
    pytest.param(
        # an evaluation team's agenda: its attendees each named with a job in brackets
        # (a list of staff, no roster of students, whatever the agenda says of IEPs)
        "# Evaluation Team - Monthly Meeting\n\n**Facilitator:** Andrea Kowalczyk\n\n"
        "## Attendees\n\n- Daniel Ferreira (School Psychologist)\n"
        "- Hannah Kessler (School Psychologist (new hire))\n"
        "- Linh Pham (Speech-Language Pathologist)\n- Rachel Goldberg (Occupational Therapist)\n"
        "- Kevin Liu (Learning Specialist / Educational Evaluator)\n"
        "- Marcus Bellamy (Director of Student Services)\n\n## Agenda\n\n"
        "1. Timeline compliance - 91% of evals within 30 school days; IEP form rollout.\n"
        "2. Report template - one psychoeducational report; remove DOB from page headers.\n",
        id="a_meetings_attendees_named_with_their_jobs",
    ),
]


@pytest.mark.parametrize(
    ("text", "is_record"),
    [
        *(pytest.param(*case.values, True, id=case.id) for case in _RECORDS_WITHOUT_NUMBERS),
        *(pytest.param(*case.values, False, id=case.id) for case in _NOT_STUDENTS_RECORDS),
    ],
)
def test_prose_and_lists_are_a_students_record_or_not(
    scanner: Scanner, policy: Policy, text: str, is_record: bool
) -> None:
    classes = classify_reports(policy, _scan(scanner, text.encode(), "note.txt"))
    assert (FERPA in classes) is is_record


def test_a_contractors_agreement_is_his_personal_information_not_a_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """An evaluator's contract speaks of student records and Team meetings; its table
    is the contractor's own: his SSN and bank account."""
    data = w.docx_bytes(
        [
            "INDEPENDENT CONTRACTOR AGREEMENT",
            "This Agreement is entered into as of September 1, 2024 between Ashford Regional "
            'Public Schools (the "District") and Dr. Jonathan Feld, Ph.D., a licensed '
            'psychologist (the "Contractor").',
            "1. Services",
            "Contractor will conduct independent educational evaluations (IEEs) and "
            "neuropsychological evaluations as requested by the District, including written "
            "reports and attendance at Team meetings.",
            "2. Compensation",
            "$3,850 per comprehensive evaluation; $175/hour for Team meeting attendance, "
            "billed monthly.",
            "3. Confidentiality",
            "Contractor shall comply with FERPA, 603 CMR 23.00 and M.G.L. c. 93H with respect "
            "to all student records.",
            "Contractor Payment Information (Business Office use)",
        ],
        [
            [
                ["Legal name", "Jonathan M. Feld"],
                ["Taxpayer ID (SSN)", "437-17-5431"],
                ["Home address", "9351 Mills Square Apt. 338, Newton MA 02459"],
                ["Bank", "Eastern Bank"],
                ["Routing number", "211025395"],
                ["Account number", "9735310717"],
                ["MA license #", "PSY-6714"],
            ]
        ],
    )
    classes = classify_reports(policy, _scan(scanner, data, "contract.docx"))
    assert MGL_93H in classes
    assert FERPA not in classes


def test_a_sole_proprietors_business_account_is_his_own(scanner: Scanner, policy: Policy) -> None:
    """A vendor form says at its head that the vendor is a sole proprietor: his
    "Business checking" account is still a person's."""
    lines = [
        "Vendor Electronic Payment (ACH) Enrollment",
        "Vendor legal name Luis A. Cortez",
        "DBA Cortez Bookbinding & Repair",
        "Business type Sole proprietor",
        "Vendor # (MUNIS) 008812",
        "Address 112 Water St, Unit 4, Haverhill, MA 01830",
        "Contact phone (978) 555-0163",
        "Bank name Pentucket Bank",
        "ABA routing number 016699900",
        "Account number 993734341",
        "Account type Business checking",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "vendor_ach.pdf")
    assert MGL_93H in classify_reports(policy, reports)
    corporate = [line.replace("Sole proprietor", "Corporation") for line in lines]
    reports = _scan(scanner, w.pdf_bytes([corporate]), "vendor_ach_corp.pdf")
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_dismissal_log_with_short_lines_and_who_picked_up(
    scanner: Scanner, policy: Policy
) -> None:
    """An office's early-dismissal log typed with bars, its fields named in a note above it
    ("fmt: ..."): a return's line is shorter, the adult is named with who he is to the
    child, the staff's initials are no one, and a long note in a name column still gives
    its phone number."""
    data = (
        b"CEDAR BROOK ES - MAIN OFFICE - EARLY DISMISSAL / LATE ARRIVAL LOG\n"
        b"fmt: date time | TYPE | student | gr/rm | LASID | picked up by | reason | staff\n"
        b"--------------------------------------------------------------------------\n"
        b"10/01 09:22 | DISMISS | Reddy, Meera | 2/201 | 236144 | Rohan Reddy (father) | "
        b"OT appt outside | LM\n"
        b"10/03 13:19 | DISMISS | Mensah, Kofi | 4/205 | 242804 | Ngozi Mensah (mother) | "
        b"court date (family) | sub-AM\n"
        b"10/03 14:13 | RETURN  | Mensah, Kofi | back from appt, note given | YBC\n"
        b"10/09 14:51 | ALERT | Delgado, Jose | 1/111 | 221381 | Luis Delgado came to window "
        b"asking to take child, NOT on pickup list. Mother notified 781-303-6363 | DA/LM\n"
        b"10/14 10:33 | DISMISS | Sullivan, Connor | 5/208 | 234607 | Brianna DiNapoli "
        b"(grandmother, on card) | fever 100.8 - nurse | sub-AM\n"
    )
    reports = _scan(scanner, data, "early dismissal log OCT.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["221381", "234607", "236144", "242804"]
    assert _sorted_values(reports, "PERSON") == [
        "Brianna DiNapoli",
        "Delgado, Jose",
        "Mensah, Kofi",
        "Mensah, Kofi",
        "Ngozi Mensah",
        "Reddy, Meera",
        "Rohan Reddy",
        "Sullivan, Connor",
    ]
    assert _sorted_values(reports, "PHONE_NUMBER") == ["781-303-6363"]
    assert FERPA in classify_reports(policy, reports)


def test_an_invoices_labels_and_languages_are_no_names(scanner: Scanner) -> None:
    """What NER takes for people on an interpreters' invoice: the "Bill to:" label, and a
    language beside the site it was spoken at ("Nepali Welcome Ctr")."""
    text = (
        "INVOICE INV-20931 Invoice date: 10/31/2025 Terms: Net 30 PO #: 26-00417\n"
        "Bill to: Merrimack Falls Public Schools - Office of English Learner Education\n"
        "Date Job # Service Lang Site Hrs Rate Amount\n"
        "10/02/25 BW-77809 Phone interp. (OPI) Nepali Welcome Ctr 3.0 48 $144.00\n"
        "10/29/25 BW-77796 Video interp. (VRI) Nepali Oak Hill 2.0 48 $96.00\n"
        "Questions? Contact Dana Whitcomb, billing.\n"
    )
    people = [f.value for f in scanner.scan_text(text, every_name=True) if f.entity == "PERSON"]
    assert people == ["Dana Whitcomb"]


def test_parents_paid_to_drive_their_children_to_placements_out_of_district(
    scanner: Scanner, policy: Policy
) -> None:
    """Each child's placement out of the district is his IEP's (603 CMR 28.06), whatever
    else the sheet says of the parent's mileage and bank."""
    data = (
        b"FY25 Parent transportation reimbursement - per 603 CMR 28.07(6),,,,,\n"
        b"Payee (parent),Student,Placement,RT miles,Routing,Account\n"
        b'Dana Whitcomb,"Whitcomb, Tyler",Walden Hill Academy,31,011393861,482592883\n'
        b'Omar Saleh,"Saleh, Amira",CASE Collaborative - Concord,44,211359948,59447292\n'
        b'Marisol Castillo,"Castillo, Diego",Middlesex CC - Lowell,38,021018767,731612408\n'
    )
    classes = classify_reports(policy, _scan(scanner, data, "OOD parent transport FY25.csv"))
    assert {FERPA, MGL_93H} <= set(classes)


# Columns named for people by their work or by what they did (a para, a requester, who
# paid, who referred): each names a person, as a column of names does.
_PEOPLE_BY_WHAT_THEY_DO = [
    pytest.param(
        b"Para,Emp #,Bldg,Student (Last, First),SASID,Gr\n"
        b'"Tavares, Isabela",E47245,BSE,"Reddy, Vikram",1022426671,5\n'
        b'"Doherty, Kevin",E12618,WMS,"Krishnan, Vikram",1955464407,7\n',
        "Doherty, Kevin",
        id="a_paras_assignments",
    ),
    pytest.param(
        b"Student Name,Student ID,Incident Date,Incident Code,Referred By\n"
        b'"Whitman, Tyler",254825,11/14/2024,CEL - Cell phone violation,"Pruitt, Jonathan"\n'
        b'"Sok, Dara",270223,11/15/2024,BUL - Bullying,"Tavares, Luis"\n',
        "Pruitt, Jonathan",
        id="a_conduct_exports_referrer",
    ),
    pytest.param(
        b"Ticket #,Opened,Requester,Bldg,Subject,Assigned To,Status\n"
        b"HD-24091,09/25/2024,Rosa Rodrigez,PHRHS,WiFi drops in library,Araceli Escobar,Closed\n"
        b"HD-24092,09/06/2024,Flavio Arenas,PHMS,Door badge reader,Araceli Escobar,Closed\n",
        "Flavio Arenas",
        id="a_help_desks_requester",
    ),
    pytest.param(
        b"Date,Student,Stu ID,Damage,Amt,Paid by,Method\n"
        b'10/07/2024,"Nasser, Layla",222122,Missing keys,25,Rodney Nasser,Visa\n'
        b'10/20/2024,"Castro, Maite",247241,Damaged charging port,40,Stacey Castro,MC\n',
        "Rodney Nasser",
        id="who_paid_a_damage_fee",
    ),
    pytest.param(
        b"Date,Student,SASID,Gr,Card,Amt,Given to,Staff\n"
        b"10/04/24,Yadiel Rodriguez,1994939349,3,Market Basket,50,Marisol Rodriguez,MF\n"
        b"10/21/24,Hodan Abdullahi,1741481155,10,Target,25,Faadumo Abdullahi,RD\n",
        "Faadumo Abdullahi",
        id="to_whom_a_gift_card_was_given",
    ),
]


@pytest.mark.parametrize(("data", "person"), _PEOPLE_BY_WHAT_THEY_DO)
def test_columns_of_people_by_their_work_or_what_they_did(
    scanner: Scanner, data: bytes, person: str
) -> None:
    assert person in _sorted_values(_scan(scanner, data, "table.csv"), "PERSON")


def test_a_column_of_cards_or_accounts_gives_each_for_what_it_is(scanner: Scanner) -> None:
    """A restitution log's "Card / Acct #": a card paid by phone is a card, a bank
    account an account."""
    data = (
        b"Student,Payer,Method,Card / Acct #,Routing #\n"
        b'"Colon, Xavier",Lourdes Colon,Visa (phone),4863 2531 6027 6237,\n'
        b'"Delgado, Mateo",Rosa Delgado,MasterCard (phone),5542239476842677,\n'
        b'"Brooks, Aaliyah",Tiana Brooks,e-check,575594034,011281737\n'
    )
    reports = _scan(scanner, data, "restitution.csv")
    assert _sorted_values(reports, "CREDIT_CARD") == ["4863 2531 6027 6237", "5542239476842677"]
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["575594034"]


def test_a_contractors_w9_and_direct_deposit_form(scanner: Scanner, policy: Policy) -> None:
    """A W-9's numbered line names the contractor ("1 Name (as shown on your income tax
    return): ..."); an accounts-payable form names its payee surname first, and the
    account is hers, vendor number or not."""
    w9 = (
        b"Form W-9 (Rev. March 2024) Department of the Treasury - Internal Revenue Service\n"
        b"1 Name (as shown on your income tax return): Ermes Borrani\n"
        b"2 Business name/disregarded entity:\n"
        b"Social security number: 708-33-7119\n"
    )
    reports = _scan(scanner, w9, "w9.txt")
    assert _sorted_values(reports, "PERSON") == ["Ermes Borrani"]
    assert MGL_93H in classify_reports(policy, reports)
    deposit = (
        b"Vendor / Contractor Direct Deposit (ACH) Authorization\n"
        b"Payee name: Borrani, Ermes\n"
        b"Vendor #: V15319\n"
        b"Remit-to address: same as W-9\n"
        b"Financial institution: Jeanne D'Arc Credit Union\n"
        b"Routing (ABA) #: 119463923\n"
        b"Account #: 443347196493\n"
    )
    reports = _scan(scanner, deposit, "dd.txt")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["443347196493"]
    assert MGL_93H in classify_reports(policy, reports)
    company = deposit.replace(b"Borrani, Ermes", b"Granite State Fiber, Inc.")
    assert "US_BANK_NUMBER" not in _entities(_scan(scanner, company, "dd.txt"))


def test_a_per_diem_nurses_timesheet_logs_her_visits(scanner: Scanner, policy: Policy) -> None:
    """A per-diem nurse's hours for payroll, with each visit's child, grade, number and
    condition: the children's health records, whatever payroll does with the hours. Her
    times are no house numbers ("07:40 IN    Carver St ES")."""
    data = (
        b"per diem hrs + visit log -- F. Celestin RN -- Dec 2024 -- attach to timesheet for "
        b"payroll\n"
        b"2024-12-02 07:40 IN    Carver St ES (cover for M. Kelleher, out)\n"
        b"2024-12-02 09:50 VISIT Tiana Jenkins gr5 #374207 ADHD med - methylphenidate 10mg\n"
        b"2024-12-02 13:35 VISIT Matheus Souza gr5 #396378 anxiety - counselor looped in\n"
        b"2024-12-05 11:05 VISIT Nicholas Conway gr1 #361609 seizure plan reviewed w/ new para\n"
        b"2024-12-12 08:35 VISIT Luis Batista gr1 #305936 asthma - albuterol 2 puffs per MD\n"
        b"2024-12-12 14:25 OUT   6.75 hrs\n"
    )
    reports = _scan(scanner, data, "per diem nurse hrs + visits - Dec 2024.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["305936", "361609", "374207", "396378"]
    assert "STREET_ADDRESS" not in _entities(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_staff_list_with_numbers_in_brackets_gives_no_student_numbers(
    scanner: Scanner,
) -> None:
    data = (
        b"Custodial staff - building assignments\n"
        b"Marco Delgado (104482) Carver St ES\n"
        b"Helen Brooks (104517) Pine Brook ES\n"
        b"Tomas Rivera (104633) High School\n"
    )
    assert "STUDENT_ID" not in _entities(_scan(scanner, data, "custodians.txt"))


def test_a_physicals_lists_provider_is_a_practice_not_a_person(scanner: Scanner) -> None:
    data = (
        b"Student Number,Last Name,First Name,Grade,Physical Date,Provider,Cleared\n"
        b"200632,Santos,Talia,10,08/13/2024,Holy Family Sports Med,Y\n"
        b"260954,Gallagher,Isaiah,9,10/12/2023,Lowell Community Health Ctr,Y\n"
        b"227135,Shah,Aaliyah,9,04/14/2024,Merrimack Valley Peds,Y\n"
        b"227136,Reyes,Maya,11,04/15/2024,Haverbrook Family Practice,Y\n"
    )
    people = _sorted_values(_scan(scanner, data, "physicals.csv"), "PERSON")
    assert people == ["Aaliyah Shah", "Isaiah Gallagher", "Maya Reyes", "Talia Santos"]


def test_a_seating_charts_grid_has_one_child_per_desk(scanner: Scanner) -> None:
    """Whole names side by side, under no name part's header, are several people, not
    one name in parts ("Kevin Chen Chloe Zhang Peterson Pierre")."""
    data = (
        b"Row,Seat 1,Seat 2,Seat 3\n"
        b"Front,Kevin Chen,Chloe Zhang,Peterson Pierre\n"
        b"Middle,Madison Kowalski,Mei Lin,Tyler Doherty\n"
        b"Back,Malik Owusu,Malik Brooks,Stanley Jean-Baptiste\n"
    )
    people = _sorted_values(_scan(scanner, data, "P3 seating chart.csv"), "PERSON")
    assert people == sorted(
        [
            "Kevin Chen",
            "Chloe Zhang",
            "Peterson Pierre",
            "Madison Kowalski",
            "Mei Lin",
            "Tyler Doherty",
            "Malik Owusu",
            "Malik Brooks",
            "Stanley Jean-Baptiste",
        ]
    )
    # (a roster's "Last Name", "First Name" columns stay one name)
    roster = b"Last Name,First Name,Grade\nChen,Kevin,7\nZhang,Chloe,7\n"
    assert _sorted_values(_scan(scanner, roster, "roster.csv"), "PERSON") == [
        "Chloe Zhang",
        "Kevin Chen",
    ]


def test_a_dashboards_program_by_its_state_code_is_no_student(
    scanner: Scanner, policy: Policy
) -> None:
    """A results dashboard's schools and programs by their state codes ("MF Alternative
    Program (01870510)"): no one's number beside a name."""
    data = (
        b"<html><body><h1>MCAS Spring 2024 - Grade 10 by school</h1>"
        b"<p>Contact: Renata Ferreira-Lowe, Director of Data. Class of 2026 students enrolled "
        b"in grade 10; ELA not meeting expectations 14%.</p><table>"
        b"<tr><th>School</th><th>Enrolled</th><th>Tested</th><th>Participation</th></tr>"
        b"<tr><td>Merrimack Falls High School (01870505)</td><td>412</td><td>404</td>"
        b"<td>98.1%</td></tr>"
        b"<tr><td>MF Alternative Program (01870510)</td><td>23</td><td>19</td><td>82.6%</td></tr>"
        b"</table></body></html>"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, data, "MCAS_Dashboard.html"))


def test_a_trainings_sample_account_is_no_ones(scanner: Scanner, policy: Policy) -> None:
    data = (
        b"Protecting Student Records at Registration - Ana Paula Rezende, Records Specialist\n"
        b"Spot the PII\n"
        b"Bank: routing 000000000, account 00001234\n"
        b"All of these are TEST values\n"
    )
    reports = _scan(scanner, data, "training.txt")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_cafeterias_pos_accounts_are_no_bank_accounts(scanner: Scanner, policy: Policy) -> None:
    """A point-of-sale export's "acct": a student's meal account of six digits, under a
    bare header; a bank's account has eight digits or more."""
    data = (
        b"# LINQ Connect POS export  site=PFRHS  date=2024-11-14\n"
        b"# fields: ts|terminal|event|acct|name|cat|items|total|bal|op\n"
        b"2024-11-14 07:05:17|POS01|SALE|285305|CELESTIN, WILNER|F|BRK-HS|0.00|13.88|jpierre\n"
        b"2024-11-14 07:06:22|POS01|SALE|363875|NGUYEN, NGOC|F|BRK-HS|0.00|11.98|jpierre\n"
        b"2024-11-14 07:07:41|POS01|SALE|378830|SAM, MALIS|R|BRK-HS|0.00|37.29|jpierre\n"
    )
    reports = _scan(scanner, data, "POS_transaction_log.txt")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_settlements_account_after_its_label_wrapped_to_the_next_line(
    scanner: Scanner, policy: Policy
) -> None:
    """A sentence wrapped after its label ("..., checking account no.", then the number
    on the next line) is no line of column headers over a table."""
    data = (
        b"2. Reimbursement. Payment shall be made by ACH credit to the following\n"
        b"account held by Ngozi Okafor: Enterprise Bank, ABA routing no. 011304876, checking "
        b"account no.\n"
        b"3280238813. The Parents shall provide IRS Form W-9 prior to payment.\n"
    )
    reports = _scan(scanner, data, "settlement.txt")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["3280238813"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_forms_field_of_several_parts_a_slash_apart(scanner: Scanner, policy: Policy) -> None:
    """A refund form's "Student 1 name / LASID / School" field, its values a slash apart
    in the same order: each value is read under its own label."""
    form = [
        ["Parent/Guardian name / Nome do responsável", "Luciana Carvalho"],
        ["Mailing address / Endereço", "12 Willow St, Merrimack Falls, MA 01843"],
        ["Student 1 name / LASID / School", "João Pedro Carvalho / 225474 / Abbott Hill ES"],
        ["Student 2 name / LASID / School", "Beatriz Carvalho / 224015 / Abbott Hill ES"],
    ]
    data = w.docx_bytes(["Student Meal Account Refund Request"], [form])
    reports = _scan(scanner, data, "Meal refund form - signed.docx")
    assert _sorted_values(reports, "STUDENT_ID") == ["224015", "225474"]
    assert FERPA in classify_reports(policy, reports)


def test_a_programs_own_account_in_its_handbook_is_no_ones(
    scanner: Scanner, policy: Policy
) -> None:
    data = (
        b"EDP Family Handbook 2024-2025 - Dana Whitfield, Director\n"
        b"Families who prefer bank transfer may pay by ACH to the program's account:\n"
        b" Payee: Millbrook Public Schools - EDP Revolving Fund\n"
        b" Bank: Middlesex Savings Bank\n"
        b" ABA routing: 211095639 Account: 745523430\n"
    )
    reports = _scan(scanner, data, "EDP Family Handbook.txt")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)
    # (the district's name heads its employees' forms too: their accounts are theirs)
    employees = (
        b"WEXFORD PUBLIC SCHOOLS - PAYROLL DEPARTMENT\n"
        b"DIRECT DEPOSIT AUTHORIZATION AGREEMENT\n"
        b"Employee name: Gloria Baptiste Employee ID: E27210\n"
        b"ACCOUNT 1 (net pay)\n"
        b"Bank name: Rockland Trust Type: Savings\n"
        b"Routing (ABA) #: 026550880 Account #: 8448650316\n"
    )
    reports = _scan(scanner, employees, "dd.txt")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["8448650316"]


def test_an_sis_exports_entered_by_student_drops_no_row(scanner: Scanner) -> None:
    """Aspen's course requests, "Entered By" holding who keyed them ("student", a
    counselor's initials): no column of people, so no row is taken for a test record."""
    data = (
        b"LASID,SASID,Student Name,Grade,Course Description,Counselor,Entered By\n"
        b'244951,1675833632,"Sullivan, Molly R",10,AP English Language,SC,student\n'
        b'244952,1675833649,"Reyes, Ana",10,AP Biology,SC,MP\n'
    )
    ids = _sorted_values(_scan(scanner, data, "course_requests.csv"), "STUDENT_ID")
    assert ids == ["1675833632", "1675833649", "244951", "244952"]


def test_a_nursing_licence_check_log_has_no_birth_dates(scanner: Scanner) -> None:
    """The Board of Registration in Nursing is "BORN": a log of licence checks against
    it dates its lines, no one's birth."""
    data = (
        b"2024-09-03 07:00:00 INFO  lic_check: job start (source=MA BORN Check-A-License)\n"
        b'2024-09-03 07:00:03 INFO  lic_check: staff="Patricia Delgado" lic=RN2150485\n'
        b"2024-09-10 07:00:00 INFO  lic_check: job start (source=MA BORN Check-A-License)\n"
    )
    assert "DATE_OF_BIRTH" not in _entities(_scan(scanner, data, "nurse_license_check.log"))


def test_a_trainings_short_sample_account_is_no_ones(scanner: Scanner) -> None:
    data = (
        b"Amy Murphy, Payroll. An e-mail says: 'Pls update the deposit - routing 123456789, "
        b"acct 000123'. Never send account numbers by e-mail.\n"
    )
    assert "US_BANK_NUMBER" not in _entities(_scan(scanner, data, "refresher.txt"))


def test_a_blank_504_plans_options_name_no_one(scanner: Scanner, policy: Policy) -> None:
    """A blank 504 plan: its plan types are options ("[ ] Annual Review"), no one's name,
    and its fields are blank."""
    fields = [
        ["Student name", "", "Grade", ""],
        ["SASID", "", "Local ID", ""],
        ["Date of birth", "___/___/______", "Homeroom", ""],
        ["Parent/Guardian", "", "Phone", "(___) ___-____"],
    ]
    data = w.docx_bytes(
        [
            "Hudson Public Schools - 40 Central St, Hudson, MA 01749",
            "Section 504 Accommodation Plan",
            "Plan type:  [ ] Initial   [ ] Annual Review   [ ] Re-evaluation      Meeting date: "
            "____/____/______",
            "Describe the impairment. List sources of data considered (e.g., grades, teacher "
            "reports, medical documentation, evaluations, MCAS).",
            "Accommodations: extended time, preferential seating, testing accommodations.",
        ],
        [fields],
    )
    reports = _scan(scanner, data, "504 Plan TEMPLATE (blank).docx")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_word_tables_cell_of_several_people_a_line_each(scanner: Scanner) -> None:
    """A pay memo's table: each teacher's "Students served (grade)" cell lists several
    children, a line each ("Sanjay Menon (PK)"); each is a person of his own."""
    table = [
        ["Staff (emp #)", "Hours", "Students served (grade)", "ESY service / goal area"],
        [
            "Nicole Merrill (19433)",
            "76",
            "Sanjay Menon (PK)\nGregory Merrill (05)\nWilmer Polanco (02)",
            "math computation\nbehavior - BIP maintenance\nAAC device use",
        ],
        ["Bao Truong (18760)", "64", "Mei Kim (09)\nStanley Pierre (11)", "AAC device use"],
    ]
    data = w.docx_bytes(["ESY 2024 - Staff Pay Verification"], [table])
    people = _sorted_values(_scan(scanner, data, "ESY pay verification.docx"), "PERSON")
    for child in ("Sanjay Menon", "Gregory Merrill", "Wilmer Polanco", "Mei Kim"):
        assert child in people


def test_a_pay_memo_listing_each_staff_members_students_and_their_iep_services_is_a_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A special-education director's memo to payroll: staff hours, and beside each one the
    students served and each one's summer (ESY) service area. It is about pay, but the
    students' IEP services are their record ("IEPs", "ESY", "goal area")."""
    data = w.docx_bytes(
        [
            "Extended School Year (ESY) 2024 - Staff Pay Verification",
            "To: Lucia Ferreira, Payroll Manager",
            "From: Marisol Quinones, Director of Special Education",
            "Date: August 14, 2024",
            "Re: ESY hours (July 8 - August 8) and caseload backup for IDEA/ESY audit",
            "Below are the ESY staff hours to be paid on the 8/23 off-cycle. Caseloads are "
            "listed because the DESE monitoring review requires that each ESY salary charge be "
            "tied to students whose IEPs require ESY services.",
            "CONFIDENTIAL - contains student record information; do not forward or post.",
            "Note: Gregory Merrill attended only 9 of 16 days (family travel); team will "
            "reconvene re: regression data. Stanley's 1:1 was covered by a sub on 7/22-7/26 "
            "(pay the sub, not the assigned para).",
            "Student list with SASIDs is in the ESY tab of the Para charge-back workbook. "
            "Questions: 978-372-5560.",
            "Marisol Quinones",
            "Director of Special Education",
        ],
        [
            [
                (
                    "Staff (emp #)",
                    "Role / site",
                    "Hours",
                    "Students served (grade)",
                    "ESY service / goal area",
                    "Att. %",
                ),
                (
                    "Nicole Merrill (19433)",
                    "Teacher / Greenleaf ESY site",
                    "76",
                    "Sanjay Menon (PK)\nGregory Merrill (05)\nWilmer Polanco (02)",
                    "math computation\nAAC device use\narticulation",
                    "94%\n73%\n59%",
                ),
                (
                    "Bao Truong (18760)",
                    "Teacher / Greenleaf ESY site",
                    "64",
                    "Mei Kim (09)\nStanley Pierre (11)",
                    "AAC device use\nmath computation",
                    "80%\n83%",
                ),
                (
                    "Danielle Sullivan (24772)",
                    "Teacher / Greenleaf ESY site",
                    "80",
                    "Erin Keane (03)\nRose-Marie Augustin (08)\nRyan Brennan (07)",
                    "self-care / ADL\nbehavior - BIP maintenance\nreading fluency",
                    "64%\n68%\n66%",
                ),
                (
                    "Christopher Bellamy (22016)",
                    "Paraprofessional / Greenleaf ESY site",
                    "72",
                    "Arjun Shah (05)\nLeticia Almeida (11)",
                    "math computation\nreading fluency (regression risk)",
                    "96%\n73%",
                ),
            ]
        ],
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "ESY pay verification.docx"))


def test_a_lost_and_found_logs_wallet_note_names_its_owner_beside_his_licence_and_card(
    scanner: Scanner, policy: Policy
) -> None:
    """A front office's lost-and-found table: a found wallet's note gives the owner's
    licence, address and debit card, and his name, one the Census lists lack. NER reads
    such a note where nothing else in the file names anyone."""
    data = w.docx_bytes(
        ["MHS Lost & Found Log - Fall 2024", "Valuables go in the office safe, not the bin."],
        [
            [
                ("Date", "Item", "Where found", "Found by", "Status"),
                ("09/11", "Navy Nike hoodie, size L", "Gym bleachers", "front desk", "in safe"),
                (
                    "10/03",
                    "Brown leather wallet - MA DL S56219414 (Paulo Teixeira, 223 Asylum St "
                    "Apt 3C, Franklin, MA 02038), Santander Visa debit 4147 0190 5003 4194, "
                    "$14 cash",
                    "Parking lot B",
                    "custodian",
                    "owner picked up 10/4 w/ photo ID",
                ),
                ("10/10", "Chromebook charger", "Library", "front desk", "in safe"),
            ]
        ],
    )
    reports = _scan(scanner, data, "lost+found log.docx")
    assert MGL_93H in classify_reports(policy, reports)
    assert "Paulo Teixeira" in {f.value for f in reports[0].findings if f.entity == "PERSON"}


def test_a_vendor_masters_contact_person_is_not_whose_account_it_is(
    scanner: Scanner, policy: Policy
) -> None:
    """A business office's vendor master: each school's remit-to bank account and its
    accounts-receivable contact. The account is the company's, the contact only whom to
    call: no one's personal information."""
    data = (
        b"vendor_no\tvendor_name\ttype\tremit_address\tar_contact\tar_phone\tbank\taba\tacct_no\n"
        b"V-00412\tCrestwood Therapeutic Day School\tCh.766 private day\t"
        b"220 Forest Avenue, Framingham, MA 01701\tMargaret Doyle\t(508) 612-5188\tTD Bank\t"
        b"211458768\t6377679489\n"
        b"V-00388\tHarborlight Academy\tCh.766 private day\t61 Pleasant Street, Natick, MA "
        b"01760\tThomas Reilly\t(508) 268-6477\tCitizens Bank\t211309765\t6405373605\n"
    )
    reports = _scan(scanner, data, "OOD vendor rates + remit-to FY25.tsv")
    assert MGL_93H not in classify_reports(policy, reports)
    assert not [f for f in reports[0].findings if f.entity == "US_BANK_NUMBER"]


def test_an_ssn_labelled_with_where_it_is_from_is_one(scanner: Scanner, policy: Policy) -> None:
    """A payroll office's wage-attachment letter: "SSN on order:" is the SSN's label with a
    note of where it comes from (the court's order), not an order number."""
    text = (
        "Ricardo Reyes\n201 Winter St Fl 3\nNorth Andover, MA 01845\n"
        "Re: Notice of Wage Attachment - Employee #18456\n"
        "     SSN on order: 220-85-5327\n"
        "     Lowell District Court, Civil Docket No. 2411CV00873\n"
        "Dear Mr. Reyes,\nThe District has been served with an Order for Wage Attachment.\n"
    )
    reports = _scan(scanner, text.encode(), "Garnishment letter - Reyes.txt")
    assert "220-85-5327" in {f.value for f in reports[0].findings if f.entity == "US_SSN"}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_nurses_overtime_claim_with_its_visit_log_is_the_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A school nurse's overtime claim for payroll, with the event health log as its
    backup: the children named with their school-age birth dates, each with a complaint
    and its treatment, are students and those their health records, though the claim is
    an employee's."""
    text = (
        "OVERTIME / EXTRA DUTY CLAIM - NON-EXEMPT & UNIT C\n"
        "Employee: Kevin Jean-Louis              Emp ID: 46265\n"
        "Dept/Bldg: Health Services / Ashmont High School     Supervisor: Aaliyah Kovalenko\n"
        "12/06/2024 Winter concert (nurse coverage) 6:00 PM 9:00 PM 3\n"
        "Total 9.5 hrs @ 1.5x  (rate $47.10)  = $671.18\n"
        "Backup attached: event health log (payroll asked for documentation)\n"
        "HEALTH OFFICE - EVENT VISIT LOG\n"
        "Time Student DOB Complaint Assessment / tx Parent\n"
        "8:28 Quynh Bouchard 8/8/09 asthma - SOB albuterol 2 puffs, O2 98% after called\n"
        "5:36 Rebecca Doyle 2/2/08 T1 diabetes, BG 284 insulin per DMMP 2u called\n"
        "8:13 Gabriel Khoury 9/5/09 ankle inj. (game) RICE, ice, crutches; f/u PCP called\n"
        "5:11 Gregory Carter 3/11/08 anxiety/panic breathing, quiet rm, counselor texted\n"
        "7:22 Amina Hughes 11/19/08 headache, hit head concussion screen neg, obs 30 min\n"
        "7:16 Olivia Almeida 3/8/08 nausea rest, ginger ale, picked up early called\n"
    )
    reports = _scan(scanner, text.encode(), "Nurse OT claim - Dec w backup log.txt")
    assert FERPA in classify_reports(policy, reports)


def test_a_blank_forms_example_row_is_no_ones(scanner: Scanner, policy: Policy) -> None:
    """A blank meal application's table of children, its first row a worked example
    ("EXAMPLE: Jane Doe", a birth date a child's would have): the example is no one."""
    data = w.docx_bytes(
        [
            "Household Application for Free and Reduced-Price School Meals 2024-2025",
            "Step 1 - Children in the household / Niños / Crianças / Timoun / Trẻ em",
        ],
        [
            [
                (
                    "Child's first & last name / Nombre / Nome / Non / Họ tên",
                    "Date of birth / Fecha de nac. / Data de nasc. / Dat nesans / Ngày sinh",
                    "School / Escuela / Escola / Lekòl / Trường",
                    "Grade",
                ),
                ("EXAMPLE: Jane Doe", "01/01/2015", "Anytown Elementary", "4"),
                ("", "", "", ""),
                ("", "", "", ""),
            ]
        ],
    )
    reports = _scan(scanner, data, "Free and Reduced Meal Application BLANK.docx")
    assert FERPA not in classify_reports(policy, reports)
    assert not [f for f in reports[0].findings if f.entity == "DATE_OF_BIRTH"]


def test_a_nurses_sent_home_log_names_each_child_with_his_number_after_a_hash(
    scanner: Scanner, policy: Policy
) -> None:
    """A health office's log, its fields a bar apart and no header: each child by name and
    "#" number (surname first or not), grade and room, and why he went home."""
    text = (
        "RBES HEALTH OFFICE - SENT HOME / EARLY DISMISSAL LOG - JANUARY 2025\n"
        "(nurse: B. Moynihan, RN  x3346)\n\n"
        "01/09/25 10:56 | Juliana Furtado #206981 | GrK Rm103 | fell at recess, abrasion L "
        "knee, cleaned - ok | RTC 10:40 | BM\n"
        "01/09/25 13:06 | MEAS, RITHY #242137 | Gr2 Rm201 | c/o stomach ache, vomited x1 | "
        "SENT HOME - mother picked up 14:08 | BM\n"
        "01/17/25 13:41 | ZHANG, GRACE #234976 | Gr4 Rm205 | head lice - live bugs observed | "
        "SENT HOME - reached father 2nd try | BM\n"
    )
    reports = _scan(scanner, text.encode(), "nurse sent-home log JAN.txt")
    names = {f.value for f in reports[0].findings if f.entity == "PERSON"}
    assert {"Juliana Furtado", "MEAS, RITHY", "ZHANG, GRACE"} <= names
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '2024-11-04 15:07:04 INFO [LINCOLN-KIOSK-01] evt=CHECKIN sid=338731 name="Andrade, '
            'Enzo" grade=5 by=staff:tmurphy src=roster\n'
            '2024-11-04 15:08:54 INFO [LINCOLN-KIOSK-01] evt=ABSENT sid=263023 name="Gaines, '
            'Aaliyah" src=school_attendance\n'
            '2024-11-04 16:00:53 INFO [LINCOLN-KIOSK-01] evt=CHECKOUT sid=226297 name="Pen, Sokha" '
            'pickup="Channary Pen" rel=Mother method=PIN verified=Y\n',
            id="an_after_school_kiosk_keyed_by_sid",
        ),
        pytest.param(
            "# SACE sign-in kiosk v2.3.1 - export - site=BHS-114\n"
            '2025-03-04T17:40:17 INFO  checkin  lid=2503057 name="AUGUSTIN, JEAN-ROBERT" '
            "class=ESOL-2B\n"
            '2025-03-04T17:48:12 INFO  checkin  lid=2524124 name="DESIR, WISLY" class=ESOL-1B\n'
            "2025-03-04T20:29:41 INFO  checkout lid=2503057 hrs=2.82\n",
            id="an_adult_education_kiosk_keyed_by_lid",
        ),
        pytest.param(
            "# LINQ Connect POS  site=0405 CAWLEY ST ELEM  terminal log  2024-10-14\n"
            '2024-10-14 07:35:46 REG1 SALE   patron=206559 name="Rosario, Dariana" gr=2 '
            "elig=R item=BRK-REIMB price=0.00 bal=-21.92\n"
            '2024-10-14 07:36:20 REG1 SALE   patron=218756 name="Shah, Rohan" gr=1 elig=P '
            "item=BRK-REIMB price=0.00 bal=-18.71\n",
            id="a_cafeteria_registers_patrons_with_their_grades",
        ),
        pytest.param(
            "# HHS Athletics Check-In Kiosk (GYM-2) export\n# team=WRESTLING-V/JV\n"
            '2024-12-02 14:51:48 KIOSK-GYM2 IN     sid=213378 "Yilmaz, Andre" wt=106\n'
            "2024-12-02 17:23:51 KIOSK-GYM2 OUT    sid=213378\n"
            '2024-12-02 14:44:33 KIOSK-GYM2 IN     sid=234606 "Lindqvist, Connor" wt=113\n'
            '2024-12-02 14:52:01 KIOSK-GYM2 DENY   sid=208829 "Patel, Ethan" msg=PHYSICAL '
            "EXPIRED 11/30/2024 - SEE ATC\n"
            '2024-12-04 14:30:00 COACH-ENTRY ABSENT sid=217113 "Brennan, Quang" reason=dr appt '
            "excused=Y\n",
            id="a_check_in_kiosks_sid_with_the_name_quoted_and_no_key",
        ),
    ],
)
def test_a_kiosks_log_keys_each_student_by_his_id(
    scanner: Scanner, policy: Policy, text: str
) -> None:
    """A sign-in kiosk's log: each line's student (or learner) ID and name, key=value."""
    reports = _scan(scanner, text.encode(), "kiosk.log")
    assert [f for f in reports[0].findings if f.entity == "STUDENT_ID"]
    assert FERPA in classify_reports(policy, reports)


def test_a_cafeteria_registers_meal_status_of_each_name_is_the_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A point-of-sale export: each sale's meal account, the name on it and its category,
    F, R or P (free, reduced-price, paid). Only students have free or reduced-price school
    meals, and their status is their record, though the log never says "student"."""
    text = (
        "# LINQ Connect POS export  site=PFRHS  date=2024-11-14  terminals=POS01,POS02\n"
        "# fields: ts|terminal|event|acct|name|cat|items|total|bal|op\n"
        "2024-11-14 06:58:12|POS01|LOGIN|-|-|-|-|-|-|jpierre\n"
        "2024-11-14 07:05:17|POS01|SALE|285305|CELESTIN, WILNER|F|BRK-HS|0.00|13.88|jpierre\n"
        "2024-11-14 07:06:22|POS01|SALE|363875|NGUYEN, NGOC|F|BRK-HS|0.00|11.98|jpierre\n"
        "2024-11-14 07:07:41|POS01|SALE|378830|SAM, MALIS|R|BRK-HS|0.00|37.29|jpierre\n"
        "2024-11-14 07:09:04|POS01|SALE|209580|ASANTE, ABENA|P|BRK-HS|2.50|28.97|jpierre\n"
    )
    reports = _scan(scanner, text.encode(), "POS_transaction_log_2024-11-14.txt")
    assert FERPA in classify_reports(policy, reports)


def test_a_meal_registers_key_value_log_keys_each_account_to_a_student(
    scanner: Scanner, policy: Policy
) -> None:
    """ACCT=, NAME= (unquoted, "LAST, FIRST") and ELIG=: a student's lunch account, named,
    with the meal eligibility only students have. The register's warnings and alerts give
    the account alone; it is the same student's account there, not a bank's."""
    text = (
        "=== MealTime POS v4.2.7 | Site 03 HALE MS | Terminal REG2 | Session OPEN 10:48:02 ===\n"
        "2024-11-04 10:52:57 REG2 TXN=88411 ACCT=228978 NAME=PHAM, DUC ELIG=DC "
        "ITEM=ALC-WATER PRICE=1.00 BAL=-47.29\n"
        "2024-11-04 10:52:57 REG2 WARN ACCT=228978 NEG_BAL_LIMIT item voided OVERRIDE=N\n"
        "2024-11-04 10:53:45 REG2 TXN=88412 ACCT=320039 NAME=KEO, VISAL ELIG=F "
        "ITEM=LUNCH-VEG PRICE=0.00 BAL=-5.10\n"
        "2024-11-04 10:54:55 REG2 TXN=88416 ACCT=CASH TYPE=ADULT ITEM=MILK-1% PRICE=0.75\n"
        "2024-11-04 10:58:56 REG2 TXN=88422 ACCT=253217 NAME=BROOKS, JAYLEN ELIG=DC "
        "ITEM=ALC-WATER PRICE=1.00 BAL=-15.50\n"
        "2024-11-04 10:58:56 REG2 ALERT ACCT=253217 ALLERGY_FLAG=GLUTEN ACK=tvo\n"
    )
    reports = _scan(scanner, text.encode(), "POS_txn_log_HALE_2024-11-04.txt")
    assert _sorted_values(reports, "STUDENT_ID") == sorted(
        ["228978", "228978", "320039", "253217", "253217"]
    )
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert tuple(classify_reports(policy, reports)) == (FERPA,)


def test_a_call_in_logs_student_column_holds_each_name_with_grade_and_homeroom(
    scanner: Scanner, policy: Policy
) -> None:
    """A fixed-width log with bars: "student / gr-HR" over "Caitlin Gagnon 7/7D", beside
    the caller and the reason for the absence. The column is the students', and each
    cell's name is one (not the caller's, whose column says only "caller")."""
    text = (
        "HAWTHORNE MS - MAIN OFFICE ABSENCE / DISMISSAL CALL-IN LOG\n"
        "-------------------------------------------------------------------------------\n"
        "date       time   | caller (rel)             | student / gr-HR       | reason"
        "                        | cb #\n"
        "11/04/2024  7:22  | Connor Gagnon (dad)      | Caitlin Gagnon 7/7D   | threw up this am"
        " [AE]         | 774.673.8837\n"
        "11/06/2024  6:24  | Layla Farah (mom)        | Omar Hassan 7/7A      | covid +, out thru"
        " Fri [AE]    | 401.678.4400\n"
        "11/08/2024  8:40  | Malik Coleman (dad)      | Elijah Coleman 6/6C   | asthma flare, ER"
        " last night   | 774-336-8386\n"
    )
    reports = _scan(scanner, text.encode(), "main office call-in log 11-04 to 11-08.txt")
    students = {
        f.value for f in reports[0].findings if f.entity == "PERSON" and "student" in f.location
    }
    assert students == {"Caitlin Gagnon", "Omar Hassan", "Elijah Coleman"}
    assert FERPA in classify_reports(policy, reports)


def test_a_fixed_width_export_behind_a_comment_mark_with_notes_carried_on(
    scanner: Scanner, policy: Policy
) -> None:
    """A health office export: its header and rule behind "#", and a visit's note carried
    on an indented line. Every visit's student number is read under "stu#", and the
    carried note (a parent's phone) is read too."""
    text = (
        "# HADLEY ES HEALTH OFFICE - daily visit log export (SNAP HO module, text)  Oct"
        " 2024\n"
        "# date     time   stu#    name                      gr  complaint / assessment"
        " / intervention             disp   RN\n"
        "#-----------------------------------------------------------------------------"
        "-----------------------------------------\n"
        "10/01/24  11:51  273756  PETRENKO, Nikolai          4  ADHD med - methylphenid"
        "ate 5 mg given per order                    RTC   RF\n"
        "10/01/24  14:09  273756  PETRENKO, Nikolai          4  pinched finger in door,"
        " ice 10 min                                 RTC   RF\n"
        "10/01/24  14:42  200276  CHEN, Kevin                3  head lice check per tea"
        "cher - live lice seen, parent called        HOME  RF\n"
        "                         -> called mother Jing Chen 774-770-5791, picked up 11"
        ":41\n"
        "10/02/24  08:02  263248  BOATENG, Chidi             K  vomited x1 in class, T "
        "99.0                                        HOME  RF\n"
        "10/02/24  09:36  200666  HADDAD, Khadija            2  BG check 142, 15g snack"
        " per DMMP                                   RTC   RF\n"
        "10/02/24  10:09  264658  BARBOSA, Tiago             4  fell at recess, abrasio"
        "n L knee, cleaned/bandaid                   RTC   RF\n"
        "10/02/24  14:28  233072  BARBOSA, Gabriel           2  loose tooth, wiggled ou"
        "t, gauze                                    RTC   RF\n"
        "10/03/24  08:36  240009  DOYLE, Maeve               5  c/o stomachache, ate bk"
        "fst late; rest                              RTC   RF\n"
        "10/03/24  09:37  200666  HADDAD, Khadija            2  c/o stomachache, ate bk"
        "fst late; rest                              RTC   RF\n"
        "10/04/24  11:21  258279  RUSSO, Gianna              3  itchy rash arms, no res"
        "p sx, cool compress                         RTC   RF\n"
    )
    reports = _scan(scanner, text.encode(), "nurse_visit_log_oct.txt")
    assert set(_sorted_values(reports, "STUDENT_ID")) == {
        "273756",
        "200276",
        "263248",
        "200666",
        "264658",
        "233072",
        "240009",
        "258279",
    }
    assert "774-770-5791" in _sorted_values(reports, "PHONE_NUMBER")
    assert FERPA in classify_reports(policy, reports)


def test_a_fixed_width_logs_header_words_may_each_stand_off_their_fields(
    scanner: Scanner, policy: Policy
) -> None:
    """A registrar's log typed by hand behind "# ": its first words stand two places off
    their fields, its last two one place. Each still heads its own column, so "student
    (LASID)" holds the student and his number alone, not the document and notes."""
    text = (
        "# CUSTODY / LEGAL DOCS LOG - WHS Registrar - SY24-25\n"
        "# date       time   by   student (LASID)                        doc"
        "                         notes\n"
        "#----------------------------------------------------------------------"
        "------------------------------\n"
        "2024-08-05 09:12  DK   Ramirez, Sofia (248072)                 209A order (abuse prev.)"
        "    Defendant = father Hector Ramirez - NO contact, NO pickup\n"
        "2024-08-07 13:48  LMO  Wang, Zihan (249869)                    Guardianship decree"
        "         aunt Xiaoling Wang is legal guardian. ph 857-261-6461\n"
        "2024-08-12 10:02  LMO  Holloway, Tyrese (242012)               Caregiver affidavit"
        "         signed by grandmother Bernadette Holloway 8/12\n"
        "2024-08-21 11:35  LMO  Nguyen, Bao (244064)                    none needed"
        "                 mother is sole parent in US, father in VN\n"
    )
    reports = _scan(scanner, text.encode(), "custody docs log 2024-25.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["242012", "244064", "248072", "249869"]
    students = {f.value for f in reports[0].findings if "column student" in f.location}
    assert {"Ramirez, Sofia", "Wang, Zihan", "Holloway, Tyrese", "Nguyen, Bao"} <= students
    assert FERPA in classify_reports(policy, reports)


def test_a_legend_line_above_a_fixed_width_header_is_not_the_header(
    scanner: Scanner, policy: Policy
) -> None:
    """A log's key of abbreviations, spaced like a header, above its rule and its own
    header: the columns are the header's, and each visit's number is under "ID"."""
    text = (
        "OAK STREET ELEMENTARY - HEALTH OFFICE\n"
        "Key: RTC=returned to class  LM=left msg  IHP=indiv health plan  PS=ParentSquare msg"
        "  HI ltr=head injury letter\n"
        "-----------------------------------------------------------------------------------"
        "-----------------------------\n"
        "DATE       TIME   STUDENT                  ID       GR/RM     NOTE\n"
        "01/02/24   08:20  SULLIVAN, Shannon        #325632  2/Rm17    vomited in class x1 |"
        " dismissed to Liam Sullivan 08:45\n"
        "01/09/24   10:42  PENA, Yesenia            #314401  5/Rm14    asthma - wheezing after"
        " gym, albuterol 2 puffs per IHP | RTC 11:07\n"
        "01/09/24   13:24  CARVALHO, Juliana        #325023  4/Rm9     fell on ice @ AM recess,"
        " abrasion L palm | RTC 13:49\n"
    )
    reports = _scan(scanner, text.encode(), "nurse_log_injuries_JAN2024.txt")
    students = {f.value for f in reports[0].findings if "column STUDENT" in f.location}
    assert students == {"SULLIVAN, Shannon", "PENA, Yesenia", "CARVALHO, Juliana"}
    assert FERPA in classify_reports(policy, reports)


def test_a_privacy_trainings_definitions_and_sample_values_are_no_ones_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A PD day's deck on FERPA and 93H: it asks "What is an education record?", shows a
    made-up child and "not a real card", and speaks of IEPs and accommodations. It is a
    training, its presenter is staff, and it holds no one's record."""
    data = w.pptx_bytes(
        [
            (
                "Protecting Student & Staff Privacy: FERPA + M.G.L. c. 93H",
                ["Nov 5 PD Day - Student Services", "Presented by Lorraine Ocampo, Team Chair"],
                None,
                None,
            ),
            (
                "What is an education record? (FERPA)",
                [
                    "Records directly related to a student AND maintained by the district",
                    "e.g. Jane Doe, SASID 1000000000, DOB 01/01/2015, IEP goals, behavior data",
                    "Directory info (name, grade, awards) may be shared unless parent opts out",
                ],
                None,
                None,
            ),
            (
                "What is 'personal information' under 93H?",
                [
                    "First name/initial + last name WITH: SSN (e.g. 123-45-6789), or",
                    "financial account / credit card # (e.g. 4532 7781 0094 1239 - not a real"
                    " card)",
                ],
                None,
                None,
            ),
            (
                "Scenario",
                [
                    "A sub asks you to email her the accommodations list to her Gmail.",
                    "DON'T put a student's full name + disability in the subject line",
                    "DON'T leave IEPs on the copier (it happens!)",
                ],
                None,
                None,
            ),
            (
                "Questions?",
                ["Contact: locampo@marlowe.k12.ma.us  |  (508) 481-2260 x1405"],
                None,
                None,
            ),
        ]
    )
    reports = _scan(scanner, data, "PD day - Protecting Student Privacy (FERPA + 93H).pptx")
    assert not {FERPA, MGL_93H} & set(classify_reports(policy, reports))
    assert "locampo@marlowe.k12.ma.us" in _sorted_values(reports, "EMAIL_ADDRESS")


def test_a_csv_header_citing_a_regulation_is_still_the_header(
    scanner: Scanner, policy: Policy
) -> None:
    """A tutoring vendor's hours: one column's name cites the regulation behind each
    student's home instruction ("Reason / 603 CMR 28.04(4) basis"). Its number is a
    citation, not data: the row is the header, and "Student" and "Stu ID" type their
    columns."""
    text = (
        "Tutor,Agency,Student,Stu ID,Gr,School,Reason / 603 CMR 28.04(4) basis,Session date,Hrs\n"
        '"Carvalho, Ishaan",Northeast Home Tutoring,"Kim, Yuliana",245407,6,Tyngsford MS,'
        "post-op (ACL repair) - MD stmt rec'd 10/28,11/01/2024,1.0\n"
        '"Huynh, Kenson",Northeast Home Tutoring,"Flanagan, Camila",295863,8,Tyngsford MS,'
        "concussion protocol - no screens 2 wks,11/04/2024,1.5\n"
        '"Carvalho, Ishaan",Northeast Home Tutoring,"Johnson, Luan",293156,9,Tyngsford HS,'
        "medical - pregnancy complications,11/05/2024,2.0\n"
    )
    reports = _scan(scanner, text.encode(), "Home-Hospital tutoring - vendor hours Nov24.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["245407", "293156", "295863"]
    students = {f.value for f in reports[0].findings if f.location.endswith("column Student")}
    assert students == {"Kim, Yuliana", "Flanagan, Camila", "Johnson, Luan"}
    assert FERPA in classify_reports(policy, reports)


def test_a_barred_log_behind_a_comment_mark_with_bars_in_its_notes(
    scanner: Scanner, policy: Policy
) -> None:
    """An HR tracker's event log: "# ts | user | event | stu | detail", its last field a
    free note with bars of its own. Each line's "stu" is the student's ID (a column of
    numbers under a student's header), and the notes stay one cell."""
    text = (
        "# SYW25 student worker onboarding - event log (exported from HR tracker, K. Tran)\n"
        "# ts | user | event | stu | detail\n"
        "2025-06-09 08:37:06 | system | EXPORT   | -      | SYW25 hire list pulled (n=10)\n"
        "2025-06-09 08:47:04 | ktran  | INTAKE   | 216107 | Montenegro, Barbara | DOB 2006-10-15"
        " | gr12 QRHS | Tech refresh (IT)\n"
        "2025-06-09 09:12:56 | ktran  | PERMIT   | 216107 | work permit WP-25-0223 rec'd\n"
        "2025-06-09 09:26:27 | ktran  | NOTE     | 216107 | 504 (anxiety) - assign outdoor crew\n"
        "2025-06-09 10:06:36 | ktran  | INTAKE   | 237127 | Williams, Scott | DOB 2007-04-03"
        " | gr12 QRHS | Grounds crew\n"
        "2025-06-09 10:33:12 | falsayed | GUIDANCE | 237127 | IEP transition plan - job coach\n"
    )
    reports = _scan(scanner, text.encode(), "stu_worker_onboarding_log_JUN2025.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["216107"] * 3 + ["237127"] * 2
    assert {"Montenegro, Barbara", "Williams, Scott"} <= set(_sorted_values(reports, "PERSON"))
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["2006-10-15", "2007-04-03"]
    assert FERPA in classify_reports(policy, reports)


def test_a_sims_submission_without_a_header_is_read_by_its_elements(
    scanner: Scanner, policy: Policy
) -> None:
    """A SIMS file has no header line: each record opens with the student's LASID,
    SASID, first, middle and last name and date of birth (DOE001 to DOE006), then codes.
    Both numbers are the student's, and the date his birth date."""
    codes = ",99999,M,04,10,01,40,0441,04410015,03,0018,0019,01,00,00,00,00,00,00,500,500,00,311"
    text = "".join(
        f"{lasid},{sasid},{first},{middle},{last},{dob}{codes}\n"
        for lasid, sasid, first, middle, last, dob in [
            ("200057", "1476473046", "KHOA", "", "PHAM", "07/29/2016"),
            ("203468", "1972252088", "FRANTZY", "JEAN-MARC", "PIERRE", "12/01/2017"),
            ("215087", "1425226380", "LUZ", "", "BATISTA", "06/29/2014"),
            ("216864", "1605529101", "SOPHEA", "", "CHHIM", "05/18/2011"),
        ]
    )
    reports = _scan(scanner, text.encode(), "SIMS_OCT2024_0441_v3_FINAL.txt")
    lasids, sasids = ["200057", "203468", "215087", "216864"], ["1476473046", "1972252088"]
    sasids += ["1425226380", "1605529101"]
    assert _sorted_values(reports, "STUDENT_ID") == sorted(lasids + sasids)
    assert _sorted_values(reports, "DATE_OF_BIRTH") == sorted(
        ["07/29/2016", "12/01/2017", "06/29/2014", "05/18/2011"]
    )
    assert FERPA in classify_reports(policy, reports)


def test_a_header_of_fields_named_for_their_school_year_is_a_header(
    scanner: Scanner, policy: Policy
) -> None:
    """A research extract names its columns for the school year, the two years run
    together: "Gr_2324", "DaysAbs_2324". They are column names, not numbers, so the row
    is the header and "DOB", "LASID" and the names type their columns."""
    rows = [
        ["StudyID", "SASID", "LASID", "LastName", "FirstName", "DOB", "Gr_2324", "DaysAbs_2324"],
        ["CIER-0001", "1435260301", "255406", "Zhang", "Priyanka", "2014-01-16", "4", "4"],
        ["CIER-0002", "1944772974", "279470", "Kaminski", "Dominik", "2012-12-04", "4", "11"],
        ["CIER-0003", "1584514837", "262315", "Okafor", "Chidi", "2013-06-30", "4", "19"],
    ]
    data = w.xlsx_bytes({"extract": rows})
    reports = _scan(scanner, data, "CIER_extract_DRAFT_v1.xlsx")
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["2012-12-04", "2013-06-30", "2014-01-16"]
    lasids = {f.value for f in reports[0].findings if f.location.endswith("column LASID")}
    assert lasids == {"255406", "279470", "262315"}
    assert FERPA in classify_reports(policy, reports)


def test_an_ach_export_logs_receiving_banks_and_each_entrys_own_payee(
    scanner: Scanner, policy: Policy
) -> None:
    """A finance system's ACH log: each entry's receiving bank by its NACHA name ("rdfi="),
    the account ("dfi_acct="), and a trace number, which is no account. Each entry is
    judged by its own payee: a person's account after a company's entry is the person's,
    and the company's entry gives neither its account nor its bank's routing number."""
    text = (
        "2024-11-15 14:02:11 INFO  MUNIS AP ACH export start batch=AP-1115 warrant=25-19\n"
        '2024-11-15 14:02:20 INFO  ENTRY seq=0003 vendor=24792 name="WB MASON CO INC" '
        "class=VENDOR sec=CCD rdfi=011703493 dfi_acct=1370210612 amt=21595.86 "
        "trace=021187102386950\n"
        '2024-11-15 14:02:25 INFO  ENTRY seq=0005 vendor=22323 name="KAUR, ROHAN" '
        "class=OFFICIALS sec=PPD rdfi=011091370 dfi_acct=10030087858 amt=3564.25 "
        "trace=021155169836362\n"
        '2024-11-15 14:02:27 INFO  ENTRY seq=0006 vendor=13616 name="MCCARTHY, VITORIA" '
        "class=PARENT REFUND sec=PPD rdfi=211601201 dfi_acct=3595018697 amt=4130.42 "
        "trace=021124824011705\n"
    )
    reports = _scan(scanner, text.encode(), "ACH_batch_20241115_AP-1115.log")
    assert _sorted_values(reports, "ABA_ROUTING_NUMBER") == ["011091370", "211601201"]
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["10030087858", "3595018697"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_vendor_files_clinician_named_with_her_degrees_is_a_person(
    scanner: Scanner, policy: Policy
) -> None:
    """Independent evaluators paid as vendors: an individual's name carries her degrees
    ("Helena Marchetti, Ph.D."), beside her SSN as TIN and her bank account. She is a
    person with her SSN; the companies in the same file are not."""
    text = (
        "Vendor Name,Vendor Type,TIN,TIN Type,Remit Address,Pay Method,ABA,Account\n"
        '"Helena Marchetti, Ph.D.",Individual,834-82-9989,SSN,"748 Central St, Newton, MA 02459"'
        ",ACH,211308575,9772425736\n"
        "Pediatric Neuropsych Associates LLC,Company,53-4626074,EIN,"
        '"233 Needham Street, Newton, MA 02464",Check,,\n'
        '"Andrés Villalobos, Psy.D.",Individual,278-72-7097,SSN,"57 Lincoln St, Dedham, MA 02026"'
        ",Check,,\n"
    )
    reports = _scan(scanner, text.encode(), "Independent evaluators - vendor payments CY2024.csv")
    assert _sorted_values(reports, "PERSON") == ["Andrés Villalobos", "Helena Marchetti"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_sync_templates_example_row_is_no_one(scanner: Scanner, policy: Policy) -> None:
    """A blank roster-sync template: one example row, its ID "EXAMPLE-01290505", for
    "Doe, Jane" with the state's sample SASID. It is no student's record."""
    text = (
        "School_id,Student_id,State_id,Last_name,First_name,Grade,DOB (MM/DD/YYYY),Student_email\n"
        "EXAMPLE-01290505,123456,1000000000,Doe,Jane,9,01/01/2010,jdoe@students.example.org\n"
        ",,,,,,,\n,,,,,,,\n"
    )
    reports = _scan(scanner, text.encode(), "roster_sync_TEMPLATE_blank.csv")
    assert not {"PERSON", "STUDENT_ID", "DATE_OF_BIRTH"} & _entities(reports)
    assert FERPA not in classify_reports(policy, reports)
    filled = text.replace("EXAMPLE-01290505", "HHS-01290505").replace("Doe,Jane", "Okafor,Chidi")
    assert FERPA in classify_reports(policy, _scan(scanner, filled.encode(), "roster_sync.csv"))


def test_a_devices_mac_address_is_no_street_address(scanner: Scanner) -> None:
    """A device inventory's "macAddress" (or "IP address") column holds no one's home."""
    data = json.dumps(
        {
            "kind": "admin#directory#chromeosdevices",
            "chromeosdevices": [
                {"serialNumber": f"NXATKKC2751605360{i}", "macAddress": mac, "ipAddress": ip}
                for i, (mac, ip) in enumerate(
                    [
                        ("ea72ac218282", "10.14.2.31"),
                        ("1a79562abb30", "10.14.2.32"),
                        ("7e04281bfef2", "10.14.2.33"),
                    ]
                )
            ],
        }
    ).encode()
    reports = _scan(scanner, data, "chromebook_inventory.json")
    assert not [f for f in reports[0].findings if f.entity == "STREET_ADDRESS"]


def test_a_card_abbreviated_mc_in_a_logs_note_is_a_card(scanner: Scanner, policy: Policy) -> None:
    """A public records log's note of a fee paid by phone: "MC" and the card's number,
    though "phone" comes first in the note (blind round r40)."""
    rows = [
        ["PRR #", "Requester", "Email", "Fee est", "Notes"],
        ["PRR-24-004", "Kwame Okafor", "kwame.okafor@globe.com", "0", "released 4 agmts"],
        [
            "PRR-24-031",
            "Jordan Whitley",
            "jwhitley@example.com",
            "75",
            "blurred copy released; fee paid by phone 11/14 \u2014 Jordan Whitley MC 5411 0410 "
            "8811 3861 exp 09/26 (shred this after posting!)",
        ],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"FY24 log": rows}), "PRR log FY24.xlsx")
    assert _sorted_values(reports, "CREDIT_CARD") == ["5411 0410 8811 3861"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_library_patrons_number_is_no_bank_account(scanner: Scanner) -> None:
    """ "his Destiny account (patron 315409)": a library system's account, no bank's."""
    text = (
        "I cleared the two lost-book charges ($16.99 + $15.99) from his Destiny account "
        "(patron 315409). I'll send Mrs. Mensah a note that the balance is now $0.\n"
    )
    reports = _scan(scanner, text.encode(), "RE_ Learning Ally access.eml.txt")
    assert "US_BANK_NUMBER" not in _entities(reports)


def test_a_town_and_its_state_on_a_remittance_line_is_no_payee(
    scanner: Scanner, policy: Policy
) -> None:
    """A staffing agency's invoice: its bank "Enterprise Bank, Lowell MA" is no person,
    so the business account beside it is no one's personal information (r40)."""
    lines = [
        "BAY STATE EDUCATIONAL STAFFING, LLC",
        "600 Suffolk Street, Suite 410, Lowell, MA 01854",
        "INVOICE",
        "Invoice #: INV-20417      Invoice date: 03/05/2025      Terms: Net 30",
        "Per diem sub coverage - Pine Hill Elementary 24 $168.00 $4,032.00",
        "TOTAL DUE $16,878.00",
        "Remit by ACH to: Bay State Educational Staffing LLC (business operating account)",
        "Bank: Enterprise Bank, Lowell MA   ABA 011302357   Acct 7301124486",
        "Per our contract no substitute personal information is included on invoices.",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "INV-20417 Bay State Ed Staffing.pdf")
    assert "Lowell MA" not in _sorted_values(reports, "PERSON")
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_form_sheet_with_a_table_of_its_own_is_read_as_a_form(
    scanner: Scanner, policy: Policy
) -> None:
    """An expense reimbursement sheet: label and value pairs ("Payee name | Brendan
    Walsh", "Routing # | ...") around a five-column table of expenses. Its first pair is
    no table's header, and the payee's direct deposit is his personal information (r40)."""
    rows: list[list[str | int | None]] = [
        ["HARWOOD FALLS PUBLIC SCHOOLS - EMPLOYEE REIMBURSEMENT REQUEST"],
        [],
        ["Payee name", "Brendan Walsh"],
        ["Employee #", "10442"],
        ["Home address", "244 Maple St, Harwood Falls, MA 01566"],
        ["Building / Dept", "HFMS - Gr 7 Social Studies"],
        [],
        ["Date", "Vendor", "Description", "Acct code", "Amount"],
        ["04/26/2024", "Mass DCR - Walden Pond", "Ranger-led program", "1000-2357-5510", 180],
        [None, None, None, "TOTAL", 180],
        [],
        ["Pay by", "Direct deposit (preferred) / check"],
        ["Bank", "Rockland Trust"],
        ["Routing #", "211052902"],
        ["Account #", "200810326"],
        ["Type", "Checking"],
        [],
        ["Employee signature", "Brendan Walsh", "04/29/2024"],
        ["Supervisor approval", "Marcus Bell", "04/30/2024"],
        ["Business Office"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Request": rows}), "Reimbursement_Request.xlsx")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["200810326"]
    assert "Pay by" not in _sorted_values(reports, "PERSON")
    assert MGL_93H in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "# Destiny Library Manager - circulation transaction log\n"
            '2024-03-01 08:00:23 CIRC-DESK-1 CHECKOUT patron=226386 "Charles, Guerline" gr=11 '
            'item=31994303256867 "The Poet X" due=2024-03-15\n'
            '2024-03-04 08:07:44 CIRC-DESK-1 CHECKOUT patron=236083 "Brennan, Connor" gr=10 '
            'item=31994213581487 "The Outsiders" due=2024-03-18\n',
            "circ_log_2024-03.txt",
            id="a_library_logs_patrons_quoted_without_a_key",
        ),
        pytest.param(
            "Millbrook Regional High School - Class of 2024 Outstanding Obligations\n"
            "Last First ID HR Dept Item / Note Amount Cleared\n"
            "Alexis Guerline 214334 301 Textbook The American Pageant 17e $129.00 waived\n"
            "Almeida Davi 226505 112 Library They Both Die at the End $17.99\n"
            "Costa Mariana 207798 301 Library Scythe $11.99\n",
            "cap and gown HOLD list.txt",
            id="a_printed_lists_last_first_id_and_homeroom",
        ),
        pytest.param(
            "# KESSLER MS - after school detention (ASD) supervision log - OCT 2024\n"
            "# fmt: date time | sup | stu id name (gr) | reason | out\n\n"
            "2024-10-01 14:37 | sup: L. Keane | 258708 Nwosu, Chidi (gr8) | missing HW x4 | "
            "out 15:16\n"
            "2024-10-01 14:30 | sup: L. Keane | 556764 Sok, Sokha (gr7) | 3 tardies | out 15:20\n"
            "2024-10-03 14:34 | sup: R. Rebelo | 691952 Flaherty, Brian (gr7) | dress code | "
            "out 15:18\n",
            "detention supervision log.txt",
            id="a_logs_cell_of_a_number_then_a_name",
        ),
    ],
)
def test_students_numbered_beside_their_names_in_more_logs_and_lists(
    scanner: Scanner, policy: Policy, text: str, name: str
) -> None:
    """Each student's number beside his name: in a library's log, a hold list printed
    with one space between columns, a log's "stu id name (gr)" cells (blind round r40)."""
    reports = _scan(scanner, text.encode(), name)
    assert len(_sorted_values(reports, "STUDENT_ID")) >= 2
    assert FERPA in classify_reports(policy, reports)


def test_an_empty_student_column_and_null_fields_name_no_student(
    scanner: Scanner, policy: Policy
) -> None:
    """A room scheduler's export: each booking's evaluator, and a "student" field that is
    always null. The column and the field name no one: no student's record (r40)."""
    booking = {
        "date": "2024-11-21",
        "start": "13:15",
        "evaluator": "Linh Pham",
        "purpose": "speech/language testing",
        "student": None,
        "notes": "need kit #2",
    }
    data = json.dumps(
        {
            "export": "Facilities > Room Scheduler",
            "policy": "Student names are not entered in the room scheduler. See Aspen for "
            "evaluation details.",
            "rooms": [
                {
                    "room": "PSE-9",
                    "bookings": [
                        booking,
                        {**booking, "purpose": "Team meeting prep", "notes": ""},
                        {**booking, "evaluator": "Kevin Liu", "purpose": "parent feedback mtg"},
                    ],
                },
                {"room": "HS guidance C", "bookings": [{**booking, "evaluator": "Megan Ross"}]},
            ],
        }
    ).encode()
    reports = _scan(scanner, data, "eval_room_bookings.json")
    assert "Linh Pham" in _sorted_values(reports, "PERSON")
    assert FERPA not in classify_reports(policy, reports)


def test_a_trips_export_names_its_staff_lead_and_its_destination_not_a_student(
    scanner: Scanner, policy: Policy
) -> None:
    """A field trip's export: the staff lead's and the museum's "name", a fee per student
    and the nurse's list mentioned: labels of no student's record (r40)."""
    data = json.dumps(
        {
            "trip_id": "FT-2024-0117",
            "school": {"name": "Harwood Falls Middle School"},
            "destination": {"name": "Museum of Science", "address": "1 Science Park, Boston"},
            "grade": 7,
            "staff_lead": {"name": "Priya Raghavan", "trip_cell": "(774) 316-2291"},
            "fee_per_student": 42.0,
            "medical_plan": "Nurse list held by bus leads (see Health Office)",
            "buses": [{"bus": 1, "students": 51, "chaperones": {"staff": 2, "parents": 4}}],
        }
    ).encode()
    reports = _scan(scanner, data, "MOS_trip_itinerary_export.json")
    assert FERPA not in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("text", "value", "is_town"),
    [
        ("Bank: Enterprise Bank, Lowell MA   ABA 011302357", "Lowell MA", True),
        ("# KESSLER MS - after school detention log", "KESSLER MS", True),
        ("Remit to: Acme Bank, North Andover MA 01845", "North Andover MA", True),
        # a person with a degree or credential that is also a state's code
        ("Evaluator: Linh Pham MA, CCC-SLP", "Linh Pham MA", False),
        ("Signed, Sarah Jones MD", "Sarah Jones MD", False),
        ("Referred by Kim PA", "Kim PA", False),
    ],
)
def test_a_town_and_its_states_code_is_no_name_though_a_degree_may_follow_one(
    text: str, value: str, is_town: bool
) -> None:
    """What NER takes for a person and `_clean_name` drops as a town and its state."""
    from scanners.detect import _a_town_and_state

    assert _a_town_and_state(text, text.index(value), value) is is_town


def test_a_gradebook_export_under_its_schools_teachers_and_courses_lines(
    scanner: Scanner, policy: Policy
) -> None:
    """A gradebook's CSV export opens with its title and lines of a label and its value
    (school, teacher, course), four lines of other widths above its header (r41)."""
    data = (
        "PowerSchool Gradebook - Scoresheet Export\r\n"
        "School:,Pemberton Regional High School\r\n"
        'Teacher:,"Okafor, Adaeze"\r\n'
        "Course:,AP Chemistry (SCI451),Section:,3,Term:,S1 / Q2,Exported:,11/15/2024 7:42 AM\r\n"
        "\r\n"
        "Student Number,Student Name,Grade,Unit 3 Test (100),Q2 %,Q2 Grade,Comment\r\n"
        '237413,"Batista, Andr\u00e9s",12,85,69.1,D,504 - see plan\r\n'
        '202734,"Brennan, Hannah",12,53,59.9,F,ELL - bilingual glossary ok\r\n'
        '241439,"Coleman, Molly",11,91,88.0,B+,\r\n'
    ).encode()
    reports = _scan(scanner, data, "AP Chem P3 gradebook export.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["202734", "237413", "241439"]
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("THC cart found on stu Chen, Sofia, DOB 02/19/2008. Juv. summons.", ["02/19/2008"]),
        ("Born 2008-02-19. Enrolled in grade 9.", ["2008-02-19"]),
        # a full stop before a digit goes on with the number: no date ends there
        ("DOB field: 1.12.2024.3 (schema version)", []),
    ],
)
def test_a_birth_date_at_a_sentences_end(scanner: Scanner, text: str, found: list[str]) -> None:
    """A birth date followed by the sentence's full stop is still a date (r41)."""
    assert _sorted_values(_scan(scanner, text.encode(), "note.txt"), "DATE_OF_BIRTH") == found


def test_a_logs_shorthand_student_and_his_labelled_number_in_a_note_cell(
    scanner: Scanner, policy: Policy
) -> None:
    """A school resource officer's log: "stu" for student, the number labelled "ID" in
    the note column of a table printed with bars (r41)."""
    text = (
        "MFPD SCHOOL RESOURCE UNIT - DAILY ACTIVITY LOG\n"
        "Period: 10/01/2024 - 10/31/2024   (shorthand: stu=student, AP=asst principal)\n"
        "10/01/24 0710 | MFHS | arrival duty front lot; traffic detail, no issues\n"
        "10/02/24 1130 | MFHS | assisted AP w/ search - stu Shah, Linh (ID 289922) vape in "
        "backpack, confiscated, AP handling discipline\n"
        "10/07/24 0935 | RMS  | walkthrough, spoke w/ AP re: bus line supervision\n"
        "10/29/24 0745 | MFHS | stu Hassan, Esperanza ID 224074 arrived w/ pocket knife (3in)"
        " - self-reported to teacher. Knife held, par pick-up\n"
    )
    reports = _scan(scanner, text.encode(), "SRO daily log - Oct 2024.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["224074", "289922"]
    assert FERPA in classify_reports(policy, reports)


def test_a_w9s_name_of_entity_or_individual_names_its_taxpayer(
    scanner: Scanner, policy: Policy
) -> None:
    """A W-9 of the 2024 revision labels line 1 "Name of entity/individual", with no
    colon: the name beside the SSN is its taxpayer's, though no list knows it (r42)."""
    lines = [
        "Form W-9  (Rev. March 2024)",
        "Request for Taxpayer Identification Number and Certification",
        "1  Name of entity/individual Folake O. Adeyemi",
        "2 Business name / disregarded entity",
        "Bright Path Counseling",
        "3a Federal tax classification [X] Individual/sole proprietor [ ] C corp",
        "5  Address (number, street, apt.) 62 Thorndike St, Unit 4",
        "6  City, state, and ZIP code Lowell, MA 01852",
        "Part I  Taxpayer Identification Number (TIN)",
        "Social security number 461-71-4823",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "W-9_Adeyemi_F_2025 scan.pdf")
    assert "Folake O. Adeyemi" in _sorted_values(reports, "PERSON")
    assert MGL_93H in classify_reports(policy, reports)


def test_an_exports_run_and_school_lines_above_its_header(scanner: Scanner, policy: Policy) -> None:
    """A caseload export's lines of "Run: ...", "User: ..." and "School: ..." cells above
    its header: labels and their values, no column names (r42)."""
    data = (
        b"SchoolBrains - Special Education - Caseload by Case Manager\n"
        b"Run: 01/08/2025 07:42 AM,User: sped_admin02,District: Merrimack Falls (0187)\n"
        b"School: Oak Hill Elementary (0187-0045),,Status: Active IEP\n\n"
        b"StudentNumber,SASID,LastName,FirstName,BirthDate,Grade,DisabilityCode\n"
        b"309714,1369017403,Brooks,Malik,2015-07-26,3,SLD\n"
        b"389989,1759305069,DiNapoli,Nicholas,2016-05-14,3,COMM\n"
        b"237156,1250331296,Gagnon,Colleen,2013-05-23,5,AUT\n"
    )
    reports = _scan(scanner, data, "caseload_overage_Q2.csv")
    assert "309714" in _sorted_values(reports, "STUDENT_ID")
    assert FERPA in classify_reports(policy, reports)


def test_a_ticket_desks_log_keys_its_students_as_stu(scanner: Scanner, policy: Policy) -> None:
    """A prom ticket desk's log: "stu=240506 name=..." keys each line's student (r42)."""
    text = (
        "2025-05-05 10:58:06 INFO  pos.sync  loaded obligations list: 9 holds\n"
        '2025-05-05 10:59:52 WARN  pos.hold  stu=240506 name="Mao, Chanthy" '
        "reason=OBLIGATION(saturday school) -> sale blocked\n"
        '2025-05-05 11:17:58 WARN  pos.hold  stu=216927 name="Morales, Luis" '
        "reason=OBLIGATION(detention x2) -> sale blocked\n"
    )
    reports = _scan(scanner, text.encode(), "prom_ticket_sales_2025-05.log")
    assert _sorted_values(reports, "STUDENT_ID") == ["216927", "240506"]
    assert FERPA in classify_reports(policy, reports)


def test_a_software_vendors_name_is_no_person_beside_its_account(
    scanner: Scanner, policy: Policy
) -> None:
    """An invoice's remittance line names the vendor's own account ("FitStats Software
    LLC operating"): no person's, so no personal information (r42)."""
    rows: list[list[str | int | None]] = [
        ["FitStats Software LLC", None, None, "INVOICE"],
        ["Invoice #", "INV-88213", "PO #", "PO-25-01174"],
        [],
        ["Item", "Description", "Qty", "Amount"],
        ["FS-TRAIN", "Virtual PD session - 2 hrs", 1, 300],
        [None, None, "TOTAL", 300],
        [],
        [
            "Remit by ACH:",
            "Bank: Citizens Bank  ABA 211304317  Acct 544802128360  (FitStats Software LLC "
            "operating)",
        ],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Invoice": rows}), "INV-88213.xlsx")
    assert not any("FitStats" in name for name in _sorted_values(reports, "PERSON"))
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_decimals_long_fraction_is_no_card(scanner: Scanner) -> None:
    """A class rank sheet's unrounded GPA, 4.60252675406478: its fraction is no card."""
    rows: list[list[str | float]] = [
        ["Rank", "Student", "W GPA (unrounded)"],
        [1, "Santiago, Anthony", 4.60252675406478],
        [2, "Gomes, Rafael", 4.58126376458211],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Tiebreak top 5": rows}), "Val-Sal rank calc.xlsx")
    assert "CREDIT_CARD" not in _entities(reports)


def test_a_logs_cells_that_name_their_field_are_read_by_their_values(
    scanner: Scanner, policy: Policy
) -> None:
    """A welcome center's intake log writes each cell as its field: `stu="CHEA,
    Sreyneang"`, `lasid=290419`, under a "student" and an "ids" column (r46)."""
    text = (
        "# Welcome Center - intake/screening event log (exported from intake tracker)\n"
        "# fields: timestamp | event | site | student | ids | detail | user\n\n"
        '2024-08-19 13:56:05 | INTAKE    | WC | stu="CHEA, Sreyneang" | lasid=290419 | '
        "dob=2008-04-18 gr=11 hls_q1=KHM | wc_frontdesk\n"
        '2024-08-20 08:35:05 | SCREENER  | WC | stu="CHEA, Sreyneang" | lasid=290419 | '
        "form=WIDA_SCREENER_ONLINE | wc_frontdesk\n"
        '2024-08-22 08:33:05 | INTAKE    | WC | stu="CHHIM, Visal" | lasid=312089 | '
        "dob=2013-05-23 gr=06 hls_q1=KHM | mfarias\n"
        '2024-08-23 08:33:05 | PLACEMENT | WC | stu="CHHIM, Visal" | lasid=312089 | '
        "program=SEI school=RHS | sokonkwo\n"
    )
    reports = _scan(scanner, text.encode(), "wida_screener_intake_2024-08.log.txt")
    assert set(_sorted_values(reports, "STUDENT_ID")) == {"290419", "312089"}
    assert set(_sorted_values(reports, "PERSON")) == {"CHEA, Sreyneang", "CHHIM, Visal"}
    assert FERPA in classify_reports(policy, reports)


_PAYEES_HEADER = [
    "Vendor #", "Payee", "Payee type", "TIN type", "TIN", "Invoice", "Amount", "ABA",
    "Account", "Approved by",
]  # fmt: skip


def test_a_vendor_files_payee_with_a_social_security_number_is_a_person(
    scanner: Scanner, policy: Policy
) -> None:
    """An interpreter paid as a vendor gives an SSN as his TIN: his name, though no
    list knows it ("Subedi, Bhim"), is a person's, and the account his (r46)."""
    rows = [
        _PAYEES_HEADER,
        ["V21144", "Subedi, Bhim", "Individual", "SSN", "437-44-8277", "SUB-342", "360.00",
         "011310129", "759734709599", "Dana Whitfield"],
        ["V20401", "Kayembe, Esperance", "Individual", "SSN", "445-12-4955", "KAY-626",
         "450.00", "011041951", "94613043192", "Dana Whitfield"],
        ["V12649", "LanguageLine Solutions", "Company", "EIN", "15-8409212", "INV-24021",
         "3890.80", "", "", "Dana Whitfield"],
    ]  # fmt: skip
    reports = _scan(scanner, w.csv_bytes(rows), "AP_interpreter_payees_FY25_Q1.csv")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["759734709599", "94613043192"]
    # whoever approved each payment is named too
    assert _sorted_values(reports, "PERSON").count("Dana Whitfield") == 3
    assert MGL_93H in classify_reports(policy, reports)


def test_the_approver_of_a_companys_payment_does_not_make_its_account_personal(
    scanner: Scanner,
) -> None:
    """A vendor file's "Approved by" names the clerk who approved the row, not its payee:
    a company's account beside her name stays the company's (r46)."""
    rows = [
        _PAYEES_HEADER,
        ["V12649", "LanguageLine Solutions", "Company", "EIN", "15-8409212", "INV-24021",
         "3890.80", "011310129", "759734709599", "Dana Whitfield"],
        ["V12500", "LinguaBridge Interpreting LLC", "Company", "EIN", "51-6317502",
         "INV-44907", "2785.86", "011041951", "94613043192", "Dana Whitfield"],
    ]  # fmt: skip
    reports = _scan(scanner, w.csv_bytes(rows), "AP_vendor_payments.csv")
    assert "US_BANK_NUMBER" not in _entities(reports)


def test_a_family_forms_labels_in_several_languages_say_what_the_values_are(
    scanner: Scanner, policy: Policy
) -> None:
    """A contact sheet labels each field in English and the families' languages, a slash
    apart ("Student / Estudiante / Aluno / Elèv / Học sinh"): the child's name, though
    no list knows it, and both his numbers (r46)."""
    sheet = [
        ["Student / Estudiante / Aluno / Elèv / Học sinh", "Yamilet Xiloj"],
        [
            "Student ID (SASID / LASID) / Número de estudiante / Nimewo elèv / Mã số học sinh",
            "1050818761 / 449948",
        ],
        ["Date of birth / Fecha de nacimiento / Data de nascimento / Ngày sinh", "15/11/2015"],
        ["Home language / Idioma del hogar / Lang lakay / Ngôn ngữ ở nhà", "Spanish"],
        ["Phone / Teléfono / Telefone / Telefòn / Điện thoại", "978.915.1461"],
    ]
    data = w.docx_bytes(["Family Contact Sheets - Gr 3 SEI Rm 112"], [sheet])
    reports = _scan(scanner, data, "Family Contact Sheets - Gr 3 SEI.docx")
    assert "Yamilet Xiloj" in _sorted_values(reports, "PERSON")
    assert _sorted_values(reports, "STUDENT_ID") == ["1050818761", "449948"]
    assert FERPA in classify_reports(policy, reports)


def test_a_logs_student_with_his_labelled_number_in_brackets(
    scanner: Scanner, policy: Policy
) -> None:
    """A ride request log's "Desrosiers, Wisline (LASID 221092)": the child's name with
    his number, labelled inside the brackets (r46)."""
    text = (
        "# PPS Transportation - McKinney-Vento / Foster Care ride requests\n"
        "# ts | req# | status | student | school | pickup | notes | user\n"
        "2024-09-04 09:12:40 | REQ-2409-017 | NEW | Desrosiers, Wisline (LASID 221092) | "
        "Gr4 HES | pickup: 412 Broadway, Lawrence, MA 01841 | shelter | rsandoval\n"
        "2024-09-04 20:22:40 | REQ-2409-017 | APPROVED | - | - | - | vendor=HopRide | kbrennan\n"
        "2024-09-06 22:11:00 | REQ-2409-021 | NEW | Haddad, Omar (LASID 273302) | GrK RES | "
        "pickup: 780 Washington St, Lawrence, MA 01841 | doubled-up | rsandoval\n"
    )
    reports = _scan(scanner, text.encode(), "transport_requests_log_2024-25.txt")
    assert _sorted_values(reports, "PERSON") == ["Desrosiers, Wisline", "Haddad, Omar"]
    assert _sorted_values(reports, "STUDENT_ID") == ["221092", "273302"]
    assert FERPA in classify_reports(policy, reports)


def test_a_custodians_log_note_of_a_childs_condition_is_a_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A night custodian's log is of floors and boilers, but one note tells a named
    sixth grader's diabetes and her health plan: read as prose would be (r46)."""
    text = (
        "MERRILL MS - NIGHT CUSTODIAN LOG - OCTOBER 2024\n"
        "date       time   who          event\n"
        "------------------------------------------------------------------------------\n"
        "2024-10-01 22:07  A. Almeida   Library carpet extraction\n"
        "2024-10-02 19:55  A. Almeida   Set up cafeteria for PTO mtg (80 chairs)\n"
        "2024-10-09 15:40  L. Ferreira  Cleanup Rm 118 - nurse (Ms. Pacheco) says Alexandra "
        "Nowak gr6 had a low (T1 diabetes), keep juice boxes in Rm 118 per her health plan\n"
        "2024-10-10 21:42  A. Almeida   Hot water heater pilot out, relit\n"
    )
    reports = _scan(scanner, text.encode(), "night_custodian_log_MMS_Oct2024.txt")
    assert "Alexandra Nowak" in _sorted_values(reports, "PERSON")
    assert FERPA in classify_reports(policy, reports)


def test_a_special_education_settlement_paid_to_a_parent_is_the_childs_record(
    scanner: Scanner, policy: Policy
) -> None:
    """Counsel's e-mail on a BSEA settlement names the child with his grade and what the
    district owes him; its words of direct deposit and a 1099 are the parent's
    reimbursement, no employee's file (r46)."""
    body = (
        "Theresa,\n\n"
        "The settlement agreement in BSEA No. 2407812 (Mateo Castillo, gr 8 CHMS) was fully "
        "executed yesterday. The District will reimburse the parent, Ana Castillo, $4,850.00 "
        "for the independent neuropsychological evaluation, and fund 40 hours of "
        "compensatory tutoring.\n\n"
        "Ms. Castillo asked that the reimbursement be paid by direct deposit:\n"
        "  Name on account: Ana L. Castillo\n"
        "  Routing (ABA): 211356242\n"
        "  Account #: 6068911164 (checking)\n\n"
        "Please set her up as a one-time vendor (1099 not required). Rosa - please send the "
        "tutoring provider's W-9 to AP.\n\nPriya Raman\nBrennan & Lowell LLP\n"
    )
    data = w.eml_bytes(
        sender="Priya Raman <praman@brennanlowell.com>",
        to="Theresa Nolan <tnolan@millbrookrsd.org>",
        subject="BSEA 2407812 settlement - reimbursement to parent",
        body=body,
    )
    reports = _scan(scanner, data, "RE_ BSEA 2407812 settlement.eml")
    assert {FERPA, MGL_93H} <= set(classify_reports(policy, reports))


def test_a_vendors_customer_account_on_its_invoice_is_no_bank_account(
    scanner: Scanner, policy: Policy
) -> None:
    """An invoice's "Customer acct # 6011941351288884" is the district's number with the
    vendor, beside the vendor's sales rep: no one's bank account (r46)."""
    lines = [
        "BAY STATE FLOOR CARE, INC.",
        "1187 County St, Somerset, MA 02726",
        "Tel (508) 679-2210   billing@baystatefloorcare.com",
        "INVOICE",
        "Invoice # 24-3381 Invoice date 10/31/2024",
        "Customer PO # 25-00417 Terms Net 30",
        "Customer acct # 6011941351288884 Sales rep Colleen Lyons",
        "BILL TO: Tri-River Regional Public Schools, Accounts Payable",
        "Gym floor screen & recoat - main gym (8,400 sf) 1 3,780.00 3,780.00",
        "TOTAL DUE $3,780.00",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "INV 24-3381 Bay State Floor Care.pdf")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_trainings_example_of_a_record_is_no_ones(scanner: Scanner, policy: Policy) -> None:
    """A privacy training's slide shows "Example of a record": its child and birth date
    are no one's (r46)."""
    data = w.pptx_bytes(
        [
            (
                "Protecting Children & Family Information",
                ["PreK staff PD - August 27, 2024", "Karen Walsh & Jennifer Doyle, RN"],
                None,
                None,
            ),
            (
                "Two laws, two kinds of information",
                [
                    "FERPA: student education records (screenings, IEPs, attendance, nurse "
                    "notes, progress reports)"
                ],
                None,
                None,
            ),
            (
                "What NOT to do",
                [
                    "Don't email ASQ results or IEPs to personal accounts",
                    "Don't put child names + DOB in shared Google Sheets with 'anyone with link'",
                    'Example of a record: "Student: Baby Example, DOB 01/01/2020, ASQ COMM 15"',
                ],
                None,
                None,
            ),
            (
                "Is it a record? (quiz)",
                ["Class list with DOB and LASID - YES", "Nurse log - YES"],
                None,
                None,
            ),
        ]
    )
    reports = _scan(scanner, data, "Data Privacy Training - PreK staff.pptx")
    assert FERPA not in classify_reports(policy, reports)


def test_columns_of_who_oversaw_or_assigned_a_students_work_name_people(
    scanner: Scanner,
) -> None:
    """A detention log's "Assigned By" and "Supervising Custodian", a shop log's "instr",
    a co-op export's "Site Supervisor", a sign-in sheet's "Escort": columns of names,
    "S. Donovan" as a log writes them (r46)."""
    rows = [
        ["Date", "Student", "Stu ID", "Assigned By", "Task", "Supervising Custodian",
         "instr", "Site Supervisor", "Escort"],
        ["09/18/2024", "Costa, Dylan", "307288", "S. Donovan", "Pick up litter", "A. Warsame",
         "J. Pierre", "João Monteiro", "L. Ferreira"],
        ["09/19/2024", "Mensah, Kwabena", "327924", "S. Donovan", "Wipe tables", "B. Costa",
         "T. Lavoie", "João Monteiro", "X. Peña"],
    ]  # fmt: skip
    reports = _scan(scanner, w.csv_bytes(rows), "Detention work detail S1.csv")
    names = set(_sorted_values(reports, "PERSON"))
    assert {"S. Donovan", "A. Warsame", "B. Costa", "J. Pierre", "T. Lavoie"} <= names
    assert {"João Monteiro", "L. Ferreira", "X. Peña"} <= names


def test_an_exam_vouchers_number_is_no_student_id(scanner: Scanner) -> None:
    """A testing roster's voucher "V89-7393", on a line under a SASID header: a number run
    on from a letter is no grouped student number (r46)."""
    lines = [
        "ASE Entry-Level Certification - Testing Roster",
        "Candidate (Last, First) DOB SASID Gr Tests Voucher Session",
        "Barros, Felipe 01/29/2008 1339780673 11 EP, EE V89-7393 5/8 B1",
        "Cabrera, Mateo 12/12/2006 1466050467 12 EP, EE V42-5804 5/7 B2",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "ASE exam roster - May 2025.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["1339780673", "1466050467"]


def test_a_blank_multilingual_forms_empty_cells_read_as_blanks(
    scanner: Scanner, policy: Policy
) -> None:
    """A registration checklist's table of labels in five languages over empty cells is a
    blank form ("Child's legal name: ____"), its child no one: a checklist of IEPs and
    immunizations to bring is about no child (r46)."""
    data = w.docx_bytes(
        [
            "Kindergarten Registration 2025-26 - Checklist / Lista / Lis / Danh sách",
            "Marlowe Public Schools Family Welcome Center - 250 Main Street, Marlowe, MA 01752"
            " - (508) 624-3000 x1150 - welcome@marloweps.org",
            "Children who turn 5 on or before August 31, 2025 are eligible for kindergarten.",
            "TWO proofs of Marlowe residency dated within 60 days (utility bill, lease)",
            "Immunization record (MA requirements: DTaP, Polio, MMR, Varicella, Hep B)",
            "IEP or 504 plan from preschool, if applicable",
        ],
        [
            [
                ["Field", "(fill in)"],
                [
                    "Child's legal name / Nombre legal del niño / Nome legal da criança / "
                    "Non legal pitit la / Họ tên hợp pháp của trẻ",
                    "",
                ],
                ["Date of birth / Fecha de nacimiento / Data de nascimento / Ngày sinh", ""],
                ["Home address / Dirección / Endereço / Adrès lakay / Địa chỉ nhà", ""],
                ["Parent/Guardian / Padre/Tutor / Pai/Responsável / Phụ huynh", ""],
                ["Phone / Teléfono / Telefone / Telefòn / Điện thoại", ""],
            ]
        ],
    )
    reports = _scan(scanner, data, "K registration checklist - multilingual.docx")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_person_columns_phrase_is_no_ones_name(scanner: Scanner) -> None:
    """A nurse log's "referred by" holds a teacher's name or a phrase ("PE - sub", "JV
    soccer"): a phrase's later words in lower case are no name's (r46)."""
    rows = [
        ["date", "student", "complaint", "referred by"],
        ["10/01/24", "Ortiz, Camila", "ankle - ice", "PE - sub"],
        ["10/02/24", "Nguyen, Bao", "nosebleed", "JV soccer"],
        ["10/03/24", "Silva, Ana", "headache", "Tom Walsh"],
        ["10/04/24", "Kim, Daniel", "scraped knee", "Hours this qtr"],
    ]
    reports = _scan(scanner, w.csv_bytes(rows), "nurse log - PE injuries Oct 2024.csv")
    names = _sorted_values(reports, "PERSON")
    assert "Tom Walsh" in names
    assert not {"PE - sub", "JV soccer", "Hours this qtr"} & set(names)


def test_an_approval_columns_two_sets_of_initials_name_no_one(scanner: Scanner) -> None:
    """An ACH batch's "approved_by" of two clerks' initials, "KL SC", names no one (r46)."""
    rows = [
        ["payee_name", "routing", "account", "amount", "approved_by"],
        ["Maria Gonzalez", "011000138", "4402198375", "45.00", "KL SC"],
        ["Kevin Tran", "211370545", "9876501234", "45.00", "KL SC"],
    ]
    reports = _scan(scanner, w.csv_bytes(rows), "ECF_home_internet_reimb_ACH_batch.csv")
    assert "KL SC" not in _sorted_values(reports, "PERSON")
    assert "Maria Gonzalez" in _sorted_values(reports, "PERSON")


def test_a_catalogue_lines_grade_is_a_books(scanner: Scanner, policy: Policy) -> None:
    """An invoice's lines, each led by its ISBN, name series and their grades ("Summer
    Bridge Math Gr 6-7", "Close Reading Packets Gr 6"): books', no named student's (r46)."""
    lines = [
        "BAYSIDE LEARNING RESOURCES, LLC",
        "INVOICE  INV-88213          Invoice date: 06/14/2024        Terms: Net 30",
        "SHIP TO: Summer Academy - Attn: Marisol Desir, 640 Varnum Ave, Lakemont, MA 01860",
        "ISBN / SKU Description Qty Unit Ext",
        "978-1-4957-8812-3 Summer Bridge Math Gr 6-7 Student Bk 120 14.95 1,794.00",
        "978-0-358-41120-6 Close Reading Packets Gr 6 (10-pk) 12 49.00 588.00",
        "978-1-64291-077-5 Credit Recovery Test Prep Alg I 45 22.50 1,012.50",
        "978-0-7869-3140-8 Teacher Edition - Summer Bridge Math 8 39.99 319.92",
        "ACH/Wire: Rockland Trust, ABA 211493231, Acct 52398829 (business checking)",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "INV-88213 Bayside Learning.pdf")
    assert FERPA not in classify_reports(policy, reports)


def test_a_log_of_fields_and_their_values_reads_each_value_by_its_field(
    scanner: Scanner, policy: Policy
) -> None:
    """A records officer's redaction log keeps each redacted value beside its field
    ("Student 1 SASID | 1239582234"): read as a form's "label: value", not as a column
    of numbers taken for phone numbers (r46)."""
    rows = [
        ["Bates", "Document", "Field/Location", "Original text (INTERNAL - DO NOT RELEASE)",
         "Redacted as", "Exemption cited", "Reviewer"],
        ["PRR131-0001", "Incident report 2/9/24", "Student 1 name", "Xavier Morales",
         "[Student A]", "FERPA", "DK"],
        ["PRR131-0001", "Incident report 2/9/24", "Student 1 SASID", "1239582234",
         "[redacted]", "FERPA", "DK"],
        ["PRR131-0001", "Incident report 2/9/24", "Student 1 DOB", "03/07/2008",
         "[redacted]", "FERPA", "DK"],
        ["PRR131-0005", "AP parent contact log", "parent name + phone",
         "Rosa Morales (mother) 617-843-9370", "[Parent of Student A]", "FERPA", "DK"],
    ]  # fmt: skip
    reports = _scan(scanner, w.csv_bytes(rows), "Redaction log PRR-2024-131.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["1239582234"]
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["03/07/2008"]
    assert "Xavier Morales" in _sorted_values(reports, "PERSON")
    assert FERPA in classify_reports(policy, reports)


def test_a_long_audit_of_fields_is_read_to_its_end(scanner: Scanner) -> None:
    """An SIS audit trail's "Field | Old Value | New Value" rows are read a batch at a
    time (FIELD_ROWS_A_FORM): a birth date changed in its last rows is still found (r46)."""
    rows: list[list[str]] = [["Changed", "User", "Field", "Old Value", "New Value"]]
    rows += [
        [f"2024-09-{1 + n % 28:02d}", "registrar", "Homeroom", "B12", "B14"] for n in range(1200)
    ]
    rows.append(["2024-10-02", "registrar", "Student DOB", "03/07/2008", "03/08/2008"])
    reports = _scan(scanner, w.csv_bytes(rows), "aspen_audit_trail_Q1.csv")
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["03/07/2008", "03/08/2008"]


def test_a_registers_student_and_number_a_slash_apart(scanner: Scanner, policy: Policy) -> None:
    """A refund check register printed to PDF runs its "Student / ID" column into each
    line: "Baptiste, Widlene / 204319", the student and his number (r47)."""
    lines = [
        "Student Activity Agency Account - REFUND CHECK REGISTER   06/01/2024 - 06/30/2024",
        "Check # Date Payee Mailing Address Amount Student / ID Memo",
        "4403 06/14/2024 Marie-Ange Baptiste 964 Wildwood Ave, West Boylston, MA 01583 565.00 "
        "Baptiste, Widlene / 204319 Quebec trip - cancelled (surgery)",
        "4404 06/22/2024 Andriy Petrov 1884 Wyoming Dr, Holden, MA 01520 40.00 Petrov, Jakub / "
        "231955 Class dues refund - withdrawn 5/17",
        "4408 06/27/2024 Jocelyn Cote 58 Wyoming Dr, Rutland, MA 01543 175.00 Cote, Luc / "
        "219325 NC trip - IEP day-only",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "Refund check register June 2024.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["204319", "219325", "231955"]
    assert {"Baptiste, Widlene", "Cote, Luc"} <= set(_sorted_values(reports, "PERSON"))
    assert FERPA in classify_reports(policy, reports)


def test_a_trusts_operating_account_on_its_rate_sheet_is_no_ones(
    scanner: Scanner, policy: Policy
) -> None:
    """A health trust's rate sheet gives its own "Account (Trust Operating)" for premiums;
    its "19th Floor" and "Plan Tier" are no people to own it (r47)."""
    lines = [
        "Commonwealth Municipal Health Trust",
        "FY2026 Premium Rates - Millbrook Public Schools (Group 4401-MPS)",
        "Plan Tier FY25 Monthly FY26 Monthly Change",
        "HPHC-HMO Individual $946.70 $1,015.44 7.3%",
        "Medicare Supp (Medex) Per member $412.00 $431.00 4.6%",
        "Remittance Instructions",
        "Monthly premium invoices are issued on the 10th and due on the 1st of the following",
        "month. Please include the invoice number (e.g., INV-4401-2507) in the payment",
        "reference.",
        "Payee Commonwealth Municipal Health Trust",
        "Bank Eastern Bank, Boston MA",
        "ABA / Routing 011322337",
        "Account (Trust Operating) 762546276914",
        "Trust office 101 Federal Street, 19th Floor, Boston, MA 02110",
        "Billing questions (617) 426-3310  -  billing@cmhtrust.org",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "2025-26 Premium Rates & Remittance.pdf")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("Trust office 101 Federal Street, 19th Floor, Boston, MA 02110", "Floor", False),
        ("meet on the 3rd Floor by the library", "Floor", False),
        ("Referred by Taylor on 10/3", "Taylor", True),
    ],
)
def test_ner_takes_no_name_from_a_word_after_an_ordinal(text: str, value: str, kept: bool) -> None:
    """What NER takes for a person after an ordinal ("19th Floor") is a place's part, and
    `_clean_name` drops it (r47)."""
    from scanners.detect import _clean_name
    from scanners.engine import NameSpan

    start = text.index(value)
    cleaned = _clean_name(text, NameSpan(start, start + len(value), value))
    assert (cleaned is not None) is kept


def test_a_fixed_width_logs_header_a_blank_line_above_its_rows(
    scanner: Scanner, policy: Policy
) -> None:
    """A school psychologist's testing log heads its columns in a comment, then a blank
    line, then a line a session: still a table, its "SASID" column the students' (r47)."""
    text = (
        "# RS testing log - March 2025 (Harlow/Brookside)  -- keep on H: drive only\n"
        "# date       time   bldg  rm    student                        SASID       gr  "
        "event / notes\n"
        "\n"
        "2025-03-03  08:40  HAR   114   OKAFOR, Daniel                 1965335780  4   "
        "WISC-V sess 3/3 (PSI, WMI supp). fidgety after 30 min, 2 breaks.\n"
        "2025-03-05  09:15  BRK   B12   NGUYEN, Thao                   1226366243  3   "
        "WJ IV ACH std + ext battery. good effort.\n"
        "2025-03-07  08:45  HAR   114   RAHIMI, Amir                   1519641790  3   "
        "WISC-V sess 1. refused Block Design after 3 items.\n"
    )
    reports = _scan(scanner, text.encode(), "psych testing log MAR25.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["1226366243", "1519641790", "1965335780"]
    assert FERPA in classify_reports(policy, reports)


def test_a_help_desks_reset_log_keys_local_ids_as_lid(scanner: Scanner, policy: Policy) -> None:
    """A help desk's reset log keys each student's local ID as "lid=310410" (r47)."""
    text = (
        "# RPS Help Desk - account reset log   period=2024-10-01..2024-10-31\n"
        "# fields: ts | tech | action | account | name | lid | verify | result\n"
        "2024-10-01T12:23:19-04:00 | jdorvil  | BULK_RESET | OU=/Students/HMS/4A (20 accts) | - "
        "| lid=- | teacher-request via ticket | OK\n"
        "2024-10-02T08:42:25-04:00 | rdelgado | PWD_RESET | dshah27@students.rivertonps.org | "
        "Diya Shah | lid=310410 | teacher-request (Mr. Ferraro) | OK\n"
        "2024-10-02T14:10:29-04:00 | dpatel   | PWD_RESET | tsilva31@students.rivertonps.org | "
        "Thiago Silva | lid=245769 | teacher-request (Ms. Bettencourt) | OK\n"
    )
    reports = _scan(scanner, text.encode(), "pw_reset_log_2024-10.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["245769", "310410"]
    assert FERPA in classify_reports(policy, reports)


def test_a_trainers_log_reads_on_past_a_row_whose_fields_run_together(
    scanner: Scanner,
) -> None:
    """An athletic trainer's log, "athlete [local id]": a long name runs into the next
    field one space apart, and the rows after it are still read by the header's places
    (r47)."""
    text = (
        "# MRHS Athletic Training Room - daily treatment/injury log\n"
        "# date       time   team   athlete [local id]             complaint / assessment"
        "                 disposition\n"
        "#" + "-" * 110 + "\n"
        "2024-10-02  14:41  CHEER  Campbell, Olivia [210037]        R ankle inversion sprain"
        "                RICE, tape\n"
        "2024-10-02  16:12  VB     Driscoll, Abigail [203821]       possible concussion     "
        "                REMOVED, parent notified\n"
        "2024-10-03  14:05  GOLF   Joel Colon [202840]              AC sprain R shoulder    "
        "                sling, ref PCP\n"
        "2024-10-07  14:05  BSOC   Saint-Fleur, Jean-Ricot [217957] heat illness sx - cramping"
        "              cooled, fluids\n"
        "2024-10-08  15:20  FB-V   Owen Kearney [218118]            finger dislocation      "
        "                buddy tape\n"
        "2024-10-09  15:45  XC     Ng, Mei [219004]                 shin splints            "
        "                ice, rest 2d\n"
    )
    reports = _scan(scanner, text.encode(), "ATC_injury_log_Oct2024.txt")
    assert {"217957", "218118", "219004"} <= set(_sorted_values(reports, "STUDENT_ID"))


def test_a_lists_bare_id_beside_quarterly_absences_is_its_students(scanner: Scanner) -> None:
    """A senior privileges list: "Last | First | ID | ... | Q1 Abs | Q1 Tardy", people
    counted absent and tardy by the quarter are students, its bare ID theirs (r47)."""
    rows: list[list[str | int | None]] = [
        ["Class of 2025 - Senior Privileges (Parking + Early Release)"],
        [],
        ["Last", "First", "ID", "Early Rel.", "Parking #", "Q1 Abs", "Q1 Tardy", "Disc."],
        ["Almonte", "Xiomara", "257996", "Y", "SP-0101", 4, 3, "clear"],
        ["Aziz", "Omar", "252852", "Y", "SP-0102", 0, 1, "clear"],
        ["Batista", "Héctor", "257738", "N", "SP-0103", 4, 2, "clear"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"APPROVED": rows}), "Senior parking list.xlsx")
    assert _sorted_values(reports, "STUDENT_ID") == ["252852", "257738", "257996"]


def test_a_pos_logs_quoted_names_and_patron_numbers_are_its_students(
    scanner: Scanner, policy: Policy
) -> None:
    """A cafeteria POS override log quotes each name ("Tejada, Alondra") and leaves the
    system's own lines' fields out ("-"); its "patron" beside a grade is the student's
    number (r48)."""
    text = (
        "# Titan/POS site override export  2024-10-01 .. 2024-10-31\n"
        "# ts | terminal | op | patron | name | gr | elig | evt | detail\n"
        "2024-10-01 06:30:08 | SYS | - | - | - | - | - | SYNC | nightly Aspen X2 import OK\n"
        '2024-10-01 07:14:11 | LBE-POS3 | ltran | 227980 | "Tejada, Alondra" | 3 | P | '
        "CHARGE_MEAL | lunch 3.25 charged, bal -5.53 -> -8.78\n"
        "2024-10-02 06:30:01 | SYS | - | - | - | - | - | SYNC | nightly Aspen X2 import OK\n"
        '2024-10-02 11:52:41 | BHS-POS3 | tmedeiros | 267648 | "PICH, RITHY" | 10 | R | '
        "CHARGE_MEAL | lunch 3.25 charged, bal -5.59 -> -8.84\n"
        "2024-10-03 06:30:00 | SYS | - | - | - | - | - | SYNC | nightly Aspen X2 import OK\n"
        '2024-10-03 12:06:12 | HMM-POS3 | ralmonte | 307660 | "Tejada, Kevin" | 7 | R | '
        "CHARGE_MEAL | lunch 3.25 charged, bal -7.04 -> -10.29\n"
    )
    reports = _scan(scanner, text.encode(), "cashier_override_log_2024-10.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["227980", "267648", "307660"]
    assert "Tejada, Alondra" in _sorted_values(reports, "PERSON")
    assert FERPA in classify_reports(policy, reports)


def test_a_statements_cardholder_on_the_line_below_its_label(
    scanner: Scanner, policy: Policy
) -> None:
    """A commercial card statement prints "CARDHOLDER" on a line of its own and the name
    on the next, the card number below: a name with a card (r48)."""
    lines = [
        "COMMERCIAL CARD - CARDHOLDER STATEMENT",
        "CARDHOLDER",
        "DENNIS P MAHONEY",
        "ACCOUNT NUMBER",
        "4983 5738 3045 7197",
        "STATEMENT PERIOD",
        "02/01/24 - 02/29/24",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "PCard_Stmt_Feb2024_DMahoney.pdf")
    assert "DENNIS P MAHONEY" in _sorted_values(reports, "PERSON")
    assert MGL_93H in classify_reports(policy, reports)


def test_a_handbooks_gpa_bar_and_an_agendas_weekday_are_no_ones_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A program handbook's "a cumulative weighted GPA of 2.5 or higher" is a bar to
    clear, and an agenda's "Tuesday's Attendance Task Force" a meeting: neither is a
    named student's record (r48)."""
    handbook = w.docx_bytes(
        [
            "Dual Enrollment Handbook 2024-25",
            "Students must (a) be in grade 10, 11 or 12; (b) have a cumulative weighted GPA "
            "of 2.5 or higher; and (c) have a signed parent/guardian consent.",
            "Grades earned appear on both the high school and college transcripts.",
            "Questions: Lorraine Baptiste, Dual Enrollment Coordinator, lbaptiste@wexford.org",
        ]
    )
    agenda = (
        "Below is the agenda for Tuesday's Attendance Task Force meeting.\n\n"
        "1. FY24 chronic absence data, Mar 1 snapshot (15 min) - Priya Raman\n"
        "2. Attendance incentive pilot at Lincoln ES (10 min) - Patricia Nolan\n"
        "Reminder: we will not discuss individual students. Bring case questions to your SST."
        "\n\nMichael Okafor\nDirector of Student Services\n"
    )
    for data, name in ((handbook, "Dual Enrollment Handbook.docx"), (agenda.encode(), "a.txt")):
        reports = _scan(scanner, data, name)
        assert FERPA not in classify_reports(policy, reports), name


def test_an_ach_exhibits_bank_line_without_its_colon_names_only_the_bank(
    scanner: Scanner, policy: Policy
) -> None:
    """A settlement's ACH exhibit printed to PDF loses its colons: "Financial institution
    Rockland Trust Company" names the parents' bank, and the account stays theirs (r49)."""
    lines = [
        "EXHIBIT A - ACH AUTHORIZATION FOR SETTLEMENT PAYMENT",
        "Payee name(s) Chidinma Okafor and Emeka Okafor",
        "Mailing address 80 Orchard Ln, Wexbridge, MA 01588",
        "Financial institution Rockland Trust Company",
        "ABA routing number 011312842",
        "Account number 1477075475",
        "Account type [X] Checking   [ ] Savings",
        "Parent signature: ______________________ (Chidinma Okafor)   Date: 3/21/2024",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "Settlement Agreement - Okafor.pdf")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["1477075475"]


def test_a_vans_riders_listed_by_initial_and_number(scanner: Scanner, policy: Policy) -> None:
    """A special-education van's daily log lists its "Riders:" by initial, surname and
    "#" number: the students' numbers, and no number is a house's (r49)."""
    text = (
        "VAN 14 / RTE SP-14   DAILY TRIP LOG   MONTH: OCT 2024\n"
        "Driver: Bonnie Sullivan    Monitor: Colleen Murphy\n"
        "Riders:\n"
        "  D. Polanco  #236267  Whittier Elementar WC-lift\n"
        "  M. Louis  #225093  Greenmont Avenue S WC-lift\n"
        "  E. Saint-Fleur  #203679  Whittier Elementar 5pt harness\n"
        "10/01 06:45 PU  D. Polanco @ 377 Summer St Apt 14 lift, WC secured 4pt + belt\n"
        "10/01 06:53 NS  M. Louis - parent txt 6:20 sick\n"
    )
    reports = _scan(scanner, text.encode(), "Van 14 daily log - OCT 2024.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["203679", "225093", "236267"]
    assert _sorted_values(reports, "STREET_ADDRESS") == ["377 Summer St Apt 14"]
    assert FERPA in classify_reports(policy, reports)


def test_a_summary_redacted_for_public_release_is_no_ones_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A records officer's copy "REDACTED FOR PUBLIC RELEASE" names its students only as
    "Student A" and "Student B" (r49)."""
    text = (
        "TRANSPORTATION INCIDENT SUMMARY  (REDACTED FOR PUBLIC RELEASE - PRR 2024-117)\n"
        "Date of incident: 02/14/2024     Route: 7 (PM)     Contractor: Nashoba Valley Coach\n"
        "Students involved: Student A (Gr [REDACTED]), Student B (Gr [REDACTED])\n"
        "Summary: At approx. 16:17 Student A and Student B began arguing in rows 9-10. "
        "Student A struck Student B. Driver pulled over and radioed dispatch.\n"
        "Follow-up: Referred to building administrator. Disciplinary outcome: [REDACTED].\n"
    )
    reports = _scan(scanner, text.encode(), "Route7_incident_summary_REDACTED.txt")
    assert FERPA not in classify_reports(policy, reports)


def test_a_logs_student_with_number_grade_and_school_in_one_cell(
    scanner: Scanner, policy: Policy
) -> None:
    """A gift card sign-out log's "student (SASID) gr sch" column: "Brayan Batista
    (1462571582) gr8 HFMS", the name and number before the grade and school (r50)."""
    text = (
        "# FRC gift card sign-out log  (export from shared Google Sheet -> txt, MF)\n"
        "# fmt: timestamp | action | staff | card | family | student (SASID) gr sch | sig\n"
        "\n"
        "2024-12-02 15:57 | OUT | DCM | Stop&Shop $50 x4045 | fam Batista | Brayan Batista "
        "(1462571582) gr8 HFMS | sig N (phone ok'd)\n"
        "2024-12-03 08:46 | OUT | MF | Target $25 x0129 | fam Jean-Baptiste | Woodley "
        "Jean-Baptiste (1622171023) gr9 HFHS | sig Y\n"
        "2024-12-04 08:12 | OUT | MF | Walmart $50 x5417 | fam Hassan | Khadija Hassan "
        "(1797960856) gr5 RIV | sig Y\n"
    )
    reports = _scan(scanner, text.encode(), "giftcard_signout_log_Dec.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["1462571582", "1622171023", "1797960856"]
    assert FERPA in classify_reports(policy, reports)


def test_a_tutor_pools_list_and_a_newsletters_reading_stars_are_no_roster(
    scanner: Scanner, policy: Policy
) -> None:
    """A team directory lists its "Contracted tutor pool" by name and subject, and a
    newsletter its nominated "Reading Stars" by name and grade: staff, and directory
    information, no roster of students' records (r50)."""
    tutors = (
        "Virtual Learning & Home/Hospital Team - Directory\n"
        "Office of Student Services - Case manager: Luciana Pereira\n"
        "Contracted tutor pool\n"
        "Renata Kowalczyk - Math (Alg I/Geo/Alg II)\n"
        "Gabriel Medeiros - Science / Portuguese\n"
        "Thomas Novak - ELA / History\n"
        "Farah Hassan - Elementary (K-5)\n"
        "Joseph Dorsainvil - ELA / US History / Kreyol\n"
        "Grace Kim - Chemistry / Precalc\n"
    )
    stars = (
        "Title I Family Connections - Winter 2026\n"
        "★ Reading Stars ★\n"
        "These readers were nominated by their Title I teachers for effort, growth and a "
        "love of books:\n"
        " •  Hao Lin - Grade 3, Riverside Elementary\n"
        " •  Kevin Murphy - Grade 2, Greenleaf Elementary\n"
        " •  Kayla Brooks - Grade 4, Mill Pond Elementary\n"
        " •  Mateo Figueroa - Grade 4, Riverside Elementary\n"
        "MCAS Info Session for Families Wed 3/11, 6:00 pm Mill Pond ES library\n"
        "Read aloud together for 15 minutes a day - in ANY language.\n"
    )
    for text, name in ((stars, "newsletter.txt"), (tutors, "VLHH_team_directory.txt")):
        reports = _scan(scanner, text.encode(), name)
        assert FERPA not in classify_reports(policy, reports), name


def test_a_parents_checking_account_in_portuguese(scanner: Scanner, policy: Policy) -> None:
    """A parent's reply gives her direct deposit in Portuguese: "Conta corrente:
    1571186356" is her checking account (r50)."""
    text = (
        "Segue os recibos e meus dados para depósito direto como a senhora pediu:\n\n"
        "Nome: Ana Ribeiro\n"
        "Banco: Santander\n"
        "Routing: 011012155\n"
        "Conta corrente: 1571186356\n"
        "Endereço: 212 Ashland St Apt 4, Merrimack Falls, MA 01830\n"
    )
    reports = _scan(scanner, text.encode(), "Reembolso.txt")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["1571186356"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_name_columns_person_with_number_and_grade_is_a_student(scanner: Scanner) -> None:
    """A hotline log's "Name" column of "Daphnée Charles (1478844232) Gr7 RMS": a person
    with a number and a grade is a student, the number his (r50)."""
    rows = [
        ["Date", "Name", "Lang", "Note"],
        ["11/01", "Daphnée Charles (1478844232) Gr7 RMS", "HT", "absent today - fever"],
        ["11/01", "Brianna Vásquez (1348924879) Gr4 OHE", "ES", "asks about suspension letter"],
    ]
    reports = _scan(scanner, w.csv_bytes(rows), "hotline_log.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["1348924879", "1478844232"]


def test_a_nurse_logs_student_with_number_and_bare_grade(scanner: Scanner, policy: Policy) -> None:
    """A health office's log under "student (LASID) gr" writes "Lin, Jason (232478) 10",
    the grade bare; its "parent contact" of "none - RTC" names no one, nor does a
    family column's "fam Batista" (r50)."""
    text = (
        "HARLOW HS HEALTH OFFICE - visit log export - Oct 2024\n"
        "date       time  | student (LASID) gr | family | complaint | parent contact | RN\n"
        "2024-10-01 07:02 | Lin, Jason (232478) 10 | fam Lin | abrasion R knee | none - RTC | LT\n"
        "2024-10-02 14:38 | Nwosu, Chidi (593571) 11 | fam Nwosu | blister R heel | called "
        "Funmilayo Nwosu (978) 691-8619 | LT\n"
        "2024-10-03 08:54 | Raman, Aarav (579963)  9 | fam Raman | chest pain w/ exertion | "
        "none - RTC | LT\n"
    )
    reports = _scan(scanner, text.encode(), "nurse log - PE injuries Oct 2024.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["232478", "579963", "593571"]
    names = _sorted_values(reports, "PERSON")
    assert "Lin, Jason" in names
    assert not {"none - RTC", "fam Lin"} & set(names)
    assert FERPA in classify_reports(policy, reports)


def test_a_column_labelled_for_a_card_or_a_reference_reads_each_value_for_itself(
    scanner: Scanner, policy: Policy
) -> None:
    """A boosters' payments export's "Card/Ref" column holds card numbers, some run
    together, and receipt numbers: a label of two things lets each value say which."""
    assert luhn("6011007128394474") and not luhn("6011007128394475")
    data = (
        b"Date,Payer,Athlete,Item,Amount,Method,Card/Ref,Exp\n"
        b"09/06/2024,Michelle Tavares,Gabriel Tavares,Player fee,175.00,Square,Visa ...4421,\n"
        b"09/11/2024,Gregory Walsh,Caitlin Walsh,Player fee,160.00,PHONE ORDER,"
        b"4147 2093 1185 6200,08/27\n"
        b"09/20/2024,Heather Kowalski,Mia Kowalski,Uniform,240.00,PHONE ORDER,"
        b"6011007128394474,03/25\n"
        b"09/22/2024,Paul Medeiros,Nora Medeiros,Banquet,35.00,Cash,6011007128394475,\n"
    )
    reports = _scan(scanner, data, "Boosters_fall_payments_EXPORT.csv")
    assert _sorted_values(reports, "CREDIT_CARD") == ["4147 2093 1185 6200", "6011007128394474"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_street_or_a_school_written_short_is_no_ones_name(scanner: Scanner) -> None:
    """A bus roster's stop "Whitney Ave across from #40" and its run to "Hollis Elem":
    the Census lists hold "Ave" and "Elem" as surnames, but a district writes streets
    and schools so."""
    data = (
        b"Route Roster | RT 14 AM | Bus #22 | Tier 2 -> Hollis Elem / Pemberton MS\n"
        b"Driver: Dolores Fagundes   Monitor: Kenny Tran\n\n"
        b"Stop#,Time,Stop Location,Student ID,Student Name,Gr\n"
        b'3,7:05,Whitney Ave across from #40,207914,"Da Silva, Mia",3\n'
        b'5,7:13,118 Whitney Ave,215599,"Souza, Isabela",2\n'
    )
    reports = _scan(scanner, data, "BusRoster_Rt14_AM.txt")
    people = _sorted_values(reports, "PERSON")
    assert not [name for name in people if "Whitney" in name or "Hollis" in name]
    assert "Dolores Fagundes" in people


def test_a_desk_a_pension_board_and_a_totals_row_are_no_ones_names(scanner: Scanner) -> None:
    """A vendor list's contact is sometimes a desk ("Renewals Team", "Municipal Unit"),
    its name a pension board's; a stipend sheet's totals row has "TOTAL" in its name
    column."""
    vendors = (
        b"vendor_no,name,remit,contact,phone\n"
        b"V01430,Ashworth Contributory Retirement System,ACH,Lorraine Bettencourt,"
        b"(508) 881-2270\n"
        b"V02218,Group Insurance Commission,ACH,Municipal Unit,(617) 727-2310\n"
        b"V05520,Frontline Education,check,Renewals Team,(800) 508-8000\n"
    )
    assert _sorted_values(_scan(scanner, vendors, "benefit_vendors.csv"), "PERSON") == [
        "Lorraine Bettencourt"
    ]
    stipends = (
        b"Emp #,Substitute,Days,Rate,Gross\n"
        b'S10520,"Cormier, Daniel",5,210,1050\n'
        b'S10612,"Santos, Mariana",2,103.5,207\n'
        b",TOTAL,7,,1257\n"
    )
    assert _sorted_values(_scan(scanner, stipends, "sub_payroll.csv"), "PERSON") == [
        "Cormier, Daniel",
        "Santos, Mariana",
    ]


def test_a_sasid_and_lasid_given_together_a_slash_apart(scanner: Scanner, policy: Policy) -> None:
    """A truancy referral's "SASID / LASID 1058302947 / 219334": the local number is the
    student's LASID, the Massachusetts name for it."""
    data = (
        b"Child Requiring Assistance - School Referral\n"
        b"Student name Davi Ferreira\n"
        b"SASID / LASID 1058302947 / 219334\n"
        b"School / Grade F.J. Keough Middle School / Grade 8\n"
        b"Unexcused absences this year: 14\n"
    )
    reports = _scan(scanner, data, "CRA_referral.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["1058302947", "219334"]
    assert FERPA in classify_reports(policy, reports)


def test_a_family_nights_slide_of_whom_to_call_is_no_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A kindergarten information night's deck speaks of IEPs and immunizations, and its
    last slide lists the staff to call, each "Name - Job", then a mail and a phone."""
    slides = [
        ("Welcome to Kindergarten & PreK!", ["Westbrook Public Schools"], None, None),
        (
            "PreK Lottery - how it works",
            [
                "Children must be 4 by Sept 1, 2026",
                "Children with IEPs are placed by the Team - not the lottery",
            ],
            None,
            None,
        ),
        (
            "Before you come to register",
            ["Birth certificate, immunizations, physical", "IEP / 504 / Early Intervention"],
            None,
            None,
        ),
        (
            "Questions? Who to call",
            [
                "Renee Lavallee - Early Childhood Coordinator",
                "rlavallee@westbrookps.org  |  (508) 580-7190",
                "Marisol Costa - Registrar, Family Welcome Center",
                "mcosta@westbrookps.org  |  (508) 580-7014",
                "Allison Brandao - K Screening Coordinator / SLP",
                "abrandao@westbrookps.org  |  (508) 580-4412",
                "Denise Abernathy - Business Office - tuition billing",
                "dabernathy@westbrookps.org  |  (508) 580-7033",
            ],
            None,
            None,
        ),
    ]
    reports = _scan(scanner, w.pptx_bytes(slides), "K_PreK_Info_Night.pptx")
    assert "Renee Lavallee" in _sorted_values(reports, "PERSON")
    assert FERPA not in classify_reports(policy, reports)


@pytest.mark.parametrize("services", ["Speech 2x30", "OT / PT", "Counselor 1x30"])
def test_a_list_of_students_and_their_services_is_still_a_record(
    scanner: Scanner, policy: Policy, services: str
) -> None:
    """... but a caseload's "Name - services" lines are students' (the staff's lines are
    a job in capitals after the dash, not a service's shorthand)."""
    text = (
        "Related services caseload - Hollis Elem - IEP minutes\n"
        f"Liam Ortiz - {services}\n"
        f"Maya Lopez - {services}\n"
        f"Ethan Brooks - {services}\n"
        f"Sofia Reyes - {services}\n"
    )
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "caseload.txt"))


def test_a_state_files_fixed_width_records_with_the_surname_first(
    scanner: Scanner, policy: Policy
) -> None:
    """An October SIMS extract: record type and local ID, the SASID run into "SURNAME,
    GIVEN M", the birth date run into the codes after it; no header line."""
    data = (
        b"H0347OCTSIMS2024-10-01BROOKFIELD HARBOR PUBLIC SCHOOLS        X2SR v6.2\n"
        b"D548796  1937157981RODRIGUES, MARIANA L            20171120FYA 0101347034700100\n"
        b"D133190  1716856048PIERRE-LOUIS, JAMESON           20120719MNW 0106347034703050\n"
        b"D9001073 1942822031SULLIVAN, CONNOR J              20140808MNA 0105347034700050\n"
        b"D849407  1226237133DOHERTY, KEIRA                  20110209FYW 0106347034703050\n"
    )
    reports = _scan(scanner, data, "SIMS_OCT24_0347_extract_fw.txt")
    assert _sorted_values(reports, "STUDENT_ID") == [
        "1226237133",
        "1716856048",
        "1937157981",
        "1942822031",
    ]
    assert _sorted_values(reports, "DATE_OF_BIRTH") == [
        "20110209",
        "20120719",
        "20140808",
        "20171120",
    ]
    assert FERPA in classify_reports(policy, reports)


def test_students_in_grades_2_and_4_are_grade_levels_not_marks(
    scanner: Scanner, policy: Policy
) -> None:
    """A helpdesk export's tickets name staff; "new students in grades 2 and 4" and "can't
    take attendance" speak of no student's marks or attendance."""

    def ticket(number: int, subject: str, description: str, requester: str) -> dict[str, object]:
        login = requester.split()[0][0].lower() + requester.split()[-1].lower()
        return {
            "ticket_number": number,
            "status": "Resolved",
            "subject": subject,
            "description": description,
            "location": {"site": "HBMS"},
            "requester": {"name": requester, "email": f"{login}@wescottps.org", "role": "Staff"},
            "assigned_to": {"name": "Kevin Tran", "email": "ktran@wescottps.org"},
            "comments": [{"by": "Kevin Tran", "public": True, "body": "Done, please check."}],
        }

    tickets = [
        ticket(
            24190,
            "New students need Google accounts",
            "We have 6 new students starting this week in grades 2 and 4.",
            "Yolanda Fortes",
        ),
        ticket(
            24211,
            "Wifi drops in gym",
            "Can't take attendance on my laptop in the gym.",
            "Lauren MacDonald",
        ),
        ticket(24387, "Doc cam flickers", "Ipevo doc cam flickers when zoomed.", "Greg Szymanski"),
    ]
    data = json.dumps({"tickets": tickets}, indent=2).encode()
    reports = _scan(scanner, data, "helpdesk_tickets_export.json")
    assert "Kevin Tran" in _sorted_values(reports, "PERSON")
    assert FERPA not in classify_reports(policy, reports)
    # ... while a named student's grades are still her record
    note = b"Yolanda Fortes asked about Maya Lopez: her grades dropped in Q2.\n"
    assert FERPA in classify_reports(policy, _scan(scanner, note, "note.txt"))


def test_a_schools_programmes_and_offices_are_no_ones_names(scanner: Scanner) -> None:
    """A newsletter's programmes ("Summer Reading @ the LMC", "Summer Enrichment Academy
    (STEM, Art, Robotics)") and a data calendar's owners ("Testing Coord."): subjects and
    offices, though the Census lists hold "Reading", "Stem" and "Art" as names."""
    newsletter = (
        b"<html><body><h1>Extended Day Express - Spring 2025</h1>"
        b"<p>Summer programs are open for registration.</p><table>"
        b"<tr><th>Program</th><th>Dates</th><th>Weekly fee</th></tr>"
        b"<tr><td>Camp Kinderhook Full Day</td><td>6/30 - 8/15</td><td>$225</td></tr>"
        b"<tr><td>Summer Enrichment Academy (STEM, Art, Robotics)</td><td>7/7 - 8/1</td>"
        b"<td>$195</td></tr>"
        b"<tr><td>Summer Reading @ the LMC (free!)</td><td>Tues &amp; Thurs 7/8 - 8/7</td>"
        b"<td>free</td></tr></table><table>"
        b"<tr><th>Name</th><th>Role</th><th>Phone</th></tr>"
        b"<tr><td>Marcus Bell</td><td>Director, Community Ed</td><td>508-842-7150</td></tr>"
        b"<tr><td>Maribel Otero</td><td>Site Coordinator</td><td>508-842-7100</td></tr>"
        b"</table></body></html>"
    )
    people = _sorted_values(_scan(scanner, newsletter, "ExtDay_Express.html"), "PERSON")
    assert people == ["Marcus Bell", "Maribel Otero"]
    calendar = (
        b"Collection,Window,Owner\n"
        b"SIMS October,Oct 1 - Nov 15,Ellen Marchetti\n"
        b"MCAS accommodations,Jan 6 - Feb 28,Testing Coord.\n"
        b"SCS end of year,Jun 1 - Jul 31,Guidance Counselors\n"
        b"EPIMS,Oct 1 - Dec 1,Marcus Bell\n"
        b"SSDR,Jun 1 - Jul 15,Jenna Kim\n"
    )
    people = _sorted_values(_scan(scanner, calendar, "data_collection_calendar.csv"), "PERSON")
    assert people == ["Ellen Marchetti", "Jenna Kim", "Marcus Bell"]


def test_a_bare_id_beside_students_accounts_is_the_students_number(
    scanner: Scanner, policy: Policy
) -> None:
    """A helpdesk's password-reset log: each row's account on the students' domain, the
    name, and a bare "ID" that is the student's local number (a staff log's is not)."""
    rows = [
        ("tnascimento25", "Thiago Nascimento", "157438", "n/a-ID"),
        ("aclaraferreira26", "Ana Clara Ferreira", "181806", "03/26/2007"),
        ("dmaloney27", "Dylan Maloney", "184075", "05/24/2008"),
        ("sgreely25", "Samantha Greely", "203343", "03/26/2006"),
    ]

    def log(domain: str) -> bytes:
        lines = [
            "PASSWORD RESET / ACCOUNT UNLOCK LOG - Week of 10/07/2024",
            f"{'DATE/TIME':<17}{'TYPE':<5}{'ACCOUNT':<41}{'NAME':<24}{'ID':<9}{'VERIF':<12}BY",
        ]
        for login, name, number, verified in rows:
            account = f"{login}@{domain}"
            lines.append(
                f"10/07 07:41      PR   {account:<41}{name:<24}{number:<9}{verified:<12}MO"
            )
        return ("\n".join(lines) + "\n").encode()

    students = _scan(scanner, log("students.wescottps.org"), "pwreset_log.txt")
    assert _sorted_values(students, "STUDENT_ID") == ["157438", "181806", "184075", "203343"]
    assert FERPA in classify_reports(policy, students)
    staff = _scan(scanner, log("wescottps.org"), "pwreset_log_staff.txt")
    assert _sorted_values(staff, "STUDENT_ID") == []


def test_a_google_workspace_exports_external_id_is_the_students_number(
    scanner: Scanner,
) -> None:
    """GAM's "print users": the SIS number the district keeps on each student's account
    under "externalIds.0.value" (its type "organization"), the SASID in a custom field."""
    data = (
        b"primaryEmail,name.givenName,name.familyName,orgUnitPath,externalIds.0.type,"
        b"externalIds.0.value,customSchemas.SIS.SASID\n"
        b"sarroyo31@students.wescottps.org,Sofia,Arroyo,/Students/HBMS/Grade 6,organization,"
        b"248098,1774995038\n"
        b"lbettencourt31@students.wescottps.org,Liam,Bettencourt,/Students/HBMS/Grade 6,"
        b"organization,243943,1151859097\n"
        b"jcharles31@students.wescottps.org,Jaylen,Charles,/Students/HBMS/Grade 6,organization,"
        b"242405,1137929296\n"
    )
    reports = _scan(scanner, data, "gam_print_users_HBMS_gr6.csv")
    assert _sorted_values(reports, "STUDENT_ID") == [
        "1137929296",
        "1151859097",
        "1774995038",
        "242405",
        "243943",
        "248098",
    ]


def test_a_grades_or_a_rooms_number_is_no_house_number(scanner: Scanner) -> None:
    """An ACCESS report's year-by-year lines ("2023  Gr 2   Overall PL 2.3": "PL" is a
    place's suffix too) and a schedule's "Rm 12 Carver St ES" hold no address; a family's
    line below does."""
    text = (
        "PRIOR YEAR COMPARISON\n"
        "2022  Gr 1   Overall PL 1.9   (Tier A)\n"
        "2023  Gr 2   Overall PL 2.3   (Tier B)\n"
        "Testing room: Rm 12 Carver St ES\n"
        "Family: 41 Pearl St Apt 2, Riverton, MA 01880\n"
    )
    found = scanner.scan_text(text)
    assert [f.value for f in found if f.entity == "STREET_ADDRESS"] == [
        "41 Pearl St Apt 2, Riverton, MA 01880"
    ]


def test_a_blank_form_laid_out_as_a_table_is_no_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A blank office discipline referral: its "Student name:" and "Student ID #:" head a
    table whose next rows are more labels and check boxes, and its notice to parents
    speaks of suspensions; no student is in it yet (a filled one is a record)."""
    paragraphs = [
        "Hosmer-Lane Middle School - OFFICE DISCIPLINE REFERRAL (ODR) - Form HL-D2",
        "Teacher/staff: complete ALL fields, send student with form ONLY for major behaviors.",
        "If your child receives a suspension, you will receive written notice and a meeting.",
        "Angela Moreau, Ed.D., Principal   -   Luis Morales, Assistant Principal",
    ]

    def form(name: str, number: str) -> list[list[str]]:
        return [
            ["Student name:", name, "Grade:", "", "Student ID #:", number],
            ["Date:", "___/___/______", "Time:", "____:____", "Referring staff:", ""],
            ["IEP?  [ ] Yes [ ] No", "504?  [ ] Yes [ ] No", "ELL?  [ ] Yes [ ] No", "", "", ""],
            ["Action taken:", "[ ] Conference  [ ] Lunch det.  [ ] ISS ___ days", "", "", "", ""],
        ]

    blank = _scan(scanner, w.odt_bytes(paragraphs, [form("", "")]), "ODR_Form_blank.odt")
    assert FERPA not in classify_reports(policy, blank)
    filled = _scan(
        scanner, w.odt_bytes(paragraphs, [form("Jayden Pierre", "208431")]), "ODR_Pierre.odt"
    )
    assert FERPA in classify_reports(policy, filled)


def test_offices_and_agencies_in_a_name_column_are_no_ones_names(scanner: Scanner) -> None:
    """A work-order export's "Requested By" holds staff and offices as staff shorten them
    ("Asst Prin WHS", "Food Svc Dir", "Comm Ed"); a garnishment remittance's "Payee" the
    agencies ("MA DOR CSE - EFT", "NH SDU", "Norfolk Cty Sheriff") beside people."""
    orders = (
        b"WO #,Date,Requested By,Location,Problem,Assigned To\n"
        b"24-1187,10/01/2024,Maria Delgado,WHS Rm 214,Heater banging,Joe Souza\n"
        b"24-1190,10/02/2024,Asst Prin WHS,WHS front office,Door closer,Facilities-Carp\n"
        b"24-1201,10/04/2024,Food Svc Dir,HBMS kitchen,Walk-in temp alarm,Joe Souza\n"
        b"24-1205,10/07/2024,Comm Ed,Library,Projector mount,Kevin Tran\n"
        b"24-1210,10/08/2024,Ray Desrosiers,Gym,Bleacher motor,Joe Souza\n"
    )
    people = _sorted_values(_scan(scanner, orders, "SchoolDude_WO_export.csv"), "PERSON")
    assert people == [
        "Joe Souza",
        "Joe Souza",
        "Joe Souza",
        "Kevin Tran",
        "Maria Delgado",
        "Ray Desrosiers",
    ]
    remits = (
        b"Payee,Employee,Case #,Amount\n"
        b"MA DOR CSE - EFT,Dana Whitcomb,CS-2291847,412.50\n"
        b"NH SDU,Paul Medeiros,NH-88213,210.00\n"
        b"Norfolk Cty Sheriff,Lisa Greene,24-EX-118,95.00\n"
        b"Linda Poirier,Mark Poirier,PR-2024-07,300.00\n"
    )
    payees = _sorted_values(_scan(scanner, remits, "Garnishments_remit_summary.csv"), "PERSON")
    assert not [p for p in payees if any(w in p for w in ("DOR", "SDU", "Sheriff"))]
    assert "Linda Poirier" in payees


def test_a_count_of_exam_booklets_is_no_students_mark(scanner: Scanner, policy: Policy) -> None:
    """An AP test security log counts each room's booklets and answer sheets beside its
    proctors ("Exam bks rcvd  37"): numbers under an exam's header, no one's scores."""
    header = (
        "Date\tExam\tRoom\tProctor\tHall Monitor\tExam bks rcvd\tExam bks returned\t"
        "Ans sheets rcvd\tAns sheets returned\tIrregularity?\n"
    )
    rows = [
        "5/5/2025\tAP Biology\tB114\tSamuel Osei\tMike Sheehan\t37\t37\t35\t35\tN\n",
        "5/5/2025\tAP Latin\tC201\tTom Whelan\tRich Tavares\t21\t21\t19\t19\tN\n",
        "5/6/2025\tAP Chemistry\tCafe B\tInes Carvalho\tMike Sheehan\t42\t42\t40\t40\tN\n",
        "5/6/2025\tAP Human Geography\tC201\tJanet Amato\tColleen Brady\t36\t36\t34\t34\tN\n",
    ]
    data = ("# AP Administration - Test Security Log\n" + header + "".join(rows)).encode()
    reports = _scan(scanner, data, "AP_Test_Security_Log.tsv")
    assert "Samuel Osei" in _sorted_values(reports, "PERSON")
    assert FERPA not in classify_reports(policy, reports)


def test_a_directory_dump_in_json_numbers_its_students_by_employee_id(
    scanner: Scanner, policy: Policy
) -> None:
    """An Active Directory export piped through jq before a Google sync: each account's
    groups are a list of names ("memberOf"), and its "employeeID" is the student's SIS
    number wherever its entry sits in the students' unit. The entries are a table, as
    the same export in LDIF is."""

    def entry(name: str, login: str, number: str) -> dict[str, object]:
        return {
            "dn": f"CN={name},OU=Class2028,OU=Students,OU=DHS,DC=dracut,DC=net",
            "objectClass": ["top", "person", "organizationalPerson", "user"],
            "cn": name,
            "displayName": name,
            "mail": f"{login}@dracut.net",
            "employeeID": number,
            "department": "Grade 9",
            "memberOf": [
                "CN=Students-2028,OU=Groups,DC=dracut,DC=net",
                "CN=GoGuardian-HS,OU=Groups,DC=dracut,DC=net",
            ],
        }

    dump = {
        "export": {"tool": "ldapsearch -> jq", "base": "OU=Students,OU=DHS,DC=dracut,DC=net"},
        "entries": [
            entry("Sophia Pereira", "spereira28", "228556"),
            entry("Jacob Lemieux", "jlemieux28", "224002"),
            entry("Aaliyah Johnson", "ajohnson27", "244462"),
        ],
    }
    reports = _scan(scanner, json.dumps(dump, indent=2).encode(), "ldap_students_presync.json")
    assert _sorted_values(reports, "STUDENT_ID") == ["224002", "228556", "244462"]
    assert FERPA in classify_reports(policy, reports)


def test_the_line_after_a_made_up_example_names_no_one_either(scanner: Scanner) -> None:
    """A blank consent form's example record goes on to the "Return to:" line after it,
    whose address ("1 Maple Way, Holden, MA") is left out with the example; the street's
    last word and the town beside it are no one's name ("Way, Holden") there either."""
    form = (
        "Office of Student Services\n"
        "CONSENT FOR INITIAL EVALUATION - TEMPLATE\n"
        "Signature of Parent/Guardian: ____________________  Date: ________\n"
        "EXAMPLE (do not send): Student Name: Jane Doe / SASID: 1234567890 / DOB: 01/01/2015\n"
        "Return to: Team Chairperson, Office of Student Services, 1 Maple Way, Holden, MA "
        "01520 or fax (508) 829-1677.\n"
    )
    reports = _scan(scanner, form.encode(), "SS-2_Consent_TEMPLATE.txt")
    assert _sorted_values(reports, "PERSON") == []


def test_a_screening_summary_of_aggregate_data_only_is_no_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A health office's screening counts for the School Committee say so at the top
    ("Aggregate data only - no individual student information"): its referrals and
    interventions are no one's, and its director's signature names no student."""
    report = (
        "Health Services - Mandated Screening Summary, School Year 2023-2024\n"
        "Aggregate data only - no individual student information. Prepared for the School "
        "Committee, 10/21/2024\n"
        "Screenings are required under 105 CMR 200.000 (vision, hearing, postural, BMI, "
        "SBIRT). Counts below are students screened and students referred for follow-up.\n"
        "Table 1. Vision screening (Grades PK-5, 7, 9)\n"
        "School (DESE code) Enrolled Screened % Screened Referred % Referred\n"
        "Mayo ES (07750015) 356 349 98.0% 31 8.9%\n"
        "Dawson ES (07750005) 388 371 95.6% 29 7.8%\n"
        "Table 4. Postural (scoliosis) screening and SBIRT\n"
        "SBIRT - brief intervention provided - 61 -\n"
        "SBIRT - referral to outside services - 9 -\n"
        "1. Vision referral follow-up return rate was 71% (99 of 139 forms returned).\n"
        "Denise Carvalho, MSN, RN, NCSN - Director of Health Services\n"
    )
    reports = _scan(scanner, report.encode(), "Health_Screening_Summary.txt")
    assert "Denise Carvalho" in _sorted_values(reports, "PERSON")
    assert FERPA not in classify_reports(policy, reports)


def test_a_schools_shorthand_after_its_name_makes_it_no_ones_name(scanner: Scanner) -> None:
    """A report's table names its schools by the names of people and places, each with
    its shorthand: "Davis Hill ES (07750010)", "Wachusett RHS". A name followed by
    "Elementary" or "High" was a school's already; so are these."""
    table = (
        "School (DESE code) Enrolled Screened Referred\n"
        "Davis Hill ES (07750010) 412 401 38\n"
        "Wachusett RHS, gr 9 (07750505) 472 455 19\n"
        "Carter Lee Elem 301 294 22\n"
    )
    reports = _scan(scanner, table.encode(), "Screening_by_school.txt")
    assert _sorted_values(reports, "PERSON") == []


def test_a_vendor_files_toll_free_numbers_are_no_ones_phones(scanner: Scanner) -> None:
    """A purchase-order export gives each vendor's phone under "Phone": a toll-free
    line is a company's wherever it stands, in a column as in a sentence; a local number
    stays a phone number."""
    export = (
        b"PO Number,Vendor Name,Phone,Item Description,Requisitioner\n"
        b'25-001873,"W.B. Mason Co., Inc.",(888) 926-2766,Copy paper,Paula Strzelecki\n'
        b"25-001874,CDW Government,1-800-808-4239,Chromebook cases,Paula Strzelecki\n"
        b"25-001875,Bay State Floor Care,(508) 679-2210,Floor wax,Kevin Tran\n"
    )
    reports = _scan(scanner, export, "PO_detail_export_FY25_Jan.csv")
    assert _sorted_values(reports, "PHONE_NUMBER") == ["(508) 679-2210"]


def test_a_companys_or_a_schools_contact_columns_are_no_ones(scanner: Scanner) -> None:
    """A purchase-order export's "Vendor Phone" and "Remit Address", a trip form's
    "School Phone": a company's or an office's numbers and addresses, not a person's,
    beside the staff member who asked and the parent who signed."""
    export = (
        b"PO Number,Vendor Name,Remit Address,Vendor Phone,Requisitioner,Requisitioner Phone\n"
        b'25-001873,"W.B. Mason Co., Inc.",59 Centre Street,(508) 586-3200,Paula Strzelecki,'
        b"(978) 555-0142\n"
        b"25-001875,Bay State Floor Care,125 High Street,(508) 679-2210,Kevin Tran,"
        b"(978) 555-0187\n"
    )
    reports = _scan(scanner, export, "PO_detail_export.csv")
    assert _sorted_values(reports, "PHONE_NUMBER") == ["(978) 555-0142", "(978) 555-0187"]
    assert _sorted_values(reports, "STREET_ADDRESS") == []
    # (a "School Email" is the address the school gives the student: his own)
    trip = (
        b"Student,School Email,Parent,Parent Cell,School Phone,Home Address\n"
        b"Liam O'Rourke,lorourke28@students.qrsd.org,Siobhan O'Rourke,(508) 555-0110,"
        b"(508) 839-5421,14 Elm Street\n"
        b"Ava Chen,achen28@students.qrsd.org,Wei Chen,(508) 555-0199,(508) 839-5421,9 Oak Road\n"
    )
    reports = _scan(scanner, trip, "Gr8_trip_contacts.csv")
    assert _sorted_values(reports, "PHONE_NUMBER") == ["(508) 555-0110", "(508) 555-0199"]
    assert _sorted_values(reports, "STREET_ADDRESS") == ["14 Elm Street", "9 Oak Road"]
    assert _sorted_values(reports, "EMAIL_ADDRESS") == [
        "achen28@students.qrsd.org",
        "lorourke28@students.qrsd.org",
    ]


def test_a_printed_sign_out_sheets_student_follows_his_number_one_space_apart(
    scanner: Scanner,
) -> None:
    """An after-school program's sheet printed to PDF loses its columns' gaps: "258027
    Jayden Moreau 2 EP ...". Six digits one space before a name are a student's number,
    no house's (no Massachusetts street is numbered past 99999)."""
    sheet = (
        "Kids' Corner After-School Program - Daily Attendance / Sign-Out Sheet\n"
        "Student ID Student Name Gr Mon Tue Wed Thu Fri Authorized Pick-up Pick-up Phone\n"
        "258027 Jayden Moreau 2 EP EP P P E Renee Moreau (413) 396-4135\n"
        "275969 Ava Lindstrom 3 A P P A P Erik Lindstrom (339) 733-1023\n"
        "232593 Omar Haddad 1 P EP P P A Nadia Haddad (413) 565-8170\n"
    )
    people = _sorted_values(_scan(scanner, sheet.encode(), "attendance.txt"), "PERSON")
    assert {"Jayden Moreau", "Ava Lindstrom", "Omar Haddad"} <= set(people)


def test_a_span_of_years_is_no_phone_number(scanner: Scanner) -> None:
    """A registration form's "Previous early childhood | Little Sprouts (2023-2025)",
    just above its "Emergency Contacts": a school's years, not a number to call."""
    html = (
        b"<table>"
        b"<tr><td>Allergies</td><td>Peanut / tree nut - EpiPen Jr prescribed</td></tr>"
        b"<tr><td>Pediatrician</td><td>Dr. Ruth Kessler, Westfield Pediatrics</td></tr>"
        b"<tr><td>Previous early childhood</td><td>Little Sprouts Westfield (2023-2025)</td></tr>"
        b"<tr><th colspan='2'>Emergency Contacts</th></tr>"
        b"<tr><td>1</td><td>Hoa Pham (aunt) - 413-530-9921</td></tr>"
        b"</table>"
    )
    reports = _scan(scanner, html, "Registration_Form.html")
    assert _sorted_values(reports, "PHONE_NUMBER") == ["413-530-9921"]


def test_a_column_of_accounts_or_cards_holds_both(scanner: Scanner) -> None:
    """An autopay sheet's "Account # / Card #": a bank account where the family pays by
    ACH, a card where it pays by card, as under "Card / Acct #"."""
    sheet = (
        b"Payer,Method,Routing #,Account # / Card #\n"
        b"Rosa Figueroa,ACH,211374088,4402198375\n"
        b"Kevin Sanderson,Card,,4111117382051662\n"
        b"Michelle Dufresne,ACH,011302674,711050093\n"
    )
    reports = _scan(scanner, sheet, "Autopay_Enrollment.csv")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["4402198375", "711050093"]
    assert _sorted_values(reports, "CREDIT_CARD") == ["4111117382051662"]


def test_the_print_shop_is_no_one(scanner: Scanner) -> None:
    """A blank home language survey ends "Printed copies: order from Print Shop": the
    district's shop, though the model reads it as a person's name where the form's
    words about a student send it looking for one."""
    form = (
        "Brockton Public Schools - Office of English Learner Education\n"
        "Local student # (office use - 6 digits)\n"
        "[ ] Any answer to Q1-Q3 other than English -> refer for WIDA Screener within 30 "
        "days of enrollment\n"
        "Family Welcome Center, 43 Crescent Street, Brockton, MA 02301 - Tel. (508) 580-7000 "
        "ext. 3114. Printed copies: order from Print Shop, item\n"
    )
    reports = _scan(scanner, form.encode(), "Home_Language_Survey_BLANK.txt")
    assert _sorted_values(reports, "PERSON") == []


def test_a_card_read_out_over_the_phone_is_a_card(scanner: Scanner) -> None:
    """A payroll clerk's e-mail: "She read me her card number over the phone before I
    could stop her:" and the card in four groups on the next line. The phone is how it
    came, not what the number is."""
    mail = (
        "She called this morning about the dental premium arrears. She read me her card "
        "number over the phone before I could stop her:\n4716 3215 3455 3828  exp 09/27\n"
    )
    reports = _scan(scanner, mail.encode(), "FW_notice.txt")
    assert _sorted_values(reports, "CREDIT_CARD") == ["4716 3215 3455 3828"]


def test_a_resource_officers_log_numbers_students_by_sid(scanner: Scanner) -> None:
    """A school resource officer's log gives each student's number as "SID": "(gr 11
    student Kayla Dubois, SID 664190)"."""
    log = (
        "04/08 0955  Requested by AP Gina Russo re: missing AirPods (gr 11 student\n"
        "            Kayla Dubois, SID 664190). Located in lost & found. No report.\n"
        "04/10 1040  Fight, 2nd floor stairwell B. Jordan Ashe (SID 665842) and\n"
        "            Caleb Moreau (SID 666315), both gr 10. Separated.\n"
    )
    reports = _scan(scanner, log.encode(), "SRO_log.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["664190", "665842", "666315"]


def test_a_letter_homes_local_student_number_in_creole_and_spanish(scanner: Scanner) -> None:
    """A letter home in Haitian Creole gives the school's number beside the SASID:
    "Nimewo elèv lokal: 198862"; a Spanish one "Número de estudiante local: 204417"."""
    creole = "Nimewo elèv lokal: 198862     SASID: 1039284710     Dat nesans: 07/29/2011\n"
    reports = _scan(scanner, creole.encode(), "Let_Rezilta_ACCESS.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["1039284710", "198862"]
    spanish = "Estudiante: Daniela Alvarado\nNúmero de estudiante local: 204417\n"
    reports = _scan(scanner, spanish.encode(), "Carta_Resultados.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["204417"]


def test_a_payroll_sheets_rtg_column_holds_routing_numbers(scanner: Scanner) -> None:
    """A transport contractor's payroll sheet abbreviates the routing number "Direct
    Deposit Rtg" beside "Acct #": the bank's routing numbers, no one's accounts."""
    sheet = (
        b"Emp #,Name,SSN,Direct Deposit Rtg,Acct #,Acct Type\n"
        b"BP-M-052,Tiffany Rourke,031-74-5820,211370545,000478812036,Checking\n"
        b"BP-0141,Gail Fitzpatrick,214-56-0937,011000138,6710093384,Savings\n"
    )
    reports = _scan(scanner, sheet, "Payroll_Setup.csv")
    assert _sorted_values(reports, "ABA_ROUTING_NUMBER") == ["011000138", "211370545"]
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["000478812036", "6710093384"]
    note = "Direct deposit - Rtg 211370545, checking 000478812036\n"
    reports = _scan(scanner, note.encode(), "dd_note.txt")
    assert _sorted_values(reports, "ABA_ROUTING_NUMBER") == ["211370545"]


def test_a_teachers_employee_number_beside_her_grade_is_no_students(
    scanner: Scanner, policy: Policy
) -> None:
    """A benefits coordinator's e-mail names a teacher with her employee number and the
    grade she teaches: "Jennifer Alves (Emp #20417, Mulcahey Gr 2)", no student's."""
    mail = (
        "Hi Rob,\nAttached is the signed ACH authorization from Jennifer Alves (Emp #20417, "
        "Mulcahey Gr 2). Her FMLA was approved yesterday.\n"
    )
    reports = _scan(scanner, mail.encode(), "FW_FMLA_premium.txt")
    assert _sorted_values(reports, "STUDENT_ID") == []
    assert FERPA not in classify_reports(policy, reports)


def test_a_therapists_state_licence_is_no_drivers_licence(scanner: Scanner) -> None:
    """A Medicaid session log is signed "MA OT License #: 0912384", a provider roster
    heads its column "MA Prof. License #": the board's numbers, no RMV's."""
    log = "Therapist: Tomasz Wierzbicki, MS, OTR/L     MA OT License #: 0912384     NPI: 15882\n"
    assert _sorted_values(_scan(scanner, log.encode(), "OT_log.txt"), "US_DRIVER_LICENSE") == []
    roster = (
        b"Provider,Discipline,Credential,MA Prof. License #,Work Email\n"
        b"Rebecca Kaplan,SLP,CCC-SLP,SLP-7725104,rkaplan@clintonps.org\n"
        b"Tomasz Wierzbicki,OT,OTR/L,0912384,twierzbicki@clintonps.org\n"
        b"Alicia Fontaine,Nursing,RN,RN2284917,afontaine@clintonps.org\n"
    )
    reports = _scan(scanner, roster, "SBMP_Provider_Roster.csv")
    assert _sorted_values(reports, "US_DRIVER_LICENSE") == []


def test_a_referral_logs_people_and_its_roles_alone(scanner: Scanner) -> None:
    """A counseling referral log: "Referred By" holds a teacher's name or a role alone
    ("Self", "Peer", "Parent"), which names no one; a DCF filing log's "Mandated
    Reporter" and "DCF Screener" are people; its "Fee Name" elsewhere is no one's."""
    referrals = (
        b"Ref #,Student Name,Local ID,Referred By,Assigned Counselor\n"
        b"R25-0114,Daniel Okafor,304417,Renee Gallagher,Jonathan Pereira\n"
        b"R25-0121,Sofia Marchetti,301882,Self,Allison Tran\n"
        b"R25-0130,Tyler Boudreau,298310,Peer,Jonathan Pereira\n"
        b"R25-0142,Minh Anh Vu,305527,Parent,Allison Tran\n"
    )
    people = _sorted_values(_scan(scanner, referrals, "referral_log.csv"), "PERSON")
    assert not {"Self", "Peer", "Parent"} & set(people)
    assert "Renee Gallagher" in people
    filings = (
        b"Log No,Child Name,SASID,Mandated Reporter,Reporter Role,DCF Screener\n"
        b"51A-25-001,Mateo Alvarez,1039928471,Karen Lutz,Adjustment Counselor,Brianna Coyle\n"
        b"51A-25-002,Emily Sanderson,1051147302,Grace Whalen,Classroom Teacher,Marcus Delgado\n"
    )
    people = _sorted_values(_scan(scanner, filings, "DCF_51A_log.csv"), "PERSON")
    assert {"Karen Lutz", "Brianna Coyle", "Grace Whalen", "Marcus Delgado"} <= set(people)
    assert not [p for p in people if "Counselor" in p or "Teacher" in p]
    fees = (
        b"Receipt,Student,Fee Name,Amount\n"
        b"R-1101,Ava Tremblay,Music Program Fee,45.00\n"
        b"R-1102,Liam Chen,Bus Transportation Fee,150.00\n"
        b"R-1103,Noah Brennan,Chromebook Insurance,25.00\n"
    )
    people = _sorted_values(_scan(scanner, fees, "FeePayments_Export.csv"), "PERSON")
    assert people == ["Ava Tremblay", "Liam Chen", "Noah Brennan"]


def test_a_oneroster_exports_users_are_a_table_its_teachers_numbers_theirs(
    scanner: Scanner, policy: Policy
) -> None:
    """A OneRoster file for a learning app: each user refers to his school by a list of
    references ("orgs": [{"sourcedId": ..., "type": "org"}]), which is no data of his
    own, so the users are a table. Its role column says which are students: their
    "identifier" is their SIS number, a teacher's is his own."""

    def user(kind: str, number: str, given: str, family: str) -> dict[str, object]:
        return {
            "sourcedId": f"{kind[:3]}-{number}",
            "role": kind,
            "givenName": given,
            "familyName": family,
            "identifier": number,
            "email": f"{given.lower()}.{family.lower()}@tewksburyps.org",
            "orgs": [{"sourcedId": "org-02950305", "type": "org"}],
        }

    export = {
        "manifest": {"oneroster.version": "1.1", "destination": "Newsela"},
        "users": [
            user("teacher", "T9974", "Tiffany", "Jackson"),
            user("student", "255183", "Blake", "Jones"),
            user("student", "216714", "Rachel", "Lam"),
            user("student", "218778", "Caleb", "Lambert"),
        ],
    }
    reports = _scan(scanner, json.dumps(export, indent=2).encode(), "newsela_oneroster.json")
    assert _sorted_values(reports, "STUDENT_ID") == ["216714", "218778", "255183"]
    assert FERPA in classify_reports(policy, reports)


def test_a_learner_column_of_numbers_holds_the_learners_ids(scanner: Scanner) -> None:
    """A work-study log heads its column of ID numbers "Learner", as another heads it
    "stu": each number the student's, as a "Learner ID" header's would be."""
    log = (
        b"Date,Learner,Task,Hours\n"
        b"10/01/2024,216107,Library shelving,2\n"
        b"10/02/2024,216244,Office runner,1.5\n"
        b"10/03/2024,217390,Library shelving,2\n"
    )
    reports = _scan(scanner, log, "work_study_log.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["216107", "216244", "217390"]


def test_an_apps_account_numbered_by_its_id_is_no_bank_account(
    scanner: Scanner, policy: Policy
) -> None:
    """A teacher asks the counselor to upload a letter "to Naviance under his account (ID
    318109)": the student's number in an app, named an ID in its brackets, which no
    bank's account is (an ISO 20022 statement's "DbtrAcct Id" stays a bank's)."""
    note = (
        "Hi Kevin,\nAttached is my letter for Marcus Bellamy. Can you upload it to Naviance "
        "under his\naccount (ID 318109)? The teacher upload page keeps timing out on me.\n"
    )
    reports = _scan(scanner, note.encode(), "rec_letter_note.txt")
    assert _sorted_values(reports, "US_BANK_NUMBER") == []
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_fee_schedules_budget_line_is_no_phone_number(scanner: Scanner) -> None:
    """A records request form's "Fee schedule (FY2025, budget line 1000-2210-5100)": a
    budget's line, though the office's phone is on the line above."""
    form = (
        "Questions: Registrar, (978) 251-5110\n"
        "Fee schedule (FY2025, budget line 1000-2210-5100)\n"
        "Office hours Mon-Fri 8:00-3:30. Payments by check or by phone.\n"
    )
    reports = _scan(scanner, form.encode(), "records_request_form.txt")
    assert _sorted_values(reports, "PHONE_NUMBER") == ["(978) 251-5110"]


def test_a_release_logs_colleges_and_recruiters_are_no_one(scanner: Scanner) -> None:
    """A records release log's "Requested By": a former student himself, or the college's
    admissions office, or the Army's recruiting station, which are no one."""
    log = (
        b"Log #,Student Name,Local ID,Requested By,Requester Type\n"
        b'RR-25-0141,"Mahoney, Brendan",402871,Brendan Mahoney,Former student\n'
        b'RR-25-0142,"Soto-Rivera, Yesenia",417336,UMass Lowell Admissions,College\n'
        b'RR-25-0144,"Hadley, Courtney",398210,US Army Recruiting Stn Lawrence,Military\n'
    )
    people = _sorted_values(_scan(scanner, log, "records_release_log.csv"), "PERSON")
    assert not [p for p in people if "Admissions" in p or "Recruiting" in p]
    assert "Brendan Mahoney" in people


def test_a_loan_periods_middle_school_column_names_no_one(scanner: Scanner) -> None:
    """A library policy's table of loan periods by school: "Middle" is the middle
    school's column, its "3 weeks" and "14 days" no one's middle names."""
    policy_table = (
        b"Material,Elementary,Middle,High\n"
        b"Books,2 weeks,3 weeks,3 weeks\n"
        b"Magazines,1 week,1 week,1 week\n"
        b"E-books (Sora),14 days,14 days,21 days\n"
        b'Hotspots,n/a,"30 days, renewable","30 days, renewable"\n'
    )
    reports = _scan(scanner, policy_table, "loan_periods.csv")
    assert _sorted_values(reports, "PERSON") == []


def test_a_households_students_column_of_name_and_id_pairs(
    scanner: Scanner, policy: Policy
) -> None:
    """A meal benefits verification sample gives each household's students in one cell,
    "Name / ID" pairs a semicolon apart: each a student and his number."""
    sample = (
        b"App #,Household Contact,Students (Name / ID),Approved Status\n"
        b"FRA-24-00112,Kayla O'Donnell,Brayden O'Donnell / 203381,Reduced\n"
        b"FRA-24-00137,Jorge L. Figueroa,Camila Figueroa / 209914; Luis Figueroa / 221376,Free\n"
    )
    reports = _scan(scanner, sample, "Verification_Sample.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["203381", "209914", "221376"]
    assert {"Brayden O'Donnell", "Camila Figueroa", "Luis Figueroa"} <= set(
        _sorted_values(reports, "PERSON")
    )
    assert FERPA in classify_reports(policy, reports)


def test_a_schools_name_with_its_code_is_no_ones(scanner: Scanner) -> None:
    """A slide's table of schools, each with its DESE code in brackets: "Mulcahey Elem
    (02930025)" is a school and its number, not a person and his."""
    table = (
        b"School (DESE code),Enrollment,Directly Certified\n"
        b"Mulcahey Elem (02930025),588,347\n"
        b"E. Pole Elem (02930030),494,261\n"
        b"Bennett Elem (02930015),431,209\n"
    )
    reports = _scan(scanner, table, "DirectCert_by_school.csv")
    assert _sorted_values(reports, "PERSON") == []


def test_a_visitor_logs_visitors_are_people(scanner: Scanner) -> None:
    """A visitor management system's sign-in log names each visitor under "Visitor",
    surname first, beside the licence it scanned."""
    log = (
        b"Site,Sign In Date,Visitor,DOB,ID Type,ID Number,Student(s),Student ID,Entered By\n"
        b'HHMS,03/11/2024,"Pelletier, Dana",04/19/1981,Driver License,S73920184,'
        b'"Pelletier, Owen",204517,"Rossi, Angela"\n'
        b'HHMS,03/11/2024,"Okafor, Chinedu",11/02/1976,Driver License,S40817265,'
        b'"Okafor, Amara",211938,"Rossi, Angela"\n'
    )
    people = _sorted_values(_scan(scanner, log, "raptor_visitor_log.csv"), "PERSON")
    assert {"Pelletier, Dana", "Okafor, Chinedu"} <= set(people)


def test_a_teams_minutes_list_students_with_grade_and_id_a_dash_apart(scanner: Scanner) -> None:
    """A student support team's minutes head each student "1) Liam Okafor - Gr 3 - ID
    221846 - DOB 05/17/2017": his number beside his grade, dashes between."""
    minutes = (
        "Student Support Team - Wed. Oct 8, 2025\n"
        "1) Liam Okafor - Gr 3 - ID 221846 - DOB 05/17/2017\n"
        "   - DIBELS 8 BOY ORF 41 wcpm (benchmark 70)\n"
        "2) Harper Lindqvist - Gr 5 - ID 215530 - DOB 11/02/2014\n"
    )
    reports = _scan(scanner, minutes.encode(), "SST_notes.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["215530", "221846"]


def test_a_clinicians_name_with_her_credential_is_a_person(scanner: Scanner) -> None:
    """A sports physical's "Examining provider Gregory Lindqvist, MD": a listed given
    name, a surname the lists lack, and the letters only a clinician has after them."""
    physical = (
        "PREPARTICIPATION PHYSICAL EVALUATION\nAthlete: Sofia Marchetti   DOB 03/02/2009\n"
        "Clearance CLEARED for all sports\nExamining provider Gregory Lindqvist, MD\n"
        "Nurse note: reviewed by Dana Obi, LPN\n"
    )
    people = _sorted_values(_scan(scanner, physical.encode(), "physical.txt"), "PERSON")
    assert any(p.startswith("Gregory Lindqvist") for p in people)
    assert any(p.startswith("Dana Obi") for p in people)


def test_a_medication_records_prescriber_and_witness_are_people(scanner: Scanner) -> None:
    """A health office's medication record names the prescriber of each order and the
    witness of each count of a controlled substance, under those headers."""
    sheets = {
        "Authorizations": [
            ["Student", "Local ID", "DOB", "Medication", "Prescriber"],
            ["Rafael Oliveira", "207578", "5/8/2017", "Methylphenidate ER", "Dr. Anjali Mehta"],
            ["Elijah Nolan", "228015", "3/10/2019", "Albuterol HFA", "Kristin Fallon, NP"],
        ],
        "Count": [
            ["Date", "Student", "Medication", "Count after", "Nurse", "Witness"],
            ["09/27/2024", "Rafael Oliveira", "Methylphenidate ER", "21", "Kate Murphy",
             "Lauren Tierney"],
        ],
    }  # fmt: skip
    people = _sorted_values(_scan(scanner, w.xlsx_bytes(sheets), "MAR.xlsx"), "PERSON")
    assert "Lauren Tierney" in people
    assert any("Anjali Mehta" in p for p in people)
    assert any("Kristin Fallon" in p for p in people)


def test_a_word_forms_pairs_whose_first_row_was_read_as_a_header(scanner: Scanner) -> None:
    """A 51A report's household table: its first rows hold addresses and phones, so the
    reader takes "Other household members | Derek Paulsen (...); Ava Costa (...)" for its
    header. A label and a value that starts with a person's name make it a form still;
    so does a "Name / role" label beside "Kathleen Murphy, RN - school nurse"."""
    household = [
        ["Mother", "Bianca Costa - 17 Congress Terrace, Milford - cell (508) 381-4472"],
        ["Father", "Carlos Costa - 402 Pond Street, Framingham, MA 01702 - 774-219-0385"],
        ["Other household members",
         "Derek Paulsen (mother's boyfriend); Ava Costa (sister, age 5, Kindergarten)"],
        ["Person(s) alleged responsible", "Derek Paulsen"],
    ]  # fmt: skip
    reporter = [
        ["Name / role", "Kathleen Murphy, RN - school nurse (mandated reporter)"],
        ["School", "Hale Street Elementary School"],
        ["Principal notified", "Gregory Walsh - 11/13/2024 1:50 PM"],
    ]
    data = w.docx_bytes(["51A written follow-up"], [household, reporter])
    reports = _scan(scanner, data, "51A_report.docx")
    people = set(_sorted_values(reports, "PERSON"))
    assert {"Derek Paulsen", "Ava Costa", "Kathleen Murphy"} <= people
    where = {f.value: f.location for f in reports[0].findings if f.entity == "PERSON"}
    assert "column" not in where["Kathleen Murphy"]  # a form's value, not a header's column


def test_a_printed_visit_logs_rows_give_each_students_number(scanner: Scanner) -> None:
    """A health office's visit log printed to PDF, its columns' gaps lost: "11/04 8:05
    Nathan O'Brien 8 346183 Nosebleed" under "Date/Time in Student Gr ID Reason".
    The number after the student's name and grade is his."""
    lines = [
        "Riverbend Middle School - Health Office Visit Log",
        "Date/Time in Student Gr ID Reason for visit Assessment Disposition",
        "11/04 8:05 Nathan O'Brien 8 346183 Nosebleed Anterior, resolved RTC 8:25",
        "11/04 8:35 Brayden Reyes 7 208520 Low blood sugar BG 62 RTC 8:45",
        "11/04 8:55 Julia Cormier 6 263861 Bee sting - L forearm RTC 9:15",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "visit_log.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["208520", "263861", "346183"]


def test_a_sibling_on_a_request_with_his_grade_school_and_number(scanner: Scanner) -> None:
    """A McKinney-Vento transportation request: "Sibling(s) also requesting: Okonkwo,
    Emeka - Gr 2, Burke-Memorial Elem. (#206287)". His surname is the student's, his
    number in brackets after his grade and school."""
    form = (
        "REQUEST FOR TRANSPORTATION TO SCHOOL OF ORIGIN\n"
        "Student name (last, first): Okonkwo, Chiamaka\nSASID: 1049372816\n"
        "Sibling(s) also requesting: Okonkwo, Emeka - Gr 2, Burke-Memorial Elem. (#206287)\n"
    )
    reports = _scan(scanner, form.encode(), "mv_request.txt")
    assert "206287" in _sorted_values(reports, "STUDENT_ID")
    assert "Okonkwo, Emeka" in _sorted_values(reports, "PERSON")


def test_minutes_name_a_member_by_the_surname_they_give_him_a_title_with(
    scanner: Scanner,
) -> None:
    """School committee minutes list "Mark Lindqvist (Secretary)" among the members, then
    say "seconded by Mr. Lindqvist": the surname is a person's though the lists lack it.
    "Chair Kasprzak" is the chair, no one called Chair."""
    minutes = (
        "Members Present: Robert Kasprzak (Chair), Mark Lindqvist (Secretary)\n"
        "Chair Kasprzak called the meeting to order at 7:02 PM.\n"
        "Motion by Ms. Raman, seconded by Mr. Lindqvist, to approve the warrant.\n"
    )
    people = _sorted_values(_scan(scanner, minutes.encode(), "minutes.txt"), "PERSON")
    assert "Mark Lindqvist" in people
    assert "Chair Kasprzak" not in people


def test_a_forms_example_line_names_no_one(scanner: Scanner, policy: Policy) -> None:
    """A blank fee waiver form's "EXAMPLE (not a real student): Student ID 000000 / SASID
    1000000000 / DOB 01/01/2000": its birth date is no one's."""
    template = (
        "FEE WAIVER REQUEST\nStudent name: ____________   Date of birth: ____________\n"
        "EXAMPLE (not a real student): Student ID 000000 / SASID 1000000000 / DOB 01/01/2000.\n"
        "Counselor: ____________\n"
    )
    reports = _scan(scanner, template.encode(), "fee_waiver_TEMPLATE.txt")
    assert "DATE_OF_BIRTH" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_memos_company_and_office_recipients_are_no_one(scanner: Scanner) -> None:
    """A memo "TO: Bay State Coach Lines" and "CC: Human Resources": a bus company, whose
    name the label's pattern cut at three words, and an office; the drivers it goes on
    to name are people."""
    memo = (
        "TRI-VALLEY REGIONAL SCHOOL DISTRICT\nTransportation Office - internal memo\n\n"
        "TO:    Bay State Coach Lines, Safety & Compliance (Medway yard)\n"
        "CC:    Human Resources - CORI file\n"
        "FROM:  Kevin Donnelly, Transportation Coordinator\n"
        "RE:    Outstanding CORI items\n\n"
        "  3. Rami Haddad - 7D van driver. The corrected SSN is 562-09-3374.\n"
    )
    people = _sorted_values(_scan(scanner, memo.encode(), "memo.txt"), "PERSON")
    assert people == ["Kevin Donnelly", "Rami Haddad"]


def test_a_family_staying_care_of_someone_names_her(scanner: Scanner) -> None:
    """A doubled-up family's address "(c/o Ifeoma Eze)": whose care the mail goes in."""
    text = "Current (temporary) address: 46 Pond Street, Apt 2 (c/o Ifeoma Eze), Franklin\n"
    assert "Ifeoma Eze" in _sorted_values(_scan(scanner, text.encode(), "mv.txt"), "PERSON")


def test_a_mails_greeting_of_two_people_is_no_name(scanner: Scanner) -> None:
    """ "Greg, Tanya," on the body's first line greets two people: no "Greg, Tanya"."""
    data = w.eml_bytes(
        sender="Kathleen Murphy <kmurphy@district.example.org>",
        to="gwalsh@district.example.org",
        subject="FW: 51A filed",
        body="Greg, Tanya,\nThe written report is attached.\nKathleen\n",
    )
    people = _sorted_values(_scan(scanner, data, "fw.eml"), "PERSON")
    assert "Greg, Tanya" not in people


def test_a_rostering_exports_schools_file_numbers_schools(scanner: Scanner) -> None:
    """A rostering sync's schools.csv: "School_name | State_id | Low_grade | Principal".
    Its rows are schools, its State_id each school's DESE code; the students.csv beside
    it keeps its State_id as the students' SASIDs."""
    schools = (
        b"School_id,School_name,School_number,State_id,Low_grade,High_grade,Principal\n"
        b"MRE01,Maple Ridge Elementary School,03,07310005,Kindergarten,5,Ellen Marchand\n"
        b"QRMS01,Quinapoxet Regional Middle School,04,07310305,6,8,Thomas Riordan\n"
    )
    students = (
        b"School_id,Student_id,State_id,Last_name,First_name,Grade,DOB\n"
        b"QRMS01,204417,1048827316,Tremblay,Owen,7,03/14/2012\n"
        b"QRMS01,203958,1052190443,Almeida,Sofia,6,11/02/2013\n"
    )
    data = w.zip_bytes({"schools.csv": schools, "students.csv": students})
    reports = _scan(scanner, data, "clever_sftp_upload.zip")
    numbers = {
        (r.path.rsplit("!", 1)[-1], f.value)
        for r in reports
        for f in r.findings
        if f.entity == "STUDENT_ID"
    }
    assert not {value for name, value in numbers if name == "schools.csv"}
    assert {"1048827316", "1052190443"} <= {
        value for name, value in numbers if name == "students.csv"
    }


def test_a_districts_org_code_beside_an_account_line_is_no_bank_account(
    scanner: Scanner,
) -> None:
    """A claim procedure's reference table: "District org code | 02440000" above
    "Tuition account | 1000-2320-5320-SPED". The code is DESE's, the account a budget's."""
    page = (
        b"<html><body><h2>Reference numbers</h2><table>"
        b"<tr><th>Item</th><th>Value</th></tr>"
        b"<tr><td>District org code</td><td>02440000</td></tr>"
        b"<tr><td>Tuition account</td><td>1000-2320-5320-SPED</td></tr>"
        b"</table></body></html>"
    )
    reports = _scan(scanner, page, "CircuitBreaker_Procedures.html")
    assert "US_BANK_NUMBER" not in _entities(reports)


def test_a_reference_check_on_a_teacher_candidate_is_no_student_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A hiring file's reference check on a teacher: "Candidate | Kiera Gallagher", her
    referees "Rosalind Tierney, Grade 3 teacher / mentor", and what they say of her
    guided reading, report cards and attendance. It speaks of a teacher's classes, no
    student's record; the candidate is a person."""
    notes = (
        "REFERENCE CHECK FORM - Professional Staff\n"
        "A: Very strong in guided reading; uses running records well. MCAS ELA growth for her"
        " team went up. Had a challenging class with several students with behavior plans.\n"
        "A: Parent communication is good but she can be slow to return emails at report card"
        " time. Rosalind mentioned Kiera's attendance was excellent.\n"
    )
    candidate = [
        ["Candidate", "Kiera Gallagher"],
        ["Position", "Grade 3 Classroom Teacher, Hillside Elementary"],
        ["Reference checks completed by", "Lauren Whitcomb, Assistant Principal"],
    ]
    referee = [
        ["Name / Title", "Rosalind Tierney, Grade 3 teacher / mentor"],
        ["Phone", "508-875-2290"],
        ["Email", "rtierney1962@verizon.net"],
    ]
    data = w.docx_bytes(notes.splitlines(), [candidate, referee])
    reports = _scan(scanner, data, "Reference_Check_Notes.docx")
    assert FERPA not in classify_reports(policy, reports)
    assert "Kiera Gallagher" in _sorted_values(reports, "PERSON")


def test_a_workbooks_students_by_their_meetings_beside_its_contractors(
    scanner: Scanner, policy: Policy
) -> None:
    """An interpreter request log: a sheet of students and the meetings their families
    need ("IEP Annual Review", "504 Plan review", "Discipline hearing - 3-day
    suspension"), and a sheet of the interpreters paid as contractors, their W-9s and
    bank accounts. The contractors make the file an HR one too; the students' rows stay
    their records."""
    sheets = {
        "Requests": [
            ["Req #", "Student", "Gr", "Meeting Type / Purpose", "Parent/Guardian"],
            ["INT-25-0131", "Erick Cardoso", "4", "IEP Annual Review (SLD - reading)",
             "Maria Cardoso"],
            ["INT-25-0135", "Wendy Jean-Baptiste", "7", "504 Plan review - asthma",
             "Marie-Claude Jean-Baptiste"],
            ["INT-25-0140", "Luis Hernandez", "8", "Discipline hearing - 3-day suspension",
             "Rosa Hernandez"],
        ],
        "Interpreter Roster": [
            ["Interpreter", "Vendor #", "TIN Type", "TIN (W-9)", "ACH Routing", "ACH Account",
             "CORI cleared"],
            ["Ana Paula Rocha", "V-30417", "SSN", "031-58-7724", "211370545", "4418093327", "Y"],
        ],
    }  # fmt: skip
    reports = _scan(scanner, w.xlsx_bytes(sheets), "Interpreter_Request_Log.xlsx")
    assert {FERPA, MGL_93H} <= set(classify_reports(policy, reports))


def test_an_educator_licence_lookups_org_code_is_no_drivers_licence(
    scanner: Scanner, policy: Policy
) -> None:
    """DESE's licensure lookup printed to PDF: "Millbrook Public Schools, Org Code
    01860000" above the table of licence numbers: a district's code, no one's licence."""
    lines = [
        "Massachusetts Department of Elementary and Secondary Education - Educator Licensure",
        "Search performed by district user: mrizzo (Millbrook Public Schools, Org Code 01860000)",
        "Name MEPID License # License Field Type Grade Level Status",
        "Gallagher, Kiera M 60418237 512847 Elementary Initial 1-6 Active 06/15/2020",
        "Nguyen, Thao 50239961 438102 Elementary Professional 1-6 Active 07/01/2019",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "ELAR_License_Verification.pdf")
    assert "US_DRIVER_LICENSE" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_vendor_files_town_and_state_are_no_ones_name(scanner: Scanner) -> None:
    """A vendor master export's "City | State" of "Holden | MA": a town, and a state's
    code that is a surname too ("Ma"). Its sole proprietors are people."""
    vendors = (
        b"Vendor #,Vendor Name,Vendor Type,TIN Type,Tax ID,Address 1,City,State,Zip\n"
        b"000009,Town of Holden,GOVT,EIN,04-6001201,1196 Main Street,Holden,MA,01520\n"
        b"000112,Wachusett Coach Lines Inc,CORP,EIN,04-2871530,300 Industrial Drive,"
        b"Leominster,MA,01453\n"
        b"000245,Central Mass Office Products LLC,LLC,EIN,04-3317726,55 Gold Star Boulevard,"
        b"Worcester,MA,01606\n"
        b"000318,Gerald T. Whalen,INDIV,SSN,112-09-7763,14 Maple Avenue,Paxton,MA,01612\n"
    )
    people = _sorted_values(_scan(scanner, vendors, "vendor_master.csv"), "PERSON")
    assert people == ["Gerald T. Whalen"]


def test_a_fixed_width_log_whose_rows_carry_on_to_a_second_line(
    scanner: Scanner, policy: Policy
) -> None:
    """A business office's refund log typed in fixed width, each row's mailing address on
    a second line under its payee and student ("mail to: 11 Cranbrook Drive, Holden"),
    and the check number one space after the date: the columns are the header's still."""
    log = (
        "QRSD BUSINESS OFFICE - FAMILY REFUND LOG  FY2025 Q1-Q2\n\n"
        "Date       Check   Payee                  Student          ID        Amount  Reason\n"
        "--------------------------------------------------------------------------------\n"
        "09/12/2024 104402  Thomas Bergeron        Noah Bergeron    215560     35.00  Trip\n"
        "                   mail to: 11 Cranbrook Drive, Holden\n"
        "10/31/2024 104531  Colleen Brennan        Ava Brennan      204518     86.40  Lunch\n"
        "                   mail to: 29 Oak Street, Shrewsbury MA 01545\n"
        "10/31/2024 104532  Rajesh Iyer            Anika Iyer       211093    350.00  Trip\n"
        "                   mail to: 12 Houghton Road, Rutland MA 01543\n"
        "10/31/2024 104533  Jennifer Sousa-Martin  Lucas Martin     198876    275.00  Fee\n"
        "                   mail to: 304 Worcester Road, Princeton MA 01541\n"
        "10/31/2024 104534  Michael Okafor         Chidi Okafor     220417     60.00  Deposit\n"
        "                   mail to: 8 Chapel Street, Sterling MA 01564\n"
    )
    reports = _scan(scanner, log.encode(), "refund_log_FY25.txt")
    assert _sorted_values(reports, "STUDENT_ID") == [
        "198876",
        "204518",
        "211093",
        "215560",
        "220417",
    ]
    assert {"Noah Bergeron", "Anika Iyer", "Chidi Okafor", "Rajesh Iyer"} <= set(
        _sorted_values(reports, "PERSON")
    )
    assert FERPA in classify_reports(policy, reports)


def test_an_incident_reports_paired_header_and_parents_with_their_phones(
    scanner: Scanner,
) -> None:
    """An incident report's first table pairs its labels with their values from the
    first row on: "Location | Cafeteria | Reported by | Danielle Kowalski, Lunch Duty",
    then "Administrator | ... | SRO Notified | Yes - Ofc. Brian Tetreault" (no one called
    "SRO Notified"). Its students' table gives each parent with her phone in one cell:
    "Carmen Ramos (508) 234-7719"."""
    header = [
        ["Location", "Cafeteria, Lunch B", "Reported by", "Danielle Kowalski, Lunch Duty"],
        ["Administrator", "Peter Lindqvist, Asst. Principal", "SRO Notified",
         "Yes - Ofc. Brian Tetreault"],
    ]  # fmt: skip
    students = [
        ["Student Name", "Local ID", "Gr", "Role", "Parent/Guardian & Phone"],
        ["Jayden Ramos", "204417", "8", "Aggressor", "Carmen Ramos (508) 234-7719"],
        ["Owen Fitzgerald", "204538", "8", "Target", "Kevin Fitzgerald (774) 262-0483"],
    ]
    data = w.docx_bytes(["Student Incident Report"], [header, students])
    reports = _scan(scanner, data, "incident_report.docx")
    people = set(_sorted_values(reports, "PERSON"))
    assert {"Danielle Kowalski", "Carmen Ramos", "Kevin Fitzgerald"} <= people
    assert "SRO Notified" not in people
    assert {"(508) 234-7719", "(774) 262-0483"} <= set(_sorted_values(reports, "PHONE_NUMBER"))


def test_a_care_logs_pickups_name_who_each_one_is_first(scanner: Scanner) -> None:
    """A pre-K room's daily care log: "Picked up by" of "Mom (Gina Castellano)" and
    "Aunt (Dana Robinson) - on pickup list", who the adult is, then her name."""
    log = [
        ["Child", "In", "Out", "Picked up by", "Notes"],
        ["Ruby Castellano", "8:05", "2:55", "Mom (Gina Castellano)", "-"],
        ["Omar Haddad", "8:20", "2:45", "Grandfather (Sami Haddad)", "Rash cream applied"],
        ["Maya Robinson", "8:10", "2:50", "Aunt (Dana Robinson) - on pickup list", "Inhaler"],
    ]
    data = w.docx_bytes(["Room 112 Daily Care Log"], [log])
    people = set(_sorted_values(_scan(scanner, data, "care_log.docx"), "PERSON"))
    assert {"Gina Castellano", "Sami Haddad", "Dana Robinson"} <= people


def test_a_newsletters_first_names_and_its_volunteers_mailboxes(scanner: Scanner) -> None:
    """A school newsletter names students by first name only ("Mateo, Ava and Kiran"),
    a town meeting by its month ("the April Town Meeting"), and its PTO's co-presidents
    with their own mailboxes, named for them: "Oluwaseun Adeyemi (seun.adeyemi@...)"."""
    page = (
        "<html><body><h2>Kudos</h2><ul><li>Congratulations to <strong>Mateo</strong>, "
        "<strong>Ava</strong> and <strong>Kiran</strong> from Mrs. Delgado's fourth grade!"
        "</li><li>Noor wrote a poem that will be read at the April Town Meeting.</li></ul>"
        "<h2>PTO Corner</h2><p>To sign up, contact PTO co-presidents Megan Hollister "
        '(<a href="mailto:megan.hollister22@gmail.com">megan.hollister22@gmail.com</a>) or '
        'Oluwaseun Adeyemi (<a href="mailto:seun.adeyemi@outlook.com">'
        "seun.adeyemi@outlook.com</a>).</p></body></html>"
    )
    people = _sorted_values(_scan(scanner, page.encode(), "courier.html"), "PERSON")
    assert people == ["Megan Hollister", "Oluwaseun Adeyemi"]


def test_a_lunch_menus_item_codes_are_no_students_numbers(scanner: Scanner, policy: Policy) -> None:
    """A cafeteria's menu gives each dish its point-of-sale code: "Whole Grain Cheese Pizza
    (#40117)". A dish is no student, its code no student's number."""
    lines = [
        "Elementary Lunch Menu - March 2025",
        "Student breakfast & lunch: FREE for all students",
        "3/3 Mon Whole Grain Cheese Pizza (#40117) Turkey & Cheese Sub (#40862) Garden salad",
        "3/4 Tue Chicken Tacos w/ Salsa (#41203) Sunbutter & Jelly (#40990) Black beans",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "lunch_menu.pdf")
    assert "STUDENT_ID" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_blank_forms_training_example_names_a_sample_student(
    scanner: Scanner, policy: Policy
) -> None:
    """A records request form's "Completed example for staff training (FICTITIOUS)":
    "Student: SAMPLE, STUDENT A.   DOB: 01/01/2000", and its "Docket No. ____" blank."""
    form = (
        "STUDENT RECORDS REQUEST (SR-3)\n"
        "If subpoena or court order: Court ____________  Docket No. ____________\n"
        "Completed example for staff training (FICTITIOUS - do not use)\n"
        "Student: SAMPLE, STUDENT A.   DOB: 01/01/2000   SASID: 0000000000\n"
    )
    reports = _scan(scanner, form.encode(), "Form_SR-3_BLANK.txt")
    assert not {"DATE_OF_BIRTH", "PERSON"} & _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_an_office_assigned_a_request_is_no_test_record(scanner: Scanner) -> None:
    """A public records log assigns a parent's request to "Student Svcs": an office, no
    test record ("Student, Test"), so the parent's row is read."""
    log = (
        b"Tracking #,Date Rec'd,Requester,Email,Phone,Request Summary,Assigned To\n"
        b"PRR-2025-0035,02/19/2025,Carla Bettencourt,cbettencourt@gmail.com,774-261-9903,"
        b"Her child's cumulative file,Student Svcs\n"
        b"PRR-2025-0036,02/20/2025,Student Test,test@example.org,508-555-0100,Test row,N. Tobin\n"
    )
    reports = _scan(scanner, log, "Public_Records_Request_Log.csv")
    assert "Carla Bettencourt" in _sorted_values(reports, "PERSON")
    assert "cbettencourt@gmail.com" in _sorted_values(reports, "EMAIL_ADDRESS")


def test_a_club_exports_numbered_guardian_and_a_yearbooks_purchaser(scanner: Scanner) -> None:
    """A club roster export's "Guardian1Name" (a number before the word) and a yearbook
    order sheet's "Purchaser" name people."""
    roster = (
        b"StudentNumber,StudentName,GradeLevel,Guardian1Name,Guardian1Phone\n"
        b"608142,Mateo Hernandez,10,Yolanda Hernandez,978-455-3021\n"
        b"607319,Siobhan O'Brien,11,Sean O'Brien,(978) 256-7748\n"
    )
    people = _sorted_values(_scan(scanner, roster, "robotics_roster.csv"), "PERSON")
    assert {"Yolanda Hernandez", "Sean O'Brien"} <= set(people)
    orders = (
        b"Order #,Student Name,Student ID,Purchaser,Purchaser Email\n"
        b"YB24-1001,Madison Ng,611204,Grace Ng,grace.ng.lex@gmail.com\n"
        b"YB24-1002,Tyler Brennan,611877,Michael Brennan,mbrennan@verizon.net\n"
    )
    people = _sorted_values(_scan(scanner, orders, "yearbook_orders.csv"), "PERSON")
    assert {"Grace Ng", "Michael Brennan"} <= set(people)


def test_a_routing_number_and_its_account_a_slash_apart(scanner: Scanner) -> None:
    """ "her new acct is 011000138 / 4419028367": the label is the pair's; the first
    number passes the routing check and is the routing number."""
    memo = (
        "Refund memo - staff meal deductions\n"
        "Also: Thuy Nguyen (E11907) changed banks - her new acct is 011000138 / 4419028367.\n"
    )
    reports = _scan(scanner, memo.encode(), "Refund_memo.txt")
    assert _sorted_values(reports, "ABA_ROUTING_NUMBER") == ["011000138"]
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["4419028367"]


def test_a_504_plans_major_life_activity_is_no_one(scanner: Scanner) -> None:
    """A 504 plan's "Major Life Activity affected: learning, concentrating"."""
    plan = (
        "Section 504 Plan\nStudent: Jaden Okafor   SASID: 1049372816\n"
        "Major Life Activity affected: learning, concentrating\n"
    )
    people = _sorted_values(_scan(scanner, plan.encode(), "504_plan.txt"), "PERSON")
    assert people == ["Jaden Okafor"]


def test_a_menus_codes_and_usdas_statement_make_no_record(scanner: Scanner, policy: Policy) -> None:
    """A lunch menu names its food service director, gives each dish its POS code in
    brackets ("Cheese Pizza (#40117)"), and ends with USDA's statement that the program
    is "prohibited from discriminating on the basis of race, ... disability": a dish's
    code is no record's, the statement's disability no one's."""
    lines = [
        "Elementary Lunch Menu - March 2025 (Balmer, Northbridge Elementary)",
        "Student breakfast & lunch: FREE for all students | Adult lunch $4.75",
        "3/3 Mon Whole Grain Cheese Pizza (#40117) Turkey & Cheese Sub (#40862)",
        "3/4 Tue Chicken Tacos (#41203) Sunbutter & Jelly (#40990)",
        "Special dietary needs require a Medical Statement form returned to the school nurse.",
        "Questions? Denise Kowalczyk, Food Service Director - dkowalczyk@northbridgeps.org.",
        "In accordance with federal civil rights law, this institution is prohibited from",
        "discriminating on the basis of race, color, national origin, sex, disability, age.",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "lunch_menu.pdf")
    assert FERPA not in classify_reports(policy, reports)


def test_an_observation_form_templates_labels_are_no_one(scanner: Scanner, policy: Policy) -> None:
    """A blank classroom observation form: "Evaluator | [Name, Title]", "Educator Plan |
    ☐ Developing ...", and a reminder not to write students' IEPs on it."""
    grid = [
        ["Educator name", "[Last name, First name]", "Employee #", "E-_____"],
        ["School / Room", "[e.g., Hale MS / Rm B-212]", "Grade/Subject", "__________"],
        ["Evaluator", "[Name, Title]", "Date / Time", "MM/DD/YYYY __:__"],
        ["Educator Plan", "☐ Developing ☐ Self-Directed Growth ☐ Improvement", "", ""],
    ]
    notes = [
        "Form HR-114 Classroom Observation Feedback (BLANK TEMPLATE)",
        "Reminder: Do not write student names, student ID numbers, or details of a student's"
        " IEP/504 plan on this form. Refer to students generically.",
    ]
    reports = _scan(scanner, w.docx_bytes(notes, [grid]), "Observation_TEMPLATE.docx")
    assert "PERSON" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_user_guides_demo_record_and_mock_up_roster_are_no_ones(
    scanner: Scanner, policy: Policy
) -> None:
    """A student information system's guide shows its training sandbox: "Field label |
    Format / rule | Demo record value" ("Local Student ID | 6 digits | 900001", "Date of
    Birth | MM/DD/YYYY | 01/01/2015") and a mock-up roster of "Demo, Danny", "Sample,
    Sally" and "Test, Terry" with their grades; and a state layout's "Field name" column
    lists fields ("Gender", "Grade Level"), no people."""
    fields = [
        ["Field label", "Format / rule", "Demo record value"],
        ["Local Student ID", "6 digits, system assigned", "900001"],
        ["Last Name", "Legal name, no nicknames", "Demo"],
        ["First Name", "Legal name", "Danny"],
        ["Date of Birth", "MM/DD/YYYY", "01/01/2015"],
    ]
    mock_up = [
        ["Student", "Grade", "Homeroom", "District email"],
        ["Demo, Danny", "07", "Rm 214", "danny.demo@students.example.org"],
        ["Sample, Sally", "07", "Rm 214", "sally.sample@students.example.org"],
        ["Test, Terry", "07", "Rm 214", "terry.test@students.example.org"],
    ]
    notes = [
        "Student Information System Quick Reference Guide - Registration",
        "The examples come from the TRAINING sandbox. Teachers' exports may hold IEP flags,"
        " test scores and incident notes: use the classroom-safe template.",
        "Article owner: Kevin Brault (Network & Systems Administrator)",
    ]
    reports = _scan(scanner, w.docx_bytes(notes, [fields, mock_up]), "SIS_QuickRef.docx")
    assert not {"STUDENT_ID", "DATE_OF_BIRTH"} & _entities(reports)
    assert FERPA not in classify_reports(policy, reports)
    layout = (
        b"Field code,Field name,Format,Valid values\n"
        b"DOE009,Gender,1 char,F/M/N\n"
        b"DOE016,Grade Level,2 char,PK-12\n"
        b"DOE034,Plan,2 char,00-10\n"
    )
    people = _sorted_values(_scan(scanner, layout, "SIMS_field_specs.csv"), "PERSON")
    assert people == []


def test_a_crisis_logs_follow_up_columns_hold_notes_and_providers(scanner: Scanner) -> None:
    """A crisis team's log: "Released To | Mother", an "Outside Provider" that is a clinic
    ("Blackstone Valley Family Counseling"), a "Provider Contact" of notes in lower case
    ("waitlist", "parent to sign release"), and an athletic trainer's "Dx from Provider" of
    diagnoses. Only the people in it are people."""
    sheets = {
        "Incident Log": [
            ["Date", "Student", "Risk Level", "Released To", "Counselor"],
            ["10/02/2024", "Tyler Brennan", "Moderate", "Mother", "Linh Nguyen"],
            ["10/09/2024", "Sofia Ramirez", "Low", "Father", "Grace Okoro"],
        ],
        "Follow-Up": [
            ["Student", "Outside Provider", "Provider Contact", "Dx from Provider"],
            ["Tyler Brennan", "Blackstone Valley Family Counseling", "waitlist", "Anxiety"],
            ["Sofia Ramirez", "Milford Regional ED", "parent to sign release", "Concussion"],
        ],
    }
    people = set(_sorted_values(_scan(scanner, w.xlsx_bytes(sheets), "Crisis_Log.xlsx"), "PERSON"))
    assert people == {"Tyler Brennan", "Sofia Ramirez", "Linh Nguyen", "Grace Okoro"}


def test_a_deposit_tickets_numbered_payers_with_their_checks(scanner: Scanner) -> None:
    """An activity account's deposit ticket printed to PDF numbers its checks: "1 Michael
    Rosario 2231 211374486 4410087326 $75.00". The row's number is no house number; the
    payer is a person, his check's routing and account numbers his."""
    lines = [
        "Student Activity Account Deposit Ticket - Event: Junior Prom ticket sales",
        "# Payer (as printed on check) Check No. Routing (ABA) Account No. Amount Memo",
        "1 Michael Rosario 2231 211374486 4410087326 $75.00 Prom ticket x1",
        "2 Jennifer Kowalczyk 5102 011000138 003817264459 $150.00 Prom tickets x2",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "deposit_ticket.pdf")
    people = _sorted_values(reports, "PERSON")
    assert {"Michael Rosario", "Jennifer Kowalczyk"} <= set(people)
    assert "Junior Prom" not in people


def test_coverage_and_petty_cash_columns_of_people_and_of_no_one(scanner: Scanner) -> None:
    """A para coverage sheet's "Sub Assigned" and "Confirmed By" name people ("UNFILLED"
    is no one); a petty cash log's "Paid To" names a store or a person; a ticket order's
    "Paid By" of "Cash" and "Check", and a scholarship list's awards, are no one."""
    coverage = (
        b"Date,Absent Employee,Position,Sub Assigned,Sub Cell,Confirmed By\n"
        b"11/14/2024,Denise Paquette,1:1 Para,Carla Mendes,508-561-0932,Tara Gillespie\n"
        b"11/14/2024,Kevin Tran,Inclusion Para,UNFILLED,,Tara Gillespie\n"
    )
    people = set(_sorted_values(_scan(scanner, coverage, "sub_coverage.csv"), "PERSON"))
    assert {"Carla Mendes", "Tara Gillespie"} <= people
    assert "UNFILLED" not in people
    petty = (
        b"Date,Voucher No.,Paid To,Purpose,Amount\n"
        b"01/08/2025,PC-0141,Gary Pelletier,Postage - booster letters,18.40\n"
        b"01/15/2025,PC-0142,Market Basket #58,Snacks - Student Council mtg,23.17\n"
    )
    people = set(_sorted_values(_scan(scanner, petty, "petty_cash.csv"), "PERSON"))
    assert people == {"Gary Pelletier"}
    orders = (
        b"Order,Student Name,Student ID,Tickets,Paid By,Award\n"
        b"1,Maya Torres,204118,4,Cash,The Heather Johnson Memorial Scholarship\n"
        b"2,Liam Walsh,204532,2,Check,TTEF Arts Scholarship\n"
    )
    people = set(_sorted_values(_scan(scanner, orders, "tickets.csv"), "PERSON"))
    assert people == {"Maya Torres", "Liam Walsh"}


def test_a_part_numbers_software_licence_and_a_local_number(scanner: Scanner) -> None:
    """A purchase order's "Chromebook ... w/ Mgmt Lic, CDW# 7391845" is a software
    licence and a reseller's part number, no one's driver's licence; a medication error
    report's "Mateo Silva, Gr 4, local # 204622" is a student's local number."""
    po = b'PO_NUMBER,LINE_DESCRIPTION,QTY\n26000424,"Chromebook 11 w/ Mgmt Lic, CDW# 7391845",150\n'
    assert "US_DRIVER_LICENSE" not in _entities(_scan(scanner, po, "po_detail.csv"))
    report = "Medication error report\nIntended student: Mateo Silva, Gr 4, local # 204622\n"
    reports = _scan(scanner, report.encode(), "med_error.txt")
    assert "204622" in _sorted_values(reports, "STUDENT_ID")


def test_a_roster_line_whose_surname_is_a_given_name_goes_on_with_fields(
    scanner: Scanner,
) -> None:
    """ "Thomas, Olivia, Gr 4, 204411": a surname that is a given name too, then the
    line's fields, is a name still (a list of first names goes on to its "and")."""
    text = "Grade 4 reading group\nThomas, Olivia, Gr 4, 204411\nJames, Sarah, Gr 4, 204412\n"
    people = _sorted_values(_scan(scanner, text.encode(), "groups.txt"), "PERSON")
    assert {"Thomas, Olivia", "James, Sarah"} <= set(people)


def test_a_phone_columns_line_labels_are_no_one(scanner: Scanner) -> None:
    """A phone column's "Cell 508-555-0134" and "Home (508) 555-0187" name the line,
    not a person; "Carmen Ramos (508) 234-7719" in the same column names her."""
    roster = (
        b"Student Name,Student ID,Parent Phone\n"
        b"Jayden Ramos,204417,Carmen Ramos (508) 234-7719\n"
        b"Owen Fitzgerald,204538,Cell 508-555-0134\n"
        b"Tyler Brouillette,205102,Home (508) 555-0187\n"
    )
    reports = _scan(scanner, roster, "roster.csv")
    people = set(_sorted_values(reports, "PERSON"))
    assert "Carmen Ramos" in people
    assert not {"Cell", "Home"} & people


def test_a_learning_platforms_grade_export_gives_the_schools_number(
    scanner: Scanner, policy: Policy
) -> None:
    """A Schoology grade export: each enrollment its own "uid" and the district's number
    as "school_uid", beside the student's name and marks."""
    export = {
        "section": {"course_title": "US History I", "section_title": "USH1-04 (Honors)"},
        "enrollments": [
            {"id": 7712040, "uid": "88412350", "school_uid": "310284",
             "name_display": "Jasmine Ortega",
             "final_grade": [{"period_id": "p-2024-Q1", "grade": 87.5, "letter": "B+"}]},
            {"id": 7712041, "uid": "88412367", "school_uid": "309911",
             "name_display": "Marcus Bell",
             "final_grade": [{"period_id": "p-2024-Q1", "grade": 72.0, "letter": "C-"}]},
        ],
    }  # fmt: skip
    reports = _scan(scanner, json.dumps(export, indent=2).encode(), "schoology_grades.json")
    assert {"309911", "310284"} <= set(_sorted_values(reports, "STUDENT_ID"))
    assert FERPA in classify_reports(policy, reports)


def test_new_staffs_emergency_contacts_with_their_health_notes_are_no_student_record(
    scanner: Scanner, policy: Policy
) -> None:
    """New hires' emergency contact sheet, led by "Staff Name (Last, First)", with each
    one's contact ("Mother") and the health notes they wish shared ("Asthma - inhaler in
    backpack"): the staff's own, no student's record."""
    sheet = (
        b'"Staff Name (Last, First)",Building,Cell Phone,Emergency Contact,Relationship,'
        b"Medical Info Staff Wishes Shared\n"
        b'"Ferreira, Danielle",Pine Glen ES,(508) 962-3148,Paulo Ferreira,Spouse,None\n'
        b'"Oyelaran, Marcus",Hanlon MS,774-219-6605,Grace Oyelaran,Mother,'
        b"Asthma - inhaler in backpack\n"
        b'"Tran, Kevin",Hanlon MS,508-555-0142,Linh Tran,Spouse,Peanut allergy - EpiPen\n'
        b'"Walsh, Erin",Pine Glen ES,508-555-0177,Tom Walsh,Father,'
        b"Diabetic - glucose tabs in desk; student aides know\n"
    )
    reports = _scan(scanner, sheet, "Staff_Emergency_Contacts.csv")
    assert FERPA not in classify_reports(policy, reports)


def test_a_pickup_lists_authorized_adults_and_a_familys_listed_children(
    scanner: Scanner,
) -> None:
    """An extended day program's pickup list, a table of two adults per child under
    "Authorized Adult"; its autopay sheet lists a family's children and their numbers in
    one cell each, a semicolon apart ("Olivia Tran; Ben Tran", "304417; 312004")."""
    adults = [
        ["Authorized Adult", "Relationship", "Phone", "Photo ID checked (MA DL #)"],
        ["Tamika Jefferson", "Mother", "(774) 290-5518", "S40271958"],
        ["Denise Hall", "Aunt", "(617) 842-0934", "S88305617"],
    ]
    data = w.docx_bytes(["Pickup authorization - Jefferson, Malik (Gr 2)"], [adults])
    people = set(_sorted_values(_scan(scanner, data, "pickup_list.docx"), "PERSON"))
    assert {"Tamika Jefferson", "Denise Hall"} <= people
    autopay = (
        b"Family Acct,Cardholder Name,Child(ren),Student ID(s),Card Type\n"
        b"EDP-10427,Lauren Tran,Olivia Tran; Ben Tran,304417; 312004,Visa\n"
        b"EDP-10428,Mark Hall,Ava Hall,304418,MC\n"
    )
    reports = _scan(scanner, autopay, "autopay.csv")
    assert {"Olivia Tran", "Ben Tran", "Ava Hall"} <= set(_sorted_values(reports, "PERSON"))
    assert _sorted_values(reports, "STUDENT_ID") == ["304417", "304418", "312004"]


def test_a_reviewer_and_an_adjuster_are_people_a_building_is_not(scanner: Scanner) -> None:
    """A home education log's "Reviewer" and an injury log's claims "Adjuster" name
    people; its "Building" and "Where Event Occurred" name places, though a school may be
    named for a person ("Parker Damon")."""
    plans = (
        b"Student,ID,Grade,Plan Approved,Reviewer\n"
        b"Sofia Castellano,204817,4,08/28/2024,Thomas Ferreira\n"
        b"Hannah Szymanski,199105,8,PENDING,Denise Harrington\n"
    )
    people = set(_sorted_values(_scan(scanner, plans, "home_ed.csv"), "PERSON"))
    assert {"Thomas Ferreira", "Denise Harrington"} <= people
    injuries = (
        b"Case No.,Employee,Building,Where Event Occurred,Adjuster\n"
        b"FY25-001,Maureen Costa,Parker Damon,Parker Damon,Rachel Thibodeau\n"
        b"FY25-002,Dennis Kowalczyk,Blanchard,Gym,Samuel Paquette\n"
    )
    people = set(_sorted_values(_scan(scanner, injuries, "injury_log.csv"), "PERSON"))
    assert {"Rachel Thibodeau", "Samuel Paquette"} <= people
    assert "Parker Damon" not in people


def test_one_claimants_payments_to_her_account_beside_its_routing_number(
    scanner: Scanner, policy: Policy
) -> None:
    """An insurer's payment history of one claimant: the same account in every row is
    hers, with its bank's routing number beside it, no ledger line."""
    history = (
        b"Claim Number,Claimant,Period From,Gross Amount,Bank Routing,Account Number\n"
        b'CMRP-24-08813,"COSTA, MAUREEN",10/04/2024,1224.80,211370545,004471862930\n'
        b'CMRP-24-08813,"COSTA, MAUREEN",10/18/2024,1224.80,211370545,004471862930\n'
        b'CMRP-24-08813,"COSTA, MAUREEN",11/01/2024,1224.80,211370545,004471862930\n'
    )
    reports = _scan(scanner, history, "payment_history.csv")
    assert set(_sorted_values(reports, "US_BANK_NUMBER")) == {"004471862930"}
    assert MGL_93H in classify_reports(policy, reports)


def test_an_exports_keys_that_name_people(scanner: Scanner) -> None:
    """A screening export read as JSON: "caregiver" {"name": ...}, a child's
    "display_name", who "reviewed_by" and who "cleared_by", a ticket's "requester" name,
    though the lists lack "Volkov", "Okonkwo" and "Bellweather"."""
    export = {
        "records": [
            {
                "child": {"display_name": "Noah Kowalski", "district_student_id": "245077"},
                "caregiver": {"name": "Beth Kowalski", "relationship": "Mother"},
                "screening": {"questionnaire": "ASQ-3", "reviewed_by": "Rosa Martinez"},
            },
            {
                "child": {"display_name": "Dmitri Volkov", "date_of_birth": "2022-04-29"},
                "caregiver": {"name": "Irina Volkova", "relationship": "Mother"},
                "screening": {"questionnaire": "ASQ-3", "reviewed_by": "Daniel Okonkwo"},
                "withdrawal": {"cleared_by": "Gary Lindqvist"},
                "requester": {"name": "Marcus Bellweather"},
            },
        ]
    }
    reports = _scan(scanner, json.dumps(export, indent=2).encode(), "asq3_export.json")
    people = set(_sorted_values(reports, "PERSON"))
    assert {
        "Dmitri Volkov", "Irina Volkova", "Daniel Okonkwo", "Gary Lindqvist",
        "Marcus Bellweather",
    } <= people  # fmt: skip


def test_a_parent_joined_to_the_other_by_and_shares_the_familys_name(scanner: Scanner) -> None:
    """ "The parents, Renata Kowalczyk and Piotr Kowalczyk": a given name the lists lack,
    joined to a name of the family; "Jane Smith and Chair Smith" names one person."""
    minutes = (
        "Executive session minutes\n"
        "The parents, Renata Kowalczyk and Piotr Kowalczyk, through their attorney, have "
        "filed a hearing request.\n"
        "Present: Jane Smith and Chair Smith.\n"
    )
    people = set(_sorted_values(_scan(scanner, minutes.encode(), "minutes.txt"), "PERSON"))
    assert {"Renata Kowalczyk", "Piotr Kowalczyk", "Jane Smith"} <= people
    assert "Chair Smith" not in people


def test_a_districts_and_a_programs_names_a_desk_and_a_sample_card_are_no_one(
    scanner: Scanner,
) -> None:
    """ "Charles River Valley Regional School District", "Summer Credit Recovery", a
    records log's requester "Records Desk" and a payment guide's "Name on card: TEST
    CARDHOLDER" name no one."""
    letter = (
        "Charles River Valley Regional School District\n"
        "Quinapoxet Regional HS - Summer Credit Recovery - Algebra I\n"
        "Name on card:     TEST CARDHOLDER\n"
    )
    people = _sorted_values(_scan(scanner, letter.encode(), "letter.txt"), "PERSON")
    assert people == []
    log = (
        b"Req #,Requester,Organization\n"
        b"PRR-2025-004,Records Desk,Transparency Watch MA\n"
        b"PRR-2025-005,Jessica Moreau,Stoneham Independent\n"
        b"PRR-2025-006,Mark Hall,Herald\n"
    )
    people = _sorted_values(_scan(scanner, log, "records_log.csv"), "PERSON")
    assert people == ["Jessica Moreau", "Mark Hall"]


def test_a_childs_third_birthday_and_a_budget_line_posted_to(scanner: Scanner) -> None:
    """Early intervention's "IEP in place by 3rd birthday (06/09/2025)" is the day the
    child turns three, no birth date; a receipt "Posted to: 1000-2420-5420" beside its
    "Business Office" is a budget line, no phone."""
    referral = (
        "EI transition referral - Mateo Ferreira, DOB 06/09/2022\n"
        "Tentative eligibility meeting so that IEP can be in place by 3rd birthday "
        "(06/09/2025).\n"
    )
    reports = _scan(scanner, referral.encode(), "ei_referral.txt")
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["06/09/2022"]
    receipt = (
        "Processed by: Rachel Amherst-Cole, Business Office   "
        "Posted to: 1000-2420-5420 (device repair revenue)\n"
    )
    assert "PHONE_NUMBER" not in _entities(_scan(scanner, receipt.encode(), "receipt.txt"))


def test_a_forms_numbered_students_number(scanner: Scanner) -> None:
    """A tuition card form's "Student 1 ID # (if known)" and "Student 2 ID # (if known)"
    give each child's number."""
    form = [
        ["Student 1 Name", "Gabriel Silva"],
        ["Student 1 Grade (fall)", "7"],
        ["Student 1 ID # (if known)", "276789"],
        ["Student 2 Name", "Lucia Silva"],
        ["Student 2 ID # (if known)", "253543"],
    ]
    data = w.docx_bytes(["Summer Enrichment - card authorization"], [form])
    reports = _scan(scanner, data, "card_authorization.docx")
    assert _sorted_values(reports, "STUDENT_ID") == ["253543", "276789"]


def test_a_licensure_tracker_led_by_its_educators_is_no_student_record(
    scanner: Scanner, policy: Policy
) -> None:
    """An HR licensure tracker: each "Educator" with her licence, its renewal notes
    ("Needs SEI/ELL 15 PDPs", "SPED license test scheduled") and her principal. A table
    led by its staff is about them: no student's record."""
    sheet = (
        b"Educator,Bldg,Assignment,License Type,Field / Level,Expires,Work Email,Notes\n"
        b"Amanda Pelletier,WES,Gr 4,Professional,Elementary (1-6),06/30/2025,"
        b"apelletier@avrsd.org,Needs SEI/ELL 15 PDPs before renewal\n"
        b"Chidinma Okafor,PES,Gr 3,Professional,Elementary (1-6),06/30/2026,"
        b"cokafor@avrsd.org,On leave 2/10 - 4/28\n"
        b"Maria DaSilva,BHS,SPED,Initial,Moderate Disabilities (5-12),06/30/2026,"
        b"mdasilva@avrsd.org,SPED license test scheduled 3/8\n"
    )
    reports = _scan(scanner, sheet, "Educator_Licensure_Tracking.csv")
    assert "Amanda Pelletier" in _sorted_values(reports, "PERSON")
    assert FERPA not in classify_reports(policy, reports)


def test_a_training_pages_made_up_student_is_no_one_to_ner_either(
    scanner: Scanner, policy: Policy
) -> None:
    """A policy page's completed example form, "Student name: Jane Doe Local ID: 000000
    SASID: 0000000000": NER would read the made-up name on into the next label ("Jane
    Doe Local"); the line is no one's, so the page is no record."""
    page = (
        "<html><body><h1>Policy JH - Student Absences and Excuses</h1>"
        "<p>A student is considered chronically absent when missing 10% or more of "
        "enrolled days. The principal will meet with the parent of any student with five "
        "or more unexcused absences; the SST may refer for a 504/IEP review.</p>"
        "<h2>Appendix A - Attendance Referral Form</h2>"
        "<p>Student name: Local ID (6 digits):<br>SASID (10 digits): Date of birth:</p>"
        "<p>Example of a completed form (training sample - fictitious data)<br>"
        "Student name: Jane Doe Local ID: 000000 SASID: 0000000000 DOB: 01/01/2000<br>"
        "Parent: John Doe, phone (000) 000-0000</p></body></html>"
    )
    reports = _scan(scanner, page.encode(), "policy_JH.html")
    assert _sorted_values(reports, "PERSON") == []
    assert FERPA not in classify_reports(policy, reports)


def test_a_testing_rooms_roster_and_its_staff(scanner: Scanner) -> None:
    """An MCAS room roster printed to PDF: "3 Chen, Emily R. 204132 CB-327" is Emily
    Chen (surname first, then her initial), and "Test Administrator:" and "Proctor:"
    label the staff, though the lists lack "Oyelaran"; a "Case Mgr / 504 Coord" column
    names people."""
    lines = [
        "Spring 2025 MCAS - Grade 8 Mathematics - Testing location: Room 207",
        "Test Administrator: Megan Oyelaran     Proctor: Jennifer Lacasse",
        "# Student Local ID Accommodations / Notes Device #",
        "1 Abernathy, Cole 204011 CB-321",
        "3 Chen, Emily R. 204132 CB-327",
        "8 Ivanova, Daria 204301 CB-342",
    ]
    people = set(_sorted_values(_scan(scanner, w.pdf_bytes([lines]), "rosters.pdf"), "PERSON"))
    assert {"Chen, Emily R.", "Megan Oyelaran", "Jennifer Lacasse"} <= people
    assert "Emily R." not in people
    sheet = (
        b"SASID,Local ID,Student,Plan,Case Mgr / 504 Coord\n"
        b'1049382716,204118,"Ferreira, Ana Lucia",IEP,Megan Oyelaran\n'
        b'1038847120,203907,"Okafor, Chidera",504,Paul Trembley\n'
    )
    people = set(_sorted_values(_scan(scanner, sheet, "accommodations.csv"), "PERSON"))
    assert {"Megan Oyelaran", "Paul Trembley"} <= people


def test_attendees_with_their_roles_and_titled_names(scanner: Scanner) -> None:
    """Minutes' "Present:" line of people with their roles in brackets, a letter's
    "Mr. Kevin Oyelaran" and "Mr. Kofi Boateng and Mrs. Efua Boateng", a form's
    "Approved:" and "Recorder:", and a CORI log's "Other/Maiden Names": names the lists
    may lack."""
    minutes = (
        "OOD team minutes\n"
        "Present: Dr. Elaine Marchetti (Director of Student Services), Kristen Oyelaran "
        "(OOD Coordinator), Anne-Marie Gagnon (Nurse), L. Tran (Principal)\n"
        "Recorder: Rosa Delacroix\n"
        "Approved: Paul Szymanski, OOD Coordinator   Date: 09/03/2024\n"
        "Please meet with our adjustment counselor, Mr. Kevin Oyelaran, next week.\n"
        "To: Mr. Kofi Boateng and Mrs. Efua Boateng\n"
    )
    people = set(_sorted_values(_scan(scanner, minutes.encode(), "minutes.txt"), "PERSON"))
    assert {
        "Elaine Marchetti", "Kristen Oyelaran", "Anne-Marie Gagnon", "Rosa Delacroix",
        "Paul Szymanski", "Kevin Oyelaran", "Kofi Boateng", "Efua Boateng",
    } <= people  # fmt: skip
    cori = (
        b"Req Date,Last Name,First Name,Other/Maiden Names,SSN,Position Applied\n"
        b"07/08/2024,Doherty,Kathleen,Kathleen Sheehan,031-58-2246,Paraprofessional\n"
        b"09/03/2024,Brennan,Siobhan,Siobhan Walsh,046-81-7720,School Nurse\n"
    )
    people = set(_sorted_values(_scan(scanner, cori, "cori_log.csv"), "PERSON"))
    assert {"Kathleen Sheehan", "Siobhan Walsh"} <= people


def test_a_munis_budgets_account_codes_are_no_ones_accounts(
    scanner: Scanner, policy: Policy
) -> None:
    """A draft budget's salary lines by "Munis Account | Org | Object": ten-digit ledger
    codes, no bank's accounts, though the header says "Account"."""
    budget = (
        b"Munis Account,Org,Object,Line Description,Bldg,FTE FY26,FY26 Amount\n"
        b"0123105110,01231051,51110,Classroom Teachers - Gr K-5,DAV,49,4188550\n"
        b"0123105120,01231051,51120,Classroom Teachers - Gr 6-8,CMS,31.5,2861040\n"
        b"0124105130,01241051,51130,Special Education Teachers,ALL,22,1995200\n"
    )
    reports = _scan(scanner, budget, "FY26_budget.csv")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_meeting_agendas_first_reading_and_its_accommodation_notice(
    scanner: Scanner, policy: Policy
) -> None:
    """A school committee's agenda names its members and speaks of a policy's "First
    Reading", "aggregate MCAS results" and the notice that "Persons requiring
    accommodation should contact" the office: no student's record."""
    agenda = (
        "REGIONAL SCHOOL COMMITTEE - REGULAR MEETING\n"
        "6. Superintendent's Report - Mid-year MCAS aggregate benchmark update\n"
        "8. Policy Subcommittee: First Reading - Policy JICH; Policy IHBAC (Gifted)\n"
        "Committee Members\n"
        "- Margaret Sullivan, Chair (Holden)\n"
        "- Kevin Tran, Vice Chair (Rutland)\n"
        "- Rebecca Aldama (Holden)\n"
        "Persons requiring accommodation should contact the Superintendent's Office.\n"
    )
    reports = _scan(scanner, agenda.encode(), "agenda.txt")
    assert FERPA not in classify_reports(policy, reports)


def test_names_with_a_particle_credentials_and_a_numbered_parent(scanner: Scanner) -> None:
    """New England's surnames with their particle run in ("Robert DiNapoli", "Gregory
    LaFlamme"), a nurse with her credentials and role in a "Nurse" column, a medication
    log's "Delivered By", an alumni request's "Name at Graduation" and a scholarship
    form's "Parent/Guardian 1:" name people; "Hollis Brook Education Foundation",
    "Paxton Lions Club" and "Eversource Energy" do not."""
    text = (
        "Transportation Coordinator approval: Robert DiNapoli        Date: 10/03/2024\n"
        "Please call Gregory LaFlamme about the route.\n"
        "Parent/Guardian 1: Chinedu Okafor (father) - Bus driver, WRTA\n"
        "Hollis Brook Education Foundation\n"
        "Acceptance of Gifts: Rutland PTO, Paxton Lions Club (library books)\n"
    )
    people = set(_sorted_values(_scan(scanner, text.encode(), "notes.txt"), "PERSON"))
    assert {"Robert DiNapoli", "Gregory LaFlamme", "Chinedu Okafor"} <= people
    assert not {"Hollis Brook", "Paxton Lions"} & people
    tables = {
        "nurses.csv": (
            b"School,Nurse,Health Office\n"
            b'Health Services Office,"Janet Morrissey, MSN, RN (Director)",(508) 234-8156\n'
            b'Whitin ES,"Karen Lopes, BSN, RN",(508) 234-8157\n'
        ),
        "med_receipts.csv": (
            b"Student Name,Student #,Medication,Delivered By,Relationship\n"
            b"Ethan Pereira,207331,Methylphenidate ER 27 mg,Sandra Pereira,Mother\n"
            b"Sophia Nguyen,205918,Adderall XR 10 mg,Thanh Nguyen,Father\n"
        ),
        "alumni.csv": (
            b"Date Rec'd,Name (now),Name at Graduation,Grad Yr\n"
            b"09/29/2025,Jessica Harrington,Jessica Pelletier,2014\n"
            b"09/30/2025,Mark Hall,Mark Hall,2010\n"
        ),
        "check_register.csv": (
            b"Check No,Payee,Amount\n048813,Eversource Energy,14390.22\n"
            b"048814,National Grid,220.10\n"
        ),
    }
    found = {
        name: set(_sorted_values(_scan(scanner, data, name), "PERSON"))
        for name, data in tables.items()
    }
    assert {"Janet Morrissey", "Karen Lopes"} <= found["nurses.csv"]
    assert {"Sandra Pereira", "Thanh Nguyen"} <= found["med_receipts.csv"]
    assert "Jessica Pelletier" in found["alumni.csv"]
    assert "Eversource Energy" not in found["check_register.csv"]


def test_a_stipend_uploads_direct_deposit_accounts_beside_its_budget_codes(
    scanner: Scanner, policy: Policy
) -> None:
    """A payroll upload of coaches' stipends, each with a "Budget Code" and the coach's
    "DD Routing" and "DD Account": a budget's words do not make the employees' accounts
    ledger lines."""
    upload = (
        b"Emp ID,Employee Name,Stipend Position,Gross Amount,DD Routing,DD Account,"
        b"Budget Code\n"
        b"E10482,Thomas Gallagher,Head Coach,4212.00,211370257,5502218874,1000-3510-5120-60\n"
        b"E11037,Priya Raman,Math Team Advisor,1850.00,011000138,004417728391,"
        b"1000-3520-5120-60\n"
    )
    reports = _scan(scanner, upload, "Stipends_PayrollUpload.csv")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["004417728391", "5502218874"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_printed_screening_tables_rows_go_on_past_a_notes_colon(scanner: Scanner) -> None:
    """A kindergarten screening's results printed to PDF, "Student Local ID DOB ...":
    a row whose note says "Potential delay: Language" is a row still, not a form's field
    that ends the table, so the rows after it give their numbers and birth dates too."""
    lines = [
        "Balmer Elementary School - Kindergarten Screening Results (DIAL-4)",
        "Student Local ID DOB Motor Concepts Language Total SS Result / Recommendation",
        "Sofia Marchetti 291410 03/14/2020 104 98 101 102 Typical - no concerns",
        "Ava Kowalczyk 281118 07/29/2020 92 95 78 86 Potential delay: Language - refer SLP",
        "Chloe Tran 238860 09/01/2020 81 96 99 91 Vision rescreen 6/3",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "K_screening.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["238860", "281118", "291410"]
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["03/14/2020", "07/29/2020", "09/01/2020"]


def test_an_archives_local_numbers_and_a_fundraisers_sellers(scanner: Scanner) -> None:
    """A records archive's box list numbers each student under "Local #"; a fundraiser's
    order sheet names each "Student Seller"."""
    boxes = (
        b"Box,Student,Local #,SASID,Grad Yr\n"
        b'2298,"Abernathy, Connor",101884,1061830247,2016\n'
        b'2298,"Almeida, Rafaela",101902,1037261894,2016\n'
    )
    numbers = _sorted_values(_scan(scanner, boxes, "box_list.csv"), "STUDENT_ID")
    assert {"101884", "101902"} <= set(numbers)
    orders = (
        b"Order Form #,Student Seller,Homeroom,Customer Name\n"
        b"0412,Declan Fitzgerald,Rm 204,Margaret Fitzgerald\n"
        b"0418,Ada Okafor,Rm 118,Ngozi Eze\n"
    )
    people = set(_sorted_values(_scan(scanner, orders, "orders.csv"), "PERSON"))
    assert {"Declan Fitzgerald", "Ada Okafor"} <= people


def test_sif_and_oneroster_exports_give_the_states_number(scanner: Scanner) -> None:
    """SIF's StudentPersonal gives the state's number as "StateProvinceId"; a OneRoster
    users.csv gives it inside its "userIds" cell, labelled: "{SASID:1058834072}"."""
    sif = (
        b"<StudentPersonals>"
        b"<StudentPersonal RefId='A3F0'><LocalId>418203</LocalId>"
        b"<StateProvinceId>1048392617</StateProvinceId>"
        b"<Name><LastName>Morales</LastName><FirstName>Ava</FirstName></Name>"
        b"<GradeLevel>06</GradeLevel></StudentPersonal>"
        b"<StudentPersonal RefId='A3F1'><LocalId>418377</LocalId>"
        b"<StateProvinceId>1051726348</StateProvinceId>"
        b"<Name><LastName>Rivera</LastName><FirstName>Mateo</FirstName></Name>"
        b"<GradeLevel>05</GradeLevel></StudentPersonal>"
        b"</StudentPersonals>"
    )
    numbers = set(_sorted_values(_scan(scanner, sif, "sif_response.xml"), "STUDENT_ID"))
    assert {"1048392617", "1051726348"} <= numbers
    users = (
        b"sourcedId,role,userIds,givenName,familyName,identifier\n"
        b"stu-52a1,student,{SASID:1058834072},Jonah,Malik,226514\n"
        b"stu-52a2,student,{SASID:1061190348},Ava,Costa,226515\n"
    )
    numbers = set(_sorted_values(_scan(scanner, users, "users.csv"), "STUDENT_ID"))
    assert {"1058834072", "1061190348"} <= numbers


def test_a_scanning_vendors_field_per_row_export_is_read_as_its_forms(
    scanner: Scanner, policy: Policy
) -> None:
    """A scanning vendor's OCR export, one form field to a row ("FieldLabel | OCR_Value"):
    each value is read with its label, as on the paper: a W-4's SSN, an enrollment form's
    SASID and the child's birth date."""
    export = (
        b"BatchID,DocID,FormType,FieldLabel,OCR_Value,Conf\n"
        b"MLD-02,D0001,W4-2024,Step1a First name and middle initial,Renee A,97\n"
        b"MLD-02,D0001,W4-2024,Step1a Last name,Okafor,98\n"
        b"MLD-02,D0001,W4-2024,Step1b Social security number,084 71 2290,91\n"
        b"MLD-02,D0002,K-ENROLL,Student legal name,Ana Beatriz Ferreira,94\n"
        b"MLD-02,D0002,K-ENROLL,SASID,1052287413,96\n"
        b"MLD-02,D0002,K-ENROLL,Date of birth,05/27/2019,95\n"
    )
    reports = _scan(scanner, export, "batch_fields.csv")
    assert _sorted_values(reports, "US_SSN") == ["084 71 2290"]
    assert _sorted_values(reports, "STUDENT_ID") == ["1052287413"]
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["05/27/2019"]
    assert {MGL_93H, FERPA} <= set(classify_reports(policy, reports))


def test_a_small_cell_suppressed_summary_is_no_ones_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A counseling department's annual summary for the School Committee: "All figures
    are aggregate counts. Cells with fewer than 6 students are suppressed" per small-cell
    guidance; its referrals and counseling are no one's record, whatever NER makes of
    "Serving Belchertown"."""
    lines = [
        "Quabbin Hills Regional School District",
        "School Counseling & Crisis Response - Annual Data Summary, SY 2023-24",
        "Presented to the School Committee, September 17, 2024. All figures are aggregate "
        "counts. Cells with fewer than 6 students are",
        "suppressed (*) in accordance with DESE small-cell reporting guidance.",
        "Table 1. Suicide risk assessments completed, by level",
        "School Enrollment Low Moderate High Total ED referral",
        "QHR Middle (Gr 6-8) 702 29 14 6 49 6",
        "Table 2. Counseling referrals by primary reason (Gr 6-12)",
        "Reason 2021-22 2022-23 2023-24 Change",
        "Anxiety / stress 214 236 251 +6.4%",
        "Table 3. Tier 2 group counseling",
        "Group Sessions Participants Pre/post SDQ improved",
        "Changing Families (MS) 16 14 71%",
        "Staffing: 6.0 FTE school counselors, 3.0 FTE school adjustment counselors.",
        "Serving Belchertown (01007), Ware (01082) and Palmer (01069). Questions: Office of "
        "Student Services, (413) 323-0470.",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "counseling_summary.pdf")
    assert FERPA not in classify_reports(policy, reports)


def test_a_form_of_three_fields_to_a_row(scanner: Scanner) -> None:
    """A CORI request laid out three fields to a row, "Last Name | Ramos | First Name |
    Hector | MI | L", then "Date of Birth | 03/14/1981 | Sex | M | Height | 5-10": its
    labels are labels, not people ("Sex", "State"), and its birth date is one."""
    form = [
        ["Last Name", "Ramos", "First Name", "Hector", "MI", "L"],
        ["Date of Birth", "03/14/1981", "Sex", "M", "Height", "5-10"],
        ["Driver's License #", "S41872093", "State", "MA", "Mother's maiden name", "Arruda"],
    ]
    reports = _scan(scanner, w.docx_bytes(["CORI Request Form"], [form]), "cori.docx")
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["03/14/1981"]
    assert not {"Sex", "State"} & set(_sorted_values(reports, "PERSON"))


def test_a_teachers_contact_log_a_dismissal_export_and_a_nurses_typed_log(
    scanner: Scanner, policy: Policy
) -> None:
    """A teacher's parent contact log, its "Notes / follow-up" of absences, an IEP
    progress report and an allergy plan, and a "(grandmother/guardian)"; a dismissal
    export's "AuthPickup1"; a nurse's typed log, "Caleb Marchetti (7/ 204)  ID 318820"
    in its student column."""
    contacts = (
        b"Date,Student,Parent/Guardian,Method,Notes / follow-up\n"
        b"9/26/24,Lily Szymanski,Tomasz Szymanski (dad),Email,"
        b"Lily absent 4 days (family trip). Sent make-up packet.\n"
        b"10/17/24,Amelia Rossi,Donna Rossi (grandmother/guardian),Letter,"
        b"Mailed IEP progress report + invite to annual review 11/7.\n"
    )
    reports = _scan(scanner, contacts, "contact_log.csv")
    assert "Donna Rossi" in _sorted_values(reports, "PERSON")
    assert FERPA in classify_reports(policy, reports)
    dismissal = (
        b"StudentNumber,StudentName,Grade,AuthPickup1,AuthPickup1Phone\n"
        b'304518,"Bellweather, Amara",4,Janine Bellweather,(508) 845-2917\n'
        b'304522,"Castellano, Owen",4,Rosa Castellano,(774) 312-0486\n'
    )
    people = set(_sorted_values(_scan(scanner, dismissal, "dismissal.csv"), "PERSON"))
    assert {"Janine Bellweather", "Rosa Castellano"} <= people
    log = (
        "Daily Visit Log      Wed 11/06/2024\n"
        "time  | student (gr/hr)                 | c/o                | action / dispo\n"
        "07:52 | Caleb Marchetti (7/ 204)  ID 318820 | headache         | crackers, RTC 8:10\n"
        "08:15 | Amara Okafor (6/ 112)     ID 320457 | scheduled med    | Focalin given, RTC\n"
    )
    reports = _scan(scanner, log.encode(), "nurse_log.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["318820", "320457"]
    assert FERPA in classify_reports(policy, reports)


def test_a_bus_parts_supplier_is_no_one(scanner: Scanner) -> None:
    """A vendor invoice's "Commonwealth Bus Parts" names a company."""
    invoice = "INVOICE\nCommonwealth Bus Parts\n12 Industrial Dr, Worcester, MA\n"
    people = _sorted_values(_scan(scanner, invoice.encode(), "invoice.txt"), "PERSON")
    assert "Commonwealth Bus Parts" not in people


def test_ed_fi_exports_give_the_students_number_and_name(scanner: Scanner, policy: Policy) -> None:
    """Ed-Fi names a student's number "studentUniqueId" and his surname "lastSurname":
    in a list (a table) and in one resource (key: value lines) both."""
    students = (
        b'[{"studentUniqueId": "604512", "firstName": "Mara", "lastSurname": "Quintero",'
        b' "birthDate": "2011-04-09"},'
        b' {"studentUniqueId": "604513", "firstName": "Devon", "lastSurname": "Akins",'
        b' "birthDate": "2010-11-21"}]'
    )
    reports = _scan(scanner, students, "students.json")
    assert _sorted_values(reports, "STUDENT_ID") == ["604512", "604513"]
    assert FERPA in classify_reports(policy, reports)
    one = (
        b'{"data": {"student": {"studentUniqueId": "604512", "firstName": "Mara",'
        b' "lastSurname": "Quintero", "birthDate": "2011-04-09"}}}'
    )
    reports = _scan(scanner, one, "student.json")
    assert _sorted_values(reports, "STUDENT_ID") == ["604512"]
    assert _sorted_values(reports, "PERSON") == ["Mara Quintero"]


def test_a_gradebooks_rows_of_points_and_averages_are_no_one(scanner: Scanner) -> None:
    """Google Classroom's export heads its assignments with a "Points" row and ends with
    "Average" under "Last Name"; Canvas's second row is "Points Possible" under "Student".
    A student named Points is still a person."""
    classroom = [
        ["Last Name", "First Name", "Email Address", "Lab: Density", "Unit 1 Test"],
        ["Points", "", "", "20", "100"],
        ["Thomas", "Gina", "gthomas29@students.example.org", "18", "91"],
        ["Average", "", "", "17.5", "89.5"],
    ]
    people = _sorted_values(
        _scan(scanner, w.xlsx_bytes({"Grades": classroom}), "grades.xlsx"), "PERSON"
    )
    assert people == ["Gina Thomas"]
    canvas = (
        b"Student,ID,SIS User ID,Section,Unit 1 Test (40112),Current Score\n"
        b"Points Possible,,,,100,\n"
        b'"Martin, Jacob",15576,299850,English 11 CP - P4,73,73.56\n'
        b'"Points, Zak",15577,299851,English 11 CP - P4,88,88.00\n'
    )
    people = _sorted_values(_scan(scanner, canvas, "canvas.csv"), "PERSON")
    assert people == ["Martin, Jacob", "Points, Zak"]


def test_a_purchasing_card_logs_approver_is_a_person(scanner: Scanner) -> None:
    """A p-card log's "Approver" column names the approving administrator; a bank named
    "Bank of America ..." in a summary is no "America ..." of the lists."""
    sheets = {
        "Cardholders": [
            ["Cardholder", "Department", "Card Number", "Approver"],
            ["Brian Kelleher", "Athletics", "4485 0040 3303 3893", "Raymond Vu"],
        ],
        "Summary": [["Item", "Value"], ["Bank", "Bank of America Works - contract PRF77"]],
    }
    people = _sorted_values(_scan(scanner, w.xlsx_bytes(sheets), "pcard.xlsx"), "PERSON")
    assert people == ["Brian Kelleher", "Raymond Vu"]


def test_places_crews_and_companies_named_like_people_are_no_one(scanner: Scanner) -> None:
    """ "The Clinton Station Grille" (an employer), a job's "Facilities Summer Crew", a
    landlord "Waverly Commons LLC", "Hollis Brook RSD Central Office": the lists hold
    each pair of words as a given name and a surname."""
    placements = (
        b"Student,Employer,Position,Supervisor\n"
        b"Owen Letourneau,The Clinton Station Grille,Student Worker - Facilities Summer Crew,"
        b"Doreen Kasprzak\n"
    )
    people = _sorted_values(_scan(scanner, placements, "placements.csv"), "PERSON")
    assert people == ["Doreen Kasprzak", "Owen Letourneau"]
    lease = (
        b"Lease summary for residency verification\n"
        b"Tenant: Gianna Marchetti\n"
        b"Landlord: Waverly Commons LLC   Term: 07/01/2024 - 06/30/2025\n"
        b"Office: Hollis Brook RSD Central Office\n"
    )
    assert _sorted_values(_scan(scanner, lease, "lease.txt"), "PERSON") == ["Gianna Marchetti"]


def test_a_printed_tables_rows_end_at_a_lists_heading(scanner: Scanner) -> None:
    """A screening report's table of names, numbers and birth dates, then "Referrals
    (letter sent home 10/25/2024):" over a list: that date is no one's birth date."""
    pages = [
        [
            "Vision & Hearing Screening Results - Grade 3 - Fall 2024",
            "Student Stu # DOB Gr Teacher Result",
            "Jacob Lemieux 261745 02/06/2015 3 Ahern Pass",
            "Lucas Bianchi 336140 02/14/2015 3 Ahern Refer - vision",
            "Referrals (parent letter + MDPH referral form sent home 10/25/2024):",
            " - Lucas Bianchi: Refer - vision.",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "screening.pdf")
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["02/06/2015", "02/14/2015"]


def test_an_immunization_records_birth_dose_is_no_birth_date(scanner: Scanner) -> None:
    """ "Hepatitis B birth 06/14/2012": the dose given at birth, in a table of doses under
    the student's labelled birth date."""
    record = (
        b"Student: Camila Rojas\n"
        b"Date of Birth: 02/17/2012\n"
        b"Vaccine Dose 1 Dose 2 Dose 3\n"
        b"DTaP 06/14/2012 08/20/2012 10/22/2012\n"
        b"Hepatitis B birth 06/14/2012 10/22/2012\n"
        b"Hep B (birth dose) 06/14/2012\n"
    )
    assert _sorted_values(_scan(scanner, record, "imm.txt"), "DATE_OF_BIRTH") == ["02/17/2012"]


def test_a_forms_two_parties_columns_are_two_people(scanner: Scanner) -> None:
    """A registration form's table "| Parent/Guardian 1 | Parent/Guardian 2": the row
    "Name | Ngozi Okafor | Emeka Okafor" is two people, not one "Ngozi Okafor Emeka"."""
    table = [
        ["", "Parent/Guardian 1", "Parent/Guardian 2"],
        ["Name", "Ngozi Okafor", "Emeka Okafor"],
        ["Relationship", "Mother", "Father"],
        ["Cell Phone", "(508) 872-4419", "774-239-6610"],
    ]
    reports = _scan(scanner, w.docx_bytes(["Section B - Parent / Guardian"], [table]), "reg.docx")
    people = _sorted_values(reports, "PERSON")
    assert "Ngozi Okafor" in people
    assert not any("Emeka" in person and "Ngozi" in person for person in people)


def test_a_new_hampshire_licence_in_a_licence_column(scanner: Scanner) -> None:
    """New Hampshire's licence is three letters and eight digits: "NHL09871234"."""
    log = (
        b"req_id\tapplicant_name\tlic_state\tlic_number\n"
        b"CR-25-0106\tJacqueline Proulx\tNH\tNHL09871234\n"
        b"CR-25-0107\tMarc Desrosiers\tMA\tS48109327\n"
    )
    reports = _scan(scanner, log, "cori_log.tsv")
    assert _sorted_values(reports, "US_DRIVER_LICENSE") == ["NHL09871234", "S48109327"]


def test_a_role_before_a_surname_is_no_ones_full_name(scanner: Scanner) -> None:
    """ "Dear Coach Sullivan," and "Requester: Nurse Leader" name a role, not a person."""
    letter = (
        b"Dear Coach Sullivan,\n"
        b"Welcome aboard. Requester: Nurse Leader (signature on file)\n"
        b"Student: Maria Sullivan\n"
    )
    assert _sorted_values(_scan(scanner, letter, "welcome.txt"), "PERSON") == ["Maria Sullivan"]


def test_a_word_in_a_labels_own_note_is_no_label(scanner: Scanner) -> None:
    """ "Student SASID (retyped by office): 1057724913": the note's "office" says no
    office phone; the number is the SASID."""
    form = (
        b"REQUEST FOR TRANSFER OF STUDENT RECORDS\n"
        b"Student Legal Name: Aiden Castellano\n"
        b"Student SASID (retyped by office): 1057724913\n"
    )
    reports = _scan(scanner, form, "transfer.txt")
    assert _sorted_values(reports, "STUDENT_ID") == ["1057724913"]
    assert _sorted_values(reports, "PHONE_NUMBER") == []


def test_an_account_holders_own_line_says_whose_account_it_is(scanner: Scanner) -> None:
    """A residency worksheet's lease names its landlord, "Waverly Commons LLC", lines above
    the bank statement's "Account holder: Gianna Marchetti   Account number: ...": the
    account is hers, not the company's."""
    worksheet = (
        b"Residency Verification Worksheet\n"
        b"Student: Luca Marchetti        DOB: 11/02/2019        Grade: K\n"
        b"PROOF 2 - Lease (Category A)\n"
        b" Landlord: Waverly Commons LLC   Term: 07/01/2024 - 06/30/2025\n"
        b" Signed by tenant(s): Gianna Marchetti, Marco Marchetti\n"
        b"PROOF 4 - Bank statement (Category B) - Eastern Bank checking statement\n"
        b" Account holder: Gianna Marchetti   Account number: 009377124458"
        b"   Routing (ABA): 211370545\n"
    )
    reports = _scan(scanner, worksheet, "residency.txt")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["009377124458"]


def test_a_blank_forms_line_of_fields_heads_no_printed_table(scanner: Scanner) -> None:
    """ "Local Student ID: ______ SASID: ______" is a blank form's line, not the header of
    a table printed as text: the print shop's "job #24-3318" under it is no student's."""
    form = (
        b"Office Use Only\n"
        b"Local Student ID: ______ SASID: __________ Received by: ________ Date: ________\n"
        b"Form REG-01 rev. 07/2024 - Printed by Print Shop job #24-3318\n"
    )
    assert _sorted_values(_scan(scanner, form, "reg_blank.txt"), "STUDENT_ID") == []


def test_a_mailbox_column_cell_with_another_number_reads_each(scanner: Scanner) -> None:
    """A court form's "Email / ID" cell of "crystal...@gmail.com; MA license S48203917":
    the mailbox is one value and the licence another, not one e-mail address."""
    table = (
        b"Name,Relationship,Phone,Email / ID\n"
        b'Crystal Medeiros,Mother,(774) 365-2208,"crystal.medeiros82@gmail.com; MA license'
        b' S48203917"\n'
        b"Ana Ruiz,Aunt,508-884-3128,Ana Ruiz <aruiz@gmail.com>\n"
    )
    reports = _scan(scanner, table, "parents.csv")
    assert "crystal.medeiros82@gmail.com" in _sorted_values(reports, "EMAIL_ADDRESS")
    assert _sorted_values(reports, "US_DRIVER_LICENSE") == ["S48203917"]


def test_a_reason_given_column_is_no_ones_name(scanner: Scanner) -> None:
    """A tardy log's "Reason given" ("locker", "said bus") is no "Given" name column."""
    log = (
        b"Date,Student,Min late,Reason given,Action\n"
        b"09/12/2023,Tyler Bouchard,4,locker,warning\n"
        b"09/19/2023,Derek Lacroix,10,said bus,warning\n"
    )
    people = _sorted_values(_scan(scanner, log, "tardies.csv"), "PERSON")
    assert people == ["Derek Lacroix", "Tyler Bouchard"]


def test_an_invoices_remit_to_bank_is_the_vendors(scanner: Scanner, policy: Policy) -> None:
    """A payroll vendor's invoice, its bank under the totals and "Include invoice number on
    remittance" after it: the vendor's account, no one's personal information."""
    invoice = (
        b"<Invoice><Number>INV-2024-033187</Number><PurchaseOrder>PO 24-001652</PurchaseOrder>"
        b"<Vendor><Name>Harbor Payroll Systems, Inc.</Name><VendorNo>002871</VendorNo>"
        b"<FEIN>04-3521876</FEIN><Address>1 Cranberry Hill, Suite 300, Lexington, MA 02421"
        b"</Address><Phone>781-861-4400</Phone><Email>ar@harborpayroll.com</Email></Vendor>"
        b"<BillTo><Name>Millbrook Public Schools - Business Office</Name>"
        b"<Address>120 Central Street, Hudson, MA 01749</Address></BillTo>"
        b"<Subtotal>3495.70</Subtotal><Tax>0.00</Tax><Total>3495.70</Total><Terms>Net 30</Terms>"
        b"<BudgetCode>1000.1410.5380.00</BudgetCode><Remit><Bank>Eastern Bank</Bank>"
        b"<ABA>011301798</ABA><Account>8890044217</Account>"
        b"<Reference>Include invoice number on remittance</Reference></Remit></Invoice>"
    )
    reports = _scan(scanner, invoice, "invoice.xml")
    assert _sorted_values(reports, "US_BANK_NUMBER") == []
    assert MGL_93H not in classify_reports(policy, reports)
    found = scanner.scan_text("Purchase Order: PO 24-001652\nName: Harbor Payroll Systems, Inc.")
    assert all(f.value != "Purchase Order" for f in found)


def test_a_licence_trackers_expiry_dates_are_no_licences(scanner: Scanner) -> None:
    """A bus drivers' tracker: "MA License #" holds the licence, "CDL Exp" its expiry."""
    tracker = (
        b"Emp #,Driver Name,MA License #,CDL Class,CDL Exp,DOT Med Card Exp\n"
        b"E10233,Denise Whitcomb,S48203917,B,2027-07-22,2025-03-14\n"
        b"E10418,Raymond Costa,S19375502,B,2026-11-03,2025-01-29\n"
    )
    licences = _sorted_values(_scan(scanner, tracker, "cdl.csv"), "US_DRIVER_LICENSE")
    assert licences == ["S19375502", "S48203917"]


def test_a_routing_and_account_pair_in_one_cell(scanner: Scanner) -> None:
    """An incident report's "Original routing / account" column of "011399975 /
    6204418837": a routing number and an account, each for what it is."""
    table = [
        ["Employee", "Emp #", "Original routing / account", "Changed-to routing / account"],
        ["Colleen Mahoney", "E-10442", "011399975 / 6204418837", "124058381 / 9870012233415"],
        ["Hannah Zielinski", "E-12874", "011074724 / 3351 2076 14", "073006785 / 412877630090"],
    ]
    reports = _scan(scanner, w.docx_bytes(["Affected employees"], [table]), "incident.docx")
    assert _sorted_values(reports, "ABA_ROUTING_NUMBER") == [
        "011074724",
        "011399975",
        "073006785",
        "124058381",
    ]
    assert _sorted_values(reports, "US_BANK_NUMBER") == [
        "3351 2076 14",
        "412877630090",
        "6204418837",
        "9870012233415",
    ]


def test_a_college_platforms_export_gives_numbers_and_counselors(scanner: Scanner) -> None:
    """SCOIR's "studentExternalId" is the district's number of its student, and its
    "counselor: Oyelaran, Devin" a person, surname first."""
    export = (
        b'{"exportType": "ApplicationsByStudent", "students": ['
        b'{"studentExternalId": "223682", "firstName": "Priya", "lastName": "Raghunathan",'
        b' "counselor": "Oyelaran, Devin", "gpaWeighted": 3.13}]}'
    )
    reports = _scan(scanner, export, "scoir.json")
    assert _sorted_values(reports, "STUDENT_ID") == ["223682"]
    assert "Oyelaran, Devin" in _sorted_values(reports, "PERSON")
    ticket = b"Regenerated badge for student 305522, emailed PDF to the classroom teacher.\n"
    assert _sorted_values(_scan(scanner, ticket, "ticket.txt"), "STUDENT_ID") == ["305522"]


def test_a_documents_own_name_for_a_place_is_no_person(scanner: Scanner) -> None:
    """A letter headed "Hollis Brook Regional High School" says "arrived at Hollis Brook
    as a ninth grader": the school, though the lists hold Hollis and Brook as a given
    name and a surname; "Hollis Brook Stadium" and "Hudson Fire" are places too."""
    letter = (
        b"Hollis Brook Regional High School\n"
        b"It is my pleasure to recommend Tomas Kowalczyk, a senior I have counseled since he"
        b" arrived at Hollis Brook as a ninth grader. Commencement is at Hollis Brook Stadium."
        b" Hudson Fire\nDepartment responded.\n"
    )
    people = [f.value for f in scanner.scan_text(letter.decode()) if f.entity == "PERSON"]
    assert "Tomas Kowalczyk" in people
    assert not any(p.startswith(("Hollis", "Hudson")) for p in people)


def test_a_label_and_its_verb_wrapped_above_the_number(scanner: Scanner) -> None:
    """ "the routing number is<line break>211374114 and the account ends in 3976": the
    sentence wraps after its verb; the number is the routing number, not an account."""
    mail = (
        b"I put our credit union info on it for direct deposit - the routing number is\n"
        b"211374114 and the account ends in 3976 if you need to double check anything.\n"
    )
    reports = _scan(scanner, mail, "mail.txt")
    assert _sorted_values(reports, "ABA_ROUTING_NUMBER") == ["211374114"]
    assert _sorted_values(reports, "US_BANK_NUMBER") == []


def test_a_superintendents_evaluation_is_no_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A committee's slides of the superintendent's evaluation under 603 CMR 35, with its
    goals' MCAS figures and the members' names: an educator's evaluation, no student's."""
    slides = [
        (
            "Superintendent's Annual Evaluation - 2023-2024",
            ["Dr. Marcus Whitfield, Superintendent", "Process (603 CMR 35.00 / DESE Model System)"],
            [
                ["Standard", "Doherty", "Okafor", "Composite"],
                ["I. Instructional Leadership", "P", "E", "Proficient"],
            ],
            None,
        ),
        (
            "Goal Progress",
            [
                "Student learning goal: Grade 3 ELA MCAS meeting/exceeding 41% -> 47% - MET",
                "Overall summative rating: PROFICIENT (4 of 5 members)",
                "Recommendations: strengthen middle school math outcomes",
                "Questions: Katherine Doherty, Chair - kdoherty@qrsd.org",
            ],
            None,
            None,
        ),
    ]
    reports = _scan(scanner, w.pptx_bytes(slides), "supt_eval.pptx")
    assert FERPA not in classify_reports(policy, reports)


def test_a_blank_web_forms_empty_inputs_read_as_blanks(scanner: Scanner, policy: Policy) -> None:
    """A complaint form saved as HTML, its inputs empty and its Title IX coordinator named
    at its foot: a blank form ("Name: ______"), as its paper twin is, no student's record."""
    page = (
        b"<html><body><h1>Discrimination, Harassment &amp; Title IX Complaint Form</h1>"
        b"<p>Any student, parent/guardian or employee may use this form to report conduct,"
        b" including disability harassment. Support services are available.</p>"
        b"<p><label for='n'>Name:</label><input id='n' type='text'></p>"
        b"<p><label for='s'>Student ID (if student):</label><input id='s' type='text'></p>"
        b"<p><label for='d'>Date of incident:</label><input id='d' type='date'></p>"
        b"<p><input type='submit' value='Send'></p>"
        b"<p>District Title IX Coordinator: Kristin Lindqvist, Director of Student Services.</p>"
        b"</body></html>"
    )
    reports = _scan(scanner, page, "complaint_form.html")
    assert FERPA not in classify_reports(policy, reports)


def test_an_agencys_provider_number_is_no_ssn(scanner: Scanner, policy: Policy) -> None:
    """A nursing agency's invoice head: "Federal Tax ID 04-3318872   MassHealth Provider
    ID 110094573A" is the agency's billing number, no one's SSN."""
    head = (
        b"Bay State Pediatric Nursing Services, LLC\n"
        b"Federal Tax ID 04-3318872   MassHealth Provider ID 110094573A\n"
        b"Billing questions: Rachel Gagnon, Billing Manager\n"
    )
    reports = _scan(scanner, head, "invoice.txt")
    assert _sorted_values(reports, "US_SSN") == []
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_checks_micr_line_gives_its_routing_and_account(scanner: Scanner) -> None:
    """A treasurer's note of a buyer's check, "MICR 211603791 / 3566844742"; a
    requisition "Approved: Business Manager" names a title, not a person."""
    note = (
        b"Buyer: Douglas Compton, check #2231.\n"
        b"Treasurer note: MICR 211603791 / 3566844742 - deposited 11/12 w/ batch 15\n"
        b"Requisition: RQ-25-01932     Approved: Business Manager (e-sig)  10/29/2024\n"
    )
    reports = _scan(scanner, note, "orders.txt")
    assert _sorted_values(reports, "ABA_ROUTING_NUMBER") == ["211603791"]
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["3566844742"]
    assert "Business Manager" not in _sorted_values(reports, "PERSON")


def test_a_contact_column_of_numbers_and_mailboxes(scanner: Scanner) -> None:
    """A meeting's "Name | Role | Contact" table: the contact is a mailbox, a phone
    number or "in person", each for what it is, none a name."""
    table = (
        b"Name,Role,Contact\n"
        b"Kathleen Moriarty,Homeless Liaison,kmoriarty@bpsma.org\n"
        b"Crystal Brennan,Parent - by phone,508-941-2270\n"
        b'Michael Tran,"School counselor, BHS",in person\n'
    )
    reports = _scan(scanner, table, "bid_team.csv")
    assert _sorted_values(reports, "EMAIL_ADDRESS") == ["kmoriarty@bpsma.org"]
    assert _sorted_values(reports, "PHONE_NUMBER") == ["508-941-2270"]
    people = _sorted_values(reports, "PERSON")
    assert people == ["Crystal Brennan", "Kathleen Moriarty", "Michael Tran"]


def test_a_grant_programs_participant_id_is_the_students_number(scanner: Scanner) -> None:
    """A 21st CCLC attendance export keys its students by "Participant ID", beside their
    names, grades and birth dates."""
    export = (
        b"Site,Participant ID,Participant Name,Grade,Birth Date,Activity,Guardian Name\n"
        b"Riverside 21st CCLC,220145,Mateo Castillo,5,2014-02-14,STEM Club,Rosa Castillo\n"
        b"Riverside 21st CCLC,208733,Jayden Whitfield,4,2014-09-30,Literacy Lab,Tamara Whitfield\n"
        b"Riverside 21st CCLC,213590,Lily Phan,3,2016-05-07,Homework Help,Hung Phan\n"
    )
    reports = _scan(scanner, export, "cclc.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["208733", "213590", "220145"]


def test_a_disclosure_logs_requesters_and_releasers(scanner: Scanner) -> None:
    """A FERPA record of disclosures: "Atty. Robert Keough (father's counsel)" and "Mr.
    Paul Dunn" are people; "Massachusetts DESE - PRS" and "Essex County Juvenile Court -
    Probation" are agencies."""
    log = (
        b"Log #,Student Name,Student ID,Requested By,Released By\n"
        b"24-005,Jasmine Tavares,228862,Atty. Robert Keough (father's counsel),Mr. Paul Dunn\n"
        b"24-007,Priya Ramaswamy,244027,Massachusetts DESE - PRS,J. Medeiros\n"
        b"24-009,Ava Lindqvist,227413,Essex County Juvenile Court - Probation,J. Medeiros\n"
    )
    people = set(_sorted_values(_scan(scanner, log, "disclosures.csv"), "PERSON"))
    assert {"Robert Keough", "Mr. Paul Dunn"} <= people
    assert not any("DESE" in p or "Court" in p for p in people)


def test_a_rosters_relationship_word_is_no_surname(scanner: Scanner) -> None:
    """A travel roster printed as text, "2 Angela Stanton 12 Steven Stanton Guardian
    774-476-1258": "Guardian" is the parent's relationship, no "Stanton Guardian"; a
    vendor "Paul H. Brookes Publishing Co." is a company."""
    text = (
        "# Player Gr Parent/Guardian Rel. Cell\n"
        "2 Angela Stanton 12 Steven Stanton Guardian 774-476-1258\n"
        "vendor name: Paul H. Brookes Publishing Co.\n"
    )
    people = [f.value for f in scanner.scan_text(text) if f.entity == "PERSON"]
    assert not any("Guardian" in p or "Brookes" in p for p in people)


def test_a_value_marked_as_an_example_is_no_ones(scanner: Scanner, policy: Policy) -> None:
    """A procedures page's sample badge: "DOB: 01/01/1980 (example)" and "MA DL
    S12345678 (example format only)" are no one's, the page no record."""
    page = (
        b"<html><body><h2>Visitor Management Procedures</h2>"
        b"<p>Visitors sign in at the main office; students are released only to parents.</p>"
        b"<p>ID scanned: MA DL S12345678 (example format only)</p>"
        b"<p>DOB: 01/01/1980 (example)</p>"
        b"<p>Visitor logs are kept per the Massachusetts Statewide Records Retention"
        b" Schedule. Questions: Dana Whitcomb, Facilities Director.</p></body></html>"
    )
    reports = _scan(scanner, page, "procedures.html")
    assert _sorted_values(reports, "DATE_OF_BIRTH") == []
    assert set(classify_reports(policy, reports)) & {FERPA, MGL_93H} == set()


def test_a_visitor_logs_id_type_makes_its_numbers_licences(scanner: Scanner) -> None:
    """A visitor log's "ID Type | ID Number": where the type says "Driver License", the
    number is the licence, whatever its state's shape (Rhode Island's seven digits, New
    Hampshire's "09MRC41823")."""
    log = [
        ["Visitor Name", "ID Type", "ID Number", "ID State", "Visit Reason"],
        ["Brian McAllister", "Driver License", "3378214", "RI", "Vendor - HVAC"],
        ["Jessica Marchand", "Driver License", "09MRC41823", "NH", "Early Dismissal"],
        ["Karen Doyle", "Driver License", "S71930482", "MA", "Volunteer"],
        ["Omar Haddad", "State ID", "S20846615", "MA", "Parent conference"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Visitor Log": log}), "visitors.xlsx")
    licences = _sorted_values(reports, "US_DRIVER_LICENSE")
    assert licences == ["09MRC41823", "3378214", "S20846615", "S71930482"]


def test_a_forms_verified_by_a_document_names_no_one(scanner: Scanner) -> None:
    """An old cumulative record's "Verified by:  Birth Cert. [X]" names a document."""
    line = "Birthplace  Marlborough, Mass.       Verified by:  Birth Cert. [X]   Bapt. [ ]"
    assert [f for f in scanner.scan_text(line) if f.entity == "PERSON"] == []


def test_a_column_named_for_a_student_system_labels_no_number(scanner: Scanner) -> None:
    """A crosswalk workbook's overview, "Collection | Student Information Management
    System (SIMS)" over "District org code | 01410000": no student's number."""
    overview = [
        ["Collection", "Student Information Management System (SIMS)"],
        ["School year", "2024-2025 (FY2025)"],
        ["District org code", "01410000"],
        ["Note", "This workbook contains NO student data."],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Overview": overview}), "crosswalk.xlsx")
    assert _sorted_values(reports, "STUDENT_ID") == []


def test_a_cori_logs_mothers_maiden_name_is_no_ones_name(scanner: Scanner) -> None:
    """A summer staff CORI log's "Mother's Maiden Name" is a surname alone, the answer to
    a security question, not a person of the file; the applicant's "Maiden Name" is hers."""
    log = (
        b"Last,First,DOB,Mother's Maiden Name,Maiden Name,CORI Result\n"
        b"Kowalski,Tyler,12/09/2004,Nowak,,Pending\n"
        b"Byrne,Alicia,03/14/1999,Walsh,Alicia Doherty,Cleared\n"
    )
    people = _sorted_values(_scan(scanner, log, "cori.csv"), "PERSON")
    assert "Nowak" not in people and "Walsh" not in people
    assert "Alicia Doherty" in people


def test_a_card_run_together_with_its_expiry(scanner: Scanner) -> None:
    """A transcript log's "Paid Via" of "Phone - 5308712264095173 exp 08/27": a card
    read out over the phone, its expiry after it."""
    log = (
        b"Req ID\tRequestor (Last, First)\tFee\tPaid Via\n"
        b"TR-2403-021\tKowalczyk, Adam\t5.00\tPhone - 5308712264095173 exp 08/27\n"
    )
    reports = _scan(scanner, log, "requests.tsv")
    assert _sorted_values(reports, "CREDIT_CARD") == ["5308712264095173"]


def test_a_couple_in_a_parents_cell_and_notes_of_no_one(scanner: Scanner) -> None:
    """A 1994 class list's "Parent/Guardian" of "Manuel & Fatima Almeida"; a delivery's
    "UMass Lowell Grad Adm", a log's "Mtg" and a follow-up's "Nurse Leader" are no one."""
    rows = (
        b"Hmrm,Stu #,Student Name,Parent/Guardian,Deliver To,Parent contact,Responsible\n"
        b'214,880341,"ALMEIDA, CHRISTOPHER J",Manuel & Fatima Almeida,'
        b"UMass Lowell Grad Adm,Mtg,Nurse Leader\n"
    )
    people = _sorted_values(_scan(scanner, rows, "list.csv"), "PERSON")
    assert people == ["ALMEIDA, CHRISTOPHER J", "Fatima Almeida"]


def test_a_haitian_creole_letters_table_of_the_childs_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A chronic-absence letter in Haitian Creole, its table "Elèv | Wideline
    Jean-Baptiste" over "Nimewo elèv (ID lokal) | 275904": the student and her number."""
    table = [
        ["Elèv", "Wideline Jean-Baptiste"],
        ["Nimewo elèv (ID lokal)", "275904"],
        ["Klas", "3yèm ane - Sal 107"],
        ["Telefòn paran", "(781) 605-3382"],
    ]
    data = w.docx_bytes(["Lèt sou Absans Kwonik", "Chè Madanm Pierre,"], [table])
    reports = _scan(scanner, data, "avi_absans.docx")
    assert _sorted_values(reports, "STUDENT_ID") == ["275904"]
    assert FERPA in classify_reports(policy, reports)


def test_a_family_surveys_answers_are_no_record(scanner: Scanner, policy: Policy) -> None:
    """A family survey's export: "Grade level(s)" of "6", "2; 10" are its children's
    grades of school, no marks; a phone answer "Sí - (617) 389-4621" gives its number."""
    survey = (
        b"Timestamp,Parent/Guardian name (optional),Grade level(s),"
        b'I feel welcome at my child\'s school. [1-5],"If yes, best phone number"\n'
        b"10/21/2024 18:04:12,Yesenia Morales Cruz,6,4,S\xc3\xad - (617) 389-4621\n"
        b"10/21/2024 19:47:55,Rosa Lima,2; 10,5,\n"
        b"10/22/2024 08:11:02,Ana Souza,4,3,(857) 204-6619\n"
        b"10/22/2024 09:30:45,Tomas Reyes,9,4,\n"
    )
    reports = _scan(scanner, survey, "survey.csv")
    assert FERPA not in classify_reports(policy, reports)
    assert "(617) 389-4621" in _sorted_values(reports, "PHONE_NUMBER")


def test_a_positive_pay_files_own_account_with_its_trailer(
    scanner: Scanner, policy: Policy
) -> None:
    """A positive-pay upload: the district's account down every row (its "TRAILER" line
    aside) is the payer's, not the payees'; a refund's memo names its student by "#"."""
    upload = (
        b"Account Number,Check Number,Amount,Payee Name,Additional Data\n"
        b'004693318825,88391,412.66,"W.B. Mason Co., Inc.",W25-12\n'
        b"004693318825,88393,150.00,Victor Almeida,W25-12\n"
        b"004693318825,88394,150.00,Jonathan Mbeki,W25-12\n"
        b"TRAILER,3,712.66,,\n"
    )
    reports = _scan(scanner, upload, "pospay.csv")
    assert _sorted_values(reports, "US_BANK_NUMBER") == []
    assert MGL_93H not in classify_reports(policy, reports)
    checks = (
        b"Check No,Payee,Amount,Memo\n"
        b"88152,Sofia Castellano,63.75,Food svc refund - stu Mateo Castellano #318274\n"
        b"88166,Hudson Youth Soccer Assn,500,Field use deposit refund\n"
    )
    reports = _scan(scanner, checks, "outstanding.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["318274"]
    assert "Hudson Youth Soccer Assn" not in _sorted_values(reports, "PERSON")


def test_a_blank_forms_sample_record_of_fillers_is_no_ones(scanner: Scanner) -> None:
    """A permission form's table of its sample, "Doe, Jane (SAMPLE)", then "Student ID #:
    000000", "Date of Birth: 01/01/2000", "Card Number: XXXX ...": all of it no one's;
    a real student's fields after a sample's first line are still read."""
    table = [
        ["Student Name (Last, First)", "Doe, Jane  (SAMPLE)"],
        ["Student ID #", "000000"],
        ["Date of Birth", "01/01/2000"],
        ["Card Number", "XXXX XXXX XXXX XXXX"],
        ["Parent/Guardian Cell", "(000) 000-0000"],
    ]
    reports = _scan(scanner, w.docx_bytes(["Senior Trip Permission Form"], [table]), "form.docx")
    assert _sorted_values(reports, "DATE_OF_BIRTH") == []
    text = (
        "Student Name: Doe, Jane  (SAMPLE)\nStudent ID #: 000000\n"
        "Student Name: Maria Lopez\nDate of Birth: 03/04/2015\n"
    )
    assert [f.value for f in scanner.scan_text(text) if f.entity == "DATE_OF_BIRTH"] == [
        "03/04/2015"
    ]


def test_an_incident_logs_recipients_and_exposed_numbers(scanner: Scanner) -> None:
    """A misdirected-mail log: "Angela Costello <acostello62@yahoo.com>" under "Actual
    Recipient" is a person and her mailbox; "RTN 211274450 Acct 004471829365; license
    image" gives a routing number and an account (no licence); "SS card 078-41-9932"
    is the SSN beside a licence."""
    log = (
        b"Incident #,Sender (Staff),Actual Recipient,Data Elements Exposed\n"
        b"INC-3,Brian Kessler,Angela Costello <acostello62@yahoo.com>,Draft 504 plan\n"
        b"INC-8,Brian Kessler,Marcus Whitaker <mwhitaker@gmail.com>,"
        b'"Direct deposit: RTN 211274450 Acct 004471829365; license image"\n'
        b"INC-9,Maureen Tully,Siobhan Gallagher <sgallagher@gmail.com>,"
        b"I showed my MA license S48127735 and SS card 078-41-9932\n"
    )
    reports = _scan(scanner, log, "incidents.csv")
    assert "Angela Costello" in _sorted_values(reports, "PERSON")
    assert "acostello62@yahoo.com" in _sorted_values(reports, "EMAIL_ADDRESS")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["004471829365"]
    assert _sorted_values(reports, "US_DRIVER_LICENSE") == ["S48127735"]
    assert _sorted_values(reports, "US_SSN") == ["078-41-9932"]


def test_a_pay_stubs_labels_and_a_reading_program_are_no_one(scanner: Scanner) -> None:
    """A pay stub's "Fed Filing: Single", "Retro Pay - Step Adj", "Description Current
    YTD", and a tutor's "Wilson Step 3", which NER and the name lists read as names."""
    stub = (
        "Employee: Tunde Oyelaran\nFed Filing: Single\n"
        "Retro Pay - Step Adj 09/01-11/15 1.07 180.00 192.60\n"
        "Description Current YTD\nReading: Wilson Step 3 twice weekly\n"
    )
    people = [f.value for f in scanner.scan_text(stub) if f.entity == "PERSON"]
    assert people == ["Tunde Oyelaran"]


def test_a_printed_tables_id_column_before_its_students(scanner: Scanner) -> None:
    """A field trip's medical sheet printed to PDF, headed "ID Student DOB Condition ...":
    each row's first number is its student's."""
    pages = [
        [
            "Field Trip Medical Information Sheet - CARRY WITH TRIP, RETURN TO NURSE",
            "ID Student DOB Condition Meds sent w/ trip Chaperone Emergency contact",
            "512308 Owen Pacheco 03/02/2015 Peanut anaphylaxis EpiPen Jr x2 Mrs. Ashworth"
            " Lisa Pacheco 508-758-2214",
            "512377 Ava Medeiros 10/19/2014 Asthma - moderate ProAir inhaler Mr. Furtado"
            " Joao Medeiros 774-488-9013",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "trip_medical.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["512308", "512377"]


def test_a_class_lists_header_with_the_day_ages_are_reckoned(scanner: Scanner) -> None:
    """A kindergarten class list printed to PDF, headed "Student # Student Name Birth Date
    Age 9/1 Guardian ...": "9/1" is the day the age is reckoned on, not a value, so the
    line heads the table and each row's number and birth date are the student's."""
    pages = [
        [
            "Maple Ridge Elementary School - Kindergarten Class List 2024-2025",
            "Student # Student Name Birth Date Age 9/1 Guardian Home Phone Dismissal",
            "318274 Amara Okafor 3/14/2019 5 Chidi Okafor (508) 393-4417 Bus 4",
            "318302 Mason Trudeau 1/30/2019 5 Annette Trudeau (508) 393-7752 ASP",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "k_list.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["318274", "318302"]
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["1/30/2019", "3/14/2019"]


def test_a_colleges_grade_report_of_its_dual_enrollment_students(
    scanner: Scanner, policy: Policy
) -> None:
    """A partner college's final grade report printed to PDF, headed "BVCC ID Student HS
    ID Section Course Title Cr Grade": the high school's numbers are its students', so
    the report is their record; "U.S. History to 1877" names a year, no one's number."""
    pages = [
        [
            "Blackstone Valley Community College - Office of the Registrar",
            "Final Grade Report - Dual Enrollment Partner: Wachusett Ridge Regional HS",
            "BVCC ID Student HS ID Section Course Title Cr Grade HS Equiv. Credit",
            "@00481273 Brennan-Ortiz, Aaliyah 214587 ENG 101-03 English Composition I 3.0 A- 0.5",
            "@00481273 Brennan-Ortiz, Aaliyah 214587 HIS 111-01 U.S. History to 1877 3.0 B+ 0.5",
            "@00479902 Tran, Khoa 213906 MAT 180-02 College Algebra 3.0 A 0.5",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "grade_report.pdf")
    numbers = _sorted_values(reports, "STUDENT_ID")
    assert {"213906", "214587"} <= set(numbers)
    assert "1877" not in numbers
    assert FERPA in classify_reports(policy, reports)


def test_a_pipe_files_record_layout_comment_heads_its_table(
    scanner: Scanner, policy: Policy
) -> None:
    """A 403(b) remittance file gives its fields as a comment, "# Layout: D|SSN|NAME
    (LAST, FIRST)|DOB(YYYYMMDD)|...", above a header record: its detail records' SSNs,
    without dashes, and names are read by that layout."""
    data = (
        b"# Layout: D|SSN|NAME (LAST, FIRST)|DOB(YYYYMMDD)|VENDOR_ID|VENDOR|PRETAX|STATUS\n"
        b"# Transmit via TPA portal only.\n"
        b"H|TSA-REMIT|EMPLOYER 0211|PLAN 403B-01|PAYDATE 20241115\n"
        b"D|741412752|OKAFOR, ADAEZE|19880214|LIN01|LINCOLN INVESTMENT|250.00|A\n"
        b"D|377272865|BRENNAN, KATHLEEN|19690730|HMN02|HORACE MANN|400.00|A\n"
        b"D|161522030|NGUYEN, THANH|19841109|AMT07|AMERITAS|150.00|A\n"
        b"T|RECORDS 0003|TOTAL 800.00\n"
    )
    reports = _scan(scanner, data, "403b_remit.txt")
    assert _sorted_values(reports, "US_SSN") == ["161522030", "377272865", "741412752"]
    assert MGL_93H in classify_reports(policy, reports)
    # the vendor named for a man is a firm, no one on the district's payroll
    assert "HORACE MANN" not in _sorted_values(reports, "PERSON")


def test_a_supervisors_notes_name_the_students_plans(scanner: Scanner, policy: Policy) -> None:
    """A practicum supervisor's notes on a student teacher's lesson are about the
    teacher, but their list of the children watched, "- Mateo Silva: has an IEP ...",
    is those children's record; a directory's "Dana Cole - IEP Coordinator" is a job."""
    pages = [
        [
            "Practicum Supervisor Observation Notes (CAP Announced Observation #2)",
            "Candidate: Chidi Okafor",
            "Cooperating Teacher: Maureen Hennessey",
            "Students observed (supervisor notes - do not share outside CAP team)",
            "- Mateo Silva: has an IEP (specific learning disability - math calculation).",
            "- Aaliyah Brooks: 504 plan for ADHD (preferential seating, movement breaks).",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "cap_observation.pdf")
    assert FERPA in classify_reports(policy, reports)
    directory = (
        b"Candidate: Chidi Okafor\nAnnounced observation, supervisor notes on the lesson.\n"
        b"Student support contacts\nDana Cole - IEP Coordinator\nMark Ruiz: 504 Coordinator\n"
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, directory, "contacts.txt"))


def test_a_blank_forms_date_with_its_year_left_to_fill(scanner: Scanner) -> None:
    """A blank 51A worksheet's example row, "Date of birth | 01/01/20XX", and a form's
    "DOB 3/4/19xx" give no one's birth date."""
    text = "Student: Maria Lopez\nDate of birth: 01/01/20XX\nDOB 3/4/19xx\n"
    assert "DATE_OF_BIRTH" not in _entities(_scan(scanner, text.encode(), "form.txt"))
    table = b"Student name,Date of birth\nMaria Lopez,01/01/20XX\n"
    assert "DATE_OF_BIRTH" not in _entities(_scan(scanner, table, "form.csv"))


def test_a_driving_instructors_licence_is_no_drivers_licence(scanner: Scanner) -> None:
    """A driver's ed roster's "RMV Instructor Lic. #" ("DI-40817") is the instructor's
    professional licence, as a nurse's is hers."""
    data = (
        b"Instructor,Role,RMV Instructor Lic. #,Work ext.\n"
        b"James Gibson,Classroom / BTW,DI-40817,x2214\n"
        b"Paul Washington,BTW only,DI-51122,x2214\n"
    )
    assert "US_DRIVER_LICENSE" not in _entities(_scan(scanner, data, "instructors.csv"))


def test_an_account_column_of_international_accounts(scanner: Scanner, policy: Policy) -> None:
    """Families abroad wire tuition from accounts written as IBANs, whole or in groups
    of four: an account column's cells all the same."""
    data = (
        b"Student Name,Remitter,Account\n"
        b"Jonas Albrecht,Markus Albrecht,DE89370400440532013000\n"
        b"Ana Ferreira,Paulo Ferreira,GB29 NWBK 6016 1331 9268 19\n"
    )
    reports = _scan(scanner, data, "tuition_wires.csv")
    assert _sorted_values(reports, "US_BANK_NUMBER") == [
        "DE89370400440532013000",
        "GB29 NWBK 6016 1331 9268 19",
    ]
    assert "Paulo Ferreira" in _sorted_values(reports, "PERSON")
    assert MGL_93H in classify_reports(policy, reports)


def test_a_budget_lines_four_groups_are_no_card(scanner: Scanner, policy: Policy) -> None:
    """A summer program's revolving fund status, its "Account" column of budget lines
    in four groups ("2610-4400-0135-5110", whose check digit a card's would pass): no
    card, and "Summer Fees" in its descriptions is no one. A card column's grouped card
    is still a card."""
    data = (
        b"Account,Description,FY24 Budget,Expended\n"
        b'2610-4400-0135-5110,Summer School Teacher Stipends,"84,000.00","61,425.50"\n'
        b'2610-4400-0135-5310,Instructional Software,"7,500.00",0.00\n'
        b',"Revenue - Summer Fees Collected to date (142 paying)",,"33,250.00"\n'
    )
    reports = _scan(scanner, data, "budget_status.csv")
    assert "CREDIT_CARD" not in _entities(reports)
    assert "PERSON" not in _entities(reports)
    assert MGL_93H not in classify_reports(policy, reports)
    card = b"Parent,Card\nMaria Lopez,4556-7375-8689-9855\n"
    assert _sorted_values(_scan(scanner, card, "cards.csv"), "CREDIT_CARD") == [
        "4556-7375-8689-9855"
    ]


def test_a_claims_files_payers_and_facility_are_no_one(scanner: Scanner) -> None:
    """A school-based health center's claims export: its "PayerName" of health plans
    ("MASSHEALTH", "TUFTS HP", "HARVARD PILGRIM", "BCBSMA") and its "FacilityName" are
    no one's names; its patients are."""
    data = (
        b"ClaimNo,PatientName,PatDOB,PayerName,SubscriberName,SubscriberSSN,FacilityName\n"
        b'SBH-1,"ORTIZ-BAPTISTE, JAYLEN",2012-03-14,MASSHEALTH,"ORTIZ-BAPTISTE, JAYLEN",'
        b",NORTHGATE MS SBHC\n"
        b'SBH-2,"CORDEIRO, MARIANA",2010-11-02,TUFTS HP,"CORDEIRO, PAULO",031-44-2871,'
        b"NORTHGATE MS SBHC\n"
        b'SBH-3,"LEE, ANNA",2011-05-09,HARVARD PILGRIM,"LEE, DAVID",,NORTHGATE MS SBHC\n'
        b'SBH-4,"KIM, SORA",2012-01-22,BCBSMA,"KIM, JAE",,NORTHGATE MS SBHC\n'
    )
    people = _sorted_values(_scan(scanner, data, "claims.csv"), "PERSON")
    assert "ORTIZ-BAPTISTE, JAYLEN" in people
    assert "CORDEIRO, PAULO" in people
    for no_one in ("MASSHEALTH", "TUFTS HP", "HARVARD PILGRIM", "BCBSMA", "NORTHGATE MS SBHC"):
        assert no_one not in people


def test_a_printed_bus_lists_phones_and_stops_are_no_student_numbers(scanner: Scanner) -> None:
    """A METCO bus list printed to PDF under "Student Local ID": a phone written with
    spaces or dots ("857 250 6614", "617.298.5530") and a stop's house number ("1410
    River Street") are the phone and the address, and only the six-digit numbers are
    the students'."""
    pages = [
        [
            "METCO Transportation - Route M-2",
            "AM Time Stop Student Local ID Gr School Emerg. Phone",
            "5:48 AM 1410 River Street Kayla Joseph 215403 06 Wayland Middle School (617) 361-2285",
            "5:59 AM Blue Hill Ave & Morton St Sofia Rivera 219046 04 Happy Hollow School"
            " 617.298.5530",
            "6:04 AM Warren St & Quincy St Ayana Pierre 207761 08 Wayland Middle School"
            " 857 250 6614",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "bus_route.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["207761", "215403", "219046"]
    phones = _sorted_values(reports, "PHONE_NUMBER")
    assert "617.298.5530" in phones
    assert "857 250 6614" in phones
    assert "1410 River Street" in _sorted_values(reports, "STREET_ADDRESS")


def test_a_societys_and_a_files_names_are_no_ones(scanner: Scanner) -> None:
    """A PDP log's provider, "Massachusetts Historical Society", and a letter's copy to
    "Personnel File" name no one; the union president copied beside them is someone."""
    log = b"Date,Provider,PDPs\n10/02/2023,Massachusetts Historical Society,10\n"
    assert "PERSON" not in _entities(_scan(scanner, log, "pdp_log.csv"))
    letter = b"Dear Ms. Carrier:\n...\ncc: Personnel File; Gregory Fenn, NBEA President\n"
    assert _sorted_values(_scan(scanner, letter, "rif_notice.txt"), "PERSON") == ["Gregory Fenn"]


def test_a_deposit_details_checks_and_accounts(scanner: Scanner, policy: Policy) -> None:
    """A student activity deposit detail printed to PDF, headed "Check # Payer Student
    Stu ID Activity Acct Amount Routing Account": each row's short check number and
    activity account ("3302", "SA-2026") are no student's number beside his own
    ("204960"), and the account after each check's routing number is the family's, not
    the school's activity account the header names."""
    pages = [
        [
            "Melrose High School - Student Activity Deposit Detail",
            "Check # Payer (as printed on check) Student Stu ID Activity Acct Amount Routing"
            " Account",
            "3302 Linh Tran Sophia Tran 204960 SA-2026 Class dues 75.00 011000138 004417729381",
            "1129 Michael Haggerty Owen Haggerty 206114 SA-3110 Drama 120.00 211070175 1290447815",
            "884 Colleen Fitz Liam Fitz 205247 SA-2026 Prom ticket 95.00 011201021 55103862207",
            "Total checks 290.00",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "deposit_detail.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["204960", "205247", "206114"]
    assert _sorted_values(reports, "US_BANK_NUMBER") == [
        "004417729381",
        "1290447815",
        "55103862207",
    ]
    assert {FERPA, MGL_93H} <= set(classify_reports(policy, reports))


def test_a_forms_sample_line_marked_with_a_dash_or_a_note(scanner: Scanner) -> None:
    """A multilingual registration template shows how to write a birth date: "SAMPLE —
    how to write the date of birth: 01/01/2015", or the date with "(example only, not a
    real student)" after it. Neither is anyone's."""
    text = (
        "Registration / Inscripción\n"
        "SAMPLE \u2014 how to write the date of birth: 01/01/2015\n"
        "\n"
        "Date of birth: 03/04/2016  (example only, not a real student)\n"
    )
    assert "DATE_OF_BIRTH" not in _entities(_scan(scanner, text.encode(), "template.txt"))


def test_a_programs_and_a_clubs_names_are_no_ones(scanner: Scanner) -> None:
    """A meal program's "Summer Meals" and an activity account's "Drama Guild" are
    named like people (Summer, Drama; Meals, Guild) and are no one."""
    sites = b"Summer Meals 2024 - open sites\nBartlett School, 8:30-9:30 breakfast\n"
    assert "PERSON" not in _entities(_scan(scanner, sites, "sites.txt"))
    ledger = b"Account Name,Balance\nDrama Guild,1200.00\nClass of 2026,5400.00\n"
    assert "PERSON" not in _entities(_scan(scanner, ledger, "ledger.csv"))


def test_a_cashiers_report_names_students_by_their_meal_accounts(
    scanner: Scanner, policy: Policy
) -> None:
    """A cafeteria cashier's end-of-day report printed to PDF: "Acct 418230 Lucas
    Ferreira (Gr 7)" under its card slips, and "Acct 420113  Jayden Thibodeau   Gr 6"
    among the students served on a negative balance, are the students' meal accounts,
    their numbers, not bank accounts."""
    pages = [
        [
            "FOOD & NUTRITION SERVICES - CASHIER END OF DAY REPORT",
            "MANUAL CARD SLIPS - terminal offline (keyed by hand)",
            "Slip  Cardholder              Card Number            Exp    Amount  Applied To",
            "M-01  Melissa Ferreira        4147 8068 7297 1870    08/27  $40.00  Acct 418230"
            " Lucas Ferreira (Gr 7)",
            "M-02  Daniel O'Connell        5425 4071 3149 6567    03/26  $25.00  Acct 419957"
            " Aiden O'Connell (Gr 6)",
            "",
            "NEGATIVE BALANCE STUDENTS SERVED TODAY",
            " Acct 420113  Jayden Thibodeau   Gr 6   Bal -$14.50   a la carte blocked",
            " Acct 418802  Ava Nguyen         Gr 8   Bal -$6.75    reminder letter sent",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "pos_end_of_day.pdf")
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert {"418802", "420113"} <= set(_sorted_values(reports, "STUDENT_ID"))
    assert FERPA in classify_reports(policy, reports)


def test_a_duty_rotas_surnames_are_no_ones_full_names(scanner: Scanner, policy: Policy) -> None:
    """A paraprofessional duty rota's recess columns hold surnames, "Tran" and "Pires"
    under one and "DeSousa" and "Morales" under the next: no column of given names
    beside one of surnames, so no "Tran DeSousa", and the rota is no student's record
    for its words of IEPs and the nurse's office."""
    data = w.xlsx_bytes(
        {
            "Lunch-Recess Duty": [
                ["Day", "Lunch A (Gr K-2)", "Lunch B (Gr 3-5)", "Recess A", "Recess B"],
                ["Mon", "Pires / Tran", "DeSousa", "Tran", "DeSousa"],
                ["Tue", "Pires", "DeSousa / Morales", "Pires", "Morales"],
                ["Wed", "Tran", "DeSousa", "Tran", "Whitcomb (if TLC covered)"],
                ["Thu", "Pires / Tran", "Morales", "Pires", "DeSousa"],
                ["Fri", "Tran", "DeSousa / Morales", "Tran", "Morales"],
            ],
            "Notes": [
                ["1:1 assignments are listed only in the confidential IEP binder."],
                ["Ana Pires covers the nurse's office 8:10-8:35; Gr 4 math Rm 203."],
            ],
        }
    )
    reports = _scan(scanner, data, "para_duty.xlsx")
    people = _sorted_values(reports, "PERSON")
    assert not any(" " in name and "Ana" not in name for name in people)
    assert FERPA not in classify_reports(policy, reports)


def test_an_ssn_typed_into_a_student_number_column(scanner: Scanner, policy: Policy) -> None:
    """A trip form's responses: a parent typed her Social Security number, "031-62-4478",
    where the form asks for the student's 6-digit ID. It is an SSN."""
    data = (
        b"Parent/Guardian Name,Student Name,Student ID # (6 digits),Amount\n"
        b"Jessica Hurley,Olivia Hurley,339514,$90.00\n"
        b"Rosa Quintanilla,Daniela Quintanilla,031-62-4478,$45.00\n"
    )
    reports = _scan(scanner, data, "trip_form_responses.csv")
    assert _sorted_values(reports, "US_SSN") == ["031-62-4478"]
    assert _sorted_values(reports, "STUDENT_ID") == ["339514"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_platforms_user_export_by_role(scanner: Scanner, policy: Policy) -> None:
    """Schoology's user activity export: its "Unique User ID" is each student's number
    where the row's "Role" is "Student", not the instructor's ("T-0412")."""
    data = (
        b"Unique User ID,Name,Email,Role,Building,Grad Year,Last Access (ET)\n"
        b"341199,Lucas Rosario,lrosario30@students.brrsd.org,Student,Virtual Academy,2030,"
        b"03/10/2024 14:15\n"
        b"344221,Lucas LaPlante,llaplante30@students.brrsd.org,Student,Virtual Academy,2030,"
        b"03/06/2024 15:00\n"
        b"T-0412,Denise Gagnon,dgagnon@brrsd.org,Instructor,Virtual Academy,,03/14/2024 16:02\n"
    )
    reports = _scan(scanner, data, "schoology_users.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["341199", "344221"]
    assert FERPA in classify_reports(policy, reports)


def test_a_door_access_export_by_access_group(scanner: Scanner, policy: Policy) -> None:
    """A card access system's events: the "Person ID" of a row whose "Access Group" is
    "Student - HHS Gr 12" is the student's number; a staff member's ("E00277") or a
    contractor's is not."""
    data = (
        b"Event Time,Event Type,Reader/Door,Cardholder,Person ID,Access Group\n"
        b'2024-04-08 06:02:11,Access Granted,HHS-D01 Main,"Delaney, Mark",E00277,'
        b"Facilities - All Access\n"
        b'2024-04-08 06:15:47,Access Granted,HHS-D07 Dock,"Kowalczyk, Stan",C00091,'
        b"Contractor - Custodial (ABM)\n"
        b'2024-04-08 07:12:55,Access Granted,HHS-D01 Main,"Tavares, Julia",204517,'
        b"Student - HHS Gr 12\n"
        b'2024-04-08 07:13:02,Access Granted,HHS-D01 Main,"Alvarez, Mateo",207731,'
        b"Student - HHS Gr 11\n"
    )
    reports = _scan(scanner, data, "acs_events.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["204517", "207731"]
    assert FERPA in classify_reports(policy, reports)


def test_an_agendas_recognitions_are_no_ones_record(scanner: Scanner, policy: Policy) -> None:
    """A school committee agenda recognises a teacher retiring, "Joan Mahoney, Grade 3",
    and lists the spring MCAS window after: she is no student, the agenda no record."""
    text = (
        "SCHOOL COMMITTEE - REGULAR MEETING\n"
        "II. Recognitions\n"
        "A. Hudson High School Robotics Team (Team 8872) - FIRST district qualifier\n"
        "B. Retirement of Joan Mahoney, Grade 3, Mulready Elementary (34 years of service)\n"
        "III. Public Comment (15 minutes; speakers state name and town)\n"
        "IV. Superintendent's Report - Thomas Whitcomb\n"
        "A. Spring MCAS administration window (Grades 3-8 ELA: April 1-26)\n"
    )
    reports = _scan(scanner, text.encode(), "agenda.txt")
    assert FERPA not in classify_reports(policy, reports)


def test_a_purchasing_card_statements_cards_and_merchants(scanner: Scanner, policy: Policy) -> None:
    """A bank's purchasing card statement: its "Account Number" holds each card, beside
    a "GL Account" of budget lines, and its "Merchant Name" of shops names no one."""
    data = (
        b"Account Number,Cardholder Name,Transaction Date,Merchant Name,Amount,"
        b"GL Account (Allocated)\n"
        b"4246315077182036,KEVIN O'ROURKE,10/01/2024,RIDDELL SPORTS,120.00,1000-2357-5320\n"
        b"4246315033904176,LISA MARCHETTI,10/22/2024,BJS WHOLESALE #0112,440.62,"
        b"3000-3300-5440\n"
        b"4246315033904176,LISA MARCHETTI,10/23/2024,OLD SOUTH MEETING HOUSE,52.00,"
        b"1000-2357-5320\n"
    )
    reports = _scan(scanner, data, "pcard_statement.csv")
    assert set(_sorted_values(reports, "CREDIT_CARD")) == {"4246315033904176", "4246315077182036"}
    assert "US_BANK_NUMBER" not in _entities(reports)
    assert set(_sorted_values(reports, "PERSON")) == {"KEVIN O'ROURKE", "LISA MARCHETTI"}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_breach_logs_individuals_by_role_and_labelled_identifier(
    scanner: Scanner, policy: Policy
) -> None:
    """A data privacy office's log of those a misdirected e-mail exposed: its "Role"
    column ("Student (Gr 8)", "Parent (payer)", "Employee (new hire)") makes its
    "Identifier" column the students' numbers, but each cell says what it holds in its
    own words ("Local ID 204718", "SASID 1093847120", "Visa 4532...", "DL S12047865"):
    each is read for itself, the grown-ups' card and licence too."""
    data = w.xlsx_bytes(
        {
            "Individuals Involved": [
                ["Incident #", "Individual", "Role", "Identifier", "Data Elements Exposed"],
                ["INC-003", "Ava Castellano", "Student (Gr 8)", "Local ID 204718", "504 plan"],
                ["INC-005", "Mateo Figueroa", "Student (Gr 6)", "SASID 1093847120", "SLD"],
                [
                    "INC-006",
                    "Carlos Figueroa",
                    "Parent (payer)",
                    "Visa 4532019876241133 exp 08/27",
                    "card number",
                ],
                ["INC-008", "Marcus Whitaker", "Employee (new hire)", "DL S12047865", "licence"],
            ]
        }
    )
    reports = _scan(scanner, data, "breach_log.xlsx")
    assert _sorted_values(reports, "STUDENT_ID") == ["1093847120", "204718"]
    assert _sorted_values(reports, "CREDIT_CARD") == ["4532019876241133"]
    assert _sorted_values(reports, "US_DRIVER_LICENSE") == ["S12047865"]
    assert {FERPA, MGL_93H} <= set(classify_reports(policy, reports))


def test_a_hiring_panels_score_sheet_is_no_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A grade 3 teacher posting's interview scores: its "Candidate" column names the
    applicants, whose scores and the panel's comments ("Strong guided reading answer")
    are no student's grades."""
    data = w.xlsx_bytes(
        {
            "Panel Scores": [
                ["Florence Sawyer School - Grade 3 Teacher Interviews - Posting 2024-0117"],
                [],
                ["Candidate", "Panelist", "Instruction (1-5)", "Assessment/Data (1-5)", "Comments"],
                ["Katarzyna Kowalski", "Michelle Tran", "5", "4", "Strong guided reading answer"],
                ["Rebecca Lindqvist", "Michelle Tran", "4", "4", "Good data talk"],
            ],
            "Summary": [
                ["Candidate", "Avg Total", "Rank", "Advance to Demo?", "Callback Phone"],
                ["Katarzyna Kowalski", "23.3", "1", "Yes", "(978) 562-8804"],
                ["Rebecca Lindqvist", "19", "3", "Hold", ""],
            ],
        }
    )
    reports = _scan(scanner, data, "interview_scores.xlsx")
    assert "Katarzyna Kowalski" in _sorted_values(reports, "PERSON")
    assert FERPA not in classify_reports(policy, reports)


def test_an_invoices_students_by_a_programs_number(scanner: Scanner, policy: Policy) -> None:
    """A tutoring vendor's invoice for equitable services, printed to PDF under "Student
    ES ID School Tutor ...": each number after a student's name is hers."""
    pages = [
        [
            "BrightPath Learning Partners, LLC - INVOICE BPL-2024-1187",
            "Grant: Title I, Part A - Equitable Services (84.010A)",
            "Student ES ID School Tutor Subj Sess. Hours Amount",
            "Costa, Liam 514207 St. Lucy Thomas Nguyen Reading 7 5.25 $357.00",
            "Ouellette, Brianna 514212 St. Lucy Alyssa Ferreira Math 8 6.00 $408.00",
            "Haddad, Yara 514226 St. Lucy Alyssa Ferreira Reading 8 6.00 $408.00",
        ]
    ]
    reports = _scan(scanner, w.pdf_bytes(pages), "tutoring_invoice.pdf")
    assert _sorted_values(reports, "STUDENT_ID") == ["514207", "514212", "514226"]
    assert FERPA in classify_reports(policy, reports)


def test_a_mock_ups_sample_data_line_names_no_one(scanner: Scanner, policy: Policy) -> None:
    """A vendor's mock-up of a profile card: its line "SAMPLE DATA - NOT A REAL PERSON:
    Maria Lopez, DOB 03/04/2015, Gr 3, IEP for reading" names no one, gives no one's
    birth date and is no one's record; nor is "Jane Sample" anyone."""
    text = (
        "Profile card fields: name, grade, building\n"
        "SAMPLE DATA - NOT A REAL PERSON: Maria Lopez, DOB 03/04/2015, Gr 3, IEP for reading\n"
        "\n"
        "Card preview: Jane Sample, Grade 3 Teacher\n"
    )
    reports = _scan(scanner, text.encode(), "mockup.txt")
    assert "PERSON" not in _entities(reports)
    assert "DATE_OF_BIRTH" not in _entities(reports)
    assert FERPA not in classify_reports(policy, reports)


def test_a_1099_files_recipients_are_its_vendor_sheets_payees(scanner: Scanner) -> None:
    """A 1099 worksheet gives its recipients with their SSNs, one trading under a name
    ("Gail Pereira DBA Pereira Speech Services"); its vendor ACH sheet then lists their
    accounts. The payee named there is the person the first sheet gave an SSN, though
    the Census lists lack her surname ("Raghunathan"): her account is personal."""
    data = w.xlsx_bytes(
        {
            "1099-NEC": [
                ["Vendor #", "Recipient Name", "TIN Type", "Recipient TIN", "Box 1"],
                [
                    "V00412",
                    "Gail Pereira DBA Pereira Speech Services",
                    "SSN",
                    "443-47-8793",
                    "38450",
                ],
                ["V01310", "Priya Raghunathan", "SSN", "217-70-3542", "7425"],
                ["V01203", "Alvarez Interpreting LLC", "EIN", "83-2917405", "12880.5"],
            ],
            "Vendor ACH": [
                ["Vendor #", "Payee", "Bank", "ABA Routing", "Account #", "Acct Type"],
                ["V00412", "Gail Pereira", "Rockland Trust", "011304290", "7740019823", "CHK"],
                [
                    "V01310",
                    "Priya Raghunathan",
                    "Bank of America",
                    "011000138",
                    "004617729184",
                    "CHK",
                ],
                [
                    "V01203",
                    "Alvarez Interpreting LLC",
                    "Cornerstone Bank",
                    "211380030",
                    "1200588410",
                    "CHK",
                ],
            ],
        }
    )
    reports = _scan(scanner, data, "1099_worksheet.xlsx")
    assert "Gail Pereira" in _sorted_values(reports, "PERSON")
    assert set(_sorted_values(reports, "US_BANK_NUMBER")) == {"004617729184", "7740019823"}


def test_a_payroll_samples_account_column_beside_its_routing(scanner: Scanner) -> None:
    """An auditor's payroll sample: "DD_ACCOUNT" of twelve digits beside each row's
    "DD_ROUTING" is the employee's account, not a column of IDs of a card's length that
    fail the card check."""
    data = (
        b"EMP_NO,EMP_NAME,SSN,GROSS,DD_ROUTING,DD_ACCOUNT,ACCT_TYPE,FUND_ORG\n"
        b'16557,"DAVIS, JONATHAN",514-33-5518,2224.57,211410900,661680179464,CHK,0100-GEN\n'
        b'16266,"COLE, ADAM",531-51-5265,2779.10,011709332,865282520302,SAV,2400-ESSER3\n'
        b'14832,"COLLIER, MICHELLE",307-13-7329,1023.23,113002539,632009062242,SAV,2305-TITLE1\n'
    )
    reports = _scan(scanner, data, "payroll_sample.csv")
    assert _sorted_values(reports, "US_BANK_NUMBER") == [
        "632009062242",
        "661680179464",
        "865282520302",
    ]


def test_a_letters_student_line_with_commas_before_his_id(scanner: Scanner) -> None:
    """A restitution letter's "Student Tyler Marchetti, Gr. 10, WRHS, ID 203356": the
    grade and the school a comma apart, then his number."""
    text = b"RE: B-wing windows\nStudent Tyler Marchetti, Gr. 10, WRHS, ID 203356\n"
    assert _sorted_values(_scan(scanner, text, "letter.txt"), "STUDENT_ID") == ["203356"]


def test_an_invoice_logs_card_column_beside_its_ledger_lines(
    scanner: Scanner, policy: Policy
) -> None:
    """A residency office's tuition payments: "Card / Acct / Check" beside a "Posted to"
    ledger line is what each payer paid with (a Visa taken by phone), not a budget's
    account; "Tyler Munis" and "Holden Police" name no one."""
    data = (
        b"Invoice,Case #,Payer,Method,Card / Acct / Check,Amount,Posted to,Entered in\n"
        b"TU-25-0003,RI-2024-061,Tamara Voss,Visa (phone),4147203188562033,1250,01-0000-4310,"
        b"Tyler Munis\n"
        b"TU-25-0004,RI-2024-066,Mark Lee,Check,#1044,900,01-0000-4310,Holden Police\n"
    )
    reports = _scan(scanner, data, "tuition_payments.csv")
    assert _sorted_values(reports, "CREDIT_CARD") == ["4147203188562033"]
    assert set(_sorted_values(reports, "PERSON")) == {"Mark Lee", "Tamara Voss"}
    assert MGL_93H in classify_reports(policy, reports)


def test_an_audit_logs_target_accounts_by_their_type(scanner: Scanner, policy: Policy) -> None:
    """A directory's password reset log exported as JSON: each event's "target" account
    has its "accountType" and "employeeId", which for a student's account is his local
    number (and for a staff member's, hers, no student's)."""
    events = [
        {
            "eventId": f"pwr-{i}",
            "initiatedBy": {"upn": "msullivan@qrsd.org", "displayName": "Michael Sullivan"},
            "target": {
                "upn": upn,
                "displayName": name,
                "accountType": kind,
                "employeeId": number,
            },
            "result": "success",
        }
        for i, (upn, name, kind, number) in enumerate(
            [
                ("maya.okafor@students.qrsd.org", "Maya Okafor", "student", "318274"),
                ("jayden.pierce@students.qrsd.org", "Jayden Pierce", "student", "323006"),
                ("dwalsh@qrsd.org", "Dana Walsh", "staff", "E10482"),
            ]
        )
    ]
    data = json.dumps({"report": "Password reset activity", "events": events}).encode()
    reports = _scan(scanner, data, "password_resets.json")
    assert _sorted_values(reports, "STUDENT_ID") == ["318274", "323006"]
    assert FERPA in classify_reports(policy, reports)


def test_a_law_firm_named_for_its_partners_is_no_one(scanner: Scanner) -> None:
    """A deposition's appearances: "Margaret Ellery, Esq., Carrow, Delaney & Platt LLP"
    names Margaret Ellery; "Carrow, Delaney" is the firm's first partners, no person
    written surname first. A couple so written still is: "Lopez, Maria & Juan Lopez"."""
    text = b"For the Defendants:  Margaret Ellery, Esq., Carrow, Delaney & Platt LLP\n"
    assert _sorted_values(_scan(scanner, text, "depo.txt"), "PERSON") == ["Margaret Ellery"]
    couple = b"Parents: Lopez, Maria & Juan Lopez\n"
    assert "Lopez, Maria" in _sorted_values(_scan(scanner, couple, "card.txt"), "PERSON")


def test_a_forms_release_and_waiver_and_a_self_referral_name_no_one() -> None:
    """NER takes a blank camp form's "the Photo Release policy" for a name; a form's
    "Photo Release" and "Liability Waiver" are no one's (the name filter every name
    finder's output passes)."""
    assert names_no_one("Photo Release")
    assert names_no_one("Liability Waiver")
    # ... nor a counseling referral log's "Referred By" of "Self-referral"
    assert names_no_one("Self-referral")
    assert not names_no_one("Maria Lopez")


def test_a_lotterys_applicants_born_as_children_are_students(
    scanner: Scanner, policy: Policy
) -> None:
    """A vocational school's grade 9 admissions lottery: its "Applicant (Last, First)"
    column heads no staff table where each applicant's "DOB" is a child's, so the names
    with their birth dates are students' records; a hiring panel's "Candidate" column
    with grown-ups' birth dates stays the staff's."""
    data = w.xlsx_bytes(
        {
            "Draw Log": [
                ["GPRT Grade 9 Admissions Lottery - Draw Log"],
                ["Lottery held 03/04/2025 6:00 PM, Media Center. Total applications: 447"],
                [],
                ["Draw #", "Application ID", "Applicant (Last, First)", "DOB", "Sending School"],
                ["14", "APP-26-0107", "Okafor, Chidi", "03/14/2011", "Haverhill Middle School"],
                ["23", "APP-26-0139", "Kowalski, Emma", "09/27/2010", "North Andover MS"],
                ["37", "APP-26-0112", "Alvarez, Sofia", "12/02/2010", "Methuen Middle School"],
            ]
        }
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "lottery.xlsx"))
    adults = w.xlsx_bytes(
        {
            "Panel": [
                ["Candidate", "DOB", "Posting", "Interview score"],
                ["Rebecca Lindqvist", "04/02/1988", "Grade 3 Teacher", "19"],
                ["Priya Raghavan", "11/30/1991", "Grade 3 Teacher", "17"],
            ]
        }
    )
    assert FERPA not in classify_reports(policy, _scan(scanner, adults, "panel.xlsx"))


def test_an_ssn_label_keeps_its_value_past_a_long_note_or_how_it_came(scanner: Scanner) -> None:
    """A payroll clerk's e-mail: "SSN (for payroll setup - new stipend account):" is the
    SSN's label with a note of what it is for, and "SSN over the phone" says how the
    number came; neither "account" nor "phone" names the value. A bare "phone" label
    still keeps a 3-2-4 number out of the SSNs."""
    text = (
        "Please set up Dana Whitcomb in Munis for the after-school stipend.\n"
        "SSN (for payroll setup - new stipend account): 031-54-7728\n"
        "Her husband Paul Whitcomb read me his SSN over the phone 031-62-4478.\n"
    )
    reports = _scan(scanner, text.encode(), "stipend.txt")
    assert _sorted_values(reports, "US_SSN") == ["031-54-7728", "031-62-4478"]
    plain = _scan(scanner, b"Dana Whitcomb, SSN 031-54-7728, phone 031-62-4478\n", "plain.txt")
    assert _sorted_values(plain, "US_SSN") == ["031-54-7728"]


def test_a_kind_column_labels_the_number_beside_it(scanner: Scanner, policy: Policy) -> None:
    """A kindergarten registration export gives each family's proof of residency as a
    kind and a reference: "MA Driver License + Eversource bill", then "S71920385" under
    "Residency Proof Ref" (a "ref" labels no licence). The kind labels the number; a
    lease's "exp 07/31/2026" beside "Lease" stays nothing."""
    header = "Student Name,Guardian 1 Name,DOB,Residency Proof Type,Residency Proof Ref"
    rows = [
        '"Castellano, Mateo",Lucia Castellano,02/11/2020,Lease,exp 07/31/2026',
        "\"O'Rourke, Siobhan\",Kathleen O'Rourke,11/30/2019,MA Driver License + Eversource bill,"
        "S71920385",
        '"Nguyen, Bao-Tran",Thu Nguyen,06/04/2020,Mortgage statement,Aug 2025 stmt',
        '"Ferreira, Gabriel",Ana Ferreira,01/23/2020,MA Driver License (Rui Ferreira),S30458812',
        '"Doucette, Liam",Jo Doucette,03/02/2020,National Grid bill,09/2025',
        '"Adeyemi, Tolu",Ife Adeyemi,05/19/2020,Lease,exp 05/31/2026',
    ]
    reports = _scan(scanner, "\n".join([header, *rows]).encode(), "kreg.csv")
    assert _sorted_values(reports, "US_DRIVER_LICENSE") == ["S30458812", "S71920385"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_procedures_blank_form_and_staff_contacts_are_no_record(
    scanner: Scanner, policy: Policy
) -> None:
    """An attendance procedure on the staff intranet prints its home visit form without
    lines, one label after the next ("Student name: Local ID #:"), and ends with the
    attendance staff's contacts: no student's record, though it speaks of absences,
    IEPs and the nurse. The same form filled in is one."""

    def page(student_line: str) -> bytes:
        return (
            "<html><body><h1>Truancy Response and CRA Referral Procedure</h1>"
            "<p>8 unexcused absences in a quarter: Student Support Team meeting; attendance "
            "contract; referral to school adjustment counselor. Confirm IEP/504 status with "
            "Special Education. A-MED (medical, nurse verified).</p>"
            "<h2>Blank home visit form (ATT-HV)</h2>"
            f"<p>{student_line}</p><p>SASID: Grade: ______ School:</p>"
            "<p>Notes: ____________________</p>"
            "<h2>Attendance Department contacts</h2><table>"
            "<tr><th>Name</th><th>Role</th><th>Assigned schools</th><th>Direct line</th>"
            "<th>Email</th></tr>"
            "<tr><td>Daniel Kearney</td><td>Supervisor of Attendance</td><td>District-wide</td>"
            "<td>(508) 821-1163</td><td>dkearney@tps.k12.ma.us</td></tr>"
            "<tr><td>Marcos Oliveira</td><td>Attendance Officer</td><td>Taunton High</td>"
            "<td>(508) 821-1167</td><td>moliveira@tps.k12.ma.us</td></tr>"
            "</table></body></html>"
        ).encode()

    blank = _scan(scanner, page("Student name: Local ID #:"), "procedure.html")
    assert FERPA not in classify_reports(policy, blank)
    filled = _scan(scanner, page("Student name: Mateo Cabral Local ID #: 207731"), "visit.html")
    assert FERPA in classify_reports(policy, filled)


def test_a_students_number_a_wide_gap_after_his_name_before_his_grade(scanner: Scanner) -> None:
    """An attendance officer's fixed-width visit log: "Student .......: Mateo Cabral
    ID# 207731   Gr 7", the name padded to its column."""
    text = (
        "VISIT #24-119     Mon 02/12/2024  10:15\n"
        "Student .......: Mateo Cabral         ID# 207731   Gr 7    Parker MS\n"
        "Spoke with ....: Linda Souza (maternal grandmother / guardian)\n"
    )
    assert _sorted_values(_scan(scanner, text.encode(), "visits.txt"), "STUDENT_ID") == ["207731"]


def test_a_card_or_account_column_holds_accounts_and_cards(scanner: Scanner) -> None:
    """A premium draw sheet's "Card / Account" beside its "Exp / Routing": an account
    where the row draws by ACH, a card where it pays by card."""
    data = w.xlsx_bytes(
        {
            "Premium Pmts": [
                ["Employee", "Plan", "Method", "Card / Account", "Exp / Routing", "Notes"],
                ["McDonough, Kathleen", "PPO Family", "ACH", "4402718853", "011302742", ""],
                ["Lavoie, Marc", "HMO Ind.", "Card", "4539148803436467", "09/27", ""],
            ]
        }
    )
    reports = _scan(scanner, data, "premiums.xlsx")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["4402718853"]
    assert _sorted_values(reports, "CREDIT_CARD") == ["4539148803436467"]


def test_a_word_in_the_labels_own_note_is_no_label(scanner: Scanner) -> None:
    """A reimbursement form's "Card used (for receipt match):": the card's label, its
    note's "receipt" no receipt number's. A receipt's own label still is one."""
    text = "Employee: Nathaniel Brooks\nCard used (for receipt match): 4539 1488 0343 6467\n"
    reports = _scan(scanner, text.encode(), "reimbursement.txt")
    assert _sorted_values(reports, "CREDIT_CARD") == ["4539 1488 0343 6467"]
    receipt = _scan(scanner, b"Receipt (card): 4539 1488 0343 6467\n", "receipt.txt")
    assert _sorted_values(receipt, "CREDIT_CARD") == []


def test_an_evaluations_ratings_are_no_names(scanner: Scanner) -> None:
    """An educator evaluation export's standards, headed by phrases ("Std II: Teaching
    All Students"), rate each teacher "Proficient" or "Needs Improvement": no one's
    names; the educators are."""
    data = (
        b"Educator,Employee ID,Std I: Curriculum,Std II: Teaching All Students,Summative\n"
        b"Megan Hartley,E20417,Proficient,Needs Improvement,Proficient\n"
        b"Owen Szymanski,E20533,Exemplary,Proficient,Proficient\n"
    )
    names = _sorted_values(_scan(scanner, data, "teachpoint.csv"), "PERSON")
    assert names == ["Megan Hartley", "Owen Szymanski"]
    assert names_no_one("Needs Improvement")
    assert not names_no_one("Megan Hartley")


def test_a_birth_dates_label_is_no_label_of_the_dates_after_it(scanner: Scanner) -> None:
    """A chaperone clearance list's line: "DOB 02/27/1980  CORI 10/2023 OK  FP
    03/11/2025": the fingerprint date is no birth date. Nor is a child's third birthday,
    which an Early Intervention transition plan runs to."""
    text = (
        "Thomas Levesque   Lic S52068819   DOB 02/27/1980  CORI 10/2023 OK   FP 03/11/2025\n"
        "Rebecca Amaral    Lic S37714902   DOB 09/13/1983  CORI 09/2024 OK   FP 03/07/2025\n"
        "\n"
        "Child: Hazel Brennan     DOB: 11/03/2022\n"
        "Goal is IEP in place by 3rd birthday (11/03/2025).\n"
    )
    dates = _sorted_values(_scan(scanner, text.encode(), "clearance.txt"), "DATE_OF_BIRTH")
    assert dates == ["02/27/1980", "09/13/1983", "11/03/2022"]


def test_a_check_logs_payers_accounts_under_a_deposit_to_the_schools_account(
    scanner: Scanner, policy: Policy
) -> None:
    """A business office's check log, printed to PDF: the deposit went to the school's
    "Student Activity acct", but the rows under "Payer ... ABA routing Account #" give
    each parent's own account from the check."""
    data = w.pdf_bytes(
        [
            [
                "Device Protection Fee Check Log (Batch 3, deposited 09/09/2024)",
                "Entered by: Accounts Receivable. Deposit to Student Activity acct (district).",
                "Payer For student Check # ABA routing Account # Amount",
                "Corinne Whitcombe Jonah Whitcombe 2217 211372048 004471902236 $25.00",
                "Anthony Marchetti Colby Marchetti 0631 011000138 5530187744 $25.00",
            ]
        ]
    )
    reports = _scan(scanner, data, "checks.pdf")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["004471902236", "5530187744"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_budget_pages_account_lines_are_no_ones(scanner: Scanner, policy: Policy) -> None:
    """A School Committee budget page for out-of-district special education: its
    "Account" column holds budget lines with a location code after them
    ("1000-9100-5620-00"), no one's bank accounts, so its words of IEP placements and
    services are about no one; "Circuit Breaker" is the state's reimbursement."""
    page = (
        b"<html><body><h1>FY26 Budget Detail: Special Education Out-of-District</h1>"
        b"<p>Placements of students with IEPs in collaborative and private day programs; "
        b"related services and transportation. Circuit Breaker reimbursement assumed at "
        b"75% of eligible costs.</p><table>"
        b"<tr><th>Account</th><th>Description</th><th>FY25 appropriated</th>"
        b"<th>FY26 request</th></tr>"
        b"<tr><td>1000-9100-5620-00</td><td>Tuition - collaboratives</td><td>$1,642,300</td>"
        b"<td>$1,771,900</td></tr>"
        b"<tr><td>1000-9100-5630-00</td><td>Tuition - private day</td><td>$1,318,450</td>"
        b"<td>$1,436,000</td></tr>"
        b"<tr><td>Net</td><td></td><td>$3,308,650</td><td>$3,585,400</td></tr>"
        b"</table></body></html>"
    )
    reports = _scan(scanner, page, "budget.html")
    assert FERPA not in classify_reports(policy, reports)
    assert _sorted_values(reports, "US_BANK_NUMBER") == []
    assert _sorted_values(reports, "PERSON") == []


def test_a_grants_fund_code_is_no_ssn(scanner: Scanner, policy: Policy) -> None:
    """A summer program's overview lists its funding: "IDEA 240 offset Fund 240-25-0117"
    is a grant's fund code in an SSN's shape, beside the staff who run the program; no
    one's SSN. An SSN after its label stays one."""
    text = (
        "ESY 2025 Program Overview\n"
        "Coordinator: Rebecca Lindqvist, rlindqvist@assabethills.org\n"
        "IDEA 240 offset Fund 240-25-0117 ($52,000.00)\n"
    )
    reports = _scan(scanner, text.encode(), "esy.txt")
    assert _sorted_values(reports, "US_SSN") == []
    assert MGL_93H not in classify_reports(policy, reports)
    labelled = _scan(scanner, b"Rebecca Lindqvist SSN 240-25-0117\n", "ssn.txt")
    assert _sorted_values(labelled, "US_SSN") == ["240-25-0117"]


def test_a_billing_sheets_family_account_heading_is_no_name() -> None:
    """A preschool billing sheet's sub-heading in its "Child in family" column, "Family
    Acct", names no one."""
    assert names_no_one("Family Acct")
    assert not names_no_one("Ava Nguyen")


def test_candidates_measured_as_students_are_students(scanner: Scanner, policy: Policy) -> None:
    """A dean's eligibility check for a class officer election, printed fixed-width:
    its "CANDIDATE" column beside "GPA", "ABS" and "DISCIPLINE" lists students, not a
    hiring panel's candidates, and each row is a student's record."""
    text = (
        "AUBURN HIGH SCHOOL - DEAN'S OFFICE\n"
        "Class of 2026 Officer Election - Candidate Eligibility Check\n"
        "Criteria: Q1+Q2 GPA >= 2.50, absences <= 15 YTD, no major discipline in last 90 days\n"
        "-----------------------------------------------------------------------------\n"
        "CANDIDATE           ID       GPA   ABS  DISCIPLINE                  RESULT\n"
        "Jayden Ortiz        211208   3.12  4    none\n"
        "                                        => ELIGIBLE\n"
        "Marisol Quintero    211839   2.41  11   1 - verbal altercation 11/14/24, 1 day ISS\n"
        "                                        => INELIGIBLE (GPA < 2.50)\n"
        "Owen Lachance       211044   2.88  17   none\n"
        "                                        => PROBATION - attendance\n"
    )
    reports = _scan(scanner, text.encode(), "eligibility.txt")
    assert FERPA in classify_reports(policy, reports)


def test_a_procedures_badge_that_represents_no_real_person_is_no_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A visitor management procedure shows a sample badge ("SAMPLE, JANE Q. | DOB:
    01/01/1900") and says it "does not represent any real person": its words of IEP
    meetings and incident reports are about no one."""
    text = (
        "Visitor Management Procedures - Raptor Technologies\n"
        "If it IS a match, the visitor may not proceed beyond the vestibule (e.g., a "
        "registered parent attending a scheduled IEP meeting with an escort). Complete the "
        "Raptor Alert Incident Report within 24 hours. Student services and the nurse are "
        "notified.\n"
        "3. Sample Badge (for training)\n"
        "VISITOR  |  SAMPLE, JANE Q.  |  DOB: 01/01/1900  |  ID: XXXX0000  |  Room 000\n"
        "The above is a placeholder from the Raptor training environment and does not "
        "represent any real person.\n"
    )
    reports = _scan(scanner, text.encode(), "procedures.txt")
    assert FERPA not in classify_reports(policy, reports)


def test_a_companys_remittance_line_gives_no_routing_number(scanner: Scanner) -> None:
    """An agency's invoice: "Remit by ACH to: Bay State Nurse Staffing, LLC - Eastern Bank
    - ABA 011301798 - Operating Acct 7702148831" is the company's account and its bank's
    routing number, neither personal; a parent's pair stays."""
    text = (
        "Remit by ACH to: Bay State Nurse Staffing, LLC - Eastern Bank - ABA 011301798 - "
        "Operating Acct 7702148831.\n"
    )
    reports = _scan(scanner, text.encode(), "invoice.txt")
    assert _sorted_values(reports, "ABA_ROUTING_NUMBER") == []
    assert _sorted_values(reports, "US_BANK_NUMBER") == []
    parent = _scan(scanner, b"Ana Lopez routing 011301798 account 7702148831\n", "refund.txt")
    assert _sorted_values(parent, "ABA_ROUTING_NUMBER") == ["011301798"]


def test_the_next_lines_label_vouches_for_nothing_on_this_one(scanner: Scanner) -> None:
    """A college's application form printed from PDF, each row of labels over its row of
    values: "06/30/2008 031-74-5582 S48027163", then "Home Street Address ...". The next
    line's "Home" makes no phone of the year and the SSN run together; the SSN stays."""
    text = (
        "Date of Birth (mm/dd/yyyy) Social Security Number (for 1098-T reporting) MA Driver's "
        "License / ID No.\n"
        "06/30/2008 031-74-5582 S48027163\n"
        "Home Street Address City, State, ZIP Student Cell Phone\n"
        "27 Primrose Street Haverhill, MA 01830 (978) 212-6049\n"
    )
    reports = _scan(scanner, text.encode(), "application.txt")
    assert _sorted_values(reports, "US_SSN") == ["031-74-5582"]
    assert _sorted_values(reports, "PHONE_NUMBER") == ["(978) 212-6049"]
    # ... while a word after the value on its own line still vouches for it
    noted = _scan(scanner, b"Emergency: 617 555 0142 (home)\n", "note.txt")
    assert _sorted_values(noted, "PHONE_NUMBER") == ["617 555 0142"]


def test_a_colleges_banner_ids_are_student_numbers(scanner: Scanner, policy: Policy) -> None:
    """A dual enrollment roster from a community college: each student's college ID as
    Ellucian Banner writes it, "@00412873". A mailbox's "@" with a domain is no ID."""
    data = (
        b"Student,NECC ID,Course,Midterm\n"
        b'"Ferreira, Gabriel",@00413517,BIO121,B+\n'
        b'"Okafor, Chidi",@00412873,ENG101,A-\n'
    )
    reports = _scan(scanner, data, "midterms.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["@00412873", "@00413517"]
    assert FERPA in classify_reports(policy, reports)
    mailbox = _scan(scanner, b"Write to jo@00413517.com\n", "mail.txt")
    assert _sorted_values(mailbox, "STUDENT_ID") == []


def test_a_cell_that_labels_its_own_value_in_a_column_of_two_kinds(scanner: Scanner) -> None:
    """A home and hospital tutoring team's minutes: its "ID / DOB" column gives one
    student's "ID 201472" and another's "DOB 09/22/2016". Each cell's own label says
    which it is; the value is the number, not the label with it. Beside employees, a
    bare "ID" is no student's."""
    data = w.docx_bytes(
        ["Home/Hospital Tutoring Team - Minutes 12/04/2024"],
        [
            [
                ["Student", "ID / DOB", "Reason / setting"],
                ["Sophie Tran (Gr 10)", "ID 201472", "Psychiatric hospitalization"],
                ["Jaden Whitcomb (Gr 3)", "DOB 09/22/2016", "ALL - maintenance chemo"],
                ["Evan Kowalski (Gr 8)", "ID 204817", "Post-op spinal fusion; home"],
            ]
        ],
    )
    reports = _scan(scanner, data, "minutes.docx")
    assert _sorted_values(reports, "STUDENT_ID") == ["201472", "204817"]
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["09/22/2016"]
    staff = _scan(
        scanner, b"Employee,ID / DOB\nAna Lopez,ID 201472\nJo Pike,DOB 09/22/1980\n", "s.csv"
    )
    assert _sorted_values(staff, "STUDENT_ID") == []
    assert _sorted_values(staff, "DATE_OF_BIRTH") == ["09/22/1980"]


def test_a_subs_instructions_number_the_students_with_plans(scanner: Scanner) -> None:
    """A substitute dispatch export's "special_instructions": "Sophia Reyes (ID 318872)
    and Caleb Moynihan (ID 318905) have 504 plans": the students' numbers, in a table led
    by the absent teacher."""
    data = (
        b"absent_employee name,absent_employee employee_id,reason,special_instructions\n"
        b'Marcus Whitfield,E10917,Illness,"Periods 5-7. Sophia Reyes (ID 318872) and Caleb '
        b'Moynihan (ID 318905) have 504 plans - extended time on the lab quiz."\n'
    )
    reports = _scan(scanner, data, "subdispatch.csv")
    assert _sorted_values(reports, "STUDENT_ID") == ["318872", "318905"]


def test_a_learners_sheet_with_its_intake_staff_is_the_learners(
    scanner: Scanner, policy: Policy
) -> None:
    """An adult education intake sheet: its learners under "Learner ID", "Last Name",
    "First Name", and the staff member who took each intake under "Intake Staff". The
    staff column does not make the sheet a staff table: the learners' numbers are theirs,
    and the sheet is their record."""
    data = w.xlsx_bytes(
        {
            "Registrations": [
                [
                    "Learner ID",
                    "Last Name",
                    "First Name",
                    "DOB",
                    "SSN (state rptg)",
                    "Program",
                    "Intake Date",
                    "Intake Staff",
                ],
                [
                    "700214",
                    "Tavares",
                    "Rosa",
                    "03/14/1988",
                    "031-52-7784",
                    "HiSET Prep",
                    "09/04/2024",
                    "Maureen Tully",
                ],
                [
                    "700215",
                    "Doucette",
                    "Kevin",
                    "11/02/1995",
                    "027-61-4409",
                    "ESOL Level 3",
                    "09/04/2024",
                    "Maureen Tully",
                ],
                [
                    "700216",
                    "Pham",
                    "Linh",
                    "06/21/1979",
                    "214-38-9052",
                    "HiSET Prep",
                    "09/05/2024",
                    "Brian Costa",
                ],
            ]
        }
    )
    reports = _scan(scanner, data, "AE_Registrations.xlsx")
    assert _sorted_values(reports, "STUDENT_ID") == ["700214", "700215", "700216"]
    assert FERPA in classify_reports(policy, reports)


def test_a_note_in_lower_case_and_a_self_payer_are_no_names() -> None:
    """A fee log's "Paid with" column (typed as names by its "(per applicant)") holds
    "cash - receipt copy attached": a note, though "Cash" is a surname on the lists. A
    claims file's "Payer" of "Self-pay" is no one. A name in lower case still is one."""
    assert not cell_value_ok("PERSON", "cash - receipt copy attached")
    assert not cell_value_ok("PERSON", "Self-pay")
    # ... nor a collections log's outcome of a call
    assert not cell_value_ok("PERSON", "no response")
    assert cell_value_ok("PERSON", "maria de la cruz")
    assert cell_value_ok("PERSON", "Maria Lopez")


def test_a_bulletins_section_heading_ends_the_shout_outs_above_it(
    scanner: Scanner, policy: Policy
) -> None:
    """A principal's weekly bulletin, a paragraph to a line: a "shout-out" to staff early
    on, then under "Health & Safety" a slip that "Ava Brennan (Gr. 6, homeroom 112) now
    has a 504 plan for a severe peanut allergy": her record, not one of the shout-outs."""
    data = w.docx_bytes(
        [
            "The Hillside Weekly",
            "Principal's Bulletin | Week of October 21, 2024",
            "A huge shout-out to Priya Raman and the Grade 7 science team for the field study.",
            "Dates to Remember",
            "Mon 10/21 - Team Blue field trip, buses depart 8:10",
            "Health & Safety",
            "Cafeteria and Team Blue staff: Ava Brennan (Gr. 6, homeroom 112) now has a 504 plan "
            "for a severe peanut allergy. Accommodations: nut-free table, EpiPen in her backpack.",
            "Facilities & Operations",
            "The HVAC work order for the 200 wing is WO-2024-3187.",
        ],
        [],
    )
    assert FERPA in classify_reports(policy, _scan(scanner, data, "bulletin.docx"))


def test_a_caregiver_column_names_the_payee_of_a_vendor_sheets_account(
    scanner: Scanner, policy: Policy
) -> None:
    """A foster care transport reimbursement sheet: each row's "Caregiver" is paid
    mileage to her own account (the sheet numbers its payees as vendors, "Vendor #")."""
    data = w.xlsx_bytes(
        {
            "Foster Transport Reimb": [
                [
                    "Caregiver",
                    "Student",
                    "Caregiver Address",
                    "Rate",
                    "Bank Routing #",
                    "Account #",
                    "Acct Type",
                    "Vendor #",
                ],
                [
                    "Gail Pelletier",
                    "Sophia Reilly",
                    "112 Providence Road",
                    "0.67",
                    "211370215",
                    "004418273395",
                    "Checking",
                    "V-20417",
                ],
                [
                    "Dwayne Richards",
                    "Destiny Alvarado",
                    "9 Carpenter Street",
                    "0.67",
                    "011000138",
                    "8820147763",
                    "Checking",
                    "V-20433",
                ],
            ]
        }
    )
    reports = _scan(scanner, data, "foster_transport.xlsx")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["004418273395", "8820147763"]
    assert MGL_93H in classify_reports(policy, reports)


def test_a_data_privacy_agreements_signers_and_data_list_are_no_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A student data privacy agreement with a vendor: its representatives' blocks,
    "Name: Karen Whitcomb   Title: Director of Technology", and its schedule of data,
    "Student Name First and/or Last X", speak of student records and of no student."""
    text = (
        "MASSACHUSETTS STUDENT DATA PRIVACY AGREEMENT\n"
        "The designated representative for the LEA for this DPA is:\n"
        "Name: Karen Whitcomb        Title: Director of Technology & Digital Learning\n"
        "Phone: (508) 865-9501 x1140     Email: kwhitcomb@millburyps.org\n"
        "EXHIBIT B - SCHEDULE OF DATA\n"
        "Assessment Standardized test scores\n"
        "Enrollment Student grade level, Homeroom, School X\n"
        "Special Indicator English Learner, IEP, 504, Low income\n"
        "Student Identifiers Local (School district) ID number X\n"
        "Student Name First and/or Last X\n"
        "Progress reports and reading assessment results are kept for each student.\n"
    )
    reports = _scan(scanner, text.encode(), "dpa.txt")
    assert FERPA not in classify_reports(policy, reports)
    # ... while a form's label printed without its colon still names its student
    form = b"Name of student Victoria Khan\nGrade 5. IEP services: speech 2x30 per week.\n"
    assert FERPA in classify_reports(policy, _scan(scanner, form, "form.txt"))


def test_an_incident_number_is_no_incorporated_company(scanner: Scanner) -> None:
    """An incident report's "tracked under INC-20932" is no "Inc.": the staff rows below
    it keep their own bank accounts."""
    text = (
        "A separate custom 'ssn' column was also present in the students file and is tracked\n"
        "under INC-20932. Excerpt of affected rows:\n"
        "Employee Position Emp ID SSN MA License Routing Account\n"
        "Maureen Gagnon Paraprofessional E14900 264-32-7403 211119586 845309171559\n"
        "Luis Ortega Bus Driver E11410 193-80-3386 S25576371 011064006 912995973\n"
    )
    reports = _scan(scanner, text.encode(), "incident.txt")
    assert _sorted_values(reports, "US_BANK_NUMBER") == ["845309171559", "912995973"]


def test_a_scanning_projects_exceptions_log_reads_each_value_by_its_field(
    scanner: Scanner, policy: Policy
) -> None:
    """A records clerk's OCR exceptions sheet for old enrollment cards: each row's
    "Field" ("Birth Date", "Pupil No.", "SASID (stamped 1999)") labels its "Corrected
    Value", so the former students' numbers and birth dates are found, and the sheet is
    their record."""
    data = w.xlsx_bytes(
        {
            "Exceptions": [
                [
                    "Image",
                    "Card Year",
                    "Student (as indexed)",
                    "Field",
                    "OCR Issue",
                    "Corrected Value",
                    "Reviewer",
                ],
                [
                    "B07_img0088.tif",
                    "1991",
                    "Christopher Lemieux",
                    "Birth Date",
                    "digit 0 read as letter O",
                    "03/05/1985",
                    "KM",
                ],
                [
                    "B07_img0088.tif",
                    "1991",
                    "Christopher Lemieux",
                    "Pupil No.",
                    "last digit cut off at scan edge",
                    "356214",
                    "KM",
                ],
                [
                    "B09_img0102.tif",
                    "1993",
                    "Amanda Sirois",
                    "SASID (stamped 1999)",
                    "stamp overlaps text",
                    "1003318297",
                    "KM",
                ],
            ]
        }
    )
    reports = _scan(scanner, data, "OCR_QC_exceptions.xlsx")
    assert _sorted_values(reports, "STUDENT_ID") == ["1003318297", "356214"]
    assert _sorted_values(reports, "DATE_OF_BIRTH") == ["03/05/1985"]
    assert FERPA in classify_reports(policy, reports)


def test_a_form_letter_to_the_parent_of_a_blank_student_number_is_no_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A food services form letter: "To the Parent/Guardian of: ______   Student #:
    ______", about meal balances, free or reduced-price meals and a counselor's referral:
    a blank, no one's record. Filled in, it is one."""

    def letter(to_line: str) -> bytes:
        return (
            "Office of Food & Nutrition Services\n"
            f"{to_line}\n"
            "RE: Meal Charge Policy - Notice of Low or Negative Meal Account Balance\n"
            "Our records show that your child's meal account balance is $________.\n"
            "Households may qualify for free or reduced-price meals.\n"
            "-$50.00   Letter 2; referral to school adjustment counselor\n"
            "Sincerely,\nDenise Marchetti, SNS\n"
        ).encode()

    blank = letter("To the Parent/Guardian of: ______________   Student #: __________")
    assert FERPA not in classify_reports(policy, _scan(scanner, blank, "letter.txt"))
    filled = letter("To the Parent/Guardian of: Liam Okafor   Student #: 204518")
    assert FERPA in classify_reports(policy, _scan(scanner, filled, "letter_okafor.txt"))
