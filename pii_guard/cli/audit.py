"""`pii-guard audit`: check, anchor and read the tamper-evident audit log."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from pii_guard.audit import (
    DEFAULT_ADDRESS,
    AuditChainBroken,
    AuditError,
    EventType,
    SyslogForwarder,
    verify_log,
)
from pii_guard.audit.report import describe
from pii_guard.cli._audit_common import chain_failed, log_option, open_log, since_callback


@click.group()
def audit() -> None:
    """Check, anchor and read the audit log (every scan, release, block and key event).

    \b
    Keep `pii-guard audit head` somewhere the user cannot edit; later,
    `pii-guard audit verify --expect-head HASH` proves nothing before it changed.
    Set PII_GUARD_AUDIT_SYSLOG=1 (or a socket path) to forward every new entry to
    syslog as it is written, for the district's SIEM.
    """


@audit.command()
@click.option(
    "--expect-head",
    metavar="HASH",
    default=None,
    help="A head printed earlier by `audit head`: fail if the log no longer holds it.",
)
@log_option
def verify(expect_head: str | None, log_file: Path | None) -> None:
    """Check the hash chain: exit 1 if any entry was edited, removed, added or reordered."""
    log = open_log(log_file)
    try:
        summary = verify_log(log, expect_head)
    except AuditChainBroken as broken:
        raise chain_failed(broken) from broken
    head = summary.head.hash if summary.head else "none (empty log)"
    click.echo(f"ok: {summary.entries} entries, head {head}")
    if summary.anchored_at is not None:
        click.echo(f"ok: expected head found at seq {summary.anchored_at}")
    if summary.torn_tail_bytes:
        click.echo(
            f"note: {summary.torn_tail_bytes} bytes of an interrupted write at the end; "
            "the next entry written sets them aside",
            err=True,
        )


@audit.command()
@click.option("--json", "as_json", is_flag=True, help="Print seq, time and hash as JSON.")
@log_option
def head(as_json: bool, log_file: Path | None) -> None:
    """Print the hash of the last entry, for an administrator to keep somewhere else."""
    entry = open_log(log_file).head()
    if entry is None:
        raise AuditError("the audit log has no entries yet")
    if as_json:
        click.echo(json.dumps({"seq": entry.seq, "time": entry.time, "hash": entry.hash}))
    else:
        click.echo(entry.hash)


def _event_filter(value: str | None) -> str | None:
    if value is None:
        return None
    known = [e.value for e in EventType]
    if value not in known and not any(k.startswith(value + ".") for k in known):
        raise click.BadParameter(f"unknown event type {value!r}; one of: {', '.join(known)}")
    return value


@audit.command()
@click.option(
    "--since",
    callback=since_callback,
    metavar="DATE",
    help="Only entries at or after DATE (YYYY-MM-DD or ISO time, UTC).",
)
@click.option(
    "--type",
    "event_type",
    metavar="TYPE",
    default=None,
    help="Only this event type, e.g. watcher.blocked, or a family: watcher.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the stored JSON lines.")
@click.option(
    "--syslog",
    "syslog_address",
    is_flag=False,
    flag_value=DEFAULT_ADDRESS,
    default=None,
    metavar="[SOCKET]",
    help=f"Also forward the shown entries to syslog (default {DEFAULT_ADDRESS}).",
)
@log_option
def show(
    since: datetime | None,
    event_type: str | None,
    as_json: bool,
    syslog_address: str | None,
    log_file: Path | None,
) -> None:
    """List entries (unverified: run `audit verify` to know they are genuine)."""
    wanted = _event_filter(event_type)
    forward = SyslogForwarder(syslog_address) if syslog_address else None
    try:
        for entry in open_log(log_file).entries():
            if since is not None and entry.moment < since:
                continue
            if wanted and entry.event != wanted and not entry.event.startswith(wanted + "."):
                continue
            if as_json:
                click.echo(json.dumps(entry.as_dict(), sort_keys=True, ensure_ascii=False))
            else:
                click.echo(
                    f"{entry.seq:>6}  {entry.time[:19]}Z  {entry.user}@{entry.host}  "
                    f"{entry.event:<20} {describe(entry)}"
                )
            if forward is not None:
                forward(
                    entry,
                    json.dumps(
                        entry.as_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
                    ).encode("utf-8"),
                )
    finally:
        if forward is not None:
            forward.close()
