"""A driver's licence's barcode, as an ID scanner reads it: the AAMVA card design standard.

A visitor-management kiosk scans the PDF417 barcode on the back of a licence and, when
it cannot parse a field, logs the raw string: "ANSI 636002...DLDAQS63325755\\nDCSADEYEMI
\\nDACSAMIRA\\nDBB07201966...". Each element is a three-letter code and its value, one
to a line (or to an escaped "\\n" in a log): DAQ the licence number, DCS the family
name, DAC the first name, DBB the birth date (MMDDCCYY in the US). The header's "ANSI
636" (the issuer numbers AAMVA assigns) says the string is one.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from scanners.recognizers.base import Hit, timeout_for

BARCODE_CHARS = 1000  # a licence's barcode data is a few hundred characters
BARCODE_SCORE = 0.9

_HEADER = regex.compile(r"(?:@|ANSI )\s?636\d{3}")
_SEPARATOR = r"(?:^|\n|\r|\\n|\\r|(?<=\d{4}(?:DL|ID)))"  # (the first after the subfile's)
_ELEMENT = regex.compile(
    rf"{_SEPARATOR}(?P<code>DAQ|DCS|DAC|DBB)(?P<value>[^\n\r\\\"]{{1,40}}?)[ \t]*(?=\n|\r|\\|\"|$)"
)


def barcode_hits(text: str) -> Iterator[Hit]:
    """The licence number, name and birth date of each licence barcode in `text`."""
    if "636" not in text:
        return
    timeout = timeout_for(text)
    starts = [header.end() for header in _HEADER.finditer(text, timeout=timeout)]
    for start, following in zip(starts, [*starts[1:], len(text)], strict=False):
        fields: dict[str, tuple[int, int]] = {}
        end = min(following, start + BARCODE_CHARS)  # up to the next barcode
        for element in _ELEMENT.finditer(text, start, end, timeout=timeout):
            fields.setdefault(element.group("code"), element.span("value"))
        if "DAQ" not in fields:
            continue
        yield _hit(text, "US_DRIVER_LICENSE", fields["DAQ"])
        if "DBB" in fields:
            yield _hit(text, "DATE_OF_BIRTH", fields["DBB"])
        if "DAC" in fields and "DCS" in fields:
            (first, last) = (text[slice(*fields[c])] for c in ("DAC", "DCS"))
            start = min(fields["DAC"][0], fields["DCS"][0])
            end = max(fields["DAC"][1], fields["DCS"][1])
            yield Hit("PERSON", start, end, f"{first} {last}", BARCODE_SCORE, _SOURCE)


_SOURCE = "aamva-barcode"


def _hit(text: str, entity: str, span: tuple[int, int]) -> Hit:
    return Hit(entity, span[0], span[1], text[span[0] : span[1]], BARCODE_SCORE, _SOURCE)
