"""Drive a real program on a pseudo-terminal and answer its prompts, as a person would.

Passphrase prompts read from the tty, not stdin, so tests of `age -p` and of an
interactive `pii-guard keys init` need a pty; both use this one loop.
"""

from __future__ import annotations

import os
import pty
import select
import time
from collections.abc import Mapping, Sequence


def converse(
    argv: Sequence[str],
    *,
    prompt: bytes,
    answer: str,
    max_answers: int,
    env: Mapping[str, str] | None = None,
    timeout: float = 120.0,
) -> tuple[int, bytes, int]:
    """Run `argv` on a pty, type `answer` after each `prompt` (at most `max_answers` times).

    Returns the exit code, everything the program wrote to the terminal, and how
    many answers were typed.
    """
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            if env is None:
                os.execvp(argv[0], list(argv))  # noqa: S606 - fixed argv, no shell
            else:
                os.execvpe(argv[0], list(argv), dict(env))  # noqa: S606
        finally:
            os._exit(127)
    seen = b""
    answered = 0
    deadline = time.monotonic() + timeout
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
            if answered < max_answers and seen.count(prompt) > answered:
                os.write(fd, answer.encode() + b"\r")
                answered += 1
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return os.waitstatus_to_exitcode(status), seen, answered
