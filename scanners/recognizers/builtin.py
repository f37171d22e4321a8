"""The built-in recognizers: what a Massachusetts school district holds.

Pure data. Scores are calibrated against the district policy's thresholds
(0.5 for most entities, 0.6 for names and cards): a shape alone that is often
something else (nine digits, ten digits) stays below them until a label vouches
for it.
"""

from __future__ import annotations

import re

from scanners.recognizers.base import Pattern, Recognizer
from scanners.recognizers.checksums import (
    aba_routing,
    digits,
    iban,
    luhn,
    not_a_test_card,
    not_repeated,
    us_ssn,
)
from scanners.recognizers.mailboxes import persons_mailbox

# Labels of things that are not personal identifiers; near a number they silence it.
NOT_AN_ID = (
    "order",
    "order no",
    "order number",
    "order #",
    "invoice",
    "inv",  # "MTI license paid (inv 2291847)"
    "inv #",
    "isbn",
    "po",
    "p.o.",
    "purchase order",
    "tracking",
    "confirmation",
    "ref",
    "reference",
    "room",
    "rm",
    "zip",
    "zip code",
    "postal code",
    "sku",
    "item",
    "product",
    "serial",
    "part no",
    "catalog",
    "ticket",
    # a clinic's or an agency's billing number: "MassHealth Provider ID 110094573A", "NPI"
    "provider id",
    "provider #",
    "npi",
    # a print shop's job on a form's foot: "Printed by Print Shop job #24-3318"
    "job #",
    "job no",
    "case no",
    "docket",
    "receipt",
    "transaction",
    "lot",
    "quote",
    "quote no",
    "quotation",
    "estimate",
    "contract no",
    "account code",
    "budget code",
    "grant line",  # "IDEA 240 (grant line 240-25-5580)": a budget's line, no SSN
    "budget line",  # "Fee schedule (FY2025, budget line 1000-2210-5100)": no phone
    # a school's or a district's DESE code: "District org code: 02440000"
    "org code",
    "organization code",
    "district code",
    "school code",
    "dese code",
    # a memo's or a training's example is no one's: "use the local ID in subject lines
    # (e.g., 'SST - J.R. / 204871')"
    "e.g",
    "for example",
    "for instance",
    "example",
    "sample",
)

SSN_CONTEXT = (
    "ssn",
    "ss#",
    "ss #",
    "ssn#",
    "social security",
    "soc sec",
    "social sec",
    "ss no",
    "taxpayer id",
    "tax id",
    "tin",
    "my social",  # "I don't have an EIN, I just use my social. It's 574 27 9327."
    "ss card",  # an I-9's document: "I showed my MA license ... and SS card 078-41-9932"
    "social security card",
    # in the families' languages: Spanish, Portuguese, Haitian Creole
    "seguro social",
    "segurança social",
    "sekirite sosyal",
)

