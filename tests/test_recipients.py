"""The recipient registry and `pii-guard recipients`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pii_guard.cli import main
from pii_guard.errors import PiiGuardError
from pii_guard.recipients import Registry, registry_file
from transport.age import X25519Identity


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_add_list_remove() -> None:
    key = str(X25519Identity.generate().recipient)
    code, out, err = _run("recipients", "add", "da-office", "--age-key", key,
                          "--org", "Middlesex District Attorney")  # fmt: skip
    assert code == 0, err
    assert registry_file().stat().st_mode & 0o777 == 0o600
    code, out, _ = _run("recipients", "list", "--json")
    rows = json.loads(out)
    assert [(r["name"], r["org"], r["age_key"]) for r in rows] == [
        ("da-office", "Middlesex District Attorney", key)
    ]
    assert str(Registry.load().get("da-office").recipient) == key
    code, out, _ = _run("recipients", "remove", "da-office")
    assert code == 0
    assert Registry.load().list() == ()


def test_bad_key_is_refused_with_one_line() -> None:
    code, _, err = _run("recipients", "add", "x", "--age-key", "age1notakey", "--org", "X")
    assert code == 2
    assert err.startswith("pii-guard: error: recipient 'x':") and err.count("\n") == 1
    assert not registry_file().exists()


def test_duplicate_and_unknown() -> None:
    key = str(X25519Identity.generate().recipient)
    assert _run("recipients", "add", "a", "--age-key", key, "--org", "A")[0] == 0
    code, _, err = _run("recipients", "add", "a", "--age-key", key, "--org", "A")
    assert code == 2 and "already exists" in err
    assert _run("recipients", "add", "a", "--age-key", key, "--org", "B", "--replace")[0] == 0
    assert Registry.load().get("a").org == "B"
    code, _, err = _run("recipients", "remove", "nobody")
    assert code == 2 and "unknown recipient 'nobody'" in err and "hint:" in err


def test_get_unknown_raises_with_hint() -> None:
    with pytest.raises(PiiGuardError) as caught:
        Registry.load().get("nobody")
    assert caught.value.hint is not None


def test_damaged_registry_is_reported(isolated_home: Path) -> None:
    registry_file().parent.mkdir(parents=True, exist_ok=True)
    registry_file().write_text("{not json")
    code, _, err = _run("recipients", "list")
    assert code == 2 and "damaged recipient registry" in err
