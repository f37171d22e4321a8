"""The `.pgrel` release package: create, verify, open.

A package is an uncompressed POSIX tar of exactly three regular files:

    payload.age         age v1 (X25519) encryption of a tar of a BagIt bag
    manifest.json       pii-guard/release/v1, canonical JSON, with the payload's size and SHA-256
    manifest.json.sig   SSHSIG over manifest.json, namespace pii-guard-release

so a recipient needs only `tar`, `age` and `ssh-keygen`, and legal staff can
verify everything but the plaintext without a decryption key.

Creating streams: the records are hashed (first pass: the CLI's scan, or
`hash_file`), the manifest is built from those digests, then the bag is
produced and encrypted straight into a temporary file beside the output
(second pass: each record is read once into the encryptor's own buffer, hashed
there and checked against its first-pass digest). That pass is a pipeline of
threads, since SHA-256, ChaCha20-Poly1305 and file I/O all release the GIL:
reading and re-hashing, sealing, hashing payload.age, and writing its pages,
with O_DIRECT where the filesystem allows (`transport._direct_io`). Only when
everything is written and synced is the temp file renamed into place.

Opening streams too: the payload is decrypted into a pipe that the bag
extractor reads, into a private work directory inside the destination, which
is moved into place only after every check has passed.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import os
import secrets
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from transport import age, sshsig
from transport._direct_io import BlockWriter
from transport._tar import (
    BLOCK,
    END_OF_ARCHIVE,
    USTAR_MAX_SIZE,
    ContainerMember,
    TarFormatError,
    file_header,
    iter_entries,
    padding,
    read_container_index,
)
from transport.bagit import Bag, BagInvalidError, BagStream, PayloadFile, extract_bag
from transport.checks import (
    Check,
    CheckStatus,
    ExtraCheck,
    PackageRejectedError,
    VerificationReport,
    failed,
    passed,
)
from transport.errors import TransportError, VerificationError
from transport.keys import ssh_fingerprint
from transport.manifest import Manifest, ManifestError, Payload, parse_manifest


class Signers(Protocol):
    """Who may sign releases (transport.trust.AllowedSigners)."""

    def principals_for(
        self, key: Ed25519PublicKey, *, namespace: str | None = None, at: datetime | None = None
    ) -> tuple[str, ...]: ...


class Revocations(Protocol):
    """When keys were revoked (transport.trust.RevocationList)."""

    def revoked_at(self, fingerprint: str) -> datetime | None: ...


NAMESPACE = "pii-guard-release"
PAYLOAD_NAME = "payload.age"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.sig"
MEMBERS = (PAYLOAD_NAME, MANIFEST_NAME, SIGNATURE_NAME)
INNER_MANIFEST = "pii-guard-manifest.json"  # tag file in the bag: the manifest minus payload
RECORDS_DIR = "records"
DOCUMENTS_DIR = "legal-basis"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_SIGNATURE_BYTES = 16 * 1024
MAX_MEMBERS_LISTED = 16  # read a few extra members so the report can name them
_READ = 1 << 20
_HASH_READ = 4 << 20


# --------------------------------------------------------------------------- create


def hash_file(path: Path) -> tuple[int, str]:
    """Size and SHA-256 of a file: the hashing pass, for callers that have not scanned it.

    (`pii-guard release create` takes the digests from its scan instead: the
    scan already read every byte.)
    """
    digest = hashlib.sha256()
    size = 0
    buffer = memoryview(bytearray(_HASH_READ))
    with path.open("rb", buffering=0) as handle:
        while got := handle.readinto(buffer):
            digest.update(buffer[:got])
            size += got
    return size, digest.hexdigest()


class _PayloadDigest:
    """A sink that counts and hashes payload.age as the container goes by (for the manifest)."""

    def __init__(self, start: int) -> None:
        self.digest = hashlib.sha256()
        self.size = 0
        self._start = start  # where payload.age starts in the container

    def __call__(self, offset: int, data: memoryview) -> None:
        data = data[max(0, self._start - offset) :]
        self.digest.update(data)
        self.size += len(data)


def bag_name_for(manifest: Manifest) -> str:
    return f"pgrel-{manifest.release_id}"


def bag_info_for(manifest: Manifest) -> list[tuple[str, str]]:
    """bag-info.txt: a human summary of the legal basis (no personal information)."""
    info = [
        ("Bag-Software-Agent", f"pii-guard {manifest.tool_version}"),
        ("Bagging-Date", manifest.created.date().isoformat()),
        ("External-Identifier", manifest.release_id),
        ("Internal-Sender-Description", manifest.purpose),
        ("Contact-Name", manifest.sender.name),
        ("Contact-Email", manifest.sender.email),
        ("Legal-Basis", manifest.legal_basis.type),
    ]
    info += [
        (f"Legal-Basis-{key}", value) for key, value in sorted(manifest.legal_basis.fields.items())
    ]
    info += [
        ("Legal-Basis-Document", f"{doc.name} sha256:{doc.sha256}")
        for doc in manifest.legal_basis.documents
    ]
    info += [("Recipient", f"{r.name} ({r.org})") for r in manifest.recipients]
    info += [
        ("Destroy-By", manifest.destroy_by.isoformat()),
        (
            "Policy",
            f"{manifest.policy.id} {manifest.policy.version} sha256:{manifest.policy.sha256}",
        ),
    ]
    return info


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _publish(temp: Path, out: Path) -> None:
    """Move the finished temp file to `out`, never replacing a file that appeared meanwhile."""
    try:
        os.link(temp, out)  # atomic, and fails if `out` exists
    except FileExistsError:
        raise TransportError(
            f"{out}: appeared while the package was written; not replaced"
        ) from None
    except OSError:  # a filesystem without hard links: rename, after one last look
        if out.exists():
            raise TransportError(f"{out}: appeared while the package was written") from None
        temp.replace(out)
        return
    temp.unlink()


def _write_package(
    fd: int,
    manifest: Manifest,
    contents: Sequence[PayloadFile],
    signing_key: Ed25519PrivateKey,
    recipients: Sequence[age.X25519Recipient],
    created: int,
) -> Manifest:
    """Write the whole container into the empty file at `fd` and fsync it.

    Three threads besides this one (see `age.encrypt_pipelined`): this one reads the
    records into the encryptor's buffers through `bag`, which hashes them there and
    checks them against the first pass; one seals; one hashes payload.age for the
    manifest; one writes the container's pages to the disk (`BlockWriter`).
    payload.age's tar header comes last, at offset 0, once its size is known.
    """
    writer = BlockWriter(fd)
    payload = _PayloadDigest(BLOCK)
    bag = BagStream(
        bag_name_for(manifest),
        contents,
        bag_info=bag_info_for(manifest),
        extra_tags={INNER_MANIFEST: manifest.inner_bytes()},
        mtime=created,
    )
    try:
        # payload.age's header block is zeros for now: its size is known only at the end
        age.encrypt_pipelined(
            bag,  # type: ignore[arg-type]
            recipients,
            [payload, writer.write_at],
            lead=bytes(BLOCK),
        )
    finally:
        bag.close()
    final = replace(manifest, payload=Payload(payload.size, payload.digest.hexdigest()))
    manifest_bytes = final.to_bytes()
    signature = sshsig.sign(manifest_bytes, signing_key, NAMESPACE).encode("ascii")
    tail = [padding(payload.size)]
    for name, data in ((MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, signature)):
        tail += [file_header(name, len(data), created, pax=False), data, padding(len(data))]
    tail.append(END_OF_ARCHIVE)
    writer.write_at(BLOCK + payload.size, b"".join(tail))
    writer.write_at(0, file_header(PAYLOAD_NAME, payload.size, created, pax=False))
    os.fsync(fd)
    return final


def create_package(
    out: Path,
    manifest: Manifest,
    contents: Sequence[PayloadFile],
    *,
    signing_key: Ed25519PrivateKey,
    recipients: Sequence[age.X25519Recipient],
) -> Manifest:
    """Write the package atomically and return its manifest (now with the payload digest).

    `manifest` describes `contents` (digests from the first pass); `contents`
    are the bag's payload files (records under records/, documents under
    legal-basis/). Raises SourceChangedError if a file changed since it was hashed,
    and leaves no output behind on any error.
    """
    if manifest.payload is not None:
        raise TransportError("the manifest already names a payload")
    if not recipients:
        raise TransportError("a release needs at least one recipient")
    if out.exists():
        raise TransportError(f"{out}: already exists; refusing to overwrite it")
    # A plain ustar member holds < 8 GiB; age adds 16 bytes per 64 KiB, tar its headers.
    estimate = sum(c.size + 3 * BLOCK for c in contents) * (1 + 16 / 65536) + (1 << 20)
    if estimate > USTAR_MAX_SIZE:
        raise TransportError(
            f"{sum(c.size for c in contents)} bytes is too much for one package (8 GiB at most); "
            "split the release"
        )
    created = int(manifest.created.timestamp())
    temp = out.parent / f".{out.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            final = _write_package(fd, manifest, contents, signing_key, recipients, created)
        finally:
            os.close(fd)
        _publish(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(out.parent)
    return final


# --------------------------------------------------------------------------- verify


class _Window(io.RawIOBase):
    """A read-only view of `size` bytes at `offset` of an open file, hashed as it is read."""

    def __init__(self, handle: BinaryIO, offset: int, size: int) -> None:
        self._handle = handle
        self._offset = offset
        self._left = size
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._left <= 0:
            return 0
        self._handle.seek(self._offset)
        data = self._handle.read(min(len(buffer), self._left))
        buffer[: len(data)] = data
        self.digest.update(data)
        self._offset += len(data)
        self._left -= len(data)
        return len(data)


@dataclass(slots=True)
class _Opened:
    members: dict[str, ContainerMember]
    manifest_bytes: bytes
    signature: str


def _read_structure(handle: BinaryIO, total: int) -> _Opened:
    members = read_container_index(handle, total, max_members=MAX_MEMBERS_LISTED)
    names = [m.name for m in members]
    problems = []
    for name in sorted(set(names)):
        if names.count(name) > 1:
            problems.append(f"{name} appears {names.count(name)} times")
    extra = sorted(set(names) - set(MEMBERS))
    missing = [name for name in MEMBERS if name not in names]
    if extra:
        problems.append("unexpected member(s) " + ", ".join(extra))
    if missing:
        problems.append("missing member(s) " + ", ".join(missing))
    if problems:
        raise TarFormatError("; ".join(problems))
    by_name = {m.name: m for m in members}
    if by_name[MANIFEST_NAME].size > MAX_MANIFEST_BYTES:
        raise TarFormatError(f"{MANIFEST_NAME} is implausibly large")
    if by_name[SIGNATURE_NAME].size > MAX_SIGNATURE_BYTES:
        raise TarFormatError(f"{SIGNATURE_NAME} is implausibly large")
    texts = {}
    for name in (MANIFEST_NAME, SIGNATURE_NAME):
        handle.seek(by_name[name].offset)
        texts[name] = handle.read(by_name[name].size)
    try:
        signature = texts[SIGNATURE_NAME].decode("ascii")
    except UnicodeDecodeError as error:
        raise TarFormatError(f"{SIGNATURE_NAME} is not ASCII armor") from error
    return _Opened(by_name, texts[MANIFEST_NAME], signature)


_ARMOR_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_ARMOR_END = "-----END SSH SIGNATURE-----"


def _require_canonical_armor(text: str) -> None:
    """Accept the signature only in the exact form `ssh-keygen -Y sign` writes.

    Armor parsers forgive stray whitespace, case and trailing bytes; a signed
    package must not have bytes that can change without any check noticing.
    """
    lines = text.split("\n")
    body = lines[1:-2]
    width = len(body[0]) if body else 0
    shaped = (
        len(lines) >= 4
        and lines[0] == _ARMOR_BEGIN
        and lines[-2] == _ARMOR_END
        and lines[-1] == ""
        and all(len(line) == width for line in body[:-1])
        and 0 < len(body[-1]) <= width
    )
    if not shaped:
        raise VerificationError(f"{SIGNATURE_NAME} is not canonical SSH signature armor")
    joined = "".join(body)
    try:
        canonical = base64.b64encode(base64.b64decode(joined, validate=True)).decode("ascii")
    except ValueError as error:
        raise VerificationError(f"{SIGNATURE_NAME} holds malformed base64") from error
    if canonical != joined:
        raise VerificationError(f"{SIGNATURE_NAME} holds non-canonical base64")


def _payload_digest(handle: BinaryIO, member: ContainerMember) -> str:
    window = _Window(handle, member.offset, member.size)
    buffer = memoryview(bytearray(_READ))
    while window.readinto(buffer):
        pass
    return window.digest.hexdigest()


def _not_checked(names: Sequence[str], because: str) -> list[Check]:
    return [Check(name, CheckStatus.NOT_CHECKED, f"not checked: {because}") for name in names]


def verify_package(
    path: Path,
    *,
    signers: Signers,
    revocations: Revocations,
    extra_checks: Sequence[tuple[str, ExtraCheck]] = (),
    now: datetime | None = None,
) -> VerificationReport:
    """Check a package without decrypting it; never raises for a bad package.

    Checks, in order: structure, signature, manifest, signer-trusted,
    signer-not-revoked, payload, destroy-by, then `extra_checks` (the
    application adds legal-basis and recipients, which need the policy).
    A check that cannot run because an earlier one failed is NOT_CHECKED,
    which also counts as not passing.
    """
    now = now or datetime.now(UTC)
    later = [
        "signature",
        "manifest",
        "signer-trusted",
        "signer-not-revoked",
        "payload",
        "destroy-by",
    ]
    later += [name for name, _ in extra_checks]
    checks: list[Check] = []
    try:
        handle = path.open("rb")
    except OSError as error:
        return VerificationReport(
            str(path),
            (
                failed("structure", f"cannot read the package: {error.strerror}"),
                *_not_checked(later, "the package cannot be read"),
            ),
            None,
            None,
        )
    with handle:
        total = os.fstat(handle.fileno()).st_size
        try:
            opened = _read_structure(handle, total)
        except TransportError as error:
            checks.append(failed("structure", str(error)))
            checks += _not_checked(later, "the package's structure is wrong")
            return VerificationReport(str(path), tuple(checks), None, None)
        checks.append(
            passed("structure", f"exactly {', '.join(MEMBERS)}, regular files, nothing else")
        )

        signer = None
        try:
            _require_canonical_armor(opened.signature)
            signer = sshsig.verify(opened.manifest_bytes, opened.signature, NAMESPACE)
            fingerprint: str | None = ssh_fingerprint(signer)
            checks.append(passed("signature", f"SSHSIG ({NAMESPACE}) by {fingerprint}"))
        except TransportError as error:
            fingerprint = None
            checks.append(failed("signature", f"{SIGNATURE_NAME} does not verify: {error}"))

        manifest = None
        try:
            manifest = parse_manifest(opened.manifest_bytes)
            checks.append(
                passed("manifest", f"{manifest.release_id}: canonical pii-guard/release/v1")
            )
        except ManifestError as error:
            checks.append(failed("manifest", str(error)))
        if manifest is None:
            checks += _not_checked(later[2:], "the manifest cannot be read")
            return VerificationReport(str(path), tuple(checks), None, fingerprint)

        if signer is None or fingerprint is None:
            checks += _not_checked(["signer-trusted", "signer-not-revoked"], "no valid signature")
        else:
            checks.append(_signer_trusted(signers, signer, fingerprint, manifest))
            checks.append(_signer_not_revoked(revocations, fingerprint, manifest))
        checks.append(_payload_check(handle, opened.members[PAYLOAD_NAME], manifest))
        checks.append(_destroy_by_check(manifest, now))
        for name, check in extra_checks:
            try:
                checks.append(check(manifest))
            except TransportError as error:
                checks.append(failed(name, str(error)))
    return VerificationReport(str(path), tuple(checks), manifest, fingerprint)


def _signer_trusted(signers: Signers, key: object, fingerprint: str, manifest: Manifest) -> Check:
    principals = signers.principals_for(key)  # type: ignore[arg-type]
    if not principals:
        return failed(
            "signer-trusted",
            f"signing key {fingerprint} is not in allowed_signers "
            f"(for namespace {NAMESPACE} at {manifest.created.date()})",
        )
    if manifest.sender.fingerprint != fingerprint:
        return failed(
            "signer-trusted",
            f"manifest names sender key {manifest.sender.fingerprint}, signed by {fingerprint}",
        )
    if manifest.sender.email not in principals:
        return failed(
            "signer-trusted",
            f"key {fingerprint} is trusted for {', '.join(principals)}, "
            f"not for the sender {manifest.sender.email}",
        )
    return passed(
        "signer-trusted", f"{manifest.sender.email} ({fingerprint}) is in allowed_signers"
    )


def _signer_not_revoked(revocations: Revocations, fingerprint: str, manifest: Manifest) -> Check:
    revoked = revocations.revoked_at(fingerprint)
    signed = manifest.created.strftime("%Y-%m-%d %H:%M:%SZ")
    if revoked is None:
        return passed("signer-not-revoked", f"{fingerprint} is not revoked")
    when = revoked.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    if manifest.created >= revoked:
        return failed(
            "signer-not-revoked", f"key was revoked at {when}, before signing at {signed}"
        )
    return passed("signer-not-revoked", f"key revoked at {when}, after signing at {signed}")


def _payload_check(handle: BinaryIO, member: ContainerMember, manifest: Manifest) -> Check:
    assert manifest.payload is not None  # parse_manifest requires it for outer manifests
    if member.size != manifest.payload.size:
        return failed(
            "payload",
            f"{PAYLOAD_NAME} is {member.size} bytes; the manifest says {manifest.payload.size}",
        )
    digest = _payload_digest(handle, member)
    if digest != manifest.payload.sha256:
        return failed("payload", f"{PAYLOAD_NAME} SHA-256 {digest} does not match the manifest")
    return passed("payload", f"{member.size} bytes, SHA-256 matches the signed manifest")


def _destroy_by_check(manifest: Manifest, now: datetime) -> Check:
    destroy_by = manifest.destroy_by.isoformat()
    if manifest.destroy_by < manifest.created.date():
        return failed("destroy-by", f"destroy-by {destroy_by} is before the release was created")
    if now.astimezone(UTC).date() > manifest.destroy_by:
        return failed(
            "destroy-by", f"destroy-by {destroy_by} has passed: the records must be destroyed"
        )
    days = (manifest.destroy_by - now.astimezone(UTC).date()).days
    return passed("destroy-by", f"records to be destroyed by {destroy_by} ({days} days left)")


# --------------------------------------------------------------------------- open


@dataclass(frozen=True, slots=True)
class Opened:
    """An opened package: its checks (all passed) and where the bag now is."""

    report: VerificationReport
    bag: Path
    manifest: Manifest


def _decrypt_into_bag(
    handle: BinaryIO,
    member: ContainerMember,
    expected_sha256: str,
    identities: Sequence[age.X25519Identity],
    work: Path,
) -> tuple[Check, Bag | TransportError | None]:
    """Decrypt the payload into a pipe read by the bag extractor; never plaintext elsewhere.

    The ciphertext is hashed again as it is decrypted: a package swapped or edited
    after `verify` read it cannot slip through between the two reads.
    """
    window = _Window(handle, member.offset, member.size)
    read_fd, write_fd = os.pipe()
    reader = os.fdopen(read_fd, "rb", buffering=_READ)
    writer = os.fdopen(write_fd, "wb", buffering=_READ)
    # (error, whether the extractor had already given up): a decryptor that fails only
    # because nobody reads its output any more is not a decryption failure.
    failure: list[tuple[BaseException, bool]] = []
    gave_up = threading.Event()

    def decrypt() -> None:
        try:
            source = io.BufferedReader(window, _READ)
            age.decrypt(source, writer, identities)
        except BaseException as problem:  # reported by the main thread after join
            failure.append((problem, gave_up.is_set()))
        finally:
            with contextlib.suppress(OSError):
                writer.close()

    worker = threading.Thread(target=decrypt, name="pgrel-decrypt", daemon=True)
    worker.start()
    result: Bag | TransportError | None = None
    try:
        result = extract_bag(iter_entries(reader), work)
        while chunk := reader.read(_READ):  # the rest must be tar padding
            if chunk.strip(b"\0"):
                raise TarFormatError("data after the end of the bag's tar")
    except TransportError as refused:
        result = refused
        gave_up.set()
    finally:
        reader.close()
        worker.join()
    if failure:
        problem, consequential = failure[0]
        if consequential:
            return passed("decryption", "authenticated up to where the bag was refused"), result
        if not isinstance(problem, TransportError):
            raise problem
        return failed("decryption", f"{PAYLOAD_NAME}: {problem}"), None
    if window.digest.hexdigest() != expected_sha256:
        return failed("decryption", f"{PAYLOAD_NAME} changed after it was verified"), None
    return passed("decryption", f"{PAYLOAD_NAME} decrypted and authenticated"), result


def open_package(
    path: Path,
    dest: Path,
    identities: Sequence[age.X25519Identity],
    *,
    signers: Signers,
    revocations: Revocations,
    extra_checks: Sequence[tuple[str, ExtraCheck]] = (),
    now: datetime | None = None,
) -> Opened:
    """Verify, decrypt and extract a package into `dest/<bag name>`.

    Raises PackageRejectedError naming every failed check.

    Nothing is written outside `dest`, nothing there is overwritten, and on
    any failure what was extracted is removed again.
    """
    report = verify_package(
        path, signers=signers, revocations=revocations, extra_checks=extra_checks, now=now
    )
    report.raise_if_failed()
    manifest = report.manifest
    assert manifest is not None
    dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = dest / bag_name_for(manifest)
    if target.exists() or target.is_symlink():
        raise TransportError(f"{target}: already exists; refusing to overwrite it")
    work = dest / f".pgrel-open-{secrets.token_hex(6)}"
    work.mkdir(mode=0o700)
    checks = list(report.checks)
    try:
        with path.open("rb") as handle:
            total = os.fstat(handle.fileno()).st_size
            members = {m.name: m for m in read_container_index(handle, total, max_members=3)}
            assert manifest.payload is not None  # verified manifests always name their payload
            decryption, result = _decrypt_into_bag(
                handle, members[PAYLOAD_NAME], manifest.payload.sha256, identities, work
            )
        checks.append(decryption)
        if not decryption.passed:
            checks += _not_checked(["bag", "inner-manifest"], "the payload cannot be decrypted")
        elif isinstance(result, TransportError):
            checks.append(failed("bag", str(result)))
            checks += _not_checked(["inner-manifest"], "the bag is not valid")
        elif result is not None:
            checks.append(passed("bag", f"BagIt bag {result.name} is valid"))
            checks.append(_inner_manifest_check(result, manifest))
        else:
            checks.append(failed("bag", "the payload holds no bag"))
        final = VerificationReport(
            report.package, tuple(checks), manifest, report.signer_fingerprint
        )
        final.raise_if_failed()
        (work / bag_name_for(manifest)).rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Opened(final, target, manifest)


def _inner_manifest_check(bag: Bag, manifest: Manifest) -> Check:
    if bag.name != bag_name_for(manifest):
        return failed(
            "inner-manifest", f"bag {bag.name} is not named for release {manifest.release_id}"
        )
    inner = bag.tags.get(INNER_MANIFEST)
    if inner is None:
        return failed("inner-manifest", f"the bag holds no {INNER_MANIFEST}")
    if inner != manifest.inner_bytes():
        return failed("inner-manifest", "the manifest inside the bag differs from the signed one")
    expected = [(RECORDS_DIR, f) for f in manifest.files]
    expected += [(DOCUMENTS_DIR, d) for d in manifest.legal_basis.documents]
    found: dict[str, list[tuple[int, str]]] = {RECORDS_DIR: [], DOCUMENTS_DIR: []}
    for bag_path, value in bag.payload.items():
        folder = bag_path.split("/")[1] if bag_path.count("/") >= 2 else ""
        if folder not in found:
            return failed(
                "inner-manifest", f"{bag_path} is neither a record nor a legal-basis document"
            )
        found[folder].append(value)
    for folder, entry in expected:
        if (entry.size, entry.sha256) not in found[folder]:
            what = "legal-basis document" if folder == DOCUMENTS_DIR else "record"
            return failed(
                "inner-manifest",
                f"{what} {entry.name} (sha256 {entry.sha256[:12]}…) is missing from the bag",
            )
    if sum(len(v) for v in found.values()) != len(expected):
        return failed("inner-manifest", "the bag holds files the signed manifest does not list")
    return passed(
        "inner-manifest", "matches the signed manifest; every record and document is present"
    )


__all__ = [
    "MEMBERS",
    "NAMESPACE",
    "BagInvalidError",
    "Check",
    "CheckStatus",
    "Opened",
    "PackageRejectedError",
    "VerificationReport",
    "create_package",
    "hash_file",
    "open_package",
    "verify_package",
]