US_SSN = Recognizer(
    vetted=True,
    entity="US_SSN",
    name="us-ssn",
    patterns=(
        Pattern("ssn-dashed", r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", 0.85),
        # (a form's boxes may print wider apart: "346  64  3763")
        Pattern(
            "ssn-spaced",
            r"(?<!\d)(?<!\d )(?<!\d  )(?<!\d   )\d{3} {1,3}\d{2} {1,3}\d{4}(?! {0,3}\d)",
            0.5,
            needs_context=True,
        ),
        # (not a provider's number run into its letter: "Provider ID 110094573A")
        Pattern("ssn-plain", r"(?<!\d)\d{9}(?![\dA-Za-z])", 0.3, needs_context=True),
        # a W-9's boxes, one digit each: "Social security number 7 1 0 - 2 4 - 4 9 0 1"
        Pattern(
            "ssn-digit-boxes",
            r"(?<![\d-])(?<![\d-] )\d(?: \d){2} ?-? ?\d \d ?-? ?\d(?: \d){3}(?! ?-? ?\d)",
            0.3,
            needs_context=True,
        ),
        # a form's boxes typed out: "Social security number:   032 - 49 - 0231", or
        # wider: "763  -  96  -  3160"
        Pattern(
            "ssn-boxed",
            # (or en dashes, as a word processor sets them: "626 \u2013 19 \u2013 3734")
            r"(?<![\d\-\u2013])(?<![\d\-\u2013] )(?<![\d\-\u2013]  )(?<![\d\-\u2013]   )"
            r"\d{3} {1,3}[\-\u2013] {1,3}\d{2} {1,3}[\-\u2013] {1,3}\d{4}(?! *[\-\u2013]? *\d)",
            0.5,
            needs_context=True,
        ),
    ),
    context=SSN_CONTEXT,
    negative_context=(
        *NOT_AN_ID,
        "routing",
        "aba",
        "account",
        "acct",
        "phone",
        "fax",
        "license",
        "licence",
        "fund",  # a budget's fund, as a grant's is written: "IDEA 240 offset Fund 240-25-0117"
    ),
    validator=us_ssn,
    context_score=0.95,
)

PROFESSIONAL_LICENSES = tuple(
    f"{kind} {word}"
    for kind in (
        "educator",
        "dese",
        "teaching",
        "teacher",
        "professional",
        "nursing",
        "nurse",
        "rn",
        # a therapist's, as a Medicaid session log signs it: "MA OT License #: 0912384"
        "ot",
        "pt",
        "slp",
        "prof.",
        "software",
        "business",
        "marriage",
        # a program's or a place's: a child-care program's licence from EEC (the state's
        # Department of Early Education and Care), a kitchen's, a vendor's
        "eec",
        "program",
        "child care",
        "childcare",
        "facility",
        "food service",
        "vendor",
    )
    for word in ("license", "licence")
)
DL_CONTEXT = (
    "driver's license",
    "drivers license",
    "driver license",
    "driver's licence",
    "driver licence",
    "license",
    "licence",
    "lic",
    "lic #",
    "lic no",
    "dl",
    "dl#",
    "dl #",
    "dl no",
    "rmv",
    "massachusetts id",
    "ma id",
    "id card",
    "permit",
)

US_DRIVER_LICENSE = Recognizer(
    vetted=True,
    entity="US_DRIVER_LICENSE",
    name="ma-driver-license",
    patterns=(
        # Massachusetts: S followed by eight digits (RMV format since 1990s).
        Pattern("ma-dl-s8", r"(?<![A-Za-z0-9-])[Ss][ -]?\d{8}(?![\d-])", 0.65),
        # ... and "SA" followed by seven digits, the RMV's other shape, only with a label
        # ... or said and written in groups, with a label: "S 1541 1779", "S1234-5678"
        Pattern(
            "ma-dl-s8-grouped",
            r"(?<![A-Za-z0-9-])[Ss][ -]?\d{4}[ -]\d{4}(?![\d-])",
            0.2,
            needs_context=True,
        ),
        Pattern("ma-dl-sa7", r"(?<![A-Za-z0-9-])SA\d{7}(?![\d-])", 0.2, needs_context=True),
        # Older Massachusetts licences and state IDs: nine digits, only with a label.
        Pattern("ma-dl-9", r"(?<![\d-])\d{9}(?![\d-])", 0.2, needs_context=True),
        # Other states' shapes, only with a label: a letter and 6-14 digits, or 7-14 digits
        # (a bare 6-digit number under "License #" is an educator's licence: DESE's shape).
        Pattern(
            "us-dl-other",
            r"(?<![A-Za-z0-9-])(?:[A-Za-z]\d{6,14}|\d{7,14})(?![\d-])",
            0.2,
            needs_context=True,
        ),
        # (not a phone's 3-3-4: "978-632-7715 | Lic. MA Refrig. Tech #RT-004812" is a
        # contractor's number, then his trade licence's)
        Pattern(
            "us-dl-dashed",
            r"(?<![\d-])(?!\d{3}-\d{3}-\d{4}(?![\d-]))\d{3,4}-\d{2,3}-\d{3,4}(?![\d-])",
            0.2,
            True,
        ),
    ),
    context=DL_CONTEXT,
    negative_context=(
        *NOT_AN_ID,
        "ssn",
        "social security",
        "phone",
        "routing",
        "account",
        # (and as a breach log shortens them: "RTN 211274450 Acct 004471829365; license image")
        "acct",
        "rtn",
        "ss card",
        "student",
        "sasid",
        # licences that are not for driving: a district's educators and nurses hold them
        *PROFESSIONAL_LICENSES,
        # ... and a physician's other numbers beside his licence's ("MA license # 274118
        # NPI 1639208193")
        "npi",
        "dea",
        # an educator's state number, DESE's MEPID ("Professional, MEPID 0417739")
        "mepid",
        # a speech pathologist's national certification beside her state licence
        # ("MA License SLP #41822   ASHA #12093877"); ASHA is a given name too, so only
        # as a number's label
        "asha #",
        "asha no",
        "asha number",
        "asha id",
        "asha certification",
        # software's licences and a reseller's part numbers: "Chromebook ... w/ Mgmt Lic,
        # CDW# 7391845"
        "mgmt lic",
        "management license",
        "software license",
        "site license",
        "license key",
        "cdw",
        "cdw#",
    ),
    validator=not_repeated,  # "S00000000": a placeholder
    context_score=0.85,
)

CARD_CONTEXT = (
    "card",
    "credit",
    "debit",
    "visa",
    "mastercard",
    "master card",
    "mc",  # a note's "paid by phone ... MC 5411 0410 ...", as a receipt abbreviates it
    "m/c",
    "amex",
    "american express",
    "discover",
    "cc",
    "cc#",
    "card no",
    "card number",
    "pan",
    "expires",
    "exp",
    "cvv",
    "jcb",
    "diners",
    "payment",
)

# Cards that pay for nothing: a bus's RFID reader, a door's badge, a library's or a
# transit system's card number (a Luhn-valid run there is chance, not an issuer's). The
# nearer word wins (`judge_context`): "rfid card" must outweigh its own "card".
NOT_A_PAYMENT_CARD = (
    "rfid",
    "rfid card",
    "badge",
    "badge card",
    "id card",
    "prox card",
    "proximity card",
    "transit card",
    "key card",
    "keycard",
    "access card",
    "prox",
    "proximity",
    "library card",
    "charliecard",
    "charlie card",
    "transit",
    "gift card",
    # an AHA "eCard", a CPR course's certificate number
    "ecard",
    "e-card",
    # ... nor a payment's own number in a processor's report ("payment_id")
    "payment id",
    # ... nor a phone's or a tablet's own numbers (an IMEI is Luhn-checked by design)
    "imei",
    "meid",
    "iccid",
    "esn",
)

# Known issuer prefixes (IIN ranges) with the lengths they issue.
_CARD_BRANDS: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...] = (
    (("4",), (13, 16, 19)),  # Visa
    (("51", "52", "53", "54", "55", *(str(n) for n in range(2221, 2721))), (16,)),  # Mastercard
    (("34", "37"), (15,)),  # American Express
    (("6011", "65", *(str(n) for n in range(644, 650))), (16, 17, 18, 19)),  # Discover
    (("300", "301", "302", "303", "304", "305", "36", "38", "39"), (14, 15, 16)),  # Diners
    (("35",), (16, 17, 18, 19)),  # JCB
    (("2131", "1800"), (15,)),  # JCB (legacy)
    (("50", "56", "57", "58", "6"), (12, 13, 14, 15, 16, 17, 18, 19)),  # Maestro and others
)


