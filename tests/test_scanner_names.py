"""Names without a model: the Census name lists, split name fields, and when NER still runs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ner_helpers import CountingNames

from pii_guard.scanning import name_decisions
from policies import load_policy
from scanners import NameDecision
from scanners.detect import DetectorSettings, DocumentDetector, TextPiece
from scanners.recognizers.base import Hit
from scanners.recognizers.builtin import BUILTIN
from scanners.recognizers.name_words import names_no_one
from scanners.recognizers.names import _read_list, _Spans, find_listed_names


def listed(text: str) -> list[str]:
    return [hit.value for hit in find_listed_names(text)]


_SPAN = st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1]))


@given(taken=st.lists(_SPAN, max_size=12), probe=_SPAN)
def test_the_taken_spans_answer_overlap_as_a_scan_of_every_span_would(
    taken: list[tuple[int, int]], probe: tuple[int, int]
) -> None:
    """The bisection that keeps a long roster linear gives the plain answer, for spans
    in any order and overlapping each other."""
    hits = [Hit("PERSON", start, end, "x" * (end - start), 0.85, "test") for start, end in taken]
    start, end = probe
    expected = any(a < end and start < b for a, b in taken)
    assert _Spans(hits).overlap(start, end) is expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Dear Lisa Rodriguez,\nOur records show", ["Lisa Rodriguez"]),
        ("Sincerely,\nGregory J. Merritt\nAssistant Principal", ["Gregory J. Merritt"]),
        ("Mary Ann Smith paid 40.00 with card", ["Mary Ann Smith"]),
        (
            "Patrick O'Brien and Ellen McDonald-Hayes met",
            ["Patrick O'Brien", "Ellen McDonald-Hayes"],
        ),
        ("Roster: Rodriguez, Samantha (grade 5)", ["Rodriguez, Samantha"]),
        ("Principal Karen Lee welcomed families.", ["Karen Lee"]),
        # a vendor's number before a name is no house number ("12 Jackson Hunter Rd" is)
        ("V14446 Melissa Johnson Individual/sole prop", ["Melissa Johnson"]),
        ("Henry Smith savings account 4471", ["Henry Smith"]),  # his, not a bank's name
    ],
)
def test_ordinary_names_are_found_by_the_lists(text: str, names: list[str]) -> None:
    assert listed(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Please call the Main Office before noon.",
        "The school is at 225 Windsor Street, next to Morse School.",
        "Sincerely, Maria",  # a given name alone is not enough
        "Dear Parents and Guardians,",
        "Visit Lincoln Park or Harvard Square on Saturday.",
        "Meet at 12 Grace Allen Road for the walk.",  # a street after its house number
        "The Robert Frost Memorial Fund award goes to",  # a fund named after a person
        "Chidera Okafor brought cookies.",  # not on the lists: left to the model
        "PATIENT: JOHN SMITH",  # capitals are left to the model too
        "Charles River Community Bank - Commercial Analysis Checking Statement",  # a bank's
    ],
)
def test_the_lists_stay_quiet_on_places_and_partial_names(text: str) -> None:
    assert listed(text) == []


@pytest.fixture(scope="module")
def policy_decisions() -> tuple[NameDecision, ...]:
    return name_decisions(load_policy(None).policy)


def decide(text: str, decisions: tuple[NameDecision, ...]) -> tuple[dict[str, list[str]], bool]:
    names = CountingNames()
    doc = DocumentDetector(
        DetectorSettings(
            recognizers=BUILTIN, names=names, every_name=False, name_decisions=decisions
        )
    )
    doc.feed_text(TextPiece(text))
    found: dict[str, list[str]] = {}
    for finding in doc.finish():
        found.setdefault(finding.entity, []).append(finding.value)
    return found, bool(names.texts)


def test_the_policy_asks_for_names_only_for_blocking_classes(
    policy_decisions: tuple[NameDecision, ...],
) -> None:
    required = {(frozenset(d.requires), frozenset(d.any_of)) for d in policy_decisions}
    assert (
        frozenset(),
        frozenset({"US_SSN", "US_DRIVER_LICENSE", "CREDIT_CARD", "US_BANK_NUMBER"}),
    ) in required
    assert (frozenset({"STUDENT_ID"}), frozenset()) in required
    # contact details are directory information, logged and never blocked: no NER for them
    assert all(not (d.any_of & {"PHONE_NUMBER", "EMAIL_ADDRESS"}) for d in policy_decisions)


def test_an_identifier_without_a_known_name_still_gets_ner(
    policy_decisions: tuple[NameDecision, ...],
) -> None:
    found, asked = decide(
        "We spoke with Chidera Okafor about her SSN 212-58-3391 today.", policy_decisions
    )
    assert asked
    assert found["PERSON"] == ["Chidera Okafor"]


def test_contact_details_alone_never_load_the_model(
    policy_decisions: tuple[NameDecision, ...],
) -> None:
    found, asked = decide("Questions? Call Chidera Okafor at (617) 555-0142.", policy_decisions)
    assert not asked
    assert "PHONE_NUMBER" in found


def test_a_birth_date_in_an_employee_form_needs_no_name(
    policy_decisions: tuple[NameDecision, ...],
) -> None:
    # a birth date makes a FERPA record only in a student context, never an employee's
    _, asked = decide(
        "New hire form for Chidera Okafor, employee of Payroll. Date of birth: 04/11/1986",
        policy_decisions,
    )
    assert not asked


def test_split_name_fields_of_an_export_make_one_person() -> None:
    doc = DocumentDetector(DetectorSettings(recognizers=BUILTIN, names=None))
    doc.feed_text(
        TextPiece(
            "StudentID: 2231031875\nLastName: Okafor\nFirstName: Chidera\nGrade: 10\n"
            '{"first_name": "Ngozi", "last_name": "Adeyemi"}'
        )
    )
    people = sorted(f.value for f in doc.finish() if f.entity == "PERSON")
    assert people == ["Chidera Okafor", "Ngozi Adeyemi"]


@pytest.mark.parametrize("name", ["given_names.txt", "surnames.txt"])
def test_name_lists_are_sorted_lower_case_words_as_bisection_needs(name: str) -> None:
    """The lists are searched by bisection: an unsorted or blank line would hide names."""
    words = _read_list(name)
    assert words == sorted(set(words))
    assert all(word and word == word.lower() and word.strip() == word for word in words)


def test_a_listed_name_is_found_at_either_end_of_the_sorted_lists() -> None:
    given, surnames = _read_list("given_names.txt"), _read_list("surnames.txt")
    first = f"{given[0].title()} {surnames[0].title()}"
    last = f"{given[-1].title()} {surnames[-1].title()}"
    assert listed(f"Met {first} and {last} today.") == [first, last]


@pytest.mark.parametrize(
    ("value", "no_one"),
    [
        ("Administration Bldg", True),  # where an enrollment packet says to bring it
        ("Lincoln Building", True),
        ("Mason Co", True),  # "W.B. Mason Co.", its period lost
        ("Cintas Corporation", True),
        ("Maria Souza", False),
        ("Emily Hudson", False),
        # a document's title, as NER reads one: "Absence Note", "FY25 Adult Ed budget"
        ("Absence Note", True),
        ("Adult Ed", True),
        ("Ed Adams", False),
        # a sample's placeholder in either order, an import template's "FIRST LAST"
        ("DOE, JANE", True),
        ("FIRST LAST", True),
    ],
)
def test_an_organisations_or_a_buildings_name_is_no_ones(value: str, no_one: bool) -> None:
    assert names_no_one(value) is no_one
