"""The tamper-evident audit log every part of pii-guard writes through (rule R4).

Format: JSON Lines in `data_dir()/audit.jsonl`, one canonical entry per line
with seq, UTC time, host, user, event, details and the SHA-256 of the previous
entry (the chain is specified in `_chain`). Writers serialize on an OS lock and
fsync each entry; a torn last line is set aside, never dropped (`log`).

Details carry no personal information. By convention callers use these keys,
which the incident report reads: `path` / `paths` (already passed through
`redact_path` with the policy's `audit.path_privacy`; the log redacts the
conventional path keys again, idempotently, as a second line of defence),
`classes` (policy class ids), `entities` ({entity: count}), `action`
("blocked", "quarantined", "restored", "released", "refused", ...), `rule`
(the policy rule id) and `reason`. Never a found value.

Why no HMAC and no per-entry signature
--------------------------------------
The person most able to edit this file is the user whose laptop it is (or
malware running as that user), and the events most worth hiding are that
user's own (a roster copied to a USB stick). A keyed MAC whose key lies next to
the log, readable by that same user, stops nobody who can edit the log: they
recompute the MACs as easily as the hashes. Signing with the user's Ed25519
key (pii_guard.identity) has the same flaw, since the user holds that key, and
a practical one too: the key is locked behind a passphrase or keyring that
expires after 30 idle minutes (R5), while the watcher must record at 3 a.m.
unattended. So a MAC or signature would add a key to manage and a false sense
of protection, not evidence.

What does work is an anchor the user cannot reach: `pii-guard audit head`
prints the hash of the last entry for an administrator to keep elsewhere
(ticket, e-mail, paper), and `audit verify --expect-head` proves the log still
contains that exact entry at that place, so any truncation or rewrite before
it is caught; `--syslog` / PII_GUARD_AUDIT_SYSLOG sends every entry, with its
hash, to the district's syslog/SIEM as it is written. The hash chain then
makes every edit, deletion, insertion or reordering before the anchor
detectable, and the chain itself needs no secret.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pii_guard.audit._chain import GENESIS, Entry
from pii_guard.audit._events import EventType
from pii_guard.audit._redact import DEFAULT_MODE, PATH_PRIVACY_MODES, redact_details, redact_path
from pii_guard.audit.errors import (
    AuditChainBroken,
    AuditError,
    AuditForwardError,
    AuditWriteError,
    ChainProblem,
)
from pii_guard.audit.log import LOG_NAME, AuditLog
from pii_guard.paths import data_dir, ensure_private_dir
from policies import PolicyError, load_policy
from policies.loader import locate as locate_policy

if TYPE_CHECKING:
    from pii_guard.audit._syslog import SyslogForwarder
    from pii_guard.audit.verify import ChainSummary, parse_head, verify_log

# Imported when first used, not with the package: every command that records imports
# it, and most never verify a log or forward to syslog. The forwarder alone pulls in
# logging, socket and pickle, some 7 ms of a scan's start-up.
_LAZY = {
    "SyslogForwarder": "pii_guard.audit._syslog",
    "ChainSummary": "pii_guard.audit.verify",
    "parse_head": "pii_guard.audit.verify",
    "verify_log": "pii_guard.audit.verify",
}
# Here, not in `_syslog`, so that reading them does not import the forwarder.
DEFAULT_ADDRESS = "/dev/log"
SYSLOG_ENV = "PII_GUARD_AUDIT_SYSLOG"

__all__ = [
    "GENESIS",
    "AuditChainBroken",
    "AuditError",
    "AuditForwardError",
    "AuditLog",
    "AuditWriteError",
    "ChainProblem",
    "ChainSummary",
    "Entry",
    "EventType",
    "SyslogForwarder",
    "default_log",
    "default_log_path",
    "enable_syslog",
    "parse_head",
    "path_privacy",
    "record",
    "redact_path",
    "verify_log",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pii_guard.audit' has no attribute {name!r}")


_forwarder: SyslogForwarder | None = None


def default_log_path() -> Path:
    return data_dir() / LOG_NAME


def enable_syslog(address: str | None = DEFAULT_ADDRESS) -> None:
    """Forward every entry this process records to syslog (None turns it off).

    Raises AuditForwardError when the socket is not there, so `--syslog` on a
    machine without syslog fails loudly instead of silently not forwarding.
    """
    from pii_guard.audit._syslog import SyslogForwarder

    global _forwarder
    if _forwarder is not None:
        _forwarder.close()
    _forwarder = SyslogForwarder(address) if address else None


def _active_forwarder() -> SyslogForwarder | None:
    if _forwarder is not None:
        return _forwarder
    configured = os.environ.get(SYSLOG_ENV, "")
    if configured:
        enable_syslog(DEFAULT_ADDRESS if configured == "1" else configured)
    return _forwarder


def default_log() -> AuditLog:
    """The user's log in data_dir(), forwarding to syslog when enabled."""
    ensure_private_dir(data_dir())
    forwarder = _active_forwarder()
    return AuditLog(default_log_path(), on_append=forwarder)


