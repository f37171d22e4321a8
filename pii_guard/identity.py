"""The user's own keys, the trust store and the revocation list (rules R5, R6, R8).

Private parts go to the OS keyring when the machine has a real one, else into
an age scrypt passphrase file (which stock `age -d` can open). Public facts
about the keys live in `identity.json` beside the trust store, so `keys show`
and `keys export` never need an unlock.

An unlocked passphrase-file key is cached in this process only, and expires
after the policy's idle minutes (R5: re-log-in after 30 minutes of
inactivity); nothing unlocked is ever cached on disk.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pii_guard.audit import EventType, record
from pii_guard.errors import PiiGuardError
from pii_guard.paths import config_dir, data_dir, ensure_private_dir
from policies import Policy
from transport.age import X25519Identity
from transport.age.scrypt import DEFAULT_WORK_FACTOR
from transport.atomic import atomic_write_text
from transport.errors import KeyFormatError, KeyStoreError, WrongPassphraseError
from transport.keys import UserKeys, public_ssh_line
from transport.keystore import KeyringStore, PassphraseFileStore, keyring_available
from transport.sshsig import RELEASE_NAMESPACE
from transport.trust import AllowedSigners, Revocation, RevocationList, allowed_signers_line

PASSPHRASE_ENV = "PII_GUARD_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
_IDENTITY_FORMAT = "pii-guard/identity/v1"
# scrypt log2(N) for the key file: age's default. Tests lower it (a seam, like age's).
KEY_FILE_WORK_FACTOR = DEFAULT_WORK_FACTOR
_INIT_HINT = "run `pii-guard keys init --name NAME --email EMAIL`"


class StoreKind(StrEnum):
    AUTO = "auto"
    KEYRING = "keyring"
    FILE = "file"


# --- where things live ------------------------------------------------------


def identity_file() -> Path:
    return config_dir() / "identity.json"


def key_file() -> Path:
    return data_dir() / "keys" / "user-keys.age"


def signers_file() -> Path:
    return config_dir() / "allowed_signers"


def revocations_file() -> Path:
    return config_dir() / "revoked.json"


def trusted_signers() -> AllowedSigners:
    """The signers verify trusts (OpenSSH allowed_signers); `keys init` adds your own."""
    return AllowedSigners.load(signers_file())


def revocations() -> RevocationList:
    """Revoked signing keys with their revocation times, consulted by verify (R6)."""
    return RevocationList.load(revocations_file())


# --- the public record -------------------------------------------------------


@dataclass(frozen=True)
class RetiredKey:
    fingerprint: str
    ssh_public_key: str
    age_recipient: str
    created: datetime
    retired: datetime
    reason: str  # "rotated" | "revoked"


@dataclass(frozen=True)
class IdentityRecord:
    """What anyone may know about the user's keys; stored in identity.json."""

    name: str
    email: str
    created: datetime
    fingerprint: str
    ssh_public_key: str
    age_recipient: str
    store: StoreKind
    keyring_account: str | None = None
    revoked_at: datetime | None = None
    history: tuple[RetiredKey, ...] = field(default=())

    def to_json(self) -> str:
        def key(k: RetiredKey) -> dict[str, str]:
            return {
                "fingerprint": k.fingerprint,
                "ssh_public_key": k.ssh_public_key,
                "age_recipient": k.age_recipient,
                "created": k.created.isoformat(),
                "retired": k.retired.isoformat(),
                "reason": k.reason,
            }

        document = {
            "format": _IDENTITY_FORMAT,
            "name": self.name,
            "email": self.email,
            "created": self.created.isoformat(),
            "fingerprint": self.fingerprint,
            "ssh_public_key": self.ssh_public_key,
            "age_recipient": self.age_recipient,
            "store": self.store.value,
            "keyring_account": self.keyring_account,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "history": [key(k) for k in self.history],
        }
        return json.dumps(document, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str) -> IdentityRecord:
        try:
            d = json.loads(text)
            if d.get("format") != _IDENTITY_FORMAT:
                raise ValueError("unknown format")
            return cls(
                name=d["name"],
                email=d["email"],
                created=datetime.fromisoformat(d["created"]),
                fingerprint=d["fingerprint"],
                ssh_public_key=d["ssh_public_key"],
                age_recipient=d["age_recipient"],
                store=StoreKind(d["store"]),
                keyring_account=d.get("keyring_account"),
                revoked_at=datetime.fromisoformat(d["revoked_at"]) if d.get("revoked_at") else None,
                history=tuple(
                    RetiredKey(
                        k["fingerprint"],
                        k["ssh_public_key"],
                        k["age_recipient"],
                        datetime.fromisoformat(k["created"]),
                        datetime.fromisoformat(k["retired"]),
                        k["reason"],
                    )
                    for k in d.get("history", [])
                ),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise PiiGuardError(
                f"{source}: damaged key record ({error})", hint="restore it from a backup"
            ) from None


def read_record() -> IdentityRecord | None:
    path = identity_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise PiiGuardError(f"{path}: cannot read key record: {error}") from None
    return IdentityRecord.from_json(text, str(path))


def require_record() -> IdentityRecord:
    found = read_record()
    if found is None:
        raise PiiGuardError("you have no pii-guard keys yet", hint=_INIT_HINT)
    return found


def _write_record(rec: IdentityRecord) -> None:
    ensure_private_dir(config_dir())
    atomic_write_text(identity_file(), rec.to_json(), mode=0o600)


# --- passphrases --------------------------------------------------------------


def read_passphrase_file(path: Path) -> str:
    """The first line of `path`, without its line end (as restic and borg read them)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PiiGuardError(f"{path}: cannot read passphrase file: {error.strerror}") from None
    except UnicodeDecodeError:
        raise PiiGuardError(f"{path}: passphrase file is not UTF-8 text") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise PiiGuardError(f"{path}: passphrase file is empty")
    return lines[0]


def obtain_passphrase(
    *, passphrase_file: Path | None = None, confirm: bool = False, purpose: str = "passphrase"
) -> str:
    """From --passphrase-file, else $PII_GUARD_PASSPHRASE, else asked on the terminal."""
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise PiiGuardError(
            f"a {purpose} is needed and there is no terminal to ask on",
            hint=f"use --passphrase-file FILE or set {PASSPHRASE_ENV}",
        )
    first = getpass.getpass(f"pii-guard: {purpose}: ")
    if confirm and getpass.getpass(f"pii-guard: {purpose} again: ") != first:
        raise PiiGuardError("the two passphrases differ", hint="run the command again")
    if not first:
        raise PiiGuardError("an empty passphrase is not allowed")
    return first


# --- unlock cache (R5) ----------------------------------------------------------


class UnlockCache:
    """Keeps unlocked keys in this process until they sit idle too long."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._entries: dict[str, tuple[UserKeys, float]] = {}

    def get(self, fingerprint: str, idle_minutes: int) -> UserKeys | None:
        entry = self._entries.get(fingerprint)
        if entry is None:
            return None
        keys, last_used = entry
        now = self.clock()
        if now - last_used > idle_minutes * 60:
            del self._entries[fingerprint]
            return None
        self._entries[fingerprint] = (keys, now)
        return keys

    def put(self, keys: UserKeys) -> None:
        self._entries[keys.fingerprint] = (keys, self.clock())

    def clear(self) -> None:
        self._entries.clear()


UNLOCKED = UnlockCache()


# --- creating, loading, rotating, revoking --------------------------------------------


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def _choose_store(kind: StoreKind) -> StoreKind:
    if kind is StoreKind.AUTO:
        return StoreKind.KEYRING if keyring_available() else StoreKind.FILE
    if kind is StoreKind.KEYRING and not keyring_available():
        raise PiiGuardError(
            "this machine has no usable OS keyring", hint="use --store file (passphrase-protected)"
        )
    return kind


def _save_private(
    policy: Policy, keys: UserKeys, kind: StoreKind, passphrase: Callable[[], str]
) -> str | None:
    """Store the bundle; returns the keyring account used, if any."""
    if kind is StoreKind.KEYRING:
        account = f"user-keys/{keys.fingerprint}"
        try:
            KeyringStore(account).save(keys.to_bundle())
        except KeyStoreError as error:
            raise PiiGuardError(
                str(error), hint="unlock your OS keyring, or use --store file"
            ) from None
        return account
    secret = passphrase()
    policy.require_passphrase(secret)
    ensure_private_dir(data_dir())
    ensure_private_dir(key_file().parent)
    PassphraseFileStore(key_file(), work_factor=KEY_FILE_WORK_FACTOR).save(keys.to_bundle(), secret)
    return None


def _trust_own_key(keys: UserKeys) -> None:
    store = trusted_signers()
    store.add(keys.email, keys.public_key, namespaces=[RELEASE_NAMESPACE])
    store.save(signers_file())


def _record_for(keys: UserKeys, kind: StoreKind, account: str | None) -> IdentityRecord:
    return IdentityRecord(
        name=keys.name,
        email=keys.email,
        created=keys.created,
        fingerprint=keys.fingerprint,
        ssh_public_key=public_ssh_line(keys.public_key),
        age_recipient=str(keys.recipient),
        store=kind,
        keyring_account=account,
    )


def init_keys(
    policy: Policy,
    name: str,
    email: str,
    *,
    store: StoreKind = StoreKind.AUTO,
    passphrase: Callable[[], str] | None = None,
    now: datetime | None = None,
) -> tuple[UserKeys, IdentityRecord]:
    """Create the user's signing key and age identity; refuses to replace existing keys."""
    if read_record() is not None:
        raise PiiGuardError(
            "you already have pii-guard keys", hint="use `pii-guard keys rotate` to replace them"
        )
    try:
        allowed_signers_line(email, Ed25519PrivateKey.generate().public_key())
    except KeyFormatError:
        raise PiiGuardError(
            f"{email!r} cannot be a signer name (no spaces, commas or quotes)"
        ) from None
    if not name.strip():
        raise PiiGuardError("a name is needed")
    keys = UserKeys(
        name=name.strip(),
        email=email,
        created=_now(now),
        signing_key=Ed25519PrivateKey.generate(),
        age_identity=X25519Identity.generate(),
    )
    kind = _choose_store(store)
    ask = passphrase or (lambda: obtain_passphrase(confirm=True, purpose="new passphrase"))
    account = _save_private(policy, keys, kind, ask)
    rec = _record_for(keys, kind, account)
    _write_record(rec)
    _trust_own_key(keys)
    record(
        EventType.KEY_CREATED,
        {"fingerprint": keys.fingerprint, "principal": email, "store": kind.value,
         "age_recipient": str(keys.recipient)},
    )  # fmt: skip
    return keys, rec


def load_user_keys(
    policy: Policy,
    *,
    passphrase: str | None = None,
    passphrase_file: Path | None = None,
    cache: UnlockCache | None = None,
) -> UserKeys:
    """The user's private keys, from the keyring or the passphrase file.

    Raises PiiGuardError with a hint when there are none, when they were
    revoked, or when the passphrase is wrong.
    """
    rec = require_record()
    if rec.revoked_at is not None:
        raise PiiGuardError(
            f"your key {rec.fingerprint} was revoked at {rec.revoked_at.isoformat()}",
            hint="ask ICTS for new access, then run `pii-guard keys init` again",
        )
    cache = cache if cache is not None else UNLOCKED
    try:
        if rec.store is StoreKind.KEYRING:
            bundle = KeyringStore(rec.keyring_account or "").load()
        else:
            cached = cache.get(rec.fingerprint, policy.keys.idle_unlock_minutes)
            if cached is not None:
                return cached
            secret = passphrase or obtain_passphrase(passphrase_file=passphrase_file)
            bundle = PassphraseFileStore(key_file()).load(secret)
        keys = UserKeys.from_bundle(bundle)
    except WrongPassphraseError as error:
        raise PiiGuardError(str(error), hint="check the passphrase (or its file)") from None
    except (KeyStoreError, KeyFormatError) as error:
        raise PiiGuardError(str(error), hint="restore your keys, or revoke and re-init") from None
    if keys.fingerprint != rec.fingerprint:
        raise PiiGuardError("the stored private key does not match identity.json")
    if rec.store is StoreKind.FILE:
        cache.put(keys)
    return keys


def key_age_warning(policy: Policy, rec: IdentityRecord, now: datetime | None = None) -> str | None:
    """A warning once the key is older than the policy allows (R5: change every 6 months)."""
    age = _now(now) - rec.created
    limit = policy.keys.max_key_age_days
    if age.days > limit:
        return (
            f"your key is {age.days} days old; the policy allows {limit} days: "
            "run `pii-guard keys rotate`"
        )
    return None


def rotate_keys(
    policy: Policy,
    *,
    passphrase: str | None = None,
    passphrase_file: Path | None = None,
    new_passphrase: Callable[[], str] | None = None,
    now: datetime | None = None,
) -> tuple[IdentityRecord, IdentityRecord]:
    """Replace both keys; the old age identity is kept so older releases still open."""
    old = require_record()
    current = load_user_keys(policy, passphrase=passphrase, passphrase_file=passphrase_file)
    when = _now(now)
    keys = UserKeys(
        name=current.name,
        email=current.email,
        created=when,
        signing_key=Ed25519PrivateKey.generate(),
        age_identity=X25519Identity.generate(),
        previous_age_identities=(current.age_identity, *current.previous_age_identities),
    )
    if new_passphrase is None:

        def new_passphrase() -> str:
            if passphrase or passphrase_file or os.environ.get(PASSPHRASE_ENV):
                return passphrase or obtain_passphrase(passphrase_file=passphrase_file)
            return obtain_passphrase(confirm=True, purpose="new passphrase")

    account = _save_private(policy, keys, old.store, new_passphrase)
    if old.store is StoreKind.KEYRING and old.keyring_account and old.keyring_account != account:
        KeyringStore(old.keyring_account).delete()
    retired = RetiredKey(old.fingerprint, old.ssh_public_key, old.age_recipient, old.created,
                         when, "rotated")  # fmt: skip
    new = replace(_record_for(keys, old.store, account), history=(*old.history, retired))
    _write_record(new)
    _trust_own_key(keys)
    UNLOCKED.clear()
    record(
        EventType.KEY_ROTATED,
        {"old_fingerprint": old.fingerprint, "fingerprint": new.fingerprint,
         "principal": new.email, "age_recipient": new.age_recipient},
    )  # fmt: skip
    return old, new


def revoke_key(
    fingerprint: str | None = None, *, reason: str = "", now: datetime | None = None
) -> Revocation:
    """Revoke a signing key from `now` on (R6); your own key's private parts are destroyed."""
    when = _now(now)
    own = read_record()
    target = fingerprint or (own.fingerprint if own else None)
    if target is None:
        raise PiiGuardError("no key to revoke", hint="name the key's SHA256:... fingerprint")
    if not target.startswith("SHA256:"):
        raise PiiGuardError(f"{target!r} is not a key fingerprint (SHA256:...)")
    listed = revocations()
    revocation = listed.revoke(target, when, reason)
    listed.save(revocations_file())
    if own is not None and own.fingerprint == target and own.revoked_at is None:
        if own.store is StoreKind.KEYRING and own.keyring_account:
            KeyringStore(own.keyring_account).delete()
        else:
            PassphraseFileStore(key_file()).delete()
        _write_record(replace(own, revoked_at=revocation.revoked_at))
        UNLOCKED.clear()
    record(
        EventType.KEY_REVOKED,
        {"fingerprint": target, "revoked_at": revocation.revoked_at.isoformat(),
         "reason": reason, "own_key": bool(own and own.fingerprint == target)},
    )  # fmt: skip
    return revocation
