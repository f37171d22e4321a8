"""The outcome of checking a release package: named checks, each pass or fail with a reason.

Verification collects every check rather than stopping at the first failure,
so legal staff see the whole picture; `raise_if_failed` turns a bad report
into the one error the CLI maps to exit code 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from transport.errors import VerificationError
from transport.manifest import Manifest


class CheckStatus(StrEnum):
    PASS = "pass"  # noqa: S105
    FAIL = "fail"
    NOT_CHECKED = "not checked"


@dataclass(frozen=True, slots=True)
class Check:
    """One named check of a package and why it passed or failed."""

    name: str
    status: CheckStatus
    reason: str

    @property
    def passed(self) -> bool:
        return self.status is CheckStatus.PASS


def passed(name: str, reason: str) -> Check:
    return Check(name, CheckStatus.PASS, reason)


def failed(name: str, reason: str) -> Check:
    return Check(name, CheckStatus.FAIL, reason)


ExtraCheck = Callable[[Manifest], Check]


@dataclass(frozen=True, slots=True)
class VerificationReport:
    """Every check of one package, in order; the package is good only if all passed."""

    package: str
    checks: tuple[Check, ...]
    manifest: Manifest | None
    signer_fingerprint: str | None

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(check.passed for check in self.checks)

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(check.name for check in self.checks if not check.passed)

    def raise_if_failed(self) -> None:
        if not self.ok:
            raise PackageRejectedError(self)


class PackageRejectedError(VerificationError):
    """A package that failed one or more checks; `report` holds them all."""

    def __init__(self, report: VerificationReport) -> None:
        self.report = report
        first = next(c for c in report.checks if c.status is CheckStatus.FAIL)
        names = ", ".join(c.name for c in report.checks if c.status is CheckStatus.FAIL)
        super().__init__(f"{report.package}: failed {names}: {first.name}: {first.reason}")
