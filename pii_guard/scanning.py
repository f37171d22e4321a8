"""Wiring: the policy in force configures the scanner and classifies what it finds.

`scanners` knows no policy and `policies` knows no scanner; this module is where
the district's identifiers, thresholds and spaCy model reach the scanner, and
where a file's findings (with its archive members') become class ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from policies import Policy
from scanners import FileReport, IdentifierPattern, Scanner, ScannerConfig


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
    classes: set[str] = set()
    for report in reports:
        classes.update(policy.classify(report.findings))
    return tuple(sorted(classes))


def report_classes(policy: Policy, report: FileReport) -> tuple[str, ...]:
    """The classes of one report (a file or one archive member) on its own."""
    return policy.classify(report.findings)
