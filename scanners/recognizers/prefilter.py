"""A pattern's required words, asked of a text before the pattern is run on it.

Most of the detector's time goes to a few hundred patterns, each run over every text,
and most find nothing there. A pattern such as "made-up student", "(example only)" or
"fictitious record" cannot match a text that holds none of its words; finding that out
takes Python's substring search a fraction of the time the regular expression engine
takes to try the pattern at every place in the text. So `prefiltered` works out, from
the pattern itself, a set of literals of which every match holds at least one, and its
methods answer "no match" at once where the text holds none of them.

The literals are read off the pattern's syntax tree, as `re` parses it (RE2's prefilter
and Google Code Search do the same with trigrams). Only what a match consumes counts:
a lookaround, an optional part or a character class yields no literal, an alternation
yields the union of its branches' literals or nothing, and a pattern from which no
literal of `MIN_LITERAL` characters can be read is refused (`ValueError`), so a pattern
that cannot be prefiltered says so when it is written, not by being slow.

Case: a literal in a case-insensitive part is compared lower-cased with the text
lower-cased. `str.lower` and a regular expression's case folding agree on ASCII text
only (the Kelvin sign matches "k", a long s matches "s"), so such a gate lets any text with
a non-ASCII character through to the pattern. Patterns of the `regex` module are read
by the same parser where their syntax is `re`'s; what `re` cannot parse, or may parse
differently (POSIX classes, fuzzy matching, branch reset, version 1), is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar, overload

import regex

MIN_LITERAL = 2  # a gate of single characters would let almost every text through
RARE_ENOUGH = 8  # characters past which a literal is no rarer in text (see `_selectivity`)

# `regex` syntax that `re` reads differently or not at all, where it would not fail:
# a POSIX class ("[[:alpha:]]"), fuzzy matching, branch reset, version 1, reverse or
# full-case matching, a definition; an escaped backslash would confuse `_PROPERTY`
_REGEX_ONLY = re.compile(r"\[:\^?\w+:\]|\{e|\(\?\||\(\?V1|\(\?r|\(\?f|\(\?\(DEFINE\)|\\\\")
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")  # `regex`'s "\p{Lu}": one character, any
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE  # same bits in `regex`

# A set of strings, and whether they are compared lower-cased with a lower-cased text
_Strings = tuple[frozenset[str], bool]
_PRODUCT_LIMIT = 32  # strings an exact part may stand for ("(?:his|her) (?:iep|plan)": 4)
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
_NEVER: _Strings = (frozenset(), False)  # a part that cannot match ("(?!)") holds nothing


@dataclass(frozen=True, slots=True)
class Literals:
    """Strings of which every match of a pattern holds at least one."""

    any_of: tuple[str, ...]
    folded: bool  # compared with the text lower-cased

    def may_occur_in(self, text: str) -> bool:
        """False only where no match of the pattern can be found in `text`."""
        if self.folded:
            if not text.isascii():
                return True
            text = lower_case(text)
        # (a loop: `any` of a generator costs a third more)
        for literal in self.any_of:  # noqa: SIM110
            if literal in text:
                return True
        return False


# The last text lower-cased, and it: the gates of a dozen patterns ask of the same text
_last_lowered: tuple[str, str] = ("", "")


def lower_case(text: str) -> str:
    """`text.lower()`, remembered for the last text: a text's recognizers and gates each
    want it lower-cased, one after another."""
    global _last_lowered
    last, lowered = _last_lowered
    if text is not last:
        lowered = text.lower()
        _last_lowered = (text, lowered)
    return lowered


# The library, source and flags of a pattern: what its literals depend on
LiteralsKey = tuple[str, str, int]
# Literals read in this process, or recorded at install with the compiled patterns
# (`scanners.pattern_programs`): reading them costs a few milliseconds of start-up each
_known: dict[LiteralsKey, Literals | None] = {}


def literals_key(pattern: re.Pattern[str] | regex.Pattern[str]) -> LiteralsKey:
    library = "regex" if isinstance(pattern, regex.Pattern) else "re"
    return library, pattern.pattern, int(pattern.flags)


def known_literals() -> dict[LiteralsKey, Literals | None]:
    """Every pattern's literals read so far (for `pattern_programs.record`)."""
    return dict(_known)


def remember_literals(known: dict[LiteralsKey, Literals | None]) -> None:
    """Take literals read by an earlier process (`pattern_programs.preload`)."""
    _known.update(known)


def required_literals(pattern: re.Pattern[str] | regex.Pattern[str]) -> Literals | None:
    """The literals every match of `pattern` holds one of, or None where none can be
    read off it (see the module's docstring)."""
    key = literals_key(pattern)
    if key not in _known:
        _known[key] = _read_literals(pattern)
    return _known[key]


