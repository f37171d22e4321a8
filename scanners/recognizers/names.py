"""Person names by name lists: the cheap stage before NER.

Most names in school documents are ordinary ones written the ordinary way:
"Samantha Rodriguez", "Gregory J. Merritt", "Rodriguez, Samantha". A given
name from the US Census lists followed by a capitalised surname from the same
lists finds them in microseconds, where loading spaCy alone takes a second.
So the detector asks this module first, and NER reads a document only when a
class decision still depends on a name that the lists did not find (an
unusual name, a name written in capitals).

Precision comes from requiring both parts: a given name *and* a listed surname,
neither of them one of the capitalised words that documents are full of
("Main Office", "Grant Program", "Will Call"), and no street or school word
right after ("Morse School", "Windsor Street"). The lists, in `data/`, are the
1990 Census name-frequency lists (public domain; 5,163 given names, 88,799
surnames) and our own list of words that are rarely names in a document.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

import regex

from scanners.recognizers.base import Hit, timeout_for

SOURCE = "name-list"
SCORE = 0.75  # above PERSON's usual threshold, below a labelled field or a name column

_STREET_OR_PLACE_AFTER = regex.compile(
    # a company named after its owner: "Waverly Commons LLC", a landlord on a lease
    r",?[ \t]+(?-i:LLC|L\.L\.C|Inc|INC|Corp|CORP|Ltd|LTD|LLP|PLLC)(?!\w)|"
    r"[ \t]+(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|"
    r"pl|terrace|way|parkway|square|sq|highway|hwy|park|hall|academy|elementary|"
    # "Sarah Butler School Psychologist" is a person and her role
    r"school(?![ \t]+(?:psycholog|nurse|counsel|social|resource|secretary|adjustment))|"
    r"building|center|centre|library|middle|high|university|college|institute|foundation|"
    r"memorial|field|room|house|fund|award|scholarship|program|bank|hospital|clinic|"
    r"stadium|gym|gymnasium|arena|auditorium|rink|"
    # ("Hazel Brook Early Childhood Center", "Hazel Brook ECC")
    r"early childhood|preschool|ecc|elem|"
    # ... and a school's shorthand in a report's table: "Davis Hill ES (07750010)",
    # "Wachusett RHS" (not "MS", which is a degree as often as a middle school)
    r"(?-i:ES|HS|RHS|JHS)|"
    # ... or a bank's: "Charles River Community Bank", "Henry Smith Credit Union"
    # (capitalised as a name is: "Henry Smith savings account" is his)
    r"(?-i:Community|Credit Union|Savings Bank|Trust|Cooperative)|"
    # ... or a region's, a district's: "Charles River Valley Regional School District";
    # or a club's or a foundation's: "Sterling Lions Club", "Hollis Brook Education
    # Foundation"
    r"(?-i:Valley|Regional|Education)|club|"
    # ... or its shorthand: "Hollis Brook RSD Central Office"
    r"(?-i:RSD)|district)\b",
    regex.IGNORECASE,
)
# a house number is one space from its street; a column's gap ("735247  Bergeron,
# Declan" in a printed report) is wider; nor is the number of a bus, a room, a group or
# a period ("Bus 1 Randall Tate"). It has five digits at most: six one space before a
# name are a student's number, its column's gap lost to a PDF ("258027 Jayden Moreau")
HOUSE_NUMBER_BEFORE = regex.compile(
    # (a vendor's or an employee's number, "V14446 Melissa Johnson", is led by its letter)
    r"(?<![\d.,/:\p{L}-])"
    r"(?<!(?i:bus|rm|room|grp|group|table|period|per|gr|grade|team|cabin|van) )"
    r"\d{1,5}[A-Za-z]? $"
)

_ROW_NUMBER_FIRST = regex.compile(r"[ \t]*\d{1,3}[.)]?[ \t]")
_FIELD_AFTER = regex.compile(r"[ \t]+\d")
_WORD = r"\p{Lu}\p{Ll}+"
# (with its particle run in, as New England writes many: "O'Brien", "McCarthy",
# "MacDonald", "DiNapoli", "DeSouza", "LaFlamme", "LeBlanc", "DuBois", "VanDyke")
_SURNAME = (
    r"\p{Lu}(?:['\u2019]\p{Lu}|c\p{Lu}|ac\p{Lu}|[aeiou]\p{Lu}|an\p{Lu})?\p{Ll}+"
    r"(?:-\p{Lu}\p{Ll}+)?"
)
# "Given [Middle|M.] Surname"; tried at every capitalised word (overlapped) because the
# first capitalised word of a run ("Dear", "Principal") is often not the name's start.
_GIVEN_FIRST = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}@._'\u2019-])({_WORD})(?: ({_WORD}|\p{{Lu}}\.?))? ({_SURNAME})"
    r"(?![\p{L}\p{N}@'\u2019])"
)
# "Kwame M.", "Valentina J.": how a teacher writes a student in her own notes. The
# initial's full stop is needed, and no capitalised word after it ("Gregory J. Merritt"
# is a given name, a middle initial and a surname, found above).
_GIVEN_AND_INITIAL = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}@._'\u2019-])({_WORD}) (\p{{Lu}})\."
    r"(?![\p{L}\p{N}]| ?\p{Lu}\p{Ll})"
)
# "Gregory Lindqvist, MD": a listed given name, a surname the lists lack, and a
# clinician's or a counselor's letters after them, which only a person has
_CREDENTIAL = (
    r"(?:M\.?D|D\.?O|R\.?N|N\.?P|A?PRN|FNP(?:-BC)?|PA-C|Ph\.?D|Psy\.?D|Ed\.?D|D\.?D\.?S|"
    r"D\.?M\.?D|LICSW|LCSW|LMHC|BCBA|CCC-SLP|OTR/L|DPT|NCSP|LPN|LVN|CNA)\.?(?![\p{L}\p{N}])"
)
_GIVEN_THEN_CREDENTIAL = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}@._'\u2019-])({_WORD})(?: \p{{Lu}}\.?)? ({_SURNAME}),[ \t]*{_CREDENTIAL}"
)
# (the credential alone, searched first: most texts have none, and this is cheap)
_CREDENTIAL_AFTER_COMMA = regex.compile(rf",[ \t]*{_CREDENTIAL}")
_CAPITALS_SURNAME_FIRST = regex.compile(
    r"(?<![\p{L}\p{N}@._'\u2019-])(\p{Lu}{2,}(?:[ '-]\p{Lu}{2,}){0,2}), (\p{Lu}{2,})(?![\p{L}])"
)
# An envelope's or a statement's addressee in capitals, above the street: "ANTONIO
# MENDES" on its own line, then "14 Fourth Street".
_CAPITALS_ADDRESSEE = regex.compile(
    r"(?m)^[ \t]*(\p{Lu}{2,})(?: \p{Lu}\.?)? (\p{Lu}{2,}(?:-\p{Lu}{2,})?)[ \t]*\r?\n"
    r"[ \t]*\d{1,6}[A-Za-z]? \p{L}"
)
# A list of single names going on to its "and": " and Kiran", ", Noah and Ella" (not a
# roster's line going on with its fields: "Thomas, Olivia, Gr 4, 204411")
_LIST_GOES_ON = regex.compile(r"(?:,[ \t]*\p{Lu}\p{Ll}+)*,?[ \t]+(?:and|&)[ \t]+\p{Lu}")
# ... or a firm's name going on to its last partner and its kind of company
_FIRM_AFTER = regex.compile(
    r"[ \t]*(?:&|and)[ \t]+\p{Lu}[\p{L}'\u2019-]+,?[ \t]+"
    r"(?:LLP|LLC|L\.L\.P\.|P\.C\.|PC|PLLC|Inc\.?|Associates|Co\.)(?![\p{L}])"
)
# A greeting's end: its comma or colon, then the line's end
_GREETING_LINE = regex.compile(r"[,:!][ \t]*(?:\r?\n|$)")
# "Surname, Given" as rosters and court papers write it.
_SURNAME_FIRST = regex.compile(
    # the surname may be in capitals: "HOUSE, Jennifer" as reports head a student's page
    rf"(?<![\p{{L}}\p{{N}}@._'\u2019-])({_SURNAME}|\p{{Lu}}{{2,}}(?:-\p{{Lu}}{{2,}})?), ({_WORD})"
    r"(?: \p{Lu}\.)?"
    r"(?![\p{L}\p{N}@'\u2019])"
)


class _WordList:
    """A sorted word list, searched by bisection, without the words of `excluded`.

    Loading it is one split of the file (a few milliseconds), where a set of the
    89,000 surnames costs 20 ms to build, for a scan that looks up a few hundred
    words: start-up matters to the command line and the watcher.
    """

    def __init__(self, words: list[str], excluded: frozenset[str]) -> None:
        self._words = words
        self._excluded = excluded

    def __contains__(self, word: str) -> bool:
        if word in self._excluded:
            return False
        index = bisect.bisect_left(self._words, word)
        return index < len(self._words) and self._words[index] == word


def _read_list(name: str) -> list[str]:
    """The words of a data file: comment lines first, then one word a line, sorted."""
    data = resources.files("scanners.recognizers") / "data" / name
    lines = data.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    words = lines[first:]
    if words and not words[-1]:
        words.pop()  # the file's last newline
    return words


@functools.lru_cache(maxsize=1)
def _lists() -> tuple[_WordList, _WordList]:
    """Given names and surnames, without the words that are rarely names in a document."""
    not_names = frozenset(_read_list("not_names.txt"))
    return (
        _WordList(_read_list("given_names.txt"), not_names),
        _WordList(_read_list("surnames.txt"), not_names),
    )


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(_read_list("places.txt"))


def is_place(lowered: str) -> bool:
    """Whether a lower-case value is one of the places of `data/places.txt` ("costa
    rica", "new york"): countries, US states, cities families come from."""
    return lowered in _places()


def _key(word: str) -> str:
    """The list form of a word: lower case, no apostrophes ("O'Brien" -> "obrien"), no
    accents ("Julián" -> "julian"; the Census lists are written without them)."""
    key = word.lower().replace("'", "").replace("\u2019", "")
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=8192)  # (names recur: a roster's, a letter's, a family's)
def _is_surname(word: str, surnames: _WordList) -> bool:
    key = _key(word)
    if "-" in key:  # "Smith-Jones": either half will do
        return any(part in surnames for part in key.split("-"))
    return key in surnames


