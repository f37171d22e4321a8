"""`pii-guard keys`: create, show, export, rotate and revoke your keys (R5, R6)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from pii_guard import identity
from pii_guard.identity import StoreKind
from policies import load_policy
from transport.keys import parse_public_ssh
from transport.sshsig import RELEASE_NAMESPACE
from transport.trust import allowed_signers_line

PASSPHRASE_FILE = click.option(
    "--passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help=f"Read the passphrase from the first line of FILE (else ${identity.PASSPHRASE_ENV}, "
    "else you are asked).",
)


def _warn(message: str) -> None:
    click.echo(f"pii-guard: warning: {message}", err=True)


@click.group()
def keys() -> None:
    """Your signing key and age identity."""


@keys.command()
@click.option("--name", required=True, help="Your full name, as shown to recipients.")
@click.option("--email", required=True, help="Your district email: the signer name verifiers see.")
@click.option(
    "--store",
    type=click.Choice([k.value for k in StoreKind]),
    default=StoreKind.AUTO.value,
    show_default=True,
    help="Where private keys go: the OS keyring, or a passphrase-protected file.",
)
@PASSPHRASE_FILE
def init(name: str, email: str, store: str, passphrase_file: Path | None) -> None:
    """Create an Ed25519 signing key and an X25519 age identity."""
    policy = load_policy().policy
    ask = None
    if passphrase_file is not None:

        def ask() -> str:
            return identity.read_passphrase_file(passphrase_file)

    _, rec = identity.init_keys(policy, name, email, store=StoreKind(store), passphrase=ask)
    click.echo(f"created keys for {rec.name} <{rec.email}>")
    click.echo(f"fingerprint:   {rec.fingerprint}")
    click.echo(f"age recipient: {rec.age_recipient}")
    click.echo(f"stored in:     {_where(rec)}")


def _where(rec: identity.IdentityRecord) -> str:
    if rec.store is StoreKind.KEYRING:
        return "the OS keyring"
    return f"{identity.key_file()} (age scrypt, passphrase-protected)"


@keys.command()
def show() -> None:
    """Your public keys, fingerprint and key age (no unlock needed)."""
    policy = load_policy().policy
    rec = identity.require_record()
    now = datetime.now(UTC)
    click.echo(f"name:          {rec.name}")
    click.echo(f"email:         {rec.email}")
    click.echo(f"created:       {rec.created.isoformat()} ({(now - rec.created).days} days ago)")
    click.echo(f"signing key:   {rec.ssh_public_key}")
    click.echo(f"fingerprint:   {rec.fingerprint}")
    click.echo(f"age recipient: {rec.age_recipient}")
    click.echo(f"stored in:     {_where(rec)}")
    for old in rec.history:
        click.echo(f"retired:       {old.fingerprint} ({old.reason} {old.retired.date()})")
    if rec.revoked_at is not None:
        click.echo(f"REVOKED:       {rec.revoked_at.isoformat()}")
    warning = identity.key_age_warning(policy, rec, now)
    if warning:
        _warn(warning)


@keys.command()
@click.option("--age", "only_age", is_flag=True, help="Only the age1... recipient.")
@click.option("--signer", "only_signer", is_flag=True, help="Only the allowed_signers line.")
def export(only_age: bool, only_signer: bool) -> None:
    """What others need: your age recipient and your allowed_signers line."""
    rec = identity.require_record()
    if rec.revoked_at is not None:
        _warn(f"this key was revoked at {rec.revoked_at.isoformat()}: do not hand it out")
    line = allowed_signers_line(
        rec.email, parse_public_ssh(rec.ssh_public_key), namespaces=[RELEASE_NAMESPACE]
    )
    if only_age:
        click.echo(rec.age_recipient)
    elif only_signer:
        click.echo(line)
    else:
        click.echo("# age recipient: senders encrypt releases for you to this")
        click.echo(rec.age_recipient)
        click.echo("# allowed_signers line: verifiers add this to trust your releases")
        click.echo(line)


@keys.command()
@PASSPHRASE_FILE
@click.option(
    "--new-passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Protect the new keys with this passphrase (file store); default: keep the current.",
)
def rotate(passphrase_file: Path | None, new_passphrase_file: Path | None) -> None:
    """Replace both keys; the old age identity stays so older releases still open."""
    policy = load_policy().policy
    new_passphrase = None
    if new_passphrase_file is not None:

        def new_passphrase() -> str:
            return identity.read_passphrase_file(new_passphrase_file)

    old, new = identity.rotate_keys(
        policy, passphrase_file=passphrase_file, new_passphrase=new_passphrase
    )
    click.echo(f"retired:       {old.fingerprint}")
    click.echo(f"fingerprint:   {new.fingerprint}")
    click.echo(f"age recipient: {new.age_recipient}")
    click.echo("give your new `pii-guard keys export` output to your senders and verifiers")


@keys.command()
@click.argument("fingerprint", required=False)
@click.option("--reason", default="", help="Why (e.g. 'left the district').")
@click.option("--yes", is_flag=True, help="Confirm revoking (and destroying) your own key.")
def revoke(fingerprint: str | None, reason: str, yes: bool) -> None:
    """Revoke a signing key from now on (yours unless FINGERPRINT is given).

    Signatures made after this moment are rejected by `release verify`; older
    ones stay valid. Revoking your own key also destroys its private parts.
    """
    own = identity.read_record()
    if (fingerprint is None or (own and own.fingerprint == fingerprint)) and not yes:
        raise click.UsageError("revoking your own key destroys it: add --yes to confirm")
    revocation = identity.revoke_key(fingerprint, reason=reason)
    click.echo(f"revoked {revocation.fingerprint} at {revocation.revoked_at.isoformat()}")
