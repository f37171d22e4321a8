"""The compiled patterns kept between runs (`scanners.pattern_programs`): the same
patterns as compiling gives, used where present, and ignored where they cannot be trusted.

Each check runs in a new interpreter: the programs must be loaded before the scanner's
modules are imported, and this test process has imported them already."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scanners import pattern_programs

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"


def _python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def programs_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("programs") / "programs.marshal"
    assert pattern_programs.build(path) > 300
    return path


def test_a_build_records_the_same_patterns(programs_file: Path, tmp_path: Path) -> None:
    """... and the same `re` programs. (`regex` orders a pattern's possible first
    characters as a set of objects iterates, which differs from run to run.)"""
    again = tmp_path / "again.marshal"
    pattern_programs.build(again)
    first, second = pattern_programs.read(programs_file), pattern_programs.read(again)
    assert first is not None and second is not None
    assert sorted(first["re"]) == sorted(second["re"])
    assert sorted(p[:2] for p in first["regex"]) == sorted(p[:2] for p in second["regex"])


# For the scripts below, after they load the programs: the scanner's modules imported,
# and their module-level values of a kind
_SCANNER_VALUES = """
def scanner_values(kind):
    for name in pattern_programs.SCANNER_MODULES:
        __import__(name)
    return [
        value
        for name, module in list(sys.modules.items())
        if name.startswith("scanners.")
        for value in vars(module).values()
        if isinstance(value, kind)
    ]
"""

_LOADED_AND_COMPARED = """
import re, sys
from pathlib import Path
import regex
from scanners import pattern_programs
loaded = pattern_programs.preload(Path(sys.argv[1]))
preloaded = {id(p) for p in re._cache.values()} | {id(p) for p in regex._main._cache.values()}
patterns = scanner_values((re.Pattern, regex.Pattern))
std = [p for p in patterns if isinstance(p, re.Pattern)]
print(loaded, len(patterns), sum(id(p) in preloaded for p in patterns),
      sum(p == re._compiler.compile(p.pattern, p.flags) for p in std), len(std))
"""


def test_the_modules_patterns_are_the_loaded_ones(programs_file: Path) -> None:
    """Loaded, the modules' patterns are the file's objects (nothing compiled twice), and
    each `re` pattern equals a fresh compile of it (CPython compares the programs)."""
    loaded, patterns, from_file, equal, std = map(
        int, _python(_SCANNER_VALUES + _LOADED_AND_COMPARED, str(programs_file)).split()
    )
    assert loaded > 300
    assert patterns > 250
    assert from_file >= patterns - 2  # (a pattern compiled before the programs load)
    assert equal == std > 50


_LITERALS_COMPARED = """
import sys
from pathlib import Path
from scanners import pattern_programs
pattern_programs.preload(Path(sys.argv[1]))
from scanners.recognizers import prefilter
read = []
reader = prefilter._read_literals
prefilter._read_literals = lambda pattern: read.append(pattern) or reader(pattern)
gates = scanner_values(prefilter.Prefiltered)
print(len(gates), len(read), sum(g.literals == reader(g.pattern) for g in gates))
"""


def test_the_prefiltered_patterns_literals_are_loaded_as_read(programs_file: Path) -> None:
    """The literals of the prefiltered patterns come from the file, none read again at
    start-up, and each set is the one reading the pattern gives."""
    gates, read, equal = map(
        int, _python(_SCANNER_VALUES + _LITERALS_COMPARED, str(programs_file)).split()
    )
    assert gates > 20
    assert read == 0
    assert equal == gates


_MATCHED_ALIKE = """
import sys
from pathlib import Path
import regex
from regex import _regex
from scanners import pattern_programs
from scanners.extract import extract_path
texts = [
    getattr(block, "text", None) or "\\n".join(", ".join(cells) for _, cells in block.rows)
    for path in sorted(Path(sys.argv[2]).rglob("*")) if path.is_file()
    for document in extract_path(path) for block in document.blocks
]
texts.append("\\n".join(texts))
stored = pattern_programs.read(Path(sys.argv[1]))
differ = []
for pattern, flags, version, program in stored["regex"]:
    loaded = _regex.compile(*program)
    compiled = regex.compile(pattern, flags, cache_pattern=False)
    for text in texts:
        a = [m.regs for m in loaded.finditer(text)]
        if a != [m.regs for m in compiled.finditer(text)]:
            differ.append(pattern)
            break
print(len(stored["regex"]), len(differ), differ[:3])
"""


def test_loaded_regex_patterns_match_as_compiled_ones_do(programs_file: Path) -> None:
    """`regex` patterns cannot be compared as objects: each loaded one must match as a
    freshly compiled one does, group by group, over the example records' text."""
    out = _python(_MATCHED_ALIKE, str(programs_file), str(RECORDS)).split(maxsplit=2)
    assert int(out[0]) > 200
    assert (int(out[1]), out[2].strip()) == (0, "[]")


_SCAN = """
import json, sys
from pathlib import Path
from scanners import pattern_programs
pattern_programs.default_path = lambda: Path(sys.argv[1])
from scanners import Scanner
out = []
for path in sorted(Path(sys.argv[2]).rglob("*")):
    if path.is_file():
        for report in Scanner().scan_file(path):
            out.append([report.path, report.status, [
                [f.entity, f.value, f.score, f.location] for f in report.findings
            ]])
print(json.dumps(out, default=str))
"""


def test_a_scan_finds_the_same_with_or_without_the_file(
    programs_file: Path, tmp_path: Path
) -> None:
    with_programs = json.loads(_python(_SCAN, str(programs_file), str(RECORDS)))
    without = json.loads(_python(_SCAN, str(tmp_path / "none.marshal"), str(RECORDS)))
    assert sum(len(findings) for _, _, findings in without) > 20
    assert with_programs == without


def test_a_damaged_or_foreign_file_is_ignored(programs_file: Path, tmp_path: Path) -> None:
    data = programs_file.read_bytes()
    assert pattern_programs.read(programs_file) is not None

    flipped = tmp_path / "flipped.marshal"
    flipped.write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
    assert pattern_programs.read(flipped) is None

    garbage = tmp_path / "garbage.marshal"
    garbage.write_bytes(b"\x00" * 100)
    assert pattern_programs.read(garbage) is None

    foreign = tmp_path / "foreign.marshal"
    programs = pattern_programs.read(programs_file)
    assert programs is not None
    programs["stamp"] = (pattern_programs.FORMAT, "2.7.18", "cpython-27", "2020.1.8")
    pattern_programs.write(programs, foreign)
    assert pattern_programs.read(foreign) is None
    assert pattern_programs.preload(foreign) == 0

    assert pattern_programs.read(tmp_path / "missing.marshal") is None


def test_recording_refuses_modules_already_imported() -> None:
    import scanners.detect  # noqa: F401  (imported: its patterns are compiled already)

    with pytest.raises(RuntimeError, match="already imported"):
        pattern_programs.record()
