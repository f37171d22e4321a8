"""Every block and every audit-only finding goes to the audit log as an incident (R4).

Paths may themselves name a student, so they are stored as the policy's
`audit.path_privacy` says; counts of what was found, never the values. Keys
follow the audit log's conventions (path, classes, entities, action, rule),
which the incident report reads.
"""

from __future__ import annotations

from pathlib import Path

from pii_guard.audit import EventType, record, redact_path
from pii_guard.watcher.ports import Classification, Placement
from pii_guard.watcher.vault import VaultRecord


def audit_blocked(entry: VaultRecord, privacy: str) -> None:
    record(
        EventType.WATCHER_BLOCKED,
        {
            "path": redact_path(entry.original_path, privacy),
            "classes": list(entry.blocking_classes),
            "entities": dict(entry.entity_counts),
            "action": "quarantined",
            "rule": entry.rule_id,
            "quarantine_id": entry.id,
            "sha256": entry.sha256,
            "size": entry.size,
        },
    )


def audit_observed(
    path: Path, placement: Placement, classification: Classification, privacy: str
) -> None:
    record(
        EventType.WATCHER_AUDITED,
        {
            "path": redact_path(str(path), privacy),
            "classes": list(classification.blocking),
            "entities": dict(classification.entity_counts),
            "action": "audited",
            "rule": placement.rule_id,
            "sha256": classification.sha256,
        },
    )
