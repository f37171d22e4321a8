"""The one loader for the C2SP age test vectors (shared/data/age-testkit/testdata).

A vector is data: its header says what to expect; this module only reads it.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from transport.age import Identity, ScryptIdentity, X25519Identity
from transport.errors import (
    ArmorError,
    DecryptionError,
    HeaderError,
    HeaderMACError,
    KeyFormatError,
    NoIdentityMatchError,
    PayloadError,
)

# The testkit's `expect` values and the error each must raise.
EXPECTED_ERRORS: dict[str, type[DecryptionError]] = {
    "no match": NoIdentityMatchError,
    "HMAC failure": HeaderMACError,
    "header failure": HeaderError,
    "payload failure": PayloadError,
    "armor failure": ArmorError,
}


@dataclass(frozen=True)
class Vector:
    name: str
    expect: str
    payload_sha256: str | None
    identities: tuple[str, ...]
    passphrases: tuple[str, ...]
    armored: bool
    body: bytes

    def our_identities(self) -> list[Identity]:
        """Identities in our types; KeyFormatError for kinds we do not implement."""
        found: list[Identity] = [X25519Identity.parse(i) for i in self.identities]
        found += [ScryptIdentity(p) for p in self.passphrases]
        return found

    @property
    def supported(self) -> bool:
        try:
            self.our_identities()
        except KeyFormatError:
            return False
        return True


def load_vector(path: Path) -> Vector:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode("utf-8").split("\n"):
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return Vector(
        name=path.name,
        expect=fields["expect"][0],
        payload_sha256=fields.get("payload", [None])[0],
        identities=tuple(fields.get("identity", [])),
        passphrases=tuple(fields.get("passphrase", [])),
        armored=fields.get("armored") == ["yes"],
        body=body,
    )


def load_vectors(directory: Path) -> list[Vector]:
    return [load_vector(p) for p in sorted(directory.iterdir()) if p.is_file()]
