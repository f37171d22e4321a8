"""The note left where a blocked file was: what happened, and whom to ask.

The text is a pure function of the vault record, so recovery after a crash
writes byte-for-byte the note the interrupted run would have written, and the
watcher recognises its own notes by their hash instead of by their name (a
roster renamed `x.blocked.txt` is still scanned).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pii_guard.watcher.vault import VaultRecord

SUFFIX = ".blocked.txt"
MAX_NOTICE_BYTES = 8192


def notice_path(original: Path) -> Path:
    return original.with_name(original.name + SUFFIX)


def notice_text(record: VaultRecord, contact: str) -> str:
    name = Path(record.original_path).name
    classes = ", ".join(record.blocking_classes)
    rule = f" (rule {record.rule_id})" if record.rule_id else ""
    return (
        f"pii-guard removed '{name}' from this location on {record.time}.\n"
        f"\n"
        f"It holds records with personal information ({classes}), and the district's\n"
        f"policy {record.policy} does not allow such records on personal devices or in\n"
        f"personal cloud folders{rule}.\n"
        f"\n"
        f"Nothing is lost: the file was encrypted into the district quarantine before it\n"
        f"was removed here. If you need it, ask {contact} and quote this id:\n"
        f"\n"
        f"    {record.id}\n"
        f"\n"
        f"They can restore it to an approved place, such as a district network share.\n"
    )


def notice_bytes(record: VaultRecord, contact: str) -> bytes:
    return notice_text(record, contact).encode("utf-8")


def notice_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
