"""Watcher benchmark: block latency, a 1,000-file burst, idle CPU.

The watcher runs as it does on a laptop, as a `pii-guard watch` subprocess, on
a temp folder that a test policy blocks, with the real scanner and age.

- latency: from the moment a 100 KB roster's copy completes (the copy call
  returns) to the moment it is gone from the blocked folder (quarantined);
  p50/p95 over 30 copies; goal p95 < 1 s. The peer is the work itself: one
  in-process scan of the same file plus `age -r` of it, measured in the same run.
- burst: 1,000 files (10% records) copied at once; every record must be
  quarantined and no clean file touched; peak RSS of the watcher (VmHWM).
- idle: the watcher's CPU time over 60 s with nothing happening (measured
  first, after start-up, so no scan is still running); goal < 1%.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from pii_guard.watcher.notice import notice_path

HEADER = "Student Name,SASID,Date of Birth,Grade,SSN,Guardian Phone\n"
FIRST = ["Maria", "James", "Aisha", "Wei", "Chidera", "Astrid", "Minh", "Rosa", "Omar", "Lena"]
LAST = ["Gonzalez", "OConnor", "Rahman", "Chen", "Okafor", "Lindqvist", "Tran", "Silva", "Haddad"]
LATENCY_RUNS = 30
BURST = 1000
IDLE_SECONDS = 60


def roster(seed: int, size: int) -> bytes:
    rows = [HEADER]
    i = 0
    while sum(map(len, rows)) < size:
        n = seed * 100_000 + i
        rows.append(
            f"{FIRST[n % len(FIRST)]} {LAST[(n // 7) % len(LAST)]},10{n % 10**8:08d},"
            f"2011-{n % 12 + 1:02d}-{n % 27 + 1:02d},8,{100 + n % 600:03d}-{10 + n % 89:02d}-"
            f"{1000 + n % 8999:04d},617-555-{n % 10000:04d}\n"
        )
        i += 1
    return "".join(rows).encode()


def clean(seed: int, size: int) -> bytes:
    text = (
        f"Field trip {seed}: bring water, a packed lunch and comfortable shoes. "
        "The bus leaves at nine from the front entrance and returns by three. "
    )
    return (text * (size // len(text) + 1))[:size].encode()


def write_policy(root: Path, usb: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from _watch_support import make_age_key  # type: ignore[import-not-found]
    from _watch_support import write_policy as write

    key = make_age_key(root)
    written: Path = write(root / "policy.toml", key.recipient, blocked={"bench-usb": [str(usb)]})
    return written


def start_watcher(policy: Path, home: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PII_GUARD_HOME": str(home)}
    with log.open("ab") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pii_guard", "watch", "--policy", str(policy)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    deadline = time.monotonic() + 300
    while "running with policy" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    return proc


def wait_gone(path: Path, timeout: float = 30) -> float:
    deadline = time.monotonic() + timeout
    while path.exists() or not notice_path(path).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} was not quarantined within {timeout} s")
        time.sleep(0.002)
    return time.monotonic()


def peer_seconds(policy: Path, sample: Path) -> float:
    """What one block costs at the least: scan the file once, encrypt it once with age."""
    from pii_guard.scanning import scanner_for_policy
    from policies import load_policy

    scanner = scanner_for_policy(load_policy(policy).policy)
    scanner.scan_text("warm up")
    recipient = load_policy(policy).policy.quarantine.icts_recipient
    t0 = time.perf_counter()
    scanner.scan_file(sample)
    subprocess.run(["age", "-r", recipient, "-o", os.devnull, str(sample)], check=True)
    return time.perf_counter() - t0


def vm_hwm_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-watch-") as temp:
        root = Path(temp)
        usb, src, home = root / "usb", root / "src", root / "home"
        for folder in (usb, src, home):
            folder.mkdir()
        policy = write_policy(root, usb)
        log = root / "watch.log"
        proc = start_watcher(policy, home, log)
        try:
            figures = _measure(proc, policy, usb, src)
        finally:
            proc.terminate()
            proc.wait(timeout=120)
        figures["exit_code_after_sigterm"] = proc.returncode
        return figures


def _measure(
    proc: subprocess.Popen[bytes], policy: Path, usb: Path, src: Path
) -> dict[str, object]:
    watcher = psutil.Process(proc.pid)
    time.sleep(5)  # start-up done; nothing arrives from here on
    before = watcher.cpu_times()
    t_idle = time.monotonic()
    time.sleep(IDLE_SECONDS)
    after = watcher.cpu_times()
    cpu = (after.user + after.system - before.user - before.system) / (time.monotonic() - t_idle)

    latencies = []
    for i in range(LATENCY_RUNS):
        source = src / f"lat-{i}.csv"
        source.write_bytes(roster(i, 100_000))
        target = usb / f"lat-{i}.csv"
        shutil.copy(source, target)
        done = time.monotonic()
        latencies.append(wait_gone(target) - done)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    peer = peer_seconds(policy, src / "lat-0.csv")

    burst_src = src / "burst"
    burst_src.mkdir()
    records: list[str] = []
    clean_files: list[str] = []
    for i in range(BURST):
        is_record = i % 10 == 0
        name = f"file-{i:04d}.csv" if is_record else f"file-{i:04d}.txt"
        (burst_src / name).write_bytes(roster(1000 + i, 4_000) if is_record else clean(i, 4_000))
        (records if is_record else clean_files).append(name)
    t0 = time.monotonic()
    for name in records + clean_files:
        shutil.copy(burst_src / name, usb / name)
    copied = time.monotonic()
    for name in records:
        wait_gone(usb / name, timeout=1800)
    all_blocked = time.monotonic()
    time.sleep(2)  # anything still to be touched would be by now
    untouched = sum(
        1
        for name in clean_files
        if (usb / name).read_bytes() == (burst_src / name).read_bytes()
        and not notice_path(usb / name).exists()
    )
    peak_kib = vm_hwm_kib(proc.pid)

    return {
        "latency_runs": LATENCY_RUNS,
        "latency_file_bytes": 100_000,
        "latency_p50_s": round(p50, 3),
        "latency_p95_s": round(p95, 3),
        "latency_goal_p95_s": 1.0,
        "peer_scan_plus_age_s": round(peer, 3),
        "latency_p50_over_peer": round(p50 / peer, 2) if peer else None,
        "burst_files": BURST,
        "burst_records": len(records),
        "burst_records_quarantined": sum(1 for n in records if not (usb / n).exists()),
        "burst_clean_untouched": untouched,
        "burst_clean_files": len(clean_files),
        "burst_copy_s": round(copied - t0, 2),
        "burst_all_records_blocked_after_s": round(all_blocked - copied, 2),
        "watcher_peak_rss_mib": round(peak_kib / 1024, 1),
        "idle_seconds": IDLE_SECONDS,
        "idle_cpu_percent": round(max(0.0, 100 * cpu), 3),
        "idle_goal_percent": 1.0,
    }
