"""The discovery state store: what makes runs resumable and reruns incremental."""

from __future__ import annotations

from pathlib import Path

import pytest

from pii_guard.discovery.results import FileResult, Outcome
from pii_guard.discovery.state import DB_NAME, StateError, StateStore
from pii_guard.discovery.walker import FileEntry, WalkProblem

POLICY = "p" * 64


def _entry(path: str, size: int = 10, mtime_ns: int = 1_000, root: str = "/share") -> FileEntry:
    return FileEntry(root, path, size, mtime_ns)


def _result(path: str, *classes: str, outcome: Outcome = Outcome.SCANNED) -> FileResult:
    return FileResult(path, outcome, sha256="h" * 64, classes=classes, entities={"PERSON": 2})


def test_unchanged_file_is_reused_changed_one_goes_to_a_worker_with_its_hash(
    tmp_path: Path,
) -> None:
    with StateStore(tmp_path / "state") as store:
        run = store.begin_run(["/share"], POLICY, "test")
        store.record(_entry("/share/a.csv"), _result("/share/a.csv", "ferpa"), POLICY, run)
        run2 = store.begin_run(["/share"], POLICY, "test")
        assert store.decide(_entry("/share/a.csv"), POLICY, run2).reuse
        changed = store.decide(_entry("/share/a.csv", mtime_ns=2_000), POLICY, run2)
        assert not changed.reuse and changed.known_sha256 == "h" * 64
        new = store.decide(_entry("/share/new.csv"), POLICY, run2)
        assert not new.reuse and new.known_sha256 is None


def test_policy_change_and_earlier_errors_mean_rescan(tmp_path: Path) -> None:
    with StateStore(tmp_path / "state") as store:
        run = store.begin_run(["/share"], POLICY, "test")
        store.record(_entry("/share/a.csv"), _result("/share/a.csv"), POLICY, run)
        failed = FileResult("/share/b.csv", Outcome.ERROR, error="timed out after 1s")
        store.record(_entry("/share/b.csv"), failed, POLICY, run)
        assert not store.decide(_entry("/share/a.csv"), "q" * 64, run).reuse
        assert not store.decide(_entry("/share/b.csv"), POLICY, run).reuse


def test_unchanged_content_refreshes_size_and_mtime_and_keeps_the_result(tmp_path: Path) -> None:
    with StateStore(tmp_path / "state") as store:
        run = store.begin_run(["/share"], POLICY, "test")
        store.record(_entry("/share/a.csv"), _result("/share/a.csv", "ferpa"), POLICY, run)
        touched = _entry("/share/a.csv", mtime_ns=5_000)
        same = FileResult("/share/a.csv", Outcome.UNCHANGED, sha256="h" * 64)
        store.record(touched, same, POLICY, run)
        assert store.decide(touched, POLICY, run).reuse
        (kept,) = store.results()
        assert kept.classes == ("ferpa",) and kept.outcome is Outcome.SCANNED


def test_results_survive_reopening_and_only_a_finished_walk_forgets(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with StateStore(state) as store:
        run = store.begin_run(["/share", "/other"], POLICY, "test")
        for path in ("/share/a", "/share/b"):
            store.record(_entry(path), _result(path), POLICY, run)
        store.record(_entry("/other/c", root="/other"), _result("/other/c"), POLICY, run)
        store.record_problem(WalkProblem("/share", "/share/locked", "cannot list"), run)
    with StateStore(state) as store:
        assert [r.path for r in store.results()] == ["/other/c", "/share/a", "/share/b"]
        run2 = store.begin_run(["/share"], POLICY, "test")
        assert store.decide(_entry("/share/a"), POLICY, run2).reuse  # b has vanished
        dropped = store.finish_run(run2, ["/share"], scanned=0, reused=1)
        assert dropped == 1
        # /other was not walked in this run: its files stay
        assert [r.path for r in store.results()] == ["/other/c", "/share/a"]
        assert list(store.query("SELECT COUNT(*) FROM problems")) == [(0,)]


def test_second_run_on_the_same_state_is_refused(tmp_path: Path) -> None:
    with StateStore(tmp_path / "state"), pytest.raises(StateError) as caught:
        StateStore(tmp_path / "state")
    assert caught.value.hint is not None


def test_state_directory_is_private_and_a_corrupt_database_is_a_clear_error(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state"
    with StateStore(state):
        pass
    assert state.stat().st_mode & 0o077 == 0
    (state / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    for suffix in ("-wal", "-shm"):
        (state / (DB_NAME + suffix)).unlink(missing_ok=True)
    with pytest.raises(StateError, match="not a usable state database"):
        StateStore(state)
    with StateStore(tmp_path / "fresh"):  # and the lock was released on the way out
        pass
    (state / DB_NAME).unlink()
    with StateStore(state):
        pass
