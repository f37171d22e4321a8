"""The detection modules compiled by mypyc (`scanners.compile`, `scanners.compiled`):
used when, and only when, they were built from the sources as they are now, and
scanning alike with them and without.

Imports are once per process, so each check runs in a new interpreter. The mechanism
is checked on a small package compiled here, which takes seconds; the scanner's own
build is the one `make setup` made.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench.corpus import generate_corpus
from scanners import compile as compile_modules
from scanners import compiled

ROOT = Path(__file__).resolve().parents[1]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
TOY_MODULES = ("toypkg.speed", "toypkg.twice")  # (as _LOAD_TOY names them)
TOY_GROUP = "toypkg._compiled"


def _python(code: str, *args: str, cwd: Path = ROOT, switch: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != compiled.SWITCH}
    if switch is not None:
        env[compiled.SWITCH] = switch
    env["PYTHONPATH"] = os.pathsep.join([str(cwd), str(ROOT)])
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _write_toy(root: Path) -> None:
    package = root / "toypkg"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "speed.py").write_text(
        textwrap.dedent(
            """
            def double(x: int) -> int:
                return x * 2
            """
        )
    )
    (package / "twice.py").write_text(
        textwrap.dedent(
            """
            from toypkg.speed import double

            def quadruple(x: int) -> int:
                return double(double(x))
            """
        )
    )


@pytest.fixture(scope="module")
def toy_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A package of two modules, compiled: (its root, the build's folder)."""
    root = tmp_path_factory.mktemp("toy")
    _write_toy(root)
    built = root / "build-out"
    assert compile_modules.build(built, root, TOY_MODULES, TOY_GROUP) is True
    return root, built


# Asks `use` for the toy build, imports both modules and says where each came from
_LOAD_TOY = """
import sys
from pathlib import Path
from scanners import compiled
used = compiled.use(Path(sys.argv[1]), Path(sys.argv[2]), ("toypkg.speed", "toypkg.twice"))
import toypkg.speed, toypkg.twice
print(used, toypkg.twice.quadruple(3), toypkg.speed.__file__, toypkg.twice.__file__)
"""


def _load_toy(root: Path, built: Path, switch: str | None = None) -> tuple[str, ...]:
    output = _python(_LOAD_TOY, str(built), str(root), cwd=root, switch=switch)
    used, result, *files = output.split()
    assert result == "12"
    return (used, *files)


def test_a_fresh_build_is_used_and_a_second_build_is_not_made(
    toy_build: tuple[Path, Path],
) -> None:
    root, built = toy_build
    used, speed, twice = _load_toy(root, built)
    assert used == "True"
    assert speed.endswith(SUFFIX) and Path(speed).is_relative_to(built)
    assert twice.endswith(SUFFIX) and Path(twice).is_relative_to(built)
    assert compile_modules.build(built, root, TOY_MODULES, TOY_GROUP) is False


def test_one_edited_source_sets_the_whole_build_aside(
    toy_build: tuple[Path, Path], tmp_path: Path
) -> None:
    """Even the module that did not change runs from source: the compiled one would
    call the stale compiled code of the other."""
    _, built = toy_build
    copy = tmp_path / "copy"
    _write_toy(copy)
    source = copy / "toypkg" / "speed.py"
    source.write_text(source.read_text() + "# edited\n")
    used, speed, twice = _load_toy(copy, built)
    assert used == "False"
    assert speed.endswith("speed.py") and twice.endswith("twice.py")


def test_the_switch_turns_the_build_off(toy_build: tuple[Path, Path]) -> None:
    root, built = toy_build
    used, speed, _ = _load_toy(root, built, switch="0")
    assert used == "False" and speed.endswith("speed.py")


@pytest.mark.parametrize(
    "damage", ["other interpreter", "missing extension", "broken stamp", "foreign stamp"]
)
def test_a_build_that_cannot_be_trusted_is_not_used(
    toy_build: tuple[Path, Path], tmp_path: Path, damage: str
) -> None:
    root, built = toy_build
    copy = tmp_path / "built"
    subprocess.run(["cp", "-a", str(built), str(copy)], check=True)
    stamp_path = copy / compiled.STAMP
    stamp = json.loads(stamp_path.read_text())
    if damage == "other interpreter":
        stamp["interpreter"][1] = "3.11.0 (another build)"
        stamp_path.write_text(json.dumps(stamp))
    elif damage == "missing extension":
        (copy / stamp["extensions"]["toypkg.speed"]).unlink()
    elif damage == "foreign stamp":
        stamp["extensions"] = [str(copy / stamp["extensions"]["toypkg.speed"])]
        stamp_path.write_text(json.dumps(stamp))
    else:
        stamp_path.write_text(stamp_path.read_text()[:40])
    used, speed, _ = _load_toy(root, copy)
    assert used == "False" and speed.endswith("speed.py")


def test_a_failed_build_raises_and_leaves_no_build(tmp_path: Path) -> None:
    _write_toy(tmp_path)
    (tmp_path / "toypkg" / "speed.py").write_text("def double(x: int) -> int:\n    return 'x'\n")
    built = tmp_path / "build-out"
    with pytest.raises(subprocess.CalledProcessError) as failure:
        compile_modules.build(built, tmp_path, TOY_MODULES, TOY_GROUP)
    assert "Incompatible return value" in failure.value.stdout + failure.value.stderr
    assert not built.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".compiled-")]


# The scanner's own build, as `make setup` leaves it


def test_the_scanners_detection_modules_are_compiled_and_fresh() -> None:
    """`make setup` compiles them (`python -m scanners.compile`); if this fails, that
    step failed or a source changed since: run it again."""
    assert compiled.fresh_stamp(compiled.default_dir()) is not None
    code = (
        "import importlib, scanners.compiled as c\n"
        "print('\\n'.join(importlib.import_module(m).__file__ for m in c.MODULES))"
    )
    files = _python(code).split()
    assert len(files) == len(compiled.MODULES)
    assert all(f.endswith(SUFFIX) and Path(f).is_relative_to(compiled.default_dir()) for f in files)


_SCAN = """
import dataclasses, json, sys
from pathlib import Path
import scanners.detect
from scanners import Scanner
print(scanners.detect.__file__)
scanner = Scanner()
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).rglob("*")):
        for report in scanner.scan_file(path) if path.is_file() else ():
            findings = [dataclasses.astuple(f) for f in report.findings]
            print(json.dumps([report.path, report.status.value, report.error, findings]))
"""


def test_compiled_and_source_find_the_same(tmp_path: Path) -> None:
    """Over a generated school-records corpus (every format the scanner reads, records
    and hard negatives) and the bundled examples."""
    generate_corpus(tmp_path, n_files=120, seed=2026)
    folders = (str(tmp_path), str(ROOT / "examples"))
    with_build = _python(_SCAN, *folders).splitlines()
    from_source = _python(_SCAN, *folders, switch="0").splitlines()
    assert with_build[0].endswith(SUFFIX) and from_source[0].endswith("detect.py")
    assert len(with_build) > 120
    assert sum(json.loads(line)[3] != [] for line in with_build[1:]) > 60
    assert with_build[1:] == from_source[1:]
