"""The user's keys: both stores, unlock expiry, key age, rotation, revocation."""

from __future__ import annotations

import base64
import io
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from agecli import run_age_with_passphrase
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from keys_data import GOOD_PASSPHRASE, home_files

from pii_guard import identity
from pii_guard.audit import default_log
from pii_guard.errors import PiiGuardError
from pii_guard.identity import StoreKind, UnlockCache
from policies import Policy
from policies.errors import WeakPassphrase
from transport import sshsig
from transport.age import decrypt, encrypt
from transport.errors import KeyRevokedError
from transport.keys import UserKeys

pytest_plugins = ["keys_fixtures"]


def _init(policy: Policy, now: datetime | None = None) -> UserKeys:
    keys, _ = identity.init_keys(
        policy, "Jane Clerk", "jane@cpsd.us", passphrase=lambda: GOOD_PASSPHRASE, now=now
    )
    return keys


def _secrets(keys: UserKeys) -> list[bytes]:
    seed = keys.signing_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return [str(keys.age_identity).encode(), base64.b64encode(seed), seed]


def _audit_events(home: Path) -> list[str]:
    return [entry.event for entry in default_log().entries()]


@pytest.mark.usefixtures("no_keyring")
def test_file_store_never_holds_plaintext(policy: Policy, isolated_home: Path) -> None:
    keys = _init(policy)
    rec = identity.require_record()
    assert rec.store is StoreKind.FILE
    key_file = identity.key_file()
    assert key_file.stat().st_mode & 0o777 == 0o600
    for path in home_files(isolated_home):
        content = path.read_bytes()
        for secret in _secrets(keys):
            assert secret not in content, path
    assert "jane@cpsd.us" in identity.trusted_signers().principals_for(keys.public_key)
    assert _audit_events(isolated_home) == ["key.created"]


@pytest.mark.usefixtures("no_keyring")
def test_age_opens_the_key_file(policy: Policy, tmp_path: Path) -> None:
    keys = _init(policy)
    out = tmp_path / "bundle.json"
    run_age_with_passphrase(["-d", "-o", out, identity.key_file()], GOOD_PASSPHRASE, prompts=1)
    assert UserKeys.from_bundle(out.read_bytes()).fingerprint == keys.fingerprint


@pytest.mark.usefixtures("no_keyring")
def test_weak_passphrase_is_refused_and_nothing_written(policy: Policy) -> None:
    with pytest.raises(WeakPassphrase) as caught:
        identity.init_keys(policy, "Jane", "jane@cpsd.us", passphrase=lambda: "short")
    assert len(caught.value.problems) >= 2  # too short, and no digit
    assert identity.read_record() is None
    assert not identity.key_file().exists()


@pytest.mark.usefixtures("no_keyring")
def test_init_twice_is_refused(policy: Policy) -> None:
    _init(policy)
    with pytest.raises(PiiGuardError, match="already"):
        _init(policy)