def card_brand_known(value: str) -> bool:
    number = digits(value)
    return any(
        number.startswith(prefixes) and len(number) in lengths for prefixes, lengths in _CARD_BRANDS
    )


def _card_valid(value: str) -> bool:
    number = digits(value)
    return (
        12 <= len(number) <= 19
        and luhn(number)
        and not_repeated(number)
        and not_a_test_card(number)
    )


CREDIT_CARD_BRANDED = Recognizer(
    vetted=True,
    entity="CREDIT_CARD",
    name="credit-card",
    patterns=(
        # (not a decimal's long fraction: a GPA of 4.60252675406478 in a sheet)
        Pattern("card-plain", r"(?<![\d-])(?<!\d\.)\d{12,19}(?![\d-])", 0.75),
        Pattern("card-amex", r"(?<![\d-])\d{4}([ -])\d{6}\1\d{5}(?![\d-])", 0.8),
    ),
    context=CARD_CONTEXT,
    negative_context=(
        *NOT_AN_ID,
        *NOT_A_PAYMENT_CARD,
        "account",
        "acct",
        "routing",
        "phone",
        "student",
        "sasid",
    ),
    validator=lambda v: _card_valid(v) and card_brand_known(v),
    context_score=0.95,
)

# A card's number printed in four groups of four (or run together with its expiry after
# it) is a card's, whatever its label: a purchasing card's statement calls it the
# "Account Number" (no bank writes an account so, Luhn-valid and from a card issuer's
# range).
CREDIT_CARD_GROUPED = Recognizer(
    vetted=True,
    entity="CREDIT_CARD",
    name="credit-card-grouped",
    patterns=(
        # (a 19-digit card's last group, not the expiry date after a 16-digit one: "5452
        # 3676 5511 3129 04/27"; and not four counts after another in a row of them, a
        # table printed to text: "MHS 21 3517 2690 2894 1376 2394 1037 593")
        Pattern(
            "card-4x4",
            r"(?<![\d-])(?<!\d )\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3}(?![\d/.:,]))?"
            r"(?![\d-])",
            0.8,
        ),
        # ... or run together, its expiry after it: a transcript log's "Paid Via" of
        # "Phone - 5308712264095173 exp 08/27"
        Pattern(
            "card-then-expiry",
            r"(?<![\d-])(?<!\d\.)\d{15,16}(?=[ \t]*(?:exp\.?|expires|expiry)[ \t]*:?[ \t]*"
            r"\d{1,2}/\d{2,4}(?!\d))",
            0.8,
        ),
    ),
    context=CARD_CONTEXT,
    # (not "phone": no phone's number is grouped so, and a card is often read out over
    # one: "She read me her card number over the phone:\n4716 3215 3455 3828")
    negative_context=(*NOT_AN_ID, *NOT_A_PAYMENT_CARD, "routing", "student", "sasid"),
    validator=CREDIT_CARD_BRANDED.validator,
    context_score=0.95,
)

# A Luhn-valid number from no known issuer is a card only when labelled as one.
CREDIT_CARD_UNBRANDED = Recognizer(
    vetted=True,
    entity="CREDIT_CARD",
    name="credit-card-unbranded",
    patterns=(
        Pattern("card-plain", r"(?<![\d-])(?<!\d\.)\d{12,19}(?![\d-])", 0.3, needs_context=True),
    ),
    context=CARD_CONTEXT,
    negative_context=CREDIT_CARD_BRANDED.negative_context,
    validator=lambda v: _card_valid(v) and not card_brand_known(v),
    context_score=0.9,
)

ABA_ROUTING_NUMBER = Recognizer(
    vetted=True,
    entity="ABA_ROUTING_NUMBER",
    name="aba-routing",
    patterns=(Pattern("aba-9", r"(?<![\d-])\d{9}(?![\d-])", 0.3, needs_context=True),),
    context=(
        "routing",
        "aba",
        "rtn",
        "rtg",
        "routing number",
        "routing no",
        "transit",
        "bank routing",
        "routing #",
        # an ACH file's or log's receiving bank, by its NACHA name: "rdfi=211818793"
        "rdfi",
        # a check's MICR line as a treasurer copies it: "MICR 211603791 / 3566844742"
        "micr",
    ),
    negative_context=(*NOT_AN_ID, "account", "acct", "ssn", "social security", "license", "phone"),
    validator=aba_routing,
    context_score=0.9,
)

