"""Forward each new entry to syslog/journald, so a district SIEM holds a copy.

A copy off the machine is the strongest anchor the log can have: whoever
rewrites the local file cannot rewrite what the SIEM already received. Each
message carries the entry's seq and hash and the canonical line itself.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from pii_guard.audit import DEFAULT_ADDRESS
from pii_guard.audit._chain import Entry
from pii_guard.audit.errors import AuditForwardError


class _Handler(logging.handlers.SysLogHandler):
    """A SysLogHandler that hands its send error back instead of printing it."""

    failure: BaseException | None = None

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (stdlib name)
        import sys

        self.failure = sys.exc_info()[1]


class SyslogForwarder:
    """Sends entries to a local syslog socket (facility authpriv)."""

    def __init__(self, address: str = DEFAULT_ADDRESS) -> None:
        self.address = address
        if not Path(address).exists():
            raise AuditForwardError(
                f"no syslog socket at {address}",
                hint="run without --syslog, or point PII_GUARD_AUDIT_SYSLOG at the socket",
            )
        try:
            self._handler = _Handler(
                address=address, facility=logging.handlers.SysLogHandler.LOG_AUTHPRIV
            )
        except OSError as error:
            raise AuditForwardError(f"cannot connect to syslog at {address}: {error}") from error
        self._handler.ident = "pii-guard: "

    def __call__(self, entry: Entry, line: bytes) -> None:
        level = logging.WARNING if entry.event in _WARNING_EVENTS else logging.INFO
        message = f"audit seq={entry.seq} hash={entry.hash} {line.decode('utf-8')}"
        record = logging.LogRecord("pii_guard.audit", level, __file__, 0, message, None, None)
        self._handler.failure = None
        self._handler.emit(record)
        if self._handler.failure is not None:
            raise AuditForwardError(
                f"audit entry {entry.seq} is saved but was not forwarded to syslog at "
                f"{self.address}: {self._handler.failure}"
            )

    def close(self) -> None:
        self._handler.close()


_WARNING_EVENTS = frozenset(
    {"watcher.blocked", "release.refused", "audit.recovered", "key.revoked", "policy.changed"}
)
