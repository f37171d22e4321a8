"""The hash chain: a clean log verifies; each kind of tampering is caught (or, where the
chain alone cannot see it, caught by the recorded head)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pii_guard.audit import (
    GENESIS,
    AuditChainBroken,
    AuditError,
    AuditLog,
    EventType,
    verify_log,
)
from pii_guard.audit._chain import canonical, entry_hash, make_line, parse_line


def _clock() -> Callable[[], datetime]:
    ticks: Iterator[int] = iter(range(10_000))
    start = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    return lambda: start + timedelta(seconds=next(ticks))


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    audit = AuditLog(tmp_path / "audit.jsonl", clock=_clock(), host="laptop-7", user="alice")
    for number in range(10):
        audit.append(EventType.WATCHER_BLOCKED, {"n": number, "classes": ["ferpa-student-record"]})
    return audit


def _lines(log: AuditLog) -> list[bytes]:
    return log.path.read_bytes().splitlines()


def _write(log: AuditLog, lines: list[bytes]) -> None:
    log.path.write_bytes(b"".join(line + b"\n" for line in lines))


def _broken(log: AuditLog, expect_head: str | None = None) -> AuditChainBroken:
    with pytest.raises(AuditChainBroken) as caught:
        verify_log(log, expect_head)
    return caught.value


def test_clean_log_verifies_and_head_is_last_hash(log: AuditLog) -> None:
    summary = verify_log(log)
    lines = _lines(log)
    assert summary.entries == 10
    assert summary.head is not None and summary.head.hash == entry_hash(lines[-1])
    assert log.head() == summary.head
    first = json.loads(lines[0])
    assert first["seq"] == 1 and first["prev"] == GENESIS
    for before, after in itertools.pairwise(lines):
        assert json.loads(after)["prev"] == entry_hash(before)


def test_stored_line_is_the_canonical_form(log: AuditLog) -> None:
    for line in _lines(log):
        assert canonical(json.loads(line)) == line
        assert set(json.loads(line)) == {
            "v",
            "seq",
            "time",
            "host",
            "user",
            "event",
            "details",
            "prev",
        }
    assert json.loads(_lines(log)[0])["time"] == "2026-11-30T08:00:00.000000Z"


def test_edited_byte_is_caught_at_the_next_entry(log: AuditLog) -> None:
    lines = _lines(log)
    lines[2] = lines[2].replace(b'"n":2', b'"n":3')
    _write(log, lines)
    broken = _broken(log)
    assert [p.line for p in broken.problems] == [4]


def test_edit_that_breaks_canonical_form_is_caught_on_that_line(log: AuditLog) -> None:
    lines = _lines(log)
    lines[9] = lines[9].replace(b'"n":9', b'"n": 9')  # the last line: no successor to break
    _write(log, lines)
    assert [p.line for p in _broken(log).problems] == [10]


def test_deleted_line_is_caught(log: AuditLog) -> None:
    lines = _lines(log)
    del lines[4]
    _write(log, lines)
    broken = _broken(log)
    assert [p.line for p in broken.problems] == [5]
    assert "seq 6 where 5 was expected" in broken.problems[0].message


def test_inserted_forged_line_with_recomputed_hash_is_caught(log: AuditLog) -> None:
    lines = _lines(log)
    forged = make_line(
        seq=5,
        moment=datetime(2026, 11, 30, 8, 0, 4, tzinfo=UTC),
        host="laptop-7",
        user="alice",
        event="key.created",
        details={"n": 99},
        prev=entry_hash(lines[3]),
    )
    parse_line(forged)  # the forgery itself is a perfect entry
    lines.insert(4, forged)
    _write(log, lines)
    assert [p.line for p in _broken(log).problems] == [6]


def test_swapped_lines_are_caught(log: AuditLog) -> None:
    lines = _lines(log)
    lines[3], lines[4] = lines[4], lines[3]
    _write(log, lines)
    assert [p.line for p in _broken(log).problems] == [4, 5, 6]


def test_truncation_passes_alone_but_fails_against_the_recorded_head(log: AuditLog) -> None:
    head = log.head()
    assert head is not None
    _write(log, _lines(log)[:7])
    assert verify_log(log).entries == 7  # the chain alone cannot see a cut end
    broken = _broken(log, head.hash)
    assert "not in the log" in broken.problems[0].message


def test_full_rewrite_with_fresh_hashes_is_caught_only_by_the_head(log: AuditLog) -> None:
    head = log.head()
    assert head is not None
    prev, forged = GENESIS, []
    for line in _lines(log):
        obj = json.loads(line)
        if obj["seq"] == 3:
            obj["details"]["classes"] = []
        obj["prev"] = prev
        forged.append(canonical(obj))
        prev = entry_hash(forged[-1])
    _write(log, forged)
    assert verify_log(log).entries == 10
    _broken(log, head.hash)


def test_head_still_found_after_the_log_grows(log: AuditLog) -> None:
    head = log.head()
    assert head is not None
    log.append(EventType.QUARANTINE_RESTORED, {"action": "restored"})
    summary = verify_log(log, f"{head.seq}:{head.hash}")
    assert summary.anchored_at == head.seq and summary.entries == 11
    assert verify_log(log, "sha256:" + head.hash.upper()).anchored_at == head.seq
    with pytest.raises(AuditChainBroken):
        verify_log(log, f"{head.seq + 1}:{head.hash}")


def test_malformed_head_argument_is_a_user_error(log: AuditLog) -> None:
    with pytest.raises(AuditError, match="not a head hash"):
        verify_log(log, "abc123")


def test_one_edit_does_not_cascade(log: AuditLog) -> None:
    lines = _lines(log)
    lines[1] = b'{"not":"an entry"}'
    _write(log, lines)
    broken = _broken(log)
    assert [p.line for p in broken.problems] == [2, 3]


def test_empty_and_missing_logs_verify_as_empty(tmp_path: Path) -> None:
    assert verify_log(AuditLog(tmp_path / "none.jsonl")).entries == 0
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert verify_log(AuditLog(tmp_path / "empty.jsonl")).head is None


def test_every_single_deletion_and_every_swap_is_caught(log: AuditLog) -> None:
    original = _lines(log)
    head = log.head()
    assert head is not None
    for index in range(len(original)):
        _write(log, original[:index] + original[index + 1 :])
        if index < len(original) - 1:
            _broken(log)
        _broken(log, head.hash)  # dropping the last entry is truncation: the head sees it
    for first in range(len(original)):
        for second in range(first + 1, len(original)):
            swapped = list(original)
            swapped[first], swapped[second] = swapped[second], swapped[first]
            _write(log, swapped)
            _broken(log)


def test_every_single_bit_flip_in_an_inner_entry_is_caught(log: AuditLog) -> None:
    original = _lines(log)
    head = log.head()
    assert head is not None
    for position in range(len(original[4])):
        for bit in (0x01, 0x20):
            lines = list(original)
            edited = bytearray(lines[4])
            edited[position] ^= bit
            lines[4] = bytes(edited)
            _write(log, lines)
            _broken(log)
    lines = list(original)
    lines[-1] = lines[-1].replace(b'"n":9', b'"n":8')  # the last entry: only the head sees it
    _write(log, lines)
    assert verify_log(log).entries == 10
    _broken(log, head.hash)
