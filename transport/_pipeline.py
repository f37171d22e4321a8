"""Threads joined by bounded, cancellable channels, for CPU-bound streaming work.

Why threads: the expensive steps of packing (SHA-256 in hashlib, ChaCha20-
Poly1305 in cryptography, file reads and writes) release the GIL, so stages
that run in their own threads use every core. Why bounded channels: a fixed set
of buffers circulates between the stages, so memory stays constant whatever
the input size. Why cancellable: when one stage fails, every other stage is
woken from its wait and stops, and the caller gets the first real error;
nothing is left blocked and no thread outlives the `with` block.

    with Pipeline() as pipe:
        inbox = pipe.channel(4)
        pipe.spawn("worker", lambda: work(inbox))
        produce(inbox)          # in the calling thread
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Cancelled(Exception):
    """Raised from a channel operation once the pipeline was cancelled.

    Only a consequence of another stage's failure: `Pipeline` never reports it
    in place of that failure.
    """


class Channel(Generic[T]):
    """A FIFO of at most `capacity` items between two stages of one pipeline."""

    def __init__(self, pipeline: Pipeline, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("a channel needs room for at least one item")
        self._pipeline = pipeline
        self._capacity = capacity
        self._items: collections.deque[T] = collections.deque()
        self._not_empty = threading.Condition(pipeline._lock)
        self._not_full = threading.Condition(pipeline._lock)

    def put(self, item: T) -> None:
        """Append `item`, waiting for room; raises Cancelled once the pipeline is."""
        with self._not_full:
            while len(self._items) >= self._capacity and not self._pipeline._cancelled:
                self._not_full.wait()
            if self._pipeline._cancelled:
                raise Cancelled
            self._items.append(item)
            self._not_empty.notify()

    def get(self) -> T:
        """The oldest item, waiting for one; raises Cancelled once the pipeline is."""
        with self._not_empty:
            while not self._items and not self._pipeline._cancelled:
                self._not_empty.wait()
            if self._pipeline._cancelled:
                raise Cancelled
            item = self._items.popleft()
            self._not_full.notify()
            return item

    def _wake_all(self) -> None:  # caller holds the lock
        self._not_empty.notify_all()
        self._not_full.notify_all()


class Pipeline:
    """Owns the stage threads and channels of one streaming job (a context manager).

    Leaving the `with` block joins every thread. The first exception of any
    stage, or of the block itself, cancels the pipeline and is raised from the
    `with` statement; `Cancelled` raised as its consequence is not reported.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._error: BaseException | None = None
        self._channels: list[Channel[Any]] = []
        self._threads: list[threading.Thread] = []

    def channel(self, capacity: int) -> Channel[T]:
        made: Channel[T] = Channel(self, capacity)
        self._channels.append(made)
        return made

    def spawn(self, name: str, work: Callable[[], None]) -> None:
        """Run `work` in a new thread; an exception from it cancels the pipeline."""

        def run() -> None:
            try:
                work()
            except BaseException as error:  # handed to the caller by __exit__
                self.fail(error)

        # daemon: a stage stuck in a system call must not keep the process alive
        thread = threading.Thread(target=run, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def fail(self, error: BaseException) -> None:
        """Record `error` (unless one is already recorded) and wake every stage to stop."""
        with self._lock:
            if self._error is None and not isinstance(error, Cancelled):
                self._error = error
            if not self._cancelled:
                self._cancelled = True
                for channel in self._channels:
                    channel._wake_all()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is not None:
            self.fail(error)
        for thread in self._threads:
            thread.join()
        recorded = self._error
        if recorded is not None and recorded is not error:
            raise recorded from None  # a stage's error, in place of Cancelled or success
        # otherwise the block's own exception (if any) propagates unchanged
