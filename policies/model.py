"""The policy model: typed, immutable objects a validated policy file becomes.

The objects hold data; each rule of DESIGN.md's table is applied by one function
in its own module (`classification`, `locations`, `legal`, `passphrases`), which
the `Policy` methods call, so a reader finds every rule in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import PurePath

from policies import classification, legal, locations, passphrases
from policies.errors import LegalBasisIncomplete, WeakPassphrase
from scanners.findings import Finding


class Verdict(StrEnum):
    """Where a path stands under rules R2 (approved) and R3 (blocked)."""

    APPROVED = "approved"
    BLOCKED = "blocked"
    NEUTRAL = "neutral"


class Action(StrEnum):
    """What the watcher does in a blocked location: quarantine, or only log (pilot)."""

    BLOCK = "block"
    AUDIT = "audit"


@dataclass(frozen=True, slots=True)
class PolicyMeta:
    id: str
    title: str
    version: str
    effective: date
    review_by: date
    source: str


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    spacy_model: str


@dataclass(frozen=True, slots=True)
class ClassRule:
    """Entities that together make a record: all of `all_of`, one of `any_of`, none of `none_of`."""

    all_of: tuple[str, ...]
    any_of: tuple[str, ...]
    none_of: tuple[str, ...]
    min_score: float


@dataclass(frozen=True, slots=True)
class DataClass:
    id: str
    title: str
    cites: tuple[str, ...]
    watcher_blocks: bool
    release_requires_basis: bool
    rules: tuple[ClassRule, ...]


@dataclass(frozen=True, slots=True)
class IdentifierSpec:
    """A district-specific identifier, declared as data so a district changes it without code."""

    entity: str
    name: str
    pattern: str
    score: float
    context: tuple[str, ...]
    validator: str | None = None


@dataclass(frozen=True, slots=True)
class LocationRule:
    id: str
    verdict: Verdict
    cites: tuple[str, ...]
    platforms: tuple[str, ...]
    patterns: tuple[str, ...]
    exceptions: tuple[str, ...]
    action: Action | None


@dataclass(frozen=True, slots=True)
class LocationVerdict:
    verdict: Verdict
    rule_id: str | None
    pattern: str | None
    action: Action | None


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    label: str
    kind: str  # "text" | "date"


@dataclass(frozen=True, slots=True)
class LegalBasisSpec:
    id: str
    title: str
    fields: tuple[FieldSpec, ...]
    min_documents: int


@dataclass(frozen=True, slots=True)
class ApprovedRecipient:
    name: str
    org: str
    age_key: str


@dataclass(frozen=True, slots=True)
class TransferSettings:
    cites: tuple[str, ...]
    bases: Mapping[str, LegalBasisSpec]
    default_retention_days: int
    approved_recipients: tuple[ApprovedRecipient, ...]


@dataclass(frozen=True, slots=True)
class KeySettings:
    cites: tuple[str, ...]
    passphrase_min_length: int
    passphrase_require: tuple[str, ...]
    max_key_age_days: int
    idle_unlock_minutes: int


@dataclass(frozen=True, slots=True)
class QuarantineSettings:
    cites: tuple[str, ...]
    vault: str
    icts_recipient: str


@dataclass(frozen=True, slots=True)
class AuditSettings:
    cites: tuple[str, ...]
    path_privacy: str  # "hash" | "mask" | "plain"


@dataclass(frozen=True, slots=True)
class Policy:
    meta: PolicyMeta
    scanner: ScannerSettings
    classes: tuple[DataClass, ...]
    thresholds: Mapping[str, float]
    identifiers: tuple[IdentifierSpec, ...]
    locations: tuple[LocationRule, ...]
    transfer: TransferSettings
    keys: KeySettings
    quarantine: QuarantineSettings
    audit: AuditSettings

    # -- classes of protected data (R1, R3) -----------------------------------------
    def entity_threshold(self, entity: str) -> float:
        return classification.threshold(self.thresholds, entity)

    def classify(self, findings: Iterable[Finding]) -> tuple[str, ...]:
        """The class ids the findings of one file (with its archive members) add up to."""
        return classification.classify(self.classes, self.thresholds, findings)

    def blocking_classes(self, class_ids: Iterable[str]) -> tuple[str, ...]:
        """Those of `class_ids` the watcher blocks (R3)."""
        blocking = {c.id for c in self.classes if c.watcher_blocks}
        return tuple(sorted(set(class_ids) & blocking))

    def class_by_id(self, class_id: str) -> DataClass | None:
        return next((c for c in self.classes if c.id == class_id), None)

    # -- locations (R2, R3) ---------------------------------------------------------
    def judge_path(
        self,
        path: str | PurePath,
        *,
        platform: str | None = None,
        home: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> LocationVerdict:
        """Approved, blocked or neutral, and the rule that decided."""
        return locations.judge(self.locations, str(path), locations.context(platform, home, env))

    def watch_roots(
        self,
        *,
        platform: str | None = None,
        home: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> tuple[str, ...]:
        """Folders under which blocked locations appear (the literal prefix of each pattern)."""
        return locations.watch_roots(self.locations, locations.context(platform, home, env))

    # -- third-party transfer (R1) --------------------------------------------------
    def check_legal_basis(
        self, basis: str, fields: Mapping[str, str], documents: Sequence[str]
    ) -> tuple[str, ...]:
        """Every item the release still lacks under this policy; empty when complete."""
        return legal.missing_items(self.transfer.bases, basis, fields, documents)

    def require_legal_basis(
        self, basis: str, fields: Mapping[str, str], documents: Sequence[str]
    ) -> None:
        missing = self.check_legal_basis(basis, fields, documents)
        if missing:
            raise LegalBasisIncomplete(basis, missing)

    # -- keys and log-in (R5) -------------------------------------------------------
    def check_passphrase(self, passphrase: str) -> tuple[str, ...]:
        return passphrases.problems(
            passphrase, self.keys.passphrase_min_length, self.keys.passphrase_require
        )

    def require_passphrase(self, passphrase: str) -> None:
        problems = self.check_passphrase(passphrase)
        if problems:
            raise WeakPassphrase(problems)
