"""Abstract documents (paragraphs + tables, or sheets) rendered to every format.

Templates compose content once and record the personal values they put in;
rendering then chooses the format, so one template yields a roster as CSV,
XLSX, ODS, JSON, XML or HTML with the same ground truth.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from bench import _writers as w

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_ID = re.compile(r"[1-9]\d{5,11}\Z")


@dataclass
class Rec:
    """The personal values a document holds (ground truth), and its decoys."""

    values: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    decoys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def __call__(self, entity: str, value: str) -> str:
        self.values[entity].append(value)
        return value

    def decoy(self, what: str, value: str) -> str:
        self.decoys[what].append(value)
        return value

    def merge(self, other: Rec) -> None:
        for key, items in other.values.items():
            self.values[key].extend(items)
        for key, items in other.decoys.items():
            self.decoys[key].extend(items)


@dataclass
class Doc:
    title: str
    paragraphs: list[str]
    tables: list[list[list[str]]] = field(default_factory=list)


@dataclass
class Sheet:
    name: str
    header: list[str]
    rows: list[list[str]]
    title_rows: list[str] = field(default_factory=list)


def render_doc(kind: str, doc: Doc) -> bytes:
    if kind == "docx":
        return w.docx_bytes(doc.paragraphs, doc.tables, heading=doc.title)
    if kind == "odt":
        return w.odt_bytes([doc.title, *doc.paragraphs], doc.tables)
    if kind == "pdf":
        pages: list[list[str]] = [[doc.title]]
        for paragraph in doc.paragraphs:
            if sum(len(p) // 90 + 1 for p in pages[-1]) > 38:
                pages.append([])
            pages[-1].append(paragraph)
        return w.pdf_bytes(pages, title=doc.title, tables=doc.tables)
    if kind == "pptx":
        slides: list[tuple[str, Sequence[str], list[list[str]] | None, str | None]] = []
        chunk = 6
        for i in range(0, max(1, len(doc.paragraphs)), chunk):
            slides.append(
                (
                    doc.title if i == 0 else f"{doc.title} (cont.)",
                    doc.paragraphs[i : i + chunk],
                    None,
                    None,
                )
            )
        for table in doc.tables:
            slides.append((doc.title, [], table, None))
        return w.pptx_bytes(slides)
    if kind == "html":
        parts = [
            f"<!DOCTYPE html><html><head><title>{html.escape(doc.title)}</title></head><body>",
            f"<h1>{html.escape(doc.title)}</h1>",
        ]
        parts += [f"<p>{html.escape(p)}</p>" for p in doc.paragraphs]
        for table in doc.tables:
            parts.append("<table>")
            for i, row in enumerate(table):
                cell = "th" if i == 0 else "td"
                parts.append(
                    "<tr>" + "".join(f"<{cell}>{html.escape(c)}</{cell}>" for c in row) + "</tr>"
                )
            parts.append("</table>")
        parts.append("</body></html>")
        return "\n".join(parts).encode()
    if kind == "txt":
        lines = [doc.title, "=" * len(doc.title), "", *doc.paragraphs]
        for table in doc.tables:
            lines.append("")
            widths = [
                max(len(r[i]) if i < len(r) else 0 for r in table) for i in range(len(table[0]))
            ]
            for row in table:
                lines.append("  ".join(c.ljust(wd) for c, wd in zip(row, widths, strict=False)))
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(kind)


def _typed(cell: str, kind: str) -> w.Cell:
    """Spreadsheets hold dates as dates and long IDs as numbers, as Excel users leave them."""
    if _ISO.match(cell):
        return dt.date.fromisoformat(cell)
    if kind == "xlsx" and _ID.match(cell) and len(cell) <= 12:
        return int(cell)
    return cell


def render_sheets(
    kind: str, sheets: list[Sheet], root: str = "records", encoding: str = "utf-8"
) -> bytes:
    if kind in ("xlsx", "xlsm", "ods"):
        book: dict[str, list[list[w.Cell]]] = {}
        for sheet in sheets:
            rows: list[list[w.Cell]] = [[t] for t in sheet.title_rows]
            if sheet.title_rows:
                rows.append([])
            rows.append(list(sheet.header))
            rows += [[_typed(c, kind) for c in row] for row in sheet.rows]
            book[sheet.name] = rows
        if kind == "ods":
            return w.ods_bytes(book)
        return w.xlsx_bytes(book, macro=kind == "xlsm")
    sheet = sheets[0]
    if kind in ("csv", "tsv"):
        rows2: list[Sequence[object]] = [list(sheet.header), *sheet.rows]
        return w.csv_bytes(rows2, delimiter="\t" if kind == "tsv" else ",", encoding=encoding)
    if kind == "json":
        key = re.sub(r"\W+", "_", sheet.name.lower()).strip("_") or root
        records = [dict(zip(sheet.header, row, strict=False)) for row in sheet.rows]
        meta = {"exported": "2026-10-30T14:02:00", "source": "SIS export"}
        return json.dumps({"meta": meta, key: records}, indent=1).encode()
    if kind == "xml":
        tag = re.sub(r"\W+", "", sheet.name.title()) or "Record"
        out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<{root}>"]
        for row in sheet.rows:
            fields = "".join(
                f"<{_xml_tag(h)}>{escape(c)}</{_xml_tag(h)}>"
                for h, c in zip(sheet.header, row, strict=False)
            )
            out.append(f"  <{tag} status={quoteattr('active')}>{fields}</{tag}>")
        out.append(f"</{root}>")
        return "\n".join(out).encode()
    if kind == "html":
        table = [list(sheet.header), *sheet.rows]
        return render_doc("html", Doc(sheet.name, sheet.title_rows, [table]))
    raise ValueError(kind)


def _xml_tag(header: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", header)
    tag = "".join(x[:1].upper() + x[1:] for x in words) or "Field"
    return tag if tag[0].isalpha() else f"F{tag}"
