"""The two interfaces every recipient type implements (age `age.go`).

Each is one method. Their error contract is what lets `decrypt` try several
identities: an identity raises `NoIdentityMatchError` when none of the stanzas
is addressed to it (a failed AEAD open counts as "not mine"), and
`HeaderError` when a stanza of its own type is malformed, which stops
decryption at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from transport.age._format import Stanza
from transport.errors import NoIdentityMatchError


@runtime_checkable
class Recipient(Protocol):
    def wrap(self, file_key: bytes) -> Sequence[Stanza]:
        """Stanzas that carry `file_key` to this recipient; raises only on misuse."""
        ...


@runtime_checkable
class Identity(Protocol):
    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes:
        """The file key from the first stanza this identity opens.

        Raises NoIdentityMatchError if no stanza is for this identity, and
        HeaderError if a stanza of this identity's type is malformed.
        """
        ...


def multi_unwrap(unwrap_one: Callable[[Stanza], bytes], stanzas: Sequence[Stanza]) -> bytes:
    """Try each stanza in turn; "not mine" moves on, anything else stops."""
    for stanza in stanzas:
        try:
            return unwrap_one(stanza)
        except NoIdentityMatchError:
            continue
    raise NoIdentityMatchError()
