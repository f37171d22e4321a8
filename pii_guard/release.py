"""Releases to third parties (rule R1): the wiring of policy, scanner, keys and packages.

`transport.package` knows how to build and check a `.pgrel` but nothing of the
district's policy or of scanning. This module supplies both: it scans the
records so the manifest can state their classes and entity counts, masks file
names that name a person, refuses a release whose legal basis the policy finds
incomplete or whose recipient is unknown, and adds the policy's checks
(legal basis, known recipients) to verification. Every outcome is audited.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pii_guard import __version__, audit
from pii_guard.errors import PiiGuardError
from policies import Policy, load_policy
from scanners.findings import FileReport, Finding, mask
from transport.age import X25519Identity, X25519Recipient
from transport.bagit import PayloadFile, SourceChangedError
from transport.checks import (
    Check,
    ExtraCheck,
    PackageRejectedError,
    VerificationReport,
    failed,
    passed,
)
from transport.errors import TransportError
from transport.manifest import FileEntry, LegalBasis, Manifest, PolicyRef, Recipient, Sender
from transport.package import (
    DOCUMENTS_DIR,
    RECORDS_DIR,
    Opened,
    create_package,
    hash_file,
    open_package,
    verify_package,
)
from transport.trust import AllowedSigners

if TYPE_CHECKING:
    from scanners import Scanner

# Signals about a whole document, not values in it: they never make a name personal.
DOCUMENT_SIGNALS = frozenset({"EDUCATION_RECORD", "STUDENT_CONTEXT", "EMPLOYEE_CONTEXT"})
_NAME_SEPARATORS = re.compile(r"[_\-./+]")


@dataclass(frozen=True, slots=True)
class ReleaseRequest:
    """What `pii-guard release create` was asked to do."""

    inputs: tuple[Path, ...]
    recipients: tuple[str, ...]
    basis: str
    documents: tuple[Path, ...]
    purpose: str
    out: Path
    fields: Mapping[str, str] = field(default_factory=dict)
    destroy_by: date | None = None
    passphrase_file: Path | None = None


@dataclass(frozen=True, slots=True)
class _Input:
    source: Path
    bag_path: str  # relative to records/ or legal-basis/
    size: int
    sha256: str


def _refuse(reason: str, **details: object) -> None:
    audit.record(audit.EventType.RELEASE_REFUSED, {"reason": reason, **details})


def _walk(path: Path) -> Iterator[tuple[Path, str]]:
    """Regular files under an input, with their names relative to the input's parent."""
    if path.is_symlink() or not (path.is_file() or path.is_dir()):
        raise PiiGuardError(
            f"{path}: not a regular file or directory (links and devices are not released)"
        )
    if path.is_file():
        yield path, path.name
        return
    for child in sorted(path.rglob("*")):
        if child.is_symlink() or not (child.is_file() or child.is_dir()):
            raise PiiGuardError(
                f"{child}: not a regular file or directory (links and devices are not released)"
            )
        if child.is_file():
            yield child, f"{path.name}/{child.relative_to(path).as_posix()}"


def _unique_names(pairs: Iterable[tuple[Path, str]]) -> None:
    seen: set[str] = set()
    for source, name in pairs:
        if name in seen:
            raise PiiGuardError(
                f"{source}: two inputs would both be released as {name!r}", hint="rename one"
            )
        seen.add(name)


def _size(source: Path) -> int:
    try:
        return source.stat().st_size
    except OSError as error:
        raise PiiGuardError(f"{source}: cannot be read: {error.strerror}") from error


def _scanned(scanner: Scanner, source: Path, name: str) -> tuple[_Input, list[FileReport]]:
    """Scan a record; the scan is its hashing pass (the scanner hashes what it reads).

    Only where the scanner could not give a digest (a file it skipped unread,
    e.g. too large to scan) is the record hashed separately.
    """
    size = _size(source)
    reports = scanner.scan_file(source)
    digest = reports[0].sha256 if reports else None
    if digest is None:
        size, digest = _hash(source)
    elif _size(source) != size:
        raise SourceChangedError(f"{source}: changed while it was scanned; release aborted")
    return _Input(source, name, size, digest), reports


