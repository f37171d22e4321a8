"""`pii-guard scan`: what personal information do these files hold, and is any of it a record?

Exit 0 when no class the policy blocks (or `--fail-on` names) was found, 1 when
one was, 2 on a usage error or when a named path could not be read. A file that
cannot be read is reported and the scan goes on. Each archive member and e-mail
attachment is reported on its own ("mail.eml!pay.xlsx"), and the classes of the
file that holds it include its own.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import click

from pii_guard.audit import EventType, record, redact_path, sync_log
from pii_guard.cli import _quick_exit
from pii_guard.cli._boundary import EXIT_CHECK_FAILED, EXIT_USAGE
from pii_guard.cli._options import policy_option
from pii_guard.cli._scan_files import collect, scan_targets
from pii_guard.cli._scan_output import FORMATS, WRITERS, ScannedFile
from pii_guard.paths import cache_dir, ensure_private_dir
from pii_guard.policy_in_force import enforce_policy
from pii_guard.scanning import (
    classes_with_members,
    report_classes,
    scanner_config_for_policy,
    united_classes,
)
from policies import Policy
from scanners import FileReport, ScanStatus


def _fail_classes(policy: Policy, fail_on: Sequence[str]) -> set[str] | None:
    """Which classes make the scan fail; None means any class at all."""
    known = {c.id for c in policy.classes}
    if not fail_on:
        return {c.id for c in policy.classes if c.watcher_blocks}
    if "none" in fail_on:
        return set()
    if "any" in fail_on:
        return None
    unknown = sorted(set(fail_on) - known)
    if unknown:
        raise click.BadParameter(
            f"unknown class {', '.join(unknown)}; the policy defines {', '.join(sorted(known))}",
            param_hint="--fail-on",
        )
    return set(fail_on)


# Found-record audit entries per fsync (see `_audit`).
AUDIT_SYNC_EVERY = 64


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--show-values", is_flag=True, help="Print found values instead of masking them.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Scan in this many processes.",
)
@policy_option
@click.option(
    "--fail-on",
    "fail_on",
    multiple=True,
    metavar="CLASS|any|none",
    help="Exit 1 when this class is found (repeatable); default: the classes the policy blocks.",
)
@click.option(
    "--include", multiple=True, metavar="GLOB", help="Only files matching (in directories)."
)
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="Skip files matching (in directories)."
)
@click.option("--no-cache", is_flag=True, help="Do not reuse or store results by content hash.")
@click.option(
    "--all-names",
    is_flag=True,
    help="Report every person's name, not only those that make a file a record (slower).",
)
def scan(
    paths: tuple[Path, ...],
    fmt: str,
    show_values: bool,
    jobs: int,
    policy_path: Path | None,
    fail_on: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    no_cache: bool,
    all_names: bool,
) -> None:
    """Scan files and folders for personal information (values masked unless asked)."""
    policy = enforce_policy(policy_path).policy
    failing = _fail_classes(policy, fail_on)
    # The cache keeps masked values only, so a scan that shows values reads the files again.
    use_cache = not (no_cache or show_values)
    cache = ensure_private_dir(cache_dir() / "scan") if use_cache else None
    config = scanner_config_for_policy(policy, cache_dir=cache, every_name=all_names)
    targets = collect(paths, include, exclude)
    out = sys.stdout
    writer = WRITERS[fmt](out, show_values)
    found_failing = False
    input_missing = False
    progress = sys.stderr.isatty() and len(targets) > 1
    reports_iter = scan_targets(config, targets, jobs)
    unsynced = 0
    with click.progressbar(
        length=len(targets), label="scanning", file=sys.stderr, hidden=not progress
    ) as bar:
        try:
            for target, reports in zip(targets, reports_iter, strict=True):
                bar.update(1)
                if target.problem is not None and target.path in paths:
                    input_missing = True
                each = [report_classes(policy, report) for report in reports]
                whole = united_classes(each)
                shown = classes_with_members(reports, each)
                for report, classes in zip(reports, shown, strict=True):
                    blocking = policy.blocking_classes(classes)
                    writer.add(ScannedFile(report, classes, blocking))
                if whole:
                    _audit(policy, reports[0], whole)
                    unsynced += 1
                    if unsynced >= AUDIT_SYNC_EVERY:
                        sync_log()
                        unsynced = 0
                if whole and (failing is None or failing & set(whole)):
                    found_failing = True
        finally:
            if unsynced:
                sync_log()
    writer.close()
    _quick_exit.allow()  # the report is written and the audit entries synced
    if found_failing:
        sys.exit(EXIT_CHECK_FAILED)
    if input_missing:
        sys.exit(EXIT_USAGE)


def _audit(policy: Policy, top: FileReport, classes: Sequence[str]) -> None:
    """A scan that finds a record leaves a trace (R4), without the record's name in clear.

    Entries are written at once but made durable in batches (`AUDIT_SYNC_EVERY`, and at
    the end): a killed scan loses none, a power cut at most the last batch.
    """
    entities = Counter(f.entity for f in top.findings)
    record(
        EventType.SCAN_FOUND,
        {
            "path": redact_path(top.path, policy.audit.path_privacy),
            "sha256": top.sha256,
            "classes": list(classes),
            "entities": dict(sorted(entities.items())),
            "status": top.status.value if top.status is not ScanStatus.SCANNED else "scanned",
            "policy": f"{policy.meta.id} {policy.meta.version}",
        },
        sync=False,
        privacy=policy.audit.path_privacy,
    )
