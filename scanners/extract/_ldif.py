"""LDIF (RFC 2849): a directory export's entries are the rows of one table.

Districts export Active Directory or OpenLDAP accounts as LDIF to sync rostering
and e-mail: one entry per person, `attribute: value` lines, blank lines between
entries. As prose the lines are labels and values without a table's reach (a
column of 900 `employeeID`s beside names). So the entries come out as one
`TableBlock`: a column per attribute, in the order attributes are first seen, with
RFC 4519's short names spelled out (`sn` is the surname, `cn` the common name) so
that headers read as they would in any other export.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator

from scanners.extract._types import Block, TableBlock

# RFC 4519's short attribute names, spelled as the long names they stand for
_LONG_NAMES = {
    "cn": "commonName",
    "sn": "surname",
    "gn": "givenName",
    "l": "localityName",
    "st": "stateOrProvinceName",
    "o": "organizationName",
    "ou": "organizationalUnit",
    "c": "countryName",
    "dc": "domainComponent",
    "uid": "userId",
}
_ATTRIBUTE = re.compile(r"([A-Za-z][\w.-]*)(?:;[\w.;-]*)?:(:|<)?[ \t]*(.*)", re.DOTALL)
_MAX_COLUMNS = 500  # attributes kept as columns: a hostile file may invent a name a line


def ldif_blocks(text: str) -> Iterator[Block]:
    """The file's entries as one table; values that are binary (a photo, a GUID) are
    left out, base64 text is decoded."""
    header: dict[str, int] = {}
    entries: list[dict[int, list[str]]] = []
    for record in _records(text):
        entry: dict[int, list[str]] = {}
        for name, value in record:
            column = header.get(name)
            if column is None:
                if len(header) >= _MAX_COLUMNS:
                    continue
                column = header[name] = len(header)
            entry.setdefault(column, []).append(value)
        if entry:
            entries.append(entry)
    names = tuple(header)
    rows = [
        (number, tuple("; ".join(entry.get(i, ())) for i in range(len(names))))
        for number, entry in enumerate(entries, 1)
    ]
    yield TableBlock("", names, rows)


def _records(text: str) -> Iterator[list[tuple[str, str]]]:
    """Each entry's (attribute, value) pairs, folded lines joined and comments gone."""
    record: list[tuple[str, str]] = []
    for line in _unfolded(text):
        if not line.strip():
            if record:
                yield record
            record = []
            continue
        if line.startswith("#") or line == "-":
            continue
        match = _ATTRIBUTE.fullmatch(line)
        if match is None:
            continue
        name, marker, value = match.groups()
        if name.lower() == "version" and not record:
            continue
        if marker == "<":
            continue  # a URL to the value, not the value
        if marker == ":":
            decoded = _text_of_base64(value)
            if decoded is None:
                continue
            value = decoded
        record.append((_LONG_NAMES.get(name.lower(), name), value.strip()))
    if record:
        yield record


def _unfolded(text: str) -> Iterator[str]:
    """Lines with their continuations (a line that starts with one space) joined."""
    current: str | None = None
    for raw in text.splitlines():
        if raw.startswith(" ") and current is not None:
            current += raw[1:]
            continue
        if current is not None:
            yield current
        current = raw
    if current is not None:
        yield current


def _text_of_base64(value: str) -> str | None:
    """A base64 value as text ("Adams, Nicole"), or None when it is binary."""
    try:
        data = base64.b64decode(value.strip(), validate=True)
        decoded = data.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if any(ch < " " and ch not in "\t\n\r" for ch in decoded):
        return None
    return decoded
