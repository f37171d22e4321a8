"""Whatever bytes end up at the end of the log, the next writer keeps a valid chain and
loses nothing: the bytes are either still in the log or in the sidecar."""

from __future__ import annotations

import base64
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pii_guard.audit import AuditLog, AuditWriteError, EventType, verify_log
from pii_guard.audit._chain import MalformedEntry, canonical, make_line, parse_line

_VALID = make_line(
    seq=7,
    moment=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
    host="lt-9",
    user="bob",
    event="watcher.blocked",
    details={"classes": ["ferpa-student-record"], "n": 1.5},
    prev="ab" * 32,
)


@settings(max_examples=400, deadline=None)
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)), min_size=1, max_size=3
    ),
    cut=st.integers(0, len(_VALID)),
)
def test_a_mutated_line_is_rejected_or_is_itself_canonical(
    edits: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(_VALID[:cut] if cut < len(_VALID) // 2 else _VALID)
    for position, value in edits:
        if position < len(data):
            data[position] = value
    try:
        entry = parse_line(bytes(data))
    except MalformedEntry:
        return
    assert canonical(entry.as_dict()) == bytes(data)  # the hash covers exactly these bytes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    good=st.integers(min_value=0, max_value=3),
    tail=st.binary(max_size=300)
    | st.lists(st.sampled_from([b"\n", b"{", b"}", b"\0", b"x"]), max_size=40).map(b"".join),
)
def test_any_tail_is_recovered_or_refused_never_lost(good: int, tail: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        log = AuditLog(Path(folder) / "audit.jsonl", host="h", user="u")
        for number in range(good):
            log.append(EventType.SCAN_FOUND, {"n": number})
        before = log.path.read_bytes() + tail if good else tail
        log.path.write_bytes(before)
        try:
            log.append(EventType.KEY_CREATED, {})
        except AuditWriteError:
            assert log.path.read_bytes() == before  # refused: untouched
            return
        verify_log(log)
        after = log.path.read_bytes()
        aside = b""
        if log.sidecar.exists():
            records = [json.loads(x) for x in log.sidecar.read_text().splitlines()]
            aside = b"".join(base64.b64decode(r["bytes_b64"]) for r in records)
            kept = int(records[0]["offset"])
            assert before[:kept] + aside == before
            assert after.startswith(before[:kept])
        else:
            assert after.startswith(before)