_BANK_ACCOUNT_LABELS = (
    "account",
    "acct",
    "account number",
    "account no",
    "acct #",
    "bank account",
    "checking",
    "savings",
    "direct deposit",
    "deposit account",
    "iban",
    "bank acct",
    "a/c",
    "micr",  # a check's routing and account as a treasurer copies them (`ABA_ROUTING_NUMBER`)
)
# Words that make a labelled number something else than a person's bank account
_NOT_A_BANK_ACCOUNT = (
    *NOT_AN_ID,
    # an app's account numbered by its ID in brackets, no bank's: "upload it to Naviance
    # under his account (ID 318109)" (an ISO 20022 statement's "DbtrAcct Id" is a bank's)
    "(id",
    "routing",
    "aba",
    "rtn",
    "rtg",
    "transit",
    "phone",
    "student",
    "sasid",
    "ssn",
    "social security",
    "license",
    "card",
    "employee",
    "customer account",
    "customer acct",
    "customer #",
    "customer no",
    "account manager",
    "meter",
    # an ACH entry's trace number, the sending bank's routing and a sequence: "trace=0211..."
    "trace",
    # a service's account with a vendor, no bank's: "renew postage meter acct #5068381",
    # "Ecolab service acct #0401187723" (the longer phrase wins where it ends with the
    # label, see `judge_context`)
    *(
        f"{service} {label}"
        # (and a vendor's customer's: an invoice's "Customer acct # 6011941351288884")
        for service in (
            "meter",
            "postage",
            "utility",
            "electric",
            "gas",
            "water",
            "service",
            "customer",
        )
        for label in ("account", "acct", "account #", "acct #", "account number", "acct no")
    ),
    # a paystub's "RT 011302357  Acct ******4471": the routing number, then the account
    "rt",
    "r/t",
    # a clinic's visit and patient account numbers are no bank's
    "visit",
    "encounter",
    "patient account",
    "patient account #",
    "patient account number",
    "patient acct",
    "patient acct #",
    "pt acct",
    # a budget's or a ledger's line ("Account Detail - Instruction", "GL account")
    "account detail",
    "account code",
    "account codes",
    "gl account",
    "g/l account",
    "gl acct",
    "budget line",
    # a library's or a cafeteria's patron: "his Destiny account (patron 315409)"
    "patron",
    "patron #",
    "patron id",
)

US_BANK_NUMBER = Recognizer(
    vetted=True,
    entity="US_BANK_NUMBER",
    name="us-bank-account",
    # (not a number run on from letters: a help desk's ticket "[INC0049301]")
    patterns=(Pattern("bank-account", r"(?<![\w-])\d{6,17}(?![\d-])", 0.2, needs_context=True),),
    context=_BANK_ACCOUNT_LABELS,
    negative_context=_NOT_A_BANK_ACCOUNT,
    validator=not_repeated,
    context_score=0.8,
)

# ... and an international one, as a family abroad or a foreign vendor gives it: "My IBAN
# is GB59IFUE40226315499137" (its digits alone are no account of ours: they run on from
# the letters before them)
IBAN = Recognizer(
    vetted=True,
    entity="US_BANK_NUMBER",
    name="iban",
    patterns=(
        Pattern(
            "iban",
            r"(?<![\w-])(?i:[a-z]{2}\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,4})?)(?![\w-])",
            0.3,
            needs_context=True,
        ),
    ),
    context=("iban", "bank", "account", "acct", "wire", "swift", "bic", "transfer"),
    validator=iban,
    context_score=0.95,
)

# ... and one read out over the phone and written down in groups: "Account ..... 6480 9519
# 23  (checking)". A utility's or a phone's account is written so too ("summary acct 5512
# 847 20 09"): the detector keeps these only beside a routing number (`GROUPED_ACCOUNT`).
GROUPED_ACCOUNT = "us-bank-account-grouped"
US_BANK_NUMBER_GROUPED = Recognizer(
    vetted=True,
    entity="US_BANK_NUMBER",
    name=GROUPED_ACCOUNT,
    patterns=(
        Pattern(
            "bank-account-grouped",
            r"(?<![\w-])(?<!\d )(?=(?:\d ?){8,17}(?![\d-]))\d{2,6}(?: \d{2,6}){1,4}(?![\d-])",
            0.2,
            needs_context=True,
        ),
    ),
    context=_BANK_ACCOUNT_LABELS,
    negative_context=_NOT_A_BANK_ACCOUNT,
    validator=not_repeated,
    context_score=0.8,
)

PHONE_CONTEXT = (
    "phone",
    "tel",
    "telephone",
    "cell",
    "mobile",
    "fax",
    "call",
    "contact",
    "home",
    "work",
    "office",
    "text",
    "ph",
    "ph.",
    "emergency",
    "reach",
    "reached",
    "dial",
    "voicemail",
)

_EXTENSION = re.compile(r"\s?(?:x|ext\.?|extension)\s?\d{1,5}$", re.IGNORECASE)


# a log's time stamp ("2025-10-06 08:22:00") read up to its hour
_ISO_DATE_LED = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b")
# a span of years: "Little Sprouts (2023-2025)", "school year 2024-2025"
_YEARS = re.compile(r"(?:19|20)\d\d ?[-\u2013/] ?(?:19|20)\d\d")


_AMOUNT_AFTER = re.compile(r"\d \d{1,3}\.\d\d$")
PHONE_DASHES = 3  # at most, as in 1-617-555-0142; "01-2410-5420-000-31" is a ledger's line


