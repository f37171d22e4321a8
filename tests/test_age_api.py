"""The age API's contracts: recipient rules, key strings, hostile input."""

from __future__ import annotations

import io

import pytest

from transport.age import (
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    _bech32,
    decrypt,
    encrypt,
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
