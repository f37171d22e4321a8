"""Recognizers as data: built-in patterns, district identifiers, table headers, document signals."""

from __future__ import annotations

from scanners.recognizers.base import Context, Hit, Pattern, Recognizer, resolve_overlaps
from scanners.recognizers.builtin import BUILTIN, NOT_AN_ID
from scanners.recognizers.checksums import VALIDATORS, validator_named

__all__ = [
    "BUILTIN",
    "NOT_AN_ID",
    "VALIDATORS",
    "Context",
    "Hit",
    "Pattern",
    "Recognizer",
    "resolve_overlaps",
    "validator_named",
]
