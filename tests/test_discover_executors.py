"""Discovery end to end with the real scanner: local processes against a real Dask cluster.

The cluster is a `distributed.LocalCluster` with worker processes (each under a
nanny) talking TCP on 127.0.0.1, the same protocol a district cluster speaks;
the tests kill worker processes for real and interrupt runs part-way.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pii_guard.discovery import (
    DaskExecutor,
    Executor,
    FileResult,
    Outcome,
    PolicyEngineLoader,
    ProcessExecutor,
    RunSummary,
    ScanTask,
    StateStore,
    run_discovery,
)
from pii_guard.discovery.walker import FileEntry


@dataclass(frozen=True)
class Seen:
    """What must agree between executors for one file."""

    outcome: Outcome
    error: str | None
    sha256: str | None
    classes: tuple[str, ...]
    entities: tuple[tuple[str, int], ...]
    members: int


Comparable = dict[str, Seen]

ROSTER = (
    "name,ssn,grade\n"
    "Jane Roe,512-34-1234,5\n"
    "Samuel Poe,431-72-9051,5\n"
    "Maria Gonzalez,287-65-4321,4\n"
)
PAYROLL = (
    "Payroll export for November.\n"
    "Employee: Robert Johnson, SSN 219-44-5871, bank account 000123456789.\n"
    "Employee: Linda Chen, SSN 305-81-2290.\n"
)
CONTACTS = (
    "Parent contact list\n"
    "Karen Miller, phone (617) 555-0143, karen.miller@example.org\n"
    "David Brown, phone (617) 555-0178, dbrown@example.net\n"
)


def make_tree(root: Path) -> int:
    """A small district share: records, clean notes, an archive, odd files. Returns file count."""
    files = {
        "schools/rosters/grade5.csv": ROSTER,
        "schools/rosters/grade4.csv": ROSTER.replace("Jane Roe", "Ann Lee"),
        "schools/contacts/parents.txt": CONTACTS,
        "hr/payroll/nov.txt": PAYROLL,
        "hr/payroll/dec.txt": PAYROLL.replace("November", "December"),
        "notes/lunch.txt": "Pizza on Friday, tacos on Tuesday.\n",
        "notes/readme.md": "# Shared drive\nPut lesson plans here.\n",
        "notes/empty.txt": "",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("old/grade3.csv", ROSTER)
    (root / "schools" / "archive.zip").write_bytes(buffer.getvalue())
    (root / "notes" / "blob.bin").write_bytes(bytes(range(256)) * 8)
    for i in range(4):
        (root / "notes" / f"plan{i}.txt").write_text(f"Lesson plan {i}: fractions and decimals.\n")
    return len(files) + 2 + 4


def comparable(state: Path) -> Comparable:
    with StateStore(state) as store:
        return {
            r.path: Seen(
                r.outcome,
                r.error,
                r.sha256,
                r.classes,
                tuple(sorted(r.entities.items())),
                r.members,
            )
            for r in store.results()
        }


def relative(results: Comparable, root: Path) -> Comparable:
    return {os.path.relpath(p, root): v for p, v in results.items()}


@pytest.fixture(scope="module")
def task() -> ScanTask:
    from policies import BUNDLED_POLICY, load_policy

    loaded = load_policy(BUNDLED_POLICY)
    return ScanTask(PolicyEngineLoader(str(loaded.source), loaded.sha256), time_limit=120)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    root = tmp_path_factory.mktemp("share")
    return root, make_tree(root)


def discover(
    roots: list[Path],
    state: Path,
    executor: Executor,
    task: ScanTask,
    on_result: Callable[[FileEntry, FileResult], None] | None = None,
) -> RunSummary:
    try:
        return run_discovery(
            [str(r) for r in roots],
            state,
            executor,
            task,
            task.loader.policy_sha256,  # type: ignore[attr-defined]
            on_result=on_result,
        )
    finally:
        executor.close()


@pytest.fixture(scope="module")
def reference(
    tree: tuple[Path, int], task: ScanTask, tmp_path_factory: pytest.TempPathFactory
) -> Comparable:
    root, count = tree
    state = tmp_path_factory.mktemp("reference-state")
    summary = discover([root], state, ProcessExecutor(2), task)
    assert (summary.walked, summary.scanned, summary.errors) == (count, count, 0)
    return comparable(state)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    import dask
    from distributed import LocalCluster

    home = tmp_path_factory.mktemp("worker-home")
    # A file that kills workers is given up after two deaths instead of four: shorter tests.
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 1}),
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            env={"PII_GUARD_HOME": str(home)},
        ) as local_cluster,
    ):
        yield local_cluster


def test_reference_run_finds_the_records_it_should(
    tree: tuple[Path, int], reference: Comparable
) -> None:
    root, _ = tree
    by_name = relative(reference, root)
    assert "mgl-93h-personal-information" in by_name["schools/rosters/grade5.csv"].classes
    assert "mgl-93h-personal-information" in by_name["hr/payroll/nov.txt"].classes
    assert by_name["notes/lunch.txt"].classes == ()
    assert by_name["schools/archive.zip"].members == 1  # the member was scanned with it
    assert "mgl-93h-personal-information" in by_name["schools/archive.zip"].classes


def test_dask_cluster_gives_the_same_results_file_for_file(
    tree: tuple[Path, int], task: ScanTask, reference: Comparable, cluster: Any, tmp_path: Path
) -> None:
    root, count = tree
    executor = DaskExecutor(cluster.scheduler_address, batch_files=3)  # work for both workers
    summary = discover([root], tmp_path / "state", executor, task)
    assert (summary.scanned, summary.errors) == (count, 0)
    assert comparable(tmp_path / "state") == reference


def test_killed_dask_worker_loses_no_file(
    tree: tuple[Path, int], task: ScanTask, reference: Comparable, cluster: Any, tmp_path: Path
) -> None:
    from distributed import Client

    root, count = tree
    with Client(cluster) as client:
        client.wait_for_workers(2)
        victim = next(iter(client.run(os.getpid).values()))
    seen: list[str] = []

    def kill_after_two(entry: FileEntry, result: FileResult) -> None:
        seen.append(entry.path)
        if len(seen) == 2:
            os.kill(victim, signal.SIGKILL)

    # Batches of two: the kill lands while most of the tree is still on the workers.
    executor = DaskExecutor(cluster.scheduler_address, batch_files=2)
    summary = discover([root], tmp_path / "state", executor, task, kill_after_two)
    assert len(seen) == count and summary.errors == 0
    assert _gone(victim)  # it really died (its nanny started a new one)
    assert comparable(tmp_path / "state") == reference


def _gone(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_killed_local_worker_loses_no_file(
    tree: tuple[Path, int], task: ScanTask, reference: Comparable, tmp_path: Path
) -> None:
    root, count = tree
    executor = ProcessExecutor(2)
    killed: list[int] = []

    def kill_after_two(entry: FileEntry, result: FileResult) -> None:
        if not killed and len(seen) == 1:
            pid = executor.worker_pids()[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        seen.append(entry.path)

    seen: list[str] = []
    summary = discover([root], tmp_path / "state", executor, task, kill_after_two)
    assert killed and len(seen) == count and summary.errors == 0
    assert comparable(tmp_path / "state") == reference


def test_pool_broken_before_the_next_submit_loses_no_file(
    tree: tuple[Path, int], task: ScanTask, reference: Comparable, tmp_path: Path
) -> None:
    """The pool may learn of a dead worker before we next wait on it: then it
    refuses the next submit, and the file we meant to send must still be scanned."""
    root, count = tree
    executor = ProcessExecutor(2)
    killed: list[int] = []
    seen: list[str] = []

    def kill_and_let_the_pool_notice(entry: FileEntry, result: FileResult) -> None:
        seen.append(entry.path)
        if killed:
            return
        pid = executor.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)
        deadline = time.monotonic() + 30
        while not _pool_is_broken(executor) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _pool_is_broken(executor)

    summary = discover([root], tmp_path / "state", executor, task, kill_and_let_the_pool_notice)
    assert killed and len(seen) == count and summary.errors == 0
    assert comparable(tmp_path / "state") == reference


def _pool_is_broken(executor: ProcessExecutor) -> bool:
    pool = executor._pool  # the stdlib's flag is private; this test needs that moment
    return pool is not None and bool(pool._broken)


def test_interrupted_run_resumes_without_rescanning_finished_files(
    tree: tuple[Path, int], task: ScanTask, reference: Comparable, tmp_path: Path
) -> None:
    root, count = tree
    done: list[str] = []

    def interrupt_after_three(entry: FileEntry, result: FileResult) -> None:
        done.append(entry.path)
        if len(done) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        discover([root], tmp_path / "state", ProcessExecutor(1), task, interrupt_after_three)
    assert set(comparable(tmp_path / "state")) == set(done)

    rescanned: list[str] = []
    summary = discover(
        [root],
        tmp_path / "state",
        ProcessExecutor(1),
        task,
        lambda entry, result: rescanned.append(entry.path),
    )
    assert (summary.reused, summary.scanned) == (3, count - 3)
    assert not set(rescanned) & set(done)
    assert comparable(tmp_path / "state") == reference


def test_rerun_scans_only_what_changed(
    tree: tuple[Path, int], task: ScanTask, tmp_path: Path
) -> None:
    root = tmp_path / "share"
    count = make_tree(root)
    state = tmp_path / "state"
    discover([root], state, ProcessExecutor(1), task)

    (root / "notes" / "lunch.txt").write_text("Jane Roe SSN 512-34-1234\n")  # new content
    touched = root / "notes" / "readme.md"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    (root / "notes" / "plan0.txt").unlink()
    (root / "notes" / "new.txt").write_text("A new lesson plan.\n")
    sent: dict[str, Outcome] = {}
    summary = discover(
        [root],
        state,
        ProcessExecutor(1),
        task,
        lambda entry, result: sent.update({os.path.relpath(entry.path, root): result.outcome}),
    )
    assert sent == {
        "notes/lunch.txt": Outcome.SCANNED,
        "notes/readme.md": Outcome.UNCHANGED,  # hashed on the worker, not scanned
        "notes/new.txt": Outcome.SCANNED,
    }
    assert (summary.walked, summary.reused, summary.dropped) == (count, count - 3, 1)
    after = relative(comparable(state), root)
    assert "notes/plan0.txt" not in after
    assert "mgl-93h-personal-information" in after["notes/lunch.txt"].classes


def _tree_with_a_huge_file(root: Path) -> Path:
    make_tree(root)
    huge = root / "notes" / "huge.txt"
    line = "Jane Roe met Samuel Poe and Maria Gonzalez in Cambridge to talk about lunch.\n"
    with huge.open("w") as handle:
        for _ in range(HUGE_LINES):
            handle.write(line)
    return huge


# ~47 MB of prose full of names: ten times what the scanner reads within TIME_LIMIT.
HUGE_LINES = 600_000


@pytest.mark.parametrize("where", ["processes", "dask"])
def test_file_past_its_time_limit_is_an_error_and_the_run_goes_on(
    where: str, task: ScanTask, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    root = tmp_path / "share"
    huge = _tree_with_a_huge_file(root)
    limited = ScanTask(task.loader, time_limit=TIME_LIMIT)
    executor: Executor
    if where == "dask":
        executor = DaskExecutor(request.getfixturevalue("cluster").scheduler_address)
    else:
        executor = ProcessExecutor(1)
    started = time.monotonic()
    summary = discover([root], tmp_path / "state", executor, limited)
    results = comparable(tmp_path / "state")
    assert results[str(huge)].outcome is Outcome.ERROR
    assert results[str(huge)].error == f"timed out after {TIME_LIMIT:g}s"
    assert summary.errors == 1 and len(results) == summary.walked
    assert time.monotonic() - started < 120


TIME_LIMIT = 3.0


def test_cli_on_the_dask_cluster_in_a_real_process(
    tree: tuple[Path, int], reference: Comparable, cluster: Any, tmp_path: Path
) -> None:
    root, count = tree
    address = cluster.scheduler_address.replace("tcp://", "dask://")
    state = tmp_path / "state"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pii_guard",
            "discover",
            str(root),
            "--state",
            str(state),
            "--executor",
            address,
            "--json",
            str(tmp_path / "r.json"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert f"{count} files walked, {count} scanned" in run.stderr
    assert comparable(state) == reference
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["shares"][0]["files"] == count
