"""Declarative recognizers: pattern data, a checksum hook and context words.

A recognizer is data (`Recognizer`), and one small matcher applies all of them
the same way. Context is judged by the *nearest label*: of the context words
(which vouch for the entity) and the negative words (which name something
else: "order", "ISBN", "enrolled") in the text just before a value, the one
closest to the value wins. That is what a reader does with
"Date of birth: 07/02/2012  Enrolled: 09/04/2024", and what presidio's
context enhancer (any context word anywhere in a window) cannot do.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

import regex

from scanners.recognizers.checksums import Validator
from scanners.recognizers.prefilter import lower_case

# Catastrophic backtracking on hostile input must not hang a scan, but the `regex`
# timeout is not free: once armed, the engine reads the process clock (a system call
# on a virtual machine) at every match attempt and every 256 steps, which made up a
# fifth of all pattern-matching time. So a `vetted` recognizer, one of ours, whose
# patterns run in linear time on hostile text (tests/test_scanner_hostile_text.py),
# scans text of up to UNGUARDED_TEXT characters without it: a page, a paragraph, a
# table cell. That bound keeps even an unnoticed quadratic slip in one of our patterns
# to some 10^7 steps, a few hundredths of a second. A district's own pattern, and any
# longer text, always have the timeout.
REGEX_TIMEOUT_SECONDS = 2.0
UNGUARDED_TEXT = 4_096
# No hit of a pattern that needs a context word is longer than this (a birth date
# written out in full is about 30 characters; a pattern whose matches could be longer is
# read through the whole text): `Recognizer._near_labels` scans only that far before a
# context word for a hit the word follows.
MAX_LABELLED_HIT = 64


def timeout_for(text: str, *, vetted: bool = True) -> float | None:
    """The timeout to give the `regex` module for scanning `text` with a pattern of ours
    (`vetted`) or not."""
    return None if vetted and len(text) <= UNGUARDED_TEXT else REGEX_TIMEOUT_SECONDS


class Context(Enum):
    """What the words around a value say about it."""

    NONE = "none"
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One shape of an entity. `needs_context`: only a hit with a context word counts."""

    name: str
    regex: str
    score: float
    needs_context: bool = False


def words_regex(words: Sequence[str], *, bounded: bool = True) -> re.Pattern[str] | None:
    """One pattern for a list of lower-case words and phrases, longest first.

    The standard library's `re`, not `regex`: it compiles such a list four times faster
    and scans for it two to three times faster, and a list of literals cannot backtrack
    catastrophically, so it needs no timeout.
    """
    if not words:
        return None
    # "student id" also reads "StudentID", "student_id", "student-id" (XML tags, JSON keys),
    # and "soc sec" reads "Soc. Sec." (abbreviations).
    alternatives = trie_alternation([w.lower() for w in words], space=r"\.?[\s_-]*")
    if not bounded:
        return re.compile(alternatives)
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z])")


_WordTrie = dict[str, "_WordTrie"]
_WORD_ENDS = ""  # the key that marks a word's end in a `_WordTrie`


def trie_alternation(words: Sequence[str], *, space: str | None = None) -> str:
    """A list of words as one alternation that shares their prefixes, longest first.

    `re` tries a flat alternation's branches one by one at every place in a text; with a
    vocabulary of a hundred words that is most of a document's scan. Branches that share
    their prefixes ("report card", "report cards", "reported") are tried once, and a
    place no word starts at fails on its first character. Longer words are tried before
    their prefixes, as in a list sorted longest first, so the same words match. `space`,
    when given, is the pattern a space in a word stands for.
    """
    trie: _WordTrie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_WORD_ENDS] = {}
    return _trie_branches(trie, space)


def _trie_branches(node: _WordTrie, space: str | None) -> str:
    branches = [
        (space if char == " " and space is not None else re.escape(char))
        + _trie_branches(rest, space)
        for char, rest in node.items()
        if char != _WORD_ENDS
    ]
    if not branches:
        return ""
    may_end = _WORD_ENDS in node
    if len(branches) == 1 and not may_end:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if may_end else "")