@functools.lru_cache(maxsize=8192)
def _is_given(word: str, given: _WordList) -> bool:
    return _key(word) in given


def is_given_name(word: str) -> bool:
    """Whether a word is a given name on the Census lists."""
    return _is_given(word, _lists()[0])


def is_surname(word: str) -> bool:
    """Whether a word is a surname on the Census lists."""
    return _is_surname(word, _lists()[1])


def is_listed_name(word: str) -> bool:
    """Whether a word is a given name or a surname on the Census lists."""
    given, surnames = _lists()
    return _is_given(word, given) or _is_surname(word, surnames)


def is_listed_full_name(value: str) -> bool:
    """Whether a whole value is one person's name whose parts are on the Census lists:
    "TRAN, JONATHAN" or "Emma Martinez" in a vendor file, beside "CRESTLINE ACADEMY"."""
    text = value.strip()
    if text.isupper():
        text = text.title()
    hits = find_listed_names(text)
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text)


def placed_like_a_name(text: str, start: int, end: int) -> bool:
    """Whether a name-shaped span of `text` is placed as a person's name is, not as a
    street's or a school's ("Windsor Street", "Davis Hill ES") or after a house number."""
    if _STREET_OR_PLACE_AFTER.match(text, end, min(len(text), end + 16)):
        return False  # "Windsor Street", "Morse School": a place named after a person
    house_number = HOUSE_NUMBER_BEFORE.search(text, max(0, start - 12), start)
    # (a list's row number, first on its line, the row's fields after the name: "1 Michael
    # Rosario 2231 211374486 ..." on a deposit ticket printed to PDF)
    return house_number is None or (
        _ROW_NUMBER_FIRST.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None
        and _FIELD_AFTER.match(text, end) is not None
    )


