"""Where pii-guard keeps its files.

Everything hangs off one root when `PII_GUARD_HOME` is set, so a demo, a test or
a throw-away run can never touch a user's real keys, vault or audit log.
Otherwise the platform's conventional folders are used (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "pii-guard"
HOME_ENV = "PII_GUARD_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Per-user configuration (recipients, trust store)."""
    root = _home_override()
    return root / "config" if root else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Per-user data that must survive (keys on keyring-less hosts, audit log, vault)."""
    root = _home_override()
    return root / "data" if root else Path(platformdirs.user_data_dir(APP_NAME))


def state_dir() -> Path:
    """Per-user state that may be rebuilt (scan cache, watcher journal, pid file)."""
    root = _home_override()
    return root / "state" if root else Path(platformdirs.user_state_dir(APP_NAME))


def cache_dir() -> Path:
    """Disposable caches (scan results by content hash)."""
    root = _home_override()
    return root / "cache" if root else Path(platformdirs.user_cache_dir(APP_NAME))


def system_policy_file() -> Path:
    """The district-wide policy an administrator installs for every user of a machine."""
    root = _home_override()
    if root:
        return root / "etc" / "policy.toml"
    return Path(platformdirs.site_config_dir(APP_NAME)) / "policy.toml"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` readable by its owner only; records and keys may land there."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
