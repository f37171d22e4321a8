"""The public scanner: files, bytes or text in; typed findings out.

One `Scanner` holds the compiled recognizers and (lazily, once) the spaCy
model; it is cheap to create and safe to reuse for many files. It never raises
for bad input: a file that cannot be read is a report with status `error` or
`skipped`, and the caller carries on with the next one.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

import regex

from scanners.block_shapes import TableLike, TextLike
from scanners.cache import ResultCache, file_sha256
from scanners.detect import (
    DetectorSettings,
    DocumentDetector,
    NameDecision,
    TextPiece,
)
from scanners.engine import DEFAULT_SPACY_MODEL, NameFinder, load_ner, resolve_model
from scanners.errors import ScannerError
from scanners.findings import FileReport, Finding, ScanStatus
from scanners.recognizers.base import Pattern, Recognizer
from scanners.recognizers.builtin import BUILTIN, NOT_AN_ID
from scanners.recognizers.checksums import validator_named
from scanners.recognizers.columns import normalize_header

CACHE_VERSION = "detect-2"


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of this package's code and word lists. Cached results are keyed by it:
    after an upgrade (or any edit) that changes what the scanner finds, a file is
    scanned afresh rather than answered from a cache the older code wrote."""
    return tree_digest(Path(__file__).resolve().parent)


