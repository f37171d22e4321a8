"""Detection of personal information in files; knows nothing of policy.

    from scanners import Scanner, ScannerConfig
    reports = Scanner().scan_file(Path("roster.xlsx"))   # list[FileReport]
    findings = Scanner().scan_text("SSN 212-58-3391")    # list[Finding]

Importing this package is light (`policies` imports `scanners.findings`): the
scanner, its recognizers, presidio and spaCy load only when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from scanners import compiled
from scanners.findings import ENTITY_TYPES, MEMBER_SEPARATOR, FileReport, Finding, ScanStatus, mask

# Before any detection module is imported: where a fresh build of them exists (`make
# setup`), Python loads it instead of their source.
compiled.use()

if TYPE_CHECKING:
    from scanners.detect import NameDecision
    from scanners.scanner import IdentifierPattern, Scanner, ScannerConfig

_LAZY = {"IdentifierPattern", "Scanner", "ScannerConfig"}

__all__ = [
    "ENTITY_TYPES",
    "MEMBER_SEPARATOR",
    "FileReport",
    "Finding",
    "IdentifierPattern",
    "NameDecision",
    "ScanStatus",
    "Scanner",
    "ScannerConfig",
    "mask",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("scanners.scanner"), name)
    if name == "NameDecision":
        return getattr(importlib.import_module("scanners.detect"), name)
    raise AttributeError(f"module 'scanners' has no attribute {name!r}")
