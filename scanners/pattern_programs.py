"""The scanner's compiled regular expressions, kept between runs as Python keeps bytecode.

The recognizers, signals and table shapes compile some three hundred patterns when
they are imported: 0.18 s of the 0.3 s that `pii-guard scan` spends starting, paid
again by every scan a laptop's watcher or a member of staff starts. Both `re` and
`regex` parse a pattern in Python and hand the program they derive to their C engine;
only the parsing is slow. `build()`, run once at install (`make setup`, as
`compileall` is), records the programs the scanner's modules compile; `preload()`,
called before those modules are imported, hands the recorded programs straight to
the C engines and puts the patterns in each library's own cache of compiled
patterns, where the modules' unchanged `re.compile(...)` and `regex.compile(...)`
calls then find them.

A pattern whose text or flags changed since the build is not in the file and is
compiled as usual, so a stale file costs time, never correctness. The file sits in
the package's `__pycache__`, beside Python's compiled code and as trusted as it; it
is used only when it was built by this Python with these versions of `regex` and of
this module, and its digest is intact. Anything else and it is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

FORMAT = 2  # 2: with the prefiltered patterns' literals
# What a scan imports: every module that compiles patterns at import time.
SCANNER_MODULES = ("scanners.scanner", "scanners.detect", "scanners.extract")
_DIGEST_BYTES = 32
_recording_now = False  # `record` is running: nothing may be preloaded then


def default_path() -> Path:
    """Beside this package's bytecode, named for this interpreter (as .pyc files are)."""
    tag = sys.implementation.cache_tag or "python"
    return Path(__file__).with_name("__pycache__") / f"pattern-programs.{tag}.marshal"


def _stamp() -> tuple[Any, ...]:
    """What the recorded programs depend on: the interpreter, `regex`, this format, and
    the code that reads a pattern's literals (`scanners.recognizers.prefilter`)."""
    reader = Path(__file__).with_name("recognizers") / "prefilter.py"
    try:
        reader_digest = hashlib.sha256(reader.read_bytes()).hexdigest()
    except OSError:
        reader_digest = None
    return (FORMAT, sys.version, sys.implementation.cache_tag, regex.__version__, reader_digest)


class _Recorder:
    """Stands in for a C engine module (`_sre`, `_regex`) while the modules are imported:
    passes every call through and remembers the program each compiled pattern came from."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self.programs: dict[int, tuple[Any, ...]] = {}  # id(pattern object) -> compile args

    def compile(self, *args: Any) -> Any:
        compiled = self._engine.compile(*args)
        self.programs[id(compiled)] = args
        return compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)


def _plain(value: Any) -> Any:
    """`value` with int subclasses (the libraries' flag enums) made ints: marshal takes
    only the built-in types."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, frozenset):
        return frozenset(_plain(v) for v in value)
    return value


@contextlib.contextmanager
def _recording() -> Iterator[tuple[_Recorder, _Recorder]]:
    compiler: Any = re._compiler  # type: ignore[attr-defined]
    regex_main: Any = sys.modules["regex._main"]
    sre, regex_engine = _Recorder(compiler._sre), _Recorder(regex_main._regex)
    compiler._sre, regex_main._regex = sre, regex_engine
    try:
        yield sre, regex_engine
    finally:
        compiler._sre, regex_main._regex = sre._engine, regex_engine._engine


def record(modules: tuple[str, ...] = SCANNER_MODULES) -> dict[str, Any]:
    """The programs of the patterns that importing `modules` compiles. Must run in a
    process that has not imported them yet (`build` starts one)."""
    already = [m for m in modules if m in sys.modules]
    if already:
        raise RuntimeError(f"already imported, nothing would be recorded: {already}")
    global _recording_now
    _recording_now = True
    with _recording() as (sre, regex_engine):
        for module in modules:
            importlib.import_module(module)
    regex_main: Any = sys.modules["regex._main"]
    std = [
        (pattern, flags, _plain(sre.programs[id(compiled)]))
        for (kind, pattern, flags), compiled in list(re._cache.items())  # type: ignore[attr-defined]
        if kind is str and id(compiled) in sre.programs
    ]
    third_party = []
    for key, compiled in list(regex_main._cache.items()):
        pattern, kind, flags, named_lists, version, locale = key
        if kind is not str or named_lists or locale is not None:
            continue  # (none of ours: named lists, a locale's patterns, bytes)
        if id(compiled) not in regex_engine.programs:
            continue
        args_key = (pattern, kind, flags)
        if regex_main._named_args.get(args_key) or regex_main._locale_sensitive.get(
            (kind, pattern), True
        ):
            continue
        program = _plain(regex_engine.programs[id(compiled)])
        third_party.append((pattern, _plain(flags), _plain(version), program))
    from scanners.recognizers import prefilter

    literals = [
        (*key, None if found is None else (found.any_of, found.folded))
        for key, found in prefilter.known_literals().items()
    ]
    return {"stamp": _stamp(), "re": std, "regex": third_party, "literals": literals}


def write(programs: dict[str, Any], path: Path) -> None:
    """The digest, then the marshalled programs, written whole or not at all."""
    body = marshal.dumps(programs)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(hashlib.sha256(body).digest() + body)
            out.flush()
            os.fsync(out.fileno())
        Path(temp).replace(path)
    finally:
        Path(temp).unlink(missing_ok=True)


def read(path: Path) -> dict[str, Any] | None:
    """The programs at `path`, or None where there are none this process may use."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, body = data[:_DIGEST_BYTES], data[_DIGEST_BYTES:]
    if hashlib.sha256(body).digest() != digest:
        return None
    try:
        # (marshal, not pickle: it builds data, never calls code; the digest says the
        # file is whole, and its place says it is as trusted as the package's bytecode)
        programs = marshal.loads(body)  # noqa: S302
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(programs, dict) or programs.get("stamp") != _stamp():
        return None
    return programs


def preload(path: Path | None = None) -> int:
    """Put the recorded patterns in `re`'s and `regex`'s caches; how many were put.

    A pattern already compiled in this process is left as it is: two objects for one
    pattern would be harmless, but nothing would be saved."""
    programs = None if _recording_now else read(path or default_path())
    if programs is None:
        return 0
    sre: Any = re._compiler._sre  # type: ignore[attr-defined]
    regex_main: Any = sys.modules["regex._main"]
    std_cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    count = 0
    for pattern, flags, program in programs["re"]:
        std_key = (str, pattern, flags)
        if std_key not in std_cache:
            std_cache[std_key] = sre.compile(*program)
            count += 1
    with regex_main._cache_lock:
        for pattern, flags, version, program in programs["regex"]:
            key: tuple[Any, ...] = (pattern, str, flags, frozenset(), version, None)
            if key in regex_main._cache:
                continue
            regex_main._cache[key] = regex_main._regex.compile(*program)
            regex_main._named_args[(pattern, str, flags)] = frozenset()
            regex_main._locale_sensitive[(str, pattern)] = False
            count += 1
    from scanners.recognizers import prefilter

    prefilter.remember_literals(
        {
            (library, source, flags): None if found is None else prefilter.Literals(*found)
            for library, source, flags, found in programs["literals"]
        }
    )
    return count


def build(path: Path | None = None) -> int:
    """Record the scanner's programs in a new process and write them; how many."""
    import subprocess

    target = path or default_path()
    code = (
        "import sys; from pathlib import Path; from scanners import pattern_programs as p; "
        "programs = p.record(); p.write(programs, Path(sys.argv[1])); "
        "print(len(programs['re']) + len(programs['regex']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip())


if __name__ == "__main__":
    print(f"{build()} compiled patterns kept in {default_path()}")
