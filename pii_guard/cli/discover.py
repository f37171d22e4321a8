"""`pii-guard discover`: inventory every share, resumably, locally or on a Dask cluster."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from types import FrameType

import click

from pii_guard.cli._options import policy_option
from pii_guard.discovery.executors import parse_executor
from pii_guard.discovery.html_report import render_html
from pii_guard.discovery.report import build_report
from pii_guard.discovery.results import FileResult
from pii_guard.discovery.runner import run_discovery
from pii_guard.discovery.state import StateStore
from pii_guard.discovery.task import PolicyEngineLoader, ScanTask
from pii_guard.discovery.walker import FileEntry
from transport.atomic import atomic_write_text

EXIT_INTERRUPTED = 130
PROGRESS_SECONDS = 30.0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


class _Progress:
    """A line on stderr every so often: a district-wide run takes hours."""

    def __init__(self) -> None:
        self.started = self.last = time.monotonic()
        self.scanned = 0

    def update(self, entry: FileEntry, result: FileResult) -> None:
        self.scanned += 1
        now = time.monotonic()
        if now - self.last >= PROGRESS_SECONDS:
            self.last = now
            rate = self.scanned / (now - self.started)
            click.echo(f"pii-guard: discover: {self.scanned} scanned ({rate:.1f}/s)", err=True)


@click.command()
@click.argument("roots", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--state",
    "state_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory keeping progress; rerun with the same one to resume or refresh.",
)
@click.option(
    "--executor",
    "executor_spec",
    default="processes",
    show_default=True,
    help="processes, processes:N (N workers), or dask://HOST:PORT (an existing scheduler).",
)
@click.option(
    "--report",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML report here.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSON report (pii-guard/discover/v1) here.",
)
@policy_option
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=300.0,
    show_default=True,
    help="Seconds one file may take before it is recorded as an error.",
)
def discover(
    roots: tuple[Path, ...],
    state_dir: Path,
    executor_spec: str,
    html_path: Path | None,
    json_path: Path | None,
    policy_path: Path | None,
    time_limit: float,
) -> None:
    """Scan every file under ROOT... (network shares) and report where records live.

    Progress is kept in --state: an interrupted run resumes, a rerun scans only
    files that changed. The reports hold counts per folder, never values.
    """
    from pii_guard.policy_in_force import enforce_policy

    loaded = enforce_policy(policy_path)
    executor = parse_executor(executor_spec)
    missing = [root for root in roots if not root.exists()]
    for root in missing:
        click.echo(f"pii-guard: error: {root}: no such file or directory", err=True)
    present = [str(root) for root in roots if root.exists()]
    loader = PolicyEngineLoader.for_loaded(loaded.source, loaded.origin, loaded.sha256)
    task = ScanTask(loader, time_limit=time_limit)
    # A scheduler or service manager stops us with SIGTERM: leave as tidily as Ctrl-C.
    previous_sigterm = signal.signal(signal.SIGTERM, _interrupt)
    progress = _Progress()
    try:
        executor.start()
        summary = run_discovery(
            present, state_dir, executor, task, loaded.sha256, on_result=progress.update
        )
    except KeyboardInterrupt:
        click.echo(
            f"pii-guard: interrupted; progress is kept in {state_dir}:"
            " run the same command again to resume",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    finally:
        executor.close()
        signal.signal(signal.SIGTERM, previous_sigterm)
    click.echo(
        f"pii-guard: discover: {summary.walked} files walked, {summary.scanned} scanned,"
        f" {summary.reused + summary.unchanged} unchanged since the last run;"
        f" of those scanned {summary.with_classes} hold records, {summary.errors} failed;"
        f" {summary.problems} walk problems",
        err=True,
    )
    if html_path is not None or json_path is not None:
        policy = loaded.policy
        with StateStore(state_dir) as store:
            report = build_report(
                store,
                policy={
                    "id": policy.meta.id,
                    "version": str(policy.meta.version),
                    "sha256": loaded.sha256,
                },
                class_titles={c.id: c.title for c in policy.classes},
                path_privacy=policy.audit.path_privacy,
            )
        if json_path is not None:
            atomic_write_text(json_path, report.to_json_text())
        if html_path is not None:
            atomic_write_text(html_path, render_html(report))
    if missing:
        sys.exit(2)


__all__ = ["discover"]
