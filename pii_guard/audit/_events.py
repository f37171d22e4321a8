"""The event vocabulary: stable strings stored in every log entry."""

from __future__ import annotations

from enum import StrEnum


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
    # Written by the log itself: a torn last line (crash mid-write) was set aside.
    AUDIT_RECOVERED = "audit.recovered"
