"""Leaving a finished command without tearing the interpreter down.

When `pii-guard scan` has written its report and synced its audit entries, its work is
done; what Python does next, freeing every module, word list and compiled pattern one
object at a time, took 40-50 ms of a 1.4 s scan of 400 files (`make bench`), paid by
every scan a member of staff or a laptop's discovery starts. `os._exit` skips it.

It also skips what an ordinary exit still owes: flushing buffered files, running `atexit`
handlers, joining threads. So a command opts in (`allow`) only once everything it wrote
is flushed and synced, and `leave` flushes stdout and stderr and runs the `atexit`
handlers itself; while another thread is running, the exit is the ordinary one. Only
the program's own entry point (`pii_guard.cli.run`) leaves this way: a command invoked
in-process (click's test runner, another program) returns as usual.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn

# What Python's own exit returns when flushing stdout fails at the end.
FLUSH_FAILED = 120

_allowed = False


def allow() -> None:
    """The running command has flushed and synced all it wrote: it may leave at once."""
    global _allowed
    _allowed = True


def allowed() -> bool:
    """May the program leave at once: the command allowed it, and no other thread runs."""
    return _allowed and threading.active_count() == 1


def leave(code: object) -> NoReturn:
    """Exit with `code` as `sys.exit(code)` would, without the interpreter's teardown."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): Python prints it and exits 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a closed stream
            status = status or FLUSH_FAILED
    os._exit(status)
