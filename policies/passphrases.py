"""Rule R5: passwords of at least 8 characters, with letters and digits.

The rules are data in the policy (`keys.passphrase_require`); this module knows
what each requirement name means.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence

REQUIREMENTS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "letter": ("at least one letter", lambda p: any(c.isalpha() for c in p)),
    "digit": ("at least one digit", lambda p: any(c.isdigit() for c in p)),
    "upper": ("at least one upper-case letter", lambda p: any(c.isupper() for c in p)),
    "lower": ("at least one lower-case letter", lambda p: any(c.islower() for c in p)),
    "symbol": (
        "at least one symbol",
        lambda p: any(c in string.punctuation or (not c.isalnum() and not c.isspace()) for c in p),
    ),
}


def problems(passphrase: str, min_length: int, require: Sequence[str]) -> tuple[str, ...]:
    """Every rule the passphrase breaks, in words a user can act on."""
    found: list[str] = []
    if len(passphrase) < min_length:
        found.append(f"at least {min_length} characters (has {len(passphrase)})")
    for name in require:
        description, satisfied = REQUIREMENTS[name]
        if not satisfied(passphrase):
            found.append(description)
    return tuple(found)
