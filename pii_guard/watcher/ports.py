"""The watcher's narrow seams to the rest of pii-guard.

The watcher's own logic (events, completion, journal, quarantine, sweep) needs
only four things from outside: where a path stands in the policy, what a file
holds, how to encrypt to the ICTS quarantine key, and how to tell the person at
the desk. `wiring.py` builds them from the real policy, scanner and age code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

Action = Literal["block", "audit"]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a path stands: blocked (and what to do there) or not."""

    blocked: bool
    rule_id: str | None = None
    pattern: str | None = None
    action: Action = "block"


@dataclass(frozen=True, slots=True)
class Classification:
    """What a file holds, in the policy's terms; never any found value."""

    classes: tuple[str, ...] = ()
    blocking: tuple[str, ...] = ()
    entity_counts: Mapping[str, int] = field(default_factory=dict)
    sha256: str | None = None  # of the bytes scanned, when the scanner read them
    error: str | None = None  # the file could not be scanned (unreadable, vanished...)


class LocationJudge(Protocol):
    def placement(self, path: Path) -> Placement:
        """Judge one path against the policy's locations."""
        ...

    def watch_roots(self) -> tuple[Path, ...]:
        """Directories under which blocked locations exist or may appear."""
        ...


class Classifier(Protocol):
    def classify(self, path: Path) -> Classification:
        """Scan a file (archives inside) and classify it; never raises for bad input."""
        ...


class Encryptor(Protocol):
    @property
    def recipient(self) -> str:
        """The age recipient the quarantine encrypts to (recorded with each entry)."""
        ...

    def encrypt(self, src: BinaryIO, dst: BinaryIO) -> None:
        """Stream `src` into `dst` encrypted to `recipient`."""
        ...


class Notifier(Protocol):
    def notify(self, title: str, body: str) -> None:
        """Tell the person at the desk; must return promptly and never raise."""
        ...
