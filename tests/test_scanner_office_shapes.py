"""More shapes of real district files: each case was a miss or a false alarm on a set of
school-office documents written by someone who had not seen the scanner (a guidance
office, payroll, student services, the data office), scanned end to end with the
district policy. The files here are new ones of the same shapes, not those files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from district_classes import FERPA, MGL_93H

from bench import _writers as w
from pii_guard.scanning import classify_reports, scanner_for_policy
from policies import Policy, load_policy
from scanners import FileReport, Scanner
from scanners.extract import TableBlock, extract_bytes, extract_path


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(None).policy


@pytest.fixture(scope="module")
def scanner(policy: Policy) -> Scanner:
    return scanner_for_policy(policy)


def _scan(scanner: Scanner, data: bytes, name: str) -> list[FileReport]:
    return scanner.scan_bytes(data, name)


def _found(reports: list[FileReport]) -> set[tuple[str, str]]:
    return {(f.entity, f.value) for report in reports for f in report.findings}


_VENDOR_HEADER = ["Vendor No", "Payee", "Street", "Student", "Stu ID", "ABA", "Acct No"]


def test_a_vendor_files_account_is_a_persons_where_the_payee_is_a_parent(
    scanner: Scanner, policy: Policy
) -> None:
    """Districts pay parents' mileage as vendors: the "Vendor No" column does not make the
    parent's bank account a company's."""
    data = w.csv_bytes(
        [
            _VENDOR_HEADER,
            [
                "V40211",
                "Dolores Whitaker",
                "18 Oak St",
                "Whitaker, Owen",
                "231877",
                "211274450",
                "40091733",
            ],
            [
                "V40219",
                "Manuel Ferreira",
                "7 Elm Ave",
                "Ferreira, Ana",
                "244310",
                "011000138",
                "5512004871",
            ],
        ]
    )
    reports = _scan(scanner, data, "mileage_reimbursement.csv")
    assert ("US_BANK_NUMBER", "40091733") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_vendor_files_company_accounts_stay_no_ones(scanner: Scanner, policy: Policy) -> None:
    """... and where the payee is a company, its account is no one's personal data, even
    beside a student's name (a placement's tuition)."""
    data = w.csv_bytes(
        [
            _VENDOR_HEADER,
            [
                "V10882",
                "Crestview Academy Inc",
                "40 Mill Rd",
                "Whitaker, Owen",
                "231877",
                "211274450",
                "40091733",
            ],
            [
                "V10907",
                "Northshore Transport LLC",
                "2 Dock St",
                "Ferreira, Ana",
                "244310",
                "011000138",
                "5512004871",
            ],
        ]
    )
    reports = _scan(scanner, data, "ood_tuition_payments.csv")
    assert "US_BANK_NUMBER" not in {entity for entity, _ in _found(reports)}
    assert MGL_93H not in classify_reports(policy, reports)


def test_aspen_field_names_say_whose_field_it_is(scanner: Scanner, policy: Policy) -> None:
    """Aspen exports name fields by table prefix: "stdIDLocal" is the student's local ID,
    "stdNameView" the student's name; "psnNameFirst" a contact's."""
    data = w.csv_bytes(
        [
            [
                "stdIDLocal",
                "stdIDState",
                "stdNameView",
                "stdGradeLevel",
                "psnNameFirst",
                "psnNameLast",
                "psnPhone01",
            ],
            ["284517", "1502231187", "Okafor, Chidera", "07", "Ngozi", "Okafor", "(617) 555-0133"],
            [
                "219063",
                "1177204490",
                "Lindqvist, Emil",
                "06",
                "Karin",
                "Lindqvist",
                "(617) 555-0178",
            ],
        ]
    )
    reports = _scan(scanner, data, "StudentContact.csv")
    found = _found(reports)
    assert ("STUDENT_ID", "284517") in found
    assert ("PERSON", "Okafor, Chidera") in found
    assert FERPA in classify_reports(policy, reports)


def test_a_benefits_files_std_is_short_term_disability(scanner: Scanner, policy: Policy) -> None:
    data = w.csv_bytes(
        [
            ["Emp ID", "Last Name", "First Name", "STD Premium", "STD Elect"],
            ["104223", "Gallagher", "Teresa", "14.20", "Y"],
            ["104981", "Nakamura", "Ken", "11.05", "N"],
        ]
    )
    reports = _scan(scanner, data, "benefits_deductions.csv")
    assert FERPA not in classify_reports(policy, reports)


def test_a_w2_files_employer_state_id_is_no_student_id(scanner: Scanner, policy: Policy) -> None:
    data = w.csv_bytes(
        [
            ["File #", "Tax ID", "First Name", "Last Name", "Box1 Wages", "Employer State ID"],
            ["143388", "212-58-3391", "Joanne", "Kowalski", "61234.50", "04-6001234"],
            ["127301", "301-44-9021", "Brian", "Oduya", "88120.00", "04-6001234"],
        ]
    )
    reports = _scan(scanner, data, "w2_preview.csv")
    assert "STUDENT_ID" not in {entity for entity, _ in _found(reports)}
    classes = classify_reports(policy, reports)
    assert MGL_93H in classes and FERPA not in classes


def test_a_staff_absence_export_is_no_student_record(scanner: Scanner, policy: Policy) -> None:
    """Frontline's absences are teachers': a reason such as jury duty and a substitute's
    fill say so, though each row's location is a school."""
    rows = [
        [
            "Employee Identifier",
            "Last Name",
            "First Name",
            "Location",
            "Absence Date",
            "Reason",
            "Fill Status",
            "Substitute",
        ],
    ]
    reasons = ["Jury Duty", "Personal Day", "Personal Illness", "Professional Day"]
    schools = ["Tobin Middle School", "Peabody Elementary", "Rindge High School"]
    people = [("Dunne", "Colleen"), ("Abebe", "Samuel"), ("Vargas", "Lucia"), ("Holm", "Erik")]
    for n, (last, first) in enumerate(people):
        rows.append(
            [
                str(660100 + n),
                last,
                first,
                schools[n % 3],
                f"2024-10-0{n + 1}",
                reasons[n],
                "Filled" if n % 2 else "No Sub Required",
                "Pat Greer" if n % 2 else "",
            ]
        )
    reports = _scan(scanner, w.csv_bytes(rows), "AbsenceExport.csv")
    assert FERPA not in classify_reports(policy, reports)


def test_a_counselors_week_of_notes_is_a_student_record(scanner: Scanner, policy: Policy) -> None:
    """Entries dated by weekday, the surname in capitals and the ID and grade after it."""
    text = (
        "Counseling contact notes - week of 3/10 - R. Alvarez\n"
        "Working notes; summary goes into Aspen.\n"
        "Tue - HALVORSEN, Mira (ID 263390, gr 8)\n"
        "Check-in per 504. Said the new seat helps; wants to keep the testing room.\n"
        "Thu - ADEYEMI, Tolu (ID 250147, gr 7)\n"
        "Safety assessment after a note to a teacher. Low risk; safety plan made with mom.\n"
    )
    data = w.odt_bytes(text.splitlines())
    reports = _scan(scanner, data, "counselor_notes.odt")
    assert FERPA in classify_reports(policy, reports)


def test_a_web_forms_fields_named_by_attribute_are_its_columns(tmp_path: Path) -> None:
    """`<field name="student_id">`: the attribute names each field, and every field of a
    submission is read, not only its first."""
    xml = (
        '<?xml version="1.0"?>\n<responses>\n'
        + "".join(
            f'<submission id="{n}"><field name="student_name">{name}</field>'
            f'<field name="student_id">{sid}</field><field name="reason">{why}</field>'
            "</submission>\n"
            for n, (name, sid, why) in enumerate(
                [("Ines Carvalho", "240118", "test anxiety"), ("Theo Marsh", "251903", "grief")]
            )
        )
        + "</responses>\n"
    )
    path = tmp_path / "requests.xml"
    path.write_text(xml, encoding="utf-8")
    tables = [b for d in extract_path(path) for b in d.blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1
    assert tables[0].header == ("id", "student_name", "student_id", "reason")
    assert [cells for _, cells in tables[0].rows] == [
        ("0", "Ines Carvalho", "240118", "test anxiety"),
        ("1", "Theo Marsh", "251903", "grief"),
    ]


def test_a_web_form_export_of_student_requests_is_a_record(
    scanner: Scanner, policy: Policy
) -> None:
    xml = (
        '<?xml version="1.0"?>\n<form_responses form="see-a-counselor">\n'
        '<submission id="7"><field name="student_name">Ines Carvalho</field>'
        '<field name="student_id">240118</field><field name="grade">7</field></submission>\n'
        '<submission id="8"><field name="student_name">Theo Marsh</field>'
        '<field name="student_id">251903</field><field name="grade">8</field></submission>\n'
        "</form_responses>\n"
    )
    reports = _scan(scanner, xml.encode(), "responses.xml")
    assert ("STUDENT_ID", "240118") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_newsletters_workshop_on_your_childs_iep_is_about_no_child(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "Student Services News - Spring\n"
        "Congratulations to our robotics team: Marisol Ortega, Dylan Forsythe, Hana Sato.\n"
        "SEPAC meets the first Monday of each month. Next workshop: 'Understanding Your "
        "Child's IEP' on April 8 in the library.\n"
    )
    reports = _scan(scanner, w.docx_bytes(text.splitlines()), "newsletter.docx")
    assert FERPA not in classify_reports(policy, reports)


def test_a_case_review_slide_names_its_student_and_number(scanner: Scanner, policy: Policy) -> None:
    slides = [
        ("Student Support Team - Case Review", ["Grade 4 · CONFIDENTIAL"], None, None),
        (
            "Marisol Ortega  (#263511)",
            ["Current IEP (SLD-math). Team to review goals."],
            None,
            None,
        ),
    ]
    reports = _scan(scanner, w.pptx_bytes(slides), "sst_review.pptx")
    assert FERPA in classify_reports(policy, reports)


_MEMO = (
    "MEMORANDUM\nTO: Grade 6-8 Teachers\nFROM: Guidance Department\nRE: {subject}\n"
    "Requests are taken until Friday. Changes are made for course conflicts or IEP/504 "
    "team decisions. Testing accommodations follow each plan. Counselors hold drop-in "
    "hours at lunch.\n"
)


def test_a_memos_subject_is_a_topic_not_a_student(scanner: Scanner, policy: Policy) -> None:
    staff = [
        ["Grade", "Counselor", "Ext."],
        ["6", "Renata Cole", "x4121"],
        ["7", "Victor Hale", "x4122"],
    ]
    text = _MEMO.format(subject="Schedule change window and procedures")
    reports = _scan(scanner, w.docx_bytes(text.splitlines(), [staff]), "memo.docx")
    assert FERPA not in classify_reports(policy, reports)


def test_a_memo_about_a_named_student_is_a_record(scanner: Scanner, policy: Policy) -> None:
    text = _MEMO.format(subject="Maria Delgado (gr 7)")
    reports = _scan(scanner, w.docx_bytes(text.splitlines()), "memo.docx")
    assert FERPA in classify_reports(policy, reports)


def test_a_calendars_grade_range_is_no_named_student(scanner: Scanner, policy: Policy) -> None:
    """ "MCAS ELA (gr 6-8)" on a newsletter's calendar is of three grades, not a student's."""
    text = (
        "The Guidance Gazette - April\nImportant Dates\n"
        "4/2 - Term 3 progress reports posted to the family portal\n"
        "4/9-4/11 - MCAS ELA (gr 6-8)\n"
        "Term 3 Honor Roll\nGrade 7 High Honors: Paul Becker, Nadia Haddad, Sean Walsh\n"
    )
    reports = _scan(scanner, w.docx_bytes(text.splitlines()), "gazette.docx")
    assert FERPA not in classify_reports(policy, reports)


def _people(reports: list[FileReport]) -> set[str]:
    return {value for entity, value in _found(reports) if entity == "PERSON"}


def test_initials_name_no_one(scanner: Scanner) -> None:
    """A de-identified list's "Student (initials)" and a log's staff initials are no
    one's names; a surname in capitals beside its given name still is one."""
    data = w.csv_bytes(
        [
            ["Participant (initials)", "Sessions", "Staff", "Last Name", "First Name"],
            ["D.S.", "6", "RB", "NG", "KENJI"],
            ["M. L.", "4", "LC", "OKAFOR", "ADA"],
        ]
    )
    people = _people(_scan(scanner, data, "group_log.csv"))
    assert people == {"KENJI NG", "ADA OKAFOR"}


def test_a_students_attribute_named_is_no_name(scanner: Scanner) -> None:
    """ "Student Ethnic Group Name" holds "Asian", "Home Language Name" "Portuguese"; an
    account list's "physicalDeliveryOfficeName" holds a school."""
    data = w.csv_bytes(
        [
            [
                "Student ID",
                "Student Name",
                "Student Ethnic Group Name",
                "Home Language Name",
                "physicalDeliveryOfficeName",
            ],
            ["233019", "Bianca Ferraz", "Hispanic", "Portuguese", "Morse"],
            ["248870", "Hyun Woo Park", "Asian", "Korean", "Cambridgeport"],
        ]
    )
    people = _people(_scan(scanner, data, "crf_upload.csv"))
    assert people == {"Bianca Ferraz", "Hyun Woo Park"}


def test_an_offices_name_in_a_name_column_is_no_one(scanner: Scanner) -> None:
    staff = ["Renata Cole", "Victor Hale", "Dana Price", "Luis Ortega", "Joan Meyer"]
    rows = [["Name", "Extension", "Room"]]
    rows += [[name, f"x41{n:02d}", f"11{n}"] for n, name in enumerate(staff)]
    rows += [["Guidance FAX", "x4199", "112"], ["Accounts Payable", "x2200", "B14"]]
    rows += [["Guidance dept", "x4100", "112"]]
    people = _people(_scan(scanner, w.csv_bytes(rows), "phone_list.csv"))
    assert people == set(staff)


def test_a_place_is_no_ones_name(scanner: Scanner) -> None:
    """A welcome center's intake names the countries a family came through; NER and the
    name lists take "Costa Rica" and "Sierra Leone" for people. A one-word place that is
    also a listed name ("Jordan") may still be a person's."""
    text = (
        "Intake note: family relocated from El Salvador and Costa Rica; the older sibling "
        "was born in Sierra Leone and lived in New York before Massachusetts.\n"
        "Met with Jordan Alvarado and his aunt Georgia Mensah.\n"
    )
    found = scanner.scan_text(text)
    people = {f.value for f in found if f.entity == "PERSON"}
    assert people == {"Jordan Alvarado", "Georgia Mensah"}


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "inscripcion.docx",
            w.docx_bytes(
                ["FORMULARIO DE INSCRIPCIÓN ESTUDIANTIL", "Sección 1: Información del estudiante"],
                [
                    [
                        ["Apellido(s)", "QUISPE MAMANI"],
                        ["Nombre(s)", "Rosa Elena"],
                        ["Fecha de nacimiento (mes/día/año)", "03/14/2015"],
                        ["Grado", "4"],
                    ]
                ],
            ),
        ),
        (
            "fich_enskripsyon.odt",
            w.odt_bytes(
                [
                    "FICH ENSKRIPSYON ELÈV 2025-2026",
                    "Non fanmi: PIERRE-LOUIS",
                    "Prenon: Medjine",
                    "Dat nesans (jou/mwa/ane): 09/06/2013",
                    "Alèji: pistach (grav - EpiPen)",
                    "Pou biwo a sèlman: ID lokal 2409177",
                ]
            ),
        ),
        (
            "formulario_saude.docx",
            w.docx_bytes(
                [
                    "FORMULÁRIO DE SAÚDE DO ATLETA",
                    "Nome do aluno: Larissa Gonçalves",
                    "Data de nascimento: 21/07/2009",
                    "Nº do aluno: 251177",
                    "Condições médicas: asma, usa inalador antes do treino",
                ]
            ),
        ),
    ],
)
def test_a_form_a_family_filled_in_its_own_language_is_a_record(
    scanner: Scanner, policy: Policy, name: str, data: bytes
) -> None:
    """Registration and health forms go home in Spanish, Haitian Creole and Portuguese
    and come back filled in: their labels are read as the English ones."""
    reports = _scan(scanner, data, name)
    assert {"PERSON", "DATE_OF_BIRTH"} <= {entity for entity, _ in _found(reports)}
    assert FERPA in classify_reports(policy, reports)