@dataclass(frozen=True, slots=True)
class Recognizer:
    """An entity's patterns, its validity check and the words that vouch for or against it."""

    entity: str
    name: str
    patterns: tuple[Pattern, ...]
    context: tuple[str, ...] = ()
    negative_context: tuple[str, ...] = ()
    validator: Validator | None = None
    # Score of a hit whose nearest label is a context word (never lowers a pattern's score).
    context_score: float = 0.85
    # How far before a value to look for its label, and after it (e.g. "(DOB)").
    window_before: int = 48
    window_after: int = 16
    ignore_case: bool = False
    # Ours, and tested on hostile text: may scan a short text without the timeout.
    vetted: bool = False
    # Where set, a context word in the text vouches for a value only if it ends at most
    # this many characters before it: the value's own label ("Stu ID: 27954"), not a
    # word nearby. (A column's header is its values' own label wherever it stands.)
    label_gap: int | None = None
    # Where set, a context word vouches for the first value after it alone: a fingerprint
    # date after a birth date's is not labelled "DOB" ("DOB 02/27/1980  CORI 10/2023 OK
    # FP 03/11/2025")
    first_value_only: bool = False
    _compiled: tuple[regex.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _context_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _negative_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _context_gate: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _near_gate: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _near_only: tuple[bool, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flags = regex.IGNORECASE if self.ignore_case else 0
        compiled = tuple(regex.compile(p.regex, flags | regex.VERSION0) for p in self.patterns)
        object.__setattr__(self, "_compiled", compiled)
        object.__setattr__(self, "_context_re", words_regex(self.context))
        object.__setattr__(self, "_negative_re", words_regex(self.negative_context))
        # Where every pattern needs a context word, a text holding none of them anywhere
        # cannot yield a hit: one search for the words (without the word-boundary checks,
        # so it finds a superset) spares the pattern scan. A birth date is such an entity,
        # and its many date shapes are the costliest pattern there is.
        gate = None
        if self.patterns and all(p.needs_context for p in self.patterns):
            gate = words_regex(self.context, bounded=False)
        object.__setattr__(self, "_context_gate", gate)
        # Where only some patterns need a word (a licence's "S" and eight digits stand
        # alone, its bare nine digits do not), those are read near the words alone, if
        # no match of theirs can be longer than the stretches allow.
        near_only = tuple(
            p.needs_context and (gate is not None or _longest_match(p.regex) <= MAX_LABELLED_HIT)
            for p in self.patterns
        )
        object.__setattr__(self, "_near_only", near_only)
        near = None
        if gate is None and any(near_only):
            near = words_regex(self.context, bounded=False)
        object.__setattr__(self, "_near_gate", near)

    def judge_context(self, before: str, after: str = "", *, gap: int | None = None) -> Context:
        """Nearest label wins: compare where the last context and negative words end;
        where both end at the same place, the longer phrase is the label ("customer
        account" is no bank account, "birth date" is a birth date)."""
        before = before.lower()
        pos = _last_label(self._context_re, before)
        if gap is not None and len(before) - pos[0] > gap and not _a_note_after(before, pos):
            pos = _NO_LABEL  # a word somewhere before the value, not its own label
        if pos != _NO_LABEL and _heads_a_column_above(before, pos):
            pos = _NO_LABEL
        if pos != _NO_LABEL and self.first_value_only and self._a_value_after(before, pos):
            pos = _NO_LABEL
        neg = _last_label(self._negative_re, before)
        if neg != _NO_LABEL and _heads_a_column_above(before, neg):
            # ... and so does a word that says "not this" ("Billing ZIP" heads the
            # column after the card's, on the header line above the cardholder's row)
            neg = _NO_LABEL
        if pos != _NO_LABEL and neg[0] > pos[0] and _a_note_after(before, pos):
            # a word in the label's own note is no label of its own: "SSN (per order):"
            neg = _NO_LABEL
        elif neg != _NO_LABEL and pos[0] > neg[0] and _a_note_after(before, neg):
            # ... either way: "Student SASID (retyped by office):" is no office's phone
            pos = _NO_LABEL
        elif pos != _NO_LABEL and neg[0] > pos[0] and _in_the_last_note(before, pos, neg):
            # ... nor one in a note after more of the label: "Card used (for receipt match):"
            neg = _NO_LABEL
        elif pos != _NO_LABEL and neg[0] > pos[0] and _how_it_came(before, neg):
            # ... nor a word that says how the value came: "SSN over the phone 031-62-4478"
            neg = _NO_LABEL
        if pos != _NO_LABEL and neg != _NO_LABEL and _alternatives(before, pos, neg):
            # a label of two things, either of which the value may be ("Card/Ref" over a
            # payments export's card numbers and receipt numbers): the value tells
            return Context.NONE
        if pos != _NO_LABEL or neg != _NO_LABEL:
            return Context.SUPPORTS if pos >= neg else Context.CONTRADICTS
        # (a word after the value on its own line, not the next line's label: a form's
        # "031-74-5582 S48027163", then "Home Street Address" is no home phone's)
        after = after.partition("\n")[0]
        if after and _last_label(self._context_re, after.lower()) != _NO_LABEL:
            return Context.SUPPORTS
        return Context.NONE

    def _a_value_after(self, before: str, label: tuple[int, int]) -> bool:
        """Does a value of this recognizer's stand between the label and the value?"""
        return any(compiled.search(before, label[0]) for compiled in self._compiled)

    def may_hit_with_label(self, label: str) -> bool:
        """Could a value labelled `label` (a column header) be a hit at all? Not where the
        label names something else, nor where it says nothing and every pattern needs a
        word of context. The same for every cell of a column, so asked once per column."""
        context = self.judge_context(label)
        if context is Context.CONTRADICTS:
            return False
        return context is Context.SUPPORTS or not all(p.needs_context for p in self.patterns)

    def find(self, text: str, *, label: str | None = None) -> list[Hit]:
        """Every valid hit in `text`; `label` (a table's column header) replaces the
        words around the value as its context."""
        if label is None:
            return self._find(text, None)
        return self.find_labelled(text, label, self.judge_context(label))

    def find_labelled(self, text: str, label: str, label_context: Context) -> list[Hit]:
        """`find(text, label=label)` for a caller that has judged the label already
        (`judge_context(label)`), as a table does once per column, not once per cell."""
        gate = self._context_gate
        if gate is not None and gate.search(label.lower()) is None:
            return []
        if label_context is Context.CONTRADICTS:
            return []
        return self._find(text, label_context)

    def _find(self, text: str, fixed: Context | None) -> list[Hit]:
        """Hits whose context is `fixed`, or is judged from the words around each one."""
        matches: Iterable[tuple[Pattern, regex.Match[str]]] | None = None
        if fixed is None and self._context_gate is not None:
            lowered = lower_case(text)
            if self._context_gate.search(lowered) is None:
                return []
            # Where no character lower-cases to several, places in the lower-cased copy
            # are places in the text (`İ` is one that does: the whole text is read then).
            if len(lowered) == len(text):
                matches = self._near_labels(text, lowered, self._context_gate)
        elif fixed is None and self._near_gate is not None:
            lowered = lower_case(text)
            if len(lowered) == len(text):
                matches = self._near_labels(text, lowered, self._near_gate)
        if matches is None:
            timeout = timeout_for(text, vetted=self.vetted)
            matches = (
                (pattern, match)
                for pattern, compiled in zip(self.patterns, self._compiled, strict=True)
                if not (fixed is Context.NONE and pattern.needs_context)
                for match in compiled.finditer(text, timeout=timeout)
            )
        hits: list[Hit] = []
        validator = self.validator
        for pattern, match in matches:
            value = match.group()
            if validator is not None and not validator(value):
                continue
            start, end = match.span()
            context: Context | None = fixed
            if context is None:
                context = self.judge_context(
                    _window_before(text, start, self.window_before),
                    text[end : end + self.window_after],
                    gap=self.label_gap,
                )
                if context is Context.CONTRADICTS:
                    continue
                if context is Context.NONE and pattern.needs_context:
                    continue
            score = pattern.score
            if context is Context.SUPPORTS:
                score = max(score, self.context_score)
            hits.append(Hit(self.entity, start, end, value, score, self.name))
        return hits

    def _near_labels(
        self, text: str, lowered: str, gate: re.Pattern[str]
    ) -> list[tuple[Pattern, regex.Match[str]]]:
        """The pattern matches that can have a context word in their windows, found by
        scanning only the stretches of text around the words (`gate`'s matches); a
        pattern that needs no word is read through the whole text.

        A hit is judged by a word ending at most `window_before` characters before it or
        starting at most `window_after` after it, so it starts between `window_after +
        MAX_LABELLED_HIT` characters before a word and `window_before` after the word's
        end. The gate over-matches and never misses a word, so no hit is lost; a birth
        date's shapes, the costliest pattern there is, then read a few lines around each
        "DOB" instead of the whole document.
        """
        stretches: list[list[int]] = []
        for word in gate.finditer(lowered):
            low = max(0, word.start() - self.window_after - MAX_LABELLED_HIT)
            high = word.end() + self.window_before + 1  # where a hit may no longer start
            if stretches and low <= stretches[-1][1]:
                stretches[-1][1] = max(stretches[-1][1], high)
            else:
                stretches.append([low, high])
        found: list[tuple[Pattern, regex.Match[str]]] = []
        timeout = timeout_for(text, vetted=self.vetted)
        for pattern, compiled, near_only in zip(
            self.patterns, self._compiled, self._near_only, strict=True
        ):
            if not near_only:
                found.extend((pattern, m) for m in compiled.finditer(text, timeout=timeout))
                continue
            taken_until = 0  # whole-text matches never overlap: neither do these
            for low, high in stretches:
                # Read a hit's full length past `high`, so that the text's end is never
                # mistaken for the end of a hit that goes on.
                stop = min(len(text), high + MAX_LABELLED_HIT + 1)
                for match in compiled.finditer(text, max(low, taken_until), stop, timeout=timeout):
                    if match.start() >= high:
                        break
                    found.append((pattern, match))
                    taken_until = match.end()
        return found


_NO_LABEL = (-1, 0)
COLUMN_HEADER_WORDS = 4  # words before a label on its line, at least, that make it a header
# A label's bracketed note between it and its value is still the label's: "Student
# number (if known): 241187", "Student ID # (if known): 276789", "Nimewo elèv (ID lekòl)
# 217388"; so is a few words' note of where it is from, before the colon: "SSN on order:
# 220-85-5327"; and a note of what it is for, as long as half a line: "SSN (for payroll
# setup - new stipend account): 031-54-7728"
_NOTE = re.compile(
    r"[ \t]*#?[ \t]*\([^()\n]{1,48}\)[ \t]*[:#]?[ \t]*"
    r"|[ \t]+(?:on|per|from|as on|as shown on)[ \t]+[a-z][a-z ]{0,20}?[ \t]*:[ \t]*"
)


# A sentence's commas and colons, which a line of column headers has none of
_CLAUSE_BREAK = re.compile(r"[,;:](?:\s|$)")


_VERBS_AFTER_A_LABEL = frozenset({"is", "was", "are", "will be", "should be"})


def _heads_a_column_above(before: str, label: tuple[int, int]) -> bool:
    """Is the label on a line above the value's, with something before the value on its
    own line? Then it heads a printed table's column ("Gross Net Deposit Acct", then
    "DD486837 004906 RILEY, CHARLES ... *****1319"), not whatever number comes first
    under it; a form's label above its field has the value first on the next line."""
    between = before[label[0] :]
    line_start = between.rfind("\n")
    if line_start < 0:
        return False
    if between[line_start + 1 :].strip():
        return True
    if between[:line_start].strip().lower() in _VERBS_AFTER_A_LABEL:
        return False  # a sentence wrapped after its verb: "the routing number is<break>2113..."
    # ... or the label ends a line of column headers ("Emp # Name SSN Gross Net Acct"):
    # it heads its own column, the last, not the first value on the line below
    label_line = before[before.rfind("\n", 0, -label[1]) + 1 : -label[1]]
    if label_line.rfind("(") > label_line.rfind(")"):
        return False  # a bracket the line break cuts: "... (KHS Gr 9, SASID<break>1025573806)"
    if _CLAUSE_BREAK.search(label_line):
        return False  # a sentence wrapped after its label: "..., checking account no.<break>3280"
    return len(label_line.split()) >= COLUMN_HEADER_WORDS


def _alternatives(before: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Do the two labels (`_last_label`'s (end, -start)) stand side by side, a slash
    apart, as one label of two things?"""
    earlier, later = sorted((first, second))
    return before[earlier[0] : -later[1]].strip() == "/"


def _a_note_after(before: str, label: tuple[int, int]) -> bool:
    """Is all that stands between the label ending at `label` and the value a note?"""
    return label != _NO_LABEL and _NOTE.fullmatch(before, label[0]) is not None


def _in_the_last_note(before: str, label: tuple[int, int], word: tuple[int, int]) -> bool:
    """Is `word` inside a bracketed note that comes after the label ending at `label`
    and is all that stands before the value?"""
    opening = before.rfind("(", label[0], -word[1])
    return opening >= 0 and _NOTE.fullmatch(before, opening) is not None


# How a value was given, not what it is: "over the phone", "by fax", "on the phone"
_HOW_IT_CAME = re.compile(r"(?:\bover the|\bon the|\bby|\bvia)[ \t]+$")


def _how_it_came(before: str, label: tuple[int, int]) -> bool:
    """Is the label ending at `label` the means the value came by ("over the phone")?"""
    return _HOW_IT_CAME.search(before, 0, -label[1]) is not None


def _longest_match(pattern: str) -> int:
    """The most characters a match of `pattern` can span, as the standard library's
    parser counts them; unbounded where it has no limit or is not `re`'s syntax."""
    try:
        return int(re._parser.parse(pattern).getwidth()[1])  # type: ignore[attr-defined]
    except re.error:
        return sys.maxsize


def _window_before(text: str, start: int, size: int) -> str:
    """The `size` characters before `start`, less a word the window's edge cuts: the
    tail of "Liban" is no "iban" beside his number."""
    low = max(0, start - size)
    if 0 < low < start and text[low - 1].isalnum():
        while low < start and text[low].isalnum():
            low += 1
    return text[low:start]


def _last_label(words: re.Pattern[str] | None, text: str) -> tuple[int, int]:
    """(end, -start) of the last of `words` in `text`: later ends first, then longer."""
    last = _NO_LABEL
    if words is None or not text:
        return last
    for match in words.finditer(text):
        last = (match.end(), -match.start())
    return last


@dataclass(frozen=True, slots=True)
class Hit:
    """A value found in a piece of text; offsets are into that text."""

    entity: str
    start: int
    end: int
    value: str
    score: float
    source: str


def resolve_overlaps(hits: Sequence[Hit]) -> list[Hit]:
    """One entity per stretch of text: the surest hit wins, then the longer one."""
    starts: list[int] = []  # starts of the chosen hits, sorted; they never overlap
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.score, -(h.end - h.start), h.start)):
        i = bisect.bisect_left(starts, hit.start)
        if i > 0 and chosen[i - 1].end > hit.start:
            continue
        if i < len(chosen) and chosen[i].start < hit.end:
            continue
        starts.insert(i, hit.start)
        chosen.insert(i, hit)
    return chosen
