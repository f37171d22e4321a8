"""`pii-guard quarantine`: what the watcher took, and ICTS's way to give it back."""

from __future__ import annotations

from pathlib import Path

import click

from pii_guard.cli._options import policy_option


@click.group()
def quarantine() -> None:
    """List quarantined files; restore one to an approved place (ICTS key needed)."""


@quarantine.command("list")
@policy_option
def list_cmd(policy_path: Path | None) -> None:
    """One line per quarantined file: id, time, classes, where it was (no values)."""
    from pii_guard.watcher.locations import vault_for
    from policies import load_policy

    vault = vault_for(load_policy(policy_path).policy)
    count = 0
    for record in vault.records():
        count += 1
        classes = ",".join(record.blocking_classes)
        click.echo(
            f"{record.id}  {record.time}  {classes}  {record.user}@{record.host}  "
            f"{record.original_path}"
        )
    if count == 0:
        click.echo(f"no quarantined files in {vault.root}", err=True)


@quarantine.command("restore")
@click.argument("entry_id", metavar="ID")
@click.option(
    "--identity",
    "identity_file",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="The ICTS quarantine key (an age identity file).",
)
@click.option(
    "--to",
    "to_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="An approved folder to restore into.",
)
@policy_option
def restore_cmd(entry_id: str, identity_file: Path, to_dir: Path, policy_path: Path | None) -> None:
    """Decrypt quarantined file ID into DIR, if DIR is an approved place (audited)."""
    from pii_guard.watcher.locations import vault_for
    from pii_guard.watcher.restore import restore
    from policies import load_policy

    policy = load_policy(policy_path).policy
    target = restore(policy, vault_for(policy), entry_id, identity_file, to_dir)
    click.echo(f"restored {entry_id} to {target}")
