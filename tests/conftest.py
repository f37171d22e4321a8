"""Fixtures every test shares.

Each test runs with its own PII_GUARD_HOME so no test can read or write a real
user's keys, vault, audit log or policy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("pii-guard-home")
    monkeypatch.setenv("PII_GUARD_HOME", str(home))
    monkeypatch.delenv("PII_GUARD_POLICY", raising=False)
    yield home


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Public test data beside the repository (presidio-research synth set, age vectors)."""
    if not SHARED_DATA.is_dir():
        raise RuntimeError(f"shared test data not found beside the repository at {SHARED_DATA}")
    return SHARED_DATA
