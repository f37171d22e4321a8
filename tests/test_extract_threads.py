"""Extraction is safe from several threads at once (a Dask worker runs scans on
threads; so does the watcher).

PDFium crashes the whole process when two threads use it together, even on
different documents, so the check runs in a child process: a crash there is a
failed test with the child's exit status, not a dead test run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from fpdf import FPDF


def _pdf(path: Path, student: str, pages: int) -> None:
    pdf = FPDF(format="Letter")
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in (f"Student name: {student}   Page {page + 1}", "Homeroom 119 " * 30):
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path.write_bytes(bytes(pdf.output()))


_CHILD = textwrap.dedent(
    """
    import json, sys, threading
    from pathlib import Path
    from scanners.extract import extract_path

    paths = [Path(p) for p in sys.argv[1:]]

    def texts(path):
        return [[b.text for b in doc.blocks] for doc in extract_path(path)]

    expected = {str(p): texts(p) for p in paths}
    seen, failures = [], []

    def worker(offset):
        for round_no in range(6):
            for path in paths[offset:] + paths[:offset]:
                got = texts(path)
                seen.append(1)
                if got != expected[str(path)]:
                    failures.append(str(path))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"reads": len(seen), "failures": failures}))
    """
)


def test_pdfs_extract_from_four_threads_at_once_alike_and_without_a_crash(tmp_path: Path) -> None:
    paths = []
    for number in range(6):
        path = tmp_path / f"record_{number}.pdf"
        _pdf(path, f"Student {number}", pages=3 + number)
        paths.append(str(path))
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *paths],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"child ended with {done.returncode}: {done.stderr[-2000:]}"
    assert done.stdout.strip() == '{"reads": 144, "failures": []}'
