"""A crash mid-write leaves a torn last line: the next writer sets it aside, never drops it."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pii_guard.audit import AuditChainBroken, AuditLog, AuditWriteError, EventType, verify_log


def _log(tmp_path: Path) -> AuditLog:
    return AuditLog(tmp_path / "audit.jsonl", host="h", user="u")


def _sidecar_records(log: AuditLog) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.sidecar.read_text().splitlines()]


def test_half_a_line_is_set_aside_and_recorded(tmp_path: Path) -> None:
    log = _log(tmp_path)
    for number in range(3):
        log.append(EventType.SCAN_FOUND, {"n": number})
    good_size = log.path.stat().st_size
    whole = log.path.read_bytes().splitlines()[-1]
    torn = whole[: len(whole) // 2]
    with log.path.open("ab") as handle:
        handle.write(torn)
    assert verify_log(log).torn_tail_bytes == len(torn)  # a crash, not tampering

    AuditLog(log.path, host="h", user="u").append(EventType.KEY_CREATED, {"n": 3})

    summary = verify_log(log)
    entries = list(log.entries())
    assert summary.entries == 5 and summary.torn_tail_bytes == 0
    assert [e.event for e in entries] == ["scan.found"] * 3 + ["audit.recovered", "key.created"]
    recovered = entries[3].details
    assert recovered["offset"] == good_size and recovered["length"] == len(torn)
    assert recovered["sha256"] == hashlib.sha256(torn).hexdigest()
    [aside] = _sidecar_records(log)
    assert base64.b64decode(str(aside["bytes_b64"])) == torn
    assert aside["after_seq"] == 3 and aside["offset"] == good_size


def test_a_complete_but_unreadable_last_line_is_set_aside_too(tmp_path: Path) -> None:
    log = _log(tmp_path)
    log.append(EventType.SCAN_FOUND, {})
    with log.path.open("ab") as handle:
        handle.write(b"\0" * 40 + b"\n")  # zero-filled block after a power cut
    log.append(EventType.SCAN_FOUND, {})
    assert verify_log(log).entries == 3
    [aside] = _sidecar_records(log)
    assert base64.b64decode(str(aside["bytes_b64"])) == b"\0" * 40 + b"\n"


def test_torn_fragment_in_an_otherwise_empty_log(tmp_path: Path) -> None:
    log = _log(tmp_path)
    log.path.write_bytes(b'{"v":1,"seq":1,"ti')
    entry = log.append(EventType.SCAN_FOUND, {})
    assert entry.seq == 2
    assert [e.event for e in log.entries()] == ["audit.recovered", "scan.found"]
    assert verify_log(log).entries == 2


def test_a_log_whose_tail_is_all_garbage_is_refused_not_swallowed(tmp_path: Path) -> None:
    log = _log(tmp_path)
    log.append(EventType.SCAN_FOUND, {})
    original = log.path.read_bytes() + b"garbage\n" * 20
    log.path.write_bytes(original)
    with pytest.raises(AuditWriteError):
        log.append(EventType.SCAN_FOUND, {})
    assert log.path.read_bytes() == original


def test_a_writer_killed_mid_write_leaves_a_recoverable_log(tmp_path: Path) -> None:
    """A real process dies between two halves of one write; the next writer recovers."""
    log = _log(tmp_path)
    log.append(EventType.SCAN_FOUND, {"n": 0})
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from pii_guard.audit import AuditLog, EventType
        from pii_guard.audit import log as log_module
        real_write = log_module._write_all
        def half_then_die(fd, data):
            os.write(fd, data[: len(data) // 2])
            os.fsync(fd)
            os.kill(os.getpid(), signal.SIGKILL)
        log_module._write_all = half_then_die
        AuditLog(Path({str(log.path)!r}), host="h", user="u").append(EventType.SCAN_FOUND, {{}})
    """)
    done = subprocess.run([sys.executable, "-c", script], check=False)
    assert done.returncode == -signal.SIGKILL
    assert not log.path.read_bytes().endswith(b"\n")
    log.append(EventType.SCAN_FOUND, {"n": 2})  # the lock died with the killed process
    assert verify_log(log).entries == 3
    assert [e.event for e in log.entries()][1] == "audit.recovered"
    assert log.sidecar.stat().st_size > 0


def test_entries_and_torn_tails_longer_than_the_tail_read_block(tmp_path: Path) -> None:
    log = _log(tmp_path)
    log.append(EventType.SCAN_FOUND, {"note": "x" * 50_000})
    log.append(EventType.SCAN_FOUND, {"note": "y" * 30_000})
    head = log.head()
    assert head is not None and head.seq == 2 and head.details["note"] == "y" * 30_000
    torn = log.path.read_bytes().splitlines()[0][:40_000]
    with log.path.open("ab") as handle:
        handle.write(torn)
    assert log.append(EventType.SCAN_FOUND, {}).seq == 4
    assert verify_log(log).entries == 4
    [aside] = _sidecar_records(log)
    assert base64.b64decode(str(aside["bytes_b64"])) == torn


def test_verify_checks_the_sidecar_holds_what_was_set_aside(tmp_path: Path) -> None:
    log = _log(tmp_path)
    log.append(EventType.SCAN_FOUND, {})
    with log.path.open("ab") as handle:
        handle.write(b'{"v":1,"seq":2,"ti')
    log.append(EventType.SCAN_FOUND, {})
    verify_log(log)
    record = json.loads(log.sidecar.read_text())
    record["bytes_b64"] = base64.b64encode(b"something else").decode()
    log.sidecar.write_text(json.dumps(record) + "\n")
    with pytest.raises(AuditChainBroken) as caught:
        verify_log(log)
    assert [p.line for p in caught.value.problems] == [2]
    log.sidecar.unlink()
    with pytest.raises(AuditChainBroken):
        verify_log(log)


def test_a_torn_line_after_our_own_append_is_still_set_aside(tmp_path: Path) -> None:
    """The same writer appends again after a torn line landed behind its last entry:
    it must read the tail again, not trust what it wrote last."""
    log = _log(tmp_path)
    log.append(EventType.SCAN_FOUND, {"n": 0})
    with log.path.open("ab") as handle:
        handle.write(b'{"seq": 2, "torn')
    log.append(EventType.SCAN_FOUND, {"n": 1})
    assert [e.event for e in log.entries()] == ["scan.found", "audit.recovered", "scan.found"]
    assert verify_log(log).torn_tail_bytes == 0


def test_appends_of_two_writers_interleaved_stay_one_chain(tmp_path: Path) -> None:
    """A writer that appended last keeps its entry in mind; another writer's entry in
    between must still be the one the next entry chains to."""
    mine, theirs = _log(tmp_path), _log(tmp_path)
    written = [
        writer.append(EventType.SCAN_FOUND, {"n": number})
        for number, writer in enumerate([mine, theirs, mine, mine, theirs, mine])
    ]
    assert [e.seq for e in written] == [1, 2, 3, 4, 5, 6]
    assert all(later.prev == earlier.hash for earlier, later in itertools.pairwise(written))
    assert verify_log(mine).entries == 6
