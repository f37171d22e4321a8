"""Shared pieces of the watcher tests: keys, records, and waiting for the watcher."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROSTER = (
    "Student Name,SASID,Date of Birth,Grade,SSN,Guardian Phone\n"
    "Maria Gonzalez,1034567892,2011-04-17,8,123-45-6789,617-555-0143\n"
    "James O'Connor,1045678903,2010-11-02,9,234-56-7891,617-555-0178\n"
    "Aisha Rahman,1056789014,2011-01-23,8,345-67-8912,617-555-0112\n"
    "Wei Chen,1067890125,2010-07-30,9,456-78-9123,617-555-0199\n"
).encode()

CLEAN = b"Field trip checklist\n- permission slips\n- lunch\n- water bottle\n"


@dataclass(frozen=True)
class AgeKey:
    identity_file: Path
    recipient: str


def make_age_key(directory: Path) -> AgeKey:
    """A fresh ICTS test key made by the stock age-keygen."""
    path = directory / "icts-key.txt"
    subprocess.run(["age-keygen", "-o", str(path)], check=True, capture_output=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(path)], check=True, capture_output=True, text=True
    ).stdout.strip()
    return AgeKey(path, recipient)


def age_decrypt(ciphertext: Path, key: AgeKey) -> bytes:
    """Decrypt with the stock age CLI: an independent check of our encryption."""
    return subprocess.run(
        ["age", "-d", "-i", str(key.identity_file), str(ciphertext)],
        check=True,
        capture_output=True,
    ).stdout


def wait_for(condition: Callable[[], bool], timeout: float = 20.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


class AgeCliEncryptor:
    """Interim encryptor through the stock age CLI (until transport.age lands)."""

    def __init__(self, recipient: str) -> None:
        self._recipient = recipient

    @property
    def recipient(self) -> str:
        return self._recipient

    def encrypt(self, src, dst) -> None:  # type: ignore[no-untyped-def]
        proc = subprocess.run(["age", "-r", self._recipient], input=src.read(), capture_output=True, check=True)
        dst.write(proc.stdout)
