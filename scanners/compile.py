"""Compile the detection modules with mypyc: `python -m scanners.compile`.

Run once at install, as `make setup` does; what is compiled, where it goes and when it
is used is `scanners.compiled`. Needs mypy (which brings mypyc), setuptools and a C
compiler; without them the scanner runs from source, as it does before the build.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from scanners.compiled import (
    GROUP,
    MODULES,
    ROOT,
    STAMP,
    default_dir,
    fresh_stamp,
    interpreter,
    source_digests,
    source_path,
)

# The build, run in a child process with the package's folder as working directory
# (mypyc names each module by its path): C sources and objects in a scratch folder,
# the finished extensions in LIB.
_BUILD = """
import sys
from setuptools import setup
from mypyc.build import mypycify
paths, scratch, lib, group = sys.argv[1].split(","), sys.argv[2], sys.argv[3], sys.argv[4]
setup(
    name="compiled",
    ext_modules=mypycify(paths, opt_level="3", target_dir=scratch + "/c", group_name=group),
    script_args=["build_ext", "--build-lib", lib, "--build-temp", scratch + "/o"],
)
"""


def build(
    directory: Path | None = None,
    root: Path = ROOT,
    modules: Sequence[str] = MODULES,
    group: str = GROUP,
) -> bool:
    """Compile `modules` unless a fresh build is there already; whether one was made.

    Raises `subprocess.CalledProcessError` (with mypyc's output) if compiling fails,
    `RuntimeError` if a source changed while it was compiled."""
    target = directory or default_dir()
    if fresh_stamp(target, root, modules) is not None:
        return False
    before = source_digests(root, modules)
    if before is None:
        raise RuntimeError(f"cannot read the sources of {', '.join(modules)} under {root}")
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".compiled-", dir=target.parent))
    try:
        lib = scratch / "lib"
        paths = ",".join(str(source_path(Path(), m)) for m in modules)
        env = {**os.environ, "MYPY_CACHE_DIR": str(scratch / "mypy-cache")}
        subprocess.run(
            [sys.executable, "-c", _BUILD, paths, str(scratch), str(lib), group],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        if source_digests(root, modules) != before:
            raise RuntimeError("a source changed while it was compiled; build again")
        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
        extensions = {
            name: str(Path(*name.split(".")).with_suffix(suffix))
            for name in (*modules, f"{group}__mypyc")
        }
        missing = [name for name, path in extensions.items() if not (lib / path).is_file()]
        if missing:
            raise RuntimeError(f"the build made no extension for {', '.join(missing)}")
        stamp = {"interpreter": interpreter(), "sources": before, "extensions": extensions}
        (lib / STAMP).write_text(json.dumps(stamp, indent=1), encoding="utf-8")
        _sync_tree(lib)
        _replace_dir(lib, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return True


def _sync_tree(folder: Path) -> None:
    """Every file under `folder` on disk, so that no crash leaves a stamp beside a
    truncated extension (which would fail every import of the scanner)."""
    for path in sorted(folder.rglob("*"), reverse=True):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _replace_dir(new: Path, target: Path) -> None:
    """Put `new` at `target`: a reader finds the old build, the new or none, never a part."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main() -> int:
    try:
        made = build()
    except subprocess.CalledProcessError as exc:
        print(f"{exc.stdout}{exc.stderr}", file=sys.stderr)
        print("compiling the detection modules failed; the scanner runs from source")
        return 1
    except (OSError, RuntimeError) as exc:
        print(f"compiling the detection modules failed ({exc}); the scanner runs from source")
        return 1
    print(f"detection modules {'compiled' if made else 'already compiled'} in {default_dir()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
