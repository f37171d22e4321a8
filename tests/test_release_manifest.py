"""The pii-guard/release/v1 manifest: canonical, strict, and the inner copy's shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transport.manifest import (
    SCHEMA,
    FileEntry,
    LegalBasis,
    Manifest,
    ManifestError,
    Payload,
    PolicyRef,
    Recipient,
    Sender,
    parse_manifest,
)

PAYLOAD = Payload(1234, "b" * 64)


def sample(payload: Payload | None = PAYLOAD) -> Manifest:
    return Manifest(
        release_id="0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        created=datetime(2026, 12, 2, 15, 0, 0, tzinfo=UTC),
        sender=Sender("Registrar Office", "registrar@cps.example", "SHA256:abc"),
        recipients=(Recipient("middlesex-da", "Middlesex DA", "age1xyz"),),
        legal_basis=LegalBasis(
            "subpoena",
            {"case_number": "2026-CR-114", "issued": "2026-11-30"},
            (FileEntry("subpoena.pdf", False, 10, "c" * 64),),
        ),
        purpose="Court-ordered production — attendance records",
        classes=("ferpa-student-record",),
        entities={"PERSON": 3, "STUDENT_ID": 2},
        files=(
            FileEntry(
                "*****_******ez_IEP.pdf",
                True,
                99,
                "d" * 64,
                ("ferpa-student-record",),
                {"PERSON": 1},
            ),
        ),
        destroy_by=date(2027, 6, 1),
        policy=PolicyRef("cambridge", "2024-01-25", "e" * 64),
        tool_version="0.1.0",
        payload=payload,
    )


def test_round_trip_is_canonical_utf8_with_sorted_keys() -> None:
    raw = sample().to_bytes()
    assert parse_manifest(raw) == sample()
    decoded = json.loads(raw)
    assert (
        raw
        == json.dumps(decoded, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    )
    assert "—".encode() in raw  # UTF-8, not \u escapes
    assert decoded["schema"] == SCHEMA
    assert decoded["created"] == "2026-12-02T15:00:00Z"
    assert decoded["payload"] == {"size": 1234, "sha256": "b" * 64}


def test_inner_copy_is_the_manifest_without_payload() -> None:
    inner = sample().inner_bytes()
    assert "payload" not in json.loads(inner)
    assert parse_manifest(inner, inner=True) == sample(payload=None)
    with pytest.raises(ManifestError, match="lacks payload"):
        parse_manifest(inner)


def test_manifest_without_payload_cannot_be_signed_bytes() -> None:
    with pytest.raises(ManifestError, match="no payload"):
        sample(payload=None).to_bytes()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda raw: raw.replace(b'{"classes"', b'{ "classes"', 1), "canonical"),
        (lambda raw: raw.replace(b'"purpose"', b'"porpoise"'), "lacks purpose"),
        (lambda raw: raw.replace(b'"size":1234', b'"size":1234.0'), "non-integer"),
        (lambda raw: raw.replace(b'"size":1234', b'"size":-1'), "non-negative"),
        (lambda raw: raw.replace(SCHEMA.encode(), b"pii-guard/release/v9"), "schema"),
        (lambda raw: raw.replace(b"2027-06-01", b"2027-13-01"), "date"),
        (lambda raw: raw.replace(b'"b' + b"b" * 63, b'"B' + b"b" * 63), "SHA-256"),
        (lambda raw: raw[:-1] + b',"extra":1}', "unknown extra"),
        (lambda raw: b"\xff" + raw, "not UTF-8"),
        (lambda raw: b"[" * 100_000, "JSON"),
    ],
)
def test_anything_but_the_exact_canonical_form_is_refused(
    edit: Callable[[bytes], bytes], message: str
) -> None:
    with pytest.raises(ManifestError, match=message):
        parse_manifest(edit(sample().to_bytes()))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_fuzzed_manifests_give_only_manifest_errors(data: st.DataObject) -> None:
    raw = bytearray(sample().to_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    try:
        parsed = parse_manifest(bytes(raw))
    except ManifestError as error:
        assert str(error)
    else:
        assert parsed.to_bytes() == bytes(raw)  # whatever parses is canonical
