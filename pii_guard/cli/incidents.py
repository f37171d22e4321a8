"""`pii-guard incidents`: incidents from the audit log and the post-incident review pack."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from pii_guard.audit import AuditError
from pii_guard.audit.incidents import build_pack, entries_since, group_incidents
from pii_guard.audit.report import render_html, render_markdown
from pii_guard.cli._audit_common import log_option, open_log, since_callback
from transport.atomic import atomic_write_text

_EPOCH = datetime.fromisoformat("1970-01-01T00:00:00+00:00")


@click.group()
def incidents() -> None:
    """Incidents (blocked copies, refused releases) and their review pack (R4)."""


@incidents.command("list")
@click.option(
    "--since",
    callback=since_callback,
    metavar="DATE",
    help="Only incidents at or after DATE (YYYY-MM-DD or ISO time, UTC).",
)
@log_option
def list_(since: datetime | None, log_file: Path | None) -> None:
    """One line per incident: id, time span, user@host, events, data classes."""
    found = group_incidents(entries_since(open_log(log_file), since or _EPOCH))
    if not found:
        click.echo("no incidents")
    for inc in found:
        classes = ", ".join(sorted(inc.classes())) or "-"
        click.echo(
            f"{inc.id}  {inc.entries[0].time[:19]}Z .. {inc.entries[-1].time[:19]}Z  "
            f"{inc.user}@{inc.host}  {len(inc.entries)} event(s)  "
            f"{'; '.join(inc.kinds())}  classes: {classes}"
        )


@incidents.command()
@click.option(
    "--since",
    callback=since_callback,
    metavar="DATE",
    required=True,
    help="Start of the review window (YYYY-MM-DD or ISO time, UTC).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write FILE.md or FILE.html (one self-contained, printable file).",
)
@click.option(
    "--expect-head",
    metavar="HASH",
    default=None,
    help="A head recorded earlier; the pack says whether the log still holds it.",
)
@log_option
def report(
    since: datetime,
    output: Path | None,
    expect_head: str | None,
    log_file: Path | None,
) -> None:
    """The post-incident review pack: timeline, classes, people, actions, chain, questions."""
    if output is not None and output.suffix.lower() not in (".md", ".html", ".htm"):
        raise AuditError(
            f"{output}: the report is written as .md or .html",
            hint="name the output FILE.md or FILE.html",
        )
    pack = build_pack(open_log(log_file), since, expect_head=expect_head)
    as_html = output is not None and output.suffix.lower() in (".html", ".htm")
    text = render_html(pack) if as_html else render_markdown(pack)
    if output is None:
        click.echo(text)
        return
    atomic_write_text(output, text)
    chain = "verified" if pack.verification.ok else "DOES NOT VERIFY"
    click.echo(
        f"wrote {output}: {len(pack.incidents)} incident(s), "
        f"{len(pack.entries)} entries, chain {chain}",
        err=True,
    )
