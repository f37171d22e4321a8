"""Keep record paths (which often name a student) out of the log in readable form.

`redact_path` is what callers use before calling `record`; `redact_details` is
the log's own second line of defence for the keys that conventionally hold
paths. Both are idempotent, so a path redacted twice reads the same as once.
The hash is unkeyed on purpose: a reviewer holding the original file can show
it is the one in the log (`sha256:` of the path string); the price is that
someone guessing paths can test guesses, which is why `hash` keeps nothing
readable and `mask` keeps only the folder.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from pathlib import PurePath

PATH_PRIVACY_MODES = ("hash", "mask", "plain")
DEFAULT_MODE = "hash"

# Detail keys that hold paths by convention (see the package docstring).
PATH_KEYS = frozenset(
    {
        "path",
        "paths",
        "src",
        "source",
        "dest",
        "destination",
        "target",
        "file",
        "files",
        "member",
        "folder",
        "directory",
        "quarantined_as",
    }
)
_HASHED = re.compile(r"sha256:[0-9a-f]{64}")
_SEPARATORS = re.compile(r"([/\\!])")


def _mask_name(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 5 or not ext.isalnum():
        stem, ext, dot = name, "", ""
    return "*" * len(stem) + dot + ext


def _split_last(path: str) -> tuple[str, str]:
    cut = max(path.rfind("/"), path.rfind("\\")) + 1
    return path[:cut], path[cut:]


def redact_path(path: str, mode: str) -> str:
    """A record's path may itself name a student: store it as the policy says.

    hash: `sha256:<hex of the UTF-8 path>`; mask: the folder kept, the file name
    and every name inside an archive (`a.zip!dir/m.csv`) replaced by `*`, extensions kept;
    plain: unchanged. An unknown mode is treated as `hash`, the safest.
    """
    if mode == "plain":
        return path
    if mode == "mask":
        outer, bang, members = path.partition("!")
        head, name = _split_last(outer)
        masked = head + (_mask_name(name) if name else "")
        if bang:  # archive members: every name inside the archive is masked
            masked += bang + "".join(
                part if index % 2 else _mask_name(part)
                for index, part in enumerate(_SEPARATORS.split(members))
            )
        return masked
    if _HASHED.fullmatch(path):
        return path
    return "sha256:" + hashlib.sha256(path.encode("utf-8")).hexdigest()


def _redact_value(value: object, mode: str, *, is_path: bool) -> object:
    if isinstance(value, PurePath):
        return redact_path(str(value), mode)
    if isinstance(value, str):
        return redact_path(value, mode) if is_path else value
    if isinstance(value, Enum):
        return _redact_value(value.value, mode, is_path=is_path)
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return redact_details(value, mode)
    if isinstance(value, list | tuple | set | frozenset):
        items = [_redact_value(v, mode, is_path=is_path) for v in value]
        if isinstance(value, set | frozenset):
            items.sort(key=str)
        return items
    raise TypeError(f"audit details cannot hold a {type(value).__name__}")


def _is_path_key(key: str) -> bool:
    return key in PATH_KEYS or key.endswith(("_path", "_paths"))


def redact_details(details: Mapping[str, object], mode: str) -> dict[str, object]:
    """JSON-ready copy of `details` with every conventional path key redacted.

    Raises TypeError for values that have no JSON form: that is a caller's bug.
    """
    out: dict[str, object] = {}
    for key, value in details.items():
        if not isinstance(key, str):
            raise TypeError("audit detail keys must be strings")
        out[key] = _redact_value(value, mode, is_path=_is_path_key(key))
    return out