# North American toll-free codes: a business's line, never a person's
_TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})


def _a_persons_phone(value: str) -> bool:
    """A phone number has 7 to 15 digits (E.164), not counting its extension: a
    +1-617-555-0142x41586 is a whole number, not 16 digits' worth of none. One that
    opens with a whole ISO date is a time stamp. A toll-free number is a company's, a
    blank form's "(000) 000-0000" no one's, and a span of years ("2023-2025") no number
    to call."""
    if _ISO_DATE_LED.match(value) or value.count("-") > PHONE_DASHES:
        return False
    if _YEARS.fullmatch(value):
        return False
    if _AMOUNT_AFTER.search(value):
        return False  # a receipt's "#2617 108.18": a store's number, then dollars and cents
    number = digits(_EXTENSION.sub("", value))
    return 7 <= len(number) <= 15 and not _no_ones_number(number)


def no_ones_phone(value: str) -> bool:
    """Whether a phone number is a toll-free line, a company's, or a blank form's one
    digit over and over ("(000) 000-0000"): no person's."""
    return _no_ones_number(digits(_EXTENSION.sub("", value)))


def _no_ones_number(number: str) -> bool:
    """`no_ones_phone` of a number's digits, its extension's left out."""
    if len(set(number)) <= 1:
        return True
    national = number[1:] if len(number) == 11 and number[0] == "1" else number
    return len(national) == 10 and national[:3] in _TOLL_FREE


PHONE_NUMBER = Recognizer(
    vetted=True,
    entity="PHONE_NUMBER",
    name="phone",
    patterns=(
        # North American numbers with separators: (617) 555-0142, 617-555-0142, +1 617.555.0142,
        # 001-617-555-0142 (dialled from abroad), each with an extension or none
        Pattern(
            "nanp",
            r"(?<![\w+-])(?:\+?1[ .-]?|001[ .-])?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}"
            r"(?:\s?(?:x|ext\.?|extension)\s?\d{1,5})?(?![\d-])",
            0.7,
        ),
        # International numbers written with a plus (one space at a time: a register's
        # "+50.00    63.21" is a payment and the balance after it, a column apart)
        Pattern(
            "intl-plus",
            r"(?<![\w+])\+\d{1,3}[ .-]?(?:\(0?\d{1,4}\)[ .-]?)"
            r"?\d(?:[\d.-]| (?! )){5,14}\d(?![\d-])",
            0.7,
        ),
        # Anything else phone-shaped, only with a label: 07700 900 123, 0490 75 40 81, 555-0142.
        Pattern(
            "labelled",
            r"(?<![\w+-])(?:\(\d{1,5}\)\s?)?\d{2,5}(?:[ .-]\d{2,5}){1,4}(?:\s?x\d{1,5})?(?![\d-])",
            0.3,
            needs_context=True,
        ),
        Pattern("labelled-plain", r"(?<![\w+-])\d{10}(?!\d)", 0.3, needs_context=True),
    ),
    context=PHONE_CONTEXT,
    negative_context=(
        *NOT_AN_ID,
        "ssn",
        "social security",
        "account",
        "acct",
        "routing",
        "sasid",
        "student id",
        "dob",
        "date",
        # a budget's line a payment is posted to: "Posted to: 1000-2420-5420"
        "posted to",
        "charged to",
        "charge to",
        "budget",
        "ledger",
    ),
    validator=_a_persons_phone,
    context_score=0.85,
    window_before=32,
)

EMAIL_ADDRESS = Recognizer(
    vetted=True,
    entity="EMAIL_ADDRESS",
    name="email",
    patterns=(
        Pattern(
            "email",
            r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?"
            r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])",
            0.9,
        ),
    ),
    # (an office's shared mailbox, "recordsrequests@district.org", is no one's)
    validator=persons_mailbox,
)

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Spanish, Portuguese and Haitian Creole months, written day first. Creole's short ones
# ("me", "out", "mas") are English words, so they count only between a day and a year.
_FOREIGN_MONTHS = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|"
    r"diciembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|"
    r"dezembro|janvye|fevriye|mas|avril|me|jen|jiy[eè]t?|out|s[eè]ptanm|okt[oò]b|novanm|"
    r"desanm|ene|feb|abr|ago|dic|fev|jan|mai|jun|jul|set|dez)"
)
# (a sentence's full stop may end a date: "... DOB 02/19/2008. Juv. summons"; a stop
# before a digit continues a number: "1.12.2024.3")
_DATE_SHAPES = (
    # (nor a blank form's "01/01/20XX": a year's first digits only, its last left to fill)
    r"(?<![\d/.-])(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)?\d{2}"
    r"(?![\d/-]|\.\d|(?i:xx|yy))",
    r"(?<![\d/.-])(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)\d{2}(?![\d/-]|\.\d)",
    r"(?<![\d/.-])(?:19|20)\d{2}[/.-](?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])"
    r"(?![\d/-]|\.\d)",
    rf"(?<![\w]){_MONTHS}\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}(?!\d)",
    rf"(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|"
    rf"th)?\s+(?:of\s+)?{_MONTHS}\s*,?\s+(?:19|20)\d{{2}}(?!\d)",
    rf"(?<![\w-])(?:0?[1-9]|[12]\d|3[01])-{_MONTHS}-(?:19|20)?\d{{2}}(?![\d-])",  # 28-Mar-2019
    # a family's form in its own language: "12 de agosto de 2006", "28 fevriye 2024"
    rf"(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:º|°)?\s+(?:de\s+)?{_FOREIGN_MONTHS}"
    rf"\.?,?\s+(?:de\s+)?(?:19|20)\d{{2}}(?!\d)",
)
DATE_PATTERN = "|".join(f"(?:{shape})" for shape in _DATE_SHAPES)

