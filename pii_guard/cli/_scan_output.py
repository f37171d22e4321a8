"""Output formats of `pii-guard scan`: text, JSON (`pii-guard/scan/v1`), JSON Lines, SARIF.

Every writer gets one `ScannedFile` at a time, so JSON Lines and text stream
while a long scan runs; JSON and SARIF are written once at the end (they are
single documents). Values are masked unless the caller asked to show them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any, Protocol

from pii_guard import __version__
from scanners import FileReport, Finding

SCHEMA = "pii-guard/scan/v1"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LINE = re.compile(r"\bline (\d+)\b")


@dataclass(frozen=True, slots=True)
class ScannedFile:
    report: FileReport
    classes: tuple[str, ...]
    blocking: tuple[str, ...]


def finding_dict(finding: Finding, show_values: bool) -> dict[str, Any]:
    return {
        "entity": finding.entity,
        "score": finding.score,
        "value": finding.value if show_values else finding.masked_value(),
        "location": finding.location,
    }


def file_dict(item: ScannedFile, show_values: bool) -> dict[str, Any]:
    report = item.report
    return {
        "path": report.path,
        "status": report.status.value,
        "error": report.error,
        "sha256": report.sha256,
        "classes": list(item.classes),
        "findings": [finding_dict(f, show_values) for f in report.findings],
    }


class Writer(Protocol):
    def add(self, item: ScannedFile) -> None: ...
    def close(self) -> None: ...


class TextWriter:
    def __init__(self, out: IO[str], show_values: bool) -> None:
        self.out, self.show_values = out, show_values
        self.files = self.flagged = self.problems = 0

    def add(self, item: ScannedFile) -> None:
        report = item.report
        self.files += 1
        if report.error is not None:
            self.problems += 1
            self.out.write(f"{report.path}: {report.status.value}: {report.error}\n")
            return
        if not report.findings:
            return
        if item.classes:
            self.flagged += 1
        classes = ", ".join(item.classes) if item.classes else "no protected class"
        self.out.write(f"{report.path}: {classes}\n")
        for f in report.findings:
            value = f.value if self.show_values else f.masked_value()
            value = value.replace("\r", "").replace("\n", " / ")
            self.out.write(f"  {f.entity:<18} {f.score:.2f}  {value}  ({f.location})\n")
        self.out.flush()

    def close(self) -> None:
        self.out.write(
            f"{self.files} file{'s' if self.files != 1 else ''} scanned: "
            f"{self.flagged} with protected classes, {self.problems} skipped or in error\n"
        )


class JsonWriter:
    def __init__(self, out: IO[str], show_values: bool) -> None:
        self.out, self.show_values = out, show_values
        self.files: list[dict[str, Any]] = []

    def add(self, item: ScannedFile) -> None:
        self.files.append(file_dict(item, self.show_values))

    def close(self) -> None:
        json.dump({"schema": SCHEMA, "files": self.files}, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")


class JsonLinesWriter:
    def __init__(self, out: IO[str], show_values: bool) -> None:
        self.out, self.show_values = out, show_values

    def add(self, item: ScannedFile) -> None:
        line = {"schema": SCHEMA, **file_dict(item, self.show_values)}
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass


class SarifWriter:
    """SARIF 2.1.0: one rule per entity type, one result per finding (and per unreadable file)."""

    def __init__(self, out: IO[str], show_values: bool) -> None:
        self.out, self.show_values = out, show_values
        self.results: list[dict[str, Any]] = []
        self.rules: dict[str, int] = {}
        self.notifications: list[dict[str, Any]] = []

    def _rule(self, entity: str) -> int:
        return self.rules.setdefault(entity, len(self.rules))

    def add(self, item: ScannedFile) -> None:
        report = item.report
        uri = _uri(report.path)
        if report.error is not None:
            self.notifications.append(
                {
                    "level": "error" if report.status.value == "error" else "note",
                    "message": {"text": f"{report.path}: {report.status.value}: {report.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
            return
        level = "error" if item.blocking else "warning" if item.classes else "note"
        for f in report.findings:
            value = f.value if self.show_values else f.masked_value()
            physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            line = _LINE.search(f.location)
            if line:
                physical["region"] = {"startLine": int(line.group(1))}
            self.results.append(
                {
                    "ruleId": f.entity,
                    "ruleIndex": self._rule(f.entity),
                    "level": level,
                    "message": {"text": f"{f.entity} {value} at {f.location}"},
                    "locations": [
                        {
                            "physicalLocation": physical,
                            "logicalLocations": [
                                {"fullyQualifiedName": f"{report.path}: {f.location}"}
                            ],
                        }
                    ],
                    "properties": {"score": f.score, "classes": list(item.classes)},
                }
            )

    def close(self) -> None:
        rules = [
            {
                "id": entity,
                "name": entity.title().replace("_", ""),
                "shortDescription": {"text": f"Personal information: {entity}"},
            }
            for entity in sorted(self.rules, key=self.rules.__getitem__)
        ]
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "pii-guard",
                            "version": __version__,
                            "rules": rules,
                        }
                    },
                    "invocations": [
                        {
                            "executionSuccessful": True,
                            "toolExecutionNotifications": self.notifications,
                        }
                    ],
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")


def _uri(path: str) -> str:
    outer = path.split("!", 1)[0]
    return PurePath(outer).as_posix()


WRITERS: dict[str, Callable[[IO[str], bool], Writer]] = {
    "text": TextWriter,
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "sarif": SarifWriter,
}

FORMATS: Sequence[str] = tuple(WRITERS)
