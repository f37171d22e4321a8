"""Errors raised by the scanner library (import-light: no presidio here)."""

from __future__ import annotations


class ScannerError(Exception):
    """Base of every error the scanner raises for bad input or configuration."""
