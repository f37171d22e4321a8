"""Pipelined packing: same bytes as the one-thread encryptor, and every failure cleans up.

`release create` encrypts on several threads (transport._pipeline,
age._stream.encrypt_pipelined) and writes the container in pages with
O_DIRECT where it can (transport._direct_io). These tests hold that to the
simple paths: byte-for-byte the same STREAM output for every boundary size,
the first error of any thread raised to the caller, no thread left running,
and no output or temp file left behind.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from agecli import run_age

from tests.release_helpers import Party, make_party, manifest_for, write_records
from transport import _direct_io, age
from transport._pipeline import Cancelled, Pipeline
from transport.age import _stream
from transport.bagit import PayloadFile, SourceChangedError, _RecordReader
from transport.manifest import Manifest
from transport.package import create_package

KEY = bytes(range(32))


def _stage_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("age-")]


@pytest.fixture(autouse=True)
def no_thread_left() -> Iterator[None]:
    yield
    assert _stage_threads() == []


@pytest.fixture
def small_geometry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tiny batches, pages and ring, so that small inputs cross every boundary."""
    monkeypatch.setattr(_stream, "SLOT_CHUNKS", 2)
    monkeypatch.setattr(_stream, "SLOTS", 2)
    monkeypatch.setattr(_stream, "PAGE", 50_000)  # not a divisor of anything in the stream
    monkeypatch.setattr(_stream, "RING_PAGES", 3)


def _pages(size: int, prefix: bytes) -> list[tuple[int, bytes]]:
    pages: list[tuple[int, bytes]] = []
    data = bytes(i * 7 % 251 for i in range(size))
    _stream.encrypt_pipelined(
        KEY,
        _stream.fill_reader(io.BytesIO(data)),
        [lambda offset, view: pages.append((offset, bytes(view)))],
        prefix=prefix,
    )
    return pages


def _one_thread(size: int) -> bytes:
    data = bytes(i * 7 % 251 for i in range(size))
    out = io.BytesIO()
    _stream.encrypt(KEY, _stream.fill_reader(io.BytesIO(data)), out)
    return out.getvalue()


CHUNK = _stream.CHUNK_SIZE
SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1, 4 * CHUNK, 7 * CHUNK + 3]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("prefix", [b"", b"p" * 700, b"q" * 120_000])
def test_pipelined_stream_is_byte_for_byte_the_one_thread_stream(
    small_geometry: None, size: int, prefix: bytes
) -> None:
    pages = _pages(size, prefix)
    offsets = [offset for offset, _ in pages]
    assert offsets == [k * _stream.PAGE for k in range(len(pages))]
    assert all(len(page) == _stream.PAGE for _, page in pages[:-1])
    assert 0 < len(pages[-1][1]) <= _stream.PAGE
    assert b"".join(page for _, page in pages) == prefix + _one_thread(size)


def test_real_geometry_wraps_the_ring_and_still_matches() -> None:
    size = (_stream.RING_PAGES + 1) * _stream.PAGE + 12_345  # more than one turn of the ring
    pages = _pages(size, bytes(512))
    assert b"".join(page for _, page in pages) == bytes(512) + _one_thread(size)


def test_age_encrypt_pipelined_is_read_by_stock_age(tmp_path: Path) -> None:
    identity = age.X25519Identity.generate()
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"{identity}\n")
    data = os.urandom(3 * _stream.PAGE + 5)
    out = io.BytesIO()
    lead = b"L" * 512

    def sink(offset: int, view: memoryview) -> None:
        assert offset == out.tell()
        out.write(view)

    age.encrypt_pipelined(io.BytesIO(data), [identity.recipient], [sink], lead=lead)
    sealed = out.getvalue()
    assert sealed.startswith(lead)
    assert run_age(["-d", "-i", key_file], data=sealed[len(lead) :]) == data


# --------------------------------------------------------------------------- failures


class _Boom(Exception):
    pass


class _FailingSource(io.RawIOBase):
    def __init__(self, fail_after: int) -> None:
        self._left = fail_after

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._left <= 0:
            raise _Boom("the source broke")
        self._left -= 1
        buffer[:] = bytes(len(buffer))
        return len(buffer)


@pytest.mark.parametrize("where", ["source", "first sink", "second sink"])
def test_a_failure_in_any_stage_reaches_the_caller_and_stops_every_thread(
    small_geometry: None, where: str
) -> None:
    seen = [0, 0]

    def sink(index: int) -> _stream.Sink:
        def take(offset: int, view: memoryview) -> None:
            seen[index] += 1
            if where == ("first sink", "second sink")[index] and seen[index] == 3:
                raise _Boom(f"{where} broke")

        return take

    source = _FailingSource(4 if where == "source" else 10_000)
    with pytest.raises(_Boom, match="broke"):
        _stream.encrypt_pipelined(KEY, _stream.fill_reader(source), [sink(0), sink(1)])  # type: ignore[arg-type]
    assert _stage_threads() == []


def test_the_first_error_wins_and_cancelled_is_never_reported() -> None:
    with pytest.raises(_Boom, match="first"), Pipeline() as pipe:
        inbox = pipe.channel(1)
        started = threading.Event()

        def fail() -> None:
            started.set()
            raise _Boom("first")

        pipe.spawn("age-test-fail", fail)
        started.wait()
        inbox.get()  # woken by the failure: raises Cancelled, replaced by the real error


def test_a_cancelled_pipeline_wakes_a_blocked_producer() -> None:
    with pytest.raises(_Boom, match="stop"), Pipeline() as pipe:
        full = pipe.channel(1)
        full.put(1)
        pipe.spawn("age-test-fail", lambda: (_ for _ in ()).throw(_Boom("stop")))
        with pytest.raises(Cancelled):
            full.put(2)  # no room, ever: only the cancellation can end this wait


