"""Nothing is lost: `pii-guard watch` killed with SIGKILL during quarantines, again
and again. After every kill each record is in place or in the vault, and at the
end every record decrypts with the ICTS key to its exact original bytes.

Half of the kills are injected at each step of the quarantine in turn
(PII_GUARD_WATCH_FAULT), half come from outside at a random moment while a
quarantine is in progress (steps slowed by PII_GUARD_WATCH_STEP_DELAY).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _watch_support import CLEAN, ROSTER, AgeKey, age_decrypt, make_age_key, wait_for, write_policy

from pii_guard.paths import data_dir, state_dir
from pii_guard.watcher.quarantine import DELAY_ENV, FAULT_ENV, STAGES
from pii_guard.watcher.vault import Vault

ITERATIONS = 12  # each of the 6 steps by fault injection, and 6 random kills


def roster(n: int) -> bytes:
    """A distinct roster per n, so each file's fate can be told apart."""
    row = f"Student {n} Doe,10{n:08d},2011-05-0{n % 9 + 1},8,5{n:02d}-12-3456,617-555-01{n:02d}"
    return ROSTER + row.encode() + b"\n"


def start(policy: Path, log: Path, extra: dict[str, str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, **extra}
    with log.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "pii_guard", "watch", "--policy", str(policy)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


def busy(journal: Path) -> bool:
    return any(journal.glob("q-*.json"))


def vault_contents(key: AgeKey) -> list[bytes]:
    vault = Vault(data_dir() / "quarantine")
    return [age_decrypt(vault.ciphertext_path(r.id), key) for r in vault.records()]


def assert_nothing_lost(usb: Path, originals: dict[str, bytes], key: AgeKey) -> None:
    in_vault = vault_contents(key)
    for name, data in originals.items():
        here = usb / name
        in_place = here.is_file() and here.read_bytes() == data
        assert in_place or data in in_vault, f"{name} is neither in place nor in the vault"


@pytest.mark.slow
def test_kill_minus_nine_during_quarantine_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(5)
    key = make_age_key(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    policy = write_policy(tmp_path / "policy.toml", key.recipient, blocked={"test-usb": [str(usb)]})
    log = tmp_path / "watch.log"
    journal = state_dir() / "watcher" / "journal"
    originals: dict[str, bytes] = {}
    (usb / "newsletter.txt").write_bytes(CLEAN)

    for i in range(ITERATIONS):
        for n in (2 * i, 2 * i + 1):
            originals[f"roster-{n}.csv"] = roster(n)
            (usb / f"roster-{n}.csv").write_bytes(roster(n))
        if i % 2 == 0:  # at each step in turn, by the watcher's own hand
            stage = STAGES[(i // 2) % len(STAGES)]
            proc = start(policy, log, {FAULT_ENV: f"{stage}:1"})
            proc.wait(timeout=120)
        else:  # from outside, at a random moment while a quarantine is under way
            proc = start(policy, log, {DELAY_ENV: "0.15"})
            assert wait_for(lambda p=proc: busy(journal) or p.poll() is not None, 120)
            time.sleep(rng.uniform(0, 0.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, log.read_text()[-2000:]
        assert_nothing_lost(usb, originals, key)

    proc = start(policy, log, {})
    assert wait_for(lambda: not any((usb / n).exists() for n in originals), 180), log.read_text()[
        -2000:
    ]
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0  # finishes the file in hand, exits cleanly
    assert sorted(vault_contents(key)) == sorted(originals.values())  # each exactly once
    assert (usb / "newsletter.txt").read_bytes() == CLEAN
    assert list(journal.glob("*")) == []
    for name in originals:
        assert (usb / f"{name}.blocked.txt").is_file()
