"""`pii-guard keys` through click's runner, and as real processes (pty, Secret Service)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from keys_data import GOOD_PASSPHRASE
from ttydialog import converse

from pii_guard import identity
from pii_guard.cli import main
from policies import Policy

PII_GUARD = [sys.executable, "-m", "pii_guard"]

pytest_plugins = ["keys_fixtures"]


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(GOOD_PASSPHRASE + "\n")
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.usefixtures("no_keyring")
def test_init_show_export(passphrase_file: Path) -> None:
    code, out, err = _run("keys", "init", "--name", "Jane Clerk", "--email", "jane@cpsd.us",
                          "--passphrase-file", str(passphrase_file))  # fmt: skip
    assert code == 0, err
    rec = identity.require_record()
    assert rec.fingerprint in out and "passphrase-protected" in out
    code, out, err = _run("keys", "show")
    assert code == 0 and rec.fingerprint in out and rec.age_recipient in out
    assert "warning" not in err
    code, out, _ = _run("keys", "export", "--signer")
    assert out.strip() == f'jane@cpsd.us namespaces="pii-guard-release" {rec.ssh_public_key}'
    code, out, _ = _run("keys", "export", "--age")
    assert out.strip() == rec.age_recipient


@pytest.mark.usefixtures("no_keyring")
def test_weak_passphrase_is_a_one_line_error(tmp_path: Path) -> None:
    weak = tmp_path / "weak"
    weak.write_text("letters\n")
    code, _out, err = _run("keys", "init", "--name", "J", "--email", "j@cpsd.us",
                          "--passphrase-file", str(weak))  # fmt: skip
    assert code == 2
    assert err.startswith("pii-guard: error: passphrase rejected:")
    assert "Traceback" not in err
    assert identity.read_record() is None


@pytest.mark.usefixtures("no_keyring")
def test_show_without_keys_hints_init() -> None:
    code, _, err = _run("keys", "show")
    assert code == 2
    assert "pii-guard: hint:" in err and "keys init" in err


@pytest.mark.usefixtures("no_keyring")
def test_show_warns_about_old_keys(policy: Policy) -> None:
    old = datetime.now(UTC) - timedelta(days=policy.keys.max_key_age_days + 10)
    identity.init_keys(policy, "Jane", "jane@cpsd.us", passphrase=lambda: GOOD_PASSPHRASE, now=old)
    code, _, err = _run("keys", "show")
    assert code == 0
    assert "pii-guard: warning:" in err and "keys rotate" in err


@pytest.mark.usefixtures("no_keyring")
def test_rotate_and_revoke(passphrase_file: Path) -> None:
    _run("keys", "init", "--name", "Jane", "--email", "jane@cpsd.us",
         "--passphrase-file", str(passphrase_file))  # fmt: skip
    first = identity.require_record().fingerprint
    code, out, err = _run("keys", "rotate", "--passphrase-file", str(passphrase_file))
    assert code == 0, err
    second = identity.require_record().fingerprint
    assert first != second and first in out and second in out
    code, _, err = _run("keys", "revoke")
    assert code == 2 and "--yes" in err
    code, out, err = _run("keys", "revoke", "--yes", "--reason", "left the district")
    assert code == 0, err
    assert identity.revocations().revoked_at(second) is not None
    code, out, _ = _run("keys", "show")
    assert "REVOKED" in out
    code, _, err = _run("keys", "export")
    assert code == 0 and "pii-guard: warning: this key was revoked" in err
    code, out, _ = _run("keys", "revoke", first)
    assert code == 0 and identity.revocations().revoked_at(first) is not None


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != identity.PASSPHRASE_ENV}
    env.update(PII_GUARD_HOME=str(home), **extra)
    return env


def test_real_process_prompts_twice_without_echo(tmp_path: Path) -> None:
    """Interactive init on a real terminal: asked twice, nothing echoed, age -d opens the file."""
    env = _env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    code, seen, prompts = converse(
        [*PII_GUARD, "keys", "init", "--name", "Jane", "--email", "jane@cpsd.us"],
        prompt=b"pii-guard: new passphrase",
        answer=GOOD_PASSPHRASE,
        max_answers=10,
        env=env,
    )
    assert code == 0, seen
    assert prompts == 2
    assert GOOD_PASSPHRASE.encode() not in seen
    assert b"fingerprint:" in seen
    exported = subprocess.run([*PII_GUARD, "keys", "export", "--age"], env=env,
                              capture_output=True, text=True, check=True)  # fmt: skip
    assert exported.stdout.startswith("age1")


def test_real_process_uses_secret_service(
    tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    env = _env(tmp_path, **secret_service_env)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    init = subprocess.run([*PII_GUARD, "keys", "init", "--name", "Jane", "--email", "j@cpsd.us"],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert init.returncode == 0, init.stderr
    assert "the OS keyring" in init.stdout
    assert not (tmp_path / "data" / "keys").exists()
    show = subprocess.run([*PII_GUARD, "keys", "show"], env=env, capture_output=True, text=True)
    assert "stored in:     the OS keyring" in show.stdout
