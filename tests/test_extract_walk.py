"""iter_files: recursion, globs, symlinks, and problems reported in place."""

from __future__ import annotations

import os
from pathlib import Path

from scanners.extract.walk import WalkError, iter_files


def tree(root: Path) -> None:
    for rel in ("a.csv", "notes.txt", "exports/b.xlsx", "exports/tmp/c.csv", "z/d.csv"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def rels(root: Path, items: list[Path | WalkError]) -> list[str]:
    return [
        p.relative_to(root).as_posix() if isinstance(p, Path) else f"! {p.reason}" for p in items
    ]


def test_recursion_in_sorted_order(tmp_path: Path) -> None:
    tree(tmp_path)
    assert rels(tmp_path, list(iter_files([tmp_path]))) == [
        "a.csv",
        "exports/b.xlsx",
        "exports/tmp/c.csv",
        "notes.txt",
        "z/d.csv",
    ]


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    tree(tmp_path)
    assert rels(tmp_path, list(iter_files([tmp_path], include=["*.csv"]))) == [
        "a.csv",
        "exports/tmp/c.csv",
        "z/d.csv",
    ]
    assert rels(tmp_path, list(iter_files([tmp_path], exclude=["tmp", "*.txt"]))) == [
        "a.csv",
        "exports/b.xlsx",
        "z/d.csv",
    ]
    assert rels(tmp_path, list(iter_files([tmp_path], include=["exports/*"]))) == ["exports/b.xlsx"]
    assert rels(tmp_path, list(iter_files([tmp_path], exclude=["**/tmp"]))) == [
        "a.csv",
        "exports/b.xlsx",
        "notes.txt",
        "z/d.csv",
    ]


def test_a_file_root_is_yielded_and_a_missing_root_reported(tmp_path: Path) -> None:
    (tmp_path / "one.csv").write_text("x")
    items = list(iter_files([tmp_path / "one.csv", tmp_path / "missing"]))
    assert items[0] == tmp_path / "one.csv"
    assert items[1] == WalkError(
        str(tmp_path / "missing"), "no such file (missing, or removed during the scan)"
    )


def test_directory_symlink_loop_is_reported_once_and_the_walk_ends(tmp_path: Path) -> None:
    tree(tmp_path)
    (tmp_path / "exports" / "back").symlink_to(tmp_path)
    items = list(iter_files([tmp_path]))
    errors = [i for i in items if isinstance(i, WalkError)]
    assert errors == [
        WalkError(
            str(tmp_path / "exports" / "back"), "symlink loop: links back to a folder being walked"
        )
    ]
    assert len([i for i in items if isinstance(i, Path)]) == 5


def test_file_symlink_loop_and_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "c").symlink_to(tmp_path / "nowhere")
    assert rels(tmp_path, list(iter_files([tmp_path]))) == [
        "! symlink loop",
        "! symlink loop",
        "! broken symlink (its target does not exist)",
    ]


def test_second_link_to_the_same_folder_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f.csv").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert rels(tmp_path, list(iter_files([tmp_path]))) == ["link/f.csv"]


def test_symlinks_not_followed_when_asked(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f.csv").write_text("x")
    (tmp_path / "dirlink").symlink_to(tmp_path / "real")
    (tmp_path / "filelink").symlink_to(tmp_path / "real" / "f.csv")
    assert rels(tmp_path, list(iter_files([tmp_path], follow_symlinks=False))) == ["real/f.csv"]


def test_special_files_are_yielded_for_the_extractor_to_report(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert list(iter_files([tmp_path])) == [tmp_path / "pipe"]