DATE_OF_BIRTH = Recognizer(
    vetted=True,
    entity="DATE_OF_BIRTH",
    name="date-of-birth",
    patterns=(Pattern("dated", DATE_PATTERN, 0.2, needs_context=True),),
    first_value_only=True,
    context=(
        "dob",
        "d.o.b",
        "d.o.b.",
        "date of birth",
        "birth date",
        "birthdate",
        "birthday",
        "born",
        "born on",
        "birth",
        "b-day",
        "fecha de nacimiento",
        "nacimiento",
    ),
    negative_context=(
        # a help page's or a form's example is no one's birth date: "Example: 04/15/2021"
        "e.g",
        "example",
        "for example",
        "date",
        "dated",
        # a birthday to come, which a plan runs to: Early Intervention's "by 3rd birthday
        # (11/03/2025)", special education's to the 22nd, the rights a student takes at 18
        "3rd birthday",
        "third birthday",
        "18th birthday",
        "22nd birthday",
        "turns 3",
        "turns 18",
        "turns 22",
        "enrolled",
        "enrollment",
        "enrolment",
        "entry",
        "hire",
        "hired",
        # ... run together as an export's keys write them ("hireDate", "start_date")
        "hire date",
        "start date",
        "end date",
        "term date",
        "seniority date",
        "start",
        "started",
        "issued",
        "issue",
        "expires",
        "expiration",
        "due",
        "meeting",
        "visit",
        "signed",
        "today",
        "effective",
        "review",
        "received",
        "admitted",
        "discharged",
        "graduation",
        "withdrawn",
        "withdrawal",
        "updated",
        "on",
        "from",
        "to",
        "until",
        "through",
        "since",
        # an eligibility cut-off ("born on or before 09/01/2021"), not someone's birthday
        "before",
        "after",
        "between",
        "cutoff",
        "cut-off",
        "eligible",
        "eligibility",
        # the day a child turns three, when early intervention hands over to the schools
        # ("an IEP in place by 3rd birthday (06/09/2025)"), is no birth date
        "1st birthday",
        "2nd birthday",
        "3rd birthday",
        "4th birthday",
        "5th birthday",
        "first birthday",
        "second birthday",
        "third birthday",
        "fourth birthday",
        "fifth birthday",
        # an immunization record's dose given at birth: "Hepatitis B birth 06/14/2012"
        "birth dose",
        "hep b birth",
        "hepb birth",
        "hepatitis b birth",
        "deadline",
        "event",
        "appointment",
        "report",
        # a nursing licence's check: the Board of Registration in Nursing ("MA BORN")
        "license",
        "licence",
        "as of",
        "created",
        "modified",
        "sent",
    ),
    context_score=0.9,
    window_before=40,
    window_after=12,
    ignore_case=True,
)

# Street suffixes of USPS Publication 28 (appendix C1), names and common abbreviations.
_USPS_SUFFIXES = (
    "alley allee aly anex annex arcade avenue bayou beach bend bluff bluffs bottom boulevard "
    "branch bridge brook brooks burg burgs bypass camp canyon cape causeway center centers "
    "circle circles cliff cliffs club common commons corner corners course court courts cove "
    "coves creek crescent crest crossing crossroad crossroads curve dale dam divide drive "
    "drives estate estates expressway extension extensions fall falls ferry field fields flat "
    "flats ford fords forest forge forges fork forks fort freeway garden gardens gateway glen "
    "glens green greens grove groves harbor harbors haven heights highway hill hills hollow "
    "inlet island islands isle junction junctions key keys knoll knolls lake lakes land "
    "landing lane light lights loaf lock locks lodge loop mall manor manors meadow meadows "
    "mews mill mills mission motorway mount mountain mountains neck orchard oval overpass park "
    "parks parkway parkways pass passage path pike pine pines place plain plains plaza point "
    "points port ports prairie radial ramp ranch rapid rapids rest ridge ridges river road "
    "roads route row rue run shoal shoals shore shores skyway spring springs spur spurs square "
    "squares station stravenue stream street streets summit terrace throughway trace track "
    "trafficway trail trailer tunnel turnpike underpass union unions valley valleys via "
    "viaduct view views village villages ville vista walk walks wall way ways well wells "
    "ave av blvd cir ct cres dr expy ext fwy hwy ln pkwy pl plz rd sq st ste ter tpke trl wy"
)
_USPS = "(?:" + "|".join(sorted(_USPS_SUFFIXES.split(), key=len, reverse=True)) + ")"
_COMMON_SUFFIX = (
    r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|"
    r"terrace|ter|way|parkway|pkwy|circle|cir|square|sq|highway|hwy|row|path|trail|trl|"
    r"turnpike|tpke|plaza|park)"
)
_STREET_NAME = r"(?:[A-Z][A-Za-z'.-]*|\d{1,3}(?:st|nd|rd|th))"


