"""Check a log against its own hash chain, and optionally against a recorded head.

What the chain alone proves: every entry is the one its successor committed to.
So an edited byte, a deleted, inserted or reordered entry shows as a break at
the next entry. What it cannot prove alone: that nothing was cut off the end
(truncation), or that the whole file was not rewritten with fresh hashes. Both
need an anchor kept elsewhere: a head printed by `pii-guard audit head` and
kept by an administrator (`--expect-head`), or the entries forwarded to syslog.

Entries of type `audit.recovered` promise that the torn bytes they moved are
in the sidecar; the verifier recomputes the sidecar fragments' hashes and
reports a promise not kept (a deleted or edited sidecar).

After a break the verifier re-synchronizes on the actual line, so one edit
reports one problem rather than a cascade down the rest of the file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pii_guard.audit._chain import GENESIS, Entry, MalformedEntry, entry_hash, parse_line
from pii_guard.audit._events import EventType
from pii_guard.audit.errors import AuditChainBroken, AuditError, ChainProblem
from pii_guard.audit.log import AuditLog

MAX_PROBLEMS = 50
_HEAD = re.compile(r"(?:(\d+):)?(?:sha256:)?([0-9a-fA-F]{64})")


@dataclass(frozen=True, slots=True)
class ChainSummary:
    """What a successful verification saw."""

    path: str
    entries: int
    head: Entry | None
    torn_tail_bytes: int  # a torn last line awaiting recovery by the next writer
    anchored_at: int | None  # seq of the expected head, when one was given


def parse_head(text: str) -> tuple[int | None, str]:
    """Accept `HASH`, `sha256:HASH` or `SEQ:HASH`, as printed by `audit head`."""
    match = _HEAD.fullmatch(text.strip())
    if match is None:
        raise AuditError(
            f"not a head hash: {text.strip()!r}",
            hint="pass the 64-hex-digit value `pii-guard audit head` printed",
        )
    seq = int(match.group(1)) if match.group(1) else None
    return seq, match.group(2).lower()


class _Problems:
    def __init__(self) -> None:
        self.items: list[ChainProblem] = []
        self.more = 0

    def add(self, line: int | None, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(ChainProblem(line, message))
        else:
            self.more += 1


def verify_log(log: AuditLog, expect_head: str | None = None) -> ChainSummary:
    """Verify the whole chain; raise AuditChainBroken listing every break found."""
    anchor_seq, anchor_hash = parse_head(expect_head) if expect_head else (None, None)
    problems = _Problems()
    prev_hash, expected_seq = GENESIS, 1
    entries, torn, anchored_at = 0, 0, None
    recovered: list[tuple[int, str]] = []
    last: Entry | None = None
    for number, line, complete in log.lines():
        if not complete:  # only ever the last line: a write interrupted by a crash
            torn = len(line)
            continue
        try:
            entry = parse_line(line)
        except MalformedEntry as error:
            problems.add(number, f"{error} (the entry was edited or forged)")
            prev_hash, expected_seq = entry_hash(line), expected_seq + 1
            continue
        entries += 1
        breaks = []
        if entry.seq != expected_seq:
            breaks.append(f"seq {entry.seq} where {expected_seq} was expected")
        if entry.prev != prev_hash:
            breaks.append("prev does not match the hash of the entry before it")
        if breaks:
            problems.add(
                number,
                "; ".join(breaks) + " (an entry was edited, deleted, inserted or reordered)",
            )
        if entry.event == EventType.AUDIT_RECOVERED:
            recovered.append((number, str(entry.details.get("sha256", ""))))
        if anchor_hash is not None and entry.hash == anchor_hash:
            anchored_at = entry.seq
        prev_hash, expected_seq, last = entry.hash, entry.seq + 1, entry
    if recovered:
        _check_sidecar(problems, log.sidecar, recovered)
    if anchor_hash is not None:
        _check_anchor(problems, anchor_seq, anchor_hash, anchored_at, last)
    if problems.items:
        raise AuditChainBroken(str(log.path), problems.items, more=problems.more)
    return ChainSummary(str(log.path), entries, last, torn, anchored_at)


def _sidecar_digests(sidecar: Path) -> set[str]:
    """SHA-256 of every fragment the sidecar really holds (recomputed from its bytes)."""
    digests: set[str] = set()
    try:
        text = sidecar.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return digests
    for line in text.splitlines():
        try:
            fragment = base64.b64decode(json.loads(line)["bytes_b64"], validate=True)
        except (ValueError, KeyError, TypeError, binascii.Error):
            continue
        digests.add(hashlib.sha256(fragment).hexdigest())
    return digests


def _check_sidecar(problems: _Problems, sidecar: Path, recovered: list[tuple[int, str]]) -> None:
    """Each `audit.recovered` entry promises its bytes are in the sidecar: check the promise."""
    held = _sidecar_digests(sidecar)
    for number, digest in recovered:
        if digest not in held:
            problems.add(number, f"the bytes this entry set aside are missing from {sidecar.name}")


def _check_anchor(
    problems: _Problems,
    seq: int | None,
    digest: str,
    anchored_at: int | None,
    last: Entry | None,
) -> None:
    end = last.seq if last else 0
    if anchored_at is None:
        problems.add(
            None,
            f"the expected head {digest[:16]}... is not in the log (it ends at seq {end}): "
            "entries were cut off the end or the log was rewritten",
        )
    elif seq is not None and anchored_at != seq:
        problems.add(None, f"the expected head is at seq {anchored_at}, not {seq}")