def find_listed_names(text: str, places: set[str] | None = None) -> list[Hit]:
    """Names whose given name and surname are both on the Census lists, no two overlapping.
    The name-shaped words found as a place's name ("Hollis Brook Regional High School")
    are added to `places`, where given: the document may use them alone for the place."""
    given, surnames = _lists()
    found: list[Hit] = []
    taken_until = -1
    for match in _GIVEN_FIRST.finditer(text, overlapped=True, timeout=timeout_for(text)):
        start = match.start()
        if start < taken_until or not _is_given(match.group(1), given):
            continue
        middle, surname = match.group(2), match.group(3)
        end = match.end()
        if middle is not None and len(middle.rstrip(".")) > 1:
            # "Mary Ann Smith" is one name; in "Lisa Rodriguez Notice" the third word is not.
            if not _is_surname(surname, surnames):
                if not _is_surname(middle, surnames):
                    continue
                end = match.start(2) + len(middle)
            elif not (_is_given(middle, given) or _is_surname(middle, surnames)):
                continue
        elif not _is_surname(surname, surnames):
            continue
        if not placed_like_a_name(text, start, end):
            if places is not None:
                places.add(text[start:end])
            continue
        found.append(Hit("PERSON", start, end, text[start:end], SCORE, SOURCE))
        taken_until = end
    found.extend(_given_then_credential(text, given, found))
    # (surname first before a given name and an initial: "Chen, Emily R." on a roster is
    # Emily Chen, not "Emily R.")
    found.extend(_surname_first(text, given, surnames, found))
    found.extend(_given_and_initial(text, given, found))
    found.extend(_capitals_surname_first(text, given, surnames, found))
    found.extend(_capitals_addressee(text, given, surnames, found))
    found.sort(key=lambda hit: hit.start)
    return found


