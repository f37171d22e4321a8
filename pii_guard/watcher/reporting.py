"""Every block and every audit-only finding goes to the audit log as an incident (R4).

Paths may themselves name a student, so they are stored as the policy's
`audit.path_privacy` says; counts of what was found, never the values.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pii_guard.audit import EventType, record, redact_path
from pii_guard.watcher.ports import Classification, Placement
from pii_guard.watcher.vault import VaultRecord


def audit_blocked(entry: VaultRecord, privacy: str) -> None:
    record(
        EventType.WATCHER_BLOCKED,
        {
            "quarantine_id": entry.id,
            "path": redact_path(entry.original_path, privacy),
            "sha256": entry.sha256,
            "size": entry.size,
            "classes": list(entry.blocking_classes),
            "entity_counts": dict(entry.entity_counts),
            "rule": entry.rule_id,
            "user": entry.user,
            "host": entry.host,
        },
    )


def audit_observed(
    path: Path, placement: Placement, classification: Classification, privacy: str
) -> None:
    counts: Mapping[str, int] = classification.entity_counts
    record(
        EventType.WATCHER_AUDITED,
        {
            "path": redact_path(str(path), privacy),
            "sha256": classification.sha256,
            "classes": list(classification.blocking),
            "entity_counts": dict(counts),
            "rule": placement.rule_id,
            "action": placement.action,
        },
    )
