"""The `pii-guard` command.

Sub-commands load lazily: `pii-guard policy show` must not pay for importing
spaCy and presidio, and the watcher's start-up matters on every laptop.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

from pii_guard import __version__
from pii_guard.cli import _quick_exit
from pii_guard.cli._boundary import BoundaryGroup

# name -> "module:attribute"; a module that is not there (yet) is simply not listed.
_COMMANDS: dict[str, str] = {
    "scan": "pii_guard.cli.scan:scan",
    "release": "pii_guard.cli.release:release",
    "keys": "pii_guard.cli.keys:keys",
    "recipients": "pii_guard.cli.recipients:recipients",
    "watch": "pii_guard.cli.watch:watch",
    "quarantine": "pii_guard.cli.quarantine:quarantine",
    "audit": "pii_guard.cli.audit:audit",
    "incidents": "pii_guard.cli.incidents:incidents",
    "discover": "pii_guard.cli.discover:discover",
    "policy": "pii_guard.cli.policy:policy",
}


class LazyGroup(BoundaryGroup):
    """Imports a sub-command's module only when that command runs or is listed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        present = [
            name
            for name, target in _COMMANDS.items()
            if importlib.util.find_spec(target.partition(":")[0]) is not None
        ]
        return sorted(present)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attribute = target.partition(":")
        if importlib.util.find_spec(module_name) is None:
            return None
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pii-guard")
def main() -> None:
    """Keep student and employee records from leaking out of the district.

    \b
    Staff:        pii-guard scan, pii-guard release create
    Laptops:      pii-guard watch
    Legal staff:  pii-guard release verify
    """


def run() -> None:
    """The `pii-guard` program (its console script, and `python -m pii_guard`): `main`,
    left without the interpreter's teardown where the command allowed it (see
    `pii_guard.cli._quick_exit`)."""
    try:
        main()
    except SystemExit as done:
        if _quick_exit.allowed():
            _quick_exit.leave(done.code)
        raise
