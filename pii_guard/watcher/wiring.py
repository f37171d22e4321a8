"""Build the watcher from the real parts: the policy, the scanner, age.

The only module of the watcher that knows the policy, scanner and transport
APIs; everything else sees the seams in `ports.py`.
"""

from __future__ import annotations

import getpass
import socket
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pii_guard.paths import cache_dir
from pii_guard.scanning import classify_reports, scanner_for_policy
from pii_guard.watcher.encryption import AgeEncryptor
from pii_guard.watcher.locations import PolicyJudge, default_journal, policy_label, vault_for
from pii_guard.watcher.plan import WatchSpec
from pii_guard.watcher.ports import Classification, Notifier
from pii_guard.watcher.quarantine import FaultPlan, Identity, Quarantiner
from pii_guard.watcher.service import Watcher, WatchSettings
from policies import LoadedPolicy, Policy
from scanners import Scanner, ScanStatus

DEFAULT_CONTACT = "the district's ICTS help desk"


class PolicyClassifier:
    """Scan (archive members too) and say which of the policy's classes a file holds."""

    def __init__(self, policy: Policy, scanner: Scanner) -> None:
        self.policy = policy
        self.scanner = scanner

    def classify(self, path: Path) -> Classification:
        reports = self.scanner.scan_file(path)
        if not reports:
            return Classification(error="the scanner returned nothing")
        top = reports[0]
        if top.status is ScanStatus.ERROR:
            return Classification(error=top.error or "could not be read", sha256=top.sha256)
        classes = classify_reports(self.policy, reports)
        counts = Counter(f.entity for report in reports for f in report.findings)
        return Classification(
            classes=classes,
            blocking=self.policy.blocking_classes(classes),
            entity_counts=dict(sorted(counts.items())),
            sha256=top.sha256,
        )


def build_watcher(
    loaded: LoadedPolicy,
    notifier: Notifier,
    *,
    scanner: Scanner | None = None,
    settings: WatchSettings | None = None,
    contact: str = DEFAULT_CONTACT,
    on_plan: Callable[[frozenset[WatchSpec]], None] = lambda plan: None,
) -> Watcher:
    policy = loaded.policy
    # The scan cache (masked values only) spares rescanning unchanged files at each start.
    scanner = scanner or scanner_for_policy(policy, cache_dir=cache_dir() / "scan")
    quarantiner = Quarantiner(
        vault_for(policy).ensure(),
        default_journal(),
        AgeEncryptor(policy.quarantine.icts_recipient),
        Identity(getpass.getuser(), socket.gethostname(), policy_label(loaded), contact),
        faults=FaultPlan.from_env(),
    )
    return Watcher(
        PolicyJudge(policy),
        PolicyClassifier(policy, scanner),
        quarantiner,
        notifier,
        settings=settings,
        path_privacy=policy.audit.path_privacy,
        on_plan=on_plan,
    )