def _any_case(word: str) -> str:
    """`word` in any letters' case, in a pattern of fixed width: "[Gg][Rr]\\."."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


# A grade's, a room's or a bus's number is no house's ("2024  Gr 3   Overall PL 2.8", "Rm
# 12 Carver St ES"): a look-behind of fixed width per word, as the standard library's
# parser (the tests' generator of matches) reads them
_NOT_AFTER_A_NUMBERS_WORD = "".join(
    rf"(?<!\b{_any_case(word)}[ \t])"
    for word in ("gr", "gr.", "grade", "rm", "room", "bus", "period", "lvl", "level")
)
_NUMBER_STREET = (
    # a number and its street share a line ("March 7⏎Scott Schmidt" is no address); a
    # time's minutes are no house's number ("07:40 IN    Carver St ES"), nor a rider's
    # "#225093" before his school's name ("#225093  Greenmont Avenue S")
    _NOT_AFTER_A_NUMBERS_WORD
    + rf"(?<![\w:#-])\d{{1,6}}[A-Za-z]?(?:-\d{{1,4}})?[ \t]+(?:[NSEW]\.?[ \t]+)?"
    rf"(?:{_STREET_NAME}[ \t]+){{1,3}}"
)
_UNIT = r"(?i:,?\s*(?:apt|apartment|suite|ste|unit|fl|floor|#|no\.?)\.?\s*#?\s*[A-Za-z0-9-]{1,6})"
# The USPS state codes: states, DC, the territories and freely associated states (AS,
# GU, MP, PR, VI, FM, MH, PW) and the armed forces (AA, AE, AP).
STATE_CODE = (
    r"(?:A[AEKLPRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|"
    r"N[CDEHJMVY]|O[HKR]|P[ARW]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY]|Massachusetts)"
)
_CITY_STATE_ZIP = (
    rf"(?:,?\s+[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){{0,2}},?\s+{STATE_CODE}\.?"
    rf"(?:\s+\d{{5}}(?:-\d{{4}})?)?)"
)

STREET_ADDRESS = Recognizer(
    vetted=True,
    entity="STREET_ADDRESS",
    name="us-street-address",
    patterns=(
        # 225 Windsor Street[, Apt 3][, Cambridge, MA 02139]
        Pattern(
            "common-suffix",
            rf"{_NUMBER_STREET}(?i:{_COMMON_SUFFIX})\b\.?{_UNIT}?{_CITY_STATE_ZIP}?",
            0.75,
        ),
        # 20 Emily Corner #3, Cambridge, MA 02141: a rarer suffix, so the town and state too
        Pattern("usps-suffix", rf"{_NUMBER_STREET}(?i:{_USPS})\b\.?{_UNIT}?{_CITY_STATE_ZIP}", 0.8),
        Pattern(
            "usps-labelled", rf"{_NUMBER_STREET}(?i:{_USPS})\b\.?{_UNIT}?", 0.2, needs_context=True
        ),
        Pattern("po-box", r"(?i:\bP\.?\s?O\.?\s+Box\s+\d{1,6})\b" + _CITY_STATE_ZIP + "?", 0.7),
        # A service member's family: Unit 3635 Box 9360, DPO AP 72607; PSC 0193, Box 5325,
        # APO AE 09012; USNS Comfort, FPO AA 34090
        Pattern(
            "military",
            r"\b(?:Unit\s\d{1,5},?\sBox\s\d{1,5}|PSC\s\d{1,5},?\sBox\s\d{1,5}|"
            r"(?:USNS|USNV|USS|USCGC)\s[A-Z][A-Za-z]+)[,\s]+[ADF]PO\sA[AEP]\s\d{5}\b",
            0.8,
        ),
    ),
    context=("address", "lives at", "residence", "mailing", "home", "street", "resides"),
    context_score=0.85,
)

# A number right after a student-ID label is one, whatever its length: districts issue
# local IDs of five to eight digits, and a policy declares only its own district's. The
# label must be the value's own (right before it), not a word somewhere near: "Student
# number goal: 1200" is no ID.
_YEAR = re.compile(r"(?:18|19|20)\d\d")  # ("U.S. History to 1877" on a transcript's row)


def _a_student_number(value: str) -> bool:
    """Not a filler ("SASID 1000000000", a sample's) and not a year: "SASID, name,
    grade\nMCAS 2024 scaled scores" lists what a vendor gets, and 2024 is no one's. In
    groups, six to ten digits, and no date ("12-05-2024") or phone number."""
    if "-" in value:
        digits = value.replace("-", "")
        return (
            6 <= len(digits) <= 10
            and not_repeated(digits)
            and not _DATED.fullmatch(value)
            and not _school_year(value)
        )
    # (four digits led by a zero are a system's error code: "Duplicate SASID (0221)")
    short_code = len(value) == 4 and value.startswith("0")
    return not_repeated(value) and not _YEAR.fullmatch(value) and not short_code


_SCHOOL_YEAR = re.compile(r"((?:19|20)\d\d)-((?:19|20)?\d\d)")


def _school_year(value: str) -> bool:
    """ "2025-26", "2024-2025": a school year, the commonest number in a school's text
    (a fee schedule's "tuition for 2025-26" two lines below "Student ID")."""
    match = _SCHOOL_YEAR.fullmatch(value)
    if match is None:
        return False
    first, second = int(match.group(1)), match.group(2)
    return int(second) == (first + 1) % (100 if len(second) == 2 else 10_000)


_DATED = re.compile(
    r"\d{1,2}-\d{1,2}-(?:19|20)?\d\d|(?:19|20)\d\d-\d{1,2}-\d{1,2}"
    r"|(?:\d{3}-)?\d{3}-\d{4}"  # ... or a phone number: "(978) 555-2100"
)


STUDENT_ID_LABELLED = Recognizer(
    entity="STUDENT_ID",
    name="labelled-student-id",
    patterns=(
        # (not a phone extension: "ask the registrar (x4405)"; nor, in a printed table
        # under "Student Local ID", the last digits of a phone written with spaces or
        # dots, "857 250 6614", "617.298.5530", or a stop's house number, "1410 River
        # Street")
        Pattern(
            "labelled-student-number",
            r"(?<![\d-])(?<!\b[xX])(?<!\bext)(?<!\d[ .]\d{3}[ .])(?<!\d\) \d{3}[ .])(?<!\d\.)"
            r"(?:\d{4,5}\b(?![ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}"
            rf"(?i:{_COMMON_SUFFIX})\b)|\d{{6,10}}\b)(?!-\d)",
            0.2,
            needs_context=True,
        ),
        # ... or a program's letters before it: "Learner ID: ACE-230135", "Student ID: HW248836"
        Pattern(
            "labelled-prefixed-student-number",
            r"(?<![\w-])[A-Z]{1,4}-?\d{4,10}\b(?!-\d)",
            0.2,
            needs_context=True,
        ),
        # ... or as a school writes its numbers in groups: "Stu ID: 26-18-440" (not run
        # on from letters: an exam voucher's "V89-7393")
        Pattern(
            "labelled-grouped-student-number",
            r"(?<![\w-])\d{2,5}(?:-\d{2,5}){1,2}(?![\d-])",
            0.2,
            needs_context=True,
        ),
    ),
    context=(
        "student id",
        "student #",
        "student no",
        "student number",
        "student num",
        "stu id",
        "stu #",
        "stu no",
        "pupil id",
        "pupil #",
        "pupil no",
        "learner id",
        "child id",  # an early-childhood screening's (ASQ) record of each child
        "local id",
        "local student id",
        "lasid",
        "sasid",
        "perm #",
        "perm id",
        "sis id",
        "aspen id",
        # a vendor's export keys the district's number so: SCOIR's "studentExternalId",
        # Ed-Fi's "studentUniqueId"
        "student external id",
        "student unique id",
        # a printed table's header of an ID column, then its students: "ID Student DOB"
        "id student",
        # ... or of a partner college's students' high school numbers: "Student HS ID"
        "hs id",
        # a learning platform's export: Schoology's SIS number beside its own "uid"
        "school_uid",
        "school uid",
        # a school resource officer's or a nurse's log: "Kayla Dubois, SID 664190"
        "sid",
        "sid #",
        "patron id",  # a meal system's
        "patron #",
        "lunch #",
        "lunch no",
        "lunch number",
        "lunch pin",
        "lunch id",
        "meal #",
        "meal id",
        "pos pin",
        # a letter home translated into the family's language
        "número de estudiante",
        "número del estudiante",
        "número de alumno",
        "número del alumno",
        "id del estudiante",
        "número do aluno",
        "número da aluna",
        "número de aluno",
        "id do aluno",
        # (Portugal's and Brazil's abbreviation, "nº de estudante 284187")
        "nº de estudante",
        "nº do estudante",
        "nº do aluno",
        "nº de aluno",
        "n.º do aluno",
        "número de estudante",
        "número do estudante",
        "nimewo elèv",
        "nimewo elev",
        "mã số học sinh",
        "mã học sinh",
        "số học sinh",
        "学生编号",
        "学号",
        "學號",
    ),
    negative_context=NOT_AN_ID,
    validator=_a_student_number,
    context_score=0.8,
    window_before=48,  # the label, and a bracketed note after it (`label_gap`)
    window_after=0,
    label_gap=4,
    vetted=True,
)

# A college's student number as Ellucian Banner writes it, an at sign and eight digits:
# a dual enrollment roster's "NECC ID" of "@00412873". (No mailbox: nothing after it.)
COLLEGE_STUDENT_ID = Recognizer(
    entity="STUDENT_ID",
    name="college-student-id",
    # (the "@" first, the character before it checked after: a scan finds "@" fast)
    patterns=(Pattern("banner-id", r"@(?<![\w@.+-].)\d{8}(?![\w@.-])", 0.7),),
    negative_context=NOT_AN_ID,
    vetted=True,
)

BUILTIN: tuple[Recognizer, ...] = (
    US_SSN,
    US_DRIVER_LICENSE,
    CREDIT_CARD_BRANDED,
    CREDIT_CARD_GROUPED,
    CREDIT_CARD_UNBRANDED,
    ABA_ROUTING_NUMBER,
    US_BANK_NUMBER,
    US_BANK_NUMBER_GROUPED,
    IBAN,
    PHONE_NUMBER,
    EMAIL_ADDRESS,
    DATE_OF_BIRTH,
    STREET_ADDRESS,
    STUDENT_ID_LABELLED,
    COLLEGE_STUDENT_ID,
)
