"""The digit count read from a pattern is a lower bound on every match, so a table
cell with fewer digits can be passed over without losing a hit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scanners import Scanner, ScannerConfig
from scanners.recognizers.digits import min_digits
from scanners.scanner import IdentifierPattern

TABLE = [
    (r"\b\d{10}\b", 10),
    (r"\b\d{6}\b", 6),
    (r"(?<![\d-])\b(?:S|s)?\d{10}(?:[a-z]|\d\d)\b", 10),
    (r"[0-9]{3}-[0-9]{2}", 5),
    (r"SASID-?\d{8}", 8),
    (r"(?:\d{4}|[A-Z]{2}\d{2})-\d{3}", 5),  # the fewer of two alternatives
    (r"\d{2,5}(?:[ .-]\d{2,5}){1,4}", 4),
    (r"x{0,3}\d", 1),
    (r"(\d)\1{5}", 1),  # a back-reference counts for nothing
    (r"[^0-9]{3}", 0),  # a negated set
    (r"[\d .-]{5,14}", 0),  # a set that also holds other characters
    (r"\p{N}{5}", 0),  # only the `regex` module reads it: no bound
    (r"(", 0),  # not a pattern at all
]


@pytest.mark.parametrize(("pattern", "expected"), TABLE, ids=[p for p, _ in TABLE])
def test_least_digits_read_from_the_pattern(pattern: str, expected: int) -> None:
    assert min_digits(pattern) == expected


SAMPLED = [
    r"\d{10}",
    r"[0-9]{3}-[0-9]{2}",
    r"SASID-?\d{8}",
    r"(?:\d{4}|[A-Z]{2}\d{2})-\d{3}",
    r"\d{2,5}(?:[ .-]\d{2,5}){1,4}",
    r"[A-Z]?\d{6,14}",
    r"(?:S\d{8}|\d{9})",
    r"(\d)\1{5}",
]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_no_match_holds_fewer_digits_than_the_bound(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(SAMPLED))
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    assert sum(ch.isdigit() for ch in text) >= min_digits(pattern)


def test_a_district_identifier_in_an_untyped_column_is_still_found() -> None:
    config = ScannerConfig(
        identifiers=(
            IdentifierPattern(
                entity="MA_SASID",
                name="sasid",
                pattern=r"\b\d{10}\b",
                score=0.6,
                context=("sasid",),
            ),
        ),
        ner=False,
    )
    report = Scanner(config).scan_bytes(
        b"Grade,Room,Code\n5,12,1048839377\n6,14,x\n", "roster.csv"
    )[0]
    assert [(f.entity, f.value) for f in report.findings if f.entity == "MA_SASID"] == [
        ("MA_SASID", "1048839377")
    ]


def _builtin_number_patterns() -> list[str]:
    from scanners.recognizers.builtin import BUILTIN

    return [p.regex for r in BUILTIN for p in r.patterns if min_digits(p.regex) > 0]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_no_match_of_a_builtin_pattern_holds_fewer_digits_than_the_bound(
    data: st.DataObject,
) -> None:
    """Cells of untyped columns are passed over by this bound for our own patterns too."""
    pattern = data.draw(st.sampled_from(_builtin_number_patterns()))
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    assert sum(ch.isdigit() for ch in text) >= min_digits(pattern)
