"""The .pgrel package: create, verify, open; stock-tool interop; hostile packages."""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import bagit as bagit_lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.release_helpers import (
    NOW,
    SENDER_EMAIL,
    Party,
    encrypt_bytes,
    make_party,
    manifest_for,
    read_members,
    signed_package,
    tar_members,
    write_records,
)
from transport import age
from transport._tar import END_OF_ARCHIVE, read_container_index
from transport.bagit import SourceChangedError
from transport.checks import CheckStatus, VerificationReport
from transport.manifest import Payload
from transport.package import (
    PackageRejectedError,
    create_package,
    open_package,
    verify_package,
)
from transport.trust import RevocationList


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Party, Path, list[Path], Path]:
    """One sender/recipient pair and one good package, shared by the read-only tests."""
    tmp = tmp_path_factory.mktemp("world")
    party = make_party(tmp / "keys")
    records, subpoena = write_records(tmp)
    manifest, contents = manifest_for(records, [subpoena], party)
    package = tmp / "case.pgrel"
    create_package(
        package,
        manifest,
        contents,
        signing_key=party.signing_key,
        recipients=[party.identity.recipient],
    )
    return party, package, records, subpoena


def verify(
    path: Path, party: Party, revocations: RevocationList | None = None, now: datetime = NOW
) -> VerificationReport:
    return verify_package(
        path, signers=party.signers, revocations=revocations or RevocationList(), now=now
    )


def test_a_fresh_package_passes_every_check(world: tuple[Party, Path, list[Path], Path]) -> None:
    party, package, _, _ = world
    report = verify(package, party)
    assert report.ok, report.checks
    assert [c.name for c in report.checks] == [
        "structure",
        "signature",
        "manifest",
        "signer-trusted",
        "signer-not-revoked",
        "payload",
        "destroy-by",
    ]
    assert report.manifest is not None and report.manifest.payload is not None
    payload = read_members(package.read_bytes())["payload.age"]
    assert report.manifest.payload == Payload(len(payload), hashlib.sha256(payload).hexdigest())
    assert payload.startswith(b"age-encryption.org/v1\n")


def test_open_round_trips_into_a_valid_bag(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path
) -> None:
    party, package, records, subpoena = world
    opened = open_package(
        package,
        tmp_path / "out",
        [party.identity],
        signers=party.signers,
        revocations=RevocationList(),
        now=NOW,
    )
    assert opened.report.ok
    assert [c.name for c in opened.report.checks][-3:] == ["decryption", "bag", "inner-manifest"]
    for record in records:
        assert (opened.bag / "data/records" / record.name).read_bytes() == record.read_bytes()
    assert (opened.bag / "data/legal-basis" / subpoena.name).read_bytes() == subpoena.read_bytes()
    bagit_lib.Bag(str(opened.bag)).validate()
    assert [p.name for p in (tmp_path / "out").iterdir()] == [opened.bag.name]  # no work dir left


def test_stock_tar_age_and_ssh_keygen_open_and_verify_our_package(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path
) -> None:
    party, package, records, _ = world
    subprocess.run(["tar", "-x", "-f", str(package), "-C", str(tmp_path)], check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "manifest.json",
        "manifest.json.sig",
        "payload.age",
    ]
    with (tmp_path / "manifest.json").open("rb") as manifest:
        verified = subprocess.run(
            [
                "ssh-keygen",
                "-Y",
                "verify",
                "-f",
                str(party.signers_file),
                "-I",
                SENDER_EMAIL,
                "-n",
                "pii-guard-release",
                "-s",
                str(tmp_path / "manifest.json.sig"),
            ],
            stdin=manifest,
            capture_output=True,
            text=True,
        )
    assert verified.returncode == 0, verified.stderr
    assert "Good" in verified.stdout
    bag_dir = tmp_path / "bag"
    bag_dir.mkdir()
    age_d = subprocess.Popen(
        ["age", "-d", "-i", str(party.identity_file), str(tmp_path / "payload.age")],
        stdout=subprocess.PIPE,
    )
    subprocess.run(["tar", "-x", "-C", str(bag_dir)], stdin=age_d.stdout, check=True)
    assert age_d.wait() == 0
    (bag,) = bag_dir.iterdir()
    bagit_lib.Bag(str(bag)).validate()
    assert (bag / "data/records" / records[0].name).read_bytes() == records[0].read_bytes()


