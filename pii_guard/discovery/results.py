"""What a discovery scan keeps about one file: the verdict, never the values.

A district-wide inventory must not become a second copy of the records it
looks for, so a result holds the policy classes and how many of each entity
were seen, not the text that matched (rule R8). It is JSON-friendly and
picklable so it can travel back from a Dask worker and rest in the state store.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Outcome(StrEnum):
    """How a file fared; the values are stored in the state database and the JSON report."""

    SCANNED = "scanned"
    SKIPPED = "skipped"
    ERROR = "error"
    # The file's size or mtime changed but its content hash did not: the stored
    # result still holds, nothing was scanned.
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome of scanning one file (its archive members folded in)."""

    path: str
    outcome: Outcome
    error: str | None = None
    sha256: str | None = None
    classes: tuple[str, ...] = ()
    entities: Mapping[str, int] = field(default_factory=dict)
    members: int = 0  # archive members scanned with the file
    seconds: float = 0.0  # time spent on the worker

    def to_json(self) -> str:
        return json.dumps(
            {
                "outcome": self.outcome.value,
                "error": self.error,
                "sha256": self.sha256,
                "classes": list(self.classes),
                "entities": dict(sorted(self.entities.items())),
                "members": self.members,
                "seconds": round(self.seconds, 4),
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, path: str, text: str) -> FileResult:
        data = json.loads(text)
        return cls(
            path=path,
            outcome=Outcome(data["outcome"]),
            error=data["error"],
            sha256=data["sha256"],
            classes=tuple(data["classes"]),
            entities={str(k): int(v) for k, v in data["entities"].items()},
            members=int(data["members"]),
            seconds=float(data["seconds"]),
        )


def error_result(path: str, message: str, *, sha256: str | None = None) -> FileResult:
    return FileResult(path=path, outcome=Outcome.ERROR, error=message, sha256=sha256)
