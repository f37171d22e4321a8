"""JSON, XML and HTML: keep the keys and tags, because they are the context.

`"ssn": "123-45-6789"` says more than the bare number; so values come out as
`key: value` lines, and a list of flat records (the shape of every SIS export),
in JSON or as repeated XML elements, comes out as a table whose header is the keys.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from scanners.extract._text import table_from_rows
from scanners.extract._types import Block, Limits, TableBlock, TextBlock

if TYPE_CHECKING:  # the parser is defusedxml's, imported with it
    from xml.etree.ElementTree import Element

_MAX_DEPTH = 200
_MAX_RECORD_DEPTH = 3  # nested objects flattened into a record's columns, at most
LISTED_WORD_CHARS = 40  # at most, in each item of a list read as one field of a record
# ... unless the item is a name of something, not prose: a directory entry's groups
# ("memberOf": ["CN=GoGuardian-HS,OU=Groups,DC=district,DC=net"]), a path or an address
LISTED_NAME_SPACES = 2  # at most, in such an item ("CN=Domain Users,CN=Users,DC=x")
LISTED_NAME_CHARS = 256
_MAX_XML_RECORD_DEPTH = 7  # levels of elements below an XML record, at most


def _scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _records(value: object) -> list[dict[str, object]] | None:
    """A list of two or more objects as flat records, a nested object's fields named by
    their path ("guardian name"), a list of words joined in one field; None where an
    object holds any other list (no table then)."""
    if not isinstance(value, list) or len(value) < 2:
        return None
    records: list[dict[str, object]] = []
    for item in value:
        if not isinstance(item, dict):
            return None
        flat: dict[str, object] = {}
        if not _flatten(item, "", flat, 0):
            return None
        records.append(flat)
    return records


def _flatten(item: dict[Any, Any], prefix: str, out: dict[str, object], depth: int) -> bool:
    if depth > _MAX_RECORD_DEPTH:
        return False
    for key, value in item.items():
        name = f"{prefix} {key}" if prefix else str(key)
        if isinstance(value, dict):
            if not _flatten(value, name, out, depth + 1):
                return False
        elif isinstance(value, list):
            # a list of words is one field ("plannedAssessments": ["FBA", "OT"]), and so
            # is a list of references to other records (OneRoster's "orgs": [{"sourcedId":
            # "org-02950305", "type": "org"}]); a list of objects with data of their own
            # (each guardian's) or of notes in prose makes no table: the text's lines are
            # read for names, a table's cells are not
            if value and all(_reference(v) for v in value):
                value = [v.get("sourcedId", v.get("id", "")) for v in value]
            if not value or any(isinstance(v, (dict, list)) or _prose(_scalar(v)) for v in value):
                return False
            out[name] = "; ".join(_scalar(v) for v in value)
        else:
            out[name] = value
    return True


# The keys of a reference to another record and nothing else: OneRoster's GUIDRef
_REFERENCE_KEYS = frozenset({"sourcedId", "id", "href", "type"})


def _reference(value: object) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and value.keys() <= _REFERENCE_KEYS
        and ("sourcedId" in value or "id" in value)
        and all(isinstance(v, str) for v in value.values())
    )


def _prose(item: str) -> bool:
    """Whether a list's item is too long to be a word of a record's field, and reads as
    a sentence, not as the name of a group or a file."""
    if len(item) <= LISTED_WORD_CHARS:
        return False
    return len(item) > LISTED_NAME_CHARS or item.count(" ") > LISTED_NAME_SPACES


def json_blocks(text: str, limits: Limits) -> Iterator[Block]:
    """Tables for lists of flat objects (located by their JSON path), `path: value`
    lines for everything else. JSON Lines is read as one list of records."""
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        document = [json.loads(ln) for ln in lines]  # JSON Lines, or a real error
    lines_out: list[str] = []
    tables: list[TableBlock] = []
    _walk_json(document, "$", lines_out, tables, 0)
    if lines_out:
        yield TextBlock("\n".join(lines_out), "")
    yield from tables


def _walk_json(
    value: object, path: str, out: list[str], tables: list[TableBlock], depth: int
) -> None:
    if depth > _MAX_DEPTH:
        raise ValueError("JSON nested deeper than 200 levels")
    records = _records(value)
    if records is not None:
        header: list[str] = []
        for record in records:
            for key in record:
                if key not in header:
                    header.append(key)
        rows = [
            (i + 1, tuple(_scalar(record.get(k)) for k in header))
            for i, record in enumerate(records)
        ]
        tables.append(TableBlock(path, tuple(header), rows))
    elif isinstance(value, dict):
        # an object's keys are labelled by the key that holds it: in
        # {"student": {"name": .., "id": ..}} the id is a "student id"
        parent = _key_of(path)
        kind = _identifier_type(value)
        for key, item in value.items():
            name = str(key)
            if isinstance(item, (dict, list)):
                _walk_json(item, f"{path}.{name}", out, tables, depth + 1)
            elif item is None:
                continue  # a field with no value names no one: a scheduler's "student": null
            else:
                label = f"{parent} {name}" if parent else name
                if kind and name.lower() in _IDENTIFIER_VALUE_KEYS:
                    label = f"{kind} {label}"  # "SSN idValue: 220785813"
                out.append(f"{label}: {_scalar(item)}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, (dict, list)):
                _walk_json(item, f"{path}[{i}]", out, tables, depth + 1)
            else:
                out.append(f"{path.rsplit('.', 1)[-1]}: {_scalar(item)}")
    else:
        out.append(_scalar(value))


# An API's typed identifier: a value and, beside it or one object down, what kind of
# number it is. ADP's {"idValue": "220785813", "nameCode": {"codeValue": "SSN"}},
# OneRoster's and FHIR's {"type": "SASID", "value": ...}, {"system": ..., "value": ...}.
_IDENTIFIER_VALUE_KEYS = frozenset({"idvalue", "value", "id", "number", "identifier"})
_IDENTIFIER_TYPE_KEYS = ("type", "idtype", "typecode", "identifiertype", "codevalue", "system")
_TYPE_CHARS = 40  # a type's name is short; a longer value is something else


def _identifier_type(record: dict[Any, Any]) -> str:
    """The kind of number a typed identifier's object holds, or ""."""
    if not any(str(key).lower() in _IDENTIFIER_VALUE_KEYS for key in record):
        return ""  # most objects: no value of a typed identifier
    places = [record, *(v for v in record.values() if isinstance(v, dict))]
    for key in _IDENTIFIER_TYPE_KEYS:
        for place in places:
            for name, item in place.items():
                if str(name).lower() == key and isinstance(item, str) and len(item) <= _TYPE_CHARS:
                    return item
    return ""


