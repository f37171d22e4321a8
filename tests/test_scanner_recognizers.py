"""Recognizers as tables of hits and misses: each row is the text, the value we
expect found (or None) and why."""

from __future__ import annotations

import pytest

from scanners.recognizers.base import Recognizer, resolve_overlaps
from scanners.recognizers.builtin import (
    ABA_ROUTING_NUMBER,
    CREDIT_CARD_BRANDED,
    CREDIT_CARD_GROUPED,
    CREDIT_CARD_UNBRANDED,
    DATE_OF_BIRTH,
    EMAIL_ADDRESS,
    IBAN,
    PHONE_NUMBER,
    STREET_ADDRESS,
    STUDENT_ID_LABELLED,
    US_BANK_NUMBER,
    US_DRIVER_LICENSE,
    US_SSN,
)
from scanners.recognizers.checksums import (
    aba_routing,
    iban,
    luhn,
    not_a_test_card,
    not_repeated,
    us_ssn,
    validator_named,
)
from scanners.recognizers.columns import cell_value_ok, column_entity, person_role

THRESHOLD = 0.5


def found(recognizer: Recognizer, text: str) -> list[str]:
    hits = resolve_overlaps(list(recognizer.find(text)))
    return [h.value for h in hits if h.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SSN: 212-58-3391", "212-58-3391"),
        ("her number is 318-40-2276 on file", "318-40-2276"),
        ("Social Security No. 445198802", "445198802"),
        ("ssn 445 19 8802", "445 19 8802"),
        ("SSN: 000-12-3456", None),  # area 000
        ("SSN: 666-12-3456", None),  # area 666
        ("SSN: 912-12-3456", None),  # 9xx area (ITIN range)
        ("SSN: 212-00-3456", None),  # group 00
        ("SSN: 212-58-0000", None),  # serial 0000
        ("SSN: 111-11-1111", None),  # one digit repeated
        ("order 445198802 shipped", None),  # nine digits without a label
        ("Order number 212-58-3391", None),  # a label that says it is something else
        ("Tel 212-58-33912", None),  # longer run of digits
    ],
)
def test_us_ssn(text: str, expected: str | None) -> None:
    assert found(US_SSN, text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("License: S36514236", "S36514236"),
        ("MA DL S71773983 exp 2029", "S71773983"),
        ("driver's license number 413730211", "413730211"),
        ("License: S12345678", None),  # the form's example number, no one's
        ("driver's license number 123456789", None),
        ("item S12345678X", None),
        ("room 123456789", None),  # nine digits, no licence label
        ("SKU S123456789", None),  # S + 9 digits is not the MA shape
    ],
)
def test_ma_driver_license(text: str, expected: str | None) -> None:
    assert found(US_DRIVER_LICENSE, text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("card 4539 1488 0343 6467 exp 09/28", "4539 1488 0343 6467"),
        # a listing's row: the expiry right after the number is no fifth group of it
        ("Douglas Sanchez 5452 3676 5511 3129 04/27 $2,500 Active", "5452 3676 5511 3129"),
        # a purchasing card's statement calls its card number the account's
        ("Account Number: 4921 0804 2713 0935", "4921 0804 2713 0935"),
        ("Account Number: 4921080427130935", None),  # ... as a bank writes an account
        ("IMEI/MEID: 570354542240453", None),  # a tablet's IMEI passes Luhn by design
        ("rfid card 4921 0804 2713 0935", None),  # a bus reader's badge
        ("paid with 5500-0000-0000-0004", "5500-0000-0000-0004"),
        ("Amex 348720193655218", "348720193655218"),
        ("4012881234567882", "4012881234567882"),
        # the processors' published test cards, as training slides and manuals print them
        ("card 4111 1111 1111 1111 exp 09/28", None),
        ("Amex 378282246310005", None),
        ("4012888888881881", None),
        ("4111111111111112", None),  # fails Luhn
        ("tracking 1234567812345678", None),  # fails Luhn
        ("order 4111111111111111", None),  # valid card shape, labelled an order
    ],
)
def test_credit_card(text: str, expected: str | None) -> None:
    recognizers = (CREDIT_CARD_BRANDED, CREDIT_CARD_GROUPED, CREDIT_CARD_UNBRANDED)
    hits = [value for recognizer in recognizers for value in found(recognizer, text)]
    assert hits == ([expected] if expected else [])