def test_an_account_under_a_portuguese_label_is_an_account(
    scanner: Scanner, policy: Policy
) -> None:
    bank = [
        ["Banco", "Santander"],
        ["Número de roteamento", "011401533"],
        ["Número da conta", "8010142927"],
        ["Titular da conta", "Adriana O. Souza"],
    ]
    data = w.docx_bytes(["Dados bancários para depósito direto"], [bank])
    reports = _scan(scanner, data, "reembolso.docx")
    assert ("US_BANK_NUMBER", "8010142927") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_foreign_label_is_read_only_as_a_label() -> None:
    """English words that are also foreign labels stay English: "Non-Resident", and a
    "Non Resident Tuition" column."""
    from scanners.recognizers.columns import column_entity
    from scanners.recognizers.translations import english_labels

    assert english_labels("Non-Resident: yes\nNon: Marie Dorvil") == (
        "Non-Resident: yes\nname: Marie Dorvil"
    )
    assert column_entity("Non Resident Tuition") is None
    assert column_entity("Non") == "PERSON"


def test_an_id_beside_a_grade_is_a_students(scanner: Scanner, policy: Policy) -> None:
    """A worksheet's "Students: Tran, Minh (ID 2413350, gr 2) / Tran, Bao (ID 2413351,
    gr K)": the grade says whose numbers these are."""
    rows = [
        ["Students", "Tran, Minh (ID 2413350, gr 2)  /  Tran, Bao (ID 2413351, gr K)"],
        ["Parent/Guardian", "Pham Thi Thu"],
        ["Address", "19 Elm St Apt 3L, Cambridge MA 02139"],
        ["Photo ID", "passport on file"],
        ["Verified by", "D. Okafor 9/3/2024"],
    ]
    reports = _scan(scanner, w.docx_bytes(["Residency worksheet"], [rows]), "residency.docx")
    ids = {value for entity, value in _found(reports) if entity == "STUDENT_ID"}
    assert ids == {"2413350", "2413351"}
    assert FERPA in classify_reports(policy, reports)


def test_a_state_reports_printout_with_element_codes_in_its_header(
    scanner: Scanner, policy: Policy
) -> None:
    """A SIMS verification report printed to PDF: its header line names columns by
    element code ("DOE025") and ordinal ("1st Lang"), and is still a header."""
    lines = [
        "Aspen SIMS Verification Report - EL Students",
        "SASID LASID Last Name First Name DOB Gr Gender DOE025 LEP DOE014 1st Lang",
        "1220680101 2437373 Hakimi Mohammad 10/21/2014 04 M 01 02 999",
        "1077187250 2496511 Vo Khanh 04/25/2015 03 M 01 01 331",
        "1173222194 2434312 Guzman Brayan 12/22/2018 K M 01 01 267",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "sims_el_roster.pdf")
    found = _found(reports)
    assert ("STUDENT_ID", "1220680101") in found
    assert ("DATE_OF_BIRTH", "10/21/2014") in found
    assert FERPA in classify_reports(policy, reports)


_PAIRED = [
    ["Student Name", "{name}", "SASID", "{sasid}"],
    ["Date of Birth", "{dob}", "School", "Morse"],
    ["Grade", "{grade}", "Parent/Guardian", "{parent}"],
]


def _paired_form(**values: str) -> bytes:
    rows = [[cell.format(**values) for cell in row] for row in _PAIRED]
    lines = ["Special Transportation Request Form", "Reason for request: IEP / 504 / medical"]
    return w.docx_bytes(lines, [rows])


def test_a_form_of_two_fields_a_row(scanner: Scanner, policy: Policy) -> None:
    """ "Student Name | ... | SASID | ...": a form laid out two fields to a row reads as a
    form, its blank copy as a blank form (not "Grade" as a student's name)."""
    filled = _paired_form(
        name="Owen Whitaker",
        sasid="1502231187",
        dob="04/02/2014",
        grade="5",
        parent="Dana Whitaker",
    )
    reports = _scan(scanner, filled, "request.docx")
    found = _found(reports)
    assert ("PERSON", "Owen Whitaker") in found
    assert ("DATE_OF_BIRTH", "04/02/2014") in found
    assert FERPA in classify_reports(policy, reports)
    blank = _paired_form(name="________", sasid="__________", dob="__/__/____", grade="__",
                         parent="________")  # fmt: skip
    reports = _scan(scanner, blank, "request_blank.docx")
    assert "PERSON" not in {entity for entity, _ in _found(reports)}
    assert FERPA not in classify_reports(policy, reports)


def test_marks_with_their_notes_are_grades(scanner: Scanner, policy: Policy) -> None:
    """An ineligibility list's "F (48)", "I (incomplete)" are marks as much as "F" is."""
    rows = [
        ["Athlete", "Team", "Course", "Q1 Mark"],
        ["Nora Whitfield", "G Soccer", "Algebra II", "F (48)"],
        ["Caleb Ortiz", "B Soccer", "Spanish II", "I (incomplete)"],
        ["Priya Raman", "Field Hockey", "Chemistry", "F (55)"],
    ]
    lines = ["MEMORANDUM", "RE: Q1 academic ineligibility", "The following athletes are out."]
    reports = _scan(scanner, w.docx_bytes(lines, [rows]), "ineligibility.docx")
    assert FERPA in classify_reports(policy, reports)


def test_a_non_discrimination_footer_says_nothing_of_anyone(
    scanner: Scanner, policy: Policy
) -> None:
    """Every letter's footer names "disability"; with a tardy note about a child named
    by first name only, the letter is no record."""
    text = (
        "Dear Ms. Mendes,\nThank you for contacting the Transportation Office. The route "
        "will leave ten minutes earlier; your son Lucas will not be marked tardy.\n"
        "Sincerely,\nDiane Marchetti\n\nThe district does not discriminate on the basis of "
        "race, color, sex, religion, national origin, disability or homelessness.\n"
    )
    reports = _scan(scanner, w.docx_bytes(text.splitlines()), "response.docx")
    assert "EDUCATION_RECORD" not in {entity for entity, _ in _found(reports)}
    assert FERPA not in classify_reports(policy, reports)


def test_a_phone_logs_student_named_with_id_and_grade(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Phone msgs - wk of 3/3\n\n"
        "3/3 9:10a  Mrs. Joseph (aunt) called re: JEAN-BAPTISTE, Widlyne  ID 203120  gr4\n"
        "   - new seizure action plan; nurse has a copy\n"
    )
    reports = _scan(scanner, text.encode("utf-16"), "phone_messages.txt")
    assert ("STUDENT_ID", "203120") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_bus_riders_table_is_of_students(scanner: Scanner, policy: Policy) -> None:
    rows = [
        ["Rider", "ID", "Needs (from IEP/504)", "Emergency"],
        ["Robert Horn", "217618", "elopement risk", "seizure plan"],
        ["Diane Pierre-Louis", "222818", "nonverbal, AAC device", "EpiPen"],
        ["Chelsea Garcia", "249434", "harness", "seizure plan"],
    ]
    slides = [("Van 3 AM riders", [], rows, None)]
    reports = _scan(scanner, w.pptx_bytes(slides), "riders.pptx")
    assert ("STUDENT_ID", "217618") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_an_insurers_subscriber_number_of_ssns(scanner: Scanner, policy: Policy) -> None:
    """The GIC keys its subscribers by SSN: a "SUBSCR_NO" column of valid SSNs is one."""
    rows = [
        ["UNIT", "MBR_NAME", "SUBSCR_NO", "COV", "TXN"],
        ["EASTHAVEN SCH", "SHAH SANJAY", "460428838", "IND", "PLAN CHG"],
        ["EASTHAVEN SCH", "ADKINS BRIAN", "236439025", "FAM", "NEW HIRE"],
        ["EASTHAVEN SCH", "HARRIS NIA", "379146592", "IND", "PLAN CHG"],
    ]
    reports = _scan(scanner, w.csv_bytes(rows), "gic_changes.csv")
    assert ("US_SSN", "460428838") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)
    # ... and not where its values are no SSNs (a 9xx area is none)
    numbered = [[*row[:2], f"90{i}1234{i}" if i else "SUBSCR_NO"] for i, row in enumerate(rows)]
    assert "US_SSN" not in {e for e, _ in _found(_scan(scanner, w.csv_bytes(numbered), "m.csv"))}