def _key_of(path: str) -> str:
    """The last key of a JSON path ("$.records[3].student" -> "student"); empty for the
    root and for list items, whose label is their list's."""
    last = path.rsplit(".", 1)[-1]
    return "" if path == "$" or last.endswith("]") else last


def xml_blocks(data: bytes, limits: Limits) -> Iterator[Block]:
    """Every element's text as `tag: text` (attributes as `tag@name: value`).

    defusedxml refuses DTD entity declarations and external references, so a
    billion-laughs file is an error, not an outage, and nothing is fetched.
    """
    import defusedxml.ElementTree as SafeET

    root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    out: list[str] = []
    tables: list[TableBlock] = []
    _walk_xml(root, out, tables, 0, _local(root.tag))
    if out:
        yield TextBlock("\n".join(out), "")
    yield from tables


def _local(tag: object) -> str:
    name = str(tag)
    return name.rsplit("}", 1)[-1]


def _walk_xml(
    element: Element, out: list[str], tables: list[TableBlock], depth: int, path: str
) -> None:
    if depth > _MAX_DEPTH:
        raise ValueError("XML nested deeper than 200 levels")
    tag = _local(element.tag)
    named = _named_field(element)
    if named is not None:
        out.append(f"{named[0]}: {named[1]}")  # the field as a form would print it
    else:
        for key, value in element.attrib.items():
            out.append(f"{tag}@{_local(key)}: {value}")
        text = (element.text or "").strip()
        if text:
            out.append(f"{_leaf_label(path)}: {text}")
    children = list(element)
    records = _record_tags(children)
    for record in records:
        tables.append(
            _xml_table(f"{path}/{record}", [c for c in children if _local(c.tag) == record])
        )
    for child in children:
        if _local(child.tag) not in records:
            _walk_xml(child, out, tables, depth + 1, f"{path}/{_local(child.tag)}")
        tail = (child.tail or "").strip()
        if tail:
            out.append(tail)


# Tags that say nothing alone: `<Id>` is whose? ISO 20022 nests a debtor's account number
# as <DbtrAcct><Id><Othr><Id>, an SIS its student's number as <Student><Id>.
_CAMEL_CASE_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])")
_GENERIC_TAGS = frozenset({"id", "othr", "nm", "mmbid", "cd", "prtry", "value", "val", "nb"})


def _leaf_label(path: str) -> str:
    """A leaf's tag, led by its ancestors up to the nearest one that says what it is,
    in words as a form would label the field ("Dbtr Acct Id Othr Id", "Student Id")."""
    parts = path.split("/")
    start = len(parts) - 1
    while start > 0 and parts[start].lower() in _GENERIC_TAGS:
        start -= 1
    return _CAMEL_CASE_BREAK.sub(" ", " ".join(parts[start:]))


