"""Every C2SP age test vector of the kinds we implement, through each input path.

Vectors of kinds we do not implement (the post-quantum hybrid recipient) are
not run: they are listed by name below and the test asserts that list, so a
new unsupported vector cannot pass silently.
"""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from age_testkit import EXPECTED_ERRORS, Vector, load_vectors

from transport.age import ScryptRecipient, X25519Identity, decrypt, decrypt_reader, encrypt

# Parametrization needs the path at collection time, before fixtures exist; the
# inventory test checks it is the `shared_data` fixture's folder.
TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "age-testkit" / "testdata"
VECTORS = load_vectors(TESTDATA) if TESTDATA.is_dir() else []
SUPPORTED = [v for v in VECTORS if v.supported]

UNSUPPORTED = {
    # mlkem768x25519 (AGE-SECRET-KEY-PQ-1...) identities: not implemented.
    "armor_hybrid", "hybrid", "hybrid_and_x25519", "hybrid_bad_tag",
    "hybrid_currupted_enc_mlkem", "hybrid_currupted_enc_x25519", "hybrid_extra_argument",
    "hybrid_grease", "hybrid_identity", "hybrid_long_file_key", "hybrid_long_share",
    "hybrid_low_order", "hybrid_multiple_recipients", "hybrid_no_match",
    "hybrid_not_canonical_body", "hybrid_not_canonical_enc", "hybrid_short_share",
    "hybrid_uppercase", "hybrid_x25519_arg",
}  # fmt: skip


class TrickleReader(io.RawIOBase):
    """A non-seekable stream that returns short, uneven reads, like a pipe."""

    def __init__(self, data: bytes, seed: int) -> None:
        self._data = memoryview(data)
        self._pos = 0
        self._random = random.Random(seed)

    def readable(self) -> bool:
        return True

    def readinto(self, target: memoryview) -> int:  # type: ignore[override]
        size = min(len(target), self._random.randint(1, 70_000), len(self._data) - self._pos)
        target[:size] = self._data[self._pos : self._pos + size]
        self._pos += size
        return size


INPUTS: dict[str, Callable[[Vector], io.RawIOBase | io.BytesIO]] = {
    "bytes": lambda v: io.BytesIO(v.body),
    "trickle": lambda v: TrickleReader(v.body, seed=len(v.body)),
}


def test_vector_inventory(shared_data: Path) -> None:
    assert shared_data / "age-testkit" / "testdata" == TESTDATA
    assert len(VECTORS) == 143, "the age-testkit snapshot beside the repo has 143 vectors"
    assert {v.name for v in VECTORS if not v.supported} == UNSUPPORTED
    assert len(SUPPORTED) == 124
    kinds = {v.expect for v in SUPPORTED}
    assert kinds == {"success", *EXPECTED_ERRORS}


@pytest.mark.parametrize("path", sorted(INPUTS))
@pytest.mark.parametrize("vector", SUPPORTED, ids=lambda v: v.name)
def test_vector(vector: Vector, path: str) -> None:
    out = io.BytesIO()
    identities = vector.our_identities() or [X25519Identity.generate()]
    source = INPUTS[path](vector)
    if vector.expect == "success":
        decrypt(source, out, identities)  # type: ignore[arg-type]
    else:
        with pytest.raises(EXPECTED_ERRORS[vector.expect]):
            decrypt(source, out, identities)  # type: ignore[arg-type]
    if vector.payload_sha256 is not None:
        # For payload failures: exactly the plaintext released before the failure.
        assert hashlib.sha256(out.getvalue()).hexdigest() == vector.payload_sha256


@pytest.mark.parametrize("vector", SUPPORTED, ids=lambda v: v.name)
def test_vector_pull_reader(vector: Vector) -> None:
    """The same vectors through decrypt_reader, read in uneven sizes."""
    identities = vector.our_identities() or [X25519Identity.generate()]
    released = bytearray()
    sizes = random.Random(vector.name)

    def read_all() -> None:
        reader = decrypt_reader(TrickleReader(vector.body, seed=7), identities)
        while chunk := reader.read(sizes.choice([1, 100, 65_536, 65_537, 200_000])):
            released.extend(chunk)

    if vector.expect == "success":
        read_all()
    else:
        with pytest.raises(EXPECTED_ERRORS[vector.expect]):
            read_all()
    if vector.payload_sha256 is not None:
        assert hashlib.sha256(released).hexdigest() == vector.payload_sha256


@pytest.mark.parametrize(
    "vector", [v for v in SUPPORTED if v.expect == "success"], ids=lambda v: v.name
)
def test_vector_round_trip(vector: Vector) -> None:
    """Re-encrypt each success vector's plaintext to its identity and decrypt it again."""
    plain = io.BytesIO()
    identities = vector.our_identities()
    decrypt(io.BytesIO(vector.body), plain, identities)
    if vector.passphrases:
        recipients = [ScryptRecipient(vector.passphrases[0], work_factor=10)]
    else:
        recipients = [X25519Identity.parse(vector.identities[0]).recipient]  # type: ignore[list-item]
    # Armor decodes line by line (it is for small files): round-trip it on the small ones.
    for armor in (False, True) if len(plain.getvalue()) < 1 << 20 else (False,):
        sealed = io.BytesIO()
        encrypt(io.BytesIO(plain.getvalue()), sealed, recipients, armor=armor)
        back = io.BytesIO()
        decrypt(io.BytesIO(sealed.getvalue()), back, identities)
        assert back.getvalue() == plain.getvalue()