def _big_release(tmp_path: Path, mib: int = 6) -> tuple[Party, Manifest, list[PayloadFile], Path]:
    party = make_party(tmp_path / "keys")
    records, subpoena = write_records(tmp_path)
    big = tmp_path / "records" / "scan.bin"
    big.write_bytes(os.urandom(mib << 20))
    manifest, contents = manifest_for([*records, big], [subpoena], party)
    out = tmp_path / "out"
    out.mkdir()
    return party, manifest, contents, big


def test_a_record_changed_mid_stream_aborts_with_no_output_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    party, manifest, contents, big = _big_release(tmp_path)
    original = _RecordReader.readinto
    changed = []

    def read_then_change(self: _RecordReader, target: memoryview) -> int:
        got = original(self, target)
        if self._item.source == big and not changed:  # edited behind the reader's back
            with big.open("r+b") as handle:
                handle.seek(5 << 20)
                handle.write(b"edited")
            changed.append(True)
        return got

    monkeypatch.setattr(_RecordReader, "readinto", read_then_change)
    with pytest.raises(SourceChangedError, match="changed after it was hashed"):
        create_package(
            tmp_path / "out" / "x.pgrel",
            manifest,
            contents,
            signing_key=party.signing_key,
            recipients=[party.identity.recipient],
        )
    assert changed
    assert list((tmp_path / "out").iterdir()) == []


def test_a_write_failure_mid_stream_aborts_with_no_output_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    party, manifest, contents, _ = _big_release(tmp_path)
    original = _direct_io.BlockWriter.write_at
    calls = []

    def full_disk(self: _direct_io.BlockWriter, offset: int, data: memoryview) -> None:
        calls.append(offset)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        original(self, offset, data)

    monkeypatch.setattr(_direct_io.BlockWriter, "write_at", full_disk)
    with pytest.raises(OSError, match="No space left"):
        create_package(
            tmp_path / "out" / "x.pgrel",
            manifest,
            contents,
            signing_key=party.signing_key,
            recipients=[party.identity.recipient],
        )
    assert list((tmp_path / "out").iterdir()) == []


# --------------------------------------------------------------------------- block writer


def _write_blocks(path: Path, blocks: list[tuple[int, bytes]]) -> _direct_io.BlockWriter:
    import mmap

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        writer = _direct_io.BlockWriter(fd)
        for offset, data in blocks:
            memory = mmap.mmap(-1, max(len(data), 1))  # page-aligned, as the encryptor's pages
            memory[: len(data)] = data
            writer.write_at(offset, memoryview(memory)[: len(data)])
        os.fsync(fd)
    finally:
        os.close(fd)
    return writer


def _blocks() -> list[tuple[int, bytes]]:
    page = 1 << 20
    data = os.urandom(3 * page + 1234)
    blocks = [(k, data[k : k + page]) for k in range(0, len(data), page)]
    return [*blocks, (len(data), b"trailer" * 100), (0, b"H" * 512)]


def _expected(blocks: list[tuple[int, bytes]]) -> bytes:
    image = bytearray()
    for offset, data in blocks:
        image[offset : offset + len(data)] = data
    return bytes(image)


def test_block_writer_writes_the_same_file_direct_or_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = _blocks()
    _write_blocks(tmp_path / "direct", blocks)
    monkeypatch.setattr(_direct_io, "_TRY_DIRECT", False)
    cached = _write_blocks(tmp_path / "cached", blocks)
    assert not cached.direct
    expected = hashlib.sha256(_expected(blocks)).hexdigest()
    for name in ("direct", "cached"):
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == expected


def test_block_writer_falls_back_when_the_device_refuses_direct_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A device that accepts O_DIRECT at open but refuses the writes (EINVAL) cannot be
    # counted on in a test machine's temp folder, so the device is simulated: the file
    # is said to be on a local disk, O_DIRECT is "set" in a flag, and every write made
    # while it is set is refused the way such a device refuses it.
    real_pwrite = os.pwrite
    direct = {"on": False}
    refused: list[int] = []

    def pretend_set_direct(fd: int, on: bool) -> bool:
        direct["on"] = on
        return True

    def picky_pwrite(fd: int, data: memoryview, offset: int) -> int:
        if direct["on"]:
            refused.append(offset)
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_pwrite(fd, data, offset)

    monkeypatch.setattr(_direct_io, "_TRY_DIRECT", True)
    monkeypatch.setattr(_direct_io, "_on_local_block_device", lambda fd: True)
    monkeypatch.setattr(_direct_io, "_set_direct", pretend_set_direct)
    monkeypatch.setattr(os, "pwrite", picky_pwrite)
    blocks = _blocks()
    writer = _write_blocks(tmp_path / "refused", blocks)
    assert refused == [blocks[0][0]]  # the first direct write was refused, and only it
    assert not writer.direct and not direct["on"]
    assert (tmp_path / "refused").read_bytes() == _expected(blocks)


def test_direct_writes_are_tried_only_on_a_local_block_device(tmp_path: Path) -> None:
    places = [tmp_path] + [Path(p) for p in ("/dev/shm",) if os.access(p, os.W_OK)]
    for place in places:
        probe = place / f"probe-{os.getpid()}"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            local = os.major(os.fstat(fd).st_dev) != 0
            writer = _direct_io.BlockWriter(fd)
            if not local:  # tmpfs, network shares, FUSE: the page cache
                assert not writer.direct
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            assert bool(flags & getattr(os, "O_DIRECT", 0)) == writer.direct
        finally:
            os.close(fd)
            probe.unlink()