def test_open_never_overwrites(world: tuple[Party, Path, list[Path], Path], tmp_path: Path) -> None:
    party, package, _, _ = world
    kwargs = {"signers": party.signers, "revocations": RevocationList(), "now": NOW}
    first = open_package(package, tmp_path, [party.identity], **kwargs)  # type: ignore[arg-type]
    marker = first.bag / "data/records/roster.csv"
    marker.write_text("the recipient's own notes")
    with pytest.raises(Exception, match="already exists; refusing to overwrite"):
        open_package(package, tmp_path, [party.identity], **kwargs)  # type: ignore[arg-type]
    assert marker.read_text() == "the recipient's own notes"


def test_wrong_identity_is_named_and_leaves_nothing(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path
) -> None:
    party, package, _, _ = world
    stranger = age.X25519Identity.generate()
    with pytest.raises(PackageRejectedError) as caught:
        open_package(
            package,
            tmp_path / "out",
            [stranger],
            signers=party.signers,
            revocations=RevocationList(),
            now=NOW,
        )
    assert caught.value.report.failed == ("decryption", "bag", "inner-manifest")
    assert "decryption" in str(caught.value)
    assert list((tmp_path / "out").iterdir()) == []


# --------------------------------------------------------------------------- tampering


def test_every_header_and_signature_byte_flip_is_caught_and_named(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path
) -> None:
    """Exhaustive where lenient parsers hide changes: each tar header block and each byte
    of the signature armor, flipped in turn, must make verify fail and name a check."""
    party, package, _, _ = world
    raw = package.read_bytes()
    members = read_container_index(io.BytesIO(raw), len(raw), max_members=3)
    signature = next(m for m in members if m.name == "manifest.json.sig")
    positions = [p for m in members for p in range(m.offset - 512, m.offset)]
    positions += range(signature.offset, signature.offset + signature.size)
    target = tmp_path / "flipped.pgrel"
    missed = []
    for position in positions:
        changed = bytearray(raw)
        changed[position] ^= 0x20
        target.write_bytes(changed)
        report = verify(target, party)
        if report.ok or not report.failed:
            missed.append(position)
    assert missed == []
    assert len(positions) == 3 * 512 + signature.size


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(min_value=0), value=st.integers(1, 255))
def test_any_single_byte_change_anywhere_fails_verify_naming_a_check(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path, position: int, value: int
) -> None:
    party, package, _, _ = world
    raw = bytearray(package.read_bytes())
    raw[position % len(raw)] ^= value
    target = tmp_path / "changed.pgrel"
    target.write_bytes(raw)
    report = verify(target, party)
    assert not report.ok
    assert report.failed and all(c.reason for c in report.checks if not c.passed)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(min_value=0), value=st.integers(1, 255))
def test_any_byte_change_fails_open_naming_a_check(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path, position: int, value: int
) -> None:
    party, package, _, _ = world
    raw = bytearray(package.read_bytes())
    raw[position % len(raw)] ^= value
    target = tmp_path / "changed.pgrel"
    target.write_bytes(raw)
    out = tmp_path / "out"
    with pytest.raises(PackageRejectedError) as caught:
        open_package(
            target,
            out,
            [party.identity],
            signers=party.signers,
            revocations=RevocationList(),
            now=NOW,
        )
    assert caught.value.report.failed
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("keep", [0, 511, 512, 3000, -1024, -512, -1])
def test_truncation_fails_structure(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path, keep: int
) -> None:
    party, package, _, _ = world
    raw = package.read_bytes()
    target = tmp_path / "cut.pgrel"
    target.write_bytes(raw[:keep])
    report = verify(target, party)
    assert report.failed[0] == "structure"
    assert report.checks[0].status is CheckStatus.FAIL
    assert any(
        word in report.checks[0].reason
        for word in ("truncated", "end-of-archive", "512-byte", "checksum")
    )


def test_extra_member_is_named(world: tuple[Party, Path, list[Path], Path], tmp_path: Path) -> None:
    party, package, _, _ = world
    members = read_members(package.read_bytes())
    target = tmp_path / "extra.pgrel"
    target.write_bytes(tar_members([*members.items(), ("run-me.sh", b"#!/bin/sh\n")]))
    report = verify(target, party)
    assert report.failed[0] == "structure"
    assert "unexpected member(s) run-me.sh" in report.checks[0].reason


