"""Detection of personal information in files; knows nothing of policy.

    from scanners import Scanner, ScannerConfig
    reports = Scanner().scan_file(Path("roster.xlsx"))   # list[FileReport]
    findings = Scanner().scan_text("SSN 212-58-3391")    # list[Finding]

Importing this package is light: presidio and spaCy load only when a scan
first needs a person's name.
"""

from scanners.findings import ENTITY_TYPES, FileReport, Finding, ScanStatus, mask
from scanners.scanner import IdentifierPattern, Scanner, ScannerConfig

__all__ = [
    "ENTITY_TYPES",
    "FileReport",
    "Finding",
    "IdentifierPattern",
    "ScanStatus",
    "Scanner",
    "ScannerConfig",
    "mask",
]
