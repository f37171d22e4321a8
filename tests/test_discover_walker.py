"""The discovery walker: lazy, loop-safe, and never stopped by one bad folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

from pii_guard.discovery.walker import FileEntry, WalkProblem, walk


def _tree(root: Path) -> None:
    for folder in ("a", "a/deep", "b"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "a" / "one.txt").write_text("one")
    (root / "a" / "deep" / "two.csv").write_text("two,2")
    (root / "b" / "three.txt").write_text("three")
    (root / "top.txt").write_text("top")


def _files(items: list[FileEntry | WalkProblem]) -> list[str]:
    return sorted(i.path for i in items if isinstance(i, FileEntry))


def test_every_regular_file_is_yielded_with_its_size_and_share(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = list(walk([str(tmp_path)]))
    assert _files(items) == sorted(
        str(tmp_path / p) for p in ("a/one.txt", "a/deep/two.csv", "b/three.txt", "top.txt")
    )
    entry = next(i for i in items if isinstance(i, FileEntry) and i.path.endswith("two.csv"))
    assert entry.size == 5 and entry.root == str(tmp_path)
    assert entry.mtime_ns == (tmp_path / "a" / "deep" / "two.csv").stat().st_mtime_ns
    assert not [i for i in items if isinstance(i, WalkProblem)]


def test_walk_is_lazy_one_listing_at_a_time(tmp_path: Path) -> None:
    _tree(tmp_path)
    listed: list[str] = []

    def counting_scandir(path: str) -> AbstractContextManager[Iterator[os.DirEntry[str]]]:
        listed.append(path)
        return os.scandir(path)

    items = walk([str(tmp_path)], scandir=counting_scandir)
    first = next(items)
    assert isinstance(first, FileEntry)
    assert listed == [str(tmp_path)]  # the sub-folders are not listed yet
    rest = list(items)
    assert len(listed) == 4 and len(_files([first, *rest])) == 4


def test_symlink_loop_is_a_problem_not_an_endless_walk(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "a" / "deep" / "back").symlink_to(tmp_path / "a")
    (tmp_path / "b" / "elsewhere").symlink_to(tmp_path / "a" / "deep")  # not a loop: walked
    items = list(walk([str(tmp_path)]))
    problems = [i for i in items if isinstance(i, WalkProblem)]
    loops = {p.path for p in problems if p.message.startswith("symlink loop")}
    assert loops == {p.path for p in problems}
    assert str(tmp_path / "a" / "deep" / "back") in loops
    # through the second link the loop closes one level further down
    assert str(tmp_path / "b" / "elsewhere" / "back" / "deep") in loops
    assert str(tmp_path / "b" / "elsewhere" / "two.csv") in _files(items)


def test_unreadable_folder_is_recorded_and_the_walk_goes_on(tmp_path: Path) -> None:
    _tree(tmp_path)
    locked = str(tmp_path / "a")

    # Tests run as root, which no permission bit stops: the scandir seam plays the lock.
    def scandir(path: str) -> AbstractContextManager[Iterator[os.DirEntry[str]]]:
        if path == locked:
            raise PermissionError(13, "Permission denied", path)
        return os.scandir(path)

    items = list(walk([str(tmp_path)], scandir=scandir))
    problems = [i for i in items if isinstance(i, WalkProblem)]
    assert [(p.path, p.message) for p in problems] == [
        (locked, "cannot list directory: permission denied")
    ]
    assert _files(items) == sorted([str(tmp_path / "b" / "three.txt"), str(tmp_path / "top.txt")])


def test_fifo_dangling_link_and_missing_root_are_problems(tmp_path: Path) -> None:
    _tree(tmp_path)
    os.mkfifo(tmp_path / "pipe")  # opening it would block forever: never scanned
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    items = list(walk([str(tmp_path), str(tmp_path / "missing")]))
    problems = {i.path: i.message for i in items if isinstance(i, WalkProblem)}
    assert problems == {
        str(tmp_path / "pipe"): "not a regular file",
        str(tmp_path / "gone"): "dangling symlink",
        str(tmp_path / "missing"): "no such file or directory",
    }


def test_a_single_file_root_is_scanned_as_itself(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("x")
    items = list(walk([str(tmp_path / "f.txt")]))
    assert items == [
        FileEntry(
            str(tmp_path / "f.txt"),
            str(tmp_path / "f.txt"),
            1,
            (tmp_path / "f.txt").stat().st_mtime_ns,
        )
    ]