def test_adult_volunteers_birth_dates_are_no_students(scanner: Scanner, policy: Policy) -> None:
    """A CORI batch lists volunteers at schools, the youngest 24: no student is that old."""
    this_year = __import__("datetime").date.today().year
    rows = [
        ["Req Date", "Last", "First", "DOB", "Lic/ID #", "Role", "Site"],
        ["2026-04-02", "Cabral", "Cristiano", f"01/17/{this_year - 24}", "S43524880",
         "Volunteer", "Lincoln Middle School"],
        ["2026-04-09", "Pham", "Huong", "06/21/1977", "S06672541", "Volunteer",
         "Ferryway Elementary"],
        ["2026-04-02", "Bennett", "Christopher", "03/22/1971", "S17169896", "Teacher",
         "Revere High School"],
        ["2026-04-11", "Osei", "Abena", "11/02/1985", "S28801473", "Student teacher",
         "Beebe K-8"],
    ]  # fmt: skip
    reports = _scan(scanner, w.csv_bytes(rows, delimiter="\t"), "cori_batch.tsv")
    classes = classify_reports(policy, reports)
    assert MGL_93H in classes and FERPA not in classes


def test_a_state_report_with_its_lasid_a_gap_after_the_sasid(
    scanner: Scanner, policy: Policy
) -> None:
    lines = [
        "H0014ASHBURY             SSDR2025EOY20250627",
        "D1081672852  232302GREENE              LORI           20070926N0610040",
        "D1060635910  227048SOK                 ETHAN          20120702F0802040",
        "D1066104025  216485SMITH               JENNIFER       20111202M0901030",
    ]
    reports = _scan(scanner, "\r\n".join(lines).encode(), "SSDR2025EOY_0014.txt")
    assert ("STUDENT_ID", "1081672852") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_name_on_page_one_is_not_lost_to_an_ssn_on_page_two(scanner: Scanner) -> None:
    """Each page's offsets count from 0: the SSN at characters 75-88 of page 2 was taken
    for a finding over the name at 59-71 of page 1, and NER's name was dropped as if it
    stood inside it. "Declan" is no Census given name: only NER finds this one."""
    from scanners.detect import TextPiece

    page_1 = "Form W-9  Request for Taxpayer Identification\n1 Name of individual\n Declan Lin\n"
    page_2 = (
        "Part I  Taxpayer Identification Number (TIN)\nSocial security number:  047  65  6511\n"
    )
    assert page_1.index("Declan") < page_2.index("047") + 13 and page_2.index("047") < (
        page_1.index("Declan") + 10
    )  # the two overlap, offset for offset
    found = scanner.scan_blocks([TextPiece(page_1, "page 1"), TextPiece(page_2, "page 2")])
    assert {(f.entity, f.value) for f in found} >= {
        ("PERSON", "Declan Lin"),
        ("US_SSN", "047  65  6511"),
    }


@pytest.mark.parametrize("ssn", ["346  64  3763", "626 \u2013 19 \u2013 3734", "212 - 58 - 3391"])
def test_an_ssn_typed_into_a_forms_boxes(scanner: Scanner, ssn: str) -> None:
    found = scanner.scan_text(f"Social security number:  {ssn}\nName: Maria Lopez\n")
    assert ("US_SSN", ssn) in {(f.entity, f.value) for f in found}


def test_a_csv_that_begins_like_a_bitmap_is_text(scanner: Scanner) -> None:
    """ "BM" opens a BMP image, and "BMI" a school's screening report."""
    data = w.csv_bytes([["BMI category", "Grade 1", "Grade 4"], ["Healthy", "71", "64"]])
    report = _scan(scanner, data, "BMI_aggregate.csv")[0]
    assert report.status.value == "scanned"


def test_a_treasurers_call_log_entry_is_about_its_caller(scanner: Scanner, policy: Policy) -> None:
    """A bank named on an earlier entry makes no later caller's account a company's."""
    text = (
        "Treasurer's office - call log\n"
        "1/08  Rockland Trust (Denise x4471) - positive pay exceptions cleared.\n"
        "1/12  Called Eastern re: sweep acct rate - 4.15% eff 2/1.\n"
        "1/19  ACH return R03 - Maureen O'Brien - acct 288238082491 at Citizens, closed.\n"
    )
    reports = _scan(scanner, text.encode("cp1252"), "call_log.txt")
    assert ("US_BANK_NUMBER", "288238082491") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "nurse_notes.txt",
            "HEALTH OFFICE - nurse notes wk of 11/4\n\n"
            "11/04 - Zoë Lefebvre (#221398) gr 8: c/o dizziness after PE, lay down 20 min.\n"
            "11/07 - Santiago Okafor (#224118) gr 8: pink eye, sent home per policy.\n",
        ),
        (
            "phone_messages.txt",
            "Nurse office - phone messages\n\n"
            "11/14 8:21  Gina (mom of R. Park, gr 1) - up all night vomiting, keeping home.\n"
            "11/15 8:52  Dad of Fatima Sullivan (1) - new dx of ADHD, bringing the order Mon.\n",
        ),
        (
            "immunizations.eml",
            "From: Deborah Kowalski <dk@example.org>\nTo: Jim Sullivan <js@example.org>\n"
            "Subject: Missing immunization records - Gr 7\n\n"
            "Here are the 7th graders still out of compliance. Exclusion date is 11/15.\n\n"
            "Yilmaz, Abdirahman  (199114)  - missing MenACWY, no response to 2 letters\n"
            "Doherty, Maria  (191398)  - missing Tdap, exemption form incomplete\n",
        ),
        (
            "recommendation.txt",
            "RE: Chidinma Okafor - CEEB 221845\nIt is my pleasure to recommend Ngozi Okafor, "
            "who ranks 6th in her class with a weighted GPA of 4.61; her first-quarter grades "
            "are A, A- and A.\n\nKatherine Brennan\nSchool Counselor\n",
        ),
    ],
)
def test_more_notes_about_named_students(
    scanner: Scanner, policy: Policy, name: str, text: str
) -> None:
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), name))


def test_a_headerless_visit_log_says_what_it_is_in_its_cells(
    scanner: Scanner, policy: Policy
) -> None:
    """A log exported as tab-separated text, no header: "Kim, Xiomara | ID 240506 | Gr 12
    | asthma flare, albuterol". A listed surname before its comma makes the column names,
    though the given names are not on the 1990 lists."""
    rows = [
        ("10:25", "Kim, Xiomara", "ID 240506", "Gr 12", "c/o headache, rested 20 min"),
        ("10:40", "Pierre, Linh", "ID 240359", "Gr 11", "anxiety, spoke w/ adj counselor"),
        ("11:59", "Nguyen, Hao", "ID 249138", "Gr 9", "asthma flare, albuterol 2 puffs"),
    ]
    text = "Health Office - Visit Log export\n\n" + "".join("\t".join(r) + "\r\n" for r in rows)
    reports = _scan(scanner, text.encode("utf-16"), "visit_log.txt")
    found = _found(reports)
    assert ("STUDENT_ID", "240506") in found
    assert ("PERSON", "Kim, Xiomara") in found
    assert FERPA in classify_reports(policy, reports)


def test_a_town_and_its_state_is_no_surname_first_name() -> None:
    from scanners.recognizers.names import name_column_shares

    people = name_column_shares(["Kim, Xiomara", "Pierre, Linh", "Nguyen, Hao"])
    towns = name_column_shares(["Lynn, Massachusetts", "Nashua, New Hampshire", "Hunt, Texas"])
    assert people is not None and people.full == 1.0
    assert towns is not None and towns.full == 0.0


def test_a_staff_flu_clinics_birth_dates_are_adults(scanner: Scanner, policy: Policy) -> None:
    """Vaccines and a school in every row, but every birth date is a grown-up's: the
    people are staff, their vaccine no student's health record."""
    signups = [
        ["#", "Name", "School/Dept", "Vaccine pref"],
        ["1", "Lisa Jean-Baptiste", "Central Office", "High-dose (65+)"],
        ["2", "Carla Patel", "Whittier Middle School", "Regular"],
        ["3", "Jennifer Brennan", "Hannah Duston Elementary", "Egg-free"],
    ]
    billing = [
        ["PATIENT NAME", "DOB", "SSN"],
        ["PATEL CARLA", "06/26/1971", "713-95-3101"],
        ["BRENNAN JENNIFER", "08/15/1962", "024-88-7849"],
        ["HASSAN SUZANNE", "09/28/1986", "367-31-7410"],
    ]
    data = w.xlsx_bytes({"Signups": signups, "Billing": billing})
    classes = classify_reports(policy, _scan(scanner, data, "flu_clinic.xlsx"))
    assert MGL_93H in classes and FERPA not in classes


def test_a_medication_form_in_spanish_reads_as_a_form(scanner: Scanner, policy: Policy) -> None:
    form = [
        ["Nombre del estudiante", "Yamilet Figueroa-Lopez"],
        ["Fecha de nacimiento", "25/05/2016"],
        ["Escuela / Grado", "Duston Elementary / 2do"],
        ["Medicamento", "Cetirizina 5 mg"],
        ["Dosis y hora", "5 ml por la mañana"],
        ["Alergias", "maní, nueces"],
    ]
    data = w.odt_bytes(["AUTORIZACIÓN PARA ADMINISTRAR MEDICAMENTOS"], [form])
    reports = _scan(scanner, data, "autorizacion.odt")
    assert ("DATE_OF_BIRTH", "25/05/2016") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_reading_class_record_is_a_record(scanner: Scanner, policy: Policy) -> None:
    """F&P levels are letters A to Z, no marks; its "Intervention?" column says what it
    is."""
    rows = [
        ["STUDENT", "Sept Lvl", "Acc %", "Comp (/10)", "Jan Lvl", "Intervention?"],
        ["ABDI YASMIN", "L", "100", "6", "N", "Tier 2 - Ms. Haddad"],
        ["BAPTISTE ROSALIE", "P", "99", "8", "Q", ""],
        ["CHEN GIOVANNA", "N", "98", "6", "P", ""],
    ]
    data = w.xlsx_bytes({"F&P 24-25": [["BENCHMARK ASSESSMENT SYSTEM - CLASS RECORD"], *rows]})
    assert FERPA in classify_reports(policy, _scan(scanner, data, "running_records.xlsx"))


@pytest.mark.parametrize(
    "text",
    [
        "From: Danielle Ferreira-Walsh <dfw@example.org>\nTo: Jennifer Whitfield "
        "<jw@example.com>\nSubject: RE: reading\n\nHi Jen, Chloe is working so hard. DIBELS "
        "oral reading fluency 68 wcpm; she scored 9/10 on her last retell.\n",
        "From: Danielle Ferreira-Walsh <dfw@example.org>\nTo: Karen Brandt <kb@example.org>\n"
        "Subject: Re: 504 review\n\n> Confirming Ibrahim Delgado's 504 annual review for "
        "11/21. Current plan (Dx: ADHD) includes extended time and movement breaks.\n",
    ],
)
def test_a_teachers_mail_about_one_childs_scores_or_plan(
    scanner: Scanner, policy: Policy, text: str
) -> None:
    assert FERPA in classify_reports(policy, _scan(scanner, text.encode(), "mail.eml"))


