"""Who may sign releases, and which keys were revoked when (rule R6).

The trust store is OpenSSH's `allowed_signers` format (ssh-keygen(1), "ALLOWED
SIGNERS"), so the same file works with `ssh-keygen -Y verify -f`. Revocations
are a small JSON list of fingerprints with the time each was revoked: a
signature made at or after that time is rejected, older ones stay valid.
"""

from __future__ import annotations

import base64
import binascii
import fnmatch
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from transport.atomic import atomic_write_text
from transport.errors import KeyFormatError, KeyRevokedError, TrustFileError
from transport.keys import ED25519_TYPE, public_key_blob, public_ssh_line

_KEY_TYPE = re.compile(r"(ssh-|ecdsa-|sk-|rsa-)[A-Za-z0-9@.\-]+")
_TOKEN = re.compile(r'(?:[^\s"]|"[^"]*")+')
_TIME = re.compile(r"(\d{8})(\d{4}(\d{2})?)?(Z?)")
_PRINCIPAL = re.compile(r"[^\s,\"]+")


@dataclass(frozen=True, slots=True)
class SignerEntry:
    """One allowed_signers line we understand."""

    principals: tuple[str, ...]
    key_type: str
    key_blob: bytes
    namespaces: tuple[str, ...] | None
    valid_after: datetime | None
    valid_before: datetime | None
    cert_authority: bool

    def allows(self, namespace: str | None, at: datetime | None) -> bool:
        if self.cert_authority:
            return False  # certificates are not supported: never match a plain key
        if (
            namespace is not None
            and self.namespaces is not None
            and not any(fnmatch.fnmatchcase(namespace, p) for p in self.namespaces)
        ):
            return False
        if at is not None:
            if self.valid_after is not None and at < self.valid_after:
                return False
            if self.valid_before is not None and at >= self.valid_before:
                return False
        return True


def _parse_time(value: str, where: str) -> datetime:
    match = _TIME.fullmatch(value)
    if match is None:
        raise TrustFileError(f"{where}: bad time {value!r} (YYYYMMDD[HHMM[SS]][Z])")
    digits = match.group(1) + (match.group(2) or "0000")
    digits += "" if match.group(3) else "00"
    try:
        moment = datetime.strptime(digits, "%Y%m%d%H%M%S")
    except ValueError:
        raise TrustFileError(f"{where}: bad time {value!r}") from None
    return moment.replace(tzinfo=UTC) if match.group(4) else moment.astimezone()


def _parse_options(text: str, where: str) -> dict[str, str | None]:
    options: dict[str, str | None] = {}
    for item in re.findall(r'(?:[^,"]|"[^"]*")+', text):
        name, eq, value = item.partition("=")
        if eq:
            if not (value.startswith('"') and value.endswith('"') and len(value) >= 2):
                raise TrustFileError(f"{where}: option {name} needs a quoted value")
            options[name.lower()] = value[1:-1]
        else:
            options[name.lower()] = None
    return options


def _parse_line(line: str, where: str) -> SignerEntry:
    tokens = _TOKEN.findall(line)
    if len(tokens) < 3:
        raise TrustFileError(f"{where}: expected 'principals [options] keytype key'")
    principals = tuple(p for p in tokens[0].strip('"').split(",") if p)
    rest = tokens[1:]
    options: dict[str, str | None] = {}
    if _KEY_TYPE.fullmatch(rest[0]) is None:
        options = _parse_options(rest[0], where)
        rest = rest[1:]
    if len(rest) < 2 or _KEY_TYPE.fullmatch(rest[0]) is None:
        raise TrustFileError(f"{where}: expected a key type and key")
    unknown = set(options) - {"cert-authority", "namespaces", "valid-after", "valid-before"}
    if unknown:
        raise TrustFileError(f"{where}: unknown option {sorted(unknown)[0]}")
    try:
        blob = base64.b64decode(rest[1], validate=True)
    except (binascii.Error, ValueError):
        raise TrustFileError(f"{where}: key is not base64") from None
    namespaces = options.get("namespaces")
    after = options.get("valid-after")
    before = options.get("valid-before")
    return SignerEntry(
        principals=principals,
        key_type=rest[0],
        key_blob=blob,
        namespaces=tuple(namespaces.split(",")) if namespaces is not None else None,
        valid_after=_parse_time(after, where) if after else None,
        valid_before=_parse_time(before, where) if before else None,
        cert_authority="cert-authority" in options,
    )


