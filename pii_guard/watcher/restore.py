"""Give a quarantined file back: only with the ICTS key, only to an approved place.

The plaintext is written under a temporary name in the target folder, checked
against the SHA-256 recorded at quarantine time, fsynced, and only then given
its name (never over an existing file). Every restore is audited.
"""

from __future__ import annotations

import os
from pathlib import Path

from pii_guard.audit import EventType, record, redact_path
from pii_guard.errors import PiiGuardError
from pii_guard.watcher.fsutil import fsync_dir, sha256_file
from pii_guard.watcher.vault import Vault
from policies import Policy, Verdict
from transport import age


class RestoreRefusedError(PiiGuardError):
    """A restore that the rules do not allow (wrong key, unapproved place)."""


def load_identities(path: Path) -> list[age.X25519Identity]:
    """Parse an age identity file (`age-keygen` output: comments and AGE-SECRET-KEY lines)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise PiiGuardError(f"{path}: cannot read the identity file: {error}") from None
    keys = [line.strip() for line in lines if line.strip().startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise PiiGuardError(f"{path}: no age identity (AGE-SECRET-KEY-1...) in the file")
    return [age.X25519Identity.parse(key) for key in keys]


def restore(policy: Policy, vault: Vault, entry_id: str, identity_file: Path, to_dir: Path) -> Path:
    entry = vault.get(entry_id)
    identities = [i for i in load_identities(identity_file) if str(i.recipient) == entry.recipient]
    if not identities:
        raise RestoreRefusedError(
            f"{identity_file}: not the ICTS quarantine key this file was encrypted to",
            hint=f"the file was encrypted to {entry.recipient}",
        )
    target = to_dir.resolve() / Path(entry.original_path).name
    verdict = policy.judge_path(target)
    if verdict.verdict is not Verdict.APPROVED:
        raise RestoreRefusedError(
            f"{to_dir}: not an approved location for records",
            hint="restore to a district network share or another place the policy approves",
        )
    if not to_dir.is_dir():
        raise PiiGuardError(f"{to_dir}: no such folder")
    if target.exists():
        raise PiiGuardError(f"{target}: already exists; not overwriting it")
    temp = to_dir.resolve() / f".{target.name}.{entry.id}.part"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, vault.ciphertext_path(entry.id).open("rb") as src:
            age.decrypt(src, out, identities)
            out.flush()
            os.fsync(out.fileno())
        if sha256_file(temp) != entry.sha256:
            raise PiiGuardError(f"{entry.id}: decrypted bytes do not match the recorded SHA-256")
        os.link(temp, target)  # unlike rename, never replaces a file that appeared meanwhile
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(target.parent)
    record(
        EventType.QUARANTINE_RESTORED,
        {
            "quarantine_id": entry.id,
            "to": redact_path(str(target), policy.audit.path_privacy),
            "sha256": entry.sha256,
            "action": "restored",
        },
    )
    return target
