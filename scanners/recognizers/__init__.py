"""Recognizers as data: built-in patterns, district identifiers, table headers, document signals."""

from __future__ import annotations

from scanners.pattern_programs import preload

# First of all, before the recognizers (and the detector and table shapes, which import
# them) compile their patterns: compiled at install, these are loaded, not compiled.
preload()

from scanners.recognizers.base import Context, Hit, Pattern, Recognizer, resolve_overlaps  # noqa: E402
from scanners.recognizers.builtin import BUILTIN, NOT_AN_ID  # noqa: E402
from scanners.recognizers.checksums import VALIDATORS, validator_named  # noqa: E402

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
