"""Audit log speed: appends per second (1 and 8 processes) and verify speed at 1,000,000 entries.

Peers measured in the same run: for appends, the naive log (open in append
mode, write one JSON line, fsync; no lock, no chain), so the ratio is the
price of the lock and of reading the tail; for verify, hashing the same file's
bytes in one pass with SHA-256, the floor any chain check must pay.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pii_guard.audit import AuditLog, EventType, verify_log
from pii_guard.audit._chain import GENESIS, canonical, format_time, make_line

DETAILS = {
    "path": "sha256:" + "ab" * 32,
    "classes": ["ferpa-student-record"],
    "entities": {"PERSON": 3, "STUDENT_ID": 3},
    "action": "blocked",
    "rule": "personal-usb",
}
SINGLE_APPENDS = 2_000
PER_PROCESS_APPENDS = 500
PROCESSES = 8
VERIFY_ENTRIES = 1_000_000


def _append_many(path: str, count: int) -> None:
    log = AuditLog(Path(path), host="bench", user="bench")
    for _ in range(count):
        log.append(EventType.WATCHER_BLOCKED, DETAILS)


def _naive_many(path: str, count: int) -> None:
    line = json.dumps({"event": "watcher.blocked", "details": DETAILS}) + "\n"
    for _ in range(count):
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())


def _rate(target: object, path: Path, processes: int, count: int) -> float:
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=target, args=(str(path), count))  # type: ignore[arg-type]
        for _ in range(processes)
    ]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - start
    assert all(w.exitcode == 0 for w in workers)
    return processes * count / elapsed


def _generate(path: Path, count: int) -> None:
    """Build a valid chain fast: the canonical line from a template, hashed as it goes.

    The template spells out `_chain.canonical` for this one shape (keys sorted); the
    first line is checked against `make_line`, and verify itself rejects any line
    that is not canonical, so a wrong template could not pass unnoticed.
    """
    start = datetime(2026, 1, 1, tzinfo=UTC)
    details = canonical(DETAILS).decode().replace("{", "{{").replace("}", "}}")
    template = (
        '{{"details":' + details + ',"event":"watcher.blocked","host":"bench",'
        '"prev":"{prev}","seq":{seq},"time":"{time}","user":"bench","v":1}}'
    )
    first = make_line(
        seq=1,
        moment=start + timedelta(seconds=1),
        host="bench",
        user="bench",
        event="watcher.blocked",
        details=DETAILS,
        prev=GENESIS,
    )
    assert (
        template.format(
            prev=GENESIS, seq=1, time=format_time(start + timedelta(seconds=1))
        ).encode()
        == first
    )
    prev = GENESIS
    with path.open("wb") as handle:
        batch: list[bytes] = []
        for seq in range(1, count + 1):
            moment = format_time(start + timedelta(seconds=seq))
            line = template.format(prev=prev, seq=seq, time=moment).encode()
            prev = hashlib.sha256(line).hexdigest()
            batch.append(line)
            if len(batch) == 10_000:
                handle.write(b"\n".join(batch) + b"\n")
                batch.clear()
        if batch:
            handle.write(b"\n".join(batch) + b"\n")


def main() -> dict[str, object]:
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        _append_many(str(root / "one.jsonl"), SINGLE_APPENDS)
        ours_1 = SINGLE_APPENDS / (time.perf_counter() - start)
        start = time.perf_counter()
        _naive_many(str(root / "naive-one.jsonl"), SINGLE_APPENDS)
        naive_1 = SINGLE_APPENDS / (time.perf_counter() - start)
        ours_8 = _rate(_append_many, root / "eight.jsonl", PROCESSES, PER_PROCESS_APPENDS)
        naive_8 = _rate(_naive_many, root / "naive-eight.jsonl", PROCESSES, PER_PROCESS_APPENDS)
        summary = verify_log(AuditLog(root / "eight.jsonl"))
        assert summary.entries == PROCESSES * PER_PROCESS_APPENDS
        figures.update(
            {
                "appends_per_s_1_process": round(ours_1),
                "naive_appends_per_s_1_process": round(naive_1),
                "ratio_1_process_ours_vs_naive": round(ours_1 / naive_1, 3),
                "appends_per_s_8_processes": round(ours_8),
                "naive_appends_per_s_8_processes": round(naive_8),
                "ratio_8_processes_ours_vs_naive": round(ours_8 / naive_8, 3),
                "chain_valid_after_8_processes": True,
            }
        )

        big = root / "million.jsonl"
        start = time.perf_counter()
        _generate(big, VERIFY_ENTRIES)
        figures["generate_s_1m"] = round(time.perf_counter() - start, 2)
        figures["log_bytes_1m"] = big.stat().st_size
        start = time.perf_counter()
        summary = verify_log(AuditLog(big))
        verify_s = time.perf_counter() - start
        assert summary.entries == VERIFY_ENTRIES
        start = time.perf_counter()
        digest = hashlib.sha256()
        with big.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        hash_s = time.perf_counter() - start
        figures.update(
            {
                "verify_s_1m": round(verify_s, 2),
                "verify_entries_per_s": round(VERIFY_ENTRIES / verify_s),
                "sha256_file_s_1m": round(hash_s, 3),
                "ratio_verify_vs_sha256_file": round(verify_s / hash_s, 1),
            }
        )
    figures["cpu_count"] = os.cpu_count()
    return figures
