"""How many digits every match of a pattern holds, read from the pattern itself.

A table has thousands of cells, and most hold a grade, a count or a word. A
district's student-ID pattern (`\\b\\d{10}\\b`) cannot match a cell with fewer
than ten digits, so such a cell need not be searched for it at all.

The count is a lower bound taken from the standard library's parse of the
pattern (`re._parser`, the parser `re.compile` itself uses): a literal digit, a
set of digits only, repeats and groups of them, the fewest of any alternatives.
Anything else counts for nothing, and a pattern only the `regex` module reads
gives 0, so the bound may be low but is never too high.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import Any

try:  # private to the standard library: a Python that moves them gives no bound at all
    sre: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:
    sre = _parser = None


@functools.lru_cache(maxsize=256)
def min_digits(pattern: str, flags: int = 0) -> int:
    """The fewest digits (characters for which `str.isdigit` holds) in any match."""
    if _parser is None:
        return 0
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, OverflowError, RecursionError, ValueError):
        return 0
    return _least(parsed)


def _least(items: Any) -> int:
    total = 0
    for op, arg in items:
        if op is sre.LITERAL:
            total += chr(arg).isdigit()
        elif op is sre.IN:
            total += _only_digits(arg)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, body = arg
            total += low * _least(body)
        elif op is sre.SUBPATTERN:
            total += _least(arg[-1])
        elif op is sre.ATOMIC_GROUP:
            total += _least(arg)
        elif op is sre.BRANCH:
            total += min(_least(branch) for branch in arg[1])
        # Anything else (an anchor, a lookaround, a back-reference, any character,
        # a negated literal) may match without a digit: it adds nothing.
    return total


def _only_digits(members: Any) -> int:
    """1 when a character set holds digits only, else 0."""
    if not members or members[0][0] is sre.NEGATE:
        return 0
    for op, arg in members:
        if op is sre.LITERAL and chr(arg).isdigit():
            continue
        if op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            continue
        if op is sre.RANGE and all(chr(c).isdigit() for c in range(arg[0], arg[1] + 1)):
            continue
        return 0
    return 1
