"""Set up a sender's keys and a recipient in the isolated PII_GUARD_HOME, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pii_guard.cli import main
from transport.age import X25519Identity

SENDER_EMAIL = "registrar@cps.example"
PASSPHRASE = "release-tests-2026"


def make_sender(monkeypatch: pytest.MonkeyPatch) -> None:
    """`pii-guard keys init` with a passphrase file store (no keyring needed)."""
    monkeypatch.setenv("PII_GUARD_PASSPHRASE", PASSPHRASE)
    result = CliRunner().invoke(
        main, ["keys", "init", "--name", "Registrar", "--email", SENDER_EMAIL, "--store", "file"]
    )
    assert result.exit_code == 0, result.output


def make_recipient(tmp: Path, name: str) -> Path:
    """A third party's age identity (file) and its entry in the recipient registry."""
    identity = X25519Identity.generate()
    result = CliRunner().invoke(
        main,
        ["recipients", "add", name, "--age-key", str(identity.recipient),
         "--org", "Middlesex Superior Court"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = tmp / f"{name}.key"
    path.write_text(f"# {name}\n{identity}\n")
    path.chmod(0o600)
    return path
