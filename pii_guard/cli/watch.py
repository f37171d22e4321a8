"""`pii-guard watch`: the background watcher, its service files and its status."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import get_args

import click

from pii_guard.cli._options import policy_option
from pii_guard.policy_in_force import enforce_policy
from pii_guard.watcher import install as installer

_PLATFORM_OPTION = click.option(
    "--platform",
    type=click.Choice(list(get_args(installer.Platform))),
    default=None,
    help="Write the service file for this platform (default: this machine's).",
)


@click.group(invoke_without_command=True)
@policy_option
@click.option("-v", "--verbose", is_flag=True, help="Log every file looked at.")
@click.pass_context
def watch(ctx: click.Context, policy_path: Path | None, verbose: bool) -> None:
    """Quarantine records copied to USB drives and personal cloud folders (runs until stopped).

    \b
    pii-guard watch                 run in the foreground until SIGTERM/Ctrl-C
    pii-guard watch install         start it at every log-in
    pii-guard watch status          running? watching what? blocked today?
    """
    if ctx.invoked_subcommand is None:
        _run(policy_path, verbose)


def _run(policy_path: Path | None, verbose: bool) -> None:
    from pii_guard.watcher.locations import policy_label, vault_for
    from pii_guard.watcher.notify import DesktopNotifier
    from pii_guard.watcher.status import PidLock, write_status
    from pii_guard.watcher.wiring import build_watcher

    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="pii-guard watch: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("watchdog", "presidio-analyzer", "presidio_analyzer", "spacy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    loaded = enforce_policy(policy_path)
    lock = PidLock()
    lock.acquire()
    try:
        label = policy_label(loaded)
        vault = vault_for(loaded.policy)
        watcher = build_watcher(
            loaded, DesktopNotifier(), on_plan=lambda plan: write_status(label, plan, vault.root)
        )
        if stop.is_set():
            return
        watcher.start()
        log = logging.getLogger("pii_guard.watcher")
        log.info("running with policy %s; vault %s", label, vault.root)
        while not stop.wait(3600):
            pass
        log.info("stopping after the file in hand")
        watcher.stop()
    finally:
        lock.release()


@watch.command("install")
@policy_option
@_PLATFORM_OPTION
@click.option("--no-enable", is_flag=True, help="Only write the file; do not register it.")
def install_cmd(
    policy_path: Path | None, platform: installer.Platform | None, no_enable: bool
) -> None:
    """Write (and enable) the service that starts the watcher at log-in."""
    target = platform or installer.this_platform()
    service = installer.service_file(target, policy=policy_path)
    here = target == installer.this_platform()
    applied = installer.install(service, enable=here and not no_enable)
    click.echo(f"wrote {service.path}")
    _report(applied)


@watch.command("uninstall")
@_PLATFORM_OPTION
@click.option("--no-disable", is_flag=True, help="Only remove the file.")
def uninstall_cmd(platform: installer.Platform | None, no_disable: bool) -> None:
    """Stop the service and remove its file."""
    target = platform or installer.this_platform()
    service = installer.service_file(target)
    applied = installer.uninstall(
        service, disable=not no_disable and target == installer.this_platform()
    )
    click.echo(f"removed {service.path}")
    _report(applied)


def _report(applied: list[installer.Applied]) -> None:
    for step in applied:
        state = "ok" if step.ok else "failed"
        detail = f": {step.detail}" if step.detail else ""
        click.echo(f"{state}: {step.command}{detail}")


@watch.command("status")
@policy_option
def status_cmd(policy_path: Path | None) -> None:
    """Is the watcher running, what does it watch, how many files did it block today?"""
    from pii_guard.watcher.locations import vault_for
    from pii_guard.watcher.status import read_status
    from policies import load_policy

    loaded = load_policy(policy_path)
    status = read_status(vault_for(loaded.policy))
    if status.running:
        click.echo(f"running: yes (pid {status.pid}, policy {status.policy})")
    else:
        click.echo("running: no")
    for path, recursive in status.watching:
        click.echo(f"watching: {path}{' (and below)' if recursive else ' (new entries)'}")
    click.echo(f"blocked today: {status.blocked_today}")
