"""One discovery run: walk, ask the state what changed, scan that, store results.

Everything is a stream. The walker yields files one at a time, the state store
filters out those whose stored result still holds, the executor keeps a
bounded window of scans in flight, and each result is written to the state
database as it arrives. Interrupt it at any point (Ctrl-C, a reboot): the next
run walks again and scans only what has no stored result yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pii_guard.discovery.executors import Executor, WorkItem
from pii_guard.discovery.results import FileResult, Outcome
from pii_guard.discovery.state import StateStore
from pii_guard.discovery.task import ScanTask
from pii_guard.discovery.walker import FileEntry, WalkProblem, walk


@dataclass(slots=True)
class RunSummary:
    """Counts of one run; `scanned` are the files actually sent to a worker."""

    run_id: int = 0
    walked: int = 0
    reused: int = 0
    scanned: int = 0
    unchanged: int = 0
    errors: int = 0
    problems: int = 0
    with_classes: int = 0
    dropped: int = 0
    completed: bool = False


ResultHook = Callable[[FileEntry, FileResult], None]


def run_discovery(
    roots: Sequence[str],
    state_dir: Path,
    executor: Executor,
    task: ScanTask,
    policy_sha256: str,
    *,
    on_result: ResultHook | None = None,
) -> RunSummary:
    """Bring STATE_DIR up to date with `roots`; returns what it took.

    `on_result` is called after each result is stored (progress display, and a
    hook for tests that interrupt or kill workers part-way).
    """
    absolute = [str(Path(root).absolute()) for root in roots]
    summary = RunSummary()
    with StateStore(state_dir) as store:
        run = store.begin_run(absolute, policy_sha256, executor.description)
        summary.run_id = run

        def work() -> Iterator[WorkItem]:
            for item in walk(absolute):
                if isinstance(item, WalkProblem):
                    store.record_problem(item, run)
                    summary.problems += 1
                    continue
                summary.walked += 1
                decision = store.decide(item, policy_sha256, run)
                if decision.reuse:
                    summary.reused += 1
                    continue
                yield WorkItem(item, decision.known_sha256)

        for item, result in executor.run(task, work()):
            store.record(item.entry, result, policy_sha256, run)
            if result.outcome is Outcome.UNCHANGED:
                summary.unchanged += 1
            else:
                summary.scanned += 1
            if result.outcome is Outcome.ERROR:
                summary.errors += 1
            if result.classes:
                summary.with_classes += 1
            if on_result is not None:
                on_result(item.entry, result)
        summary.dropped = store.finish_run(
            run, absolute, scanned=summary.scanned, reused=summary.reused + summary.unchanged
        )
        summary.completed = True
    return summary
