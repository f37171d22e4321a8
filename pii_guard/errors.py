"""Errors of the application layer.

Library packages raise their own domain errors (`policies.errors`,
`scanners.errors`, `transport.errors`); the CLI's one error boundary
(`pii_guard.cli._boundary`) turns all of them into a one-line message and an
exit code. Nothing below the CLI prints or exits.
"""

from __future__ import annotations


class PiiGuardError(Exception):
    """A problem the user can act on; `hint` says how, when we know."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint
