"""Detection of personal information in files; knows nothing of policy."""

from scanners.findings import ENTITY_TYPES, FileReport, Finding, ScanStatus, mask

__all__ = ["ENTITY_TYPES", "FileReport", "Finding", "ScanStatus", "mask"]