def test_unbranded_luhn_number_needs_a_card_label() -> None:
    number = "990000000000000000"[:17] + "0"
    number = next(number[:-1] + d for d in "0123456789" if luhn(number[:-1] + d))
    assert found(CREDIT_CARD_UNBRANDED, f"id {number}") == []
    assert found(CREDIT_CARD_UNBRANDED, f"credit card {number}") == [number]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Routing: 011000138", "011000138"),
        ("ABA 211370545", "211370545"),
        ("Routing: 011000139", None),  # checksum fails
        ("Acct 011000138", None),  # an account label, not a routing label
        ("011000138", None),  # no label
    ],
)
def test_aba_routing(text: str, expected: str | None) -> None:
    assert found(ABA_ROUTING_NUMBER, text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Checking account 004417726310", "004417726310"),
        ("Acct #: 7781203349", "7781203349"),
        ("Routing 011000138", None),
        ("invoice 7781203349", None),
        ("7781203349", None),
    ],
)
def test_bank_account(text: str, expected: str | None) -> None:
    assert found(US_BANK_NUMBER, text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO 13616's own example, printed in groups, and the synthetic set's shapes
        ("IBAN: DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
        ("My IBAN is GB59IFUE40226315499137", "GB59IFUE40226315499137"),
        ("my iban is gb42nawi04454264788619", "gb42nawi04454264788619"),
        # one digit changed: the check fails
        ("IBAN: DE89 3704 0044 0532 0130 01", None),
        # the right shape and check, but no word of a bank: a part number
        ("Part DE89370400440532013000 in stock", None),
    ],
)
def test_iban(text: str, expected: str | None) -> None:
    assert found(IBAN, text) == ([expected] if expected else [])


