"""The allowed_signers trust store and the revocation list (rule R6)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from transport import sshsig
from transport.errors import KeyFormatError, KeyRevokedError, TrustFileError
from transport.keys import public_ssh_line, ssh_fingerprint
from transport.trust import AllowedSigners, RevocationList, allowed_signers_line

NS = sshsig.RELEASE_NAMESPACE


def test_parse_the_manual_forms() -> None:
    alice, bob, carol = (Ed25519PrivateKey.generate().public_key() for _ in range(3))
    text = "\n".join([
        "# trust store for legal staff",
        "",
        f"alice@cpsd.us {public_ssh_line(alice)} alice's laptop",
        f'bob@cpsd.us,robert@cpsd.us namespaces="git,pii-guard-*" {public_ssh_line(bob)}',
        f'carol@cpsd.us valid-after="20260101",valid-before="20260201Z" {public_ssh_line(carol)}',
        "dave@cpsd.us ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==",
    ])  # fmt: skip
    store = AllowedSigners.parse(text)
    assert store.principals_for(alice) == ("alice@cpsd.us",)
    assert store.principals_for(bob, namespace=NS) == ("bob@cpsd.us", "robert@cpsd.us")
    assert store.principals_for(bob, namespace="file") == ()
    assert store.principals_for(carol, at=datetime(2026, 1, 15, tzinfo=UTC)) == ("carol@cpsd.us",)
    assert store.principals_for(carol, at=datetime(2026, 2, 2, tzinfo=UTC)) == ()
    assert store.principals_for(Ed25519PrivateKey.generate().public_key()) == ()
    assert store.text() == text + "\n"


@pytest.mark.parametrize(
    "line",
    [
        "alice@cpsd.us",
        "alice@cpsd.us ssh-ed25519",
        "alice@cpsd.us ssh-ed25519 not*base64",
        'alice@cpsd.us nosuchoption="x" ssh-ed25519 AAAA',
        'alice@cpsd.us valid-after="yesterday" ssh-ed25519 AAAA',
    ],
)
def test_bad_lines_name_file_and_line(line: str) -> None:
    with pytest.raises(TrustFileError, match=r"signers:2:"):
        AllowedSigners.parse("# ok\n" + line + "\n", "signers")


def test_written_store_is_read_by_ssh_keygen(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    store = AllowedSigners.load(tmp_path / "missing")
    assert store.entries == ()
    store.add("clerk@cpsd.us", key.public_key(), namespaces=[NS])
    store.add("clerk@cpsd.us", key.public_key(), namespaces=[NS])  # idempotent
    path = tmp_path / "allowed_signers"
    store.save(path)
    assert len(AllowedSigners.load(path).entries) == 1
    data = tmp_path / "m"
    data.write_bytes(b"manifest")
    sig = tmp_path / "m.sig"
    sig.write_text(sshsig.sign(b"manifest", key, NS))
    found = subprocess.run(
        ["ssh-keygen", "-Y", "find-principals", "-f", str(path), "-s", str(sig)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "clerk@cpsd.us"


def test_principal_with_space_is_refused() -> None:
    with pytest.raises(KeyFormatError):
        allowed_signers_line("Jane Doe", Ed25519PrivateKey.generate().public_key())


def test_revocation_rejects_signatures_made_after_it(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate().public_key()
    fingerprint = ssh_fingerprint(key)
    revoked = datetime(2026, 6, 30, 17, 0, tzinfo=UTC)
    revocations = RevocationList()
    revocations.revoke(fingerprint, revoked, reason="left the district")
    path = tmp_path / "revoked.json"
    revocations.save(path)
    loaded = RevocationList.load(path)
    assert loaded.revoked_at(fingerprint) == revoked
    loaded.check(fingerprint, revoked - timedelta(seconds=1))  # signed before: still valid
    with pytest.raises(KeyRevokedError):
        loaded.check(fingerprint, revoked)
    with pytest.raises(KeyRevokedError):
        loaded.check(fingerprint, revoked + timedelta(days=3))
    loaded.check(ssh_fingerprint(Ed25519PrivateKey.generate().public_key()), revoked)


def test_earlier_revocation_time_wins() -> None:
    revocations = RevocationList()
    first = datetime(2026, 1, 1, tzinfo=UTC)
    revocations.revoke("SHA256:x", first)
    revocations.revoke("SHA256:x", first + timedelta(days=1))
    assert revocations.revoked_at("SHA256:x") == first


def test_damaged_revocation_list_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "revoked.json"
    path.write_text('{"format": "pii-guard/revocations/v1", "revoked": [{"fingerprint": 1}]}')
    with pytest.raises(TrustFileError):
        RevocationList.load(path)
    assert RevocationList.load(tmp_path / "none.json").entries() == ()