def tree_digest(root: Path) -> str:
    """SHA-256 over the names and contents of the Python and word-list files under `root`."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


class InvalidIdentifierPattern(ScannerError):
    """A declared identifier whose regex or validator cannot be used."""


@dataclass(frozen=True, slots=True)
class IdentifierPattern:
    """A district's own identifier as data (from the policy): a regex, a base score,
    the words that vouch for it, and optionally a named checksum ("luhn", "aba")."""

    entity: str
    name: str
    pattern: str
    score: float
    context: tuple[str, ...] = ()
    validator: str | None = None


@dataclass(frozen=True)
class ScannerConfig:
    """What to look for and how. `thresholds`: minimum score per entity (default 0.5)."""

    spacy_model: str = DEFAULT_SPACY_MODEL
    identifiers: tuple[IdentifierPattern, ...] = ()
    thresholds: Mapping[str, float] = field(default_factory=dict)
    # Documents parsed as a whole (Office, PDF, JSON, XML, e-mail) above this size are
    # skipped, or streamed when they are text (`scanners.extract.Limits.max_document_bytes`).
    max_file_bytes: int = 256 << 20
    cache_dir: Path | None = None
    # Person names by NER; off, a scan needs no model at all (names from table headers only).
    ner: bool = True
    # NER reads a document only where a class decision depends on a name (an identifier or
    # a record signal, and no name yet from a table header or a labelled field). True:
    # report every name in short documents too, at several times the cost.
    every_name: bool = False
    # The class rules a name would complete (the policy's blocking classes): NER runs
    # only for a document that lacks nothing else for one of them. None: any identifier
    # or record signal is reason enough.
    name_decisions: tuple[NameDecision, ...] | None = None
    chunk_chars: int = 1_000_000
    overlap_chars: int = 256

    def fingerprint(self) -> str:
        """Everything that changes results, for the cache key."""
        data = {
            "v": CACHE_VERSION,
            "code": code_digest(),
            "model": resolve_model(self.spacy_model),
            "identifiers": [
                [i.entity, i.name, i.pattern, i.score, list(i.context), i.validator]
                for i in self.identifiers
            ],
            "thresholds": sorted(self.thresholds.items()),
            "ner": self.ner,
            "every_name": self.every_name,
            "name_decisions": None
            if self.name_decisions is None
            else sorted(
                [sorted(d.requires), sorted(d.any_of), sorted(d.excludes), d.min_score]
                for d in self.name_decisions
            ),
            "max": self.max_file_bytes,
            "chunk": [self.chunk_chars, self.overlap_chars],
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _identifier_recognizer(spec: IdentifierPattern) -> Recognizer:
    try:
        validator = validator_named(spec.validator)
        return Recognizer(
            entity=spec.entity,
            name=spec.name,
            patterns=(Pattern(spec.name, spec.pattern, spec.score),),
            context=tuple(w.lower() for w in spec.context),
            negative_context=(*NOT_AN_ID, "phone", "ssn", "routing", "account", "fax", "license"),
            validator=validator,
            context_score=max(0.8, spec.score),
        )
    except (KeyError, regex.error) as error:
        raise InvalidIdentifierPattern(f"identifier {spec.name!r}: {error}") from error


def _header_rules(specs: Iterable[IdentifierPattern]) -> tuple[tuple[regex.Pattern[str], str], ...]:
    rules = []
    for spec in specs:
        words = [normalize_header(w) for w in spec.context if normalize_header(w)]
        if words:
            alternatives = "|".join(regex.escape(w) for w in words)
            rules.append((regex.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z])"), spec.entity))
    return tuple(rules)


_TABLE_TYPES: dict[type, bool] = {}


def _is_table(block: object) -> bool:
    """`isinstance(block, TableLike)`, asked once per block type: a runtime Protocol
    check inspects the attributes every time (tens of microseconds a block)."""
    kind = type(block)
    known = _TABLE_TYPES.get(kind)
    if known is None:
        known = _TABLE_TYPES[kind] = isinstance(block, TableLike)
    return known


class Scanner:
    def __init__(self, config: ScannerConfig | None = None) -> None:
        self.config = config or ScannerConfig()
        self.model = resolve_model(self.config.spacy_model)
        self._extract_limits: Any = None
        recognizers = (*BUILTIN, *(_identifier_recognizer(s) for s in self.config.identifiers))
        self._settings = DetectorSettings(
            recognizers=recognizers,
            header_rules=_header_rules(self.config.identifiers),
            thresholds=dict(self.config.thresholds),
            names=NameFinder(self.model) if self.config.ner else None,
            every_name=self.config.every_name,
            name_decisions=self.config.name_decisions,
        )
        self._every_name = replace(self._settings, every_name=True)
        self._cache = (
            ResultCache(self.config.cache_dir, self.config.fingerprint())
            if self.config.cache_dir is not None
            else None
        )

    def warm_up(self) -> None:
        """Load the NER model now (a worker process or the watcher, before the first file)."""
        if self.config.ner:
            load_ner(self.model)

    # -- text and blocks ------------------------------------------------------------------
    def scan_text(self, text: str, *, every_name: bool = True) -> list[Finding]:
        """Findings in a piece of text; locations read `line N`.

        A caller passing a snippet wants its entities, so by default every name in a
        short text is reported (see `ScannerConfig.every_name` for documents).
        """
        return self.scan_blocks([TextPiece(text)], every_name=every_name)

    def scan_blocks(
        self, blocks: Iterable[TextLike | TableLike], *, every_name: bool | None = None
    ) -> list[Finding]:
        """Findings in a document given as text and table blocks (see `scanners.extract`)."""
        settings = self._every_name if every_name else self._settings
        detector = DocumentDetector(settings)
        for block in blocks:
            if _is_table(block):
                detector.feed_table(cast(TableLike, block))
            else:
                detector.feed_text(cast(TextLike, block))
        return detector.finish()

    # -- files ----------------------------------------------------------------------------
    def scan_file(self, path: Path) -> list[FileReport]:
        """The file's report, then one per archive member ("a.zip!m.csv")."""
        display = str(path)
        digest = None
        if self._cache is not None:
            try:
                if path.is_file():
                    digest = file_sha256(path)
                    cached = self._cache.get(digest, display)
                    if cached is not None:
                        return cached
            except OSError:
                digest = None  # let extraction report the problem
        reports = [self.scan_document(doc) for doc in self._extract_path(path)]
        if self._cache is not None and digest is not None:
            self._cache.put(digest, display, reports)
        return reports

    def scan_bytes(self, data: bytes, name: str) -> list[FileReport]:
        return [self.scan_document(doc) for doc in self._extract_bytes(data, name)]

    def scan_document(self, document: Any) -> FileReport:
        """One extracted document (`scanners.extract.ExtractedDocument`) to its report."""
        if document.status is not ScanStatus.SCANNED:
            return FileReport(document.path, document.status, document.error, document.sha256)
        try:
            findings = self.scan_blocks(document.blocks)
        except ScannerError as error:
            return FileReport(document.path, ScanStatus.ERROR, str(error), document.sha256)
        except (TimeoutError, OSError, ValueError, MemoryError, RecursionError) as error:
            reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            return FileReport(
                document.path, ScanStatus.ERROR, f"cannot scan: {reason}", document.sha256
            )
        # Damage deep in a file shows only while its blocks are read: the extractor then
        # stops early and says so; what was found before it still counts.
        return FileReport(
            document.path, document.status, document.error, document.sha256, tuple(findings)
        )

    def _extract_path(self, path: Path) -> Iterator[Any]:
        from scanners.extract import extract_path

        return iter(extract_path(path, self._limits()))

    def _extract_bytes(self, data: bytes, name: str) -> Iterator[Any]:
        from scanners.extract import extract_bytes

        return iter(extract_bytes(data, name, self._limits()))

    def _limits(self) -> Any:
        """The extraction limits of this configuration (made once: asked for every file)."""
        if self._extract_limits is None:
            from dataclasses import fields, replace

            from scanners.extract import Limits

            wanted = {
                "chunk_chars": self.config.chunk_chars,
                "overlap_chars": self.config.overlap_chars,
                "max_document_bytes": self.config.max_file_bytes,
            }
            known = {f.name for f in fields(Limits)}
            self._extract_limits = replace(
                Limits(), **{k: v for k, v in wanted.items() if k in known}
            )
        return self._extract_limits
