"""Bits the `audit` and `incidents` commands share."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from pii_guard.audit import AuditChainBroken, AuditLog, default_log_path
from pii_guard.audit.incidents import parse_since
from pii_guard.cli._boundary import CheckFailedError

log_option = click.option(
    "--log",
    "log_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Audit log file to read (default: this user's log); e.g. a copy kept as evidence.",
)


def open_log(log_file: Path | None) -> AuditLog:
    return AuditLog(log_file or default_log_path())


def since_callback(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> datetime | None:
    return parse_since(value) if value is not None else None


def chain_failed(error: AuditChainBroken) -> CheckFailedError:
    """A chain that does not verify is a failed check (exit 1), not bad usage."""
    return CheckFailedError(str(error), hint=error.hint)