def test_a_headings_grade_is_no_named_students(scanner: Scanner, policy: Policy) -> None:
    """ "Emergency Substitute Plans - Grade 3, Room 114": a class's heading, no child's."""
    lines = [
        "Emergency Substitute Plans - Grade 3, Room 114",
        "The class list and the confidential medical/IEP list are in the red folder.",
        "Attendance on Aspen by 8:30. Nurse: x2108.",
        "Reading Workshop: read aloud, then independent reading.",
    ]
    reports = _scan(scanner, w.docx_bytes(lines, header_text="Rm 114 - Mr. Abernathy"), "sub.docx")
    assert FERPA not in classify_reports(policy, reports)


def test_a_photo_id_column_of_licences_and_passports(scanner: Scanner, policy: Policy) -> None:
    """An intake sheet's "ID #": parents' licences ("S" and eight digits), some passports."""
    rows = [["Student Last", "Student First", "DOB", "Parent/Guardian", "Photo ID Type", "ID #"]]
    ids = ["GB1416432", "S00837632", "S05507039", "FX3508507", "S51231435", "S58745469"]
    for n, number in enumerate(ids):
        rows.append(["Costa", f"Hodan{'abcdef'[n]}", "2008-11-23", "James Costa", "MA DL", number])
    reports = _scan(scanner, w.xlsx_bytes({"Intake": rows}), "intake.xlsx")
    assert ("US_DRIVER_LICENSE", "S00837632") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_funds_lines_are_no_bank_accounts(scanner: Scanner, policy: Policy) -> None:
    """A student activity fund's "Acct" column: the fund's number, a dash, each club's."""
    rows = [
        ["Acct", "Activity", "Advisor", "Beg Bal", "End Bal"],
        ["8400-134", "Class of 2024", "Kimberly Carter", "12604.66", "16301.31"],
        ["8400-492", "Class of 2025", "Mei Zhou", "12325.60", "3695.83"],
        ["8400-434", "Student Council", "Michael Bentley", "21884.20", "6927.42"],
    ]
    reports = _scan(scanner, w.csv_bytes(rows), "activity_balances.csv")
    assert "US_BANK_NUMBER" not in {entity for entity, _ in _found(reports)}
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_quoted_placeholder_is_no_one(scanner: Scanner, policy: Policy) -> None:
    text = (
        "4.2 Immunizations: enter each dose date. Example: Student 'Jane Doe', DOB "
        "01/01/2015, Tdap 08/15/2024.\n4.3 Look up the student by SASID.\n"
    )
    reports = _scan(scanner, w.odt_bytes(text.splitlines()), "procedures.odt")
    assert FERPA not in classify_reports(policy, reports)


def test_a_label_in_brackets_in_a_familys_mail(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Bom dia,\nMeu nome é Rosângela Souza, sou mãe do aluno Zainab Souza (data de "
        "nascimento 13/09/2008). Ele tem IEP e precisa de tempo extra nas provas.\n"
    )
    reports = _scan(scanner, text.encode(), "matricula.txt")
    assert ("DATE_OF_BIRTH", "13/09/2008") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_state_forms_ssn9_column(scanner: Scanner, policy: Policy) -> None:
    rows = [
        ["EMPNAME", "SSN9", "M4_EXEMPT", "EFF"],
        ["WOODS SYDNEY", "312741038", "3", "20241001"],
        ["SULLIVAN DENISE", "594624002", "1", "20241001"],
    ]
    reports = _scan(scanner, w.csv_bytes(rows, delimiter="\t"), "m4_changes.tsv")
    assert ("US_SSN", "312741038") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_a_raw_aspen_extract_by_table_and_field(scanner: Scanner, policy: Policy) -> None:
    """ "std.stdIDState", and a custom field "std.stdFieldB012": a header all the same."""
    rows = [
        ["std.stdIDLocal", "std.stdIDState", "psn.psnNameLast", "psn.psnNameFirst",
         "psn.psnDOB", "std.stdFieldB012 (FS Elig)"],
        ["343615", "1469990876", "O'Brien", "Alyssa", "2017-09-09", "F"],
        ["127102", "1192204423", "Desrosiers", "Kari", "2010-06-17", "R"],
    ]  # fmt: skip
    reports = _scan(scanner, w.csv_bytes(rows), "fs_elig_extract.csv")
    assert ("STUDENT_ID", "1469990876") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_card_tracks_cardholder_in_a_log(scanner: Scanner, policy: Policy) -> None:
    line = (
        "2024-10-17 10:21:00,629 WARN  [PayGateway] manual refund fallback: "
        "cardholder='OUELLETTE/RAFAEL' pan=4321404266355617 exp=0927 amt=42.50\n"
    )
    reports = _scan(scanner, ("INFO sync ok\n" + line).encode(), "possync.log")
    assert ("PERSON", "OUELLETTE/RAFAEL") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_an_i9s_name_fields_with_their_notes(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Employment Eligibility Verification - Form I-9 (Section 1)\n"
        "Last Name (Family Name): Desrosiers\nFirst Name (Given Name): Mei\n"
        "U.S. Social Security Number: 508471994\n"
    )
    reports = _scan(scanner, w.pdf_bytes([text.splitlines()]), "i9.pdf")
    assert ("PERSON", "Mei Desrosiers") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("header", "value", "entity"),
    [("DDA", "296795037484", "US_BANK_NUMBER"), ("Lic # / State ID", "30546094",
      "US_DRIVER_LICENSE")],
)  # fmt: skip
def test_bank_and_licence_headers_as_offices_abbreviate_them(
    scanner: Scanner, header: str, value: str, entity: str
) -> None:
    """A bank's "DDA" (demand deposit account); a CORI list's "Lic # / State ID" is the
    RMV's, not the district's "state ID" of a student."""
    rows = [["EE Name", header], ["S. Mensah", value], ["M. O'Brien", "32115682"]]
    assert (entity, value) in _found(_scan(scanner, w.csv_bytes(rows), "list.csv"))


def test_a_sif_staff_records_other_id_of_ssns(scanner: Scanner, policy: Policy) -> None:
    """SIF's OtherId Type 0004 is the SSN; a StaffPersonal's StateProvinceId is the
    educator's, no student's."""
    people = [("Snow", "Nicholas", "087712016"), ("Reyes", "Andrea", "027047028"),
              ("Petit", "Marie", "608274797")]  # fmt: skip
    xml = (
        '<?xml version="1.0"?>\n<StaffPersonals>'
        + "".join(
            f"<StaffPersonal><LocalId>1485{n}</LocalId><StateProvinceId>8017666{n}</StateProvinceId>"
            f'<OtherIdList><OtherId Type="0004">{ssn}</OtherId></OtherIdList>'
            f"<Name><LastName>{last}</LastName><FirstName>{first}</FirstName></Name></StaffPersonal>"
            for n, (last, first, ssn) in enumerate(people)
        )
        + "</StaffPersonals>\n"
    )
    reports = _scan(scanner, xml.encode(), "sif_staff.xml")
    found = _found(reports)
    assert ("US_SSN", "087712016") in found
    assert "STUDENT_ID" not in {entity for entity, _ in found}
    classes = classify_reports(policy, reports)
    assert MGL_93H in classes and FERPA not in classes


def test_a_creole_scholarship_form_without_colons(scanner: Scanner, policy: Policy) -> None:
    lines = [
        "Aplikasyon pou Bous Detid 2024",
        "Kesyon Repons",
        "Non ak siyati elèv la Guerline Desrosiers",
        "Nimewo Sekirite Sosyal elèv la 417 30 5977",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "aplikasyon.pdf")
    people = {value for entity, value in _found(reports) if entity == "PERSON"}
    assert people == {"Guerline Desrosiers"}
    assert MGL_93H in classify_reports(policy, reports)


def test_a_positive_pay_issued_check_files_own_account(scanner: Scanner, policy: Policy) -> None:
    rows = [
        ["ISSUED CHECK FILE", "ACCT 000402287731", "MILLBROOK PUBLIC SCHOOLS PAYROLL"],
        ["CHECK_NO", "ISSUE_DT", "AMOUNT", "PAYEE"],
        ["101096", "10042024", "1813.91", "JOHN WILEY"],
        ["116673", "10042024", "992.17", "FRANTZ DESROSIERS"],
    ]
    reports = _scan(scanner, w.csv_bytes(rows), "positive_pay.csv")
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_state_extract_with_its_schools_code_run_in(scanner: Scanner, policy: Policy) -> None:
    """ "00350405" (district and school) then the SASID, the name run in after it."""
    lines = [
        "003504051589222727GARCIA              MARIA          04182013060200600",
        "003504051201104536MEDEIROS            SIOBHAN        12222011080400300",
        "003504051117838997PALMER              STEPHEN        05032013060100000",
        "003504051345517280MANN                DAVID          09142010080100200",
    ]
    reports = _scan(scanner, "\r\n".join(lines).encode("cp1252"), "SIMS_OCT_extract.txt")
    assert ("STUDENT_ID", "1201104536") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_class_by_grade_and_homeroom_is_of_students(scanner: Scanner, policy: Policy) -> None:
    rows = [
        ["ID", "Last", "First", "Gr", "HR", "Days Abs", "Days Tardy"],
        ["245598", "Jensen", "Gary", "6", "301", "4", "4"],
        ["243065", "Morales", "Andrew", "6", "301", "11", "6"],
        ["229030", "Costa", "Tyrese", "8", "203", "8", "6"],
    ]
    reports = _scan(scanner, w.xlsx_bytes({"Q1 by HR": rows}), "attendance_summary.xlsx")
    assert ("STUDENT_ID", "245598") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_printed_report_headed_with_its_periods(scanner: Scanner, policy: Policy) -> None:
    lines = [
        "Daily Attendance Bulletin - Tuesday 11/5/2024",
        "Student # Student Name Gr HR Att Code Per 1 Per 2 Per 3 Comment",
        "226804 Santos, Ryleigh 8 101 AE AE AE AE",
        "242462 Callahan, Camila 6 203 D D P D parent call",
        "238605 Haddad, Gabriel 7 210 T T P T parent call",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "attendance_bulletin.pdf")
    assert ("STUDENT_ID", "226804") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_screening_report_by_child_id(scanner: Scanner, policy: Policy) -> None:
    lines = [
        "ASQ-3 Summary Report - Room 106",
        "Child ID Age (mo) Comm Gross Fine Prob Solv Pers-Soc Result",
        "Roberts, Noah 247610 54 10 50 20 20 15 Typical",
        "Santiago, Aisha 241572 41 40 35 45 40 60 Refer",
        "Lee, Antonio 242470 43 50 45 45 25 40 Monitor",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "asq3_summary.pdf")
    assert ("STUDENT_ID", "247610") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_statements_labelled_student_and_number(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Pre-K Tuition Statement\nKathleen Murphy\n765 Anthony St\nBrookfield, MA 01506\n"
        "Statement date: 02/01/2025  Student: Declan Murphy (ID 255956)\n"
        "Autopay card on file: **** **** **** 4417\n"
    )
    reports = _scan(scanner, text.encode(), "statement.txt")
    assert ("STUDENT_ID", "255956") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_quoted_list_of_names_and_sasids(scanner: Scanner, policy: Policy) -> None:
    text = (
        "Thanks Jorge, got it.\n\nOn Mon, Mar 10, 2025 Jorge Batista wrote:\n"
        "> here are the remaining fee-reduction kids:\n>\n"
        "> Green, David   1016128067   AP Biology\n"
        "> Robinson, Elizabeth   1078027171   AP World History\n"
        "> Schmidt, Thomas   1012869906   AP English Literature\n"
    )
    reports = _scan(scanner, text.encode(), "reply.txt")
    assert ("STUDENT_ID", "1016128067") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "text",
    [
        "INCOME WITHHOLDING FOR SUPPORT\nEmployer: WESTBURY PUBLIC SCHOOLS\n"
        "Employee/Obligor's Name: O'BRIEN-WALSH, KATHLEEN M\n"
        "Employee/Obligor's Social Security Number: 061-03-7258\n",
        "NOTICE OF LEVY ON WAGES, SALARY, AND OTHER INCOME\nTo: WESTBURY PUBLIC SCHOOLS\n"
        "Taxpayer: RODRIGUES TIAGO\nIdentifying Number(s): 044-14-2048\n",
    ],
)
def test_a_government_notices_named_taxpayer(scanner: Scanner, policy: Policy, text: str) -> None:
    """Names in capitals as a withholding order or a levy prints them, hyphen, apostrophe
    and all, with or without a comma."""
    reports = _scan(scanner, text.encode(), "notice.txt")
    assert "PERSON" in {entity for entity, _ in _found(reports)}
    assert MGL_93H in classify_reports(policy, reports)