@pytest.mark.parametrize("dropped", ["payload.age", "manifest.json", "manifest.json.sig"])
def test_missing_member_is_named(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path, dropped: str
) -> None:
    party, package, _, _ = world
    members = read_members(package.read_bytes())
    del members[dropped]
    target = tmp_path / "missing.pgrel"
    target.write_bytes(tar_members(list(members.items())))
    report = verify(target, party)
    assert report.failed[0] == "structure"
    assert f"missing member(s) {dropped}" in report.checks[0].reason


def test_manifest_edited_and_retarred_fails_signature(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path
) -> None:
    party, package, _, _ = world
    members = read_members(package.read_bytes())
    members["manifest.json"] = members["manifest.json"].replace(b"2027-06-01", b"2099-06-01")
    target = tmp_path / "edited.pgrel"
    target.write_bytes(tar_members(list(members.items())))
    report = verify(target, party)
    assert report.failed == ("signature", "signer-trusted", "signer-not-revoked")
    assert "does not verify" in report.checks[1].reason
    with pytest.raises(PackageRejectedError, match="signature"):
        report.raise_if_failed()


def test_manifest_resigned_by_an_untrusted_key_fails_trust(
    world: tuple[Party, Path, list[Path], Path], tmp_path: Path
) -> None:
    party, package, _, _ = world
    members = read_members(package.read_bytes())
    intruder = make_party(tmp_path / "intruder")
    target = tmp_path / "resigned.pgrel"
    target.write_bytes(
        signed_package(members["manifest.json"], members["payload.age"], intruder.signing_key)
    )
    report = verify(target, party)
    assert report.failed == ("signer-trusted",)
    assert "not in allowed_signers" in report.checks[3].reason


def test_revoked_signer(world: tuple[Party, Path, list[Path], Path]) -> None:
    party, package, _, _ = world
    before = RevocationList()
    before.revoke(party.fingerprint, datetime(2026, 11, 1, tzinfo=UTC))  # type: ignore[attr-defined]
    report = verify(package, party, revocations=before)
    assert report.failed == ("signer-not-revoked",)
    assert "before signing" in report.checks[4].reason
    after = RevocationList()
    after.revoke(party.fingerprint, datetime(2026, 12, 1, tzinfo=UTC))  # type: ignore[attr-defined]
    assert verify(package, party, revocations=after).ok


def test_destroy_by_passed(world: tuple[Party, Path, list[Path], Path]) -> None:
    party, package, _, _ = world
    report = verify(package, party, now=datetime(2027, 6, 2, tzinfo=UTC))
    assert report.failed == ("destroy-by",)
    assert "has passed" in report.checks[-1].reason


# --------------------------------------------------------------------------- create


