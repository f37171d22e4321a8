"""Sniffing shortcuts decide what the long way decides."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from scanners.extract import _sniff


def _delimiter_the_long_way(text: str) -> str | None:
    """`sniff_delimiter` as it was: every candidate delimiter parsed."""
    lines = [ln for ln in text[: _sniff._TEXT_HEAD_CHARS].splitlines() if ln.strip()]
    if len(text) >= _sniff._TEXT_HEAD_CHARS and lines:
        lines = lines[:-1]
    lines = lines[:25]
    if len(lines) < 2:
        return None
    best: tuple[int, str] | None = None
    for delimiter in _sniff._DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
        except csv.Error:
            continue
        if not rows or _sniff._reads_like_prose(rows, delimiter) or _sniff._fixed_width(rows):
            continue
        width = _sniff.table_width([len(row) for row in rows])
        if width is not None and (best is None or width > best[0]):
            best = (width, delimiter)
    return None if best is None else best[1]


_CELLS = st.sampled_from(
    [
        "Amara",
        "Okafor",
        "1034567890",
        "",
        " x",
        '"a,b"',
        '"multi\nline"',
        "2013-04-09",
        "a b c d e f g h i j",
    ]
)
_LINES = st.lists(
    st.tuples(
        st.lists(_CELLS, min_size=1, max_size=5), st.sampled_from([",", "\t", ";", "|", " "])
    ).map(lambda row: row[1].join(row[0])),
    max_size=8,
)


@settings(max_examples=300)
@given(_LINES.map("\n".join))
def test_delimiter_shortcut_decides_as_the_long_way(text: str) -> None:
    assert _sniff.sniff_delimiter(text) == _delimiter_the_long_way(text)
