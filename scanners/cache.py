"""Scan results by content hash, so a rescan of an unchanged file is instant.

The cache never holds a found value in the clear: entries keep entity, score,
location and the *masked* value. A caller that wants values (`--show-values`)
scans without the cache. Entries are written atomically (temp name in the same
folder, fsync, rename) into a private directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from scanners.findings import FileReport, Finding, ScanStatus

FORMAT = 1


class ResultCache:
    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = root
        self.fingerprint = fingerprint

    def _entry(self, content_sha256: str) -> Path:
        key = hashlib.sha256(f"{FORMAT}:{self.fingerprint}:{content_sha256}".encode()).hexdigest()
        return self.root / key[:2] / f"{key}.json"

    def get(self, content_sha256: str, display_path: str) -> list[FileReport] | None:
        try:
            raw = json.loads(self._entry(content_sha256).read_text(encoding="utf-8"))
            return [
                FileReport(
                    path=display_path + item["member"],
                    status=ScanStatus(item["status"]),
                    error=item["error"],
                    sha256=item["sha256"],
                    findings=tuple(Finding(*f) for f in item["findings"]),
                )
                for item in raw["reports"]
            ]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: scan again

    def put(self, content_sha256: str, display_path: str, reports: Sequence[FileReport]) -> None:
        if any(r.status is not ScanStatus.SCANNED for r in reports):
            return  # errors may be transient (a file that vanished): never cache them
        items = [
            {
                "member": r.path[len(display_path) :] if r.path.startswith(display_path) else "",
                "status": r.status.value,
                "error": r.error,
                "sha256": r.sha256,
                "findings": [[f.entity, f.score, f.masked_value(), f.location] for f in r.findings],
            }
            for r in reports
        ]
        target = self._entry(content_sha256)
        with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump({"reports": items}, handle)
                    handle.flush()
                    os.fsync(handle.fileno())
                Path(tmp).replace(target)
            finally:
                Path(tmp).unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
