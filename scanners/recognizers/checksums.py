"""Checksums and validity rules that turn "looks like" into "is".

Each hook takes the matched text and returns True when the value is valid.
They are pure functions over the digits, named so that a policy file can
refer to them (`validator = "luhn"`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

Validator = Callable[[str], bool]


_NOT_A_DIGIT = re.compile(r"\D")


def digits(value: str) -> str:
    """The decimal digits of `value` (each one `int()` can read, unlike str.isdigit's
    superscripts)."""
    return _NOT_A_DIGIT.sub("", value)


def luhn(value: str) -> bool:
    """Card numbers (ISO/IEC 7812): a single wrong digit fails."""
    number = digits(value)
    if len(number) < 12:
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def aba_routing(value: str) -> bool:
    """ABA routing transit numbers: weights 3-7-1 sum to a multiple of ten."""
    number = digits(value)
    if len(number) != 9 or len(set(number)) == 1:
        return False
    weights = (3, 7, 1) * 3
    prefix = int(number[:2])
    if not (prefix <= 12 or 21 <= prefix <= 32 or 61 <= prefix <= 72 or prefix == 80):
        return False
    return sum(int(d) * w for d, w in zip(number, weights, strict=True)) % 10 == 0


# Numbers printed as examples: a sequence, the Woolworth wallet card (078-05-1120) and
# the SSA's own advertising number (219-09-9999), both voided by the SSA.
_VOIDED_SSNS = frozenset({"123456789", "012345678", "078051120", "219099999"})


def us_ssn(value: str) -> bool:
    """SSA rules: no area 000, 666 or 9xx; no group 00; no serial 0000; not one digit repeated."""
    number = digits(value)
    if len(number) != 9:
        return False
    area, group, serial = number[:3], number[3:5], number[5:]
    if area in {"000", "666"} or area.startswith("9"):
        return False
    if group == "00" or serial == "0000":
        return False
    return len(set(number)) > 1 and number not in _VOIDED_SSNS


# Card numbers printed in every payment processor's documentation and in training
# material ("4111 1111 1111 1111"): valid by Luhn, and no one's card.
TEST_CARDS = frozenset(
    {
        "4111111111111111",
        "4012888888881881",
        "4242424242424242",
        "4000056655665556",
        "5555555555554444",
        "5105105105105100",
        "2223003122003222",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "6011000990139424",
        "3056930009020004",
        "3566002020360505",
        # Stripe's cards for declines and other outcomes, other brands and countries
        "4000000000000002",
        "4000000000009995",
        "4000000000009987",
        "4000000000009979",
        "4000000000000069",
        "4000000000000127",
        "4000000000000119",
        "4000000000000101",
        "4000000000000341",
        "4000002500003155",
        "4000002760003184",
        "4000000000003220",
        "5200828282828210",
        "36227206271667",
        "6200000000000005",
        # Braintree's and Authorize.net's sandbox cards
        "4005519200000004",
        "4009348888881881",
        "4012000033330026",
        "4012000077777777",
        "4217651111111119",
        "4500600000000061",
        "5431111111111111",
        "4007000000027",
        "370000000000002",
        "6011000000000012",
        "3088000000000017",
        "38000000000006",
        "4012888818888",
    }
)


def not_a_test_card(value: str) -> bool:
    return digits(value) not in TEST_CARDS


_RUN_UP = "0123456789" * 3  # every run of digits upward is a slice of this
_RUN_DOWN = _RUN_UP[::-1]


FILLER_LENGTH = 8  # digits, at least, of a number that all but two repeat is a filler


PADDING_ZEROS = 3  # leading zeros, at least, that pad a sample's short run of digits


def not_repeated(value: str) -> bool:
    """Reject fillers such as 0000000000, 1111111111 or 1000000000, and a form's or a
    sandbox's example 123456789 (a run of digits up or down)."""
    number = digits(value)
    if len(set(number)) <= 1 or len(set(number[1:])) <= 1:  # and 1000000000
        return False
    if len(number) >= FILLER_LENGTH and max(map(number.count, set(number))) >= len(number) - 2:
        return False  # a sample's "1000000001", "S00000012"
    run = number.lstrip("0")  # "000123456789", a run padded to an account's width
    # (a short run padded with zeros is a sample too: a training's "account 00001234")
    padded = len(number) - len(run) >= PADDING_ZEROS
    long_enough = len(run) >= 6 or (padded and len(run) >= 3)
    return not (long_enough and (run in _RUN_UP or run in _RUN_DOWN))


_IBAN_SHAPE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")


def iban(value: str) -> bool:
    """International bank account numbers (ISO 13616): the country code and check
    digits moved to the end, each letter read as a number (A = 10 ... Z = 35), the whole
    leaves 1 when divided by 97."""
    compact = value.replace(" ", "").upper()
    if not _IBAN_SHAPE.fullmatch(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


VALIDATORS: dict[str, Validator] = {
    "luhn": luhn,
    "iban": iban,
    "aba": aba_routing,
    "us_ssn": us_ssn,
    "not_repeated": not_repeated,
}


def validator_named(name: str | None) -> Validator | None:
    """Look up a validator by the name a policy uses; None means no check."""
    if name is None:
        return None
    try:
        return VALIDATORS[name]
    except KeyError:
        raise KeyError(
            f"unknown validator {name!r}; known: {', '.join(sorted(VALIDATORS))}"
        ) from None
