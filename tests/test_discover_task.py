"""ScanTask's own contract: one result per file, time limits, a worker that cannot load.

These run the task in this process with engines defined here, to pin the time
limit mechanism itself; the executors' tests run the real scanner end to end.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from pii_guard.discovery.results import FileResult, Outcome
from pii_guard.discovery.task import (
    Engine,
    PolicyEngineLoader,
    ScanTask,
    WorkerSetupError,
    engine_for,
)


class _SlowEngine:
    def scan(self, path: str) -> FileResult:
        if "slow" in path:  # busy in Python code, as a scan is, so the limit can interrupt it
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                pass
        return FileResult(path, Outcome.SCANNED, classes=("c",))


@dataclass(frozen=True)
class _SlowLoader:
    name: str = "slow"
    preload: tuple[str, ...] = ()

    def load(self) -> Engine:
        return _SlowEngine()


@dataclass(frozen=True)
class _BrokenLoader:
    preload: tuple[str, ...] = ()

    def load(self) -> Engine:
        raise FileNotFoundError("model not installed")


def test_scan_past_the_limit_is_an_error_result_on_the_main_thread(tmp_path: Path) -> None:
    task = ScanTask(_SlowLoader(), time_limit=0.3)
    started = time.monotonic()
    result = task(str(tmp_path / "slow.txt"))
    assert result.outcome is Outcome.ERROR and result.error == "timed out after 0.3s"
    assert time.monotonic() - started < 5
    assert task(str(tmp_path / "quick.txt")).classes == ("c",)  # the engine is still usable


def test_scan_past_the_limit_is_an_error_result_on_a_worker_thread(tmp_path: Path) -> None:
    # Dask runs tasks on pool threads, where no signal can reach them.
    task = ScanTask(_SlowLoader(name="thread"), time_limit=0.3)
    results: list[FileResult] = []
    worker = threading.Thread(target=lambda: results.append(task(str(tmp_path / "slow.txt"))))
    worker.start()
    worker.join(10)
    assert not worker.is_alive()
    assert results[0].outcome is Outcome.ERROR and results[0].error == "timed out after 0.3s"


def test_known_hash_skips_the_scan_when_content_is_unchanged(tmp_path: Path) -> None:
    f = tmp_path / "slow.txt"  # would time out if it were scanned
    f.write_text("same bytes")
    digest = hashlib.sha256(b"same bytes").hexdigest()
    result = ScanTask(_SlowLoader(), time_limit=5)(str(f), digest)
    assert result.outcome is Outcome.UNCHANGED and result.sha256 == digest


def test_engine_is_built_once_per_process(tmp_path: Path) -> None:
    loader = _SlowLoader(name="once")
    assert engine_for(loader) is engine_for(loader)


def test_a_worker_that_cannot_load_raises_setup_error_not_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(WorkerSetupError, match="model not installed"):
        ScanTask(_BrokenLoader())(str(tmp_path / "x.txt"))


def test_policy_mismatch_on_a_worker_is_a_setup_error(tmp_path: Path) -> None:
    from policies import BUNDLED_POLICY

    loader = PolicyEngineLoader(str(BUNDLED_POLICY), "0" * 64)
    with pytest.raises(WorkerSetupError, match="differs on this worker"):
        loader.load()


def test_task_is_small_and_picklable() -> None:
    task = ScanTask(PolicyEngineLoader("/etc/pii-guard/policy.toml", "a" * 64), time_limit=9)
    data = pickle.dumps(task)
    assert pickle.loads(data) == task and len(data) < 1000  # noqa: S301 (our own bytes)


def test_bundled_policy_is_found_where_each_worker_has_it_installed(tmp_path: Path) -> None:
    from policies import BUNDLED_POLICY

    bundled = PolicyEngineLoader.for_loaded(BUNDLED_POLICY, "bundled", "0" * 64)
    assert bundled.policy_path == ""
    with pytest.raises(WorkerSetupError, match=r"cambridge\.toml: differs on this worker"):
        bundled.load()
    own = tmp_path / "district.toml"
    own.write_bytes(BUNDLED_POLICY.read_bytes())
    relative = Path(os.path.relpath(own))
    explicit = PolicyEngineLoader.for_loaded(relative, "explicit", "0" * 64)
    assert explicit.policy_path == str(own.resolve())  # workers have another cwd
