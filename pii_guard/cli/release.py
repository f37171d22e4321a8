"""`pii-guard release create | verify | open`: packages for third parties (rule R1).

Output rules as for every command: results on stdout, problems through the one
error boundary (`pii-guard: error: ...`), exit 1 when a package fails a check,
2 for bad input. Nothing here decides policy; `pii_guard.release` does.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from pii_guard.release import ReleaseRequest, create_release, open_release, verify_release
from transport.atomic import atomic_write_text
from transport.checks import CheckStatus, PackageRejectedError, VerificationReport
from transport.manifest import Manifest

PASSPHRASE_FILE = click.option(
    "--passphrase-file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Passphrase for your key file: first line of FILE (else $PII_GUARD_PASSPHRASE).",
)


def _parse_field(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    fields: dict[str, str] = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{value!r} is not KEY=VALUE", ctx=ctx, param=param)
        fields[key.strip()] = text.strip()
    return fields


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", ctx=ctx, param=param
        ) from None


@click.group()
def release() -> None:
    """Send records to a third party under a legal basis; verify and open packages."""


@release.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--to", "recipients", multiple=True, required=True, help="Recipient name (repeatable)."
)
@click.option(
    "--basis", required=True, help="Legal basis id: consent-release, subpoena, court-order, ..."
)
@click.option(
    "--basis-doc",
    "documents",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Document establishing the basis (repeatable).",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    callback=_parse_field,
    metavar="KEY=VALUE",
    help="A field of the legal basis (repeatable).",
)
@click.option(
    "--purpose", required=True, help="Why the records are sent (no names or identifiers)."
)
@click.option(
    "--destroy-by",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="Date by which the recipient destroys the records (default: policy retention).",
)
@click.option(
    "-o", "--output", "out", required=True, type=click.Path(path_type=Path), help="OUT.pgrel"
)
@PASSPHRASE_FILE
def create(
    inputs: tuple[Path, ...],
    recipients: tuple[str, ...],
    basis: str,
    documents: tuple[Path, ...],
    fields: dict[str, str],
    purpose: str,
    destroy_by: date | None,
    out: Path,
    passphrase_file: Path | None,
) -> None:
    """Package FILES_OR_DIRS for RECIPIENTs: scanned, encrypted, signed."""
    manifest = create_release(
        ReleaseRequest(
            inputs=inputs,
            recipients=recipients,
            basis=basis,
            documents=documents,
            purpose=purpose,
            out=out,
            fields=fields,
            destroy_by=destroy_by,
            passphrase_file=passphrase_file,
        )
    )
    assert manifest.payload is not None
    click.echo(f"wrote {out}: release {manifest.release_id}")
    click.echo(
        f"  records: {len(manifest.files)}, classes: {', '.join(manifest.classes) or 'none found'}"
    )
    click.echo(
        f"  to: {', '.join(r.name for r in manifest.recipients)}; destroy by {manifest.destroy_by}"
    )
    click.echo(f"  payload: {manifest.payload.size} bytes, sha256 {manifest.payload.sha256}")


def _report_json(report: VerificationReport) -> str:
    body: dict[str, object] = {
        "schema": "pii-guard/release-verify/v1",
        "package": report.package,
        "ok": report.ok,
        "signer": report.signer_fingerprint,
        "checks": [
            {"name": c.name, "status": c.status.value, "reason": c.reason} for c in report.checks
        ],
        "manifest": report.manifest.to_dict() if report.manifest else None,
    }
    return json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False)


def _report_text(report: VerificationReport) -> str:
    label = {CheckStatus.PASS: "pass", CheckStatus.FAIL: "FAIL", CheckStatus.NOT_CHECKED: "skip"}
    width = max(len(c.name) for c in report.checks)
    lines = [f"{label[c.status]:4}  {c.name:{width}}  {c.reason}" for c in report.checks]
    manifest: Manifest | None = report.manifest
    if manifest is not None:
        lines.append(
            f"release {manifest.release_id} from {manifest.sender.email}, "
            f"basis {manifest.legal_basis.type}, destroy by {manifest.destroy_by}"
        )
    lines.append(
        "verified: every check passed"
        if report.ok
        else "REJECTED: failed " + ", ".join(report.failed)
    )
    return "\n".join(lines)


@release.command()
@click.argument("package", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--signers",
    "signers_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="allowed_signers file (default: your trust store).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write a printable HTML report.",
)
def verify(
    package: Path, signers_file: Path | None, as_json: bool, report_file: Path | None
) -> None:
    """Check PACKAGE without decrypting it: exit 0 only when every check passes."""
    from transport.report_html import render_report

    report = verify_release(package, signers_file=signers_file)
    click.echo(_report_json(report) if as_json else _report_text(report))
    if report_file is not None:
        atomic_write_text(report_file, render_report(report))
    if not report.ok:
        raise PackageRejectedError(report)


@release.command(name="open")
@click.argument("package", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "dest",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Directory to extract into (the bag lands in a new sub-directory).",
)
@click.option(
    "--identity",
    "identity_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="age identity file (default: your own key).",
)
@click.option(
    "--signers",
    "signers_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="allowed_signers file (default: your trust store).",
)
@PASSPHRASE_FILE
def open_(
    package: Path,
    dest: Path,
    identity_file: Path | None,
    signers_file: Path | None,
    passphrase_file: Path | None,
) -> None:
    """Verify, decrypt and extract PACKAGE into DIR, then validate the bag."""
    try:
        opened = open_release(
            package,
            dest,
            identity_file=identity_file,
            signers_file=signers_file,
            passphrase_file=passphrase_file,
        )
    except PackageRejectedError as rejected:
        click.echo(_report_text(rejected.report))
        raise
    click.echo(_report_text(opened.report))
    click.echo(f"opened into {opened.bag}")
