"""Constants and helpers shared by the key tests (fixtures are in keys_fixtures)."""

from __future__ import annotations

from pathlib import Path

GOOD_PASSPHRASE = "Sunflower42 river"


def home_files(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file()]