def test_the_districts_payroll_clearing_account_is_no_ones(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "MEMORANDUM\nFROM: Diane Hurley, Payroll Manager\nRE: FY25 Stipend Payment Schedule\n"
        "Stipends are funded from the district payroll clearing account (Eastern Bank acct "
        "0004418823197) via ACH.\n"
    )
    reports = _scan(scanner, w.docx_bytes(text.splitlines()), "memo.docx")
    assert MGL_93H not in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Dat nesans 12 out 2006", "12 out 2006"),
        ("Fecha de nacimiento: 3 de agosto de 2011", "3 de agosto de 2011"),
        ("Data de nascimento: 5 de Março de 2010", "5 de Março de 2010"),
        ("Dat de nesans: 28 fevriye 2012", "28 fevriye 2012"),
    ],
)
def test_a_birth_date_written_in_the_familys_language(
    scanner: Scanner, line: str, value: str
) -> None:
    """A form filled in Haitian Creole, Spanish or Portuguese writes its month in words."""
    reports = _scan(scanner, f"Student name: Guerline Joseph\n{line}\n".encode(), "form.txt")
    assert ("DATE_OF_BIRTH", value) in _found(reports)


def test_a_creole_month_is_no_date_outside_a_day_and_a_year(scanner: Scanner) -> None:
    """Creole's "me" and "out" are English words: only "12 out 2006" is a date."""
    text = "Date of birth: sign me out by 2006 Main St, he was born out 12 times\n"
    assert not any(
        entity == "DATE_OF_BIRTH" for entity, _ in _found(_scan(scanner, text.encode(), "x.txt"))
    )


def test_a_student_number_labels_bracketed_note_is_still_its_label(
    scanner: Scanner, policy: Policy
) -> None:
    """A printed form's label with its note before the value, as a Creole scholarship
    form has it: "Nimewo elèv (ID lekòl) 217388"."""
    text = (
        "Aplikasyon pou Bous Detid 2024\nNon ak siyati elèv la Guerline Desrosiers\n"
        "Nimewo elèv (ID lekòl) 217388\nMwayèn (GPA) 3.55\n"
    )
    reports = _scan(scanner, w.pdf_bytes([text.splitlines()]), "aplikasyon.pdf")
    assert ("STUDENT_ID", "217388") in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_student_numbers_label_with_a_long_aside_is_not_one(scanner: Scanner) -> None:
    text = "Student number (see the district's enrollment office for one) 2411873\n"
    assert not any(
        entity == "STUDENT_ID" for entity, _ in _found(_scan(scanner, text.encode(), "x.txt"))
    )


def test_students_listed_by_name_each_with_the_number_the_label_asks_for(
    scanner: Scanner, policy: Policy
) -> None:
    """A Portuguese reimbursement form: the children's numbers in brackets after their
    names, on the line labelled for them."""
    lines = [
        "FORMULÁRIO DE REEMBOLSO DE TRANSPORTE",
        "Nome do responsável: Adriana Oliveira Souza",
        "Nome do(s) aluno(s) / Nº do aluno:  João Pedro Oliveira (2412088), "
        "Ana Clara Oliveira (2412089)",
        "Escola: Kennedy-Longfellow",
    ]
    reports = _scan(scanner, w.docx_bytes(lines), "reembolso.docx")
    assert {("STUDENT_ID", "2412088"), ("STUDENT_ID", "2412089")} <= _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_year_after_a_students_name_is_no_number(scanner: Scanner) -> None:
    text = "Student number: Maria Lopez (2024), see the roster\n"
    assert not any(
        entity == "STUDENT_ID" for entity, _ in _found(_scan(scanner, text.encode(), "x.txt"))
    )


_REGISTER_HEADER = "Emp ID Name Dept Gross Fed MA FICA Ret Net DD Acct Rte"


def test_a_printed_registers_deposit_account_beside_its_routing_number(
    scanner: Scanner, policy: Policy
) -> None:
    """A payroll register printed to PDF, its columns' gaps lost: the account is the
    number before a valid routing number, under a header naming both columns."""
    lines = [
        "PAYROLL REGISTER - PAY PERIOD 19 - CHECK DATE 09/27/2024 - HOURLY/CLASSIFIED",
        _REGISTER_HEADER,
        "E33411 COSTA, CARLOS FS 1121.68 89.73 56.08 16.26 100.95 785.17 183808256 211391634",
        "0037799 GOMES, TOMAS FS 1291.60 103.33 64.58 18.73 116.24 904.12 0494312823 011000015",
    ]
    reports = _scan(scanner, w.pdf_bytes([lines]), "register.pdf")
    found = _found(reports)
    assert {("US_BANK_NUMBER", "183808256"), ("US_BANK_NUMBER", "0494312823")} <= found
    assert ("ABA_ROUTING_NUMBER", "211391634") in found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_registers_number_pair_without_a_valid_routing_number_is_no_account(
    scanner: Scanner,
) -> None:
    """The pair must end in a routing number that passes the ABA checksum (211391635
    does not); and with no header naming the columns, a valid one is a coincidence."""
    rows = "E33411 COSTA, CARLOS FS 1121.68 785.17 183808256 211391635\n"
    no_header = (
        "Emp ID Name Dept Gross Net Check\n"
        "E33411 COSTA, CARLOS FS 1121.68 785.17 183808256 211391634\n"
    )
    for text in (f"{_REGISTER_HEADER}\n{rows}", no_header):
        entities = {entity for entity, _ in _found(_scan(scanner, text.encode(), "r.txt"))}
        assert "US_BANK_NUMBER" not in entities


def test_a_column_header_ending_the_line_above_is_not_the_rows_first_numbers_label(
    scanner: Scanner, policy: Policy
) -> None:
    """A stipend register's "Deposit Acct" heads a column of masked accounts; the check
    and employee numbers that start the next line are not accounts."""
    text = (
        "Check/Adv # Emp # Name Gross Net Deposit Acct\n"
        "DD486837 004906 RILEY, CHARLES 1,389.00 986.19 *****1319\n"
        "DD451810 002233 SNYDER, JEFFERY 2,451.00 1,740.21 *****6929\n"
    )
    reports = _scan(scanner, w.pdf_bytes([text.splitlines()]), "stipends.pdf")
    assert "US_BANK_NUMBER" not in {entity for entity, _ in _found(reports)}
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_forms_label_above_its_value_still_labels_it(scanner: Scanner) -> None:
    text = "Payee: Dolores Whitaker\nBank account number:\n40091733\n"
    assert ("US_BANK_NUMBER", "40091733") in _found(_scan(scanner, text.encode(), "form.txt"))


def _fixed(*fields: tuple[str, int]) -> str:
    return "".join(value.ljust(width) for value, width in fields)


def test_a_fixed_width_return_of_names_birth_dates_and_ssns(
    scanner: Scanner, policy: Policy
) -> None:
    """A CORI batch return: the name padded out, then the birth date (MMDDYYYY) run into
    the SSN, no header and no delimiter."""
    people = [
        ("DIAZ", "OLIVIA", "11241975", "195348372"),
        ("MEDEIROS", "MARISOL", "09131978", "144018509"),
        ("WILSON", "KAREN", "06031958", "420805694"),
        ("WHITE", "JULIE", "10021994", "231522745"),
    ]
    lines = ["HDRDCJIS BATCH RETURN CPS0240 20240930 RECS=00004"] + [
        _fixed(("CPS0240 R2480434" + str(i), 20), (last, 20), (first, 15))
        + f"{born}{ssn}NR20240930"
        for i, (last, first, born, ssn) in enumerate(people)
    ]
    reports = _scan(scanner, "\n".join(lines).encode(), "DCJIS_RTN.txt")
    found = _found(reports)
    assert {("US_SSN", ssn) for *_, ssn in people} <= found
    assert ("DATE_OF_BIRTH", "11241975") in found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_fixed_width_state_file_of_children_born_with_their_sasids(
    scanner: Scanner, policy: Policy
) -> None:
    """A subsidy file's child records: a record type run into the surname ("DSMITH"),
    modern given names ("Liam", "Thiago"), the birth date (YYYYMMDD) run into the SASID."""
    children = [
        ("SMITH", "LIAM", "20190803", "1102043328"),
        ("ROBERTS", "THIAGO", "20180313", "1123811833"),
        ("ALVES", "AIDEN", "20131006", "1124530654"),
        ("KIM", "MATEO", "20190608", "1418044817"),
    ]
    lines = [
        "D" + _fixed((last, 20), (first, 15)) + f"{born}{sasid}V2024922118XAVIER      SMITH"
        for last, first, born, sasid in children
    ]
    reports = _scan(scanner, "\n".join(lines).encode(), "EEC_ATTN.txt")
    found = _found(reports)
    assert ("STUDENT_ID", "1102043328") in found
    assert ("DATE_OF_BIRTH", "20190803") in found
    assert ("PERSON", "SMITH LIAM") in found
    assert FERPA in classify_reports(policy, reports)


def test_a_padded_name_before_a_date_that_is_no_one_s_birth_is_no_record(
    scanner: Scanner,
) -> None:
    """A future date, or one that is no day at all, is not a birth date."""
    lines = [
        _fixed(("SMITH", 20), ("JOHN", 15)) + "20991231" + "X",
        _fixed(("JONES", 20), ("MARY", 15)) + "20241340" + "X",
        _fixed(("BROWN", 20), ("JAMES", 15)) + "20991301" + "X",
    ]
    found = _found(_scan(scanner, "\n".join(lines).encode(), "list.txt"))
    assert not any(entity == "DATE_OF_BIRTH" for entity, _ in found)


def test_one_of_a_series_of_record_numbers_passing_the_luhn_check_is_no_card(
    scanner: Scanner, policy: Policy
) -> None:
    """A fixed-width file's 16-digit record numbers: one in ten passes the Luhn check by
    chance, and is no card where most of its series fail it."""
    numbers = [
        "5692277783177831",  # passes
        "5062505447167316",
        "8269061537251850",
        "8942203629140687",
        "8626275993221664",
        "5062505447167317",
    ]
    lines = [f"{n}    PETERSON             LOUIS        M08040501011Y" for n in numbers]
    reports = _scan(scanner, "\n".join(lines).encode(), "SIMS_EL.txt")
    assert "CREDIT_CARD" not in {entity for entity, _ in _found(reports)}
    assert MGL_93H not in classify_reports(policy, reports)


def test_a_card_number_with_its_word_stays_one_among_tracking_numbers(scanner: Scanner) -> None:
    text = (
        "Tracking 1Z: 8269061537251850, 8942203629140687, 8626275993221664, "
        "8942203629140688, 8626275993221665\nPaid with Visa card 4539148803436467\n"
    )
    assert ("CREDIT_CARD", "4539148803436467") in _found(_scan(scanner, text.encode(), "x.txt"))