@pytest.mark.usefixtures("no_keyring")
def test_load_needs_the_right_passphrase(policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _init(policy)
    identity.UNLOCKED.clear()
    with pytest.raises(PiiGuardError, match="wrong passphrase"):
        identity.load_user_keys(policy, passphrase="Not the one 1")
    monkeypatch.setenv(identity.PASSPHRASE_ENV, GOOD_PASSPHRASE)
    assert identity.load_user_keys(policy).fingerprint == keys.fingerprint


@pytest.mark.usefixtures("no_keyring")
def test_passphrase_file(policy: Policy, tmp_path: Path) -> None:
    keys = _init(policy)
    identity.UNLOCKED.clear()
    secret = tmp_path / "pass"
    secret.write_text(GOOD_PASSPHRASE + "\n")
    assert identity.load_user_keys(policy, passphrase_file=secret).fingerprint == keys.fingerprint


@pytest.mark.usefixtures("no_keyring")
def test_unlock_expires_after_idle_minutes(policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    _init(policy)
    monkeypatch.delenv(identity.PASSPHRASE_ENV, raising=False)
    clock = [1000.0]
    cache = UnlockCache(clock=lambda: clock[0])
    identity.load_user_keys(policy, passphrase=GOOD_PASSPHRASE, cache=cache)
    idle = policy.keys.idle_unlock_minutes * 60
    clock[0] += idle - 1
    identity.load_user_keys(policy, cache=cache)  # still unlocked (and the idle timer restarts)
    clock[0] += idle - 1
    identity.load_user_keys(policy, cache=cache)
    clock[0] += idle + 1
    with pytest.raises(PiiGuardError, match="passphrase is needed"):
        identity.load_user_keys(policy, cache=cache)  # stdin is no terminal under pytest


@pytest.mark.usefixtures("no_keyring")
def test_key_age_warning(policy: Policy) -> None:
    limit = policy.keys.max_key_age_days
    _init(policy, now=datetime.now(UTC) - timedelta(days=limit + 1))
    rec = identity.require_record()
    assert identity.key_age_warning(policy, rec) is not None
    assert identity.key_age_warning(policy, rec, rec.created + timedelta(days=limit)) is None


@pytest.mark.usefixtures("no_keyring")
def test_rotate_keeps_old_identity_and_trust(policy: Policy, isolated_home: Path) -> None:
    old = _init(policy)
    sealed = io.BytesIO()
    encrypt(io.BytesIO(b"sent to the old key"), sealed, [old.recipient])
    before, after = identity.rotate_keys(policy, passphrase=GOOD_PASSPHRASE)
    assert before.fingerprint == old.fingerprint != after.fingerprint
    new = identity.load_user_keys(policy, passphrase=GOOD_PASSPHRASE)
    assert new.fingerprint == after.fingerprint
    plain = io.BytesIO()
    decrypt(io.BytesIO(sealed.getvalue()), plain, [new.age_identity, *new.previous_age_identities])
    assert plain.getvalue() == b"sent to the old key"
    signers = identity.trusted_signers()
    assert signers.principals_for(old.public_key) == ("jane@cpsd.us",)
    assert signers.principals_for(new.public_key) == ("jane@cpsd.us",)
    assert identity.require_record().history[0].fingerprint == old.fingerprint
    assert _audit_events(isolated_home) == ["key.created", "key.rotated"]


@pytest.mark.usefixtures("no_keyring")
def test_revoke_own_key_destroys_it(policy: Policy, isolated_home: Path) -> None:
    keys = _init(policy)
    signed_before = sshsig.sign(b"manifest", keys.signing_key, sshsig.RELEASE_NAMESPACE)
    revocation = identity.revoke_key(reason="left the district")
    assert revocation.fingerprint == keys.fingerprint
    assert not identity.key_file().exists()
    with pytest.raises(PiiGuardError, match="revoked"):
        identity.load_user_keys(policy, passphrase=GOOD_PASSPHRASE)
    listed = identity.revocations()
    listed.check(keys.fingerprint, revocation.revoked_at - timedelta(minutes=5))
    with pytest.raises(KeyRevokedError):
        listed.check(keys.fingerprint, revocation.revoked_at + timedelta(minutes=5))
    assert sshsig.verify(b"manifest", signed_before, sshsig.RELEASE_NAMESPACE) == keys.public_key
    assert _audit_events(isolated_home) == ["key.created", "key.revoked"]


@pytest.mark.usefixtures("no_keyring")
def test_missing_keys_have_a_hint(policy: Policy) -> None:
    with pytest.raises(PiiGuardError) as caught:
        identity.load_user_keys(policy)
    assert caught.value.hint is not None and "keys init" in caught.value.hint


@pytest.mark.usefixtures("fast_scrypt")
def test_keyring_store_with_real_secret_service(
    policy: Policy, real_keyring: dict[str, str], isolated_home: Path
) -> None:
    keys = _init(policy)
    rec = identity.require_record()
    assert rec.store is StoreKind.KEYRING
    assert not identity.key_file().exists()
    for path in home_files(isolated_home):
        for secret in _secrets(keys):
            assert secret not in path.read_bytes(), path
    stored = subprocess.run(
        ["secret-tool", "lookup", "service", "pii-guard", "username", rec.keyring_account or ""],
        env=real_keyring, capture_output=True, check=True,
    )  # fmt: skip
    assert UserKeys.from_bundle(stored.stdout).fingerprint == keys.fingerprint
    assert identity.load_user_keys(policy).fingerprint == keys.fingerprint  # no passphrase
    _, after = identity.rotate_keys(policy)
    assert identity.load_user_keys(policy).fingerprint == after.fingerprint
    gone = subprocess.run(
        ["secret-tool", "lookup", "service", "pii-guard", "username", rec.keyring_account or ""],
        env=real_keyring, capture_output=True, check=False,
    )  # fmt: skip
    assert gone.stdout == b""
    identity.revoke_key()
    with pytest.raises(PiiGuardError, match="revoked"):
        identity.load_user_keys(policy)
