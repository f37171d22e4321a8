"""Bad policy files: every mistake is reported with its file, line and key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from policies import BUNDLED_POLICY, PolicyFileError, parse_policy

BASE = BUNDLED_POLICY.read_text(encoding="utf-8")


def problems_of(text: str) -> list[str]:
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(text, "my.toml")
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in text")


def test_bundled_policy_is_valid() -> None:
    policy = parse_policy(BASE, "cambridge.toml")
    assert {c.id for c in policy.classes} >= {
        "mgl-93h-personal-information",
        "ferpa-student-record",
    }


def test_unknown_key_in_third_blocked_location_names_line_and_index() -> None:
    anchor = 'id = "removable-media-windows"'
    text = BASE.replace(anchor, anchor + '\npathh = "/x"')
    [problem] = problems_of(text)
    assert problem == (
        f"my.toml:{line_of(text, 'pathh')}: locations.blocked[2]: unknown key 'pathh'"
    )


def test_wrong_type_is_reported_with_expected_type() -> None:
    text = BASE.replace("max_key_age_days = 183", 'max_key_age_days = "half a year"')
    [problem] = problems_of(text)
    assert problem == (
        f"my.toml:{line_of(text, 'max_key_age_days')}: keys: "
        "'max_key_age_days' must be an integer, not a string"
    )


def test_boolean_is_not_accepted_as_integer() -> None:
    text = BASE.replace("default_retention_days = 365", "default_retention_days = true")
    [problem] = problems_of(text)
    assert "'default_retention_days' must be an integer, not a boolean" in problem


def test_regex_that_does_not_compile() -> None:
    text = BASE.replace(r"pattern = '\b\d{6}\b'", r"pattern = '\b(\d{6}\b'")
    [problem] = problems_of(text)
    assert problem.startswith(
        f"my.toml:{line_of(text, 'pattern = ', 2)}: entities.identifiers[1]: "
        "regex does not compile: missing ), unterminated subpattern"
    )


def test_regex_matching_everything_is_rejected() -> None:
    text = BASE.replace(r"pattern = '\b\d{6}\b'", r"pattern = '\d*'")
    [problem] = problems_of(text)
    assert "entities.identifiers[1]: regex matches the empty string" in problem


def test_unknown_entity_name_with_suggestion() -> None:
    text = BASE.replace('any_of = ["US_SSN",', 'any_of = ["US_SNN",', 1)
    [problem] = problems_of(text)
    assert problem == (
        f"my.toml:{line_of(text, 'US_SNN')}: classes[0].rules[0]: "
        "unknown entity 'US_SNN' (did you mean 'US_SSN'?)"
    )


def test_class_rule_that_can_never_match() -> None:
    text = BASE.replace(
        'none_of = ["EMPLOYEE_CONTEXT"]', 'none_of = ["EMPLOYEE_CONTEXT", "STUDENT_CONTEXT"]'
    )
    [problem] = problems_of(text)
    assert "classes[1].rules[2]: rule can never match: STUDENT_CONTEXT" in problem
    assert problem.startswith(f"my.toml:{line_of(text, 'none_of = [')}:")


def test_class_with_no_rules_can_never_match() -> None:
    text = BASE.replace(
        """  [[classes.rules]]
  all_of = ["PERSON"]
  any_of = ["PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS"]
  min_score = 0.6
""",
        "",
    )
    [problem] = problems_of(text)
    assert "classes[2]: missing key 'rules'" in problem


def test_score_out_of_range() -> None:
    text = BASE.replace("PERSON = 0.6", "PERSON = 6")
    [problem] = problems_of(text)
    assert problem == (
        f"my.toml:{line_of(text, 'PERSON = 6')}: entities.thresholds: "
        "'PERSON' must be between 0.0 and 1.0, not 6"
    )


def test_every_problem_is_reported_at_once() -> None:
    text = (
        BASE.replace('path_privacy = "hash"', 'path_privacy = "rot13"')
        .replace('action = "block"', 'action = "shred"', 1)
        .replace('platforms = ["linux"]', 'platforms = ["linux", "beos"]', 1)
        .replace('passphrase_require = ["letter", "digit"]', 'passphrase_require = ["emoji"]')
    )
    found = problems_of(text)
    assert len(found) == 4
    assert any("audit: unknown value 'rot13'" in p for p in found)
    assert any("locations.blocked[0]: unknown action 'shred'" in p for p in found)
    assert any("locations.blocked[0]: unknown platform 'beos'" in p for p in found)
    assert any("keys: unknown requirement 'emoji'" in p for p in found)


def test_missing_section_is_named() -> None:
    start = BASE.index("[keys]")
    end = BASE.index("idle_unlock_minutes = 30") + len("idle_unlock_minutes = 30")
    found = problems_of(BASE[:start] + BASE[end:])
    assert found == ["my.toml: missing key 'keys'"]


def test_invalid_toml_gives_line() -> None:
    text = BASE.replace('id = "cps-technology-use"', 'id = "cps-technology-use')
    [problem] = problems_of(text)
    assert problem.startswith(f"my.toml:{line_of(text, 'cps-technology-use')}: invalid TOML:")


def test_bad_icts_recipient() -> None:
    text = BASE.replace('icts_recipient = "age1', 'icts_recipient = "age2')
    [problem] = problems_of(text)
    assert "quarantine: not an age X25519 recipient" in problem


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    from policies import read_policy_file

    with pytest.raises(PolicyFileError, match="cannot read"):
        read_policy_file(tmp_path / "absent.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'[policy]\nid = "caf\xe9"\n')
    with pytest.raises(PolicyFileError, match="not UTF-8"):
        read_policy_file(latin)


def test_identifier_validators_known_to_the_scanner_are_accepted() -> None:
    from policies.loader import VALIDATORS
    from scanners.recognizers.checksums import VALIDATORS as SCANNER_VALIDATORS

    assert set(VALIDATORS) == set(SCANNER_VALIDATORS)
    bundled = 'validator = "not_repeated"\nscore = 0.05\n'  # the local ID's
    assert bundled in BASE
    for name in VALIDATORS:
        text = BASE.replace(bundled, f'validator = "{name}"\nscore = 0.05\n')
        assert parse_policy(text).identifiers[1].validator == name
    [problem] = problems_of(BASE.replace(bundled, 'validator = "crc"\nscore = 0.05\n'))
    assert "entities.identifiers[1]: unknown validator 'crc'" in problem
