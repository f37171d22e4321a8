"""Set up a sender's keys and a recipient in the isolated PII_GUARD_HOME."""

from __future__ import annotations

import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from pii_guard.paths import config_dir
from pii_guard.recipients import RecipientEntry, Registry
from transport.age import X25519Identity
from transport.trust import allowed_signers_line

SENDER_EMAIL = "registrar@cps.example"


def make_sender() -> None:
    key = Ed25519PrivateKey.generate()
    identity = X25519Identity.generate()
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "stub-keys.json").write_text(
        json.dumps(
            {
                "name": "Registrar",
                "email": SENDER_EMAIL,
                "signing": key.private_bytes(
                    Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption()
                ).decode(),
                "identity": str(identity),
            }
        )
    )
    (config_dir() / "allowed_signers").write_text(
        allowed_signers_line(SENDER_EMAIL, key.public_key()) + "\n"
    )


def make_recipient(tmp: Path, name: str) -> Path:
    identity = X25519Identity.generate()
    Registry.load().add(RecipientEntry(name, "Middlesex Superior Court", str(identity.recipient)))
    path = tmp / f"{name}.key"
    path.write_text(f"{identity}\n")
    return path
