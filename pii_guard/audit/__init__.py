"""The audit log every part of pii-guard writes through (rule R4).

Stub interface: the hash-chained, locked, verifiable log replaces the insides
of `record`; callers use only the names exported here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum

from pii_guard.paths import data_dir, ensure_private_dir


class EventType(StrEnum):
    """What happened; the values are stable strings stored in the log."""

    SCAN_FOUND = "scan.found"
    RELEASE_CREATED = "release.created"
    RELEASE_VERIFIED = "release.verified"
    RELEASE_OPENED = "release.opened"
    RELEASE_REFUSED = "release.refused"
    WATCHER_BLOCKED = "watcher.blocked"
    WATCHER_AUDITED = "watcher.audited"
    QUARANTINE_RESTORED = "quarantine.restored"
    KEY_CREATED = "key.created"
    KEY_ROTATED = "key.rotated"
    KEY_REVOKED = "key.revoked"
    POLICY_LOADED = "policy.loaded"
    POLICY_CHANGED = "policy.changed"


def redact_path(path: str, mode: str) -> str:
    """A record's path may itself name a student: store it as the policy says."""
    if mode == "plain":
        return path
    if mode == "mask":
        head, sep, name = path.rpartition("/")
        return f"{head}{sep}{'*' * len(name)}" if name else path
    return "sha256:" + hashlib.sha256(path.encode("utf-8")).hexdigest()


def record(event: EventType, details: Mapping[str, object]) -> None:
    """Append one event to the user's audit log."""
    log = ensure_private_dir(data_dir()) / "audit.jsonl"
    entry = {"time": datetime.now(UTC).isoformat(), "event": event.value, "details": dict(details)}
    with log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, sort_keys=True) + "\n")
