"""Discovery throughput: 1 and 2 local workers and a 2-worker Dask LocalCluster, and resume.

Each executor scans its own freshly generated tree of small files (same shape,
different content), so no scan result cache can carry over from one measurement
to the next. Figures are wall-clock for a whole `run_discovery`, worker start-up
and model loading included, as an operator would see them; ratios are against
the 1-worker local run measured in the same process. The resume check
interrupts a run part-way and counts how many already finished files the
second run scanned again (must be 0).

`BENCH_DISCOVER_FILES` overrides the tree size (default 20,000) for a quick look.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from pii_guard.discovery import (
    DaskExecutor,
    Executor,
    FileResult,
    PolicyEngineLoader,
    ProcessExecutor,
    ScanTask,
    run_discovery,
)
from pii_guard.discovery.walker import FileEntry

FIRST = ("Jane", "Samuel", "Maria", "Robert", "Linda", "Kim", "Ann", "David", "Karen", "Omar")
LAST = ("Roe", "Poe", "Gonzalez", "Johnson", "Chen", "Doe", "Lee", "Brown", "Miller", "Haddad")
TOPICS = ("fractions", "photosynthesis", "the water cycle", "poetry", "maps", "volcanoes")


def make_tree(root: Path, n_files: int, seed: int) -> tuple[int, int]:
    """`n_files` small files, 100 a folder, one in twenty a record. Returns (files, bytes)."""
    rng = random.Random(seed)
    total = 0
    for i in range(n_files):
        folder = root / f"school{i // 2000:02d}" / f"folder{(i // 100) % 20:02d}"
        if i % 100 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        if i % 20 == 0:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            ssn = f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
            text = f"name,ssn\n{name},{ssn}\n"
        else:
            text = f"Lesson plan {seed}-{i}: {rng.choice(TOPICS)}, week {rng.randint(1, 40)}.\n"
        data = text.encode()
        (folder / f"f{i:06d}.txt").write_bytes(data)
        total += len(data)
    return n_files, total


def timed_run(
    tree: Path, state: Path, executor: Executor, task: ScanTask, policy_sha: str
) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        executor.start()
        summary = run_discovery([str(tree)], state, executor, task, policy_sha)
    finally:
        executor.close()
    return time.perf_counter() - started, summary.scanned


def main() -> dict[str, object]:
    from distributed import LocalCluster

    from policies import BUNDLED_POLICY, load_policy

    n_files = int(os.environ.get("BENCH_DISCOVER_FILES", "20000"))
    loaded = load_policy(BUNDLED_POLICY)
    task = ScanTask(PolicyEngineLoader(str(loaded.source), loaded.sha256), time_limit=120)
    work = Path(tempfile.mkdtemp(prefix="bench-discover-"))
    os.environ["PII_GUARD_HOME"] = str(work / "home")
    figures: dict[str, object] = {"files": n_files}
    try:
        runs: dict[str, dict[str, float]] = {}
        setups: list[tuple[str, int]] = [
            ("local_1_worker", 1),
            ("local_2_workers", 2),
            ("dask_2_workers", 0),
        ]
        for seed, (label, workers) in enumerate(setups):
            tree = work / f"tree-{label}"
            files, size = make_tree(tree, n_files, seed)
            state = work / f"state-{label}"
            if workers:
                seconds, scanned = timed_run(
                    tree, state, ProcessExecutor(workers), task, loaded.sha256
                )
            else:
                with LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=2,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                ) as cluster:
                    seconds, scanned = timed_run(
                        tree, state, DaskExecutor(cluster.scheduler_address), task, loaded.sha256
                    )
            assert scanned == files, (label, scanned, files)
            runs[label] = {
                "seconds": round(seconds, 2),
                "files_per_s": round(files / seconds, 1),
                "bytes_per_s": round(size / seconds, 1),
            }
            print(label, runs[label], flush=True)
        base = runs["local_1_worker"]["files_per_s"]
        for figure in runs.values():
            figure["speedup_vs_local_1"] = round(figure["files_per_s"] / base, 2)
        figures["runs"] = runs

        # A rerun with nothing changed: the walk and state check alone.
        tree = work / "tree-local_1_worker"
        unchanged_s, rescanned = timed_run(
            tree, work / "state-local_1_worker", ProcessExecutor(1), task, loaded.sha256
        )
        figures["rerun_unchanged"] = {
            "seconds": round(unchanged_s, 2),
            "files_per_s": round(n_files / unchanged_s, 1),
            "rescanned": rescanned,
        }
        figures["resume"] = resume_check(work, n_files, task, loaded.sha256)
        figures["coordinator_max_rss_mib"] = round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        )
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def resume_check(work: Path, n_files: int, task: ScanTask, policy_sha: str) -> dict[str, int]:
    """Interrupt a 2-worker run half-way, rerun it, count what was scanned twice."""
    tree = work / "tree-resume"
    files = min(n_files, 2000)
    make_tree(tree, files, seed=99)
    state = work / "state-resume"
    finished: set[str] = set()

    def interrupt_half_way(entry: FileEntry, result: FileResult) -> None:
        finished.add(entry.path)
        if len(finished) == files // 2:
            raise KeyboardInterrupt

    executor = ProcessExecutor(2)
    try:
        run_discovery([str(tree)], state, executor, task, policy_sha, on_result=interrupt_half_way)
    except KeyboardInterrupt:
        pass
    finally:
        executor.close()
    second: set[str] = set()
    executor = ProcessExecutor(2)
    try:
        summary = run_discovery(
            [str(tree)],
            state,
            executor,
            task,
            policy_sha,
            on_result=lambda entry, result: second.add(entry.path),
        )
    finally:
        executor.close()
    return {
        "files": files,
        "finished_before_interrupt": len(finished),
        "scanned_on_resume": summary.scanned,
        "reused_on_resume": summary.reused,
        "finished_files_rescanned": len(finished & second),
    }
