"""A payroll register printed as text: each row's deposit account beside its routing number.

A register printed to PDF loses its columns' gaps ("E33411 COSTA, CARLOS FS 1121.68 ...
785.17 183808256 211391634"), so no label stands next to the account number: its column
header ("... Net DD Acct Rte") is lines above, among a dozen others. What still marks
it is its neighbour, a routing number that passes the ABA checksum, in the order the
header gives the two columns. A pair of numbers that merely happens to end in a valid
checksum is one in ten; a header naming both columns, and the pair at the end of a row
under it, is no coincidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from scanners.recognizers.base import Hit, timeout_for
from scanners.recognizers.checksums import aba_routing
from scanners.recognizers.prefilter import prefiltered

REGISTER_ROWS = 200  # rows under a register's header line that it labels, at most
REGISTER_SCORE = 0.85

_ACCOUNT = r"(?:acct|account|dda|dd acct|deposit acct)"
_ROUTING = r"(?:rte|routing|aba|rtn|transit)"
# A header line, no digits in it, naming the account column and the routing column
_ACCOUNT_THEN_ROUTING = regex.compile(
    rf"(?im)^[^\d\n]{{0,200}}\b{_ACCOUNT}\b[^\d\n]{{0,30}}\b{_ROUTING}\b[^\d\n]{{0,60}}$"
)
_ROUTING_THEN_ACCOUNT = regex.compile(
    rf"(?im)^[^\d\n]{{0,200}}\b{_ROUTING}\b[^\d\n]{{0,30}}\b{_ACCOUNT}\b[^\d\n]{{0,60}}$"
)
_ROUTING_WORD = prefiltered(re.compile(rf"(?i)\b{_ROUTING}\b"))  # (the stdlib's: the faster here)
_NUMBER_PAIR = regex.compile(r"(?<![\d.,/-])(\d{6,17})[ \t]+(\d{6,17})(?![\d.,/-])")


def deposit_rows(text: str) -> Iterator[Hit]:
    """The account and routing numbers of each row under a register's header line."""
    if _ROUTING_WORD.search(text) is None:  # most texts: one search
        return
    timeout = timeout_for(text)
    for account_first, header_re in ((True, _ACCOUNT_THEN_ROUTING), (False, _ROUTING_THEN_ACCOUNT)):
        for header in header_re.finditer(text, timeout=timeout):
            yield from _rows_under(text, header.end() + 1, account_first=account_first)


def _rows_under(text: str, start: int, *, account_first: bool) -> Iterator[Hit]:
    for _ in range(REGISTER_ROWS):
        if start >= len(text):
            return
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if not text[start:end].strip():
            return  # the register ends
        for pair in _NUMBER_PAIR.finditer(text, start, end, overlapped=True):
            account, routing = (1, 2) if account_first else (2, 1)
            if len(pair.group(routing)) == 9 and aba_routing(pair.group(routing)):
                yield _hit("US_BANK_NUMBER", pair, account)
                yield _hit("ABA_ROUTING_NUMBER", pair, routing)
                break
        start = end + 1


def _hit(entity: str, pair: regex.Match[str], group: int) -> Hit:
    return Hit(
        entity,
        pair.start(group),
        pair.end(group),
        pair.group(group),
        REGISTER_SCORE,
        "register-row",
    )
