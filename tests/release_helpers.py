"""Builders shared by the release tests: keys, records, manifests and raw packages."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from transport import age, sshsig
from transport._tar import END_OF_ARCHIVE, file_header, padding
from transport.bagit import PayloadFile
from transport.keys import ssh_fingerprint
from transport.manifest import FileEntry, LegalBasis, Manifest, PolicyRef, Recipient, Sender
from transport.package import NAMESPACE
from transport.trust import AllowedSigners, RevocationList, allowed_signers_line

SENDER_EMAIL = "registrar@cps.example"
CREATED = datetime(2026, 11, 30, 12, 0, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 1, 9, 0, 0, tzinfo=UTC)


@dataclass
class Party:
    signing_key: Ed25519PrivateKey
    identity: age.X25519Identity
    signers_file: Path
    identity_file: Path

    @property
    def signers(self) -> AllowedSigners:
        return AllowedSigners.load(self.signers_file)

    @property
    def fingerprint(self) -> str:
        return ssh_fingerprint(self.signing_key.public_key())


def make_party(tmp: Path) -> Party:
    tmp.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    identity = age.X25519Identity.generate()
    signers = tmp / "allowed_signers"
    signers.write_text(allowed_signers_line(SENDER_EMAIL, key.public_key()) + "\n")
    identity_file = tmp / "identity.txt"
    identity_file.write_text(f"# test identity\n{identity}\n")
    identity_file.chmod(0o600)
    return Party(key, identity, signers, identity_file)


def digest(path: Path) -> tuple[int, str]:
    data = path.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


def write_records(tmp: Path) -> tuple[list[Path], Path]:
    src = tmp / "records"
    src.mkdir(parents=True)
    roster = src / "roster.csv"
    roster.write_text("Student ID,Last Name,First Name,DOB\n204118,Okafor,Chidera,2012-03-14\n")
    iep = src / "Maria_Gonzalez_IEP.txt"
    iep.write_text("IEP progress note for Maria Gonzalez, SASID 1048839201\n" * 40)
    subpoena = tmp / "subpoena.txt"
    subpoena.write_text("SUBPOENA DUCES TECUM, Civil Action No. 2026-CV-0417\n")
    return [roster, iep], subpoena


def manifest_for(
    records: list[Path], documents: list[Path], party: Party, *, destroy_by: date = date(2027, 6, 1)
) -> tuple[Manifest, list[PayloadFile]]:
    files = []
    contents = []
    for path in records:
        size, sha = digest(path)
        masked = "Gonzalez" in path.name
        name = "*****_******ez_IEP.txt" if masked else path.name
        files.append(FileEntry(name, masked, size, sha, ("ferpa-student-record",), {"PERSON": 1}))
        contents.append(PayloadFile(f"records/{path.name}", path, size, sha))
    docs = []
    for path in documents:
        size, sha = digest(path)
        docs.append(FileEntry(path.name, False, size, sha))
        contents.append(PayloadFile(f"legal-basis/{path.name}", path, size, sha))
    manifest = Manifest(
        release_id="5f0c2b1e-8d7a-4c3b-9e2f-1a2b3c4d5e6f",
        created=CREATED,
        sender=Sender("Registrar", SENDER_EMAIL, party.fingerprint),
        recipients=(Recipient("middlesex-da", "Middlesex DA", str(party.identity.recipient)),),
        legal_basis=LegalBasis(
            "subpoena",
            {
                "reference": "2026-CV-0417",
                "issuing_authority": "Middlesex Superior Court",
                "date_issued": "2026-11-20",
            },
            tuple(docs),
        ),
        purpose="Attendance and enrollment records under subpoena",
        classes=("ferpa-student-record",),
        entities={"PERSON": len(records)},
        files=tuple(files),
        destroy_by=destroy_by,
        policy=PolicyRef("cambridge", "2024-01-25", "a" * 64),
        tool_version="0.1.0",
    )
    return manifest, contents


def tar_members(members: list[tuple[str, bytes]], mtime: int = 1_700_000_000) -> bytes:
    parts = []
    for name, data in members:
        parts += [file_header(name, len(data), mtime, pax=False), data, padding(len(data))]
    return b"".join(parts) + END_OF_ARCHIVE


def read_members(raw: bytes) -> dict[str, bytes]:
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        out = {}
        for info in archive.getmembers():
            handle = archive.extractfile(info)
            assert handle is not None
            out[info.name] = handle.read()
        return out


def signed_package(manifest_bytes: bytes, payload: bytes, key: Ed25519PrivateKey) -> bytes:
    signature = sshsig.sign(manifest_bytes, key, NAMESPACE).encode()
    return tar_members(
        [
            ("payload.age", payload),
            ("manifest.json", manifest_bytes),
            ("manifest.json.sig", signature),
        ]
    )


def encrypt_bytes(data: bytes, recipient: age.X25519Recipient) -> bytes:
    out = io.BytesIO()
    age.encrypt(io.BytesIO(data), out, [recipient])
    return out.getvalue()


__all__ = ["NOW", "RevocationList"]
