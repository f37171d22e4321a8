"""Rule R1/R3's first question: is this file a record at all?

A class matches when any of its rules does. Findings below their entity's
threshold do not count, so a weak guess cannot make a file a record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from scanners.findings import Finding

if TYPE_CHECKING:
    from policies.model import ClassRule, DataClass

DEFAULT_THRESHOLD = 0.5


def threshold(thresholds: Mapping[str, float], entity: str) -> float:
    return thresholds.get(entity, DEFAULT_THRESHOLD)


def best_scores(thresholds: Mapping[str, float], findings: Iterable[Finding]) -> dict[str, float]:
    """The highest score per entity among findings that pass their threshold."""
    best: dict[str, float] = {}
    for finding in findings:
        if finding.score >= threshold(thresholds, finding.entity):
            best[finding.entity] = max(best.get(finding.entity, 0.0), finding.score)
    return best


def rule_matches(rule: ClassRule, best: Mapping[str, float]) -> bool:
    def present(entity: str) -> bool:
        return best.get(entity, 0.0) >= rule.min_score

    return (
        all(present(e) for e in rule.all_of)
        and (not rule.any_of or any(present(e) for e in rule.any_of))
        and not any(e in best for e in rule.none_of)
    )


def classify(
    classes: Sequence[DataClass], thresholds: Mapping[str, float], findings: Iterable[Finding]
) -> tuple[str, ...]:
    best = best_scores(thresholds, findings)
    return tuple(sorted(c.id for c in classes if any(rule_matches(r, best) for r in c.rules)))
