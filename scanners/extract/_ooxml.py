"""Reading an OOXML package's outline without a library's object model.

Parser safety, as defusedxml gives: no DTD loading, no entity resolution, no
network, no huge trees.
"""

from __future__ import annotations

import posixpath
import threading
import zipfile
from typing import IO, Any

from lxml import etree

_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
OFFICE_DOCUMENT = "/officeDocument"


class Unsupported(Exception):
    """The package's outline is not one a fast reader handles: use the library."""


Package = IO[bytes] | zipfile.ZipFile


def open_package(source: Package) -> zipfile.ZipFile:
    """The package's zip: the one the caller has open already (the dispatcher
    opens every zip once, to type it and check its bounds), or a new one."""
    return source if isinstance(source, zipfile.ZipFile) else zipfile.ZipFile(source)


def safe_parser(remove_blank_text: bool = False) -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_blank_text=remove_blank_text,
    )


class _Parsers(threading.local):
    """One parser of each kind per thread (an lxml parser must not be shared
    between threads; making one per part cost more than parsing a small part)."""

    def __init__(self) -> None:
        self.plain = safe_parser()
        self.blankless = safe_parser(remove_blank_text=True)


_PARSERS = _Parsers()


def first_child(node: Any, tag: str) -> Any:
    """`node.find(tag)` for a namespaced tag name, without lxml's path machinery:
    a fifth of the cost, and the readers ask it of every cell and run."""
    for child in node:
        if child.tag == tag:
            return child
    return None


def child_text(node: Any, tag: str) -> str | None:
    """`node.findtext(tag)`: the first such child's text ("" when it has none),
    None without one."""
    child = first_child(node, tag)
    return None if child is None else child.text or ""


def parse(data: bytes) -> Any:
    return etree.fromstring(data, _PARSERS.plain)


def parse_blankless(data: bytes) -> Any:
    """Parsed as python-docx and python-pptx parse their parts: whitespace-only
    text between elements dropped, so the trees (and texts) are theirs."""
    return etree.fromstring(data, _PARSERS.blankless)


def iterparse(
    source: IO[bytes], tag: str | tuple[str, ...] | None, events: tuple[str, ...] = ("end",)
) -> Any:
    return etree.iterparse(
        source,
        events=events,
        tag=tag,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
    )


def part_rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, absolute part name) for a part ("" = package)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = parse(zf.read(rels_name))
    except KeyError:
        return {}
    found: dict[str, tuple[str, str]] = {}
    for rel in root.iter(_PKG_REL):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External":
            continue
        resolved = target[1:] if target.startswith("/") else resolve(folder, target)
        found[rel.get("Id") or ""] = (rel.get("Type") or "", resolved)
    return found


_ODD_SEGMENTS = frozenset({"", ".", ".."})


def resolve(folder: str, target: str) -> str:
    """`posixpath.normpath(posixpath.join(folder, target))`; the join alone when
    neither has an empty, `.` or `..` segment (nearly every package), which
    normpath would leave as it is."""
    if (
        target
        and not _ODD_SEGMENTS.intersection(target.split("/"))
        and (not folder or not _ODD_SEGMENTS.intersection(folder.split("/")))
    ):
        return f"{folder}/{target}" if folder else target
    return posixpath.normpath(posixpath.join(folder, target))


def main_part(zf: zipfile.ZipFile) -> str:
    """The package's one main document part, or `Unsupported`."""
    names = set(zf.namelist())
    main = [t for typ, t in part_rels(zf, "").values() if typ.endswith(OFFICE_DOCUMENT)]
    if len(main) != 1 or main[0] not in names:
        raise Unsupported("no single main document part")
    return main[0]
