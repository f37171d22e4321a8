"""Bad input: every case ends as one document with a one-line reason, never an
exception, and the rest of the work goes on."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from extract_helpers import Drained, by_path, drain

from bench import _writers as w
from scanners.extract import ExtractedDocument, Limits, extract_bytes, extract_path
from scanners.extract.walk import WalkError, iter_files
from scanners.findings import ScanStatus

REPO = Path(__file__).resolve().parents[1]
ROSTER = [["Student ID", "Name"], ["1034567890", "Amara Okafor"], ["1098765432", "Teo Lind"]]


def one_line(reason: str | None) -> str:
    assert reason, "a failed document must say why"
    assert "\n" not in reason and len(reason) <= 300, reason
    return reason


def finished_within(seconds: float, work: Callable[[], list[Drained]]) -> list[Drained]:
    """Run `work` in a thread: a blocking open (FIFO) must not hang the test run."""
    result: list[list[Drained]] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "extraction blocked"
    return result[0]


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
    return out.getvalue()


# --- corrupt documents --------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: w.docx_bytes(["Amara Okafor IEP"]),
        lambda: w.xlsx_bytes({"R": ROSTER}),
        lambda: w.pptx_bytes([("t", ["x"], None, None)]),
        lambda: w.zip_bytes({"a.csv": w.csv_bytes(ROSTER)}),
    ],
    ids=["docx", "xlsx", "pptx", "zip"],
)
def test_truncated_zip_containers_are_errors(make: Callable[[], bytes]) -> None:
    data = make()
    (doc,) = drain(extract_bytes(data[: len(data) // 2], "cut.bin"))
    assert doc.status is ScanStatus.ERROR
    assert one_line(doc.error).startswith("corrupt zip")


def test_docx_with_broken_xml_is_a_corrupt_docx() -> None:
    data = _replace_member(w.docx_bytes(["x"]), "word/document.xml", b"<w:document><oops")
    (doc,) = drain(extract_bytes(data, "broken.docx"))
    assert (doc.kind, doc.status) == ("docx", ScanStatus.ERROR)
    assert one_line(doc.error).startswith("corrupt docx")


def test_xlsx_damage_found_while_reading_ends_blocks_with_a_reason() -> None:
    data = w.xlsx_bytes({"R": ROSTER * 500})
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    data = _replace_member(data, "xl/worksheets/sheet1.xml", sheet[: len(sheet) // 2])
    (document,) = extract_bytes(data, "damaged.xlsx")
    assert document.status is ScanStatus.SCANNED  # the workbook itself opened
    rows = [row for block in document.blocks for row in getattr(block, "rows", ())]
    assert 100 < len(rows) < 1000  # what was readable was read, and then it stopped
    assert document.status is ScanStatus.ERROR
    assert one_line(document.error).startswith("corrupt xlsx")


def test_pdf_that_is_garbage_after_its_header_is_an_error() -> None:
    (doc,) = drain(extract_bytes(b"%PDF-1.7\n" + os.urandom(4000), "junk.pdf"))
    assert doc.kind == "pdf"
    assert doc.status is ScanStatus.ERROR
    assert one_line(doc.error).startswith("corrupt pdf")


def test_malformed_email_is_still_read() -> None:
    data = (
        b"From: =?utf-8?q?broken\r\nTo: <<<>>>\r\nSubject: =?bogus-charset?b?!!!?=\r\n"
        b"Content-Type: text/plain; charset=no-such-charset\r\n\r\nSSN 123-45-6789\r\n"
    )
    (doc,) = drain(extract_bytes(data, "odd.eml"))
    assert doc.kind == "eml"
    assert "123-45-6789" in doc.all_text()


# --- zip bombs ----------------------------------------------------------------


def test_high_compression_ratio_member_is_not_expanded() -> None:
    bomb = w.zip_bytes({"zeros.csv": bytes(64 << 20), "ok.csv": w.csv_bytes(ROSTER)})
    assert len(bomb) < 1 << 20
    docs = by_path(drain(extract_bytes(bomb, "bomb.zip")))
    member = docs["bomb.zip!zeros.csv"]
    assert member.status is ScanStatus.SKIPPED
    assert "compression ratio" in one_line(member.error)
    assert member.sha256 is None  # never read
    assert docs["bomb.zip!ok.csv"].status is ScanStatus.SCANNED  # the rest goes on


def test_total_expanded_size_is_bounded_across_the_tree() -> None:
    mib = 1 << 20
    inner = {f"m{i}.txt": os.urandom(mib // 2).hex().encode() for i in range(2)}
    # bytes expanded at every level count: inner.zip (stored, ~2 MiB) and then its members
    data = w.zip_bytes(
        {
            "inner.zip": w.zip_bytes(inner, compression=zipfile.ZIP_STORED),
            "after.txt": os.urandom(mib // 2).hex().encode(),
        },
    )
    limits = Limits(max_archive_total_bytes=3 * mib + mib // 2)
    docs = by_path(drain(extract_bytes(data, "big.zip", limits)))
    assert docs["big.zip!inner.zip"].status is ScanStatus.SCANNED
    assert docs["big.zip!inner.zip!m0.txt"].status is ScanStatus.SCANNED
    refused = [docs["big.zip!inner.zip!m1.txt"], docs["big.zip!after.txt"]]
    for doc in refused:
        assert doc.status is ScanStatus.SKIPPED
        assert one_line(doc.error) == "archive expands beyond the 3 MiB limit (zip bomb?)"


def test_nesting_depth_is_bounded() -> None:
    data = w.csv_bytes(ROSTER)
    name = "m.csv"
    for level in range(6):
        data = w.zip_bytes({name: data})
        name = f"level{level}.zip"
    docs = drain(extract_bytes(data, "nest.zip"))
    deepest_scanned = max(d.path.count("!") for d in docs if d.status is ScanStatus.SCANNED)
    assert deepest_scanned == 3
    refused = [d for d in docs if d.status is ScanStatus.SKIPPED]
    assert len(refused) == 1
    assert refused[0].path.count("!") == 4
    assert "nested deeper than 3" in one_line(refused[0].error)


def test_member_count_is_bounded() -> None:
    data = w.zip_bytes({f"f{i}.txt": b"x" for i in range(30)})
    (doc,) = drain(extract_bytes(data, "many.zip", Limits(max_archive_members=10)))
    assert doc.status is ScanStatus.SKIPPED
    assert one_line(doc.error) == "archive has 30 members (limit 10)"


def test_office_document_that_hides_a_bomb_is_not_opened() -> None:
    docx = w.docx_bytes(["x"])
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/media/huge.xml", bytes(64 << 20))
    (doc,) = drain(extract_bytes(out.getvalue(), "bomb.docx"))
    assert (doc.kind, doc.status) == ("docx", ScanStatus.SKIPPED)
    assert "word/media/huge.xml" in one_line(doc.error)


def test_office_document_too_large_to_parse_in_memory_is_skipped() -> None:
    words = [os.urandom(6).hex() for _ in range(40_000)]
    data = w.docx_bytes([" ".join(words[i : i + 40]) for i in range(0, len(words), 40)])
    (doc,) = drain(extract_bytes(data, "long.docx", Limits(max_office_xml_bytes=1 << 20)))
    assert (doc.kind, doc.status) == ("docx", ScanStatus.SKIPPED)
    reason = one_line(doc.error)
    assert reason.startswith("XML parts expand beyond 1 MiB (at word/")
    assert reason.endswith("too large to parse in memory")
    (whole,) = drain(extract_bytes(data, "long.docx"))  # the default limit reads it
    assert whole.status is ScanStatus.SCANNED and words[-1] in whole.all_text()


# --- the file system ------------------------------------------------------------


@pytest.mark.slow
def test_two_gigabyte_file_streams_in_bounded_memory(tmp_path: Path) -> None:
    """A sparse 2 GiB text file, extracted in a fresh process whose peak RSS is measured."""
    path = tmp_path / "export.txt"
    size = 2 << 30
    with path.open("wb") as handle:
        handle.write(b"Roster export. Amara Okafor SASID 1034567890\n" * 3000)
        tail = b"\nlast: SSN 123-45-6789 end of file\n"
        handle.seek(size - len(tail))
        handle.write(tail)
    assert path.stat().st_size == size
    script = (
        "import json, resource, sys\n"
        "from pathlib import Path\n"
        "from scanners.extract import extract_path\n"
        "blocks = 0; last = ''; docs = []\n"
        "for doc in extract_path(Path(sys.argv[1])):\n"
        "    for block in doc.blocks:\n"
        "        blocks += 1; last = block.text\n"
        "    docs.append([doc.kind, doc.status.value, doc.sha256 is not None])\n"
        # VmHWM is this process's own peak: ru_maxrss would carry over the
        # parent's (pytest's) peak across fork and exec
        "rss = next(int(l.split()[1]) * 1024 for l in open('/proc/self/status')\n"
        "           if l.startswith('VmHWM:'))\n"
        "print(json.dumps({'docs': docs, 'blocks': blocks, 'tail': last[-40:], 'rss': rss}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        timeout=300,
    )
    result = json.loads(run.stdout)
    assert result["docs"] == [["text", "scanned", True]]
    assert result["blocks"] > 2000  # 1M-character chunks
    assert "SSN 123-45-6789" in result["tail"]
    assert result["rss"] < 120 << 20, f"peak RSS {result['rss'] >> 20} MiB for a 2 GiB file"


def test_symlink_loop_is_an_error_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (doc,) = drain(extract_path(tmp_path / "a"))
    assert (doc.status, doc.error) == (ScanStatus.ERROR, "symlink loop")


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    (doc,) = drain(extract_path(tmp_path / "dangling"))
    assert doc.status is ScanStatus.ERROR
    assert one_line(doc.error) == "broken symlink (its target does not exist)"


def test_fifo_is_skipped_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    (doc,) = finished_within(10, lambda: drain(extract_path(fifo)))
    assert (doc.status, doc.kind) == (ScanStatus.SKIPPED, "special")
    assert one_line(doc.error) == "not a regular file (FIFO (named pipe))"


def test_directory_given_as_a_file_is_skipped(tmp_path: Path) -> None:
    (doc,) = drain(extract_path(tmp_path))
    assert (doc.status, doc.error) == (ScanStatus.SKIPPED, "is a directory")


def test_path_through_a_file_cannot_be_read_even_by_root(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("x")
    (doc,) = drain(extract_path(tmp_path / "plain.txt" / "child.csv"))
    assert doc.status is ScanStatus.ERROR
    assert one_line(doc.error) == "not a directory"


_DROP_ROOT = (
    "import os\n"
    "import scanners.extract, scanners.extract.walk\n"  # import first: the venv may be root's
    "if os.geteuid() == 0:\n"
    "    os.setgroups([]); os.setgid(65534); os.setuid(65534)\n"  # nobody
    "assert os.geteuid() != 0\n"
)


def _unprivileged(code: str, *args: str) -> str:
    """Run `code` as an ordinary user: permission bits do not bind root, and the
    tests run as root; the child imports the package, then drops to `nobody`
    for good before it touches the files. As a non-root user it runs as it is."""
    run = subprocess.run(
        [sys.executable, "-c", _DROP_ROOT + code, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        timeout=60,
    )
    return run.stdout


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder an unprivileged child can reach (pytest's tmp_path is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="pii-guard-perm-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.chmod(0o700)
        subprocess.run(["rm", "-rf", str(folder)], check=True)


def test_unreadable_file_is_permission_denied(shared_tmp: Path) -> None:
    secret = shared_tmp / "payroll.csv"
    secret.write_bytes(w.csv_bytes(ROSTER))
    secret.chmod(0o000)
    code = (
        "import sys; from pathlib import Path\n"
        "from scanners.extract import extract_path\n"
        "for d in extract_path(Path(sys.argv[1])): print(d.status.value, d.error, sep='|')\n"
    )
    assert _unprivileged(code, str(secret)).strip() == "error|permission denied"


def test_unreadable_folder_is_reported_by_the_walk(shared_tmp: Path) -> None:
    (shared_tmp / "open").mkdir()
    (shared_tmp / "open" / "a.csv").write_text("a,b\n")
    locked = shared_tmp / "locked"
    locked.mkdir()
    (locked / "b.csv").write_text("a,b\n")
    locked.chmod(0o000)
    code = (
        "import sys; from pathlib import Path\n"
        "from scanners.extract.walk import iter_files, WalkError\n"
        "for item in iter_files([Path(sys.argv[1])]):\n"
        "    error = isinstance(item, WalkError)\n"
        "    print(f'E|{item.path}|{item.reason}' if error else f'F|{item}')\n"
    )
    lines = _unprivileged(code, str(shared_tmp)).splitlines()
    assert lines == [
        f"E|{locked}|cannot list folder: permission denied",
        f"F|{shared_tmp / 'open' / 'a.csv'}",
    ]


def test_file_that_vanishes_between_listing_and_reading(tmp_path: Path) -> None:
    for name in ("a.csv", "b.csv", "c.csv"):
        (tmp_path / name).write_bytes(w.csv_bytes(ROSTER))
    listed = [p for p in iter_files([tmp_path]) if isinstance(p, Path)]
    (tmp_path / "b.csv").unlink()
    results = [d for p in listed for d in drain(extract_path(p))]
    assert [d.status for d in results] == [ScanStatus.SCANNED, ScanStatus.ERROR, ScanStatus.SCANNED]
    reason = one_line(results[1].error)
    assert reason == "no such file (missing, or removed during the scan)"


def test_archive_removed_mid_scan_is_still_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    path.write_bytes(w.zip_bytes({f"m{i}.csv": w.csv_bytes(ROSTER) for i in range(3)}))
    documents: Iterator[ExtractedDocument] = extract_path(path)
    first = next(documents)
    path.unlink()  # the open descriptor keeps the content consistent
    rest = drain(documents)
    assert first.kind == "zip"
    assert [d.status for d in rest] == [ScanStatus.SCANNED] * 3
    assert all(d.tables for d in rest)


def test_walk_error_is_not_an_exception_type() -> None:
    assert not issubclass(WalkError, BaseException)
