"""The shapes of the blocks the detector reads, as runtime-checkable protocols.

They live apart from `scanners.detect` because that module is compiled to C
(`scanners.compiled`), and a compiled module cannot define a protocol that `isinstance`
checks at run time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable


@runtime_checkable
class TextLike(Protocol):
    """The shape of `scanners.extract.TextBlock`."""

    @property
    def text(self) -> str: ...
    @property
    def location(self) -> str: ...
    @property
    def first_line(self) -> int: ...
    @property
    def offset(self) -> int: ...


@runtime_checkable
class TableLike(Protocol):
    """The shape of `scanners.extract.TableBlock`."""

    @property
    def location(self) -> str: ...
    @property
    def header(self) -> tuple[str, ...]: ...
    @property
    def rows(self) -> Iterable[tuple[int, tuple[str, ...]]]: ...
