"""The district policy and its scanner, shared by the tests that scan real-shaped files
end to end (`pytest_plugins = ["district_fixtures"]`)."""

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
