"""BagIt payloads: written as a stream, read by stock tools and by our hostile-safe reader."""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
from pathlib import Path

import bagit as bagit_lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transport._tar import TarFormatError, iter_entries
from transport.bagit import (
    BagInvalidError,
    PayloadFile,
    SourceChangedError,
    bag_chunks,
    extract_bag,
)
from transport.errors import TransportError


def _payload(path: Path, bag_path: str) -> PayloadFile:
    data = path.read_bytes()
    return PayloadFile(bag_path, path, len(data), hashlib.sha256(data).hexdigest())


def _records(tmp_path: Path, odd: str = "odd % name\nx.txt") -> list[PayloadFile]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "roster.csv").write_text("name,sasid\nAna Perez,1234567890\n")
    (src / "Maria_Gonzalez_IEP.pdf").write_bytes(b"%PDF-1.4 not really\n" * 50)
    (src / odd).write_text("newline (and percent) in the name")
    long_name = "n" * 150 + "é.txt"
    (src / long_name).write_text("long, non-ASCII name needs a pax header")
    return [
        _payload(src / "roster.csv", "records/roster.csv"),
        _payload(src / "Maria_Gonzalez_IEP.pdf", "records/iep/Maria_Gonzalez_IEP.pdf"),
        _payload(src / odd, f"records/{odd}"),
        _payload(src / long_name, f"records/{long_name}"),
    ]


def _bag_bytes(files: list[PayloadFile]) -> bytes:
    return b"".join(
        bag_chunks(
            "release-1",
            files,
            bag_info=[
                ("Source-Organization", "Cambridge Public Schools"),
                ("Legal-Basis", "subpoena"),
            ],
            extra_tags={"pii-guard-manifest.json": b'{"a":1}'},
            mtime=1_700_000_000,
        )
    )


def test_stock_tar_and_bagit_library_accept_the_streamed_bag(tmp_path: Path) -> None:
    # bagit-python 1.8 does not decode %25 (RFC 8493 2.1.3 requires it): no '%' here.
    files = _records(tmp_path, odd="odd name\nx.txt")
    archive = tmp_path / "bag.tar"
    archive.write_bytes(_bag_bytes(files))
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run(["tar", "-x", "-f", str(archive), "-C", str(out)], check=True)
    bag = bagit_lib.Bag(str(out / "release-1"))
    bag.validate()  # raises BagValidationError if any checksum or Oxum is wrong
    assert bag.info["Legal-Basis"] == "subpoena"
    assert bag.info["Payload-Oxum"] == f"{sum(f.size for f in files)}.{len(files)}"
    assert (out / "release-1/data/records/roster.csv").read_bytes() == files[0].source.read_bytes()
    tagmanifest = (out / "release-1/tagmanifest-sha256.txt").read_text()
    assert "pii-guard-manifest.json" in tagmanifest and "bag-info.txt" in tagmanifest


def test_our_reader_extracts_and_validates(tmp_path: Path) -> None:
    files = _records(tmp_path)
    dest = tmp_path / "dest"
    dest.mkdir()
    bag = extract_bag(iter_entries(io.BytesIO(_bag_bytes(files))), dest)
    assert bag.name == "release-1"
    assert bag.payload == {f"data/{f.path}": (f.size, f.sha256) for f in files}
    assert bag.tags["pii-guard-manifest.json"] == b'{"a":1}'
    assert ("Legal-Basis", "subpoena") in bag.bag_info()
    long_file = next(f for f in files if f.path.endswith("é.txt"))
    assert (bag.root / "data" / long_file.path).read_bytes() == long_file.source.read_bytes()


def test_manifest_paths_are_percent_encoded_per_rfc_8493(tmp_path: Path) -> None:
    raw = _bag_bytes(_records(tmp_path))
    assert b"  data/records/odd %25 name%0Ax.txt\n" in raw


def test_a_record_edited_after_hashing_aborts(tmp_path: Path) -> None:
    files = _records(tmp_path)
    files[0].source.write_text("name,sasid\nAna Perez,9999999999\n")  # same length, new bytes
    with pytest.raises(SourceChangedError, match="changed after it was hashed"):
        _bag_bytes(files)


def test_a_record_that_grew_after_hashing_aborts(tmp_path: Path) -> None:
    files = _records(tmp_path)
    with files[1].source.open("ab") as handle:
        handle.write(b"more")
    with pytest.raises(SourceChangedError):
        _bag_bytes(files)


def _tar_with(members: list[tuple[tarfile.TarInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for info, data in members:
            archive.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return buffer.getvalue()


def _info(
    name: str, kind: bytes = tarfile.REGTYPE, size: int = 0, link: str = ""
) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = size
    info.linkname = link
    return info


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        (_info("release-1/data/link", tarfile.SYMTYPE, link="/etc/passwd"), "symbolic link"),
        (_info("release-1/data/hard", tarfile.LNKTYPE, link="release-1/bagit.txt"), "hard link"),
        (_info("release-1/data/dev", tarfile.CHRTYPE), "character device"),
        (_info("release-1/data/fifo", tarfile.FIFOTYPE), "fifo"),
        (_info("/etc/evil", size=1), "not a plain relative path"),
        (_info("release-1/../../evil", size=1), "not a plain relative path"),
        (_info("other-bag/evil", size=1), "outside the bag"),
        (_info("release-1/bagit.txt", size=1), "appears twice"),
    ],
)
def test_hostile_members_are_refused_and_nothing_escapes(
    tmp_path: Path, member: tarfile.TarInfo, reason: str
) -> None:
    declaration = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    first = _info("release-1/bagit.txt", size=len(declaration))
    data = _tar_with([(first, declaration), (member, b"x" * member.size)])
    dest = tmp_path / "box" / "dest"
    dest.mkdir(parents=True)
    with pytest.raises(TarFormatError, match=reason):
        extract_bag(iter_entries(io.BytesIO(data)), dest)
    outside = {p.relative_to(tmp_path) for p in tmp_path.rglob("*")} - {
        Path("box"),
        Path("box/dest"),
    }
    assert all(p.parts[:2] == ("box", "dest") for p in outside)


def test_payload_that_does_not_match_its_manifest_is_invalid(tmp_path: Path) -> None:
    files = _records(tmp_path)
    raw = bytearray(_bag_bytes(files))
    at = raw.index(b"Ana Perez")
    raw[at] = ord("E")  # the record's bytes change, its manifest line does not
    dest = tmp_path / "dest"
    dest.mkdir()
    with pytest.raises(BagInvalidError, match=r"data/records/roster\.csv does not match"):
        extract_bag(iter_entries(io.BytesIO(bytes(raw))), dest)


def test_truncated_bag_is_refused(tmp_path: Path) -> None:
    raw = _bag_bytes(_records(tmp_path))
    dest = tmp_path / "dest"
    dest.mkdir()
    with pytest.raises(TarFormatError, match="truncated"):
        extract_bag(iter_entries(io.BytesIO(raw[: len(raw) - 700])), dest)


_SEED_BAG: dict[str, bytes] = {}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_fuzzed_bag_tar_gives_only_clear_errors(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    if "raw" not in _SEED_BAG:
        _SEED_BAG["raw"] = _bag_bytes(_records(tmp_path_factory.mktemp("seed")))
    raw = bytearray(_SEED_BAG["raw"])
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(raw)))
    dest = tmp_path_factory.mktemp("fuzz")
    try:
        extract_bag(iter_entries(io.BytesIO(bytes(raw[:cut]))), dest)
    except TransportError as error:
        assert str(error)
