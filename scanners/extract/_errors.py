"""One-line reasons for documents that could not be read."""

from __future__ import annotations

import errno
import zipfile

_MAX_REASON = 200


class EncryptedPDFError(Exception):
    """The PDF needs a password: reported as skipped, the policy decides."""


class NoTextLayerError(Exception):
    """The PDF has pages but no text (a scan): reported as skipped."""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[0].strip() if text else ""
    if not line:
        return type(exc).__name__
    return line if len(line) <= _MAX_REASON else line[: _MAX_REASON - 1] + "…"


def describe(kind: str, exc: BaseException) -> str:
    """Why a `kind` document failed, in words a user can act on, one line."""
    if isinstance(exc, MemoryError):
        return f"{kind}: too large to extract in memory"
    if isinstance(exc, RecursionError):
        return f"{kind}: structure nested too deeply"
    if isinstance(exc, zipfile.BadZipFile):
        return f"corrupt {kind}: damaged zip container ({_first_line(exc)})"
    if isinstance(exc, OSError) and exc.errno is not None:
        return os_reason(exc)
    return f"corrupt {kind}: {_first_line(exc)}"


def os_reason(exc: OSError) -> str:
    """The cause of a failed file operation, without the path (the report names it)."""
    code = exc.errno
    if code == errno.ENOENT:
        return "no such file (missing, or removed during the scan)"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ELOOP:
        return "symlink loop"
    if code == errno.EISDIR:
        return "is a directory"
    if code == errno.ENXIO:
        return "device or socket without a reader"
    if code == errno.EIO:
        return "input/output error while reading"
    reason = exc.strerror or _first_line(exc)
    return reason[:1].lower() + reason[1:]
