"""`pii-guard recipients`: the third parties releases may go to (R1)."""

from __future__ import annotations

import json

import click

from pii_guard.recipients import Registry


@click.group()
def recipients() -> None:
    """The registry of approved release recipients."""


@recipients.command()
@click.argument("name")
@click.option("--age-key", required=True, help="The recipient's age1... public key.")
@click.option("--org", required=True, help="The recipient's organisation.")
@click.option("--replace", is_flag=True, help="Replace an existing entry of that name.")
def add(name: str, age_key: str, org: str, replace: bool) -> None:
    """Add a recipient (its age key is checked)."""
    registry = Registry.load()
    entry = registry.add(name, age_key, org, replace=replace)
    registry.save()
    click.echo(f"added {entry.name} ({entry.org}): {entry.age_key}")


@recipients.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def list_(as_json: bool) -> None:
    """List recipients."""
    entries = Registry.load().list()
    if as_json:
        rows = [{"name": e.name, "org": e.org, "age_key": e.age_key, "added": e.added}
                for e in entries]  # fmt: skip
        click.echo(json.dumps(rows, indent=2))
        return
    if not entries:
        click.echo("no recipients yet: pii-guard recipients add NAME --age-key age1... --org ORG")
    for entry in entries:
        click.echo(f"{entry.name}\t{entry.org}\t{entry.age_key}")


@recipients.command()
@click.argument("name")
def remove(name: str) -> None:
    """Remove a recipient."""
    registry = Registry.load()
    entry = registry.remove(name)
    registry.save()
    click.echo(f"removed {entry.name} ({entry.org})")
