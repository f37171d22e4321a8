"""The detection modules compiled to C by mypyc, kept beside the package's bytecode.

Detection is some ten thousand lines of Python run over every line and cell a scan
reads. About a tenth of a scan's time is the interpreter's own work on that code:
dispatching bytecode, boxing numbers, looking attributes up in dictionaries. mypyc
turns type-annotated modules (these are `mypy --strict` clean) into C extensions that
do without it. The rest of a scan (the regular-expression engines, the extraction
libraries, start-up) is untouched by compiling.

`python -m scanners.compile`, run once at install (`make setup`, beside `compileall`
and `scanners.pattern_programs`), compiles `MODULES` as one group of extensions;
`use()`, called when `scanners` is imported, has Python load them instead of their
source.

Compiled code must never be stale. Python prefers an extension module to a source file
of the same name, so the extensions live apart from the sources (in `__pycache__`) and
are found by a finder `use()` installs only when every module's source still has the
digest recorded at build, for this interpreter and extension ABI. If any source
differs, none of the group is used: the modules call one another directly in C, so a
mix would still run the old code of some. A missing compiler or mypy, a failed
build, or `PII_GUARD_COMPILED=0` all leave the source in use, as before the build.
That is slower, and gives the same results.

Only detection is compiled: it is pure computation on strings. Extraction is not, as
it hands buffers to C libraries through ctypes, and the CPython code it was written
against keeps a temporary alive until the statement ends, whereas compiled code may
free it sooner.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Mapping, Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

FORMAT = 1
# The detection core: every module a scan's detection spends its time in. Each may
# import the others; none of them defines a runtime-checked protocol (`block_shapes`).
MODULES = (
    "scanners.detect",
    "scanners.table_shapes",
    "scanners.recognizers.base",
    "scanners.recognizers.builtin",
    "scanners.recognizers.checksums",
    "scanners.recognizers.columns",
    "scanners.recognizers.digits",
    "scanners.recognizers.name_words",
    "scanners.recognizers.names",
    "scanners.recognizers.prefilter",
    "scanners.recognizers.signals",
)
GROUP = "scanners._compiled"  # the shared library is the module GROUP + "__mypyc"
SWITCH = "PII_GUARD_COMPILED"  # "0": use the source even where a fresh build exists
STAMP = "stamp.json"
ROOT = Path(__file__).resolve().parent.parent  # the folder that holds `scanners/`


def default_dir() -> Path:
    """Beside this package's bytecode, named for this interpreter (as .pyc files are)."""
    tag = sys.implementation.cache_tag or "python"
    return Path(__file__).with_name("__pycache__") / f"compiled.{tag}"


def source_path(root: Path, module: str) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


def source_digests(root: Path, modules: Sequence[str]) -> dict[str, str] | None:
    """Each module's source digest, or None if one cannot be read."""
    digests = {}
    for module in modules:
        try:
            digests[module] = hashlib.sha256(source_path(root, module).read_bytes()).hexdigest()
        except OSError:
            return None
    return digests


def interpreter() -> list[str]:
    """What an extension depends on beyond its sources: format, Python, ABI."""
    return [str(FORMAT), sys.version, importlib.machinery.EXTENSION_SUFFIXES[0]]


def fresh_stamp(
    directory: Path, root: Path = ROOT, modules: Sequence[str] = MODULES
) -> dict[str, Any] | None:
    """The build's stamp if its extensions may be used for these sources, else None."""
    try:
        stamp = json.loads((directory / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("interpreter") != interpreter():
        return None
    if stamp.get("sources") != source_digests(root, modules):
        return None
    return stamp


class _ExtensionFinder(importlib.abc.MetaPathFinder):
    """Finds exactly the modules of one build, each at its extension file."""

    def __init__(self, locations: Mapping[str, Path]) -> None:
        self.locations = dict(locations)

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        location = self.locations.get(fullname)
        if location is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(location))
        return importlib.util.spec_from_file_location(fullname, location, loader=loader)


def use(directory: Path | None = None, root: Path = ROOT, modules: Sequence[str] = MODULES) -> bool:
    """Have the compiled modules imported in place of their source, if the build is
    fresh and none of them is imported yet; whether they will be."""
    if os.environ.get(SWITCH) == "0" or any(m in sys.modules for m in modules):
        return False
    where = directory or default_dir()
    stamp = fresh_stamp(where, root, modules)
    if stamp is None:
        return False
    extensions = stamp.get("extensions")
    if not isinstance(extensions, dict) or not all(
        isinstance(relative, str) for relative in extensions.values()
    ):
        return False  # (a stamp this module did not write)
    locations = {name: where / relative for name, relative in extensions.items()}
    if not all(path.is_file() for path in locations.values()):
        return False
    if not any(getattr(f, "locations", None) == locations for f in sys.meta_path):
        sys.meta_path.insert(0, _ExtensionFinder(locations))
    return True
