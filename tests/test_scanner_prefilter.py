"""The literal prefilter (`scanners.recognizers.prefilter`): the literals it reads off a
pattern are in every match, so a text it turns away never held one; and each of the
scanner's prefiltered patterns finds what the pattern alone finds."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanners.extract import TableBlock, extract_path
from scanners.recognizers.prefilter import Prefiltered, prefiltered, required_literals

RECORDS = Path(__file__).resolve().parents[1] / "examples" / "records"
PREFILTERING_MODULES = (
    "scanners.recognizers.translations",
    "scanners.detect",
    "scanners.recognizers.signals",
    "scanners.recognizers.registers",
)


@pytest.mark.parametrize(
    ("pattern", "any_of", "folded"),
    [
        # an alternation's branches each give theirs ("gpa" and "grade point average"
        # share a first letter, which `re` factors out: the two are still read whole)
        (
            re.compile(r"(?<![a-z])(?:gpa|grade point average)(?![a-z])"),
            ("gpa", "grade point average"),
            False,
        ),
        # a word of a few forms, rather than every form beside every word after it
        (
            regex.compile(r"\b(?:fictitious|made-up) (?:student|child|family)\b"),
            ("fictitious ", "made-up "),
            False,
        ),
        # a lookaround consumes nothing: the letters on either side are one literal
        (re.compile(r"sa(?=s)sid"), ("sasid",), False),
        # case: the whole gate is lower-cased as soon as one part ignores case
        (re.compile(r"(?i)Date of Birth"), ("date of birth",), True),
        (re.compile(r"SASID|(?i:lasid)"), ("lasid", "sasid"), True),
        # a part that may be left out is one of two strings; a longer literal that
        # holds a shorter one adds nothing to it
        (
            re.compile(r"(?:student )?id(?:entifier)? number"),
            ("id number", "identifier number"),
            False,
        ),
        (
            re.compile(r"allerg(?:y|ies|ic)|allergic to"),
            ("allergic", "allergies", "allergy"),
            False,
        ),
        # a `regex` pattern's "\p{Lu}" is a character like any class; of the words
        # after the name, those that do not vary
        (regex.compile(r"\p{Lu}\p{Ll}+ (?:was|is) suspended"), (" suspended",), False),
        # either side of a condition may be the match
        (re.compile(r"(\()?(?(1)gr\.|grade) 5"), ("gr.", "grade"), False),
    ],
)
def test_the_literals_read_off_a_pattern(
    pattern: re.Pattern[str] | regex.Pattern[str], any_of: tuple[str, ...], folded: bool
) -> None:
    literals = required_literals(pattern)
    assert literals is not None
    assert (literals.any_of, literals.folded) == (any_of, folded)


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile(r"\d{3}-\d{2}-\d{4}"),  # no literal of two characters
        re.compile(r"(?:student )?name"[:-4] + "x?"),  # only optional parts
        re.compile(r"ab|\w+"),  # a branch with no literal: a match need hold none
        regex.compile(r"[[:alpha:]]+ id"),  # POSIX class: `re` reads it otherwise
        regex.compile(r"(?:grade){e<=1}"),  # fuzzy matching
        regex.compile(r"(?|(a)b|(c)d)"),  # branch reset
        regex.compile(r"\mgrade"),  # `re` cannot parse it
        regex.compile(r"grade", regex.VERSION1),
    ],
)
def test_no_literals_where_none_can_be_read(pattern: re.Pattern[str] | regex.Pattern[str]) -> None:
    assert required_literals(pattern) is None


def test_a_pattern_without_literals_is_refused_when_written() -> None:
    with pytest.raises(ValueError, match="no literal"):
        prefiltered(re.compile(r"[A-Z][a-z]+"))


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("kelvin", "\u212aelvin"),  # the Kelvin sign is a "k" to `re`, not to `str.lower`
        ("class", "cla\u017fs"),  # ... and a long s an "s"
    ],
)
def test_a_case_folded_gate_lets_non_ascii_text_through(source: str, text: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    assert pattern.search(text) is not None
    assert prefiltered(pattern).search(text) is not None


def test_the_methods_answer_as_the_pattern_does() -> None:
    pattern = regex.compile(r"(?i)\b(\w+) is allergic to (\w+)")
    gated = prefiltered(pattern)
    text = "Note: Ana is allergic to peanuts; Ben is ALLERGIC TO bees."
    assert gated.search(text) is not None
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert gated.findall(text) == pattern.findall(text) == [("Ana", "peanuts"), ("Ben", "bees")]
    later = gated.search(text, 30)  # with the pattern's own arguments
    assert later is not None and later.span() == (34, 57)
    assert gated.search("No allergies on file.") is None
    assert list(gated.finditer("No allergies on file.")) == []
    assert gated.findall("No allergies on file.") == []


# -- soundness on random patterns ---------------------------------------------------------
# Texts of a few letters, so that random patterns often match them; with the characters
# whose case folding is not `str.lower`'s.
ALPHABET = "abAB -.\u212a\u017fk"
_LEAVES = st.sampled_from(
    ["a", "b", "A", "ab", "ba", "-", r"\.", "[ab]", "[^a]", ".", r"\b", "(?=a)", "(?<!b)", "^", "$"]
)


def _patterns() -> st.SearchStrategy[str]:
    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(inner, min_size=2, max_size=4).map("".join),
            st.lists(inner, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
            inner.map(lambda x: f"(?:{x})?"),
            inner.map(lambda x: f"(?:{x})*"),
            inner.map(lambda x: f"(?:{x})+"),
            inner.map(lambda x: f"(?:{x}){{2}}"),
            inner.map(lambda x: f"(?i:{x})"),
            inner.map(lambda x: f"(?-i:{x})"),
            inner.map(lambda x: f"({x})"),
            st.tuples(inner, inner, inner).map(lambda t: f"({t[0]})?(?(1){t[1]}|{t[2]})"),
        )

    return st.recursive(_LEAVES, grow, max_leaves=8)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=_patterns(),
    ignore_case=st.booleans(),
    use_regex=st.booleans(),
    texts=st.lists(st.text(alphabet=ALPHABET, max_size=10), min_size=1, max_size=8),
)
def test_no_text_with_a_match_is_turned_away(
    source: str, ignore_case: bool, use_regex: bool, texts: list[str]
) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    try:
        pattern: re.Pattern[str] | regex.Pattern[str] = (
            regex.compile(source, flags | regex.VERSION0)
            if use_regex
            else re.compile(source, flags)
        )
    except (re.error, regex.error):
        return  # (a lookbehind of no fixed width, to `re`)
    literals = required_literals(pattern)
    if literals is None:
        return
    for text in texts:
        if pattern.search(text) is not None:
            assert literals.may_occur_in(text), (source, text, literals)


# -- the scanner's own prefiltered patterns -------------------------------------------------
def _scanners_prefiltered() -> Iterator[tuple[str, Prefiltered[object]]]:
    for name in PREFILTERING_MODULES:
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if isinstance(value, Prefiltered):
                yield f"{name}.{attribute}", value
            elif isinstance(value, tuple):  # a list of patterns tried alike
                for i, item in enumerate(value):
                    if isinstance(item, Prefiltered):
                        yield f"{name}.{attribute}[{i}]", item


def _record_texts() -> list[str]:
    """The example records' texts and table rows, and their lines one by one, as they
    are and lower-cased."""
    texts: list[str] = []
    for path in sorted(RECORDS.iterdir()):
        for document in extract_path(path):
            for block in document.blocks:
                if isinstance(block, TableBlock):
                    texts.extend(" | ".join(cells) for _, cells in block.rows)
                else:
                    texts.append(block.text)
    texts += [line for text in texts for line in text.splitlines()]
    return texts + [text.lower() for text in texts]  # (as the signals read them)


def test_the_scanner_prefilters_its_text_wide_patterns() -> None:
    names = [name for name, _ in _scanners_prefiltered()]
    assert len(names) >= 20, names


def test_each_prefiltered_pattern_finds_what_it_finds_alone() -> None:
    texts = _record_texts()
    turned_away = 0
    for name, gated in _scanners_prefiltered():
        pattern = gated.pattern
        for text in texts:
            ours = [m.span() for m in gated.finditer(text)]
            assert ours == [m.span() for m in pattern.finditer(text)], (name, text)
            turned_away += not gated.literals.may_occur_in(text)
    assert turned_away > len(texts)  # (and the gates do turn texts away)


# Texts `hypothesis` cannot make from a pattern (a lookbehind of no fixed width, which
# `re` cannot compile), and that the example records do not hold
_MATCHING_BY_HAND = {
    "scanners.detect._STUDENT_NUMBER_COLUMN": ["Name  ID  Grade", "Student ID: 4", "stu# 12"],
    "scanners.detect._TITLED_FULL_NAME": ["Dear Mr. Kevin Oyelaran,", "and Mrs. Efua Boateng"],
    "scanners.detect._ATTENDANCE_LINE": ["Present: Kristen Oyelaran (OOD Coordinator)"],
}


@pytest.mark.parametrize("name", [name for name, _ in _scanners_prefiltered()])
def test_each_prefiltered_patterns_matches_hold_its_literals(name: str) -> None:
    """Texts made to match the pattern (by `hypothesis`, from the pattern as `re` reads
    it, a `regex` property such as "\\p{Lu}" read as ASCII letters), the example
    records' texts and any written here: where the pattern matches one, its gate lets
    it through."""
    gated = dict(_scanners_prefiltered())[name]
    pattern = gated.pattern
    texts = [*_RECORD_TEXTS, *_MATCHING_BY_HAND.get(name, [])]
    flags = pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
    try:
        as_re: re.Pattern[str] | None = re.compile(_ascii_properties(pattern.pattern), flags)
    except re.error:
        as_re = None
    matched = [text for text in texts if pattern.search(text) is not None]
    for text in matched:
        assert gated.literals.may_occur_in(text), text
    made = 0
    if as_re is not None:

        @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.from_regex(as_re))
        def check(text: str) -> None:
            nonlocal made
            if pattern.search(text) is not None:
                made += 1
                assert gated.literals.may_occur_in(text), text

        check()
    assert matched or made


_PROPERTIES = {"L": "A-Za-z", "Lu": "A-Z", "Ll": "a-z"}


def _ascii_properties(source: str) -> str:
    """A `regex` pattern's letter properties as ASCII classes, in a class or out of one."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            property_ = re.match(r"\\p\{(\w+)\}", source[i:])
            if property_ and property_.group(1) in _PROPERTIES:
                letters = _PROPERTIES[property_.group(1)]
                out.append(letters if in_class else f"[{letters}]")
                i += property_.end()
                continue
            out.append(source[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and out and out[-1] != "[":
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


_RECORD_TEXTS = _record_texts()
