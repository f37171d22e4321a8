"""The CLI's single error boundary.

Library code raises domain errors and never prints or exits. This module is the
one place that turns them into output and an exit code, in age's style:
`pii-guard: error: <what went wrong>` then, when known, `pii-guard: hint: <what
to do>`; lower-case, no tracebacks for a user's mistake.

Exit codes: 0 success, 1 a check failed (a blocking class found, a package that
does not verify), 2 bad usage or bad input.
"""

from __future__ import annotations

from typing import IO, Any

import click

from pii_guard.errors import PiiGuardError
from policies.errors import PolicyError
from scanners.errors import ScannerError
from transport.errors import TransportError, VerificationError

EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2

# Domain error base classes that mean "the user's input was wrong", in order.
USER_ERRORS: tuple[type[Exception], ...] = (
    PolicyError,
    ScannerError,
    TransportError,
    PiiGuardError,
)


class UserFacingError(click.ClickException):
    """A bad-input error, printed in pii-guard's `error:`/`hint:` format; exit 2."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"pii-guard: error: {self.format_message()}", file=file, err=True)
        if self.hint:
            click.echo(f"pii-guard: hint: {self.hint}", file=file, err=True)


class CheckFailedError(UserFacingError):
    """A check that ran and failed (a package that does not verify); exit 1."""

    exit_code = EXIT_CHECK_FAILED


def _one_line(text: str) -> str:
    return " ".join(text.split())


def translate(error: BaseException) -> UserFacingError | None:
    """Map a domain error to what the user sees, or None if it is a bug."""
    if isinstance(error, VerificationError):
        return CheckFailedError(str(error), hint=getattr(error, "hint", None))
    if isinstance(error, USER_ERRORS):
        # Multi-problem errors (a policy file with five mistakes) keep their lines.
        message = str(error)
        return UserFacingError(
            message if "\n" in message else _one_line(message),
            hint=getattr(error, "hint", None),
        )
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return UserFacingError(f"{where}{error.strerror or error}")
    return None


class BoundaryGroup(click.Group):
    """A click group whose invocation is wrapped by `translate`."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.ClickException:
            raise
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:
            user_error = translate(error)
            if user_error is None:
                raise
            raise user_error from error
