"""The age API's contracts: recipient rules, key strings, hostile input."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from agecli import run_age

from transport.age import (
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    _bech32,
    decrypt,
    decrypt_reader,
    encrypt,
    encrypt_writer,
)
from transport.errors import (
    DecryptionError,
    EncryptionError,
    HeaderError,
    KeyFormatError,
    NoIdentityMatchError,
    PayloadError,
)


def _seal(data: bytes, recipients: list, armor: bool = False) -> bytes:  # type: ignore[type-arg]
    out = io.BytesIO()
    encrypt(io.BytesIO(data), out, recipients, armor=armor)
    return out.getvalue()


def _open(sealed: bytes, identities: list) -> bytes:  # type: ignore[type-arg]
    out = io.BytesIO()
    decrypt(io.BytesIO(sealed), out, identities)
    return out.getvalue()


def _key_file(tmp_path: Path, identity: X25519Identity) -> Path:
    path = tmp_path / "key.txt"
    path.write_text(f"{identity}\n")
    return path


def test_scrypt_must_be_alone() -> None:
    with pytest.raises(EncryptionError):
        _seal(
            b"x",
            [ScryptRecipient("pass phrase 1", work_factor=4), X25519Identity.generate().recipient],
        )


def test_no_recipients_is_refused() -> None:
    with pytest.raises(EncryptionError):
        _seal(b"x", [])


def test_wrong_passphrase_is_no_match() -> None:
    sealed = _seal(b"records", [ScryptRecipient("right one 1", work_factor=4)])
    with pytest.raises(NoIdentityMatchError):
        _open(sealed, [ScryptIdentity("wrong one 2")])
    assert _open(sealed, [ScryptIdentity("right one 1")]) == b"records"


def test_work_factor_above_limit_is_refused() -> None:
    sealed = _seal(b"records", [ScryptRecipient("right one 1", work_factor=14)])
    with pytest.raises(HeaderError, match="work factor"):
        _open(sealed, [ScryptIdentity("right one 1", max_work_factor=12)])


def test_wrong_identity_is_no_match() -> None:
    sealed = _seal(b"records", [X25519Identity.generate().recipient])
    with pytest.raises(NoIdentityMatchError):
        _open(sealed, [X25519Identity.generate(), ScryptIdentity("not it 1")])


def _bad_recipient_strings() -> list[str]:
    good = str(X25519Identity.generate().recipient)
    raw = _bech32.decode(good)[1]
    flipped = good[:-1] + ("q" if good[-1] != "q" else "p")
    return [
        "",
        "age1",
        good.upper(),  # recipients are lower case
        flipped,  # bad checksum
        _bech32.encode("agf", raw),  # wrong prefix
        _bech32.encode("age", raw[:31]),  # wrong length
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE",
    ]


@pytest.mark.parametrize("text", _bad_recipient_strings())
def test_bad_recipient_strings(text: str) -> None:
    with pytest.raises(KeyFormatError):
        X25519Recipient.parse(text)


def test_identity_string_forms() -> None:
    identity = X25519Identity.generate()
    text = str(identity)
    assert text.startswith("AGE-SECRET-KEY-1") and text == text.upper()
    assert str(X25519Identity.parse(text).recipient) == str(identity.recipient)
    assert text not in repr(identity)
    with pytest.raises(KeyFormatError):
        X25519Identity.parse(text.lower())  # secret keys are upper case
    with pytest.raises(KeyFormatError):
        X25519Identity.parse(str(identity.recipient))


def test_every_single_byte_flip_is_detected() -> None:
    identity = X25519Identity.generate()
    sealed = _seal(b"a short record\n" * 3, [identity.recipient])
    for position in range(len(sealed)):
        damaged = bytearray(sealed)
        damaged[position] ^= 0x01
        with pytest.raises(DecryptionError):
            _open(bytes(damaged), [identity])


def test_every_truncation_is_detected() -> None:
    identity = X25519Identity.generate()
    sealed = _seal(b"x" * 70_000, [identity.recipient])
    cuts = list(range(0, 400)) + list(range(len(sealed) - 300, len(sealed)))
    for cut in cuts:
        with pytest.raises(DecryptionError):
            _open(sealed[:cut], [identity])


def test_appended_data_is_detected() -> None:
    identity = X25519Identity.generate()
    sealed = _seal(b"x" * 65_536, [identity.recipient])
    with pytest.raises(PayloadError):
        _open(sealed + b"\x00", [identity])


def test_armor_round_trip_and_text_shape() -> None:
    identity = X25519Identity.generate()
    armored = _seal(b"y" * 1000, [identity.recipient], armor=True)
    lines = armored.decode("ascii").splitlines()
    assert lines[0] == "-----BEGIN AGE ENCRYPTED FILE-----"
    assert lines[-1] == "-----END AGE ENCRYPTED FILE-----"
    assert all(len(line) == 64 for line in lines[1:-2])
    assert _open(armored, [identity]) == b"y" * 1000


def test_writer_and_reader_stream_a_tar_through_age(tmp_path: Path) -> None:
    """Push plaintext in as it is produced, pull it out as it is consumed (no temp files)."""
    identity = X25519Identity.generate()
    members = {"records/roster.csv": b"id,name\n" * 20_000, "bag-info.txt": b"Basis: subpoena\n"}
    sealed = tmp_path / "payload.age"
    with (
        sealed.open("wb") as out,
        encrypt_writer(out, [identity.recipient]) as writer,
        tarfile.open(fileobj=writer, mode="w|") as tar,  # type: ignore[call-overload]
    ):
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    assert run_age(["-d", "-i", _key_file(tmp_path, identity), sealed])[:512].startswith(
        b"records/"
    )
    found = {}
    with sealed.open("rb") as src:
        reader = io.BufferedReader(decrypt_reader(src, [identity]))
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            for member in tar:
                extracted = tar.extractfile(member)
                assert extracted is not None
                found[member.name] = extracted.read()
    assert found == members


def test_reader_raises_at_the_damage_not_before() -> None:
    identity = X25519Identity.generate()
    data = bytes(range(256)) * 1024  # 4 chunks
    sealed = bytearray(_seal(data, [identity.recipient]))
    sealed[-100] ^= 1  # damage the last chunk only
    reader = decrypt_reader(io.BytesIO(bytes(sealed)), [identity])
    released = bytearray()
    while len(released) < 3 * 65_536:
        released += reader.read(3 * 65_536 - len(released))
    assert released == data[: 3 * 65_536]  # the three intact chunks come out
    with pytest.raises(PayloadError):
        reader.read(10)


def test_writer_left_by_an_exception_is_not_sealed() -> None:
    identity = X25519Identity.generate()
    out = io.BytesIO()
    with pytest.raises(RuntimeError), encrypt_writer(out, [identity.recipient]) as writer:
        writer.write(b"half of the records")
        raise RuntimeError("the bag writer failed")
    with pytest.raises(PayloadError):
        _open(out.getvalue(), [identity])


@pytest.mark.parametrize("size", [0, 1, 65_536, 65_537, 200_000])
def test_writer_output_equals_what_encrypt_makes_decryptable(size: int) -> None:
    identity = X25519Identity.generate()
    data = bytes(size % 251 for size in range(size))
    out = io.BytesIO()
    with encrypt_writer(out, [identity.recipient], armor=size == 65_536) as writer:
        for start in range(0, size, 7_000):
            writer.write(data[start : start + 7_000])
    assert _open(out.getvalue(), [identity]) == data
