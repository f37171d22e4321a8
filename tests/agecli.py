"""Drive the real `age` binary in tests, including its passphrase prompt on a pty."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path


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
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.execvp("age", ["age", *map(str, args)])  # noqa: S606 - fixed argv, no shell
        finally:
            os._exit(127)
    seen = b""
    answered = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
            if answered < prompts and seen.count(b"assphrase") > answered:
                os.write(fd, passphrase.encode() + b"\r")
                answered += 1
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    text = seen.decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise AssertionError(f"age {args} failed on the tty: {text}")
    return text
