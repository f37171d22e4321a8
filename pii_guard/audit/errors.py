"""Errors of the audit log; all are `PiiGuardError`s so the CLI boundary reports them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pii_guard.errors import PiiGuardError


class AuditError(PiiGuardError):
    """Base of every error the audit package raises."""


class AuditWriteError(AuditError):
    """The log could not be written (disk full, permissions); the event is not recorded."""


class AuditForwardError(AuditError):
    """The entry is in the log but could not be forwarded to syslog."""


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """One place where the log is not what its writer wrote."""

    line: int | None  # 1-based line number in the log file; None: the log as a whole
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line is not None else self.message


class AuditChainBroken(AuditError):
    """The hash chain does not verify; `problems` lists every break found (capped)."""

    def __init__(self, path: str, problems: Sequence[ChainProblem], *, more: int = 0) -> None:
        self.path = path
        self.problems = tuple(problems)
        self.more = more
        lines = [f"{path}: audit log does not verify ({len(self.problems) + more} problem(s))"]
        lines += [f"  {p}" for p in self.problems]
        if more:
            lines.append(f"  ... and {more} more")
        super().__init__(
            "\n".join(lines),
            hint="keep the file as evidence; compare it with the head recorded earlier",
        )
