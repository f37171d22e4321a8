"""Drive the real `age` binary in tests, including its passphrase prompt on a pty."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from ttydialog import converse


def run_age(args: Sequence[str | Path], *, data: bytes | None = None) -> bytes:
    result = subprocess.run(
        ["age", *map(str, args)], input=data, capture_output=True, check=False, timeout=120
    )
    if result.returncode != 0:
        raise AssertionError(f"age {args} failed: {result.stderr.decode(errors='replace')}")
    return result.stdout


def run_age_with_passphrase(args: Sequence[str | Path], passphrase: str, prompts: int) -> str:
    """Run `age` on a pseudo-terminal (it reads passphrases from the tty only).

    Answers `prompts` passphrase prompts; returns what age printed on the tty.
    """
    code, seen, _ = converse(
        ["age", *map(str, args)], prompt=b"assphrase", answer=passphrase, max_answers=prompts
    )
    text = seen.decode(errors="replace")
    if code != 0:
        raise AssertionError(f"age {args} failed on the tty: {text}")
    return text
