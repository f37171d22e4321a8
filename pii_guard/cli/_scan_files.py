"""Which files `pii-guard scan` reads, and scanning them in one or several processes."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from scanners import FileReport, Scanner, ScannerConfig, ScanStatus


@dataclass(frozen=True, slots=True)
class Target:
    """A file to scan, or a path that could not even be listed (with its reason)."""

    path: Path
    problem: str | None = None


def _wanted(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]

    def hit(globs: Sequence[str]) -> bool:
        return any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(name, g) for g in globs)

    return (not include or hit(include)) and not hit(exclude)


def collect(paths: Sequence[Path], include: Sequence[str], exclude: Sequence[str]) -> list[Target]:
    """Files named, and files under directories named (recursively, symlinks not followed)."""
    targets: list[Target] = []
    for root in paths:
        if root.is_dir() and not root.is_symlink():
            problems: list[OSError] = []
            for folder, dirs, files in os.walk(root, onerror=problems.append):
                dirs.sort()
                for name in sorted(files):
                    full = Path(folder) / name
                    relative = full.relative_to(root).as_posix()
                    if _wanted(relative, include, exclude):
                        targets.append(Target(full))
            for error in problems:
                where = Path(error.filename) if error.filename else root
                targets.append(Target(where, f"cannot read directory: {error.strerror or error}"))
        elif root.exists() or root.is_symlink():
            targets.append(Target(root))
        else:
            targets.append(Target(root, "no such file or directory"))
    return targets


def _problem_report(target: Target) -> list[FileReport]:
    return [FileReport(str(target.path), ScanStatus.ERROR, target.problem)]


def _scan_one(scanner: Scanner, target: Target) -> list[FileReport]:
    if target.problem is not None:
        return _problem_report(target)
    try:
        return scanner.scan_file(target.path)
    except OSError as error:  # the extractor should have caught it; never abort the scan
        return [FileReport(str(target.path), ScanStatus.ERROR, error.strerror or str(error))]


_WORKER: Scanner | None = None


def _init_worker(config: ScannerConfig) -> None:
    global _WORKER
    _WORKER = Scanner(config)
    _WORKER.warm_up()


def _worker_scan(target: Target) -> list[FileReport]:
    assert _WORKER is not None
    return _scan_one(_WORKER, target)


def scan_targets(
    config: ScannerConfig, targets: Sequence[Target], jobs: int
) -> Iterator[list[FileReport]]:
    """Reports per target, in order; with jobs > 1 each worker loads the model once."""
    if jobs <= 1 or len(targets) <= 1:
        scanner = Scanner(config)
        for target in targets:
            yield _scan_one(scanner, target)
        return
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(targets)), initializer=_init_worker, initargs=(config,)
    ) as pool:
        yield from pool.map(_worker_scan, targets, chunksize=1)
