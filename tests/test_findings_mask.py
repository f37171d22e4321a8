"""`scanners.findings.mask`: every letter and digit hidden but the last two characters,
separators kept, for ASCII values (a translation table) and any other text alike."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scanners.findings import mask


def _masked_by_definition(value: str) -> str:
    """What `mask` promises, spelled out character by character."""
    if len(value) <= 4:
        return "*" * len(value)
    head = "".join("*" if ch.isalnum() else ch for ch in value[:-2])
    return head + value[-2:]


def test_a_masked_value_keeps_its_shape_and_last_two_characters() -> None:
    assert mask("123-45-6789") == "***-**-**89"
    assert mask("jane.doe@example.org") == "****.***@*******.*rg"
    assert mask("José Núñez") == "**** ***ez"
    assert mask("1234") == "****"


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_an_ascii_value_is_masked_as_the_definition_says(value: str) -> None:
    assert mask(value) == _masked_by_definition(value)


@given(st.text(max_size=40))
def test_any_value_is_masked_as_the_definition_says(value: str) -> None:
    assert mask(value) == _masked_by_definition(value)
