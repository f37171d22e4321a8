"""Wiring: the policy in force configures the scanner and classifies what it finds.

`scanners` knows no policy and `policies` knows no scanner; this module is where
the district's identifiers, thresholds and spaCy model reach the scanner, and
where a file's findings (with its archive members') become class ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from policies import Policy
from scanners import (
    MEMBER_SEPARATOR,
    FileReport,
    IdentifierPattern,
    NameDecision,
    Scanner,
    ScannerConfig,
)


def scanner_config_for_policy(
    policy: Policy, *, cache_dir: Path | None = None, every_name: bool = False
) -> ScannerConfig:
    return ScannerConfig(
        spacy_model=policy.scanner.spacy_model,
        identifiers=tuple(
            IdentifierPattern(
                entity=spec.entity,
                name=spec.name,
                pattern=spec.pattern,
                score=spec.score,
                context=tuple(spec.context),
                validator=spec.validator,
            )
            for spec in policy.identifiers
        ),
        thresholds=dict(policy.thresholds),
        cache_dir=cache_dir,
        every_name=every_name,
        name_decisions=name_decisions(policy),
    )


def name_decisions(policy: Policy) -> tuple[NameDecision, ...]:
    """The rules of the classes that block or need a legal basis, where a name is the
    missing part: the scanner spends NER only where it could change such a decision.
    A class that is only logged (directory information) does not load the model."""
    return tuple(
        NameDecision(
            requires=frozenset(rule.all_of) - {"PERSON"},
            any_of=frozenset(rule.any_of),
            excludes=frozenset(rule.none_of),
            min_score=rule.min_score,
        )
        for data_class in policy.classes
        if data_class.watcher_blocks or data_class.release_requires_basis
        for rule in data_class.rules
        if "PERSON" in rule.all_of
    )


def scanner_for_policy(
    policy: Policy, *, cache_dir: Path | None = None, every_name: bool = False
) -> Scanner:
    """A scanner that looks for what this policy cares about, at its thresholds."""
    return Scanner(scanner_config_for_policy(policy, cache_dir=cache_dir, every_name=every_name))


def classify_reports(policy: Policy, reports: Iterable[FileReport]) -> tuple[str, ...]:
    """The classes of one file with its archive members and attachments.

    Each document is classified on its own and the classes are united: a zip holding
    a new-hire form and a student's health plan holds a student record (the employee
    context of one member must not excuse the other), and a name in one member does
    not make a stranger's card number in another a record of that person.
    """
    return united_classes(report_classes(policy, report) for report in reports)


def united_classes(each: Iterable[Sequence[str]]) -> tuple[str, ...]:
    """The classes of a file from those of its documents (see `classify_reports`), for
    a caller that needs each document's classes as well."""
    return tuple(sorted({c for classes in each for c in classes}))


def classes_with_members(
    reports: Sequence[FileReport], each: Sequence[Sequence[str]]
) -> list[tuple[str, ...]]:
    """Each report's classes (`each`, in the same order) united with those of the
    members inside it, at any depth: an e-mail whose attachment is a payroll file holds
    a 93H record, and its own line in a scan report says so. The member keeps its own
    line ("mail.eml!payroll.xlsx") with its own classes."""
    united = {report.path: set(classes) for report, classes in zip(reports, each, strict=True)}
    for report, classes in zip(reports, each, strict=True):
        parts = report.path.split(MEMBER_SEPARATOR)
        for depth in range(1, len(parts)):
            container = united.get(MEMBER_SEPARATOR.join(parts[:depth]))
            if container is not None:
                container.update(classes)
    return [tuple(sorted(united[report.path])) for report in reports]


def report_classes(policy: Policy, report: FileReport) -> tuple[str, ...]:
    """The classes of one report (a file or one archive member) on its own."""
    return policy.classify(report.findings)
