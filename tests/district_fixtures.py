"""Fixtures for scanning as a district does: the bundled policy, and a scanner built
from it (its identifier patterns and thresholds), shared by the real-shape tests."""

from __future__ import annotations

import pytest

from pii_guard.scanning import scanner_for_policy
from policies import Policy, load_policy
from scanners import Scanner


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(None).policy


@pytest.fixture(scope="module")
def scanner(policy: Policy) -> Scanner:
    return scanner_for_policy(policy)
