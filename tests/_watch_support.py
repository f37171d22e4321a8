"""Shared pieces of the watcher tests: keys, records, and waiting for the watcher."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROSTER = (
    b"Student Name,SASID,Date of Birth,Grade,SSN,Guardian Phone\n"
    b"Maria Gonzalez,1034567892,2011-04-17,8,123-45-6789,617-555-0143\n"
    b"James O'Connor,1045678903,2010-11-02,9,234-56-7891,617-555-0178\n"
    b"Aisha Rahman,1056789014,2011-01-23,8,345-67-8912,617-555-0112\n"
    b"Wei Chen,1067890125,2010-07-30,9,456-78-9123,617-555-0199\n"
)

CLEAN = b"Field trip checklist\n- permission slips\n- lunch\n- water bottle\n"


@dataclass(frozen=True)
class AgeKey:
    identity_file: Path
    recipient: str


def make_age_key(directory: Path) -> AgeKey:
    """A fresh ICTS test key made by the stock age-keygen."""
    path = directory / "icts-key.txt"
    subprocess.run(["age-keygen", "-o", str(path)], check=True, capture_output=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(path)], check=True, capture_output=True, text=True
    ).stdout.strip()
    return AgeKey(path, recipient)


def age_decrypt(ciphertext: Path, key: AgeKey) -> bytes:
    """Decrypt with the stock age CLI: an independent check of our encryption."""
    return subprocess.run(
        ["age", "-d", "-i", str(key.identity_file), str(ciphertext)],
        check=True,
        capture_output=True,
    ).stdout


def wait_for(condition: Callable[[], bool], timeout: float = 20.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def policy_text(
    recipient: str,
    *,
    blocked: dict[str, list[str]],
    approved: dict[str, list[str]] | None = None,
    audit: tuple[str, ...] = (),
    vault: str = "",
) -> str:
    """The bundled district policy with its locations replaced by test folders.

    Keeps the real classes, thresholds and identifiers; points blocked and approved
    places into a temp dir and the quarantine at a test ICTS key.
    """
    from policies import BUNDLED_POLICY

    text = BUNDLED_POLICY.read_text(encoding="utf-8")
    start, end = text.index("[[locations.approved]]"), text.index("[transfer]")
    locations = []
    for kind, rules in (("approved", approved or {}), ("blocked", blocked)):
        for rule_id, patterns in rules.items():
            action = ""
            if kind == "blocked":
                action = f'action = "{"audit" if rule_id in audit else "block"}"\n'
            quoted = ", ".join(f'"{p}"' for p in patterns)
            locations.append(
                f'[[locations.{kind}]]\nid = "{rule_id}"\n'
                f'platforms = ["linux", "macos", "windows"]\n'
                f"patterns = [{quoted}]\n{action}"
            )
    text = text[:start] + "\n".join(locations) + "\n" + text[end:]
    text = re.sub(r'icts_recipient = "[^"]*"', f'icts_recipient = "{recipient}"', text)
    return text.replace('vault = ""', f'vault = "{vault}"')


def write_policy(path: Path, recipient: str, **kwargs: Any) -> Path:
    path.write_text(policy_text(recipient, **kwargs), encoding="utf-8")
    return path