def _hash(source: Path) -> tuple[int, str]:
    try:
        return hash_file(source)
    except OSError as error:
        raise PiiGuardError(f"{source}: cannot be read: {error.strerror}") from error


def _hashed(pairs: Iterable[tuple[Path, str]]) -> list[_Input]:
    """Legal-basis documents are not scanned for content: they get a hashing pass."""
    pairs = list(pairs)
    _unique_names(pairs)
    return [_Input(source, name, *_hash(source)) for source, name in pairs]


def personal_findings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.entity not in DOCUMENT_SIGNALS]


def mask_name(name: str, findings: Iterable[Finding]) -> tuple[str, bool]:
    """`name` with every personal value the scanner found in it masked.

    The scanner saw the name with separators turned into spaces (same length),
    so a finding's value locates the span to hide in the original name.
    """
    text = _NAME_SEPARATORS.sub(" ", name)
    hidden = list(name)
    masked = False
    for finding in personal_findings(findings):
        value = finding.value.strip()
        if not value:
            continue
        for match in re.finditer(re.escape(value), text):
            replacement = mask(name[match.start() : match.end()])
            hidden[match.start() : match.end()] = list(replacement)
            masked = True
    if not masked:
        return name, False
    result = "".join(hidden)
    return (result if result != name else "*" * len(name)), True


def _entity_counts(reports: Iterable[FileReport]) -> dict[str, int]:
    return dict(Counter(f.entity for report in reports for f in report.findings))


def _resolve_recipients(names: Sequence[str], policy: Policy) -> list[Recipient]:
    from pii_guard.recipients import Registry

    approved = {r.name: r for r in policy.transfer.approved_recipients}
    registry = Registry.load()
    resolved: list[Recipient] = []
    for name in dict.fromkeys(names):  # each recipient once, in the order given
        if name in approved:
            entry = approved[name]
            resolved.append(Recipient(entry.name, entry.org, entry.age_key))
            continue
        try:
            known = registry.get(name)
        except PiiGuardError:
            _refuse("unknown recipient", recipient=name)
            raise PiiGuardError(
                f"unknown recipient {name!r}: not in the recipient registry "
                "or the policy's approved list",
                hint=f"add it first: pii-guard recipients add {name} --age-key age1... --org ORG",
            ) from None
        resolved.append(Recipient(known.name, known.org, known.age_key))
    return resolved


def _known_recipient_keys(policy: Policy) -> dict[str, str]:
    from pii_guard.recipients import Registry

    keys = {r.age_key: r.name for r in policy.transfer.approved_recipients}
    keys.update({entry.age_key: entry.name for entry in Registry.load().list()})
    return keys


