"""A recognizer whose every pattern needs a context word (a birth date, an account
number) scans only the stretches around the words; it finds what a scan of the
whole text finds. So do the patterns that need a word in a recognizer whose other
patterns stand alone (a licence's bare nine digits beside its "S" and eight).

The reference here is the plain rule, written out: every match of every pattern
over the whole text, kept when valid and when its nearest label is a context word.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from scanners.recognizers.base import MAX_LABELLED_HIT, Context, Recognizer
from scanners.recognizers.builtin import (
    ABA_ROUTING_NUMBER,
    CREDIT_CARD_UNBRANDED,
    DATE_OF_BIRTH,
    PHONE_NUMBER,
    STUDENT_ID_LABELLED,
    US_BANK_NUMBER,
    US_DRIVER_LICENSE,
    US_SSN,
)

LABELLED_ONLY = (
    DATE_OF_BIRTH,
    ABA_ROUTING_NUMBER,
    US_BANK_NUMBER,
    CREDIT_CARD_UNBRANDED,
    STUDENT_ID_LABELLED,
)


def whole_text_hits(recognizer: Recognizer, text: str) -> set[tuple[int, int, float]]:
    flags = regex.IGNORECASE if recognizer.ignore_case else 0
    hits = set()
    for pattern in recognizer.patterns:
        for match in regex.compile(pattern.regex, flags | regex.VERSION0).finditer(text):
            value = match.group()
            if recognizer.validator is not None and not recognizer.validator(value):
                continue
            start, end = match.span()
            # the window before, less a word its edge cuts ("Liban" is no "iban")
            low = max(0, start - recognizer.window_before)
            if low > 0 and text[low - 1].isalnum():
                while low < start and text[low].isalnum():
                    low += 1
            context = recognizer.judge_context(
                text[low:start],
                text[end : end + recognizer.window_after],
                gap=recognizer.label_gap,
            )
            if context is Context.SUPPORTS:
                hits.add((start, end, max(pattern.score, recognizer.context_score)))
    return hits


def found_hits(recognizer: Recognizer, text: str) -> set[tuple[int, int, float]]:
    return {(h.start, h.end, h.score) for h in recognizer.find(text)}


FRAGMENTS = [
    "Stu ID ",
    "Student Number: ",
    "student_id=",
    "27954",
    "DOB",
    "DOB:",
    "Date of Birth: ",
    "born ",
    "(date of birth)",
    "birthdate",
    "Enrolled: ",
    "Order #",
    "routing number",
    "Routing",
    "account no.",
    "Acct",
    "card number",
    "04/09/2013",
    "4/9/13",
    "2013-04-09",
    "March 3, 2012",
    "September 30th, 2012",
    "021000021",
    "011000015",
    "12345678901",
    "4111111111111111",
    "1/",
    "-",
    "/",
    " ",
    "  ",
    "\n",
    ", ",
    "Amara Okafor",
    "İlkay Çelik",  # lower-cases to more characters: the whole text is read
    "Room 214",
    "filler text " * 12,
    "SSN: ",
    "212-58-3391",
    "212583391",
    "S12345678",
    "License #: ",
    "Lic ",
    "(617) 555-0142",
    "617 555 0142",
    "6175550142",
    "Phone ",
    "cell",
    # fillers of every width, to put a value at each distance from its label
    *("." * width for width in (1, 2, 4, 8, 16, 32)),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_stretches_around_labels_find_what_the_whole_text_finds(parts: list[str]) -> None:
    text = "".join(parts)
    for recognizer in LABELLED_ONLY:
        assert found_hits(recognizer, text) == whole_text_hits(recognizer, text), recognizer.name


def test_a_date_far_from_any_label_is_not_read_and_one_after_its_label_is() -> None:
    far = "Date of birth is asked at enrolment. " + "Nothing here. " * 20 + "Seen 04/09/2013."
    assert found_hits(DATE_OF_BIRTH, far) == set()
    near = "Nothing here. " * 20 + "DOB: 04/09/2013"
    assert [(near[s:e]) for s, e, _ in found_hits(DATE_OF_BIRTH, near)] == ["04/09/2013"]


def test_a_label_after_its_value_still_counts() -> None:
    text = "Nothing here. " * 20 + "04/09/2013 (DOB)"
    assert [text[s:e] for s, e, _ in found_hits(DATE_OF_BIRTH, text)] == ["04/09/2013"]


def test_no_labelled_hit_is_longer_than_the_stretches_allow() -> None:
    """The bound the stretches rely on holds for the longest dates written out."""
    longest = "Wednesday, September 30th, 2012"
    assert len(longest) < MAX_LABELLED_HIT
    text = f"{longest} (date of birth)"
    assert found_hits(DATE_OF_BIRTH, text) == whole_text_hits(DATE_OF_BIRTH, text)


# Recognizers some of whose patterns stand alone (an "S" and eight digits) and some need
# a word (bare nine digits under "License #"): the latter are read near the words only.
PARTLY_LABELLED = (US_SSN, US_DRIVER_LICENSE, PHONE_NUMBER)


def every_match_hits(recognizer: Recognizer, text: str) -> set[tuple[int, int, float]]:
    """The plain rule for such a recognizer: every valid match over the whole text, less
    those whose nearest label speaks against it and those that need a word and have none."""
    flags = regex.IGNORECASE if recognizer.ignore_case else 0
    hits = set()
    for pattern in recognizer.patterns:
        for match in regex.compile(pattern.regex, flags | regex.VERSION0).finditer(text):
            value = match.group()
            if recognizer.validator is not None and not recognizer.validator(value):
                continue
            start, end = match.span()
            low = max(0, start - recognizer.window_before)
            if low > 0 and text[low - 1].isalnum():
                while low < start and text[low].isalnum():
                    low += 1
            context = recognizer.judge_context(
                text[low:start],
                text[end : end + recognizer.window_after],
                gap=recognizer.label_gap,
            )
            if context is Context.CONTRADICTS:
                continue
            if context is Context.NONE and pattern.needs_context:
                continue
            score = pattern.score
            if context is Context.SUPPORTS:
                score = max(score, recognizer.context_score)
            hits.add((start, end, score))
    return hits


def test_partly_labelled_recognizers_read_their_labelled_patterns_near_the_words() -> None:
    """Else the next test would compare the whole-text scan with itself."""
    for recognizer in PARTLY_LABELLED:
        assert recognizer._near_gate is not None, recognizer.name
        assert any(recognizer._near_only), recognizer.name


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_stretches_find_what_the_whole_text_finds_beside_patterns_that_stand_alone(
    parts: list[str],
) -> None:
    text = "".join(parts)
    for recognizer in PARTLY_LABELLED:
        assert found_hits(recognizer, text) == every_match_hits(recognizer, text), recognizer.name
