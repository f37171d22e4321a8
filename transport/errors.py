"""Errors raised by the transport library (import-light).

Callers catch the base they can act on: `TransportError` for anything, and
`VerificationError` for "the data is not what it claims" (the CLI exits 1 on
those). A failed decryption raises one `DecryptionError`; its subclasses say
only which stage of the age format refused the file (the kinds the C2SP test
vectors name), never which byte or which check inside that stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime


class TransportError(Exception):
    """Base of every error transport raises for bad input, keys or packages."""


class VerificationError(TransportError):
    """A signature, MAC, hash or package check failed: the data is not what it claims."""


# --- keys -----------------------------------------------------------------


class KeyFormatError(TransportError):
    """A key, recipient or identity string that does not parse."""


class KeyStoreError(TransportError):
    """Private keys cannot be stored or loaded (no backend, unreadable file, ...)."""


class WrongPassphraseError(KeyStoreError):
    """The passphrase does not open the passphrase-protected key file."""


# --- age ------------------------------------------------------------------


class EncryptionError(TransportError):
    """The recipients given cannot be used together (e.g. scrypt mixed with others)."""


class DecryptionError(VerificationError):
    """The one error a failed age decryption raises; subclasses name the stage only."""


class HeaderError(DecryptionError):
    """The age header is malformed (C2SP expect: "header failure")."""


class NoIdentityMatchError(DecryptionError):
    """No identity given opens any recipient stanza (C2SP expect: "no match")."""

    def __init__(
        self,
        message: str = "no identity matched any of the file's recipients",
        errors: Sequence[Exception] = (),
    ) -> None:
        super().__init__(message)
        self.errors = tuple(errors)


class HeaderMACError(DecryptionError):
    """A file key unwrapped but the header MAC is wrong (C2SP expect: "HMAC failure")."""


class PayloadError(DecryptionError):
    """The encrypted payload is damaged, truncated or extended (C2SP: "payload failure")."""


class ArmorError(DecryptionError):
    """The ASCII armor around an age file is malformed (C2SP expect: "armor failure")."""


# --- signatures and trust ------------------------------------------------


class SignatureError(VerificationError):
    """An SSHSIG signature that is malformed, for another namespace, or does not verify."""


class KeyRevokedError(VerificationError):
    """The signing key had been revoked before the signature was made (rule R6)."""

    def __init__(self, fingerprint: str, revoked_at: datetime, signed_at: datetime) -> None:
        super().__init__(
            f"signing key {fingerprint} was revoked at {revoked_at.isoformat()}, "
            f"before the signature was made at {signed_at.isoformat()}"
        )
        self.fingerprint = fingerprint
        self.revoked_at = revoked_at
        self.signed_at = signed_at


class TrustFileError(TransportError):
    """An allowed_signers or revocation file that cannot be read as such."""