def test_an_ibans_digits_are_no_account_of_their_own() -> None:
    """The domestic account pattern does not read an IBAN's tail as an account."""
    assert found(US_BANK_NUMBER, "My IBAN is GB59IFUE40226315499137 (bank account)") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date of birth: 07/02/2012", "07/02/2012"),
        ("DOB 2012-03-14", "2012-03-14"),
        ("born March 14, 2012 in Boston", "March 14, 2012"),
        ("Birthdate: 14 March 2012", "14 March 2012"),
        ("Date of birth: 07/02/2012   Enrolled: 09/04/2024", "07/02/2012"),
        ("Meeting on 12/18/2026 at 6:30 pm", None),  # a date, not a birth date
        ("Invoice dated 03/14/2012", None),
        ("DOB: 13/45/2012", None),  # not a date
    ],
)
def test_date_of_birth_needs_birth_context(text: str, expected: str | None) -> None:
    assert found(DATE_OF_BIRTH, text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call (617) 555-0142 today", "(617) 555-0142"),
        ("cell: 857-555-0166", "857-555-0166"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("Phone: 0490 75 40 81", "0490 75 40 81"),
        # the shapes Faker's en_US phone numbers take, extensions of up to five digits
        ("Phone: 001-459-329-2244x696", "001-459-329-2244x696"),
        ("call 001-946-985-8501 after 3", "001-946-985-8501"),
        ("Cell +1-537-640-6812x41586", "+1-537-640-6812x41586"),
        ("(508)842-4108x33210 is the office", "(508)842-4108x33210"),
        ("You can reach the family at 5272868387 most evenings.", "5272868387"),
        ("ISBN 978-0-14-312854-0", None),
        ("Order number 20261118-4471", None),
        ("Cambridge, MA 02139", None),
        ("room 120 at 6:30", None),
        # a company's toll-free line, and a blank form's zeros, are no one's numbers
        ("Customer service: (800) 508-8000", None),
        ("call 1-888-926-2766 to reorder", None),
        ("Parent cell: (000) 000-0000", None),
        # a cafeteria register's payment and the balance after it, a column apart
        ("2024-11-19 14:27:40 R2 C02 ONLINEPMT 237237 12 PAID   +50.00    63.21  PAYMENT", None),
    ],
)
def test_phone(text: str, expected: str | None) -> None:
    assert found(PHONE_NUMBER, text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to jblake@example.org.", "jblake@example.org"),
        # an office's shared mailbox names no one
        ("write to frontoffice@example.org.", None),
        ("Records requests: studentrecords@district.org", None),
        ("j.doe+iep@cpsd.us", "j.doe+iep@cpsd.us"),
        ("not an email: user@localhost", None),
        ("@handle on social media", None),
    ],
)
def test_email(text: str, expected: str | None) -> None:
    assert found(EMAIL_ADDRESS, text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "lives at 42 Elm Street, Apt 3, Cambridge, MA 02139.",
            "42 Elm Street, Apt 3, Cambridge, MA 02139",
        ),
        ("459 Broadway Ave", "459 Broadway Ave"),
        ("PO Box 1234", "PO Box 1234"),
        # territories, freely associated states and the armed forces have state codes too
        (
            "515 Taylor Spring\nWest Evantown, MH 47798",
            "515 Taylor Spring\nWest Evantown, MH 47798",
        ),
        ("38756 Hall Turnpike, Hagatna, GU 96910", "38756 Hall Turnpike, Hagatna, GU 96910"),
        ("Unit 3635 Box 9360\nDPO AP 72607", "Unit 3635 Box 9360\nDPO AP 72607"),
        ("PSC 0193, Box 5325\nAPO AE 09012", "PSC 0193, Box 5325\nAPO AE 09012"),
        ("USNS Comfort\nFPO AA 34090", "USNS Comfort\nFPO AA 34090"),
        ("room 214 and 8 students", None),
        ("Cambridge, MA 02139", None),
        ("Grade 8 homeroom", None),
    ],
)
def test_street_address(text: str, expected: str | None) -> None:
    assert found(STREET_ADDRESS, text) == ([expected] if expected else [])


def test_checksums_named_for_policies() -> None:
    assert validator_named("luhn") is luhn
    assert validator_named(None) is None
    with pytest.raises(KeyError):
        validator_named("crc32")
    assert aba_routing("011000138") and not aba_routing("011000139")
    assert us_ssn("212-58-3391") and not us_ssn("912-58-3391")
    assert validator_named("iban") is iban


@pytest.mark.parametrize(
    ("header", "entity"),
    [
        ("SSN", "US_SSN"),
        ("Social Security #", "US_SSN"),
        ("Last Name", "PERSON"),
        ("Guardian Name", "PERSON"),
        ("Guardian Phone", "PHONE_NUMBER"),
        ("DOB", "DATE_OF_BIRTH"),
        ("Student ID", "STUDENT_ID"),
        ("SASID", "STUDENT_ID"),
        ("Learner ID", "STUDENT_ID"),  # an adult education program's students
        ("WHS ID", "STUDENT_ID"),  # a school's initials: its students' numbers
        ("SS #", "US_SSN"),  # ... though not a Social Security number's
        # people by the work they are paid for, or by what they did
        ("Interpreter", "PERSON"),
        ("Provider", "PERSON"),
        ("Parent Leader", "PERSON"),
        ("Picked up by", "PERSON"),
        ("Driver CDL #", "US_DRIVER_LICENSE"),
        ("RN Lic #", None),  # the nursing board's number, no RMV's
        ("Teaching License #", None),
        ("Bank Routing", "ABA_ROUTING_NUMBER"),
        ("Bank Account", "US_BANK_NUMBER"),
        ("Parent Email", "EMAIL_ADDRESS"),
        ("Home Address", "STREET_ADDRESS"),
        ("School Name", None),
        ("Homeroom", None),
        ("Grade", None),
        ("Order Number", None),
    ],
)
def test_column_types_by_header(header: str, entity: str | None) -> None:
    assert column_entity(header) == entity


