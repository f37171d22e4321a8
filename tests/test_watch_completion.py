"""When a file counts as complete: close-write at once, else size and mtime stable."""

from __future__ import annotations

from pathlib import Path

from pii_guard.watcher.completion import CompletionTracker
from pii_guard.watcher.fsutil import Signature


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def tracker(close_events: bool, sizes: dict[Path, int], clock: Clock) -> CompletionTracker:
    def stat(path: Path) -> Signature | None:
        return Signature(sizes[path], sizes[path], 1) if path in sizes else None

    return CompletionTracker(
        close_events=close_events, settle=0.5, open_settle=10.0, clock=clock, stat=stat
    )


def test_closed_file_is_ready_at_once_open_one_waits_for_close() -> None:
    clock, sizes = Clock(), {Path("a"): 1, Path("b"): 1}
    t = tracker(True, sizes, clock)
    t.changed(Path("a"), writing=True)
    t.changed(Path("b"), writing=True)
    t.closed(Path("b"))
    assert t.wait_ready(timeout=0) == []
    clock.now += 0.1
    assert t.wait_ready(timeout=0) == [Path("b")]
    clock.now += 5  # "a" is still open for writing: no close yet, not scanned
    assert t.wait_ready(timeout=0) == []
    t.closed(Path("a"))
    clock.now += 0.1
    assert t.wait_ready(timeout=0) == [Path("a")]


def test_without_close_events_a_growing_file_waits_until_stable() -> None:
    clock, sizes = Clock(), {Path("slow"): 10}
    t = tracker(False, sizes, clock)
    t.changed(Path("slow"), writing=True)
    for size in (20, 30, 40):
        clock.now += 0.6
        sizes[Path("slow")] = size
        assert t.wait_ready(timeout=0) == []
    clock.now += 0.6
    assert t.wait_ready(timeout=0) == [Path("slow")]


def test_file_appearing_without_a_write_settles_briefly_and_vanished_one_is_dropped() -> None:
    clock, sizes = Clock(), {Path("moved"): 5, Path("gone"): 5}
    t = tracker(True, sizes, clock)
    t.changed(Path("moved"))
    t.changed(Path("gone"))
    del sizes[Path("gone")]
    clock.now += 0.6
    assert t.wait_ready(timeout=0) == [Path("moved")]
    assert t.pending_count() == 0