def test_a_newsletters_list_of_winners_is_no_health_record(
    scanner: Scanner, policy: Policy
) -> None:
    """Winners named with their grade, in a newsletter whose other items speak of fevers
    and medication: directory information, no student's health record."""
    lines = [
        "Health Office News - Winter 2024",
        "Flu season is here! Keep your child home with a fever until 24 hours fever-free "
        "without medication. Questions? Call the school nurse.",
        "",
        "Healthy Habits Poster Contest Winners",
        "Ximena Kowalski - Grade 5, Hannah Duston Elementary",
        "Chiamaka Patel - Grade 5, Millbury St. Elementary",
        "Noah Hernandez - Grade 4, Hannah Duston Elementary",
        "Emily Ortiz - Grade 5, Millbury St. Elementary",
        "Brayden Fitzgerald - Grade 3, Hannah Duston Elementary",
    ]
    reports = _scan(scanner, w.docx_bytes(lines), "news.docx")
    assert FERPA not in classify_reports(policy, reports)


def test_a_nurses_list_of_students_seen_is_still_a_record(scanner: Scanner, policy: Policy) -> None:
    lines = [
        "Health Office Log - week of 1/13",
        "Ximena Kowalski - Grade 5 - fever 101.2, sent home, medication given",
        "Chiamaka Patel - Grade 5 - inhaler per asthma plan",
        "Noah Hernandez - Grade 4 - ice pack, nurse called parent",
        "Emily Ortiz - Grade 5 - headache, rested 15 min",
    ]
    reports = _scan(scanner, w.docx_bytes(lines), "log.docx")
    assert FERPA in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Student: THIBODEAU, Brayden          Stu ID: 26-18-440\n", "26-18-440"),
        ('Student KOWALSKI, Tadeusz ("Teddy") ID 2750418\nGrade 10\n', "2750418"),
    ],
)
def test_a_students_number_as_a_form_writes_it(scanner: Scanner, text: str, number: str) -> None:
    """In groups after its label; or after the student's name, nickname and all, in a
    form's table row that lost its colon."""
    assert ("STUDENT_ID", number) in _found(_scan(scanner, text.encode(), "form.txt"))


@pytest.mark.parametrize(
    "text",
    [
        "Student ID: 12-05-2024\n",
        "Student #: (978) 555-2100\n",
        "Student Services ID 28812345\n",
        # a school year, the line after one that speaks of student IDs
        "The Student ID is assigned once a seat is accepted.\nTuition for 2025-26 is $6,480.\n",
        "Student ID: 2024-2025\n",
        # a sentence that speaks of IDs is no table's header line above a help-desk number
        "Do not put a student's name with their SASID or student ID in email subject lines\n"
        "Aspen access is role-based; report lost passwords to x2200\n",
    ],
)
def test_a_date_a_phone_or_an_offices_number_is_no_students(scanner: Scanner, text: str) -> None:
    found = _found(_scan(scanner, text.encode(), "x.txt"))
    assert not any(entity == "STUDENT_ID" for entity, _ in found)


def test_an_organisations_business_account_with_a_supplier_is_no_ones(
    scanner: Scanner, policy: Policy
) -> None:
    text = (
        "From: Business Orders <no-reply@giftcards.example.com>\nSubject: Your order has shipped\n"
        "\nOrder #: 112-1542451-5171868\n"
        "Account: Cambridge Public Schools - MV Office (Business acct 0041772)\n"
        "Paid with: Visa ending in 6959\n"
    )
    reports = _scan(scanner, text.encode(), "order.eml")
    assert MGL_93H not in classify_reports(policy, reports)


def test_an_apis_typed_identifier_says_what_its_number_is(scanner: Scanner, policy: Policy) -> None:
    """ADP's worker API: the SSN's kind is one object down from its value."""
    data = (
        '{"workers": [{"person": {"legalName": {"givenName": "Jacob", "familyName1": '
        '"Thibodeau"}, "governmentIDs": [{"idValue": "220785813", "nameCode": '
        '{"codeValue": "SSN", "shortName": "Social Security Number"}}]}}]}'
    )
    reports = _scan(scanner, data.encode(), "workers.json")
    assert ("US_SSN", "220785813") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


@pytest.mark.parametrize(
    "text",
    [
        "Yaritza Nguyen called: my license number is S 1541 1779, Massachusetts.\n",
        "Non paran an: Guerline Desrosiers\nNimewo lisans oswa ID Massachusetts: S 5831 2270\n",
    ],
)
def test_a_licence_number_said_or_written_in_groups(scanner: Scanner, text: str) -> None:
    found = _found(_scan(scanner, text.encode(), "notes.txt"))
    assert any(entity == "US_DRIVER_LICENSE" for entity, _ in found)


def test_a_grouped_s_number_without_a_label_is_no_licence(scanner: Scanner) -> None:
    found = _found(_scan(scanner, b"Invoice S 1234 5678 for toner\n", "x.txt"))
    assert not any(entity == "US_DRIVER_LICENSE" for entity, _ in found)


def test_a_kiosks_log_of_a_licences_raw_barcode(scanner: Scanner, policy: Policy) -> None:
    """A visitor kiosk logs the AAMVA barcode it failed to parse: licence number, name
    and birth date, each after its element code."""
    raw = (
        r"raw=\"@\n\x1e\rANSI 636002080002DL00410270ZM03110007DLDAQS63325755\nDCSADEYEMI"
        r"\nDACSAMIRA\nDADNONE\nDBD06162021\nDBB07201966\nDBA12152028\nDAJMA\""
    )
    text = (
        "2025-01-15T07:14:24Z INFO [Kiosk] visit 9651537 created; badge printed\n"
        f"2025-01-15T07:33:15Z ERROR [IdScanService] Parse failed for field DAY {raw}\n"
    )
    reports = _scan(scanner, text.encode(), "kiosk.log")
    found = _found(reports)
    assert {("US_DRIVER_LICENSE", "S63325755"), ("PERSON", "SAMIRA ADEYEMI")} <= found
    assert ("DATE_OF_BIRTH", "07201966") in found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_text_with_636_and_no_barcode_is_scanned(scanner: Scanner) -> None:
    reports = _scan(scanner, b"Room 636, DAQ meeting at 3\n", "x.txt")
    assert [r.status.value for r in reports] == ["scanned"]


def test_a_former_students_record_is_still_an_education_record(
    scanner: Scanner, policy: Policy
) -> None:
    """A records office's class of 1988: every birth date a grown-up's, the record a
    student's all the same."""
    rows = [
        ["LAST", "FIRST", "Birthdate", "Homeroom", "Cum GPA"],
        ["OLIVEIRA", "Paulo", "08/11/1970", "214", "3.12"],
        ["CARTER", "Denise", "04/06/1969", "214", "2.87"],
        ["NGUYEN", "Thanh", "10/07/1970", "216", "3.66"],
    ]
    data = w.xlsx_bytes(
        {"Class of 1988": [["Permanent Record Index - Class of 1988"], [], [], *rows]}
    )
    reports = _scan(scanner, data, "graduates.xlsx")
    assert FERPA in classify_reports(policy, reports)


def test_an_interface_engines_log_of_hl7_patient_segments(scanner: Scanner, policy: Policy) -> None:
    """A school-based health center's Mirth log: PID-3's school ID ("SID"), PID-5's name,
    PID-7's birth date and PID-19's SSN, by their field numbers."""
    text = (
        "2024-10-15 07:09:00 ERROR channel ADT->Aspen: no match\n"
        r"    RAW: MSH|^~\&|ATHENA|WRH_SBHC|ASPEN|AFPS|20241015070900||ADT^A08|4885282829|P|2.5.1\r"
        " PID|1||4496120^^^WRH^MR~210223^^^AFPS^SID||RODRIGUES^ABDIRAHMAN^^^^^L||20090909|F|||"
        "187 MAIN ST^^ASHBY FALLS^MA^01432||^PRN^PH^^^978^5551897||||||871567567\\r\n"
    )
    reports = _scan(scanner, text.encode(), "mirth.log")
    found = _found(reports)
    assert {
        ("STUDENT_ID", "210223"),
        ("PERSON", "ABDIRAHMAN RODRIGUES"),
        ("DATE_OF_BIRTH", "20090909"),
        ("US_SSN", "871567567"),
    } <= found
    assert ("STUDENT_ID", "4496120") not in found  # the hospital's record number
    assert {FERPA, MGL_93H} <= set(classify_reports(policy, reports))


def test_a_w9s_ssn_one_digit_to_a_box(scanner: Scanner) -> None:
    text = (
        "Part I  Taxpayer Identification Number (TIN)\n"
        "Social security number 7 1 0 - 2 4 - 4 9 0 1\n"
    )
    assert ("US_SSN", "7 1 0 - 2 4 - 4 9 0 1") in _found(_scan(scanner, text.encode(), "w9.txt"))


def test_a_fixed_width_files_middle_initial_before_a_birth_date_is_no_licence(
    scanner: Scanner, policy: Policy
) -> None:
    """ "ANDREW         S20150904": the middle initial S run into the birth date is no
    RMV number where line after line has an initial and a date at that column."""
    people = [
        ("TORREZ", "NATALIA", "S", "20180217"),
        ("ROBLES", "LUIS", "B", "20190916"),
        ("LUNA", "ANDREW", "S", "20150904"),
        ("GARCIA", "RICARDO", "T", "20090818"),
    ]
    lines = [
        f"{1266502483 + i * 7919}" + _fixed((last, 20), (first, 15)) + f"{mi}{born}F03550101N01"
        for i, (last, first, mi, born) in enumerate(people)
    ]
    reports = _scan(scanner, "\n".join(lines).encode(), "SIMS.txt")
    assert "US_DRIVER_LICENSE" not in {entity for entity, _ in _found(reports)}
    assert MGL_93H not in classify_reports(policy, reports)


