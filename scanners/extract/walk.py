"""Walking the paths a user names: recursion, include/exclude globs, and every
problem (unreadable folder, symlink loop, vanished entry) reported, not raised.

The walk yields paths for `extract_path` and `WalkError`s for what it could
not enter, in a stable (sorted) order so two scans of one tree read alike.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from scanners.extract._errors import os_reason


@dataclass(frozen=True)
class WalkError:
    """A path the walk could not read, with a one-line reason (not an exception:
    it is yielded in place of the path so the caller reports it and goes on)."""

    path: str
    reason: str


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    """A glob as in .gitignore: `*` and `?` stay within one path component,
    `**/` spans any number of folders."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(pattern[i]))
                i += 1
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def _matches(rel: PurePosixPath, patterns: Sequence[str]) -> bool:
    """A pattern without a slash matches the entry's name; one with a slash
    matches its path relative to the root."""
    text = rel.as_posix()
    for pattern in patterns:
        target = text if "/" in pattern.rstrip("/") else rel.name
        if _compile(pattern.rstrip("/")).match(target):
            return True
    return False


def iter_files(
    roots: Iterable[Path],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    *,
    follow_symlinks: bool = True,
) -> Iterator[Path | WalkError]:
    """Files under `roots` (a root that is a file is yielded as it is).

    `include` globs select files (none: all files); `exclude` globs drop files
    and prune folders. As in .gitignore, a glob without a slash matches the
    entry's name ("*.csv", "tmp"), one with a slash its path relative to the
    root ("exports/*", "**/tmp"); `*` stays within one folder, `**/` spans any.
    Symlinked folders are followed when `follow_symlinks`, each real folder at
    most once, so a symlink loop is reported instead of walked forever.
    Special files (FIFOs, sockets) are yielded: `extract_path` reports them as
    skipped without opening them.
    """
    for root in roots:
        try:
            info = root.stat()
        except OSError as exc:
            yield WalkError(str(root), os_reason(exc))
            continue
        if not stat.S_ISDIR(info.st_mode):
            yield root
            continue
        key = (info.st_dev, info.st_ino)
        yield from _walk_dir(root, PurePosixPath(), include, exclude, follow_symlinks, {key}, {key})


def _walk_dir(
    folder: Path,
    rel: PurePosixPath,
    include: Sequence[str],
    exclude: Sequence[str],
    follow: bool,
    visited: set[tuple[int, int]],
    ancestors: set[tuple[int, int]],
) -> Iterator[Path | WalkError]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield WalkError(str(folder), f"cannot list folder: {os_reason(exc)}")
        return
    for entry in entries:
        path = Path(entry.path)
        entry_rel = rel / entry.name
        if exclude and _matches(entry_rel, exclude):
            continue
        try:
            is_link = entry.is_symlink()
            info = path.stat() if (follow or not is_link) else path.lstat()
        except OSError as exc:
            if isinstance(exc, FileNotFoundError) and not os.path.lexists(path):
                yield WalkError(str(path), os_reason(exc))
            elif exc.errno is not None and os_reason(exc) == "symlink loop":
                yield WalkError(str(path), "symlink loop")
            else:
                yield WalkError(str(path), _broken_link_reason(path, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            if is_link and not follow:
                continue
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield WalkError(str(path), "symlink loop: links back to a folder being walked")
                continue
            if key in visited:
                continue  # the same folder reached by a second link: walked once
            visited.add(key)
            ancestors.add(key)
            yield from _walk_dir(path, entry_rel, include, exclude, follow, visited, ancestors)
            ancestors.discard(key)
        elif stat.S_ISLNK(info.st_mode):
            continue  # an unfollowed symlink to a file
        elif not include or _matches(entry_rel, include):
            yield path


def _broken_link_reason(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "broken symlink (its target does not exist)"
    return os_reason(exc)
