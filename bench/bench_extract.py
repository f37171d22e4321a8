"""Extraction: throughput over the school-records corpus, and memory on a 2 GiB file.

Wall and CPU time are both reported (`by_kind` is wall time): on a shared
machine the CPU figure is the one to compare between runs.

Peer in the same run: reading and hashing the same bytes (the I/O floor every
extractor pays), so `overhead_vs_read` says what parsing costs on top of it.

The in-process pass runs after the corpus writers have imported openpyxl,
python-docx, python-pptx, fpdf2 and pypdf, so it leaves out what a scan pays
to load the readers it needs. The `fresh_*` figures are what a scan process
pays: a new interpreter imports `scanners.extract` and reads the corpus once
(lazy imports included), several times, median reported.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.corpus import generate_corpus
from scanners.extract import TableBlock, extract_path

_STREAM_SCRIPT = """
import json, sys, time
from pathlib import Path
from scanners.extract import extract_path
start = time.perf_counter(); chars = 0
for doc in extract_path(Path(sys.argv[1])):
    for block in doc.blocks:
        chars += len(getattr(block, "text", ""))
elapsed = time.perf_counter() - start
# VmHWM: this process's own peak (ru_maxrss carries the parent's over fork+exec)
rss = next(int(l.split()[1]) * 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"seconds": elapsed, "chars": chars, "peak_rss": rss}))
"""


_FRESH_SCRIPT = """
import json, sys, time
from collections import defaultdict
from pathlib import Path
start = time.perf_counter()
from scanners.extract import TableBlock, extract_path
imported = time.perf_counter() - start
heavy = ("openpyxl", "docx", "pptx", "odf", "pypdf", "pypdfium2", "pypdfium2_raw", "lxml",
         "email.message", "numpy", "spacy")
at_import = [m for m in heavy if m in sys.modules]
by_kind = defaultdict(float)
start = time.perf_counter()
cpu = time.process_time()
for name in sys.argv[1:]:
    path = Path(name)
    t0 = time.perf_counter()
    for document in extract_path(path):
        for block in document.blocks:
            if isinstance(block, TableBlock):
                for _ in block.rows:
                    pass
    by_kind[path.suffix or "(none)"] += time.perf_counter() - t0
print(json.dumps({"import": imported, "seconds": time.perf_counter() - start,
                  "cpu": time.process_time() - cpu, "by_kind": by_kind,
                  "at_import": at_import, "after": [m for m in heavy if m in sys.modules]}))
"""
_FRESH_RUNS = 5


def _fresh(paths: list[Path]) -> dict[str, object]:
    """Median of `_FRESH_RUNS` fresh interpreters, each reading the corpus once."""
    import statistics

    runs = []
    for _ in range(_FRESH_RUNS):
        run = subprocess.run(
            [sys.executable, "-c", _FRESH_SCRIPT, *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(run.stdout))
    kinds = sorted({k for r in runs for k in r["by_kind"]})
    return {
        "fresh_import_seconds": round(statistics.median(r["import"] for r in runs), 3),
        "fresh_extract_seconds": round(statistics.median(r["seconds"] for r in runs), 3),
        "fresh_extract_cpu_seconds": round(statistics.median(r["cpu"] for r in runs), 3),
        "fresh_extract_runs": sorted(round(r["seconds"], 3) for r in runs),
        "fresh_by_kind": {
            k: round(statistics.median(r["by_kind"].get(k, 0.0) for r in runs), 3) for k in kinds
        },
        "fresh_libraries_at_import": runs[0]["at_import"],
        "fresh_libraries_after_corpus": runs[0]["after"],
    }


def _drain(path: Path) -> tuple[str, int]:
    kind = "?"
    documents = 0
    for document in extract_path(path):
        documents += 1
        if documents == 1:
            kind = document.kind
        for block in document.blocks:
            if isinstance(block, TableBlock):
                for _ in block.rows:
                    pass
    return kind, documents


def _read(path: Path) -> None:
    import hashlib

    hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="pii-guard-bench-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        items = generate_corpus(root / "corpus", n_files=400, seed=1234)
        generated = time.perf_counter() - start
        total = sum(i.path.stat().st_size for i in items)

        start = time.perf_counter()
        for item in items:
            _read(item.path)
        read_seconds = time.perf_counter() - start

        by_kind: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        documents = 0
        cpu_start = time.process_time()
        start = time.perf_counter()
        for item in items:
            t0 = time.perf_counter()
            kind, count = _drain(item.path)
            documents += count
            by_kind[kind][0] += time.perf_counter() - t0
            by_kind[kind][1] += item.path.stat().st_size
        extract_seconds = time.perf_counter() - start
        extract_cpu = time.process_time() - cpu_start

        fresh = _fresh([item.path for item in items])

        big = root / "big.txt"
        size = 2 << 30
        with big.open("wb") as handle:
            handle.write(b"Roster export. Amara Okafor SASID 1034567890\n" * 3000)
            handle.truncate(size)
        run = subprocess.run(
            [sys.executable, "-c", _STREAM_SCRIPT, str(big)],
            capture_output=True,
            text=True,
            check=True,
        )
        stream = json.loads(run.stdout)

    return {
        "corpus_files": len(items),
        "corpus_bytes": total,
        "corpus_documents_incl_members": documents,
        "generate_seconds": round(generated, 2),
        "extract_seconds": round(extract_seconds, 2),
        "extract_mb_per_s": round(total / extract_seconds / 1e6, 2),
        # the machine is shared: CPU time is the steadier figure
        "extract_cpu_seconds": round(extract_cpu, 2),
        "extract_mb_per_cpu_s": round(total / extract_cpu / 1e6, 2),
        "extract_files_per_s": round(len(items) / extract_seconds, 1),
        "peer_read_hash_seconds": round(read_seconds, 3),
        "overhead_vs_read": round(extract_seconds / max(read_seconds, 1e-9), 1),
        "by_kind": {
            kind: {"seconds": round(sec, 2), "mb_per_s": round(size_ / max(sec, 1e-9) / 1e6, 2)}
            for kind, (sec, size_) in sorted(by_kind.items())
        },
        **fresh,
        "stream_2gib_seconds": round(stream["seconds"], 1),
        "stream_2gib_mb_per_s": round(size / stream["seconds"] / 1e6, 1),
        "stream_2gib_peak_rss_mib": round(stream["peak_rss"] / (1 << 20), 1),
    }