class AllowedSigners:
    """An allowed_signers file: parse, query, extend, write (comments are kept)."""

    def __init__(self, lines: Sequence[str] = (), entries: Sequence[SignerEntry] = ()) -> None:
        self._lines = list(lines)
        self._entries = list(entries)

    @classmethod
    def parse(cls, text: str, source: str = "allowed_signers") -> AllowedSigners:
        lines = text.splitlines()
        entries: list[SignerEntry] = []
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            entries.append(_parse_line(stripped, f"{source}:{number}"))
        return cls(lines, entries)

    @classmethod
    def load(cls, path: Path) -> AllowedSigners:
        """The file's signers; a missing file is an empty trust store."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError) as error:
            raise TrustFileError(f"{path}: cannot read trust store: {error}") from None
        return cls.parse(text, str(path))

    @property
    def entries(self) -> tuple[SignerEntry, ...]:
        return tuple(self._entries)

    def principals_for(
        self, key: Ed25519PublicKey, *, namespace: str | None = None, at: datetime | None = None
    ) -> tuple[str, ...]:
        """Principals trusted with `key` (for `namespace` at time `at`, when given)."""
        blob = public_key_blob(key)
        found: list[str] = []
        for entry in self._entries:
            if (
                entry.key_type == ED25519_TYPE
                and entry.key_blob == blob
                and entry.allows(namespace, at)
            ):
                found.extend(p for p in entry.principals if p not in found)
        return tuple(found)

    def add(self, principal: str, key: Ed25519PublicKey, *, namespaces: Sequence[str] = ()) -> None:
        line = allowed_signers_line(principal, key, namespaces=namespaces)
        if line in self._lines:
            return
        self._lines.append(line)
        self._entries.append(_parse_line(line, "new entry"))

    def text(self) -> str:
        return "".join(line + "\n" for line in self._lines)

    def save(self, path: Path) -> None:
        atomic_write_text(path, self.text(), mode=0o644)


def allowed_signers_line(
    principal: str, key: Ed25519PublicKey, *, namespaces: Sequence[str] = ()
) -> str:
    """One allowed_signers line for `key`, optionally restricted to `namespaces`."""
    if _PRINCIPAL.fullmatch(principal) is None:
        raise KeyFormatError(f"principal {principal!r} must not contain spaces, commas or quotes")
    options = ""
    if namespaces:
        if any(_PRINCIPAL.fullmatch(n) is None for n in namespaces):
            raise KeyFormatError("namespaces must not contain spaces, commas or quotes")
        options = f' namespaces="{",".join(namespaces)}"'
    return f"{principal}{options} {public_ssh_line(key)}"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Revocation:
    fingerprint: str
    revoked_at: datetime
    reason: str


_REVOCATIONS_FORMAT = "pii-guard/revocations/v1"


class RevocationList:
    """Revoked signing keys by fingerprint, with the time each was revoked."""

    def __init__(self, revocations: Sequence[Revocation] = ()) -> None:
        self._by_fingerprint = {r.fingerprint: r for r in revocations}

    @classmethod
    def parse(cls, text: str, source: str = "revocations") -> RevocationList:
        try:
            document = json.loads(text)
            if document.get("format") != _REVOCATIONS_FORMAT:
                raise TrustFileError(f"{source}: not a pii-guard revocation list")
            return cls(
                [
                    Revocation(
                        str(item["fingerprint"]),
                        _aware(datetime.fromisoformat(item["revoked_at"])),
                        str(item.get("reason", "")),
                    )
                    for item in document["revoked"]
                ]
            )
        except TrustFileError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise TrustFileError(f"{source}: damaged revocation list ({error})") from None

    @classmethod
    def load(cls, path: Path) -> RevocationList:
        """The list in `path`; a missing file means nothing is revoked."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError) as error:
            raise TrustFileError(f"{path}: cannot read revocation list: {error}") from None
        return cls.parse(text, str(path))

    def save(self, path: Path) -> None:
        document = {
            "format": _REVOCATIONS_FORMAT,
            "revoked": [
                {
                    "fingerprint": r.fingerprint,
                    "revoked_at": r.revoked_at.isoformat(),
                    "reason": r.reason,
                }
                for r in sorted(self._by_fingerprint.values(), key=lambda r: r.revoked_at)
            ],
        }
        atomic_write_text(path, json.dumps(document, indent=2, sort_keys=True) + "\n", mode=0o644)

    def revoke(self, fingerprint: str, when: datetime, reason: str = "") -> Revocation:
        """Record a revocation; an earlier existing revocation time is kept."""
        when = _aware(when)
        existing = self._by_fingerprint.get(fingerprint)
        if existing is not None and existing.revoked_at <= when:
            return existing
        revocation = Revocation(fingerprint, when, reason)
        self._by_fingerprint[fingerprint] = revocation
        return revocation

    def revoked_at(self, fingerprint: str) -> datetime | None:
        found = self._by_fingerprint.get(fingerprint)
        return found.revoked_at if found else None

    def entries(self) -> tuple[Revocation, ...]:
        return tuple(sorted(self._by_fingerprint.values(), key=lambda r: r.revoked_at))

    def check(self, fingerprint: str, signed_at: datetime) -> None:
        """Raise KeyRevokedError if the key was revoked at or before `signed_at`."""
        revoked = self.revoked_at(fingerprint)
        signed_at = _aware(signed_at)
        if revoked is not None and revoked <= signed_at:
            raise KeyRevokedError(fingerprint, revoked, signed_at)
