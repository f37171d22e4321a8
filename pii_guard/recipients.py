"""The third parties staff may send releases to (rule R1), by short name.

A registry file in the config folder, written atomically. Every age key is
validated when added, so a typo fails here and not at release time.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from pii_guard.errors import PiiGuardError
from pii_guard.paths import config_dir
from transport.age import X25519Recipient
from transport.atomic import atomic_write_text
from transport.errors import KeyFormatError

_FORMAT = "pii-guard/recipients/v1"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def registry_file() -> Path:
    return config_dir() / "recipients.json"


@dataclass(frozen=True, slots=True)
class RecipientEntry:
    name: str
    org: str
    age_key: str
    added: str = ""  # ISO time, for the record

    @property
    def recipient(self) -> X25519Recipient:
        return X25519Recipient.parse(self.age_key)


class Registry:
    """Recipients by name; load, query, change, save."""

    def __init__(self, entries: dict[str, RecipientEntry], path: Path) -> None:
        self._entries = dict(entries)
        self.path = path

    @classmethod
    def load(cls, path: Path | None = None) -> Registry:
        path = path or registry_file()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls({}, path)
        except (OSError, UnicodeDecodeError) as error:
            raise PiiGuardError(f"{path}: cannot read recipient registry: {error}") from None
        try:
            document = json.loads(text)
            if document.get("format") != _FORMAT:
                raise ValueError("not a pii-guard recipient registry")
            entries = {
                item["name"]: RecipientEntry(
                    item["name"], item["org"], item["age_key"], item.get("added", "")
                )
                for item in document["recipients"]
            }
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise PiiGuardError(
                f"{path}: damaged recipient registry ({error})", hint="restore it from a backup"
            ) from None
        return cls(entries, path)

    def save(self) -> None:
        document = {"format": _FORMAT, "recipients": [asdict(e) for e in self.list()]}
        atomic_write_text(self.path, json.dumps(document, indent=2, sort_keys=True) + "\n")

    def list(self) -> tuple[RecipientEntry, ...]:
        return tuple(sorted(self._entries.values(), key=lambda e: e.name.lower()))

    def get(self, name: str) -> RecipientEntry:
        try:
            return self._entries[name]
        except KeyError:
            raise PiiGuardError(
                f"unknown recipient {name!r}: not in the recipient registry",
                hint=f"`pii-guard recipients add {name} --age-key age1... --org ORG` "
                "(only recipients the district has approved)",
            ) from None

    def add(self, name: str, age_key: str, org: str, *, replace: bool = False) -> RecipientEntry:
        if _NAME.fullmatch(name) is None:
            raise PiiGuardError(
                f"recipient name {name!r} must be 1-64 letters, digits, '.', '_' or '-'"
            )
        if not org.strip():
            raise PiiGuardError("the recipient's organisation (--org) is needed")
        try:
            key = str(X25519Recipient.parse(age_key))
        except KeyFormatError as error:
            raise PiiGuardError(f"recipient {name!r}: {error}") from None
        if name in self._entries and not replace:
            raise PiiGuardError(
                f"recipient {name!r} already exists", hint="remove it first, or use --replace"
            )
        entry = RecipientEntry(
            name, org.strip(), key, datetime.now(UTC).isoformat(timespec="seconds")
        )
        self._entries[name] = entry
        return entry

    def remove(self, name: str) -> RecipientEntry:
        entry = self.get(name)
        del self._entries[name]
        return entry