def test_person_roles_join_first_and_last() -> None:
    assert person_role("First Name") == person_role("Last Name") == ""
    assert person_role("Guardian First Name") == person_role("Guardian Last Name") == "guardian"


@pytest.mark.parametrize(
    ("entity", "cell", "ok"),
    [
        ("US_SSN", "212-58-3391", True),
        ("US_SSN", "912-58-3391", False),
        ("PERSON", "O'Brien", True),
        ("PERSON", "n/a", False),
        ("PERSON", "204118", False),
        ("PERSON", "A-Fa", False),  # a counselor's students, by the alphabet
        ("PERSON", "Ro-Z", False),
        ("PERSON", "Mi-Na", True),  # a given name
        ("DATE_OF_BIRTH", "2012-03-14", True),
        ("DATE_OF_BIRTH", "20120314", True),
        ("DATE_OF_BIRTH", "03142012", True),
        ("DATE_OF_BIRTH", "051877", True),  # a microfiche index's MMDDYY
        ("DATE_OF_BIRTH", "133177", False),  # no month 13
        ("DATE_OF_BIRTH", "unknown", False),
        ("CREDIT_CARD", "4111111111111112", False),
    ],
)
def test_cells_must_have_their_columns_shape(entity: str, cell: str, ok: bool) -> None:
    assert cell_value_ok(entity, cell) is ok


def test_resolve_overlaps_matches_the_quadratic_definition() -> None:
    """The O(n log n) resolver picks exactly what 'surest first, then longest' means."""
    import random

    from scanners.recognizers.base import Hit

    def reference(hits: list[Hit]) -> list[Hit]:
        chosen: list[Hit] = []
        for hit in sorted(hits, key=lambda h: (-h.score, -(h.end - h.start), h.start)):
            if all(hit.end <= o.start or hit.start >= o.end for o in chosen):
                chosen.append(hit)
        return sorted(chosen, key=lambda h: (h.start, h.end))

    rng = random.Random(7)
    for _ in range(500):
        hits = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 40)
            score = rng.choice([0.3, 0.5, 0.9])
            hits.append(Hit("X", start, start + rng.randint(1, 8), "v", score, "t"))
        assert resolve_overlaps(hits) == reference(hits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stu ID 27954", "27954"),
        ("Student Number: 20245817 Grade: 9", "20245817"),
        ("Student ID #: 448812", "448812"),
        ("student_id=30417722", "30417722"),
        ("Room 214, Student ID: 2795413", "2795413"),
        ("Student number goal: 1200 by 2027", None),  # the label is not the value's own
        ("Student ID card fee 2795", None),
        ("Student ID 1234 order 99812", "1234"),
        ("Learner ID: ACE-230135", "ACE-230135"),  # an adult education program's
        ("Student ID: HW248836", "HW248836"),
    ],
)
def test_a_student_id_label_must_be_the_values_own(text: str, expected: str | None) -> None:
    assert found(STUDENT_ID_LABELLED, text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("value", "real"),
    [
        ("0000000000", False),
        ("1234567890", False),  # a form's or a sandbox's example
        ("987654321", False),
        ("S00000000", False),
        ("4471829903", True),
        ("12345", True),  # too short a run to say
        ("1234567809", True),
        ("00001234", False),  # a training slide's account: a short run, padded
        ("00012345", False),
        ("001234", True),  # a short run, little padding: too little to say
    ],
)
def test_fillers_and_runs_are_no_ones_number(value: str, real: bool) -> None:
    assert not_repeated(value) is real


@pytest.mark.parametrize(
    ("card", "real"),
    [("4000 0000 0000 0002", False), ("4242424242424242", False), ("4539 1488 0343 6467", True)],
)
def test_payment_processors_test_cards_are_no_ones(card: str, real: bool) -> None:
    assert not_a_test_card(card) is real
