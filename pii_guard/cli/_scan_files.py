"""Which files `pii-guard scan` reads, and scanning them in one or several processes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from scanners import FileReport, Scanner, ScannerConfig, ScanStatus
from scanners.extract.walk import WalkError, iter_files


@dataclass(frozen=True, slots=True)
class Target:
    """A file to scan, or a path that could not even be listed (with its reason)."""

    path: Path
    problem: str | None = None


def collect(paths: Sequence[Path], include: Sequence[str], exclude: Sequence[str]) -> list[Target]:
    """Files named, and files under folders named; what cannot be listed, with its reason."""
    targets: list[Target] = []
    for item in iter_files(paths, include, exclude):
        if isinstance(item, WalkError):
            targets.append(Target(Path(item.path), item.reason))
        else:
            targets.append(Target(item))
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
    _WORKER = Scanner(config)  # loads its model on first need, once for this worker


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
    from concurrent.futures import ProcessPoolExecutor  # only for --jobs > 1

    with ProcessPoolExecutor(
        max_workers=min(jobs, len(targets)), initializer=_init_worker, initargs=(config,)
    ) as pool:
        yield from pool.map(_worker_scan, targets, chunksize=1)