def sync_log() -> None:
    """Make the entries `record(..., sync=False)` appended durable."""
    AuditLog(default_log_path()).sync()


_privacy_cache: dict[tuple[str, str], str] = {}


def path_privacy() -> str:
    """The policy's `audit.path_privacy`; `hash` (the safest) if the policy cannot be read.

    Recording must not fail because the policy file is broken: the broken
    policy is itself something to record. The answer is cached per policy file
    content (path and SHA-256 of its bytes; mtimes are too coarse), so a watcher
    recording a burst of blocked copies does not re-parse the policy each time,
    yet sees an edit at once.
    """
    try:
        source, _ = locate_policy()
        key = (str(source), hashlib.sha256(source.read_bytes()).hexdigest())
    except OSError:
        return DEFAULT_MODE
    if key in _privacy_cache:
        return _privacy_cache[key]
    try:
        mode = load_policy().policy.audit.path_privacy
    except PolicyError:
        mode = DEFAULT_MODE
    mode = mode if mode in PATH_PRIVACY_MODES else DEFAULT_MODE
    _privacy_cache.clear()
    _privacy_cache[key] = mode
    return mode


_last_log: AuditLog | None = None


def _log_for(path: Path, forwarder: SyslogForwarder | None) -> AuditLog:
    """The `AuditLog` of the last record, while the file and forwarder stay the same: a
    scan that finds hundreds of records looks up the host and user, and makes the
    folder private, once (each append still takes the lock: see `AuditLog._tail`)."""
    global _last_log
    log = _last_log
    if log is None or log.path != path or log.on_append is not forwarder:
        ensure_private_dir(path.parent)
        log = _last_log = AuditLog(path, on_append=forwarder)
    return log


def record(
    event: EventType,
    details: Mapping[str, object],
    *,
    sync: bool = True,
    privacy: str | None = None,
) -> None:
    """Append one event to the user's audit log (`sync=False`: see `AuditLog.append`,
    and call `sync_log()` before the command ends).

    `privacy` is the `audit.path_privacy` of the policy the caller enforces (a command
    run with `--policy`); without it, that of the policy in force (`path_privacy`).

    Raises AuditWriteError (a PiiGuardError) when the log cannot be written,
    and AuditForwardError when syslog forwarding is on and fails; the entry is
    saved first either way, so a broken syslog never costs an audit entry.
    """
    try:
        forwarder, unavailable = _active_forwarder(), None
    except AuditForwardError as error:
        forwarder, unavailable = None, error
    log = _log_for(default_log_path(), forwarder)
    mode = privacy if privacy in PATH_PRIVACY_MODES else path_privacy()
    entry = log.append(event, redact_details(details, mode), sync=sync)
    if unavailable is not None:
        raise AuditForwardError(
            f"audit entry {entry.seq} is saved but was not forwarded: {unavailable}",
            hint=unavailable.hint,
        ) from unavailable
