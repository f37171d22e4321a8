"""The release manifest, `pii-guard/release/v1`: what was sent, to whom, on what legal basis.

The manifest is what legal staff read and what the sender signs, so it must be
byte-for-byte reproducible (canonical JSON: sorted keys, no spaces, UTF-8, no
floats) and must never carry personal information: classes and entity counts
but no values, and file names masked by the caller when the name itself names
a person. Parsing is strict; a manifest that is not canonical is refused, so
two different byte strings can never carry the same signed meaning.

A copy of the manifest travels inside the encrypted bag. It cannot hold the
payload's own digest (that would be circular), so the inner copy is the outer
manifest without its `payload` member: see `inner_bytes`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from transport.errors import TransportError

SCHEMA = "pii-guard/release/v1"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class ManifestError(TransportError):
    """A manifest that is malformed, not canonical or not of our schema."""


@dataclass(frozen=True, slots=True)
class Sender:
    name: str
    email: str
    fingerprint: str  # "SHA256:..." of the Ed25519 signing key, as ssh-keygen -l prints


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    org: str
    age_key: str


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A record or a legal-basis document; `name` is masked when the name is personal."""

    name: str
    name_masked: bool
    size: int
    sha256: str
    classes: tuple[str, ...] = ()
    entities: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LegalBasis:
    type: str
    fields: Mapping[str, str]
    documents: tuple[FileEntry, ...]


@dataclass(frozen=True, slots=True)
class PolicyRef:
    id: str
    version: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Payload:
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    release_id: str
    created: datetime  # UTC, whole seconds
    sender: Sender
    recipients: tuple[Recipient, ...]
    legal_basis: LegalBasis
    purpose: str
    classes: tuple[str, ...]
    entities: Mapping[str, int]
    files: tuple[FileEntry, ...]
    destroy_by: date
    policy: PolicyRef
    tool_version: str
    payload: Payload | None = None  # None only before the payload is written

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "schema": SCHEMA,
            "release_id": self.release_id,
            "created": self.created.astimezone(UTC).strftime(_TIME_FORMAT),
            "sender": {
                "name": self.sender.name,
                "email": self.sender.email,
                "fingerprint": self.sender.fingerprint,
            },
            "recipients": [
                {"name": r.name, "org": r.org, "age_key": r.age_key} for r in self.recipients
            ],
            "legal_basis": {
                "type": self.legal_basis.type,
                "fields": dict(self.legal_basis.fields),
                "documents": [_file_dict(d) for d in self.legal_basis.documents],
            },
            "purpose": self.purpose,
            "classes": list(self.classes),
            "entities": dict(self.entities),
            "files": [_file_dict(f) for f in self.files],
            "destroy_by": self.destroy_by.isoformat(),
            "policy": {
                "id": self.policy.id,
                "version": self.policy.version,
                "sha256": self.policy.sha256,
            },
            "tool": {"name": "pii-guard", "version": self.tool_version},
        }
        if self.payload is not None:
            body["payload"] = {"size": self.payload.size, "sha256": self.payload.sha256}
        return body

    def to_bytes(self) -> bytes:
        """The canonical bytes that are signed and stored as manifest.json."""
        if self.payload is None:
            raise ManifestError("the manifest has no payload digest yet")
        return canonical_json(self.to_dict())

    def inner_bytes(self) -> bytes:
        """The copy that travels inside the bag: everything but the payload digest."""
        body = self.to_dict()
        body.pop("payload", None)
        return canonical_json(body)


def _file_dict(entry: FileEntry) -> dict[str, Any]:
    return {
        "name": entry.name,
        "name_masked": entry.name_masked,
        "size": entry.size,
        "sha256": entry.sha256,
        "classes": list(entry.classes),
        "entities": dict(entry.entities),
    }


def canonical_json(value: object) -> bytes:
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


# --------------------------------------------------------------------------- parsing