def create_release(request: ReleaseRequest, *, now: datetime | None = None) -> Manifest:
    """Scan, check, package and sign a release; raise a domain error naming what is wrong."""
    from pii_guard.identity import load_user_keys
    from pii_guard.policy_in_force import enforce_policy
    from pii_guard.scanning import classify_reports, scanner_for_policy

    now = (now or datetime.now(UTC)).replace(microsecond=0)
    loaded = enforce_policy()
    policy = loaded.policy
    for document in request.documents:
        if not document.is_file():
            _refuse("legal-basis document missing", basis=request.basis)
            raise PiiGuardError(f"{document}: legal-basis document not found or not a file")
    missing = policy.check_legal_basis(
        request.basis, request.fields, [d.name for d in request.documents]
    )
    if missing:
        _refuse("legal basis incomplete", basis=request.basis, missing=list(missing))
        policy.require_legal_basis(
            request.basis, request.fields, [d.name for d in request.documents]
        )
    recipients = _resolve_recipients(request.recipients, policy)
    destroy_by = (
        request.destroy_by or (now + timedelta(days=policy.transfer.default_retention_days)).date()
    )
    if destroy_by <= now.date():
        raise PiiGuardError(f"destroy-by date {destroy_by} is not in the future")
    if not request.inputs:
        raise PiiGuardError("nothing to release: name at least one file or directory")
    if request.out.exists():
        raise PiiGuardError(f"{request.out}: already exists; refusing to overwrite it")

    scanner = scanner_for_policy(policy)
    purpose_hits = personal_findings(scanner.scan_text(request.purpose))
    if purpose_hits:
        kinds = ", ".join(sorted({f.entity for f in purpose_hits}))
        _refuse("purpose holds personal information", entities=kinds)
        raise PiiGuardError(
            f"--purpose holds personal information ({kinds}); the manifest must not",
            hint="describe the purpose without names or identifiers",
        )
    inputs = [pair for path in request.inputs for pair in _walk(path)]
    _unique_names(inputs)
    keys = load_user_keys(policy, passphrase_file=request.passphrase_file)
    # First pass: the scan reads and hashes every record (FileReport.sha256); the
    # second pass (encrypting) must see the same bytes, or the release aborts.
    scanned = [_scanned(scanner, source, name) for source, name in inputs]
    records = [item for item, _ in scanned]
    documents = _hashed((d, d.name) for d in request.documents)

    def entry(item: _Input, reports: list[FileReport]) -> FileEntry:
        name, masked = mask_name(
            item.bag_path, scanner.scan_text(_NAME_SEPARATORS.sub(" ", item.bag_path))
        )
        return FileEntry(
            name,
            masked,
            item.size,
            item.sha256,
            classify_reports(policy, reports),
            _entity_counts(reports),
        )

    files = tuple(entry(item, reports) for item, reports in scanned)
    docs = tuple(
        FileEntry(
            *mask_name(d.bag_path, scanner.scan_text(_NAME_SEPARATORS.sub(" ", d.bag_path))),
            d.size,
            d.sha256,
        )
        for d in documents
    )
    totals: Counter[str] = Counter()
    for item in files:
        totals.update(item.entities)
    manifest = Manifest(
        release_id=str(uuid.uuid4()),
        created=now,
        sender=Sender(keys.name, keys.email, keys.fingerprint),
        recipients=tuple(recipients),
        legal_basis=LegalBasis(request.basis, dict(request.fields), docs),
        purpose=" ".join(request.purpose.split()),
        classes=tuple(sorted({c for item in files for c in item.classes})),
        entities=dict(totals),
        files=files,
        destroy_by=destroy_by,
        policy=PolicyRef(policy.meta.id, str(policy.meta.version), loaded.sha256),
        tool_version=__version__,
    )
    contents = [
        PayloadFile(f"{RECORDS_DIR}/{r.bag_path}", r.source, r.size, r.sha256) for r in records
    ]
    contents += [
        PayloadFile(f"{DOCUMENTS_DIR}/{d.bag_path}", d.source, d.size, d.sha256) for d in documents
    ]
    try:
        final = create_package(
            request.out,
            manifest,
            contents,
            signing_key=keys.signing_key,
            recipients=[X25519Recipient.parse(r.age_key) for r in recipients],
        )
    except SourceChangedError:
        _refuse("a record changed while it was released", basis=request.basis)
        raise
    audit.record(
        audit.EventType.RELEASE_CREATED,
        {
            "release_id": final.release_id,
            "package": audit.redact_path(str(request.out), policy.audit.path_privacy),
            "recipients": [r.name for r in recipients],
            "basis": request.basis,
            "files": len(files),
            "classes": list(final.classes),
            "destroy_by": destroy_by.isoformat(),
        },
        privacy=policy.audit.path_privacy,
    )
    return final


# --------------------------------------------------------------------------- verify / open


def _legal_basis_check(policy: Policy) -> tuple[str, ExtraCheck]:
    def check(manifest: Manifest) -> Check:
        basis = manifest.legal_basis
        bases = policy.transfer.bases
        if basis.type not in bases:
            return failed("legal-basis", f"{basis.type!r} is not a legal basis this policy accepts")
        missing = policy.check_legal_basis(
            basis.type, basis.fields, [d.name for d in basis.documents]
        )
        if missing:
            return failed(
                "legal-basis", f"{basis.type} is incomplete: missing {', '.join(missing)}"
            )
        return passed(
            "legal-basis",
            f"{bases[basis.type].title}: every field and "
            f"{len(basis.documents)} document(s) present",
        )

    return "legal-basis", check