def _record_tags(children: list[Element]) -> list[str]:
    """The tags of repeated records among `children` (every SIS export's shape:
    `<Student><LastName>..</LastName>..</Student>` again and again), their fields at most
    _MAX_XML_RECORD_DEPTH levels down (a W-2 file's `<EmployeeName><First>`, an ISO 20022
    payment's `<CdtrAcct><Id><Othr><Id>`)."""
    counts: dict[str, int] = {}
    shaped: dict[str, bool] = {}
    for child in children:
        tag = _local(child.tag)
        counts[tag] = counts.get(tag, 0) + 1
        is_record = len(child) > 0 and _depth_below(child) <= _MAX_XML_RECORD_DEPTH
        shaped[tag] = shaped.get(tag, True) and is_record
    return [tag for tag, n in counts.items() if n >= 2 and shaped[tag]]  # in document order


def _depth_below(element: Element) -> int:
    """Levels of elements below `element`, counted no further than one past the bound."""
    deepest = 0
    stack = [(child, 1) for child in element]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if level <= _MAX_XML_RECORD_DEPTH:
            stack.extend((child, level + 1) for child in node)
    return deepest


def _xml_fields(record: Element) -> dict[str, str]:
    """A record's fields, each named by its path below the record ("EmployeeName
    First"), attributes first and beside their element ("InstdAmt Ccy")."""
    fields = {_local(k): v for k, v in record.attrib.items()}
    stack: list[tuple[Element, str]] = [
        (child, _local(child.tag)) for child in reversed(list(record))
    ]
    while stack:
        node, name = stack.pop()
        named = _named_field(node)
        if named is not None:  # <field name="student_name">Jennifer Costa</field>
            fields.setdefault(*named)
            continue
        for key, value in node.attrib.items():  # <Legal first="Natalie" last="Rodriguez"/>
            fields.setdefault(f"{name} {_local(key)}", value)
        if len(node) == 0:
            fields.setdefault(name, (node.text or "").strip())
        else:
            stack.extend((c, f"{name} {_local(c.tag)}") for c in reversed(list(node)))
    return fields


# Attributes that name a generic element's field: a form tool's or a key-value store's
# export writes every field as the same element (`<field name="dob">`, `<entry
# key="ssn">`, `<Property Name="Email" Value="..."/>`), its name in the attribute.
_FIELD_NAME_ATTRIBUTES = ("name", "key", "field", "label", "column", "question")
_FIELD_VALUE_ATTRIBUTES = ("value", "val")


def _named_field(node: Element) -> tuple[str, str] | None:
    """A leaf element's field name and value, where an attribute names the field and
    the element (or its value attribute) holds the value."""
    if len(node) > 0:
        return None
    attributes = {_local(k).lower(): v for k, v in node.attrib.items()}
    name = next((attributes[a] for a in _FIELD_NAME_ATTRIBUTES if attributes.get(a)), None)
    if name is None:
        return None
    text = (node.text or "").strip()
    value = text or next((attributes[a] for a in _FIELD_VALUE_ATTRIBUTES if a in attributes), "")
    if not value:
        return None  # `<School name="Morse"/>`: the name is the value, not a field's
    return name.strip(), value


def _xml_table(location: str, records: list[Element]) -> TableBlock:
    """Repeated records as a table whose header is their fields (attributes first)."""
    header: list[str] = []
    rows: list[dict[str, str]] = []
    for record in records:
        fields = _xml_fields(record)
        for name in fields:
            if name not in header:
                header.append(name)
        rows.append(fields)
    numbered = [(i + 1, tuple(row.get(h, "") for h in header)) for i, row in enumerate(rows)]
    return TableBlock(location, tuple(header), numbered)


BLANK = "______"  # an empty input, as a printed form shows a field left blank
# Inputs whose value is the page's, not what someone typed.
_NOT_TYPED_INPUTS = frozenset(
    {"submit", "button", "reset", "image", "checkbox", "radio", "file", "color", "range"}
)
_FIELD_NUMBER = re.compile(r"^\d{1,2}[a-z]?[.)]?\s+")  # a tax form's "1 Name (as shown...)"


# HTML's own bounds on a cell's spans (a hostile page's colspan="99999" stops there), and
# the cells of a row they may fill
MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534
MAX_ROW_CELLS = 1000


def _span(value: str | None, most: int) -> int:
    """A cell's colspan or rowspan: a whole number from 1 to `most` (1 where absent or
    not a number; 0, "all the rows left", is read as 1)."""
    try:
        span = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(span, 1), most)


