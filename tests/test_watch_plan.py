"""Which folders the watcher watches, judged by a real policy on real temp folders."""

from __future__ import annotations

from pathlib import Path

from _watch_support import policy_text

from pii_guard.watcher.locations import PolicyJudge
from pii_guard.watcher.plan import plan_watches
from policies import parse_policy

RECIPIENT = "age1hnp6c4ecla3702ch3yrcuk2nvrw06m3z0w2x6ncl5sfn3v2edf2s2nzmck"


def judge(tmp_path: Path) -> PolicyJudge:
    text = policy_text(
        RECIPIENT,
        blocked={
            "test-usb": [f"{tmp_path}/media/*/*"],
            "test-cloud": [f"{tmp_path}/home/Dropbox"],
        },
        approved={"test-share": [f"{tmp_path}/share"]},
    )
    return PolicyJudge(parse_policy(text))


def test_blocked_children_recursive_roots_shallow_missing_roots_via_parent(tmp_path: Path) -> None:
    (tmp_path / "media" / "alice" / "STICK").mkdir(parents=True)
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    j = judge(tmp_path)
    plan = {(s.path, s.recursive) for s in plan_watches(j.watch_roots(), j)}
    assert plan == {
        (tmp_path / "media", False),
        (tmp_path / "media" / "alice", True),  # every drive mounted for alice, and below
        (tmp_path / "home", False),  # to notice ~/Dropbox when it is created
    }


def test_new_cloud_folder_and_root_appearing_change_the_plan(tmp_path: Path) -> None:
    j = judge(tmp_path)
    before = {(s.path, s.recursive) for s in plan_watches(j.watch_roots(), j)}
    assert before == {(tmp_path, False)}  # neither root exists: their parent is watched
    (tmp_path / "home" / "Dropbox").mkdir(parents=True)
    after = {(s.path, s.recursive) for s in plan_watches(j.watch_roots(), j)}
    assert (tmp_path / "home" / "Dropbox", True) in after


def test_a_mount_over_a_watched_folder_is_a_new_watch(tmp_path: Path) -> None:
    stick = tmp_path / "media" / "alice"
    stick.mkdir(parents=True)
    j = judge(tmp_path)
    first = {s for s in plan_watches(j.watch_roots(), j) if s.path == stick}
    stick.rename(tmp_path / "old")
    stick.mkdir()  # same path, another directory (as after a mount): identity differs
    second = {s for s in plan_watches(j.watch_roots(), j) if s.path == stick}
    assert first and second and first != second