class _Spans:
    """The places of names already found, asked whether a new match overlaps one.

    A roster read as text has hundreds of names and as many candidate matches: asking
    each match of every span would be quadratic. Sorted starts with a running maximum
    of ends answer in a bisection, overlapping spans or not."""

    __slots__ = ("_max_ends", "_starts")

    def __init__(self, hits: Sequence[Hit]) -> None:
        ordered = sorted((hit.start, hit.end) for hit in hits)
        self._starts = [start for start, _ in ordered]
        self._max_ends: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._max_ends.append(furthest)

    def overlap(self, start: int, end: int) -> bool:
        """Whether a span starting before `end` ends after `start`."""
        before_end = bisect.bisect_left(self._starts, end)
        return before_end > 0 and self._max_ends[before_end - 1] > start


def _given_then_credential(text: str, given: _WordList, taken: list[Hit]) -> list[Hit]:
    """Listed given names with any surname, where a credential follows (the name
    without it): "Examining provider Gregory Lindqvist, MD"."""
    if "," not in text or _CREDENTIAL_AFTER_COMMA.search(text) is None:
        return []
    spans = _Spans(taken)
    found: list[Hit] = []
    for match in _GIVEN_THEN_CREDENTIAL.finditer(text, timeout=timeout_for(text)):
        start, end = match.start(), match.end(2)
        if spans.overlap(start, end) or not _is_given(match.group(1), given):
            continue
        found.append(Hit("PERSON", start, end, text[start:end], SCORE, SOURCE))
    return found


def _given_and_initial(text: str, given: _WordList, taken: list[Hit]) -> list[Hit]:
    """Given names on the lists with a surname's initial, outside the names found."""
    spans = _Spans(taken)
    found: list[Hit] = []
    for match in _GIVEN_AND_INITIAL.finditer(text, timeout=timeout_for(text)):
        start, end = match.span()
        if not _is_given(match.group(1), given):
            continue
        if spans.overlap(start, end):
            continue
        found.append(Hit("PERSON", start, end, text[start:end], SCORE, SOURCE))
    return found


def _capitals_surname_first(
    text: str, given: _WordList, surnames: _WordList, taken: list[Hit]
) -> Iterator[Hit]:
    """ "HOPKINS, SCOTT", "DE LA GARZA, DULCE": a name in capitals, as court orders,
    tax levies and payroll systems print it; the given name and a word of the surname
    must both be listed."""
    if not _CAPITALS_SURNAME_FIRST.search(text):
        return
    spans = _Spans(taken)
    for match in _CAPITALS_SURNAME_FIRST.finditer(text, timeout=timeout_for(text)):
        start, end = match.span()
        if spans.overlap(start, end):
            continue
        surname_words = regex.split(r"[ '-]", match.group(1))
        if not _is_given(match.group(2), given):
            continue
        if not any(_is_surname(word, surnames) for word in surname_words):
            continue
        yield Hit("PERSON", start, end, text[start:end], SCORE, SOURCE)


def _capitals_addressee(
    text: str, given: _WordList, surnames: _WordList, taken: list[Hit]
) -> Iterator[Hit]:
    """ "ANTONIO MENDES" above his street: a listed given name, then a listed surname."""
    spans = _Spans(taken)
    for match in _CAPITALS_ADDRESSEE.finditer(text, timeout=timeout_for(text)):
        start, end = match.start(1), match.end(2)
        if spans.overlap(start, end):
            continue
        if _is_given(match.group(1), given) and _is_surname(match.group(2), surnames):
            yield Hit("PERSON", start, end, text[start:end], SCORE, SOURCE)


