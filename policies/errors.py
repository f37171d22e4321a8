"""Errors of the policy model.

Verification-style checks raise; the CLI boundary turns them into messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class PolicyError(Exception):
    """Base of every error the policy package raises."""


@dataclass(frozen=True, slots=True)
class PolicyProblem:
    """One mistake in a policy file, located as precisely as we can."""

    file: str
    line: int | None
    where: str  # dotted key path, e.g. "locations.blocked[2]"
    message: str

    def __str__(self) -> str:
        line = f":{self.line}" if self.line is not None else ""
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}{line}:{where} {self.message}"


class PolicyFileError(PolicyError):
    """A policy file that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[PolicyProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class LegalBasisIncomplete(PolicyError):
    """A third-party release whose legal basis falls short; `missing` lists every gap."""

    def __init__(self, basis: str, missing: Sequence[str]) -> None:
        self.basis = basis
        self.missing = tuple(missing)
        super().__init__(f"legal basis '{basis}' is incomplete: missing " + ", ".join(self.missing))


class WeakPassphrase(PolicyError):
    """A passphrase that the policy's rules (R5) reject; `problems` lists each rule broken."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("passphrase rejected: " + "; ".join(self.problems))