def _read_literals(pattern: re.Pattern[str] | regex.Pattern[str]) -> Literals | None:
    source = pattern.pattern
    if isinstance(pattern, regex.Pattern):
        if pattern.flags & regex.VERSION1 or _REGEX_ONLY.search(source):
            return None
        source = _PROPERTY.sub(".", source)
    try:
        parsed = sre_parse.parse(source, pattern.flags & _FLAGS)
    except (re.error, OverflowError, RecursionError):
        return None
    found = _required(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    if found is None or not found[0] or min(map(len, found[0])) < MIN_LITERAL:
        return None
    texts, folded = found
    # "allerg" in a text already lets "allergic to" through: the longer one adds nothing
    kept = sorted(t for t in texts if not any(o != t and o in t for o in texts))
    return Literals(tuple(kept), folded)


def _required(items: list[tuple[Any, Any]], ignore_case: bool) -> _Strings | None:
    """The most selective set of strings one of which every match of the sequence
    `items` holds: a stretch of parts that each match one of a few exact strings ("(?:
    his|her) plan" is "his plan" or "her plan"; a lookaround or an anchor consumes
    nothing, so the stretch goes on across it), or an inner part's own set.

    Every stretch is weighed, from each part on: "(?:sent|went) to the nurse" is best
    looked for as " to the nurse", the part after the words that vary."""
    if _cannot_match(items):
        return _NEVER
    choices: list[_Strings] = []
    stretches: list[_Strings] = []  # those still growing, one begun at each exact part
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        exact = _exact(op, arg, ignore_case)
        if exact is None:
            choices += stretches
            stretches = []
            inner = _inner(op, arg, ignore_case)
            if inner is not None:
                choices.append(inner)
            continue
        choices += stretches  # (each as it stands before this part, too)
        growing = []
        for stretch in stretches:
            joined = _product(stretch, exact)
            if joined is not None:  # (too many strings: it stops here)
                growing.append(joined)
        stretches = [*growing, exact]
    choices += stretches
    if not choices:
        return None
    if any(not strings for strings, _ in choices):
        return _NEVER  # a part of it cannot match: neither can the whole
    return max(choices, key=_selectivity)


def _cannot_match(items: list[tuple[Any, Any]]) -> bool:
    """A sequence with "(?!)", as a condition's "no" side can be, matches nothing."""
    return any(op is sre.ASSERT_NOT and not list(arg[1]) for op, arg in items)


def _selectivity(strings: _Strings) -> tuple[int, int, int]:
    """Longer strings are rarer in text (up to `RARE_ENOUGH` characters, past which
    words seldom occur by chance), and fewer of them cheaper to look for."""
    shortest = min(map(len, strings[0]))
    return min(RARE_ENOUGH, shortest), -len(strings[0]), shortest


def _product(first: _Strings, then: _Strings) -> _Strings | None:
    """Each string of `first` followed by each of `then`, if not too many."""
    if len(first[0]) * len(then[0]) > _PRODUCT_LIMIT:
        return None
    folded = first[1] or then[1]
    heads, tails = (({s.lower() for s in part[0]} if folded else part[0]) for part in (first, then))
    return frozenset(h + t for h in heads for t in tails), folded


def _exact(op: Any, arg: Any, ignore_case: bool) -> _Strings | None:
    """The few strings a part matches, where it matches only those."""
    if op is sre.LITERAL:
        char = chr(arg)
        if ignore_case and not char.isascii():
            return None  # its case folding is not `str.lower`'s
        return frozenset({char.lower() if ignore_case else char}), ignore_case
    if op is sre.IN and len(arg) <= _PRODUCT_LIMIT:  # "[Kk]", "[-/]"
        if any(kind is not sre.LITERAL for kind, _ in arg):
            return None  # a range, a category, a negation
        return _union(_exact(sre.LITERAL, char, ignore_case) for _, char in arg)
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = arg
        return _exact_sequence(list(body), _case(ignore_case, add_flags, del_flags))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, most, body = arg
        if (least, most) == (1, 1):
            return _exact_sequence(list(body), ignore_case)
        if (least, most) == (0, 1):  # "s?": the part or nothing
            once = _exact_sequence(list(body), ignore_case)
            return None if once is None else (once[0] | {""}, once[1])
        return None
    if op is sre.BRANCH:
        return _union(_exact_sequence(list(branch), ignore_case) for branch in arg[1])
    return None


def _exact_sequence(items: list[tuple[Any, Any]], ignore_case: bool) -> _Strings | None:
    if _cannot_match(items):
        return _NEVER
    strings: _Strings | None = (frozenset({""}), False)
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        exact = _exact(op, arg, ignore_case)
        if exact is None or strings is None:
            return None
        strings = _product(strings, exact)
    return strings


def _inner(op: Any, arg: Any, ignore_case: bool) -> _Strings | None:
    """The required strings of a part that matches too many strings to list."""
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = arg
        return _required(list(body), _case(ignore_case, add_flags, del_flags))
    if op is sre.ATOMIC_GROUP:
        return _required(list(arg), ignore_case)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _most, body = arg
        return _required(list(body), ignore_case) if least >= 1 else None
    if op is sre.BRANCH:
        return _union(_required(list(branch), ignore_case) for branch in arg[1])
    if op is sre.GROUPREF_EXISTS:  # "(?(name)yes|no)": either side may be the match
        _group, yes, no = arg
        if no is None:
            return None
        return _union(_required(list(side), ignore_case) for side in (yes, no))
    return None  # a class, any character, a back reference: no literal


def _case(ignore_case: bool, add_flags: int, del_flags: int) -> bool:
    """Whether a group's part ignores case ("(?i:...)", "(?-i:...)")."""
    if add_flags & re.IGNORECASE:
        return True
    if del_flags & re.IGNORECASE:
        return False
    return ignore_case


def _union(alternatives: Iterator[_Strings | None]) -> _Strings | None:
    """Each alternative's strings together; None if one has none."""
    strings: set[str] = set()
    parts: list[_Strings] = []
    for alternative in alternatives:
        if alternative is None:
            return None
        if alternative[0]:  # (one that cannot match adds nothing)
            parts.append(alternative)
    folded = any(f for _, f in parts)
    for texts, _ in parts:
        strings.update(map(str.lower, texts) if folded else texts)
    return frozenset(strings), folded


M = TypeVar("M")  # the match type of the pattern behind the gate


class Prefiltered(Generic[M]):
    """A compiled pattern whose methods first ask `Literals.may_occur_in` of the text.

    Only what the detector's text-wide patterns use: `search`, `finditer` and `findall`,
    with the pattern's own further arguments.
    """

    __slots__ = ("_findall", "_finditer", "_search", "literals", "pattern")

    def __init__(
        self,
        pattern: re.Pattern[str] | regex.Pattern[str],
        literals: Literals,
        search: Callable[..., M | None],
        finditer: Callable[..., Iterator[M]],
    ) -> None:
        self.pattern = pattern
        self.literals = literals
        self._search = search
        self._finditer = finditer
        self._findall: Callable[..., list[Any]] = pattern.findall

    def search(self, string: str, *args: Any, **kwargs: Any) -> M | None:
        if not self.literals.may_occur_in(string):
            return None
        return self._search(string, *args, **kwargs)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Iterator[M]:
        if not self.literals.may_occur_in(string):
            return iter(())
        return self._finditer(string, *args, **kwargs)

    def findall(self, string: str, *args: Any, **kwargs: Any) -> list[Any]:
        if not self.literals.may_occur_in(string):
            return []
        return self._findall(string, *args, **kwargs)


@overload
def prefiltered(pattern: re.Pattern[str]) -> Prefiltered[re.Match[str]]: ...
@overload
def prefiltered(pattern: regex.Pattern[str]) -> Prefiltered[regex.Match[str]]: ...
def prefiltered(
    pattern: re.Pattern[str] | regex.Pattern[str],
) -> Prefiltered[re.Match[str]] | Prefiltered[regex.Match[str]]:
    """`pattern` behind the gate of its required literals.

    Raises ValueError where it has none (see the module's docstring): there the gate
    would only cost time.
    """
    literals = required_literals(pattern)
    if literals is None:
        raise ValueError(f"no literal every match must hold: {pattern.pattern[:60]!r}")
    if isinstance(pattern, regex.Pattern):
        return Prefiltered[regex.Match[str]](pattern, literals, pattern.search, pattern.finditer)
    return Prefiltered[re.Match[str]](pattern, literals, pattern.search, pattern.finditer)


@overload
def prefiltered_if_possible(
    pattern: re.Pattern[str],
) -> Prefiltered[re.Match[str]] | re.Pattern[str]: ...
@overload
def prefiltered_if_possible(
    pattern: regex.Pattern[str],
) -> Prefiltered[regex.Match[str]] | regex.Pattern[str]: ...
def prefiltered_if_possible(
    pattern: re.Pattern[str] | regex.Pattern[str],
) -> (
    Prefiltered[re.Match[str]]
    | Prefiltered[regex.Match[str]]
    | re.Pattern[str]
    | regex.Pattern[str]
):
    """`prefiltered(pattern)`, or the pattern itself where it has no literals: for a
    list of patterns tried alike, some with words and some without."""
    return pattern if required_literals(pattern) is None else prefiltered(pattern)