def _surname_first(
    text: str, given: _WordList, surnames: _WordList, taken: list[Hit]
) -> Iterator[Hit]:
    spans = _Spans(taken)
    for match in _SURNAME_FIRST.finditer(text, timeout=timeout_for(text)):
        start, end = match.span()
        if spans.overlap(start, end):
            continue
        if not (_is_surname(match.group(1), surnames) and _is_given(match.group(2), given)):
            continue
        if not placed_like_a_name(text, start, end):
            continue
        if _is_given(match.group(1), given) and _LIST_GOES_ON.match(text, end):
            continue  # given names in a list: "congratulations to Mateo, Ava and Kiran"
        if _FIRM_AFTER.match(text, end):
            continue  # a firm named for its partners: "Carrow, Delaney & Platt LLP"
        if _GREETING_LINE.match(text, end) and _is_given(match.group(1), given):
            line_start = text.rfind("\n", 0, start) + 1
            if not text[line_start:start].strip():
                continue  # a mail's "Greg, Tanya," on its own line: two people greeted
        yield Hit("PERSON", start, end, text[start:end], SCORE, SOURCE)


NAME_COLUMN_SHARE = 0.6  # of a column's sampled cells that must be names of one kind


@dataclass(frozen=True, slots=True)
class NameColumnShares:
    """Which share of a column's cells are given names, surnames and full names."""

    given: float
    surname: float
    full: float


def name_column_shares(cells: Sequence[str]) -> NameColumnShares | None:
    """How much a column without a usable header looks like names, by its cells; None
    for a column of fewer than three values.

    A state report headed by element codes (SCS03, SCS05) or an export without a header
    row still lists people; a sample of cells that are mostly listed names says so where
    one cell alone would not ("Hardy", "Young" are words as well as names). Many names
    are both given names and surnames ("Hunter", "Grace"): the caller pairs columns."""
    given, surnames = _lists()
    # a state report or a mainframe export writes names in capitals ("CAMPBELL")
    values = [
        value.title() if value.isupper() else value for value in (c.strip() for c in cells) if value
    ]
    if len(values) < 3:
        return None
    words = [value for value in values if _WORD_CELL.fullmatch(value)]
    return NameColumnShares(
        given=sum(1 for word in words if _is_given(word, given)) / len(values),
        surname=sum(1 for word in words if _is_surname(word, surnames)) / len(values),
        full=sum(1 for value in values if _is_full_name(value, given, surnames)) / len(values),
    )


_WORD_CELL = regex.compile(_SURNAME)
_INITIAL_AND_SURNAME = regex.compile(r"\p{Lu}\.[ ]?(\p{Lu}[\p{Ll}'\u2019-]+)")


def _is_full_name(value: str, given: _WordList, surnames: _WordList) -> bool:
    # a first initial and a listed surname, as a voucher or a 1099 list writes them ("J.
    # Fuller"): M.G.L. c. 93H's own "first initial and last name"
    initial = _INITIAL_AND_SURNAME.fullmatch(value)
    if initial is not None:
        return _is_surname(initial.group(1), surnames)
    match = _GIVEN_FIRST.fullmatch(value) or _SURNAME_FIRST.fullmatch(value)
    if match is None:
        return False
    first = match.group(1) if match.re is _GIVEN_FIRST else match.group(2)
    # a column of them is judged, not one cell: a listed given name will do beside an
    # unlisted surname ("Mares, Virginia"), as rosters of any district have them
    if _is_given(first, given):
        return True
    # ... or a listed surname before its comma, the given name unlisted ("Kim, Xiomara",
    # "Nguyen, Linh"), though not a town and its state ("Lynn, Massachusetts")
    if match.re is _SURNAME_FIRST and _is_surname(match.group(1), surnames):
        return not is_place(first.lower())
    # ... and a mainframe's "PRATT JASON", surname first without its comma, is a name
    # where both words are listed
    return (
        match.re is _GIVEN_FIRST
        and match.group(2) is None
        and _is_surname(match.group(1), surnames)
        and _is_given(match.group(3), given)
    )