def test_a_file_changed_between_passes_aborts_with_no_output(tmp_path: Path) -> None:
    party = make_party(tmp_path / "keys")
    records, subpoena = write_records(tmp_path)
    manifest, contents = manifest_for(records, [subpoena], party)
    records[1].write_text(records[1].read_text().replace("Maria", "Marta"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(SourceChangedError, match="changed after it was hashed"):
        create_package(
            out / "x.pgrel",
            manifest,
            contents,
            signing_key=party.signing_key,
            recipients=[party.identity.recipient],
        )
    assert list(out.iterdir()) == []


def test_create_refuses_to_overwrite(world: tuple[Party, Path, list[Path], Path]) -> None:
    party, package, records, subpoena = world
    manifest, contents = manifest_for(records, [subpoena], party)
    before = hashlib.sha256(package.read_bytes()).hexdigest()
    with pytest.raises(Exception, match="already exists"):
        create_package(
            package,
            manifest,
            contents,
            signing_key=party.signing_key,
            recipients=[party.identity.recipient],
        )
    assert hashlib.sha256(package.read_bytes()).hexdigest() == before


def test_missing_legal_basis_document_in_the_bag_fails_open(tmp_path: Path) -> None:
    party = make_party(tmp_path / "keys")
    records, subpoena = write_records(tmp_path)
    manifest, contents = manifest_for(records, [subpoena], party)
    package = tmp_path / "nodoc.pgrel"
    without_doc = [c for c in contents if not c.path.startswith("legal-basis/")]
    create_package(
        package,
        manifest,
        without_doc,
        signing_key=party.signing_key,
        recipients=[party.identity.recipient],
    )
    assert verify(package, party).ok  # legal staff cannot see inside; the recipient can
    with pytest.raises(PackageRejectedError, match=r"legal-basis document subpoena\.txt") as caught:
        open_package(
            package,
            tmp_path / "out",
            [party.identity],
            signers=party.signers,
            revocations=RevocationList(),
            now=NOW,
        )
    assert caught.value.report.failed == ("inner-manifest",)


def test_trusted_but_hostile_payload_with_a_symlink_is_refused(tmp_path: Path) -> None:
    party = make_party(tmp_path / "keys")
    records, subpoena = write_records(tmp_path)
    manifest, _ = manifest_for(records, [subpoena], party)
    link = tarfile.TarInfo("pgrel-x/data/evil")
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    hostile = link.tobuf(tarfile.PAX_FORMAT, "utf-8", "strict") + END_OF_ARCHIVE
    payload = encrypt_bytes(hostile, party.identity.recipient)
    signed = replace(manifest, payload=Payload(len(payload), hashlib.sha256(payload).hexdigest()))
    package = tmp_path / "hostile.pgrel"
    package.write_bytes(signed_package(signed.to_bytes(), payload, party.signing_key))
    assert verify(package, party).ok
    with pytest.raises(PackageRejectedError, match="symbolic link") as caught:
        open_package(
            package,
            tmp_path / "out",
            [party.identity],
            signers=party.signers,
            revocations=RevocationList(),
            now=NOW,
        )
    assert caught.value.report.failed == ("bag", "inner-manifest")
    assert list((tmp_path / "out").iterdir()) == []


def test_moderately_large_record_round_trips(tmp_path: Path) -> None:
    party = make_party(tmp_path / "keys")
    records, subpoena = write_records(tmp_path)
    big = tmp_path / "records" / "scan.bin"
    with big.open("wb") as handle:
        for block in range(40):
            handle.write(hashlib.sha256(str(block).encode()).digest() * 32768)  # 1 MiB each
    manifest, contents = manifest_for([*records, big], [subpoena], party)
    package = tmp_path / "big.pgrel"
    create_package(
        package,
        manifest,
        contents,
        signing_key=party.signing_key,
        recipients=[party.identity.recipient],
    )
    opened = open_package(
        package,
        tmp_path / "out",
        [party.identity],
        signers=party.signers,
        revocations=RevocationList(),
        now=NOW,
    )
    assert (
        hashlib.sha256((opened.bag / "data/records/scan.bin").read_bytes()).hexdigest()
        == contents[2].sha256
    )


def test_package_swapped_between_verify_and_decrypt_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second payload (same bag, same recipient, new file key) swapped in after verify
    read the file decrypts fine; only the re-hash while decrypting can catch it."""
    import transport.package as package_module

    party = make_party(tmp_path / "keys")
    records, subpoena = write_records(tmp_path)
    manifest, contents = manifest_for(records, [subpoena], party)
    first, second = tmp_path / "a.pgrel", tmp_path / "b.pgrel"
    for path in (first, second):
        create_package(
            path, manifest, contents, signing_key=party.signing_key,
            recipients=[party.identity.recipient],
        )  # fmt: skip
    a, b = read_members(first.read_bytes()), read_members(second.read_bytes())
    assert a["payload.age"] != b["payload.age"] and len(a["payload.age"]) == len(b["payload.age"])
    swapped = tar_members(
        [("payload.age", b["payload.age"]), ("manifest.json", a["manifest.json"]),
         ("manifest.json.sig", a["manifest.json.sig"])]
    )  # fmt: skip
    real_verify = package_module.verify_package

    def verify_then_swap(*args: object, **kwargs: object) -> VerificationReport:
        report = real_verify(*args, **kwargs)  # type: ignore[arg-type]
        first.write_bytes(swapped)  # same length, so the tar index still matches
        return report

    monkeypatch.setattr(package_module, "verify_package", verify_then_swap)
    with pytest.raises(PackageRejectedError, match="changed after it was verified"):
        open_package(first, tmp_path / "out", [party.identity], signers=party.signers,
                     revocations=RevocationList(), now=NOW)  # fmt: skip
    assert list((tmp_path / "out").iterdir()) == []