class _HTMLText(HTMLParser):
    """Collects visible text as lines and `<table>`s as tables; never fetches anything."""

    _SKIP = frozenset({"script", "style", "head", "template", "noscript"})
    _BREAKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "title",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "dt",
            "dd",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.tables: list[tuple[tuple[str, ...], list[tuple[str, ...]]]] = []
        self._line: list[str] = []
        self._skip = 0
        self._table: list[tuple[str, ...]] | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._colspan = 1
        # cells of rows above that reach down into this one (`rowspan`): column -> (rows
        # still to reach, text)
        self._spanning: dict[int, tuple[int, str]] = {}
        self._rowspan = 1
        self._depth = 0
        self._labels: dict[str, str] = {}  # a <label for=id>'s text, by the id
        self._label_for: str | None = None
        self._label_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            self._input(dict(attrs))
        elif tag == "label":
            self._label_for = dict(attrs).get("for")
            self._label_text = []
        if tag in self._SKIP and tag != "head":
            self._skip += 1
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._flush()
                self._table = []
                self._spanning = {}
        elif tag == "tr" and self._table is not None and self._depth == 1:
            self._row = []
            self._fill_spanned()
        elif tag in ("td", "th") and self._row is not None and self._depth == 1:
            self._end_cell()  # (an unclosed <td> ends where the next begins)
            self._cell = []
            spans = dict(attrs)
            self._colspan = _span(spans.get("colspan"), MAX_COLSPAN)
            self._rowspan = _span(spans.get("rowspan"), MAX_ROWSPAN)
        elif tag in self._BREAKS and self._cell is not None:
            self._cell.append(" ")  # a cell's lines: "<b>Rahul Venkataraman</b><br>Cell: ..."
        elif tag in self._BREAKS:
            self._flush()

    def _input(self, attrs: dict[str, str | None]) -> None:
        """A saved web form keeps what was typed in its inputs' values: read each as
        "label: value", the label its <label>'s text or else its name. An input left
        empty reads as a printed form's blank ("Name: ______"), so that a blank web form
        is known for one as a blank paper form is."""
        kind = (attrs.get("type") or "text").lower()
        if kind in _NOT_TYPED_INPUTS or self._skip:
            return
        value = " ".join((attrs.get("value") or "").split())
        if not value:
            if kind != "hidden":
                (self._cell if self._cell is not None else self._line).append(f" {BLANK} ")
            return
        label = self._labels.get(attrs.get("id") or "") or attrs.get("name") or ""
        label = _FIELD_NUMBER.sub("", " ".join(label.replace("_", " ").split()))
        field = f"{label}: {value}" if label else value
        if self._cell is not None:
            self._cell.append(f" {field} ")
        else:
            self._flush()
            self._line.append(field)
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._label_for:
            self._labels[self._label_for] = " ".join("".join(self._label_text).split())
            self._label_for = None
        if tag in self._SKIP and tag != "head":
            self._skip = max(0, self._skip - 1)
        elif tag == "table":
            self._depth = max(0, self._depth - 1)
            if self._depth == 0 and self._table is not None:
                self._end_row()
                if self._table:
                    header = tuple(c.strip() for c in self._table[0])
                    self.tables.append((header, self._table[1:]))
                self._table = None
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag in self._BREAKS:
            self._flush()

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            text = " ".join("".join(self._cell).split())
            if self._rowspan > 1:
                self._spanning[len(self._row)] = (self._rowspan - 1, text)
            self._row.append(text)
            # a cell across columns is one value: the columns after it are empty
            self._row.extend([""] * min(self._colspan - 1, MAX_ROW_CELLS - len(self._row)))
            self._fill_spanned()
        self._cell = None
        self._colspan = self._rowspan = 1

    def _fill_spanned(self) -> None:
        """Put in the cells that rows above reach down into at the row's next columns: a
        chaperone's name and cell phone (rowspan 4) beside each of his four students, so
        that every student's SASID stays under "SASID"."""
        row = self._row
        while row is not None and len(row) in self._spanning:
            column = len(row)
            rows_left, text = self._spanning.pop(column)
            if rows_left > 1:
                self._spanning[column] = (rows_left - 1, text)
            row.append(text)

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and self._table is not None and self._row:
            self._table.append(tuple(self._row))
        self._row = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._label_for is not None:
            self._label_text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._line.append(data)

    def _flush(self) -> None:
        line = " ".join("".join(self._line).split())
        if line:
            self.lines.append(line)
        self._line = []

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(text: str, limits: Limits, location: str = "") -> Iterator[Block]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    if parser.lines:
        yield TextBlock("\n".join(parser.lines), location)
    for i, (header, rows) in enumerate(parser.tables, start=1):
        where = f"{location} table {i}".strip()
        numbered = [(1, header), *((n + 2, row) for n, row in enumerate(rows))]
        yield from table_from_rows(where, numbered)


def html_to_text(text: str) -> str:
    """Visible text of an HTML fragment (for e-mail bodies), tables flattened to lines."""
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    lines = list(parser.lines)
    for header, rows in parser.tables:
        lines.append(" | ".join(header))
        lines.extend(" | ".join(r) for r in rows)
    return "\n".join(lines)
