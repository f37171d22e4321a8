"""What an Excel cell value means, as openpyxl decides it, without importing openpyxl.

The streaming workbook reader (`_xlsx`) must render every cell exactly as the
openpyxl fallback does, so it needs openpyxl's date-format test, its serial
date conversion and its ISO 8601 parsing. Importing openpyxl for those costs
about 0.15 s (the package builds its whole object model on import), more than
reading a typical workbook; a scan of a folder of text files must not pay it.
So the few functions are copied here from openpyxl 3.1 (MIT licence,
`openpyxl.styles.numbers`, `openpyxl.utils.datetime`, `openpyxl.utils.cell`),
unchanged in behaviour; tests/test_extract_xlsx_fast.py checks them against
the library.
"""

from __future__ import annotations

import datetime
import re

BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}

# anything in quotes, or in square brackets except elapsed hours/minutes/seconds
_STRIP_RE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_RE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_TIMEDELTA_RE = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)

WINDOWS_EPOCH = datetime.datetime(1899, 12, 30)
MAC_EPOCH = datetime.datetime(1904, 1, 1)
_SECS_PER_DAY = 86400
_ISO_REGEX = re.compile(
    r"""
(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?
(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?""",
    re.VERBOSE,
)
_ISO_DURATION = re.compile(
    r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?"
)
_RANGE_RE = re.compile(
    r"""^
[$]?(?P<min_col>[A-Za-z]{1,3})?
[$]?(?P<min_row>\d+)?
(:[$]?(?P<max_col>[A-Za-z]{1,3})?
[$]?(?P<max_row>\d+)?)?
$""",
    re.VERBOSE,
)


def builtin_format_code(index: int) -> str | None:
    """One of Excel's built-in number formats, by id (None for an unknown id)."""
    return BUILTIN_FORMATS.get(index)


def is_date_format(fmt: str | None) -> bool:
    """A format that shows a date or time (openpyxl: only its first section counts)."""
    if fmt is None:
        return False
    fmt = _STRIP_RE.sub("", fmt.split(";")[0])
    return _DATE_RE.search(fmt) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    """A format of elapsed time (`[h]:mm`), whose values are durations, not dates."""
    if fmt is None:
        return False
    return _TIMEDELTA_RE.search(fmt.split(";")[0]) is not None


def from_excel(
    value: float, epoch: datetime.datetime = WINDOWS_EPOCH, timedelta: bool = False
) -> datetime.datetime | datetime.time | datetime.timedelta:
    """An Excel serial number as a date, time or duration (1900 leap-year bug included)."""
    if timedelta:
        td = datetime.timedelta(days=value)
        if td.microseconds:  # round to millisecond precision
            td = datetime.timedelta(
                seconds=td.total_seconds() // 1, microseconds=round(td.microseconds, -3)
            )
        return td
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * _SECS_PER_DAY * 1000))
    if 0 <= value < 1 and diff.days == 0:
        mins, seconds = divmod(diff.seconds, 60)
        hours, mins = divmod(mins, 60)
        return datetime.time(hours, mins, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + datetime.timedelta(days=day) + diff


def from_iso8601(
    formatted: str,
) -> datetime.datetime | datetime.date | datetime.time | datetime.timedelta | None:
    """A date cell (`t="d"`) as written in ISO 8601; ValueError when it is not one."""
    if not formatted:
        return None
    match = _ISO_REGEX.match(formatted)
    if match and any(match.groups()):
        found = match.groupdict()
        year, month, day, hour, minute, second = (
            int(found[key] or 0) for key in ("year", "month", "day", "hour", "minute", "second")
        )
        fraction = found["microsecond"]
        micro = int(float(fraction) * 1_000_000) if fraction else 0
        if not found["date"]:
            return datetime.time(hour, minute, second, micro)
        if not found["time"]:
            return datetime.date(year, month, day)
        return datetime.datetime(year, month, day, hour, minute, second, micro)
    duration = _ISO_DURATION.match(formatted)
    if duration and any(duration.groups()):
        amounts = {k: float(v) if v else 0.0 for k, v in duration.groupdict(0).items()}
        return datetime.timedelta(**amounts)
    raise ValueError(f"Invalid datetime value {formatted}")


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    if not 0 < index < 18279:
        raise ValueError(f"'{letters}' is not a valid column name")
    return index


def range_max_column(ref: str) -> int | None:
    """The last column (1-based) of a range such as `A1:G20` (openpyxl's
    `range_boundaries(ref)[2]`); ValueError when `ref` is not a range."""
    match = _RANGE_RE.match(ref)
    if not match:
        raise ValueError(f"{ref} is not a valid coordinate or range")
    min_col, min_row, sep, max_col, max_row = match.groups()
    if sep:
        cols, rows = (min_col, max_col), (min_row, max_row)
        if not (all(cols + rows) or (all(cols) and not any(rows)) or (all(rows) and not any(cols))):
            raise ValueError(f"{ref} is not a valid coordinate or range")
    if max_col is not None:
        if min_col is not None:
            _column_index(min_col)
        return _column_index(max_col)
    return None if min_col is None else _column_index(min_col)
