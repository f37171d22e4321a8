"""The entry format and the hash chain, defined once for the writer and the verifier.

Canonical form of an entry (format version 1): a JSON object with exactly the
keys `v` (1), `seq` (1, 2, 3 ...), `time` (UTC, `YYYY-MM-DDTHH:MM:SS.ffffffZ`),
`host`, `user`, `event`, `details` (an object) and `prev`, serialized with
`json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
allow_nan=False)` and encoded as UTF-8. That byte string, without the line's
`\\n`, is the line in the file, and its SHA-256 (lower-case hex) is the entry's
hash. `prev` is the hash of the entry before it; the first entry's `prev` is 64
zeros (GENESIS). The head of the log is the hash of its last entry.

Hashing the stored bytes (not a re-serialization) means the verifier never has
to trust a JSON library to reproduce the writer's bytes; it re-serializes only
to insist the line is canonical, which catches an editor's reformatting.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import NamedTuple

FORMAT_VERSION = 1
GENESIS = "0" * 64
KEYS = frozenset({"v", "seq", "time", "host", "user", "event", "details", "prev"})
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)
_DECODER = json.JSONDecoder()
_HEX64 = re.compile(r"[0-9a-f]{64}")


def canonical(obj: Mapping[str, object]) -> bytes:
    """The one serialization the chain is computed over."""
    return _ENCODER.encode(obj).encode("utf-8")


def entry_hash(line: bytes) -> str:
    """Hash of one stored line (without its newline)."""
    return hashlib.sha256(line).hexdigest()


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def parse_time(text: str) -> datetime:
    """Inverse of `format_time`; raises ValueError for anything else."""
    if len(text) != 27 or text[-1] != "Z" or text[10] != "T":
        raise ValueError(f"not a log time: {text!r}")
    return datetime.fromisoformat(text)


class Entry(NamedTuple):
    """One parsed log entry together with its hash (a NamedTuple: verify builds a million)."""

    seq: int
    time: str
    host: str
    user: str
    event: str
    details: Mapping[str, object]
    prev: str
    hash: str

    @property
    def moment(self) -> datetime:
        return parse_time(self.time)

    def as_dict(self) -> dict[str, object]:
        return {
            "v": FORMAT_VERSION,
            "seq": self.seq,
            "time": self.time,
            "host": self.host,
            "user": self.user,
            "event": self.event,
            "details": dict(self.details),
            "prev": self.prev,
        }


def make_line(
    *,
    seq: int,
    moment: datetime,
    host: str,
    user: str,
    event: str,
    details: Mapping[str, object],
    prev: str,
) -> bytes:
    """The canonical line for a new entry (no newline)."""
    return canonical(
        {
            "v": FORMAT_VERSION,
            "seq": seq,
            "time": format_time(moment),
            "host": host,
            "user": user,
            "event": event,
            "details": dict(details),
            "prev": prev,
        }
    )


class MalformedEntry(ValueError):
    """A line that is not a version-1 entry; the message says why."""


def _is_hex64(value: object) -> bool:
    return isinstance(value, str) and _HEX64.fullmatch(value) is not None


def parse_line(line: bytes, *, check_canonical: bool = True) -> Entry:
    """Parse one stored line, insisting on the version-1 shape; raises MalformedEntry."""
    try:
        obj = _DECODER.decode(line.decode("utf-8"))
    except ValueError as error:  # UnicodeDecodeError included
        raise MalformedEntry("not a JSON entry") from error
    if not isinstance(obj, dict):
        raise MalformedEntry("not a JSON object")
    if obj.keys() != KEYS:
        raise MalformedEntry("unexpected or missing fields")
    if obj["v"] != FORMAT_VERSION:
        raise MalformedEntry(f"unknown format version {obj['v']!r}")
    seq, details, prev = obj["seq"], obj["details"], obj["prev"]
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise MalformedEntry("seq is not a positive integer")
    if not isinstance(details, dict):
        raise MalformedEntry("details is not an object")
    if not _is_hex64(prev):
        raise MalformedEntry("prev is not a SHA-256 hex digest")
    for key in ("time", "host", "user", "event"):
        if not isinstance(obj[key], str):
            raise MalformedEntry(f"{key} is not a string")
    try:
        parse_time(obj["time"])
    except ValueError as error:
        raise MalformedEntry("time is not UTC in the log's format") from error
    if check_canonical and canonical(obj) != line:
        raise MalformedEntry("not in canonical form (the line was re-written)")
    return Entry(
        seq=seq,
        time=obj["time"],
        host=obj["host"],
        user=obj["user"],
        event=obj["event"],
        details=details,
        prev=prev,
        hash=entry_hash(line),
    )
