"""age encryption of 1 GiB: our transport.age against the `age` CLI, in the same run.

Each side runs as its own child process (ours: a fresh Python that imports
transport.age and streams file to file, start-up included), so wall time, CPU
time (user + system) and peak memory (the child's own VmHWM, see bench._memory)
are measured the same way for both. Runs alternate order and dirty pages are
synced before each. The machine is shared (its load average is recorded), so
wall-clock time depends on what else runs; we report the best and the median
wall-clock ratio, and the ratio of CPU time, which other load barely touches. Files live on tmpfs
(/dev/shm) when it has room, so a shared disk does not decide the result.
Our ciphertext is decrypted by `age -d` and checked, so the speed is for
correct output.

Environment: PII_GUARD_BENCH_AGE_MIB overrides the size (default 1024).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._memory import PeakWatcher

ROUNDS = 5
GOAL_RATIO = 0.8
MIB = 1024 * 1024

_OURS_ENCRYPT = """
import sys
from transport.age import X25519Recipient, encrypt
with open(sys.argv[1], "rb") as src, open(sys.argv[2], "wb") as dst:
    encrypt(src, dst, [X25519Recipient.parse(sys.argv[3])])
"""

_OURS_DECRYPT = """
import sys
from transport.age import X25519Identity, decrypt
with open(sys.argv[1], "rb") as src, open(sys.argv[2], "wb") as dst:
    decrypt(src, dst, [X25519Identity.parse(open(sys.argv[3]).read().split()[-1])])
"""


def _measure(argv: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MiB) of one child process: its CPU time from wait4, its
    peak memory from its VmHWM (wait4's ru_maxrss would count ours: see bench._memory)."""
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(argv)
    watcher = PeakWatcher(process.pid)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    peak = watcher.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv[0]} failed: {argv}")
    return wall, usage.ru_utime + usage.ru_stime, peak / MIB


def _workdir_parent(size: int) -> str | None:
    shm = Path("/dev/shm")
    if shm.is_dir() and shutil.disk_usage(shm).free > 4 * size:
        return str(shm)
    return None


def _make_input(path: Path, size: int) -> str:
    """Random bytes (a 64 MiB random block repeated at shifting offsets); returns SHA-256."""
    block = os.urandom(64 * MIB)
    digest = hashlib.sha256()
    with path.open("wb") as out:
        written = 0
        shift = 0
        while written < size:
            piece = (block[shift:] + block[:shift])[: size - written]
            out.write(piece)
            digest.update(piece)
            written += len(piece)
            shift = (shift + 4099) % len(block)
    return digest.hexdigest()


def _age_decrypted_sha256(key: Path, sealed: Path) -> str:
    digest = hashlib.sha256()
    with subprocess.Popen(["age", "-d", "-i", str(key), str(sealed)], stdout=subprocess.PIPE) as p:
        assert p.stdout is not None
        while chunk := p.stdout.read(8 * MIB):
            digest.update(chunk)
    if p.returncode != 0:
        return "age -d failed"
    return digest.hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(8 * MIB):
            digest.update(chunk)
    return digest.hexdigest()


def main() -> dict[str, object]:
    size = int(os.environ.get("PII_GUARD_BENCH_AGE_MIB", "1024")) * MIB
    age_version = subprocess.run(["age", "--version"], capture_output=True, text=True).stdout
    load_before = round(os.getloadavg()[0], 2)
    parent = _workdir_parent(size)
    with tempfile.TemporaryDirectory(prefix="bench-age-", dir=parent) as tmp:
        work = Path(tmp)
        plain = work / "plain.bin"
        expected = _make_input(plain, size)
        key = work / "key.txt"
        subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
        recipient = subprocess.run(
            ["age-keygen", "-y", str(key)], check=True, capture_output=True, text=True
        ).stdout.strip()
        ours_enc = work / "ours.age"
        theirs_enc = work / "theirs.age"
        argv = {
            "age_encrypt": ["age", "-r", recipient, "-o", str(theirs_enc), str(plain)],
            "ours_encrypt": [sys.executable, "-c", _OURS_ENCRYPT, str(plain), str(ours_enc),
                             recipient],
            "age_decrypt": ["age", "-d", "-i", str(key), "-o", os.devnull, str(theirs_enc)],
            "ours_decrypt": [sys.executable, "-c", _OURS_DECRYPT, str(theirs_enc), os.devnull,
                             str(key)],
        }  # fmt: skip
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in argv}
        for round_ in range(ROUNDS):
            for op in ("encrypt", "decrypt"):
                order = ("age", "ours") if round_ % 2 == 0 else ("ours", "age")
                for side in order:
                    runs[f"{side}_{op}"].append(_measure(argv[f"{side}_{op}"]))
        ours_opened_by_age = _age_decrypted_sha256(key, ours_enc) == expected
        check = subprocess.run(
            [sys.executable, "-c", _OURS_DECRYPT, str(theirs_enc), str(work / "back"), str(key)],
            check=True,
        )
        age_opened_by_ours = check.returncode == 0 and _file_sha256(work / "back") == expected

    best = {name: min(r[0] for r in results) for name, results in runs.items()}
    median = {name: statistics.median(r[0] for r in results) for name, results in runs.items()}
    cpu = {name: min(r[1] for r in results) for name, results in runs.items()}
    peak = {name: max(r[2] for r in results) for name, results in runs.items()}
    mib = size / MIB

    def rate(name: str) -> float:
        return round(mib / best[name], 1)

    encrypt_ratio = best["age_encrypt"] / best["ours_encrypt"]
    encrypt_cpu_ratio = cpu["age_encrypt"] / cpu["ours_encrypt"]
    decrypt_ratio = best["age_decrypt"] / best["ours_decrypt"]
    return {
        "size_mib": mib,
        "rounds": ROUNDS,
        "peer": f"age {age_version.strip()}",
        "cpu_count": os.cpu_count(),
        "age_encrypt_mib_s": rate("age_encrypt"),
        "ours_encrypt_mib_s": rate("ours_encrypt"),
        "encrypt_throughput_ratio": round(encrypt_ratio, 3),
        "encrypt_goal_ratio": GOAL_RATIO,
        "encrypt_median_wall_ratio": round(median["age_encrypt"] / median["ours_encrypt"], 3),
        "encrypt_goal_met_wall": encrypt_ratio >= GOAL_RATIO,
        "encrypt_goal_met_cpu": encrypt_cpu_ratio >= GOAL_RATIO,
        "age_decrypt_mib_s": rate("age_decrypt"),
        "ours_decrypt_mib_s": rate("ours_decrypt"),
        "decrypt_throughput_ratio": round(decrypt_ratio, 3),
        "decrypt_median_wall_ratio": round(median["age_decrypt"] / median["ours_decrypt"], 3),
        "ours_encrypt_peak_rss_mib": round(peak["ours_encrypt"], 1),
        "ours_decrypt_peak_rss_mib": round(peak["ours_decrypt"], 1),
        "age_encrypt_peak_rss_mib": round(peak["age_encrypt"], 1),
        "age_decrypt_peak_rss_mib": round(peak["age_decrypt"], 1),
        "encrypt_cpu_time_ratio": round(encrypt_cpu_ratio, 3),
        "decrypt_cpu_time_ratio": round(cpu["age_decrypt"] / cpu["ours_decrypt"], 3),
        "ours_output_opened_by_age": ours_opened_by_age,
        "age_output_opened_by_ours": age_opened_by_ours,
        "workdir": "tmpfs" if parent else "disk",
        "load_average_before_after": [load_before, round(os.getloadavg()[0], 2)],
        "python": sys.version.split()[0],
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
