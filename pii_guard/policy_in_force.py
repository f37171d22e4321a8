"""The policy a command enforces, with its arrival recorded in the audit log (R4).

Commands that act on records (scan, release, watch, discover) load their policy
here rather than from `policies.load_policy` directly, so the audit log shows
which policy was in force and when it changed: a first load is recorded as
`policy.loaded`, a different file hash later as `policy.changed`. Loading the
same policy again records nothing, so a busy watcher does not flood the log.
"""

from __future__ import annotations

import json
from pathlib import Path

from pii_guard.audit import EventType, record
from pii_guard.paths import ensure_private_dir, state_dir
from policies import LoadedPolicy, load_policy
from transport.atomic import atomic_write_text

_SEEN_FILE = "policy-seen.json"


def enforce_policy(path: Path | None = None) -> LoadedPolicy:
    """Load the policy in force (see `policies.load_policy`) and note it in the audit log."""
    loaded = load_policy(path)
    _note(loaded)
    return loaded


def _summary(loaded: LoadedPolicy) -> dict[str, str]:
    meta = loaded.policy.meta
    return {
        "policy_id": meta.id,
        "version": meta.version,
        "sha256": loaded.sha256,
        "origin": loaded.origin,
    }


def _note(loaded: LoadedPolicy) -> None:
    seen_file = state_dir() / _SEEN_FILE
    current = _summary(loaded)
    try:
        previous = json.loads(seen_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = None
    if isinstance(previous, dict) and previous.get("sha256") == loaded.sha256:
        return
    if isinstance(previous, dict):
        details: dict[str, object] = {**current, "previous": previous}
        record(EventType.POLICY_CHANGED, details)
    else:
        record(EventType.POLICY_LOADED, current)
    ensure_private_dir(seen_file.parent)
    atomic_write_text(seen_file, json.dumps(current, sort_keys=True))