def _recipients_check(policy: Policy) -> tuple[str, ExtraCheck]:
    known = _known_recipient_keys(policy)

    def check(manifest: Manifest) -> Check:
        if not manifest.recipients:
            return failed("recipients", "the manifest names no recipient")
        unknown = [r.name for r in manifest.recipients if r.age_key not in known]
        if unknown:
            return failed(
                "recipients",
                f"not in the registry or the policy's approved list: {', '.join(unknown)}",
            )
        return passed(
            "recipients", "known: " + ", ".join(f"{r.name} ({r.org})" for r in manifest.recipients)
        )

    return "recipients", check


def _signers(signers_file: Path | None) -> AllowedSigners:
    from pii_guard.identity import trusted_signers

    if signers_file is None:
        return trusted_signers()
    try:
        return AllowedSigners.load(signers_file)
    except OSError as error:
        raise PiiGuardError(
            f"{signers_file}: cannot read allowed signers: {error.strerror}"
        ) from error


def verify_release(
    path: Path, *, signers_file: Path | None = None, now: datetime | None = None
) -> VerificationReport:
    """Every check of `release verify`; the caller decides how to show a failure."""
    from pii_guard.identity import revocations

    policy = load_policy().policy
    report = verify_package(
        path,
        signers=_signers(signers_file),
        revocations=revocations(),
        extra_checks=[_legal_basis_check(policy), _recipients_check(policy)],
        now=now,
    )
    audit.record(
        audit.EventType.RELEASE_VERIFIED,
        {
            "package": audit.redact_path(str(path), policy.audit.path_privacy),
            "release_id": report.manifest.release_id if report.manifest else None,
            "ok": report.ok,
            "failed": list(report.failed),
        },
        privacy=policy.audit.path_privacy,
    )
    return report


def load_identity_file(path: Path) -> list[X25519Identity]:
    """age identities from a file as `age-keygen` writes it (comments and blank lines allowed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PiiGuardError(f"{path}: cannot read the identity file: {error}") from error
    identities = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            identities.append(X25519Identity.parse(line))
        except TransportError as error:
            raise PiiGuardError(f"{path}:{number}: not an age X25519 identity: {error}") from error
    if not identities:
        raise PiiGuardError(f"{path}: holds no AGE-SECRET-KEY-1 identity")
    return identities


def open_release(
    path: Path,
    dest: Path,
    *,
    identity_file: Path | None = None,
    signers_file: Path | None = None,
    passphrase_file: Path | None = None,
    now: datetime | None = None,
) -> Opened:
    """Verify, decrypt, extract and validate a package into `dest`."""
    from pii_guard.identity import load_user_keys, revocations

    loaded = load_policy()
    policy = loaded.policy
    if identity_file is not None:
        identities = load_identity_file(identity_file)
    else:
        keys = load_user_keys(policy, passphrase_file=passphrase_file)
        identities = [keys.age_identity, *keys.previous_age_identities]
    try:
        opened = open_package(
            path,
            dest,
            identities,
            signers=_signers(signers_file),
            revocations=revocations(),
            extra_checks=[_legal_basis_check(policy)],
            now=now,
        )
    except TransportError as error:
        # Not the message: it names paths, which the policy may want hashed.
        failed_checks = list(error.report.failed) if isinstance(error, PackageRejectedError) else []
        _refuse(
            "open failed",
            package=audit.redact_path(str(path), policy.audit.path_privacy),
            error=type(error).__name__,
            failed=failed_checks,
        )
        raise
    audit.record(
        audit.EventType.RELEASE_OPENED,
        {
            "release_id": opened.manifest.release_id,
            "package": audit.redact_path(str(path), policy.audit.path_privacy),
            "into": audit.redact_path(str(opened.bag), policy.audit.path_privacy),
        },
        privacy=policy.audit.path_privacy,
    )
    return opened