@pytest.mark.parametrize(
    ("after", "entity"),
    [
        (["F422422414", "M531208872", "F207351946", "M318450027"], "US_SSN"),
        (["S44818417", "S48781661", "S12093377", "S60211948"], "US_DRIVER_LICENSE"),
    ],
)
def test_a_fixed_width_records_number_after_the_birth_date_and_sex(
    scanner: Scanner, policy: Policy, after: list[str], entity: str
) -> None:
    """An adult-education upload's SSN after the sex code, a driver-education extract's
    learner's permit after the birth date."""
    people = [("LIN", "JIANHUA"), ("GRAHAM", "LINDA"), ("COFFEY", "CURTIS"), ("ROJAS", "JOSHUA")]
    lines = [
        f"D{9012822298 + i}" + _fixed((last, 20), (first, 15)) + f"1980040{i + 1}{number}Y110350W"
        for i, ((last, first), number) in enumerate(zip(people, after, strict=True))
    ]
    reports = _scan(scanner, "\n".join(lines).encode(), "extract.txt")
    found = _found(reports)
    value = after[1] if entity == "US_DRIVER_LICENSE" else after[1][1:]
    assert (entity, value) in found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_portuguese_form_table_of_label_and_value(scanner: Scanner, policy: Policy) -> None:
    """A medication authorization filled in Portuguese: its table's first row is a field
    too ("Nome da criança | Vitória Silva Mendes")."""
    table = [
        ["Nome da criança", "Vitória Silva Mendes"],
        ["Data de nascimento", "12/11/2018"],
        ["Escola / série", "Riverbend — 1ª série"],
        ["Nº de identificação do aluno", "264243"],
    ]
    data = w.docx_bytes(
        ["Autorização para Administração de Medicamentos", "Observações: crise de asma."],
        tables=[table],
    )
    reports = _scan(scanner, data, "autorizacao.docx")
    found = _found(reports)
    assert {("STUDENT_ID", "264243"), ("DATE_OF_BIRTH", "12/11/2018")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_a_paired_form_with_labels_of_no_personal_data(scanner: Scanner, policy: Policy) -> None:
    """Two fields to a row, some of them a grade's, a room's or an issue date's: a form
    all the same, its learner's permit an RMV number."""
    permit = "Nº da licença de aprendiz (Learner's Permit)"
    table = [
        ["Sobrenome do aluno", "Macedo", "Nome", "Josué"],
        ["Nº de identificação do aluno", "255026", "Data de nascimento", "25/05/2006"],
        ["Série", "11", "Sala", "E214"],
        [permit, "S65871011", "Data de emissão", "03/09/2024"],
        ["Nome do responsável", "Benjamin Albuquerque", "Telefone", "(617) 596-4658"],
    ]
    data = w.docx_bytes(["Formulário de Inscrição — Educação de Motoristas"], tables=[table])
    reports = _scan(scanner, data, "inscricao.docx")
    found = _found(reports)
    assert {("STUDENT_ID", "255026"), ("US_DRIVER_LICENSE", "S65871011")} <= found
    assert FERPA in classify_reports(policy, reports)


def test_a_newcomer_intake_form_asks_mostly_for_other_things(
    scanner: Scanner, policy: Policy
) -> None:
    """A paired form where fewer than half the labels are of personal data ("Country of
    Birth", "SLIFE screener"): its first row's values ("Hernández", "Lucía") are no
    table's column names, so it is still a form."""
    student = [
        ["Legal Last Name", "Hernández", "Legal First Name", "Lucía"],
        ["Date of Birth", "05/16/2013", "Gender", "F"],
        ["Country of Birth", "Puerto Rico", "Date first enrolled in US school", "08/18/2024"],
        ["Grade placed", "6", "Local Student ID (assigned)", "4391046"],
        ["Previous schooling", "Yes - ended grade 3", "SLIFE screener", "Refer"],
    ]
    parent = [
        ["Name", "Marisol Hernández Peña", "Relationship", "Mother"],
        ["Address", "74 Bennington St, Merrimack Falls, MA 01843", "Cell", "(978) 793-5466"],
        ["Preferred language (oral)", "Spanish", "Preferred language (written)", "English"],
        ["Proof of residency / ID", "Massachusetts Driver's License", "ID #", "S22860878"],
    ]
    data = w.docx_bytes(["NEWCOMER STUDENT INTAKE"], tables=[student, parent])
    reports = _scan(scanner, data, "intake.docx")
    found = _found(reports)
    assert {
        ("STUDENT_ID", "4391046"),
        ("DATE_OF_BIRTH", "05/16/2013"),
        ("US_DRIVER_LICENSE", "S22860878"),
        ("PERSON", "Marisol Hernández Peña"),
    } <= found
    assert {FERPA, MGL_93H} <= set(classify_reports(policy, reports))
    # a table of four columns, each named, is read as a table all the same
    roster = [
        ["Last Name", "First Name", "Date of Birth", "Student ID"],
        ["Hernández", "Lucía", "05/16/2013", "4391046"],
        ["Peña", "Marisol", "02/11/2012", "4390017"],
        ["Okafor", "Chidera", "09/30/2013", "4391102"],
    ]
    reports = _scan(scanner, w.docx_bytes(["Roster"], tables=[roster]), "roster.docx")
    names = {value for entity, value in _found(reports) if entity == "PERSON"}
    assert names == {"Lucía Hernández", "Marisol Peña", "Chidera Okafor"}


def test_a_two_column_form_whose_first_row_names_the_student(
    scanner: Scanner, policy: Policy
) -> None:
    """ "Student name | Jennifer Campbell" heads no table: a person is no column's name."""
    table = [
        ["Student name", "Jennifer Campbell"],
        ["Grade / HR", "6 / 6-104"],
        ["Referred by", "L. Rivera (ELA)"],
        ["Reason for referral", "[X] Emotional/behavioral  [X] Peer conflict"],
        ["Observations", "Crying in class twice this week. Walked student to counseling."],
        ["Counselor action", "Risk screen completed (low-moderate). Safety plan, parent called."],
    ]
    reports = _scan(scanner, w.docx_bytes(["Counseling Referral Form"], tables=[table]), "r.docx")
    assert ("PERSON", "Jennifer Campbell") in _found(reports)
    assert FERPA in classify_reports(policy, reports)
    blank = [[label, ""] for label, _ in table]
    reports = _scan(scanner, w.docx_bytes(["Counseling Referral Form"], tables=[blank]), "b.docx")
    assert FERPA not in classify_reports(policy, reports)


def test_a_web_forms_submission_number_is_no_childs_id(scanner: Scanner, policy: Policy) -> None:
    """A volunteer form's export: each <submission id="..."> is the submission's number,
    though a field names the volunteer's child."""
    submissions = "".join(
        f'<submission id="{number}" submitted="2024-09-03">'
        f'<field name="first_name">{first}</field><field name="last_name">{last}</field>'
        f'<field name="child_name">{child} {last}</field><field name="child_grade">4</field>'
        f'<field name="license_number">{licence}</field></submission>'
        for number, first, last, child, licence in [
            ("46263", "Rafael", "Souza", "Dmitri", "S54232694"),
            ("46082", "Priya", "Figueroa", "Daniel", "S44590252"),
            ("46738", "Helen", "Park", "Minji", "S31187426"),
        ]
    )
    data = f'<?xml version="1.0"?><formExport form="Volunteer">{submissions}</formExport>'
    reports = _scan(scanner, data.encode(), "volunteers.xml")
    found = _found(reports)
    assert ("STUDENT_ID", "46263") not in found
    assert ("US_DRIVER_LICENSE", "S54232694") in found
    assert FERPA not in classify_reports(policy, reports)


def test_a_wage_reports_ssn_surname_and_initial(scanner: Scanner, policy: Policy) -> None:
    """The DUA's quarterly wage file: record type, SSN, surname padded out, the first
    initial, then the wages, no delimiter."""
    people = [("565657780", "SWEENEY", "L"), ("462781426", "RODRIGUES", "A")]
    people += [("126963924", "FERNANDES", "C"), ("318450027", "MURPHY", "J")]
    lines = ["HASHBROOK PUBLIC SCHOOLS                 DUA ACCT 0041172Q42024"] + [
        f"W{ssn}{surname.ljust(20)}{initial}00007296930000013" for ssn, surname, initial in people
    ]
    reports = _scan(scanner, "\n".join(lines).encode(), "DUA_QWR.dat")
    found = _found(reports)
    assert {("US_SSN", "565657780"), ("PERSON", "SWEENEY L")} <= found
    assert MGL_93H in classify_reports(policy, reports)


def test_a_wage_files_numbers_in_sequence_are_no_ssns(scanner: Scanner) -> None:
    lines = [
        f"W{number}{surname.ljust(20)}{initial}00007296930000013"
        for number, surname, initial in [
            ("123456701", "SWEENEY", "L"),
            ("123456702", "RODRIGUES", "A"),
            ("123456703", "FERNANDES", "C"),
        ]
    ]
    found = _found(_scan(scanner, "\n".join(lines).encode(), "batch.dat"))
    assert not any(entity == "US_SSN" for entity, _ in found)


def test_an_employees_dependents_are_no_students(scanner: Scanner, policy: Policy) -> None:
    """A benefits system's export: the children on an employee's plan are dependents,
    their school-age birth dates no student's record; the plan's "tier" no MTSS tier."""
    data = (
        '{"data": [{"employee": {"firstName": "Dana", "lastName": "Whitfield", "ssn": "833752202"},'
        '"elections": [{"plan": "DEN-DELTA", "tier": "EE+CH", "effective": "2025-01-01"},'
        '{"plan": "VIS-EYEMED", "tier": "EE+CH", "effective": "2025-01-01"}],'
        '"dependents": [{"firstName": "Mia", "lastName": "Whitfield", "relationship": "child",'
        '"dateOfBirth": "2014-05-02", "ssn": "387645718"},'
        '{"firstName": "Leo", "lastName": "Whitfield", "relationship": "child",'
        '"dateOfBirth": "2016-09-30", "ssn": "412557309"}]}]}'
    )
    reports = _scan(scanner, data.encode(), "enrollments.json")
    classes = set(classify_reports(policy, reports))
    assert MGL_93H in classes
    assert FERPA not in classes


@pytest.mark.parametrize(
    "lines",
    [
        ["  Wong, Nayeli  (201171)  gr 7 - Grief & Loss", "  Shah, Liam  (202041)  gr 6"],
        ["> Shah, Hodan   2280328   gr 8   H165", "> Murphy, Kenji   2453550   gr 6   C248"],
    ],
)
def test_a_pasted_list_of_students_numbers_beside_their_grades(
    scanner: Scanner, policy: Policy, lines: list[str]
) -> None:
    """A secretary's list in a mail, quoted in the reply: name, the number alone (in
    brackets or a gap apart), then the grade."""
    text = "Subject: RE: consent forms\n\nThanks.\n\n> These are the kids:\n" + "\n".join(lines)
    reports = _scan(scanner, (text + "\n").encode(), "reply.txt")
    number = lines[0].split("(")[1][:6] if "(" in lines[0] else "2280328"
    assert ("STUDENT_ID", number) in _found(reports)
    assert FERPA in classify_reports(policy, reports)


def test_a_bus_route_beside_a_grade_is_no_student_number(scanner: Scanner) -> None:
    text = "Route 12   0745   grade 6 pickup\n"
    found = _found(_scan(scanner, text.encode(), "x.txt"))
    assert not any(entity == "STUDENT_ID" for entity, _ in found)


@dataclass(frozen=True)
class TableCase:
    """An export's rows, and what the scan must and must not find in them."""

    why: str
    rows: list[list[str]]
    found: frozenset[tuple[str, str]] = frozenset()
    not_found: frozenset[tuple[str, str]] = frozenset()
    entities_absent: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    not_classes: frozenset[str] = frozenset()
    delimiter: str = ","


_OSHA_CARDS = ["12-1252443828", "24-4080622785", "20-5650836457", "10-1071539811"]
_OSHA_CARDS += ["23-8237861980", "30-8099043645", "28-1715218158", "23-1116917479"]

TABLE_CASES = {
    "fee log by grade": TableCase(
        'a school fee log\'s "ID | Name | Grade": grades of a school (7, 8, "Gr 10") say '
        "the rows are students, and the bare ID their number",
        [
            ["ID", "Name", "Grade", "Fee", "Amount Paid", "Date Paid"],
            ["104522", "Nguyen, Bao", "7", "Band instrument rental", "45.00", "09/12/2026"],
            ["104611", "Pereira, Ana", "Gr 8", "Band instrument rental", "45.00", "09/14/2026"],
            ["105020", "Joseph, Widelene", "K", "Chorus trip", "120.00", "10/02/2026"],
        ],
        found=frozenset({("STUDENT_ID", "104522")}),
        classes=frozenset({FERPA}),
    ),
    "staff by grade taught": TableCase(
        "an elementary school's staff list by the grade each teaches: its subject and "
        "extension columns say the rows are staff, the ID no student's",
        [
            ["ID", "Name", "Grade", "Subject", "Ext"],
            ["30117", "Linda Alvarez", "3", "All subjects", "4412"],
            ["30244", "Mark Feeney", "4", "Math/Science", "4415"],
            ["30551", "Rosa Tavares", "5", "ELA", "4419"],
        ],
        entities_absent=frozenset({"STUDENT_ID"}),
        not_classes=frozenset({FERPA}),
    ),
    "pay grades": TableCase(
        "a salary table's grades are a pay scale's: its step column says so",
        [
            ["ID", "Name", "Grade", "Step", "Annual"],
            ["30117", "Linda Alvarez", "3", "4", "61,220"],
            ["30244", "Mark Feeney", "4", "2", "58,900"],
            ["30551", "Rosa Tavares", "5", "7", "70,115"],
        ],
        entities_absent=frozenset({"STUDENT_ID"}),
        not_classes=frozenset({FERPA}),
    ),
    "training cards": TableCase(
        'an "OSHA-10 Card #" column: a few numbers pass the Luhn check by chance, most '
        "fail, as no column of payment cards does",
        [["Last", "First", "Shop", "OSHA-10 Card #", "Card Issued"]]
        + [[f"Surname{i}", "Ryan", "ELEC", n, "3/2/24"] for i, n in enumerate(_OSHA_CARDS)],
        entities_absent=frozenset({"CREDIT_CARD"}),
        not_classes=frozenset({MGL_93H}),
    ),
    "grade sections": TableCase(
        'a shop teacher\'s quiz scores: "Sec" of "10B", "9A" says the rows are students',
        [
            ["Nm", "ID", "Sec", "OSHA10 Mod1", "Mod2", "Avg", "Pass?"],
            ["McNamara Anita", "2835533", "10B", "97", "97", "97.0", "Y"],
            ["Rodriguez-Colon Darnell", "2824395", "10A", "58", "64", "61.0", "N"],
            ["LeBlanc Angela", "2405373", "9A", "59", "67", "63.0", "Y"],
            ["Patel Darnell", "2738645", "10A", "93", "65", "79.0", "Y"],
        ],
        found=frozenset({("STUDENT_ID", "2835533")}),
        classes=frozenset({FERPA}),
    ),
    "room sections": TableCase(
        "a bare ID beside rooms, not grades' sections, is no student's",
        [
            ["Name", "ID", "Sec", "Hours"],
            ["McNamara Anita", "2835533", "B-12", "40"],
            ["LeBlanc Angela", "2405373", "C-04", "38"],
            ["Patel Darnell", "2738645", "B-12", "40"],
        ],
        entities_absent=frozenset({"STUDENT_ID"}),
    ),
    "summary by school": TableCase(
        'schools named for people ("Harriet Tubman Elementary") are no name column: MCAS '
        "results by school and grade are no one's record",
        [
            ["School", "Grade", "Subject", "# Tested", "% Meeting", "Avg Scaled Score"],
            ["Alden Street Elementary", "3", "ELA", "61", "37", "501"],
            ["Harriet Tubman Elementary", "4", "ELA", "82", "25", "499"],
            ["Mill Pond Middle", "7", "MATH", "129", "44", "497"],
            ["Abigail Adams Middle", "8", "MATH", "118", "41", "500"],
        ],
        not_classes=frozenset({FERPA}),
    ),
    "proctor schedule": TableCase(
        'staff assigned to test sessions: "Grade" holds levels, "Test" no score, and the '
        "proctors are no graded students",
        [
            ["Date", "Session", "Room", "Test", "Grade", "Test Administrator", "Proctor"],
            ["04/01/2025", "Math 2", "Rm 147", "Math", "8", "Abdirahman Pham", "Dorsainvil, Bao"],
            ["04/01/2025", "STE 1", "Rm 282", "STE", "8", "Jimmy Santiago", "Lam, Anthony"],
            ["04/01/2025", "ELA 1", "Rm 320", "STE", "3", "Amanda Fisher", "Miller, Terri"],
            ["04/02/2025", "ELA 2", "Rm 114", "ELA", "5", "Rosa Delgado", "Kim, Grace"],
        ],
        not_classes=frozenset({FERPA}),
    ),
    "gradebook": TableCase(
        "marks beside a grade-level column are grades all the same",
        [
            ["Student", "Grade", "Q1", "Q2", "Test"],
            ["Maria Lopez", "8", "B+", "A-", "84"],
            ["James Carter", "8", "C", "B", "71"],
            ["Aisha Khan", "8", "A", "A", "95"],
        ],
        classes=frozenset({FERPA}),
    ),
    "staff flu clinic": TableCase(
        "grown-ups' birth dates at a staff clinic are no student's record",
        [
            ["Staff Member", "DOB", "School", "Vaccine", "Nurse"],
            ["Paulo Oliveira", "08/11/1970", "Morse", "Flu", "RN Diaz"],
            ["Denise Carter", "04/06/1969", "King", "Flu", "RN Diaz"],
            ["Thanh Nguyen", "10/07/1970", "Tobin", "Flu", "RN Diaz"],
        ],
        not_classes=frozenset({FERPA}),
    ),
    "powerschool fields": TableCase(
        '"[1]Student_Number" opens with a bracket, as a JSON array does: it is a CSV',
        [
            ["[1]Student_Number", "[1]LastFirst", "[1]Grade_Level", "Title", "Copy_Barcode"],
            ["20250530", "Yu, Judith", "10", "The Great Gatsby", "T30163315"],
            ["20251189", "Wong-OBrien, Ngozi", "10", "Long Way Down", "T30125147"],
            ["2025287", "Bennett, Cody", "10", "The American Pageant 17e", "T30148125"],
        ],
        found=frozenset({("STUDENT_ID", "20250530")}),
        classes=frozenset({FERPA}),
    ),
    "library patrons": TableCase(
        "a patron's barcode beside grade and homeroom is the student's; the book's copy "
        "barcode is no one's",
        [
            ["Patron Name", "Barcode", "Grade Level", "Homeroom", "Title", "Copy Barcode"],
            ["Suarez, Michael", "104876", "9", "C122", "Realidades 3", "37925584"],
            ["Johnson, Michael", "106010", "10", "F012", "Chemistry 14e", "34709845"],
            ["Gray, Christopher", "107616", "10", "C115", "Persepolis", "31803178"],
        ],
        found=frozenset({("STUDENT_ID", "104876")}),
        not_found=frozenset({("STUDENT_ID", "37925584")}),
        classes=frozenset({FERPA}),
    ),
    "prom phone orders": TableCase(
        '"CC (phone orders)" holds cards (its note says how they were taken); "Stud ID" '
        "is a student's",
        [
            ["Stud ID", "Name", "Grade", "Paid", "CC (phone orders)", "Exp"],
            ["218335", "Justin Brown", "12", "85", "5499992969359418", "10/29"],
            ["228609", "Thiago Desrosiers", "12", "85", "344568982318793", "3/26"],
            ["220316", "Robert Pierce", "12", "85", "5428254982388908", "1/29"],
        ],
        found=frozenset({("CREDIT_CARD", "5499992969359418"), ("STUDENT_ID", "218335")}),
        classes=frozenset({FERPA, MGL_93H}),
    ),
    "card track names": TableCase(
        "a card terminal's cardholder as the card's track writes it: \"KAPOOR/ISHAAN\"",
        [
            ["TxnDate", "Cardholder", "PAN", "Exp", "Amt"],
            ["2024-03-24", "KAPOOR/ISHAAN", "341681469043512", "0925", "1850.00"],
            ["2024-04-30", "MANSOUR/NOUR", "4333929923141196", "1226", "925.00"],
            ["2023-09-09", "TRAN/ANH", "343961437509630", "0228", "925.00"],
        ],
        found=frozenset({("PERSON", "KAPOOR ISHAAN")}),
        classes=frozenset({MGL_93H}),
    ),
    "staff course scores": TableCase(
        "staff scored on a training course are no graded students",
        [
            ["user_id", "employee_number", "name", "course title", "status", "score"],
            ["u81", "E10442", "Dana Whitfield", "Section 504 Basics", "complete", "92"],
            ["u82", "E10519", "Marco Reyes", "Section 504 Basics", "complete", "85"],
            ["u83", "E10633", "Priya Shah", "Section 504 Basics", "complete", "100"],
        ],
        not_classes=frozenset({FERPA}),
    ),
    "powerschool lastfirst": TableCase(
        'PowerSchool\'s "lastfirst" field, run together in lower case, is a name',
        [
            ["student_number", "lastfirst", "grade_level", "home_room"],
            ["241325", "Ibarra, Dustin", "11", "D305"],
            ["229044", "Gonçalves, Gabriel R", "11", "D305"],
            ["230117", "Okafor, Chidi", "11", "D307"],
        ],
        found=frozenset({("PERSON", "Ibarra, Dustin")}),
        classes=frozenset({FERPA}),
        delimiter="\t",
    ),
}


@pytest.mark.parametrize("case", TABLE_CASES.values(), ids=TABLE_CASES.keys())
def test_an_exports_rows(scanner: Scanner, policy: Policy, case: TableCase) -> None:
    """Exports seen on held-out sets, as data: each case says why in its `why`."""
    name = "export.tsv" if case.delimiter == "\t" else "export.csv"
    reports = _scan(scanner, w.csv_bytes(case.rows, delimiter=case.delimiter), name)
    found = _found(reports)
    classes = set(classify_reports(policy, reports))
    assert case.found <= found, case.why
    assert not case.not_found & found, case.why
    assert not case.entities_absent & {entity for entity, _ in found}, case.why
    assert case.classes <= classes, case.why
    assert not case.not_classes & classes, case.why


def test_a_voicemail_transcript_of_grown_ups_is_no_former_students_record(
    scanner: Scanner, policy: Policy
) -> None:
    """Grown-ups' birth dates in a front office's voicemail transcripts: "transcript"
    here is a call's, no school record's, and the callers are no former students."""
    text = (
        "Voicemail transcripts - front office line\n"
        "Dana Whitfield, DOB 04/06/1969, called about the student IEP night; she has "
        "asthma and asks about the nurse.\n"
        "Marco Reyes, DOB 10/07/1970, asked about the student trip in May.\n"
        "Priya Shah, DOB 08/11/1971, asked about parking for the student concert.\n"
    )
    reports = _scan(scanner, text.encode(), "voicemail_transcripts.txt")
    assert FERPA not in classify_reports(policy, reports)


def _camt053_entry(name: str, account: str, routing: str, memo: str) -> str:
    return (
        '<Ntry><Amt Ccy="USD">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><NtryDtls><TxDtls>'
        f"<RltdPties><Dbtr><Nm>{name}</Nm></Dbtr><DbtrAcct><Id><Othr><Id>{account}</Id>"
        "</Othr></Id></DbtrAcct></RltdPties><RltdAgts><DbtrAgt><FinInstnId><ClrSysMmbId>"
        f"<MmbId>{routing}</MmbId></ClrSysMmbId></FinInstnId></DbtrAgt></RltdAgts>"
        f"<RmtInf><Ustrd>{memo}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
    )


@pytest.mark.parametrize("entries", [1, 2])
def test_a_bank_statements_payer_accounts(scanner: Scanner, policy: Policy, entries: int) -> None:
    """An ISO 20022 camt.053 statement of an activity fund: each credit names the parent
    who paid and the account paid from, seven levels below the entry (one entry or a
    table of them)."""
    payers = [
        ("Maria Lopez", "3345120987", "011000138", "Field trip fee Sofia Lopez gr 5"),
        ("Tran Van Minh", "55018832", "211274450", "Field trip fee Anh Tran gr 3"),
    ][:entries]
    statement = (
        '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
        "<BkToCstmrStmt><Stmt><Id>STMT-2026-11-30</Id>"
        + "".join(_camt053_entry(*payer) for payer in payers)
        + "</Stmt></BkToCstmrStmt></Document>"
    ).encode()
    reports = _scan(scanner, statement, "activity_fund_camt053.xml")
    assert ("US_BANK_NUMBER", "3345120987") in _found(reports)
    assert MGL_93H in classify_reports(policy, reports)


def test_an_xml_records_generic_id_is_named_by_its_parent() -> None:
    """`<Student><Id>` alone says "Id"; the text a scan reads says whose."""
    data = b"<Referral><Student><Id>104522</Id><Nm>Bao Nguyen</Nm></Student></Referral>"
    text = "\n".join(
        block.text
        for doc in extract_bytes(data, "referral.xml")
        for block in doc.blocks
        if not isinstance(block, TableBlock)
    )
    assert "Student Id: 104522" in text
    assert "Student Nm: Bao Nguyen" in text