class _Reader:
    """Typed access to a decoded JSON object; every mistake names its key path."""

    def __init__(self, value: object, where: str) -> None:
        if not isinstance(value, dict):
            raise ManifestError(f"manifest {where or 'top level'} is not an object")
        self.value: dict[str, object] = value
        self.where = where

    def _path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def keys(self, *allowed: str, optional: tuple[str, ...] = ()) -> None:
        unknown = set(self.value) - set(allowed) - set(optional)
        missing = set(allowed) - set(self.value)
        if missing:
            raise ManifestError(
                f"manifest lacks {', '.join(sorted(self._path(k) for k in missing))}"
            )
        if unknown:
            raise ManifestError(
                f"manifest has unknown {', '.join(sorted(self._path(k) for k in unknown))}"
            )

    def text(self, key: str) -> str:
        value = self.value[key]
        if not isinstance(value, str):
            raise ManifestError(f"manifest {self._path(key)} is not a string")
        return value

    def integer(self, key: str) -> int:
        value = self.value[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ManifestError(f"manifest {self._path(key)} is not a non-negative integer")
        return value

    def flag(self, key: str) -> bool:
        value = self.value[key]
        if not isinstance(value, bool):
            raise ManifestError(f"manifest {self._path(key)} is not true or false")
        return value

    def sha256(self, key: str) -> str:
        value = self.text(key)
        if not _SHA256.fullmatch(value):
            raise ManifestError(f"manifest {self._path(key)} is not a SHA-256 hex digest")
        return value

    def obj(self, key: str) -> _Reader:
        return _Reader(self.value[key], self._path(key))

    def items(self, key: str) -> list[object]:
        value = self.value[key]
        if not isinstance(value, list):
            raise ManifestError(f"manifest {self._path(key)} is not a list")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        items = self.items(key)
        if not all(isinstance(item, str) for item in items):
            raise ManifestError(f"manifest {self._path(key)} is not a list of strings")
        return tuple(str(item) for item in items)

    def str_map(self, key: str) -> dict[str, str]:
        inner = self.obj(key)
        return {k: inner.text(k) for k in inner.value}

    def count_map(self, key: str) -> dict[str, int]:
        inner = self.obj(key)
        return {k: inner.integer(k) for k in inner.value}


def _file_entry(value: object, where: str) -> FileEntry:
    reader = _Reader(value, where)
    reader.keys("name", "name_masked", "size", "sha256", "classes", "entities")
    return FileEntry(
        name=reader.text("name"),
        name_masked=reader.flag("name_masked"),
        size=reader.integer("size"),
        sha256=reader.sha256("sha256"),
        classes=reader.strings("classes"),
        entities=reader.count_map("entities"),
    )


def parse_manifest(data: bytes, *, inner: bool = False) -> Manifest:
    """Parse and check a manifest; `inner` parses the copy inside the bag (no payload).

    Raises ManifestError for anything that is not exactly what `to_bytes`
    (or `inner_bytes`) would have written.
    """
    try:
        decoded = json.loads(data.decode("utf-8"), parse_float=_no_float, parse_constant=_no_float)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ManifestError(f"manifest is not UTF-8 JSON: {error}") from error
    top = _Reader(decoded, "")
    fields = [
        *("schema", "release_id", "created", "sender", "recipients", "legal_basis"),
        *("purpose", "classes", "entities", "files", "destroy_by", "policy", "tool"),
    ]
    if inner:
        top.keys(*fields)
    else:
        top.keys(*fields, "payload")
    if top.text("schema") != SCHEMA:
        raise ManifestError(f"manifest schema is {top.text('schema')!r}, expected {SCHEMA!r}")
    try:
        created = datetime.strptime(top.text("created"), _TIME_FORMAT).replace(tzinfo=UTC)
        destroy_by = date.fromisoformat(top.text("destroy_by"))
    except ValueError as error:
        raise ManifestError(f"manifest date is malformed: {error}") from error
    sender = top.obj("sender")
    sender.keys("name", "email", "fingerprint")
    recipients = []
    for index, item in enumerate(top.items("recipients")):
        entry = _Reader(item, f"recipients[{index}]")
        entry.keys("name", "org", "age_key")
        recipients.append(Recipient(entry.text("name"), entry.text("org"), entry.text("age_key")))
    basis = top.obj("legal_basis")
    basis.keys("type", "fields", "documents")
    policy = top.obj("policy")
    policy.keys("id", "version", "sha256")
    tool = top.obj("tool")
    tool.keys("name", "version")
    if tool.text("name") != "pii-guard":
        raise ManifestError("manifest tool.name is not pii-guard")
    payload = None
    if not inner:
        pay = top.obj("payload")
        pay.keys("size", "sha256")
        payload = Payload(pay.integer("size"), pay.sha256("sha256"))
    manifest = Manifest(
        release_id=top.text("release_id"),
        created=created,
        sender=Sender(sender.text("name"), sender.text("email"), sender.text("fingerprint")),
        recipients=tuple(recipients),
        legal_basis=LegalBasis(
            type=basis.text("type"),
            fields=basis.str_map("fields"),
            documents=tuple(
                _file_entry(d, f"legal_basis.documents[{i}]")
                for i, d in enumerate(basis.items("documents"))
            ),
        ),
        purpose=top.text("purpose"),
        classes=top.strings("classes"),
        entities=top.count_map("entities"),
        files=tuple(_file_entry(f, f"files[{i}]") for i, f in enumerate(top.items("files"))),
        destroy_by=destroy_by,
        policy=PolicyRef(policy.text("id"), policy.text("version"), policy.sha256("sha256")),
        tool_version=tool.text("version"),
        payload=payload,
    )
    again = manifest.inner_bytes() if inner else manifest.to_bytes()
    if again != data:
        raise ManifestError("manifest is not in canonical form")
    return manifest


def _no_float(text: str) -> object:
    raise ManifestError(f"manifest holds a non-integer number {text!r}")
